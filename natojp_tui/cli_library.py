"""The ``natojp`` commands for the user's library: remove, star, note, tag, correct,
dossier, read and unplaced (what re-import could not place).

Registered by :func:`add_commands` from ``natojp_tui.cli.build_parser``; errors are
one line (exit 2 for usage, 1 for failures) like every other command.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import Any

from natojp_tui.cli import (
    Failure,
    UsageError,
    _console,
    _open_store,
    _print_json,
    _print_table,
    _resolve_article,
    _text,
)

AddFn = Callable[[str, Callable[[argparse.Namespace], int], str], argparse.ArgumentParser]


def _user_errors(func):
    """Turn the store's UserDataError into a one-line failure."""

    def run(args: argparse.Namespace) -> int:
        from natojp_tui.store import StoreError
        from natojp_tui.store.userdata import UserDataError

        try:
            return func(args)
        except (UserDataError, StoreError) as exc:
            raise Failure(str(exc)) from exc

    return run


def _say(message: str) -> None:
    _console().print(_text(message))


def _confirm(question: str) -> bool:
    """Ask on the terminal; not a terminal means no one to ask (the caller passes --yes)."""
    sys.stderr.write(f"{question} [y/N] ")
    sys.stderr.flush()
    answer = sys.stdin.readline().strip().lower()
    return answer in ("y", "yes")


# ---------------------------------------------------------------------- remove
@_user_errors
def cmd_remove(args: argparse.Namespace) -> int:
    store = _open_store(args)
    if args.list:
        rows = store.archived()
        if args.json:
            _print_json(rows)
        else:
            _print_table(
                f"{len(rows)} removed articles",
                ("id", "title", "removed", "path"),
                [(r["article_id"], r.get("title"), r.get("at"), r.get("path")) for r in rows],
            )
        return 0
    if not args.ids:
        raise UsageError("give one or more article ids (or --list)")
    ids = [_resolve_article(store, target) for target in args.ids]
    if args.undo:
        restored = store.restore_articles(ids)
        _say(f"restored {len(restored)} article{'s' if len(restored) != 1 else ''}")
        return 0
    titles = [(store.article_meta(aid) or {}).get("title") or aid for aid in ids]
    if not args.yes and sys.stdin.isatty():
        listing = "; ".join(titles[:3]) + (
            f" and {len(titles) - 3} more" if len(titles) > 3 else ""
        )
        if not _confirm(f"Remove {len(ids)} article{'s' if len(ids) != 1 else ''} ({listing})?"):
            _say("nothing removed")
            return 1
    removed = store.remove_articles(ids)
    _say(
        f"removed {len(removed)} article{'s' if len(removed) != 1 else ''} from the lists "
        f"(stars, notes and tags are kept; 'natojp remove --undo ID' brings one back)"
    )
    return 0


# ---------------------------------------------------------------------- star, note, tag
@_user_errors
def cmd_star(args: argparse.Namespace) -> int:
    store = _open_store(args)
    quote_id = store.resolve_target(args.quote_id)
    if not quote_id.count(":") == 2:
        raise Failure(f"{args.quote_id!r} is not a quote id (ARTICLE:PARAGRAPH:START)")
    store.star(quote_id, not args.off)
    _say(f"{'unstarred' if args.off else 'starred'} {quote_id}")
    return 0


@_user_errors
def cmd_note(args: argparse.Namespace) -> int:
    store = _open_store(args)
    target = store.resolve_target(args.id)
    if args.text is None and not args.clear:
        note = store.note_of(target)
        if args.json:
            _print_json({"id": target, "note": note})
        elif note is None:
            raise Failure(f"{target} has no note")
        else:
            sys.stdout.write(note + "\n")
        return 0
    text = "" if args.clear else args.text
    if text == "-":
        text = sys.stdin.read()
    store.set_note(target, text)
    _say(f"{'cleared the note of' if not text.strip() else 'noted'} {target}")
    return 0


@_user_errors
def cmd_tag(args: argparse.Namespace) -> int:
    store = _open_store(args)
    if args.id is None:
        tags = store.all_tags()
        if args.json:
            _print_json(tags)
        else:
            _print_table(f"{len(tags)} tags", ("tag", "uses"), list(tags.items()))
        return 0
    if args.tag is None:
        raise UsageError("give a tag (natojp tag ID TAG [--off])")
    target = store.resolve_target(args.id)
    changed = store.tag(target, args.tag, not args.off)
    verb = "untagged" if args.off else "tagged"
    _say(f"{verb} {target} {args.tag}" if changed else f"{target}: nothing to change")
    return 0


