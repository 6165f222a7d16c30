"""The shapes real saved pages come in, each written here in our own words.

Every test is a short invented text with the shape of a real page (a readout copied
from a browser, a wire story with its dateline, a transcript, a Japanese readout): none
is refused, titles and dates are read where the text gives them, nothing is dropped.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from natojp_tui.core.readers import ArticleError, read_article
from natojp_tui.ingest import expand_paths


def read(text: str, name: str = "page.txt"):
    return read_article(text.encode("utf-8"), name)


def kinds(article) -> list[tuple[str, str]]:
    return [(p.kind, p.text) for p in article.paragraphs]


# --- paragraphs ------------------------------------------------------------------------

ONE_PER_LINE = """Foreign Minister Tanaka Meets the Visiting Defence Chief of Ruritania
On March 3, Foreign Minister Ken Tanaka held a meeting with General Ivo Marek, Chief of Defence of Ruritania, in Tokyo.
Minister Tanaka welcomed the General's first visit to Japan and said that the two countries share basic values.
In response, General Marek expressed his gratitude for the warm welcome.
"""


def test_one_paragraph_per_line_without_blank_lines_is_read_not_refused() -> None:
    a = read(ONE_PER_LINE)
    assert a.title == "Foreign Minister Tanaka Meets the Visiting Defence Chief of Ruritania"
    assert len(a.body) == 3
    assert a.body[1].startswith("Minister Tanaka welcomed")


def test_blank_line_paragraphs_and_one_per_line_paragraphs_mix() -> None:
    text = ONE_PER_LINE.replace("in Tokyo.\n", "in Tokyo.\n\n")
    assert read(text).body == read(ONE_PER_LINE).body


HARD_WRAPPED = """Ministers agree to widen maritime exercises

The defence ministers of the two countries agreed on Tuesday to hold more
joint exercises at sea and to share information on vessels that breach
sanctions, officials said after the talks in the capital.

