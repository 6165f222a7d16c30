"""Engagements a speaker tells in the first person: speeches, press points, transcripts.

In a transcript turn (``MARLES: Well, today I was able to meet with …``) or a speech
printed under its speaker's name ("Joint press point by NATO Secretary General …", "Opening
remarks by the Secretary General"), the narrative is the speaker's own words: "we" and "I"
are the speaker, "you" the people the speech addresses. Each paragraph therefore has a
*floor* (who speaks, whom they address), and first-person sentences tell events:

* **meetings**: "today we discussed …", "Prime Minister X and I agreed …", "I was able to
  meet with X", "in my meeting with him", "to meet you", "this meeting here in …";
* **signings**: "the declaration we have just signed", "a few minutes ago we signed …";
* **background**: "since we last met at NATO Headquarters", "during that visit, we
  concluded …", "when I enjoyed your hospitality in Tokyo last year" (no day);
* **trips recalled**: "I was very glad to go to Japan last year" (the speaker's), "after
  your landmark visit in 2007" (the addressee's): past visits, background, no day.

Plans and hopes ("we will meet", "I look forward to …") tell nothing. An event told in the
first person happens on the day of the speech (the article's date) unless the sentence says
otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from natojp_tui.core.dates import DateMention
from natojp_tui.core.events.context import Candidate, Context, Registry, Trigger
from natojp_tui.core.events.dating import event_date
from natojp_tui.core.events.mentioned import PLAN_NEAR, clause_in_past
from natojp_tui.core.events.participants import GROUP_RE
from natojp_tui.core.events.places import context_place, place_in
from natojp_tui.core.events.sentence import Sentence
from natojp_tui.core.model import Event, turn_label
from natojp_tui.core.text.document import AnalysedArticle

# a line that says the text is someone's speech or a press event's words
SPEECH_LINE_RE = re.compile(
    r"^(?:(?:transcript|video)\s(?:of|:)\s)?(?:(?:[A-Z][\w.-]+\s){0,3}[A-Z][\w.-]+['’]s\s)?"
    r"(?:joint\s)?(?:press\s(?:conference|point|briefing|"
    r"availability|encounter|statements?)|news\sconference|doorstop(?:\sinterview)?|"
    r"(?:television|radio|tv)\sinterview|interview|(?:opening\s)?(?:remarks|statement|address)|"
    r"speech|keynote(?:\saddress|\sspeech)?)\b",
    re.I,
)

# a byline that names an office holder: "by NATO Secretary General Jens Stoltenberg and the
# Prime Minister of Japan, Fumio Kishida" (a journalist's byline holds no office)
_ROLE_BYLINE_RE = re.compile(
    r"^[Bb]y\s(?:the\s)?(?:(?:NATO|[A-Z][a-z]+)\s)?(?:Deputy\s)?(?:Secretary[\s-]General|"
    r"Prime\sMinister|President|(?:Foreign|Defen[cs]e)\sMinister|Minister)\b"
)

# the speaker named after "by" ("… - Opening remarks by the Secretary General")
_BY_RE = re.compile(r"\b[Bb]y\s(?P<who>(?:the\s)?[A-Z][^,;:()]{2,80})")

# "Prime Minister Abe, it is a great honour …", "Thank you, Prime Minister Kristersson,"
_VOCATIVE_RE = re.compile(
    r"^(?:(?:Thank\syou|Thanks|Dear|Welcome),?\s)?(?P<who>[A-Z][\w.’' -]{2,60}?),"
)

_I = r"(?:I|[Ww]e)"
_AUX = r"(?:(?:have|had|also|just|last|first|were|was|able|to|today|both)\s){0,4}"

# first-person engagement cues: (kind, pattern); a pattern's "who" group, where there is
# one, ends at the counterpart named before "and I"
FIRST_PERSON: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("meeting", re.compile(rf"\b{_I}\s{_AUX}(?:met|meet)(?:\swith)?\b")),
    ("meeting", re.compile(r"\bto\smeet\syou\b|\bfor\sme\sto\smeet\b")),
    ("meeting", re.compile(r"\b(?:[Mm]y|[Oo]ur)\s(?:first\s|bilateral\s|good\s)?(?:meeting|talks|discussions?)\b")),
    ("meeting", re.compile(r"\b(?:conduct|hold|have)\sthis\smeeting\b")),
    ("meeting", re.compile(rf"\b{_I}\s{_AUX}(?:discussed|agreed|talked)\b")),
    ("meeting", re.compile(rf"\b{_I},?\s{_AUX}(?:had|held),?\s(?:[\w,+-]+\s){{0,8}}?(?:meetings?|talks|discussions?|consultations?)\b")),
    ("meeting", re.compile(r"\sand\sI\s(?:also\s|have\s|just\s|both\s){0,2}(?:discussed|agreed|talked|met|concluded|held|had)\b")),
    ("signing", re.compile(rf"\b{_I}\s{_AUX}(?:signed|concluded)\b")),
    ("visit", re.compile(r"\b(?:I|we)\senjoyed\s(?:your|the)\s(?:\w+\s)?hospitality\b")),
    ("meeting", re.compile(r"\b[Ww]elcome\s(?:you\s(?:back\s)?(?:here|to)|back\sto)\b")),
    ("meeting", re.compile(r"\b(?:be|being|was|been)\swelcomed\sto\s[A-Z][\w-]+(?:\stoday)?\sby\s(?:my\s(?:colleague|friend|counterpart),?\s)?")),
    ("meeting", re.compile(r"\b(?:great|good|nice|glad|pleased|happy|delighted|wonderful)\sto\s(?:see|meet|welcome)\syou\b")),
    ("summit", re.compile(r"\b(?:[Aa]t|[Dd]uring|[Ss]ince)\sour\s(?:[\w-]+\s){0,2}?[Ss]ummit\b")),
)  # fmt: skip

# a trip the speaker or the addressee made: "I was very glad to go to Japan", "when I
# visited Tokyo", "your landmark visit in 2007", "my visit to Seoul"
_TRIP_RE = re.compile(
    r"\b(?:(?P<i>I)\s(?:was\s(?:very\s|so\s)?(?:glad|happy|pleased|delighted|honou?red)\sto\s)?"
    r"(?:go|went|visit|visited|travell?ed|came|come)\s(?:to\s)?(?=[A-Z])|"
    r"(?P<you>[Yy]ou)\s(?:also\s)?(?:visited|went\sto|travell?ed\sto|came\sto|came\shere)\b\s?(?=[A-Za-z])|"
    r"(?:(?P<my>[Mm]y)|(?P<your>[Yy]our))\s(?:[\w-]+\s){0,2}?(?:visit|trip)\b(?:\s(?:to|in)\s(?=[A-Z]))?)"
)
_TRIP_PLACE_RE = re.compile(r"(?:the\s)?[A-Z][\w'’.-]+(?:\s[A-Z][\w'’.-]+){0,2}")

# a quick look: a sentence without these words tells nothing in the first person
FIRST_PERSON_LOOK = re.compile(
    r"\b(?:I|[Ww]e|[Mm]y|[Oo]ur|[Yy]ou|[Yy]our|to\s(?:see|meet|welcome)\syou|this\smeeting|meet\syou|me\sto\smeet|[Ww]elcome|[Yy]ou\shad)\b"
)

# the past, not the day of the speech: "since we last met", "during that visit"
_PAST_RE = re.compile(
    r"\b(?:last\s(?:met|time|year|month|week)|previous|previously|that\svisit|that\stime|back\sthen|"
    r"earlier\sthis\s(?:year|month)|ago\b(?<!minutes\sago))",
    re.I,
)
# the day of the speech itself: "today", "a few minutes ago", "to meet you", "this meeting here"
_RECENT_RE = re.compile(
    r"\b(?:just|minutes\sago|today|tonight|this\s(?:morning|afternoon|evening|meeting)|here|"
    r"(?:meet|see|welcome)\syou|welcome\sback|have\s(?:just\s)?(?:concluded|had|held))\b",
    re.I,
)
_PRONOUN_OBJECT_RE = re.compile(r"\s(?:with\s)?(?:him|her|you)\b")


@dataclass(frozen=True, slots=True)
class Floor:
    """Who speaks a paragraph in the first person, and whom the speech addresses."""

    speaker: str
    addressees: tuple[str, ...]
    asked: bool = False  # a journalist's question: "you" is the speaker


def find_floors(
    doc: AnalysedArticle, registry: Registry, speakers: Sequence[str | None] | None
) -> list[Floor | None]:
    """Per body paragraph, its floor: the turn's speaker in a transcript (``speakers``
    gives them, "" for a journalist's question, None for no turn), else the speaker of a
    speech the title or an opening line announces; None where the narrative is nobody's
    own words. A question's floor is the one asked ("you had time with X today")."""
    people = [p.name for p in registry.people]
    out: list[Floor | None] = [None] * len(doc.body)
    line, start = _speech_line(doc)
    principals = _named_in(line, people) if line else []
    speech_speaker = _speaker_of(line, registry, principals) if line else None
    vocative = _vocative(doc, registry, start)
    answering = [n for n in speakers or () if n]
    asked = max(set(answering), key=answering.count) if answering else None
    for p in range(len(doc.body)):
        turn = speakers[p] if speakers and p < len(speakers) else None
        if turn == "" and asked is not None:
            out[p] = Floor(asked, (), asked=True)
            continue
        speaker = turn if turn else (speech_speaker if p >= start and turn is None else None)
        if speaker is None or speaker not in people:
            continue
        others = [n for n in principals if n != speaker]
        if turn is not None and speakers:
            others += [n for n in speakers if n and n != speaker and n not in others]
        if not others and vocative and vocative != speaker:
            others = [vocative]
        out[p] = Floor(speaker, tuple(others))
    return out


