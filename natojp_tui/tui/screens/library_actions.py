"""The reader's library keys (a mixin of ``ReaderScreen``): remove and undo, notes,
tags, corrections, the source one key away, dossiers, the people view, reading state
and the article list's order.

Each action works on the selected quote when there is one, else on the open article.
Remove and corrections push an entry on the undo stack (``u``).
"""

from __future__ import annotations

import webbrowser
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.style import Style
from rich.text import Text

from natojp_tui.tui.inert import inert_row

if TYPE_CHECKING:
    from natojp_tui.core.model import Article, Quote
    from natojp_tui.tui.data import ArticleRow, TimelineItem

ARTICLE_SORTS: tuple[str, ...] = ("date", "source", "title")
NOTE_PREVIEW = 60


@dataclass(slots=True)
class Undo:
    """One step ``u`` takes back."""

    label: str
    run: Callable[[], None]


def sort_article_rows(rows: list[ArticleRow], how: str) -> list[ArticleRow]:
    """Newest first (the store's order), or by source then date, or by title."""
    if how == "source":
        by_date = sorted(
            rows, key=lambda r: r.published.toordinal() if r.published else 0, reverse=True
        )
        return sorted(by_date, key=lambda r: (r.source is None, (r.source or "").casefold()))
    if how == "title":
        return sorted(rows, key=lambda r: r.title.casefold())
    return list(rows)


def annotation_text(note: str | None, tags: list[str], corrected: list[str]) -> Text:
    """`` · ✎ first line of the note · #tag · corrected: speaker`` for the detail line."""
    text = Text()
    if corrected:
        text.append(" · corrected: " + ", ".join(corrected), Style(color="#e5a50a"))
    if tags:
        text.append(" · " + " ".join(f"#{inert_row(t)}" for t in tags), Style(color="#57e389"))
    if note and note.strip():
        first = inert_row(note.strip().splitlines()[0])
        if len(first) > NOTE_PREVIEW:
            first = first[: NOTE_PREVIEW - 1] + "…"
        more = " (more)" if len(note.strip().splitlines()) > 1 else ""
        text.append(f" · ✎ {first}{more}", Style(italic=True))
    return text


