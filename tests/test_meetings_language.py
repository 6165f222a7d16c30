"""The language of real readouts and wire stories about meetings (found missing on the real
development set, ``tests/data/real``): each test states one general behaviour on a short
invented text."""

from __future__ import annotations

from datetime import date

from natojp_tui.core.model import Article, Event, Paragraph
from natojp_tui.core.pipeline import extract

THURSDAY = date(2031, 5, 15)  # a Thursday


def _events(*paragraphs: str, published: date | None = THURSDAY, title: str = "T") -> list[Event]:
    body = [Paragraph(p) for p in paragraphs]
    return extract(Article(id="t", title=title, paragraphs=body, published=published)).events


def _people(e: Event) -> set[str]:
    return {p.split()[-1] for p in e.participants}


def _kinds(events: list[Event]) -> list[tuple[str, frozenset[str]]]:
    return [(e.kind, frozenset(_people(e))) for e in events]


PAIR = frozenset({"Sakamoto", "Lindqvist"})


# --- meetings named inside another sentence ----------------------------------------------


def test_talks_named_in_a_quote_attribution_are_the_meeting_the_lead_told() -> None:
    events = _events(
        "Prime Minister Haruto Sakamoto and NATO Secretary General Maria Lindqvist affirmed on "
        "Thursday in Brussels that the partnership should grow.",
        "“We agreed on this today,” Sakamoto said at a joint news event after their talks at "
        "NATO headquarters.",
    )
    assert sorted(_kinds(events)) == [("meeting", PAIR), ("press_conference", PAIR)]
    meeting = next(e for e in events if e.kind == "meeting")
    assert meeting.date == THURSDAY
    assert meeting.place in ("Brussels", "NATO headquarters")


def test_a_first_meeting_since_an_earlier_year_is_still_this_meeting() -> None:
    events = _events(
        "Prime Minister Haruto Sakamoto and NATO Secretary General Maria Lindqvist spoke in "
        "Brussels on Thursday.",
        "In Sakamoto’s first meeting with Lindqvist since she took up her post in 2029, they "
        "both praised the partnership.",
    )
    assert _kinds(events) == [("meeting", PAIR)]
    assert not events[0].background and events[0].date == THURSDAY


def test_during_their_talks_gives_the_duration_and_place_of_the_meeting_just_told() -> None:
    events = _events(
        "Prime Minister Haruto Sakamoto and NATO Secretary General Maria Lindqvist on Monday "
        "agreed to deepen ties.",
        "During their 20-minute talks in Oslo, the two leaders shared their views on Ukraine.",
    )
    assert _kinds(events) == [("meeting", PAIR)]
    assert (events[0].date, events[0].duration, events[0].place) == (
        date(2031, 5, 12),
        20,
        "Oslo",
    )


def test_in_his_meeting_with_names_the_meeting() -> None:
    events = _events(
        "Foreign Minister Jonas Berg arrived in Tokyo on Tuesday.",
        "In his meeting with Prime Minister Haruto Sakamoto, Berg delivered a message from Oslo.",
    )
    assert _kinds(events) == [("meeting", frozenset({"Berg", "Sakamoto"}))]


# --- wire verbs of outcome ---------------------------------------------------------------


def test_two_people_who_agree_together_met() -> None:
    events = _events(
        "Prime Minister Haruto Sakamoto and Secretary General Maria Lindqvist pledged on "
        "Wednesday to expand maritime cooperation."
    )
    assert _kinds(events) == [("meeting", PAIR)]
    assert events[0].date == date(2031, 5, 14)


def test_agreeing_with_someone_by_telephone_is_a_call() -> None:
    events = _events(
        "Prime Minister Haruto Sakamoto agreed with President Min Ji-ho in a telephone "
        "conversation Friday morning that the two countries would work together."
    )
    assert len(events) == 1 and events[0].kind == "meeting"
    assert "Sakamoto" in _people(events[0]) and len(events[0].participants) == 2


def test_people_speaking_separately_did_not_meet() -> None:
    events = _events(
        "Prime Minister Haruto Sakamoto said on Monday that Japan would do more.",
        "Secretary General Maria Lindqvist agreed that the alliance must adapt.",
    )
    assert events == []


# --- attendance, press events ------------------------------------------------------------


def test_a_joint_news_conference_has_both_sides_of_the_talks() -> None:
    events = _events(
        "Prime Minister Haruto Sakamoto held talks with Secretary General Maria Lindqvist in "
        "Tokyo on Thursday.",
        "“This is a new chapter,” Lindqvist told a joint news conference after the talks.",
    )
    assert _kinds(events) == [("meeting", PAIR), ("press_conference", PAIR)]
    assert events[1].date == THURSDAY


def test_a_readout_joint_press_occasion_and_meeting_are_two_events() -> None:
    events = _events(
        "On May 15, Prime Minister Haruto Sakamoto, who is visiting Latvia to attend the NATO "
        "Summit, held a joint press occasion and meeting with Ms. Maria Lindqvist, Secretary "
        "General of NATO, from 8:35 a.m. local time for about 20 minutes."
    )
    kinds = sorted(_kinds(events))
    assert ("meeting", PAIR) in kinds and ("press_conference", PAIR) in kinds
    assert ("summit", frozenset({"Sakamoto"})) in kinds


def test_after_the_meeting_they_had_a_joint_press_occasion() -> None:
    events = _events(
        "On May 15, Prime Minister Haruto Sakamoto met Secretary General Maria Lindqvist.",
        "After the meeting, Prime Minister Sakamoto and Secretary General Lindqvist had a joint "
        "press occasion.",
    )
    assert _kinds(events) == [("meeting", PAIR), ("press_conference", PAIR)]
    assert events[1].date == THURSDAY


def test_present_perfect_in_a_news_lead_reports_the_meeting() -> None:
    events = _events(
        "Defence Minister Aiko Morimoto has met with Australian Defence Minister Liam Carver in "
        "Tokyo to discuss closer defence ties."
    )
    assert _kinds(events) == [("meeting", frozenset({"Morimoto", "Carver"}))]
    assert events[0].place == "Tokyo"


def test_having_met_many_times_is_no_event() -> None:
    assert _events("Prime Minister Haruto Sakamoto has met Maria Lindqvist several times.") == []


# --- past meetings, plans ----------------------------------------------------------------


def test_a_past_meeting_recalled_is_background_with_no_day() -> None:
    events = _events(
        "President Min Ji-ho met Secretary General Maria Lindqvist in Seoul on Monday.",
        "Min recalled his attendance at a NATO summit in Madrid last June.",
    )
    background = [e for e in events if e.background]
    assert len(background) == 1
    assert background[0].date is None and background[0].date_precision == "unknown"
    assert next(e for e in events if not e.background).date == date(2031, 5, 12)


def test_plans_and_cancelled_meetings_are_not_events() -> None:
    assert (
        _events(
            "Prime Minister Haruto Sakamoto will meet Maria Lindqvist next week.",
            "Talks between Sakamoto and Lindqvist planned for Friday were cancelled.",
        )
        == []
    )


# --- dates --------------------------------------------------------------------------------


def test_local_date_and_time_are_kept_beside_the_japan_time() -> None:
    [e] = _events(
        "On February 19, commencing at 5:00 p.m. (local time; February 20, 1:00 a.m. JST) for "
        "approximately 30 minutes, Mr. SAKAMOTO Haruto, Prime Minister of Japan, held a meeting "
        "with Ms. Maria Lindqvist, Secretary General of NATO.",
        published=date(2031, 2, 20),
    )
    assert (e.date, e.time, e.duration) == (date(2031, 2, 19), "17:00", 30)
    assert e.note and "01:00" in e.note


def test_a_text_without_a_year_gives_no_day() -> None:
    [e] = _events(
        "Prime Minister Haruto Sakamoto met Secretary General Maria Lindqvist in Tokyo on "
        "Tuesday, September 30.",
        published=None,
    )
    assert e.date is None and e.date_precision == "unknown"


# --- participants and summaries ------------------------------------------------------------


def test_groups_met_are_recorded_as_groups_not_participants() -> None:
    [e] = _events(
        "Secretary General Maria Lindqvist met representatives of the parliamentary parties in "
        "Stockholm on Thursday."
    )
    assert e.participants == ["Maria Lindqvist"]
    assert e.groups == ["representatives of the parliamentary parties"]


def test_honorifics_and_post_nominals_are_not_part_of_a_participant() -> None:
    [e] = _events(
        "On May 15, Prime Minister Haruto Sakamoto held a telephone talk with the Hon Grace "
        "Whitlam MP, Prime Minister of Australia."
    )
    assert set(e.participants) == {"Haruto Sakamoto", "Grace Whitlam"}