def _speech_line(doc: AnalysedArticle) -> tuple[str | None, int]:
    """The line announcing a speech (the title, or one of the first body paragraphs) and
    the first paragraph it covers."""
    if SPEECH_LINE_RE.match(doc.title.strip()):
        return doc.title, 0
    for p, t in enumerate(doc.body[:6]):
        if len(t.text) <= 240 and SPEECH_LINE_RE.match(t.text.strip()):
            return t.text, p + 1
    for line in (doc.title, doc.body[0].text[:200] if doc.body else ""):
        if (label := turn_label(line)) and " " in label:
            return line, 0  # "JENS STOLTENBERG, NATO SECRETARY GENERAL:" opens the speech
    if _ROLE_BYLINE_RE.match(doc.title.strip()):
        return (
            doc.title,
            0,
        )  # the page's "Opening remarks" line cut off: "by NATO Secretary General X"
    return None, len(doc.body)


def _named_in(line: str, people: list[str]) -> list[str]:
    found = []
    for name in people:
        m = re.search(rf"\b{re.escape(name.split()[-1])}\b", line)
        if m is not None:
            found.append((m.start(), name))
    return [n for _, n in sorted(found)]


def _speaker_of(line: str, registry: Registry, principals: list[str]) -> str | None:
    label = turn_label(line)
    if label is not None:  # "JENS STOLTENBERG, NATO SECRETARY GENERAL: …": the label speaks
        person = registry.resolve(label.split(",")[0].title())
        if person is not None:
            return person.name
    by = list(_BY_RE.finditer(line))
    if by:
        who = by[-1].group("who")
        named = _named_in(who, principals)
        if named:
            return named[0]
        head = re.split(r"\s(?:and|on|at|to|in)\s", who)[0]
        person = registry.resolve(head.removeprefix("the "))
        if person is not None:
            return person.name
    return principals[0] if principals else None


