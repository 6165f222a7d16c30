"""What a quoted span is: a direct quote with its cue after (*,” he said*) or before
(*Minister Sato said: “*), a partial quote inside a reporting sentence, or a quoted
name nobody speaks (*the drill “Iron Shield”*)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import accumulate

from natojp_tui.core.lexicon.speech import PARTICIPLES, VERB_RE
from natojp_tui.core.lexicon.terms import is_set_term
from natojp_tui.core.quotes.cues import ADVERBS, Cue, cue_after, cue_before, verb_phrase_end
from natojp_tui.core.quotes.speakers import Speaker
from natojp_tui.core.quotes.subjects import participle_subject, subject_before_aside
from natojp_tui.core.text.document import WINDOW, AnalysedText
from natojp_tui.core.text.marks import QuoteSpan
from natojp_tui.core.text.patterns import Cued

NAMING_WORDS = frozenset(
    [
        "called",
        "named",
        "dubbed",
        "titled",
        "entitled",
        "so-called",
        "known",
        "code-named",
        "codenamed",
        "theme",
        "slogan",
        "motto",
        "banner",
        "name",
        "term",
        "word",
        "phrase",
        "exercise",
        "operation",
        "drill",
        "initiative",
        "programme",
        "program",
        "project",
        "document",
        "report",
        "book",
        "campaign",
        "concept",
    ]
)


# (the look-ahead only skips places where neither phrase can start)
ACCORDING_RE = Cued(
    re.compile(r"(?=[AaIi])\b(?:[Aa]ccording to|[Ii]n the words of)\s"),
    ("ccording to", "n the words of"),
)


_LOWER_WORD_RE = re.compile(r"[a-z]+")


class Intervals:
    """Half-open ranges answering "is ``pos`` inside one?" and "does one start inside
    ``[a, b)``?" in logarithmic time (ranges may overlap)."""

    def __init__(self, ranges: list[tuple[int, int]]) -> None:
        self.ranges = sorted(ranges)
        self.starts = [a for a, _ in self.ranges]
        self.max_end: list[int] = list(accumulate((b for _, b in self.ranges), max))

    def covers(self, pos: int) -> bool:
        i = bisect_right(self.starts, pos) - 1
        return i >= 0 and self.max_end[i] > pos

    def starts_within(self, a: int, b: int) -> bool:
        return bisect_left(self.starts, a) < bisect_left(self.starts, b)


_NO_INTERVALS = Intervals([])


def intervals(ranges: list[tuple[int, int]]) -> Intervals:
    return Intervals(ranges) if ranges else _NO_INTERVALS


@dataclass(slots=True)
class Item:
    """A quote waiting for its speaker."""

    kind: str
    paragraph: int
    start: int
    end: int
    cue: Cue | None = None
    cue_paragraph: int | None = None
    verb: str | None = None
    group: int | None = None  # multi-paragraph quote pieces
    follows: Item | None = None  # split quote: inherits from and shares utterance with
    inherits: bool = False  # quote-only paragraph: inherits the last speaker
    confidence: float = 1.0
    speaker: Speaker | None = None
    utterance: int | None = None
    fixed: Speaker | None = None  # the speaker is known already (a transcript turn's)


def skip(text: str, pos: int, chars: str) -> int:
    while pos < len(text) and text[pos] in chars:
        pos += 1
    return pos


def _post_attribution(text: str, span: QuoteSpan) -> tuple[Cue, str | None, int] | None:
    """``,” he said`` / ``,” said the Secretary General`` / ``” — Secretary General Doe``."""
    if span.close is None:
        return None
    pos = skip(text, span.close + 1, " \u00a0,")
    sentence_closed = (
        text[span.end - 1 : span.end] in (".",) and text[span.close + 1 : span.close + 2] != ","
    )
    if pos < len(text) and (text[pos] in "—–" or text[pos : pos + 2] in ("--", "- ")):
        cue = cue_after(text, skip(text, pos, "—–- \u00a0"))
        if cue and cue.kind in ("name", "role", "document", "group"):
            return cue, None, cue.end
        return None
    m = ACCORDING_RE.match(text, pos)
    if m:
        cue = cue_after(text, m.end())
        return (cue, "according to", cue.end) if cue else None
    m = VERB_RE.match(text, pos)
    if m:
        cue = cue_after(text, m.end())
        if cue is None or (sentence_closed and not ends_sentence(text, cue.end)):
            return None
        return cue, m.group(), cue.end
    cue = cue_after(text, pos)
    if cue is None:
        return None
    if sentence_closed and cue.text[:1].isupper() and cue.kind == "pronoun":
        return None
    vpos = cue.end
    while True:
        nxt = skip(text, vpos, " \u00a0")
        word = _LOWER_WORD_RE.match(text[nxt : nxt + 20])
        if word and word.group() in ADVERBS:
            vpos = nxt + word.end()
            continue
        break
    m = VERB_RE.match(text, skip(text, vpos, " \u00a0"))
    if not m:
        return None
    end = verb_phrase_end(text, m.end(), m.group())
    if sentence_closed and not ends_sentence(text, end):
        return None
    return cue, text[m.start() : end] if m.group() != "told" else "told", end


