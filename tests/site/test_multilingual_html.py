"""Every built page declares its language, direction and alternates; sitemap and 404s per language."""

from __future__ import annotations

import re
from pathlib import Path

from kyr.languages import read_site_languages

from kyrtest import ROOT

LANGUAGES = read_site_languages(ROOT / "mkdocs.yml")


def language_root(site: Path, code: str) -> Path:
    source = next(lang for lang in LANGUAGES if lang.is_source)
    return site if code == source.code else site / code


def pages_of(site: Path, language) -> list[Path]:
    root = language_root(site, language.code)
    others = {lang.code for lang in LANGUAGES} - {language.code}
    return [
        p for p in root.rglob("index.html")
        if p.relative_to(root).parts[0] not in others and "assets" not in p.parts and "search" not in p.parts
    ]


def test_every_page_has_lang_and_dir_of_its_language(built_site):
    source = next(lang for lang in LANGUAGES if lang.is_source)
    english = {p.relative_to(language_root(built_site, source.code)) for p in pages_of(built_site, source)}
    assert len(english) >= 13
    for language in LANGUAGES:
        pages = pages_of(built_site, language)
        missing = english - {p.relative_to(language_root(built_site, language.code)) for p in pages}
        assert not missing, f"{language.code}: no {sorted(map(str, missing))}"
        for page in pages:
            html = page.read_text(encoding="utf-8")
            assert f'<html lang="{language.tag}"' in html, page
            assert re.search(rf'<body[^>]* dir="{language.direction}"', html), page


def test_every_page_links_every_language_with_bcp47_hreflang(built_site):
    tags = {lang.tag for lang in LANGUAGES}
    for language in LANGUAGES:
        for page in pages_of(built_site, language):
            html = page.read_text(encoding="utf-8")
            found = set(re.findall(r'<link rel="alternate" href="[^"]*" hreflang="([^"]+)">', html))
            assert found == tags, f"{page}: {sorted(tags ^ found)}"


def test_language_menu_goes_to_the_same_page_in_each_language(built_site):
    html = (language_root(built_site, "ar") / "detained" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../es/detained/" hreflang="es"' in html
    assert 'href="../../detained/" hreflang="en"' in html


def test_sitemap_lists_every_page_in_every_language(built_site):
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    locs = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    for language in LANGUAGES:
        prefix = "https://kyr.example.org/" + ("" if language.is_source else f"{language.code}/")
        assert any(loc.startswith(prefix) for loc in locs), language.code
    assert 'hreflang="zh-Hans"' in sitemap and 'hreflang="pt-BR"' in sitemap
    assert 'hreflang="x-default"' in sitemap


def test_each_language_has_its_own_404_page(built_site):
    for language in LANGUAGES:
        page = language_root(built_site, language.code) / "404.html"
        assert page.is_file(), language.code
        assert f'<html lang="{language.tag}"' in page.read_text(encoding="utf-8")


def test_navigation_section_is_titled_in_the_readers_language(built_site):
    from kyr.pages import read_page

    for code in ("ar", "zh-hans", "es"):
        title = read_page(ROOT / "docs" / code / "rights" / "index.md").meta["title"]
        html = (language_root(built_site, code) / "index.html").read_text(encoding="utf-8")
        compact = re.sub(r"\s*(<|>)\s*", r"\1", html)
        section_titles = re.findall(r'<label class="md-nav__title" for="__nav_\d+"><span class="md-nav__icon md-icon"></span>([^<]+)</label>', compact)
        assert title in section_titles, (code, section_titles)
        assert "Know your rights" not in section_titles, code
