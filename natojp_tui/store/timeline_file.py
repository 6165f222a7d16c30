"""The timeline family: the library's merged timeline, decided at import, read by article.

Visits and merged meetings depend on the whole library (a new article can join a visit
or a meeting told before), so they are decided where the whole library is in hand
anyway: each commit that changes the articles (import, repair, migration) builds the
library's timeline once from the digest (``store/timeline.py``) and writes this file in
the same commit. The reader's timeline pane then reads one article's answer from it
(its visits and their entries, its own entries) and never the whole library.

Layout (little-endian; arrays 8-byte aligned): magic, 8-byte header length, a JSON
header (``width`` of the id column and each array's ``[offset, count]``), then:

* ``aids``: the ids of the articles with an answer, sorted, ``width`` bytes each
  (NUL-padded); ``aoff`` / ``ablob``: per article ``[[visit numbers], [entry numbers]]``
  (the visits it tells of, in visit order; the entries it is a source of);
* ``voff`` / ``vblob``: per visit (in ``Store.visits()`` order) ``[visit, [entry numbers]]``;
* ``eoff`` / ``eblob``: per entry (in timeline order) the entry.

Item *i* of a blob is the JSON of ``blob[off[i]:off[i+1]]``; offsets are unsigned
64-bit. A lookup is a binary search in the memory-mapped ``aids``: one article's answer
parses its record, its visits' records and their entries, nothing else.
"""

from __future__ import annotations

import bisect
import json
import sys
from array import array
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

import orjson

from natojp_tui.core.framing import frame, unframe
from natojp_tui.store.records import to_date

if TYPE_CHECKING:
    from natojp_tui.core.timeline import TimelineEntry, Visit
    from natojp_tui.store.timeline import LibraryTimeline

_MAGIC = b"NATOJP-TIMELINE\x00v1\n"
_ARRAYS = ("aids", "aoff", "ablob", "voff", "vblob", "eoff", "eblob")


def _iso(d: Any) -> str | None:
    return d.isoformat() if d is not None else None


def entry_doc(e: TimelineEntry) -> dict[str, Any]:
    return {
        "id": e.id,
        "kind": e.kind,
        "summary": e.summary,
        "participants": list(e.participants),
        "place": e.place,
        "date": _iso(e.date),
        "time": e.time,
        "duration": e.duration,
        "date_precision": e.date_precision,
        "note": e.note,
        "visit_id": e.visit_id,
        "sources": [
            [s.article_id, s.event_id, s.paragraph, s.start, s.end, s.summary, s.date_precision]
            for s in e.sources
        ],
        "groups": list(e.groups),
        "background": e.background,
    }


def entry_from_doc(doc: dict[str, Any]) -> TimelineEntry:
    from natojp_tui.core.timeline import Source, TimelineEntry

    return TimelineEntry(
        id=doc["id"],
        kind=doc["kind"],
        summary=doc["summary"],
        participants=list(doc["participants"]),
        place=doc["place"],
        date=to_date(doc["date"]),
        time=doc["time"],
        duration=doc["duration"],
        date_precision=doc["date_precision"],
        note=doc["note"],
        visit_id=doc["visit_id"],
        sources=[Source(*s) for s in doc["sources"]],
        groups=list(doc["groups"]),
        background=doc["background"],
    )


def visit_doc(v: Visit) -> dict[str, Any]:
    return {
        "id": v.id,
        "visitor": v.visitor,
        "host": v.host,
        "start": _iso(v.start),
        "end": _iso(v.end),
        "article_ids": list(v.article_ids),
        "event_ids": list(v.event_ids),
        "span_from_text": v.span_from_text,
    }


def visit_from_doc(doc: dict[str, Any]) -> Visit:
    from natojp_tui.core.timeline import Visit

    return Visit(
        id=doc["id"],
        visitor=doc["visitor"],
        host=doc["host"],
        start=to_date(doc["start"]),
        end=to_date(doc["end"]),
        article_ids=list(doc["article_ids"]),
        event_ids=list(doc["event_ids"]),
        span_from_text=doc["span_from_text"],
    )


def _offsets(blobs: Sequence[bytes]) -> array:
    off = array("Q", [0])
    total = 0
    for b in blobs:
        total += len(b)
        off.append(total)
    return off


def build(library: LibraryTimeline) -> bytes:
    """The file for ``library`` (its visits and every merged entry)."""
    entries = library.entries
    visits = library.visits
    number = {v.id: n for n, v in enumerate(visits)}
    of_visit: list[list[int]] = [[] for _ in visits]
    own: dict[str, list[int]] = {}
    for i, e in enumerate(entries):
        if e.visit_id is not None and e.visit_id in number:
            of_visit[number[e.visit_id]].append(i)
        for aid in dict.fromkeys(s.article_id for s in e.sources):
            own.setdefault(aid, []).append(i)
    told: dict[str, list[int]] = {}
    for n, v in enumerate(visits):
        for aid in dict.fromkeys(v.article_ids):
            told.setdefault(aid, []).append(n)
    aids = sorted({*own, *told})
    return _to_bytes(
        [aid.encode("utf-8") for aid in aids],
        [orjson.dumps([told.get(aid, []), own.get(aid, [])]) for aid in aids],
        [orjson.dumps([visit_doc(v), of_visit[n]]) for n, v in enumerate(visits)],
        [orjson.dumps(entry_doc(e)) for e in entries],
    )


