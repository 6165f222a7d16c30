"""Who said what in the language of real pages (issue 11): readouts, wire stories,
press releases. Each test states one general behaviour on a short invented text; the
real development set (``tests/data/real``) is where each failure was first seen."""

from __future__ import annotations

from datetime import date

from natojp_tui.core.model import Article, Paragraph, Quote
from natojp_tui.core.pipeline import extract


def _article(*paragraphs: str, title: str = "Test") -> Article:
    article = Article("t", title, [Paragraph(p) for p in paragraphs], date(2024, 5, 2))
    return extract(article)


def _quotes(*paragraphs: str, title: str = "Test") -> list[Quote]:
    return _article(*paragraphs, title=title).quotes


def _reported(*paragraphs: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in _quotes(*paragraphs) if q.kind == "indirect"]


def _marked(*paragraphs: str) -> list[tuple[str, str, str | None]]:
    return [(q.kind, q.text, q.speaker) for q in _quotes(*paragraphs) if q.kind != "indirect"]


LEAD = (
    "Prime Minister Aiko Tanabe of Japan held a meeting with Secretary General Lars "
    "Hovland of NATO in Tokyo."
)


# --- readouts: numbered paragraphs, joint subjects, commitments ---------------------


def test_a_numbered_readout_paragraph_opens_with_its_speaker() -> None:
    found = _reported(
        LEAD,
        "(2) Prime Minister Tanabe stated that, next year, Japan would open a training "
        "centre for partner officials.",
        "3. Secretary General Hovland stated that the partnership covers a wide range of areas.",
    )
    assert (
        "next year, Japan would open a training centre for partner officials",
        "Aiko Tanabe",
    ) in found
    assert ("the partnership covers a wide range of areas", "Lars Hovland") in found


def test_two_people_joined_by_and_speak_together() -> None:
    quotes = _quotes(
        LEAD,
        "Regarding the regional situation, Prime Minister Tanabe and the Secretary General "
        "shared the view that maritime security needs closer cooperation.",
    )
    joint = [q for q in quotes if q.kind == "indirect"]
    assert [q.text for q in joint] == ["maritime security needs closer cooperation"]
    assert joint[0].speaker == "Aiko Tanabe and Lars Hovland"
    assert len(joint[0].speaker_ids) == 2


def test_countries_agreeing_stand_for_the_officials_who_met() -> None:
    quotes = _quotes(
        "TOKYO - Japanese Foreign Minister Kenta Morioka met New Zealand Foreign Minister "
        "Grace Whitcombe on Monday.",
        "Japan and New Zealand on Monday agreed to expand joint patrols in the Pacific.",
    )
    (joint,) = [q for q in quotes if q.kind == "indirect"]
    assert joint.text == "to expand joint patrols in the Pacific"
    assert joint.speaker == "Kenta Morioka and Grace Whitcombe"


def test_agreed_reports_a_commitment_without_that_but_agreed_with_is_not_speech() -> None:
    found = _reported(
        LEAD,
        "The two leaders agreed to hold a strategic dialogue every year.",
        "They also agreed the two sides would meet again in the autumn.",
        "Prime Minister Tanabe agreed with the proposal of the Secretary General.",
    )
    texts = [t for t, _ in found]
    assert "to hold a strategic dialogue every year" in texts
    assert "the two sides would meet again in the autumn" in texts
    assert not any("proposal" in t for t in texts)


def test_they_after_two_people_are_named_is_both_of_them() -> None:
    quotes = _quotes(
        LEAD,
        "In addition, they shared the view that both sides would work together on space.",
    )
    (joint,) = [q for q in quotes if q.kind == "indirect"]
    assert joint.text == "both sides would work together on space"
    assert len(joint.speaker_ids) == 2


def test_shared_the_view_to_reports_without_that() -> None:
    found = _reported(
        LEAD,
        "The two leaders shared the view to continue to enhance cooperation in cyber defence.",
    )
    assert [t for t, _ in found] == ["to continue to enhance cooperation in cyber defence"]


def test_a_second_verb_after_and_takes_the_shared_subject_not_an_empty_clause() -> None:
    found = _reported(
        LEAD,
        "Prime Minister Tanabe and the Secretary General expressed concern and reaffirmed "
        "their opposition to any change of the status quo by force.",
    )
    assert [t for t, _ in found] == ["their opposition to any change of the status quo by force"]


# --- participles and stance verbs -----------------------------------------------------


def test_a_participle_reports_for_the_subject_of_its_sentence() -> None:
    found = _reported(
        LEAD,
        "Prime Minister Tanabe congratulated the Secretary General on his reappointment, "
        "along with noting that NATO is an indispensable partner and stating that she wants "
        "to work closely with him.",
        "Secretary General Hovland thanked Japan for its support to Ukraine, saying the "
        "alliance will not forget it.",
    )
    assert ("the Secretary General on his reappointment", "Aiko Tanabe") in found
    assert ("NATO is an indispensable partner", "Aiko Tanabe") in found
    assert ("Japan for its support to Ukraine", "Lars Hovland") in found
    assert ("the alliance will not forget it", "Lars Hovland") in found


