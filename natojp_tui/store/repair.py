"""``natojp repair``: check every file and record; rebuild a damaged library aside, swap it in last.

Repair holds the lock, checks the current generation (``checks.py``) and, when anything
is damaged, builds a complete new generation from what is good: a damaged family is
restored from the last good copy (the previous generation, ``manifest.json.bak``),
the article list, catalog, search rows and index are rebuilt from the shards, and an
article whose stored text is gone or whose quotes no longer slice it is read again from
its source file. The damaged files are linked into ``repair-<timestamp>/`` and the new
generation is committed by replacing the manifest, so an interrupted repair changes
nothing. The user family is carried over whole; the result says what was done.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from filelock import Timeout

from natojp_tui.core.model import Article, Paragraph
from natojp_tui.store import library
from natojp_tui.store.articlelist import ArticleList, Catalog
from natojp_tui.store.checks import Checked, check_generation
from natojp_tui.store.db import LOCK_TIMEOUT, Store, StoreError, shard_key
from natojp_tui.store.library import Manifest
from natojp_tui.store.records import (
    event_from_doc,
    person_from_doc,
    quote_from_doc,
    to_date,
    to_datetime,
    visits_from_docs,
)
from natojp_tui.store.storage import CorruptFile, TableStorage, file_signature


@dataclass(slots=True)
class RepairResult:
    """What repair found and did."""

    folder: Path
    damaged: list[str] = field(default_factory=list)  # "path: problem"
    actions: list[str] = field(default_factory=list)  # what was done, in order
    moved_to: Path | None = None
    rebuilt: int = 0  # articles in the repaired library
    missing_sources: list[str] = field(default_factory=list)
    failed_sources: list[str] = field(default_factory=list)
    stars_kept: int = 0
    stars_lost: int = 0  # stars whose quote is not in the repaired library (kept as user data)
    state_kept: int = 0
    unplaced: list[str] = field(default_factory=list)  # "1 note could not be placed"
    swept: list[str] = field(default_factory=list)  # temp files and unnamed files removed

    @property
    def ok(self) -> bool:
        return not self.failed_sources

    def lines(self) -> list[str]:
        out = [f"damaged: {d}" for d in self.damaged]
        if self.swept:
            out.append(
                f"removed {len(self.swept)} files left by an interrupted write: "
                + ", ".join(self.swept[:5])
                + (" …" if len(self.swept) > 5 else "")
            )
        if not self.damaged:
            out.append(f"{self.folder}: the database is healthy; nothing to repair")
            return out
        out += self.actions
        if self.moved_to:
            out.append(f"the damaged files are kept in {self.moved_to}")
        out.append(f"the repaired library holds {self.rebuilt} articles")
        out += [f"could not recover (source file gone): {p}" for p in self.missing_sources]
        out += [f"could not recover (source unreadable): {p}" for p in self.failed_sources]
        out.append(f"kept {self.stars_kept} stars and {self.state_kept} settings")
        out += [f"{line} (kept; 'natojp unplaced' lists them)" for line in self.unplaced]
        return out


def _article(text: dict[str, Any], quotes: list[dict], events: list[dict], people: dict) -> Article:
    meta = text["meta"]
    order = lambda d: (d["paragraph"], d["start"])  # noqa: E731
    return Article(
        id=text["article_id"],
        title=meta.get("title") or "",
        paragraphs=[Paragraph(t, k) for k, t in text["paragraphs"]],
        published=to_date(meta.get("published")),
        updated=to_datetime(meta.get("updated")),
        source=meta.get("source"),
        url=meta.get("url"),
        language=meta.get("language") or "en",
        path=meta.get("path") or text.get("path"),
        checksum=meta.get("checksum") or "",
        place=meta.get("place"),
        encoding=meta.get("encoding") or "utf-8",
        quotes=[quote_from_doc(d) for d in sorted(quotes, key=order)],
        events=[event_from_doc(d) for d in sorted(events, key=order)],
        people=[person_from_doc(p) for p in text.get("people", [])]
        or [person_from_doc(people[p]) for p in meta.get("people", []) if p in people],
        visits=visits_from_docs(meta.get("visits")),  # the visit mentions (the timeline's)
    )


def _good_previous(folder: Path, key: str, current: Manifest) -> tuple[Checked, str] | None:
    """The previous generation's copy of ``key`` when it differs and is good."""
    try:
        previous = library.read_manifest(folder, library.PREVIOUS)
    except CorruptFile:
        return None
    if previous is None or key not in previous.files:
        return None
    ref = previous.files[key]
    if current.files.get(key) == ref:
        return None
    one = Manifest(previous.generation, previous.commit, previous.schema, {key: ref})
    checked = check_generation(folder, one)
    if checked.problems:
        return None
    return checked, f"{ref.name} (generation {previous.generation})"


