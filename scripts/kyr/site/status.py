"""The "Translation status" page: one virtual page per language, at `status/`, built from the same
coverage report as `kyr coverage`.

The page lists every language with its progress, then each language's stale, missing and
machine-drafted pages with links. Its words are in the reader's language (gettext); words the
catalog does not translate yet are marked as English.
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass
from typing import Callable

from babel.numbers import format_percent
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from ..coverage import CURRENT, MISSING, STALE, CoverageReport, LanguageCoverage
from ..formatting import format_review_date
from ..languages import Language
from ..review import is_due

STATUS_PAGE = "status.md"
Gettext = Callable[[str], str]


@dataclass(frozen=True)
class Text:
    """Words and the language they are really in."""

    text: str
    lang: str
    direction: str


class Words(str):
    """Text from a catalog that knows whether the catalog translated it."""

    translated: bool = False


def tracking(gettext: Gettext) -> Callable[[str], Words]:
    """A gettext that says, on each result, whether a translation was found."""

    def _(message: str) -> Words:
        text = gettext(message)
        words = Words(text)
        words.translated = text != message
        return words

    return _


def in_language(words: Words, reader: Language, source: Language, values: dict | None = None) -> Text:
    """`words` (formatted with `values`) and their language: the reader's, or English while untranslated."""
    same = reader.tag.split("-")[0] == source.tag.split("-")[0]
    language = reader if getattr(words, "translated", False) or same else source
    return Text(str(words) % values if values else str(words), language.tag, language.direction)


def status_src_uri(language: Language) -> str:
    """Where the status page of `language` pretends to live under docs/ (the i18n folder layout)."""
    return language.folder + STATUS_PAGE


def page_url(language: Language, rel: str, *, use_directory_urls: bool = True) -> str:
    """The site-relative URL of page `rel` (e.g. `rights/at-home.md`) in `language`."""
    return language.page_path(rel, use_directory_urls=use_directory_urls) or "./"


def _percent(value: float, reader: Language) -> str:
    return format_percent(value / 100, locale=reader.locale, numbering_system="latn")


def _link(url: str, text: str, language: Language) -> str:
    return f'<a href="{html.escape(url)}" lang="{language.tag}" dir="{language.direction}" hreflang="{language.tag}">{html.escape(text)}</a>'


def status_markdown(
    report: CoverageReport, reader: Language, gettext: Gettext, *, here: str, use_directory_urls: bool = True,
    review_period_days: int | None = None, today: dt.date | None = None,
) -> str:
    """The page's Markdown (raw HTML for the table and lists): `here` is the page's own URL. With
    `review_period_days`, the pages whose facts are older than that are listed first."""
    _ = tracking(gettext)
    source = report.source

    def t(words: Words, values: dict | None = None) -> str:
        text = in_language(words, reader, source, values)
        escaped = html.escape(text.text)
        return escaped if text.lang == reader.tag else f'<span lang="{text.lang}" dir="{text.direction}">{escaped}</span>'

    def url(language: Language, rel: str) -> str:
        return get_relative_url(page_url(language, rel, use_directory_urls=use_directory_urls), here)

    of = _("%(done)s of %(total)s")
    title = _("Translation status")
    out = [
        "---",
        f"title: {_yaml_string(title)}",
        "---",
        "",
        "<p>" + t(_("How much of this site is in each language, and which pages still need work. "
                    "A page that is not yet translated is shown in English.")) + "</p>",
        "",
        "<table>",
        "<thead><tr>"
        + "".join(f"<th>{t(h)}</th>" for h in (_("Language"), _("Pages up to date"), _("Words up to date"), _("Checked by a person")))
        + "</tr></thead>",
        "<tbody>",
    ]
    for lang in report.languages:
        checked = lang.reviewed("community") + lang.reviewed("legal")
        out.append(
            "<tr>"
            f'<td><a href="#{_anchor(lang.language)}" lang="{lang.language.tag}" dir="{lang.language.direction}">{html.escape(lang.language.name)}</a></td>'
            f"<td>{t(of, {'done': lang.count(CURRENT), 'total': len(lang.pages)})} ({_percent(lang.pages_percent, reader)})</td>"
            f"<td>{_percent(lang.words_percent, reader)}</td>"
            f"<td>{t(of, {'done': checked, 'total': len(lang.pages)})}</td>"
            "</tr>"
        )
    out += ["</tbody>", "</table>", ""]
    due = _due_for_review(report, reader, review_period_days, today)
    if due:
        out += ["<p>" + t(_("Due for review: the facts on these pages were last checked longer ago than the clinic's review period allows.")) + "</p>", "<ul>"]
        for language, rel, title, reviewed in due:
            out.append(f"<li>{_link(url(language, rel), title, language)} · {html.escape(format_review_date(reviewed, reader.locale))}</li>")
        out += ["</ul>", ""]
    headings = {
        "stale": _("Out of date: the English page has changed since it was translated."),
        "missing": _("Not yet translated (shown in English):"),
        "machine": _("Translated by software, not yet checked by a person:"),
        "done": _("Every page is translated, up to date and checked by a person."),
    }
    for lang in report.languages:
        out += _language_section(lang, source, {key: t(words) for key, words in headings.items()}, url)
    out += ["", "<p>" + t(_("Volunteers keep these translations up to date. To help, read the guide for translators "
                            "in the project's CONTRIBUTING.md file.")) + "</p>", ""]
    return "\n".join(out)


