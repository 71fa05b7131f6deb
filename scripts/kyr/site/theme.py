"""What our theme overrides need from the core, prepared for Jinja."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from importlib import resources

from ..formatting import format_review_date
from ..languages import Language


def _material_languages() -> set[str]:
    folder = resources.files("material") / "templates" / "partials" / "languages"
    return {entry.name.removesuffix(".html") for entry in folder.iterdir() if entry.name.endswith(".html")}


def material_language(language: Language, fallbacks: dict) -> str:
    """The Material interface translation used for `language`: its own, the closest, or a chosen fallback."""
    available = _material_languages()
    base = language.tag.split("-")[0]
    candidates = [language.tag, language.code, f"{base}-{language.tag.split('-')[1]}" if "-" in language.tag else base]
    candidates.append(fallbacks.get(language.code, ""))
    candidates.append(base)
    return next((c for c in candidates if c and c in available), "en")


@dataclass(frozen=True)
class PageFooter:
    """The notice printed under every page."""

    last_reviewed: str | None


def page_footer(meta: dict, language: Language) -> PageFooter:
    """The review date of a page, written in `language`, if the page has one."""
    value = meta.get("last_reviewed")
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value)
        except ValueError:
            value = None
    return PageFooter(format_review_date(value, language.locale) if isinstance(value, dt.date) else None)
