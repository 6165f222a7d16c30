"""Faults while writing: a crash between any two write steps, a full disk at any step,
killed writers' leftovers, symlinks, other processes' commits. The library is always
exactly the old state or the new one, and nothing but the reader's own generation is read."""

from __future__ import annotations

import errno
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import orjson
import pytest
from library_files import family_path, files, manifest

from natojp_tui.store import Store, StoreError, storage
from natojp_tui.store.db import shard_key
from natojp_tui.store.repair import repair

STORY = """{title}

Tokyo, {day} April 2013 -

Secretary General Anders Fogh Rasmussen met Prime Minister Shinzo Abe in Tokyo. “We are {word} partners,” the Secretary General said.
"""


def write(folder: Path, name: str, title: str, day: int = 15, word: str = "natural") -> Path:
    path = folder / name
    path.write_text(STORY.format(title=title, day=day, word=word), encoding="utf-8")
    return path


def state(db: Path) -> tuple:
    """Everything a user can see of the library, from a fresh open."""
    s = Store.open(db)
    articles = sorted((a["id"], a["title"], a["checksum"], a["path"]) for a in s.articles())
    quotes = sorted((q.id, q.text) for aid in s.article_ids() for q in s.article(aid).quotes)
    hits = sorted(
        (h.record.id, h.record.text, h.record.title) for h in s.search("", limit=10**6).hits
    )
    assert [q for q, _ in quotes] == [h for h, _, _ in hits], "the index holds the library's quotes"
    return articles, quotes, hits, sorted(s.starred()), s.get_state("theme")


def steps_of(operation: Callable[[], object]) -> list[str]:
    """The write steps an operation goes through, in order."""
    seen: list[str] = []
    storage.FAULT_HOOK = seen.append
    try:
        operation()
    finally:
        storage.FAULT_HOOK = None
    return seen


def crash_at(step: int, operation: Callable[[], object]) -> None:
    """Run ``operation`` in a forked child killed (``os._exit``, no clean-up) at ``step``."""
    pid = os.fork()
    if pid == 0:  # the child
        count = [0]

        def die(_name: str) -> None:
            count[0] += 1
            if count[0] > step:
                os._exit(137)

        storage.FAULT_HOOK = die
        try:
            operation()
        finally:
            os._exit(0)
    _, status = os.waitpid(pid, 0)
    assert os.WEXITSTATUS(status) == 137, "the child reached the chosen step"


@pytest.fixture
def library(tmp_path: Path) -> Path:
    """A library with two articles, one quote starred, a theme set (in the user file: the
    second import folded the journal into it)."""
    db = tmp_path / "db"
    src = tmp_path / "src"
    src.mkdir()
    store = Store.open(db)
    store.import_paths([write(src, "a.txt", "First visit")])
    store.star(store.quotes()[0].id)
    store.set_state("theme", "nord")
    store.import_paths([write(src, "b.txt", "Second visit", 16)])
    return db


def _operations(db: Path) -> dict[str, Callable[[], object]]:
    src = db.parent / "src"

    def do_import() -> object:
        return Store.open(db).import_paths([write(src, "c.txt", "Third visit", 17, "valued")])

    def do_update() -> object:
        return Store.open(db).import_paths(
            [write(src, "a.txt", "First visit, revised", 15, "close")]
        )

    def do_star() -> object:
        s = Store.open(db)
        return s.star(next(q.id for q in s.quotes() if q.id not in s.starred()))

    return {"import": do_import, "update": do_update, "star": do_star}


@pytest.mark.parametrize("name", ["import", "update", "star"])
def test_a_crash_between_any_two_write_steps_leaves_the_old_or_the_new_library(
    library: Path, name: str
) -> None:
    work = library.parent
    pristine = work / "pristine"
    shutil.copytree(library, pristine, symlinks=True)
    old = state(library)
    steps = steps_of(_operations(library)[name])
    new = state(library)
    assert new != old and len(steps) >= (2 if name == "star" else 4)  # a star: append, fsync
    seen = {"old": 0, "new": 0}
    for k in range(len(steps)):
        shutil.rmtree(library)
        shutil.copytree(pristine, library, symlinks=True)
        if name in ("import", "update"):  # the source files as they were before
            write(work / "src", "a.txt", "First visit")
            (work / "src" / "c.txt").unlink(missing_ok=True)
        crash_at(k, _operations(library)[name])
        after = state(library)
        assert after in (old, new), f"crash at step {k} ({steps[k]}) left a mixed library"
        seen["old" if after == old else "new"] += 1
        assert not repair(library).damaged, f"crash at step {k} ({steps[k]}) left damage"
    assert seen["old"] and seen["new"], "crashes before the commit keep the old, after it the new"


