"""Earlier high-level exchanges a readout lists in passing: "visits to NATO by the Japanese
Prime Minister in January, and by the Defence Minister in May, and the 7th Japan-NATO
High-level Consultations held in Tokyo in March".

Each is a background event (it happened before the news; its day is not known to the day):

* **visits by an office**: "visits to NATO by the Prime Minister in January": the visitor
  is the office as written (the holder then may not be the one the text names), so the
  event has no participant, only the place and the office in its summary;
* **numbered meetings**: "the 7th Japan-NATO High-level Consultations held in Tokyo in
  March", "the Fourth Japan-Australia 2+2": a meeting series' session, recorded with the
  series as the group met.

Only what the sentence puts in the past (another month or year) is read: "the 8th
consultations will be held" is a plan, and this month's session is the news itself.

A named session said to be **held** is read whatever its time: "On December 1, the 17th
Japan-NATO High-Level Consultations were held in Tokyo" (the news, on its day; "The
Japanese delegation was headed by X" then names its people), "the Quad Leaders' Summit,
held three weeks earlier in Tokyo" (background).
"""

from __future__ import annotations

import re

from natojp_tui.core.events.context import Candidate, Context
from natojp_tui.core.events.mentioned import PLAN_NEAR, clause_in_past
from natojp_tui.core.events.places import CITIES
from natojp_tui.core.events.sentence import Sentence
from natojp_tui.core.lexicon.numbers import ORDINAL_WORDS
from natojp_tui.core.model import Event
from natojp_tui.core.text.patterns import Cues

EXCHANGE_LOOK = Cues(("visits to", "visit to", "onsultation", "Dialogue", "2+2", " held"))

_BY_OFFICE_RE = re.compile(
    r"\bvisits?\sto\s(?P<site>NATO|[A-Z][\w-]+(?:\s[A-Z][\w-]+)?)\s"
    r"(?P<rest>by\s(?:the\s)?[A-Z][^;.]{3,200})"
)
_EACH_BY_RE = re.compile(
    r"\bby\s(?P<who>(?:the\s)?(?:[A-Z][\w-]*\s){1,4}?(?:Minister|Secretary(?:\sGeneral)?|"
    r"President|Chair(?:man)?|Chief|Commander|Speaker|Ambassador))\s"
    r"(?P<when>in\s(?:early\s|late\s)?[A-Z][a-z]+(?:\s(?:19|20)\d\d)?|last\s[a-z]+|in\s(?:19|20)\d\d)"
)
_ORDINAL = r"\d{1,2}(?:st|nd|rd|th)|" + "|".join(w.capitalize() for w in ORDINAL_WORDS)
_NUMBERED_RE = re.compile(
    rf"\b(?:the\s)?(?P<n>{_ORDINAL})\s(?P<series>(?:[A-Z][\w-]*\s){{1,6}}?"
    r"(?:Consultations?|Dialogue|Talks|Meeting|Summit)|(?:[A-Z][\w-]*\s){1,3}2\+2(?:\sMeeting)?)"
)
_HELD_IN_RE = re.compile(r"\s(?:held\s)?in\s(?P<city>[A-Z][\w-]+)")
_HELD_SESSION_RE = re.compile(
    rf"\b(?:(?P<n>{_ORDINAL})\s)?(?P<series>(?:[A-Z][\w'’+-]*\s){{1,6}}?"
    r"(?:Consultations?|Dialogue|Talks|Meeting|Summit|Conference|Forum)|"
    r"(?:[A-Z][\w-]*\s){1,3}2\+2(?:\sMeeting)?),?\s(?:(?:which\s)?(?:was|were)\s)?held"
    r"(?=\s(?:on|in|at|from|over|between|last|earlier|virtually|online|\w+\s(?:weeks|days|months)\s))"
)  # "held on 10-12 June", not "…, held a meeting with" (the verb of the sentence)
_EARLIER_RE = re.compile(r"\b(?:earlier|ago|previously|before)\b")


