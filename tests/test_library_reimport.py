"""The user's data survives an updated article: import, annotate, change the file,
re-import, repair, and every star, note, tag, correction and dossier entry is on the
same words; what lost its words is listed, never dropped."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from natojp_tui.cli import main

CONVINCED = "I am convinced that the joint political declaration we have just signed will make our partnership even stronger in the future,"
REWORDED = "I am convinced that the joint political declaration we have just signed will make our partnership stronger in the future,"
AMBITION = "While NATO has no ambition to take on a permanent role in Asia, we see very clearly the advantage of working with like-minded partners like Japan,"
SIGNING = "The signing of the declaration also reflected Prime Minister Abe’s personal commitment to a strong relationship with NATO,"
THANK = "We thank you for Japan’s enormous contributions to supporting security and development in Afghanistan,"
PARTNERS = "We are natural partners and together we can make a difference,"
NEW_PARAGRAPH = "This article was updated on 16 April with a photo of the signing ceremony."


def cli(capsys, *args: str) -> str:
    code = main(list(args))
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def quotes_by_text(capsys) -> dict[str, dict]:
    return {q["text"]: q for q in json.loads(cli(capsys, "quotes", "--json"))}


@pytest.fixture
def article(tmp_path: Path, seed_path: Path, monkeypatch) -> Path:
    monkeypatch.setenv("NATOJP_DB", str(tmp_path / "db"))
    path = tmp_path / "wire" / "declaration.txt"
    path.parent.mkdir()
    path.write_text(seed_path.read_text(encoding="utf-8"), encoding="utf-8")
    return path


def update_the_story(path: Path) -> None:
    """A new first paragraph (every offset moves), one quote reworded, one sentence gone."""
    text = path.read_text(encoding="utf-8")
    first = text.index("Secretary General Anders Fogh Rasmussen signed")
    text = text[:first] + NEW_PARAGRAPH + "\n\n" + text[first:]
    text = text.replace("even stronger in the future", "stronger in the future")
    text = text.replace(f' "{SIGNING}" said Mr. Fogh Rasmussen.', "")
    assert SIGNING not in text and REWORDED in text
    path.write_text(text, encoding="utf-8")


def annotate(capsys, article: Path) -> str:
    cli(capsys, "remove", "--yes", "a892d1a733f0")  # the bundled seed, out of the way
    cli(capsys, "import", str(article))
    q = quotes_by_text(capsys)
    aid = q[PARTNERS]["article"]["id"]
    cli(capsys, "star", q[PARTNERS]["id"])
    cli(capsys, "star", q[SIGNING]["id"])  # its sentence goes in the update
    cli(capsys, "note", q[CONVINCED]["id"], "Opening line; the declaration itself.")
    cli(capsys, "tag", q[AMBITION]["id"], "asia")
    cli(capsys, "correct", q[THANK]["id"], "speaker", "Fumio Kishida")
    cli(capsys, "correct", aid, "source", "NATO Public Diplomacy Division")
    cli(capsys, "correct", aid, "date", "2013-04-16")
    cli(capsys, "correct", aid, "place", "Tokyo, Kantei")
    cli(capsys, "correct", aid, "title", "Rasmussen in Tokyo")
    cli(capsys, "correct", q[AMBITION]["id"], "kind", "partial")
    cli(capsys, "note", aid, "Wire copy; updated later.")
    cli(capsys, "tag", aid, "visit-2013")
    cli(capsys, "dossier", "add", "2013 visit", q[PARTNERS]["id"], f"{aid}:e1")
    return aid


def check_everything(capsys, aid: str) -> None:
    q = quotes_by_text(capsys)
    assert SIGNING not in q and CONVINCED not in q
    assert q[PARTNERS]["starred"] is True
    assert [t for t, r in q.items() if r["starred"]] == [PARTNERS]
    assert q[REWORDED]["notes"] == ["Opening line; the declaration itself."]
    assert q[AMBITION]["tags"] == ["asia"]
    assert q[THANK]["speaker"] == "Fumio Kishida"
    assert {q[t]["speaker"] for t in (PARTNERS, AMBITION, REWORDED)} == {"Anders Fogh Rasmussen"}
    assert all(r["article"]["source"] == "NATO Public Diplomacy Division" for r in q.values())
    assert all(r["date"] == "2013-04-16" for r in q.values())
    [row] = json.loads(cli(capsys, "list", "--json"))
    assert sorted(row["corrected"]) == ["place", "published", "source", "title"]
    assert (row["published"], row["title"]) == ("2013-04-16", "Rasmussen in Tokyo")
    shown = json.loads(cli(capsys, "show", aid, "--json"))
    assert shown["place"] == "Tokyo, Kantei"
    assert q[AMBITION]["kind"] == "partial"
    assert all(r["article"]["title"] == "Rasmussen in Tokyo" for r in q.values())
    assert cli(capsys, "note", aid).strip() == "Wire copy; updated later."
    assert [r["text"] for r in json.loads(cli(capsys, "quotes", "tag:visit", "--json"))] == [
        r["text"] for r in q.values()
    ]
    assert [r["text"] for r in json.loads(cli(capsys, "quotes", "has:note", "--json"))] == [
        REWORDED
    ]
    dossier = json.loads(cli(capsys, "dossier", "show", "2013 visit", "--json"))
    assert [r["text"] for r in dossier["quotes"]] == [PARTNERS]
    assert [e["participants"] for e in dossier["timeline"]] == [
        ["Anders Fogh Rasmussen", "Fumio Kishida"]
    ]
    unplaced = json.loads(cli(capsys, "unplaced", "--json"))
    assert [(r["table"], r["anchor"]["text"]) for r in unplaced] == [("stars", SIGNING)]


def test_reimport_and_repair_keep_every_star_note_tag_correction_and_dossier_entry(
    capsys, article: Path
) -> None:
    aid = annotate(capsys, article)
    before = quotes_by_text(capsys)
    update_the_story(article)

    report = json.loads(cli(capsys, "import", str(article), "--json"))
    assert report["updated"] == [aid]
    assert report["unplaced"] == ["1 star could not be placed"]
    after = quotes_by_text(capsys)
    assert after[PARTNERS]["id"] != before[PARTNERS]["id"]  # offsets moved; the star followed
    check_everything(capsys, aid)

    lose_the_stored_text(article, aid)
    code = main(["repair"])
    out, _ = capsys.readouterr()
    assert code == 0 and "read 1 articles again from their source files" in out
    assert "1 star could not be placed (kept; 'natojp unplaced' lists them)" in out
    check_everything(capsys, aid)


def lose_the_stored_text(article: Path, aid: str) -> None:
    """Delete the article's shard: repair has to read the source file again."""
    from library_files import family_path

    from natojp_tui.store.db import shard_key

    family_path(article.parent.parent / "db", shard_key(aid)).unlink()


