"""Capitalised runs: the stretches of a text where names and titles can be."""

from __future__ import annotations

import re

from natojp_tui.core.lexicon.abbreviations import TITLE_ABBREVIATIONS

# Lower-case words inside a name ("Ursula von der Leyen", "Joao da Silva").
NAME_PARTICLES: tuple[str, ...] = (
    "van", "von", "der", "den", "de", "da", "di", "du", "bin", "al", "le", "la", "del", "dos",
    "ter",
)  # fmt: skip

_CAP = (
    rf"(?:(?:{'|'.join(TITLE_ABBREVIATIONS)})\.|[A-Z]\.(?:[A-Z]\.)*"
    r"|[A-Z\u00C0-\u00DE][\w\u00C0-\u024F]*(?:[-’'][\w\u00C0-\u024F]+)*)"
)
_CONNECT = rf"(?:(?:of|for)(?:[ \u00A0]the)?|{'|'.join(NAME_PARTICLES)})"
# A run of capitalised words joined by single spaces and a few lowercase connectors.
# (the look-ahead is only a quick test: every run starts with a capital letter)
RUN_RE = re.compile(rf"(?=[A-Z\u00C0-\u00DE]){_CAP}(?:[ \u00A0](?:{_CONNECT}[ \u00A0])*{_CAP})*")
