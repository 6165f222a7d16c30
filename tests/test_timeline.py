"""Visits group events; the timeline merges one event told by several sources, and only that."""

from datetime import date

from natojp_tui.core.model import Article, Paragraph, to_jsonable
from natojp_tui.core.pipeline import extract
from natojp_tui.core.timeline import build_timeline, build_visits, name_key


def article(aid: str, published: date, *paragraphs: str, place: str | None = None) -> Article:
    body = [Paragraph(p) for p in paragraphs]
    return extract(Article(id=aid, title=aid, paragraphs=body, published=published, place=place))


NATO = article(
    "nato",
    date(2023, 2, 1),
    "NATO Secretary General Jens Stoltenberg concluded a three-day visit to Japan on Wednesday "
    "(1 February 2023). On Tuesday (31 January), he held talks with Prime Minister Fumio Kishida "
    "at the Prime Minister’s Office in Tokyo. Following their meeting, the Secretary General and "
    "the Prime Minister hosted a working dinner.",
    "On Wednesday, Mr Stoltenberg visited Iruma Air Base together with Defence Minister Yasukazu "
    "Hamada.",
    "During his visit, the Secretary General also met with members of the Japanese Diet.",
)
MOFA = article(
    "mofa",
    date(2023, 1, 31),
    "On January 31, commencing at 6:15 p.m. for approximately 30 minutes, Mr. KISHIDA Fumio, "
    "Prime Minister of Japan, held a summit meeting with H.E. Mr. Jens Stoltenberg, Secretary "
    "General of NATO, who is visiting Japan. The overview is as follows.",
)
WIRE = article(
    "wire",
    date(2023, 1, 30),
    "TOKYO (Wire) - NATO Secretary-General Jens Stoltenberg arrived in Tokyo on Monday at the "
    "start of a three-day visit to Japan. Stoltenberg met Defence Minister Yasukazu Hamada "
    "earlier on Monday.",
)
OTHER_DAY = article(
    "later",
    date(2023, 7, 12),
    "NATO Secretary General Jens Stoltenberg met with the Prime Minister of Japan, Fumio Kishida, "
    "on Wednesday (12 July 2023) in Vilnius.",
)
ALL = [NATO, MOFA, WIRE, OTHER_DAY]


def test_a_visit_span_comes_from_the_text_and_gathers_articles_and_events() -> None:
    visits = build_visits(ALL)
    [japan] = [v for v in visits if v.host == "Japan"]
    assert japan.visitor == "Jens Stoltenberg"
    assert (japan.start, japan.end, japan.span_from_text) == (
        date(2023, 1, 30), date(2023, 2, 1), True,
    )  # fmt: skip
    assert set(japan.article_ids) == {"nato", "mofa", "wire"}
    assert "later" not in {e.split(":")[0] for e in japan.event_ids}
    assert japan.id == "jens-stoltenberg-japan-2023-01-30"


def test_a_meeting_told_by_a_nato_release_and_a_japanese_readout_is_one_entry() -> None:
    entries = build_timeline(ALL)
    summits = [e for e in entries if e.date == date(2023, 1, 31) and e.kind == "meeting"]
    [summit] = summits
    assert {s.article_id for s in summit.sources} == {"nato", "mofa"}
    assert (summit.time, summit.duration, summit.date_precision) == ("18:15", 30, "exact")
    assert {name_key(p) for p in summit.participants} == {
        name_key("Jens Stoltenberg"),
        name_key("Fumio Kishida"),
    }
    for s in summit.sources:
        source = next(a for a in ALL if a.id == s.article_id)
        assert source.body[s.paragraph][s.start : s.end]


def test_nothing_merges_across_days_people_or_kinds() -> None:
    entries = build_timeline(ALL)
    same_pair = [e for e in entries if e.kind == "meeting" and "Fumio Kishida" in e.participants]
    assert sorted(e.date for e in same_pair) == [date(2023, 1, 31), date(2023, 7, 12)]
    dinner = [e for e in entries if e.kind == "meal"]
    assert len(dinner) == 1 and dinner[0].date == date(2023, 1, 31)
    hamada = [e for e in entries if "Yasukazu Hamada" in e.participants]
    assert sorted((e.date, e.kind) for e in hamada) == [
        (date(2023, 1, 30), "meeting"), (date(2023, 2, 1), "visit"),
    ]  # fmt: skip


def test_entries_are_ordered_by_date_then_time_then_text_order() -> None:
    entries = build_timeline(ALL)
    dated = [e.date for e in entries if e.date is not None]
    assert dated == sorted(dated)
    jan31 = [e.kind for e in entries if e.date == date(2023, 1, 31)]
    assert jan31 == ["meeting", "meal"]  # 18:15 summit, then the dinner that followed it


def test_an_event_during_the_visit_keeps_no_day_and_belongs_to_the_visit() -> None:
    entries = build_timeline(ALL)
    [diet] = [e for e in entries if "members of the Japanese Diet" in e.groups]
    assert diet.date is None and diet.date_precision == "visit"
    assert diet.visit_id == "jens-stoltenberg-japan-2023-01-30"


def test_filters_by_visit_and_by_person() -> None:
    visit = build_timeline(ALL, visit_id="jens-stoltenberg-japan-2023-01-30")
    assert visit and all(e.visit_id == "jens-stoltenberg-japan-2023-01-30" for e in visit)
    assert all(e.date != date(2023, 7, 12) for e in visit)
    hamada = build_timeline(ALL, person="hamada")
    assert hamada and all(any("Hamada" in p for p in e.participants) for e in hamada)
    assert build_timeline(ALL, person="nobody at all") == []


def test_timeline_and_visits_are_json_friendly() -> None:
    data = to_jsonable(build_timeline(ALL))
    assert data[0]["sources"][0]["article_id"]
    assert isinstance(to_jsonable(build_visits(ALL))[0]["start"], str)


def test_names_match_across_spellings() -> None:
    assert name_key("Mircea Geoană") == name_key("GEOANA Mircea")
