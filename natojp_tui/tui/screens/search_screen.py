"""Quote search: results update as you type, matches highlighted, a count shown.

Each keystroke starts a thread worker in an exclusive group, cancelling the previous
search; a cancelled worker never touches the screen.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, Static
from textual.worker import get_current_worker

from natojp_tui.tui.data import QuoteRow, ReaderData
from natojp_tui.tui.keymap import BY_ID, bindings
from natojp_tui.tui.widgets.quote_lines import QuoteLines
from natojp_tui.tui.widgets.virtual_list import VirtualList

RESULT_LIMIT = 500
PLACEHOLDER = 'words, "exact phrase", speaker:NAME, kind:direct, year:2013, is:starred'


def count_label(query: str, shown: int, total: int) -> Text:
    """``3 quotes match``, ``500 of 2,041 quotes shown``, or ``all 12 quotes``."""
    noun = "quote" if total == 1 else "quotes"
    if not query.strip():
        return Text(f"all {total:,} {noun}", "dim")
    if shown < total:
        return Text(f"{shown:,} of {total:,} {noun} shown", "bold")
    return Text(f"{total:,} {noun} match", "bold" if total else "dim")


class SearchScreen(ModalScreen[QuoteRow | None]):
    """Dismisses with the chosen quote row, or None on escape."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *bindings("search"),
        Binding("e", "export", BY_ID["export"].description, id="export"),
    ]

    def __init__(self, data: ReaderData, query: str = "", starred: set[str] | None = None) -> None:
        super().__init__()
        self.data = data
        self.initial_query = query
        self.query_text = query
        self.total = 0
        self.starred = starred or set()

    def compose(self) -> ComposeResult:
        with Vertical(id="search-box"):
            yield Input(self.initial_query, placeholder=PLACEHOLDER, id="search-input")
            yield Static("", id="search-count")
            yield QuoteLines(empty_text="No quotes match", id="search-results")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.results.starred = self.starred
        self.query_one(Input).focus()
        self.run_search(self.initial_query)

    @property
    def results(self) -> QuoteLines:
        return self.query_one("#search-results", QuoteLines)

    @on(Input.Changed, "#search-input")
    def _typed(self, event: Input.Changed) -> None:
        self.run_search(event.value)

    @work(exclusive=True, thread=True, group="search")
    def run_search(self, query: str) -> None:
        """Search off the UI thread; drop the results if a newer keystroke cancelled us."""
        worker = get_current_worker()
        try:
            rows, total = self.data.search(query, limit=RESULT_LIMIT)
        except Exception as exc:  # a bad query must not kill the screen
            if not worker.is_cancelled:
                self.app.call_from_thread(self._failed, query, str(exc))
            return
        if not worker.is_cancelled:
            self.app.call_from_thread(self._show, query, rows, total)

    def _show(self, query: str, rows: list[QuoteRow], total: int) -> None:
        if not self.is_attached:  # dismissed while the worker ran
            return
        self.query_text = query
        self.total = total
        self.results.show(rows)
        self.query_one("#search-count", Static).update(count_label(query, len(rows), total))

    def _failed(self, query: str, message: str) -> None:
        if not self.is_attached:
            return
        self.results.show([])
        self.query_one("#search-count", Static).update(Text(f"search failed: {message}", "red"))

    @on(Input.Submitted, "#search-input")
    def _submitted(self) -> None:
        current = self.results.current
        if current is not None:
            self.dismiss(current)

    @on(VirtualList.Selected, "#search-results")
    def _chosen(self, event: VirtualList.Selected) -> None:
        event.stop()
        self.dismiss(self.results.rows[event.index])

    def action_close(self) -> None:
        self.dismiss(None)

    def action_focus_results(self) -> None:
        self.results.focus()

    def action_export(self) -> None:
        from natojp_tui.tui.screens.export_screen import ExportScreen

        query = self.query_text
        self.app.push_screen(
            ExportScreen.for_search(self.data, query, self.total),
            callback=self.app.report_export,  # type: ignore[attr-defined]
        )
