"""Event triggers: verbs ("met", "signed", "visited") and nouns in realised frames ("held
talks with", "at a joint press conference"), never plans, negations or background."""

from __future__ import annotations

import re
from collections.abc import Callable

from natojp_tui.core.events.context import MAX_WINDOW, Candidate, Trigger
from natojp_tui.core.events.participants import GROUP_RE
from natojp_tui.core.events.sentence import PLAN_CLAUSE, Sentence
from natojp_tui.core.lexicon.months import MONTH_PATTERN, WEEKDAY_NAMES
from natojp_tui.core.text.patterns import Folded, folded_starting_with, starting_with, words

_NOUNS: tuple[tuple[str, str], ...] = (
    ("courtesy_call", r"courtesy\s(?:call|visit)s?"),
    (
        "press_conference",
        r"(?:press|news)\s(?:conference|point|briefing|availability|encounter|"
        r"announcement)s?",
    ),
    ("meal", r"(?:lunch(?:eon)?|dinner|breakfast|banquet|supper)s?"),
    ("signing", r"signing\sceremony|signing|exchange\sof\s(?:documents|notes|letters)"),
    ("address", r"speech(?:es)?|address|lecture|keynote(?:\saddress|\sspeech)?|remarks"),
    (
        "meeting",
        r"(?:summit\s)?meetings?|talks|summit|discussions?|consultations?|dialogue|"
        r"(?:tele)?phone\s(?:talks?|calls?|conversations?)|video\s?(?:conference|call|meeting)s?|"
        r"videoconferences?|tête-à-tête|audience|bilateral|conversations?|sessions?",
    ),
)


_NOUN_ALT = "|".join(f"(?P<n_{kind}>{rx})" for kind, rx in _NOUNS)


_LIGHT = (
    r"held|had|hosted|co-hosted|attended|joined|gave|delivered|conducted|chaired|co-chaired|"
    r"took\spart\sin|participated\sin|made|paid|received|organi[sz]ed|convened|told|addressed|"
    r"continued|resumed|shared|enjoyed|(?:said|says|remarked|stated|added|noted)\sat"
)


_DET = r"(?:(?:a|an|the|his|her|their|its|this|another|separate)\s)?"


_MODS = r"(?:[\w'’+-]+\s){0,5}?"


PATTERN_A = folded_starting_with(
    "a-z", rf"\b(?P<light>{_LIGHT})\s{_DET}(?P<mods>{_MODS})(?:{_NOUN_ALT})\b"
)


PATTERN_B = starting_with(
    "a-z",
    rf"\b(?P<frame>at|in|during|after|following|over)\s{_DET}(?P<mods>{_MODS})(?:{_NOUN_ALT})"
    r"\s(?:(?:in|at)\s(?:the\s)?(?:[A-Z][\w'’.-]*,?\s){1,3})?"  # "… in Brussels with X"
    r"(?=with\b|between\b|to\b)",
    re.I,
)


# "..., in talks at the alliance's headquarters", "... over a working lunch."
PATTERN_B2 = starting_with(
    ",a-z",
    r"(?:,\s|\b(?:also|then)\s)(?:(?P<frame>in|during|over)\s(?:(?:a|an|their)\s)?|"
    r"(?:following|after)\s(?:their|his|her)\s)(?P<mods>(?:[\w-]+\s){0,2}?)"
    r"(?P<noun>talks|meeting|summit|(?:working\s)?(?:lunch(?:eon)?|dinner|breakfast))\b"
    r"(?=\s(?:at|in|on)\b|[.,;])",
    re.I,
)


_FRAME2_BLOCK = (
    r"\b(?:will|would|shall|plans?|planned|expected|scheduled|set\sto|due\sto|upcoming|next|no|"
    r"not|never|ahead\sof|before)\b"
)


_PASSIVE_TAIL = r"(?:was|were)\s(?:also\s)?(?:held|hosted|given|delivered|convened|organi[sz]ed)\b"


