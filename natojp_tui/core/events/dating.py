"""When an event happened: the sentence's own date, the event just told, the paragraph's
day, "during his visit" (no day), or nothing; a trailing sentence may complete it."""

from __future__ import annotations

import re
from datetime import date

from natojp_tui.core.dates import DateMention, find_dates
from natojp_tui.core.events.context import LOOKBACK, Candidate, Context, Trigger
from natojp_tui.core.events.participants import people_of, resolve_pronoun
from natojp_tui.core.events.places import city_in, place_in, visit_city
from natojp_tui.core.events.sentence import PLAN_CLAUSE, VAGUE_TIME_RE, Sentence
from natojp_tui.core.lexicon.months import WEEKDAY_NAMES
from natojp_tui.core.model import DatePrecision, Event
from natojp_tui.core.text.document import AnalysedArticle


def _after_past(s: Sentence, ctx: Context) -> bool:
    """Does the sentence go on from a past engagement its paragraph just recalled?"""
    if not ctx.side or ctx.side[-1].paragraph != s.paragraph:
        return False
    last = ctx.events[-1] if ctx.events else None
    side = ctx.side[-1]
    return last is None or (last.paragraph, last.start) <= (side.paragraph, side.start)


def remember_dates(
    s: Sentence,
    cands: list[Candidate],
    dates: list[DateMention],
    new: list[Event],
    ctx: Context,
    places: bool = True,
) -> None:
    """Keep the day and place this sentence established for the sentences after it."""
    relative = s.relative if dates else []
    planned = bool(dates) and s.planned
    for d in dates:
        day = d.resolve(ctx.last_date)
        if day is None:
            continue
        ctx.last_date = day
        if any(a <= d.start < b for a, b in relative):
            continue
        if planned:
            if s.paragraph == 0 and ctx.lead_date is None and day == ctx.published:
                ctx.lead_date = day  # "X expressed hope Wednesday for talks …": today's news
            continue
        if ctx.published is None or (ctx.published - day).days <= 45:
            ctx.para_date = day
            lead = s.paragraph == 0 and ctx.lead_date is None and not s.background
            lead = lead and not ctx.on_a_trip
            if lead and ctx.published is not None and 0 <= (ctx.published - day).days <= 7:
                ctx.lead_date = day  # "Japan and NATO agreed Tuesday in Brussels …"
            names = {n for c in cands for n in c.names}
            ctx.prev_dated = (ctx.sentence_no, day, frozenset(names))
    for e in new:
        if e.date is not None and ctx.frames.get(id(e)) in ("own", "seq"):
            ctx.para_date = e.date
            ctx.prev_dated = (ctx.sentence_no, e.date, frozenset(e.participants))
    city = city_in(s.masked, s.start, s.end) if places else None
    if city:
        ctx.para_place = city


_RELATIVE_CLAUSE_RE = re.compile(r",\s(?:who|which|whose|where)\b|;")


def _vague_near(s: Sentence, trig: Trigger) -> bool:
    """A vague time in the trigger's own clause ("met X last week"), not in a relative
    clause about someone else ("met Kono, who has recently taken office")."""
    lo = max(s.start, trig.start - 60)
    hi = min(s.end, trig.end + 60)
    cut = _RELATIVE_CLAUSE_RE.search(s.masked, trig.end, hi)
    return VAGUE_TIME_RE.search(s.masked, lo, cut.start() if cut else hi) is not None


