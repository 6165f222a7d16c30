"""Copy text to every clipboard we can reach, and say where it went.

Two routes are tried for each copy: OSC 52 through the terminal (a callable, usually
``App.copy_to_clipboard``) and the system clipboard tool (wl-copy, xclip, xsel,
pbcopy, clip.exe, else pyperclip) run in a thread with a time limit. When no system
tool took the text it is also written to a file in the user data dir. Nothing here
raises: failures end up in ``CopyResult.errors``. Every route is injectable so tests
never touch the real clipboard.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

OSC52_LIMIT = 100_000
"""Payloads above this many UTF-8 bytes are not sent via OSC 52 (terminals drop them)."""
SYSTEM_TIMEOUT = 2.0
FALLBACK_NAME = "clipboard.txt"

SystemCopier = Callable[[str], str]
"""Copies text with a system tool and returns the tool's name; raises when it cannot."""


class ClipboardUnavailable(Exception):
    """No system clipboard tool could take the text."""


@dataclass(slots=True)
class CopyResult:
    """Where one copy went."""

    chars: int
    osc52: bool = False
    system: str | None = None
    file: Path | None = None
    too_large: bool = False
    errors: list[str] = field(default_factory=list)

    @property
    def delivered(self) -> bool:
        return self.osc52 or self.system is not None or self.file is not None

    def message(self) -> str:
        """A one-line toast text: how many characters, and every place they went."""
        places = []
        if self.system:
            places.append(f"system clipboard ({self.system})")
        if self.osc52:
            places.append("terminal clipboard (OSC 52)")
        head = f"Copied {self.chars:,} characters"
        if places:
            head += " to " + " and ".join(places)
        elif self.file is None:
            head = f"Could not copy {self.chars:,} characters"
        parts = [head]
        if self.too_large:
            parts.append("too large for the terminal clipboard: use export (e) for big selections")
        if self.file is not None:
            lead = "saved to" if not places else "also saved to"
            if not self.system:
                lead = "no system clipboard tool; " + lead
            parts.append(f"{lead} {self.file}")
        if not self.delivered and self.errors:
            parts.append(self.errors[-1])
        return "; ".join(parts)


def clipboard_commands(
    env: Mapping[str, str] | None = None,
    which: Callable[[str], str | None] = shutil.which,
    platform: str = sys.platform,
) -> list[tuple[str, list[str]]]:
    """The system clipboard commands usable here, best first, as (name, argv)."""
    env = os.environ if env is None else env
    found: list[tuple[str, list[str]]] = []

    def add(name: str, *args: str) -> None:
        path = which(name)
        if path:
            found.append((name, [path, *args]))

    if platform == "darwin":
        add("pbcopy")
    if env.get("WAYLAND_DISPLAY"):
        add("wl-copy")
    if env.get("DISPLAY"):
        add("xclip", "-selection", "clipboard")
        add("xsel", "--clipboard", "--input")
    if platform.startswith("win") or env.get("WSL_DISTRO_NAME"):
        add("clip.exe")
    return found


def system_copy(
    text: str,
    commands: list[tuple[str, list[str]]] | None = None,
    run: Callable[..., subprocess.CompletedProcess] = subprocess.run,
    timeout: float = SYSTEM_TIMEOUT,
) -> str:
    """Copy with the first clipboard command that succeeds (then pyperclip); return its name."""
    errors = []
    for name, argv in clipboard_commands() if commands is None else commands:
        try:
            # Clipboard tools fork a server that keeps pipes open: never capture output.
            run(
                argv,
                input=text.encode("utf-8"),
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                timeout=timeout,
                check=True,
            )
        except (OSError, subprocess.SubprocessError) as exc:
            errors.append(f"{name}: {exc}")
            continue
        return name
    if commands is None and sys.platform in ("win32", "darwin"):
        try:
            import pyperclip

            pyperclip.copy(text)
            return "pyperclip"
        except Exception as exc:
            errors.append(f"pyperclip: {exc}")
    raise ClipboardUnavailable("; ".join(errors) or "no clipboard tool found")


def default_fallback_dir() -> Path:
    """The user data dir (``XDG_DATA_HOME`` aware), where ``clipboard.txt`` goes."""
    from natojp_tui.locations import clipboard_fallback_file

    return clipboard_fallback_file().parent


class Clipboard:
    """Copies text via OSC 52 and the system tool, with a file as the last resort."""

    def __init__(
        self,
        osc52: Callable[[str], None] | None = None,
        system: SystemCopier | None = system_copy,
        fallback_dir: Path | Callable[[], Path] | None = default_fallback_dir,
        timeout: float = SYSTEM_TIMEOUT,
        osc52_limit: int = OSC52_LIMIT,
    ) -> None:
        self.osc52 = osc52
        self.system = system
        self.fallback_dir = fallback_dir
        self.timeout = timeout
        self.osc52_limit = osc52_limit

    def copy(self, text: str) -> CopyResult:
        """Copy ``text`` everywhere reachable; never raises."""
        result = CopyResult(chars=len(text))
        self._send_osc52(text, result)
        self._run_system(text, result)
        if result.system is None:
            self._write_file(text, result)
        return result

    def _send_osc52(self, text: str, result: CopyResult) -> None:
        if self.osc52 is None:
            return
        if len(text.encode("utf-8")) > self.osc52_limit:
            result.too_large = True
            return
        try:
            self.osc52(text)
            result.osc52 = True
        except Exception as exc:
            result.errors.append(f"OSC 52: {exc}")

    def _run_system(self, text: str, result: CopyResult) -> None:
        if self.system is None:
            return
        outcome: dict[str, object] = {}
        system = self.system

        def target() -> None:
            try:
                outcome["tool"] = system(text)
            except Exception as exc:
                outcome["error"] = exc

        thread = threading.Thread(target=target, name="natojp-clipboard", daemon=True)
        thread.start()
        thread.join(self.timeout)
        if thread.is_alive():
            result.errors.append(f"system clipboard timed out after {self.timeout:g} s")
        elif "tool" in outcome:
            result.system = str(outcome["tool"])
        else:
            result.errors.append(f"system clipboard: {outcome.get('error')}")

    def _write_file(self, text: str, result: CopyResult) -> None:
        if self.fallback_dir is None:
            return
        try:
            folder = self.fallback_dir() if callable(self.fallback_dir) else self.fallback_dir
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / FALLBACK_NAME
            path.write_text(text, encoding="utf-8")
            result.file = path
        except Exception as exc:
            result.errors.append(f"fallback file: {exc}")
