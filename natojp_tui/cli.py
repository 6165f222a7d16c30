"""The ``natojp`` command line: import, add, feeds, fetch, list, show, extract, quotes,
people, timeline, visits, export, repair, open — and the reader when no command is given.
The library commands (remove, star, note, tag, correct, dossier, read, unplaced) are in
``cli_library.py``.

Every error is one line on stderr: exit 2 for usage, 1 for failures. The reader (and
so Textual) is imported only when it is opened.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any, NoReturn

from natojp_tui import __version__
from natojp_tui.core.model import to_jsonable


class UsageError(Exception):
    """Bad arguments: exit 2."""


class Failure(Exception):
    """The command could not do its work: exit 1."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{self.prog} --help')")


def _console(stderr: bool = False):
    from rich.console import Console

    # soft_wrap: a printed line (a path, a quote) is never broken by Rich; the terminal wraps it.
    return Console(stderr=stderr, highlight=False, soft_wrap=True)


def _text(value: object, style: str = ""):
    """Printed values (article data, file names, ids) as Rich Text: data, never markup,
    with every control, bidi or undecodable character made a visible symbol."""
    from rich.text import Text

    from natojp_tui.tui.inert import inert

    return Text("" if value is None else inert(str(value)), style=style)


def _error_line(message: str) -> None:
    """One plain line on stderr, rendered inert like everything printed."""
    from natojp_tui.tui.inert import inert

    print(f"natojp: {inert(message)}", file=sys.stderr)


def _stdout_is_unicode() -> bool:
    encoding = (getattr(sys.stdout, "encoding", None) or "utf-8").lower().replace("_", "-")
    return encoding.startswith("utf")


def _print_json(data: Any) -> None:
    """JSON on stdout: UTF-8 when the terminal takes it, else pure ASCII escapes."""
    from natojp_tui.export import dump_json

    sys.stdout.write(dump_json(to_jsonable(data), ascii_only=not _stdout_is_unicode()))


# ---------------------------------------------------------------------- store
def _db_path(args: argparse.Namespace) -> Path:
    """The database folder from ``--db``/``$NATOJP_DB``; an empty value is refused."""
    import os

    from natojp_tui.locations import DB_ENV, default_db_path

    if args.db is not None and not args.db.strip():
        raise UsageError("--db is empty; give a database folder path")
    if args.db is None and DB_ENV in os.environ and not os.environ[DB_ENV].strip():
        raise UsageError(f"${DB_ENV} is set but empty; give a database folder path or unset it")
    return default_db_path(args.db)


def _open_store(args: argparse.Namespace, *, seed: bool = True):
    from natojp_tui.store import Store, StoreError

    path = _db_path(args)
    try:
        store = Store.open(path)
        if seed:
            store.ensure_seeded()
    except StoreError as exc:
        raise Failure(str(exc)) from exc
    return store


