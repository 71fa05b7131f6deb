"""What the service worker keeps for reading offline, and the worker's script itself.

After a visitor's first page in a language, the worker fetches that language's home page, its
rights pages, the detained guide, the "show this card" page and the clinicians' letter builder,
with the stylesheets, scripts and images those pages use, so they open with no connection. Nothing else is kept: the cache never
records which other pages a visitor read.

The worker's version is a hash of exactly the files it keeps (and of its own code), so a visitor's
browser installs a new worker, and refreshes its copies, whenever one of them changes.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path, PurePosixPath
from urllib.parse import urljoin, urlsplit

from .languages import Language

WORKER_NAME = "sw.js"
# Sections of a language's site kept offline, relative to the language's root folder.
OFFLINE_PAGES = ("", "detained/", "show-card/", "letter-builder/")
OFFLINE_TREES = ("rights/",)
_PLAN_MARKER = '"__KYR_OFFLINE_PLAN__"'
_BASE = "https://site.invalid/"  # stands for the site's root while resolving relative links


@dataclass(frozen=True)
class OfflinePlan:
    """Per language code, the URLs (relative to the site root) the worker keeps; and its version."""

    version: str
    languages: dict[str, tuple[str, ...]]


def offline_pages(site_dir: Path, root: str) -> list[str]:
    """The built pages kept offline for the language whose pages live under `root`."""
    urls = [root + page for page in OFFLINE_PAGES if (site_dir / root / page / "index.html").is_file()]
    for tree in OFFLINE_TREES:
        folder = site_dir / root / tree
        if folder.is_dir():
            found = sorted(p.parent.relative_to(site_dir).as_posix() + "/" for p in folder.rglob("index.html"))
            urls += [url.removeprefix("./") for url in found]
    return urls


class _AssetFinder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        rel = (attrs.get("rel") or "").lower().split()
        if tag == "link" and ({"stylesheet", "icon"} & set(rel)) and attrs.get("href"):
            self.found.append(attrs["href"])
        elif tag in ("script", "img") and attrs.get("src"):
            self.found.append(attrs["src"])


def page_assets(html: str, page_url: str) -> list[str]:
    """Same-site stylesheets, icons, scripts and images that the page `page_url` loads, as root-relative URLs."""
    finder = _AssetFinder()
    finder.feed(html)
    base = urljoin(_BASE, page_url)
    assets = []
    for ref in finder.found:
        absolute = urljoin(base, ref)
        parts = urlsplit(absolute)
        if f"{parts.scheme}://{parts.netloc}/" != _BASE:
            continue  # another host: never kept (and never loaded, by the site's policy)
        assets.append(parts.path.lstrip("/"))
    return list(dict.fromkeys(assets))


def _file_for(site_dir: Path, url: str) -> Path:
    path = site_dir / PurePosixPath(url)
    return path / "index.html" if url == "" or url.endswith("/") else path


def plan_offline(site_dir: Path, languages: list[Language], worker_code: str) -> OfflinePlan:
    """Read the built site in `site_dir` and list what the worker keeps for each language."""
    site_dir = Path(site_dir)
    digest = hashlib.sha256(worker_code.encode("utf-8"))
    plan: dict[str, tuple[str, ...]] = {}
    for language in languages:
        pages = offline_pages(site_dir, language.folder)
        if not pages:
            continue
        assets: list[str] = []
        for page in pages:
            html = _file_for(site_dir, page).read_text(encoding="utf-8", errors="replace")
            assets += [a for a in page_assets(html, page) if _file_for(site_dir, a).is_file()]
        urls = tuple(dict.fromkeys(pages + sorted(set(assets))))
        plan[language.code] = urls
        for url in urls:
            digest.update(url.encode("utf-8") + b"\0" + _file_for(site_dir, url).read_bytes() + b"\0")
    return OfflinePlan(version=digest.hexdigest()[:16], languages=plan)


def worker_template() -> str:
    """Our service worker's code, before its plan is written in."""
    return resources.files("kyr").joinpath("offline_worker.js").read_text(encoding="utf-8")


def render_worker(plan: OfflinePlan, template: str) -> str:
    """The service worker script with `plan` written in."""
    data = json.dumps({"version": plan.version, "languages": plan.languages}, ensure_ascii=False, sort_keys=True)
    if _PLAN_MARKER not in template:
        raise ValueError(f"the worker template lacks its {_PLAN_MARKER} marker")
    return template.replace(_PLAN_MARKER, data)


def write_worker(site_dir: Path, languages: list[Language]) -> OfflinePlan:
    """Plan from the built site and write `sw.js` at its root (atomically); return the plan."""
    template = worker_template()
    plan = plan_offline(site_dir, languages, template)
    target = Path(site_dir) / WORKER_NAME
    tmp = target.with_suffix(".js.tmp")
    tmp.write_text(render_worker(plan, template), encoding="utf-8")
    tmp.replace(target)
    return plan
