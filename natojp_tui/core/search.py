"""In-memory quote search: the query language and a positional token index.

Pure (no file or network I/O; NumPy for the arrays). The store builds the index from one
:class:`QuoteRecord` per quote at import time (:meth:`SearchIndex.build`, ``add``,
``remove_article``), saves :meth:`SearchIndex.to_bytes` and reloads it at start-up with
:meth:`SearchIndex.from_bytes`, which tokenises nothing and fetches records only for the
page of hits asked for.

Matching rules
  * Text is folded before matching: lower case, accents stripped (``Müller`` ~ ``muller``).
    Folding keeps the length of the text, so spans found in the folded text are offsets
    into ``QuoteRecord.text``.
  * Words are runs of ``\\w`` characters. A query word matches every word *starting*
    with it (``part`` finds ``partners``); every word must match (AND).
  * A word typed with punctuation inside (``like-minded``, ``Abe's``) and a
    ``"quoted phrase"`` match consecutive words, punctuation between them ignored; each
    phrase word is whole except the last, which is a prefix (``"natural part`` while typing).
  * A word also matches the quotes of a speaker whose name has a word starting with it:
    ``Stoltenberg`` finds what Stoltenberg said (even without his name in the words)
    and the quotes that mention him; his own quotes come first.
  * Filters: ``speaker:NAME`` or ``speaker:"Fogh Rasmussen"`` (folded substring of the
    speaker name), ``kind:direct|partial|indirect`` (a prefix is enough; ``reported`` is
    ``indirect``), ``year:2013``, ``from:2013-04`` and ``to:2014`` (a year, month or day;
    both ends included), ``article:ID`` (prefix of the article id), ``is:starred``,
    ``source:NAME`` (a publisher by name, short name or alias: ``mofa``, ``kantei``) and
    ``visit:NAME`` (articles of a visit by or to NAME). ``source:`` and ``visit:`` name
    articles: the caller resolves them into :attr:`ParsedQuery.articles` (see
    ``resolve_articles``); an index asked without that checks ``source:`` record by record. From the user's own annotations (:class:`UserLayer`): ``has:note``,
    ``has:tag``, ``tag:NAME`` (a prefix of a tag of the quote or its article). Words and
    phrases also match the quote's note.

Order of results: quotes by a speaker the words name first; then newest ``published``
first (undated last), then article id, then the quote's paragraph and start offset, i.e.
reading order inside an article.

Design: records are laid out in result order, each record's words get consecutive
*global positions* (one unused position between records, so phrases never cross
records), and the vocabulary is kept sorted, so the postings of a word prefix are one
contiguous slice. Words found in many records also have a packed bitmap row. A query is
a few vectorised ORs, scatters and ANDs over boolean arrays; the total count and the
first page (already in result order) fall out of ``flatnonzero``.
"""

from __future__ import annotations

import contextlib
import re
import threading
import unicodedata
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

import numpy as np

from natojp_tui.core.framing import frame, unframe
from natojp_tui.core.model import QUOTE_KINDS

STATE_FORMAT = "natojp-search/1"
_WORD = re.compile(r"\w+")
_TOP = "\U0010ffff"  # sorts after every character: prefix + _TOP bounds a prefix range


# --------------------------------------------------------------------------- records


@dataclass(frozen=True, slots=True)
class QuoteRecord:
    """One searchable quote, as the store hands it over."""

    id: str
    text: str
    speaker: str | None
    kind: str
    article_id: str
    published: str | None  # ISO date ("2013-04-15"); a datetime or a bare year also works
    title: str = ""
    source: str | None = None
    starred: bool = False
    paragraph: int = 0  # position in the article, used to order quotes in reading order
    start: int = 0
    verb: str | None = None  # the reporting verb, so lists draw reported speech with it


class Hit:
    """A matching quote and the spans of ``record.text`` to highlight.

    Spans are found when first read, so a page of hits costs nothing for rows that are
    never drawn.
    """

    __slots__ = ("_pattern", "_spans", "record")

    def __init__(
        self,
        record: QuoteRecord,
        spans: list[tuple[int, int]] | None = None,
        pattern: re.Pattern[str] | None = None,
    ) -> None:
        self.record = record
        self._spans = spans
        self._pattern = pattern

    @property
    def spans(self) -> list[tuple[int, int]]:
        if self._spans is None:
            self._spans = _spans(self._pattern, self.record.text) if self._pattern else []
        return self._spans

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Hit):
            return NotImplemented
        return self.record == other.record and self.spans == other.spans

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Hit({self.record.id!r}, spans={self.spans!r})"


class SearchCancelled(Exception):
    """The caller's ``cancelled()`` turned true: the search stopped where it was."""


Cancelled = Callable[[], bool]


def _check(cancelled: Cancelled | None) -> None:
    if cancelled is not None and cancelled():
        raise SearchCancelled


@dataclass(slots=True)
class SearchResult:
    """One page of hits and the count of all matches."""

    hits: list[Hit]
    total: int
    query: ParsedQuery | None = None


# --------------------------------------------------------------------------- folding


class _FoldTable(dict):
    """``str.translate`` table, filled lazily: one character to one folded character."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        stripped = "".join(
            c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c)
        ).lower()
        lowered = ch.lower()
        value = stripped if len(stripped) == 1 else lowered if len(lowered) == 1 else ch
        self[code] = value
        return value


_FOLD = _FoldTable()


def fold(text: str) -> str:
    """Lower-case ``text`` and strip accents, keeping its length (offsets stay valid)."""
    if text.isascii():
        return text.lower()
    return text.translate(_FOLD)


def fold_query(text: str) -> str:
    """A typed query or name folded for matching: NFC first (a decomposed ``Kōno`` is
    the same as a composed one), then :func:`fold`. Used for every query and name filter."""
    return fold(unicodedata.normalize("NFC", text)).strip()


def words(text: str) -> list[str]:
    """The folded words of ``text``, as the index sees them."""
    return _WORD.findall(fold(text))


# --------------------------------------------------------------------------- queries


@dataclass(slots=True)
class ParsedQuery:
    """A search box's text, split into words, phrases and filters."""

    terms: list[str] = field(default_factory=list)  # folded words; each matches as a prefix
    phrases: list[str] = field(default_factory=list)  # folded, as typed between the quotes
    speaker: str | None = None  # folded substring of the speaker's name
    kind: str | None = None  # a full quote kind, e.g. "direct"
    year: int | None = None
    article: str | None = None  # folded prefix of the article id
    starred: bool = False
    has: list[str] = field(default_factory=list)  # "note", "tag"
    tags: list[str] = field(default_factory=list)  # folded tag prefixes
    date_from: date | None = None  # from: first day included
    date_to: date | None = None  # to: last day included
    source: str | None = None  # source: as typed (a name, short name or alias)
    visit: str | None = None  # visit: as typed (visitor, host or visit id)
    articles: frozenset[str] | None = None  # article ids source:/visit: resolved to
    problems: list[str] = field(default_factory=list)  # filters that were ignored, and why

    @property
    def has_filters(self) -> bool:
        return bool(
            self.speaker
            or self.kind
            or self.year is not None
            or self.article
            or self.starred
            or self.has
            or self.tags
            or self.date_from
            or self.date_to
            or self.source
            or self.visit
            or self.articles is not None
        )

    @property
    def is_empty(self) -> bool:
        """True when the query matches everything."""
        return not (self.terms or self.phrases or self.has_filters)


