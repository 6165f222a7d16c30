"""What the reader's library features need from the store (a mixin of ``ReaderData``).

Removal, notes, tags, corrections, reading state, dossiers and the people view, as
small row objects; every call goes through the store's public user-data API.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from natojp_tui.core.model import Article, Person


@dataclass(frozen=True, slots=True)
class RoleSpan:
    """An office as the articles date it: the first and last article that name it."""

    title: str
    organisation: str | None
    first: date | None
    last: date | None

    def label(self) -> str:
        from natojp_tui.core.model import Role
        from natojp_tui.core.people import role_display

        office = role_display(Role(self.title, self.organisation))
        if self.first and self.last and self.first != self.last:
            return f"{office} ({self.first:%b %Y} – {self.last:%b %Y})"
        if self.first:
            return f"{office} ({self.first:%b %Y})"
        return office


@dataclass(frozen=True, slots=True)
class PersonRow:
    """One person of the people view."""

    id: str
    name: str
    roles: tuple[RoleSpan, ...]
    quotes: int
    meetings: int


def role_spans(person: Person) -> tuple[RoleSpan, ...]:
    """The person's offices, merged by title and organisation, in order of first sighting."""
    from natojp_tui.core.people import role_key

    groups: dict[tuple[str, str | None], list] = {}
    for role in person.roles:
        groups.setdefault((role_key(role.title), role.organisation), []).append(role)
    spans = []
    for roles in groups.values():
        dated = sorted(r.as_of for r in roles if r.as_of)
        titles = [r.title for r in roles]
        title = max(set(titles), key=titles.count)
        spans.append(
            RoleSpan(
                title,
                roles[0].organisation,
                dated[0] if dated else None,
                dated[-1] if dated else None,
            )
        )
    spans.sort(key=lambda s: (s.first is None, s.first or date.max))
    return tuple(spans)


def people_rows(
    people: Iterable[Person], quoted: Mapping[str, int], events: Iterable[Any]
) -> list[PersonRow]:
    """Everyone with their offices over time and how often they are quoted (``quoted``:
    quotes per person id) and meet, most quoted first."""
    from natojp_tui.core.timeline import name_key

    met: dict[str, int] = {}
    for e in events:
        for key in {name_key(p) for p in e.participants}:
            met[key] = met.get(key, 0) + 1
    rows = [
        PersonRow(p.id, p.name, role_spans(p), quoted.get(p.id, 0), met.get(name_key(p.name), 0))
        for p in people
    ]
    rows.sort(key=lambda r: (-r.quotes, -r.meetings, r.name.casefold()))
    return rows


def source_of(article: Article) -> str | None:
    """Where the article came from: its URL, else the file it was imported from."""
    return article.url or article.path


class LibraryData:
    """The store's user-data API for the reader. Writes go through ``ReaderData._write``:
    a database that cannot be written is reported (``on_write_error``), never raised."""

    store: Any

    def _saved(self, what: str, call, default: Any = None) -> Any:
        """``call()``'s result, or ``default`` when the write failed (and was reported)."""
        out = [default]
        writer = getattr(self, "_write", None)
        if writer is None:
            return call()
        writer(what, lambda: out.__setitem__(0, call()), always_report=True)
        return out[0]

    # -- removal and reading state -----------------------------------------------------
    def remove_article(self, article_id: str) -> bool:
        return bool(self._saved("Removal", lambda: self.store.remove_articles([article_id])))

    def restore_article(self, article_id: str) -> bool:
        return bool(self._saved("Undo", lambda: self.store.restore_articles([article_id])))

    def is_removed(self, article_id: str) -> bool:
        return article_id in self.store.user_view().archived

    def is_read(self, article_id: str) -> bool:
        return self.store.is_read(article_id)

    def reading_state(self) -> tuple[set[str], set[str]]:
        """(read article ids, new article ids: brought by the last import and unread)."""
        return set(self.store.user_view().read), self.store.new_articles()

    # -- notes, tags, corrections ------------------------------------------------------
    def annotations(self, quote_id: str) -> dict[str, Any]:
        """``starred``, ``notes`` and ``tags`` of a quote, as exports carry them."""
        return self.store.annotations(quote_id)

    def note_of(self, target: str) -> str | None:
        return self.store.note_of(target)

    def set_note(self, target: str, text: str | None) -> str | None:
        return self._saved("Note", lambda: self.store.set_note(target, text))

    def tags_of(self, target: str) -> list[str]:
        return self.store.tags_of(target)

    def meeting_tags(self, event_ids: Iterable[str]) -> list[str]:
        """Tags on a meeting's events and on their articles."""
        return self.store.user_view().meeting_tags(event_ids)

    def tag(self, target: str, tag: str, on: bool = True) -> bool:
        return bool(self._saved("Tag", lambda: self.store.tag(target, tag, on), False))

    def all_tags(self) -> dict[str, int]:
        return self.store.all_tags()

    def corrections_of(self, target: str) -> dict[str, Any]:
        return self.store.corrections_of(target)

    def correct(self, target: str, field: str, value: str) -> Any:
        return self._saved("Correction", lambda: self.store.correct(target, field, value))

    def uncorrect(self, target: str, field: str | None = None) -> list[str]:
        return self._saved("Undo", lambda: self.store.uncorrect(target, field), [])

    def lost_summary(self) -> list[str]:
        return self.store.user_view().lost_summary()

    # -- dossiers ----------------------------------------------------------------------
    def dossiers(self) -> list[dict[str, Any]]:
        return self.store.dossiers()

    def dossier_add(self, name: str, targets: list[str]) -> list[str]:
        return self._saved("Dossier entry", lambda: self.store.dossier_add(name, targets), [])

    def dossier(self, name: str):
        from natojp_tui.dossier import collect

        return collect(self.store, name)

    # -- people ------------------------------------------------------------------------
    def people_rows(self) -> list[PersonRow]:
        """Everyone in the library (reads the digest of every article: call it in a worker)."""
        return people_rows(self.store.people(), self.store.quote_counts(), self.store.events())

    def person_timeline(self, name: str) -> list:
        """The meetings of ``name`` across the library, merged across sources (the store's
        one timeline, as the CLI's ``timeline --person`` gives it)."""
        from natojp_tui.tui.data import TimelineItem

        return [TimelineItem.from_entry(e) for e in self.store.timeline(person=name)]

    def visit_groups(self) -> list[tuple[str, list[str]]]:
        """(visit title, article ids) for every visit, in date order; then "No visit"."""
        from natojp_tui.tui.data import visit_title

        groups = []
        placed: set[str] = set()
        visits = self.store.visits()  # decided once by the store, as `natojp visits` shows
        for visit in sorted(visits, key=lambda v: (v.start or date.min, v.id)):
            ids = [a for a in visit.article_ids if a not in placed]
            placed.update(ids)
            if ids:
                groups.append((visit_title(visit), ids))
        rest = [aid for aid in self.store.article_ids() if aid not in placed]
        if rest:
            groups.append(("No visit", rest))
        return groups
