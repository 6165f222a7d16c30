"""The benchmark runner: builds a corpus and a store, measures each row of the table.

Each row measures ours beside a comparison run in the same process on the same data
(``json.loads`` of the store files, SQLite FTS5 with the trigram tokenizer, TinyDB's
``Query().search``, an empty Textual app). A row that cannot run (no TUI yet, a store
error) is reported with its reason instead of failing the run.
"""

from __future__ import annotations

import contextlib
import json
import multiprocessing
import os
import platform
import random
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from natojp_tui.bench.corpus import write_corpus
from natojp_tui.core.search import QuoteRecord, SearchIndex, words
from natojp_tui.store.db import IMPORT_BATCH

SPANS_PER_QUERY = 50  # highlight spans computed per query: a tall terminal's worth of rows
NAIVE_QUERIES = 20  # TinyDB scans every quote per query: a few are enough to see the gap
REPEATS = 3  # each query is timed this many times and its best time kept (both engines):
# on a shared machine the scheduler, not the engine, makes the slowest of one run


@dataclass(slots=True)
class Stat:
    """Timings (or one value) summarised; ``unit`` is "ms", "s", "MB", "/s" or ""."""

    p50: float
    p95: float
    n: int
    unit: str

    @classmethod
    def of(cls, values: Sequence[float], unit: str) -> Stat:
        ordered = sorted(values)
        p95 = ordered[min(len(ordered) - 1, max(0, round(0.95 * len(ordered)) - 1))]
        return cls(statistics.median(ordered), p95, len(ordered), unit)

    @classmethod
    def one(cls, value: float, unit: str) -> Stat:
        return cls(value, value, 1, unit)

    def show(self, which: str = "p50") -> str:
        value = self.p50 if which == "p50" else self.p95
        if self.unit == "ms":
            return f"{value:.2f} ms" if value < 10 else f"{value:.0f} ms"
        if self.unit == "s":
            return f"{value:.2f} s"
        if self.unit == "MB":
            return f"{value:.0f} MB"
        if self.unit == "/s":
            return f"{value:.0f}/s"
        return f"{value:g}"


@dataclass(slots=True)
class Row:
    """One line of the table."""

    key: str
    what: str
    target: str
    ours: Stat | None = None
    versus_label: str = ""
    versus: Stat | None = None
    ratio: float | None = None  # ours / versus on the compared figure
    met: bool | None = None  # None when there is no target or the row did not run
    note: str = ""


@dataclass(slots=True)
class Context:
    """What the rows share: folders, the corpus, the store and the records."""

    articles: int
    seed: int
    work: Path
    queries: int = 200
    kills: int = 40
    corpus: Path = field(init=False)
    db: Path = field(init=False)
    files: list[Path] = field(default_factory=list)
    loaded: list[Any] = field(default_factory=list)  # analysed Article objects
    records: list[QuoteRecord] = field(default_factory=list)
    index: SearchIndex | None = None
    index_path: Path = field(init=False)

    def __post_init__(self) -> None:
        self.corpus = self.work / "corpus"
        self.db = self.work / "db"
        self.index_path = self.work / "search-index.bin"


def _ms(seconds: float) -> float:
    return seconds * 1000.0


@contextmanager
def _timer() -> Iterator[list[float]]:
    box: list[float] = []
    start = time.perf_counter()
    try:
        yield box
    finally:
        box.append(time.perf_counter() - start)


# ---------------------------------------------------------------- rows


TRUTH_ABOVE = 10_000  # bigger libraries are built from the corpus truth (no extraction)


def truth_article(generated: Any, folder: Path) -> Any:
    """An analysed article straight from the corpus truth: the same title, date, body and
    quotes (kind, speaker, exact offsets) extraction finds, without the extractors' cost.
    Events are not in it (the truth has no sentence offsets for them)."""
    import hashlib

    from natojp_tui.core.model import Article, Paragraph, Person, Quote
    from natojp_tui.store.records import to_date

    t = generated.truth
    path = str(folder / generated.name)
    aid = hashlib.sha1(path.encode()).hexdigest()[:12]

    def slug(name: str) -> str:
        return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")

    quotes = [
        Quote(
            text=q.text, kind=q.kind, paragraph=q.paragraph, start=q.start, end=q.end,
            speaker=q.speaker or None, speaker_id=slug(q.speaker) if q.speaker else None,
            cue=q.cue, id=f"{aid}:{q.paragraph}:{q.start}", article_id=aid,
        )
        for q in t.quotes
    ]  # fmt: skip
    names = sorted({q.speaker for q in t.quotes if q.speaker})
    return Article(
        id=aid,
        title=t.title,
        paragraphs=[Paragraph(text, "body") for text in t.body],
        published=to_date(t.published),
        source=t.source,
        path=path,
        checksum=hashlib.sha256(generated.content.encode()).hexdigest(),
        quotes=quotes,
        people=[Person(id=slug(n), name=n) for n in names],
    )