PATTERN_PASSIVE = Folded(
    rf"\b{_DET}(?P<mods>{_MODS})(?:{_NOUN_ALT})\s(?:[\w'’-]+\s){{0,6}}?{_PASSIVE_TAIL}"
)


# Quick look: a sentence without "was held"-like words has no passive match.
_PASSIVE_TAIL_RE = re.compile(_PASSIVE_TAIL, re.I)

# a document signed, the signers left to the context or named after "by": "The ITPP for
# the period up to 2026 was signed on 12 July on the sidelines of the summit"
_SIGNED_PASSIVE_RE = re.compile(
    r"\b(?:[Aa]greement|[Pp]rogramme|[Pp]rogram|[Dd]eclaration|[Mm]emorandum|[Tt]reaty|"
    r"[Aa]rrangement|ITPP|IPCP|[Dd]ocuments?)\b[^.;:]{0,90}?\s(?P<tail>(?:was|were)\s(?:also\s)?"
    r"(?:signed|inked|exchanged))\b"
)


_VERBS: tuple[tuple[str, str], ...] = (
    ("courtesy_call", r"(?:paid|made)\s(?:a\s)?courtesy\s(?:call|visit)\s(?:on|to)"),
    ("meeting", r"met(?:\swith)?|exchanged\s(?:words|greetings)\swith|"
                r"spoke\s(?:today\s|yesterday\s|again\s|separately\s)?with|(?<=while\s|after\s|[Aa]fter\s)(?:meeting|speaking|talking)(?:\swith)?|sat\sdown\swith|conferred\swith|held\sa\s(?:telephone|phone|video)\s\w+\swith|"
                r"(?:spoke|spoken|talked)\s(?:by\s(?:tele)?phone|over\sthe\s(?:tele)?phone|on\sthe\s"
                r"(?:tele)?phone|by\svideo\slink)\swith"),
    ("signing", r"signed|co-signed|inked"),
    ("visit", r"visited|toured|inspected|boarded|went\s(?:on\s)?(?:board|aboard)|"
              r"(?:paid|made)\s(?:a|an|his|her|their)\s(?:[\w-]+\s)?visit\sto|"
              r"took\s(?:a|an)\s(?:walking\s|guided\s|brief\s)?tour\sof|"
              r"laid\s(?:a\s)?wreaths?|paid\s(?:his\s|her\s|their\s)?(?:last\s)?(?:respects|tribute)\s(?:to\s[^,.;]{3,80}?\s)?at|"
              r"observed\s(?:a\s|an\s)?(?:[\w-]+\s)?(?:drill|exercise|demonstration)s?"),
    ("address", r"addressed|briefed|spoke\s(?:at|to|before)|"
                r"told(?=\s(?:the\s|a\s|an\s)?(?:[\w'’-]+\s){0,4}?(?:Council|Parliament|Diet|"
                r"Assembly|Congress|Senate|parliament|lawmakers|parliamentarians|legislators|"
                r"audience|students|cadets|forum|symposium|seminar|gathering|governing\sbody)\b)|"
                r"(?:said|warned|stressed|noted|added|stated)\s(?:(?:Mon|Tues|Wednes|Thurs|Fri|"
                r"Satur|Sun)day\s)?(?:in|during|at)\s(?:a|an|his|her|the)\s(?:(?!news\s|press\s)[\w'’-]+\s){0,2}?"
                r"(?:speech|address|lecture|keynote|event|forum|symposium|seminar)"),
    ("person_verb", r"welcomed|received|hosted|greeted"),
    ("pleased", r"(?:pleasure|pleased|glad|delighted|honou?red)\sto\s(?:meet|see)(?:\swith)?"),
    ("received_by", r"(?:was|were)\s(?:warmly\s|also\s)?(?:received|welcomed|hosted|greeted)\sby"),
    ("topic", r"discussed|exchanged\s(?:views|opinions)|held\s(?:an\s)?exchange\sof\sviews"),
)  # fmt: skip


