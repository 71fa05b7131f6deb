"""kyr.site.client: the language offer's strings, in each language's own words, and browser matching."""

from __future__ import annotations

from babel.support import NullTranslations

from kyr.languages import make_language
from kyr.site.client import browser_matches, client_data, material_bundle, suggestion

LANGUAGES = [make_language("en", is_source=True), make_language("es"), make_language("zh-hans"), make_language("zh-hant"), make_language("pt", tag="pt-BR"), make_language("tl")]


class Spanish(NullTranslations):
    def gettext(self, message):
        return {"Read this page in your language": "Leer esta página en su idioma", "No, thank you": "No, gracias"}.get(message, message)


def test_translated_strings_are_used_beside_the_native_name():
    offer = suggestion(LANGUAGES[1], LANGUAGES, Spanish().gettext)
    assert offer.read == "Leer esta página en su idioma" and offer.name == "Español"
    assert offer.dismiss == "No, gracias"
    assert (offer.tag, offer.dir) == ("es", "ltr")


def test_untranslated_strings_are_left_out_rather_than_shown_in_english():
    offer = suggestion(LANGUAGES[2], LANGUAGES, NullTranslations().gettext)
    assert offer.read is None and offer.dismiss is None
    assert offer.name == "中文 (简体)"


def test_the_source_language_keeps_its_own_strings():
    offer = suggestion(LANGUAGES[0], LANGUAGES, NullTranslations().gettext)
    assert offer.read == "Read this page in your language" and offer.dismiss == "No, thank you"


def test_browser_tags_that_mean_each_language():
    by_tag = {lang.tag: browser_matches(lang, LANGUAGES) for lang in LANGUAGES}
    assert by_tag["zh-Hans"] == ("zh-hans", "zh", "zh-cn", "zh-sg", "zh-my")
    assert "zh" not in by_tag["zh-Hant"] and "zh-tw" in by_tag["zh-Hant"]
    assert by_tag["pt-BR"] == ("pt-br", "pt")
    assert "fil" in by_tag["tl"]


def test_dari_is_offered_to_phones_set_to_dari_or_persian():
    dari = make_language("fa", tag="fa-AF")
    assert browser_matches(dari, [*LANGUAGES, dari]) == ("fa-af", "prs", "fa")


def test_client_data_names_the_page_language():
    data = client_data(LANGUAGES[1], [suggestion(lang, LANGUAGES, NullTranslations().gettext) for lang in LANGUAGES])
    assert data["current"] == "es" and [entry["code"] for entry in data["languages"]] == [l.code for l in LANGUAGES]


def test_material_bundle_is_found_in_the_installed_theme():
    assert material_bundle().startswith("assets/javascripts/bundle.") and material_bundle().endswith(".min.js")
