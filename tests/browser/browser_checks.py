"""What the browser tests ask a page, as small functions over a Playwright page."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from kyr.languages import read_site_languages

ROOT = Path(__file__).resolve().parents[2]

LANGUAGES = read_site_languages(ROOT / "mkdocs.yml")
CODES = [lang.code for lang in LANGUAGES]
TAGS = {lang.code: lang.tag for lang in LANGUAGES}
DIRECTIONS = {lang.code: lang.direction for lang in LANGUAGES}
CHOICE_KEY = "kyr-language"  # the one storage key the site may write (overrides/assets/javascripts/kyr.js)


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def scroll_through(page) -> None:
    """Scroll to the bottom a screen at a time, as a reader would, then back to the top."""
    page.evaluate(
        """async () => {
            for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight) {
                scrollTo(0, y);
                await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 20)));
            }
            scrollTo(0, 0);
        }"""
    )


def storage_report(page) -> dict:
    """Everything the page's origin keeps in the browser: web storage, IndexedDB, Cache Storage."""
    return page.evaluate(
        """async () => {
            const caches_ = {};
            if (self.caches) {
                for (const name of await caches.keys()) {
                    const cache = await caches.open(name);
                    caches_[name] = (await cache.keys()).map((r) => r.url);
                }
            }
            return {
                local: Object.keys(localStorage),
                session: Object.keys(sessionStorage),
                indexeddb: indexedDB.databases ? (await indexedDB.databases()).map((d) => d.name) : [],
                caches: caches_,
            };
        }"""
    )


def horizontal_overflow(page) -> int:
    """How many CSS pixels the page is wider than the window (0 when nothing scrolls sideways).

    One pixel is forgiven: sub-pixel layout can round a page that fits to one pixel wider, and
    nobody scrolls for a pixel."""
    excess = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    return excess if excess > 1 else 0


# Interactive elements smaller than 44x44 CSS px, except links inside a sentence (WCAG's inline
# exception) and elements that are not shown.
SMALL_TARGETS_JS = """
(min) => {
  const inSentence = (el) => {
    if (el.tagName !== "A") return false;
    let block = el.parentElement;
    while (block && getComputedStyle(block).display.startsWith("inline")) block = block.parentElement;
    return !!block && block.textContent.replace(el.textContent, "").trim().length > 0;
  };
  // A checkbox's target includes its label, which toggles it too.
  const box = (el) => {
    const boxes = [el, ...(el.labels || [])].map((e) => e.getBoundingClientRect()).filter((b) => b.width && b.height);
    const left = Math.min(...boxes.map((b) => b.left)), right = Math.max(...boxes.map((b) => b.right));
    const top = Math.min(...boxes.map((b) => b.top)), bottom = Math.max(...boxes.map((b) => b.bottom));
    return { width: right - left, height: bottom - top };
  };
  const shown = (el) => {
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    return box.width > 0 && box.height > 0 && style.visibility !== "hidden" && style.opacity !== "0"
      && box.right > 0 && box.left < innerWidth && !el.closest("[hidden], .md-select__inner");
  };
  const found = [];
  for (const el of document.querySelectorAll("a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [tabindex='0']")) {
    if (!shown(el) || inSentence(el)) continue;
    const size = box(el);
    if (size.width < min - 0.5 || size.height < min - 0.5) {
      found.push(`${el.tagName.toLowerCase()}.${[...el.classList].join(".")} "${el.textContent.trim().slice(0, 30)}" ${Math.round(size.width)}x${Math.round(size.height)}`);
    }
  }
  return found;
}
"""


def small_targets(page, minimum: int = 44) -> list[str]:
    return page.evaluate(SMALL_TARGETS_JS, minimum)
