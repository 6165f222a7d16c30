"""Page furniture: the lines around an article's text that are not the article.

Rules are named data, tried in order by :func:`furniture_kind`. Everything here is
about one line (one paragraph candidate) at a time; where a line sits in the page is
the business of :mod:`natojp_tui.core.readers.plaintext`.
"""

from __future__ import annotations

import re

from natojp_tui.core.text.patterns import folds_to_ascii

# Lines that are furniture whatever page they are on (compared folded to lower case).
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
        "share this article",
        "print",
        "print this page",
        "print dictionary print",
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
        "related link",
        "related links",
        "follow us",
        "download",
        "audio",
        "subscribe",
        "see also",
        "more",
        "news",
        "all news",
        "newsfrom japan",
        "news from japan",
        "release details",
        "release type",
        "release content",
        "media contact",
        "media contacts",
        "media release",
        "transcript",
        "speech",
        "english",
        "japanese",
        "home",
        "top",
        "menu",
        "search",
        "advertisement",
        "countries & regions",
        "countries and regions",
        "official residence top",
        "바로가기 메뉴",
        "본문 바로가기",
        "skip to content",
        "skip to main content",
        "an official website of the united states government here's how you know",
        "an official website of the united states government",
        "here's how you know",
        "|",
        "•",
        "-",
    }
)

FURNITURE_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "breadcrumb",
        re.compile(r"^(?:home|top)\s*[>›»/|]|^[^.!?]{0,200}?(?:\s[>›»]\s[^>›»]+){2,}$", re.I),
    ),
    ("phone", re.compile(r"^(?:(?:tel|phone|fax|ph)\.?\s*:?\s*)?\+?[\d][\d\s().-]{6,}\d$", re.I)),
    ("email", re.compile(r"^\S+@\S+\.\w{2,}$")),
    (
        "copyright",
        re.compile(r"^[\[(]?\s*(?:copyright\b|©|\(c\)\s*\d{4})|\ball rights reserved\b", re.I),
    ),
    (
        "credits",
        re.compile(
            r"^[\[(]\s*(?:reporting|writing|editing|additional reporting|compiled|"
            r"translated|written)\s+by\b[^)\]]*[\])]$",
            re.I,
        ),
    ),
    (
        "navigation",
        re.compile(
            r"^(?:back to|return to|go to|skip to|related(?:\s+\w+){0,3}$|see also|read more|"
            r"more from|more on|share (?:this|on|via)|follow us|click here|download)\b.{0,60}$",
            re.I,
        ),
    ),
    (
        "translation note",
        re.compile(
            r"^[\[(]\s*(?:provisional|tentative|unofficial)?\s*(?:translation|as delivered|"
            r"check against delivery|as prepared for delivery|summary)\s*[\])]$",
            re.I,
        ),
    ),
    ("site notice", re.compile(r"^note\s*:.*\b(?:pdf|download|icon|browser|word)\b", re.I)),
    ("font size", re.compile(r"^(?:a\+\s*a-|a-\s*a\+|text size|font size)", re.I)),
    ("no words", re.compile(r"^[^\w]*$")),
    (
        "site banner",
        re.compile(
            r"\.gov\b.{0,60}\b(?:websites?|HTTPS)\b|^A lock \(|^Secure \.gov|"
            r"\bhistorical collection on [\w.]+\.(?:gov|mil)\b",
            re.I,
        ),
    ),
    ("back link ja", re.compile(r"(?:へ戻る|に戻る|ページのトップ)$")),
    ("markdown image", re.compile(r"^!\[[^\]]*\]\([^)]*\)[\s|]*$")),
    ("inquiries", re.compile(r"^(?:inquiries|enquiries|contact|media contact)\s*:", re.I)),
    ("archives", re.compile(r"^archives?\b.{0,120}$", re.I)),
    ("news label", re.compile(r"^[-–—•|]\s*(?:news|press releases?|statements?)\s*$", re.I)),
    (
        "photo link",
        re.compile(
            r"^(?:high[- ]resolution\s+)?(?:photos?|images?|videos?|gallery)\b[^.!?]{0,50}$", re.I
        ),
    ),
)

# Quick tests (rule data beside the rules): every match of the rule holds one of these,
# in any case, so a line that holds none (and no character that folds to an ASCII letter,
# ``patterns.folds_to_ascii``) is not searched.
# Only the rules that scan a whole line have them; anchored ones fail at once anyway.
FURNITURE_CUES: dict[str, tuple[str, ...]] = {
    "breadcrumb": (">", "›", "»", "/", "|"),
    "copyright": ("copyright", "©", "(c)", "all rights reserved"),
    "site banner": (".gov", ".mil", "a lock ("),
    "back link ja": ("へ戻る", "に戻る", "ページのトップ"),
}

