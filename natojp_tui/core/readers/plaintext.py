"""Plain text articles, as copied from a web page or saved by hand.

Reading runs in three named stages:

1. :func:`split_units` turns lines into paragraph candidates. Blank-line blocks, one
   paragraph per line, hard-wrapped lines (joined back) and any mix are told apart by
   line lengths and sentence ends; no line is dropped.
2. :func:`classify` gives each candidate a role: page furniture, a date line, a byline,
   a photo caption, a heading, a transcript turn or story text (``body``).
3. :func:`parse_plaintext` reads the header (everything before the first story
   paragraph): the title (or one derived from the first sentence, flagged as derived),
   the published date (a date line, ``date 2017-07-06``, a wire dateline with a year),
   the byline; then the body. A wire dateline (``TOKYO (Kyodo) --``) gives the place and
   the agency; the paragraph itself is kept whole so offsets stay true.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from natojp_tui.core.datelines import (
    Dateline,
    parse_date_furniture,
    parse_inline_dateline,
    parse_wire_dateline,
    split_scraped_date,
)
from natojp_tui.core.hygiene import fold_line
from natojp_tui.core.lexicon.datelines import KNOWN_AGENCIES
from natojp_tui.core.lexicon.japanese import JAPANESE_RE
from natojp_tui.core.model import Paragraph, turn_label
from natojp_tui.core.readers.furniture import (
    BOILERPLATE,
    METADATA_LABELS,
    caption_kind,
    ends_sentence,
    furniture_kind,
)

__all__ = ["BOILERPLATE", "Parsed", "classify", "parse_plaintext", "split_blocks", "split_units"]

_BULLET = re.compile(r"^\s*[•·*▪◦]\s*")
_LIST_MARK = re.compile(r"^(?:\(?\d{1,2}[.)]|\(\w\)|[-–—•·▪]\s|[a-z]\)\s)")
_SOURCE_LINE = re.compile(r"^\s*(?:source|publisher)\s*:\s*(?P<v>.{2,80})$", re.I)
_URL_LINE = re.compile(r"^\s*(?:url|link)?\s*:?\s*(?P<v>https?://\S+)\s*$", re.I)
_BYLINE = re.compile(
    r"^(?:By|BY)\s+(?P<name>[A-Z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]+|de|van|von|bin)){0,3})"
    r"(?:\s*(?:,|\||-|–|—|and)\s*(?P<org>[A-Z][\w .&'’-]{1,40}))?\s*$"
)
_DELIVERED = re.compile(r"as delivered|against delivery|as prepared for delivery", re.I)
_TITLE_LABEL = re.compile(r"^title\s*:\s*(?P<v>.+)$", re.I)
# A section label naming an organisation with its acronym: "North Atlantic Treaty
# Organization (NATO)", "北大西洋条約機構(NATO)". Never a headline.
_CATEGORY = re.compile(r"^[^\s(]?[\w .,'’&-]{2,80}\s?\([A-Z]{2,8}\)$")
# "(Press Release: Provisional Translation)", "Ministry of Defense", "The Hon Richard Marles
# MP", "The below is attributable to Spokesperson X:": header lines that are no headline
_NOT_A_HEADLINE = re.compile(
    r"^[(（][^()（）]{2,80}[)）]$|^(?:The\s)?Ministry\sof(?:\s[A-Z][a-z]+){1,3}$|"
    r"^The\sHon\.?\s.{3,60}$|^[^:]{3,120}:$"
)
_TRAILING_STAMP = re.compile(r"\s+\d{1,2}/\d{1,2}(?:/\d{2,4})?\s+\d{1,2}:\d{2}$")
# Words that headlines of releases, readouts and wire stories are made of.
HEADLINE_WORDS = re.compile(
    r"\b(?:meet(?:s|ing|ings)?|talks?|summit|visits?|conference|interview|readout|statement|"
    r"press|remarks|speech|address(?:es)?|discuss(?:es|ion)?|signs?|agree(?:s|ment)?|calls?|"
    r"dialogue|consult(?:s|ations?)?|telephone|phone|dinner|lunch|ministerial|declaration|"
    r"vows?|urges?|says?|pledges?|holds?|attends?|welcomes?|receives?|announces?|"
    r"cooperat\w*|partners?(?:hip)?|ties|relations|boosts?|strengthens?|enhance[sd]?)\b|"
    r"会談|会議|訪問|電話|会見|声明|協議|懇談",
    re.I,
)
_AGENCY_LINE = re.compile(rf"^(?:{KNOWN_AGENCIES})$")
_CJK = JAPANESE_RE
_QUESTION_LABELS = frozenset(
    {"q", "question", "questions", "journalist", "reporter", "questioner", "audience", "media"}
)
TITLE_MAX = 120
LONG_LINE = 600  # a line this long is story text: furniture, dates and captions are short
# Headers that announce a transcript: one labelled turn is then enough.
_TRANSCRIPT_WORDS = re.compile(
    r"\b(?:press point|press conference|press availability|transcript|interview|doorstop|"
    r"remarks|q\s?&\s?a|media availability|joint statements? to the press)\b",
    re.I,
)


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
    title_derived: bool = False
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


# --- stage 1: paragraph candidates ---------------------------------------------------


def _starts_new(line: str) -> bool:
    return bool(_LIST_MARK.match(line) or turn_label(line) or _BULLET.match(line))


def _is_hard_wrapped(block: list[str]) -> bool:
    """Lines of one width (about 50–100 characters) that mostly stop mid-sentence.

    Two lines alone are wrapped only when the second goes on in lower case (a headline
    over a subtitle is two paragraphs).
    """
    if len(block) < 2 or (len(block) == 2 and not block[1][:1].islower()):
        return False
    width = max(len(ln) for ln in block)
    if width > 110 or width < 40:
        return False
    inner = block[:-1]
    full = [ln for ln in inner if len(ln) >= 0.8 * width]
    mid_sentence = [ln for ln in full if not ends_sentence(ln)]
    return len(full) >= 0.7 * len(inner) and len(mid_sentence) >= 0.5 * len(inner)


def _unwrap(block: list[str]) -> list[str]:
    """Join hard-wrapped lines; a short line or a list mark starts a new paragraph."""
    width = max(len(ln) for ln in block)
    out: list[str] = []
    current: list[str] = []
    for line in block:
        if current and _starts_new(line):
            out.append(" ".join(current))
            current = []
        current.append(line)
        short = len(line) < 0.75 * width
        if short or (ends_sentence(line) and len(line) < 0.9 * width):
            out.append(" ".join(current))
            current = []
    if current:
        out.append(" ".join(current))
    return out


def _continues(prev: str, line: str) -> bool:
    """A line broken off the one before it: it opens in lower case or with ')' ',' ';'."""
    if ends_sentence(prev) or _starts_new(line):
        return False
    return bool(re.match(r"^(?:[a-z]|[),;:])", line))


_LABEL_ALONE = re.compile(r"^[A-Z][\w.'’&/ ,-]{0,70}:$")


def _join_lone_labels(units: list[str]) -> list[str]:
    """A speaker label on a line of its own ("NATO Secretary General X:") opens the next."""
    out: list[str] = []
    for unit in units:
        if out and _LABEL_ALONE.match(out[-1]) and turn_label(f"{out[-1]} {unit}"):
            out[-1] = f"{out[-1]} {unit}"
        else:
            out.append(unit)
    return out


def split_units(text: str) -> list[str]:
    """Paragraph candidates: one per line, per blank-line block, or per wrapped paragraph."""
    return _join_lone_labels(_split_units(text))


def _split_units(text: str) -> list[str]:
    units: list[str] = []
    for block in split_blocks(text):
        if _is_hard_wrapped(block):
            units.extend(_unwrap(block))
            continue
        for line in block:
            if units and block and line is not block[0] and _continues(units[-1], line):
                units[-1] = f"{units[-1]} {line}"
            else:
                units.append(line)
    return units


# --- stage 2: what each candidate is -------------------------------------------------


def _words(text: str) -> int:
    return len(text.split()) + len(_CJK.findall(text)) // 2


def _few_words(text: str, limit: int = 30) -> int:
    """The word count of ``text``, read no further than needed to pass ``limit``."""
    return _words(text[: limit * 20])


def is_story_text(unit: str) -> bool:
    """A paragraph that reads as story text: a finished sentence of some length."""
    if parse_wire_dateline(unit) is not None:
        return True
    n = _few_words(unit)
    if _CJK.search(unit[:400]):
        return "。" in unit and n >= 10
    if _LIST_MARK.match(unit) and n >= 8:
        return True
    return (n >= 6 and ends_sentence(unit) and unit[-1:] != ")") or n >= 25


def _metadata_label(unit: str) -> str | None:
    label = turn_label(unit)
    if label is not None and label.lower() in METADATA_LABELS:
        return label.lower()
    return None


@dataclass(slots=True)
class Unit:
    """A paragraph candidate and what :func:`classify` found it to be."""

    text: str
    role: str  # furniture, date, byline, caption, heading, turn, metadata, body, repeat
    date: Dateline | None = None
    bullet: bool = False  # the line opened with a bullet mark ("• Last updated: …")


def classify(units: list[str]) -> list[Unit]:
    """Give every candidate a role; transcript turns when the text is a transcript."""
    labels = [turn_label(u[:200]) for u in units]
    # A transcript has at least two labelled turns that say something (eight words or
    # more after the label), by two speakers or with a journalist's question among them.
    turn_labels = [
        lab
        for lab, unit in zip(labels, units, strict=True)
        if lab is not None
        and lab.lower() not in METADATA_LABELS
        and (_words(unit[:400]) - _words(lab) >= 8 or unit[len(lab) + 1 :].lstrip().startswith("["))
    ]
    said = " ".join(units[:8])
    transcript = (
        len(turn_labels) >= 2
        and (
            len(set(turn_labels)) >= 2
            or any(lab.lower() in _QUESTION_LABELS for lab in turn_labels)
        )
    ) or (len(turn_labels) >= 1 and _TRANSCRIPT_WORDS.search(said) is not None)
    out: list[Unit] = []
    in_turns = False
    delivered = False
    for n, (unit, label) in enumerate(zip(units, labels, strict=True)):
        bare = _BULLET.sub("", unit).strip()
        if transcript and label is not None and label.lower() not in METADATA_LABELS:
            in_turns = True
            out.append(Unit(unit, "turn"))
            continue
        if len(unit) > LONG_LINE:
            out.append(Unit(unit, "turn" if in_turns else "body"))  # furniture is short
            continue
        if furniture_kind(bare):
            out.append(Unit(unit, "furniture"))
            delivered = delivered or _DELIVERED.search(bare) is not None
            continue
        when = parse_date_furniture(bare)
        if when is not None:
            out.append(Unit(bare, "date", when, bullet=bool(_BULLET.match(unit))))
            continue
        if _metadata_label(bare) or _SOURCE_LINE.match(bare) or _URL_LINE.match(bare):
            out.append(Unit(bare, "metadata"))
            continue
        if _BYLINE.match(bare):
            out.append(Unit(bare, "byline"))
            continue
        if out and out[-1].role in ("caption", "heading", "repeat") and out[-1].text == unit:
            out.append(Unit(unit, "repeat"))  # a caption or heading printed again
            continue
        started = any(u.role in ("body", "turn") for u in out)
        headline = not started and HEADLINE_WORDS.search(unit) and not is_story_text(unit)
        nxt = units[n + 1] if n + 1 < len(units) else ""
        if (nxt == unit and not is_story_text(unit) and not headline) or (
            len(unit) > 20 and unit in nxt and nxt != unit and caption_kind(nxt)
        ):
            out.append(Unit(unit, "caption"))  # web pages print a photo caption twice
            continue
        if _AGENCY_LINE.match(bare):
            out.append(Unit(bare, "agency"))
            continue
        if caption_kind(unit):
            out.append(Unit(unit, "caption"))
            continue
        if in_turns:
            out.append(Unit(unit, "turn"))  # a turn that goes on over several paragraphs
            continue
        # after "(As delivered)" the speech itself begins, its short lines too ("Prime
        # Minister Kishida,", "Welcome to NATO.")
        out.append(Unit(unit, "body" if delivered or is_story_text(unit) else "heading"))
    _headings_in_story(out)
    return out


def _headings_in_story(units: list[Unit]) -> None:
    """After the story has begun, only short unfinished lines are section headings.

    A longer line without a sentence end is story text (an excerpt cut mid-sentence); the
    last line of the text is never a heading.
    """
    started = False
    last = max((i for i, u in enumerate(units) if u.role in ("body", "heading")), default=-1)
    for i, u in enumerate(units):
        if u.role == "body":
            started = True
        elif u.role == "heading" and started and (_words(u.text) > 10 or i == last):
            u.role = "body"


# --- stage 3: header and body --------------------------------------------------------


def _headline_score(text: str) -> int:
    words = {m.group(0).lower() for m in HEADLINE_WORDS.finditer(text)}
    cased = sum(1 for c in text if c.lower() != c.upper())
    shouting = text.isupper() and cased > 12  # (kana and kanji have no case: "…NATO…表敬")
    return 2 * min(len(words), 2) + (_words(text) >= 4) - 3 * shouting


def _join_broken_headings(header: list[Unit]) -> None:
    """A headline broken over lines ("Joint press point" / "by NATO …") is one heading."""
    for i in range(len(header) - 1, 0, -1):
        prev, cur = header[i - 1], header[i]
        if prev.role == cur.role == "heading" and cur.text[:1].islower():
            prev.text = f"{prev.text} {cur.text}"
            cur.role = "joined"


def _strip_site_suffix(title: str, out: Parsed) -> str:
    """``Headline | News | DW | 05.06.2012`` → ``Headline`` (a date there is the date)."""
    title = _TRAILING_STAMP.sub("", title)  # "… Get Closer 07/12 06:21": the site's clock
    parts = [p.strip() for p in title.split(" | ")]
    if len(parts) < 2 or any(_words(p) > 4 for p in parts[1:]):
        return title
    for part in parts[1:]:
        if out.published is None and (d := parse_date_furniture(part)) and d.published:
            out.published = d.published
    return parts[0]


def _choose_title(header: list[Unit]) -> int | None:
    """The headline among the header's short lines: the first that reads most like one.

    Site names, section labels and banners ("The White House", "Japan Today", "JDF No.86")
    lose to a line made of headline words (meets, talks, summit, visit, 会談 …).
    """
    best: int | None = None
    best_score = -1
    for i, u in enumerate(header):
        if u.role != "heading" or _CATEGORY.match(u.text) or _NOT_A_HEADLINE.match(u.text):
            continue  # a label, a site's or a person's name, or a line that leads on
        score = _headline_score(u.text)
        if score > best_score:
            best, best_score = i, score
    return best


def _derive_title(paragraph: str) -> str:
    """The first sentence of ``paragraph`` (after a wire dateline), cut at a word."""
    wire = parse_wire_dateline(paragraph)
    text = paragraph[wire.end :] if wire else paragraph
    m = re.search(r"(?<=[a-z0-9)”’\"])[.!?](?=\s+[A-Z“\"]|$)|。", text)
    sentence = text[: m.start() + 1] if m else text
    sentence = sentence.strip()
    if _CJK.search(sentence[:20]):
        return sentence if len(sentence) <= 60 else sentence[:60] + "…"
    if len(sentence) <= TITLE_MAX:
        return sentence.rstrip(".。")
    cut = sentence[:TITLE_MAX].rsplit(" ", 1)[0].rstrip(",;:—–- ")
    return cut + "…"


def _read_date(unit: Unit, out: Parsed) -> None:
    d = unit.date
    assert d is not None
    if d.published and out.published is None:
        out.published = d.published
    if d.updated and (out.updated is None or d.published is None):
        out.updated = d.updated
    if d.place and out.place is None:
        out.place = d.place


def _expand_scraped_dates(units: list[str], out: Parsed) -> list[str]:
    """``date 2017-07-06 …`` lines: the date is metadata, the rest is read on its own."""
    expanded: list[str] = []
    for unit in units:
        scraped = split_scraped_date(unit)
        if scraped is None:
            expanded.append(unit)
            continue
        day, rest = scraped
        if out.published is None:
            out.published = day
        out.paragraphs.append(Paragraph(unit[: len(unit) - len(rest)].strip(), "dateline"))
        if rest.strip():
            expanded.append(rest.strip())
    return expanded


_ROLE_KIND = {
    "furniture": "boilerplate",
    "agency": "dateline",
    "date": "dateline",
    "metadata": "dateline",
    "byline": "dateline",
    "caption": "caption",
    "heading": "heading",
    "turn": "turn",
    "body": "body",
}


def parse_plaintext(text: str) -> Parsed:
    """Parse cleaned text (see :func:`~natojp_tui.core.hygiene.clean_text`)."""
    out = Parsed()
    units = _expand_scraped_dates(split_units(text), out)
    if not units:
        return out
    classified = classify(units)
    first_story = next(
        (i for i, u in enumerate(classified) if u.role in ("body", "turn")), len(classified)
    )
    if first_story == len(classified):
        # No line reads as story text: the lines after the headline are the story.
        for u in classified[1:]:
            if u.role == "heading":
                u.role = "body"
        first_story = next(
            (i for i, u in enumerate(classified) if u.role == "body"), len(classified)
        )
    _join_broken_headings(classified[:first_story])
    joined = [u for u in classified if u.role == "joined"]
    classified = [u for u in classified if u.role != "joined"]
    first_story -= len(joined)
    title_at = _choose_title(classified[:first_story])
    if title_at is not None:
        out.title = _strip_site_suffix(classified[title_at].text, out)
        classified[title_at].role = "title"
    else:
        labelled = next((m for u in classified if (m := _TITLE_LABEL.match(u.text))), None)
        if labelled is not None:
            out.title = labelled["v"].strip()
    for u in classified:
        if u.role in ("title", "repeat"):
            continue
        bare = _BULLET.sub("", u.text).strip()
        if u.role == "date":
            _read_date(u, out)
            if u.bullet and "updated" in bare.lower():
                out.layout = "nato.int"
        elif u.role == "metadata":
            if m := _SOURCE_LINE.match(bare):
                out.source = m["v"].strip()
            elif m := _URL_LINE.match(bare):
                out.url = m["v"]
        elif u.role == "agency":
            out.source = out.source or bare
        elif u.role == "byline" and out.author is None:
            m = _BYLINE.match(bare)
            assert m is not None
            out.author = m["name"]
        if u.role == "furniture" and bare in {"|", "-", "–", "—"}:
            out.paragraphs.append(Paragraph(bare, "dateline"))
            continue
        text_ = bare if u.role in ("date", "metadata", "byline") else u.text
        out.paragraphs.append(Paragraph(text_, _ROLE_KIND[u.role]))  # type: ignore[arg-type]
    body = [p for p in out.paragraphs if p.kind in ("body", "turn")]
    if not out.title and body:
        out.title = _derive_title(body[0].text)
        out.title_derived = True
    _wire_dateline(out)
    return out


def _wire_dateline(out: Parsed) -> None:
    """Place, agency and date from a wire dateline opening the first story paragraph."""
    first = next((p for p in out.paragraphs if p.kind == "body"), None)
    if first is None:
        return
    wire = parse_wire_dateline(first.text)
    if wire is None:
        old = parse_inline_dateline(first.text)
        if old is not None and out.published is None:
            out.published = old.published
            out.place = out.place or old.place
        return
    out.place = out.place or wire.place
    out.source = out.source or wire.agency
    if out.published is None and wire.day is not None:
        out.published = wire.day
