"""A fetched response to an :class:`~natojp_tui.core.model.Article`, through the core readers.

The content type decides the reader (HTML, PDF, plain text); anything else is refused
in one line. The article id comes from the URL asked for, so fetching the same URL
again replaces the same article.
"""

from __future__ import annotations

import hashlib
from datetime import date

from natojp_tui.core.model import Article
from natojp_tui.core.pipeline import extract
from natojp_tui.core.readers import ArticleError, read_article
from natojp_tui.core.readers.pdf import is_pdf
from natojp_tui.web.fetch import Response

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
PDF_TYPES = frozenset({"application/pdf", "application/x-pdf"})
TEXT_TYPES = frozenset({"text/plain", "text/markdown"})
SNIFFED_TYPES = frozenset({"", "application/octet-stream", "binary/octet-stream"})
SUFFIX = {"html": ".html", "pdf": ".pdf", "text": ".txt", "markdown": ".md"}
PAGE_ACCEPT = "text/html,application/xhtml+xml,application/pdf;q=0.9,text/plain;q=0.8"


def url_article_id(url: str) -> str:
    """The stable id of the article fetched from (canonical) ``url``."""
    return hashlib.sha1(f"url:{url}".encode()).hexdigest()[:12]


def page_kind(resp: Response) -> str:
    """``html``, ``pdf``, ``text`` or ``markdown``; :class:`ArticleError` for any other type."""
    media = resp.content_type
    if media in HTML_TYPES:
        return "html"
    if media in PDF_TYPES:
        return "pdf"
    if media == "text/markdown":
        return "markdown"
    if media in TEXT_TYPES:
        return "pdf" if is_pdf(resp.body) else "text"
    if media in SNIFFED_TYPES:
        if is_pdf(resp.body):
            return "pdf"
        head = resp.body[:512].lstrip().lower()
        if head.startswith((b"<!doctype html", b"<html")):
            return "html"
    shown = media or "none given"
    raise ArticleError(f"not an article (content type {shown}; HTML, PDF and plain text are read)")


def article_from_response(resp: Response, published: date | None = None) -> tuple[Article, str]:
    """Read and analyse a fetched page; returns the article and its source file suffix.

    ``published`` (a feed item's date) dates a page that does not say when it was
    published, before the extractors date its meetings."""
    kind = page_kind(resp)
    suffix = SUFFIX[kind]
    article = read_article(
        resp.body,
        f"page{suffix}",
        article_id=url_article_id(resp.url),
        charset=resp.charset,
    )
    article.url = resp.url
    if article.published is None:
        article.published = published
    return extract(article), suffix
