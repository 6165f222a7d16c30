"""Whose words: the subject of a speech verb when it is not right before the verb,
over a coordination (*X thanked Y and said*), a participle (*..., saying*) or asides
(*Yoon, from the conservative party, said*)."""

from __future__ import annotations

import re

from natojp_tui.core.people.names import is_name_token
from natojp_tui.core.quotes.cues import Cue, cue_after, cue_before
from natojp_tui.core.text.document import AnalysedText


def participle_subject(t: AnalysedText, s_start: int, verb_start: int) -> Cue | None:
    """The subject of *saying*, *noting*, *stating* (*X thanked Y, saying ...*,
    *X congratulated Y, along with noting that ...*): the sentence's speaker."""
    text = t.text
    before = text[max(s_start, verb_start - 24) : verb_start]
    if not before.rstrip().endswith(
        (",", " and", " while", " also", " along with", " before", " after", " by", " when")
    ):
        return None
    return shared_subject(t, s_start, verb_start)


def shared_subject(t: AnalysedText, s_start: int, verb_start: int) -> Cue | None:
    """The subject of an earlier speech verb in the sentence: *X described ... and said*;
    else a person or role opening the sentence: *Abe thanked ... and said*."""
    text = t.text
    for v in t.verbs_in(s_start, verb_start):
        cue = cue_before(text, v.start(), s_start)
        if cue is not None:
            return cue
    # "The two Ministers exchanged views ..., and agreed that ...": a joint subject too;
    # over a bullet or number ("° The two Ministers", "2. Both") and one or two lead-in
    # phrases ("On Monday, the first day of his trip, Park met ...")
    for start in _subject_starts(text, s_start, verb_start):
        both = _BOTH_RE.match(text, start, verb_start)
        if both is not None:  # "both exchanged views ..., and agreed": the two sides
            return Cue(start, start + len(both.group(1)), both.group(1), "group")
        cue = cue_after(text, start)
        if cue is not None and cue.kind == "name" and not _names_someone(cue.text):
            continue  # "Finally, the Prime Minister hosted …": the adverb is nobody
        if cue is not None and cue.kind in ("name", "role", "group", "pair"):
            return cue
        if cue is not None and cue.kind == "pronoun" and not text[start : cue.start].strip():
            return cue  # "They discussed … and emphasized …": the pronoun is the subject
    return None


def _names_someone(cue: str) -> bool:
    words = cue.split()
    return len(words) > 1 or is_name_token(words[0].rstrip(","))


_BOTH_RE = re.compile(r"(both|Both)[ \u00a0]+[a-z]+ed\b")


_BULLET_RE = re.compile(r"[\s°•▪●·*-]*(?:\(?\d{1,2}[.)]\s*)?")
_LEAD_IN_RE = re.compile(r"[^,;:]{2,70},[ \u00a0]+")


def _subject_starts(text: str, s_start: int, limit: int) -> list[int]:
    start = _BULLET_RE.match(text, s_start, limit).end()  # type: ignore[union-attr]
    starts = [start]
    for _ in range(2):
        lead = _LEAD_IN_RE.match(text, starts[-1], limit)
        if lead is None:
            break
        starts.append(lead.end())
    return starts


_ASIDE_RE = re.compile(
    r",\s+(?:speaking|asked|answering|responding|writing|who|visiting|addressing)\b[^,]{0,120},\s*$"
)
# one or two comma-enclosed asides: "Yoon, from the conservative party, his country's
# main opposition party, said"
_ASIDES_RE = re.compile(
    r"(?:,\s+(?:from|of|in|at|during|after|before|on|who|whose|his|her|their|the|a|an|also|now|"
    r"then|[a-z]+ing)\b[^,]{0,100}){1,2},\s*$"
)


def subject_before_aside(text: str, s_start: int, verb_start: int) -> Cue | None:
    """*A senior official, speaking on condition of anonymity, said ...*: the subject
    before a comma-enclosed participial or relative aside."""
    m = _ASIDE_RE.search(text, max(s_start, verb_start - 140), verb_start)
    if m is None:
        m = _ASIDES_RE.search(text, max(s_start, verb_start - 220), verb_start)
    if m is None:
        return None
    return cue_before(text, m.start(), s_start)
