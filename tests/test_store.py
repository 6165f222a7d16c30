"""The TinyDB store: import, re-import, user data, atomic writes and damaged files."""

from __future__ import annotations

import shutil
from pathlib import Path

import orjson
import pytest

from natojp_tui.store import SCHEMA_VERSION, Store, StoreError
from natojp_tui.store.repair import repair
from natojp_tui.store.storage import atomic_write_bytes

STORY = """{title}

Tokyo, 15 April 2013 -

Secretary General Anders Fogh Rasmussen met Prime Minister Shinzo Abe in Tokyo. “We are natural partners,” the Secretary General said.
"""


def write_article(folder: Path, name: str, title: str = "A visit to Tokyo") -> Path:
    path = folder / name
    path.write_text(STORY.format(title=title), encoding="utf-8")
    return path


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store.open(tmp_path / "db")


def test_a_new_database_imports_the_bundled_articles_on_first_use(store: Store) -> None:
    assert store.is_empty()
    report = store.ensure_seeded()
    assert report is not None and len(report.imported) == 1
    [row] = store.articles()
    assert row["title"] == "NATO and Japan sign Political Declaration for a stronger partnership"
    assert store.ensure_seeded() is None, "seeding happens once"


def test_import_then_reimport_unchanged_changes_nothing(store: Store, tmp_path: Path) -> None:
    path = write_article(tmp_path, "a.txt")
    first = store.import_paths([path])
    assert len(first.imported) == 1
    files = {p.name: p.read_bytes() for p in (tmp_path / "db").glob("*.json")}
    again = store.import_paths([path])
    assert again.unchanged == first.imported and not again.imported and not again.updated
    assert files == {p.name: p.read_bytes() for p in (tmp_path / "db").glob("*.json")}


def test_a_changed_file_updates_its_article_in_place(store: Store, tmp_path: Path) -> None:
    path = write_article(tmp_path, "a.txt", "First title")
    [aid] = store.import_paths([path]).imported
    write_article(tmp_path, "a.txt", "Second title")
    report = store.import_paths([path])
    assert report.updated == [aid]
    assert [a["title"] for a in store.articles()] == ["Second title"]
    assert all(q.article_id == aid for q in store.quotes())


def test_a_folder_imports_recursively_and_bad_files_are_reported_one_by_one(
    store: Store, tmp_path: Path
) -> None:
    src = tmp_path / "src"
    (src / "sub").mkdir(parents=True)
    write_article(src, "good.txt")
    write_article(src / "sub", "nested.md", "Nested")
    (src / "empty.txt").write_bytes(b"")
    (src / "blob.txt").write_bytes(bytes(range(256)) * 40)
    (src / "ignored.docx").write_bytes(b"PK\x03\x04")
    (src / "broken.pdf").write_bytes(b"%PDF")
    report = store.import_paths([src])
    assert len(report.imported) == 2
    reasons = dict(report.failed)
    assert set(reasons) == {str(src / "empty.txt"), str(src / "blob.txt"), str(src / "broken.pdf")}
    assert "empty" in reasons[str(src / "empty.txt")]
    assert "PDF" in reasons[str(src / "broken.pdf")]
    assert not report.ok


def test_find_article_by_id_prefix_and_by_path(store: Store, tmp_path: Path) -> None:
    path = write_article(tmp_path, "a.txt")
    [aid] = store.import_paths([path]).imported
    assert store.find_article(aid) == aid
    assert store.find_article(aid[:6]) == aid
    assert store.find_article(str(path)) == aid
    assert store.find_article("zzzz") is None


def test_stars_and_state_survive_reimport_and_reopen(store: Store, tmp_path: Path) -> None:
    path = write_article(tmp_path, "a.txt")
    store.import_paths([path])
    quote = store.quotes()[0]
    store.star(quote.id)
    store.set_state("last_article", quote.article_id)
    write_article(tmp_path, "a.txt", "Changed title")
    store.import_paths([path])
    reopened = Store.open(tmp_path / "db")
    assert reopened.starred() == {quote.id}
    assert reopened.get_state("last_article") == quote.article_id
    reopened.star(quote.id, False)
    assert Store.open(tmp_path / "db").starred() == set()


