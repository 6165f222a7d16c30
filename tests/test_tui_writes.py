"""The reader's writes (stars, remembered state) when the database refuses them, and
workers that finish after their screen is gone."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from test_e2e_tmux import TITLE, Tmux
from test_tui_support import SEED, isolate, make_app, seed_article

WIDE = (160, 50)
UNSHARE = shutil.which("unshare")


@pytest.fixture
def isolated_dirs(tmp_path, monkeypatch):
    return isolate(tmp_path, monkeypatch)


async def settle(app, pilot) -> None:
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


def notifications(app) -> list[str]:
    return [n.message for n in app._notifications]


# ------------------------------------------------------------------ a lock another process holds


def hold_lock(db: Path) -> subprocess.Popen[str]:
    """Another process holding the database lock until it is killed."""
    code = textwrap.dedent(
        f"""
        import time
        from filelock import FileLock
        lock = FileLock({str(db / ".lock")!r})
        lock.acquire()
        print("held", flush=True)
        time.sleep(120)
        """
    )
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
    return proc


async def test_a_lock_held_by_another_process_fails_a_star_quickly_and_keeps_reading(
    isolated_dirs,
):
    article = seed_article()
    app, _, store = make_app(isolated_dirs, [article])
    async with app.run_test(size=WIDE) as pilot:
        await settle(app, pilot)
        holder = hold_lock(isolated_dirs / "db")
        try:
            await pilot.press("n")
            started = time.monotonic()
            await pilot.press("s")
            await settle(app, pilot)
            waited = time.monotonic() - started
        finally:
            holder.kill()
            holder.wait()
        assert waited < 5, f"the reader froze for {waited:.1f} s"
        assert any(
            "Star not saved" in m and "holds the database lock" in m for m in notifications(app)
        )
        assert store.starred() == set() and app.reader.starred == set()
        await pilot.press("n")  # still reading
        await settle(app, pilot)
        assert app.reader.quote_id == article.quotes[1].id
        await pilot.press("s")  # the lock is free again: the star is kept
        await settle(app, pilot)
        assert store.starred() == {article.quotes[1].id}


async def test_a_database_it_cannot_write_reports_state_writes_once(isolated_dirs, monkeypatch):
    from natojp_tui.store import StoreError

    app, _, store = make_app(isolated_dirs, [seed_article()])

    def refuse(*_a, **_k):
        raise StoreError(
            f"{isolated_dirs / 'db'}: cannot lock the database (Read-only file system)"
        )

    async with app.run_test(size=WIDE) as pilot:
        await settle(app, pilot)
        monkeypatch.setattr(store, "set_state", refuse)
        for _ in range(3):
            app.data.set_state("last_article", "elsewhere")
        await settle(app, pilot)
        shown = [m for m in notifications(app) if "not saved" in m]
        assert len(shown) == 1 and "Read-only file system" in shown[0]
        assert app.is_running


# ------------------------------------------------------------------ the real thing, in tmux


def _env(tmp_path: Path, db: Path) -> dict[str, str]:
    return {
        "NATOJP_DB": str(db),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "HOME": str(tmp_path),
        "TERM": "tmux-256color",
        "PATH": os.environ.get("PATH", ""),
        "LANG": "C.UTF-8",
    }


def _reader_in_tmux(tmp_path: Path, script: str, rc_file: Path) -> Tmux:
    """``script`` (sh) in a private mount namespace inside a tmux pane; its exit code
    goes to ``rc_file``."""
    inner = f"{script}; echo $? > {shlex.quote(str(rc_file))}; sleep 1"
    command = f"{UNSHARE} -m sh -c {shlex.quote(inner)}"
    tmux = Tmux()
    tmux("-f", "/dev/null", "new-session", "-d", "-s", "e2e", "-x", "160", "-y", "45", command)
    return tmux


def _toast_text(screen: str) -> str:
    """The notifications' words (right of their ``▌`` edge), frame and line breaks removed."""
    parts = [
        line.split("▌", 1)[1].strip().rstrip("│").strip()
        for line in screen.splitlines()
        if "▌" in line
    ]
    return " ".join(" ".join(parts).split())


def _wait_for_file(path: Path, seconds: float = 20) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if path.exists() and path.read_text().strip():
            return path.read_text().strip()
        time.sleep(0.2)
    raise AssertionError(f"{path} was never written")


