"""Properties of reading and analysing any input: never a crash, offsets always exact, same output twice."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from natojp_tui.core.model import to_jsonable
from natojp_tui.core.pipeline import extract
from natojp_tui.core.readers import ArticleError, read_article

# Text that looks like press releases and readouts, with the hostile and awkward bits mixed in.
PIECES = st.sampled_from(
    [
        "“",
        "”",
        '"',
        "‘",
        "’",
        "'",
        "«",
        "»",
        "「",
        "」",
        "『",
        "』",
        " said ",
        " he said. ",
        ", said Mr. Doe. ",
        "Secretary General Jane Doe",
        "Prime Minister KISHIDA Fumio",
        "the minister",
        "NATO",
        "Japan’s",
        "\n\n",
        "\n",
        " — ",
        ": ",
        "On 15 April 2013, ",
        "on Tuesday",
        "at 6:15 p.m. for around 30 minutes",
        "held talks with ",
        "met ",
        "during his visit",
        "\x1b[2J",
        "\x1b]0;t\x07",
        "\u202e",
        "\x00",
        "[bold]x[/]",
        "• 15 Apr. 2013 -",
        "---\ntitle: t\n---\n",
        "<p>",
        "</p>",
        "<html>",
        " ",
        ".",
        ",",
    ]
)
DOCUMENTS = st.one_of(
    st.lists(PIECES | st.text(max_size=20), max_size=60).map("".join),
    st.text(max_size=400),
)
NAMES = st.sampled_from(["a.txt", "a.md", "a.html"])


def _read(text: str, name: str):
    try:
        return read_article(text.encode("utf-8", "surrogatepass"), name, article_id="x")
    except ArticleError:
        return None


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DOCUMENTS, NAMES)
def test_any_text_reads_or_is_refused_with_a_reason(text: str, name: str) -> None:
    article = _read(text, name)
    if article is not None:
        assert article.title and article.body
        for p in article.paragraphs:
            assert "\x1b" not in p.text and "\x00" not in p.text and "\u202e" not in p.text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DOCUMENTS, NAMES)
def test_every_quote_and_event_points_inside_its_paragraph_and_output_is_deterministic(
    text: str, name: str
) -> None:
    first = _read(text, name)
    if first is None:
        return
    extract(first)
    body = first.body
    for q in first.quotes:
        assert body[q.paragraph][q.start : q.end] == q.text
    for e in first.events:
        assert 0 <= e.start <= e.end <= len(body[e.paragraph])
    second = extract(_read(text, name))
    assert to_jsonable(first) == to_jsonable(second)


@given(st.binary(max_size=600))
@settings(max_examples=200, deadline=None)
def test_any_bytes_read_or_are_refused_with_a_reason(data: bytes) -> None:
    try:
        read_article(data, "x.txt")
    except ArticleError as exc:
        assert str(exc) and "\n" not in str(exc)
