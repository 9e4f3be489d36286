"""Formatting in the page's language: dates and partial dates, numbers, lists, language names, hours."""

from __future__ import annotations

from datetime import date, datetime

from pwa import directory, i18n
from pwa.formatting import WEEK, Formatting, language_name
from pwa.settings import ROOT
from tests.helpers import parse_html


def test_hours_rows_group_days_with_the_same_times(app):
    service = app.state.directory.get("nummer-gegen-kummer-eltern")
    assert Formatting("de").opening_hours(service.hours) == [
        (["Montag", "Mittwoch", "Freitag"], "09:00–17:00 Uhr"),
        (["Dienstag", "Donnerstag"], "09:00–19:00 Uhr"),
    ]
    every_day = app.state.directory.get("weisser-ring")
    assert Formatting("de").opening_hours(every_day.hours) == [([], "07:00–22:00 Uhr")]
    assert Formatting("de").opening_hours(app.state.directory.get("police").hours) == []


def test_days_in_a_row_read_as_a_range_and_times_as_the_language_writes_them():
    span = directory.Span
    weekdays = tuple(span(day, "09:00", "17:00") for day in WEEK[:5])
    assert Formatting("de").opening_hours(weekdays) == [(["Montag – Freitag"], "09:00–17:00 Uhr")]
    # Midnight closes the day; English writes a 12-hour clock.
    saturday_night = Formatting("en").opening_hours((span("sat", "20:00", "24:00"),))
    assert saturday_night == [(["Saturday"], "8:00\u202fPM\u2009–\u200912:00\u202fAM")]


def test_the_week_is_the_directorys():
    assert WEEK == directory.DAYS


def test_dates_and_partial_dates_in_the_page_language():
    de, en = Formatting("de"), Formatting("en")
    assert de.date("2025-11-14") == "14. November 2025"
    assert de.date(date(2025, 11, 14)) == de.date(datetime(2025, 11, 14, 23, 59)) == "14. November 2025"
    assert de.date("2022-12") == "Dezember 2022"
    assert en.date("2022-12") == "December 2022"
    assert de.date("2023") == "2023"
    assert de.date("2025-11-14", "short") == "14.11.25"
    # By the month: how long ago a fact was read, in every language's words.
    assert de.date(date(2026, 11, 24), "month") == de.date("2026-11-24", "month") == "November 2026"
    assert Formatting("ru").date("2026-11-24", "month") == "ноябрь 2026\u202fг."
    assert Formatting("ar").date("2026-11") == Formatting("ar").date("2026-11-24", "month") == "نوفمبر 2026"
    assert de.date("2023", "month") == "2023"  # never more exact than the date
    # Nothing that is not a date is turned into one.
    assert de.date("soon") == "soon" and de.date(None) == "" and de.date("2022-13") == "2022-13"


def test_numbers_and_lists():
    assert Formatting("de").number(1234.5) == "1.234,5"
    assert Formatting("en").number(1234.5) == "1,234.5"
    assert Formatting("de").list(["Hilden", "Haan", "Erkrath"]) == "Hilden, Haan und Erkrath"
    assert Formatting("de").list([]) == ""
    labels = {"women": "Frauen", "men": "Männer"}
    assert Formatting("en", {"Frauen": "Women", "Männer": "Men"}.get).labels(["women", "men", "x"], labels) == "Women and Men"


def test_language_names_one_way_everywhere():
    de, ru = Formatting("de"), Formatting("ru")
    assert de.language("tr") == "Türkisch"
    assert ru.language("de") == "Немецкий" and ru.language("de", capitalized=False) == "немецкий"
    assert de.language_option("tr") == "Türkçe – Türkisch"
    assert de.language_option("de") == "Deutsch"
    assert de.languages(["de", "tr"]) == "Deutsch und Türkisch"
    assert language_name("xx-!!", "de") == "xx-!!"
    # The language chooser names each language in its own words, through the same function.
    assert i18n.language(ROOT / "locales", "uk").name == language_name("uk", "uk") == "Українська"


def test_templates_use_the_filters_of_their_language(app):
    env = app.state.templates.envs["en"]
    html = env.from_string("{{ '2022-12'|localized_date }} · {{ ['de', 'tr']|language_list }} · {{ 3|number }}").render()
    assert parse_html(html).text == "December 2022 · German and Turkish · 3"
