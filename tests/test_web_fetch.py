"""Fetching politely and safely: the URL policy, and the fetcher against a local server."""

from __future__ import annotations

import gzip

import pytest
from web_server import Site, failing, gzipped, nato_release, redirect, serve, slow

from natojp_tui import __version__
from natojp_tui.web.fetch import Fetcher, FetchError, FetchSettings
from natojp_tui.web.safety import UnsafeURL, UrlPolicy, canonical_url

FAST = FetchSettings(timeout=0.5, deadline=2.0, retries=2, backoff=0.01, host_delay=0.0)


@pytest.fixture(scope="module")
def server():
    site, httpd = serve()
    yield site
    httpd.shutdown()


@pytest.fixture
def site(server: Site) -> Site:
    server.routes.clear()
    server.log.clear()
    server.page("/robots.txt", "User-agent: *\nDisallow: /private/\n", "text/plain")
    return server


def fetcher_for(site: Site, settings: FetchSettings = FAST) -> Fetcher:
    return Fetcher(settings, UrlPolicy([site.url("/")]))


# ---------------------------------------------------------------------- the URL policy
@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "ftp://ftp.example.org/readout.txt",
        "data:text/html,<h1>hi</h1>",
        "javascript:alert(1)",
        "gopher://example.org/",
        "www.nato.int/news",
    ],
)
def test_only_http_and_https_urls_are_fetched(url: str) -> None:
    with pytest.raises(UnsafeURL, match="refused") as info:
        canonical_url(url)
    assert "\n" not in str(info.value)


def test_urls_are_compared_in_one_canonical_form() -> None:
    assert canonical_url("HTTPS://WWW.Nato.INT:443/cps/en/natohq/news.htm#top") == (
        "https://www.nato.int/cps/en/natohq/news.htm"
    )
    assert canonical_url("http://example.org") == "http://example.org/"
    assert canonical_url("http://example.org:8080/a?b=1") == "http://example.org:8080/a?b=1"


def _resolver(table: dict[str, str]):
    return lambda host, _port: [table[host]] if host in table else []


def test_a_hop_from_a_public_host_to_a_private_address_is_refused_unless_the_user_added_it() -> (
    None
):
    resolve = _resolver(
        {"news.example": "93.184.216.34", "intranet.example": "10.0.0.7", "router": "192.168.1.1"}
    )
    policy = UrlPolicy(["https://news.example/feed"], resolve=resolve)
    origin = "https://news.example/feed"
    assert policy.check("https://news.example/item/1", origin) == "https://news.example/item/1"
    for target in ("http://intranet.example/", "http://router/admin", "http://127.0.0.1:8000/"):
        with pytest.raises(UnsafeURL, match="loopback or private address"):
            policy.check(target, origin)
    policy.trust("http://intranet.example/feed.xml")
    assert policy.check("http://intranet.example/x", origin) == "http://intranet.example/x"


# ---------------------------------------------------------------------- the fetcher
def test_every_request_names_the_tool_and_its_version(site: Site) -> None:
    site.page("/nato/1", nato_release())
    with fetcher_for(site) as f:
        resp = f.get(site.url("/nato/1"))
    assert resp.status == 200 and b"Lindqvist" in resp.body
    assert resp.content_type == "text/html" and resp.charset == "utf-8"
    agents = {r.headers["user-agent"] for r in site.log}
    assert agents == {f"natojp-tui/{__version__} (feed and press-release reader)"}


def test_robots_txt_is_read_once_per_host_and_honoured(site: Site) -> None:
    site.page("/private/readout", nato_release())
    site.page("/public/readout", nato_release())
    with fetcher_for(site) as f:
        f.get(site.url("/public/readout"))
        with pytest.raises(FetchError, match=r"disallowed by .*robots\.txt"):
            f.get(site.url("/private/readout"))
    assert len(site.hits("/robots.txt")) == 1
    assert site.hits("/private/readout") == []