def ends_sentence(text: str, pos: int) -> bool:
    rest = text[pos : pos + 3].lstrip()
    return not rest or rest[0] in ".,;!?"


def _verb_at_end(t: AnalysedText, end: int) -> re.Match[str] | None:
    """A speech verb whose phrase ends at ``end`` (``said``, ``told reporters``, ``said that``)."""
    text = t.text
    lo = max(0, end - 70)
    last = None
    for m in t.verbs_in(lo, end):
        last = m
    if last is None:
        return None
    tail_start = verb_phrase_end(text, last.end(), last.group())
    tail = text[tail_start:end].strip().lower()
    if tail in ("", "that", "in a statement", "in his remarks", "in her remarks") or all(
        w in ADVERBS for w in tail.split()
    ):
        return last
    if _SETTING_TAIL_RE.fullmatch(tail):
        return last  # "said in his opening remarks, “", "said at a news conference: “"
    return None


_SETTING_TAIL_RE = re.compile(
    r"(?:in|at|during|on|after|before|to|later|earlier|today|yesterday)\b[^,;:“”\"]{0,50}"
)


def pre_attribution(t: AnalysedText, open_pos: int) -> tuple[Cue, str | None] | None:
    """``Minister Sato said: “`` / ``He said, “`` / ``According to X, “`` / ``From the Chair:``."""
    text = t.text
    before = text[max(0, open_pos - WINDOW) : open_pos].rstrip()
    base = max(0, open_pos - WINDOW)
    if not before:
        return None
    end = base + len(before)
    if before[-1] in ":,":
        end -= 1
    m = _verb_at_end(t, end)
    if m is not None:
        cue = cue_before(text, m.start())
        if cue is None and m.group() in PARTICIPLES:  # 'X announced ..., saying “'
            cue = participle_subject(t, t.sentence_bounds(m.start())[0], m.start())
        if cue is not None:
            return cue, m.group()
        return None
    acc = None
    for found in ACCORDING_RE.finditer(text, max(0, end - 80), end):
        acc = found
    if acc is not None and before[-1] == ",":
        cue = cue_after(text, acc.end())
        if cue is not None and cue.end >= end - 1:
            return cue, "according to"
    if before[-1] == ":":
        cue = cue_before(text, end)
        if cue is None:
            cue = _colon_label(t, end)
        if cue is not None and cue.kind in ("name", "role", "group", "document"):
            return cue, None
    return None


def _colon_label(t: AnalysedText, end: int) -> Cue | None:
    """A short label paragraph or sentence before a colon: *From the Chair:*."""
    text = t.text
    s_start, _ = t.sentence_bounds(max(0, end - 1))
    label = text[s_start:end]
    words = label.split()
    if not 1 <= len(words) <= 6:
        return None
    start = s_start
    if words[0].lower() in ("from", "by"):
        start = text.index(words[1], s_start + len(words[0]))
    return cue_after(text, start)


_WHO_RE = re.compile(r",[ \u00a0]+who(?:[ \u00a0]+[a-z]+){0,2}[ \u00a0]+$")


