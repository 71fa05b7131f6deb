"""The print-shop red card of every language, read back as a print shop's prepress would: one card
per page at 3.5 x 2 in, colour into the 0.125 in bleed, crop marks beyond it, text inside the safe
area, fonts embedded, and a QR code with its full quiet zone that decodes."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from kyrtest import ROOT
from kyr.languages import read_site_languages
from kyr.printables import DOCUMENTS
from kyr.printables.layout import BLEED, CARD_HEIGHT, CARD_WIDTH, INCH, print_shop_geometry
from kyr.printables.qr import page_url
from pdf_checks import GrayPage, decode_qr, pdf_fonts, word_boxes

LANGUAGES = read_site_languages(ROOT / "mkdocs.yml")
IDS = [lang.code for lang in LANGUAGES]
SHOP = next(d for d in DOCUMENTS if d.key == "card_print_shop")
GEOMETRY = print_shop_geometry()
SITE_URL = "https://kyr.example.org/"  # mkdocs.yml's site_url


def shop_pdf(site, language):
    return site / language.folder / "print" / SHOP.filename(language)


@pytest.mark.parametrize("language", LANGUAGES, ids=IDS)
def test_two_pages_at_trim_size_with_the_bleed_around_them(built_site, language):
    reader = PdfReader(shop_pdf(built_site, language))
    assert len(reader.pages) == 2, "a print shop expects the front, then the back"
    for page in reader.pages:
        trim, bleed, media = page.trimbox, page.bleedbox, page.mediabox
        assert (float(trim.width), float(trim.height)) == pytest.approx((3.5 * INCH, 2 * INCH), abs=0.01)
        # The bleed reaches at least 0.125 in past the trim on every side, and the page holds it.
        for inner, outer in ((trim.left, bleed.left), (trim.bottom, bleed.bottom)):
            assert float(inner) - float(outer) >= BLEED - 0.01
        for inner, outer in ((trim.right, bleed.right), (trim.top, bleed.top)):
            assert float(outer) - float(inner) >= BLEED - 0.01
        assert float(media.left) <= float(bleed.left) and float(media.right) >= float(bleed.right)
        assert float(media.width) - float(trim.width) == pytest.approx(2 * SHOP.bleed, abs=0.01)


# poppler gives a word the height of its font's line metrics, not of its ink. Noto Nastaliq Urdu's
# and Noto Sans Myanmar's are 2.2 to 2.5 times the font size, far taller than any letter; for
# these the vertical check is on the middle of the word's box (where its letters are), and the
# PNGs of their print-shop cards are looked at by people.
TALL_METRICS = {"ur", "my"}


def _vertical_extent(word, language) -> tuple[float, float]:
    top, bottom = word[1], word[3]
    if language.code in TALL_METRICS:
        middle = (top + bottom) / 2
        return middle, middle
    return top, bottom


@pytest.mark.parametrize("language", LANGUAGES, ids=IDS)
def test_every_word_is_inside_the_safe_area_and_every_font_embedded(built_site, language):
    path = shop_pdf(built_site, language)
    outer, safe = SHOP.bleed, GEOMETRY.safe
    for page in (1, 2):
        words = word_boxes(path, page)
        assert words, f"page {page} has no text"
        outside = [
            w for w in words
            if w[0] < outer + safe.x - 0.1 or w[2] > outer + safe.right + 0.1
            or _vertical_extent(w, language)[0] < outer + safe.y - 0.1 or _vertical_extent(w, language)[1] > outer + safe.bottom + 0.1
        ]
        assert not outside, f"page {page}: text outside the 0.125 in safe area: {outside[:3]}"
    fonts = pdf_fonts(path)
    assert fonts and all(embedded for _, embedded in fonts)


@pytest.mark.parametrize("language", LANGUAGES, ids=IDS)
def test_the_qr_code_decodes_to_the_rights_page_in_the_language(built_site, language):
    assert decode_qr(shop_pdf(built_site, language), 1) == [page_url(SITE_URL, language, "rights/index.md")]


@pytest.mark.parametrize("language", [lang for lang in LANGUAGES if lang.code in ("en", "ar")], ids=["en", "ar"])
def test_colour_runs_into_the_bleed_and_crop_marks_sit_beyond_it(built_site, language):
    path = shop_pdf(built_site, language)
    outer = SHOP.bleed
    for number in (1, 2):
        page = GrayPage(path, number)
        # The top band is coloured on the trim line and through the bleed, not only inside the card.
        for x in (outer + 2, outer + CARD_WIDTH / 2, outer + CARD_WIDTH - 2):
            assert page.darkest(x, outer - BLEED + 1, radius=0.3) < 200, f"page {number}: no colour in the bleed at x={x:.0f}"
            assert page.darkest(x, outer + 4, radius=0.3) < 200
        # Crop marks: on the trim lines, outside the bleed, at each corner; nothing at the corner itself.
        gap = BLEED + 1.5
        for corner_x, corner_y, sx, sy in ((outer, outer, -1, -1), (outer + CARD_WIDTH, outer, 1, -1), (outer, outer + CARD_HEIGHT, -1, 1), (outer + CARD_WIDTH, outer + CARD_HEIGHT, 1, 1)):
            reach = outer - gap  # room between the bleed and the page edge
            assert min(page.darkest(corner_x, corner_y + sy * (gap + d), radius=0.4) for d in range(0, int(reach))) < 110
            assert min(page.darkest(corner_x + sx * (gap + d), corner_y, radius=0.4) for d in range(0, int(reach))) < 110
            assert page.darkest(corner_x + sx * (gap + 2), corner_y + sy * (gap + 2), radius=0.4) > 230


def test_written_as_pdf_x_4_with_a_cmyk_output_intent_when_the_profile_is_installed(built_site):
    from kyr.printables.build import cmyk_profile

    english = next(lang for lang in LANGUAGES if lang.is_source)
    reader = PdfReader(shop_pdf(built_site, english))
    root = reader.trailer["/Root"]
    metadata = root["/Metadata"].get_object().get_data().decode("utf-8") if "/Metadata" in root else ""
    if cmyk_profile() is None:
        assert "/OutputIntents" not in root and "PDF/X" not in metadata
        pytest.skip("no CMYK profile installed (libgs-common): the print-shop card is a plain PDF")
    intent = root["/OutputIntents"][0].get_object()
    assert intent["/S"] == "/GTS_PDFX"
    assert intent["/DestOutputProfile"].get_object()["/N"] == 4  # four inks: C, M, Y, K
    assert "PDF/X-4" in metadata