# "Label: value" metadata lines of a page header (never transcript turns).
METADATA_LABELS = frozenset(
    {
        "date",
        "title",
        "subject",
        "subjects",
        "subject/s",
        "source",
        "note",
        "photo",
        "photos",
        "inquiries",
        "enquiries",
        "contact",
        "media contact",
        "time",
        "venue",
        "location",
        "place",
        "url",
        "link",
        "tel",
        "phone",
        "fax",
        "email",
        "by",
        "from",
        "to",
        "re",
        "update",
        "last update",
        "last updated",
        "updated",
        "published",
        "posted",
        "keywords",
        "tags",
        "category",
        "categories",
        "release type",
        "release date",
        "topic",
        "topics",
        "author",
        "language",
        "photo by",
        "photos by",
        "image",
        "credit",
        "credits",
        "virin",
        "caption",
    }
)

CAPTION_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "photo credit",
        re.compile(r"\((?:photo|photograph|image|picture)s?\s*(?:by|:|credit)[^)]*\)\s*$", re.I),
    ),
    ("agency tag", re.compile(r"\[(?:[A-Z][A-Za-z.]+\s?){1,3}\]\s*$")),
    ("caption prefix", re.compile(r"^\(?(?:photo(?:graph)?|image|caption|credit)\s*[:\-–—]", re.I)),
    (
        "position",
        re.compile(r",\s(?:left|right|centre|center|second (?:from )?(?:left|right))\b,?", re.I),
    ),
    (
        "handshake",
        re.compile(r"\b(?:shakes? hands|shaking hands|handshake|pose[sd]? for|posing)\b", re.I),
    ),
    ("credit", re.compile(r"(?:^Camera Icon|\b(?:Credit|Image|Photo|Picture)s?:\s)")),
    ("handshake ja", re.compile(r"握手|写真")),
    # "A commemorative photo of Minister X and …", "The state of the Meeting of …" (様子)
    (
        "photo of",
        re.compile(r"\b(?:commemorative|group|family)\s+photo\b|^(?:An?\s)?photo\s+of\b", re.I),
    ),
    ("scene of", re.compile(r"^The\s(?:state|scene)\sof\sthe\b")),
    # a Japanese caption: "…会談の様子", "表敬を受ける安倍総理大臣" (a verb, then who)
    (
        "scene ja",
        re.compile(r"の様子$|(?:する|受ける|行う|臨む|述べる)[\u4e00-\u9fff\u30a0-\u30ff]{1,12}$"),
    ),
    ("who does", re.compile(r"^[A-Z][^.!?]{3,120}\bwho\s+(?:\w+s|have|are|is)\b[^.!?]*$")),
)

CAPTION_CUES: dict[str, tuple[str, ...]] = {
    "handshake": ("hands", "pose", "posing"),
    "credit": ("camera icon", ":"),
    "handshake ja": ("握手", "写真"),
    "photo of": ("photo",),
    "scene of": ("state of", "scene of"),
    "scene ja": ("様子", "する", "受ける", "行う", "臨む", "述べる"),
    "who does": ("who",),
}

# the rules in order, each with its quick test (None: always searched)
_FURNITURE_PLAN = tuple((name, rx, FURNITURE_CUES.get(name)) for name, rx in FURNITURE_RULES)
_CAPTION_PLAN = tuple((name, rx, CAPTION_CUES.get(name)) for name, rx in CAPTION_RULES)

_SENTENCE_END = re.compile(r"[.!?。！？…][”\"’'»」』)\]]*$")


def ends_sentence(text: str) -> bool:
    """Whether the line ends like a sentence (terminal mark, maybe a closing quote)."""
    return _SENTENCE_END.search(text) is not None


_LIST_PREFIX = re.compile(r"^(?:\d{1,2}[.)]\s+|[-–—•·]\s*)")


def furniture_kind(line: str) -> str | None:
    """The name of the furniture rule that ``line`` matches, else None."""
    bare = _LIST_PREFIX.sub("", line.strip())
    low = bare.lower()
    if low.rstrip(":") in BOILERPLATE:
        return "boilerplate"
    folds = folds_to_ascii(bare)
    for name, rx, cues in _FURNITURE_PLAN:
        if (cues is None or folds or any(c in low for c in cues)) and rx.search(bare):
            return name
    return None


def caption_kind(line: str) -> str | None:
    """The name of the caption rule a short, unpunctuated ``line`` matches, else None.

    Captions are photo descriptions: a credit such as ``(Photo: Cabinet Public Affairs
    Office)``, an agency tag ``[YONHAP]``, ``X, left, with Y``, a handshake, ``X who
    exchanges …``. A line that reads as a finished sentence of some length is never one.
    """
    bare = line.strip()
    if len(bare) > 400:
        return None
    if ends_sentence(bare) and len(bare.split()) > 25:
        return None  # a finished sentence of some length
    low = bare.lower()
    folds = folds_to_ascii(bare)
    for name, rx, cues in _CAPTION_PLAN:
        if (cues is None or folds or any(c in low for c in cues)) and rx.search(bare):
            if name in (
                "handshake",
                "who does",
                "position",
                "photo of",
                "scene of",
            ) and ends_sentence(bare):
                continue
            return name
    return None
