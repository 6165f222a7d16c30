"""Publishers by their short names: ``Ministry of Foreign Affairs of Japan`` is ``MOFA``.

Used where space is short (the article list), and to let a user type the short name
or a common alias (``mofa``, ``kantei``, ``mod``) wherever a source is matched.
"""

from __future__ import annotations

import re

# short name -> (spellings seen in articles, aliases a user may type); matched case-folded
SOURCES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "NATO": (
        ("NATO", "North Atlantic Treaty Organization", "North Atlantic Treaty Organisation"),
        ("nato", "otan", "nato.int"),
    ),
    "MOFA": (
        ("Ministry of Foreign Affairs of Japan", "Ministry of Foreign Affairs", "MOFA Japan"),
        ("mofa", "gaimusho", "foreign ministry", "mofa.go.jp"),
    ),
    "Kantei": (
        (
            "Prime Minister's Office of Japan",
            "Prime Minister’s Office of Japan",
            "Prime Minister of Japan and His Cabinet",
            "Prime Minister's Office",
            "Cabinet Office",
        ),
        ("kantei", "pmo", "prime minister's office", "kantei.go.jp"),
    ),
    "MOD": (
        ("Ministry of Defense of Japan", "Japan Ministry of Defense", "Ministry of Defense"),
        ("mod", "jmod", "boeisho", "defense ministry", "defence ministry", "mod.go.jp"),
    ),
    "Kyodo": (("Kyodo", "Kyodo News"), ("kyodo",)),
    "Jiji": (("Jiji", "Jiji Press"), ("jiji",)),
    "Reuters": (("Reuters", "Thomson Reuters"), ("reuters",)),
    "AP": (("AP", "Associated Press", "The Associated Press"), ("ap", "associated press")),
    "AFP": (("AFP", "Agence France-Presse", "Agence France Presse"), ("afp",)),
    "Bloomberg": (("Bloomberg", "Bloomberg News"), ("bloomberg",)),
    "NHK": (("NHK", "NHK World", "NHK World-Japan"), ("nhk",)),
    "Yonhap": (("Yonhap", "Yonhap News Agency"), ("yonhap",)),
    "dpa": (("dpa", "Deutsche Presse-Agentur"), ("dpa",)),
    "Japan Times": (("The Japan Times", "Japan Times"), ("japan times", "japantimes")),
}
WIRE_AGENCIES = frozenset(
    ("Kyodo", "Jiji", "Reuters", "AP", "AFP", "Bloomberg", "NHK", "Yonhap", "dpa", "Japan Times")
)
GOVERNMENT = frozenset(("MOFA", "Kantei", "MOD"))

_SPELLING: dict[str, str] = {
    spelling.casefold(): short
    for short, (spellings, _) in SOURCES.items()
    for spelling in spellings
}
_BY_LENGTH = sorted(_SPELLING.items(), key=lambda kv: -len(kv[0]))
_WORDS = re.compile(r"\w+")


def short_source(source: str | None) -> str | None:
    """The short name of a publisher, or the name itself when none is known."""
    if not source:
        return None
    key = " ".join(source.split()).casefold()
    if key in _SPELLING:
        return _SPELLING[key]
    for spelling, short in _BY_LENGTH:
        if len(spelling) > 4 and spelling in key:
            return short
    return source


def source_names(source: str | None) -> list[str]:
    """Every name a user may type for ``source``: full, short and aliases (case-folded)."""
    if not source:
        return []
    names = [source.casefold()]
    short = short_source(source)
    if short and short in SOURCES:
        spellings, aliases = SOURCES[short]
        names += [short.casefold(), *(s.casefold() for s in spellings), *aliases]
    elif short:
        names.append(short.casefold())
    return list(dict.fromkeys(names))


def source_matches(needle: str, source: str | None) -> bool:
    """True when ``needle`` (any case) names ``source``: a short name, alias or part of it.

    Short needles (up to four letters, like ``mod`` or ``ap``) must equal a name or alias,
    so ``ap`` does not find "Japan"; longer ones may be a substring.
    """
    needle = " ".join(needle.split()).casefold()
    if not needle:
        return True
    names = source_names(source)
    if len(needle) <= 4:
        return any(needle == n or needle in _WORDS.findall(n) for n in names)
    return any(needle in n for n in names)
