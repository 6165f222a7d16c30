"""Month and weekday names: numbers by three-letter key, and regex alternations."""

from __future__ import annotations

MONTH_NAMES: tuple[str, ...] = (
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
)  # fmt: skip
WEEKDAY_NAMES: tuple[str, ...] = (
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
)  # fmt: skip
# "jan" -> 1 ... "dec" -> 12; "mon" -> 0 ... "sun" -> 6
MONTHS: dict[str, int] = {name[:3].lower(): n for n, name in enumerate(MONTH_NAMES, 1)}
WEEKDAYS: dict[str, int] = {name[:3].lower(): n for n, name in enumerate(WEEKDAY_NAMES)}
MONTH_ABBREVIATIONS: frozenset[str] = frozenset({*MONTHS, "sept"})

# Full names only: "January|February|...".
MONTH_NAME_PATTERN = "|".join(MONTH_NAMES)
# A month as written in running text or a date line, full or abbreviated (no dot).
MONTH_PATTERN = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
WEEKDAY_PATTERN = (
    r"(?:Mon(?:day)?|Tue(?:s(?:day)?)?|Wed(?:nesday)?|Thu(?:r(?:s(?:day)?)?)?|Fri(?:day)?"
    r"|Sat(?:urday)?|Sun(?:day)?)"
)


# Japanese eras: a year N of the era is ``JAPANESE_ERAS[era] + N`` (令和5年 is 2023).
JAPANESE_ERAS: dict[str, int] = {"令和": 2018, "平成": 1988, "昭和": 1925}


def month_number(name: str) -> int | None:
    """1-12 for an English month name or abbreviation ("Sept.", "April")."""
    return MONTHS.get(name.strip(".").lower()[:3])


def weekday_number(name: str) -> int | None:
    """0 (Monday) - 6 (Sunday) for an English weekday name or abbreviation."""
    return WEEKDAYS.get(name.lower()[:3])
