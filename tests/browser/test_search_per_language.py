"""Search per language: opening search on a Spanish page downloads the Spanish index alone, and
its results are Spanish pages only, with working addresses."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

SEARCH_BUTTON = ".md-header__button[for='__search']"
RESULT_LINK = ".md-search-result__item > .md-search-result__link"


def _search(page, site_url: str, path: str, words: str) -> list[str]:
    page.goto(site_url + path, wait_until="load")
    page.click(SEARCH_BUTTON)
    page.wait_for_function("() => document.activeElement && document.activeElement.matches('.md-search__input')")
    page.keyboard.type(words)
    page.wait_for_selector(".md-search-result__item", timeout=20000)
    return page.eval_on_selector_all(RESULT_LINK, "links => links.map(link => link.href)")


def test_spanish_search_fetches_the_spanish_index_and_finds_only_spanish_pages(site_url, phone_page, languages):
    requested: list[str] = []
    phone_page.on("request", lambda request: requested.append(request.url))
    results = _search(phone_page, site_url, "es/rights/", "abogado")

    indexes = [url for url in requested if "search_index" in url]
    assert indexes == [site_url + "es/search/search_index.json"], f"indexes fetched: {indexes}"
    assert results, "no result for a word on the Spanish pages"
    others = [f"{lang.code}/" for lang in languages if not lang.is_source and lang.code != "es"]
    for href in results:
        assert href.startswith(site_url + "es/"), f"a result outside the Spanish site: {href}"
        assert not any(href.startswith(site_url + other) for other in others)

    with phone_page.expect_navigation():
        phone_page.click(RESULT_LINK)
    assert phone_page.url.startswith(site_url + "es/")
    assert phone_page.evaluate("() => document.documentElement.lang") == "es"


def test_english_search_keeps_the_root_index_of_english_pages(site_url, phone_page, languages):
    requested: list[str] = []
    phone_page.on("request", lambda request: requested.append(request.url))
    results = _search(phone_page, site_url, "rights/", "lawyer")
    assert [url for url in requested if "search_index" in url] == [site_url + "search/search_index.json"]
    folders = tuple(site_url + lang.folder for lang in languages if not lang.is_source)
    assert results and not [href for href in results if href.startswith(folders)]