def _sentence_speaker(t: AnalysedText, span: QuoteSpan, outer: Intervals) -> tuple[Cue, str] | None:
    """The subject and speech verb of the sentence holding an embedded quoted phrase
    (over an aside: *Peters, who is also deputy prime minister, said*; through a
    relative: *said Lee, who has often described it as “…”*)."""
    text = t.text
    s_start, s_end = t.sentence_bounds(span.outer_start)
    for m in t.verbs_in(s_start, s_end):
        if outer.covers(m.start()):
            continue
        if m.group() in ("called", "described") and m.start() > span.open:
            continue
        cue = cue_before(text, m.start(), s_start)
        if cue is None:
            cue = subject_before_aside(text, s_start, m.start())
        if cue is None and (who := _WHO_RE.search(text, max(s_start, m.start() - 40), m.start())):
            cue = cue_before(text, who.start(), s_start) or _inverted_cue(t, s_start, who.start())
        if cue is not None and cue.kind != "org":
            return cue, m.group()
    lead = text[s_start : span.outer_start].lower()
    if "calling " in lead or "describing " in lead or "terming " in lead:
        # "Calling NATO and Japan “natural partners”, the Secretary General stressed"
        for v in t.verbs_in(span.outer_end, s_end):
            cue = cue_before(text, v.start(), span.outer_end)
            if cue is not None:
                return cue, v.group()
    return None


def _inverted_cue(t: AnalysedText, s_start: int, end: int) -> Cue | None:
    """The cue of an inverted attribution ending at ``end``: *said President X*."""
    text = t.text
    for v in reversed(t.verbs_in(s_start, end)):
        cue = cue_after(text, v.end())
        if cue is not None and cue.end == end:
            return cue
        break
    return None


_WORD_RE = re.compile(r"[^\W\d_]{3}")  # a quoted phrase worth a speaker has a word
_LEAD_IN_RE = re.compile(r"[^,;:]{0,80},[ \u00a0]+")
_VERB_LIKE_RE = re.compile(
    r"[ \u00a0]+(?:also[ \u00a0]+|has[ \u00a0]+|had[ \u00a0]+)?[a-z]+(?:ed|es|s)\b"
)


def _sentence_subject(t: AnalysedText, span: QuoteSpan) -> tuple[Cue, str] | None:
    """*Stoltenberg addressed North Korea's “reckless” programmes*: a person who is the
    subject of the sentence (after an opening phrase) chose the quoted words."""
    text = t.text
    s_start, _ = t.sentence_bounds(span.outer_start)
    starts = [s_start]
    lead = _LEAD_IN_RE.match(text, s_start, span.outer_start)
    if lead is not None:
        starts.append(lead.end())
    for start in starts:
        cue = cue_after(text, start)
        kinds = ("name", "role", "pair", "document", "group")
        if cue is None or cue.kind not in kinds or cue.end >= span.outer_start:
            continue
        if text[cue.start - 4 : cue.start] == "the " and cue.kind == "name":
            continue
        verb = _VERB_LIKE_RE.match(text, cue.end, span.outer_start)
        if verb is not None and verb.group().split()[-1] not in ("was", "is", "has", "does"):
            return cue, verb.group().split()[-1]
    return None


# "…, by quoting Prime Minister X’s statement, “…”", "citing X's words: “…”": X's words
_QUOTING_RE = re.compile(
    r"\b(?P<verb>quoting|citing|quoted|cited|echoing|echoed)[ \u00a0]+(?P<who>[^,;:“”\"]{2,80}?)"
    r"(?:['’]s?[ \u00a0]+(?:own[ \u00a0]+)?(?:statement|words|remarks|phrase|comments?|line|saying))?"
    r"[ \u00a0]*[,:]?[ \u00a0]*$"
)


def _quoting(t: AnalysedText, span: QuoteSpan) -> tuple[Cue, str] | None:
    """*…, by quoting Prime Minister Kishida’s statement, “Ukraine today …”*: the words
    are the person quoted, not the sentence's subject."""
    text = t.text
    lo = max(0, span.outer_start - 110)
    m = _QUOTING_RE.search(text, lo, span.outer_start)
    if m is None:
        return None
    cue = cue_after(text[: m.end("who")], m.start("who"))  # the person, not "X's statement"
    if cue is None or cue.kind not in ("name", "role"):
        return None
    return cue, m.group("verb")


_PERSON_NAMING_RE = re.compile(r"\b(called|termed|dubbed|described\sas)[ \u00a0]*$")


