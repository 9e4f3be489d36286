"""How the pages write dates, numbers, lists, language names and opening hours, per language.

Each language's template environment gets one :class:`Formatting`, made at start-up; its
:meth:`Formatting.filters` are that environment's Jinja filters, so templates write
``{{ service.source_date|localized_date }}`` or ``{{ service.languages|language_list }}`` and
no page builds a formatter of its own. Everything comes from CLDR through Babel.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any, Callable, Iterable, Mapping

from babel import Locale
from babel.dates import format_date, format_interval, format_skeleton, get_day_names
from babel.lists import format_list
from babel.numbers import format_decimal

# The days of the week as the directory's opening hours name them; index = date.weekday().
WEEK = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

# (days, times): day names of one row of opening hours (none: every day) and its times.
HoursRow = tuple[list[str], str]


def _capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]


def language_name(code: str, in_language: str, capitalized: bool = True) -> str:
    """A language's name in another language (or its own), from CLDR; the code if unknown.

    Capitalized, it stands on its own (a label, a list item, a language to choose); as CLDR
    writes it, it reads inside a sentence ("немецкий").
    """
    try:
        name = Locale.parse(code).get_display_name(in_language) or code
    except (ValueError, LookupError):
        return code
    return _capitalized(name) if capitalized else name


def _day_or_partial(value: Any) -> tuple[date, str] | None:
    """A date and how much of it is known ("day", "month", "year"), from a date or ISO text."""
    if isinstance(value, datetime):
        return value.date(), "day"
    if isinstance(value, date):
        return value, "day"
    if not isinstance(value, str):
        return None
    # "2025-11-14", "2022-12" or "2023", as the data gives them.
    kind, text = {10: ("day", value), 7: ("month", f"{value}-01"), 4: ("year", f"{value}-01-01")}.get(len(value), ("", ""))
    try:
        return date.fromisoformat(text), kind
    except ValueError:
        return None


class Formatting:
    """Formatting in one language (``code``), translating model labels with its ``gettext``."""

    def __init__(self, code: str, gettext: Callable[[str], str] = lambda text: text) -> None:
        self.code = code
        self.gettext = gettext
        pattern = Locale.parse(code).time_formats["short"].pattern
        self._time_skeleton = "hm" if "h" in pattern else "Hm"
        self._day_names = get_day_names("wide", locale=code)  # 0 = Monday, as WEEK

    def filters(self) -> dict[str, Callable[..., Any]]:
        """The Jinja filters of this language's environment."""
        return {
            "localized_date": self.date,
            "number": self.number,
            "format_list": self.list,
            "labels": self.labels,
            "language": self.language,
            "language_option": self.language_option,
            "language_list": self.languages,
            "opening_hours": self.opening_hours,
        }

    def date(self, value: Any, form: str = "long") -> str:
        """A date, or a partial ISO date: "14. November 2025", "Dezember 2022", "2023".

        ``form`` is a Babel date format ("long", "short", ...), or "month" for the month of a
        day: "November 2026" (how sure a fact is reads better by the month than by the day).
        """
        found = _day_or_partial(value)
        if found is None:
            return str(value or "")
        day, kind = found
        if kind == "day" and form != "month":
            return format_date(day, format=form, locale=self.code)
        if kind in ("day", "month"):
            return format_skeleton("yMMMM", day, locale=self.code)
        return str(day.year)

    def number(self, value: float) -> str:
        return format_decimal(value, locale=self.code)

    def list(self, items: Iterable[Any]) -> str:
        """Items as a list in running text: "A, B und C"."""
        texts = [str(item) for item in items]
        return format_list(texts, locale=self.code) if texts else ""

    def labels(self, values: Iterable[str], labels: Mapping[str, str]) -> str:
        """Translated labels of some model values (target groups, channels, ...) as a list."""
        return self.list(self.gettext(labels[value]) for value in values if value in labels)

    def language(self, code: str, capitalized: bool = True) -> str:
        """A language's name in the page's language."""
        return language_name(code, self.code, capitalized)

    def language_option(self, code: str) -> str:
        """A language as its speakers write it, and in the page's language when that differs."""
        own, here = language_name(code, code), self.language(code)
        return own if own == here else f"{own} – {here}"

    def languages(self, codes: Iterable[str], sort: bool = False) -> str:
        """Language names as a list in running text; ``sort``: in the order of their names."""
        names = [self.language(code) for code in codes]
        return self.list(sorted(names, key=str.casefold) if sort else names)

    def times(self, opens: str, closes: str) -> str:
        """Opening times "09:00" to "24:00" as the language writes them: "09:00–17:00 Uhr"."""

        def parse(hhmm: str) -> time:
            hours, minutes = (int(part) for part in hhmm.split(":"))
            return time(hours % 24, minutes)

        return format_interval(parse(opens), parse(closes), self._time_skeleton, locale=self.code)

    def opening_hours(self, hours: Any) -> list[HoursRow]:
        """Weekly opening spans (each with ``day``, ``opens``, ``closes``) as rows: days with
        the same times share a row, three or more days in a row read "Montag – Freitag", and
        a row for every day has no day names (the template says "every day"). Anything but
        spans (always open, unknown) has no rows."""
        if not isinstance(hours, tuple):
            return []
        by_day: dict[str, list[str]] = {}
        for span in hours:
            by_day.setdefault(span.day, []).append(self.times(span.opens, span.closes))
        rows: list[tuple[list[int], str]] = []
        for index, day in enumerate(WEEK):
            if day not in by_day:
                continue
            text = ", ".join(by_day[day])
            for row in rows:
                if row[1] == text:
                    row[0].append(index)
                    break
            else:
                rows.append(([index], text))
        result: list[HoursRow] = []
        for indices, text in rows:
            if len(indices) == 7:
                result.append(([], text))
            elif len(indices) >= 3 and indices == list(range(indices[0], indices[-1] + 1)):
                result.append(([f"{self._day_names[indices[0]]} – {self._day_names[indices[-1]]}"], text))
            else:
                result.append(([self._day_names[i] for i in indices], text))
        return result
