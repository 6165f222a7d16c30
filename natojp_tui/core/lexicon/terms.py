"""Names of policies, programmes and set phrases that texts put in quotation marks
without anyone speaking them (*the realization of a “free and open Indo-Pacific”*)."""

from __future__ import annotations

import re

# Folded (lower case, single spaces, no edge punctuation); a trailing "(ACRONYM)" is
# ignored when matching.
SET_TERMS = frozenset(
    [
        "free and open indo-pacific",
        "free and open indo pacific",
        "free and open asia-pacific",
        "proactive contribution to peace",
        "shuttle diplomacy",
        "2 plus 2",
        "2+2",
        "two-plus-two",
        "individual partnership and cooperation programme",
        "individual partnership and cooperation program",
        "individually tailored partnership programme",
        "individually tailored partnership program",
        "reciprocal access agreement",
        "special strategic partnership",
        "strategic cooperative partnership",
        "special strategic and global partnership",
        "partnership for peace",
        "smart defence",
        "360-degree approach",
    ]
)

_ACRONYM_TAIL_RE = re.compile(r"\s*\([A-Z0-9+&-]{2,10}\)$")
_EDGE = " \u00a0.,;:!?\"'“”‘’"


def is_set_term(quoted: str) -> bool:
    """Is ``quoted`` (the words inside the marks) one of ``SET_TERMS``?"""
    bare = _ACRONYM_TAIL_RE.sub("", quoted.strip(_EDGE))
    return " ".join(bare.lower().split()) in SET_TERMS
