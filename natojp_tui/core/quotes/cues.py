"""Speaker cues: how the text names a speaker at a quote, read forwards (``cue_after``) or
backwards (``cue_before``) from a position in a bounded window: a name, a role, a
pronoun, a group or a document."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import chain, islice

from natojp_tui.core.lexicon.abbreviations import ABBREVIATIONS, CLOCK_ABBREVIATIONS
from natojp_tui.core.lexicon.roles import HONORIFICS, INSTITUTION_WORDS, ROLE_WORDS
from natojp_tui.core.lexicon.speech import NOUN_ONLY, ONE_WORD_VERBS, VERB_RE
from natojp_tui.core.text.document import WINDOW
from natojp_tui.core.text.memo import cache_short
from natojp_tui.core.text.patterns import words as wordset
from natojp_tui.core.text.sentences import abbreviation_before

# a word with a full stop that does not end a cue ("Mr.", "U.S.", "a.m.")
_ABBREVIATIONS = ABBREVIATIONS | CLOCK_ABBREVIATIONS

_EXPRESSED_RE = re.compile(
    r"(?:his|her|their|its|the|a|strong|deep|sincere|great|heartfelt|)\s*(?:strong\s+|deep\s+|"
    r"sincere\s+|great\s+|full\s+|firm\s+|heartfelt\s+|warm\s+|serious\s+|grave\s+)?"
    r"(?:hope|hopes|concern|concerns|gratitude|appreciation|support|condolences|intention|view|"
    r"determination|expectation|expectations|regret|wish|desire|solidarity|commitment|interest|"
    r"welcome|respect|thanks|opposition|ambitions?|congratulations?|sympathy|sympathies|"
    r"willingness|readiness|resolve|satisfaction|pleasure|praise)\b"
)


ADVERBS = wordset(
    "also further then again strongly once firmly warmly repeatedly later briefly clearly "
    "openly publicly already in turn separately explicitly particularly specifically "
    "jointly together mutually reportedly"
)
# a day or a time between a subject and its verb ("Japan and NATO on Monday agreed")
_WHEN_BEFORE_RE = re.compile(
    r"(?:[ \u00a0]+(?:on|late|early|last|this)?[ \u00a0]*(?:Monday|Tuesday|Wednesday|Thursday|"
    r"Friday|Saturday|Sunday|today|yesterday|(?:on[ \u00a0]+)?[A-Z][a-z]{2,8}\.?[ \u00a0]\d{1,2}))"
    r"(?:[ \u00a0]+(?:morning|afternoon|evening|night))?[ \u00a0]*$"
)


PRONOUNS = {"he": "m", "she": "f", "they": "p", "it": "n", "we": "p", "i": None}


DOCUMENT_WORDS = wordset(
    "declaration statement communiqué communique document report agreement strategy concept "
    "letter resolution plan treaty memorandum readout programme"
)


GROUP_WORDS = frozenset(
    [
        "leaders",
        "ministers",
        "sides",
        "officials",
        "both",
        "two",
        "delegations",
        "parties",
        "pair",
        "countries",
        "nations",
        "chiefs",
        "counterparts",
    ]
)


ORG_CUES = frozenset(
    (
        "japan",
        "nato",
        "the japanese side",
        "the nato side",
        "the ministry",
        "the government",
        "the alliance",
        "allies",
        "the allies",
        "officials",
        "a spokesperson",
        "the spokesperson",
        "a nato official",
        "a japanese official",
        "the japanese government",
    )
)


_TOKEN_RE = re.compile(r"\S+")


_VIEW_THAT_RE = re.compile(
    r"\s+(?:the|their|his|her|its|a)\s+(?:common\s+|shared\s+|same\s+)?(?:view|recognition|"
    r"understanding|awareness|concern|belief|position|opinion|importance)"
    r"(?:\s+that\b|(?=\s+(?:to|on|in order to)\s))"
)


NOT_CUE_CAPITALS = frozenset(
    (
        "but",
        "and",
        "in",
        "on",
        "at",
        "during",
        "after",
        "while",
        "however",
        "meanwhile",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "from",
        "by",
        "to",
        "with",
        "for",
        "asked",
        "calling",
        "speaking",
        "addressing",
        "when",
        "as",
        "also",
        "today",
        "yesterday",
        "earlier",
        "later",
        "then",
        "there",
        "here",
        "this",
        "congratulations",
        "thank",
        "thanks",
        "welcome",
        "good",
        "ladies",
        "dear",
        "you",
    )
)


@dataclass(slots=True)
class Cue:
    """A speaker cue found in the text: its span, its text and its type."""

    start: int
    end: int
    text: str
    kind: str  # "name" | "role" | "pronoun" | "group" | "document" | "org"


def bare_token(token: str) -> str:
    return token.strip(",.;:!?()[]“”\"‘’'—–")


def _cue_token(token: str, first: bool) -> bool:
    """Can ``token`` be part of a speaker cue (a name, honorific or role word)?"""
    return (_is_first_cue_token if first else _is_cue_token)(token)


@cache_short()
def _is_first_cue_token(token: str) -> bool:
    return _cue_token_uncached(token, True)


@cache_short()
def _is_cue_token(token: str) -> bool:
    return _cue_token_uncached(token, False)


def _cue_token_uncached(token: str, first: bool) -> bool:
    bare = bare_token(token)
    if not bare:
        return False
    low = bare.lower()
    if low in HONORIFICS or token.lower() in HONORIFICS:
        return True
    if bare[0].isupper():
        return low not in NOT_CUE_CAPITALS
    return low in ROLE_WORDS or (
        not first and low in ("de", "van", "von", "der", "bin", "then", "former", "now")
    )


@cache_short()
def classify_cue(text: str) -> str:
    """The type of a cue: name, role, pronoun, group, document or org."""
    low = text.lower().replace("’", "'")
    words = low.split()
    if low in PRONOUNS:
        return "pronoun"
    if {"two", "both"} & set(words) and words[-1] in GROUP_WORDS:
        return "group"  # "the two sides", "both sides"
    if low in ORG_CUES or low.endswith((" side", " sides", " government", " ministry")):
        return "org"
    if words and words[-1] in INSTITUTION_WORDS:
        return "org"
    if words and (words[-1] in GROUP_WORDS or {"two", "both"} & set(words)):
        return "group"
    if words and bare_token(words[-1]) in DOCUMENT_WORDS:
        return "document"
    if any(w[:1].isupper() for w in text.split()[1:] + text.split()[:1]) and not any(
        w in ROLE_WORDS for w in words if w not in ("the", "of", "for")
    ):
        return "name"
    return "role"


def cue_after(text: str, pos: int) -> Cue | None:
    """A cue starting at ``pos`` (after optional spaces): *he*, *the Secretary General*,
    *Mr. Fogh Rasmussen*, *NATO Secretary General Jens Stoltenberg*."""
    start = pos
    while start < len(text) and text[start] in " \u00a0":
        start += 1
    toks = _limited_tokens(text, start, 14)  # read lazily: a cue is a few words
    head = next(toks, None)
    if head is None:
        return None
    first = bare_token(head.group()).lower()
    if first in PRONOUNS and head.group().rstrip(",.;:").lower() == first:
        stop = head.start() + len(bare_token(head.group()))
        return Cue(head.start(), stop, text[head.start() : stop], "pronoun")
    end: int | None = None
    for n, tok in enumerate(chain((head,), toks)):
        word = tok.group()
        if not _cue_token(word, n == 0):
            break
        if n > 0 and bare_token(word) in ONE_WORD_VERBS:
            break
        end = (
            tok.start() + len(word.rstrip(",.;:!?)”’\"'"))
            if word[-1] in ",.;:!?)”’\"'"
            else tok.end()
        )
        abbreviated = word.endswith(".") and (
            bare_token(word).lower() in _ABBREVIATIONS or (n > 0 and _INITIAL_RE.fullmatch(word))
        )  # "Mr.", and a middle initial: "Lloyd J. Austin III"
        if abbreviated:
            end = tok.end()
        if word[-1] in ",;:!?)" or (word.endswith(".") and not abbreviated):
            break
    if end is None:
        return None
    return _trim_cue(text, head.start(), end)


_INITIAL_RE = re.compile(r"[A-Z]\.")


def _trim_cue(text: str, start: int, end: int) -> Cue | None:
    words = text[start:end].split()
    while words and words[-1].lower() in ("the", "of", "for", "and"):
        end -= len(words.pop()) + 1
    low = [w.lower() for w in words]
    opening = bool(words) and words[0][:1].isupper()  # "The two reaffirmed …", not in a clause
    if not (opening and low in (["the", "two"], ["both"])) and all(
        w in ("the", "of", "for", "two", "both") for w in low
    ):
        return None  # "The two" and "Both" opening a sentence are the pair just named
    cue_text = text[start:end].strip()
    return Cue(start, start + len(cue_text), cue_text, classify_cue(cue_text))


def _limited_tokens(text: str, start: int, limit: int) -> Iterator[re.Match[str]]:
    return islice(_TOKEN_RE.finditer(text, start, min(len(text), start + WINDOW)), limit)


def cue_before(text: str, pos: int, floor: int = 0) -> Cue | None:
    """The cue ending right before ``pos`` (adverbs like *also* and a day like *on
    Monday* skipped): the subject of a speech verb at ``pos``. The cue must begin its
    clause (sentence start, a comma, *and*, a colon or a dash before it). Two cues joined
    by *and* (*Prime Minister Abe and Secretary General Stoltenberg*, *Japan and NATO*)
    make one cue of kind ``pair``."""
    cue = _single_cue_before(text, pos, floor)
    if cue is None:
        when = _WHEN_BEFORE_RE.search(text, max(floor, pos - 40), pos)
        if when is not None and when.start() > floor:
            cue = _single_cue_before(text, when.start(), floor)
    if cue is None or cue.kind == "pronoun":
        return cue
    if text[max(floor, cue.start - 5) : cue.start] == " and ":
        first = _single_cue_before(text, cue.start - 5, floor)
        if first is not None and first.kind not in ("pronoun", "group", "document"):
            listed = text[max(floor, first.start - 2) : first.start] == ", " and (
                _single_cue_before(text, first.start - 2, floor) is not None
            )
            if not listed:  # "A, B and C" is not a pair
                return Cue(first.start, cue.end, text[first.start : cue.end], "pair")
    return cue


def _single_cue_before(text: str, pos: int, floor: int = 0) -> Cue | None:
    lo = max(floor, pos - WINDOW)
    near = text[max(lo, pos - 30) : pos].split()
    if not near:
        return None
    last_word = near[-1]
    if last_word in ("has", "have", "had") and len(near) > 1:
        last_word = near[-2]
    if (
        last_word[:1].islower()
        and last_word[-1] != ","
        and bare_token(last_word).lower() not in ROLE_WORDS
        and last_word.lower() not in ADVERBS
        and last_word.lower() not in PRONOUNS
    ):
        return None  # fast path: "the plan works and said" has no subject cue
    toks = list(_TOKEN_RE.finditer(text, lo, pos))
    while (
        toks and bare_token(toks[-1].group()).lower() in ADVERBS and toks[-1].group()[-1].isalpha()
    ):
        toks.pop()
    if toks and toks[-1].group() in ("has", "have", "had"):
        toks.pop()  # "officials have cautioned that ..."
    if toks and toks[-1].group().lower() == "once":
        toks.pop()
    if not toks:
        return None
    last = toks[-1].group()
    if last[-1] == "," and len(toks) > 1:
        return _appositive_cue(text, toks, lo)
    if last[-1] in ",;:":
        return None
    if bare_token(last).lower() in PRONOUNS and bare_token(last) == last:
        start = toks[-1].start()
        opens = _clause_start(text, start, lo) or _SUBORDINATOR_RE.search(
            text, max(0, start - 9), start
        )
        return Cue(start, toks[-1].end(), last, "pronoun") if opens else None
    k = len(toks)
    while k > 0:
        word = toks[k - 1].group()
        if not _cue_token(word, False) or word[-1] in ",;:”’\"'»":
            break  # (a closing quotation mark ends the words before the cue)
        if (
            word.endswith(".")
            and bare_token(word).lower() not in _ABBREVIATIONS
            and not (_INITIAL_RE.fullmatch(word) and k > 1 and toks[k - 2].group()[:1].isupper())
            and k < len(toks)
        ):
            break  # (a middle initial goes on: "Lloyd J. Austin III")
        k -= 1
    if k == len(toks):
        return None
    # drop leading connectors and a sentence-initial function word
    while k < len(toks) and toks[k].group().lower() in ("of", "for", "and"):
        k += 1
    if k >= len(toks):
        return None
    if k > 0 and toks[k - 1].group() in ("a", "an") and toks[k].group().islower():
        k -= 1  # "..., a spokesperson said": the article opens the cue
    start = toks[k].start()
    if not _clause_start(text, start, lo):
        return None
    end = toks[-1].end()
    return _trim_cue(text, start, end)


def _appositive_cue(text: str, toks: list[re.Match[str]], lo: int) -> Cue | None:
    """``Keidanren's chairman, Masakazu Tokura,`` / ``Mr. KONO Taro, then Minister of
    Defense,``: a cue and its appositive, both made of cue words, before a verb."""
    k = len(toks)
    commas = 0
    while k > 0:
        word = toks[k - 1].group()
        if word.endswith(","):
            commas += 1
            if commas > 2:
                break
        if not _cue_token(word, False) and not (
            commas and word.lower().rstrip(",") in ("then", "former", "now", "a", "an")
        ):
            break
        k -= 1
    if k == len(toks) or commas != 2:
        return None
    while k < len(toks) and toks[k].group().lower() in ("of", "for", "and"):
        k += 1
    if k >= len(toks) or not _clause_start(text, toks[k].start(), lo):
        return None
    return _trim_cue(text, toks[k].start(), toks[-1].end() - 1)


# a pronoun subject after a subordinator opens its clause: "That is why I called ..."
_SUBORDINATOR_RE = re.compile(r"\b(?:why|that|because|when|if|since|how|so)[ \u00a0]+$")
_ENUMERATOR_RE = re.compile(r"\s*(?:\(?\d{1,2}[.)]?|\(?[a-z][.)]|[•▪●·*-])\s*$")


def _clause_start(text: str, start: int, lo: int) -> bool:
    before = text[max(0, start - 12) : start].rstrip()
    if not before or (start <= lo and lo == 0):
        return True
    if start <= 8 and _ENUMERATOR_RE.fullmatch(text, 0, start):
        return True  # a numbered or bulleted paragraph: "(2) Prime Minister Key stated"
    if before.endswith((",", ";", ":", "—", "–", "(", "”", '"', "--", " -")):
        return True
    if before[-1:] in "'’" and before[-2:-1] in ",.?!":
        return True  # after a quote closed with a single mark: "…,' Rutte warned"
    if before[-1] in ".!?" and not abbreviation_before(text, len(before) + max(0, start - 12) - 1):
        return True
    # a relative clause opens a clause too: "…, which the Secretary General called “…”"
    return before.endswith(
        (" and", " but", " while", " where", " as", " which", " what")
    ) or before in ("and", "but", "while", "which", "what")


def is_speech_verb(word: str) -> bool:
    return bool(VERB_RE.fullmatch(word))


_TOLD_WHOM_RE = re.compile(
    r"\s+(?:reporters|journalists|the press|the media|media|a news conference|"
    r"a press conference|the audience|[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}|"
    r"(?:the|his|her|their)\s(?:[a-z-]+\s){0,2}(?:president|president-elect|minister|leader|"
    r"leaders|premier|counterpart|secretary[- ]general|audience|crowd|meeting|conference|"
    r"parliament|lawmakers|"
    r"reporters|journalists|press|broadcaster)|him|her|them|us|me)"
)


def verb_phrase_end(text: str, verb_end: int, verb: str) -> int:
    """Extend *expressed* over *his hope*, and *told* over *reporters*, returning the end."""
    if verb.startswith("express") or verb in NOUN_ONLY or verb == "conveyed":
        m = _EXPRESSED_RE.match(text, verb_end + 1) if verb_end < len(text) else None
        if m:
            return m.end()
    m = _VIEW_THAT_RE.match(text, verb_end)
    if m:
        return m.end()
    if verb == "shared":  # "shared their serious concerns over …"
        m = _EXPRESSED_RE.match(text, verb_end + 1) if verb_end < len(text) else None
        if m:
            return m.end()
    if verb in ("told", "tells"):
        k = text.find(" that ", verb_end, verb_end + 60)
        if k >= 0 and not any(c in text[verb_end:k] for c in ',;:.“"'):
            return k + 5
        m = _TOLD_WHOM_RE.match(text, verb_end)
        if m:
            return m.end()
    return verb_end
