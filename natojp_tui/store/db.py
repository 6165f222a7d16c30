"""The article store: every read and write of the database goes through here.

A database is a folder holding one *generation* of files, named by ``manifest.json``
(see ``library.py`` for the commit protocol):

==============  =====================================================================
``articles``    the compact article list (columns, newest first): read at open
``catalog``     source path, checksum and URL of each article: read on first use
``digest``      each article's events, visit mentions and quotes per person: what the
                timeline, visits and people views read instead of every shard (``digest.py``)
``timeline``    the library's visits and merged meetings, decided at import, read by
                article: what the reader's timeline pane reads (``timeline_file.py``)
``shard/XYZ``   texts, quotes and events of the articles whose id hashes to bucket XYZ
                (TinyDB format; opening an article reads one small shard)
``people``      people merged across articles (TinyDB format)
``user``        the user's data: stars, notes, tags, corrections, removed articles,
                reading state, dossiers, settings (TinyDB format, small; see
                ``userdata.py``, the Store's methods for it are in ``userstate.py``)
``imports``     what the last import brought (its article ids, for the "new" marks):
                written by imports only, so a star never rewrites a list that grows
                with the library
``search``      the quote search index, tagged with the generation it belongs to
``rows``        what a search result shows, fetched by id (``rows.py``)
==============  =====================================================================

Opening reads the manifest, the article list and the user family; nothing else at
open grows with the library. Writers hold a file lock (``.lock``) across
load-modify-commit; a commit writes each changed family once (one write per shard per
batch) and replaces the manifest last, so a crash leaves the old library or the new.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson
from tinydb import TinyDB

from natojp_tui.core.model import Article, Event, Paragraph, Person, Quote
from natojp_tui.store import digest as digests
from natojp_tui.store import journal, library, userdata
from natojp_tui.store.articlelist import ArticleList, Catalog
from natojp_tui.store.digest import Digest, entry_from_stored
from natojp_tui.store.library import FileRef, Manifest
from natojp_tui.store.records import (
    article_row,
    event_doc,
    event_from_doc,
    person_doc,
    person_from_doc,
    person_problem,
    quote_doc,
    quote_from_doc,
    record_id,
    star_problem,
    state_problem,
    to_date,
    to_datetime,
    visits_from_docs,
)
from natojp_tui.store.shards import Entry, Shard
from natojp_tui.store.storage import CorruptFile, TableStorage, file_signature
from natojp_tui.store.userstate import UserState

if TYPE_CHECKING:  # NumPy and the readers load when first needed, not before the first article
    from natojp_tui.store.rows import SearchRows

SCHEMA_VERSION = 6  # see store/migrations.py for the history
SMALL_FAMILIES = ("people", "user", "imports")  # TinyDB families of the library
FAMILIES = (
    "articles",
    "catalog",
    "digest",
    "timeline",
    "people",
    "user",
    "imports",
    "search",
    "rows",
)  # + shard/XYZ
SHARD_BUCKETS = 1024
SHARD_CACHE = 8  # shards kept parsed for reading (an article, its neighbours)
LOCK_TIMEOUT = 60.0
IMPORT_BATCH = 10_000  # articles per commit of a big import (bounds the import's memory)
INDEX_REBUILD_AT = 32  # replacing more articles than this rebuilds the index once
EMPTY_LIST = ArticleList().to_bytes()
RECORD_CACHE = 4096  # search records kept (a few pages of results; about 2 MB)

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
    extract_seconds: float = 0.0  # reading and analysing files (in the pool)
    store_seconds: float = 0.0  # writing the library

    @property
    def ok(self) -> bool:
        return not self.failed

    def summary(self) -> str:
        return (
            f"{len(self.imported)} imported, {len(self.updated)} updated, "
            f"{len(self.unchanged)} unchanged, {len(self.failed)} failed"
        )


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a batch is written: the write makes
    millions of short-lived, acyclic objects (documents, rows, index entries) that
    reference counting frees, and each automatic collection would walk every object
    alive (the batch's articles, the library's lists): a quarter of the store's CPU
    time at 10,000 articles. What cycles there are are collected when it resumes."""
    import gc

    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def shard_key(article_id: str) -> str:
    """The family key of the shard an article lives in (a stable hash of its id)."""
    digest = hashlib.blake2b(article_id.encode("utf-8"), digest_size=4).digest()
    return f"shard/{int.from_bytes(digest, 'big') % SHARD_BUCKETS:03x}"


def match_speakers(query: str, names: Iterable[str], cutoff: float = 85.0) -> set[str]:
    """Speaker names matching ``query``: folded substring (case and accents ignored, as in
    ``speaker:``), else a close spelling (rapidfuzz: "Rasmusen" finds "Anders Fogh Rasmussen")."""
    from natojp_tui.core.search import fold, fold_query

    names = [n for n in names if n]
    needle = fold_query(query)  # the same folding as the search's speaker: filter
    found = {n for n in names if needle in fold(n)}
    if found or not needle:
        return found
    from rapidfuzz import fuzz, process

    hits = process.extract(
        needle,
        names,
        scorer=fuzz.partial_ratio,
        processor=fold,
        score_cutoff=cutoff,
        limit=None,
    )
    return {name for name, _score, _i in hits}


def _load_one(path_text: str) -> tuple[str, Article | None, str | None]:
    """Read and analyse one file (runs in a worker process for big imports)."""
    from natojp_tui import ingest
    from natojp_tui.core.readers import ArticleError

    path = Path(path_text)
    try:
        return path_text, ingest.load_article(path), None
    except ArticleError as exc:
        return path_text, None, str(exc)
    except Exception as exc:
        return path_text, None, f"could not be analysed ({type(exc).__name__}: {exc})"


PARALLEL_MIN_FILES = 64  # below this, extracting in a process pool costs more than it saves


