"""Event extraction: what happened, who took part, when and where — and what did not."""

from datetime import date
from pathlib import Path

import pytest

from natojp_tui.core.events import extract_events, extract_visit_mentions, split_sentences
from natojp_tui.core.model import Event
from natojp_tui.core.people import build_registry
from natojp_tui.core.pipeline import extract
from natojp_tui.core.text.document import AnalysedArticle
from natojp_tui.ingest import load_article

SEED = Path(__file__).parent.parent / "articles" / "2013-04-15-nato-japan-political-declaration.txt"


def events_of(
    paragraphs: list[str], published: date | None, place: str | None = None
) -> list[Event]:
    doc = AnalysedArticle.of(paragraphs, published=published, place=place, article_id="t")
    return extract_events(doc, build_registry(doc))


def only(events: list[Event], kind: str) -> Event:
    found = [e for e in events if e.kind == kind]
    assert len(found) == 1, found
    return found[0]


# --- the seed article (acceptance) -------------------------------------------------------


@pytest.fixture(scope="module")
def seed_events() -> list[Event]:
    article = extract(load_article(SEED))
    for e in article.events:
        assert article.body[e.paragraph][e.start : e.end]  # the source sentence exists
    return article.events


def test_seed_signing_is_dated_placed_and_has_both_signatories(seed_events: list[Event]) -> None:
    signing = only(seed_events, "signing")
    assert signing.date == date(2013, 4, 15)
    assert signing.date_precision == "day"
    assert signing.place == "Tokyo"
    assert signing.participants[:2] == ["Anders Fogh Rasmussen", "Shinzo Abe"]
    assert "Joint Political Declaration" in signing.summary
    assert "North Korea" in signing.summary  # discussed at that meeting


def test_seed_visit_meetings_have_no_invented_day(seed_events: list[Event]) -> None:
    counterparts = {}
    for e in seed_events:
        if e.kind in ("meeting", "group_meeting"):
            assert e.date is None and e.date_precision == "visit", e
            assert "Anders Fogh Rasmussen" in e.participants
            counterparts[[*e.participants, *e.groups][-1]] = e.kind
    assert counterparts == {
        "Fumio Kishida": "meeting",
        "Itsunori Onodera": "meeting",
        "members of the Japanese Diet": "group_meeting",
    }


def test_seed_has_no_events_for_past_contributions_or_hopes(seed_events: list[Event]) -> None:
    assert len(seed_events) <= 6
    told = " ".join(e.summary for e in seed_events)
    for word in ("Afghanistan", "Balkans", "piracy"):
        assert word not in told


def test_seed_events_get_stable_ids(seed_events: list[Event]) -> None:
    assert [e.id.rsplit(":", 1)[1] for e in seed_events] == [
        f"e{n}" for n in range(len(seed_events))
    ]


# --- readouts ----------------------------------------------------------------------------

READOUT = [
    "On January 31, commencing at 6:15 p.m. for approximately 30 minutes, Mr. KISHIDA Fumio, "
    "Prime Minister of Japan, held a summit meeting with H.E. Mr. Jens Stoltenberg, Secretary "
    "General of NATO, who is visiting Japan. The overview is as follows.",
    "1. At the outset, Prime Minister Kishida welcomed Secretary General Stoltenberg’s visit to Japan.",
    "2. The two leaders exchanged views on the situation surrounding Ukraine.",
    "3. Following the meeting, Prime Minister Kishida hosted a working dinner for Secretary "
    "General Stoltenberg.",
]


def test_readout_meeting_with_clock_time_and_duration() -> None:
    events = events_of(READOUT, date(2023, 1, 31))
    meeting = only(events, "meeting")
    assert (meeting.date, meeting.time, meeting.duration) == (date(2023, 1, 31), "18:15", 30)
    assert meeting.date_precision == "exact"
    assert set(meeting.participants) == {"Fumio Kishida", "Jens Stoltenberg"}
    assert "situation surrounding Ukraine" in meeting.summary  # the topic joins the meeting


def test_welcoming_someones_visit_is_not_a_meeting_and_dinner_follows_the_meeting() -> None:
    events = events_of(READOUT, date(2023, 1, 31))
    assert [e.kind for e in events] == ["meeting", "meal"]
    dinner = events[1]
    assert dinner.date == date(2023, 1, 31) and dinner.time is None
    assert dinner.date_precision == "day"
    assert set(dinner.participants) == {"Fumio Kishida", "Jens Stoltenberg"}


def test_local_time_kept_japan_time_noted_and_headquarters_as_place() -> None:
    text = [
        "On April 4 (local time), commencing at 11:35 a.m. (6:35 p.m. Japan time) for approximately "
        "40 minutes, Ms. KAMIKAWA Yoko, Minister for Foreign Affairs, held a meeting with Mr. Jens "
        "Stoltenberg, Secretary General of NATO, at NATO Headquarters."
    ]
    [e] = events_of(text, date(2024, 4, 4))
    assert (e.date, e.time, e.duration, e.note) == (
        date(2024, 4, 4),
        "11:35",
        40,
        "Japan time 18:35",
    )
    assert e.place == "NATO Headquarters"


def test_courtesy_call_received() -> None:
    text = [
        "On April 5, commencing at 2:30 p.m., Mr. UESUGI Kentaro, State Minister for Foreign Affairs, "
        "received a courtesy call from Admiral Rob Bauer, Chair of the NATO Military Committee."
    ]
    [e] = events_of(text, date(2022, 4, 5))
    assert e.kind == "courtesy_call"
    assert set(e.participants) == {"Kentaro Uesugi", "Rob Bauer"}
    assert e.time == "14:30"


