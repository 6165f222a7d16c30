"""Dates, weekdays, clock times and durations as press releases and readouts write them.

Everything here is pure and linear-time: each finder is a single ``finditer`` pass
with bounded, non-nested quantifiers. Offsets are character offsets into the text
given. Nothing is ever guessed: a date is only produced when the text gives one,
the year comes from the article date when the text omits it, and weekdays resolve
against the article date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from natojp_tui.core.lexicon.months import (
    MONTH_PATTERN,
    WEEKDAY_PATTERN,
    month_number,
    weekday_number,
)
from natojp_tui.core.lexicon.numbers import NUMBER_WORDS
from natojp_tui.core.text.patterns import Caseless, Folded

_DAY = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"

# "15 April 2013", "15 Apr. 2013", "15th of April", "Monday, 15 April 2013"
_DMY = rf"(?P<d1>{_DAY})\s(?:of\s)?(?P<m1>{MONTH_PATTERN})\.?(?:,?\s(?P<y1>{_YEAR})\b)?"
# "April 15, 2013", "Apr. 15", "April 15th"
_MDY = rf"(?P<m2>{MONTH_PATTERN})\.?\s(?P<d2>{_DAY})\b(?:,?\s(?P<y2>{_YEAR})\b)?"
_ISO = r"(?P<iy>(?:19|20)\d\d)-(?P<im>0[1-9]|1[0-2])-(?P<id>0[1-9]|[12]\d|3[01])"
# Day ranges: "15-17 April 2013", "from 15 to 17 April", "April 15-17, 2013", "April 15 to 17"
_RANGE_DM = (
    rf"(?P<rd1>{_DAY})\s?(?:-|–|to|until|and)\s?(?P<rd2>{_DAY})\s(?P<rm1>{MONTH_PATTERN})\.?"
    rf"(?:,?\s(?P<ry1>{_YEAR})\b)?"
)
_RANGE_MD = (
    rf"(?P<rm2>{MONTH_PATTERN})\.?\s(?P<rd3>{_DAY})\s?(?:-|–|to|until|and)\s?(?P<rd4>{_DAY})\b"
    rf"(?:,?\s(?P<ry2>{_YEAR})\b)?"
)
_WEEKDAY_PHRASE = (
    rf"(?:(?P<wmod>next|following|last|this|coming|previous)\s)?(?P<wd>{WEEKDAY_PATTERN})\b"
    rf"(?:'s)?(?P<wtail>\s(?:morning|afternoon|evening|night))?"
)
_RELATIVE = (
    r"(?P<rel>the\s(?:following|next|previous|preceding|same)\s(?:day|morning|afternoon|evening|night)"
    r"|the\sday\s(?:before|after)|a\sday\s(?:earlier|later|before|after)"
    r"|(?:later|earlier)\s(?:that|the\ssame)\s(?:day|morning|afternoon|evening)"
    r"|(?:later|earlier)\sin\sthe\s(?:day|morning|afternoon|evening)"
    r"|(?:one|two|three|four|five|six|\d)\sdays\s(?:earlier|later|before|after)"
    r"|that\s(?:same\s)?(?:day|morning|afternoon|evening|night)"
    r"|(?:earlier|later)\stoday|this\s(?:morning|afternoon|evening)|today|tonight|yesterday"
    r"|last\snight|tomorrow)\b"
)
# (the look-ahead only skips places where no date can start: a digit or a letter)
_DATE_RE = Folded(
    rf"(?=[\da-z])\b(?:(?:{_RANGE_DM})|(?:{_RANGE_MD})|(?:{_DMY})|(?:{_MDY})|(?:{_ISO})|(?:{_WEEKDAY_PHRASE})"
    rf"|(?:{_RELATIVE}))"
)
# Every date found holds a digit or one of these words (a weekday counts only when
# spelled out: "Monday"); an ASCII text without any, lowered, holds no date.
_DATE_HINT_RE = re.compile(r"[0-9]|day|morning|afternoon|evening|night|tomorrow")
# Month names must be capitalised ("May", not "may"); weekdays too ("Sun" the paper...)
_CAPITALISED = re.compile(r"[A-Z]")

_CONTEXT_OFFSETS = {
    "following": 1, "next": 1, "after": 1, "later": 1,
    "previous": -1, "preceding": -1, "before": -1, "earlier": -1, "same": 0,
}  # fmt: skip
_PUBLISHED_OFFSETS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "this": 0}

DateAnchor = Literal["absolute", "published", "context"]


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression in a text.

    ``anchor`` says what it is relative to: ``absolute`` (the text gives the day,
    ``value`` is set when the year is known), ``published`` (weekdays, "yesterday":
    resolved against the article date) or ``context`` ("the following day": ``offset``
    days from the date last mentioned before it; ``value`` stays None here).
    ``end_value`` is set for day ranges ("15-17 April").
    """

    start: int
    end: int
    text: str
    anchor: DateAnchor
    value: date | None = None
    end_value: date | None = None
    offset: int = 0

    def resolve(self, context: date | None) -> date | None:
        """The day meant, given the last date the text mentioned before it."""
        if self.anchor == "context":
            return context + timedelta(days=self.offset) if context else None
        return self.value


