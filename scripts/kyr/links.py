"""Small changes to a page's links for paper and for fingers.

- On paper a link is useless without its address: every link gets `data-print-href`, its full
  address, which the print stylesheet writes after the link text.
- A list item or table cell holding nothing but a link is a menu entry, not a word in a sentence: it gets the
  class `kyr-link-item`, which gives the link a touch target of at least 44 px.

The head's `<link rel="alternate" hreflang>` stay relative on purpose: Material's script, once search
opens, fetches a sitemap from each of their hosts, and a full address would name whatever host
`site_url` says (the example host, if a clinic forgets to change it). Search engines get full
addresses from sitemap.xml.
"""

from __future__ import annotations

import html as htmllib
import re
from urllib.parse import urljoin

_LINK = re.compile(r'<a href="([^"]*)"')
# `<li>` or `<td>` + one `<a ...>...</a>` (no other link or cell inside) + only spaces + its end tag.
_LINK_ITEM = re.compile(r"<(li|td)>(\s*<a [^>]*>(?:(?!</?(?:a|li|td)\b)[\s\S])*</a>\s*</\1>)")
_SKIP = ("#", "tel:", "mailto:", "javascript:", "sms:")


def print_address(href: str, page_url: str, site_url: str | None) -> str | None:
    """The address to print after a link to `href` on the page at `page_url`, or None for none."""
    href = htmllib.unescape(href)
    if not href or href.startswith(_SKIP):
        return None  # a phone number or e-mail is already written out as the link text
    base = urljoin(site_url or "/", page_url)
    return urljoin(base, href)


def decorate_links(html: str, page_url: str, site_url: str | None) -> str:
    """Add `data-print-href` to the links of a page's content and mark its link-only list items."""

    def with_address(match: re.Match) -> str:
        address = print_address(match.group(1), page_url, site_url)
        if address is None:
            return match.group(0)
        return f'{match.group(0)} data-print-href="{htmllib.escape(address, quote=True)}"'

    html = _LINK.sub(with_address, html)
    return _LINK_ITEM.sub(lambda m: f'<{m.group(1)} class="kyr-link-item">' + m.group(2), html)

