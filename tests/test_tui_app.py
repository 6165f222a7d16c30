"""The reader, driven key by key with Textual's Pilot."""

from __future__ import annotations

import io

import pytest
from test_tui_support import (
    AFR,
    SEED_QUOTES,
    isolate,
    make_app,
    plain_article,
    seed_article,
)

from natojp_tui.tui.keymap import KEYS
from natojp_tui.tui.widgets.article_list import ArticleList
from natojp_tui.tui.widgets.body_view import QUOTE_META, BodyView
from natojp_tui.tui.widgets.timeline_view import DURING_THE_VISIT, TimelineView

WIDE = (160, 50)


@pytest.fixture
def isolated_dirs(tmp_path, monkeypatch):
    """Data, config, clipboard fallback and working dir all inside ``tmp_path``."""
    return isolate(tmp_path, monkeypatch)


ATTRIBUTED_LAST = (
    "“We are natural partners and together we can make a difference.” — Anders Fogh Rasmussen, "
    'NATO Secretary General, Tokyo, 15 April 2013 ("NATO and Japan sign Political Declaration '
    'for a stronger partnership", NATO)'
)


def body_lines(app) -> list[str]:
    body = app.reader.query_one(BodyView)
    return [line.plain for line in body.layout_for(body._width()).lines]


def highlighted_quote_ids(app) -> set[str]:
    body = app.reader.query_one(BodyView)
    ids = set()
    for line in body.layout_for(body._width()).lines:
        for span in line.spans:
            meta = getattr(span.style, "meta", None) or {}
            if QUOTE_META in meta:
                ids.add(meta[QUOTE_META])
    return ids


async def settle(app, pilot) -> None:
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_seed_article_opens_with_five_highlighted_quotes(isolated_dirs):
    article = seed_article()
    app, _, _ = make_app(isolated_dirs, [article])
    async with app.run_test(size=WIDE) as pilot:
        await settle(app, pilot)
        assert app.reader.article_id == article.id
        assert highlighted_quote_ids(app) == {q.id for q in article.quotes}
        lines = body_lines(app)
        assert lines[0] == article.title
        assert "15 April 2013 · NATO" in lines[1]
        assert not any(line.strip() == "Video" for line in lines)  # boilerplate hidden
        assert any(line.startswith("▏ NATO Secretary General") for line in lines)  # caption


async def test_the_search_warm_up_waits_until_the_first_article_is_drawn(isolated_dirs):
    article = seed_article()
    app, _, store = make_app(isolated_dirs, [article])
    shown_when_warmed: list[str | None] = []
    warm = store.warm

    def recording_warm() -> None:
        shown_when_warmed.append(app.reader.article_id)
        warm()

    store.warm = recording_warm
    async with app.run_test(size=WIDE) as pilot:
        await settle(app, pilot)
        assert shown_when_warmed == [article.id]  # warmed once, with the article on screen


async def test_an_empty_library_still_warms_the_search(isolated_dirs):
    app, _, store = make_app(isolated_dirs, [])
    warmed: list[bool] = []
    store.warm = lambda: warmed.append(True)
    async with app.run_test(size=WIDE) as pilot:
        await settle(app, pilot)
        assert app.reader.article_id is None
        assert warmed == [True]


async def test_n_walks_the_quotes_in_reading_order_and_N_walks_back(isolated_dirs):
    article = seed_article()
    app, _, _ = make_app(isolated_dirs, [article])
    async with app.run_test(size=WIDE) as pilot:
        await settle(app, pilot)
        seen = []
        for _ in SEED_QUOTES:
            await pilot.press("n")
            seen.append(app.reader.selected_quote.text)
        assert seen == list(SEED_QUOTES)
        await pilot.press("N")
        assert app.reader.selected_quote.text == SEED_QUOTES[3]
        await pilot.press("left_square_bracket")
        assert app.reader.selected_quote.text == SEED_QUOTES[2]
        await pilot.press("right_square_bracket")
        assert app.reader.selected_quote.text == SEED_QUOTES[3]
        detail = str(app.reader.query_one("#detail").render())
        assert "4/5" in detail and AFR in detail and "NATO Secretary General" in detail


