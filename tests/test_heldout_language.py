"""Press-release and readout language found missing by the held-out evaluation
(``tests/data/heldout``): each test states one general behaviour on a short text."""

from __future__ import annotations

from datetime import date

from natojp_tui.core.events import extract_events
from natojp_tui.core.model import Event, Quote
from natojp_tui.core.people import build_registry
from natojp_tui.core.quotes import extract_quotes
from natojp_tui.core.text.document import AnalysedArticle


def _quotes(*paragraphs: str) -> list[Quote]:
    paras = list(paragraphs)
    doc = AnalysedArticle.of(paras, title="Test", article_id="t")
    return extract_quotes(doc, build_registry(doc))


def _indirect(*paragraphs: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in _quotes(*paragraphs) if q.kind == "indirect"]


def _events(*paragraphs: str, published: date = date(2024, 7, 11)) -> list[Event]:
    paras = list(paragraphs)
    doc = AnalysedArticle.of(paras, title="Test", published=published, article_id="t")
    return extract_events(doc, build_registry(doc))


READOUT_LEAD = (
    "On July 11, Ms. KAMIKAWA Yoko, Minister for Foreign Affairs of Japan, held a meeting with "
    "H.E. Mr. Jens Stoltenberg, Secretary General of NATO."
)


def test_two_that_clauses_of_one_verb_are_one_report_by_the_same_speaker() -> None:
    # one reported statement per reporting verb (tests/data/real/README.md)
    found = _indirect(
        READOUT_LEAD,
        "Minister Kamikawa stated that the two regions are inseparable, and that Japan will "
        "further strengthen its cooperation with NATO.",
    )
    assert found == [
        (
            "the two regions are inseparable, and that Japan will further strengthen its "
            "cooperation with NATO",
            "Yoko Kamikawa",
        )
    ]


def test_and_that_of_is_a_pronoun_not_a_second_report() -> None:
    found = _indirect(
        READOUT_LEAD,
        "Minister Kamikawa stated that the security of Europe and that of the Indo-Pacific "
        "are inseparable.",
    )
    assert found == [
        ("the security of Europe and that of the Indo-Pacific are inseparable", "Yoko Kamikawa")
    ]


def test_a_report_ends_where_a_second_speech_verb_of_the_subject_begins() -> None:
    found = _indirect(
        READOUT_LEAD,
        "In response, Secretary General Stoltenberg stated that Japan is one of NATO's closest "
        "partners and expressed his appreciation for Japan's support for Ukraine.",
    )
    assert ("Japan is one of NATO's closest partners", "Jens Stoltenberg") in found
    assert ("Japan's support for Ukraine", "Jens Stoltenberg") in found


def test_said_in_a_statement_after_the_clause_attributes_the_clause() -> None:
    found = _indirect(
        "Foreign Minister Takeshi Iwaya arrived in Brussels on Monday.",
        "Japan will coordinate closely with NATO allies on the issue, Iwaya said in a statement.",
    )
    assert found == [
        ("Japan will coordinate closely with NATO allies on the issue", "Takeshi Iwaya")
    ]


def test_wire_dateline_with_a_date_is_not_part_of_the_reported_clause() -> None:
    found = _indirect(
        "TOKYO, Oct 20 (Reuters) - Japan will send cyber specialists to a NATO exercise next "
        "month, Defence Minister Minoru Kihara said on Friday, as Tokyo seeks closer ties."
    )
    assert found == [
        ("Japan will send cyber specialists to a NATO exercise next month", "Minoru Kihara")
    ]


def test_a_reported_agreement_keeps_its_speakers_when_a_source_is_named_after_it() -> None:
    quotes = _quotes(
        "Prime Minister Shigeru Ishiba met NATO Secretary General Mark Rutte in Tokyo.",
        "The two leaders also agreed that the security of the two regions could not be "
        "separated, according to a Japanese government readout.",
    )
    indirect = [q for q in quotes if q.kind == "indirect"]
    assert [q.text for q in indirect] == ["the security of the two regions could not be separated"]
    assert set(indirect[0].speaker_ids) == {"shigeru-ishiba", "mark-rutte"}


def test_a_contrasting_though_clause_is_a_report_of_its_own() -> None:
    found = _indirect(
        "Defence Minister Minoru Kihara met NATO officials in Tokyo.",
        "Kihara said Japan hoped to sign an agreement by the end of the year, though officials "
        "have cautioned that talks could take longer.",
    )
    assert found[0] == ("Japan hoped to sign an agreement by the end of the year", "Minoru Kihara")


def test_a_subject_keeps_its_report_across_a_participial_aside() -> None:
    found = _indirect(
        "NATO Secretary-General Jens Stoltenberg, asked about the office at a news conference, "
        "said that no decision had been taken."
    )
    assert found == [("no decision had been taken", "Jens Stoltenberg")]


def test_a_quote_opening_a_that_clause_is_partial() -> None:
    quotes = _quotes(
        "Secretary General Jens Stoltenberg met Prime Minister Fumio Kishida in Vilnius.",
        'He added that "no partner is closer to NATO than Japan in the Indo-Pacific."',
    )
    quoted = [q for q in quotes if q.kind != "indirect"]
    assert [(q.kind, q.speaker) for q in quoted] == [("partial", "Jens Stoltenberg")]


