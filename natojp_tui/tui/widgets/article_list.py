"""The articles pane: a filter box over a virtualised list (date, source, title, quotes)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input

from natojp_tui.tui.data import ArticleRow
from natojp_tui.tui.inert import inert_row
from natojp_tui.tui.messages import ArticleChosen
from natojp_tui.tui.widgets.virtual_list import VirtualList


def matches(row: ArticleRow, needle: str) -> bool:
    """Case-insensitive substring match on title, source and ISO date."""
    return needle in row.haystack


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

    def render_row(self, index: int, width: int) -> Text:
        """``▶2013-04-15 NATO     Title…   5q`` (``●`` marks a new item from a feed); the
        source column is dropped when narrow."""
        row = self.rows[index]
        if row.is_heading:
            return heading_text(row, width)
        count = f"{row.quotes:>3}q"
        current = row.id == self.current_id
        text = Text(no_wrap=True)
        if current:
            text.append("▶", "bold")
        else:
            mark = reading_mark(row, row.id in self.fresh)
            text.append(mark, "bold green" if mark == "●" else "bold")
        text.append(row.published.isoformat() if row.published else " undated  ", "dim")
        text.append(" ")
        if width >= 56:
            text.append(inert_row(row.source or "")[:8].ljust(8), "italic")
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

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.all_rows: list[ArticleRow] = []

    def compose(self) -> ComposeResult:
        yield Input(placeholder="Filter articles…", id="article-filter")
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
        needle = value.strip().lower()
        rows = [r for r in self.all_rows if matches(r, needle)] if needle else self.all_rows
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
