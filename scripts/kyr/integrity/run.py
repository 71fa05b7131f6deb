"""Run every integrity check over the project (or the paths given) and collect every finding."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from ..catalogs import catalog_path, read_catalog
from ..errors import KyrError, LanguageError
from ..languages import Language
from ..pages import FINGERPRINT_RE, Page, parse_page, read_page, read_page_text, source_fingerprint
from ..review import is_due, review_date
from ..termbase import Termbase, read_termbase
from . import characters, html, terms
from .catalog import check_catalog, check_plural_forms, check_quotes
from .facts import compare_facts, document_facts, field_facts, odd_digit_findings
from .findings import ERROR, WARNING, Finding, sort_key
from .frontmatter import check_source_front_matter, check_translation_front_matter
from .markdown import Document, read_document
from .promises import compare_promises, page_promises
from .structure import compare_structure, sections_match


@dataclass(frozen=True)
class CheckReport:
    """Every finding, and how many files were read."""

    findings: tuple[Finding, ...]
    files: int

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.severity == ERROR)

    @property
    def warnings(self) -> int:
        return sum(1 for f in self.findings if f.severity == WARNING)

    @property
    def unreadable(self) -> int:
        return sum(1 for f in self.findings if f.unreadable)


@dataclass
class _Read:
    page: Page
    doc: Document
    text: str  # the whole file, newlines normalized
    _facts: tuple | None = None
    _fingerprint: str | None = None

    def fingerprint(self) -> str:
        if self._fingerprint is None:
            self._fingerprint = source_fingerprint(self.page)
        return self._fingerprint

    def line_at(self, offset: int) -> int:
        """The file line of character `offset` of `text`."""
        return self.text.count("\n", 0, offset) + 1

    def units(self, aligned: bool) -> list[tuple[int, str]]:
        """(offset in `text`, text) of the parts compared one to one with the English page's: the
        front matter, then each section of the body (or the whole body when sections differ)."""
        body_start = len(self.text) - len(self.page.body)
        units = [(0, self.text[:body_start])]
        if not aligned:
            return units + [(body_start, self.page.body)]
        bounds = [section.start for section in self.doc.sections] + [len(self.page.body)]
        return units + [(body_start + start, self.page.body[start:end]) for start, end in zip(bounds, bounds[1:])]

    def facts(self, locale_tag: str | None) -> tuple[list, list]:
        """The body's facts, found once (an English page is compared with every translation)."""
        if self._facts is None:
            self._facts = document_facts(self.doc, locale_tag)
        return self._facts


def _read(path: Path, text: str | None = None) -> _Read:
    text = (read_page_text(path) if text is None else text).replace("\r\n", "\n")
    page = parse_page(text, path)
    return _Read(page, read_document(page.body, page.body_line), text)


def _characters(source: _Read | None, read: _Read, language: Language | None, *, source_path: Path | None, aligned: bool) -> list[Finding]:
    """Invisible characters (against the English page's, unit by unit) and look-alike characters."""
    path = read.page.path
    findings = characters.check_lookalikes(read.text, path=path, line_at=read.line_at)
    if source is None:  # an English page: nothing to compare with; translations may copy what it has
        return findings + [dataclasses.replace(f, severity=WARNING) for f in characters.check_invisible(None, read.text, path=path, line_at=read.line_at, allowed=frozenset(), where="")]
    allowed = characters.allowed_marks(language.code, language.is_rtl)
    for (_s, src_text), (offset, text) in zip(source.units(aligned), read.units(aligned)):
        findings += characters.check_invisible(
            src_text, text, path=path, line_at=lambda o, start=offset: read.line_at(start + o), allowed=allowed,
            where=f"the English text ({source_path})",
        )
    return findings


def _unreadable(exc: KyrError, path: Path) -> Finding:
    return Finding(exc.path or path, exc.line, "unreadable", exc.message, hint=exc.hint, unreadable=True)


