"""The natojp command line: the contract scripts and other tools rely on."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from library_files import family_path

from natojp_tui.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "db"
    monkeypatch.setenv("NATOJP_DB", str(path))
    return path


def test_list_json_shows_the_bundled_seed_on_first_use(capsys, db: Path) -> None:
    code, out, _ = run(capsys, "list", "--json")
    assert code == 0
    [row] = json.loads(out)
    assert set(row) == {
        "id",
        "title",
        "published",
        "updated",
        "source",
        "url",
        "path",
        "quotes",
        "events",
        "corrected",
        "read",
        "new",
    }
    assert row["title"] == "NATO and Japan sign Political Declaration for a stronger partnership"
    assert row["published"] == "2013-04-15" and row["updated"] == "2013-04-15T15:45"


def test_db_flag_overrides_the_environment(capsys, db: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    run(capsys, "--db", str(other), "list")
    assert (other / "manifest.json").exists() and not db.exists()


def test_extract_json_reads_without_touching_the_database(
    capsys, db: Path, seed_path: Path
) -> None:
    code, out, _ = run(capsys, "extract", str(seed_path), "--json")
    assert code == 0
    rec = json.loads(out)
    assert {"path", "title", "published", "paragraphs", "quotes", "events"} <= set(rec)
    assert rec["published"] == "2013-04-15" and len(rec["paragraphs"]) == 5
    for q in rec["quotes"]:
        assert rec["paragraphs"][q["paragraph"]][q["start"] : q["end"]] == q["text"]
    assert not db.exists()


def test_extract_of_several_files_prints_a_list(
    capsys, db: Path, seed_path: Path, data_dir: Path
) -> None:
    code, out, _ = run(
        capsys, "extract", str(seed_path), str(data_dir / "readers" / "no_date.txt"), "--json"
    )
    assert (
        code == 0
        and [r["title"] for r in json.loads(out)][1] == "A note on partnership without a date"
    )


def test_import_reports_each_bad_file_in_one_line_and_exits_1(
    capsys, db: Path, tmp_path: Path, seed_path: Path
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    code, out, err = run(capsys, "import", str(bad), str(seed_path), str(tmp_path / "missing.txt"))
    assert code == 1
    lines = err.strip().splitlines()
    assert len(lines) == 2 and all(line.startswith("natojp: ") for line in lines)
    assert "bad.txt: empty file" in err and "missing.txt" in err
    assert "1 imported" in out and "1 failed" not in out


def test_import_json_report(capsys, db: Path, seed_path: Path) -> None:
    code, out, _ = run(capsys, "import", str(seed_path), "--json")
    assert code == 0 and len(json.loads(out)["imported"]) == 1


def test_show_by_id_prefix(capsys, db: Path) -> None:
    _, out, _ = run(capsys, "list", "--json")
    aid = json.loads(out)[0]["id"]
    code, out, _ = run(capsys, "show", aid[:6], "--json")
    assert code == 0 and json.loads(out)["id"] == aid


def test_show_unknown_id_is_one_line_and_exit_1(capsys, db: Path) -> None:
    code, _, err = run(capsys, "show", "nope")
    assert code == 1 and err.count("\n") == 1 and err.startswith("natojp: no article matches")


def test_usage_errors_exit_2_in_one_line(capsys, db: Path) -> None:
    code, _, err = run(capsys, "frobnicate")
    assert code == 2 and err.count("\n") == 1


def test_a_corrupt_database_is_one_line_naming_the_file_and_untouched(capsys, db: Path) -> None:
    run(capsys, "list")
    target = family_path(db, "articles")
    target.write_bytes(b'{"articles": {"1": ')
    code, _, err = run(capsys, "list")
    assert code == 1 and err.count("\n") == 1
    assert str(target) in err and "natojp repair" in err
    assert target.read_bytes() == b'{"articles": {"1": '
    code, out, _ = run(capsys, "repair")
    flat = out.replace("\n", "")  # the terminal width may wrap long paths
    assert code == 0 and f"damaged: {target}" in flat and "the damaged files are kept in" in flat
    code, out, _ = run(capsys, "list", "--json")
    assert code == 0 and len(json.loads(out)) == 1


def test_export_refuses_to_overwrite_without_force(capsys, db: Path, tmp_path: Path) -> None:
    target = tmp_path / "quotes.csv"
    target.write_text("keep me")
    code, _, err = run(capsys, "export", "-o", str(target))
    assert code == 1 and "already exists" in err and target.read_text() == "keep me"
    code, _, _ = run(capsys, "export", "-o", str(target), "--force")
    assert (
        code == 0 and target.read_text().startswith(("text,", "quote,", "id,", "\ufeff"))
    ) or target.read_text() != "keep me"


def test_export_to_a_missing_folder_is_a_clear_error(capsys, db: Path, tmp_path: Path) -> None:
    code, _, err = run(capsys, "export", "-o", str(tmp_path / "nowhere" / "q.md"))
    assert code == 1 and "does not exist" in err


def test_every_command_has_help() -> None:
    for cmd in (
        "import",
        "list",
        "show",
        "extract",
        "quotes",
        "people",
        "timeline",
        "visits",
        "export",
        "repair",
        "open",
    ):
        proc = subprocess.run(
            [sys.executable, "-m", "natojp_tui", cmd, "--help"],
            capture_output=True,
            text=True,
            check=False,
        )
        assert proc.returncode == 0 and "usage: natojp" in proc.stdout, cmd


def test_version() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "natojp_tui", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0 and proc.stdout.startswith("natojp-tui ")


def test_core_and_extract_do_not_import_textual(seed_path: Path) -> None:
    code = (
        "import sys, runpy\n"
        "import natojp_tui.core.readers, natojp_tui.core.pipeline, natojp_tui.core.model\n"
        "assert 'textual' not in sys.modules, 'core imported textual'\n"
        "from natojp_tui.cli import main\n"
        f"rc = main(['extract', {str(seed_path)!r}, '--json'])\n"
        "assert rc == 0\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in {'textual', 'tinydb'})\n"
        "assert not bad, bad\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ},
    )
    assert proc.returncode == 0, proc.stderr


_KYODO_STORY = """---
title: Japan's foreign minister visits Canberra for talks
date: 2019-08-05
source: Kyodo News
---