# ---------------------------------------------------------------------- correct
@_user_errors
def cmd_correct(args: argparse.Namespace) -> int:
    store = _open_store(args)
    if args.list or args.id is None:
        rows = store.corrections()
        if args.json:
            _print_json(rows)
        else:
            _print_table(
                f"{len(rows)} corrections",
                ("id", "field", "was", "now", "placed"),
                [
                    (
                        r.get("target"),
                        "date" if r.get("field") == "published" else r.get("field"),
                        r.get("original"),
                        r.get("value"),
                        "no (words gone)" if r.get("lost") else "yes",
                    )
                    for r in rows
                ],
            )
        return 0
    target = store.resolve_target(args.id)
    if args.undo:
        undone = store.uncorrect(target, args.field)
        if not undone:
            raise Failure(f"{target} has no correction{' of ' + args.field if args.field else ''}")
        _say(f"undid the correction of {', '.join(undone)} on {target}")
        return 0
    if args.field is None:
        raise UsageError("give a field and its corrected value (natojp correct ID FIELD VALUE)")
    before = store.correct(target, args.field, " ".join(args.value or []))
    _say(f"corrected {args.field} of {target} (was {before!r})")
    return 0


# ---------------------------------------------------------------------- read
@_user_errors
def cmd_read(args: argparse.Namespace) -> int:
    store = _open_store(args)
    ids = [_resolve_article(store, t) for t in args.ids]
    for aid in ids:
        store.mark_read(aid, not args.off)
    _say(
        f"marked {len(ids)} article{'s' if len(ids) != 1 else ''} {'unread' if args.off else 'read'}"
    )
    return 0


# ---------------------------------------------------------------------- unplaced
@_user_errors
def cmd_unplaced(args: argparse.Namespace) -> int:
    from natojp_tui.store.userdata import WHAT

    store = _open_store(args)
    rows = store.unplaced()
    if args.json:
        _print_json(rows)
        return 0
    view = store.user_view()
    for line in view.lost_summary():
        _say(line)
    _print_table(
        f"{len(rows)} unplaced",
        ("what", "article", "words", "detail"),
        [
            (
                WHAT.get(r["table"], (r["table"],))[0],
                r.get("article_id"),
                (r.get("anchor") or {}).get("text"),
                r.get("note") or r.get("tag") or r.get("value") or r.get("dossier") or "",
            )
            for r in rows
        ],
    )
    return 0


# ---------------------------------------------------------------------- dossier
@_user_errors
def cmd_dossier(args: argparse.Namespace) -> int:
    store = _open_store(args)
    action = args.action
    if action == "list":
        rows = store.dossiers()
        if args.json:
            _print_json(rows)
        else:
            _print_table(
                f"{len(rows)} dossiers",
                ("name", "entries", "created"),
                [(r["name"], r["items"], r.get("created")) for r in rows],
            )
        return 0
    name = _need(args.name, "a dossier name")
    if action == "new":
        if not store.create_dossier(name):
            raise Failure(f"a dossier named {name!r} exists already")
        _say(f"created dossier {name!r}")
    elif action == "add":
        added = store.dossier_add(name, _need(args.ids, "ids to add"))
        _say(f"added {len(added)} to {name!r}")
    elif action == "drop":
        dropped = store.dossier_drop(name, _need(args.ids, "ids to drop"))
        _say(f"dropped {dropped} from {name!r}")
    elif action == "delete":
        dropped = store.delete_dossier(name)
        _say(f"deleted dossier {name!r} ({dropped} entries; the quotes themselves are kept)")
    elif action == "show":
        return _show_dossier(store, name, args.json)
    elif action == "export":
        return _export_dossier(store, name, args)
    return 0


def _need(value: Any, what: str) -> Any:
    if not value:
        raise UsageError(f"give {what}")
    return value


def _show_dossier(store, name: str, as_json: bool) -> int:
    from natojp_tui.dossier import collect, render_json

    dossier = collect(store, name)
    if as_json:
        sys.stdout.write(render_json(dossier))
        return 0
    rows: list[Sequence[object]] = []
    rows += [("quote", q.id, q.speaker or "—", q.text) for q, _a in dossier.quotes]
    rows += [("meeting", e.id, ", ".join(e.participants), e.summary) for e in dossier.timeline]
    rows += [("source", a.id, a.source or "", a.title) for a in dossier.sources]
    rows += [
        ("unplaced", d.get("target"), "", (d.get("anchor") or {}).get("text"))
        for d in dossier.unplaced
    ]
    _print_table(f"dossier {name}", ("type", "id", "who", "what"), rows)
    return 0