async def test_slash_search_finds_natural_partners_and_enter_selects_it(isolated_dirs):
    article = seed_article()
    app, clip, _ = make_app(isolated_dirs, [article, plain_article(1)])
    async with app.run_test(size=WIDE) as pilot:
        await settle(app, pilot)
        await pilot.press("slash")
        await pilot.press(*"natural partners")
        await settle(app, pilot)
        screen = app.screen
        assert type(screen).__name__ == "SearchScreen"
        rows = screen.results.rows
        assert [r.text for r in rows] == [SEED_QUOTES[4]]
        assert rows[0].spans  # the match is highlighted
        assert "1 quote match" in str(screen.query_one("#search-count").render())
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.screen is app.reader
        assert app.reader.selected_quote.text == SEED_QUOTES[4]
        body = app.reader.query_one(BodyView)
        line = body.layout_for(body._width()).quote_line[app.reader.quote_id]
        top = body.scroll_offset.y
        assert top <= line < top + body.scrollable_content_region.height
        await pilot.press("y")
        await settle(app, pilot)
        assert clip.osc52_sent == [ATTRIBUTED_LAST]
        assert clip.system_sent == [ATTRIBUTED_LAST]
        assert app.last_copy is not None and app.last_copy.chars == len(ATTRIBUTED_LAST)


async def test_search_updates_as_you_type_and_filters_work(isolated_dirs):
    app, _, _ = make_app(isolated_dirs, [seed_article(), plain_article(1, quotes=3)])
    async with app.run_test(size=WIDE) as pilot:
        await settle(app, pilot)
        await pilot.press("slash")
        await settle(app, pilot)
        screen = app.screen
        assert len(screen.results.rows) == 8
        search_input = screen.query_one("#search-input")
        search_input.value = "speaker:Speaker"  # as typed: Input.Changed starts a search
        await settle(app, pilot)
        assert {r.speaker for r in screen.results.rows} == {"Speaker 0", "Speaker 1", "Speaker 2"}
        for partial in ("kind:ind", '"like-minded', '"like-minded partners"'):
            search_input.value = partial
        await settle(app, pilot)
        assert [r.text for r in screen.results.rows] == [SEED_QUOTES[1]]
        await pilot.press("escape")
        assert app.screen is app.reader


async def test_y_copies_and_the_toast_says_where_it_went(isolated_dirs):
    app, clip, _ = make_app(isolated_dirs, [seed_article()])
    async with app.run_test(size=WIDE) as pilot:
        await settle(app, pilot)
        await pilot.press("y")  # nothing selected yet: told, nothing copied
        await settle(app, pilot)
        assert clip.osc52_sent == []
        await pilot.press("N", "y")
        await settle(app, pilot)
        assert clip.osc52_sent == [ATTRIBUTED_LAST]
        messages = [n.message for n in app._notifications]
        assert any(
            m.startswith(
                f"Copied {len(ATTRIBUTED_LAST)} characters to system clipboard (test-tool)"
            )
            for m in messages
        )


async def test_Y_offers_formats_and_copies_the_chosen_one(isolated_dirs):
    app, clip, _ = make_app(isolated_dirs, [seed_article()])
    async with app.run_test(size=WIDE) as pilot:
        await settle(app, pilot)
        await pilot.press("N", "Y")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "CopyFormatScreen"
        await pilot.press("3")
        await settle(app, pilot)
        assert clip.osc52_sent[-1].startswith("> We are natural partners")
        await pilot.press("Y", "down", "down", "down", "down", "enter")
        await settle(app, pilot)
        assert '"speaker": "Anders Fogh Rasmussen"' in clip.osc52_sent[-1]


