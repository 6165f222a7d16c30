"""Engagements real wire stories and readouts tell without an event verb of their own.

Read per sentence after the trigger pass (``extract``), each rule either completes an
event already told (same people, compatible day: it adds the duration, place or day)
or tells a new one:

* **outcome verbs** of two people together: "A and B agreed on Monday that …", "A
  agreed with B in a telephone conversation" (each speaking separately is no meeting);
* **meetings named in passing**: "after their talks at NATO headquarters", "In A's
  first meeting with B since …", "During their 20-minute talks in New York", "In his
  meeting with B", "their previous meeting in Madrid last June" (background);
* **joint press events**: "told a joint news conference", "a joint press occasion":
  both sides of the talks they follow;
* **attendance** of a summit or ministerial meeting ("who is visiting Lithuania to
  attend the NATO Summit", "recalled his attendance at a NATO summit in Madrid").

Plans ("will meet", "ahead of their meeting next week") are never events.
"""

from __future__ import annotations

import re
from datetime import date

from natojp_tui.core.dates import DateMention
from natojp_tui.core.events.context import LOOKBACK, Candidate, Context, Registry, Trigger
from natojp_tui.core.events.dating import event_date, start_time
from natojp_tui.core.events.participants import people_of, resolve_pronoun, subject_names
from natojp_tui.core.events.places import CITIES, SITE_HEAD_RE, city_in, context_place, place_in
from natojp_tui.core.events.sentence import Sentence
from natojp_tui.core.lexicon.places import COUNTRY_PHRASES, COUNTRY_WORDS
from natojp_tui.core.model import Event
from natojp_tui.core.text.document import AnalysedArticle
from natojp_tui.core.text.patterns import Caseless, Cued

_MEETING_KINDS = frozenset({"meeting", "courtesy_call", "group_meeting", "summit"})
# what two people agreeing or "their talks" can belong to (a signing is also their meeting)
_TOLD_KINDS = _MEETING_KINDS | {"signing", "meal"}
PLAN_NEAR = Caseless(
    r"\b(?:will|would|shall|plans?|planned|planning|expected|scheduled|set\sto|due\sto|"
    r"upcoming|next|ahead\sof|hopes?|looks?\sforward|cancel\w*|postpone\w*|seek\w*|"
    r"arrang\w*|propos\w+|invit\w+|to\shold|agreed\sto\shold|no|not|never)\b"
)
_PAST_MODS = re.compile(r"\b(?:previous|last|earlier|former|past|prior)\b|\b(?:19|20)\d\d\b", re.I)
MENTION_LOOK = Caseless(
    r"agreed|affirmed|pledged|vowed|confirmed|concurred|discussed|hailed|spoke|talked|"
    r"talks|meeting|summit|call|conversation|joint|attend|participat|t(?:ook|ake|aking)\spart|followed\sby|"
    r"sidelines|margins|visit\s(?:to|by)|trip\sto|series\sof|for\shosting|welcom|alongside"
)

# --- outcome verbs ------------------------------------------------------------------------

_OUTCOME_RE = Cued(
    re.compile(
        r"\b(?:agreed|affirmed|reaffirmed|pledged|vowed|confirmed|concurred|discussed|hailed|"
        r"shared\s(?:the|their)\s(?:view|understanding|recognition)|exchanged\s(?:views|opinions)|"
        r"spoke|talked|condemned)\b"
    ),
    (
        "agreed",
        "affirmed",
        "pledged",
        "vowed",
        "confirmed",
        "concurred",
        "discussed",
        "hailed",
        "shared",
        "exchanged",
        "spoke",
        "talked",
        "condemned",
    ),
)
_GAP_OK = re.compile(
    r"[\s,]*(?:(?:also|jointly|both|together|today|yesterday|have|had|on|in|at|"
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|morning|afternoon|evening|[A-Z][a-z]+|"
    r"\d{1,2}|,)\s*){0,5}"
)
_WITH_PERSON_RE = re.compile(r"\s(?:with|to)\s")
_IN_THE_MEETING_RE = re.compile(r"\s*(?:During|In|At)\sthe\s(?:meeting|talks)\b")
_REMOTE = re.compile(r"\b(?:tele)?phone|video|virtual|online\b", re.I)

# --- meetings named in passing ------------------------------------------------------------

_NOMINAL_RE = Cued(
    re.compile(
        r"\b(?P<det>[Tt]heir|[Hh]is|[Hh]er|(?P<owner>[A-Z][\w-]+)['’]s|"
        r"[Tt]he(?=\s(?:latest|recent|last|first|second|third)\s(?:[\w-]+\s)?(?:talks|meeting|summit)\swith\b)|"
        r"(?<=[Dd]uring\s)the(?=\s(?:talks|meeting)\swith\b))\s"
        r"(?P<mods>(?:[\w-]+\s){0,3}?)"
        r"(?P<noun>talks|meeting|summit|(?:(?:tele)?phone|video)\s(?:call|talks?|conversation)|"
        r"call|conversation|encounter)\b"
    ),
    ("talk", "meeting", "summit", "call", "conversation", "encounter"),
)
_MINUTES_RE = re.compile(r"\b(\d{1,3})-minute\b")

# --- joint press events -------------------------------------------------------------------

_JOINT_PRESS_RE = re.compile(
    r"\bjoint\s(?:press|news)\s(?:conference|event|point|occasion|announcement|availability|"
    r"briefing|encounter)s?\b|\b(?:speaking|standing|appearing)\salongside\b",
    re.I,
)  # "Speaking alongside Prime Minister X, Y said": before the press, side by side

