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


def keep_unchanged_date(template: Catalog, previous_path: Path) -> None:
    """Give `template` the creation date of the template at `previous_path` when its messages are the
    same: a date that changes on every run would rewrite every catalog, and conflict in every branch."""
    if not previous_path.is_file():
        return
    previous = read_catalog(previous_path)

    def messages(catalog: Catalog) -> list:
        return sorted((str(m.id), str(m.context), tuple(sorted({path for path, _line in m.locations})), " ".join(" ".join(m.auto_comments).split())) for m in catalog if m.id)

    if messages(previous) == messages(template):
        template.creation_date = previous.creation_date


def write_catalog(catalog: Catalog, path: Path, *, template: bool = False) -> None:
    """Write `catalog` to `path` atomically, sorted, without line numbers that churn diffs."""
    from babel.messages.pofile import write_po

    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    with open(tmp, "wb") as handle:
        write_po(handle, catalog, width=100, sort_output=True, include_lineno=False, omit_header=False, ignore_obsolete=True)
    tmp.replace(path)


def update_catalog(template: Catalog, path: Path, *, locale: str, plural_forms: str | None = None) -> Catalog:
    """Create or update the catalog at `path` from `template`, keeping existing translations.

    `plural_forms` (the language's `Plural-Forms` from Babel, see `languages.Language`) replaces the
    catalog's own header, so a catalog follows the plural rules of the Babel that is installed."""
    if path.is_file():
        catalog = read_catalog(path, locale=locale)
        catalog.update(template, update_header_comment=False)
    else:
        catalog = Catalog(locale=locale, project="kyr", charset="utf-8")
        catalog.update(template)
    if plural_forms:
        set_plural_forms(catalog, plural_forms)
    write_catalog(catalog, path)
    return catalog


def plural_forms_header(catalog: Catalog) -> str | None:
    """The catalog's `Plural-Forms` header as written in its file, or None."""
    return dict(catalog.mime_headers).get("Plural-Forms")


def same_plural_forms(a: str | None, b: str | None) -> bool:
    """Whether two `Plural-Forms` values say the same, ignoring spaces and a final semicolon."""
    def squeeze(value: str | None) -> str:
        return "".join((value or "").split()).rstrip(";")
    return squeeze(a) == squeeze(b)


def set_plural_forms(catalog: Catalog, plural_forms: str) -> None:
    """Write `plural_forms` into the catalog's header (Babel parses it back into the catalog)."""
    headers = [(name, value) for name, value in catalog.mime_headers if name != "Plural-Forms"]
    catalog.mime_headers = [*headers, ("Plural-Forms", plural_forms)]
