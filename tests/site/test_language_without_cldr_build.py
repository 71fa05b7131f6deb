"""A language CLDR lacks, end to end: `kyr new-language hmn` with its facts, then a real build."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from kyr.cli import main
from kyr.coverage import compute_coverage
from kyr.languages import read_site_languages
from kyrtest import ROOT, fixture_site, run_mkdocs

HMONG = ["--name", "Hmoob", "--english-name", "Hmong", "--direction", "ltr", "--plural-forms", "nplurals=1; plural=0;", "--like", "en", "--interface", "en"]
PAGES = {
    "en/index.md": "---\ntitle: Home\nlast_reviewed: 2026-11-23\n---\n\nWe speak {{ clinic.interpreter_languages }}. Hotline: {{ clinic.hotline.hours }}.\n",
    "es/index.md": "---\ntitle: Inicio\n---\n\nHablamos {{ clinic.interpreter_languages }}.\n",
    "hmn/index.md": "---\ntitle: Tsev\nlast_reviewed: 2026-11-23\n---\n\nPeb hais {{ clinic.interpreter_languages }}. {{ clinic.hotline.hours }}.\n",
}


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    clinic = tmp_path_factory.mktemp("clinic") / "clinic.yml"
    text = (ROOT / "clinic.yml").read_text(encoding="utf-8")
    text = re.sub(r"^interpreter_languages: .*$", "interpreter_languages: [es, hmn]", text, count=1, flags=re.M)
    text = re.sub(r'^  hours: "24/7".*$', '  hours: ["mon-fri 09:00-17:00"]', text, count=1, flags=re.M)  # the hotline's
    clinic.write_text(text, encoding="utf-8")
    site = fixture_site(tmp_path_factory.mktemp("hmong"), clinic=clinic, pages=PAGES)
    config = yaml.safe_load((site / "mkdocs.yml").read_text(encoding="utf-8"))
    config["plugins"][0]["kyr"]["print_materials"] = True
    (site / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    (site / "translations").mkdir(exist_ok=True)
    assert main(["new-language", "hmn", "--project", str(site), "--quiet", *HMONG]) == 0
    return site


@pytest.fixture(scope="module")
def built(project) -> Path:
    result = run_mkdocs(project, "build", "--strict", "--site-dir", "out")
    assert result.returncode == 0, result.stderr[-3000:]
    return project / "out"


def test_the_command_records_the_facts_and_a_catalog_with_the_given_plural_rule(project):
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    facts = config["plugins"][0]["kyr"]["languages_without_cldr"]["hmn"]
    assert facts == {"name": "Hmoob", "english_name": "Hmong", "direction": "ltr", "plural_forms": "nplurals=1; plural=0;", "like": "en", "interface": "en"}
    po = (project / "translations/hmn/LC_MESSAGES/messages.po").read_text(encoding="utf-8")
    assert '"Plural-Forms: nplurals=1; plural=0;\\n"' in po


def test_pages_carry_its_tag_and_the_menu_its_own_name(built):
    home = (built / "hmn" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="hmn"' in home and '<body dir="ltr">' in home
    menu_entry = re.search(r'<a href="/hmn/" hreflang="hmn" class="md-select__link">\s*(\S.*?)\s*</a>', (built / "index.html").read_text(encoding="utf-8"))
    assert menu_entry and menu_entry.group(1) == "Hmoob"


def test_dates_hours_and_language_names_are_written_as_its_like_language_writes_them(built):
    home = (built / "hmn" / "index.html").read_text(encoding="utf-8")
    assert "Peb hais Spanish and Hmoob." in home
    assert "Monday–Friday 9:00\u202fAM–5:00\u202fPM" in home
    assert "November 23, 2026" in home
    spanish = (built / "es" / "index.html").read_text(encoding="utf-8")
    assert "Hablamos español y hmong." in spanish


def test_coverage_and_the_status_page_list_it(project, built):
    report = compute_coverage(project, read_site_languages(project / "mkdocs.yml"))
    hmong = report.language("hmn")
    assert hmong.language.name == "Hmoob" and hmong.catalog.exists and hmong.catalog.untranslated > 0
    status = (built / "status" / "index.html").read_text(encoding="utf-8")
    assert "Hmoob" in status


def test_its_print_materials_render(built):
    pdfs = sorted(p.name for p in (built / "hmn" / "print").glob("*.pdf"))
    from kyr.printables.layout import DOCUMENTS

    assert "red-card-hmn.pdf" in pdfs and len(pdfs) == len(DOCUMENTS)
