"""Extraction speed per article: ``python -m natojp_tui.bench extract DIR``.

Reads every article file of a folder once (reading is not timed), then runs the stages
of :func:`natojp_tui.core.pipeline.extract` on each article the way it does: the text
analysis with the people registry (body and captions), quotes, events and visit
mentions. Timings are
process CPU time, which a busy shared machine disturbs far less than wall time.

Each article is timed ``repeats`` times. The first pass is reported on its own
("first pass": the extractors' word and name caches start empty, as in a fresh import
worker); the per-stage figures keep each article's best pass, the steady state of a
worker that has already seen a few hundred articles. A last pass empties every
``functools.lru_cache`` of the core before each article ("cold"): the cost of an
article that shares nothing with others.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from natojp_tui.core.events import extract_events, extract_visit_mentions
from natojp_tui.core.model import Article
from natojp_tui.core.people import build_registry
from natojp_tui.core.pipeline import analyse, turn_labels
from natojp_tui.core.quotes import extract_quotes
from natojp_tui.core.readers import ArticleError, read_article
from natojp_tui.ingest import article_id_for, expand_paths, read_file_bytes, shown_path

STAGES: tuple[str, ...] = ("registry", "quotes", "events", "visits")
FILE_STAGES: tuple[str, ...] = ("read", "parse", *STAGES)


@dataclass(slots=True)
class StageStat:
    """Milliseconds per article of one stage (or of all of them: ``total``)."""

    name: str
    mean: float
    p50: float
    p95: float
    worst: float


@dataclass(slots=True)
class ExtractReport:
    articles: int
    repeats: int
    first_pass_ms: float  # mean ms/article of the first pass, all stages
    cold_ms: float  # mean ms/article with every memo emptied before each article
    stages: list[StageStat] = field(default_factory=list)  # total first, then STAGES
    skipped: list[str] = field(default_factory=list)  # files the readers refused

    @property
    def articles_per_second(self) -> float:
        """Single-process throughput at the steady-state mean."""
        total = self.stages[0].mean
        return 1000.0 / total if total > 0 else float("inf")


def load_articles(folder: Path) -> tuple[list[Article], list[str]]:
    """Every article file under ``folder``, read and parsed (not analysed)."""
    paths, problems = expand_paths([folder])
    articles: list[Article] = []
    skipped = [str(p) for p in problems]
    for path in paths:
        try:
            articles.append(read_article(read_file_bytes(path), path.name, article_id=path.stem))
        except ArticleError as exc:
            skipped.append(f"{path}: {exc}")
    return articles, skipped


def time_article(
    article: Article, clock: Callable[[], float] = time.process_time
) -> dict[str, float]:
    """Seconds each stage of ``pipeline.extract`` takes on ``article`` (left unchanged);
    the text analysis is counted in the stage that first asks for each part of it."""
    t0 = clock()
    doc = analyse(article)
    registry = build_registry(doc)
    t1 = clock()
    extract_quotes(doc, registry, turn_labels(article))
    t2 = clock()
    extract_events(doc, registry)
    t3 = clock()
    extract_visit_mentions(doc, registry)
    t4 = clock()
    return {
        "registry": t1 - t0,
        "quotes": t2 - t1,
        "events": t3 - t2,
        "visits": t4 - t3,
        "total": t4 - t0,
    }


def time_files(
    paths: list[Path], clock: Callable[[], float] = time.process_time
) -> dict[str, float]:
    """Mean milliseconds per file of each stage of an import's reading and extraction,
    one pass in this process (as an import worker meets them): reading the bytes,
    parsing them into an article, then the stages of :func:`time_article`. Files the
    readers refuse are left out."""
    total = dict.fromkeys((*FILE_STAGES, "total"), 0.0)
    n = 0
    for path in paths:
        try:
            t0 = clock()
            data = read_file_bytes(path)
            t1 = clock()
            article = read_article(
                data, path.name, article_id=article_id_for(path), path=shown_path(path)
            )
            t2 = clock()
        except ArticleError:
            continue
        times = {"read": t1 - t0, "parse": t2 - t1, **time_article(article, clock)}
        times["total"] += times["read"] + times["parse"]
        for k, v in times.items():
            total[k] += v
        n += 1
    return {k: v * 1000.0 / n if n else 0.0 for k, v in total.items()}


def _stat(name: str, seconds: list[float]) -> StageStat:
    ms = sorted(s * 1000.0 for s in seconds)
    return StageStat(
        name,
        statistics.fmean(ms),
        ms[len(ms) // 2],
        ms[min(len(ms) - 1, int(len(ms) * 0.95))],
        ms[-1],
    )


def measure(articles: list[Article], repeats: int = 3) -> ExtractReport:
    """Time every article ``repeats`` times (at least once); see the module docstring."""
    if not articles:
        raise ValueError("no articles to time")
    repeats = max(1, repeats)
    best: list[dict[str, float]] = []
    first_total = 0.0
    for n in range(repeats):
        for i, article in enumerate(articles):
            times = time_article(article)
            if n == 0:
                first_total += times["total"]
                best.append(times)
            else:
                best[i] = {k: min(v, times[k]) for k, v in best[i].items()}
    cold_total = 0.0
    for article in articles:
        clear_caches()
        cold_total += time_article(article)["total"]
    stages = [_stat(name, [b[name] for b in best]) for name in ("total", *STAGES)]
    n = len(articles)
    return ExtractReport(n, repeats, first_total * 1000.0 / n, cold_total * 1000.0 / n, stages)


def render(report: ExtractReport) -> str:
    """The report as a few plain lines."""
    lines = [
        f"{report.articles} articles, best of {report.repeats} passes, process CPU time, ms/article",
        f"{'stage':<9} {'mean':>7} {'p50':>7} {'p95':>7} {'worst':>7}",
    ]
    for s in report.stages:
        lines.append(f"{s.name:<9} {s.mean:7.2f} {s.p50:7.2f} {s.p95:7.2f} {s.worst:7.2f}")
    lines.append(
        f"first pass mean {report.first_pass_ms:.2f} ms/article, cold {report.cold_ms:.2f}"
    )
    lines.append(f"single process: {report.articles_per_second:.0f} articles/s")
    if report.skipped:
        lines.append(f"skipped {len(report.skipped)} file(s): {report.skipped[0]}")
    return "\n".join(lines)


def clear_caches() -> None:
    """Empty every ``functools.lru_cache`` in the core's modules."""
    import sys

    for name, module in list(sys.modules.items()):
        if not name.startswith("natojp_tui.core.") or module is None:
            continue
        for value in vars(module).values():
            clear = getattr(value, "cache_clear", None)
            if callable(clear) and not isinstance(value, type):
                clear()
