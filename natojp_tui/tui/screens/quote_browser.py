"""All quotes across all articles: sortable, starred filter, enter jumps to the quote."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer, Static
from textual.worker import get_current_worker

from natojp_tui.tui.data import QuoteRow, ReaderData
from natojp_tui.tui.inert import inert_row
from natojp_tui.tui.keymap import BY_ID, bindings
from natojp_tui.tui.widgets.quote_lines import QuoteLines
from natojp_tui.tui.widgets.virtual_list import VirtualList


def _newest(rows: Sequence[QuoteRow]) -> list[QuoteRow]:
    # Stable sorts: reading order inside an article survives.
    inside = sorted(rows, key=lambda r: (r.article_id, r.paragraph, r.start))
    return sorted(inside, key=lambda r: r.published or date.min, reverse=True)


SORTS: dict[str, Callable[[Sequence[QuoteRow]], list[QuoteRow]]] = {
    "newest first": _newest,
    "oldest first": lambda rows: list(reversed(_newest(rows))),
    "speaker": lambda rows: sorted(
        _newest(rows), key=lambda r: (r.speaker is None, (r.speaker or "").casefold())
    ),
    "article": lambda rows: sorted(_newest(rows), key=lambda r: r.title.casefold()),
    "longest first": lambda rows: sorted(_newest(rows), key=lambda r: -len(r.text)),
}


def sort_rows(rows: Sequence[QuoteRow], how: str) -> list[QuoteRow]:
    """Rows in one of the ``SORTS`` orders."""
    return SORTS[how](rows)


class QuoteBrowser(Screen[QuoteRow | None]):
    """Dismisses with the quote to open, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Back", id="close"),
        *bindings("browser"),
        Binding("s", "star", BY_ID["star"].description, id="star"),
    ]

    def __init__(self, data: ReaderData, speaker: str | None = None) -> None:
        super().__init__()
        self.data = data
        self.speaker = speaker  # only this person's quotes (from the people view)
        self.all_rows: list[QuoteRow] = []
        self.sort = "newest first"
        self.starred_only = False
        self.starred: set[str] = set()

    def compose(self) -> ComposeResult:
        yield Static("Loading quotes…", id="browser-status")
        yield QuoteLines(empty_text="No quotes", id="browser-lines")
        yield Footer(compact=True)

    @property
    def lines(self) -> QuoteLines:
        return self.query_one(QuoteLines)

    def on_mount(self) -> None:
        self.lines.focus()
        self.load()

    @work(exclusive=True, thread=True, group="browser")
    def load(self) -> None:
        rows = self.data.all_quotes()
        starred = self.data.starred()
        self.app.call_from_thread(self._loaded, rows, starred)

    def _loaded(self, rows: list[QuoteRow], starred: set[str]) -> None:
        self.all_rows = rows
        self.starred = starred
        self.lines.starred = starred
        self.refresh_rows()

    def refresh_rows(self, keep: str | None = None) -> None:
        """Filter and sort off the UI thread (100,000 quotes take a noticeable moment)."""
        self._sorted(list(self.all_rows), set(self.starred), self.starred_only, self.sort, keep)

    @work(exclusive=True, thread=True, group="browser-sort")
    def _sorted(
        self,
        rows: list[QuoteRow],
        starred: set[str],
        starred_only: bool,
        how: str,
        keep: str | None,
    ) -> None:
        if starred_only:
            rows = [r for r in rows if r.id in starred]
        if self.speaker:
            rows = [r for r in rows if r.speaker == self.speaker]
        rows = sort_rows(rows, how)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show, rows, starred_only, how, keep)

    def _show(self, rows: list[QuoteRow], starred_only: bool, how: str, keep: str | None) -> None:
        cursor = next((i for i, r in enumerate(rows) if r.id == keep), 0) if keep else 0
        self.lines.show(rows, cursor=cursor)
        shown = "starred quotes" if starred_only else "quotes"
        if self.speaker:
            shown += f" by {inert_row(self.speaker)}"
        status = Text(f"{len(rows):,} {shown} · sorted by {how}", "bold")
        status.append("   o sort · * starred only · s star · enter open · escape back", "dim")
        self.query_one("#browser-status", Static).update(status)

    def action_cycle_sort(self) -> None:
        names = list(SORTS)
        self.sort = names[(names.index(self.sort) + 1) % len(names)]
        current = self.lines.current
        self.refresh_rows(keep=current.id if current else None)

    def action_toggle_starred(self) -> None:
        self.starred_only = not self.starred_only
        self.refresh_rows()

    def action_star(self) -> None:
        row = self.lines.current
        if row is None:
            return
        on_ = row.id not in self.starred
        if not self.data.star(row.id, on_):
            return  # the error is on screen; nothing changed
        (self.starred.add if on_ else self.starred.discard)(row.id)
        self.lines.refresh()
        self.notify("Starred" if on_ else "Unstarred", markup=False, timeout=2)

    @on(VirtualList.Selected, "#browser-lines")
    def _chosen(self, event: VirtualList.Selected) -> None:
        event.stop()
        self.dismiss(self.lines.rows[event.index])

    def action_close(self) -> None:
        self.dismiss(None)
