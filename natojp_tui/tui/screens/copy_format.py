"""The ``Y`` chooser: the selected quote as plain text, attributed, Markdown, citation line or
JSON (keys 1–5), or cited in Chicago, APA, MLA, BibTeX, RIS or CSL-JSON (c h a m b r j)."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from natojp_tui.core.model import Article, Quote
from natojp_tui.core.references import COPY_FORMATS, COPY_KEYS, COPY_LABELS, format_copy
from natojp_tui.tui.inert import inert


def preview(text: str, lines: int = 3, width: int = 200) -> Text:
    """The first ``lines`` lines of ``text``, each cut to ``width`` with an ellipsis.

    Drawn in the list's own colour, not dimmed: a dim colour falls under 4.5:1 on the
    highlighted option's background."""
    shown = [_cut(inert(line), width) for line in text.splitlines()[:lines]]
    more = "\n…" if len(text.splitlines()) > lines else ""
    return Text("\n".join(shown) + more)


def _cut(line: str, width: int) -> str:
    return line if len(line) <= width else line[: width - 1].rstrip() + "…"


class CopyFormatScreen(ModalScreen[str | None]):
    """Dismisses with the chosen format name (one of ``COPY_FORMATS``) or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="close"),
        *[Binding(COPY_KEYS[fmt], f"pick({n})", show=False) for n, fmt in enumerate(COPY_FORMATS)],
    ]

    def __init__(self, quote: Quote, article: Article) -> None:
        super().__init__()
        self.quote = quote
        self.article = article

    def compose(self) -> ComposeResult:
        options = []
        today = date.today()
        for fmt in COPY_FORMATS:
            prompt = Text()
            prompt.append(f"{COPY_KEYS[fmt]}  {COPY_LABELS[fmt]}\n", Style(bold=True))
            prompt.append_text(preview(format_copy(self.quote, self.article, fmt, today)))
            options.append(Option(prompt, id=fmt))
        with Vertical(id="copy-box"):
            yield Static(Text("Copy the selected quote as…", Style(bold=True)))
            yield OptionList(*options, id="copy-formats")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected, "#copy-formats")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_pick(self, index: int) -> None:
        self.dismiss(COPY_FORMATS[index])

    def action_cancel(self) -> None:
        self.dismiss(None)
