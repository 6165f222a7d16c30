"""Japanese words of readouts (会談, 昼食会, 共同記者発表 …) and the names of the people
Japanese government readouts name most: Japan's prime ministers, foreign and defence
ministers and chief cabinet secretaries since 2000, and the foreign leaders and
secretaries general they meet, written as the readouts write them, with the canonical
name in Latin letters."""

from __future__ import annotations

import re

# kana or kanji: a text, or a part of one, written in Japanese
JAPANESE_RE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def has_japanese(text: str) -> bool:
    """Does ``text`` hold kana or kanji? (An ASCII text, most of them, is answered
    without a scan.)"""
    return not text.isascii() and JAPANESE_RE.search(text) is not None


# event nouns of a readout -> event kind
EVENT_NOUNS: dict[str, str] = {
    "首脳会談": "summit",
    "首脳電話会談": "meeting",
    "電話会談": "meeting",
    "テレビ会議": "meeting",
    "外相会談": "meeting",
    "防衛相会談": "meeting",
    "会談": "meeting",
    "懇談": "meeting",
    "会合": "meeting",
    "表敬": "courtesy_call",
    "昼食会": "meal",
    "夕食会": "meal",
    "晩餐会": "meal",
    "朝食会": "meal",
    "ワーキング・ランチ": "meal",
    "ワーキング・ディナー": "meal",
    "共同記者発表": "press_conference",
    "共同記者会見": "press_conference",
    "記者会見": "press_conference",
    "栄誉礼及び儀じょう": "ceremony",
    "栄誉礼": "ceremony",
    "歓迎式典": "ceremony",
    "署名式": "signing",
}

# words for the two sides together: the readout's principals
BOTH_SIDES: tuple[str, ...] = ("両首脳", "両外相", "両大臣", "両者", "双方", "両国首脳")

# titles after a Japanese family name ("安倍総理", "河野大臣") or a foreign one ("ルッテ事務総長")
TITLES: tuple[str, ...] = (
    "内閣総理大臣", "総理大臣", "総理", "首相", "外務大臣", "防衛大臣", "官房長官", "大臣", "外相",
    "防衛相", "事務総長", "大統領", "国務長官", "国防長官", "長官", "首席", "委員長", "氏",
    "事務次長", "事務総長補", "軍事委員長", "大使", "国防相", "国防大臣", "外務大臣政務官", "政務官",
    "副大臣", "首相補佐官",
)  # fmt: skip

# Japanese office holders: (family name, given name, canonical name); readouts write the
# full name once ("河野太郎外務大臣") and then the family name with a title ("河野大臣")
JAPANESE_PEOPLE: tuple[tuple[str, str, str], ...] = (
    ("森", "喜朗", "Yoshiro Mori"),
    ("小泉", "純一郎", "Junichiro Koizumi"),
    ("安倍", "晋三", "Shinzo Abe"),
    ("福田", "康夫", "Yasuo Fukuda"),
    ("麻生", "太郎", "Taro Aso"),
    ("鳩山", "由紀夫", "Yukio Hatoyama"),
    ("菅", "直人", "Naoto Kan"),
    ("野田", "佳彦", "Yoshihiko Noda"),
    ("菅", "義偉", "Yoshihide Suga"),
    ("岸田", "文雄", "Fumio Kishida"),
    ("石破", "茂", "Shigeru Ishiba"),
    ("高市", "早苗", "Sanae Takaichi"),
    ("河野", "太郎", "Taro Kono"),
    ("河野", "洋平", "Yohei Kono"),
    ("田中", "眞紀子", "Makiko Tanaka"),
    ("川口", "順子", "Yoriko Kawaguchi"),
    ("町村", "信孝", "Nobutaka Machimura"),
    ("高村", "正彦", "Masahiko Komura"),
    ("中曽根", "弘文", "Hirofumi Nakasone"),
    ("岡田", "克也", "Katsuya Okada"),
    ("前原", "誠司", "Seiji Maehara"),
    ("松本", "剛明", "Takeaki Matsumoto"),
    ("玄葉", "光一郎", "Koichiro Gemba"),
    ("岸", "信夫", "Nobuo Kishi"),
    ("茂木", "敏充", "Toshimitsu Motegi"),
    ("林", "芳正", "Yoshimasa Hayashi"),
    ("上川", "陽子", "Yoko Kamikawa"),
    ("岩屋", "毅", "Takeshi Iwaya"),
    ("小野寺", "五典", "Itsunori Onodera"),
    ("中谷", "元", "Gen Nakatani"),
    ("稲田", "朋美", "Tomomi Inada"),
    ("浜田", "靖一", "Yasukazu Hamada"),
    ("木原", "稔", "Minoru Kihara"),
    ("加藤", "勝信", "Katsunobu Kato"),
    ("松野", "博一", "Hirokazu Matsuno"),
)