def _to_bytes(
    ids: list[bytes], articles: list[bytes], visits: list[bytes], entries: list[bytes]
) -> bytes:
    width = max((len(i) for i in ids), default=1) or 1
    parts: dict[str, bytes] = {
        "aids": b"".join(i.ljust(width, b"\0") for i in ids),
        "ablob": b"".join(articles),
        "vblob": b"".join(visits),
        "eblob": b"".join(entries),
    }
    for name, blobs in (("aoff", articles), ("voff", visits), ("eoff", entries)):
        off = _offsets(blobs)
        if sys.byteorder != "little":
            off.byteswap()
        parts[name] = off.tobytes()
    counts = {"aids": len(ids), "aoff": len(ids) + 1, "voff": len(visits) + 1}
    counts["eoff"] = len(entries) + 1
    header: dict[str, Any] = {"width": width, "arrays": {}}
    body: list[bytes] = []
    offset = 0
    for name in _ARRAYS:
        data = parts[name]
        pad = -offset % 8
        body.append(b"\0" * pad)
        offset += pad
        header["arrays"][name] = [offset, counts.get(name, len(data))]
        body.append(data)
        offset += len(data)
    return frame(_MAGIC, header, body)


def empty() -> bytes:
    return _to_bytes([], [], [], [])


class _Ids(Sequence[bytes]):
    """The fixed-width id column as a sequence of bytes (what ``bisect`` searches)."""

    def __init__(self, view: memoryview, width: int, count: int) -> None:
        self.view, self.width, self.n = view, width, count

    def __len__(self) -> int:
        return self.n

    def __getitem__(self, i: Any) -> Any:
        w = self.width
        return bytes(self.view[i * w : (i + 1) * w])


class TimelineFile:
    """A saved timeline over bytes or a memory map; nothing is parsed until asked for."""

    def __init__(self, data: Any) -> None:
        """Raises ValueError when ``data`` is not a timeline file or its header is damaged."""
        view = memoryview(data)
        if bytes(view[: len(_MAGIC)]) != _MAGIC:
            raise ValueError("not a natojp timeline file")
        try:
            header, body = unframe(view, _MAGIC)
            self.width = int(header["width"])
            arrays: dict[str, memoryview] = {}
            for name in _ARRAYS:
                at, count = (int(x) for x in header["arrays"][name])
                if name.endswith("off"):
                    part = body[at : at + 8 * count]
                    if len(part) != 8 * count:
                        raise ValueError(f"{name} is cut short")
                    arrays[name] = part.cast("Q") if sys.byteorder == "little" else _swapped(part)
                elif name == "aids":
                    part = body[at : at + self.width * count]
                    if len(part) != self.width * count:
                        raise ValueError("aids is cut short")
                    arrays[name] = part
                    self._count = count
                else:
                    arrays[name] = body[at : at + count]
        except (KeyError, TypeError, ValueError, json.JSONDecodeError) as exc:
            raise ValueError(f"damaged timeline file: {exc}") from exc
        self._ids = _Ids(arrays["aids"], self.width, self._count)
        self._aoff, self._ablob = arrays["aoff"], arrays["ablob"]
        self._voff, self._vblob = arrays["voff"], arrays["vblob"]
        self._eoff, self._eblob = arrays["eoff"], arrays["eblob"]

    @staticmethod
    def _item(off: memoryview, blob: memoryview, i: int) -> Any:
        return orjson.loads(blob[off[i] : off[i + 1]])

    def _article(self, article_id: str) -> tuple[list[int], list[int]]:
        raw = article_id.encode("utf-8")
        if len(raw) > self.width:
            return [], []
        key = raw.ljust(self.width, b"\0")
        i = bisect.bisect_left(self._ids, key)
        if i >= len(self._ids) or self._ids[i] != key:
            return [], []
        visits, own = self._item(self._aoff, self._ablob, i)
        return visits, own

    def _visit(self, n: int) -> tuple[dict[str, Any], list[int]]:
        doc, entries = self._item(self._voff, self._vblob, n)
        return doc, entries

    def _entries(self, numbers: Iterable[int]) -> list[TimelineEntry]:
        return [entry_from_doc(self._item(self._eoff, self._eblob, i)) for i in numbers]

    # ------------------------------------------------------------------ answers
    def visits_of(self, article_id: str) -> list[Visit]:
        """The visits ``article_id`` tells of, in the library's visit order."""
        return [visit_from_doc(self._visit(n)[0]) for n in self._article(article_id)[0]]

    def entries_of(self, article_id: str) -> list[TimelineEntry]:
        """The article's own entries and every entry of the visits it tells of, in
        timeline order (``LibraryTimeline.select(article=...)``)."""
        visits, own = self._article(article_id)
        numbers = set(own)
        for n in visits:
            numbers.update(self._visit(n)[1])
        return self._entries(sorted(numbers))

    @property
    def visits(self) -> list[Visit]:
        return [visit_from_doc(self._visit(n)[0]) for n in range(len(self._voff) - 1)]

    @property
    def entries(self) -> list[TimelineEntry]:
        return self._entries(range(len(self._eoff) - 1))

    def problem(self) -> str | None:
        """What is inconsistent inside the file (offsets out of bounds, ids out of order)."""
        for off, blob, name in (
            (self._aoff, self._ablob, "article"),
            (self._voff, self._vblob, "visit"),
            (self._eoff, self._eblob, "entry"),
        ):
            if not len(off) or off[0] != 0 or off[-1] != len(blob):
                return f"{name} offsets do not cover the records"
            if any(off[i] > off[i + 1] for i in range(len(off) - 1)):
                return f"{name} offsets go backwards"
        if len(self._aoff) != len(self._ids) + 1:
            return "article offsets do not match the ids"
        ids = self._ids
        if any(ids[i] >= ids[i + 1] for i in range(len(ids) - 1)):
            return "article ids are not sorted"
        return None


def _swapped(part: memoryview) -> memoryview:
    values = array("Q", bytes(part))
    values.byteswap()
    return memoryview(values)