def event_date(
    s: Sentence,
    trig: Trigger,
    dates: list[DateMention],
    ctx: Context,
    people: set[str],
) -> tuple[date | None, str]:
    """The day of the event and how it was found.

    "own": the sentence gives it; "seq": the event follows the one just told ("Following
    the meeting", "later that day", the same people again); "para": an earlier sentence
    of the paragraph dated it; "visit": only "during his visit"; "none": not given.
    """
    relative = s.relative
    inside = [span for span in relative if span[0] <= trig.start < span[1]]
    usable = [
        d
        for d in dates
        if not any(a <= d.start < b for a, b in relative)
        or any(a <= d.start < b for a, b in inside)
    ]
    if usable:
        mid = (trig.start + trig.end) // 2
        best = min(usable, key=lambda d: abs((d.start + d.end) // 2 - mid))
        resolved = best.resolve(ctx.last_date)
        if resolved is not None:
            same_day = best.anchor == "context" and best.offset == 0
            return resolved, "seq" if same_day else "own"
    if s.in_visit:
        return None, "visit"
    if s.vague and _vague_near(s, trig):
        return None, "none"  # "met with Stoltenberg last week"
    prev = ctx.events[-1] if ctx.events else None
    if prev is not None and s.sequence:
        return prev.date, "seq" if prev.date else ctx.frames.get(id(prev), "none")
    same_people = prev is not None and len(people) >= 2 and people == set(people_of(prev, ctx))
    if prev is not None and prev.date is not None and same_people:
        return prev.date, "seq"
    if ctx.prev_dated is not None:
        number, day, names = ctx.prev_dated
        if number == ctx.sentence_no - 1 and people and people <= names:
            return day, "seq"
    if ctx.para_date is not None:
        return ctx.para_date, "para"
    if ctx.on_a_trip:
        ctx.lead_date = None  # a visit of several days: the lead's day is only one of them
    comma = s.masked.rfind(", ", max(s.start, trig.start - 60), trig.start)
    lo = comma + 2 if comma >= 0 else max(s.start, trig.start - 60)  # the trigger's clause
    near_plan = PLAN_CLAUSE.search(s.masked, lo, min(s.end, trig.end + 40))
    if ctx.lead_date is not None and not s.background and not near_plan and not _after_past(s, ctx):
        return ctx.lead_date, "para"  # the news the lead paragraph dates (no plan near the verb)
    return None, "none"


# a sentence about the event just told: "The meeting started at 6 p.m.", "... for the summit"
THE_EVENT_RE = re.compile(
    r"\b(?:[Tt]he|[Tt]his|[Tt]heir)\s(?:meeting|talks|summit|call|conversation)\s(?:started|began|"
    r"commenced|took\splace|was\sheld|lasted)\b|\bfor\sthe\s(?:meeting|talks|summit)\b"
)


def attach_trailing_context(
    s: Sentence,
    cands: list[Candidate],
    dates: list[DateMention],
    para_events: list[Event],
    ctx: Context,
) -> None:
    """An eventless sentence that dates or places the event just told in the same
    paragraph about the same person ("..., said the Secretary General during his visit
    to Tokyo on Monday (15 April).") completes that event."""
    if not para_events or s.planned:
        return
    target = para_events[-1]
    if ctx.frames.get(id(target)) == "visit":
        return
    refers = THE_EVENT_RE.search(s.masked, s.start, s.end) is not None
    if refers and target.time is None:
        attach_clock(s, target, para_events)
    if target.date is not None and target.place is not None:
        return
    names = {n for c in cands for n in c.names}
    names |= {n for c in cands if c.kind == "pronoun" for n in resolve_pronoun(c, ctx)}
    if not names & set(target.participants) and not refers:
        return
    siblings = [
        e
        for e in para_events[-LOOKBACK:]
        if (e.paragraph, e.start) == (target.paragraph, target.start)
    ]
    if target.date is None and dates and not s.background:
        when = dates[0].resolve(ctx.last_date)
        if when is not None:
            for e in siblings:
                e.date = when
                ctx.frames[id(e)] = "own"
    masked, s0, s1 = s.masked, s.start, s.end
    place = visit_city(masked, s0, s1) or place_in(masked, s0, s1, Trigger("", s0, s0, "", ""))
    if place:
        for e in siblings:
            if e.place is None:
                e.place = place


_UNTIL_RE = re.compile(r"\b(?:until|till|to)\s(?:about\s|around\s)?$")


def start_time(s: Sentence) -> str | None:
    """The clock time the sentence gives, unless it is when something ended ("until 8:15pm")."""
    clock = s.clock
    if clock.time is None:
        return None
    before = s.masked[max(s.start, s.start + clock.start - 12) : s.start + clock.start]
    return None if _UNTIL_RE.search(before) else clock.time


def attach_clock(s: Sentence, target: Event, para_events: list[Event]) -> None:
    """ "The meeting started at 6pm and lasted for forty five minutes": the start time
    (not an end: "until 8:15pm") of the event just told."""
    clock = s.clock
    if start_time(s) is None:
        return
    for e in para_events:
        if (e.paragraph, e.start) == (target.paragraph, target.start):
            e.time, e.note = clock.time, e.note or clock.note
            e.duration = e.duration or clock.duration


# a photo caption: "(left)", "shakes hands with", "poses for a photo", "(Yonhap)"
_CAPTION_RE = re.compile(
    r"\((?:L|R|left|right)\)|,\s(?:left|right),|\bshak(?:es|ing)\shands\b|\bpos(?:es|ing)\sfor\b|"
    r"\b(?:Photo|Image)\b|\((?i:yonhap|xinhua|ap|reuters|afp|kyodo)\b"
)


# a caption's shape: a short line ending on its place and full date ("… following their
# meeting in Wellington, New Zealand, Aug. 6, 2019.")
_DATED_AT_END_RE = re.compile(
    r",\s(?:[A-Z][a-z]{2,8}\.?\s\d{1,2},\s(?:19|20)\d\d|\d{1,2}\s[A-Z][a-z]{2,8}\s(?:19|20)\d\d)"
    r"\.?\s*$"
)


def caption_day(doc: AnalysedArticle) -> date | None:
    """For an article without a date line, the full date (with its year) its photo
    caption gives ("… shaking hands with …, Oct. 4, 2010."): the day "today", "this
    morning" and weekdays are read against. None when no caption gives one."""
    texts = [*(t.text for t in doc.captions), *(t.text for t in doc.body[:3])]
    for text in texts:
        shaped = len(text) <= 300 and _DATED_AT_END_RE.search(text) is not None
        if len(text) > 600 or (_CAPTION_RE.search(text) is None and not shaped):
            continue
        for d in find_dates(text, None):
            if d.value is not None and d.end_value is None:
                return d.value
    return None


def lead_day(doc: AnalysedArticle) -> date | None:
    """For an article without a date line or caption date, the day its lead names with
    its weekday ("… in Tokyo on Tuesday (31 January 2023) …"): the day the story's other
    weekdays ("Earlier on Tuesday") are read against."""
    for t in doc.body[:2]:
        text = t.text[:1000]
        for d in find_dates(text, None):
            if d.value is not None and d.end_value is None:
                weekday = WEEKDAY_NAMES[d.value.weekday()]
                if re.search(rf"\b{weekday}\b", text, re.I):
                    return d.value
    return None


def precision(e: Event, frame: str | None) -> DatePrecision:
    if e.date is not None:
        return "exact" if e.time else "day"
    if frame == "visit":
        return "visit"
    return "unknown"
