"""kyr.links: full addresses for print, and link-only list items and cells marked for touch."""

from __future__ import annotations

import pytest

from kyr.links import decorate_links, print_address

SITE = "https://clinic.example.org/"


@pytest.mark.parametrize(
    "href, expected",
    [
        ("../legal-help/", "https://clinic.example.org/es/legal-help/"),
        ("https://www.justice.gov/eoir", "https://www.justice.gov/eoir"),
        ("a?x=1&amp;y=2", "https://clinic.example.org/es/rights/a?x=1&y=2"),
        ("#step-2", None),
        ("tel:+18883514024", None),
        ("mailto:help@example.org", None),
    ],
    ids=["relative", "other-site", "entity", "anchor", "phone", "email"],
)
def test_print_address(href, expected):
    assert print_address(href, "es/rights/", SITE) == expected


def test_links_get_their_printed_address_escaped():
    html = decorate_links('<p>See <a href="../a/?q=1&amp;r=2">this</a> or call <a href="tel:+1">1</a>.</p>', "es/x/", SITE)
    assert 'data-print-href="https://clinic.example.org/es/a/?q=1&amp;r=2"' in html
    assert '<a href="tel:+1">' in html


@pytest.mark.parametrize(
    "html, marked",
    [
        ('<li><a href="a/">A</a></li>', True),
        ("<li>\n<a href=\"a/\"><strong>A</strong></a>\n</li>", True),
        ('<td><a href="#x">A</a></td>', True),
        ('<li>Call <a href="a/">A</a></li>', False),
        ('<li><a href="a/">A</a> or <a href="b/">B</a></li>', False),
        ('<li><a href="a/">A</a>, then more</li>', False),
    ],
    ids=["link-only", "link-with-markup", "cell", "text-before", "two-links", "text-after"],
)
def test_only_link_only_items_are_marked_for_touch(html, marked):
    assert ('class="kyr-link-item"' in decorate_links(html, "", SITE)) is marked

