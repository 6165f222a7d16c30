"""Reference styles for a quote: Chicago (note, bibliography), APA 7, MLA 9, BibTeX,
RIS and CSL-JSON.

Pure functions on the model. The author of a press release, readout or transcript is
the institution that published it; of a wire story its byline (a ``By …`` line at the
top of the text) or else the agency. The genre is read from the source and the title.
``accessed`` is the day the reference is made (passed in: no clock here).

Titles: Chicago and MLA use headline-style capitals (minor words lower case); APA keeps
the title as published, since turning it into sentence case would lower-case names.
APA gives no access date (press releases and readouts are not pages designed to
change); every other style gives it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

from natojp_tui.core.citation import (
    CITATION_FORMATS,
    FORMAT_LABELS,
    clean,
    display_text,
    format_quote,
    paragraph_number,
    quote_sentence,
    reported_sentence,
)
from natojp_tui.core.lexicon.months import MONTHS
from natojp_tui.core.model import Article, Quote
from natojp_tui.core.sources import GOVERNMENT, WIRE_AGENCIES, short_source

Genre = Literal["press release", "readout", "transcript", "news article"]
ReferenceStyle = Literal["chicago", "chicago-bib", "apa", "mla", "bibtex", "ris", "csl-json"]
REFERENCE_STYLES: tuple[ReferenceStyle, ...] = (
    "chicago",
    "chicago-bib",
    "apa",
    "mla",
    "bibtex",
    "ris",
    "csl-json",
)
STYLE_LABELS: dict[str, str] = {
    "chicago": "Chicago note (with the quote's paragraph)",
    "chicago-bib": "Chicago bibliography entry",
    "apa": "APA 7: quote with in-text citation, then the reference",
    "mla": "MLA 9: quote with in-text citation, then the works-cited entry",
    "bibtex": "BibTeX entry",
    "ris": "RIS record (Zotero, EndNote, Mendeley)",
    "csl-json": "CSL-JSON item",
}

AGENCY_NAMES: dict[str, str] = {
    "Kyodo": "Kyodo News",
    "Jiji": "Jiji Press",
    "AP": "Associated Press",
    "AFP": "Agence France-Presse",
    "Bloomberg": "Bloomberg News",
}
_TRANSCRIPT = re.compile(
    r"\b(?:press conference|transcript|remarks|doorstep|press point|opening statement|"
    r"speech|interview|q\s*&\s*a)\b",
    re.I,
)
_READOUT = re.compile(
    r"\b(?:meeting|talks|telephone|call|summit|visit|dialogue|consultations?|courtesy)\b", re.I
)
_BYLINE = re.compile(
    r"^\s*By\s+(?P<names>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}"
    r"(?:\s*(?:,|and|&)\s*[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3})*)\s*$"
)
_MINOR = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "but",
        "or",
        "nor",
        "for",
        "so",
        "yet",
        "as",
        "at",
        "by",
        "in",
        "of",
        "off",
        "on",
        "per",
        "to",
        "up",
        "via",
        "with",
        "amid",
        "among",
        "from",
        "into",
        "onto",
        "over",
        "than",
        "upon",
        "about",
        "after",
        "before",
        "during",
        "under",
        "within",
        "without",
        "between",
        "against",
        "toward",
        "towards",
        "through",
    ]
)
_MLA_MONTHS = (
    "Jan.", "Feb.", "Mar.", "Apr.", "May", "June",
    "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.",
)  # fmt: skip
_BIBTEX_MONTHS = tuple(MONTHS)  # jan … dec: BibTeX's month macros
_RIS_TYPES = {
    "press release": "PRESS",
    "news article": "NEWS",
    "readout": "GEN",
    "transcript": "GEN",
}
_CSL_TYPES = {
    "press release": "report",
    "readout": "report",
    "transcript": "speech",
    "news article": "article-newspaper",
}


@dataclass(frozen=True, slots=True)
class Person:
    """A byline name split for styles that invert it (``Tanaka, Aiko``)."""

    given: str
    family: str

    @property
    def full(self) -> str:
        return f"{self.given} {self.family}".strip()


@dataclass(frozen=True, slots=True)
class Reference:
    """What every style needs: who is the author, what kind of text, where, when."""

    authors: tuple[Person, ...]  # people (a byline); empty when the author is institutional
    institution: str | None  # the institutional author, or the agency without a byline
    genre: Genre
    title: str
    publisher: str | None  # the site or agency that published it
    published: date | None
    url: str | None
    accessed: date

    @property
    def author_label(self) -> str | None:
        """The authors' names, the institution, or None when nobody is known (every style
        then moves the title into the author's place; nobody is called "Anonymous")."""
        if self.authors:
            return _and([p.full for p in self.authors])
        return self.institution or None

    @property
    def short_title(self) -> str:
        """The first words of the title in headline case, for an in-text citation."""
        words = headline_case(self.title).rstrip(".").split()
        return " ".join(words[:4]) if len(words) > 5 else " ".join(words)


