"""A shard file: the texts, quotes and events of the articles whose id hashes to one bucket.

Since schema 4 a shard is one JSON object whose articles can be read one at a time::

    {"format":"natojp-shard/2","index_end":      1234,
     "index":{"<article id>":[offset,length],…},
     "articles":{"<article id>":{"text":{…},"quotes":[…],"events":[…]},…}}

``index_end`` (padded to ten characters with spaces, so the header has a fixed length) is where the ``index``
object ends; each index entry is the byte span of that article's value, counted from
the start of the ``articles`` object. Opening one article reads the file (its size and
CRC-32 are checked against the manifest as for every family) but parses only the index
and that article's record, never the other hundred. The whole file is still valid
JSON. A rewrite copies the untouched articles' bytes as they are.

Shards written before schema 4 are TinyDB tables (``texts``, ``quotes``, ``events``):
they are read whole, as before, and written in the new form the next time they change.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from natojp_tui.store import library
from natojp_tui.store.records import (
    event_doc,
    event_problem,
    quote_doc,
    quote_problem,
    record_id,
    text_problem,
    text_row,
)
from natojp_tui.store.storage import CorruptFile

if TYPE_CHECKING:
    from natojp_tui.core.model import Article

FORMAT = "natojp-shard/2"
_HEAD = b'{"format":"' + FORMAT.encode() + b'","index_end":'
_DIGITS = 10
_INDEX_AT = len(_HEAD) + _DIGITS + len(b',"index":')
_ARTICLES = b',"articles":'

Entry = tuple[dict[str, Any], list[dict[str, Any]], list[dict[str, Any]]]  # text, quotes, events
CHECKS: tuple[tuple[str, Callable[[Any], str | None]], ...] = (
    ("quotes", quote_problem),
    ("events", event_problem),
)


def is_indexed(data: bytes | memoryview) -> bool:
    return bytes(data[: len(_HEAD)]) == _HEAD


def encode(records: Mapping[str, bytes]) -> bytes:
    """A shard file from each article's record (``{"text":…,"quotes":…,"events":…}`` bytes)."""
    index: dict[str, list[int]] = {}
    parts = [b"{"]
    at = 1
    for n, (aid, blob) in enumerate(records.items()):
        key = (b"," if n else b"") + orjson.dumps(aid) + b":"
        parts += [key, blob]
        at += len(key)
        index[aid] = [at, len(blob)]
        at += len(blob)
    parts.append(b"}")
    index_json = orjson.dumps(index)
    end = _INDEX_AT + len(index_json)
    head = _HEAD + b"%*d" % (_DIGITS, end) + b',"index":'
    return b"".join([head, index_json, _ARTICLES, *parts, b"}"])


def encode_entries(entries: Mapping[str, Entry]) -> bytes:
    """A shard file from decoded entries (tests and tools build damaged ones with it)."""
    return encode({aid: _record(*entry) for aid, entry in entries.items()})


def _record(text: dict[str, Any], quotes: list[dict], events: list[dict]) -> bytes:
    return orjson.dumps({"text": text, "quotes": quotes, "events": events})


class ShardArticles(Mapping[str, Entry]):
    """Article id -> (text, quotes, events), each article decoded and checked when first read."""

    __slots__ = ("_decoded", "_raw", "_shard")

    def __init__(self, shard: Shard, raw: dict[str, bytes | memoryview]) -> None:
        self._shard = shard
        self._raw = raw
        self._decoded: dict[str, Entry] = {}

    def __getitem__(self, aid: str) -> Entry:
        entry = self._decoded.get(aid)
        if entry is None:
            blob = self._raw[aid]  # KeyError: not in this shard
            entry = self._shard.decode(aid, blob)
            self._decoded[aid] = entry
        return entry

    def __iter__(self) -> Iterator[str]:
        return iter(self._raw)

    def __len__(self) -> int:
        return len(self._raw)

    def __contains__(self, aid: object) -> bool:
        return aid in self._raw


