"""Helpers for tests that look at a library folder's files (not a test module)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson

from natojp_tui.core.model import Article
from natojp_tui.store.records import article_row, event_doc, person_doc, quote_doc


def manifest(db: Path) -> dict[str, Any]:
    return orjson.loads((db / "manifest.json").read_bytes())


def family_path(db: Path, key: str) -> Path:
    """The file of family ``key`` ("articles", "user", "shard/0a3", …) in the current generation."""
    return db / manifest(db)["files"][key][0]


def shard_paths(db: Path) -> list[Path]:
    return [
        db / name
        for key, (name, *_rest) in manifest(db)["files"].items()
        if key.startswith("shard/")
    ]


def as_schema_4(db: Path) -> None:
    """Rewrite a library as schema 4 wrote it: the journal folded into the user file (no
    journal), the search index without the word ranks phrases read."""
    import zlib

    from natojp_tui.core import search
    from natojp_tui.store import journal

    def ref(name: str, data: bytes) -> list:
        (db / name).write_bytes(data)
        return [name, len(data), zlib.crc32(data) & 0xFFFFFFFF]

    as_schema_5(db)
    doc = manifest(db)
    held = db / doc["files"].pop("journal")[0]
    latest, _end = journal._last_record(held.read_bytes())
    held.unlink()
    stamp = f"{doc['generation']:06d}.{doc['commit']}"
    if latest is not None:
        doc["files"]["user"] = ref(f"user.{stamp}.json", latest)
    if "search" in doc["files"]:
        name = doc["files"]["search"][0]
        index = search.SearchIndex.from_bytes((db / name).read_bytes(), fetch=None)  # type: ignore[arg-type]
        saved = search._ARRAYS
        search._ARRAYS = tuple(a for a in saved if a not in search._DERIVED)
        try:
            data = index.to_bytes(tag=index.tag)
        finally:
            search._ARRAYS = saved
        (db / name).unlink()
        doc["files"]["search"] = ref(name, data)
    doc["schema"] = 4
    (db / "manifest.json").write_bytes(orjson.dumps(doc))


def as_schema_5(db: Path) -> None:
    """Rewrite a library as schema 5 wrote it: no timeline family."""
    doc = manifest(db)
    gone = doc["files"].pop("timeline", None)
    if gone is not None:
        (db / gone[0]).unlink()
    doc["schema"] = 5
    (db / "manifest.json").write_bytes(orjson.dumps(doc))


def files(db: Path) -> dict[str, bytes]:
    """Every regular file of the folder (not the lock), by name."""
    return {p.name: p.read_bytes() for p in db.iterdir() if p.is_file() and p.name != ".lock"}


def write_legacy(db: Path, articles: list[Article], stars: list[str], schema: int = 2) -> None:
    """A database as the one-file-per-family store (schema 1 and 2) wrote it."""
    db.mkdir(parents=True, exist_ok=True)
    now = "2024-01-01T00:00:00"

    def table(docs: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
        return {str(i): d for i, d in enumerate(docs, 1)}

    texts = [
        {"article_id": a.id, "path": a.path, "paragraphs": [[p.kind, p.text] for p in a.paragraphs]}
        for a in articles
    ]
    if schema == 1:
        for t in texts:
            del t["path"]
    families = {
        "articles": {
            "articles": table([article_row(a, now) for a in articles]),
            "meta": table([{"schema": schema, "created": now}]),
        },
        "texts": {"texts": table(texts)},
        "quotes": {"quotes": table([quote_doc(q) for a in articles for q in a.quotes])},
        "events": {"events": table([event_doc(e) for a in articles for e in a.events])},
        "people": {"people": table([person_doc(p) for a in articles for p in a.people])},
        "user": {
            "stars": table(
                [{"quote_id": s, "article_id": s.split(":")[0], "at": now} for s in stars]
            ),
            "state": table([{"key": "theme", "value": "nord"}]),
        },
    }
    for name, tables in families.items():
        (db / f"{name}.json").write_bytes(orjson.dumps(tables))
