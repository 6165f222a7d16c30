"""Run every extractor over a parsed article and give quotes and events stable ids."""

from __future__ import annotations

from natojp_tui.core.model import Article


def analyse(article: Article) -> Article:
    """Fill ``article.people``, ``article.quotes`` and ``article.events`` in place."""
    body = article.body
    del body  # extractors plug in here (people registry, quotes, events)
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
