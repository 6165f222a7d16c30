"""Generations of a library folder and their one commit point, the manifest.

Every file of the library is written once, under a name that carries its generation
(``shard-0a3.000012.9f2c41d0.json``), and never changed afterwards. A commit writes the
new files, makes them durable, then atomically replaces ``manifest.json``: the small
file naming every file of the new generation with its size and CRC-32. Readers read the
manifest first, so a crash at any moment leaves either the old generation or the new one.
After the commit, files named by neither the new manifest nor the previous one
(``manifest.json.bak``, kept as the last good copy for ``natojp repair``) are removed,
which also sweeps what a killed writer left behind.

Writers hold the folder's lock across read-modify-commit (see ``db.py``).
"""

from __future__ import annotations

import contextlib
import mmap
import os
import re
import secrets
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import orjson

from natojp_tui.store.storage import CorruptFile, fault_point, fsync_all, fsync_dir, write_new

MANIFEST = "manifest.json"
PREVIOUS = "manifest.json.bak"
FORMAT = "natojp-library"
BINARY = ("search", "rows", "timeline")  # families stored as raw arrays, memory-mapped
JOURNAL = "journal"  # the user family's journal: appended to after its commit (journal.py)
JOURNALED_FROM = 5  # the schema whose every generation has a journal
NAME = re.compile(
    r"^(?P<key>[a-z]+(?:-[0-9a-f]+)?)\.(?P<gen>\d{6,})\.(?P<commit>[0-9a-f]{8})\.(json|bin|log)$"
)
TEMP = re.compile(r"^\..+\.tmp$")


def crc32(data: bytes | memoryview) -> int:
    return zlib.crc32(data) & 0xFFFFFFFF


@dataclass(frozen=True, slots=True)
class FileRef:
    """One file of a generation: its name, size and CRC-32."""

    name: str
    size: int
    crc: int

    @property
    def tag(self) -> str:
        """``generation:commit`` of the commit that wrote the file (from its name)."""
        m = NAME.match(self.name)
        return f"{int(m['gen'])}:{m['commit']}" if m else ""


@dataclass(slots=True)
class Manifest:
    """A generation: the files that make up the library, and its schema."""

    generation: int = 0
    commit: str = ""
    schema: int = 0
    files: dict[str, FileRef] = field(default_factory=dict)  # family key -> file
    created: str = ""
    migrated_from: int | None = None

    @property
    def tag(self) -> str:
        """What the search index is tagged with: it must be the generation it sits in."""
        return f"{self.generation}:{self.commit}"

    def to_bytes(self) -> bytes:
        return orjson.dumps(
            {
                "format": FORMAT,
                "schema": self.schema,
                "generation": self.generation,
                "commit": self.commit,
                "created": self.created,
                "migrated_from": self.migrated_from,
                "files": {k: [f.name, f.size, f.crc] for k, f in sorted(self.files.items())},
            },
            # one line: every star rewrites it, and it names ~1,030 files at 100,000 articles
        )

    @classmethod
    def from_bytes(cls, data: bytes, path: Path) -> Manifest:
        try:
            doc = orjson.loads(data)
        except orjson.JSONDecodeError as exc:
            raise CorruptFile(path, f"not valid JSON ({exc})") from exc
        if not isinstance(doc, dict) or doc.get("format") != FORMAT:
            raise CorruptFile(path, "not a natojp library manifest")
        try:
            files = {
                key: FileRef(str(name), int(size), int(crc))
                for key, (name, size, crc) in doc["files"].items()
            }
            schema, generation = doc["schema"], doc["generation"]
            if not isinstance(schema, int) or not isinstance(generation, int):
                raise TypeError("schema and generation must be numbers")
        except (KeyError, TypeError, ValueError) as exc:
            raise CorruptFile(path, f"damaged manifest ({exc})") from exc
        if any(not NAME.match(f.name) for f in files.values()):
            raise CorruptFile(path, "damaged manifest (a file name is not a library file)")
        return cls(
            generation=generation,
            commit=str(doc.get("commit", "")),
            schema=schema,
            files=files,
            created=str(doc.get("created", "")),
            migrated_from=doc.get("migrated_from"),
        )


def read_manifest(folder: Path, name: str = MANIFEST) -> Manifest | None:
    """The manifest, or None when the folder has none; raises CorruptFile when damaged."""
    path = folder / name
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise CorruptFile(path, f"cannot be read ({exc.strerror or exc})") from exc
    return Manifest.from_bytes(data, path)


def read_named(path: Path) -> bytes:
    """The bytes of a file the manifest names; a missing or unreadable one is damage."""
    try:
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise CorruptFile(path, "missing (named by manifest.json but not in the folder)") from exc
    except OSError as exc:
        raise CorruptFile(path, f"cannot be read ({exc.strerror or exc})") from exc


def read_file(folder: Path, ref: FileRef) -> bytes:
    """A file's bytes, checked against the manifest (missing, short or changed is damage)."""
    path = folder / ref.name
    data = read_named(path)
    if len(data) != ref.size:
        raise CorruptFile(path, f"damaged ({len(data)} bytes, the manifest says {ref.size})")
    if crc32(data) != ref.crc:
        raise CorruptFile(path, "damaged (its checksum does not match the manifest)")
    return data


