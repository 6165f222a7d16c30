"""The user family's journal: a star or a note is one durable append, not a new generation.

A change of the user's data alone (a star, a note, a tag, the reading state) between two
commits of the library is appended to the generation's journal, ``journal.G.C.log``:
a file of the generation like the others (named by the manifest, created empty by the
commit) except that it grows after the commit, one framed record per change, each
holding the whole user family::

    4-byte length (little-endian) | 4-byte CRC-32 of the payload | payload (JSON tables)

One write and one ``fdatasync``: the record is the change's commit point. Readers read
the manifest, then the journal it names; the last whole record is the user family (it
supersedes the generation's ``user`` file). A torn tail — a write cut short by a kill or
a full disk — fails its length or CRC, reads as the old state, and is cut off by the
next writer. A journal named by the manifest but missing is damage, like any other file.
The next commit of the library writes the user family as a file again (the journal is
folded in) with a new, empty journal; old journals are swept with their generations.

Writers hold the folder's lock (``db.py``), as for every other write.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path

from natojp_tui.store.library import JOURNAL, Manifest, crc32, read_named
from natojp_tui.store.storage import fault_point, file_signature

HEADER = 8
LIMIT = 1 << 20  # a journal stops growing here: the next change is a full commit instead


@dataclass(frozen=True, slots=True)
class Journal:
    """What a generation's journal holds, as last read or written by this process."""

    path: Path | None = None  # None: the generation has no journal (before schema 5)
    latest: bytes | None = None  # the user family as the last whole record holds it
    end: int = 0  # bytes of whole records (a longer file has a torn tail)
    signature: tuple[int, int, int] | None = None  # the file's, when read or written

    def room_for(self, payload: bytes) -> bool:
        """Whether one more record of ``payload`` fits (a journal, under :data:`LIMIT`)."""
        return self.path is not None and self.end + HEADER + len(payload) <= LIMIT


def read(folder: Path, manifest: Manifest) -> Journal:
    """The journal ``manifest`` names; raises CorruptFile when it is missing or unreadable."""
    ref = manifest.files.get(JOURNAL)
    if ref is None:
        return Journal()
    path = folder / ref.name
    data = read_named(path)
    latest, end = _last_record(data)
    return Journal(path, latest, end, file_signature(path))


def signature(journal: Journal) -> tuple[int, int, int] | None:
    """The journal file's signature now (to tell another process's append)."""
    return file_signature(journal.path) if journal.path is not None else None


def _last_record(data: bytes) -> tuple[bytes | None, int]:
    """The payload of the last whole record and where the whole records end."""
    latest, at = None, 0
    while at + HEADER <= len(data):
        size = int.from_bytes(data[at : at + 4], "little")
        crc = int.from_bytes(data[at + 4 : at + HEADER], "little")
        payload = data[at + HEADER : at + HEADER + size]
        if len(payload) != size or crc32(payload) != crc:
            break  # a torn or damaged tail: what follows was never committed
        latest, at = payload, at + HEADER + size
    return latest, at


def append(journal: Journal, payload: bytes) -> Journal:
    """Append one record (the new user family) and make it durable: the commit point.

    A torn tail left by an earlier failed write is cut off first. On OSError nothing
    was committed: a partly written record is cut off again, or fails its CRC.
    """
    path = journal.path
    assert path is not None, "append only to a generation's journal"
    frame = len(payload).to_bytes(4, "little") + crc32(payload).to_bytes(4, "little") + payload
    fault_point(f"append {path.name}")
    fd = os.open(path, os.O_WRONLY | os.O_NOFOLLOW)  # it exists: the commit created it
    try:
        try:
            if os.fstat(fd).st_size != journal.end:
                os.ftruncate(fd, journal.end)  # a torn tail (the lock holder has read the rest)
            written = os.pwrite(fd, frame, journal.end)
            if written != len(frame):
                raise OSError(28, "No space left on device (short write)")
            fault_point(f"fsync {path.name}")
            os.fdatasync(fd)
        except BaseException:
            with contextlib.suppress(OSError):
                os.ftruncate(fd, journal.end)
            raise
    finally:
        os.close(fd)
    return Journal(path, payload, journal.end + len(frame), file_signature(path))
