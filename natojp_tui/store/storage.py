"""A TinyDB ``Storage`` that parses once, serves reads from memory and writes atomically.

The default ``JSONStorage`` re-reads and re-parses the whole file on every read and
rewrites it on every insert. This one:

- parses the file once with orjson and hands TinyDB the cached tables;
- holds writes inside :meth:`AtomicJSONStorage.deferred` until the store flushes;
- writes a temp file in the same folder, fsyncs it, hard-links the previous file to
  ``NAME.bak`` (the last good copy), ``os.replace``s the temp file over the original
  and fsyncs the folder, so a crash at any point leaves a complete file behind;
- notices another process's write (size/mtime change) so the store can reload.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage


class CorruptFile(Exception):
    """A database file exists but cannot be read as our JSON; it is left untouched."""

    def __init__(self, path: Path, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (no-op where directories can't be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def atomic_write_bytes(path: Path, data: bytes, *, keep_backup: bool = True) -> None:
    """Replace ``path`` with ``data`` atomically (temp file, fsync, rename, fsync folder)."""
    folder = path.parent
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if keep_backup and path.exists():
            bak = path.with_name(path.name + ".bak")
            bak_tmp = path.with_name(f".{path.name}.bak.tmp")
            with contextlib.suppress(FileNotFoundError):
                os.unlink(bak_tmp)
            try:
                os.link(path, bak_tmp)
                os.replace(bak_tmp, bak)
            except OSError:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(bak_tmp)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    fsync_dir(folder)


def file_signature(path: Path) -> tuple[int, int] | None:
    """(size, mtime in ns) of a file, or None when it does not exist."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    return st.st_size, st.st_mtime_ns


class AtomicJSONStorage(Storage):
    """TinyDB storage for one JSON file: cached, batched and crash-safe."""

    def __init__(self, path: str | os.PathLike[str], create_dirs: bool = True, **_: Any) -> None:
        super().__init__()
        self.path = Path(path)
        self._data: dict[str, dict[str, Any]] | None = None
        self._signature: tuple[int, int] | None = None
        self._batch_depth = 0
        self._dirty = False
        if create_dirs:
            self.path.parent.mkdir(parents=True, exist_ok=True)

    # -- TinyDB Storage API -------------------------------------------------
    def read(self) -> dict[str, dict[str, Any]] | None:
        if self._data is None:
            self.load()
        return self._data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        self._data = data
        self._dirty = True
        if self._batch_depth == 0:
            self.flush()

    def close(self) -> None:
        pass

    # -- our API ---------------------------------------------------------------
    def load(self) -> None:
        """(Re)read the file; a missing file is an empty database."""
        sig = file_signature(self.path)
        if sig is None:
            self._data = {}
            self._signature = None
            return
        try:
            raw = self.path.read_bytes()
        except OSError as exc:
            raise CorruptFile(self.path, f"cannot be read ({exc.strerror or exc})") from exc
        if not raw.strip():
            raise CorruptFile(self.path, "empty file (0 bytes of JSON)")
        try:
            data = orjson.loads(raw)
        except orjson.JSONDecodeError as exc:
            raise CorruptFile(self.path, f"not valid JSON ({exc})") from exc
        if not isinstance(data, dict) or not all(isinstance(t, dict) for t in data.values()):
            raise CorruptFile(self.path, "not a TinyDB database (expected an object of tables)")
        self._data = data
        self._signature = sig
        self._dirty = False

    def changed_on_disk(self) -> bool:
        """True when another process wrote the file since we read or wrote it."""
        return file_signature(self.path) != self._signature

    def flush(self) -> None:
        """Write the cached tables now, if they changed."""
        if not self._dirty or self._data is None:
            return
        atomic_write_bytes(self.path, orjson.dumps(self._data))
        self._signature = file_signature(self.path)
        self._dirty = False

    def discard(self) -> None:
        """Forget unwritten changes (after a failed batch) and reload from disk."""
        self._dirty = False
        self.load()

    @contextlib.contextmanager
    def deferred(self) -> Iterator[None]:
        """Hold writes in memory until :meth:`flush` (the store flushes families in order)."""
        self._batch_depth += 1
        try:
            yield
        finally:
            self._batch_depth -= 1

    def mark_changed(self) -> None:
        """The cached tables were changed in place (a migration): write them at the next flush."""
        self._dirty = True

    @property
    def loaded(self) -> bool:
        return self._data is not None

    def tables(self) -> dict[str, dict[str, Any]]:
        """The raw tables, for bulk reads that would be slow through Document objects."""
        data = self.read()
        assert data is not None
        return data
