"""The compact article list and the catalog: one column per field, newest article first.

The reader's first screen needs only ``LIST_COLUMNS`` of every article, so they live in
their own small file read at open; what an import or ``find_article`` needs (the source
path, checksum, URL) is the catalog, read on first use. Columns (lists of equal length)
instead of one object per article make the file a third smaller and quick to parse.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import orjson

LIST_FORMAT = "natojp-articles/1"
CATALOG_FORMAT = "natojp-catalog/1"
LIST_COLUMNS = ("id", "title", "published", "updated", "source", "quotes", "events")
CATALOG_COLUMNS = ("id", "path", "checksum", "url")
_INTS = {"quotes", "events"}


class Columns:
    """Rows of equal-length columns kept in a fixed order, with an id lookup."""

    FORMAT = ""
    COLUMNS: tuple[str, ...] = ()

    def __init__(self, columns: dict[str, list[Any]] | None = None) -> None:
        self.columns: dict[str, list[Any]] = columns or {c: [] for c in self.COLUMNS}
        self._position: dict[str, int] | None = None
        self._scans = 0

    def __len__(self) -> int:
        return len(self.columns["id"])

    @property
    def ids(self) -> list[str]:
        return self.columns["id"]

    SCANS = 16  # lookups answered by a scan before the id -> position map is built

    def position(self, article_id: str) -> int | None:
        if self._position is None:
            # building the map costs ~10 ms at 100,000 articles, a scan of the id column
            # (in C) well under 1 ms: opening one article must not pay for the map
            self._scans += 1
            if self._scans <= self.SCANS:
                try:
                    return self.columns["id"].index(article_id)
                except ValueError:
                    return None
            self._position = {aid: i for i, aid in enumerate(self.columns["id"])}
        return self._position.get(article_id)

    def __contains__(self, article_id: object) -> bool:
        return isinstance(article_id, str) and self.position(article_id) is not None

    def row(self, i: int) -> dict[str, Any]:
        return {c: col[i] for c, col in self.columns.items()}

    def get(self, article_id: str) -> dict[str, Any] | None:
        i = self.position(article_id)
        return None if i is None else self.row(i)

    def rows(self) -> Iterator[dict[str, Any]]:
        for i in range(len(self)):
            yield self.row(i)

    def replace(self, remove: Iterable[str], add: Sequence[dict[str, Any]]) -> None:
        """Drop the rows of ``remove`` and add ``add`` (rows with at least the columns)."""
        gone = set(remove) | {r["id"] for r in add}
        keep = [i for i, aid in enumerate(self.columns["id"]) if aid not in gone]
        rows = [{c: col[i] for c, col in self.columns.items()} for i in keep]
        rows += [{c: r.get(c) for c in self.COLUMNS} for r in add]
        rows.sort(key=self.sort_key, reverse=self.REVERSE)
        self.columns = {c: [r[c] for r in rows] for c in self.COLUMNS}
        self._position = None

    REVERSE = False

    @staticmethod
    def sort_key(row: dict[str, Any]) -> Any:
        return row["id"]

    def to_bytes(self) -> bytes:
        return orjson.dumps({"format": self.FORMAT, "columns": self.columns})

    @classmethod
    def from_bytes(cls, data: bytes) -> Columns:
        """Parse and check the file; raises ValueError saying what is wrong."""
        try:
            doc = orjson.loads(data)
        except orjson.JSONDecodeError as exc:
            raise ValueError(f"not valid JSON ({exc})") from exc
        if not isinstance(doc, dict) or doc.get("format") != cls.FORMAT:
            raise ValueError(f"not a {cls.FORMAT} file")
        columns = doc.get("columns")
        if not isinstance(columns, dict) or any(c not in columns for c in cls.COLUMNS):
            raise ValueError("a column is missing")
        n = len(columns["id"]) if isinstance(columns["id"], list) else -1
        for name in cls.COLUMNS:
            col = columns[name]
            if not isinstance(col, list) or len(col) != n:
                raise ValueError(f"column {name!r} has the wrong length")
            allowed = {int} if name in _INTS else {str} if name == "id" else {str, type(None)}
            if not set(map(type, col)) <= allowed:  # fast check; then find the bad row
                bad = next(i for i, v in enumerate(col) if type(v) not in allowed)
                raise ValueError(f"article {columns['id'][bad]!r} has a bad {name!r}")
        if len(set(columns["id"])) != n:
            raise ValueError("an article id is listed twice")
        return cls({c: columns[c] for c in cls.COLUMNS})


class ArticleList(Columns):
    """What the article pane shows, newest first (published, then updated, then title)."""

    FORMAT = LIST_FORMAT
    COLUMNS = LIST_COLUMNS
    REVERSE = True

    @staticmethod
    def sort_key(row: dict[str, Any]) -> Any:
        return (row["published"] or "", row["updated"] or "", row["title"] or "")


class Catalog(Columns):
    """Where each article came from: source path, checksum of its bytes, URL."""

    FORMAT = CATALOG_FORMAT
    COLUMNS = CATALOG_COLUMNS

    def path_index(self) -> dict[str, str]:
        return {
            p: aid for aid, p in zip(self.columns["id"], self.columns["path"], strict=True) if p
        }

    def checksums(self) -> dict[str, str]:
        return dict(zip(self.columns["id"], self.columns["checksum"], strict=True))
