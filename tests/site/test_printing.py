"""The print materials in a real MkDocs build: published per language, templates kept out, clear errors."""

from __future__ import annotations

import yaml
from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

from kyrtest import ROOT, fixture_site, run_mkdocs
from kyr.printables import DOCUMENTS
from kyr.site.printing import configured_site_url

PAGES = {
    "en/index.md": "---\ntitle: Home\n---\n\nPrint: {{ print.card_single }}\n\n{{ print.materials }}\n",
    "es/index.md": "---\ntitle: Inicio\n---\n\n{{ print.materials }}\n",
}


def printing_site(tmp_path, **config_changes):
    """The two-language fixture site with the print materials switched on."""
    site = fixture_site(tmp_path, pages=PAGES)
    config = yaml.safe_load((site / "mkdocs.yml").read_text(encoding="utf-8"))
    config["plugins"][0]["kyr"]["print_materials"] = True
    config.update(config_changes)
    config = {k: v for k, v in config.items() if v is not None}
    (site / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return site


def test_each_language_gets_its_pdfs_and_the_templates_stay_unpublished(tmp_path):
    site = printing_site(tmp_path)
    result = run_mkdocs(site)
    assert result.returncode == 0, result.stderr[-2000:]
    out = site / "site"
    assert (out / "print" / "red-cards-letter-en.pdf").is_file()
    assert (out / "es" / "print" / "red-cards-a4-es.pdf").is_file()
    assert not list(out.rglob("print.css")) and not list(out.rglob("card-sheet.html"))
    home = (out / "es" / "index.html").read_text(encoding="utf-8")
    assert 'href="print/red-card-es.pdf"' in home
    assert f"print materials for 'es': {len(DOCUMENTS)} PDFs" in result.stderr
    # A second build finds everything in the cache.
    again = run_mkdocs(site)
    assert again.returncode == 0 and f"(0 rendered, {len(DOCUMENTS)} from the cache)" in again.stderr


def test_without_site_url_the_build_stops_and_says_what_to_add(tmp_path):
    site = printing_site(tmp_path, site_url=None)
    result = run_mkdocs(site)
    assert result.returncode != 0
    assert "site_url" in result.stderr and "QR codes" in result.stderr and "Traceback" not in result.stderr


def test_a_character_no_font_covers_fails_the_build_naming_language_string_and_character(tmp_path):
    site = printing_site(tmp_path)
    catalog = Catalog(locale="es")
    catalog.add("Ask for a lawyer.", "Pida un abogado \ue000.")
    path = site / "translations" / "es" / "LC_MESSAGES" / "messages.po"
    path.parent.mkdir(parents=True)
    with open(path, "wb") as handle:
        write_po(handle, catalog)
    result = run_mkdocs(site)
    assert result.returncode != 0
    assert "'es'" in result.stderr and "'Ask for a lawyer.'" in result.stderr and "U+E000" in result.stderr
    assert "messages.po" in result.stderr and "Traceback" not in result.stderr


def test_site_url_is_read_from_mkdocs_yml_because_serve_replaces_it(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_url: https://rights.example.org/\nmarkdown_extensions:\n  - x: !!python/name:os.getcwd\n", encoding="utf-8")
    assert configured_site_url(config) == "https://rights.example.org/"
    config.write_text("site_name: x\n", encoding="utf-8")
    assert configured_site_url(config) is None
