"""A timeline entry told by several sources opens each of them from the reader (``x``)."""

from __future__ import annotations

from datetime import date

import pytest
from test_tui_support import isolate, make_app

from natojp_tui.core.model import Article, Paragraph
from natojp_tui.core.pipeline import extract
from natojp_tui.tui.widgets.body_view import BodyView
from natojp_tui.tui.widgets.timeline_view import TimelineView

WIDE = (160, 50)


def _article(aid: str, published: date, text: str) -> Article:
    article = Article(id=aid, title=aid, paragraphs=[Paragraph(text)], published=published)
    return extract(article)


RELEASE = _article(
    "release",
    date(2031, 5, 14),
    "Secretary General Maria Lindqvist concluded a two-day visit to Japan on Wednesday "
    "(14 May 2031). On Tuesday (13 May), she held talks with Prime Minister Haruto Sakamoto "
    "in Tokyo.",
)
READOUT = _article(
    "readout",
    date(2031, 5, 13),
    "On May 13, commencing at 5:30 p.m. for approximately 40 minutes, Mr. SAKAMOTO Haruto, "
    "Prime Minister of Japan, held a meeting with H.E. Ms. Maria Lindqvist, Secretary General "
    "of NATO, who is visiting Japan.",
)


@pytest.fixture
def isolated_dirs(tmp_path, monkeypatch):
    return isolate(tmp_path, monkeypatch)


async def _settle(app, pilot) -> None:
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_x_on_a_merged_entry_opens_its_next_source_and_comes_back(isolated_dirs):
    app, _, _ = make_app(isolated_dirs, [RELEASE, READOUT])
    async with app.run_test(size=WIDE) as pilot:
        await _settle(app, pilot)
        await pilot.press("t")
        await _settle(app, pilot)
        timeline = app.reader.query_one(TimelineView)
        merged = next(n for n, item in enumerate(timeline.items) if len(item.sources) == 2)
        timeline.highlighted = merged
        first = app.reader.article_id
        sources = {s.article_id: s for s in timeline.items[merged].sources}
        assert set(sources) == {"release", "readout"} and first in sources
        other = sources[({"release", "readout"} - {first}).pop()]

        await pilot.press("x")
        await _settle(app, pilot)
        assert app.reader.article_id == other.article_id
        body = app.reader.query_one(BodyView)
        assert body.mark == (other.paragraph, other.start, other.end)
        # the timeline is the visit's, whichever source is open: the same entry is highlighted
        timeline = app.reader.query_one(TimelineView)
        assert timeline.highlighted is not None
        still = timeline.items[timeline.highlighted]
        assert {s.article_id for s in still.sources} == set(sources)

        app.set_focus(timeline)
        await pilot.press("x")
        await _settle(app, pilot)
        assert app.reader.article_id == first


async def test_x_on_an_entry_with_one_source_stays_in_the_article(isolated_dirs):
    app, _, _ = make_app(isolated_dirs, [RELEASE])
    async with app.run_test(size=WIDE) as pilot:
        await _settle(app, pilot)
        await pilot.press("t")
        await _settle(app, pilot)
        timeline = app.reader.query_one(TimelineView)
        assert all(len(item.sources) == 1 for item in timeline.items)
        await pilot.press("x")
        await _settle(app, pilot)
        assert app.reader.article_id == "release"