TRUTH_WORKERS = 4  # generating 100,000 articles is pure Python: share it out


def _truth_at(index: int, seed: int, folder: Path) -> Any:
    from natojp_tui.bench.corpus import generate_article

    return truth_article(generate_article(index, seed), folder)


def build_from_truth(ctx: Context) -> Row:
    """A library too big to extract on a shared machine in minutes: the corpus truth,
    committed in batches like an import (one write per shard per batch)."""
    from concurrent.futures import ProcessPoolExecutor
    from functools import partial

    from natojp_tui.store import Store

    store = Store.open(ctx.db)
    with _timer() as total:
        make = partial(_truth_at, seed=ctx.seed, folder=ctx.corpus)
        with ProcessPoolExecutor(max_workers=TRUTH_WORKERS) as pool:
            batch = list(pool.map(make, range(ctx.articles), chunksize=250))
        ctx.loaded = batch[:200]
        store.add_articles(batch)  # one commit: the index is built once
    del batch
    quotes = Store.open(ctx.db).search("", limit=0).total
    return Row(
        "import",
        f"build {ctx.articles} articles from the corpus truth (no extraction)",
        "import is measured at 10,000",
        ours=Stat.one(total[0], "s"),
        note=f"{quotes} quotes in one commit",
    )


SPLIT_SAMPLE = 300  # files timed stage by stage beside the import row


def row_import(ctx: Context) -> Row:
    """The real import path: ``Store.import_paths`` (extraction in a pool sized to the
    machine, then one commit per batch with one write per shard)."""
    from natojp_tui.bench.extract_speed import FILE_STAGES, time_files
    from natojp_tui.store import Store
    from natojp_tui.store.db import pool_size

    row = Row(
        "import",
        f"import {ctx.articles} article files, extraction included",
        "≥ 500 articles/s at 10,000",
        versus_label="store share",
    )
    ctx.files = sorted(p for p in ctx.corpus.iterdir() if p.suffix in {".txt", ".md", ".html"})
    if ctx.articles > TRUTH_ABOVE:
        return build_from_truth(ctx)
    store = Store.open(ctx.db)
    add_articles = store.add_articles
    store_cpu = [0.0]

    def keep_some(articles: Sequence[Any]) -> Any:
        if not ctx.loaded:  # the SIGKILL row rewrites a few of them
            ctx.loaded = list(articles[:200])
        t = time.process_time()
        try:
            return add_articles(articles)
        finally:
            store_cpu[0] += time.process_time() - t

    store.add_articles = keep_some  # type: ignore[method-assign]
    with _timer() as total_t:
        report = store.import_paths([ctx.corpus])
    total, write = total_t[0], report.store_seconds
    rate = len(ctx.files) / total if total else 0.0
    row.ours = Stat.one(total, "s")
    row.versus = Stat.one(write, "s")
    row.ratio = write / total if total else None
    row.met = rate >= 500
    quotes = Store.open(ctx.db).search("", limit=0).total
    split = time_files(ctx.files[:SPLIT_SAMPLE])
    per_stage = ", ".join(f"{k} {split[k]:.2f}" for k in FILE_STAGES)
    n = len(ctx.files)
    row.note = (
        f"{rate:.0f} articles/s; extraction in {pool_size()} processes {report.extract_seconds:.2f} s, "
        f"store writes (shards, list, index, rows; {-(-n // IMPORT_BATCH)} commits) "
        f"{write:.2f} s; {report.summary()}; {quotes} quotes. CPU ms/article: reading and "
        f"extraction {split['total']:.2f} ({per_stage}; one process, first "
        f"{min(n, SPLIT_SAMPLE)} files), store {store_cpu[0] * 1000 / max(1, n):.2f} "
        f"(the importing process)"
    )
    return row


def row_index_build(ctx: Context) -> Row:
    """Tokenising every quote: done once per import, then saved with to_bytes."""
    from natojp_tui.store import Store

    store = Store.open(ctx.db)
    ctx.records = _records(store)
    if ctx.articles > TRUTH_ABOVE:  # built once already by the store's commit: reuse it
        ctx.index = store.search_index()
        data = ctx.index.to_bytes()
        ctx.index_path.write_bytes(data)
        return Row(
            "index-build",
            f"search index of {len(ctx.records)} quotes (built in the store's commit)",
            "—",
            note=f"saved index {len(data) / 1e6:.1f} MB; its build is inside the build row",
        )
    with _timer() as build:
        ctx.index = SearchIndex.build(ctx.records)
    data = ctx.index.to_bytes()
    ctx.index_path.write_bytes(data)
    return Row(
        "index-build",
        f"build the search index from {len(ctx.records)} quotes (import time)",
        "—",
        ours=Stat.one(_ms(build[0]), "ms"),
        note=f"saved index {len(data) / 1e6:.1f} MB",
    )


