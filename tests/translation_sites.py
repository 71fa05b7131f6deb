"""Small projects for the translation tests: an mkdocs.yml naming the languages, English pages,
their translations and catalogs, written into tmp_path. No theme or clinic: the core needs neither."""

from __future__ import annotations

from pathlib import Path

import yaml

from kyr.languages import make_language
from kyr.pages import parse_page, source_fingerprint

DATA = Path(__file__).resolve().parent / "integrity" / "data"
NAMES = {"en": "English", "es": "Español", "ar": "العربية", "vi": "Tiếng Việt", "zh-hans": "中文 (简体)"}


def fingerprint_of(english: str) -> str:
    """The fingerprint a translation of the English page text `english` records."""
    return source_fingerprint(parse_page(english, "source.md"))


def with_fingerprint(translation: str, english: str) -> str:
    """`translation` with its `FINGERPRINT` token replaced by the fingerprint of `english`."""
    return translation.replace("FINGERPRINT", fingerprint_of(english))


def translation_site(
    root: Path,
    pages: dict[str, str],
    *,
    languages: tuple[str, ...] = ("en", "es"),
    catalogs: dict[str, str] | None = None,
    termbases: dict[str, str] | None = None,
) -> Path:
    """A project at `root` with `pages` (e.g. {"en/index.md": text}), catalogs ({"es": po text})
    and termbases ({"es": csv text}).

    A catalog's `PLURAL_FORMS` token becomes the language's rule from the installed Babel: the rule
    changes with CLDR (Spanish had two forms before Babel 2.19, three since), and a good catalog
    follows it."""
    root.mkdir(parents=True, exist_ok=True)
    config = {
        "site_name": "Test",
        "docs_dir": "docs",
        "plugins": [
            {"kyr": {"lang_tags": {}}},
            {"i18n": {"docs_structure": "folder", "languages": [
                {"locale": code, "name": NAMES.get(code, code), "default": code == languages[0], "build": True} for code in languages
            ]}},
        ],
    }
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    for name, text in pages.items():
        path = root / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (root / "docs").mkdir(exist_ok=True)
    for code, text in (catalogs or {}).items():
        path = root / "translations" / code / "LC_MESSAGES" / "messages.po"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text.replace("PLURAL_FORMS", make_language(code).plural_forms), encoding="utf-8")
    for code, text in (termbases or {}).items():
        path = root / "translations" / "termbase" / f"{code}.csv"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def data(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")
