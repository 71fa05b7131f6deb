"""Every PDF of the real site, in every language, read back as a printer, a cutter and a phone would."""

from __future__ import annotations

import io
import re
import subprocess
import unicodedata

import pytest
from fontTools.ttLib import TTFont
from pypdf import PdfReader

from kyrtest import ROOT
from kyr.catalogs import load_translations
from kyr.clinic import load_clinic
from kyr.languages import read_site_languages
from kyr.printables import DOCUMENTS
from kyr.printables.layout import sheet_geometry
from kyr.printables.fonts import families_for, script_of
from kyr.printables.officer import OFFICER_SIDE
from kyr.printables.qr import page_url
from pdf_checks import GrayPage, decode_qr, holds_phone, holds_text, pdf_fonts, pdf_text, require_tool

LANGUAGES = read_site_languages(ROOT / "mkdocs.yml")
IDS = [lang.code for lang in LANGUAGES]
CLINIC = load_clinic(ROOT / "clinic.yml")
SITE_URL = "https://kyr.example.org/"  # mkdocs.yml's site_url
CARD_STRINGS = (
    "Know your rights",
    "Do not open the door.",
    "You have the right to stay silent.",
    "Do not run.",
    "Do not sign anything.",
    "Show this card to the officer.",
    "Ask for a lawyer.",
)


def script_fonts(language) -> list[str]:
    """The PDF names of the families chosen for `language` beside Noto Sans (e.g. 'Noto-Naskh-Arabic')."""
    return [family.name.replace(" ", "-") for family in families_for(language) if family.name != "Noto Sans"]


# Scripts poppler cannot read back: it drops Bengali's vowel signs and reorders its conjuncts, and
# splits and reorders Burmese syllables. The value names the script's letters in Unicode.
UNREADABLE_SCRIPTS = {"Beng": "BENGALI", "Mymr": "MYANMAR"}


def shows(extracted: str, language, msgid: str) -> bool:
    """Whether the PDF text shows `msgid` in `language`.

    poppler cannot read Nastaliq back: Noto Nastaliq Urdu draws a letter as a stroke plus separate
    dots, so the text it extracts has letters missing or changed. For a language set in Nastaliq
    the check is that the string is there in its script and not in English; the Urdu PNGs are
    looked at by people. The same holds for the scripts of `UNREADABLE_SCRIPTS`."""
    text = translated(language, msgid)
    script = script_of(language)
    if "Noto-Nastaliq-Urdu" not in script_fonts(language) and script not in UNREADABLE_SCRIPTS:
        return holds_text(extracted, text)
    if script in UNREADABLE_SCRIPTS:
        in_script = any(unicodedata.name(c, "").startswith(UNREADABLE_SCRIPTS[script]) for c in extracted)
    else:
        in_script = any(unicodedata.bidirectional(c) == "AL" for c in extracted)
    return in_script and text != msgid and not holds_text(extracted, msgid)


def pdf(site, language, key):
    document = next(d for d in DOCUMENTS if d.key == key)
    folder = site / ("" if language.is_source else language.code) / "print"
    return folder / document.filename(language)


def translated(language, msgid: str) -> str:
    translations = load_translations(ROOT / "translations", language.code, tag=language.tag)
    return unicodedata.normalize("NFC", translations.gettext(msgid))


@pytest.mark.parametrize("language", LANGUAGES, ids=IDS)
def test_every_pdf_exists_with_its_paper_size_and_page_count(built_site, language):
    for document in DOCUMENTS:
        reader = PdfReader(pdf(built_site, language, document.key))
        assert len(reader.pages) == document.pages, document.key
        for page in reader.pages:
            # The paper is the trimmed size; a print-shop file's page reaches `bleed` past it on every side.
            box, trim = page.mediabox, page.trimbox
            assert float(box.width) == pytest.approx(document.paper.width + 2 * document.bleed, abs=0.5), document.key
            assert float(box.height) == pytest.approx(document.paper.height + 2 * document.bleed, abs=0.5), document.key
            assert float(trim.width) == pytest.approx(document.paper.width, abs=0.5), document.key
            assert float(trim.height) == pytest.approx(document.paper.height, abs=0.5), document.key


@pytest.mark.parametrize("language", LANGUAGES, ids=IDS)
def test_the_cards_show_the_translated_front_the_english_back_and_the_hotline(built_site, language):
    for key in ("card_single", "card_sheet_letter", "card_sheet_a4", "card_print_shop"):
        text = pdf_text(pdf(built_site, language, key))
        for msgid in CARD_STRINGS:
            assert shows(text, language, msgid), f"{key}: {translated(language, msgid)!r} not found"
        for sentence in (OFFICER_SIDE.lead, *OFFICER_SIDE.statements):
            assert holds_text(text, sentence), f"{key}: the officer's side lacks {sentence!r}"
        assert holds_phone(text, CLINIC.hotline.phone.display), key


@pytest.mark.parametrize("language", LANGUAGES, ids=IDS)
def test_the_poster_and_handout_are_in_the_language_with_the_clinic_contacts(built_site, language):
    poster = pdf_text(pdf(built_site, language, "poster_letter"))
    assert shows(poster, language, "You are welcome here")
    assert shows(poster, language, "We care for every patient, whatever their immigration status.")
    assert holds_phone(poster, CLINIC.phone.display)
    handout = pdf_text(pdf(built_site, language, "handout_letter"))
    assert shows(handout, language, "If someone you love is detained")
    assert shows(handout, language, "Find a real lawyer.")
    for phone in (CLINIC.hotline.phone, CLINIC.phone, *[p.phone for p in CLINIC.legal_partners]):
        assert holds_phone(handout, phone.display), phone.display


