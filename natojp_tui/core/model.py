"""The article model: plain dataclasses shared by every layer.

Offsets are always character offsets into one paragraph's text, and paragraph
indexes always count *body* paragraphs (``Article.body``), so
``article.body[q.paragraph][q.start:q.end] == q.text`` holds for every quote and
``article.body[e.paragraph][e.start:e.end]`` is the sentence an event came from.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Any, Literal

ParagraphKind = Literal["body", "turn", "heading", "caption", "dateline", "boilerplate"]
QuoteKind = Literal["direct", "partial", "indirect", "turn"]
DatePrecision = Literal["exact", "day", "visit", "unknown"]

PARAGRAPH_KINDS: tuple[str, ...] = ("body", "turn", "heading", "caption", "dateline", "boilerplate")
# Paragraphs of these kinds are the article's text: quote and event indexes count them.
# A ``turn`` is a speaker-labelled turn of a transcript (``MARLES: Well, …``).
BODY_KINDS: frozenset[str] = frozenset({"body", "turn"})
QUOTE_KINDS: tuple[str, ...] = ("direct", "partial", "indirect", "turn")
EVENT_KINDS: tuple[str, ...] = (
    "meeting",
    "courtesy_call",
    "signing",
    "press_conference",
    "meal",
    "address",
    "visit",
    "group_meeting",
    "summit",
    "ceremony",
)
DATE_PRECISIONS: tuple[str, ...] = ("exact", "day", "visit", "unknown")


# The speaker label opening a transcript turn: "Q:", "MARLES:", "Prime Minister Kishida:",
# "DEPUTY PRIME MINISTER, RICHARD MARLES:", "JAMES APPATHURAI (NATO Spokesman):". At most
# nine words, each capitalised (or a small joining word), no sentence punctuation; a role
# in brackets may follow the name (it is not part of the label).
TURN_LABEL_RE = re.compile(
    r"^(?P<label>[A-Z][\w.'’&/-]*(?:,?\s(?:(?:of|the|and|for|de|van|von|der|bin|al|da|la)\s)?"
    r"[A-Z][\w.'’&/-]*){0,8})(?:\s\((?P<role>[A-Z][^()\n:]{1,60})\))?\s?:(?:\s+|(?=[A-Z\[]))(?=\S)"
)


def turn_label(text: str) -> str | None:
    """The speaker label that opens ``text`` (without its colon), else None."""
    if ":" not in text:  # every label ends with one: most paragraphs are read no further
        return None
    m = TURN_LABEL_RE.match(text)
    return m["label"] if m else None


@dataclass(slots=True)
class Paragraph:
    """One paragraph of an article as it was read, after text hygiene."""

    text: str
    kind: ParagraphKind = "body"

    @property
    def label(self) -> str | None:
        """For a transcript turn, the speaker label it opens with (``MARLES``), else None.

        A turn that continues the previous speaker's answer has no label of its own.
        """
        return turn_label(self.text) if self.kind == "turn" else None


@dataclass(slots=True)
class Role:
    """An office a person held, as stated in an article on a given date."""

    title: str  # e.g. "Secretary General", "Minister of Foreign Affairs"
    organisation: str | None = None  # e.g. "NATO", "Japan"
    as_of: date | None = None  # the article date the role was seen on
    article_id: str | None = None


@dataclass(slots=True)
class Person:
    """A person met in articles; ``id`` is a stable slug of the canonical name."""

    id: str
    name: str  # canonical full name in the usual (given-family) order
    aliases: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    gender: Literal["m", "f"] | None = None

    def role_on(self, when: date | None) -> Role | None:
        """The role seen closest before (or at) ``when``; the latest one if undated."""
        if not self.roles:
            return None
        dated = [r for r in self.roles if r.as_of is not None]
        if when is None or not dated:
            return self.roles[-1]
        before = [r for r in dated if r.as_of <= when]  # type: ignore[operator]
        pool = before or dated
        return max(pool, key=lambda r: r.as_of)  # type: ignore[arg-type,return-value]


@dataclass(slots=True)
class Quote:
    """Something a person said, pinned to its exact place in the text."""

    text: str  # for direct/partial: the text inside the marks; indirect: the reported clause
    kind: QuoteKind
    paragraph: int  # index into Article.body
    start: int  # body[paragraph][start:end] == text
    end: int
    speaker: str | None = None  # canonical full name, None when the text does not say
    speaker_id: str | None = None
    role: str | None = None  # e.g. "NATO Secretary General"
    cue: str | None = None  # how the text names the speaker here: "he", "Mr. Fogh Rasmussen"
    verb: str | None = None  # "said", "stressed", "expressed his hope"
    confidence: float = 1.0
    utterance: int | None = None  # quotes split by their attribution share this number
    speaker_ids: list[str] = field(default_factory=list)  # all speakers ("the two leaders")
    id: str = ""  # stable: f"{article_id}:{paragraph}:{start}", set by the pipeline
    article_id: str = ""
    # "speech" (said, stated, expressed hope that), "stance" (welcomed, thanked, expressed
    # gratitude), None when no verb is written
    verb_class: str | None = None


@dataclass(slots=True)
class Event:
    """Something that happened (a meeting, a signing, a visit) and where it is told."""

    kind: str  # one of EVENT_KINDS
    summary: str  # short, e.g. "Signed the Joint Political Declaration"
    paragraph: int  # index into Article.body
    start: int  # span of the source sentence in body[paragraph]
    end: int
    participants: list[str] = field(default_factory=list)  # canonical names, groups as written
    place: str | None = None
    date: date | None = None
    time: str | None = None  # "HH:MM", local time
    duration: int | None = None  # minutes
    date_precision: DatePrecision = "unknown"
    note: str | None = None  # e.g. "Japan time 02:15 (next day)"
    id: str = ""  # stable: f"{article_id}:e{n}", set by the pipeline
    article_id: str = ""
    groups: list[str] = field(default_factory=list)  # groups met, as written ("members of …")
    background: bool = False  # a past engagement mentioned in passing (its day unknown)


@dataclass(frozen=True, slots=True)
class VisitMention:
    """A sentence saying someone visited (or was visiting) a country or city."""

    visitor: str | None  # canonical name
    host: str  # country or city as written ("Japan", "Tokyo")
    paragraph: int
    start: int  # span of the sentence in body[paragraph]
    end: int
    first_day: date | None = None
    last_day: date | None = None
    days: int | None = None


@dataclass(slots=True)
class Article:
    """A press release, readout or news item, read and cleaned."""

    id: str
    title: str
    paragraphs: list[Paragraph]
    published: date | None = None
    updated: datetime | None = None
    source: str | None = None  # publisher, e.g. "NATO", "Ministry of Foreign Affairs of Japan"
    url: str | None = None
    language: str = "en"
    path: str | None = None
    checksum: str = ""  # sha256 of the original file's bytes
    place: str | None = None  # dateline place, e.g. "Tokyo" in "Tokyo, 15 April 2013 -"
    encoding: str = "utf-8"  # how the original file was decoded
    author: str | None = None  # byline ("By Mari Yamaguchi") when the text gives one
    title_derived: bool = False  # no title line: the title is the text's first sentence
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    visits: list[VisitMention] = field(default_factory=list)  # extracted once, at import

    @property
    def body(self) -> list[str]:
        """Texts of the body paragraphs: what quote and event indexes refer to."""
        return [p.text for p in self.paragraphs if p.kind in BODY_KINDS]

    @property
    def captions(self) -> list[str]:
        return [p.text for p in self.paragraphs if p.kind == "caption"]


def to_jsonable(obj: Any) -> Any:
    """Dataclasses, dates and containers to JSON-ready values (dates as ISO strings)."""
    if hasattr(obj, "__dataclass_fields__"):
        return to_jsonable(asdict(obj))
    if isinstance(obj, dict):
        return {k: to_jsonable(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [to_jsonable(v) for v in obj]
    if isinstance(obj, datetime):
        return obj.isoformat(timespec="minutes")
    if isinstance(obj, date):
        return obj.isoformat()
    return obj
