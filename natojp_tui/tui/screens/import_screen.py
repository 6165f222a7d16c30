"""Import files, folders or globs into the library, with a progress bar; never freezes."""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, ProgressBar, Static

from natojp_tui.tui.data import ReaderData
from natojp_tui.tui.inert import inert_row


class ImportScreen(ModalScreen[Any]):
    """Dismisses with the store's ImportReport, or None when cancelled before starting."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Close", id="close")]

    def __init__(self, data: ReaderData) -> None:
        super().__init__()
        self.data = data
        self.running = False

    def compose(self) -> ComposeResult:
        with Vertical(id="import-box"):
            yield Static(Text("Import press releases and readouts", "bold"))
            yield Input(
                placeholder="file, folder or glob, e.g. ~/releases/*.html", id="import-path"
            )
            yield ProgressBar(total=None, show_eta=False, id="import-progress")
            yield Static(
                Text("Enter starts the import; it runs in the background.", "dim"),
                id="import-status",
            )

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted, "#import-path")
    def _submitted(self, event: Input.Submitted) -> None:
        target = event.value.strip()
        if target and not self.running:
            self.running = True
            self.run_import(target)

    @work(exclusive=True, thread=True, group="import")
    def run_import(self, target: str) -> None:
        def progress(n: int, total: int, name: str) -> None:
            self.app.call_from_thread(self._progress, n, total, name)

        try:
            report = self.data.import_paths([target], progress)
        except Exception as exc:
            self.app.call_from_thread(self._failed, str(exc))
            return
        self.app.call_from_thread(self.dismiss, report)

    def _progress(self, n: int, total: int, name: str) -> None:
        self.query_one(ProgressBar).update(total=total, progress=n)
        self.query_one("#import-status", Static).update(
            Text(f"{n}/{total} {inert_row(name)}", "dim")
        )

    def _failed(self, message: str) -> None:
        self.running = False
        self.query_one("#import-status", Static).update(Text(inert_row(message), "bold red"))

    def action_cancel(self) -> None:
        if self.running:
            self.notify("The import keeps running; its result will be announced", markup=False)
        self.dismiss(None)
