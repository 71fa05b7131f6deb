"""Material's interface words come from our catalogs where we translate them."""

from __future__ import annotations

import re
from pathlib import Path

import material

from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

from kyrtest import fixture_site, run_mkdocs


def test_our_catalog_translation_replaces_materials_interface_word(tmp_path):
    site = fixture_site(tmp_path)
    catalog = Catalog(locale="es")
    catalog.add("Search", "Buscar aquí", context="Material interface")
    po = site / "translations" / "es" / "LC_MESSAGES" / "messages.po"
    po.parent.mkdir(parents=True)
    with open(po, "wb") as handle:
        write_po(handle, catalog)
    result = run_mkdocs(site)
    assert result.returncode == 0, result.stderr
    spanish = (site / "site" / "es" / "index.html").read_text(encoding="utf-8")
    english = (site / "site" / "index.html").read_text(encoding="utf-8")
    assert 'placeholder="Buscar aquí"' in spanish
    assert 'placeholder="Search"' in english


def materials_own_word(code: str, key: str) -> str:
    """What the installed Material says for `key` in language `code` (its partial of translations)."""
    partial = Path(material.__file__).parent / "templates" / "partials" / "languages" / f"{code}.html"
    return re.search(rf'"{re.escape(key)}":\s*"([^"]*)"', partial.read_text(encoding="utf-8")).group(1)


def test_without_our_translation_materials_own_words_are_used(tmp_path):
    site = fixture_site(tmp_path)
    result = run_mkdocs(site)
    assert result.returncode == 0, result.stderr
    word = materials_own_word("es", "search.placeholder")
    assert f'placeholder="{word}"' in (site / "site" / "es" / "index.html").read_text(encoding="utf-8")
