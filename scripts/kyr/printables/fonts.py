"""The fonts of the printables: which Noto families each language uses, where their files are, and
the check that every character of every text is covered by them before anything is rendered.

The families come from Debian's `fonts-noto-core` (Latin, Cyrillic, Arabic with Naskh and Urdu's
Nastaliq, Gurmukhi, Devanagari, Bengali, Ethiopic, Myanmar) and `fonts-noto-cjk`, installed by
`scripts/install-system-deps.sh`; fontconfig finds their files, exactly as WeasyPrint will.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable

from babel.core import get_global

from ..errors import PrintError
from ..languages import Language


@dataclass(frozen=True)
class Family:
    """A font family and the Debian package that installs it."""

    name: str
    package: str


LATIN = Family("Noto Sans", "fonts-noto-core")  # Latin (with Vietnamese), Greek and Cyrillic

# The second family for scripts Noto Sans does not cover, by ISO 15924 script code.
SCRIPT_FAMILIES = {
    "Arab": Family("Noto Naskh Arabic", "fonts-noto-core"),  # Arabic, Dari (fa-AF), Pashto
    "Guru": Family("Noto Sans Gurmukhi", "fonts-noto-core"),  # Punjabi
    "Deva": Family("Noto Sans Devanagari", "fonts-noto-core"),  # Hindi
    "Beng": Family("Noto Sans Bengali", "fonts-noto-core"),  # Bengali
    "Ethi": Family("Noto Sans Ethiopic", "fonts-noto-core"),  # Amharic, Tigrinya
    "Mymr": Family("Noto Sans Myanmar", "fonts-noto-core"),  # Burmese (Unicode; never Zawgyi)
    "Hans": Family("Noto Sans CJK SC", "fonts-noto-cjk"),
    "Hant": Family("Noto Sans CJK TC", "fonts-noto-cjk"),
    "Kore": Family("Noto Sans CJK KR", "fonts-noto-cjk"),
    "Jpan": Family("Noto Sans CJK JP", "fonts-noto-cjk"),
}

# Languages whose readers expect another family than their script's: Urdu is read in Nastaliq.
# Naskh stays after it, for the odd character Nastaliq lacks. These come before Noto Sans: the
# first family sets the line's metrics, and Noto Sans's, added to Nastaliq's tall ink, made every
# Urdu line too tall for the card's boxes at any size.
LANGUAGE_FAMILIES = {
    "ur": (Family("Noto Nastaliq Urdu", "fonts-noto-core"), SCRIPT_FAMILIES["Arab"]),
}

WEIGHTS = ("regular", "bold")

# Characters that are never drawn, so need no glyph: controls, bidi isolates and marks, joiners.
_UNDRAWN = {"Cc", "Cf", "Zl", "Zp"}


@dataclass(frozen=True)
class FontFile:
    """One face of a family: the file fontconfig picks and its index inside a collection."""

    family: str
    weight: str
    path: Path
    index: int


@dataclass(frozen=True)
class FontSet:
    """The families a language's printables are set in, first choice first, with their files."""

    families: tuple[Family, ...]
    files: tuple[FontFile, ...]

    @property
    def css_stack(self) -> str:
        """The CSS `font-family` value: these families and nothing else."""
        return ", ".join(f'"{family.name}"' for family in self.families)

    @property
    def names(self) -> str:
        return ", ".join(family.name for family in self.families)

    def fingerprint(self) -> str:
        """Changes when any font file changes (a Debian upgrade), so cached PDFs are re-rendered."""
        digest = hashlib.sha256()
        for font in self.files:
            stat = font.path.stat()
            digest.update(f"{font.path}|{font.index}|{stat.st_size}|{stat.st_mtime_ns}\n".encode())
        return digest.hexdigest()


@dataclass(frozen=True)
class LabelledText:
    """A piece of text on a printable and the string it belongs to, for error messages."""

    text: str
    label: str  # the gettext msgid, or a clinic.yml key such as "hotline.name"
    kind: str | None = None  # "msgid", "text" (clinic.yml and fixed texts) or None


# Where a labelled text comes from, for an error: (label, kind) -> (file, line).
Locate = Callable[[str, "str | None"], "tuple[Path | None, int | None]"]


def script_of(language: Language) -> str:
    """The ISO 15924 script `language` is written in (`Latn`, `Arab`, `Hans`...): its tag's script
    subtag if it has one, else Babel's data (for a language CLDR lacks, that of the language it is like)."""
    script = next((part.title() for part in language.tag.split("-")[1:] if len(part) == 4 and part.isalpha()), None)
    if script:
        return script
    locale = language.locale
    if locale.script:
        return locale.script
    likely = get_global("likely_subtags")
    for key in (str(locale), locale.language):
        parts = likely.get(key, "").split("_")
        if len(parts) > 1 and len(parts[1]) == 4:
            return parts[1]
    return "Latn"