def test_a_summary_reads_at_a_glance() -> None:
    [e] = _events(
        "On May 15, commencing at 6:20 p.m. for approximately 25 minutes, Mr. SAKAMOTO Haruto, "
        "Prime Minister of Japan, held a meeting with H.E. Ms. Maria Lindqvist, Secretary General "
        "of NATO, in Tokyo."
    )
    assert e.summary.startswith("Sakamoto ↔ Lindqvist · meeting · 18:20 (25 min) · Tokyo")
    assert "H.E." not in e.summary


# --- transcripts and other fixed language -----------------------------------------------


def test_a_transcript_titled_as_a_press_event_is_that_event_with_its_speakers() -> None:
    body = [
        Paragraph("JOURNALIST: Minister, welcome to Oslo.", "turn"),
        Paragraph("LIAM CARVER, DEFENCE MINISTER: Thank you. It is good to be here.", "turn"),
    ]
    article = Article(
        id="t",
        title="Doorstop interview, Oslo",
        paragraphs=body,
        published=date(2031, 5, 15),
    )
    [e] = extract(article).events
    assert (e.kind, e.date, e.place) == ("press_conference", date(2031, 5, 15), "Oslo")
    assert [p.split()[-1] for p in e.participants] == ["Carver"]


def test_likely_meetings_and_decisions_to_begin_talks_are_not_events() -> None:
    assert (
        _events(
            "Secretary General Maria Lindqvist is also likely to hold a meeting with Prime "
            "Minister Haruto Sakamoto.",
            "Prime Minister Haruto Sakamoto said he had decided to begin consultations with "
            "the partners.",
        )
        == []
    )


def test_addressing_a_countrys_programme_is_no_address() -> None:
    assert (
        _events(
            "Secretary General Maria Lindqvist addressed North Korea's missile programme in "
            "her remarks."
        )
        == []
    )


def test_bare_names_that_meet_and_a_named_counterpart_are_people() -> None:
    events = _events(
        "Chinese Foreign Minister Lu Wen met Kenta Mori in Manila on Monday.",
        "Defence Minister Liam Carver was hosted by his Japanese counterpart Aiko Morimoto in "
        "Tokyo on Wednesday.",
    )
    assert _kinds(events) == [
        ("meeting", frozenset({"Wen", "Mori"})),
        ("meeting", frozenset({"Carver", "Morimoto"})),
    ]
    assert [e.groups for e in events] == [[], []]


def test_a_frame_opening_the_sentence_is_done_by_the_subject_after_its_comma() -> None:
    events = _events(
        "Secretary General Maria Lindqvist welcomed Prime Minister Haruto Sakamoto to NATO "
        "headquarters on Thursday.",
        "In a speech to ambassadors from the member states, Sakamoto said the partnership "
        "would grow.",
    )
    [speech] = [e for e in events if e.kind == "address"]
    assert speech.participants == ["Haruto Sakamoto"]
    assert speech.groups == ["ambassadors"]


def test_a_joint_news_conference_told_by_one_side_has_the_other_side_too() -> None:
    events = _events(
        "Prime Minister Haruto Sakamoto visited NATO headquarters on Thursday.",
        "“This is a new chapter,” Secretary General Maria Lindqvist told a joint news conference.",
    )
    [press] = [e for e in events if e.kind == "press_conference"]
    assert set(press.participants) == {"Maria Lindqvist", "Haruto Sakamoto"}


def test_a_family_first_name_is_referred_to_by_its_first_word() -> None:
    events = _events(
        "Foreign Minister Seo Min met Prime Minister Haruto Sakamoto in Tokyo on Tuesday.",
        "Seo also met Defence Minister Aiko Morimoto.",
    )
    assert [set(e.participants) for e in events] == [
        {"Seo Min", "Haruto Sakamoto"},
        {"Seo Min", "Aiko Morimoto"},
    ]


# --- real-text shapes of the lead sentence (second round) -----------------------------------


def test_a_day_between_the_host_and_the_verb_keeps_the_host_as_actor() -> None:
    events = _events(
        "President Min Ji-ho on Jan. 30 hosted talks with Secretary General Maria Lindqvist "
        "on maritime security."
    )
    assert [(e.kind, len(e.participants)) for e in events] == [("meeting", 2)]


def test_an_organisation_s_short_name_in_a_title_keeps_the_two_subjects_together() -> None:
    events = _events(
        "Prime Minister Haruto Sakamoto and Baltic Defence Organization (BDO) Secretary General "
        "Maria Lindqvist on Monday discussed ship building, the office said."
    )
    assert _kinds(events) == [("meeting", PAIR)]
    assert events[0].date == date(2031, 5, 12)


def test_a_two_plus_two_meeting_of_four_ministers_is_one_meeting() -> None:
    events = _events(
        "Foreign Minister Aiko Morimoto, Defence Minister Kenji Ueda, and their counterparts, "
        "Sara Holt and Liam Carver, held a 2+2 meeting in Tokyo on Friday."
    )
    meetings = [e for e in events if e.kind == "meeting"]
    assert len(meetings) == 1
    assert _people(meetings[0]) == {"Morimoto", "Ueda", "Holt", "Carver"}


def test_a_joint_news_conference_with_a_named_partner_has_just_those_two() -> None:
    events = _events(
        "Foreign Minister Aiko Morimoto, Defence Minister Kenji Ueda, and their counterparts, "
        "Sara Holt and Liam Carver, held a 2+2 meeting in Tokyo on Friday.",
        "“We will work together,” Carver told a joint news conference with Holt after the talks.",
    )
    [press] = [e for e in events if e.kind == "press_conference"]
    assert _people(press) == {"Carver", "Holt"}


def test_a_dinner_held_after_a_press_conference_is_a_meal_of_its_own() -> None:
    events = _events(
        "On May 15, commencing at 6:00 p.m., Prime Minister Haruto Sakamoto held a meeting with "
        "Secretary General Maria Lindqvist. Following a joint press conference after the "
        "meeting, a working dinner was held for about 60 minutes starting at 7:30 p.m."
    )
    [meal] = [e for e in events if e.kind == "meal"]
    assert _people(meal) == PAIR and meal.time == "19:30" and meal.date == THURSDAY


def test_talks_continued_over_lunch_are_a_meal() -> None:
    events = _events(
        "Prime Minister Haruto Sakamoto held talks with Secretary General Maria Lindqvist on "
        "Thursday.",
        "After the talks, the two leaders continued informal talks over lunch.",
    )
    assert _kinds(events) == [("meeting", PAIR), ("meal", PAIR)]


def test_a_summit_weeks_before_the_news_is_background() -> None:
    events = _events(
        "Prime Minister Haruto Sakamoto and President Min Ji-ho spoke by telephone on Thursday.",
        "The call came weeks after the two held their first summit in New York.",
    )
    current = [e for e in events if not e.background]
    past = [e for e in events if e.background]
    assert len(current) == 1 and current[0].date == THURSDAY
    assert len(past) == 1 and past[0].date is None
    assert len(past[0].participants) == 2


# --- the speaker's own words: speeches, press points, transcripts ---------------------------


def _spoken(
    title: str, *paragraphs: str, kind: str = "body", published: date | None = THURSDAY
) -> list[Event]:
    body = [Paragraph(p, "turn" if p[:9].isupper() else kind) for p in paragraphs]  # type: ignore[arg-type]
    article = Article(id="t", title=title, paragraphs=body, published=published)
    return extract(article).events


def test_a_transcript_turn_tells_the_meeting_its_speaker_had_today() -> None:
    events = _spoken(
        "Doorstop Interview, Oslo",
        "JONAS BERG, FOREIGN MINISTER: Well, today I was able to meet with Kenji Ueda, the "
        "Minister of Defence here in Norway.",
        "JOURNALIST: What did you discuss?",
        kind="turn",
    )
    [meeting] = [e for e in events if e.kind == "meeting"]
    assert _people(meeting) == {"Berg", "Ueda"} and meeting.date == THURSDAY


def test_a_speech_under_its_speaker_s_name_tells_meetings_signings_and_the_past() -> None:
    events = _spoken(
        "Joint press point by Secretary General Maria Lindqvist and Prime Minister Haruto Sakamoto",
        "Prime Minister Sakamoto, it is an honour to be with you in Tokyo. Only two months since "
        "we last met in Brussels.",
        "Today we discussed maritime security. And the programme we have just signed will guide "
        "our work.",
    )
    kinds = [(e.kind, frozenset(_people(e)), e.background, e.date) for e in events]
    assert ("press_conference", PAIR, False, THURSDAY) in kinds
    assert ("meeting", PAIR, True, None) in kinds  # "since we last met": no day
    assert ("meeting", PAIR, False, THURSDAY) in kinds
    assert ("signing", PAIR, False, THURSDAY) in kinds


