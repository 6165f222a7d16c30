"""Import files, folders or globs into the library, with a progress bar; never freezes.

The import itself belongs to the app (``NatoJpApp.start_import``), which reports
through ``ImportProgress``/``ImportFinished`` messages: closing this dialog while an
import runs loses nothing, and the result is announced when it is done.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, ProgressBar, Static

from natojp_tui.tui.inert import inert_row


class ImportScreen(ModalScreen[None]):
    """Asks what to import and shows the progress of the app's import."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Close", id="close")]

    def compose(self) -> ComposeResult:
        with Vertical(id="import-box"):
            yield Static(Text("Import press releases and readouts", "bold"))
            yield Input(
                placeholder="file, folder or glob, e.g. ~/releases/*.html", id="import-path"
            )
            yield ProgressBar(total=None, show_eta=False, id="import-progress")
            yield Static(
                Text(
                    "Enter starts the import; it runs in the background (escape keeps it running).",
                    "dim",
                ),
                id="import-status",
            )

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        if self.app.importing:  # type: ignore[attr-defined]
            self.show_running()

    @property
    def running(self) -> bool:
        return bool(self.app.importing)  # type: ignore[attr-defined]

    @on(Input.Submitted, "#import-path")
    def _submitted(self, event: Input.Submitted) -> None:
        target = event.value.strip()
        if target and not self.running:
            self.app.start_import([target])  # type: ignore[attr-defined]
            self.show_running()

    def show_running(self) -> None:
        self.query_one("#import-status", Static).update(Text("Importing…", "dim"))

    def show_progress(self, done: int, total: int, name: str) -> None:
        self.query_one(ProgressBar).update(total=total, progress=done)
        self.query_one("#import-status", Static).update(
            Text(f"{done}/{total} {inert_row(name)}", "dim")
        )

    def show_error(self, message: str) -> None:
        self.query_one("#import-status", Static).update(Text(inert_row(message), "bold red"))

    def action_cancel(self) -> None:
        if self.running:
            self.notify("The import keeps running; its result will be announced", markup=False)
        self.dismiss(None)
