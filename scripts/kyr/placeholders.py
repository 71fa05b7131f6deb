"""Clinic values in Markdown: `{{ clinic.phone }}` and friends, resolved for one language, and the
clinic's promises kept or dropped as `clinic.yml` confirms them.

Pages in every language carry the same placeholders; the values live once, in `clinic.yml`.
"""

from __future__ import annotations

import difflib
import html
import re
from dataclasses import dataclass
from typing import Callable
from urllib.parse import urlsplit

from .clinic import Clinic, Phone
from .errors import ContentError
from .formatting import country_name, format_hours, join_list, language_names
from .languages import Language
from .promises import find_promise_blocks, is_marker, resolve_promises

PLACEHOLDER_RE = re.compile(r"\{\{\s*([A-Za-z_][\w.]*)\s*\}\}")

INLINE = (
    "clinic.name",
    "clinic.address",
    "clinic.phone",
    "clinic.website",
    "clinic.hotline.name",
    "clinic.hotline.phone",
    "clinic.hotline.hours",
    "clinic.interpreter_languages",
)
BLOCKS = ("clinic.legal_partners", "clinic.consulates", "site.languages")
KNOWN = INLINE + BLOCKS


@dataclass(frozen=True)
class LanguageLink:
    """A link to the same site in another language."""

    language: Language
    url: str


@dataclass(frozen=True)
class PlaceholderContext:
    """What a page's placeholders are resolved from."""

    clinic: Clinic
    language: Language
    gettext: Callable[[str], str]
    language_links: tuple[LanguageLink, ...] = ()


def find_placeholders(markdown: str) -> list[tuple[str, int]]:
    """Every placeholder name in `markdown`, with its 1-based line, in order."""
    return [(m.group(1), markdown.count("\n", 0, m.start()) + 1) for m in PLACEHOLDER_RE.finditer(markdown)]


def _in_code(markdown: str) -> list[tuple[int, int]]:
    spans = [m.span() for m in re.finditer(r"^(```|~~~).*?^\1\s*$", markdown, re.S | re.M)]
    spans += [m.span() for m in re.finditer(r"`[^`\n]+`", markdown)]
    return spans


def render_placeholders(markdown: str, context: PlaceholderContext, *, path: str | None = None, first_line: int = 1) -> str:
    """Replace every placeholder in `markdown`; raise `ContentError` at the line of an unknown one.

    Promise blocks (`{{ promise.<key> }}` ... `{{ promise.end }}`, kyr/promises.py) are checked
    first and resolved last, so every placeholder is checked, and every error counted in the
    page's own lines, whether the clinic confirmed the promise around it or not.
    `first_line` is the file line where `markdown` starts (after any front matter).
    """
    find_promise_blocks(markdown, path=path, first_line=first_line)
    code_spans = _in_code(markdown)

    def replace(match: re.Match) -> str:
        if any(start <= match.start() < end for start, end in code_spans):
            return match.group(0)
        name = match.group(1)
        if is_marker(name):
            return match.group(0)
        if name not in _RENDERERS:
            raise ContentError(
                f"unknown placeholder '{{{{ {name} }}}}'",
                path=path,
                line=markdown.count("\n", 0, match.start()) + first_line,
                hint=unknown_placeholder_hint(name),
            )
        return _RENDERERS[name](context)

    return resolve_promises(PLACEHOLDER_RE.sub(replace, markdown), context.clinic.promises)


def unknown_placeholder_hint(name: str) -> str:
    """The hint for an unknown `{{ name }}`: the closest name of its own family (`print.*` for a
    `print.` name), or that family's names; all names only when the family is unknown."""
    known = known_placeholders()
    family = name.split(".")[0]
    same = [k for k in known if k.split(".")[0] == family]
    if same:  # compare what follows the shared "print." or "clinic.", which would flatter any name
        rest = {k.partition(".")[2]: k for k in same}
        close = [rest[k] for k in difflib.get_close_matches(name.partition(".")[2], list(rest), n=1)]
    else:
        close = difflib.get_close_matches(name, known, n=1)
    if close:
        return f"did you mean '{{{{ {close[0]} }}}}'?"
    if same:
        return f"the {{{{ {family}.* }}}} placeholders are: {', '.join(same)}"
    return f"known placeholders: {', '.join(known)}"


def escape_markdown(text: str) -> str:
    """Text from `clinic.yml`, safe to drop into Markdown (no accidental emphasis, links or HTML)."""
    return re.sub(r"([\\`*_\[\]{}<>#|])", r"\\\1", text)


