"""The placeholders the print materials add to pages: PDF links and the officer's side."""

from __future__ import annotations

import html

import pytest

from kyrtest import ROOT
from kyr.clinic import load_clinic
from kyr.errors import ContentError
from kyr.languages import make_language
from kyr.placeholders import LanguageLink, PlaceholderContext, known_placeholders, register_placeholder, render_placeholders
from kyr.printables import DOCUMENTS
from kyr.printables.officer import OFFICER_SIDE

CLINIC = load_clinic(ROOT / "clinic.yml")
EN, VI, AR = make_language("en", is_source=True), make_language("vi"), make_language("ar")


def context(language, root: str, gettext=lambda s: s) -> PlaceholderContext:
    """The context of a page whose language root is `root` relative to the page."""
    others = [lang for lang in (EN, VI, AR) if lang.code != language.code]
    links = (LanguageLink(language, root),) + tuple(LanguageLink(lang, "../elsewhere/") for lang in others)
    return PlaceholderContext(CLINIC, language, gettext, links)


@pytest.mark.parametrize(
    "language, root, expected",
    [
        (EN, "..", "../print/red-cards-letter-en.pdf"),
        (VI, "..", "../print/red-cards-letter-vi.pdf"),
        (VI, "../..", "../../print/red-cards-letter-vi.pdf"),
        (VI, ".", "print/red-cards-letter-vi.pdf"),
    ],
    ids=["en-page", "vi-page", "vi-nested-page", "vi-home"],
)
def test_a_pdf_link_points_into_the_print_folder_of_the_page_language(language, root, expected):
    rendered = render_placeholders("Get {{ print.card_sheet_letter }} now.", context(language, root))
    assert f'href="{expected}"' in rendered and 'type="application/pdf"' in rendered


def test_pdf_link_texts_are_translated_in_the_page_language():
    rendered = render_placeholders("{{ print.card_single }}", context(VI, "..", gettext=lambda s: f"«{s}»"))
    assert "«One red card to print at home (PDF)»" in rendered


def test_the_materials_list_links_every_pdf_with_what_it_is_for():
    rendered = render_placeholders("{{ print.materials }}", context(AR, ".."))
    for document in DOCUMENTS:
        assert f'href="../print/{document.filename(AR)}"' in rendered
    assert rendered.count("<li>") == len(DOCUMENTS)


def test_the_officer_side_is_english_in_every_language_with_a_close_link_in_the_readers_own():
    rendered = render_placeholders("{{ card.officer }}", context(AR, "..", gettext=lambda s: "[ar] " + s))
    assert 'class="kyr-officer" lang="en" dir="ltr"' in rendered
    for text in (OFFICER_SIDE.heading, OFFICER_SIDE.lead, *OFFICER_SIDE.statements):
        assert html.escape(text) in rendered
    assert 'lang="ar" dir="rtl">[ar] Close the card</a>' in rendered
    assert "<script" not in rendered and "<img" not in rendered and "http" not in rendered


def test_the_card_stays_a_single_html_block_for_markdown():
    rendered = render_placeholders("{{ card.officer }}", context(EN, ".."))
    assert "\n" not in rendered and rendered.startswith("<div") and rendered.endswith("</div>")


def test_print_placeholders_are_known_and_a_typo_gets_a_suggestion():
    assert {"print.materials", "print.card_single", "card.officer"} <= set(known_placeholders())
    with pytest.raises(ContentError) as caught:
        render_placeholders("{{ print.card_sheet_leter }}", context(EN, ".."))
    assert "print.card_sheet_letter" in caught.value.hint


def test_built_in_placeholders_cannot_be_replaced():
    with pytest.raises(ValueError):
        register_placeholder("clinic.phone", lambda ctx: "nope")
