"""Export quotes to a file: the name's extension picks Markdown, CSV or JSON; each quote
carries the user's star, notes and tags (as ``natojp export`` writes them)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Input, Static

from natojp_tui.core.model import Article, Quote
from natojp_tui.export import Annotate, ExportError, export_quotes
from natojp_tui.tui.data import ReaderData
from natojp_tui.tui.inert import inert_row

QuoteSource = Callable[[], tuple[list[Quote], Callable[[str], Article]]]


def slug(text: str, limit: int = 40) -> str:
    """A file-name friendly slug: ``NATO and Japan sign…`` → ``nato-and-japan-sign``."""
    words = re.findall(r"[a-z0-9]+", text.lower())
    out = "-".join(words)[:limit].strip("-")
    return out or "quotes"


class ExportScreen(ModalScreen[tuple[Path, int] | None]):
    """Asks for a path, writes the file in a worker, dismisses with (path, count)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", id="close")]

    def __init__(
        self,
        what: str,
        count: int,
        default_name: str,
        source: QuoteSource,
        annotate: Annotate | None = None,
    ) -> None:
        super().__init__()
        self.what = what
        self.count = count
        self.default_name = default_name
        self.source = source
        self.annotate = annotate

    @classmethod
    def for_article(cls, article: Article, data: ReaderData | None = None) -> ExportScreen:
        """Export the quotes of one article (with the user's annotations from ``data``)."""

        def source() -> tuple[list[Quote], Callable[[str], Article]]:
            quotes = sorted(article.quotes, key=lambda q: (q.paragraph, q.start))
            return quotes, {article.id: article}.__getitem__

        name = f"quotes-{slug(article.title)}.md"
        annotate = (lambda q: data.annotations(q.id)) if data is not None else None
        what = f"the quotes of “{article.title}”"
        return cls(what, len(article.quotes), name, source, annotate)

    @classmethod
    def for_search(cls, data: ReaderData, query: str, total: int) -> ExportScreen:
        """Export every result of a search (not only the rows on screen)."""

        def source() -> tuple[list[Quote], Callable[[str], Article]]:
            rows, _ = data.search(query, limit=max(total, 1))
            return data.quotes_for(rows)

        what = f"the results of “{query}”" if query.strip() else "all quotes"
        name = f"quotes-{slug(query or 'all')}.md"
        return cls(what, total, name, source, lambda q: data.annotations(q.id))

    def compose(self) -> ComposeResult:
        with Vertical(id="export-box"):
            yield Static(
                Text(f"Export {self.count:,} quotes: {inert_row(self.what)}"), id="export-title"
            )
            yield Input(str(Path.cwd() / self.default_name), id="export-path")
            yield Static(
                Text(
                    "The extension picks the format: .md, .csv or .json. Enter writes, escape cancels.",
                    "dim",
                )
            )
            yield Checkbox("Overwrite an existing file", id="export-force")
            yield Static("", id="export-error")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted, "#export-path")
    def _submitted(self, event: Input.Submitted) -> None:
        self.write(event.value, self.query_one(Checkbox).value)

    @work(exclusive=True, thread=True, group="export")
    def write(self, path: str, force: bool) -> None:
        try:
            quotes, article_of = self.source()
            written = export_quotes(quotes, article_of, path, force=force, annotate=self.annotate)
        except ExportError as exc:
            self.app.call_from_thread(self._error, str(exc))
            return
        except Exception as exc:
            self.app.call_from_thread(self._error, f"export failed: {exc}")
            return
        self.app.call_from_thread(self.dismiss, (written, len(quotes)))

    def _error(self, message: str) -> None:
        self.query_one("#export-error", Static).update(Text(inert_row(message), "bold red"))

    def action_cancel(self) -> None:
        self.dismiss(None)
