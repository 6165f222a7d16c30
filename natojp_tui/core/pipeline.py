"""The core's one pipeline: analyse an article's text once, then run every stage on it.

``analyse`` builds the ``AnalysedArticle`` (each paragraph read once: quotation spans,
sentences, masked narrative, name runs, speech verbs); ``extract`` runs the stages on it,
each a pure function of the analysed article and the people registry, and fills the
article's people, quotes and events with stable ids.
"""

from __future__ import annotations

from natojp_tui.core.events import extract_events, extract_visit_mentions
from natojp_tui.core.model import BODY_KINDS, Article
from natojp_tui.core.people import build_registry
from natojp_tui.core.people.registry import PeopleRegistry
from natojp_tui.core.quotes import extract_quotes
from natojp_tui.core.quotes.turns import find_turns
from natojp_tui.core.text.document import AnalysedArticle


def analyse(article: Article) -> AnalysedArticle:
    """The article's body (and captions and headings, read for people only: *The Hon
    Richard Marles MP* over a transcript), analysed once."""
    headings = [p.text for p in article.paragraphs if p.kind == "heading"]
    return AnalysedArticle.of(
        article.body,
        captions=[*article.captions, *headings],
        title=article.title,
        published=article.published,
        place=article.place,
        article_id=article.id,
    )


def extract(article: Article) -> Article:
    """Fill ``article.people``, ``quotes``, ``events`` and ``visits`` in place: the one
    extraction, at import (views read what was stored)."""
    doc = analyse(article)
    registry = build_registry(doc)
    article.people = registry.people
    labels = turn_labels(article)
    article.quotes = extract_quotes(doc, registry, labels)
    article.events = extract_events(doc, registry, turn_speakers(doc, labels, registry))
    article.visits = extract_visit_mentions(doc, registry)
    assign_ids(article)
    return article


def turn_labels(article: Article) -> list[str | None] | None:
    """Per body paragraph: a transcript turn's speaker label, ``""`` for a turn that goes
    on without one, None for a paragraph that is no turn; None for an article without turns."""
    labels = [
        (p.label or "") if p.kind == "turn" else None
        for p in article.paragraphs
        if p.kind in BODY_KINDS
    ]
    return labels if any(x is not None for x in labels) else None


def turn_speakers(
    doc: AnalysedArticle, labels: list[str | None] | None, registry: PeopleRegistry
) -> list[str | None] | None:
    """Per body paragraph of a transcript, the canonical name of the person holding the
    floor ("" for a journalist's question, None for an unknown label or no turn)."""
    if labels is None:
        return None
    turns = find_turns(doc.texts, labels, registry)
    return [
        None
        if t is None
        else ""
        if t.question
        else t.speaker.people[0].name
        if len(t.speaker.people) == 1
        else None
        for t in turns
    ]


def assign_ids(article: Article) -> None:
    """Stable ids derived from the article id and the position in the text."""
    for q in article.quotes:
        q.article_id = article.id
        q.id = f"{article.id}:{q.paragraph}:{q.start}"
    for n, e in enumerate(article.events):
        e.article_id = article.id
        e.id = f"{article.id}:e{n}"
