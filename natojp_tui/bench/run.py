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


def row_import(ctx: Context) -> Row:
    """The real import path: ``Store.import_paths`` (extraction in a process pool, one batched write)."""
    from natojp_tui.store import Store

    row = Row(
        "import",
        f"import {ctx.articles} article files, extraction included",
        "≥ 500 articles/s (10,000 in ≤ 20 s)",
        versus_label="store share",
    )
    ctx.files = sorted(p for p in ctx.corpus.iterdir() if p.suffix in {".txt", ".md", ".html"})
    store = Store.open(ctx.db)
    writes: list[float] = []
    add_articles = store.add_articles

    def timed_add(articles: Sequence[Any]) -> Any:
        ctx.loaded = list(articles)
        start = time.perf_counter()
        try:
            return add_articles(articles)
        finally:
            writes.append(time.perf_counter() - start)

    store.add_articles = timed_add  # type: ignore[method-assign]
    with _timer() as total_t:
        report = store.import_paths([ctx.corpus])
    total, write = total_t[0], sum(writes)
    rate = len(ctx.files) / total if total else 0.0
    row.ours = Stat.one(total, "s")
    row.versus = Stat.one(write, "s")
    row.ratio = write / total if total else None
    row.met = rate >= 500
    row.note = (
        f"{rate:.0f} articles/s on {os.cpu_count()} cores; extraction {total - write:.2f} s, "
        f"store write (with search index) {write:.2f} s; {report.summary()}; "
        f"{sum(len(a.quotes) for a in ctx.loaded)} quotes"
    )
    return row


def row_index_build(ctx: Context) -> Row:
    """Tokenising every quote: done once per import, then saved with to_bytes."""
    from natojp_tui.store import Store

    store = Store.open(ctx.db)
    ctx.records = _records(store)
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
    """Open the store and have a search index ready, vs json.loads of the same files."""
    from natojp_tui.store import Store

    files = sorted(ctx.db.glob("*.json"))
    row = Row(
        "open",
        "open the store and build the search index",
        "≤ 150 ms",
        versus_label="json.loads of the store files",
    )
    floor = []
    for _ in range(5):
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
    row.note = (
        f"{size:.0f} MB of JSON in {len(files)} files; Store.open alone "
        f"{statistics.median(opened):.0f} ms (reads articles.json and user.json; quotes and "
        f"texts are read on first use), the rest loads the saved search index"
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
    assert ctx.index is not None
    by_id = {r.id: r for r in ctx.records}
    index = SearchIndex.from_bytes(ctx.index_path.read_bytes(), by_id.__getitem__)
    queries = bench_queries(ctx.records, ctx.queries, ctx.seed)
    ours, cpu, totals = [], [], []
    for q in queries:
        walls, cpus = [], []
        for _ in range(REPEATS):
            cpu_start = time.thread_time()
            with _timer() as t:
                result = index.search(q, limit=200)
                for hit in result.hits[:SPANS_PER_QUERY]:
                    hit.spans  # noqa: B018 - computing the highlight is part of the work
            cpus.append(_ms(time.thread_time() - cpu_start))
            walls.append(_ms(t[0]))
        ours.append(min(walls))
        cpu.append(min(cpus))
        totals.append(result.total)
    fts, fts_build = _fts5_times(ctx.records, index, queries)
    naive = _tinydb_times(ctx.records, queries[:NAIVE_QUERIES])
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
    naive_stat = Stat.of(naive, "ms")
    cpu_stat = Stat.of(cpu, "ms")
    row.note = (
        f"{len(queries)} queries (best of {REPEATS} each) over {len(ctx.records)} quotes, "
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


def rows_reader(ctx: Context) -> list[Row]:
    """First screen of the reader vs an empty Textual app, and the reader's peak memory."""
    first = Row(
        "first-screen",
        "first screen of the reader (process start to ready)",
        "≤ 2 × empty Textual app",
        versus_label="empty Textual app",
    )
    memory = Row("memory", "peak memory with the reader open", "≤ 300 MB")
    try:
        import natojp_tui.tui.app  # noqa: F401
    except Exception as exc:
        first.note = memory.note = f"pending: the reader does not import yet ({exc})"
        return [first, memory]
    try:
        empty = [_child(ctx.work, _EMPTY_DRIVER) for _ in range(3)]
        reader = [_child(ctx.work, _READER_DRIVER, str(ctx.db)) for _ in range(3)]
    except Exception as exc:
        first.note = memory.note = f"could not run: {exc}"
        return [first, memory]
    first.ours = Stat.of([_ms(w) for w, _ in reader], "ms")
    first.versus = Stat.of([_ms(w) for w, _ in empty], "ms")
    first.ratio = first.ours.p50 / first.versus.p50
    first.met = first.ratio <= 2.0
    first.note = (
        "headless; from spawning the process to the app's Ready event (article list drawn); "
        "the reader then reads the first article and warms the search in workers"
    )
    memory.ours = Stat.one(max(rss for _, rss in reader), "MB")
    memory.met = memory.ours.p50 <= 300
    memory.note = (
        f"child's VmHWM over 3 s with the first article open and search warmed; "
        f"empty Textual app {max(r for _, r in empty):.0f} MB"
    )
    return [first, memory]


def _write_forever(db: str, articles: list[Any]) -> None:
    """Child of the SIGKILL row: re-import the same articles (new checksums) non-stop."""
    from natojp_tui.store import Store

    store = Store.open(db)
    n = 0
    while True:
        n += 1
        store.add_articles([replace(a, checksum=f"{a.checksum}-{n}") for a in articles])


def row_sigkill(ctx: Context) -> Row:
    """Kill an importing process mid-write, again and again; the database must open."""
    from natojp_tui.store import Store, StoreError

    row = Row("sigkill", f"SIGKILL during a write, {ctx.kills} times", "0 unreadable databases")
    if not ctx.kills:
        row.note = "skipped (--kills 0)"
        return row
    db = ctx.work / "kill-db"
    subset = ctx.loaded[: min(len(ctx.loaded), 200)]
    Store.open(db).add_articles(subset)
    fork = multiprocessing.get_context("fork")
    rnd = random.Random(f"kills:{ctx.seed}")
    unreadable, problems, mid_write = 0, [], 0
    for _ in range(ctx.kills):
        temps_before = set(db.glob(".*.tmp"))
        child = fork.Process(target=_write_forever, args=(str(db), subset[:40]), daemon=True)
        child.start()
        time.sleep(rnd.uniform(0.05, 0.6))
        child.kill()
        child.join()
        mid_write += bool(set(db.glob(".*.tmp")) - temps_before)
        try:
            store = Store.open(db)
            if len(store.article_ids()) != len(subset):
                raise StoreError(f"{len(store.article_ids())} articles, expected {len(subset)}")
            sum(1 for _ in store.quote_docs())
        except Exception as exc:
            unreadable += 1
            problems.append(str(exc))
    row.ours = Stat.one(unreadable, "")
    row.met = unreadable == 0
    row.note = (
        f"{len(subset)}-article database, killed 50–600 ms after start; "
        f"{mid_write} kills left a half-written temp file"
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
            write_corpus(ctx.corpus, articles, seed)
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