def _person_naming(t: AnalysedText, span: QuoteSpan) -> tuple[Cue, str] | None:
    """*the Secretary General called “…”*: a person naming something in their own words.
    (*an exercise called “…”* has no person before the verb: a term.)"""
    text = t.text
    m = _PERSON_NAMING_RE.search(text, max(0, span.outer_start - 40), span.outer_start)
    if m is None:
        return None
    s_start, _ = t.sentence_bounds(span.outer_start)
    cue = cue_before(text, m.start(), s_start)
    if cue is None or cue.kind in ("org", "document"):
        return None
    return cue, m.group(1)


def _named_before(text: str, pos: int) -> bool:
    """*the drill “...”*, *so-called “...”*, *known as “...”*, *which the two governments
    call a “...”*: a name follows, not speech."""
    words = text[max(0, pos - 30) : pos].lower().split()
    if not words:
        return False
    if words[-1].strip(",:") in NAMING_WORDS:
        return True
    if words[-1] in ("a", "an", "the") and len(words) > 1:
        words = words[:-1]
    return words[-1] in ("call", "calls", "term", "terms", "dub", "dubs")


def _is_term(t: AnalysedText, span: QuoteSpan) -> bool:
    """A name in marks: after a naming word (*the drill “…”*, *which they call a “…”*),
    in a parenthesis, or a noun phrase after an article that the sentence goes on past
    (*signed an “individual partnership programme” that will serve*, *the “X curry” he
    tasted*)."""
    text = t.text
    if _named_before(text, span.outer_start) or _in_parenthesis(t, span):
        return True
    before = text[max(0, span.outer_start - 5) : span.outer_start].lower()
    after = _NEXT_WORD_RE.match(text, span.outer_end)
    quoted = text[span.start : span.end]
    return (
        before.endswith((" a ", " an ", " the ", "\u00a0a ", "\u00a0the "))
        and quoted[-1:].isalnum()
        and after is not None
        and after.group(1) in _NOUN_PHRASE_GOES_ON
        # "calling the summit a “cornerstone” for ...": a speaker's word for it
        and _NAMING_VERB_RE.search(text, max(0, span.outer_start - 80), span.outer_start) is None
    )


# after a quoted noun phrase, words that show the sentence goes on about the thing named
# ("the “X curry” he tasted", "an “individual programme” that will serve"); an adjective
# in marks before its noun ("the “reckless” programme") is someone's word
_NEXT_WORD_RE = re.compile(r"[ \u00a0]+([a-z]+)\b")
_NOUN_PHRASE_GOES_ON = frozenset(
    [
        "that",
        "which",
        "who",
        "whose",
        "he",
        "she",
        "they",
        "it",
        "we",
        "is",
        "was",
        "are",
        "were",
        "will",
        "would",
        "has",
        "had",
        "between",
        "signed",
        "agreed",
    ]
)
_NAMING_VERB_RE = re.compile(
    r"\b(?:call(?:s|ed|ing)?|describ(?:es|ed|ing)|term(?:s|ed|ing)|dubb?(?:s|ed|ing))\b"
)


def _in_parenthesis(t: AnalysedText, span: QuoteSpan) -> bool:
    """*(Japan-Australia “2 plus 2” talks)*: a name inside a parenthesis without a verb."""
    text = t.text
    k = text.rfind("(", max(0, span.outer_start - 60), span.outer_start)
    if k < 0 or ")" in text[k : span.outer_start]:
        return False
    close = text.find(")", span.outer_end, span.outer_end + 60)
    return close >= 0 and not t.verbs_in(k, close)


def _is_title_case(quoted: str) -> bool:
    words = [w for w in re.findall(r"[^\W\d_][\w’'-]*", quoted) if len(w) > 3 or w[0].isupper()]
    return bool(words) and all(w[0].isupper() for w in words) and quoted[:1].isupper()


def _text_before(text: str, pos: int) -> str:
    """The text before ``pos`` (bounded window), right-stripped."""
    return text[max(0, pos - WINDOW) : pos].rstrip()


def indent(text: str) -> int:
    """Index of the first non-space character (bounded scan)."""
    i = 0
    while i < len(text) and text[i].isspace():
        i += 1
    return i


def _starts_clause(text: str, span: QuoteSpan) -> bool:
    before = text[max(0, span.outer_start - 8) : span.outer_start].rstrip(" \u00a0")
    if not before and span.outer_start > 8:
        before = text[max(0, span.outer_start - WINDOW) : span.outer_start].rstrip(" \u00a0")
    return (
        not before
        or before[-1] in ".!?:;—–("
        or (before.endswith(("”", '"')) and (before[:-1].rstrip()[-1:] in ".!?"))
    )