def _due_for_review(report: CoverageReport, reader: Language, period_days: int | None, today: dt.date | None) -> list[tuple[Language, str, str, dt.date]]:
    """(language the page is shown in, page, title, review date) of each page whose facts, as the
    reader's language shows them, were last checked longer ago than the period."""
    if period_days is None:
        return []
    coverage = report.language(reader.code)
    due = []
    for source in report.sources:
        page = coverage.page(source.rel) if coverage else None
        if page is not None and page.state != MISSING:
            language, title, reviewed = reader, page.title, page.last_reviewed
        else:
            language, title, reviewed = report.source, source.title, source.last_reviewed
        if is_due(reviewed, period_days, today):
            due.append((language, source.rel, title, reviewed))
    return due


def _language_section(lang: LanguageCoverage, source: Language, headings: dict[str, str], url) -> list[str]:
    language = lang.language
    out = ["", f'## {_escape_heading(language.name)} {{ #{_anchor(language)} lang="{language.tag}" dir="{language.direction}" }}', ""]
    stale = [p for p in lang.pages if p.state == STALE]
    missing = [p for p in lang.pages if p.state == MISSING]
    machine = [p for p in lang.pages if p.state == CURRENT and p.review == "machine"]
    if not stale and not missing and not machine:
        return out + [f"<p>{headings['done']}</p>"]
    if stale:
        out += [f"<p>{headings['stale']}</p>", "<ul>"]
        out += [f"<li>{_link(url(language, p.rel), p.title, language)} · {_link(url(source, p.rel), source.name, source)}</li>" for p in stale]
        out += ["</ul>"]
    if missing:
        out += [f"<p>{headings['missing']}</p>", "<ul>"]
        out += [f"<li>{_link(url(source, p.rel), p.title, source)}</li>" for p in missing]
        out += ["</ul>"]
    if machine:
        out += [f"<p>{headings['machine']}</p>", "<ul>"]
        out += [f"<li>{_link(url(language, p.rel), p.title, language)}</li>" for p in machine]
        out += ["</ul>"]
    return out


def _anchor(language: Language) -> str:
    return f"lang-{language.code}"


def _escape_heading(text: str) -> str:
    return html.escape(text).replace("{", "&#123;").replace("#", "&#35;")


def _yaml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def status_file(config, report: CoverageReport, reader: Language, languages: list[Language], gettext: Gettext, *, review_period_days: int | None = None) -> File:
    """The virtual status page of `reader`'s build, marked the way mkdocs-static-i18n marks its files."""
    use_directory_urls = config.use_directory_urls
    here = page_url(reader, STATUS_PAGE, use_directory_urls=use_directory_urls)
    content = status_markdown(report, reader, gettext, here=here, use_directory_urls=use_directory_urls, review_period_days=review_period_days)
    file = File.generated(config, status_src_uri(reader), content=content)
    # mkdocs-static-i18n reads these to point the language menu at this page in other languages.
    file.locale = reader.code
    file.locale_alternate_of = reader.code
    file.alternates = {lang.code: File.generated(config, status_src_uri(lang), content="") for lang in languages}
    return file