# --- attendance ---------------------------------------------------------------------------

_ATTEND_RE = Cued(
    re.compile(
        r"\b(?P<verb>attend(?:ed|ing|s)?|attendance\s(?:at|of)|participat(?:ed|ing|ion)\sin|"
        r"(?:took|taking|take)\spart\sin)\s(?:the\s|a\s|an\s|this\syear['’]s\s|last\syear['’]s\s)?"
        r"(?P<name>(?:[\w'’.-]+\s){0,5}?(?:[Ss]ummit|[Mm]inisterial(?:\s[Mm]eeting)?|[Cc]eremony|"
        r"(?:Security|Defen[cs]e)\s(?:Conference|Forum|Dialogue)|Shangri-La\sDialogue))\b"
    ),
    ("attend", "participat", "part"),
)
_FRONTED_PARTICIPLE_RE = re.compile(r"\s*[A-Z][a-z]+ing\s[^,;]{0,160},")
_HIS_TRIP_RE = re.compile(r"\b(?:his|her|their)\s(?:[\w-]+\s){0,2}?(?:visit|trip)\b")
# the day and hour of the thing attended: "…, which took place on May 9 from 9:30 am"
_TOOK_PLACE_RE = re.compile(r",?\s(?:which|that)\s(?:took\splace|was\sheld)\b")


def read_mentions(
    s: Sentence, cands: list[Candidate], dates: list[DateMention], ctx: Context, new: list[Event]
) -> list[Event]:
    """Events this sentence tells in passing (see the module docstring); events already
    told are completed instead of told twice."""
    out: list[Event] = []
    rules = (
        _coordinated, _outcomes, _nominal, _joint_press, _attendance, _followed_by, _sidelines,
        _past_visit, _site_visit, _thanked_for_hosting, _welcomed_to, _present_throughout,
    )  # fmt: skip
    for rule in rules:
        for event in rule(s, cands, dates, ctx, [*new, *out]):
            if event.background or ctx.frames.get(id(event)) == "visit":
                ctx.side.append(event)  # nothing told later takes its day or place
                continue
            ctx.events.append(event)
            out.append(event)
    return out


def _planned(masked: str, s0: int, a: int, b: int) -> bool:
    left = masked[max(s0, a - 60) : a]
    return PLAN_NEAR.found(left) or PLAN_NEAR.found(masked, b, b + 40)


def _known(ctx: Context) -> set[str]:
    return {p.name for p in ctx.registry.people}


def _same_people(e: Event, people: set[str]) -> bool:
    return bool(people) and people <= set(e.participants)


def _existing(
    ctx: Context, people: set[str], day: date | None, kinds: frozenset[str], background: bool
) -> Event | None:
    """The event already told with these people (a day that does not contradict)."""
    pool = ctx.side if background else ctx.events
    for e in reversed(pool[-LOOKBACK:]):
        if e.kind not in kinds or e.background != background:
            continue
        if not _same_people(e, people):
            continue
        if day is not None and e.date is not None and e.date != day:
            continue
        return e
    return None


def _unnamed_counterpart(ctx: Context, people: set[str]) -> Event | None:
    """ "Suh held talks with a top NATO official …", then "During the meeting with Adm. Rob
    Bauer, Suh …": the meeting told with its counterpart unnamed, who is now named."""
    for e in reversed(ctx.events[-LOOKBACK:]):
        if e.kind not in _MEETING_KINDS or e.background or not e.groups:
            continue
        if len(e.participants) == 1 and e.participants[0] in people and len(people) == 2:
            e.participants += sorted(people - set(e.participants))
            e.groups = [g for g in e.groups if not _UNNAMED_ONE_RE.search(g)]
            return e
    return None


_UNNAMED_ONE_RE = re.compile(r"\b(?:official|officer|envoy|representative|delegate|chief)$")


def _complete(e: Event, day: date | None, place: str | None, duration: int | None) -> None:
    if e.date is None and day is not None and not e.background:
        e.date = day
    if e.place is None and place:
        e.place = place
    if e.duration is None and duration:
        e.duration = duration


_FRONTED_RE = re.compile(
    r"\s*(?:(?:In|As|During|At|From|Back|Years|Decades|Then|Last|Earlier|Previously|Formerly)\b|"
    r"\w+\s(?:years|months|weeks|decades)\sago\b)"
)
_OTHER_TIME_RE = re.compile(r"\bsince\b|\b(?:after|following|than)\sthe\s(?:one|first|last)\b")


def clause_in_past(s: Sentence, a: int, b: int) -> bool:
    """A cue of the past ("last June", "in 2019") in the mention's clause."""
    masked, s0, s1 = s.masked, s.start, s.end
    end = masked.find(",", b, s1)
    end = s1 if end < 0 else end
    since = _OTHER_TIME_RE.search(masked[b:end])  # "since 2019", "after the one in 2013"
    if since is not None:
        end = b + since.start()
    start = masked.rfind(",", s0, a) + 1 or s0
    if start > s0 and masked.find(",", s0, start - 1) < 0 and _FRONTED_RE.match(masked, s0):
        start = s0  # "In 1999, she made another visit to …": the opening phrase dates it
    return any(start <= c < end for c in s.background)