def classify(t: AnalysedText, span: QuoteSpan, spans: Intervals, after_direct: bool) -> Item | None:
    """Direct quote, partial quote, or (None) a term / stray mark."""
    text = t.text
    quoted = text[span.start : span.end]
    if not quoted.strip():
        return None
    item = Item("direct", span.paragraph, span.start, span.end, group=span.group)
    if not span.closed and span.group is None:
        return _unclosed(t, span, item)
    if span.orphan:
        post = _post_attribution(text, span)
        if post is None or text[span.end - 1 : span.end] not in ",.!?":
            return None  # a stray closing mark
        item.cue, item.verb = post[0], post[1]
        item.confidence = 0.6
        return item
    if (quoting := _quoting(t, span)) is not None:
        item.kind = "partial"  # inside the sentence that cites it
        item.cue, item.verb = quoting
        return item
    words = len(quoted.split())
    embedded = not _starts_clause(text, span)
    phrase = embedded and (
        (quoted[-1:] not in ".!?," and (words <= 8 or quoted[:1].islower()))
        or _text_before(text, span.outer_start).endswith(" that")  # "added that “...”"
    )
    if embedded and _is_term(t, span) and _person_naming(t, span) is None:
        return None
    if embedded and is_set_term(quoted):
        return None  # "the realization of a “free and open Indo-Pacific”": a policy's name
    post = _post_attribution(text, span)
    pre = None if post else pre_attribution(t, span.outer_start)
    if post and post[1] == "according to":
        # 'Abe said at a news conference, “…,” according to the Japan Times': the paper is
        # the source, the one who said it is the speaker
        said = pre_attribution(t, span.outer_start)
        if said is not None and said[1] not in (None, "according to"):
            post, pre = None, said
    if pre and phrase and not _text_before(text, span.outer_start).endswith((":", ",")):
        pre = None  # "He said the ties were “stronger than ever”": a phrase, not a statement
    if (post or pre) and not phrase:
        item.cue, item.verb = (post[0], post[1]) if post else pre  # type: ignore[misc]
        return item
    if span.group is not None and span.open == indent(text):
        return item  # a later piece of a multi-paragraph quote
    sentence_like = quoted[-1:] in ".!?," or (words >= 4 and quoted[:1].isupper())
    if not embedded and sentence_like and (not span.single or after_direct):
        return item
    # an embedded phrase: a partial quote if the sentence says who spoke, else a term
    if (naming := _person_naming(t, span)) is not None:
        item.kind = "partial"  # "which the Secretary General called “a dangerous expansion”"
        item.cue, item.verb = naming
        return item
    if embedded is False and (_named_before(text, span.outer_start) or _in_parenthesis(t, span)):
        return None  # (an embedded span was looked at for a term above)
    if _is_title_case(quoted) and words <= 16:
        return None
    found = (post[0], post[1] or "said") if post else _sentence_speaker(t, span, spans)
    if found is None and _WORD_RE.search(quoted):
        found = _sentence_subject(t, span)
    if found is None:
        return None
    item.kind = "partial"
    item.cue, item.verb = found
    return item


_INNER_ATTRIBUTION_RE = re.compile(r",[ \u00a0]+(?=\S)")


def _unclosed(t: AnalysedText, span: QuoteSpan, item: Item) -> Item | None:
    """A quote whose closing mark is missing: it ends at an attribution found inside it
    (*“We are ready, he said.*), else at the end of its paragraph; only kept when it
    opens its clause."""
    text = t.text
    if not _starts_clause(text, span):
        pre = pre_attribution(t, span.outer_start)
        if pre is None:
            return None
        item.cue, item.verb = pre  # 'saying "both countries are ...' (no closing mark)
        item.confidence = 0.6
        return item
    for m in _INNER_ATTRIBUTION_RE.finditer(text, span.start, span.end):
        probe = QuoteSpan(
            span.paragraph, span.open, m.start(), span.start, m.start() + 1, span.open_mark, ","
        )
        post = _post_attribution(text, probe)
        if post is not None:
            item.end = m.start() + 1
            item.cue, item.verb = post[0], post[1]
            item.confidence = 0.6
            return item
    item.confidence = 0.5
    return item
