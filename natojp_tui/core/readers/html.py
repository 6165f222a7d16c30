"""Saved HTML pages: main text and metadata via trafilatura (boilerplate removed)."""

from __future__ import annotations

import re

from natojp_tui.core.datelines import find_date
from natojp_tui.core.hygiene import clean_inline, clean_text, fold_line
from natojp_tui.core.model import Paragraph, ParagraphKind
from natojp_tui.core.readers.plaintext import BOILERPLATE, Parsed


class NoMainText(ValueError):
    """The page has no main text to read."""


_CHAR_REF = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));?")


def _xml_char(code: int) -> bool:
    return (
        code in (0x9, 0xA, 0xD)
        or 0x20 <= code <= 0xD7FF
        or 0xE000 <= code <= 0xFFFD
        or (0x10000 <= code <= 0x10FFFF)
    )


def drop_bad_references(html: str) -> str:
    """Remove character references to what no document may hold (``&#27;`` ESC, ``&#7;``,
    ``&#xfffe;``, surrogates): the HTML parser would give up on the whole page for one."""
    if "&#" not in html:
        return html

    def keep(m: re.Match[str]) -> str:
        code = int(m[1], 16) if m[1] else int(m[2])
        return m[0] if _xml_char(code) else ""

    return _CHAR_REF.sub(keep, html)


def parse_html(html: str) -> Parsed:
    """Extract title, date, site name, URL and body paragraphs from an HTML page."""
    import trafilatura  # deferred: lxml and friends are only needed for HTML

    doc = trafilatura.bare_extraction(
        drop_bad_references(html),
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
    )
    if doc is not None and not isinstance(doc, dict):
        doc = doc.as_dict()
    if not doc or not (doc.get("text") or "").strip():
        raise NoMainText("no main text found in the HTML page")
    out = Parsed(layout="html")
    out.title = clean_inline(doc.get("title") or "")
    for raw in clean_text(doc["text"]).split("\n"):
        line = fold_line(raw)
        if not line:
            continue
        kind: ParagraphKind = "boilerplate" if line.lower() in BOILERPLATE else "body"
        out.paragraphs.append(Paragraph(line, kind))
    if not out.title and out.paragraphs:
        out.title = out.paragraphs.pop(0).text
    elif out.paragraphs and out.paragraphs[0].text == out.title:
        out.paragraphs.pop(0)  # the page's <h1> repeats the title
    if doc.get("date") and (found := find_date(str(doc["date"]))):
        out.published = found.day
    out.source = clean_inline(doc.get("sitename") or "") or None
    out.url = clean_inline(doc.get("url") or "") or None
    out.author = clean_inline(doc.get("author") or "") or None
    return out
