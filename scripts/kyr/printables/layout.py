"""The printables as HTML, built from data: page geometry, crop marks, and the Jinja print templates.

Everything here is pure: it takes the clinic, the language, its translations and the templates, and
returns HTML text. Only `render.py` turns that HTML into PDF.
"""

from __future__ import annotations

import gettext as gettext_module
import unicodedata
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
import jinja2
from markupsafe import Markup, escape

from ..clinic import Clinic
from ..formatting import format_hours
from ..languages import Language
from .officer import OFFICER_SIDE, OfficerSide
from .qr import QUIET_MODULES, qr_svg

# -- geometry (PDF points: 72 to the inch) ----------------------------------------------------------

INCH = 72.0
MM = INCH / 25.4


@dataclass(frozen=True)
class Paper:
    name: str  # "letter" or "a4", used in file names
    width: float
    height: float

    @property
    def css_size(self) -> str:
        return f"{self.width:.2f}pt {self.height:.2f}pt"


LETTER = Paper("letter", 8.5 * INCH, 11 * INCH)
A4 = Paper("a4", 210 * MM, 297 * MM)

CARD_WIDTH, CARD_HEIGHT = 3.5 * INCH, 2 * INCH  # the wallet card, 3.5 x 2 in
CARD = Paper("card", CARD_WIDTH, CARD_HEIGHT)  # the print-shop file: one card per page, at trim size

# The print-shop card: colour runs BLEED past the trim, text stays SAFE inside it, and the crop
# marks sit in MARK_ROOM beyond the bleed (WeasyPrint draws them in the outer half of its bleed).
BLEED = 0.125 * INCH
SAFE = 0.125 * INCH
MARK_ROOM = 0.25 * INCH


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h


@dataclass(frozen=True)
class Mark:
    """A short line outside the cards showing where to cut (or, for `fold`, where to fold)."""

    x1: float
    y1: float
    x2: float
    y2: float
    fold: bool = False

    @property
    def vertical(self) -> bool:
        return self.x1 == self.x2


def card_grid(paper: Paper, columns: int = 2, rows: int = 5, *, top: float = 0.4 * INCH) -> tuple[Rect, ...]:
    """Cards edge to edge, row by row from the top left, centred across the page.

    Centred across, so the backs need only swap columns; set high, so the bottom margin has room
    for the printing instructions (a long-edge flip keeps every row where it was).
    """
    left = (paper.width - columns * CARD_WIDTH) / 2
    return tuple(
        Rect(left + column * CARD_WIDTH, top + row * CARD_HEIGHT, CARD_WIDTH, CARD_HEIGHT)
        for row in range(rows)
        for column in range(columns)
    )


def mirror_long_edge(rect: Rect, paper: Paper) -> Rect:
    """Where the back of the card at `rect` must be printed so the two sides line up when the
    sheet is printed double-sided and flipped on its long edge (left and right swap)."""
    return Rect(paper.width - rect.x - rect.w, rect.y, rect.w, rect.h)


def crop_marks(rects: tuple[Rect, ...], *, folds: tuple[float, ...] = (), gap: float = 5, length: float = 14) -> tuple[Mark, ...]:
    """Marks in the margin at every cutting line through `rects`, never on a card.

    Each vertical cut (an x where a card edge lies) gets a mark above and below the block of cards;
    each horizontal cut a mark left and right of it. `gap` keeps the ink off the cards if the
    cut is slightly off; x positions in `folds` are drawn as fold marks instead.
    """
    left = min(r.x for r in rects)
    right = max(r.right for r in rects)
    top = min(r.y for r in rects)
    bottom = max(r.bottom for r in rects)
    xs = sorted({round(x, 3) for r in rects for x in (r.x, r.right)})
    ys = sorted({round(y, 3) for r in rects for y in (r.y, r.bottom)})
    fold_xs = {round(x, 3) for x in folds}
    marks = []
    for x in xs:
        fold = x in fold_xs
        marks.append(Mark(x, top - gap - length, x, top - gap, fold))
        marks.append(Mark(x, bottom + gap, x, bottom + gap + length, fold))
    for y in ys:
        marks.append(Mark(left - gap - length, y, left - gap, y))
        marks.append(Mark(right + gap, y, right + gap + length, y))
    return tuple(marks)


