"""The reader fetches the feeds in a worker (key F or the palette) and marks new items."""

from __future__ import annotations

import pytest
from test_tui_support import isolate, make_app, seed_article
from web_server import failing, nato_release, rss, serve

from natojp_tui.tui.keymap import BY_ID
from natojp_tui.tui.widgets.article_list import ArticleList
from natojp_tui.web.fetch import FetchSettings

WIDE = (160, 50)


@pytest.fixture
def site():
    site, httpd = serve()
    site.page("/robots.txt", "User-agent: *\nAllow: /\n", "text/plain")
    yield site
    httpd.shutdown()


async def settle(app, pilot) -> None:
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


def marker(app, article_id: str) -> str:
    lines = app.reader.query_one(ArticleList).lines
    index = next(i for i, r in enumerate(lines.rows) if r.id == article_id)
    return lines.render_row(index, 60).plain[0]


async def test_f_fetches_every_feed_in_a_worker_and_marks_the_new_items(
    tmp_path, monkeypatch, site
) -> None:
    root = isolate(tmp_path, monkeypatch)
    site.page("/n/1", nato_release(1))
    site.page("/n/2", nato_release(2))
    site.page(
        "/nato.rss",
        rss([("a", site.url("/n/1"), "1"), ("b", site.url("/n/2"), "2")]),
        "application/rss+xml",
    )
    site.routes["/down.rss"] = failing(404)
    seed = seed_article()
    app, _, store = make_app(root, [seed])
    store.feed_book().add_feed(site.url("/nato.rss"), "nato")
    store.feed_book().add_feed(site.url("/down.rss"), "down")
    app.fetch_settings = FetchSettings(timeout=1, retries=0, host_delay=0)
    assert BY_ID["fetch-feeds"].keys == "F"
    async with app.run_test(size=WIDE) as pilot:
        await settle(app, pilot)
        await pilot.press("F")
        await settle(app, pilot)
        rows = app.reader.query_one(ArticleList).all_rows
        assert len(rows) == 3
        new_ids = [r.id for r in rows if r.id != seed.id]
        assert all(marker(app, i) == "●" for i in new_ids)
        assert marker(app, seed.id) in "▶ "
        messages = [n.message for n in app._notifications]
        assert any(m.startswith("2 new from 2 feeds, 1 with failures") for m in messages)
        assert any("down: HTTP 404 Not Found" in m for m in messages)
        app.reader.open_article(new_ids[0])
        await settle(app, pilot)
        assert marker(app, new_ids[0]) == "▶"
    assert set(store.feed_book().fresh()) == {new_ids[1]}


async def test_the_palette_offers_fetch_feeds(tmp_path, monkeypatch) -> None:
    from natojp_tui.tui.commands import ReaderCommands

    root = isolate(tmp_path, monkeypatch)
    app, _, _ = make_app(root, [seed_article()])
    async with app.run_test(size=WIDE) as pilot:
        await settle(app, pilot)
        provider = ReaderCommands(app.screen)
        entries = {text: help_text for text, help_text, _ in provider._entries()}
        assert entries["Fetch feeds"] == "key F"


async def test_fetching_without_feeds_says_how_to_subscribe(tmp_path, monkeypatch) -> None:
    root = isolate(tmp_path, monkeypatch)
    app, _, _ = make_app(root, [seed_article()])
    async with app.run_test(size=WIDE) as pilot:
        await settle(app, pilot)
        app.action_fetch_feeds()
        await settle(app, pilot)
        assert any("natojp feeds add URL" in n.message for n in app._notifications)
