"""The print materials in the scripts of issue 14 (Gurmukhi, Nastaliq, Ethiopic, Myanmar...): set in
their Noto family, embedded, right to left where they should be, and never clipped."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata

import pytest
from babel.messages.pofile import read_po, write_po

from kyrtest import ROOT
from kyr.catalogs import catalog_path, read_catalog, update_catalog
from kyr.clinic import load_clinic
from kyr.errors import PrintError
from kyr.languages import make_language
from kyr.printables import DOCUMENTS, PrintSession, PrintSettings
from kyr.printables.fonts import families_for
from pdf_checks import holds_text, pdf_fonts, pdf_text, require_tool

SINGLE = tuple(d for d in DOCUMENTS if d.key == "card_single")
# Short texts in each script for the card's steps (test data showing the letters, not translations to reuse).
STEPS = {
    "pa": ("ਦਰਵਾਜ਼ਾ ਨਾ ਖੋਲ੍ਹੋ।", "ਵਕੀਲ ਮੰਗੋ।"),
    "ur": ("دروازہ نہ کھولیں۔", "وکیل مانگیں۔"),
    "am": ("በሩን አይክፈቱ።", "ጠበቃ ይጠይቁ።"),
    "my": ("တံခါးမဖွင့်ပါနှင့်။", "ရှေ့နေ တောင်းပါ။"),
}
TOO_LONG = {
    "my": "ရှေ့နေတစ်ဦးနှင့် ချက်ချင်းတွေ့ဆုံခွင့်ကို တောင်းဆိုပါ။ " * 8,
    "am": "ወዲያውኑ ጠበቃ እንዲያገኙ ይጠይቁ፤ ያለ ጠበቃ ምንም አይናገሩ። " * 8,
}


@pytest.fixture
def project(tmp_path):
    """A project folder with the real print templates, template catalog and clinic."""
    shutil.copytree(ROOT / "overrides", tmp_path / "overrides")
    (tmp_path / "translations").mkdir()
    shutil.copy(ROOT / "translations" / "messages.pot", tmp_path / "translations" / "messages.pot")
    shutil.copy(ROOT / "clinic.yml", tmp_path / "clinic.yml")
    (tmp_path / "docs" / "en").mkdir(parents=True)
    (tmp_path / "docs" / "en" / "index.md").write_text("---\ntitle: Home\n---\n\nHello.\n", encoding="utf-8")
    return tmp_path


def translate(project, language, strings: dict[str, str]) -> None:
    path = catalog_path(project / "translations", language.code)
    update_catalog(read_catalog(project / "translations" / "messages.pot"), path, locale=language.tag.replace("-", "_"), plural_forms=language.plural_forms)
    with open(path, "rb") as handle:
        catalog = read_po(handle)
    for msgid, text in strings.items():
        catalog[msgid].string = text
    with open(path, "wb") as handle:
        write_po(handle, catalog, width=100)


def publish(project, language, site):
    settings = PrintSettings(project_dir=project, clinic=load_clinic(project / "clinic.yml"), languages=(language,), site_url="https://kyr.example.org/", workers=1)
    session = PrintSession(settings, documents=SINGLE)
    try:
        return session.publish(language.code, site)
    finally:
        session.close()


@pytest.mark.parametrize("code", sorted(STEPS))
def test_a_card_in_each_script_holds_its_text_in_its_noto_family_embedded(project, tmp_path, code):
    language = make_language(code)
    door, lawyer = STEPS[code]
    translate(project, language, {"Do not open the door.": door, "Ask for a lawyer.": lawyer})
    report = publish(project, language, tmp_path / "site")
    (pdf,) = report.files
    text = pdf_text(pdf)
    if language.is_rtl:
        # poppler cannot read Nastaliq back (see test_print_pdfs.shows): the steps are in Urdu's
        # script, not English, and each number stands to the right of its words.
        assert any(unicodedata.bidirectional(c) == "AL" for c in text) and not holds_text(text, "Do not open the door.")
        assert_numbers_right_of_their_words(pdf)
    else:
        assert holds_text(text, door) and holds_text(text, lawyer)
    fonts = pdf_fonts(pdf)
    assert fonts and all(embedded for _, embedded in fonts)
    own = next(f for f in families_for(language) if f.name != "Noto Sans").name.replace(" ", "-")
    assert any(name.startswith(own) for name, _ in fonts), f"{own} not in {fonts}"


def assert_numbers_right_of_their_words(pdf) -> None:
    bbox = subprocess.run([require_tool("pdftotext"), "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    words = [(float(m[1]), float(m[2]), float(m[3]), float(m[4]), m[5]) for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', bbox)]
    for step in ("1", "5"):
        number = next(w for w in words if w[4] == step and w[0] > 306)  # the front is the right-hand panel
        middle = (number[1] + number[3]) / 2
        same_line = [w for w in words if w[1] < middle < w[3] and w is not number and w[0] > 306]
        assert same_line and all(w[2] <= number[0] + 0.5 for w in same_line), f"step {step}: words should read leftwards from its number"


@pytest.mark.parametrize("code", sorted(TOO_LONG))
def test_a_card_string_too_long_shrinks_to_the_floor_then_fails_naming_language_and_string(project, tmp_path, code):
    language = make_language(code)
    translate(project, language, {"Ask for a lawyer.": TOO_LONG[code]})
    with pytest.raises(PrintError) as caught:
        publish(project, language, tmp_path / "site")
    error = caught.value
    assert f"'{code}' ({language.english_name})" in str(error) and "'Ask for a lawyer.'" in str(error)
    assert "smallest readable size" in str(error) and error.path == catalog_path(project / "translations", code)
    assert not (tmp_path / "site" / code / "print" / f"red-card-{code}.pdf").exists()
