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
        done = subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True,
                              timeout=10, check=check)
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


def test_search_enter_y_puts_the_attributed_quote_in_the_tmux_buffer(tmp_path):
    env = {
        "NATOJP_DB": str(tmp_path / "db"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "HOME": str(tmp_path),
        "TERM": "tmux-256color",
        "PATH": os.environ.get("PATH", ""),
        "LANG": "C.UTF-8",
    }
    command = " ".join(
        ["env", "-i", *(f"{k}={shlex.quote(v)}" for k, v in env.items()),
         shlex.quote(str(NATOJP)), "open", shlex.quote(str(SEED))]
    )
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
        assert copied.startswith(
            "“We are natural partners and together we can make a difference.” — Anders Fogh Rasmussen, "
        )
        assert f'("{TITLE}", NATO)' in copied
        screen = tmux.wait_for("Copied")
        assert "terminal clipboard (OSC 52)" in screen.replace("\n", " ") or "OSC 52" in screen
        tmux("send-keys", "-t", "e2e", "q")
    finally:
        tmux("kill-server", check=False)
