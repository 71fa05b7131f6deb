"""A language's termbase: the approved translation of each key term, read from
`translations/termbase/<code>.csv`, and the rule that says whether a text uses a term.

The file is a CSV glossary (UTF-8, comma-separated, a header row) that Weblate, Crowdin and memoQ
import as a glossary; `source` and `target` are the column names translate-toolkit (Weblate)
reads without any mapping. Columns:

- `source`: the English term, as it is written in English text (matched without regard to case,
  at word boundaries, with an optional plural `s`/`es`);
- `target`: the approved translation;
- `accepted`: other forms that count as the approved term, separated by `|` (short forms,
  inflections the stem rule below does not cover);
- `forbidden`: variants that must not be used, separated by `|`;
- `explanation`: for readers, in the language (e.g. what a "notario" is), where the term needs one;
- `note`: for translators, in English (why this term, which review chose it);
- `not_in`: English phrases, separated by `|`, in which the English word means something else
  ("privacy officer" is not an immigration or police officer): there it is not the term.

How a form is found in a translated text: the form's words must follow each other (separated
only by spaces) in the text, each word of the form starting a word of the text, so a form works
as a stem ("abogad" finds "abogado" and "abogados", "судебн ордер" finds "судебным ордером").
Words holding Chinese characters or Arabic script may sit anywhere inside a word of the text, because
Chinese has no spaces and Arabic writes the article and some prepositions joined to the word.
Case, accents' composition (NFC) and the apostrophe's form (' or ’) do not matter.
"""

from __future__ import annotations

import csv
import functools
import io
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .errors import ContentError

TERMBASE_DIR = Path("translations") / "termbase"
COLUMNS = ("source", "target", "accepted", "forbidden", "explanation", "note", "not_in")
REQUIRED = ("source", "target")

# Han, kana and Arabic: a form's word may be joined to other letters in the text.
_JOINED_RE = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]")


@dataclass(frozen=True)
class Term:
    """One row of a termbase."""

    source: str
    target: str
    accepted: tuple[str, ...]
    forbidden: tuple[str, ...]
    explanation: str
    note: str
    line: int
    not_in: tuple[str, ...] = ()

    @property
    def forms(self) -> tuple[str, ...]:
        """Every form that counts as the approved term, longest first."""
        return tuple(sorted({self.target, *self.accepted}, key=len, reverse=True))


@dataclass(frozen=True)
class Termbase:
    code: str
    path: Path
    terms: tuple[Term, ...]

    def __len__(self) -> int:
        return len(self.terms)


def normalize(text: str) -> str:
    """Text as the matcher sees it: NFC, one apostrophe."""
    return unicodedata.normalize("NFC", text).replace("\u2019", "'")


@functools.lru_cache(maxsize=4096)
def english_pattern(term: str) -> re.Pattern:
    """Where the English term `term` occurs in English text."""
    words = [re.escape(word) for word in normalize(term).split()]
    return re.compile(r"(?<![\w-])" + r"\s+".join(words) + r"(?:s|es|'s)?(?![\w-])", re.I)


@functools.lru_cache(maxsize=4096)
def form_pattern(form: str) -> re.Pattern:
    """Where the translated form `form` occurs in a translation (see the module's rule)."""
    parts = []
    for word in normalize(form).split():
        escaped = re.escape(word)
        parts.append(r"\w*" + escaped + r"\w*" if _JOINED_RE.search(word) else r"(?<!\w)" + escaped + r"\w*")
    return re.compile(r"\s+".join(parts), re.I)


def uses(text: str, term: Term) -> bool:
    """Whether `text` (a translation) uses the approved term in one of its forms."""
    text = normalize(text)
    return any(form_pattern(form).search(text) for form in term.forms)


def forbidden_uses(text: str, term: Term) -> list[tuple[int, str]]:
    """(offset, variant) of every forbidden variant in `text` that is not part of an approved form
    (so a forbidden "tiền bảo lãnh" inside an approved "tiền bảo lãnh tại ngoại" is not one)."""
    if not term.forbidden:
        return []
    text = normalize(text)
    for form in term.forms:
        text = form_pattern(form).sub(lambda m: " " * len(m.group(0)), text)
    found = []
    for variant in term.forbidden:
        found += [(m.start(), variant) for m in form_pattern(variant).finditer(text)]
    return sorted(found)


def mentions(english: str, term: Term) -> int | None:
    """The offset where English text `english` mentions the term, or None."""
    english = normalize(english)
    for phrase in term.not_in:
        english = english_pattern(phrase).sub(lambda m: " " * len(m.group(0)), english)
    match = english_pattern(term.source).search(english)
    return match.start() if match else None


def _split(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split("|") if part.strip())


def parse_termbase(text: str, path: Path, code: str) -> Termbase:
    """Read the CSV `text` of `path`; raise `ContentError` naming the line of a bad row."""
    hint = f"see CONTRIBUTING.md, 'Termbase': the columns are {', '.join(COLUMNS)}"
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    try:
        rows = list(reader)
    except csv.Error as exc:
        raise ContentError(f"not a readable CSV file: {exc}", path=path, line=reader.line_num, hint=hint) from None
    if not rows:
        raise ContentError("the termbase is empty: it needs a header row", path=path, line=1, hint=hint)
    header = [name.strip().lower() for name in rows[0]]
    for name in REQUIRED:
        if name not in header:
            raise ContentError(f"the header row has no '{name}' column", path=path, line=1, key=name, hint=hint)
    unknown = [name for name in header if name not in COLUMNS]
    if unknown:
        raise ContentError(f"unknown column '{unknown[0]}'", path=path, line=1, key=unknown[0], hint=hint)
    terms, seen = [], {}
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(header):
            raise ContentError(f"this row has {len(row)} cells but the header has {len(header)}", path=path, line=number, hint="put a cell holding a comma in double quotes")
        cells = {name: normalize(row[index].strip()) if index < len(row) else "" for index, name in enumerate(header)}
        for name in REQUIRED:
            if not cells[name]:
                raise ContentError(f"the '{name}' cell is empty", path=path, line=number, key=name, hint=hint)
        key = cells["source"].lower()
        if key in seen:
            raise ContentError(f"'{cells['source']}' is already in the termbase at line {seen[key]}", path=path, line=number, key="source", hint="keep one row per English term; list other accepted forms in 'accepted'")
        seen[key] = number
        term = Term(cells["source"], cells["target"], _split(cells.get("accepted", "")), _split(cells.get("forbidden", "")), cells.get("explanation", ""), cells.get("note", ""), number, _split(cells.get("not_in", "")))
        clash = [variant for variant in term.forbidden if any(form_pattern(variant).fullmatch(normalize(form)) for form in term.forms)]
        if clash:
            raise ContentError(f"'{clash[0]}' is both approved and forbidden", path=path, line=number, key="forbidden", hint="a forbidden variant must differ from the target and the accepted forms")
        terms.append(term)
    return Termbase(code, path, tuple(terms))


def termbase_path(translations: Path, code: str) -> Path:
    """Where language `code` keeps its termbase, under the project's `translations/` folder."""
    return translations / TERMBASE_DIR.name / f"{code}.csv"


def read_termbase(translations: Path, code: str) -> Termbase | None:
    """The termbase of language `code` (from the `translations/` folder), or None when it has none."""
    path = termbase_path(translations, code)
    if not path.is_file():
        return None
    return parse_termbase(path.read_text(encoding="utf-8"), path, code)
