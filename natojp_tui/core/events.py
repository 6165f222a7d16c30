"""Meetings, signings, visits and other events an article says happened (pure).

``extract_events`` reads body paragraphs sentence by sentence. A sentence tells an
event when it holds a *trigger* that reports something done: a past-tense verb
("met", "held talks with", "signed", "visited"), a noun in a realised frame ("at a
joint press conference with", "a working dinner was held"). Quoted words never
trigger, and neither do plans, hopes, negations, the present perfect ("has met")
or background years ("In 2014, ..."). Participants come from the people registry
(``core.people``), plus groups as written ("members of the Japanese Diet"). Dates
are only taken from the text: the sentence's own date, a date a following
eventless sentence of the same paragraph gives ("..., said the Secretary General
during his visit to Tokyo on Monday (15 April)."), the previous event's day when
the text says so ("Following the meeting, ..."), else none: "during his visit"
gives precision ``visit`` and no date.

All scans are single regex passes or bounded windows, so the work is linear in
the text length.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Protocol, TypeVar

from natojp_tui.core.attribution import trie_pattern
from natojp_tui.core.dates import (
    DateMention,
    find_dates,
    japan_time_spans,
    month_number,
    read_clock,
)
from natojp_tui.core.model import Event, Person

_T = TypeVar("_T")

# --- what the people registry must offer -------------------------------------------------


class MentionLike(Protocol):
    paragraph: int
    start: int
    end: int
    person_id: str


class Registry(Protocol):
    """The part of ``core.people.PeopleRegistry`` this module uses."""

    people: list[Person]

    def mentions(self) -> Sequence[MentionLike]: ...

    def get(self, person_id: str) -> Person | None: ...

    def resolve(self, cue: str) -> Person | None: ...


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# --- places ------------------------------------------------------------------------------

COUNTRIES = _words(
    """Japan Belgium Korea Australia Zealand China Russia Ukraine Germany France Italy Spain
    Poland Lithuania Latvia Estonia Finland Sweden Norway Denmark Netherlands Luxembourg
    Canada America States Kingdom Britain Turkey Türkiye Greece Romania Bulgaria Hungary
    Slovakia Slovenia Croatia Albania Montenegro Macedonia Portugal Iceland Czechia Czech
    Republic Georgia Moldova India Mongolia Philippines Vietnam Indonesia Singapore Malaysia
    Thailand Taiwan Afghanistan Iraq Pakistan Israel Qatar Europe Asia Africa"""
)
CITIES = _words(
    """Tokyo Osaka Kyoto Hiroshima Nagasaki Yokosuka Yokohama Sapporo Fukuoka Sendai Kobe
    Nagoya Okinawa Naha Ichigaya Nagatacho Kasumigaseki Hakone Ise-Shima Brussels Mons
    Naples Norfolk Washington Vilnius Madrid Riga Tallinn Warsaw Bucharest Helsinki
    Stockholm Oslo Copenhagen Berlin Paris London Rome Lisbon Ottawa Canberra Sydney
    Wellington Seoul Busan Beijing Manila Jakarta Singapore Bangkok Hanoi Delhi Ankara
    Istanbul Athens Prague Budapest Bratislava Ljubljana Zagreb Sofia Tirana Podgorica
    Skopje Reykjavik Kyiv Kiev Chisinau Tbilisi Munich Wales Newport Chicago Lisbon
    Strasbourg Geneva Vienna Brdo Hague Ramstein Brunssum"""
)
_CITY_ALT = "|".join(sorted(CITIES, key=len, reverse=True))
_COUNTRY_PHRASES = frozenset(
    {
        "the United States", "the United Kingdom", "the Republic of Korea", "South Korea",
        "New Zealand", "the Netherlands", "the Philippines", "the Czech Republic", "the US",
        "the U.S.", "the UK", "North Macedonia", "the Indo-Pacific",
    }
)  # fmt: skip
_SITE_HEADS = (
    r"base|ship|vessel|destroyer|frigate|carrier|submarine|university|school|academy|college|"
    r"memorial|museum|cemetery|shrine|temple|monument|park|headquarters|office|residence|"
    r"palace|house|hall|centre|center|command|ministry|port|harbou?r|airport|air\sbase|"
    r"facility|camp|garrison|site|plant|institute|kantei|embassy|hotel|station|hospital"
)
_SITE_HEAD_RE = re.compile(rf"\b(?:{_SITE_HEADS})s?\b", re.IGNORECASE)
_SITE_WORD = (
    r"(?!(?:where|which|when|in|on|at|and|with|to|for|during|after|before|since|until|while|as|"
    r"from|by|than|assuming|taking|leaving|becoming)\b)[\w'’-]+\s"
)
_AT_SITE_RE = re.compile(
    rf"\b(?:at|aboard|on\sboard|to)\s(?P<site>(?:the\s|an?\s)?(?:{_SITE_WORD}){{0,3}}"
    rf"(?i:{_SITE_HEADS})s?\b"
    r"(?:\s(?:of|for)\s(?:the\s)?[A-Z][\w'’.&-]*(?:\s(?:[A-Z][\w'’.&-]*|and))*)?"  # "Ministry of Defense"
    r"|(?:the\s)?(?:[A-Z][\w'’.&-]*|JS|HMS|USS)(?:\s(?:[A-Z][\w'’.&-]*|of|the|for|and|de)){0,7})"
)
_IN_CITY_RE = re.compile(r"\b(?i:in|to|visiting|at)\s(?P<city>[A-Z][\w'’.-]+(?:\s[A-Z][\w'’.-]+)?)")
_NOT_SITES = re.compile(
    r"(?:Summit|Meeting|Conference|Council|Session|Forum|Dialogue|Ceremony|Talks|"
    r"Invitation|Outset|Request|Start|End|Beginning|Margins?|Sidelines?)$"
)

# --- sentences and quotes ----------------------------------------------------------------

_ABBREVIATIONS = _words(
    """mr mrs ms dr prof gen lt col adm capt maj sgt amb rep sen gov st no nos jan feb mar apr
    jun jul aug sep sept oct nov dec e.g i.e etc vs approx co corp inc ltd jr sr rt hon h.e
    dept u.s u.k u.n e.u fig gen lt.gen"""
)
_SENTENCE_END_RE = re.compile(r"[.!?][\"”’')\]]*\s+")
_ZONE_WORDS = frozenset(
    ["japan", "japanese", "jst", "tokyo", "brussels", "cet", "cest", "gmt", "utc", "local"]
)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of ``text`` (abbreviations, initials and list numbers kept inside)."""
    return list(iter_sentences(text))


def iter_sentences(text: str) -> Iterator[tuple[int, int]]:
    """Sentence spans of ``text``, lazily (a reader that stops early stops the work)."""
    start = 0
    for m in _SENTENCE_END_RE.finditer(text):
        nxt = text[m.end() : m.end() + 12]
        if not nxt or not (nxt[0].isupper() or nxt[0].isdigit() or nxt[0] in "“\"‘'(~"):
            continue
        word_start = text.rfind(" ", start, m.start()) + 1
        word = text[max(word_start, start) : m.start()].lower().strip('("“')
        if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
            continue
        if word in ("a.m", "p.m") and (
            not nxt[0].isalpha() or nxt.split(" ", 1)[0].strip("(,").lower() in _ZONE_WORDS
        ):
            continue
        if re.fullmatch(r"\(?\d{1,2}\)?", text[start : m.start()].strip()):
            continue  # "1. Prime Minister ..." list numbers
        yield from _bounded(text, start, m.start() + 1)
        start = m.end()
    if start < len(text):
        end = len(text.rstrip())
        if end > start:
            yield from _bounded(text, start, end)


_MAX_SENTENCE = 1500  # no real sentence is longer; longer runs are read in pieces


