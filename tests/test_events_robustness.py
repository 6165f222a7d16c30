"""Event extraction never raises, keeps spans inside paragraphs, is deterministic and linear."""

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from timing import cpu_time

from natojp_tui.core.dates import find_dates, read_clock
from natojp_tui.core.events import extract_events, extract_visit_mentions
from natojp_tui.core.model import to_jsonable
from natojp_tui.core.people import build_registry
from natojp_tui.core.text.document import AnalysedArticle

WORDS = [
    "Secretary", "General", "Jens", "Stoltenberg", "Prime", "Minister", "Fumio", "Kishida",
    "met", "with", "held", "talks", "a", "the", "signed", "visited", "base", "at", "in",
    "Tokyo", "on", "Tuesday", "15", "April", "2013", "6:15", "p.m.", "for", "30", "minutes",
    "during", "his", "visit", "he", "they", "The", "two", "leaders", "discussed", "“", "”",
    '"', ",", ".", ";", "(", ")", "working", "dinner", "courtesy", "call", "on", "members",
    "of", "Diet", "will", "not", "has", "following", "day", "previous", "Japan", "time",
    "\u00a0", "’s", "-", "—", "1.", "who", "which", "and", "delivered", "speech",
]  # fmt: skip

paragraph = st.lists(st.sampled_from(WORDS) | st.text(max_size=8), max_size=60).map(" ".join)


def run(paragraphs: list[str], published: date | None) -> list:
    doc = AnalysedArticle.of(paragraphs, published=published, place="Tokyo", article_id="p")
    return extract_events(doc, build_registry(doc))


@settings(max_examples=150, deadline=None)
@given(st.lists(paragraph, min_size=1, max_size=4), st.none() | st.dates())
def test_never_raises_spans_inside_paragraphs_and_deterministic(
    paragraphs: list[str], published: date | None
) -> None:
    first = run(paragraphs, published)
    for e in first:
        assert 0 <= e.paragraph < len(paragraphs)
        assert 0 <= e.start < e.end <= len(paragraphs[e.paragraph])
        assert e.date_precision in ("exact", "day", "visit", "unknown")
        assert e.date_precision != "exact" or (e.date is not None and e.time is not None)
    assert to_jsonable(run(paragraphs, published)) == to_jsonable(first)
    doc = AnalysedArticle.of(paragraphs, published=published, article_id="p")
    extract_visit_mentions(doc, build_registry(doc))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200), st.none() | st.dates())
def test_date_and_clock_readers_never_raise(text: str, published: date | None) -> None:
    for d in find_dates(text, published):
        assert 0 <= d.start < d.end <= len(text)
    read_clock(text)


SEED = (Path(__file__).parent.parent / "articles").glob("*.txt")
INTRO = "Secretary General Jens Stoltenberg and Prime Minister Fumio Kishida met on Tuesday."
DENSE = (
    "Secretary General Jens Stoltenberg met with Prime Minister Fumio Kishida on Tuesday "
    "and held talks with members of the Japanese Diet, who thanked him. "
)
HOSTILE = {
    "dense meetings": DENSE * (5_100_000 // len(DENSE)),
    "prose": " ".join(p.read_text(encoding="utf-8") for p in SEED).replace("\n", " ") * 1900,
    "one word": "x" * 5_100_000,
    "unclosed quote": "“" + "a " * 2_550_000,
    "digits": "1 2 3 4 5 " * 510_000,
    "triggers without people": "met met with he ( “ 6:15 p.m. " * 170_000,
}


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_a_five_megabyte_paragraph_is_read_in_about_a_second(kind: str) -> None:
    big = HOSTILE[kind]
    assert len(big) > 5_000_000
    registry = build_registry(AnalysedArticle.of([INTRO], published=date(2023, 1, 31)))
    elapsed, events = cpu_time(  # the big one is read by events only
        lambda: extract_events(
            AnalysedArticle.of([INTRO, big], published=date(2023, 1, 31)), registry
        )
    )
    assert events  # the first paragraph is still read
    assert elapsed < 3.0, elapsed
