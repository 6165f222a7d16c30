"""The held-out set (``tests/data/heldout``) keeps its after-fix figures, give or take a
small margin: a drop below them means a change lost press-release language it read before.
The blind (first-run) figures are in ``tests/data/heldout/README.md``."""

from __future__ import annotations

from pathlib import Path

import pytest

from natojp_tui.eval import events as events_scorer
from natojp_tui.eval import quotes as quotes_scorer

HELDOUT = Path(__file__).parent / "data" / "heldout"
MARGIN = 0.03

# after the fixes of the held-out analysis (no longer blind figures)
QUOTE_FLOORS = {
    ("span", "f1"): 0.963,
    ("indirect_span", "precision"): 0.915,
    ("indirect_span", "recall"): 0.900,
    ("kind_accuracy", None): 1.000,
    ("speaker_accuracy", None): 1.000,
    ("indirect_speaker_accuracy", None): 1.000,
}
EVENT_FLOORS = {
    "recall": 0.911,
    "precision": 0.976,
    "kind_accuracy": 0.927,
    "date_accuracy": 0.838,
    "undated_accuracy": 1.000,
    "precision_label_accuracy": 0.805,
    "time_accuracy": 1.000,
    "participants_accuracy": 0.829,
    "place_accuracy": 1.000,
}


@pytest.fixture(scope="module")
def quote_figures() -> dict:
    return quotes_scorer.score_directory(HELDOUT).as_dict()


@pytest.fixture(scope="module")
def event_figures() -> dict:
    return events_scorer.score_directory(HELDOUT).as_dict()


def test_the_held_out_set_has_fifteen_articles_scored_for_quotes_and_events(
    quote_figures: dict, event_figures: dict
) -> None:
    assert quote_figures["articles"] == 15
    assert event_figures["articles"] == 15


@pytest.mark.parametrize(("figure", "floor"), QUOTE_FLOORS.items(), ids=str)
def test_quote_figures_stay_at_their_after_fix_level(
    quote_figures: dict, figure: tuple[str, str | None], floor: float
) -> None:
    key, sub = figure
    value = quote_figures[key][sub] if sub else quote_figures[key]
    assert value >= floor - MARGIN


def test_terms_in_quotation_marks_stay_out_of_the_quote_list(quote_figures: dict) -> None:
    assert all(v["kept_out"] == 1.0 for v in quote_figures["not_quotes"].values())


@pytest.mark.parametrize(("figure", "floor"), EVENT_FLOORS.items())
def test_event_figures_stay_at_their_after_fix_level(
    event_figures: dict, figure: str, floor: float
) -> None:
    assert event_figures[figure] >= floor - MARGIN
