"""Search that finds what a journalist types: a bare name, dates, sources, visits."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

from natojp_tui.core.search import (
    QuoteRecord,
    SearchIndex,
    date_range,
    parse_query,
    resolve_articles,
)


def rec(n: int, text: str, speaker: str | None, article: str, published: str, kind="direct"):
    return QuoteRecord(
        id=f"{article}:{n}", text=text, speaker=speaker, kind=kind, article_id=article,
        published=published, paragraph=n, start=0,
    )  # fmt: skip


RECORDS = [
    rec(0, "Japan is a close partner", "Jens Stoltenberg", "nato24", "2024-01-12"),
    rec(1, "We welcome Secretary General Stoltenberg", "Yoko Kamikawa", "nato24", "2024-01-12"),
    rec(0, "the security environment is severe", "Yoshimasa Hayashi", "mofa23", "2023-01-31", "indirect"),
    rec(0, "Stoltenberg's words matter", "Aiko Tanaka", "kyodo23", "2023-02-01"),
    rec(1, "We will deepen the partnership", "Fumio Kishida", "kyodo23", "2023-02-01", "indirect"),
]  # fmt: skip


def ids(query) -> list[str]:
    return [h.record.id for h in SearchIndex.build(RECORDS).search(query).hits]


def test_a_bare_name_finds_the_persons_quotes_first_then_those_that_mention_them():
    assert ids("Stoltenberg") == ["nato24:0", "nato24:1", "kyodo23:0"]
    assert ids("stolt") == ["nato24:0", "nato24:1", "kyodo23:0"]  # a prefix, while typing
    assert ids("speaker:Stoltenberg") == ["nato24:0"]  # exact filtering stays
    assert ids("Kishida partnership") == ["kyodo23:1"]


def test_from_and_to_take_a_year_a_month_or_a_day_both_ends_included():
    assert ids("from:2024") == ["nato24:0", "nato24:1"]
    assert ids("to:2023-01") == ["mofa23:0"]
    assert ids("from:2023-02-01 to:2023-02-01") == ["kyodo23:0", "kyodo23:1"]
    assert date_range("2024-02") == (date(2024, 2, 1), date(2024, 2, 29))


def test_invalid_filters_are_reported():
    assert parse_query("kind:foo").problems == [
        "kind:foo is not one of direct, partial, indirect, turn"
    ]
    (year,) = parse_query("year:13").problems
    assert year.startswith("year:13 needs four digits")
    assert parse_query("from:spring to:2013-13").problems == [
        "from:spring is not a date (YYYY, YYYY-MM or YYYY-MM-DD)",
        "to:2013-13 is not a date (YYYY, YYYY-MM or YYYY-MM-DD)",
    ]
    assert parse_query("kind:reported").kind == "indirect"


def test_source_is_checked_on_each_record_when_not_resolved():
    records = [
        QuoteRecord("a:0", "one", None, "direct", "a", "2024-01-01", source="NATO"),
        QuoteRecord("b:0", "two", None, "direct", "b", "2024-01-02",
                    source="Ministry of Foreign Affairs of Japan"),
    ]  # fmt: skip
    index = SearchIndex.build(records)
    assert [h.record.id for h in index.search("source:mofa").hits] == ["b:0"]
    assert [h.record.id for h in index.search("source:nato").hits] == ["a:0"]


def test_source_and_visit_resolve_to_articles():
    sources = {
        "nato24": "NATO",
        "mofa23": "Ministry of Foreign Affairs of Japan",
        "kyodo23": "Kyodo News",
    }
    visit = SimpleNamespace(id="stoltenberg-japan-2023", visitor="Jens Stoltenberg", host="Japan",
                            article_ids=["mofa23", "kyodo23"])  # fmt: skip
    pq = resolve_articles(parse_query("source:mofa"), sources)
    assert pq.articles == {"mofa23"}
    assert ids(pq) == ["mofa23:0"]
    pq = resolve_articles(parse_query("visit:stoltenberg"), sources, [visit])
    assert ids(pq) == ["kyodo23:0", "kyodo23:1", "mofa23:0"]
    pq = resolve_articles(parse_query("source:kyodo visit:japan"), sources, [visit])
    assert ids(pq) == ["kyodo23:0", "kyodo23:1"]
    nothing = resolve_articles(parse_query("source:reuters"), sources)
    assert ids(nothing) == [] and nothing.problems == [
        "source:reuters names no publisher in the library"
    ]
