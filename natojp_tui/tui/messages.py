"""Small messages widgets post up to the screen."""

from __future__ import annotations

from typing import Any

from textual.message import Message


class ArticleChosen(Message):
    """Open an article (optionally with a quote selected)."""

    def __init__(self, article_id: str, quote_id: str | None = None) -> None:
        super().__init__()
        self.article_id = article_id
        self.quote_id = quote_id


class QuoteClicked(Message):
    """A quote was clicked in the body."""

    def __init__(self, quote_id: str) -> None:
        super().__init__()
        self.quote_id = quote_id


class EventChosen(Message):
    """Jump to the sentence an event was told in."""

    def __init__(self, article_id: str, paragraph: int, start: int, end: int) -> None:
        super().__init__()
        self.article_id = article_id
        self.paragraph = paragraph
        self.start = start
        self.end = end


class ImportProgress(Message):
    """An import running in the app's worker read file ``done`` of ``total``."""

    def __init__(self, done: int, total: int, name: str) -> None:
        super().__init__()
        self.done = done
        self.total = total
        self.name = name


class ImportFinished(Message):
    """An import ended: ``report`` is the store's ImportReport, or ``error`` says why not."""

    def __init__(self, report: Any = None, error: str | None = None) -> None:
        super().__init__()
        self.report = report
        self.error = error


class SearchDone(Message):
    """The quote search was closed: its query, the rows it found, and the row opened."""

    def __init__(self, query: str, rows: list[Any], opened: Any = None) -> None:
        super().__init__()
        self.query = query
        self.rows = rows
        self.opened = opened
