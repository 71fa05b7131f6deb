"""Print: a page prints as its text alone (no header, menus, search or language offer), each link
followed by its full address."""

from __future__ import annotations

import io
import unicodedata

import pytest
from pypdf import PdfReader

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("path", ["detained/", "ar/rights/at-home/"])
def test_a_page_prints_its_text_and_link_addresses_without_navigation(path, site_url, new_phone_context, built_site):
    page = new_phone_context(locale="es-ES").new_page()  # the language offer is shown on screen
    page.goto(site_url + path, wait_until="load")
    assert page.locator(".kyr-suggest").count() == 1
    page.emulate_media(media="print")
    hidden = page.evaluate(
        """() => [".md-header", ".md-sidebar--primary", ".md-footer", ".md-search", ".kyr-suggest"]
            .filter((s) => document.querySelector(s))
            .filter((s) => getComputedStyle(document.querySelector(s)).display !== "none")"""
    )
    assert hidden == [], f"shown on paper: {hidden}"
    links = page.evaluate(
        """() => [...document.querySelectorAll(".md-content a[data-print-href]")]
            .map((a) => [a.getAttribute("data-print-href"), getComputedStyle(a, "::after").content])"""
    )
    assert links, "no link in the content carries its address"
    for address, after in links:
        assert address.startswith(("http://", "https://")), address
        assert address in after, f"{address} is not printed after its link ({after})"

    reader = PdfReader(io.BytesIO(page.pdf(format="Letter")))
    # NFKC: PDF text of Arabic comes out in presentation forms (one code point per letter shape).
    text = unicodedata.normalize("NFKC", " ".join(p.extract_text() for p in reader.pages))
    assert page.inner_text("h1").split()[0] in text
    assert links[0][0].split("//", 1)[1][:20] in text.replace("\n", "")
    menu_names = page.evaluate("() => [...document.querySelectorAll('.md-select__link')].map((a) => a.textContent.trim())")
    assert "Tagalog" in menu_names and "Tagalog" not in text, "the language menu was printed"