def test_stance_verbs_are_kept_apart_from_claims_and_keep_their_verb() -> None:
    quotes = _quotes(
        LEAD,
        "Prime Minister Tanabe welcomed the Secretary General on his first visit to Japan.",
        "The Secretary General expressed his gratitude for Japan's hospitality and stated "
        "that the partnership has never been stronger.",
        "Prime Minister Tanabe welcomed that important announcement.",
    )
    got = {q.text: (q.verb, q.verb_class) for q in quotes if q.kind == "indirect"}
    assert got["the Secretary General on his first visit to Japan"] == ("welcomed", "stance")
    assert got["Japan's hospitality"] == ("expressed his gratitude", "stance")
    assert got["the partnership has never been stronger"] == ("stated", "speech")
    assert got["that important announcement"] == ("welcomed", "stance")


def test_attitude_verbs_need_the_attitude_they_name() -> None:
    found = _reported(
        LEAD,
        "Prime Minister Tanabe extended her appreciation to the alliance for its support.",
        "Prime Minister Tanabe voiced hope that the dialogue would continue.",
        "Prime Minister Tanabe offered a seat to the Secretary General at the table.",
    )
    texts = [t for t, _ in found]
    assert "the alliance for its support" in texts
    assert "the dialogue would continue" in texts
    assert not any("seat" in t for t in texts)


def test_the_source_of_a_whole_sentence_is_a_report_beside_the_reports_inside_it() -> None:
    found = _reported(
        "President Min-jun Cho spoke with Prime Minister Aiko Tanabe by telephone.",
        "During the call, Cho and Tanabe condemned the missile launches and agreed to respond "
        "firmly, the presidential office said.",
    )
    texts = [t for t, _ in found]
    assert "the missile launches" in texts
    assert "to respond firmly" in texts
    assert (
        "During the call, Cho and Tanabe condemned the missile launches and agreed to "
        "respond firmly" in texts
    )


def test_said_with_a_day_then_a_joint_subject_is_one_reported_clause() -> None:
    found = _reported(
        "President Min-jun Cho said Friday he and Prime Minister Aiko Tanabe agreed on the "
        "benefit of closer economic ties.",
    )
    assert found == [
        (
            "Friday he and Prime Minister Aiko Tanabe agreed on the benefit of closer economic ties",
            "Min-jun Cho",
        )
    ]


# --- names across sources -----------------------------------------------------------


def test_a_family_name_first_name_is_found_by_its_family_name() -> None:
    quotes = _quotes(
        "President Park Ji Hoon hosted the Secretary General in Seoul on Monday.",
        "Park thanked the alliance for its support, according to his office.",
        "“We will stand together,” Park said.",
    )
    assert {q.speaker for q in quotes if q.cue == "Park"} == {"Park Ji Hoon"}


def test_a_hyphenated_korean_given_name_marks_the_family_name_first() -> None:
    quotes = _quotes(
        "Foreign Minister Han Seo-yeon met her Japanese counterpart in Tokyo.",
        "“Our ties have never been closer,” Han said.",
    )
    assert [(q.text, q.speaker) for q in quotes if q.kind == "direct"] == [
        ("Our ties have never been closer,", "Han Seo-yeon")
    ]


def test_a_lowercase_role_with_its_portfolio_introduces_a_named_spokesperson() -> None:
    quotes = _quotes(
        "President Park Ji Hoon hosted the Secretary General in Seoul on Monday, according to "
        "senior presidential secretary for press affairs Lim Na-rae.",
        "“The talks were frank and useful,” Lim said.",
    )
    assert [q.speaker for q in quotes if q.kind == "direct"] == ["Lim Na-rae"]


def test_an_aide_to_the_president_is_not_the_president() -> None:
    quotes = _quotes(
        "President Park Ji Hoon met the Secretary General, Senior Secretary to the President "
        "for Public Relations Lim Na-rae said in a release.",
        "“Our cooperation will grow,” the president said.",
    )
    assert [q.speaker for q in quotes if q.kind == "direct"] == ["Park Ji Hoon"]


def test_he_after_an_opening_phrase_goes_to_the_new_subject() -> None:
    quotes = _quotes(
        "President Park Ji Hoon said “the visit is welcome” before the talks.",
        "During his meeting with the foreign minister, Secretary General Lars Hovland raised "
        "cyber defence. He said the two regions are “closely linked.”",
    )
    (linked,) = [q for q in quotes if q.text.startswith("closely linked")]
    assert linked.speaker == "Lars Hovland"


# --- real marks ---------------------------------------------------------------------


def test_a_quote_missing_its_opening_mark_runs_from_the_paragraph_start() -> None:
    marked = _marked(
        "Secretary General Lars Hovland spoke in Munich.",
        "We must work with every partner who shares our values,” the Secretary General said.",
    )
    assert marked == [
        ("direct", "We must work with every partner who shares our values,", "Lars Hovland")
    ]


def test_a_stray_closing_mark_without_an_attribution_is_not_a_quote() -> None:
    assert _marked("The plan was agreed” in the end by all ministers.") == []


def test_a_quote_left_open_after_saying_is_still_the_speakers() -> None:
    marked = _marked(
        "Secretary General Lars Hovland announced that he would visit Canberra, saying "
        '"both countries are making a real difference to our mission.',
    )
    assert marked == [
        ("direct", "both countries are making a real difference to our mission.", "Lars Hovland")
    ]


