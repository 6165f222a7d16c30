"""The reader for daily use: a visible cursor, readouts that show what was said, panes
that share the width, a filter by key, an import that survives its dialog, the footer."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from test_tui_support import RecordingClipboard, isolate, make_app, plain_article, seed_article
from textual.color import Color
from textual.theme import BUILTIN_THEMES

from natojp_tui.tui.colours import MIN_CONTRAST, contrast, opaque_background
from natojp_tui.tui.widgets.body_view import BodyView

CITE = Path(__file__).parent / "data" / "cite"
READOUT, RELEASE, WIRE = "mofa-readout", "nato-release", "kyodo-wire"


@pytest.fixture
def dirs(tmp_path, monkeypatch):
    return isolate(tmp_path, monkeypatch)


def library(dirs: Path):
    """A store holding the three hand-written articles, imported by the real pipeline."""
    from natojp_tui.store import Store

    store = Store.open(dirs / "db")
    store.import_paths([str(CITE)])
    return store


def reader_app(store, dirs: Path, **kwargs):
    from natojp_tui.tui.app import NatoJpApp
    from natojp_tui.tui.config import ReaderConfig

    clip = RecordingClipboard(dirs / "clip")
    kwargs.setdefault("config", ReaderConfig())
    return NatoJpApp(store, clipboard=clip, **kwargs), clip


def article_id(store, stem: str) -> str:
    return next(m["id"] for m in store.articles() if Path(m["path"]).stem == stem)


async def settle(app, pilot) -> None:
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


def strip_colours(strip) -> list[tuple[Color, Color]]:
    """(foreground, background) of every non-blank segment of a rendered line."""
    out = []
    for seg in strip:
        if seg.text.strip() and seg.style and seg.style.color and seg.style.bgcolor:
            out.append(
                (Color.from_rich_color(seg.style.color), Color.from_rich_color(seg.style.bgcolor))
            )
    return out


# -- the list cursor ------------------------------------------------------------------------


async def test_the_list_cursor_row_stands_out_on_every_theme(dirs):
    app, _, _ = make_app(dirs, [seed_article(), plain_article(1), plain_article(2)])
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(app, pilot)
        await pilot.press("1")  # focus the article list
        lines = app.reader.query_one("#article-lines")
        for theme in sorted(BUILTIN_THEMES):
            app.theme = theme
            await pilot.pause()
            assert app.focused is lines
            cursor = lines.render_line(lines.cursor * lines.row_height)
            other = lines.render_line((lines.cursor + 1) * lines.row_height)
            assert cursor.text.startswith("▌") and not other.text.startswith("▌")
            cursor_bg = {seg.style.bgcolor for seg in cursor if seg.style}
            assert len(cursor_bg) == 1, "one background across the whole cursor row"
            assert cursor_bg != {seg.style.bgcolor for seg in other if seg.style}
            # A dimmed column (date, source) would blend into the cursor background.
            first = lines.cursor * lines.row_height
            for y in range(first, first + lines.row_height):
                assert not any(seg.style.dim for seg in lines.render_line(y) if seg.style), theme
            if not theme.startswith("ansi"):
                for fg, bg in strip_colours(cursor):
                    assert contrast(fg, bg) >= MIN_CONTRAST, (theme, fg.hex, bg.hex)


# -- speaker colours ------------------------------------------------------------------------


async def test_speaker_colours_are_readable_on_every_bundled_theme(dirs):
    store = library(dirs)
    app, _ = reader_app(store, dirs, open_article_id=article_id(store, READOUT))
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(app, pilot)
        body = app.reader.query_one(BodyView)
        # Every speaker of the readout, the joint "two sides" and an unknown speaker (grey).
        speakers = {q.speaker for q in app.reader.article.quotes} | {None}
        assert len(speakers) >= 3
        for theme in sorted(BUILTIN_THEMES):
            app.theme = theme
            await pilot.pause()
            background = opaque_background(body.background_colors[1], app.current_theme.dark)
            for speaker in speakers:
                colour = Color.parse(body.colour_of(speaker))
                assert contrast(colour, background) >= MIN_CONTRAST, (theme, speaker, colour.hex)


async def test_a_person_keeps_one_colour_across_articles(dirs):
    store = library(dirs)
    app, _ = reader_app(store, dirs, open_article_id=article_id(store, READOUT))
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(app, pilot)
        body = app.reader.query_one(BodyView)
        in_readout = body.colour_of("Jens Stoltenberg")
        assert in_readout != body.colour_of("Yoshimasa Hayashi")
        app.reader.open_article(article_id(store, WIRE))
        await settle(app, pilot)
        assert body.colour_of("Jens Stoltenberg") == in_readout


# -- readouts -------------------------------------------------------------------------------


async def test_a_readout_shows_its_reported_speech_and_the_counts_agree(dirs):
    store = library(dirs)
    readout = article_id(store, READOUT)
    app, clip = reader_app(store, dirs, open_article_id=readout)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(app, pilot)
        reader = app.reader
        assert reader.query_one(BodyView).show_reported  # all four statements are reported
        row = next(r for r in reader.query_one("#article-lines").rows if r.id == readout)
        assert row.quotes == 5 == len(reader.article.quotes)
        await pilot.press("n")
        detail = str(reader.query_one("#detail").render())
        assert "1/5" in detail and "Yoshimasa Hayashi" in detail
        await pilot.press("y")
        await settle(app, pilot)
        assert clip.osc52_sent[-1].startswith(
            "Yoshimasa Hayashi welcomed Secretary General Stoltenberg's visit to Japan"
        )
        await pilot.press("i")  # hide them: the detail line says how many are hidden
        await settle(app, pilot)
        assert "5 reported" in str(reader.query_one("#detail").render())
        await pilot.press("n")
        assert any("5 reported statements hidden" in n.message for n in app._notifications)
    assert store.get_state("show_reported") is False  # remembered
    again, _ = reader_app(store, dirs, open_article_id=readout)
    async with again.run_test(size=(160, 50)) as pilot:
        await settle(again, pilot)
        assert not again.reader.query_one(BodyView).show_reported
        await pilot.press("i")  # back to what a readout shows by default: automatic again
        await settle(again, pilot)
    assert store.get_state("show_reported") is None


async def test_a_release_of_quoted_words_keeps_reported_speech_behind_i(dirs):
    store = library(dirs)
    app, _ = reader_app(store, dirs, open_article_id=article_id(store, RELEASE))
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(app, pilot)
        assert not app.reader.query_one(BodyView).show_reported


# -- the article list -----------------------------------------------------------------------


async def test_at_120_columns_titles_are_readable_and_sources_short(dirs):
    store = library(dirs)
    app, _ = reader_app(store, dirs)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        lines = app.reader.query_one("#article-lines")
        width = lines.scrollable_content_region.width
        shown = {}
        for index, row in enumerate(lines.rows):
            shown[row.id] = [t.plain for t in lines.render_row_lines(index, width - 1)]
        readout = shown[article_id(store, READOUT)]
        title = " ".join(line.strip(" ▶") for line in shown[article_id(store, WIRE)][:2])
        assert "NATO chief urges closer ties with Japan" in title
        assert "MOFA" in readout[2] and "Ministry" not in readout[2]
        assert "Kyodo" in shown[article_id(store, WIRE)][2]
        assert "NATO" in shown[article_id(store, RELEASE)][2]


async def test_f_filters_articles_by_source_alias_person_and_date(dirs):
    store = library(dirs)
    app, _ = reader_app(store, dirs)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("f")
        await settle(app, pilot)
        assert app.focused.id == "article-filter"
        lines = app.reader.query_one("#article-lines")
        for needle, stems in (
            ("mofa", {READOUT}),
            ("kyodo", {WIRE}),
            ("kishida", {WIRE}),
            ("kamikawa", {RELEASE}),
            ("january 2023", {READOUT}),
            ("2024-01", {RELEASE}),
            ("stoltenberg 2023", {READOUT, WIRE}),
        ):
            app.focused.value = needle
            await pilot.pause()
            assert {Path(store.article_meta(r.id)["path"]).stem for r in lines.rows} == stems, (
                needle
            )
        await pilot.press("enter")
        assert app.focused is lines


async def test_z_zooms_the_focused_pane_escape_restores_and_the_layout_is_remembered(dirs):
    store = library(dirs)
    app, _ = reader_app(store, dirs)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("1", "z")
        await settle(app, pilot)
        assert app.reader.maximized is app.reader.query_one("#articles")
        assert app.reader.query_one("#articles").region.width == 120
        await pilot.press("escape")
        await settle(app, pilot)
        assert app.reader.maximized is None
        await pilot.press("2", "z")
        await settle(app, pilot)
        assert app.reader.maximized.id == "body-pane"
    assert store.get_state("layout") == {"pane": "body", "zoomed": True}
    again, _ = reader_app(store, dirs)
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(again, pilot)
        assert again.reader.maximized is not None and again.reader.maximized.id == "body-pane"


# -- import ---------------------------------------------------------------------------------


async def test_escaping_the_import_dialog_keeps_the_import_and_announces_it(dirs):
    app, _, store = make_app(dirs, [plain_article(1)])
    release = threading.Event()
    real_import = app.data.import_paths

    def slow_import(targets, progress):
        release.wait(10)
        return real_import(targets, progress)

    app.data.import_paths = slow_import
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+o")
        await settle(app, pilot)
        app.screen.query_one("#import-path").value = str(CITE)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("escape")  # while the import runs
        await pilot.pause()
        assert app.screen is app.reader and app.importing
        release.set()
        await settle(app, pilot)
        assert not app.importing
        assert len(app.reader.query_one("#article-lines").rows) == 4
        assert any(n.message.startswith("Import: 3 imported") for n in app._notifications)
    assert len(store.articles()) == 4


# -- footer and help ------------------------------------------------------------------------


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_the_footer_leads_with_the_most_used_keys_and_fits(dirs, size):
    from textual.widgets import Footer
    from textual.widgets._footer import FooterKey

    app, _, _ = make_app(dirs, [seed_article()])
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        footer = app.reader.query_one(Footer)
        keys = list(footer.query(FooterKey))
        labels = [k.key_display for k in keys]
        assert labels[:5] == ["/", "n", "y", "?", "q"]
        assert labels.count("^p") == 1
        assert sum(k.outer_size.width for k in keys) <= size[0]  # nothing runs under ^p


async def test_help_documents_search_syntax_copy_numbers_filter_and_config_path(dirs):
    import io

    from rich.console import Console

    from natojp_tui.tui.screens.help_screen import help_table

    app, _, _ = make_app(dirs, [seed_article()])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        console = Console(width=140, record=True, file=io.StringIO())
        console.print(help_table(app, app.keymap, "/home/u/.config/natojp-tui/config.toml"))
        text = console.export_text()
    for needle in (
        "speaker:NAME",
        "source:mofa",
        "from:2013-04",
        "visit:",
        "article:ID",
        "kind:direct",
        "is:starred",
        "Copy as… (Y): press the number or letter",
        "Article filter (f)",
        "/home/u/.config/natojp-tui/config.toml",
    ):
        assert needle in text, needle
    assert "5  " in text or "5 " in text


# -- search ---------------------------------------------------------------------------------


async def test_search_reports_bad_filters_keeps_its_query_and_walks_matches(dirs):
    store = library(dirs)
    app, clip = reader_app(store, dirs, open_article_id=article_id(store, RELEASE))
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash")
        await settle(app, pilot)
        box = app.screen.query_one("#search-input")
        box.value = "kind:foo year:13"
        await settle(app, pilot)
        problems = str(app.screen.query_one("#search-problems").render())
        assert "kind:foo is not one of" in problems and "year:13 needs four digits" in problems
        box.value = ""
        await pilot.press(*"Stoltenberg e")  # "e" typed in the box is text, not export
        await settle(app, pilot)
        assert box.value == "Stoltenberg e" and type(app.screen).__name__ == "SearchScreen"
        await pilot.press("backspace", "backspace")
        await settle(app, pilot)
        rows = app.screen.results.rows
        speakers = [r.speaker or "" for r in rows]
        own = [s for s in speakers if "Jens Stoltenberg" in s]
        assert len(own) >= 4 and speakers[: len(own)] == own  # his quotes first
        assert len(rows) > len(own)  # then the quotes that name him (Minister Hayashi's welcome)
        preview = str(app.screen.query_one("#search-preview").render())
        assert "— Jens Stoltenberg" in preview or "Jens Stoltenberg" in preview
        await pilot.press("down", "y")  # y on the results copies the highlighted quote
        await settle(app, pilot)
        assert clip.osc52_sent[-1].startswith("“") and "Jens Stoltenberg" in clip.osc52_sent[-1]
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.screen is app.reader
        first = app.reader.quote_id
        assert first == rows[0].id
        await pilot.press("greater_than_sign")  # the next match, in whatever article
        await settle(app, pilot)
        assert app.reader.quote_id == rows[1].id
        await pilot.press("less_than_sign")
        await settle(app, pilot)
        assert app.reader.quote_id == first
        await pilot.press("slash")  # the query and results are still there
        await settle(app, pilot)
        assert app.screen.query_one("#search-input").value == "Stoltenberg"
        assert app.screen.results.current.id == first


async def test_search_source_filter_uses_short_names(dirs):
    store = library(dirs)
    app, _ = reader_app(store, dirs)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash")
        app.screen.query_one("#search-input").value = "source:mofa"
        await settle(app, pilot)
        assert {r.source for r in app.screen.results.rows} == {
            "Ministry of Foreign Affairs of Japan"
        }
        assert len(app.screen.results.rows) == 5


async def test_result_rows_and_plain_copies_draw_reported_speech_with_its_verb(dirs):
    from natojp_tui.core.citation import format_plain
    from natojp_tui.tui.widgets.quote_lines import quote_row_text

    store = library(dirs)
    app, _ = reader_app(store, dirs)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash")
        app.screen.query_one("#search-input").value = "speaker:Hayashi"
        await settle(app, pilot)
        rows = app.screen.results.rows
        drawn = [quote_row_text(r, 150).plain for r in rows]
        assert any("welcomed Secretary General Stoltenberg's visit" in d for d in drawn)
        assert any("stated that the security environment" in d for d in drawn)
    article = store.article(article_id(store, READOUT))
    welcomed = next(q for q in article.quotes if q.verb == "welcomed")
    assert format_plain(welcomed, article) == (
        "Yoshimasa Hayashi welcomed Secretary General Stoltenberg's visit to Japan"
    )