Both sides also discussed the supply of spare parts for patrol aircraft,
which has been delayed for two years, and agreed to set up a working group
to look at the problem before the end of the year.
"""


def test_hard_wrapped_lines_are_joined_back_into_their_paragraphs() -> None:
    a = read(HARD_WRAPPED)
    assert len(a.body) == 2
    assert a.body[0].endswith("officials said after the talks in the capital.")
    assert "more joint exercises" in a.body[0]


def test_a_hard_wrapped_block_holding_two_paragraphs_is_split_at_the_short_line() -> None:
    text = HARD_WRAPPED.replace("in the capital.\n\nBoth", "in the capital.\nBoth")
    assert len(read(text).body) == 2


def test_a_line_broken_off_mid_sentence_is_joined_to_the_one_before() -> None:
    text = (
        "Leaders meet in Rome\n"
        "After the meeting, a joint statement (English version / Italian version\n"
        ") was issued by the two leaders to the press.\n"
        "The overview of the meeting is as follows.\n"
    )
    a = read(text)
    assert a.body[0].endswith(") was issued by the two leaders to the press.")
    assert len(a.body) == 2


def test_numbered_readout_points_are_each_their_own_paragraph() -> None:
    text = (
        "Japan-Ruritania Summit Meeting\n\n"
        "On May 2, Prime Minister Aoki held a meeting with President Novak. "
        "An overview of the meeting is as follows.\n"
        "1. Bilateral relations\n"
        "(1) At the outset, Prime Minister Aoki welcomed President Novak to Japan.\n"
        "(2) President Novak stated that he hoped to deepen economic ties.\n"
        "2. Regional affairs\n"
        "The two leaders exchanged views on the situation in the region.\n"
    )
    a = read(text)
    headings = [p.text for p in a.paragraphs if p.kind == "heading"]
    assert headings == ["1. Bilateral relations", "2. Regional affairs"]
    assert len(a.body) == 4
    assert a.body[1].startswith("(1) At the outset")


# --- titles ------------------------------------------------------------------------------


def test_no_title_line_derives_the_title_from_the_first_sentence_and_keeps_the_paragraph() -> None:
    text = (
        "The prime ministers of two island nations agreed on Friday to sign a treaty on "
        "fisheries. They met for an hour in the harbour city.\n\n"
        "Officials said the treaty could be ready within months.\n"
    )
    a = read(text)
    assert a.title_derived
    assert a.title == (
        "The prime ministers of two island nations agreed on Friday to sign a treaty on fisheries"
    )
    assert a.body[0].startswith("The prime ministers of two island nations")
    assert len(a.body) == 2


def test_a_long_first_sentence_is_cut_at_a_word_for_the_derived_title() -> None:
    words = " ".join(f"word{i}" for i in range(60))
    a = read(f"{words} ended here.\n")
    assert a.title_derived and a.title.endswith("…")
    assert len(a.title) <= 121 and " word" in a.title and not a.title[:-1].endswith(" ")


def test_a_written_title_is_not_marked_derived() -> None:
    assert not read(ONE_PER_LINE).title_derived


def test_site_names_and_section_labels_lose_to_the_headline() -> None:
    text = (
        "Skip to content\n"
        "The Daily Courier\n"
        "Ruritania (RU)\n"
        "Defence chiefs hold talks on air patrols\n"
        "By Anna Berg\n"
        "The defence chiefs of the two countries met in the capital on Monday and agreed "
        "to coordinate air patrols over the strait.\n"
    )
    a = read(text)
    assert a.title == "Defence chiefs hold talks on air patrols"
    assert a.author == "Anna Berg"


def test_a_headline_broken_over_two_lines_is_one_title() -> None:
    text = (
        "Joint press point\n"
        "by the Secretary General and the Prime Minister of Ruritania\n"
        "(As delivered)\n"
        "Prime Minister, thank you for welcoming me to your capital today and for "
        "the good talks we have just had.\n"
    )
    a = read(text)
    assert a.title == (
        "Joint press point by the Secretary General and the Prime Minister of Ruritania"
    )
    assert ("boilerplate", "(As delivered)") in kinds(a)


def test_a_site_suffix_after_the_headline_is_cut_and_its_date_read() -> None:
    text = (
        "Leaders sign port deal | News | Courier | 05.06.2012\n\n"
        + HARD_WRAPPED.split("\n\n", 1)[1]
    )
    a = read(text)
    assert a.title == "Leaders sign port deal"
    assert a.published == date(2012, 6, 5)


# --- furniture and metadata ------------------------------------------------------------


def test_page_furniture_is_kept_apart_from_the_story() -> None:
    text = (
        "Home > News > Diplomacy\n"
        "A+ A-\n"
        "Ministers discuss energy\n"
        "Published: 2021-03-04\n"
        "Updated: 2021-03-05 10:30\n"
        "By Lena Ortiz\n"
        "The energy ministers of the two countries met in Lisbon on Thursday and agreed "
        "to build a new power line.\n"
        "(Reporting by Lena Ortiz; Editing by Tom Reed)\n"
        "- News\n"
        "Back to the news list\n"
        "Related articles\n"
        "Share\n"
        "© 2021 The Courier. All rights reserved.\n"
    )
    a = read(text)
    assert a.title == "Ministers discuss energy"
    assert a.published == date(2021, 3, 4)
    assert a.author == "Lena Ortiz"
    assert len(a.body) == 1
    kept = [t for k, t in kinds(a) if k == "boilerplate"]
    assert "(Reporting by Lena Ortiz; Editing by Tom Reed)" in kept
    assert "© 2021 The Courier. All rights reserved." in kept
    assert "Back to the news list" in kept and "Share" in kept


def test_a_scraped_date_line_gives_the_date_and_the_rest_of_the_line_is_read_on() -> None:
    a = read(
        " date 2019-11-02 The two foreign ministers agreed on Saturday in Oslo that their "
        "countries would open new consulates next year.\n\n"
        "They also discussed fishing rights.\n"
    )
    assert a.published == date(2019, 11, 2)
    assert a.body[0].startswith("The two foreign ministers agreed on Saturday in Oslo")


def test_short_photo_captions_near_the_top_are_captions_not_the_title() -> None:
    text = (
        "Defence Minister Sato meets Ruritanian counterpart\n"
        "Minister Sato who exchanges a handshake with Minister Novak\n"
        "Minister Sato and Minister Novak, left, at the ministry (Photo: Ministry of Defense)\n"
        "On June 4, Defence Minister Sato held a meeting with Minister Novak at the ministry.\n"
    )
    a = read(text)
    assert a.title == "Defence Minister Sato meets Ruritanian counterpart"
    assert [k for k, _ in kinds(a)].count("caption") == 2
    assert len(a.body) == 1


def test_a_caption_printed_twice_is_kept_once() -> None:
    text = (
        "Leaders meet\n\n"
        "The two leaders at the palace\n\n"
        "The two leaders at the palace\n\n"
        "The two leaders met at the palace on Monday for an hour of talks on trade.\n"
    )
    a = read(text)
    assert a.captions == ["The two leaders at the palace"]


def test_date_lines_with_furniture_words_are_dates_not_story() -> None:
    for line, day in (
        ("All News 10:25 October 07, 2022", date(2022, 10, 7)),
        ("DATE: 1 April 2005", date(2005, 4, 1)),
        ("29, October, 2009", date(2009, 10, 29)),
    ):
        a = read(f"Talks in the capital\n{line}\nThe two sides met in the capital for talks.\n")
        assert a.published == day, line


def test_no_date_in_the_text_means_unknown_never_a_guess() -> None:
    a = read(HARD_WRAPPED)
    assert a.published is None


# --- wire datelines ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("opening", "place", "agency", "day"),
    [
        ("OSLO (Kyodo) -- ", "Oslo", "Kyodo", None),
        ("LISBON (AP) — ", "Lisbon", "AP", None),
        ("WELLINGTON, Aug. 6 (Yonhap) -- ", "Wellington", "Yonhap", None),
        ("Madrid, Sept. 23 (Jiji Press)--", "Madrid", "Jiji Press", None),
        ("ROME, March 2, 2021 (Reuters) - ", "Rome", "Reuters", date(2021, 3, 2)),
    ],
)
def test_a_wire_dateline_gives_place_agency_and_a_date_only_with_its_year(
    opening: str, place: str, agency: str, day: date | None
) -> None:
    a = read(f"Ministers meet\n\n{opening}The two ministers met on Monday to discuss trade.\n")
    assert (a.place, a.source, a.published) == (place, agency, day)
    assert a.body[0].startswith(opening.strip()[:4])  # the paragraph is kept whole


def test_a_bracketed_aside_is_not_a_dateline() -> None:
    a = read("Talks\n\nNATO (the alliance) said on Monday that the talks would go on.\n")
    assert a.source is None and a.place is None


# --- transcripts ------------------------------------------------------------------------

TRANSCRIPT = """Doorstop interview, Canberra
12 May 2022
JOURNALIST: Minister, what did you and your Ruritanian counterpart agree on today?
NOVAK: We agreed that our navies will train together next year, and that is a big step for both of us.
And we will meet again in the autumn to take stock of the work.
JOURNALIST: Will the exercises include submarines?
NOVAK: That is something the chiefs will look at.
"""


def test_transcript_turns_are_paragraphs_of_kind_turn_with_their_label() -> None:
    a = read(TRANSCRIPT)
    turns = [p for p in a.paragraphs if p.kind == "turn"]
    assert [p.label for p in turns] == ["JOURNALIST", "NOVAK", None, "JOURNALIST", "NOVAK"]
    assert turns[1].text.startswith("NOVAK: We agreed")  # the label is kept in the text
    assert len(a.body) == 5 and a.published == date(2022, 5, 12)


def test_a_label_on_a_line_of_its_own_opens_the_turn_below_it() -> None:
    text = (
        "Joint press conference with the Secretary General\n"
        "Secretary General Ivo Marek:\n"
        "Thank you very much, Prime Minister, for the warm welcome in your beautiful city.\n"
        "Prime Minister Aoki:\n"
        "Thank you, Secretary General. It is an honour to receive you here today.\n"
    )
    turns = [p for p in read(text).paragraphs if p.kind == "turn"]
    assert [p.label for p in turns] == ["Secretary General Ivo Marek", "Prime Minister Aoki"]


def test_header_labels_such_as_date_and_title_are_not_turns() -> None:
    text = (
        "Joint Press Conference\n"
        "DATE: 1 April 2005\n"
        "TITLE: Joint Press Conference\n"
        "Photo By: Ministry\n"
        "The ministers spoke to the press after their meeting in the capital.\n"
    )
    a = read(text)
    assert not any(p.kind == "turn" for p in a.paragraphs)
    assert a.published == date(2005, 4, 1)


def test_a_colon_in_story_text_does_not_make_a_transcript() -> None:
    text = (
        "Talks in Rome\n"
        "The minister had one message: the two countries must work together on energy.\n"
        "Officials said the talks were friendly and the next round would be held in May.\n"
    )
    assert not any(p.kind == "turn" for p in read(text).paragraphs)


# --- Japanese readouts ----------------------------------------------------------------


def test_japanese_readout_era_date_quotes_kept_and_ministry_as_source() -> None:
    text = (
        "日ルリタニア外相会談\n"
        "令和5年1月31日\n"
        "本日、田中外務大臣は、ノヴァク・ルリタニア外務大臣と会談を行いました。"
        "田中大臣から「両国の協力を一層強化したい」と述べました。\n"
        "外務省\n"
    )
    a = read(text)
    assert a.published == date(2023, 1, 31)
    assert a.title == "日ルリタニア外相会談"
    assert "「両国の協力を一層強化したい」" in a.body[0]
    assert a.source == "Ministry of Foreign Affairs of Japan"
    assert a.language == "ja"


def test_heisei_and_the_first_year_of_an_era() -> None:
    assert read("会談\n平成29年10月31日\n本日、両大臣は会談を行いました。\n").published == date(
        2017, 10, 31
    )
    assert read("会談\n令和元年5月1日\n本日、両大臣は会談を行いました。\n").published == date(
        2019, 5, 1
    )


# --- excerpts and folders ----------------------------------------------------------------


def test_an_excerpt_that_ends_mid_word_reads_cleanly() -> None:
    text = (
        "Ministers meet\n"
        "The two ministers met in the capital on Monday and agreed on a plan.\n"
        "The ministers also said that “the work will go on until the two sides find a wa"
    )
    a = read(text)
    assert a.body[-1].endswith("find a wa")
    assert all(q.end <= len(a.body[q.paragraph]) for q in a.quotes)


def test_a_folder_with_nothing_importable_says_what_it_skipped(tmp_path: Path) -> None:
    (tmp_path / "notes.docx").write_bytes(b"x")
    (tmp_path / "photo.jpg").write_bytes(b"x")
    files, problems = expand_paths([tmp_path])
    assert files == []
    assert len(problems) == 1 and "2 files skipped" in problems[0].reason


def test_text_that_is_only_furniture_is_still_refused_with_a_reason() -> None:
    with pytest.raises(ArticleError):
        read("Home > News\nShare\nPrint\n")


def test_a_headline_printed_several_times_under_a_section_label_is_the_title() -> None:
    text = (
        "Defence Focus No.12\n\n"
        "MEETINGS WITH FOREIGN LEADERS\n\n"
        "Japan-Ruritania Defence Ministerial Meeting\n\n"
        "Japan-Ruritania Defence Ministerial Meeting\n"
        "Japan-Ruritania Defence Ministerial Meeting\n\n"
        "The two defence ministers held a meeting at the ministry for about an hour.\n"
    )
    a = read(text)
    assert a.title == "Japan-Ruritania Defence Ministerial Meeting"
    assert len(a.body) == 1


def test_after_as_delivered_the_speech_begins_even_with_its_short_lines() -> None:
    a = read(
        "by NATO Secretary General Maria Lindqvist and the Prime Minister of Japan, Haruto "
        "Sakamoto\n\n(As delivered)\n\nPrime Minister Sakamoto,\n\nWelcome to NATO.\n\n"
        "It is really great to see you again, and to work with you on our partnership.\n"
    )
    assert a.title.lower().startswith("by nato secretary general maria lindqvist")
    assert a.body[:2] == ["Prime Minister Sakamoto,", "Welcome to NATO."]


# --- session 6: headline choices ------------------------------------------------------


def test_a_japanese_headline_holding_an_acronym_is_not_shouting() -> None:
    article = read(
        "北大西洋条約機構(NATO)\n\nハンソンNATO事務次長による山田外務大臣政務官表敬\n\n"
        "平成27年9月16日\n\n"
        " 9月15日15時から約30分間,山田一郎外務大臣政務官は,訪日中のハンソンNATO事務次長の表敬を"
        "受けました。概要は以下のとおりです。\n"
    )
    assert article.title == "ハンソンNATO事務次長による山田外務大臣政務官表敬"
    assert not article.title_derived


def test_a_sites_clock_after_a_headline_and_a_bracketed_label_are_not_the_title() -> None:
    article = read(
        "NATO, Pacific Partners Get Closer 07/12 06:21\n\n"
        "The alliance and its partners agreed on Thursday to deepen their cooperation on "
        "cyber defence, officials said.\n"
    )
    assert article.title == "NATO, Pacific Partners Get Closer"
    labelled = read(
        "(Press Release: Provisional Translation)\n\nMinister Tanabe Meets NATO Chief\n\n"
        "Minister Aiko Tanabe met the Secretary General of NATO in Tokyo on Monday and "
        "discussed cooperation.\n"
    )
    assert labelled.title == "Minister Tanabe Meets NATO Chief"


def test_a_us_government_pages_month_day_year_stamp_dates_the_article() -> None:
    article = read(
        "Secretary Meets Japanese Foreign Minister\n\n03/16/2021 07:53 AM EDT\n\n"
        "Office of the Spokesperson\n\n"
        "On March 16, the Secretary met the Foreign Minister of Japan in Tokyo and reaffirmed "
        "the importance of the alliance.\n"
    )
    assert article.published == date(2021, 3, 16)


def test_a_date_range_line_dates_the_release_by_its_last_day() -> None:
    article = read(
        "Chair of the Military Committee visits Korea\n\n  • 09 Apr. 2022 - 12 Apr. 2022\n\n"
        "From 9 to 12 April 2022 the Chair of the NATO Military Committee visited the Republic "
        "of Korea and met the Minister of Defence on Monday.\n"
    )
    assert article.published == date(2022, 4, 12)


def test_captions_site_names_and_lead_in_lines_are_not_taken_for_a_headline() -> None:
    body = (
        "\n\nOn March 16, the Secretary met the Foreign Minister of Japan in Tokyo and "
        "reaffirmed the importance of the alliance.\n"
    )
    for header in (
        "A commemorative photo of Minister Tanabe and Secretary General Hovland",
        "The state of the Meeting of NATO Ministers of Foreign Affairs",
        "Ministry of Defense",
        "The Hon Ruth Calder MP",
        "The below is attributable to Spokesperson Lee Park:",
    ):
        article = read(header + body)
        assert article.title_derived, header
    japanese = read(
        "表敬を受ける山田総理大臣\n\n"
        "本31日午前10時45分より約35分間,山田総理大臣は,ハンソン事務総長による表敬を受けました。\n"
    )
    assert japanese.title_derived
    assert read("The state of the alliance is strong.\n" + body).paragraphs[0].kind == "body"
