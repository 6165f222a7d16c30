"""Converting between model dataclasses and the documents stored in TinyDB tables.

Written by hand rather than with ``dataclasses.asdict`` (which deep-copies): an import
of 10,000 articles turns about 100,000 quotes into documents.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from operator import attrgetter
from typing import Any

from natojp_tui.core.model import Article, Event, Person, Quote, Role, VisitMention

_QUOTE_FIELDS = tuple(Quote.__dataclass_fields__)
_EVENT_FIELDS = tuple(Event.__dataclass_fields__)
_quote_values = attrgetter(*_QUOTE_FIELDS)
_event_values = attrgetter(*_EVENT_FIELDS)


def iso(value: date | datetime | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.isoformat(timespec="minutes")
    return value.isoformat()


def to_date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def to_datetime(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def quote_doc(q: Quote) -> dict[str, Any]:
    doc = dict(zip(_QUOTE_FIELDS, _quote_values(q), strict=True))
    doc["speaker_ids"] = list(q.speaker_ids)
    return doc


def quote_from_doc(doc: dict[str, Any]) -> Quote:
    data = {k: v for k, v in doc.items() if k in Quote.__dataclass_fields__}
    data["speaker_ids"] = list(data.get("speaker_ids") or [])
    return Quote(**data)


def event_doc(e: Event) -> dict[str, Any]:
    doc = dict(zip(_EVENT_FIELDS, _event_values(e), strict=True))
    doc["date"] = iso(e.date)
    doc["participants"] = list(e.participants)
    return doc


def event_from_doc(doc: dict[str, Any]) -> Event:
    data = {k: v for k, v in doc.items() if k in Event.__dataclass_fields__}
    data["date"] = to_date(data.get("date"))
    data["participants"] = list(data.get("participants") or [])
    return Event(**data)


def visit_doc(v: VisitMention) -> dict[str, Any]:
    return {
        "visitor": v.visitor,
        "host": v.host,
        "paragraph": v.paragraph,
        "start": v.start,
        "end": v.end,
        "first_day": iso(v.first_day),
        "last_day": iso(v.last_day),
        "days": v.days,
    }


def visits_from_docs(docs: Any) -> list[VisitMention]:
    """Visit mentions stored in an article row (none for rows written before them)."""
    if not isinstance(docs, list):
        return []
    return [
        VisitMention(
            visitor=d.get("visitor"),
            host=d["host"],
            paragraph=d.get("paragraph", 0),
            start=d.get("start", 0),
            end=d.get("end", 0),
            first_day=to_date(d.get("first_day")),
            last_day=to_date(d.get("last_day")),
            days=d.get("days"),
        )
        for d in docs
        if isinstance(d, dict) and isinstance(d.get("host"), str)
    ]


def person_doc(p: Person) -> dict[str, Any]:
    return {
        "id": p.id,
        "name": p.name,
        "aliases": list(p.aliases),
        "gender": p.gender,
        "roles": [
            {
                "title": r.title,
                "organisation": r.organisation,
                "as_of": iso(r.as_of),
                "article_id": r.article_id,
            }
            for r in p.roles
        ],
    }


def person_from_doc(doc: dict[str, Any]) -> Person:
    roles = [
        Role(
            title=r["title"],
            organisation=r.get("organisation"),
            as_of=to_date(r.get("as_of")),
            article_id=r.get("article_id"),
        )
        for r in doc.get("roles", [])
    ]
    return Person(
        id=doc["id"],
        name=doc["name"],
        aliases=list(doc.get("aliases", [])),
        roles=roles,
        gender=doc.get("gender"),
    )


def article_row(a: Article, now: str) -> dict[str, Any]:
    """The ``articles`` table row: metadata and counts (the text lives in ``texts``)."""
    return {
        "id": a.id,
        "title": a.title,
        "published": iso(a.published),
        "updated": iso(a.updated),
        "source": a.source,
        "url": a.url,
        "language": a.language,
        "path": a.path,
        "checksum": a.checksum,
        "place": a.place,
        "encoding": a.encoding,
        "author": a.author,
        "title_derived": a.title_derived,
        "quotes": len(a.quotes),
        "events": len(a.events),
        "people": [p.id for p in a.people],
        "visits": [visit_doc(v) for v in a.visits],
        "imported_at": now,
    }


def text_row(a: Article, now: str) -> dict[str, Any]:
    """The shard's ``texts`` row: paragraphs, the whole metadata row and the people the
    article names (so the article list and the people family can be rebuilt from shards)."""
    return {
        "article_id": a.id,
        "path": a.path,
        "paragraphs": [[p.kind, p.text] for p in a.paragraphs],
        "meta": article_row(a, now),
        "people": [person_doc(p) for p in a.people],
    }


# ---------------------------------------------------------------------- validation
# Each checker returns None for a good record, else what is wrong with it. Records are
# checked when a file is read, so a damaged record is reported with its file and id
# instead of failing later with a KeyError.

_QUOTE_NEEDS = {"id": str, "article_id": str, "text": str, "kind": str}
_QUOTE_INTS = ("paragraph", "start", "end")
_EVENT_NEEDS = {"id": str, "article_id": str, "kind": str, "summary": str}


def _fields(doc: Any, needs: Mapping[str, type], ints: tuple[str, ...] = ()) -> str | None:
    if not isinstance(doc, dict):
        return "is not an object"
    for key, kind in needs.items():
        if not isinstance(doc.get(key), kind):
            return f"has no {key!r}" if key not in doc else f"has a bad {key!r}"
    for key in ints:
        value = doc.get(key)
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            return f"has no {key!r}" if key not in doc else f"has a bad {key!r}"
    return None


def quote_problem(doc: Any) -> str | None:
    problem = _fields(doc, _QUOTE_NEEDS, _QUOTE_INTS)
    if problem is None and doc["start"] > doc["end"]:
        return "ends before it starts"
    return problem


def event_problem(doc: Any) -> str | None:
    return _fields(doc, _EVENT_NEEDS, _QUOTE_INTS)


def text_problem(doc: Any) -> str | None:
    problem = _fields(doc, {"article_id": str, "paragraphs": list, "meta": dict})
    if problem:
        return problem
    for para in doc["paragraphs"]:
        if not (
            isinstance(para, list)
            and len(para) == 2
            and isinstance(para[0], str)
            and isinstance(para[1], str)
        ):
            return "has a bad paragraph"
    if not isinstance(doc.get("people", []), list):
        return "has a bad 'people'"
    return None


def person_problem(doc: Any) -> str | None:
    problem = _fields(doc, {"id": str, "name": str})
    if problem:
        return problem
    roles = doc.get("roles", [])
    if not isinstance(roles, list) or not all(
        isinstance(r, dict) and isinstance(r.get("title"), str) for r in roles
    ):
        return "has a bad 'roles'"
    return None


def star_problem(doc: Any) -> str | None:
    return _fields(doc, {"quote_id": str})


def state_problem(doc: Any) -> str | None:
    return _fields(doc, {"key": str})


def record_id(doc: Any) -> str:
    """How a record is named in a damage report."""
    if isinstance(doc, dict):
        for key in ("id", "quote_id", "article_id", "key"):
            if isinstance(doc.get(key), str):
                return doc[key]
    return "?"


def body_texts(paragraphs: list[list[str]]) -> list[str]:
    """Body paragraph texts of a stored ``paragraphs`` list (what quote offsets index)."""
    return [text for kind, text in paragraphs if kind == "body"]


def offsets_problem(doc: dict[str, Any], body: list[str]) -> str | None:
    """Why a quote's or event's offsets do not slice its article's body, or None."""
    p, start, end = doc["paragraph"], doc["start"], doc["end"]
    if p >= len(body) or end > len(body[p]):
        return f"points past its text (paragraph {p}, {start}-{end})"
    if "text" in doc and body[p][start:end] != doc["text"]:
        return f"no longer matches its text at paragraph {p}, {start}-{end}"
    return None
