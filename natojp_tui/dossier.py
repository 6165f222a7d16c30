"""Dossiers: a named collection of quotes, meetings and sources, exported as a brief.

A dossier (say "2023 Stoltenberg visit") holds quotes, meetings and articles the user
added (the ``dossier_items`` user table). :func:`collect` reads them from the store;
the brief is Markdown (the quotes with their citations, notes and tags, the timeline of
the meetings, the numbered source list), or CSV (one row per entry) or JSON.

Meetings are the ones added and those of the articles added as sources; sources are
the articles added and every article a quote or meeting comes from.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from natojp_tui.core.citation import escape_markdown, format_date, format_markdown
from natojp_tui.core.model import Article, Quote, to_jsonable
from natojp_tui.core.timeline import TimelineEntry, build_timeline
from natojp_tui.export import (
    ExportError,
    annotated_record,
    format_for,
    markdown_annotations,
    write_export,
)

CSV_COLUMNS: tuple[str, ...] = (
    "type",
    "id",
    "date",
    "time",
    "place",
    "who",
    "text",
    "article_id",
    "article_title",
    "source",
    "url",
    "notes",
    "tags",
)


@dataclass(slots=True)
class Dossier:
    """A dossier's contents, read from the store and ready to render."""

    name: str
    quotes: list[tuple[Quote, Article]] = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)
    sources: list[Article] = field(default_factory=list)
    annotations: dict[str, dict[str, Any]] = field(default_factory=dict)  # target -> annotations
    unplaced: list[dict[str, Any]] = field(default_factory=list)  # entries whose words are gone

    def counts(self) -> str:
        """``3 quotes · 1 meeting · 2 sources``."""
        parts = [
            (len(self.quotes), "quote"),
            (len(self.timeline), "meeting"),
            (len(self.sources), "source"),
        ]
        return " · ".join(f"{n} {word}{'' if n == 1 else 's'}" for n, word in parts)

    def annotate(self, quote: Quote) -> dict[str, Any]:
        return self.annotations.get(quote.id, {"starred": False, "notes": [], "tags": []})

    def source_number(self, article_id: str) -> int:
        return next((n for n, a in enumerate(self.sources, 1) if a.id == article_id), 0)


def collect(store: Any, name: str) -> Dossier:
    """Read dossier ``name`` from ``store`` (raises the store's UserDataError if unknown)."""
    from natojp_tui.store.userdata import is_lost, kind_of, target_of

    items = store.dossier_items(name)
    dossier = Dossier(name)
    articles: dict[str, Article] = {}

    def article(aid: str) -> Article | None:
        if aid not in articles:
            found = store.article(aid)
            if found is None:
                return None
            articles[aid] = found
        return articles[aid]

    order: list[str] = []  # source articles, in the order they first appear
    event_ids: set[str] = set()
    whole: set[str] = set()  # articles added as sources: all their meetings count
    for item in items:
        if is_lost(item):
            dossier.unplaced.append(item)
            continue
        target = target_of(item)
        kind = kind_of(target)
        aid = item["article_id"]
        a = article(aid)
        if a is None:
            dossier.unplaced.append(item)
            continue
        order.append(aid)
        if kind == "quote":
            quote = next((q for q in a.quotes if q.id == target), None)
            if quote is None:
                dossier.unplaced.append(item)
                continue
            dossier.quotes.append((quote, a))
            dossier.annotations[quote.id] = store.annotations(quote.id)
        elif kind == "event":
            event_ids.add(target)
        else:
            whole.add(aid)
    timeline_articles = [articles[aid] for aid in dict.fromkeys(order) if aid in articles]
    if event_ids or whole:
        entries = build_timeline(
            [
                a
                for a in timeline_articles
                if a.id in whole or any(e.id in event_ids for e in a.events)
            ]
        )
        dossier.timeline = [
            e
            for e in entries
            if any(s.event_id in event_ids or s.article_id in whole for s in e.sources)
        ]
        for entry in dossier.timeline:
            order += [s.article_id for s in entry.sources]
    dossier.sources = [articles[aid] for aid in dict.fromkeys(order) if aid in articles]
    for a in dossier.sources:
        dossier.annotations.setdefault(
            a.id, {"starred": False, "notes": _notes(store, a.id), "tags": store.tags_of(a.id)}
        )
    return dossier


def _notes(store: Any, target: str) -> list[str]:
    note = store.note_of(target)
    return [note] if note else []


def _when(entry: TimelineEntry) -> str:
    if entry.date:
        return entry.date.isoformat()
    return "during the visit" if entry.date_precision == "visit" else "date unknown"


# --------------------------------------------------------------------------- rendering


