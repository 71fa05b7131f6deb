"""The fonts of every language, and the check that no character is left without one."""

from __future__ import annotations

import pytest

from kyrtest import ROOT
from kyr.errors import PrintError
from kyr.languages import LanguageFacts, make_language, read_site_languages
from kyr.printables.fonts import Family, LabelledText, check_coverage, families_for, find_font, font_set

LANGUAGES = read_site_languages(ROOT / "mkdocs.yml")


@pytest.mark.parametrize(
    "code, tag, second",
    [
        ("ar", None, "Noto Naskh Arabic"),
        ("zh-hans", None, "Noto Sans CJK SC"),
        ("zh-hant", None, "Noto Sans CJK TC"),
        ("ko", None, "Noto Sans CJK KR"),
        ("vi", None, None),
        ("ru", None, None),
        ("pt", "pt-BR", None),
        ("pa", None, "Noto Sans Gurmukhi"),
        ("hi", None, "Noto Sans Devanagari"),
        ("bn", None, "Noto Sans Bengali"),
        ("fa", "fa-AF", "Noto Naskh Arabic"),
        ("ps", None, "Noto Naskh Arabic"),
        ("so", None, None),
        ("am", None, "Noto Sans Ethiopic"),
        ("ti", None, "Noto Sans Ethiopic"),
        ("my", None, "Noto Sans Myanmar"),
        ("uk", None, None),
    ],
    ids=["ar", "zh-hans", "zh-hant", "ko", "vi", "ru", "pt", "pa", "hi", "bn", "fa-AF", "ps", "so", "am", "ti", "my", "uk"],
)
def test_each_script_gets_its_noto_family_after_noto_sans(code, tag, second):
    names = [family.name for family in families_for(make_language(code, tag=tag))]
    assert names == ["Noto Sans"] + (second.split(", ") if second else [])


def test_urdu_is_set_in_nastaliq_first_with_naskh_and_noto_sans_behind():
    assert [family.name for family in families_for(make_language("ur"))] == ["Noto Nastaliq Urdu", "Noto Naskh Arabic", "Noto Sans"]


def test_a_language_cldr_lacks_takes_the_script_of_its_tag_or_of_the_language_it_is_like():
    facts = LanguageFacts("Hmoob", "Hmong", "ltr", "nplurals=1; plural=0;", "en", "en")
    assert [f.name for f in families_for(make_language("hmn", facts=facts))] == ["Noto Sans"]
    assert [f.name for f in families_for(make_language("qaa-ethi", facts=facts))] == ["Noto Sans", "Noto Sans Ethiopic"]


@pytest.mark.parametrize("language", LANGUAGES, ids=[lang.code for lang in LANGUAGES])
def test_every_site_language_has_its_fonts_installed_regular_and_bold(language):
    fonts = font_set(language)
    assert {(f.family, f.weight) for f in fonts.files} == {(fam.name, w) for fam in fonts.families for w in ("regular", "bold")}
    assert all(f.path.is_file() for f in fonts.files)