@dataclass(frozen=True)
class SheetGeometry:
    """Page 1: fronts; page 2: the backs, mirrored for a long-edge flip; marks on both pages."""

    paper: Paper
    fronts: tuple[Rect, ...]
    backs: tuple[Rect, ...]
    marks: tuple[Mark, ...]
    back_marks: tuple[Mark, ...]
    note: Rect  # the printing instructions, in the bottom margin of page 1


def sheet_geometry(paper: Paper) -> SheetGeometry:
    fronts = card_grid(paper)
    backs = tuple(mirror_long_edge(rect, paper) for rect in fronts)
    bottom = max(r.bottom for r in fronts)
    left = min(r.x for r in fronts)
    # Below the first column, between its two marks: nothing a cutter needs is there.
    note = Rect(left + 8, bottom + 5, CARD_WIDTH - 16, min(paper.height - bottom - 5 - 0.2 * INCH, 40))
    return SheetGeometry(paper, fronts, backs, crop_marks(fronts), crop_marks(backs), note)


@dataclass(frozen=True)
class SingleGeometry:
    """One card on a page: front and back side by side, to cut out as one strip and fold in two."""

    paper: Paper
    front: Rect
    back: Rect
    marks: tuple[Mark, ...]
    fold_x: float
    instructions: Rect


def single_geometry(paper: Paper, *, rtl: bool = False) -> SingleGeometry:
    left = (paper.width - 2 * CARD_WIDTH) / 2
    top = 3.2 * INCH
    first = Rect(left, top, CARD_WIDTH, CARD_HEIGHT)
    second = Rect(left + CARD_WIDTH, top, CARD_WIDTH, CARD_HEIGHT)
    # Folding on the shared edge turns the second panel over onto the back, upright.
    front, back = (second, first) if rtl else (first, second)
    instructions = Rect(left, 0.8 * INCH, 2 * CARD_WIDTH, top - 0.8 * INCH - 0.6 * INCH)
    return SingleGeometry(paper, front, back, crop_marks((first, second), folds=(second.x,)), second.x, instructions)


@dataclass(frozen=True)
class PrintShopGeometry:
    """One card per page at trim size, for a print shop: the page box is the trim.

    `outer` is the CSS bleed WeasyPrint is given (the artwork's bleed plus room for crop marks),
    so the PDF's TrimBox is the card and its MediaBox `outer` larger on every side.
    """

    paper: Paper
    bleed: float
    safe: Rect  # text stays inside
    outer: float

    @property
    def trim(self) -> Rect:
        return Rect(0, 0, self.paper.width, self.paper.height)


def print_shop_geometry(paper: Paper = CARD) -> PrintShopGeometry:
    safe = Rect(SAFE, SAFE, paper.width - 2 * SAFE, paper.height - 2 * SAFE)
    return PrintShopGeometry(paper, BLEED, safe, BLEED + MARK_ROOM)


@dataclass(frozen=True)
class PageGeometry:
    """A one-page poster or handout: the page and its margin."""

    paper: Paper
    margin: float

    @property
    def inner_width(self) -> float:
        return self.paper.width - 2 * self.margin

    @property
    def inner_height(self) -> float:
        return self.paper.height - 2 * self.margin


# -- the documents ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Document:
    """One printable, made in every language."""

    key: str  # also the placeholder name: {{ print.<key> }}
    template: str  # under the templates folder
    paper: Paper
    pages: int
    stem: str  # the file name before "-<language code>.pdf"
    review_page: str = "red-card.md"  # the page (docs path) whose review date the piece prints
    options: tuple[tuple[str, object], ...] = ()  # WeasyPrint's write_pdf options (tags, PDF variant)
    bleed: float = 0.0  # how far the PDF's MediaBox reaches past the paper on each side

    @property
    def pdf_options(self) -> dict:
        return dict(self.options)

    def filename(self, language: Language) -> str:
        return f"{self.stem}-{language.code}.pdf"