def _bounded(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut an overlong "sentence" at spaces so per-sentence work stays bounded."""
    pieces = []
    while end - start > _MAX_SENTENCE:
        cut = text.rfind(" ", start + _MAX_SENTENCE // 2, start + _MAX_SENTENCE)
        if cut <= start:
            cut = start + _MAX_SENTENCE
        pieces.append((start, cut))
        start = cut + 1 if text[cut : cut + 1] == " " else cut
    if end > start:
        pieces.append((start, end))
    return pieces


_QUOTE_PAIRS = {"“": "”", "«": "»", '"': '"'}


_OPENING_RE = re.compile(r"[“«\"]")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Spans of quoted passages (marks included): curly, guillemet and paired straight quotes."""
    spans: list[tuple[int, int]] = []
    pos = 0
    unclosed: set[str] = set()  # marks with no closing mark anywhere after: skip them
    while (m := _OPENING_RE.search(text, pos)) is not None:
        i = m.start()
        if text[i] in unclosed:
            pos = i + 1
            continue
        j = text.find(_QUOTE_PAIRS[text[i]], i + 1)
        if j < 0:
            if text[i] == '"':
                break  # an unpaired straight quote: nothing after it is known to be quoted
            unclosed.add(text[i])
            pos = i + 1
            continue
        if not _is_title(text[i + 1 : j]):
            spans.append((i, j + 1))
        pos = j + 1
    return spans


_SMALL_WORDS = frozenset(
    ("of", "the", "and", "for", "on", "in", "to", "a", "an", "between", "with")
)


def _is_title(inner: str) -> bool:
    """A quoted name, not a quotation: “Joint Political Declaration”, "Iron Shield"."""
    words = inner.strip(" ,.").split()
    if not words or len(inner) > 80 or len(words) > 10:
        return False
    return words[0][:1].isupper() and all(w[:1].isupper() or w in _SMALL_WORDS for w in words)


def mask_quotes(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """``text`` with quoted passages replaced by ``~`` (same length, offsets kept)."""
    if not spans:
        return text
    parts: list[str] = []
    pos = 0
    for a, b in spans:
        parts.append(text[pos:a])
        parts.append("~" * (b - a))
        pos = b
    parts.append(text[pos:])
    return "".join(parts)


# --- triggers ----------------------------------------------------------------------------


def _starting_with(first: str, pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``pattern`` behind a look-ahead for the characters ``first`` its matches start with:
    the same matches, but places where none can start are passed over at C speed."""
    return re.compile(f"(?=[{first}])(?:{pattern})", flags)


_NOUNS: tuple[tuple[str, str], ...] = (
    ("courtesy_call", r"courtesy\s(?:call|visit)s?"),
    ("press_conference", r"(?:press|news)\s(?:conference|point|briefing|availability|encounter)s?"),
    ("meal", r"(?:lunch(?:eon)?|dinner|breakfast|banquet|supper)s?"),
    ("signing", r"signing\sceremony|signing"),
    ("address", r"speech(?:es)?|address|lecture|keynote(?:\saddress|\sspeech)?|remarks"),
    (
        "meeting",
        r"(?:summit\s)?meetings?|talks|summit|discussions?|consultations?|dialogue|"
        r"(?:tele)?phone\s(?:talks?|calls?|conversations?)|video\s?(?:conference|call|meeting)s?|"
        r"videoconferences?|tête-à-tête|audience|bilateral|conversations?|sessions?",
    ),
)
_NOUN_ALT = "|".join(f"(?P<n_{kind}>{rx})" for kind, rx in _NOUNS)
_LIGHT = (
    r"held|had|hosted|co-hosted|attended|joined|gave|delivered|conducted|chaired|co-chaired|"
    r"took\spart\sin|participated\sin|made|paid|received|organi[sz]ed|convened|told|addressed"
)
_DET = r"(?:(?:a|an|the|his|her|their|its|this|another|separate)\s)?"
_MODS = r"(?:[\w'’-]+\s){0,4}?"
_PATTERN_A = _starting_with(
    "a-z", rf"\b(?P<light>{_LIGHT})\s{_DET}(?P<mods>{_MODS})(?:{_NOUN_ALT})\b", re.I
)
_PATTERN_B = _starting_with(
    "a-z",
    rf"\b(?P<frame>at|in|during|after|following|over)\s{_DET}(?P<mods>{_MODS})(?:{_NOUN_ALT})"
    rf"\s(?=with\b|between\b|to\b)",
    re.I,
)
# "..., in talks at the alliance's headquarters", "... over a working lunch."
_PATTERN_B2 = _starting_with(
    ",a-z",
    r"(?:,\s|\b(?:also|then)\s)(?:(?P<frame>in|during|over)\s(?:(?:a|an|their)\s)?|"
    r"(?:following|after)\s(?:their|his|her)\s)(?P<mods>(?:[\w-]+\s){0,2}?)"
    r"(?P<noun>talks|meeting|summit|(?:working\s)?(?:lunch(?:eon)?|dinner|breakfast))\b"
    r"(?=\s(?:at|in|on)\b|[.,;])",
    re.I,
)
_FRAME2_BLOCK = (
    r"\b(?:will|would|shall|plans?|planned|expected|scheduled|set\sto|due\sto|upcoming|next|no|"
    r"not|never|ahead\sof|before)\b"
)
_JOINED_BY_RE = re.compile(r"\b(?:attended|joined|accompanied)\sby\s")
_MEAL_IN_REGION_RE = re.compile(
    r"\b(?:for|over)\s(?:a\s|an\s)?(?:[\w-]+\s)?(?:lunch(?:eon)?|dinner|breakfast|banquet|supper)\b",
    re.I,
)
_PASSIVE_TAIL = r"(?:was|were)\s(?:also\s)?(?:held|hosted|given|delivered|convened|organi[sz]ed)\b"
_PATTERN_PASSIVE = re.compile(
    rf"\b{_DET}(?P<mods>{_MODS})(?:{_NOUN_ALT})\s(?:[\w,'’-]+\s){{0,6}}?{_PASSIVE_TAIL}", re.I
)
# Quick look: a sentence without "was held"-like words has no passive match.
_PASSIVE_TAIL_RE = re.compile(_PASSIVE_TAIL, re.I)
_VERBS: tuple[tuple[str, str], ...] = (
    ("courtesy_call", r"(?:paid|made)\s(?:a\s)?courtesy\s(?:call|visit)\s(?:on|to)"),
    ("meeting", r"met(?:\swith)?|sat\sdown\swith|conferred\swith|held\sa\s(?:telephone|phone|video)\s\w+\swith|"
                r"(?:spoke|spoken|talked)\s(?:by\s(?:tele)?phone|over\sthe\s(?:tele)?phone|on\sthe\s"
                r"(?:tele)?phone|by\svideo\slink)\swith"),
    ("signing", r"signed|co-signed|inked"),
    ("visit", r"visited|toured|inspected|boarded|went\s(?:on\s)?(?:board|aboard)|"
              r"(?:paid|made)\s(?:a|an|his|her|their)\s(?:[\w-]+\s)?visit\sto|"
              r"laid\s(?:a\s)?wreaths?|paid\s(?:his\s|her\s|their\s)?(?:respects|tribute)\sat|"
              r"observed\s(?:a\s|an\s)?(?:[\w-]+\s)?(?:drill|exercise|demonstration)s?"),
    ("address", r"addressed|briefed|spoke\s(?:at|to|before)"),
    ("person_verb", r"welcomed|received|hosted|greeted"),
    ("received_by", r"(?:was|were)\s(?:warmly\s|also\s)?(?:received|welcomed|hosted|greeted)\sby"),
    ("topic", r"discussed|exchanged\s(?:views|opinions)|held\s(?:an\s)?exchange\sof\sviews"),
)  # fmt: skip
_VERB_RE = _starting_with(
    "a-z", r"\b(?:" + "|".join(f"(?P<v_{kind}>{rx})" for kind, rx in _VERBS) + r")\b", re.I
)
_BLOCKING_LEFT = re.compile(
    r"(?:\b(?:will|would|shall|may|might|could|should|must|to|not|never|has|have|cannot|"
    r"can|did\snot|didn['’]t|hasn['’]t|haven['’]t|won['’]t|wouldn['’]t)|n['’]t)"
    r"\s(?:(?:also|then|now|already|later|soon|be|been|jointly|both|each|again|first|once|"
    r"not|never|ever|formally|officially|personally)\s){0,2}$",
    re.I,
)
_NEGATIVE_MODS = re.compile(
    r"\b(?:no|not|never|any|next|future|upcoming|planned|possible|first-ever\sever)\b", re.I
)
_PLAN_CLAUSE = re.compile(
    r"\b(?:will|would|shall|plans?|planned|planning|expected|scheduled|set\sto|due\sto|"
    r"intends?|hopes?|hoped|look(?:s|ed)?\sforward|next\s(?:week|month|year)|upcoming|"
    r"forthcoming|later\sthis\s(?:week|month|year)|agreed\sto|invit\w+|ahead\sof|prior\sto|"
    r"before\sthe|if|unless|whether|aim\w*\sto|propos\w+)\b",
    re.I,
)
_BACKGROUND_RE = re.compile(
    r"\b(?:in\sthe\spast|previously|formerly|over\sthe\s(?:past|last)\s\w+|for\s(?:years|decades)|"
    r"has\slong|have\slong|last\s(?:year|month)|\w+\syears\sago|in\srecent\syears|"
    r"since\s(?:19|20)\d\d|back\sin|(?i:in|of)\s(?:early\s|late\s|mid-)?(?:(?:January|February|March|"
    r"April|May|June|July|August|September|October|November|December)\s)?(?:19|20)\d\d)\b"
)
_YEAR_RE = re.compile(r"(?:19|20)\d\d")
_AUDIENCE_RE = re.compile(
    r"\s(?:the\s|a\s|an\s)?(?:[A-Z]|(?:[\w'’-]+\s){0,2}?(?:students|audience|conference|forum|"
    r"committee|Committee|Council|Parliament|Diet|"
    r"parliament|assembly|council|symposium|seminar|members|troops|personnel|staff|crew|"
    r"cadets|lawmakers|gathering|event|session|diet))",
)
_NOT_AUDIENCE = re.compile(
    r"\s(?:the\s)?(?:reporters|journalists|press|media|NHK|Reuters|AFP|Kyodo|AP|him|her|them|"
    r"each\sother|the\sissue|issues|concerns?|questions?|challenges?)\b",
    re.I,
)

# --- participants ------------------------------------------------------------------------

_PRONOUN_RE = _starting_with("HhSsTt", r"\b(?P<sg>[Hh]e|[Ss]he)\b|\b(?P<pl>[Tt]hey)\b")
_PLURAL_RE = _starting_with(
    "TtBb",
    r"\b(?:[Tt]he|[Bb]oth)\s(?:two\s)?(?:leaders|ministers|sides|men|women|heads\sof\s(?:state|government)|"
    r"(?:foreign|defen[cs]e|prime)\sministers|counterparts|pair)\b|\b[Tt]he\stwo\b",
)
_ROLE_CUE_RE = _starting_with(
    "TtNJADVSPFCM",
    r"\b(?:[Tt]he\s)?(?:(?:NATO|Japanese|Japan['’]s|NATO['’]s|Alliance['’]s|Allied)\s)?"
    r"(?:Deputy\s|Vice\s)?(?:Secretary[\s-]General|Prime\sMinister|Foreign\sMinister|"
    r"Defen[cs]e\sMinister|Chief\sCabinet\sSecretary|Minister\sof\s(?:State\s)?(?:for\s)?"
    r"[A-Z]\w+(?:\s(?:and\s)?[A-Z]\w+)?|Minister|President|Chancellor|Ambassador)\b(?!['’]s)",
)
_GROUP_RE = re.compile(
    r"\b(?:members|representatives|leaders|heads|executives|ambassadors|envoys|diplomats|students|staff|personnel|troops|"
    r"crew|officials|lawmakers|parliamentarians|legislators|delegations?|delegates|experts|"
    r"scholars|academics|journalists|veterans|families|survivors|community|think\stanks?|"
    r"business(?:es|people)?|industry|citizens|residents|cadets|officers|servicemen|"
    r"service\smembers|sailors|soldiers|group|counterparts?|ministers|allies|(?-i:Council))\b",
    re.I,
)
_OBJECT_WORDS = _words(
    """with to on from by of for met meet meeting received welcomed hosted visited between
    thanked invited told called urged accompanied including among like as than via against
    about at in after following before behind under over toward towards into upon
    congratulated joined greeted during and alongside beside"""
)
_TITLE_WORDS = frozenset(["of", "the", "'s"])
_OBJECT_END_RE = re.compile(
    r"[;:]|\s[-–—]\s|,\s(?:[\w'’-]+\s){0,4}?(?:said|says|told|added|reported)\b|"
    r"\sand\s(?:is|was|are|were|will|would|has|have|had|then|also|later|[a-z]+ed)\b|\b(?:who|whom|which|whose|where|while|said|says|stressed|noted|because|"
    r"during|following|after|before|to\sdiscuss|to\sexchange|discussing|in\sorder|as\spart)\b"
)
_TRIM_RE = re.compile(
    r"\s(?:on|in|at|for|during|from|to|as|since|about|regarding|over|amid)\s|,\s|\s\(|"
    r"\s(?:earlier|later|today|yesterday|tomorrow|tonight|again|separately|together|alongside)\b|"
    r"\s(?:one|two|three|four|five|six|\d+)\sdays?\b|"
    r"\s(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|"
    r"\s(?:and\s)?(?:discussed|exchanged|agreed|confirmed|reaffirmed|welcomed)\b"
)
_REMOTE_FRAME_RE = re.compile(
    r"\b(?:by|via|over)\s(?:the\s)?(?:video(?:\slink|conference)?|(?:tele)?phone)\b|\bvirtually\b",
    re.I,
)
_SIGNING_TRIM_RE = re.compile(r"\s(?:with|between|by|together)\s")
_JOINT_RE = re.compile(
    r"\b(?:trilateral|joint|jointly|together|quadrilateral|2\+2|four-way|three-way)\b", re.I
)
_REMOTE_RE = re.compile(r"\b(?:tele)?phone|video|virtual|online\b", re.I)
_VISIT_FRAME_RE = re.compile(
    r"\b(?:during|in\sthe\scourse\sof|on|throughout)\s(?:his|her|their|the|this|that|a|an)\s"
    r"(?:[\w-]+\s){0,3}?(?:visit|trip|stay|tour)\b|\bwhile\s(?:in|visiting)\b",
    re.I,
)
_OPENING_SEQUENCE_RE = re.compile(r"\s*(?:Earlier|Later|Afterwards|Then),")
_SEQUENCE_RE = re.compile(
    r"\b(?:(?:following|after|before|prior\sto|ahead\sof|at\sthe\s(?:end|outset|beginning|start)\sof|"
    r"on\sthe\smargins?\sof|on\sthe\ssidelines?\sof|during)\s(?:the|this|that|their|these|this)\s"
    r"(?:[\w-]+\s){0,3}?(?:meeting|talks|summit|ceremony|signing|call|conference|lunch|dinner|"
    r"discussions?|session)|afterwards|subsequently|thereafter|then|at\sthe\soutset|"
    r"on\sthe\s(?:sidelines|margins)|"
    r"(?:on\s)?the\ssame\sday|also\son\sthat\sday|later\sthat\sday|"
    r"in\sthe\s(?:morning|afternoon|evening))\b",
    re.I,
)
# a time given only vaguely ("last week", "earlier this month"): no day to inherit
_VAGUE_TIME_RE = re.compile(
    r"\b(?:(?:last|next|earlier\sthis|later\sthis)\s(?:week|month|year)|recently|"
    r"in\srecent\s(?:days|weeks|months))\b",
    re.I,
)
_TOPIC_END_RE = re.compile(
    r"[;:.]|,\s(?:and\s)?(?:the|he|she|they|as|while|which|where|in\sparticular)\b|\s(?:with|and\s(?:agreed|confirmed|reaffirmed|shared))\b"
)
_ATTEND_RE = r"(?:attended|joined|chaired|co-chaired|took\spart\sin|participated\sin)\b"
_MAX_WINDOW = 320
_LOOKBACK = 40  # events looked back at for duplicates, topics and pronouns
MAX_TRIGGERS = 1000  # per article: far beyond any release; bounds work on hostile input
MAX_CHARS = 150_000  # per article (~15 long releases): text beyond it is not read
_MAX_SUMMARY = 140
_MAX_TOPICS = 2


@dataclass(slots=True)
class _Candidate:
    """A way a sentence names participants: a person, a pronoun, "the two leaders"."""

    start: int
    end: int
    names: tuple[str, ...]
    kind: str  # "person", "pronoun", "plural"
    subject: bool = True
    linked: bool = False  # joined to the previous candidate by "and" or a comma


@dataclass(slots=True)
class _Trigger:
    kind: str
    start: int
    end: int
    text: str
    style: str  # "verb", "light", "frame", "passive"


@dataclass(slots=True)
class _Context:
    """What reading the article so far has established."""

    registry: Registry
    published: date | None
    dateline_place: str | None
    events: list[Event] = field(default_factory=list)
    topics: dict[int, int] = field(default_factory=dict)  # id(event) -> topics appended
    last_date: date | None = None
    actors: list[str] = field(default_factory=list)  # most recent subject last
    visit_place: str | None = None
    frames: dict[int, str] = field(default_factory=dict)  # id(event) -> how it was dated
    para_date: date | None = None  # last day the current paragraph gave
    para_place: str | None = None  # last city the current paragraph named
    sentence_no: int = 0
    prev_dated: tuple[int, date, frozenset[str]] | None = None  # sentence no, day, people
    sentence: dict[str, object] = field(default_factory=dict)  # per-sentence memo
    roles: dict[str, Person | None] = field(default_factory=dict)  # resolved role cues
    triggers_read: int = 0
    chars_read: int = 0


def _memo(ctx: _Context, key: str, compute: Callable[[], _T]) -> _T:
    """Compute a per-sentence fact once, however many triggers the sentence has."""
    if key not in ctx.sentence:
        ctx.sentence[key] = compute()
    return ctx.sentence[key]  # type: ignore[return-value]


@dataclass(frozen=True, slots=True)
class VisitMention:
    """A sentence saying someone visited (or was visiting) a country or city."""

    visitor: str | None
    host: str
    paragraph: int
    start: int
    end: int
    first_day: date | None = None
    last_day: date | None = None
    days: int | None = None


# --- public API --------------------------------------------------------------------------


def extract_events(
    paragraphs: Sequence[str],
    registry: Registry,
    published: date | None = None,
    title: str = "",
    dateline_place: str | None = None,
) -> list[Event]:
    """Events the body ``paragraphs`` say happened, in text order.

    ``registry`` gives people and their mentions; ``published`` resolves weekdays
    and years; ``dateline_place`` is the default place of events the text does not
    place. ``title`` is accepted for symmetry with the other extractors (headlines
    are not used: their tense says nothing of what happened).
    """
    del title
    ctx = _Context(registry, published, dateline_place)
    mentions = _mentions_by_paragraph(registry)
    for p, text in enumerate(paragraphs):
        if ctx.triggers_read >= MAX_TRIGGERS:
            break
        _read_paragraph(p, text, mentions.get(p, []), ctx)
    for e in ctx.events:
        e.date_precision = _precision(e, ctx.frames.get(id(e)))
    return ctx.events


def extract_visit_mentions(
    paragraphs: Sequence[str], registry: Registry, published: date | None = None
) -> list[VisitMention]:
    """Every "visit to Japan", "visiting Tokyo", "a three-day visit from Tuesday" in the
    text, with the visitor (canonical name) and the days the text gives."""
    mentions = _mentions_by_paragraph(registry)
    out: list[VisitMention] = []
    ctx = _Context(registry, published, None)
    for p, text in enumerate(paragraphs):
        masked = mask_quotes(text, quote_spans(text))
        para_mentions = mentions.get(p, [])
        starts = [m.start for m in para_mentions]
        for s0, s1 in split_sentences(masked):
            found = para_mentions[bisect_left(starts, s0) : bisect_left(starts, s1)]
            sent_cands = _candidates(masked, found, ctx, s0, s1)
            for m in _VISIT_RE.finditer(masked, s0, s1):
                host = _visit_host(m.group("host"))
                if host is None:
                    continue
                visitor = _visitor(masked, sent_cands, m.start(), s0, ctx)
                first, last, days = _visit_days(masked, s0, s1, m, published, ctx)
                out.append(
                    VisitMention(
                        visitor[0] if visitor else None, host, p, s0, s1, first, last, days
                    )
                )
            _remember_actors(sent_cands, ctx)
            for d in _sentence_dates(masked, s0, s1, published):
                ctx.last_date = d.resolve(ctx.last_date) or ctx.last_date
    return out


# --- reading -----------------------------------------------------------------------------


def _mentions_by_paragraph(registry: Registry) -> dict[int, list[MentionLike]]:
    out: dict[int, list[MentionLike]] = {}
    for m in registry.mentions():
        out.setdefault(m.paragraph, []).append(m)
    for ms in out.values():
        ms.sort(key=lambda m: (m.start, -m.end))
    return out


def _read_paragraph(p: int, text: str, mentions: list[MentionLike], ctx: _Context) -> None:
    masked = mask_quotes(text, quote_spans(text))
    starts = [m.start for m in mentions]
    para_events: list[Event] = []
    ctx.para_date = ctx.para_place = None
    for s0, s1 in iter_sentences(masked):
        if ctx.triggers_read >= MAX_TRIGGERS or ctx.chars_read >= MAX_CHARS:
            return
        ctx.sentence_no += 1
        ctx.chars_read += s1 - s0
        look = _Look.of(masked[s0:s1])
        sent_mentions = mentions[bisect_left(starts, s0) : bisect_left(starts, s1)]
        sent_cands = (
            _candidates(masked, sent_mentions, ctx, s0, s1) if sent_mentions or look.people else []
        )
        dates = _sentence_dates(masked, s0, s1, ctx.published) if look.dates else []
        new = (
            _read_sentence(p, text, masked, s0, s1, sent_cands, dates, ctx, look.nouns)
            if look.events
            else []
        )
        if not new and para_events and (dates or look.places):
            _attach_trailing_context(masked, s0, s1, sent_cands, dates, para_events, ctx)
        para_events.extend(new)
        _remember_actors(sent_cands, ctx)
        _remember_dates(masked, s0, s1, sent_cands, dates, new, ctx, look.places)
        visit_place = _visit_place(masked, s0, s1) if look.visits else None
        if visit_place:
            ctx.visit_place = visit_place


_TRIGGER_WORDS = (
    "met", "held", "had ", "host", "attend", "join", "gave", "deliver", "conduct", "chair",
    "took part", "participat", "made", "paid", "receiv", "organi", "conven", "told", "address",
    "sign", "inked", "visit", "tour", "inspect", "board", "wreath", "respects", "tribute",
    "observ", "spoke", "welcom", "greet", "discuss", "exchange", "sat down", "conferred",
    "talk", "brief", "summit", "call", "conference", "press", "lunch", "dinner", "breakfast",
    "banquet", "supper", "speech", "lecture", "keynote", "remarks", "session", "dialogue",
    "consultation", "audience", "bilateral", "tête", "received", "welcomed",
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
    "bilateral", "conversation", "session",
]))  # fmt: skip


@dataclass(frozen=True, slots=True)
class _Look:
    """What a quick look (substring tests, C speed) says a sentence may hold: the costly
    readers only run where they can find something."""

    events: bool
    dates: bool
    people: bool
    places: bool
    visits: bool
    nouns: bool = True  # may hold an event noun ("talks", "lunch", ...)

    @classmethod
    def of(cls, sentence: str) -> _Look:
        low = sentence.lower()
        long = len(sentence) > 1000  # only an overlong, cut "sentence": not prose
        events = _TRIGGER_LOOK.search(low) is not None
        dates = (not long or events) and (
            _DIGIT_RE.search(low) is not None or _DATE_LOOK.search(low) is not None
        )
        # case-insensitive patterns fold some non-ASCII letters ("K", Kelvin) to ASCII
        # ones: only an ASCII sentence is known to be noun-free from its lower case
        nouns = events and (not sentence.isascii() or _NOUN_LOOK.search(low) is not None)
        return cls(
            events=events,
            dates=dates,
            people=_PEOPLE_LOOK.search(low) is not None,
            places=_PLACE_LOOK.search(low) is not None,
            visits=_VISIT_LOOK.search(low) is not None,
            nouns=nouns,
        )


def _remember_dates(
    masked: str,
    s0: int,
    s1: int,
    cands: list[_Candidate],
    dates: list[DateMention],
    new: list[Event],
    ctx: _Context,
    places: bool = True,
) -> None:
    """Keep the day and place this sentence established for the sentences after it."""
    relative = _relative_spans(masked, s0, s1) if dates else []
    planned = bool(dates) and _PLAN_CLAUSE.search(masked, s0, s1) is not None
    for d in dates:
        day = d.resolve(ctx.last_date)
        if day is None:
            continue
        ctx.last_date = day
        if planned or any(a <= d.start < b for a, b in relative):
            continue
        if ctx.published is None or (ctx.published - day).days <= 45:
            ctx.para_date = day
            names = {n for c in cands for n in c.names}
            ctx.prev_dated = (ctx.sentence_no, day, frozenset(names))
    for e in new:
        if e.date is not None and ctx.frames.get(id(e)) in ("own", "seq"):
            ctx.para_date = e.date
            ctx.prev_dated = (ctx.sentence_no, e.date, frozenset(e.participants))
    city = _city_in(masked, s0, s1) if places else None
    if city:
        ctx.para_place = city


_RELATIVE_CLAUSE_RE = re.compile(r",\s(?:who|which|whom|whose)\b[^,;]{0,200}(?:,|$)")


def _relative_spans(masked: str, s0: int, s1: int) -> list[tuple[int, int]]:
    """ ", who met Kishida the previous day," - a date inside is not the main clause's."""
    return [(m.start(), m.end()) for m in _RELATIVE_CLAUSE_RE.finditer(masked, s0, s1)]


def _read_sentence(
    p: int,
    text: str,
    masked: str,
    s0: int,
    s1: int,
    cands: list[_Candidate],
    dates: list[DateMention],
    ctx: _Context,
    nouns: bool = True,
) -> list[Event]:
    ctx.sentence = {}
    if ctx.triggers_read >= MAX_TRIGGERS:
        return []
    triggers = _find_triggers(masked, s0, s1, cands, nouns)
    if not triggers:
        return []
    ctx.triggers_read += len(triggers)
    out: list[Event] = []
    topics = []
    for i, trig in enumerate(triggers):
        nxt = triggers[i + 1].start if i + 1 < len(triggers) else s1
        if trig.kind == "topic":
            topics.append((trig, nxt))
            continue
        if not _realised(masked, s0, trig):
            continue
        if trig.style in ("verb", "light") and not _actor_left(masked, s0, trig, cands):
            continue
        if _is_background(masked, s0, s1, trig, ctx):
            continue
        for event in _build_events(p, text, masked, s0, s1, trig, nxt, cands, dates, ctx):
            if _merge_duplicate(event, ctx):
                continue
            ctx.events.append(event)
            out.append(event)
    for trig, nxt in topics:  # after the sentence's own events, which they may belong to
        _read_topic(p, masked, s0, s1, trig, nxt, cands, dates, ctx, out)
    return out


# --- candidates (who a sentence names) ---------------------------------------------------


def _candidates(
    masked: str, mentions: Sequence[MentionLike], ctx: _Context, s0: int, s1: int
) -> list[_Candidate]:
    """People, pronouns and plural cues of ``masked[s0:s1]`` outside quotes, in order, with
    subject/object status."""
    raw: list[_Candidate] = []
    taken: list[tuple[int, int]] = []
    for m in mentions:
        if masked[m.start : m.start + 1] == "~":
            continue
        person = ctx.registry.get(m.person_id)
        if person is None or (taken and m.start < taken[-1][1]):
            continue
        raw.append(_Candidate(m.start, m.end, (person.name,), "person"))
        taken.append((m.start, m.end))
    for m in _ROLE_CUE_RE.finditer(masked, s0, s1):
        if _overlaps(taken, m.start(), m.end()):
            continue
        cue = m.group(0)
        if cue not in ctx.roles:
            ctx.roles[cue] = _resolve_role(ctx.registry, cue)
        person = ctx.roles[cue]
        if person is not None:
            raw.append(_Candidate(m.start(), m.end(), (person.name,), "person"))
    for m in _PRONOUN_RE.finditer(masked, s0, s1):
        raw.append(_Candidate(m.start(), m.end(), (), "pronoun" if m.group("sg") else "plural"))
    for m in _PLURAL_RE.finditer(masked, s0, s1):
        if not _overlaps(taken, m.start(), m.end()):
            raw.append(_Candidate(m.start(), m.end(), (), "plural"))
    raw.sort(key=lambda c: (c.start, -c.end))
    cands: list[_Candidate] = []
    for c in raw:
        if cands and c.start < cands[-1].end:
            continue
        prev = cands[-1] if cands else None
        if (
            prev is not None
            and prev.kind == "person"
            and c.kind == "person"
            and (
                masked[prev.end : c.start].strip() == ""
                or (prev.names == c.names and masked[prev.end : c.start].strip() in (",", "("))
            )
        ):
            prev.end, prev.names = c.end, c.names  # "Defence Minister" + "Itsunori Onodera"
            continue
        _set_status(masked, c, cands[-1] if cands else None)
        cands.append(c)
    return cands


def _overlaps(spans: list[tuple[int, int]], a: int, b: int) -> bool:
    i = bisect_left(spans, (a, a))
    return any(s < b and a < e for s, e in spans[max(0, i - 1) : i + 1])


def _resolve_role(registry: Registry, cue: str) -> Person | None:
    words = cue.split()
    if words and words[0] in ("the", "The") and len(words) == 1:
        return None
    try:
        return registry.resolve(cue)
    except Exception:  # a registry that cannot read this cue says nothing about it
        return None


_VERB_AFTER_RE = re.compile(
    r"\s(?:also\s|then\s|later\s)?(?:[a-z]+ed|said|says|told|met|held|signed|was|is|had|has|"
    r"paid|gave|made|took|spoke|did|will|would)\b"
)
_SHORT_TITLE_RE = re.compile(r"(?:[A-Z][a-z]{0,3}\.|(?:[A-Z]\.){1,3})$")  # "Mr.", "H.E."


def _set_status(masked: str, c: _Candidate, prev: _Candidate | None) -> None:
    """Decide whether ``c`` is a subject (acts) or an object (is met, thanked, ...).

    Title words before a name are skipped ("with the Minister of Foreign Affairs Fumio
    Kishida" -> "with": object), also across an appositive comma ("the Chief of Staff of
    the Japan Joint Staff, General Koji Yamazaki"); a name joined to the previous one by
    "and" or a comma shares its status, unless a verb follows it ("After meeting
    Hamada, Stoltenberg told ...").
    """
    if c.kind == "pronoun" or masked[c.start : c.end].lower() == "they":
        c.subject = True
        return
    lo = max(0, c.start - 160)
    tokens = masked[lo : c.start].split()
    if lo > 0 and tokens:
        tokens = tokens[1:]  # a cut word
    pos = c.start
    while tokens:
        t = tokens[-1]
        bare = t.rstrip(",")
        if t.endswith((";", ":")) or (t.endswith(".") and not _SHORT_TITLE_RE.search(t)):
            break
        joined_prev = prev is not None and t.endswith(",") and _ends_near(masked, prev, pos, t)
        titled = bare[:1].isupper() or bare in _TITLE_WORDS
        if bare in ("to", "for") and len(tokens) > 1 and tokens[-2][:1].isupper():
            titled = True  # "Ambassador to Belgium", "Minister for Foreign Affairs"
        if not titled or joined_prev:
            break
        pos = masked.rfind(t, lo, pos)
        tokens.pop()
    if not tokens:
        c.subject = True
        return
    last = tokens[-1]
    word = last.strip(",;:.()\"“”'’").lower()
    if last.endswith(",") or word == "and":
        near = prev is not None and prev.kind == "person" and c.start - prev.end <= 120
        if near and _ends_near(masked, prev, pos, last):  # type: ignore[arg-type]
            assert prev is not None
            c.linked = True
            c.subject = prev.subject or _VERB_AFTER_RE.match(masked, c.end) is not None
            return
        c.subject = last.endswith(",") or _VERB_AFTER_RE.match(masked, c.end) is not None
        return
    if last.endswith((".", ";", ":")):
        c.subject = True
        return
    c.subject = word not in _OBJECT_WORDS


def _ends_near(masked: str, prev: _Candidate, pos: int, token: str) -> bool:
    """Does the token just before ``pos`` end the previous candidate ("Kishida," / "and")?"""
    tok_start = masked.rfind(token, 0, pos)
    if tok_start < 0:
        return False
    if token.strip(",").lower() == "and":
        return prev.end >= tok_start - 2 and prev.end <= tok_start
    return prev.end <= tok_start + len(token) and prev.end >= tok_start


def _remember_actors(cands: list[_Candidate], ctx: _Context) -> None:
    for c in cands:
        if c.kind == "person" and c.subject:
            name = c.names[0]
            if name in ctx.actors:
                ctx.actors.remove(name)
            ctx.actors.append(name)


def _resolve_pronoun(c: _Candidate, ctx: _Context) -> tuple[str, ...]:
    if c.kind == "plural":
        for e in reversed(ctx.events[-_LOOKBACK:]):
            people = _people_of(e, ctx)
            if len(people) >= 2:
                return tuple(people)
        return tuple(ctx.actors[-2:]) if len(ctx.actors) >= 2 else ()
    pronoun = "f" if c.end - c.start == 3 else "m"
    for name in reversed(ctx.actors):
        gender = _gender(name, ctx)
        if gender in (None, pronoun):
            return (name,)
    return ()


def _gender(name: str, ctx: _Context) -> str | None:
    for person in ctx.registry.people:
        if person.name == name:
            return person.gender
    return None


def _people_of(e: Event, ctx: _Context) -> list[str]:
    names = {p.name for p in ctx.registry.people}
    return [n for n in e.participants if n in names]


def _sentence_subject(
    before: list[_Candidate], pronoun: _Candidate, ctx: _Context
) -> tuple[str, ...]:
    """A singular pronoun's antecedent when the same sentence opened with a person subject."""
    if pronoun.kind == "plural":
        return ()
    gender = "f" if pronoun.end - pronoun.start == 3 else "m"
    for c in before:
        if c.subject and c.kind == "person" and len(c.names) == 1:
            if _gender(c.names[0], ctx) in (None, gender):
                return c.names
            return ()
    return ()


def _subject_names(cands: list[_Candidate], pos: int, s0: int, ctx: _Context) -> tuple[str, ...]:
    """Who does what a trigger at ``pos`` says: the nearest subject group before it."""
    before = [c for c in cands if c.end <= pos and pos - c.end <= _MAX_WINDOW and c.start >= s0]
    for i in range(len(before) - 1, -1, -1):
        c = before[i]
        if not c.subject:
            continue
        if c.kind != "person":
            same = _sentence_subject(before[:i], c, ctx)  # "X attended ..., where he spoke"
            return same if same else _resolve_pronoun(c, ctx)
        group = [c]
        j = i
        while before[j].linked and j > 0 and before[j - 1].subject:
            j -= 1
            group.insert(0, before[j])
        names: list[str] = []
        for g in group:
            for n in g.names:
                if n not in names:
                    names.append(n)
        return tuple(names)
    return (ctx.actors[-1],) if ctx.actors else ()


# --- triggers ----------------------------------------------------------------------------


_BAD_MODS = re.compile(rf"\b(?:a|an|the|his|her|their|{_LIGHT})\b", re.I)


def _good_mods(m: re.Match[str]) -> bool:
    mods = m.group("mods") or ""
    return not _NEGATIVE_MODS.search(mods) and not _BAD_MODS.search(mods)


def _search_all(
    pattern: re.Pattern[str], text: str, s0: int, s1: int, accept: Callable[[re.Match[str]], bool]
) -> list[re.Match[str]]:
    """Matches of ``pattern`` in ``text[s0:s1]``; a rejected match is retried one character
    later, so "had earlier joined a session" still finds "joined a session"."""
    out = []
    pos = s0
    while pos < s1:
        m = pattern.search(text, pos, s1)
        if m is None:
            break
        if accept(m):
            out.append(m)
            pos = max(m.end(), pos + 1)
        else:
            pos = m.start() + 1
    return out


def _find_triggers(
    masked: str, s0: int, s1: int, cands: list[_Candidate], nouns: bool = True
) -> list[_Trigger]:
    """Event triggers of ``masked[s0:s1]``; ``nouns=False`` when a quick look found no
    event noun there (the noun patterns are then skipped)."""
    found: list[_Trigger] = []
    if nouns:
        _find_noun_triggers(masked, s0, s1, found)
    for m in _VERB_RE.finditer(masked, s0, s1):
        kind = next(k[2:] for k, v in m.groupdict().items() if v is not None and k.startswith("v_"))
        if kind == "person_verb" and not _person_follows(masked, m.end(), cands):
            continue
        if kind == "address" and (
            _NOT_AUDIENCE.match(masked, m.end()) or not _AUDIENCE_RE.match(masked, m.end())
        ):
            continue
        if kind in ("person_verb", "received_by"):
            kind = "meeting"
        found.append(_Trigger(kind, m.start(), m.end(), m.group(0), "verb"))
    found.sort(key=lambda t: (t.start, -(t.end - t.start)))
    out: list[_Trigger] = []
    for t in found:
        if out and t.start < out[-1].end:
            continue  # overlapping: the earlier (longer) reading wins
        out.append(t)
    return out


def _find_noun_triggers(masked: str, s0: int, s1: int, found: list[_Trigger]) -> None:
    """Triggers built around an event noun ("held talks", "at a meeting with", ...)."""
    for m in _search_all(_PATTERN_A, masked, s0, s1, _good_mods):
        kind = _noun_kind(m)
        light = m.group("light").lower()
        if light == "told" and kind != "press_conference":
            continue
        if light == "addressed" and kind not in ("press_conference", "meeting"):
            continue
        if light == "received" and kind != "courtesy_call":
            continue
        found.append(_Trigger(kind, m.start(), m.end(), m.group(0), "light"))
    for m in _search_all(_PATTERN_B, masked, s0, s1, _good_mods):
        found.append(_Trigger(_noun_kind(m), m.start(), m.end(), m.group(0), "frame"))
    for m in _search_all(_PATTERN_B2, masked, s0, s1, _good_mods):
        noun = m.group("noun").lower()
        kind = "meeting" if noun in ("talks", "meeting", "summit") else "meal"
        begin = m.start() + (2 if m.group(0).startswith(", ") else 0)
        found.append(_Trigger(kind, begin, m.end(), m.group(0), "frame2"))
    if _PASSIVE_TAIL_RE.search(masked, s0, s1) is not None:
        for m in _search_all(_PATTERN_PASSIVE, masked, s0, s1, _good_mods):
            found.append(_Trigger(_noun_kind(m), m.start(), m.end(), m.group(0), "passive"))


def _noun_kind(m: re.Match[str]) -> str:
    for kind, _ in _NOUNS:
        if m.group(f"n_{kind}") is not None:
            return kind
    return "meeting"


def _person_follows(masked: str, pos: int, cands: list[_Candidate]) -> bool:
    """Is the direct object right after ``pos`` a person ("welcomed Prime Minister Kishida")?"""
    for c in cands:
        if c.start >= pos and c.kind == "person":
            gap = masked[pos : c.start]
            return (
                len(gap) <= 70
                and re.fullmatch(r"(?:\s|the\s|[A-Z][\w'’.-]*,?\s|of\s)*", gap) is not None
            )
    return False


def _realised(masked: str, s0: int, trig: _Trigger) -> bool:
    """Does the trigger report something that happened (not a plan, hope or negation)?"""
    left = masked[max(s0, trig.start - 60) : trig.start]
    if trig.style in ("verb", "light") and _BLOCKING_LEFT.search(left):
        return False
    if re.search(r"\bfirst\stime\b", left, re.I):
        return False  # "the first time a Japanese minister addressed the Council": history
    if trig.style in ("frame", "passive"):
        clause = masked[max(s0, trig.start - 120) : trig.end]
        if _PLAN_CLAUSE.search(clause) or re.search(r"\b(?:no|not|never)\b", clause):
            return False
    if trig.style == "frame2":
        clause = masked[max(s0, trig.start - 160) : trig.end]
        if re.search(_FRAME2_BLOCK, clause, re.I):
            return False
    return not (trig.style == "passive" and _BLOCKING_LEFT.search(masked[s0 : trig.end][-80:]))


_ADVERBS = _words(
    """also jointly then later formally officially subsequently both together and who had
    first today yesterday finally personally separately briefly each respectively afterwards
    earlier thereafter recently once again further"""
)


def _actor_left(masked: str, s0: int, trig: _Trigger, cands: list[_Candidate]) -> bool:
    """Is the word before a verb trigger its actor (a person, pronoun, name or adverb)?
    "This is the first declaration signed between ..." has none."""
    left = masked[max(s0, trig.start - 40) : trig.start].rstrip()
    if not left:
        return False
    edge = max(s0, trig.start - 40) + len(left)
    if any(c.end == edge for c in cands):
        return True
    word = left.rsplit(None, 1)[-1]
    if _GROUP_RE.fullmatch(word) is not None:
        return True  # "Senior NATO and Japanese officials met ..."
    return word[:1].isupper() or word.endswith(",") or word.lower() in _ADVERBS


_MONTH_ONLY_RE = re.compile(
    r"\b(?i:in|since|during)\s(?:early\s|late\s|mid-)?(?P<m>January|February|March|April|May|June|"
    r"July|August|September|October|November|December)\b(?!\s\d)"
)


def _is_background(masked: str, s0: int, s1: int, trig: _Trigger, ctx: _Context) -> bool:
    """Background history ("In 2014, ...", "met Rutte in April", "has in the past") in the
    trigger's clause: before it, or after it up to the next comma."""
    published = ctx.published
    comma = masked.find(",", trig.end, min(s1, trig.end + _MAX_WINDOW))
    clause_end = min(s1, trig.end + _MAX_WINDOW) if comma < 0 else comma
    cues = _memo(ctx, "background", lambda: _background_cues(masked, s0, s1, published))
    return any(a < clause_end and not trig.start <= a < trig.end for a in cues)


def _background_cues(masked: str, s0: int, s1: int, published: date | None) -> list[int]:
    """Where the sentence points at the past: other years, other months, "in the past"."""
    cues = []
    for m in _BACKGROUND_RE.finditer(masked, s0, s1):
        year = _YEAR_RE.search(m.group(0))
        if year is None or published is None or int(year.group(0)) != published.year:
            cues.append(m.start())
    if published is not None:
        for m in _MONTH_ONLY_RE.finditer(masked, s0, s1):
            month = month_number(m.group("m"))
            if month is not None and month != published.month:
                cues.append(m.start())
    return cues


# --- building events ---------------------------------------------------------------------


def _sentence_dates(masked: str, s0: int, s1: int, published: date | None) -> list[DateMention]:
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


def _object_region(
    masked: str, trig: _Trigger, limit: int, cands: list[_Candidate]
) -> tuple[int, int]:
    end = min(limit, trig.end + _MAX_WINDOW)
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
    return (
        re.fullmatch(r"[\s,]*(?:with\s)?(?:the\s)?(?:[A-Z][\w'’.-]*\s|of\s)*", masked[a:b])
        is not None
    )


def _build_events(
    p: int,
    text: str,
    masked: str,
    s0: int,
    s1: int,
    trig: _Trigger,
    limit: int,
    cands: list[_Candidate],
    dates: list[DateMention],
    ctx: _Context,
) -> list[Event]:
    r0, r1 = _object_region(masked, trig, limit, cands)
    objects = [c for c in cands if r0 <= c.start < r1 and c.kind == "person"]
    if trig.style == "frame2":  # "exchanged views with X over a working lunch": X came before
        objects = [c for c in cands if s0 <= c.start < trig.start and c.kind == "person"]
        objects = [c for c in objects if not c.subject]
    own_subject = _has_subject_before(cands, trig.start)
    if trig.style == "passive":
        subjects = tuple(n for c in objects for n in c.names)
        objects = []
        if not subjects:
            subjects = (
                _subject_names(cands, trig.start, s0, ctx) if own_subject else _previous_people(ctx)
            )
    elif own_subject:
        subjects = _subject_names(cands, trig.start, s0, ctx)
    else:
        group = _group_subject(masked, s0, trig.start)
        subjects = (group,) if group else _subject_names(cands, trig.start, s0, ctx)
        own_subject = group is not None
    kind = trig.kind
    if kind in ("meeting", "courtesy_call") and _MEAL_IN_REGION_RE.search(masked, r0, r1):
        kind = "meal"  # "sat down with X for a working breakfast"
    place = None
    if kind == "visit":
        site = _site_object(masked, r0, r1)
        if site is None:
            return []  # a country or city: the visit itself, not an event within it
        at_site = _AT_SITE_RE.search(masked, r0, r1)
        cleaned = _clean_site(at_site.group("site")) if at_site else None
        object_is_site = _SITE_HEAD_RE.search(site) is not None
        place = cleaned if cleaned and cleaned not in CITIES and not object_is_site else site
    groups = _groups(masked, r0, r1, objects)
    attended = trig.style == "light" and re.match(_ATTEND_RE, trig.text, re.I) is not None
    real_groups = [g for g in groups if "counterpart" not in g]
    if kind == "meeting" and real_groups and not objects and trig.style != "passive":
        kind = "meeting" if attended else "group_meeting"
    group_subject = own_subject and bool(subjects) and not _people_in(subjects, ctx)
    no_counterpart = not objects and not groups and len(subjects) < 2 and not group_subject
    if kind in ("meeting", "courtesy_call", "group_meeting") and no_counterpart and not attended:
        return []
    clock = _memo(ctx, "clock", lambda: read_clock(masked[s0:s1]))
    joined = _JOINED_BY_RE.search(masked, trig.end, min(s1, trig.end + _MAX_WINDOW))
    if joined is not None:  # "..., which was also attended by Foreign Minister Iwaya"
        extra = [c for c in cands if joined.end() <= c.start < joined.end() + 80]
        objects = objects + [c for c in extra if c.kind == "person" and c not in objects]
    people = {*subjects, *(n for c in objects for n in c.names)}
    when, frame = _event_date(masked, s0, s1, trig, dates, ctx, people)
    if when is not None and ctx.published is not None and (ctx.published - when).days > 45:
        return []  # an old event recalled as background
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
        w0, w1 = max(s0, trig.start - _MAX_WINDOW), min(s1, trig.end + _MAX_WINDOW)
        place = _place_in(masked, r0, r1, trig) or _place_in(masked, w0, w1, trig)
    if place is None and not remote:
        place = _context_place(frame, ctx)
    if kind == "visit":
        groups = [g for g in groups if g not in (place or "")]
    units = _split_units(limit, kind, objects, groups, masked, s0, s1, trig)
    events: list[Event] = []
    for unit_people, unit_groups, obj_text in units:
        participants = _unique([*subjects, *unit_people, *unit_groups])
        if trig.style == "frame2" and len(participants) > 1:
            obj_text = "with " + " and ".join(participants[1:])
        if not participants and kind not in ("signing", "visit", "address", "meal"):
            continue
        summary = _summary(trig, masked, obj_text, kind)
        events.append(
            Event(
                kind=kind,
                summary=summary,
                paragraph=p,
                start=s0,
                end=_sentence_end(text, s1),
                participants=participants,
                place=place,
                date=when,
                time=clock.time,
                duration=clock.duration,
                note=clock.note,
            )
        )
    for e in events:
        ctx.frames[id(e)] = frame
    return events


def _people_in(names: Sequence[str], ctx: _Context) -> list[str]:
    known = {p.name for p in ctx.registry.people}
    return [n for n in names if n in known]


def _context_place(frame: str, ctx: _Context) -> str | None:
    """Where an event the sentence does not place happened, from what came before."""
    if frame == "seq" and ctx.events and ctx.events[-1].place:
        return ctx.events[-1].place
    if frame == "visit" and ctx.visit_place:
        return ctx.visit_place
    if frame == "para" and ctx.para_place:
        return ctx.para_place
    return ctx.dateline_place or ctx.visit_place


_WIRE_DATELINE_RE = re.compile(r"^[A-Z][A-Z .,'’-]{1,40}(?:\([^)]{1,30}\))?\s[-–—]\s")


def _group_subject(masked: str, s0: int, pos: int) -> str | None:
    """A group doing something: "Senior officials from Japan and NATO held talks"."""
    head = masked[s0:pos]
    m = _WIRE_DATELINE_RE.match(head)
    if m is not None:
        head = head[m.end() :]
    head = head.strip(" ,")
    if not head or len(head) > 80 or not head[:1].isupper() or _GROUP_RE.search(head) is None:
        return None
    if re.search(r"\b(?:[a-z]+ed|is|was|are|were|has|have)\b", head):
        return None
    return head


def _sentence_end(text: str, s1: int) -> int:
    return min(len(text), s1)


def _has_subject_before(cands: list[_Candidate], pos: int) -> bool:
    return any(c.end <= pos and c.subject for c in cands)


def _previous_people(ctx: _Context) -> tuple[str, ...]:
    for e in reversed(ctx.events[-_LOOKBACK:]):
        people = _people_of(e, ctx)
        if people:
            return tuple(people)
    return ()


def _unique(items: Sequence[str]) -> list[str]:
    out: list[str] = []
    for it in items:
        if it and it not in out:
            out.append(it)
    return out


_APPOSITIVE_GAP_RE = re.compile(r",\s(?:[A-Z][\w'’.-]*\s){0,3}")


def _groups(masked: str, r0: int, r1: int, objects: list[_Candidate]) -> list[str]:
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
        g = _GROUP_RE.search(part)
        if g is None or "~" in part:
            continue
        phrase = part.rsplit(" with ", 1)[-1] if g.start() > part.rfind(" with ") else part
        phrase = re.sub(r"^\s*(?:with|to|on|of)\s", "", phrase)
        head = _GROUP_RE.search(phrase)
        cut = re.compile(r"\s(?:in|at|on|to|during|for|from|about|over)\s|\s\(").search(
            phrase, head.end() if head else 0
        )
        if cut is not None:
            phrase = phrase[: cut.start()]
        phrase = re.sub(r"^(?:the|a|an)\s", "", phrase.strip(" ,.")).strip()
        if phrase and len(phrase) <= 90 and not _YEAR_RE.fullmatch(phrase):
            out.append(phrase)
    return out


def _split_units(
    limit: int,
    kind: str,
    objects: list[_Candidate],
    groups: list[str],
    masked: str,
    s0: int,
    s1: int,
    trig: _Trigger,
) -> list[tuple[list[str], list[str], str]]:
    """One event per counterpart for meetings ("held talks with A, B and met C"), unless
    the text says it was one joint meeting; one event otherwise."""
    obj_people = [n for c in objects for n in c.names]
    joint = _JOINT_RE.search(masked, s0, s1) is not None
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
    text = masked[trig.end : _object_region(masked, trig, limit, [])[1]]
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


def _summary(trig: _Trigger, masked: str, obj_text: str, kind: str) -> str:
    verb = " ".join(trig.text.split())
    obj = " ".join(obj_text.split())
    if trig.style == "frame2":  # ", over a working lunch" -> "Working lunch with ..."
        noun = re.sub(
            r"^[,\s]*(?:also\s|then\s)?(?:(?:in|during|over)\s(?:(?:a|an|their)\s)?|"
            r"(?:following|after)\s(?:their|his|her)\s)",
            "",
            verb,
        )
        return _cap(_clip(f"{noun} {obj_text}".strip()))
    if trig.style == "passive":
        noun = re.split(r"\s(?:was|were)\s", verb)[0]
        noun = re.sub(r"^(?:a|an|the)\s", "", noun, flags=re.I)
        words = noun.split()
        return _cap(" ".join(words[:6]))
    cut = _TRIM_RE.search(obj)
    if kind == "signing":
        cut2 = _SIGNING_TRIM_RE.search(obj)
        if cut2 is not None and (cut is None or cut2.start() < cut.start()):
            cut = cut2
    if cut is not None and cut.start() > 0:
        obj = obj[: cut.start()]
    obj = obj.strip(" ,.;~")
    if kind == "signing":
        obj = re.sub(r"^(?:a|an)\s(?=[A-Z])", "the ", obj)
    if kind != "signing":
        obj = re.sub(r"^(with\s)?the\s(?=[A-Z])", lambda m: m.group(1) or "", obj)
    if trig.style == "frame":
        verb = re.sub(
            r"^(?:at|in|during|after|following|over)\s(?:(?:a|an|the|his|her|their)\s)?",
            "",
            verb,
            flags=re.I,
        )
    summary = f"{verb} {obj}".strip() if obj else verb
    summary = re.sub(r"\bwith with\b", "with", summary)
    return _cap(_clip(summary))


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:] if s else s


def _clip(s: str, n: int = _MAX_SUMMARY) -> str:
    if len(s) <= n:
        return s
    cut = s.rfind(" ", 0, n)
    return s[: cut if cut > 0 else n].rstrip(" ,;") + "…"


# --- dates and places of events ----------------------------------------------------------


def _event_date(
    masked: str,
    s0: int,
    s1: int,
    trig: _Trigger,
    dates: list[DateMention],
    ctx: _Context,
    people: set[str],
) -> tuple[date | None, str]:
    """The day of the event and how it was found.

    "own": the sentence gives it; "seq": the event follows the one just told ("Following
    the meeting", "later that day", the same people again); "para": an earlier sentence
    of the paragraph dated it; "visit": only "during his visit"; "none": not given.
    """
    relative = _memo(ctx, "relative", lambda: _relative_spans(masked, s0, s1))
    inside = [span for span in relative if span[0] <= trig.start < span[1]]
    usable = [
        d
        for d in dates
        if not any(a <= d.start < b for a, b in relative)
        or any(a <= d.start < b for a, b in inside)
    ]
    if usable:
        mid = (trig.start + trig.end) // 2
        best = min(usable, key=lambda d: abs((d.start + d.end) // 2 - mid))
        resolved = best.resolve(ctx.last_date)
        if resolved is not None:
            same_day = best.anchor == "context" and best.offset == 0
            return resolved, "seq" if same_day else "own"
    if _memo(ctx, "visit", lambda: _VISIT_FRAME_RE.search(masked, s0, s1) is not None):
        return None, "visit"
    if _memo(ctx, "vague", lambda: _VAGUE_TIME_RE.search(masked, s0, s1) is not None):
        return None, "none"  # "met with Stoltenberg last week"
    prev = ctx.events[-1] if ctx.events else None
    sequence = _memo(
        ctx,
        "seq",
        lambda: (
            _SEQUENCE_RE.search(masked, s0, s1) is not None
            or _OPENING_SEQUENCE_RE.match(masked, s0) is not None
        ),
    )
    if prev is not None and sequence:
        return prev.date, "seq" if prev.date else ctx.frames.get(id(prev), "none")
    same_people = prev is not None and len(people) >= 2 and people == set(_people_of(prev, ctx))
    if prev is not None and prev.date is not None and same_people:
        return prev.date, "seq"
    if ctx.prev_dated is not None:
        number, day, names = ctx.prev_dated
        if number == ctx.sentence_no - 1 and people and people <= names:
            return day, "seq"
    if ctx.para_date is not None:
        return ctx.para_date, "para"
    return None, "none"


def _place_in(masked: str, s0: int, s1: int, trig: _Trigger) -> str | None:
    """A site ("at NATO Headquarters") or city ("in Tokyo") the sentence places it in."""
    best: tuple[int, str] | None = None
    for m in _AT_SITE_RE.finditer(masked, s0, s1):
        site = _clean_site(m.group("site"))
        if site is None:
            continue
        dist = abs(m.start() - trig.end)
        if best is None or dist < best[0]:
            best = (dist, site)
    if best is not None:
        return best[1]
    return _city_in(masked, s0, s1)


def _city_in(masked: str, s0: int, s1: int) -> str | None:
    """The first known city the text puts something in ("in Tokyo", "visiting The Hague")."""
    for m in _IN_CITY_RE.finditer(masked, s0, s1):
        words = [w.strip(".,") for w in m.group("city").split()]
        if words[0] in CITIES:
            return words[0]
        if words[0] == "The" and len(words) > 1 and words[1] in CITIES:
            return f"The {words[1]}"
    return None


def _clean_site(site: str) -> str | None:
    site = re.sub(r"\s(?:of|the|for|and|de)$", "", site.strip(" ,."))
    site = re.sub(r"^the\s", "", site)
    words = site.split()
    if not words or _NOT_SITES.search(site):
        return None
    if len(words) == 1 and (words[0] in COUNTRIES or words[0] in ("NATO", "Japan")):
        return None
    if words[0] in CITIES and len(words) == 1:
        return words[0]
    if (
        not _SITE_HEAD_RE.search(site)
        and words[0] not in CITIES
        and not site.startswith(("JS ", "HMS ", "USS "))
    ):
        return None
    return site


def _site_object(masked: str, r0: int, r1: int) -> str | None:
    """What a visit verb visited, if it is a site rather than a country or city."""
    region = re.sub(r"^\s*(?:to|at)\s", " ", masked[r0:r1])
    cut = re.search(
        r",|\s(?:on|to|where|during|for|from|and|in|with|as|after|before|alongside|"
        rf"together|near|accompanied)\s|\s\(|\sat\s(?!(?:{_CITY_ALT})\b)",
        region,
    )
    np = region[: cut.start()] if cut else region
    np = np.strip(" .;~")
    np = re.sub(r"^(?:to|at)\s", "", np)
    np = re.sub(r"^(?:the|an?)\s", "", np)
    if not np or len(np) > 100 or re.match(r"(?:of|for|from|with|by|about|on|into)\b", np):
        return None  # "a demonstration of counter-drone systems" names no site
    if np in COUNTRIES or np in CITIES or f"the {np}" in _COUNTRY_PHRASES or np in _COUNTRY_PHRASES:
        return None
    words = np.split()
    if (
        len(words) <= 2
        and all(w[:1].isupper() for w in words)
        and not _SITE_HEAD_RE.search(np)
        and (words[-1] in COUNTRIES or words[0] in CITIES)
    ):
        return None
    return np


_VISIT_RE = re.compile(
    r"\b(?:(?:visit|trip|tour|stay)\s(?:to|in)|visiting|visited|arrived\sin)\s"
    r"(?P<host>(?:the\s)?[A-Z][\w'’.-]+(?:\s[A-Z][\w'’.-]+)?)"
)


def _visit_host(host: str) -> str | None:
    host = re.split(r"[.,;:](?:\s|$)", host)[0].strip()
    words = host.split()
    if not words:
        return None
    if words[0] == "the":
        phrase = host
        return phrase[4:] if phrase in _COUNTRY_PHRASES else None
    if host in _COUNTRY_PHRASES:
        return host
    if words[0] in COUNTRIES or words[0] in CITIES:
        return words[0]
    return None


def _visit_place(masked: str, s0: int, s1: int) -> str | None:
    """The city a "visit to Tokyo" names (events "during his visit" happen there)."""
    for m in _VISIT_PLACE_RE.finditer(masked, s0, s1):
        city = m.group("c").rstrip(".,")
        if city in CITIES:
            return city
    return None


_VISIT_PLACE_RE = re.compile(
    r"\b(?:(?:visit|trip|stay)\s(?:to|in)|visiting|arrived\sin|(?:who|which)\s(?:is|was)\sin)\s"
    r"(?P<c>[A-Z][\w'’.-]+)"
)


_SPAN_RE = re.compile(
    r"\b(?P<n>one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})-day\b", re.I
)
_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10}  # fmt: skip


_WHO_VISITING_RE = re.compile(r",?\s(?:who|which)\s(?:is|was|has\sbeen|had\sbeen)\s(?:on\s\S+\s)?$")
_BEGIN_RE = re.compile(
    r"\b(?:from|starting|beginning|arriving|arrived|began|begins|started|kicked\soff)\b", re.I
)
_END_RE = re.compile(r"\b(?:concluded|concludes|ended|ends|wrapped\sup|wraps\sup|until)\b", re.I)


def _visitor(
    masked: str, cands: list[_Candidate], pos: int, s0: int, ctx: _Context
) -> tuple[str, ...]:
    """Who visits: the antecedent of "who is visiting", else the subject before the phrase."""
    left = masked[max(s0, pos - 40) : pos]
    if _WHO_VISITING_RE.search(left) or re.search(r"['’]s\s(?:[\w-]+\s){0,3}$", left):
        before = [c for c in cands if c.end <= pos and c.kind == "person"]
        if before:
            return before[-1].names
    return _subject_names(cands, pos, s0, ctx)


def _visit_days(
    masked: str,
    s0: int,
    s1: int,
    phrase: re.Match[str],
    published: date | None,
    ctx: _Context,
) -> tuple[date | None, date | None, int | None]:
    """First and last day of a visit as the sentence gives them (never guessed):
    "from 15 to 17 April", "a three-day visit from Tuesday", "arrived ... on Monday",
    "concluded a two-day visit on Wednesday"."""
    sentence = masked[s0:s1]
    days = None
    m = _SPAN_RE.search(sentence)
    if m is not None:
        n = m.group("n").lower()
        days = _NUMBERS.get(n) or int(n)
    dates = _sentence_dates(masked, s0, s1, published)
    for d in dates:
        if d.end_value is not None and d.value is not None:
            return d.value, d.end_value, (d.end_value - d.value).days + 1
    begin = _BEGIN_RE.search(sentence)
    if phrase.group(0).startswith("arrived"):
        begin = phrase
    end = _END_RE.search(sentence)
    first = last = None
    for d in dates:
        day = d.resolve(ctx.last_date)
        if day is None:
            continue
        if begin is not None and first is None and d.start >= s0 + begin.start():
            first = day
        elif end is not None and last is None and d.start >= s0 + end.start():
            last = day
    if first is not None and last is None and days:
        last = first + timedelta(days=days - 1)
    if last is not None and first is None and days:
        first = last - timedelta(days=days - 1)
    return first, last, days


def _attach_trailing_context(
    masked: str,
    s0: int,
    s1: int,
    cands: list[_Candidate],
    dates: list[DateMention],
    para_events: list[Event],
    ctx: _Context,
) -> None:
    """An eventless sentence that dates or places the event just told in the same
    paragraph about the same person ("..., said the Secretary General during his visit
    to Tokyo on Monday (15 April).") completes that event."""
    if not para_events or _PLAN_CLAUSE.search(masked, s0, s1):
        return
    target = para_events[-1]
    if ctx.frames.get(id(target)) == "visit":
        return
    if target.date is not None and target.place is not None:
        return
    names = {n for c in cands for n in c.names}
    names |= {n for c in cands if c.kind == "pronoun" for n in _resolve_pronoun(c, ctx)}
    if not names & set(target.participants):
        return
    siblings = [
        e
        for e in para_events[-_LOOKBACK:]
        if (e.paragraph, e.start) == (target.paragraph, target.start)
    ]
    if target.date is None and dates and not _background_cues(masked, s0, s1, ctx.published):
        when = dates[0].resolve(ctx.last_date)
        if when is not None:
            for e in siblings:
                e.date = when
                ctx.frames[id(e)] = "own"
    place = _visit_place(masked, s0, s1) or _place_in(masked, s0, s1, _Trigger("", s0, s0, "", ""))
    if place:
        for e in siblings:
            if e.place is None:
                e.place = place


def _precision(e: Event, frame: str | None) -> str:
    if e.date is not None:
        return "exact" if e.time else "day"
    if frame == "visit":
        return "visit"
    return "unknown"


# --- topics and duplicates ---------------------------------------------------------------


def _read_topic(
    p: int,
    masked: str,
    s0: int,
    s1: int,
    trig: _Trigger,
    limit: int,
    cands: list[_Candidate],
    dates: list[DateMention],
    ctx: _Context,
    out: list[Event],
) -> None:
    """ "discussed North Korea": add the topic to the meeting it belongs to."""
    subjects = set(_subject_names(cands, trig.start, s0, ctx))
    r0, r1 = _object_region(masked, trig, limit, cands)
    subjects |= {n for c in cands if r0 <= c.start < r1 and c.kind == "person" for n in c.names}
    end = _TOPIC_END_RE.search(masked, trig.end, min(s1, trig.end + 200))
    topic = masked[trig.end : end.start() if end else min(s1, trig.end + 120)]
    topic = re.sub(r"^\s*(?:on|about|regarding)\s", " ", topic).strip(" ,.~")
    if not topic or "~" in topic:
        return
    day = None
    if dates:
        day = dates[0].resolve(ctx.last_date)
    for e in reversed(ctx.events[-_LOOKBACK:]):
        if e.kind in ("visit", "address"):
            continue
        people = set(_people_of(e, ctx))
        if len(subjects) and not subjects <= people:
            continue
        if day is not None and e.date is not None and e.date != day:
            continue
        n = ctx.topics.get(id(e), 0)
        if n < _MAX_TOPICS:
            verb = "discussed"  # "exchanged views on X" reads as "discussed X" too
            e.summary = _clip(f"{e.summary}; {verb} {topic}")
            ctx.topics[id(e)] = n + 1
        return
    if len(subjects) >= 2 and day is not None:
        event = Event(
            kind="meeting",
            summary=_clip(_cap(f"{trig.text} {topic}")),
            paragraph=p,
            start=s0,
            end=s1,
            participants=sorted(subjects, key=lambda n: (n not in ctx.actors[-1:], n)),
            place=_place_in(masked, s0, s1, trig),
            date=day,
        )
        ctx.frames[id(event)] = "own"
        ctx.events.append(event)
        out.append(event)


_SAME_KINDS = {"courtesy_call": "meeting", "group_meeting": "meeting"}


def _merge_duplicate(event: Event, ctx: _Context) -> bool:
    """Fold a second telling of an event already extracted ("In the meeting with X,
    ...") into the first: same kind, same people, compatible day."""
    key = _SAME_KINDS.get(event.kind, event.kind)
    people = set(event.participants)
    for e in reversed(ctx.events[-_LOOKBACK:]):
        if _SAME_KINDS.get(e.kind, e.kind) != key or set(e.participants) != people:
            continue
        if e.date is not None and event.date is not None and e.date != event.date:
            continue
        if e.kind == "signing" and not _same_document(e.summary, event.summary):
            continue
        if e.kind in ("visit", "address") and e.summary != event.summary:
            continue
        if (e.paragraph, e.start) == (event.paragraph, event.start):
            return False
        e.date = e.date or event.date
        e.time = e.time or event.time
        e.duration = e.duration or event.duration
        e.place = e.place or event.place
        return True
    return False


def _same_document(a: str, b: str) -> bool:
    wa = {w.lower() for w in re.findall(r"[A-Za-z]{4,}", a)} - {"signed", "with"}
    wb = {w.lower() for w in re.findall(r"[A-Za-z]{4,}", b)} - {"signed", "with"}
    return not wa or not wb or len(wa & wb) >= min(len(wa), len(wb)) / 2