def _progress_import(store, targets: Sequence[str]):
    """Import with a Rich progress bar when there are more than a few files."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    from natojp_tui.ingest import expand_paths

    files, _ = expand_paths(targets)
    if len(files) <= 5 or not sys.stderr.isatty():
        return store.import_paths(targets)
    with Progress(
        TextColumn("importing"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=_console(stderr=True),
        transient=True,
    ) as bar:
        task = bar.add_task("import", total=len(files))
        return store.import_paths(
            targets, progress=lambda n, total, _p: bar.update(task, completed=n, total=total)
        )


# ---------------------------------------------------------------------- commands
def cmd_import(args: argparse.Namespace) -> int:
    from natojp_tui.store import StoreError

    store = _open_store(args, seed=False)
    try:
        report = _progress_import(store, args.paths)
    except StoreError as exc:
        raise Failure(str(exc)) from exc
    for path, reason in report.failed:
        _error_line(f"{path}: {reason}")
    if args.json:
        _print_json(
            {
                "imported": report.imported,
                "updated": report.updated,
                "unchanged": report.unchanged,
                "failed": [{"path": p, "reason": r} for p, r in report.failed],
                "unplaced": report.user,
            }
        )
    else:
        _console().print(_text(report.summary()))
        for line in report.user:
            _console().print(_text(f"{line} (kept; 'natojp unplaced' lists them)"))
    return 0 if report.ok else 1


# ---------------------------------------------------------------------- the web
def _fetcher(args: argparse.Namespace, policy):
    from natojp_tui.web.fetch import Fetcher, FetchSettings

    settings = FetchSettings(
        timeout=args.timeout,
        deadline=max(args.timeout * 4, args.timeout + 1),
        retries=args.retries,
        host_delay=args.delay,
    )
    return Fetcher(settings, policy)


def _line(text) -> None:
    """One message line, never wrapped (it names URLs)."""
    _console().print(text, soft_wrap=True)


def _book(store):
    return store.feed_book()


def _feed_error(exc: Exception) -> Failure:
    return Failure(str(exc))


def cmd_add(args: argparse.Namespace) -> int:
    from natojp_tui.store import StoreError
    from natojp_tui.store.feeds import FeedBookError
    from natojp_tui.web.sync import add_urls, policy_for

    store = _open_store(args, seed=False)
    book = _book(store)
    try:
        with _fetcher(args, policy_for(book)) as fetcher:
            results = add_urls(store, book, args.urls, fetcher)
    except (StoreError, FeedBookError) as exc:
        raise Failure(str(exc)) from exc
    for r in results:
        if r.status == "failed":
            _error_line(f"{r.url}: {r.reason}")
    if args.json:
        _print_json([{k: getattr(r, k) for k in r.__slots__} for r in results])
    else:
        out = _console()
        out.soft_wrap = True
        for r in results:
            if r.status != "failed":
                out.print(_text(f"{r.status:9} {r.article_id}  {r.title or r.url}"))
        counts = {
            s: sum(r.status == s for r in results)
            for s in ("imported", "updated", "unchanged", "failed")
        }
        out.print(_text(", ".join(f"{n} {s}" for s, n in counts.items())))
    return 1 if any(r.status == "failed" for r in results) else 0


def _default_feed_name(url: str, taken: set[str]) -> str:
    from urllib.parse import urlsplit

    host = (urlsplit(url).hostname or "feed").lower().removeprefix("www.")
    name = "".join(ch if ch.isalnum() or ch in "._-" else "-" for ch in host)[:56] or "feed"
    candidate, n = name, 2
    while candidate in taken:
        candidate, n = f"{name}-{n}", n + 1
    return candidate


def cmd_feeds(args: argparse.Namespace) -> int:
    from natojp_tui.store.feeds import FeedBookError
    from natojp_tui.web.safety import UnsafeURL, canonical_url

    book = _book(_open_store(args, seed=False))
    try:
        if args.feeds_command == "add":
            try:
                url = canonical_url(args.url)
            except UnsafeURL as exc:
                raise UsageError(str(exc)) from exc
            name = args.name or _default_feed_name(url, {f["name"] for f in book.feeds()})
            feed = book.add_feed(url, name)
            _line(
                _text(
                    f"subscribed to {feed['url']} as {feed['name']!r} (fetch it with 'natojp fetch {feed['name']}')"
                )
            )
        elif args.feeds_command == "remove":
            feed = book.remove_feed(args.name)
            _line(
                _text(
                    f"unsubscribed from {feed['name']!r} ({feed['url']}); its articles stay in the library"
                )
            )
        else:
            feeds = book.feeds()
            state = book.read()["feeds"]
            counts = {
                f["name"]: sum(1 for v in f.get("seen", {}).values() if v.get("article"))
                for f in state
            }
            rows = [
                {
                    "name": f["name"],
                    "url": f["url"],
                    "title": f.get("title"),
                    "added": f.get("added"),
                    "last_fetch": f.get("last_fetch"),
                    "last_status": f.get("last_status"),
                    "articles": counts.get(f["name"], 0),
                }
                for f in feeds
            ]
            if args.json:
                _print_json(rows)
            elif not rows:
                _line(_text("no feeds yet: subscribe with 'natojp feeds add URL [--name NAME]'"))
            else:
                _print_table(
                    f"{len(rows)} feeds",
                    ("name", "url", "articles", "last fetch", "status"),
                    [
                        (
                            r["name"],
                            r["url"],
                            r["articles"],
                            r["last_fetch"] or "never",
                            r["last_status"] or "",
                        )
                        for r in rows
                    ],
                )
    except FeedBookError as exc:
        raise Failure(str(exc)) from exc
    return 0


def _fetch_progress(total_feeds: int):
    """A Rich progress bar on stderr (a terminal only): one line per feed."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    if not sys.stderr.isatty():
        return None, None
    bar = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=_console(stderr=True),
        transient=True,
    )
    tasks: dict[str, Any] = {}

    def update(name: str, done: int, total: int) -> None:
        if name not in tasks:
            tasks[name] = bar.add_task(f"fetching {name}", total=total)
        bar.update(tasks[name], completed=done, total=total)

    return bar, update