# Read by screen readers: tagged (structure, reading order, alternative text) as PDF/UA-1.
TAGGED = (("pdf_variant", "pdf/ua-1"), ("pdf_tags", True))
# For a print shop: PDF/X-4 (TrimBox, BleedBox, and a CMYK output intent from `cmyk_profile`).
PRINT_SHOP = (("pdf_variant", "pdf/x-4"),)


def document_options(document: Document, profile: Path | None) -> tuple[tuple[str, object], ...]:
    """WeasyPrint's options for `document`: a PDF/X variant needs the CMYK profile, else it is dropped
    (a plain PDF with the same TrimBox and BleedBox, which print shops accept too)."""
    if profile is None and str(document.pdf_options.get("pdf_variant", "")).startswith("pdf/x"):
        return tuple(option for option in document.options if option[0] != "pdf_variant")
    return document.options


DOCUMENTS = (
    Document("card_single", "print/card-single.html", LETTER, 1, "red-card", options=TAGGED),
    Document("card_sheet_letter", "print/card-sheet.html", LETTER, 2, "red-cards-letter"),
    Document("card_sheet_a4", "print/card-sheet.html", A4, 2, "red-cards-a4"),
    Document("card_print_shop", "print/card-print-shop.html", CARD, 2, "red-card-print-shop", options=PRINT_SHOP, bleed=BLEED + MARK_ROOM),
    Document("poster_letter", "print/poster.html", LETTER, 1, "welcome-poster-letter", "welcome.md", TAGGED),
    Document("poster_a4", "print/poster.html", A4, 1, "welcome-poster-a4", "welcome.md", TAGGED),
    Document("handout_letter", "print/handout.html", LETTER, 1, "if-detained-letter", "detained.md", TAGGED),
)


def geometry_for(document: Document, language: Language):
    """The page geometry a document's template places things with."""
    if document.template.endswith("card-sheet.html"):
        return sheet_geometry(document.paper)
    if document.template.endswith("card-single.html"):
        return single_geometry(document.paper, rtl=language.is_rtl)
    if document.template.endswith("card-print-shop.html"):
        return print_shop_geometry(document.paper)
    return PageGeometry(document.paper, 0.55 * INCH)


# -- strings ----------------------------------------------------------------------------------------


class _Fallback(gettext_module.NullTranslations):
    """The end of a gettext chain: a msgid that reaches it has no translation, so English is shown."""

    def __init__(self, seen: set[str]) -> None:
        super().__init__()
        self.seen = seen

    def gettext(self, message: str) -> str:
        self.seen.add(message)
        return message


class PrintStrings:
    """The gettext of one language's printables.

    `_()` returns the translation wrapped in a span that names its msgid (`data-msgid`), so an error
    about a text that does not fit, or a character no font has, can say which string it is.
    `gettext()` returns plain text, for the PDF title. Msgids without a translation fall back to
    English and are listed in `english_fallbacks`.
    """

    def __init__(self, translations: gettext_module.NullTranslations, language: Language) -> None:
        self._translations = translations
        self._missing: set[str] = set()
        self._used: set[str] = set()
        if not language.is_source:
            translations.add_fallback(_Fallback(self._missing))

    @property
    def english_fallbacks(self) -> tuple[str, ...]:
        """The msgids shown in English because this language's catalog has no translation for them."""
        return tuple(sorted(self._missing))

    @property
    def used(self) -> tuple[str, ...]:
        """Every msgid the printables asked for."""
        return tuple(sorted(self._used))

    def translate(self, msgid: str, **variables) -> str:
        self._used.add(msgid)
        text = unicodedata.normalize("NFC", self._translations.gettext(msgid))
        return text % variables if variables else text

    def gettext(self, msgid: str, **variables) -> str:
        return self.translate(msgid, **variables)

    def labelled(self, msgid: str, **variables) -> Markup:
        self._used.add(msgid)
        text = unicodedata.normalize("NFC", self._translations.gettext(msgid))
        body = escape(text) % {k: v for k, v in variables.items()} if variables else escape(text)
        return Markup('<span data-msgid="{}">{}</span>').format(msgid, body)


