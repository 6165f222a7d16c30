"""The article store: every read and write of the TinyDB database goes through here.

A database is a folder of JSON files, one per table family, so that starring a quote
does not rewrite the article texts:

=================  ====================================================
``articles.json``  tables ``articles`` (metadata and counts) and ``meta``
``texts.json``     table ``texts`` (paragraphs of each article)
``quotes.json``    table ``quotes``
``events.json``    table ``events``
``people.json``    table ``people`` (merged across articles)
``user.json``      the user's data: stars, notes, tags, corrections, removed
                   articles, reading state, dossiers (see ``store/userdata.py``)
=================  ====================================================

Writers hold a file lock (``.lock``) across load-modify-write and write each family
once per batch. An import writes ``articles.json`` last: an article is recorded only
once its texts, quotes and events are on disk, so an import killed mid-way is
completed by running it again (quotes of an unrecorded article are ignored on load).

Opening reads only ``articles.json`` and ``user.json``; the other families are read
on first use (the reader's first screen needs only the article list). The quote search
index is saved at import in ``search.idx`` with the signature of the ``quotes.json`` it
was built from, so opening never re-tokenises quotes; a stale or missing index is
rebuilt on first search.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout
from tinydb import TinyDB

from natojp_tui.core.model import Article, Event, Paragraph, Person, Quote
from natojp_tui.core.readers import ArticleError
from natojp_tui.store import userdata
from natojp_tui.store.records import (
    article_row,
    event_doc,
    event_from_doc,
    person_doc,
    person_from_doc,
    quote_doc,
    quote_from_doc,
    text_row,
    to_date,
    to_datetime,
)
from natojp_tui.store.storage import (
    AtomicJSONStorage,
    CorruptFile,
    atomic_write_bytes,
    file_signature,
)
from natojp_tui.store.userstate import UserState

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
    user: list[str] = field(default_factory=list)  # "1 star could not be placed"

    @property
    def ok(self) -> bool:
        return not self.failed

    def summary(self) -> str:
        return (
            f"{len(self.imported)} imported, {len(self.updated)} updated, "
            f"{len(self.unchanged)} unchanged, {len(self.failed)} failed"
        )


SEARCH_INDEX_FILE = "search.idx"
EAGER = ("articles", "user")  # read at open; the big families are read on first use
PARALLEL_MIN_FILES = 64  # below this, extracting in a process pool costs more than it saves


def match_speakers(query: str, names: Iterable[str], cutoff: float = 85.0) -> set[str]:
    """Speaker names matching ``query``: case-insensitive substring, else a close spelling
    (rapidfuzz, so "Rasmusen" still finds "Anders Fogh Rasmussen")."""
    names = [n for n in names if n]
    needle = query.casefold().strip()
    found = {n for n in names if needle in n.casefold()}
    if found or not needle:
        return found
    from rapidfuzz import fuzz, process

    hits = process.extract(
        needle,
        names,
        scorer=fuzz.partial_ratio,
        processor=str.casefold,
        score_cutoff=cutoff,
        limit=None,
    )
    return {name for name, _score, _i in hits}


def _load_one(path_text: str) -> tuple[str, Article | None, str | None]:
    """Read and analyse one file (runs in a worker process for big imports)."""
    from natojp_tui import ingest

    path = Path(path_text)
    try:
        return path_text, ingest.load_article(path), None
    except ArticleError as exc:
        return path_text, None, str(exc)
    except Exception as exc:
        return path_text, None, f"could not be analysed ({type(exc).__name__}: {exc})"


class Store(UserState):
    """A natojp database folder. Open with :meth:`Store.open`."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self._lock = FileLock(str(self.path / ".lock"), timeout=LOCK_TIMEOUT)
        self._dbs: dict[str, TinyDB] = {}
        self._article_doc: dict[str, int] = {}
        self._quote_docs: dict[str, list[int]] | None = None  # article id -> quote doc ids
        self._quote_by_id: dict[str, dict[str, Any]] | None = None
        self._text_doc: dict[str, int] | None = None  # article id -> texts doc id
        self._search: Any = None
        self._search_lock = threading.Lock()
        self.backup: Path | None = None  # where a migration copied the old files

    # ------------------------------------------------------------------ opening
    @classmethod
    def open(cls, path: str | os.PathLike[str], *, create: bool = True) -> Store:
        """Open (creating if asked) a database folder; raises :class:`StoreError`."""
        store = cls(path)
        folder = store.path
        if folder.exists() and not folder.is_dir():
            raise StoreError(
                f"{folder}: not a database folder (it is a file); use --db with a folder path"
            )
        if not folder.exists():
            if not create:
                raise StoreError(f"{folder}: no database here")
            try:
                folder.mkdir(parents=True)
            except OSError as exc:
                raise StoreError(
                    f"{folder}: cannot create the database folder ({exc.strerror or exc})"
                ) from exc
        for family in FAMILIES:
            storage_path = folder / f"{family}.json"
            store._dbs[family] = TinyDB(storage_path, storage=AtomicJSONStorage, create_dirs=False)
        store._open()
        return store

    def _storage(self, family: str) -> AtomicJSONStorage:
        return self._dbs[family].storage  # type: ignore[return-value]

    def _open(self) -> None:
        for family in EAGER:
            self._load_family(family)
        for family in FAMILIES:
            if family not in EAGER:
                self._quick_check(family)
        version = self._check_schema()
        if version is not None and version < SCHEMA_VERSION:
            self._migrate(version)
        self._reindex()

    def _quick_check(self, family: str) -> None:
        """Catch a truncated or foreign file at open without parsing it (that waits for first use)."""
        path = self._storage(family).path
        try:
            with open(path, "rb") as fh:
                head = fh.read(1)
                fh.seek(0, os.SEEK_END)
                size = fh.tell()
                fh.seek(max(0, size - 64))
                tail = fh.read().rstrip()
        except FileNotFoundError:
            return
        except OSError as exc:
            raise self._corrupt(
                CorruptFile(path, f"cannot be read ({exc.strerror or exc})")
            ) from exc
        if size == 0:
            raise self._corrupt(CorruptFile(path, "empty file (0 bytes of JSON)"))
        if head != b"{" or not tail.endswith(b"}"):
            raise self._corrupt(
                CorruptFile(path, "not valid JSON (truncated or not a database file)")
            )

    @staticmethod
    def _corrupt(exc: CorruptFile) -> StoreError:
        return StoreError(
            f"{exc.path}: {exc.problem}; the file was left untouched — run 'natojp repair' to move it aside and rebuild"
        )

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
                self._storage(family).mark_changed()

    def _load_family(self, family: str) -> None:
        try:
            self._storage(family).load()
        except CorruptFile as exc:
            raise self._corrupt(exc) from exc
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
        """A family's raw tables, reading the file on first use."""
        try:
            return self._storage(family).tables()
        except CorruptFile as exc:
            raise self._corrupt(exc) from exc

    def _loaded(self, family: str) -> bool:
        return self._storage(family).loaded

    def _reindex(self) -> None:
        self._article_doc = {
            doc["id"]: int(doc_id)
            for doc_id, doc in self._tables("articles").get("articles", {}).items()
        }
        self._quote_docs = None
        self._quote_by_id = None
        self._text_doc = None
        self._search = None
        self._user = None

    def _quote_index(self) -> dict[str, list[int]]:
        if self._quote_docs is None:
            index: dict[str, list[int]] = {}
            for doc_id, doc in self._tables("quotes").get("quotes", {}).items():
                index.setdefault(doc["article_id"], []).append(int(doc_id))
            self._quote_docs = index
        return self._quote_docs

    def _text_index(self) -> dict[str, int]:
        if self._text_doc is None:
            self._text_doc = {
                d["article_id"]: int(k) for k, d in self._tables("texts").get("texts", {}).items()
            }
        return self._text_doc

    def reload_if_changed(self) -> bool:
        """Re-read the families another process wrote since we last read them."""
        changed = [f for f in FAMILIES if self._loaded(f) and self._storage(f).changed_on_disk()]
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
            raise StoreError(
                f"{self.path}: another natojp process holds the database lock (waited {LOCK_TIMEOUT:.0f} s)"
            ) from exc
        except OSError as exc:
            raise StoreError(
                f"{self.path}: cannot lock the database ({exc.strerror or exc})"
            ) from exc
        try:
            self.reload_if_changed()
            for family in families:
                self._tables(family)  # read before changing: a write replaces the whole file
            with contextlib.ExitStack() as stack:
                for family in families:
                    stack.enter_context(self._storage(family).deferred())
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

    def article_ids(self, *, archived: bool = False) -> list[str]:
        """Ids of the articles in the lists (``archived=True``: removed ones too)."""
        hidden = () if archived else self.user_view().archived
        return [aid for aid in self._article_doc if aid not in hidden]

    def articles(self, *, copy: bool = True, archived: bool = False) -> list[dict[str, Any]]:
        """Article metadata with quote and event counts, newest first, as the user
        corrected it (``corrected`` names the fields); removed articles only if ``archived``.

        ``copy=False`` hands out the stored rows themselves, for callers that only read.
        """
        docs = list(self._tables("articles").get("articles", {}).values())
        view = self.user_view()
        if view.archived and not archived:
            docs = [d for d in docs if d["id"] not in view.archived]
        if view.corrections:
            docs = [userdata.corrected_article_row(d, view) for d in docs]
        docs.sort(
            key=lambda d: (d.get("published") or "", d.get("updated") or "", d.get("title") or ""),
            reverse=True,
        )
        return [dict(d) for d in docs] if copy else docs

    def article_meta(self, article_id: str) -> dict[str, Any] | None:
        doc_id = self._article_doc.get(article_id)
        if doc_id is None:
            return None
        row = self._tables("articles")["articles"][str(doc_id)]
        return dict(userdata.corrected_article_row(row, self.user_view()))

    def find_article(self, target: str) -> str | None:
        """An article id from an id, a unique id prefix, or the path it was imported from."""
        if target in self._article_doc:
            return target
        matches = (
            [aid for aid in self._article_doc if aid.startswith(target)] if len(target) >= 4 else []
        )
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
        doc_id = self._text_index().get(article_id)
        text = self._tables("texts")["texts"][str(doc_id)] if doc_id is not None else {}
        paragraphs = [Paragraph(t, k) for k, t in text.get("paragraphs", [])]
        ids = set(meta.get("people", []))
        people = [
            person_from_doc(d)
            for d in self._tables("people").get("people", {}).values()
            if d["id"] in ids
        ]
        return Article(
            id=meta["id"],
            title=meta["title"],
            paragraphs=paragraphs,
            published=to_date(meta.get("published")),
            updated=to_datetime(meta.get("updated")),
            source=meta.get("source"),
            url=meta.get("url"),
            language=meta.get("language", "en"),
            path=meta.get("path"),
            checksum=meta.get("checksum", ""),
            place=meta.get("place"),
            encoding=meta.get("encoding", "utf-8"),
            quotes=self.quotes(article_id=article_id),
            events=self.events(article_id=article_id),
            people=people,
        )

    def quote_docs(self) -> Iterator[dict[str, Any]]:
        """Raw quote documents of recorded articles (fast path for indexes and exports)."""
        table = self._tables("quotes").get("quotes", {})
        for article_id, doc_ids in self._quote_index().items():
            if article_id in self._article_doc:
                for doc_id in doc_ids:
                    yield table[str(doc_id)]

    def quotes(
        self, article_id: str | None = None, speaker: str | None = None, kind: str | None = None
    ) -> list[Quote]:
        """Quotes in text order, filtered by article, speaker (substring) and kind."""
        table = self._tables("quotes").get("quotes", {})
        if article_id is not None:
            docs = [table[str(i)] for i in self._quote_index().get(article_id, [])]
        else:
            hidden = self.user_view().archived
            docs = [d for d in self.quote_docs() if d["article_id"] not in hidden]
        view = self.user_view()
        if view.corrections:
            docs = [userdata.corrected_quote_doc(d, view) for d in docs]
        if speaker:
            names = match_speakers(speaker, {d.get("speaker") or "" for d in docs})
            docs = [d for d in docs if (d.get("speaker") or "") in names]
        if kind:
            docs = [d for d in docs if d.get("kind") == kind]
        docs.sort(key=lambda d: (d["article_id"], d["paragraph"], d["start"]))
        return [quote_from_doc(d) for d in docs]

    def _quote_docs_by_id(self) -> dict[str, dict[str, Any]]:
        if self._quote_by_id is None:
            self._quote_by_id = {d["id"]: d for d in self.quote_docs()}
        return self._quote_by_id

    def _quote_doc(self, quote_id: str) -> dict[str, Any] | None:
        return self._quote_docs_by_id().get(quote_id)

    def quote(self, quote_id: str) -> Quote | None:
        doc = self._quote_doc(quote_id)
        return quote_from_doc(userdata.corrected_quote_doc(doc, self.user_view())) if doc else None

    def events(self, article_id: str | None = None) -> list[Event]:
        """Events of one article, or of every article in the lists."""
        hidden = self.user_view().archived if article_id is None else ()
        docs = [
            d
            for d in self._tables("events").get("events", {}).values()
            if d.get("article_id") in self._article_doc
            and (article_id is None or d["article_id"] == article_id)
            and d.get("article_id") not in hidden
        ]
        docs.sort(key=lambda d: (d["article_id"], d.get("paragraph", 0), d.get("start", 0)))
        return [event_from_doc(d) for d in docs]

    def people(self) -> list[Person]:
        return [person_from_doc(d) for d in self._tables("people").get("people", {}).values()]

    # ------------------------------------------------------------------ user state
    # Stars, notes, tags, corrections, removals, dossiers: see store/userstate.py.
    def get_state(self, key: str, default: Any = None) -> Any:
        for d in self._tables("user").get("state", {}).values():
            if d.get("key") == key:
                return d.get("value")
        return default

    def set_state(self, key: str, value: Any) -> None:
        if self.get_state(key, object()) == value:
            return

        def change(tables: userdata.Tables) -> None:
            userdata.remove_where(tables, "state", lambda d: d.get("key") == key)
            userdata.insert(tables, "state", {"key": key, "value": value})

        self._write_user(change)

    # ------------------------------------------------------------------ importing
    def checksums(self) -> dict[str, str]:
        return {
            d["id"]: d.get("checksum", "")
            for d in self._tables("articles").get("articles", {}).values()
        }

    def import_paths(
        self,
        targets: Iterable[str | os.PathLike[str]],
        progress: ProgressFn | None = None,
        *,
        workers: int | None = None,
    ) -> ImportReport:
        """Import files, folders and globs: read and extract (in parallel when many), then write once."""
        from natojp_tui import ingest

        files, problems = ingest.expand_paths(targets)
        report = ImportReport(failed=[(p.path, p.reason) for p in problems])
        known = self.checksums()
        todo: list[Path] = []
        for path in files:
            try:
                aid = ingest.article_id_for(path)
                if aid in known and known[aid] == ingest.checksum_of(ingest.read_file_bytes(path)):
                    report.unchanged.append(aid)
                    continue
            except ArticleError:
                pass  # reported when it is read for real below
            todo.append(path)
        articles: list[Article] = []
        done = len(report.unchanged)
        for path_text, article, error in self._extract_all(todo, workers):
            done += 1
            if progress:
                progress(done, len(files), path_text)
            if article is not None:
                articles.append(article)
            else:
                report.failed.append((path_text, error or "unreadable"))
        sub = self.add_articles(articles)
        report.imported += sub.imported
        report.updated += sub.updated
        report.unchanged += sub.unchanged
        report.user += sub.user
        return report

    @staticmethod
    def _extract_all(
        paths: list[Path], workers: int | None
    ) -> Iterator[tuple[str, Article | None, str | None]]:
        texts = [str(p) for p in paths]
        if workers is None:
            workers = min(os.cpu_count() or 1, 4)
        if workers <= 1 or len(texts) < PARALLEL_MIN_FILES:
            yield from map(_load_one, texts)
            return
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=workers) as pool:
            yield from pool.map(_load_one, texts, chunksize=16)

    def add_articles(self, articles: Sequence[Article]) -> ImportReport:
        """Write analysed articles in one batch; an article with a known id is replaced."""
        report = ImportReport()
        if not articles:
            return report
        from natojp_tui.core.people import merge_people

        with self._writing(["texts", "quotes", "events", "people", "user", "articles"]):
            known = self.checksums()
            fresh: dict[str, Article] = {}
            for a in articles:
                if known.get(a.id) == a.checksum:
                    report.unchanged.append(a.id)
                else:
                    fresh[a.id] = a
            if not fresh:
                return report
            index = self._current_index()
            ids = set(fresh)
            replaced = [aid for aid in ids if aid in self._article_doc]
            old_quotes = {
                q["id"]: q
                for aid in replaced
                for q in (
                    self._tables("quotes")["quotes"][str(i)]
                    for i in self._quote_index().get(aid, [])
                )
            }
            relocation = self._reanchor(
                self._tables("user"), [fresh[aid] for aid in replaced], old_quotes
            )
            report.user = relocation.lines()
            self._remove_rows(ids)
            self._dbs["texts"].table("texts").insert_multiple(text_row(a) for a in fresh.values())
            self._dbs["quotes"].table("quotes").insert_multiple(
                quote_doc(q) for a in fresh.values() for q in a.quotes
            )
            self._dbs["events"].table("events").insert_multiple(
                event_doc(e) for a in fresh.values() for e in a.events
            )
            people_table = self._dbs["people"].table("people")
            merged = merge_people(self.people(), [p for a in fresh.values() for p in a.people])
            people_table.truncate()
            people_table.insert_multiple(person_doc(p) for p in merged)
            arts = self._dbs["articles"].table("articles")
            meta_table = self._dbs["articles"].table("meta")
            if not meta_table.all():
                meta_table.insert(
                    {
                        "schema": SCHEMA_VERSION,
                        "created": datetime.now().isoformat(timespec="seconds"),
                    }
                )
            old = [self._article_doc[aid] for aid in replaced]
            if old:
                arts.remove(doc_ids=old)
            now = datetime.now().isoformat(timespec="seconds")
            arts.insert_multiple(article_row(a, now) for a in fresh.values())
            report.imported = [aid for aid in fresh if aid not in replaced]
            report.updated = replaced
        self._reindex()
        self._update_index(index, fresh)
        return report

    def _remove_rows(self, article_ids: set[str]) -> None:
        quote_ids = [i for aid in article_ids for i in self._quote_index().get(aid, [])]
        if quote_ids:
            self._dbs["quotes"].table("quotes").remove(doc_ids=quote_ids)
        for family in ("texts", "events"):
            rows = self._tables(family).get(family, {})
            doomed = [int(k) for k, d in rows.items() if d.get("article_id") in article_ids]
            if doomed:
                self._dbs[family].table(family).remove(doc_ids=doomed)

    def ensure_seeded(self, progress: ProgressFn | None = None) -> ImportReport | None:
        """First use of an empty database imports the bundled articles."""
        if not self.is_empty():
            return None
        from natojp_tui.locations import bundled_articles_dir

        return self.import_paths([bundled_articles_dir()], progress=progress)

    # ------------------------------------------------------------------ search
    def _quotes_tag(self) -> str:
        """The saved index's tag: the quotes file's signature and the user's corrections."""
        sig = file_signature(self._storage("quotes").path)
        tag = f"{sig[0]}:{sig[1]}" if sig else "none"
        digest = self.corrections_digest()
        return f"{tag}|{digest}" if digest else tag

    def _record(self, doc: dict[str, Any]) -> Any:
        from natojp_tui.core.search import QuoteRecord

        view = self.user_view()
        a = self._tables("articles")["articles"][str(self._article_doc[doc["article_id"]])]
        if view.corrections:
            a = userdata.corrected_article_row(a, view)
            doc = userdata.corrected_quote_doc(doc, view)
        return QuoteRecord(
            id=doc["id"],
            text=doc["text"],
            speaker=doc.get("speaker"),
            kind=doc["kind"],
            article_id=doc["article_id"],
            published=a.get("published"),
            title=a.get("title") or "",
            source=a.get("source"),
            paragraph=doc["paragraph"],
            start=doc["start"],
        )

    def _fetch_record(self, quote_id: str) -> Any:
        doc = self._quote_doc(quote_id)
        if doc is None:
            raise KeyError(quote_id)
        return self._record(doc)

    def quote_records(self) -> list[Any]:
        """Every quote as a search record, with its article's title, date and source."""
        return [self._record(d) for d in self.quote_docs()]

    def _saved_index(self) -> Any:
        """The index saved at import, if it matches the quotes on disk."""
        from natojp_tui.core.search import SearchIndex

        path = self.path / SEARCH_INDEX_FILE
        try:
            data = path.read_bytes()
            index = SearchIndex.from_bytes(data, fetch=self._fetch_record)
        except Exception:
            return None
        return self._dress_index(index) if index.tag == self._quotes_tag() else None

    def _current_index(self) -> Any:
        with self._search_lock:
            if self._search is None:
                self._search = self._saved_index()
            return self._search

    def _update_index(self, index: Any, fresh: dict[str, Article]) -> None:
        """Bring the index up to date after an import and save it beside the quotes."""
        from natojp_tui.core.search import SearchIndex

        if index is None:
            index = SearchIndex.build(self.quote_records(), fetch=self._fetch_record)
        else:
            for aid in fresh:
                index.remove_article(aid)
            index.add(self._record(quote_doc(q)) for a in fresh.values() for q in a.quotes)
        self._save_index(index)
        self._search = self._dress_index(index)

    def _save_index(self, index: Any) -> None:
        with contextlib.suppress(OSError):  # a cache: failing to save it only costs a rebuild
            atomic_write_bytes(
                self.path / SEARCH_INDEX_FILE,
                index.to_bytes(tag=self._quotes_tag()),
                keep_backup=False,
            )

    def search_index(self) -> Any:
        """The quote search index: loaded from ``search.idx``, or rebuilt and saved if stale."""
        from natojp_tui.core.search import SearchIndex

        with self._search_lock:
            if self._search is None:
                self._search = self._saved_index()
            if self._search is None:
                index = SearchIndex.build(self.quote_records(), fetch=self._fetch_record)
                self._save_index(index)
                self._search = self._dress_index(index)
            return self._search

    def warm(self) -> None:
        """Read what searching and browsing need (quotes, the index) ahead of the first use."""
        self.search_index()
        self._quote_docs_by_id()

    def search(self, query: str, limit: int = 200, offset: int = 0) -> Any:
        """First page of quotes matching ``query`` (see :mod:`natojp_tui.core.search`) and the total."""
        return self.search_index().search(query, limit=limit, offset=offset)

    def search_ids(self, query: str) -> list[str]:
        """Ids of every quote matching ``query``, best first."""
        return list(self.search_index().ids(query))
