"""``extract_quotes``: direct, partial and indirect quotes with their speakers.

Representation: every ``Quote`` lies inside one paragraph and
``paragraphs[q.paragraph][q.start:q.end] == q.text`` always holds. Direct and partial
quotes hold the text inside the marks; a quote running over several paragraphs is one
``Quote`` per paragraph piece, and the pieces share ``utterance`` (as do the two halves
of a quote split by its attribution). Indirect quotes hold the reported clause.

Only the first ``MAX_PARAGRAPH_CHARS`` characters of a paragraph are read (a guard
against pathological input; real paragraphs are a few thousand characters at most).

Attribution, in order: a cue and speech verb right after the closing mark (*,” he
said*, *,” said Mr. X*, *” — Secretary General Doe*); right before the opening mark
(*Minister Sato said: “*, *According to X, “*, a paragraph *From the Chair:*); for a
phrase inside a sentence, the sentence's subject and speech verb (partial quotes); a
second quote in the paragraph or a paragraph that is only a quote inherits the previous
speaker. Quoted names with no speaker (*the drill “Iron Shield”*) are terms, not quotes.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from itertools import accumulate

from natojp_tui.core.attribution import (
    ADVERBS,
    DIRECT_ONLY,
    THAT_ONLY,
    VERB_RE,
    WINDOW,
    Cue,
    Resolver,
    Speaker,
    cue_after,
    cue_before,
    sentence_bounds,
    verb_phrase_end,
    verbs_in,
)
from natojp_tui.core.model import Quote
from natojp_tui.core.people import MAX_PARAGRAPH_CHARS, PeopleRegistry
from natojp_tui.core.quote_marks import QuoteSpan, find_quote_spans

NAMING_WORDS = frozenset(
    [
        "called",
        "named",
        "dubbed",
        "titled",
        "entitled",
        "so-called",
        "known",
        "code-named",
        "codenamed",
        "theme",
        "slogan",
        "motto",
        "banner",
        "name",
        "term",
        "word",
        "phrase",
        "exercise",
        "operation",
        "drill",
        "initiative",
        "programme",
        "program",
        "project",
        "document",
        "report",
        "book",
        "campaign",
        "concept",
    ]
)
# (the look-ahead only skips places where neither phrase can start)
_ACCORDING_RE = re.compile(r"(?=[AaIi])\b(?:[Aa]ccording to|[Ii]n the words of)\s")
_LOWER_WORD_RE = re.compile(r"[a-z]+")
_LEADING_PREP_RE = re.compile(r"(?:in|at|on|during|after|before|to|with|in a statement|later)\b")
_TRAILING_PUNCT = " \u00a0,.;:!?”’\"'—–-)"
KIND_FACTOR = {"direct": 1.0, "partial": 0.9, "indirect": 0.85}
CONFIDENCE = {
    "name": 0.95,
    "role": 0.9,
    "document": 0.85,
    "group": 0.85,
    "pronoun": 0.85,
    "org": 0.6,
}


class _Intervals:
    """Half-open ranges answering "is ``pos`` inside one?" and "does one start inside
    ``[a, b)``?" in logarithmic time (ranges may overlap)."""

    def __init__(self, ranges: list[tuple[int, int]]) -> None:
        self.ranges = sorted(ranges)
        self.starts = [a for a, _ in self.ranges]
        self.max_end: list[int] = list(accumulate((b for _, b in self.ranges), max))

    def covers(self, pos: int) -> bool:
        i = bisect_right(self.starts, pos) - 1
        return i >= 0 and self.max_end[i] > pos

    def starts_within(self, a: int, b: int) -> bool:
        return bisect_left(self.starts, a) < bisect_left(self.starts, b)


_NO_INTERVALS = _Intervals([])


def _intervals(ranges: list[tuple[int, int]]) -> _Intervals:
    return _Intervals(ranges) if ranges else _NO_INTERVALS


@dataclass(slots=True)
class _Item:
    """A quote waiting for its speaker."""

    kind: str
    paragraph: int
    start: int
    end: int
    cue: Cue | None = None
    cue_paragraph: int | None = None
    verb: str | None = None
    group: int | None = None  # multi-paragraph quote pieces
    follows: _Item | None = None  # split quote: inherits from and shares utterance with
    inherits: bool = False  # quote-only paragraph: inherits the last speaker
    confidence: float = 1.0
    speaker: Speaker | None = None
    utterance: int | None = None


