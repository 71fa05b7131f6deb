"""`kyr catalogs` keeps every translation and takes the plural rule of the installed Babel."""

from __future__ import annotations

from babel.messages.catalog import Catalog

from kyr.catalogs import read_catalog, update_catalog
from kyr.languages import make_language

OLD_SPANISH = '''msgid ""
msgstr ""
"Language: es\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"
"Content-Type: text/plain; charset=utf-8\\n"

msgid "Call a lawyer"
msgstr "Llame a un abogado"
'''


def test_updating_a_catalog_rewrites_an_outdated_plural_rule_and_keeps_translations(tmp_path):
    path = tmp_path / "messages.po"
    path.write_text(OLD_SPANISH, encoding="utf-8")
    template = Catalog()
    template.add("Call a lawyer")
    spanish = make_language("es")
    update_catalog(template, path, locale="es", plural_forms=spanish.plural_forms)
    catalog = read_catalog(path, locale="es")
    assert dict(catalog.mime_headers)["Plural-Forms"] == spanish.plural_forms
    assert catalog.get("Call a lawyer").string == "Llame a un abogado"


def test_a_new_catalog_gets_babels_plural_rule(tmp_path):
    path = tmp_path / "ar" / "messages.po"
    template = Catalog()
    template.add("Call a lawyer")
    arabic = make_language("ar")
    update_catalog(template, path, locale="ar", plural_forms=arabic.plural_forms)
    assert dict(read_catalog(path, locale="ar").mime_headers)["Plural-Forms"] == arabic.plural_forms