_QUERY_PART = re.compile(
    r'(?P<field>[A-Za-z]+):(?:"(?P<quoted>[^"]*)"?|(?P<value>\S*))'
    r'|"(?P<phrase>[^"]*)"?'
    r"|(?P<word>\S+)"
)
_SMART_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"'})
MAX_QUERY_PARTS = 64  # different words and phrases used from one query; repeats count once


def parse_query(q: str) -> ParsedQuery:
    """Parse the search box's text. Never raises; unusable filters land in ``problems``.

    The text is NFC-normalised first. Repeated words and phrases count once, and at most
    ``MAX_QUERY_PARTS`` different ones are used (the rest are named in ``problems``), so
    a pasted wall of text cannot make a search slow.
    """
    parsed = ParsedQuery()
    if not isinstance(q, str):
        return parsed
    q = unicodedata.normalize("NFC", q)
    for m in _QUERY_PART.finditer(q.translate(_SMART_QUOTES)):
        name = (m.group("field") or "").lower()
        if name in _FILTERS:
            value = m.group("quoted") if m.group("quoted") is not None else m.group("value")
            _FILTERS[name](parsed, value.strip())
        elif m.group("field"):
            parsed.terms.append(fold(m.group(0)))
        elif m.group("phrase") is not None:
            phrase = fold(m.group("phrase").strip())
            if _WORD.search(phrase):
                parsed.phrases.append(phrase)
        else:
            word = fold(m.group("word"))
            if _WORD.search(word):
                parsed.terms.append(word)
    _bound(parsed)
    return parsed


def _bound(pq: ParsedQuery) -> None:
    """Drop repeated words and phrases; keep at most ``MAX_QUERY_PARTS`` different ones."""
    pq.terms = list(dict.fromkeys(pq.terms))
    pq.phrases = list(dict.fromkeys(pq.phrases))
    parts = len(pq.terms) + len(pq.phrases)
    if parts > MAX_QUERY_PARTS:
        pq.terms = pq.terms[:MAX_QUERY_PARTS]
        pq.phrases = pq.phrases[: MAX_QUERY_PARTS - len(pq.terms)]
        pq.problems.append(
            f"{parts:,} different words and phrases; only the first {MAX_QUERY_PARTS} are used"
        )


def _speaker_filter(pq: ParsedQuery, value: str) -> None:
    if not value:
        pq.problems.append("speaker: needs a name (speaker:NAME)")
        return
    pq.speaker = fold_query(value) or None


_KIND_ALIASES = {"reported": "indirect", "quoted": "direct"}


def _kind_filter(pq: ParsedQuery, value: str) -> None:
    if not value:
        pq.problems.append(f"kind: needs a kind ({', '.join(QUOTE_KINDS)})")
        return
    value = next((k for a, k in _KIND_ALIASES.items() if a.startswith(value.lower())), value)
    found = [k for k in QUOTE_KINDS if k.startswith(value.lower())]
    if len(found) == 1:
        pq.kind = found[0]
    else:
        pq.problems.append(f"kind:{value} is not one of {', '.join(QUOTE_KINDS)}")


def _year_filter(pq: ParsedQuery, value: str) -> None:
    if len(value) == 4 and value.isascii() and value.isdigit():
        pq.year = int(value)
    else:
        pq.problems.append(f"year:{value} needs four digits (year:2013)")


def _article_filter(pq: ParsedQuery, value: str) -> None:
    if not value:
        pq.problems.append("article: needs an article id or its first characters")
        return
    pq.article = fold_query(value) or None


_DATE_VALUE = re.compile(r"(?P<y>\d{4})(?:-(?P<m>\d{1,2})(?:-(?P<d>\d{1,2}))?)?")


def date_range(value: str) -> tuple[date, date] | None:
    """First and last day of ``2013``, ``2013-04`` or ``2013-04-15``; None if not a date."""
    m = _DATE_VALUE.fullmatch(value)
    if not m:
        return None
    year, month, day = int(m["y"]), m["m"], m["d"]
    try:
        if day is not None:
            d = date(year, int(month), int(day))
            return d, d
        if month is not None:
            first = date(year, int(month), 1)
            nxt = date(year + (first.month == 12), first.month % 12 + 1, 1)
            return first, date.fromordinal(nxt.toordinal() - 1)
        return date(year, 1, 1), date(year, 12, 31)
    except ValueError:
        return None


def _date_span(pq: ParsedQuery, key: str, value: str) -> tuple[date, date] | None:
    """The days ``value`` names, or None (and a problem said) when it names none."""
    span = date_range(value) if value else None
    if value and span is None:
        pq.problems.append(f"{key}:{value} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
    return span


def _from_filter(pq: ParsedQuery, value: str) -> None:
    if (span := _date_span(pq, "from", value)) is not None:
        pq.date_from = span[0]


def _to_filter(pq: ParsedQuery, value: str) -> None:
    if (span := _date_span(pq, "to", value)) is not None:
        pq.date_to = span[1]


def _source_filter(pq: ParsedQuery, value: str) -> None:
    pq.source = value or None


def _visit_filter(pq: ParsedQuery, value: str) -> None:
    pq.visit = value or None


def _is_filter(pq: ParsedQuery, value: str) -> None:
    if value and "starred".startswith(value.lower()):
        pq.starred = True
    else:
        pq.problems.append(f"is:{value} is not known (try is:starred)")


HAS_VALUES = ("note", "tag", "star")


def _has_filter(pq: ParsedQuery, value: str) -> None:
    found = [h for h in HAS_VALUES if value and h.startswith(value.lower())]
    if len(found) == 1:
        if found[0] == "star":
            pq.starred = True
        else:
            pq.has.append(found[0])
    elif value:
        pq.problems.append(f"has:{value} is not one of {', '.join(HAS_VALUES)}")


def _tag_filter(pq: ParsedQuery, value: str) -> None:
    if value:
        pq.tags.append(fold(value))


_FILTERS: dict[str, Callable[[ParsedQuery, str], None]] = {
    "speaker": _speaker_filter,
    "kind": _kind_filter,
    "year": _year_filter,
    "article": _article_filter,
    "is": _is_filter,
    "has": _has_filter,
    "tag": _tag_filter,
    "from": _from_filter,
    "to": _to_filter,
    "source": _source_filter,
    "visit": _visit_filter,
}


@dataclass(frozen=True, slots=True)
class UserLayer:
    """The user's annotations, kept beside (never inside) the saved index.

    ``notes`` and ``tags`` are keyed by quote id, ``article_tags`` by article id (a
    quote matches ``tag:`` through its article's tags too); quotes of ``hidden``
    articles (removed by the user) match nothing.
    """

    notes: Mapping[str, str] = field(default_factory=dict)
    tags: Mapping[str, frozenset[str]] = field(default_factory=dict)
    article_tags: Mapping[str, frozenset[str]] = field(default_factory=dict)
    hidden: frozenset[str] = frozenset()

    @property
    def is_empty(self) -> bool:
        return not (self.notes or self.tags or self.article_tags or self.hidden)


# --------------------------------------------------------------------------- highlighting


def _highlighter(pq: ParsedQuery) -> re.Pattern[str] | None:
    """One regex over folded text finding every term and phrase, whole words highlighted."""
    parts = []
    for phrase in [*pq.terms, *pq.phrases]:
        ws = _WORD.findall(phrase)
        if ws:
            parts.append(r"(?<!\w)" + r"\W+".join(map(re.escape, ws)) + r"\w*")
    return re.compile("|".join(parts)) if parts else None


def highlight_spans(text: str, query: str | ParsedQuery) -> list[tuple[int, int]]:
    """Spans of ``text`` that a query's words and phrases match, sorted and merged."""
    pq = parse_query(query) if isinstance(query, str) else query
    pattern = _highlighter(pq)
    return _spans(pattern, text) if pattern else []


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for m in pattern.finditer(fold(text)):
        if spans and m.start() <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], m.end()))
        else:
            spans.append(m.span())
    return spans


