"""A virtualised list of quotes (search results, quote browser), matches highlighted."""

from __future__ import annotations

from collections.abc import Sequence

from rich.style import Style
from rich.text import Text

from natojp_tui.core.citation import reported_lead
from natojp_tui.tui.data import QuoteRow
from natojp_tui.tui.inert import inert_row
from natojp_tui.tui.widgets.virtual_list import VirtualList

MATCH_STYLE = Style(bold=True, underline=True, color="#e5a50a")
STAR = "★"


def quote_row_text(row: QuoteRow, width: int, starred: bool = False) -> Text:
    """``★ 2013-04-15 Speaker  “text…”  — Article title`` fitted to ``width`` cells."""
    text = Text(no_wrap=True)
    text.append(STAR if starred else " ", Style(color="#e5a50a", bold=True))
    text.append(row.published.isoformat() if row.published else "  undated ", Style(dim=True))
    text.append(" ")
    speaker = Text(
        inert_row(row.speaker or "unattributed"), Style(bold=True, italic=row.speaker is None)
    )
    speaker.truncate(22, overflow="ellipsis", pad=True)
    text.append_text(speaker)
    text.append(" ")
    title = Text("  — " + inert_row(row.title), Style(dim=True))
    room = width - text.cell_len
    title_room = min(title.cell_len, max(0, room // 3))
    body_room = max(0, room - title_room)
    body = _window(row, max(4, body_room - 2))
    if row.kind != "indirect":
        body = Text("“") + body + Text("”")
    else:  # reported speech with its reporting verb, never a bare clause
        body.stylize(Style(italic=True))
        body = Text(reported_lead(row.verb), Style(dim=True)) + body
    if body.cell_len > body_room:
        body.truncate(body_room, overflow="ellipsis")
    else:
        body.pad_right(body_room - body.cell_len)
    text.append_text(body)
    title.truncate(title_room, overflow="ellipsis")
    text.append_text(title)
    return text


def _window(row: QuoteRow, room: int) -> Text:
    """The quote text with matches styled, starting shortly before the first match
    when that match would otherwise fall outside ``room`` cells."""
    text = inert_row(row.text)
    spans = list(row.spans)
    offset = 0
    if spans and spans[0][1] > room - 1:
        offset = max(0, spans[0][0] - room // 4)
    body = Text(("…" if offset else "") + text[offset:])
    shift = 1 if offset else 0
    for start, end in spans:
        if end > offset:
            body.stylize(MATCH_STYLE, max(start, offset) - offset + shift, end - offset + shift)
    return body


class QuoteLines(VirtualList):
    """Rows of ``QuoteRow``; the starred set is shared with the screen."""

    def __init__(self, empty_text: str = "No quotes", **kwargs) -> None:
        super().__init__(empty_text=empty_text, **kwargs)
        self.rows: list[QuoteRow] = []
        self.starred: set[str] = set()

    def show(self, rows: Sequence[QuoteRow], cursor: int = 0) -> None:
        self.rows = list(rows)
        self.set_row_count(len(self.rows), cursor=cursor)

    @property
    def current(self) -> QuoteRow | None:
        return self.rows[self.cursor] if self.rows else None

    def render_row(self, index: int, width: int) -> Text:
        row = self.rows[index]
        return quote_row_text(row, width, row.id in self.starred)
