"""Building events from a trigger: its counterparts (people and groups met), kind, place,
date and clock time, one event per counterpart unless the text says it was joint."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from natojp_tui.core.dates import (
    DateMention,
)
from natojp_tui.core.events.context import MAX_WINDOW, Candidate, Context, Trigger
from natojp_tui.core.events.dating import event_date
from natojp_tui.core.events.participants import (
    GROUP_RE,
    companions,
    has_subject_before,
    people_in,
    previous_people,
    subject_group,
    subject_names,
)
from natojp_tui.core.events.places import (
    AT_SITE_RE,
    CITIES,
    SITE_HEAD_RE,
    clean_site,
    context_place,
    place_in,
    site_object,
)
from natojp_tui.core.events.sentence import YEAR_RE, Sentence
from natojp_tui.core.events.summary import summarise
from natojp_tui.core.events.triggers import is_background
from natojp_tui.core.lexicon.datelines import WIRE_DATELINE_RE
from natojp_tui.core.model import Event
from natojp_tui.core.people.names import org_of

_HOST_RE = re.compile(r"\s(?:the\s)?(?P<host>[A-Z][\w'’.-]+(?:\s[A-Z][\w'’.-]+)?)")


_JOINED_BY_RE = re.compile(r"\b(?:attended|joined|accompanied)\sby\s")


_MEAL_IN_REGION_RE = re.compile(
    r"\b(?:for|over)\s(?:a\s|an\s)?(?:[\w-]+\s)?(?:lunch(?:eon)?|dinner|breakfast|banquet|supper)\b",
    re.I,
)


_OBJECT_END_RE = re.compile(
    r"[;:]|\s[-–—]\s|,\s(?:[\w'’-]+\s){0,4}?(?:said|says|told|added|reported)\b|"
    r"\sand\s(?:is|was|are|were|will|would|has|have|had|then|also|later|[a-z]+ed)\b|\b(?:who|whom|which|whose|where|while|said|says|stressed|noted|because|"
    r"during|following|after|before|to\sdiscuss|to\sexchange|discussing|in\sorder|as\spart)\b"
)


_REMOTE_FRAME_RE = re.compile(
    r"\b(?:by|via|over)\s(?:the\s)?(?:video(?:\slink|conference)?|(?:tele)?phone)\b|\bvirtually\b",
    re.I,
)


_JOINT_RE = re.compile(
    r"\b(?:trilateral|joint|jointly|together|quadrilateral|2\+2|four-way|three-way)\b", re.I
)


_REMOTE_RE = re.compile(r"\b(?:tele)?phone|video|virtual|online\b", re.I)


_ATTEND_RE = r"(?:attended|joined|chaired|co-chaired|took\spart\sin|participated\sin)\b"


def object_region(
    masked: str, trig: Trigger, limit: int, cands: list[Candidate]
) -> tuple[int, int]:
    end = min(limit, trig.end + MAX_WINDOW)
    m = _OBJECT_END_RE.search(masked, trig.end, end)
    if m is not None:
        end = m.start()
    for c in cands:
        if (
            trig.end <= c.start < end
            and c.subject
            and (c.kind != "person" or not c.linked)
            and (c.kind != "person" or not _object_status_prev(masked, trig.end, c.start))
        ):
            end = c.start
            break
    return trig.end, end


def _object_status_prev(masked: str, a: int, b: int) -> bool:
    """A subject-looking person right after the trigger ("met Kishida") is its object."""
    return _OBJECT_LEAD_RE.fullmatch(masked, a, b) is not None


# between a verb and its object: titles, capitalised or as wire stories write them
# ("met with Philippine defense secretary Gilberto Teodoro")
_OBJECT_LEAD_RE = re.compile(
    r"[\s,]*(?:with\s)?(?:the\s|his\s|her\s)?(?:[A-Z][\w'’.-]*\s|of\s|(?:defen[cs]e|foreign|prime|"
    r"deputy|vice|chief|minister|secretary|counterpart|president|ambassador|envoy)\s)*"
)


def build_events(
    s: Sentence,
    trig: Trigger,
    limit: int,
    cands: list[Candidate],
    dates: list[DateMention],
    ctx: Context,
) -> list[Event]:
    """The events one trigger of the sentence tells (one per counterpart met)."""
    p, text, masked, s0, s1 = s.paragraph, s.text, s.masked, s.start, s.end
    r0, r1 = object_region(masked, trig, limit, cands)
    objects = [c for c in cands if r0 <= c.start < r1 and c.kind == "person"]
    if trig.style == "frame2":  # "exchanged views with X over a working lunch": X came before
        objects = [c for c in cands if s0 <= c.start < trig.start and c.kind == "person"]
        objects = [c for c in objects if not c.subject]
    own_subject = has_subject_before(cands, trig.start)
    if trig.style == "passive":
        subjects = tuple(n for c in objects for n in c.names)
        objects = []
        if not subjects:
            subjects = (
                subject_names(cands, trig.start, s0, ctx) if own_subject else previous_people(ctx)
            )
    elif own_subject:
        head = WIRE_DATELINE_RE.sub("", masked[s0 : trig.start], count=1).strip(" ,")
        leaders = _leaders_of(head, ctx)  # "The leaders of Japan, … and New Zealand met"
        subjects = leaders or subject_names(cands, trig.start, s0, ctx)
    else:
        group = subject_group(masked, s0, trig.start)
        fronted = trig.style == "frame" or (
            trig.style == "verb" and trig.text.lower().startswith(_FRONTED_PARTICIPLES)
        )  # "After speaking with X at NATO headquarters, Y said …": Y spoke with X
        after = _subject_after_frame(masked, trig, r1, cands) if fronted else ()
        leaders = _leaders_of(group, ctx) if group else ()
        if leaders:
            subjects = leaders  # "The top diplomats of South Korea and Japan held talks"
        else:
            subjects = (group,) if group else after or subject_names(cands, trig.start, s0, ctx)
        own_subject = group is not None or bool(after)
    if own_subject and trig.style in ("verb", "light"):
        subjects = (
            *subjects,
            *(n for n in companions(masked, cands, s0, trig.start) if n not in subjects),
        )
    kind = trig.kind
    if kind in ("meeting", "courtesy_call") and _MEAL_IN_REGION_RE.search(masked, r0, r1):
        kind = "meal"  # "sat down with X for a working breakfast"
    place = None
    past_trip = False
    if kind == "visit":
        site = site_object(masked, r0, r1)
        if site is None and not is_background(s, trig):
            return []  # a country or city: the visit itself, not an event within it
        if site is None:  # "Last year, X visited New Zealand": a past trip, told in passing
            past_trip = True
            host = _HOST_RE.match(masked, r0)
            site = host.group("host") if host else ""
            objects = [c for c in objects if masked[c.end : c.end + 2] not in ("'s", "’s")]
        at_site = AT_SITE_RE.search(masked, r0, r1)
        cleaned = clean_site(at_site.group("site")) if at_site else None
        object_is_site = SITE_HEAD_RE.search(site) is not None
        place = cleaned if cleaned and cleaned not in CITIES and not object_is_site else site
        place = place if place or not past_trip else None
    groups = _groups(masked, r0, r1, objects)
    attended = trig.style == "light" and re.match(_ATTEND_RE, trig.text, re.I) is not None
    real_groups = [g for g in groups if "counterpart" not in g]
    if kind == "meeting" and real_groups and not objects and trig.style != "passive":
        kind = "meeting" if attended else "group_meeting"
    group_subject = own_subject and bool(subjects) and not people_in(subjects, ctx)
    no_counterpart = not objects and not groups and len(subjects) < 2 and not group_subject
    if kind in ("meeting", "courtesy_call", "group_meeting") and no_counterpart and not attended:
        return []
    clock = s.clock
    joined = _JOINED_BY_RE.search(masked, trig.end, min(s1, trig.end + MAX_WINDOW))
    if joined is not None:  # "..., which was also attended by Foreign Minister Iwaya"
        extra = [c for c in cands if joined.end() <= c.start < joined.end() + 80]
        objects = objects + [c for c in extra if c.kind == "person" and c not in objects]
    people = {*subjects, *(n for c in objects for n in c.names)}
    when, frame = event_date(s, trig, dates, ctx, people)
    old = when is not None and ctx.published is not None and (ctx.published - when).days > 45
    remote = (
        bool(_REMOTE_RE.search(trig.text)) or _REMOTE_FRAME_RE.search(masked, r0, r1) is not None
    )
    if (
        place is None
        and ctx.events
        and re.search(r",\swhere\s(?:\w+\s){0,2}$", masked[s0 : trig.start])
    ):
        last = ctx.events[-1]
        if (last.paragraph, last.start) == (p, s0):
            place = last.place  # "visited the Academy, where he addressed the cadets"
    if place is None:
        w0, w1 = max(s0, trig.start - MAX_WINDOW), min(s1, trig.end + MAX_WINDOW)
        place = place_in(masked, r0, r1, trig) or place_in(masked, w0, w1, trig)
    if place is None and not remote:
        place = context_place(frame, ctx)
    if kind == "visit":
        groups = [g for g in groups if g not in (place or "")]
        purpose = _TO_MEET_RE.search(masked, trig.end, min(s1, trig.end + MAX_WINDOW))
        if purpose is not None:  # "visited South Korea in 2024 to meet President X"
            objects = objects + [
                c for c in cands
                if c.kind == "person" and purpose.end() <= c.start < purpose.end() + 80
                and c not in objects and masked[c.end : c.end + 2] not in ("'s", "’s")
            ]  # fmt: skip
    units = _split_units(limit, kind, objects, groups, masked, s0, s1, trig)
    events: list[Event] = []
    known = set(people_in([*subjects, *(n for c in objects for n in c.names)], ctx))
    for unit_people, unit_groups, obj_text in units:
        participants = _unique([n for n in [*subjects, *unit_people] if n in known])
        groups_met = _unique([*(n for n in subjects if n not in known), *unit_groups])
        if trig.style == "frame2" and len(participants) > 1:
            obj_text = "with " + " and ".join(participants[1:])
        if (
            not participants
            and not groups_met
            and kind not in ("signing", "visit", "address", "meal")
        ):
            continue
        alone = len(participants) < 2 and not groups_met and set(participants) <= set(subjects)
        if alone and unit_people and kind in ("meeting", "courtesy_call", "group_meeting"):
            continue  # the subject again, after a comma: nobody met
        if "~" in obj_text:  # a quoted name ("signed an “individual partnership …”")
            at = masked.find(obj_text, trig.end)
            obj_text = text[at : at + len(obj_text)] if at >= 0 else obj_text.replace("~", "")
        summary = summarise(trig, masked, obj_text, kind)
        events.append(
            Event(
                kind=kind,
                summary=summary,
                paragraph=p,
                start=s0,
                end=_sentence_end(text, s1),
                participants=participants,
                groups=groups_met,
                place=place,
                date=None if old else when,
                background=old,  # an old event recalled: told, but its day is not this story's
                time=clock.time,
                duration=clock.duration,
                note=clock.note,
            )
        )
    if kind == "visit" and events and site and not past_trip:
        events += _second_site(masked, r0, r1, site, events[0])
    for e in events:
        ctx.frames[id(e)] = "none" if old else frame
    return events


def _second_site(masked: str, r0: int, r1: int, site: str, first: Event) -> list[Event]:
    """ "visited HMAS Stirling and RAAF Base Pearce": the second site is a visit too."""
    at = masked.find(site, r0, r1)
    m = re.match(r"\sand\s", masked[at + len(site) : r1]) if at >= 0 else None
    if m is None:
        return []
    second = site_object(masked, at + len(site) + m.end() - 1, r1)
    if second is None or not second[:1].isupper():
        return []
    return [replace(first, place=second, summary=f"visited {second}")]


_LEADERS_OF_RE = re.compile(
    r"^(?:[Tt]he\s)?(?:top\s)?(?:leaders|diplomats|heads\sof\s(?:state|government)|"
    r"(?:foreign|defen[cs]e)\s(?:ministers|chiefs))"
    r"\sof\s(?P<countries>.+)$"
)


def _leaders_of(group: str, ctx: Context) -> tuple[str, ...]:
    """*The leaders of Japan, South Korea and New Zealand met …*: the people of the
    article holding an office of those countries (none unless two or more are known)."""
    m = _LEADERS_OF_RE.match(group)
    if m is None:
        return ()
    names = re.split(r",\s(?:and\s)?|\sand\s", m.group("countries"))
    countries = {org_of(n.strip()) for n in names} - {None}
    if countries & {"South Korea", "Korea"}:
        countries.add("Republic of Korea")  # the name its adjective gives ("South Korean")
    people = tuple(
        p.name for p in ctx.registry.people if any(r.organisation in countries for r in p.roles)
    )
    return people if len(people) >= 2 else ()


_TO_MEET_RE = re.compile(r"\bto\s(?:meet|see|hold\stalks\swith)\s")


_FRONTED_PARTICIPLES = ("meeting", "speaking", "talking")


def _subject_after_frame(
    masked: str, trig: Trigger, r1: int, cands: list[Candidate]
) -> tuple[str, ...]:
    """ "In a speech to ambassadors from the member states, Abe said": a frame opening the
    sentence is done by the subject after its comma."""
    comma = masked.find(", ", trig.end, r1 + 200)
    if comma < 0:
        return ()
    for c in cands:
        if c.start > comma and c.kind == "person" and c.subject:
            return c.names if c.start - comma <= 40 else ()
    return ()


def _sentence_end(text: str, s1: int) -> int:
    return min(len(text), s1)


def _unique(items: Sequence[str]) -> list[str]:
    out: list[str] = []
    for it in items:
        if it and it not in out:
            out.append(it)
    return out


_NOT_A_GROUP_START = re.compile(
    r"\s*(?:in|at|for|during|after|before|by|from|since|over|about|into|under)\b"
)
_APPOSITIVE_GAP_RE = re.compile(r",\s(?:[A-Z][\w'’.-]*\s){0,3}")


def _groups(masked: str, r0: int, r1: int, objects: list[Candidate]) -> list[str]:
    """Groups met, as written: conjuncts of the object region that name no person."""
    region = masked[r0:r1]
    out: list[str] = []
    pos = 0
    for part in re.split(r",\s(?:and\s)?|\sand\s", region):
        a = region.find(part, pos)
        pos = a + len(part)
        if any(r0 + a <= c.start < r0 + a + len(part) for c in objects):
            continue
        after = r0 + a + len(part)
        if any(
            c.start >= after and _APPOSITIVE_GAP_RE.fullmatch(masked, after, c.start)
            for c in objects
        ):
            continue  # "the Chief of Staff of the Joint Staff, General Yoshida": a title
        g = GROUP_RE.search(part)
        if g is None or "~" in part:
            continue
        phrase = part.rsplit(" with ", 1)[-1] if g.start() > part.rfind(" with ") else part
        phrase = re.sub(r"^\s*(?:with|to|on|of|from)\s", "", phrase)
        if _NOT_A_GROUP_START.match(phrase):
            continue  # "in person at the leaders' summit": a circumstance, not a group
        head = GROUP_RE.search(phrase)
        cut = re.compile(r"\s(?:in|at|on|to|during|for|from|about|over)\s|\s\(").search(
            phrase, head.end() if head else 0
        )
        if cut is not None:
            phrase = phrase[: cut.start()]
        phrase = re.sub(r"^(?:the|a|an)\s", "", phrase.strip(" ,.")).strip()
        if phrase and len(phrase) <= 90 and not YEAR_RE.fullmatch(phrase):
            out.append(phrase)
    return out


def _split_units(
    limit: int,
    kind: str,
    objects: list[Candidate],
    groups: list[str],
    masked: str,
    s0: int,
    s1: int,
    trig: Trigger,
) -> list[tuple[list[str], list[str], str]]:
    """One event per counterpart for meetings ("held talks with A, B and met C"), unless
    the text says it was one joint meeting; one event otherwise."""
    obj_people = [n for c in objects for n in c.names]
    joint = _JOINT_RE.search(masked, s0, s1) is not None
    joint = joint or re.search(r",?\sincluding\s", masked[trig.end : s1]) is not None
    if (
        kind in ("meeting", "courtesy_call", "group_meeting")
        and not joint
        and (len(objects) + len(groups) > 1)
    ):
        units: list[tuple[list[str], list[str], str]] = []
        seen: set[tuple[str, ...]] = set()
        for c in objects:
            if c.names in seen:
                continue  # "the Prime Minister of Japan, Fumio Kishida": one person
            seen.add(c.names)
            units.append((list(c.names), [], masked[c.start : c.end]))
        for g in groups:
            units.append(([], [g], g))
        # the conjunct as written, with the title before a name: "Defence Minister Itsunori Onodera"
        lead = re.match(r"\s*(with|on|to)\s", masked[trig.end : trig.end + 8])
        prefix = f"{lead.group(1)} " if lead else ""
        return [(ppl, grp, prefix + _with_title(masked, obj, trig.end)) for ppl, grp, obj in units]
    text = masked[trig.end : object_region(masked, trig, limit, [])[1]]
    return [(obj_people, groups, text)]


def _with_title(masked: str, written: str, after: int) -> str:
    i = masked.find(written, after)
    if i < 0:
        return written
    j = i
    while j > after:
        k = masked.rfind(" ", after, j - 1)
        word = masked[k + 1 : j - 1] if k >= 0 else ""
        if word and (word[:1].isupper() or word in ("of",)) and not word.endswith(","):
            j = k + 1
        else:
            break
    return masked[j : i + len(written)]
