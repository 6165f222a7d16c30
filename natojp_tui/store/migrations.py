"""Schema migrations, and the move from the one-file-per-family layout to the sharded one.

History:

- **1 → 2**: ``texts`` rows record the article's source ``path`` too, so ``natojp
  repair`` can recover the list of sources when ``articles.json`` is damaged.
- **2 → 3**: the sharded library (``db.py``, ``library.py``): the six family files
  (``articles.json`` … ``user.json``) become one generation named by ``manifest.json``;
  texts, quotes and events are sharded by article. The old files are copied into
  ``backup-schema<N>-<timestamp>/`` first and removed once the new generation is
  committed; a migration interrupted before that leaves the old layout as it was.
- **3 → 4** (in place, as files are rewritten; no backup needed since every commit is a
  new generation): a shard is written with an index of its articles' byte spans
  (``shards.py``) so that opening one article parses one record, not the whole shard;
  schema-3 shards (TinyDB tables) are read as before and rewritten in the new form when
  they next change. The last import's article ids (the "new" marks) move from the user
  family's ``imports`` table to their own ``imports`` family the first time the user
  family is written, so a star no longer rewrites a list that grows with the library.
- **4 → 5** (at first open, one commit, after a backup): a change of the user's data
  alone is appended to the generation's journal (``journal.py``) instead of committing a
  new generation, so a star is one durable write; a schema-4 reader would not see the
  journal, hence the new number. The search index gains the rank of the word at every
  position (phrases read it instead of scanning a common word's occurrences) and is
  rewritten once. The manifest and every file it names are first hard-linked into
  ``backup-schema4-<timestamp>/`` (files are never changed once written, so a link is
  a full copy at no cost); an interrupted upgrade leaves schema 4 as it was.
- **5 → 6** (at first open, one commit, after a backup as for 4 → 5): the ``timeline``
  family (``timeline_file.py``) holds the library's visits and merged meetings, decided
  by each commit that changes the articles, so the reader's timeline pane reads one
  article's answer instead of deciding the whole library's. The upgrade builds it once
  from the digest (or, in a library without one, from the shards); a schema-5 writer
  would leave it stale, hence the new number. A 4 → 5 upgrade writes it in its commit.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from natojp_tui.core.model import Article, Paragraph
from natojp_tui.store.records import (
    event_from_doc,
    event_problem,
    person_from_doc,
    person_problem,
    quote_from_doc,
    quote_problem,
    record_id,
    to_date,
    to_datetime,
)
from natojp_tui.store.storage import CorruptFile, fsync_dir

if TYPE_CHECKING:
    from natojp_tui.store.db import Store
    from natojp_tui.store.library import Manifest

Tables = dict[str, dict[str, dict[str, Any]]]  # family -> table -> doc_id -> doc

LEGACY_FAMILIES = ("articles", "texts", "quotes", "events", "people", "user")
LEGACY_REQUIRED = ("articles", "texts", "quotes", "events", "people")  # user.json is optional
LEGACY_EXTRA = ("search.idx",)


def _v1_to_v2(families: Tables) -> None:
    paths = {d["id"]: d.get("path") for d in families["articles"].get("articles", {}).values()}
    for doc in families["texts"].get("texts", {}).values():
        doc.setdefault("path", paths.get(doc.get("article_id")))


MIGRATIONS: dict[int, Callable[[Tables], None]] = {1: _v1_to_v2}
LEGACY_LATEST = 2


def is_legacy(folder: Path) -> bool:
    """True when ``folder`` holds the one-file-per-family layout (schema 1 or 2)."""
    return any((folder / f"{f}.json").exists() for f in LEGACY_FAMILIES)


def legacy_files(folder: Path) -> list[Path]:
    names = [f"{f}.json" for f in LEGACY_FAMILIES] + [f"{f}.json.bak" for f in LEGACY_FAMILIES]
    return [folder / n for n in [*names, *LEGACY_EXTRA] if (folder / n).exists()]


def backup_folder(folder: Path, version: int) -> Path:
    """Copy every file of the old layout into ``backup-schema<version>-<timestamp>/``."""
    target = _backup_target(folder, version)
    target.mkdir()
    for item in legacy_files(folder):
        shutil.copy2(item, target / item.name)
    fsync_dir(target)
    return target


def _backup_target(folder: Path, version: int) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"backup-schema{version}-{stamp}"
    n = 1
    while target.exists():
        n += 1
        target = folder / f"backup-schema{version}-{stamp}-{n}"
    return target


_CHECKS = {
    "quotes": quote_problem,
    "events": event_problem,
    "people": person_problem,
}


def read_legacy(folder: Path) -> Tables:
    """The old layout's tables; raises CorruptFile naming the first damaged file or record."""
    families: Tables = {}
    for family in LEGACY_FAMILIES:
        path = folder / f"{family}.json"
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            if family in LEGACY_REQUIRED:
                raise CorruptFile(path, "missing (the other family files are here)") from None
            families[family] = {}
            continue
        except OSError as exc:
            raise CorruptFile(path, f"cannot be read ({exc.strerror or exc})") from exc
        try:
            data = orjson.loads(raw)
        except orjson.JSONDecodeError as exc:
            raise CorruptFile(path, f"not valid JSON ({exc})") from exc
        if not isinstance(data, dict) or not all(isinstance(t, dict) for t in data.values()):
            raise CorruptFile(path, "not a TinyDB database (expected an object of tables)")
        check = _CHECKS.get(family)
        for table in data.values():
            for doc_id, doc in table.items():
                problem = (
                    check(doc) if check else (None if isinstance(doc, dict) else "is not an object")
                )
                if problem:
                    raise CorruptFile(path, f"record {doc_id} ({record_id(doc)}) {problem}")
        families[family] = data
    return families