def test_the_speaker_and_a_named_person_agreeing_met() -> None:
    events = _spoken(
        "Opening remarks by the Secretary General",
        "Secretary General Maria Lindqvist welcomed Prime Minister Haruto Sakamoto.",
        "Prime Minister Sakamoto and I agreed that the partnership must grow. We also agreed to "
        "meet again in the autumn.",
    )
    meetings = [e for e in events if e.kind == "meeting"]
    assert [frozenset(_people(e)) for e in meetings] == [PAIR]


def test_plans_and_hopes_in_a_speech_are_not_events() -> None:
    events = _spoken(
        "Remarks by Secretary General Maria Lindqvist",
        "Prime Minister Sakamoto, welcome. We will meet again in June, and I look forward to "
        "our meeting in Oslo. I hope we can sign the new programme soon.",
    )
    assert [e for e in events if e.kind in ("meeting", "signing")] == []


def test_my_meeting_with_him_names_the_meeting_but_not_its_day() -> None:
    events = _spoken(
        "Joint Press Conference",
        "JONAS BERG: Let me welcome Secretary General Maria Lindqvist. As I said to the Secretary "
        "General in my meeting with him, we have much in common.",
        kind="turn",
    )
    [meeting] = [e for e in events if e.kind == "meeting"]
    assert _people(meeting) == {"Berg", "Lindqvist"} and meeting.date is None


# --- clocks, tours, meals and past trips told around the meeting ----------------------------


def test_the_start_time_in_the_next_sentence_is_the_meeting_s_time() -> None:
    [meeting, meal] = _events(
        "On 15 May, Prime Minister Haruto Sakamoto had a meeting with Prime Minister Jonas Berg "
        "in Tokyo. The meeting started at 6pm and lasted for forty minutes. The meeting was "
        "followed by the dinner Prime Minister Sakamoto hosted for Prime Minister Berg, which "
        "lasted until 8:15pm."
    )
    assert (meeting.kind, meeting.time, meeting.duration) == ("meeting", "18:00", 40)
    assert meal.kind == "meal" and _people(meal) == {"Sakamoto", "Berg"}
    assert meal.date == THURSDAY and meal.time is None  # 8:15pm is when it ended


def test_arriving_for_the_summit_at_a_time_gives_the_summit_s_time() -> None:
    events = _events(
        "President Min Ji-ho and Prime Minister Haruto Sakamoto met in Tokyo on Thursday.",
        "Min arrived at Sakamoto's residence at around 5 p.m. for the summit.",
    )
    assert [(e.kind, e.time) for e in events] == [("meeting", "17:00")]


def test_a_walking_tour_with_guests_is_a_visit_of_all_of_them() -> None:
    events = _events(
        "On the morning of May 15, Prime Minister Haruto Sakamoto, together with President "
        "Jonas Berg and Mrs. Ingrid Berg, took a walking tour of the grounds of the Ginkaku "
        "Temple in Kyoto.",
        "Afterwards, Prime Minister Sakamoto held a meeting with President Berg.",
    )
    visit, meeting = events
    assert visit.kind == "visit" and {"Sakamoto", "Berg"} <= _people(visit)
    assert len(visit.participants) == 3 and visit.date == THURSDAY
    assert meeting.kind == "meeting" and meeting.date == THURSDAY


def test_saying_something_while_meeting_someone_is_a_meeting() -> None:
    events = _events(
        "The partnership matters to both sides, Foreign Minister Jonas Berg said while meeting "
        "with Defence Minister Aiko Morimoto, "
        "who recently took office."
    )
    assert _kinds(events) == [("meeting", frozenset({"Berg", "Morimoto"}))]


def test_meeting_on_the_sidelines_of_a_summit_means_both_attended_it() -> None:
    events = _events(
        "President Min Ji-ho met with Prime Minister Jonas Berg on Thursday.",
        "The two leaders met on the sidelines of a NATO summit here.",
    )
    summit = [e for e in events if e.kind == "summit"]
    assert len(summit) == 1 and _people(summit[0]) == {"Ji-ho", "Berg"} | _people(summit[0])
    assert len(summit[0].participants) == 2 and summit[0].date == THURSDAY


def test_the_two_sides_signing_with_nobody_told_before_are_the_sentence_s_people() -> None:
    events = _events(
        "During a visit by Prime Minister Haruto Sakamoto to NATO headquarters, the two sides "
        "signed a partnership programme, Secretary General Maria Lindqvist said."
    )
    [signing] = [e for e in events if e.kind == "signing"]
    assert _people(signing) == PAIR


def test_a_past_trip_to_a_country_is_background_without_a_day() -> None:
    events = _events(
        "Secretary General Maria Lindqvist met Prime Minister Haruto Sakamoto on Thursday.",
        "Last year, Ms. Lindqvist visited New Zealand, the first such visit.",
        "Sakamoto arrived in Brussels after a visit to Poland.",
    )
    past = [(e.kind, frozenset(_people(e))) for e in events if e.background]
    assert ("visit", frozenset({"Lindqvist"})) in past
    assert ("visit", frozenset({"Sakamoto"})) in past
    assert all(e.date is None for e in events if e.background)


def test_a_trip_earlier_this_month_during_which_two_leaders_spoke_is_their_past_visit() -> None:
    events = _events(
        "Today's meeting follows Prime Minister Liam Carver's visit to Japan earlier this month, "
        "during which he and Prime Minister Haruto Sakamoto announced closer ties."
    )
    [visit] = [e for e in events if e.kind == "visit"]
    assert visit.background and _people(visit) == {"Carver", "Sakamoto"}


# --- who: fronted phrases, pronoun partners, two sites, countries taken for names -----------


def test_the_subject_after_a_fronted_clause_is_the_actor() -> None:
    events = _events(
        "While in Western Norway, Minister Jonas Berg also visited HMNoS Haakon and Haakonsvern "
        "Naval Base to see the search effort."
    )
    visits = [e for e in events if e.kind == "visit"]
    assert [(_people(e), e.place) for e in visits] == [
        ({"Berg"}, "HMNoS Haakon"),
        ({"Berg"}, "Haakonsvern Naval Base"),
    ]


def test_his_meeting_in_a_fronted_phrase_is_the_meeting_of_the_subject_after_it() -> None:
    events = _events(
        "Foreign Minister Jonas Berg paid a courtesy call on Prime Minister Haruto Sakamoto on "
        "Thursday.",
        "Before his meeting with Sakamoto, Berg visited a memorial set up at the party "
        "headquarters.",
    )
    assert all("Berg" in _people(e) for e in events)
    assert [e.kind for e in events] == ["courtesy_call", "visit"]


def test_their_talks_in_a_fronted_phrase_are_the_talks_of_the_subject_and_companion() -> None:
    events = _events(
        "During their talks in Oslo, Foreign Minister Aiko Morimoto, together with her "
        "Norwegian counterpart, Jonas Berg, said the two countries had renewed their pledge."
    )
    assert _kinds(events) == [("meeting", frozenset({"Morimoto", "Berg"}))]


def test_a_signing_told_again_with_the_partner_is_one_signing_and_a_meeting_named_apart() -> None:
    events = _events(
        "Secretary General Maria Lindqvist signed the new partnership agreement with Norway in "
        "Brussels on Monday.",
        "“We are close partners,” Lindqvist said as she and Norwegian Prime Minister Jonas Berg "
        "signed the agreement.",
        "Prior to her meeting with Berg, Lindqvist announced a visit to Japan.",
    )
    assert sorted(_kinds(events)) == [
        ("meeting", frozenset({"Lindqvist", "Berg"})),
        ("signing", frozenset({"Lindqvist", "Berg"})),
    ]
    assert all(e.date == date(2031, 5, 12) for e in events)


# --- readouts in Japanese ---------------------------------------------------------------------

MONDAY_2023 = date(2023, 5, 15)  # a Monday, while Fumio Kishida was prime minister


def _ja(*paragraphs: str) -> list[Event]:
    return _events(*paragraphs, published=MONDAY_2023)


