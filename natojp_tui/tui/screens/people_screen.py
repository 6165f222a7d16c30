"""The people view: everyone in the library with their offices over time and how often
they are quoted and meet; enter filters the quote browser and the timeline by them."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from natojp_tui.tui.inert import inert_row
from natojp_tui.tui.library_data import PersonRow


class PeopleScreen(Screen[str | None]):
    """Dismisses with the chosen person's name, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", "Back", id="close")]
    DEFAULT_CSS = """
    PeopleScreen #people-status { height: 1; padding: 0 1; }
    PeopleScreen DataTable { height: 1fr; }
    """

    def __init__(self, data) -> None:
        super().__init__()
        self.data = data
        self.rows: list[PersonRow] = []

    def compose(self) -> ComposeResult:
        yield Static("Reading the library…", id="people-status")
        table: DataTable = DataTable(id="people-table", cursor_type="row", zebra_stripes=True)
        table.add_columns("Name", "Offices (as the articles date them)", "Quotes", "Meetings")
        yield table
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one(DataTable).focus()
        self.load()

    @work(exclusive=True, thread=True, group="people")
    def load(self) -> None:
        rows = self.data.people_rows()
        self.app.call_from_thread(self._loaded, rows)

    def _loaded(self, rows: list[PersonRow]) -> None:
        self.rows = rows
        table = self.query_one(DataTable)
        table.clear()
        for row in rows:
            offices = "\n".join(inert_row(span.label()) for span in row.roles) or "—"
            table.add_row(
                Text(inert_row(row.name), "bold"),
                Text(offices),
                Text(str(row.quotes), justify="right"),
                Text(str(row.meetings), justify="right"),
                height=None,
                key=row.id,
            )
        status = Text(f"{len(rows)} people", "bold")
        status.append("   enter: their quotes and meetings · escape back", "dim")
        self.query_one("#people-status", Static).update(status)

    @on(DataTable.RowSelected, "#people-table")
    def _chosen(self, event: DataTable.RowSelected) -> None:
        event.stop()
        row = next((r for r in self.rows if r.id == event.row_key.value), None)
        self.dismiss(row.name if row else None)

    def action_close(self) -> None:
        self.dismiss(None)
