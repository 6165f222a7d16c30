"""Speech and reporting verbs: every form a quote's cue may use, and the smaller sets
that introduce people, need a that-clause, or only take a direct quote."""

from __future__ import annotations

import re

from natojp_tui.core.lexicon.japanese import REPORT_STANCE_HEADS, has_japanese
from natojp_tui.core.text.patterns import trie_pattern

_VERB_FORMS = (
    "said|says|say|added|adds|stated|states|told|tells|stressed|stresses|emphasi[sz]ed|"
    "emphasi[sz]es|underlined|underlines|underscored|noted|notes|remarked|explained|explains|"
    "declared|announced|affirmed|reaffirmed|reaffirms|reiterated|confirmed|welcomed|welcomes|"
    "highlighted|highlights|pointed out|insisted|warned|urged|commended|praised|acknowledged|"
    "argued|asserted|claimed|commented|continued|concluded|replied|responded|answered|asked|"
    "wrote|tweeted|posted|recalled|observed|conveyed|mentioned|indicated|agreed|"
    "called for|called on|described|hailed|cautioned|vowed|pledged|promised|suggested|concurred|adding|"
    "proposed|requested|spoke of|maintained|shared|expressed|expresses|called|demanded|"
    "appealed|decided|"
    "state|stress|emphasi[sz]e|note|underline|explain|welcome|reaffirm|express|read|reads|"
    "spoke about|talked about|"
    "agree|affirm|affirmed|underscore|thanked|thanks|congratulated|condemned|condemns|lauded|"
    "committed|sought|asked for|pointed to|touched on|outlined|encouraged|recognized|"
    "recognised|extended|offered|voiced|paid|showed|reported|"
    "saying|stating|noting|explaining|agreeing|urging|announcing|stressing|emphasi[sz]ing|"
    "expressing|welcoming|thanking|calling for|calling on|pledging|vowing|warning|insisting"
)


def _expand(form: str) -> list[str]:
    """``emphasi[sz]ed`` → ``["emphasised", "emphasized"]``."""
    m = re.search(r"\[(\w+)\]", form)
    if not m:
        return [form]
    return [x for ch in m.group(1) for x in _expand(form[: m.start()] + ch + form[m.end() :])]


VERB_FORMS = [w for form in _VERB_FORMS.split("|") for w in _expand(form)]


VERB_RE = re.compile(rf"\b{trie_pattern(VERB_FORMS)}\b")

# one-word forms: a bare token is a speech verb iff it is one of these (VERB_RE.fullmatch)
ONE_WORD_VERBS = frozenset(w for w in VERB_FORMS if " " not in w)

# verbs that report speech only with a that-clause ("It indicates areas ..." is not speech)
THAT_ONLY = frozenset(
    (
        "indicated",
        "decided",
        "appealed",
        "agreed",
        "concurred",
        "recalled",
        "acknowledged",
        "suggested",
        "shared",
        "maintained",
        "continued",
        "asked",
        "observed",
        "wrote",
        "posted",
    )
)


# verbs that take a direct quote but never introduce reported speech on their own
DIRECT_ONLY = frozenset(
    (
        "asked",
        "continued",
        "tweeted",
        "replied",
        "answered",
        "concluded",
        "called",
        "described",
        "hailed",
        "read",
        "reads",
        "spoke about",
        "talked about",
    )
)
# After a bare full name these make it a person (*Anders Rasmussen said*, *..., Jane Doe
# stressed*); before one, *said*, *added*, *stated* and *according to* do.
INTRODUCING_VERBS = (
    "said|says|stated|added|told|noted|stressed|explained|remarked|emphasi[sz]ed|underlined|"
    "welcomed|expressed|reaffirmed|announced|declared"
)
VERBS_BEFORE_NAME = "said|says|added|stated|according to"
# verbs that report speech only with the noun of an attitude after them ("extended his
# appreciation", "voiced hope"); alone they are not speech ("offered a seat")
NOUN_ONLY = frozenset(("extended", "offered", "voiced", "paid", "showed", "expressing"))
# participles: reported speech whose subject is the sentence's ("..., saying that ...")
PARTICIPLES = frozenset(
    (
        "saying",
        "stating",
        "noting",
        "explaining",
        "agreeing",
        "urging",
        "announcing",
        "stressing",
        "emphasising",
        "emphasizing",
        "expressing",
        "welcoming",
        "thanking",
        "calling for",
        "calling on",
        "pledging",
        "vowing",
        "warning",
        "insisting",
        "adding",
    )
)
# verbs of attitude (welcoming, thanking, praising, condemning) rather than of claims
_STANCE_HEADS = (
    "welcom",
    "thank",
    "congratulat",
    "condemn",
    "laud",
    "prais",
    "commend",
    "hail",
)
_STANCE_NOUNS = frozenset(
    [
        "gratitude",
        "appreciation",
        "support",
        "respect",
        "condolences",
        "thanks",
        "congratulations",
        "sympathy",
        "sympathies",
        "opposition",
        "welcome",
        "solidarity",
        "praise",
        "satisfaction",
        "pleasure",
    ]
)


def verb_class(phrase: str | None) -> str | None:
    """``"stance"`` for verbs of attitude (*welcomed*, *thanked*, *expressed gratitude*),
    ``"speech"`` for verbs that report a claim (*said*, *stated*, *expressed hope that*)."""
    if not phrase:
        return None
    if has_japanese(phrase):  # "…を歓迎しました" (stance), "…旨述べました" (speech)
        return "stance" if any(h in phrase for h in REPORT_STANCE_HEADS) else "speech"
    words = phrase.lower().replace("’", "'").split()
    if not words:
        return None
    if words[0] in ("according", "strongly"):
        words = words[1:] or words
    if words[0].startswith(_STANCE_HEADS):
        return "stance"
    if " ".join(words[:3]) == "noted with appreciation":
        return "stance"
    attitude = ("express", "extend", "offer", "convey", "voic", "paid", "pay", "show")
    if words[0].startswith(attitude) and words[-1] in _STANCE_NOUNS:
        return "stance"
    return "speech"
