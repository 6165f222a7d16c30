"""Run every extractor over a parsed article and give quotes and events stable ids."""

from __future__ import annotations

from natojp_tui.core.events import extract_events
from natojp_tui.core.model import Article
from natojp_tui.core.people import build_registry
from natojp_tui.core.quotes import extract_quotes


def analyse(article: Article) -> Article:
    """Fill ``article.people``, ``article.quotes`` and ``article.events`` in place."""
    body = article.body
    # Captions name people with their full titles ("NATO Secretary General …"); they are
    # read after the body so they inform roles but are never a quote's or event's source.
    registry = build_registry(
        [*body, *article.captions], article.published, article.id, article.title
    )
    article.people = registry.people
    article.quotes = extract_quotes(body, registry, article.published)
    article.events = extract_events(body, registry, article.published, article.title, article.place)
    assign_ids(article)
    return article


def assign_ids(article: Article) -> None:
    """Stable ids derived from the article id and the position in the text."""
    for q in article.quotes:
        q.article_id = article.id
        q.id = f"{article.id}:{q.paragraph}:{q.start}"
    for n, e in enumerate(article.events):
        e.article_id = article.id
        e.id = f"{article.id}:e{n}"