def cmd_fetch(args: argparse.Namespace) -> int:
    import contextlib

    from natojp_tui.store import StoreError
    from natojp_tui.store.feeds import FeedBookError
    from natojp_tui.web.sync import fetch_feeds, policy_for

    store = _open_store(args, seed=False)
    book = _book(store)
    try:
        if not book.feeds():
            raise Failure("no feeds to fetch: subscribe with 'natojp feeds add URL [--name NAME]'")
        bar, update = _fetch_progress(len(book.feeds()))
        with _fetcher(args, policy_for(book)) as fetcher, bar or contextlib.nullcontext():
            results = fetch_feeds(
                store, book, args.names, fetcher, max_items=args.max_items, progress=update
            )
    except KeyError as exc:
        raise Failure(f"no feed named {exc.args[0]!r} (see 'natojp feeds list')") from exc
    except (StoreError, FeedBookError) as exc:
        raise Failure(str(exc)) from exc
    for r in results:
        if r.error:
            _error_line(f"{r.name}: {r.error}")
        for link, reason in r.failed:
            _error_line(f"{r.name}: {link}: {reason}")
    if args.json:
        _print_json(
            [
                {
                    "name": r.name,
                    "url": r.url,
                    "status": r.status,
                    "new": r.new,
                    "unchanged": r.seen,
                    "failed": [{"url": u, "reason": why} for u, why in r.failed],
                    "error": r.error,
                    "left": r.left,
                }
                for r in results
            ]
        )
    else:
        _print_table(
            f"{len(results)} feeds fetched",
            ("feed", "status", "new", "unchanged", "failed", "left for next time"),
            [
                (
                    r.name,
                    r.status,
                    len(r.new),
                    r.seen,
                    len(r.failed) + (1 if r.error else 0),
                    r.left or "",
                )
                for r in results
            ],
        )
    return 0 if all(r.ok for r in results) else 1


def _article_rows(store, archived: bool = False) -> list[dict[str, Any]]:
    keys = ("id", "title", "published", "updated", "source", "url", "path", "quotes", "events")
    fresh = store.new_articles()
    return [
        {
            **{k: a.get(k) for k in keys},
            "corrected": a.get("corrected", []),
            "read": store.is_read(a["id"]),
            "new": a["id"] in fresh,
        }
        for a in store.articles(archived=archived)
    ]


def cmd_list(args: argparse.Namespace) -> int:
    store = _open_store(args)
    rows = _article_rows(store, archived=args.archived)
    if args.json:
        _print_json(rows)
        return 0
    from rich.table import Table

    table = Table(title=_text(f"{len(rows)} articles"), expand=False)
    for col, kw in (
        ("id", {"no_wrap": True}),
        ("published", {"no_wrap": True}),
        ("source", {}),
        ("title", {"ratio": 1}),
        ("quotes", {"justify": "right"}),
        ("events", {"justify": "right"}),
    ):
        table.add_column(col, **kw)
    for r in rows:
        table.add_row(
            *(_text(r[c]) for c in ("id", "published", "source", "title", "quotes", "events"))
        )
    _console().print(table)
    return 0


AMBIGUOUS_SHOWN = 10  # candidates listed when an id prefix matches several articles


def _resolve_article(store, target: str) -> str:
    aid = store.find_article(target)
    if aid is not None:
        return aid
    candidates = sorted(a for a in store.article_ids() if target and a.startswith(target))
    if len(candidates) > 1:
        titles = {a["id"]: a.get("title") or "" for a in store.articles(copy=False)}
        listed = "; ".join(f"{a} {titles.get(a, '')}" for a in candidates[:AMBIGUOUS_SHOWN])
        more = (
            f"; and {len(candidates) - AMBIGUOUS_SHOWN} more"
            if len(candidates) > AMBIGUOUS_SHOWN
            else ""
        )
        raise Failure(
            f"{target!r} is ambiguous: it starts {len(candidates)} article ids "
            f"(give more characters): {listed}{more}"
        )
    raise Failure(
        f"no article matches {target!r} (give an id, a unique id prefix or an imported file's path)"
    )


