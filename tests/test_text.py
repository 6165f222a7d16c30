"""The analysed text: one sentence splitter and one quote-mark scanner for every stage."""

from natojp_tui.core.text.document import AnalysedArticle, AnalysedText
from natojp_tui.core.text.sentences import split_sentences


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


def test_abbreviations_initials_and_list_numbers_do_not_end_a_sentence():
    text = "1. Mr. J. Doe of the U.S. met Capt. Sato. Then he left."
    assert sentences(text) == ["1. Mr. J. Doe of the U.S. met Capt. Sato.", "Then he left."]


def test_a_clock_time_ends_a_sentence_only_before_an_ordinary_word():
    assert sentences("They met at 10 a.m. Japan time. He left at 11 a.m. The talks ended.") == [
        "They met at 10 a.m. Japan time.",
        "He left at 11 a.m.",
        "The talks ended.",
    ]


def test_attribution_and_events_read_the_same_sentence_ends():
    text = "At 10 a.m. Mr. Abe met Mr. Rutte. “We agreed,” he said. 2. They left."
    t = AnalysedText(text)
    for a, b in split_sentences(text):
        for pos in (a, (a + b) // 2):
            start, end = t.sentence_bounds(pos)
            assert start == a and text[end - 1] in ".”" and end >= b


def test_the_narrative_masks_every_quotation_but_quoted_names_and_unclosed_marks():
    doc = AnalysedArticle.of(
        [
            "Kishida said: 'We met twice' and left.",
            "He called the drill “Iron Shield” “a success we share”.",
            "“The first part,",
            "“and the second,” she said.",
            "“Unclosed, we met him. Then Abe met Rutte.",
        ]
    )
    masked = [t.masked for t in doc.body]
    assert masked[0] == "Kishida said: " + "~" * 14 + " and left."
    assert "“Iron Shield”" in masked[1] and "success" not in masked[1]
    assert masked[2] == "~" * len("“The first part,")  # a quote going on in the next paragraph
    assert masked[3].endswith(" she said.") and "second" not in masked[3]
    assert masked[4] == doc.body[4].text  # a mark that never closes hides nothing
    assert all(len(m) == len(t.text) for m, t in zip(masked, doc.body, strict=True))
