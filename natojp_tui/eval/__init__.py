"""Scorers for the labelled development sets in ``tests/data/dev``.

Article convention shared by every scorer (quotes ``q*.txt``, events ``m*.txt``):

* the first line of the file is the title;
* the rest is split into paragraphs on blank lines, each paragraph's whitespace folded
  to single spaces (so a paragraph may be wrapped over several lines);
* a first paragraph that is only a dateline is not body: it is dropped when it is at most
  80 characters long and matches ``DATELINE_RE`` (an optional place and comma, then a
  date such as ``15 April 2013``, ``April 15, 2013`` or ``2013-04-15``, then an optional
  dash), e.g. ``Tokyo, 15 April 2013 -`` or ``January 31, 2023``.

Paragraph indexes in gold files count the remaining body paragraphs from 0.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
DATELINE_RE = re.compile(
    rf"^(?:[A-Z][\w .'’-]{{0,40}},\s*)?(?:\d{{1,2}}\s+{_MONTH}\s+\d{{4}}|{_MONTH}\s+\d{{1,2}},?"
    rf"\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})\s*[-–—]?\s*$"
)


@dataclass(slots=True)
class DevArticle:
    """A development-set article: title, body paragraphs and the dropped dateline."""

    path: Path
    title: str
    paragraphs: list[str]
    dateline: str | None = None


def is_dateline(paragraph: str) -> bool:
    return len(paragraph) <= 80 and DATELINE_RE.match(paragraph) is not None


def split_article(text: str) -> tuple[str, list[str], str | None]:
    """(title, body paragraphs, dateline or None) by the convention above."""
    title, _, rest = text.partition("\n")
    blocks = re.split(r"\n[ \t]*\n", rest)
    paragraphs = [" ".join(b.split()) for b in blocks if b.strip()]
    dateline = None
    if paragraphs and is_dateline(paragraphs[0]):
        dateline = paragraphs.pop(0)
    return title.strip(), paragraphs, dateline


def load_article(path: str | Path) -> DevArticle:
    path = Path(path)
    title, paragraphs, dateline = split_article(path.read_text(encoding="utf-8"))
    return DevArticle(path, title, paragraphs, dateline)
