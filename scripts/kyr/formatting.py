"""Clinic values written for readers of one language: hours, language names, lists, dates.

Babel supplies day names, time formats, list patterns and language and country names, so a
clinic's data is entered once and reads naturally in every language.
"""

from __future__ import annotations

from datetime import date
from typing import Callable

from babel import Locale
from babel.dates import format_date, format_time, get_day_names
from babel.lists import format_list

from .clinic import Hours, OpeningSpan

Gettext = Callable[[str], str]


def format_hours(hours: Hours, locale: Locale, gettext: Gettext) -> str:
    """`Monday–Friday, 9:00 AM–5:00 PM`, or `24 hours a day, 7 days a week`, in `locale`."""
    if hours.always:
        return gettext("24 hours a day, 7 days a week")
    return format_list([_format_span(span, locale) for span in hours.spans], style="unit", locale=locale)


def _format_span(span: OpeningSpan, locale: Locale) -> str:
    days = get_day_names("wide", locale=locale)
    day_text = days[span.first_day] if span.first_day == span.last_day else f"{days[span.first_day]}–{days[span.last_day]}"
    opens = format_time(span.opens, "short", locale=locale)
    closes = format_time(span.closes, "short", locale=locale)
    return f"{day_text} {opens}–{closes}"


def language_names(codes: tuple[str, ...] | list[str], locale: Locale, *, own: tuple[str, str] | None = None) -> list[str]:
    """The names of the languages `codes`, as readers of `locale` write them.

    `own` is (code, name) of the readers' language when CLDR lacks it: readers of Hmong, whose
    dates borrow English's, still see Hmong named 'Hmoob'. A name `locale` lacks is the English one."""
    names = []
    english = Locale("en")
    for code in codes:
        base = code.replace("_", "-").split("-")[0].lower()
        if own and base == own[0].split("-")[0].lower():
            names.append(own[1])
            continue
        key = code.replace("-", "_")
        names.append(
            locale.languages.get(key) or locale.languages.get(base)
            or english.languages.get(key) or english.languages.get(base) or code
        )
    return names


def join_list(items: list[str], locale: Locale) -> str:
    """`a, b and c` in the grammar of `locale`."""
    return format_list(items, locale=locale) if items else ""


def country_name(code: str, locale: Locale) -> str:
    """The name of country `code` (ISO 3166) in `locale`."""
    return locale.territories.get(code, code)


def format_review_date(value: date, locale: Locale) -> str:
    """A review date written out in `locale` (e.g. `November 23, 2026`)."""
    return format_date(value, "long", locale=locale)
