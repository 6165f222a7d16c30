"""A visit's programme told as a list: "The Secretary-General's schedule in the ROK mainly
included attending a working luncheon hosted by X, holding a meeting and a dinner with the
Foreign Minister, laying a wreath at a National Cemetery, …, and holding a press conference
for local and foreign correspondents."

Each item of the list that names an engagement (a meal, a meeting, a roundtable, a press
conference, a wreath laying) is an event of the schedule's owner with the people or group
the item names. A place visited with nobody named ("visiting the truce village") is a sight,
not an engagement. Only a schedule told in the past ("included", "consisted of") is read:
"the schedule will include" is a plan. The items happened during the visit, on a day the
list does not give.
"""

from __future__ import annotations

import re

from natojp_tui.core.dates import DateMention
from natojp_tui.core.events.context import Candidate, Context
from natojp_tui.core.events.sentence import Sentence
from natojp_tui.core.model import Event
from natojp_tui.core.text.patterns import Cues

SCHEDULE_LOOK = Cues(("schedule", "programme", "program", "itinerary"))

# "The Secretary-General's schedule in the ROK mainly included", "His programme consisted of"
_SCHEDULE_RE = re.compile(
    r"(?P<owner>(?:[Tt]he\s)?(?:[A-Z][\w.-]*\s){0,3}[A-Z][\w.-]*['’]s|[Hh]is|[Hh]er)\s"
    r"(?:[\w-]+\s){0,2}?(?:schedule|programme|program|itinerary)\s(?:[\w-]+\s){0,4}?"
    r"(?:included|consisted\sof|featured|comprised)\s"
)

# one item: a gerund, then what it holds
_ITEM_SPLIT_RE = re.compile(r",\s(?:and\s)?|\sand\s(?=[a-z]+ing\s)|;\s")
_ITEM_RE = re.compile(r"(?P<verb>[a-z]+ing)\s(?P<what>.+)", re.S)

# what an item's words make of it, first match wins
ITEM_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("press_conference", re.compile(r"\b(?:press|news)\s(?:conference|briefing)\b")),
    ("ceremony", re.compile(r"\b(?:wreath|ceremony|honou?r\sguard)\b")),
    ("meal", re.compile(r"\b(?:lunch(?:eon)?|dinner|breakfast|banquet|supper|reception)\b")),
    ("meeting", re.compile(r"\b(?:meeting|talks|round-?table|dialogue|consultations?|discussions?)\b")),
)  # fmt: skip

_NOUN_SPLIT_RE = re.compile(r"\sand\s(?:a\s|an\s)?(?=(?:[\w-]+\s)?(?:lunch|dinner|meeting|talks))")
_GROUP_AFTER_RE = re.compile(
    r"\b(?:hosted\sby|organi[sz]ed\sby|with|for)\s(?P<g>(?:the\s)?[A-Za-z][\w'’ -]{2,60}?)\s*$"
)


def read_schedule(
    s: Sentence, cands: list[Candidate], dates: list[DateMention], ctx: Context
) -> list[Event]:
    """The engagements a past schedule list names (see the module docstring)."""
    masked, s0, s1 = s.masked, s.start, s.end
    m = _SCHEDULE_RE.search(masked, s0, s1)
    if m is None:
        return []
    owner = _owner(m, cands, s.paragraph, ctx)
    if owner is None:
        return []
    out: list[Event] = []
    pos = m.end()
    body = masked[pos:s1].rstrip(". ")
    offset = pos
    for part in _ITEM_SPLIT_RE.split(body):
        start = masked.find(part, offset, s1) if part else -1
        offset = start + len(part) if start >= 0 else offset
        item = _ITEM_RE.match(part)
        if item is None or start < 0:
            continue
        for noun_phrase in _NOUN_SPLIT_RE.split(item.group("what")):
            kind = next((k for k, rx in ITEM_KINDS if rx.search(noun_phrase)), None)
            if kind is None:
                continue
            people = [owner]
            people += [
                n for c in cands if c.kind == "person" and start <= c.start < start + len(part)
                for n in c.names if n not in people
            ]  # fmt: skip
            groups: list[str] = []
            tail = _GROUP_AFTER_RE.search(item.group("what"))
            if len(people) == 1 and tail is not None and kind != "ceremony":
                groups = [tail.group("g").removeprefix("the ")]
            if kind == "meeting" and len(people) == 1 and not groups:
                continue  # a meeting with nobody named
            out.append(_item_event(kind, noun_phrase, people, groups, s, ctx))
    return out


def _owner(m: re.Match[str], cands: list[Candidate], paragraph: int, ctx: Context) -> str | None:
    """Whose schedule: the person named or the role given before "'s", or "his" resolved."""
    a, b = m.start("owner"), m.end("owner")
    named = next((c for c in cands if c.kind == "person" and a <= c.start < b), None)
    if named is not None:
        return named.names[0]
    if m.group("owner").lower() in ("his", "her") and ctx.actors:
        return ctx.actors[-1]
    cue = re.sub(r"['’]s$", "", m.group("owner"))
    person = ctx.registry.resolve_at(cue, paragraph, a)  # the holder named last
    return person.name if person is not None else None


def _item_event(
    kind: str,
    phrase: str,
    people: list[str],
    groups: list[str],
    s: Sentence,
    ctx: Context,
) -> Event:
    event = Event(
        kind=kind,
        summary=" ".join(phrase.split()[:6]),
        paragraph=s.paragraph,
        start=s.start,
        end=min(len(s.text), s.end),
        participants=people,
        groups=groups,
        place=ctx.visit_place,
    )
    ctx.frames[id(event)] = "visit"
    return event
