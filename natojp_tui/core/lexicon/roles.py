"""Role and office words: the grammar of titles (*Deputy Secretary General*, *Minister
for Foreign Affairs*), their canonical spellings, informal names for top offices,
military ranks, and honorifics with the gender they imply."""

from __future__ import annotations

from natojp_tui.core.lexicon.numbers import NUMBER_WORDS
from natojp_tui.core.text.patterns import words

HONORIFICS: dict[str, str | None] = {
    "mr": "m",
    "mr.": "m",
    "sir": "m",
    "mrs": "f",
    "mrs.": "f",
    "ms": "f",
    "ms.": "f",
    "madam": "f",
    "mme": "f",
    "mme.": "f",
    "dame": "f",
    "dr": None,
    "dr.": None,
    "prof": None,
    "prof.": None,
    "professor": None,
    "h.e.": None,
    "he.": None,
    "hon.": None,
    "hon": None,
    "the hon": None,
    "rt": None,  # "the Rt Hon. Christopher Luxon", "the Rt. Hon. X"
    "rt.": None,
    "right": None,
    "the honorable": None,
    "the honourable": None,
}

# letters written after a name ("the Hon Tony Abbott MP"), never part of it
POST_NOMINALS = frozenset({"MP", "MHR", "QC", "KC", "AO", "AC", "MLA", "MEP", "OBE", "CBE", "KBE"})


# Role grammar: MODIFIER* HEAD ("of"|"for" COMPLEMENT)?, all capitalised in running text.
ROLE_MODIFIERS = words(
    "deputy vice assistant senior state parliamentary acting chief cabinet foreign defence "
    "defense trade finance economy economic security permanent special high supreme allied "
    "prime executive principal press first under foreign-affairs lieutenant major brigadier rear "
    "air "
    "lt lt. maj maj. brig brig. lieut."
)


ROLE_HEADS = words(
    "minister secretary-general secretary president vice-president ambassador chair chairman "
    "chairwoman chairperson spokesperson spokesman spokeswoman representative commander "
    "general admiral chancellor governor mayor senator premier vice-minister director "
    "director-general chief head emperor king queen prince princess envoy adviser advisor "
    "counsellor speaker colonel commandant captain president-elect marshal"
)


# offices written as their letters before a name in wire copy and readouts: "FM Yu", "PM Kishida"
ROLE_ABBREVIATIONS: dict[str, str] = {
    "PM": "Prime Minister",
    "FM": "Foreign Minister",
    "DPM": "Deputy Prime Minister",
    "SG": "Secretary General",
    "DSG": "Deputy Secretary General",
}


# the last word of an institution named before a role: "National Assembly Speaker Chung",
# "Defense Ministry spokesman Jeon", "Liberal Democratic Party Secretary-General Motegi"
INSTITUTION_HEADS = words(
    "assembly diet parliament party ministry council committee house senate congress "
    "cabinet agency office commission"
)


COMPLEMENT_WORDS = words(
    "foreign affairs defence defense state staff cabinet military committee economy trade "
    "industry finance policy security political and the of nato allied alliance european "
    "union united nations japan's public diplomacy operations partnerships cooperative "
    "emerging challenges ministry government internal communications relations international "
    "information unification national commission council parliament assembly congress senate "
    "representatives"
)

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
    "top envoy": {None: "foreign minister"},
    "defence chief": {None: "defence minister"},
    "defense chief": {None: "defence minister"},
}

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

# The words a role cue before or after a quote is made of ("the NATO side",
# "Japan's top diplomat", "the joint statement").
ROLE_WORDS = words(
    "minister ministers secretary general secretary-general spokesperson spokesman spokeswoman "
    "chief leader leaders head chair chairman chairwoman president ambassador envoy official "
    "officials side sides foreign defence defense prime deputy vice japanese nato alliance "
    "alliance's nato's japan's two both allied declaration statement communiqué communique "
    "document report agreement strategy concept letter resolution plan treaty joint political "
    "the of for two both top diplomat government ministry spokesperson's office presidential "
    "agency embassy senior unnamed anonymous pair countries nations diplomats chiefs counterparts "
    "participating"
) | {w for w, n in NUMBER_WORDS.items() if 2 <= n <= 10}  # "the five countries"
# the last word of a cue naming an institution rather than a person
INSTITUTION_WORDS = words("office ministry agency embassy government council secretariat")
