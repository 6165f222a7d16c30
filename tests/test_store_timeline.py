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


def _decided(store: Store) -> object:
    """The library's timeline decided afresh from the digest (what the family must hold)."""
    return store._build_timeline(store._digest_entries())


def test_one_articles_pane_reads_the_timeline_family_alone(store: Store) -> None:
    fresh = Store.open(store.path)
    for aid in ("release", "readout", "unrelated", "nosuch"):
        assert fresh.timeline(article=aid) == _decided(store).select(article=aid)
        assert fresh.visits(aid) == _decided(store).visits_of(aid)
    assert fresh._digest is None and fresh._timeline is None, "no whole-library read"
    assert fresh._list_read is None, "nor the article list"
    assert fresh.timeline(article="release", person="morimoto") == [
        e for e in fresh.timeline(article="release") if e.kind == "visit"
    ]


def test_whole_library_answers_from_the_family_are_the_decided_ones(store: Store) -> None:
    fresh = Store.open(store.path)
    decided = _decided(store)
    assert fresh.timeline() == decided.select()
    assert fresh.visits() == decided.visits
    assert fresh.timeline(person="sakamoto") == decided.select(person="sakamoto")
    assert fresh._digest is None, "read from the timeline family"


def test_an_import_that_joins_a_visit_changes_the_other_sources_pane(store: Store) -> None:
    before = store.timeline(article="release")
    store.add_articles(
        [
            _article(
                "kure",
                date(2031, 5, 14),
                "On May 14, Ms. Maria Lindqvist, Secretary General of NATO, who is visiting "
                "Japan, held a meeting with Mr. MORIMOTO Aiko, Minister of Defense, at Kure.",
            )
        ]
    )
    fresh = Store.open(store.path)
    after = fresh.timeline(article="release")
    assert after == _decided(fresh).select(article="release")
    assert fresh.visits("kure") == fresh.visits("release") != []
    assert after != before


def test_a_schema_5_library_is_backed_up_and_given_its_timeline_when_opened(
    store: Store,
) -> None:
    import orjson
    from library_files import as_schema_5, manifest

    from natojp_tui.store import SCHEMA_VERSION
    from natojp_tui.store.repair import repair

    db = store.path
    answers = {aid: store.timeline(article=aid) for aid in ("release", "readout", "unrelated")}
    whole = store.timeline()
    as_schema_5(db)
    old = manifest(db)
    upgraded = Store.open(db)
    assert manifest(db)["schema"] == SCHEMA_VERSION == 6 and "timeline" in manifest(db)["files"]
    backup = upgraded.backup
    assert backup is not None and backup.name.startswith("backup-schema5-")
    assert orjson.loads((backup / "manifest.json").read_bytes()) == old
    fresh = Store.open(db)
    assert fresh.backup is None, "upgraded once"
    assert {aid: fresh.timeline(article=aid) for aid in answers} == answers
    assert fresh.timeline() == whole
    assert not repair(db).damaged


def test_a_timeline_file_that_disagrees_with_the_articles_is_damage_repair_rebuilds(
    store: Store,
) -> None:
    import orjson
    from library_files import family_path, manifest

    from natojp_tui.store import library, timeline_file
    from natojp_tui.store.repair import repair

    db = store.path
    answer = store.timeline(article="readout")
    stale = timeline_file.empty()
    path = family_path(db, "timeline")
    path.write_bytes(stale)
    doc = manifest(db)
    doc["files"]["timeline"] = [path.name, len(stale), library.crc32(stale)]
    (db / "manifest.json").write_bytes(orjson.dumps(doc))
    result = repair(db)
    assert any("timeline" in line for line in result.damaged), result.damaged
    assert Store.open(db).timeline(article="readout") == answer
    assert not repair(db).damaged
