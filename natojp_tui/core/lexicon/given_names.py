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
