"""Polite HTTP GETs with httpx: one host at a time, robots.txt, limits on everything.

Every request: a User-Agent naming the tool and its version; conditional headers
(ETag / Last-Modified) when known; a per-host delay (longer when robots.txt asks for a
``Crawl-delay``); a timeout per read and a deadline for the whole body; retries with
exponential back-off on timeouts, connection errors, 429 and 5xx; redirects followed by
hand, at most ``max_redirects`` and each hop checked by :class:`~natojp_tui.web.safety.UrlPolicy`
(http/https only, no stray hops into private networks, loops refused); the body
streamed and cut at ``max_bytes`` (after gzip/deflate decoding, so a small bomb is caught).
"""

from __future__ import annotations

import email.utils
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from natojp_tui import __version__
from natojp_tui.web.safety import UnsafeURL, UrlPolicy

ROBOTS_AGENT = "natojp-tui"
USER_AGENT = f"{ROBOTS_AGENT}/{__version__} (feed and press-release reader)"
REDIRECTS = frozenset({301, 302, 303, 307, 308})
RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
MAX_ROBOTS_BYTES = 512 * 1024
MAX_CRAWL_DELAY = 30.0


@dataclass(frozen=True, slots=True)
class FetchSettings:
    """The limits of a fetch; the defaults suit real news sites."""

    timeout: float = 15.0  # seconds per connect / read
    deadline: float = 60.0  # seconds for one response, body included
    max_bytes: int = 20 * 1024 * 1024
    max_redirects: int = 5
    retries: int = 2  # further tries after the first
    backoff: float = 1.0  # seconds before the first retry, doubled each time
    max_backoff: float = 30.0
    host_delay: float = 1.0  # seconds between two requests to one host
    robots: bool = True


class FetchError(Exception):
    """A URL that could not be fetched; ``str()`` is one line naming the URL."""

    def __init__(
        self, url: str, reason: str, *, status: int | None = None, refused: bool = False
    ) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason
        self.status = status
        self.refused = refused  # by the URL policy: asking again will not help


@dataclass(frozen=True, slots=True)
class Response:
    """A finished GET: the body (decoded from gzip, not from its charset) and what to keep."""

    url: str  # as asked for (canonical)
    final_url: str  # after redirects
    status: int
    content_type: str  # media type, lower case, without parameters ("" when absent)
    charset: str | None
    etag: str | None
    last_modified: str | None
    body: bytes
    fetched_at: str  # ISO time, UTC

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def _content_type(value: str | None) -> tuple[str, str | None]:
    if not value:
        return "", None
    media, _, params = value.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, val = param.partition("=")
        if key.strip().lower() == "charset" and val.strip():
            charset = val.strip().strip("\"'")[:40]
    return media.strip().lower(), charset


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    if value.strip().isdigit():
        return float(value.strip())
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def _reason(exc: httpx.HTTPError, settings: FetchSettings) -> str:
    if isinstance(exc, httpx.TimeoutException):
        return f"timed out (no answer within {settings.timeout:g} s)"
    if isinstance(exc, httpx.ConnectError):
        return f"cannot connect ({exc or 'connection failed'})"
    if isinstance(exc, httpx.DecodingError):
        return "the body's compression is damaged"
    return f"{type(exc).__name__} ({exc})"


class _Redirect(Exception):
    """Raised from the response hook: httpx would otherwise parse the Location itself
    (and fail on ``data:`` and the like before the policy could refuse it)."""

    def __init__(self, status: int, headers: httpx.Headers) -> None:
        self.status = status
        self.headers = headers


def _stop_at_redirects(response: httpx.Response) -> None:
    if response.status_code in REDIRECTS:
        raise _Redirect(response.status_code, response.headers)


