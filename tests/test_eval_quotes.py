"""The quote scorer: gold loading, matching rules, and the dev-set targets."""

import json
from pathlib import Path

from natojp_tui.eval import load_article, split_article
from natojp_tui.eval.__main__ import main
from natojp_tui.eval.quotes import score_directory

DEV = Path(__file__).parent / "data" / "dev"


def test_paragraph_convention_drops_title_and_a_dateline_only_paragraph():
    title, paras, dateline = split_article(
        "A title\n\nTokyo, 15 April 2013 -\n\nFirst line\nwraps here.\n\n  \n\nSecond."
    )
    assert title == "A title" and dateline == "Tokyo, 15 April 2013 -"
    assert paras == ["First line wraps here.", "Second."]
    assert split_article("T\n\nJanuary 31, 2023\n\nBody.")[1] == ["Body."]
    assert split_article("T\n\nOn January 31, 2023 the minister spoke.")[1] == [
        "On January 31, 2023 the minister spoke."
    ]


def test_dev_set_has_thirty_articles_and_every_gold_span_is_found_in_its_paragraph():
    articles = sorted(DEV.glob("q*.txt"))
    assert len(articles) >= 30
    for txt in articles:
        paras = load_article(txt).paragraphs
        gold = json.loads(txt.with_suffix(".quotes.json").read_text(encoding="utf-8"))
        for g in gold["quotes"] + gold.get("not_quotes", []):
            assert g["text"] in paras[g["paragraph"]], (txt.name, g["text"])


def test_dev_set_meets_the_quality_targets():
    d = score_directory(DEV).as_dict()
    assert d["span"]["f1"] >= 0.97
    assert d["exact_span"]["f1"] >= 0.93
    assert d["indirect_span"]["f1"] >= 0.85
    assert d["speaker_accuracy"] >= 0.96
    by_cue = d["speaker_accuracy_by_cue"]
    assert by_cue["name"]["accuracy"] >= 0.99
    assert by_cue["pronoun"]["accuracy"] >= 0.92 and by_cue["role"]["accuracy"] >= 0.92
    assert all(v["kept_out"] == 1.0 for v in d["not_quotes"].values())


def test_scorer_counts_a_wrong_gold_span_as_a_miss_and_an_extra(tmp_path):
    (tmp_path / "q1.txt").write_text(
        "Title\n\nSecretary General Jens Stoltenberg spoke. “We are ready,” he said.\n",
        encoding="utf-8",
    )
    gold = {
        "quotes": [
            {
                "paragraph": 0,
                "text": "Stoltenberg spoke",
                "kind": "direct",
                "speaker": "Jens Stoltenberg",
                "cue": "he",
                "pattern": "curly",
            }
        ]
    }
    (tmp_path / "q1.quotes.json").write_text(json.dumps(gold), encoding="utf-8")
    d = score_directory(tmp_path).as_dict()
    assert d["span"]["tp"] == 0 and d["span"]["fp"] == 1 and d["span"]["fn"] == 1
    assert d["patterns"]["curly"]["recall"] == 0.0


def test_scorer_checks_speakers_and_partial_overlap(tmp_path):
    (tmp_path / "q1.txt").write_text(
        "Title\n\nSecretary General Jens Stoltenberg met Mr. Taro Kono. “We are ready "
        "for anything that comes,” he said.\n",
        encoding="utf-8",
    )
    gold = {
        "quotes": [
            {
                "paragraph": 0,
                "text": "We are ready for anything that comes",
                "kind": "direct",
                "speaker": "Taro Kono",
                "cue": "he",
            }
        ]
    }
    (tmp_path / "q1.quotes.json").write_text(json.dumps(gold), encoding="utf-8")
    d = score_directory(tmp_path).as_dict()
    assert d["span"]["tp"] == 1 and d["exact_span"]["tp"] == 0  # the comma differs
    assert d["speaker_accuracy"] == 0.0  # he = the subject, Stoltenberg


def test_cli_prints_json(capsys):
    assert main(["quotes", str(DEV), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["articles"] >= 30 and "speaker_accuracy_by_cue" in out
