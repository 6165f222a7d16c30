"""What reading an article's events has established so far, and the small values the
readers pass around: candidates (who a sentence names) and triggers."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol, TypeVar

from natojp_tui.core.model import Event, Person


class MentionLike(Protocol):
    paragraph: int
    start: int
    end: int
    person_id: str


class Registry(Protocol):
    """The part of ``core.people.PeopleRegistry`` this module uses."""

    people: list[Person]

    def mentions(self) -> Sequence[MentionLike]: ...

    def mentions_in(self, paragraph: int, start: int, end: int) -> Sequence[MentionLike]: ...

    def get(self, person_id: str) -> Person | None: ...

    def resolve(self, cue: str) -> Person | None: ...

    def resolve_at(self, cue: str, paragraph: int, pos: int) -> Person | None: ...


MAX_WINDOW = 320


LOOKBACK = 40  # events looked back at for duplicates, topics and pronouns


MAX_TRIGGERS = 1000  # per article: far beyond any release; bounds work on hostile input


MAX_CHARS = 150_000  # per article (~15 long releases): text beyond it is not read


@dataclass(slots=True)
class Candidate:
    """A way a sentence names participants: a person, a pronoun, "the two leaders"."""

    start: int
    end: int
    names: tuple[str, ...]
    kind: str  # "person", "pronoun", "plural"
    subject: bool = True
    linked: bool = False  # joined to the previous candidate by "and" or a comma


@dataclass(slots=True)
class Trigger:
    kind: str
    start: int
    end: int
    text: str
    style: str  # "verb", "light", "frame", "passive"


@dataclass(slots=True)
class Context:
    """What reading the article so far has established."""

    registry: Registry
    published: date | None
    dateline_place: str | None
    events: list[Event] = field(default_factory=list)
    side: list[Event] = field(default_factory=list)  # background and purpose events: no
    # day, place or pronoun is carried over from them to the events told after
    topics: dict[int, int] = field(default_factory=dict)  # id(event) -> topics appended
    last_date: date | None = None
    actors: list[str] = field(default_factory=list)  # most recent subject last
    named: list[str] = field(default_factory=list)  # most recent person named last (any role)
    visit_place: str | None = None
    frames: dict[int, str] = field(default_factory=dict)  # id(event) -> how it was dated
    para_date: date | None = None  # last day the current paragraph gave
    para_place: str | None = None  # last city the current paragraph named
    lead_date: date | None = None  # the day the lead paragraph gives the news
    on_a_trip: bool = False  # the text has told of a visit or trip (days it does not name)
    sentence_no: int = 0
    prev_dated: tuple[int, date, frozenset[str]] | None = None  # sentence no, day, people
    sentence: dict[str, object] = field(default_factory=dict)  # per-sentence memo
    roles: dict[str, Person | None] = field(default_factory=dict)  # resolved role cues
    triggers_read: int = 0
    chars_read: int = 0


_T = TypeVar("_T")


def memo(ctx: Context, key: str, compute: Callable[[], _T]) -> _T:
    """Compute a per-sentence fact once, however many triggers the sentence has."""
    if key not in ctx.sentence:
        ctx.sentence[key] = compute()
    return ctx.sentence[key]  # type: ignore[return-value]
