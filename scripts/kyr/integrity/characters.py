"""Invisible and look-alike characters.

Invisible: bidirectional controls (embeddings, overrides, isolates, marks) and the other invisible
format characters (zero-width space, joiners, word joiner, soft hyphen, byte order mark, tag
characters, Hangul fillers...) can reorder what a reader sees or hide a change from a reviewer. A
translation may hold one only where its English text has the same one in the same unit (the same
section of a page, the same front matter, the same catalog message), or where our rule for its
language allows it (`allowed_marks`, documented in CONTRIBUTING.md):

- right-to-left languages may use the left-to-right mark, the right-to-left mark and the Arabic
  letter mark (U+200E, U+200F, U+061C), which fix where a number or a Latin word sits in a line;
  embeddings, overrides and isolates are never needed (write `<bdi>` instead);
- languages whose scripts need them to spell words correctly (Persian, Urdu, Pashto, Kurdish and
  the scripts of India, Sri Lanka, Myanmar and Cambodia) may use the zero-width non-joiner and
  joiner (U+200C, U+200D).

Look-alike: inside a phone number, a web address, an e-mail address or a `{{ placeholder }}`, only
ASCII is written; a Cyrillic "а", a full-width digit, a non-breaking hyphen or an invisible character
there makes a number or an address that looks right and leads elsewhere, or a placeholder that is
not one. No rule allows them, in English or in a translation.

Every finding names the character by its code point and Unicode name.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from .findings import Finding

BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")  # embeddings, overrides, isolates
BIDI_MARKS = frozenset("\u200e\u200f\u061c")
JOINERS = frozenset("\u200c\u200d")
# Invisible, yet not of the "format" category: fillers and the grapheme joiner.
OTHER_INVISIBLE = frozenset("\u034f\u115f\u1160\u3164\uffa0\u180e\u2800")
# Languages (base codes) whose scripts need ZWNJ/ZWJ to spell words.
JOINING_LANGUAGES = frozenset({
    "fa", "ur", "ps", "ku", "ckb", "sd", "ug",
    "hi", "mr", "ne", "bn", "as", "pa", "gu", "or", "ta", "te", "kn", "ml", "si", "my", "km", "sa",
})


def is_invisible(char: str) -> bool:
    """A character that shows nothing (or reorders what is around it)."""
    return unicodedata.category(char) == "Cf" or char in OTHER_INVISIBLE


def describe(char: str) -> str:
    """'U+202E RIGHT-TO-LEFT OVERRIDE'."""
    return f"U+{ord(char):04X} {unicodedata.name(char, 'UNNAMED CHARACTER')}"


def allowed_marks(language_code: str, rtl: bool) -> frozenset[str]:
    """The invisible characters our rule allows in a language (see the module's documentation)."""
    allowed = set()
    if rtl:
        allowed |= BIDI_MARKS
    if language_code.split("-")[0].lower() in JOINING_LANGUAGES:
        allowed |= JOINERS
    return frozenset(allowed)


def _kind(char: str) -> str:
    if char in BIDI_CONTROLS or char in BIDI_MARKS:
        return "bidi-control"
    return "invisible-character"


def check_invisible(
    source: str | None, text: str, *, path: Path, line_at: Callable[[int], int], allowed: frozenset[str], where: str,
) -> list[Finding]:
    """Findings for the invisible characters of `text` that neither its English `source` unit
    (None: there is no English text to compare with) has as many of, nor the rule allows."""
    budget = Counter(ch for ch in source if is_invisible(ch)) if source else Counter()
    findings = []
    for offset, char in enumerate(text):
        if not is_invisible(char) or char in allowed:
            continue
        if budget[char] > 0:
            budget[char] -= 1
            continue
        if offset == 0 and char == "\ufeff":
            continue  # a byte order mark opening the file is how some editors save UTF-8
        english = "" if source is None else f"; {where} has none here"
        bidi = _kind(char) == "bidi-control"
        what = " (a direction mark)" if char in BIDI_MARKS else " (a bidirectional control: it reorders the text around it)" if bidi else ""
        findings.append(Finding(
            path, line_at(offset), _kind(char),
            f"invisible character {describe(char)}{what}{english}",
            hint=("delete it; to keep a number or a Latin word in place in right-to-left text, use <bdi>...</bdi>, or the marks CONTRIBUTING.md allows"
                  if bidi else "delete it: it cannot be seen, but it changes the text (search, copy, links); CONTRIBUTING.md lists the few allowed"),
            translation=describe(char),
        ))
    return findings


# -- look-alike characters in numbers, addresses and placeholders ---------------------------------

# Letters that look like Latin ones: Cyrillic, Greek, Armenian and IPA (the usual homograph set).
_CONFUSABLE_LETTERS = (
    "аеорсухіјѕԁһԛԝүӏАВЕКМНОРСТУХІЈЅԌԚԜ"  # Cyrillic
    "αβεικνορτυχΑΒΕΖΗΙΚΜΝΟΡΤΥΧ"  # Greek
    "ɑɡɩոս"  # IPA and Armenian
)
_ODD_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d\u00ad"
_ODD_DOTS = "\u2024\ufe52\uff0e\u0701\u0702"
_ODD_SLASHES = "\u2215\u2044\uff0f\u29f8"
_ODD_SPACES = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_FULLWIDTH = "".join(chr(c) for c in range(0xFF01, 0xFF5F))
_INVISIBLE_CLASS = "\u00ad\u034f\u061c\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\u3164\ufeff\uffa0"
_LOOK = re.escape(_CONFUSABLE_LETTERS + _ODD_DASHES + _ODD_DOTS + _ODD_SLASHES + _FULLWIDTH) + _INVISIBLE_CLASS
_TLDS = ("gov", "org", "com", "net", "edu", "us", "mil", "info", "io", "app", "int")


def _letter_class(letter: str) -> str:
    same = [c for c in _CONFUSABLE_LETTERS + _FULLWIDTH if unicodedata.normalize("NFKC", c).lower() == letter or _SKELETON.get(c) == letter]
    return "[" + re.escape(letter + letter.upper() + "".join(same)) + _INVISIBLE_CLASS + "]"


# The Latin letter each look-alike imitates (for spotting a spoofed top-level domain, "gоv").
_SKELETON = {
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i", "ј": "j", "ѕ": "s",
    "ԁ": "d", "һ": "h", "ԛ": "q", "ԝ": "w", "ү": "y", "ӏ": "l", "ɑ": "a", "ɡ": "g", "ɩ": "i", "ո": "n",
    "ս": "u", "А": "a", "В": "b", "Е": "e", "К": "k", "М": "m", "Н": "h", "О": "o", "Р": "p", "С": "c",
    "Т": "t", "У": "y", "Х": "x", "І": "i", "Ј": "j", "Ѕ": "s", "Ԍ": "g", "Ԛ": "q", "Ԝ": "w",
    "α": "a", "β": "b", "ε": "e", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p", "τ": "t", "υ": "u",
    "χ": "x", "Α": "a", "Β": "b", "Ε": "e", "Ζ": "z", "Η": "h", "Ι": "i", "Κ": "k", "Μ": "m", "Ν": "n",
    "Ο": "o", "Ρ": "p", "Τ": "t", "Υ": "y", "Χ": "x",
}

_URL_CHARS = r"[A-Za-z0-9\-._~:/?#@!$&*+,;=%'" + _LOOK + r"]"
_TLD_RE = "(?:" + "|".join("".join(_letter_class(c) for c in tld) for tld in _TLDS) + ")"
TOKEN_PATTERNS: tuple[tuple[str, re.Pattern], ...] = (
    ("placeholder", re.compile(r"\{\{[^{}\n]*\}\}")),
    ("web address", re.compile(r"(?i)(?:https?|ftp|tel|mailto)" + "[:\uff1a\ua789]" + _URL_CHARS + r"+")),
    ("e-mail address", re.compile(r"[A-Za-z0-9._%+\-" + _LOOK + r"]+[@\uff20\ufe6b][A-Za-z0-9\-" + _LOOK + r"]+(?:[.\u2024\ufe52\uff0e][A-Za-z0-9\-" + _LOOK + r"]+)+")),
    ("web address", re.compile(r"(?<![A-Za-z0-9@" + _LOOK + r"])(?:www[.\u2024\ufe52\uff0e])?(?:[A-Za-z0-9\-" + _LOOK + r"]+[.\u2024\ufe52\uff0e])+" + _TLD_RE + r"(?![A-Za-z0-9" + _LOOK + r"])(?:/" + _URL_CHARS + r"*)?")),
    ("phone number", re.compile(r"\+?[\d\uff10-\uff19](?:[\d\uff10-\uff19 ()./" + re.escape(_ODD_DASHES + _ODD_SPACES) + _INVISIBLE_CLASS + r"-]){6,}[\d\uff10-\uff19]")),
)
_TRAILING = ".,;:!?)]}'\"”’»、。，：；！？）」"


def check_lookalikes(text: str, *, path: Path, line_at: Callable[[int], int]) -> list[Finding]:
    """Findings for every non-ASCII character inside a phone number, web or e-mail address or
    placeholder of `text`."""
    findings, seen, named = [], set(), set()
    for kind, pattern in TOKEN_PATTERNS:
        for match in pattern.finditer(text):
            token = match.group(0) if kind == "placeholder" else match.group(0).rstrip(_TRAILING)
            if kind == "phone number" and sum(c.isdigit() for c in token) < 7:
                continue
            for index, char in enumerate(token):
                offset = match.start() + index
                if char.isascii() or offset in seen:
                    continue
                if kind == "phone number" and char.isdigit() and not ("\uff10" <= char <= "\uff19"):
                    continue  # other digits (٠١٢) are the digit check's business, with its own hint
                seen.add(offset)
                if (match.start(), char) in named:
                    continue  # one finding per character per token: 1‑888‑351‑4024 has one problem
                named.add((match.start(), char))
                findings.append(Finding(
                    path, line_at(offset), "lookalike-character",
                    f"{describe(char)} inside the {kind} '{token}': it looks like an ASCII character but is not one",
                    hint=f"retype the {kind} with plain ASCII letters, digits and punctuation, exactly as on the English page",
                    translation=token,
                ))
    return findings