def repair(folder: Path) -> RepairResult:
    """Check every file and record; when anything is damaged, rebuild and swap in."""
    folder = Path(folder)
    if not folder.is_dir():
        raise StoreError(f"{folder}: no database folder here")
    store = Store(folder)
    try:
        store._lock.acquire()
    except Timeout as exc:
        raise StoreError(
            f"{folder}: another natojp process holds the database lock (waited {LOCK_TIMEOUT:.0f} s)"
        ) from exc
    try:
        return _repair_locked(store)
    finally:
        store._lock.release()


def _repair_locked(store: Store) -> RepairResult:
    from natojp_tui.store import migrations

    folder = store.path
    result = RepairResult(folder=folder)
    try:
        manifest = library.read_manifest(folder)
        manifest_ok = True
    except CorruptFile as exc:
        result.damaged.append(f"{exc.path}: {exc.problem}")
        manifest, manifest_ok = None, False
    if manifest is None and manifest_ok and migrations.is_legacy(folder):
        return _repair_legacy(store, result)
    if manifest is None:
        try:
            manifest = library.read_manifest(folder, library.PREVIOUS)
        except CorruptFile:
            manifest = None
        if manifest is not None:
            result.actions.append("used the previous generation's manifest (manifest.json.bak)")
        elif not manifest_ok or any(library.NAME.match(n) for n in os.listdir(folder)):
            if manifest_ok:
                result.damaged.append(f"{folder / library.MANIFEST}: missing")
            return _rebuild_from_scan(store, result)
        else:
            return result  # an empty folder: nothing to repair
    checked = check_generation(folder, manifest)
    for problem in checked.problems.values():
        result.damaged.append(problem)
    if not result.damaged:
        keep = {f.name for f in manifest.files.values()}
        with contextlib.suppress(CorruptFile):
            previous = library.read_manifest(folder, library.PREVIOUS)
            keep |= {f.name for f in previous.files.values()} if previous else set()
        result.swept = library.sweep(folder, keep)
        return result
    return _rebuild(store, result, manifest, checked, manifest_ok)


