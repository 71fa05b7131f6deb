"""Checks on a gettext catalog: every msgstr keeps its msgid's facts, carries no unsafe HTML, and
passes Babel's own checks (format placeholders, plural forms)."""

from __future__ import annotations

import functools
import re
from pathlib import Path

from babel.messages.catalog import Catalog, Message

from ..catalogs import plural_forms_header, same_plural_forms

from .facts import compare_facts, facts_in_text, odd_digit_findings
from .findings import Finding
from ..termbase import Termbase
from . import characters, terms
from .html import check_text


def _strings(message: Message) -> list[tuple[str, str]]:
    """(msgid, msgstr) pairs of a message; plural forms compare with the plural msgid."""
    if isinstance(message.id, (list, tuple)):
        strings = message.string if isinstance(message.string, (list, tuple)) else (message.string,)
        return [(message.id[0] if index == 0 and len(strings) > 1 else message.id[-1], text) for index, text in enumerate(strings)]
    return [(message.id, message.string if isinstance(message.string, str) else "")]


@functools.lru_cache(maxsize=4096)
def _msgid_facts(msgid: str) -> tuple:
    """The facts of an English message, found once for all the catalogs that translate it."""
    return tuple(facts_in_text(msgid, None, lambda _offset: 0, lambda _offset: 0, printf=True)[0])


def check_catalog(catalog: Catalog, path: Path, locale_tag: str, *, termbase: Termbase | None = None, allowed_marks: frozenset[str] = frozenset()) -> list[Finding]:
    """Findings for every translated message of `catalog` (read from `path`)."""
    findings: list[Finding] = []
    for message in catalog:
        if not message.id:
            continue
        line = getattr(message, "lineno", None)
        at = (lambda _offset, line=line: line or 0)
        for msgid, msgstr in _strings(message):
            if not msgstr:
                continue
            src = _msgid_facts(msgid)
            tr, odd = facts_in_text(msgstr, locale_tag, at, lambda _o: 0, printf=True)
            # Babel's python_format checker reports placeholder problems with more precision.
            compared = compare_facts(
                [f for f in src if f.kind != "printf"], [f for f in tr if f.kind != "printf"],
                source_at=lambda _fact, msgid=msgid: f"msgid \"{_short(msgid)}\"", path=path, section_lines={0: line or 0},
            )
            findings += compared
            findings += odd_digit_findings(odd, path)
            findings += check_text(msgstr, path, line)
            findings += characters.check_invisible(msgid, msgstr, path=path, line_at=lambda _o, line=line: line, allowed=allowed_marks, where="its msgid")
            findings += characters.check_lookalikes(msgstr, path=path, line_at=lambda _o, line=line: line)
            if termbase is not None:
                findings += terms.check_unit(msgid, msgstr, termbase, path=path, line=line, line_at=lambda _o, line=line: line, source_at=lambda _o, msgid=msgid: f"msgid \"{_short(msgid)}\"")
    for message, errors in catalog.check():
        for error in errors:
            findings.append(Finding(
                path, getattr(message, "lineno", None), "po-format",
                f"msgid \"{_short(message.id if isinstance(message.id, str) else message.id[0])}\": {error}",
                hint="keep every %(name)s placeholder of the msgid, spelled the same, in the msgstr",
            ))
    return findings


def check_plural_forms(catalog: Catalog, text: str, path: Path, expected: str) -> list[Finding]:
    """The catalog's `Plural-Forms` header must say what Babel says for its language: gettext
    picks a plural msgstr by that rule, and an old rule picks the wrong form."""
    found = plural_forms_header(catalog)
    if same_plural_forms(found, expected):
        return []
    line = next((number for number, row in enumerate(text.splitlines(), start=1) if row.startswith('"Plural-Forms:')), None)
    return [Finding(
        path, line, "po-plural-forms",
        f"the Plural-Forms header says '{found or '(none)'}', but Babel's rule for this language is '{expected}'",
        hint="run 'kyr catalogs': it rewrites the header from Babel (and keeps every translation)",
    )]


_STRING_LINE_RE = re.compile(r'^(?:#~\s*)?(?:(?:msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)(?=[\s"])\s*|(?="))(.*)$')
_QUOTED_RE = re.compile(r'"(?:[^"\\]|\\.)*"\s*')


def check_quotes(text: str, path: Path) -> list[Finding]:
    """Lines whose text does not end with a closing quote: Babel reads them anyway and silently
    drops the last character, so a missing quote would cut a letter or digit from the translation."""
    findings = []
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or (stripped.startswith("#") and not stripped.startswith("#~")):
            continue
        match = _STRING_LINE_RE.match(stripped)
        if match and not _QUOTED_RE.fullmatch(match.group(1)):
            findings.append(Finding(
                path, number, "po-quote", f"the text on this line is not closed with a quote: {stripped}",
                hint='put the whole text in double quotes, "like this"; write a quote inside the text as \\"',
                translation=stripped,
            ))
    return findings


def _short(text: str, limit: int = 50) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"