def test_a_crash_at_any_step_of_a_new_librarys_first_import_leaves_it_empty_or_imported(
    tmp_path: Path,
) -> None:
    src = tmp_path / "src"
    src.mkdir()
    write(src, "a.txt", "First visit")

    def first_import(db: Path) -> Callable[[], object]:
        return lambda: Store.open(db).import_paths([src])

    done = tmp_path / "done"
    steps = steps_of(first_import(done))
    new = state(done)
    assert new[0] and len(steps) >= 4
    seen = {"empty": 0, "new": 0}
    for k in range(len(steps)):
        db = tmp_path / f"db{k}"
        crash_at(k, first_import(db))
        after = state(db)  # opens: files written before the first manifest are no damage
        assert after in (state(tmp_path / "empty"), new), f"crash at step {k} ({steps[k]})"
        seen["new" if after == new else "empty"] += 1
        assert not repair(db).damaged, f"crash at step {k} ({steps[k]}) left damage"
    assert seen["empty"] and seen["new"]


@pytest.mark.parametrize("name", ["import", "update", "star"])
def test_a_full_disk_at_any_write_step_leaves_the_old_or_the_new_library(
    library: Path, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    work = library.parent
    pristine = work / "pristine"
    shutil.copytree(library, pristine, symlinks=True)
    old = state(library)
    steps = steps_of(_operations(library)[name])
    new = state(library)
    for k, step in enumerate(steps):
        shutil.rmtree(library)
        shutil.copytree(pristine, library, symlinks=True)
        write(work / "src", "a.txt", "First visit")
        (work / "src" / "c.txt").unlink(missing_ok=True)
        count = [0]

        def full(_name: str, k: int = k, count: list[int] = count) -> None:
            count[0] += 1
            if count[0] == k + 1:
                raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(storage, "FAULT_HOOK", full)
        try:
            _operations(library)[name]()
            failed = False
        except StoreError as exc:
            assert "No space left on device" in str(exc) and "nothing was changed" in str(exc)
            failed = True
        monkeypatch.setattr(storage, "FAULT_HOOK", None)
        after = state(library)
        assert after == (old if failed else new), f"disk full at step {k} ({step})"
        assert not repair(library).damaged


def test_a_crash_at_any_step_of_repair_changes_nothing_or_repairs(library: Path) -> None:
    work = library.parent
    family_path(library, "catalog").write_bytes(b"{ truncated")
    damaged = work / "damaged"
    shutil.copytree(library, damaged, symlinks=True)
    before = files(library)
    steps = steps_of(lambda: repair(library))
    repaired = state(library)
    assert len(steps) >= 4
    outcomes = set()
    for k in range(len(steps)):
        shutil.rmtree(library)
        shutil.copytree(damaged, library, symlinks=True)
        crash_at(k, lambda: repair(library))
        after = files(library)
        if after["manifest.json"] == before["manifest.json"]:  # not committed
            assert {n: after.get(n) for n in before} == before, "nothing existing changed"
            with pytest.raises(StoreError, match="catalog"):
                state(library)
            outcomes.add("old")
        else:
            assert state(library) == repaired, f"crash at repair step {k} ({steps[k]})"
            outcomes.add("new")
        result = repair(library)  # a second repair always finishes the job
        assert state(library) == repaired and not repair(library).damaged, result.lines()
    assert outcomes == {"old", "new"}


def test_a_killed_writers_leftovers_are_swept_by_the_next_write(library: Path) -> None:
    (library / "shard-0aa.000099.deadbeef.json").write_bytes(b'{"texts": {}')
    (library / ".manifest.json.0badf00d.tmp").write_bytes(b"{")
    result = repair(library)
    assert not result.damaged and len(result.swept) == 2
    assert "removed 2 files left by an interrupted write" in "\n".join(result.lines())
    (library / "user.000098.cafebabe.json").write_bytes(b"{}")
    (library / "journal.000097.0badf00d.log").write_bytes(b"")
    Store.open(library).set_state("theme", "gruvbox")  # journaled: nothing swept yet
    Store.open(library).import_paths([write(library.parent / "src", "c.txt", "Third visit", 17)])
    assert not (library / "user.000098.cafebabe.json").exists()
    assert not (library / "journal.000097.0badf00d.log").exists()
    assert Store.open(library).get_state("theme") == "gruvbox", "folded by the commit"


def test_a_symlinked_manifest_stays_a_link_and_a_linked_file_is_never_written_through(
    library: Path, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (library / "manifest.json").rename(elsewhere / "manifest.json")
    (library / "manifest.json").symlink_to(elsewhere / "manifest.json")
    user = family_path(library, "user")
    user.rename(elsewhere / user.name)
    user.symlink_to(elsewhere / user.name)
    kept = (elsewhere / user.name).read_bytes()
    store = Store.open(library)
    assert store.get_state("theme") == "nord", "a linked file reads like any other"
    store.set_state("theme", "gruvbox")
    store.set_state("theme", "dracula")  # the linked user file is now two generations old
    assert (library / "manifest.json").is_symlink()
    assert Store.open(library).get_state("theme") == "dracula"
    assert (elsewhere / user.name).read_bytes() == kept, "the link's target is never changed"
    journal = family_path(library, "journal")
    journal.rename(elsewhere / journal.name)
    journal.symlink_to(elsewhere / journal.name)
    appended = (elsewhere / journal.name).read_bytes()
    before = manifest(library)["generation"]
    Store.open(library).set_state("theme", "nord")  # a linked journal: a commit instead
    assert manifest(library)["generation"] == before + 1
    assert (elsewhere / journal.name).read_bytes() == appended, "never appended through a link"
    assert Store.open(library).get_state("theme") == "nord"


def test_a_reader_keeps_working_after_another_process_commits_twice(library: Path) -> None:
    reader = Store.open(library)
    aid = reader.article_ids()[0]
    writer = Store.open(library)
    [new] = writer.import_paths(
        [write(library.parent / "src", "c.txt", "Third visit", 17)]
    ).imported
    writer.star(writer.quotes(article_id=new)[0].id)  # journaled: no new generation
    writer.import_paths([write(library.parent / "src", "d.txt", "Fourth visit", 18)])
    assert reader.article(aid).quotes, "the reader's own generation still reads"
    assert len(reader.articles()) == 4, "a file gone from under it moves it to the new one"
    assert len(reader.starred()) == 2


def test_the_index_is_tagged_with_its_generation_so_an_old_one_is_refused(library: Path) -> None:
    index_ref = manifest(library)["files"]["search"]
    other = Store.open(library)
    other.import_paths([write(library.parent / "src", "c.txt", "Third visit", 17)])
    stale = library / index_ref[0]
    doc = manifest(library)
    doc["files"]["search"][1:] = index_ref[1:]
    new_name = doc["files"]["search"][0]
    (library / new_name).unlink()
    os.link(stale, library / new_name)  # the previous generation's index under the new name
    (library / "manifest.json").write_bytes(orjson.dumps(doc))
    with pytest.raises(StoreError, match="search index tagged"):
        Store.open(library).search("natural")
    result = repair(library)
    assert any("search index tagged" in d for d in result.damaged)
    assert Store.open(library).search("Third").total == 0
    assert Store.open(library).search("partners").total == 3


def test_two_stores_writing_in_turn_see_each_others_articles_and_quotes(library: Path) -> None:
    a, b = Store.open(library), Store.open(library)
    a.import_paths([write(library.parent / "src", "c.txt", "Third visit", 17, "valued")])
    b.import_paths([write(library.parent / "src", "d.txt", "Fourth visit", 18, "trusted")])
    fresh = Store.open(library)
    assert len(fresh.articles()) == 4
    assert fresh.search("valued").total == 1 and fresh.search("trusted").total == 1


def test_opening_reads_only_the_manifest_the_article_list_and_the_user_data(
    library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from natojp_tui.store import library as files_module

    read: list[str] = []
    real = files_module.read_file
    monkeypatch.setattr(
        files_module, "read_file", lambda folder, ref: read.append(ref.name) or real(folder, ref)
    )
    store = Store.open(library)
    assert len(store.article_columns()["id"]) == 2
    assert sorted(n.split(".")[0] for n in read) == ["articles", "user"]
    del read[:]
    store.article(store.article_ids()[0])
    shard = "shard-" + shard_key(store.article_ids()[0]).split("/")[1]
    assert [n.split(".")[0] for n in read] == [shard], "one shard, not the people family"


def test_search_and_the_command_line_never_read_a_quote_shard(
    library: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    from natojp_tui.cli import main

    def no_shards(*_a, **_k):
        raise AssertionError("a quote shard was read")

    from natojp_tui.export import render_quotes

    whole = Store.open(library)  # the same quotes with their whole articles, from the shards
    quotes = sorted(whole.quotes(), key=lambda q: q.article_id != whole.article_ids()[0])
    annotate = lambda q: whole.annotations(q.id)  # noqa: E731 (each row carries starred, notes, tags)
    expected = orjson.loads(render_quotes(quotes, whole.article, "json", annotate=annotate))
    monkeypatch.setattr(Store, "_shard", no_shards)
    monkeypatch.setattr(Store, "_all_shards", no_shards)
    monkeypatch.setenv("NATOJP_DB", str(library))
    assert main(["quotes", "natural", "--json"]) == 0
    rows = orjson.loads(capsys.readouterr().out)
    assert rows == expected, "role, place and article fields as the whole article gives them"
    assert [r["article"]["title"] for r in rows] == ["Second visit", "First visit"]
    assert main(["quotes", "--speaker", "Rasmusen", "--starred", "--json"]) == 0
    assert len(orjson.loads(capsys.readouterr().out)) == 1
    assert main(["export", "partners", "-o", str(tmp_path / "out.md")]) == 0
    assert "> We are natural partners." in (tmp_path / "out.md").read_text()


def test_a_full_disk_at_any_step_of_repair_changes_nothing_and_says_so(
    library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    work = library.parent
    family_path(library, "people").write_bytes(b"")
    damaged = work / "damaged"
    shutil.copytree(library, damaged, symlinks=True)
    before = files(library)
    steps = steps_of(lambda: repair(library))
    repaired = state(library)
    for k, step in enumerate(steps):
        shutil.rmtree(library)
        shutil.copytree(damaged, library, symlinks=True)
        count = [0]

        def full(_name: str, k: int = k, count: list[int] = count) -> None:
            count[0] += 1
            if count[0] == k + 1:
                raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(storage, "FAULT_HOOK", full)
        try:
            repair(library)
            failed = False
        except StoreError as exc:
            assert "No space left on device" in str(exc) and "nothing was changed" in str(exc)
            failed = True
        monkeypatch.setattr(storage, "FAULT_HOOK", None)
        after = files(library)
        if failed:
            assert {n: after.get(n) for n in before} == before, f"disk full at {step}"
        else:
            assert state(library) == repaired, f"disk full at {step}"


def test_people_timeline_and_visits_answer_from_the_digest_without_a_shard(
    library: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from natojp_tui.cli import main

    monkeypatch.setenv("NATOJP_DB", str(library))
    answers = {}
    for command in (["people", "--json"], ["timeline", "--json"], ["visits", "--json"]):
        assert main(command) == 0
        answers[command[0]] = orjson.loads(capsys.readouterr().out)
    assert answers["people"] and answers["timeline"]
    assert sum(p["quotes"] for p in answers["people"]) >= 2

    def no_shards(*_a, **_k):
        raise AssertionError("a shard was read")

    monkeypatch.setattr(Store, "_shard", no_shards)
    monkeypatch.setattr(Store, "_all_shards", no_shards)
    for command in (["people", "--json"], ["timeline", "--json"], ["visits", "--json"]):
        assert main(command) == 0
        assert orjson.loads(capsys.readouterr().out) == answers[command[0]], command


def test_a_library_without_a_digest_reads_the_shards_and_the_next_import_writes_it(
    library: Path,
) -> None:
    doc = manifest(library)
    (library / doc["files"].pop("digest")[0]).unlink()
    (library / "manifest.json").write_bytes(orjson.dumps(doc))
    old = Store.open(library)
    counts, timeline = old.quote_counts(), old.timeline()
    assert counts and timeline
    old.import_paths([write(library.parent / "src", "c.txt", "Third visit", 17)])
    assert "digest" in manifest(library)["files"]
    fresh = Store.open(library)
    assert sum(fresh.quote_counts().values()) == sum(counts.values()) + 1
    assert len(fresh.timeline()) > len(timeline)
    assert not repair(library).damaged


def test_a_damaged_digest_is_reported_and_rebuilt_by_repair(library: Path) -> None:
    before = Store.open(library)
    counts = before.quote_counts()
    family_path(library, "digest").write_bytes(b'{"format":"natojp-digest/1","articles":{"x":1}}')
    with pytest.raises(StoreError, match="digest"):
        Store.open(library).quote_counts()
    result = repair(library)
    assert any("digest" in d for d in result.damaged)
    assert Store.open(library).quote_counts() == counts
    assert not repair(library).damaged