async def test_question_mark_lists_every_key_and_escape_closes(isolated_dirs):
    app, _, _ = make_app(isolated_dirs, [seed_article()])
    async with app.run_test(size=WIDE) as pilot:
        await settle(app, pilot)
        await pilot.press("question_mark")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "HelpScreen"
        from rich.console import Console

        from natojp_tui.tui.screens.help_screen import help_table

        console = Console(width=120, record=True, file=io.StringIO())
        console.print(help_table(app, app.keymap))
        text = console.export_text()
        for spec in KEYS:
            assert spec.description in text and spec.id in text
        assert "? / f1" in text
        await pilot.press("escape")
        assert app.screen is app.reader
        await pilot.press("f1")
        assert type(app.screen).__name__ == "HelpScreen"


async def test_q_quits(isolated_dirs):
    app, _, _ = make_app(isolated_dirs, [seed_article()])
    async with app.run_test(size=WIDE) as pilot:
        await settle(app, pilot)
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_timeline_shows_kishida_and_onodera_during_the_visit(isolated_dirs):
    app, _, _ = make_app(isolated_dirs, [seed_article()])
    async with app.run_test(size=WIDE) as pilot:
        await settle(app, pilot)
        timeline = app.reader.query_one(TimelineView)
        prompts = [
            str(timeline.get_option_at_index(i).prompt) for i in range(timeline.option_count)
        ]
        kishida = next(p for p in prompts if "Fumio Kishida" in p)
        onodera = next(p for p in prompts if "Itsunori Onodera" in p)
        assert kishida.startswith(DURING_THE_VISIT) and onodera.startswith(DURING_THE_VISIT)
        assert next(p for p in prompts if "Shinzo Abe" in p).startswith("Mon 15 Apr 2013 · Tokyo")


async def test_t_focuses_the_timeline_and_enter_jumps_to_the_sentence(isolated_dirs):
    article = seed_article()
    app, _, _ = make_app(isolated_dirs, [article])
    async with app.run_test(size=WIDE) as pilot:
        await settle(app, pilot)
        await pilot.press("t")
        await settle(app, pilot)
        timeline = app.reader.query_one(TimelineView)
        assert app.focused is timeline
        await pilot.press("j", "j", "enter")  # the third entry: Onodera
        await settle(app, pilot)
        body = app.reader.query_one(BodyView)
        onodera = article.events[2]
        assert body.mark == (onodera.paragraph, onodera.start, onodera.end)
        layout = body.layout_for(body._width())
        assert layout.mark_line is not None
        assert body.scroll_offset.y <= layout.mark_line


async def test_s_stars_a_quote_and_the_star_persists(isolated_dirs):
    article = seed_article()
    app, _, store = make_app(isolated_dirs, [article])
    async with app.run_test(size=WIDE) as pilot:
        await settle(app, pilot)
        await pilot.press("n", "s")
        await settle(app, pilot)
        assert store.starred() == {article.quotes[0].id}
        assert "★" in str(app.reader.query_one("#detail").render())
        await pilot.press("slash")
        app.screen.query_one("#search-input").value = "is:starred"
        await settle(app, pilot)
        assert [r.id for r in app.screen.results.rows] == [article.quotes[0].id]
        await pilot.press("escape", "s")
        await settle(app, pilot)
        assert store.starred() == set()


async def test_e_exports_the_articles_quotes_and_never_overwrites_silently(isolated_dirs):
    app, _, _ = make_app(isolated_dirs, [seed_article()])
    target = isolated_dirs / "home" / "out.csv"
    target.write_text("keep me", encoding="utf-8")
    async with app.run_test(size=WIDE) as pilot:
        await settle(app, pilot)
        await pilot.press("e")
        await settle(app, pilot)
        screen = app.screen
        path_input = screen.query_one("#export-path")
        path_input.value = str(target)
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.screen is screen  # refused: the file exists
        assert "already exists" in str(screen.query_one("#export-error").render())
        assert target.read_text(encoding="utf-8") == "keep me"
        screen.query_one("#export-force").value = True
        path_input.focus()
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.screen is app.reader
        assert target.read_text(encoding="utf-8").count("Anders Fogh Rasmussen") == 5


