"""The articles pane: a filter box over a virtualised list (date, source, title, quotes).

In a pane narrower than ``STACKED_BELOW`` cells each article takes three lines (the
title wrapped on two, then date, short source and counts), so titles stay readable
when three panes share a 120-column terminal.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input

from natojp_tui.core.sources import short_source, source_matches
from natojp_tui.tui.data import ArticleRow
from natojp_tui.tui.inert import inert_row
from natojp_tui.tui.messages import ArticleChosen
from natojp_tui.tui.widgets.virtual_list import VirtualList

STACKED_BELOW = 72
STACKED_HEIGHT = 3
SOURCE_WIDTH = 7


_WORD = re.compile(r"\w+")


@lru_cache(maxsize=65536)
def _haystack(row: ArticleRow) -> str:
    return row.haystack


@lru_cache(maxsize=4096)
def _names_source(word: str, source: str | None) -> bool:
    return source_matches(word, source)


def row_filter(needle: str) -> Callable[[ArticleRow], bool]:
    """A test for rows where every word of ``needle`` names the source (``mofa``,
    ``kantei``) or starts a word of the title, the people named or the date (``stolt``,
    ``april 2013``, ``15 apr``); a word with punctuation (``2013-04``) is found anywhere."""
    words = needle.casefold().split()
    patterns = [
        re.compile(r"(?<!\w)" + re.escape(w)) if _WORD.fullmatch(w) else re.compile(re.escape(w))
        for w in words
    ]

    def test(row: ArticleRow) -> bool:
        haystack = _haystack(row)
        return all(
            _names_source(word, row.source) or pattern.search(haystack)
            for word, pattern in zip(words, patterns, strict=True)
        )

    return test


def matches(row: ArticleRow, needle: str) -> bool:
    """``row_filter(needle)(row)``."""
    return row_filter(needle)(row)


def source_label(row: ArticleRow) -> str:
    return inert_row(short_source(row.source) or "")


def reading_mark(row: ArticleRow, fresh: bool = False) -> str:
    """``●`` new (the last import or a feed fetch brought it, not opened yet), ``•``
    unread, blank once read."""
    return "●" if row.new or fresh else " " if row.read else "•"


def heading_text(row: ArticleRow, width: int) -> Text:
    """A visit heading of the grouped list: ``── Rasmussen in Japan, 15–16 Apr 2013 (2) ──``."""
    text = Text(f"── {inert_row(row.title)} ({row.quotes}) ", "bold dim", no_wrap=True)
    text.append("─" * max(0, width - text.cell_len), "dim")
    text.truncate(width, overflow="ellipsis")
    return text


class ArticleLines(VirtualList):
    """The rows of the articles pane."""

    def __init__(self, **kwargs) -> None:
        super().__init__(empty_text="No articles", **kwargs)
        self.rows: list[ArticleRow] = []
        self.current_id: str | None = None
        self.fresh: set[str] = set()  # brought by a feed fetch, not opened yet

    def show(self, rows: Sequence[ArticleRow], keep_id: str | None = None) -> None:
        self.rows = list(rows)
        index = next((i for i, r in enumerate(self.rows) if r.id == keep_id), 0)
        self.set_row_count(len(self.rows), cursor=index)

    def on_resize(self) -> None:
        stacked = self.scrollable_content_region.width < STACKED_BELOW
        self.set_row_height(STACKED_HEIGHT if stacked else 1)
        super().on_resize()

    def render_row_lines(self, index: int, width: int) -> list[Text]:
        """The title on two lines then date, source and counts (``●`` marks a new item
        from a feed); one line ``▶2013-04-15 MOFA  Title…  5q`` in a wide pane."""
        row = self.rows[index]
        if row.is_heading:
            if self.row_height == 1:
                return [heading_text(row, width)]
            title = Text(f"{inert_row(row.title)} ({row.quotes})", "bold dim")
            lines = list(title.wrap(self.app.console, width, overflow="fold"))
            lines = lines[: STACKED_HEIGHT - 1] + [Text("")] * (STACKED_HEIGHT - 1 - len(lines))
            return [*lines, Text("─" * width, "dim")]
        current = row.id == self.current_id
        if self.row_height == 1:
            return [self._one_line(row, width, current)]
        if current:
            title = Text("▶ ", "bold")
        else:
            mark = reading_mark(row, row.id in self.fresh)
            title = Text(f"{mark} ", "bold green" if mark == "●" else "bold")
            if mark == " ":
                title = Text("")
        title.append(inert_row(row.title), "bold" if current or not row.read else "")
        lines = list(title.wrap(self.app.console, width, overflow="fold"))[: STACKED_HEIGHT - 1]
        if len(lines) == STACKED_HEIGHT - 1 and sum(len(t) for t in lines) < len(title):
            lines[-1].append("…")
        lines[-1].truncate(width, overflow="ellipsis")
        lines += [Text("")] * (STACKED_HEIGHT - 1 - len(lines))
        meta = Text("  " if current else "", "dim")
        meta.append(row.published.isoformat() if row.published else "undated", "dim")
        source = source_label(row)
        if source:
            meta.append(" ")
            meta.append(source, "italic")
        meta.append(f" · {row.quotes}q", "dim" if row.quotes == 0 else "")
        return [*lines, meta]

    def render_row(self, index: int, width: int) -> Text:
        """Row ``index`` on one line, as a wide pane draws it."""
        row = self.rows[index]
        if row.is_heading:
            return heading_text(row, width)
        return self._one_line(row, width, row.id == self.current_id)

    def _one_line(self, row: ArticleRow, width: int, current: bool) -> Text:
        """``▶2013-04-15 MOFA    Title…   5q``."""
        count = f"{row.quotes:>3}q"
        text = Text(no_wrap=True)
        if current:
            text.append("▶", "bold")
        else:
            mark = reading_mark(row, row.id in self.fresh)
            text.append(mark, "bold green" if mark == "●" else "bold")
        text.append(row.published.isoformat() if row.published else " undated  ", "dim")
        text.append(" ")
        text.append(source_label(row)[:SOURCE_WIDTH].ljust(SOURCE_WIDTH), "italic")
        text.append(" ")
        room = max(4, width - text.cell_len - len(count) - 1)
        title = Text(inert_row(row.title), "bold" if current or not row.read else "")
        title.truncate(room, overflow="ellipsis", pad=True)
        text.append_text(title)
        text.append(" ")
        text.append(count, "dim" if row.quotes == 0 else "")
        return text


class ArticleList(Vertical):
    """Filter box plus article rows; posts ``ArticleChosen`` on enter or click."""

    ALLOW_MAXIMIZE = True

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.all_rows: list[ArticleRow] = []

    def compose(self) -> ComposeResult:
        yield Input(placeholder="Filter: words, source, person, date (f)", id="article-filter")
        yield ArticleLines(id="article-lines")

    @property
    def lines(self) -> ArticleLines:
        return self.query_one(ArticleLines)

    def set_rows(self, rows: Sequence[ArticleRow]) -> None:
        """Replace all articles (newest first) and re-apply the filter."""
        self.all_rows = list(rows)
        self.apply_filter(self.query_one(Input).value)

    def set_current(self, article_id: str | None) -> None:
        lines = self.lines
        lines.current_id = article_id
        index = next((i for i, r in enumerate(lines.rows) if r.id == article_id), None)
        if index is not None:
            lines.cursor = index
        lines.refresh()

    def apply_filter(self, value: str) -> None:
        needle = value.strip()
        rows = list(filter(row_filter(needle), self.all_rows)) if needle else self.all_rows
        self.lines.show(rows, keep_id=self.lines.current_id)

    @on(Input.Changed, "#article-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.apply_filter(event.value)

    @on(Input.Submitted, "#article-filter")
    def _filter_submitted(self) -> None:
        self.lines.focus()

    @on(VirtualList.Selected, "#article-lines")
    def _chosen(self, event: VirtualList.Selected) -> None:
        event.stop()
        row = self.lines.rows[event.index]
        if not row.is_heading:
            self.post_message(ArticleChosen(row.id))
