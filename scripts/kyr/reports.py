"""One report, three faces: an aligned table for people, JSON for machines, Markdown for the CI
job summary. Nothing here computes; it only lays out what `coverage` and `integrity` found."""

from __future__ import annotations

import json
import os
import sys
import unicodedata
from dataclasses import dataclass
from typing import TextIO

from .coverage import CURRENT, MISSING, STALE, CoverageReport, LanguageCoverage
from .history import SourceDiff
from .integrity.findings import ERROR, WARNING
from .integrity.run import CheckReport


@dataclass(frozen=True)
class Style:
    """ANSI colours, on only for a terminal and when NO_COLOR is unset."""

    enabled: bool = False

    @classmethod
    def for_stream(cls, stream: TextIO) -> Style:
        return cls(bool(getattr(stream, "isatty", lambda: False)()) and "NO_COLOR" not in os.environ)

    def _wrap(self, code: str, text: str) -> str:
        return f"\033[{code}m{text}\033[0m" if self.enabled else text

    def red(self, text: str) -> str:
        return self._wrap("31", text)

    def yellow(self, text: str) -> str:
        return self._wrap("33", text)

    def green(self, text: str) -> str:
        return self._wrap("32", text)

    def bold(self, text: str) -> str:
        return self._wrap("1", text)

    def dim(self, text: str) -> str:
        return self._wrap("2", text)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _pct(value: float) -> str:
    # Never round up to 100% while something is left, nor down to 0% once something is done.
    if 99 < value < 100:
        return "99%"
    if 0 < value < 1:
        return "1%"
    return f"{value:.0f}%"


def _messages(lang: LanguageCoverage) -> str:
    catalog = lang.catalog
    if catalog is None or not catalog.exists:
        return "no catalog"
    return f"{catalog.translated}/{catalog.total}" + (f" ({catalog.fuzzy} fuzzy)" if catalog.fuzzy else "")


def _terms(lang: LanguageCoverage) -> str:
    """The size of the language's termbase, or "none"."""
    return "none" if lang.terms is None else str(lang.terms)


def _char_width(ch: str) -> int:
    """Columns one character takes in a terminal, as wcwidth() counts them: none for marks drawn
    on another letter (Burmese, Khmer, Devanagari vowel signs; general category Mn or Me), format
    characters (Cf: joiners, direction marks) and Hangul's medial and final jamo; two for wide
    (CJK, Hangul syllables, full-width) characters; one for the rest (Ethiopic, Latin, Arabic...)."""
    if unicodedata.category(ch) in ("Mn", "Me", "Cf") or "\u1160" <= ch <= "\u11ff":
        return 0
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


def _width(text: str) -> int:
    """Columns `text` takes in a terminal (display width, not characters)."""
    return sum(_char_width(ch) for ch in text)


def _pad(cells: list[str], widths: list[int], right: set[int]) -> str:
    padded = []
    for index, (cell, width) in enumerate(zip(cells, widths)):
        space = " " * (width - _width(cell))
        padded.append(space + cell if index in right else cell + space)
    return "  ".join(padded).rstrip()


# -- coverage ----------------------------------------------------------------------------------