async def test_search_results_export_with_e(isolated_dirs):
    app, _, _ = make_app(isolated_dirs, [seed_article(), plain_article(1, quotes=3)])
    async with app.run_test(size=WIDE) as pilot:
        await settle(app, pilot)
        await pilot.press("slash")
        app.screen.query_one("#search-input").value = "partners"
        await settle(app, pilot)
        await pilot.press("down", "e")
        await settle(app, pilot)
        screen = app.screen
        screen.query_one("#export-path").value = str(isolated_dirs / "home" / "found.json")
        await pilot.press("enter")
        await settle(app, pilot)
        import json

        data = json.loads((isolated_dirs / "home" / "found.json").read_text(encoding="utf-8"))
        assert len(data) == 6 and all("partner" in r["text"].lower() for r in data)


async def test_articles_newest_first_filter_and_open_and_reopen_the_last_read(isolated_dirs):
    articles = [seed_article(), plain_article(1), plain_article(2)]
    app, _, store = make_app(isolated_dirs, articles)
    async with app.run_test(size=WIDE) as pilot:
        await settle(app, pilot)
        lines = app.reader.query_one("#article-lines")
        assert [r.id for r in lines.rows] == ["seed2013", "a00002", "a00001"]
        app.reader.query_one("#article-filter").focus()
        await pilot.press(*"article 1 ")
        assert [r.id for r in lines.rows] == ["a00001"]
        await pilot.press("enter", "enter")
        await settle(app, pilot)
        assert app.reader.article_id == "a00001"
    assert store.get_state("last_article") == "a00001"
    from natojp_tui.tui.app import NatoJpApp

    again = NatoJpApp(store, clipboard=app.clipboard_layer, config=app.config)
    async with again.run_test(size=WIDE) as pilot:
        await settle(again, pilot)
        assert again.reader.article_id == "a00001"


async def test_clicking_an_article_and_a_quote_selects_them(isolated_dirs):
    article = seed_article()
    app, _, _ = make_app(isolated_dirs, [article, plain_article(1)])
    async with app.run_test(size=WIDE) as pilot:
        await settle(app, pilot)
        lines = app.reader.query_one("#article-lines")
        assert lines.row_height == 3  # a pane of a three-pane layout: titles on two lines
        await pilot.click(lines, offset=(5, 4))  # the second line of the second article
        await settle(app, pilot)
        assert app.reader.article_id == "a00001"
        await pilot.click(lines, offset=(5, 0))
        await settle(app, pilot)
        assert app.reader.article_id == article.id
        body = app.reader.query_one(BodyView)
        layout = body.layout_for(body._width())
        q = article.quotes[1]
        line = layout.quote_line[q.id]
        column = layout.lines[line].plain.index("NATO has no") + 1  # inside the quote
        await pilot.click(body, offset=(column, line - body.scroll_offset.y))
        await settle(app, pilot)
        assert app.reader.quote_id == q.id


async def test_quote_browser_lists_all_quotes_sorts_and_opens_one(isolated_dirs):
    app, _, _ = make_app(isolated_dirs, [seed_article(), plain_article(1, quotes=3)])
    async with app.run_test(size=WIDE) as pilot:
        await settle(app, pilot)
        await pilot.press("b")
        await settle(app, pilot)
        screen = app.screen
        rows = screen.lines.rows
        assert len(rows) == 8 and rows[0].article_id == "seed2013"  # newest article first
        await pilot.press("o")  # oldest first
        await settle(app, pilot)
        assert screen.lines.rows[0].article_id == "a00001"
        await pilot.press("o")  # speaker
        await settle(app, pilot)
        assert screen.lines.rows[0].speaker == AFR
        await pilot.press("G", "enter")
        await settle(app, pilot)
        assert app.screen is app.reader
        assert app.reader.article_id == "a00001"
        assert app.reader.selected_quote.speaker == "Speaker 2"