def byline_of(article: Article) -> tuple[Person, ...]:
    """The people of a ``By Aiko Tanaka`` (``By A and B``) line among the first paragraphs."""
    author = getattr(article, "author", None)
    texts = [f"By {author}"] if author else []
    texts += [p.text for p in article.paragraphs[:6] if p.kind in ("body", "dateline")]
    for text in texts:
        m = _BYLINE.match(text)
        if m:
            names = re.split(r"\s*(?:,|\band\b|&)\s*", m["names"])
            return tuple(_person(n) for n in names if n)
    return ()


def _person(name: str) -> Person:
    parts = name.split()
    return Person(" ".join(parts[:-1]), parts[-1])


def genre_of(article: Article) -> Genre:
    """Transcript (press conference, remarks …), news article (a wire agency), readout (a
    Japanese government account of a meeting or call), else press release."""
    short = short_source(article.source)
    if _TRANSCRIPT.search(article.title):
        return "transcript"
    if short in WIRE_AGENCIES:
        return "news article"
    if short in GOVERNMENT and _READOUT.search(article.title):
        return "readout"
    return "press release"


def reference(article: Article, accessed: date) -> Reference:
    """The reference of ``article`` as seen on ``accessed``."""
    genre = genre_of(article)
    source = clean(article.source) if article.source else None
    short = short_source(source)
    publisher = AGENCY_NAMES.get(short or "", source) if genre == "news article" else source
    authors = byline_of(article) if genre == "news article" else ()
    return Reference(
        authors=authors,
        institution=None if authors else publisher,
        genre=genre,
        title=" ".join(clean(article.title).split()),
        publisher=publisher,
        published=article.published,
        url=article.url,
        accessed=accessed,
    )


# --------------------------------------------------------------------------- helpers


def headline_case(title: str) -> str:
    """Chicago/MLA headline style: major words capitalised, minor words lower case
    (except first and last); words already holding capitals are left as written."""
    words = title.split(" ")
    out: list[str] = []
    for n, word in enumerate(words):
        bare = word.strip("“”\"'‘’()[]")
        first_or_last = n == 0 or n == len(words) - 1 or (out and out[-1].endswith(":"))
        if not bare or any(c.isupper() for c in bare) or any(c.isdigit() for c in bare):
            out.append(word)
        elif bare.lower() in _MINOR and not first_or_last:
            out.append(word.lower())
        else:
            i = word.index(bare[0])
            out.append(word[:i] + word[i].upper() + word[i + 1 :])
    return " ".join(out)


def _and(names: list[str], conj: str = "and") -> str:
    if len(names) <= 1:
        return "".join(names)
    if len(names) == 2:
        return f"{names[0]} {conj} {names[1]}"
    return ", ".join(names[:-1]) + f", {conj} {names[-1]}"


def _us_date(when: date) -> str:
    return f"{when:%B} {when.day}, {when.year}"


def _mla_date(when: date) -> str:
    return f"{when.day} {_MLA_MONTHS[when.month - 1]} {when.year}"


def _bare_url(url: str) -> str:
    return re.sub(r"^https?://", "", url)


def _end(text: str) -> str:
    """``text`` closed by a full stop unless it ends with one (or ? !)."""
    return text if text.endswith((".", "?", "!", ".”", "?”", "!”")) else text + "."


def _quoted(quote: Quote, article: Article) -> str:
    """The words as they go before an in-text citation (no closing full stop)."""
    if quote.kind == "indirect":
        return reported_sentence(quote, article)
    return f"“{quote_sentence(quote).rstrip('.')}”"


# --------------------------------------------------------------------------- Chicago


