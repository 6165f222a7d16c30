"""Speech verbs, speaker cues and their resolution to people.

A *cue* is how the text names a speaker at a quote: a name (*Mr. Fogh Rasmussen*), a
role (*the Secretary General*, *NATO's chief*), a pronoun (*he*), a group (*the two
leaders*) or a document (*the declaration*). ``cue_after`` and ``cue_before`` read a cue
forwards or backwards from a position in a bounded window (never the whole text), and
``Resolver`` turns a cue at a position into speakers using the people registry:
names and roles first, then pronouns to the nearest compatible speaker before them.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import chain, islice

from natojp_tui.core.model import Person
from natojp_tui.core.people import HONORIFICS, PeopleRegistry
from natojp_tui.core.text.memo import cache_short as memo_short
from natojp_tui.core.text.patterns import trie_pattern
from natojp_tui.core.text.patterns import words as wordset

WINDOW = 160  # characters looked at around a quote or verb for a cue

_VERB_FORMS = (
    "said|says|say|added|adds|stated|states|told|tells|stressed|stresses|emphasi[sz]ed|"
    "emphasi[sz]es|underlined|underlines|underscored|noted|notes|remarked|explained|explains|"
    "declared|announced|affirmed|reaffirmed|reaffirms|reiterated|confirmed|welcomed|welcomes|"
    "highlighted|highlights|pointed out|insisted|warned|urged|commended|praised|acknowledged|"
    "argued|asserted|claimed|commented|continued|concluded|replied|responded|answered|asked|"
    "wrote|tweeted|posted|recalled|observed|conveyed|mentioned|indicated|agreed|"
    "called for|called on|described|hailed|cautioned|vowed|pledged|promised|suggested|concurred|adding|"
    "proposed|requested|spoke of|maintained|shared|expressed|expresses|called|"
    "state|stress|emphasi[sz]e|note|underline|explain|welcome|reaffirm|express"
)


def _expand(form: str) -> list[str]:
    """``emphasi[sz]ed`` → ``["emphasised", "emphasized"]``."""
    m = re.search(r"\[(\w+)\]", form)
    if not m:
        return [form]
    return [x for ch in m.group(1) for x in _expand(form[: m.start()] + ch + form[m.end() :])]


VERB_FORMS = [w for form in _VERB_FORMS.split("|") for w in _expand(form)]
VERB_RE = re.compile(rf"\b{trie_pattern(VERB_FORMS)}\b")
# one-word forms: a bare token is a speech verb iff it is one of these (VERB_RE.fullmatch)
_ONE_WORD_VERBS = frozenset(w for w in VERB_FORMS if " " not in w)
_EXPRESSED_RE = re.compile(
    r"(?:his|her|their|its|the|a|strong|deep|sincere|great|)\s*(?:strong\s+|deep\s+|sincere\s+|"
    r"great\s+|full\s+|firm\s+)?(?:hope|hopes|concern|concerns|gratitude|appreciation|support|"
    r"condolences|intention|view|determination|expectation|expectations|regret|wish|desire|"
    r"solidarity|commitment|interest|welcome|respect|thanks)\b"
)
# verbs that report speech only with a that-clause ("It indicates areas ..." is not speech)
THAT_ONLY = frozenset(
    (
        "indicated",
        "agreed",
        "concurred",
        "recalled",
        "acknowledged",
        "suggested",
        "shared",
        "maintained",
        "continued",
        "asked",
        "observed",
        "wrote",
        "posted",
    )
)
# verbs that take a direct quote but never introduce reported speech on their own
DIRECT_ONLY = frozenset(
    (
        "asked",
        "continued",
        "tweeted",
        "replied",
        "answered",
        "concluded",
        "called",
        "described",
        "hailed",
    )
)
ADVERBS = wordset(
    "also further then again strongly once firmly warmly repeatedly later briefly clearly "
    "openly publicly already in turn separately explicitly particularly specifically"
)
PRONOUNS = {"he": "m", "she": "f", "they": "p", "it": "n", "we": "p", "i": None}
ROLE_WORDS = wordset(
    "minister ministers secretary general secretary-general spokesperson spokesman spokeswoman "
    "chief leader leaders head chair chairman chairwoman president ambassador envoy official "
    "officials side sides foreign defence defense prime deputy vice japanese nato alliance "
    "alliance's nato's japan's two both allied declaration statement communiqué communique "
    "document report agreement strategy concept letter resolution plan treaty joint political "
    "the of for two both top diplomat government ministry spokesperson's"
)
DOCUMENT_WORDS = wordset(
    "declaration statement communiqué communique document report agreement strategy concept "
    "letter resolution plan treaty memorandum readout programme"
)
GROUP_WORDS = frozenset(
    ["leaders", "ministers", "sides", "officials", "both", "two", "delegations"]
)
ORG_CUES = frozenset(
    (
        "japan",
        "nato",
        "the japanese side",
        "the nato side",
        "both sides",
        "the two sides",
        "the ministry",
        "the government",
        "the alliance",
        "allies",
        "the allies",
        "officials",
        "a spokesperson",
        "the spokesperson",
        "a nato official",
        "a japanese official",
        "the japanese government",
    )
)
_TOKEN_RE = re.compile(r"\S+")
_VIEW_THAT_RE = re.compile(
    r"\s+(?:the|their|his|her|its|a)\s+(?:common\s+|shared\s+|same\s+)?(?:view|recognition|"
    r"understanding|concern|belief|position|opinion|importance)\s+that\b"
)
_SENTENCE_END_RE = re.compile(r"[.!?][”’\"')\]»」]*(?=\s+[“‘\"'(«「『A-Z\d]|\s*$)")
ABBREVIATIONS = wordset(
    "mr mrs ms dr prof st no gen lt col adm jr sr vs etc jan feb mar apr jun jul aug sep sept "
    "oct nov dec u.s h.e e.g i.e a.m p.m hon mme"
)


NOT_CUE_CAPITALS = frozenset(
    (
        "but",
        "and",
        "in",
        "on",
        "at",
        "during",
        "after",
        "while",
        "however",
        "meanwhile",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "from",
        "by",
        "to",
        "with",
        "for",
        "asked",
        "calling",
        "speaking",
        "addressing",
        "when",
        "as",
        "also",
        "today",
        "yesterday",
        "earlier",
        "later",
        "then",
        "there",
        "here",
        "this",
    )
)


@dataclass(slots=True)
class Cue:
    """A speaker cue found in the text: its span, its text and its type."""

    start: int
    end: int
    text: str
    kind: str  # "name" | "role" | "pronoun" | "group" | "document" | "org"


@dataclass(slots=True)
class Speaker:
    """Who a cue resolves to: one person, several people, a document, or nobody."""

    people: list[Person] = field(default_factory=list)
    name: str | None = None  # canonical display name ("A and B" for groups, document name)
    role: str | None = None

    @property
    def known(self) -> bool:
        return self.name is not None


class _TextIndex:
    """Sentence ends and speech-verb matches of one paragraph, each found in one pass
    when first asked for, so that every later window query is a binary search instead
    of a rescan (a paragraph without speech verbs never has its sentences split)."""

    __slots__ = ("_end_ends", "_end_starts", "_verb_starts", "_verbs", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._end_starts: list[int] | None = None
        self._end_ends: list[int] = []
        self._verbs: list[re.Match[str]] | None = None
        self._verb_starts: list[int] = []

    def sentence_ends(self) -> tuple[list[int], list[int]]:
        """Starts and ends of the sentence-ending punctuation (abbreviations skipped)."""
        if self._end_starts is None:
            text = self.text
            ends = [
                m.span()
                for m in _SENTENCE_END_RE.finditer(text)
                if not _abbreviation_before(text, m.start())
            ]
            self._end_starts = [a for a, _ in ends]
            self._end_ends = [b for _, b in ends]
        return self._end_starts, self._end_ends

    def verbs(self) -> tuple[list[re.Match[str]], list[int]]:
        """Speech-verb matches and their starts."""
        if self._verbs is None:
            self._verbs = list(VERB_RE.finditer(self.text))
            self._verb_starts = [m.start() for m in self._verbs]
        return self._verbs, self._verb_starts


# by id() of the text (the index keeps it alive), oldest first; OrderedDict operations
# are atomic, so extractions on several threads never see a half-evicted cache
_INDEX_CACHE: OrderedDict[int, _TextIndex] = OrderedDict()
_INDEX_CACHE_SIZE = 64  # more than the paragraphs one quote's attribution looks back over


def text_index(text: str) -> _TextIndex:
    """The (cached) index of a paragraph text."""
    idx = _INDEX_CACHE.get(id(text))
    if idx is not None and idx.text is text:
        return idx
    idx = _TextIndex(text)
    if len(_INDEX_CACHE) >= _INDEX_CACHE_SIZE:
        _INDEX_CACHE.popitem(last=False)
    _INDEX_CACHE[id(text)] = idx
    return idx


def verbs_in(text: str, start: int, end: int) -> list[re.Match[str]]:
    """Speech-verb matches starting in ``text[start:end]``, in order."""
    verbs, starts = text_index(text).verbs()
    return verbs[bisect_left(starts, start) : bisect_left(starts, end)]


def sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    """Start and end of the sentence around ``pos`` (looking at most WINDOW*3 chars away)."""
    end_starts, end_ends = text_index(text).sentence_ends()
    lo = max(0, pos - WINDOW * 3)
    k = bisect_right(end_ends, pos) - 1
    start = max(lo, end_ends[k]) if k >= 0 else lo
    hi = min(len(text), pos + WINDOW * 3)
    k = bisect_left(end_starts, pos)
    end = min(hi, end_ends[k]) if k < len(end_starts) else hi
    while start < end and text[start].isspace():
        start += 1
    return start, end


def _abbreviation_before(text: str, dot: int) -> bool:
    window = text[max(0, dot - 24) : dot]
    parts = window.rsplit(None, 1)
    if len(parts) == 2 or dot <= 24:
        word = parts[-1] if parts and not window[-1:].isspace() else ""
    else:  # a token longer than the window: find where it starts
        j = dot
        while j > 0 and not text[j - 1].isspace():
            j -= 1
        word = text[j:dot]
    word = word.lower().lstrip("(“\"‘'")
    return word in ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def _bare(token: str) -> str:
    return token.strip(",.;:!?()[]“”\"‘’'—–")


def _cue_token(token: str, first: bool) -> bool:
    """Can ``token`` be part of a speaker cue (a name, honorific or role word)?"""
    return (_is_first_cue_token if first else _is_cue_token)(token)


@memo_short()
def _is_first_cue_token(token: str) -> bool:
    return _cue_token_uncached(token, True)


@memo_short()
def _is_cue_token(token: str) -> bool:
    return _cue_token_uncached(token, False)


def _cue_token_uncached(token: str, first: bool) -> bool:
    bare = _bare(token)
    if not bare:
        return False
    low = bare.lower()
    if low in HONORIFICS or token.lower() in HONORIFICS:
        return True
    if bare[0].isupper():
        return low not in NOT_CUE_CAPITALS
    return low in ROLE_WORDS or (
        not first and low in ("de", "van", "von", "der", "bin", "then", "former", "now")
    )


@memo_short()
def classify_cue(text: str) -> str:
    """The type of a cue: name, role, pronoun, group, document or org."""
    low = text.lower().replace("’", "'")
    words = low.split()
    if low in PRONOUNS:
        return "pronoun"
    if low in ORG_CUES or low.endswith((" side", " sides", " government", " ministry")):
        return "org"
    if words and (words[-1] in GROUP_WORDS or {"two", "both"} & set(words)):
        return "group"
    if words and _bare(words[-1]) in DOCUMENT_WORDS:
        return "document"
    if any(w[:1].isupper() for w in text.split()[1:] + text.split()[:1]) and not any(
        w in ROLE_WORDS for w in words if w not in ("the", "of", "for")
    ):
        return "name"
    return "role"


def cue_after(text: str, pos: int) -> Cue | None:
    """A cue starting at ``pos`` (after optional spaces): *he*, *the Secretary General*,
    *Mr. Fogh Rasmussen*, *NATO Secretary General Jens Stoltenberg*."""
    start = pos
    while start < len(text) and text[start] in " \u00a0":
        start += 1
    toks = _limited_tokens(text, start, 14)  # read lazily: a cue is a few words
    head = next(toks, None)
    if head is None:
        return None
    first = _bare(head.group()).lower()
    if first in PRONOUNS and head.group().rstrip(",.;:").lower() == first:
        end = head.start() + len(_bare(head.group()))
        return Cue(head.start(), end, text[head.start() : end], "pronoun")
    end = None
    for n, tok in enumerate(chain((head,), toks)):
        word = tok.group()
        if not _cue_token(word, n == 0):
            break
        if n > 0 and _bare(word) in _ONE_WORD_VERBS:
            break
        end = (
            tok.start() + len(word.rstrip(",.;:!?)”’\"'"))
            if word[-1] in ",.;:!?)”’\"'"
            else tok.end()
        )
        if word.endswith(".") and _bare(word).lower() in ABBREVIATIONS:
            end = tok.end()
        if word[-1] in ",;:!?)" or (
            word.endswith(".") and _bare(word).lower() not in ABBREVIATIONS
        ):
            break
    if end is None:
        return None
    return _trim_cue(text, head.start(), end)


def _trim_cue(text: str, start: int, end: int) -> Cue | None:
    words = text[start:end].split()
    while words and words[-1].lower() in ("the", "of", "for", "and"):
        end -= len(words.pop()) + 1
    if not words or all(w.lower() in ("the", "of", "for", "two", "both") for w in words):
        return None
    cue_text = text[start:end].strip()
    return Cue(start, start + len(cue_text), cue_text, classify_cue(cue_text))


def _limited_tokens(text: str, start: int, limit: int) -> Iterator[re.Match[str]]:
    return islice(_TOKEN_RE.finditer(text, start, min(len(text), start + WINDOW)), limit)


def cue_before(text: str, pos: int, floor: int = 0) -> Cue | None:
    """The cue ending right before ``pos`` (adverbs like *also* skipped): the subject of
    a speech verb at ``pos``. The cue must begin its clause (sentence start, a comma,
    *and*, a colon or a dash before it)."""
    lo = max(floor, pos - WINDOW)
    near = text[max(lo, pos - 30) : pos].split()
    if not near:
        return None
    last_word = near[-1]
    if last_word in ("has", "have", "had") and len(near) > 1:
        last_word = near[-2]
    if (
        last_word[:1].islower()
        and last_word[-1] != ","
        and _bare(last_word).lower() not in ROLE_WORDS
        and last_word.lower() not in ADVERBS
        and last_word.lower() not in PRONOUNS
    ):
        return None  # fast path: "the plan works and said" has no subject cue
    toks = list(_TOKEN_RE.finditer(text, lo, pos))
    while toks and _bare(toks[-1].group()).lower() in ADVERBS and toks[-1].group()[-1].isalpha():
        toks.pop()
    if toks and toks[-1].group() in ("has", "have", "had"):
        toks.pop()  # "officials have cautioned that ..."
    if toks and toks[-1].group().lower() == "once":
        toks.pop()
    if not toks:
        return None
    last = toks[-1].group()
    if last[-1] == "," and len(toks) > 1:
        return _appositive_cue(text, toks, lo)
    if last[-1] in ",;:":
        return None
    if _bare(last).lower() in PRONOUNS and _bare(last) == last:
        start = toks[-1].start()
        return (
            Cue(start, toks[-1].end(), last, "pronoun") if _clause_start(text, start, lo) else None
        )
    k = len(toks)
    while k > 0:
        word = toks[k - 1].group()
        if not _cue_token(word, False) or word[-1] in ",;:":
            break
        if word.endswith(".") and _bare(word).lower() not in ABBREVIATIONS and k < len(toks):
            break
        k -= 1
    if k == len(toks):
        return None
    # drop leading connectors and a sentence-initial function word
    while k < len(toks) and toks[k].group().lower() in ("of", "for", "and"):
        k += 1
    if k >= len(toks):
        return None
    start = toks[k].start()
    if not _clause_start(text, start, lo):
        return None
    end = toks[-1].end()
    return _trim_cue(text, start, end)


def _appositive_cue(text: str, toks: list[re.Match[str]], lo: int) -> Cue | None:
    """``Keidanren's chairman, Masakazu Tokura,`` / ``Mr. KONO Taro, then Minister of
    Defense,``: a cue and its appositive, both made of cue words, before a verb."""
    k = len(toks)
    commas = 0
    while k > 0:
        word = toks[k - 1].group()
        if word.endswith(","):
            commas += 1
            if commas > 2:
                break
        if not _cue_token(word, False) and not (
            commas and word.lower().rstrip(",") in ("then", "former", "now", "a", "an")
        ):
            break
        k -= 1
    if k == len(toks) or commas != 2:
        return None
    while k < len(toks) and toks[k].group().lower() in ("of", "for", "and"):
        k += 1
    if k >= len(toks) or not _clause_start(text, toks[k].start(), lo):
        return None
    return _trim_cue(text, toks[k].start(), toks[-1].end() - 1)


def _clause_start(text: str, start: int, lo: int) -> bool:
    before = text[max(0, start - 12) : start].rstrip()
    if not before or (start <= lo and lo == 0):
        return True
    if before.endswith((",", ";", ":", "—", "–", "(", "”", '"')):
        return True
    if before[-1] in ".!?" and not _abbreviation_before(text, len(before) + max(0, start - 12) - 1):
        return True
    # a relative clause opens a clause too: "…, which the Secretary General called “…”"
    return before.endswith(
        (" and", " but", " while", " where", " as", " which", " what")
    ) or before in ("and", "but", "while", "which", "what")


def is_speech_verb(word: str) -> bool:
    return bool(VERB_RE.fullmatch(word))


def verb_phrase_end(text: str, verb_end: int, verb: str) -> int:
    """Extend *expressed* over *his hope*, and *told* over *reporters*, returning the end."""
    if verb.startswith("express"):
        m = _EXPRESSED_RE.match(text, verb_end + 1) if verb_end < len(text) else None
        if m:
            return m.end()
    m = _VIEW_THAT_RE.match(text, verb_end)
    if m:
        return m.end()
    if verb in ("told", "tells"):
        k = text.find(" that ", verb_end, verb_end + 60)
        if k >= 0 and not any(c in text[verb_end:k] for c in ',;:.“"'):
            return k + 5
        m = re.compile(
            r"\s+(?:reporters|journalists|the press|the media|a news conference|"
            r"a press conference|the audience|[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}|"
            r"him|her|them|us|me)"
        ).match(text, verb_end)
        if m:
            return m.end()
    return verb_end


_DOCUMENT_HEADS = (
    r"(?:Declaration|Statement|Communiqué|Communique|Concept|Strategy|Agreement|Treaty|Plan|"
    r"Programme|Report|Memorandum)\b"
)
_DOCUMENT_HEAD_RE = re.compile(_DOCUMENT_HEADS)
_DOCUMENT_NAME_RE = re.compile(rf"(?:[A-Z][\w’'-]*\s+){{1,5}}{_DOCUMENT_HEADS}")


class Resolver:
    """Resolve cues to speakers, remembering who spoke last for pronouns."""

    def __init__(self, registry: PeopleRegistry, paragraphs: list[str] | tuple[str, ...]) -> None:
        self.registry = registry
        self.paragraphs = paragraphs
        self.last: Speaker | None = None
        self.last_at: tuple[int, int] = (-10, 0)
        self._documents = self._find_documents()

    def _find_documents(self) -> list[str]:
        names: list[str] = []
        for text in self.paragraphs:
            head = text[:20000]
            if not _DOCUMENT_HEAD_RE.search(head):
                continue  # quick look: no document word, no document name
            for m in _DOCUMENT_NAME_RE.finditer(head):
                name = m.group()
                first = name.split()[0]
                if first in ("The", "In", "On", "At", "This", "A", "An"):
                    name = name.split(None, 1)[1] if " " in name else name
                if name not in names:
                    names.append(name)
        return names

    def speaker_of(self, person: Person) -> Speaker:
        return Speaker([person], person.name, self.registry.role_of(person))

    def resolve(self, cue: Cue, paragraph: int, pos: int) -> Speaker:
        """Who ``cue`` (found at ``pos`` of ``paragraph``) refers to."""
        kind = cue.kind
        if kind == "pronoun":
            return self._pronoun(cue.text.lower(), paragraph, pos)
        if kind == "document":
            return self._document(cue.text)
        if kind == "group":
            return self._group(cue.text, paragraph, pos)
        if kind == "org":
            return Speaker()
        person = self.registry.resolve_at(cue.text, paragraph, pos)
        if person is None and cue.text.lower().split()[-1] in ("chair", "chairman", "chairperson"):
            person = self._chair()
        if person is not None:
            return self.speaker_of(person)
        return Speaker()

    def _chair(self) -> Person | None:
        """*From the Chair:* when the text says who chaired (*chaired by X*)."""
        for text in self.paragraphs[:50]:
            k = text.find("chaired by ", 0, 100_000)
            if k >= 0:
                cue = cue_after(text, k + len("chaired by "))
                if cue is not None:
                    return self.registry.resolve(cue.text)
        return None

    def narrator_subject(self, paragraph: int) -> Speaker:
        """The first person named in the last sentence of ``paragraph`` (who a following
        quote-only paragraph most likely belongs to)."""
        if paragraph < 0:
            return Speaker()
        text = self.paragraphs[paragraph]
        s_start, _ = sentence_bounds(text, max(0, len(text) - 2))
        for m in self.registry.mentions_in(paragraph, s_start, len(text)):
            person = self.registry.get(m.person_id)
            if person is not None:
                return self.speaker_of(person)
        return Speaker()

    def remember(self, speaker: Speaker, paragraph: int, pos: int) -> None:
        if speaker.known:
            self.last, self.last_at = speaker, (paragraph, pos)

    def _document(self, cue: str) -> Speaker:
        head = _bare(cue.split()[-1]).lower()
        for name in self._documents:
            if name.lower().endswith(head) or head == "document":
                return Speaker([], name, None)
        words = cue.split()
        if words and words[0].lower() == "the":
            words = words[1:]
        return Speaker([], " ".join(words) or None, None)

    def _group(self, cue: str, paragraph: int, pos: int) -> Speaker:
        """*the two leaders*, *both ministers*: the two people named most recently."""
        people: list[Person] = []
        for n, m in enumerate(self.registry.previous_mentions(paragraph, pos)):
            if n > 200:
                break
            person = self.registry.get(m.person_id)
            if person is not None and person not in people:
                people.append(person)
            if len(people) == 2:
                break
        if len(people) < 2:
            return Speaker()
        people.reverse()  # in order of appearance
        return Speaker(people, " and ".join(p.name for p in people), None)

    def _pronoun(self, pronoun: str, paragraph: int, pos: int) -> Speaker:
        gender = PRONOUNS.get(pronoun)
        if gender == "p":
            if (
                self.last is not None
                and len(self.last.people) > 1
                and (self.last_at[0] >= paragraph - 1)
            ):
                return self.last
            return Speaker()
        if gender == "n":
            return self._document("the document") if self._documents else Speaker()
        text = self.paragraphs[paragraph]
        s_start, _ = sentence_bounds(text, pos)
        # 1. the subject of the same sentence, named before the pronoun
        in_sentence = self.registry.mentions_in(paragraph, s_start, pos)
        if in_sentence:
            person = self.registry.get(in_sentence[0].person_id)
            if person is not None and _compatible(person, gender):
                return self.speaker_of(person)
        # 2. the last speaker, if recent and no one else opened a sentence since
        last = self.last
        recent = last is not None and self.last_at[0] >= paragraph - 1
        if recent and len(last.people) == 1 and _compatible(last.people[0], gender):  # type: ignore[union-attr]
            newer = self._subject_since(paragraph, pos, gender)
            return newer if newer is not None else last  # type: ignore[return-value]
        # 3. the nearest compatible person named before
        # 3. the subject (first compatible person) of the nearest sentence naming one
        for n, m in enumerate(self.registry.previous_mentions(paragraph, pos)):
            if m.paragraph < paragraph - 2 or n > 50:
                break
            person = self.registry.get(m.person_id)
            if person is None or not _compatible(person, gender):
                continue
            m_text = self.paragraphs[m.paragraph]
            s_start, _ = sentence_bounds(m_text, m.start)
            for first in self.registry.mentions_in(m.paragraph, s_start, m.start):
                subject = self.registry.get(first.person_id)
                if subject is not None and _compatible(subject, gender):
                    return self.speaker_of(subject)
            return self.speaker_of(person)
        return Speaker()

    def _subject_since(self, paragraph: int, pos: int, gender: str | None) -> Speaker | None:
        """A compatible person opening a sentence (*Japan's Minister of Defense, Gen
        Nakatani, briefed ...*) after the last speaker was named and before ``pos``."""
        for n, m in enumerate(self.registry.previous_mentions(paragraph, pos)):
            if n > 20 or (m.paragraph, m.start) <= self.last_at:
                return None
            person = self.registry.get(m.person_id)
            if person is None or self.last is None or person in self.last.people:
                continue
            m_text = self.paragraphs[m.paragraph]
            s_start, _ = sentence_bounds(m_text, m.start)
            lead = m_text[s_start : m.start].split()
            if all(w[:1].isupper() or w in ("the", "of", "and") for w in lead) and _compatible(
                person, gender
            ):
                return self.speaker_of(person)
        return None


def _compatible(person: Person, gender: str | None) -> bool:
    return gender is None or person.gender is None or person.gender == gender