# --------------------------------------------------------------------------- the index

BITMAP_SHARE = 32  # a word found in at least 1/32 of the records gets a bitmap


def _published_key(published: str | None) -> tuple[int, int]:
    """(date ordinal, year) of an ISO date/datetime or bare year; (0, 0) when unknown."""
    if not published:
        return 0, 0
    try:
        d = date.fromisoformat(published[:10])
        return d.toordinal(), d.year
    except ValueError:
        head = published[:4]
        if head.isdigit() and int(head) > 0:
            return date(int(head), 1, 1).toordinal(), int(head)
        return 0, 0


_ARRAYS = (
    "offsets", "postings", "doc_starts", "doc_of_pos", "doc_offsets", "doc_postings",
    "bitmap_rows", "bitmaps", "word_rank", "rank_at", "published", "years", "paragraphs",
    "starts", "kinds", "speakers", "articles",
)  # fmt: skip
_DERIVED = ("word_rank", "rank_at")  # computed on load when an older index lacks them
RANKED = 0xFFFE  # the most frequent words (at most this many) have a rank of their own
_GAP, _RARE = 0, 0xFFFF  # rank_at between records / at a word without a rank
_LISTS = ("ids", "vocab", "kind_names", "speaker_names", "article_names")


@dataclass(frozen=True, slots=True)
class _Snapshot:
    """Every array of the index, records in result order; replaced whole on each change.

    Two views of the same words: *positional* postings (every occurrence, for phrases)
    and *record* postings (each record once, for words), where a word found in many
    records is a packed bitmap row instead of a list.
    """

    ids: list[str]  # a _Strings (same reading interface) when reloaded from bytes
    vocab: list[str]  # sorted folded words
    offsets: np.ndarray  # int64 (V+1): positions of vocab[i] are postings[offsets[i]:offsets[i+1]]
    postings: np.ndarray  # int32 global positions, grouped by word, ascending inside a word
    doc_starts: np.ndarray  # int64 (n+1): record i's words sit at doc_starts[i]..doc_starts[i+1]-2
    doc_of_pos: np.ndarray  # int32 record of each global position
    doc_offsets: np.ndarray  # int64 (V+1) into doc_postings; empty for words with a bitmap
    doc_postings: np.ndarray  # int32 records, grouped by word
    bitmap_rows: np.ndarray  # int32 (V): row of the word in bitmaps, -1 when it has none
    bitmaps: np.ndarray  # uint8 (rows, ceil(n/8)): packed record bitmaps of frequent words
    word_rank: np.ndarray  # uint16 (V): 1 for the most frequent word, ...; _RARE past RANKED
    rank_at: np.ndarray  # uint16 the word_rank of the word at every global position, _GAP between
    published: np.ndarray  # int32 date ordinals, 0 when undated
    years: np.ndarray  # int16, 0 when undated
    paragraphs: np.ndarray  # int32
    starts: np.ndarray  # int32
    kinds: np.ndarray  # int16 codes into kind_names
    kind_names: list[str]
    speakers: np.ndarray  # int32 codes into speaker_names, -1 when unknown
    speaker_names: list[str]
    articles: np.ndarray  # int32 codes into article_names
    article_names: list[str]

    @property
    def size(self) -> int:
        return len(self.ids)

    def token_stream(self) -> np.ndarray:
        """Word codes at every global position, -1 on the gaps between records."""
        stream = np.full(int(self.doc_starts[-1]), -1, dtype=np.int32)
        counts = np.diff(self.offsets)
        stream[self.postings] = np.repeat(np.arange(len(self.vocab), dtype=np.int32), counts)
        return stream


@dataclass(slots=True)
class _Live:
    """A snapshot with what goes with it: starred flags and lookups built on demand."""

    snap: _Snapshot
    starred: np.ndarray  # bool per record, in result order
    records: dict[str, QuoteRecord]  # records handed over by build/add (others are fetched)
    _ranks: dict[str, int] | None = None
    _speakers: list[str] | None = None
    _speaker_words: tuple[list[str], list[int]] | None = None
    _articles: list[str] | None = None

    def ranks(self) -> dict[str, int]:
        if self._ranks is None:
            self._ranks = {qid: i for i, qid in enumerate(self.snap.ids)}
        return self._ranks

    FEW = 32  # ids looked up without the id -> rank map (it costs ~0.6 s at 1,000,000 quotes)

    def rank_of(self, quote_ids: Iterable[str]) -> list[int]:
        """Ranks of the indexed ``quote_ids`` (others left out). A few ids (a star, the
        starred quotes of a freshly opened index) are found through their article's
        records, without building :meth:`ranks`."""
        ids = list(quote_ids)
        if self._ranks is not None or len(ids) > self.FEW:
            ranks = self.ranks()
            return [r for r in (ranks.get(q) for q in ids) if r is not None]
        return [r for r in map(self._rank_by_article, ids) if r is not None]

    def _rank_by_article(self, quote_id: str) -> int | None:
        snap = self.snap
        article = quote_id.split(":", 1)[0]  # a quote id starts with its article's
        with contextlib.suppress(ValueError):
            code = snap.article_names.index(article)
            for i in np.flatnonzero(snap.articles == code).tolist():
                if snap.ids[i] == quote_id:
                    return i
        with contextlib.suppress(ValueError):  # an id of another shape: a scan in C
            return snap.ids.index(quote_id)
        return None

    _by_speaker: tuple[np.ndarray, np.ndarray] | None = None

    def speaker_records(self, codes: Iterable[int]) -> np.ndarray:
        """Records of the speakers with ``codes`` as a mask: each speaker's records are one
        slice of the records ordered by speaker (sorted once per snapshot), so a few
        speakers cost a few scatters, not a gather over every record."""
        if self._by_speaker is None:
            speakers = self.snap.speakers
            order = np.argsort(speakers, kind="stable")
            n = len(self.snap.speaker_names)
            bounds = np.searchsorted(speakers[order], np.arange(n + 1), side="left")
            self._by_speaker = (order, bounds)
        order, bounds = self._by_speaker
        mask = np.zeros(self.snap.size, dtype=bool)
        for code in codes:
            mask[order[bounds[code] : bounds[code + 1]]] = True
        return mask

    def folded_speakers(self) -> list[str]:
        if self._speakers is None:
            self._speakers = [fold(name) for name in self.snap.speaker_names]
        return self._speakers

    def speaker_words(self) -> tuple[list[str], list[int]]:
        """Every word of every folded speaker name, sorted, beside its speaker's code: the
        speakers with a name word starting with a prefix are one slice (no scan per keystroke)."""
        if self._speaker_words is None:
            pairs = sorted(
                {
                    (w, i)
                    for i, name in enumerate(self.folded_speakers())
                    for w in _WORD.findall(name)
                }
            )
            self._speaker_words = ([w for w, _ in pairs], [i for _, i in pairs])
        return self._speaker_words

    def folded_articles(self) -> list[str]:
        if self._articles is None:
            self._articles = [fold(name) for name in self.snap.article_names]
        return self._articles