def _vocative(doc: AnalysedArticle, registry: Registry, start: int) -> str | None:
    for t in doc.body[start : start + 3]:
        text = t.text
        if (label := turn_label(text[:200])) is not None:  # "KOIZUMI …: Richard, I am …"
            text = text[text.find(":", len(label)) + 1 :].lstrip()
        m = _VOCATIVE_RE.match(text)
        if m is not None:
            person = registry.resolve(m.group("who"))
            if person is not None:
                return person.name
    return None


def read_first_person(
    s: Sentence, cands: list[Candidate], dates: list[DateMention], ctx: Context, floor: Floor
) -> list[Event]:
    """Events the speaker tells in this sentence (see the module docstring)."""
    masked, s0, s1 = s.masked, s.start, s.end
    if floor.asked:
        return _asked(s, cands, dates, ctx, floor)
    out: list[Event] = []
    for kind, pattern in FIRST_PERSON:
        for m in pattern.finditer(masked, s0, s1):
            if "~" in m.group(0) or _planned(masked, s0, m.start(), m.end()):
                continue
            # "our Summit" is the speaker's organisation's: the speaker was there
            counterparts = [] if kind == "summit" else _counterparts(masked, m, cands, floor, s1)
            groups = _groups_met(masked, m.end(), s1) if not counterparts else []
            if not counterparts and not groups and kind != "summit":
                continue
            people = [floor.speaker, *(n for n in counterparts if n != floor.speaker)]
            past = _PAST_RE.search(masked, max(s0, m.start() - 60), min(s1, m.end() + 40))
            recent = _RECENT_RE.search(masked, max(s0, m.start() - 40), min(s1, m.end() + 40))
            background = past is not None or (
                recent is None and (kind == "summit" or clause_in_past(s, m.start(), m.end()))
            )  # "At our Summit in Madrid, Allies decided …": a summit recalled
            trig = Trigger(kind, m.start(), m.end(), m.group(0), "first_person")
            event = _event(
                kind, people, groups, s, trig, dates, ctx, background, recent is not None
            )
            out.append(event)
            break  # one event per cue kind and sentence
    out += _recalled_trips(s, ctx, floor)
    return out