def chicago_note(quote: Quote, article: Article, accessed: date) -> str:
    """``NATO, “Title,” press release, January 12, 2024, para. 2, accessed …, URL.``"""
    ref = reference(article, accessed)
    title = f"“{headline_case(ref.title)},”"
    tail = []
    if ref.genre == "news article":
        if ref.authors and ref.publisher:
            tail.append(ref.publisher)
    else:
        tail.append(ref.genre)
    if ref.published:
        tail.append(_us_date(ref.published))
    tail.append(f"para. {paragraph_number(quote)}")
    tail.append(f"accessed {_us_date(accessed)}")
    if ref.url:
        tail.append(ref.url)
    head = f"{ref.author_label}, {title}" if ref.author_label else title
    return _end(f"{head} " + ", ".join(tail))


def chicago_bibliography(article: Article, accessed: date) -> str:
    """``NATO. “Title.” Press release, January 12, 2024. Accessed …. URL.``"""
    ref = reference(article, accessed)
    author: str | None = ref.author_label
    if ref.authors:
        first, *rest = ref.authors
        author = _and([f"{first.family}, {first.given}", *(p.full for p in rest)])
    pieces = ([_end(author)] if author else []) + [f"“{headline_case(ref.title)}.”"]
    where = []
    if ref.genre == "news article":
        if ref.authors and ref.publisher:
            where.append(ref.publisher)
    else:
        where.append(ref.genre.capitalize())
    if ref.published:
        where.append(_us_date(ref.published))
    if where:
        pieces.append(_end(", ".join(where)))
    pieces.append(f"Accessed {_us_date(accessed)}.")
    if ref.url:
        pieces.append(_end(ref.url))
    return " ".join(pieces)


# --------------------------------------------------------------------------- APA 7


def apa_in_text(quote: Quote, article: Article, accessed: date) -> str:
    """``(NATO, 2024, para. 2)``; ``(Tanaka, 2023, para. 3)`` for a byline."""
    ref = reference(article, accessed)
    who: str | None
    if ref.authors:
        names = [p.family for p in ref.authors]
        who = _and(names, "&") if len(names) <= 2 else f"{names[0]} et al."
    else:
        who = ref.author_label
    year = str(ref.published.year) if ref.published else "n.d."
    if who is None:  # the title takes the author's place
        return f"(“{ref.short_title},” {year}, para. {paragraph_number(quote)})"
    return f"({who}, {year}, para. {paragraph_number(quote)})"


def apa_reference(article: Article, accessed: date) -> str:
    """``NATO. (2024, January 12). Title [Press release]. URL``."""
    ref = reference(article, accessed)
    author: str | None
    if ref.authors:
        names = [
            f"{p.family}, {' '.join(g[0] + '.' for g in p.given.split())}" for p in ref.authors
        ]
        author = _and(names, "&") if len(names) <= 2 else ", ".join(names[:-1]) + f", & {names[-1]}"
    else:
        author = _end(ref.author_label) if ref.author_label else None
    when = (
        f"({ref.published.year}, {ref.published:%B} {ref.published.day})."
        if ref.published
        else "(n.d.)."
    )
    title = ref.title.rstrip(".")
    head = _end(title) if ref.genre == "news article" else f"{title} [{ref.genre.capitalize()}]."
    site = ref.publisher if ref.publisher and ref.publisher != ref.author_label else None
    if author is None:  # APA 7: with no author the title moves to the author's place
        parts = [head, when] + ([_end(site)] if site else [])
    elif ref.genre == "news article":
        parts = [author, when, head] + ([_end(site)] if site else [])
    else:
        parts = [author, when, head]
    if ref.url:
        parts.append(ref.url)
    return " ".join(parts)


def format_apa(quote: Quote, article: Article, accessed: date) -> str:
    """The quote with its APA in-text citation, a blank line, then the reference entry."""
    cited = f"{_quoted(quote, article)} {apa_in_text(quote, article, accessed)}."
    return f"{cited}\n\n{apa_reference(article, accessed)}"


# --------------------------------------------------------------------------- MLA 9


def mla_in_text(quote: Quote, article: Article, accessed: date) -> str:
    """``(Tanaka par. 3)``; with an institution that also published it, a short title:
    ``(“Secretary General Welcomes” par. 2)``."""
    ref = reference(article, accessed)
    number = paragraph_number(quote)
    if ref.authors:
        return f"({ref.authors[0].family} par. {number})"
    if ref.author_label is None or ref.author_label == ref.publisher:
        words = headline_case(ref.title).split()
        short = " ".join(words[:3]) if len(words) > 4 else " ".join(words)
        return f"(“{short}” par. {number})"
    return f"({ref.author_label} par. {number})"


