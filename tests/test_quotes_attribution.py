"""Speaker attribution and quote kinds on short press-release passages."""

from natojp_tui.core.people import build_registry
from natojp_tui.core.quotes import extract_quotes
from natojp_tui.core.text.document import AnalysedArticle


def extract(*paragraphs):
    paragraphs = list(paragraphs)
    doc = AnalysedArticle.of(paragraphs)
    quotes = extract_quotes(doc, build_registry(doc))
    for q in quotes:
        assert paragraphs[q.paragraph][q.start : q.end] == q.text
    return quotes


INTRO = "NATO Secretary General Jens Stoltenberg met Foreign Minister Yoko Kamikawa in Tokyo."


def test_split_quote_is_two_quotes_of_one_utterance_with_the_same_speaker():
    qs = extract(INTRO, "“We are partners,” he said. “We will stay partners.”")
    assert [q.text for q in qs] == ["We are partners,", "We will stay partners."]
    assert {q.speaker for q in qs} == {"Jens Stoltenberg"}
    assert qs[0].utterance == qs[1].utterance


def test_multi_paragraph_quote_takes_the_speaker_named_at_its_end():
    qs = extract(INTRO, "“First.", "“Second,” said Minister Kamikawa.")
    assert [q.text for q in qs] == ["First.", "Second,"]
    assert {q.speaker for q in qs} == {"Yoko Kamikawa"} and qs[0].utterance == qs[1].utterance


def test_quote_only_paragraph_inherits_the_previous_speaker():
    qs = extract(INTRO, "“We agree,” Minister Kamikawa said.", "“Japan will help.”")
    assert qs[-1].text == "Japan will help." and qs[-1].speaker == "Yoko Kamikawa"


def test_dash_and_colon_attributions():
    qs = extract(
        INTRO,
        "“Stand firm.” — Secretary General Stoltenberg",
        "Minister Kamikawa said: “Japan stands with Ukraine.”",
    )
    assert [(q.text, q.speaker) for q in qs if q.kind == "direct"] == [
        ("Stand firm.", "Jens Stoltenberg"),
        ("Japan stands with Ukraine.", "Yoko Kamikawa"),
    ]


def test_from_the_chair_label_names_the_chair():
    qs = extract(
        "The consultations were chaired by Assistant Secretary General Boris Ruge.",
        "From the Chair:",
        "“Participants agreed on next steps.”",
    )
    assert qs[-1].speaker == "Boris Ruge" and qs[-1].cue == "the Chair"


def test_pronouns_resolve_to_the_nearest_compatible_speaker():
    qs = extract(
        "Ms. Yoko Kamikawa met Mr. Jens Stoltenberg.",
        "“Thank you,” she said. “You are welcome,” he replied.",
    )
    assert [(q.cue, q.speaker) for q in qs] == [
        ("she", "Yoko Kamikawa"),
        ("he", "Jens Stoltenberg"),
    ]


def test_role_cue_resolves_to_the_holder_of_the_role():
    qs = extract(INTRO, "“Japan matters,” the Secretary General said.")
    assert qs[0].speaker == "Jens Stoltenberg" and qs[0].role == "NATO Secretary General"


def test_partial_quote_takes_the_sentence_speaker_and_terms_are_not_quotes():
    qs = extract(
        INTRO,
        "Calling NATO and Japan “natural partners”, the Secretary General "
        "stressed the value of the drill “Iron Shield” for both.",
    )
    partial = [q for q in qs if q.kind == "partial"]
    assert [(q.text, q.speaker) for q in partial] == [("natural partners", "Jens Stoltenberg")]
    assert all(q.text != "Iron Shield" for q in qs)


def test_indirect_readout_verbs_and_coordinated_reports():
    qs = extract(
        INTRO,
        "Minister Kamikawa stated that the security of Europe and Asia is "
        "inseparable, and she expressed her hope that the visit would deepen ties.",
    )
    assert [(q.kind, q.text, q.speaker) for q in qs] == [
        ("indirect", "the security of Europe and Asia is inseparable", "Yoko Kamikawa"),
        ("indirect", "the visit would deepen ties", "Yoko Kamikawa"),
    ]


def test_according_to_and_joint_speakers():
    qs = extract(
        INTRO,
        "According to Minister Kamikawa, the talks were productive.",
        "The two leaders said that they would meet again next year.",
    )
    assert (qs[0].text, qs[0].speaker) == ("the talks were productive", "Yoko Kamikawa")
    assert qs[1].speaker == "Jens Stoltenberg and Yoko Kamikawa"
    assert qs[1].speaker_ids == ["jens-stoltenberg", "yoko-kamikawa"] and qs[1].speaker_id is None


def test_a_document_can_speak():
    qs = extract(
        "Japan and NATO adopted a Joint Statement.",
        "The Joint Statement says that cooperation on cyber defence will grow.",
    )
    assert (qs[0].speaker, qs[0].speaker_id) == ("Joint Statement", None)


def test_family_name_first_and_honorifics():
    qs = extract(
        "Foreign Minister KISHIDA Fumio met H.E. Mr. Jens STOLTENBERG.",
        "“We agree,” said Mr. Kishida. “So do we,” Mr Stoltenberg said.",
    )
    assert [q.speaker for q in qs] == ["Fumio Kishida", "Jens Stoltenberg"]


def test_unattributed_quote_has_no_speaker_rather_than_a_guess():
    qs = extract("The weather was fine.", "“Everything is ready for the summit,” a sign read.")
    assert qs and all(q.speaker is None for q in qs)
