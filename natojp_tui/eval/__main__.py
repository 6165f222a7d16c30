"""``python -m natojp_tui.eval {quotes,events,real} DIR [--json] [--verbose]``."""

from __future__ import annotations

import argparse
import json
import sys

from natojp_tui.eval import events as events_scorer
from natojp_tui.eval import quotes as quotes_scorer
from natojp_tui.eval import real as real_scorer

SCORERS = {"quotes": quotes_scorer, "events": events_scorer}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m natojp_tui.eval")
    sub = parser.add_subparsers(dest="command", required=True)
    for name in SCORERS:
        cmd = sub.add_parser(name, help=f"score {name} extraction on a labelled directory")
        cmd.add_argument("directory")
        cmd.add_argument("--json", action="store_true", help="machine-readable figures")
        cmd.add_argument("--verbose", "-v", action="store_true", help="list every error")
    real = sub.add_parser("real", help="score the whole import path on real articles")
    real.add_argument("directory", help="folder of <id>.txt files (see tests/data/real)")
    real.add_argument("--gold", help="gold file (default: tests/data/real/gold.json)")
    real.add_argument("--json", action="store_true", help="machine-readable figures")
    real.add_argument("--verbose", "-v", action="store_true", help="list every error")
    args = parser.parse_args(argv)
    if args.command == "real":
        groups = real_scorer.score_directory(args.directory, args.gold)
        if args.json:
            json.dump(real_scorer.as_dict(groups), sys.stdout, indent=2)
            sys.stdout.write("\n")
        else:
            sys.stdout.write(real_scorer.format_report(groups, verbose=args.verbose))
        return 0
    scorer = SCORERS[args.command]
    report = scorer.score_directory(args.directory)
    if args.json:
        json.dump(report.as_dict(), sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(scorer.format_report(report, verbose=args.verbose))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