def families_for(language: Language) -> tuple[Family, ...]:
    """Noto Sans, then the family (or families) for the language's own script if Noto Sans lacks it;
    for a language of `LANGUAGE_FAMILIES`, its own families first, then Noto Sans."""
    own = LANGUAGE_FAMILIES.get(language.tag.split("-")[0].lower())
    if own:
        return (*own, LATIN)
    extra = SCRIPT_FAMILIES.get(script_of(language))
    return (LATIN, extra) if extra else (LATIN,)


def font_set(language: Language) -> FontSet:
    """The families and files for `language`; raise `PrintError` naming the Debian package if absent."""
    families = families_for(language)
    return FontSet(families, tuple(find_font(family, weight) for family in families for weight in WEIGHTS))


@lru_cache(maxsize=None)
def find_font(family: Family, weight: str) -> FontFile:
    """The file fontconfig uses for `family` at `weight` (looked up once per process)."""
    fc_match = shutil.which("fc-match")
    if fc_match is None:
        raise PrintError(
            "cannot look up fonts: the fontconfig tools (fc-match) are not installed",
            hint="install Debian's 'fontconfig' package (apt-get install fontconfig)",
        )
    pattern = f"{family.name}:weight={'bold' if weight == 'bold' else 'regular'}"
    result = subprocess.run(
        [fc_match, "--format", "%{file}\n%{index}\n%{family}\n", pattern],
        capture_output=True,
        text=True,
        check=False,
    )
    lines = result.stdout.splitlines()
    found_families = [name.strip() for name in lines[2].split(",")] if len(lines) >= 3 else []
    if result.returncode != 0 or family.name not in found_families or not Path(lines[0]).is_file():
        raise PrintError(
            f"the font family '{family.name}' ({weight}) is not installed",
            key="fonts",
            hint=f"install Debian's '{family.package}' package: run 'make system-deps' as root, or 'sudo apt-get install {family.package}'",
        )
    return FontFile(family.name, weight, Path(lines[0]), int(lines[1] or 0))


@lru_cache(maxsize=None)
def _charset(path: Path, index: int, mtime_ns: int) -> frozenset[int]:
    from fontTools.ttLib import TTFont

    with TTFont(path, fontNumber=index, lazy=True) as font:
        return frozenset(font.getBestCmap() or {})


def charset(font: FontFile) -> frozenset[int]:
    """The code points `font` has glyphs for (read with fontTools, cached per process)."""
    return _charset(font.path, font.index, font.path.stat().st_mtime_ns)


@dataclass(frozen=True)
class Uncovered:
    """A character of a text that none of the chosen fonts has."""

    text: LabelledText
    character: str

    def describe(self) -> str:
        """`'\ue000' (U+E000, private use)`: the character, its code point and Unicode name."""
        if unicodedata.category(self.character) == "Co":
            name = "private use"
        else:
            name = unicodedata.name(self.character, "unnamed")
        return f"{self.character!r} (U+{ord(self.character):04X}, {name})"


def find_uncovered(texts: Iterable[LabelledText], fonts: FontSet) -> list[Uncovered]:
    """Every (text, character) pair whose character is missing from every font of `fonts`.

    Only the regular faces are consulted: Noto's bold faces have the same character set.
    """
    charsets = [charset(font) for font in fonts.files if font.weight == "regular"]
    found: list[Uncovered] = []
    for item in texts:
        seen: set[str] = set()
        for character in unicodedata.normalize("NFC", item.text):
            if character in seen or unicodedata.category(character) in _UNDRAWN or character in "\n\t":
                continue
            seen.add(character)
            if not any(ord(character) in chars for chars in charsets):
                found.append(Uncovered(item, character))
    return found


def check_coverage(texts: Iterable[LabelledText], language: Language, fonts: FontSet, locate: Locate | None = None) -> None:
    """Raise `PrintError` naming the language, the text and the character when a font lacks one.

    Every finding is listed, so a translator fixes all of them in one go. `locate` names the file
    (and line) each text comes from; it is only asked about texts with a problem.
    """
    missing = find_uncovered(texts, fonts)
    if not missing:
        return
    located = [(item, *(locate(item.text.label, item.text.kind) if locate else (None, None))) for item in missing]
    lines = []
    for item, path, line in located:
        where = f"{path}:{line}: " if path and line else f"{path}: " if path else ""
        lines.append(f"  {where}{item.text.label!r}: {item.describe()}")
    first, path, line = located[0]
    raise PrintError(
        f"print materials for '{language.code}' ({language.english_name}): the text {first.text.label!r} has the "
        f"character {first.describe()}, which no chosen font ({fonts.names}) covers"
        + (f"; all {len(missing)} such characters:\n" + "\n".join(lines) if len(missing) > 1 else ""),
        path=path,
        line=line,
        hint="correct the text (a stray or private-use character is usually a typing slip); if the script really "
        "needs another font, add its Noto family to SCRIPT_FAMILIES in scripts/kyr/printables/fonts.py",
    )