def read_exchanges(s: Sentence, ctx: Context) -> list[Event]:
    """The earlier exchanges this sentence lists (see the module docstring)."""
    masked, s0, s1 = s.masked, s.start, s.end
    if PLAN_NEAR.found(masked[s0:s1]):
        return []
    held = _held_sessions(s, ctx)
    if not s.background:
        return held
    out: list[Event] = []
    for m in _BY_OFFICE_RE.finditer(masked, s0, s1):
        site = m.group("site")
        for each in _EACH_BY_RE.finditer(m.group("rest")):
            who = each.group("who")
            out.append(_event("visit", f"visit to {site} by {who}", [], site, s, ctx))
    for m in _NUMBERED_RE.finditer(masked, s0, s1):
        series = " ".join(m.group("series").split())
        if any(series in g for e in held for g in e.groups):
            continue  # told as a session held
        where = _HELD_IN_RE.match(masked, m.end())
        city = where.group("city") if where and where.group("city") in CITIES else None
        out.append(_event("meeting", f"{m.group('n')} {series}", [series], city, s, ctx))
    return out + held


def _held_sessions(s: Sentence, ctx: Context) -> list[Event]:
    """ "the Shangri-La Dialogue, held on 10-12 June in Singapore", "the Quad Leaders' Summit,
    held three weeks earlier in Tokyo": a named session said to have been held, on its day
    when the clause gives one that is not past, else in the background."""
    masked, s0, s1 = s.masked, s.start, s.end
    out: list[Event] = []
    if masked.find("held", s0, s1) < 0:
        return out
    told_here = any((e.paragraph, e.start) == (s.paragraph, s0) for e in ctx.events[-8:])
    for m in _HELD_SESSION_RE.finditer(masked, s0, s1):
        series = " ".join(m.group("series").split())
        if series.split()[0] in ("The", "This", "That", "Their", "Our", "A") or told_here:
            continue
        end = masked.find(",", m.end(), s1)
        end = s1 if end < 0 else end
        background = clause_in_past(s, m.start(), m.end()) or (
            _EARLIER_RE.search(masked, m.end(), end) is not None
        )
        held = _HELD_IN_RE.search(masked, m.end() - 5, end)
        city = held.group("city") if held and held.group("city") in CITIES else None
        n = m.group("n")
        event = _event(
            "summit" if series.endswith("Summit") else "meeting",
            f"{n} {series}" if n else series, [series], city, s, ctx,
        )  # fmt: skip
        if not background:
            day = next((d for d in s.dates if m.end() <= d.start < end), None)
            if day is None and len(s.dates) == 1 and s.dates[0].start < m.start():
                day = s.dates[0]  # "On December 1, the 17th … Consultations were held"
            event.background = False
            event.date = day.resolve(ctx.published) if day is not None else None
            ctx.frames[id(event)] = "own" if event.date else "none"
        out.append(event)
    return out


_HEADED_BY_RE = re.compile(r"\bdelegations?\s(?:was|were|is|are)\s(?:headed|led)\sby\s")


def add_delegation_heads(s: Sentence, cands: list[Candidate], ctx: Context) -> None:
    """ "The Japanese delegation was headed by Mr. YAMADA Shigeo, …, and the NATO delegation
    was headed by Ms. X": the heads are the people of the session just told."""
    masked, s0, s1 = s.masked, s.start, s.end
    heads = [
        n for m in _HEADED_BY_RE.finditer(masked, s0, s1)
        for c in cands
        if c.kind == "person" and m.end() <= c.start <= m.end() + 12
        for n in c.names
    ]  # fmt: skip
    if not heads:
        return
    session = next(
        (e for e in reversed([*ctx.events[-8:], *ctx.side[-8:]])
         if e.kind in ("meeting", "summit") and e.groups and not e.background
         and e.paragraph >= s.paragraph - 1),
        None,
    )  # fmt: skip
    if session is not None:
        session.participants += [n for n in heads if n not in session.participants]


def _event(
    kind: str, summary: str, groups: list[str], place: str | None, s: Sentence, ctx: Context
) -> Event:
    event = Event(
        kind=kind,
        summary=summary,
        paragraph=s.paragraph,
        start=s.start,
        end=min(len(s.text), s.end),
        participants=[],
        groups=groups,
        place=place,
        background=True,
    )
    ctx.frames[id(event)] = "none"
    return event
