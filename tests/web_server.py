"""A local HTTP server for the web tests (127.0.0.1 only), and the pages and feeds it serves.

Routes map a path to a function of the request returning ``(status, headers, body)``;
every request is logged (path, headers, monotonic time) so tests can check what was
asked for and when. The pages are written here, in the shapes of a NATO news release,
a Ministry of Foreign Affairs readout and a wire story; the people are fictional.
"""

from __future__ import annotations

import gzip
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from xml.sax.saxutils import escape

Reply = tuple[int, dict[str, str], bytes]


@dataclass(slots=True)
class Request:
    path: str
    headers: dict[str, str]
    at: float


@dataclass
class Site:
    """Routes plus a log of requests; ``url(path)`` is the full address."""

    port: int = 0
    routes: dict[str, Callable[[Request], Reply]] = field(default_factory=dict)
    log: list[Request] = field(default_factory=list)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def hits(self, path: str) -> list[Request]:
        return [r for r in self.log if r.path == path]

    def page(
        self,
        path: str,
        body: bytes | str,
        content_type: str = "text/html; charset=utf-8",
        **headers: str,
    ) -> None:
        data = body.encode() if isinstance(body, str) else body
        self.routes[path] = lambda _req: (200, {"Content-Type": content_type, **headers}, data)

    def conditional(self, path: str, body: bytes | str, content_type: str, etag: str) -> None:
        """Serves ``body`` with an ETag, and 304 to a request that sends it back."""
        data = body.encode() if isinstance(body, str) else body
        stamp = formatdate(1_700_000_000, usegmt=True)

        def reply(req: Request) -> Reply:
            if req.headers.get("if-none-match") == etag:
                return 304, {"ETag": etag}, b""
            return 200, {"Content-Type": content_type, "ETag": etag, "Last-Modified": stamp}, data

        self.routes[path] = reply


class _Handler(BaseHTTPRequestHandler):
    site: Site

    def do_GET(self) -> None:
        req = Request(self.path, {k.lower(): v for k, v in self.headers.items()}, time.monotonic())
        self.site.log.append(req)
        route = self.site.routes.get(self.path)
        if route is None:
            status, headers, body = 404, {"Content-Type": "text/plain"}, b"not found"
        else:
            status, headers, body = route(req)
        try:
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            if "Content-Length" not in headers and not headers.get("X-No-Length"):
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if status != 304:
                self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def log_message(self, *args: Any) -> None:
        pass


def serve() -> tuple[Site, ThreadingHTTPServer]:
    site = Site()
    handler = type("Handler", (_Handler,), {"site": site})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    site.port = server.server_address[1]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return site, server


def gzipped(
    path_body: bytes, content_type: str = "text/html; charset=utf-8"
) -> Callable[[Request], Reply]:
    data = gzip.compress(path_body)
    return lambda _req: (200, {"Content-Type": content_type, "Content-Encoding": "gzip"}, data)


def slow(seconds: float, body: bytes = b"late") -> Callable[[Request], Reply]:
    def reply(_req: Request) -> Reply:
        time.sleep(seconds)
        return 200, {"Content-Type": "text/html"}, body

    return reply


def redirect(to: str, status: int = 302) -> Callable[[Request], Reply]:
    return lambda _req: (status, {"Location": to}, b"")


def failing(status: int) -> Callable[[Request], Reply]:
    return lambda _req: (status, {"Content-Type": "text/plain"}, f"error {status}".encode())


# ---------------------------------------------------------------------- pages
def nato_release(n: int = 1, title: str | None = None) -> str:
    title = title or f"Secretary General meets Foreign Minister of Japan ({n})"
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>NATO - News: {escape(title)}, 12-Mar.-2026</title>
<meta property="og:title" content="{escape(title)}">
<meta property="og:site_name" content="NATO">
<meta name="author" content="NATO Press Office">
<meta property="article:published_time" content="2026-03-12T10:00:00+01:00">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li>Share</li></ul></nav>
<main><article>
<h1>{escape(title)}</h1>
<p class="date">12 Mar. 2026</p>
<p>NATO Secretary General Marta Lindqvist welcomed the Minister for Foreign Affairs of Japan,
Kenji Arai, to NATO Headquarters in Brussels on Thursday (12 March 2026) for talks on
cooperation in cyber defence and maritime security. This is release number {n}.</p>
<p>“Japan is one of NATO's closest partners, and our security is connected,” said the
Secretary General. “Together we will do more to protect our people.”</p>
<p>Minister Arai said that Japan would deepen its practical cooperation with the Alliance,
and the two agreed to meet again before the Summit.</p>
<p>The Secretary General also thanked Japan for its support to Ukraine.</p>
</article></main>
<footer><p>Follow us</p><p>© NATO</p></footer>
</body></html>"""


def mofa_readout(n: int = 1) -> str:
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Japan-NATO Foreign Ministers' Meeting ({n}) | Ministry of Foreign Affairs of Japan</title>
<meta property="og:site_name" content="Ministry of Foreign Affairs of Japan">
</head><body>
<div id="header">Japanese | English | Site map</div>
<div id="main">
<h1>Japan-NATO Foreign Ministers' Meeting ({n})</h1>
<p class="rightalign">March 12, 2026</p>
<p>On March 12, commencing at 10:40 for approximately 50 minutes, Mr. Kenji Arai, Minister for
Foreign Affairs of Japan, held a meeting with Ms. Marta Lindqvist, Secretary General of NATO,
during his visit to Brussels, Belgium. The overview of the meeting is as follows.</p>
<p>Minister Arai stated that the security of the Euro-Atlantic and the Indo-Pacific is
inseparable, and expressed his intention to strengthen cooperation with NATO.</p>
<p>In response, Secretary General Lindqvist stated that Japan is an indispensable partner.</p>
</div>
<div id="footer">Ministry of Foreign Affairs of Japan · Back to top</div>
</body></html>"""


