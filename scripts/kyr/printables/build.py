"""Make the print materials of every language: the one entry point the MkDocs plugin and the bench use.

A `PrintSession` prepares the HTML of every document in every language, looks each up in the
cache, checks the fonts of what must be rendered, and starts rendering it in parallel; then, as
MkDocs finishes each language, `publish()` waits for that language's PDFs and writes them into
`<site>/<language>/print/`.
"""

from __future__ import annotations

import base64
import datetime as dt
import logging
import mimetypes
import os
import time
from dataclasses import dataclass, field, replace
from functools import lru_cache, partial
from pathlib import Path

from babel import Locale

from .. import review
from ..catalogs import catalog_path, load_translations, read_catalog
from ..clinic import Clinic
from ..errors import PrintError
from ..formatting import format_review_date
from ..languages import Language
from ..pages import read_page
from . import officer as officer_module
from .fonts import LATIN, FontSet, LabelledText, check_coverage, font_set
from .layout import (
    DOCUMENTS, Document, PrintContext, PrintStrings, PrintUrls, Stamp, build_html, document_options, make_environment, visible_texts,
)
from .qr import page_url
from .render import PdfCache, RenderJob, RenderOutcome, RenderQueue, fingerprint, renderer_fingerprint

log = logging.getLogger("kyr.printables")

ENGLISH = Locale.parse("en_US")  # the officer's side of the card is in English

# A CMYK profile for the print shop's output intent: ghostscript's (Debian's libgs-common), "Artifex
# CMYK SWOP", close to the SWOP presses of US print shops.
CMYK_PROFILES = (Path("/usr/share/color/icc/ghostscript/default_cmyk.icc"),)


def cmyk_profile(candidates: tuple[Path, ...] = CMYK_PROFILES) -> Path | None:
    """The first CMYK ICC profile installed, or None."""
    return next((path for path in candidates if path.is_file()), None)

PRINT_FOLDER = "print"  # <site>/<language>/print/, next to the "Print materials" page

# The pages the QR codes point at, as docs paths.
HOME_PAGE, RIGHTS_PAGE, DETAINED_PAGE = "index.md", "rights/index.md", "detained.md"


@dataclass(frozen=True)
class PrintSettings:
    """What the print materials are made from, and where things go."""

    project_dir: Path
    clinic: Clinic
    languages: tuple[Language, ...]
    site_url: str  # absolute, ending in "/" (see qr.require_site_url)
    use_directory_urls: bool = True
    templates_dir: Path | None = None  # default: <project>/overrides (templates under print/)
    docs_dir: Path | None = None  # default: <project>/docs (the pages whose review dates are printed)
    translations_dir: Path | None = None  # default: <project>/translations
    cache_dir: Path | None = None  # default: <project>/.cache/printables
    config_file: Path | None = None  # mkdocs.yml, named in errors about site_url
    workers: int | None = None  # default: the number of CPUs

    @property
    def templates(self) -> Path:
        return self.templates_dir or self.project_dir / "overrides"

    @property
    def docs(self) -> Path:
        return self.docs_dir or self.project_dir / "docs"

    @property
    def translations(self) -> Path:
        return self.translations_dir or self.project_dir / "translations"

    @property
    def cache(self) -> Path:
        return self.cache_dir or self.project_dir / ".cache" / "printables"


@dataclass(frozen=True)
class PrintReport:
    """What publishing one language's print materials did."""

    language: Language
    files: tuple[Path, ...]
    rendered: tuple[str, ...]  # document keys rendered in this build
    reused: tuple[str, ...]  # document keys taken from the cache
    strings: int  # how many translatable strings the print materials use
    english_fallbacks: tuple[str, ...]  # msgids shown in English: not translated yet
    seconds: float = 0.0

    def summary(self) -> str:
        text = f"print materials for '{self.language.code}': {len(self.files)} PDFs ({len(self.rendered)} rendered, {len(self.reused)} from the cache)"
        if self.english_fallbacks:
            text += f"; {len(self.english_fallbacks)} of {self.strings} strings shown in English (not translated yet)"
        return text


@dataclass
class _Prepared:
    language: Language
    fonts: FontSet
    strings: PrintStrings
    jobs: dict[str, RenderJob] = field(default_factory=dict)  # document key -> job
    cached: dict[str, Path] = field(default_factory=dict)  # document key -> cached PDF


def logo_data_uri(path: Path | None) -> str | None:
    """The clinic's logo as a `data:` URI, so the HTML (and its fingerprint) holds the image itself."""
    if path is None:
        return None
    mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return f"data:{mime};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"


def print_urls(settings: PrintSettings, language: Language) -> PrintUrls:
    def url(docs_path: str) -> str:
        return page_url(settings.site_url, language, docs_path, use_directory_urls=settings.use_directory_urls)

    return PrintUrls(home=url(HOME_PAGE), rights=url(RIGHTS_PAGE), detained=url(DETAINED_PAGE))