class SearchIndex:
    """Quotes searchable by words, phrases and filters; see the module docstring.

    Searches may run in a worker thread while another thread adds or removes records:
    changes build a new snapshot and swap it in whole.
    """

    def __init__(
        self,
        snapshot: _Snapshot,
        fetch: Callable[[str], QuoteRecord] | None = None,
        starred: Iterable[str] = (),
    ) -> None:
        self._live = _Live(snapshot, np.zeros(snapshot.size, dtype=bool), {})
        self._fetch = fetch
        self._lock = threading.Lock()
        self._layer = UserLayer()
        self.tag = ""
        for quote_id in starred:
            self.set_starred(quote_id, True)

    # ----------------------------------------------------------------- construction

    @classmethod
    def build(
        cls,
        records: Iterable[QuoteRecord],
        fetch: Callable[[str], QuoteRecord] | None = None,
    ) -> SearchIndex:
        """Index ``records``. This tokenises every text (about 2 s per 100,000 quotes):
        do it at import time and persist :meth:`to_bytes`, not at every start-up."""
        index = cls(_empty_snapshot(), fetch=fetch)
        index.add(records)
        return index

    @classmethod
    def from_bytes(
        cls,
        data: bytes | memoryview,
        fetch: Callable[[str], QuoteRecord],
        starred: Iterable[str] = (),
    ) -> SearchIndex:
        """Reload an index saved by :meth:`to_bytes` (no tokenising, arrays not copied).

        ``fetch(quote_id)`` returns the record of a hit (only the page asked for is
        fetched); ``starred`` are the ids of starred quotes, kept by the store as user state.
        Raises ValueError when ``data`` is not a saved index of this format. The ``tag``
        given to :meth:`to_bytes` is back in :attr:`tag`, to tell a stale index.
        """
        snap, tag = _snapshot_from_bytes(data)
        index = cls(snap, fetch=fetch, starred=starred)
        index.tag = tag
        return index

    def to_bytes(self, tag: str = "") -> bytes:
        """The whole index (starred flags excluded) as bytes for :meth:`from_bytes`.

        ``tag`` is any short text saved alongside, e.g. a signature of the quotes file
        the index was built from.
        """
        return _snapshot_to_bytes(self._live.snap, tag)

    # ----------------------------------------------------------------- changes

    def __len__(self) -> int:
        return self._live.snap.size

    def __contains__(self, quote_id: object) -> bool:
        return isinstance(quote_id, str) and bool(self._live.rank_of([quote_id]))

    def add(self, records: Iterable[QuoteRecord]) -> None:
        """Index more records; a record whose id is already indexed is replaced."""
        new = list({r.id: r for r in records}.values())
        if not new:
            return
        with self._lock:
            old, flags = self._live.snap, self._live.starred
            replaced = {r.id for r in new}
            keep = [i for i, qid in enumerate(old.ids) if qid not in replaced]
            starred = {old.ids[i] for i in np.flatnonzero(flags)} - replaced
            starred |= {r.id for r in new if r.starred}
            kept = {**self._live.records, **{r.id: r for r in new}}
            self._install(_merge(old, keep, new), starred, kept)

    def remove_article(self, article_id: str) -> int:
        """Drop every quote of an article; returns how many were dropped."""
        with self._lock:
            old, flags = self._live.snap, self._live.starred
            if article_id not in old.article_names:
                return 0
            code = old.article_names.index(article_id)
            gone = old.articles == code
            starred = {old.ids[i] for i in np.flatnonzero(flags & ~gone)}
            records = dict(self._live.records)
            for i in np.flatnonzero(gone).tolist():
                records.pop(old.ids[i], None)
            self._install(_merge(old, np.flatnonzero(~gone).tolist(), []), starred, records)
            return int(gone.sum())

    def set_starred(self, quote_id: str, starred: bool) -> bool:
        """Mark a quote starred or not; False when the id is not indexed."""
        with self._lock:
            live = self._live
            found = live.rank_of([quote_id])
            if not found:
                return False
            live.starred[found[0]] = starred
            return True

    def quote_ids_of(self, article_id: str) -> list[str]:
        """Ids of an article's indexed quotes, in result order (the user layer ignored)."""
        snap = self._live.snap
        if article_id not in snap.article_names:
            return []
        code = snap.article_names.index(article_id)
        return [snap.ids[i] for i in np.flatnonzero(snap.articles == code).tolist()]

    def replace_starred(self, quote_ids: Iterable[str]) -> None:
        """Star exactly ``quote_ids`` (ids not indexed are ignored)."""
        with self._lock:
            live = self._live
            flags = np.zeros(live.snap.size, dtype=bool)
            found = live.rank_of(quote_ids)
            if found:
                flags[found] = True
            live.starred = flags

    def set_user_layer(self, layer: UserLayer) -> None:
        """Replace the notes, tags and hidden articles queries see (swapped in whole)."""
        self._layer = layer

    @property
    def user_layer(self) -> UserLayer:
        return self._layer

    def _install(
        self, snap: _Snapshot, starred_ids: set[str], records: dict[str, QuoteRecord]
    ) -> None:
        flags = np.zeros(snap.size, dtype=bool)
        if starred_ids:
            flags[[i for i, qid in enumerate(snap.ids) if qid in starred_ids]] = True
        self._live = _Live(snap, flags, records)

    # ----------------------------------------------------------------- search

    def search(
        self,
        query: str | ParsedQuery,
        limit: int = 200,
        offset: int = 0,
        *,
        cancelled: Cancelled | None = None,
    ) -> SearchResult:
        """The page ``[offset, offset + limit)`` of matches in result order, and their count.

        ``cancelled`` is asked between steps (each word, phrase and fetched hit); when it
        says true the search raises :class:`SearchCancelled` instead of finishing.
        """
        pq = parse_query(query) if isinstance(query, str) else query
        live = self._live
        snap, starred = live.snap, live.starred
        mask = self._mask(live, pq, cancelled)
        offset, limit = max(offset, 0), max(limit, 0)
        if mask is None:
            total = snap.size
            page: Iterable[int] = range(offset, min(total, offset + limit))
        else:
            matches = _ranked(live, pq, np.flatnonzero(mask))
            total = len(matches)
            page = matches[offset : offset + limit].tolist()
        pattern = _highlighter(pq)
        hits = []
        for rank in page:
            _check(cancelled)
            record = self._record(live, snap.ids[rank])
            if record.starred != bool(starred[rank]):
                record = replace(record, starred=bool(starred[rank]))
            hits.append(Hit(record, pattern=pattern))
        return SearchResult(hits, total, pq)

    def count(self, query: str | ParsedQuery) -> int:
        """How many quotes match, without fetching any."""
        return self.search(query, limit=0).total

    def ids(self, query: str | ParsedQuery) -> list[str]:
        """Ids of every matching quote, in result order (no records fetched)."""
        pq = parse_query(query) if isinstance(query, str) else query
        live = self._live
        snap = live.snap
        mask = self._mask(live, pq)
        if mask is None:
            return list(snap.ids)
        return [snap.ids[i] for i in _ranked(live, pq, np.flatnonzero(mask)).tolist()]

    def _mask(
        self, live: _Live, pq: ParsedQuery, cancelled: Cancelled | None = None
    ) -> np.ndarray | None:
        """``_match``, plus ``source:`` checked on each candidate's record when the caller
        did not resolve it into ``pq.articles``."""
        mask = _match(live, pq, self._layer, cancelled)
        if not pq.source or pq.articles is not None:
            return mask
        from natojp_tui.core.sources import source_matches

        candidates = np.flatnonzero(mask) if mask is not None else range(live.snap.size)
        keep = np.zeros(live.snap.size, dtype=bool)
        sources: dict[str, bool] = {}
        for rank in candidates:
            record = self._record(live, live.snap.ids[rank])
            if record.article_id not in sources:
                sources[record.article_id] = source_matches(pq.source, record.source)
            keep[rank] = sources[record.article_id]
        return keep

    def _record(self, live: _Live, quote_id: str) -> QuoteRecord:
        record = live.records.get(quote_id)
        if record is None:
            if self._fetch is None:
                raise KeyError(quote_id)
            record = self._fetch(quote_id)
        return record


