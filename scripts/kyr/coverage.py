"""How far each language has come: for every English page, is its translation current, stale or
missing, and who checked it; for every gettext catalog, how many messages are translated.

A translation is current when the fingerprint its front matter records (`translation.source`)
is the fingerprint of the English page now. That needs no git history, so it works in a shallow
clone. The CLI (`kyr coverage`) and the site's "Translation status" page both show this report.
"""

from __future__ import annotations

import datetime as dt
import functools

import re
from dataclasses import dataclass, field
from pathlib import Path

from .catalogs import catalog_path, read_catalog
from .errors import KyrError
from .languages import Language
from .pages import FINGERPRINT_RE, STATUSES, Page, read_page, source_fingerprint
from .review import review_date
from .termbase import read_termbase

CURRENT, STALE, MISSING = "current", "stale", "missing"
STATES = (CURRENT, STALE, MISSING)
WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


@dataclass(frozen=True)
class SourcePage:
    """An English page: what every language translates."""

    rel: str  # "rights/at-home.md", the same under every docs/<code>/
    path: Path
    title: str
    fingerprint: str
    words: int
    last_reviewed: dt.date | None = None


@dataclass(frozen=True)
class PageCoverage:
    """One English page in one language."""

    rel: str
    state: str  # current | stale | missing
    review: str | None  # machine | community | legal, as the translation says; None when missing
    title: str  # the translation's title, or the English one when missing
    words: int  # the English page's words
    path: Path | None = None  # the translation, when it exists
    recorded: str | None = None  # the fingerprint the translation records
    by: str | None = None
    problem: str | None = None  # why a page counts as stale although its text may be fine
    last_reviewed: dt.date | None = None  # its own `last_reviewed`, else its English page's
    own_review_date: bool = False  # whether it carries its own date (else it inherits)


@dataclass(frozen=True)
class CatalogCoverage:
    """A language's gettext catalog."""

    path: Path
    translated: int = 0
    fuzzy: int = 0
    untranslated: int = 0
    exists: bool = True

    @property
    def total(self) -> int:
        return self.translated + self.fuzzy + self.untranslated

    @property
    def percent(self) -> float:
        return 100.0 * self.translated / self.total if self.total else 0.0


@dataclass(frozen=True)
class LanguageCoverage:
    """Every English page in one language, and its catalog."""

    language: Language
    pages: tuple[PageCoverage, ...]
    catalog: CatalogCoverage | None
    terms: int | None = None  # rows in its termbase (translations/termbase/<code>.csv); None: it has none

    def count(self, state: str) -> int:
        return sum(1 for page in self.pages if page.state == state)

    def reviewed(self, review: str) -> int:
        return sum(1 for page in self.pages if page.review == review and page.state != MISSING)

    @property
    def pages_percent(self) -> float:
        return 100.0 * self.count(CURRENT) / len(self.pages) if self.pages else 100.0

    @property
    def words_percent(self) -> float:
        total = sum(page.words for page in self.pages)
        return 100.0 * sum(page.words for page in self.pages if page.state == CURRENT) / total if total else 100.0

    def page(self, rel: str) -> PageCoverage | None:
        return next((page for page in self.pages if page.rel == rel), None)


@dataclass(frozen=True)
class CoverageReport:
    """The whole site: the English pages, each language, and any file that could not be read."""

    source: Language
    sources: tuple[SourcePage, ...]
    languages: tuple[LanguageCoverage, ...]
    errors: tuple[KyrError, ...] = field(default=())

    @property
    def words(self) -> int:
        return sum(page.words for page in self.sources)

    def language(self, code: str) -> LanguageCoverage | None:
        return next((lang for lang in self.languages if lang.language.code == code), None)

    def source_review_date(self, rel: str) -> dt.date | None:
        """The English page `rel`'s `last_reviewed` (what its translations inherit)."""
        return next((page.last_reviewed for page in self.sources if page.rel == rel), None)


def count_words(page: Page) -> int:
    """Words a translator translates: title, description and body (code blocks included)."""
    text = " ".join(str(page.meta.get(key, "")) for key in ("title", "description")) + " " + page.body
    text = re.sub(r"\{\{.*?\}\}|\]\([^)]*\)|https?://\S+", " ", text)
    return len(WORD_RE.findall(text))


