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
    run.add_argument(
        "--articles",
        default="10000",
        help="library sizes, comma-separated (e.g. 1000,10000,100000); each is measured in turn",
    )
    run.add_argument("--seed", type=int, default=0)
    run.add_argument("--queries", type=int, default=200, help="search queries to time")
    run.add_argument("--kills", type=int, default=40, help="SIGKILLs during writes")
    run.add_argument("--keep", type=Path, help="build in this folder and keep it")
    run.add_argument("--json", action="store_true", help="print the report as JSON")
    run.add_argument("--markdown", action="store_true", help="print a Markdown table too")
    growth = sub.add_parser("growth", help="one table of p50s by size from saved --json reports")
    growth.add_argument("reports", nargs="+", type=Path)
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
        from natojp_tui.bench.extract_speed import load_articles, measure
        from natojp_tui.bench.extract_speed import render as render_extract

        articles, skipped = load_articles(args.folder)
        if not articles:
            parser.error(f"no article files in {args.folder}")
        speed = measure(articles, args.repeats)
        speed.skipped = skipped
        print(render_extract(speed))
        return 0

    from rich.console import Console

    from natojp_tui.bench.run import growth_markdown, markdown, render
    from natojp_tui.bench.run import run as run_bench

    if args.command == "growth":
        reports = []
        for path in args.reports:
            data = json.loads(path.read_text(encoding="utf-8"))
            reports += data if isinstance(data, list) else [data]
        print(growth_markdown(reports))
        return 0

    try:
        sizes = [int(n) for n in str(args.articles).replace("_", "").split(",") if n.strip()]
    except ValueError:
        parser.error("--articles takes numbers separated by commas")
    if not sizes or min(sizes) < 1:
        parser.error("--articles must be 1 or more")
    err = Console(stderr=True)
    reports = []
    for size in sizes:
        work = args.keep / str(size) if args.keep and len(sizes) > 1 else args.keep
        if work:
            work.mkdir(parents=True, exist_ok=True)
        report = run_bench(
            size,
            args.seed,
            queries=args.queries,
            kills=args.kills,
            work=work,
            progress=lambda msg: err.print(f"[dim]{msg}[/]"),
        )
        reports.append(report)
        if not args.json:
            Console(width=max(Console().width, 160)).print(render(report))
    if args.json:
        print(
            json.dumps(reports[0] if len(reports) == 1 else reports, indent=2, ensure_ascii=False)
        )
    if args.markdown:
        for report in reports:
            print(markdown(report))
            print()
        if len(reports) > 1:
            print(growth_markdown(reports))
    return 0


if __name__ == "__main__":
    sys.exit(main())