SAMPLES = {
    "vi": "Quý vị có quyền giữ im lặng. Đừng ký bất cứ giấy tờ gì.",
    "ar": "من حقك أن تلتزم الصمت. لا توقّع على أي شيء.",
    "zh-hans": "您有权保持沉默。不要签署任何文件（100%）。",
    "zh-hant": "您有權保持沉默。不要簽署任何文件。",
    "ko": "침묵할 권리가 있어요. 아무것도 서명하지 마세요.",
    "ru": "Вы имеете право хранить молчание. Ничего не подписывайте.",
    "fr": "Des questions\u00a0? Appelez-nous\u00a0: (413) 555-0100",
    "en": "Monday–Friday 9:00\u202fAM–5:00\u202fPM",
    # The twelve languages of issue 14: characteristic letters of each alphabet, not translations to reuse.
    "pa": "ਤੁਹਾਨੂੰ ਚੁੱਪ ਰਹਿਣ ਦਾ ਹੱਕ ਹੈ। ਕਿਸੇ ਕਾਗਜ਼ ’ਤੇ ਦਸਤਖ਼ਤ ਨਾ ਕਰੋ।",
    "hi": "आपको चुप रहने का अधिकार है। किसी भी कागज़ पर हस्ताक्षर न करें।",
    "ur": "آپ کو خاموش رہنے کا حق ہے۔ کسی کاغذ پر دستخط نہ کریں۔ ٹ ڈ ڑ ں ے ۓ",
    "bn": "আপনার চুপ থাকার অধিকার আছে। কোনো কাগজে সই করবেন না। ৎ ড় য়",
    "fa": "شما حق دارید خاموش بمانید. هیچ کاغذی را امضا نکنید. پ چ ژ گ",
    "ps": "تاسو د چوپ پاتې کېدو حق لرئ. په هېڅ کاغذ لاسلیک مه کوئ. ښ ږ ځ څ ټ ړ ډ ڼ ۍ",
    "so": "Waxaad xaq u leedahay inaad aamusnaato. Waxba ha saxiixin.",
    "am": "ዝም የማለት መብት አለዎት። ምንም ነገር አይፈርሙ።",
    "ti": "ስቕ ናይ ምባል መሰል ኣለኩም። ዝኾነ ወረቐት ኣይትፈርሙ።",
    "my": "သင့်တွင် နှုတ်ဆိတ်နေပိုင်ခွင့် ရှိသည်။ မည်သည့်စာရွက်ကိုမျှ လက်မှတ်မထိုးပါနှင့်။",
    "uk": "Ви маєте право зберігати мовчання. Нічого не підписуйте. ґ є і ї ’",
    "hmn": "Koj muaj cai nyob twj ywm. Tsis txhob kos npe rau dab tsi.",
}
HMONG = LanguageFacts("Hmoob", "Hmong", "ltr", "nplurals=1; plural=0;", "en", "en")


def language_of(code: str):
    """The site's language `code`, or (before it is registered) the same from Babel or its facts."""
    found = next((lang for lang in LANGUAGES if lang.code == code), None)
    return found or make_language(code, tag={"fa": "fa-AF"}.get(code), facts=HMONG if code == "hmn" else None)


@pytest.mark.parametrize("code", SAMPLES, ids=list(SAMPLES))
def test_real_text_in_every_script_is_covered(code):
    language = language_of(code)
    check_coverage([LabelledText(SAMPLES[code], "sample")], language, font_set(language))


def test_a_character_no_font_has_fails_naming_language_string_and_character():
    language = next(lang for lang in LANGUAGES if lang.code == "vi")
    texts = [LabelledText("Đừng mở cửa.", "Do not open the door.", "msgid"), LabelledText("Đừng ký \ue000 gì.", "Do not sign anything.", "msgid")]
    located = lambda label, kind: (ROOT / "translations/vi/LC_MESSAGES/messages.po", 42)  # noqa: E731
    with pytest.raises(PrintError) as caught:
        check_coverage(texts, language, font_set(language), located)
    message = str(caught.value)
    assert "'vi'" in message and "'Do not sign anything.'" in message
    assert "U+E000" in message and "private use" in message and "Noto Sans" in message
    assert caught.value.line == 42 and caught.value.path.name == "messages.po"


def test_every_missing_character_is_listed_at_once():
    language = make_language("ru")
    texts = [LabelledText("a\ue000", "one"), LabelledText("b\U0001f9ff", "two"), LabelledText("Тест", "three")]
    with pytest.raises(PrintError) as caught:
        check_coverage(texts, language, font_set(language))
    assert "all 2 such characters" in str(caught.value)
    assert "U+E000" in str(caught.value) and "U+1F9FF" in str(caught.value)


def test_a_missing_font_family_names_the_debian_package_to_install():
    with pytest.raises(PrintError) as caught:
        find_font(Family("Noto Sans Imaginary", "fonts-noto-imaginary"), "regular")
    assert "fonts-noto-imaginary" in caught.value.hint
