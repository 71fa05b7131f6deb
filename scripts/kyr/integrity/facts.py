"""The facts a translation must keep: phone numbers, link addresses, e-mail addresses, web
addresses, dates, numbers, clinic placeholders and attribute lists, each as many times.

Facts are found in order, each blanked out once found, so a phone number is not counted again
as three numbers, and a date not as a day and a year.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable
from urllib.parse import urlsplit

from .dates import find_dates
from .findings import ERROR, Finding
from .markdown import ATTR_LIST_RE, AUTOLINK_RE, LINK_RE, REF_DEF_RE, TAG_RE, Document
from ..placeholders import PLACEHOLDER_RE  # the build's own pattern, so check and build agree
from ..promises import is_marker

PRINTF_RE = re.compile(r"%\([\w.]+\)[-#0 +]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa%]|%[-#0 +]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]")
HTML_URL_ATTR_RE = re.compile(r"""\b(?:href|src|srcset|poster|action|formaction|data|background|cite)\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+)""", re.I)
# Korean and Japanese attach particles to a word without a space ("locator.ice.gov에서"), so an
# address ends where its ASCII characters end, not at the next space.
BARE_URL_RE = re.compile(r"(?<![A-Za-z0-9])(?:https?|ftp)://[A-Za-z0-9\-._~:/?#@!$&*+,;=%]+(?<![.,;:!?*])")
EMAIL_RE = re.compile(r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?<![.-])")
PHONE_RE = re.compile(
    r"(?<![A-Za-z0-9_+/.-])(?:"
    r"\+\d{1,3}(?:[-. ]?\(?\d{1,4}\)?){2,5}"  # +1 413-555-0100, +52 55 1234 5678
    r"|(?:1[-. ])?(?:\(\d{3}\)[ ]?|\d{3}[-. ])\d{3}[-. ]\d{4}"  # 1-888-351-4024, (413) 555-0100
    r")(?![A-Za-z0-9_-])"
)
WEB_ADDRESS_RE = re.compile(
    r"(?<![A-Za-z0-9_@./-])(?:[A-Za-z0-9-]+\.)+(?:gov|org|com|net|edu|us|mil|int|info|io|app)(?:/[A-Za-z0-9\-._~/?#@!$&*+,;=%]*)?(?![A-Za-z0-9_-])(?<![.,;:!?])"
)
DIGITS_RE = re.compile(r"[0-9]+")
_SEVEN_DIGITS_RE = re.compile(r"(?:[0-9][^0-9\n]{0,2}){7}")
_TLD_RE = re.compile(r"\.(?:gov|org|com|net|edu|us|mil|int|info|io|app)(?![A-Za-z0-9])")
_NON_ASCII_DIGIT_RE = re.compile(r"(?![0-9])\d")
_NOT_NEWLINE_RE = re.compile(r"[^\n]")
TOKEN_EDGE = "*_()[]{}\"'“”‘’«»„,.;:!?¿¡、。，：；！？（）「」"

KIND_NAMES = {
    "placeholder": "placeholder",
    "printf": "format placeholder",
    "url": "link address",
    "email": "e-mail address",
    "phone": "phone number",
    "web": "web address",
    "date": "date",
    "number": "number",
    "attr": "attribute list",
}
HINTS = {
    "placeholder": "keep every {{ clinic.* }} placeholder exactly as the English page has it; the site fills in the clinic's details",
    "printf": "keep every %(name)s placeholder exactly as the English text has it",
    "url": "copy link addresses exactly from the English page; only the link's words are translated",
    "email": "copy e-mail addresses exactly from the English page",
    "phone": "copy phone numbers exactly from the English page, digit for digit",
    "web": "a web address shown to readers stays exactly as in the English page",
    "date": "write the same date as the English page, in your language's usual form",
    "number": "keep every number of the English page, written with the digits 0-9",
    "attr": "keep attribute lists such as { .kyr-tile } exactly as in the English page",
}


@dataclass(frozen=True)
class Fact:
    kind: str
    key: str  # what is compared
    shown: str  # as written
    line: int
    section: int  # the section index; -1 title, -2 description


@dataclass(frozen=True)
class OddDigit:
    line: int
    token: str


def _is_token_char(char: str) -> bool:
    # Chinese, Japanese and Korean write words without spaces: a token there is the digits and
    # the Latin letters and signs attached to them ("A4", "9"), not the whole sentence.
    return not char.isspace() and not ("\u2e80" <= char <= "\ud7ff" or "\uf900" <= char <= "\ufaff" or "\uff00" <= char <= "\uffef")


def _token_around(text: str, start: int, end: int) -> str:
    left = start
    while left > 0 and start - left < 20 and _is_token_char(text[left - 1]):
        left -= 1
    right = end
    while right < len(text) and right - end < 20 and _is_token_char(text[right]):
        right += 1
    return text[left:right].strip(TOKEN_EDGE) or text[start:end]


def _link_key(target: str) -> str:
    """Compare a page-relative link by its page only: translated headings have other anchors."""
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or target.startswith("#"):
        return target
    return parts.path


def facts_in_text(
    text: str,
    locale_tag: str | None,
    line_at: Callable[[int], int],
    section_at: Callable[[int], int],
    *,
    printf: bool = False,
) -> tuple[list[Fact], list[OddDigit]]:
    """The facts in `text` (Markdown), in the order found, and any digits that are not 0-9."""
    facts: list[Fact] = []

    def record(kind: str, start: int, shown: str, key: str | None = None) -> None:
        facts.append(Fact(kind, key if key is not None else shown, shown, line_at(start), section_at(start)))

    def blank(text: str) -> str:
        return _NOT_NEWLINE_RE.sub(" ", text)

    def whole(kind: str, key: Callable[[re.Match], str] | None = None, group: int = 0) -> Callable[[re.Match], str]:
        def replace(match: re.Match) -> str:
            record(kind, match.start(group), match.group(group), key(match) if key else None)
            return blank(match.group(0))
        return replace

    def only_group(kind: str, group: int, value: Callable[[re.Match], str]) -> Callable[[re.Match], str]:
        def replace(match: re.Match) -> str:
            shown = value(match)
            record(kind, match.start(group), shown, _link_key(shown))
            inner_start, inner_end = match.start(group) - match.start(), match.end(group) - match.start()
            whole_text = match.group(0)
            return whole_text[:inner_start] + blank(whole_text[inner_start:inner_end]) + whole_text[inner_end:]
        return replace

    # Promise markers are compared as blocks, in order, by promises.py; here they are only markup.
    placeholder = whole("placeholder", key=lambda m: m.group(1))
    text = PLACEHOLDER_RE.sub(lambda m: blank(m.group(0)) if is_marker(m.group(1)) else placeholder(m), text)
    if printf:
        text = PRINTF_RE.sub(lambda m: m.group(0) if m.group(0) == "%%" else whole("printf")(m), text)
    text = LINK_RE.sub(only_group("url", 3, lambda m: m.group(3).strip("<>")), text)
    text = REF_DEF_RE.sub(only_group("url", 2, lambda m: m.group(2)), text)
    text = AUTOLINK_RE.sub(whole("url", group=1), text)
    text = TAG_RE.sub(lambda tag: _blank_tag_urls(tag, record, blank), text)
    # Cheap tests first: most texts hold no address of a kind, and these patterns are the slow ones.
    if "://" in text:
        text = BARE_URL_RE.sub(whole("url"), text)
    if "@" in text:
        text = EMAIL_RE.sub(whole("email"), text)
    if _SEVEN_DIGITS_RE.search(text):
        text = PHONE_RE.sub(whole("phone"), text)
    if _TLD_RE.search(text):
        text = WEB_ADDRESS_RE.sub(whole("web", key=lambda m: m.group(0).lower()), text)
    if "{" in text:
        text = ATTR_LIST_RE.sub(whole("attr", key=lambda m: " ".join(m.group(0).strip("{}: ").split())), text)
    dates = find_dates(text, locale_tag)
    if dates:
        pieces, last = [], 0
        for found in dates:
            record("date", found.start, found.shown, found.key)
            pieces += [text[last:found.start], blank(text[found.start:found.end])]
            last = found.end
        text = "".join(pieces) + text[last:]
    odd = [OddDigit(line_at(m.start()), _token_around(text, m.start(), m.end())) for m in _NON_ASCII_DIGIT_RE.finditer(text)]
    for match in DIGITS_RE.finditer(text):
        record("number", match.start(), _token_around(text, match.start(), match.end()), match.group(0))
    return facts, odd


def _blank_tag_urls(tag: re.Match, record: Callable, blank: Callable[[str], str]) -> str:
    """Record the addresses in a raw HTML tag's attributes, then blank the whole tag: what else a
    tag holds is markup, not text (the HTML checks judge it)."""
    raw = tag.group(0)
    for attr in HTML_URL_ATTR_RE.finditer(raw):
        value = attr.group(1).strip("\"'")
        record("url", tag.start() + attr.start(1), value, _link_key(value))
    return blank(raw)


def document_facts(doc: Document, locale_tag: str | None) -> tuple[list[Fact], list[OddDigit]]:
    """The facts in a page body."""
    return facts_in_text(doc.text, locale_tag, doc.line_at, doc.section_at)


def field_facts(value: str, line: int, section: int, locale_tag: str | None) -> tuple[list[Fact], list[OddDigit]]:
    """The facts in one front matter value (the title or the description)."""
    return facts_in_text(value, locale_tag, lambda _offset: line, lambda _offset: section)


def _times(n: int) -> str:
    return "once" if n == 1 else f"{n} times"


def compare_facts(
    source: Iterable[Fact],
    translation: Iterable[Fact],
    *,
    source_at: Callable[[Fact], str],
    path: Path,
    section_lines: dict[int, int],
    missing_severity: str = ERROR,
) -> list[Finding]:
    """Findings for every fact that differs, is missing or is extra, group by group.

    Facts are compared within groups: the same section (or the whole page when sections cannot be
    matched up; the caller then gives every fact section 0) and the same kind. A missing fact is
    reported at the line where the translation's group starts (`section_lines`); an extra one
    where it stands. `source_at(fact)` says where a source fact is, e.g. `docs/en/x.md:12`. A missing and an extra fact of the same kind in the same group are reported
    together, as one difference.
    """
    groups: dict[tuple[int, str], tuple[list[Fact], list[Fact]]] = {}
    for fact in source:
        groups.setdefault((fact.section, fact.kind), ([], []))[0].append(fact)
    for fact in translation:
        groups.setdefault((fact.section, fact.kind), ([], []))[1].append(fact)
    findings: list[Finding] = []
    for (section, kind), (src, tr) in groups.items():
        src_count, tr_count = Counter(f.key for f in src), Counter(f.key for f in tr)
        if src_count == tr_count:
            continue
        missing = _excess(src, src_count - tr_count)
        extra = _excess(tr, tr_count - src_count)
        name = KIND_NAMES[kind]
        for s, t in zip(missing, extra):
            findings.append(Finding(
                path, t.line, f"{kind}-differs",
                f"{name} differs from the source: the source has '{s.shown}' ({source_at(s)}), the translation has '{t.shown}'",
                hint=HINTS[kind], source=s.shown, translation=t.shown,
            ))
        for s in missing[len(extra):]:
            findings.append(Finding(
                path, section_lines.get(section, s.line), f"{kind}-missing",
                (f"{name} '{s.shown}' is missing" + (" in this section" if section > 0 else "") + f" (the source has it at {source_at(s)})")
                if not tr_count[s.key] else
                (f"{name} '{s.shown}' appears {_times(tr_count[s.key])} in the translation"
                 + (" in this section" if section > 0 else "") + f", {_times(src_count[s.key])} in the source ({source_at(s)})"),
                severity=missing_severity, hint=HINTS[kind], source=s.shown, translation=None,
            ))
        for t in extra[len(missing):]:
            findings.append(Finding(
                path, t.line, f"{kind}-extra",
                (f"{name} '{t.shown}' appears {_times(tr_count[t.key])} in the translation"
                 + (" in this section" if section > 0 else "") + f", {_times(src_count[t.key])} in the source")
                if src_count[t.key] else
                (f"{name} '{t.shown}' is not in the " + ("matching section of the source" if section > 0 else "source")),
                hint=HINTS[kind], source=None, translation=t.shown,
            ))
    return findings


def _excess(facts: list[Fact], surplus: Counter) -> list[Fact]:
    """The facts beyond what the other side has: the last occurrences of each surplus key."""
    left = Counter(surplus)
    chosen = []
    for fact in reversed(facts):
        if left[fact.key] > 0:
            chosen.append(fact)
            left[fact.key] -= 1
    return sorted(chosen, key=lambda f: (f.line, facts.index(f)))


def odd_digit_findings(odd: list[OddDigit], path: Path) -> list[Finding]:
    """Digits other than 0-9 (Arabic-Indic, full-width...) in a translation."""
    seen = set()
    findings = []
    for item in odd:
        if (item.line, item.token) in seen:
            continue
        seen.add((item.line, item.token))
        findings.append(Finding(
            path, item.line, "digits-not-ascii",
            f"'{item.token}' is written with digits other than 0-9",
            hint="write numbers with the digits 0-9, as the English page does, so they match it and every phone can show them",
            translation=item.token,
        ))
    return findings
