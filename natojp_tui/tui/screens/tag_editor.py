"""Tag a quote, meeting or article: type a tag and enter; ``-tag`` removes one."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from natojp_tui.tui.inert import inert_row


def parse_tag_input(value: str) -> list[tuple[str, bool]]:
    """``"asia -old visit-2013"`` → ``[("asia", True), ("old", False), ("visit-2013", True)]``."""
    out = []
    for word in value.replace(",", " ").split():
        off = word.startswith("-")
        name = word.lstrip("-#")
        if name:
            out.append((name, not off))
    return out


class TagEditor(ModalScreen[list[tuple[str, bool]] | None]):
    """Dismisses with the changes asked for: (tag, on) pairs, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", id="close")]
    DEFAULT_CSS = """
    TagEditor { align: center middle; }
    TagEditor > Vertical {
        width: 80; height: auto; border: round $accent; padding: 0 1; background: $surface;
    }
    """

    def __init__(self, about: str, current: list[str], known: list[str]) -> None:
        super().__init__()
        self.about = about
        self.current = current
        self.known = known

    def compose(self) -> ComposeResult:
        with Vertical(id="tag-box"):
            yield Static(Text(f"Tags of {inert_row(self.about)}", "bold"))
            now = " ".join(f"#{t}" for t in self.current) or "none yet"
            yield Static(Text(f"now: {inert_row(now)}"), id="tag-current")
            yield Input(placeholder="tag to add, -tag to remove (several: spaces)", id="tag-input")
            others = [t for t in self.known if t not in self.current][:12]
            if others:
                yield Static(Text("in use: " + " ".join(f"#{inert_row(t)}" for t in others), "dim"))
            yield Static(Text("enter applies · escape cancels", "dim"))

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted, "#tag-input")
    def _submitted(self, event: Input.Submitted) -> None:
        self.dismiss(parse_tag_input(event.value))

    def action_cancel(self) -> None:
        self.dismiss(None)