def test_a_japanese_readout_s_talks_and_dinner_are_two_events_of_its_clause() -> None:
    events = _ja(
        "本12日午後3時10分から約40分間、岸田文雄内閣総理大臣は、訪日中のマルク・ルッテNATO"
        "事務総長と会談及び夕食会を行いました。"
    )
    assert [(e.kind, frozenset(_people(e))) for e in events] == [
        ("meeting", frozenset({"Kishida", "Rutte"})),
        ("meal", frozenset({"Kishida", "Rutte"})),
    ]
    assert (events[0].date, events[0].time, events[0].duration) == (date(2023, 5, 12), "15:10", 40)
    assert events[1].date == date(2023, 5, 12) and events[1].time is None


def test_japanese_plans_are_not_events() -> None:
    assert (
        _ja(
            "岸田総理とマルク・ルッテ事務総長は、来月、会談を行う予定です。",
            "両首脳は、首脳会談を行うことで一致しました。",
        )
        == []
    )


def test_both_leaders_and_the_bare_prime_minister_are_the_readout_s_two_sides() -> None:
    events = _ja(
        "栄誉礼に続き、両首脳は会談を行いました。",
        "その後、総理は共同記者発表を行い、アンソニー・アルバニージー首相の訪日を歓迎しました。",
    )
    pair = frozenset({"Kishida", "Albanese"})
    assert [(e.kind, frozenset(_people(e))) for e in events] == [
        ("ceremony", pair),
        ("meeting", pair),
        ("press_conference", pair),
    ]
    assert all(e.date == MONDAY_2023 for e in events)  # the readout's date


def test_a_japanese_local_time_is_kept_and_the_japan_time_noted() -> None:
    [e] = _ja(
        "現地時間5月14日午後6時(日本時間15日午前7時)から約20分間、上川陽子外務大臣は、"
        "マルク・ルッテ事務総長と懇談を実施しました。"
    )
    assert (e.date, e.time, e.duration) == (date(2023, 5, 14), "18:00", 20)
    assert e.note is not None and "07:00" in e.note


def test_a_past_summit_and_a_past_visit_in_japanese_are_background() -> None:
    events = _ja(
        "上川陽子外務大臣は、マルク・ルッテ事務総長と懇談を実施しました。",
        "上川大臣から、本年4月のNATO首脳会合以来の再会を歓迎し、3月のルッテ事務総長の訪日に謝意を"
        "述べました。",
    )
    past = [(e.kind, frozenset(_people(e))) for e in events if e.background]
    assert past == [("summit", frozenset({"Kamikawa", "Rutte"})), ("visit", frozenset({"Rutte"}))]
    assert all(e.date is None for e in events if e.background)


# --- attendance, welcomes, group members, photo-caption days ---------------------------------


def test_words_exchanged_with_leaders_including_named_ones_are_one_encounter() -> None:
    events = _events(
        "Prime Minister Haruto Sakamoto also exchanged words with leaders of over 20 countries "
        "including President Jonas Berg of Norway and Secretary General Maria Lindqvist."
    )
    [e] = events
    assert _people(e) == {"Sakamoto", "Berg", "Lindqvist"}


def test_taking_part_in_a_ceremony_that_took_place_on_a_day_is_a_ceremony_then() -> None:
    events = _events(
        "Prime Minister Haruto Sakamoto visited Norway to take part in the ceremony of the "
        "anniversary of the treaty which took place on May 14 from 9:30 am to 2:00 pm."
    )
    [e] = [e for e in events if e.kind == "ceremony"]
    assert _people(e) == {"Sakamoto"} and (e.date, e.time) == (date(2031, 5, 14), "09:30")


def test_a_summit_named_with_its_partner_is_not_attended_twice() -> None:
    events = _events(
        "President Min Ji-ho and Prime Minister Haruto Sakamoto met in person at the summit.",
        "Instead, they participated in a trilateral summit with President Jonas Berg.",
    )
    assert not [e for e in events if e.kind == "summit" and len(e.participants) == 1]


def test_welcoming_the_addressee_here_in_a_speech_is_their_meeting() -> None:
    events = _spoken(
        "Opening statement by Secretary General Maria Lindqvist",
        "Prime Minister Sakamoto, it gives me great pleasure to welcome you here today. At our "
        "Summit in Madrid, Allies took a historic decision.",
    )
    kinds = [(e.kind, frozenset(_people(e)), e.background) for e in events]
    assert ("meeting", PAIR, False) in kinds
    assert ("summit", frozenset({"Lindqvist"}), True) in kinds  # the organisation's summit


def test_what_a_speaker_intends_is_no_event() -> None:
    events = _spoken(
        "Remarks by Secretary General Maria Lindqvist",
        "Prime Minister Sakamoto, thank you. It is a concept which we intend to adopt at our "
        "Summit in Lisbon in November.",
    )
    assert [e for e in events if e.kind == "summit"] == []


def test_a_photo_caption_s_full_date_dates_an_undated_article() -> None:
    events = _spoken(
        "Strategic partners meet",
        "Prime Minister Haruto Sakamoto shaking hands with Secretary General Maria Lindqvist, "
        "Oct. 4, 2030.",
        "LINDQVIST: This morning the Prime Minister and I also discussed the new concept.",
        published=None,
    )
    [meeting] = [e for e in events if e.kind == "meeting"]
    assert meeting.date == date(2030, 10, 4)


def test_a_journalist_saying_you_had_time_with_people_today_tells_the_interviewee_s_meetings() -> (
    None
):
    events = _spoken(
        "Television Interview, Oslo",
        "JONAS BERG, FOREIGN MINISTER: It was a good day for the alliance.",
        "JOURNALIST: You had time with the Nordic Five and time with President Liam Carver today. "
        "What did you talk about?",
        "BERG: We talked about shipbuilding.",
    )
    meetings = sorted((tuple(sorted(_people(e))), tuple(e.groups), e.date) for e in events)
    assert (("Berg",), ("Nordic Five",), THURSDAY) in meetings
    assert (("Berg", "Carver"), (), THURSDAY) in meetings


def test_a_role_followed_by_honorifics_and_a_name_is_that_person() -> None:
    events = _events(
        "Minister for Defence Senator Liam Carver and the Japanese Minister of Defense His "
        "Excellency Mr Kenji Ueda met today in Perth for their first official meeting.",
        "Minister Ueda also thanked Senator Carver.",
    )
    [meeting] = [e for e in events if e.kind == "meeting"]
    assert _people(meeting) == {"Carver", "Ueda"}


def test_officials_who_attended_the_series_of_events_were_at_the_meeting_and_the_dinner() -> None:
    events = _events(
        "On May 15, commencing at 6:10 p.m., Prime Minister Haruto Sakamoto held a meeting with "
        "Secretary General Maria Lindqvist. A working dinner was held starting at 7:15 p.m. Mr. "
        "Kenji Ueda, Minister for Foreign Affairs attended the series of events.",
        "Secretary General Lindqvist said she was pleased to have this meeting with Prime "
        "Minister Sakamoto.",
    )
    meetings = [e for e in events if e.kind in ("meeting", "meal")]
    assert [(e.kind, _people(e)) for e in meetings] == [
        ("meeting", {"Sakamoto", "Lindqvist", "Ueda"}),
        ("meal", {"Sakamoto", "Lindqvist", "Ueda"}),
    ]


def test_a_meeting_and_dinner_with_someone_are_two_events() -> None:
    events = _events(
        "On May 15, Foreign Minister Aiko Morimoto held a meeting and dinner with Secretary "
        "General Maria Lindqvist."
    )
    assert sorted(_kinds(events)) == [
        ("meal", frozenset({"Morimoto", "Lindqvist"})),
        ("meeting", frozenset({"Morimoto", "Lindqvist"})),
    ]


def test_speaking_with_someone_today_and_the_pleasure_to_meet_them_are_meetings() -> None:
    events = _events(
        "Secretary of State Liam Carver spoke today with Foreign Minister Aiko Morimoto.",
        "Foreign Minister Kenji Ueda expressed his pleasure to meet Secretary General Maria "
        "Lindqvist in Brussels.",
    )
    assert _kinds(events) == [
        ("meeting", frozenset({"Carver", "Morimoto"})),
        ("meeting", frozenset({"Ueda", "Lindqvist"})),
    ]


def test_the_first_leader_to_attend_a_summit_is_the_one_who_attended() -> None:
    events = _events(
        "Secretary General Maria Lindqvist thanked Prime Minister Haruto Sakamoto for becoming "
        "the first prime minister to attend a NATO summit."
    )
    assert [(e.kind, _people(e)) for e in events if e.kind == "summit"] == [
        ("summit", {"Sakamoto"})
    ]


