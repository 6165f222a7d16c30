"""The article store: every read and write of the TinyDB database goes through here.

A database is a folder of JSON files, one per table family, so that starring a quote
does not rewrite the article texts:

=================  ====================================================
``articles.json``  tables ``articles`` (metadata and counts) and ``meta``
``texts.json``     table ``texts`` (paragraphs of each article)
``quotes.json``    table ``quotes``
``events.json``    table ``events``
``people.json``    table ``people`` (merged across articles)
``user.json``      tables ``stars`` and ``state`` (user data)
=================  ====================================================

Writers hold a file lock (``.lock``) across load-modify-write and write each family
once per batch. An import writes ``articles.json`` last: an article is recorded only
once its texts, quotes and events are on disk, so an import killed mid-way is
completed by running it again (quotes of an unrecorded article are ignored on load).
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout
from tinydb import TinyDB

from natojp_tui.core.model import Article, Event, Paragraph, Person, Quote, Role, to_jsonable
from natojp_tui.core.readers import ArticleError
from natojp_tui.store.storage import AtomicJSONStorage, CorruptFile

SCHEMA_VERSION = 2  # see store/migrations.py for the history
FAMILIES = ("articles", "texts", "quotes", "events", "people", "user")
LOCK_TIMEOUT = 60.0

ProgressFn = Callable[[int, int, str], None]


class StoreError(Exception):
    """A database problem to report in one line (path and problem), never a traceback."""


@dataclass(slots=True)
class ImportReport:
    """What an import did, file by file."""

    imported: list[str] = field(default_factory=list)  # article ids
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)

    @property
    def ok(self) -> bool:
        return not self.failed

    def summary(self) -> str:
        return (
            f"{len(self.imported)} imported, {len(self.updated)} updated, "
            f"{len(self.unchanged)} unchanged, {len(self.failed)} failed"
        )


def _iso(value: date | datetime | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.isoformat(timespec="minutes")
    return value.isoformat()


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _datetime(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def quote_from_doc(doc: dict[str, Any]) -> Quote:
    fields = Quote.__dataclass_fields__
    return Quote(**{k: v for k, v in doc.items() if k in fields})


def event_from_doc(doc: dict[str, Any]) -> Event:
    fields = Event.__dataclass_fields__
    data = {k: v for k, v in doc.items() if k in fields}
    data["date"] = _date(data.get("date"))
    data["participants"] = list(data.get("participants") or [])
    return Event(**data)


def person_from_doc(doc: dict[str, Any]) -> Person:
    roles = [
        Role(title=r["title"], organisation=r.get("organisation"), as_of=_date(r.get("as_of")), article_id=r.get("article_id"))
        for r in doc.get("roles", [])
    ]
    return Person(id=doc["id"], name=doc["name"], aliases=list(doc.get("aliases", [])), roles=roles, gender=doc.get("gender"))


class Store:
    """A natojp database folder. Open with :meth:`Store.open`."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self._lock = FileLock(str(self.path / ".lock"), timeout=LOCK_TIMEOUT)
        self._dbs: dict[str, TinyDB] = {}
        self._article_doc: dict[str, int] = {}
        self._quote_docs: dict[str, list[int]] = {}
        self._search: Any = None
        self.backup: Path | None = None  # where a migration copied the old files

    # ------------------------------------------------------------------ opening
    @classmethod
    def open(cls, path: str | os.PathLike[str], *, create: bool = True) -> Store:
        """Open (creating if asked) a database folder; raises :class:`StoreError`."""
        store = cls(path)
        folder = store.path
        if folder.exists() and not folder.is_dir():
            raise StoreError(f"{folder}: not a database folder (it is a file); use --db with a folder path")
        if not folder.exists():
            if not create:
                raise StoreError(f"{folder}: no database here")
            try:
                folder.mkdir(parents=True)
            except OSError as exc:
                raise StoreError(f"{folder}: cannot create the database folder ({exc.strerror or exc})") from exc
        for family in FAMILIES:
            storage_path = folder / f"{family}.json"
            store._dbs[family] = TinyDB(storage_path, storage=AtomicJSONStorage, create_dirs=False)
        store._load_all()
        return store

    def _storage(self, family: str) -> AtomicJSONStorage:
        return self._dbs[family].storage  # type: ignore[return-value]

    def _load_all(self) -> None:
        for family in FAMILIES:
            self._load_family(family)
        version = self._check_schema()
        if version is not None and version < SCHEMA_VERSION:
            self._migrate(version)
        self._reindex()

    def _migrate(self, version: int) -> None:
        """Upgrade an older database in place, after copying it to a backup folder."""
        from natojp_tui.store.migrations import backup_folder, migrate

        with self._writing(FAMILIES):
            self.backup = backup_folder(self.path, version)
            families = {f: self._tables(f) for f in FAMILIES}
            migrate(families, version, SCHEMA_VERSION)
            meta = self._dbs["articles"].table("meta")
            meta.update({"schema": SCHEMA_VERSION, "migrated_from": version})
            for family in FAMILIES:
                self._storage(family)._dirty = True

    def _load_family(self, family: str) -> None:
        try:
            self._storage(family).load()
        except CorruptFile as exc:
            raise StoreError(
                f"{exc.path}: {exc.problem}; the file was left untouched — run 'natojp repair' to move it aside and rebuild"
            ) from exc
        self._dbs[family].clear_cache()

    def _check_schema(self) -> int | None:
        """The database's schema version (None for a new one); refuses newer ones."""
        meta = self._tables("articles").get("meta", {})
        version = next((d.get("schema") for d in meta.values() if "schema" in d), None)
        if version is None:
            return None
        if not isinstance(version, int) or version > SCHEMA_VERSION or version < 1:
            raise StoreError(
                f"{self.path / 'articles.json'}: written by a newer natojp-tui (schema {version}; "
                f"this version reads up to {SCHEMA_VERSION}); upgrade natojp-tui to open it"
            )
        return version

    def _tables(self, family: str) -> dict[str, dict[str, Any]]:
        return self._storage(family).tables()

    def _reindex(self) -> None:
        self._article_doc = {doc["id"]: int(doc_id) for doc_id, doc in self._tables("articles").get("articles", {}).items()}
        self._quote_docs = {}
        for doc_id, doc in self._tables("quotes").get("quotes", {}).items():
            self._quote_docs.setdefault(doc["article_id"], []).append(int(doc_id))
        self._search = None

    def reload_if_changed(self) -> bool:
        """Re-read the families another process wrote since we last looked."""
        changed = [f for f in FAMILIES if self._storage(f).changed_on_disk()]
        for family in changed:
            self._load_family(family)
        if changed:
            self._check_schema()
            self._reindex()
        return bool(changed)

    @contextlib.contextmanager
    def _writing(self, families: Sequence[str]) -> Iterator[None]:
        """Hold the lock, bring the data up to date, batch the writes, flush in order."""
        try:
            self._lock.acquire()
        except Timeout as exc:
            raise StoreError(f"{self.path}: another natojp process holds the database lock (waited {LOCK_TIMEOUT:.0f} s)") from exc
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot lock the database ({exc.strerror or exc})") from exc
        try:
            self.reload_if_changed()
            with contextlib.ExitStack() as stack:
                for family in families:
                    stack.enter_context(self._deferred(family))
                yield
            # Flush in the given order (articles last for imports).
            for family in families:
                self._flush(family)
        except BaseException:
            for family in families:
                with contextlib.suppress(Exception):
                    self._storage(family).discard()
            self._reindex()
            raise
        finally:
            self._lock.release()

    @contextlib.contextmanager
    def _deferred(self, family: str) -> Iterator[None]:
        storage = self._storage(family)
        storage._batch_depth += 1
        try:
            yield
        finally:
            storage._batch_depth -= 1

    def _flush(self, family: str) -> None:
        try:
            self._storage(family).flush()
        except OSError as exc:
            raise StoreError(
                f"{self._storage(family).path}: cannot write ({exc.strerror or exc}); the previous database is intact"
            ) from exc

    # ------------------------------------------------------------------ reading
    def is_empty(self) -> bool:
        return not self._article_doc

    def article_ids(self) -> list[str]:
        return list(self._article_doc)

    def articles(self) -> list[dict[str, Any]]:
        """Article metadata with quote and event counts, newest first."""
        docs = list(self._tables("articles").get("articles", {}).values())
        docs.sort(key=lambda d: (d.get("published") or "", d.get("updated") or "", d.get("title") or ""), reverse=True)
        return [dict(d) for d in docs]

    def article_meta(self, article_id: str) -> dict[str, Any] | None:
        doc_id = self._article_doc.get(article_id)
        if doc_id is None:
            return None
        return dict(self._tables("articles")["articles"][str(doc_id)])

    def find_article(self, target: str) -> str | None:
        """An article id from an id, a unique id prefix, or the path it was imported from."""
        if target in self._article_doc:
            return target
        matches = [aid for aid in self._article_doc if aid.startswith(target)] if len(target) >= 4 else []
        if len(matches) == 1:
            return matches[0]
        with contextlib.suppress(OSError):
            resolved = str(Path(target).expanduser().resolve())
            for doc in self._tables("articles").get("articles", {}).values():
                if doc.get("path") == resolved:
                    return doc["id"]
        return None

    def article(self, article_id: str) -> Article | None:
        """The whole article: paragraphs, quotes, events and the people it names."""
        meta = self.article_meta(article_id)
        if meta is None:
            return None
        text = next((d for d in self._tables("texts").get("texts", {}).values() if d["article_id"] == article_id), None)
        paragraphs = [Paragraph(t, k) for k, t in (text or {}).get("paragraphs", [])]
        quotes = self.quotes(article_id=article_id)
        events = self.events(article_id=article_id)
        ids = set(meta.get("people", []))
        people = [p for p in self.people() if p.id in ids]
        return Article(
            id=meta["id"], title=meta["title"], paragraphs=paragraphs, published=_date(meta.get("published")),
            updated=_datetime(meta.get("updated")), source=meta.get("source"), url=meta.get("url"),
            language=meta.get("language", "en"), path=meta.get("path"), checksum=meta.get("checksum", ""),
            place=meta.get("place"), encoding=meta.get("encoding", "utf-8"), quotes=quotes, events=events, people=people,
        )

    def quote_docs(self) -> Iterator[dict[str, Any]]:
        """Raw quote documents of recorded articles (fast path for indexes and exports)."""
        table = self._tables("quotes").get("quotes", {})
        for article_id, doc_ids in self._quote_docs.items():
            if article_id in self._article_doc:
                for doc_id in doc_ids:
                    yield table[str(doc_id)]

    def quotes(self, article_id: str | None = None, speaker: str | None = None, kind: str | None = None) -> list[Quote]:
        """Quotes in text order, filtered by article, speaker (substring) and kind."""
        table = self._tables("quotes").get("quotes", {})
        if article_id is not None:
            docs = [table[str(i)] for i in self._quote_docs.get(article_id, [])]
        else:
            docs = list(self.quote_docs())
        if speaker:
            needle = speaker.casefold()
            docs = [d for d in docs if needle in (d.get("speaker") or "").casefold()]
        if kind:
            docs = [d for d in docs if d.get("kind") == kind]
        docs.sort(key=lambda d: (d["article_id"], d["paragraph"], d["start"]))
        return [quote_from_doc(d) for d in docs]

    def quote(self, quote_id: str) -> Quote | None:
        article_id = quote_id.split(":", 1)[0]
        return next((q for q in self.quotes(article_id=article_id) if q.id == quote_id), None)

    def events(self, article_id: str | None = None) -> list[Event]:
        docs = [
            d for d in self._tables("events").get("events", {}).values()
            if d.get("article_id") in self._article_doc and (article_id is None or d["article_id"] == article_id)
        ]
        docs.sort(key=lambda d: (d["article_id"], d.get("paragraph", 0), d.get("start", 0)))
        return [event_from_doc(d) for d in docs]

    def people(self) -> list[Person]:
        return [person_from_doc(d) for d in self._tables("people").get("people", {}).values()]

    # ------------------------------------------------------------------ user state
    def starred(self) -> set[str]:
        return {d["quote_id"] for d in self._tables("user").get("stars", {}).values()}

    def star(self, quote_id: str, on: bool = True) -> None:
        """Star or unstar a quote (only ``user.json`` is written)."""
        with self._writing(["user"]):
            table = self._dbs["user"].table("stars")
            existing = [int(k) for k, d in self._tables("user").get("stars", {}).items() if d["quote_id"] == quote_id]
            if on and not existing:
                quote = self.quote(quote_id)
                table.insert({
                    "quote_id": quote_id,
                    "article_id": quote_id.split(":", 1)[0],
                    "text": quote.text if quote else None,
                    "at": datetime.now().isoformat(timespec="seconds"),
                })
            elif not on and existing:
                table.remove(doc_ids=existing)
        if self._search is not None:
            self._search.set_starred(quote_id, on)

    def get_state(self, key: str, default: Any = None) -> Any:
        for d in self._tables("user").get("state", {}).values():
            if d.get("key") == key:
                return d.get("value")
        return default

    def set_state(self, key: str, value: Any) -> None:
        if self.get_state(key, object()) == value:
            return
        with self._writing(["user"]):
            table = self._dbs["user"].table("state")
            existing = [int(k) for k, d in self._tables("user").get("state", {}).items() if d.get("key") == key]
            if existing:
                table.update({"value": value}, doc_ids=existing)
            else:
                table.insert({"key": key, "value": value})

    # ------------------------------------------------------------------ importing
    def checksums(self) -> dict[str, str]:
        return {d["id"]: d.get("checksum", "") for d in self._tables("articles").get("articles", {}).values()}

    def import_paths(
        self, targets: Iterable[str | os.PathLike[str]], progress: ProgressFn | None = None
    ) -> ImportReport:
        """Import files, folders and globs: read and extract, then write once."""
        from natojp_tui import ingest

        files, problems = ingest.expand_paths(targets)
        report = ImportReport(failed=[(p.path, p.reason) for p in problems])
        known = self.checksums()
        articles: list[Article] = []
        for n, path in enumerate(files, start=1):
            if progress:
                progress(n, len(files), str(path))
            try:
                data = ingest.read_file_bytes(path)
                aid = ingest.article_id_for(path)
                if known.get(aid) == ingest.checksum_of(data):
                    report.unchanged.append(aid)
                    continue
                articles.append(ingest.load_article(path, data))
            except ArticleError as exc:
                report.failed.append((str(path), str(exc)))
        sub = self.add_articles(articles)
        report.imported += sub.imported
        report.updated += sub.updated
        report.unchanged += sub.unchanged
        return report

    def add_articles(self, articles: Sequence[Article]) -> ImportReport:
        """Write analysed articles in one batch; an article with a known id is replaced."""
        report = ImportReport()
        if not articles:
            return report
        from natojp_tui.core.people import merge_people

        with self._writing(["texts", "quotes", "events", "people", "articles"]):
            known = self.checksums()
            fresh: dict[str, Article] = {}
            for a in articles:
                if known.get(a.id) == a.checksum:
                    report.unchanged.append(a.id)
                else:
                    fresh[a.id] = a
            if not fresh:
                return report
            ids = set(fresh)
            replaced = [aid for aid in ids if aid in self._article_doc]
            self._remove_rows(ids)
            self._dbs["texts"].table("texts").insert_multiple(
                {"article_id": a.id, "path": a.path, "paragraphs": [[p.kind, p.text] for p in a.paragraphs]} for a in fresh.values()
            )
            self._dbs["quotes"].table("quotes").insert_multiple(
                to_jsonable(q) for a in fresh.values() for q in a.quotes
            )
            self._dbs["events"].table("events").insert_multiple(
                to_jsonable(e) for a in fresh.values() for e in a.events
            )
            people_table = self._dbs["people"].table("people")
            merged = merge_people(self.people(), [p for a in fresh.values() for p in a.people])
            people_table.truncate()
            people_table.insert_multiple(to_jsonable(p) for p in merged)
            arts = self._dbs["articles"].table("articles")
            meta_table = self._dbs["articles"].table("meta")
            if not meta_table.all():
                meta_table.insert({"schema": SCHEMA_VERSION, "created": datetime.now().isoformat(timespec="seconds")})
            old = [self._article_doc[aid] for aid in replaced]
            if old:
                arts.remove(doc_ids=old)
            now = datetime.now().isoformat(timespec="seconds")
            arts.insert_multiple(self._article_row(a, now) for a in fresh.values())
            report.imported = [aid for aid in fresh if aid not in replaced]
            report.updated = replaced
        self._reindex()
        return report

    def _remove_rows(self, article_ids: set[str]) -> None:
        quote_ids = [i for aid in article_ids for i in self._quote_docs.get(aid, [])]
        if quote_ids:
            self._dbs["quotes"].table("quotes").remove(doc_ids=quote_ids)
        for family in ("texts", "events"):
            rows = self._tables(family).get(family, {})
            doomed = [int(k) for k, d in rows.items() if d.get("article_id") in article_ids]
            if doomed:
                self._dbs[family].table(family).remove(doc_ids=doomed)

    @staticmethod
    def _article_row(a: Article, now: str) -> dict[str, Any]:
        return {
            "id": a.id, "title": a.title, "published": _iso(a.published), "updated": _iso(a.updated),
            "source": a.source, "url": a.url, "language": a.language, "path": a.path, "checksum": a.checksum,
            "place": a.place, "encoding": a.encoding, "quotes": len(a.quotes), "events": len(a.events),
            "people": [p.id for p in a.people], "imported_at": now,
        }

    def ensure_seeded(self, progress: ProgressFn | None = None) -> ImportReport | None:
        """First use of an empty database imports the bundled articles."""
        if not self.is_empty():
            return None
        from natojp_tui.locations import bundled_articles_dir

        return self.import_paths([bundled_articles_dir()], progress=progress)

    def wait_unlocked(self, seconds: float = 5.0) -> None:
        """Wait (bounded) until no other process holds the write lock."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                with self._lock.acquire(timeout=0.05):
                    return
            except Timeout:
                continue

    # ------------------------------------------------------------------ search
    def quote_records(self) -> list[Any]:
        """Every quote as a search record, with its article's title, date and source."""
        from natojp_tui.core.search import QuoteRecord

        arts = {d["id"]: d for d in self._tables("articles").get("articles", {}).values()}
        stars = self.starred()
        records = []
        for d in self.quote_docs():
            a = arts[d["article_id"]]
            records.append(QuoteRecord(
                id=d["id"], text=d["text"], speaker=d.get("speaker"), kind=d["kind"], article_id=d["article_id"],
                published=a.get("published"), title=a.get("title") or "", source=a.get("source"),
                starred=d["id"] in stars, paragraph=d["paragraph"], start=d["start"],
            ))
        return records

    def search_index(self) -> Any:
        """The in-memory quote search index, built on first use and after each import."""
        if self._search is None:
            from natojp_tui.core.search import SearchIndex

            self._search = SearchIndex.build(self.quote_records())
        return self._search

    def search(self, query: str, limit: int = 200, offset: int = 0) -> Any:
        """First page of quotes matching ``query`` (see :mod:`natojp_tui.core.search`) and the total."""
        return self.search_index().search(query, limit=limit, offset=offset)

    def search_ids(self, query: str) -> list[str]:
        """Ids of every quote matching ``query``, best first."""
        result = self.search(query, limit=10**9)
        return [hit.record.id for hit in result.hits]
