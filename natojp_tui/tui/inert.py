"""Make article text safe to draw: control characters become visible symbols.

The mapping is one character to one character, so stored offsets stay valid on the
displayed string. Markup is never parsed anywhere; this only handles what a terminal
itself would interpret (ESC sequences, bidi overrides, line breaks inside a row).
"""

from __future__ import annotations

import re

_TABLE: dict[int, str] = {c: chr(0x2400 + c) for c in range(0x20)}  # ␀..␟ control pictures
_TABLE[0x7F] = "\u2421"  # ␡
_TABLE.update({c: "\ufffd" for c in range(0x80, 0xA0)})  # C1 controls
_TABLE.update({c: "\ufffd" for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))})
_TABLE.update({0x200E: "\ufffd", 0x200F: "\ufffd", 0x061C: "\ufffd"})
_TABLE.update({0x09: " ", 0x0A: " ", 0x0D: " "})  # whitespace stays whitespace, on one line
_TABLE.update({c: "\ufffd" for c in range(0xD800, 0xE000)})  # lone surrogates (bad file names)


def _char_class(codes: list[int]) -> str:
    """A regex character class of ``codes`` written as ranges (a class of 2,300 single
    characters takes milliseconds to compile, at every start of the reader)."""
    parts, start = [], None
    for i, c in enumerate(codes):
        if start is None:
            start = c
        if i + 1 == len(codes) or codes[i + 1] != c + 1:
            parts.append(re.escape(chr(start)) + ("-" + re.escape(chr(c)) if c > start else ""))
            start = None
    return "[" + "".join(parts) + "]"


_UNSAFE = re.compile(_char_class(sorted(_TABLE)))


def inert(text: str) -> str:
    """``text`` with every control/bidi character replaced by a visible one (same length).

    Tabs and line breaks become spaces, so a paragraph wraps as one run and offsets
    into it stay exact.
    """
    return text.translate(_TABLE) if _UNSAFE.search(text) else text


inert_row = inert  # list rows need exactly the same treatment
