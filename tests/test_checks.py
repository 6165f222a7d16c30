"""The project's rules are checked, not promised: the layers hold (import-linter), the
package type-checks (mypy) and every file is formatted and lint-clean (ruff)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _tool(name: str) -> str:
    """A console script of this environment (beside the interpreter), else on PATH."""
    here = Path(sys.executable).parent / name
    found = str(here) if here.exists() else shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is not installed: pip install -e '.[test]'")
    return found


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)


@pytest.mark.slow
def test_the_core_is_pure_and_the_tui_never_reaches_into_the_store():
    done = _run(_tool("lint-imports"))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "2 kept, 0 broken" in done.stdout


@pytest.mark.slow
def test_the_package_type_checks(monkeypatch: pytest.MonkeyPatch):
    from mypy import api

    monkeypatch.chdir(ROOT)  # files, options and the cache dir: [tool.mypy] in pyproject.toml
    stdout, stderr, status = api.run([])
    assert status == 0, stdout + stderr
    assert "no issues found" in stdout


@pytest.mark.slow
def test_every_file_is_formatted_and_lint_clean():
    formatted = _run(sys.executable, "-m", "ruff", "format", "--check", ".")
    assert formatted.returncode == 0, formatted.stdout + formatted.stderr
    linted = _run(sys.executable, "-m", "ruff", "check", ".")
    assert linted.returncode == 0, linted.stdout + linted.stderr
