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
"""

from __future__ import annotations

import re

from natojp_tui.core.events.context import Context
from natojp_tui.core.events.mentioned import PLAN_NEAR
from natojp_tui.core.events.places import CITIES
from natojp_tui.core.events.sentence import Sentence
from natojp_tui.core.lexicon.numbers import ORDINAL_WORDS
from natojp_tui.core.model import Event

EXCHANGE_LOOK = ("visits to", "visit to", "onsultation", "Dialogue", "2+2")

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


def read_exchanges(s: Sentence, ctx: Context) -> list[Event]:
    """The earlier exchanges this sentence lists (see the module docstring)."""
    masked, s0, s1 = s.masked, s.start, s.end
    if not s.background or PLAN_NEAR.found(masked[s0:s1]):
        return []
    out: list[Event] = []
    for m in _BY_OFFICE_RE.finditer(masked, s0, s1):
        site = m.group("site")
        for each in _EACH_BY_RE.finditer(m.group("rest")):
            who = each.group("who")
            out.append(_event("visit", f"visit to {site} by {who}", [], site, s, ctx))
    for m in _NUMBERED_RE.finditer(masked, s0, s1):
        series = " ".join(m.group("series").split())
        held = _HELD_IN_RE.match(masked, m.end())
        city = held.group("city") if held and held.group("city") in CITIES else None
        out.append(_event("meeting", f"{m.group('n')} {series}", [series], city, s, ctx))
    return out


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
