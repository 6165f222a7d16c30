"""Big lists stay instant: 10,000 articles and 100,000 quotes in the virtualised lists."""

from __future__ import annotations

import time
from datetime import date, timedelta

from textual.app import App, ComposeResult
from timing import collector_paused

from natojp_tui.tui.data import ArticleRow, QuoteRow
from natojp_tui.tui.screens.quote_browser import SORTS, sort_rows
from natojp_tui.tui.widgets.article_list import ArticleList
from natojp_tui.tui.widgets.quote_lines import QuoteLines

N_ARTICLES = 10_000
N_QUOTES = 100_000
BUDGET = 1.0  # seconds, generous for a loaded CI machine; typical figures are far lower


def article_rows(n: int) -> list[ArticleRow]:
    start = date(1990, 1, 1)
    return [
        ArticleRow(
            f"a{k:06d}",
            f"Press release {k} on NATO–Japan cooperation",
            start + timedelta(days=k),
            "NATO" if k % 2 else "MOFA",
            k % 9,
        )
        for k in range(n)
    ]


def quote_rows(n: int) -> list[QuoteRow]:
    days = [date(1990, 1, 1) + timedelta(days=d) for d in range(n // 10 + 1)]
    return [
        QuoteRow(
            f"q{k}",
            "Words about security and partnership",
            f"Speaker {k % 37}",
            "direct",
            f"a{k // 10:06d}",
            days[k // 10],
            "Release",
            "NATO",
            start=k,
        )
        for k in range(n)
    ]


class Harness(App[None]):
    def compose(self) -> ComposeResult:
        yield ArticleList(id="articles")
        yield QuoteLines(id="quotes")


async def test_ten_thousand_articles_and_a_hundred_thousand_quotes_stay_instant():
    articles, quotes = article_rows(N_ARTICLES), quote_rows(N_QUOTES)
    app = Harness()
    with collector_paused():
        async with app.run_test(size=(120, 40)) as pilot:
            article_list = app.query_one(ArticleList)
            lines = app.query_one(QuoteLines)

            started = time.perf_counter()
            article_list.set_rows(articles)
            lines.show(quotes)
            await pilot.pause()
            shown = time.perf_counter() - started

            lines.focus()
            started = time.perf_counter()
            await pilot.press("G")
            jumped = time.perf_counter() - started
            assert lines.cursor == N_QUOTES - 1
            assert lines.scroll_offset.y == N_QUOTES - lines.scrollable_content_region.height

            started = time.perf_counter()
            article_list.apply_filter("release 9999")
            filtered = time.perf_counter() - started
            assert [r.id for r in article_list.lines.rows] == ["a009999"]

    started = time.perf_counter()
    for how in SORTS:
        sort_rows(quotes, how)
    sorted_all = (time.perf_counter() - started) / len(SORTS)

    print(
        f"\nshow 10k articles + 100k quotes: {shown * 1000:.0f} ms; G to the last quote: "
        f"{jumped * 1000:.0f} ms; filter 10k articles: {filtered * 1000:.0f} ms; "
        f"sort 100k quotes: {sorted_all * 1000:.0f} ms"
    )
    assert shown < BUDGET and jumped < BUDGET and filtered < BUDGET and sorted_all < BUDGET


def test_restating_a_row_read_or_new_keeps_every_other_field():
    from dataclasses import fields

    row = ArticleRow(
        "a1", "Title", date(2024, 5, 1), "NATO", 3, 2, ("Kenji Ishizaki",), read=False, new=True
    )
    restated = row.with_state(read=True, new=False)
    assert (restated.read, restated.new) == (True, False)
    for f in fields(ArticleRow):
        if f.name not in {"read", "new"}:
            assert getattr(restated, f.name) == getattr(row, f.name), f.name
    assert row.with_state(read=False, new=True) is row