def coverage_table(report: CoverageReport, *, style: Style = Style(), details: bool = True, verbose: bool = False, diffs: dict | None = None) -> str:
    """The coverage report as aligned text: a summary line per language, then the details."""
    out = [style.bold(f"Translation coverage: {_plural(len(report.sources), 'English page')}, {report.words:,} words")]
    header = ["code", "language", "pages current", "words current", "stale", "missing", "machine", "community", "legal", "messages", "terms"]
    rows = [header]
    for lang in report.languages:
        rows.append([
            lang.language.code,
            lang.language.name,
            f"{lang.count(CURRENT)}/{len(lang.pages)} {_pct(lang.pages_percent):>4}",
            _pct(lang.words_percent),
            str(lang.count(STALE)),
            str(lang.count(MISSING)),
            str(lang.reviewed("machine")),
            str(lang.reviewed("community")),
            str(lang.reviewed("legal")),
            _messages(lang),
            _terms(lang),
        ])
    widths = [max(_width(row[i]) for row in rows) for i in range(len(header))]
    right = set(range(2, len(header)))
    out.append(style.dim(_pad(header, widths, right)))
    for lang, row in zip(report.languages, rows[1:]):
        line = _pad(row, widths, right)
        colour = style.green if lang.pages_percent == 100 else style.yellow if lang.pages_percent >= 50 else style.red
        out.append(colour(line) if style.enabled else line)
    if details:
        for lang in report.languages:
            shown = [p for p in lang.pages if verbose or p.state != CURRENT]
            if not shown:
                continue
            out.append("")
            out.append(style.bold(f"{lang.language.code}  {lang.language.name}: {_pct(lang.pages_percent)} of pages current "
                                  f"({lang.count(CURRENT)} of {len(lang.pages)}), {_pct(lang.words_percent)} of words"))
            rel_width = max(len(p.rel) for p in shown)
            for page in shown:
                state = {CURRENT: style.green, STALE: style.yellow, MISSING: style.red}[page.state](page.state.ljust(7))
                extra = [page.review or ""]
                if page.path is not None:
                    extra.append(str(page.path))
                if page.problem:
                    extra.append(f"({page.problem})")
                out.append(f"  {state}  {page.rel.ljust(rel_width)}  {'  '.join(e for e in extra if e)}".rstrip())
                diff = (diffs or {}).get((lang.language.code, page.rel))
                if diff is not None:
                    out.append(_indent(diff.diff, "      ") if diff.diff else f"      {diff.note}")
    if report.errors:
        out.append("")
        out += [f"{exc.location() or '?'}: error: {exc.message}" + (f"\n  hint: {exc.hint}" if exc.hint else "") for exc in report.errors]
    return "\n".join(out) + "\n"


def _indent(text: str, prefix: str) -> str:
    return "\n".join(prefix + line for line in text.rstrip("\n").split("\n"))


def coverage_data(report: CoverageReport, *, diffs: dict | None = None) -> dict:
    """The coverage report as plain data with stable keys (what `--format json` prints)."""
    languages = []
    for lang in report.languages:
        catalog = lang.catalog
        pages = []
        for page in lang.pages:
            item = {
                "page": page.rel,
                "state": page.state,
                "status": page.review,
                "path": str(page.path) if page.path else None,
                "recorded_source": page.recorded,
                "words": page.words,
                "problem": page.problem,
            }
            diff: SourceDiff | None = (diffs or {}).get((lang.language.code, page.rel))
            if diff is not None:
                item["diff"] = diff.diff
                item["diff_note"] = diff.note
            pages.append(item)
        languages.append({
            "code": lang.language.code,
            "tag": lang.language.tag,
            "name": lang.language.name,
            "direction": lang.language.direction,
            "pages": {
                "total": len(lang.pages),
                "current": lang.count(CURRENT),
                "stale": lang.count(STALE),
                "missing": lang.count(MISSING),
                "current_percent": round(lang.pages_percent, 1),
            },
            "words": {
                "total": sum(p.words for p in lang.pages),
                "current": sum(p.words for p in lang.pages if p.state == CURRENT),
                "current_percent": round(lang.words_percent, 1),
            },
            "review": {status: lang.reviewed(status) for status in ("machine", "community", "legal")},
            "messages": None if catalog is None or not catalog.exists else {
                "path": str(catalog.path),
                "translated": catalog.translated,
                "fuzzy": catalog.fuzzy,
                "untranslated": catalog.untranslated,
                "translated_percent": round(catalog.percent, 1),
            },
            "terms": lang.terms,
            "details": pages,
        })
    return {
        "source": {
            "code": report.source.code,
            "pages": [{"page": s.rel, "title": s.title, "fingerprint": s.fingerprint, "words": s.words} for s in report.sources],
            "words": report.words,
        },
        "languages": languages,
        "errors": [{"path": str(e.path) if e.path else None, "line": e.line, "message": e.message, "hint": e.hint} for e in report.errors],
    }