async def test_narrow_terminal_shows_one_pane_at_a_time(isolated_dirs):
    app, _, _ = make_app(isolated_dirs, [seed_article()])
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        reader = app.reader
        assert reader.has_class("-narrow")

        def visible() -> list[str]:
            return [p.id for p in reader.query(".pane") if p.display and p.region.width > 0]

        assert visible() == ["body-pane"]
        await pilot.press("tab")
        await settle(app, pilot)
        assert visible() == ["timeline-pane"]
        await pilot.press("1")
        await settle(app, pilot)
        assert visible() == ["articles"]
        await pilot.press("shift+tab")
        await settle(app, pilot)
        assert visible() == ["timeline-pane"]
        await pilot.press("2")
        await settle(app, pilot)
        assert visible() == ["body-pane"]


async def test_wide_terminal_shows_all_three_panes(isolated_dirs):
    app, _, _ = make_app(isolated_dirs, [seed_article()])
    async with app.run_test(size=(200, 60)) as pilot:
        await settle(app, pilot)
        panes = {p.id: p.region.width for p in app.reader.query(".pane")}
        assert all(w > 25 for w in panes.values()) and panes["body-pane"] > 90


@pytest.mark.parametrize("size", [(80, 24), (160, 50)])
async def test_keys_rebound_from_the_config_file_work(isolated_dirs, size):
    from natojp_tui.tui.config import parse_config

    config = parse_config('[keymap]\nnext-quote = "x"\ncopy = ["c", "ctrl+y"]\n')
    app, clip, _ = make_app(isolated_dirs, [seed_article()], config=config)
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        await pilot.press("x")
        assert app.reader.selected_quote.text == SEED_QUOTES[0]
        await pilot.press("n")  # no longer bound
        assert app.reader.selected_quote.text == SEED_QUOTES[0]
        await pilot.press("c")
        await settle(app, pilot)
        assert clip.osc52_sent and SEED_QUOTES[0][:-1] in clip.osc52_sent[0]


async def test_theme_is_remembered_in_the_store(isolated_dirs):
    app, _, store = make_app(isolated_dirs, [seed_article()])
    async with app.run_test(size=WIDE) as pilot:
        await settle(app, pilot)
        app.theme = "nord"
        await settle(app, pilot)
    assert store.get_state("theme") == "nord"
    from natojp_tui.tui.app import NatoJpApp

    again = NatoJpApp(store, clipboard=app.clipboard_layer, config=app.config)
    async with again.run_test(size=WIDE) as pilot:
        await settle(again, pilot)
        assert again.theme == "nord"


async def test_palette_lists_actions_and_articles_by_title(isolated_dirs):
    app, _, _ = make_app(isolated_dirs, [seed_article(), plain_article(7)])
    async with app.run_test(size=WIDE) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+p")
        await settle(app, pilot)
        from textual.command import CommandInput

        app.screen.query_one(CommandInput).value = "Article 7"
        await settle(app, pilot)
        await pilot.pause(0.3)
        from textual.command import CommandList

        options = app.screen.query_one(CommandList)
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert any("Open: Article 7 on NATO–Japan cooperation" in p for p in prompts)
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.reader.article_id == "a00007"


def test_a_result_row_slides_to_show_a_match_beyond_the_visible_width():
    from natojp_tui.tui.data import QuoteRow
    from natojp_tui.tui.widgets.quote_lines import MATCH_STYLE, quote_row_text

    text = SEED_QUOTES[1]
    start = text.index("partners")
    row = QuoteRow(
        "q",
        text,
        AFR,
        "direct",
        "a",
        None,
        "Title",
        "NATO",
        spans=((start, start + len("partners")),),
    )
    rendered = quote_row_text(row, 80)
    assert rendered.cell_len == 80
    assert "partners" in rendered.plain and "…" in rendered.plain
    styled = [rendered.plain[s.start : s.end] for s in rendered.spans if s.style == MATCH_STYLE]
    assert styled == ["partners"]