def test_he_after_a_new_person_opens_a_sentence_is_that_person_not_the_last_speaker() -> None:
    quotes = _quotes(
        "“None of us can look at security through a regional lens,” Secretary General Mark "
        "Rutte said.",
        "Japan's Minister of Defense, Gen Nakatani, briefed Ministers on East Asia. He warned "
        "that attempts to change the status quo by force were continuing.",
    )
    warned = [q for q in quotes if q.text.startswith("attempts")]
    assert [q.speaker for q in warned] == ["Gen Nakatani"]


def test_in_the_afternoon_is_the_day_of_the_event_before_it_and_no_clock_time() -> None:
    events = _events(
        "On July 11, Minister Yoko Kamikawa held a meeting with Secretary General Jens "
        "Stoltenberg at NATO Headquarters.",
        "In the afternoon, Minister Kamikawa met Deputy Secretary General Mircea Geoana.",
    )
    later = [e for e in events if "Mircea Geoana" in e.participants]
    assert [(e.date, e.time, e.date_precision) for e in later] == [(date(2024, 7, 11), None, "day")]


def test_a_meeting_last_week_gets_no_day() -> None:
    events = _events(
        "NATO Secretary General Jens Stoltenberg spoke to reporters in Brussels on Monday. "
        "Ambassador Kazuhiro Suzuki met with Mr Stoltenberg last week to discuss the summit.",
        published=date(2023, 6, 5),
    )
    met = [e for e in events if "Kazuhiro Suzuki" in e.participants]
    assert met and all(e.date is None for e in met)


def test_he_in_a_where_clause_is_the_subject_of_the_sentence() -> None:
    events = _events(
        "On July 12, Prime Minister Fumio Kishida held a summit meeting with Secretary General "
        "Jens Stoltenberg.",
        "In the afternoon, Prime Minister Kishida attended the meeting of NATO Allies and "
        "partners, where he delivered a speech.",
        published=date(2023, 7, 12),
    )
    speeches = [e for e in events if e.kind == "address"]
    assert [e.participants for e in speeches] == [["Fumio Kishida"]]


def test_a_visit_since_taking_office_is_not_read_as_a_site() -> None:
    events = _events(
        "On April 9, commencing at 5:30 p.m. for approximately 40 minutes, Mr. ISHIBA Shigeru, "
        "Prime Minister of Japan, received a courtesy call from H.E. Mr. Mark Rutte, Secretary "
        "General of NATO.",
        "Prime Minister Ishiba welcomed Secretary General Rutte on his first visit to Japan since "
        "assuming office.",
    )
    assert events and all(e.place is None or "since" not in e.place for e in events)


CHAIR_VISIT = (
    "The Chair of the NATO Military Committee, Admiral Giuseppe Cavo Dragone, concluded a "
    "three-day visit to Japan on Wednesday (18 June 2025).",
    "On Monday (16 June), Admiral Cavo Dragone held talks with General Yoshihide Yoshida at the "
    "Ministry of Defense in Ichigaya.",
    "On Tuesday, the Chair paid a courtesy call on State Minister of Defense Masahisa Miyazaki and "
    "visited Camp Asaka, where he observed a demonstration of counter-drone systems.",
)


def test_an_office_in_apposition_outranks_a_military_rank_and_the_bare_office_names_the_person() -> (
    None
):
    doc = AnalysedArticle.of(CHAIR_VISIT, title="Test", published=date(2025, 6, 18), article_id="t")
    registry = build_registry(doc)
    chair = registry.resolve("Admiral Cavo Dragone")
    assert chair is not None and chair.roles[0].title == "Chair of the NATO Military Committee"
    assert registry.resolve("the Chair") is chair


def test_a_courtesy_call_by_the_chair_has_the_chair_as_participant() -> None:
    events = _events(*CHAIR_VISIT, published=date(2025, 6, 18))
    call = next(e for e in events if e.kind == "courtesy_call")
    assert call.participants == ["Giuseppe Cavo Dragone", "Masahisa Miyazaki"]


def test_a_ministry_of_something_is_the_whole_site_and_a_demonstration_is_no_site() -> None:
    events = _events(*CHAIR_VISIT, published=date(2025, 6, 18))
    places = [e.place for e in events]
    assert "Ministry of Defense" in places
    assert not any(p and p.startswith("of ") for p in places)


def test_a_person_naming_something_in_quotes_is_a_partial_quote_but_a_named_drill_is_not() -> None:
    lead = "Secretary General Mark Rutte visited Tokyo with Foreign Minister Yoko Kamikawa."
    found = [
        (q.kind, q.text, q.speaker)
        for q in _quotes(
            lead,
            "They discussed North Korean troops in Russia, which the Secretary General called "
            '"a dangerous expansion of Russia\'s war". The drill called “Iron Shield” began on Monday.',
        )
    ]
    assert found == [("partial", "a dangerous expansion of Russia's war", "Mark Rutte")]


def test_councils_ministers_and_allies_are_groups_met() -> None:
    events = _events(
        "On Tuesday (11 July 2024), Prime Minister Fumio Kishida addressed the North Atlantic Council "
        "at NATO Headquarters in Brussels.",
        published=date(2024, 7, 12),
    )
    assert any("North Atlantic Council" in g for e in events for g in e.groups)
