"""Extraction never raises, offsets always slice exactly, and the work stays linear."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from timing import cpu_time

from natojp_tui.core.people import build_registry
from natojp_tui.core.quotes import extract_quotes
from natojp_tui.core.text.document import AnalysedArticle

MARKS = "“”\"„«»「」『』‘’'‹›"
ALPHABET = st.sampled_from(
    list(MARKS)
    + list(" ,.:;—-\n")
    + list("abcHeShe")
    + [
        " he said",
        " said Mr. Abe",
        "Secretary General Jens Stoltenberg",
        " according to ",
        " stated that ",
        "Japan’s",
        "the ’90s",
        " and ",
        "From the Chair:",
    ]
)


def run(paragraphs):
    doc = AnalysedArticle.of(paragraphs)
    quotes = extract_quotes(doc, build_registry(doc))
    for q in quotes:
        assert paragraphs[q.paragraph][q.start : q.end] == q.text
        assert q.kind in ("direct", "partial", "indirect")
    return quotes


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(ALPHABET, max_size=40).map("".join), max_size=6))
def test_any_text_extracts_without_error_and_offsets_slice_exactly(paragraphs):
    run(paragraphs)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(max_size=200), max_size=4))
def test_arbitrary_unicode_never_raises(paragraphs):
    run(paragraphs)


def test_forty_thousand_stray_marks_finish_fast():
    paragraphs = ["“" * 10000, '"' * 10000, "’'‘" * 3000 + "x", "“a” " * 2500 + '"x' * 2500]
    elapsed, _ = cpu_time(lambda: run(paragraphs))
    assert elapsed < 2.0


def test_a_five_megabyte_paragraph_finishes_fast():
    sentence = (
        "“We are natural partners,” said Secretary General Jens Stoltenberg, and he "
        "stated that Japan’s role grows. "
    )
    paragraph = sentence * (5_000_000 // len(sentence))
    elapsed, quotes = cpu_time(lambda: run([paragraph, "“Still read,” said Mr. Stoltenberg."]))
    assert elapsed < 2.0
    assert quotes[-1].paragraph == 1 and quotes[-1].speaker == "Jens Stoltenberg"


def test_an_unbalanced_quote_does_not_swallow_later_paragraphs():
    paragraphs = [
        "Secretary General Jens Stoltenberg spoke.",
        "“We will stand together, he said.",
        "Later, “Japan matters,” Mr. Stoltenberg said.",
    ]
    quotes = run(paragraphs)
    assert [q.paragraph for q in quotes if q.kind == "direct"] == [1, 2]
    assert quotes[0].text == "We will stand together," and quotes[0].speaker == "Jens Stoltenberg"
