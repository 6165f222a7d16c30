"""The note editor: a multi-line TextArea in a modal (ctrl+s saves, escape cancels)."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static, TextArea

from natojp_tui.tui.inert import inert_row


class NoteEditor(ModalScreen[str | None]):
    """Dismisses with the note's new text ("" removes it) or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", id="note-save", priority=True),
        Binding("escape", "cancel", "Cancel", id="note-cancel"),
    ]
    DEFAULT_CSS = """
    NoteEditor { align: center middle; }
    NoteEditor > Vertical {
        width: 90%; max-width: 100; height: 20; border: round $accent; padding: 0 1;
        background: $surface;
    }
    NoteEditor TextArea { height: 1fr; }
    """

    def __init__(self, about: str, text: str = "") -> None:
        super().__init__()
        self.about = about
        self.initial = text

    def compose(self) -> ComposeResult:
        with Vertical(id="note-box"):
            yield Static(Text(f"Note on {inert_row(self.about)}", "bold"), id="note-title")
            yield TextArea(self.initial, id="note-text", soft_wrap=True, show_line_numbers=False)
            yield Static(Text("ctrl+s saves (an empty note is removed) · escape cancels", "dim"))

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    def action_save(self) -> None:
        self.dismiss(self.query_one(TextArea).text)

    def action_cancel(self) -> None:
        self.dismiss(None)
