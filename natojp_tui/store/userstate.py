"""The Store's methods for the user's data (see :mod:`natojp_tui.store.userdata`).

A mixin of :class:`~natojp_tui.store.db.Store`: every write holds the database lock,
rewrites only ``user.json`` and keeps the search index's view of the user data
(stars, notes, tags, removed articles, corrected records) up to date.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from natojp_tui.core.anchors import Anchor, event_anchor
from natojp_tui.store import userdata as ud
from natojp_tui.store.userdata import Relocation, UserDataError, UserView

if TYPE_CHECKING:
    from natojp_tui.core.model import Article


class UserState:
    """Stars, notes, tags, corrections, removals, reading state and dossiers."""

    _user: UserView | None = None

    # -- reading ----------------------------------------------------------------------
    def user_view(self) -> UserView:
        """Lookups over the user's data (cached until it changes)."""
        if self._user is None:
            self._user = UserView.build(self._tables("user"))  # type: ignore[attr-defined]
        return self._user

    def _user_changed(self) -> None:
        self._user = None
        self._record_cache: dict[str, Any] = {}  # search records carry the user's corrections
        index = self._search  # type: ignore[attr-defined]
        if index is not None:
            self._dress_index(index)

    def user_tables(self) -> dict[str, dict[str, Any]]:
        """A copy of every user table (for repair and backups)."""
        tables = self._tables("user")  # type: ignore[attr-defined]
        return {name: {k: dict(d) for k, d in docs.items()} for name, docs in tables.items()}

    def starred(self) -> set[str]:
        return set(self.user_view().starred)

    def annotations(self, quote_id: str) -> dict[str, Any]:
        """``starred``, ``notes`` and ``tags`` of a quote."""
        return self.user_view().annotations(quote_id)

    def note_of(self, target: str) -> str | None:
        return self.user_view().notes.get(target)

    def tags_of(self, target: str) -> list[str]:
        return sorted(self.user_view().tags.get(target, ()))

    def corrections_of(self, target: str) -> dict[str, Any]:
        return dict(self.user_view().corrections.get(target, {}))

    def all_tags(self) -> dict[str, int]:
        """Every tag and how many quotes, meetings and articles carry it."""
        counts: dict[str, int] = {}
        for tags in self.user_view().tags.values():
            for tag in tags:
                counts[tag] = counts.get(tag, 0) + 1
        return dict(sorted(counts.items()))

    def archived(self) -> list[dict[str, Any]]:
        """Removed articles, most recently removed first."""
        return sorted(
            self.user_view().archived.values(), key=lambda d: d.get("at") or "", reverse=True
        )

    def is_read(self, article_id: str) -> bool:
        return article_id in self.user_view().read

    def new_articles(self) -> set[str]:
        """Articles the last import brought in or updated that have not been read since."""
        docs = self._tables("imports").get("imports") or self._tables("user").get("imports", {})  # type: ignore[attr-defined]
        last = next(iter(docs.values()), None)
        if not last:
            return set()
        read = self.user_view().read
        return {aid for aid in last.get("ids", []) if read.get(aid, "") < last.get("at", "")}

    def _record_import(self, ids: list[str], session: str) -> None:
        """Remember what the last import brought (one import may commit several batches),
        in the ``imports`` family: the user family a star rewrites stays small."""
        tables = self._tables("imports")  # type: ignore[attr-defined]
        legacy = self._tables("user").pop("imports", None)  # type: ignore[attr-defined]
        if legacy is not None:
            self._storage("user").changed = True  # type: ignore[attr-defined]
            tables.setdefault("imports", legacy)
        docs = ud.rows(tables, "imports")
        last = next(iter(docs.values()), None)
        if last and last.get("session") == session:
            last["ids"] = list(dict.fromkeys([*last.get("ids", []), *ids]))
        else:
            docs.clear()
            docs["1"] = {"session": session, "at": ud.now(), "ids": list(ids)}
        self._storage("imports").changed = True  # type: ignore[attr-defined]

    def unplaced(self) -> list[dict[str, Any]]:
        """Rows whose words are gone from their article (after a re-import), oldest first."""
        return sorted(self.user_view().lost, key=lambda d: d.get("at") or "")

    # -- targets ----------------------------------------------------------------------
    def resolve_target(self, target: str) -> str:
        """A quote id, meeting id or article id (prefix or path) that exists, or UserDataError."""
        kind = ud.kind_of(target)
        if kind == "quote":
            if self._quote_doc_raw(target) is None:
                raise UserDataError(f"no quote {target!r} (see 'natojp quotes --json' for ids)")
            return target
        if kind == "event":
            if self._event(target) is None:
                raise UserDataError(f"no meeting {target!r} (see 'natojp timeline --json' for ids)")
            return target
        found = self.find_article(target)  # type: ignore[attr-defined]
        if found is None:
            raise UserDataError(
                f"no quote, meeting or article matches {target!r} "
                "(give an id, a unique id prefix or an imported file's path)"
            )
        return found

    def _quote_doc_raw(self, quote_id: str) -> dict[str, Any] | None:
        """A quote as extracted (no corrections), from the search rows."""
        if not self._ref("rows"):  # type: ignore[attr-defined]
            return None
        return self._rows_file().quote(quote_id)  # type: ignore[attr-defined]

    def _event(self, event_id: str):
        article_id = ud.article_of(event_id)
        return next((e for e in self.events(article_id=article_id) if e.id == event_id), None)  # type: ignore[attr-defined]

    def _anchor(self, target: str) -> Anchor | None:
        kind = ud.kind_of(target)
        if kind == "quote":
            doc = self._quote_doc_raw(target)
            return Anchor(doc["text"], doc["paragraph"], doc["start"]) if doc else None
        if kind == "event":
            event = self._event(target)
            article = self.article(ud.article_of(target))  # type: ignore[attr-defined]
            return event_anchor(event, article.body) if event and article else None
        return None

    # -- writing ----------------------------------------------------------------------
    def _write_user(self, change) -> Any:
        """Run ``change(tables)`` under the lock; the user family is committed when it returns."""
        with self._writing(["user"]):  # type: ignore[attr-defined]
            tables = self._tables("user")  # type: ignore[attr-defined]
            result = change(tables)
            self._storage("user").changed = True  # type: ignore[attr-defined]
        self._user_changed()
        return result

    def star(self, quote_id: str, on: bool = True) -> None:
        """Star or unstar a quote (anchored to its words; only ``user.json`` is written)."""
        anchor = self._anchor(quote_id) if on else None

        def change(tables: ud.Tables) -> None:
            existing = [d for d in ud.rows(tables, "stars").values() if ud.placed_on(quote_id)(d)]
            if on and not existing:
                ud.insert(tables, "stars", ud.anchored_row(quote_id, anchor, quote_id=quote_id))
            elif not on:
                ud.remove_where(tables, "stars", ud.placed_on(quote_id))

        self._write_user(change)

    def set_note(self, target: str, text: str | None) -> str | None:
        """Set (replace) the note of a quote, meeting or article; empty text removes it.

        Returns the previous note (for undo)."""
        target = self.resolve_target(target)
        anchor = self._anchor(target)
        text = (text or "").strip("\n")

        def change(tables: ud.Tables) -> str | None:
            old = ud.remove_where(tables, "notes", ud.placed_on(target))
            if text.strip():
                ud.insert(tables, "notes", ud.anchored_row(target, anchor, note=text))
            return old[0].get("note") if old else None

        return self._write_user(change)

    def tag(self, target: str, tag: str, on: bool = True) -> bool:
        """Tag (or untag) a quote, meeting or article; returns whether anything changed."""
        target = self.resolve_target(target)
        name = ud.normalise_tag(tag)
        anchor = self._anchor(target)

        def change(tables: ud.Tables) -> bool:
            same = lambda d: ud.placed_on(target)(d) and d.get("tag") == name  # noqa: E731
            present = any(same(d) for d in ud.rows(tables, "tags").values())
            if on and not present:
                ud.insert(tables, "tags", ud.anchored_row(target, anchor, tag=name))
                return True
            if not on and present:
                ud.remove_where(tables, "tags", same)
                return True
            return False

        return self._write_user(change)

    def correct(self, target: str, field_name: str, value: str) -> Any:
        """Override an article's title/date/source/place or a quote's speaker/kind.

        Kept in ``user.json``, so re-import and repair keep it; returns the value shown
        before (for undo)."""
        target = self.resolve_target(target)
        name, clean = ud.check_correction(ud.kind_of(target), field_name, value)
        original = self._raw_field(target, name)
        before = self.corrections_of(target).get(name, original)
        anchor = self._anchor(target)

        def change(tables: ud.Tables) -> None:
            ud.remove_where(
                tables,
                "corrections",
                lambda d: ud.placed_on(target)(d) and d.get("field") == name,
            )
            if clean != original:
                ud.insert(
                    tables,
                    "corrections",
                    ud.anchored_row(target, anchor, field=name, value=clean, original=original),
                )

        self._write_user(change)
        self._corrections_changed([ud.article_of(target)])
        return before

    def uncorrect(self, target: str, field_name: str | None = None) -> list[str]:
        """Undo corrections of ``target`` (one field, or all); returns the fields undone."""
        target = self.resolve_target(target)
        name = ud.FIELD_ALIASES.get(field_name, field_name) if field_name else None

        def change(tables: ud.Tables) -> list[str]:
            gone = ud.remove_where(
                tables,
                "corrections",
                lambda d: ud.placed_on(target)(d) and (name is None or d.get("field") == name),
            )
            return [d["field"] for d in gone]

        undone = self._write_user(change)
        if undone:
            self._corrections_changed([ud.article_of(target)])
        return undone

    def corrections(self) -> list[dict[str, Any]]:
        """Every correction row (placed or not), oldest first."""
        docs = self._tables("user").get("corrections", {}).values()  # type: ignore[attr-defined]
        return sorted((dict(d) for d in docs), key=lambda d: d.get("at") or "")

    def _raw_field(self, target: str, name: str) -> Any:
        """A field as extracted, before the user's corrections."""
        if ud.kind_of(target) == "quote":
            doc = self._quote_doc_raw(target)
            return doc.get(name) if doc else None
        row = self._list.get(target) or {}  # type: ignore[attr-defined]
        if name in row:
            return row[name]
        entry = self._entry(target)  # type: ignore[attr-defined]
        return (entry[0] or {}).get("meta", {}).get(name) if entry else None

    # -- removing and reading -----------------------------------------------------------
    def remove_articles(self, article_ids: Iterable[str]) -> list[str]:
        """Remove articles from every list (their user data stays); returns those removed."""
        ids = [a for a in dict.fromkeys(article_ids) if a not in self.user_view().archived]

        def change(tables: ud.Tables) -> list[str]:
            for aid in ids:
                meta = self.article_meta(aid) or {}  # type: ignore[attr-defined]
                ud.insert(
                    tables,
                    "archive",
                    {
                        "article_id": aid,
                        "title": meta.get("title"),
                        "path": meta.get("path"),
                        "at": ud.now(),
                    },
                )
            return ids

        return self._write_user(change) if ids else []

    def restore_articles(self, article_ids: Iterable[str]) -> list[str]:
        """Bring removed articles back; returns those restored."""
        wanted = set(article_ids)

        def change(tables: ud.Tables) -> list[str]:
            return [
                d["article_id"]
                for d in ud.remove_where(tables, "archive", lambda d: d["article_id"] in wanted)
            ]

        return self._write_user(change)

    def mark_read(self, article_id: str, read: bool = True) -> None:
        if (article_id in self.user_view().read) == read:
            return

        def change(tables: ud.Tables) -> None:
            ud.remove_where(tables, "reads", lambda d: d["article_id"] == article_id)
            if read:
                ud.insert(tables, "reads", {"article_id": article_id, "at": ud.now()})

        self._write_user(change)

    # -- dossiers ---------------------------------------------------------------------
    def dossiers(self) -> list[dict[str, Any]]:
        """Every dossier with its number of entries, by name."""
        tables = self._tables("user")  # type: ignore[attr-defined]
        counts: dict[str, int] = {}
        for d in tables.get("dossier_items", {}).values():
            counts[d["dossier"]] = counts.get(d["dossier"], 0) + 1
        return sorted(
            ({**d, "items": counts.get(d["name"], 0)} for d in tables.get("dossiers", {}).values()),
            key=lambda d: d["name"].casefold(),
        )

    def dossier_items(self, name: str) -> list[dict[str, Any]]:
        """The entries of a dossier in the order they were added (lost ones included)."""
        self._need_dossier(name)
        docs = self._tables("user").get("dossier_items", {})  # type: ignore[attr-defined]
        return [
            dict(d)
            for _k, d in sorted(docs.items(), key=lambda kv: int(kv[0]))
            if d["dossier"] == name
        ]

    def _need_dossier(self, name: str) -> None:
        if not any(d["name"] == name for d in self.dossiers()):
            known = ", ".join(d["name"] for d in self.dossiers()) or "none yet"
            raise UserDataError(f"no dossier named {name!r} (dossiers: {known})")

    def create_dossier(self, name: str) -> bool:
        """A new, empty dossier; False when one of that name exists."""
        name = name.strip()
        if not name:
            raise UserDataError("a dossier needs a name")

        def change(tables: ud.Tables) -> bool:
            if any(d["name"] == name for d in ud.rows(tables, "dossiers").values()):
                return False
            ud.insert(tables, "dossiers", {"name": name, "created": ud.now()})
            return True

        return self._write_user(change)

    def delete_dossier(self, name: str) -> int:
        """Delete a dossier and its entries (not the quotes); returns the entries dropped."""
        self._need_dossier(name)

        def change(tables: ud.Tables) -> int:
            ud.remove_where(tables, "dossiers", lambda d: d["name"] == name)
            return len(ud.remove_where(tables, "dossier_items", lambda d: d["dossier"] == name))

        return self._write_user(change)

    def dossier_add(self, name: str, targets: Iterable[str]) -> list[str]:
        """Add quotes, meetings or articles to a dossier (created if new); returns those added."""
        resolved = [self.resolve_target(t) for t in targets]
        anchors = {t: self._anchor(t) for t in resolved}
        name = name.strip()
        if not name:
            raise UserDataError("a dossier needs a name")

        def change(tables: ud.Tables) -> list[str]:
            if not any(d["name"] == name for d in ud.rows(tables, "dossiers").values()):
                ud.insert(tables, "dossiers", {"name": name, "created": ud.now()})
            present = {
                ud.target_of(d)
                for d in ud.rows(tables, "dossier_items").values()
                if d["dossier"] == name and not ud.is_lost(d)
            }
            added = []
            for target in dict.fromkeys(resolved):
                if target not in present:
                    ud.insert(
                        tables,
                        "dossier_items",
                        ud.anchored_row(target, anchors[target], dossier=name),
                    )
                    added.append(target)
            return added

        return self._write_user(change)

    def dossier_drop(self, name: str, targets: Iterable[str]) -> int:
        """Take entries out of a dossier; returns how many went."""
        self._need_dossier(name)
        wanted = set(targets)

        def change(tables: ud.Tables) -> int:
            return len(
                ud.remove_where(
                    tables,
                    "dossier_items",
                    lambda d: d["dossier"] == name and ud.target_of(d) in wanted,
                )
            )

        return self._write_user(change)

    # -- re-import, repair and the search index ----------------------------------------
    def _reanchor(
        self, tables: ud.Tables, articles: list[Article], old_quotes: Mapping[str, Any]
    ) -> Relocation:
        """Inside an import's write: move the rows of re-imported ``articles`` onto the same words."""
        ud.pin_anchors(tables, old_quotes)
        relocation = ud.reanchor(tables, articles)
        if relocation.moved or relocation.lost or relocation.found or relocation.kept:
            self._storage("user").changed = True  # type: ignore[attr-defined]
        self._user = None
        return relocation

    def repair_user(self, articles: Iterable[Article]) -> Relocation:
        """Inside repair's write: place the carried-over user rows on the repaired text.

        Rows whose article is not in the repaired library are kept, marked lost."""
        from natojp_tui.store.records import quote_doc

        articles = list(articles)
        tables = self._tables("user")  # type: ignore[attr-defined]
        ud.pin_anchors(tables, {q.id: quote_doc(q) for a in articles for q in a.quotes})
        relocation = ud.reanchor(tables, articles)
        present = {a.id for a in articles}
        for table in ud.ANCHORED_TABLES:
            for doc in ud.rows(tables, table).values():
                gone = doc.get("article_id") not in present and not ud.is_lost(doc)
                if gone and ud.row_kind(doc) in ("quote", "event"):
                    doc["lost"] = True
                    relocation.lost[table] = relocation.lost.get(table, 0) + 1
        self._storage("user").changed = True  # type: ignore[attr-defined]
        self._user = None
        return relocation

    def corrections_digest(self) -> str:
        """Changes whenever the corrections change (part of the saved index's tag)."""
        fixes = self.user_view().corrections
        if not fixes:
            return ""
        text = repr(sorted((k, sorted(v.items())) for k, v in fixes.items()))
        return hashlib.sha1(text.encode()).hexdigest()[:12]

    _dressed: tuple[Any, Any] | None = None  # (index, view) last dressed
    _dressed_digest: str = ""
    _dressed_ids: frozenset[str] = frozenset()  # quotes whose records were replaced, corrected

    def _dress_index(self, index: Any) -> Any:
        """Give the search index the user's stars, notes, tags, removed articles and
        corrections (corrected records replace the extracted ones, in memory only)."""
        from natojp_tui.core.search import UserLayer

        view = self.user_view()
        if self._dressed == (index, view):
            return index
        self._correct_records(index, view)
        index.replace_starred(view.starred)
        index.set_user_layer(
            UserLayer(
                notes={t: n for t, n in view.notes.items() if ud.kind_of(t) == "quote"},
                tags={t: frozenset(v) for t, v in view.tags.items() if ud.kind_of(t) == "quote"},
                article_tags={
                    t: frozenset(v) for t, v in view.tags.items() if ud.kind_of(t) == "article"
                },
                hidden=frozenset(view.archived),
            )
        )
        self._dressed = (index, view)
        return index

    def _correct_records(self, index: Any, view: UserView) -> None:
        digest = self.corrections_digest()
        if (
            self._dressed is not None
            and self._dressed[0] is index
            and digest == self._dressed_digest
        ):
            return
        wanted: set[str] = set()
        for target in view.corrections:
            kind = ud.kind_of(target)
            if kind == "quote":
                wanted.add(target)
            elif kind == "article":
                wanted.update(index.quote_ids_of(target))
        rows = self._rows_file() if self._ref("rows") else None  # type: ignore[attr-defined]
        records = []
        if rows is not None:
            for qid in wanted | set(self._dressed_ids):
                if qid in index:
                    with contextlib.suppress(KeyError):
                        records.append(self._corrected_record(self._record_from(rows, qid)))  # type: ignore[attr-defined]
        if records:
            index.add(records)
        self._dressed_ids = frozenset(wanted)
        self._dressed_digest = digest

    def _undress_index(self, index: Any, rows: Any) -> None:
        """Put the extracted records back (before the index is saved)."""
        if not self._dressed_ids:
            return
        old = self._rows_file() if self._ref("rows") else rows  # type: ignore[attr-defined]
        records = []
        for qid in self._dressed_ids:
            if qid in index:
                with contextlib.suppress(KeyError):
                    records.append(self._record_from(old, qid))  # type: ignore[attr-defined]
        if records:
            index.add(records)
        self._dressed_ids = frozenset()
        self._dressed = None

    def _corrected_record(self, record: Any) -> Any:
        """A search record with the user's corrections of its quote and article."""
        view = self.user_view()
        fixes = {
            **view.corrections.get(record.article_id, {}),
            **view.corrections.get(record.id, {}),
        }
        if not fixes:
            return record
        from dataclasses import replace

        changes = {
            k: v
            for k, v in fixes.items()
            if k in ("title", "published", "source", "speaker", "kind")
        }
        return replace(record, **changes)

    def _corrections_changed(self, article_ids: Iterable[str]) -> None:
        """Corrections are applied to the index in memory when it is dressed (never saved)."""
        del article_ids
        self._user_changed()