def test_a_quote_cut_by_the_end_of_an_excerpt_after_said_is_kept() -> None:
    marked = _marked(
        LEAD,
        "At the start of the press conference, Prime Minister Tanabe said, “Before our meeting "
        "we walked through the old garden. Within this pleasant setting we were able to",
    )
    assert marked and marked[0][2] == "Aiko Tanabe"
    assert marked[0][1].startswith("Before our meeting")


def test_a_phrase_quoted_by_a_speaker_set_off_by_an_aside_is_theirs() -> None:
    marked = _marked(
        "Foreign Minister Grace Whitcombe, who is also deputy prime minister, said her country "
        "will keep working for peace in “our part of the world.”",
    )
    assert marked == [("partial", "our part of the world.", "Grace Whitcombe")]


def test_a_phrase_a_speaker_is_said_to_use_through_who_is_theirs() -> None:
    marked = _marked(
        "“We cooperate in many fields,” said President Park Ji Hoon, who has often described "
        "the relationship as “neighbours sharing one garden.”",
    )
    assert ("partial", "neighbours sharing one garden.", "Park Ji Hoon") in marked


def test_a_phrase_quoted_in_a_sentence_a_person_opens_is_a_partial_quote() -> None:
    marked = _marked(
        "Secretary General Lars Hovland arrived in Seoul.",
        "At the talks, Hovland criticised the “reckless” missile programme of the North.",
    )
    assert marked == [("partial", "reckless", "Lars Hovland")]


def test_names_in_marks_are_terms_not_quotes() -> None:
    marked = _marked(
        LEAD,
        "The ministers will hold consultations (the Japan-NATO “2 plus 2” talks) soon.",
        "Prime Minister Tanabe described ties with New Zealand, which the two governments "
        "call a “strategic cooperative partnership,” as vital.",
        "The two leaders welcomed the “Individually Tailored Partnership Programme for "
        "Japan and NATO (ITPP) Open a New Window”.",
    )
    assert marked == []


def test_agreed_with_a_person_that_is_a_joint_report() -> None:
    quotes = _quotes(
        "Prime Minister Aiko Tanabe agreed with President Park Ji Hoon in a telephone call "
        "on Friday that the two countries would work together on energy.",
        "They also agreed to hold talks in person soon.",
    )
    reported = [q for q in quotes if q.kind == "indirect"]
    assert [q.text for q in reported] == [
        "the two countries would work together on energy",
        "to hold talks in person soon",
    ]
    assert all(len(q.speaker_ids) == 2 for q in reported)


def test_the_two_sides_are_the_two_people_who_met() -> None:
    (joint,) = [
        q
        for q in _quotes(LEAD, "The two sides agreed to work closely on information exchange.")
        if q.kind == "indirect"
    ]
    assert joint.speaker == "Aiko Tanabe and Lars Hovland"


def test_two_countries_agreeing_without_named_offices_are_the_two_people_named() -> None:
    quotes = _quotes(
        "Foreign Minister Kenta Morioka held talks with his counterpart, Minister Winston Harrow.",
        "Japan and New Zealand agreed Monday to keep patrolling the sea lanes together.",
    )
    (joint,) = [q for q in quotes if q.kind == "indirect"]
    assert len(joint.speaker_ids) == 2


def test_a_prepositional_phrase_of_content_is_not_skipped_to_a_later_that() -> None:
    found = _reported(
        LEAD,
        "Prime Minister Tanabe also agreed on the need to warn the regime that its tests "
        "come with consequences.",
    )
    assert [t for t, _ in found] == [
        "on the need to warn the regime that its tests come with consequences"
    ]


def test_a_korean_name_written_with_a_comma_is_one_person() -> None:
    quotes = _quotes(
        "Minister of Foreign Affairs Han, Seo-yeon had a meeting with Minister for Foreign "
        "Affairs Kenta Morioka.",
        "Minister Han explained recent developments on the peninsula.",
    )
    (report,) = [q for q in quotes if q.kind == "indirect"]
    assert sorted(report.speaker.split()) == ["Han", "Seo-yeon"]


# --- transcripts ----------------------------------------------------------------------


def _transcript(*turns: tuple[str, str], heading: str = "") -> Article:
    paragraphs = [Paragraph(heading, "heading")] if heading else []
    paragraphs += [Paragraph(text, kind) for kind, text in turns]  # type: ignore[arg-type]
    return extract(Article("t", "Doorstop interview", paragraphs, date(2024, 5, 2)))


def test_each_answer_is_a_turn_of_the_labels_person_and_a_question_is_nobodys() -> None:
    article = _transcript(
        ("turn", "JOURNALIST: Minister, what did you agree today?"),
        ("turn", "MARLES: We agreed to deepen our exercises."),
        ("turn", "And we will meet again in the spring."),
        heading="The Hon Daniel Marles MP",
    )
    turns = [(q.text, q.speaker) for q in article.quotes if q.kind == "turn"]
    assert turns == [
        ("We agreed to deepen our exercises.", "Daniel Marles"),
        ("And we will meet again in the spring.", "Daniel Marles"),
    ]
    (first, second) = [q for q in article.quotes if q.kind == "turn"]
    assert first.utterance == second.utterance