def row_open(ctx: Context) -> Row:
    """Open the store and have the search index answering, vs json.loads of its JSON files."""
    from natojp_tui.store import Store

    files = sorted(ctx.db.glob("*.json"))
    row = Row(
        "open",
        "open the store and map the search index",
        "≤ 150 ms",
        versus_label="json.loads of every JSON file",
    )
    floor = []
    for _ in range(3):
        with _timer() as t:
            for f in files:
                json.loads(f.read_bytes())
        floor.append(_ms(t[0]))
    ours, opened = [], []
    for _ in range(3):
        start = time.perf_counter()
        store = Store.open(ctx.db)
        opened.append(_ms(time.perf_counter() - start))
        store.search_index().search("", limit=0)  # index ready and answering (no records fetched)
        ours.append(_ms(time.perf_counter() - start))
    row.ours, row.versus = Stat.of(ours, "ms"), Stat.of(floor, "ms")
    row.ratio = row.ours.p50 / row.versus.p50
    row.met = row.ours.p50 <= 150
    size = sum(f.stat().st_size for f in files) / 1e6
    listed = next(ctx.db.glob("articles.*.json")).stat().st_size / 1e6
    row.note = (
        f"{size:.0f} MB of JSON in {len(files)} files; Store.open alone "
        f"{statistics.median(opened):.0f} ms (manifest, the {listed:.1f} MB article list and the "
        f"user file); the rest maps the saved search index"
    )
    return row


def row_open_article(ctx: Context) -> Row:
    """Opening an article: its shard read and parsed, the Article built (a cold shard each time)."""
    from natojp_tui.store import Store

    rnd = random.Random(f"open:{ctx.seed}")
    ids = Store.open(ctx.db).article_ids()
    times = []
    for aid in rnd.sample(ids, min(20, len(ids))):
        store = Store.open(ctx.db)
        with _timer() as t:
            store.article(aid)
        times.append(_ms(t[0]))
    row = Row("open-article", "open an article (its shard read cold)", "≤ 30 ms")
    row.ours = Stat.of(times, "ms")
    row.met = row.ours.p95 <= 30
    shards = sorted(ctx.db.glob("shard-*.json"), key=lambda p: p.stat().st_size)
    if shards:
        row.note = (
            f"{len(shards)} shards, median {shards[len(shards) // 2].stat().st_size / 1e3:.0f} kB"
        )
    return row


def row_index_load(ctx: Context) -> Row:
    """Our share of the open row when the saved index is reused (from_bytes)."""
    assert ctx.index is not None
    by_id = {r.id: r for r in ctx.records}
    times = []
    for _ in range(5):
        with _timer() as t:
            SearchIndex.from_bytes(ctx.index_path.read_bytes(), by_id.__getitem__).search("")
        times.append(_ms(t[0]))
    return Row(
        "index-load",
        "load the saved search index (read file + from_bytes)",
        "well under 100 ms",
        ours=Stat.of(times, "ms"),
        met=statistics.median(times) < 100,
    )


def bench_queries(records: Sequence[QuoteRecord], count: int, seed: int) -> list[str]:
    """Keystroke-like queries: 1–4 words of a real quote, the last often cut short
    (3+ letters, so FTS5 trigram can answer too), and one in five a quoted phrase."""
    rnd = random.Random(f"queries:{seed}")
    texts = [ws for r in records if len(ws := [w for w in words(r.text) if len(w) >= 3]) >= 2]
    queries: list[str] = []
    while texts and len(queries) < count:
        ws = rnd.choice(texts)
        if rnd.random() < 0.2:
            all_words = words(rnd.choice(records).text)
            if len(all_words) < 3:
                continue
            i = rnd.randrange(len(all_words) - 1)
            phrase = all_words[i : i + rnd.randint(2, 3)]
            if min(map(len, phrase)) < 3:
                continue
            queries.append('"' + " ".join(phrase) + '"')
            continue
        picked = rnd.sample(ws, min(rnd.randint(1, 4), len(ws)))
        if rnd.random() < 0.6 and len(picked[-1]) > 3:
            picked[-1] = picked[-1][: rnd.randint(3, len(picked[-1]) - 1)]
        queries.append(" ".join(picked))
    return queries


