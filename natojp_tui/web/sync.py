"""``natojp add URL`` and ``natojp fetch``: fetch, read like a file, store, remember what was seen.

Order of writes, so that a fetch killed at any moment loses nothing and a re-run
completes it: a page's bytes are kept under ``web/pages/`` first, then its article is
written by the store, and only then is the item marked seen in the feed file. A feed's
ETag / Last-Modified is recorded only when every new item was dealt with, so a run cut
short (or capped by ``max_items``) fetches the feed in full next time.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from natojp_tui.core.model import Article
from natojp_tui.core.readers import ArticleError
from natojp_tui.store.feeds import FeedBook, now_utc
from natojp_tui.web.feeds import FeedError, FeedItem, parse_feed
from natojp_tui.web.fetch import Fetcher, FetchError, Response
from natojp_tui.web.pages import PAGE_ACCEPT, article_from_response, url_article_id
from natojp_tui.web.safety import UnsafeURL, UrlPolicy

FEED_ACCEPT = (
    "application/rss+xml,application/atom+xml,application/rdf+xml,application/xml;q=0.9,"
    "text/xml;q=0.9,*/*;q=0.5"
)
MAX_TRIES = 3  # an item that fails this many fetches in a row is given up
BATCH = 20  # articles written per store batch during a feed
MAX_FRESH = 5000  # articles remembered as new for the reader

ProgressFn = Callable[[str, int, int], None]  # (feed name, items done, items to do)


class Refused(Exception):
    """An item that will never be fetched (scheme, private address, not an article)."""


@dataclass(slots=True)
class PageResult:
    """What ``natojp add`` did with one URL."""

    url: str
    status: str  # imported, updated, unchanged, failed
    article_id: str | None = None
    title: str | None = None
    reason: str | None = None


@dataclass(slots=True)
class FeedResult:
    """What ``natojp fetch`` did with one feed."""

    name: str
    url: str
    status: str = "ok"  # ok, not modified, failed
    new: list[str] = field(default_factory=list)  # article ids
    seen: int = 0  # items already seen before this fetch
    failed: list[tuple[str, str]] = field(default_factory=list)  # (item url or key, reason)
    error: str | None = None  # why the feed itself failed
    left: int = 0  # new items left for the next fetch (max_items)
    title: str = ""

    @property
    def ok(self) -> bool:
        return self.error is None and not self.failed


def policy_for(book: FeedBook, extra: Sequence[str] = ()) -> UrlPolicy:
    """Trust the hosts of every feed the user subscribed to, and of ``extra`` URLs."""
    policy = UrlPolicy()
    for url in [*(f["url"] for f in book.feeds()), *extra]:
        try:
            policy.trust(url)
        except UnsafeURL:
            continue
    return policy


def _unexpected(exc: Exception) -> str:
    return f"could not be analysed ({type(exc).__name__}: {exc})"[:300]


def _page_record(resp: Response, article_id: str, path: str) -> dict[str, Any]:
    return {
        "article": article_id,
        "fetched_at": resp.fetched_at,
        "etag": resp.etag,
        "last_modified": resp.last_modified,
        "final_url": resp.final_url,
        "content_type": resp.content_type,
        "path": path,
    }


def _read_page(
    book: FeedBook, resp: Response, item: FeedItem | None = None
) -> tuple[Article, dict[str, Any]]:
    """The analysed article of a fetched page, its bytes kept as its source file.

    An undated page takes the date of the feed item that announced it."""
    article, suffix = article_from_response(resp, item.published if item else None)
    source = {
        "url": resp.url,
        "published": item.published.isoformat() if item and item.published else None,
    }
    path = book.save_page(article.id, suffix, resp.body, source)
    article.path = str(path)
    return article, _page_record(resp, article.id, str(path))


def add_urls(store: Any, book: FeedBook, urls: Sequence[str], fetcher: Fetcher) -> list[PageResult]:
    """Fetch pages the user named and import them; a URL fetched before is asked for
    conditionally (304 leaves its article as it is)."""
    results: list[PageResult] = []
    fetched: list[tuple[PageResult, Article, dict[str, Any]]] = []
    for raw in urls:
        try:
            url = fetcher.policy.trust(raw)
        except UnsafeURL as exc:
            results.append(PageResult(raw, "failed", reason=str(exc)))
            continue
        known = book.page(url)
        if known and store.article_meta(known.get("article", "")) is None:
            known = None  # the article was removed: fetch it in full
        try:
            resp = fetcher.get(
                url,
                etag=(known or {}).get("etag"),
                last_modified=(known or {}).get("last_modified"),
                accept=PAGE_ACCEPT,
            )
            if resp.not_modified and known:
                results.append(PageResult(url, "unchanged", known["article"]))
                continue
            article, record = _read_page(book, resp)
        except FetchError as exc:
            results.append(PageResult(url, "failed", reason=exc.reason))
            continue
        except ArticleError as exc:
            results.append(PageResult(url, "failed", reason=str(exc)))
            continue
        except Exception as exc:  # an extractor bug on a hostile page: one line, the rest go on
            results.append(PageResult(url, "failed", reason=_unexpected(exc)))
            continue
        result = PageResult(url, "imported", article.id, article.title)
        results.append(result)
        fetched.append((result, article, record))
    if fetched:
        report = store.add_articles([a for _, a, _ in fetched])
        for result, article, record in fetched:
            if article.id in report.updated:
                result.status = "updated"
            elif article.id in report.unchanged:
                result.status = "unchanged"
            book.record_page(result.url, record)
    return results


class _FeedRun:
    """One feed's fetch: the feed, then each new item, written in batches."""

    def __init__(
        self, store: Any, book: FeedBook, fetcher: Fetcher, feed: dict[str, Any], max_items: int
    ) -> None:
        self.store, self.book, self.fetcher, self.feed = store, book, fetcher, feed
        self.max_items = max_items
        self.result = FeedResult(feed["name"], feed["url"])
        self.pending: list[tuple[FeedItem, Article, dict[str, Any]]] = []
        self.marks: dict[str, dict[str, Any]] = {}  # item key -> seen record (no article)
        self.tries: dict[str, int] = {}
        self.complete = True  # every new item dealt with for good

    def run(self, progress: ProgressFn | None) -> FeedResult:
        feed, result = self.feed, self.result
        try:
            resp = self.fetcher.get(
                feed["url"],
                etag=feed.get("etag"),
                last_modified=feed.get("last_modified"),
                accept=FEED_ACCEPT,
            )
            if resp.not_modified:
                result.status = "not modified"
                result.seen = len(feed.get("seen", {}))
                self._finish(resp)
                return result
            parsed = parse_feed(resp.body, resp.final_url, resp.content_type or None)
        except (FetchError, FeedError) as exc:
            return self._fail(exc.reason if isinstance(exc, FetchError) else str(exc))
        result.title = parsed.title
        seen = feed.get("seen", {})
        fresh = [item for item in parsed.items if item.key not in seen]
        result.seen = len(parsed.items) - len(fresh)
        result.left = max(0, len(fresh) - self.max_items)
        todo = fresh[: self.max_items]
        if result.left:
            self.complete = False
        for n, item in enumerate(todo, start=1):
            self._item(item)
            if len(self.pending) >= BATCH:
                self._flush()
            if progress:
                progress(feed["name"], n, len(todo))
        self._flush()
        self._finish(resp)
        return result

    def _fail(self, reason: str) -> FeedResult:
        self.result.status = "failed"
        self.result.error = reason
        with self.book.editing() as data:
            for f in data["feeds"]:
                if f["name"] == self.feed["name"]:
                    f["last_fetch"] = now_utc()
                    f["last_status"] = f"failed: {reason}"
        return self.result

    def _item(self, item: FeedItem) -> None:
        shown = item.link or item.key
        try:
            if item.link is None:
                raise Refused("the item has no link")
            try:
                resp = self.fetcher.get(item.link, accept=PAGE_ACCEPT, origin=self.feed["url"])
            except FetchError as exc:
                if exc.refused:
                    raise Refused(exc.reason) from exc
                raise
            try:
                article, record = _read_page(self.book, resp, item)
            except ArticleError as exc:
                raise Refused(str(exc)) from exc
            except Exception as exc:  # an extractor bug on a hostile page: tried again later
                raise FetchError(item.link, _unexpected(exc)) from exc
        except Refused as exc:
            self.result.failed.append((shown, str(exc)))
            self.marks[item.key] = {"article": None, "at": now_utc(), "status": f"refused: {exc}"}
            return
        except FetchError as exc:
            self.result.failed.append((shown, exc.reason))
            tries = int(self.feed.get("tries", {}).get(item.key, 0)) + 1
            if tries >= MAX_TRIES:
                self.marks[item.key] = {
                    "article": None,
                    "at": now_utc(),
                    "status": f"gave up after {tries} tries: {exc.reason}",
                }
            else:
                self.tries[item.key] = tries
                self.complete = False
            return
        self.pending.append((item, article, record))

    def _flush(self) -> None:
        """Articles first (the store), then what was seen (the feed file)."""
        if self.pending:
            self.store.add_articles([a for _, a, _ in self.pending])
        now = now_utc()
        with self.book.editing() as data:
            feed = next((f for f in data["feeds"] if f["name"] == self.feed["name"]), None)
            if feed is None:
                return  # unsubscribed meanwhile: the articles stay, nothing to remember
            seen = feed.setdefault("seen", {})
            tries = feed.setdefault("tries", {})
            fresh = data.setdefault("fresh", [])
            for item, article, record in self.pending:
                seen[item.key] = {"article": article.id, "at": now, "status": "imported"}
                tries.pop(item.key, None)
                data["pages"][article.url] = record
                if article.id not in fresh:
                    fresh.append(article.id)
                self.result.new.append(article.id)
            for key, mark in self.marks.items():
                seen[key] = mark
                tries.pop(key, None)
            tries.update(self.tries)
            del fresh[:-MAX_FRESH]
        self.feed["seen"] = seen
        self.feed["tries"] = tries
        self.pending, self.marks, self.tries = [], {}, {}

    def _finish(self, resp: Response) -> None:
        with self.book.editing() as data:
            for f in data["feeds"]:
                if f["name"] != self.feed["name"]:
                    continue
                f["last_fetch"] = resp.fetched_at
                f["last_status"] = self.result.status
                if self.result.title:
                    f["title"] = self.result.title
                if self.complete and not resp.not_modified:
                    f["etag"], f["last_modified"] = resp.etag, resp.last_modified
                elif not self.complete:
                    f.pop("etag", None)
                    f.pop("last_modified", None)


def fetch_feeds(
    store: Any,
    book: FeedBook,
    names: Sequence[str],
    fetcher: Fetcher,
    *,
    max_items: int = 100,
    progress: ProgressFn | None = None,
) -> list[FeedResult]:
    """Fetch the named feeds (all when none are named) and import their new items."""
    data = book.read()
    feeds = data["feeds"]
    if names:
        by_name = {f["name"]: f for f in feeds}
        unknown = [n for n in names if n not in by_name]
        if unknown:
            raise KeyError(unknown[0])
        feeds = [by_name[n] for n in dict.fromkeys(names)]
    results = []
    for feed in feeds:
        results.append(_FeedRun(store, book, fetcher, feed, max_items).run(progress))
    return results


def article_id_for_url(url: str) -> str:
    """The id ``natojp add URL`` gives (or gave) the article at ``url``."""
    from natojp_tui.web.safety import canonical_url

    return url_article_id(canonical_url(url))
