"""Reported speech: *X said (that) ...*, *X expressed his hope that ...*, *According to X,
...*, *..., X told reporters.*: the reported clause and its cue."""

from __future__ import annotations

import re

from natojp_tui.core.lexicon.datelines import WIRE_DATELINE_RE
from natojp_tui.core.lexicon.speech import DIRECT_ONLY, THAT_ONLY
from natojp_tui.core.quotes.classify import ACCORDING_RE, Intervals, Item, ends_sentence, skip
from natojp_tui.core.quotes.cues import Cue, cue_after, cue_before, verb_phrase_end
from natojp_tui.core.text.document import AnalysedText

_LEADING_PREP_RE = re.compile(r"(?:in|at|on|during|after|before|to|with|in a statement|later)\b")


_TRAILING_PUNCT = " \u00a0,.;:!?”’\"'—–-)"


def reported_speech(t: AnalysedText, p: int, blocked: Intervals, direct: Intervals) -> list[Item]:
    """Reported speech: *X said (that) ...*, *X expressed his hope that ...*,
    *According to X, ...*, *..., X told reporters.*"""
    text = t.text
    items: list[Item] = []

    def free(pos: int) -> bool:
        return not blocked.covers(pos) and not any(i.start <= pos < i.end for i in items[-3:])

    for m in ACCORDING_RE.finditer(text):
        if not free(m.start()):
            continue
        cue = cue_after(text, m.end())
        if cue is None:
            continue
        s_start, s_end = t.sentence_bounds(m.start())
        cue = _extend_appositives(text, cue, s_end)
        after = skip(text, cue.end, " \u00a0")
        if text[after : after + 1] == "," and text[s_start : m.start()].strip() == "":
            start, end = _clause(t, after + 1, s_end)
        else:
            if _has_speaker_verb(t, s_start, m.start()):
                continue  # "The two leaders agreed that ..., according to a readout"
            start, end = _trim(text, s_start, m.start())
        if _valid_clause(text, start, end, direct):
            items.append(Item("indirect", p, start, end, cue, p, "according to"))
    for m in t.verbs_in(0, len(text)):
        verb = m.group()
        if verb in DIRECT_ONLY or not free(m.start()):
            continue
        s_start, s_end = t.sentence_bounds(m.start())
        cue = cue_before(text, m.start(), s_start)
        if cue is None and text[max(s_start, m.start() - 5) : m.start()] == " and ":
            cue = _shared_subject(t, s_start, m.start())
        elif cue is None and verb == "adding":
            cue = _shared_subject(t, s_start, m.start())  # "he said, adding that ..."
        elif cue is None:
            cue = _subject_before_aside(text, s_start, m.start())
        if cue is None or (cue.kind == "pronoun" and cue.text.lower() in ("it", "we", "i")):
            continue
        if verb.startswith("welcome"):
            obj = cue_after(text, m.end())
            possessive = obj is not None and obj.text.endswith(("’s", "'s"))
            if (
                obj is not None
                and not possessive
                and obj.kind in ("name", "role", "pronoun", "group")
            ):
                continue  # "welcomed the Foreign Minister to NATO Headquarters": hosting
        phrase_end = verb_phrase_end(text, m.end(), verb)
        tail = _ATTRIBUTION_TAIL_RE.match(text, phrase_end, s_end)
        if tail and text[s_start : cue.start].rstrip().endswith(","):
            phrase_end = tail.end()  # "..., the ministry said in a statement."
        if ends_sentence(text, phrase_end) and text[s_start : cue.start].rstrip().endswith(","):
            # "Japan will stand with Ukraine, the minister said."
            start, end = _trim(text, s_start, text.rindex(",", s_start, cue.start))
            start = _after_dateline(text, start, end)
            if _has_speaker_verb(t, start, end):
                continue  # "The two leaders agreed that ..., the ministry said."
            verb_text = text[m.start() : phrase_end]
        else:
            start, end = _clause(t, phrase_end, s_end)
            has_that = text[m.start() : start].rstrip().endswith("that")
            if verb in THAT_ONLY and not has_that:
                continue
            verb_text = text[m.start() : phrase_end]
        for part_start, part_end in _that_clauses(text, start, end):
            if _valid_clause(text, part_start, part_end, direct):
                items.append(Item("indirect", p, part_start, part_end, cue, p, verb_text))
    return items


# a time or place phrase after an inverted attribution verb, up to the clause end
_ATTRIBUTION_TAIL_RE = re.compile(
    r"\s+(?:on|in|at|during|after|before|later|earlier|late|today|yesterday|last|this)\b"
    r"[^,.;:!?“”\"]{0,50}?(?=[.,;!?](?:\s|$))"
)


# "stated that A, and that B": the second complementizer starts a second report
_AND_THAT_RE = re.compile(
    r",?\s+and\s+that\b(?!\s+(?:is|was|has|had|will|would|can|could|should|may|might|must|of)\b)"
)


def _that_clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A reported clause split at each *and that* (*stated that A, and that B*)."""
    parts = []
    for m in _AND_THAT_RE.finditer(text, start, end):
        parts.append(_trim(text, start, m.start()))
        start = skip(text, m.end(), " \u00a0,")
    parts.append(_trim(text, start, end))
    return parts


def _has_speaker_verb(t: AnalysedText, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds a report of its own (*X agreed that ...*)."""
    text = t.text
    return any(
        v.group() not in DIRECT_ONLY
        and text.startswith(" that ", verb_phrase_end(text, v.end(), v.group()))
        and cue_before(text, v.start(), start) is not None
        for v in t.verbs_in(start, end)
    )


