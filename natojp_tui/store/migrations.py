"""Schema migrations: each step upgrades the raw tables of every family by one version.

History:

- **1 → 2**: ``texts`` rows record the article's source ``path`` too, so ``natojp
  repair`` can recover the list of sources when ``articles.json`` is damaged.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

Tables = dict[str, dict[str, dict[str, Any]]]  # family -> table -> doc_id -> doc


def _v1_to_v2(families: Tables) -> None:
    paths = {d["id"]: d.get("path") for d in families["articles"].get("articles", {}).values()}
    for doc in families["texts"].get("texts", {}).values():
        doc.setdefault("path", paths.get(doc.get("article_id")))


MIGRATIONS: dict[int, Callable[[Tables], None]] = {1: _v1_to_v2}


def backup_folder(folder: Path, version: int) -> Path:
    """Copy every family file into ``backup-schema<version>-<timestamp>/`` before migrating."""
    target = folder / f"backup-schema{version}-{datetime.now().strftime('%Y%m%d-%H%M%S')}"
    target.mkdir()
    for item in folder.glob("*.json"):
        shutil.copy2(item, target / item.name)
    return target


def migrate(families: Tables, version: int, latest: int) -> list[int]:
    """Apply every step from ``version`` up to ``latest`` in place; returns the steps run."""
    steps = []
    for v in range(version, latest):
        MIGRATIONS[v](families)
        steps.append(v)
    return steps
