"""`make bench` sections for building and previewing the site, each side by side with vanilla
MkDocs + Material + mkdocs-static-i18n on the same pages, in the same run:

- site-build: cold full build, rebuild with nothing changed, rebuild after one Spanish page changed
  (targets: cold within 2x of vanilla, no-change within 1.2x);
- edit-reload: a Spanish page saved while `kyr serve --lang es` runs, until the open browser shows
  the change (median of 5 edits; target under 1.5 s), beside vanilla `mkdocs serve`;
- search-bytes: what a phone downloads when it opens search, per language (gzip, as a host sends it).

Everything runs on a copy of the project in the scratch folder. The vanilla site is the same
`docs/` with the same languages, search separator and Markdown extensions, without the kyr plugin,
our overrides or print materials ("pages only").
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import yaml

from .benchkit import Context, Figure, Skip, require_browser, section

COLD_TARGET = 2.0
NO_CHANGE_TARGET = 1.2
RELOAD_TARGET_S = 1.5
EDITS = 5
EDITED_PAGE = Path("docs") / "es" / "about.md"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-sync"]


def project_copy(ctx: Context) -> Path:
    """A copy of the project (configuration, pages, theme, catalogs) with empty caches."""
    target = ctx.scratch / "site-project"
    if target.exists():
        return target
    target.mkdir()
    for name in ("mkdocs.yml", "clinic.yml", "docs", "overrides", "translations"):
        source = ctx.project / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        elif source.exists():
            shutil.copy(source, target / name)
    write_vanilla_config(target)
    return target


def write_vanilla_config(project: Path) -> Path:
    """`vanilla.yml` beside `mkdocs.yml`: the same pages and languages, Material and
    mkdocs-static-i18n as they come, no kyr plugin, no overrides, no PDFs."""
    from .yamlfile import load_config_yaml

    ours = load_config_yaml((project / "mkdocs.yml").read_text(encoding="utf-8")) or {}
    plugins = {next(iter(p)) if isinstance(p, dict) else p: (p[next(iter(p))] if isinstance(p, dict) else {}) for p in ours.get("plugins", [])}
    i18n = dict(plugins.get("i18n") or {})
    i18n["reconfigure_search"] = True  # the plugin's default: every language's stemmer in one index
    # Material's interface language per language, as a plain site would pick it: the language's own
    # translation if Material has one, else English (Material has none for Haitian Creole).
    languages = []
    for entry in i18n.get("languages") or []:
        entry = dict(entry)
        if len(str(entry.get("locale", "en")).split("-")[0]) != 2:
            continue  # plain mkdocs-static-i18n refuses three-letter codes (Hmong, hmn): see site/i18n_codes.py
        entry.setdefault("theme", {"language": material_language(entry.get("locale", "en"))})
        languages.append(entry)
    i18n["languages"] = languages
    config = {
        "site_name": ours.get("site_name", "Vanilla"),
        "site_url": ours.get("site_url"),
        "docs_dir": ours.get("docs_dir", "docs"),
        "use_directory_urls": ours.get("use_directory_urls", True),
        "theme": {"name": "material", "language": "en", "font": False, "features": (ours.get("theme") or {}).get("features", [])},
        "markdown_extensions": ours.get("markdown_extensions", []),
        "plugins": [{"search": plugins.get("search") or {}}, {"i18n": i18n}],
    }
    # The letter builder's pages name our template; vanilla gets Material's page template under that name.
    templates = project / "vanilla-overrides"
    templates.mkdir(exist_ok=True)
    (templates / "letter-builder.html").write_text('{% extends "main.html" %}\n', encoding="utf-8")
    config["theme"]["custom_dir"] = "vanilla-overrides"
    path = project / "vanilla.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def material_language(code: str) -> str:
    from importlib import resources

    folder = resources.files("material") / "templates" / "partials" / "languages"
    available = {entry.name.removesuffix(".html") for entry in folder.iterdir()}
    tag = code.split("-")[0] + ("-" + code.split("-")[1].title() if "-" in code else "")
    return next((c for c in (tag, code, code.split("-")[0]) if c in available), "en")


def _environment() -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def _run(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=_environment())
    if result.returncode != 0:
        raise Skip(f"{' '.join(command[2:4])} failed: " + (result.stderr.strip().splitlines() or ["?"])[-1])
    return time.perf_counter() - start


def kyr_build(project: Path, *extra: str) -> float:
    return _run([sys.executable, "-m", "kyr.cli", "build", "--quiet", "--no-print", "--project", str(project), *extra], project)


def vanilla_build(project: Path) -> float:
    return _run([sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", "vanilla.yml", "--site-dir", str(project / "vanilla-site")], project)


def _edit(project: Path, marker: str) -> None:
    page = project / EDITED_PAGE
    page.write_text(page.read_text(encoding="utf-8").rstrip("\n") + f"\n\n{marker}\n", encoding="utf-8")


def _ratio(name: str, ours: float, theirs: float, target: float | None) -> Figure:
    return Figure(f"{name}: kyr / vanilla", round(ours / theirs, 2), "x", target=target)


@section("site-build", "full build, no-change rebuild and one-language rebuild, beside vanilla MkDocs (targets: cold ≤ 2x, no change ≤ 1.2x)")
def bench_site_build(ctx: Context) -> list[Figure]:
    project = project_copy(ctx)
    for cache in (project / ".cache", project / "site", project / "vanilla-site"):
        shutil.rmtree(cache, ignore_errors=True)
    cold_vanilla, cold_kyr = vanilla_build(project), kyr_build(project)
    same_vanilla, same_kyr = vanilla_build(project), kyr_build(project)
    _edit(project, f"bench edit {time.time()}")
    one_vanilla, one_kyr = vanilla_build(project), kyr_build(project)
    return [
        Figure("cold full build (empty caches, pages only): vanilla", cold_vanilla),
        Figure("cold full build (empty caches, pages only): kyr", cold_kyr),
        _ratio("cold full build", cold_kyr, cold_vanilla, COLD_TARGET),
        Figure("rebuild, nothing changed: vanilla", same_vanilla),
        Figure("rebuild, nothing changed: kyr", same_kyr),
        _ratio("rebuild, nothing changed", same_kyr, same_vanilla, NO_CHANGE_TARGET),
        Figure("rebuild after one Spanish page changed: vanilla", one_vanilla),
        Figure("rebuild after one Spanish page changed: kyr (Spanish only)", one_kyr),
        _ratio("rebuild after one Spanish page changed", one_kyr, one_vanilla, None),
    ]


# -- edit to reload ---------------------------------------------------------------------------------

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(url: str, process: subprocess.Popen, timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise Skip(f"the preview server stopped (exit {process.returncode})")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.2)
    raise Skip(f"the preview server did not answer {url} within {timeout:.0f} s")


def edit_to_reload(browser, project: Path, command: list[str], url: str, process_env: dict[str, str]) -> list[float]:
    """Seconds from saving the Spanish page to the open browser showing the change, `EDITS` times."""
    process = subprocess.Popen(command, cwd=project, env=process_env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    page_file = project / EDITED_PAGE
    original = page_file.read_text(encoding="utf-8")
    times = []
    try:
        _wait_for(url, process)
        page = browser.new_page()
        page.goto(url, wait_until="load")
        for n in range(EDITS):
            marker = f"benchmark{n}mark{int(time.time())}"
            page.wait_for_timeout(1000)  # let the server settle after the previous rebuild
            start = time.perf_counter()
            _edit(project, marker)
            page.wait_for_function(f"() => document.body && document.body.innerText.includes('{marker}')", timeout=120_000)
            times.append(time.perf_counter() - start)
        page.close()
    finally:
        page_file.write_text(original, encoding="utf-8")
        # `kyr serve` runs `mkdocs serve` as a child: stop the whole group this bench started.
        try:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=20)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
    return times


@section("edit-reload", "save a Spanish page under make serve until the browser shows it, median of 5 (target: under 1.5 s), beside vanilla mkdocs serve")
def bench_edit_reload(ctx: Context) -> list[Figure]:
    chromium = require_browser()
    from playwright.sync_api import sync_playwright

    project = project_copy(ctx)
    figures = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            port = _free_port()
            ours = edit_to_reload(
                browser, project,
                [sys.executable, "-m", "kyr.cli", "serve", "--quiet", "--lang", "es", "--project", str(project), "--dev-addr", f"127.0.0.1:{port}"],
                f"http://127.0.0.1:{port}/es/about/", _environment(),
            )
            port = _free_port()
            theirs = edit_to_reload(
                browser, project,
                [sys.executable, "-m", "mkdocs", "serve", "-f", "vanilla.yml", "--dev-addr", f"127.0.0.1:{port}"],
                f"http://127.0.0.1:{port}/es/about/", _environment(),
            )
        finally:
            browser.close()
    figures.append(Figure(f"vanilla mkdocs serve, every language (median of {EDITS})", statistics.median(theirs)))
    figures.append(Figure(f"kyr serve --lang es (median of {EDITS}; each: {', '.join(f'{t:.2f}' for t in ours)})", statistics.median(ours), target=RELOAD_TARGET_S))
    return figures


# -- search ---------------------------------------------------------------------------------------------

SEARCH_PARTS = ("search_index", "/workers/search", "/lunr/", "/bundle.")


def search_bytes(browser, base: str, path: str) -> tuple[int, int, list[str]]:
    """Bytes on the wire a phone spends on search from `path`: Material's script, its search
    worker, the lunr language files and the index (with their headers), whether they load with
    the page (vanilla) or when search opens (kyr); and the index's share, and which index it was."""
    context = browser.new_context(viewport={"width": 412, "height": 915}, service_workers="block")
    fetched: list = []
    context.on("requestfinished", lambda request: fetched.append(request))
    page = context.new_page()
    page.goto(base + path, wait_until="networkidle")
    page.click(".md-header__button[for='__search']")
    page.wait_for_function("() => document.activeElement && document.activeElement.matches('.md-search__input')")
    page.keyboard.type("a")
    page.wait_for_selector(".md-search-result__meta", timeout=60_000)
    page.wait_for_load_state("networkidle")
    total = index = 0
    indexes = []
    for request in fetched:
        if not any(part in request.url for part in SEARCH_PARTS):
            continue
        sizes = request.sizes()
        size = sizes["responseBodySize"] + sizes["responseHeadersSize"]
        total += size
        if "search_index" in request.url:
            index += size
            indexes.append(request.url.removeprefix(base))
    context.close()
    return total, index, indexes


