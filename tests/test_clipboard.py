"""The clipboard layer: OSC 52 and the system tool, a file as last resort, never a crash."""

from __future__ import annotations

import subprocess
import time

import pytest

from natojp_tui.clipboard import (
    FALLBACK_NAME,
    Clipboard,
    ClipboardUnavailable,
    clipboard_commands,
    system_copy,
)


def test_text_goes_to_the_terminal_and_the_system_tool(tmp_path):
    sent, system = [], []
    clip = Clipboard(
        osc52=sent.append, system=lambda t: system.append(t) or "xclip", fallback_dir=tmp_path
    )
    result = clip.copy("We are natural partners")
    assert sent == ["We are natural partners"] and system == ["We are natural partners"]
    assert result.osc52 and result.system == "xclip" and result.file is None
    assert result.message() == (
        "Copied 23 characters to system clipboard (xclip) and terminal clipboard (OSC 52)"
    )
    assert not list(tmp_path.iterdir())


def test_without_a_system_tool_the_text_is_also_saved_to_a_file(tmp_path):
    def no_tool(text):
        raise ClipboardUnavailable("no clipboard tool found")

    result = Clipboard(osc52=lambda t: None, system=no_tool, fallback_dir=tmp_path).copy("héllo")
    assert (tmp_path / FALLBACK_NAME).read_text(encoding="utf-8") == "héllo"
    assert result.file == tmp_path / FALLBACK_NAME
    assert "no system clipboard tool; also saved to" in result.message()


def test_with_nothing_reachable_the_file_is_the_only_place(tmp_path):
    result = Clipboard(osc52=None, system=None, fallback_dir=tmp_path / "deep" / "dir").copy("x")
    assert result.file is not None and result.file.read_text(encoding="utf-8") == "x"
    assert result.message().startswith("Copied 1 characters; no system clipboard tool; saved to")


def test_big_payloads_skip_osc52_and_point_at_export(tmp_path):
    sent = []
    clip = Clipboard(
        osc52=sent.append, system=lambda t: "wl-copy", fallback_dir=tmp_path, osc52_limit=10
    )
    result = clip.copy("x" * 11)
    assert sent == [] and result.too_large and result.system == "wl-copy"
    assert "use export (e)" in result.message()


def test_a_hanging_tool_is_abandoned_after_the_time_limit(tmp_path):
    def hang(text):
        time.sleep(5)
        return "xsel"

    started = time.perf_counter()
    result = Clipboard(osc52=None, system=hang, fallback_dir=tmp_path, timeout=0.1).copy("x")
    assert time.perf_counter() - started < 1.0
    assert result.system is None and "timed out" in result.errors[0]
    assert result.file is not None


def test_failures_everywhere_never_raise():
    def boom(text):
        raise RuntimeError("terminal gone")

    def bad_dir():
        raise PermissionError("read-only home")

    result = Clipboard(osc52=boom, system=boom, fallback_dir=bad_dir).copy("x")
    assert not result.delivered
    assert len(result.errors) == 3
    assert result.message().startswith("Could not copy 1 characters")


def test_clipboard_commands_follow_the_session():
    def which(name):
        return f"/usr/bin/{name}" if name in {"xclip", "wl-copy", "pbcopy"} else None

    assert [n for n, _ in clipboard_commands({}, which, "linux")] == []
    assert [n for n, _ in clipboard_commands({"DISPLAY": ":0"}, which, "linux")] == ["xclip"]
    wayland = clipboard_commands({"WAYLAND_DISPLAY": "w", "DISPLAY": ":0"}, which, "linux")
    assert [n for n, _ in wayland] == ["wl-copy", "xclip"]
    assert clipboard_commands({}, which, "darwin") == [("pbcopy", ["/usr/bin/pbcopy"])]


def test_system_copy_feeds_the_first_working_tool_without_capturing_output():
    calls = []

    def run(argv, **kwargs):
        calls.append((argv, kwargs))
        if argv[0] == "broken":
            raise subprocess.CalledProcessError(1, argv)
        return subprocess.CompletedProcess(argv, 0)

    name = system_copy("ünï", [("broken", ["broken"]), ("xsel", ["xsel", "-bi"])], run=run)
    assert name == "xsel"
    argv, kwargs = calls[-1]
    assert argv == ["xsel", "-bi"]
    assert kwargs["input"] == "ünï".encode()
    assert kwargs["stdout"] == subprocess.DEVNULL and kwargs["timeout"] > 0


def test_system_copy_with_no_tools_raises_unavailable():
    with pytest.raises(ClipboardUnavailable):
        system_copy("x", [], run=lambda *a, **k: None)
