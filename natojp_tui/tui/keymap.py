"""Every key of the reader in one table: id, default keys, action, description, scope.

Widgets and screens build their ``BINDINGS`` from this table, the help screen lists
it, and the command palette offers its actions. Ids are what a config file rebinds.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding


@dataclass(frozen=True, slots=True)
class KeySpec:
    """One action and its default keys (comma-separated, Textual key names)."""

    id: str
    keys: str
    action: str
    description: str
    scope: str
    show: bool = True
    palette: bool = True


SCOPES: dict[str, str] = {
    "app": "Everywhere",
    "reader": "Reader (main screen)",
    "list": "Lists (articles, quotes, results)",
    "search": "Quote search",
    "results": "Search results (once focused: down from the query)",
    "browser": "Quote browser",
    "timeline": "Timeline pane",
}

# The order is the footer's: the most used keys first.
KEYS: tuple[KeySpec, ...] = (
    KeySpec("search", "slash", "search", "Search", "reader"),
    KeySpec("next-quote", "n,right_square_bracket", "next_quote", "Next quote", "reader"),
    KeySpec("copy", "y", "copy", "Copy", "reader"),
    KeySpec("help", "question_mark,f1", "help", "Help", "app"),
    KeySpec("quit", "q", "quit", "Quit", "app"),
    KeySpec("palette", "ctrl+p", "command_palette", "Commands", "app", show=False),
    KeySpec(
        "prev-quote", "N,left_square_bracket", "prev_quote", "Prev quote", "reader", show=False
    ),
    KeySpec("next-match", "greater_than_sign", "next_match", "Next match", "reader", show=False),
    KeySpec("prev-match", "less_than_sign", "prev_match", "Prev match", "reader", show=False),
    KeySpec("reported", "i", "toggle_reported", "Reported speech", "reader"),
    KeySpec("copy-as", "Y", "copy_as", "Copy as…", "reader", show=False),
    KeySpec("filter", "f", "filter_articles", "Filter articles", "reader", show=False),
    KeySpec("zoom", "z", "zoom", "Zoom", "reader"),
    KeySpec("restore", "escape", "restore", "Restore", "reader", show=False),
    KeySpec("export", "e", "export", "Export", "reader", show=False),
    KeySpec("star", "s", "star", "Star", "reader", show=False),
    KeySpec("quote-browser", "b", "quote_browser", "All quotes", "reader", show=False),
    KeySpec("timeline", "t", "focus_pane('timeline')", "Timeline", "reader", show=False),
    KeySpec("import", "ctrl+o", "import_files", "Import files", "reader", show=False),
    KeySpec("fetch-feeds", "F", "fetch_feeds", "Fetch feeds", "app", show=False),
    KeySpec("pane-articles", "1", "focus_pane('articles')", "Articles", "reader", show=False),
    KeySpec("pane-body", "2", "focus_pane('body')", "Text", "reader", show=False),
    KeySpec("pane-timeline", "3", "focus_pane('timeline')", "Timeline pane", "reader", show=False),
    KeySpec("next-pane", "tab", "next_pane", "Next pane", "reader", show=False),
    KeySpec("prev-pane", "shift+tab", "prev_pane", "Prev pane", "reader", show=False),
    KeySpec("cursor-down", "down,j", "cursor_down", "Down", "list", show=False, palette=False),
    KeySpec("cursor-up", "up,k", "cursor_up", "Up", "list", show=False, palette=False),
    KeySpec("cursor-top", "g,home", "cursor_top", "Top", "list", show=False, palette=False),
    KeySpec("cursor-bottom", "G,end", "cursor_bottom", "Bottom", "list", show=False, palette=False),
    KeySpec("page-up", "pageup", "page_up", "Page up", "list", show=False, palette=False),
    KeySpec("page-down", "pagedown", "page_down", "Page down", "list", show=False, palette=False),
    KeySpec("open", "enter", "open", "Open", "list", show=False, palette=False),
    KeySpec("close", "escape", "close", "Close", "search", palette=False),
    KeySpec("results", "down", "focus_results", "Results", "search", show=False, palette=False),
    KeySpec("result-copy", "y", "copy_result", "Copy", "results", palette=False),
    KeySpec("result-copy-as", "Y", "copy_result_as", "Copy as…", "results", palette=False),
    KeySpec("result-export", "e", "export_results", "Export", "results", palette=False),
    KeySpec("result-query", "slash", "focus_query", "Edit query", "results", palette=False),
    KeySpec("sort", "o", "cycle_sort", "Sort", "browser", palette=False),
    KeySpec("starred-only", "asterisk", "toggle_starred", "Starred only", "browser", palette=False),
    KeySpec(
        "next-source",
        "x",
        "next_source",
        "Next source of the entry",
        "timeline",
        show=False,
        palette=False,
    ),
)

# The library: remove and undo, notes, tags, corrections, the source, dossiers, people,
# reading state and the article list's order (actions in screens/library_actions.py).
KEYS += (
    KeySpec("remove-article", "d,delete", "remove_article", "Remove article", "reader", show=False),
    KeySpec("undo", "u", "undo", "Undo", "reader", show=False),
    KeySpec("note", "a", "note", "Note", "reader", show=False),
    KeySpec("tag", "number_sign", "tag", "Tag", "reader", show=False),
    KeySpec("correct", "c", "correct", "Correct…", "reader", show=False),
    KeySpec("open-source", "w", "open_source", "Open source", "reader", show=False),
    KeySpec("copy-source", "W", "copy_source", "Copy source link", "reader", show=False),
    KeySpec("dossier-add", "plus", "dossier_add", "Add to dossier", "reader", show=False),
    KeySpec("dossiers", "D", "dossiers", "Dossiers", "reader", show=False),
    KeySpec("people", "p", "people", "People", "reader", show=False),
    KeySpec("mark-read", "m", "mark_read", "Read/unread", "reader", show=False),
    KeySpec("sort-articles", "o", "sort_articles", "Sort articles", "reader", show=False),
    KeySpec("group-visits", "v", "group_visits", "Group by visit", "reader", show=False),
)

BY_ID: dict[str, KeySpec] = {k.id: k for k in KEYS}


def bindings(scope: str, *, priority: bool = False) -> list[Binding]:
    """Textual bindings (with ids) for every key of ``scope``."""
    return [
        Binding(
            k.keys,
            k.action,
            k.description,
            show=k.show,
            id=k.id,
            priority=priority,
        )
        for k in KEYS
        if k.scope == scope
    ]


def in_scope(scope: str) -> list[KeySpec]:
    return [k for k in KEYS if k.scope == scope]
