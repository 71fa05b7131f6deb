"""Gettext catalogs (`translations/<lang>/LC_MESSAGES/messages.po`), through Babel only.

Catalogs are compiled in memory when the site is built; no `.mo` file is ever committed.
"""

from __future__ import annotations

import functools
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
        line = line + 1 if isinstance(line, int) else None  # Babel counts lines from 0
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
    stat = path.stat()
    compiled = _compiled(path.resolve(), stat.st_mtime_ns, stat.st_size, (tag or code).replace("-", "_"))
    return Translations(fp=io.BytesIO(compiled), domain=DOMAIN)


@functools.lru_cache(maxsize=64)  # `mkdocs serve` rebuilds in one process: parse each catalog once per change
def _compiled(path: Path, mtime_ns: int, size: int, locale: str) -> bytes:
    catalog = read_catalog(path, locale=locale)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


# Where translatable strings live: our Python code, our theme overrides and print templates.
EXTRACT_METHODS = [
    ("scripts/kyr/**.py", "python"),
    ("overrides/**.html", "jinja2"),
    ("overrides/**.js", "javascript"),
]
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2)}


def extract_template(project_dir: Path) -> Catalog:
    """Extract every translatable string of the project into a template catalog."""
    from babel.messages.extract import extract_from_dir

    template = Catalog(project="kyr", msgid_bugs_address=None, copyright_holder="kyr contributors", charset="utf-8")
    project_dir = Path(project_dir)
    for subdir in ("scripts", "overrides"):
        for filename, lineno, message, comments, context in extract_from_dir(
            project_dir / subdir,
            method_map=EXTRACT_METHODS and [(pattern.split("/", 1)[1], method) for pattern, method in EXTRACT_METHODS if pattern.startswith(subdir)],
            keywords=KEYWORDS,
            comment_tags=("TRANSLATORS:",),
            options_map={"**.html": {"extensions": "jinja2.ext.i18n", "newstyle_gettext": "true"}},
        ):
            template.add(message, None, [(f"{subdir}/{filename}", lineno)], auto_comments=comments, context=context)
    return template


def write_catalog(catalog: Catalog, path: Path, *, template: bool = False) -> None:
    """Write `catalog` to `path` atomically, sorted, without line numbers that churn diffs."""
    from babel.messages.pofile import write_po

    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    with open(tmp, "wb") as handle:
        write_po(handle, catalog, width=100, sort_output=True, include_lineno=False, omit_header=False, ignore_obsolete=True)
    tmp.replace(path)


def update_catalog(template: Catalog, path: Path, *, locale: str) -> Catalog:
    """Create or update the catalog at `path` from `template`, keeping existing translations."""
    if path.is_file():
        catalog = read_catalog(path, locale=locale)
        catalog.update(template, update_header_comment=False)
    else:
        catalog = Catalog(locale=locale, project="kyr", charset="utf-8")
        catalog.update(template)
    write_catalog(catalog, path)
    return catalog
