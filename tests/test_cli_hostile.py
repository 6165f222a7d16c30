"""The command line against hostile names, odd files, bad flags and unfriendly consoles."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from library_files import family_path

from natojp_tui import ingest
from natojp_tui.cli import main
from natojp_tui.store import Store, StoreError
from natojp_tui.store.db import shard_key

GOOD = "Good article\n\nJapan and NATO met in Tokyo. “We agree,” the minister said.\n"
# Sets the pane title, then writes a command to the clipboard through OSC 52.
HOSTILE = "evil\x1b]0;pwned\x07\x1b]52;c;Y3VybCBldmlsLmV4YW1wbGV8c2g=\x07\x9b2J"


def natojp(
    db: Path, *args: str, env: dict[str, str] | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[bytes]:
    """The real command in a child process; bytes out, so nothing is decoded for us."""
    full = {**os.environ, "NATOJP_DB": str(db), **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "natojp_tui", *args],
        capture_output=True,
        env=full,
        timeout=timeout,
    )


def assert_inert(output: bytes) -> None:
    """No ESC, BEL or 8-bit CSI reaches the terminal."""
    assert b"\x1b" not in output and b"\x07" not in output
    assert "\x9b" not in output.decode("utf-8", "replace")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "db"
    monkeypatch.setenv("NATOJP_DB", str(path))
    return path


# ------------------------------------------------------------------ names on the terminal


@pytest.mark.slow
def test_a_hostile_file_name_is_printed_inert_by_show_extract_and_errors(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    evil = folder / f"{HOSTILE}.txt"
    evil.write_text(GOOD, encoding="utf-8")
    broken = folder / f"{HOSTILE}-empty.txt"
    broken.write_bytes(b"")
    db = tmp_path / "db"

    imported = natojp(db, "import", str(folder))
    assert imported.returncode == 1  # the empty file failed, named on stderr
    assert b"empty file" in imported.stderr
    shown = natojp(db, "show", str(evil))
    extracted = natojp(db, "extract", str(evil))
    assert shown.returncode == 0 and extracted.returncode == 0
    assert b"Good article" in shown.stdout and b"We agree" in extracted.stdout
    assert b"pwned" in shown.stdout and b"pwned" in extracted.stdout  # named, but inert
    for proc in (imported, shown, extracted):
        assert_inert(proc.stdout)
        assert_inert(proc.stderr)


@pytest.mark.slow
def test_repair_prints_a_hostile_database_path_inert(tmp_path: Path) -> None:
    db = tmp_path / HOSTILE
    assert natojp(db, "list").returncode == 0
    family_path(db, "articles").write_bytes(b"{ truncated")
    repaired = natojp(db, "repair")
    assert repaired.returncode == 0, repaired.stderr
    assert b"damaged:" in repaired.stdout and b"pwned" in repaired.stdout
    assert_inert(repaired.stdout)
    assert_inert(repaired.stderr)


def test_json_output_escapes_c1_and_bidi_controls_but_keeps_the_value(
    tmp_path: Path, capsys
) -> None:
    evil = tmp_path / "a\u202eb\x9bc.txt"
    evil.write_text(GOOD, encoding="utf-8")
    code, out, _ = run(capsys, "extract", str(evil), "--json")
    assert code == 0
    assert "\u202e" not in out and "\x9b" not in out
    assert json.loads(out)["path"] == str(evil)


# ------------------------------------------------------------------ files that are not plain


def _shift_jis_name(folder: Path) -> Path:
    name = "報道発表.txt".encode("shift_jis")
    path = Path(os.fsdecode(os.path.join(os.fsencode(folder), name)))
    path.write_text(GOOD.replace("Good article", "Shift_JIS named"), encoding="utf-8")
    return path


def test_a_shift_jis_file_name_is_named_in_one_line_and_the_rest_imported(
    tmp_path: Path, db: Path, capsys
) -> None:
    folder = tmp_path / "unzipped"
    folder.mkdir()
    _shift_jis_name(folder)
    (folder / "fine.txt").write_text(GOOD, encoding="utf-8")
    code, out, err = run(capsys, "import", str(folder))
    assert code == 1
    assert "1 imported" in out and "1 failed" in out
    [line] = err.splitlines()
    assert "not valid UTF-8" in line and "\\x95" in line  # the name, with its bytes escaped
    titles = [a["title"] for a in Store.open(db).articles()]
    assert titles == ["Good article"]


def test_extract_reads_a_file_whose_name_is_not_utf8(tmp_path: Path, capsys) -> None:
    path = _shift_jis_name(tmp_path)
    code, out, _ = run(capsys, "extract", str(path), "--json")
    assert code == 0
    record = json.loads(out)
    assert record["title"] == "Shift_JIS named"
    assert "\\x95" in record["path"]
    code, out, _ = run(capsys, "extract", str(path))
    assert code == 0 and "Shift_JIS named" in out


@pytest.mark.slow
def test_extract_refuses_a_fifo_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    started = time.monotonic()
    proc = natojp(tmp_path / "db", "extract", str(fifo), timeout=30)
    assert proc.returncode == 1
    assert b"not a regular file" in proc.stderr and b"Traceback" not in proc.stderr
    assert time.monotonic() - started < 30


def test_import_names_a_fifo_in_a_folder_and_imports_the_rest(
    tmp_path: Path, db: Path, capsys
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "fine.txt").write_text(GOOD, encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")
    code, out, err = run(capsys, "import", str(folder / "pipe.txt"), str(folder / "fine.txt"))
    assert code == 1 and "1 imported" in out and "not a regular file" in err


# ------------------------------------------------------------------ paths are not patterns


def test_an_existing_path_with_glob_characters_is_that_file(
    tmp_path: Path, db: Path, capsys
) -> None:
    bracketed = tmp_path / "Press release [EN].txt"
    bracketed.write_text(GOOD.replace("Good article", "Bracketed"), encoding="utf-8")
    starred = tmp_path / "report*final?.txt"
    starred.write_text(GOOD.replace("Good article", "Starred"), encoding="utf-8")
    (tmp_path / "report-draft-final1.txt").write_text(GOOD, encoding="utf-8")
    code, out, err = run(capsys, "import", str(bracketed), str(starred))
    assert code == 0, err
    assert "2 imported" in out
    titles = sorted(a["title"] for a in Store.open(db).articles())
    assert titles == ["Bracketed", "Starred"]


def test_a_path_that_does_not_exist_is_still_a_pattern(tmp_path: Path, db: Path, capsys) -> None:
    for n in (1, 2):
        (tmp_path / f"note{n}.txt").write_text(GOOD.replace("Good", f"No. {n}"), encoding="utf-8")
    code, out, _ = run(capsys, "import", str(tmp_path / "note?.txt"))
    assert code == 0 and "2 imported" in out


def test_repair_keeps_articles_whose_names_look_like_globs(
    tmp_path: Path, db: Path, capsys
) -> None:
    bracketed = tmp_path / "Press release [EN].txt"
    bracketed.write_text(GOOD.replace("Good article", "Bracketed"), encoding="utf-8")
    assert run(capsys, "import", str(bracketed))[0] == 0
    aid = ingest.article_id_for(bracketed)
    family_path(db, shard_key(aid)).unlink()  # its text is gone: repair reads the file again
    code, out, err = run(capsys, "repair")
    assert code == 0, err
    assert "read 1 articles again" in out.replace("\n", " ")
    assert "Bracketed" in [a["title"] for a in Store.open(db).articles()]


# ------------------------------------------------------------------ flags and formats


def test_an_empty_db_flag_or_variable_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    code, _, err = run(capsys, "--db", "", "list")
    assert code == 2 and "--db is empty" in err
    monkeypatch.setenv("NATOJP_DB", "")
    code, _, err = run(capsys, "list")
    assert code == 2 and "NATOJP_DB" in err
    code, _, err = run(capsys, "repair")
    assert code == 2
    default_library = Path(os.environ["XDG_DATA_HOME"]) / "natojp-tui"
    assert not default_library.exists()  # the real default library was never seeded


def test_export_format_md_is_accepted(tmp_path: Path, db: Path, capsys) -> None:
    target = tmp_path / "quotes.txt"
    code, _, err = run(capsys, "export", "-o", str(target), "--format", "md")
    assert code == 0, err
    assert target.read_text(encoding="utf-8").startswith("# Quotes\n")


@pytest.mark.parametrize(
    ("query", "reason"),
    [
        ("kind:bogus", "kind:bogus is not one of"),
        ("year:abc", "year:abc needs four digits"),
        ("is:bogus", "is:bogus is not known"),
        ("partners speaker:", "speaker: needs a name"),
    ],
)
def test_malformed_search_filters_are_usage_errors_with_the_reason(
    db: Path, capsys, query: str, reason: str
) -> None:
    for command in (["quotes", query, "--json"], ["export", query, "-o", str(db.parent / "x.md")]):
        code, out, err = run(capsys, *command)
        assert code == 2 and out == ""
        assert reason in err
    assert not (db.parent / "x.md").exists()


@pytest.mark.slow
def test_a_latin1_console_gets_list_and_quotes_json(tmp_path: Path) -> None:
    source = tmp_path / "kono.md"
    source.write_text(
        "---\ntitle: Kōno meets Stoltenberg — 日本\ndate: 2019-01-15\nsource: MOFA\n---\n\n"
        "Foreign Minister Tarō Kōno said: “Japan and NATO are natural partners.”\n",
        encoding="utf-8",
    )
    db = tmp_path / "db"
    assert natojp(db, "import", str(source)).returncode == 0
    latin1 = {"PYTHONIOENCODING": "latin-1"}
    listed = natojp(db, "list", env=latin1)
    assert listed.returncode == 0, listed.stderr
    assert (
        b"Traceback" not in listed.stderr and "Kōno".encode("latin-1", "replace") in listed.stdout
    )
    for args in (["quotes", "--json"], ["list", "--json"], ["show", str(source), "--json"]):
        narrow = natojp(db, *args, env=latin1)
        wide = natojp(db, *args)
        assert narrow.returncode == 0, narrow.stderr
        assert narrow.stdout.isascii()
        assert json.loads(narrow.stdout) == json.loads(wide.stdout.decode("utf-8"))


# ------------------------------------------------------------------ messages that say what is wrong


def _ids_sharing_a_prefix(folder: Path) -> tuple[Path, Path]:
    """Two file paths whose article ids start with the same five characters."""
    seen: dict[str, Path] = {}
    for n in range(2_000_000):
        path = folder / f"a{n}.txt"
        prefix = ingest.article_id_for(path)[:5]
        if prefix in seen:
            return seen[prefix], path
        seen[prefix] = path
    raise AssertionError("no shared prefix found")


def test_an_ambiguous_id_prefix_says_so_and_lists_the_candidates(
    tmp_path: Path, db: Path, capsys
) -> None:
    first, second = _ids_sharing_a_prefix(tmp_path)
    first.write_text(GOOD.replace("Good article", "First"), encoding="utf-8")
    second.write_text(GOOD.replace("Good article", "Second"), encoding="utf-8")
    assert run(capsys, "import", str(first), str(second))[0] == 0
    prefix = ingest.article_id_for(first)[:5]
    code, _, err = run(capsys, "show", prefix)
    assert code == 1
    assert "ambiguous" in err and "no article matches" not in err
    for path, title in ((first, "First"), (second, "Second")):
        assert f"{ingest.article_id_for(path)} {title}" in err


def test_a_database_file_it_may_not_read_does_not_advise_repair(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "db"
    store = Store.open(db)
    store.ensure_seeded()
    [aid] = store.article_ids()
    real_read_bytes = Path.read_bytes
    problems = []
    for denied in ("manifest.json", family_path(db, "articles").name):

        def read_bytes(self: Path, denied: str = denied) -> bytes:
            if self.name == denied:
                raise PermissionError(13, "Permission denied", str(self))
            return real_read_bytes(self)

        monkeypatch.setattr(Path, "read_bytes", read_bytes)
        with pytest.raises(StoreError) as err:
            Store.open(db)
        problems.append(str(err.value))
        monkeypatch.undo()
    shard = family_path(db, shard_key(aid)).name
    fresh = Store.open(db)
    monkeypatch.setattr(
        Path,
        "read_bytes",
        lambda self: (
            (_ for _ in ()).throw(PermissionError(13, "Permission denied", str(self)))
            if self.name == shard
            else real_read_bytes(self)
        ),
    )
    with pytest.raises(StoreError) as err:
        fresh.article(aid)
    problems.append(str(err.value))
    for problem in problems:
        assert "permission denied" in problem and "repair" not in problem


def test_a_dangling_symlink_as_db_is_named(tmp_path: Path, capsys) -> None:
    link = tmp_path / "db"
    link.symlink_to(tmp_path / "gone" / "library")
    code, _, err = run(capsys, "--db", str(link), "list")
    assert code == 1
    assert "symbolic link" in err and "gone/library" in err and "does not exist" in err
    assert "File exists" not in err


# ------------------------------------------------------------------ folders it cannot write

UNSHARE = shutil.which("unshare")


def _private_tmpfs(folder: Path, script: str, size: str = "4m") -> subprocess.CompletedProcess[str]:
    """Run ``script`` (sh) with a fresh tmpfs of ``size`` on ``folder``, seen by it alone."""
    folder.mkdir(exist_ok=True)
    return subprocess.run(
        [
            UNSHARE or "unshare",
            "-m",
            "sh",
            "-c",
            f"mount -t tmpfs -o size={size} tmpfs {folder} && {script}",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PY": sys.executable},
    )


def _can_mount(tmp_path: Path) -> bool:
    if UNSHARE is None:
        return False
    return _private_tmpfs(tmp_path / "probe", "true").returncode == 0


@pytest.mark.slow
def test_repair_in_a_folder_it_cannot_write_is_a_clear_error(tmp_path: Path) -> None:
    if not _can_mount(tmp_path):
        pytest.skip("no private mounts here (unshare -m)")
    mnt = tmp_path / "mnt"
    done = _private_tmpfs(
        mnt,
        f'NATOJP_DB={mnt}/db "$PY" -m natojp_tui list >/dev/null'
        f" && rm {mnt}/db/articles.*.json"
        f" && mount -o remount,ro {mnt}"
        f' && NATOJP_DB={mnt}/db "$PY" -m natojp_tui repair; echo "rc=$?"',
    )
    assert "rc=1" in done.stdout, done.stderr
    [line] = done.stderr.strip().splitlines()
    assert "cannot repair" in line and "Read-only file system" in line
    assert "write access" in line


@pytest.mark.slow
def test_a_full_disk_during_import_is_one_line_and_keeps_the_database(tmp_path: Path) -> None:
    if not _can_mount(tmp_path):
        pytest.skip("no private mounts here (unshare -m)")
    mnt = tmp_path / "mnt"
    big = tmp_path / "big.txt"
    paragraphs = [
        f"In meeting {n} in Tokyo the minister said: “We agree on point {n} of the plan.” " * 12
        for n in range(120)
    ]
    big.write_text("A long article\n\n" + "\n\n".join(paragraphs), encoding="utf-8")
    done = _private_tmpfs(
        mnt,
        f'NATOJP_DB={mnt}/db "$PY" -m natojp_tui list >/dev/null'
        f' && NATOJP_DB={mnt}/db "$PY" -m natojp_tui import {big}; echo "rc=$?"'
        f' && NATOJP_DB={mnt}/db "$PY" -m natojp_tui list --json',
        size="256k",
    )
    assert "rc=1" in done.stdout, done.stderr
    assert "No space left on device" in done.stderr and "Traceback" not in done.stderr
    listed = json.loads(done.stdout.split("rc=1", 1)[1])
    assert [a["title"] for a in listed] == [
        "NATO and Japan sign Political Declaration for a stronger partnership"
    ]