def _extend_appositives(text: str, cue: Cue, s_end: int) -> Cue:
    """*According to the Assistant Secretary General for Innovation, Hybrid and Cyber,
    Jane Doe, ...*: the cue runs over comma-separated segments made only of cue words."""
    end = cue.end
    while end < s_end and text[end] == ",":
        nxt = text.find(",", end + 1, s_end)
        if nxt < 0:
            break
        segment = text[end + 1 : nxt].split()
        if not segment or not all(_cue_word(w) for w in segment):
            break
        end = nxt
    if end == cue.end:
        return cue
    return Cue(cue.start, end, text[cue.start : end], "name")


def _cue_word(word: str) -> bool:
    return word[:1].isupper() or word in ("and", "of", "for", "the")


def _shared_subject(t: AnalysedText, s_start: int, verb_start: int) -> Cue | None:
    """The subject of an earlier speech verb in the sentence: *X described ... and said*;
    else a person or role opening the sentence: *Abe thanked ... and said*."""
    text = t.text
    for v in t.verbs_in(s_start, verb_start):
        cue = cue_before(text, v.start(), s_start)
        if cue is not None:
            return cue
    cue = cue_after(text, s_start)
    return cue if cue is not None and cue.kind in ("name", "role") else None


_ASIDE_RE = re.compile(
    r",\s+(?:speaking|asked|answering|responding|writing|who|visiting|addressing)\b[^,]{0,120},\s*$"
)


def _subject_before_aside(text: str, s_start: int, verb_start: int) -> Cue | None:
    """*A senior official, speaking on condition of anonymity, said ...*: the subject
    before a comma-enclosed participial or relative aside."""
    m = _ASIDE_RE.search(text, max(s_start, verb_start - 140), verb_start)
    if m is None:
        return None
    return cue_before(text, m.start(), s_start)


def _after_dateline(text: str, start: int, end: int) -> int:
    """Skip a wire dateline (*BRUSSELS (Reuters) —*) opening a reported clause."""
    m = WIRE_DATELINE_RE.match(text, start, end)
    return m.end() if m else start


def _clause(t: AnalysedText, pos: int, s_end: int) -> tuple[int, int]:
    """The reported clause from ``pos`` to the sentence end, cut before a coordinated
    second report (*..., and he expressed hope that ...*)."""
    text = t.text
    pos = skip(text, pos, " \u00a0,")
    if _LEADING_PREP_RE.match(text, pos):
        k = text.find(" that ", pos, min(s_end, pos + 60))
        if k >= 0:
            pos = k + 1
    if text.startswith("that ", pos):
        pos += 5
    for lead in ("for ", "about ", "over ", "regarding ", "on "):
        if text.startswith(lead, pos) and text[max(0, pos - 14) : pos].split()[-1:] in (
            ["hope"],
            ["concern"],
            ["appreciation"],
            ["gratitude"],
            ["support"],
            ["thanks"],
            ["respect"],
            ["view"],
            ["interest"],
            ["regret"],
            ["expectation"],
            ["condolences"],
        ):  # "expressed his appreciation for X": X
            pos += len(lead)
            break
    end = s_end
    for conj in (", as ", ", ahead of ", ", though ", ", although ", ", according to "):
        # narrated background or a source, not the report
        k = text.find(conj, pos, s_end)
        if k >= 0 and not text.endswith("that", 0, k):  # "and that, as ..., ..."
            end = k
    for v in t.verbs_in(pos, end):
        if v.group() not in DIRECT_ONLY and text[max(pos, v.start() - 6) : v.start()] == ", and ":
            return _trim(text, pos, v.start() - 6)  # "..., and expressed his hope that ..."
        if v.group() not in DIRECT_ONLY and text[max(pos, v.start() - 5) : v.start()] == " and ":
            return _trim(text, pos, v.start() - 5)  # "... partners and expressed his ..."
        cue = cue_before(text, v.start(), pos)
        if cue is None:
            continue
        before = text[pos : cue.start].rstrip()
        if before.endswith(",") and ends_sentence(text, _attribution_tail_end(text, v, end)):
            return _trim(text, pos, len(before) + pos - 1)  # "..., the ministry said."
        for conj in (", and", " and", ", but", " but", ";", ", while", " while"):
            if before.endswith(conj):
                end = pos + len(before) - len(conj)
                return _trim(text, pos, end)
    return _trim(text, pos, end)


def _attribution_tail_end(text: str, verb: re.Match[str], limit: int) -> int:
    """Where an attribution verb's phrase ends, over a trailing time or place phrase."""
    end = verb_phrase_end(text, verb.end(), verb.group())
    tail = _ATTRIBUTION_TAIL_RE.match(text, end, limit + 1)
    return tail.end() if tail else end


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \u00a0":
        start += 1
    while end > start and text[end - 1] in _TRAILING_PUNCT:
        if text[end - 1] in "”’\"'" and any(c in text[start : end - 1] for c in "“‘\"'"):
            break  # keep a closing mark that ends a partial quote inside the clause
        end -= 1
    return start, end


def _valid_clause(text: str, start: int, end: int, direct: Intervals) -> bool:
    if end - start < 8 or len(text[start:end].split()) < 3:
        return False
    if text[start] in '“"«「‘':
        return False
    return not direct.starts_within(start, end)  # a clause never holds a direct quote