def map_file(folder: Path, ref: FileRef, *, verify: bool = False) -> mmap.mmap:
    """A big file memory-mapped read-only (pages are read as they are touched).

    The size is always checked; the CRC only with ``verify`` (``repair`` does), since
    it would read the whole file.
    """
    path = folder / ref.name
    try:
        with open(path, "rb") as fh:
            size = os.fstat(fh.fileno()).st_size
            if size != ref.size:
                raise CorruptFile(path, f"damaged ({size} bytes, the manifest says {ref.size})")
            mapped = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) if size else None
    except FileNotFoundError as exc:
        raise CorruptFile(path, "missing (named by manifest.json but not in the folder)") from exc
    except (OSError, ValueError) as exc:
        raise CorruptFile(path, f"cannot be read ({exc})") from exc
    if mapped is None:
        raise CorruptFile(path, "empty file")
    if verify and _crc(mapped) != ref.crc:
        mapped.close()
        raise CorruptFile(path, "damaged (its checksum does not match the manifest)")
    return mapped


def new_commit_id() -> str:
    return secrets.token_hex(4)


def next_tag(old: Manifest | None, commit_id: str) -> str:
    """The tag of the generation a commit with ``commit_id`` will make."""
    return f"{(old.generation if old else 0) + 1}:{commit_id}"


def file_name(key: str, generation: int, commit: str) -> str:
    kind = key.replace("/", "-")
    ext = "bin" if key in BINARY else "log" if key == JOURNAL else "json"
    return f"{kind}.{generation:06d}.{commit}.{ext}"


def commit(
    folder: Path,
    old: Manifest | None,
    changes: Mapping[str, bytes | None],
    *,
    schema: int,
    commit_id: str | None = None,
    migrated_from: int | None = None,
    keep_previous: bool = True,
) -> Manifest:
    """Write ``changes`` (family key -> new bytes, None to drop) as the next generation.

    Steps: each new file under its new name; fsync them and the new manifest's temp
    file together; rename the temp file over ``manifest.json`` (the commit; the previous
    manifest stays as ``manifest.json.bak``); fsync the folder; sweep unnamed files.
    From schema 5 on, a generation also gets an empty journal (appended to by
    ``journal.py`` until the next commit, which folds it into ``changes``).
    Raises OSError before the rename with nothing changed but stray new files.
    """
    if schema >= JOURNALED_FROM:
        changes = {**changes, JOURNAL: b""}
    if old is None and migrated_from is None and not os.path.lexists(folder / MANIFEST):
        _commit_empty(folder, schema)
    base = old or Manifest()
    new = Manifest(
        generation=base.generation + 1,
        commit=commit_id or new_commit_id(),
        schema=schema,
        files=dict(base.files),
        created=datetime.now().isoformat(timespec="seconds"),
        migrated_from=migrated_from if migrated_from is not None else base.migrated_from,
    )
    written: list[Path] = []
    try:
        for key, data in changes.items():
            if data is None:
                new.files.pop(key, None)
                continue
            name = file_name(key, new.generation, new.commit)
            path = folder / name
            write_new(path, data)
            written.append(path)
            new.files[key] = FileRef(name, len(data), crc32(data))
        tmp = folder / f".{MANIFEST}.{new.commit}.tmp"
        write_new(tmp, new.to_bytes())
        written.append(tmp)
        fsync_all(written)
        target = folder / MANIFEST
        if target.is_symlink():  # keep a symlinked manifest a symlink
            target = target.resolve()
        previous = folder / f".{MANIFEST}.{new.commit}.prev.tmp"
        if keep_previous and old is not None and target.exists():
            fault_point("link previous manifest")
            os.link(target, previous)  # a new name: nothing existing changes before the commit
            written.append(previous)
        fault_point(f"replace {MANIFEST}")
        os.replace(tmp, target)
    except BaseException:
        for path in written:
            with contextlib.suppress(OSError):
                os.unlink(path)
        raise
    with contextlib.suppress(OSError):  # committed: what follows only tidies up
        if previous.exists():
            fault_point("keep previous manifest")
            os.replace(previous, folder / PREVIOUS)
        fault_point("fsync folder")
        fsync_dir(folder)
        fault_point("sweep")
        keep = {f.name for f in new.files.values()} | {f.name for f in base.files.values()}
        sweep(folder, keep)
    return new


def _commit_empty(folder: Path, schema: int) -> None:
    """Before a new library's first files: an empty generation-0 manifest, so that a
    crash while they are written leaves the old state (an empty library), never library
    files without a manifest (which reads as damage: a lost manifest)."""
    tmp = folder / f".{MANIFEST}.{new_commit_id()}.empty.tmp"
    empty = Manifest(schema=schema, created=datetime.now().isoformat(timespec="seconds"))
    try:
        write_new(tmp, empty.to_bytes())
        fsync_all([tmp])
        fault_point(f"replace {MANIFEST} (empty)")
        os.replace(tmp, folder / MANIFEST)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    fsync_dir(folder)


def sweep(folder: Path, keep: set[str]) -> list[str]:
    """Remove library files no manifest names and temp files (call with the lock held)."""
    removed = []
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            name = entry.name
            if name in keep:  # most names: a set lookup, no pattern matched
                continue
            if NAME.match(name) or TEMP.match(name):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)  # a symlink is removed, never its target
                    removed.append(name)
    return removed


def stray_files(folder: Path, keep: set[str]) -> list[str]:
    """What :func:`sweep` would remove."""
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    return sorted(n for n in names if (NAME.match(n) and n not in keep) or TEMP.match(n))


def parse_json_tables(data: bytes, path: Path) -> dict[str, dict[str, Any]]:
    """A TinyDB-format family (an object of tables of documents)."""
    try:
        doc = orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        raise CorruptFile(path, f"not valid JSON ({exc})") from exc
    if not isinstance(doc, dict) or not all(isinstance(t, dict) for t in doc.values()):
        raise CorruptFile(path, "not a TinyDB database (expected an object of tables)")
    return doc


def _crc(mapped: mmap.mmap) -> int:
    """CRC-32 of a mapped file (through a view released before the map is closed)."""
    with memoryview(mapped) as view:
        return crc32(view)