# --------------------------------------------------------------------------- matching


def _ranks_mask(live: _Live, ids: Iterable[str]) -> np.ndarray:
    mask = np.zeros(live.snap.size, dtype=bool)
    ranks = live.ranks()
    found = [r for r in (ranks.get(i) for i in ids) if r is not None]
    if found:
        mask[found] = True
    return mask


def _article_mask(live: _Live, article_ids: Iterable[str]) -> np.ndarray:
    snap = live.snap
    names = {a: n for n, a in enumerate(snap.article_names)}
    wanted = [names[a] for a in article_ids if a in names]
    return _codes_mask(snap.articles, len(snap.article_names), wanted)


def _note_mask(live: _Live, layer: UserLayer, text: str) -> np.ndarray | None:
    """Quotes whose note has ``text``'s words (the last one a prefix), or None if none."""
    ws = _WORD.findall(text)
    if not ws or not layer.notes:
        return None
    pattern = re.compile(r"(?<!\w)" + r"\W+".join(map(re.escape, ws)))
    ids = [qid for qid, note in layer.notes.items() if pattern.search(fold(note))]
    return _ranks_mask(live, ids) if ids else None


def _user_masks(live: _Live, pq: ParsedQuery, layer: UserLayer) -> list[np.ndarray]:
    masks: list[np.ndarray] = []
    if layer.hidden:
        masks.append(~_article_mask(live, layer.hidden))
    if "note" in pq.has:
        masks.append(_ranks_mask(live, (q for q, n in layer.notes.items() if n.strip())))
    if "tag" in pq.has:
        masks.append(
            _ranks_mask(live, (q for q, t in layer.tags.items() if t))
            | _article_mask(live, (a for a, t in layer.article_tags.items() if t))
        )
    for wanted in pq.tags:
        masks.append(
            _ranks_mask(
                live, (q for q, t in layer.tags.items() if any(x.startswith(wanted) for x in t))
            )
            | _article_mask(
                live,
                (a for a, t in layer.article_tags.items() if any(x.startswith(wanted) for x in t)),
            )
        )
    return masks


def _speaker_word_mask(live: _Live, word: str) -> np.ndarray | None:
    """Records whose speaker has a name word starting with ``word`` (None: no such speaker)."""
    if not _WORD.fullmatch(word):
        return None
    words, codes = live.speaker_words()
    first = bisect_left(words, word)
    wanted = sorted(set(codes[first : bisect_left(words, word + "\U0010ffff", first)]))
    if not wanted:
        return None
    return live.speaker_records(wanted)


def _ranked(live: _Live, pq: ParsedQuery, matches: np.ndarray) -> np.ndarray:
    """Matches (in result order) with the quotes of a speaker the words name first."""
    if pq.speaker or not pq.terms or not len(matches):
        return matches
    named = [m for m in (_speaker_word_mask(live, t) for t in pq.terms) if m is not None]
    if not named:
        return matches
    by_speaker = np.logical_or.reduce(named)[matches]
    return np.concatenate([matches[by_speaker], matches[~by_speaker]])


def _match(
    live: _Live,
    pq: ParsedQuery,
    layer: UserLayer | None = None,
    cancelled: Cancelled | None = None,
) -> np.ndarray | None:
    """Boolean array over records (result order); None when everything matches."""
    snap = live.snap
    layer = layer or UserLayer()
    masks: list[np.ndarray] = _user_masks(live, pq, layer)
    if pq.date_from is not None:
        masks.append(snap.published >= pq.date_from.toordinal())
    if pq.date_to is not None:
        masks.append((snap.published > 0) & (snap.published <= pq.date_to.toordinal()))
    if pq.articles is not None:
        index = {name: i for i, name in enumerate(snap.article_names)}
        wanted = [index[a] for a in pq.articles if a in index]
        masks.append(_codes_mask(snap.articles, len(snap.article_names), wanted))
    if pq.starred:
        masks.append(live.starred)
    if pq.kind is not None:
        code = snap.kind_names.index(pq.kind) if pq.kind in snap.kind_names else -1
        masks.append(snap.kinds == code)
    if pq.year is not None:
        masks.append(snap.years == pq.year)
    if pq.speaker:
        wanted = [i for i, name in enumerate(live.folded_speakers()) if pq.speaker in name]
        masks.append(_codes_mask(snap.speakers, len(snap.speaker_names), wanted))
    if pq.article:
        wanted = [i for i, a in enumerate(live.folded_articles()) if a.startswith(pq.article)]
        masks.append(_codes_mask(snap.articles, len(snap.article_names), wanted))
    for text in pq.terms:
        _check(cancelled)
        ws = _WORD.findall(text)
        if len(ws) == 1:
            mask = _prefix_mask(snap, ws[0])
            if not pq.speaker and (named := _speaker_word_mask(live, ws[0])) is not None:
                mask |= named  # "Stoltenberg": his quotes too, not only those naming him
        elif ws:
            mask = _phrase_mask(snap, ws)
        else:
            continue
        in_notes = _note_mask(live, layer, text)
        masks.append(mask if in_notes is None else mask | in_notes)
    for text in pq.phrases:
        _check(cancelled)
        ws = _WORD.findall(text)
        if len(ws) == 1:
            mask = _prefix_mask(snap, ws[0])
        elif ws:
            mask = _phrase_mask(snap, ws)
        else:
            continue
        in_notes = _note_mask(live, layer, text)
        masks.append(mask if in_notes is None else mask | in_notes)
    if not masks:
        return None
    result = masks[0].copy() if len(masks) > 1 else masks[0]
    for m in masks[1:]:
        result &= m
    return result