def wire_story(n: int = 1) -> str:
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Japan, NATO pledge closer defence ties as tensions rise ({n}) | Wire</title>
<meta property="og:site_name" content="Example Wire">
<meta name="author" content="Hana Sato">
<meta property="article:published_time" content="2026-03-12T09:15:00Z">
</head><body>
<header>Subscribe · Sign in</header>
<article>
<h1>Japan, NATO pledge closer defence ties as tensions rise ({n})</h1>
<p class="byline">By Hana Sato</p>
<p>TOKYO, March 12 (Reuters) - Japan and NATO agreed on Thursday to expand cooperation in
cyber defence and space, Japanese Foreign Minister Kenji Arai told reporters in Brussels.</p>
<p>"We face the most severe security environment since the end of the war," Arai said after
meeting NATO Secretary General Marta Lindqvist.</p>
<p>Lindqvist said the Alliance and Japan shared the same values and the same concerns.</p>
</article>
<footer>Reporting by Hana Sato; Editing by Tom Reed</footer>
</body></html>"""


SJIS_TITLE = "日・NATO外相会談"


def mofa_readout_japanese() -> str:
    return f"""<!DOCTYPE html>
<html lang="ja"><head><meta charset="Shift_JIS"><title>{SJIS_TITLE}｜外務省</title></head><body>
<div id="main">
<h1>{SJIS_TITLE}</h1>
<p>令和8年3月12日</p>
<p>3月12日、午前10時40分から約50分間、ブリュッセルを訪問中の新井健二外務大臣は、マルタ・リンドクヴィストNATO事務総長と会談を行いました。概要は以下のとおりです。</p>
<p>新井大臣から、欧州・大西洋とインド太平洋の安全保障は不可分であると述べ、NATOとの協力を一層強化したい旨述べました。</p>
<p>これに対し、リンドクヴィスト事務総長から、日本は不可欠なパートナーである旨述べました。</p>
</div></body></html>"""


# ---------------------------------------------------------------------- feeds
def rss(items: list[tuple[str, str, str]], title: str = "NATO - News") -> str:
    """RSS 2.0; items are (guid, link, title)."""
    entries = "\n".join(
        f"<item><title>{escape(t)}</title><link>{escape(link)}</link>"
        f'<guid isPermaLink="false">{escape(guid)}</guid>'
        f"<pubDate>Thu, 12 Mar 2026 10:00:00 GMT</pubDate></item>"
        for guid, link, t in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
        f"<title>{escape(title)}</title><link>https://www.nato.int/</link>"
        f"<description>News</description>{entries}</channel></rss>"
    )


def atom(items: list[tuple[str, str, str]], title: str = "MOFA Press Releases") -> str:
    entries = "\n".join(
        f'<entry><id>{escape(guid)}</id><title>{escape(t)}</title><link href="{escape(link)}"/>'
        "<updated>2026-03-12T10:00:00Z</updated></entry>"
        for guid, link, t in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>{escape(title)}</title><id>urn:mofa</id><updated>2026-03-12T10:00:00Z</updated>"
        f"{entries}</feed>"
    )


def rdf(items: list[tuple[str, str]], title: str = "Example Wire") -> str:
    """RSS 1.0 (RDF); items are (link, title): RDF items have no guid."""
    seq = "".join(f'<rdf:li rdf:resource="{escape(link)}"/>' for link, _ in items)
    entries = "\n".join(
        f'<item rdf:about="{escape(link)}"><title>{escape(t)}</title><link>{escape(link)}</link>'
        "<dc:date>2026-03-12T09:15:00Z</dc:date></item>"
        for link, t in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        'xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f'<channel rdf:about="urn:wire"><title>{escape(title)}</title><link>urn:wire</link>'
        f"<description>Wire</description><items><rdf:Seq>{seq}</rdf:Seq></items></channel>"
        f"{entries}</rdf:RDF>"
    )