def _link_aside(folder: Path, names: list[str], result: RepairResult) -> None:
    """Keep the damaged files in ``repair-<timestamp>/`` (hard links: nothing is copied)."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = folder / f"repair-{stamp}"
    n = 1
    while aside.exists():
        n += 1
        aside = folder / f"repair-{stamp}-{n}"
    aside.mkdir()
    for name in names:
        src = folder / name
        if not src.exists() and not src.is_symlink():
            continue
        try:
            os.link(src, aside / name, follow_symlinks=False)
        except OSError:
            shutil.copy2(src, aside / name, follow_symlinks=False)
    result.moved_to = aside


def _rebuild(
    store: Store, result: RepairResult, manifest: Manifest, checked: Checked, manifest_ok: bool
) -> RepairResult:
    folder = store.path
    # 1. the last good copy of each damaged family
    restored: set[str] = set()
    for key in sorted(checked.problems):
        if key == "user" and checked.journaled:
            continue  # the journal holds the user family whole
        if key == library.JOURNAL:
            result.actions.append(
                f"the changes to the user data since generation {manifest.generation} "
                "(its journal) are lost; the user data is kept as that generation committed it"
            )
            continue
        found = _good_previous(folder, key, manifest)
        if found is None:
            continue
        good, name = found
        if key in ("articles", "catalog"):
            setattr(checked, key, getattr(good, key))
        elif key.startswith("shard/"):
            checked.shards[key] = good.shards[key]
        elif key in good.small:
            checked.small[key] = good.small[key]
        else:
            continue
        restored.add(key)
        result.actions.append(f"restored {key} from the last good copy {name}")
    people_tables = checked.small.get("people", {})
    people_docs = {d["id"]: d for d in people_tables.get("people", {}).values()}
    # 2. every article the shards hold, in the list's order when the list is good
    stored: dict[str, Article] = {}
    for key, shard in checked.shards.items():
        # a shard that parsed but whose quotes no longer slice their text: those articles
        # are read again from their sources, the others are kept
        bad = set() if key in restored else {a for a in checked.bad_quotes if shard_key(a) == key}
        for aid, (text, quotes, events) in shard.by_article.items():
            if text is not None and aid not in bad:
                stored[aid] = _article(text, quotes, events, people_docs)
    wanted = list(checked.articles.ids) if checked.articles is not None else list(stored)
    if checked.articles is None and "articles" in checked.problems:
        result.actions.append(f"rebuilt the article list from the shards ({len(stored)} articles)")
    paths: dict[str, str] = {}
    if checked.catalog is not None:
        paths = {
            a: p
            for a, p in zip(checked.catalog.ids, checked.catalog.columns["path"], strict=True)
            if p
        }
    for a in stored.values():
        if a.path:
            paths.setdefault(a.id, a.path)
    # 3. what the shards lack is read again from its source
    lacking = [aid for aid in wanted if aid not in stored]
    if lacking:
        _reextract(store, lacking, paths, stored, result)
    articles = {aid: stored[aid] for aid in wanted if aid in stored}
    when = {}
    for shard in checked.shards.values():
        for aid, (text, _q, _e) in shard.by_article.items():
            if text is not None:
                when[aid] = text["meta"].get("imported_at") or ""
    user = checked.small.get("user")
    if user is None:
        user = {}
        if "user" in manifest.files:
            result.actions.append("the user data (stars, state) could not be recovered")
    damaged = [f.name for k, f in manifest.files.items() if k in checked.problems]
    _link_aside(folder, damaged + ([] if manifest_ok else [library.MANIFEST]), result)
    imports = checked.small.get("imports") or {}  # the "new" marks of the last import
    _commit_fresh(
        store, manifest, manifest_ok, articles, when, people_tables, user, result, imports
    )
    return result


def _reextract(
    store: Store,
    lacking: list[str],
    paths: dict[str, str],
    stored: dict[str, Article],
    result: RepairResult,
) -> None:
    sources = []
    for aid in lacking:
        path = paths.get(aid)
        if path is None:
            result.missing_sources.append(f"article {aid} (its source path is lost)")
        elif not Path(path).is_file():
            result.missing_sources.append(path)
        else:
            sources.append(Path(path))
    got = 0
    for path_text, article, error in store._extract_all(sources, None):
        if article is None:
            result.failed_sources.append(f"{path_text}: {error}")
        else:
            stored[article.id] = article
            got += 1
    if got:
        result.actions.append(f"read {got} articles again from their source files")


def _commit_fresh(
    store: Store,
    replaced: Manifest,
    keep_previous: bool,
    articles: dict[str, Article],
    imported_at: dict[str, str],
    people: dict[str, dict[str, Any]],
    user: dict[str, dict[str, Any]],
    result: RepairResult,
    imports: dict[str, dict[str, Any]] | None = None,
) -> None:
    """Write a whole new generation of ``articles`` and ``user`` and swap it in.

    The store is pointed at an empty generation so that nothing damaged is read; the
    commit replaces ``replaced``, which stays behind as ``manifest.json.bak`` (when it
    could be read) so that a later repair can still take good files from it.
    """
    from tinydb import TinyDB

    store._manifest = Manifest()
    store._commit_base = replaced
    store._manifest_sig = file_signature(store.path / library.MANIFEST)
    store._list = ArticleList()
    store._dbs = {
        "people": TinyDB(storage=TableStorage, data={}),
        "user": TinyDB(storage=TableStorage, data={}),
        "imports": TinyDB(storage=TableStorage, data={}),
    }
    store._keep_previous = keep_previous
    try:
        with store._writing(["people", "user", "imports"]):
            store._catalog = Catalog()
            if articles:
                store._write_articles(articles, set(), imported_at=imported_at)
            if people.get("people"):
                store._db("people").storage.write(dict(people))
            store._db("user").storage.write(dict(user))
            if imports:
                store._db("imports").storage.write(dict(imports))
            store.repair_user(articles.values())  # every note, tag, star on the same words
            store._stage("articles", store._list.to_bytes())
    finally:
        store._keep_previous = True
        store._commit_base = None
    view = store.user_view()
    result.unplaced = view.lost_summary()  # lost now or before: all kept in the user data
    result.stars_lost = sum(1 for d in view.lost if d["table"] == "stars")
    result.stars_kept = len(user.get("stars", {})) - result.stars_lost
    result.state_kept = len(user.get("state", {}))
    result.rebuilt = len(articles)
    result.actions.append(
        f"committed the repaired library as generation {store._manifest.generation}"
    )


def _rebuild_from_scan(store: Store, result: RepairResult) -> RepairResult:
    """No readable manifest: rebuild from every readable library file in the folder."""
    folder = store.path
    newest: dict[str, tuple[int, str]] = {}
    for name in os.listdir(folder):
        m = library.NAME.match(name)
        if not m:
            continue
        key = m["key"].replace("shard-", "shard/", 1) if m["key"].startswith("shard-") else m["key"]
        gen = int(m["gen"])
        if key not in newest or gen > newest[key][0]:
            newest[key] = (gen, name)
    files = {}
    for key, (_gen, name) in newest.items():
        try:
            data = (folder / name).read_bytes()
        except OSError:
            continue
        files[key] = library.FileRef(name, len(data), library.crc32(data))
    top = max((g for g, _ in newest.values()), default=0)
    manifest = Manifest(generation=top, files=files, schema=3)
    checked = check_generation(folder, manifest)
    result.damaged += [p for p in checked.problems.values()]
    result.actions.append(f"rebuilt from the newest readable files in {folder}")
    manifest.generation = top
    return _rebuild(store, result, Manifest(generation=top), checked, False)


def _repair_legacy(store: Store, result: RepairResult) -> RepairResult:
    """An old one-file-per-family folder: rebuild from what is readable and the sources."""
    import orjson

    from natojp_tui.store import migrations

    folder = store.path
    try:
        families = migrations.read_legacy(folder)
    except CorruptFile as exc:
        result.damaged.append(f"{exc.path}: {exc.problem}")
        families = None
    if families is not None:
        return result  # healthy: opening it migrates it

    def tables(name: str) -> dict[str, dict[str, Any]]:
        for candidate in (folder / f"{name}.json", folder / f"{name}.json.bak"):
            try:
                data = orjson.loads(candidate.read_bytes())
            except (OSError, orjson.JSONDecodeError):
                continue
            if isinstance(data, dict) and all(isinstance(t, dict) for t in data.values()):
                return data
        return {}

    rows = [
        *tables("articles").get("articles", {}).values(),
        *tables("texts").get("texts", {}).values(),
    ]
    paths: dict[str, str] = {}
    for d in rows:
        if isinstance(d, dict) and d.get("path") and (key := d.get("id") or d.get("article_id")):
            paths[key] = d["path"]
    user = tables("user")
    stored: dict[str, Article] = {}
    _reextract(store, list(paths), paths, stored, result)
    _link_aside(folder, [p.name for p in migrations.legacy_files(folder)], result)
    _commit_fresh(store, Manifest(), False, stored, {}, {}, user, result)
    for item in migrations.legacy_files(folder):
        with contextlib.suppress(OSError):
            os.unlink(item)
    result.actions.insert(0, "rebuilt the old-layout database as a sharded library")
    return result