def row_search(ctx: Context) -> Row:
    """Per-keystroke search vs SQLite FTS5 trigram and TinyDB's naive scan."""
    from natojp_tui.store import Store

    assert ctx.index is not None
    store = Store.open(ctx.db)  # the real path: saved index, rows fetched by id from the rows file
    index = store.search_index()
    queries = bench_queries(ctx.records, ctx.queries, ctx.seed)
    ours, cpu, totals, first_runs = [], [], [], []
    for q in queries:
        walls, cpus = [], []
        for _ in range(REPEATS):
            cpu_start = time.thread_time()
            with _timer() as t:
                result = store.search(q, limit=200)
                for hit in result.hits[:SPANS_PER_QUERY]:
                    hit.spans  # noqa: B018 - computing the highlight is part of the work
            cpus.append(_ms(time.thread_time() - cpu_start))
            walls.append(_ms(t[0]))
        ours.append(min(walls))
        first_runs.append(walls[0])
        cpu.append(min(cpus))
        totals.append(result.total)
    fts, fts_build = _fts5_times(ctx.records, index, queries)
    naive = _tinydb_times(
        ctx.records, queries[:NAIVE_QUERIES] if ctx.articles <= TRUTH_ABOVE else []
    )
    ours_stat, fts_stat = Stat.of(ours, "ms"), Stat.of(fts, "ms")
    row = Row(
        "search",
        "quote search: first 200 hits + total, per keystroke",
        "p95 ≤ 5 ms; ours/FTS5 ≤ 1.0",
        ours=ours_stat,
        versus_label="SQLite FTS5 trigram",
        versus=fts_stat,
    )
    row.ratio = ours_stat.p95 / fts_stat.p95
    row.met = ours_stat.p95 <= 5 and row.ratio <= 1.0
    naive_stat = Stat.of(naive or [float("nan")], "ms")
    cpu_stat = Stat.of(cpu, "ms")
    first_stat = Stat.of(first_runs, "ms")
    row.note = (
        f"{len(queries)} queries (best of {REPEATS} each) over {len(ctx.records)} quotes, "
        f"through Store.search (records fetched by id from the rows file; the first of the "
        f"{REPEATS} runs, with fewer records cached, p50 {first_stat.show()} / p95 "
        f"{first_stat.show('p95')}), "
        f"median {statistics.median(totals):.0f} matches; "
        f"ours in CPU time p50 {cpu_stat.show()} / p95 {cpu_stat.show('p95')}; "
        f"ours/FTS5 p50 {ours_stat.p50 / fts_stat.p50:.2f}; FTS5 table built in {fts_build:.1f} s; "
        f"TinyDB Query().search p50 {naive_stat.show()} / p95 {naive_stat.show('p95')} "
        f"({len(naive)} queries)"
    )
    return row


def _fts5_times(
    records: Sequence[QuoteRecord], index: SearchIndex, queries: Sequence[str]
) -> tuple[list[float], float]:
    """The same queries on an FTS5 trigram table whose rowids follow our result order."""
    order = index.ids("")
    by_id = {r.id: r for r in records}
    db = sqlite3.connect(":memory:")
    start = time.perf_counter()
    db.execute("CREATE VIRTUAL TABLE q USING fts5(text, tokenize='trigram')")
    db.executemany(
        "INSERT INTO q(rowid, text) VALUES (?, ?)",
        ((i, by_id[qid].text) for i, qid in enumerate(order)),
    )
    db.commit()
    built = time.perf_counter() - start
    times = []
    for q in queries:
        match = _fts5_query(q)
        walls = []
        for _ in range(REPEATS):
            with _timer() as t:
                rows = db.execute(
                    "SELECT rowid, text FROM q WHERE q MATCH ? ORDER BY rowid LIMIT 200", (match,)
                ).fetchall()
                db.execute("SELECT count(*) FROM q WHERE q MATCH ?", (match,)).fetchone()
            del rows
            walls.append(_ms(t[0]))
        times.append(min(walls))
    db.close()
    return times, built


def _fts5_query(q: str) -> str:
    """Our query as FTS5 strings (trigram: each string matches as a substring)."""
    parts = re.findall(r'"([^"]*)"?|(\S+)', q)
    strings = [phrase or word for phrase, word in parts]
    return " AND ".join('"' + s.replace('"', '""') + '"' for s in strings if s)


def _tinydb_times(records: Sequence[QuoteRecord], queries: Sequence[str]) -> list[float]:
    """TinyDB's Query().text.search over every quote, in memory (the naive path)."""
    from tinydb import Query, TinyDB
    from tinydb.storages import MemoryStorage

    db = TinyDB(storage=MemoryStorage)
    db.insert_multiple({"id": r.id, "text": r.text} for r in records)
    quote = Query()
    times = []
    for q in queries:
        condition = None
        for phrase, word in re.findall(r'"([^"]*)"?|(\S+)', q):
            pattern = r"\b" + r"\W+".join(map(re.escape, (phrase or word).split()))
            test = quote.text.search(pattern, flags=re.IGNORECASE)
            condition = test if condition is None else condition & test
        if condition is None:
            continue
        db.clear_cache()
        with _timer() as t:
            hits = db.search(condition)
        del hits
        times.append(_ms(t[0]))
    return times


def row_star(ctx: Context) -> Row:
    """One user-state write: star, then unstar, a quote."""
    from natojp_tui.store import Store

    store = Store.open(ctx.db)
    quote_ids = [r.id for r in ctx.records[:10]]
    times = []
    for i in range(20):
        with _timer() as t:
            store.star(quote_ids[i % len(quote_ids)], on=i % 2 == 0)
        times.append(_ms(t[0]))
    stat = Stat.of(times, "ms")
    row = Row("star", "star a quote (one user-state write)", "≤ 10 ms", ours=stat)
    row.met = stat.p95 <= 10
    return row


