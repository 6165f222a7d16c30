"""One sentence of a paragraph's narrative, and the facts about it that several readers
share (what a quick look finds, its dates and clock times, its relative clauses, whether
it points at the past, a plan, a visit or a sequence), each computed once."""

from __future__ import annotations

import re
from datetime import date
from typing import NamedTuple

from natojp_tui.core.dates import Clock, DateMention, find_dates, japan_time_spans, read_clock
from natojp_tui.core.lexicon.months import MONTH_NAME_PATTERN, month_number
from natojp_tui.core.text.memo import once
from natojp_tui.core.text.patterns import Caseless, Cued, Folded, trie_pattern

PLAN_CLAUSE = Folded(
    r"\b(?:will|would|shall|plans?|planned|planning|expected|scheduled|set\sto|due\sto|"
    r"intends?|hopes?|hoped|look(?:s|ed)?\sforward|next\s(?:week|month|year)|upcoming|"
    r"forthcoming|later\sthis\s(?:week|month|year)|agreed\sto|invit\w+|ahead\sof|prior\sto|"
    r"before\sthe|if|unless|whether|aim\w*\sto|propos\w+)\b"
)


_BACKGROUND_RE = Cued(
    re.compile(
        r"\b(?:in\sthe\spast|previously|formerly|last(?=\s(?:met|visited|spoke|talked|held|saw)\b)|over\sthe\s(?:past|last)\s\w+|for\s(?:years|decades)|"
        r"(?:his|her|their)\sprevious\b|has\slong|have\slong|[Ll]ast\s(?:year|month)|\w+\syears\sago|in\srecent\syears|"
        rf"[Ll]ast\s(?:{MONTH_NAME_PATTERN}|spring|summer|autumn|fall|winter)\b|"
        r"(?:weeks|months|years)\s(?:earlier|ago|before)|[Ee]arlier\sthis\syear|"
        r"since\s(?:19|20)\d\d|back\sin|(?i:in|of)\s(?:early\s|late\s|mid-)?"
        rf"(?:(?:{MONTH_NAME_PATTERN})\s)?(?:19|20)\d\d)\b"
    ),
    # "[Ll]ast", "[Ee]arlier", a year (19xx, 20xx) and every other branch's own word
    ("ast", "arlier", "past", "previous", "formerly", "years", "weeks", "months", "decades",
     "long", "back", "19", "20"),
)  # fmt: skip


YEAR_RE = re.compile(r"(?:19|20)\d\d")


_MONTH_ONLY_RE = re.compile(
    rf"\b(?i:in|since|during)\s(?:early\s|late\s|mid-)?(?P<m>{MONTH_NAME_PATTERN})\b(?!\s\d)"
)


_MONTH_YEAR_RE = re.compile(
    rf"\b(?i:in|since|during)\s(?:early\s|late\s|mid-)?(?P<m>{MONTH_NAME_PATTERN})\s(?P<y>(?:19|20)\d\d)\b"
)


def background_cues(masked: str, s0: int, s1: int, published: date | None) -> list[int]:
    """Where the sentence points at the past: other years, other months, "in the past"."""
    cues = []
    for m in _BACKGROUND_RE.finditer(masked, s0, s1):
        year = YEAR_RE.search(m.group(0))
        if year is None or published is None or int(year.group(0)) != published.year:
            cues.append(m.start())
    if published is not None:
        for m in _MONTH_YEAR_RE.finditer(masked, s0, s1):  # "in March 2024", told in May 2024
            month = month_number(m.group("m"))
            if month is not None and (int(m.group("y")), month) < (published.year, published.month):
                cues.append(m.start())
        for m in _MONTH_ONLY_RE.finditer(masked, s0, s1):
            month = month_number(m.group("m"))
            if month is not None and month != published.month:
                cues.append(m.start())
    return cues


