"""Text hygiene at ingest: hostile bytes become inert, typography survives."""

from __future__ import annotations

from natojp_tui.core.hygiene import clean_text, fold_line, strip_controls
from natojp_tui.core.readers import read_article


def test_ansi_and_osc_sequences_are_removed() -> None:
    hostile = "A\x1b[2Jclear \x1b[31mred\x1b[0m \x1b]0;pwned title\x07x \x1b]52;c;ZXZpbA==\x07y \x1b]8;;http://e.vil\x1b\\link\x1b]8;;\x1b\\ z"
    assert strip_controls(hostile) == "Aclear red x y link z"


def test_c1_controls_and_8bit_escapes_are_removed() -> None:
    assert strip_controls("a\x9b31mb\x9d0;t\x07c\x85d") == "abcd"


def test_bidi_overrides_and_zero_width_characters_are_removed() -> None:
    assert strip_controls("abc\u202edef\u2066g\u2069\u200bh\ufeff") == "abcdefgh"


def test_nul_and_other_c0_controls_are_removed_but_newlines_kept() -> None:
    assert clean_text("a\x00b\x07c\x08d\ne\tf") == "abcd\ne\tf"


def test_curly_quotes_and_apostrophes_are_kept() -> None:
    text = "“We are natural partners,” he said of Japan’s role and the allies’ plan."
    assert clean_text(text) == text


def test_nfc_normalisation() -> None:
    assert clean_text("Cafe\u0301") == "Caf\u00e9"


def test_whitespace_is_folded_in_lines() -> None:
    assert fold_line("  a \u00a0 b\u3000c\t d  ") == "a b c d"


def test_markup_is_kept_literally_as_data() -> None:
    # Markup is not ours to interpret: it stays as characters; rendering keeps it inert.
    assert (
        clean_text("[bold red]x[/] [@click=app.quit]q[/]") == "[bold red]x[/] [@click=app.quit]q[/]"
    )


def test_hostile_article_is_read_inert() -> None:
    data = "Title\x1b]0;evil\x07 line\n\nBody \x1b[2J\u202etext\x00 here.\n".encode()
    a = read_article(data, "hostile.txt")
    assert a.title == "Title line"
    assert a.body == ["Body text here."]
