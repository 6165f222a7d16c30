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


# reporting verbs that take a that-clause ("stated that …"); used only when the
# article text is not at hand to say whether "that" was written
_THAT_VERBS = frozenset(
    [
        "said",
        "stated",
        "noted",
        "stressed",
        "emphasized",
        "emphasised",
        "explained",
        "added",
        "affirmed",
        "reaffirmed",
        "confirmed",
        "underlined",
        "underscored",
        "mentioned",
        "indicated",
        "agreed",
        "concurred",
        "acknowledged",
        "recalled",
        "observed",
        "argued",
        "insisted",
        "announced",
        "suggested",
        "maintained",
        "hoped",
        "believed",
        "expected",
        "warned",
        "replied",
        "responded",
        "remarked",
        "reiterated",
        "pointed",
    ]
)
_THAT_BEFORE = re.compile(r"\bthat\s*$")


def _joiner(quote: Quote, article: Article | None) -> str:
    """``"that "`` when the reported clause follows a written "that" (or, without the
    text, when the verb takes a that-clause); else nothing."""
    if article is not None and 0 <= quote.paragraph < len(body := article.body):
        before = body[quote.paragraph][: quote.start]
        return "that " if _THAT_BEFORE.search(before) else ""
    last = (quote.verb or "").split()[-1:] or [""]
    return "that " if last[0].lower() in _THAT_VERBS else ""


def reported_lead(verb: str | None) -> str:
    """``stated that `` / ``welcomed ``: the reporting verb as a list draws it before the
    clause (without the article text at hand, "that" follows the verbs that take it)."""
    words = " ".join(clean(verb or "said").split())
    last = words.split()[-1:] or [""]
    return f"{words} that " if last[0].lower() in _THAT_VERBS else f"{words} "


def reported_sentence(quote: Quote, article: Article | None = None) -> str:
    """Reported speech with its reporting verb: ``Yoshimasa Hayashi welcomed Secretary
    General Stoltenberg's visit to Japan`` (speaker, else the cue, + verb + clause)."""
    who = clean(quote.speaker or quote.cue or UNATTRIBUTED)
    verb = " ".join(clean(quote.verb or "said").split())
    clause = " ".join(clean(quote.text).split()).rstrip(",;: ")
    return f"{who} {verb} {_joiner(quote, article)}{clause}"


def display_text(quote: Quote, article: Article | None = None) -> str:
    """What a list or a copy shows for a quote: “quoted words”, or the reported sentence."""
    if quote.kind == "indirect":
        return reported_sentence(quote, article)
    return f"“{quote_sentence(quote)}”"


def paragraph_number(quote: Quote) -> int:
    """The 1-based number of the quote's body paragraph (what copies and exports show)."""
    return quote.paragraph + 1


def _who(att: Attribution) -> str:
    return ", ".join(p for p in (att.speaker, att.role, att.place, format_date(att.when)) if p)


def _in_source(att: Attribution) -> str:
    return f'"{att.title}", {att.source}' if att.source else f'"{att.title}"'


def _with_url(line: str, att: Attribution) -> str:
    return f"{line} {att.url}" if att.url else line


def format_plain(quote: Quote, article: Article | None = None) -> str:
    """Just the words, without marks or attribution; reported speech keeps its speaker
    and reporting verb (a bare clause would misquote)."""
    if quote.kind == "indirect":
        return reported_sentence(quote, article)
    return quote_sentence(quote)


def format_attributed(quote: Quote, article: Article) -> str:
    """``“Words.” — Speaker, Role, Place, 15 April 2013 ("Title", Source) URL``.

    Reported speech is not put in quotation marks: it is the speaker, the reporting verb
    and the clause, ``Yoshimasa Hayashi welcomed … (reported) — Role, Place, Date (…)``.
    """
    att = attribution(quote, article)
    if quote.kind == "indirect":
        rest = ", ".join(p for p in (att.role, att.place, format_date(att.when)) if p)
        said = f"{reported_sentence(quote, article)} (reported)"
        line = f"{said} — {rest} ({_in_source(att)})" if rest else f"{said} ({_in_source(att)})"
        return _with_url(line, att)
    return _with_url(f"“{quote_sentence(quote)}” — {_who(att)} ({_in_source(att)})", att)


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
        words = f"{escape_markdown(reported_sentence(quote, article))} *(reported)*"
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
    number = paragraph_number(quote)
    tail = f"{att.source}, paragraph {number}" if att.source else f"Paragraph {number}"
    parts.append(f"{tail}.")
    if att.url:
        parts.append(att.url)
    return " ".join(parts)


def quote_record(quote: Quote, article: Article) -> dict[str, object]:
    """A JSON-ready record of the quote with its attribution and exact location.

    ``paragraph`` is 1-based (paragraph 1 is the first body paragraph); ``start``/``end``
    are character offsets into that paragraph's text. ``display`` is what the reader
    shows: the quoted words in marks, or reported speech with its reporting verb.
    """
    att = attribution(quote, article)
    return {
        "id": quote.id,
        "text": quote.text,
        "display": display_text(quote, article),
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
        "paragraph": paragraph_number(quote),
        "start": quote.start,
        "end": quote.end,
    }


def format_json(quote: Quote, article: Article) -> str:
    """The quote record as indented JSON (non-ASCII kept as is)."""
    return json.dumps(quote_record(quote, article), ensure_ascii=False, indent=2)


def format_quote(quote: Quote, article: Article, fmt: CitationFormat = "attributed") -> str:
    """Format ``quote`` in one of ``CITATION_FORMATS``."""
    if fmt == "plain":
        return format_plain(quote, article)
    if fmt == "attributed":
        return format_attributed(quote, article)
    if fmt == "markdown":
        return format_markdown(quote, article)
    if fmt == "citation":
        return format_citation_line(quote, article)
    if fmt == "json":
        return format_json(quote, article)
    raise ValueError(f"unknown citation format: {fmt!r}")
