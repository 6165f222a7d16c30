"""The library commands: remove, star, note, tag, correct, read, dossier (the contract
scripts rely on), on the bundled seed article."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from natojp_tui.cli import main

SEED_ID = "a892d1a733f0"
PARTNERS = "We are natural partners and together we can make a difference,"
THANK = "We thank you for Japan’s enormous contributions to supporting security and development in Afghanistan,"


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def ok(capsys, *args: str) -> str:
    code, out, err = run(capsys, *args)
    assert code == 0, err
    return out


def quotes(capsys, *args: str) -> list[dict]:
    return json.loads(ok(capsys, "quotes", *args, "--json"))


def quote_id(capsys, text: str) -> str:
    return next(q["id"] for q in quotes(capsys) if q["text"] == text)


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "db"
    monkeypatch.setenv("NATOJP_DB", str(path))
    return path


class Terminal(io.StringIO):
    """A stdin that is a terminal and answers the question with ``answer``."""

    def __init__(self, answer: str) -> None:
        super().__init__(answer + "\n")

    def isatty(self) -> bool:
        return True


def seed_quote_count(capsys) -> int:
    [row] = json.loads(ok(capsys, "list", "--json"))
    return row["quotes"]


def test_every_quote_row_of_quotes_json_carries_starred_notes_and_tags(capsys, db) -> None:
    rows = quotes(capsys)
    assert len(rows) == seed_quote_count(capsys) > 0
    assert all({"starred", "notes", "tags"} <= set(r) for r in rows)
    assert all(r["starred"] is False and r["notes"] == [] and r["tags"] == [] for r in rows)


def test_remove_asks_on_a_terminal_and_no_keeps_the_article(capsys, db, monkeypatch) -> None:
    ok(capsys, "list")
    monkeypatch.setattr("sys.stdin", Terminal("n"))
    code, out, err = run(capsys, "remove", SEED_ID)
    assert code == 1 and "Remove 1 article (NATO and Japan sign Political Declaration" in err
    assert "nothing removed" in out
    assert len(json.loads(ok(capsys, "list", "--json"))) == 1
    monkeypatch.setattr("sys.stdin", Terminal("y"))
    ok(capsys, "remove", SEED_ID[:6])
    assert json.loads(ok(capsys, "list", "--json")) == []


def test_remove_does_not_ask_with_yes_or_without_a_terminal(capsys, db, monkeypatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # not a terminal: nobody to ask
    out = ok(capsys, "remove", SEED_ID)
    assert "removed 1 article" in out
    ok(capsys, "remove", "--undo", SEED_ID)
    monkeypatch.setattr("sys.stdin", Terminal(""))  # a terminal, but --yes
    ok(capsys, "remove", "--yes", SEED_ID)
    assert json.loads(ok(capsys, "list", "--json")) == []


def test_a_removed_article_leaves_every_list_keeps_its_stars_and_comes_back_on_undo(
    capsys, db
) -> None:
    qid = quote_id(capsys, PARTNERS)
    ok(capsys, "star", qid)
    ok(capsys, "note", qid, "keep this")
    ok(capsys, "remove", "--yes", SEED_ID)
    assert quotes(capsys) == [] and quotes(capsys, "--starred") == []
    assert json.loads(ok(capsys, "timeline", "--json")) == []
    assert [r["article_id"] for r in json.loads(ok(capsys, "remove", "--list", "--json"))] == [
        SEED_ID
    ]
    assert [r["id"] for r in json.loads(ok(capsys, "list", "--archived", "--json"))] == [SEED_ID]
    ok(capsys, "remove", "--undo", SEED_ID)
    [row] = quotes(capsys, "--starred")
    assert row["id"] == qid and row["notes"] == ["keep this"]


def test_the_bundled_article_once_removed_is_not_imported_again(capsys, db) -> None:
    ok(capsys, "remove", "--yes", SEED_ID)
    for _ in range(2):  # every later start opens the same database
        assert json.loads(ok(capsys, "list", "--json")) == []
    code, _, err = run(capsys, "remove", "--yes", "nope")
    assert code == 1 and err.startswith("natojp: no article matches 'nope'")


def test_star_and_star_off(capsys, db) -> None:
    qid = quote_id(capsys, PARTNERS)
    ok(capsys, "star", qid)
    assert [q["id"] for q in quotes(capsys, "is:starred")] == [qid]
    ok(capsys, "star", qid, "--off")
    assert quotes(capsys, "--starred") == []
    code, _, err = run(capsys, "star", f"{SEED_ID}:9:9")
    assert code == 1 and "no quote" in err and err.count("\n") == 1


def test_notes_are_printed_searchable_by_their_words_and_cleared(capsys, db) -> None:
    qid = quote_id(capsys, THANK)
    ok(capsys, "note", qid, "Check against the MOFA readout.\nSecond line.")
    assert ok(capsys, "note", qid) == "Check against the MOFA readout.\nSecond line.\n"
    assert [q["id"] for q in quotes(capsys, "has:note")] == [qid]
    assert [q["id"] for q in quotes(capsys, "readout")] == [qid]  # words of the note
    assert [q["id"] for q in quotes(capsys, '"mofa read"')] == [qid]
    assert quotes(capsys, "mofa kind:indirect") == []  # filters still apply
    ok(capsys, "note", qid, "--clear")
    assert quotes(capsys, "has:note") == [] and quotes(capsys, "readout") == []
    code, _, err = run(capsys, "note", qid)
    assert code == 1 and "has no note" in err


def test_tags_on_quotes_and_articles_filter_with_tag(capsys, db) -> None:
    partners, thank = quote_id(capsys, PARTNERS), quote_id(capsys, THANK)
    ok(capsys, "tag", partners, "Key Lines")
    ok(capsys, "tag", thank, "afghanistan")
    assert [q["id"] for q in quotes(capsys, "tag:key-lines")] == [partners]
    assert [q["id"] for q in quotes(capsys, "tag:afg")] == [thank]  # a prefix while typing
    assert quotes(capsys, "tag:nothing") == []
    ok(capsys, "tag", SEED_ID, "visit-2013")  # an article's tag reaches its quotes
    assert len(quotes(capsys, "tag:visit")) == seed_quote_count(capsys)
    assert json.loads(ok(capsys, "tag", "--json")) == {
        "afghanistan": 1,
        "key-lines": 1,
        "visit-2013": 1,
    }
    ok(capsys, "tag", partners, "key-lines", "--off")
    assert quotes(capsys, "tag:key") == []
    assert {q["id"]: q["tags"] for q in quotes(capsys, "has:tag")}[thank] == ["afghanistan"]


def timeline(capsys, *args: str) -> list[dict]:
    return json.loads(ok(capsys, "timeline", *args, "--json"))


def test_tags_and_notes_on_meetings_filter_the_timeline_with_tag(capsys, db) -> None:
    everything = timeline(capsys)
    assert all((e["tags"], e["notes"]) == ([], []) for e in everything)
    kishida = next(e for e in everything if "Fumio Kishida" in e["participants"])
    [event_id] = [s["event_id"] for s in kishida["sources"]]
    ok(capsys, "tag", event_id, "Foreign Ministers")
    ok(capsys, "note", event_id, "Check the MOFA readout")
    [found] = timeline(capsys, "--tag", "foreign")  # a prefix, as tag: in a search
    assert found["id"] == kishida["id"]
    assert (found["tags"], found["notes"]) == (["foreign-ministers"], ["Check the MOFA readout"])
    assert timeline(capsys, "--tag", "nothing") == []
    assert quotes(capsys, "tag:foreign") == []  # a meeting's tag is not on its article's quotes
    ok(capsys, "tag", SEED_ID, "visit-2013")  # an article's tag reaches its meetings
    assert len(timeline(capsys, "--tag", "visit")) == len(everything)
    ok(capsys, "tag", event_id, "foreign-ministers", "--off")
    assert timeline(capsys, "--tag", "foreign") == []


def test_corrections_are_shown_as_corrected_and_undone(capsys, db) -> None:
    qid = quote_id(capsys, THANK)
    ok(capsys, "correct", SEED_ID, "date", "2013-04-16")
    ok(capsys, "correct", SEED_ID, "title", "NATO", "and", "Japan", "declaration")
    ok(capsys, "correct", qid, "speaker", "Fumio Kishida")
    ok(capsys, "correct", qid, "kind", "partial")
    [row] = json.loads(ok(capsys, "list", "--json"))
    assert row["published"] == "2013-04-16" and row["title"] == "NATO and Japan declaration"
    assert row["corrected"] == ["published", "title"]
    q = next(q for q in quotes(capsys) if q["id"] == qid)
    assert (q["speaker"], q["kind"], q["date"]) == ("Fumio Kishida", "partial", "2013-04-16")
    assert [r["id"] for r in quotes(capsys, "speaker:kishida")] == [qid]
    assert [r["id"] for r in quotes(capsys, "--speaker", "Kishida")] == [qid]
    fixes = json.loads(ok(capsys, "correct", "--list", "--json"))
    assert {(f["field"], f["original"], f["value"]) for f in fixes} == {
        ("published", "2013-04-15", "2013-04-16"),
        (
            "title",
            "NATO and Japan sign Political Declaration for a stronger partnership",
            "NATO and Japan declaration",
        ),
        ("speaker", "Anders Fogh Rasmussen", "Fumio Kishida"),
        ("kind", "direct", "partial"),
    }
    ok(capsys, "correct", qid, "--undo")
    ok(capsys, "correct", SEED_ID, "date", "--undo")
    q = next(q for q in quotes(capsys) if q["id"] == qid)
    assert (q["speaker"], q["kind"], q["date"]) == ("Anders Fogh Rasmussen", "direct", "2013-04-15")
    [row] = json.loads(ok(capsys, "list", "--json"))
    assert row["corrected"] == ["title"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("speaker", "X"),
            "an article's speaker cannot be corrected (only title, date, source, place)",
        ),
        (("date", "15 April"), "'15 April' is not a date (use YYYY-MM-DD)"),
        (("title",), "give the corrected title"),
    ],
)
def test_a_bad_correction_is_one_line(capsys, db, args, message) -> None:
    code, _, err = run(capsys, "correct", SEED_ID, *args)
    assert code in (1, 2) and message in err and err.count("\n") == 1


def test_reading_state_read_unread_and_new_since_the_last_import(capsys, db, tmp_path) -> None:
    [row] = json.loads(ok(capsys, "list", "--json"))
    assert (row["read"], row["new"]) == (False, True)
    ok(capsys, "read", SEED_ID)
    [row] = json.loads(ok(capsys, "list", "--json"))
    assert (row["read"], row["new"]) == (True, False)
    other = tmp_path / "other.md"
    other.write_text("---\ntitle: Later news\ndate: 2024-01-01\n---\nNothing said.\n")
    ok(capsys, "import", str(other))
    rows = {r["title"]: r for r in json.loads(ok(capsys, "list", "--json"))}
    assert rows["Later news"]["new"] and not rows["Later news"]["read"]
    ok(capsys, "read", SEED_ID, "--off")
    assert json.loads(ok(capsys, "list", "--json"))[-1]["read"] is False


def test_a_dossier_collects_quotes_meetings_and_sources_and_exports_three_ways(
    capsys, db, tmp_path
) -> None:
    partners = quote_id(capsys, PARTNERS)
    ok(capsys, "note", partners, "Closing line.")
    ok(capsys, "dossier", "new", "2013 Rasmussen visit")
    code, _, err = run(capsys, "dossier", "new", "2013 Rasmussen visit")
    assert code == 1 and "exists already" in err
    ok(capsys, "dossier", "add", "2013 Rasmussen visit", partners, f"{SEED_ID}:e1")
    assert json.loads(ok(capsys, "dossier", "list", "--json"))[0]["items"] == 2

    brief = tmp_path / "brief.md"
    ok(capsys, "dossier", "export", "2013 Rasmussen visit", "-o", str(brief))
    text = brief.read_text(encoding="utf-8")
    assert text.startswith("# 2013 Rasmussen visit\n\n1 quote · 1 meeting · 1 source\n")
    quotes_at, timeline_at, sources_at = (
        text.index("## Quotes"),
        text.index("## Timeline"),
        text.index("## Sources"),
    )
    assert quotes_at < text.index("> We are natural partners") < timeline_at
    assert "**Note:** Closing line." in text
    assert "Fumio Kishida" in text[timeline_at:sources_at]
    assert (
        "1. “NATO and Japan sign Political Declaration for a stronger partnership”, NATO, 15 April 2013."
        in text
    )
    assert f"(id {SEED_ID})" in text[sources_at:]

    code, _, err = run(capsys, "dossier", "export", "2013 Rasmussen visit", "-o", str(brief))
    assert code == 1 and "already exists" in err

    table = tmp_path / "brief.csv"
    ok(capsys, "dossier", "export", "2013 Rasmussen visit", "-o", str(table))
    rows = list(csv.DictReader(table.open(encoding="utf-8", newline="")))
    assert [(r["type"], r["id"]) for r in rows] == [
        ("quote", partners),
        ("meeting", f"{SEED_ID}:e1"),
        ("source", SEED_ID),
    ]
    assert rows[0]["notes"] == "Closing line." and rows[0]["who"] == "Anders Fogh Rasmussen"

    data = tmp_path / "brief.json"
    ok(capsys, "dossier", "export", "2013 Rasmussen visit", "-o", str(data))
    doc = json.loads(data.read_text(encoding="utf-8"))
    assert [q["id"] for q in doc["quotes"]] == [partners] and doc["quotes"][0]["notes"] == [
        "Closing line."
    ]
    assert [s["id"] for s in doc["sources"]] == [SEED_ID]
    assert len(doc["timeline"]) == 1

    ok(capsys, "dossier", "drop", "2013 Rasmussen visit", partners)
    assert (
        json.loads(ok(capsys, "dossier", "show", "2013 Rasmussen visit", "--json"))["quotes"] == []
    )
    ok(capsys, "dossier", "delete", "2013 Rasmussen visit")
    code, _, err = run(capsys, "dossier", "show", "2013 Rasmussen visit")
    assert code == 1 and "no dossier named" in err


def test_quote_exports_carry_the_users_notes_and_tags(capsys, db, tmp_path) -> None:
    partners = quote_id(capsys, PARTNERS)
    ok(capsys, "note", partners, "Closing line.")
    ok(capsys, "tag", partners, "close")
    out = tmp_path / "q.csv"
    ok(capsys, "export", "-o", str(out), "natural")
    [row] = list(csv.DictReader(out.open(encoding="utf-8", newline="")))
    assert (row["starred"], row["notes"], row["tags"]) == ("", "Closing line.", "close")
    md = ok(capsys, "quotes", "--md", "natural")
    assert "**Note:** Closing line.\nTags: #close" in md
