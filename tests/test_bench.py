"""The benchmark suite: a deterministic corpus that the readers accept, and a runner that
prints every row at a small size (how fast is not checked here)."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date

import pytest

from natojp_tui.bench.__main__ import main
from natojp_tui.bench.corpus import (
    MANIFEST,
    SHAPES,
    generate_article,
    read_manifest,
    write_corpus,
)
from natojp_tui.bench.run import ROW_KEYS, _fts5_query, bench_queries
from natojp_tui.core.readers import read_article
from natojp_tui.core.search import QuoteRecord, parse_query

SAMPLE = [generate_article(i, seed=7) for i in range(80)]
# nato.int prints "6 Jun. 2015"; core.datelines does not read "Jun."/"Jul." yet.
JUN_JUL = [
    a for a in SAMPLE if a.truth.shape == "nato-text" and a.truth.published[5:7] in ("06", "07")
]


def test_an_article_depends_only_on_its_number_and_the_seed():
    assert generate_article(5, seed=7) == SAMPLE[5]
    assert generate_article(5, seed=8).content != SAMPLE[5].content


def test_written_corpus_is_the_same_every_time(tmp_path):
    write_corpus(tmp_path / "one", 12, seed=3)
    write_corpus(tmp_path / "two", 12, seed=3)
    names = sorted(p.name for p in (tmp_path / "one").iterdir())
    assert len(names) == 13  # 12 articles and the manifest
    for name in names:
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()
    assert sorted(t.file for t in read_manifest(tmp_path / "one")) == [
        n for n in names if n != MANIFEST
    ]


def test_every_quote_sits_exactly_where_the_truth_says():
    for art in SAMPLE:
        for q in art.truth.quotes:
            assert art.truth.body[q.paragraph][q.start : q.end] == q.text


def test_the_corpus_varies_shapes_kinds_cues_and_dates():
    assert {a.truth.shape for a in SAMPLE} == set(SHAPES)
    quotes = [q for a in SAMPLE for q in a.truth.quotes]
    assert 9 <= len(quotes) / len(SAMPLE) <= 11.5
    assert set(Counter(q.kind for q in quotes)) == {"direct", "partial", "indirect"}
    assert set(Counter(q.cue for q in quotes)) == {"named", "role", "pronoun", "reported"}
    days = [date.fromisoformat(a.truth.published) for a in SAMPLE]
    assert min(days) >= date(2005, 1, 1) and max(days) <= date(2026, 12, 31)
    assert len({d.year for d in days}) > 10
    assert any(
        "commencing at" in p for a in SAMPLE for p in a.truth.body
    )  # readouts with clock times
    assert len({q.speaker for q in quotes}) > 40


def test_the_readers_see_the_title_body_and_date_the_truth_records():
    for art in SAMPLE:
        if art in JUN_JUL:
            continue
        read = read_article(art.content.encode(), art.name)
        assert read.title == art.truth.title, art.name
        assert read.body == art.truth.body, art.name
        assert str(read.published) == art.truth.published, art.name


def test_the_readers_read_nato_dates_in_june_and_july():
    assert JUN_JUL
    for art in JUN_JUL:
        read = read_article(art.content.encode(), art.name)
        assert str(read.published) == art.truth.published, art.name
        assert read.body == art.truth.body, art.name


def test_corpus_command_writes_files_and_manifest(tmp_path, capsys):
    assert main(["corpus", str(tmp_path / "c"), "--articles", "4", "--seed", "1"]) == 0
    assert len(list((tmp_path / "c").iterdir())) == 5
    assert "wrote 4 articles" in capsys.readouterr().out


def test_bench_queries_are_keystroke_sized_and_fts5_can_answer_them():
    records = [
        QuoteRecord(f"a:0:{i}", q.text, q.speaker, q.kind, "a", "2020-01-01")
        for i, q in enumerate(q for a in SAMPLE for q in a.truth.quotes)
    ]
    queries = bench_queries(records, 100, seed=0)
    assert queries == bench_queries(records, 100, seed=0)
    assert len(set(queries)) > 90
    assert any(q.startswith('"') for q in queries)
    for q in queries:
        pq = parse_query(q)
        assert 1 <= len(pq.terms) + len(pq.phrases) <= 4
        assert all(len(w) >= 3 for t in pq.terms for w in t.split())


def test_a_query_becomes_fts5_substring_strings():
    assert _fts5_query('japan "natural part') == '"japan" AND "natural part"'


@pytest.fixture(scope="module")
def small_run(tmp_path_factory):
    import contextlib
    import io

    out = io.StringIO()
    work = tmp_path_factory.mktemp("bench")
    with contextlib.redirect_stdout(out):
        code = main(
            [
                "run",
                "--articles",
                "30",
                "--queries",
                "40",
                "--kills",
                "2",
                "--keep",
                str(work),
                "--json",
                "--markdown",
            ]
        )
    assert code == 0
    text = out.getvalue()
    report = json.loads(text[: text.rindex("}") + 1])
    return report, text


def test_a_small_run_reports_every_row(small_run):
    report, _ = small_run
    assert [r["key"] for r in report["rows"]] == list(ROW_KEYS)
    for row in report["rows"]:
        assert row["ours"] is not None or row["note"], row["key"]
        assert not row["note"].startswith("error"), row


def test_the_markdown_table_has_a_line_per_row(small_run):
    report, text = small_run
    table = text[text.index("| what |") :]
    assert len([ln for ln in table.splitlines() if ln.startswith("| ")]) == 2 + len(
        report["rows"]
    )  # header, rule, rows
    assert report["machine"] in text


def test_the_growth_table_has_a_column_per_size_and_a_line_per_row(small_run):
    from natojp_tui.bench.run import growth_markdown

    report, _ = small_run
    bigger = {**report, "articles": report["articles"] * 10}
    lines = growth_markdown([bigger, report]).splitlines()
    assert lines[0] == "| what | 30 articles | 300 articles | target |"
    assert len(lines) == 2 + len(report["rows"])
