"""Languages: tags, native names, direction and plurals come from Babel, not a table of ours.

Names and plural rules are CLDR data, which changes between Babel releases (Babel 2.19 gave
Portuguese, Spanish and French a third plural form for millions). So the expected values are what
the installed Babel says, looked up here the plain way; the literal names kept below are autonyms
that CLDR has written the same way for many releases, and they guard the composition of ours
(language, then script or region in brackets).
"""

from __future__ import annotations

import pytest
from babel import Locale
from babel.messages.plurals import get_plural

from kyr.errors import LanguageError
from kyr.languages import make_language, read_site_languages, tag_from_code


@pytest.mark.parametrize(
    "code, tag, name, direction",
    [
        ("es", "es", "Español", "ltr"),
        ("zh-hans", "zh-Hans", "中文 (简体)", "ltr"),
        ("zh-hant", "zh-Hant", "中文 (繁體)", "ltr"),
        ("ar", "ar", "العربية", "rtl"),
        ("ht", "ht", "Kreyòl Ayisyen", "ltr"),
        ("tl", "tl", "Tagalog", "ltr"),
    ],
)
def test_language_facts_come_from_babel(code, tag, name, direction):
    language = make_language(code)
    assert (language.tag, language.name, language.direction) == (tag, name, direction)


@pytest.mark.parametrize(
    "code, tag, name, english, direction",
    [
        ("pa", None, "ਪੰਜਾਬੀ", "Punjabi", "ltr"),
        ("hi", None, "हिन्दी", "Hindi", "ltr"),
        ("ur", None, "اردو", "Urdu", "rtl"),
        ("fa", "fa-AF", "دری", "Dari", "rtl"),  # CLDR names Afghanistan's Persian outright
        ("ps", None, "پښتو", "Pashto", "rtl"),
        ("am", None, "አማርኛ", "Amharic", "ltr"),
        ("ti", None, "ትግርኛ", "Tigrinya", "ltr"),
        ("my", None, "မြန်မာ", "Burmese", "ltr"),
    ],
)
def test_the_languages_of_issue_14_come_from_babel(code, tag, name, english, direction):
    language = make_language(code, tag=tag)
    assert (language.name, language.english_name, language.direction) == (name, english, direction)
    assert language.has_cldr and str(language.locale) == (tag or code).replace("-", "_")


def test_explicit_tag_names_the_region():
    portuguese = make_language("pt", tag="pt-BR")
    brazil = Locale.parse("pt_BR")
    assert portuguese.tag == "pt-BR"
    assert portuguese.name == "Português (Brasil)"
    assert portuguese.name.casefold() == f"{brazil.languages['pt']} ({brazil.territories['BR']})".casefold()


@pytest.mark.parametrize("code, tag", [("pt", "pt-BR"), ("es", "es"), ("fr", "fr"), ("ar", "ar"), ("ru", "ru"), ("zh-hans", "zh-Hans")])
def test_plural_rules_are_babels_for_the_tag(code, tag):
    rule = get_plural(Locale.parse(tag, sep="-"))
    assert make_language(code, tag=tag).plural_forms == f"nplurals={rule.num_plurals}; plural={rule.plural_expr};"


def test_arabic_has_six_plural_forms():
    # Six forms (zero, one, two, few, many, other) in every CLDR release Babel has shipped.
    assert make_language("ar").plural_forms.startswith("nplurals=6;")


def test_codes_are_written_in_bcp47_case():
    assert tag_from_code("zh-hans") == "zh-Hans"
    assert tag_from_code("pt-br") == "pt-BR"
    assert tag_from_code("sr_latn_rs") == "sr-Latn-RS"


def test_unknown_code_is_refused_with_suggestions():
    with pytest.raises(LanguageError) as caught:
        make_language("xx-fake")
    assert "unknown language code" in str(caught.value)
    assert caught.value.hint


def test_site_languages_put_english_first_with_every_launch_language(project_root):
    languages = read_site_languages(project_root / "mkdocs.yml")
    assert languages[0].code == "en" and languages[0].is_source
    tags = {lang.tag for lang in languages}
    assert {"es", "pt-BR", "ht", "zh-Hans", "zh-Hant", "vi", "ar", "fr", "ru", "ko", "tl"} <= tags


@pytest.mark.parametrize("typed, code", [("kreyol", "ht"), ("Español", "es"), ("tieng viet", "vi"), ("spanish", "es")])
def test_a_language_typed_by_its_own_or_english_name_suggests_its_code(typed, code):
    with pytest.raises(LanguageError) as caught:
        make_language(typed)
    assert f"'{code}'" in caught.value.hint.split(" or ")[0]