def pool_size() -> int:
    """Extraction processes: one per core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


# ---------------------------------------------------------------------- shards


def _record(doc: dict[str, Any], article: dict[str, Any]) -> Any:
    """A quote's search record from its document and its article's row (``rows.py``)."""
    from natojp_tui.core.search import QuoteRecord

    return QuoteRecord(
        id=doc["id"],
        text=doc["text"],
        speaker=doc.get("speaker"),
        kind=doc["kind"],
        article_id=doc["article_id"],
        published=article.get("published"),
        title=article.get("title") or "",
        source=article.get("source"),
        paragraph=doc["paragraph"],
        start=doc["start"],
        verb=doc.get("verb"),
    )


SMALL_CHECKS: dict[str, dict[str, Callable[[Any], str | None]]] = {
    "people": {"people": person_problem},
    "user": {"stars": star_problem, "state": state_problem},
}


class Store(UserState):
    """A natojp database folder. Open with :meth:`Store.open`."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self._file_lock: Any = None  # a FileLock, made on the first write (filelock loads then)
        self._manifest = Manifest()
        self._manifest_sig: tuple[int, int, int] | None = None
        self._journal = journal.Journal()  # the generation's user-data journal (journal.py)
        self._list_read: ArticleList | None = ArticleList()  # None: parsed on first use
        self._list_bytes: bytes | None = None  # its file, read and checked at open
        self._catalog: Catalog | None = None
        self._digest: Digest | None = None
        self._dbs: dict[str, TinyDB] = {}  # people, user
        self._shards: OrderedDict[str, Shard] = OrderedDict()
        self._pending: dict[str, bytes | None] = {}  # other families changed in a write
        self._writing_now = False
        self._search: Any = None
        self._rows: SearchRows | None = None
        self._rows_articles: dict[str, dict[str, Any]] = {}
        self._record_cache: dict[str, Any] = {}
        self._search_lock = threading.RLock()
        self.backup: Path | None = None  # where a migration copied the old files
        self._timeline: tuple[tuple, Any] | None = None  # (library state, LibraryTimeline)
        self._timeline_file: tuple[FileRef, Any] | None = None  # (its ref, TimelineFile)
        self.lock_wait = LOCK_TIMEOUT  # seconds a write waits for another process's lock
        self._thread_wait = threading.local()  # a shorter wait for one thread's writes

    # ------------------------------------------------------------------ opening
    @classmethod
    def open(cls, path: str | os.PathLike[str], *, create: bool = True) -> Store:
        """Open (creating if asked) a database folder; raises :class:`StoreError`."""
        store = cls(path)
        folder = store.path
        if folder.is_symlink() and not folder.exists():
            raise StoreError(
                f"{folder}: a symbolic link to {os.readlink(folder)}, which does not exist; "
                "create that folder or use --db with another path"
            )
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
        store._open()
        return store

    def _open(self) -> None:
        try:
            manifest = library.read_manifest(self.path)
        except CorruptFile as exc:
            raise self._corrupt(exc) from exc
        if manifest is None or manifest.schema < SCHEMA_VERSION:
            self._open_old(manifest)
        else:
            self._install(manifest)

    def _open_old(self, manifest: Manifest | None) -> None:
        """A folder without a manifest (new, legacy or damaged) or of an older schema."""
        from natojp_tui.store import migrations

        if manifest is None and migrations.is_legacy(self.path):
            self.backup = migrations.migrate_legacy(self)
            return
        if manifest is None:
            strays = library.stray_files(self.path, set())
            if any(library.NAME.match(n) for n in strays):
                raise self._corrupt(
                    CorruptFile(
                        self.path / library.MANIFEST,
                        "missing, but the folder holds library files",
                    )
                )
        self._install(manifest or Manifest())
        if manifest is not None and manifest.files and manifest.schema < SCHEMA_VERSION:
            with contextlib.suppress(StoreError):  # e.g. a read-only folder: read it as it is
                self.backup = migrations.upgrade(self)

    def _install(self, manifest: Manifest) -> None:
        """Make ``manifest`` the generation this store reads (eager families read now)."""
        if manifest.schema > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path / library.MANIFEST}: written by a newer natojp-tui (schema "
                f"{manifest.schema}; this version reads up to {SCHEMA_VERSION}); upgrade "
                f"natojp-tui to open it"
            )
        old, old_journal = self._manifest, self._journal
        self._manifest = manifest
        self._user = None  # the user family may have changed
        self._manifest_sig = file_signature(self.path / library.MANIFEST)
        self._journal = self._read_journal(manifest)
        changed = {
            k for k in {*old.files, *manifest.files} if old.files.get(k) != manifest.files.get(k)
        }
        if (self._journal.path, self._journal.signature) != (
            old_journal.path,
            old_journal.signature,
        ):
            changed.add("user")  # the journal holds the user family now
        self._catalog = None if "catalog" in changed else self._catalog
        self._digest = None if "digest" in changed else self._digest
        for key in list(self._shards):
            if key in changed:
                del self._shards[key]
        for key in SMALL_FAMILIES:
            if key in changed:
                self._dbs.pop(key, None)
        if changed & {"search", "rows"} or not manifest.files:
            with self._search_lock:
                self._search = None
                self._rows = None
                self._rows_articles = {}
                self._record_cache = {}
        if "articles" in changed or not manifest.files.get("articles"):
            # read and checked now (a damaged file is reported at open), parsed when first
            # needed: a search never needs it
            self._list_read = None
            self._list_bytes = self._bytes("articles")
        self._db("user")

    @property
    def _list(self) -> ArticleList:
        """The article list, read on first use (the first screen's list, ``natojp list``),
        not at open: ``natojp quotes`` answers from the search index alone."""
        if self._list_read is None:
            data, self._list_bytes = self._list_bytes, None
            self._list_read = self._read_columns("articles", ArticleList, data)
        return self._list_read

    @_list.setter
    def _list(self, value: ArticleList) -> None:
        self._list_read = value

    @staticmethod
    def _corrupt(exc: CorruptFile) -> StoreError:
        if isinstance(exc.__cause__, PermissionError):  # not damage: repair cannot help
            return StoreError(
                f"{exc.path}: permission denied (this user may not read the database file); "
                "check its owner and permissions, or use --db with a database of your own"
            )
        return StoreError(
            f"{exc.path}: {exc.problem}; the file was left untouched — run 'natojp repair' to rebuild the library"
        )

    def _ref(self, key: str) -> FileRef | None:
        return self._manifest.files.get(key)

    def _bytes(self, key: str) -> bytes | None:
        """A family file's bytes, checked; None when the generation has no such family.

        A file gone because another process committed twice since we read the manifest
        is found again through the new manifest.
        """
        ref = self._ref(key)
        if ref is None:
            return None
        try:
            return library.read_file(self.path, ref)
        except CorruptFile as exc:
            if not self._writing_now and self.reload_if_changed():
                return self._bytes(key)
            raise self._corrupt(exc) from exc

    def _read_columns(
        self, key: str, cls: type[ArticleList] | type[Catalog], data: bytes | None = None
    ) -> Any:
        data = self._bytes(key) if data is None else data
        if data is None:
            return cls()
        try:
            return cls.from_bytes(data)
        except ValueError as exc:
            raise self._corrupt(CorruptFile(self.path / self._ref(key).name, str(exc))) from exc  # type: ignore[union-attr]

    def _db(self, family: str) -> TinyDB:
        """A small family (people, user) as a TinyDB over its tables, read on first use."""
        db = self._dbs.get(family)
        if db is None:
            held = self._journal
            data: bytes | None
            where: Path | None
            if family == "user" and held.latest is not None and held.path is not None:
                data, where = held.latest, held.path  # the journal supersedes the user file
            else:
                data, where = self._bytes(family), None
            tables: dict[str, dict[str, Any]] = {}
            if data is not None:
                path = where or self.path / self._ref(family).name  # type: ignore[union-attr]
                try:
                    tables = library.parse_json_tables(data, path)
                    for table, check in SMALL_CHECKS.get(family, {}).items():
                        for doc_id, doc in tables.get(table, {}).items():
                            problem = check(doc)
                            if problem:
                                raise CorruptFile(
                                    path, f"{table} record {doc_id} ({record_id(doc)}) {problem}"
                                )
                except CorruptFile as exc:
                    raise self._corrupt(exc) from exc
            db = TinyDB(storage=TableStorage, data=tables)
            self._dbs[family] = db
        return db

    def _storage(self, family: str) -> TableStorage:
        return self._db(family).storage  # type: ignore[return-value]

    def _tables(self, family: str) -> dict[str, dict[str, Any]]:
        """A small family's raw tables (read on first use)."""
        return self._storage(family).data

    def _shard(self, key: str) -> Shard:
        shard = self._shards.get(key)
        if shard is not None:
            self._shards.move_to_end(key)
            return shard
        data = self._bytes(key)
        if data is None:
            shard = Shard(key, {})
        else:
            try:
                shard = Shard.parse(key, data, self.path / self._ref(key).name)  # type: ignore[union-attr]
            except CorruptFile as exc:
                raise self._corrupt(exc) from exc
        self._shards[key] = shard
        if not self._writing_now:
            while len(self._shards) > SHARD_CACHE:
                self._shards.popitem(last=False)
        return shard

    def _entry(self, article_id: str) -> Entry | None:
        """An article's (text, quotes, events) from its shard (only its record is parsed)."""
        try:
            return self._shard(shard_key(article_id)).by_article.get(article_id)
        except CorruptFile as exc:
            raise self._corrupt(exc) from exc

    def catalog(self) -> Catalog:
        if self._catalog is None:
            self._catalog = self._read_columns("catalog", Catalog)
        return self._catalog

    def reload_if_changed(self) -> bool:
        """Re-read the manifest if another process committed since we read it."""
        sig = file_signature(self.path / library.MANIFEST)
        if sig == self._manifest_sig:
            return self._reload_journal_if_changed()
        try:
            manifest = library.read_manifest(self.path)
        except CorruptFile as exc:
            raise self._corrupt(exc) from exc
        self._install(manifest or Manifest())
        return True

    def _reload_journal_if_changed(self) -> bool:
        """Re-read the user family if another process appended to this generation's journal."""
        if journal.signature(self._journal) == self._journal.signature:
            return False
        self._journal = self._read_journal(self._manifest)
        self._dbs.pop("user", None)
        self._user = None
        self._db("user")
        return True

    def _read_journal(self, manifest: Manifest) -> journal.Journal:
        try:
            return journal.read(self.path, manifest)
        except CorruptFile as exc:
            raise self._corrupt(exc) from exc

    # ------------------------------------------------------------------ writing
    @property
    def _lock(self) -> Any:
        """The folder's write lock (``.lock``), made when first needed: opening the store to
        read (the reader's first screen) does not import filelock."""
        if self._file_lock is None:
            from filelock import FileLock

            self._file_lock = FileLock(str(self.path / ".lock"), timeout=LOCK_TIMEOUT)
        return self._file_lock

    @contextlib.contextmanager
    def lock_wait_at_most(self, seconds: float) -> Iterator[None]:
        """Writes from this thread inside the block wait at most ``seconds`` for the lock
        (the reader's UI thread must not freeze); other threads keep ``lock_wait``."""
        previous = getattr(self._thread_wait, "seconds", None)
        self._thread_wait.seconds = seconds
        try:
            yield
        finally:
            self._thread_wait.seconds = previous

    @contextlib.contextmanager
    def _writing(self, families: Sequence[str] = ()) -> Iterator[None]:
        """Hold the lock, bring the data up to date, then commit what changed at once.

        ``families`` are the small TinyDB families the block changes through
        ``self._dbs[...]``; shards and the other families are handed to
        :meth:`_stage` (or changed through :meth:`_shard` while writing).
        """
        from filelock import Timeout

        try:
            wait = getattr(self._thread_wait, "seconds", None) or self.lock_wait
            self._lock.acquire(timeout=wait)
        except Timeout as exc:
            raise StoreError(
                f"{self.path}: another natojp process holds the database lock (waited {wait:g} s)"
            ) from exc
        except OSError as exc:
            raise StoreError(
                f"{self.path}: cannot lock the database ({exc.strerror or exc})"
            ) from exc
        try:
            self.reload_if_changed()
            for family in families:
                self._storage(family).changed = False
            self._pending = {}
            self._writing_now = True
            yield
            self._move_legacy_imports()
            changes = dict(self._pending)
            for family in SMALL_FAMILIES:
                db = self._dbs.get(family)
                if db is not None and db.storage.changed:  # type: ignore[attr-defined]
                    changes[family] = orjson.dumps(db.storage.data)  # type: ignore[attr-defined]
            user = changes.get("user")
            if set(changes) == {"user"} and user is not None and self._may_journal(user):
                self._append_journal(user)
            elif changes:
                if "user" not in changes and self._journal.latest is not None:
                    changes["user"] = self._journal.latest  # folded into the new generation
                self._commit(changes)
        except BaseException:
            self._forget()
            raise
        finally:
            self._writing_now = False
            self._pending = {}
            self._lock.release()
        while len(self._shards) > SHARD_CACHE:
            self._shards.popitem(last=False)

    def _move_legacy_imports(self) -> None:
        """A user family written before the ``imports`` family (schema 3 of 2026-12-01)
        holds the last import's ids in its ``imports`` table: when it is written anyway,
        the table moves to its own family in the same commit."""
        user = self._dbs.get("user")
        if user is None or not user.storage.changed:  # type: ignore[attr-defined]
            return
        legacy = user.storage.data.pop("imports", None)  # type: ignore[attr-defined]
        if legacy is None:
            return
        imports = self._storage("imports")
        if not imports.data.get("imports"):
            imports.data["imports"] = legacy
        imports.changed = True

    def _may_journal(self, user: bytes) -> bool:
        """Whether a change of the user family alone may be appended to the journal: there
        is a generation of this schema to append to, and nothing else is being rebuilt."""
        return (
            self._manifest.generation > 0
            and self._manifest.schema == SCHEMA_VERSION
            and self._commit_base is None
            and self._schema is None
            and self._migrated_from is None
            and self._journal.room_for(user)
            and not (self._journal.path and self._journal.path.is_symlink())  # never through a link
        )

    def _append_journal(self, user: bytes) -> None:
        """Commit a change of the user family alone: one record appended to the journal."""
        try:
            self._journal = journal.append(self._journal, user)
        except OSError as exc:
            raise StoreError(
                f"{self.path}: cannot write ({exc.strerror or exc}); nothing was changed "
                f"(the library is still generation {self._manifest.generation})"
            ) from exc
        self._storage("user").changed = False

    def _stage(self, key: str, data: bytes | None) -> None:
        """Queue a family's new bytes for the commit of the current write."""
        assert self._writing_now, "stage changes inside _writing()"
        self._pending[key] = data

    def _commit(
        self, changes: dict[str, bytes | None], *, migrated_from: int | None = None
    ) -> None:
        commit_id = self._pending_commit_id()
        try:
            base = self._commit_base or self._manifest
            manifest = library.commit(
                self.path,
                base if base.generation else None,
                changes,
                schema=self._schema or SCHEMA_VERSION,
                commit_id=commit_id,
                migrated_from=migrated_from if migrated_from is not None else self._migrated_from,
                keep_previous=self._keep_previous,
            )
        except OSError as exc:
            raise StoreError(
                f"{self.path}: cannot write ({exc.strerror or exc}); nothing was changed "
                f"(the library is still generation {self._manifest.generation})"
            ) from exc
        for family in SMALL_FAMILIES:
            db = self._dbs.get(family)
            if db is not None:
                db.storage.changed = False  # type: ignore[attr-defined]
        self._manifest = manifest
        self._manifest_sig = file_signature(self.path / library.MANIFEST)
        self._journal = self._read_journal(manifest)  # the new generation's, empty
        self._commit_id = None

    _commit_id: str | None = None
    _schema: int | None = None  # set while an upgrade's unfinished commits are written
    _import_session = ""  # set per import_paths call (see UserState.new_articles)
    _migrated_from: int | None = None  # set while a migration's write is being committed
    _keep_previous = True  # False: leave manifest.json.bak alone (repair of a bad manifest)
    _commit_base: Manifest | None = None  # repair: the generation a fresh build replaces

    def _pending_commit_id(self) -> str:
        """The id of the commit being prepared (the search index is tagged with it)."""
        if self._commit_id is None:
            self._commit_id = library.new_commit_id()
        return self._commit_id

    def _next_tag(self) -> str:
        base = self._commit_base or self._manifest
        return library.next_tag(base if base.generation else None, self._pending_commit_id())

    def _forget(self) -> None:
        """Drop everything read or changed in a failed write; re-read the manifest."""
        self._commit_id = None
        self._user = None
        self._dbs.clear()
        self._shards.clear()
        self._catalog = None
        self._digest = None
        with self._search_lock:
            self._search = None
            self._rows = None
            self._rows_articles = {}
            self._record_cache = {}
        self._manifest_sig = (-1, -1, -1)  # whatever is on disk is read again
        self._manifest = Manifest()
        with contextlib.suppress(StoreError):
            self.reload_if_changed()

    # ------------------------------------------------------------------ reading
    def is_empty(self) -> bool:
        if self._list_read is None:  # an empty list always has the same bytes
            ref = self._ref("articles")
            return ref is None or ref.size == len(EMPTY_LIST)
        return not len(self._list)

    def article_ids(self, *, archived: bool = False) -> list[str]:
        """Ids of the articles in the lists (``archived=True``: removed ones too)."""
        hidden = () if archived else self.user_view().archived
        return [aid for aid in self._list.ids if aid not in hidden]

    def article_columns(self) -> dict[str, list[Any]]:
        """The article list as columns (id, title, published, updated, source, quotes,
        events), newest first: what the reader's article pane draws, without a dict per row.
        Removed articles are left out and the user's corrections applied."""
        return userdata.corrected_columns(self._list.columns, self.user_view())

    def articles(self, *, copy: bool = True, archived: bool = False) -> list[dict[str, Any]]:
        """Article metadata with quote and event counts, newest first (with the catalog's
        path, checksum and URL; ``copy`` is accepted for older callers), as the user
        corrected it (``corrected`` names the fields; a corrected date re-sorts the row);
        removed articles only with ``archived``."""
        del copy
        catalog = self.catalog()
        view = self.user_view()
        out = []
        for row in self._list.rows():
            if not archived and row["id"] in view.archived:
                continue
            extra = catalog.get(row["id"]) or {}
            row.update({k: extra.get(k) for k in ("path", "checksum", "url")})
            out.append(userdata.corrected_article_row(row, view))
        if view.corrections:
            out.sort(
                key=lambda r: r.get("published") or "", reverse=True
            )  # stable: ties keep order
        return out

    def article_meta(self, article_id: str) -> dict[str, Any] | None:
        if article_id not in self._list:
            return None
        text = (self._entry(article_id) or (None,))[0]
        meta = dict(text["meta"]) if text else {}
        meta.update(self._list.get(article_id) or {})
        meta.setdefault("id", article_id)
        return userdata.corrected_article_row(meta, self.user_view())

    def find_article(self, target: str) -> str | None:
        """An article id from an id, a unique id prefix, or the path it was imported from."""
        if target in self._list:
            return target
        matches = (
            [aid for aid in self._list.ids if aid.startswith(target)] if len(target) >= 4 else []
        )
        if len(matches) == 1:
            return matches[0]
        with contextlib.suppress(OSError):
            resolved = str(Path(target).expanduser().resolve())
            return self.catalog().path_index().get(resolved)
        return None

    def article(self, article_id: str) -> Article | None:
        """The whole article: paragraphs, quotes, events and the people it names.

        Before the article list is parsed (the reader's first article is read while a
        worker builds the list) its shard alone says whether it exists: list and shards
        are written in one commit, and its record holds the list's row (``meta``)."""
        unlisted = self._list_read is None
        if not unlisted and article_id not in self._list:
            return None
        entry = self._entry(article_id)
        if entry is None and unlisted:
            return None
        if entry is None:
            raise self._corrupt(
                CorruptFile(
                    self.path / self._ref(shard_key(article_id)).name  # type: ignore[union-attr]
                    if self._ref(shard_key(article_id))
                    else self.path / library.MANIFEST,
                    f"article {article_id} is listed but its text is missing",
                )
            )
        text, quote_docs, event_docs = entry
        view = self.user_view()
        listed = {} if unlisted else self._list.get(article_id) or {}
        meta = {**text["meta"], **listed, "id": article_id}
        meta = userdata.corrected_article_row(meta, view)
        # the people as this article names them (kept in its shard): the merged people
        # family grows with the library and is not read to show one article
        people = [person_from_doc(d) for d in text.get("people", [])]
        order = lambda d: (d["paragraph"], d["start"])  # noqa: E731
        return Article(
            id=article_id,
            title=meta.get("title") or "",
            paragraphs=[Paragraph(t, k) for k, t in text["paragraphs"]],
            published=to_date(meta.get("published")),
            updated=to_datetime(meta.get("updated")),
            source=meta.get("source"),
            url=meta.get("url"),
            language=meta.get("language") or "en",
            path=meta.get("path"),
            checksum=meta.get("checksum") or "",
            place=meta.get("place"),
            encoding=meta.get("encoding") or "utf-8",
            author=meta.get("author"),
            title_derived=bool(meta.get("title_derived", False)),
            quotes=[
                quote_from_doc(userdata.corrected_quote_doc(d, view))
                for d in sorted(quote_docs, key=order)
            ],
            events=[event_from_doc(d) for d in sorted(event_docs, key=order)],
            people=people,
            visits=visits_from_docs(meta.get("visits")),
        )

    def _all_shards(self) -> Iterator[Shard]:
        """Every shard, each record decoded and checked (reads every shard)."""
        for key in sorted(k for k in self._manifest.files if k.startswith("shard/")):
            try:
                shard = self._shards.get(key)
                if shard is None:
                    data = self._bytes(key)
                    assert data is not None
                    shard = Shard.parse(key, data, self.path / self._ref(key).name)  # type: ignore[union-attr]
                shard.decode_all()  # every record checked here, not while it is used
            except CorruptFile as exc:
                raise self._corrupt(exc) from exc
            yield shard

    def quote_docs(self) -> Iterator[dict[str, Any]]:
        """Raw quote documents of listed articles, shard by shard (reads every shard)."""
        listed = self._list
        for shard in self._all_shards():
            for aid, (_text, quotes, _events) in shard.by_article.items():
                if aid in listed:
                    yield from quotes

    def quotes(
        self, article_id: str | None = None, speaker: str | None = None, kind: str | None = None
    ) -> list[Quote]:
        """Quotes in text order, filtered by article, speaker (substring) and kind.

        Without ``article_id`` this reads every shard: the command line and the reader
        search through :meth:`search` instead.
        """
        if article_id is not None:
            entry = self._entry(article_id) if article_id in self._list else None
            docs = list(entry[1]) if entry else []
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

    def quote(self, quote_id: str) -> Quote | None:
        """One quote, from the search rows (no shard read)."""
        doc = self._rows_file().quote(quote_id) if self._ref("rows") else None
        return quote_from_doc(userdata.corrected_quote_doc(doc, self.user_view())) if doc else None

    def events(self, article_id: str | None = None) -> list[Event]:
        if article_id is not None:
            article = self.article(article_id)
            return article.events if article else []
        hidden = self.user_view().archived
        docs = [
            d for aid, entry in self._digest_entries() if aid not in hidden for d in entry["events"]
        ]
        docs.sort(key=lambda d: (d["article_id"], d["paragraph"], d["start"]))
        return [event_from_doc(d) for d in docs]

    def quote_counts(self) -> dict[str, int]:
        """Quotes per person id over the listed articles (removed ones left out); a joint
        statement counts for each of its speakers. From the digest, not the shards."""
        hidden = self.user_view().archived
        counts: dict[str, int] = {}
        for aid, entry in self._digest_entries():
            if aid not in hidden:
                for pid, n in entry["speakers"].items():
                    counts[pid] = counts.get(pid, 0) + n
        return counts

    def _digest_entries(self) -> Iterator[tuple[str, digests.Entry]]:
        """(article id, digest entry) of every listed article: from the digest family, or
        from every shard in a library written before it."""
        if self._ref("digest") is not None:
            yield from self._read_digest().items(self._list.ids)
            return
        for shard in self._all_shards():
            for aid, (text, quotes, events) in shard.by_article.items():
                if aid in self._list and text is not None:
                    yield aid, entry_from_stored(text["meta"], quotes, events)

    def _read_digest(self) -> Digest:
        if self._digest is None:
            data = self._bytes("digest")
            path = self.path / self._ref("digest").name  # type: ignore[union-attr]
            try:
                self._digest = Digest.from_bytes(data, path) if data is not None else Digest()
            except CorruptFile as exc:
                raise self._corrupt(exc) from exc
        return self._digest

    def people(self) -> list[Person]:
        return [person_from_doc(d) for d in self._tables("people").get("people", {}).values()]

    # ------------------------------------------------------------------ timeline
    def timeline(
        self,
        *,
        article: str | None = None,
        visit: str | None = None,
        person: str | None = None,
        start: date | None = None,
        end: date | None = None,
    ) -> list[Any]:
        """The library's merged timeline (``TimelineEntry`` list), filtered; the one
        place visits are decided and meetings merged (see ``store/timeline.py``). One
        article's answer is read from the timeline family alone (``timeline_file.py``)."""
        saved = self._saved_timeline() if article is not None else None
        if saved is not None:
            from natojp_tui.store.timeline import filter_entries

            return filter_entries(
                saved.entries_of(article), visit=visit, person=person, start=start, end=end
            )
        return self._library_timeline().select(
            article=article, visit=visit, person=person, start=start, end=end
        )

    def visits(self, article: str | None = None) -> list[Any]:
        """Every visit of the library, or those ``article`` tells of."""
        saved = self._saved_timeline() if article is not None else None
        if saved is not None:
            return saved.visits_of(article)
        library = self._library_timeline()
        return library.visits_of(article) if article is not None else list(library.visits)

    def _saved_timeline(self) -> Any:
        """The generation's timeline file (memory-mapped), or None when it has none (a
        library of schema 5 or older that could not be upgraded)."""
        from natojp_tui.store.timeline_file import TimelineFile

        ref = self._ref("timeline")
        if ref is None:
            return None
        cached = self._timeline_file
        if cached is not None and cached[0] == ref:
            return cached[1]
        try:
            saved = TimelineFile(library.map_file(self.path, ref))
        except CorruptFile as exc:
            raise self._corrupt(exc) from exc
        except ValueError as exc:
            raise self._corrupt(CorruptFile(self.path / ref.name, str(exc))) from exc
        self._timeline_file = (ref, saved)
        return saved

    def _library_timeline(self) -> Any:
        """Visits and merged entries of the whole library, decided once per generation:
        from the timeline family when the generation has one, else from the stored
        events and visit mentions (the digest)."""
        state = (self._manifest.generation, self._manifest.commit)
        cached = self._timeline
        if cached is None or cached[0] != state:
            saved = self._saved_timeline()
            if saved is not None:
                from natojp_tui.store.timeline import LibraryTimeline

                built = LibraryTimeline.saved(saved.visits, saved.entries)
            else:
                built = self._build_timeline(self._digest_entries())
            cached = (state, built)
            self._timeline = cached
        return cached[1]

    def _build_timeline(self, entries: Iterable[tuple[str, digests.Entry]]) -> Any:
        """Decide visits and merged meetings from digest entries (``store/timeline.py``)."""
        from natojp_tui.store.timeline import from_digest

        return from_digest(self._list.get, entries)

    def _timeline_bytes(self, digest: Digest) -> bytes:
        """The timeline family of the library as it is being written (list and digest)."""
        from natojp_tui.store import timeline_file

        return timeline_file.build(self._build_timeline(digest.items(self._list.ids)))

    def feed_book(self) -> Any:
        """Feed subscriptions and seen items (``web/feeds.json``, see :mod:`natojp_tui.store.feeds`)."""
        from natojp_tui.store.feeds import FeedBook

        return FeedBook(self.path)

    # ------------------------------------------------------------------ user state
    # The user family is one small file of TinyDB tables (``stars``, ``state`` and
    # whatever else user data needs); a change rewrites only it and the manifest.
    def user_table(self, name: str) -> list[dict[str, Any]]:
        """Copies of the documents of one user table (empty when it does not exist)."""
        return [dict(d) for d in self._tables("user").get(name, {}).values()]

    @contextlib.contextmanager
    def user_writing(self) -> Iterator[TinyDB]:
        """Change user tables through TinyDB; committed as one write when the block ends."""
        with self._writing(["user"]):
            yield self._db("user")

    # Stars, notes, tags, corrections, removals, reading state, dossiers: userstate.py.

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
        return self.catalog().checksums()

    def import_paths(
        self,
        targets: Iterable[str | os.PathLike[str]],
        progress: ProgressFn | None = None,
        *,
        workers: int | None = None,
    ) -> ImportReport:
        """Import files, folders and globs: extract in a pool sized to the machine, and
        write in batches of ``IMPORT_BATCH`` articles (one commit, one write per shard each)."""
        import time

        from natojp_tui import ingest
        from natojp_tui.core.readers import ArticleError

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
        batch: list[Article] = []
        done = len(report.unchanged)
        self._import_session = library.new_commit_id()  # "new since the last import" spans batches
        started = time.perf_counter()

        def flush() -> None:
            t = time.perf_counter()
            sub = self.add_articles(batch)
            report.store_seconds += time.perf_counter() - t
            report.imported += sub.imported
            report.updated += sub.updated
            report.unchanged += sub.unchanged
            report.user += sub.user
            batch.clear()

        for path_text, article, error in self._extract_all(todo, workers):
            done += 1
            if progress:
                progress(done, len(files), path_text)
            if article is not None:
                batch.append(article)
            else:
                report.failed.append((path_text, error or "unreadable"))
            if len(batch) >= IMPORT_BATCH:
                flush()
        if batch:
            flush()
        report.extract_seconds = time.perf_counter() - started - report.store_seconds
        return report

    @staticmethod
    def _extract_all(
        paths: list[Path], workers: int | None
    ) -> Iterator[tuple[str, Article | None, str | None]]:
        texts = [str(p) for p in paths]
        if workers is None:
            workers = pool_size()
        if workers <= 1 or len(texts) < PARALLEL_MIN_FILES:
            yield from map(_load_one, texts)
            return
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=workers) as pool:
            yield from pool.map(_load_one, texts, chunksize=16)

    def add_articles(self, articles: Sequence[Article]) -> ImportReport:
        """Write analysed articles in one commit; an article with a known id is replaced."""
        report = ImportReport()
        if not articles:
            return report
        with _collector_paused(), self._writing(["people", "user", "imports"]):
            known = self.checksums()
            fresh: dict[str, Article] = {}
            for a in articles:
                if known.get(a.id) == a.checksum:
                    report.unchanged.append(a.id)
                else:
                    fresh[a.id] = a
            if not fresh:
                return report
            replaced = [aid for aid in fresh if aid in self._list]
            report.imported = [aid for aid in fresh if aid not in self._list]
            report.updated = replaced
            old_quotes = {q["id"]: q for aid in replaced for q in (self._entry(aid) or ((), ()))[1]}
            self._write_articles(fresh, set(replaced))
            relocation = self._reanchor(
                self._tables("user"), [fresh[aid] for aid in replaced], old_quotes
            )
            report.user = relocation.lines()
            self._record_import(list(fresh), self._import_session)
        return report

    def _write_articles(
        self,
        fresh: dict[str, Article],
        replaced: set[str],
        *,
        imported_at: dict[str, str] | None = None,
    ) -> None:
        """Stage every family an import changes: shards, list, catalog, digest, people,
        index, rows."""
        from natojp_tui.core.people import merge_people

        now = datetime.now().isoformat(timespec="seconds")
        when = {aid: (imported_at or {}).get(aid) or now for aid in fresh}
        digest = self._digest_for_write()  # before the shards change
        by_shard: dict[str, list[Article]] = {}
        for a in fresh.values():
            by_shard.setdefault(shard_key(a.id), []).append(a)
        for key, group in by_shard.items():
            shard = self._shard(key)
            shard.replace({a.id for a in group}, group, when)
            self._stage(key, shard.to_bytes())
        rows = [article_row(a, when[a.id]) for a in fresh.values()]
        self._list.replace((), rows)
        self._stage("articles", self._list.to_bytes())
        catalog = self.catalog()
        catalog.replace((), rows)
        self._stage("catalog", catalog.to_bytes())
        digest.replace(fresh.values())
        self._stage("digest", digest.to_bytes())
        self._stage("timeline", self._timeline_bytes(digest))
        people = self._db("people").table("people")
        merged = merge_people(self.people(), [p for a in fresh.values() for p in a.people])
        people.truncate()
        people.insert_multiple(person_doc(p) for p in merged)
        self._stage_search(fresh, replaced)

    def _digest_for_write(self) -> Digest:
        """The digest an import extends: the library's, built from the shards once for a
        library written before it (the articles being written are replaced anyway)."""
        if self._ref("digest") is not None or not len(self._list):
            return self._read_digest() if self._ref("digest") is not None else Digest()
        return Digest(dict(self._digest_entries()))

    # ------------------------------------------------------------------ search
    def _stage_search(self, fresh: dict[str, Article], replaced: set[str]) -> None:
        """The new generation's rows and index, tagged with the generation being committed."""
        from natojp_tui.core.search import SearchIndex
        from natojp_tui.store.rows import SearchRows

        tag = self._next_tag()
        old_rows = self._rows_file() if self._ref("rows") else None
        new_quotes = [quote_doc(q) for a in fresh.values() for q in a.quotes]
        fresh_rows = {a.id: self._row_article(a) for a in fresh.values()}
        rows_bytes = SearchRows.build(old_rows, replaced, new_quotes, fresh_rows, tag)
        rows = SearchRows.from_buffer(rows_bytes)
        # the fresh quotes' records from what is in memory, not read back from the rows file
        new_records = [_record(d, fresh_rows[d["article_id"]]) for d in new_quotes]
        index = self.search_index() if self._ref("search") else None
        if index is None or len(replaced) > INDEX_REBUILD_AT:
            kept = (
                self._record_from(rows, qid)
                for qid in rows.quote_ids()
                if qid.split(":", 1)[0] not in fresh
            )
            index = SearchIndex.build([*kept, *new_records], fetch=self._fetch_record)
        else:
            self._undress_index(index, rows)  # what is saved holds the records as extracted
            for aid in replaced:
                index.remove_article(aid)
            index.add(new_records)
        self._stage("rows", rows_bytes)
        self._stage("search", index.to_bytes(tag=tag))
        with self._search_lock:
            self._search = index
            self._rows = rows
            self._rows_articles = {}
            self._record_cache = {}
        self._user = None  # re-anchoring may follow; dressed when first searched

    @staticmethod
    def _row_article(a: Article) -> dict[str, Any]:
        """What a result row and a citation need of an article (see ``rows.py``)."""
        return {
            "title": a.title,
            "published": a.published.isoformat() if a.published else None,
            "source": a.source,
            "url": a.url,
            "place": a.place,
            "path": a.path,
            "people": [person_doc(p) for p in a.people],
            "events": [event_doc(e) for e in a.events if e.place],
        }

    def _rows_file(self) -> SearchRows:
        from natojp_tui.store.rows import SearchRows, empty_rows

        with self._search_lock:
            if self._rows is None:
                ref = self._ref("rows")
                if ref is None:
                    self._rows = SearchRows.from_buffer(empty_rows(""))
                else:
                    try:
                        mapped = library.map_file(self.path, ref)
                        self._rows = SearchRows.from_buffer(mapped)
                    except (CorruptFile, ValueError) as exc:
                        bad = (
                            exc
                            if isinstance(exc, CorruptFile)
                            else CorruptFile(self.path / ref.name, str(exc))
                        )
                        raise self._corrupt(bad) from exc
                self._rows_articles = {}
            return self._rows

    def _rows_article(self, rows: SearchRows, article_id: str) -> dict[str, Any]:
        doc = self._rows_articles.get(article_id) if rows is self._rows else None
        if doc is None:
            doc = rows.article(article_id) or {}
            if rows is self._rows:
                if len(self._rows_articles) > 4096:
                    self._rows_articles.clear()
                self._rows_articles[article_id] = doc
        return doc

    def _record_from(self, rows: SearchRows, quote_id: str) -> Any:
        doc = rows.quote(quote_id)
        if doc is None:
            raise KeyError(quote_id)
        return _record(doc, self._rows_article(rows, doc["article_id"]))

    def _fetch_record(self, quote_id: str) -> Any:
        """A search hit's record from the rows file, as the user corrected it, kept in a
        small cache: as a query is typed, each keystroke's first page mostly repeats the
        previous one's (the cache is emptied when the user's data changes)."""
        cache = self._record_cache
        record = cache.get(quote_id)
        if record is None:
            raw = self._record_from(self._rows or self._rows_file(), quote_id)
            record = self._corrected_record(raw)
            if len(cache) >= RECORD_CACHE:
                cache.pop(next(iter(cache)))
            cache[quote_id] = record
        return record

    def quote_records(self) -> list[Any]:
        """Every quote as a search record, from the rows file (no shard read)."""
        rows = self._rows_file()
        return [self._record_from(rows, qid) for qid in rows.quote_ids()]

    def search_index(self) -> Any:
        """The quote search index of this generation (memory-mapped, nothing tokenised)."""
        from natojp_tui.core.search import SearchIndex

        with self._search_lock:
            if self._search is None:
                ref = self._ref("search")
                if ref is None:
                    self._search = SearchIndex.build([], fetch=self._fetch_record)
                else:
                    path = self.path / ref.name
                    try:
                        mapped = library.map_file(self.path, ref)
                        index = SearchIndex.from_bytes(
                            memoryview(mapped), fetch=self._fetch_record, starred=self.starred()
                        )
                    except CorruptFile as exc:
                        raise self._corrupt(exc) from exc
                    except (ValueError, IndexError, TypeError) as exc:
                        raise self._corrupt(
                            CorruptFile(path, f"damaged search index ({exc})")
                        ) from exc
                    if index.tag != ref.tag:
                        raise self._corrupt(
                            CorruptFile(
                                path,
                                f"search index tagged {index.tag!r}, not the generation that wrote it ({ref.tag})",
                            )
                        )
                    self._search = index
            self._dress_index(self._search)
            return self._search

    def warm(self) -> None:
        """Map the search index and rows ahead of the first search (nothing is parsed)."""
        self.search_index()
        if self._ref("rows"):
            self._rows_file().touch()

    def _guarded(self, call: Callable[[Any], Any]) -> Any:
        index = self.search_index()
        try:
            return call(index)
        except KeyError as exc:
            if self.reload_if_changed():
                return call(self.search_index())
            raise self._corrupt(
                CorruptFile(
                    self.path / (self._ref("rows") or FileRef("rows", 0, 0)).name,
                    f"no search row for quote {exc}",
                )
            ) from exc
        except (IndexError, ValueError) as exc:
            ref = self._ref("search")
            raise self._corrupt(
                CorruptFile(
                    self.path / (ref.name if ref else "search"), f"damaged search index ({exc})"
                )
            ) from exc

    def parsed_query(self, query: str) -> Any:
        """``query`` parsed, with ``source:`` and ``visit:`` turned into the article ids
        they name (publishers from the article list, visits from the library timeline)."""
        from natojp_tui.core.search import parse_query, resolve_articles

        pq = parse_query(query)
        if not pq.source and not pq.visit:
            return pq
        sources = dict(zip(self._list.columns["id"], self._list.columns["source"], strict=True))
        return resolve_articles(pq, sources, self.visits() if pq.visit else ())

    def search(self, query: Any, limit: int = 200, offset: int = 0, cancelled: Any = None) -> Any:
        """First page of quotes matching ``query`` (a string in the language of
        :mod:`natojp_tui.core.search`, ``source:`` and ``visit:`` resolved here, or a parsed
        query) and the total; ``cancelled()`` true stops it with ``SearchCancelled``."""
        if isinstance(query, str):
            query = self.parsed_query(query)
        return self._guarded(
            lambda index: index.search(query, limit=limit, offset=offset, cancelled=cancelled)
        )

    def search_ids(self, query: Any) -> list[str]:
        """Ids of every matching quote, best first (``source:``/``visit:`` resolved)."""
        parsed = self.parsed_query(query) if isinstance(query, str) else query
        return list(self._guarded(lambda index: index.ids(parsed)))

    def cited_quotes(
        self, quote_ids: Iterable[str]
    ) -> tuple[list[Quote], Callable[[str], Article]]:
        """Quotes by id with an article lookup good for citations and exports, from the
        search rows: title, date, source, URL, source path (rows written since schema 4),
        the people named and the placed events (no paragraphs, no shard, no article list
        or catalog read)."""
        rows = self._rows_file()
        quotes: list[Quote] = []
        articles: dict[str, Article] = {}
        view = self.user_view()
        for qid in quote_ids:
            doc = rows.quote(qid)
            if doc is None:
                continue
            quotes.append(quote_from_doc(userdata.corrected_quote_doc(doc, view)))
            aid = doc["article_id"]
            if aid not in articles:
                a = self._rows_article(rows, aid)
                articles[aid] = Article(
                    id=aid,
                    title=a.get("title") or (self._list.get(aid) or {}).get("title") or "",
                    paragraphs=[],
                    published=to_date(a.get("published")),
                    source=a.get("source"),
                    url=a.get("url"),
                    place=a.get("place"),
                    path=a.get("path"),  # the catalog (~19 MB at 100,000) is not read
                    events=[event_from_doc(e) for e in a.get("events", [])],
                    people=[person_from_doc(d) for d in a.get("people", []) if isinstance(d, dict)],
                )
        for aid, article in articles.items():
            userdata.correct_article(article, view.corrections.get(aid))
        return quotes, articles.__getitem__

    def ensure_seeded(self, progress: ProgressFn | None = None) -> ImportReport | None:
        """First use of a database that never held articles imports the bundled ones
        (a library whose articles were all removed keeps its empty list)."""
        if not self.is_empty() or "articles" in self._manifest.files:
            return None
        from natojp_tui.locations import bundled_articles_dir

        return self.import_paths([bundled_articles_dir()], progress=progress)