def _can_mount(tmp_path: Path) -> bool:
    if UNSHARE is None or shutil.which("tmux") is None:
        return False
    probe = tmp_path / "probe"
    probe.mkdir()
    done = subprocess.run(
        [UNSHARE, "-m", "sh", "-c", f"mount -t tmpfs tmpfs {probe}"], capture_output=True
    )
    return done.returncode == 0


@pytest.mark.slow
@pytest.mark.parametrize("fault", ["read-only", "full disk"])
def test_the_reader_on_a_database_it_cannot_write_shows_the_error_and_keeps_running(
    tmp_path: Path, fault: str
) -> None:
    if not _can_mount(tmp_path):
        pytest.skip("needs tmux and private mounts (unshare -m)")
    mnt = tmp_path / "mnt"
    mnt.mkdir()
    db = mnt / "db"
    env = " ".join(f"{k}={shlex.quote(v)}" for k, v in _env(tmp_path, db).items())
    natojp = f"env -i {env} {shlex.quote(sys.executable)} -m natojp_tui"
    break_it = (
        f"mount -o remount,ro {mnt}"
        if fault == "read-only"
        else f"(dd if=/dev/zero of={mnt}/filler bs=64k 2>/dev/null; true)"
    )
    rc = tmp_path / "rc"
    tmux = _reader_in_tmux(
        tmp_path,
        f"mount -t tmpfs -o size=2m tmpfs {mnt} && {natojp} import {shlex.quote(str(SEED))}"
        f" >/dev/null && {break_it} && {natojp}",
        rc,
    )
    try:
        tmux.wait_for(TITLE[:40])
        tmux("send-keys", "-t", "e2e", "n")
        tmux.wait_for(" · direct · ¶")
        tmux("send-keys", "-t", "e2e", "s")
        expected = "Read-only file system" if fault == "read-only" else "No space left"
        screen = tmux.wait_for("Star not saved")
        assert expected in _toast_text(screen), screen
        tmux("send-keys", "-t", "e2e", "n")  # still reading
        tmux.wait_for("2/")
        tmux("send-keys", "-t", "e2e", "q")
        assert _wait_for_file(rc) == "0"
    finally:
        tmux("kill-server", check=False)


CRASHING_READER = textwrap.dedent(
    """
    import sys
    from natojp_tui.cli import main
    from natojp_tui.tui.screens.reader import ReaderScreen

    def broken(self):
        raise RuntimeError("a bug in the reader")

    ReaderScreen.action_star = broken
    sys.exit(main([]))
    """
)


@pytest.mark.slow
def test_natojp_exits_non_zero_after_the_reader_crashed(tmp_path: Path) -> None:
    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed")
    script = tmp_path / "crash.py"
    script.write_text(CRASHING_READER, encoding="utf-8")
    env = " ".join(f"{k}={shlex.quote(v)}" for k, v in _env(tmp_path, tmp_path / "db").items())
    rc = tmp_path / "rc"
    command = f"env -i {env} {shlex.quote(sys.executable)} {script}; echo $? > {rc}; sleep 1"
    tmux = Tmux()
    tmux("-f", "/dev/null", "new-session", "-d", "-s", "e2e", "-x", "160", "-y", "45", command)
    try:
        tmux.wait_for(TITLE[:40])
        tmux("send-keys", "-t", "e2e", "n")
        tmux.wait_for(" · direct · ¶")
        tmux("send-keys", "-t", "e2e", "s")
        assert _wait_for_file(rc) != "0"
    finally:
        tmux("kill-server", check=False)


# ------------------------------------------------------------------ late workers


async def test_a_search_finishing_after_its_screen_closed_does_not_raise(
    isolated_dirs, monkeypatch
):
    app, _, _ = make_app(isolated_dirs, [seed_article()])
    async with app.run_test(size=WIDE) as pilot:
        await settle(app, pilot)
        real_search = app.data.search
        finished = []

        def slow_search(query, limit=200, cancelled=None):
            time.sleep(0.4)
            result = real_search(query, limit=limit)
            finished.append(query)
            return result

        monkeypatch.setattr(app.data, "search", slow_search)
        for _ in range(3):
            await pilot.press("slash", "p", "a", "r", "t")
            await pilot.press("enter", "escape")
            await pilot.pause()
        time.sleep(0.6)
        await settle(app, pilot)
        assert finished, "the slow searches ran"
        assert app.is_running and app.return_code is None
