"""``natojp add``, ``natojp feeds`` and ``natojp fetch`` as a user types them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from web_server import Site, failing, mofa_readout, nato_release, rss, serve

from natojp_tui.cli import main

QUICK = ["--delay", "0", "--timeout", "1", "--retries", "0"]


@pytest.fixture(scope="module")
def server():
    site, httpd = serve()
    yield site
    httpd.shutdown()


@pytest.fixture
def site(server: Site) -> Site:
    server.routes.clear()
    server.log.clear()
    server.page("/robots.txt", "User-agent: *\nAllow: /\n", "text/plain")
    return server


@pytest.fixture
def db(tmp_path: Path) -> list[str]:
    return ["--db", str(tmp_path / "db")]


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_feeds_add_list_remove(capsys, db: list[str]) -> None:
    code, out, _ = run(
        capsys,
        *db,
        "feeds",
        "add",
        "https://www.nato.int/cps/rss/en/natohq/rssFeed.xsl/rssFeed.xml",
    )
    assert code == 0 and "as 'nato.int'" in out
    code, out, _ = run(
        capsys, *db, "feeds", "add", "https://www.mofa.go.jp/rss/press.rdf", "--name", "mofa"
    )
    assert code == 0
    code, out, _ = run(capsys, *db, "feeds", "list", "--json")
    rows = json.loads(out)
    assert [(r["name"], r["last_fetch"], r["articles"]) for r in rows] == [
        ("nato.int", None, 0),
        ("mofa", None, 0),
    ]
    code, out, _ = run(capsys, *db, "feeds", "list")
    assert "nato.int" in out and "never" in out
    code, out, _ = run(capsys, *db, "feeds", "remove", "nato.int")
    assert code == 0 and "its articles stay" in out
    code, _, err = run(capsys, *db, "feeds", "remove", "nato.int")
    assert code == 1 and err == "natojp: no feed named 'nato.int' (see 'natojp feeds list')\n"


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/feed", "data:,x"])
def test_feeds_add_refuses_other_schemes_in_one_line(capsys, db: list[str], url: str) -> None:
    code, out, err = run(capsys, *db, "feeds", "add", url)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "only http and https URLs are fetched" in err


def test_nothing_is_fetched_until_asked(capsys, site: Site, db: list[str]) -> None:
    run(capsys, *db, "feeds", "add", site.url("/feed.rss"), "--name", "local")
    run(capsys, *db, "feeds", "list")
    assert site.log == []


def test_add_imports_a_page_and_a_second_add_finds_it_unchanged(
    capsys, site: Site, db: list[str]
) -> None:
    site.page("/news/1", nato_release(), ETag='"x"')
    code, out, _ = run(capsys, *db, "add", site.url("/news/1"), *QUICK)
    assert code == 0 and out.startswith("imported ") and "1 imported, 0 updated" in out
    code, out, _ = run(capsys, *db, "add", site.url("/news/1"), *QUICK, "--json")
    [result] = json.loads(out)
    assert result["status"] == "unchanged"
    code, out, _ = run(capsys, *db, "show", result["article_id"], "--json")
    shown = json.loads(out)
    assert shown["url"] == site.url("/news/1") and shown["author"] == "NATO Press Office"


def test_add_reports_each_failure_in_one_line_and_exits_1(
    capsys, site: Site, db: list[str]
) -> None:
    site.page("/ok", mofa_readout())
    code, out, err = run(
        capsys, *db, "add", site.url("/ok"), site.url("/missing"), "file:///etc/passwd", *QUICK
    )
    assert code == 1
    lines = err.splitlines()
    assert lines == [
        f"natojp: {site.url('/missing')}: HTTP 404 Not Found",
        "natojp: file:///etc/passwd: file:///etc/passwd: refused ('file:'; only http and https URLs are fetched)",
    ]
    assert "1 imported, 0 updated, 0 unchanged, 2 failed" in out


def test_fetch_summarises_each_feed_and_exits_1_when_one_failed(
    capsys, site: Site, db: list[str]
) -> None:
    site.page("/n/1", nato_release(1))
    site.page("/n/2", nato_release(2))
    site.page(
        "/nato.rss",
        rss([("a", site.url("/n/1"), "1"), ("b", site.url("/n/2"), "2")]),
        "application/rss+xml",
    )
    site.routes["/down.rss"] = failing(500)
    run(capsys, *db, "feeds", "add", site.url("/nato.rss"), "--name", "nato")
    run(capsys, *db, "feeds", "add", site.url("/down.rss"), "--name", "down")
    code, out, err = run(capsys, *db, "fetch", *QUICK, "--json")
    assert code == 1
    assert err == "natojp: down: HTTP 500 Internal Server Error\n"
    summary = {r["name"]: r for r in json.loads(out)}
    assert len(summary["nato"]["new"]) == 2 and summary["down"]["status"] == "failed"
    code, out, err = run(capsys, *db, "fetch", "nato", *QUICK)
    assert code == 0 and err == ""
    assert "nato" in out and "ok" in out
    code, out, _ = run(capsys, *db, "list", "--json")
    assert len(json.loads(out)) == 2
    code, _, err = run(capsys, *db, "fetch", "nope", *QUICK)
    assert code == 1 and "no feed named 'nope'" in err


def test_fetch_without_feeds_says_how_to_add_one(capsys, db: list[str]) -> None:
    code, _, err = run(capsys, *db, "fetch")
    assert code == 1 and "natojp feeds add URL" in err
