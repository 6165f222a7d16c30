"""Bad input files: each gets one clear reason, the rest of the batch still imports."""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path

import pytest
from library_files import files

from natojp_tui import ingest
from natojp_tui.core.readers import ArticleError, read_article
from natojp_tui.store import Store

GOOD = "Good article\n\nJapan and NATO met in Tokyo. “We agree,” the minister said.\n"


def test_a_file_over_the_size_limit_is_refused_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with open(big, "wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # sparse: costs no disk
    with pytest.raises(ArticleError, match=r"too large \(50\.0 MiB; the limit is 20 MiB\)"):
        ingest.read_file_bytes(big)


def test_deeply_nested_html_finishes_in_bounded_time() -> None:
    html = (
        "<html><body>"
        + "<div>" * 100_000
        + "<p>"
        + "Deep text. " * 20
        + "</p>"
        + "</div>" * 100_000
        + "</body></html>"
    )
    started = time.monotonic()
    with contextlib.suppress(ArticleError):  # refusing it is fine; hanging or crashing is not
        read_article(html.encode(), "deep.html")
    assert time.monotonic() - started < 15


def test_a_five_megabyte_single_line_is_read_in_bounded_time() -> None:
    started = time.monotonic()
    a = read_article(("Title\n\n" + "NATO “quote ' " * 400_000).encode(), "line.txt")
    assert len(a.body) == 1
    assert time.monotonic() - started < 15


def test_a_batch_with_every_kind_of_bad_file_still_imports_the_good_ones(
    tmp_path: Path, data_dir: Path
) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "good.txt").write_text(GOOD, encoding="utf-8")
    (src / "cp1252.txt").write_bytes((data_dir / "readers" / "cp1252.txt").read_bytes())
    (src / "sjis.txt").write_bytes((data_dir / "readers" / "shift_jis.txt").read_bytes())
    (src / "empty.txt").write_bytes(b"")
    (src / "binary.txt").write_bytes(bytes(range(256)) * 64)
    (src / "nobody.html").write_text("<html><head><title>t</title></head></html>")
    (src / "broken.md").write_text("---\ntitle: x\n\nno end\n")
    report = Store.open(tmp_path / "db").import_paths([src])
    assert len(report.imported) == 3
    reasons = {Path(p).name: r for p, r in report.failed}
    assert set(reasons) == {"empty.txt", "binary.txt", "nobody.html", "broken.md"}
    assert all(r and "\n" not in r for r in reasons.values())


def test_a_file_that_disappears_mid_import_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = tmp_path / "src"
    src.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (src / name).write_text(GOOD.replace("Good", name), encoding="utf-8")
    real = ingest.read_file_bytes

    def vanish(path: Path, *a, **k):
        if path.name == "b.txt":
            os.unlink(path)
        return real(path, *a, **k)

    monkeypatch.setattr(ingest, "read_file_bytes", vanish)
    report = Store.open(tmp_path / "db").import_paths([src])
    assert len(report.imported) == 2
    [(path, reason)] = report.failed
    assert path.endswith("b.txt") and "no such file" in reason


def test_an_unreadable_file_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "secret.txt"
    target.write_text(GOOD)
    real_open = os.open

    def denied(path, *a, **k):
        if str(path) == str(target):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *a, **k)

    monkeypatch.setattr(os, "open", denied)
    with pytest.raises(ArticleError, match="permission denied"):
        ingest.read_file_bytes(target)


def test_a_read_only_database_folder_is_a_clear_error_and_keeps_the_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store.open(tmp_path / "db")
    store.ensure_seeded()
    before = files(tmp_path / "db")

    real_open = os.open

    def read_only(path, *a, **k):
        if str(path).startswith(str(tmp_path / "db")):  # the database folder, not the sources
            raise OSError(30, "Read-only file system")
        return real_open(path, *a, **k)

    monkeypatch.setattr("natojp_tui.store.storage.os.open", read_only)
    src = tmp_path / "new.txt"
    src.write_text(GOOD)
    from natojp_tui.store import StoreError

    with pytest.raises(StoreError, match="Read-only file system"):
        store.import_paths([src])
    monkeypatch.undo()
    assert before == files(tmp_path / "db")


def test_file_names_with_escape_sequences_are_printed_inert(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    from natojp_tui.cli import main

    monkeypatch.setenv("NATOJP_DB", str(tmp_path / "db"))
    evil = tmp_path / "evil\x1b]0;pwned\x07\x1b[2J.txt"
    evil.write_bytes(b"")
    assert main(["import", str(evil)]) == 1
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\x07" not in err and "empty file" in err
