"""The sharded store: import, re-import, user data, commits, migration and damaged files."""

from __future__ import annotations

import shutil
import zlib
from pathlib import Path

import orjson
import pytest
from library_files import as_schema_4, family_path, files, manifest, shard_paths, write_legacy

from natojp_tui.store import SCHEMA_VERSION, Store, StoreError
from natojp_tui.store import journal as journals
from natojp_tui.store.db import shard_key
from natojp_tui.store.library import Manifest
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
    before = files(tmp_path / "db")
    again = store.import_paths([path])
    assert again.unchanged == first.imported and not again.imported and not again.updated
    assert files(tmp_path / "db") == before


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


def test_starring_appends_to_the_journal_alone(store: Store, tmp_path: Path) -> None:
    store.import_paths([write_article(tmp_path, "a.txt")])
    db = tmp_path / "db"
    before = {p.name: p.read_bytes() for p in db.iterdir() if p.is_file()}
    quote = store.quotes()[0].id
    store.star(quote)
    after = {p.name: p.read_bytes() for p in db.iterdir() if p.is_file()}
    journal = family_path(db, "journal").name
    assert {n for n in after if after[n] != before.get(n)} == {journal}, "one file written"
    assert after[journal].startswith(before[journal]) and len(after[journal]) > 8
    assert Store.open(db).starred() == {quote}


def test_a_commit_folds_the_journal_into_the_user_file(store: Store, tmp_path: Path) -> None:
    store.import_paths([write_article(tmp_path, "a.txt")])
    db = tmp_path / "db"
    quote = store.quotes()[0].id
    store.star(quote)
    store.set_note(quote, "why it matters")
    store.import_paths([write_article(tmp_path, "b.txt", "Second visit")])
    assert family_path(db, "journal").read_bytes() == b"", "the new generation's, empty"
    user = orjson.loads(family_path(db, "user").read_bytes())
    assert len(user["stars"]) == 1 and len(user["notes"]) == 1
    fresh = Store.open(db)
    assert fresh.starred() == {quote} and fresh.note_of(quote) == "why it matters"


def test_a_torn_journal_record_reads_as_the_old_state_and_is_cut_off(
    store: Store, tmp_path: Path
) -> None:
    store.import_paths([write_article(tmp_path, "a.txt")])
    db = tmp_path / "db"
    quote = store.quotes()[0].id
    store.star(quote)
    journal = family_path(db, "journal")
    whole = journal.read_bytes()
    store.star(quote, on=False)
    journal.write_bytes(journal.read_bytes()[:-3])  # the unstar cut short (a kill, a full disk)
    assert Store.open(db).starred() == {quote}, "the last whole record"
    assert not repair(db).damaged
    again = Store.open(db)
    again.set_state("theme", "nord")
    grown = journal.read_bytes()
    held = journals.read(db, Manifest.from_bytes((db / "manifest.json").read_bytes(), db))
    assert grown.startswith(whole) and held.end == len(grown), "the torn tail was cut off"
    assert Store.open(db).starred() == {quote} and Store.open(db).get_state("theme") == "nord"


def test_another_processs_journaled_star_is_seen(store: Store, tmp_path: Path) -> None:
    store.import_paths([write_article(tmp_path, "a.txt")])
    db = tmp_path / "db"
    reader = Store.open(db)
    quote = store.quotes()[0].id
    store.star(quote)
    assert reader.reload_if_changed() and reader.starred() == {quote}
    assert not reader.reload_if_changed()