def _skip(text: str, pos: int, chars: str) -> int:
    while pos < len(text) and text[pos] in chars:
        pos += 1
    return pos


def _post_attribution(text: str, span: QuoteSpan) -> tuple[Cue, str | None, int] | None:
    """``,” he said`` / ``,” said the Secretary General`` / ``” — Secretary General Doe``."""
    if span.close is None:
        return None
    pos = _skip(text, span.close + 1, " \u00a0,")
    sentence_closed = (
        text[span.end - 1 : span.end] in (".",) and text[span.close + 1 : span.close + 2] != ","
    )
    if pos < len(text) and (text[pos] in "—–" or text[pos : pos + 2] in ("--", "- ")):
        cue = cue_after(text, _skip(text, pos, "—–- \u00a0"))
        if cue and cue.kind in ("name", "role", "document", "group"):
            return cue, None, cue.end
        return None
    m = _ACCORDING_RE.match(text, pos)
    if m:
        cue = cue_after(text, m.end())
        return (cue, "according to", cue.end) if cue else None
    m = VERB_RE.match(text, pos)
    if m:
        cue = cue_after(text, m.end())
        if cue is None or (sentence_closed and not _ends_sentence(text, cue.end)):
            return None
        return cue, m.group(), cue.end
    cue = cue_after(text, pos)
    if cue is None:
        return None
    if sentence_closed and cue.text[:1].isupper() and cue.kind == "pronoun":
        return None
    vpos = cue.end
    while True:
        nxt = _skip(text, vpos, " \u00a0")
        word = _LOWER_WORD_RE.match(text[nxt : nxt + 20])
        if word and word.group() in ADVERBS:
            vpos = nxt + word.end()
            continue
        break
    m = VERB_RE.match(text, _skip(text, vpos, " \u00a0"))
    if not m:
        return None
    end = verb_phrase_end(text, m.end(), m.group())
    if sentence_closed and not _ends_sentence(text, end):
        return None
    return cue, text[m.start() : end] if m.group() != "told" else "told", end


def _ends_sentence(text: str, pos: int) -> bool:
    rest = text[pos : pos + 3].lstrip()
    return not rest or rest[0] in ".,;!?"


def _verb_at_end(text: str, end: int) -> re.Match[str] | None:
    """A speech verb whose phrase ends at ``end`` (``said``, ``told reporters``, ``said that``)."""
    lo = max(0, end - 70)
    last = None
    for m in verbs_in(text, lo, end):
        last = m
    if last is None:
        return None
    tail_start = verb_phrase_end(text, last.end(), last.group())
    tail = text[tail_start:end].strip().lower()
    if tail in ("", "that", "in a statement", "in his remarks", "in her remarks") or all(
        w in ADVERBS for w in tail.split()
    ):
        return last
    return None


def _pre_attribution(text: str, open_pos: int) -> tuple[Cue, str | None] | None:
    """``Minister Sato said: “`` / ``He said, “`` / ``According to X, “`` / ``From the Chair:``."""
    before = text[max(0, open_pos - WINDOW) : open_pos].rstrip()
    base = max(0, open_pos - WINDOW)
    if not before:
        return None
    end = base + len(before)
    if before[-1] in ":,":
        end -= 1
    m = _verb_at_end(text, end)
    if m is not None:
        cue = cue_before(text, m.start())
        if cue is not None:
            return cue, m.group()
        return None
    acc = None
    for found in _ACCORDING_RE.finditer(text, max(0, end - 80), end):
        acc = found
    if acc is not None and before[-1] == ",":
        cue = cue_after(text, acc.end())
        if cue is not None and cue.end >= end - 1:
            return cue, "according to"
    if before[-1] == ":":
        cue = cue_before(text, end)
        if cue is None:
            cue = _colon_label(text, end)
        if cue is not None and cue.kind in ("name", "role", "group", "document"):
            return cue, None
    return None


def _colon_label(text: str, end: int) -> Cue | None:
    """A short label paragraph or sentence before a colon: *From the Chair:*."""
    s_start, _ = sentence_bounds(text, max(0, end - 1))
    label = text[s_start:end]
    words = label.split()
    if not 1 <= len(words) <= 6:
        return None
    start = s_start
    if words[0].lower() in ("from", "by"):
        start = text.index(words[1], s_start + len(words[0]))
    return cue_after(text, start)


