"""Role titles compared by a canonical key, and shown with their organisation."""

from __future__ import annotations

from natojp_tui.core.lexicon.places import ORGANISATIONS
from natojp_tui.core.lexicon.roles import RANKS, ROLE_SYNONYMS
from natojp_tui.core.model import Role
from natojp_tui.core.text.memo import cache_short


@cache_short()
def role_key(title: str) -> str:
    """Canonical lowercase key of a role title, folding synonyms and hyphen spellings."""
    key = " ".join(title.lower().replace("’", "'").split())
    return ROLE_SYNONYMS.get(key, key)


def role_display(role: Role) -> str:
    """``Role("Secretary General", "NATO")`` → ``"NATO Secretary General"``;
    countries go after: ``"Prime Minister of Japan"``."""
    if not role.organisation:
        return role.title
    if role.organisation in ORGANISATIONS.values():
        return f"{role.organisation} {role.title}"
    return f"{role.title} of {role.organisation}"


def rank_or_none(title: str | None) -> bool:
    """No role yet, or only a military rank (which an office in apposition replaces)."""
    return title is None or title.lower() in RANKS
