"""The note above a page that readers should read with care: drafted by software and not yet
checked by a person, older than its English page, or not yet translated at all.

Which note a page gets comes from the coverage report (the same one `kyr coverage` prints); its
words come from the reader's catalog, and say they are English where the catalog has no
translation yet, so screen readers and fonts treat them right.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from mkdocs.utils import get_relative_url

import datetime as dt

from ..coverage import MISSING, STALE, CoverageReport
from ..formatting import format_review_date
from ..languages import Language
from ..review import effective_date, is_due, period_months
from .status import Text, in_language, page_url, tracking

Gettext = Callable[[str], str]


@dataclass(frozen=True)
class Banner:
    kind: str  # "machine", "stale", "machine stale" or "fallback"
    message: Text
    link: Text | None  # "Read the English page", for translated pages
    english_url: str | None  # the English page, relative to this one
    source_tag: str


def name_in_text(language: Language) -> str:
    """The language's own name as written inside a sentence ("español", not "Español")."""
    locale = language.locale
    if locale.script:
        return locale.get_display_name(locale) or language.name
    return locale.languages.get(language.tag.split("-")[0]) or language.name


def banner_for(
    report: CoverageReport | None,
    language: Language,
    rel: str,
    gettext: Gettext,
    *,
    file_locale: str | None,
    here: str,
    use_directory_urls: bool = True,
) -> Banner | None:
    """The banner for page `rel` built in `language` (`file_locale`: the language its file is in)."""
    if language.is_source or report is None:
        return None
    _ = tracking(gettext)
    source = report.source
    if not any(page.rel == rel for page in report.sources):
        return None  # generated pages (the status page) and pages without an English source
    english = get_relative_url(page_url(source, rel, use_directory_urls=use_directory_urls), here)
    if file_locale is not None and file_locale != language.code:
        words = _("This page is not yet translated into %(language)s, so it is shown in English.")
        name = name_in_text(language) if words.translated else language.english_name
        message = in_language(words, language, source, {"language": name})
        return Banner("fallback", message, None, None, source.tag)
    coverage = report.language(language.code)
    page = coverage.page(rel) if coverage else None
    if page is None or page.state == MISSING:
        return None
    machine, stale = page.review == "machine", page.state == STALE
    if machine and stale:
        message = in_language(_("This page was translated by software and has not yet been checked by a person. "
                                "The English page has changed since then."), language, source)
    elif machine:
        message = in_language(_("This page was translated by software and has not yet been checked by a person."), language, source)
    elif stale:
        message = in_language(_("The English page has changed since this translation was made."), language, source)
    else:
        return None
    link = in_language(_("Read the English page"), language, source)
    kind = " ".join(k for k, on in (("machine", machine), ("stale", stale)) if on)
    return Banner(kind, message, link, english, source.tag)


def review_notice(
    report: CoverageReport | None, rel: str, meta: dict, language: Language, period_days: int | None,
    ngettext: Callable[[str, str, int], str], *, today: dt.date | None = None,
) -> Text | None:
    """The line telling readers that the facts of page `rel` (front matter `meta`; a translation
    without a date of its own has its English page's) are older than the clinic's review period,
    in their language (or in English, marked so, until the catalog translates it)."""
    if report is None:
        return None
    reviewed = effective_date(meta, report.source_review_date(rel))
    if not is_due(reviewed, period_days, today):
        return None
    source = report.source
    months = period_months(period_days)
    # Written out in the call so that `kyr catalogs` extracts them; compared below to know
    # whether the catalog translated them.
    text = ngettext(
        "These facts were last checked on %(date)s, more than %(num)s month ago.",
        "These facts were last checked on %(date)s, more than %(num)s months ago.",
        months,
    )
    english = {"These facts were last checked on %(date)s, more than %(num)s month ago.",
               "These facts were last checked on %(date)s, more than %(num)s months ago."}
    translated = text not in english or language.tag.split("-")[0] == source.tag.split("-")[0]
    shown = language if translated else source
    return Text(text % {"date": format_review_date(reviewed, shown.locale), "num": months}, shown.tag, shown.direction)
