"""The reader's library keys, driven with Pilot: remove and undo, notes, tags,
corrections, the source one key away, dossiers, the people view and reading state."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from test_tui_support import AFR, SEED, isolate, make_app, plain_article, seed_article

from natojp_tui.tui.widgets.article_list import ArticleList
from natojp_tui.tui.widgets.source_line import SourceLine
from natojp_tui.tui.widgets.timeline_view import TimelineView

WIDE = (160, 50)


@pytest.fixture
def home(tmp_path, monkeypatch):
    return isolate(tmp_path, monkeypatch)


async def settle(app, pilot) -> None:
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


def detail(app) -> str:
    return str(app.reader.query_one("#detail").render())


def source_line(app) -> str:
    return str(app.reader.query_one(SourceLine).render())


def listed(app) -> list[str]:
    return [r.id for r in app.reader.query_one(ArticleList).lines.rows]


async def test_d_asks_then_removes_the_article_and_u_brings_it_back(home):
    seed, other = seed_article(), plain_article(1)
    app, _, store = make_app(home, [seed, other])
    async with app.run_test(size=WIDE) as pilot:
        await settle(app, pilot)
        assert app.reader.article_id == seed.id
        await pilot.press("n", "s")  # a star, to see it kept
        await settle(app, pilot)
        await pilot.press("d")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "ConfirmScreen"
        await pilot.press("n")
        await settle(app, pilot)
        assert listed(app) == [seed.id, other.id]
        await pilot.press("d")
        await settle(app, pilot)
        await pilot.press("y")
        await settle(app, pilot)
        assert listed(app) == [other.id]
        assert app.reader.article_id == other.id  # the next article opens
        assert store.search("").total == len(other.quotes)
        assert any("u undoes" in n.message for n in app._notifications)
        await pilot.press("u")
        await settle(app, pilot)
        assert listed(app) == [seed.id, other.id] and app.reader.article_id == seed.id
        assert store.starred() == {seed.quotes[0].id}


async def test_a_opens_a_multi_line_note_editor_and_the_note_shows_in_the_detail_line(home):
    seed = seed_article()
    app, _, store = make_app(home, [seed])
    async with app.run_test(size=WIDE) as pilot:
        await settle(app, pilot)
        await pilot.press("N", "a")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "NoteEditor"
        await pilot.press(*"Compare with MOFA", "enter", *"readout of 15 April")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        quote = seed.quotes[-1]
        assert store.note_of(quote.id) == "Compare with MOFA\nreadout of 15 April"
        assert "✎ Compare with MOFA (more)" in detail(app)
        await pilot.press("slash")
        app.screen.query_one("#search-input").value = "has:note readout"
        await settle(app, pilot)
        assert [r.id for r in app.screen.results.rows] == [quote.id]
        await pilot.press("escape", "a")
        await settle(app, pilot)
        assert app.screen.query_one("#note-text").text.startswith("Compare with MOFA")
        await pilot.press("escape")  # cancel: the note stays
        await settle(app, pilot)
        assert store.note_of(quote.id) is not None


async def test_hash_tags_the_selected_quote_and_tag_finds_it(home):
    seed = seed_article()
    app, _, store = make_app(home, [seed])
    async with app.run_test(size=WIDE) as pilot:
        await settle(app, pilot)
        await pilot.press("n", "number_sign")
        await settle(app, pilot)
        await pilot.press(*"asia declaration", "enter")
        await settle(app, pilot)
        assert store.tags_of(seed.quotes[0].id) == ["asia", "declaration"]
        assert "#asia #declaration" in detail(app)
        await pilot.press("number_sign", *"-asia", "enter")
        await settle(app, pilot)
        assert store.tags_of(seed.quotes[0].id) == ["declaration"]
        await pilot.press("slash")
        app.screen.query_one("#search-input").value = "tag:decl"
        await settle(app, pilot)
        assert [r.id for r in app.screen.results.rows] == [seed.quotes[0].id]


async def test_e_exports_the_quotes_with_the_users_star_note_and_tags(home):
    seed = seed_article()
    app, _, store = make_app(home, [seed])
    quote = seed.quotes[0]
    store.set_note(quote.id, "Opening line")
    store.tag(quote.id, "asia")
    async with app.run_test(size=WIDE) as pilot:
        await settle(app, pilot)
        await pilot.press("n", "s", "e")
        await settle(app, pilot)
        target = home / "home" / "annotated.json"
        app.screen.query_one("#export-path").value = str(target)
        await pilot.press("enter")
        await settle(app, pilot)
    records = {r["id"]: r for r in json.loads(target.read_text(encoding="utf-8"))}
    mine = records[quote.id]
    assert (mine["starred"], mine["notes"], mine["tags"]) == (True, ["Opening line"], ["asia"])
    others = [r for qid, r in records.items() if qid != quote.id]
    assert len(others) == len(seed.quotes) - 1
    assert all((r["starred"], r["notes"], r["tags"]) == (False, [], []) for r in others)


def timeline_prompts(app) -> list[str]:
    view = app.reader.query_one(TimelineView)
    return [str(view.get_option_at_index(i).prompt) for i in range(view.option_count)]


async def test_hash_on_a_highlighted_meeting_tags_it_and_the_timeline_shows_the_tag(home):
    seed = seed_article()
    app, _, store = make_app(home, [seed])
    async with app.run_test(size=WIDE) as pilot:
        await settle(app, pilot)
        await pilot.press("t")
        await settle(app, pilot)
        view = app.reader.query_one(TimelineView)
        item = view.items[view.highlighted]
        [event_id] = [s.event_id for s in item.sources if s.article_id == seed.id]
        await pilot.press("number_sign", *"ministers", "enter")
        await settle(app, pilot)
        assert store.tags_of(event_id) == ["ministers"]
        assert [p for p in timeline_prompts(app) if "#ministers" in p] == [
            timeline_prompts(app)[view.highlighted]
        ]
        await pilot.press("a", *"Ask MOFA", "ctrl+s")
        await settle(app, pilot)
        assert store.note_of(event_id) == "Ask MOFA"
        assert "✎ Ask MOFA" in timeline_prompts(app)[view.highlighted]
        await pilot.press("u", "u")  # the note, then the tag
        await settle(app, pilot)
        assert not any("#ministers" in p or "✎" in p for p in timeline_prompts(app))


async def test_c_corrects_a_quotes_speaker_shows_it_corrected_and_u_undoes(home):
    seed = seed_article()
    app, _, store = make_app(home, [seed])
    async with app.run_test(size=WIDE) as pilot:
        await settle(app, pilot)
        await pilot.press("n", "c")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "CorrectScreen"
        field = app.screen.query_one("#correct-speaker")
        field.value = "Shinzo Abe"
        field.focus()
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.reader.selected_quote.speaker == "Shinzo Abe"
        assert "Shinzo Abe" in detail(app) and "corrected: speaker" in detail(app)
        assert store.quote(seed.quotes[0].id).speaker == "Shinzo Abe"
        await pilot.press("u")
        await settle(app, pilot)
        assert app.reader.selected_quote.speaker == AFR
        assert "corrected" not in detail(app)


async def test_c_without_a_quote_corrects_the_articles_date_and_the_source_line_says_so(home):
    seed = seed_article()
    app, _, _ = make_app(home, [seed])
    async with app.run_test(size=WIDE) as pilot:
        await settle(app, pilot)
        await pilot.press("c")
        await settle(app, pilot)
        field = app.screen.query_one("#correct-date")
        assert field.value == "2013-04-15"
        field.value = "2013-04-16"
        field.focus()
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.reader.article.published.isoformat() == "2013-04-16"
        assert "corrected: date" in source_line(app)
        assert app.reader.query_one(ArticleList).all_rows[0].published.isoformat() == "2013-04-16"


async def test_the_source_line_shows_url_and_id_w_opens_it_and_W_copies_it(home, monkeypatch):
    opened: list[str] = []
    monkeypatch.setattr("webbrowser.open", lambda url, *a, **k: opened.append(url) or True)
    article = plain_article(1)
    article.url = "https://www.nato.int/cps/en/natohq/news_1.htm"
    app, clip, _ = make_app(home, [article])
    async with app.run_test(size=WIDE) as pilot:
        await settle(app, pilot)
        assert f"id {article.id} · {article.url}" in source_line(app)
        await pilot.press("w")
        await settle(app, pilot)
        assert opened == [article.url]
        await pilot.press("W")
        await settle(app, pilot)
        assert clip.osc52_sent == [article.url]


async def test_w_on_an_imported_file_opens_the_file(home, monkeypatch):
    opened: list[str] = []
    monkeypatch.setattr("webbrowser.open", lambda url, *a, **k: opened.append(url) or True)
    app, clip, store = make_app(home, [])
    store.import_paths([SEED])
    async with app.run_test(size=WIDE) as pilot:
        await settle(app, pilot)
        assert str(SEED.resolve()) in source_line(app)
        await pilot.press("w", "W")
        await settle(app, pilot)
        assert opened == [SEED.resolve().as_uri()]
        assert clip.osc52_sent == [str(SEED.resolve())]


async def test_reading_state_marks_sort_and_group_by_visit(home):
    seed, a1, a2 = seed_article(), plain_article(1, title="Zebra talks"), plain_article(2)
    app, _, store = make_app(home, [seed, a1, a2])
    async with app.run_test(size=WIDE) as pilot:
        await settle(app, pilot)
        rows = {r.id: r for r in app.reader.query_one(ArticleList).all_rows}
        assert rows[seed.id].read  # opened: read
        assert not rows[a1.id].read and rows[a1.id].new  # the last import brought it
        assert store.is_read(seed.id)
        await pilot.press("m")  # back to unread
        await settle(app, pilot)
        assert not store.is_read(seed.id)
        await pilot.press("o")  # by source: MOFA, then NATO (newest first inside)
        await settle(app, pilot)
        assert [r.source for r in app.reader.query_one(ArticleList).lines.rows] == [
            "MOFA",
            "NATO",
            "NATO",
        ]
        await pilot.press("o")  # by title
        await settle(app, pilot)
        titles = [r.title for r in app.reader.query_one(ArticleList).lines.rows]
        assert titles == sorted(titles, key=str.casefold) and titles[-1] == "Zebra talks"
        await pilot.press("v")
        await settle(app, pilot)
        rows = app.reader.query_one(ArticleList).lines.rows
        headings = [r for r in rows if r.is_heading]
        assert rows[0].is_heading and headings[-1].title == "No visit"
        assert sum(h.quotes for h in headings) == 3  # each heading counts its articles
        assert {r.id for r in rows if not r.is_heading} == {seed.id, a1.id, a2.id}


async def test_plus_adds_to_a_dossier_and_D_previews_and_exports_the_brief(home):
    seed = seed_article()
    app, _, store = make_app(home, [seed])
    target = home / "home" / "brief.md"
    async with app.run_test(size=WIDE) as pilot:
        await settle(app, pilot)
        await pilot.press("N", "plus")
        await settle(app, pilot)
        await pilot.press(*"2013 visit", "enter")
        await settle(app, pilot)
        assert [d["name"] for d in store.dossiers()] == ["2013 visit"]
        await pilot.press("D")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "DossierScreen"
        brief = str(app.screen.query_one("#dossier-brief").render())
        assert "## Quotes" in brief and "We are natural partners" in brief
        await pilot.press("e")
        await settle(app, pilot)
        app.screen.query_one("#dossier-path").value = str(target)
        app.screen.query_one("#dossier-path").focus()
        await pilot.press("enter")
        await settle(app, pilot)
        assert target.read_text(encoding="utf-8").startswith("# 2013 visit\n")


async def test_p_lists_people_and_enter_filters_the_quote_browser_and_the_timeline(home):
    app, _, store = make_app(home, [])
    store.import_paths([SEED])
    async with app.run_test(size=WIDE) as pilot:
        await settle(app, pilot)
        await pilot.press("p")
        await settle(app, pilot)
        screen = app.screen
        assert type(screen).__name__ == "PeopleScreen"
        names = [r.name for r in screen.rows]
        assert names[0] == AFR and {"Shinzo Abe", "Fumio Kishida"} <= set(names)
        afr = screen.rows[0]
        assert afr.quotes == len([q for q in store.quotes() if q.speaker == AFR])
        assert afr.meetings == 4
        assert "Secretary General" in afr.roles[0].label()
        await pilot.press("enter")
        await settle(app, pilot)
        browser = app.screen
        assert type(browser).__name__ == "QuoteBrowser"
        assert {r.speaker for r in browser.lines.rows} == {AFR}
        await pilot.press("escape")
        await settle(app, pilot)
        title = str(app.reader.query_one("#timeline-title").render())
        assert title == f"Meetings with {AFR} (4)"
        assert app.reader.query_one(TimelineView).option_count == 4


def test_the_people_view_has_no_phantom_people_for_the_seed_and_the_development_set(
    tmp_path: Path, data_dir: Path
) -> None:
    """Everyone listed is a full name that an article's text states (no headline
    fragments like "Hayashi Attends", no sentence openers like "Earlier")."""
    from natojp_tui.store import Store
    from natojp_tui.tui.data import ReaderData

    store = Store.open(tmp_path / "db")
    store.import_paths([SEED, data_dir / "dev"])
    paragraphs = [
        set(re.findall(r"[\w’'-]+", p.text.casefold()))
        for a in (store.article(i) for i in store.article_ids())
        for p in a.paragraphs
        if p.kind in ("body", "caption")
    ]
    rows = ReaderData(store).people_rows()
    assert len(rows) >= 30
    for row in rows:
        words = set(row.name.casefold().split())
        assert len(words) >= 2, f"{row.name!r} is not a full name"
        # every word of the name in one paragraph of text ("SUZUKI Hiroshi" counts);
        # a headline fragment like "Hayashi Attends" is only in a title
        assert any(words <= p for p in paragraphs), f"{row.name!r} is not named in any text"
    assert {"Anders Fogh Rasmussen", "Jens Stoltenberg", "Fumio Kishida"} <= {r.name for r in rows}


async def test_a_long_source_stays_on_its_one_line_at_80_columns(home):
    """Wrapped, a long URL fell onto the line's hidden second row: only the id showed."""
    article = plain_article(1)
    article.url = "https://www.mofa.go.jp/erp/ep/page4e_001500-a-very-long-readout-address.html"
    app, _, _ = make_app(home, [article])
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        line = app.reader.query_one(SourceLine)
        [row] = [line.render_line(0).text]
        assert row.strip().startswith(f"id {article.id} · https://www.mofa.go.jp/erp")
        assert row.rstrip().endswith("…")
