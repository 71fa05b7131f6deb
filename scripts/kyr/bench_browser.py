"""`make bench` sections measured in Chromium: what a phone downloads, how soon it shows the page on
a slow connection, and Lighthouse's four scores.

- page-weight: every page of every language at 412x915, bytes on the wire (gzip, as a host sends
  them) on a first visit and again with the browser's cache; plus what the offline worker fetches.
- slow-3g: Largest Contentful Paint of key pages with the network throttled (DevTools'
  Network.emulateNetworkConditions) and the CPU slowed 4x, as on a cheap phone.
- lighthouse: the npm package, mobile form factor, on the home page and a rights page, English and
  Arabic (installed by `make bench` under tools/lighthouse/).
"""

from __future__ import annotations

import gzip
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

from .benchkit import Context, Figure, Skip, require_browser, section

WIDTH, HEIGHT = 412, 915
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"]
RIGHTS_PAGE_TARGET_KB = 60.0
LCP_TARGET_S = 2.5
# Slow 3G as WebPageTest and Lighthouse's documentation define it: 400 ms round trip, 400 kbit/s.
SLOW_3G = {"offline": False, "latency": 400, "downloadThroughput": 400 * 1000 / 8, "uploadThroughput": 400 * 1000 / 8}
CPU_SLOWDOWN = 4
KEY_PAGES = ("", "rights/", "rights/at-home/", "detained/")
KEY_LANGUAGES = ("en", "es", "ar", "zh-hans")
LIGHTHOUSE = Path(__file__).resolve().parents[2] / "tools" / "lighthouse" / "node_modules" / "lighthouse" / "cli" / "index.js"


def built_site(ctx: Context) -> Path:
    """The project built once, the way `make site` builds it, into the scratch folder."""
    target = ctx.scratch / "built-site"
    if not (target / "index.html").is_file():
        result = subprocess.run(
            [sys.executable, "-m", "kyr.cli", "build", "--quiet", "--site-dir", str(target)],
            cwd=ctx.project, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
        if result.returncode != 0:
            raise Skip("the site does not build: " + result.stderr.strip().splitlines()[-1])
    return target


def _languages(ctx: Context):
    from .languages import read_site_languages

    return read_site_languages(ctx.project / "mkdocs.yml")


def _pages(site: Path, root: str, other_roots: list[str]) -> list[str]:
    pages = []
    for file in sorted((site / root).rglob("index.html")):
        url = file.parent.relative_to(site).as_posix() + "/"
        url = "" if url == "./" else url
        if not root and any(url.startswith(r) for r in other_roots):
            continue
        if url.startswith(("search/", "assets/")):
            continue
        pages.append(url)
    return pages


class _Wire:
    """Counts the bytes a page's requests take on the wire, through the DevTools protocol."""

    def __init__(self, page):
        self.session = page.context.new_cdp_session(page)
        self.session.send("Network.enable")
        self.total = 0
        self.session.on("Network.loadingFinished", lambda event: self._add(event))

    def _add(self, event) -> None:
        self.total += int(event.get("encodedDataLength", 0))

    def take(self) -> int:
        total, self.total = self.total, 0
        return total


def _kb(n: float) -> float:
    return round(n / 1024, 1)


@section("page-weight", "bytes a phone downloads per page, first visit and cached (target: a rights page under 60 KB)")
def bench_page_weight(ctx: Context) -> list[Figure]:
    require_browser()
    from playwright.sync_api import sync_playwright

    from .headers import parse_netlify
    from .localserver import serve
    from .offline import plan_offline, worker_template

    site = built_site(ctx)
    languages = _languages(ctx)
    roots = {lang.code: lang.folder for lang in languages}
    figures: list[Figure] = []
    rules = parse_netlify((site / "_headers").read_text(encoding="utf-8"))
    with serve(site, rules) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=require_browser(), args=CHROMIUM_ARGS)
        for language in languages:
            first, cached = {}, {}
            for url in _pages(site, roots[language.code], [r for r in roots.values() if r]):
                # Service workers blocked: their background fetches are counted on their own below.
                context = browser.new_context(viewport={"width": WIDTH, "height": HEIGHT}, service_workers="block")
                page = context.new_page()
                wire = _Wire(page)
                page.goto(base + url, wait_until="networkidle")
                first[url] = wire.take()
                page.goto(base + url, wait_until="networkidle")
                cached[url] = wire.take()
                context.close()
            rights = {u: n for u, n in first.items() if "/rights/" in "/" + u}
            heaviest = max(rights, key=rights.get)
            figures.append(Figure(f"{language.code}: heaviest rights page /{heaviest}, first visit", _kb(rights[heaviest]), "KB", target=RIGHTS_PAGE_TARGET_KB))
            figures.append(Figure(f"{language.code}: every page, first visit: median {_kb(statistics.median(first.values()))} KB, heaviest /{max(first, key=first.get)}", _kb(max(first.values())), "KB"))
            figures.append(Figure(f"{language.code}: every page, with cache: heaviest", _kb(max(cached.values())), "KB"))
        browser.close()
    plan = plan_offline(site, languages, worker_template())
    for code in KEY_LANGUAGES:
        if code in plan.languages:
            size = sum(len(gzip.compress(_file(site, u).read_bytes(), 6)) for u in plan.languages[code])
            figures.append(Figure(f"{code}: kept for offline after a first visit ({len(plan.languages[code])} files, in the background)", _kb(size), "KB"))
    return figures


