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

from natojp_tui.core.references import COPY_FORMATS, COPY_KEYS, COPY_LABELS
from natojp_tui.tui.config import effective_keys
from natojp_tui.tui.keymap import SCOPES, in_scope

EXTRA_KEYS: tuple[tuple[str, str], ...] = (
    ("mouse click", "select an article, a quote or an event"),
    ("scroll wheel", "scroll the pane under the pointer"),
    ("ctrl+p → Theme", "choose a theme (remembered)"),
)
SEARCH_SYNTAX: tuple[tuple[str, str], ...] = (
    ("Stoltenberg", "a name: that person's quotes first, then quotes that mention them"),
    ("natural part", "words, each a word prefix, all required"),
    ('"natural partners"', "an exact phrase"),
    ("speaker:NAME", 'only quotes by NAME (speaker:"Fogh Rasmussen")'),
    ("source:mofa", "publisher by short name or alias: nato, mofa, kantei, mod, kyodo, reuters"),
    ("from:2013-04 to:2014", "published from / up to a date (YYYY, YYYY-MM or YYYY-MM-DD)"),
    ("year:2013", "published in a year (four digits)"),
    ("kind:direct", "direct, partial, or indirect (= reported)"),
    ("visit:Stoltenberg", "quotes from articles about a visit (visitor or host name)"),
    ("article:ID", "quotes of one article (a prefix of its id; natojp list shows ids)"),
    ("is:starred", "starred quotes only"),
)
FILTER_SYNTAX = (
    "f focuses the filter above the article list: every word must start a word of the title, "
    "a person named or the date (2013, april 2013, 15 apr, 2013-04-15), or name the source "
    "(nato, mofa, kantei, mod, kyodo, reuters …). Enter returns to the list."
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


def _section(title: str) -> Text:
    return Text(title, Style(bold=True, underline=True))


def help_table(app, keymap: dict[str, str], config_path: str | None = None) -> Group:
    """One section per scope: key(s), what it does, and the binding id to rebind it."""
    parts: list[Text | Table] = []
    for scope, title in SCOPES.items():
        parts.append(Text(title, Style(bold=True, underline=True)))
        table = _grid()
        for spec in in_scope(scope):
            keys = key_labels(app, effective_keys(keymap, spec.id))
            table.add_row(Text(keys), Text(spec.description), Text(spec.id))
        parts += [table, Text("")]
    parts.append(_section("Mouse and more"))
    table = _grid()
    for key, what in EXTRA_KEYS:
        table.add_row(Text(key), Text(what), "")
    parts += [table, Text("")]
    parts.append(_section("Search syntax (/)"))
    table = _grid()
    for example, what in SEARCH_SYNTAX:
        table.add_row(Text(example), Text(what), "")
    parts += [table, Text("Invalid filters are named under the search box.", "dim"), Text("")]
    parts.append(_section("Copy as… (Y): press the number or letter"))
    table = _grid()
    for fmt in COPY_FORMATS:
        table.add_row(Text(COPY_KEYS[fmt]), Text(COPY_LABELS[fmt]), Text(fmt))
    parts += [table, Text("")]
    parts.append(_section("Article filter (f)"))
    parts += [Text(FILTER_SYNTAX), Text("")]
    parts.append(_section("Config file"))
    where = config_path or "(no config location on this system)"
    parts.append(Text(f'{where}\n[keymap] binding-id = "keys", e.g. copy = "c"'))
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
        config = getattr(self.app, "config", None)
        path = config.path if config is not None and config.path else None
        if path is None:
            from natojp_tui.locations import config_dir, config_file

            found = config_file()
            path = found or f"{config_dir() / 'config.toml'} (or natojp.toml here; none yet)"
        with VerticalScroll(id="help-box"):
            yield Static(Text("natojp — keys", Style(bold=True)), id="help-title")
            yield Static(help_table(self.app, keymap, str(path) if path else None), id="help-table")
