"""The library's one timeline: visits and merged meetings, from what import stored.

Import stores every article's events and visit mentions (``core.pipeline.analyse``);
nothing here extracts. :class:`LibraryTimeline` decides once per library state which
articles form a visit and which events of different sources are one meeting
(``core.timeline``), then answers every view from that one answer: by article, by
visit, by person, by date range. ``natojp timeline``, ``natojp visits`` and the reader's
timeline pane all go through ``Store.timeline`` / ``Store.visits``, so they agree
whichever source is open.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import TYPE_CHECKING, Any

from natojp_tui.core.model import Article, Event, VisitMention
from natojp_tui.core.timeline import TimelineEntry, Visit, build_timeline, build_visits, name_key

if TYPE_CHECKING:
    from natojp_tui.store.digest import Entry


def shell(meta: dict[str, Any], events: list[Event], visits: list[VisitMention]) -> Article:
    """An article as the timeline needs it: its date, events and visit mentions (no text)."""
    from natojp_tui.store.records import to_date

    return Article(
        id=meta["id"],
        title=meta.get("title") or "",
        paragraphs=[],
        published=to_date(meta.get("published")),
        source=meta.get("source"),
        events=events,
        visits=visits,
    )


def from_digest(
    row_of: Callable[[str], dict[str, Any] | None], entries: Iterable[tuple[str, Entry]]
) -> LibraryTimeline:
    """Decide visits and merged meetings from digest entries (article id, entry) and the
    article list's rows (``row_of``); articles with neither events nor visit mentions add
    nothing and are left out."""
    from natojp_tui.store.records import event_from_doc, visits_from_docs

    return LibraryTimeline(
        shell(
            row_of(aid) or {"id": aid},
            [event_from_doc(d) for d in entry["events"]],
            visits_from_docs(entry["visits"]),
        )
        for aid, entry in entries
        if entry["events"] or entry["visits"]
    )


class LibraryTimeline:
    """Visits and timeline entries of a whole library, with the lookups views need."""

    def __init__(self, articles: Iterable[Article]) -> None:
        self._articles = list(articles)
        self.visits: list[Visit] = build_visits(self._articles)
        self._entries: list[TimelineEntry] | None = None
        self._visits_of: dict[str, list[Visit]] = {}
        for v in self.visits:
            for aid in v.article_ids:
                self._visits_of.setdefault(aid, []).append(v)

    @classmethod
    def saved(cls, visits: list[Visit], entries: list[TimelineEntry]) -> LibraryTimeline:
        """The answer a commit decided and saved (the timeline family), as decided."""
        library = cls(())
        library.visits = visits
        library._entries = entries
        for v in visits:
            for aid in v.article_ids:
                library._visits_of.setdefault(aid, []).append(v)
        return library

    @property
    def entries(self) -> list[TimelineEntry]:
        """Every merged entry, decided when first asked (``natojp visits`` never asks)."""
        if self._entries is None:
            self._entries = build_timeline(self._articles, visits=self.visits)
        return self._entries

    def visits_of(self, article_id: str) -> list[Visit]:
        """The visits ``article_id`` tells of (most articles tell of one or none)."""
        return list(self._visits_of.get(article_id, []))

    def select(
        self,
        *,
        article: str | None = None,
        visit: str | None = None,
        person: str | None = None,
        start: date | None = None,
        end: date | None = None,
    ) -> list[TimelineEntry]:
        """Entries in timeline order, kept when they pass every filter given.

        ``article``: the article's own entries and every entry of the visits it tells
        of, so each source of a visit shows the same timeline. ``visit``: one visit's
        entries. ``person``: entries with a participant whose name holds every word
        given (case and accents ignored). ``start`` / ``end``: dated entries in that
        range (undated ones are left out when a range is asked for).
        """
        entries = self.entries
        if article is not None:
            ids = {v.id for v in self.visits_of(article)}
            entries = [
                e
                for e in entries
                if (e.visit_id is not None and e.visit_id in ids)
                or any(s.article_id == article for s in e.sources)
            ]
        return filter_entries(entries, visit=visit, person=person, start=start, end=end)


def filter_entries(
    entries: list[TimelineEntry],
    *,
    visit: str | None = None,
    person: str | None = None,
    start: date | None = None,
    end: date | None = None,
) -> list[TimelineEntry]:
    """``entries`` (in timeline order) kept when they pass every filter given (see
    :meth:`LibraryTimeline.select`)."""
    if visit is not None:
        entries = [e for e in entries if e.visit_id == visit]
    if person:
        wanted = set(name_key(person).split())
        entries = [
            e
            for e in entries
            if wanted and any(wanted <= set(name_key(p).split()) for p in e.participants)
        ]
    if start is not None or end is not None:
        entries = [
            e
            for e in entries
            if e.date is not None
            and (start is None or e.date >= start)
            and (end is None or e.date <= end)
        ]
    return entries