def test_a_japanese_readout_s_held_and_together_and_officials_present_throughout() -> None:
    events = _ja(
        "5月12日、午後6時10分から約45分間、岸田文雄内閣総理大臣は、マルク・ルッテNATO事務総長との間で"
        "会談を行うとともに、会談後の共同記者発表に続いて、午後7時15分から約85分間、夕食会を行いました。"
        "一連の行事には、上川陽子外務大臣が同席しました。"
    )
    kinds = [(e.kind, frozenset(_people(e))) for e in events]
    three = frozenset({"Kishida", "Rutte", "Kamikawa"})
    assert ("meeting", three) in kinds and ("meal", three) in kinds
    assert any(k == "press_conference" for k, _ in kinds)


def test_the_day_a_wire_lead_gives_dates_the_talks_told_after_it() -> None:
    events = _events(
        "Norway and the alliance agreed Tuesday in Brussels to work more closely.",
        "After their talks at the headquarters, Prime Minister Jonas Berg and Secretary General "
        "Maria Lindqvist signed a roadmap.",
    )
    assert events and all(e.date == date(2031, 5, 13) for e in events)


def test_a_past_engagement_just_recalled_does_not_take_the_lead_s_day() -> None:
    events = _events(
        "Norway and the alliance agreed Tuesday in Brussels to work more closely.",
        "Prime Minister Jonas Berg and President Min Ji-ho met at a summit last month. Instead, "
        "they took part in a trilateral meeting with Secretary General Maria Lindqvist.",
        "Berg signed the declaration during his previous visit to Seoul.",
    )
    assert all(e.date is None for e in events)


def test_on_a_visit_of_several_days_the_lead_s_day_dates_nothing_else() -> None:
    events = _events(
        "Secretary General Maria Lindqvist urged more pressure on Tuesday.",
        "Lindqvist, on a two-day visit to Japan, met Prime Minister Haruto Sakamoto on Tuesday.",
        "Lindqvist also held talks with Defence Minister Kenji Ueda.",
    )
    [talks] = [e for e in events if "Ueda" in _people(e)]
    assert talks.date is None


# --- press conferences and the news day --------------------------------------------------


def test_a_press_conference_in_a_city_with_someone_is_their_press_conference() -> None:
    events = _events(
        "Speaking at a press conference in Brussels with Prime Minister Haruto Sakamoto, NATO "
        "Secretary General Maria Lindqvist said no partner is closer.",
    )
    assert _kinds(events) == [("press_conference", PAIR)]
    assert events[0].place == "Brussels"


def test_the_day_a_lead_tells_a_hope_on_is_the_news_day_of_the_story() -> None:
    events = _events(
        "SEOUL, May 15 (Yonhap) -- Foreign Minister Min-jun Seo expressed hope Thursday for an "
        "early meeting with his Japanese counterpart.",
        "“I hope for early talks,” he told a press conference.",
    )
    assert _kinds(events) == [("press_conference", frozenset({"Seo"}))]
    assert events[0].date == THURSDAY


def test_a_caption_credited_in_capitals_dates_a_story_without_a_date_line() -> None:
    events = _events(
        "Prime Minister Haruto Sakamoto and NATO Secretary General Maria Lindqvist shake hands "
        "in Brussels, Belgium May 15, 2031. (REUTERS)",
        "Lindqvist on Thursday welcomed Japan's plan to open a mission to NATO.",
        "Speaking at a press conference in Brussels with Sakamoto, Lindqvist said no partner is "
        "closer.",
        published=None,
    )
    press = [e for e in events if e.kind == "press_conference"]
    assert [e.date for e in press] == [THURSDAY]


def test_telling_the_council_is_an_address_by_the_speaker_named_after_a_comma() -> None:
    events = _events(
        "Japan will work more closely with NATO, Foreign Minister Kenji Aoki told the "
        "alliance’s main governing body, the North Atlantic Council, meeting in Brussels on "
        "May 15.",
    )
    assert [(e.kind, e.participants, e.groups) for e in events] == [
        ("address", ["Kenji Aoki"], ["North Atlantic Council"])
    ]
    assert events[0].date == THURSDAY


def test_telling_reporters_is_not_an_address() -> None:
    assert _events("Foreign Minister Kenji Aoki told reporters the talks went well.") == []


def test_saying_something_at_a_news_conference_is_the_speakers_news_conference() -> None:
    events = _events(
        "After speaking with NATO Secretary General Maria Lindqvist at NATO headquarters on "
        "Thursday, Prime Minister Haruto Sakamoto said at a news conference that ties would grow.",
    )
    assert ("meeting", PAIR) in _kinds(events)
    assert ("press_conference", frozenset({"Sakamoto"})) in _kinds(events)


def test_saying_something_at_a_meeting_does_not_make_one() -> None:
    events = _events("Prime Minister Haruto Sakamoto said at the meeting that ties would grow.")
    assert events == []


def test_saying_something_in_a_speech_or_at_an_event_is_an_address() -> None:
    events = _events(
        "On the second day of the summit in Vilnius, Prime Minister Haruto Sakamoto said in his "
        "speech that Japan would send a detection system.",
        "“We must produce more,” NATO Secretary General Maria Lindqvist warned Thursday during "
        "an event at a university in Tokyo.",
    )
    assert [(e.kind, e.participants) for e in events] == [
        ("address", ["Haruto Sakamoto"]),
        ("address", ["Maria Lindqvist"]),
    ]
    assert events[1].date == THURSDAY


def test_a_story_without_a_date_line_reads_its_weekdays_against_the_day_its_lead_names() -> None:
    events = _events(
        "NATO Secretary General Maria Lindqvist met Prime Minister Haruto Sakamoto in Tokyo on "
        "Thursday (15 May 2031) for talks.",
        "Earlier on Thursday, the Secretary General visited an air base and met with its staff.",
        published=None,
    )
    visit = next(e for e in events if e.kind == "visit")
    assert visit.date == THURSDAY
    assert not visit.summary.endswith(" and")
    assert "visited an air base" in visit.summary


def test_a_lead_date_without_its_weekday_gives_no_day_to_other_weekdays() -> None:
    events = _events(
        "The partnership was agreed on 15 May 2031 in Tokyo.",
        "On Tuesday, the Secretary General Maria Lindqvist visited an air base.",
        published=None,
    )
    assert all(e.date is None for e in events if e.kind == "visit")


def test_a_readouts_programme_tells_ceremony_exchange_press_announcement_and_lunch() -> None:
    events = _events(
        "Prime Minister Haruto Sakamoto met Prime Minister Ben Anders at the Prime Minister’s "
        "Office on Thursday.",
        "The two leaders attended a salute and guard of honor ceremony, followed by a summit "
        "meeting.",
        "Thereafter, the leaders held an exchange of documents and a joint press announcement.",
        "After the meeting, the two leaders shared a working lunch.",
    )
    both = frozenset({"Sakamoto", "Anders"})
    kinds = _kinds(events)
    for kind in ("meeting", "ceremony", "signing", "press_conference", "meal"):
        assert (kind, both) in kinds, kind
    assert all(e.date == THURSDAY for e in events)


def test_sharing_a_view_is_not_an_event() -> None:
    assert _events("Prime Minister Haruto Sakamoto shared the view that ties matter.") == []


def test_a_visit_by_someone_to_nato_headquarters_is_a_visit_hosted_by_natos_official() -> None:
    events = _events(
        "During a visit by Prime Minister Haruto Sakamoto to NATO headquarters on Thursday, the "
        "two sides signed a partnership programme, NATO Secretary General Maria Lindqvist said.",
    )
    visits = [e for e in events if e.kind == "visit"]
    assert [(frozenset(_people(e)), e.place, e.date) for e in visits] == [
        (PAIR, "NATO headquarters", THURSDAY)
    ]


def test_a_planned_or_past_visit_to_a_site_is_not_todays_visit() -> None:
    events = _events(
        "Prime Minister Haruto Sakamoto's visit to the air base is planned for next week.",
        "Sakamoto's visit to the museum in 2019 was his first.",
    )
    assert [e for e in events if e.kind == "visit" and not e.background] == []


# --- past meetings told in passing -------------------------------------------------------


def test_last_met_and_previously_met_are_past_meetings_without_a_day() -> None:
    events = _events(
        "Prime Minister Haruto Sakamoto met NATO Secretary General Maria Lindqvist in Tokyo on "
        "Thursday.",
        "The two leaders last met on the sidelines of the NATO summit in Washington in July.",
        "Sakamoto previously visited NATO headquarters in Brussels.",
    )
    today = [e for e in events if not e.background]
    past = [e for e in events if e.background]
    assert _kinds(today) == [("meeting", PAIR)] and today[0].date == THURSDAY
    assert ("meeting", PAIR) in _kinds(past) and ("summit", PAIR) in _kinds(past)
    assert all(e.date is None for e in past)


