"""Page geometry, crop marks and the strings of the print templates (no rendering)."""

from __future__ import annotations

import dataclasses
import gettext
import io

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.support import Translations

from kyr.catalogs import load_translations
from kyr.clinic import load_clinic
from kyr.languages import make_language, read_site_languages
from kyr.printables.layout import (
    A4,
    DOCUMENTS,
    CARD_HEIGHT,
    CARD_WIDTH,
    LETTER,
    PrintContext,
    PrintStrings,
    PrintUrls,
    build_html,
    card_grid,
    crop_marks,
    make_environment,
    mirror_long_edge,
    sheet_geometry,
    single_geometry,
    visible_texts,
)

PAPERS = [LETTER, A4]


@pytest.mark.parametrize("paper", PAPERS, ids=lambda p: p.name)
def test_ten_wallet_cards_fit_on_the_page_edge_to_edge(paper):
    cards = card_grid(paper)
    assert len(cards) == 10
    assert {(c.w, c.h) for c in cards} == {(3.5 * 72, 2 * 72)}
    for card in cards:
        assert 0.25 * 72 <= card.x and card.right <= paper.width - 0.25 * 72
        assert 0.25 * 72 <= card.y and card.bottom <= paper.height - 0.25 * 72
    # Edge to edge: every cut serves two cards, and no two cards overlap.
    for a in cards:
        for b in cards:
            if a is not b:
                assert a.right <= b.x or b.right <= a.x or a.bottom <= b.y or b.bottom <= a.y


@pytest.mark.parametrize("paper", PAPERS, ids=lambda p: p.name)
def test_backs_land_behind_their_fronts_when_the_sheet_flips_on_its_long_edge(paper):
    geometry = sheet_geometry(paper)
    for front, back in zip(geometry.fronts, geometry.backs):
        # Turning a portrait sheet over its long (vertical) edge maps x to width - x.
        assert paper.width - back.right == pytest.approx(front.x)
        assert back.y == front.y
    # The backs occupy exactly the fronts' places: only which card is behind which changes.
    assert sorted((round(b.x, 6), b.y) for b in geometry.backs) == sorted((round(f.x, 6), f.y) for f in geometry.fronts)
    assert mirror_long_edge(mirror_long_edge(geometry.fronts[0], paper), paper).x == pytest.approx(geometry.fronts[0].x)


@pytest.mark.parametrize("paper", PAPERS, ids=lambda p: p.name)
def test_every_cutting_line_has_marks_on_both_sides_and_none_touches_a_card(paper):
    cards = card_grid(paper)
    marks = crop_marks(cards)
    xs = {round(x, 3) for c in cards for x in (c.x, c.right)}
    ys = {round(y, 3) for c in cards for y in (c.y, c.bottom)}
    assert {m.x1 for m in marks if m.vertical} == xs
    assert {m.y1 for m in marks if not m.vertical} == ys
    for x in xs:
        assert len([m for m in marks if m.vertical and m.x1 == x]) == 2  # above and below
    for y in ys:
        assert len([m for m in marks if not m.vertical and m.y1 == y]) == 2  # left and right
    top, bottom = min(c.y for c in cards), max(c.bottom for c in cards)
    left, right = min(c.x for c in cards), max(c.right for c in cards)
    for mark in marks:
        if mark.vertical:
            assert mark.y2 < top or mark.y1 > bottom
        else:
            assert mark.x2 < left or mark.x1 > right
        assert 0 < min(mark.x1, mark.x2) and max(mark.x1, mark.x2) < paper.width
        assert 0 < min(mark.y1, mark.y2) and max(mark.y1, mark.y2) < paper.height


def test_the_printing_note_keeps_clear_of_the_marks():
    geometry = sheet_geometry(LETTER)
    note = geometry.note
    assert note.h >= 12  # room for two lines at the smallest size
    for mark in geometry.marks:
        inside_x = note.x <= mark.x1 <= note.right
        inside_y = note.y <= mark.y1 <= note.bottom or note.y <= mark.y2 <= note.bottom
        assert not (inside_x and inside_y)


@pytest.mark.parametrize("rtl", [False, True], ids=["ltr", "rtl"])
def test_the_single_card_folds_on_the_edge_its_two_sides_share(rtl):
    geometry = single_geometry(LETTER, rtl=rtl)
    assert {geometry.front.right, geometry.back.right} & {geometry.fold_x}
    assert {geometry.front.x, geometry.back.x} & {geometry.fold_x}
    assert (geometry.front.x > geometry.back.x) == rtl  # the holder's side comes first in reading order
    assert (geometry.front.w, geometry.front.h) == (CARD_WIDTH, CARD_HEIGHT)
    assert [m for m in geometry.marks if m.fold and m.x1 == geometry.fold_x]
    assert geometry.instructions.bottom < geometry.front.y


def catalog(entries: dict[str, str], locale: str = "ht"):
    """Compiled gettext translations made from a dict, as kyr.catalogs makes them from a .po file."""
    buffer = io.BytesIO()
    messages = Catalog(locale=locale)
    for msgid, msgstr in entries.items():
        messages.add(msgid, msgstr)
    write_mo(buffer, messages)
    buffer.seek(0)
    return Translations(fp=buffer)


def test_a_string_without_translation_is_shown_in_english_and_reported():
    strings = PrintStrings(catalog({"Do not open the door.": "Pa louvri pòt la."}), make_language("ht"))
    assert strings.translate("Do not open the door.") == "Pa louvri pòt la."
    assert strings.translate("Ask for a lawyer.") == "Ask for a lawyer."
    assert strings.english_fallbacks == ("Ask for a lawyer.",)
    assert strings.used == ("Ask for a lawyer.", "Do not open the door.")


