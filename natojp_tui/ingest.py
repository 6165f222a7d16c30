"""Reading article files from disk: expanding paths, size limits, stable ids.

This is the I/O edge in front of the pure core: it reads bytes and hands them to
:func:`natojp_tui.core.readers.read_article`, then to the extractors.
"""

from __future__ import annotations

import contextlib
import functools
import glob
import hashlib
import os
import re
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from natojp_tui.core.model import Article
from natojp_tui.core.pipeline import extract
from natojp_tui.core.readers import SUFFIXES, ArticleError, read_article
from natojp_tui.locations import WEB_PAGES_DIR, bundled_articles_dir

MAX_FILE_BYTES = 20 * 1024 * 1024  # 20 MiB: far above any press release, refuses data dumps
ARTICLE_SUFFIXES = frozenset(SUFFIXES)
BAD_NAME = "the file name is not valid UTF-8 (rename the file, e.g. with convmv, to import it)"
NOT_REGULAR = "not a regular file (a pipe, socket or device is never read)"


@dataclass(frozen=True, slots=True)
class FileProblem:
    """A file that could not be imported, and why (one line)."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


def shown_path(path: str | os.PathLike[str]) -> str:
    """A path as text that can always be printed: bytes that are not UTF-8 (a Shift_JIS
    name unzipped on Linux) appear as ``\\x83`` escapes instead of lone surrogates."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def _is_utf8_name(path: Path) -> bool:
    return shown_path(path) == str(path)


def _literal_or_pattern(text: str) -> list[Path] | None:
    """A path that exists is that file or folder (``Press release [EN].txt``); only a path
    that does not exist is expanded as a glob pattern. None: a pattern matching nothing."""
    path = Path(text)
    if os.path.lexists(text) or not glob.has_magic(text):
        return [path]
    matches = [Path(p) for p in sorted(glob.glob(text, recursive=True))]
    return matches or None


def expand_paths(targets: Iterable[str | os.PathLike[str]]) -> tuple[list[Path], list[FileProblem]]:
    """Files, folders (recursively, article suffixes only) and globs to a sorted file list.

    A file whose name is not valid UTF-8 is reported (one line, named with escapes) and
    the others are kept.
    """
    files: dict[Path, Path] = {}  # resolved path -> the path as found (links count once)
    problems: list[FileProblem] = []

    def keep(found: Path) -> None:
        if _is_utf8_name(found):
            files.setdefault(found.resolve(), found)
        else:
            problems.append(FileProblem(shown_path(found), BAD_NAME))

    for target in targets:
        text = os.fspath(target)
        matches = _literal_or_pattern(text)
        if matches is None:
            problems.append(FileProblem(shown_path(text), "no file matches this pattern"))
            continue
        for path in matches:
            if path.is_dir():
                kept, skipped = 0, 0
                for found in sorted(path.rglob("*")):
                    if not found.is_file():
                        continue
                    if found.suffix.lower() in ARTICLE_SUFFIXES and not found.name.startswith("."):
                        keep(found)
                        kept += 1
                    else:
                        skipped += 1
                if not kept:
                    problems.append(FileProblem(shown_path(text), _nothing_to_import(skipped)))
            elif path.is_file():
                keep(path)
            elif path.exists():
                problems.append(FileProblem(shown_path(text), NOT_REGULAR))
            else:
                problems.append(FileProblem(shown_path(text), "no such file or folder"))
    return list(files.values()), problems


def _nothing_to_import(skipped: int) -> str:
    kinds = " ".join(sorted(ARTICLE_SUFFIXES))
    if not skipped:
        return "empty folder: nothing to import"
    plural = "s" if skipped != 1 else ""
    return f"nothing to import: {skipped} file{plural} skipped (articles are {kinds})"


@functools.cache
def _bundled_dir() -> Path:
    return bundled_articles_dir().resolve()


_WEB_PAGE_NAME = re.compile(r"[0-9a-f]{12}")


def _is_web_page(resolved: Path) -> bool:
    return (resolved.parent.parent.name, resolved.parent.name) == WEB_PAGES_DIR and bool(
        _WEB_PAGE_NAME.fullmatch(resolved.stem)
    )


def web_page_sidecar(page: Path) -> Path:
    """``web/pages/<id>.source.json``: the url (and feed date) a kept page came from."""
    return page.with_name(f"{page.stem}.source.json")


def article_id_for(path: Path) -> str:
    """A stable id: bundled articles by file name, everything else by absolute path.

    A page kept by ``natojp add``/``fetch`` (``web/pages/<id>.html``) keeps the id of
    its url, so a rebuild from the kept pages gives every article its old id.
    """
    resolved = path.resolve()
    if _is_web_page(resolved):
        return resolved.stem
    key = f"bundled:{resolved.name}" if resolved.parent == _bundled_dir() else f"file:{resolved}"
    return hashlib.sha1(os.fsencode(key)).hexdigest()[:12]


def read_file_bytes(path: Path, max_bytes: int = MAX_FILE_BYTES) -> bytes:
    """The file's bytes, or :class:`ArticleError` saying in a few words why not.

    Only regular files are read: a FIFO or device is refused without blocking on it.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError as exc:
        raise ArticleError("no such file (moved or deleted before it could be read)") from exc
    except IsADirectoryError as exc:
        raise ArticleError("is a folder, not a file") from exc
    except PermissionError as exc:
        raise ArticleError("permission denied") from exc
    except OSError as exc:
        raise ArticleError(f"cannot be read ({exc.strerror or exc})") from exc
    try:
        with open(fd, "rb", closefd=True) as fh:
            info = os.fstat(fh.fileno())
            if stat.S_ISDIR(info.st_mode):
                raise ArticleError("is a folder, not a file")
            if not stat.S_ISREG(info.st_mode):
                raise ArticleError(NOT_REGULAR)
            if info.st_size > max_bytes:
                raise ArticleError(
                    f"too large ({info.st_size / 1048576:.1f} MiB; the limit is {max_bytes // 1048576} MiB)"
                )
            data = fh.read(max_bytes + 1)
    except IsADirectoryError as exc:
        raise ArticleError("is a folder, not a file") from exc
    except PermissionError as exc:
        raise ArticleError("permission denied") from exc
    except OSError as exc:
        raise ArticleError(f"cannot be read ({exc.strerror or exc})") from exc
    if len(data) > max_bytes:
        raise ArticleError(f"too large (over the {max_bytes // 1048576} MiB limit)")
    return data


def checksum_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def load_article(path: Path, data: bytes | None = None) -> Article:
    """Read, parse and analyse one file. Raises :class:`ArticleError`."""
    if data is None:
        data = read_file_bytes(path)
    resolved = path.resolve()
    article = read_article(
        data,
        shown_path(path.name),
        article_id=article_id_for(path),
        path=shown_path(resolved),
    )
    if _is_web_page(resolved):
        _apply_sidecar(article, web_page_sidecar(resolved))
    return extract(article)


def _apply_sidecar(article: Article, sidecar: Path) -> None:
    """A kept web page read again (by repair) gets back the url and date it was fetched with."""
    import orjson

    from natojp_tui.core.hygiene import clean_inline

    try:
        meta = orjson.loads(sidecar.read_bytes())
    except (OSError, orjson.JSONDecodeError):
        return
    if not isinstance(meta, dict):
        return
    url = meta.get("url")
    if isinstance(url, str) and url.startswith(("http://", "https://")):
        article.url = clean_inline(url)
    published = meta.get("published")
    if article.published is None and isinstance(published, str):
        with contextlib.suppress(ValueError):
            article.published = date.fromisoformat(published)
