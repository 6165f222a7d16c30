"""End to end: the installed ``natojp`` in a real terminal (tmux), copying through OSC 52."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from test_tui_support import SEED

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]

NATOJP = Path(sys.executable).with_name("natojp")
TITLE = "NATO and Japan sign Political Declaration for a stronger partnership"


class Tmux:
    """A private tmux server (own socket) so the user's sessions are never touched."""

    def __init__(self) -> None:
        self.socket = f"natojp-e2e-{uuid.uuid4().hex[:8]}"

    def __call__(self, *args: str, check: bool = True) -> str:
        done = subprocess.run(
            ["tmux", "-L", self.socket, *args],
            capture_output=True,
            text=True,
            timeout=10,
            check=check,
        )
        return done.stdout

    def screen(self) -> str:
        return self("capture-pane", "-p", "-t", "e2e")

    def wait_for(self, needle: str, seconds: float = 20.0) -> str:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            text = self.screen()
            if needle in text:
                return text
            time.sleep(0.2)
        raise AssertionError(f"{needle!r} never appeared on screen:\n{self.screen()}")

    def buffer(self, seconds: float = 10.0) -> str:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            out = self("show-buffer", check=False)
            if out:
                return out
            time.sleep(0.2)
        raise AssertionError(f"nothing reached the tmux buffer; screen:\n{self.screen()}")


def _env(tmp_path: Path) -> dict[str, str]:
    return {
        "NATOJP_DB": str(tmp_path / "db"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "HOME": str(tmp_path),
        "TERM": "tmux-256color",
        "PATH": os.environ.get("PATH", ""),
        "LANG": "C.UTF-8",
    }


def _natojp_command(env: dict[str, str], *args: str) -> str:
    return " ".join(
        [
            "env",
            "-i",
            *(f"{k}={shlex.quote(v)}" for k, v in env.items()),
            shlex.quote(str(NATOJP)),
            *map(shlex.quote, args),
        ]
    )


def test_search_enter_y_puts_the_attributed_quote_in_the_tmux_buffer(tmp_path):
    command = _natojp_command(_env(tmp_path), "open", str(SEED))
    tmux = Tmux()
    tmux("-f", "/dev/null", "new-session", "-d", "-s", "e2e", "-x", "120", "-y", "40", command)
    try:
        tmux("set", "-g", "set-clipboard", "on")
        tmux.wait_for(TITLE[:40])
        tmux("send-keys", "-t", "e2e", "/")
        tmux.wait_for("all ")
        tmux("send-keys", "-t", "e2e", "-l", "natural partners")
        tmux.wait_for("1 quote match")
        tmux("send-keys", "-t", "e2e", "Enter")
        tmux.wait_for("Next quote")
        tmux("send-keys", "-t", "e2e", "y")
        copied = tmux.buffer()
        assert copied == (
            "“We are natural partners and together we can make a difference.” — Anders Fogh Rasmussen, "
            f'NATO Secretary General, Tokyo, 15 April 2013 ("{TITLE}", NATO)'
        )
        screen = tmux.wait_for("Copied")
        assert "terminal clipboard (OSC 52)" in screen.replace("\n", " ") or "OSC 52" in screen
        tmux("send-keys", "-t", "e2e", "q")
    finally:
        tmux("kill-server", check=False)


HOSTILE = (
    "Hostile \x1b]0;PWNED-TITLE\x07headline [bold red]x[/]\n\n"
    "Secretary General Jane Doe met the minister in Tokyo. “We stand together \x1b[2J\x1b[31mred"
    "\x1b]52;c;UFdORUQtQ0xJUA==\x07 [@click=app.quit]quit[/] \u202eevil\u202c and \x1b]8;;http://e.vil\x1b\\link"
    "\x1b]8;;\x1b\\,” the Secretary General said.\n"
)


def test_a_hostile_article_reaches_the_terminal_inert(tmp_path):
    article = tmp_path / "hostile.txt"
    article.write_text(HOSTILE, encoding="utf-8")
    tmux = Tmux()
    tmux(
        "-f",
        "/dev/null",
        "new-session",
        "-d",
        "-s",
        "e2e",
        "-x",
        "120",
        "-y",
        "40",
        _natojp_command(_env(tmp_path), "open", str(article)),
    )
    try:
        tmux("set", "-g", "set-clipboard", "on")
        tmux("set", "-g", "allow-rename", "on")
        screen = tmux.wait_for("[@click=app.quit]quit[/]")  # the body, once the article opened
        assert "[bold red]x[/]" in screen, "markup is shown as characters"
        tmux("send-keys", "-t", "e2e", "n")
        tmux.wait_for("Jane Doe")
        tmux("send-keys", "-t", "e2e", "y")
        copied = tmux.buffer()
        assert "We stand together red [@click=app.quit]quit[/] evil and link" in copied
        assert "\x1b" not in copied and "PWNED" not in copied
        assert "PWNED" not in tmux("display", "-p", "-t", "e2e", "#{pane_title} #{window_name}")
        assert "PWNED" not in tmux("list-buffers", "-F", "#{buffer_sample}")
        tmux("send-keys", "-t", "e2e", "q")
    finally:
        tmux("kill-server", check=False)


def test_an_apa_citation_reaches_the_tmux_buffer_through_osc_52(tmp_path):
    command = _natojp_command(_env(tmp_path), "open", str(SEED))
    tmux = Tmux()
    tmux("-f", "/dev/null", "new-session", "-d", "-s", "e2e", "-x", "120", "-y", "40", command)
    try:
        tmux("set", "-g", "set-clipboard", "on")
        tmux.wait_for(TITLE[:40])
        tmux("send-keys", "-t", "e2e", "/")
        tmux.wait_for("all ")
        tmux("send-keys", "-t", "e2e", "-l", "natural partners")
        tmux.wait_for("1 quote match")
        tmux("send-keys", "-t", "e2e", "Enter")
        tmux.wait_for("Next quote")
        tmux("send-keys", "-t", "e2e", "Y")
        tmux.wait_for("APA 7")
        tmux("send-keys", "-t", "e2e", "a")
        assert tmux.buffer() == (
            "“We are natural partners and together we can make a difference” "
            "(NATO, 2013, para. 5).\n\n"
            f"NATO. (2013, April 15). {TITLE} [Press release]."
        )
        tmux("send-keys", "-t", "e2e", "q")
    finally:
        tmux("kill-server", check=False)