# --- wire news ---------------------------------------------------------------------------


def test_weekdays_and_the_previous_day_resolve_against_the_article_date() -> None:
    text = [
        "TOKYO (Wire) - NATO Secretary-General Jens Stoltenberg on Wednesday toured an air base "
        "near Tokyo, on the final day of a three-day visit.",
        "Stoltenberg, who met Prime Minister Fumio Kishida the previous day, said ties were strong.",
    ]
    events = events_of(text, date(2023, 2, 1))
    tour = only(events, "visit")
    meeting = only(events, "meeting")
    assert tour.date == date(2023, 2, 1) and "air base" in (tour.place or "")
    assert meeting.date == date(2023, 1, 31)
    assert set(meeting.participants) == {"Jens Stoltenberg", "Fumio Kishida"}


def test_plans_hopes_and_negations_are_not_events_and_history_is_background() -> None:
    text = [
        "Japanese Prime Minister Fumio Kishida will attend the NATO summit next week and will "
        "visit Seoul next week. He is expected to meet NATO Secretary-General Jens Stoltenberg.",
        "Kishida did not meet Stoltenberg this week. Kishida has met Stoltenberg several times.",
        "In 2014, Prime Minister Shinzo Abe signed a partnership programme with NATO. Japan has "
        "in the past contributed to building peace in the Balkans.",
        "Stoltenberg expressed hope that Japan will continue its support, and said he looked "
        "forward to meeting Kishida.",
    ]
    [signing] = events_of(text, date(2022, 6, 21))
    assert (signing.kind, signing.participants) == ("signing", ["Shinzo Abe"])
    assert signing.background and signing.date is None and signing.date_precision == "unknown"


def test_quoted_words_never_trigger_events() -> None:
    text = [
        "“We met many leaders and signed many declarations,” said Secretary General Jens Stoltenberg."
    ]
    assert events_of(text, date(2023, 1, 31)) == []


def test_talks_with_several_people_are_one_event_each_sharing_the_sentence() -> None:
    text = [
        "On Tuesday (9 May), Deputy Secretary General Mircea Geoană held talks with Foreign Minister "
        "Yoshimasa Hayashi and Defence Minister Yasukazu Hamada in Tokyo."
    ]
    events = events_of(text, date(2023, 5, 10))
    assert [e.participants for e in events] == [
        ["Mircea Geoană", "Yoshimasa Hayashi"],
        ["Mircea Geoană", "Yasukazu Hamada"],
    ]
    assert {(e.start, e.end, e.date, e.place) for e in events} == {
        (0, len(text[0]), date(2023, 5, 9), "Tokyo")
    }


def test_visiting_a_country_is_a_visit_not_an_event_but_a_site_is_an_event() -> None:
    text = [
        "Secretary General Jens Stoltenberg visited Japan on Tuesday (31 January 2023). He visited "
        "the Japan Maritime Self-Defense Force base at Yokosuka and laid a wreath at the "
        "Chidorigafuchi National Cemetery."
    ]
    events = events_of(text, date(2023, 1, 31))
    assert [(e.kind, e.place) for e in events] == [
        ("visit", "Japan Maritime Self-Defense Force base at Yokosuka"),
        ("visit", "Chidorigafuchi National Cemetery"),
    ]
    doc = AnalysedArticle.of(text, published=date(2023, 1, 31))
    visits = extract_visit_mentions(doc, build_registry(doc))
    assert [(v.visitor, v.host) for v in visits] == [("Jens Stoltenberg", "Japan")]


def test_a_three_day_visit_from_a_weekday_gives_the_span() -> None:
    text = ["NATO Secretary-General Jens Stoltenberg began a three-day visit to Japan on Monday."]
    doc = AnalysedArticle.of(text, published=date(2023, 1, 30))
    [v] = extract_visit_mentions(doc, build_registry(doc))
    assert (v.first_day, v.last_day, v.days) == (date(2023, 1, 30), date(2023, 2, 1), 3)


def test_press_conference_address_and_group_meeting() -> None:
    text = [
        "Secretary General Jens Stoltenberg and Prime Minister Fumio Kishida held a joint press "
        "conference in Tokyo on Tuesday (31 January 2023). Earlier in the day, the Secretary "
        "General delivered a speech at Keio University and met with business leaders."
    ]
    events = events_of(text, date(2023, 1, 31))
    assert [e.kind for e in events] == ["press_conference", "address", "group_meeting"]
    assert all(e.date == date(2023, 1, 31) for e in events)
    assert events[1].place == "Keio University"
    assert events[2].participants == ["Jens Stoltenberg"]
    assert events[2].groups == ["business leaders"]


def test_dateline_place_is_the_default_place() -> None:
    text = [
        "NATO Secretary General Jens Stoltenberg met Japan's Ambassador Takeshi Osuga on Thursday."
    ]
    [e] = events_of(text, date(2019, 12, 5), place="Brussels")
    assert e.place == "Brussels"


def test_sentences_keep_abbreviations_and_list_numbers() -> None:
    text = "1. Mr. Abe met Gen. Nakatani at 6 p.m. Japan time. Then he left."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "1. Mr. Abe met Gen. Nakatani at 6 p.m. Japan time.",
        "Then he left.",
    ]