def isolated(text: str) -> str:
    """Clinic text (a name, an address) isolated from the text around it, so a Latin name with
    parentheses inside Arabic keeps its own order."""
    return f"<bdi>{escape_markdown(html.escape(text, quote=False))}</bdi>"


def phone_link(phone: Phone) -> str:
    """A tappable phone number."""
    return f"[{phone.display}]({phone.tel_url})"


def web_link(url: str) -> str:
    """A link whose text is the address without `https://`."""
    parts = urlsplit(url)
    shown = parts.netloc + (parts.path.rstrip("/") if parts.path not in ("", "/") else "")
    return f"[{shown}]({url})"


def _own_name(language: Language) -> tuple[str, str] | None:
    """(code, own name) of a language CLDR lacks, so lists of languages name it as its readers do."""
    return None if language.has_cldr else (language.code, language.name)


def _legal_partners(ctx: PlaceholderContext) -> str:
    _ = ctx.gettext
    locale = ctx.language.locale
    phone, hours, languages, website = _("Phone"), _("Hours"), _("Languages"), _("Website")
    after_hours = _("Answers after hours for emergencies.")
    items = []
    for partner in ctx.clinic.legal_partners:
        lines = [f"- **{isolated(partner.name)}**"]
        lines.append(f"    {phone}: {phone_link(partner.phone)}")
        lines.append(f"    {hours}: {format_hours(partner.hours, locale, _)}")
        if partner.after_hours:
            lines.append(f"    {after_hours}")
        lines.append(f"    {languages}: {join_list(language_names(partner.languages, locale, own=_own_name(ctx.language)), locale)}")
        if partner.website:
            lines.append(f"    {website}: {web_link(partner.website)}")
        items.append("  \n".join(lines))
    if not items:
        return _("Ask at the front desk for the legal services we trust.")
    return "\n\n".join(items)


def _consulates(ctx: PlaceholderContext) -> str:
    _ = ctx.gettext
    locale = ctx.language.locale
    items = []
    for consulate in ctx.clinic.consulates:
        title = _("Consulate of %(country)s") % {"country": country_name(consulate.country, locale)}
        line = f"- **{escape_markdown(title)}** ({isolated(consulate.city)}): {phone_link(consulate.phone)}"
        if consulate.website:
            line += f" · {web_link(consulate.website)}"
        items.append(line)
    if not items:
        return _("Ask at the front desk for your consulate's phone number.")
    return "\n".join(items)


def _site_languages(ctx: PlaceholderContext) -> str:
    # Raw HTML: links to other languages' folders are not Markdown pages MkDocs could check.
    items = "".join(
        f'<li><a href="{html.escape(link.url)}" lang="{link.language.tag}" hreflang="{link.language.tag}"'
        f' dir="{link.language.direction}">{html.escape(link.language.name)}</a></li>'
        for link in ctx.language_links
    )
    return f'<ul class="kyr-languages">{items}</ul>'


_RENDERERS: dict[str, Callable[[PlaceholderContext], str]] = {
    "clinic.name": lambda c: isolated(c.clinic.name),
    "clinic.address": lambda c: isolated(c.clinic.address),
    "clinic.phone": lambda c: phone_link(c.clinic.phone),
    "clinic.website": lambda c: web_link(c.clinic.website) if c.clinic.website else phone_link(c.clinic.phone),
    "clinic.hotline.name": lambda c: isolated(c.clinic.hotline.name),
    "clinic.hotline.phone": lambda c: phone_link(c.clinic.hotline.phone),
    "clinic.hotline.hours": lambda c: format_hours(c.clinic.hotline.hours, c.language.locale, c.gettext),
    "clinic.interpreter_languages": lambda c: join_list(language_names(c.clinic.interpreter_languages, c.language.locale, own=_own_name(c.language)), c.language.locale),
    "clinic.legal_partners": _legal_partners,
    "clinic.consulates": _consulates,
    "site.languages": _site_languages,
}


def register_placeholder(name: str, renderer: Callable[[PlaceholderContext], str]) -> None:
    """Let a module above this one provide `{{ name }}`: the print materials provide `{{ print.* }}`
    and `{{ card.officer }}` (kyr/printables/markdown.py). The built-in names cannot be replaced."""
    if name in KNOWN:
        raise ValueError(f"'{name}' is a built-in placeholder")
    _RENDERERS[name] = renderer


def known_placeholders() -> tuple[str, ...]:
    """Every placeholder name: the built-in ones (`KNOWN`) and those registered by other modules."""
    return KNOWN + tuple(name for name in _RENDERERS if name not in KNOWN)
