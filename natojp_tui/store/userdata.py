"""The user's own data: stars, notes, tags, corrections, removals, reading state, dossiers.

All of it lives in the ``user`` family (``user.json``, small), never in the tables an
import rewrites, so re-import and repair cannot lose it. Tables:

==================  =====================================================================
``stars``           a starred quote
``notes``           one note per quote, article or meeting (``note``: the text)
``tags``            one row per tag on a quote, article or meeting (``tag``)
``corrections``     a user override of one field (``field``, ``value``, ``original``)
``archive``         a removed article (it leaves the lists; its user data stays)
``reads``           an article the user has read (``at``)
``dossiers``        a named collection (``name``, ``created``)
``dossier_items``   a quote, meeting or article in a dossier (``dossier``)
``state``           reader settings (``key``, ``value``)
==================  =====================================================================

A row about a quote or a meeting is *anchored*: besides ``target`` (the id it was last
placed on) it keeps ``anchor`` (the words and where they were, see
:mod:`natojp_tui.core.anchors`), so after a re-import of a changed article it is moved
to the same words; a row whose words are gone gets ``lost: true`` and is listed,
never dropped. Rows about an article use its id (stable: it comes from the file path).

This module works on the raw tables (``{table: {doc_id: doc}}``); :class:`~natojp_tui.store.db.Store`
holds the lock and writes the file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal

from natojp_tui.core.anchors import Anchor, Spot, event_spots, quote_spots, relocate
from natojp_tui.core.model import QUOTE_KINDS, Article

Tables = dict[str, dict[str, Any]]
TargetKind = Literal["quote", "event", "article"]

ANCHORED_TABLES = ("stars", "notes", "tags", "corrections", "dossier_items")
USER_TABLES = (*ANCHORED_TABLES, "archive", "reads", "dossiers", "state")
ARTICLE_FIELDS = ("title", "published", "source", "place")
QUOTE_FIELDS = ("speaker", "kind")
FIELD_ALIASES = {"date": "published"}
WHAT = {
    "stars": ("star", "stars"),
    "notes": ("note", "notes"),
    "tags": ("tag", "tags"),
    "corrections": ("correction", "corrections"),
    "dossier_items": ("dossier entry", "dossier entries"),
}

_EVENT_ID = re.compile(r".+:e\d+")
_QUOTE_ID = re.compile(r".+:\d+:\d+")


class UserDataError(ValueError):
    """A user-data request that cannot be honoured (bad field, value or target)."""


def now() -> str:
    return datetime.now().isoformat(timespec="seconds")


def kind_of(target: str) -> TargetKind:
    """``ARTICLE:P:S`` is a quote, ``ARTICLE:eN`` a meeting, anything else an article id."""
    if _QUOTE_ID.fullmatch(target):
        return "quote"
    if _EVENT_ID.fullmatch(target):
        return "event"
    return "article"


def article_of(target: str) -> str:
    return target.split(":", 1)[0]


def target_of(doc: Mapping[str, Any]) -> str:
    """The id a row is placed on (stars written before anchors only had ``quote_id``)."""
    return str(doc.get("target") or doc.get("quote_id") or doc.get("article_id") or "")


def row_kind(doc: Mapping[str, Any]) -> TargetKind:
    return doc.get("kind") or kind_of(target_of(doc))


def is_lost(doc: Mapping[str, Any]) -> bool:
    return bool(doc.get("lost"))


def normalise_tag(tag: str) -> str:
    """Tags are single words in lower case: ``"Stoltenberg visit 2023"`` → ``stoltenberg-visit-2023``."""
    cleaned = "-".join(tag.strip().lower().split())
    if not cleaned:
        raise UserDataError("a tag needs at least one letter or digit")
    return cleaned


def check_correction(kind: TargetKind, field_name: str, value: str) -> tuple[str, Any]:
    """The stored field name and value of a correction, or :class:`UserDataError`."""
    name = FIELD_ALIASES.get(field_name, field_name)
    allowed = ARTICLE_FIELDS if kind == "article" else QUOTE_FIELDS if kind == "quote" else ()
    if name not in allowed:
        shown = ["date" if f == "published" else f for f in allowed] or ["nothing"]
        what = {"article": "an article", "quote": "a quote", "event": "a meeting"}[kind]
        raise UserDataError(f"{what}'s {field_name} cannot be corrected (only {', '.join(shown)})")
    value = value.strip()
    if not value:
        raise UserDataError(f"give the corrected {field_name}")
    if name == "published":
        try:
            return name, date.fromisoformat(value).isoformat()
        except ValueError as exc:
            raise UserDataError(f"{value!r} is not a date (use YYYY-MM-DD)") from exc
    if name == "kind" and value not in QUOTE_KINDS:
        raise UserDataError(f"kind must be one of {', '.join(QUOTE_KINDS)}")
    return name, value


# --------------------------------------------------------------------------- raw tables


def rows(tables: Tables, table: str) -> dict[str, dict[str, Any]]:
    return tables.setdefault(table, {})


def insert(tables: Tables, table: str, doc: dict[str, Any]) -> str:
    """Add ``doc`` with the next free document id; returns the id."""
    docs = rows(tables, table)
    doc_id = str(max((int(k) for k in docs), default=0) + 1)
    docs[doc_id] = doc
    return doc_id


def remove_where(tables: Tables, table: str, pred) -> list[dict[str, Any]]:
    """Drop the rows ``pred`` accepts; returns them."""
    docs = rows(tables, table)
    doomed = [k for k, d in docs.items() if pred(d)]
    return [docs.pop(k) for k in doomed]


def anchored_row(target: str, anchor: Anchor | None, **extra: Any) -> dict[str, Any]:
    kind = kind_of(target)
    doc: dict[str, Any] = {
        "kind": kind,
        "target": target,
        "article_id": article_of(target),
        "at": now(),
    }
    if anchor is not None and kind != "article":
        doc["anchor"] = anchor.to_doc()
    doc.update(extra)
    return doc


def placed_on(target: str):
    """A row predicate: rows placed on ``target`` (lost rows are not placed anywhere)."""
    return lambda d: target_of(d) == target and not is_lost(d)


# --------------------------------------------------------------------------- the view


@dataclass(slots=True)
class UserView:
    """Lookups built from the user tables (rebuilt whenever they change)."""

    starred: set[str] = field(default_factory=set)
    notes: dict[str, str] = field(default_factory=dict)  # target -> note
    tags: dict[str, set[str]] = field(default_factory=dict)  # target -> tags
    corrections: dict[str, dict[str, Any]] = field(default_factory=dict)  # target -> field -> value
    originals: dict[str, dict[str, Any]] = field(
        default_factory=dict
    )  # target -> field -> original
    archived: dict[str, dict[str, Any]] = field(default_factory=dict)  # article id -> row
    read: dict[str, str] = field(default_factory=dict)  # article id -> when
    lost: list[dict[str, Any]] = field(default_factory=list)  # rows whose words are gone

    @classmethod
    def build(cls, tables: Mapping[str, Mapping[str, Any]]) -> UserView:
        view = cls()
        for table in ANCHORED_TABLES:
            for doc in tables.get(table, {}).values():
                if is_lost(doc):
                    view.lost.append({"table": table, **doc})
        for doc in tables.get("stars", {}).values():
            if not is_lost(doc):
                view.starred.add(target_of(doc))
        for doc in tables.get("notes", {}).values():
            if not is_lost(doc) and doc.get("note"):
                view.notes[target_of(doc)] = doc["note"]
        for doc in tables.get("tags", {}).values():
            if not is_lost(doc) and doc.get("tag"):
                view.tags.setdefault(target_of(doc), set()).add(doc["tag"])
        for doc in tables.get("corrections", {}).values():
            if not is_lost(doc) and doc.get("field"):
                target = target_of(doc)
                view.corrections.setdefault(target, {})[doc["field"]] = doc.get("value")
                view.originals.setdefault(target, {})[doc["field"]] = doc.get("original")
        for doc in tables.get("archive", {}).values():
            view.archived[doc["article_id"]] = doc
        for doc in tables.get("reads", {}).values():
            view.read[doc["article_id"]] = doc.get("at") or ""
        return view

    def annotations(self, target: str) -> dict[str, Any]:
        """``starred``, ``notes`` and ``tags`` of one quote (what exports and ``--json`` carry)."""
        note = self.notes.get(target)
        return {
            "starred": target in self.starred,
            "notes": [note] if note else [],
            "tags": sorted(self.tags.get(target, ())),
        }

    def meeting_tags(self, event_ids: Iterable[str]) -> list[str]:
        """Tags of a (merged) meeting: those on any of its events ``ARTICLE:eN`` and on
        their articles (an article's tag reaches its meetings, as it reaches its quotes)."""
        tags: set[str] = set()
        for event_id in event_ids:
            tags |= self.tags.get(event_id, set())
            tags |= self.tags.get(article_of(event_id), set())
        return sorted(tags)

    def lost_summary(self) -> list[str]:
        """``1 star could not be placed`` and the like, one line per kind of row."""
        counts: dict[str, int] = {}
        for doc in self.lost:
            counts[doc["table"]] = counts.get(doc["table"], 0) + 1
        out = []
        for table, n in counts.items():
            one, many = WHAT.get(table, (table, table))
            out.append(f"{n} {one if n == 1 else many} could not be placed")
        return out


# --------------------------------------------------------------------------- corrections


def corrected_article_row(row: dict[str, Any], view: UserView) -> dict[str, Any]:
    """``row`` with the user's corrections applied (a copy) and ``corrected`` naming them."""
    fixes = view.corrections.get(row["id"])
    if not fixes:
        return row
    out = dict(row)
    out.update(fixes)
    out["corrected"] = sorted(fixes)
    return out


def corrected_columns(columns: dict[str, list[Any]], view: UserView) -> dict[str, list[Any]]:
    """The article list's columns without removed articles, with corrected titles, dates
    and sources (newest first again when a date was corrected); untouched when neither."""
    if not view.archived and not view.corrections:
        return columns
    ids = columns["id"]
    keep = [i for i, aid in enumerate(ids) if aid not in view.archived]
    out = {name: [values[i] for i in keep] for name, values in columns.items()}
    redate = False
    for n, aid in enumerate(out["id"]):
        for name, value in view.corrections.get(aid, {}).items():
            if name in out:
                out[name][n] = value
                redate = redate or name == "published"
    if redate:
        order = sorted(range(len(out["id"])), key=lambda i: out["published"][i] or "", reverse=True)
        out = {name: [values[i] for i in order] for name, values in out.items()}
    return out


def correct_article(article: Article, fixes: Mapping[str, Any] | None) -> Article:
    """Apply an article's corrections to an ``Article`` in place (and return it)."""
    if not fixes:
        return article
    for name, value in fixes.items():
        if name == "published":
            article.published = date.fromisoformat(value) if value else None
        elif name in ("title", "source", "place"):
            setattr(article, name, value)
    return article


def corrected_quote_doc(doc: dict[str, Any], view: UserView) -> dict[str, Any]:
    """A quote document with the user's speaker/kind corrections applied (a copy)."""
    fixes = view.corrections.get(doc.get("id", ""))
    if not fixes:
        return doc
    from natojp_tui.core.people import slugify

    out = dict(doc)
    out.update(fixes)
    if "speaker" in fixes:
        out["speaker_id"] = slugify(fixes["speaker"])
        out["speaker_ids"] = [out["speaker_id"]]
        out["role"] = None  # the role was the old speaker's
    return out


# --------------------------------------------------------------------------- relocation


@dataclass(slots=True)
class Relocation:
    """What re-anchoring did after a re-import."""

    moved: int = 0  # rows placed on a different id than before
    kept: int = 0
    lost: dict[str, int] = field(default_factory=dict)  # table -> rows newly unplaced
    found: int = 0  # rows lost before, placed again

    def lines(self) -> list[str]:
        out = []
        for table, n in self.lost.items():
            one, many = WHAT.get(table, (table, table))
            out.append(f"{n} {one if n == 1 else many} could not be placed")
        return out


def anchored_rows(
    tables: Tables, article_ids: Iterable[str]
) -> Iterator[tuple[str, dict[str, Any]]]:
    wanted = set(article_ids)
    for table in ANCHORED_TABLES:
        for doc in rows(tables, table).values():
            if doc.get("article_id") in wanted and row_kind(doc) in ("quote", "event"):
                yield table, doc


def pin_anchors(tables: Tables, quote_docs: Mapping[str, Mapping[str, Any]]) -> int:
    """Give rows written before anchors (bare ``quote_id``) the words they point at now."""
    pinned = 0
    for table in ANCHORED_TABLES:
        for doc in rows(tables, table).values():
            if "anchor" in doc or row_kind(doc) != "quote":
                continue
            qdoc = quote_docs.get(target_of(doc))
            if qdoc is not None:
                doc["anchor"] = Anchor(qdoc["text"], qdoc["paragraph"], qdoc["start"]).to_doc()
                doc.setdefault("kind", "quote")
                doc.setdefault("target", target_of(doc))
                pinned += 1
    return pinned


def reanchor(tables: Tables, articles: Iterable[Article]) -> Relocation:
    """Move every anchored row of ``articles`` (just re-imported) onto the same words."""
    result = Relocation()
    by_id = {a.id: a for a in articles}
    spots: dict[tuple[str, str], list[Spot]] = {}
    for table, doc in anchored_rows(tables, by_id):
        kind = row_kind(doc)
        article = by_id[doc["article_id"]]
        key = (article.id, kind)
        if key not in spots:
            spots[key] = quote_spots(article) if kind == "quote" else event_spots(article)
        anchor_doc = doc.get("anchor")
        if anchor_doc is None:  # no words to go by: it stays only if its id is still there
            spot = next((s for s in spots[key] if s.id == target_of(doc)), None)
        else:
            spot = relocate(Anchor.from_doc(anchor_doc), spots[key])
        was_lost = is_lost(doc)
        if spot is None:
            if not was_lost:
                doc["lost"] = True
                result.lost[table] = result.lost.get(table, 0) + 1
            continue
        if spot.id != target_of(doc):
            result.moved += 1
        else:
            result.kept += 1
        if was_lost:
            result.found += 1
        doc["target"] = spot.id
        if "quote_id" in doc:
            doc["quote_id"] = spot.id
        doc["anchor"] = Anchor(spot.text, spot.paragraph, spot.start).to_doc()
        doc.pop("lost", None)
    return result
