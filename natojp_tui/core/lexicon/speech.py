"""Speech and reporting verbs: every form a quote's cue may use, and the smaller sets
that introduce people, need a that-clause, or only take a direct quote."""

from __future__ import annotations

import re

from natojp_tui.core.text.patterns import trie_pattern

_VERB_FORMS = (
    "said|says|say|added|adds|stated|states|told|tells|stressed|stresses|emphasi[sz]ed|"
    "emphasi[sz]es|underlined|underlines|underscored|noted|notes|remarked|explained|explains|"
    "declared|announced|affirmed|reaffirmed|reaffirms|reiterated|confirmed|welcomed|welcomes|"
    "highlighted|highlights|pointed out|insisted|warned|urged|commended|praised|acknowledged|"
    "argued|asserted|claimed|commented|continued|concluded|replied|responded|answered|asked|"
    "wrote|tweeted|posted|recalled|observed|conveyed|mentioned|indicated|agreed|"
    "called for|called on|described|hailed|cautioned|vowed|pledged|promised|suggested|concurred|adding|"
    "proposed|requested|spoke of|maintained|shared|expressed|expresses|called|"
    "state|stress|emphasi[sz]e|note|underline|explain|welcome|reaffirm|express"
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
    )
)
# After a bare full name these make it a person (*Anders Rasmussen said*, *..., Jane Doe
# stressed*); before one, *said*, *added*, *stated* and *according to* do.
INTRODUCING_VERBS = (
    "said|says|stated|added|told|noted|stressed|explained|remarked|emphasi[sz]ed|underlined|"
    "welcomed|expressed|reaffirmed|announced|declared"
)
VERBS_BEFORE_NAME = "said|says|added|stated|according to"
