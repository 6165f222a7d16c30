"""Helpers for building fast regular expressions from word lists."""

from __future__ import annotations

import re


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


def starting_with(first: str, pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``pattern`` behind a look-ahead for the characters ``first`` its matches start with:
    the same matches, but places where none can start are passed over at C speed."""
    return re.compile(f"(?=[{first}])(?:{pattern})", flags)


_INLINE_FLAGS_RE = re.compile(r"\(\?[aiLmsux-]")
# The only characters that ignoring case matches to ASCII letters (dotted and dotless i,
# long s, Kelvin sign); the first is also the only one that lowering makes two characters.
_FOLDS_TO_ASCII_RE = re.compile("[\u0130\u0131\u017f\u212a]")


def folds_to_ascii(text: str) -> bool:
    """Does ``text`` hold one of the four characters that ignoring case matches to ASCII
    letters (so its lower case is no safe stand-in for a case-insensitive search)?"""
    return _FOLDS_TO_ASCII_RE.search(text) is not None


class Caseless:
    """Is there a match of a case-insensitive ``pattern`` in a text? The answer of
    ``re.compile(pattern, re.IGNORECASE).search``, at C speed: the text is lowered and
    searched with the pattern compiled without the flag (without it the engine skips to
    where a match can start). That is the same search when the pattern's letters are
    lower-case ASCII (checked, with no look-behinds or inline flags) and the text holds
    none of the four characters that fold to ASCII letters; a text that does is searched
    with the flag."""

    __slots__ = ("_folded", "_plain", "pattern")

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

    def found(self, text: str, start: int = 0, end: int | None = None) -> bool:
        """Does a match lie in ``text[start:end]`` (as ``Pattern.search(text, start,
        end)`` reads it: ``\\b`` at ``start`` sees the character before)?"""
        end = len(text) if end is None else min(end, len(text))
        start = max(0, start)
        lo = max(0, start - 1)
        part = text[lo:end]
        if _FOLDS_TO_ASCII_RE.search(part) is None:
            return self._plain.search(part.lower(), start - lo) is not None
        return self._folded.search(text, start, end) is not None
