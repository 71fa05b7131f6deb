"""QR codes on the printables: vector SVG from segno, pointing at a page of the site in one language."""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import urlsplit

import segno

from ..errors import ConfigError
from ..languages import Language

# Two light modules around the code: half the standard quiet zone, which phone readers accept, and the
# layout keeps a further margin of blank card around it.
QUIET_MODULES = 2
# The print-shop card has the full quiet zone of the standard: four light modules.
STANDARD_QUIET_MODULES = 4


def require_site_url(site_url: str | None, *, path=None) -> str:
    """The site's public address, ending in `/`; raise `ConfigError` if it is missing or not absolute."""
    parts = urlsplit(site_url or "")
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ConfigError(
            "the printables need the site's public address for their QR codes, and site_url is "
            + ("missing" if not site_url else f"not an absolute address ('{site_url}')"),
            path=path,
            key="site_url",
            hint="add the address the site will be published at, e.g. 'site_url: https://rights.yourclinic.org/'",
        )
    return site_url if site_url.endswith("/") else site_url + "/"


def page_url(site_url: str, language: Language, docs_path: str, *, use_directory_urls: bool = True) -> str:
    """The absolute URL of the page `docs_path` (e.g. `rights/index.md`) in `language`.

    English is at the site root, other languages under `/<code>/`, as mkdocs-static-i18n publishes them.
    """
    return site_url + language.page_path(docs_path, use_directory_urls=use_directory_urls)


@lru_cache(maxsize=256)
def qr_svg(url: str, border: int = QUIET_MODULES) -> str:
    """A QR code for `url` as an inline SVG element (vector, scales to its box; black on white),
    titled with the address itself: a tagged PDF gives that title to screen readers as its text.

    Cached: a sheet repeats one code ten times, and segno takes milliseconds per code."""
    code = segno.make_qr(url, error="m")
    return code.svg_inline(
        scale=1,
        title=url,
        border=border,
        dark="#000",
        light="#fff",
        omitsize=True,
        svgclass="kyr-qr",
        lineclass=None,
    )