def on_the_speech_day(events: list[Event], s: Sentence, ctx: Context) -> None:
    """Events a speaker tells in passing with no day of their own ("you are here,
    participating in the NATO Summit") are the speech's when the sentence is about now."""
    if ctx.published is None or _RECENT_RE.search(s.masked, s.start, s.end) is None:
        return
    for e in events:
        if e.date is None and not e.background:
            e.date = ctx.published
            ctx.frames[id(e)] = "own"


def _recalled_trips(s: Sentence, ctx: Context, floor: Floor) -> list[Event]:
    """Past trips of the speaker ("I was glad to go to Japan last year") or of the one
    addressed ("after your landmark visit in 2007"): background visits with no day. A trip
    with no cue of the past is today's visit, told elsewhere."""
    masked, s0, s1 = s.masked, s.start, s.end
    for m in _TRIP_RE.finditer(masked, s0, s1):
        clause = max(s0, masked.rfind(",", s0, m.start()) + 1)  # "you will …, after your visit"
        if "~" in m.group(0) or _planned(masked, clause, m.start(), m.end()):
            continue
        if not clause_in_past(s, m.start(), m.end()):
            continue
        if m.group("your") or m.group("you"):
            if len(floor.addressees) != 1:
                continue  # "your visit" to a room of people: whose is unknown
            who = floor.addressees[0]
        else:
            who = floor.speaker
        place_m = _TRIP_PLACE_RE.match(masked, m.end())
        place = place_m.group(0).removeprefix("the ") if place_m and m.group(0)[-1] == " " else None
        event = Event(
            kind="visit",
            summary=f"visit to {place}" if place else "visit",
            paragraph=s.paragraph,
            start=s.start,
            end=min(len(s.text), s.end),
            participants=[who],
            place=place,
            background=True,
        )
        ctx.frames[id(event)] = "none"
        return [event]
    return []


# "You had time with the Indo Pacific Four and time with President X today": each "time
# with" after "you had" is a meeting of the one asked
_YOU_HAD_RE = re.compile(r"\b[Yy]ou\s(?:also\s|just\s)?(?:had|spent)\s(?:some\s)?time\swith\b")
_TIME_WITH_RE = re.compile(
    r"\btime\swith\s(?P<who>(?:the\s)?[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*){0,4})"
)


