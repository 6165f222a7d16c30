"""The article body: title, date/source line, paragraphs with every quote highlighted.

Text is data: paragraphs become ``rich.text.Text`` and quotes are styled from their
stored offsets (one colour per speaker, the selected quote emphasised). Lines are
wrapped once per width and drawn with the Line API.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import BindingType
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from natojp_tui.core.citation import format_date
from natojp_tui.core.model import Article, Quote
from natojp_tui.tui.colours import speaker_colour
from natojp_tui.tui.inert import inert
from natojp_tui.tui.keymap import bindings
from natojp_tui.tui.messages import QuoteClicked

QUOTE_META = "natojp_quote"


def ordered_quotes(article: Article) -> list[Quote]:
    """Quotes in reading order."""
    return sorted(article.quotes, key=lambda q: (q.paragraph, q.start))


def mostly_reported(article: Article | None) -> bool:
    """True when most of an article's statements are reported speech (a typical readout)."""
    if article is None or not article.quotes:
        return False
    reported = sum(1 for q in article.quotes if q.kind == "indirect")
    return reported * 2 > len(article.quotes)


@dataclass(slots=True)
class Layout:
    """The wrapped lines of an article at one width, and where each quote starts."""

    width: int
    lines: list[Text]
    quote_line: dict[str, int]
    paragraph_line: dict[int, int]
    mark_line: int | None = None


