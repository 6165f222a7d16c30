"""Write quotes with their attribution to a Markdown, CSV or JSON file.

Used by the reader (``e``) and the CLI. An existing file is kept unless ``force``;
a missing folder is reported, not created behind the user's back. Paragraph numbers
are 1-based in every format. Given ``annotate`` (quote -> ``{"starred", "notes",
"tags"}``, the store's :meth:`Store.annotations`), each quote carries the user's star,
notes and tags: JSON fields, CSV columns, Markdown lines under the blockquote.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Literal

from natojp_tui.core.citation import (
    clean,
    escape_markdown,
    format_date,
    format_markdown,
    quote_record,
)
from natojp_tui.core.model import Article, Quote

ExportFormat = Literal["markdown", "csv", "json"]
EXPORT_FORMATS: tuple[ExportFormat, ...] = ("markdown", "csv", "json")
EXTENSIONS: dict[str, ExportFormat] = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".csv": "csv",
    ".json": "json",
}
SUFFIX: dict[ExportFormat, str] = {"markdown": ".md", "csv": ".csv", "json": ".json"}
CSV_COLUMNS: tuple[str, ...] = (
    "id",
    "text",
    "display",
    "kind",
    "speaker",
    "role",
    "cue",
    "verb",
    "place",
    "date",
    "article_id",
    "article_title",
    "source",
    "url",
    "paragraph",
    "start",
    "end",
)

ANNOTATION_COLUMNS: tuple[str, ...] = ("starred", "notes", "tags")

ArticleLookup = Callable[[str], Article]
Annotate = Callable[[Quote], dict[str, object]]
Citer = Callable[[Quote, Article], str]  # a citation style applied to one quote


class ExportError(Exception):
    """The export could not be written; the message says why and what to do."""


FORMAT_ALIASES: dict[str, ExportFormat] = {"md": "markdown"}
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def format_for(path: Path, fmt: str | None = None) -> ExportFormat:
    """The export format: ``fmt`` (``md`` is ``markdown``) if given, else from the extension."""
    if fmt:
        fmt = FORMAT_ALIASES.get(fmt.lower(), fmt.lower())
        if fmt not in EXPORT_FORMATS:
            raise ExportError(
                f"unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}"
            )
        return fmt
    guessed = EXTENSIONS.get(path.suffix.lower())
    if guessed is None:
        raise ExportError(
            f"cannot tell the format of {path.name!r}: use a .md, .csv or .json name or give a format"
        )
    return guessed


def _pairs(quotes: Iterable[Quote], article_of: ArticleLookup) -> list[tuple[Quote, Article]]:
    cache: dict[str, Article] = {}
    pairs = []
    for q in quotes:
        if q.article_id not in cache:
            cache[q.article_id] = article_of(q.article_id)
        pairs.append((q, cache[q.article_id]))
    return pairs


def markdown_annotations(
    notes: Sequence[str], tags: Sequence[str], starred: bool = False
) -> list[str]:
    """The lines under a quoted blockquote: ``**Note:** …`` and ``Tags: #a #b ★``."""
    out = []
    for note in notes:
        lines = [escape_markdown(clean(line)) for line in note.splitlines() or [""]]
        out.append("**Note:** " + "  \n".join(lines))
    marks = [f"#{escape_markdown(clean(t))}" for t in tags] + (["★ starred"] if starred else [])
    if marks:
        out.append("Tags: " + " ".join(marks))
    return out


def render_markdown(
    pairs: Sequence[tuple[Quote, Article]],
    heading: str = "Quotes",
    cite: Citer | None = None,
    annotate: Annotate | None = None,
) -> str:
    """One ``##`` section per article (in first-seen order), each quote as a cited blockquote."""
    out = [f"# {heading}", ""]
    seen: list[str] = []
    grouped: dict[str, list[tuple[Quote, Article]]] = {}
    for q, a in pairs:
        if a.id not in grouped:
            seen.append(a.id)
            grouped[a.id] = []
        grouped[a.id].append((q, a))
    for aid in seen:
        article = grouped[aid][0][1]
        when = format_date(article.published)
        out.append(f"## {escape_markdown(clean(article.title))}" + (f" ({when})" if when else ""))
        out.append("")
        for q, a in grouped[aid]:
            out.append(format_markdown(q, a))
            out.append("")
            if cite is not None:
                out += [cite(q, a), ""]
            if annotate is not None:
                extra = annotate(q)
                lines = markdown_annotations(
                    extra.get("notes") or [],  # type: ignore[arg-type]
                    extra.get("tags") or [],  # type: ignore[arg-type]
                    bool(extra.get("starred")),
                )
                if lines:
                    out += [*lines, ""]
    return "\n".join(out)


