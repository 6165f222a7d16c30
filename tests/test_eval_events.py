"""The event scorer: matching by anchor, the figures it prints, and the dev-set targets."""

import json
from pathlib import Path

import pytest

from natojp_tui.eval.__main__ import main
from natojp_tui.eval.events import format_report, score_directory

DEV = Path(__file__).parent / "data" / "dev"

ARTICLE = """NATO chief meets Japanese minister

Tokyo, 15 April 2013 -

Secretary General Anders Fogh Rasmussen held talks with Foreign Minister Fumio Kishida on Monday (15 April). He also met with members of the Japanese Diet.

Japan has in the past contributed to peace in the Balkans.
"""


def write(tmp_path: Path, events: list[dict]) -> Path:
    (tmp_path / "m01.txt").write_text(ARTICLE, encoding="utf-8")
    gold = {"published": "2013-04-15", "place": "Tokyo", "events": events}
    (tmp_path / "m01.events.json").write_text(json.dumps(gold), encoding="utf-8")
    return tmp_path


TALKS = {
    "kind": "meeting", "anchor": "held talks with Foreign Minister", "date": "2013-04-15",
    "participants": ["Anders Fogh Rasmussen", "Fumio Kishida"], "date_precision": "day",
    "place": "Tokyo",
}  # fmt: skip
DIET = {
    "kind": "group_meeting", "anchor": "met with members of the Japanese Diet",
    "participants": ["Anders Fogh Rasmussen"], "groups": ["members of the Japanese Diet"],
    "date": "2013-04-15", "date_precision": "day",
}  # fmt: skip


def test_a_perfect_article_scores_one_everywhere(tmp_path: Path) -> None:
    report = score_directory(write(tmp_path, [TALKS, DIET]))
    assert (report.gold, report.predicted, report.matched) == (2, 2, 2)
    assert report.recall == report.precision == 1.0
    assert report.date.rate == report.participants.rate == report.groups.rate == 1.0
    assert report.place.rate == 1.0
    assert report.errors == []


def test_a_missing_gold_event_lowers_precision_and_is_listed(tmp_path: Path) -> None:
    report = score_directory(write(tmp_path, [TALKS]))
    assert report.recall == 1.0 and report.precision == 0.5
    assert any("SPURIOUS group_meeting" in err for err in report.errors)


def test_a_wrong_gold_date_counts_against_date_accuracy(tmp_path: Path) -> None:
    report = score_directory(write(tmp_path, [{**TALKS, "date": "2013-04-14"}, DIET]))
    assert report.date.rate == 0.5
    assert any("DATE 2013-04-15!=2013-04-14" in err for err in report.errors)


def test_an_unfindable_anchor_is_an_error_in_the_gold(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="anchor not found"):
        score_directory(write(tmp_path, [{**TALKS, "anchor": "not in the text"}]))


def test_command_line_prints_figures_and_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path, [TALKS, DIET])
    assert main(["events", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    for label in ("event recall", "event precision", "date accuracy", "time accuracy",
                  "participant accuracy"):  # fmt: skip
        assert label in out
    assert main(["events", str(tmp_path), "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["recall"] == 1.0 and figures["date_accuracy"] == 1.0


def test_dev_set_meets_the_targets() -> None:
    report = score_directory(DEV)
    assert report.articles >= 30
    print(format_report(report))
    assert report.recall >= 0.95
    assert report.precision >= 0.90
    assert report.date.rate >= 0.97
