"""Offline: after one visit in a language, that language's rights pages, the detained guide and the
"show this card" page open with the server gone; other pages are not kept; a new version of the
site replaces the kept copies; a kept page that no longer exists does not stop the rest."""

from __future__ import annotations

import html as html_module
import re
import shutil
import time

import pytest

from browser_checks import CODES, LANGUAGES
from kyr import offline
from kyr.localserver import serve

pytestmark = pytest.mark.browser

SOURCE = next(lang.code for lang in LANGUAGES if lang.is_source)
H1 = re.compile(r"<h1[^>]*>(.*?)</h1>", re.S)


def root_of(code: str) -> str:
    return "" if code == SOURCE else f"{code}/"


def expected_kept(site_dir, code: str) -> list[str]:
    """Read from the built site, independently of kyr.offline: the pages promised offline."""
    root = root_of(code)
    pages = [root + p for p in ("detained/", "show-card/", "letter-builder/") if (site_dir / root / p / "index.html").is_file()]
    pages += sorted(f.parent.relative_to(site_dir).as_posix() + "/" for f in (site_dir / root / "rights").rglob("index.html"))
    return pages


def heading(site_dir, url: str) -> str:
    html = (site_dir / url / "index.html").read_text(encoding="utf-8")
    return html_module.unescape(re.sub(r"<[^>]+>", "", H1.search(html).group(1))).strip()


def wait_until_kept(page, urls: list[str], timeout: float = 60.0, other_than: str | None = None) -> str:
    """Wait for the worker to have every URL of `urls`, and the files the open page uses, in its
    one cache (not named `other_than`); return the cache's name."""
    files = page.evaluate("() => [...document.querySelectorAll('link[rel=stylesheet], script[src]')].map((e) => e.href || e.src)")
    urls = urls + [f for f in files if "/bundle." not in f]
    deadline = time.monotonic() + timeout
    while True:
        state = page.evaluate(
            """async ([urls, otherThan]) => {
                const names = (await caches.keys()).filter((n) => n.startsWith("kyr-offline-"));
                if (names.length !== 1 || names[0] === otherThan) return null;
                for (const name of names) {
                    const cache = await caches.open(name);
                    const held = await Promise.all(urls.map((u) => cache.match(new URL(u, location.origin + "/").href)));
                    if (held.every(Boolean)) return name;
                }
                return null;
            }""",
            [urls, other_than],
        )
        if state:
            return state
        if time.monotonic() > deadline:
            pytest.fail(f"the service worker did not keep {urls} within {timeout:.0f} s")
        page.wait_for_timeout(200)


def visit_offline(page, base: str, url: str):
    try:
        return page.goto(base + url, wait_until="load")
    except Exception:  # the browser's own "no connection" error
        return None


@pytest.mark.parametrize("code", CODES)
def test_key_pages_open_offline_after_one_visit(code, built_site, new_phone_context):
    kept = expected_kept(built_site, code)
    assert any("/detained/" in "/" + u for u in kept) and any("rights/" in u for u in kept), kept
    not_kept = root_of(code) + "family-plan/"
    context = new_phone_context()
    page = context.new_page()
    with serve(built_site) as base:
        page.goto(base + root_of(code), wait_until="load")
        wait_until_kept(page, kept)
    context.set_offline(True)  # and the server is gone: nothing can come from the network
    for url in kept:
        response = visit_offline(page, base, url)
        assert response is not None and response.ok, f"/{url} does not open offline"
        assert page.inner_text("h1").strip() == heading(built_site, url), f"/{url} shows the wrong page offline"
        assert page.evaluate("() => getComputedStyle(document.querySelector('.md-header')).position") == "sticky", f"/{url}: no stylesheet offline"
    assert visit_offline(page, base, not_kept) is None, "a page outside the offline set was kept too"


@pytest.fixture
def site_copy(built_site, tmp_path):
    """A copy of the built site that a test may change."""
    copy = tmp_path / "site"
    shutil.copytree(built_site, copy)
    return copy


def test_a_new_version_of_the_site_replaces_the_kept_pages(site_copy, new_phone_context):
    kept = expected_kept(site_copy, SOURCE)
    context = new_phone_context()
    page = context.new_page()
    with serve(site_copy) as base:
        page.goto(base, wait_until="load")
        first = wait_until_kept(page, kept)
        rights = site_copy / "rights" / "index.html"
        rights.write_text(H1.sub("<h1>Your rights, updated</h1>", rights.read_text(encoding="utf-8"), count=1), encoding="utf-8")
        offline.write_worker(site_copy, LANGUAGES)
        page.goto(base + "rights/", wait_until="load")
        assert page.inner_text("h1") == "Your rights, updated"  # online: the network's page
        wait_until_kept(page, kept, other_than=first)  # fails unless a new version replaced the first
    context.set_offline(True)
    page.goto(base + "rights/", wait_until="load")
    assert page.inner_text("h1") == "Your rights, updated"


def test_a_kept_page_missing_from_the_server_does_not_stop_the_others(site_copy, new_phone_context):
    kept = expected_kept(site_copy, SOURCE)
    shutil.rmtree(site_copy / "detained")  # now a 404, though the worker's plan still lists it
    rest = [u for u in kept if u != "detained/"]
    context = new_phone_context()
    page = context.new_page()
    with serve(site_copy) as base:
        page.goto(base, wait_until="load")
        wait_until_kept(page, rest)
    context.set_offline(True)
    for url in rest:
        response = visit_offline(page, base, url)
        assert response is not None and response.ok, f"/{url} does not open offline"