def _export_dossier(store, name: str, args: argparse.Namespace) -> int:
    from natojp_tui.dossier import collect, export_dossier
    from natojp_tui.export import ExportError

    output = _need(args.output, "an output file (-o FILE)")
    fmt = {"md": "markdown"}.get(args.format or "", args.format)
    dossier = collect(store, name)
    try:
        target = export_dossier(dossier, output, fmt, force=args.force)
    except ExportError as exc:
        raise Failure(str(exc)) from exc
    _console(stderr=True).print(
        _text(f"exported dossier {name!r} ({dossier.counts()}) to {target}")
    )
    return 0


# ---------------------------------------------------------------------- parser
def add_commands(add: AddFn) -> None:
    """Register the library commands with ``natojp``'s parser."""
    sp = add(
        "remove", cmd_remove, "remove articles from the lists (stars, notes and tags are kept)"
    )
    sp.add_argument("ids", nargs="*", metavar="ARTICLE_ID")
    sp.add_argument("--yes", "-y", action="store_true", help="do not ask")
    sp.add_argument("--undo", action="store_true", help="bring removed articles back")
    sp.add_argument("--list", action="store_true", help="list the removed articles")
    sp.add_argument("--json", action="store_true")

    sp = add("star", cmd_star, "star a quote (or unstar it with --off)")
    sp.add_argument("quote_id", metavar="QUOTE_ID")
    sp.add_argument("--off", action="store_true")

    sp = add("note", cmd_note, "set the note of a quote, meeting or article ('-' reads stdin)")
    sp.add_argument("id", metavar="ID", help="quote id, meeting id or article id")
    sp.add_argument("text", nargs="*", metavar="TEXT", default=None)
    sp.add_argument("--clear", action="store_true", help="remove the note")
    sp.add_argument("--json", action="store_true")
    sp.set_defaults(func=_text_or_none(cmd_note))

    sp = add("tag", cmd_tag, "tag a quote, meeting or article (untag with --off); no ID lists tags")
    sp.add_argument("id", nargs="?", metavar="ID")
    sp.add_argument("tag", nargs="?", metavar="TAG")
    sp.add_argument("--off", action="store_true")
    sp.add_argument("--json", action="store_true")

    sp = add(
        "correct",
        cmd_correct,
        "correct an article's title, date, source or place, or a quote's speaker or kind",
    )
    sp.add_argument("id", nargs="?", metavar="ID")
    sp.add_argument(
        "field", nargs="?", metavar="FIELD", help="title, date, source, place; speaker, kind"
    )
    sp.add_argument("value", nargs="*", metavar="VALUE")
    sp.add_argument("--undo", action="store_true", help="undo the correction (of FIELD, or all)")
    sp.add_argument("--list", action="store_true", help="list every correction")
    sp.add_argument("--json", action="store_true")

    sp = add("read", cmd_read, "mark articles read (or unread with --off)")
    sp.add_argument("ids", nargs="+", metavar="ARTICLE_ID")
    sp.add_argument("--off", action="store_true")

    sp = add("unplaced", cmd_unplaced, "stars, notes, tags and corrections whose words are gone")
    sp.add_argument("--json", action="store_true")

    sp = add(
        "dossier",
        cmd_dossier,
        "dossiers of quotes, meetings and sources: new, add, drop, list, show, export, delete",
    )
    sp.add_argument("action", choices=("new", "add", "drop", "list", "show", "export", "delete"))
    sp.add_argument("name", nargs="?", metavar="NAME")
    sp.add_argument(
        "ids", nargs="*", metavar="ID", help="quote, meeting or article ids (add, drop)"
    )
    sp.add_argument("-o", "--output", metavar="FILE", help="export: the file to write")
    sp.add_argument(
        "--format", choices=("md", "markdown", "csv", "json"), help="default: from the suffix"
    )
    sp.add_argument("--force", action="store_true", help="export: overwrite an existing file")
    sp.add_argument("--json", action="store_true")


def _text_or_none(func):
    """``natojp note ID`` (no words) prints the note; words set it."""

    def run(args: argparse.Namespace) -> int:
        args.text = " ".join(args.text) if args.text else None
        return func(args)

    return run