async def test_the_imported_seed_article_end_to_end(isolated_dirs):
    """Real import pipeline: five quoted passages highlighted, reported speech behind ``i``."""
    from test_tui_support import SEED, RecordingClipboard

    from natojp_tui.store import Store
    from natojp_tui.tui.app import NatoJpApp

    store = Store.open(isolated_dirs / "db")
    store.import_paths([SEED])
    clip = RecordingClipboard(isolated_dirs / "clip")
    from natojp_tui.tui.config import ReaderConfig

    app = NatoJpApp(store, clipboard=clip, config=ReaderConfig())
    async with app.run_test(size=WIDE) as pilot:
        await settle(app, pilot)
        article = app.reader.article
        direct = [q for q in article.quotes if q.kind != "indirect"]
        assert highlighted_quote_ids(app) == {q.id for q in direct}
        walked = []
        for _ in range(5):
            await pilot.press("n")
            walked.append(app.reader.selected_quote.text)
        assert walked == list(SEED_QUOTES)
        await pilot.press("i")
        assert highlighted_quote_ids(app) == {q.id for q in article.quotes}
        timeline = app.reader.query_one(TimelineView)
        prompts = [
            str(timeline.get_option_at_index(i).prompt) for i in range(timeline.option_count)
        ]
        for name in ("Fumio Kishida", "Itsunori Onodera"):
            assert next(p for p in prompts if name in p).startswith(DURING_THE_VISIT)
        await pilot.press("i", "slash")
        app.screen.query_one("#search-input").value = "natural partners"
        await settle(app, pilot)
        await pilot.press("enter", "y")
        await settle(app, pilot)
        copied = clip.osc52_sent[-1]
        assert copied.startswith(
            "“We are natural partners and together we can make a difference.” — Anders Fogh Rasmussen, "
        )
        assert copied.endswith(
            '("NATO and Japan sign Political Declaration for a stronger partnership", NATO)'
        )


async def test_ctrl_o_imports_a_folder_with_progress_and_opens_the_new_article(isolated_dirs):
    from test_tui_support import SEED

    app, _, _ = make_app(isolated_dirs, [plain_article(1)])
    async with app.run_test(size=WIDE) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+o")
        await settle(app, pilot)
        app.screen.query_one("#import-path").value = str(SEED.parent)
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.screen is app.reader
        assert app.reader.article.title.startswith("NATO and Japan sign Political Declaration")
        assert len(app.reader.query_one("#article-lines").rows) == 2
        assert any(n.message.startswith("Import: 1 imported") for n in app._notifications)


async def test_the_last_article_read_opens_before_the_article_list_is_built(isolated_dirs):
    articles = [plain_article(n) for n in range(5)]
    app, _, store = make_app(isolated_dirs, articles)
    store.set_state("last_article", articles[1].id)
    order: list[str] = []
    reader = app.reader
    shown, loaded = reader.open_article, reader._rows_loaded
    reader.open_article = lambda aid, *a: (order.append(f"open {aid}"), shown(aid, *a))[1]
    reader._rows_loaded = lambda rows: (order.append(f"{len(rows)} rows"), loaded(rows))[1]
    async with app.run_test(size=WIDE) as pilot:
        await settle(app, pilot)
        assert order == [f"open {articles[1].id}", "5 rows"]
        assert reader.article_id == articles[1].id
        lines = reader.query_one(ArticleList).lines
        assert len(lines.rows) == 5 and lines.current_id == articles[1].id
        assert next(r for r in lines.rows if r.id == articles[1].id).read


async def test_a_removed_last_article_gives_way_to_the_newest_once_the_list_is_built(
    isolated_dirs,
):
    articles = [plain_article(n) for n in range(3)]
    app, _, store = make_app(isolated_dirs, articles)
    store.set_state("last_article", articles[0].id)
    store.remove_articles([articles[0].id])
    async with app.run_test(size=WIDE) as pilot:
        await settle(app, pilot)
        assert app.reader.article_id == articles[2].id  # the newest
        assert app.first_article_drawn.is_set()
