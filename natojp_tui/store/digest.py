"""The digest: what the library-wide views need of each article, in one file.

``natojp timeline``, ``natojp visits``, ``natojp people`` and ``natojp events`` need of
every article its events, its visit mentions and how many of its quotes each person
said — never its text. Read from the shards, that meant reading every shard (the whole
library: 2–3 s at 10,000 articles). The ``digest`` family holds just that, one entry per
article, and is rewritten with the article list by each import::

    {"format": "natojp-digest/1",
     "articles": {"<article id>": {"events": [...], "visits": [...], "speakers": {"<person id>": n}}}}

Entries are checked when the file is read (a bad event is reported with the file and
its id, as in a shard). A library written before the digest has none: the views read
the shards as before, and the next import builds it from them once.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from natojp_tui.store.records import event_doc, event_problem, record_id, visit_doc
from natojp_tui.store.storage import CorruptFile

if TYPE_CHECKING:
    from natojp_tui.core.model import Article

FORMAT = "natojp-digest/1"
Entry = dict[str, Any]  # {"events": [event doc], "visits": [visit doc], "speakers": {id: n}}


def entry_of(article: Article) -> Entry:
    """An article's digest entry, from the article as analysed."""
    return {
        "events": [event_doc(e) for e in article.events],
        "visits": [visit_doc(v) for v in article.visits],
        "speakers": speaker_counts(
            {"speaker_id": q.speaker_id, "speaker_ids": q.speaker_ids} for q in article.quotes
        ),
    }


def entry_from_stored(
    meta: Mapping[str, Any], quotes: Iterable[Mapping[str, Any]], events: list[dict[str, Any]]
) -> Entry:
    """An article's digest entry, from what a shard holds (a library without a digest)."""
    visits = meta.get("visits")
    return {
        "events": list(events),
        "visits": list(visits) if isinstance(visits, list) else [],
        "speakers": speaker_counts(quotes),
    }


def speaker_counts(quotes: Iterable[Mapping[str, Any]]) -> dict[str, int]:
    """Quotes per person (a joint statement counts for each of its speakers)."""
    counts: dict[str, int] = {}
    for q in quotes:
        for pid in {q.get("speaker_id"), *(q.get("speaker_ids") or ())} - {None}:
            counts[pid] = counts.get(pid, 0) + 1
    return counts


class Digest:
    """The digest entries of a library, by article id."""

    def __init__(self, entries: dict[str, Entry] | None = None) -> None:
        self.entries: dict[str, Entry] = entries or {}

    def __len__(self) -> int:
        return len(self.entries)

    def replace(self, articles: Iterable[Article]) -> None:
        """Replace (or add) the entries of ``articles``."""
        for a in articles:
            self.entries[a.id] = entry_of(a)

    def items(self, ids: Iterable[str]) -> Iterator[tuple[str, Entry]]:
        """The entries of ``ids`` that have one, in that order."""
        for aid in ids:
            entry = self.entries.get(aid)
            if entry is not None:
                yield aid, entry

    def to_bytes(self) -> bytes:
        return orjson.dumps({"format": FORMAT, "articles": self.entries})

    @classmethod
    def from_bytes(cls, data: bytes, path: Path) -> Digest:
        """Parse and check a digest file; raises CorruptFile naming the bad entry."""
        try:
            doc = orjson.loads(data)
        except orjson.JSONDecodeError as exc:
            raise CorruptFile(path, f"not valid JSON ({exc})") from exc
        if not isinstance(doc, dict) or doc.get("format") != FORMAT:
            raise CorruptFile(path, "not a natojp digest")
        entries = doc.get("articles")
        if not isinstance(entries, dict):
            raise CorruptFile(path, "damaged digest (no articles)")
        for aid, entry in entries.items():
            problem = _entry_problem(entry)
            if problem:
                raise CorruptFile(path, f"article {aid} {problem}")
        return cls(entries)


def _entry_problem(entry: Any) -> str | None:
    if not isinstance(entry, dict):
        return "is not an object"
    events, visits, speakers = entry.get("events"), entry.get("visits"), entry.get("speakers")
    if not isinstance(events, list) or not isinstance(visits, list):
        return "has no list of events or visits"
    if not isinstance(speakers, dict) or not all(isinstance(n, int) for n in speakers.values()):
        return "has damaged quote counts"
    for doc in events:
        problem = event_problem(doc)
        if problem:
            return f"event {record_id(doc)} {problem}"
    if any(not isinstance(v, dict) or "host" not in v for v in visits):
        return "has a damaged visit mention"
    return None
