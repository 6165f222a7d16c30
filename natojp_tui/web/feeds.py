"""RSS 2.0, Atom and RDF feeds parsed with feedparser: the items a fetch may import.

feedparser gets the bytes in a file object, never a string (a string it would try to
open as a file name or fetch as a URL). Titles are cleaned like article titles; links
are checked by the caller's URL policy before anything is fetched.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urljoin

from natojp_tui.core.hygiene import clean_inline


class FeedError(ValueError):
    """The bytes are not a feed; the message says why in a few words."""


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One entry: ``key`` (its guid, else its link) says whether it was seen before."""

    key: str
    link: str | None
    title: str
    published: date | None = None


@dataclass(slots=True)
class ParsedFeed:
    title: str
    kind: str  # feedparser's version: "rss20", "atom10", "rss10" (RDF)…
    items: list[FeedItem] = field(default_factory=list)


def _day(entry) -> date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            try:
                return date(value.tm_year, value.tm_mon, value.tm_mday)
            except (AttributeError, ValueError):
                continue
    return None


def parse_feed(data: bytes, url: str, content_type: str | None = None) -> ParsedFeed:
    """Parse a feed document fetched from ``url`` (relative links resolve against it)."""
    import feedparser

    headers = {"content-type": content_type} if content_type else {}
    # No base URL for feedparser: it would resolve guids too; links are joined below.
    doc = feedparser.parse(io.BytesIO(data), response_headers=headers, sanitize_html=True)
    kind = doc.get("version") or ""
    if not kind and not doc.entries:
        problem = doc.get("bozo_exception")
        detail = f" ({clean_inline(str(problem))[:120]})" if problem else ""
        raise FeedError(f"not an RSS, Atom or RDF feed{detail}")
    items: list[FeedItem] = []
    keys: set[str] = set()
    for entry in doc.entries:
        link = clean_inline(entry.get("link") or "") or None
        if link:
            link = urljoin(url, link)
        guid = clean_inline(entry.get("id") or "") or None
        if link is None and guid and guid.lower().startswith(("http://", "https://")):
            link = guid
        key = guid or link
        if key is None or key in keys:
            continue
        keys.add(key)
        title = clean_inline(entry.get("title") or "")[:500]
        items.append(FeedItem(key=key[:2000], link=link, title=title, published=_day(entry)))
    return ParsedFeed(title=clean_inline(doc.feed.get("title") or "")[:200], kind=kind, items=items)
