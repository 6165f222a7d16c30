"""Visits and the merged timeline of events across articles (pure).

A :class:`Visit` groups what one person did while visiting a country or city: the
span comes from the text when it says so ("a three-day visit from Tuesday", "visiting
Japan from April 8 to 10"), else from the visit's dated events. Visits come from
the visit mentions import stored with each article (nothing is extracted here). A
:class:`TimelineEntry` is one event as all sources tell it: a NATO release and a
Japanese readout of the same meeting become one entry listing both sources. Nothing
is merged across different days or different people, and never two events of one
article (the extractor already folded repeated tellings).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from natojp_tui.core.lexicon.places import JAPANESE_CITIES
from natojp_tui.core.model import Article, Event, VisitMention

_HOST_COUNTRY = {
    **dict.fromkeys(JAPANESE_CITIES, "Japan"),
    **dict.fromkeys(("Brussels", "Mons"), "Belgium"),
    **dict.fromkeys(("Seoul", "Busan", "Korea", "South Korea"), "Republic of Korea"),
    **dict.fromkeys(("Hague", "The Hague", "Netherlands"), "Netherlands"),
    "Washington": "United States",
    "United States": "United States",
    "Canberra": "Australia",
    "Wellington": "New Zealand",
    "Vilnius": "Lithuania",
    "Madrid": "Spain",
}
_MEETINGS = {"courtesy_call": "meeting", "group_meeting": "meeting"}
_PRECISION_RANK = {"exact": 3, "day": 2, "visit": 1, "unknown": 0}
_GAP_DAYS = 1  # visits told with spans this close are one visit


@dataclass(slots=True)
class Source:
    """Where one article tells an event: ``body[paragraph][start:end]`` is the sentence."""

    article_id: str
    event_id: str
    paragraph: int
    start: int
    end: int
    summary: str = ""
    date_precision: str = "unknown"


@dataclass(slots=True)
class Visit:
    """A person's visit to a country or city, and the articles and events that tell it.

    ``start``/``end`` are None when neither the text nor a dated event gives them;
    ``span_from_text`` says whether the span was stated ("a three-day visit from
    Tuesday") or taken from the first and last dated events.
    """

    id: str
    visitor: str
    host: str
    start: date | None = None
    end: date | None = None
    article_ids: list[str] = field(default_factory=list)
    event_ids: list[str] = field(default_factory=list)
    span_from_text: bool = False


@dataclass(slots=True)
class TimelineEntry:
    """One event as every source tells it (``sources`` in reading order)."""

    id: str
    kind: str
    summary: str
    participants: list[str]
    place: str | None
    date: date | None
    time: str | None
    duration: int | None
    date_precision: str
    note: str | None = None
    visit_id: str | None = None
    sources: list[Source] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)
    background: bool = False


# --- helpers -----------------------------------------------------------------------------


def name_key(name: str) -> str:
    """A spelling-tolerant key for a name: accents folded, lower case, words sorted
    ("Mircea Geoană" == "GEOANA Mircea")."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return " ".join(sorted(re.findall(r"[a-z0-9]+", folded)))


def _slug(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return "-".join(re.findall(r"[a-z0-9]+", folded)) or "x"


def _host_key(host: str) -> str:
    return _HOST_COUNTRY.get(host, host)


def _people(e: Event) -> frozenset[str]:
    return frozenset(name_key(p) for p in e.participants)


def _event_id(article: Article, n: int, e: Event) -> str:
    return e.id or f"{article.id}:e{n}"


def _ordered(articles: Sequence[Article]) -> list[Article]:
    return sorted(articles, key=lambda a: (a.published or date.max, a.id))


# --- visits ------------------------------------------------------------------------------


@dataclass(slots=True)
class _Draft:
    visitor: str
    host: str
    start: date | None
    end: date | None
    from_text: bool
    article_ids: list[str]


def article_visits(article: Article) -> list[_Draft]:
    """The visits one article tells of (from its stored visit mentions), merged within it."""
    drafts: list[_Draft] = []
    for m in article.visits:
        if m.visitor is not None:
            _add_mention(drafts, m, m.visitor, article.id)
    for d in drafts:
        if d.start is None:
            days = [
                e.date
                for e in article.events
                if e.date is not None and not e.background and d.visitor in e.participants
            ]
            if days:
                d.start, d.end = min(days), max(days)
    return drafts


def _add_mention(drafts: list[_Draft], m: VisitMention, visitor: str, article_id: str) -> None:
    start, end = m.first_day, m.last_day or m.first_day
    for d in drafts:
        if d.visitor == visitor and _host_key(d.host) == _host_key(m.host):
            if start is not None and (d.start is None or not d.from_text):
                d.start, d.end, d.from_text = start, end, True
            if _host_key(m.host) == m.host and d.host != m.host:
                d.host = m.host  # prefer the country to a city of it
            return
    drafts.append(_Draft(visitor, m.host, start, end, start is not None, [article_id]))


def _overlaps(a: _Draft, b: _Draft) -> bool:
    if a.start is None or b.start is None:
        return a.start is None and b.start is None
    a_end, b_end = a.end or a.start, b.end or b.start
    return a.start <= b_end + timedelta(days=_GAP_DAYS) and b.start <= a_end + timedelta(
        days=_GAP_DAYS
    )


def build_visits(articles: Sequence[Article]) -> list[Visit]:
    """Visits told by ``articles`` (with ``events`` filled), merged across articles:
    same visitor, same host country, overlapping days. Sorted by start date."""
    merged: list[_Draft] = []
    by_key: dict[tuple[str, str], list[_Draft]] = {}  # (visitor, host country) -> drafts
    for article in _ordered(articles):
        for d in article_visits(article):
            same = by_key.setdefault((name_key(d.visitor), _host_key(d.host)), [])
            for m in same:
                if _overlaps(m, d):
                    _absorb(m, d)
                    break
            else:
                same.append(d)
                merged.append(d)
    visits = [
        Visit(
            id=f"{_slug(d.visitor)}-{_slug(_host_key(d.host))}-"
            f"{d.start.isoformat() if d.start else 'undated'}",
            visitor=d.visitor,
            host=d.host,
            start=d.start,
            end=d.end,
            article_ids=list(d.article_ids),
            span_from_text=d.from_text,
        )
        for d in merged
    ]
    _unique_ids(visits)
    by_id = {a.id: a for a in articles}
    for v in visits:
        for aid in v.article_ids:
            article = by_id[aid]
            for n, e in enumerate(article.events):
                if _in_visit(e, v):
                    v.event_ids.append(_event_id(article, n, e))
    visits.sort(key=lambda v: (v.start or date.max, v.id))
    return visits


def _absorb(into: _Draft, d: _Draft) -> None:
    into.article_ids.extend(a for a in d.article_ids if a not in into.article_ids)
    if d.from_text and not into.from_text:
        into.start, into.end, into.from_text = d.start, d.end, True
    elif d.from_text == into.from_text and d.start is not None:
        into.start = min(into.start or d.start, d.start)
        into.end = max(into.end or d.end or d.start, d.end or d.start)
    if _host_key(d.host) == d.host:
        into.host = d.host


def _unique_ids(visits: list[Visit]) -> None:
    seen: dict[str, int] = {}
    for v in visits:
        n = seen.get(v.id, 0)
        seen[v.id] = n + 1
        if n:
            v.id = f"{v.id}-{n + 1}"


def _in_visit(e: Event, v: Visit) -> bool:
    if name_key(v.visitor) not in {name_key(p) for p in e.participants}:
        return False
    if e.date is None:
        return True  # told by an article of the visit, with no other day given
    if v.start is None:
        return False
    return v.start <= e.date <= (v.end or v.start)


# --- timeline ----------------------------------------------------------------------------


@dataclass(slots=True)
class _Item:
    article: Article
    order: int  # article order
    event: Event
    event_id: str
    people: frozenset[str]
    sort_date: date


def _items(articles: list[Article]) -> list[_Item]:
    items: list[_Item] = []
    for order, article in enumerate(articles):
        running = date.max
        for n, e in sorted(
            enumerate(article.events), key=lambda ne: (ne[1].paragraph, ne[1].start, ne[0])
        ):
            if e.date is not None:
                running = e.date
            items.append(_Item(article, order, e, _event_id(article, n, e), _people(e), running))
    return items


def _same_event(a: _Item, b: _Item, visit_of: dict[str, str | None]) -> bool:
    ea, eb = a.event, b.event
    if a.article.id == b.article.id:
        return False
    if _MEETINGS.get(ea.kind, ea.kind) != _MEETINGS.get(eb.kind, eb.kind):
        return False
    if not a.people or not b.people or ea.background != eb.background:
        return False
    common = a.people & b.people
    if a.people != b.people and not (
        len(common) >= 2 and (a.people <= b.people or b.people <= a.people)
    ):
        return False
    if ea.kind in ("visit", "address", "signing") and not _similar(ea, eb):
        return False  # two sites visited, two speeches, two documents on one day
    if ea.date is not None and eb.date is not None:
        return ea.date == eb.date and (ea.time is None or eb.time is None or ea.time == eb.time)
    va, vb = visit_of.get(a.event_id), visit_of.get(b.event_id)
    return va is not None and va == vb


def _words_of(e: Event) -> set[str]:
    """Significant words of what was signed, visited or said (names and place aside)."""
    text = f"{e.summary} {e.place or ''}".lower()
    names = set(re.findall(r"[a-z]{4,}", " ".join(e.participants).lower()))
    common = {"visited", "signed", "with", "delivered", "address", "visit", "signing"}
    return set(re.findall(r"[a-z]{4,}", text)) - common - names


def _similar(a: Event, b: Event) -> bool:
    """Do two tellings name the same site, speech or document (shared significant words)?"""
    wa, wb = _words_of(a), _words_of(b)
    return bool(wa and wb) and len(wa & wb) >= max(1, min(len(wa), len(wb)) // 2)


def build_timeline(
    articles: Sequence[Article],
    visit_id: str | None = None,
    person: str | None = None,
    visits: Sequence[Visit] | None = None,
) -> list[TimelineEntry]:
    """Every event of ``articles`` once, merged across sources, ordered by date, then time,
    then the order in the text. ``visit_id`` keeps one visit's entries, ``person`` those
    with a participant whose name contains it (case and accents ignored); ``visits`` are
    the articles' visits when the caller has them already."""
    ordered = _ordered(articles)
    if visits is None:
        visits = build_visits(ordered)
    visit_of: dict[str, str | None] = {}
    for v in visits:
        for eid in v.event_ids:
            visit_of.setdefault(eid, v.id)
    groups: list[list[_Item]] = []
    # Two items can only be one event on the same day or in the same visit: groups are
    # looked up by those keys, so merging stays linear in the number of events.
    index: dict[tuple, list[int]] = {}
    for item in _items(ordered):
        keys = _merge_keys(item, visit_of)
        seen: set[int] = set()
        for key in keys:
            for g in index.get(key, ()):
                if g in seen:
                    continue
                seen.add(g)
                if all(_same_event(item, other, visit_of) for other in groups[g]):
                    break
            else:
                continue
            break
        else:
            g = len(groups)
            groups.append([])
        groups[g].append(item)
        for key in keys:
            if g not in index.setdefault(key, []):
                index[key].append(g)
    entries = [_entry(g, visit_of) for g in groups]
    keys_of = {id(entry): _sort_key(g) for entry, g in zip(entries, groups, strict=True)}
    entries.sort(key=lambda entry: keys_of[id(entry)])
    if visit_id is not None:
        entries = [e for e in entries if e.visit_id == visit_id]
    if person:
        wanted = name_key(person)
        entries = [
            e
            for e in entries
            if any(
                wanted and set(wanted.split()) <= set(name_key(p).split()) for p in e.participants
            )
        ]
    return entries


def _merge_keys(item: _Item, visit_of: dict[str, str | None]) -> list[tuple]:
    kind = _MEETINGS.get(item.event.kind, item.event.kind)
    keys: list[tuple] = []
    if item.event.date is not None:
        keys.append(("day", kind, item.event.date))
    visit = visit_of.get(item.event_id)
    if visit is not None:
        keys.append(("visit", kind, visit))
    return keys


def _sort_key(group: list[_Item]) -> tuple:
    first = min(group, key=lambda i: (i.order, i.event.paragraph, i.event.start))
    day = next((i.event.date for i in group if i.event.date is not None), None)
    time = next((i.event.time for i in group if i.event.time), None)
    return (
        day or first.sort_date,
        time or "99:99",
        first.order,
        first.event.paragraph,
        first.event.start,
    )


def _entry(group: list[_Item], visit_of: dict[str, str | None]) -> TimelineEntry:
    best = max(group, key=lambda i: (_PRECISION_RANK.get(i.event.date_precision, 0), -i.order))
    first = min(group, key=lambda i: (i.order, i.event.paragraph, i.event.start))
    participants: list[str] = []
    keys: set[str] = set()
    for item in [best, *group]:
        for p in item.event.participants:
            if name_key(p) not in keys:
                keys.add(name_key(p))
                participants.append(p)
    e = best.event
    dated = [i.event for i in group if i.event.date is not None]
    timed = [i.event for i in group if i.event.time]
    return TimelineEntry(
        id=first.event_id,
        kind=first.event.kind if first.event.kind != "courtesy_call" else e.kind,
        summary=e.summary,
        participants=participants,
        place=e.place or next((i.event.place for i in group if i.event.place), None),
        date=e.date or (dated[0].date if dated else None),
        time=e.time or (timed[0].time if timed else None),
        duration=e.duration or next((i.event.duration for i in group if i.event.duration), None),
        date_precision=e.date_precision,
        note=e.note or next((i.event.note for i in group if i.event.note), None),
        groups=list(dict.fromkeys(g for i in group for g in i.event.groups)),
        background=e.background,
        visit_id=next((visit_of[i.event_id] for i in group if visit_of.get(i.event_id)), None),
        sources=[
            Source(
                i.article.id,
                i.event_id,
                i.event.paragraph,
                i.event.start,
                i.event.end,
                i.event.summary,
                i.event.date_precision,
            )
            for i in sorted(group, key=lambda i: (i.order, i.event.paragraph, i.event.start))
        ],
    )
