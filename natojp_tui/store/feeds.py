"""Feed subscriptions, seen items and fetched pages: ``web/feeds.json`` in the database folder.

A small file of its own (not a table family): subscribing or marking items seen never
rewrites the article files, and ``repair`` (which moves the families aside) leaves it
where it is. The pages fetched from the web are kept beside it in ``web/pages/`` as
the source files of their articles, so a rebuild reads them like any imported file.

Every change is a locked read-modify-write (``web/.lock``) replaced atomically; a
damaged file is reported with its path and left untouched.
"""

from __future__ import annotations

import contextlib
import copy
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson

from natojp_tui.locations import WEB_PAGES_DIR
from natojp_tui.store.storage import atomic_write_bytes

LOCK_TIMEOUT = 60.0
FORMAT = 1
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")


class FeedBookError(Exception):
    """A problem with the feed file or a subscription, in one line."""


def now_utc() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def valid_name(name: str) -> bool:
    """Feed names are short words: letters, digits, ``.``, ``_`` and ``-``."""
    return bool(_NAME.fullmatch(name))


def _empty() -> dict[str, Any]:
    return {"format": FORMAT, "feeds": [], "pages": {}, "fresh": []}


class FeedBook:
    """The feed state of one database folder."""

    def __init__(self, db_folder: str | Path) -> None:
        self.folder = Path(db_folder) / WEB_PAGES_DIR[0]
        self.path = self.folder / "feeds.json"
        self.pages_dir = self.folder / WEB_PAGES_DIR[1]
        self._file_lock: Any = None  # made on the first write (filelock loads then)

    @property
    def _lock(self) -> Any:
        """The feed file's lock, made on the first write."""
        if self._file_lock is None:
            from filelock import FileLock

            self._file_lock = FileLock(str(self.folder / ".lock"), timeout=LOCK_TIMEOUT)
        return self._file_lock

    # ------------------------------------------------------------------ reading
    def read(self) -> dict[str, Any]:
        """The whole state (a missing file is an empty one)."""
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return _empty()
        except OSError as exc:
            raise FeedBookError(f"{self.path}: cannot be read ({exc.strerror or exc})") from exc
        try:
            data = orjson.loads(raw)
        except orjson.JSONDecodeError as exc:
            raise FeedBookError(
                f"{self.path}: not valid JSON ({exc}); the file was left untouched "
                f"(the previous copy is {self.path.name}.bak)"
            ) from exc
        if not (
            isinstance(data, dict)
            and isinstance(data.get("feeds"), list)
            and isinstance(data.get("pages"), dict)
        ):
            raise FeedBookError(f"{self.path}: not a natojp feed file; the file was left untouched")
        if not isinstance(data.get("format"), int) or data["format"] > FORMAT:
            raise FeedBookError(
                f"{self.path}: written by a newer natojp-tui (format {data.get('format')!r}); "
                "upgrade natojp-tui to use it"
            )
        data.setdefault("fresh", [])
        return data

    def feeds(self) -> list[dict[str, Any]]:
        """Subscriptions in the order they were added (without their seen items)."""
        return [
            {k: v for k, v in f.items() if k not in ("seen", "tries")} for f in self.read()["feeds"]
        ]

    def feed(self, name: str) -> dict[str, Any] | None:
        return next((f for f in self.read()["feeds"] if f["name"] == name), None)

    def page(self, url: str) -> dict[str, Any] | None:
        """What the last fetch of ``url`` recorded (article id, ETag, Last-Modified, time)."""
        return self.read()["pages"].get(url)

    def fresh(self) -> list[str]:
        """Ids of articles a fetch imported that the reader has not opened yet."""
        return list(self.read()["fresh"])

    # ------------------------------------------------------------------ writing
    @contextlib.contextmanager
    def editing(self) -> Iterator[dict[str, Any]]:
        """Lock, read the current state, let the caller change it, write it back atomically."""
        from filelock import Timeout

        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            self._lock.acquire()
        except Timeout as exc:
            raise FeedBookError(
                f"{self.folder}: another natojp process holds the feed lock (waited {LOCK_TIMEOUT:.0f} s)"
            ) from exc
        except OSError as exc:
            raise FeedBookError(f"{self.folder}: cannot lock ({exc.strerror or exc})") from exc
        try:
            data = self.read()
            before = copy.deepcopy(data)
            yield data
            if data != before:
                try:
                    atomic_write_bytes(self.path, orjson.dumps(data))
                except OSError as exc:
                    raise FeedBookError(
                        f"{self.path}: cannot write ({exc.strerror or exc}); the previous file is intact"
                    ) from exc
        finally:
            self._lock.release()

    def add_feed(self, url: str, name: str) -> dict[str, Any]:
        """Subscribe to ``url`` as ``name``; refuses a taken name or a url already subscribed."""
        if not valid_name(name):
            raise FeedBookError(
                f"{name!r} is not a feed name (letters, digits, '.', '_' or '-'; at most 64)"
            )
        with self.editing() as data:
            for f in data["feeds"]:
                if f["name"] == name:
                    raise FeedBookError(f"a feed named {name!r} exists already ({f['url']})")
                if f["url"] == url:
                    raise FeedBookError(f"{url} is subscribed already as {f['name']!r}")
            feed = {"name": name, "url": url, "added": now_utc(), "seen": {}, "tries": {}}
            data["feeds"].append(feed)
        return {k: v for k, v in feed.items() if k not in ("seen", "tries")}

    def remove_feed(self, name: str) -> dict[str, Any]:
        """Unsubscribe; the articles it brought stay in the library."""
        with self.editing() as data:
            for n, f in enumerate(data["feeds"]):
                if f["name"] == name:
                    del data["feeds"][n]
                    return {k: v for k, v in f.items() if k not in ("seen", "tries")}
        raise FeedBookError(f"no feed named {name!r} (see 'natojp feeds list')")

    def record_page(self, url: str, record: dict[str, Any]) -> None:
        with self.editing() as data:
            data["pages"][url] = record

    def mark_read(self, article_id: str) -> None:
        """The reader opened an article: it is no longer new."""
        if article_id not in self.fresh():
            return
        with self.editing() as data:
            data["fresh"] = [a for a in data["fresh"] if a != article_id]

    def save_page(
        self, article_id: str, suffix: str, data: bytes, source: dict[str, Any] | None = None
    ) -> Path:
        """Keep a fetched page's bytes as its article's source file (atomic), and beside it
        ``<id>.source.json`` with ``source`` (the url, the feed's date) for a rebuild."""
        from natojp_tui.ingest import web_page_sidecar  # the import pipeline: not at start-up

        self.pages_dir.mkdir(parents=True, exist_ok=True)
        path = self.pages_dir / f"{article_id}{suffix}"
        sidecar = web_page_sidecar(path)
        if source is not None:
            atomic_write_bytes(sidecar, orjson.dumps(source), keep_backup=False)
        atomic_write_bytes(path, data, keep_backup=False)
        for old in self.pages_dir.glob(f"{article_id}.*"):
            if old not in (path, sidecar):
                with contextlib.suppress(OSError):
                    old.unlink()  # the url now serves another type (a page became a PDF)
        return path
