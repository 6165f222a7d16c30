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