def test_a_host_without_robots_txt_may_be_fetched_and_one_with_a_broken_one_may_not(
    site: Site,
) -> None:
    del site.routes["/robots.txt"]
    site.page("/a", nato_release())
    with fetcher_for(site) as f:
        assert f.get(site.url("/a")).status == 200
    site.routes["/robots.txt"] = failing(503)
    with (
        fetcher_for(site) as f,
        pytest.raises(FetchError, match=r"robots.txt unreachable \(HTTP 503\)"),
    ):
        f.get(site.url("/a"))


def test_a_conditional_get_is_answered_304_not_modified(site: Site) -> None:
    site.conditional("/feed", "<rss/>", "application/rss+xml", '"abc"')
    with fetcher_for(site) as f:
        first = f.get(site.url("/feed"))
        again = f.get(site.url("/feed"), etag=first.etag, last_modified=first.last_modified)
    assert first.etag == '"abc"' and first.last_modified and not first.not_modified
    assert again.not_modified and again.body == b""
    assert site.hits("/feed")[1].headers["if-none-match"] == '"abc"'
    assert site.hits("/feed")[1].headers["if-modified-since"] == first.last_modified


def test_404_fails_at_once_in_one_line(site: Site) -> None:
    with fetcher_for(site) as f, pytest.raises(FetchError) as info:
        f.get(site.url("/gone"))
    assert info.value.status == 404
    assert str(info.value) == f"{site.url('/gone')}: HTTP 404 Not Found"
    assert len(site.hits("/gone")) == 1


def test_a_server_error_is_retried_with_back_off_then_reported(site: Site) -> None:
    site.routes["/broken"] = failing(500)
    waits: list[float] = []
    with (
        Fetcher(FAST, UrlPolicy([site.url("/")]), sleep=waits.append) as f,
        pytest.raises(FetchError, match="HTTP 500 Internal Server Error after 3 tries"),
    ):
        f.get(site.url("/broken"))
    assert len(site.hits("/broken")) == 3
    assert waits == [0.01, 0.02]


def test_a_503_that_recovers_is_fetched_and_retry_after_is_honoured(site: Site) -> None:
    answers = iter(
        [(503, {"Retry-After": "0"}, b"busy"), (200, {"Content-Type": "text/html"}, b"<p>ok</p>")]
    )
    site.routes["/busy"] = lambda _req: next(answers)
    waits: list[float] = []
    with Fetcher(FAST, UrlPolicy([site.url("/")]), sleep=waits.append) as f:
        assert f.get(site.url("/busy")).body == b"<p>ok</p>"
    assert waits == [0.0]


def test_a_server_that_does_not_answer_times_out(site: Site) -> None:
    site.routes["/slow"] = slow(1.5)
    settings = FetchSettings(timeout=0.2, deadline=1.0, retries=1, backoff=0.01, host_delay=0.0)
    with fetcher_for(site, settings) as f, pytest.raises(FetchError) as info:
        f.get(site.url("/slow"))
    assert "timed out (no answer within 0.2 s) after 2 tries" in str(info.value)


def test_a_redirect_loop_and_endless_redirects_are_stopped(site: Site) -> None:
    site.routes["/a"] = redirect("/b")
    site.routes["/b"] = redirect(site.url("/a"), 301)
    for n in range(20):
        site.routes[f"/hop/{n}"] = redirect(f"/hop/{n + 1}")
    with fetcher_for(site) as f:
        with pytest.raises(FetchError, match=r"redirect loop \(back to http://127.0.0.1:\d+/a\)"):
            f.get(site.url("/a"))
        with pytest.raises(FetchError, match="more than 5 redirects"):
            f.get(site.url("/hop/0"))
    assert len(site.hits("/hop/5")) == 1 and site.hits("/hop/6") == []


def test_a_redirect_is_followed_and_the_final_url_kept(site: Site) -> None:
    site.routes["/old"] = redirect("/new", 301)
    site.page("/new", nato_release())
    with fetcher_for(site) as f:
        resp = f.get(site.url("/old"))
    assert resp.url == site.url("/old") and resp.final_url == site.url("/new")