_PEAK = """
import resource

def _peak_kb():
    # VmHWM is this process's own peak; ru_maxrss also counts the parent's peak before exec
    try:
        for line in open("/proc/self/status"):
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

"""
_READER_DRIVER = (
    _PEAK
    + """
import inspect, pathlib, resource, sys, time
from natojp_tui.store import Store
from natojp_tui.tui.app import NatoJpApp

_css = NatoJpApp.CSS_PATH if isinstance(NatoJpApp.CSS_PATH, list) else [NatoJpApp.CSS_PATH]
_home = pathlib.Path(inspect.getfile(NatoJpApp)).parent

class FirstScreen(NatoJpApp):
    CSS_PATH = [_home / p for p in _css if p]  # Textual reads CSS_PATH beside the subclass

    def on_ready(self):
        super().on_ready()
        print("READY", time.time(), flush=True)  # the article list is drawn
        self.set_timer(3.0, self.exit)  # stay open while the reader reads the first article and warms up

FirstScreen(Store.open(sys.argv[1])).run(headless=True)
print("RSS", _peak_kb())
"""
)

_EMPTY_DRIVER = (
    _PEAK
    + """
import resource, time
from textual.app import App

class Empty(App):
    def on_ready(self):
        print("READY", time.time(), flush=True)
        self.exit()

Empty().run(headless=True)
print("RSS", _peak_kb())
"""
)


def _child(work: Path, code: str, *args: str) -> tuple[float, float]:
    """Run a driver script in a fresh interpreter: (seconds from process start to the app's
    Ready event, i.e. the first screen drawn; peak RSS in MB over the whole run)."""
    script = work / f"driver-{abs(hash(code))}.py"  # a file: Textual inspects the app's source
    script.write_text(code, encoding="utf-8")
    start = time.time()
    done = subprocess.run(
        [sys.executable, str(script), *args],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "TEXTUAL_ANIMATIONS": "none"},
    )
    if done.returncode != 0 or "RSS" not in done.stdout or "READY" not in done.stdout:
        raise RuntimeError((done.stderr.strip().splitlines() or ["no output"])[-1])
    ready = float(done.stdout.split("READY", 1)[1].split()[0]) - start
    rss_kb = int(done.stdout.split("RSS", 1)[1].split()[0])
    return ready, rss_kb / 1024


_EMPTY_APP = """
from textual.app import App
from textual.widgets import Static


class Empty(App):
    def compose(self):
        yield Static("natojp-empty-app-ready")


Empty().run()
"""
TMUX_SIZE = ("120", "40")
WARM_SECONDS = 3.0  # the reader keeps running this long after its first article shows


def _vm_hwm_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def _tmux_until(
    socket: str, command: Sequence[str], needle: str, min_column: int
) -> tuple[float, float]:
    """Start ``command`` in a new 120x40 tmux window; seconds until ``needle`` is on screen
    at or after ``min_column``, and the process's peak memory (MB) after ``WARM_SECONDS``."""
    import shlex

    name = f"bench{os.getpid()}{time.monotonic_ns() % 10**9}"
    tmux = ["tmux", "-L", socket]
    start = time.perf_counter()
    subprocess.run(
        [*tmux, "new-session", "-d", "-s", name, "-x", TMUX_SIZE[0], "-y", TMUX_SIZE[1],
         "exec " + shlex.join(command)],
        check=True,
    )  # fmt: skip
    try:
        seen = None
        while seen is None and time.perf_counter() - start < 120:
            screen = subprocess.run(
                [*tmux, "capture-pane", "-p", "-t", name], capture_output=True, text=True
            ).stdout
            for line in screen.splitlines():
                at = line.find(needle)
                if at >= min_column:
                    seen = time.perf_counter() - start
                    break
            else:
                time.sleep(0.01)
        if seen is None:
            raise RuntimeError(f"{needle!r} never appeared; last screen: {screen[-300:]!r}")
        pid = int(
            subprocess.run(
                [*tmux, "display", "-p", "-t", name, "#{pane_pid}"], capture_output=True, text=True
            ).stdout.strip()
        )
        time.sleep(WARM_SECONDS)
        return seen, _vm_hwm_mb(pid)
    finally:
        subprocess.run([*tmux, "kill-session", "-t", name], capture_output=True)


