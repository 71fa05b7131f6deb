"""Which characters count as invisible or look-alike, and where; the translations' own text
(Vietnamese letters, Chinese around an address, Russian words) is never mistaken for a spoof."""

from __future__ import annotations

from pathlib import Path

import pytest

from kyr.integrity.characters import allowed_marks, check_invisible, check_lookalikes


def _lookalikes(text: str) -> list[str]:
    return [f.message.split(" inside ")[0] for f in check_lookalikes(text, path=Path("x.md"), line_at=lambda _o: 1)]


@pytest.mark.parametrize("text, named", [
    ("visit locator.ice.g\u043ev today", "U+043E CYRILLIC SMALL LETTER O"),
    ("ICE.G\u041eV", "U+041E CYRILLIC CAPITAL LETTER O"),
    ("write to help@ex\u0430mple.org.", "U+0430 CYRILLIC SMALL LETTER A"),
    ("call 1\u2011888\u2011351\u20114024", "U+2011 NON-BREAKING HYPHEN"),
    ("call 1-888-351-\uff14024", "U+FF14 FULLWIDTH DIGIT FOUR"),
    ("{{ clinic.ph\u043ene }}", "U+043E CYRILLIC SMALL LETTER O"),
    ("https://www.ice.gov/\u200bdetain", "U+200B ZERO WIDTH SPACE"),
])
def test_a_lookalike_inside_a_number_address_or_placeholder_is_named_once(text, named):
    assert _lookalikes(text) == [named]


@pytest.mark.parametrize("text", [
    "发邮件到help@example.org联系我们。",
    "Посетите сайт ice.gov сегодня.",
    "Mỹ.Tiếp theo, gọi 1-888-351-4024.",
    "ngày 20 tháng 1 năm 2025",
    "l'adresse locator.ice.gov : c'est tout",
    "[1-888-351-4024](tel:+18883514024)",
    "2025年1月20日",
])
def test_ordinary_translated_text_around_addresses_is_not_a_lookalike(text):
    assert _lookalikes(text) == []


def test_only_right_to_left_languages_get_direction_marks_and_only_joining_scripts_get_joiners():
    assert allowed_marks("ar", True) == frozenset("\u200e\u200f\u061c")
    assert allowed_marks("es", False) == frozenset()
    assert allowed_marks("fa", True) >= frozenset("\u200c\u200d")
    findings = check_invisible("", "a\u202eb", path=Path("x"), line_at=lambda _o: 3, allowed=allowed_marks("ar", True), where="the English text")
    assert [(f.code, f.line) for f in findings] == [("bidi-control", 3)]