def mla_works_cited(article: Article, accessed: date) -> str:
    """``“Title.” NATO, 12 Jan. 2024, www.nato.int/…. Accessed 5 Mar. 2025. Press release.``

    An institution that is both author and publisher is named once, as publisher.
    """
    ref = reference(article, accessed)
    pieces = []
    if ref.authors:
        first, *rest = ref.authors
        if len(ref.authors) == 2:
            pieces.append(f"{first.family}, {first.given}, and {rest[0].full}.")
        elif rest:
            pieces.append(f"{first.family}, {first.given}, et al.")
        else:
            pieces.append(f"{first.family}, {first.given}.")
    elif ref.author_label and ref.author_label != ref.publisher:
        pieces.append(_end(ref.author_label))
    pieces.append(f"“{headline_case(ref.title).rstrip('.')}.”")
    container = [p for p in (ref.publisher,) if p]
    if ref.published:
        container.append(_mla_date(ref.published))
    if ref.url:
        container.append(_bare_url(ref.url))
    if container:
        pieces.append(_end(", ".join(container)))
    pieces.append(f"Accessed {_mla_date(accessed)}.")
    if ref.genre != "news article":
        pieces.append(f"{ref.genre.capitalize()}.")
    return " ".join(pieces)


def format_mla(quote: Quote, article: Article, accessed: date) -> str:
    """The quote with its MLA in-text citation, a blank line, then the works-cited entry."""
    cited = f"{_quoted(quote, article)} {mla_in_text(quote, article, accessed)}."
    return f"{cited}\n\n{mla_works_cited(article, accessed)}"


# --------------------------------------------------------------------------- reference managers

_BIBTEX_SPECIAL = re.compile(r"([&%$#_{}])")


def _bibtex_escape(text: str) -> str:
    text = text.replace("\\", r"\textbackslash{}").replace("~", r"\textasciitilde{}")
    text = text.replace("^", r"\textasciicircum{}")
    return _BIBTEX_SPECIAL.sub(r"\\\1", text)


def bibtex_key(ref: Reference) -> str:
    """``nato2024secretary``: first author word, year, first title word of 4+ letters."""
    head = ref.authors[0].family if ref.authors else ref.author_label or ref.title
    who = re.sub(r"[^a-z0-9]", "", (head.split() or ["untitled"])[0].lower()) or "untitled"
    year = str(ref.published.year) if ref.published else "nd"
    word = next((w.lower() for w in re.findall(r"[A-Za-z]+", ref.title) if len(w) > 3), "")
    return f"{who}{year}{word}"


def format_bibtex(quote: Quote, article: Article, accessed: date) -> str:
    """A ``@misc`` (release, readout, transcript) or ``@article`` (news) entry; the
    quote's paragraph and words go in ``note``."""
    ref = reference(article, accessed)
    fields: list[tuple[str, str]] = []
    if ref.authors:
        fields.append(("author", " and ".join(f"{p.family}, {p.given}" for p in ref.authors)))
    elif ref.author_label:  # an institution, not a name: braced so it is not split
        fields.append(("author", "{{" + _bibtex_escape(ref.author_label) + "}}"))
    fields.append(("title", "{{" + _bibtex_escape(ref.title) + "}}"))  # capitals as published
    kind = "article" if ref.genre == "news article" else "misc"
    if kind == "article" and ref.publisher:
        fields.append(("journal", _bibtex_escape(ref.publisher)))
    else:
        fields.append(("howpublished", ref.genre.capitalize()))
        if ref.publisher:
            fields.append(("organization", _bibtex_escape(ref.publisher)))
    if ref.published:
        fields += [("year", str(ref.published.year)), ("date", ref.published.isoformat())]
    if ref.url:
        fields.append(("url", ref.url))
    fields.append(("urldate", accessed.isoformat()))
    note = f"para. {paragraph_number(quote)}: {display_text(quote, article)}"
    fields.append(("note", _bibtex_escape(note)))
    body = ",\n".join(
        f"  {name} = {value if value.startswith('{') else '{' + value + '}'}"
        for name, value in fields
    )
    if ref.published:
        body += f",\n  month = {_BIBTEX_MONTHS[ref.published.month - 1]}"
    return f"@{kind}{{{bibtex_key(ref)},\n{body}\n}}"


