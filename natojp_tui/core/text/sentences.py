"""Sentence splitting, and masking quoted passages out of the narrative."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from natojp_tui.core.text.patterns import words

_ABBREVIATIONS = words(
    """mr mrs ms dr prof gen lt col adm capt maj sgt amb rep sen gov st no nos jan feb mar apr
    jun jul aug sep sept oct nov dec e.g i.e etc vs approx co corp inc ltd jr sr rt hon h.e
    dept u.s u.k u.n e.u fig gen lt.gen"""
)


_SENTENCE_END_RE = re.compile(r"[.!?][\"”’')\]]*\s+")


_ZONE_WORDS = frozenset(
    ["japan", "japanese", "jst", "tokyo", "brussels", "cet", "cest", "gmt", "utc", "local"]
)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of ``text`` (abbreviations, initials and list numbers kept inside)."""
    return list(iter_sentences(text))


def iter_sentences(text: str) -> Iterator[tuple[int, int]]:
    """Sentence spans of ``text``, lazily (a reader that stops early stops the work)."""
    start = 0
    for m in _SENTENCE_END_RE.finditer(text):
        nxt = text[m.end() : m.end() + 12]
        if not nxt or not (nxt[0].isupper() or nxt[0].isdigit() or nxt[0] in "“\"‘'(~"):
            continue
        word_start = text.rfind(" ", start, m.start()) + 1
        word = text[max(word_start, start) : m.start()].lower().strip('("“')
        if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
            continue
        if word in ("a.m", "p.m") and (
            not nxt[0].isalpha() or nxt.split(" ", 1)[0].strip("(,").lower() in _ZONE_WORDS
        ):
            continue
        if re.fullmatch(r"\(?\d{1,2}\)?", text[start : m.start()].strip()):
            continue  # "1. Prime Minister ..." list numbers
        yield from _bounded(text, start, m.start() + 1)
        start = m.end()
    if start < len(text):
        end = len(text.rstrip())
        if end > start:
            yield from _bounded(text, start, end)


_MAX_SENTENCE = 1500  # no real sentence is longer; longer runs are read in pieces


def _bounded(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut an overlong "sentence" at spaces so per-sentence work stays bounded."""
    pieces = []
    while end - start > _MAX_SENTENCE:
        cut = text.rfind(" ", start + _MAX_SENTENCE // 2, start + _MAX_SENTENCE)
        if cut <= start:
            cut = start + _MAX_SENTENCE
        pieces.append((start, cut))
        start = cut + 1 if text[cut : cut + 1] == " " else cut
    if end > start:
        pieces.append((start, end))
    return pieces


_QUOTE_PAIRS = {"“": "”", "«": "»", '"': '"'}


_OPENING_RE = re.compile(r"[“«\"]")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Spans of quoted passages (marks included): curly, guillemet and paired straight quotes."""
    spans: list[tuple[int, int]] = []
    pos = 0
    unclosed: set[str] = set()  # marks with no closing mark anywhere after: skip them
    while (m := _OPENING_RE.search(text, pos)) is not None:
        i = m.start()
        if text[i] in unclosed:
            pos = i + 1
            continue
        j = text.find(_QUOTE_PAIRS[text[i]], i + 1)
        if j < 0:
            if text[i] == '"':
                break  # an unpaired straight quote: nothing after it is known to be quoted
            unclosed.add(text[i])
            pos = i + 1
            continue
        if not _is_title(text[i + 1 : j]):
            spans.append((i, j + 1))
        pos = j + 1
    return spans


_SMALL_WORDS = frozenset(
    ("of", "the", "and", "for", "on", "in", "to", "a", "an", "between", "with")
)


def _is_title(inner: str) -> bool:
    """A quoted name, not a quotation: “Joint Political Declaration”, "Iron Shield"."""
    words = inner.strip(" ,.").split()
    if not words or len(inner) > 80 or len(words) > 10:
        return False
    return words[0][:1].isupper() and all(w[:1].isupper() or w in _SMALL_WORDS for w in words)


def mask_quotes(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """``text`` with quoted passages replaced by ``~`` (same length, offsets kept)."""
    if not spans:
        return text
    parts: list[str] = []
    pos = 0
    for a, b in spans:
        parts.append(text[pos:a])
        parts.append("~" * (b - a))
        pos = b
    parts.append(text[pos:])
    return "".join(parts)


# --- sentence ends as attribution reads them (raw text, quotation marks included) --------

_END_MARK_RE = re.compile(r"[.!?][”’\"')\]»」]*(?=\s+[“‘\"'(«「『A-Z\d]|\s*$)")
END_ABBREVIATIONS = words(
    "mr mrs ms dr prof st no gen lt col adm jr sr vs etc jan feb mar apr jun jul aug sep sept "
    "oct nov dec u.s h.e e.g i.e a.m p.m hon mme"
)


def end_marks(text: str) -> list[tuple[int, int]]:
    """Spans of the punctuation that ends each sentence of ``text`` (closing marks after
    it included; abbreviations and initials skipped)."""
    return [
        m.span() for m in _END_MARK_RE.finditer(text) if not abbreviation_before(text, m.start())
    ]


def abbreviation_before(text: str, dot: int) -> bool:
    """Is the full stop at ``dot`` the end of an abbreviation or an initial?"""
    window = text[max(0, dot - 24) : dot]
    parts = window.rsplit(None, 1)
    if len(parts) == 2 or dot <= 24:
        word = parts[-1] if parts and not window[-1:].isspace() else ""
    else:  # a token longer than the window: find where it starts
        j = dot
        while j > 0 and not text[j - 1].isspace():
            j -= 1
        word = text[j:dot]
    word = word.lower().lstrip("(“\"‘'")
    return word in END_ABBREVIATIONS or (len(word) == 1 and word.isalpha())