def rows_reader(ctx: Context) -> list[Row]:
    """The reader as a user meets it in tmux (first article's title in the text pane) vs an
    empty Textual app started the same way; the headless first screen; peak memory."""
    from natojp_tui.store import Store

    big = ctx.articles > 10_000
    tmux_row = Row(
        "first-article",
        "first article readable in tmux 120x40 (process start to its title in the text pane)",
        f"≤ {2.0 if big else 1.5:g} × empty Textual app",
        versus_label="empty Textual app in tmux",
    )
    first = Row(
        "first-screen",
        "headless first screen (process start to Ready, article list drawn)",
        "— (kept beside the tmux row)",
        versus_label="empty Textual app, headless",
    )
    memory = Row(
        "memory",
        "peak memory, reader open in tmux with one article shown and search warmed",
        f"≤ {300 if big else 150} MB",
    )
    rows = [tmux_row, first, memory]
    try:
        import natojp_tui.tui.app  # noqa: F401
    except Exception as exc:
        for r in rows:
            r.note = f"pending: the reader does not import yet ({exc})"
        return rows
    try:
        empty = [_child(ctx.work, _EMPTY_DRIVER) for _ in range(REPEATS)]
        reader = [_child(ctx.work, _READER_DRIVER, str(ctx.db)) for _ in range(REPEATS)]
        first.ours = Stat.of([_ms(w) for w, _ in reader], "ms")
        first.versus = Stat.of([_ms(w) for w, _ in empty], "ms")
        first.ratio = first.ours.p50 / first.versus.p50
        first.note = "headless, stops at the Ready event (before any article text is drawn)"
    except Exception as exc:
        first.note = f"could not run: {exc}"
    if shutil.which("tmux") is None:
        tmux_row.note = memory.note = "tmux is not installed"
        return rows
    store = Store.open(ctx.db)
    shown = store.get_state("last_article") or store.article_ids()[0]
    title = (store.article_meta(shown) or {}).get("title") or ""
    needle = title[:24]
    script = ctx.work / "empty_app.py"
    script.write_text(_EMPTY_APP, encoding="utf-8")
    socket = f"natojp-bench-{os.getpid()}"
    subprocess.run(["tmux", "-L", socket, "new-session", "-d", "-s", "keep"], check=False)
    try:
        empty_runs = [
            _tmux_until(socket, [sys.executable, str(script)], "natojp-empty-app-ready", 0)
            for _ in range(REPEATS)
        ]
        reader_runs = [
            _tmux_until(
                socket,
                [sys.executable, "-m", "natojp_tui", "--db", str(ctx.db)],
                needle,
                int(TMUX_SIZE[0]) // 5,
            )
            for _ in range(REPEATS)
        ]
    except Exception as exc:
        tmux_row.note = memory.note = f"could not run: {exc}"
        return rows
    finally:
        subprocess.run(["tmux", "-L", socket, "kill-server"], capture_output=True)
    tmux_row.ours = Stat.of([_ms(t) for t, _ in reader_runs], "ms")
    tmux_row.versus = Stat.of([_ms(t) for t, _ in empty_runs], "ms")
    tmux_row.ratio = tmux_row.ours.p50 / tmux_row.versus.p50
    tmux_row.met = tmux_row.ratio <= (2.0 if big else 1.5)
    tmux_row.note = (
        f"medians of {REPEATS}; polled with tmux capture-pane every 10 ms for {needle!r} "
        f"right of the article list"
    )
    memory.ours = Stat.one(max(m for _, m in reader_runs), "MB")
    memory.met = memory.ours.p50 <= (300 if big else 150)
    memory.note = (
        f"VmHWM of the reader process {WARM_SECONDS:.0f} s after its first article showed "
        f"(the search index is mapped in a worker by then); empty Textual app "
        f"{max(m for _, m in empty_runs):.0f} MB"
    )
    return rows


def _cli_seconds(db: Path, query: str) -> float:
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "natojp_tui", "--db", str(db), "quotes", query, "--json"],
        capture_output=True,
        timeout=600,
    )
    took = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(done.stderr.decode(errors="replace").strip()[-200:])
    return took


def row_cli_quotes(ctx: Context) -> Row:
    """``natojp quotes QUERY --json`` (first 200 hits) here vs on a 100-article library."""
    from natojp_tui.store import Store

    row = Row(
        "cli-quotes",
        f"natojp quotes QUERY --json (first 200 hits), {ctx.articles} articles",
        "≤ 1.5 × the same at 100 articles",
        versus_label="100 articles",
    )
    small = ctx.work / "db-100"
    if not small.exists():
        Store.open(small).import_paths(ctx.files[:100])
    queries = ["partners", '"security environment"', "cooperation"]
    ours = [min(_cli_seconds(ctx.db, q) for _ in range(REPEATS)) for q in queries]
    theirs = [min(_cli_seconds(small, q) for _ in range(REPEATS)) for q in queries]
    row.ours, row.versus = (
        Stat.of([_ms(t) for t in ours], "ms"),
        Stat.of([_ms(t) for t in theirs], "ms"),
    )
    row.ratio = row.ours.p50 / row.versus.p50
    row.met = row.ratio <= 1.5
    totals = [Store.open(ctx.db).search(q, limit=0).total for q in queries]
    row.note = (
        f"queries {', '.join(queries)} ({', '.join(map(str, totals))} matches here); best of "
        f"{REPEATS} each, process start to exit; answered from the index and the rows file"
    )
    return row


