"""The detail line under the body: the selected quote's speaker, role, cue, kind, source."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.widgets import Static

from natojp_tui.core.citation import format_date, role_of
from natojp_tui.core.model import Article, Quote
from natojp_tui.tui.inert import inert_row


def detail_text(
    quote: Quote | None,
    article: Article | None,
    index: int = 0,
    total: int = 0,
    starred: bool = False,
    colour: str | None = None,
    reported: int = 0,
    extra: Text | None = None,
) -> Text:
    """``★ 5/5 Anders Fogh Rasmussen · NATO Secretary General · cue … · direct · ¶7 · NATO …``;
    ``extra`` (what the user added: corrections, tags, note) right after the speaker, so a
    narrow pane never cuts it off."""
    text = Text(no_wrap=False)
    if quote is None or article is None:
        hint = (
            "No quote selected: n / N walk the quotes"
            if article and article.quotes
            else ("No quoted words in this article" if article else "")
        )
        text.append(hint, Style(dim=True, italic=True))
        if reported:
            text.append(f" · {reported} reported (indirect) hidden: i shows them", Style(dim=True))
        return text
    if starred:
        text.append("★ ", Style(color="#e5a50a", bold=True))
    text.append(f"{index}/{total} ", Style(dim=True))
    text.append(inert_row(quote.speaker or "unattributed"), Style(bold=True, color=colour))
    if extra is not None:
        text.append_text(extra)
    role = role_of(quote, article)
    parts = [
        inert_row(role) if role else None,
        f"cue “{inert_row(quote.cue)}”" if quote.cue else None,
        f"{quote.verb}" if quote.verb else None,
        quote.kind,
        f"¶{quote.paragraph + 1}",
    ]
    for part in parts:
        if part:
            text.append(" · ")
            text.append(part)
    source = " · ".join(
        p for p in (inert_row(article.source or ""), format_date(article.published)) if p
    )
    if source:
        text.append(" · ")
        text.append(source, Style(italic=True))
    return text


class QuoteDetail(Static):
    """Shows ``detail_text`` for the selected quote."""

    def show(
        self,
        quote: Quote | None,
        article: Article | None,
        *,
        index: int = 0,
        total: int = 0,
        starred: bool = False,
        colour: str | None = None,
        reported: int = 0,
        extra: Text | None = None,
    ) -> None:
        """``extra``: what the user added to the quote (note, tags, corrections)."""
        self.update(detail_text(quote, article, index, total, starred, colour, reported, extra))