def test_a_label_with_a_role_or_in_capitals_names_a_person_of_the_text() -> None:
    article = _transcript(
        ("turn", "DEPUTY PRIME MINISTER, DANIEL MARLES: It is the largest exercise yet."),
        ("turn", "SECRETARY GENERAL HOVLAND: And NATO welcomes it."),
        ("turn", "MARLES: Thank you."),
    )
    assert [q.speaker for q in article.quotes if q.kind == "turn"] == [
        "Daniel Marles",
        "Hovland",
        "Daniel Marles",
    ]


def test_a_quote_without_a_cue_inside_a_turn_is_the_turn_speakers() -> None:
    article = _transcript(
        ("turn", "ALICE GRANT: Our message was clear. “We are ready to help.”"),
    )
    (marked,) = [q for q in article.quotes if q.kind == "direct"]
    assert marked.speaker == "Alice Grant"


def test_i_in_a_speech_is_the_speaker_the_title_names() -> None:
    article = extract(
        Article(
            "t",
            "Opening remarks by NATO Secretary General Lars Hovland at the Council",
            [Paragraph("That is why I called Japan and NATO “natural partners” last year.")],
        )
    )
    assert [(q.text, q.speaker) for q in article.quotes] == [("natural partners", "Lars Hovland")]


# --- documents, institutions, countries ---------------------------------------------


def test_a_joint_statement_reads_and_adds_under_its_name() -> None:
    marked = _marked(
        "The two leaders met on Monday, according to a joint statement.",
        '"The world is at a turning point," the joint statement read.',
        '"We stress the need for closer cooperation," the statement added.',
    )
    assert [s for _, _, s in marked] == ["Joint Statement", "Joint Statement"]


def test_an_institution_speaks_under_its_name_and_a_country_under_its_own() -> None:
    quotes = _quotes(
        "Prime Minister Aiko Tanabe will offer “solidarity and support,” Japan's foreign "
        "ministry said.",
        "The regime launched what North Korea called a “satellite” on Monday.",
    )
    speakers = {q.text: q.speaker for q in quotes if q.kind in ("direct", "partial")}
    assert speakers == {
        "solidarity and support,": "Japanese foreign ministry",
        "satellite": "North Korea",
    }


def test_a_spokesperson_without_a_name_keeps_the_role_and_no_speaker() -> None:
    (report,) = _reported_quotes(
        "Japan will send observers to the exercise, a spokesperson said on Friday."
    )
    assert (report.speaker, report.role) == (None, "spokesperson")


def _reported_quotes(*paragraphs: str) -> list[Quote]:
    return [q for q in _quotes(*paragraphs) if q.kind == "indirect"]


# --- names ------------------------------------------------------------------------------


def test_a_full_name_in_a_list_is_a_person_when_its_family_name_speaks_later() -> None:
    quotes = _quotes(
        "Foreign Minister Kenta Morioka and their Australian counterparts, Alice Grant and "
        "Daniel Marles, met in Tokyo.",
        "“We will keep working together,” Marles told reporters.",
    )
    assert [q.speaker for q in quotes if q.kind == "direct"] == ["Daniel Marles"]


def test_a_family_name_shared_with_a_glued_caption_goes_to_the_person_with_an_office() -> None:
    quotes = _quotes(
        "A photo shows Lars Hovland with Park Min Hovland at the talks.",
        "NATO Secretary-General Lars Hovland arrived in Seoul on Sunday.",
        "“The threats are global,” Hovland said.",
    )
    assert [q.speaker for q in quotes if q.kind == "direct"] == ["Lars Hovland"]


def test_a_headline_verb_never_makes_a_person() -> None:
    article = _article(
        "Prime Minister Aiko Tanabe met Secretary General Lars Hovland in Tokyo.",
        title="Tanabe, Hovland Agree to Deepen Ties",
    )
    assert sorted(p.name for p in article.people) == ["Aiko Tanabe", "Lars Hovland"]


def test_a_second_title_before_a_name_is_not_part_of_the_name() -> None:
    article = _article(
        "The Minister for Defence Senator Robert Hale met the Secretary General.",
        "“We share a great deal,” Senator Hale said.",
    )
    assert [q.speaker for q in article.quotes if q.kind == "direct"] == ["Robert Hale"]


# --- continuation and pronouns ------------------------------------------------------------


def test_a_quote_over_two_paragraphs_with_no_cue_is_the_previous_speakers() -> None:
    quotes = _quotes(
        LEAD,
        "“The agreement opens the door to more exercises,” Prime Minister Tanabe told reporters.",
        "“Much greater engagement in terms of activities.",
        "“Today's meeting put the meat on the bones of that.”",
    )
    assert {q.speaker for q in quotes if q.kind == "direct"} == {"Aiko Tanabe"}


def test_a_quote_only_paragraph_after_a_report_goes_on_with_its_speaker() -> None:
    quotes = _quotes(
        LEAD,
        "Tanabe also highlighted the new consultative body. She also voiced support for "
        "closer research ties.",
        "“I hope our two sides will cooperate more closely than any others.”",
    )
    assert [q.speaker for q in quotes if q.kind == "direct"] == ["Aiko Tanabe"]


