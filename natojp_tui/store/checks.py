"""Checking one generation of a library file by file and record by record (for ``repair``).

:func:`check_generation` reads every file the manifest names (size, CRC, format, each
record), then checks across files: every listed article has its text, every quote's
offsets still slice that text, the catalog lists the same articles, the timeline is the
one the list and digest decide, and the search rows and index hold exactly the library's
quotes with every index array in bounds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from natojp_tui.store import library
from natojp_tui.store.articlelist import ArticleList, Catalog
from natojp_tui.store.digest import Digest
from natojp_tui.store.library import FileRef, Manifest
from natojp_tui.store.records import body_texts, offsets_problem, record_id
from natojp_tui.store.rows import SearchRows
from natojp_tui.store.storage import CorruptFile


@dataclass(slots=True)
class Checked:
    """What a generation's files hold, the good ones parsed; ``problems`` maps a family
    key to what is wrong with it (the file named in the message)."""

    manifest: Manifest
    problems: dict[str, str] = field(default_factory=dict)
    articles: ArticleList | None = None
    catalog: Catalog | None = None
    small: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)  # people, user
    shards: dict[str, Any] = field(default_factory=dict)  # key -> db.Shard
    bad_quotes: dict[str, list[str]] = field(default_factory=dict)  # article id -> quote ids
    journaled: bool = False  # the user family came from the generation's journal
    digest: Digest | None = None


def index_problem(index: Any, n_quotes: int) -> str | None:
    """Why a loaded search index's arrays are out of bounds, or None."""
    snap = getattr(getattr(index, "_live", None), "snap", None)
    if snap is None:
        return None  # another index layout: nothing more to check here
    n, v = len(snap.ids), len(snap.vocab)
    positions = int(snap.doc_starts[-1]) if len(snap.doc_starts) else 0

    def bounded(a: np.ndarray, lo: int, hi: int) -> bool:
        return not len(a) or (int(a.min()) >= lo and int(a.max()) < hi)

    def monotonic(a: np.ndarray) -> bool:
        return not len(a) or bool((np.diff(a) >= 0).all())

    checks = [
        (n == n_quotes, f"holds {n} quotes, the library {n_quotes}"),
        (len(snap.offsets) == v + 1 and monotonic(snap.offsets), "word offsets are damaged"),
        (int(snap.offsets[-1]) == len(snap.postings), "word offsets do not match the postings"),
        (bounded(snap.postings, 0, max(positions, 1)), "a posting points past the text"),
        (len(snap.doc_starts) == n + 1 and monotonic(snap.doc_starts), "quote starts are damaged"),
        (len(snap.doc_of_pos) == positions, "the position table has the wrong length"),
        (bounded(snap.doc_of_pos, 0, max(n, 1)), "a position points at no quote"),
        (
            len(snap.doc_offsets) == v + 1 and monotonic(snap.doc_offsets),
            "record offsets are damaged",
        ),
        (int(snap.doc_offsets[-1]) == len(snap.doc_postings), "record offsets do not match"),
        (bounded(snap.doc_postings, 0, max(n, 1)), "a record posting points at no quote"),
        (len(snap.bitmap_rows) == v, "bitmap rows have the wrong length"),
        (bounded(snap.bitmap_rows, -1, max(len(snap.bitmaps), 0)), "a bitmap row is out of range"),
        (not n or snap.bitmaps.shape[1] * 8 >= n, "bitmaps are too short"),
        (len(snap.word_rank) == v, "word ranks have the wrong length"),
        (len(snap.rank_at) == positions, "the rank table has the wrong length"),
        (bounded(snap.kinds, 0, len(snap.kind_names)), "a kind code is out of range"),
        (bounded(snap.speakers, -1, len(snap.speaker_names)), "a speaker code is out of range"),
        (bounded(snap.articles, 0, len(snap.article_names)), "an article code is out of range"),
    ]
    for array in (snap.published, snap.years, snap.paragraphs, snap.starts, snap.kinds):
        checks.append((len(array) == n, "a per-quote column has the wrong length"))
    for ok, problem in checks:
        if not ok:
            return problem
    return None


def _parse(folder: Path, key: str, ref: FileRef, out: Checked) -> None:
    """Read and parse one file into ``out`` (raises CorruptFile)."""
    from natojp_tui.store.db import SMALL_CHECKS
    from natojp_tui.store.shards import Shard

    path = folder / ref.name
    if key == library.JOURNAL:
        return  # grows after its commit: read by _journaled_user
    if key in library.BINARY:
        library.map_file(folder, ref, verify=True).close()
        return
    data = library.read_file(folder, ref)
    if key in ("articles", "catalog"):
        cls = ArticleList if key == "articles" else Catalog
        try:
            parsed = cls.from_bytes(data)
        except ValueError as exc:
            raise CorruptFile(path, str(exc)) from exc
        setattr(out, key, parsed)
    elif key.startswith("shard/"):
        out.shards[key] = Shard.parse(key, data, path, full=True)
    elif key == "digest":
        out.digest = Digest.from_bytes(data, path)
    else:
        tables = library.parse_json_tables(data, path)
        for table, check in SMALL_CHECKS.get(key, {}).items():
            for doc_id, doc in tables.get(table, {}).items():
                problem = check(doc)
                if problem:
                    raise CorruptFile(path, f"{table} record {doc_id} ({record_id(doc)}) {problem}")
        out.small[key] = tables