@section("search-bytes", "bytes a phone spends on search, per language (gzip): Material's script, worker, stemmers and the index, beside vanilla's one index of every language")
def bench_search_bytes(ctx: Context) -> list[Figure]:
    chromium = require_browser()
    from playwright.sync_api import sync_playwright

    from .headers import parse_netlify
    from .languages import read_site_languages
    from .localserver import serve

    project = project_copy(ctx)
    if not (project / "site" / "index.html").is_file():
        kyr_build(project)
    if not (project / "vanilla-site" / "index.html").is_file():
        vanilla_build(project)
    languages = read_site_languages(project / "mkdocs.yml")
    rules = parse_netlify((project / "site" / "_headers").read_text(encoding="utf-8"))
    figures = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            with serve(project / "vanilla-site") as base:
                total, index, indexes = search_bytes(browser, base, "es/")
                figures.append(Figure(f"vanilla, es (and every language): index {round(index / 1024, 1)} KB ({', '.join(indexes)}); script, worker, stemmers and index", round(total / 1024, 1), "KB"))
            with serve(project / "site", rules) as base:
                for language in languages:
                    total, index, indexes = search_bytes(browser, base, language.folder)
                    figures.append(Figure(f"kyr, {language.code}: index {round(index / 1024, 1)} KB ({', '.join(indexes)}); script, worker, stemmers and index", round(total / 1024, 1), "KB"))
        finally:
            browser.close()
    return figures
