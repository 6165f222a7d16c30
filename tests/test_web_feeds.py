"""Pages and feeds from the web, imported like files: against a local server on 127.0.0.1."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest
from web_server import (
    SJIS_TITLE,
    Site,
    atom,
    failing,
    gzipped,
    mofa_readout,
    mofa_readout_japanese,
    nato_release,
    rdf,
    redirect,
    rss,
    serve,
    slow,
    wire_story,
)

from natojp_tui.core.readers import ArticleError, read_article
from natojp_tui.store import Store
from natojp_tui.store.feeds import FeedBook, FeedBookError
from natojp_tui.web.feeds import FeedError, parse_feed
from natojp_tui.web.fetch import Fetcher, FetchSettings
from natojp_tui.web.sync import add_urls, fetch_feeds, policy_for

FAST = FetchSettings(timeout=0.5, deadline=2.0, retries=1, backoff=0.01, host_delay=0.0)


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
def store(tmp_path: Path) -> Store:
    return Store.open(tmp_path / "db")


def fetch(store: Store, names=(), settings: FetchSettings = FAST, **kw):
    book = store.feed_book()
    with Fetcher(settings, policy_for(book)) as f:
        return fetch_feeds(store, book, list(names), f, **kw)


def add(store: Store, *urls: str):
    book = store.feed_book()
    with Fetcher(FAST, policy_for(book, urls)) as f:
        return add_urls(store, book, list(urls), f)


def pdf_with_text(lines: list[str]) -> bytes:
    """A one-page PDF whose text layer holds ``lines`` (one printed line each)."""
    shown = " ".join(f"({ln}) '" for ln in lines)
    content = f"BT /F1 11 Tf 72 740 Td 14 TL {shown} ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n{body}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return out


READOUT_PDF_LINES = [
    "Japan-NATO Summit Meeting",
    "12 March 2026",
    "On 12 March, Prime Minister Aiko Mori held a meeting with NATO Secretary General",
    "Marta Lindqvist in Tokyo. The two leaders discussed cooperation in cyber defence and",
    "space.",
    '"Japan and NATO are natural partners," said Prime Minister Mori. "We will do more',
    'together."',
]


def blank_pdf() -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(612, 792)
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


# ---------------------------------------------------------------------- the PDF reader
def test_a_pdf_is_read_from_its_text_layer_into_paragraphs_and_quotes() -> None:
    from natojp_tui.core.pipeline import extract

    article = extract(read_article(pdf_with_text(READOUT_PDF_LINES), "readout.pdf"))
    assert article.title == "Japan-NATO Summit Meeting"
    assert str(article.published) == "2026-03-12"
    assert article.body[0].endswith("cooperation in cyber defence and space.")
    assert [(q.speaker, q.text) for q in article.quotes] == [
        ("Aiko Mori", "Japan and NATO are natural partners,"),
        ("Aiko Mori", "We will do more together."),
    ]
    assert article.encoding == "pdf"


def test_a_pdf_without_a_text_layer_or_a_broken_pdf_says_so_in_one_line() -> None:
    with pytest.raises(
        ArticleError,
        match=r"^PDF without a text layer \(1 page, images only; run OCR on it first\)$",
    ):
        read_article(blank_pdf(), "scan.pdf")
    with pytest.raises(ArticleError, match=r"^not a readable PDF") as info:
        read_article(b"%PDF-1.4\n1 0 obj << /Type /Catalog", "broken.pdf")
    assert "\n" not in str(info.value)


# ---------------------------------------------------------------------- natojp add URL
def test_pages_in_three_shapes_are_imported_with_their_metadata(site: Site, store: Store) -> None:
    site.page("/news/release", nato_release(), ETag='"n1"')
    site.page("/mofa/readout", mofa_readout())
    site.page("/wire/story", wire_story())
    results = add(store, *(site.url(p) for p in ("/news/release", "/mofa/readout", "/wire/story")))
    assert [r.status for r in results] == ["imported"] * 3
    nato, mofa, wire = (store.article(r.article_id) for r in results)
    assert (nato.title, nato.source, nato.author, str(nato.published)) == (
        "Secretary General meets Foreign Minister of Japan (1)",
        "NATO",
        "NATO Press Office",
        "2026-03-12",
    )
    assert nato.url == site.url("/news/release")
    assert {(q.kind, q.speaker) for q in nato.quotes} == {
        ("direct", "Marta Lindqvist"),
        ("indirect", "Kenji Arai"),
        ("indirect", "Marta Lindqvist"),  # "also thanked Japan for its support" (a stance)
    }
    assert "Follow us" not in " ".join(nato.body)  # page furniture left out
    assert mofa.source == "Ministry of Foreign Affairs of Japan"
    assert any(e.time == "10:40" and e.duration == 50 for e in mofa.events)
    assert (wire.author, wire.source) == ("Hana Sato", "Example Wire")
    assert any(q.speaker == "Kenji Arai" for q in wire.quotes)
    record = store.feed_book().page(site.url("/news/release"))
    assert record["etag"] == '"n1"' and record["fetched_at"] and record["article"] == nato.id


def test_the_same_url_keeps_its_id_and_a_304_leaves_the_article_as_it_is(
    site: Site, store: Store
) -> None:
    site.conditional("/news/release", nato_release(), "text/html; charset=utf-8", '"v1"')
    [first] = add(store, site.url("/news/release"))
    [again] = add(store, site.url("/news/release") + "#top")
    assert first.status == "imported" and again.status == "unchanged"
    assert again.article_id == first.article_id
    assert site.hits("/news/release")[1].headers["if-none-match"] == '"v1"'
    site.conditional("/news/release", nato_release(title="Updated title"), "text/html", '"v2"')
    [changed] = add(store, site.url("/news/release"))
    assert (changed.status, changed.article_id) == ("updated", first.article_id)
    assert [a["title"] for a in store.articles()] == ["Updated title"]


def test_a_pdf_url_goes_through_the_pdf_reader_and_other_types_are_refused(
    site: Site, store: Store
) -> None:
    site.page("/readout.pdf", pdf_with_text(READOUT_PDF_LINES), "application/pdf")
    site.page("/scan.pdf", blank_pdf(), "application/pdf")
    site.page("/photo.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 100, "image/png")
    site.page("/data.json", b'{"a": 1}', "application/json")
    results = add(
        store, *(site.url(p) for p in ("/readout.pdf", "/scan.pdf", "/photo.png", "/data.json"))
    )
    assert [r.status for r in results] == ["imported", "failed", "failed", "failed"]
    assert store.article(results[0].article_id).title == "Japan-NATO Summit Meeting"
    assert results[1].reason.startswith("PDF without a text layer")
    assert (
        results[2].reason
        == "not an article (content type image/png; HTML, PDF and plain text are read)"
    )
    assert "application/json" in results[3].reason


def test_a_shift_jis_page_is_read_whether_its_charset_is_declared_right_wrong_or_not_at_all(
    site: Site, store: Store
) -> None:
    body = mofa_readout_japanese().encode("shift_jis")
    site.page("/ja/right", body, "text/html; charset=Shift_JIS")
    site.page("/ja/wrong", body, "text/html; charset=utf-8")
    site.page("/ja/none", body, "text/html")
    results = add(store, *(site.url(p) for p in ("/ja/right", "/ja/wrong", "/ja/none")))
    for r in results:
        article = store.article(r.article_id)
        assert article.title == SJIS_TITLE
        assert article.language == "ja"
        assert "新井健二外務大臣" in " ".join(article.body)


def test_a_gzip_page_and_a_redirected_page_are_imported_under_the_url_asked_for(
    site: Site, store: Store
) -> None:
    site.routes["/gz"] = gzipped(wire_story().encode())
    site.routes["/short/1"] = redirect("/news/moved", 301)
    site.page("/news/moved", nato_release())
    gz, moved = add(store, site.url("/gz"), site.url("/short/1"))
    assert store.article(gz.article_id).author == "Hana Sato"
    assert store.article(moved.article_id).url == site.url("/short/1")
    assert store.feed_book().page(site.url("/short/1"))["final_url"] == site.url("/news/moved")


def test_hostile_pages_are_handled_as_files_are(site: Site, store: Store) -> None:
    hostile = nato_release(title="Evil \x1b]52;c;ZXZpbA==\x07title \x1b[31mred\u202e").replace(
        "This is release number 1.", "Press \x1b[2J here [bold]not markup[/bold] \u202eevil."
    )
    site.page("/hostile", hostile)
    site.page("/empty", "<html><body><nav>Home</nav></body></html>")
    blob = bytes(range(256)) * 50
    site.page("/binary", blob, "text/html")
    ok, empty, binary = add(store, site.url("/hostile"), site.url("/empty"), site.url("/binary"))
    article = store.article(ok.article_id)
    text = article.title + " ".join(article.body)
    assert "\x1b" not in text and "\u202e" not in text and "\x07" not in text
    assert "[bold]not markup[/bold]" in text  # kept as data, never read as markup
    assert (empty.status, empty.reason) == ("failed", "no body paragraphs found")
    with pytest.raises(ArticleError) as as_file:
        read_article(blob, "saved.html")
    assert (binary.status, binary.reason) == ("failed", str(as_file.value))


# ---------------------------------------------------------------------- feeds
def test_rss_atom_and_rdf_feeds_give_their_items_keyed_by_guid_or_link() -> None:
    items = [("guid-1", "https://www.nato.int/a", "A"), ("guid-2", "https://www.nato.int/b", "B")]
    for doc, kind in ((rss(items), "rss20"), (atom(items), "atom10")):
        feed = parse_feed(doc.encode(), "https://www.nato.int/feed")
        assert feed.kind == kind
        assert [(i.key, i.link, i.title) for i in feed.items] == items
        assert str(feed.items[0].published) == "2026-03-12"
    feed = parse_feed(rdf([("https://wire.example/1", "One")]).encode(), "https://wire.example/rdf")
    assert feed.kind == "rss10"
    assert [(i.key, i.link) for i in feed.items] == [("https://wire.example/1",) * 2]


def test_what_is_not_a_feed_is_refused_and_feed_bytes_are_never_a_file_name(tmp_path: Path) -> None:
    with pytest.raises(FeedError, match="not an RSS, Atom or RDF feed"):
        parse_feed(nato_release().encode(), "https://www.nato.int/")
    secret = tmp_path / "secret.xml"
    secret.write_text(rss([("g", "https://x.example/", "leaked")]))
    with pytest.raises(FeedError):
        parse_feed(str(secret).encode(), "https://x.example/feed")


def test_a_feed_naming_an_external_entity_does_not_read_it(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-LINE")
    doc = rss([("g", "https://x.example/1", "&xxe;")]).replace(
        "<rss ", f'<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{secret}">]>\n<rss ', 1
    )
    feed = parse_feed(doc.encode(), "https://x.example/feed")
    assert all("TOP-SECRET" not in item.title for item in feed.items)


def test_hostile_feed_titles_are_cleaned() -> None:
    items = [("g1", "https://x.example/1", "Title \x1b[31mred\x1b[0m <b>bold</b> \u202eevil")]
    feed = parse_feed(rss(items).encode(), "https://x.example/feed")
    assert "\x1b" not in feed.items[0].title and "\u202e" not in feed.items[0].title


def subscribe(site: Site, store: Store, name: str, path: str) -> None:
    store.feed_book().add_feed(site.url(path), name)


def test_new_items_are_imported_once_and_a_304_feed_imports_nothing(
    site: Site, store: Store
) -> None:
    site.page("/n/1", nato_release(1))
    site.page("/n/2", nato_release(2))
    items = [("nato-1", site.url("/n/1"), "One"), ("nato-2", site.url("/n/2"), "Two")]
    site.conditional("/nato.rss", rss(items), "application/rss+xml", '"feed-v1"')
    subscribe(site, store, "nato", "/nato.rss")
    [first] = fetch(store)
    assert (first.status, len(first.new), first.seen, first.failed) == ("ok", 2, 0, [])
    [second] = fetch(store)
    assert (second.status, second.new) == ("not modified", [])
    assert site.hits("/nato.rss")[1].headers["if-none-match"] == '"feed-v1"'
    site.page("/n/3", nato_release(3))
    items.insert(0, ("nato-3", site.url("/n/3"), "Three"))
    site.conditional("/nato.rss", rss(items), "application/rss+xml", '"feed-v2"')
    [third] = fetch(store)
    assert (len(third.new), third.seen) == (1, 2)
    assert len(site.hits("/n/1")) == 1 and len(site.hits("/n/3")) == 1
    assert len(store.articles()) == 3
    assert set(store.feed_book().fresh()) == {a["id"] for a in store.articles()}


UNDATED_PAGE = """<!DOCTYPE html><html><head><title>Statement by the Spokesperson</title></head>
<body><article><h1>Statement by the Spokesperson</h1>
<p>The Spokesperson welcomed the agreement reached between Japan and NATO on closer cooperation
in cyber defence, and said that both sides would meet again before the end of the year.</p>
<p>“This is an important step,” the Spokesperson said.</p></article></body></html>"""


def test_an_undated_page_takes_the_date_of_its_feed_item(site: Site, store: Store) -> None:
    site.page("/statement", UNDATED_PAGE)
    site.page("/feed.rss", rss([("s", site.url("/statement"), "Statement")]), "application/rss+xml")
    subscribe(site, store, "spokes", "/feed.rss")
    [result] = fetch(store)
    assert str(store.article(result.new[0]).published) == "2026-03-12"  # the item's pubDate


def test_an_item_already_added_by_url_is_the_same_article(site: Site, store: Store) -> None:
    site.page("/n/1", nato_release(1))
    [added] = add(store, site.url("/n/1"))
    site.page("/nato.rss", rss([("g", site.url("/n/1"), "One")]), "application/rss+xml")
    subscribe(site, store, "nato", "/nato.rss")
    [result] = fetch(store)
    assert result.new == [added.article_id]
    assert len(store.articles()) == 1


def test_items_linking_to_other_schemes_or_private_hosts_are_refused_in_one_line_each(
    site: Site, store: Store
) -> None:
    site.page("/n/1", nato_release(1))
    items = [
        ("bad-file", "file:///etc/passwd", "file"),
        ("bad-ftp", "ftp://ftp.example.org/x", "ftp"),
        ("bad-data", "data:text/html,<p>hi</p>", "data"),
        ("bad-host", f"http://localhost:{site.port}/n/1", "a loopback name nobody added"),
        ("good", site.url("/n/1"), "fine"),
    ]
    site.page("/mixed.rss", rss(items), "application/rss+xml")
    subscribe(site, store, "mixed", "/mixed.rss")
    [result] = fetch(store)
    assert len(result.new) == 1
    reasons = dict(result.failed)
    assert len(reasons) == 4 and all("refused" in r and "\n" not in r for r in reasons.values())
    [again] = fetch(store)  # refused items are remembered: not fetched, not reported again
    assert (again.new, again.failed, again.seen) == ([], [], 5)


def test_a_failing_feed_is_one_line_and_the_others_are_still_fetched(
    site: Site, store: Store
) -> None:
    site.page("/n/1", nato_release(1))
    site.page("/good.rss", rss([("g1", site.url("/n/1"), "One")]), "application/rss+xml")
    site.routes["/error.rss"] = failing(500)
    site.routes["/slow.rss"] = slow(1.0)
    site.routes["/loop.rss"] = redirect("/loop.rss")
    site.page("/page.rss", nato_release(9))
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        offline = f"http://127.0.0.1:{s.getsockname()[1]}/feed.rss"  # nobody listens there
    store.feed_book().add_feed(offline, "offline")
    for name, path in [
        ("missing", "/missing.rss"),
        ("error", "/error.rss"),
        ("slow", "/slow.rss"),
        ("loop", "/loop.rss"),
        ("not-a-feed", "/page.rss"),
        ("good", "/good.rss"),
    ]:
        subscribe(site, store, name, path)
    settings = FetchSettings(timeout=0.2, deadline=1.0, retries=1, backoff=0.01, host_delay=0.0)
    results = {r.name: r for r in fetch(store, settings=settings)}
    assert results["missing"].error == "HTTP 404 Not Found"
    assert results["error"].error == "HTTP 500 Internal Server Error after 2 tries"
    assert results["slow"].error.startswith("timed out")
    assert results["loop"].error.startswith("redirect loop")
    assert results["not-a-feed"].error.startswith("not an RSS, Atom or RDF feed")
    assert results["offline"].error.startswith("cannot connect")
    assert results["good"].ok and len(results["good"].new) == 1
    assert not any(r.ok for name, r in results.items() if name != "good")


def test_a_failing_item_is_retried_on_later_fetches_then_given_up(site: Site, store: Store) -> None:
    site.page("/n/1", nato_release(1))
    site.page(
        "/feed.rss",
        rss([("gone", site.url("/gone"), "Gone"), ("ok", site.url("/n/1"), "OK")]),
        "application/rss+xml",
    )
    subscribe(site, store, "feed", "/feed.rss")
    runs = [fetch(store)[0] for _ in range(4)]
    assert [len(r.failed) for r in runs] == [1, 1, 1, 0]
    assert [len(r.new) for r in runs] == [1, 0, 0, 0]
    assert len(site.hits("/gone")) == 3
    seen = store.feed_book().feed("feed")["seen"]
    assert seen["gone"]["status"].startswith("gave up after 3 tries: HTTP 404")


def test_a_feed_of_1000_items_is_read_whole_and_imported_a_batch_at_a_time(
    site: Site, store: Store
) -> None:
    items = [(f"urn:item:{n}", site.url(f"/n/{n}"), f"Item {n}") for n in range(1000)]
    for n in range(1000):
        site.page(f"/n/{n}", nato_release(n))
    site.conditional("/big.rss", rss(items), "application/rss+xml", '"big"')
    subscribe(site, store, "big", "/big.rss")
    started = time.perf_counter()
    [first] = fetch(store, max_items=5)
    [second] = fetch(store, max_items=5)
    assert (len(first.new), first.left) == (5, 995)
    assert (len(second.new), second.seen, second.left) == (5, 5, 990)
    assert [h.path for h in site.log if h.path.startswith("/n/")] == [f"/n/{n}" for n in range(10)]
    assert "if-none-match" not in site.hits("/big.rss")[1].headers  # unfinished: fetched in full
    assert time.perf_counter() - started < 20


def test_the_feed_file_is_atomic_locked_and_a_damaged_one_is_reported_with_its_path(
    tmp_path: Path,
) -> None:
    book = FeedBook(tmp_path)
    book.add_feed("https://www.nato.int/feed.rss", "nato")
    with pytest.raises(FeedBookError, match="exists already"):
        book.add_feed("https://other.example/", "nato")
    with pytest.raises(FeedBookError, match="subscribed already as 'nato'"):
        book.add_feed("https://www.nato.int/feed.rss", "nato2")
    with pytest.raises(FeedBookError, match="not a feed name"):
        book.add_feed("https://x.example/", "../evil")
    assert [f["name"] for f in book.feeds()] == ["nato"]
    assert list(book.folder.glob(".feeds.json.*.tmp")) == []
    book.path.write_bytes(b'{"format": 1, "feeds": [')
    with pytest.raises(FeedBookError) as info:
        book.feeds()
    assert str(book.path) in str(info.value) and "left untouched" in str(info.value)
    assert book.path.read_bytes() == b'{"format": 1, "feeds": ['


def test_repair_reads_fetched_articles_again_from_their_kept_pages_with_the_same_ids(
    site: Site, store: Store, tmp_path: Path
) -> None:
    from library_files import shard_paths

    from natojp_tui.store.repair import repair

    site.page("/n/1", nato_release(1))
    site.page("/r.pdf", pdf_with_text(READOUT_PDF_LINES), "application/pdf")
    ids = sorted(r.article_id for r in add(store, site.url("/n/1"), site.url("/r.pdf")))
    before = {aid: store.article(aid) for aid in ids}
    store.feed_book().add_feed(site.url("/feed.rss"), "kept")
    for path in shard_paths(tmp_path / "db"):
        path.unlink()
    result = repair(tmp_path / "db")
    assert any("read 2 articles again from their source files" in a for a in result.actions)
    rebuilt = Store.open(tmp_path / "db")
    for aid, old in before.items():
        new = rebuilt.article(aid)
        assert (new.title, new.body, len(new.quotes)) == (old.title, old.body, len(old.quotes))
        assert new.url == old.url  # kept beside the page in web/pages/<id>.source.json
    assert [f["name"] for f in rebuilt.feed_book().feeds()] == ["kept"]
    assert site.hits("/n/1") and len(site.hits("/n/1")) == 1  # read from disk, not fetched


KILL_SCRIPT = """
import sys
from natojp_tui.cli import main
sys.exit(main(["--db", sys.argv[1], "fetch", "--delay", "0", "--timeout", "5", "--max-items", "100"]))
"""


@pytest.mark.slow
def test_a_killed_fetch_leaves_the_database_readable_and_a_rerun_completes_it(
    site: Site, tmp_path: Path
) -> None:
    n_items = 30
    items = [(f"urn:{n}", site.url(f"/n/{n}"), f"Item {n}") for n in range(n_items)]
    for n in range(n_items):  # the first batch comes quickly, the rest slowly: killed there
        site.routes[f"/n/{n}"] = slow(0.02 if n < 20 else 0.25, nato_release(n).encode())
    site.page("/feed.rss", rss(items), "application/rss+xml")
    db = tmp_path / "db"
    Store.open(db).feed_book().add_feed(site.url("/feed.rss"), "nato")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    proc = subprocess.Popen([sys.executable, "-c", KILL_SCRIPT, str(db)], env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not (db / "manifest.json").exists():
        time.sleep(0.05)  # the first batch of articles is committed: kill in the middle
    time.sleep(0.3)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    store = Store.open(db)
    stored_before = len(store.articles())
    assert 0 < stored_before < n_items
    orjson.loads((db / "web" / "feeds.json").read_bytes())  # readable
    done = subprocess.run(
        [sys.executable, "-c", KILL_SCRIPT, str(db)], env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    store = Store.open(db)
    assert len(store.articles()) == n_items
    assert len({a["title"] for a in store.articles()}) == n_items
    assert len(store.feed_book().feed("nato")["seen"]) == n_items


def test_an_extractor_failure_on_one_page_is_one_line_and_the_other_pages_are_imported(
    site: Site, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    import natojp_tui.web.pages as pages

    real = pages.extract

    def fragile(article):
        if "(2)" in article.title:
            raise RecursionError("maximum recursion depth exceeded")
        return real(article)

    monkeypatch.setattr(pages, "extract", fragile)
    site.page("/n/1", nato_release(1))
    site.page("/n/2", nato_release(2))
    site.page(
        "/feed.rss",
        rss([("a", site.url("/n/1"), "1"), ("b", site.url("/n/2"), "2")]),
        "application/rss+xml",
    )
    subscribe(site, store, "feed", "/feed.rss")
    [result] = fetch(store)
    assert len(result.new) == 1
    assert result.failed == [
        (
            site.url("/n/2"),
            "could not be analysed (RecursionError: maximum recursion depth exceeded)",
        )
    ]
    [again] = add(store, site.url("/n/2"))
    assert again.status == "failed" and again.reason.startswith("could not be analysed")
