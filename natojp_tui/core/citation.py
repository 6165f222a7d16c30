"""Format a quote with its attribution: plain, attributed, Markdown, citation line, JSON.

Pure functions on the model: everything a citation needs (speaker, role, place, date,
article title and publisher) is read from the ``Quote`` and its ``Article``.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Literal

from natojp_tui.core.model import Article, Quote

CitationFormat = Literal["plain", "attributed", "markdown", "citation", "json"]
CITATION_FORMATS: tuple[CitationFormat, ...] = (
    "plain",
    "attributed",
    "markdown",
    "citation",
    "json",
)
FORMAT_LABELS: dict[str, str] = {
    "plain": "Plain text",
    "attributed": "With attribution",
    "markdown": "Markdown blockquote with citation",
    "citation": "Citation line",
    "json": "JSON",
}

UNATTRIBUTED = "Unattributed"
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~&])")
_HTTP_URL = re.compile(r"https?://[^\s/?#\\<>]+(?:[/?#][^\x00-\x1f\x7f]*)?", re.IGNORECASE)
# Characters kept as they are in a link destination; every other one is percent-encoded,
# so the URL cannot close the ``<…>`` around it or start markup.
_URL_SAFE = ":/?#[]@!$&'()*+,;=%~-._"


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who said a quote, where, when, and in which source."""

    speaker: str
    role: str | None
    place: str | None
    when: date | None
    title: str
    source: str | None
    url: str | None


def clean(text: str) -> str:
    """Drop control characters and bidi overrides so a citation pastes safely."""
    return _CONTROL.sub("", text)


def format_date(when: date | None) -> str | None:
    """``15 April 2013`` (no leading zero), or None."""
    if when is None:
        return None
    return f"{when.day} {when.strftime('%B')} {when.year}"


def role_of(quote: Quote, article: Article) -> str | None:
    """The quote's role, or the speaker's role on the article date."""
    if quote.role:
        return quote.role
    if not quote.speaker_id:
        return None
    for person in article.people:
        if person.id == quote.speaker_id:
            role = person.role_on(article.published)
            if role is None:
                return None
            if role.organisation and role.organisation not in role.title:
                return f"{role.organisation} {role.title}"
            return role.title
    return None


def place_of(quote: Quote, article: Article) -> str | None:
    """Where the quote was said, as far as the article's events tell.

    The placed event told closest before (or in) the quote's paragraph wins; failing
    that, the place most events of the article share.
    """
    placed = [e for e in article.events if e.place]
    if not placed:
        return None
    before = [e for e in placed if (e.paragraph, e.start) <= (quote.paragraph, quote.start)]
    if before:
        return max(before, key=lambda e: (e.paragraph, e.start)).place
    return Counter(e.place for e in placed).most_common(1)[0][0]


def attribution(quote: Quote, article: Article) -> Attribution:
    """Collect the attribution fields of ``quote`` from ``article``."""
    return Attribution(
        speaker=clean(quote.speaker) if quote.speaker else UNATTRIBUTED,
        role=clean(r) if (r := role_of(quote, article)) else None,
        place=clean(p) if (p := place_of(quote, article)) else None,
        when=article.published,
        title=clean(article.title),
        source=clean(article.source) if article.source else None,
        url=article.url,
    )


def quote_sentence(quote: Quote) -> str:
    """The quote text as it reads on its own: a trailing comma or colon becomes a full stop."""
    text = " ".join(clean(quote.text).split())
    if quote.kind == "direct":
        stripped = text.rstrip(",;: ")
        if stripped and stripped[-1] not in ".?!…":
            stripped += "."
        return stripped
    return text.rstrip(",;: ")


def _who(att: Attribution) -> str:
    return ", ".join(p for p in (att.speaker, att.role, att.place, format_date(att.when)) if p)


def _in_source(att: Attribution) -> str:
    return f'"{att.title}", {att.source}' if att.source else f'"{att.title}"'


