"""`kyr catalogs` keeps every translation and takes the plural rule of the installed Babel."""

from __future__ import annotations

import re

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


def _project_with_one_message(tmp_path, text="Call a lawyer"):
    from translation_sites import translation_site

    site = translation_site(tmp_path / "site", {"en/index.md": "# Home\n"})
    (site / "overrides").mkdir(exist_ok=True)
    (site / "overrides" / "page.html").write_text('<p>{{ _("%s") }}</p>\n' % text, encoding="utf-8")
    return site


def test_running_catalogs_again_with_no_new_message_rewrites_nothing(tmp_path):
    from kyr.cli import main

    site = _project_with_one_message(tmp_path)
    assert main(["catalogs", "--project", str(site), "-q"]) == 0
    pot = site / "translations" / "messages.pot"
    po = site / "translations" / "es" / "LC_MESSAGES" / "messages.po"
    # An old date stands for an earlier run: with the same messages it must stay as it is.
    pot.write_text(re.sub(r"POT-Creation-Date: [^\\]*", "POT-Creation-Date: 2020-01-01 00:00+0000", pot.read_text(encoding="utf-8")), encoding="utf-8")
    assert main(["catalogs", "--project", str(site), "-q"]) == 0
    before = (pot.read_bytes(), po.read_bytes())
    assert b"POT-Creation-Date: 2020-01-01 00:00+0000" in before[0]
    assert main(["catalogs", "--project", str(site), "-q"]) == 0
    assert (pot.read_bytes(), po.read_bytes()) == before


def test_a_new_message_gives_the_template_a_new_date(tmp_path):
    from kyr.cli import main

    site = _project_with_one_message(tmp_path)
    assert main(["catalogs", "--project", str(site), "-q"]) == 0
    pot = site / "translations" / "messages.pot"
    pot.write_text(re.sub(r"POT-Creation-Date: [^\\]*", "POT-Creation-Date: 2020-01-01 00:00+0000", pot.read_text(encoding="utf-8")), encoding="utf-8")
    (site / "overrides" / "page.html").write_text('<p>{{ _("Call a lawyer now") }}</p>\n', encoding="utf-8")
    assert main(["catalogs", "--project", str(site), "-q"]) == 0
    assert b"2020-01-01" not in pot.read_bytes()
