"""Short forms of given names that the press and governments use for the same person
("Mike Pompeo" is "Michael R. Pompeo", "Tony Abbott" is "Anthony Abbott")."""

from __future__ import annotations

NICKNAMES: dict[str, str] = {
    "mike": "michael", "bill": "william", "will": "william", "bob": "robert", "rob": "robert",
    "tony": "anthony", "jim": "james", "jimmy": "james", "joe": "joseph", "tom": "thomas",
    "dick": "richard", "rick": "richard", "chuck": "charles", "charlie": "charles",
    "ted": "edward", "ed": "edward", "dave": "david", "steve": "stephen", "andy": "andrew",
    "dan": "daniel", "pete": "peter", "ben": "benjamin", "sam": "samuel", "matt": "matthew",
    "chris": "christopher", "nick": "nicholas", "alex": "alexander", "tim": "timothy",
    "liz": "elizabeth", "kate": "katherine", "jenny": "jennifer", "penny": "penelope",
    "greg": "gregory", "jeff": "jeffrey", "ken": "kenneth", "larry": "lawrence",
}  # fmt: skip

# Korean and Chinese family names, written first ("Yoon Suk Yeol", "Park Jin", "Wang Yi"):
# a headline's short name for such a name is its first word.
FAMILY_FIRST_NAMES: frozenset[str] = frozenset(
    [
        "kim",
        "lee",
        "park",
        "pak",
        "choi",
        "choe",
        "jung",
        "chung",
        "jeong",
        "kang",
        "cho",
        "jo",
        "yoon",
        "yun",
        "jang",
        "chang",
        "lim",
        "han",
        "oh",
        "seo",
        "suh",
        "shin",
        "kwon",
        "hwang",
        "ahn",
        "song",
        "yoo",
        "yu",
        "hong",
        "jeon",
        "chun",
        "ko",
        "moon",
        "yang",
        "son",
        "bae",
        "baek",
        "roh",
        "noh",
        "ban",
        "wang",
        "zhang",
        "liu",
        "chen",
        "zhao",
        "huang",
        "zhou",
        "wu",
        "xu",
        "sun",
        "ma",
        "zhu",
        "hu",
        "guo",
        "lin",
        "he",
        "gao",
        "luo",
        "xi",
        "li",
    ]
)


# written after a family name, part of the name but not the family name ("Austin III")
GENERATION_SUFFIXES: frozenset[str] = frozenset({"II", "III", "IV", "Jr", "Jr.", "Sr", "Sr."})
