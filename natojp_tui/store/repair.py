"""``natojp repair``: move a damaged database aside and rebuild it from its sources.

Nothing is deleted. Every file of the database is moved into ``repair-<timestamp>/``
inside the database folder; the article list is rebuilt from the source paths the old
database recorded (in ``articles.json`` and ``texts.json``, or their ``.bak`` copies) plus the bundled
articles; the user's data (stars, notes, tags, corrections, removed articles, reading
state, dossiers) is carried over from ``user.json`` (or its backup) whole, and every row
about a quote or a meeting is placed on the same words of the rebuilt text. A row whose
words are gone is kept and listed, never dropped. The result says what could not be
recovered.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import orjson

from natojp_tui.store.db import FAMILIES, Store, StoreError


@dataclass(slots=True)
class RepairResult:
    """What repair found and did."""

    folder: Path
    damaged: list[str] = field(default_factory=list)  # "file: problem"
    moved_to: Path | None = None
    rebuilt: int = 0
    missing_sources: list[str] = field(default_factory=list)
    failed_sources: list[str] = field(default_factory=list)
    stars_kept: int = 0
    stars_lost: int = 0
    state_kept: int = 0
    user_kept: int = 0  # rows of the user's data carried over
    unplaced: list[str] = field(default_factory=list)  # "1 note could not be placed"

    @property
    def ok(self) -> bool:
        return not self.failed_sources

    def lines(self) -> list[str]:
        if not self.damaged:
            return [f"{self.folder}: the database is healthy; nothing to repair"]
        out = [f"damaged: {d}" for d in self.damaged]
        out.append(f"moved the old files to {self.moved_to}")
        out.append(f"rebuilt {self.rebuilt} articles from their source files")
        out += [f"could not recover (source file gone): {p}" for p in self.missing_sources]
        out += [f"could not recover (source unreadable): {p}" for p in self.failed_sources]
        out.append(
            f"kept {self.stars_kept} stars, {self.state_kept} settings and "
            f"{self.user_kept} rows of your data in all"
        )
        out += [f"{line} (kept; 'natojp unplaced' lists them)" for line in self.unplaced]
        return out


def _read_tables(path: Path) -> dict[str, dict[str, Any]] | None:
    """A family file's tables, or None when it is missing or unreadable."""
    for candidate in (path, path.with_name(path.name + ".bak")):
        try:
            data = orjson.loads(candidate.read_bytes())
        except (OSError, orjson.JSONDecodeError):
            continue
        if isinstance(data, dict) and all(isinstance(t, dict) for t in data.values()):
            return data
    return None


def _problem(path: Path) -> str | None:
    if not path.exists():
        return None
    try:
        data = orjson.loads(path.read_bytes())
    except OSError as exc:
        return f"cannot be read ({exc.strerror or exc})"
    except orjson.JSONDecodeError as exc:
        return f"not valid JSON ({exc})"
    if not isinstance(data, dict) or not all(isinstance(t, dict) for t in data.values()):
        return "not a TinyDB database"
    return None


def repair(folder: Path) -> RepairResult:
    """Check every file; when one is damaged, move all aside and rebuild."""
    folder = Path(folder)
    result = RepairResult(folder=folder)
    if not folder.is_dir():
        raise StoreError(f"{folder}: no database folder here")
    for family in FAMILIES:
        path = folder / f"{family}.json"
        problem = _problem(path)
        if problem:
            result.damaged.append(f"{path}: {problem}")
    if not result.damaged:
        return result

    articles = _read_tables(folder / "articles.json") or {}
    texts = _read_tables(folder / "texts.json") or {}
    user = _read_tables(folder / "user.json") or {}
    # Source paths are recorded twice (articles and texts), so either file can lose them.
    rows = [*articles.get("articles", {}).values(), *texts.get("texts", {}).values()]
    sources = list(dict.fromkeys(d["path"] for d in rows if isinstance(d, dict) and d.get("path")))

    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = folder / f"repair-{stamp}"
    aside.mkdir()
    for item in folder.iterdir():
        if item.name.endswith((".json", ".json.bak")):
            shutil.move(str(item), aside / item.name)
    result.moved_to = aside

    store = Store.open(folder)
    store.ensure_seeded()
    existing = [p for p in sources if Path(p).is_file()]
    result.missing_sources = [p for p in sources if not Path(p).is_file()]
    if existing:
        report = store.import_paths(existing)
        result.failed_sources = [f"{p}: {r}" for p, r in report.failed]
    result.rebuilt = len(store.article_ids())

    store.adopt_user_tables(user)
    view = store.user_view()
    result.unplaced = view.lost_summary()  # newly lost and lost before, all still kept
    result.user_kept = sum(len(t) for t in user.values() if isinstance(t, dict))
    result.state_kept = len(user.get("state", {}))
    result.stars_lost = sum(1 for d in view.lost if d["table"] == "stars")
    result.stars_kept = len(user.get("stars", {})) - result.stars_lost  # placed ones
    return result