class Fetcher:
    """A polite HTTP client; use as a context manager (closes its connections)."""

    def __init__(
        self,
        settings: FetchSettings | None = None,
        policy: UrlPolicy | None = None,
        *,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        trust_env: bool = True,
    ) -> None:
        self.settings = settings or FetchSettings()
        self.policy = policy or UrlPolicy()
        self._sleep = sleep
        self._clock = clock
        self._last: dict[str, float] = {}  # host -> when the last request to it started
        self._robots: dict[str, RobotFileParser | None] = {}
        self._client = httpx.Client(
            headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"},
            timeout=httpx.Timeout(self.settings.timeout),
            follow_redirects=False,
            trust_env=trust_env,
            event_hooks={"response": [_stop_at_redirects]},
        )

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    # ------------------------------------------------------------------ public
    def get(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        accept: str = "*/*",
        origin: str | None = None,
    ) -> Response:
        """GET ``url`` (checked against the policy, reached from ``origin``); raises :class:`FetchError`."""
        try:
            url = self.policy.check(url, origin)
        except UnsafeURL as exc:
            raise FetchError(url, str(exc).split(": ", 1)[-1], refused=True) from exc
        headers = {"Accept": accept}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        return self._follow(url, headers, self.settings.max_bytes, robots=self.settings.robots)

    # ------------------------------------------------------------------ internals
    def _follow(
        self, url: str, headers: dict[str, str], max_bytes: int, *, robots: bool
    ) -> Response:
        current = url
        seen = {url}
        for _hop in range(self.settings.max_redirects + 1):
            if robots:
                self._check_robots(url, current)
            status, resp_headers, body = self._get_with_retries(url, current, headers, max_bytes)
            if status not in REDIRECTS:
                media, charset = _content_type(resp_headers.get("content-type"))
                if status >= 400:
                    phrase = httpx.codes.get_reason_phrase(status)
                    raise FetchError(url, f"HTTP {status} {phrase}".strip(), status=status)
                if status not in (200, 203, 304):
                    raise FetchError(url, f"HTTP {status} (not a page)", status=status)
                return Response(
                    url=url,
                    final_url=current,
                    status=status,
                    content_type=media,
                    charset=charset,
                    etag=resp_headers.get("etag"),
                    last_modified=resp_headers.get("last-modified"),
                    body=body,
                    fetched_at=datetime.now(UTC).isoformat(timespec="seconds"),
                )
            location = resp_headers.get("location")
            if not location:
                raise FetchError(url, f"HTTP {status} redirect without a Location", status=status)
            try:
                target = self.policy.check(urljoin(current, location.strip()), current)
            except UnsafeURL as exc:
                raise FetchError(url, f"redirect to {exc}", refused=True) from exc
            if target in seen:
                raise FetchError(url, f"redirect loop (back to {target})", status=status)
            seen.add(target)
            current = target
        raise FetchError(url, f"more than {self.settings.max_redirects} redirects")

    def _get_with_retries(
        self, url: str, current: str, headers: dict[str, str], max_bytes: int
    ) -> tuple[int, httpx.Headers, bytes]:
        s = self.settings
        for attempt in range(s.retries + 1):
            last = attempt == s.retries
            try:
                status, resp_headers, body = self._get_once(url, current, headers, max_bytes)
            except (httpx.InvalidURL, UnicodeError) as exc:  # IDNA, non-ASCII header values
                raise FetchError(url, f"cannot be requested ({exc})", refused=True) from exc
            except httpx.HTTPError as exc:
                if last or isinstance(exc, httpx.DecodingError):
                    tries = f" after {attempt + 1} tries" if attempt else ""
                    raise FetchError(url, _reason(exc, s) + tries) from exc
                self._sleep(min(s.backoff * 2**attempt, s.max_backoff))
                continue
            if status in RETRY_STATUS and not last:
                wait = _retry_after(resp_headers.get("retry-after"))
                self._sleep(
                    min(wait if wait is not None else s.backoff * 2**attempt, s.max_backoff)
                )
                continue
            if status in RETRY_STATUS and attempt:
                phrase = httpx.codes.get_reason_phrase(status)
                raise FetchError(
                    url, f"HTTP {status} {phrase} after {attempt + 1} tries", status=status
                )
            return status, resp_headers, body
        raise AssertionError("unreachable")  # pragma: no cover

    def _wait_turn(self, host: str) -> None:
        delay = self.settings.host_delay
        rules = self._robots.get(host)
        if rules is not None:
            crawl = rules.crawl_delay(ROBOTS_AGENT)
            if crawl:
                delay = max(delay, min(float(crawl), MAX_CRAWL_DELAY))
        last = self._last.get(host)
        if last is not None:
            wait = delay - (self._clock() - last)
            if wait > 0:
                self._sleep(wait)
        self._last[host] = self._clock()

    def _get_once(
        self, url: str, current: str, headers: dict[str, str], max_bytes: int
    ) -> tuple[int, httpx.Headers, bytes]:
        """One request; the body is read only for a final answer, and only up to the limits."""
        self._wait_turn(urlsplit(current).netloc)
        started = self._clock()
        try:
            with self._client.stream("GET", current, headers=headers) as resp:
                return self._read_body(resp, url, max_bytes, started)
        except _Redirect as hop:
            return hop.status, hop.headers, b""

    def _read_body(
        self, resp: httpx.Response, url: str, max_bytes: int, started: float
    ) -> tuple[int, httpx.Headers, bytes]:
        if resp.status_code >= 400:
            return resp.status_code, resp.headers, b""
        declared = resp.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > max_bytes:
            raise FetchError(
                url, f"too large ({int(declared) / 1048576:.1f} MiB; {_limit(max_bytes)})"
            )
        chunks: list[bytes] = []
        size = 0
        for chunk in resp.iter_bytes():
            size += len(chunk)
            if size > max_bytes:
                raise FetchError(url, f"too large (over {_limit(max_bytes)})")
            if self._clock() - started > self.settings.deadline:
                raise FetchError(
                    url, f"too slow (still sending after {self.settings.deadline:g} s)"
                )
            chunks.append(chunk)
        return resp.status_code, resp.headers, b"".join(chunks)

    def _check_robots(self, url: str, current: str) -> None:
        parts = urlsplit(current)
        host = parts.netloc
        if host not in self._robots:
            self._robots[host] = self._read_robots(url, f"{parts.scheme}://{host}/robots.txt")
        rules = self._robots[host]
        if rules is not None and not rules.can_fetch(ROBOTS_AGENT, current):
            raise FetchError(url, f"disallowed by {parts.scheme}://{host}/robots.txt")

    def _read_robots(self, url: str, robots_url: str) -> RobotFileParser | None:
        """The host's rules; None (everything allowed) when it has no robots.txt.

        As RFC 9309 says: a 4xx answer means no rules, a server error means stay away.
        """
        parser = RobotFileParser(robots_url)
        try:
            resp = self._follow(
                robots_url, {"Accept": "text/plain"}, MAX_ROBOTS_BYTES, robots=False
            )
        except FetchError as exc:
            if exc.status is not None and exc.status < 500:
                return None  # 4xx, or redirects that lead nowhere: no rules
            if exc.status is not None:
                raise FetchError(
                    url,
                    f"robots.txt unreachable (HTTP {exc.status}); not fetched",
                    status=exc.status,
                ) from exc
            raise FetchError(url, exc.reason) from exc
        parser.parse(resp.body.decode("utf-8", "replace").splitlines())
        return parser


def _limit(max_bytes: int) -> str:
    if max_bytes >= 1048576:
        return f"the limit is {max_bytes / 1048576:g} MiB"
    return f"the limit is {max_bytes / 1024:g} KiB"
