"""Recognising the date lines at the head of an article (publication metadata).

These are *metadata* lines: ``• 15 Apr. 2013 -``, ``Last updated: 15 Apr. 2013 15:45``,
``Monday, April 15, 2013``, ``January 31, 2023``, ``2013-04-15``, ``Tokyo, 15 April 2013 -``.
Dates mentioned inside the story are the events extractor's business (``core/dates.py``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_TIME = r"(?:,?\s*(?:at\s+)?(?P<hh>\d{1,2})[:.](?P<mm>\d{2})(?:\s*(?P<ampm>[ap])\.?m\.?)?(?:\s*(?:CET|CEST|GMT|UTC|JST|EST|EDT))?)?"

_DMY = re.compile(
    _WEEKDAY + r"(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<y>\d{4})" + _TIME, re.I
)
_MDY = re.compile(
    _WEEKDAY + _MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})" + _TIME, re.I
)
_ISO = re.compile(r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:[T ](?P<hh>\d{2}):(?P<mm>\d{2}))?")
_JA = re.compile(r"(?P<y>\d{4})年\s*(?P<m>\d{1,2})月\s*(?P<d>\d{1,2})日")


@dataclass(frozen=True, slots=True)
class DateMatch:
    """A date found in a line: where it is and what it says."""

    start: int
    end: int
    day: date
    time: tuple[int, int] | None = None

    @property
    def datetime(self) -> datetime | None:
        if self.time is None:
            return None
        return datetime(self.day.year, self.day.month, self.day.day, *self.time)


def _build(
    y: str, m: int, d: str, hh: str | None, mm: str | None, ampm: str | None
) -> tuple[date, tuple[int, int] | None] | None:
    try:
        day = date(int(y), m, int(d))
    except ValueError:
        return None
    time = None
    if hh is not None and mm is not None:
        h, mi = int(hh), int(mm)
        if ampm:
            if ampm.lower() == "p" and h < 12:
                h += 12
            elif ampm.lower() == "a" and h == 12:
                h = 0
        if h < 24 and mi < 60:
            time = (h, mi)
    return day, time


def find_date(line: str) -> DateMatch | None:
    """The first full date (day, month and year) in ``line``, with a time if one follows."""
    found: list[DateMatch] = []
    for rx in (_DMY, _MDY):
        m = rx.search(line)
        if m:
            mon = MONTHS[m["mon"].lower()[:3]]
            built = _build(m["y"], mon, m["d"], m["hh"], m["mm"], m["ampm"])
            if built:
                found.append(DateMatch(m.start(), m.end(), *built))
    for rx in (_ISO, _JA):
        m = rx.search(line)
        if m:
            gd = m.groupdict()
            built = _build(m["y"], int(m["m"]), m["d"], gd.get("hh"), gd.get("mm"), None)
            if built:
                found.append(DateMatch(m.start(), m.end(), *built))
    return min(found, key=lambda f: f.start) if found else None


_UPDATED = re.compile(r"^\s*(?:last\s+)?(?:updated|modified)\s*:?\s*", re.I)
_PUBLISHED = re.compile(r"^\s*(?:published|posted|date|released?)\s*:?\s*", re.I)
_TRAILER = re.compile(r"^[\s\-–—|,.:]*$")
_PLACE = re.compile(r"^(?P<place>[A-Z][\w’'.\- ]{1,40}?)\s*(?:\([^)]{1,40}\))?\s*,\s*$")


@dataclass(frozen=True, slots=True)
class Dateline:
    """What a metadata line says: a publication date, an update time, a place."""

    published: date | None = None
    updated: datetime | None = None
    place: str | None = None


def parse_dateline(line: str, max_len: int = 100) -> Dateline | None:
    """Read a line that is *only* a date line (nothing else of substance), else None.

    Accepts ``15 Apr. 2013 -``, ``Last updated: 15 Apr. 2013 15:45``, ``Monday, April
    15, 2013``, ``Tokyo, 15 April 2013 -``, ``Published: 2023-01-31``.
    """
    text = line.strip().lstrip("•·*-–—").strip()
    if not text or len(text) > max_len:
        return None
    updated = bool(_UPDATED.match(text))
    if updated:
        text = _UPDATED.sub("", text, count=1)
    else:
        text = _PUBLISHED.sub("", text, count=1)
    m = find_date(text)
    if m is None or not _TRAILER.match(text[m.end :]):
        return None
    head = text[: m.start]
    place = None
    if head.strip():
        pm = _PLACE.match(head)
        if not pm:
            return None
        place = pm["place"].strip()
        if place.isupper() and len(place) > 3:
            place = place.title()
    if updated:
        when = m.datetime or datetime(m.day.year, m.day.month, m.day.day)
        return Dateline(updated=when, place=place)
    return Dateline(published=m.day, updated=m.datetime, place=place)


_INLINE = re.compile(
    r"^(?P<place>[A-Z][A-Za-z’'.\- ]{1,30}?)\s*(?:\((?P<agency>[^)]{1,30})\))?\s*,\s*"
)


def parse_inline_dateline(paragraph: str) -> Dateline | None:
    """A wire-style dateline opening a body paragraph: ``TOKYO, April 15 (Reuters) -``.

    Only a full date is taken; the paragraph itself is left as it is (offsets stay true).
    """
    head = paragraph[:120]
    dash = re.search(r"\s[-–—]\s", head)
    if not dash:
        return None
    lead = head[: dash.start()]
    m = find_date(lead)
    if m is None:
        return None
    pm = _INLINE.match(lead)
    place = None
    if pm and pm.end() <= m.start + 1:
        place = pm["place"].strip()
        if place.isupper() and len(place) > 3:
            place = place.title()
    return Dateline(published=m.day, updated=m.datetime, place=place)