def test_english_itself_reports_no_fallbacks():
    strings = PrintStrings(gettext.NullTranslations(), make_language("en", is_source=True))
    strings.translate("Ask for a lawyer.")
    assert strings.english_fallbacks == ()


def test_translations_are_escaped_normalised_and_labelled_with_their_msgid():
    decomposed = "Đu\u0301ng <b>"  # a Vietnamese translator's editor may leave combining accents
    strings = PrintStrings(catalog({"Hello %(name)s": decomposed + " %(name)s"}, "vi"), make_language("vi"))
    html = str(strings.labelled("Hello %(name)s", name="<i>"))
    assert html == '<span data-msgid="Hello %(name)s">Đúng &lt;b&gt; &lt;i&gt;</span>'
    runs = visible_texts(f"<p>{html}</p><p data-text='hotline.name'>Line</p><style>p{{}}</style>")
    assert [(r.text, r.label, r.kind) for r in runs] == [
        ("Đúng <b> <i>", "Hello %(name)s", "msgid"),
        ("Line", "hotline.name", "text"),
    ]


POSTER_PROMISES = {
    "no_status_questions": ("We do not ask about your immigration status to give you care.",),
    "shares_only_when_required": ("We share your information with police or immigration agents only when the law requires it.",),
    "trained_contact_every_shift": (
        "If immigration agents come, one trained staff member meets them, and we call our lawyer.",
        "If immigration agents come, one trained staff member meets them.",
    ),
    "calls_counsel": (
        "If immigration agents come, one trained staff member meets them, and we call our lawyer.",
        "If immigration agents come, we call our lawyer right away.",
    ),
}


def poster_labels(project_root, clinic, language) -> set[str]:
    """The msgids the waiting-room poster shows in `language` (the HTML layer; no PDF)."""
    strings = PrintStrings(load_translations(project_root / "translations", language.code, tag=language.tag), language)
    context = PrintContext(
        clinic=clinic, language=language, strings=strings,
        urls=PrintUrls(home="https://kyr.test/", rights="https://kyr.test/rights/", detained="https://kyr.test/detained/"),
        font_stack="serif", latin_stack="serif",
    )
    poster = next(d for d in DOCUMENTS if d.key == "poster_letter")
    html = build_html(make_environment(project_root / "overrides"), poster, context)
    return {run.label for run in visible_texts(html) if run.kind == "msgid"}


@pytest.mark.parametrize("promise", sorted(POSTER_PROMISES))
def test_the_poster_leaves_out_a_promise_the_clinic_has_not_confirmed_in_every_language(project_root, promise):
    clinic = load_clinic(project_root / "clinic.yml")
    without = dataclasses.replace(clinic, promises=clinic.promises - {promise})
    for language in read_site_languages(project_root / "mkdocs.yml"):
        confirmed, unconfirmed = poster_labels(project_root, clinic, language), poster_labels(project_root, without, language)
        assert any(msgid in confirmed for msgid in POSTER_PROMISES[promise]), language.code
        assert not set(POSTER_PROMISES[promise]) & unconfirmed, language.code
        assert "We care for every patient, whatever their immigration status." in unconfirmed
def test_print_shop_card_is_the_trim_with_a_safe_area_inside_and_room_for_marks_outside():
    from kyr.printables.layout import BLEED, print_shop_geometry

    geometry = print_shop_geometry()
    assert (geometry.trim.w, geometry.trim.h) == (CARD_WIDTH, CARD_HEIGHT)
    assert (geometry.safe.x, geometry.safe.y) == (0.125 * 72, 0.125 * 72)
    assert geometry.safe.right == CARD_WIDTH - 0.125 * 72 and geometry.safe.bottom == CARD_HEIGHT - 0.125 * 72
    assert geometry.bleed == BLEED == 0.125 * 72
    # WeasyPrint draws crop marks in the outer half of its bleed: that half must lie beyond ours.
    assert geometry.outer / 2 > geometry.bleed


def test_a_pdf_x_document_without_a_cmyk_profile_is_written_as_a_plain_pdf(tmp_path):
    from kyr.printables.build import cmyk_profile
    from kyr.printables.layout import DOCUMENTS, document_options

    shop = next(d for d in DOCUMENTS if d.key == "card_print_shop")
    assert dict(document_options(shop, tmp_path / "cmyk.icc"))["pdf_variant"] == "pdf/x-4"
    assert "pdf_variant" not in dict(document_options(shop, None))
    tagged = next(d for d in DOCUMENTS if d.key == "handout_letter")
    assert dict(document_options(tagged, None)) == {"pdf_variant": "pdf/ua-1", "pdf_tags": True}
    assert cmyk_profile((tmp_path / "missing.icc",)) is None


def test_review_date_is_the_translations_own_or_else_the_english_pages(tmp_path):
    import datetime as dt

    from kyr.printables.build import review_date

    (tmp_path / "en").mkdir()
    (tmp_path / "es").mkdir()
    (tmp_path / "en" / "red-card.md").write_text("---\ntitle: Card\nlast_reviewed: 2026-11-23\n---\nText\n", encoding="utf-8")
    (tmp_path / "en" / "welcome.md").write_text("---\ntitle: Welcome\n---\nText\n", encoding="utf-8")
    (tmp_path / "es" / "red-card.md").write_text("---\ntitle: Tarjeta\nlast_reviewed: 2026-11-30\n---\nTexto\n", encoding="utf-8")
    spanish, vietnamese = make_language("es"), make_language("vi")
    assert review_date(tmp_path, spanish, "red-card.md") == dt.date(2026, 11, 30)
    assert review_date(tmp_path, vietnamese, "red-card.md") == dt.date(2026, 11, 23)
    assert review_date(tmp_path, spanish, "welcome.md") is None
    assert review_date(tmp_path, spanish, "missing.md") is None
