"""Sentence splitting, and masking quoted passages out of the narrative."""

from __future__ import annotations

import re
from collections.abc import Sequence

from natojp_tui.core.lexicon.abbreviations import ABBREVIATIONS, CLOCK_ABBREVIATIONS

_ZONE_WORDS = frozenset(
    ["japan", "japanese", "jst", "tokyo", "brussels", "cet", "cest", "gmt", "utc", "local"]
)


# Sentence-ending punctuation, the closing marks after it, and the space before the next
# sentence (or the end of the text).
_END_RE = re.compile(r"([.!?][\"”’')\]»」]*)(\s+|\s*$)")
_OPENERS = "“‘\"'(«「『~"  # a sentence may start with these besides capitals and digits
_LIST_NUMBER_RE = re.compile(r"\(?\d{1,2}\)?")


def sentence_ends(text: str) -> list[tuple[int, int, int]]:
    """Where each sentence of ``text`` ends: (the punctuation, the end of the closing marks
    after it, the start of the next sentence). A full stop after an abbreviation, an
    initial or a list number ("1. Prime Minister ...") goes on, and so does one after
    "a.m." / "p.m." unless an ordinary word follows; the next sentence must start with a
    capital, a digit or an opening mark (``~`` too: a masked quote)."""
    ends: list[tuple[int, int, int]] = []
    start = 0
    for m in _END_RE.finditer(text):
        dot, nxt_start = m.start(), m.end()
        nxt = text[nxt_start : nxt_start + 12]
        if nxt and not (nxt[0].isupper() or nxt[0].isdigit() or nxt[0] in _OPENERS):
            continue
        word = _word_before(text, dot, start)
        if word in ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
            continue
        if word in CLOCK_ABBREVIATIONS and (
            not nxt[:1].isalpha() or nxt.split(" ", 1)[0].strip("(),;").lower() in _ZONE_WORDS
        ):
            continue
        if _LIST_NUMBER_RE.fullmatch(text[start:dot].strip()):
            continue
        ends.append((dot, m.end(1), nxt_start))
        start = nxt_start
    return ends


def _word_before(text: str, dot: int, floor: int) -> str:
    """The word before the full stop at ``dot`` (not before ``floor``), lower case,
    opening brackets and marks off."""
    # the word starts after the last " "; every other space (a tab, a newline, a no-break
    # space) is unprintable: where one may come later, look back a character at a time
    j = max(floor, text.rfind(" ", floor, dot) + 1)
    if not text[j:dot].isprintable():
        j = dot
        while j > floor and not text[j - 1].isspace():
            j -= 1
    word = text[j:dot].lower().lstrip("(“\"‘'")
    return word.rsplit("-", 1)[1] if "-" in word else word  # "Japan-U.S." ends in "u.s"


def abbreviation_before(text: str, dot: int) -> bool:
    """Is the full stop at ``dot`` the end of an abbreviation or an initial?"""
    word = _word_before(text, dot, max(0, dot - 40))
    return (
        word in ABBREVIATIONS or word in CLOCK_ABBREVIATIONS or (len(word) == 1 and word.isalpha())
    )


def split_sentences(
    text: str, ends: Sequence[tuple[int, int, int]] | None = None
) -> list[tuple[int, int]]:
    """Sentence spans of ``text`` (``sentence_ends``, or ``ends`` when the caller has them
    already), each from its first character to its final punctuation (the last one to the
    end of the text); overlong runs are cut."""
    spans: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    for dot, _, nxt_start in sentence_ends(text) if ends is None else ends:
        if nxt_start >= n:
            break  # the last sentence runs to the end of the text
        spans.extend(_bounded(text, start, dot + 1))
        start = nxt_start
    if start < n:
        end = len(text.rstrip())
        if end > start:
            spans.extend(_bounded(text, start, end))
    return spans


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


_SMALL_WORDS = frozenset(
    ("of", "the", "and", "for", "on", "in", "to", "a", "an", "between", "with")
)


def is_title(inner: str) -> bool:
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
