"""Quote-mark scanning: marks, nesting, apostrophes, multi-paragraph and broken quotes."""

from natojp_tui.core.text.marks import find_quote_spans


def texts(paragraphs):
    return [paragraphs[s.paragraph][s.start : s.end] for s in find_quote_spans(paragraphs)]


def test_curly_straight_and_mixed_marks_each_make_one_quote():
    assert texts(['“Curly one,” he said. "Straight one," she said. “Mixed one," they said.']) == [
        "Curly one,",
        "Straight one,",
        "Mixed one,",
    ]


def test_nested_single_quotes_stay_inside_the_double_quote():
    assert texts(["“We call it a ‘new era’ and the allies’ plan fits,” he said."]) == [
        "We call it a ‘new era’ and the allies’ plan fits,"
    ]


def test_apostrophes_are_never_quote_marks():
    para = "Abe’s plan, Japan's role, the allies’ plan, rock ’n’ roll and the ’90s were discussed."
    assert texts([para]) == []


def test_guillemets_and_japanese_corner_brackets():
    assert texts(["«Bonjour,» he said. 「日本『入れ子』です」と述べた。"]) == [
        "Bonjour,",
        "日本『入れ子』です",
    ]


def test_a_quote_over_several_paragraphs_is_one_group_of_pieces():
    paras = ["“First part.", "“Second part.", "“Last part,” he said.", "After."]
    spans = find_quote_spans(paras)
    assert [(s.paragraph, paras[s.paragraph][s.start : s.end]) for s in spans] == [
        (0, "First part."),
        (1, "Second part."),
        (2, "Last part,"),
    ]
    assert len({s.group for s in spans}) == 1 and spans[0].group is not None
    assert [s.continues for s in spans] == [True, True, False]


def test_an_unclosed_quote_ends_with_its_paragraph_and_spares_the_next():
    paras = ["“We will stand together, said the minister.", "Then “ok” came."]
    spans = find_quote_spans(paras)
    assert spans[0].paragraph == 0 and not spans[0].closed
    assert paras[0][spans[0].start : spans[0].end] == "We will stand together, said the minister."
    assert [paras[s.paragraph][s.start : s.end] for s in spans[1:]] == ["ok"]


def test_a_stray_straight_quote_does_not_invert_the_rest():
    para = 'the "Iron Shield exercise. "We are ready," he said.'
    assert texts([para]) == ["We are ready,"]


def test_stray_closers_are_ignored():
    assert texts(["He said yes” and left. Then “fine” came."]) == ["fine"]


def test_top_level_single_quotes_are_marked_single():
    spans = find_quote_spans(["'We will help,' he said."])
    assert len(spans) == 1 and spans[0].single
