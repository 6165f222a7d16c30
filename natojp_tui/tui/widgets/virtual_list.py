"""A virtualised list (Line API): only visible rows are rendered.

Subclasses hold their items and implement ``render_row`` (one line) or
``render_row_lines`` (``row_height`` lines); the list keeps a cursor, scrolls it into
view and posts ``Highlighted``/``Selected``. The cursor row is drawn with the cursor
style *over* each segment's own colours, so it shows whatever the row's styling.
"""

from __future__ import annotations

from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import BindingType
from textual.color import Color
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from natojp_tui.tui.colours import MIN_CONTRAST, contrast
from natojp_tui.tui.keymap import bindings

CURSOR_MARK = "▌"


class VirtualList(ScrollView, can_focus=True):
    """Rows ``0..row_count-1`` drawn on demand, each ``row_height`` lines tall."""

    BINDINGS: ClassVar[list[BindingType]] = [*bindings("list")]
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "virtual-list--cursor",
        "virtual-list--empty",
    }
    DEFAULT_CSS = """
    VirtualList { height: 1fr; }
    VirtualList > .virtual-list--cursor {
        background: $block-cursor-blurred-background;
        color: $block-cursor-blurred-foreground;
        text-style: bold;
    }
    VirtualList:focus > .virtual-list--cursor {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
        text-style: bold;
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
        self.row_height = 1
        self.empty_text = empty_text

    # -- subclass API -----------------------------------------------------------------
    def render_row(self, index: int, width: int) -> Text:
        """The text of row ``index`` (one line; it is cut to ``width``)."""
        raise NotImplementedError

    def render_row_lines(self, index: int, width: int) -> list[Text]:
        """The ``row_height`` lines of row ``index``; by default ``render_row``."""
        return [self.render_row(index, width)]

    def set_row_count(self, count: int, cursor: int | None = None) -> None:
        """Tell the list how many rows there are now; keeps the cursor in range."""
        self.row_count = count
        self._update_virtual_size()
        target = self.cursor if cursor is None else cursor
        self.cursor = max(0, min(target, count - 1)) if count else 0
        self.refresh()

    def set_row_height(self, height: int) -> None:
        """Lines per row (the cursor row stays in view)."""
        height = max(1, height)
        if height != self.row_height:
            self.row_height = height
            self._update_virtual_size()
            self.scroll_to_cursor()
            self.refresh()

    def _update_virtual_size(self) -> None:
        self.virtual_size = Size(
            self.scrollable_content_region.width, self.row_count * self.row_height
        )

    # -- rendering ----------------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        line = y + self.scroll_offset.y
        base = self.rich_style
        if self.row_count == 0:
            if y == 0:
                style = self.get_component_rich_style("virtual-list--empty")
                text = Text(self.empty_text, style=style, no_wrap=True)
                return self._strip(text, width, base)
            return Strip.blank(width, base)
        index, sub = divmod(line, self.row_height)
        if index >= self.row_count:
            return Strip.blank(width, base)
        lines = self.render_row_lines(index, max(1, width - 1))
        text = lines[sub] if sub < len(lines) else Text("")
        on_cursor = index == self.cursor
        row = Text(CURSOR_MARK if on_cursor else " ") + text
        if on_cursor:
            return self._strip(row, width, base, over=self.cursor_style())
        return self._strip(row, width, base)

    def cursor_style(self) -> Style:
        """The cursor row's style: background, foreground and weight win over the row's.

        Where the theme's cursor colours fall short of 4.5:1, the text turns black or
        white, whichever reads better on the cursor background; dimmed columns (dates,
        sources) are drawn at full strength there, since a dim colour on the cursor
        background falls under the contrast the theme was checked for.
        """
        style = self.get_component_rich_style("virtual-list--cursor") + Style(dim=False)
        if style.color is None or style.bgcolor is None:
            return style
        fg, bg = Color.from_rich_color(style.color), Color.from_rich_color(style.bgcolor)
        if fg.ansi is not None or bg.ansi is not None or contrast(fg, bg) >= MIN_CONTRAST:
            return style
        black, white = Color(0, 0, 0), Color(255, 255, 255)
        best = black if contrast(black, bg) >= contrast(white, bg) else white
        return style + Style(color=best.rich_color)

    def _strip(self, text: Text, width: int, base: Style, over: Style | None = None) -> Strip:
        text.no_wrap = True
        text.truncate(width, overflow="ellipsis", pad=True)
        segments = []
        for s in text.render(self.app.console):
            style = base + s.style if s.style else base
            if over is not None:
                style += over
            segments.append(Segment(s.text, style))
        end = base + over if over is not None else base
        return Strip(segments).crop(0, width).extend_cell_length(width, end)

    def on_resize(self) -> None:
        self._update_virtual_size()

    # -- cursor -------------------------------------------------------------------------
    def watch_cursor(self, old: int, new: int) -> None:
        self.scroll_to_cursor()
        self.refresh()
        if self.row_count:
            self.post_message(self.Highlighted(self, new))

    def scroll_to_cursor(self) -> None:
        height = self.scrollable_content_region.height
        top = self.scroll_offset.y
        first = self.cursor * self.row_height
        last = first + self.row_height - 1
        if first < top:
            self.scroll_to(y=first, animate=False, immediate=True)
        elif height and last >= top + height:
            self.scroll_to(y=last - height + 1, animate=False, immediate=True)

    def move(self, delta: int) -> None:
        if self.row_count:
            self.cursor = max(0, min(self.cursor + delta, self.row_count - 1))

    @property
    def page_rows(self) -> int:
        return max(1, self.scrollable_content_region.height // self.row_height - 1)

    def action_cursor_down(self) -> None:
        self.move(1)

    def action_cursor_up(self) -> None:
        self.move(-1)

    def action_cursor_top(self) -> None:
        self.move(-self.row_count)

    def action_cursor_bottom(self) -> None:
        self.move(self.row_count)

    def action_page_down(self) -> None:
        self.move(self.page_rows)

    def action_page_up(self) -> None:
        self.move(-self.page_rows)

    def action_open(self) -> None:
        if self.row_count:
            self.post_message(self.Selected(self, self.cursor))

    def on_click(self, event: events.Click) -> None:
        index = (event.y + self.scroll_offset.y) // self.row_height
        if 0 <= index < self.row_count:
            self.focus()
            self.cursor = index
            self.post_message(self.Selected(self, index))