def check_translation(source: _Read, translation: _Read, language: Language, *, source_path: Path, termbase: Termbase | None = None) -> list[Finding]:
    """Every finding for one translated page against its English source."""
    page, doc = translation.page, translation.doc
    path = page.path
    findings = check_translation_front_matter(page, source.page)
    recorded = page.translation.get("source")
    stale = isinstance(recorded, str) and bool(FINGERPRINT_RE.match(recorded)) and recorded != source.fingerprint()
    # A stale translation is known to lag its English page (readers see a banner): what it lacks
    # is a warning. What it has that the English page does not is still an error, because a
    # number or address the English page dropped must not live on in a translation.
    lacking = WARNING if stale else ERROR
    findings += compare_structure(source.doc, doc, source_path=source_path, path=path, severity=lacking)
    findings += compare_promises(source.page, page, source_path=source_path, lacking=lacking)
    aligned = sections_match(source.doc, doc)
    src_facts = list(source.facts(None)[0])
    tr_facts, odd = document_facts(doc, language.format_tag)
    if aligned:
        section_lines = {section.index: section.line for section in doc.sections}
    else:
        src_facts = [dataclasses.replace(f, section=0) for f in src_facts]
        tr_facts = [dataclasses.replace(f, section=0) for f in tr_facts]
        section_lines = {0: doc.first_line}
    for section, key in ((-1, "title"), (-2, "description")):
        src_value, tr_value = source.page.meta.get(key), page.meta.get(key)
        if isinstance(src_value, str) and isinstance(tr_value, str):
            tr_line = page.front_matter.line_of((key,)) or 1
            src_facts += field_facts(src_value, source.page.front_matter.line_of((key,)) or 1, section, None)[0]
            more, more_odd = field_facts(tr_value, tr_line, section, language.format_tag)
            tr_facts += more
            odd += more_odd
            section_lines[section] = tr_line
            findings += html.check_text(tr_value, path, tr_line)
            if termbase is not None:
                src_line = source.page.front_matter.line_of((key,)) or 1
                findings += terms.check_unit(src_value, tr_value, termbase, path=path, line=tr_line, line_at=lambda _o, line=tr_line: line, source_at=lambda _o, line=src_line: f"{source_path}:{line}")
    findings += compare_facts(src_facts, tr_facts, source_at=lambda f: f"{source_path}:{f.line}", path=path, section_lines=section_lines, missing_severity=lacking)
    findings += odd_digit_findings(odd, path)
    findings += html.check_document(doc, path)
    findings += _characters(source, translation, language, source_path=source_path, aligned=aligned)
    if termbase is not None:
        findings += terms.check_document(source.doc, doc, termbase, path=path, source_path=source_path, aligned=aligned)
    return findings


def check_source(source: _Read) -> list[Finding]:
    """Findings for an English page itself: its front matter and its HTML."""
    findings = check_source_front_matter(source.page)
    findings += page_promises(source.page)[1]
    findings += html.check_document(source.doc, source.page.path)
    findings += _characters(None, source, None, source_path=None, aligned=False)
    for key in ("title", "description"):
        value = source.page.meta.get(key)
        if isinstance(value, str):
            findings += html.check_text(value, source.page.path, source.page.front_matter.line_of((key,)))
    return findings


def _display(path: Path, bases: tuple[Path, ...]) -> Path:
    """`path` (resolved) as the user will recognise it: relative to the current folder or the project."""
    for base in bases:
        if path.is_relative_to(base):
            return path.relative_to(base)
    return path


def _targets(project: Path, docs: Path, translations: Path, paths: list[Path] | None) -> tuple[list[Path], list[Path]]:
    """(pages, catalogs) to check: those under `paths`, or all of them."""
    if not paths:
        return sorted(p.resolve() for p in docs.rglob("*.md")), sorted(p.resolve() for p in translations.glob("*/LC_MESSAGES/*.po"))
    pages, catalogs = [], []
    for given in paths:
        path = given if given.is_absolute() else Path.cwd() / given
        if not path.exists():
            raise KyrError("no such file or folder", path=given)
        resolved = path.resolve()
        if resolved.is_relative_to(docs.resolve()):
            pages += [resolved] if resolved.is_file() else sorted(resolved.rglob("*.md"))
        elif resolved.is_relative_to(translations.resolve()):
            catalogs += [resolved] if resolved.is_file() else sorted(resolved.rglob("*.po"))
        else:
            raise KyrError("not a page under docs/ or a catalog under translations/ of this project", path=given, hint=f"the project is {project}; use --project DIR for another")
    return [p for p in pages if p.suffix == ".md"], [p for p in catalogs if p.suffix == ".po"]