def test_a_person_named_inside_a_quote_is_not_who_the_pronoun_after_it_is() -> None:
    quotes = _quotes(
        "Defence Minister Robert Hale met Minister Kenta Morioka in Canberra.",
        "“Based on my talks with Minister Morioka today, I am confident we are on track,” he said.",
    )
    assert [q.speaker for q in quotes if q.kind == "direct"] == ["Robert Hale"]


# --- cue and clause shapes --------------------------------------------------------------


def test_said_with_a_setting_before_the_quote_is_a_direct_quote() -> None:
    marked = _marked(
        LEAD,
        "Prime Minister Tanabe said in her opening remarks, “The two of us are close partners.”",
        "Tanabe told the visiting secretary general, “We need stronger ties.”",
    )
    assert marked == [
        ("direct", "The two of us are close partners.", "Aiko Tanabe"),
        ("direct", "We need stronger ties.", "Aiko Tanabe"),
    ]


def test_a_welcome_as_a_first_visit_and_a_list_with_as_well_as_stay_in_the_report() -> None:
    found = _reported(
        LEAD,
        "Prime Minister Tanabe welcomed the Secretary General's visit to Japan, as his first "
        "visit to the region since taking office.",
    )
    assert found == [
        (
            "the Secretary General's visit to Japan, as his first visit to the region since "
            "taking office",
            "Aiko Tanabe",
        )
    ]


def test_a_report_ends_where_the_subject_goes_on_to_do_something_else() -> None:
    found = _reported(
        LEAD,
        "The two leaders agreed to expand information sharing and discussed the situation in "
        "the region.",
        "Secretary General Hovland urged the partners to keep up the pressure, calling the "
        "tests “a global threat.”",
    )
    texts = [t for t, _ in found]
    assert "to expand information sharing" in texts
    assert "the partners to keep up the pressure" in texts


def test_a_hyphenated_abbreviation_does_not_end_the_sentence() -> None:
    found = _reported(
        LEAD,
        "Prime Minister Tanabe stated that the islands fall within the Japan-U.S. Security "
        "Treaty and that the alliance opposes any attempt to change that.",
    )
    assert len(found) == 1 and found[0][0].endswith("any attempt to change that")


def test_hosting_a_person_for_talks_is_not_a_report() -> None:
    assert (
        _reported("Secretary General Lars Hovland welcomed Minister Kenta Morioka for talks.") == []
    )


# --- third session: partial quotes after asides, single marks and "the pair" ---------


def test_a_partial_quote_after_a_speaker_with_an_aside_is_theirs() -> None:
    marked = _marked(
        "Foreign Minister Kenji Arakawa, in his first speech to the assembly, said that "
        "“the door is open” for talks on a new treaty.",
    )
    assert ("partial", "the door is open", "Kenji Arakawa") in marked


def test_a_quote_closed_by_a_single_mark_ends_the_words_before_its_speaker() -> None:
    marked = _marked(
        LEAD,
        "'We are ready to do more for the region,' Hovland said on Friday, calling the "
        "shortfall 'serious' and the delays 'intolerable'.",
    )
    assert ("partial", "serious", "Lars Hovland") in marked
    assert ("partial", "intolerable", "Lars Hovland") in marked


def test_the_pair_is_the_two_people_just_named() -> None:
    quotes = _quotes(
        "Defence Minister Ruth Calder met her counterpart Daichi Mori in Canberra, where "
        "the pair said they wanted a “deeper rhythm of exercises”.",
    )
    [q] = [q for q in quotes if q.text == "deeper rhythm of exercises"]
    assert q.speaker == "Ruth Calder and Daichi Mori"


def test_a_policy_name_in_marks_is_nobodys_quote_whatever_its_case() -> None:
    marked = _marked(
        LEAD,
        "The two leaders said they would work towards the realization of a "
        "“free and open Indo-Pacific”.",
        "Tanabe welcomed the “Individual Partnership and Cooperation Programme (IPCP)” too.",
    )
    assert not [m for m in marked if "Indo-Pacific" in m[1] or "Programme" in m[1]]


# --- third session: joint reports -------------------------------------------------------


def _reported_by(*paragraphs: str) -> list[tuple[str, str | None, int]]:
    return [
        (q.text, q.speaker, len(q.speaker_ids))
        for q in _quotes(*paragraphs)
        if q.kind == "indirect"
    ]


def test_met_with_a_counterpart_and_agreed_is_both_of_them() -> None:
    found = _reported_by(
        "On Tuesday, the second day of her visit, Foreign Minister Ruth Calder met with her "
        "Japanese counterpart Daichi Mori and agreed on the need for a fishing accord.",
    )
    assert ("on the need for a fishing accord", "Ruth Calder and Daichi Mori", 2) in found


def test_agreed_with_someone_and_their_title_to_do_something_is_both() -> None:
    found = _reported_by(
        LEAD,
        "Tanabe on Friday agreed with Lars Hovland, secretary general of the alliance, to "
        "work together on cyber defence.",
    )
    [(text, _, n)] = found
    assert text.startswith("to work together on cyber defence") and n == 2


