"""Gettext catalogs (`translations/<lang>/LC_MESSAGES/messages.po`), through Babel only.

Catalogs are compiled in memory when the site is built; no `.mo` file is ever committed.
"""

from __future__ import annotations

import io
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import PoFileError, read_po
from babel.support import NullTranslations, Translations

from .errors import CatalogError

DOMAIN = "messages"
TEMPLATE_NAME = f"{DOMAIN}.pot"


def catalog_path(translations_dir: Path, code: str) -> Path:
    """Where the catalog of language `code` lives."""
    return Path(translations_dir) / code / "LC_MESSAGES" / f"{DOMAIN}.po"


def read_catalog(path: Path, *, locale: str | None = None) -> Catalog:
    """Parse the `.po` file at `path`; raise `CatalogError` naming the file and line if broken."""
    try:
        with open(path, "rb") as handle:
            return read_po(handle, locale=locale, abort_invalid=True)
    except PoFileError as exc:
        line = getattr(exc, "lineno", None)
        raise CatalogError(
            f"this catalog cannot be read ({exc})",
            path=path,
            line=line,
            hint="open it in Poedit (or any PO editor) to find the broken entry; every msgid needs a quoted msgstr",
        ) from None
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise CatalogError(f"this catalog cannot be read ({exc})", path=path) from None


def load_translations(translations_dir: Path, code: str, *, tag: str | None = None) -> NullTranslations:
    """Gettext translations for `code`, compiled in memory; English (no-op) when no catalog exists."""
    path = catalog_path(translations_dir, code)
    if not path.is_file():
        return NullTranslations()
    catalog = read_catalog(path, locale=(tag or code).replace("-", "_"))
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return Translations(fp=buffer, domain=DOMAIN)