def _file(site: Path, url: str) -> Path:
    return site / url / "index.html" if url == "" or url.endswith("/") else site / url


@section("slow-3g", "Largest Contentful Paint on slow 3G (400 ms, 400 kbit/s) with the CPU 4x slower (target: under 2.5 s)")
def bench_slow_3g(ctx: Context) -> list[Figure]:
    require_browser()
    from playwright.sync_api import sync_playwright

    from .localserver import serve

    site = built_site(ctx)
    codes = [lang.code for lang in _languages(ctx)]
    figures = []
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=require_browser(), args=CHROMIUM_ARGS)
        for code in [c for c in KEY_LANGUAGES if c in codes]:
            root = "" if code == codes[0] else f"{code}/"
            for url in KEY_PAGES:
                context = browser.new_context(viewport={"width": WIDTH, "height": HEIGHT}, service_workers="block")
                page = context.new_page()
                session = context.new_cdp_session(page)
                session.send("Network.enable")
                session.send("Network.emulateNetworkConditions", SLOW_3G)
                session.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
                page.goto(base + root + url, wait_until="load", timeout=120000)
                lcp = page.evaluate(
                    """() => new Promise((resolve) => {
                        new PerformanceObserver((list) => {
                            const entries = list.getEntries();
                            resolve(entries[entries.length - 1].startTime);
                        }).observe({ type: "largest-contentful-paint", buffered: true });
                        setTimeout(() => resolve(-1), 5000);
                    })"""
                )
                context.close()
                figures.append(Figure(f"{code}: /{root}{url} LCP", round(lcp / 1000, 2), "s", target=LCP_TARGET_S))
        browser.close()
    return figures


def _lighthouse(url: str, chromium: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            "node", str(LIGHTHOUSE), url, "--quiet", "--output=json", "--output-path=stdout",
            "--form-factor=mobile", "--only-categories=performance,accessibility,best-practices,seo",
            "--chrome-flags=--headless=new " + " ".join(CHROMIUM_ARGS),
        ],
        capture_output=True, text=True, env={**os.environ, "CHROME_PATH": chromium}, timeout=300,
    )


@section("lighthouse", "Lighthouse (mobile) scores: home and a rights page, English and Arabic (target: 100)")
def bench_lighthouse(ctx: Context) -> list[Figure]:
    chromium = require_browser()
    if not LIGHTHOUSE.is_file():
        raise Skip(f"Lighthouse is not installed ({LIGHTHOUSE.parent.parent.parent.relative_to(ctx.project)}: run `make bench`)")
    from .headers import parse_netlify
    from .localserver import serve

    site = built_site(ctx)
    rules = parse_netlify((site / "_headers").read_text(encoding="utf-8"))
    figures = []
    with serve(site, rules) as base:
        for url in ("", "rights/at-home/", "ar/", "ar/rights/at-home/"):
            for _ in range(2):  # Lighthouse now and then loses its trace (NO_NAVSTART): one retry
                result = _lighthouse(base + url, chromium)
                if result.returncode == 0:
                    break
            if result.returncode != 0:
                figures.append(Figure(f"/{url}: Lighthouse failed ({result.stderr.strip().splitlines()[-1:]})", 1, "run", target=0))
                continue
            report = json.loads(result.stdout)
            for category in report["categories"].values():
                score = round((category["score"] or 0) * 100)
                # A figure must stay at or under its target: the points missing from 100, at most 0.
                figures.append(Figure(f"/{url}: {category['title']} {score}/100, short of 100 by", 100 - score, "points", target=0))
            failing = [a["id"] for a in report["audits"].values() if a.get("score") is not None and a["score"] < 0.9 and a.get("scoreDisplayMode") in ("binary", "numeric")]
            if failing:
                figures.append(Figure(f"/{url}: audits under 90 ({', '.join(failing[:8])})", len(failing), "audits"))
    return figures
