"""The framing the saved binary files share (the search index, its rows, the timeline): a
magic line, the JSON header's length (8 bytes, little-endian), the header padded with spaces
so that the body starts 8-byte aligned, then the body."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any


def frame(magic: bytes, header: dict[str, Any], body: Iterable[bytes]) -> bytes:
    """The bytes of a file: ``magic``, the header, then ``body`` (offsets in the header
    count from the body's start)."""
    head = json.dumps(header).encode("ascii")
    head += b" " * (-(len(magic) + 8 + len(head)) % 8)
    return b"".join([magic, len(head).to_bytes(8, "little"), head, *body])


def unframe(view: memoryview, magic: bytes) -> tuple[Any, memoryview]:
    """The header and the body of a file whose ``magic`` the caller has checked; raises
    ValueError (or KeyError, TypeError) when the header is damaged."""
    size = int.from_bytes(view[len(magic) : len(magic) + 8], "little")
    start = len(magic) + 8
    return json.loads(bytes(view[start : start + size])), view[start + size :]