def source_page(page: Page, rel: str) -> SourcePage:
    """Describe an English page."""
    return SourcePage(rel, page.path, str(page.meta.get("title") or rel), source_fingerprint(page), count_words(page), review_date(page.meta.get("last_reviewed")))


def page_coverage(source: SourcePage, translation: Page | None) -> PageCoverage:
    """Where one translation stands against its English page now."""
    if translation is None:
        return PageCoverage(source.rel, MISSING, None, source.title, source.words, last_reviewed=source.last_reviewed)
    block = translation.translation
    recorded = block.get("source")
    review = block.get("status") if block.get("status") in STATUSES else None
    title = str(translation.meta.get("title") or source.title)
    by = block.get("by") if isinstance(block.get("by"), str) else None
    problem = None
    if not isinstance(recorded, str) or not FINGERPRINT_RE.match(recorded):
        state, problem = STALE, "no valid 'translation.source' fingerprint"
        recorded = recorded if isinstance(recorded, str) else None
    else:
        state = CURRENT if recorded == source.fingerprint else STALE
    if review is None and problem is None:
        problem = "no valid 'translation.status'"
    own = review_date(translation.meta.get("last_reviewed"))
    return PageCoverage(source.rel, state, review, title, source.words, translation.path, recorded, by, problem, own or source.last_reviewed, own is not None)


def catalog_coverage(catalog, path: Path) -> CatalogCoverage:
    """Translated, fuzzy and untranslated messages of a Babel `Catalog` (the header left out)."""
    translated = fuzzy = untranslated = 0
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, (list, tuple)) else (message.string,)
        if not all(strings):
            untranslated += 1
        elif message.fuzzy:
            fuzzy += 1
        else:
            translated += 1
    return CatalogCoverage(path, translated, fuzzy, untranslated)


def read_sources(docs: Path, source: Language) -> tuple[list[SourcePage], dict[str, Page], list[KyrError]]:
    """Every English page under `docs/<source>/`, parsed once."""
    root = docs / source.code
    sources, pages, errors = [], {}, []
    for path in sorted(root.rglob("*.md")):
        rel = path.relative_to(root).as_posix()
        try:
            page = read_page(path)
        except KyrError as exc:
            errors.append(exc)
            continue
        pages[rel] = page
        sources.append(source_page(page, rel))
    return sources, pages, errors


def compute_coverage(
    project: Path,
    languages: list[Language],
    *,
    only: set[str] | None = None,
    docs_dir: str = "docs",
    translations_dir: str = "translations",
) -> CoverageReport:
    """The coverage of every language (or those in `only`); unreadable files go in `errors`."""
    project = Path(project)
    docs, translations = project / docs_dir, project / translations_dir
    source = next(language for language in languages if language.is_source)
    sources, _pages, errors = read_sources(docs, source)
    results = []
    for language in languages:
        if language.is_source or (only and language.code not in only):
            continue
        pages = []
        for src in sources:
            path = docs / language.code / src.rel
            translation = None
            if path.is_file():
                try:
                    translation = read_page(path)
                except KyrError as exc:
                    errors.append(exc)
                    pages.append(PageCoverage(src.rel, STALE, None, src.title, src.words, path, None, None, "the front matter cannot be read"))
                    continue
            pages.append(page_coverage(src, translation))
        results.append(LanguageCoverage(language, tuple(pages), _catalog(translations, language, errors), _terms(translations, language, errors)))
    return CoverageReport(source, tuple(sources), tuple(results), tuple(errors))


def _terms(translations: Path, language: Language, errors: list[KyrError]) -> int | None:
    try:
        termbase = read_termbase(translations, language.code)
    except KyrError as exc:
        errors.append(exc)
        return None
    return None if termbase is None else len(termbase)


def _catalog(translations: Path, language: Language, errors: list[KyrError]) -> CatalogCoverage:
    path = catalog_path(translations, language.code)
    if not path.is_file():
        return CatalogCoverage(path, exists=False)
    stat = path.stat()
    try:
        return _catalog_coverage(path, stat.st_mtime_ns, stat.st_size, language.tag.replace("-", "_"))
    except KyrError as exc:
        errors.append(exc)
        return CatalogCoverage(path, exists=False)


@functools.lru_cache(maxsize=64)  # `mkdocs serve` rebuilds in one process: read each catalog once per change
def _catalog_coverage(path: Path, mtime_ns: int, size: int, locale: str) -> CatalogCoverage:
    return catalog_coverage(read_catalog(path, locale=locale), path)
