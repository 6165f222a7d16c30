"""Recognising the date lines at the head of an article (publication metadata).

These are *metadata* lines: ``• 15 Apr. 2013 -``, ``Last updated: 15 Apr. 2013 15:45``,
``Monday, April 15, 2013``, ``January 31, 2023``, ``2013-04-15``, ``Tokyo, 15 April 2013 -``.
Dates mentioned inside the story are the events extractor's business (``core/dates.py``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from natojp_tui.core.lexicon.datelines import DATELINE_MONTH, KNOWN_AGENCIES
from natojp_tui.core.lexicon.months import JAPANESE_ERAS, MONTHS
from natojp_tui.core.text.patterns import Folded

_MONTH = DATELINE_MONTH
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_TIME = r"(?:,?\s*(?:at\s+)?(?P<hh>\d{1,2})[:.](?P<mm>\d{2})(?:\s*(?P<ampm>[ap])\.?m\.?)?(?:\s*(?:CET|CEST|GMT|UTC|JST|EST|EDT))?)?"

_DMY = Folded(
    _WEEKDAY
    + r"(?P<d>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+|-)"
    + _MONTH
    + r"(?:,?\s+|-)(?P<y>\d{4})"
    + _TIME
)
_MDY = Folded(_WEEKDAY + _MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})" + _TIME)
# European numeric dates with dots, as DW prints them: 05.06.2012 is 5 June 2012.
_DOTTED = re.compile(r"\b(?P<d>\d{2})\.(?P<m>\d{2})\.(?P<y>\d{4})\b")
_ISO = re.compile(r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:[T ](?P<hh>\d{2}):(?P<mm>\d{2}))?")
_JA = re.compile(r"(?P<y>\d{4})年\s*(?P<m>\d{1,2})月\s*(?P<d>\d{1,2})日")
# Japanese era dates: 令和5年1月31日 is 2023-01-31 (元年 is the era's first year).
_ERA = re.compile(
    r"(?P<era>令和|平成|昭和)\s*(?P<n>\d{1,2}|元)\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"
)


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
    for plain in (_ISO, _JA, _DOTTED):
        m = plain.search(line)
        if m:
            gd = m.groupdict()
            built = _build(m["y"], int(m["m"]), m["d"], gd.get("hh"), gd.get("mm"), None)
            if built:
                found.append(DateMatch(m.start(), m.end(), *built))
    m = _ERA.search(line)
    if m:
        n = 1 if m["n"] == "元" else int(m["n"])
        built = _build(str(JAPANESE_ERAS[m["era"]] + n), int(m["m"]), m["d"], None, None, None)
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


# A page header's scraped date: "date 2017-07-06" (maybe followed by more text).
_SCRAPED_DATE = re.compile(r"^date\s+(?P<iso>\d{4}-\d{2}-\d{2})\b\s*")
_LABELLED = re.compile(
    r"^(?P<label>date|published|posted|released?|issued|last\s+updated?|updated|modified)\s*:\s*",
    re.I,
)


def split_scraped_date(line: str) -> tuple[date, str] | None:
    """``date 2017-07-06 rest`` → (the date, the rest of the line), else None."""
    m = _SCRAPED_DATE.match(line)
    if not m:
        return None
    try:
        day = date.fromisoformat(m["iso"])
    except ValueError:
        return None
    return day, line[m.end() :]


def parse_date_furniture(line: str, max_len: int = 90) -> Dateline | None:
    """A short header line that carries a date among a few words of furniture.

    ``All News 10:25 October 07, 2022``, ``Last update: 07-Feb-2006 10:32 NATO Update``,
    ``DATE: 1 April 2005``. The rest of the line, without the date, must be at most five
    words and no sentence: a line of story text that mentions a date is not furniture.
    """
    text = line.strip()
    if not text or len(text) > max_len:
        return None
    exact = parse_dateline(text)
    if exact is not None:
        return exact
    us = _US_STAMP.match(text)
    if us is not None:  # "03/16/2021 07:53 AM EDT": a US government page's stamp
        try:
            return Dateline(published=date(int(us["y"]), int(us["m"]), int(us["d"])))
        except ValueError:
            return None
    label = _LABELLED.match(text)
    updated = bool((label and "updat" in label["label"].lower()) or "modif" in text[:12].lower())
    if label:
        text = text[label.end() :]
    m = find_date(text)
    if m is None:
        return None
    end = find_date(text[m.end :])
    if (
        end is not None
        and _RANGE_GAP.fullmatch(text[m.end : m.end + end.start])
        and 0 < (end.day - m.day).days <= 31
    ):  # "09 Apr. 2022 - 12 Apr. 2022": a visit's range; the release is of its last day
        rest = (text[: m.start] + " " + text[m.end + end.end :]).strip(" -–—|,:")
        if len(rest.split()) <= 5:
            return Dateline(published=end.day)
    rest = (text[: m.start] + " " + text[m.end :]).strip(" -–—|,:")
    rest = re.sub(r"\b\d{1,2}:\d{2}\b", " ", rest)
    words = rest.split()
    if len(words) > 5 or (re.search(r"[.!?]\s*$", rest) and len(words) > 2):
        return None
    if re.search(r"\b(?:said|met|will|was|were|has|have|is|are)\b", rest, re.I):
        return None
    if updated:
        when = m.datetime or datetime(m.day.year, m.day.month, m.day.day)
        return Dateline(updated=when)
    return Dateline(published=m.day, updated=m.datetime)


_RANGE_GAP = re.compile(r"\s*[-–—]\s*|\s+to\s+")
# month/day/year with a 12-hour clock and a US zone: the order is not in doubt
_US_STAMP = re.compile(
    r"^(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4})\s+\d{1,2}:\d{2}\s*(?:AM|PM|am|pm)"
    r"(?:\s+(?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|ET))?$"
)
_WIRE_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Za-z.'’\-]*(?:\s[A-Z][A-Za-z.'’\-]*){0,3}(?:,\s*[A-Z][A-Za-z.]{1,12})?)"
    r"(?:,\s*(?P<date>(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?)(?:,?\s+\d{4})?))?"
    r"\s*\((?P<agency>[A-Z][\w .&'’-]{0,30}?)\)\s*(?P<dash>--+|[-–—]+|:)?\s*"
)
_KNOWN_AGENCY = re.compile(rf"^(?:{KNOWN_AGENCIES}|[\w.]+\.(?:com|news|net|org)|STL\.News)$", re.I)


@dataclass(frozen=True, slots=True)
class WireDateline:
    """``TOKYO, April 15 (Reuters) -``: where the story was filed, by whom, and when."""

    end: int  # where the story's own words begin
    place: str
    agency: str
    month_day: tuple[int, int] | None = None
    day: date | None = None  # only when the dateline gives the year


def parse_wire_dateline(paragraph: str) -> WireDateline | None:
    """A wire dateline opening a body paragraph, else None.

    ``TOKYO (Kyodo) --``, ``BRUSSELS (AP) —``, ``WELLINGTON, Aug. 6 (Yonhap) --``,
    ``New York, Sept. 23 (Jiji Press)--``. Without a dash the agency must be a known one
    (so "NATO (North Atlantic Treaty Organization) said" is no dateline).
    """
    m = _WIRE_DATELINE.match(paragraph[:160])
    if not m:
        return None
    agency = m["agency"].strip()
    if not m["dash"] and not _KNOWN_AGENCY.match(agency):
        return None
    if len(agency) < 2 or (agency.lower() in {"nato", "un", "eu"} and not m["dash"]):
        return None
    place = m["place"].strip()
    if place.isupper() and len(place) > 3:
        place = place.title()
    month_day = day = None
    if m["date"]:
        md = re.match(
            r"(?:(?P<mon>[A-Za-z]{3,9})\.?\s+(?P<d>\d{1,2})|(?P<d2>\d{1,2})\s+(?P<mon2>[A-Za-z]{3,9})\.?)"
            r"(?:,?\s+(?P<y>\d{4}))?",
            m["date"],
        )
        if md:
            mon_name = (md["mon"] or md["mon2"]).lower()[:3]
            mon = MONTHS.get("sep" if mon_name == "sep" else mon_name)
            d = int(md["d"] or md["d2"])
            if mon and 1 <= d <= 31:
                month_day = (mon, d)
                if md["y"]:
                    try:
                        day = date(int(md["y"]), mon, d)
                    except ValueError:
                        day = None
    return WireDateline(m.end(), place, agency, month_day, day)


def resolve_month_day(month_day: tuple[int, int], published: date) -> date | None:
    """The day a month and day name, filed on or shortly before ``published``."""
    mon, d = month_day
    for year in (published.year, published.year - 1):
        try:
            candidate = date(year, mon, d)
        except ValueError:
            continue
        if candidate <= published:
            return candidate
    return None
