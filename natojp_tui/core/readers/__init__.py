"""Turn a file's bytes into an :class:`~natojp_tui.core.model.Article` (no I/O here).

``read_article(data, name)`` picks the reader by file name and content: PDF (``.pdf``
or bytes opening with ``%PDF-``: its text layer), Markdown (``.md``, or text opening
with front matter), HTML (``.html``/``.htm`` or a page that starts like one), else plain
text. Every reader sees text already cleaned by :mod:`natojp_tui.core.hygiene`.
"""

from __future__ import annotations

import hashlib
import re

from natojp_tui.core.hygiene import DecodeError, clean_inline, clean_text, decode_bytes
from natojp_tui.core.lexicon.datelines import KNOWN_AGENCIES
from natojp_tui.core.lexicon.japanese import JAPANESE_RE
from natojp_tui.core.model import BODY_KINDS, Article
from natojp_tui.core.readers.html import NoMainText, parse_html
from natojp_tui.core.readers.markdown import FrontMatterError, parse_markdown
from natojp_tui.core.readers.pdf import PdfError, is_pdf, pdf_text
from natojp_tui.core.readers.plaintext import Parsed, parse_plaintext

__all__ = ["ArticleError", "detect_format", "read_article"]

SUFFIXES = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".pdf": "pdf",
}


class ArticleError(ValueError):
    """A file that cannot be read as an article; the message says why in a few words."""


def detect_format(name: str, text: str) -> str:
    """``text``, ``markdown`` or ``html`` from the file name, then from the content."""
    lower = name.lower()
    for suffix, fmt in SUFFIXES.items():
        if lower.endswith(suffix):
            return fmt
    head = text[:512].lstrip().lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")):
        return "html"
    if head.startswith("---\n"):
        return "markdown"
    return "text"


_WIRE = re.compile(rf"\((?P<a>{KNOWN_AGENCIES})\)")
_ORG_HINTS: tuple[tuple[str, str], ...] = (
    ("Ministry of Foreign Affairs of Japan", "Ministry of Foreign Affairs of Japan"),
    ("Prime Minister's Office of Japan", "Prime Minister's Office of Japan"),
    ("Prime Minister’s Office of Japan", "Prime Minister's Office of Japan"),
    ("Ministry of Defense of Japan", "Ministry of Defense of Japan"),
    ("外務省", "Ministry of Foreign Affairs of Japan"),
    ("首相官邸", "Prime Minister's Office of Japan"),
    ("防衛省", "Ministry of Defense of Japan"),
)


def guess_source(parsed: Parsed) -> str | None:
    """The publisher when the text itself says it; None rather than a guess.

    Rules, in order: an explicit ``Source:`` line or front matter; the nato.int page
    layout (bullet date lines with ``Last updated``); a wire agency tag such as
    ``(Reuters)`` in the first body paragraph; a ministry named as the publisher.
    """
    if parsed.source:
        return parsed.source
    if parsed.layout == "nato.int":
        return "NATO"
    body = [p.text for p in parsed.paragraphs if p.kind == "body"]
    if body and (m := _WIRE.search(body[0][:200])):
        return m["a"]
    ends = parsed.paragraphs[:6] + parsed.paragraphs[-3:]
    edges = " ".join(p.text for p in ends if p.kind != "body") + " "
    edges += " ".join(p.text for p in parsed.paragraphs[-3:])
    for hint, name in _ORG_HINTS:
        if hint in edges:
            return name
    return None


def read_article(
    data: bytes,
    name: str,
    *,
    article_id: str = "",
    path: str | None = None,
    charset: str | None = None,
) -> Article:
    """Decode, clean and parse one file's bytes. Raises :class:`ArticleError`.

    ``charset`` is what the bytes claim to be (an HTTP header): tried after UTF-8 and
    before detection, so a wrong claim is outvoted by the bytes themselves.
    """
    pdf = name.lower().endswith(".pdf") or is_pdf(data)
    try:
        raw, encoding = (pdf_text(data), "pdf") if pdf else decode_bytes(data, declared=charset)
    except (DecodeError, PdfError) as exc:
        raise ArticleError(str(exc)) from exc
    text = clean_text(raw)
    if not text.strip():
        raise ArticleError("no text after removing control characters")
    fmt = "text" if pdf else detect_format(name, text)
    try:
        if fmt == "html":
            parsed = parse_html(text)
        elif fmt == "markdown":
            parsed = parse_markdown(text)
        else:
            parsed = parse_plaintext(text)
    except (FrontMatterError, NoMainText) as exc:
        raise ArticleError(str(exc)) from exc
    if not parsed.title:
        raise ArticleError("no title or text found")
    if not any(p.kind in BODY_KINDS for p in parsed.paragraphs):
        raise ArticleError("no body paragraphs found")
    return Article(
        id=article_id,
        title=clean_inline(parsed.title),
        paragraphs=parsed.paragraphs,
        published=parsed.published,
        updated=parsed.updated,
        source=guess_source(parsed),
        url=parsed.url,
        author=parsed.author,
        language=guess_language("\n".join(p.text for p in parsed.paragraphs[:20])),
        path=path,
        checksum=hashlib.sha256(data).hexdigest(),
        place=parsed.place,
        encoding=encoding,
        title_derived=parsed.title_derived,
    )


_LETTER = re.compile(r"[^\W\d_]")
_JAPANESE = JAPANESE_RE


def guess_language(text: str) -> str:
    """``ja`` when Japanese script dominates the letters, else ``en``."""
    sample = text[:5000]
    japanese = len(_JAPANESE.findall(sample))
    if not japanese:
        return "en"
    return "ja" if japanese / len(_LETTER.findall(sample)) > 0.3 else "en"