def review_date(docs_dir: Path, language: Language, docs_path: str, source: str = "en") -> dt.date | None:
    """When the words of page `docs_path` in `language` were last reviewed: the translation's own
    `last_reviewed`, else its English page's (the rule of `kyr.review`, as the site shows it), or None
    if neither gives a date."""
    english = Path(docs_dir) / source / docs_path
    inherited = review.review_date(read_page(english).meta.get("last_reviewed")) if english.is_file() else None
    own = Path(docs_dir) / language.code / docs_path
    if language.code != source and own.is_file():
        return review.effective_date(read_page(own).meta, inherited)
    return inherited


def review_stamps(settings: PrintSettings, language: Language, urls: PrintUrls, documents: tuple[Document, ...]) -> dict[str, Stamp]:
    """The stamp of each page the documents come from: its review date and the site's address."""
    source = next((lang.code for lang in settings.languages if lang.is_source), "en")
    address = urls.home.split("//", 1)[-1].rstrip("/")
    stamps = {}
    for docs_path in sorted({document.review_page for document in documents}):
        date = review_date(settings.docs, language, docs_path, source)
        stamps[docs_path] = Stamp(
            reviewed=format_review_date(date, language.locale) if date else "",
            reviewed_en=format_review_date(date, ENGLISH) if date else "",
            address=address,
        )
    return stamps


def prepare_language(settings: PrintSettings, language: Language, *, env=None, renderer: str | None = None, cache: PdfCache | None = None, documents: tuple[Document, ...] = DOCUMENTS) -> _Prepared:
    """Build the HTML of `language`'s documents and look each one up in the cache."""
    env = env or make_environment(settings.templates)
    renderer = renderer or renderer_fingerprint()
    cache = cache or PdfCache(settings.cache)
    fonts = font_set(language)
    strings = PrintStrings(load_translations(settings.translations, language.code, tag=language.tag), language)
    urls = print_urls(settings, language)
    context = PrintContext(
        clinic=settings.clinic,
        language=language,
        strings=strings,
        urls=urls,
        font_stack=fonts.css_stack,
        latin_stack=f'"{LATIN.name}"',
        logo=logo_data_uri(settings.clinic.logo),
        stamps=review_stamps(settings, language, urls, documents),
        cmyk_profile=cmyk_profile(),
    )
    prepared = _Prepared(language, fonts, strings)
    fonts_key = fonts.fingerprint()
    for document in documents:
        html = build_html(env, document, context)
        options = document_options(document, context.cmyk_profile)
        key = fingerprint(html, document.pages, fonts_key, f"{renderer}; options {sorted(options)}")
        hit = cache.get(key)
        if hit is not None:
            prepared.cached[document.key] = hit
        else:
            prepared.jobs[document.key] = RenderJob(html, document.pages, language.code, document.key, key, options)
    return prepared


def labelled_texts(html: str) -> list[LabelledText]:
    """The visible texts of a document, each labelled with the string it shows."""
    return [LabelledText(run.text, run.label or run.text.strip(), run.kind) for run in visible_texts(html)]


@lru_cache(maxsize=64)
def _catalog_lines(path: Path, mtime_ns: int, locale: str) -> dict[str, int]:
    return {message.id: message.lineno for message in read_catalog(path, locale=locale) if message.id and message.string}


def source_of(settings: PrintSettings, language: Language, label: str | None, kind: str | None) -> tuple[Path | None, int | None]:
    """Where the text labelled `label` comes from: a catalog entry, clinic.yml, or our templates."""
    if kind == "msgid" and not language.is_source:
        path = catalog_path(settings.translations, language.code)
        if path.is_file():
            line = _catalog_lines(path, path.stat().st_mtime_ns, language.tag.replace("-", "_")).get(label)
            if line is not None:
                return path, line
    if kind == "text" and label:
        if label.startswith("officer."):
            return Path(officer_module.__file__), None
        if label == "site_url":
            return settings.config_file, None
        return settings.clinic.source, None
    return settings.templates / "print", None


def overflow_error(settings: PrintSettings, language: Language, document: Document, outcome: RenderOutcome) -> PrintError:
    """The build error for a text that does not fit, naming the language, the string and the file."""
    if outcome.overflow is None:
        return PrintError(
            f"print materials for '{language.code}': {document.filename(language)}: {outcome.problem}",
            path=settings.templates / document.template,
            hint="the print templates and print.css must keep every document to its page count",
        )
    over = outcome.overflow
    path, line = source_of(settings, language, over.label, over.kind)
    if over.kind == "msgid" and path and path.suffix == ".po":
        hint = "shorten this translation (keep its meaning); the card and poster have fixed room"
    elif over.kind == "text" and path == settings.clinic.source:
        hint = f"shorten '{over.label}' in {path.name}"
    else:
        hint = f"give the '{over.fit}' box more room in overrides/print/, or shorten the text"
    shown = over.text if len(over.text) <= 80 else over.text[:77] + "..."
    return PrintError(
        f"print materials for '{language.code}' ({language.english_name}): the text {over.label or shown!r} does not fit "
        f"its box ('{over.fit}') in {document.filename(language)}, even at the smallest readable size ({over.minimum:g}pt): "
        f"it runs over at {shown!r}",
        path=path,
        line=line,
        hint=hint,
    )


