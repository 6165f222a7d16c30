"""Dates, weekdays, clock times and durations as releases and readouts write them."""

from datetime import date

import pytest

from natojp_tui.core.dates import (
    find_dates,
    find_duration,
    find_times,
    infer_year,
    japan_time_spans,
    read_clock,
    resolve_weekday,
)

MONDAY_15_APRIL = date(2013, 4, 15)


def values(text: str, published: date | None = MONDAY_15_APRIL) -> list[date | None]:
    return [d.resolve(None) for d in find_dates(text, published)]


@pytest.mark.parametrize(
    "text",
    ["15 April 2013", "April 15, 2013", "15 Apr. 2013", "on Monday (15 April)", "2013-04-15",
     "Monday, April 15", "15th of April 2013", "Apr. 15"],
)  # fmt: skip
def test_absolute_dates_in_every_common_form(text: str) -> None:
    assert values(text) == [MONDAY_15_APRIL]


def test_weekday_with_its_date_is_one_mention_covering_the_parenthesis() -> None:
    [mention] = find_dates("visit to Tokyo on Monday (15 April).", MONDAY_15_APRIL)
    assert mention.text == "Monday (15 April)"
    assert mention.anchor == "absolute"


def test_year_comes_from_the_article_date_and_wraps_around_new_year() -> None:
    assert values("on 12 July", date(2023, 7, 13)) == [date(2023, 7, 12)]
    assert values("on 28 December", date(2024, 1, 3)) == [date(2023, 12, 28)]
    assert infer_year(2, 30, date(2023, 3, 1)) is None  # no such day


def test_no_date_without_an_article_date_when_the_year_is_missing() -> None:
    assert values("on 12 July", None) == [None]


def test_weekdays_resolve_to_the_most_recent_one_on_or_before_the_article_date() -> None:
    wednesday = date(2023, 2, 1)
    assert values("met on Tuesday", wednesday) == [date(2023, 1, 31)]
    assert values("earlier on Wednesday", wednesday) == [wednesday]
    assert values("next Tuesday", wednesday) == [date(2023, 2, 7)]
    assert values("last Wednesday", wednesday) == [date(2023, 1, 25)]
    assert resolve_weekday(0, wednesday, "following") == date(2023, 2, 6)


def test_relative_days_are_offsets_from_the_date_last_mentioned() -> None:
    [following] = find_dates("The following day, he left.", MONDAY_15_APRIL)
    [previous] = find_dates("He had met them the previous day.", MONDAY_15_APRIL)
    [same] = find_dates("Later that day, he spoke.", MONDAY_15_APRIL)
    assert following.anchor == previous.anchor == same.anchor == "context"
    assert following.resolve(MONDAY_15_APRIL) == date(2013, 4, 16)
    assert previous.resolve(MONDAY_15_APRIL) == date(2013, 4, 14)
    assert same.resolve(MONDAY_15_APRIL) == MONDAY_15_APRIL
    assert following.resolve(None) is None  # never guessed


def test_a_relative_day_followed_by_its_date_takes_the_date() -> None:
    assert values("on the next day, January 12", date(2023, 1, 13)) == [date(2023, 1, 12)]


def test_yesterday_and_today_are_relative_to_the_article_date() -> None:
    assert values("yesterday and today") == [date(2013, 4, 14), MONDAY_15_APRIL]


def test_day_ranges_give_first_and_last_day() -> None:
    [r] = find_dates("visiting Japan from 15 to 17 April", MONDAY_15_APRIL)
    assert (r.value, r.end_value) == (MONDAY_15_APRIL, date(2013, 4, 17))
    [r] = find_dates("April 8-10, 2025", None)
    assert (r.value, r.end_value) == (date(2025, 4, 8), date(2025, 4, 10))


def test_lower_case_may_and_abbreviated_weekdays_are_not_dates() -> None:
    assert find_dates("Japan may 5 times consider it. Sun rose.", MONDAY_15_APRIL) == []


def test_clock_time_and_duration_from_a_readout() -> None:
    clock = read_clock("On January 31, commencing from 6:15 p.m. for around 30 minutes, ...")
    assert (clock.time, clock.duration, clock.note) == ("18:15", 30, None)


def test_a_24_hour_time_with_pm_is_read_as_written() -> None:
    assert read_clock("from 19:10 p.m. for about 45 minutes").time == "19:10"


def test_local_time_is_kept_and_the_japan_time_noted() -> None:
    clock = read_clock("commencing at 11:35 a.m. (local time; 6:35 p.m. Japan time) for 40 minutes")
    assert (clock.time, clock.duration, clock.note) == ("11:35", 40, "Japan time 18:35")
    clock = read_clock("(Japan time: July 13, 2:35 a.m.) at 7:35 p.m. local time")
    assert (clock.time, clock.note) == ("19:35", "Japan time 02:35")


def test_a_time_given_only_in_japan_time_says_so() -> None:
    assert read_clock("at 10 a.m. JST").note == "Japan time"


def test_a_time_range_gives_the_duration() -> None:
    assert read_clock("from 5:30 p.m. to 6:10 p.m.").duration == 40
    assert read_clock("from 18:15 to 18:45").duration == 30


@pytest.mark.parametrize(
    ("text", "minutes"),
    [("for around 30 minutes", 30), ("for about an hour", 60), ("for about an hour and a half", 90),
     ("for approximately 1 hour 20 minutes", 80), ("a 45-minute meeting", 45),
     ("talks lasted about two hours", 120), ("for half an hour", 30), ("for 1.5 hours", 90)],
)  # fmt: skip
def test_durations(text: str, minutes: int) -> None:
    assert find_duration(text) == minutes


def test_numbers_that_are_not_times() -> None:
    assert find_times("rose 5.30 percent in 2013 and 3:1 odds") == []


def test_japan_time_parentheses_are_found() -> None:
    text = "On July 12 (Japan time: July 13, 2:35 a.m.), he met"
    [(a, b)] = japan_time_spans(text)
    assert text[a:b] == "(Japan time: July 13, 2:35 a.m.)"