@pytest.mark.parametrize(
    "target", ["file:///etc/passwd", "ftp://127.0.0.1/x", "data:text/plain,hello"]
)
def test_a_redirect_to_another_scheme_is_refused_in_one_line(site: Site, target: str) -> None:
    site.routes["/jump"] = redirect(target)
    with fetcher_for(site) as f, pytest.raises(FetchError) as info:
        f.get(site.url("/jump"))
    assert "refused" in str(info.value) and "only http and https" in str(info.value)
    assert "\n" not in str(info.value) and info.value.refused


def test_a_redirect_to_a_loopback_name_the_user_did_not_add_is_refused(site: Site) -> None:
    site.routes["/jump"] = redirect(f"http://localhost:{site.port}/admin")
    site.page("/admin", "secret")
    with fetcher_for(site) as f, pytest.raises(FetchError, match="loopback or private address"):
        f.get(site.url("/jump"))
    assert site.hits("/admin") == []


def test_a_gzip_body_is_decoded(site: Site) -> None:
    site.routes["/gz"] = gzipped(nato_release().encode())
    with fetcher_for(site) as f:
        resp = f.get(site.url("/gz"))
    assert resp.body == nato_release().encode()
    assert "gzip" in site.hits("/gz")[0].headers["accept-encoding"]


def test_a_huge_body_is_cut_at_the_size_limit_even_when_compressed(site: Site) -> None:
    site.page("/big", b"x" * 300_000, "text/html")
    bomb = gzip.compress(b"\0" * 5_000_000)
    site.routes["/bomb"] = lambda _req: (
        200,
        {"Content-Type": "text/html", "Content-Encoding": "gzip", "X-No-Length": "1"},
        bomb,
    )
    settings = FetchSettings(timeout=1, retries=0, host_delay=0, max_bytes=100_000)
    with fetcher_for(site, settings) as f:
        with pytest.raises(FetchError, match=r"too large \(0.3 MiB; the limit is 97.6562 KiB\)"):
            f.get(site.url("/big"))
        with pytest.raises(FetchError, match=r"too large \(over the limit is 97\.6562 KiB\)"):
            f.get(site.url("/bomb"))


class FakeTime:
    """A clock that moves only when the fetcher sleeps: waits are exact, whatever the load."""

    def __init__(self) -> None:
        self.now = 0.0
        self.waits: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.waits.append(round(seconds, 6))
        self.now += seconds


def test_requests_to_one_host_are_spaced_by_the_per_host_delay(site: Site) -> None:
    for n in range(3):
        site.page(f"/p{n}", nato_release(n))
    fake = FakeTime()
    settings = FetchSettings(timeout=1, retries=0, host_delay=0.15)
    with Fetcher(settings, UrlPolicy([site.url("/")]), sleep=fake.sleep, clock=fake.clock) as f:
        for n in range(3):
            f.get(site.url(f"/p{n}"))
    assert [r.path for r in site.log] == ["/robots.txt", "/p0", "/p1", "/p2"]
    assert fake.waits == [0.15, 0.15, 0.15]


def test_a_crawl_delay_in_robots_txt_lengthens_the_per_host_delay(site: Site) -> None:
    site.page("/robots.txt", "User-agent: *\nCrawl-delay: 2\n", "text/plain")
    site.page("/a", nato_release())
    site.page("/b", nato_release())
    fake = FakeTime()
    with Fetcher(FAST, UrlPolicy([site.url("/")]), sleep=fake.sleep, clock=fake.clock) as f:
        f.get(site.url("/a"))
        f.get(site.url("/b"))
    assert fake.waits == [2.0, 2.0]


def test_a_host_that_is_offline_fails_in_one_line(site: Site) -> None:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # nothing listens here once the socket is closed
    url = f"http://127.0.0.1:{port}/feed"
    with Fetcher(FAST, UrlPolicy([url])) as f, pytest.raises(FetchError) as info:
        f.get(url)
    assert str(info.value).startswith(f"{url}: cannot connect")
    assert "\n" not in str(info.value)
