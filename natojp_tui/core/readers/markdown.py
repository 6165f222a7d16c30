"""Markdown articles with optional front matter (``title``, ``date``, ``source``, ``url``)."""

from __future__ import annotations

import re
from datetime import date

from natojp_tui.core.datelines import find_date
from natojp_tui.core.hygiene import clean_inline
from natojp_tui.core.model import Paragraph, ParagraphKind
from natojp_tui.core.readers.plaintext import BOILERPLATE, Parsed, parse_plaintext, split_blocks


class FrontMatterError(ValueError):
    """The front matter block is malformed."""


_KEY = re.compile(r"^(?P<k>[A-Za-z_][\w\-]*)\s*:\s*(?P<v>.*)$")
_IMAGE = re.compile(r"!\[(?P<alt>[^\]\n]{0,500})\]\([^)\n]{0,2000}\)")
_LINK = re.compile(r"\[(?P<text>[^\]\n]{0,500})\]\([^)\n]{0,2000}\)")
_EMPHASIS = re.compile(
    r"(\*\*|__)(?=\S)(?P<t>[^*_\n]{1,500}?)(?<=\S)\1|(?<![\w*])\*(?=\S)(?P<u>[^*\n]{1,500}?)(?<=\S)\*(?!\w)"
)
_CODE = re.compile(r"`([^`\n]{1,500})`")
_HEADING = re.compile(r"^#{1,6}\s+")
_LIST = re.compile(r"^(?:[-*+]|\d{1,3}[.)])\s+")
_QUOTE = re.compile(r"^>\s?")
_RULE = re.compile(r"^(?:-{3,}|\*{3,}|_{3,})$")


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Split ``---``-delimited front matter from the body; raise on a broken block."""
    if not text.startswith("---"):
        return {}, text
    lines = text.split("\n")
    if lines[0].strip() != "---":
        return {}, text
    for end in range(1, len(lines)):
        if lines[end].strip() in ("---", "..."):
            break
    else:
        raise FrontMatterError("front matter opened with '---' but never closed")
    meta: dict[str, str] = {}
    for n, line in enumerate(lines[1:end], start=2):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        m = _KEY.match(line.strip())
        if not m:
            raise FrontMatterError(f"front matter line {n} is not 'key: value'")
        value = m["v"].strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        meta[m["k"].lower()] = clean_inline(value)
    return meta, "\n".join(lines[end + 1 :])


_URL_DATE = re.compile(
    r"/(?P<y>(?:19|20)\d\d)[/-](?P<m>0?[1-9]|1[0-2])[/-](?P<d>0?[1-9]|[12]\d|3[01])(?:/|-|\b)"
    r"|/(?P<y2>(?:19|20)\d\d)(?P<m2>0[1-9]|1[0-2])(?P<d2>0[1-9]|[12]\d|3[01])(?=\D)"
)


def date_in_url(url: str) -> date | None:
    """A date written in a url's path (``/2023/01/31/``, ``/2023-01-31-…``, ``/20230131_``)."""
    m = _URL_DATE.search(url)
    if not m:
        return None
    y, mo, d = (m["y"], m["m"], m["d"]) if m["y"] else (m["y2"], m["m2"], m["d2"])
    try:
        return date(int(y), int(mo), int(d))
    except ValueError:
        return None


def _inline(text: str) -> str:
    text = _IMAGE.sub(lambda m: m["alt"], text)
    text = _LINK.sub(lambda m: m["text"], text)
    text = _CODE.sub(r"\1", text)
    return _EMPHASIS.sub(lambda m: m["t"] or m["u"], text)


def parse_markdown(text: str) -> Parsed:
    """Parse cleaned Markdown text into title, metadata and paragraphs."""
    meta, body = split_front_matter(text)
    out = Parsed(layout="markdown")
    title = meta.get("title", "")
    paragraphs: list[Paragraph] = []
    for block in split_blocks(body):
        if len(block) == 1 and _RULE.match(block[0]):
            continue
        if len(block) == 1 and block[0].startswith("#") and _HEADING.match(block[0]):
            heading = _inline(_HEADING.sub("", block[0])).strip("# ")
            if not title:
                title = heading
            continue
        images = [m["alt"] for m in _IMAGE.finditer(" ".join(block))]
        if images and not _IMAGE.sub("", " ".join(block)).strip():
            paragraphs.extend(Paragraph(alt, "caption") for alt in images if alt)
            continue
        if all(_LIST.match(ln) for ln in block):
            paragraphs.extend(Paragraph(_inline(_LIST.sub("", ln)), "body") for ln in block)
            continue
        lines = [_QUOTE.sub("", ln) for ln in block]
        lines = [_HEADING.sub("", ln) for ln in lines]
        text_ = _inline(" ".join(ln for ln in lines if ln))
        if not text_:
            continue
        kind: ParagraphKind = "boilerplate" if text_.strip().lower() in BOILERPLATE else "body"
        paragraphs.append(Paragraph(text_, kind))
    if not title:
        # No heading, no front matter title: read it like plain text.
        plain = parse_plaintext(body)
        title, paragraphs = plain.title, plain.paragraphs
        out.published, out.updated, out.place = plain.published, plain.updated, plain.place
    out.title = title
    out.paragraphs = paragraphs
    if "date" in meta:
        found = find_date(meta["date"])
        if found:
            out.published = found.day
            out.updated = found.datetime
    for key in ("updated", "last_updated", "modified"):
        if key in meta and (found := find_date(meta[key])):
            out.updated = found.datetime or out.updated
    out.source = meta.get("source") or meta.get("publisher") or out.source
    out.url = meta.get("url") or meta.get("link") or out.url
    if out.published is None and out.url and (day := date_in_url(out.url)):
        out.published = day
    out.place = meta.get("place") or meta.get("location") or out.place
    out.author = meta.get("author") or meta.get("byline") or out.author
    return out
