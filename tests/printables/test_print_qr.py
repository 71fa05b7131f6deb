"""The address each QR code carries, and the site_url it needs."""

from __future__ import annotations

import pytest

from kyr.errors import ConfigError
from kyr.languages import make_language
from kyr.printables.qr import page_url, qr_svg, require_site_url

EN = make_language("en", is_source=True)
VI = make_language("vi")


@pytest.mark.parametrize(
    "language, docs_path, directory_urls, expected",
    [
        (EN, "rights/index.md", True, "https://kyr.example.org/rights/"),
        (VI, "rights/index.md", True, "https://kyr.example.org/vi/rights/"),
        (VI, "index.md", True, "https://kyr.example.org/vi/"),
        (EN, "index.md", True, "https://kyr.example.org/"),
        (VI, "detained.md", True, "https://kyr.example.org/vi/detained/"),
        (VI, "detained.md", False, "https://kyr.example.org/vi/detained.html"),
        (EN, "rights/index.md", False, "https://kyr.example.org/rights/index.html"),
    ],
    ids=["en-rights", "vi-rights", "vi-home", "en-home", "vi-detained", "vi-detained-html", "en-rights-html"],
)
def test_english_is_at_the_root_and_other_languages_in_their_folder(language, docs_path, directory_urls, expected):
    assert page_url("https://kyr.example.org/", language, docs_path, use_directory_urls=directory_urls) == expected


@pytest.mark.parametrize("value", [None, "", "kyr.example.org", "/rights/"], ids=["missing", "empty", "no-scheme", "relative"])
def test_printables_refuse_to_build_without_an_absolute_site_url(value):
    with pytest.raises(ConfigError) as caught:
        require_site_url(value, path="mkdocs.yml")
    assert caught.value.key == "site_url"
    assert "site_url: https://" in caught.value.hint


def test_site_url_gains_its_trailing_slash():
    assert require_site_url("https://kyr.example.org/base") == "https://kyr.example.org/base/"


def test_the_qr_code_is_vector_with_a_light_quiet_zone():
    svg = qr_svg("https://kyr.example.org/vi/rights/")
    assert svg.startswith("<svg") and 'viewBox="0 0 33 33"' in svg  # version 3 (29 modules) + 2 x 2 quiet
    assert "<image" not in svg and 'fill="#fff"' in svg
