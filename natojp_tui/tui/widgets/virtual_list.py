"""A virtualised one-line-per-row list (Line API): only visible rows are rendered.

Subclasses hold their items and implement ``render_row``; the list keeps a cursor,
scrolls it into view and posts ``Highlighted``/``Selected``.
"""

from __future__ import annotations

from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from natojp_tui.tui.keymap import bindings


class VirtualList(ScrollView, can_focus=True):
    """Rows ``0..row_count-1`` drawn on demand by ``render_row``."""

    BINDINGS: ClassVar[list[BindingType]] = [*bindings("list")]
    COMPONENT_CLASSES: ClassVar[set[str]] = {"virtual-list--cursor", "virtual-list--empty"}
    DEFAULT_CSS = """
    VirtualList { height: 1fr; }
    VirtualList > .virtual-list--cursor { background: $block-cursor-blurred-background; }
    VirtualList:focus > .virtual-list--cursor {
        background: $block-cursor-background; color: $block-cursor-foreground;
    }
    VirtualList > .virtual-list--empty { color: $text-muted; text-style: italic; }
    """

    cursor: reactive[int] = reactive(0, always_update=True)

    class Highlighted(Message):
        """The cursor moved to ``index``."""

        def __init__(self, control: VirtualList, index: int) -> None:
            super().__init__()
            self._control = control
            self.index = index

        @property
        def control(self) -> VirtualList:
            return self._control

    class Selected(Highlighted):
        """Row ``index`` was opened (enter or click)."""

    def __init__(self, empty_text: str = "Nothing here", **kwargs) -> None:
        super().__init__(**kwargs)
        self.row_count = 0
        self.empty_text = empty_text

    # -- subclass API -----------------------------------------------------------------
    def render_row(self, index: int, width: int) -> Text:
        """The text of row ``index`` (one line; it is cut to ``width``)."""
        raise NotImplementedError

    def set_row_count(self, count: int, cursor: int | None = None) -> None:
        """Tell the list how many rows there are now; keeps the cursor in range."""
        self.row_count = count
        self.virtual_size = Size(self.scrollable_content_region.width, count)
        target = self.cursor if cursor is None else cursor
        self.cursor = max(0, min(target, count - 1)) if count else 0
        self.refresh()

    # -- rendering ----------------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        index = y + self.scroll_offset.y
        base = self.rich_style
        if self.row_count == 0:
            if y == 0:
                style = self.get_component_rich_style("virtual-list--empty")
                text = Text(self.empty_text, style=style, no_wrap=True)
                return self._strip(text, width, base)
            return Strip.blank(width, base)
        if index >= self.row_count:
            return Strip.blank(width, base)
        text = self.render_row(index, width)
        strip = self._strip(text, width, base)
        if index == self.cursor:
            strip = strip.apply_style(self.get_component_rich_style("virtual-list--cursor"))
        return strip

    def _strip(self, text: Text, width: int, base: Style) -> Strip:
        text.no_wrap = True
        text.truncate(width, overflow="ellipsis", pad=True)
        segments = [
            Segment(s.text, base + s.style if s.style else base)
            for s in text.render(self.app.console)
        ]
        return Strip(segments).crop(0, width).extend_cell_length(width, base)

    def on_resize(self) -> None:
        self.virtual_size = Size(self.scrollable_content_region.width, self.row_count)

    # -- cursor -------------------------------------------------------------------------
    def watch_cursor(self, old: int, new: int) -> None:
        self.scroll_to_cursor()
        self.refresh()
        if self.row_count:
            self.post_message(self.Highlighted(self, new))

    def scroll_to_cursor(self) -> None:
        height = self.scrollable_content_region.height
        top = self.scroll_offset.y
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif height and self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False, immediate=True)

    def move(self, delta: int) -> None:
        if self.row_count:
            self.cursor = max(0, min(self.cursor + delta, self.row_count - 1))

    def action_cursor_down(self) -> None:
        self.move(1)

    def action_cursor_up(self) -> None:
        self.move(-1)

    def action_cursor_top(self) -> None:
        self.move(-self.row_count)

    def action_cursor_bottom(self) -> None:
        self.move(self.row_count)

    def action_page_down(self) -> None:
        self.move(max(1, self.scrollable_content_region.height - 1))

    def action_page_up(self) -> None:
        self.move(-max(1, self.scrollable_content_region.height - 1))

    def action_open(self) -> None:
        if self.row_count:
            self.post_message(self.Selected(self, self.cursor))

    def on_click(self, event: events.Click) -> None:
        index = event.y + self.scroll_offset.y
        if 0 <= index < self.row_count:
            self.focus()
            self.cursor = index
            self.post_message(self.Selected(self, index))
