"""Who held the offices texts most often name without a name ("the NATO Secretary General",
"the Prime Minister of Japan"), with their terms, from the public record.

Used only to tell which person *named in the article* a bare role means when nobody in the
text is given that role ("signed with the NATO Secretary General …", later "Mr. De Hoop
Scheffer"): it never adds a person the text does not name.
"""

from __future__ import annotations

from datetime import date

# (organisation, role key) -> (name, first day, last day or None while in office)
OFFICE_HOLDERS: dict[tuple[str, str], tuple[tuple[str, date, date | None], ...]] = {
    ("NATO", "secretary general"): (
        ("Javier Solana", date(1995, 12, 5), date(1999, 10, 6)),
        ("George Robertson", date(1999, 10, 14), date(2003, 12, 31)),
        ("Jaap de Hoop Scheffer", date(2004, 1, 1), date(2009, 7, 31)),
        ("Anders Fogh Rasmussen", date(2009, 8, 1), date(2014, 9, 30)),
        ("Jens Stoltenberg", date(2014, 10, 1), date(2024, 9, 30)),
        ("Mark Rutte", date(2024, 10, 1), None),
    ),
    ("Japan", "prime minister"): (
        ("Junichiro Koizumi", date(2001, 4, 26), date(2006, 9, 25)),
        ("Shinzo Abe", date(2006, 9, 26), date(2007, 9, 25)),
        ("Yasuo Fukuda", date(2007, 9, 26), date(2008, 9, 23)),
        ("Taro Aso", date(2008, 9, 24), date(2009, 9, 15)),
        ("Yukio Hatoyama", date(2009, 9, 16), date(2010, 6, 7)),
        ("Naoto Kan", date(2010, 6, 8), date(2011, 9, 1)),
        ("Yoshihiko Noda", date(2011, 9, 2), date(2012, 12, 25)),
        ("Shinzo Abe", date(2012, 12, 26), date(2020, 9, 15)),
        ("Yoshihide Suga", date(2020, 9, 16), date(2021, 10, 3)),
        ("Fumio Kishida", date(2021, 10, 4), date(2024, 9, 30)),
        ("Shigeru Ishiba", date(2024, 10, 1), date(2025, 10, 20)),
        ("Sanae Takaichi", date(2025, 10, 21), None),
    ),
}


def holders_on(key: str, org: str | None, day: date) -> list[tuple[str, str]]:
    """(organisation, name) of who held the office ``key`` on ``day`` (any organisation
    of the table when ``org`` is None)."""
    out = []
    for (o, k), terms in OFFICE_HOLDERS.items():
        if k != key or (org is not None and o != org):
            continue
        out += [(o, name) for name, first, last in terms if first <= day <= (last or day)]
    return out