def test_a_former_office_holder_is_the_person_named_not_todays_holder() -> None:
    events = _events(
        "Prime Minister Haruto Sakamoto met NATO Secretary General Maria Lindqvist in Tokyo on "
        "Thursday.",
        "Former Japanese Prime Minister Kenji Aoki last visited NATO headquarters in 2029.",
    )
    past = [e for e in events if e.background]
    assert [e.participants[:1] for e in past] == [["Kenji Aoki"]]


def test_a_joint_press_conference_transcript_is_the_speakers_and_those_they_welcome() -> None:
    events = _events(
        "Ben Anders MP, Deputy Prime Minister: Welcome, everyone. I am honoured to have "
        "Minister Haruto Sakamoto here today.",
        title="Joint press conference, Australia-Japan 2+2",
    )
    press = [e for e in events if e.kind == "press_conference"]
    assert [sorted(e.participants) for e in press] == [["Ben Anders", "Haruto Sakamoto"]]


def test_a_would_elsewhere_in_the_sentence_does_not_undate_the_news_days_meeting() -> None:
    events = _events(
        "Foreign Minister Min-jun Seo on Thursday urged Japan to act.",
        "The stalemate would not benefit either side, Seo said while meeting with Foreign "
        "Minister Haruto Sakamoto, who has recently taken office.",
    )
    meetings = [e for e in events if e.kind == "meeting"]
    assert [(frozenset(_people(m)), m.date) for m in meetings] == [
        (frozenset({"Seo", "Sakamoto"}), THURSDAY)
    ]


def test_a_vague_time_in_the_meetings_own_clause_leaves_it_undated() -> None:
    events = _events(
        "Foreign Minister Min-jun Seo on Thursday urged Japan to act.",
        "Seo met Foreign Minister Haruto Sakamoto recently in Seoul.",
    )
    assert all(e.date is None for e in events if e.kind == "meeting")


def test_a_past_visit_to_meet_someone_has_them_among_its_people() -> None:
    events = _events(
        "Prime Minister Haruto Sakamoto met President Min-jun Seo in Seoul on Thursday.",
        "Former Prime Minister Kenji Aoki last visited South Korea in 2029 to meet Seo's "
        "predecessor Do-yun Han, who touted the ties.",
    )
    past = [e for e in events if e.background]
    assert [sorted(e.participants) for e in past] == [["Do-yun Han", "Kenji Aoki"]]


def test_a_short_line_ending_on_its_place_and_date_dates_a_story_without_a_date_line() -> None:
    events = _events(
        "Terrorism needs a global answer, Prime Minister Ben Anders said during a joint news "
        "conference with NATO Secretary General Maria Lindqvist.",
        "Lindqvist and Anders brief reporters following their meeting in Wellington, New "
        "Zealand, May 15, 2031.",
        published=None,
    )
    press = [e for e in events if e.kind == "press_conference"]
    assert [e.date for e in press] == [THURSDAY]


def test_the_leaders_of_named_countries_are_the_people_holding_their_offices() -> None:
    events = _events(
        "The leaders of Japan, South Korea and the United States met in Washington on Thursday.",
        "The attendees included Japanese Prime Minister Haruto Sakamoto, South Korean President "
        "Min-jun Seo and U.S. President Tom Hale.",
    )
    meetings = [e for e in events if e.kind == "meeting"]
    assert [sorted(_people(e)) for e in meetings] == [["Hale", "Sakamoto", "Seo"]]
    assert meetings[0].date == THURSDAY


def test_thanks_for_hosting_someone_tell_a_meeting_on_a_day_not_given() -> None:
    events = _events(
        "Secretary of State Tom Hale spoke on Thursday with Foreign Minister Haruto Sakamoto.",
        "Secretary Hale thanked Foreign Minister Sakamoto for hosting Deputy Secretary Ann Lowe "
        "for a trilateral meeting in Tokyo.",
    )
    hosted = [e for e in events if set(_people(e)) == {"Sakamoto", "Lowe"}]
    assert [(e.kind, e.date, e.place) for e in hosted] == [("meeting", None, "Tokyo")]


def test_a_summary_shortens_a_family_first_name_to_its_family_name() -> None:
    from natojp_tui.core.events.summary import short_name

    assert short_name("Yoon Suk Yeol") == "Yoon"
    assert short_name("Wang Yi") == "Wang"
    assert short_name("Park Jin") == "Park"
    assert short_name("Christopher Lee") == "Lee"
    assert short_name("Fumio Kishida") == "Kishida"


def test_the_top_diplomats_of_two_countries_are_their_foreign_ministers() -> None:
    events = _events(
        "The top diplomats of South Korea and Japan held phone talks on Thursday.",
        "South Korean Foreign Minister Min-jun Seo and Japanese Foreign Minister Haruto Sakamoto "
        "discussed the missile launches, the ministry said.",
    )
    calls = [e for e in events if e.kind == "meeting"]
    assert [sorted(_people(e)) for e in calls][:1] == [["Sakamoto", "Seo"]]


def test_welcoming_someone_to_the_summit_tells_that_they_attended_it() -> None:
    events = _events(
        "Secretary General Maria Lindqvist welcomed Prime Minister Haruto Sakamoto to the NATO "
        "Summit on Thursday.",
    )
    assert ("summit", PAIR) in _kinds(events)
    assert all(e.date == THURSDAY for e in events)


def test_welcoming_a_decision_to_a_summit_plan_tells_no_attendance() -> None:
    events = _events(
        "Secretary General Maria Lindqvist will welcome Prime Minister Haruto Sakamoto to the "
        "NATO Summit next week.",
    )
    assert [e for e in events if e.kind == "summit"] == []


# --- trips recalled in a speech, and a visit's programme told as a list ---------------------


def test_a_speaker_recalls_their_own_trip_and_the_addressees_earlier_visit() -> None:
    events = _spoken(
        "Opening statement by Secretary General Maria Lindqvist",
        "Prime Minister Sakamoto, welcome. You will speak to this Council today, after your "
        "historic visit in 2027.",
        "I was very glad to go to Japan last year.",
    )
    recalled = [(e.kind, frozenset(_people(e)), e.place) for e in events if e.background]
    assert ("visit", frozenset({"Sakamoto"}), None) in recalled
    assert ("visit", frozenset({"Lindqvist"}), "Japan") in recalled
    assert all(e.date is None for e in events if e.background)


def test_a_trip_mentioned_without_a_past_cue_is_not_recalled() -> None:
    events = _spoken(
        "Opening statement by Secretary General Maria Lindqvist",
        "Prime Minister Sakamoto, welcome. Your visit comes at a good time.",
    )
    assert not [e for e in events if e.background and e.kind == "visit"]


def test_each_engagement_of_a_past_schedule_list_is_an_event_of_its_owner() -> None:
    events = _events(
        "On May 15, Foreign Minister Lee Ha-eun met NATO Secretary General Maria Lindqvist, "
        "who was visiting the ROK.",
        "The Secretary General's schedule in the ROK included attending a working lunch hosted "
        "by National Assembly Speaker Han Do-yun, holding a meeting and a dinner with the "
        "Foreign Minister, laying a wreath at the National Cemetery, touring a shipyard, and "
        "holding a press conference for local reporters.",
    )
    told = sorted((e.kind, frozenset(_people(e)), tuple(e.groups)) for e in events)
    assert told == sorted(
        [
            ("meeting", frozenset({"Ha-eun", "Lindqvist"}), ()),  # the meeting, told once
            ("meal", frozenset({"Lindqvist", "Do-yun"}), ()),
            ("meal", frozenset({"Lindqvist", "Ha-eun"}), ()),
            ("ceremony", frozenset({"Lindqvist"}), ()),
            ("press_conference", frozenset({"Lindqvist"}), ("local reporters",)),
        ]
    )


def test_a_schedule_still_to_come_tells_nothing() -> None:
    events = _events(
        "NATO Secretary General Maria Lindqvist arrived in Seoul on Thursday.",
        "Her schedule will include a dinner with Foreign Minister Lee Ha-eun.",
    )
    assert [e.kind for e in events if e.kind == "meal"] == []


def test_another_visit_to_the_rok_long_ago_is_background() -> None:
    events = _events(
        "NATO Secretary General Maria Lindqvist met Foreign Minister Lee Ha-eun in Seoul on "
        "Thursday.",
        "As a trade minister in 1999, Lindqvist made another visit to the ROK to tour shipyards.",
    )
    past = [e for e in events if e.background]
    assert [(e.kind, _people(e), e.place, e.date) for e in past] == [
        ("visit", {"Lindqvist"}, "ROK", None)
    ]