def render_markdown(dossier: Dossier) -> str:
    """The brief: quotes with citations, the timeline, the numbered source list."""
    out = [f"# {escape_markdown(dossier.name)}", ""]
    out.append(dossier.counts())
    out.append("")
    out += ["## Quotes", ""]
    if not dossier.quotes:
        out += ["No quotes in this dossier.", ""]
    for quote, article in dossier.quotes:
        cite = dossier.source_number(article.id)
        out.append(format_markdown(quote, article) + (f" [{cite}]" if cite else ""))
        out.append("")
        extra = dossier.annotate(quote)
        lines = markdown_annotations(extra["notes"], extra["tags"], extra["starred"])
        if lines:
            out += [*lines, ""]
    out += ["## Timeline", ""]
    if not dossier.timeline:
        out += ["No meetings in this dossier.", ""]
    for entry in dossier.timeline:
        head = ", ".join(p for p in (_when(entry), entry.time, entry.place) if p)
        who = f" ({escape_markdown(', '.join(entry.participants))})" if entry.participants else ""
        cites = "".join(
            f" [{n}]"
            for n in dict.fromkeys(dossier.source_number(s.article_id) for s in entry.sources)
            if n
        )
        out.append(f"- **{escape_markdown(head)}** — {escape_markdown(entry.summary)}{who}{cites}")
    out.append("")
    out += ["## Sources", ""]
    for n, article in enumerate(dossier.sources, 1):
        when = format_date(article.published)
        parts = [f"“{escape_markdown(article.title)}”"]
        parts += [escape_markdown(p) for p in (article.source, when) if p]
        where = article.url or article.path
        line = f"{n}. " + ", ".join(parts) + "."
        if where:
            line += f" <{where}>" if article.url else f" {escape_markdown(where)}"
        line += f" (id {article.id})"
        out.append(line)
        extra = dossier.annotations.get(article.id, {})
        for note_line in markdown_annotations(extra.get("notes") or [], extra.get("tags") or []):
            out.append(f"   {note_line}")
    if dossier.unplaced:
        out += ["", "## Not placed", ""]
        out.append(
            f"{len(dossier.unplaced)} entries could not be placed (their words are gone from the updated article):"
        )
        for item in dossier.unplaced:
            words = (item.get("anchor") or {}).get("text") or item.get("target")
            out.append(f"- {escape_markdown(str(words))}")
    return "\n".join(out) + "\n"


def render_csv(dossier: Dossier) -> str:
    """One row per quote, meeting and source (``type`` says which)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    by_id = {a.id: a for a in dossier.sources}

    def article_cells(article: Article | None) -> list[str]:
        if article is None:
            return ["", "", "", ""]
        return [article.id, article.title, article.source or "", article.url or article.path or ""]

    for quote, article in dossier.quotes:
        extra = dossier.annotate(quote)
        writer.writerow(
            [
                "quote",
                quote.id,
                article.published.isoformat() if article.published else "",
                "",
                "",
                quote.speaker or "",
                quote.text,
                *article_cells(article),
                "\n\n".join(extra["notes"]),
                " ".join(extra["tags"]),
            ]
        )
    for entry in dossier.timeline:
        first = entry.sources[0].article_id if entry.sources else None
        writer.writerow(
            [
                "meeting",
                entry.id,
                entry.date.isoformat() if entry.date else _when(entry),
                entry.time or "",
                entry.place or "",
                "; ".join(entry.participants),
                entry.summary,
                *article_cells(by_id.get(first) if first else None),
                "",
                "",
            ]
        )
    for article in dossier.sources:
        extra = dossier.annotations.get(article.id, {})
        writer.writerow(
            [
                "source",
                article.id,
                article.published.isoformat() if article.published else "",
                "",
                article.place or "",
                "",
                article.title,
                *article_cells(article),
                "\n\n".join(extra.get("notes") or []),
                " ".join(extra.get("tags") or []),
            ]
        )
    return buf.getvalue()


def render_json(dossier: Dossier) -> str:
    """``{"name", "quotes", "timeline", "sources", "unplaced"}``."""
    data = {
        "name": dossier.name,
        "quotes": [annotated_record(q, a, dossier.annotate) for q, a in dossier.quotes],
        "timeline": to_jsonable(dossier.timeline),
        "sources": [
            {
                "id": a.id,
                "title": a.title,
                "published": a.published.isoformat() if a.published else None,
                "source": a.source,
                "place": a.place,
                "url": a.url,
                "path": a.path,
                **{k: v for k, v in dossier.annotations.get(a.id, {}).items() if k != "starred"},
            }
            for a in dossier.sources
        ],
        "unplaced": dossier.unplaced,
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def render(dossier: Dossier, fmt: str) -> str:
    if fmt == "markdown":
        return render_markdown(dossier)
    if fmt == "csv":
        return render_csv(dossier)
    if fmt == "json":
        return render_json(dossier)
    raise ExportError(f"unknown export format {fmt!r}")


def export_dossier(
    dossier: Dossier, path: Path | str, fmt: str | None = None, *, force: bool = False
) -> Path:
    """Write the dossier to ``path`` (format from ``fmt`` or the extension)."""
    target = Path(path).expanduser()
    return write_export(target, render(dossier, format_for(target, fmt)), force=force)
