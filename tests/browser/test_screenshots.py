"""Screenshots at 412x915 of the home page and the detained guide in English, Arabic, Chinese
(Simplified) and, once they are languages of the site, Urdu, Burmese, Amharic and Hmong, saved under
build/screenshots/ for people to look at, and checked: the main heading is visible above the fold
and not covered, and right-to-left languages are laid out right to left."""

from __future__ import annotations

import pytest

from browser_checks import CODES, DIRECTIONS, ROOT, TAGS

pytestmark = pytest.mark.browser

SHOTS = ROOT / "build" / "screenshots"
SHOWN = [code for code in ("en", "ar", "zh-hans", "ur", "my", "am", "hmn") if code in CODES]
CASES = [(code, page) for code in SHOWN for page in ("", "detained/")]


@pytest.mark.parametrize("code, path", CASES, ids=[f"{c}-{p.strip('/') or 'home'}" for c, p in CASES])
def test_main_heading_is_above_the_fold_and_direction_is_right(code, path, site_url, new_phone_context):
    page = new_phone_context(locale=TAGS[code]).new_page()
    root = "" if code == "en" else f"{code}/"
    page.goto(site_url + root + path, wait_until="load")
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{code}-{path.strip('/') or 'home'}.png"))

    heading = page.locator("h1").first
    box = heading.bounding_box()
    header = page.locator(".md-header").bounding_box()
    assert box and box["height"] > 0
    assert box["y"] >= header["y"] + header["height"] - 1, "the heading is under the header"
    assert box["y"] + box["height"] <= 915, "the heading is below the fold"
    on_top = page.evaluate(
        "([x, y]) => { const el = document.elementFromPoint(x, y); return !!el && !!el.closest('h1'); }",
        [box["x"] + min(box["width"], 40) / 2 if DIRECTIONS[code] != "rtl" else box["x"] + box["width"] - 20, box["y"] + box["height"] / 2],
    )
    assert on_top, "something covers the heading"
    text_box = page.evaluate(
        """() => { const r = document.createRange(); r.selectNodeContents(document.querySelector("h1"));
                   const b = r.getBoundingClientRect(); return [b.left, b.right]; }"""
    )
    content = page.locator(".md-content__inner").bounding_box()
    menu = page.locator(".md-header__button[for='__drawer']").bounding_box()
    if DIRECTIONS[code] == "rtl":
        assert page.evaluate("() => getComputedStyle(document.body).direction") == "rtl"
        assert abs(text_box[1] - (content["x"] + content["width"])) < 4, f"the {code} heading does not start at the right"
        assert menu["x"] > 412 / 2, f"the menu button is not on the right in {code}"
    else:
        assert abs(text_box[0] - content["x"]) < 4, "the heading does not start at the left"
        assert menu["x"] < 412 / 2
