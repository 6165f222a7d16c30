"""``python -m natojp_tui.bench extract DIR``: per-stage extraction timing (how fast is
not checked here, only that every stage is timed and reported)."""

from __future__ import annotations

import pytest

from natojp_tui.bench.__main__ import main
from natojp_tui.bench.corpus import write_corpus
from natojp_tui.bench.extract_speed import (
    FILE_STAGES,
    STAGES,
    load_articles,
    measure,
    render,
    time_article,
    time_files,
)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    write_corpus(folder, 6, seed=2)
    return folder


def test_articles_are_read_but_the_manifest_is_not(corpus):
    articles, skipped = load_articles(corpus)
    assert len(articles) == 6 and not skipped
    assert all(a.body and not a.quotes and not a.events for a in articles)  # not analysed


def test_stage_times_add_up_to_the_total(corpus):
    articles, _ = load_articles(corpus)
    times = time_article(articles[0])
    assert set(times) == {*STAGES, "total"}
    assert all(t >= 0 for t in times.values())
    assert times["total"] == pytest.approx(sum(times[s] for s in STAGES))
    assert not articles[0].quotes  # timing leaves the article as it was


def test_report_keeps_each_articles_best_pass_and_orders_percentiles(corpus):
    articles, _ = load_articles(corpus)
    report = measure(articles, repeats=2)
    assert report.articles == 6 and report.repeats == 2
    assert [s.name for s in report.stages] == ["total", *STAGES]
    for s in report.stages:
        assert 0 <= s.p50 <= s.p95 <= s.worst
    assert report.first_pass_ms >= report.stages[0].mean  # the best pass is never slower
    assert report.cold_ms > 0
    assert report.articles_per_second > 0


def test_nothing_to_time_is_an_error():
    with pytest.raises(ValueError):
        measure([])


def test_command_prints_one_line_per_stage(corpus, capsys):
    assert main(["extract", str(corpus), "--repeats", "1"]) == 0
    out = capsys.readouterr().out
    for name in ("total", *STAGES):
        assert any(line.split()[0] == name for line in out.splitlines())
    assert "articles/s" in out


def test_render_names_skipped_files(corpus):
    articles, _ = load_articles(corpus)
    report = measure(articles[:1], repeats=1)
    report.skipped = ["bad.txt: not text"]
    assert "skipped 1 file(s): bad.txt: not text" in render(report)


def test_the_stages_are_those_of_the_pipeline_visits_included():
    assert STAGES == ("registry", "quotes", "events", "visits")


def test_an_imports_reading_and_extraction_are_timed_file_by_file(corpus, tmp_path):
    files = sorted(p for p in corpus.iterdir() if p.suffix in {".txt", ".md", ".html"})
    refused = tmp_path / "empty.txt"
    refused.write_text("", encoding="utf-8")
    split = time_files([*files, refused])
    assert set(split) == {*FILE_STAGES, "total"}
    assert FILE_STAGES[:2] == ("read", "parse")
    assert all(split[k] >= 0 for k in FILE_STAGES) and split["parse"] > 0
    assert split["total"] == pytest.approx(sum(split[k] for k in FILE_STAGES))
    assert time_files([refused]) == dict.fromkeys((*FILE_STAGES, "total"), 0.0)
