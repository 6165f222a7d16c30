"""``extract_events``: the events an article's body says happened, sentence by sentence.

A sentence tells an event when it holds a *trigger* that reports something done: a
past-tense verb ("met", "held talks with", "signed", "visited"), a noun in a realised
frame ("at a joint press conference with", "a working dinner was held"). Quoted words
never trigger, and neither do plans, hopes, negations, the present perfect ("has met")
or background years ("In 2014, ..."). Participants come from the people registry, plus
groups as written ("members of the Japanese Diet"). Dates are only taken from the text:
the sentence's own date, a date a following eventless sentence of the same paragraph
gives, the previous event's day when the text says so ("Following the meeting, ..."),
else none: "during his visit" gives precision ``visit`` and no date.

All scans are single regex passes or bounded windows, so the work is linear in the
text length.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from natojp_tui.core.dates import DateMention
from natojp_tui.core.events.build import build_events
from natojp_tui.core.events.context import (
    LOOKBACK,
    MAX_CHARS,
    MAX_TRIGGERS,
    Candidate,
    Context,
    MentionLike,
    Registry,
)
from natojp_tui.core.events.dating import (
    THE_EVENT_RE,
    attach_clock,
    attach_trailing_context,
    caption_day,
    lead_day,
    precision,
    remember_dates,
)
from natojp_tui.core.events.exchanges import EXCHANGE_LOOK, add_delegation_heads, read_exchanges
from natojp_tui.core.events.japanese import read_japanese
from natojp_tui.core.events.mentioned import MENTION_LOOK, read_mentions, title_press_event
from natojp_tui.core.events.merge import merge_duplicate, read_topic
from natojp_tui.core.events.participants import candidates, mentions_by_paragraph, remember_actors
from natojp_tui.core.events.places import visit_city
from natojp_tui.core.events.schedule import SCHEDULE_LOOK, read_schedule
from natojp_tui.core.events.sentence import Sentence
from natojp_tui.core.events.speech import (
    FIRST_PERSON_LOOK,
    Floor,
    find_floors,
    on_the_speech_day,
    read_first_person,
)
from natojp_tui.core.events.summary import headline
from natojp_tui.core.events.triggers import actor_left, find_triggers, is_background, realised
from natojp_tui.core.model import Event
from natojp_tui.core.text.document import AnalysedArticle, AnalysedText

# what a past engagement recalled in passing can be ("their meeting in Madrid last June")
BACKGROUND_KINDS = frozenset({"meeting", "courtesy_call", "signing", "visit", "address", "summit"})


def extract_events(
    doc: AnalysedArticle, registry: Registry, speakers: Sequence[str | None] | None = None
) -> list[Event]:
    """Events the body paragraphs say happened, in text order.

    ``registry`` gives people and their mentions; the article date resolves weekdays
    and years; the dateline place is where events the text does not place happened.
    ``speakers`` gives, per body paragraph of a transcript, the turn's speaker (canonical
    name; None for a question or no turn): their first-person words tell events too.
    (Headlines are not read: their tense says nothing of what happened.)
    """
    photo_day = None if doc.published else caption_day(doc)
    ctx = Context(registry, doc.published or photo_day or lead_day(doc), doc.place)
    ctx.lead_date = photo_day  # a story dated only by its photo: the news is that day's
    mentions = mentions_by_paragraph(registry)
    floors = find_floors(doc, registry, speakers)
    for p, t in enumerate(doc.body):
        if ctx.triggers_read >= MAX_TRIGGERS:
            break
        _read_paragraph(p, t, mentions.get(p, []), ctx, floors[p])
    for event in read_japanese(doc, registry, ctx):
        (ctx.side if event.background else ctx.events).append(event)
    events = _with_side_events(ctx)
    events.sort(key=lambda e: (e.paragraph, e.start))
    told = title_press_event(doc, registry)
    same = [
        e
        for e in events
        if told is not None
        and e.kind == "press_conference"
        and set(told.participants) <= set(e.participants)
    ]
    if told is not None and same:  # the text tells it too: the title gives its day
        if same[0].date is None and told.date is not None:
            same[0].date, ctx.frames[id(same[0])] = told.date, "own"
        same[0].place = same[0].place or told.place
    elif told is not None:
        ctx.frames[id(told)] = "own"
        events.insert(0, told)
    for e in events:
        e.date_precision = precision(e, ctx.frames.get(id(e)))
        e.summary = headline(
            e.kind, e.summary, e.participants, e.groups, e.time, e.duration, e.place
        )
    return events


def _same_side(a: Event, b: Event) -> bool:
    return (a.kind, a.participants, a.groups, a.paragraph, a.start) == (
        b.kind, b.participants, b.groups, b.paragraph, b.start
    )  # fmt: skip


# a visit or trip the text tells: its other days are not the lead's
_TRIP_RE = re.compile(r"\b(?:visit|visiting|trip|tour)\b", re.I)


_ATTENDED_RE = re.compile(r"(?:attended|joined|participated|took\spart)\b", re.I)


def _with_side_events(ctx: Context) -> list[Event]:
    """The events in text order, side events among them; a purpose ("visiting Vilnius to
    attend the NATO Summit") is left out when the attendance itself is told too."""
    attended = {n for e in ctx.events if _ATTENDED_RE.match(e.summary) for n in e.participants}
    side = [
        e
        for e in ctx.side
        if e.background or not (e.kind == "summit" and set(e.participants) <= attended)
    ]
    if not side:
        return ctx.events
    return sorted([*ctx.events, *side], key=lambda e: (e.paragraph, e.start))


def _read_paragraph(
    p: int, t: AnalysedText, mentions: list[MentionLike], ctx: Context, floor: Floor | None
) -> None:
    masked = t.masked
    starts = [m.start for m in mentions]
    para_events: list[Event] = []
    ctx.para_date = ctx.para_place = None
    for s0, s1 in t.sentences:
        if ctx.triggers_read >= MAX_TRIGGERS or ctx.chars_read >= MAX_CHARS:
            return
        ctx.sentence_no += 1
        ctx.chars_read += s1 - s0
        s = Sentence(p, t.text, masked, s0, s1, ctx.published)
        look = s.look
        sent_mentions = mentions[bisect_left(starts, s0) : bisect_left(starts, s1)]
        told_in_passing = MENTION_LOOK.found(masked, s0, s1)
        own_words = floor is not None and FIRST_PERSON_LOOK.search(masked, s0, s1) is not None
        sent_cands = (
            candidates(s, sent_mentions, ctx)
            if sent_mentions or look.people or told_in_passing or own_words
            else []
        )
        dates = s.dates if look.dates else []
        new = _read_sentence(s, sent_cands, dates, ctx) if look.events else []
        if told_in_passing:
            mentioned = read_mentions(s, sent_cands, dates, ctx, new)
            if floor is not None:
                on_the_speech_day(mentioned, s, ctx)
            new += mentioned
        if own_words and floor is not None:
            new += _told_in_person(read_first_person(s, sent_cands, dates, ctx, floor), ctx)
        if sent_cands and SCHEDULE_LOOK.found(masked, s0, s1):
            _keep_schedule(read_schedule(s, sent_cands, dates, ctx), ctx)
        if EXCHANGE_LOOK.found(masked, s0, s1):
            ctx.side += [e for e in read_exchanges(s, ctx) if not _told_aside(e, ctx)]
        if sent_cands and masked.find("delegation", s0, s1) >= 0:
            add_delegation_heads(s, sent_cands, ctx)
        if not new and para_events and (dates or look.places):
            attach_trailing_context(s, sent_cands, dates, para_events, ctx)
        elif (
            not new
            and ctx.events
            and ctx.events[-1].time is None
            and look.places
            and THE_EVENT_RE.search(masked, s0, s1)  # "Lee arrived at 5 p.m. for the summit."
        ):
            attach_clock(s, ctx.events[-1], ctx.events[-LOOKBACK:])
        para_events.extend(new)
        remember_actors(sent_cands, ctx)
        remember_dates(s, sent_cands, dates, new, ctx, look.places)
        if look.visits and not ctx.on_a_trip:
            ctx.on_a_trip = _TRIP_RE.search(masked, s0, s1) is not None
        visit_place = visit_city(masked, s0, s1) if look.visits else None
        if visit_place:
            ctx.visit_place = visit_place


def _told_in_this_sentence(event: Event, out: list[Event]) -> bool:
    """ "The two men met and held meetings": two verbs, one meeting of the same people."""
    for e in out:
        if (
            e.kind == event.kind
            and e.kind in ("meeting", "courtesy_call", "group_meeting")
            and set(e.participants) == set(event.participants)
            and e.groups == event.groups
        ):
            e.date = e.date or event.date
            e.place = e.place or event.place
            return True
    return False


def _told_aside(event: Event, ctx: Context) -> bool:
    return any(_same_side(event, e) for e in ctx.side)


def _keep_schedule(events: list[Event], ctx: Context) -> None:
    """A schedule's items kept aside (their day is the visit's, not one to carry on), an
    item already told ("holding a meeting … with the Foreign Minister") folded into it."""
    for event in events:
        if not merge_duplicate(event, ctx):
            ctx.side.append(event)


def _told_in_person(events: list[Event], ctx: Context) -> list[Event]:
    """First-person events kept: background ones aside, a second telling folded into the
    first ("today we discussed …", later "we also agreed …": one meeting)."""
    out = []
    for event in events:
        if event.background:
            if not any(_same_side(event, e) for e in ctx.side):
                ctx.side.append(event)
        elif not merge_duplicate(event, ctx):
            ctx.events.append(event)
            out.append(event)
    return out


def _read_sentence(
    s: Sentence, cands: list[Candidate], dates: list[DateMention], ctx: Context
) -> list[Event]:
    if ctx.triggers_read >= MAX_TRIGGERS:
        return []
    triggers = find_triggers(s, cands)
    if not triggers:
        return []
    ctx.triggers_read += len(triggers)
    out: list[Event] = []
    topics = []
    for i, trig in enumerate(triggers):
        nxt = triggers[i + 1].start if i + 1 < len(triggers) else s.end
        if trig.kind == "topic":
            topics.append((trig, nxt))
            continue
        if not realised(s.masked, s.start, trig):
            continue
        if trig.style in ("verb", "light") and not actor_left(s.masked, s.start, trig, cands):
            continue
        background = is_background(s, trig)
        if background and trig.kind not in BACKGROUND_KINDS:
            continue
        for event in build_events(s, trig, nxt, cands, dates, ctx):
            if background or event.background:  # a past engagement told in passing
                event.background, event.date = True, None
                ctx.frames[id(event)] = "none"
                if not any(_same_side(event, e) for e in ctx.side):
                    ctx.side.append(event)
                continue
            if merge_duplicate(event, ctx) or _told_in_this_sentence(event, out):
                continue
            ctx.events.append(event)
            out.append(event)
    for trig, nxt in topics:  # after the sentence's own events, which they may belong to
        read_topic(s, trig, nxt, cands, dates, ctx, out)
    return out
