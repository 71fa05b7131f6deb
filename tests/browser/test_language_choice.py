"""Language choice: a first visit whose browser prefers another of our languages gets a small offer,
written in that language, to read the page in it; never a redirect. The choice is remembered in one
localStorage key, never a cookie."""

from __future__ import annotations

import pytest

from browser_checks import CHOICE_KEY

pytestmark = pytest.mark.browser

OFFER = ".kyr-suggest"


def _open(new_phone_context, site_url, path, locale):
    context = new_phone_context(locale=locale)
    page = context.new_page()
    page.goto(site_url + path, wait_until="load")
    return context, page


def test_spanish_browser_on_an_english_page_is_offered_spanish_without_redirect(site_url, new_phone_context, languages):
    context, page = _open(new_phone_context, site_url, "rights/at-home/", "es-MX")
    assert page.url == site_url + "rights/at-home/", "the visitor was redirected"
    offer = page.locator(OFFER)
    assert offer.is_visible()
    spanish = next(lang for lang in languages if lang.code == "es")
    assert offer.get_attribute("lang") == spanish.tag
    link = offer.locator("a")
    assert link.get_attribute("href").endswith("es/rights/at-home/")
    assert spanish.name.lower() in link.inner_text().lower(), "the offer does not name Spanish in Spanish"
    assert offer.bounding_box()["y"] < 100, "the offer is not at the top of the page"
    assert page.evaluate("() => Object.keys(localStorage)") == [], "showing the offer stored something"
    assert context.cookies() == []


def test_following_the_offer_remembers_the_choice(site_url, new_phone_context):
    context, page = _open(new_phone_context, site_url, "detained/", "es-US")
    with page.expect_navigation():
        page.click(f"{OFFER} a")
    assert page.url.endswith("/es/detained/")
    assert page.evaluate("key => localStorage.getItem(key)", CHOICE_KEY) == "es"
    assert page.locator(OFFER).count() == 0
    # Later, a link to an English page: the remembered choice is offered again, in Spanish.
    page.goto(site_url + "rights/", wait_until="load")
    assert page.locator(OFFER).get_attribute("lang") == "es"
    assert context.cookies() == []


def test_dismissing_the_offer_keeps_the_page_and_is_remembered(site_url, new_phone_context):
    context, page = _open(new_phone_context, site_url, "", "ar")
    offer = page.locator(OFFER)
    assert offer.get_attribute("lang") == "ar" and offer.get_attribute("dir") == "rtl"
    close = offer.locator("button")
    assert close.get_attribute("aria-label")
    assert close.bounding_box()["height"] >= 44 and close.bounding_box()["width"] >= 44
    close.click()
    assert page.locator(OFFER).count() == 0
    assert page.url == site_url
    assert page.evaluate("() => Object.keys(localStorage)") == [CHOICE_KEY]
    assert page.evaluate("key => localStorage.getItem(key)", CHOICE_KEY) == "en"
    page.reload(wait_until="load")
    assert page.locator(OFFER).count() == 0


@pytest.mark.parametrize(
    "locale, path, expected",
    [
        ("en-US", "", None),  # the page is already in the preferred language
        ("es-ES", "es/", None),
        ("de-DE", "", None),  # a language the site does not have: no offer
        ("zh-TW", "", "zh-Hant"),
        ("zh-CN", "", "zh-Hans"),
        ("fil-PH", "", "tl"),
        ("pt-PT", "es/", "pt-BR"),
    ],
)
def test_the_offer_matches_the_browser_language(site_url, new_phone_context, locale, path, expected):
    _, page = _open(new_phone_context, site_url, path, locale)
    offers = page.locator(OFFER)
    if expected is None:
        assert offers.count() == 0
    else:
        assert offers.get_attribute("lang") == expected
