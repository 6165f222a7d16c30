"""Citations in real styles, compared with references written by hand for three small
articles written for these tests: a NATO press release, a Japanese readout (all reported
speech) and a Kyodo wire story with a byline. Read by the real reader and extractors."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from natojp_tui.core.pipeline import extract
from natojp_tui.core.readers import read_article
from natojp_tui.core.references import (
    REFERENCE_STYLES,
    byline_of,
    format_reference,
    genre_of,
    headline_case,
)

CITE = Path(__file__).parent / "data" / "cite"
ACCESSED = date(2025, 3, 5)
NATO_URL = "https://www.nato.int/cps/en/natohq/news_200001.htm"
MOFA_URL = "https://www.mofa.go.jp/erp/ep/page4e_001500.html"
KYODO_URL = "https://english.kyodonews.net/news/2023/01/nato-chief-japan.html"
NATO_WORDS = (
    "Japan is one of NATO’s closest partners, and what happens in the Indo-Pacific matters "
    "for Euro-Atlantic security"
)
HAYASHI = (
    "Yoshimasa Hayashi stated that the security environment surrounding Japan is the most "
    "severe since the end of World War II"
)
KYODO_WORDS = "What happens in Europe today could happen in East Asia tomorrow"


def read(stem: str):
    path = CITE / f"{stem}.txt"
    return extract(read_article(path.read_bytes(), path.name, article_id=stem))


def quote_of(article, start_of_text: str):
    return next(q for q in article.quotes if q.text.startswith(start_of_text))


@pytest.fixture(scope="module")
def release():
    article = read("nato-release")
    return quote_of(article, "Japan is one"), article


@pytest.fixture(scope="module")
def readout():
    article = read("mofa-readout")
    return quote_of(article, "the security environment"), article


@pytest.fixture(scope="module")
def wire():
    article = read("kyodo-wire")
    return quote_of(article, "What happens"), article


def cite(pair, style: str) -> str:
    quote, article = pair
    return format_reference(quote, article, style, ACCESSED)


def test_genre_and_author_come_from_the_source(release, readout, wire):
    assert genre_of(release[1]) == "press release"
    assert genre_of(readout[1]) == "readout"
    assert genre_of(wire[1]) == "news article"
    assert byline_of(wire[1])[0].full == "Aiko Tanaka"
    assert byline_of(release[1]) == ()


def test_chicago_notes(release, readout, wire):
    assert cite(release, "chicago") == (
        "NATO, “Secretary General Welcomes Japanese Foreign Minister to NATO Headquarters,” "
        f"press release, January 12, 2024, para. 2, accessed March 5, 2025, {NATO_URL}."
    )
    assert cite(readout, "chicago") == (
        "Ministry of Foreign Affairs of Japan, “Japan-NATO Foreign Ministers' Meeting,” readout, "
        f"January 31, 2023, para. 2, accessed March 5, 2025, {MOFA_URL}."
    )
    assert cite(wire, "chicago") == (
        "Aiko Tanaka, “NATO Chief Urges Closer Ties with Japan amid China Concerns,” Kyodo News, "
        f"February 1, 2023, para. 2, accessed March 5, 2025, {KYODO_URL}."
    )


def test_chicago_bibliography(release, readout, wire):
    assert cite(release, "chicago-bib") == (
        "NATO. “Secretary General Welcomes Japanese Foreign Minister to NATO Headquarters.” "
        f"Press release, January 12, 2024. Accessed March 5, 2025. {NATO_URL}."
    )
    assert cite(readout, "chicago-bib") == (
        "Ministry of Foreign Affairs of Japan. “Japan-NATO Foreign Ministers' Meeting.” Readout, "
        f"January 31, 2023. Accessed March 5, 2025. {MOFA_URL}."
    )
    assert cite(wire, "chicago-bib") == (
        "Tanaka, Aiko. “NATO Chief Urges Closer Ties with Japan amid China Concerns.” Kyodo News, "
        f"February 1, 2023. Accessed March 5, 2025. {KYODO_URL}."
    )


def test_apa_7_with_paragraph_numbers(release, readout, wire):
    assert cite(release, "apa") == (
        f"“{NATO_WORDS}” (NATO, 2024, para. 2).\n\n"
        "NATO. (2024, January 12). Secretary General welcomes Japanese Foreign Minister to NATO "
        f"Headquarters [Press release]. {NATO_URL}"
    )
    assert cite(readout, "apa") == (
        f"{HAYASHI} (Ministry of Foreign Affairs of Japan, 2023, para. 2).\n\n"
        "Ministry of Foreign Affairs of Japan. (2023, January 31). Japan-NATO Foreign Ministers' "
        f"Meeting [Readout]. {MOFA_URL}"
    )
    assert cite(wire, "apa") == (
        f"“{KYODO_WORDS}” (Tanaka, 2023, para. 2).\n\n"
        "Tanaka, A. (2023, February 1). NATO chief urges closer ties with Japan amid China "
        f"concerns. Kyodo News. {KYODO_URL}"
    )


def test_mla_9(release, readout, wire):
    assert cite(release, "mla") == (
        f"“{NATO_WORDS}” (“Secretary General Welcomes” par. 2).\n\n"
        "“Secretary General Welcomes Japanese Foreign Minister to NATO Headquarters.” NATO, "
        "12 Jan. 2024, www.nato.int/cps/en/natohq/news_200001.htm. Accessed 5 Mar. 2025. "
        "Press release."
    )
    assert cite(readout, "mla") == (
        f"{HAYASHI} (“Japan-NATO Foreign Ministers' Meeting” par. 2).\n\n"
        "“Japan-NATO Foreign Ministers' Meeting.” Ministry of Foreign Affairs of Japan, "
        "31 Jan. 2023, www.mofa.go.jp/erp/ep/page4e_001500.html. Accessed 5 Mar. 2025. Readout."
    )
    assert cite(wire, "mla") == (
        f"“{KYODO_WORDS}” (Tanaka par. 2).\n\n"
        "Tanaka, Aiko. “NATO Chief Urges Closer Ties with Japan amid China Concerns.” Kyodo News, "
        "1 Feb. 2023, english.kyodonews.net/news/2023/01/nato-chief-japan.html. "
        "Accessed 5 Mar. 2025."
    )


def test_bibtex(release, wire):
    assert cite(release, "bibtex") == (
        "@misc{nato2024secretary,\n"
        "  author = {{NATO}},\n"
        "  title = {{Secretary General welcomes Japanese Foreign Minister to NATO Headquarters}},\n"
        "  howpublished = {Press release},\n"
        "  organization = {NATO},\n"
        "  year = {2024},\n"
        "  date = {2024-01-12},\n"
        f"  url = {{{NATO_URL}}},\n"
        "  urldate = {2025-03-05},\n"
        f"  note = {{para. 2: “{NATO_WORDS}.”}},\n"
        "  month = jan\n"
        "}"
    )
    entry = cite(wire, "bibtex")
    assert entry.startswith("@article{tanaka2023nato,\n  author = {Tanaka, Aiko},\n")
    assert "  journal = {Kyodo News},\n" in entry


def test_ris(readout, wire):
    assert cite(readout, "ris").splitlines() == [
        "TY  - GEN",
        "AU  - Ministry of Foreign Affairs of Japan",
        "TI  - Japan-NATO Foreign Ministers' Meeting",
        "PB  - Ministry of Foreign Affairs of Japan",
        "PY  - 2023",
        "DA  - 2023/01/31",
        "M3  - Readout",
        f"UR  - {MOFA_URL}",
        "Y2  - 2025/03/05",
        f"N1  - para. 2: {HAYASHI}",
        "ER  -",
    ]
    assert cite(wire, "ris").splitlines()[:4] == [
        "TY  - NEWS",
        "AU  - Tanaka, Aiko",
        "TI  - NATO chief urges closer ties with Japan amid China concerns",
        "T2  - Kyodo News",
    ]


def test_csl_json(release, wire):
    (item,) = json.loads(cite(release, "csl-json"))
    assert item == {
        "id": "nato2024secretary",
        "type": "report",
        "genre": "Press release",
        "title": "Secretary General welcomes Japanese Foreign Minister to NATO Headquarters",
        "author": [{"literal": "NATO"}],
        "publisher": "NATO",
        "issued": {"date-parts": [[2024, 1, 12]]},
        "URL": NATO_URL,
        "accessed": {"date-parts": [[2025, 3, 5]]},
        "locator": "2",
        "label": "paragraph",
        "note": f"“{NATO_WORDS}.”",
    }
    (news,) = json.loads(cite(wire, "csl-json"))
    assert news["type"] == "article-newspaper" and news["container-title"] == "Kyodo News"
    assert news["author"] == [{"family": "Tanaka", "given": "Aiko"}]


def test_a_wire_story_without_a_byline_is_by_its_agency(wire):
    quote, article = wire
    article = read("kyodo-wire")
    article.paragraphs = [p for p in article.paragraphs if not p.text.startswith("By ")]
    article.author = None
    from natojp_tui.core.pipeline import extract as again

    article = again(article)
    quote = quote_of(article, "What happens")
    assert format_reference(quote, article, "apa", ACCESSED).endswith(
        f"(Kyodo News, 2023, para. 2).\n\nKyodo News. (2023, February 1). NATO chief urges "
        f"closer ties with Japan amid China concerns. {KYODO_URL}"
    )


def test_headline_case_keeps_capitals_and_lowers_minor_words():
    assert headline_case("NATO chief urges closer ties with Japan amid China concerns") == (
        "NATO Chief Urges Closer Ties with Japan amid China Concerns"
    )
    assert headline_case("a visit to the alliance") == "A Visit to the Alliance"


def test_with_no_author_known_the_title_takes_the_authors_place(release):
    """A file with no source and no byline: APA 7, Chicago and MLA start with the title;
    nobody is called "Anonymous" and the reference managers get no author field."""
    _, article = release
    from dataclasses import replace

    article = replace(article, source=None, url=None)
    quote = quote_of(article, "Japan is one")
    title = "Secretary General Welcomes Japanese Foreign Minister to NATO Headquarters"
    styles = {s: format_reference(quote, article, s, ACCESSED) for s in REFERENCE_STYLES}
    assert all("Anonymous" not in text for text in styles.values())
    in_text, entry = styles["apa"].split("\n\n")
    assert in_text.endswith("(“Secretary General Welcomes Japanese,” 2024, para. 2).")
    assert entry.startswith(f"{article.title} [Press release]. (2024, January 12).")
    assert styles["chicago"].startswith(f"“{title},” press release, January 12, 2024, para. 2")
    assert styles["mla"].split("\n\n")[1].startswith(f"“{title}.” 12 Jan. 2024.")
    assert "author" not in styles["bibtex"] and "\nAU  -" not in styles["ris"]
    assert "author" not in json.loads(styles["csl-json"])
