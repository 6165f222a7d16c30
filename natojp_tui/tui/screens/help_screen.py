"""``?`` / ``f1``: every key of the reader, grouped by where it works, as currently bound."""

from __future__ import annotations

from typing import ClassVar

from rich.console import Group
from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from natojp_tui.tui.config import effective_keys
from natojp_tui.tui.keymap import SCOPES, in_scope

EXTRA_KEYS: tuple[tuple[str, str], ...] = (
    ("mouse click", "select an article, a quote or an event"),
    ("scroll wheel", "scroll the pane under the pointer"),
    ("ctrl+p → Theme", "choose a theme (remembered)"),
)


def key_labels(app, keys: str) -> str:
    """``question_mark,f1`` → ``? / f1`` using the app's key display."""
    return " / ".join(
        app.get_key_display(Binding(k.strip(), "")) for k in keys.split(",") if k.strip()
    )


def _grid() -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(style=Style(bold=True), no_wrap=True, min_width=12)
    table.add_column(min_width=18)
    table.add_column(style=Style(dim=True), no_wrap=True)
    return table


def help_table(app, keymap: dict[str, str]) -> Group:
    """One section per scope: key(s), what it does, and the binding id to rebind it."""
    parts: list[Text | Table] = []
    for scope, title in SCOPES.items():
        parts.append(Text(title, Style(bold=True, underline=True)))
        table = _grid()
        for spec in in_scope(scope):
            keys = key_labels(app, effective_keys(keymap, spec.id))
            table.add_row(Text(keys), Text(spec.description), Text(spec.id))
        parts += [table, Text("")]
    parts.append(Text("Mouse and more", Style(bold=True, underline=True)))
    table = _grid()
    for key, what in EXTRA_KEYS:
        table.add_row(Text(key), Text(what), "")
    parts += [table, Text("")]
    parts.append(
        Text('Rebind keys in config.toml: [keymap] binding-id = "keys"', Style(italic=True))
    )
    return Group(*parts)


class HelpScreen(ModalScreen[None]):
    """Lists every key; escape, q or ? closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark,f1", "dismiss", "Close", id="close"),
        Binding("j,down", "scroll(1)", "Down", show=False),
        Binding("k,up", "scroll(-1)", "Up", show=False),
    ]

    def action_scroll(self, lines: int) -> None:
        self.query_one("#help-box", VerticalScroll).scroll_relative(y=lines, animate=False)

    def compose(self) -> ComposeResult:
        keymap = getattr(self.app, "keymap", {})
        with VerticalScroll(id="help-box"):
            yield Static(Text("natojp — keys", Style(bold=True)), id="help-title")
            yield Static(help_table(self.app, keymap), id="help-table")