def cmd_show(args: argparse.Namespace) -> int:
    store = _open_store(args)
    article = store.article(_resolve_article(store, args.id))
    assert article is not None
    corrected = sorted(store.corrections_of(article.id))
    if args.json:
        data = to_jsonable(article)
        data["body"] = article.body
        data["corrected"] = corrected
        data["note"] = store.note_of(article.id)
        data["tags"] = store.tags_of(article.id)
        _print_json(data)
        return 0
    out = _console()
    out.print(_text(article.title, "bold"))
    meta = " · ".join(str(x) for x in (article.published, article.source, article.place) if x)
    out.print(_text(meta, "dim"))
    out.print(_text(f"id {article.id}  {article.url or article.path or ''}", "dim"))
    if corrected:
        names = ", ".join("date" if f == "published" else f for f in corrected)
        out.print(
            _text(f"corrected by you: {names} ('natojp correct {article.id} FIELD --undo')", "dim")
        )
    for n, p in enumerate(article.paragraphs):
        if p.kind == "body":
            out.print()
            out.print(_text(p.text))
        elif p.kind == "caption":
            out.print()
            out.print(_text(p.text, "italic dim"))
        del n
    out.print()
    out.print(_text(f"{len(article.quotes)} quotes, {len(article.events)} events", "dim"))
    return 0


def extract_record(article) -> dict[str, Any]:
    """The ``natojp extract --json`` record of one analysed article."""
    return {
        "path": article.path,
        "id": article.id,
        "title": article.title,
        "published": article.published,
        "updated": article.updated,
        "source": article.source,
        "place": article.place,
        "paragraphs": article.body,
        "captions": article.captions,
        "quotes": article.quotes,
        "events": article.events,
        "people": article.people,
    }


def cmd_extract(args: argparse.Namespace) -> int:
    from natojp_tui.core.readers import ArticleError
    from natojp_tui.ingest import load_article, shown_path

    records: list[dict[str, Any]] = []
    failed = 0
    for name in args.files:
        path = Path(name)
        try:
            article = load_article(path)
        except ArticleError as exc:
            _error_line(f"{shown_path(name)}: {exc}")
            failed += 1
            continue
        article.path = shown_path(name)
        records.append(extract_record(article))
    if args.json:
        _print_json(records[0] if len(args.files) == 1 and records else records)
    else:
        out = _console()
        for rec in records:
            out.rule(_text(rec["title"]))
            out.print(
                _text(
                    f"{rec['published']} · {rec['source'] or 'source unknown'} · {rec['path']}",
                    "dim",
                )
            )
            for q in rec["quotes"]:
                who = q.speaker or "(unattributed)"
                out.print(
                    _text(
                        f"[{q.kind}] {who} ({q.cue or '-'}), ¶{q.paragraph} {q.start}-{q.end}: {q.text}"
                    )
                )
            for e in rec["events"]:
                when = (
                    e.date.isoformat()
                    if e.date
                    else "during the visit"
                    if e.date_precision == "visit"
                    else "date unknown"
                )
                out.print(
                    _text(
                        f"[{e.kind}] {when} {e.time or ''} {e.place or ''}: {e.summary} — {', '.join(e.participants)}"
                    )
                )
    return 1 if failed else 0


def cmd_quotes(args: argparse.Namespace) -> int:
    store = _open_store(args)
    article_id = _resolve_article(store, args.article) if args.article else None
    quotes, article_of, total = _select_quotes(
        store,
        args.query,
        article_id=article_id,
        speaker=args.speaker,
        kind=args.kind,
        starred=args.starred,
        limit=args.limit,
    )
    if len(quotes) < total:
        _error_line(f"showing the first {len(quotes)} of {total} quotes (--limit 0 for all)")
    cite = _citer(store, args.style) if args.style else None
    if args.json or args.csv or args.md:
        from natojp_tui.export import ExportFormat, render_quotes

        fmt: ExportFormat = "json" if args.json else "csv" if args.csv else "markdown"
        annotate = lambda q: store.annotations(q.id)  # noqa: E731
        text = render_quotes(
            quotes,
            article_of,
            fmt,
            cite=cite,
            ascii_only=not _stdout_is_unicode(),
            annotate=annotate,
        )
        sys.stdout.write(text)
        return 0
    if cite is not None:
        sys.stdout.write("\n\n".join(cite(q, article_of(q.article_id)) for q in quotes) + "\n")
        return 0
    from rich.table import Table

    table = Table(title=_text(f"{total} quotes"))
    for col in ("date", "speaker", "kind", "quote", "article"):
        table.add_column(col, ratio=3 if col == "quote" else None)
    for q in quotes:
        a = article_of(q.article_id)
        table.add_row(
            _text(a.published.isoformat() if a.published else None),
            _text(q.speaker or "—"),
            _text(q.kind),
            _text(q.text),
            _text(a.title),
        )
    _console().print(table)
    return 0


