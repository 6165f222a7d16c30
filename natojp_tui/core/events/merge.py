"""A second telling of an event folds into the first, and "discussed X" becomes a topic of
the meeting it belongs to."""

from __future__ import annotations

import re

from natojp_tui.core.dates import (
    DateMention,
)
from natojp_tui.core.events.build import object_region
from natojp_tui.core.events.context import LOOKBACK, Candidate, Context, Trigger
from natojp_tui.core.events.participants import people_of, subject_names
from natojp_tui.core.events.places import place_in
from natojp_tui.core.events.sentence import Sentence
from natojp_tui.core.events.summary import capitalise, clip
from natojp_tui.core.model import Event

_TOPIC_END_RE = re.compile(
    r"[;:.]|,\s(?:and\s)?(?:the|he|she|they|as|while|which|where|in\sparticular)\b|\s(?:with|and\s(?:agreed|confirmed|reaffirmed|shared))\b"
)


_MAX_TOPICS = 2


def read_topic(
    s: Sentence,
    trig: Trigger,
    limit: int,
    cands: list[Candidate],
    dates: list[DateMention],
    ctx: Context,
    out: list[Event],
) -> None:
    """ "discussed North Korea": add the topic to the meeting it belongs to."""
    p, masked, s0, s1 = s.paragraph, s.masked, s.start, s.end
    subjects = set(subject_names(cands, trig.start, s0, ctx))
    r0, r1 = object_region(masked, trig, limit, cands)
    subjects |= {n for c in cands if r0 <= c.start < r1 and c.kind == "person" for n in c.names}
    end = _TOPIC_END_RE.search(masked, trig.end, min(s1, trig.end + 200))
    topic = masked[trig.end : end.start() if end else min(s1, trig.end + 120)]
    topic = re.sub(r"^\s*(?:on|about|regarding)\s", " ", topic).strip(" ,.~")
    if not topic or "~" in topic:
        return
    day = None
    if dates:
        day = dates[0].resolve(ctx.last_date)
    for e in reversed(ctx.events[-LOOKBACK:]):
        if e.kind in ("visit", "address"):
            continue
        people = set(people_of(e, ctx))
        if len(subjects) and not subjects <= people:
            continue
        if day is not None and e.date is not None and e.date != day:
            continue
        n = ctx.topics.get(id(e), 0)
        if n < _MAX_TOPICS:
            verb = "discussed"  # "exchanged views on X" reads as "discussed X" too
            e.summary = clip(f"{e.summary}; {verb} {topic}")
            ctx.topics[id(e)] = n + 1
        return
    if len(subjects) >= 2 and day is not None:
        event = Event(
            kind="meeting",
            summary=clip(capitalise(f"{trig.text} {topic}")),
            paragraph=p,
            start=s0,
            end=s1,
            participants=sorted(subjects, key=lambda n: (n not in ctx.actors[-1:], n)),
            place=place_in(masked, s0, s1, trig),
            date=day,
        )
        ctx.frames[id(event)] = "own"
        ctx.events.append(event)
        out.append(event)


_SAME_KINDS = {"courtesy_call": "meeting", "group_meeting": "meeting"}


def merge_duplicate(event: Event, ctx: Context) -> bool:
    """Fold a second telling of an event already extracted ("In the meeting with X,
    ...") into the first: same kind, same people, compatible day."""
    key = _SAME_KINDS.get(event.kind, event.kind)
    people = set(event.participants)
    for e in reversed(ctx.events[-LOOKBACK:]):
        if _SAME_KINDS.get(e.kind, e.kind) != key:
            continue
        # a signing told again with the counterpart named ("A signed the agreement with
        # New Zealand", then "as he and B signed") is the same signing
        wider = key == "signing" and set(e.participants) < people and not e.groups
        # the principals again, after officials were added to the meeting ("… attended
        # the series of events"): the same meeting
        fewer = key == "meeting" and len(people) >= 2 and people < set(e.participants)
        if set(e.participants) != people and not wider and not fewer:
            continue
        if set(e.groups) != set(event.groups) or e.background != event.background:
            continue
        if e.date is not None and event.date is not None and e.date != event.date:
            continue
        if e.kind == "signing" and not _same_document(e.summary, event.summary):
            continue
        if e.kind in ("visit", "address") and e.summary != event.summary:
            continue
        if (e.paragraph, e.start) == (event.paragraph, event.start):
            return False
        if wider:
            e.participants = [
                *e.participants,
                *(n for n in event.participants if n not in e.participants),
            ]
        e.date = e.date or event.date
        e.time = e.time or event.time
        e.duration = e.duration or event.duration
        e.place = e.place or event.place
        return True
    return False


def _same_document(a: str, b: str) -> bool:
    wa = {w.lower() for w in re.findall(r"[A-Za-z]{4,}", a)} - {"signed", "with"}
    wb = {w.lower() for w in re.findall(r"[A-Za-z]{4,}", b)} - {"signed", "with"}
    return not wa or not wb or len(wa & wb) >= min(len(wa), len(wb)) / 2
