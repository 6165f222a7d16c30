"""Article text is data: markup, escape sequences and bidi overrides render inert everywhere."""

from __future__ import annotations

import pytest
from test_tui_support import HOSTILE_QUOTE, hostile_article, isolate, make_app, seed_article

from natojp_tui.tui.inert import inert, inert_row
from natojp_tui.tui.widgets.body_view import BodyView

WIDE = (160, 50)


@pytest.fixture
def isolated_dirs(tmp_path, monkeypatch):
    return isolate(tmp_path, monkeypatch)


def test_inert_keeps_offsets_and_shows_controls():
    text = "a\x1b[31mb\u202ec\nd"
    shown = inert(text)
    assert len(shown) == len(text)
    assert "\x1b" not in shown and "\u202e" not in shown
    assert shown.startswith("a\u241b[31mb")  # ESC drawn as ␛
    assert shown.endswith("c d") and inert_row(text) == shown


async def settle(app, pilot):
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_hostile_article_renders_as_plain_characters_everywhere(isolated_dirs):
    hostile = hostile_article()
    app, clip, _ = make_app(isolated_dirs, [hostile, seed_article()])
    async with app.run_test(size=WIDE) as pilot:
        await settle(app, pilot)
        assert app.reader.article_id == hostile.id  # newest first
        body = app.reader.query_one(BodyView)
        lines = [line.plain for line in body.layout_for(body._width()).lines]
        assert lines[0].startswith("[bold red]x[/] [@click=app.quit]boom[/] \u241b[31mred")
        assert not any("\x1b" in line or "\u202e" in line for line in lines)
        row = " ".join(
            t.plain for t in app.reader.query_one("#article-lines").render_row_lines(0, 120)
        )
        assert "[bold red]x[/]" in row and "[i]Src[/" in row

        # Clicking the title would quit if [@click=app.quit] were live markup.
        await pilot.click(body, offset=(20, 0))
        await pilot.press("n")
        await settle(app, pilot)
        assert app.is_running
        detail = str(app.reader.query_one("#detail").render())
        assert "[b]Evil[/b] Speaker" in detail

        await pilot.press("y")
        await settle(app, pilot)
        copied = clip.osc52_sent[-1]
        assert "[b]not bold[/b]" in copied and "\x1b" not in copied and "\x07" not in copied
        assert any("Copied" in n.message and not n.markup for n in app._notifications)

        await pilot.press("ctrl+p")
        await settle(app, pilot)
        await pilot.press(*"boom")
        await pilot.pause(0.3)
        from textual.command import CommandList

        options = app.screen.query_one(CommandList)
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert any("[@click=app.quit]boom[/]" in p for p in prompts)
        await pilot.press("escape")

        await pilot.press("slash")
        await settle(app, pilot)
        row = app.screen.results.render_row(0, 150).plain
        assert inert_row(HOSTILE_QUOTE)[:20] in row
        await pilot.press("escape")
        assert app.is_running