def test_starring_writes_only_the_user_file(store: Store, tmp_path: Path) -> None:
    store.import_paths([write_article(tmp_path, "a.txt")])
    db = tmp_path / "db"
    before = {p.name: p.stat().st_mtime_ns for p in db.glob("*.json")}
    store.star(store.quotes()[0].id)
    after = {p.name: p.stat().st_mtime_ns for p in db.glob("*.json")}
    assert {n for n in after if after[n] != before.get(n)} == {"user.json"}


def test_a_reader_sees_another_process_write(store: Store, tmp_path: Path) -> None:
    other = Store.open(tmp_path / "db")
    store.import_paths([write_article(tmp_path, "a.txt")])
    assert other.is_empty()
    assert other.reload_if_changed()
    assert len(other.articles()) == 1


def test_atomic_write_keeps_the_previous_file_as_backup(tmp_path: Path) -> None:
    target = tmp_path / "x.json"
    atomic_write_bytes(target, b'{"a": {}}')
    atomic_write_bytes(target, b'{"b": {}}')
    assert target.read_bytes() == b'{"b": {}}'
    assert (tmp_path / "x.json.bak").read_bytes() == b'{"a": {}}'
    assert not list(tmp_path.glob(".*tmp")), "no temp files left behind"


def test_a_failed_write_leaves_the_previous_database_intact(
    store: Store, tmp_path: Path, monkeypatch
) -> None:
    store.import_paths([write_article(tmp_path, "a.txt")])
    db = tmp_path / "db"
    before = {p.name: p.read_bytes() for p in db.glob("*.json")}

    def disk_full(*_a, **_k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("natojp_tui.store.storage.os.fsync", disk_full)
    with pytest.raises(StoreError, match="No space left on device"):
        store.import_paths([write_article(tmp_path, "b.txt", "Another")])
    monkeypatch.undo()
    assert before == {p.name: p.read_bytes() for p in db.glob("*.json")}
    assert not list(db.glob(".*tmp"))
    assert len(Store.open(db).articles()) == 1


def test_a_corrupt_file_is_reported_with_its_path_and_left_untouched(
    store: Store, tmp_path: Path
) -> None:
    store.import_paths([write_article(tmp_path, "a.txt")])
    quotes = tmp_path / "db" / "quotes.json"
    damaged = quotes.read_bytes()[:25]
    quotes.write_bytes(damaged)
    with pytest.raises(StoreError) as err:
        Store.open(tmp_path / "db")
    assert str(quotes) in str(err.value) and "natojp repair" in str(err.value)
    assert quotes.read_bytes() == damaged


def test_a_database_from_a_newer_schema_is_refused(store: Store, tmp_path: Path) -> None:
    store.import_paths([write_article(tmp_path, "a.txt")])
    path = tmp_path / "db" / "articles.json"
    data = orjson.loads(path.read_bytes())
    for doc in data["meta"].values():
        doc["schema"] = SCHEMA_VERSION + 1
    path.write_bytes(orjson.dumps(data))
    with pytest.raises(StoreError, match="newer"):
        Store.open(tmp_path / "db")


def test_repair_moves_damaged_files_aside_and_rebuilds_keeping_stars(
    store: Store, tmp_path: Path
) -> None:
    src = write_article(tmp_path, "a.txt")
    store.import_paths([src])
    quote = store.quotes()[0]
    store.star(quote.id)
    db = tmp_path / "db"
    (db / "articles.json.bak").unlink(missing_ok=True)
    (db / "articles.json").write_bytes(b"{ truncated")
    result = repair(db)
    assert result.damaged and result.moved_to is not None
    assert (result.moved_to / "articles.json").read_bytes() == b"{ truncated"
    fresh = Store.open(db)
    assert fresh.starred() == {quote.id}
    titles = {a["title"] for a in fresh.articles()}
    assert titles == {
        "A visit to Tokyo",
        "NATO and Japan sign Political Declaration for a stronger partnership",
    }
    assert result.ok and not result.missing_sources


def test_repair_says_which_sources_could_not_be_recovered(store: Store, tmp_path: Path) -> None:
    src = write_article(tmp_path, "a.txt")
    store.import_paths([src])
    store.star(store.quotes()[0].id)
    src.unlink()
    db = tmp_path / "db"
    (db / "quotes.json").write_bytes(b"[1, 2")
    result = repair(db)
    assert result.missing_sources == [str(src.resolve())]
    assert result.stars_lost == 1 and result.stars_kept == 0
    assert any("source file gone" in line for line in result.lines())


def test_repair_recovers_sources_from_the_backup_copy(store: Store, tmp_path: Path) -> None:
    store.import_paths([write_article(tmp_path, "a.txt")])
    store.import_paths(
        [write_article(tmp_path, "b.txt", "Second visit")]
    )  # articles.json.bak now lists a.txt
    db = tmp_path / "db"
    (db / "articles.json").write_bytes(b"")
    result = repair(db)
    assert result.rebuilt >= 2
    assert {"A visit to Tokyo", "Second visit"} <= {a["title"] for a in Store.open(db).articles()}


def test_repair_of_a_healthy_database_changes_nothing(store: Store, tmp_path: Path) -> None:
    store.import_paths([write_article(tmp_path, "a.txt")])
    before = {p.name: p.read_bytes() for p in (tmp_path / "db").glob("*.json")}
    assert not repair(tmp_path / "db").damaged
    assert before == {p.name: p.read_bytes() for p in (tmp_path / "db").glob("*.json")}


def test_a_file_path_given_as_database_folder_is_refused(tmp_path: Path) -> None:
    f = tmp_path / "file.json"
    f.write_text("{}")
    with pytest.raises(StoreError, match="not a database folder"):
        Store.open(f)


def test_copying_a_database_folder_gives_a_working_database(store: Store, tmp_path: Path) -> None:
    store.import_paths([write_article(tmp_path, "a.txt")])
    shutil.copytree(tmp_path / "db", tmp_path / "copy")
    assert len(Store.open(tmp_path / "copy").articles()) == 1


def test_an_older_schema_is_migrated_with_a_backup_kept(store: Store, tmp_path: Path) -> None:
    src = write_article(tmp_path, "a.txt")
    store.import_paths([src])
    db = tmp_path / "db"
    # Rewrite the database as schema 1 wrote it: texts rows without the source path.
    arts = orjson.loads((db / "articles.json").read_bytes())
    for doc in arts["meta"].values():
        doc["schema"] = 1
    texts = orjson.loads((db / "texts.json").read_bytes())
    for doc in texts["texts"].values():
        del doc["path"]
    (db / "articles.json").write_bytes(orjson.dumps(arts))
    (db / "texts.json").write_bytes(orjson.dumps(texts))
    old_texts = (db / "texts.json").read_bytes()

    migrated = Store.open(db)
    assert (
        migrated.backup is not None and (migrated.backup / "texts.json").read_bytes() == old_texts
    )
    texts = orjson.loads((db / "texts.json").read_bytes())
    assert [d["path"] for d in texts["texts"].values()] == [str(src.resolve())]
    meta = orjson.loads((db / "articles.json").read_bytes())["meta"]
    assert [d["schema"] for d in meta.values()] == [SCHEMA_VERSION]
    assert Store.open(db).backup is None, "migration runs once"


def test_speaker_filter_matches_a_part_of_the_name_or_a_close_spelling(store: Store) -> None:
    store.ensure_seeded()
    assert {q.speaker for q in store.quotes(speaker="fogh")} == {"Anders Fogh Rasmussen"}
    assert {q.speaker for q in store.quotes(speaker="Rasmusen")} == {"Anders Fogh Rasmussen"}
    assert store.quotes(speaker="Stoltenberg") == []


def test_a_file_reached_twice_through_a_link_is_imported_once(store: Store, tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    write_article(src, "a.txt")
    (src / "link.txt").symlink_to(src / "a.txt")
    report = store.import_paths([src, src / "a.txt"])
    assert len(report.imported) == 1 and not report.failed