VERB_RE = folded_starting_with(
    "a-z", r"\b(?:" + "|".join(f"(?P<v_{kind}>{rx})" for kind, rx in _VERBS) + r")\b"
)


_BLOCKING_LEFT = Folded(
    r"(?:\b(?:will|would|shall|may|might|could|should|must|to|not|never|has|have|cannot|likely|"
    r"can|did\snot|didn['’]t|hasn['’]t|haven['’]t|won['’]t|wouldn['’]t)|n['’]t)"
    r"\s(?:(?:also|then|now|already|later|soon|be|been|jointly|both|each|again|first|once|"
    r"not|never|ever|formally|officially|personally)\s){0,2}$"
)


_NEGATIVE_MODS = re.compile(
    r"\b(?:no|not|never|any|next|future|upcoming|planned|possible|first-ever\sever)\b", re.I
)


_AUDIENCE_RE = re.compile(
    r"\s(?:the\s|a\s|an\s)?(?:[A-Z]|(?:[\w'’-]+\s){0,2}?(?:students|audience|conference|forum|"
    r"committee|Committee|Council|Parliament|Diet|"
    r"parliament|assembly|council|symposium|seminar|members|troops|personnel|staff|crew|"
    r"cadets|lawmakers|gathering|event|session|diet))",
)


_NOT_AUDIENCE = re.compile(
    r"\s(?:the\s)?(?:reporters|journalists|press|media|NHK|Reuters|AFP|Kyodo|AP|him|her|them|"
    r"each\sother|the\sissue|issues|concerns?|questions?|challenges?)\b",
    re.I,
)


_POSSESSIVE_NEXT = re.compile(r"\s(?:[A-Z][\w.-]*\s){0,2}[A-Z][\w.-]*['’]s\b")
_BAD_MODS = re.compile(rf"\b(?:a|an|the|his|her|their|to|{_LIGHT})\b", re.I)


def _good_mods(m: re.Match[str]) -> bool:
    mods = m.group("mods") or ""
    return not _NEGATIVE_MODS.search(mods) and not _BAD_MODS.search(mods)


def _search_all(
    pattern: re.Pattern[str] | Folded,
    text: str,
    s0: int,
    s1: int,
    accept: Callable[[re.Match[str]], bool],
) -> list[re.Match[str]]:
    """Matches of ``pattern`` in ``text[s0:s1]``; a rejected match is retried one character
    later, so "had earlier joined a session" still finds "joined a session"."""
    out = []
    pos = s0
    while pos < s1:
        m = pattern.search(text, pos, s1)
        if m is None:
            break
        if accept(m):
            out.append(m)
            pos = max(m.end(), pos + 1)
        else:
            pos = m.start() + 1
    return out


# address verbs whose audience must follow ("addressed the Diet"); "told the Council" and
# "said in his speech" carry theirs in the pattern
_ADDRESS_VERB_RE = re.compile(r"addressed|briefed|spoke", re.I)


def find_triggers(s: Sentence, cands: list[Candidate]) -> list[Trigger]:
    """Event triggers of the sentence (the noun patterns only run where a quick look
    found an event noun)."""
    masked, s0, s1 = s.masked, s.start, s.end
    found: list[Trigger] = []
    nouns = s.look.nouns
    if nouns:
        _find_noun_triggers(masked, s0, s1, found)
    for m in VERB_RE.finditer(masked, s0, s1):
        kind = (m.lastgroup or "v_")[2:]  # its one group, v_<kind>, is the last to match
        if kind == "person_verb" and not _person_follows(masked, m.end(), cands):
            continue
        if (
            kind == "address"
            and _ADDRESS_VERB_RE.match(m.group(0)) is not None
            and (
                _NOT_AUDIENCE.match(masked, m.end())
                or not _AUDIENCE_RE.match(masked, m.end())
                or _POSSESSIVE_NEXT.match(masked, m.end())  # "addressed North Korea's programme"
            )
        ):
            continue
        if kind in ("person_verb", "received_by"):
            kind = "meeting"
        if kind == "pleased":  # "expressed his pleasure to meet X": meeting X now
            found.append(Trigger("meeting", m.start(), m.end(), m.group(0), "pleased"))
            continue
        found.append(Trigger(kind, m.start(), m.end(), m.group(0), "verb"))
    found.sort(key=lambda t: (t.start, -(t.end - t.start)))
    out: list[Trigger] = []
    for t in found:
        if out and t.start < out[-1].end:
            continue  # overlapping: the earlier (longer) reading wins
        out.append(t)
    return out


