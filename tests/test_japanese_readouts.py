"""A readout in Japanese: its people written in Japanese script are the registry's people
(in Latin letters), and what each side said is reported speech with its verb. The
sentences are invented for these tests, in the shape of the Foreign Ministry's readouts."""

from __future__ import annotations

from datetime import date

from natojp_tui.core.lexicon.speech import verb_class
from natojp_tui.core.model import Article, Paragraph
from natojp_tui.core.pipeline import extract

OPENING = (
    "本12日午後3時から約40分間、林芳正外務大臣は、来日中のイェンス・ストルテンベルグ"
    "北大西洋条約機構(NATO)事務総長と会談を行いました。"
)


def _readout(*paragraphs: str) -> Article:
    return extract(
        Article(
            "ja",
            "日・NATO外相会談",
            [Paragraph(p) for p in (OPENING, *paragraphs)],
            date(2022, 5, 12),
        )
    )


def _reports(*paragraphs: str) -> list[tuple[str, str | None, str | None, str | None]]:
    article = _readout(*paragraphs)
    return [
        (q.text, q.speaker, q.verb, q.verb_class) for q in article.quotes if q.kind == "indirect"
    ]


def test_people_written_in_japanese_are_people_of_the_article() -> None:
    article = _readout("冒頭、林大臣から、ストルテンベルグ事務総長の訪日を歓迎しました。")
    assert {p.name for p in article.people} >= {"Yoshimasa Hayashi", "Jens Stoltenberg"}


def test_each_reporting_verb_ends_one_report_of_the_speaker_named_first() -> None:
    found = _reports(
        "冒頭、林大臣から、ストルテンベルグ事務総長の訪日を歓迎するとともに、"
        "欧州とインド太平洋の安全保障は切り離せない旨述べました。",
    )
    assert found == [
        ("ストルテンベルグ事務総長の訪日", "Yoshimasa Hayashi", "を歓迎するとともに", "stance"),
        (
            "欧州とインド太平洋の安全保障は切り離せない",
            "Yoshimasa Hayashi",
            "旨述べました",
            "speech",
        ),
    ]


def test_the_other_side_and_both_sides_speak_in_turn() -> None:
    found = _reports(
        "これに対し、ストルテンベルグ事務総長は、日本の支援に謝意を述べつつ、"
        "協力を一層深めたい旨述べました。",
        "また、双方は、地域の課題に共に取り組んでいくことで一致しました。",
    )
    speakers = [s for _, s, _, _ in found]
    assert speakers == [
        "Jens Stoltenberg",
        "Jens Stoltenberg",
        "Yoshimasa Hayashi and Jens Stoltenberg",
    ]
    assert found[2][0] == "地域の課題に共に取り組んでいくこと"


def test_a_sentence_without_a_speaker_goes_on_with_the_last_one() -> None:
    found = _reports(
        "林大臣から、ウクライナ情勢について説明しました。その上で、法の支配を守るため連携したいと強調しました。",
    )
    assert (
        "法の支配を守るため連携したい",
        "Yoshimasa Hayashi",
        "と強調しました",
        "speech",
    ) in found


def test_a_family_name_two_office_holders_share_is_the_one_the_text_names_in_full() -> None:
    article = extract(
        Article(
            "ja2",
            "日・NATO外相会談",
            [
                Paragraph("河野太郎外務大臣は、ストルテンベルグ事務総長と会談を行いました。"),
                Paragraph("河野大臣から、協力を推進していきたい旨述べました。"),
            ],
            date(2018, 10, 3),
        )
    )
    [report] = [q for q in article.quotes if q.kind == "indirect"]
    assert report.speaker == "Taro Kono"


def test_japanese_verbs_of_attitude_are_stance_and_the_rest_speech() -> None:
    assert verb_class("を歓迎しました") == "stance"
    assert verb_class("に謝意を表明した上で") == "stance"
    assert verb_class("旨述べました") == "speech"
    assert verb_class("で一致しました") == "speech"


# --- session 6: visitors named in brackets, calls received, the plain style ------------

CALL = (
    "9月15日15時から約30分間、山田一郎外務大臣政務官は、訪日中のハンソンNATO事務次長"
    "(Ambassador Erik Hanson, NATO Deputy Secretary General)の表敬を受けました。"
)


def _call(*paragraphs: str) -> Article:
    body = [Paragraph(p) for p in (CALL, *paragraphs)]
    return extract(Article("ja", "表敬", body, date(2015, 9, 16)))


def test_a_visitor_named_in_brackets_is_that_person_when_named_again_in_japanese() -> None:
    article = _call(
        "これに対し、ハンソンNATO事務次長は、日本の取組を高く評価する等述べました。",
        "最後に、ハンソンNATO事務次長より、率直な意見交換ができたことに対し謝意が表明されました。",
    )
    reports = [(q.speaker, q.verb) for q in article.quotes if q.kind == "indirect"]
    assert reports == [("Erik Hanson", "等述べました"), ("Erik Hanson", "謝意が表明されました")]


def test_a_courtesy_call_received_from_a_visitor_is_an_event_on_a_24_hour_clock() -> None:
    [call] = _call().events
    assert (call.kind, call.participants, call.groups) == (
        "courtesy_call",
        ["Erik Hanson"],
        ["山田一郎外務大臣政務官"],
    )
    assert (call.date, call.time, call.duration) == (date(2015, 9, 15), "15:00", 30)


def test_the_plain_style_of_a_ministry_readout_reports_too() -> None:
    found = _reports(
        "林大臣から、日NATO協力の重要性は高まっている旨発言した。",
        "ストルテンベルグ事務総長から、日本の取組に感謝している旨述べた。",
    )
    assert [(speaker, verb) for _, speaker, verb, _ in found] == [
        ("Yoshimasa Hayashi", "旨発言した"),
        ("Jens Stoltenberg", "旨述べた"),
    ]
