"""Command line: ``python -m natojp_tui.bench corpus DIR --articles N``, ``... run`` and
``... extract DIR`` (extraction ms/article per stage)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m natojp_tui.bench", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    corpus = sub.add_parser("corpus", help="write a deterministic synthetic corpus")
    corpus.add_argument("folder", type=Path)
    corpus.add_argument("--articles", type=int, default=100)
    corpus.add_argument("--seed", type=int, default=0)
    run = sub.add_parser("run", help="build a corpus and a store, measure every row")
    run.add_argument("--articles", type=int, default=10_000)
    run.add_argument("--seed", type=int, default=0)
    run.add_argument("--queries", type=int, default=200, help="search queries to time")
    run.add_argument("--kills", type=int, default=40, help="SIGKILLs during writes")
    run.add_argument("--keep", type=Path, help="build in this folder and keep it")
    run.add_argument("--json", action="store_true", help="print the report as JSON")
    run.add_argument("--markdown", action="store_true", help="print a Markdown table too")
    extract = sub.add_parser(
        "extract", help="time extraction (registry, quotes, events) per article"
    )
    extract.add_argument("folder", type=Path)
    extract.add_argument(
        "--repeats", type=int, default=3, help="passes; each article keeps its best"
    )
    args = parser.parse_args(argv)

    if args.command == "corpus":
        from natojp_tui.bench.corpus import write_corpus

        if args.articles < 0:
            parser.error("--articles must be 0 or more")
        truths = write_corpus(args.folder, args.articles, args.seed)
        quotes = sum(len(t.quotes) for t in truths)
        print(f"wrote {len(truths)} articles ({quotes} quotes) and manifest.jsonl to {args.folder}")
        return 0

    if args.command == "extract":
        from natojp_tui.bench.extract_speed import load_articles, measure, render

        articles, skipped = load_articles(args.folder)
        if not articles:
            parser.error(f"no article files in {args.folder}")
        report = measure(articles, args.repeats)
        report.skipped = skipped
        print(render(report))
        return 0

    from rich.console import Console

    from natojp_tui.bench.run import markdown
    from natojp_tui.bench.run import render as render_run
    from natojp_tui.bench.run import run as run_bench

    if args.articles < 1:
        parser.error("--articles must be 1 or more")
    err = Console(stderr=True)
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
    bench = run_bench(
        args.articles,
        args.seed,
        queries=args.queries,
        kills=args.kills,
        work=args.keep,
        progress=lambda msg: err.print(f"[dim]{msg}[/]"),
    )
    if args.json:
        print(json.dumps(bench, indent=2, ensure_ascii=False))
    else:
        Console(width=max(Console().width, 160)).print(render_run(bench))
    if args.markdown:
        print(markdown(bench))
    return 0


if __name__ == "__main__":
    sys.exit(main())
