"""Abbreviations whose full stop does not end a sentence."""

from __future__ import annotations

from natojp_tui.core.text.patterns import words

# Titles before a name, written with a full stop ("Mr.", "Gen."): part of a name run.
TITLE_ABBREVIATIONS: tuple[str, ...] = (
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Mme", "Gen", "Lt", "Col", "Adm", "Jr", "Sr", "St", "Hon",
)  # fmt: skip
ABBREVIATIONS = words(
    """mr mrs ms dr prof gen lt col adm capt maj sgt amb rep sen gov st no nos jan feb mar apr
    jun jul aug sep sept oct nov dec e.g i.e etc vs approx co corp inc ltd jr sr rt hon h.e
    dept u.s u.k u.n e.u fig lt.gen mme"""
)
# "a.m." and "p.m." end a sentence only when an ordinary word follows ("at 10 a.m. He").
CLOCK_ABBREVIATIONS = frozenset(("a.m", "p.m"))
