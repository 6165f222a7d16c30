"""A one-line progress bar docked above the footer while the feeds are fetched."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import ProgressBar, Static

from natojp_tui.tui.inert import inert_row


class FeedProgress(Horizontal):
    """``fetching nato 3/12 ━━━━━━━━━━━━━━━━━━``; removed when the fetch ends."""

    DEFAULT_CSS = """
    FeedProgress { dock: bottom; height: 1; background: $boost; padding: 0 1; }
    FeedProgress > Static { width: auto; max-width: 60; padding-right: 1; }
    FeedProgress > ProgressBar { width: 1fr; }
    """

    def compose(self) -> ComposeResult:
        yield Static(Text("fetching feeds…", "dim"))
        yield ProgressBar(total=None, show_eta=False)

    def show(self, name: str, done: int, total: int) -> None:
        self.query_one(Static).update(Text(f"fetching {inert_row(name)} {done}/{total}", "dim"))
        self.query_one(ProgressBar).update(total=max(total, 1), progress=done)
