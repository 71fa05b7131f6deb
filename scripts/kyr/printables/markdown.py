"""What the print materials add to the Markdown pages: links to the PDFs and the officer's side.

- `{{ print.card_single }}`, `{{ print.card_sheet_letter }}`... : a link to that PDF in the page's language;
- `{{ print.materials }}` (a block): every PDF, with a line on what it is for;
- `{{ card.officer }}` (a block): the English side of the card, full screen, for the "Show this card" page.

The links are raw HTML on purpose: the PDFs are made after the pages, so they are not files MkDocs
could check a Markdown link against, and a strict build would warn.
"""

from __future__ import annotations

import html
import posixpath

from ..placeholders import PlaceholderContext, register_placeholder
from .build import PRINT_FOLDER
from .layout import DOCUMENTS, Document
from .officer import OFFICER_SIDE, OfficerSide


def _(message: str) -> str:
    """Marks a string for extraction; it is translated when the page is built, in the page's language."""
    return message


# What each PDF is called in a link, and what it is for.
TITLES = {
    "card_single": _("One red card to print at home (PDF)"),
    "card_sheet_letter": _("Ten red cards on US Letter paper (PDF)"),
    "card_sheet_a4": _("Ten red cards on A4 paper (PDF)"),
    "card_print_shop": _("Red cards from a print shop: one card per page, with bleed and crop marks (PDF)"),
    "poster_letter": _("Waiting-room poster, US Letter (PDF)"),
    "poster_a4": _("Waiting-room poster, A4 (PDF)"),
    "handout_letter": _("Handout: if someone you love is detained (PDF)"),
}
NOTES = {
    "card_single": _("Print one page, cut the card out and fold it in two."),
    "card_sheet_letter": _("Print double-sided, flipping on the long edge, then cut along the marks."),
    "card_sheet_a4": _("Print double-sided, flipping on the long edge, then cut along the marks."),
    "card_print_shop": _("To order hundreds or thousands, send this file and ask for 3.5 x 2 inch cards, printed on both sides, on card stock."),
    "poster_letter": _("Our welcome statement in large type, with a code to scan for this website."),
    "poster_a4": _("Our welcome statement in large type, with a code to scan for this website."),
    "handout_letter": _("The steps to take and the numbers to call, on one page."),
}


def pdf_href(ctx: PlaceholderContext, document: Document) -> str:
    """The PDF's address relative to the page: `<language root>/print/<file>`."""
    root = next((link.url for link in ctx.language_links if link.language.code == ctx.language.code), ".")
    return posixpath.normpath(posixpath.join(root or ".", PRINT_FOLDER, document.filename(ctx.language)))


def pdf_link(ctx: PlaceholderContext, document: Document) -> str:
    title = html.escape(ctx.gettext(TITLES[document.key]))
    # href first: kyr/links.py then gives the link its printed address, like every other link.
    return f'<a href="{html.escape(pdf_href(ctx, document))}" class="kyr-pdf" type="application/pdf">{title}</a>'


def materials_list(ctx: PlaceholderContext) -> str:
    items = "".join(
        f"<li>{pdf_link(ctx, document)}<br>{html.escape(ctx.gettext(NOTES[document.key]))}</li>" for document in DOCUMENTS
    )
    return f'<ul class="kyr-print-materials">{items}</ul>'


def officer_card(ctx: PlaceholderContext, side: OfficerSide = OFFICER_SIDE) -> str:
    """The officer's side, in English, filling the screen; a link in the reader's language closes it.

    No script: the card covers the screen unless the "close" anchor is the page's target, so it
    shows at once, offline, from the cached page alone.
    """
    gettext = ctx.gettext
    close, reopen = gettext("Close the card"), gettext("Show the card full screen")
    language = ctx.language
    statements = "".join(f"<li>{html.escape(text)}</li>" for text in side.statements)
    own = f'lang="{language.tag}" dir="{language.direction}"'
    return (
        '<div class="kyr-show-card">'
        '<div id="kyr-card-closed" class="kyr-card-anchor"></div>'
        '<div id="kyr-card" class="kyr-officer" lang="en" dir="ltr" role="region" aria-label="To the officer">'
        f'<a class="kyr-officer__close" href="#kyr-card-closed" {own}>{html.escape(close)}</a>'
        f'<p class="kyr-officer__heading">{html.escape(side.heading)}</p>'
        f'<p class="kyr-officer__lead">{html.escape(side.lead)}</p>'
        f'<ul class="kyr-officer__list">{statements}</ul>'
        "</div>"
        f'<p class="kyr-card-reopen" {own}><a href="#kyr-card">{html.escape(reopen)}</a></p>'
        "</div>"
    )


for _document in DOCUMENTS:
    register_placeholder(f"print.{_document.key}", lambda ctx, document=_document: pdf_link(ctx, document))
register_placeholder("print.materials", materials_list)
register_placeholder("card.officer", officer_card)