def test_a_full_journal_makes_the_next_change_a_commit(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from natojp_tui.store import journal

    store.import_paths([write_article(tmp_path, "a.txt")])
    db = tmp_path / "db"
    monkeypatch.setattr(journal, "LIMIT", 200)
    generation = manifest(db)["generation"]
    quote = store.quotes()[0].id
    for n in range(4):
        store.set_note(quote, f"note {n}")
    assert manifest(db)["generation"] > generation, "a full journal was folded by a commit"
    assert len(family_path(db, "journal").read_bytes()) <= 200
    assert Store.open(db).note_of(quote) == "note 3"


def test_opening_an_article_reads_only_its_shard(store: Store, tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    for n in range(6):
        write_article(src, f"a{n}.txt", f"Visit {n}")
    store.import_paths([src])
    assert len(shard_paths(tmp_path / "db")) >= 2, "six articles spread over several shards"
    fresh = Store.open(tmp_path / "db")
    aid = fresh.article_ids()[0]
    article = fresh.article(aid)
    assert article is not None and article.quotes
    assert list(fresh._shards) == [shard_key(aid)]


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
    before = files(db)

    def disk_full(*_a, **_k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("natojp_tui.store.storage.os.fsync", disk_full)
    with pytest.raises(StoreError, match=r"No space left on device.*nothing was changed"):
        store.import_paths([write_article(tmp_path, "b.txt", "Another")])
    monkeypatch.undo()
    assert files(db) == before, "no new file is left behind either"
    assert [a["title"] for a in store.articles()] == ["A visit to Tokyo"]
    assert len(Store.open(db).articles()) == 1


def test_a_corrupt_file_is_reported_with_its_path_and_left_untouched(
    store: Store, tmp_path: Path
) -> None:
    store.import_paths([write_article(tmp_path, "a.txt")])
    articles = family_path(tmp_path / "db", "articles")
    damaged = articles.read_bytes()[:25]
    articles.write_bytes(damaged)
    with pytest.raises(StoreError) as err:
        Store.open(tmp_path / "db")
    assert str(articles) in str(err.value) and "natojp repair" in str(err.value)
    assert articles.read_bytes() == damaged


def test_a_damaged_shard_is_reported_when_its_article_is_opened(
    store: Store, tmp_path: Path
) -> None:
    [aid] = store.import_paths([write_article(tmp_path, "a.txt")]).imported
    shard = family_path(tmp_path / "db", shard_key(aid))
    shard.write_bytes(shard.read_bytes().replace(b"natural", b"NATURAL"))  # same size, other CRC
    reopened = Store.open(tmp_path / "db")
    with pytest.raises(StoreError, match="checksum does not match") as err:
        reopened.article(aid)
    assert str(shard) in str(err.value)


@pytest.mark.parametrize("family", ["user", "journal"])
def test_a_missing_family_file_is_damage_not_an_empty_family(
    store: Store, tmp_path: Path, family: str
) -> None:
    store.import_paths([write_article(tmp_path, "a.txt")])
    store.star(store.quotes()[0].id)
    store.import_paths([write_article(tmp_path, "b.txt", "Second visit")])  # the user file
    store.star(store.quotes()[1].id)  # and the journal
    path = family_path(tmp_path / "db", family)
    if family == "user":  # superseded by the journal until the next commit: read it alone
        family_path(tmp_path / "db", "journal").write_bytes(b"")
    path.unlink()
    with pytest.raises(StoreError, match="missing") as err:
        Store.open(tmp_path / "db")
    assert str(path) in str(err.value)


def test_a_record_with_a_missing_field_is_reported_with_file_and_id(
    store: Store, tmp_path: Path
) -> None:
    [aid] = store.import_paths([write_article(tmp_path, "a.txt")]).imported
    db = tmp_path / "db"
    shard = family_path(db, shard_key(aid))
    records = orjson.loads(shard.read_bytes())["articles"]
    quote = records[aid]["quotes"][0]
    del quote["kind"]
    _rewrite_committed(db, shard_key(aid), _shard_bytes(records))
    with pytest.raises(StoreError) as err:
        Store.open(db).article(aid)
    assert str(shard) in str(err.value) and quote["id"] in str(err.value)
    assert "has no 'kind'" in str(err.value)


def _shard_bytes(records: dict) -> bytes:
    """A shard file (with its index) from its articles' decoded records."""
    from natojp_tui.store.shards import encode_entries

    return encode_entries(
        {aid: (r["text"], r["quotes"], r["events"]) for aid, r in records.items()}
    )


def _rewrite_committed(db: Path, key: str, data: bytes) -> None:
    """Replace a family file's bytes and fix the manifest's size and CRC (valid JSON with
    bad content, as a buggy writer would leave it)."""
    import zlib

    doc = manifest(db)
    name = doc["files"][key][0]
    (db / name).write_bytes(data)
    doc["files"][key] = [name, len(data), zlib.crc32(data) & 0xFFFFFFFF]
    (db / "manifest.json").write_bytes(orjson.dumps(doc))


def test_a_database_from_a_newer_schema_is_refused(store: Store, tmp_path: Path) -> None:
    store.import_paths([write_article(tmp_path, "a.txt")])
    path = tmp_path / "db" / "manifest.json"
    data = orjson.loads(path.read_bytes())
    data["schema"] = SCHEMA_VERSION + 1
    path.write_bytes(orjson.dumps(data))
    with pytest.raises(StoreError, match="newer"):
        Store.open(tmp_path / "db")


def test_repair_rebuilds_a_damaged_article_list_from_the_shards_keeping_stars(
    store: Store, tmp_path: Path
) -> None:
    src = write_article(tmp_path, "a.txt")
    store.import_paths([src])
    store.ensure_seeded()
    quote = store.quotes()[0]
    store.star(quote.id)
    db = tmp_path / "db"
    articles = family_path(db, "articles")
    articles.write_bytes(b"{ truncated")
    result = repair(db)
    assert len(result.damaged) == 1 and result.damaged[0].startswith(f"{articles}: damaged")
    assert result.moved_to is not None
    assert (result.moved_to / articles.name).read_bytes() == b"{ truncated"
    fresh = Store.open(db)
    assert fresh.starred() == {quote.id}
    assert {a["title"] for a in fresh.articles()} == {"A visit to Tokyo"}
    assert result.ok and not result.missing_sources
    assert any("last good copy" in a or "rebuilt the article list" in a for a in result.actions)


def test_repair_restores_a_deleted_user_file_from_the_last_good_copy(
    store: Store, tmp_path: Path
) -> None:
    store.ensure_seeded()
    first, second = store.quotes()[:2]
    store.star(first.id)
    store.import_paths([write_article(tmp_path, "a.txt")])  # a user file with the first star
    store.star(second.id)
    store.import_paths([write_article(tmp_path, "b.txt", "Second visit")])  # and both
    db = tmp_path / "db"
    family_path(db, "user").unlink()
    result = repair(db)
    assert any("restored user from the last good copy" in a for a in result.actions)
    assert Store.open(db).starred() == {first.id}
    assert "restored user" in "\n".join(result.lines())


def test_repair_of_a_deleted_journal_keeps_the_user_file_and_says_what_is_lost(
    store: Store, tmp_path: Path
) -> None:
    store.ensure_seeded()
    first, second = store.quotes()[:2]
    store.star(first.id)
    store.import_paths([write_article(tmp_path, "a.txt")])  # a user file with the first star
    store.star(second.id)  # in the journal only
    db = tmp_path / "db"
    journal = family_path(db, "journal")
    journal.unlink()
    result = repair(db)
    assert any(str(journal) in d and "missing" in d for d in result.damaged)
    assert any("changes to the user data since" in a for a in result.actions)
    assert Store.open(db).starred() == {first.id}
    assert not repair(db).damaged


def test_a_damaged_user_file_under_a_journal_is_repaired_from_the_journal(
    store: Store, tmp_path: Path
) -> None:
    store.import_paths([write_article(tmp_path, "a.txt")])
    first = store.quotes()[0].id
    store.star(first)
    store.import_paths([write_article(tmp_path, "b.txt", "Second visit")])  # a user file
    second = store.quotes()[1].id
    store.star(second)  # the journal holds both stars
    db = tmp_path / "db"
    family_path(db, "user").write_bytes(b"{ damaged")
    result = repair(db)
    assert result.damaged and Store.open(db).starred() == {first, second}
    assert not repair(db).damaged


def test_repair_reads_an_article_again_when_its_shard_is_gone(store: Store, tmp_path: Path) -> None:
    [aid] = store.import_paths([write_article(tmp_path, "a.txt")]).imported
    db = tmp_path / "db"
    family_path(db, shard_key(aid)).unlink()
    result = repair(db)
    assert any("read 1 articles again from their source files" in a for a in result.actions)
    assert len(Store.open(db).article(aid).quotes) == 1


def test_repair_finds_quotes_whose_offsets_no_longer_slice_their_text(
    store: Store, tmp_path: Path
) -> None:
    [aid] = store.import_paths([write_article(tmp_path, "a.txt")]).imported
    db = tmp_path / "db"
    records = orjson.loads(family_path(db, shard_key(aid)).read_bytes())["articles"]
    quote = records[aid]["quotes"][0]
    quote["start"] += 3
    _rewrite_committed(db, shard_key(aid), _shard_bytes(records))
    result = repair(db)
    assert any(f"quote {quote['id']} no longer matches its text" in d for d in result.damaged)
    [good] = Store.open(db).article(aid).quotes
    assert good.text == "We are natural partners,"


def test_repair_finds_a_search_index_with_damaged_arrays(store: Store, tmp_path: Path) -> None:
    store.import_paths([write_article(tmp_path, "a.txt")])
    db = tmp_path / "db"
    index = family_path(db, "search")
    data = bytearray(index.read_bytes())
    data[-8:] = b"\xff" * 8  # the last array: a code far out of range, header intact
    _rewrite_committed(db, "search", bytes(data))
    result = repair(db)
    assert any(str(index) in d and "search index" in d for d in result.damaged)
    assert Store.open(db).search("natural").total == 1


def test_repair_says_which_sources_could_not_be_recovered(store: Store, tmp_path: Path) -> None:
    src = write_article(tmp_path, "a.txt")
    [aid] = store.import_paths([src]).imported
    quote_id = store.quotes()[0].id
    store.star(quote_id)
    src.unlink()
    db = tmp_path / "db"
    family_path(db, shard_key(aid)).write_bytes(b"[1, 2")
    result = repair(db)
    assert result.missing_sources == [str(src.resolve())]
    assert result.stars_lost == 1 and result.stars_kept == 0
    assert any("source file gone" in line for line in result.lines())
    reopened = Store.open(db)
    assert reopened.starred() == set(), "its quote is gone: the star is not placed anywhere"
    assert [(d["table"], d["target"]) for d in reopened.unplaced()] == [("stars", quote_id)], (
        "but it is kept in the user data and listed"
    )


def test_repair_of_a_healthy_database_changes_nothing(store: Store, tmp_path: Path) -> None:
    store.import_paths([write_article(tmp_path, "a.txt")])
    before = files(tmp_path / "db")
    assert not repair(tmp_path / "db").damaged
    assert before == files(tmp_path / "db")


def test_a_second_repair_after_an_interrupted_one_still_repairs(
    store: Store, tmp_path: Path, monkeypatch
) -> None:
    from natojp_tui.store import storage

    store.import_paths([write_article(tmp_path, "a.txt")])
    db = tmp_path / "db"
    family_path(db, "catalog").write_bytes(b"")
    damaged = files(db)

    def interrupt(step: str) -> None:
        if step == "replace manifest.json":
            raise KeyboardInterrupt

    monkeypatch.setattr(storage, "FAULT_HOOK", interrupt)
    with pytest.raises(KeyboardInterrupt):
        repair(db)
    monkeypatch.setattr(storage, "FAULT_HOOK", None)
    after = files(db)
    assert {n: after[n] for n in damaged} == damaged, "the library is as it was"
    result = repair(db)
    assert result.damaged and "healthy" not in "\n".join(result.lines())
    assert not repair(db).damaged


def test_a_file_path_given_as_database_folder_is_refused(tmp_path: Path) -> None:
    f = tmp_path / "file.json"
    f.write_text("{}")
    with pytest.raises(StoreError, match="not a database folder"):
        Store.open(f)


def test_copying_a_database_folder_gives_a_working_database(store: Store, tmp_path: Path) -> None:
    store.import_paths([write_article(tmp_path, "a.txt")])
    shutil.copytree(tmp_path / "db", tmp_path / "copy")
    assert len(Store.open(tmp_path / "copy").articles()) == 1


@pytest.mark.parametrize("schema", [1, 2])
def test_an_old_layout_is_migrated_to_the_sharded_library_with_a_backup(
    tmp_path: Path, schema: int
) -> None:
    from natojp_tui.ingest import load_article

    src = write_article(tmp_path, "a.txt")
    article = load_article(src)
    article.path = str(src.resolve())
    db = tmp_path / "db"
    write_legacy(db, [article], [article.quotes[0].id], schema=schema)
    old_texts = (db / "texts.json").read_bytes()

    migrated = Store.open(db)
    assert (
        migrated.backup is not None and (migrated.backup / "texts.json").read_bytes() == old_texts
    )
    assert not (db / "texts.json").exists() and (db / "manifest.json").exists()
    assert manifest(db)["schema"] == SCHEMA_VERSION and manifest(db)["migrated_from"] == schema
    assert migrated.starred() == {article.quotes[0].id} and migrated.get_state("theme") == "nord"
    again = Store.open(db)
    assert again.backup is None, "migration runs once"
    assert again.article(article.id).quotes == article.quotes
    assert again.articles()[0]["path"] == str(src.resolve())
    assert again.search("natural partners").total == 1


def test_a_damaged_old_layout_is_not_migrated_and_repair_rebuilds_it(tmp_path: Path) -> None:
    from natojp_tui.ingest import load_article

    src = write_article(tmp_path, "a.txt")
    article = load_article(src)
    article.path = str(src.resolve())
    db = tmp_path / "db"
    write_legacy(db, [article], [article.quotes[0].id])
    (db / "quotes.json").write_bytes(b"[1, 2")
    with pytest.raises(StoreError, match=r"quotes\.json"):
        Store.open(db)
    assert (db / "quotes.json").read_bytes() == b"[1, 2"
    result = repair(db)
    assert result.rebuilt == 1 and result.stars_kept == 1
    assert Store.open(db).starred() == {article.quotes[0].id}


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


def _as_schema_3(db: Path) -> None:
    """Rewrite a library as schema 3 wrote it: shards as whole TinyDB tables, the last
    import's ids in the user family's ``imports`` table, no ``imports`` family."""
    as_schema_4(db)
    doc = manifest(db)
    user_tables: dict = {}
    for key, (name, *_rest) in list(doc["files"].items()):
        data = (db / name).read_bytes()
        if key.startswith("shard/"):
            records = orjson.loads(data)["articles"]
            tables: dict = {"texts": {}, "quotes": {}, "events": {}}
            for rec in records.values():
                tables["texts"][str(len(tables["texts"]) + 1)] = rec["text"]
                for table in ("quotes", "events"):
                    for d in rec[table]:
                        tables[table][str(len(tables[table]) + 1)] = d
            data = orjson.dumps(tables)
        elif key == "imports":
            user_tables["imports"] = orjson.loads(data)["imports"]
            (db / name).unlink()
            del doc["files"][key]
            continue
        else:
            continue
        (db / name).write_bytes(data)
        doc["files"][key] = [name, len(data), zlib.crc32(data) & 0xFFFFFFFF]
    name = doc["files"]["user"][0]
    tables = orjson.loads((db / name).read_bytes())
    tables.update(user_tables)
    data = orjson.dumps(tables)
    (db / name).write_bytes(data)
    doc["files"]["user"] = [name, len(data), zlib.crc32(data) & 0xFFFFFFFF]
    doc["schema"] = 3
    (db / "manifest.json").write_bytes(orjson.dumps(doc))


def _library_of_six(store: Store, tmp_path: Path) -> tuple[list[Path], list[str], dict]:
    paths = [write_article(tmp_path, f"{n}.txt", f"Visit {n}") for n in range(6)]
    ids = store.import_paths(paths).imported
    before = {aid: store.article(aid) for aid in ids}
    store.star(before[ids[0]].quotes[0].id)
    store.set_note(ids[1], "my note")
    assert store.new_articles() == set(ids)
    _as_schema_3(tmp_path / "db")
    return paths, ids, before


def test_a_schema_3_library_is_upgraded_when_opened(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from natojp_tui.store import migrations

    _paths, ids, before = _library_of_six(store, tmp_path)
    db = tmp_path / "db"
    monkeypatch.setattr(migrations, "UPGRADE_BATCH", 2)  # several commits
    upgraded = Store.open(db)
    assert manifest(db)["schema"] == SCHEMA_VERSION
    assert all(p.read_bytes().startswith(b'{"format":"natojp-shard/2"') for p in shard_paths(db))
    assert "imports" not in orjson.loads(family_path(db, "user").read_bytes())
    for s in (upgraded, Store.open(db)):
        assert {aid: s.article(aid) for aid in ids} == before
        assert s.new_articles() == set(ids) and s.note_of(ids[1]) == "my note"
        assert s.starred() == {before[ids[0]].quotes[0].id}
    assert repair(db).damaged == []


def test_a_schema_3_library_that_cannot_be_upgraded_is_read_and_migrates_as_it_is_written(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from natojp_tui.store import migrations

    paths, ids, before = _library_of_six(store, tmp_path)
    db = tmp_path / "db"
    quote = before[ids[0]].quotes[0]

    def cannot(store: Store) -> int:
        raise StoreError(f"{db}: cannot write (read-only file system)")

    monkeypatch.setattr(migrations, "upgrade_shards", cannot)
    old = Store.open(db)
    assert manifest(db)["schema"] == 3
    assert {aid: old.article(aid) for aid in ids} == before, "old shards read as before"
    assert old.new_articles() == set(ids) and old.starred() == {quote.id}
    assert repair(db).damaged == []

    old.star(quote.id, on=False)  # the user family is written: its imports table moves out
    user = orjson.loads(family_path(db, "user").read_bytes())
    assert "imports" not in user
    assert orjson.loads(family_path(db, "imports").read_bytes())["imports"]
    again = Store.open(db)
    assert again.new_articles() == set(ids) and again.starred() == set()
    assert again.note_of(ids[1]) == "my note"

    write_article(tmp_path, "0.txt", "Visit 0, updated")
    assert again.import_paths([paths[0]]).updated == [ids[0]]
    rewritten = family_path(db, shard_key(ids[0])).read_bytes()
    assert rewritten.startswith(b'{"format":"natojp-shard/2"'), "a rewritten shard has an index"
    last = Store.open(db)
    assert last.article(ids[0]).title == "Visit 0, updated"
    assert {aid: last.article(aid) for aid in ids[1:]} == {a: before[a] for a in ids[1:]}
    assert last.note_of(ids[1]) == "my note"
    assert repair(db).damaged == []


def test_a_star_rewrites_neither_the_import_list_nor_a_shard(store: Store, tmp_path: Path) -> None:
    ids = store.import_paths(
        [write_article(tmp_path, f"{n}.txt", f"Visit {n}") for n in range(4)]
    ).imported
    db = tmp_path / "db"
    quote = store.article(ids[0]).quotes[0]
    before = manifest(db)
    store.star(quote.id)
    assert manifest(db) == before, "journaled: no new generation"
    assert len(family_path(db, "journal").read_bytes()) < 1000
    assert Store.open(db).starred() == {quote.id} and Store.open(db).new_articles() == set(ids)


def test_opening_an_article_parses_only_its_record_of_the_shard(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from natojp_tui.store import db as db_module

    monkeypatch.setattr(db_module, "SHARD_BUCKETS", 1)  # every article in one shard
    store = Store.open(tmp_path / "db")
    ids = store.import_paths(
        [write_article(tmp_path, f"{n}.txt", f"Visit {n}") for n in range(5)]
    ).imported
    fresh = Store.open(tmp_path / "db")
    assert fresh.article(ids[2]).title == "Visit 2"
    [shard] = fresh._shards.values()
    assert list(shard.by_article._decoded) == [ids[2]]
    assert len(shard.by_article) == 5


def test_one_article_is_read_without_parsing_the_article_list(store: Store, tmp_path: Path) -> None:
    ids = store.import_paths(
        [write_article(tmp_path, f"{n}.txt", f"Visit {n}") for n in range(3)]
    ).imported
    fresh = Store.open(tmp_path / "db")
    assert fresh.article(ids[1]).title == "Visit 1"
    assert fresh.article("nosucharticle") is None
    assert fresh._list_read is None, "the list is read at open but parsed only when used"
    assert fresh.search("partners", limit=5).total == 3
    assert fresh._list_read is None, "a search never needs it"
    assert len(fresh.article_ids()) == 3


def test_a_schema_4_library_is_backed_up_and_upgraded_when_opened(
    store: Store, tmp_path: Path
) -> None:
    ids = store.import_paths(
        [write_article(tmp_path, f"{n}.txt", f"Visit {n}") for n in range(3)]
    ).imported
    db = tmp_path / "db"
    quote = store.article(ids[0]).quotes[0].id
    store.star(quote)
    store.set_note(ids[1], "my note")
    queries = ["natural", '"natural partners"', '"we are nat', ""]
    answers = {q: [h.record.id for h in store.search(q).hits] for q in queries}
    as_schema_4(db)
    old = manifest(db)
    old_files = {name: (db / name).read_bytes() for name, *_ in old["files"].values()}

    upgraded = Store.open(db)
    assert manifest(db)["schema"] == SCHEMA_VERSION == 6
    assert "timeline" in manifest(db)["files"], "4 → 5 → 6 in one commit"
    backup = upgraded.backup
    assert backup is not None and backup.name.startswith("backup-schema4-")
    assert orjson.loads((backup / "manifest.json").read_bytes()) == old
    assert {n: (backup / n).read_bytes() for n in old_files} == old_files, "a whole copy"
    assert b"rank_at" in family_path(db, "search").read_bytes()[:4096]
    for s in (upgraded, Store.open(db)):
        assert s.starred() == {quote} and s.note_of(ids[1]) == "my note"
        assert s.new_articles() == set(ids)
        assert {q: [h.record.id for h in s.search(q).hits] for q in queries} == answers
    assert Store.open(db).backup is None, "upgraded once"
    assert not repair(db).damaged
    before = manifest(db)
    upgraded.star(quote, on=False)
    assert manifest(db) == before and Store.open(db).starred() == set(), "journaled from now on"


def test_a_schema_4_library_that_cannot_be_upgraded_is_read_as_it_is(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from natojp_tui.store import migrations

    [aid] = store.import_paths([write_article(tmp_path, "a.txt")]).imported
    db = tmp_path / "db"
    quote = store.article(aid).quotes[0].id
    store.star(quote)
    as_schema_4(db)

    def cannot(*_args: object) -> Path:
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr(migrations, "link_backup", cannot)
    old = Store.open(db)
    assert manifest(db)["schema"] == 4 and old.starred() == {quote}
    assert old.search('"natural partners"').total == 1, "ranks derived in memory"
    assert not list(db.glob("backup-schema4-*"))
