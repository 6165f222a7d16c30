"""Role titles compared by a canonical key, and shown with their organisation."""

from __future__ import annotations

from natojp_tui.core.model import Role
from natojp_tui.core.people.names import ORGANISATIONS
from natojp_tui.core.text.memo import cache_short

# Canonical spellings so that "Minister for Foreign Affairs" and "Foreign Minister" match.
ROLE_SYNONYMS: dict[str, str] = {
    "minister of foreign affairs": "foreign minister",
    "minister for foreign affairs": "foreign minister",
    "foreign affairs minister": "foreign minister",
    "minister of defence": "defence minister",
    "minister of defense": "defence minister",
    "minister for defence": "defence minister",
    "defense minister": "defence minister",
    "secretary-general": "secretary general",
    "deputy secretary-general": "deputy secretary general",
    "assistant secretary-general": "assistant secretary general",
    "chairman": "chair",
    "chairwoman": "chair",
    "chairperson": "chair",
    "spokesman": "spokesperson",
    "spokeswoman": "spokesperson",
    "premier": "prime minister",
    "state minister of defense": "state minister of defence",
}


# "NATO's chief", "Japan's top diplomat": informal names for an organisation's top office.
CHIEF_WORDS: dict[str, dict[str | None, str]] = {
    "chief": {"NATO": "secretary general", None: "secretary general"},
    "head": {"NATO": "secretary general"},
    "boss": {"NATO": "secretary general"},
    "leader": {"Japan": "prime minister", "NATO": "secretary general"},
    "top diplomat": {None: "foreign minister"},
    "defence chief": {None: "defence minister"},
    "defense chief": {None: "defence minister"},
}


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


RANKS = frozenset(
    {
        "admiral",
        "vice admiral",
        "rear admiral",
        "general",
        "lieutenant general",
        "major general",
        "brigadier general",
        "brigadier",
        "colonel",
        "lieutenant colonel",
        "captain",
        "commander",
        "major",
        "lieutenant",
        "air marshal",
        "air chief marshal",
    }
)


def rank_or_none(title: str | None) -> bool:
    """No role yet, or only a military rank (which an office in apposition replaces)."""
    return title is None or title.lower() in RANKS