def _search_query(query: str | None, *, article_id=None, speaker=None, kind=None, starred=False):
    """The command line's filters in the search box's language."""
    parts = [query or ""]
    if article_id:
        parts.append(f"article:{article_id}")
    if kind:
        parts.append(f"kind:{kind}")
    if starred:
        parts.append("is:starred")
    if speaker:
        parts.append('speaker:"{}"'.format(speaker.replace('"', " ").strip()))
    return " ".join(p for p in parts if p)


def _check_query(query: str | None) -> None:
    """A filter the query language cannot use is a usage error (exit 2) with its reason."""
    if not query:
        return
    from natojp_tui.core.search import parse_query

    problems = parse_query(query).problems
    if problems:
        raise UsageError(f"bad search filter: {'; '.join(problems)}")


def _select_quotes(
    store, query: str | None, *, article_id=None, speaker=None, kind=None, starred=False, limit=0
):
    """Matching quotes from the search index (newest first, at most ``limit``; 0 for all),
    an article lookup for citations, and the number of matches. No quote shard is read."""
    _check_query(query)
    filters = {"article_id": article_id, "kind": kind, "starred": starred}
    size = limit if limit and limit > 0 else None
    parsed = store.parsed_query(_search_query(query, speaker=speaker, **filters))
    for problem in parsed.problems:  # source:/visit: that names no article: said, not hidden
        _error_line(problem)
    result = store.search(parsed, limit=size or 0)
    if size is None:
        result = store.search(parsed, limit=result.total)
    records = [h.record for h in result.hits]
    total = result.total
    if speaker and not total:  # no name holds it: a close spelling ("Rasmusen")
        from natojp_tui.store.db import match_speakers

        names = match_speakers(speaker, {p.name for p in store.people()})
        pages = [
            store.search(_search_query(query, speaker=name, **filters), limit=size or 10**9)
            for name in sorted(names)
        ]
        found = {h.record.id: h.record for page in pages for h in page.hits}
        records = sorted(
            found.values(),
            key=lambda r: (-_ordinal(r.published), r.article_id, r.paragraph, r.start),
        )
        total = sum(page.total for page in pages)
        records = records[:size] if size else records
    quotes, article_of = store.cited_quotes(r.id for r in records)
    return quotes, article_of, total


def _ordinal(published: str | None) -> int:
    from datetime import date

    try:
        return date.fromisoformat((published or "")[:10]).toordinal()
    except ValueError:
        return 0


def cmd_people(args: argparse.Namespace) -> int:
    store = _open_store(args)
    counts = store.quote_counts()  # from the digest; a joint statement counts for each speaker
    rows = []
    for p in sorted(store.people(), key=lambda p: (-counts.get(p.id, 0), p.name)):
        data = to_jsonable(p)
        data["quotes"] = counts.get(p.id, 0)
        rows.append(data)
    if args.json:
        _print_json(rows)
        return 0
    from rich.table import Table

    table = Table(title=_text(f"{len(rows)} people"))
    for col in ("name", "roles", "quotes", "aliases"):
        table.add_column(col)
    for r in rows:
        roles = "; ".join(
            " ".join(
                x
                for x in (
                    role.get("organisation"),
                    role["title"],
                    f"({role['as_of']})" if role.get("as_of") else None,
                )
                if x
            )
            for role in r["roles"]
        )
        table.add_row(
            _text(r["name"]), _text(roles), _text(r["quotes"]), _text(", ".join(r["aliases"]))
        )
    _console().print(table)
    return 0