def test_a_joint_subject_behind_a_bullet_or_a_lead_in_agrees_for_both() -> None:
    found = _reported_by(
        LEAD,
        "° The two leaders exchanged views on the region, and agreed to hold regular talks "
        "on maritime security.",
        "2. During the dinner that followed, both discussed energy, and agreed that supply "
        "chains must be kept open.",
    )
    assert [(t, n) for t, _, n in found] == [
        ("to hold regular talks on maritime security", 2),
        ("supply chains must be kept open", 2),
    ]


def test_words_cited_by_someone_are_the_cited_persons() -> None:
    marked = _marked(
        LEAD,
        "Secretary General Hovland praised Japan's support, quoting Prime Minister Tanabe's "
        "statement, “What happens in one region is felt in the other.”",
    )
    assert ("partial", "What happens in one region is felt in the other.", "Aiko Tanabe") in marked


def test_a_hyphenated_title_is_never_part_of_the_name() -> None:
    article = _article(
        "Secretary-General Hovland arrived in Tokyo on Monday.",
        '"We are close partners," Secretary-General Hovland said.',
    )
    assert [p.name for p in article.people] == ["Hovland"]
    assert [q.speaker for q in article.quotes] == ["Hovland"]


# --- excerpts and wire sourcing: a surname alone, a paper as source, "the ministry" ----------


def test_a_surname_alone_that_speaks_mid_clause_is_a_person() -> None:
    quotes = _marked(
        'After talks at the headquarters, Okabe said at a news conference, "Our ties rest '
        'on shared values."',
        '"We will deepen our cyber defence work," Lindqvist remarked.',
    )
    assert ("direct", "Our ties rest on shared values.", "Okabe") in quotes
    assert ("direct", "We will deepen our cyber defence work,", "Lindqvist") in quotes


def test_a_capitalised_word_opening_a_sentence_is_not_made_a_speaker() -> None:
    article = _article(
        'Officials said the talks would go on. "There is more to do," Tokyo said.',
    )
    assert [p.name for p in article.people] == []


def test_the_paper_a_quote_is_taken_from_is_not_its_speaker() -> None:
    quotes = _marked(
        'Prime Minister Ken Okabe said at a news conference, "We agreed on this today," '
        "according to the Daily Planet.",
    )
    assert quotes == [("direct", "We agreed on this today,", "Ken Okabe")]


def test_the_ministry_said_refers_back_to_the_ministry_named_before() -> None:
    quotes = _marked(
        "Seoul’s Foreign Ministry said the two ministers spoke by phone on Friday.",
        "Minister Mina Seo raised the export rules, it said.",
        "“The two ministers agreed to keep talking,” the ministry said.",
    )
    assert ("direct", "The two ministers agreed to keep talking,", "Korean Foreign Ministry") in (
        quotes
    )


def test_abbreviated_ranks_services_and_force_acronyms_are_not_names() -> None:
    article = _article(
        "Royal Netherlands Navy Admiral Pieter Vos visited the college on May 2. Admiral Vos "
        "met with Lt Gen Tajiri, JGSDF, Commandant of the Joint Staff College, and Vice Adm. "
        "Madono, JMSDF.",
    )
    names = sorted(p.name for p in article.people)
    assert names == ["Madono", "Pieter Vos", "Tajiri"]


def test_a_given_name_gen_is_still_a_name_without_a_rank_before_it() -> None:
    article = _article("Defense Minister Gen Nakatani said the talks went well.")
    assert [p.name for p in article.people] == ["Gen Nakatani"]


def test_an_office_of_an_institution_is_a_role_not_a_name() -> None:
    article = _article(
        "Prime Minister Aiko Tanabe met José Barros, President of the European Commission, "
        "in Brussels."
    )
    assert sorted(p.name for p in article.people) == ["Aiko Tanabe", "José Barros"]


# --- joint subjects in later paragraphs, demands -----------------------------------------


READOUT_LEAD = "Secretary of State Tom Hale met Foreign Minister Aiko Tanabe in Washington."


def test_they_two_paragraphs_on_are_still_the_two_who_met() -> None:
    found = _reported(
        READOUT_LEAD,
        "The ministers reviewed the alliance.",
        "They highlighted the many ways in which the two countries work together.",
    )
    assert (
        "the many ways in which the two countries work together",
        "Tom Hale and Aiko Tanabe",
    ) in (found)


def test_the_two_opening_a_sentence_speak_together() -> None:
    found = _reported(READOUT_LEAD, "The two reaffirmed the strength of the alliance.")
    assert found == [("the strength of the alliance", "Tom Hale and Aiko Tanabe")]


def test_the_two_inside_a_reported_clause_do_not_split_it() -> None:
    found = _reported(
        READOUT_LEAD,
        "Hale said he raised the missile launches with Tanabe and the two agreed to respond "
        "together.",
    )
    assert [speaker for _, speaker in found] == ["Tom Hale"]


def test_a_demand_is_reported_speech() -> None:
    found = _reported(READOUT_LEAD, "Tanabe demanded that Washington not raise its tariffs.")
    assert found == [("Washington not raise its tariffs", "Aiko Tanabe")]


