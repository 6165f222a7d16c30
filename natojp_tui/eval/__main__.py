"""``python -m natojp_tui.eval quotes DIR [--json] [--verbose]``."""

from __future__ import annotations

import argparse
import json
import sys

from natojp_tui.eval.quotes import format_report, score_directory


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m natojp_tui.eval")
    sub = parser.add_subparsers(dest="command", required=True)
    quotes = sub.add_parser("quotes", help="score quote extraction on a labelled directory")
    quotes.add_argument("directory")
    quotes.add_argument("--json", action="store_true", help="machine-readable figures")
    quotes.add_argument("--verbose", "-v", action="store_true", help="list every error")
    args = parser.parse_args(argv)
    report = score_directory(args.directory)
    if args.json:
        json.dump(report.as_dict(), sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(format_report(report, verbose=args.verbose))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
