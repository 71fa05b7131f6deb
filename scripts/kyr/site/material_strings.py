"""The Material interface words a reader sees, as messages of our own catalogs.

Material has no translation for some of our languages (Haitian Creole) and sets others apart
from ours; where our catalog translates one of these, it wins over Material's.
"""

from __future__ import annotations

from typing import Callable


def material_strings(pgettext: Callable[[str, str], str]) -> dict[str, str]:
    """Material's key -> our translation, for the keys our catalog translates."""
    english = {
        "action.skip": pgettext("Material interface", "Skip to content"),
        "header": pgettext("Material interface", "Header"),
        "nav": pgettext("Material interface", "Navigation"),
        "footer": pgettext("Material interface", "Footer"),
        "footer.next": pgettext("Material interface", "Next"),
        "footer.previous": pgettext("Material interface", "Previous"),
        "search": pgettext("Material interface", "Search"),
        "search.placeholder": pgettext("Material interface", "Search"),
        "search.reset": pgettext("Material interface", "Clear"),
        "search.share": pgettext("Material interface", "Share"),
        "search.result.placeholder": pgettext("Material interface", "Type to start searching"),
        "search.result.none": pgettext("Material interface", "No matching documents"),
        "search.result.one": pgettext("Material interface", "1 matching document"),
        "search.result.other": pgettext("Material interface", "# matching documents"),
        "search.result.more.one": pgettext("Material interface", "1 more on this page"),
        "search.result.more.other": pgettext("Material interface", "# more on this page"),
        "search.result.term.missing": pgettext("Material interface", "Missing"),
        "select.language": pgettext("Material interface", "Select language"),
        "toc": pgettext("Material interface", "Table of contents"),
        "top": pgettext("Material interface", "Back to top"),
    }
    return english


def translated_material_strings(pgettext: Callable[[str, str], str]) -> dict[str, str]:
    """Only the strings our catalog actually translates (the rest stay Material's)."""
    untranslated = material_strings(lambda context, message: message)
    return {key: value for key, value in material_strings(pgettext).items() if value != untranslated[key]}