def _asked(
    s: Sentence, cands: list[Candidate], dates: list[DateMention], ctx: Context, floor: Floor
) -> list[Event]:
    masked, s0, s1 = s.masked, s.start, s.end
    you = _YOU_HAD_RE.search(masked, s0, s1)
    if you is None:
        return []
    out = []
    for m in _TIME_WITH_RE.finditer(masked, you.start(), s1):
        person = next(
            (
                c
                for c in cands
                if c.kind == "person" and m.start("who") <= c.start < m.end("who") + 1
            ),
            None,
        )
        people = [
            floor.speaker,
            *(n for n in (person.names if person else ()) if n != floor.speaker),
        ]
        groups = [] if person else [m.group("who").removeprefix("the ")]
        trig = Trigger("meeting", m.start(), m.end(), m.group(0), "first_person")
        recent = _RECENT_RE.search(masked, m.start(), s1) is not None
        out.append(_event("meeting", people, groups, s, trig, dates, ctx, False, recent))
    return out


def _planned(masked: str, s0: int, a: int, b: int) -> bool:
    left = masked[max(s0, a - 40) : a]
    if re.search(
        r"\b(?:look(?:ing)?\sforward|hope|intend\w*|would\slike|could|can|let\sus|let['’]s)\b", left
    ):
        return True
    return PLAN_NEAR.found(left)


def _counterparts(
    masked: str, m: re.Match[str], cands: list[Candidate], floor: Floor, s1: int
) -> list[str]:
    """Whom the speaker met: "X and I", a person right after the verb, else the addressees."""
    if m.group(0).startswith(" and I"):
        before = [c for c in cands if c.kind == "person" and c.end <= m.start() + 1]
        if before and m.start() - before[-1].end <= 2:
            return list(before[-1].names)
    after = [c for c in cands if c.kind == "person" and m.end() <= c.start <= m.end() + 60]
    if after and re.fullmatch(
        r"[\s,]*(?:with\s)?(?:the\s)?(?:[A-Z][\w.’'-]*\s)*", masked[m.end() : after[0].start]
    ):
        return list(after[0].names)
    if _PRONOUN_OBJECT_RE.match(masked, m.end()):
        earlier = [c for c in cands if c.kind == "person" and c.end <= m.start()]
        named = [n for c in earlier for n in c.names if n != floor.speaker]
        if named and not masked[m.end() : m.end() + 5].strip().startswith("you"):
            return [named[-1]]
    if _groups_met(masked, m.end(), s1):
        return []
    return list(floor.addressees)


def _groups_met(masked: str, pos: int, s1: int) -> list[str]:
    """ "to meet the representatives of the parties": a group named right after the verb."""
    m = re.match(r"\s(?:with\s)?(?P<g>the\s(?:[\w-]+\s){0,2}?(?:representatives|members|leaders|heads)\s"
                 r"of\s[^.,;]{3,80})", masked[pos:s1])  # fmt: skip
    if m is None or GROUP_RE.search(m.group("g")) is None:
        return []
    return [m.group("g").removeprefix("the ").strip()]


def _event(
    kind: str,
    people: list[str],
    groups: list[str],
    s: Sentence,
    trig: Trigger,
    dates: list[DateMention],
    ctx: Context,
    background: bool,
    today: bool,
) -> Event:
    if background:
        day, frame = None, "none"
    else:
        day, frame = event_date(s, trig, dates, ctx, set(people))
        if day is None and today and ctx.published is not None:
            day, frame = ctx.published, "own"  # the day of the speech
    place = place_in(s.masked, s.start, s.end, trig) or (
        None if background else context_place(frame, ctx)
    )
    summary = kind if kind != "summit" else trig.text.split("our ", 1)[-1]
    event = Event(
        kind=kind,
        summary=summary,
        paragraph=s.paragraph,
        start=s.start,
        end=min(len(s.text), s.end),
        participants=people,
        groups=groups,
        place=place,
        date=day,
        background=background,
    )
    ctx.frames[id(event)] = frame
    return event