def _sentence_speaker(text: str, span: QuoteSpan, outer: _Intervals) -> tuple[Cue, str] | None:
    """The subject and speech verb of the sentence holding an embedded quoted phrase."""
    s_start, s_end = sentence_bounds(text, span.outer_start)
    for m in verbs_in(text, s_start, s_end):
        if outer.covers(m.start()):
            continue
        if m.group() in ("called", "described") and m.start() > span.open:
            continue
        cue = cue_before(text, m.start(), s_start)
        if cue is not None and cue.kind != "org":
            return cue, m.group()
    lead = text[s_start : span.outer_start].lower()
    if "calling " in lead or "describing " in lead or "terming " in lead:
        # "Calling NATO and Japan “natural partners”, the Secretary General stressed"
        for v in verbs_in(text, span.outer_end, s_end):
            cue = cue_before(text, v.start(), span.outer_end)
            if cue is not None:
                return cue, v.group()
    return None


_PERSON_NAMING_RE = re.compile(r"\b(called|termed|dubbed|described\sas)[ \u00a0]*$")


def _person_naming(text: str, span: QuoteSpan) -> tuple[Cue, str] | None:
    """*the Secretary General called “…”*: a person naming something in their own words.
    (*an exercise called “…”* has no person before the verb: a term.)"""
    m = _PERSON_NAMING_RE.search(text, max(0, span.outer_start - 40), span.outer_start)
    if m is None:
        return None
    s_start, _ = sentence_bounds(text, span.outer_start)
    cue = cue_before(text, m.start(), s_start)
    if cue is None or cue.kind in ("org", "document"):
        return None
    return cue, m.group(1)


def _named_before(text: str, pos: int) -> bool:
    """*the drill “...”*, *so-called “...”*, *known as “...”*: a name follows, not speech."""
    words = text[max(0, pos - 30) : pos].lower().split()
    return bool(words) and words[-1].strip(",:") in NAMING_WORDS


def _is_title_case(quoted: str) -> bool:
    words = [w for w in re.findall(r"[^\W\d_][\w’'-]*", quoted) if len(w) > 3 or w[0].isupper()]
    return bool(words) and all(w[0].isupper() for w in words) and quoted[:1].isupper()


def _text_before(text: str, pos: int) -> str:
    """The text before ``pos`` (bounded window), right-stripped."""
    return text[max(0, pos - WINDOW) : pos].rstrip()


def _indent(text: str) -> int:
    """Index of the first non-space character (bounded scan)."""
    i = 0
    while i < len(text) and text[i].isspace():
        i += 1
    return i


def _starts_clause(text: str, span: QuoteSpan) -> bool:
    before = text[max(0, span.outer_start - 8) : span.outer_start].rstrip(" \u00a0")
    if not before and span.outer_start > 8:
        before = text[max(0, span.outer_start - WINDOW) : span.outer_start].rstrip(" \u00a0")
    return (
        not before
        or before[-1] in ".!?:;—–("
        or (before.endswith(("”", '"')) and (before[:-1].rstrip()[-1:] in ".!?"))
    )


def _classify(text: str, span: QuoteSpan, spans: _Intervals, after_direct: bool) -> _Item | None:
    """Direct quote, partial quote, or (None) a term / stray mark."""
    quoted = text[span.start : span.end]
    if not quoted.strip():
        return None
    item = _Item("direct", span.paragraph, span.start, span.end, group=span.group)
    if not span.closed and span.group is None:
        return _unclosed(text, span, item)
    words = len(quoted.split())
    embedded = not _starts_clause(text, span)
    phrase = embedded and (
        (quoted[-1:] not in ".!?," and (words <= 8 or quoted[:1].islower()))
        or _text_before(text, span.outer_start).endswith(" that")  # "added that “...”"
    )
    post = _post_attribution(text, span)
    pre = None if post else _pre_attribution(text, span.outer_start)
    if pre and phrase and not _text_before(text, span.outer_start).endswith((":", ",")):
        pre = None  # "He said the ties were “stronger than ever”": a phrase, not a statement
    if (post or pre) and not phrase:
        item.cue, item.verb = (post[0], post[1]) if post else pre  # type: ignore[misc]
        return item
    if span.group is not None and span.open == _indent(text):
        return item  # a later piece of a multi-paragraph quote
    sentence_like = quoted[-1:] in ".!?," or (words >= 4 and quoted[:1].isupper())
    if not embedded and sentence_like and (not span.single or after_direct):
        return item
    # an embedded phrase: a partial quote if the sentence says who spoke, else a term
    if (naming := _person_naming(text, span)) is not None:
        item.kind = "partial"  # "which the Secretary General called “a dangerous expansion”"
        item.cue, item.verb = naming
        return item
    if _named_before(text, span.outer_start):
        return None
    if _is_title_case(quoted) and words <= 6:
        return None
    found = (post[0], post[1] or "said") if post else _sentence_speaker(text, span, spans)
    if found is None:
        return None
    item.kind = "partial"
    item.cue, item.verb = found
    return item