def _word_range(snap: _Snapshot, word: str, prefix: bool) -> tuple[int, int]:
    """Range of vocabulary codes: ``word`` alone, or every word starting with it."""
    lo = bisect_left(snap.vocab, word)
    if prefix:
        return lo, bisect_left(snap.vocab, word + _TOP, lo)
    return lo, lo + 1 if lo < len(snap.vocab) and snap.vocab[lo] == word else lo


def _prefix_mask(snap: _Snapshot, word: str) -> np.ndarray:
    """Records holding a word that starts with ``word``: bitmap rows OR record postings."""
    lo, hi = _word_range(snap, word, prefix=True)
    rows = snap.bitmap_rows[lo:hi]
    rows = rows[rows >= 0]
    if len(rows):
        packed = np.bitwise_or.reduce(snap.bitmaps[rows], axis=0)
        mask = np.unpackbits(packed, count=snap.size).view(bool)
    else:
        mask = np.zeros(snap.size, dtype=bool)
    mask[snap.doc_postings[snap.doc_offsets[lo] : snap.doc_offsets[hi]]] = True
    return mask


def _phrase_mask(snap: _Snapshot, ws: list[str]) -> np.ndarray:
    """Records where ``ws`` follow each other; the last word matches as a prefix.

    Starts from the word with the fewest occurrences and reads, at the offsets of the
    other words, the rank of the word found there (``rank_at``): one gather per word,
    however common it is (``"and the"``), instead of a scan of its occurrences.
    """
    ranges = [_word_range(snap, w, prefix=i == len(ws) - 1) for i, w in enumerate(ws)]
    counts = [int(snap.offsets[hi] - snap.offsets[lo]) for lo, hi in ranges]
    anchor = min(range(len(ws)), key=counts.__getitem__)
    lo, hi = ranges[anchor]
    starts = snap.postings[snap.offsets[lo] : snap.offsets[hi]] - np.int32(anchor)
    if len(starts) and (starts.min() < 0 or int(starts.max()) + len(ws) > len(snap.rank_at)):
        # a phrase starting before the first position or running past the last never matches
        starts = starts[(starts >= 0) & (starts <= len(snap.rank_at) - len(ws))]
    for i, (lo, hi) in enumerate(ranges):
        if i != anchor and len(starts):
            starts = np.compress(_word_at(snap, starts + np.int32(i), lo, hi), starts)
    mask = np.zeros(snap.size, dtype=bool)
    mask[snap.doc_of_pos[starts]] = True
    return mask


def _word_at(snap: _Snapshot, at: np.ndarray, lo: int, hi: int) -> np.ndarray:
    """Whether the word at each global position ``at`` is one of vocabulary codes
    ``[lo, hi)``: its rank read from ``rank_at``; a word without a rank (rarer than the
    ``RANKED`` most frequent) is looked up in its own few occurrences."""
    member_ranks = snap.word_rank[lo:hi]
    found = np.take(snap.rank_at, at)
    if hi - lo == 1:
        ok = found == member_ranks[0]
    else:
        wanted = np.zeros(_RARE + 1, dtype=bool)
        wanted[member_ranks] = True
        ok = wanted[found]
    rare = lo + np.flatnonzero(member_ranks == _RARE)
    if not len(rare):
        return ok
    ok &= found != _RARE
    unranked = np.flatnonzero(found == _RARE)
    if len(unranked):
        lengths = snap.offsets[rare + 1] - snap.offsets[rare]
        occurrences = np.sort(snap.postings[_ranges(snap.offsets[rare], lengths)])
        if len(occurrences):
            where = at[unranked]
            idx = np.minimum(np.searchsorted(occurrences, where), len(occurrences) - 1)
            ok[unranked] = occurrences[idx] == where
    return ok


def _ranks(word_counts: np.ndarray) -> np.ndarray:
    """Each word's rank by occurrences (1 = most frequent); ``_RARE`` past ``RANKED``."""
    order = np.argsort(-word_counts, kind="stable")[:RANKED]
    word_rank = np.full(len(word_counts), _RARE, dtype=np.uint16)
    word_rank[order] = np.arange(1, len(order) + 1, dtype=np.uint16)
    return word_rank


def _rank_arrays(snap: _Snapshot) -> tuple[np.ndarray, np.ndarray]:
    """``word_rank`` and ``rank_at`` of an index saved before they were (from its postings)."""
    counts = np.diff(snap.offsets)
    word_rank = _ranks(counts)
    rank_at = np.zeros(int(snap.doc_starts[-1]) if len(snap.doc_starts) else 0, dtype=np.uint16)
    rank_at[snap.postings] = np.repeat(word_rank, counts)
    return word_rank, rank_at


def _codes_mask(codes: np.ndarray, n_codes: int, wanted: list[int]) -> np.ndarray:
    table = np.zeros(n_codes + 1, dtype=bool)  # the extra last slot is code -1
    table[wanted] = True
    return table[codes]


# --------------------------------------------------------------------------- layout


def _empty_snapshot() -> _Snapshot:
    i32, i64 = np.zeros(0, dtype=np.int32), np.zeros(1, dtype=np.int64)
    return _Snapshot(
        ids=[], vocab=[], offsets=i64, postings=i32, doc_starts=i64, doc_of_pos=i32,
        doc_offsets=i64, doc_postings=i32, bitmap_rows=i32,
        bitmaps=np.zeros((0, 0), dtype=np.uint8), word_rank=np.zeros(0, dtype=np.uint16),
        rank_at=np.zeros(0, dtype=np.uint16), published=i32,
        years=np.zeros(0, dtype=np.int16), paragraphs=i32, starts=i32,
        kinds=np.zeros(0, dtype=np.int16), kind_names=list(QUOTE_KINDS),
        speakers=i32, speaker_names=[], articles=i32, article_names=[],
    )  # fmt: skip


