"""Helpers for building fast regular expressions from word lists."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from re import _parser  # type: ignore[attr-defined]
from typing import Any


def words(text: str) -> frozenset[str]:
    """The whitespace-separated words of ``text`` as a set."""
    return frozenset(text.split())


def trie_pattern(words: list[str]) -> str:
    """A regex alternation factored by common prefixes, so matching a word costs its
    length rather than the number of alternatives (keeps scans linear and fast)."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        end = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if end else body

    return build(trie)


_START_WIDTH = 3  # characters of each match's start a quick scan looks for
_ZERO_WIDTH = frozenset({_parser.AT, _parser.ASSERT, _parser.ASSERT_NOT})


def literal_starts(pattern: str, flags: int = 0) -> tuple[str, ...] | None:
    """Strings (of two or three characters) one of which every match of ``pattern`` (no
    flags) begins with, read from its parse: literals, small character sets, groups and
    alternatives, passing over look-arounds and ``\\b`` (which consume nothing). None when
    the parse does not tell or a start could be shorter (a repeat, ``\\w``, ``.``, flags)."""
    if flags & re.IGNORECASE:
        return None
    starts, _ = _starts_of(list(_parser.parse(pattern, flags)))
    if not starts or min(map(len, starts)) < 2 or len(starts) > 200:
        return None
    return tuple(sorted(starts))


def _starts_of(items: list[tuple[Any, Any]]) -> tuple[set[str], bool]:
    """The starts (at most _START_WIDTH long) of what ``items`` match, and whether each
    is all of such a match (so the items after it may add to it)."""
    starts = {""}
    for op, av in items:
        if min(map(len, starts)) >= _START_WIDTH:
            return starts, False
        if op in _ZERO_WIDTH:
            continue
        more, whole = _starts_of_item(op, av)
        if more is None:
            return starts, False
        starts = {(a + b)[:_START_WIDTH] for a in starts for b in more}
        if len(starts) > 200 or not whole:
            return starts, False
    return starts, True


def _starts_of_item(op: Any, av: Any) -> tuple[set[str] | None, bool]:
    if op is _parser.LITERAL:
        return {chr(av)}, True
    if op is _parser.IN:
        chars: set[str] = set()
        for kind, arg in av:
            if kind is _parser.LITERAL:
                chars.add(chr(arg))
            elif kind is _parser.RANGE and arg[1] - arg[0] < 16:
                chars.update(chr(c) for c in range(arg[0], arg[1] + 1))
            else:
                return None, False  # a category, a negation, a wide range
        return chars, True
    if op is _parser.SUBPATTERN:
        _, add_flags, del_flags, sub = av
        return (None, False) if add_flags or del_flags else _starts_of(list(sub))
    if op is _parser.BRANCH:
        found: set[str] = set()
        whole = True
        for alternative in av[1]:
            more, alt_whole = _starts_of(list(alternative))
            found |= more
            whole = whole and alt_whole
        return found, whole
    return None, False


def _starts_scan(pattern: str, flags: int = 0) -> re.Pattern[str] | None:
    """One scan for the ``literal_starts`` of ``pattern`` (None when they are unknown)."""
    starts = literal_starts(pattern, flags)
    return re.compile(trie_pattern(list(starts))) if starts else None