@pytest.mark.parametrize("language", LANGUAGES, ids=IDS)
def test_every_font_is_embedded_and_comes_from_the_chosen_noto_families(built_site, language):
    own = script_fonts(language)
    allowed = {"Noto-Sans", "Noto-Sans-Bold"} | {name + weight for name in own for weight in ("", "-Bold")}
    for document in DOCUMENTS:
        fonts = pdf_fonts(pdf(built_site, language, document.key))
        assert fonts and all(embedded for _, embedded in fonts), document.key
        assert {name for name, _ in fonts} <= allowed, f"{document.key}: unexpected fonts {fonts}"
        if own and document.key.startswith("card"):  # the script's first family sets the translated front
            assert any(name.startswith(own[0]) for name, _ in fonts), f"{document.key}: no {own[0]} in {fonts}"


@pytest.mark.parametrize("language", LANGUAGES, ids=IDS)
def test_each_qr_code_decodes_to_the_right_page_in_the_language(built_site, language):
    def url(docs_path):
        return page_url(SITE_URL, language, docs_path)

    assert decode_qr(pdf(built_site, language, "card_sheet_letter"), 1) == [url("rights/index.md")] * 10
    assert decode_qr(pdf(built_site, language, "card_sheet_a4"), 1) == [url("rights/index.md")] * 10
    assert decode_qr(pdf(built_site, language, "card_single"), 1) == [url("rights/index.md")]
    assert decode_qr(pdf(built_site, language, "poster_a4"), 1) == [url("index.md")]
    assert decode_qr(pdf(built_site, language, "handout_letter"), 1) == [url("detained.md")]


@pytest.mark.parametrize("language", [lang for lang in LANGUAGES if lang.code in ("en", "ar", "zh-hans", "vi", "ht")], ids=["en", "ht", "zh-hans", "vi", "ar"])
@pytest.mark.parametrize("key", ["card_sheet_letter", "card_sheet_a4"])
def test_crop_marks_are_printed_and_backs_sit_where_the_flip_brings_them(built_site, language, key):
    document = next(d for d in DOCUMENTS if d.key == key)
    geometry = sheet_geometry(document.paper)
    path = pdf(built_site, language, key)
    fronts, backs = GrayPage(path, 1), GrayPage(path, 2)
    for page, marks in ((fronts, geometry.marks), (backs, geometry.back_marks)):
        for mark in marks:
            x, y = (mark.x1 + mark.x2) / 2, (mark.y1 + mark.y2) / 2
            assert page.darkest(x, y, radius=0.5) < 110, f"no mark at ({x:.1f}, {y:.1f})"
    # Each front's red band, and each back's black band, where the geometry puts them.
    for front, back in zip(geometry.fronts, geometry.backs):
        red = fronts.darkest(front.x + 100, front.y + 8, radius=0.3)
        black = backs.darkest(back.x + 150, back.y + 8, radius=0.3)
        assert 40 < red < 140 and black < 40
        # and nothing on the card's very edge, where a cut that is slightly off would show it
        assert fronts.darkest(front.x + 1.5, front.y + 60, radius=0.3) > 230


RTL = [lang for lang in LANGUAGES if lang.is_rtl]


@pytest.mark.parametrize("language", RTL, ids=[lang.code for lang in RTL])
def test_right_to_left_cards_are_shaped_and_set_right_to_left(built_site, language):
    path = pdf(built_site, language, "card_single")
    reader = PdfReader(path)
    used = set()
    for font in reader.pages[0]["/Resources"]["/Font"].values():
        font = font.get_object()
        if "Naskh" not in str(font["/BaseFont"]):
            continue
        descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
        glyphs = TTFont(io.BytesIO(descriptor["/FontFile2"].get_object().get_data())).getGlyphOrder()
        used |= {name for name in glyphs if not re.fullmatch(r"glyph\d+", name)}
    if script_fonts(language)[0] == "Noto-Naskh-Arabic":  # Naskh names its joined forms; Nastaliq's are unnamed
        forms = {unicodedata.decomposition(chr(int(name[3:], 16))).split()[0] for name in used if re.fullmatch(r"uniFE[0-9A-F]{2}", name)}
        assert {"<initial>", "<medial>", "<final>"} <= forms, "Arabic letters were not joined (no contextual forms used)"
    # Right to left: each numbered step's number stands to the right of its words.
    bbox = subprocess.run([require_tool("pdftotext"), "-bbox", str(path), "-"], capture_output=True, text=True, check=True).stdout
    words = [(float(m[1]), float(m[2]), float(m[3]), m[5]) for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', bbox)]
    steps = translated(language, "Do not open the door.").split()
    number = next(w for w in words if w[3] == "1" and w[0] > 306)  # the front is the right-hand panel
    same_line = [w for w in words if abs(w[1] - number[1]) < 3 and w is not number]
    assert same_line and all(w[2] < number[0] for w in same_line), "the step's words should read leftwards from its number"
    # poppler spells right-to-left words in visual order, so they are compared reversed as well
    # (and cannot read Nastaliq back at all: see `shows`).
    assert "Noto-Nastaliq-Urdu" in script_fonts(language) or any(candidate.strip(".") in steps for *_, word in same_line for candidate in (word, word[::-1]))