def test_a_sentence_adverb_before_the_subject_is_not_the_speaker() -> None:
    found = _reported(
        "Prime Minister Ken Okabe met Secretary General Bill Anders.",
        "Finally, the Prime Minister hosted a banquet, and said that ties were strong.",
    )
    assert found == [("ties were strong", "Ken Okabe")]


def test_what_we_agreed_in_a_turn_is_the_speakers_and_the_one_they_met() -> None:
    article = _transcript(
        ("turn", "QUESTION: What did you agree with the Secretary General?"),
        (
            "turn",
            "MINISTER AIKO TANABE: In the meeting with Secretary General Lars Hovland, we agreed "
            "that our cooperation should grow.",
        ),
    )
    reports = [(q.text, q.speaker) for q in article.quotes if q.kind == "indirect"]
    assert reports == [("our cooperation should grow", "Aiko Tanabe and Lars Hovland")]


def test_we_outside_a_turn_or_with_nobody_named_reports_nothing() -> None:
    article = _transcript(
        ("turn", "MINISTER AIKO TANABE: Today we agreed that our cooperation should grow."),
    )
    assert [q for q in article.quotes if q.kind == "indirect"] == []
    assert _reported("We agreed that cooperation should grow.") == []


def test_a_capitals_ministry_speaking_is_not_a_person_named_after_the_capital() -> None:
    article = _article("The talks went well, Seoul’s Foreign Ministry said.")
    assert [p.name for p in article.people] == []


def test_what_someone_told_an_audience_is_the_clause_before_them() -> None:
    found = _reported(
        "Japan intends to work more closely with NATO, Foreign Minister Kenji Aoki told the "
        "alliance’s main governing body, the North Atlantic Council, meeting in Brussels.",
        "Aoki told lawmakers that the time for talks had come.",
    )
    assert found == [
        ("Japan intends to work more closely with NATO", "Kenji Aoki"),
        ("the time for talks had come", "Kenji Aoki"),
    ]


def test_a_label_with_the_speakers_role_in_brackets_opens_a_turn_of_that_person() -> None:
    article = _transcript(
        ("turn", "ERIK SOLBERG (NATO Spokesman): The two principals will speak briefly."),
        ("turn", "MAIKO TANABE (Foreign Minister of Japan): Thank you very much."),
        ("turn", "SOLBERG: Next question."),
    )
    assert [q.speaker for q in article.quotes if q.kind == "turn"] == [
        "Erik Solberg",
        "Maiko Tanabe",
        "Erik Solberg",
    ]
    first = next(q for q in article.quotes if q.kind == "turn")
    assert first.text == "The two principals will speak briefly."  # the role is not its words


# --- session 6: readout subjects, glued titles, sources behind a named speaker ---------


def test_they_opening_a_sentence_is_the_subject_of_its_second_verb() -> None:
    found = _reported(
        "Deputy Secretary Ruth Calder met Vice Minister Aiko Tanabe in Washington.",
        "They discussed the alliance and emphasized the importance of trilateral cooperation.",
    )
    assert ("the importance of trilateral cooperation", "Ruth Calder and Aiko Tanabe") in found


def test_shared_before_a_noun_is_an_adjective_that_does_not_cut_the_clause() -> None:
    found = _reported(
        "Deputy Secretary Ruth Calder met Vice Minister Aiko Tanabe in Washington.",
        "They highlighted the ways the partnership brings growth and shared prosperity to the "
        "region.",
    )
    assert [t for t, _ in found] == [
        "the ways the partnership brings growth and shared prosperity to the region"
    ]


def test_shared_their_concerns_reports_what_the_concerns_are_about() -> None:
    found = _reported(
        "Deputy Secretary Ruth Calder met Vice Minister Aiko Tanabe in Washington.",
        "The two officials shared their serious concerns over the missile launches.",
    )
    assert found == [("the missile launches", "Ruth Calder and Aiko Tanabe")]


def test_countries_counted_in_words_and_defence_chiefs_are_the_people_who_met() -> None:
    lead = "Defence Minister Aiko Tanabe met Defence Secretary Ruth Calder in Manila."
    assert _reported(lead, "The defence chiefs agreed to expand joint exercises.") == [
        ("to expand joint exercises", "Aiko Tanabe and Ruth Calder")
    ]
    texts = _reported(lead, "The two countries agreed to expand joint exercises.")
    assert texts == [("to expand joint exercises", "Aiko Tanabe and Ruth Calder")]


def test_welcoming_a_named_summit_is_a_stance_not_hosting_a_guest() -> None:
    found = _reported(
        "Defence Minister Aiko Tanabe met Defence Secretary Ruth Calder in Manila.",
        "The Ministers welcomed the Quad Leaders' Summit, held in Tokyo last month.",
    )
    assert (
        "the Quad Leaders' Summit, held in Tokyo last month",
        "Aiko Tanabe and Ruth Calder",
    ) in (found)
    assert _reported("Tanabe welcomed Secretary General Lars Hovland to Tokyo.") == []