def infer_year(month: int, day: int, published: date | None) -> date | None:
    """The date of ``day month`` nearest the article date (year omitted in the text).

    A date more than six months after the article date is read as last year's
    ("28 December" in a 3 January article); ``None`` when no article date is known
    or the day does not exist.
    """
    if published is None:
        return None
    for year in (published.year, published.year - 1, published.year + 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if -183 <= (candidate - published).days <= 183:
            return candidate
    return None


def resolve_weekday(weekday: int, anchor: date, modifier: str | None = None) -> date:
    """The weekday meant in an article dated ``anchor``.

    Plain "Tuesday" is the most recent Tuesday on or before the article date;
    "next"/"following"/"coming" Tuesday the first one after it; "last"/"previous"
    Tuesday the most recent one strictly before it.
    """
    mod = (modifier or "").lower()
    if mod in ("next", "following", "coming"):
        return anchor + timedelta(days=(weekday - anchor.weekday() - 1) % 7 + 1)
    back = (anchor.weekday() - weekday) % 7
    if mod in ("last", "previous") and back == 0:
        back = 7
    return anchor - timedelta(days=back)


def _make_date(
    year: int | None, month: int | None, day: int, published: date | None
) -> date | None:
    if month is None:
        return None
    if year is None:
        return infer_year(month, day, published)
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _day(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def find_dates(text: str, published: date | None = None) -> list[DateMention]:
    """Every date expression in ``text``, in order, non-overlapping.

    A weekday followed by the date it names ("on Monday (15 April)", "Monday,
    April 15") is one mention with the absolute value; so is a relative phrase
    followed by the date ("on the next day, January 12").
    """
    found: list[DateMention] = []
    if text.isascii() and _DATE_HINT_RE.search(text.lower()) is None:
        return found
    for m in _DATE_RE.finditer(text):
        mention = _mention(m, published)
        if mention is None:
            continue
        if found and _joins(found[-1], mention, text):
            prev = found.pop()
            end = mention.end
            if "(" in text[prev.end : mention.start] and text[end : end + 1] == ")":
                end += 1
            mention = DateMention(
                prev.start, end, text[prev.start : end], mention.anchor,
                mention.value, mention.end_value, mention.offset,
            )  # fmt: skip
        found.append(mention)
    return found


def _joins(prev: DateMention, cur: DateMention, text: str) -> bool:
    """A weekday/relative phrase immediately followed by its absolute date."""
    if prev.anchor == "absolute" or cur.anchor != "absolute":
        return False
    gap = text[prev.end : cur.start]
    return len(gap) <= 4 and re.fullmatch(r"[\s,(]*", gap) is not None


def _mention(m: re.Match[str], published: date | None) -> DateMention | None:
    g = m.groupdict()
    start, end, raw = m.start(), m.end(), m.group(0)
    if g["rd1"] or g["rd3"]:
        month_name = g["rm1"] or g["rm2"]
        if not _CAPITALISED.match(month_name):
            return None
        month = month_number(month_name)
        year_s = g["ry1"] or g["ry2"]
        year = int(year_s) if year_s else None
        d_from, d_to = (g["rd1"], g["rd2"]) if g["rd1"] else (g["rd3"], g["rd4"])
        first = _make_date(year, month, _day(d_from), published)
        last = _make_date(year, month, _day(d_to), published)
        if first is None or last is None or last < first:
            return None
        return DateMention(start, end, raw, "absolute", first, last)
    if g["d1"] or g["m2"]:
        month_name = g["m1"] or g["m2"]
        if not _CAPITALISED.match(month_name):
            return None
        year_s = g["y1"] or g["y2"]
        value = _make_date(
            int(year_s) if year_s else None, month_number(month_name),
            _day(g["d1"] or g["d2"]), published,
        )  # fmt: skip
        if value is None and year_s:
            return None
        return DateMention(start, end, raw, "absolute", value)
    if g["iy"]:
        try:
            value = date(int(g["iy"]), int(g["im"]), int(g["id"]))
        except ValueError:
            return None
        return DateMention(start, end, raw, "absolute", value)
    if g["wd"]:
        if not _CAPITALISED.match(g["wd"]) or not g["wd"].lower().endswith("day"):
            return None  # abbreviations alone ("Sun", "Wed") are too ambiguous
        value = None
        if published is not None:
            wd = weekday_number(g["wd"])
            assert wd is not None
            value = resolve_weekday(wd, published, g["wmod"])
        return DateMention(start, end, raw, "published", value)
    rel = g["rel"].lower()
    words = rel.split()
    if words[0] in _PUBLISHED_OFFSETS or words[-1] in ("today", "tonight") or rel == "last night":
        key = "yesterday" if rel == "last night" else words[0]
        offset = _PUBLISHED_OFFSETS.get(key, 0)
        value = published + timedelta(days=offset) if published else None
        return DateMention(start, end, raw, "published", value, offset=offset)
    offset = 0
    if words[0] in NUMBER_WORDS or words[0].isdigit():
        n = NUMBER_WORDS.get(words[0]) or int(words[0])
        sign = 1 if words[-1] in ("later", "after") else -1
        return DateMention(start, end, raw, "context", offset=sign * n)
    for w in words:
        if w in _CONTEXT_OFFSETS and not (w in ("later", "earlier") and words[0] == w):
            offset = _CONTEXT_OFFSETS[w]
            break
    if words[0] in ("later", "earlier", "that") or "same" in words:
        offset = 0
    return DateMention(start, end, raw, "context", offset=offset)


# --- clock times -------------------------------------------------------------------------

_AMPM = r"(?P<ampm>[ap]\.\s?m\b\.?|[ap]m\b|[AP]M\b)"
_CLOCK_RE = re.compile(
    rf"(?<![\d:.,])(?:(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)(?![\d:])\s?(?:{_AMPM.replace('ampm', 'ampm24')})?"
    rf"|(?P<h12>1[0-2]|0?[1-9])(?:[:.](?P<m12>[0-5]\d))?\s?(?P<ampm12>[ap]\.\s?m\b\.?|[ap]m\b|[AP]M\b)"
    rf"|\b(?P<word>noon|midday|midnight)\b)",
)
# every clock time holds a digit or one of these words: a text with none has no time
_CLOCK_CUE_RE = re.compile(r"\d|noon|midday|midnight")
_ZONE_RE = re.compile(
    r"[\s,(]{0,3}(?:\(?(?P<zone>(?:local|Japan|Japanese|Tokyo|JST|Brussels|CET|CEST|GMT|UTC)"
    r"(?:\s(?:standard\s)?time)?)\b)?",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class TimeMention:
    """A clock time: ``value`` as "HH:MM" (24 h); ``zone`` "local", "japan" or None."""

    start: int
    end: int
    text: str
    value: str
    zone: str | None = None


def _clock_value(m: re.Match[str]) -> str | None:
    if m.group("word"):
        return "00:00" if m.group("word").lower() == "midnight" else "12:00"
    if m.group("h24") is not None:
        hour, minute = int(m.group("h24")), int(m.group("m24"))
        ampm = (m.group("ampm24") or "").lower()
        if ampm.startswith("p") and hour < 12:
            hour += 12  # "6:15 p.m."; "19:10 p.m." stays 19:10
        elif ampm.startswith("a") and hour == 12:
            hour = 0
        return f"{hour:02d}:{minute:02d}"
    hour = int(m.group("h12"))
    minute = int(m.group("m12") or 0)
    ampm = m.group("ampm12").lower()
    if ampm.startswith("p") and hour < 12:
        hour += 12
    elif ampm.startswith("a") and hour == 12:
        hour = 0
    return f"{hour:02d}:{minute:02d}"


_JAPAN_PAREN_RE = re.compile(
    r"\([^()]{0,80}?\b(?:Japan(?:ese)?\s(?:standard\s)?time|JST|Tokyo\stime)\b[^()]{0,80}\)",
    re.IGNORECASE,
)


def japan_time_spans(text: str) -> list[tuple[int, int]]:
    """Spans of parentheses giving the Japan-time equivalent ("(6:35 p.m. Japan time)",
    "(Japan time: July 13, 2:35 a.m.)"): dates and times inside them are not local."""
    if "(" not in text:
        return []
    return [(m.start(), m.end()) for m in _JAPAN_PAREN_RE.finditer(text)]


def find_times(text: str) -> list[TimeMention]:
    """Every clock time in ``text`` ("6:15 p.m.", "19:10 p.m.", "18:15", "noon").

    A zone written right after the time ("local time", "(Japan time)", "JST") is
    recorded in ``zone`` as "local" or "japan" (other zones: lower-cased name).
    """
    out: list[TimeMention] = []
    if _CLOCK_CUE_RE.search(text) is None:
        return out
    japan = japan_time_spans(text)
    for m in _CLOCK_RE.finditer(text):
        value = _clock_value(m)
        if value is None:
            continue
        end = m.end()
        zone = None
        z = _ZONE_RE.match(text, end)
        if z and z.group("zone"):
            word = z.group("zone").split()[0].lower()
            zone = "japan" if word in ("japan", "japanese", "tokyo", "jst") else word
            end = z.end()
        if zone is None and any(a <= m.start() < b for a, b in japan):
            zone = "japan"
        out.append(TimeMention(m.start(), end, text[m.start() : end], value, zone))
    return out


@dataclass(frozen=True, slots=True)
class Clock:
    """When an event started, for how long, and the other-zone time if one was given."""

    time: str | None = None
    duration: int | None = None  # minutes
    note: str | None = None  # e.g. "Japan time 02:15"
    start: int = -1  # span of the clock expressions used, -1 when none
    end: int = -1


_NUMBER_WORDS = {"a": 1, "an": 1, **NUMBER_WORDS, "half": 0}
_NUM = r"(?:\d{1,3}(?:\.\d)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty(?:-five)?|fifty|sixty|ninety)"
_APPROX = r"(?:(?:about|around|approximately|approx\.|some|roughly|nearly|almost|over|more\sthan|less\sthan|just\sunder|just\sover)\s)?"
_DURATION_RE = re.compile(
    rf"\b(?:(?:for|lasted|lasting)\s{_APPROX}(?:(?P<hours>{_NUM})\s(?:hours?|hrs?)(?P<andhalf>\sand\sa\shalf)?"
    rf"(?:,?\s(?:and\s)?(?P<hmins>{_NUM})\s(?:minutes?|mins?))?"
    rf"|half\san\shour|(?P<mins>{_NUM})\s(?:minutes?|mins?))"
    rf"|(?P<adj>\d{{1,3}}|one|two|three|five|ten|fifteen|twenty|thirty|forty(?:-five)?|fifty|sixty|ninety)"
    rf"[-\s](?P<unit>minute|hour)\b)",
    re.IGNORECASE,
)
# every duration names its unit: a text without one of these has none
_DURATION_CUE = Caseless("min|hour|hr")
_RANGE_RE = re.compile(r"\s?(?:-|–|to|until|till)\s?", re.IGNORECASE)


def _number(word: str) -> float:
    w = word.lower()
    if w in _NUMBER_WORDS:
        return _NUMBER_WORDS[w]
    return float(w)


def find_duration(text: str) -> int | None:
    """Minutes from the first duration in ``text`` ("for around 30 minutes" -> 30,
    "for about an hour and a half" -> 90, "a 45-minute meeting" -> 45)."""
    m = _DURATION_RE.search(text) if _DURATION_CUE.found(text) else None
    if m is None:
        return None
    if m.group("adj"):
        n = _number(m.group("adj"))
        return int(n * 60) if m.group("unit").lower() == "hour" else int(n)
    if m.group("hours"):
        minutes = _number(m.group("hours")) * 60
        if m.group("andhalf"):
            minutes += 30
        if m.group("hmins"):
            minutes += _number(m.group("hmins"))
        return int(minutes)
    if m.group("mins"):
        return int(_number(m.group("mins")))
    return 30  # "half an hour"


def _minutes(hhmm: str) -> int:
    h, m = hhmm.split(":")
    return int(h) * 60 + int(m)


def _aside_follows(text: str, time: TimeMention) -> bool:
    """Does a Japan-time aside in parentheses open right after ``time``?"""
    return any(time.start < a <= time.end + 12 for a, _ in japan_time_spans(text))


def read_clock(text: str) -> Clock:
    """Start time, duration and other-zone note of the event a sentence tells.

    "commencing from 6:15 p.m. for around 30 minutes" -> 18:15, 30 min;
    "from 18:15 to 18:45" -> 18:15, 30 min; "at 10:30 a.m. local time (5:30 p.m.
    Japan time)" -> 10:30 with note "Japan time 17:30". When the only time given is
    Japan time it is kept and the note says so.
    """
    times = find_times(text)
    duration = find_duration(text)
    if not times:
        return Clock(duration=duration)
    first = times[0]
    chosen, other = first, None
    if len(times) >= 2:
        second = times[1]
        gap = text[first.end : second.start]
        if _RANGE_RE.match(text, first.end) and len(gap) <= 6:
            span = (_minutes(second.value) - _minutes(first.value)) % (24 * 60)
            if duration is None and 0 < span <= 12 * 60:
                duration = span
        elif len(gap) <= 12 and (first.zone == "japan") != (second.zone == "japan"):
            chosen, other = (second, first) if first.zone == "japan" else (first, second)
        elif second.zone == "japan" and first.zone != "japan" and _aside_follows(text, first):
            chosen, other = first, second  # "5:00 p.m. (local time; February 20, 1:00 a.m. JST)"
        elif first.zone == "japan" and second.zone != "japan":
            chosen, other = second, first
    note = None
    if other is not None:
        note = f"Japan time {other.value}"
    elif chosen.zone == "japan":
        note = "Japan time"
    lo = min(t.start for t in times[:2])
    hi = max(t.end for t in times[:2])
    return Clock(chosen.value, duration, note, lo, hi)
