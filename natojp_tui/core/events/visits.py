"""Visit mentions ("visit to Japan", "a three-day visit from Tuesday") with the visitor
and the days the text gives: what the timeline groups into visits."""

from __future__ import annotations

import re
from bisect import bisect_left
from datetime import date, timedelta

from natojp_tui.core.events.context import Candidate, Context, Registry
from natojp_tui.core.events.participants import (
    candidates,
    mentions_by_paragraph,
    remember_actors,
    subject_names,
)
from natojp_tui.core.events.sentence import Sentence
from natojp_tui.core.lexicon.numbers import NUMBER_WORDS
from natojp_tui.core.lexicon.places import CITIES, COUNTRY_PHRASES, COUNTRY_WORDS
from natojp_tui.core.model import VisitMention
from natojp_tui.core.text.document import AnalysedArticle
from natojp_tui.core.text.patterns import Cued


def extract_visit_mentions(doc: AnalysedArticle, registry: Registry) -> list[VisitMention]:
    """Every "visit to Japan", "visiting Tokyo", "a three-day visit from Tuesday" in the
    body, with the visitor (canonical name) and the days the text gives."""
    published = doc.published
    # the visit phrases first: the paragraphs after the last one need not be read
    phrases = [[_phrases(t.masked, s0, s1) for s0, s1 in t.sentences] for t in doc.body]
    upto = max((p for p, para in enumerate(phrases) if any(para)), default=-1)
    mentions = mentions_by_paragraph(registry)
    out: list[VisitMention] = []
    ctx = Context(registry, published, None)
    for p, t in enumerate(doc.body[: upto + 1]):
        masked = t.masked
        para_mentions = mentions.get(p, [])
        starts = [m.start for m in para_mentions]
        for (s0, s1), found_phrases in zip(t.sentences, phrases[p], strict=True):
            s = Sentence(p, t.text, masked, s0, s1, published)
            found = para_mentions[bisect_left(starts, s0) : bisect_left(starts, s1)]
            sent_cands = candidates(s, found, ctx)
            for m, host in found_phrases:
                visitor = _visitor(masked, sent_cands, m.start(), s0, ctx)
                first, last, days = _visit_days(s, m, ctx)
                out.append(
                    VisitMention(
                        visitor[0] if visitor else None, host, p, s0, s1, first, last, days
                    )
                )
            remember_actors(sent_cands, ctx)
            for d in s.dates:
                ctx.last_date = d.resolve(ctx.last_date) or ctx.last_date
    return out


_VISIT_RE = Cued(
    re.compile(
        r"\b(?:(?:visit|trip|tour|stay)\s(?:to|in)|visiting|visited|arrived\sin)\s"
        r"(?P<host>(?:the\s)?[A-Z][\w'’.-]+(?:\s[A-Z][\w'’.-]+)?)"
    ),
    ("visit", "trip", "tour", "stay", "arrived"),
)


def _phrases(masked: str, s0: int, s1: int) -> list[tuple[re.Match[str], str]]:
    """The visit phrases of a sentence that name a host country or city, with the host."""
    out = []
    for m in _VISIT_RE.finditer(masked, s0, s1):
        host = _visit_host(m.group("host"))
        if host is not None:
            out.append((m, host))
    return out


def _visit_host(host: str) -> str | None:
    host = re.split(r"[.,;:](?:\s|$)", host)[0].strip()
    words = host.split()
    if not words:
        return None
    if words[0] == "the":
        phrase = host
        return phrase[4:] if phrase in COUNTRY_PHRASES else None
    if host in COUNTRY_PHRASES:
        return host
    if words[0] in COUNTRY_WORDS or words[0] in CITIES:
        return words[0]
    return None


_SPAN_RE = re.compile(
    r"\b(?P<n>one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})-day\b", re.I
)


_WHO_VISITING_RE = re.compile(r",?\s(?:who|which)\s(?:is|was|has\sbeen|had\sbeen)\s(?:on\s\S+\s)?$")


_BEGIN_RE = re.compile(
    r"\b(?:from|starting|beginning|arriving|arrived|began|begins|started|kicked\soff)\b", re.I
)


_END_RE = re.compile(r"\b(?:concluded|concludes|ended|ends|wrapped\sup|wraps\sup|until)\b", re.I)


def _visitor(
    masked: str, cands: list[Candidate], pos: int, s0: int, ctx: Context
) -> tuple[str, ...]:
    """Who visits: the antecedent of "who is visiting", else the subject before the phrase."""
    left = masked[max(s0, pos - 40) : pos]
    if _WHO_VISITING_RE.search(left) or re.search(r"['’]s\s(?:[\w-]+\s){0,3}$", left):
        before = [c for c in cands if c.end <= pos and c.kind == "person"]
        if before:
            return before[-1].names
    return subject_names(cands, pos, s0, ctx)


def _visit_days(
    s: Sentence, phrase: re.Match[str], ctx: Context
) -> tuple[date | None, date | None, int | None]:
    """First and last day of a visit as the sentence gives them (never guessed):
    "from 15 to 17 April", "a three-day visit from Tuesday", "arrived ... on Monday",
    "concluded a two-day visit on Wednesday"."""
    s0 = s.start
    sentence = s.masked[s0 : s.end]
    days = None
    m = _SPAN_RE.search(sentence)
    if m is not None:
        n = m.group("n").lower()
        days = NUMBER_WORDS.get(n) or int(n)
    dates = s.dates
    for d in dates:
        if d.end_value is not None and d.value is not None:
            return d.value, d.end_value, (d.end_value - d.value).days + 1
    begin = _BEGIN_RE.search(sentence)
    if phrase.group(0).startswith("arrived"):
        begin = phrase
    end = _END_RE.search(sentence)
    first = last = None
    for d in dates:
        day = d.resolve(ctx.last_date)
        if day is None:
            continue
        if begin is not None and first is None and d.start >= s0 + begin.start():
            first = day
        elif end is not None and last is None and d.start >= s0 + end.start():
            last = day
    if first is not None and last is None and days:
        last = first + timedelta(days=days - 1)
    if last is not None and first is None and days:
        first = last - timedelta(days=days - 1)
    return first, last, days