class LibraryActions:
    """Actions and hooks; ``ReaderScreen`` provides ``data``, ``article``, ``selected_quote``."""

    data: Any
    article: Article | None
    article_sort: str = "date"
    group_by_visit: bool = False
    person: str | None = None  # the timeline shows this person's meetings
    article_id: Any  # the reader's reactives
    quote_id: Any
    _undo_stack: list[Undo]

    @property
    def undo_stack(self) -> list[Undo]:
        stack = getattr(self, "_undo_stack", None)
        if stack is None:
            stack = self._undo_stack = []
        return stack

    # -- what an action is about --------------------------------------------------------
    def _target(self) -> tuple[str, str] | None:
        """(id, label) of the highlighted meeting when the timeline has the focus, else the
        selected quote, else the open article."""
        meeting = self._highlighted_meeting()
        if meeting is not None:
            return meeting
        quote: Quote | None = self.selected_quote  # type: ignore[attr-defined]
        if quote is not None:
            words = quote.text if len(quote.text) <= 50 else quote.text[:49] + "…"
            return quote.id, f"the quote “{words}”"
        if self.article is not None:
            return self.article.id, f"the article “{self.article.title}”"
        self.notify("Open an article first", markup=False, timeout=2)  # type: ignore[attr-defined]
        return None

    def _highlighted_meeting(self) -> tuple[str, str] | None:
        from natojp_tui.tui.widgets.timeline_view import TimelineView

        timeline = self.query_one(TimelineView)  # type: ignore[attr-defined]
        if self.focused is not timeline or timeline.highlighted is None:  # type: ignore[attr-defined]
            return None
        option = timeline.get_option_at_index(timeline.highlighted)
        if option.id is None:
            return None
        item = timeline.items[int(option.id)]
        source = timeline.source_for(item)
        if source is None or not source.event_id:
            return None
        return source.event_id, f"the meeting “{item.summary}”"

    def _reload_article(self) -> None:
        """Read the open article again (after a correction) and redraw what shows it."""
        if self.article is None:
            return
        article_id, quote_id = self.article.id, self.quote_id
        self.article = None
        self.refresh_articles()  # type: ignore[attr-defined]
        self.set_reactive(type(self).article_id, None)  # type: ignore[attr-defined]
        self.open_article(article_id, quote_id)  # type: ignore[attr-defined]

    # -- hooks the reader calls ----------------------------------------------------------
    def library_rows(self, rows: list[ArticleRow]) -> list[ArticleRow]:
        """The article rows in the chosen order, with reading state."""
        read, new = self.data.reading_state()
        rows = [r.with_state(r.id in read, r.id in new) for r in rows]
        if self.group_by_visit:
            return self._grouped(rows)
        return sort_article_rows(rows, self.article_sort)

    def _grouped(self, rows: list[ArticleRow]) -> list[ArticleRow]:
        from natojp_tui.tui.data import ArticleRow

        groups = getattr(self, "_visit_groups", None)
        if groups is None:
            return rows
        by_id = {r.id: r for r in rows}
        out: list[ArticleRow] = []
        for title, ids in groups:
            members = [by_id.pop(i) for i in ids if i in by_id]
            if members:
                out.append(ArticleRow.heading(title, len(members)))
                out += members
        return out + list(by_id.values())

    def library_article_shown(self, article: Article | None) -> None:
        """Update the source line; opening an article marks it read."""
        from natojp_tui.tui.widgets.source_line import SourceLine

        line = self.query_one(SourceLine)  # type: ignore[attr-defined]
        if article is None:
            line.show(None)
            return
        if not self.data.is_read(article.id):  # written after the article is drawn
            self.call_after_refresh(self._mark_shown_read, article.id)  # type: ignore[attr-defined]
        line.show(
            article,
            corrected=list(self.data.corrections_of(article.id)),
            tags=self.data.tags_of(article.id),
            note=self.data.note_of(article.id),
        )

    def library_detail(self, quote: Quote | None) -> Text | None:
        """What the user added to the selected quote, for the detail line."""
        if quote is None:
            return None
        fixes = self.data.corrections_of(quote.id)
        text = annotation_text(
            self.data.note_of(quote.id), self.data.tags_of(quote.id), list(fixes)
        )
        return text if text.plain else None

    def _mark_shown_read(self, article_id: str) -> None:
        if not self.data.is_read(article_id):
            self.data.mark_read(article_id, True)
            self.after_reading_state({article_id})

    def after_reading_state(self, only: set[str] | None = None) -> None:
        """Restate the rows' read/new marks (``only`` those articles' rows)."""
        from natojp_tui.tui.widgets.article_list import ArticleList

        articles = self.query_one(ArticleList)  # type: ignore[attr-defined]
        read, new = self.data.reading_state()
        articles.set_rows(
            [
                r.with_state(r.id in read, r.id in new) if only is None or r.id in only else r
                for r in articles.all_rows
            ]
        )

    # -- remove and undo -----------------------------------------------------------------
    def action_remove_article(self) -> None:
        from natojp_tui.tui.screens.confirm import ConfirmScreen

        article = self.article
        if article is None:
            self.notify("Open an article first", markup=False, timeout=2)  # type: ignore[attr-defined]
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self._remove(article)

        self.app.push_screen(  # type: ignore[attr-defined]
            ConfirmScreen(
                f"Remove “{article.title}” from the library?",
                "It leaves the lists and search; its stars, notes and tags are kept. u undoes.",
            ),
            callback=answered,
        )

    def _remove(self, article: Article) -> None:
        from natojp_tui.tui.widgets.article_list import ArticleList

        self.data.remove_article(article.id)
        rows = [r for r in self.query_one(ArticleList).lines.rows if not r.is_heading]  # type: ignore[attr-defined]
        ids = [r.id for r in rows]
        following = ids[ids.index(article.id) + 1 :] if article.id in ids else []
        preceding = ids[: ids.index(article.id)] if article.id in ids else []
        self.refresh_articles()  # type: ignore[attr-defined]
        nxt = (following or preceding[-1:] or [None])[0]

        def undo() -> None:
            self.data.restore_article(article.id)
            self.refresh_articles()  # type: ignore[attr-defined]
            self.open_article(article.id)  # type: ignore[attr-defined]

        self.undo_stack.append(Undo(f"removal of “{article.title}”", undo))
        if nxt:
            self.open_article(nxt)  # type: ignore[attr-defined]
        else:
            from textual.widgets import Static

            self.article = None
            self.article_id = None
            self.query_one("#timeline-title", Static).update("Timeline of the visit")  # type: ignore[attr-defined]
        self.notify(  # type: ignore[attr-defined]
            f"Removed “{inert_row(article.title)}” (stars, notes and tags kept) — u undoes",
            markup=False,
            timeout=6,
        )

    def action_undo(self) -> None:
        if not self.undo_stack:
            self.notify("Nothing to undo", markup=False, timeout=2)  # type: ignore[attr-defined]
            return
        step = self.undo_stack.pop()
        step.run()
        self.notify(f"Undid the {inert_row(step.label)}", markup=False, timeout=3)  # type: ignore[attr-defined]

    # -- notes and tags ------------------------------------------------------------------
    def action_note(self) -> None:
        from natojp_tui.tui.screens.note_editor import NoteEditor

        target = self._target()
        if target is None:
            return
        target_id, label = target

        def saved(text: str | None) -> None:
            if text is None:
                return
            before = self.data.set_note(target_id, text)

            def undo() -> None:
                self.data.set_note(target_id, before)
                self._annotations_changed()

            self.undo_stack.append(Undo(f"note on {label}", undo))
            self._annotations_changed()
            self.notify("Note saved" if text.strip() else "Note removed", markup=False, timeout=2)  # type: ignore[attr-defined]

        self.app.push_screen(NoteEditor(label, self.data.note_of(target_id) or ""), callback=saved)  # type: ignore[attr-defined]

    def action_tag(self) -> None:
        from natojp_tui.tui.screens.tag_editor import TagEditor

        target = self._target()
        if target is None:
            return
        target_id, label = target

        def chosen(changes: list[tuple[str, bool]] | None) -> None:
            if not changes:
                return
            try:
                done = [(t, on) for t, on in changes if self.data.tag(target_id, t, on)]
            except ValueError as exc:
                self.notify(str(exc), severity="warning", markup=False)  # type: ignore[attr-defined]
                return

            def undo() -> None:
                for t, on in done:
                    self.data.tag(target_id, t, not on)
                self._annotations_changed()

            if done:
                self.undo_stack.append(Undo(f"tags of {label}", undo))
            self._annotations_changed()
            tags = " ".join(f"#{t}" for t in self.data.tags_of(target_id)) or "no tags"
            self.notify(f"Tags: {tags}", markup=False, timeout=3)  # type: ignore[attr-defined]

        editor = TagEditor(label, self.data.tags_of(target_id), list(self.data.all_tags()))
        self.app.push_screen(editor, callback=chosen)  # type: ignore[attr-defined]

    def _annotations_changed(self) -> None:
        from natojp_tui.tui.widgets.timeline_view import TimelineView

        self._update_detail()  # type: ignore[attr-defined]
        self.library_article_shown(self.article)
        self.query_one(TimelineView).redraw()  # type: ignore[attr-defined]

    def library_meeting_marks(self, item: TimelineItem) -> Text | None:
        """The tags (on the meeting or its article) and note of a timeline entry."""
        event_ids = [s.event_id for s in item.sources if s.event_id]
        notes = [n for n in (self.data.note_of(e) for e in event_ids) if n and n.strip()]
        text = annotation_text(notes[0] if notes else None, self.data.meeting_tags(event_ids), [])
        if not text.plain:
            return None
        return text[3:] if text.plain.startswith(" · ") else text

    # -- corrections ---------------------------------------------------------------------
    def action_correct(self) -> None:
        from natojp_tui.tui.screens.correct_screen import CorrectScreen

        target = self._target()
        if target is None or self.article is None:
            return
        target_id, label = target
        quote = self.selected_quote  # type: ignore[attr-defined]
        if quote is not None:
            values = {"speaker": quote.speaker or "", "kind": quote.kind}
        else:
            a = self.article
            values = {
                "title": a.title,
                "date": a.published.isoformat() if a.published else "",
                "source": a.source or "",
                "place": a.place or "",
            }
        corrected = {"date" if f == "published" else f for f in self.data.corrections_of(target_id)}

        def chosen(changes: dict[str, str] | None) -> None:
            if not changes:
                return
            before = {}
            try:
                for name, value in changes.items():
                    before[name] = self.data.correct(target_id, name, value)
            except ValueError as exc:
                self.notify(str(exc), severity="error", markup=False)  # type: ignore[attr-defined]
            if not before:
                return
            had = set(corrected)

            def undo() -> None:
                for name, value in before.items():
                    if name in had:
                        self.data.correct(target_id, name, str(value))
                    else:
                        self.data.uncorrect(target_id, name)
                self._reload_article()

            self.undo_stack.append(Undo(f"correction of {label}", undo))
            self._reload_article()
            self.notify(f"Corrected {', '.join(before)} — u undoes", markup=False, timeout=4)  # type: ignore[attr-defined]

        self.app.push_screen(CorrectScreen(label, values, corrected), callback=chosen)  # type: ignore[attr-defined]

    # -- the source ----------------------------------------------------------------------
    def _source(self) -> str | None:
        if self.article is None:
            self.notify("Open an article first", markup=False, timeout=2)  # type: ignore[attr-defined]
            return None
        where = self.article.url or self.article.path
        if not where:
            self.notify("This article has no URL or file recorded", markup=False, timeout=3)  # type: ignore[attr-defined]
        return where

    def action_open_source(self) -> None:
        where = self._source()
        if not where:
            return
        url = where if self.article and self.article.url else Path(where).as_uri()
        opened = webbrowser.open(url)
        message = f"Opened {url}" if opened else f"No browser could open {url}; W copies it"
        self.notify(inert_row(message), markup=False, timeout=4)  # type: ignore[attr-defined]

    def action_copy_source(self) -> None:
        where = self._source()
        if where:
            self.app.copy_text(where)  # type: ignore[attr-defined]

    # -- dossiers ------------------------------------------------------------------------
    def action_dossier_add(self) -> None:
        from natojp_tui.tui.screens.dossier_screen import DossierPicker

        target = self._target()
        if target is None:
            return
        target_id, label = target

        def chosen(name: str | None) -> None:
            if not name:
                return
            added = self.data.dossier_add(name, [target_id])
            message = f"Added to “{name}”" if added else f"Already in “{name}”"
            self.notify(inert_row(message), markup=False, timeout=3)  # type: ignore[attr-defined]

        names = [d["name"] for d in self.data.dossiers()]
        self.app.push_screen(DossierPicker(label, names), callback=chosen)  # type: ignore[attr-defined]

    def action_dossiers(self) -> None:
        from natojp_tui.tui.screens.dossier_screen import DossierScreen

        self.app.push_screen(DossierScreen(self.data))  # type: ignore[attr-defined]

    # -- people --------------------------------------------------------------------------
    def action_people(self) -> None:
        from natojp_tui.tui.screens.people_screen import PeopleScreen

        def chosen(name: str | None) -> None:
            if name:
                self.show_person(name)

        self.app.push_screen(PeopleScreen(self.data), callback=chosen)  # type: ignore[attr-defined]

    def show_person(self, name: str) -> None:
        """The timeline pane shows ``name``'s meetings and the quote browser their quotes."""
        from natojp_tui.tui.screens.quote_browser import QuoteBrowser

        self.person = name
        self.load_person_timeline(name)

        def back(row) -> None:
            self.starred = self.data.starred()
            self._update_detail()  # type: ignore[attr-defined]
            self.open_row(row)  # type: ignore[attr-defined]

        self.app.push_screen(QuoteBrowser(self.data, speaker=name), callback=back)  # type: ignore[attr-defined]

    def load_person_timeline(self, name: str) -> None:
        self.run_worker(  # type: ignore[attr-defined]
            lambda: self._person_timeline(name), thread=True, exclusive=True, group="timeline"
        )

    def _person_timeline(self, name: str) -> None:
        items = self.data.person_timeline(name)
        self.app.call_from_thread(self._show_person_timeline, name, items)  # type: ignore[attr-defined]

    def _show_person_timeline(self, name: str, items: list) -> None:
        from textual.widgets import Static

        from natojp_tui.tui.widgets.timeline_view import TimelineView

        if self.person != name:
            return
        self.query_one(TimelineView).show(items, self.article.id if self.article else None)  # type: ignore[attr-defined]
        title = f"Meetings with {name} ({len(items)})"
        self.query_one("#timeline-title", Static).update(Text(inert_row(title), "bold"))  # type: ignore[attr-defined]

    # -- reading state and order ---------------------------------------------------------
    def action_mark_read(self) -> None:
        if self.article is None:
            return
        read = not self.data.is_read(self.article.id)
        self.data.mark_read(self.article.id, read)
        self.after_reading_state()
        self.library_article_shown(self.article) if read else None
        self.notify("Marked read" if read else "Marked unread", markup=False, timeout=2)  # type: ignore[attr-defined]

    def action_sort_articles(self) -> None:
        self.group_by_visit = False
        self.article_sort = ARTICLE_SORTS[
            (ARTICLE_SORTS.index(self.article_sort) + 1) % len(ARTICLE_SORTS)
        ]
        self.refresh_articles()  # type: ignore[attr-defined]
        self.notify(f"Articles sorted by {self.article_sort}", markup=False, timeout=2)  # type: ignore[attr-defined]

    def action_group_visits(self) -> None:
        self.group_by_visit = not self.group_by_visit
        if not self.group_by_visit:
            self.refresh_articles()  # type: ignore[attr-defined]
            self.notify("Articles not grouped", markup=False, timeout=2)  # type: ignore[attr-defined]
            return
        self.run_worker(self._load_visit_groups, thread=True, exclusive=True, group="visits")  # type: ignore[attr-defined]

    def _load_visit_groups(self) -> None:
        groups = self.data.visit_groups()
        self.app.call_from_thread(self._visit_groups_loaded, groups)  # type: ignore[attr-defined]

    def _visit_groups_loaded(self, groups: list[tuple[str, list[str]]]) -> None:
        self._visit_groups = groups
        self.refresh_articles()  # type: ignore[attr-defined]
        self.notify(f"Articles grouped by visit ({len(groups)} groups)", markup=False, timeout=2)  # type: ignore[attr-defined]