def _new_event(
    kind: str,
    people: list[str],
    s: Sentence,
    trig: Trigger,
    dates: list[DateMention],
    ctx: Context,
    background: bool,
    summary: str,
) -> Event:
    p, text, masked, s0, s1 = s.paragraph, s.text, s.masked, s.start, s.end
    clock = s.clock
    if background:
        day, frame = None, "none"
    else:
        day, frame = event_date(s, trig, dates, ctx, set(people))
    place = place_in(masked, s0, s1, trig)
    if place is None and not _REMOTE.search(masked, s0, s1):
        place = context_place(frame, ctx)
    event = Event(
        kind=kind,
        summary=summary,
        paragraph=p,
        start=s0,
        end=min(len(text), s1),
        participants=people,
        place=place,
        date=day,
        time=None if background else clock.time,
        duration=clock.duration,
        note=None if background else clock.note,
        background=background,
    )
    ctx.frames[id(event)] = frame
    return event


def _subject_people(cands: list[Candidate], pos: int, s0: int, ctx: Context) -> list[str]:
    known = _known(ctx)
    return [n for n in subject_names(cands, pos, s0, ctx) if n in known]


_COORDINATED_RE = re.compile(
    r"\b(?P<first>press\s(?:occasion|conference|announcement|point)|news\sconference|meeting|talks)"
    r"\sand\s(?:a\s)?"
    r"(?P<noun>meeting|talks|(?:working\s)?(?:lunch(?:eon)?|dinner|breakfast))\s(?:with|between)\b",
    re.I,
)


def _coordinated(
    s: Sentence,
    cands: list[Candidate],
    dates: list[DateMention],
    ctx: Context,
    told: list[Event],
) -> list[Event]:
    """ "held a joint press occasion and meeting with X": the second noun is an event too,
    with the same people and day."""
    m = _COORDINATED_RE.search(s.masked, s.start, s.end)
    if m is None:
        return []
    press = not m.group("first").lower().startswith(("meeting", "talks"))
    first = next(
        (e for e in told if (e.kind == "press_conference") == press and e.kind != "meal"), None
    )  # "a joint press occasion and meeting with X", "a meeting and dinner with X"
    if first is None:
        return []
    noun = m.group("noun").lower()
    kind = "meeting" if noun in ("meeting", "talks") else "meal"
    event = Event(
        kind=kind,
        summary=noun,
        paragraph=first.paragraph,
        start=first.start,
        end=first.end,
        participants=list(first.participants),
        groups=list(first.groups),
        place=first.place,
        date=first.date,
    )
    ctx.frames[id(event)] = ctx.frames.get(id(first), "own")
    return [event]


def _outcomes(
    s: Sentence,
    cands: list[Candidate],
    dates: list[DateMention],
    ctx: Context,
    told: list[Event],
) -> list[Event]:
    masked, s0, s1 = s.masked, s.start, s.end
    out: list[Event] = []
    for m in _OUTCOME_RE.finditer(masked, s0, s1):
        # only the words before the verb can make it a plan: what follows is what was
        # agreed or discussed ("discussed the planned expansion of ISAF")
        if (
            PLAN_NEAR.found(masked[max(s0, m.start() - 60) : m.start()])
            or masked[m.start() - 1 : m.start()] == "~"
        ):
            continue
        before = [c for c in cands if c.end <= m.start() and c.start >= s0]
        if not before:
            continue
        last = before[-1]
        if _GAP_OK.fullmatch(masked, last.end, m.start()) is None:
            continue
        people = set()
        explicit = False
        if last.kind == "person" and last.subject and last.linked:
            people = set(subject_names(cands, m.start(), s0, ctx)) & _known(ctx)
            explicit = True
        elif last.kind == "plural":
            people = set(resolve_pronoun(last, ctx))
        if len(people) < 2 and last.kind == "person" and last.subject:
            after = _WITH_PERSON_RE.match(masked, m.end())
            if after is not None:
                partner = next(
                    (c for c in cands if c.kind == "person" and c.start - after.end() <= 24
                     and c.start >= after.end()),
                    None,
                )  # fmt: skip
                if partner is not None and masked[partner.end : partner.end + 2] not in (
                    "'s",
                    "’s",
                ):
                    people = {*last.names, *partner.names} & _known(ctx)
                    explicit = True
        if len(people) < 2:
            continue
        trig = Trigger("meeting", m.start(), m.end(), m.group(0), "outcome")
        background = clause_in_past(s, m.start(), m.end())
        found = _existing(ctx, people, None, _TOLD_KINDS, background)
        if found is not None and found.kind == "signing" and _IN_THE_MEETING_RE.match(masked, s0):
            # "During the meeting, A and B discussed …" after their signing: the meeting
            # the signing was part of, on its day and at its place (two linked events)
            if _existing(ctx, people, found.date, _MEETING_KINDS, background) is None:
                event = _new_event(
                    "meeting", sorted(people), s, trig, dates, ctx, background, "meeting"
                )
                event.date = event.date or found.date
                event.place = event.place or found.place
                ctx.frames[id(event)] = ctx.frames.get(id(found), "seq")
                out.append(event)
            break
        if found is not None:
            day = None  # a day the sentence gives (and on a trip, event_date drops the lead day)
            if not background and (dates or ctx.on_a_trip):
                day, _ = event_date(s, trig, dates, ctx, people)
            _complete(found, day if dates else None, place_in(masked, s0, s1, trig), None)
            continue
        if not explicit:
            continue  # "they agreed" with nothing told yet: who "they" are is a guess
        remote = _REMOTE.search(masked, s0, s1) is not None
        ordered = [n for n in subject_names(cands, m.start(), s0, ctx) if n in people]
        ordered += sorted(people - set(ordered))
        event = _new_event(
            "meeting", ordered, s, trig, dates, ctx, background,
            "telephone call" if remote else "meeting",
        )  # fmt: skip
        out.append(event)
        break  # one sentence, one such meeting
    return out