def test_a_past_year_that_belongs_to_an_earlier_one_leaves_this_visit_current() -> None:
    events = _events(
        "NATO Secretary General Maria Lindqvist met Foreign Minister Lee Ha-eun in Seoul on "
        "Thursday.",
        "Lindqvist's visit to the ROK is the second by a Secretary General, after the one in "
        "April 2013.",
    )
    assert not [e for e in events if e.background]


# --- roles the text does not give a holder, earlier exchanges listed in passing -------------


def test_a_bare_office_is_the_person_of_the_text_who_held_it_that_day() -> None:
    events = _events(
        "Visiting NATO HQ on 3 February, Defence Minister Tane Rewi signed with the NATO "
        "Secretary General an agreement on the exchange of classified information.",
        "During the meeting, Mr. Rewi and the Secretary General discussed the planned "
        "expansion of the mission.",
        "Last year, Mr. De Hoop Scheffer visited New Zealand.",
        published=date(2006, 2, 3),
    )
    told = [(e.kind, _people(e), e.date) for e in events if not e.background]
    assert told == [
        ("signing", {"Rewi", "Scheffer"}, date(2006, 2, 3)),
        ("meeting", {"Rewi", "Scheffer"}, date(2006, 2, 3)),  # "the planned" is no plan
    ]


def test_the_public_record_never_names_someone_the_text_does_not() -> None:
    events = _events(
        "Defence Minister Tane Rewi signed with the NATO Secretary General an agreement on Friday.",
        published=date(2006, 2, 3),
    )
    assert [(e.kind, _people(e)) for e in events] == [("signing", {"Rewi"})]


def test_a_lower_case_office_in_a_wire_story_names_its_holder() -> None:
    events = _events(
        "Japan’s Foreign Minister Kenji Ueda told the North Atlantic Council on Thursday that "
        "Japan wants closer ties.",
        "In his welcoming remarks to the Japanese foreign minister, NATO Secretary General "
        "Maria Lindqvist said the threats were global.",
    )
    assert ("address", {"Lindqvist", "Ueda"}) in [(e.kind, _people(e)) for e in events]


def test_paying_tribute_to_someone_at_a_place_is_a_visit_there() -> None:
    events = _events(
        "Foreign Minister Lee Ha-eun paid tribute to the late Prime Minister Kenji Ueda at an "
        "altar set up at the party headquarters in Tokyo on Thursday."
    )
    [visit] = [e for e in events if e.kind == "visit"]
    assert "Ha-eun" in _people(visit) and visit.date == THURSDAY


def test_earlier_visits_by_an_office_and_a_numbered_session_are_background() -> None:
    events = _events(
        "Prime Minister Haruto Sakamoto and Secretary General Maria Lindqvist met in Tokyo on "
        "15 May 2031.",
        "They welcomed visits to NATO by the Japanese Prime Minister in January, and by the "
        "Defence Minister in March, and the 7th Japan-NATO High-level Consultations held in "
        "Tokyo in February.",
    )
    past = [(e.kind, e.participants, e.groups, e.place) for e in events if e.background]
    assert past == [
        ("visit", [], [], "NATO"),
        ("visit", [], [], "NATO"),
        ("meeting", [], ["Japan-NATO High-level Consultations"], "Tokyo"),
    ]
    assert next(e.summary for e in events if e.background).startswith("visit to NATO by the")


def test_a_numbered_session_still_to_come_is_no_event() -> None:
    events = _events(
        "Prime Minister Haruto Sakamoto met Secretary General Maria Lindqvist on Thursday.",
        "The 8th Japan-NATO High-level Consultations will be held in Tokyo in 2032.",
    )
    assert not [e for e in events if e.background]


def test_a_speech_under_a_byline_greets_today_and_recalls_the_past() -> None:
    events = _spoken(
        "By NATO Secretary General Maria Lindqvist and the Prime Minister of Japan, Haruto "
        "Sakamoto",
        "Prime Minister Sakamoto,",
        "It is really great to see you again.",
        "We met earlier this year in Tokyo. And you visited Kyiv some months ago.",
        "Today you are here, participating in the NATO Summit.",
    )
    told = {(e.kind, frozenset(_people(e)), e.background, e.date) for e in events}
    assert ("meeting", PAIR, False, THURSDAY) in told  # "great to see you": today
    assert ("meeting", PAIR, True, None) in told  # "earlier this year"
    assert ("visit", frozenset({"Sakamoto"}), True, None) in told  # "you visited Kyiv"
    assert ("summit", frozenset({"Sakamoto"}), False, THURSDAY) in told  # "here": today


def test_remarks_under_the_speakers_possessive_name_are_hers_and_a_press_event() -> None:
    events = _spoken(
        "Aroha Tane’s remarks following summit",
        "Prime Minister Sakamoto and I have concluded a very positive meeting.",
    )
    told = {(e.kind, frozenset(_people(e)), e.date) for e in events}
    assert ("meeting", frozenset({"Tane", "Sakamoto"}), THURSDAY) in told
    assert any(e.kind == "press_conference" and "Tane" in _people(e) for e in events)


def test_a_document_signed_in_the_passive_is_a_signing_of_the_people_just_met() -> None:
    events = _events(
        "Prime Minister Haruto Sakamoto met NATO Secretary General Maria Lindqvist in Vilnius "
        "on Thursday.",
        "The Individually Tailored Partnership Programme was signed on the sidelines of the "
        "summit.",
    )
    [signing] = [e for e in events if e.kind == "signing"]
    assert _people(signing) == {"Sakamoto", "Lindqvist"} and signing.date == THURSDAY


def test_the_first_leader_to_attend_an_earlier_summit_recalls_that_summit() -> None:
    events = _events(
        "Prime Minister Haruto Sakamoto attended the NATO Summit in Vilnius on Thursday.",
        "Sakamoto, who was the first Japanese leader to attend the NATO Summit in June 2029 in "
        "Madrid, spoke of the war.",
    )
    told = sorted((e.background, e.date, e.place) for e in events)
    assert told == [(False, THURSDAY, "Vilnius"), (True, None, "Madrid")]


def test_remarks_with_ministers_are_a_press_event_and_we_had_a_meeting_today() -> None:
    events = _spoken(
        "Remarks With Defence Minister Tane Rewi and Foreign Minister Haruto Sakamoto",
        "MODERATOR: We would like to begin.",
        "MINISTER SAKAMOTO: Let me make some remarks. Today, we had, for the first time in "
        "Tokyo, a 2+2 meeting of the four ministers.",
        kind="turn",
    )
    press = [e for e in events if e.kind == "press_conference"]
    assert press and {"Rewi", "Sakamoto"} <= _people(press[0])
    meeting = next(e for e in events if e.kind == "meeting")
    assert "Sakamoto" in _people(meeting) and meeting.date == THURSDAY


def test_an_opening_phrase_of_years_ago_dates_the_addressees_trip() -> None:
    events = _spoken(
        "Opening remarks by Secretary General Maria Lindqvist",
        "Prime Minister Sakamoto, welcome back to NATO. Three years ago, you came here to sign "
        "our partnership programme.",
    )
    past = [(e.kind, _people(e)) for e in events if e.background]
    assert ("visit", {"Sakamoto"}) in past
    today = [e for e in events if e.kind == "meeting" and not e.background]
    assert today and today[0].date == THURSDAY  # "welcome back": the day of the speech


def test_a_named_session_held_is_an_event_on_its_day_or_in_the_past() -> None:
    events = _events(
        "On May 15, the 17th Japan-NATO High-Level Consultations were held in Tokyo. The "
        "Japanese delegation was headed by Mr. Kenji Ueda, and the NATO delegation was headed "
        "by Ms. Maria Lindqvist.",
        "The ministers welcomed the Quad Leaders' Summit, held three weeks earlier in Tokyo, "
        "and the Shangri-La Dialogue, held on 1-3 May in Singapore.",
    )
    told = {(e.summary.split(" · ")[-1], e.background, e.date, e.place) for e in events}
    consultations = next(e for e in events if "Consultations" in " ".join(e.groups))
    assert consultations.date == THURSDAY and not consultations.background
    assert {"Ueda", "Lindqvist"} <= _people(consultations)
    quad = next(e for e in events if "Quad Leaders' Summit" in e.groups)
    assert quad.background and quad.date is None and quad.place == "Tokyo"
    assert any("Shangri-La Dialogue" in e.groups and e.place == "Singapore" for e in events), told