_INNER_ATTRIBUTION_RE = re.compile(r",[ \u00a0]+(?=\S)")


def _unclosed(text: str, span: QuoteSpan, item: _Item) -> _Item | None:
    """A quote whose closing mark is missing: it ends at an attribution found inside it
    (*“We are ready, he said.*), else at the end of its paragraph; only kept when it
    opens its clause."""
    if not _starts_clause(text, span):
        return None
    for m in _INNER_ATTRIBUTION_RE.finditer(text, span.start, span.end):
        probe = QuoteSpan(
            span.paragraph, span.open, m.start(), span.start, m.start() + 1, span.open_mark, ","
        )
        post = _post_attribution(text, probe)
        if post is not None:
            item.end = m.start() + 1
            item.cue, item.verb = post[0], post[1]
            item.confidence = 0.6
            return item
    item.confidence = 0.5
    return item


def _indirect(text: str, p: int, blocked: _Intervals, direct: _Intervals) -> list[_Item]:
    """Reported speech: *X said (that) ...*, *X expressed his hope that ...*,
    *According to X, ...*, *..., X told reporters.*"""
    items: list[_Item] = []

    def free(pos: int) -> bool:
        return not blocked.covers(pos) and not any(i.start <= pos < i.end for i in items[-3:])

    for m in _ACCORDING_RE.finditer(text):
        if not free(m.start()):
            continue
        cue = cue_after(text, m.end())
        if cue is None:
            continue
        s_start, s_end = sentence_bounds(text, m.start())
        cue = _extend_appositives(text, cue, s_end)
        after = _skip(text, cue.end, " \u00a0")
        if text[after : after + 1] == "," and text[s_start : m.start()].strip() == "":
            start, end = _clause(text, after + 1, s_end)
        else:
            if _has_speaker_verb(text, s_start, m.start()):
                continue  # "The two leaders agreed that ..., according to a readout"
            start, end = _trim(text, s_start, m.start())
        if _valid_clause(text, start, end, direct):
            items.append(_Item("indirect", p, start, end, cue, p, "according to"))
    for m in verbs_in(text, 0, len(text)):
        verb = m.group()
        if verb in DIRECT_ONLY or not free(m.start()):
            continue
        s_start, s_end = sentence_bounds(text, m.start())
        cue = cue_before(text, m.start(), s_start)
        if cue is None and text[max(s_start, m.start() - 5) : m.start()] == " and ":
            cue = _shared_subject(text, s_start, m.start())
        elif cue is None and verb == "adding":
            cue = _shared_subject(text, s_start, m.start())  # "he said, adding that ..."
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
        if _ends_sentence(text, phrase_end) and text[s_start : cue.start].rstrip().endswith(","):
            # "Japan will stand with Ukraine, the minister said."
            start, end = _trim(text, s_start, text.rindex(",", s_start, cue.start))
            start = _after_dateline(text, start, end)
            if _has_speaker_verb(text, start, end):
                continue  # "The two leaders agreed that ..., the ministry said."
            verb_text = text[m.start() : phrase_end]
        else:
            start, end = _clause(text, phrase_end, s_end)
            has_that = text[m.start() : start].rstrip().endswith("that")
            if verb in THAT_ONLY and not has_that:
                continue
            verb_text = text[m.start() : phrase_end]
        for part_start, part_end in _that_clauses(text, start, end):
            if _valid_clause(text, part_start, part_end, direct):
                items.append(_Item("indirect", p, part_start, part_end, cue, p, verb_text))
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
        start = _skip(text, m.end(), " \u00a0,")
    parts.append(_trim(text, start, end))
    return parts