class Shard:
    """One shard: its articles' records, read one at a time (see the module's docstring)."""

    __slots__ = ("by_article", "key", "path")

    def __init__(self, key: str, raw: dict[str, bytes | memoryview], path: Path | None = None):
        self.key = key
        self.path = path or Path(key)
        self.by_article = ShardArticles(self, raw)

    @classmethod
    def parse(cls, key: str, data: bytes, path: Path, *, full: bool = False) -> Shard:
        """A shard from its file's bytes; ``full`` decodes and checks every record now
        (repair), otherwise each article is checked when it is first read. Raises
        :class:`CorruptFile` naming the file (and the record)."""
        if not is_indexed(data):
            shard = cls._from_tables(key, library.parse_json_tables(data, path), path)
        else:
            shard = cls(key, _split(data, path), path)
        if full:
            shard.decode_all()
        return shard

    def decode_all(self) -> None:
        """Decode and check every record now (raises :class:`CorruptFile`)."""
        for aid in self.by_article:
            self.by_article.get(aid)

    @classmethod
    def _from_tables(cls, key: str, tables: dict[str, dict[str, Any]], path: Path) -> Shard:
        """A shard written before schema 4 (TinyDB tables), checked and grouped at once."""
        for table, check in (("texts", text_problem), *CHECKS):
            for doc_id, doc in tables.get(table, {}).items():
                problem = check(doc)
                if problem:
                    raise CorruptFile(path, f"{table} record {doc_id} ({record_id(doc)}) {problem}")
        grouped: dict[str, Entry] = {}
        for doc in tables.get("texts", {}).values():
            grouped[doc["article_id"]] = (doc, [], [])
        for table in ("quotes", "events"):
            for doc in tables.get(table, {}).values():
                entry = grouped.get(doc["article_id"])
                if entry is not None:  # a quote whose article has no text row is ignored
                    (entry[1] if table == "quotes" else entry[2]).append(doc)
        shard = cls(key, {aid: b"" for aid in grouped}, path)
        shard.by_article._decoded.update(grouped)
        return shard

    def decode(self, aid: str, blob: bytes | memoryview) -> Entry:
        try:
            doc = orjson.loads(blob)
        except orjson.JSONDecodeError as exc:
            raise CorruptFile(
                self.path, f"article {aid}'s record is not valid JSON ({exc})"
            ) from exc
        if not isinstance(doc, dict):
            raise CorruptFile(self.path, f"article {aid}'s record is not an object")
        text: Any = doc.get("text")
        quotes, events = doc.get("quotes", []), doc.get("events", [])
        problem = text_problem(text)
        if problem or not isinstance(text, dict):
            raise CorruptFile(
                self.path, f"texts record of article {aid} ({record_id(text)}) {problem}"
            )
        if text["article_id"] != aid:
            raise CorruptFile(
                self.path, f"article {aid}'s record holds article {text['article_id']}"
            )
        for table, docs, check in (
            ("quotes", quotes, quote_problem),
            ("events", events, event_problem),
        ):
            if not isinstance(docs, list):
                raise CorruptFile(self.path, f"article {aid}'s {table} are not a list")
            for n, d in enumerate(docs, 1):
                problem = check(d)
                if problem is None and d["article_id"] != aid:
                    problem = f"belongs to article {d['article_id']}"
                if problem:
                    raise CorruptFile(self.path, f"{table} record {n} ({record_id(d)}) {problem}")
        return text, quotes, events

    def replace(self, remove: set[str], add: Sequence[Article], when: dict[str, str]) -> None:
        """Drop every record of ``remove`` and add ``add``'s (untouched records keep their bytes)."""
        old = self.by_article
        raw = {aid: blob for aid, blob in self._blobs() if aid not in remove}
        for a in add:
            raw[a.id] = _record(
                text_row(a, when[a.id]),
                [quote_doc(q) for q in a.quotes],
                [event_doc(e) for e in a.events],
            )
        self.by_article = ShardArticles(self, raw)
        added = {a.id for a in add}
        for aid, entry in old._decoded.items():
            if aid in raw and aid not in remove and aid not in added:
                self.by_article._decoded[aid] = entry

    def _blobs(self) -> Iterator[tuple[str, bytes | memoryview]]:
        """Each article's record bytes (a schema-3 shard's decoded records encoded)."""
        articles = self.by_article
        for aid, blob in articles._raw.items():
            yield aid, blob if len(blob) else _record(*articles._decoded[aid])

    def to_bytes(self) -> bytes:
        return encode({aid: bytes(b) for aid, b in self._blobs()})


def _split(data: bytes, path: Path) -> dict[str, bytes | memoryview]:
    """Each article's record bytes, from the index (bounds checked; parsed later)."""
    try:
        end = int(data[len(_HEAD) : len(_HEAD) + _DIGITS])
        if (
            data[len(_HEAD) + _DIGITS : _INDEX_AT] != b',"index":'
            or data[end : end + len(_ARTICLES)] != _ARTICLES
        ):
            raise ValueError("bad header")
        index = orjson.loads(data[_INDEX_AT:end])
        base = end + len(_ARTICLES)
        view = memoryview(data)
        raw: dict[str, bytes | memoryview] = {}
        for aid, (off, size) in index.items():
            start = base + int(off)
            if not (isinstance(aid, str) and base < start and start + int(size) < len(data)):
                raise ValueError(f"article {aid} points outside the file")
            raw[aid] = view[start : start + int(size)]
    except (ValueError, TypeError, orjson.JSONDecodeError) as exc:
        raise CorruptFile(path, f"damaged shard index ({exc})") from exc
    return raw