def check_project(
    project: Path,
    languages: list[Language],
    *,
    paths: list[Path] | None = None,
    only: set[str] | None = None,
    docs_dir: str = "docs",
    translations_dir: str = "translations",
    texts: dict[Path, str] | None = None,
    review_period_days: int | None = None,
    today: dt.date | None = None,
) -> CheckReport:
    """Check every page and catalog (or those under `paths`; of the languages in `only`).
    `texts` gives, by resolved path, a page's text to check instead of the file's (what `kyr stamp`
    is about to write). With `review_period_days`, a page whose facts were last checked longer ago
    than that (on `today`) is a warning."""
    texts = texts or {}
    docs, translations = project / docs_dir, project / translations_dir
    by_code = {language.code: language for language in languages}
    source_language = next(language for language in languages if language.is_source)
    source_root = (docs / source_language.code).resolve()
    page_paths, catalog_paths = _targets(project, docs, translations, paths)
    bases = (Path.cwd().resolve(), project.resolve())
    findings: list[Finding] = []
    sources: dict[Path, _Read | None] = {}
    unconfigured: set[str] = set()

    def source_for(rel: Path) -> _Read | None:
        if rel not in sources:
            path = source_root / rel
            try:
                sources[rel] = _read(path) if path.is_file() else None
            except KyrError as exc:
                sources[rel] = None
                findings.append(_unreadable(exc, _display(path, bases)))
        return sources[rel]

    termbases: dict[str, Termbase | None] = {}

    def termbase_for(code: str) -> Termbase | None:
        if code not in termbases:
            try:
                termbases[code] = read_termbase(translations, code)
            except KyrError as exc:
                termbases[code] = None
                findings.append(_unreadable(exc, _display(exc.path or project, bases)))
        return termbases[code]

    files = 0
    for path in page_paths:
        rel_to_docs = path.relative_to(docs.resolve())
        code, rel = rel_to_docs.parts[0], Path(*rel_to_docs.parts[1:])
        if only and code not in only:
            continue
        shown = _display(path, bases)
        language = by_code.get(code)
        if language is None:
            if code not in unconfigured and len(rel_to_docs.parts) > 1:
                unconfigured.add(code)
                findings.append(Finding(shown, None, "language-unknown", f"'{code}' is not a language of mkdocs.yml", severity=WARNING, hint=f"run 'kyr new-language {code}' to add it, or move these pages"))
            continue
        files += 1
        try:
            read = _read(path, texts.get(path))
        except KyrError as exc:
            findings.append(_unreadable(exc, shown))
            continue
        findings += [_reshow(f, shown) for f in _review_due(read, review_period_days, today)]
        if language.is_source:
            sources.setdefault(rel, read)
            findings += [_reshow(f, shown) for f in check_source(read)]
            continue
        source = source_for(rel)
        if source is None:
            if (source_root / rel).is_file():
                continue  # unreadable source, already reported
            findings.append(Finding(shown, None, "no-source", f"there is no English page {_display(source_root / rel, bases)} for this translation", hint="give it the same path and name as its English page"))
            continue
        findings += [_reshow(f, shown) for f in check_translation(source, read, language, source_path=_display(source.page.path, bases), termbase=termbase_for(code))]
    for path in catalog_paths:
        code = path.relative_to(translations.resolve()).parts[0]
        if only and code not in only:
            continue
        language = by_code.get(code)
        shown = _display(path, bases)
        if language is None or language.is_source:
            findings.append(Finding(shown, None, "language-unknown", f"'{code}' is not a translated language of mkdocs.yml", severity=WARNING, hint=f"run 'kyr new-language {code}', or remove this catalog"))
            continue
        files += 1
        try:
            catalog = read_catalog(path, locale=language.tag.replace("-", "_"))
        except KyrError as exc:
            findings.append(_unreadable(exc, shown))
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        findings += check_catalog(catalog, shown, language.format_tag, termbase=termbase_for(code), allowed_marks=characters.allowed_marks(language.code, language.is_rtl))
        findings += check_plural_forms(catalog, text, shown, language.plural_forms)
        findings += check_quotes(text, shown)
    return CheckReport(tuple(sorted(findings, key=sort_key)), files)


def _review_due(read: _Read, period_days: int | None, today: dt.date | None) -> list[Finding]:
    """A warning when the page's own `last_reviewed` is older than the review period (a
    translation without a date of its own inherits its English page's, which is checked there)."""
    reviewed = review_date(read.page.meta.get("last_reviewed"))
    if not is_due(reviewed, period_days, today):
        return []
    age = ((today or dt.date.today()) - reviewed).days
    english = not read.page.translation
    return [Finding(
        read.page.path, read.page.front_matter.line_of(("last_reviewed",)) or 1, "review-due",
        f"its facts were last checked on {reviewed.isoformat()}, {age} days ago: longer than the review period of {period_days} days (clinic.yml, review_period_days)",
        severity=WARNING,
        hint=("check the facts against their sources, then set 'last_reviewed:' to the day you did; its translations without a date of their own follow it"
              if english else "check the facts against the English page, then update 'last_reviewed:', or remove the line to use the English page's date"),
    )]


def _reshow(finding: Finding, shown: Path) -> Finding:
    return dataclasses.replace(finding, path=shown) if finding.path != shown else finding


def resolve_languages(languages: list[Language], wanted: list[str] | None) -> set[str] | None:
    """The codes of `wanted` (None for all); raise `LanguageError` for one not configured."""
    if not wanted:
        return None
    codes = {language.code for language in languages}
    chosen = set()
    for item in wanted:
        for code in filter(None, (part.strip() for part in item.split(","))):
            if code not in codes:
                lower = code.lower()
                match = next((c for c in codes if c == lower or c == lower.replace("_", "-")), None)
                if match is None:
                    import difflib

                    close = difflib.get_close_matches(lower, sorted(codes), n=3)
                    raise LanguageError(
                        f"unknown language '{code}': it is not one of the site's languages in mkdocs.yml",
                        hint=(f"did you mean {' or '.join(repr(c) for c in close)}? " if close else "") + f"the languages are: {', '.join(sorted(codes))}",
                    )
                code = match
            chosen.add(code)
    return chosen


__all__ = ["CheckReport", "check_project", "check_translation", "check_source", "resolve_languages", "catalog_path"]
