"""Citations: a quote formatted with who said it, where, when and in which source."""

from __future__ import annotations

import json
from datetime import date

import pytest

from natojp_tui.core.citation import (
    CITATION_FORMATS,
    escape_markdown,
    format_attributed,
    format_citation_line,
    format_date,
    format_json,
    format_markdown,
    format_plain,
    format_quote,
    place_of,
    role_of,
)
from natojp_tui.core.model import Article, Event, Paragraph, Person, Quote, Role

TITLE = "NATO and Japan sign Political Declaration for a stronger partnership"
VISIT = (
    "Secretary General Anders Fogh Rasmussen signed a Joint Political Declaration during "
    "his visit to Tokyo on Monday (15 April)."
)
PARTNERS = (
    "“We are natural partners and together we can make a difference,” the Secretary General said."
)


def make_article(*, role: str | None = "NATO Secretary General", url: str | None = None) -> Article:
    words = "We are natural partners and together we can make a difference,"
    start = PARTNERS.index(words)
    quote = Quote(
        text=words,
        kind="direct",
        paragraph=1,
        start=start,
        end=start + len(words),
        speaker="Anders Fogh Rasmussen",
        speaker_id="anders-fogh-rasmussen",
        role=role,
        cue="the Secretary General",
        verb="said",
        id="seed:1:1",
        article_id="seed",
    )
    visit = Event(
        kind="visit",
        summary="Visit to Tokyo",
        paragraph=0,
        start=0,
        end=len(VISIT),
        place="Tokyo",
        date=date(2013, 4, 15),
    )
    person = Person(
        id="anders-fogh-rasmussen",
        name="Anders Fogh Rasmussen",
        roles=[Role("Secretary General", "NATO", date(2013, 4, 15))],
    )
    return Article(
        id="seed",
        title=TITLE,
        paragraphs=[Paragraph(VISIT), Paragraph(PARTNERS)],
        published=date(2013, 4, 15),
        source="NATO",
        url=url,
        quotes=[quote],
        events=[visit],
        people=[person],
    )


def test_attributed_quote_matches_the_issue_example():
    article = make_article()
    assert format_attributed(article.quotes[0], article) == (
        "“We are natural partners and together we can make a difference.” — Anders Fogh "
        'Rasmussen, NATO Secretary General, Tokyo, 15 April 2013 ("NATO and Japan sign '
        'Political Declaration for a stronger partnership", NATO)'
    )


def test_plain_text_turns_the_trailing_comma_into_a_full_stop():
    article = make_article()
    assert format_plain(article.quotes[0]) == (
        "We are natural partners and together we can make a difference."
    )


def test_role_falls_back_to_the_speakers_role_on_the_article_date():
    article = make_article(role=None)
    assert role_of(article.quotes[0], article) == "NATO Secretary General"


def test_place_is_taken_from_the_event_told_before_the_quote():
    article = make_article()
    article.events.append(
        Event("meeting", "Later meeting", paragraph=5, start=0, end=1, place="Osaka")
    )
    assert place_of(article.quotes[0], article) == "Tokyo"


def test_unattributed_quote_says_so():
    article = make_article()
    article.quotes[0].speaker = None
    assert "— Unattributed, NATO Secretary General" in format_attributed(article.quotes[0], article)


def test_indirect_speech_is_not_put_in_quotation_marks():
    article = make_article()
    q = article.quotes[0]
    q.kind = "indirect"
    text = format_attributed(q, article)
    assert "“" not in text.split(" — ")[0]
    assert text.startswith(
        "Anders Fogh Rasmussen said We are natural partners and together we can make a "
        "difference (reported) — NATO Secretary General, Tokyo, 15 April 2013"
    )


def test_markdown_blockquote_escapes_syntax_and_links_the_title():
    article = make_article(url="https://www.nato.int/cps/en/natohq/news_99709.htm")
    q = article.quotes[0]
    q.text = "We *are* [natural] partners"
    md = format_markdown(q, article)
    lines = md.splitlines()
    assert lines[0] == r"> We \*are\* \[natural\] partners."
    assert lines[1] == ">"
    assert lines[2].startswith(
        "> — Anders Fogh Rasmussen, NATO Secretary General, Tokyo, 15 April 2013, in [“NATO"
    )
    assert "(<https://www.nato.int/cps/en/natohq/news_99709.htm>)" in lines[2]


def test_citation_line_names_the_paragraph_and_url():
    article = make_article(url="https://example.org/x")
    line = format_citation_line(article.quotes[0], article)
    assert line == (
        "Anders Fogh Rasmussen (NATO Secretary General), Tokyo, 15 April 2013. "
        f'"{TITLE}". NATO, paragraph 2. https://example.org/x'
    )


def test_json_keeps_exact_offsets_that_point_at_the_quote():
    article = make_article()
    record = json.loads(format_json(article.quotes[0], article))
    assert record["paragraph"] == 2  # 1-based: the second body paragraph
    body = article.body[record["paragraph"] - 1]
    assert body[record["start"] : record["end"]] == record["text"]
    assert record["article"]["title"] == TITLE
    assert record["date"] == "2013-04-15"
    assert record["place"] == "Tokyo"


def test_control_characters_and_bidi_overrides_never_reach_a_citation():
    article = make_article()
    q = article.quotes[0]
    q.text = "evil\x1b[31m red\u202e txt"
    out = format_attributed(q, article)
    assert "\x1b" not in out and "\u202e" not in out
    assert "evil[31m red txt" in out


@pytest.mark.parametrize("fmt", [f for f in CITATION_FORMATS if f != "citation"])
def test_every_quoting_format_carries_the_words(fmt):
    article = make_article()
    assert "natural partners" in format_quote(article.quotes[0], article, fmt)


def test_unknown_format_is_refused():
    article = make_article()
    with pytest.raises(ValueError):
        format_quote(article.quotes[0], article, "latex")  # type: ignore[arg-type]


def test_date_has_no_leading_zero():
    assert format_date(date(2023, 7, 2)) == "2 July 2023"
    assert format_date(None) is None


def test_escape_markdown_leaves_plain_words_alone():
    assert escape_markdown("Japan’s contribution") == "Japan’s contribution"