def test_a_named_speakers_words_stay_theirs_when_a_ministry_is_the_source() -> None:
    found = _reported(
        LEAD,
        "Hovland expressed his gratitude for Japan's support and stressed that NATO values "
        "its partners, according to the Japanese foreign ministry.",
    )
    assert ("Japan's support", "Lars Hovland") in found
    assert ("NATO values its partners", "Lars Hovland") in found
    assert all(speaker == "Lars Hovland" for _, speaker in found)


def test_a_middle_initial_does_not_end_a_speakers_name() -> None:
    found = _reported(
        "Secretary of Defense Lloyd Q. Barnett III told Defense Minister Aiko Tanabe that the "
        "alliance is strong and pledged to make it even stronger.",
    )
    assert ("to make it even stronger", "Lloyd Q. Barnett III") in found


def test_a_title_glued_to_a_name_is_still_the_one_person() -> None:
    article = _article(
        "Foreign Minister Aiko Tanabe met NATO Secretary GeneralLars Hovland in New York.",
        "Foreign Minister Aiko Tanabe met NATO Secretary General Lars Hovland on Wednesday.",
        "In response, Hovland praised Japan's progress in many fields.",
    )
    assert [p.name for p in article.people] == ["Aiko Tanabe", "Lars Hovland"]
    assert [(q.text, q.speaker) for q in article.quotes if q.kind == "indirect"][-1] == (
        "Japan's progress in many fields",
        "Lars Hovland",
    )


def test_a_quote_below_a_sentence_ending_in_a_colon_is_that_sentences_speakers() -> None:
    found = _marked(
        LEAD,
        "On the partnership, the Secretary General stated that soldiers of both sides share "
        "one devotion:",
        '"We all serve a greater good: the protection of freedom."',
    )
    assert found == [
        ("direct", "We all serve a greater good: the protection of freedom.", "Lars Hovland")
    ]


def test_a_quote_that_opens_with_its_speakers_office_is_theirs() -> None:
    found = _marked(
        "Admiral Lars Hovland, Chair of the NATO Military Committee, attended the conference.",
        "The conference gathered thirty chiefs of defence. “As the first Chair of the NATO "
        "Military Committee to attend, it was a great honour to be included.”",
    )
    assert [speaker for _, _, speaker in found] == ["Lars Hovland"]


def test_a_city_before_an_ambassadors_title_is_no_person_and_the_name_after_is() -> None:
    article = _article(
        "Japan will open an office in Tokyo, Japan’s ambassador to the U.S. Koji Tamura said.",
        "“We are working on it,” he said.",
    )
    assert [p.name for p in article.people] == ["Koji Tamura"]
    assert [q.speaker for q in article.quotes if q.kind == "direct"] == ["Koji Tamura"]


def test_participating_ministers_and_a_congratulation_extended_are_reports() -> None:
    found = _reported(
        "Defence Minister Aiko Tanabe met Defence Secretary Ruth Calder in Manila.",
        "During the meeting, the participating ministers affirmed the view that the two "
        "regions are inseparable.",
        "Calder extended his congratulation to Minister Tanabe on her appointment.",
    )
    texts = [t for t, _ in found]
    assert "the two regions are inseparable" in texts
    assert ("to Minister Tanabe on her appointment", "Ruth Calder") in found


def test_a_quote_right_after_a_report_in_its_paragraph_is_the_reporters() -> None:
    found = _marked(
        LEAD,
        "Reflecting on the meeting, Hovland underscored the importance of the region for the "
        "Alliance. “NATO and its partners share a common goal.”",
        "Tanabe spoke of the talks. Hovland listened. “It was a good day.”",
    )
    assert found == [
        ("direct", "NATO and its partners share a common goal.", "Lars Hovland"),
        ("direct", "It was a good day.", None),
    ]


def test_an_acronym_the_story_defines_speaks_under_the_full_name() -> None:
    found = _marked(
        "Admiral Lars Hovland met Seoul's Joint Chiefs of Staff (JCS) Chairman General Park "
        "Min-su.",
        'Park underscored the efforts to "maintain world peace," the JCS said in a release.',
    )
    assert found == [("direct", "maintain world peace,", "Joint Chiefs of Staff")]


def test_inside_a_report_the_sides_agreeing_are_a_report_of_their_own() -> None:
    found = _reported(
        "Defence Minister Aiko Tanabe met Defence Secretary Ruth Calder in Manila.",
        "After the talks, Tanabe told reporters that the two sides agreed to connect their "
        "warning systems.",
    )
    assert [(text, set((speaker or "").split(" and "))) for text, speaker in found] == [
        ("the two sides agreed to connect their warning systems", {"Aiko Tanabe"}),
        ("to connect their warning systems", {"Aiko Tanabe", "Ruth Calder"}),
    ]


def test_a_group_counted_in_words_is_that_many_of_the_people_just_named() -> None:
    found = _reported(
        "Defence Minister Aiko Tanabe met Defence Secretary Ruth Calder and Minister Min-jun "
        "Cho in Singapore.",
        "After the talks, Tanabe told reporters that the three sides agreed to connect their "
        "warning systems.",
    )
    joint = [speaker for text, speaker in found if text == "to connect their warning systems"]
    assert [set((joint[0] or "").split(" and "))] == [{"Aiko Tanabe", "Ruth Calder", "Min-jun Cho"}]
