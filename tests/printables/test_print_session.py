"""One build's print materials: published per language, cached, and refused with a clear error."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from babel.messages.pofile import read_po, write_po

from kyrtest import ROOT
from kyr.catalogs import catalog_path
from kyr.clinic import load_clinic
from kyr.coverage import compute_coverage
from kyr.errors import PrintError
from kyr.languages import make_language
from kyr.printables import DOCUMENTS, PrintSession, PrintSettings
from pdf_checks import holds_text, pdf_text

SINGLE = tuple(d for d in DOCUMENTS if d.key == "card_single")
EN, VI = make_language("en", is_source=True), make_language("vi")


@pytest.fixture
def project(tmp_path):
    """A project folder with the real print templates, catalogs and clinic, and one English page."""
    shutil.copytree(ROOT / "overrides", tmp_path / "overrides")
    shutil.copytree(ROOT / "translations", tmp_path / "translations")
    shutil.copy(ROOT / "clinic.yml", tmp_path / "clinic.yml")
    (tmp_path / "docs" / "en").mkdir(parents=True)
    (tmp_path / "docs" / "en" / "index.md").write_text("---\ntitle: Home\n---\n\nHello.\n", encoding="utf-8")
    return tmp_path


def settings(project, languages=(EN, VI)) -> PrintSettings:
    clinic = load_clinic(project / "clinic.yml")
    return PrintSettings(project_dir=project, clinic=clinic, languages=tuple(languages), site_url="https://kyr.example.org/", workers=1)


def publish_all(project, site, languages=(EN, VI)):
    session = PrintSession(settings(project, languages), documents=SINGLE)
    try:
        return {lang.code: session.publish(lang.code, site) for lang in languages}
    finally:
        session.close()


def set_translation(project, msgid: str, text: str, code: str = "vi") -> None:
    path = catalog_path(project / "translations", code)
    with open(path, "rb") as handle:
        catalog = read_po(handle)
    catalog[msgid].string = text
    with open(path, "wb") as handle:
        write_po(handle, catalog, width=100)


def test_each_language_is_published_in_its_own_print_folder(project, tmp_path):
    reports = publish_all(project, tmp_path / "site")
    assert reports["en"].files == (tmp_path / "site" / "print" / "red-card-en.pdf",)
    assert reports["vi"].files == (tmp_path / "site" / "vi" / "print" / "red-card-vi.pdf",)
    assert all(path.read_bytes().startswith(b"%PDF") for r in reports.values() for path in r.files)
    assert not list((tmp_path / "site").rglob("*.tmp"))


def test_a_rebuild_with_nothing_changed_renders_nothing(project, tmp_path):
    first = publish_all(project, tmp_path / "one")
    second = publish_all(project, tmp_path / "two")
    assert [r.rendered for r in first.values()] == [("card_single",), ("card_single",)]
    assert [r.rendered for r in second.values()] == [(), ()]
    assert (tmp_path / "one/vi/print/red-card-vi.pdf").read_bytes() == (tmp_path / "two/vi/print/red-card-vi.pdf").read_bytes()


def test_changing_one_translation_re_renders_only_that_language(project, tmp_path):
    publish_all(project, tmp_path / "one")
    set_translation(project, "Ask for a lawyer.", "Hãy yêu cầu gặp luật sư.")
    again = publish_all(project, tmp_path / "two")
    assert again["en"].rendered == () and again["vi"].rendered == ("card_single",)
    assert holds_text(pdf_text(tmp_path / "two/vi/print/red-card-vi.pdf"), "Hãy yêu cầu gặp luật sư.")


def test_a_missing_card_string_falls_back_to_english_and_the_reports_say_so(project, tmp_path):
    before = compute_coverage(project, [EN, VI]).language("vi").catalog.untranslated
    set_translation(project, "Do not open the door.", "")
    report = publish_all(project, tmp_path / "site")["vi"]
    text = pdf_text(tmp_path / "site/vi/print/red-card-vi.pdf")
    assert holds_text(text, "Do not open the door.")
    assert holds_text(text, "Quý vị có quyền giữ im lặng.")  # the other strings stay translated
    assert "Do not open the door." in report.english_fallbacks
    assert f"1 of {report.strings} strings shown in English" in report.summary()
    assert compute_coverage(project, [EN, VI]).language("vi").catalog.untranslated == before + 1


def test_a_character_no_font_covers_stops_the_build_before_rendering(project, tmp_path):
    set_translation(project, "Do not sign anything.", "Đừng ký \ue000 gì.")
    session = PrintSession(settings(project), documents=SINGLE)
    with pytest.raises(PrintError) as caught:
        session.start()
    error = caught.value
    assert "'vi'" in str(error) and "'Do not sign anything.'" in str(error) and "U+E000" in str(error)
    assert error.path == catalog_path(project / "translations", "vi") and error.line
    assert not (project / ".cache" / "printables").exists()  # nothing was rendered


def test_a_translation_too_long_for_the_card_fails_naming_it(project, tmp_path):
    set_translation(project, "Ask for a lawyer.", "Hãy yêu cầu được gặp một luật sư ngay lập tức, " * 8)
    session = PrintSession(settings(project, (VI,)), documents=SINGLE)
    try:
        with pytest.raises(PrintError) as caught:
            session.publish("vi", tmp_path / "site")
    finally:
        session.close()
    error = caught.value
    assert "'Ask for a lawyer.'" in str(error) and "'vi'" in str(error) and "red-card-vi.pdf" in str(error)
    assert "smallest readable size (6pt)" in str(error)
    assert error.path == catalog_path(project / "translations", "vi")
    assert "shorten this translation" in error.hint
    assert not (tmp_path / "site" / "vi" / "print" / "red-card-vi.pdf").exists()


def test_pdfs_embed_every_font_they_use(project, tmp_path):
    publish_all(project, tmp_path / "site", (VI,))
    out = subprocess.run(["pdffonts", str(tmp_path / "site/vi/print/red-card-vi.pdf")], capture_output=True, text=True, check=True).stdout
    rows = out.splitlines()[2:]
    assert rows and all(row.split()[-5] == "yes" for row in rows)
