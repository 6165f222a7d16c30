"""The analysed article: every paragraph read once, for every stage to share.

An ``AnalysedText`` is one paragraph with what the extractors read from it: its
quotation spans (from the one quote-mark scanner, over the whole article so quotes can
run across paragraphs), its sentence ends, its speech-verb matches, its masked narrative
text (quoted passages replaced by ``~``, offsets kept) and the sentences of that, and its
capitalised name runs. Each is computed the first time a stage asks for it and kept on
the text, so no stage re-scans a paragraph and no cache outlives the article.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from natojp_tui.core.lexicon.speech import VERB_RE
from natojp_tui.core.text.marks import QuoteSpan, find_quote_spans
from natojp_tui.core.text.runs import RUN_RE
from natojp_tui.core.text.sentences import is_title, mask_quotes, sentence_ends, split_sentences

# Only this many characters of one paragraph are analysed (no real paragraph comes close;
# the cap keeps a pathological multi-megabyte paragraph well under a second).
MAX_PARAGRAPH_CHARS = 100_000
WINDOW = 160  # characters looked at around a quote or verb for a cue


class AnalysedText:
    """One paragraph and what reading it once gives (each part computed when first asked
    for)."""

    __slots__ = (
        "_end_ends",
        "_end_starts",
        "_ends",
        "_masked",
        "_runs",
        "_sentences",
        "_verb_starts",
        "_verbs",
        "quotes",
        "text",
    )

    def __init__(self, text: str, quotes: Sequence[QuoteSpan] = ()) -> None:
        self.text = text
        self.quotes: tuple[QuoteSpan, ...] = tuple(quotes)
        self._end_starts: list[int] | None = None
        self._end_ends: list[int] = []
        self._ends: list[tuple[int, int, int]] = []
        self._verbs: list[re.Match[str]] | None = None
        self._verb_starts: list[int] = []
        self._masked: str | None = None
        self._sentences: list[tuple[int, int]] | None = None
        self._runs: list[re.Match[str]] | None = None

    def __repr__(self) -> str:
        return f"AnalysedText({self.text[:40]!r}…)"

    # sentences of the raw text, as attribution reads them

    def sentence_ends(self) -> tuple[list[int], list[int]]:
        """Starts and ends of the sentence-ending punctuation (closing marks included),
        from the one sentence splitter (``sentences.sentence_ends``)."""
        if self._end_starts is None:
            ends = self._ends = sentence_ends(self.text)
            self._end_starts = [dot for dot, _, _ in ends]
            self._end_ends = [closed for _, closed, _ in ends]
        return self._end_starts, self._end_ends

    def sentence_bounds(self, pos: int) -> tuple[int, int]:
        """Start and end of the sentence around ``pos`` (at most WINDOW*3 chars away)."""
        text = self.text
        end_starts, end_ends = self.sentence_ends()
        lo = max(0, pos - WINDOW * 3)
        k = bisect_right(end_ends, pos) - 1
        start = max(lo, end_ends[k]) if k >= 0 else lo
        hi = min(len(text), pos + WINDOW * 3)
        k = bisect_left(end_starts, pos)
        end = min(hi, end_ends[k]) if k < len(end_starts) else hi
        while start < end and text[start].isspace():
            start += 1
        return start, end

    # speech verbs

    def verbs(self) -> tuple[list[re.Match[str]], list[int]]:
        """Speech-verb matches and their starts."""
        if self._verbs is None:
            self._verbs = list(VERB_RE.finditer(self.text))
            self._verb_starts = [m.start() for m in self._verbs]
        return self._verbs, self._verb_starts

    def verbs_in(self, start: int, end: int) -> list[re.Match[str]]:
        """Speech-verb matches starting in ``text[start:end]``, in order."""
        verbs, starts = self.verbs()
        return verbs[bisect_left(starts, start) : bisect_left(starts, end)]

    # the narrative: quoted passages masked

    @property
    def masked(self) -> str:
        """The text with quoted passages (``narrative_quotes``) replaced by ``~`` (same
        length, offsets kept)."""
        if self._masked is None:
            self._masked = mask_quotes(self.text, self.narrative_quotes())
        return self._masked

    def narrative_quotes(self) -> list[tuple[int, int]]:
        """Spans (marks included) of the quoted passages the narrative leaves out: every
        quotation span that closes or goes on in the next paragraph, except quoted names
        (“Joint Political Declaration”, "Iron Shield"); a mark that never closes masks
        nothing."""
        text = self.text
        return [
            (q.outer_start, q.outer_end)
            for q in self.quotes
            if (q.closed or q.continues) and not is_title(text[q.start : q.end])
        ]

    @property
    def sentences(self) -> list[tuple[int, int]]:
        """Sentence spans of the masked text (what events read)."""
        if self._sentences is None:
            masked = self.masked
            if masked is self.text:  # nothing masked: the text's own sentence ends
                self.sentence_ends()
                self._sentences = split_sentences(masked, self._ends)
            else:
                self._sentences = split_sentences(masked)
        return self._sentences

    # names

    @property
    def name_runs(self) -> list[re.Match[str]]:
        """Capitalised runs (where names and titles can be), in order."""
        if self._runs is None:
            self._runs = list(RUN_RE.finditer(self.text))
        return self._runs


@dataclass(frozen=True, slots=True)
class AnalysedArticle:
    """An article's paragraphs, each analysed once, with what the stages need to know
    about the article (its date resolves weekdays, its dateline places events)."""

    body: tuple[AnalysedText, ...]
    captions: tuple[AnalysedText, ...] = ()
    title: str = ""
    published: date | None = None
    place: str | None = None
    article_id: str | None = None

    @classmethod
    def of(
        cls,
        paragraphs: Sequence[str],
        *,
        captions: Sequence[str] = (),
        title: str = "",
        published: date | None = None,
        place: str | None = None,
        article_id: str | None = None,
    ) -> AnalysedArticle:
        """Analyse body ``paragraphs`` (and ``captions``, read for people only)."""
        texts = [p[:MAX_PARAGRAPH_CHARS] for p in paragraphs]
        by_paragraph: dict[int, list[QuoteSpan]] = {}
        for span in find_quote_spans(texts, orphans=True):
            by_paragraph.setdefault(span.paragraph, []).append(span)
        body = tuple(AnalysedText(t, by_paragraph.get(n, ())) for n, t in enumerate(texts))
        notes = tuple(AnalysedText(c[:MAX_PARAGRAPH_CHARS]) for c in captions)
        return cls(body, notes, title[:MAX_PARAGRAPH_CHARS], published, place, article_id)

    @property
    def texts(self) -> list[str]:
        """The body paragraph texts (what quote and event offsets point into)."""
        return [t.text for t in self.body]

    @property
    def registry_texts(self) -> tuple[AnalysedText, ...]:
        """Body then captions: what the people registry reads (captions name people with
        their full titles, but are never a quote's or event's source)."""
        return (*self.body, *self.captions)
