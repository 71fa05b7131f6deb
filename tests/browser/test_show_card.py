"""The "Show this card" page on a phone: the officer's side fills the screen, large enough to read
at arm's length, in English whatever the page's language, and steps aside when asked."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

CARD = ".kyr-officer"


@pytest.mark.parametrize("prefix", ["", "ar/", "zh-hans/", "vi/", "ht/"], ids=["en", "ar", "zh-hans", "vi", "ht"])
def test_the_officer_side_fills_a_phone_screen_in_large_english_type(phone_page, site_url, prefix):
    phone_page.goto(f"{site_url}{prefix}show-card/")
    card = phone_page.locator(CARD)
    assert card.get_attribute("lang") == "en" and card.get_attribute("dir") == "ltr"
    box = card.bounding_box()
    assert (box["x"], box["y"], box["width"], box["height"]) == (0, 0, 412, 915)
    sizes = phone_page.eval_on_selector_all(f"{CARD} li, {CARD} p", "els => els.map(e => parseFloat(getComputedStyle(e).fontSize))")
    assert sizes and min(sizes) >= 20
    fits = phone_page.eval_on_selector(CARD, "e => [e.scrollWidth <= e.clientWidth, e.scrollHeight <= e.clientHeight]")
    assert fits == [True, True], "the whole officer's side should show without scrolling on a 412 x 915 phone"
    # Nothing of the site (header, banners) is drawn over it.
    on_top = phone_page.evaluate("() => [[206, 30], [206, 450], [206, 880]].map(([x, y]) => !!document.elementFromPoint(x, y).closest('.kyr-officer'))")
    assert on_top == [True, True, True]


def test_closing_the_card_shows_the_page_and_the_card_can_come_back(phone_page, site_url):
    phone_page.goto(f"{site_url}vi/show-card/")
    close = phone_page.locator(".kyr-officer__close")
    assert close.get_attribute("lang") == "vi"
    close.click()
    assert phone_page.eval_on_selector(CARD, "e => getComputedStyle(e).position") == "static"
    assert phone_page.locator("h1").first.is_visible()
    phone_page.locator(".kyr-card-reopen a").click()
    assert phone_page.eval_on_selector(CARD, "e => getComputedStyle(e).position") == "fixed"


def test_the_page_needs_no_script_to_show_the_card(browser, site_url):
    context = browser.new_context(viewport={"width": 412, "height": 915}, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{site_url}show-card/")
        assert page.eval_on_selector(CARD, "e => getComputedStyle(e).position") == "fixed"
        assert "I choose to remain silent." in page.inner_text(CARD)
    finally:
        context.close()
