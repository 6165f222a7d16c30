"""Anchors: what a star, note, tag or correction is attached to, by words, not offsets.

Quote and event ids carry offsets (``ARTICLE:PARAGRAPH:START``, ``ARTICLE:eN``), so an
updated wire story re-imported with one sentence added would orphan everything the
user attached. An :class:`Anchor` keeps the words (the quote's text, or the sentence
an event is told in) and where they were (a hint to choose between repeats). After a
re-import :func:`relocate` finds the same words among the new quotes or events:
exactly first, then by close spelling (rapidfuzz), and says when they are gone.

Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from natojp_tui.core.model import Article, Event, Quote

FUZZY_RATIO = 85.0  # whole-text similarity for a reworded quote ("stronger" -> "strong")
FUZZY_PARTIAL = 95.0  # the old words inside a longer or shorter new quote
MIN_LENGTH_SHARE = 0.5  # a partial match must cover at least half of the longer text


@dataclass(frozen=True, slots=True)
class Anchor:
    """The words a user record is attached to and where they were last seen."""

    text: str
    paragraph: int = 0
    start: int = 0

    def to_doc(self) -> dict[str, Any]:
        return {"text": self.text, "paragraph": self.paragraph, "start": self.start}

    @classmethod
    def from_doc(cls, doc: Mapping[str, Any]) -> Anchor:
        return cls(
            str(doc.get("text") or ""), int(doc.get("paragraph") or 0), int(doc.get("start") or 0)
        )


@dataclass(frozen=True, slots=True)
class Spot:
    """A place an anchor can land on: a quote or an event of the new article."""

    id: str
    text: str
    paragraph: int
    start: int


def event_sentence(event: Event, body: list[str]) -> str:
    """The sentence an event is told in (its summary when the span is out of range)."""
    if 0 <= event.paragraph < len(body):
        sentence = body[event.paragraph][event.start : event.end]
        if sentence.strip():
            return sentence
    return event.summary


def quote_anchor(quote: Quote) -> Anchor:
    return Anchor(quote.text, quote.paragraph, quote.start)


def event_anchor(event: Event, body: list[str]) -> Anchor:
    return Anchor(event_sentence(event, body), event.paragraph, event.start)


def quote_spots(article: Article) -> list[Spot]:
    return [Spot(q.id, q.text, q.paragraph, q.start) for q in article.quotes]


def event_spots(article: Article) -> list[Spot]:
    body = article.body
    return [Spot(e.id, event_sentence(e, body), e.paragraph, e.start) for e in article.events]


def _distance(anchor: Anchor, spot: Spot) -> tuple[int, int]:
    return abs(spot.paragraph - anchor.paragraph), abs(spot.start - anchor.start)


def _squash(text: str) -> str:
    return " ".join(text.casefold().split())


def relocate(anchor: Anchor, spots: Iterable[Spot]) -> Spot | None:
    """The spot holding ``anchor``'s words, or None when they are gone.

    Exact text first (the nearest to the old place when the words repeat), then the
    same text up to case and spacing, then the closest spelling by rapidfuzz: a whole-text
    ratio of at least ``FUZZY_RATIO``, or the old words found inside a new quote that is
    at most twice as long (``FUZZY_PARTIAL``).
    """
    spots = list(spots)
    if not spots or not anchor.text.strip():
        return None
    exact = [s for s in spots if s.text == anchor.text]
    if exact:
        return min(exact, key=lambda s: _distance(anchor, s))
    squashed = _squash(anchor.text)
    loose = [s for s in spots if _squash(s.text) == squashed]
    if loose:
        return min(loose, key=lambda s: _distance(anchor, s))
    from rapidfuzz import fuzz

    best: tuple[float, tuple[int, int], Spot] | None = None
    for spot in spots:
        text = _squash(spot.text)
        score = fuzz.ratio(squashed, text)
        if score < FUZZY_RATIO:
            shorter, longer = sorted((len(squashed), len(text)))
            if longer and shorter / longer >= MIN_LENGTH_SHARE:
                partial = fuzz.partial_ratio(squashed, text)
                score = partial if partial >= FUZZY_PARTIAL else 0.0
            else:
                score = 0.0
        if score <= 0:
            continue
        key = (-score, _distance(anchor, spot))
        if best is None or key < (-best[0], best[1]):
            best = (score, _distance(anchor, spot), spot)
    return best[2] if best else None