def _nominal(
    s: Sentence,
    cands: list[Candidate],
    dates: list[DateMention],
    ctx: Context,
    told: list[Event],
) -> list[Event]:
    masked, s0, s1 = s.masked, s.start, s.end
    out: list[Event] = []
    known = _known(ctx)
    for m in _NOMINAL_RE.finditer(masked, s0, s1):
        if _planned(masked, s0, m.start(), m.end()):
            continue
        people: set[str] = set()
        det = m.group("det").lower()
        fronted = _fronted_subject(s, m, cands, ctx) if not m.group("owner") else ()
        if fronted:  # "Before his meeting with X, Y visited …": "his" is Y
            people |= set(fronted)
        elif m.group("owner"):
            owner = next((c for c in cands if c.start <= m.start() < c.end + 2), None)
            if owner is None or owner.kind != "person":
                continue
            people |= set(owner.names)
        elif det == "their":
            pair = next((c for c in cands if c.kind == "plural"), None)
            people |= set(resolve_pronoun(pair, ctx)) if pair else set()
            if len(people) < 2:
                for e in reversed(ctx.events[-LOOKBACK:]):
                    if len(people_of(e, ctx)) >= 2:
                        people = set(people_of(e, ctx))
                        break
        else:
            pron = next((c for c in cands if c.start == m.start()), None)
            if pron is not None:
                people |= set(resolve_pronoun(pron, ctx))
            if not people:
                people |= set(_subject_people(cands, m.start(), s0, ctx)[:1])
        after = masked[m.end() : m.end() + 6]
        if after.startswith(" with"):
            partner = next(
                (c for c in cands if c.kind == "person" and m.end() < c.start <= m.end() + 60),
                None,
            )
            if partner is not None:
                people |= set(partner.names)
        people &= known
        if len(people) < 2:
            continue
        mods = m.group("mods") or ""
        minutes = _MINUTES_RE.search(mods)
        duration = int(minutes.group(1)) if minutes else None
        place = city_in(masked, m.end(), min(s1, m.end() + 40))
        past = _PAST_MODS.search(mods) is not None
        background = past or clause_in_past(s, m.start(), m.end())
        trig = Trigger("meeting", m.start(), m.end(), m.group(0), "mention")
        # "his meeting with X" is a meeting even where a signing with X was told: two
        # linked events, the signing done during the meeting
        found = _existing(ctx, people, None, _MEETING_KINDS | {"meal"}, background)
        if found is None and not background:
            found = _unnamed_counterpart(ctx, people)
        if found is not None:
            own_day = [d for d in dates if m.start() <= d.start < m.end()]
            day = own_day[0].resolve(ctx.last_date) if own_day else None
            _complete(found, day, place, duration)
            continue
        remote = "call" in m.group("noun") or "phone" in m.group("noun")
        event = _new_event(
            "meeting", sorted(people), s, trig, dates, ctx, background,
            "telephone call" if remote else "meeting",
        )  # fmt: skip
        if duration:
            event.duration = duration
        if place:
            event.place = place
        signed = _existing(ctx, people, None, frozenset({"signing"}), background)
        if event.date is None and signed is not None and signed.date is not None:
            event.date, event.place = signed.date, event.place or signed.place  # its day
            ctx.frames[id(event)] = "seq"
        out.append(event)
    return out


_FRONTED_OPENING_RE = re.compile(
    r"\s*(?:[Bb]efore|[Aa]fter|[Dd]uring|[Ff]ollowing|[Pp]rior\sto|[Aa]head\sof|[Ii]n|[Aa]t)\s$"
)


def _fronted_subject(
    s: Sentence, m: re.Match[str], cands: list[Candidate], ctx: Context
) -> tuple[str, ...]:
    """The subject after the comma of a fronted phrase holding the nominal ("During their
    talks in Oslo, A, together with B, said …" → A and B)."""
    if _FRONTED_OPENING_RE.fullmatch(s.masked, s.start, m.start()) is None:
        return ()
    comma = s.masked.find(", ", m.end(), s.end)
    if comma < 0:
        return ()
    after = [c for c in cands if c.start > comma and c.kind == "person"]
    if not after or after[0].start - comma > 60:
        return ()
    verb = re.search(
        r"\s(?:[a-z]+ed|said|met|held|told|spoke|paid|gave|made)\b", s.masked[after[0].end : s.end]
    )
    pos = after[0].end + (verb.start() if verb else 0)
    group = [n for c in after if c.start < pos for n in c.names]
    return tuple(n for n in dict.fromkeys(group) if n in _known(ctx))


def _joint_press(
    s: Sentence,
    cands: list[Candidate],
    dates: list[DateMention],
    ctx: Context,
    told: list[Event],
) -> list[Event]:
    masked, s0, s1 = s.masked, s.start, s.end
    m = _JOINT_PRESS_RE.search(masked, s0, s1)
    if m is None or _planned(masked, s0, m.start(), m.end()):
        return []
    known = _known(ctx)
    people = {n for c in cands if c.kind == "person" for n in c.names} & known
    people |= set(_subject_people(cands, m.start(), s0, ctx))
    for e in reversed(ctx.events[-LOOKBACK:]):  # the talks it follows: both sides
        if len(people) >= 2:
            break  # "X told a joint news conference with Y": the sentence names them
        pair = len(people_of(e, ctx)) >= 2 and (not people or people & set(e.participants))
        if e.kind in _MEETING_KINDS and not e.background and pair:
            people |= set(people_of(e, ctx))
            break
    if len(people) == 1:  # "joint": the other side is the last other person told of
        other = next((n for n in reversed(ctx.actors) if n not in people and n in known), None)
        if other is not None:
            people.add(other)
    if len(people) < 2:
        return []
    for e in reversed([*told, *ctx.events[-LOOKBACK:]]):
        if e.kind == "press_conference" and people & set(e.participants):
            e.participants = [*e.participants, *sorted(people - set(e.participants))]
            return []
    trig = Trigger("press_conference", m.start(), m.end(), m.group(0), "mention")
    ordered = [n for n in _subject_people(cands, m.start(), s0, ctx) if n in people]
    ordered += sorted(people - set(ordered))
    summary = "joint press conference"
    return [_new_event("press_conference", ordered, s, trig, dates, ctx, False, summary)]


