"""Coverage: every English page is current, stale or missing in each language, from fingerprints alone."""

from __future__ import annotations

from kyr.coverage import CURRENT, MISSING, STALE, compute_coverage
from kyr.languages import read_site_languages
from translation_sites import data, translation_site, with_fingerprint

EN = "---\ntitle: {title}\n---\n\n{body}\n"
ES = "---\ntitle: {title}\ntranslation:\n  status: {status}\n  by: Ana\n  source: FINGERPRINT\n---\n\n{body}\n"


def _site(tmp_path, **extra):
    home = EN.format(title="Home", body="Welcome to the clinic. " * 10)
    rights = EN.format(title="Rights", body="You may stay silent.")
    rights_now = EN.format(title="Rights", body="You may stay silent. Ask for a lawyer.")
    about = EN.format(title="About", body="About us.")
    pages = {
        "en/index.md": home,
        "en/rights.md": rights_now,
        "en/about.md": about,
        "es/index.md": with_fingerprint(ES.format(title="Inicio", status="community", body="Bienvenido. " * 10), home),
        "es/rights.md": with_fingerprint(ES.format(title="Derechos", status="machine", body="Puede guardar silencio."), rights),
    }
    return translation_site(tmp_path / "site", pages, **extra)


def _report(site, **kwargs):
    return compute_coverage(site, read_site_languages(site / "mkdocs.yml"), **kwargs)


def test_pages_are_current_stale_or_missing(tmp_path):
    report = _report(_site(tmp_path))
    es = report.language("es")
    assert {page.rel: page.state for page in es.pages} == {"about.md": MISSING, "index.md": CURRENT, "rights.md": STALE}
    assert {page.rel: page.review for page in es.pages} == {"about.md": None, "index.md": "community", "rights.md": "machine"}


def test_percent_current_by_pages_and_by_words(tmp_path):
    es = _report(_site(tmp_path)).language("es")
    assert round(es.pages_percent, 1) == 33.3
    words = {page.rel: page.words for page in es.pages}
    assert es.words_percent == 100 * words["index.md"] / sum(words.values())
    assert words["index.md"] > words["rights.md"] > words["about.md"]


def test_stale_needs_no_git_history(tmp_path):
    site = _site(tmp_path)
    assert not (site / ".git").exists()
    assert _report(site).language("es").page("rights.md").state == STALE


def test_a_translation_without_a_fingerprint_counts_as_stale_and_says_why(tmp_path):
    site = _site(tmp_path)
    (site / "docs/es/about.md").write_text("---\ntitle: Acerca\n---\n\nNosotros.\n", encoding="utf-8")
    page = _report(site).language("es").page("about.md")
    assert page.state == STALE and "fingerprint" in page.problem


def test_catalog_messages_translated_fuzzy_and_untranslated(tmp_path):
    po = data("good.po").replace('#, python-format\nmsgid "Last', '#, python-format, fuzzy\nmsgid "Last')
    catalog = _report(_site(tmp_path, catalogs={"es": po})).language("es").catalog
    assert (catalog.translated, catalog.fuzzy, catalog.untranslated) == (3, 1, 1)


def test_only_the_languages_asked_for(tmp_path):
    site = translation_site(tmp_path / "site", {"en/index.md": EN.format(title="Home", body="Hi")}, languages=("en", "es", "vi"))
    report = _report(site, only={"vi"})
    assert [lang.language.code for lang in report.languages] == ["vi"]
    assert report.language("vi").pages_percent == 0


def test_an_unreadable_translation_is_an_error_not_a_crash(tmp_path):
    site = _site(tmp_path)
    (site / "docs/es/about.md").write_text("---\ntitle: a: b\n---\n", encoding="utf-8")
    report = _report(site)
    assert report.language("es").page("about.md").state == STALE
    assert [str(e.path) for e in report.errors] == [str(site / "docs/es/about.md")]


def test_each_language_shows_the_size_of_its_termbase(tmp_path):
    from kyr.reports import coverage_table

    report = _report(_site(tmp_path, termbases={"es": data("termbase-es.csv")}))
    assert report.language("es").terms == 3
    header, es = coverage_table(report, details=False).splitlines()[1:3]
    assert header.split()[-1] == "terms" and es.split()[-1] == "3"
    assert _report(_site(tmp_path / "none")).language("es").terms is None
