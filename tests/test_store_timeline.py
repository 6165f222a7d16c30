"""One flow: events and visit mentions are extracted once at import and stored; the
store's timeline decides visits and merges meetings across sources, and every view
(command line, reader) reads that one answer without extracting again."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from types import FrameType

import pytest

from natojp_tui.core.model import Article, Paragraph
from natojp_tui.core.pipeline import extract
from natojp_tui.store.db import Store
from natojp_tui.tui.data import ReaderData


def _article(aid: str, published: date, *paragraphs: str) -> Article:
    body = [Paragraph(p) for p in paragraphs]
    return extract(Article(id=aid, title=aid, paragraphs=body, published=published))


RELEASE = _article(
    "release",
    date(2031, 5, 14),
    "Secretary General Maria Lindqvist concluded a two-day visit to Japan on Wednesday "
    "(14 May 2031). On Tuesday (13 May), she held talks with Prime Minister Haruto Sakamoto "
    "in Tokyo.",
    "On Wednesday, Ms Lindqvist visited Kure Naval Base together with Defence Minister "
    "Aiko Morimoto.",
)
READOUT = _article(
    "readout",
    date(2031, 5, 13),
    "On May 13, commencing at 5:30 p.m. for approximately 40 minutes, Mr. SAKAMOTO Haruto, "
    "Prime Minister of Japan, held a meeting with H.E. Ms. Maria Lindqvist, Secretary General "
    "of NATO, who is visiting Japan.",
)
UNRELATED = _article(
    "unrelated",
    date(2031, 9, 2),
    "Prime Minister Haruto Sakamoto met with President Tomas Varga in Budapest on Tuesday.",
)


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    s = Store.open(tmp_path / "db")
    s.add_articles([RELEASE, READOUT, UNRELATED])
    return s


def test_visit_mentions_are_stored_with_the_article(store: Store) -> None:
    stored = store.article("release")
    assert stored is not None
    assert [(v.visitor, v.host) for v in stored.visits] == [("Maria Lindqvist", "Japan")]
    assert stored.visits == RELEASE.visits


def test_the_same_meeting_from_two_sources_is_one_entry_listing_both(store: Store) -> None:
    talks = [e for e in store.timeline() if e.date == date(2031, 5, 13) and e.kind == "meeting"]
    assert len(talks) == 1
    assert [s.article_id for s in talks[0].sources] == ["readout", "release"]
    assert talks[0].time == "17:30"


def test_every_source_of_a_visit_shows_the_same_timeline(store: Store) -> None:
    from_release = store.timeline(article="release")
    from_readout = store.timeline(article="readout")
    assert from_release == from_readout
    assert {e.kind for e in from_release} == {"meeting", "visit"}
    assert all(e.date != date(2031, 9, 2) for e in from_release)
    [visit] = store.visits("readout")
    assert visit.id == store.visits("release")[0].id
    assert set(visit.article_ids) == {"release", "readout"}


def test_an_article_outside_any_visit_shows_its_own_entries(store: Store) -> None:
    assert store.visits("unrelated") == []
    [entry] = store.timeline(article="unrelated")
    assert entry.date == date(2031, 9, 2)
    assert [s.article_id for s in entry.sources] == ["unrelated"]


def test_filters_by_person_and_date_range(store: Store) -> None:
    morimoto = store.timeline(person="morimoto")
    assert [e.kind for e in morimoto] == ["visit"]
    september = store.timeline(start=date(2031, 9, 1), end=date(2031, 9, 30))
    assert [e.date for e in september] == [date(2031, 9, 2)]
    assert store.timeline(person="nobody such") == []


def test_nothing_is_merged_across_days_or_people(store: Store) -> None:
    sakamoto = [e for e in store.timeline(person="Sakamoto") if e.kind == "meeting"]
    assert sorted(e.date for e in sakamoto) == [date(2031, 5, 13), date(2031, 9, 2)]


EXTRACTORS = frozenset({"analyse", "extract_events", "extract_visit_mentions", "build_registry"})


def test_views_never_extract_again(store: Store) -> None:
    called: list[str] = []

    def watch(frame: FrameType, event: str, _arg: object) -> None:
        if event == "call" and frame.f_code.co_name in EXTRACTORS:
            called.append(frame.f_code.co_name)

    fresh = Store.open(store.path)
    sys.setprofile(watch)
    try:
        entries = fresh.timeline()
        article = fresh.article("readout")
        assert article is not None
        title, items = ReaderData(fresh).timeline(article)
        visits = fresh.visits()
    finally:
        sys.setprofile(None)
    assert called == []
    assert title.startswith("Maria Lindqvist in Japan")
    assert [i.summary for i in items] == [e.summary for e in fresh.timeline(article="readout")]
    assert len(entries) == 3 and len(visits) == 1


def test_the_timeline_follows_a_new_import(store: Store) -> None:
    before = len(store.timeline())
    store.add_articles(
        [
            _article(
                "later",
                date(2031, 10, 8),
                "Prime Minister Haruto Sakamoto met with Chancellor Ilse Brandt in Berlin on "
                "Wednesday.",
            )
        ]
    )
    assert len(store.timeline()) == before + 1
