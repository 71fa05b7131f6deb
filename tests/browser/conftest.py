"""Browser fixtures: the real site built once, served on 127.0.0.1, and Debian's Chromium.

Without Chromium these tests skip with the reason; with KYR_REQUIRE_BROWSER=1 (set by .ci/run)
a missing browser is a failure instead.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
]


def chromium_path() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def _require_browser() -> str:
    path = chromium_path()
    reason = "Chromium is not installed (apt-get install chromium); browser tests need it"
    if path is None:
        if os.environ.get("KYR_REQUIRE_BROWSER") == "1":
            pytest.fail(reason + " and KYR_REQUIRE_BROWSER=1 forbids skipping")
        pytest.skip(reason)
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        if os.environ.get("KYR_REQUIRE_BROWSER") == "1":
            pytest.fail("playwright is not installed (pip install -e '.[test]')")
        pytest.skip("playwright is not installed (pip install -e '.[test]')")
    return path


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def site_url(built_site):
    """Base URL (ending in /) of the real site, built once and served on 127.0.0.1."""
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    """A headless Debian Chromium driven by Playwright."""
    path = _require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def phone_page(browser):
    """A fresh page (own context: no shared cache or storage) at phone size, 412x915."""
    context = browser.new_context(viewport={"width": 412, "height": 915}, device_scale_factor=1)
    page = context.new_page()
    yield page
    context.close()


# -- Every page of every language, the site under its deploy headers, axe-core ----------------------

NODE_MODULES = Path(__file__).resolve().parents[2] / "node_modules"


def _missing(reason: str):
    if os.environ.get("KYR_REQUIRE_BROWSER") == "1":
        pytest.fail(reason + " and KYR_REQUIRE_BROWSER=1 forbids skipping")
    pytest.skip(reason)


@dataclass(frozen=True)
class SitePage:
    """One built HTML page: its language's code and its URL path relative to the site root."""

    language: str
    path: str


def site_pages(site_dir: Path, codes: list[str], source: str) -> list[SitePage]:
    """Every HTML page of the built site (404 pages included), with the language it belongs to."""
    pages = []
    for file in sorted(site_dir.rglob("*.html")):
        rel = file.relative_to(site_dir).as_posix()
        path = rel.removesuffix("index.html")
        first = rel.split("/", 1)[0]
        pages.append(SitePage(first if first in codes and "/" in rel else source, path))
    return pages


@pytest.fixture(scope="session")
def languages(project_root):
    """The site's languages, as `kyr.languages` reads them from mkdocs.yml."""
    from kyr.languages import read_site_languages

    return read_site_languages(project_root / "mkdocs.yml")


@pytest.fixture(scope="session")
def pages_by_language(built_site, languages) -> dict[str, list[SitePage]]:
    """Every built page, grouped by language code, found by walking the built site."""
    source = next(lang.code for lang in languages if lang.is_source)
    grouped: dict[str, list[SitePage]] = {lang.code: [] for lang in languages}
    for page in site_pages(built_site, [lang.code for lang in languages], source):
        grouped[page.language].append(page)
    return grouped


@pytest.fixture(scope="session")
def headers_site_url(built_site):
    """The built site served like a real host: gzip, and the headers of its own `_headers` file."""
    from kyr.headers import HEADERS_FILE, parse_netlify
    from kyr.localserver import serve

    rules = parse_netlify((built_site / HEADERS_FILE).read_text(encoding="utf-8"))
    with serve(built_site, rules) as url:
        yield url


@pytest.fixture(scope="session")
def axe_source() -> str:
    """axe-core's script (npm, installed by `make node-deps`), to inject into pages."""
    path = NODE_MODULES / "axe-core" / "axe.min.js"
    if not path.is_file():
        _missing("axe-core is not installed (run `make node-deps`, which runs npm ci)")
    return path.read_text(encoding="utf-8")


@pytest.fixture
def new_phone_context(browser):
    """Make fresh contexts (own cache, storage and service workers) at phone size; all closed after."""
    contexts = []

    def make(**options):
        options.setdefault("viewport", {"width": 412, "height": 915})
        options.setdefault("device_scale_factor", 1)
        context = browser.new_context(**options)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()