def _codes(values: Sequence[str | None], names: list[str]) -> np.ndarray:
    """Codes of ``values`` into ``names`` (extended in place); -1 for None."""
    index = {name: i for i, name in enumerate(names)}
    out = []
    for v in values:
        if v is None:
            out.append(-1)
            continue
        code = index.get(v)
        if code is None:
            code = index[v] = len(names)
            names.append(v)
        out.append(code)
    return np.array(out, dtype=np.int32)


def _compact(codes: np.ndarray, names: list[str]) -> tuple[np.ndarray, list[str]]:
    """Drop names no record uses any more."""
    used = np.unique(codes[codes >= 0])
    if len(used) == len(names):
        return codes, names
    remap = np.full(len(names) + 1, -1, dtype=np.int32)
    remap[used] = np.arange(len(used), dtype=np.int32)
    return remap[codes], [names[i] for i in used.tolist()]


def _years_of(published: np.ndarray) -> np.ndarray:
    """Calendar year of each date ordinal (0 stays 0)."""
    ordinals, inverse = np.unique(published, return_inverse=True)
    years = [date.fromordinal(int(o)).year if o > 0 else 0 for o in ordinals.tolist()]
    return np.asarray(years, dtype=np.int16)[inverse.reshape(-1)]


def _merge(old: _Snapshot, keep: list[int], new: list[QuoteRecord]) -> _Snapshot:
    """A snapshot of ``old``'s records at ranks ``keep`` plus ``new``, laid out afresh."""
    keep_idx = np.asarray(keep, dtype=np.int64)
    new_words = [_WORD.findall(fold(r.text)) for r in new]
    vocab = sorted(set(old.vocab).union(*new_words)) if new_words else list(old.vocab)
    code_of = {w: i for i, w in enumerate(vocab)}

    # word codes of every record as one flat stream, kept records first, then new ones
    old_stream = old.token_stream()
    if len(vocab) != len(old.vocab):
        remap = np.fromiter((code_of[w] for w in old.vocab), np.int32, len(old.vocab))
        old_stream = np.where(old_stream >= 0, remap[np.maximum(old_stream, 0)], -1)
    kept_lengths = (np.diff(old.doc_starts) - 1)[keep_idx]
    kept_stream = old_stream[_ranges(old.doc_starts[:-1][keep_idx], kept_lengths)]
    new_lengths = np.fromiter(map(len, new_words), np.int64, len(new))
    flat_new = [w for ws in new_words for w in ws]
    new_stream = np.fromiter(map(code_of.__getitem__, flat_new), np.int32, len(flat_new))
    stream = np.concatenate([kept_stream, new_stream]).astype(np.int32)
    lengths = np.concatenate([kept_lengths, new_lengths]).astype(np.int64)
    stream_starts = np.concatenate([[0], np.cumsum(lengths)[:-1]]).astype(np.int64)

    # per-record columns in the same order
    dated = [_published_key(r.published)[0] for r in new]
    ids = [old.ids[i] for i in keep] + [r.id for r in new]
    published = np.concatenate([old.published[keep_idx], np.array(dated, dtype=np.int32)])
    paragraphs = np.concatenate(
        [old.paragraphs[keep_idx], np.array([r.paragraph for r in new], dtype=np.int32)]
    )
    starts = np.concatenate(
        [old.starts[keep_idx], np.array([r.start for r in new], dtype=np.int32)]
    )
    kind_names = list(old.kind_names)
    kinds = np.concatenate(
        [old.kinds[keep_idx], _codes([r.kind for r in new], kind_names).astype(np.int16)]
    )
    speaker_names = list(old.speaker_names)
    speakers = np.concatenate(
        [old.speakers[keep_idx], _codes([r.speaker for r in new], speaker_names)]
    )
    article_names = list(old.article_names)
    articles = np.concatenate(
        [old.articles[keep_idx], _codes([r.article_id for r in new], article_names)]
    )
    speakers, speaker_names = _compact(speakers, speaker_names)
    articles, article_names = _compact(articles, article_names)

    # result order: newest first (undated last), article id, paragraph, start
    by_name = sorted(range(len(article_names)), key=article_names.__getitem__)
    article_rank = np.empty(len(article_names), dtype=np.int64)
    article_rank[by_name] = np.arange(len(article_names))
    order = np.lexsort((starts, paragraphs, article_rank[articles], -published.astype(np.int64)))

    lengths = lengths[order]
    stream = stream[_ranges(stream_starts[order], lengths)]
    published = published[order]
    return _Snapshot(
        ids=[ids[i] for i in order.tolist()],
        vocab=vocab,
        **_postings(stream, lengths, len(vocab)),
        published=published,
        years=_years_of(published),
        paragraphs=paragraphs[order],
        starts=starts[order],
        kinds=kinds[order],
        kind_names=kind_names,
        speakers=speakers[order],
        speaker_names=speaker_names,
        articles=articles[order],
        article_names=article_names,
    )


def _postings(stream: np.ndarray, lengths: np.ndarray, n_words: int) -> dict[str, np.ndarray]:
    """Positional and record postings of word codes ``stream`` (records of ``lengths``)."""
    n = len(lengths)
    doc_starts = np.concatenate([[0], np.cumsum(lengths + 1)]).astype(np.int64)
    doc_index = np.repeat(np.arange(n, dtype=np.int64), lengths)
    positions = np.arange(len(stream), dtype=np.int64) + doc_index
    by_word = np.argsort(stream, kind="stable")
    word_counts = np.bincount(stream, minlength=n_words)

    # each (word, record) once, grouped by word, records ascending (by_word is stable)
    words_sorted, docs_sorted = stream[by_word], doc_index[by_word]
    first = np.ones(len(stream), dtype=bool)
    first[1:] = (words_sorted[1:] != words_sorted[:-1]) | (docs_sorted[1:] != docs_sorted[:-1])
    pair_words, pair_docs = words_sorted[first], docs_sorted[first].astype(np.int32)
    df = np.bincount(pair_words, minlength=n_words)
    frequent = df * BITMAP_SHARE >= max(n, 1)
    frequent_words = np.flatnonzero(frequent)
    bitmap_rows = np.full(n_words, -1, dtype=np.int32)
    bitmap_rows[frequent_words] = np.arange(len(frequent_words), dtype=np.int32)
    in_bitmap = frequent[pair_words]
    dense = np.zeros((len(frequent_words), n), dtype=bool)
    dense[bitmap_rows[pair_words[in_bitmap]], pair_docs[in_bitmap]] = True
    listed = np.where(frequent, 0, df)
    word_rank = _ranks(word_counts)
    rank_at = np.zeros(int(doc_starts[-1]), dtype=np.uint16)  # _GAP between records
    rank_at[positions] = word_rank[stream]
    return {
        "offsets": np.concatenate([[0], np.cumsum(word_counts)]).astype(np.int64),
        "postings": positions[by_word].astype(np.int32),
        "doc_starts": doc_starts,
        "doc_of_pos": np.repeat(np.arange(n, dtype=np.int32), np.diff(doc_starts)),
        "doc_offsets": np.concatenate([[0], np.cumsum(listed)]).astype(np.int64),
        "doc_postings": pair_docs[~in_bitmap],
        "bitmap_rows": bitmap_rows,
        "bitmaps": np.packbits(dense, axis=1) if n else np.zeros((0, 0), dtype=np.uint8),
        "word_rank": word_rank,
        "rank_at": rank_at,
    }