def _print_table(title: str, columns: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    """A Rich table whose cells are plain text (article data is never markup)."""
    from rich.table import Table

    table = Table(title=_text(title))
    for col in columns:
        table.add_column(col, overflow="fold")
    for row in rows:
        table.add_row(*(_text(cell) for cell in row))
    _console().print(table)


def _day(text: str) -> date:
    """An ISO day for ``--from`` / ``--to``."""
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from exc


def cmd_timeline(args: argparse.Namespace) -> int:
    store = _open_store(args)
    article = _resolve_article(store, args.article) if args.article else None
    entries = store.timeline(
        article=article, visit=args.visit, person=args.person, start=args.since, end=args.until
    )
    view = store.user_view()
    removed = view.archived  # removed articles leave the timeline too
    entries = [e for e in entries if any(s.article_id not in removed for s in e.sources)]
    tags = {id(e): view.meeting_tags(s.event_id for s in e.sources if s.event_id) for e in entries}
    if args.tag:
        from natojp_tui.store.userdata import normalise_tag

        wanted = normalise_tag(args.tag)
        entries = [e for e in entries if any(t.startswith(wanted) for t in tags[id(e)])]
    if args.json:
        rows = to_jsonable(entries)
        for row, e in zip(rows, entries, strict=True):
            row["tags"] = tags[id(e)]
            notes = (view.notes.get(s.event_id or "") for s in e.sources)
            row["notes"] = list(dict.fromkeys(n for n in notes if n))
        _print_json(rows)
        return 0

    def when(e) -> str:
        if e.date:
            return e.date.isoformat()
        if e.background:
            return "before (date unknown)"
        return "during the visit" if e.date_precision == "visit" else "date unknown"

    _print_table(
        f"{len(entries)} timeline entries",
        ("date", "time", "place", "what", "who", "sources"),
        [
            (
                when(e),
                e.time,
                e.place,
                e.summary,
                ", ".join([*e.participants, *e.groups]),
                ", ".join(dict.fromkeys(s.article_id for s in e.sources)),
            )
            for e in entries
        ],
    )
    return 0


def cmd_visits(args: argparse.Namespace) -> int:
    store = _open_store(args)
    visits = store.visits(_resolve_article(store, args.article) if args.article else None)
    if args.json:
        _print_json(visits)
        return 0
    _print_table(
        f"{len(visits)} visits",
        ("id", "visitor", "host", "from", "to", "articles"),
        [(v.id, v.visitor, v.host, v.start, v.end, len(v.article_ids)) for v in visits],
    )
    return 0


def _citer(store, style: str):
    """A ``cite(quote, article)`` in ``style`` that reads each whole article once (bylines
    and the words before a reported clause are in its paragraphs)."""
    from datetime import date

    from natojp_tui.core.references import format_copy

    today = date.today()
    full: dict[str, Any] = {}

    def cite(quote, article) -> str:
        if article.id not in full:
            full[article.id] = store.article(article.id) or article
        return format_copy(quote, full[article.id], style, today)

    return cite


def cmd_cite(args: argparse.Namespace) -> int:
    store = _open_store(args)
    quote = store.quote(args.quote_id)
    if quote is None:
        raise Failure(f"no quote {args.quote_id!r} (natojp quotes --json lists quote ids)")
    article = store.article(quote.article_id)
    if article is None:
        raise Failure(f"the article of quote {args.quote_id!r} is not in the library")
    sys.stdout.write(_citer(store, args.style)(quote, article) + "\n")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from natojp_tui.export import ExportError, export_quotes

    store = _open_store(args)
    article_id = _resolve_article(store, args.article) if args.article else None
    quotes, article_of, _total = _select_quotes(
        store,
        args.query,
        article_id=article_id,
        speaker=args.speaker,
        kind=args.kind,
        starred=args.starred,
        limit=args.limit,
    )
    try:
        cite = _citer(store, args.style) if args.style else None
        target = export_quotes(
            quotes,
            article_of,
            args.output,
            args.format,
            force=args.force,
            cite=cite,
            annotate=lambda q: store.annotations(q.id),
        )
    except ExportError as exc:
        raise Failure(str(exc)) from exc
    _console(stderr=True).print(_text(f"exported {len(quotes)} quotes to {target}"))
    return 0


def cmd_repair(args: argparse.Namespace) -> int:
    from natojp_tui.store import StoreError
    from natojp_tui.store.repair import repair

    folder = _db_path(args)
    try:
        result = repair(folder)
    except StoreError as exc:
        raise Failure(str(exc)) from exc
    except OSError as exc:
        where = exc.filename or folder
        raise Failure(
            f"{where}: cannot repair ({exc.strerror or exc}); repair moves the files aside "
            "inside the database folder, so it needs write access there"
        ) from exc
    out = _console()
    for line in result.lines():
        out.print(_text(line))
    return 0 if result.ok else 1


def cmd_open(args: argparse.Namespace) -> int:
    from natojp_tui.store import StoreError

    store = _open_store(args)
    target = args.target
    aid = store.find_article(target)
    if aid is None and Path(target).is_file():
        try:
            report = store.import_paths([target])
        except StoreError as exc:
            raise Failure(str(exc)) from exc
        if report.failed:
            raise Failure(f"{report.failed[0][0]}: {report.failed[0][1]}")
        aid = store.find_article(target)
    if aid is None:
        raise Failure(f"no article or file matches {target!r}")
    return _run_reader(store, aid)


def cmd_reader(args: argparse.Namespace) -> int:
    return _run_reader(_open_store(args), None)


def _run_reader(store, article_id: str | None) -> int:
    """Run the reader; its exit code is non-zero when it stopped on an error.

    The cyclic garbage collector is paused from here (before Textual is imported) until
    the first article is drawn (``NatoJpApp.resume_collector``): start-up makes hundreds
    of thousands of long-lived objects, and each automatic collection would walk them
    all again (about a tenth of the CPU time to the first article)."""
    import gc

    gc.disable()
    from natojp_tui.tui.app import run

    return run(store, open_article_id=article_id)


# ---------------------------------------------------------------------- parser
def build_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="natojp",
        description="Read press releases and readouts; find who said what, when and where.",
    )
    p.add_argument("--version", action="version", version=f"natojp-tui {__version__}")
    p.add_argument(
        "--db", metavar="PATH", help="database folder (default: $NATOJP_DB or the user data dir)"
    )
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def add(name: str, func, help_: str) -> argparse.ArgumentParser:
        sp = sub.add_parser(name, help=help_, description=help_)
        sp.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help="database folder")
        sp.set_defaults(func=func)
        return sp

    sp = add("import", cmd_import, "import article files, folders or globs (.txt .md .html)")
    sp.add_argument("paths", nargs="+", metavar="PATH")
    sp.add_argument("--json", action="store_true", help="print the report as JSON")

    def fetch_options(sp: argparse.ArgumentParser) -> None:
        sp.add_argument(
            "--timeout",
            type=float,
            default=15.0,
            metavar="S",
            help="seconds to wait for a server (default 15)",
        )
        sp.add_argument(
            "--delay",
            type=float,
            default=1.0,
            metavar="S",
            help="seconds between requests to one host (default 1)",
        )
        sp.add_argument(
            "--retries",
            type=int,
            default=2,
            metavar="N",
            help="tries after a timeout or server error (default 2)",
        )

    sp = add("add", cmd_add, "fetch web pages (HTML or PDF) and import them")
    sp.add_argument("urls", nargs="+", metavar="URL")
    sp.add_argument("--json", action="store_true", help="print the results as JSON")
    fetch_options(sp)

    sp = add("feeds", cmd_feeds, "subscribe to RSS, Atom or RDF feeds: add, list, remove")
    feeds = sp.add_subparsers(
        dest="feeds_command", metavar="ACTION", parser_class=_Parser, required=True
    )
    fp = feeds.add_parser("add", help="subscribe to a feed (nothing is fetched yet)")
    fp.add_argument("url", metavar="URL")
    fp.add_argument("--name", metavar="NAME", help="a short name (default: from the host)")
    fp = feeds.add_parser("list", help="the feeds subscribed to")
    fp.add_argument("--json", action="store_true")
    fp = feeds.add_parser("remove", help="unsubscribe (the articles stay)")
    fp.add_argument("name", metavar="NAME")

    sp = add("fetch", cmd_fetch, "fetch feeds (all, or those named) and import their new items")
    sp.add_argument("names", nargs="*", metavar="NAME")
    sp.add_argument(
        "--max-items",
        type=int,
        default=100,
        metavar="N",
        help="new items per feed per run (default 100; the rest wait)",
    )
    sp.add_argument("--json", action="store_true", help="print the summary as JSON")
    fetch_options(sp)

    sp = add("list", cmd_list, "list the articles in the database")
    sp.add_argument("--json", action="store_true")
    sp.add_argument("--archived", action="store_true", help="removed articles too")

    sp = add("show", cmd_show, "show one article's metadata and paragraphs")
    sp.add_argument("id", metavar="ID", help="article id, unique id prefix, or imported path")
    sp.add_argument("--json", action="store_true")

    sp = add(
        "extract",
        cmd_extract,
        "read files without touching the database; print paragraphs, quotes, events",
    )
    sp.add_argument("files", nargs="+", metavar="FILE")
    sp.add_argument(
        "--json", action="store_true", help="one JSON object (a list for several files)"
    )

    def quote_filters(sp: argparse.ArgumentParser) -> None:
        sp.add_argument(
            "query",
            nargs="?",
            metavar="QUERY",
            help='search terms; speaker:NAME kind:K year:Y "phrase"',
        )
        sp.add_argument("--speaker", metavar="NAME")
        sp.add_argument("--article", metavar="ID")
        sp.add_argument("--kind", choices=("direct", "partial", "indirect"))
        sp.add_argument("--starred", action="store_true", help="only starred quotes")

    sp = add("quotes", cmd_quotes, "list quotes across the database")
    sp.add_argument("--style", choices=COPY_STYLES, help="print each quote cited in a style")
    quote_filters(sp)
    sp.add_argument(
        "--limit", type=int, default=200, metavar="N", help="at most N quotes (0: all; default 200)"
    )
    fmt = sp.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true")
    fmt.add_argument("--csv", action="store_true")
    fmt.add_argument("--md", action="store_true")

    sp = add("people", cmd_people, "list people with roles and quote counts")
    sp.add_argument("--json", action="store_true")

    sp = add("timeline", cmd_timeline, "the merged timeline of meetings, with sources")
    sp.add_argument("--article", metavar="ID", help="the article's entries and its visits'")
    sp.add_argument("--visit", metavar="ID")
    sp.add_argument("--person", metavar="NAME")
    sp.add_argument("--from", dest="since", type=_day, metavar="YYYY-MM-DD")
    sp.add_argument("--to", dest="until", type=_day, metavar="YYYY-MM-DD")
    sp.add_argument(
        "--tag", metavar="TAG", help="meetings with a tag (a prefix), on them or their article"
    )
    sp.add_argument("--json", action="store_true", help="entries with the user's tags and notes")

    sp = add("visits", cmd_visits, "list visits (groups of events)")
    sp.add_argument("--article", metavar="ID", help="only the visits this article tells of")
    sp.add_argument("--json", action="store_true")

    sp = add(
        "cite", cmd_cite, "cite one quote in a style (Chicago, APA, MLA, BibTeX, RIS, CSL-JSON)"
    )
    sp.add_argument("quote_id", metavar="QUOTE_ID", help="a quote id (natojp quotes --json)")
    sp.add_argument("--style", choices=COPY_STYLES, default="apa", help="default: apa")

    sp = add("export", cmd_export, "export quotes to a Markdown, CSV or JSON file")
    sp.add_argument("--style", choices=COPY_STYLES, help="add each quote's citation in a style")
    quote_filters(sp)
    sp.add_argument("--limit", type=int, default=0, metavar="N", help="at most N quotes (0: all)")
    sp.add_argument("-o", "--output", required=True, metavar="FILE")
    sp.add_argument(
        "--format", choices=("md", "markdown", "csv", "json"), help="default: from the file suffix"
    )
    sp.add_argument("--force", action="store_true", help="overwrite an existing file")

    add("repair", cmd_repair, "move a corrupt database aside and rebuild it from its source files")

    sp = add("open", cmd_open, "open the reader at an article (a file is imported first)")
    sp.add_argument("target", metavar="TARGET", help="article id or file path")

    from natojp_tui.cli_library import add_commands

    add_commands(add)
    return p


COPY_STYLES = (
    "chicago",
    "chicago-bib",
    "apa",
    "mla",
    "bibtex",
    "ris",
    "csl-json",
    "plain",
    "attributed",
    "markdown",
    "citation",
    "json",
)  # fmt: skip  (natojp_tui.core.references.COPY_FORMATS, without importing the core here)


def _tolerant_stdout() -> None:
    """On a console that cannot show every character (cp1252, latin-1), print a
    replacement instead of dying with UnicodeEncodeError."""
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is not None and not _stdout_is_unicode():
        reconfigure(errors="replace")


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    _tolerant_stdout()
    try:
        args = parser.parse_args(argv)
        func = getattr(args, "func", cmd_reader)
        return func(args)
    except UsageError as exc:
        _error_line(str(exc))
        return 2
    except Failure as exc:
        _error_line(str(exc))
        return 1
    except KeyboardInterrupt:
        _error_line("interrupted")
        return 130
    except BrokenPipeError:
        return 0
