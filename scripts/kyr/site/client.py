"""What our page script (overrides/assets/javascripts/kyr.js) needs, prepared at build time.

The script suggests the visitor's own language in that language's words: every page carries, for
each language of the site, its suggestion strings from its own gettext catalog, and the browser
language tags that should get it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from importlib import resources
from pathlib import Path
from typing import Callable, Iterable

from ..catalogs import load_translations
from ..languages import Language

# Browser tags that mean a language of ours without saying it the way we do.
BROWSER_ALIASES = {
    "zh-Hans": ("zh", "zh-CN", "zh-SG", "zh-MY"),
    "zh-Hant": ("zh-TW", "zh-HK", "zh-MO"),
    "tl": ("fil",),
    "fa-AF": ("prs",),  # Dari's ISO 639-3 code, which a few systems send
}


@dataclass(frozen=True)
class Suggestion:
    """One language as the suggestion banner shows it; `read` and `dismiss` are None if untranslated."""

    code: str
    tag: str
    dir: str
    name: str
    read: str | None
    dismiss: str | None
    match: tuple[str, ...]


def browser_matches(language: Language, languages: Iterable[Language]) -> tuple[str, ...]:
    """Lower-case browser tags (`navigator.languages`, cut to one or two subtags) meaning `language`."""
    base = language.tag.split("-")[0]
    same_base = [lang for lang in languages if lang.tag.split("-")[0] == base]
    tags = [language.tag, *BROWSER_ALIASES.get(language.tag, ())]
    if len(same_base) == 1:
        tags.append(base)
    return tuple(dict.fromkeys(tag.lower() for tag in tags))


def suggestion(language: Language, languages: Iterable[Language], gettext: Callable[[str], str]) -> Suggestion:
    """The suggestion for `language`, written with `gettext`, that language's own catalog."""
    _ = gettext
    # TRANSLATORS: a link, after the name of your language, shown at the top of a page to visitors whose phone prefers your language.
    read = _("Read this page in your language")
    # TRANSLATORS: a button that closes the offer to read the page in your language.
    dismiss = _("No, thank you")
    untranslated = not language.is_source
    return Suggestion(
        code=language.code,
        tag=language.tag,
        dir=language.direction,
        name=language.name,
        read=None if untranslated and read == "Read this page in your language" else read,
        dismiss=None if untranslated and dismiss == "No, thank you" else dismiss,
        match=browser_matches(language, languages),
    )


def client_data(current: Language, suggestions: Iterable[Suggestion]) -> dict:
    """The JSON our script reads from the page: the page's language, its folder (where its search
    index is), and every language's suggestion."""
    return {"current": current.code, "folder": current.folder, "languages": [asdict(s) for s in suggestions]}


def material_bundle() -> str:
    """The site-relative path of Material's script, which our script loads only when search opens."""
    folder = resources.files("material") / "templates" / "assets" / "javascripts"
    names = sorted(entry.name for entry in folder.iterdir() if entry.name.startswith("bundle.") and entry.name.endswith(".min.js"))
    if len(names) != 1:
        raise RuntimeError(f"expected one Material bundle, found {names or 'none'} in {folder}")
    return f"assets/javascripts/{names[0]}"


def all_suggestions(languages: list[Language], translations_dir: Path) -> list[Suggestion]:
    """Every language's suggestion, each written with its own catalog from `translations_dir`."""
    return [
        suggestion(language, languages, load_translations(translations_dir, language.code, tag=language.tag).gettext)
        for language in languages
    ]
