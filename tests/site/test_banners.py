"""Which banner a page gets, and in which language its words are (no site build needed)."""

from __future__ import annotations

from kyr.coverage import compute_coverage
from kyr.languages import read_site_languages
from kyr.site.banners import banner_for
from translation_sites import translation_site, with_fingerprint

EN = "---\ntitle: Rights\n---\n\nYou may stay silent.\n"
ES = "---\ntitle: Derechos\ntranslation:\n  status: machine\n  by: Test\n  source: FINGERPRINT\n---\n\nPuede guardar silencio.\n"
SPANISH = {
    "This page was translated by software and has not yet been checked by a person.": "Esta página la tradujo un programa y nadie la ha revisado todavía.",
    "Read the English page": "Lea la página en inglés",
}


def _report(tmp_path):
    site = translation_site(tmp_path / "site", {"en/rights.md": EN, "en/about.md": EN, "es/rights.md": with_fingerprint(ES, EN)}, languages=("en", "es", "ar"))
    languages = {lang.code: lang for lang in read_site_languages(site / "mkdocs.yml")}
    return compute_coverage(site, list(languages.values())), languages


def test_translated_words_carry_the_readers_language(tmp_path):
    report, languages = _report(tmp_path)
    banner = banner_for(report, languages["es"], "rights.md", lambda m: SPANISH.get(m, m), file_locale="es", here="es/rights/")
    assert (banner.kind, banner.message.lang, banner.link.lang) == ("machine", "es", "es")
    assert banner.message.text.startswith("Esta página")
    assert banner.english_url == "../../rights/"


def test_untranslated_words_are_marked_english(tmp_path):
    report, languages = _report(tmp_path)
    banner = banner_for(report, languages["es"], "rights.md", lambda m: m, file_locale="es", here="es/rights/")
    assert (banner.message.lang, banner.message.direction) == ("en", "ltr")


def test_a_fallback_page_in_a_right_to_left_language(tmp_path):
    report, languages = _report(tmp_path)
    arabic = {"This page is not yet translated into %(language)s, so it is shown in English.": "لم تُترجم هذه الصفحة إلى %(language)s بعد، لذلك تظهر بالإنجليزية."}
    banner = banner_for(report, languages["ar"], "rights.md", lambda m: arabic.get(m, m), file_locale="en", here="ar/rights/")
    assert banner.kind == "fallback" and banner.link is None
    assert (banner.message.lang, banner.message.direction) == ("ar", "rtl")
    assert "العربية" in banner.message.text


def test_no_banner_in_the_source_language_or_on_generated_pages(tmp_path):
    report, languages = _report(tmp_path)
    assert banner_for(report, languages["en"], "rights.md", lambda m: m, file_locale="en", here="rights/") is None
    assert banner_for(report, languages["es"], "status.md", lambda m: m, file_locale="es", here="es/status/") is None