def legacy_version(families: Tables) -> int:
    meta = families["articles"].get("meta", {})
    version = next((d.get("schema") for d in meta.values() if "schema" in d), LEGACY_LATEST)
    return version if isinstance(version, int) else LEGACY_LATEST


def legacy_articles(families: Tables) -> tuple[list[Article], dict[str, str]]:
    """Model articles rebuilt from the old tables, and when each was imported."""
    texts = {d.get("article_id"): d for d in families["texts"].get("texts", {}).values()}
    quotes: dict[str, list[dict]] = {}
    for d in families["quotes"].get("quotes", {}).values():
        quotes.setdefault(d["article_id"], []).append(d)
    events: dict[str, list[dict]] = {}
    for d in families["events"].get("events", {}).values():
        events.setdefault(d["article_id"], []).append(d)
    people = {d["id"]: d for d in families["people"].get("people", {}).values()}
    articles, imported_at = [], {}
    for row in families["articles"].get("articles", {}).values():
        aid = row.get("id")
        text = texts.get(aid)
        if not isinstance(aid, str) or text is None:
            continue  # an article whose text never reached the disk was never recorded
        order = lambda d: (d["paragraph"], d["start"])  # noqa: E731
        articles.append(
            Article(
                id=aid,
                title=row.get("title") or "",
                paragraphs=[Paragraph(t, k) for k, t in text.get("paragraphs", [])],
                published=to_date(row.get("published")),
                updated=to_datetime(row.get("updated")),
                source=row.get("source"),
                url=row.get("url"),
                language=row.get("language") or "en",
                path=row.get("path") or text.get("path"),
                checksum=row.get("checksum") or "",
                place=row.get("place"),
                encoding=row.get("encoding") or "utf-8",
                quotes=[quote_from_doc(d) for d in sorted(quotes.get(aid, []), key=order)],
                events=[event_from_doc(d) for d in sorted(events.get(aid, []), key=order)],
                people=[person_from_doc(people[p]) for p in row.get("people", []) if p in people],
            )
        )
        imported_at[aid] = row.get("imported_at") or ""
    return articles, imported_at


def migrate_legacy(store: Store) -> Path | None:
    """Move an old-layout folder to the sharded library; returns the backup folder."""
    from natojp_tui.store import library

    folder = store.path
    with store._writing(["people", "user"]):
        if library.read_manifest(folder) is not None:  # another process migrated first
            store.reload_if_changed()
            return None
        try:
            families = read_legacy(folder)
        except CorruptFile as exc:
            raise store._corrupt(exc) from exc
        version = legacy_version(families)
        if version > LEGACY_LATEST:
            from natojp_tui.store.db import StoreError

            raise StoreError(
                f"{folder / 'articles.json'}: written by a newer natojp-tui (schema {version}); "
                f"upgrade natojp-tui to open it"
            )
        backup = backup_folder(folder, version)
        for v in range(version, LEGACY_LATEST):
            MIGRATIONS[v](families)
        articles, imported_at = legacy_articles(families)
        store._migrated_from = version
        if articles:
            store._write_articles({a.id: a for a in articles}, set(), imported_at=imported_at)
        people = store._db("people")
        people.storage.write(dict(families["people"]))
        user = store._db("user")
        user.storage.write(dict(families["user"]))
    store._migrated_from = None
    for item in legacy_files(folder):  # committed: the old files live on in the backup
        with contextlib.suppress(OSError):
            os.unlink(item)
    return backup


