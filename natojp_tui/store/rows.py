"""The search rows file: what a search result needs, fetched by id without the quote shards.

Saved beside the search index in every generation. It holds each quote's stored document
and, per article, what a result row and a citation need (title, date, source, URL, the
people it names and the events that carry a place), so the reader's search and
``natojp quotes`` / ``export`` never read the quote family.

Layout (little-endian, arrays 8-byte aligned): magic, 8-byte header length, a JSON
header, then the arrays ``qids`` (sorted quote ids, fixed width), ``qoff`` and ``qblob``
(row *i* is the JSON of ``qblob[qoff[i]:qoff[i+1]]``), ``qart`` (the row's article, an
index into ``aids``), ``aids``, ``aoff`` and ``ablob`` likewise. A lookup is a binary
search in the memory-mapped ``qids``: nothing is parsed until a row is asked for.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import numpy as np
import orjson

from natojp_tui.core.framing import frame, unframe

_MAGIC = b"NATOJP-ROWS\x00v1\n"
_ARRAYS = ("qids", "qoff", "qblob", "qart", "aids", "aoff", "ablob")


def _ids_array(ids: list[bytes]) -> np.ndarray:
    width = max((len(i) for i in ids), default=1) or 1
    return np.array(ids, dtype=f"S{width}")


def _gather(blob: np.ndarray, starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """The byte ranges ``blob[starts[i]:starts[i]+lengths[i]]`` one after another: sliced
    and joined as bytes (an index array of every byte would cost eight bytes of memory
    and a gather per byte of the rows: 400 MB at 10,000 articles)."""
    if not len(lengths):
        return np.zeros(0, dtype=np.uint8)
    ends = starts + lengths
    if len(starts) == 1 or bool((starts[1:] == ends[:-1]).all()):  # already in order
        return np.asarray(blob[int(starts[0]) : int(ends[-1])])
    raw = memoryview(np.ascontiguousarray(blob).data).cast("B")
    joined = b"".join([raw[s:e] for s, e in zip(starts.tolist(), ends.tolist(), strict=True)])
    return np.frombuffer(joined, dtype=np.uint8)


def _pack(blobs: list[bytes]) -> tuple[np.ndarray, np.ndarray]:
    lengths = np.fromiter(map(len, blobs), np.int64, len(blobs))
    offsets = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64)
    return offsets, np.frombuffer(b"".join(blobs), dtype=np.uint8)


class SearchRows:
    """A loaded rows file (over bytes or a memory map)."""

    def __init__(self, arrays: dict[str, np.ndarray], tag: str) -> None:
        self.qids, self.qoff, self.qblob = arrays["qids"], arrays["qoff"], arrays["qblob"]
        self.qart, self.aids = arrays["qart"], arrays["aids"]
        self.aoff, self.ablob = arrays["aoff"], arrays["ablob"]
        self.tag = tag

    # ------------------------------------------------------------------ reading
    @classmethod
    def from_buffer(cls, data: Any) -> SearchRows:
        """Map a saved file; raises ValueError when it is not one or its header is damaged."""
        view = memoryview(data)
        if bytes(view[: len(_MAGIC)]) != _MAGIC:
            raise ValueError("not a natojp search rows file")
        try:
            header, body = unframe(view, _MAGIC)
            arrays = {}
            for name in _ARRAYS:
                at, dtype, count = header["arrays"][name]
                arrays[name] = np.frombuffer(body, dtype=np.dtype(dtype), count=count, offset=at)
            return cls(arrays, str(header.get("tag", "")))
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"damaged search rows file: {exc}") from exc

    def __len__(self) -> int:
        return len(self.qids)

    def touch(self) -> None:
        """Read the lookup arrays' pages now (ids and offsets, a few MB per 100,000 quotes),
        so the first search does not wait for the disk on every hit; the rows themselves
        are read as they are fetched."""
        for array in (self.qids, self.qoff, self.aids, self.aoff):
            raw = array.view(np.uint8)
            if len(raw):
                int(raw[::4096].sum())

    @staticmethod
    def _find(ids: np.ndarray, key: str) -> int | None:
        raw = key.encode("utf-8")
        if not len(ids) or len(raw) > ids.dtype.itemsize:
            return None
        i = int(np.searchsorted(ids, raw))
        return i if i < len(ids) and ids[i] == raw else None

    def quote(self, quote_id: str) -> dict[str, Any] | None:
        i = self._find(self.qids, quote_id)
        if i is None:
            return None
        return orjson.loads(self.qblob[self.qoff[i] : self.qoff[i + 1]].tobytes())

    def article(self, article_id: str) -> dict[str, Any] | None:
        i = self._find(self.aids, article_id)
        if i is None:
            return None
        return orjson.loads(self.ablob[self.aoff[i] : self.aoff[i + 1]].tobytes())

    def quote_ids(self) -> Iterator[str]:
        for raw in self.qids.tolist():
            yield raw.decode("utf-8")

    def article_ids(self) -> list[str]:
        return [raw.decode("utf-8") for raw in self.aids.tolist()]

    def problem(self) -> str | None:
        """What is inconsistent inside the file (ids out of order, offsets out of bounds)."""
        for ids, off, blob, name in (
            (self.qids, self.qoff, self.qblob, "quote"),
            (self.aids, self.aoff, self.ablob, "article"),
        ):
            if len(off) != len(ids) + 1 or (len(off) and (off[0] != 0 or off[-1] != len(blob))):
                return f"{name} offsets do not cover the rows"
            if len(off) > 1 and bool((np.diff(off) < 0).any()):
                return f"{name} offsets go backwards"
            if len(ids) > 1 and bool((ids[1:] <= ids[:-1]).any()):
                return f"{name} ids are not sorted"
        if len(self.qart) != len(self.qids) or (
            len(self.qart) and (int(self.qart.min()) < 0 or int(self.qart.max()) >= len(self.aids))
        ):
            return "a quote row points at no article"
        return None

    # ------------------------------------------------------------------ writing
    @staticmethod
    def build(
        old: SearchRows | None,
        drop_articles: Iterable[str],
        quotes: Iterable[dict[str, Any]],
        articles: dict[str, dict[str, Any]],
        tag: str,
    ) -> bytes:
        """The rows of ``old`` minus ``drop_articles``, plus ``quotes`` of ``articles``."""
        drop = {a.encode("utf-8") for a in drop_articles} | {a.encode() for a in articles}
        new_q = sorted(((q["id"].encode(), q) for q in quotes), key=lambda p: p[0])
        new_a = sorted((a.encode(), doc) for a, doc in articles.items())
        q_ids: list[np.ndarray] = []
        q_blob_parts: list[np.ndarray] = []
        q_lengths: list[np.ndarray] = []
        q_art_ids: list[np.ndarray] = []
        a_ids: list[np.ndarray] = []
        a_blob_parts: list[np.ndarray] = []
        a_lengths: list[np.ndarray] = []
        if old is not None and len(old.aids):
            keep_a = (
                ~np.isin(old.aids, np.array(sorted(drop), dtype=old.aids.dtype)) if drop else None
            )
            keep_a = np.ones(len(old.aids), dtype=bool) if keep_a is None else keep_a
            keep_q = keep_a[old.qart] if len(old.qart) else np.zeros(0, dtype=bool)
            for ids, off, blob, keep, id_out, blob_out, len_out in (
                (old.qids, old.qoff, old.qblob, keep_q, q_ids, q_blob_parts, q_lengths),
                (old.aids, old.aoff, old.ablob, keep_a, a_ids, a_blob_parts, a_lengths),
            ):
                idx = np.flatnonzero(keep)
                lengths = (off[1:] - off[:-1])[idx]
                id_out.append(np.asarray(ids[idx]).astype(object))
                blob_out.append(_gather(np.asarray(blob), off[:-1][idx], lengths))
                len_out.append(lengths)
            q_art_ids.append(np.asarray(old.aids[old.qart[keep_q]]).astype(object))
        q_ids.append(np.array([k for k, _ in new_q], dtype=object))
        q_docs = [orjson.dumps(q) for _, q in new_q]
        q_blob_parts.append(np.frombuffer(b"".join(q_docs), dtype=np.uint8))
        q_lengths.append(np.fromiter(map(len, q_docs), np.int64, len(q_docs)))
        q_art_ids.append(np.array([q["article_id"].encode() for _, q in new_q], dtype=object))
        a_ids.append(np.array([k for k, _ in new_a], dtype=object))
        a_docs = [orjson.dumps(d) for _, d in new_a]
        a_blob_parts.append(np.frombuffer(b"".join(a_docs), dtype=np.uint8))
        a_lengths.append(np.fromiter(map(len, a_docs), np.int64, len(a_docs)))

        def ordered(ids_parts, blob_parts, length_parts):
            ids = np.concatenate(ids_parts) if ids_parts else np.zeros(0, dtype=object)
            lengths = np.concatenate(length_parts).astype(np.int64)
            blob = np.concatenate(blob_parts) if blob_parts else np.zeros(0, dtype=np.uint8)
            starts = np.concatenate([[0], np.cumsum(lengths)[:-1]]).astype(np.int64)
            fixed = _ids_array(ids.tolist())
            order = np.argsort(fixed, kind="stable")
            lengths = lengths[order]
            blob = _gather(blob, starts[order], lengths)
            offsets = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64)
            return fixed[order], offsets, blob, order

        qids, qoff, qblob, q_order = ordered(q_ids, q_blob_parts, q_lengths)
        aids, aoff, ablob, _ = ordered(a_ids, a_blob_parts, a_lengths)
        owners = np.concatenate(q_art_ids) if q_art_ids else np.zeros(0, dtype=object)
        owners = _ids_array(owners[q_order].tolist()) if len(owners) else owners
        qart = np.searchsorted(aids, owners.astype(aids.dtype)) if len(owners) else np.zeros(0)
        if len(qart) and (qart.max() >= len(aids) or bool((aids[qart] != owners).any())):
            raise ValueError("a quote row's article has no article row")
        return _to_bytes(
            {
                "qids": qids, "qoff": qoff, "qblob": qblob, "qart": qart.astype(np.int32),
                "aids": aids, "aoff": aoff, "ablob": ablob,
            },
            tag,
        )  # fmt: skip


def _to_bytes(arrays: dict[str, np.ndarray], tag: str) -> bytes:
    header: dict[str, Any] = {"tag": tag, "arrays": {}}
    blobs: list[bytes] = []
    offset = 0
    for name in _ARRAYS:
        array = np.ascontiguousarray(arrays[name])
        if array.dtype.kind in "iu":
            array = array.astype(array.dtype.newbyteorder("<"), copy=False)
        pad = -offset % 8
        blobs.append(b"\0" * pad)
        offset += pad
        header["arrays"][name] = [offset, array.dtype.str, len(array)]
        blobs.append(array.tobytes())
        offset += array.nbytes
    return frame(_MAGIC, header, blobs)


def empty_rows(tag: str) -> bytes:
    return SearchRows.build(None, (), (), {}, tag)
