"""Termbase checks: where the English text of a unit (a page section, its title or description, a
catalog message) mentions a term of the language's termbase, the translation of that unit must use
the approved translation; no translated text may use a forbidden variant. Findings are warnings:
`kyr check --strict` makes them fail."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from ..termbase import Termbase, forbidden_uses, mentions, uses
from .findings import WARNING, Finding
from .markdown import Document

_LINK_TARGET_RE = re.compile(r"\]\([^)\n]*\)|https?://\S+|\{\{.*?\}\}")


def prose(text: str) -> str:
    """`text` with link targets, web addresses and placeholders blanked (same length): a term
    inside `red-card.md` or `{{ clinic.name }}` is not a use of it."""
    return _LINK_TARGET_RE.sub(lambda m: " " * len(m.group(0)), text)


def _short(text: str) -> str:
    return text if len(text) <= 60 else text[:59] + "…"


def check_unit(english: str, translation: str, termbase: Termbase, *, path: Path, line: int | None, line_at: Callable[[int], int | None], source_at: Callable[[int], str]) -> list[Finding]:
    """Findings for one translated unit against its English text."""
    english, translation = prose(english), prose(translation)
    findings = []
    for term in termbase.terms:
        mentioned = mentions(english, term)
        forbidden = forbidden_uses(translation, term)
        if mentioned is not None and not forbidden and not uses(translation, term):
            forms = " or ".join(f"'{form}'" for form in (term.target, *term.accepted))
            findings.append(Finding(
                path, line, "term-not-used",
                f"{source_at(mentioned)} says '{term.source}'; the termbase's translation {forms} is not used here",
                severity=WARNING, source=term.source, translation=term.target,
                hint=f"use '{term.target}' (see {termbase.path.name}, line {term.line}" + (f": {term.note}" if term.note else "") + ")",
            ))
        lines_seen = set()
        for offset, variant in forbidden:
            at = line_at(offset) or line
            if (at, variant) in lines_seen:
                continue
            lines_seen.add((at, variant))
            findings.append(Finding(
                path, at, "term-forbidden",
                f"'{variant}' is a variant the termbase forbids for '{term.source}'; the approved translation is '{term.target}'",
                severity=WARNING, source=term.source, translation=variant,
                hint=f"write '{term.target}' (see {termbase.path.name}, line {term.line}" + (f": {term.note}" if term.note else "") + ")",
            ))
    return findings


def _section_texts(doc: Document) -> list[tuple[int, int, str]]:
    """(line, start offset, text) of each section of `doc`."""
    bounds = [section.start for section in doc.sections] + [len(doc.text)]
    return [(section.line, section.start, doc.text[section.start:bounds[index + 1]]) for index, section in enumerate(doc.sections)]


def check_document(source: Document, translation: Document, termbase: Termbase, *, path: Path, source_path: Path, aligned: bool) -> list[Finding]:
    """Termbase findings for a page body: section by section when the sections match, else the
    whole page as one unit."""
    if aligned:
        pairs = zip(_section_texts(source), _section_texts(translation))
    else:
        pairs = [((source.first_line, 0, source.text), (translation.first_line, 0, translation.text))]
    findings = []
    for (src_line, _src_start, src_text), (tr_line, tr_start, tr_text) in pairs:
        findings += check_unit(
            src_text, tr_text, termbase, path=path, line=tr_line,
            line_at=lambda offset, start=tr_start: translation.line_at(start + offset),
            source_at=lambda offset, line=src_line, text=src_text: f"{source_path}:{line + text.count(chr(10), 0, offset)}",
        )
    return findings