def coverage_json(report: CoverageReport, *, diffs: dict | None = None) -> str:
    return json.dumps(coverage_data(report, diffs=diffs), indent=2, ensure_ascii=False) + "\n"


def _md(text: str) -> str:
    return text.replace("|", "\\|")


def coverage_markdown(report: CoverageReport, *, diffs: dict | None = None) -> str:
    """The coverage report as GitHub Markdown (for a pull request's job summary)."""
    out = ["### Translation coverage", "", f"{_plural(len(report.sources), 'English page')}, {report.words:,} words.", ""]
    out.append("| Language | Pages current | Words current | Stale | Missing | Machine | Community | Legal | Messages | Terms |")
    out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for lang in report.languages:
        out.append(
            f"| {lang.language.code} {_md(lang.language.name)} | {lang.count(CURRENT)}/{len(lang.pages)} ({_pct(lang.pages_percent)}) "
            f"| {_pct(lang.words_percent)} | {lang.count(STALE)} | {lang.count(MISSING)} | {lang.reviewed('machine')} "
            f"| {lang.reviewed('community')} | {lang.reviewed('legal')} | {_md(_messages(lang))} | {_terms(lang)} |"
        )
    fingerprints = {source.rel: source.fingerprint for source in report.sources}
    for lang in report.languages:
        todo = [p for p in lang.pages if p.state != CURRENT]
        if not todo:
            continue
        out += ["", f"<details><summary>{lang.language.code} {lang.language.name}: {lang.count(STALE)} stale, {lang.count(MISSING)} missing</summary>", ""]
        for page in todo:
            note = f" ({page.review})" if page.review else ""
            if page.problem:
                note += f" — {page.problem}"
            if page.state == STALE:
                # For volunteers editing in the browser, who cannot run `kyr stamp`.
                note += f"; once it is updated, set `source: {fingerprints[page.rel]}`"
            out.append(f"- {page.state}: `{page.rel}`{note}")
            diff = (diffs or {}).get((lang.language.code, page.rel))
            if diff is not None:
                out += ["", "  ```diff", _indent(diff.diff, "  "), "  ```", ""] if diff.diff else [f"  - {diff.note}"]
        out += ["", "</details>"]
    if report.errors:
        out += ["", "**Files that could not be read:**", ""]
        out += [f"- `{e.location()}`: {_md(e.message)}" for e in report.errors]
    return "\n".join(out) + "\n"


# -- integrity findings -----------------------------------------------------------------------------

def check_text(report: CheckReport, *, style: Style = Style(), quiet: bool = False) -> str:
    """Compiler-style diagnostics, `path:line: error: message`, then the total."""
    out = []
    for finding in report.findings:
        if quiet and finding.severity == WARNING:
            continue
        severity = style.red(ERROR) if finding.severity == ERROR else style.yellow(WARNING)
        out.append(f"{style.bold(finding.location())}: {severity}: {finding.message}")
        if finding.hint:
            out.append(style.dim(f"  hint: {finding.hint}"))
    out.append(check_total(report))
    return "\n".join(out) + "\n"


def check_total(report: CheckReport) -> str:
    return f"{_plural(report.errors, 'error')}, {_plural(report.warnings, 'warning')} in {_plural(report.files, 'file')} checked"


def check_json(report: CheckReport) -> str:
    data = {
        "files": report.files,
        "errors": report.errors,
        "warnings": report.warnings,
        "findings": [finding.as_dict() for finding in report.findings],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def check_markdown(report: CheckReport) -> str:
    """The findings as GitHub Markdown (for a pull request's job summary)."""
    out = ["### Translation check", "", check_total(report) + "."]
    if report.findings:
        out += ["", "| Where | | Finding |", "|---|---|---|"]
        for finding in report.findings:
            message = _md(finding.message) + (f"<br>*{_md(finding.hint)}*" if finding.hint else "")
            out.append(f"| `{finding.location()}` | {finding.severity} | {message} |")
    return "\n".join(out) + "\n"


def write(text: str, stream: TextIO = sys.stdout) -> None:
    stream.write(text)