def csv_cell(value: object) -> object:
    """A CSV cell that a spreadsheet will not run: text starting with ``= + - @``, tab or
    CR gets a leading ``'`` (the usual formula-injection guard); None is empty."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def render_csv(
    pairs: Sequence[tuple[Quote, Article]],
    cite: Citer | None = None,
    annotate: Annotate | None = None,
) -> str:
    """A header row then one row per quote (see ``CSV_COLUMNS``; a ``citation`` column
    with a style; then ``ANNOTATION_COLUMNS`` when annotated: starred ``yes`` or empty,
    notes joined by a blank line, tags by spaces); text cells are guarded against formula
    injection (:func:`csv_cell`)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")  # RFC 4180; a CR inside a cell is quoted
    columns = (*CSV_COLUMNS, "citation") if cite is not None else CSV_COLUMNS
    writer.writerow(columns + (ANNOTATION_COLUMNS if annotate else ()))
    for q, a in pairs:
        rec = quote_record(q, a)
        art = rec["article"]
        assert isinstance(art, dict)
        flat = {
            **rec,
            "article_id": art["id"],
            "article_title": art["title"],
            "source": art["source"],
            "url": art["url"],
        }
        if cite is not None:
            flat["citation"] = cite(q, a)
        row = [csv_cell(flat[c]) for c in columns]
        if annotate is not None:
            extra = annotate(q)
            row += [
                "yes" if extra.get("starred") else "",
                csv_cell("\n\n".join(extra.get("notes") or [])),  # type: ignore[arg-type]
                csv_cell(" ".join(extra.get("tags") or [])),  # type: ignore[arg-type]
            ]
        writer.writerow(row)
    return buf.getvalue()


def annotated_record(q: Quote, a: Article, annotate: Annotate | None = None) -> dict[str, object]:
    """``quote_record`` plus ``starred``, ``notes`` and ``tags`` when ``annotate`` is given."""
    record = quote_record(q, a)
    if annotate is not None:
        record.update(annotate(q))
    return record


# C1 controls, bidi controls, line/paragraph separators and lone surrogates: json.dumps
# keeps them raw; escaped, the output is the same JSON and inert on a terminal.
_JSON_UNSAFE = re.compile(
    "[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def dump_json(data: object, *, ascii_only: bool = False) -> str:
    """Indented JSON and a newline: UTF-8 text, or pure ASCII escapes when ``ascii_only``
    (for a console that cannot show every character); unsafe characters always escaped."""
    text = json.dumps(data, ensure_ascii=ascii_only, indent=2)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n"


def render_json(
    pairs: Sequence[tuple[Quote, Article]],
    cite: Citer | None = None,
    *,
    ascii_only: bool = False,
    annotate: Annotate | None = None,
) -> str:
    """A JSON list of quote records with attribution and offsets (and ``citation``, and
    annotations)."""
    records = []
    for q, a in pairs:
        rec = annotated_record(q, a, annotate)
        if cite is not None:
            rec["citation"] = cite(q, a)
        records.append(rec)
    return dump_json(records, ascii_only=ascii_only)


def render_quotes(
    quotes: Iterable[Quote],
    article_of: ArticleLookup,
    fmt: ExportFormat,
    heading: str = "Quotes",
    cite: Citer | None = None,
    *,
    ascii_only: bool = False,
    annotate: Annotate | None = None,
) -> str:
    """The export text of ``quotes`` in ``fmt``; ``article_of`` maps an article id to its
    Article; ``cite`` adds each quote's citation in a style. ``ascii_only`` makes JSON pure
    ASCII (for a console that is not UTF-8)."""
    pairs = _pairs(quotes, article_of)
    if fmt == "markdown":
        return render_markdown(pairs, heading, cite, annotate)
    if fmt == "csv":
        return render_csv(pairs, cite, annotate)
    return render_json(pairs, cite, ascii_only=ascii_only, annotate=annotate)


def export_quotes(
    quotes: Iterable[Quote],
    article_of: ArticleLookup,
    path: Path | str,
    fmt: str | None = None,
    *,
    force: bool = False,
    heading: str = "Quotes",
    cite: Citer | None = None,
    annotate: Annotate | None = None,
) -> Path:
    """Write ``quotes`` to ``path`` and return the resolved path.

    Raises ``ExportError`` when the folder does not exist, the file exists and
    ``force`` is false, or the file cannot be written.
    """
    target = Path(path).expanduser()
    kind = format_for(target, fmt)
    text = render_quotes(quotes, article_of, kind, heading, cite, annotate=annotate)
    return write_export(target, text, force=force)


def write_export(target: Path, text: str, *, force: bool = False) -> Path:
    """Write ``text`` to ``target`` (never over an existing file unless ``force``)."""
    folder = target.parent
    if not folder.is_dir():
        raise ExportError(
            f"folder {str(folder)!r} does not exist; create it or choose another path"
        )
    if target.exists() and not force:
        raise ExportError(f"{str(target)!r} already exists; use force to overwrite it")
    try:
        target.write_text(text, encoding="utf-8", newline="")
    except OSError as exc:
        raise ExportError(f"cannot write {str(target)!r}: {exc.strerror or exc}") from exc
    return target.resolve()