def _took_place(s: Sentence, event: Event, at: int, dates: list[DateMention], ctx: Context) -> None:
    """The day and start time a "which took place on …" clause gives the thing attended."""
    own = [d for d in dates if d.start >= at]
    day = own[0].resolve(ctx.last_date) if own else None
    event.date = day
    event.time = start_time(s) if day else None
    ctx.frames[id(event)] = "own" if day else "none"


def _attendance(
    s: Sentence,
    cands: list[Candidate],
    dates: list[DateMention],
    ctx: Context,
    told: list[Event],
) -> list[Event]:
    masked, s0, s1 = s.masked, s.start, s.end
    out: list[Event] = []
    for m in _ATTEND_RE.finditer(masked, s0, s1):
        if "~" in m.group(0) or PLAN_NEAR.found(masked, max(s0, m.start() - 30), m.start()):
            continue
        purpose = masked[max(s0, m.start() - 3) : m.start()] == "to "
        near = [c for c in cands if c.kind == "person" and s0 <= c.end <= m.start()]
        owner_trip = bool(near) and _HIS_TRIP_RE.search(masked, near[-1].end, m.start()) is not None
        people = (
            list(near[-1].names)
            if near and not (purpose and owner_trip)
            else _subject_people(cands, m.start(), s0, ctx)  # "… his visit to Russia to attend"
        )
        fronted = _FRONTED_PARTICIPLE_RE.match(masked, s0, s1)
        if fronted is not None and not near and m.end() < fronted.end():
            # "Mentioning his attendance at a NATO summit last June, President Yoon …":
            # the participle's subject is the main clause's
            after = [c for c in cands if c.kind == "person" and c.start >= fronted.end()]
            people = list(after[0].names) if after else people
        people = [n for n in people if n in _known(ctx)]
        name = re.sub(r"^(?:the|a|an)\s", "", m.group("name"))
        if not people or any(name.lower() in e.summary.lower() for e in told):
            continue  # nobody, or the sentence told it already ("a trilateral summit with X")
        kind = "ceremony" if name.lower().endswith("ceremony") else "summit"
        background = clause_in_past(s, m.start(), m.end())
        took_place = _TOOK_PLACE_RE.search(masked, m.end(), s1)
        before = [*ctx.events, *ctx.side]
        same = [
            e
            for e in before
            if e.kind == kind
            and e.background == background
            and set(people[:1]) <= set(e.participants)
        ]  # fmt: skip  (a summit recalled, "the first leader to attend … in June 2022", is another)
        if same:
            if took_place is not None and not background and same[0].date is None:
                _took_place(s, same[0], took_place.start(), dates, ctx)  # its day told now
            continue
        trig = Trigger(kind, m.start(), m.end(), m.group(0), "mention")
        plural = any(c.kind == "plural" and c.subject for c in cands if s0 <= c.end <= m.start())
        who = people if plural and not near else people[:1]  # "The two leaders attended …"
        event = _new_event(kind, who, s, trig, dates, ctx, background, name)
        if purpose and took_place is not None and not background:
            # "… to take part in the ceremony …, which took place on May 9 from 9:30 am"
            _took_place(s, event, took_place.start(), dates, ctx)
        elif purpose:  # "visiting Lithuania to attend the NATO Summit": its days are not told
            event.date, event.time, event.duration, event.note = None, None, None, None
            ctx.frames[id(event)] = "visit"
        event.place = city_in(masked, m.end(), min(s1, m.end() + 40)) or (
            None if purpose else event.place
        )
        out.append(event)
    return out


# --- a meal the meeting was followed by; a summit met on the sidelines of ------------------

_FOLLOWED_BY_RE = re.compile(
    r"\b(?:was|were)\s(?:then\s)?followed\sby\s(?:a|an|the)\s(?:[\w-]+\s){0,2}?"
    r"(?P<noun>lunch(?:eon)?|dinner|banquet|breakfast|supper)\b",
    re.I,
)
_SIDELINES_RE = re.compile(
    r"\bon\sthe\s(?:sidelines|margins?)\sof\s(?:a|an|the|this\syear['’]s)\s"
    r"(?P<name>(?:[\w'’.-]+\s){0,6}?(?:[Ss]ummit|Dialogue|Forum|Security\sConference|"
    r"General\sAssembly))\b"
)


