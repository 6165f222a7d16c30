"""Dossiers in the reader: pick one to add to (``+``), and browse, preview and export
them (``D``): the preview is the Markdown brief exactly as exported."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Checkbox, Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from natojp_tui.tui.inert import inert, inert_row
from natojp_tui.tui.screens.export_screen import slug


class DossierPicker(ModalScreen[str | None]):
    """Choose a dossier (or type a new name); dismisses with the name or None."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", id="close")]
    DEFAULT_CSS = """
    DossierPicker { align: center middle; }
    DossierPicker > Vertical {
        width: 70; height: auto; max-height: 24; border: round $accent; padding: 0 1;
        background: $surface;
    }
    DossierPicker OptionList { height: auto; max-height: 12; }
    """

    def __init__(self, about: str, names: list[str]) -> None:
        super().__init__()
        self.about = about
        self.names = names

    def compose(self) -> ComposeResult:
        with Vertical(id="picker-box"):
            yield Static(Text(f"Add {inert_row(self.about)} to a dossier", "bold"))
            yield Input(
                placeholder="a new dossier's name, e.g. 2023 Stoltenberg visit", id="picker-new"
            )
            if self.names:
                yield OptionList(
                    *[Option(inert_row(n), id=n) for n in self.names], id="picker-list"
                )
            yield Static(Text("enter adds · down: existing dossiers · escape cancels", "dim"))

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_key(self, event) -> None:
        if event.key == "down" and isinstance(self.focused, Input) and self.names:
            self.query_one(OptionList).focus()
            event.stop()

    @on(Input.Submitted, "#picker-new")
    def _typed(self, event: Input.Submitted) -> None:
        if event.value.strip():
            self.dismiss(event.value.strip())

    @on(OptionList.OptionSelected, "#picker-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


class DossierExport(ModalScreen[Path | None]):
    """Ask where to write a dossier (.md brief, .csv or .json); dismisses with the path."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", id="close")]
    DEFAULT_CSS = """
    DossierExport { align: center middle; }
    DossierExport > Vertical {
        width: 90%; max-width: 110; height: auto; border: round $accent; padding: 0 1;
        background: $surface;
    }
    """

    def __init__(self, data, name: str) -> None:
        super().__init__()
        self.data = data
        self.name_ = name

    def compose(self) -> ComposeResult:
        with Vertical(id="dossier-export-box"):
            yield Static(Text(f"Export dossier “{inert_row(self.name_)}”", "bold"))
            yield Input(str(Path.cwd() / f"dossier-{slug(self.name_)}.md"), id="dossier-path")
            yield Static(
                Text("The extension picks the format: .md (a brief), .csv or .json.", "dim")
            )
            yield Checkbox("Overwrite an existing file", id="dossier-force")
            yield Static("", id="dossier-error")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted, "#dossier-path")
    def _submitted(self, event: Input.Submitted) -> None:
        self.write(event.value, self.query_one(Checkbox).value)

    @work(exclusive=True, thread=True, group="dossier-export")
    def write(self, path: str, force: bool) -> None:
        from natojp_tui.dossier import export_dossier
        from natojp_tui.export import ExportError

        try:
            written = export_dossier(self.data.dossier(self.name_), path, force=force)
        except (ExportError, OSError, ValueError) as exc:
            self.app.call_from_thread(self._error, str(exc))
            return
        self.app.call_from_thread(self.dismiss, written)

    def _error(self, message: str) -> None:
        self.query_one("#dossier-error", Static).update(Text(inert_row(message), "bold red"))

    def action_cancel(self) -> None:
        self.dismiss(None)


class DossierScreen(Screen[None]):
    """Every dossier on the left, the chosen one's brief on the right; ``e`` exports."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Back", id="close"),
        Binding("e", "export", "Export", id="dossier-export"),
    ]
    DEFAULT_CSS = """
    DossierScreen #dossier-list { width: 32; height: 1fr; border: round $panel; }
    DossierScreen #dossier-preview { width: 1fr; height: 1fr; border: round $panel; padding: 0 1; }
    DossierScreen #dossier-status { height: 1; padding: 0 1; }
    """

    def __init__(self, data) -> None:
        super().__init__()
        self.data = data
        self.current: str | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id="dossier-status")
        with Horizontal():
            yield OptionList(id="dossier-list")
            with VerticalScroll(id="dossier-preview"):
                yield Static("", id="dossier-brief")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        names = [d["name"] for d in self.data.dossiers()]
        listing = self.query_one(OptionList)
        listing.add_options([Option(inert_row(n), id=n) for n in names])
        listing.focus()
        status = Text(f"{len(names)} dossier{'' if len(names) == 1 else 's'}", "bold")
        status.append(
            "   enter/arrows: preview · e export (.md brief, .csv, .json) · escape back", "dim"
        )
        self.query_one("#dossier-status", Static).update(status)
        if names:
            listing.highlighted = 0
            self.preview(names[0])
        else:
            self.query_one("#dossier-brief", Static).update(
                Text(
                    "No dossiers yet: + in the reader adds the selected quote or article to one.",
                    "dim",
                )
            )

    @on(OptionList.OptionHighlighted, "#dossier-list")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id and event.option.id != self.current:
            self.preview(event.option.id)

    def preview(self, name: str) -> None:
        from natojp_tui.dossier import render_markdown

        self.current = name
        brief = render_markdown(self.data.dossier(name))
        lines = "\n".join(inert(line) for line in brief.split("\n"))  # data, never markup
        self.query_one("#dossier-brief", Static).update(Text(lines))

    def action_export(self) -> None:
        if self.current is None:
            self.notify("No dossier to export", markup=False, timeout=2)
            return

        def done(path: Path | None) -> None:
            if path is not None:
                self.notify(
                    f"Exported dossier “{self.current}” to {path}", title="Export", markup=False
                )

        self.app.push_screen(DossierExport(self.data, self.current), callback=done)

    def action_close(self) -> None:
        self.dismiss(None)
