"""The timeline pane: the meetings of the current visit, each with date, place, people."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import on
from textual.binding import BindingType
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from natojp_tui.tui.data import SourceRef, TimelineItem
from natojp_tui.tui.inert import inert_row
from natojp_tui.tui.keymap import bindings
from natojp_tui.tui.messages import EventChosen

DURING_THE_VISIT = "during the visit"


def when_label(item: TimelineItem) -> str:
    """``Mon 15 Apr 2013 10:00 (45 min)``, or ``during the visit`` when undated."""
    if item.undated:
        head = DURING_THE_VISIT
    else:
        assert item.date is not None
        head = f"{item.date:%a} {item.date.day} {item.date:%b %Y}"
    if item.time:
        head += f" {item.time}"
    if item.duration:
        head += f" ({item.duration} min)"
    return head


def item_text(item: TimelineItem, marks: Text | None = None) -> Text:
    """The multi-line prompt of one timeline entry (never parsed as markup); ``marks``
    (the user's tags and note) on a last line."""
    text = Text(no_wrap=False)
    text.append(when_label(item), Style(bold=True, italic=item.undated))
    if item.place:
        text.append(" · ")
        text.append(inert_row(item.place), Style(bold=True))
    text.append("\n")
    text.append(item.kind.replace("_", " "), Style(dim=True))
    text.append(": ")
    text.append(inert_row(item.summary))
    if item.participants:
        text.append("\n")
        text.append("with ", Style(dim=True))
        text.append(inert_row(", ".join(item.participants)))
    if len(item.sources) > 1:
        text.append(f"\n{len(item.sources)} sources", Style(dim=True))
    if marks is not None and marks.plain:
        text.append("\n")
        text.append_text(marks)
    return text


class TimelineView(OptionList):
    """Timeline entries; ``enter`` or a click jumps to the sentence that tells one, ``x``
    to the same entry in its next source (a meeting told by a release and a readout)."""

    BINDINGS: ClassVar[list[BindingType]] = [*bindings("list"), *bindings("timeline")]

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.items: list[TimelineItem] = []
        self.article_id: str | None = None
        self.marks: Callable[[TimelineItem], Text | None] | None = None  # the user's tags, note

    def show(
        self, items: Sequence[TimelineItem], article_id: str | None, loading: bool = False
    ) -> None:
        kept = self._highlighted_sources()
        self.items = list(items)
        self.article_id = article_id
        self.clear_options()
        if not self.items:
            empty = "Reading the visit…" if loading else "No meetings found in this article."
            self.add_option(Option(Text(empty, "dim italic"), disabled=True))
            return
        options: list[Option | None] = []
        for n, item in enumerate(self.items):
            if n:
                options.append(None)
            marks = self.marks(item) if self.marks is not None else None
            options.append(Option(item_text(item, marks), id=str(n)))
        self.add_options(options)
        # the same entry stays highlighted when its other source opens (the visit's
        # timeline is the same whichever source is open)
        same = [n for n, item in enumerate(self.items) if kept and item.sources == kept]
        self.highlighted = same[0] if same else 0

    def _highlighted_sources(self) -> tuple[SourceRef, ...] | None:
        option = self.highlighted_option if self.highlighted is not None else None
        if option is None or option.id is None or not self.items:
            return None
        return self.items[int(option.id)].sources

    def redraw(self) -> None:
        """Show the same entries again (after the user tagged or noted one), keeping the
        highlighted entry."""
        if not self.items:
            return
        keep = self.highlighted
        self.show(self.items, self.article_id)
        if keep is not None and keep < self.option_count:
            self.highlighted = keep

    def source_for(self, item: TimelineItem) -> SourceRef | None:
        """The item's source in the open article if it has one there, else its first source."""
        here = [s for s in item.sources if s.article_id == self.article_id]
        sources = here or list(item.sources)
        return sources[0] if sources else None

    def next_source(self, item: TimelineItem) -> SourceRef | None:
        """The source after the one in the open article (round the list), None when the
        entry has one source."""
        sources = list(item.sources)
        if len(sources) < 2:
            return None
        here = [n for n, s in enumerate(sources) if s.article_id == self.article_id]
        return sources[(here[0] + 1) % len(sources)] if here else sources[0]

    def action_next_source(self) -> None:
        option = self.highlighted_option if self.highlighted is not None else None
        if option is None or option.id is None:
            return
        source = self.next_source(self.items[int(option.id)])
        if source is None:
            self.notify("This entry has one source.", timeout=3)
            return
        self.post_message(
            EventChosen(source.article_id, source.paragraph, source.start, source.end)
        )

    def action_cursor_top(self) -> None:
        self.action_first()

    def action_cursor_bottom(self) -> None:
        self.action_last()

    def action_open(self) -> None:
        self.action_select()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is None:
            return
        source = self.source_for(self.items[int(event.option.id)])
        if source is not None:
            self.post_message(
                EventChosen(source.article_id, source.paragraph, source.start, source.end)
            )