class BodyView(ScrollView, can_focus=True):
    """Scrollable, wrapped article text; ``select_quote`` emphasises and reveals a quote."""

    BINDINGS: ClassVar[list[BindingType]] = [b for b in bindings("list") if b.id != "open"]
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "body-view--title",
        "body-view--meta",
        "body-view--caption",
        "body-view--selected",
        "body-view--mark",
        "body-view--empty",
    }
    DEFAULT_CSS = """
    BodyView { height: 1fr; padding: 0 1; }
    BodyView > .body-view--title { text-style: bold; color: $text; }
    BodyView > .body-view--meta { color: $text-muted; }
    BodyView > .body-view--caption { color: $text-muted; text-style: italic; }
    BodyView > .body-view--selected { text-style: bold reverse; }
    BodyView > .body-view--mark { text-style: underline; background: $boost; }
    BodyView > .body-view--empty { color: $text-muted; text-style: italic; }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.article: Article | None = None
        self.selected: str | None = None
        self.mark: tuple[int, int, int] | None = None  # paragraph, start, end of an event sentence
        self.colours: dict[str | None, str] = {}
        self.show_reported = False  # indirect (reported) speech highlighted too
        self._layout: Layout | None = None

    def visible_quotes(self) -> list[Quote]:
        """Quotes highlighted in reading order: quoted words, plus reported speech if shown."""
        if self.article is None:
            return []
        return [
            q for q in ordered_quotes(self.article) if self.show_reported or q.kind != "indirect"
        ]

    def set_show_reported(self, on: bool) -> None:
        self.show_reported = on
        self._invalidate()

    def colour_of(self, speaker: str | None) -> str:
        """The speaker's stable colour, readable on this pane's background."""
        colour = self.colours.get(speaker)
        if colour is None:
            dark = self.app.current_theme.dark if self.is_mounted else True
            colour = self.colours[speaker] = speaker_colour(
                speaker, self.background_colors[1], dark=dark
            )
        return colour

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, self._theme_changed)

    def _theme_changed(self, _theme) -> None:
        self.colours = {}
        self._invalidate()

    # -- state ------------------------------------------------------------------------
    def show(self, article: Article | None, quote_id: str | None = None) -> None:
        """Display ``article`` (None: an empty pane) with ``quote_id`` selected."""
        self.article = article
        self.colours = {}
        self.selected = quote_id
        self.mark = None
        self._invalidate()
        self.scroll_to(y=0, animate=False, immediate=True)
        if quote_id:
            self.call_after_refresh(self.reveal_quote, quote_id)

    def select_quote(self, quote_id: str | None, reveal: bool = True) -> None:
        self.selected = quote_id
        self._invalidate()
        if quote_id and reveal:
            self.reveal_quote(quote_id)

    def mark_sentence(self, paragraph: int, start: int, end: int) -> None:
        """Underline an event's source sentence and scroll it into view."""
        self.mark = (paragraph, start, end)
        self._invalidate()
        layout = self.layout_for(self._width())
        if layout.mark_line is not None:
            self._reveal_line(layout.mark_line)

    def reveal_quote(self, quote_id: str) -> None:
        layout = self.layout_for(self._width())
        line = layout.quote_line.get(quote_id)
        if line is not None:
            self._reveal_line(line)

    def _reveal_line(self, line: int) -> None:
        height = self.scrollable_content_region.height or 1
        top = self.scroll_offset.y
        if line < top or line >= top + height - 1:
            self.scroll_to(y=max(0, line - height // 3), animate=False, immediate=True)

    def _invalidate(self) -> None:
        self._layout = None
        self._update_size()
        self.refresh()

    def _width(self) -> int:
        return max(10, self.scrollable_content_region.width)

    def _update_size(self) -> None:
        layout = self.layout_for(self._width())
        self.virtual_size = Size(layout.width, len(layout.lines))

    def on_resize(self) -> None:
        self._layout = None
        self._update_size()

    # -- layout -----------------------------------------------------------------------
    def layout_for(self, width: int) -> Layout:
        if self._layout is None or self._layout.width != width:
            self._layout = self._build(width)
        return self._layout

    def _build(self, width: int) -> Layout:
        lines: list[Text] = []
        quote_line: dict[str, int] = {}
        paragraph_line: dict[int, int] = {}
        layout = Layout(width, lines, quote_line, paragraph_line)
        article = self.article
        console = self.app.console
        if article is None:
            style = self.get_component_rich_style("body-view--empty")
            lines.append(Text("No article open. Pick one on the left or press / to search.", style))
            return layout

        def add(text: Text, w: int = width) -> list[Text]:
            wrapped = list(text.wrap(console, w, overflow="fold")) or [Text("")]
            lines.extend(wrapped)
            return wrapped

        add(Text(inert(article.title), self.get_component_rich_style("body-view--title")))
        meta = [format_date(article.published), article.source, article.place]
        if article.updated:
            meta.append(f"updated {article.updated:%Y-%m-%d %H:%M}")
        meta_style = self.get_component_rich_style("body-view--meta")
        add(Text(inert(" · ".join(m for m in meta if m)), meta_style))
        legend = self._legend(article)
        if legend.plain:
            add(legend)
        lines.append(Text(""))

        by_paragraph: dict[int, list[Quote]] = {}
        for q in self.visible_quotes():
            by_paragraph.setdefault(q.paragraph, []).append(q)
        selected_style = self.get_component_rich_style("body-view--selected")
        mark_style = self.get_component_rich_style("body-view--mark")
        caption_style = self.get_component_rich_style("body-view--caption")
        body_index = -1
        for para in article.paragraphs:
            if para.kind in ("dateline", "boilerplate"):
                continue
            if para.kind == "caption":
                caption = Text("▏ ", caption_style) + Text(inert(para.text), caption_style)
                add(caption)
                lines.append(Text(""))
                continue
            body_index += 1
            text = Text(inert(para.text))
            if self.mark and self.mark[0] == body_index:
                text.stylize(mark_style, self.mark[1], self.mark[2])
            for q in by_paragraph.get(body_index, []):
                style = Style(color=self.colour_of(q.speaker), meta={QUOTE_META: q.id})
                if q.kind == "indirect":
                    style += Style(italic=True)
                text.stylize(style, q.start, q.end)
                if q.id == self.selected:
                    text.stylize(selected_style, q.start, q.end)
            first = len(lines)
            paragraph_line[body_index] = first
            wrapped = add(text)
            ends, offset = [], 0
            for line in wrapped:
                offset += len(line.plain)
                ends.append(offset)
            for q in by_paragraph.get(body_index, []):
                quote_line[q.id] = first + _line_of(ends, q.start)
            if self.mark and self.mark[0] == body_index:
                layout.mark_line = first + _line_of(ends, self.mark[1])
            lines.append(Text(""))
        return layout

    def _legend(self, article: Article) -> Text:
        legend = Text()
        speakers = dict.fromkeys(q.speaker for q in self.visible_quotes())
        for speaker in speakers:
            colour = self.colour_of(speaker)
            if legend.plain:
                legend.append("  ")
            legend.append("■ ", Style(color=colour))
            legend.append(inert(speaker or "unattributed"), Style(color=colour))
        return legend

    # -- rendering --------------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        width = self._width()
        layout = self.layout_for(width)
        index = y + self.scroll_offset.y
        base = self.rich_style
        if index >= len(layout.lines):
            return Strip.blank(width, base)
        segments = list(layout.lines[index].render(self.app.console))
        strip = Strip(segments).apply_style(base)
        return strip.crop(0, width).extend_cell_length(width, base)

    # -- keys and mouse ---------------------------------------------------------------
    def action_cursor_down(self) -> None:
        self.scroll_relative(y=1, animate=False)

    def action_cursor_up(self) -> None:
        self.scroll_relative(y=-1, animate=False)

    def action_cursor_top(self) -> None:
        self.scroll_home(animate=False)

    def action_cursor_bottom(self) -> None:
        self.scroll_end(animate=False)

    def action_page_down(self) -> None:
        self.scroll_page_down(animate=False)

    def action_page_up(self) -> None:
        self.scroll_page_up(animate=False)

    def on_click(self, event: events.Click) -> None:
        quote_id = event.style.meta.get(QUOTE_META) if event.style else None
        if quote_id:
            self.post_message(QuoteClicked(quote_id))


def _line_of(ends: list[int], offset: int) -> int:
    """Index of the wrapped line holding character ``offset``."""
    for n, end in enumerate(ends):
        if offset < end:
            return n
    return max(0, len(ends) - 1)