CANBERRA, Aug. 5 (Kyodo) -- Foreign Minister Taro Kono met his Australian counterpart
Marise Payne in Canberra on Monday.

"Our two countries share a commitment to a rules-based order," Kono told reporters after
the talks.
"""


def test_quotes_filters_by_source_and_by_visit_like_the_reader(
    capsys, db: Path, tmp_path: Path
) -> None:
    story = tmp_path / "kyodo.md"
    story.write_text(_KYODO_STORY, encoding="utf-8")
    assert run(capsys, "list")[0] == 0  # first use: the bundled seed
    assert run(capsys, "import", str(story))[0] == 0

    code, out, _ = run(capsys, "quotes", "source:kyodo", "--json")
    assert code == 0
    rows = json.loads(out)
    assert rows and {r["speaker"] for r in rows} == {"Taro Kono"}

    code, out, _ = run(capsys, "quotes", "visit:rasmussen", "--json")
    seed_rows = json.loads(out)
    assert code == 0 and seed_rows
    assert all("Kono" not in (r["speaker"] or "") for r in seed_rows)
    assert {r["article"]["id"] for r in seed_rows}.isdisjoint({r["article"]["id"] for r in rows})


def test_a_visit_filter_naming_no_visit_says_so_and_finds_nothing(capsys, db: Path) -> None:
    code, out, err = run(capsys, "quotes", "visit:nobody-at-all", "--json")
    assert code == 0 and json.loads(out) == []
    assert "visit:nobody-at-all matches no visit" in err


def test_the_cli_style_choices_are_the_cores_copy_formats() -> None:
    """``cli.COPY_STYLES`` is written out so the CLI starts without importing the core."""
    from natojp_tui.cli import COPY_STYLES
    from natojp_tui.core.references import COPY_FORMATS

    assert sorted(COPY_STYLES) == sorted(COPY_FORMATS)