def _has_speaker_verb(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds a report of its own (*X agreed that ...*)."""
    return any(
        v.group() not in DIRECT_ONLY
        and text.startswith(" that ", verb_phrase_end(text, v.end(), v.group()))
        and cue_before(text, v.start(), start) is not None
        for v in verbs_in(text, start, end)
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


def _shared_subject(text: str, s_start: int, verb_start: int) -> Cue | None:
    """The subject of an earlier speech verb in the sentence: *X described ... and said*;
    else a person or role opening the sentence: *Abe thanked ... and said*."""
    for v in verbs_in(text, s_start, verb_start):
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


_WIRE_DATELINE_RE = re.compile(
    r"[A-Z][A-Z .,'’-]{1,40}(?:,\s*[A-Z][a-z]{2,4}\.?\s+\d{1,2})?\s*(?:\([^)]{1,30}\))?\s*[—–-]+\s+"
)


def _after_dateline(text: str, start: int, end: int) -> int:
    """Skip a wire dateline (*BRUSSELS (Reuters) —*) opening a reported clause."""
    m = _WIRE_DATELINE_RE.match(text, start, end)
    return m.end() if m else start


def _clause(text: str, pos: int, s_end: int) -> tuple[int, int]:
    """The reported clause from ``pos`` to the sentence end, cut before a coordinated
    second report (*..., and he expressed hope that ...*)."""
    pos = _skip(text, pos, " \u00a0,")
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
    for v in verbs_in(text, pos, end):
        if v.group() not in DIRECT_ONLY and text[max(pos, v.start() - 6) : v.start()] == ", and ":
            return _trim(text, pos, v.start() - 6)  # "..., and expressed his hope that ..."
        if v.group() not in DIRECT_ONLY and text[max(pos, v.start() - 5) : v.start()] == " and ":
            return _trim(text, pos, v.start() - 5)  # "... partners and expressed his ..."
        cue = cue_before(text, v.start(), pos)
        if cue is None:
            continue
        before = text[pos : cue.start].rstrip()
        if before.endswith(",") and _ends_sentence(text, _attribution_tail_end(text, v, end)):
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


def _valid_clause(text: str, start: int, end: int, direct: _Intervals) -> bool:
    if end - start < 8 or len(text[start:end].split()) < 3:
        return False
    if text[start] in '“"«「‘':
        return False
    return not direct.starts_within(start, end)  # a clause never holds a direct quote


def extract_quotes(
    paragraphs: Sequence[str], registry: PeopleRegistry, published: date | None = None
) -> list[Quote]:
    """All direct, partial and indirect quotes of the body ``paragraphs``, in reading order."""
    del published  # the registry already carries the article date for roles
    paragraphs = [p[:MAX_PARAGRAPH_CHARS] for p in paragraphs]  # offsets stay valid
    spans = find_quote_spans(paragraphs)
    by_paragraph: dict[int, list[QuoteSpan]] = {}
    for s in spans:
        by_paragraph.setdefault(s.paragraph, []).append(s)
    items: list[_Item] = []
    for p, text in enumerate(paragraphs):
        para_spans = by_paragraph.get(p, [])
        prev_colon = p > 0 and paragraphs[p - 1][-3:].rstrip().endswith(":")
        outer = _intervals([(s.outer_start, s.outer_end) for s in para_spans])
        quoted_items: list[tuple[QuoteSpan, _Item]] = []
        after_direct = False
        for span in para_spans:
            item = _classify(text, span, outer, after_direct)
            if item is not None:
                quoted_items.append((span, item))
                after_direct = after_direct or (item.kind == "direct" and item.cue is not None)
        _link_within_paragraph(text, p, paragraphs, quoted_items, prev_colon)
        direct = [(s.outer_start, s.outer_end) for s, i in quoted_items if i.kind == "direct"]
        # quotes, and the attribution text of direct quotes, are not reported speech
        blocked = [(s.outer_start, s.outer_end) for s in para_spans]
        for span, item in quoted_items:
            if item.cue is not None and item.kind == "direct" and item.cue_paragraph in (None, p):
                lo = min(item.cue.start, span.outer_start)
                hi = max(item.cue.end, span.outer_end) + 40
                blocked.append((lo, min(hi, _attribution_end(text, item.cue.end))))
        indirect = _indirect(text, p, _intervals(blocked), _intervals(direct))
        para_items = [i for _, i in quoted_items] + indirect
        para_items.sort(key=lambda i: i.start)
        items.extend(para_items)
    return _resolve(items, paragraphs, registry)


def _attribution_end(text: str, pos: int) -> int:
    s_start, s_end = sentence_bounds(text, max(0, pos - 1))
    del s_start
    nxt = text.find("“", pos)
    return min(s_end, nxt) if nxt >= 0 else s_end


def _link_within_paragraph(
    text: str,
    p: int,
    paragraphs: list[str],
    quoted: list[tuple[QuoteSpan, _Item]],
    prev_colon: bool,
) -> None:
    """Split quotes inherit from the quote before them; a quote-only paragraph after an
    attributed quote (or after a paragraph ending with a colon) inherits too."""
    prev_item: _Item | None = None
    for span, item in quoted:
        if item.kind != "direct":
            continue
        if item.cue is None and prev_item is not None and item.group is None:
            item.follows = prev_item
        elif item.cue is None and prev_item is None and item.group is None:
            only_quote = span.outer_start <= _indent(text) + 1
            if only_quote and prev_colon:
                prev = paragraphs[p - 1]
                pre = _pre_attribution(prev, len(prev) - (len(prev[-3:]) - len(prev[-3:].rstrip())))
                if pre is not None:
                    item.cue, item.verb = pre
                    item.cue_paragraph = p - 1
                    item.inherits = False
            elif only_quote:
                item.inherits = True
        prev_item = item


def _resolve(items: list[_Item], paragraphs: list[str], registry: PeopleRegistry) -> list[Quote]:
    resolver = Resolver(registry, paragraphs)
    groups: dict[int, _Item] = {}
    utterances = 0
    last_para_speaker: dict[int, Speaker] = {}
    quotes: list[Quote] = []
    for item in items:
        speaker = Speaker()
        confidence = 0.5
        if item.cue is not None:
            cp = item.cue_paragraph if item.cue_paragraph is not None else item.paragraph
            speaker = resolver.resolve(item.cue, cp, item.cue.start)
            confidence = CONFIDENCE.get(item.cue.kind, 0.7) if speaker.known else 0.5
        if item.group is not None and item.kind == "direct":
            head = groups.get(item.group)
            if head is None:
                groups[item.group] = item
                utterances += 1
                item.utterance = utterances
            else:
                item.utterance = head.utterance
                if not speaker.known and head.speaker is not None:
                    speaker, confidence = head.speaker, 0.8
                    item.cue, item.verb = head.cue, head.verb
                elif speaker.known and head.speaker is not None and not head.speaker.known:
                    _backfill(quotes, head.utterance, speaker, item)
        elif item.follows is not None:
            prev = item.follows
            item.utterance = prev.utterance
            if not speaker.known and prev.speaker is not None:
                speaker, confidence = prev.speaker, 0.85
                item.cue, item.verb = prev.cue, prev.verb
        elif item.inherits and not speaker.known:
            prev_speaker = last_para_speaker.get(item.paragraph - 1)
            if prev_speaker is not None:
                speaker, confidence = prev_speaker, 0.8
            else:
                speaker, confidence = resolver.narrator_subject(item.paragraph - 1), 0.6
        if item.utterance is None and item.kind == "direct":
            utterances += 1
            item.utterance = utterances
        item.speaker = speaker
        if speaker.known:
            resolver.remember(speaker, item.paragraph, item.start)
            if item.kind == "direct":
                last_para_speaker[item.paragraph] = speaker
        text = paragraphs[item.paragraph]
        quotes.append(_to_quote(item, text, speaker, confidence))
    return quotes


def _backfill(quotes: list[Quote], utterance: int | None, speaker: Speaker, item: _Item) -> None:
    """A multi-paragraph quote attributed at its end: earlier pieces get the speaker."""
    for q in quotes:
        if q.utterance == utterance and q.speaker is None:
            q.speaker = speaker.name
            q.speaker_id = speaker.people[0].id if len(speaker.people) == 1 else None
            q.speaker_ids = [p.id for p in speaker.people]
            q.role = speaker.role
            q.cue = item.cue.text if item.cue else None
            q.verb = item.verb
            q.confidence = 0.8


def _to_quote(item: _Item, text: str, speaker: Speaker, confidence: float) -> Quote:
    kind_factor = KIND_FACTOR[item.kind]
    return Quote(
        text=text[item.start : item.end],
        kind=item.kind,  # type: ignore[arg-type]
        paragraph=item.paragraph,
        start=item.start,
        end=item.end,
        speaker=speaker.name,
        speaker_id=speaker.people[0].id if len(speaker.people) == 1 else None,
        speaker_ids=[p.id for p in speaker.people],
        role=speaker.role,
        cue=item.cue.text if item.cue else None,
        verb=item.verb,
        confidence=round(confidence * kind_factor, 2),
        utterance=item.utterance,
    )