def _journaled_user(folder: Path, manifest: Manifest, out: Checked) -> None:
    """The user family as the generation's journal last holds it, when it holds one: it
    supersedes the ``user`` file (which is still checked: a damaged one is reported, and
    repair writes the journal's state as the new user file)."""
    from natojp_tui.store import journal
    from natojp_tui.store.db import SMALL_CHECKS

    try:
        held = journal.read(folder, manifest)
    except CorruptFile as exc:
        out.problems[library.JOURNAL] = f"{exc.path}: {exc.problem}"
        return
    if held.latest is None or held.path is None:
        return
    try:
        tables = library.parse_json_tables(held.latest, held.path)
        for table, check in SMALL_CHECKS["user"].items():
            for doc_id, doc in tables.get(table, {}).items():
                if problem := check(doc):
                    raise CorruptFile(
                        held.path, f"{table} record {doc_id} ({record_id(doc)}) {problem}"
                    )
    except CorruptFile as exc:
        out.problems[library.JOURNAL] = f"{exc.path}: {exc.problem}"
        return
    out.small["user"] = tables
    out.journaled = True


def check_generation(folder: Path, manifest: Manifest) -> Checked:
    """Every file and record of ``manifest``'s generation, and the checks across files."""
    from natojp_tui.store.db import shard_key

    out = Checked(manifest)
    for key, ref in sorted(manifest.files.items()):
        try:
            _parse(folder, key, ref, out)
        except CorruptFile as exc:
            out.problems[key] = f"{exc.path}: {exc.problem}"
    _journaled_user(folder, manifest, out)
    listed = out.articles
    if (
        listed is None
        and "articles" not in out.problems
        and any(k.startswith("shard/") for k in manifest.files)
    ):
        out.problems["articles"] = f"{folder / library.MANIFEST}: names no article list"
    if listed is None:
        return out
    for key in ("catalog", "people", "search", "rows"):
        if len(listed) and key not in manifest.files:
            out.problems.setdefault(key, f"{folder / library.MANIFEST}: names no {key} file")
    if out.digest is not None and set(out.digest.entries) != set(listed.ids):
        out.problems["digest"] = (
            f"{folder / manifest.files['digest'].name}: lists other articles than the article list"
        )
    if "timeline" in manifest.files and "timeline" not in out.problems:
        problem = _timeline_problem(folder, manifest.files["timeline"], listed, out.digest)
        if problem:
            out.problems["timeline"] = f"{folder / manifest.files['timeline'].name}: {problem}"
    if out.catalog is not None and set(out.catalog.ids) != set(listed.ids):
        out.problems["catalog"] = (
            f"{folder / manifest.files['catalog'].name}: lists other articles than the article list"
        )
    quote_ids: set[str] = set()
    for aid in listed.ids:
        key = shard_key(aid)
        if key in out.problems:
            continue
        shard = out.shards.get(key)
        entry = shard.by_article.get(aid) if shard else None
        where = (
            folder / manifest.files[key].name
            if key in manifest.files
            else folder / library.MANIFEST
        )
        if entry is None or entry[0] is None:
            out.problems[key] = f"{where}: has no text for listed article {aid}"
            continue
        body = body_texts(entry[0]["paragraphs"])
        for doc in entry[1]:
            problem = offsets_problem(doc, body)
            if problem:
                out.bad_quotes.setdefault(aid, []).append(doc["id"])
                out.problems.setdefault(key, f"{where}: quote {doc['id']} {problem}")
            quote_ids.add(doc["id"])
        for doc in entry[2]:
            p, end = doc["paragraph"], doc["end"]
            if p >= len(body) or end > len(body[p]):
                out.problems.setdefault(key, f"{where}: event {doc['id']} points past its text")
    _check_search(folder, manifest, out, quote_ids)
    return out


def _timeline_problem(
    folder: Path, ref: FileRef, listed: ArticleList, digest: Digest | None
) -> str | None:
    """Why the timeline file is damaged, or is not what the list and digest decide."""
    from natojp_tui.store import timeline_file
    from natojp_tui.store.timeline import from_digest

    try:
        data = library.read_file(folder, ref)
        problem = timeline_file.TimelineFile(data).problem()
    except (CorruptFile, ValueError) as exc:
        return str(exc)
    if problem is None and digest is not None:
        decided = timeline_file.build(from_digest(listed.get, digest.items(listed.ids)))
        if decided != data:
            problem = "does not hold the timeline of the library's articles"
    return problem


def _check_search(folder: Path, manifest: Manifest, out: Checked, quote_ids: set[str]) -> None:
    from natojp_tui.core.search import SearchIndex

    if any(k.startswith("shard/") for k in out.problems):
        return  # the quotes themselves are in doubt: the index is rebuilt anyway
    ref = manifest.files.get("rows")
    if ref is not None and "rows" not in out.problems:
        try:
            rows = SearchRows.from_buffer(library.map_file(folder, ref))
            problem = rows.problem()
            if problem is None and set(rows.quote_ids()) != quote_ids:
                problem = "does not hold the library's quotes"
        except (CorruptFile, ValueError) as exc:
            problem = str(exc)
        if problem:
            out.problems["rows"] = f"{folder / ref.name}: {problem}"
    ref = manifest.files.get("search")
    if ref is not None and "search" not in out.problems:
        try:
            index = SearchIndex.from_bytes(memoryview(library.map_file(folder, ref)), fetch=None)  # type: ignore[arg-type]
            problem = None if index.tag == ref.tag else f"tagged {index.tag!r}, not {ref.tag!r}"
            problem = problem or index_problem(index, len(quote_ids))
            if problem is None and set(index.ids("")) != quote_ids:
                problem = "does not hold the library's quotes"
        except (CorruptFile, ValueError, IndexError, TypeError) as exc:
            problem = str(exc)
        if problem:
            out.problems["search"] = f"{folder / ref.name}: search index {problem}"
