"""Dates are compared as dates, however each language writes them."""

from __future__ import annotations

import pytest

from kyr.integrity.dates import find_dates

# "January 20, 2025" and "In January 2025" as our translators write them.
WRITTEN = [
    ("es", "Desde el 20 de enero de 2025. En enero de 2025, el gobierno."),
    ("pt-BR", "Desde 20 de janeiro de 2025. Em janeiro de 2025, o governo."),
    ("fr", "Depuis le 20 janvier 2025. En janvier 2025, le gouvernement."),
    ("ht", "Depi 20 janvye 2025. An janvye 2025, gouvènman an."),
    ("ru", "С 20 января 2025 г. В январе 2025 года правительство."),
    ("vi", "Từ ngày 20 tháng 1 năm 2025. Vào tháng 1 năm 2025, chính phủ."),
    ("ko", "2025년 1월 20일부터. 2025년 1월에 정부는."),
    ("zh-Hans", "自2025年1月20日起。2025年1月，政府。"),
    ("zh-Hant", "自2025年1月20日起。2025年1月，政府。"),
    ("ar", "منذ 20 يناير 2025. في يناير 2025، بدأت الحكومة."),
    ("tl", "Mula Enero 20, 2025. Noong Enero 2025, ang gobyerno."),
]


def test_english_dates_with_and_without_a_day():
    found = find_dates("Since January 20, 2025, no policy. In January 2025, the government. May 12, 2025 and July 2025.")
    assert [d.key for d in found] == ["2025-01-20", "2025-01", "2025-05-12", "2025-07"]


@pytest.mark.parametrize("tag, text", WRITTEN, ids=[tag for tag, _ in WRITTEN])
def test_each_language_writes_the_same_two_dates(tag, text):
    assert [d.key for d in find_dates(text, tag)] == ["2025-01-20", "2025-01"]


def test_may_the_verb_and_a_month_without_a_year_are_not_dates():
    assert find_dates("You may stay silent. It may take 2 years.") == []
    assert find_dates("May 2 uri ng tao.", "tl") == []


def test_a_year_alone_is_not_a_date():
    assert find_dates("The rules changed in 2025.") == []


def test_the_found_span_covers_the_whole_date():
    text = "Un memorando del 12 de mayo de 2025 se hizo público."
    (found,) = find_dates(text, "es")
    assert text[found.start:found.end] == "12 de mayo de 2025"


@pytest.mark.parametrize("text, key", [("В мае 2025 года.", "2025-05"), ("В июне 2025 года.", "2025-06"), ("В июле 2025 года.", "2025-07")])
def test_russian_months_in_the_prepositional_case_are_dates(text, key):
    # "июнь"/"июня" share only three letters, too short a stem to guess the other cases from.
    assert [d.key for d in find_dates(text, "ru")] == [key]


@pytest.mark.parametrize("text, key", [("У січні 2026 року.", "2026-01"), ("У липні 2025 року.", "2025-07"), ("6 січня 2026 року.", "2026-01-06")])
def test_ukrainian_months_in_the_locative_are_dates(text, key):
    assert [d.key for d in find_dates(text, "uk")] == [key]