_TRIGGER_WORDS = (
    "met", "held", "had ", "host", "attend", "join", "gave", "deliver", "conduct", "chair",
    "took part", "participat", "made", "paid", "receiv", "organi", "conven", "told", "address",
    "sign", "inked", "visit", "tour", "inspect", "board", "wreath", "respects", "tribute",
    "observ", "spoke", "welcom", "greet", "discuss", "exchange", "sat down", "conferred",
    "talk", "brief", "summit", "call", "conference", "press", "lunch", "dinner", "breakfast",
    "banquet", "supper", "speech", "lecture", "keynote", "remarks", "session", "dialogue",
    "consultation", "audience", "bilateral", "tête", "received", "welcomed", "while meeting",
    "to meet", "after meeting", "fter meeting", "speaking", "event", "forum", "exchange of", "symposium", "seminar",
)  # fmt: skip


_DATE_WORDS = (
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    "day", "tonight", "tomorrow", "morning", "evening", "night",
)  # fmt: skip


_PEOPLE_WORDS = ("he", "they", "minister", "secretary", "president", "chancellor", "ambassador",
                 "both", "two")  # fmt: skip


_DIGIT_RE = re.compile(r"\d")


# the same word lists as one factored pattern each: one C-speed scan per sentence
_TRIGGER_LOOK = re.compile(trie_pattern(list(_TRIGGER_WORDS)))


_DATE_LOOK = re.compile(trie_pattern(list(_DATE_WORDS)))


_PEOPLE_LOOK = re.compile(trie_pattern(list(_PEOPLE_WORDS)))


_PLACE_LOOK = re.compile(trie_pattern([" in ", " to ", " at ", "visiting", "aboard"]))


_VISIT_LOOK = re.compile(trie_pattern(["visit", "trip", "stay", "arrived", " is in ", " was in "]))


# every match of the noun patterns (A, B, B2, passive) holds one of these, in any case
_NOUN_LOOK = re.compile(trie_pattern([
    "courtesy", "press", "news", "lunch", "dinner", "breakfast", "banquet", "supper", "signing",
    "speech", "address", "lecture", "keynote", "remarks", "meeting", "talks", "summit",
    "discussion", "consultation", "dialogue", "phone", "video", "tête-à-tête", "audience",
    "bilateral", "conversation", "session", "announcement", "exchange of",
]))  # fmt: skip


# a run of masked (quoted) characters: none of the look's words holds "~", so one stands
# for the run and the look reads only the narrative
_MASK_RUN_RE = re.compile("~~+")


class Look(NamedTuple):
    """What a quick look (substring tests, C speed) says a sentence may hold: the costly
    readers only run where they can find something."""

    events: bool
    dates: bool
    people: bool
    places: bool
    visits: bool
    nouns: bool = True  # may hold an event noun ("talks", "lunch", ...)

    @classmethod
    def of(cls, sentence: str) -> Look:
        low = sentence.lower()
        if "~~" in low:
            low = _MASK_RUN_RE.sub("~", low)
        long = len(sentence) > 1000  # only an overlong, cut "sentence": not prose
        events = _TRIGGER_LOOK.search(low) is not None
        dates = (not long or events) and (
            _DIGIT_RE.search(low) is not None or _DATE_LOOK.search(low) is not None
        )
        # case-insensitive patterns fold some non-ASCII letters ("K", Kelvin) to ASCII
        # ones: only an ASCII sentence is known to be noun-free from its lower case
        nouns = events and (not sentence.isascii() or _NOUN_LOOK.search(low) is not None)
        return cls(
            events,
            dates,
            _PEOPLE_LOOK.search(low) is not None,
            _PLACE_LOOK.search(low) is not None,
            _VISIT_LOOK.search(low) is not None,
            nouns,
        )


_VISIT_FRAME_RE = re.compile(
    r"\b(?:during|in\sthe\scourse\sof|on|throughout)\s(?:his|her|their|the|this|that|a|an)\s"
    r"(?:[\w-]+\s){0,3}?(?:visit|trip|stay|tour)\b|\bwhile\s(?:in|visiting)\b",
    re.I,
)


_OPENING_SEQUENCE_RE = re.compile(r"\s*(?:Earlier|Later|Afterwards|Then),")


