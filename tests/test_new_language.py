"""`kyr new-language`: a checked code, registered once in mkdocs.yml with a catalog, pages left missing."""

from __future__ import annotations

import shutil

import pytest

from kyr.catalogs import read_catalog
from kyr.cli import main
from kyr.coverage import compute_coverage
from kyr.errors import LanguageError
from kyr.languages import read_site_languages
from kyr.new_language import add_language, choose_code
from translation_sites import translation_site

POT = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n\nmsgid "Read the English page"\nmsgstr ""\n'


def _site(tmp_path):
    site = translation_site(tmp_path / "site", {"en/index.md": "---\ntitle: Home\n---\n\nHello.\n"})
    (site / "translations").mkdir()
    (site / "translations" / "messages.pot").write_text(POT, encoding="utf-8")
    return site


def test_it_registers_the_language_with_its_own_name_and_creates_its_catalog(tmp_path):
    site = _site(tmp_path)
    result = add_language(site, "ko")
    languages = {lang.code: lang for lang in read_site_languages(site / "mkdocs.yml")}
    assert languages["ko"].name == "한국어" and languages["ko"].direction == "ltr"
    assert "name: 한국어" in (site / "mkdocs.yml").read_text(encoding="utf-8")
    catalog = read_catalog(result.catalog)
    assert [m.id for m in catalog if m.id] == ["Read the English page"]
    assert str(catalog.locale) == "ko"


def test_a_right_to_left_language_is_marked_so(tmp_path):
    site = _site(tmp_path)
    add_language(site, "ar")
    text = (site / "mkdocs.yml").read_text(encoding="utf-8")
    assert "name: العربية  # written right to left" in text
    assert {lang.code: lang.direction for lang in read_site_languages(site / "mkdocs.yml")}["ar"] == "rtl"


def test_running_it_twice_changes_nothing(tmp_path):
    site = _site(tmp_path)
    add_language(site, "vi")
    config = (site / "mkdocs.yml").read_bytes()
    catalog = (site / "translations/vi/LC_MESSAGES/messages.po").read_bytes()
    again = add_language(site, "vi")
    assert not again.registered and not again.catalog_created
    assert (site / "mkdocs.yml").read_bytes() == config
    assert (site / "translations/vi/LC_MESSAGES/messages.po").read_bytes() == catalog


def test_pages_stay_missing_so_coverage_is_zero(tmp_path):
    site = _site(tmp_path)
    add_language(site, "fr")
    assert not (site / "docs" / "fr").exists()
    report = compute_coverage(site, read_site_languages(site / "mkdocs.yml"))
    assert report.language("fr").pages_percent == 0


def test_a_regional_tag_keeps_a_two_letter_folder_and_records_its_tag(tmp_path):
    site = _site(tmp_path)
    (site / "mkdocs.yml").write_text((site / "mkdocs.yml").read_text().replace("lang_tags: {}", "lang_tags:\n      xx: xx-XX"), encoding="utf-8")
    assert choose_code("pt-BR") == ("pt", "pt-BR")
    add_language(site, "pt-BR")
    assert {lang.code: lang.tag for lang in read_site_languages(site / "mkdocs.yml")}["pt"] == "pt-BR"


@pytest.mark.parametrize("typed, suggestion", [("spanish", "'es'"), ("portugese", "'pt'"), ("zz", "did you mean")])
def test_an_unknown_code_gets_the_closest_known_codes(typed, suggestion):
    with pytest.raises(LanguageError) as raised:
        choose_code(typed)
    assert suggestion in str(raised.value)


def test_the_command_reports_an_unknown_code_without_a_traceback(tmp_path, capsys):
    site = _site(tmp_path)
    before = (site / "mkdocs.yml").read_bytes()
    assert main(["new-language", "klingon", "--project", str(site)]) == 2
    err = capsys.readouterr().err
    assert "unknown language code 'klingon'" in err and "Traceback" not in err
    assert (site / "mkdocs.yml").read_bytes() == before


def test_it_works_on_the_projects_own_mkdocs_yml(tmp_path, project_root):
    shutil.copy(project_root / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(project_root / "translations", tmp_path / "translations")
    add_language(tmp_path, "de")
    codes = [lang.code for lang in read_site_languages(tmp_path / "mkdocs.yml")]
    assert codes[-1] == "de" and len(codes) == len(set(codes))