def _ranges(starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Indexes of the concatenated ranges ``[starts[i], starts[i] + lengths[i])``."""
    total = int(lengths.sum())
    if total == 0:
        return np.zeros(0, dtype=np.int64)
    ends = np.cumsum(lengths)
    shift = np.repeat(starts.astype(np.int64) - (ends - lengths), lengths)
    return np.arange(total, dtype=np.int64) + shift


# --------------------------------------------------------------------------- bytes

_MAGIC = b"NATOJP-SEARCH\x00v1\n"
_SEP = "\x1e"  # record separator: never part of a word, id or name after text hygiene


def _snapshot_to_bytes(snap: _Snapshot, tag: str) -> bytes:
    """Layout: magic, 8-byte header length, JSON header, then each array's raw bytes."""
    blobs: list[bytes] = []
    header: dict[str, Any] = {"tag": tag, "lists": {}, "arrays": {}}
    offset = 0
    for name in _LISTS:
        values: list[str] = getattr(snap, name)
        if any(_SEP in v for v in values):
            raise ValueError(f"a value in {name} holds the separator character U+001E")
        blob = _SEP.join(values).encode("utf-8")
        header["lists"][name] = [offset, len(blob), len(values)]
        blobs.append(blob)
        offset += len(blob)
    for name in _ARRAYS:
        array = np.ascontiguousarray(getattr(snap, name))
        little = array.astype(array.dtype.newbyteorder("<"), copy=False)
        pad = -offset % 8
        blobs.append(b"\0" * pad)
        offset += pad
        header["arrays"][name] = [offset, little.dtype.str, list(little.shape)]
        blobs.append(little.tobytes())
        offset += little.nbytes
    return frame(_MAGIC, header, blobs)


_LAZY_LISTS = frozenset({"ids"})  # a million quote ids: split only when walked


class _Strings(Sequence[str]):
    """A saved list of strings (UTF-8, ``_SEP`` between them): one item is decoded on
    its own; walking it splits the whole list once. Reloading an index of 1,000,000
    quotes does not build a million strings to show one page of hits."""

    __slots__ = ("_all", "_ends", "_raw")

    def __init__(self, raw: bytes) -> None:
        self._raw = raw
        self._ends = np.flatnonzero(np.frombuffer(raw, dtype=np.uint8) == ord(_SEP))
        self._all: list[str] | None = None

    def _list(self) -> list[str]:
        if self._all is None:
            self._all = self._raw.decode("utf-8").split(_SEP)
        return self._all

    def __len__(self) -> int:
        return len(self._ends) + 1

    def __getitem__(self, i):
        if self._all is not None or isinstance(i, slice):
            return self._list()[i]
        n = len(self)
        i = int(i) + n if i < 0 else int(i)
        if not 0 <= i < n:
            raise IndexError("list index out of range")
        start = int(self._ends[i - 1]) + 1 if i else 0
        end = int(self._ends[i]) if i < n - 1 else len(self._raw)
        return self._raw[start:end].decode("utf-8")

    def __iter__(self) -> Iterator[str]:
        return iter(self._list())

    def index(self, value: Any, start: int = 0, stop: int | None = None) -> int:
        if self._all is not None or start or stop is not None or not isinstance(value, str):
            return self._list().index(value, start, *(() if stop is None else (stop,)))
        needle, raw, sep = value.encode("utf-8"), self._raw, ord(_SEP)
        at = raw.find(needle)
        while at >= 0:
            end = at + len(needle)
            if (at == 0 or raw[at - 1] == sep) and (end == len(raw) or raw[end] == sep):
                return int(np.searchsorted(self._ends, at))
            at = raw.find(needle, at + 1)
        raise ValueError(f"{value!r} is not in list")


def _snapshot_from_bytes(data: bytes | memoryview) -> tuple[_Snapshot, str]:
    view = memoryview(data)
    if bytes(view[: len(_MAGIC)]) != _MAGIC:
        raise ValueError("not a natojp search index (or written by another version)")
    try:
        header, body = unframe(view, _MAGIC)
        fields: dict[str, Any] = {}
        for name, (at, length, count) in header["lists"].items():
            raw = bytes(body[at : at + length])
            if not count:
                fields[name] = []
            elif name in _LAZY_LISTS:
                fields[name] = _Strings(raw)
            else:
                fields[name] = raw.decode("utf-8").split(_SEP)
        for name, (at, dtype, shape) in header["arrays"].items():
            dt = np.dtype(dtype)
            count = int(np.prod(shape)) if shape else 1
            array = np.frombuffer(body, dtype=dt, count=count, offset=at).reshape(shape)
            fields[name] = array if dt.isnative else array.astype(dt.newbyteorder("="))
        missing = [name for name in _DERIVED if name not in fields]
        fields.update(dict.fromkeys(missing, np.zeros(0, dtype=np.uint16)))
        snap = _Snapshot(**fields)
        if missing:  # saved before phrases read ranks: computed once, kept in memory
            word_rank, rank_at = _rank_arrays(snap)
            snap = replace(snap, word_rank=word_rank, rank_at=rank_at)
        return snap, str(header.get("tag", ""))
    except (KeyError, TypeError, ValueError) as exc:
        raise ValueError(f"damaged search index: {exc}") from exc


# --------------------------------------------------------------------------- article filters


def resolve_articles(
    pq: ParsedQuery,
    sources: dict[str, str | None],
    visits: Iterable[Any] = (),
) -> ParsedQuery:
    """``pq`` with ``source:`` and ``visit:`` turned into the article ids they name.

    ``sources`` maps every article id to its publisher; ``visits`` are
    :class:`natojp_tui.core.timeline.Visit` objects (``visit:`` matches a folded part of
    the visitor, the host or the visit id). A filter that names no article is reported
    in ``problems`` and matches nothing.
    """
    from natojp_tui.core.sources import source_matches

    if not pq.source and not pq.visit:
        return pq
    ids: set[str] | None = None
    problems = list(pq.problems)
    if pq.source:
        ids = {aid for aid, source in sources.items() if source_matches(pq.source, source)}
        if not ids:
            problems.append(f"source:{pq.source} names no publisher in the library")
    if pq.visit:
        needle = fold(pq.visit)
        found = [
            v
            for v in visits
            if needle in fold(v.visitor) or needle in fold(v.host) or fold(v.id).startswith(needle)
        ]
        in_visits = {aid for v in found for aid in v.article_ids}
        if not found:
            problems.append(f"visit:{pq.visit} matches no visit")
        ids = in_visits if ids is None else ids & in_visits
    return replace(pq, articles=frozenset(ids or ()), problems=problems)
