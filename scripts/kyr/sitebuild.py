"""`kyr build`: the site as one MkDocs build per language, run in parallel processes, then the
parts that span languages assembled once.

Each language is built by `mkdocs build --strict` in a process of its own, with `KYR_LANGUAGE`
naming the language (the kyr plugin then makes mkdocs-static-i18n build that language alone),
into `.cache/site/<code>/`. A language whose inputs have not changed since its last build (see
`language_inputs`) is not built again: its previous output is reused.

Then, once over all languages: the site is put together in a scratch folder (the source
language's build whole, each other language's folder from its own build), the sitemaps are joined
into one, `_headers` and the offline worker (whose version hashes the files it lists) are
written, and the scratch folder replaces the site folder in one rename, so the site is never
half-written. A failure in any language fails the whole build, names the language and shows its
first error lines; the site folder is then left as it was.

Everything each page needs from other languages (the language menu, `hreflang`, the status page)
is computed by every language's build from the source tree, never from other builds' output.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import re
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Callable, Iterable

from . import deploy, headers, offline
from .errors import BuildError, LanguageError
from .languages import Language, closest_codes, read_site_languages
from .pages import split_front_matter
from .yamlfile import load_config_yaml

LANGUAGE_ENV = "KYR_LANGUAGE"  # the one language a build makes (read by the kyr plugin)
PRINT_ENV = "KYR_PRINT_MATERIALS"  # "0": no print materials in this build (read by the kyr plugin)
PREVIEW_ENV = "KYR_PREVIEW"  # "1": `kyr serve`; print materials are made after each build, never delaying it
CACHE_FOLDER = Path(".cache") / "site"
SITEMAP = "sitemap.xml"
# What else a language's pages depend on, besides its pages, the source pages and kyr itself.
PROJECT_INPUTS = ("mkdocs.yml", "clinic.yml", "overrides", "translations")
PACKAGES = ("mkdocs", "mkdocs-material", "mkdocs-static-i18n", "jieba", "weasyprint", "babel", "markdown", "pymdown-extensions")
ENVIRONMENT = ("KYR_PRODUCTION", PRINT_ENV, "SOURCE_DATE_EPOCH")
_URL_ENTRY = re.compile(r"<url>.*?</url>", re.DOTALL)


@dataclass(frozen=True)
class LanguageResult:
    """One language's part of a build: where its output is and whether it was built or reused."""

    language: Language
    output: Path
    reused: bool
    seconds: float


@dataclass(frozen=True)
class BuildReport:
    site_dir: Path
    results: tuple[LanguageResult, ...]
    seconds: float

    def summary(self) -> str:
        built = [r.language.code for r in self.results if not r.reused]
        reused = [r.language.code for r in self.results if r.reused]
        parts = [f"built {', '.join(built)}" if built else "", f"reused {', '.join(reused)} (unchanged)" if reused else ""]
        return f"{self.site_dir}: {'; '.join(p for p in parts if p)} in {self.seconds:.1f} s"


# -- what a language's build depends on ------------------------------------------------------------

def _files_under(path: Path) -> list[Path]:
    if path.is_file():
        return [path]
    if not path.is_dir():
        return []
    return sorted(p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts and not p.name.endswith((".pyc", ".mo")))


class _Hasher:
    """File digests computed once however many languages' fingerprints include them."""

    def __init__(self, project: Path) -> None:
        self.project = project
        self._whole: dict[Path, str] = {}
        self._front: dict[Path, str] = {}

    def whole(self, path: Path) -> str:
        if path not in self._whole:
            self._whole[path] = hashlib.sha256(path.read_bytes()).hexdigest()
        return self._whole[path]

    def front_matter(self, path: Path) -> str:
        # Other languages' pages matter to this language only through their front matter (the
        # status page's counts and titles) and their existence (the language menu, hreflang).
        if path not in self._front:
            if path.suffix == ".md":
                front, _, _ = split_front_matter(path.read_text(encoding="utf-8", errors="replace").replace("\r\n", "\n"))
                self._front[path] = hashlib.sha256(front.encode("utf-8")).hexdigest()
            else:
                self._front[path] = "asset"
        return self._front[path]

    def rel(self, path: Path) -> str:
        try:
            return path.relative_to(self.project).as_posix()
        except ValueError:
            return path.as_posix()


def _docs_dir(project: Path) -> Path:
    try:
        data = load_config_yaml((project / "mkdocs.yml").read_text(encoding="utf-8")) or {}
    except (OSError, ValueError):
        data = {}
    value = data.get("docs_dir", "docs") if isinstance(data, dict) else "docs"
    return project / (value if isinstance(value, str) else "docs")


