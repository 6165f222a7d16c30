"""Command palette: every reader action and every article by title."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from rich.text import Text
from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.markup import escape

from natojp_tui.tui.inert import inert_row
from natojp_tui.tui.keymap import KEYS


def highlighted(matcher, candidate: str) -> Text:
    """``candidate`` as plain text (never markup) with the fuzzy match underlined."""
    text = Text(candidate)
    score, offsets = matcher.fuzzy_search.match(matcher.query, candidate)
    if score:
        for offset in offsets:
            if not candidate[offset].isspace():
                text.stylize("underline bold", offset, offset + 1)
    return text


class ReaderCommands(Provider):
    """Actions of the reader (with their keys) and ``Open: <title>`` for each article."""

    def _reader(self):
        return getattr(self.app, "reader", None)

    def _entries(self) -> list[tuple[str, str, Callable[[], object]]]:
        entries: list[tuple[str, str, Callable[[], object]]] = []
        reader = self._reader()
        for spec in KEYS:
            if not spec.palette:
                continue
            namespace = reader if spec.scope == "reader" and reader is not None else self.app
            if spec.scope not in ("app", "reader"):
                continue
            keys = spec.keys.split(",")[0]
            label = self.app.get_key_display(Binding(keys, ""))
            entries.append(
                (
                    spec.description,
                    f"key {label}",
                    partial(self.app.run_action, spec.action, namespace),
                )
            )
        if reader is not None:
            for row in reader.query_one("ArticleList").all_rows:
                when = row.published.isoformat() if row.published else "undated"
                where = f"{when} · {inert_row(row.source)}" if row.source else when
                entries.append(
                    (f"Open: {inert_row(row.title)}", where, partial(reader.open_article, row.id))
                )
        return entries

    async def discover(self) -> Hits:
        for text, help_text, command in self._entries():
            yield DiscoveryHit(Text(text), command, text=text, help=escape(help_text))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, help_text, command in self._entries():
            score = matcher.match(text)
            if score > 0:
                yield Hit(
                    score, highlighted(matcher, text), command, text=text, help=escape(help_text)
                )
