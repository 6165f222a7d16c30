"""The real-article scorer matches gold meetings to events one-to-one, as well as possible."""

from __future__ import annotations

from natojp_tui.core.model import Article, Event
from natojp_tui.eval.real import Figures, _score_meetings, assign, same_person


def _event(kind: str, *people: str) -> Event:
    return Event(kind=kind, summary=kind, paragraph=0, start=0, end=1, participants=list(people))


def test_assignment_prefers_more_pairs_to_a_better_first_pair() -> None:
    # row 0 fits column 1 best, but only column 1 can take row 1
    assert assign([[1.0, 3.0], [None, 2.0]]) == [(0, 0), (1, 1)]


def test_assignment_never_makes_a_forbidden_pair() -> None:
    assert assign([[None, None], [None, None]]) == []
    assert assign([[2.0], [3.0], [1.0]]) == [(1, 0)]
    assert assign([]) == []


def test_a_gold_meeting_listed_first_does_not_take_the_event_a_later_one_needs() -> None:
    gold = {
        "meetings": [
            {"kind": "meeting", "participants": ["Ann Aalto", "Bo Berg"], "description": "talks"},
            {
                "kind": "press_conference",
                "participants": ["Ann Aalto", "Bo Berg", "Cy Cole"],
                "description": "press conference of three",
            },
        ]
    }
    events = [
        _event("press_conference", "Ann Aalto", "Bo Berg", "Cy Cole"),
        _event("meeting", "Ann Aalto", "Bo Berg"),
    ]
    article = Article(id="a", title="a", paragraphs=[], events=events)
    fig = Figures()
    _score_meetings(gold, article, fig, "a")
    assert fig.meetings.tp == 2
    assert fig.participants.ok == 2


def test_talks_in_the_gold_are_the_extractors_meetings_when_breaking_ties() -> None:
    gold = {"meetings": [{"kind": "talks", "participants": ["Ann Aalto", "Bo Berg"]}]}
    events = [_event("signing", "Ann Aalto", "Bo Berg"), _event("meeting", "Ann Aalto", "Bo Berg")]
    gold["meetings"][0]["description"] = "talks"
    fig = Figures()
    _score_meetings(gold, Article(id="a", title="a", paragraphs=[], events=events), fig, "a")
    assert fig.meetings.tp == 1
    assert any("extra event: signing" in e for e in fig.errors)


def test_a_name_with_a_middle_name_dropped_or_only_the_family_name_is_the_same_person() -> None:
    assert same_person("Anders Fogh Rasmussen", "Anders Rasmussen")
    assert same_person("Julia Gillard", "Julia Eileen Gillard")
    assert same_person("Jens Stoltenberg", "Stoltenberg")  # all the text ever says
    assert same_person("Fumio Kishida", "KISHIDA Fumio")
    assert not same_person("Jens Stoltenberg", "Jens Plötner")
    assert not same_person("Park Jin", "Yoon Suk Yeol")
    assert not same_person("Shinzo Abe", None)


def test_a_meetings_people_match_whatever_order_their_names_are_written_in() -> None:
    gold = {
        "meetings": [
            {"kind": "meeting", "participants": ["Park Minho", "Ann Aalto"], "description": "x"}
        ]
    }
    events = [_event("meeting", "Minho Park", "Ann Aalto")]
    fig = Figures()
    _score_meetings(gold, Article(id="a", title="a", paragraphs=[], events=events), fig, "a")
    assert fig.meetings.tp == 1
    assert fig.participants.ok == 1


def test_two_gold_people_of_one_family_need_two_people_in_the_event() -> None:
    gold = {
        "meetings": [
            {"kind": "meeting", "participants": ["Ann Aalto", "Bo Aalto"], "description": "x"}
        ]
    }
    events = [_event("meeting", "Ann Aalto", "Cy Cole")]
    fig = Figures()
    _score_meetings(gold, Article(id="a", title="a", paragraphs=[], events=events), fig, "a")
    assert fig.meetings.tp == 0


def test_a_short_given_name_is_the_same_person_in_the_scorer() -> None:
    assert same_person("Mike Pompeo", "Michael R. Pompeo")
    assert not same_person("Mike Pompeo", "Susan Pompeo")