def _package_versions() -> list[str]:
    versions = []
    for name in PACKAGES:
        try:
            versions.append(f"{name}=={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name} absent")
    return versions


def language_inputs(project: Path, language: Language, languages: Iterable[Language], hasher: _Hasher | None = None) -> list[str]:
    """Everything `language`'s build output depends on, one line per input: its own pages, the
    source-language pages it falls back on, every other language's page list and front matter,
    the project files (mkdocs.yml, clinic.yml, overrides/, every catalog), kyr's own code, the
    versions of MkDocs and its plugins, and the environment variables the build reads."""
    project = Path(project)
    hasher = hasher or _Hasher(project)
    docs = _docs_dir(project)
    lines = [f"language {language.code}"]
    for other in languages:
        whole = other.code == language.code or other.is_source
        for path in _files_under(docs / other.code):
            lines.append(f"{'page' if whole else 'front'} {hasher.rel(path)} {hasher.whole(path) if whole else hasher.front_matter(path)}")
    for name in PROJECT_INPUTS:
        for path in _files_under(project / name):
            lines.append(f"file {hasher.rel(path)} {hasher.whole(path)}")
    package = Path(__file__).resolve().parent
    for path in _files_under(package):
        lines.append(f"kyr {path.relative_to(package).as_posix()} {hasher.whole(path)}")
    lines += [f"package {v}" for v in _package_versions()]
    lines += [f"env {name}={os.environ.get(name, '')}" for name in ENVIRONMENT]
    return lines


def fingerprint(lines: list[str]) -> str:
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


# -- one language's build --------------------------------------------------------------------------

def first_error_lines(output: str, limit: int = 8) -> list[str]:
    """The lines of a failed MkDocs run that say what went wrong (its errors and warnings)."""
    lines = [line.rstrip() for line in output.splitlines() if line.strip()]
    found = [line for line in lines if re.match(r"(ERROR|WARNING|CRITICAL)\b|Error:|Aborted|Traceback|\S+Error\b", line.strip())]
    return (found or lines[-limit:])[:limit]


def mkdocs_command(project: Path, site_dir: Path) -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(project / "mkdocs.yml"), "--site-dir", str(site_dir)]


def build_environment(language: Language, *, print_materials: bool | None = None, preview: bool = False) -> dict[str, str]:
    env = dict(os.environ)
    env[LANGUAGE_ENV] = language.code
    if preview:
        env[PREVIEW_ENV] = "1"
    env.setdefault("NO_MKDOCS_2_WARNING", "1")
    if print_materials is not None:
        env[PRINT_ENV] = "1" if print_materials else "0"
    return env


def build_language(project: Path, language: Language, cache: Path, stamp: str, *, print_materials: bool | None = None) -> LanguageResult:
    """Build `language` into `cache/<code>/` (through a scratch folder), or reuse what is there if
    its fingerprint is `stamp`. Raise `BuildError` naming the language if MkDocs fails."""
    output = cache / language.code
    stamp_file = cache / f"{language.code}.fingerprint"
    start = time.perf_counter()
    if output.is_dir() and stamp_file.is_file() and stamp_file.read_text(encoding="utf-8").strip() == stamp:
        return LanguageResult(language, output, True, time.perf_counter() - start)
    scratch = cache / f".{language.code}.{os.getpid()}.building"  # two builds at once never share one
    shutil.rmtree(scratch, ignore_errors=True)
    scratch.parent.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        mkdocs_command(project, scratch), cwd=project, env=build_environment(language, print_materials=print_materials),
        capture_output=True, text=True,
    )
    if result.returncode != 0:
        shutil.rmtree(scratch, ignore_errors=True)
        lines = "\n    ".join(first_error_lines(result.stderr + result.stdout))
        raise BuildError(f"the '{language.code}' ({language.english_name}) build failed:\n    {lines}", path=project / "mkdocs.yml")
    stamp_file.unlink(missing_ok=True)  # never a fingerprint beside another build's output
    shutil.rmtree(output, ignore_errors=True)
    scratch.rename(output)
    stamp_file.write_text(stamp + "\n", encoding="utf-8")
    return LanguageResult(language, output, False, time.perf_counter() - start)


# -- putting the site together ------------------------------------------------------------------------

def join_sitemaps(sitemaps: list[str]) -> str:
    """One sitemap with the `<url>` entries of each language's sitemap, in the order given."""
    if not sitemaps:
        return ""
    first = sitemaps[0]
    head_end = first.find("<url>")
    tail_start = first.rfind("</urlset>")
    if head_end < 0:
        head_end = tail_start
    entries = [entry for text in sitemaps for entry in _URL_ENTRY.findall(text)]
    return first[:head_end] + "\n  ".join(entries) + "\n" + first[tail_start:]