def format_ris(quote: Quote, article: Article, accessed: date) -> str:
    """An RIS record (``TY  - PRESS`` … ``ER  -``); the quote goes in ``N1``."""
    ref = reference(article, accessed)
    lines = [("TY", _RIS_TYPES[ref.genre])]
    if ref.authors:
        lines += [("AU", f"{p.family}, {p.given}") for p in ref.authors]
    elif ref.author_label:
        lines.append(("AU", ref.author_label))
    lines.append(("TI", ref.title))
    if ref.genre == "news article" and ref.publisher:
        lines.append(("T2", ref.publisher))
    if ref.publisher:
        lines.append(("PB", ref.publisher))
    if ref.published:
        lines += [("PY", str(ref.published.year)), ("DA", f"{ref.published:%Y/%m/%d}")]
    lines.append(("M3", ref.genre.capitalize()))
    if ref.url:
        lines.append(("UR", ref.url))
    lines.append(("Y2", f"{accessed:%Y/%m/%d}"))
    lines.append(("N1", f"para. {paragraph_number(quote)}: {display_text(quote, article)}"))
    lines.append(("ER", ""))
    return "\n".join(f"{tag}  - {value}".rstrip() if value else f"{tag}  -" for tag, value in lines)


def csl_item(quote: Quote, article: Article, accessed: date) -> dict[str, object]:
    """A CSL-JSON item for the article, with the quote's paragraph as locator."""
    ref = reference(article, accessed)
    item: dict[str, object] = {
        "id": bibtex_key(ref),
        "type": _CSL_TYPES[ref.genre],
        "genre": ref.genre.capitalize(),
        "title": ref.title,
    }
    if ref.authors:
        item["author"] = [{"family": p.family, "given": p.given} for p in ref.authors]
    elif ref.author_label:
        item["author"] = [{"literal": ref.author_label}]
    if ref.publisher:
        key = "container-title" if ref.genre == "news article" else "publisher"
        item[key] = ref.publisher
    if ref.published:
        p = ref.published
        item["issued"] = {"date-parts": [[p.year, p.month, p.day]]}
    if ref.url:
        item["URL"] = ref.url
    item["accessed"] = {"date-parts": [[accessed.year, accessed.month, accessed.day]]}
    item["locator"] = str(paragraph_number(quote))
    item["label"] = "paragraph"
    item["note"] = display_text(quote, article)
    return item


def format_csl_json(quote: Quote, article: Article, accessed: date) -> str:
    """A CSL-JSON list holding one item (what Zotero and pandoc read)."""
    return json.dumps([csl_item(quote, article, accessed)], ensure_ascii=False, indent=2)


def format_reference(quote: Quote, article: Article, style: ReferenceStyle, accessed: date) -> str:
    """``quote`` cited in one of ``REFERENCE_STYLES``."""
    if style == "chicago":
        return chicago_note(quote, article, accessed)
    if style == "chicago-bib":
        return chicago_bibliography(article, accessed)
    if style == "apa":
        return format_apa(quote, article, accessed)
    if style == "mla":
        return format_mla(quote, article, accessed)
    if style == "bibtex":
        return format_bibtex(quote, article, accessed)
    if style == "ris":
        return format_ris(quote, article, accessed)
    if style == "csl-json":
        return format_csl_json(quote, article, accessed)
    raise ValueError(f"unknown citation style: {style!r}")


COPY_FORMATS: tuple[str, ...] = (*CITATION_FORMATS, *REFERENCE_STYLES)
COPY_LABELS: dict[str, str] = {**FORMAT_LABELS, **STYLE_LABELS}
# the key that picks each format in the copy chooser
COPY_KEYS: dict[str, str] = {
    **{fmt: str(n) for n, fmt in enumerate(CITATION_FORMATS, start=1)},
    "chicago": "c",
    "chicago-bib": "h",
    "apa": "a",
    "mla": "m",
    "bibtex": "b",
    "ris": "r",
    "csl-json": "j",
}


def format_copy(quote: Quote, article: Article, name: str, accessed: date) -> str:
    """``quote`` in any of ``COPY_FORMATS`` (a quote format or a reference style)."""
    if name in CITATION_FORMATS:
        return format_quote(quote, article, name)
    return format_reference(quote, article, name, accessed)  # type: ignore[arg-type]
