"""People a Japanese-language readout names, in Japanese script: a full name as written
("岩屋毅外務大臣", "マルク・ルッテ"), a family name with a title ("岩屋大臣", "ルッテ事務総長"),
and "総理" alone for the prime minister in office on the readout's date. Each is found
in the lexicon (``core.lexicon.japanese``) and stands for its canonical name in Latin
letters, so a readout's people are the same people as in an English release."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from natojp_tui.core.lexicon.japanese import (
    FOREIGN_PEOPLE,
    JAPANESE_PEOPLE,
    PRIME_MINISTER_WORDS,
    TITLES,
    family_names,
    has_japanese,
    prime_minister_on,
    written_names,
)

_TITLE_ALT = "|".join(sorted(map(re.escape, TITLES), key=len, reverse=True))
# between a family name and its title: the organisation ("ルッテNATO事務総長")
_ORG_BETWEEN = r"(?:NATO|北大西洋条約機構[(（]NATO[)）])?"
_PREMIER_RE = re.compile(
    r"(?<![\u30a0-\u30ff\u4e00-\u9fff・])(?:"
    + "|".join(PRIME_MINISTER_WORDS)
    + r")(?!大臣公邸|官邸)"
)


@dataclass(frozen=True, slots=True)
class JapaneseName:
    """Where a paragraph names someone in Japanese script, and who it is."""

    paragraph: int
    start: int
    end: int
    name: str  # canonical, in Latin letters


def is_japanese(paragraphs: Sequence[str]) -> bool:
    """Does the text read in Japanese (kana or kanji near the start of a paragraph)?"""
    return any(has_japanese(p[:200]) for p in paragraphs)


def japanese_names(paragraphs: Sequence[str], published: date | None) -> list[JapaneseName]:
    """Every Japanese-script mention of a known person, in reading order; overlapping
    finds keep the longest ("岩屋毅外務大臣" over "岩屋")."""
    full = written_names()
    families = _families_of(paragraphs, full)
    for written, name in _bracketed(paragraphs).items():
        full.setdefault(written, name)
        families.setdefault(written.split("・")[-1], name)
    premier = prime_minister_on(published.isoformat()) if published else None
    out: list[JapaneseName] = []
    for p, text in enumerate(paragraphs):
        if not has_japanese(text):
            continue
        found: list[JapaneseName] = []
        if premier is not None:
            found += [
                JapaneseName(p, m.start(), m.end(), premier) for m in _PREMIER_RE.finditer(text)
            ]
        for written, name in full.items():
            found += [
                JapaneseName(p, m.start(), m.end(), name)
                for m in re.finditer(re.escape(written), text)
            ]
        for family, name in families.items():
            rx = rf"{re.escape(family)}{_ORG_BETWEEN}(?:{_TITLE_ALT})"
            found += [JapaneseName(p, m.start(), m.end(), name) for m in re.finditer(rx, text)]
        found.sort(key=lambda n: (n.start, -(n.end - n.start)))
        end = -1
        for n in found:
            if n.start >= end:
                out.append(n)
                end = n.end
    return out


# a readout gives a foreign visitor's name in Latin letters once, in brackets after the
# Japanese one: "バーシュボウNATO事務次長(Ambassador Alexander Vershbow, NATO Deputy
# Secretary General)"
_BRACKETED_RE = re.compile(
    r"(?P<jp>[\u30a1-\u30fa・ー]{2,30})"
    + _ORG_BETWEEN
    + rf"(?:{_TITLE_ALT})[(（]\s*(?:H\.\s?E\.\s*)?"
    r"(?:(?:Mr|Ms|Mrs|Dr)\.?\s+|(?:Ambassador|General|Admiral|Lieutenant|Air|Chief|Marshal)\s+)*"
    r"(?P<latin>[A-Z][A-Za-z'’.-]+(?:\s+[A-Z][A-Za-z'’.-]+){1,3})\s*[,，)）]"
)


def _bracketed(paragraphs: Sequence[str]) -> dict[str, str]:
    """Japanese-script names the text itself gives in Latin letters -> that Latin name."""
    out: dict[str, str] = {}
    for text in paragraphs:
        if "(" not in text and "（" not in text:
            continue
        for m in _BRACKETED_RE.finditer(text):
            out.setdefault(m.group("jp"), " ".join(m.group("latin").split()))
    return out


def _families_of(paragraphs: Sequence[str], full: dict[str, str]) -> dict[str, str]:
    """Family name -> person: the lexicon's unambiguous ones, and a family name two office
    holders share ("河野") for the one whose full name the text writes ("河野太郎")."""
    families = family_names()
    text = "\n".join(paragraphs)
    shared: dict[str, set[str]] = {}
    for family, given, _ in JAPANESE_PEOPLE:
        shared.setdefault(family, set()).add(family + given)
    for written in FOREIGN_PEOPLE:
        shared.setdefault(written.split("・")[-1], set()).add(written)
    for family, writings in shared.items():
        if family in families or len(writings) < 2:
            continue
        present = {full[w] for w in writings if w in text}
        if len(present) == 1:
            families[family] = present.pop()
    return families
