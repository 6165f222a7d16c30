"""Anchors find the same words after an update, and the search index's user layer."""

from __future__ import annotations

from natojp_tui.core.anchors import Anchor, Spot, relocate
from natojp_tui.core.search import QuoteRecord, SearchIndex, UserLayer, parse_query


def spot(qid: str, text: str, paragraph: int = 0, start: int = 0) -> Spot:
    return Spot(qid, text, paragraph, start)


def test_the_same_words_are_found_wherever_they_moved() -> None:
    anchor = Anchor("We are natural partners,", 4, 683)
    spots = [
        spot("a:0:0", "Something else entirely,"),
        spot("a:5:700", "We are natural partners,", 5, 700),
    ]
    assert relocate(anchor, spots).id == "a:5:700"


def test_repeated_words_go_to_the_repeat_nearest_the_old_place() -> None:
    anchor = Anchor("Thank you,", 3, 40)
    spots = [
        spot("a:0:10", "Thank you,", 0, 10),
        spot("a:4:35", "Thank you,", 4, 35),
        spot("a:9:0", "Thank you,", 9, 0),
    ]
    assert relocate(anchor, spots).id == "a:4:35"


def test_a_lightly_reworded_quote_is_found_by_close_spelling() -> None:
    anchor = Anchor("will make our partnership even stronger in the future,")
    spots = [
        spot("a:1:0", "will make our partnership stronger in the future,"),
        spot("a:2:0", "the future of the partnership is bright,"),
    ]
    assert relocate(anchor, spots).id == "a:1:0"


def test_old_words_inside_a_longer_new_quote_are_found() -> None:
    anchor = Anchor(
        "Japan is one of NATO's closest partners and our cooperation has never been stronger"
    )
    longer = "Japan is one of NATO's closest partners and our cooperation has never been stronger, he said"
    assert relocate(anchor, [spot("a:0:5", longer)]).id == "a:0:5"


def test_words_that_are_gone_are_not_forced_onto_another_quote() -> None:
    anchor = Anchor("The signing of the declaration reflected Prime Minister Abe's commitment,")
    spots = [
        spot("a:0:0", "We are natural partners,"),
        spot("a:1:0", "We thank you for Japan's contributions,"),
    ]
    assert relocate(anchor, spots) is None
    assert relocate(anchor, []) is None


def records() -> list[QuoteRecord]:
    return [
        QuoteRecord(
            "a:0:0", "We are natural partners", "Anders Fogh Rasmussen", "direct", "a", "2013-04-15"
        ),
        QuoteRecord(
            "a:0:40",
            "Japan contributes to security",
            "Anders Fogh Rasmussen",
            "direct",
            "a",
            "2013-04-15",
        ),
        QuoteRecord(
            "b:0:0",
            "Cooperation has never been stronger",
            "Jens Stoltenberg",
            "direct",
            "b",
            "2023-01-31",
        ),
    ]


def ids(index: SearchIndex, query: str) -> list[str]:
    return [h.record.id for h in index.search(query).hits]


def test_notes_tags_and_removed_articles_change_what_a_query_finds() -> None:
    index = SearchIndex.build(records())
    index.set_user_layer(
        UserLayer(
            notes={"a:0:40": "Compare with the MOFA readout"},
            tags={"a:0:0": frozenset({"key-lines"})},
            article_tags={"b": frozenset({"visit-2023"})},
        )
    )
    assert ids(index, "has:note") == ["a:0:40"]
    assert ids(index, "readout") == ["a:0:40"]  # a word of the note
    assert ids(index, '"mofa read"') == ["a:0:40"]
    assert ids(index, "readout speaker:stoltenberg") == []
    assert ids(index, "tag:key") == ["a:0:0"]
    assert ids(index, "tag:visit") == ["b:0:0"]  # through the article's tag
    assert sorted(ids(index, "has:tag")) == ["a:0:0", "b:0:0"]
    assert index.count("") == 3
    index.set_user_layer(UserLayer(hidden=frozenset({"a"})))
    assert ids(index, "") == ["b:0:0"] and index.count("partners") == 0
    assert index.ids("") == ["b:0:0"]


def test_has_and_tag_filters_are_parsed_and_bad_ones_reported() -> None:
    pq = parse_query("has:note tag:Key-Lines has:star partners")
    assert (pq.has, pq.tags, pq.starred, pq.terms) == (["note"], ["key-lines"], True, ["partners"])
    assert parse_query("has:wings").problems == ["has:wings is not one of note, tag, star"]