def _write_forever(db: str, articles: list[Any]) -> None:
    """Child of the SIGKILL row: re-import the same articles (new checksums) non-stop."""
    from natojp_tui.store import Store

    store = Store.open(db)
    n = 0
    while True:
        n += 1
        store.add_articles([replace(a, checksum=f"{a.checksum}-{n}") for a in articles])


def row_sigkill(ctx: Context) -> Row:
    """Kill a writing process mid-write, again and again; the database must open whole,
    and a re-run of the write must leave nothing lost."""
    from natojp_tui.store import Store, StoreError
    from natojp_tui.store.library import NAME, read_manifest
    from natojp_tui.store.repair import repair

    row = Row(
        "sigkill",
        f"SIGKILL during writes, {ctx.kills} times",
        "0 unreadable databases, nothing lost after a re-run",
    )
    if not ctx.kills:
        row.note = "skipped (--kills 0)"
        return row
    db = ctx.work / "kill-db"
    subset = ctx.loaded[: min(len(ctx.loaded), 200)]
    Store.open(db).add_articles(subset)
    quotes = Store.open(db).search("", limit=0).total
    fork = multiprocessing.get_context("fork")
    rnd = random.Random(f"kills:{ctx.seed}")
    unreadable, problems, mid_write = 0, [], 0
    for _ in range(ctx.kills):
        child = fork.Process(target=_write_forever, args=(str(db), subset[:40]), daemon=True)
        child.start()
        time.sleep(rnd.uniform(0.05, 0.6))
        child.kill()
        child.join()
        manifest = read_manifest(db)
        named = {f.name for f in manifest.files.values()} if manifest else set()
        mid_write += any(NAME.match(n) and n not in named for n in os.listdir(db))
        try:
            store = Store.open(db)
            if len(store.article_ids()) != len(subset):
                raise StoreError(f"{len(store.article_ids())} articles, expected {len(subset)}")
            if store.search("", limit=0).total != quotes:
                raise StoreError("the search index lost quotes")
            store.article(store.article_ids()[rnd.randrange(len(subset))])
        except Exception as exc:
            unreadable += 1
            problems.append(str(exc))
    rerun = Store.open(db).add_articles(
        [replace(a, checksum=f"{a.checksum}-rerun") for a in subset[:40]]
    )
    final = Store.open(db)
    lost = len(subset) - len(final.article_ids()) + (quotes - final.search("", limit=0).total)
    damage = repair(db).damaged
    row.ours = Stat.one(unreadable + lost + len(damage), "")
    row.met = unreadable == 0 and lost == 0 and not damage
    row.note = (
        f"{len(subset)}-article database, killed 50–600 ms into a loop of 40-article rewrites; "
        f"{mid_write} kills left files of an uncommitted generation (swept by the next write); "
        f"re-run: {rerun.summary()}, {lost} lost, repair found {len(damage)} problems"
    ) + (f"; first problem: {problems[0]}" if problems else "")
    return row


def _records(store: Any) -> list[QuoteRecord]:
    """Search records with the reading-order fields the index sorts by."""
    records = []
    for r in store.quote_records():
        *_, paragraph, start = r.id.rsplit(":", 2)
        if paragraph.isdigit() and start.isdigit() and (r.paragraph, r.start) == (0, 0):
            r = replace(r, paragraph=int(paragraph), start=int(start))
        records.append(r)
    return records


# ---------------------------------------------------------------- running

ROWS: tuple[Callable[[Context], Row | list[Row]], ...] = (
    row_import,
    row_index_build,
    row_open,
    row_index_load,
    row_search,
    row_star,
    row_open_article,
    row_cli_quotes,
    rows_reader,
    row_sigkill,
)
ROW_KEYS = (
    "import",
    "index-build",
    "open",
    "index-load",
    "search",
    "star",
    "open-article",
    "cli-quotes",
    "first-article",
    "first-screen",
    "memory",
    "sigkill",
)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        pages = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
        mem = f", {pages / 2**30:.0f} GiB RAM"
    except (ValueError, OSError, AttributeError):
        pass
    load = ""
    with contextlib.suppress(OSError, AttributeError):
        load = f"; load average {os.getloadavg()[0]:.1f} at start"
    return (
        f"{cpu}, {os.cpu_count()} CPUs{mem}; {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}; SQLite {sqlite3.sqlite_version}{load}"
    )


