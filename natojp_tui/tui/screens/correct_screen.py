"""Correct what the extractors read: an article's title, date, source and place, or a
quote's speaker and kind. Each field is prefilled; enter saves the changed ones."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from natojp_tui.tui.inert import inert_row

FIELD_LABELS: dict[str, str] = {
    "title": "Title",
    "date": "Date (YYYY-MM-DD)",
    "source": "Source",
    "place": "Place",
    "speaker": "Speaker",
    "kind": "Kind (direct, partial, indirect)",
}


class CorrectScreen(ModalScreen[dict[str, str] | None]):
    """Dismisses with {field: new value} for the fields changed, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", id="close")]
    DEFAULT_CSS = """
    CorrectScreen { align: center middle; }
    CorrectScreen > Vertical {
        width: 90%; max-width: 100; height: auto; border: round $accent; padding: 0 1;
        background: $surface;
    }
    CorrectScreen Input { margin-bottom: 0; }
    """

    def __init__(self, about: str, values: dict[str, str], corrected: set[str]) -> None:
        super().__init__()
        self.about = about
        self.values = values  # field -> value shown now (as corrected)
        self.corrected = corrected

    def compose(self) -> ComposeResult:
        with Vertical(id="correct-box"):
            yield Static(Text(f"Correct {inert_row(self.about)}", "bold"))
            for name, value in self.values.items():
                mark = "  (corrected; u undoes)" if name in self.corrected else ""
                yield Label(Text(FIELD_LABELS[name] + mark, "dim"))
                yield Input(inert_row(value or ""), id=f"correct-{name}")
            yield Static("", id="correct-error")
            yield Static(Text("enter saves the changed fields · escape cancels", "dim"))

    def on_mount(self) -> None:
        self.query(Input).first().focus()

    def changes(self) -> dict[str, str]:
        out = {}
        for name, value in self.values.items():
            typed = self.query_one(f"#correct-{name}", Input).value.strip()
            if typed != (value or "").strip():
                out[name] = typed
        return out

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.dismiss(self.changes())

    def action_cancel(self) -> None:
        self.dismiss(None)
