"""Finding quotation spans: marks, nesting, apostrophes and multi-paragraph quotes.

One left-to-right scan per paragraph over the quote-mark characters only, with a
stack at most three deep (a double-level quote, a nested single, and a 『』 inside
「」), so the work is linear in the text however many stray marks it holds.

* Double-level marks: “ ” " „ « » 「 」 『 』 (『』 nest inside 「」). Mixed “ … " is one
  quote; a straight " opens or closes by its neighbours (space before and a letter after
  opens; a letter or punctuation before and a space after closes).
* Single-level marks ‘ ’ ' ‹ › nest inside a double quote; at top level they make a
  ``single`` span that the caller only counts as speech when it is attributed.
* Apostrophes are never marks: a mark between two letters (*Abe’s*, *don't*), *’n’*,
  a mark before digits (*the ’90s*), and a plural possessive (*allies’ plan*) unless a
  single quote is open and no later single mark could close it.
* Recovery: an opener met while the same level is already open abandons the older one;
  a closer with nothing open is ignored (unless it is the paragraph's first mark: an
  ``orphan`` span from the paragraph start, for a missing opening mark); a quote still open at the end of a paragraph
  either continues (the next paragraph starts by reopening it: one quote over several
  paragraphs, each piece a span sharing ``group``) or ends there as ``closed=False``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

MARK_RE = re.compile(r"[“”\"„‟«»「」『』‘’'‹›]")
DOUBLE_OPENERS = "“„‟«「『"
CLOSER_FOR: dict[str, str] = {
    "“": '”"“',
    "„": '“”"',
    "‟": '”"',
    '"': '"”“',
    "«": "»",
    "»": "«",
    "「": "」",
    "『": "』",
    "‘": "’'",
    "'": "'’",
    "‹": "›",
}
SINGLE_MARKS = "‘’'"
CLOSING_PUNCT = set('.,;:!?)]}—–-…»”’"')
OPENING_CONTEXT = set("([{—–-/:;“‘«「『\"'")


@dataclass(slots=True)
class QuoteSpan:
    """Text between quotation marks in one paragraph (``start:end`` excludes the marks)."""

    paragraph: int
    open: int  # index of the opening mark (-1 if the paragraph continues an earlier quote)
    close: int | None  # index of the closing mark; None if open at the paragraph end
    start: int
    end: int
    open_mark: str
    close_mark: str | None = None
    single: bool = False  # a top-level ‘…’ / '…' span
    closed: bool = True  # False: no closing mark and no continuation (unbalanced)
    continues: bool = False  # True: the quote goes on in the next paragraph
    group: int | None = None  # pieces of one multi-paragraph quote share this number
    orphan: bool = False  # True: no opening mark; the span runs from the paragraph start

    @property
    def outer_start(self) -> int:
        return self.open if self.open >= 0 else self.start

    @property
    def outer_end(self) -> int:
        return self.close + 1 if self.close is not None else self.end


@dataclass(slots=True)
class _Open:
    pos: int
    mark: str
    single: bool


def _is_letter(ch: str) -> bool:
    return ch.isalnum()


def _apostrophe(text: str, i: int) -> bool:
    """Is the single mark at ``i`` an apostrophe whatever is open?"""
    prev = text[i - 1] if i > 0 else ""
    nxt = text[i + 1] if i + 1 < len(text) else ""
    if _is_letter(prev) and _is_letter(nxt):
        return True  # Abe’s, don't, rock’n’roll
    if text[i + 1 : i + 3] == "n" + text[i] or (i >= 2 and text[i - 2 : i] == text[i] + "n"):
        return True  # rock ’n’ roll
    if nxt.isdigit() and (not prev or prev.isspace() or prev in "(-–"):
        return True  # the ’90s, class of ’13
    return bool(text[i + 1 : i + 4].lower() in ("em ", "tis") and (not prev or prev.isspace()))


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


class _ParagraphScanner:
    """Scans one paragraph; ``stack[0]`` is the outermost open quote."""

    def __init__(self, text: str, paragraph: int, carried: _Open | None) -> None:
        self.text = text
        self.p = paragraph
        self.stack: list[_Open] = [carried] if carried else []
        self.spans: list[QuoteSpan] = []
        self.orphan: int | None = None  # the first double closer met with nothing open
        self.marks = [m.start() for m in MARK_RE.finditer(text)]
        self.single_positions = [i for i in self.marks if text[i] in SINGLE_MARKS]
        self.double_closes = [i for i in self.marks if text[i] in '”"»」』']

    def context(self, i: int) -> tuple[bool, bool]:
        text = self.text
        prev = text[i - 1] if i > 0 else ""
        nxt = text[i + 1] if i + 1 < len(text) else ""
        opener_like = (not prev or prev.isspace() or prev in OPENING_CONTEXT) and bool(
            nxt and not nxt.isspace()
        )
        closer_like = bool(prev and not prev.isspace()) and (
            not nxt or nxt.isspace() or nxt in CLOSING_PUNCT
        )
        return opener_like, closer_like

    def emit(self, opener: _Open, close: int) -> None:
        start, end = _trimmed(self.text, opener.pos + 1, close)
        self.spans.append(
            QuoteSpan(
                self.p,
                opener.pos,
                close,
                start,
                end,
                opener.mark,
                self.text[close],
                single=opener.single,
            )
        )

    def close_double(self, i: int) -> None:
        opener = self.stack[0]
        self.stack.clear()
        self.emit(opener, i)

    def double_open(self) -> _Open | None:
        return self.stack[0] if self.stack and not self.stack[0].single else None

    def scan(self) -> None:
        for i in self.marks:
            ch = self.text[i]
            if ch in SINGLE_MARKS or ch in "‹›":
                self.single_mark(i, ch)
            else:
                self.double_mark(i, ch)

    def double_mark(self, i: int, ch: str) -> None:
        opener_like, closer_like = self.context(i)
        top = self.double_open()
        if top is not None and ch in CLOSER_FOR[top.mark]:
            if ch in DOUBLE_OPENERS + '"' and opener_like and not closer_like:
                self.stack = [_Open(i, ch, False)]  # the older opener was stray
            else:
                self.close_double(i)
            return
        if ch == "『" and top is not None and top.mark == "「":
            self.stack = [top, _Open(i, ch, False)]
            return
        if ch == "』" and len(self.stack) > 1 and self.stack[-1].mark == "『":
            self.stack.pop()
            return
        if ch in DOUBLE_OPENERS or ch == '"' or (ch == "»" and opener_like and not closer_like):
            if ch in '"»' and closer_like and not opener_like:
                self.note_orphan(i)
                return  # a closer with nothing to close
            if ch == "“" and closer_like and not opener_like and top is None:
                return
            self.stack = [_Open(i, ch, False)]
            return
        if top is None and ch in "”」":
            self.note_orphan(i)
        # any other closer with nothing open is stray: ignored

    def note_orphan(self, i: int) -> None:
        if self.orphan is None and not self.spans and not self.stack:
            self.orphan = i

    def single_mark(self, i: int, ch: str) -> None:
        if ch in SINGLE_MARKS and _apostrophe(self.text, i):
            return
        opener_like, closer_like = self.context(i)
        top = self.stack[-1] if self.stack else None
        closes = top is not None and top.single and ch in CLOSER_FOR.get(top.mark, "")
        if top is not None and closes and closer_like and not (ch == "'" and opener_like):
            if self.possessive_with_later_close(i, top):
                return
            self.stack.pop()
            if not self.stack:
                self.emit(top, i)
            return
        if ch in "‘'‹" and opener_like and not closer_like:
            if top is not None and top.single:
                self.stack.pop()  # an unclosed single before this one: drop it
            if len(self.stack) < 2:
                self.stack.append(_Open(i, ch, not self.stack))
        # otherwise an apostrophe (allies’ plan) or a stray mark

    def possessive_with_later_close(self, i: int, top: _Open) -> bool:
        """ "the allies’ plan’": a plural possessive inside a single quote that closes later."""
        text = self.text
        if not (
            text[i - 1 : i] in "sz" and text[i + 1 : i + 2] == " " and text[i + 2 : i + 3].islower()
        ):
            return False
        k = bisect_right(self.single_positions, i)
        if k >= len(self.single_positions):
            return False
        later = self.single_positions[k]
        if len(self.stack) > 1:  # nested: the later mark must come before the double closes
            d = bisect_right(self.double_closes, i)
            if d < len(self.double_closes) and self.double_closes[d] < later:
                return False
        # the later mark must read as a closer ("…' plan'"), not open the next quote
        # ("'serious' and the delays 'intolerable'")
        return text[later] in CLOSER_FOR.get(top.mark, "") and self.context(later)[1]


def _indent(text: str) -> int:
    i = 0
    while i < len(text) and text[i].isspace():
        i += 1
    return i


def _reopens(text: str, mark: str) -> bool:
    """Does a paragraph start by reopening a quote opened with ``mark``?"""
    stripped = text[:64].lstrip()
    if not stripped:
        return False
    first = stripped[0]
    if mark in "‘'":
        return first in "‘'"
    return first in '“„"«「『' and (first in CLOSER_FOR or first == mark)


def find_quote_spans(paragraphs: Sequence[str], orphans: bool = False) -> list[QuoteSpan]:
    """Every quotation span of every paragraph, in reading order. With ``orphans``, a
    paragraph whose first mark is a closer with nothing open also gives a span from its
    start to that closer (``orphan=True``: kept as a quote only if an attribution follows)."""
    spans: list[QuoteSpan] = []
    carried: _Open | None = None
    group: int | None = None
    groups = 0
    for p, text in enumerate(paragraphs):
        if carried is None and MARK_RE.search(text) is None:
            group = None  # quick look: no mark, no span, nothing carried on
            continue
        scanner = _ParagraphScanner(text, p, carried)
        first_mark = _indent(text)
        if carried is not None:
            # the reopening mark at the paragraph start replaces the carried opener
            first = _indent(text)
            scanner.marks = [i for i in scanner.marks if i != first]
            scanner.stack = [_Open(first, text[first], carried.single)]
        scanner.scan()
        if orphans and scanner.orphan is not None and carried is None:
            # 'We need to ensure … our shared values,” NATO Secretary General said': the
            # opening mark is missing; the caller keeps it only when an attribution follows
            start, end = _trimmed(text, first_mark, scanner.orphan)
            if start < end:
                mark = text[scanner.orphan]
                spans.append(QuoteSpan(p, -1, scanner.orphan, start, end, "", mark, orphan=True))
        for span in scanner.spans:
            if carried is not None and span.open == first_mark:
                span.group = group
            spans.append(span)
        carried = None
        outer = scanner.stack[0] if scanner.stack else None
        if outer is None:
            group = None
            continue
        start, end = _trimmed(text, outer.pos + 1, len(text))
        continued_here = group is not None and outer.pos == first_mark
        nxt = paragraphs[p + 1] if p + 1 < len(paragraphs) else ""
        piece = QuoteSpan(p, outer.pos, None, start, end, outer.mark, None, single=outer.single)
        if _reopens(nxt, outer.mark):
            if not continued_here:
                groups += 1
                group = groups
            piece.continues, piece.group = True, group
            carried = outer
        else:
            piece.closed = False  # unbalanced: the quote ends with its paragraph
            piece.group = group if continued_here else None
            group = None
        if start < end:
            spans.append(piece)
    return spans