def run(
    articles: int = 10_000,
    seed: int = 0,
    queries: int = 200,
    kills: int = 40,
    work: Path | None = None,
    progress: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    """Build the corpus and store in a temporary folder and measure every row."""
    say = progress or (lambda _msg: None)
    folder = Path(tempfile.mkdtemp(prefix="natojp-bench-")) if work is None else work
    ctx = Context(articles, seed, folder, queries=queries, kills=kills)
    rows: list[Row] = []
    started = time.perf_counter()
    try:
        say(f"writing {articles} articles to {ctx.corpus}")
        with _timer() as gen:
            write_corpus(ctx.corpus, articles if articles <= TRUTH_ABOVE else 100, seed)
        for measure in ROWS:
            say(f"measuring {measure.__name__.removeprefix('row_').removeprefix('rows_')}")
            try:
                out = measure(ctx)
                rows.extend(out if isinstance(out, list) else [out])
            except Exception as exc:
                key = measure.__name__.removeprefix("row_").replace("_", "-")
                rows.append(Row(key, key, "—", note=f"error: {exc.__class__.__name__}: {exc}"))
                if os.environ.get("NATOJP_BENCH_DEBUG"):
                    traceback.print_exc()
    finally:
        if work is None:
            shutil.rmtree(folder, ignore_errors=True)
    return {
        "articles": articles,
        "seed": seed,
        "machine": machine(),
        "corpus_seconds": round(gen[0], 2),
        "total_seconds": round(time.perf_counter() - started, 1),
        "rows": [asdict(r) for r in rows],
    }


def render(report: dict[str, Any]) -> Any:
    """The report as a Rich table."""
    from rich.table import Table

    table = Table(
        title=f"natojp-tui benchmark: {report['articles']} articles "
        f"(seed {report['seed']}, {report['total_seconds']} s)",
        caption=report["machine"],
        show_lines=False,
    )
    for name, justify in (
        ("what", "left"),
        ("target", "left"),
        ("ours p50", "right"),
        ("ours p95", "right"),
        ("comparison", "left"),
        ("theirs p50", "right"),
        ("theirs p95", "right"),
        ("ratio", "right"),
        ("verdict", "left"),
        ("notes", "left"),
    ):
        table.add_column(name, justify=justify, overflow="fold")  # type: ignore[arg-type]
    for r in report["rows"]:
        ours = Stat(**r["ours"]) if r["ours"] else None
        versus = Stat(**r["versus"]) if r["versus"] else None
        verdict = {True: "[green]met[/]", False: "[red]missed[/]", None: "—"}[r["met"]]
        if not ours and r["met"] is None:
            verdict = "[yellow]pending[/]" if r["note"].startswith("pending") else "[yellow]n/a[/]"
        table.add_row(
            r["what"], r["target"],
            ours.show() if ours else "—", ours.show("p95") if ours and ours.n > 1 else "",
            r["versus_label"], versus.show() if versus else "",
            versus.show("p95") if versus and versus.n > 1 else "",
            f"{r['ratio']:.2f}" if r["ratio"] is not None else "", verdict, r["note"],
        )  # fmt: skip
    return table


def markdown(report: dict[str, Any]) -> str:
    """The report as a Markdown table (for the README)."""
    lines = [
        f"{report['articles']} articles, seed {report['seed']}; {report['machine']}",
        "",
        "| what | target | ours p50 | ours p95 | comparison | theirs p50 | theirs p95 | ratio | verdict |",
        "| --- | --- | ---: | ---: | --- | ---: | ---: | ---: | --- |",
    ]
    for r in report["rows"]:
        ours = Stat(**r["ours"]) if r["ours"] else None
        versus = Stat(**r["versus"]) if r["versus"] else None
        verdict = {True: "met", False: "missed", None: "—"}[r["met"]]
        lines.append(
            " | ".join(
                [
                    f"| {r['what']}",
                    r["target"],
                    ours.show() if ours else "—",
                    ours.show("p95") if ours and ours.n > 1 else "",
                    r["versus_label"],
                    versus.show() if versus else "",
                    versus.show("p95") if versus and versus.n > 1 else "",
                    f"{r['ratio']:.2f}" if r["ratio"] is not None else "",
                    verdict,
                ]
            )
            + " |"
        )
    return "\n".join(lines)


def growth_markdown(reports: Sequence[dict[str, Any]]) -> str:
    """Each row's p50 (and p95 where there are several samples) at each library size."""
    reports = sorted(reports, key=lambda r: r["articles"])
    sizes = [f"{r['articles']:,}" for r in reports]
    lines = [
        "| what | " + " | ".join(f"{s} articles" for s in sizes) + " | target |",
        "| --- | " + " | ".join("---:" for _ in sizes) + " | --- |",
    ]
    keys = list(dict.fromkeys(row["key"] for r in reports for row in r["rows"]))
    for key in keys:
        cells, what, target = [], key, ""
        for r in reports:
            row = next((x for x in r["rows"] if x["key"] == key), None)
            if row is None or not row["ours"]:
                cells.append("—")
                continue
            what, target = row["what"].split(",")[0], row["target"]
            ours = Stat(**row["ours"])
            cell = ours.show() + (f" / {ours.show('p95')}" if ours.n > 1 else "")
            if row["ratio"] is not None:
                cell += f" ({row['ratio']:.2f}×)"
            cell += {True: " ✓", False: " ✗", None: ""}[row["met"]]
            cells.append(cell)
        lines.append(f"| {what} | " + " | ".join(cells) + f" | {target} |")
    return "\n".join(lines)
