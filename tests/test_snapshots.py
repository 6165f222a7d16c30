"""SVG snapshots of the reader: main screen, quote search and help, small and large.

Update after a deliberate visual change with ``pytest tests/test_snapshots.py --snapshot-update``
and look at the SVGs in ``tests/__snapshots__/``.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from test_tui_support import isolate, make_app, plain_article, seed_article
from textual.widgets import Input

from natojp_tui.tui.config import ReaderConfig

SIZES = [(80, 24), (160, 50)]


@pytest.fixture
def reader_app(tmp_path, monkeypatch):
    isolate(tmp_path, monkeypatch)
    config = ReaderConfig(path=Path("~/.config/natojp-tui/config.toml"))
    app, _, _ = make_app(
        tmp_path, [seed_article(), plain_article(1, quotes=3), plain_article(2, 0)], config=config
    )
    return app


def steps(*keys: str):
    """A ``run_before`` that presses ``keys``, waits for workers and freezes the cursor blink."""

    async def run_before(pilot) -> None:
        app = pilot.app
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()  # the first article opens on the UI thread after its worker
        await pilot.press(*keys)
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        for widget in app.screen.query(Input):
            widget.cursor_blink = False
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "160x50"])
def test_main_screen_with_the_last_quote_selected(reader_app, snap_compare, size):
    assert snap_compare(reader_app, terminal_size=size, run_before=steps("N"))


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "160x50"])
def test_quote_search_for_natural_partners(reader_app, snap_compare, size):
    assert snap_compare(reader_app, terminal_size=size, run_before=steps("slash", *"partner"))


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "160x50"])
def test_help_screen(reader_app, snap_compare, size):
    assert snap_compare(reader_app, terminal_size=size, run_before=steps("question_mark"))


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "160x50"])
def test_article_list_cursor(reader_app, snap_compare, size):
    assert snap_compare(reader_app, terminal_size=size, run_before=steps("1", "j"))


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "160x50"])
def test_quote_browser(reader_app, snap_compare, size):
    assert snap_compare(reader_app, terminal_size=size, run_before=steps("b", "j"))


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "160x50"])
def test_timeline_with_the_visit(reader_app, snap_compare, size):
    assert snap_compare(reader_app, terminal_size=size, run_before=steps("t", "j"))


class FixedDay(date):
    """``date.today()`` pinned, so the access dates in citation previews do not move."""

    @classmethod
    def today(cls) -> date:
        return date(2025, 3, 5)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "160x50"])
def test_copy_chooser(reader_app, snap_compare, size, monkeypatch):
    import natojp_tui.tui.screens.copy_format as copy_format

    monkeypatch.setattr(copy_format, "date", FixedDay)
    assert snap_compare(reader_app, terminal_size=size, run_before=steps("N", "Y"))


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "160x50"])
def test_search_with_a_preview(reader_app, snap_compare, size):
    keys = ("slash", *"natural", "down")
    assert snap_compare(reader_app, terminal_size=size, run_before=steps(*keys))
