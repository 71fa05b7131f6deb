"""Dates in running text, recognised as dates whatever the language writes them like.

"January 20, 2025" in English is "20 de enero de 2025" in Spanish, "2025年1月20日" in Chinese and
"ngày 20 tháng 1 năm 2025" in Vietnamese. The integrity checks compare such dates as dates, and
only then compare the digits that remain, so a translation's month number is not a stray digit.

A date here needs a month and a year (a day is optional): a month name next to a lone number is
too often something else ("May 2 kinds..." in Tagalog reads "there are 2 kinds").
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from babel import Locale
from babel.dates import get_month_names

# Month names people write that CLDR (through Babel) does not give: Babel's Haitian Creole months
# are the French ones, and Russian needs the prepositional case of May ("в мае 2025 года").
EXTRA_MONTH_NAMES: dict[str, dict[int, tuple[str, ...]]] = {
    "ht": {
        1: ("janvye",), 2: ("fevriye",), 3: ("mas",), 4: ("avril",), 5: ("me",), 6: ("jen",),
        7: ("jiyè", "jiye"), 8: ("out",), 9: ("septanm",), 10: ("oktòb", "oktob"), 11: ("novanm",), 12: ("desanm",),
    },
    "ru": {5: ("мае",), 6: ("июне",), 7: ("июле",)},  # stems under 4 letters are not guessed
    "uk": {  # the locative ("у січні"): several stems are under 4 letters
        1: ("січні",), 2: ("лютому",), 3: ("березні",), 4: ("квітні",), 5: ("травні",), 6: ("червні",),
        7: ("липні",), 8: ("серпні",), 9: ("вересні",), 10: ("жовтні",), 11: ("листопаді",), 12: ("грудні",),
    },
}

_DAY = r"(?<!\d)(?P<d>3[01]|[12]\d|0?[1-9])(?:er|ᵉʳ|º|ª|st|nd|rd|th|\.(?=\s)|日|일)?(?!\d)"
_YEAR_RE = re.compile(r"(?<![\d.])(?:19|20)\d\d(?!\d)")
# What may stand between a day, a month and the year that follows: a few letters or spaces
# ("de", "năm", ", "), never a digit or the end of a sentence.
_GAP = r"[^\S\n]*[^\d\n.;:!?()\[\]<>]{0,5}?[^\S\n]*"
# After a year, only the Chinese and Korean year signs: "2025年1月20日", "2025년 1월 20일".
_AFTER_YEAR = r"[^\S\n]*[年년]?[^\S\n]*"
_NUMERIC_MONTHS = r"(?:(?<!\d)(?:1[0-2]|0?[1-9])[^\S\n]?[月월]|[Tt]háng[^\S\n]+(?:1[0-2]|0?[1-9])(?!\d))"
_WINDOW = 40  # characters before a year where its month and day may stand


@dataclass(frozen=True)
class FoundDate:
    start: int
    end: int
    key: str  # "2025-01-20", or "2025-01" without a day
    shown: str


@dataclass(frozen=True)
class _MonthTable:
    before_year: re.Pattern  # [day] month [day] <gap>, ending where the year starts
    after_year: re.Pattern  # <gap> month [day], starting where the year ends
    names: dict[str, int]
    stems: tuple[tuple[str, int], ...]

    def month_of(self, word: str) -> int | None:
        folded = word.rstrip(".").casefold()
        if folded in self.names:
            return self.names[folded]
        digits = re.search(r"\d+", word)
        if digits:
            return int(digits.group(0))
        return next((month for stem, month in self.stems if folded.startswith(stem)), None)


def _babel_month_names(locale: Locale) -> dict[int, set[str]]:
    names: dict[int, set[str]] = {month: set() for month in range(1, 13)}
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            for month, name in get_month_names(width, context, locale).items():
                names[month].add(name)
    return names


@functools.lru_cache(maxsize=None)
def month_table(locale_tag: str | None) -> _MonthTable:
    """The month words of English, plus those of `locale_tag` (a BCP 47 tag) when given."""
    english = _babel_month_names(Locale("en"))
    localized: dict[int, set[str]] = {month: set() for month in range(1, 13)}
    stems: list[tuple[str, int]] = []
    if locale_tag and not locale_tag.lower().startswith("en"):
        locale = Locale.parse(locale_tag, sep="-")
        localized = _babel_month_names(locale)
        base = locale_tag.split("-")[0].lower()
        for month, extra in EXTRA_MONTH_NAMES.get(base, {}).items():
            localized[month].update(extra)
        # Inflected languages: the stem shared by the nominative and genitive ("январ" of
        # "январь"/"января") also finds the other cases ("январе").
        wide_format = get_month_names("wide", "format", locale)
        wide_alone = get_month_names("wide", "stand-alone", locale)
        for month in range(1, 13):
            a, b = wide_format[month].casefold(), wide_alone[month].casefold()
            prefix = next((a[:i] for i in range(min(len(a), len(b)), 0, -1) if a[:i] == b[:i]), "")
            if a != b and len(prefix) >= 4 and prefix.isalpha():
                stems.append((prefix, month))
    names: dict[str, int] = {}
    for month in range(1, 13):
        for name in english[month] | localized[month]:
            names.setdefault(name.rstrip(".").casefold(), month)
    english_words = sorted({n for m in english.values() for n in m}, key=len, reverse=True)
    other_words = sorted({n for m in localized.values() for n in m} - set(english_words), key=len, reverse=True)
    letter_edge = r"(?<![^\W\d_])"
    alternatives = [_NUMERIC_MONTHS]
    # English month names only capitalised: "may" is a verb far more often than a month.
    alternatives += [letter_edge + re.escape(word.rstrip(".")) + r"\.?(?![^\W\d_])" for word in english_words]
    alternatives += [
        r"(?i:" + letter_edge + re.escape(word.rstrip(".")) + (r"\.?" if word[-1:].isalpha() or word.endswith(".") else "") + r"(?![^\W\d_]))"
        for word in other_words
        if not re.fullmatch(r"\d+\s*[月월]|[Tt]háng\s*\d+|thg\s*\d+", word)
    ]
    alternatives += [r"(?i:" + letter_edge + re.escape(stem) + r"[^\W\d_]{0,3}(?![^\W\d_]))" for stem, _ in stems]
    alternatives.append(r"(?i:(?<![^\W\d_])thg[^\S\n]+(?:1[0-2]|0?[1-9])(?!\d))")
    month = "(?P<m>" + "|".join(alternatives) + ")"
    before = re.compile(
        r"(?:" + _DAY + _GAP + r")?" + month + r"(?:" + _GAP + _DAY.replace("P<d>", "P<d2>") + r",?)?" + _GAP + r"\Z"
    )
    after = re.compile(_AFTER_YEAR + month + r"(?:[^\S\n]*" + _DAY + r")?")
    return _MonthTable(before, after, names, tuple(stems))


def find_dates(text: str, locale_tag: str | None = None) -> list[FoundDate]:
    """Every date with a month and a year in `text` (English month names, and `locale_tag`'s)."""
    found: list[FoundDate] = []
    table = None
    used = 0  # a month already part of one date is not part of the next
    for year in _YEAR_RE.finditer(text):
        table = table or month_table(locale_tag)
        start = end = None
        match = table.before_year.search(text, max(used, year.start() - _WINDOW), year.start())
        if match:
            start, end = match.start(), year.end()
        else:
            match = table.after_year.match(text, year.end())
            if match:
                start, end = year.start(), match.end()
        if match is None:
            continue
        groups = match.groupdict()
        month = table.month_of(groups["m"])
        day = groups.get("d") or groups.get("d2")
        if month is None:
            continue
        key = f"{year.group(0)}-{month:02d}" + (f"-{int(day):02d}" if day else "")
        found.append(FoundDate(start, end, key, text[start:end].strip()))
        used = end
    return found