UPGRADE_BATCH = 128  # shards rewritten per commit of the 3 → 4 upgrade (bounds its memory)


def upgrade_shards(store: Store) -> int:
    """Schema 3 → 4 in place: every shard written as TinyDB tables is rewritten with its
    index, ``UPGRADE_BATCH`` shards per commit (each commit a whole library: old and new
    shards read alike); the manifest says schema 4 only after the last one, so an
    interrupted upgrade goes on at the next open. The user family's ``imports`` table
    moves to its own family in the last commit. Returns the shards rewritten."""
    from natojp_tui.store import shards

    done = 0
    while True:
        with store._writing(["user", "imports"]):
            if store._manifest.schema >= 4:  # another process upgraded it first
                return done
            todo = []
            for key in sorted(k for k in store._manifest.files if k.startswith("shard/")):
                data = store._bytes(key)
                if data is not None and not shards.is_indexed(data):
                    todo.append((key, data))
                    if len(todo) == UPGRADE_BATCH:
                        break
            last = len(todo) < UPGRADE_BATCH
            for key, data in todo:
                try:
                    shard = shards.Shard.parse(key, data, store.path / store._ref(key).name)  # type: ignore[union-attr]
                except CorruptFile as exc:
                    raise store._corrupt(exc) from exc
                store._stage(key, shard.to_bytes())
            if last:
                store._storage("user").changed = True  # its imports table moves out
            store._schema = 4 if last else 3  # not yet 4: the next open goes on
            done += len(todo)
        store._schema = None
        if last:
            return done


def upgrade(store: Store) -> Path | None:
    """Bring a library of an older sharded schema up to date (run at open); returns the
    backup folder of the 4 → 5 upgrade, when it ran."""
    if store._manifest.schema < 4:
        upgrade_shards(store)
    if store._manifest.schema < 5:
        return upgrade_journal(store)
    if store._manifest.schema < 6:
        return upgrade_timeline(store)
    return None


def upgrade_journal(store: Store) -> Path | None:
    """Schema 4 → 5 (see the module docstring): back up, rewrite the index, commit."""
    from natojp_tui.core.search import SearchIndex

    def stage(manifest: Manifest) -> None:
        data = store._bytes("search")
        if data is not None:
            try:
                index = SearchIndex.from_bytes(data, fetch=None)  # type: ignore[arg-type]
            except ValueError as exc:
                path = store.path / manifest.files["search"].name
                raise store._corrupt(CorruptFile(path, f"damaged search index ({exc})")) from exc
            store._stage("search", index.to_bytes(tag=store._next_tag()))
        _stage_timeline(store)

    return _upgrade(store, 5, stage)


def upgrade_timeline(store: Store) -> Path | None:
    """Schema 5 → 6 (see the module docstring): back up, build the timeline, commit."""
    return _upgrade(store, 6, lambda manifest: _stage_timeline(store))


def _upgrade(store: Store, schema: int, stage: Callable[[Manifest], None]) -> Path | None:
    """One upgrade to ``schema`` under the writer's lock: a hard-link backup of the old
    generation first, then ``stage`` the new files and commit (nothing when another
    process has upgraded it already). The backup's folder is returned."""
    from natojp_tui.store.db import StoreError

    with store._writing(["user"]):
        manifest = store._manifest
        if manifest.schema >= schema:  # another process upgraded it first
            return None
        try:
            backup = link_backup(store.path, manifest, manifest.schema)
        except OSError as exc:
            raise StoreError(f"{store.path}: cannot back up before upgrading ({exc})") from exc
        stage(manifest)
        store._storage("user").changed = True  # a commit even with nothing to rewrite
    return backup


def _stage_timeline(store: Store) -> None:
    """Stage the timeline family of the library as it is (from its digest entries)."""
    from natojp_tui.store import timeline_file

    if len(store._list):
        store._stage(
            "timeline", timeline_file.build(store._build_timeline(store._digest_entries()))
        )


def link_backup(folder: Path, manifest: Any, version: int) -> Path:
    """Hard-link the manifest and every file it names into ``backup-schema<version>-…/``."""
    from natojp_tui.store import library

    target = _backup_target(folder, version)
    target.mkdir()
    names = [library.MANIFEST, *(f.name for f in manifest.files.values())]
    for name in names:
        try:
            os.link(folder / name, target / name)
        except OSError:
            shutil.copy2(folder / name, target / name)
    fsync_dir(target)
    return target
