"""Several processes on one database: nothing lost, nothing left unreadable."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from natojp_tui.store import Store

pytestmark = pytest.mark.slow

BODY = """Visit number {n}

Tokyo, {day} May 2014 -

Secretary General Anders Fogh Rasmussen met Prime Minister Shinzo Abe in Tokyo on visit {n}. “Japan is a valued partner,” the Secretary General said. He added that cooperation would grow.

“We will work together on cyber defence,” said Mr. Fogh Rasmussen.
"""


def make_articles(folder: Path, count: int, prefix: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        (folder / f"{prefix}-{n:03}.txt").write_text(
            BODY.format(n=f"{prefix}{n}", day=1 + n % 28), encoding="utf-8"
        )
    return folder


def natojp(db: Path, *args: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "NATOJP_DB": str(db)}
    return subprocess.Popen(
        [sys.executable, "-m", "natojp_tui", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def test_two_importers_at_once_keep_every_article_of_both(tmp_path: Path) -> None:
    db = tmp_path / "db"
    a = make_articles(tmp_path / "a", 40, "a")
    b = make_articles(tmp_path / "b", 40, "b")
    procs = [natojp(db, "import", str(a)), natojp(db, "import", str(b))]
    for p in procs:
        _, err = p.communicate(timeout=120)
        assert p.returncode == 0, err.decode()
    store = Store.open(db)
    assert len(store.articles()) == 80
    assert {q.article_id for q in store.quotes()} == set(store.article_ids())


def test_an_importer_killed_mid_run_leaves_a_database_that_opens(tmp_path: Path) -> None:
    db = tmp_path / "db"
    src = make_articles(tmp_path / "src", 150, "k")
    for delay in (0.4, 0.7, 1.0, 1.3):
        proc = natojp(db, "import", str(src))
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        store = Store.open(db)  # must not raise
        ids = set(store.article_ids())
        assert {q.article_id for q in store.quotes()} <= ids, (
            "no quote of an unrecorded article is visible"
        )
    proc = natojp(db, "import", str(src))
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err.decode()
    assert len(Store.open(db).articles()) == 150