def starting_with(first: str, pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``pattern`` behind a look-ahead for the characters ``first`` its matches start with:
    the same matches, but places where none can start are passed over at C speed."""
    return re.compile(f"(?=[{first}])(?:{pattern})", flags)


def folded_starting_with(first: str, pattern: str, flags: int = 0) -> Folded:
    """``starting_with(first, pattern, re.IGNORECASE | flags)``, searched as ``Folded``."""
    return Folded(f"(?=[{first}])(?:{pattern})", flags)


_INLINE_FLAGS_RE = re.compile(r"\(\?[aiLmsux-]")
# The only characters that ignoring case matches to ASCII letters (dotted and dotless i,
# long s, Kelvin sign); the first is also the only one that lowering makes two characters.
_FOLDS_TO_ASCII = ("\u0130", "\u0131", "\u017f", "\u212a")
# escapes of classes and places, and the P of named groups: no letters (``\S``, ``(?P<``)
_ESCAPES_RE = re.compile(r"\\\\|\\[ABDSWZbdsw]|\(\?P(?=[<=])")


_CODE_ESCAPE_RE = re.compile(r"\\(?:[xuUN0-7]|[1-9])")
# lower-case Latin-1 letters ("tête-à-tête"): ignoring case matches each to its capital only
_LATIN1_LOWER = re.compile("[\u00e0-\u00f6\u00f8-\u00fe]")


def folds_to_ascii(text: str) -> bool:
    """Does ``text`` hold one of the four characters that ignoring case matches to ASCII
    letters (so its lower case is no safe stand-in for a case-insensitive search)?"""
    return not text.isascii() and any(ch in text for ch in _FOLDS_TO_ASCII)


# what lowering a pattern leaves as written: escapes ("\\S" is not "\\s") and group names
_KEEP_RE = re.compile(r"\\.|\(\?P<[^>]*>|\(\?P=[^)]*\)", re.DOTALL)


def _lowered_pattern(pattern: str) -> str:
    """``pattern`` with its letters lowered (escapes and group names kept): the same
    pattern when the case is ignored, refused when that cannot be known (inline flags,
    escapes by code such as ``\\x41``, capitals beyond Latin-1)."""
    parts: list[str] = []
    pos = 0
    for m in _KEEP_RE.finditer(pattern):
        parts += [pattern[pos : m.start()].lower(), m.group(0)]
        pos = m.end()
    lowered = "".join([*parts, pattern[pos:].lower()])
    cased = [ch for ch in _KEEP_RE.sub("", lowered) if ch.lower() != ch.upper()]
    if (
        _CODE_ESCAPE_RE.search(
            _ESCAPES_RE.sub("", pattern)
        )  # "\\x41" is a capital letter no lowering sees
        or any(ch != ch.lower() or not (ch.isascii() or _LATIN1_LOWER.match(ch)) for ch in cased)
        or _INLINE_FLAGS_RE.search(pattern)
    ):
        raise ValueError(f"not a pattern to search lowered: {pattern!r}")
    return lowered


class Folded:
    """A case-insensitive pattern, searched at C speed: ``search`` and ``finditer`` give
    the very matches of ``re.compile(pattern, re.IGNORECASE | flags)`` (spans and groups),
    but where each one starts is found in the lowered text with the pattern compiled
    without the flag (without it the engine compares characters directly and skips to
    where a match can start), and only there is the case-insensitive pattern matched.

    Both find a match at the same places when the pattern's letters, lowered for the
    search without the flag, are ASCII or Latin-1 (checked; escapes such as ``\\S`` and
    group names are kept as written) and the text holds none of the four characters that
    fold to ASCII letters (lowering then keeps every offset); a text that does is searched
    with the flag. The pattern must not match the empty string (checked).

    Where the lowered pattern's matches all begin with one of a few literal strings
    (``literal_starts``), those are what the lowered text is scanned for (one factored
    literal scan), and the case-insensitive pattern is tried at each.
    """

    __slots__ = ("_from_start", "_plain", "_starts", "pattern", "rx")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.rx = re.compile(pattern, re.IGNORECASE | flags)
        self._plain = re.compile(_lowered_pattern(pattern), flags)
        if self._plain.match("") is not None or re._parser.parse(pattern).getwidth()[0] == 0:  # type: ignore[attr-defined]
            raise ValueError(f"a pattern that can match the empty string: {pattern!r}")
        # a look-behind, ^ or \A reads more than the one character before the start
        self._from_start = "(?<" in pattern or "^" in pattern or "\\A" in pattern
        self._starts = _starts_scan(self._plain.pattern, flags)

    @property
    def flags(self) -> int:
        """The flags of the case-insensitive pattern (``re.IGNORECASE`` among them)."""
        return self.rx.flags

    def _lowered(self, text: str, pos: int, endpos: int) -> tuple[str, int] | None:
        """The lowered ``text`` from a little before ``pos`` to ``endpos``, and where that
        starts; None when lowering is no safe stand-in for ignoring case."""
        if folds_to_ascii(text):
            return None
        lo = 0 if self._from_start else max(0, pos - 1)
        return text[lo:endpos].lower(), lo

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """``re.compile(pattern, re.IGNORECASE).search(text, pos, endpos)``."""
        pos, endpos = max(0, pos), min(endpos, len(text))
        low = self._lowered(text, pos, endpos)
        if low is None or pos > endpos:
            return self.rx.search(text, pos, endpos)
        part, lo = low
        if self._starts is not None:
            return self._first_from(text, part, lo, pos, endpos)
        found = self._plain.search(part, pos - lo)
        if found is None:
            return None
        m = self.rx.match(text, found.start() + lo, endpos)
        return m if m is not None else self.rx.search(text, pos, endpos)

    def _first_from(
        self, text: str, part: str, lo: int, pos: int, endpos: int
    ) -> re.Match[str] | None:
        """The first match at or after ``pos``: tried where a start is in the lowered part."""
        assert self._starts is not None
        at = pos - lo
        while True:
            start = self._starts.search(part, at)
            if start is None:
                return None
            m = self.rx.match(text, start.start() + lo, endpos)
            if m is not None:
                return m
            at = start.start() + 1

    def finditer(
        self, text: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        """``re.compile(pattern, re.IGNORECASE).finditer(text, pos, endpos)``."""
        pos, endpos = max(0, pos), min(endpos, len(text))
        low = self._lowered(text, pos, endpos)
        if low is None or pos > endpos:
            yield from self.rx.finditer(text, pos, endpos)
            return
        part, lo = low
        at = pos
        if self._starts is not None:
            while at <= endpos and (m := self._first_from(text, part, lo, at, endpos)):
                yield m
                at = m.end()
            return
        while at <= endpos:
            found = self._plain.search(part, at - lo)
            if found is None:
                return
            m = self.rx.match(text, found.start() + lo, endpos)
            if m is None:  # never: lowering stood in for ignoring case
                yield from self.rx.finditer(text, at, endpos)
                return
            yield m
            at = m.end()

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """``re.compile(pattern, re.IGNORECASE).match(text, pos, endpos)``."""
        return self.rx.match(text, pos, endpos)


class Cues:
    """A quick test: does a stretch of text hold one of a few words (as written)? Each is
    looked for with ``str.find`` at C speed, or, from five words on, all of them with one
    scan of their alternation factored by ``trie_pattern`` (which is then faster)."""

    __slots__ = ("_rx", "words")

    def __init__(self, words: tuple[str, ...]) -> None:
        if not words or not all(words):
            raise ValueError("cues need words")
        self.words = words
        self._rx = re.compile(trie_pattern(list(words))) if len(words) >= 5 else None

    def found(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> bool:
        """Does ``text[pos:endpos]`` hold one of the words?"""
        if self._rx is not None:
            return self._rx.search(text, pos, endpos) is not None
        find = text.find
        for word in self.words:  # noqa: SIM110 (a loop builds no generator: faster than any())
            if find(word, pos, endpos) >= 0:
                return True
        return False


class Cued:
    """A compiled pattern behind a quick test: every match of it holds (in the text it
    consumes, as written) one of ``cues``, so a stretch of text that holds none has no
    match and is not searched (the quick test of ``Cues``). ``search``, ``finditer`` and
    ``match`` answer as the pattern's own."""

    __slots__ = ("_look", "cues", "rx")

    def __init__(self, rx: re.Pattern[str], cues: tuple[str, ...]) -> None:
        if not cues or not all(cues):
            raise ValueError("a cued pattern needs cues")
        self.rx = rx
        self.cues = cues
        self._look = Cues(cues)

    @property
    def pattern(self) -> str:
        return self.rx.pattern

    @property
    def flags(self) -> int:
        return self.rx.flags

    def _may_hold(self, text: str, pos: int, endpos: int) -> bool:
        return self._look.found(text, pos, endpos)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """``rx.search(text, pos, endpos)``."""
        if not self._may_hold(text, max(0, pos), endpos):
            return None
        return self.rx.search(text, pos, endpos)

    def finditer(
        self, text: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        """``rx.finditer(text, pos, endpos)``."""
        if not self._may_hold(text, max(0, pos), endpos):
            return iter(())
        return self.rx.finditer(text, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """``rx.match(text, pos, endpos)``."""
        return self.rx.match(text, pos, endpos)


class Caseless:
    """Is there a match of a case-insensitive ``pattern`` in a text? The answer of
    ``re.compile(pattern, re.IGNORECASE).search``, at C speed: the text is lowered and
    searched with the pattern compiled without the flag (without it the engine skips to
    where a match can start). That is the same search when the pattern's letters are
    lower-case ASCII (checked, with no look-behinds or inline flags) and the text holds
    none of the four characters that fold to ASCII letters; a text that does is searched
    with the flag."""

    __slots__ = ("_folded", "_plain", "_starts", "pattern")

    def __init__(self, pattern: str) -> None:
        cased = [ch for ch in pattern if ch.lower() != ch.upper()]
        if (
            any(not ch.isascii() or ch != ch.lower() for ch in cased)
            or "(?<" in pattern
            or _INLINE_FLAGS_RE.search(pattern)
        ):
            raise ValueError(f"not a lower-case ASCII pattern without look-behinds: {pattern!r}")
        self.pattern = pattern
        self._plain = re.compile(pattern)
        self._folded = re.compile(pattern, re.IGNORECASE)
        self._starts = _starts_scan(pattern)

    def found(self, text: str, start: int = 0, end: int | None = None) -> bool:
        """Does a match lie in ``text[start:end]`` (as ``Pattern.search(text, start,
        end)`` reads it: ``\\b`` at ``start`` sees the character before)?"""
        end = len(text) if end is None else min(end, len(text))
        start = max(0, start)
        lo = max(0, start - 1)
        part = text[lo:end]
        if folds_to_ascii(part):
            return self._folded.search(text, start, end) is not None
        low = part.lower()
        if self._starts is None:
            return self._plain.search(low, start - lo) is not None
        at, match = start - lo, self._plain.match
        while (found := self._starts.search(low, at)) is not None:  # where a match may start
            if match(low, found.start()) is not None:
                return True
            at = found.start() + 1
        return False