_SEQUENCE_RE = Caseless(
    r"\b(?:(?:following|after|before|prior\sto|ahead\sof|at\sthe\s(?:end|outset|beginning|start)\sof|"
    r"on\sthe\smargins?\sof|on\sthe\ssidelines?\sof|during)\s(?:the|this|that|their|these|his|her)\s"
    r"(?:[\w-]+\s){0,3}?(?:meeting|talks|summit|ceremony|signing|call|conference|lunch|dinner|"
    r"discussions?|session)|afterwards|subsequently|thereafter|then|at\sthe\soutset|"
    r"on\sthe\s(?:sidelines|margins)|"
    r"(?:on\s)?the\ssame\sday|also\son\sthat\sday|later\sthat\sday|"
    r"in\sthe\s(?:morning|afternoon|evening))\b"
)


# a time given only vaguely ("last week", "earlier this month"): no day to inherit
VAGUE_TIME_RE = re.compile(
    r"\b(?:(?:last|next|earlier\sthis|later\sthis)\s(?:week|month|year)|recently|"
    r"in\srecent\s(?:days|weeks|months))\b",
    re.I,
)


_RELATIVE_CLAUSE_RE = Cued(
    re.compile(r",\s(?:who|which|whom|whose)\b[^,;]{0,200}(?:,|$)"), ("who", "which")
)


def _relative_spans(masked: str, s0: int, s1: int) -> list[tuple[int, int]]:
    """ ", who met Kishida the previous day," - a date inside is not the main clause's."""
    return [(m.start(), m.end()) for m in _RELATIVE_CLAUSE_RE.finditer(masked, s0, s1)]


def sentence_dates(masked: str, s0: int, s1: int, published: date | None) -> list[DateMention]:
    """Date mentions of one sentence with paragraph offsets, Japan-time asides left out."""
    sentence = masked[s0:s1]
    skip = japan_time_spans(sentence)
    out = []
    for d in find_dates(sentence, published):
        if any(a <= d.start < b for a, b in skip):
            continue
        out.append(
            DateMention(d.start + s0, d.end + s0, d.text, d.anchor, d.value, d.end_value, d.offset)
        )
    return out


class Sentence:
    """A sentence ``masked[start:end]`` of body paragraph ``paragraph`` (``text`` is the
    paragraph as written, ``masked`` its narrative with quotes masked)."""

    def __init__(
        self, paragraph: int, text: str, masked: str, start: int, end: int, published: date | None
    ) -> None:
        self.paragraph = paragraph
        self.text = text
        self.masked = masked
        self.start = start
        self.end = end
        self.published = published

    @once
    def look(self) -> Look:
        """What a quick look says the sentence may hold."""
        return Look.of(self.masked[self.start : self.end])

    @once
    def dates(self) -> list[DateMention]:
        """Date mentions with paragraph offsets, Japan-time asides left out."""
        return sentence_dates(self.masked, self.start, self.end, self.published)

    @once
    def clock(self) -> Clock:
        """Clock time, duration and time-zone note the sentence gives."""
        return read_clock(self.masked[self.start : self.end])

    @once
    def relative(self) -> list[tuple[int, int]]:
        """Relative clauses (", who met Kishida the previous day,")."""
        return _relative_spans(self.masked, self.start, self.end)

    @once
    def background(self) -> list[int]:
        """Where the sentence points at the past (see ``background_cues``)."""
        return background_cues(self.masked, self.start, self.end, self.published)

    @once
    def planned(self) -> bool:
        """Does it speak of a plan, hope or condition ("will", "expected to", "if")?"""
        return PLAN_CLAUSE.search(self.masked, self.start, self.end) is not None

    @once
    def in_visit(self) -> bool:
        """Does it place what it tells "during his visit" (no day of its own)?"""
        return _VISIT_FRAME_RE.search(self.masked, self.start, self.end) is not None

    @once
    def vague(self) -> bool:
        """Is its time given only vaguely ("last week", "recently")?"""
        return VAGUE_TIME_RE.search(self.masked, self.start, self.end) is not None

    @once
    def sequence(self) -> bool:
        """Does it follow on from the event just told ("Following the meeting", "Later,")?"""
        return (
            _SEQUENCE_RE.found(self.masked, self.start, self.end)
            or _OPENING_SEQUENCE_RE.match(self.masked, self.start) is not None
        )