def _followed_by(
    s: Sentence,
    cands: list[Candidate],
    dates: list[DateMention],
    ctx: Context,
    told: list[Event],
) -> list[Event]:
    """ "The meeting was followed by the dinner A hosted for B": a meal, with the people
    it names or those of the meeting just told, on its day."""
    if s.masked.find("followed by", s.start, s.end) < 0:
        return []
    m = _FOLLOWED_BY_RE.search(s.masked, s.start, s.end)
    if m is None or _planned(s.masked, s.start, m.start(), m.end()):
        return []
    known = _known(ctx)
    people = [n for c in cands if c.kind == "person" and c.start > m.start() for n in c.names]
    people = [n for n in dict.fromkeys(people) if n in known]
    last = next((e for e in reversed(ctx.events[-LOOKBACK:]) if e.kind in _MEETING_KINDS), None)
    if len(people) < 2 and last is not None:
        people = people_of(last, ctx)
    if len(people) < 2:
        return []
    trig = Trigger("meal", m.start(), m.end(), m.group(0), "mention")
    event = _new_event("meal", people, s, trig, dates, ctx, False, m.group("noun").lower())
    if event.date is None and last is not None:
        event.date, event.place = last.date, event.place or last.place
        ctx.frames[id(event)] = "seq"
    if start_time(s) is None or (last is not None and event.time == last.time):
        event.time = event.duration = None  # an end ("until 8:15pm") or the meeting's clock
    return [event]


def _sidelines(
    s: Sentence,
    cands: list[Candidate],
    dates: list[DateMention],
    ctx: Context,
    told: list[Event],
) -> list[Event]:
    """ "The two leaders met on the sidelines of a NATO summit": both attended it."""
    if s.masked.find("on the ", s.start, s.end) < 0:
        return []
    m = _SIDELINES_RE.search(s.masked, s.start, s.end)
    if m is None or "~" in m.group(0) or _planned(s.masked, s.start, m.start(), m.end()):
        return []
    here = [e for e in ctx.side if (e.paragraph, e.start) == (s.paragraph, s.start)]
    meeting = next((e for e in reversed([*here, *told]) if e.kind in _MEETING_KINDS), None)
    if meeting is None:  # (a past meeting this sentence told is kept aside: "last met on …")
        meeting = next(
            (e for e in reversed(ctx.events[-LOOKBACK:]) if e.kind in _MEETING_KINDS), None
        )
    if meeting is None or len(people_of(meeting, ctx)) < 2:
        return []
    people = people_of(meeting, ctx)
    if any(
        e.kind == "summit" and set(people) <= set(e.participants) for e in [*ctx.events, *ctx.side]
    ):
        return []
    name = re.sub(r"^(?:the|a|an)\s", "", m.group("name"))
    trig = Trigger("summit", m.start(), m.end(), m.group(0), "mention")
    event = _new_event("summit", people, s, trig, dates, ctx, meeting.background, name)
    event.date, event.time, event.duration, event.note = meeting.date, None, None, None
    ctx.frames[id(event)] = ctx.frames.get(id(meeting), "none")
    return [event]


# --- officials present throughout ------------------------------------------------------------

_THROUGHOUT_RE = re.compile(
    r"\b(?:attended|joined|were\spresent\sat|sat\sin\son)\s(?:all\s)?the\s(?:whole\s)?"
    r"series\sof\s(?:events|meetings|engagements)\b"
)


def _present_throughout(
    s: Sentence,
    cands: list[Candidate],
    dates: list[DateMention],
    ctx: Context,
    told: list[Event],
) -> list[Event]:
    """ "Mr. A, Minister for Foreign Affairs and Mr. B, Minister of Defense attended the
    series of events": A and B were at the meetings and meals of the day told so far."""
    if s.masked.find("series of", s.start, s.end) < 0:
        return []
    m = _THROUGHOUT_RE.search(s.masked, s.start, s.end)
    if m is None:
        return []
    known = _known(ctx)
    who = [n for c in cands if c.kind == "person" and c.end <= m.start() for n in c.names]
    who = [n for n in dict.fromkeys(who) if n in known]
    day = next((e.date for e in reversed(ctx.events[-LOOKBACK:]) if e.date), None)
    for e in ctx.events[-LOOKBACK:]:
        if e.kind in ("meeting", "courtesy_call", "summit", "meal") and e.date == day:
            e.participants = [*e.participants, *(n for n in who if n not in e.participants)]
    return []


# --- a past trip named in passing ----------------------------------------------------------

_PAST_VISIT_RE = re.compile(
    r"\b(?:(?P<owner>[A-Z][\w-]+)['’]s|(?P<after>after\s)?(?:[Hh]is|[Hh]er|a|another|their))\s"
    r"(?:[\w-]+\s){0,2}?(?:visit|trip)\sto\s(?P<host>(?:the\s)?[A-Z][\w'’.-]+(?:\s[A-Z][\w'’.-]+)?)"
)
_EARLIER_THIS_RE = re.compile(r"\s(?:earlier|late|early)\s(?:this|last)\s(?:week|month|year)\b")
_DURING_WHICH_RE = re.compile(r"\s(?:during|in\sthe\scourse\sof)\swhich\b")


