"""Every printed piece says how old its words are and where to check them, and the pieces a person
reads on a screen (the single card, the poster, the handout) are tagged PDFs a screen reader can
follow: language, title, headings, lists in reading order, and the QR code read out as its address."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from kyrtest import ROOT
from kyr.catalogs import load_translations
from kyr.formatting import format_review_date
from kyr.languages import read_site_languages
from kyr.printables import DOCUMENTS
from kyr.printables.build import ENGLISH, review_date
from kyr.printables.qr import page_url
from pdf_checks import holds_text, pdf_text, structure

LANGUAGES = read_site_languages(ROOT / "mkdocs.yml")
IDS = [lang.code for lang in LANGUAGES]
SITE_URL = "https://kyr.example.org/"  # mkdocs.yml's site_url
TAGGED = {"card_single": "rights/index.md", "poster_letter": "index.md", "poster_a4": "index.md", "handout_letter": "detained.md"}
TITLES = {"card_single": "Your red card", "poster_letter": "You are welcome here", "poster_a4": "You are welcome here", "handout_letter": "If someone you love is detained"}


def pdf(site, language, key):
    document = next(d for d in DOCUMENTS if d.key == key)
    return site / language.folder / "print" / document.filename(language)


# Languages whose month names poppler cannot read back: Urdu (Nastaliq), Bengali, Burmese.
UNREADABLE_MONTHS = {"ur", "bn", "my"}


@pytest.mark.parametrize("language", LANGUAGES, ids=IDS)
def test_every_piece_prints_its_review_date_and_the_sites_address(built_site, language):
    address = page_url(SITE_URL, language, "index.md").split("//", 1)[1].rstrip("/")
    for document in DOCUMENTS:
        text = pdf_text(pdf(built_site, language, document.key))
        assert address in text.replace("\n", " "), f"{document.key}: the site's address {address!r} is not printed"
        date = review_date(ROOT / "docs", language, document.review_page)
        assert date is not None, f"docs/{language.code}/{document.review_page} has no last_reviewed"
        # Cards carry it on their English side; posters and handouts in the reader's language.
        english_side = document.key.startswith("card")
        written = format_review_date(date, ENGLISH if english_side else language.locale)
        if language.code in UNREADABLE_MONTHS and not english_side:
            # poppler cannot read these scripts' month names back (see test_print_pdfs.shows):
            # the day and the year, in ASCII digits, must be there.
            assert str(date.day) in text and str(date.year) in text, f"{document.key}: the review date {written!r} is not printed"
        else:
            assert holds_text(text, written), f"{document.key}: the review date {written!r} is not printed"


@pytest.mark.parametrize("language", LANGUAGES, ids=IDS)
@pytest.mark.parametrize("key", sorted(TAGGED))
def test_read_aloud_pieces_are_tagged_with_language_title_headings_lists_and_the_codes_address(built_site, language, key):
    reader = PdfReader(pdf(built_site, language, key))
    root = reader.trailer["/Root"]
    assert str(root["/Lang"]) == language.tag
    assert root["/MarkInfo"]["/Marked"]
    assert root["/ViewerPreferences"]["/DisplayDocTitle"] in (True, "true")
    translations = load_translations(ROOT / "translations", language.code, tag=language.tag)
    assert str(reader.metadata.title).startswith(translations.gettext(TITLES[key]))
    tree = structure(reader)
    roles = [role for _, role, _ in tree]
    assert roles and roles[0] == "Document"
    assert "H1" in roles, "no heading"
    assert "L" in roles and "LI" in roles, "no list"
    # Reading order: the heading comes before the list it introduces.
    assert roles.index("H1") < roles.index("L")
    figures = [alt for _, role, alt in tree if role == "Figure"]
    assert page_url(SITE_URL, language, TAGGED[key]) in figures, f"the QR code is not read out as its address: {figures}"
