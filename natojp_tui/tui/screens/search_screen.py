"""Quote search: results update as you type, matches highlighted, a count shown.

Each keystroke starts a thread worker in an exclusive group, cancelling the previous
search; a cancelled worker never touches the screen. Filters the query language cannot
use are listed under the input. The highlighted result is previewed whole, with its
attribution. Closing hands the query and its results back to the reader, so ``/``
reopens them and ``>``/``<`` walk the matches across articles.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, Static
from textual.worker import get_current_worker

from natojp_tui.core.citation import format_quote
from natojp_tui.core.references import format_copy
from natojp_tui.core.search import parse_query
from natojp_tui.tui.data import QuoteRow, ReaderData
from natojp_tui.tui.inert import inert, inert_row
from natojp_tui.tui.keymap import bindings
from natojp_tui.tui.messages import SearchDone
from natojp_tui.tui.widgets.quote_lines import QuoteLines
from natojp_tui.tui.widgets.virtual_list import VirtualList

RESULT_LIMIT = 500
PLACEHOLDER = (
    'a name, words, "exact phrase", speaker:NAME source:mofa from:2013-04 to:2014 '
    "kind:reported year:2013 visit:NAME is:starred"
)


def count_label(query: str, shown: int, total: int) -> Text:
    """``3 quotes match``, ``500 of 2,041 quotes shown``, or ``all 12 quotes``."""
    noun = "quote" if total == 1 else "quotes"
    if not query.strip():
        return Text(f"all {total:,} {noun}", "dim")
    if shown < total:
        return Text(f"{shown:,} of {total:,} {noun} shown", "bold")
    return Text(f"{total:,} {noun} match", "bold" if total else "dim")


def problems_text(query: str) -> Text:
    """The filters of ``query`` that cannot be used, and why (empty when all are fine)."""
    problems = parse_query(query).problems
    return Text(" · ".join(inert_row(p) for p in problems), "bold red") if problems else Text("")


class ResultLines(QuoteLines):
    """The results list: ``y``/``Y`` copy, ``e`` exports, ``/`` goes back to the query."""

    BINDINGS: ClassVar[list[BindingType]] = bindings("results")  # type: ignore[assignment]

    def action_copy_result(self) -> None:
        self.screen.copy_current("attributed")  # type: ignore[attr-defined]

    def action_copy_result_as(self) -> None:
        self.screen.copy_current_as()  # type: ignore[attr-defined]

    def action_export_results(self) -> None:
        self.screen.action_export()  # type: ignore[attr-defined]

    def action_focus_query(self) -> None:
        self.screen.query_one(Input).focus()


class SearchScreen(ModalScreen[SearchDone | None]):
    """Dismisses with a ``SearchDone``: the query, its rows and the row opened (if any)."""

    BINDINGS: ClassVar[list[BindingType]] = [*bindings("search")]

    def __init__(
        self,
        data: ReaderData,
        query: str = "",
        starred: set[str] | None = None,
        keep_id: str | None = None,
    ) -> None:
        super().__init__()
        self.data = data
        self.initial_query = query
        self.query_text = query
        self.total = 0
        self.starred = starred or set()
        self.keep_id = keep_id

    def compose(self) -> ComposeResult:
        with Vertical(id="search-box"):
            yield Input(self.initial_query, placeholder=PLACEHOLDER, id="search-input")
            yield Static(problems_text(self.initial_query), id="search-problems")
            yield Static("", id="search-count")
            yield ResultLines(empty_text="No quotes match", id="search-results")
            yield Static("", id="search-preview")
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
        self.query_one("#search-problems", Static).update(problems_text(event.value))
        self.run_search(event.value)

    @work(exclusive=True, thread=True, group="search")
    def run_search(self, query: str) -> None:
        """Search off the UI thread; drop the results if a newer keystroke cancelled us."""
        worker = get_current_worker()
        try:
            rows, total = self.data.search(
                query, limit=RESULT_LIMIT, cancelled=lambda: worker.is_cancelled
            )
        except Exception as exc:  # a bad query must not kill the screen; a cancelled one stops
            if not worker.is_cancelled:
                self.app.call_from_thread(self._failed, query, str(exc))
            return
        if not worker.is_cancelled:
            self.app.call_from_thread(self._show, query, rows, total)

    def _gone(self) -> bool:
        """Dismissed (or being dismissed) while a worker ran: its widgets may be gone."""
        return not self.is_attached or not self.query("#search-results")

    def _show(self, query: str, rows: list[QuoteRow], total: int) -> None:
        if self._gone():  # dismissed while the worker ran
            return
        self.query_text = query
        self.total = total
        keep = next((i for i, r in enumerate(rows) if r.id == self.keep_id), 0)
        self.keep_id = None  # only the first search after reopening keeps the row
        self.results.show(rows, cursor=keep)
        self.query_one("#search-count", Static).update(count_label(query, len(rows), total))
        if not rows:
            self.query_one("#search-preview", Static).update("")

    def _failed(self, query: str, message: str) -> None:
        if self._gone():
            return
        self.results.show([])
        self.query_one("#search-count", Static).update(Text(f"search failed: {message}", "red"))

    # -- preview ------------------------------------------------------------------------
    @on(VirtualList.Highlighted, "#search-results")
    def _highlighted(self, event: VirtualList.Highlighted) -> None:
        row = self.results.current
        if row is not None:
            self.load_preview(row)

    @work(exclusive=True, thread=True, group="preview")
    def load_preview(self, row: QuoteRow) -> None:
        """The whole quote with its attribution (read from its article off the UI thread)."""
        try:
            article = self.data.article(row.article_id)
        except Exception:
            article = None
        quote = next((q for q in article.quotes if q.id == row.id), None) if article else None
        if quote is None or article is None:
            text = Text(inert(row.text))
        else:
            text = Text(inert(format_quote(quote, article, "attributed")))
            if article.url:
                text.append("\n")
                text.append(inert(article.url), "dim")
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show_preview, text)

    def _show_preview(self, text: Text) -> None:
        if not self._gone():
            self.query_one("#search-preview", Static).update(text)

    # -- choosing, copying, exporting -------------------------------------------------
    def done(self, opened: QuoteRow | None) -> None:
        if self._gone():  # a key queued behind the one that closed it
            return
        self.dismiss(SearchDone(self.query_text, list(self.results.rows), opened))

    @on(Input.Submitted, "#search-input")
    def _submitted(self) -> None:
        current = self.results.current
        if current is not None:
            self.done(current)

    @on(VirtualList.Selected, "#search-results")
    def _chosen(self, event: VirtualList.Selected) -> None:
        event.stop()
        self.done(self.results.rows[event.index])

    def action_close(self) -> None:
        self.done(None)

    def action_focus_results(self) -> None:
        self.results.focus()

    def _current_quote(self):
        row = self.results.current
        if row is None:
            self.notify("No result to copy", markup=False, timeout=2)
            return None, None
        article = self.data.article(row.article_id)
        quote = next((q for q in article.quotes if q.id == row.id), None) if article else None
        return quote, article

    def copy_current(self, fmt: str) -> None:
        quote, article = self._current_quote()
        if quote is not None and article is not None:
            text = format_copy(quote, article, fmt, date.today())
            self.app.copy_text(text)  # type: ignore[attr-defined]

    def copy_current_as(self) -> None:
        from natojp_tui.tui.screens.copy_format import CopyFormatScreen

        quote, article = self._current_quote()
        if quote is None or article is None:
            return

        def chosen(fmt: str | None) -> None:
            if fmt:
                self.copy_current(fmt)

        self.app.push_screen(CopyFormatScreen(quote, article), callback=chosen)

    def action_export(self) -> None:
        from natojp_tui.tui.screens.export_screen import ExportScreen

        query = self.query_text
        self.app.push_screen(
            ExportScreen.for_search(self.data, query, self.total),
            callback=self.app.report_export,  # type: ignore[attr-defined]
        )