def _past_visit(
    s: Sentence,
    cands: list[Candidate],
    dates: list[DateMention],
    ctx: Context,
    told: list[Event],
) -> list[Event]:
    """ "Abbott's visit to Japan earlier this month, during which he and Abe announced …",
    "arrived in Wellington after a visit to Australia": a past trip to a country or city,
    background with no day; who else took part when the text says so."""
    masked, s0, s1 = s.masked, s.start, s.end
    out: list[Event] = []
    if masked.find("visit to", s0, s1) < 0 and masked.find("trip to", s0, s1) < 0:
        return out
    known = _known(ctx)
    for m in _PAST_VISIT_RE.finditer(masked, s0, s1):
        host = m.group("host").removeprefix("the ").rstrip(".,")
        words = host.split()
        if words[0] == "NATO":  # "Won's visit to the NATO committee in Brussels": its city
            city = city_in(masked, m.end(), min(s1, m.end() + 50))
            if city is None:
                continue
            host, words = city, [city]
        if not (host in COUNTRY_PHRASES or words[0] in COUNTRY_WORDS or words[0] in CITIES):
            continue
        if _planned(masked, s0, m.start(), m.end()):
            continue
        past = (
            m.group("after") is not None
            or _EARLIER_THIS_RE.match(masked, m.end()) is not None
            or clause_in_past(s, m.start(), m.end())
        )
        if not past:
            continue
        if m.group("owner"):
            owner = next((c for c in cands if c.start <= m.start() < c.end + 2), None)
            people = list(owner.names) if owner is not None and owner.kind == "person" else []
        else:
            people = list(_subject_people(cands, m.start(), s0, ctx))
        people = [n for n in people if n in known]
        if not people:
            continue
        during = _DURING_WHICH_RE.search(masked, m.end(), min(s1, m.end() + 40))
        if during is not None:
            people += [
                n for c in cands if c.kind == "person" and c.start > during.end()
                for n in c.names if n in known and n not in people
            ]  # fmt: skip
        trig = Trigger("visit", m.start(), m.end(), m.group(0), "mention")
        event = _new_event("visit", people, s, trig, dates, ctx, True, f"visit to {host}")
        event.place = host.split()[0] if host.split()[0] in CITIES else host
        out.append(event)
    return out


_SITE_VISIT_RE = re.compile(
    r"\b(?:(?P<owner>[A-Z][\w-]+)['’]s\s(?:[\w-]+\s){0,2}?visit|"
    r"(?:a|an|the|his|her)\s(?:[\w-]+\s){0,2}?visit\sby\s(?P<by>(?:[A-Z][\w'’.-]*\s){1,6}?))"
    r"\s?to\s(?P<site>(?:the\s)?(?:NATO|[Tt]he\salliance['’]s|[A-Z][\w'’.-]*)(?:\s[A-Z]?[\w'’.-]+){0,3})"
)


def _site_visit(
    s: Sentence,
    cands: list[Candidate],
    dates: list[DateMention],
    ctx: Context,
    told: list[Event],
) -> list[Event]:
    """ "During a visit by Prime Minister X to NATO headquarters, …", "X's visit to the
    air base": a visit to a site (not a country or city: that is the trip) told in
    passing, on the sentence's day; its host is the one holder of an office of NATO when
    the site is NATO's."""
    masked, s0, s1 = s.masked, s.start, s.end
    out: list[Event] = []
    if masked.find(" visit", s0, s1) < 0:
        return out
    known = _known(ctx)
    for m in _SITE_VISIT_RE.finditer(masked, s0, s1):
        site = re.split(r"\s(?:on|in|at|and|for|with|where|during)\s|[,;.]", m.group("site"))[0]
        site = site.removeprefix("the ")
        nato = site.startswith(("NATO", "the alliance", "The alliance"))
        if not (nato or SITE_HEAD_RE.search(site)) or _planned(masked, s0, m.start(), m.end()):
            continue
        if clause_in_past(s, m.start(), m.end()):
            continue  # a past visit: _past_visit's, or history
        at = m.start("owner") if m.group("owner") else m.start("by")
        who = next((c for c in cands if c.kind == "person" and c.start <= at < c.end + 2), None)
        if who is None:
            who = next((c for c in cands if c.kind == "person" and at <= c.start < m.end()), None)
        people = [n for n in (who.names if who is not None else ()) if n in known]
        if not people or any(
            e.kind == "visit" and set(people) <= set(e.participants) for e in [*told, *ctx.events]
        ):
            continue
        if nato:
            hosts = [
                p.name
                for p in ctx.registry.people
                if p.name not in people and any(r.organisation == "NATO" for r in p.roles)
            ]
            people += hosts[:1] if len(hosts) == 1 else []
        trig = Trigger("visit", m.start(), m.end(), m.group(0), "mention")
        event = _new_event("visit", people, s, trig, dates, ctx, False, f"visit to {site}")
        event.place = site
        out.append(event)
    return out


_WELCOMED_TO_RE = re.compile(
    r"\bwelcom(?:ed|es|ing)\s(?P<guest>.{2,80}?)\sto\s(?:the\s|this\syear['’]s\s)?"
    r"(?P<name>(?:[A-Z][\w'’.-]*\s){0,4}?(?:[Ss]ummit|[Mm]inisterial(?:\s[Mm]eeting)?))\b"
)


def _welcomed_to(
    s: Sentence,
    cands: list[Candidate],
    dates: list[DateMention],
    ctx: Context,
    told: list[Event],
) -> list[Event]:
    """ "X welcomed Prime Minister Y to the NATO Summit": Y attended the summit, where X
    welcomed them."""
    masked, s0, s1 = s.masked, s.start, s.end
    if masked.find("welcom", s0, s1) < 0:
        return []
    m = _WELCOMED_TO_RE.search(masked, s0, s1)
    if m is None or _planned(masked, s0, m.start(), m.end()):
        return []
    people = [c for c in cands if c.kind == "person"]
    guest = next((c for c in people if m.start("guest") <= c.start < m.end("guest")), None)
    host = next((c for c in reversed(people) if c.end <= m.start()), None)
    if guest is None:
        return []
    names = [*guest.names, *(n for n in (host.names if host else ()) if n not in guest.names)]
    name = m.group("name")
    before = [*ctx.events, *ctx.side]
    if any(e.kind == "summit" and guest.names[0] in e.participants for e in before):
        return []
    trig = Trigger("summit", m.start(), m.end(), m.group(0), "mention")
    background = clause_in_past(s, m.start(), m.end())
    return [_new_event("summit", names, s, trig, dates, ctx, background, name)]