def _write(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def assemble(results: list[LanguageResult], languages: list[Language], target: Path) -> None:
    """Put the site together in `target` (which must not exist) from each language's output."""
    order = sorted(results, key=lambda r: not r.language.is_source)
    base = order[0]
    # The first build (the source language's, if built) gives the root: its pages and the theme's
    # files, which every build writes alike. (A build of one other language has only its own
    # folder, the theme's files and its sitemap: its 404 page and index are in its folder.)
    shutil.copytree(base.output, target)
    for result in order[1:]:
        folder = result.output / result.language.code
        if not folder.is_dir():
            raise BuildError(f"the '{result.language.code}' build wrote no '{result.language.code}/' folder", path=result.output)
        shutil.copytree(folder, target / result.language.code)
    sitemaps = []
    for result in sorted(results, key=lambda r: [lang.code for lang in languages].index(r.language.code)):
        path = result.output / SITEMAP
        if path.is_file():
            sitemaps.append(path.read_text(encoding="utf-8"))
    if sitemaps:
        text = join_sitemaps(sitemaps)
        _write(target / SITEMAP, text.encode("utf-8"))
        _write(target / (SITEMAP + ".gz"), gzip.compress(text.encode("utf-8"), mtime=0))
    headers.write_headers_file(target)
    built = [lang for lang in languages if lang.code in {r.language.code for r in results}]
    deploy.write_redirects_file(target, built)
    offline.write_worker(target, built)


def swap_in(scratch: Path, site_dir: Path) -> None:
    """Replace `site_dir` by `scratch`: the old site stays whole until the new one is in place."""
    old = site_dir.with_name(f".{site_dir.name}-old")
    shutil.rmtree(old, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(old)
    scratch.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)


# -- the whole build --------------------------------------------------------------------------------

def choose_languages(languages: list[Language], codes: Iterable[str] | None) -> list[Language]:
    """The languages named by `codes` (all if none), in mkdocs.yml's order; unknown codes raise."""
    if not codes:
        return list(languages)
    known = {lang.code: lang for lang in languages}
    chosen = []
    for code in codes:
        code = code.strip().lower()
        if code not in known:
            suggestions = closest_codes(code)
            hint = f"did you mean {', '.join(suggestions)}? " if suggestions else ""
            raise LanguageError(f"'{code}' is not a language of this site", key="--lang", hint=f"{hint}the site's languages: {', '.join(known)}")
        chosen.append(known[code])
    return [lang for lang in languages if lang in chosen]


def build_site(
    project: Path,
    site_dir: Path,
    *,
    jobs: int | None = None,
    codes: Iterable[str] | None = None,
    print_materials: bool | None = None,
    progress: Callable[[LanguageResult], None] | None = None,
) -> BuildReport:
    """Build every language (or those in `codes`) in up to `jobs` parallel processes, reusing the
    output of each language whose inputs have not changed, and put the site in `site_dir`."""
    start = time.perf_counter()
    project = Path(project).resolve()
    site_dir = Path(site_dir)
    if not site_dir.is_absolute():
        site_dir = project / site_dir
    languages = read_site_languages(project / "mkdocs.yml")
    chosen = choose_languages(languages, codes)
    cache = project / CACHE_FOLDER
    cache.mkdir(parents=True, exist_ok=True)
    hasher = _Hasher(project)
    stamps = {lang.code: fingerprint(language_inputs(project, lang, languages, hasher)) for lang in chosen}
    if print_materials is not None:  # a build without PDFs is a different output
        stamps = {code: fingerprint([stamp, f"print {print_materials}"]) for code, stamp in stamps.items()}
    jobs = max(1, jobs or os.cpu_count() or 1)
    results: dict[str, LanguageResult] = {}
    failures: list[BuildError] = []
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        futures = {lang.code: pool.submit(build_language, project, lang, cache, stamps[lang.code], print_materials=print_materials) for lang in chosen}
        for code, future in futures.items():
            try:
                results[code] = future.result()
            except BuildError as exc:
                failures.append(exc)
                continue
            if progress is not None:
                progress(results[code])
    if failures:
        if len(failures) == 1:
            raise failures[0]
        raise BuildError("\n".join(exc.message for exc in failures), path=project / "mkdocs.yml")
    ordered = [results[lang.code] for lang in chosen]
    scratch = site_dir.with_name(f".{site_dir.name}-build")
    shutil.rmtree(scratch, ignore_errors=True)
    try:
        assemble(ordered, languages, scratch)
    except OSError as exc:
        shutil.rmtree(scratch, ignore_errors=True)
        raise BuildError(f"cannot put the site together in {scratch}: {exc}", path=scratch) from None
    swap_in(scratch, site_dir)
    return BuildReport(site_dir, tuple(ordered), time.perf_counter() - start)