# foreign leaders and secretaries general as Japanese readouts write them
FOREIGN_PEOPLE: dict[str, str] = {
    "ヤープ・デ・ホープ・スヘッフェル": "Jaap de Hoop Scheffer",
    "アナス・フォー・ラスムセン": "Anders Fogh Rasmussen",
    "イェンス・ストルテンベルグ": "Jens Stoltenberg",
    "マルク・ルッテ": "Mark Rutte",
    "ジョージ・W・ブッシュ": "George W. Bush",
    "バラク・オバマ": "Barack Obama",
    "ドナルド・トランプ": "Donald Trump",
    "ジョセフ・バイデン": "Joe Biden",
    "ジョン・ハワード": "John Howard",
    "ケビン・ラッド": "Kevin Rudd",
    "ジュリア・ギラード": "Julia Gillard",
    "トニー・アボット": "Tony Abbott",
    "マルコム・ターンブル": "Malcolm Turnbull",
    "スコット・モリソン": "Scott Morrison",
    "アンソニー・アルバニージー": "Anthony Albanese",
    "ジョン・キー": "John Key",
    "ジャシンダ・アーダーン": "Jacinda Ardern",
    "クリストファー・ラクソン": "Christopher Luxon",
    "文在寅": "Moon Jae-in",
    "尹錫悦": "Yoon Suk-yeol",
    "李在明": "Lee Jae-myung",
    "ウラジーミル・プーチン": "Vladimir Putin",
    "ゲアハルト・シュレーダー": "Gerhard Schroeder",
    "エマニュエル・マクロン": "Emmanuel Macron",
    "オラフ・ショルツ": "Olaf Scholz",
    "リシ・スナク": "Rishi Sunak",
    "キア・スターマー": "Keir Starmer",
}


def written_names() -> dict[str, str]:
    """Every full name as written -> canonical name."""
    out = {f + g: name for f, g, name in JAPANESE_PEOPLE}
    out.update(FOREIGN_PEOPLE)
    return out


def family_names() -> dict[str, str]:
    """Family names as readouts write them before a title ("安倍総理", "ルッテ事務総長");
    a family name two office holders share is left out (the full name tells them apart)."""
    counts: dict[str, list[str]] = {}
    for family, _, name in JAPANESE_PEOPLE:
        counts.setdefault(family, []).append(name)
    for written, name in FOREIGN_PEOPLE.items():
        counts.setdefault(written.split("・")[-1], []).append(name)
    return {family: names[0] for family, names in counts.items() if len(set(names)) == 1}


# Japan's prime ministers from the day they took office: "総理" with no name is the one in
# office on the readout's date
PRIME_MINISTERS: tuple[tuple[str, str], ...] = (
    ("2000-04-05", "Yoshiro Mori"),
    ("2001-04-26", "Junichiro Koizumi"),
    ("2006-09-26", "Shinzo Abe"),
    ("2007-09-26", "Yasuo Fukuda"),
    ("2008-09-24", "Taro Aso"),
    ("2009-09-16", "Yukio Hatoyama"),
    ("2010-06-08", "Naoto Kan"),
    ("2011-09-02", "Yoshihiko Noda"),
    ("2012-12-26", "Shinzo Abe"),
    ("2020-09-16", "Yoshihide Suga"),
    ("2021-10-04", "Fumio Kishida"),
    ("2024-10-01", "Shigeru Ishiba"),
    ("2025-10-21", "Sanae Takaichi"),
)

# the prime minister named by office alone
PRIME_MINISTER_WORDS: tuple[str, ...] = ("内閣総理大臣", "総理大臣", "総理", "首相")


def prime_minister_on(day: str) -> str | None:
    """The prime minister in office on ``day`` (ISO date), if after 2000."""
    current = None
    for start, name in PRIME_MINISTERS:
        if start <= day:
            current = name
    return current


# How a readout reports what each side said (the clause comes before the verb):
# "…旨述べました", "…ことで一致しました", "…を歓迎しました", "…に謝意を表明した上で、".
# A verb phrase here ends a reported clause; its class is "stance" when its head is in
# REPORT_STANCE_HEADS, else "speech".
REPORT_VERBS: tuple[str, ...] = (
    "旨の発言がありました", "旨発言しました", "旨を述べました", "旨述べました", "旨述べるとともに",
    "旨述べつつ", "旨述べ", "と述べました", "と強調しました", "旨強調しました", "を強調しました",
    "旨説明しました", "旨表明しました", "旨言及しました", "に言及しつつ",
    "に言及しました", "で一致しました", "で一致し", "を再確認するとともに",
    "を再確認しました", "を確認しつつ", "を確認しました",
    "として歓迎しました", "を歓迎しました", "を歓迎しつつ", "を歓迎するとともに", "を歓迎し、",
    "に謝意を表明した上で", "に謝意を表明しました", "に謝意を述べつつ", "に謝意を述べました",
    "に謝意を表しました", "に対する謝意が示されました", "に敬意を表しました", "に敬意を表し",
    "に祝意を述べました", "に祝意を表しました", "に祝意を示した上で", "に祝意を示しました",
    "に謝意を示した上で", "に謝意を示しました",
    # the plain style of some ministries' readouts: "…旨述べた。", "…旨発言した。"
    "旨述べた", "と述べた", "旨発言した", "と発言した", "旨強調した", "を確認した",
    "旨述べた上で", "等述べました", "謝意を示しました", "謝意が表明されました", "を伝達しつつ",
    "について説明しました",
)  # fmt: skip
REPORT_STANCE_HEADS: tuple[str, ...] = ("歓迎", "謝意", "敬意", "祝意", "感謝", "弔意")
# words that open a readout's sentence before its speaker: "冒頭、", "これに対し、"
REPORT_OPENERS: tuple[str, ...] = (
    "冒頭", "これに対して", "これに対し", "それに対し", "それに対して", "また", "さらに", "次に",
    "最後に", "その上で", "続いて", "特に",
)  # fmt: skip