def format_plain(quote: Quote) -> str:
    """Just the words, without marks or attribution."""
    return quote_sentence(quote)


def format_attributed(quote: Quote, article: Article) -> str:
    """``“Words.” — Speaker, Role, Place, 15 April 2013 ("Title", Source)``.

    Indirect (reported) speech is not put in quotation marks.
    """
    att = attribution(quote, article)
    words = quote_sentence(quote)
    said = f"“{words}”" if quote.kind != "indirect" else f"(paraphrase) {words}"
    return f"{said} — {_who(att)} ({_in_source(att)})"


def escape_markdown(text: str) -> str:
    """Backslash-escape the characters Markdown would read as syntax."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def markdown_link_target(url: str | None) -> str | None:
    """``url`` ready for a Markdown ``(<…>)`` link when it is an http(s) URL, else None."""
    if not url or not _HTTP_URL.fullmatch(url):
        return None
    from urllib.parse import quote

    return quote(url, safe=_URL_SAFE)


def format_markdown(quote: Quote, article: Article) -> str:
    """A Markdown blockquote followed by an em-dash citation line.

    The title is linked only to an http(s) URL; any other URL is shown as escaped text.
    """
    att = attribution(quote, article)
    words = escape_markdown(quote_sentence(quote))
    if quote.kind == "indirect":
        words = f"*(paraphrase)* {words}"
    title = f"“{escape_markdown(att.title)}”"
    target = markdown_link_target(att.url)
    if target:
        title = f"[{title}](<{target}>)"
    elif att.url:
        title = f"{title} ({escape_markdown(clean(att.url))})"
    where = ", ".join(p for p in (title, escape_markdown(att.source or "")) if p)
    return f"> {words}\n>\n> — {escape_markdown(_who(att))}, in {where}"


def format_citation_line(quote: Quote, article: Article) -> str:
    """``Speaker (Role), Place, 15 April 2013. "Title". Source, paragraph N. URL``."""
    att = attribution(quote, article)
    who = f"{att.speaker} ({att.role})" if att.role else att.speaker
    head = ", ".join(p for p in (who, att.place, format_date(att.when)) if p)
    parts = [f"{head}.", f'"{att.title}".']
    tail = (
        f"{att.source}, paragraph {quote.paragraph + 1}"
        if att.source
        else (f"Paragraph {quote.paragraph + 1}")
    )
    parts.append(f"{tail}.")
    if att.url:
        parts.append(att.url)
    return " ".join(parts)


def quote_record(quote: Quote, article: Article) -> dict[str, object]:
    """A JSON-ready record of the quote with its attribution and exact location."""
    att = attribution(quote, article)
    return {
        "id": quote.id,
        "text": quote.text,
        "kind": quote.kind,
        "speaker": quote.speaker,
        "role": att.role,
        "cue": quote.cue,
        "verb": quote.verb,
        "place": att.place,
        "date": att.when.isoformat() if att.when else None,
        "article": {
            "id": article.id,
            "title": article.title,
            "source": article.source,
            "url": article.url,
            "published": article.published.isoformat() if article.published else None,
        },
        "paragraph": quote.paragraph,
        "start": quote.start,
        "end": quote.end,
    }


def format_json(quote: Quote, article: Article) -> str:
    """The quote record as indented JSON (non-ASCII kept as is)."""
    return json.dumps(quote_record(quote, article), ensure_ascii=False, indent=2)


def format_quote(quote: Quote, article: Article, fmt: CitationFormat = "attributed") -> str:
    """Format ``quote`` in one of ``CITATION_FORMATS``."""
    if fmt == "plain":
        return format_plain(quote)
    if fmt == "attributed":
        return format_attributed(quote, article)
    if fmt == "markdown":
        return format_markdown(quote, article)
    if fmt == "citation":
        return format_citation_line(quote, article)
    if fmt == "json":
        return format_json(quote, article)
    raise ValueError(f"unknown citation format: {fmt!r}")