def test_repair_after_the_file_changed_places_everything_on_the_new_text(
    capsys, article: Path
) -> None:
    aid = annotate(capsys, article)
    update_the_story(article)
    lose_the_stored_text(article, aid)
    code = main(["repair"])
    out, _ = capsys.readouterr()
    assert code == 0
    assert "1 star could not be placed (kept; 'natojp unplaced' lists them)" in out
    check_everything(capsys, aid)


def test_the_plain_import_summary_says_what_could_not_be_placed(capsys, article: Path) -> None:
    annotate(capsys, article)
    update_the_story(article)
    out = cli(capsys, "import", str(article))
    assert "0 imported, 1 updated" in out
    assert "1 star could not be placed (kept; 'natojp unplaced' lists them)" in out


def test_a_lost_star_comes_back_when_its_words_do(capsys, article: Path) -> None:
    annotate(capsys, article)
    original = article.read_text(encoding="utf-8")
    update_the_story(article)
    cli(capsys, "import", str(article))
    article.write_text(original, encoding="utf-8")
    report = json.loads(cli(capsys, "import", str(article), "--json"))
    assert report["unplaced"] == []
    q = quotes_by_text(capsys)
    assert {t for t, r in q.items() if r["starred"]} == {PARTNERS, SIGNING}
    assert json.loads(cli(capsys, "unplaced", "--json")) == []
