"""The built site: a "Translation status" page per language, and a banner on every page a reader
should read with care (machine-drafted, older than its English page, or not yet translated)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kyrtest import fixture_site, run_mkdocs
from translation_sites import fingerprint_of

EN = {
    "index": "---\ntitle: Home\n---\n\nCall {{ clinic.name }} at {{ clinic.phone }}.\n",
    "rights": "---\ntitle: Your rights\n---\n\nYou may stay silent.\n",
    "help": "---\ntitle: Legal help\n---\n\nAsk a lawyer. Ask again.\n",
    "about": "---\ntitle: About\n---\n\nAbout this site.\n",
}
HELP_BEFORE = "---\ntitle: Legal help\n---\n\nAsk a lawyer.\n"


def _es(title: str, body: str, status: str, english: str) -> str:
    return (f"---\ntitle: {title}\ntranslation:\n  status: {status}\n  by: Test\n  source: {fingerprint_of(english)}\n---\n\n{body}\n")


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    pages = {f"en/{name}.md": text for name, text in EN.items()}
    pages |= {
        "es/index.md": _es("Inicio", "Llame a {{ clinic.name }} al {{ clinic.phone }}.", "community", EN["index"]),
        "es/rights.md": _es("Sus derechos", "Puede guardar silencio.", "machine", EN["rights"]),
        "es/help.md": _es("Ayuda legal", "Pregunte a un abogado.", "community", HELP_BEFORE),  # stale
    }  # about.md is missing in Spanish
    project = fixture_site(tmp_path_factory.mktemp("status"), pages=pages)
    result = run_mkdocs(project, "build", "--strict", "--site-dir", "out")
    assert result.returncode == 0, result.stderr[-3000:]
    return project / "out"


def _html(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def _banner(html: str) -> str | None:
    match = re.search(r'<div class="kyr-banner[^"]*"[^>]*>.*?</div>', html, re.S)
    return match.group(0) if match else None


def test_every_language_has_a_status_page(site):
    for path in ("status", "es/status"):
        html = _html(site, path)
        assert "<h1" in html and "Translation status" in html


def test_the_status_page_lists_stale_and_missing_pages_with_working_links(site):
    html = _html(site, "es/status")
    article = html[html.index("<article"):html.index("</article>")]
    assert "Out of date" in article and "Not yet translated" in article and "not yet checked by a person" in article
    links = dict(re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', article))
    assert links["../help/"] == "Ayuda legal"  # the stale translation
    assert links["../../about/"] == "About"  # the missing page, in English
    assert links["../rights/"] == "Sus derechos"  # machine-drafted
    for href in links:
        if not href.startswith("#"):
            assert (site / "es" / "status" / href / "index.html").resolve().is_file(), href
    # index.md and rights.md are current; Spanish writes the percentage its own way ("50 %").
    assert re.search(r"2 of 4</span> \(50\s%\)", article)


def test_a_machine_drafted_page_has_a_banner_linking_to_the_english_page(site):
    banner = _banner(_html(site, "es/rights"))
    assert banner and 'role="note"' in banner
    assert "translated by software and has not yet been checked by a person" in banner
    assert 'href="../../rights/" hreflang="en"' in banner
    # No Spanish catalog here: the banner's words are English, and say so.
    assert 'lang="en"' in banner


def test_a_stale_page_says_the_english_page_changed(site):
    banner = _banner(_html(site, "es/help"))
    assert "The English page has changed since this translation was made." in banner
    assert "software" not in banner


def test_a_page_shown_in_english_says_it_is_not_yet_translated(site):
    banner = _banner(_html(site, "es/about"))
    assert "not yet translated into Spanish, so it is shown in English" in banner
    assert "href" not in banner


def test_current_reviewed_and_english_pages_have_no_banner(site):
    assert _banner(_html(site, "es")) is None
    for path in ("", "rights", "about", "status"):
        assert _banner(_html(site, path)) is None, path