def test_a_session_name_before_the_sentences_own_held_is_not_a_session_held() -> None:
    events = _events(
        "Foreign Minister Kenji Ueda, who was visiting Berlin to attend the G7 Foreign "
        "Ministers' Meeting, held a meeting with Secretary General Maria Lindqvist on Thursday."
    )
    assert not [e for e in events if "G7 Foreign Ministers' Meeting" in e.groups]


def test_an_earlier_month_of_the_same_year_points_at_the_past() -> None:
    from natojp_tui.core.events.sentence import background_cues

    text = "They praised the dialogue held in Tokyo in March 2031."
    assert background_cues(text, 0, len(text), date(2031, 5, 15))
    assert not background_cues(text, 0, len(text), date(2031, 3, 20))


def test_wire_titles_in_lower_case_and_double_offices_keep_both_people() -> None:
    first = _events(
        "Japan's defense minister Kenji Ueda met with Philippine defense secretary Tomas Reyes "
        "in Manila on Thursday."
    )
    assert [(e.kind, _people(e)) for e in first] == [("meeting", {"Ueda", "Reyes"})]
    second = _events(
        "Defence Minister Kenji Ueda and Australian Deputy Prime Minister and Minister for "
        "Defence Aroha Tane met in Tokyo on Thursday."
    )
    assert [(e.kind, _people(e), e.date) for e in second] == [
        ("meeting", {"Ueda", "Tane"}, THURSDAY)
    ]


def test_the_two_men_are_the_two_people_just_named_and_two_verbs_one_meeting() -> None:
    events = _events(
        "Secretary of Defense Lloyd J. Harlan III told Defense Minister Kenji Ueda that the "
        "alliance is the cornerstone of security.",
        "The two men met and held meetings in the Pentagon on Thursday.",
    )
    assert [(e.kind, _people(e), e.date) for e in events] == [
        ("meeting", {"III", "Ueda"}, THURSDAY)  # the full name is kept, suffix and all
    ]
    assert events[0].summary.startswith("Harlan ↔ Ueda")


def test_a_speech_opened_by_its_speakers_label_and_a_turn_that_greets_by_name() -> None:
    speech = _spoken(
        "MARIA LINDQVIST, NATO SECRETARY GENERAL: Prime Minister Sakamoto, welcome.",
        "And today, we discussed what more we can do together.",
    )
    assert ("meeting", PAIR) in [(e.kind, frozenset(_people(e))) for e in speech]
    body = [
        Paragraph("The Hon Aroha Tane MP, Deputy Prime Minister", "body"),
        Paragraph(
            "KENJI UEDA, JAPAN’S MINISTER OF DEFENSE (VIA TRANSLATOR): Aroha, I am very happy "
            "to welcome you here. We had a meeting in Manila only last month.",
            "turn",
        ),
    ]
    article = Article(id="t", title="Opening remarks", paragraphs=body, published=THURSDAY)
    turn = extract(article).events
    met = [(frozenset(_people(e)), e.background) for e in turn if e.kind == "meeting"]
    assert (frozenset({"Ueda", "Tane"}), True) in met  # "Aroha," is whom the turn speaks to


def test_speaking_alongside_someone_is_a_press_event_of_both() -> None:
    events = _events(
        "Speaking alongside Prime Minister Aroha Tane on Thursday, NATO Secretary General "
        "Maria Lindqvist said the partnership was strong."
    )
    assert [(e.kind, _people(e), e.date) for e in events] == [
        ("press_conference", {"Tane", "Lindqvist"}, THURSDAY)
    ]


def test_the_meeting_with_a_person_names_the_official_a_first_sentence_left_unnamed() -> None:
    events = _events(
        "Defence Minister Lee Ha-eun held talks with a top NATO official in Seoul on Thursday.",
        "During the meeting with NATO Military Committee Chair Adm. Rob Hale, Lee stressed "
        "cooperation.",
    )
    meetings = [(e.kind, _people(e), e.date) for e in events if e.kind == "meeting"]
    assert meetings == [("meeting", {"Ha-eun", "Hale"}, THURSDAY)]


def test_being_welcomed_somewhere_by_a_colleague_is_the_speakers_meeting_today() -> None:
    events = _spoken(
        "Remarks by Foreign Secretary Aroha Tane",
        "I am delighted to be welcomed to Tokyo today by my colleague, Foreign Minister Haruto "
        "Sakamoto.",
    )
    assert ("meeting", frozenset({"Tane", "Sakamoto"}), THURSDAY) in {
        (e.kind, frozenset(_people(e)), e.date) for e in events
    }


# --- session 6 --------------------------------------------------------------------------


def test_a_rank_written_with_its_period_opens_a_name() -> None:
    events = _events("Adm. Lars Hovland met Gen. Park Min-su in Seoul on Monday.")
    assert [(e.kind, set(e.participants), e.place) for e in events] == [
        ("meeting", {"Lars Hovland", "Park Min-su"}, "Seoul")
    ]


def test_an_offices_acronym_before_a_title_is_its_organisation_not_a_name() -> None:
    article = extract(
        Article(
            "t",
            "T",
            [Paragraph("Adm. Lars Hovland met JCS Chairman Gen. Park Min-su in Seoul.")],
            THURSDAY,
        )
    )
    people = {p.name: [(r.title, r.organisation) for r in p.roles] for p in article.people}
    assert people == {"Lars Hovland": [], "Park Min-su": [("Chairman", "JCS")]}


def test_a_past_trip_and_a_visit_to_a_nato_body_in_a_city_are_background_visits() -> None:
    events = _events(
        "Adm. Lars Hovland met Gen. Park Min-su in Seoul on Monday.",
        "Hovland's trip to Japan last year followed Park's visit to the NATO Military "
        "Committee in Brussels in 2023.",
    )
    side = [(e.kind, set(e.participants), e.place, e.date) for e in events if e.background]
    assert side == [
        ("visit", {"Lars Hovland"}, "Japan", None),
        ("visit", {"Park Min-su"}, "Brussels", None),
    ]


def test_a_fronted_participle_recalls_the_main_clauses_subject_attending() -> None:
    events = _events(
        "President Ji-ho Han met NATO Secretary General Lars Hovland on Monday.",
        "Presidential spokesperson Min-jun Kwon said in a briefing that he was pleased.",
        "Recalling his attendance at a NATO summit last June, President Han thanked Hovland.",
    )
    summits = [(e.participants, e.background) for e in events if e.kind == "summit"]
    assert summits == [(["Ji-ho Han"], True)]


def test_a_lower_case_president_reported_as_meeting_is_the_president_named() -> None:
    events = _events(
        "President Ji-ho Han met the head of NATO on Monday.",
        "Spokesperson Mina Kwon said in a briefing that the president met NATO Secretary "
        "General Lars Hovland at his office on Monday.",
    )
    assert ("meeting", {"Ji-ho Han", "Lars Hovland"}) in [
        (e.kind, set(e.participants)) for e in events
    ]


def test_a_courtesy_call_from_a_group_is_in_person_and_plural_titles_are_nobody() -> None:
    article = extract(
        Article(
            "t",
            "T",
            [
                Paragraph(
                    "Foreign Minister Aiko Tanabe received a courtesy call from Ambassadors of "
                    "eight nations to NATO who are visiting Japan."
                ),
                Paragraph("In response, Ambassadors stated that they will deepen cooperation."),
            ],
            THURSDAY,
        )
    )
    assert [p.name for p in article.people] == ["Aiko Tanabe"]
    [call] = article.events
    assert (call.kind, call.participants, call.groups) == (
        "courtesy_call",
        ["Aiko Tanabe"],
        ["Ambassadors of eight nations"],
    )
    assert "courtesy call" in call.summary and "telephone" not in call.summary


def test_a_subject_with_a_long_office_title_joined_by_and_still_acts() -> None:
    events = _events(
        "On 11 May, the Minister of Foreign Affairs and Trade of the Republic of Korea, Mr "
        "Park Min-su, visited NATO Headquarters and met the Secretary General, Lars Hovland.",
    )
    assert [(e.kind, set(e.participants)) for e in events] == [
        ("visit", {"Park Min-su"}),
        ("meeting", {"Park Min-su", "Lars Hovland"}),
    ]


def test_talks_on_the_sidelines_of_a_forum_place_both_at_it_in_a_two_word_city() -> None:
    events = _events(
        "Foreign Minister Aiko Tanabe met NATO Secretary General Lars Hovland on the "
        "sidelines of the UN General Assembly in New York.",
    )
    assert [(e.kind, e.summary.split(" · ")[1], e.place) for e in events] == [
        ("meeting", "meeting", "New York"),
        ("summit", "UN General Assembly", "New York"),
    ]