def write_atomically(source: Path, target: Path) -> None:
    """Copy `source` to `target` so that a reader sees the old file or the new one, never half."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    tmp.write_bytes(source.read_bytes())
    tmp.replace(target)


def output_folder(site_dir: Path, language: Language) -> Path:
    """`<site>/print/` for English, `<site>/<code>/print/` for the others."""
    return Path(site_dir) / language.folder / PRINT_FOLDER


class PrintSession:
    """The print materials of one build: prepared and rendered once, published language by language."""

    def __init__(self, settings: PrintSettings, *, documents: tuple[Document, ...] = DOCUMENTS) -> None:
        self.settings = settings
        self.documents = documents
        self.cache = PdfCache(settings.cache)
        self._prepared: dict[str, _Prepared] = {}
        self._queue: RenderQueue | None = None
        self._published: set[str] = set()

    @property
    def started(self) -> bool:
        return self._queue is not None

    def start(self) -> None:
        """Prepare every language, check the fonts of all that must be rendered, start rendering.

        Raises `PrintError` (a character no font covers) before anything is rendered.
        """
        env = make_environment(self.settings.templates)
        renderer = renderer_fingerprint()
        jobs: list[RenderJob] = []
        for language in self.settings.languages:
            prepared = prepare_language(self.settings, language, env=env, renderer=renderer, cache=self.cache, documents=self.documents)
            self._prepared[language.code] = prepared
            if prepared.jobs:
                texts = [text for job in prepared.jobs.values() for text in labelled_texts(job.html)]
                check_coverage(_unique(texts), language, prepared.fonts, partial(source_of, self.settings, language))
            jobs.extend(prepared.jobs.values())
        self._queue = RenderQueue(jobs, workers=self.settings.workers)
        log.debug("print materials: %d PDFs to render, %d from the cache", len(jobs), sum(len(p.cached) for p in self._prepared.values()))

    def publish(self, language_code: str, site_dir: Path) -> PrintReport:
        """Wait for `language_code`'s PDFs, cache them, and write them into the built site."""
        if self._queue is None:
            self.start()
        started = time.perf_counter()
        prepared = self._prepared.get(language_code)
        if prepared is None:
            raise PrintError(f"no print materials were prepared for the language '{language_code}'", key="languages")
        language = prepared.language
        sources: dict[str, Path] = dict(prepared.cached)
        for key, job in prepared.jobs.items():
            outcome = self._queue.result(language.code, key)
            document = next(d for d in self.documents if d.key == key)
            if outcome.pdf is None:
                raise overflow_error(self.settings, language, document, outcome)
            sources[key] = self.cache.put(job.fingerprint, outcome.pdf)
        files = []
        folder = output_folder(site_dir, language)
        for document in self.documents:
            target = folder / document.filename(language)
            write_atomically(sources[document.key], target)
            files.append(target)
        self._published.add(language.code)
        if self._published >= set(self._prepared):
            self.close()
        return PrintReport(
            language=language,
            files=tuple(files),
            rendered=tuple(prepared.jobs),
            reused=tuple(prepared.cached),
            strings=len(prepared.strings.used),
            english_fallbacks=prepared.strings.english_fallbacks if not language.is_source else (),
            seconds=time.perf_counter() - started,
        )

    def close(self) -> None:
        """Stop the render workers (also after a failed build); forget PDFs unused for a month."""
        if self._queue is not None:
            self._queue.close()
            if self._published >= set(self._prepared):
                self.cache.prune()


def _unique(texts: list[LabelledText]) -> list[LabelledText]:
    seen, unique = set(), []
    for text in texts:
        if (text.text, text.label) not in seen:
            seen.add((text.text, text.label))
            unique.append(text)
    return unique


def build_printables(settings: PrintSettings, language_code: str, site_dir: Path) -> PrintReport:
    """Make and publish one language's print materials on their own (no session shared across languages)."""
    language = next((lang for lang in settings.languages if lang.code == language_code), None)
    if language is None:
        raise PrintError(f"the language '{language_code}' is not configured", key="languages")
    session = PrintSession(replace(settings, languages=(language,)))
    try:
        return session.publish(language_code, site_dir)
    finally:
        session.close()