# -- context and HTML -------------------------------------------------------------------------------


@dataclass(frozen=True)
class PrintUrls:
    """Absolute addresses the QR codes point at, in the document's language."""

    home: str
    rights: str
    detained: str


@dataclass(frozen=True)
class Stamp:
    """Printed small on every piece, so a card found in a drawer a year later says how old its
    words are and where to check them: the review date of the page they come from, and the site."""

    reviewed: str  # the date, written in the document's language
    reviewed_en: str  # the same date in English, for the officer's side of the card
    address: str  # the language's home page without "https://", e.g. "kyr.example.org/ar"


@dataclass(frozen=True)
class PrintContext:
    """Everything a language's printables are made from."""

    clinic: Clinic
    language: Language
    strings: PrintStrings
    urls: PrintUrls
    font_stack: str  # CSS font-family for the holder's language
    latin_stack: str  # CSS font-family for the English side
    logo: str | None = None  # a data: URI of the clinic's logo
    officer: OfficerSide = OFFICER_SIDE
    stamps: dict[str, Stamp] = field(default_factory=dict)  # docs path -> its review stamp
    cmyk_profile: Path | None = None  # the print-shop card's output profile (see build.cmyk_profile)


def make_environment(templates_dir: Path) -> jinja2.Environment:
    """The Jinja environment of the print templates (autoescaped; undefined names are errors)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["pt"] = lambda value: f"{value:.2f}pt"
    return env


def build_html(env: jinja2.Environment, document: Document, context: PrintContext) -> str:
    """The HTML of `document` in `context.language`."""
    template = env.get_template(document.template)
    language = context.language
    return template.render(
        _=context.strings.labelled,
        gettext=context.strings.gettext,
        document=document,
        paper=document.paper,
        geo=geometry_for(document, language),
        card_width=CARD_WIDTH,
        card_height=CARD_HEIGHT,
        clinic=context.clinic,
        language=language,
        rtl=language.is_rtl,
        start="right" if language.is_rtl else "left",
        end="left" if language.is_rtl else "right",
        urls=context.urls,
        qr=lambda url, border=QUIET_MODULES: Markup(qr_svg(url, border)),
        hotline_hours=format_hours(context.clinic.hotline.hours, language.locale, context.strings.translate),
        partner_hours=lambda partner: format_hours(partner.hours, language.locale, context.strings.translate),
        font_stack=Markup(context.font_stack),
        latin_stack=Markup(context.latin_stack),
        logo=context.logo,
        officer=context.officer,
        stamp=context.stamps.get(document.review_page),
        cmyk_profile=context.cmyk_profile.as_uri() if context.cmyk_profile else None,
    )


# -- reading the text back out ----------------------------------------------------------------------


@dataclass(frozen=True)
class TextRun:
    """A piece of visible text and the label of the string it belongs to."""

    text: str
    label: str | None  # a msgid (data-msgid) or a clinic.yml key (data-text)
    kind: str | None  # "msgid", "text" or None


class _TextCollector(HTMLParser):
    _HIDDEN = {"style", "script", "title", "svg"}
    _VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None, str | None]] = []
        self.runs: list[TextRun] = []

    def handle_starttag(self, tag, attrs):
        if tag in self._VOID:
            return
        attrs = dict(attrs)
        label, kind = self.stack[-1][1:] if self.stack else (None, None)
        if attrs.get("data-msgid") is not None:
            label, kind = attrs["data-msgid"], "msgid"
        elif attrs.get("data-text") is not None:
            label, kind = attrs["data-text"], "text"
        self.stack.append((tag, label, kind))

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                return

    def handle_data(self, data):
        if not data.strip() or any(tag in self._HIDDEN for tag, _, _ in self.stack):
            return
        label, kind = self.stack[-1][1:] if self.stack else (None, None)
        self.runs.append(TextRun(data, label, kind))


def visible_texts(html_text: str) -> list[TextRun]:
    """The text a reader will see on the printable (not the title, styles or QR drawing), labelled."""
    collector = _TextCollector()
    collector.feed(html_text)
    collector.close()
    return collector.runs
