"""The source line above the article text: id, URL (or file path), the user's
corrections, tags and note of the article. ``w`` opens the URL, ``W`` copies it."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.widgets import Static

from natojp_tui.core.model import Article
from natojp_tui.tui.inert import inert_row

FIELD_NAMES = {"published": "date"}


def source_text(
    article: Article | None,
    *,
    corrected: list[str] = (),  # type: ignore[assignment]
    tags: list[str] = (),  # type: ignore[assignment]
    note: str | None = None,
    read: bool = False,
) -> Text:
    """``id a892d1a733f0 · corrected: date · #visit · https://… · ✎ Wire copy…``."""
    text = Text(no_wrap=True, overflow="ellipsis")
    if article is None:
        return text
    text.append(f"id {article.id}", Style(dim=True))
    if corrected:  # short marks first: a long URL is cut at the pane's edge, they are not
        names = ", ".join(FIELD_NAMES.get(f, f) for f in corrected)
        text.append(f" · corrected: {names}", Style(color="#e5a50a"))
    if tags:
        text.append(" · " + " ".join(f"#{inert_row(t)}" for t in tags), Style(color="#57e389"))
    where = article.url or article.path
    text.append(" · ", Style(dim=True))
    if where:
        text.append(
            inert_row(where),
            Style(underline=bool(article.url), color="#62a0ea" if article.url else None),
        )
    else:
        text.append("no URL or file recorded", Style(dim=True, italic=True))
    if note:
        first = note.strip().splitlines()[0] if note.strip() else ""
        text.append(f" · ✎ {inert_row(first)}", Style(italic=True))
    if read:
        text.append(" · read", Style(dim=True))
    return text


class SourceLine(Static):
    """One line: where the open article came from, and what the user added to it."""

    def show(self, article: Article | None, **kwargs) -> None:
        self.update(source_text(article, **kwargs))
