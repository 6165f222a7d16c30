"""Plain text articles, as copied from a web page or saved by hand.

Shape: a title line, optional date lines (``• 15 Apr. 2013 -``, ``• |``,
``• Last updated: …``, ``Monday, April 15, 2013``, ``Tokyo, 15 April 2013 -``), then
blank-line-separated paragraphs. A block repeated right after itself is a photo
caption (web pages print it twice); known page furniture (``Video``, ``Share``,
``Print``…) is boilerplate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from natojp_tui.core.datelines import parse_dateline, parse_inline_dateline
from natojp_tui.core.hygiene import fold_line
from natojp_tui.core.model import Paragraph

BOILERPLATE = frozenset(
    {
        "video",
        "videos",
        "photo",
        "photos",
        "photo gallery",
        "share",
        "share this",
        "share this page",
        "print",
        "print this page",
        "email",
        "e-mail",
        "tweet",
        "back to top",
        "top of page",
        "page top",
        "read more",
        "related",
        "related news",
        "related articles",
        "follow us",
        "download",
        "audio",
        "subscribe",
        "see also",
        "more",
        "|",
        "•",
        "-",
    }
)
_BULLET = re.compile(r"^\s*[•·*▪◦]\s*")
_CAPTION_PREFIX = re.compile(
    r"^\s*(?:\(?photo(?:graph)?\)?\s*[:\-–—]|\(photo|image\s*:|caption\s*:|credit\s*:)", re.I
)
_SOURCE_LINE = re.compile(r"^\s*(?:source|publisher|from)\s*:\s*(?P<v>.{2,80})$", re.I)
_URL_LINE = re.compile(r"^\s*(?:url|link)?\s*:?\s*(?P<v>https?://\S+)\s*$", re.I)


@dataclass(slots=True)
class Parsed:
    """What a reader found: the parts an :class:`~natojp_tui.core.model.Article` is made of."""

    title: str = ""
    paragraphs: list[Paragraph] = field(default_factory=list)
    published: date | None = None
    updated: datetime | None = None
    place: str | None = None
    source: str | None = None
    url: str | None = None
    author: str | None = None
    layout: str = "text"  # which page shape was recognised, e.g. "nato.int"


def split_blocks(text: str) -> list[list[str]]:
    """Blank-line-separated blocks, each a list of its non-empty, folded lines."""
    blocks: list[list[str]] = []
    current: list[str] = []
    for raw in text.split("\n"):
        line = fold_line(raw)
        if line:
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def parse_plaintext(text: str) -> Parsed:
    """Parse cleaned text (see :func:`~natojp_tui.core.hygiene.clean_text`)."""
    out = Parsed()
    blocks = split_blocks(text)
    if not blocks:
        return out
    first = blocks[0]
    out.title = first[0]
    head_lines = first[1:]
    rest = blocks[1:]
    # Header: date lines and metadata lines, either inside the title block or in
    # the blocks right after it, until the first ordinary paragraph.
    pending: list[list[str]] = [[ln] for ln in head_lines]
    i = 0
    while i < len(rest) and _is_header_block(rest[i]):
        pending.append(rest[i])
        i += 1
    for block in pending:
        for line in block:
            _read_header_line(line, out)
    body_blocks = rest[i:]
    _read_body(body_blocks, out)
    if out.published is None:
        _inline_dateline(out)
    return out


def _is_header_block(block: list[str]) -> bool:
    return all(_header_kind(line) is not None for line in block)


def _header_kind(line: str) -> str | None:
    bare = _BULLET.sub("", line).strip()
    if bare in {"|", "-", "–", "—", ""}:
        return "separator"
    if parse_dateline(bare) is not None:
        return "date"
    if _SOURCE_LINE.match(bare):
        return "source"
    if _URL_LINE.match(bare):
        return "url"
    return None


def _read_header_line(line: str, out: Parsed) -> None:
    bare = _BULLET.sub("", line).strip()
    kind = _header_kind(line)
    if kind == "date":
        d = parse_dateline(bare)
        assert d is not None
        if d.published and out.published is None:
            out.published = d.published
        if d.updated and (out.updated is None or d.published is None):
            out.updated = d.updated
        if d.place and out.place is None:
            out.place = d.place
        if _BULLET.match(line) and "updated" in bare.lower():
            out.layout = "nato.int"
        out.paragraphs.append(Paragraph(bare, "dateline"))
    elif kind == "source":
        m = _SOURCE_LINE.match(bare)
        assert m is not None
        out.source = m["v"].strip()
        out.paragraphs.append(Paragraph(bare, "dateline"))
    elif kind == "url":
        m = _URL_LINE.match(bare)
        assert m is not None
        out.url = m["v"]
        out.paragraphs.append(Paragraph(bare, "dateline"))
    elif kind == "separator":
        out.paragraphs.append(Paragraph(bare or line.strip(), "dateline"))


def _read_body(blocks: list[list[str]], out: Parsed) -> None:
    texts = [" ".join(b) for b in blocks]
    seen_captions: set[str] = set()
    for n, text in enumerate(texts):
        if text in seen_captions:
            continue  # the second print of a photo caption
        if text.strip().lower() in BOILERPLATE:
            out.paragraphs.append(Paragraph(text, "boilerplate"))
            continue
        repeated = n + 1 < len(texts) and texts[n + 1] == text
        if repeated or _CAPTION_PREFIX.match(text):
            seen_captions.add(text)
            out.paragraphs.append(Paragraph(text, "caption"))
            continue
        out.paragraphs.append(Paragraph(text, "body"))


def _inline_dateline(out: Parsed) -> None:
    for p in out.paragraphs:
        if p.kind == "body":
            d = parse_inline_dateline(p.text)
            if d is not None:
                out.published = d.published
                out.place = out.place or d.place
            return
