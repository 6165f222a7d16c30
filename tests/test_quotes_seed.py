"""Acceptance: the user's seed article (NATO–Japan Political Declaration, 2013)."""

from datetime import date
from pathlib import Path

from natojp_tui.core.people import build_registry
from natojp_tui.core.quotes import extract_quotes
from natojp_tui.core.text.document import AnalysedArticle
from natojp_tui.eval import split_article

SEED = Path(__file__).parent.parent / "articles" / "2013-04-15-nato-japan-political-declaration.txt"


def seed_quotes():
    title, paragraphs, _ = split_article(SEED.read_text(encoding="utf-8"))
    doc = AnalysedArticle.of(
        paragraphs, title=title, published=date(2013, 4, 15), article_id="seed"
    )
    return paragraphs, extract_quotes(doc, build_registry(doc))


def test_exactly_five_direct_quotes_all_by_fogh_rasmussen_with_their_cues():
    paragraphs, quotes = seed_quotes()
    direct = [q for q in quotes if q.kind == "direct"]
    assert [(q.text.split()[:4], q.cue) for q in direct] == [
        (["I", "am", "convinced", "that"], "the Secretary General"),
        (["While", "NATO", "has", "no"], "he"),
        (["The", "signing", "of", "the"], "Mr. Fogh Rasmussen"),
        (["We", "thank", "you", "for"], "Mr. Fogh Rasmussen"),
        (["We", "are", "natural", "partners"], "the Secretary General"),
    ]
    for q in direct:
        assert q.speaker == "Anders Fogh Rasmussen"
        assert q.speaker_id == "anders-fogh-rasmussen"
        assert q.role == "NATO Secretary General"
        assert paragraphs[q.paragraph][q.start : q.end] == q.text
        assert paragraphs[q.paragraph][q.start - 1] in '“"'  # the text is inside the marks


def test_the_reported_speech_is_an_indirect_quote_of_his():
    paragraphs, quotes = seed_quotes()
    indirect = [q for q in quotes if q.kind == "indirect"]
    said = [q for q in indirect if q.cue == "Mr Fogh Rasmussen"]
    assert len(said) == 1
    assert said[0].text.startswith("the declaration highlights that the relationship")
    assert said[0].text.endswith("faced by both")
    assert said[0].speaker == "Anders Fogh Rasmussen" and said[0].verb == "said"
    for q in indirect:  # every other report is his too (commended, expressed hope)
        assert q.speaker == "Anders Fogh Rasmussen"
        assert paragraphs[q.paragraph][q.start : q.end] == q.text


def test_no_quote_opens_or_closes_at_an_apostrophe():
    paragraphs, quotes = seed_quotes()
    for q in quotes:
        if q.kind == "indirect":
            continue
        before, after = paragraphs[q.paragraph][q.start - 1], paragraphs[q.paragraph][q.end]
        assert before not in "’'" and after not in "’'"
    texts = " ".join(q.text for q in quotes)
    assert "Abe’s personal commitment" in texts and "Japan’s enormous contributions" in texts


def test_split_and_separate_quotes_get_utterance_numbers():
    _, quotes = seed_quotes()
    direct = [q for q in quotes if q.kind == "direct"]
    assert all(q.utterance is not None for q in direct)
    assert len({q.utterance for q in direct}) == 5