def _find_noun_triggers(masked: str, s0: int, s1: int, found: list[Trigger]) -> None:
    """Triggers built around an event noun ("held talks", "at a meeting with", ...)."""
    for m in _search_all(PATTERN_A, masked, s0, s1, _good_mods):
        kind = _noun_kind(m)
        light = m.group("light").lower()
        if light == "told" and kind != "press_conference":
            continue
        if light in ("shared", "enjoyed") and kind != "meal":
            continue  # "shared a working lunch"; "shared the view" is no event
        if light.endswith(" at") and kind != "press_conference":
            continue  # "said at a news conference": theirs; "said at the meeting" tells no one
        if light == "addressed" and kind not in ("press_conference", "meeting"):
            continue
        if light == "received" and kind != "courtesy_call":
            continue
        found.append(Trigger(kind, m.start(), m.end(), m.group(0), "light"))
    for m in _search_all(PATTERN_B, masked, s0, s1, _good_mods):
        found.append(Trigger(_noun_kind(m), m.start(), m.end(), m.group(0), "frame"))
    for m in _search_all(PATTERN_B2, masked, s0, s1, _good_mods):
        noun = m.group("noun").lower()
        kind = "meeting" if noun in ("talks", "meeting", "summit") else "meal"
        begin = m.start() + (2 if m.group(0).startswith(", ") else 0)
        found.append(Trigger(kind, begin, m.end(), m.group(0), "frame2"))
    if _PASSIVE_TAIL_RE.search(masked, s0, s1) is not None:
        for m in _search_all(PATTERN_PASSIVE, masked, s0, s1, _good_mods):
            found.append(Trigger(_noun_kind(m), m.start(), m.end(), m.group(0), "passive"))
    if masked.find(" signed", s0, s1) >= 0 or masked.find(" inked", s0, s1) >= 0:
        for m in _SIGNED_PASSIVE_RE.finditer(masked, s0, s1):
            found.append(Trigger("signing", m.start(), m.end(), m.group(0), "passive"))


def _noun_kind(m: re.Match[str]) -> str:
    for kind, _ in _NOUNS:
        if m.group(f"n_{kind}") is not None:
            return kind
    return "meeting"


def _person_follows(masked: str, pos: int, cands: list[Candidate]) -> bool:
    """Is the direct object right after ``pos`` a person ("welcomed Prime Minister Kishida")?"""
    for c in cands:
        if c.start >= pos and c.kind == "person":
            gap = masked[pos : c.start]
            return (
                len(gap) <= 70
                and re.fullmatch(r"(?:\s|the\s|[A-Z][\w'’.-]*,?\s|of\s)*", gap) is not None
            )
    return False


_PERFECT_RE = re.compile(r"(?:has|have)\s(?:also\s|now\s|jointly\s)?$", re.I)
_REPEATED_RE = re.compile(
    r"\b(?:times|before|since|repeatedly|often|already|ever|never|previously|in\sthe\spast|"
    r"over\sthe|for\s(?:years|decades)|regularly|frequently)\b",
    re.I,
)


def _news_perfect(masked: str, trig: Trigger, block: str) -> bool:
    """ "X has met with Y in Tokyo to discuss ...": a news lead's present perfect tells
    this occasion; "has met Y several times / before" tells history."""
    if _PERFECT_RE.search(block) is None or trig.kind not in ("meeting", "signing", "visit"):
        return False
    after = masked[trig.end : trig.end + 160].split(". ", 1)[0]
    return _REPEATED_RE.search(after) is None


