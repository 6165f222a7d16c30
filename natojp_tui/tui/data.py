"""What the reader needs from the store, as small row objects.

``ReaderData`` is the one place the TUI talks to ``natojp_tui.store.Store``; widgets
only see ``ArticleRow``, ``QuoteRow``, ``TimelineItem`` and model ``Article`` objects.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from natojp_tui.core.lexicon.months import MONTH_NAMES
from natojp_tui.core.model import Article, Event, Quote
from natojp_tui.tui.library_data import LibraryData


def _date(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    if isinstance(value, str) and value:
        try:
            return date.fromisoformat(value if len(value) == 10 else value[:10])
        except ValueError:
            return None
    return None


MONTHS = tuple(name.lower() for name in MONTH_NAMES)


@dataclass(frozen=True, slots=True)
class ArticleRow:
    """One line of the articles pane."""

    id: str
    title: str
    published: date | None
    source: str | None
    quotes: int
    events: int = 0
    people: tuple[str, ...] = ()  # names of the people the article names
    read: bool = False  # the user opened it (or marked it read)
    new: bool = False  # brought in by the last import and not read since
    is_heading: bool = False  # a group heading (visit), not an article

    def with_state(self, read: bool, new: bool) -> ArticleRow:
        if (read, new) == (self.read, self.new) or self.is_heading:
            return self
        # Positional, not dataclasses.replace: 100,000 rows are restated before the first paint.
        return ArticleRow(
            self.id, self.title, self.published, self.source, self.quotes, self.events,
            self.people, read, new, self.is_heading,
        )  # fmt: skip

    @classmethod
    def heading(cls, title: str, count: int) -> ArticleRow:
        """A visit heading in the grouped article list."""
        return cls(f"heading:{title}", title, None, None, count, is_heading=True)

    @classmethod
    def from_meta(cls, meta: dict[str, Any]) -> ArticleRow:
        published = meta.get("published")
        return cls(
            meta["id"],
            meta.get("title") or meta["id"],
            _date(published) if published else None,
            meta.get("source"),
            meta.get("quotes") or 0,
            meta.get("events") or 0,
            tuple(meta.get("people") or ()),
        )

    @property
    def haystack(self) -> str:
        """Case-folded text the filter box matches against: title, people, dates, source."""
        when = self.published
        if when:
            month = MONTHS[when.month - 1]
            dates = f"{when.isoformat()} {when.day} {month} {month[:3]} {when.year}"
        else:
            dates = "undated"
        people = " ".join(self.people).casefold()
        return f"{self.title.casefold()} {people} {dates} {(self.source or '').casefold()}"


@dataclass(frozen=True, slots=True)
class QuoteRow:
    """One quote in the search results or the quote browser."""

    id: str
    text: str
    speaker: str | None
    kind: str
    article_id: str
    published: date | None
    title: str
    source: str | None
    starred: bool = False
    paragraph: int = 0
    start: int = 0
    spans: tuple[tuple[int, int], ...] = ()
    verb: str | None = None

    @classmethod
    def from_record(cls, record: Any, spans: Iterable[tuple[int, int]] = ()) -> QuoteRow:
        """From a ``core.search.QuoteRecord`` (or anything with the same attributes)."""
        return cls(
            id=record.id,
            text=record.text,
            speaker=record.speaker,
            kind=record.kind,
            article_id=record.article_id,
            published=_date(record.published),
            title=getattr(record, "title", "") or "",
            source=getattr(record, "source", None),
            starred=bool(getattr(record, "starred", False)),
            paragraph=getattr(record, "paragraph", 0),
            start=getattr(record, "start", 0),
            spans=tuple(tuple(s) for s in spans),  # type: ignore[misc]
            verb=getattr(record, "verb", None),
        )


@dataclass(frozen=True, slots=True)
class SourceRef:
    """Where a timeline entry is told: an article and a sentence span."""

    article_id: str
    paragraph: int
    start: int
    end: int
    event_id: str = ""


@dataclass(frozen=True, slots=True)
class TimelineItem:
    """One meeting or event of a visit, merged across sources."""

    kind: str
    summary: str
    participants: tuple[str, ...] = ()
    place: str | None = None
    date: date | None = None
    time: str | None = None
    duration: int | None = None
    date_precision: str = "unknown"
    sources: tuple[SourceRef, ...] = field(default_factory=tuple)

    @classmethod
    def from_entry(cls, entry: Any) -> TimelineItem:
        """From a ``core.timeline.TimelineEntry`` or a model ``Event``."""
        if isinstance(entry, Event):
            refs: tuple[SourceRef, ...] = (
                SourceRef(entry.article_id, entry.paragraph, entry.start, entry.end, entry.id),
            )
        else:
            refs = tuple(_source_ref(s) for s in getattr(entry, "sources", ()) or ())
        return cls(
            kind=entry.kind,
            summary=entry.summary,
            participants=tuple(entry.participants or ()),
            place=entry.place,
            date=_date(entry.date),
            time=entry.time,
            duration=entry.duration,
            date_precision=entry.date_precision or "unknown",
            sources=refs,
        )

    @property
    def undated(self) -> bool:
        return self.date is None or self.date_precision in ("visit", "unknown")


def _source_ref(source: Any) -> SourceRef:
    get = source.get if isinstance(source, dict) else lambda k, d=None: getattr(source, k, d)
    return SourceRef(
        article_id=get("article_id", ""),
        paragraph=int(get("paragraph", 0)),
        start=int(get("start", 0)),
        end=int(get("end", 0)),
        event_id=get("event_id", "") or "",
    )


def visit_title(visit: Any) -> str:
    """``Anders Fogh Rasmussen in Japan, 15–16 Apr 2013`` (dates only when known)."""
    head = f"{visit.visitor} in {visit.host}"
    start, end = visit.start, visit.end
    if start and end and end != start:
        return (
            f"{head}, {start.day}–{end.day} {end:%b %Y}"
            if (start.year, start.month) == (end.year, end.month)
            else f"{head}, {start.day} {start:%b} – {end.day} {end:%b %Y}"
        )
    if start:
        return f"{head}, {start.day} {start:%b %Y}"
    return head


READER_LOCK_WAIT = 1.5  # seconds a write from the reader waits for another process's lock


class ReaderData(LibraryData):
    """The reader's view of a ``Store`` (the library's user data: ``library_data.py``).

    Writes (stars, remembered state, the library's notes, tags, corrections…) never
    raise: a read-only database, a lock another process holds (waited for only
    ``READER_LOCK_WAIT``) or a full disk is handed to ``on_write_error`` as one line and
    the reader goes on reading.
    """

    def __init__(self, store: Any) -> None:
        self.store = store
        self._fresh: set[str] | None = None
        self.on_write_error: Callable[[str], None] | None = None
        self._reported: set[str] = set()  # state-write problems already shown

    def _write(self, what: str, write: Callable[[], None], *, always_report: bool) -> bool:
        """Run ``write``; on a store or disk error report it (once, unless ``always_report``)."""
        import contextlib

        from natojp_tui.store import StoreError

        short = getattr(self.store, "lock_wait_at_most", None)
        try:
            with short(READER_LOCK_WAIT) if short else contextlib.nullcontext():
                write()
        except (StoreError, OSError) as exc:
            message = f"{what} not saved: {exc}"
            if self.on_write_error and (always_report or message not in self._reported):
                self._reported.add(message)
                self.on_write_error(message)
            return False
        return True

    def article_rows(self) -> list[ArticleRow]:
        """All articles, newest first (from the store's compact article list)."""
        columns = getattr(self.store, "article_columns", None)
        if columns is None:
            return [ArticleRow.from_meta(m) for m in self.store.articles(copy=False)]
        c = columns()
        named = self.people_by_article()
        return [
            ArticleRow(
                aid,
                title or aid,
                _date(published) if published else None,
                source,
                n_q,
                n_e,
                named.get(aid, ()),
            )
            for aid, title, published, source, n_q, n_e in zip(
                c["id"],
                c["title"],
                c["published"],
                c["source"],
                c["quotes"],
                c["events"],
                strict=True,
            )
        ]

    def people_by_article(self) -> dict[str, tuple[str, ...]]:
        """The names of the people each article gives a role to (for the article filter)."""
        named: dict[str, list[str]] = {}
        people = getattr(self.store, "people", None)
        try:
            found = people() if people else []
        except Exception:  # a damaged people file only costs the filter its names
            found = []
        for person in found:
            for aid in dict.fromkeys(r.article_id for r in person.roles if r.article_id):
                named.setdefault(aid, []).append(person.name)
        return {aid: tuple(names) for aid, names in named.items()}

    def article(self, article_id: str) -> Article | None:
        return self.store.article(article_id)

    def search(
        self, query: str, limit: int = 200, cancelled: Callable[[], bool] | None = None
    ) -> tuple[list[QuoteRow], int]:
        """The first ``limit`` quotes matching ``query`` (with highlight spans) and the total;
        ``source:`` and ``visit:`` are resolved to articles here; a search whose
        ``cancelled()`` turns true stops (``core.search.SearchCancelled``)."""
        result = self.store.search(self.parsed(query), limit=limit, cancelled=cancelled)
        return [QuoteRow.from_record(h.record, h.spans) for h in result.hits], result.total

    def parsed(self, query: str) -> Any:
        """The parsed query, with ``source:``/``visit:`` turned into article ids (the
        store resolves them, for the command line and the reader alike)."""
        return self.store.parsed_query(query)

    def all_quotes(self) -> list[QuoteRow]:
        """Every quote, newest article first, in reading order inside an article."""
        total = self.store.search("", limit=0).total
        rows, _ = self.search("", limit=total)
        return rows

    def quotes_for(self, rows: Iterable[QuoteRow]) -> tuple[list[Quote], Callable[[str], Article]]:
        """Full ``Quote`` objects for ``rows`` (in their order) and an article lookup."""
        articles: dict[str, Article] = {}
        quotes: list[Quote] = []
        for row in rows:
            if row.article_id not in articles:
                article = self.store.article(row.article_id)
                if article is None:
                    continue
                articles[row.article_id] = article
            found = next((q for q in articles[row.article_id].quotes if q.id == row.id), None)
            if found is not None:
                quotes.append(found)
        return quotes, articles.__getitem__

    def timeline(self, article: Article) -> tuple[str, list[TimelineItem]]:
        """A title and the meetings of the visit ``article`` tells of, merged across sources
        (the store's one timeline: the same whichever source of the visit is open)."""
        visits = self.store.visits(article.id)
        entries = self.store.timeline(article=article.id)
        title = visit_title(visits[0]) if visits else "Meetings in this article"
        return title, [TimelineItem.from_entry(e) for e in entries]

    def starred(self) -> set[str]:
        return set(self.store.starred())

    def star(self, quote_id: str, on: bool) -> bool:
        """Star or unstar; False (and reported) when the database could not be written."""
        what = "Star" if on else "Unstar"
        return self._write(what, lambda: self.store.star(quote_id, on), always_report=True)

    def get_state(self, key: str, default: Any = None) -> Any:
        return self.store.get_state(key, default)

    def set_state(self, key: str, value: Any) -> bool:
        """Remember ``value``; False (reported once) when the database could not be written."""
        return self._write(
            f"Setting {key!r}", lambda: self.store.set_state(key, value), always_report=False
        )

    def import_paths(self, targets: list[str], progress: Callable[[int, int, str], None]) -> Any:
        """Import files/folders/globs (``~`` expanded); returns the store's ImportReport."""
        from pathlib import Path

        report = self.store.import_paths(
            [str(Path(t).expanduser()) for t in targets], progress=progress
        )
        return report

    def warm(self) -> None:
        """Let the store read the quotes and the search index before the first search."""
        warm = getattr(self.store, "warm", None)
        if warm:
            warm()

    def fresh_ids(self) -> set[str]:
        """Articles a feed fetch brought in that have not been opened yet (marked new)."""
        if self._fresh is None:
            book = getattr(self.store, "feed_book", None)
            try:
                self._fresh = set(book().fresh()) if book else set()
            except Exception:  # a damaged feed file is reported by 'natojp feeds', not here
                self._fresh = set()
        return self._fresh

    def forget_fresh(self) -> None:
        self._fresh = None

    def mark_read(self, article_id: str, read: bool = True) -> None:
        """Mark an article read (an opened article is no longer new, nor fresh from a
        feed) or unread again."""
        fresh = self.fresh_ids()
        if read and article_id in fresh:
            fresh.discard(article_id)
            with contextlib.suppress(Exception):
                self.store.feed_book().mark_read(article_id)
        self._write(
            "Reading state", lambda: self.store.mark_read(article_id, read), always_report=False
        )

    def reload_if_changed(self) -> bool:
        reload = getattr(self.store, "reload_if_changed", None)
        return bool(reload()) if reload else False