_FOR_HOSTING_RE = re.compile(r"\bthank(?:ed|s)\s(?P<host>.{2,80}?)\sfor\shosting\s")


def _thanked_for_hosting(
    s: Sentence,
    cands: list[Candidate],
    dates: list[DateMention],
    ctx: Context,
    told: list[Event],
) -> list[Event]:
    """ "X thanked Y for hosting Z for a trilateral meeting": Y hosted Z, on a day this
    sentence does not give (the thanks come after)."""
    masked, s0, s1 = s.masked, s.start, s.end
    if masked.find("hosting", s0, s1) < 0:
        return []
    m = _FOR_HOSTING_RE.search(masked, s0, s1)
    if m is None:
        return []
    people = [c for c in cands if c.kind == "person"]
    host = next((c for c in people if m.start("host") <= c.start < m.end("host")), None)
    guest = next((c for c in people if m.end() <= c.start < m.end() + 60), None)
    if host is None or guest is None:
        return []
    names = [*host.names, *(n for n in guest.names if n not in host.names)]
    if len(names) < 2 or any(set(names) <= set(e.participants) for e in told):
        return []
    trig = Trigger("meeting", m.start(), m.end(), m.group(0), "mention")
    event = _new_event("meeting", names, s, trig, dates, ctx, False, "hosted")
    event.date, event.time, event.duration, event.note = None, None, None, None
    ctx.frames[id(event)] = "none"
    return [event]


# --- the press event a transcript is --------------------------------------------------------

_PRESS_TITLE_RE = re.compile(
    r"^(?:(?:transcript|video)\s(?:of|:)\s)?(?P<joint>joint\s)?(?:press\s(?:conference|point|briefing|"
    r"availability|encounter|statements?)|news\sconference|doorstop(?:\sinterview)?|"
    r"remarks\sto\sthe\s(?:press|media)|remarks\swith\s(?=[A-Z])|"
    r"(?-i:(?:[A-Z][\w.-]+\s){0,3}[A-Z][\w.-]+['’]s)\sremarks\s(?:following|after)\s)\b",
    re.I,
)  # "Jacinda Ardern’s remarks following summit": her press remarks
_NOT_SPEAKERS = re.compile(
    r"^(?:q|question|journalist|reporter|moderator|host|press|media|unidentified|audience|"
    r"participant|male|female|speaker)\b",
    re.I,
)
_LABEL_RE = re.compile(r"^(?P<label>[A-Z][A-Za-z.'’ -]{1,60}?)(?:,[^:]{0,60})?:\s")
_TITLE_PLACE_RE = re.compile(r",\s(?P<place>[A-Z][\w.-]+(?:,?\s[A-Z][\w.-]+)?)\s*$")


def title_press_event(doc: AnalysedArticle, registry: Registry) -> Event | None:
    """A transcript titled "Joint press point", "Doorstop interview, London", "Press
    conference by …" is itself a press event: the people the title (or its "by …" line)
    names and those who speak in its turns, on the article's day."""
    line, at = doc.title, 0
    m = _PRESS_TITLE_RE.match(line.strip())
    for p, t in enumerate(doc.body[:6]):
        if m is not None:
            break
        if len(t.text) <= 240:  # "Press conference with …" opening the transcript
            line, at, m = t.text, p, _PRESS_TITLE_RE.match(t.text.strip())
    if m is None or not doc.body:
        return None
    known = {p.name for p in registry.people}
    people: list[str] = []

    def add(name: str | None) -> None:
        if name and name not in people:
            people.append(name)

    for person in registry.people:  # named in the title
        family = person.name.split()[-1]
        if family and re.search(rf"\b{re.escape(family)}\b", line, re.I):
            add(person.name)
    if doc.body[0].text.lower().startswith("by "):  # "by NATO Secretary General … and …"
        for mention in registry.mentions():
            if mention.paragraph == 0:
                found = registry.get(mention.person_id)
                add(found.name if found else None)
    for t in doc.body:
        label = _LABEL_RE.match(t.text)
        if label is None or _NOT_SPEAKERS.match(label.group("label")):
            continue
        written = " ".join(label.group("label").split())
        bare = re.sub(r"(?:\s[A-Z]{2,4})+$", "", written)  # "Richard Marles MP"
        if bare != written and bare.istitle():
            written = bare
        if written.isupper() or written.istitle():
            found = registry.resolve(written)
            if found is not None:
                add(found.name)
            elif len(written.split()) <= 3 and written.isupper():
                add(written.title())  # a speaker the text names only in its labels
    people = [p for p in people if p in known or p[:1].isupper()]
    if m.group("joint") and len(people) == 1:  # one turn kept: the others it welcomes
        first = next((n for n, t in enumerate(doc.body) if _LABEL_RE.match(t.text)), None)
        for mention in registry.mentions():
            if mention.paragraph == first and (found := registry.get(mention.person_id)):
                add(found.name)
    if not people:
        return None
    place = _TITLE_PLACE_RE.search(line)
    where = place.group("place") if place and place.group("place") in CITIES else doc.place
    return Event(
        kind="press_conference",
        summary="joint press conference" if m.group("joint") else "press conference",
        paragraph=at,
        start=0,
        end=len(doc.body[at].text),
        participants=people,
        place=where,
        date=doc.published,
    )
