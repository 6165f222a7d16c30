"""Files on disk: durable writes, fault points for tests, and TinyDB tables held in memory.

Nothing here knows what the files mean. The library (``library.py``) writes every file of
a new generation under a new name with :func:`write_new`, makes them durable with
:func:`fsync_all`, and then commits by replacing the manifest with
:func:`atomic_write_bytes`.

``fault_point(step)`` is called between every pair of write steps; tests set
:data:`FAULT_HOOK` to kill the process or fill the disk at a chosen step.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

FAULT_HOOK: Callable[[str], None] | None = None  # tests only: called with each step's name
FSYNC_THREADS = 16  # fsync waits on the device, not the CPU: many at once cost about one


def fault_point(step: str) -> None:
    """A place where a crash or a full disk may happen (a no-op unless a test hooks it)."""
    if FAULT_HOOK is not None:
        FAULT_HOOK(step)


class CorruptFile(Exception):
    """A database file exists but cannot be read as what it should be; it is left untouched."""

    def __init__(self, path: Path, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


def fsync_dir(folder: Path) -> None:
    """Make renames and new names in ``folder`` durable (no-op where folders can't be opened)."""
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


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_new(path: Path, data: bytes) -> None:
    """Create ``path`` (it must not exist) holding ``data``; durable only after :func:`fsync_all`.

    A partly written file is removed when the write fails; one left by a killed process
    is never named by a manifest and is swept by the next writer.
    """
    fault_point(f"write {path.name}")
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(path)
        raise


def fsync_all(paths: Iterable[Path]) -> None:
    """fsync every file, several at once (the device, not the CPU, is what they wait for)."""
    paths = list(paths)
    fault_point("fsync")
    if len(paths) <= 2:
        for p in paths:
            _fsync_file(p)
        return
    with ThreadPoolExecutor(max_workers=min(FSYNC_THREADS, len(paths))) as pool:
        list(pool.map(_fsync_file, paths))


def atomic_write_bytes(path: Path, data: bytes, *, keep_backup: bool = True) -> None:
    """Replace ``path`` with ``data`` atomically (temp file, fsync, rename, fsync folder).

    With ``keep_backup`` the previous file stays as ``NAME.bak`` (a hard link, so it costs
    nothing). A symlink at ``path`` is kept: its target is replaced instead.
    """
    if path.is_symlink():
        path = path.resolve()
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
        fault_point(f"replace {path.name}")
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    fsync_dir(folder)


def file_signature(path: Path) -> tuple[int, int, int] | None:
    """(inode, size, mtime in ns) of a file, or None when it does not exist."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    return st.st_ino, st.st_size, st.st_mtime_ns


class TableStorage(Storage):
    """TinyDB storage over tables held in memory: the library reads and writes the file.

    ``write`` only marks the tables changed; the store commits changed families together.
    """

    def __init__(self, data: dict[str, dict[str, Any]] | None = None, **_: Any) -> None:
        super().__init__()
        self.data: dict[str, dict[str, Any]] = data if data is not None else {}
        self.changed = False

    def read(self) -> dict[str, dict[str, Any]]:
        return self.data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        self.data = data
        self.changed = True

    def close(self) -> None:
        pass
