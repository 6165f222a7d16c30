"""Small messages widgets post up to the screen."""

from __future__ import annotations

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
