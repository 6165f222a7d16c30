"""The seed article end to end through the pipeline: the citation the user copies with `y`."""

from __future__ import annotations

from pathlib import Path

from natojp_tui.core.citation import format_quote
from natojp_tui.ingest import load_article


def test_the_last_seed_quote_is_cited_exactly_as_the_user_expects(seed_path: Path) -> None:
    article = load_article(seed_path)
    last = [q for q in article.quotes if q.kind == "direct"][-1]
    assert format_quote(last, article, "attributed") == (
        "“We are natural partners and together we can make a difference.” — Anders Fogh Rasmussen, "
        "NATO Secretary General, Tokyo, 15 April 2013 "
        '("NATO and Japan sign Political Declaration for a stronger partnership", NATO)'
    )


def test_every_seed_quote_and_event_points_at_its_exact_source_text(seed_path: Path) -> None:
    article = load_article(seed_path)
    body = article.body
    assert article.quotes and article.events
    for q in article.quotes:
        assert body[q.paragraph][q.start : q.end] == q.text
        assert q.id == f"{article.id}:{q.paragraph}:{q.start}"
    for e in article.events:
        assert 0 <= e.start < e.end <= len(body[e.paragraph])