def realised(masked: str, s0: int, trig: Trigger) -> bool:
    """Does the trigger report something that happened (not a plan, hope or negation)?"""
    left = masked[max(s0, trig.start - 60) : trig.start]
    block = _BLOCKING_LEFT.search(left) if trig.style in ("verb", "light", "pleased") else None
    if block is not None and not _news_perfect(masked, trig, block.group(0)):
        return False
    if re.search(r"\bfirst\stime\b", left, re.I):
        return False  # "the first time a Japanese minister addressed the Council": history
    if trig.style in ("frame", "passive"):
        clause = masked[max(s0, trig.start - 120) : trig.end]
        if PLAN_CLAUSE.search(clause) or re.search(r"\b(?:no|not|never)\b", clause):
            return False
    if trig.style == "frame2":
        clause = masked[max(s0, trig.start - 160) : trig.end]
        if re.search(_FRAME2_BLOCK, clause, re.I):
            return False
    return not (trig.style == "passive" and _BLOCKING_LEFT.search(masked[s0 : trig.end][-80:]))


_ADVERBS = words(
    """also jointly then later formally officially subsequently both together and who had
    first today yesterday finally personally separately briefly each respectively afterwards
    earlier thereafter recently once again further while last previously"""
)


_AUXILIARY_END = re.compile(r"\s(?:has|have|had)(?:\s(?:also|now|jointly))?$")


# a day told between the actor and the verb: "on Jan. 30", "on Monday (Jan. 30)", "today"
_DAY_BETWEEN_RE = re.compile(
    rf",?\s(?:on\s)?(?:(?:{'|'.join(WEEKDAY_NAMES)})(?:\s\([^)]{{1,20}}\))?|"
    rf"{MONTH_PATTERN}\.?\s\d{{1,2}}(?:,\s\d{{4}})?|\d{{1,2}}\s{MONTH_PATTERN}|"
    r"today|yesterday|this\s(?:morning|afternoon|evening)),?$",
    re.I,
)


def actor_left(masked: str, s0: int, trig: Trigger, cands: list[Candidate]) -> bool:
    """Is the word before a verb trigger its actor (a person, pronoun, name or adverb)?
    "This is the first declaration signed between ..." has none."""
    left = masked[max(s0, trig.start - 40) : trig.start].rstrip()
    left = _AUXILIARY_END.sub("", left)  # "X has met ...": the actor is before "has"
    left = _DAY_BETWEEN_RE.sub("", left)  # "X on Jan. 30 hosted ...": the actor is before the day
    if not left:
        return False
    edge = max(s0, trig.start - 40) + len(left)
    if any(c.end == edge for c in cands):
        return True
    word = left.rsplit(None, 1)[-1]
    if GROUP_RE.fullmatch(word) is not None:
        return True  # "Senior NATO and Japanese officials met ..."
    return word[:1].isupper() or word.endswith(",") or word.lower() in _ADVERBS


def is_background(s: Sentence, trig: Trigger) -> bool:
    """Background history ("In 2014, ...", "met Rutte in April", "has in the past") in the
    trigger's clause: before it, or after it up to the next comma."""
    s1 = s.end
    comma = s.masked.find(",", trig.end, min(s1, trig.end + MAX_WINDOW))
    clause_end = min(s1, trig.end + MAX_WINDOW) if comma < 0 else comma
    since = _SINCE_RE.search(s.masked, trig.end, clause_end)
    if since is not None:  # "their first meeting since she took office in 2029": this one
        clause_end = since.start()
    if _EARLIER_RE.search(s.masked, s.start, trig.start) is not None:
        return True  # "The call came weeks after the two held their first summit"
    return any(a < clause_end and not trig.start <= a < trig.end for a in s.background)


# what comes after these words happened well before the sentence's own news
_EARLIER_RE = re.compile(r"\b(?:days|weeks|months|years)\s(?:after|since)\b", re.I)


_SINCE_RE = re.compile(r"\bsince\b(?!\s(?:19|20)\d\d\b)")
