"""Engagements a Japanese-language readout tells (会談, 懇談, 昼食会, 共同記者発表, 栄誉礼 …).

A readout's clause reads "[day][time]から約N分間、A は、… B と 会談及び昼食会 を行った":
each event noun before a realised verb (行った, 実施しました, 開催し …, or "に続き",
"following") is an event; its people are those the clause names (full names, family names
with a title, the English name a readout puts in brackets), "両首脳" / "双方" the two
principals the first event named. The day is the clause's own (本30日, 9月24日, the era
year), else the one before, else the readout's date; a Japan-time aside is a note, not the
local time. "本年6月のNATO首脳会合以来の再会" (a past summit) and "4月のX事務総長の訪日"
(a past visit) are background, with no day. Plans (行う予定, 行うことで一致) are not events.

Japanese has no spaces and the one sentence splitter cuts at Latin abbreviations (H.E.),
so a clause here is the text from the last "。" before the event noun.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from natojp_tui.core.events.context import Context, Registry
from natojp_tui.core.lexicon.japanese import BOTH_SIDES, EVENT_NOUNS, TITLES, has_japanese
from natojp_tui.core.lexicon.months import JAPANESE_ERAS
from natojp_tui.core.model import Event
from natojp_tui.core.text.document import AnalysedArticle

_NOUN_ALT = "|".join(sorted(map(re.escape, EVENT_NOUNS), key=len, reverse=True))
_GROUP_RE = re.compile(rf"(?:{_NOUN_ALT})(?:等)?(?:(?:及び|と|・|並びに)(?:{_NOUN_ALT})(?:等)?)*")
_ONE_NOUN_RE = re.compile(_NOUN_ALT)
_DONE_RE = re.compile(r"(?:を|に続き|に続いて|の後)")
# realised: 行った, 行いました, 実施し, 開催しました, the readout's 行うとともに ("held …, and"),
# and a call received: 表敬を受けた
_VERB_RE = re.compile(
    r"(?:行|実施|開催)(?:っ|い|し|いました|しました)|行うとともに|受け(?:た|ました)"
)
_PLAN_RE = re.compile(r"予定|こと|方向|意向|よう|たい")
_DATE_RE = re.compile(
    r"(?:(?P<era>令和|平成)(?P<y>\d{1,2}|元)年)?(?:(?P<m>\d{1,2})月)?(?P<d>\d{1,2})日(?!本)"
)
_TIME_RE = re.compile(r"(?P<ap>午前|午後)?(?P<h>\d{1,2})時(?!間)(?:(?P<mi>\d{1,2})分)?")
_DURATION_RE = re.compile(r"約?(?P<n>\d{1,3})分間|約?(?P<h>\d(?:\.\d)?)時間")
_JAPAN_TIME_RE = re.compile(r"日本時間")
_PAST_SUMMIT_RE = re.compile(
    r"(?:\d{1,2}月|昨年|先月|本年\d{1,2}月)の(?P<name>[^、。]{0,20}?(?:首脳会合|サミット))以来"
)
_PAST_VISIT_RE = re.compile(r"の訪日(?!中)")
_PAST_CUE_RE = re.compile(r"\d{1,2}月の|昨年|先月|今月の|本年")


@dataclass(frozen=True, slots=True)
class _Name:
    start: int
    end: int
    name: str


def read_japanese(doc: AnalysedArticle, registry: Registry, ctx: Context) -> list[Event]:
    """Events the Japanese paragraphs of the body tell, in text order (background ones
    included, marked)."""
    if not any(has_japanese(t.text[:200]) for t in doc.body):
        return []
    by_paragraph = [
        _names(t.masked, registry, p) if has_japanese(t.text) else []
        for p, t in enumerate(doc.body)
    ]
    principals = _unique([n.name for names in by_paragraph for n in names])[:2]
    last_day: date | None = None
    out: list[Event] = []
    for p, t in enumerate(doc.body):
        text = t.masked
        names = by_paragraph[p]
        if not has_japanese(text):
            continue
        for m in _GROUP_RE.finditer(text):
            after = _DONE_RE.match(text, m.end())
            if after is None:
                continue
            if after.group(0) == "を":
                verb = _VERB_RE.match(text, after.end())
                if (
                    verb is None
                    or _PLAN_RE.match(text, verb.end())
                    or _PLAN_RE.match(text, verb.end() + 1)
                ):
                    continue
            c0 = max(text.rfind("。", 0, m.start()) + 1, 0)
            clause = text[c0 : m.start()]
            people = _unique([n.name for n in names if c0 <= n.start < m.start()])
            if any(w in clause for w in BOTH_SIDES) or len(people) < 2:
                people = _unique([*people, *principals])  # the readout's two sides
            groups: list[str] = []
            if len(people) == 1:  # the other side an official the lexicon does not know
                official = _OFFICIAL_RE.search(clause)
                groups = [official.group(0)] if official is not None else []
            if len(people) + len(groups) < 2:
                continue
            day = _day(clause, ctx.published) or last_day or ctx.published
            last_day = day
            clock, note = _clock(clause)
            duration = _duration(clause)
            for noun in _ONE_NOUN_RE.findall(m.group(0)):
                out.append(
                    Event(
                        kind=EVENT_NOUNS[noun],
                        summary=noun,
                        paragraph=p,
                        start=c0,
                        end=min(len(t.text), m.end()),
                        participants=list(people),
                        groups=list(groups),
                        date=day,
                        time=clock,
                        duration=duration,
                        note=note,
                    )
                )
                clock = duration = note = None  # the clause's clock is its first event's
        out += _background(p, t.text, text, names, principals)
        _present_throughout(text, names, out)
    for e in out:
        ctx.frames[id(e)] = "none" if e.background else "own"
    return out


# a Japanese official by name and title, in kanji: "薗浦健太郎外務大臣政務官"
_OFFICIAL_RE = re.compile(
    r"(?<![\u4e00-\u9fff])[\u4e00-\u9fff]{3,7}?(?:"
    + "|".join(sorted(map(re.escape, TITLES), key=len, reverse=True))
    + r")(?=は|が|、|,)"
)


def _names(text: str, registry: Registry, p: int) -> list[_Name]:
    """The people paragraph ``p`` names outside quotation marks (``text`` is its masked
    text), from the registry: Japanese script (``people.japanese``) and the English a
    readout brackets ("(H.E. Mr. Mark Rutte, NATO Secretary General)")."""
    out: list[_Name] = []
    for mention in registry.mentions_in(p, 0, len(text)):
        person = registry.get(mention.person_id)
        if person is None or text[mention.start : mention.start + 1] == "~":
            continue
        family = person.name.split()[-1].lower()
        same = next((o.name for o in out if o.name.split()[-1].lower() == family), None)
        out.append(_Name(mention.start, mention.end, same or person.name))
    return out


def _day(clause: str, published: date | None) -> date | None:
    for m in _DATE_RE.finditer(clause):
        if _JAPAN_TIME_RE.search(clause, max(0, m.start() - 6), m.start()):
            continue  # "(日本時間25日…)": the Japan-time aside
        year = published.year if published else None
        if m.group("era"):
            n = m.group("y")
            year = JAPANESE_ERAS[m.group("era")] + (1 if n == "元" else int(n))
        month = int(m.group("m")) if m.group("m") else (published.month if published else None)
        if year is None or month is None:
            return None
        try:
            return date(year, month, int(m.group("d")))
        except ValueError:
            return None
    return None


def _clock(clause: str) -> tuple[str | None, str | None]:
    local = japan = None
    for m in _TIME_RE.finditer(clause):
        hour = int(m.group("h"))
        if m.group("ap"):  # "午後3時"; without it the clock is of 24 hours ("15時")
            hour = hour % 12 + (12 if m.group("ap") == "午後" else 0)
        if hour > 23:
            continue
        value = f"{hour:02d}:{int(m.group('mi') or 0):02d}"
        if _JAPAN_TIME_RE.search(clause, max(0, m.start() - 8), m.start()):
            japan = japan or value
        else:
            local = local or value
    return local, (f"Japan time {japan}" if japan and local else None)


def _duration(clause: str) -> int | None:
    m = _DURATION_RE.search(clause)
    if m is None:
        return None
    return int(m.group("n")) if m.group("n") else round(float(m.group("h")) * 60)


# "一連の行事には、A及びBが同席しました": A and B were at the meetings and meals
_THROUGHOUT_RE = re.compile(
    r"一連の(?:行事|会談|日程)(?:には|に)、?(?P<who>[^。]{2,80}?)が(?:同席|出席|陪席)"
)


def _present_throughout(text: str, names: list[_Name], events: list[Event]) -> None:
    for m in _THROUGHOUT_RE.finditer(text):
        who = [n.name for n in names if m.start("who") <= n.start < m.end("who")]
        for e in events:
            if e.kind in ("meeting", "summit", "meal") and not e.background:
                e.participants = _unique([*e.participants, *who])


def _background(
    p: int, raw: str, text: str, names: list[_Name], principals: list[str]
) -> list[Event]:
    """A past summit the two met at ("…首脳会合以来の再会") and past visits to Japan."""
    out: list[Event] = []
    for m in _PAST_SUMMIT_RE.finditer(text):
        if len(principals) >= 2:
            out.append(_past("summit", m.group("name"), principals, p, raw, m.start(), m.end()))
    for m in _PAST_VISIT_RE.finditer(text):
        c0 = max(text.rfind("、", 0, m.start()), text.rfind("。", 0, m.start())) + 1
        if not _PAST_CUE_RE.search(text, c0, m.start()):
            continue
        for n in names:
            if c0 <= n.start < m.start():
                out.append(_past("visit", "訪日", [n.name], p, raw, c0, m.end()))
    return out


def _past(kind: str, summary: str, people: list[str], p: int, raw: str, a: int, b: int) -> Event:
    return Event(
        kind=kind,
        summary=summary,
        paragraph=p,
        start=a,
        end=min(len(raw), b),
        participants=list(people),
        background=True,
    )


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))
