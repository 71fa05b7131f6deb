"""Languages CLDR lacks (Hmong, hmn): declared facts in mkdocs.yml, validated at load, used downstream."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest

from kyr.catalogs import read_catalog
from kyr.cli import main
from kyr.clinic import Hours, OpeningSpan
from kyr.errors import ConfigError, LanguageError
from kyr.formatting import format_hours, format_review_date, language_names
from kyr.languages import LanguageFacts, make_language, read_site_languages
from kyr.new_language import choose_code, facts_from_options
from kyr.site.theme import material_language
from translation_sites import translation_site

DATA = Path(__file__).parent / "data" / "languages_without_cldr"
HMONG = ["--name", "Hmoob", "--english-name", "Hmong", "--direction", "ltr", "--plural-forms", "nplurals=1; plural=0;", "--like", "en", "--interface", "en"]
POT = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n\nmsgid "Read the English page"\nmsgstr ""\n'


def _mkdocs_yml(tmp_path: Path, facts_yaml: str) -> Path:
    path = tmp_path / "mkdocs.yml"
    path.write_text(
        "site_name: Test\nplugins:\n  - kyr:\n      languages_without_cldr:\n"
        + textwrap.indent(facts_yaml, " " * 8)
        + "  - i18n:\n      languages:\n        - locale: en\n          default: true\n        - locale: hmn\n",
        encoding="utf-8",
    )
    return path


def _site(tmp_path):
    site = translation_site(tmp_path / "site", {"en/index.md": "---\ntitle: Home\n---\n\nHello.\n"})
    (site / "translations").mkdir()
    (site / "translations" / "messages.pot").write_text(POT, encoding="utf-8")
    return site


def test_declared_facts_describe_the_language_and_its_formats_borrow_the_like_language(tmp_path):
    languages = {lang.code: lang for lang in read_site_languages(_mkdocs_yml(tmp_path, (DATA / "good-hmong.yml").read_text()))}
    hmong = languages["hmn"]
    assert (hmong.tag, hmong.name, hmong.english_name, hmong.direction) == ("hmn", "Hmoob", "Hmong", "ltr")
    assert hmong.plural_forms == "nplurals=1; plural=0;" and not hmong.has_cldr
    assert str(hmong.locale) == "en"
    assert format_review_date(dt.date(2026, 11, 23), hmong.locale) == "November 23, 2026"
    hours = Hours(always=False, spans=(OpeningSpan(0, 4, dt.time(9), dt.time(17)),))
    assert format_hours(hours, hmong.locale, lambda s: s) == "Monday–Friday 9:00\u202fAM–5:00\u202fPM"
    assert language_names(["es", "hmn"], hmong.locale, own=("hmn", "Hmoob")) == ["Spanish", "Hmoob"]


@pytest.mark.parametrize("case", sorted(p.stem for p in DATA.glob("bad-*.yml")))
def test_bad_facts_are_refused_naming_file_line_and_key(tmp_path, case):
    text = (DATA / f"{case}.yml").read_text(encoding="utf-8")
    path = _mkdocs_yml(tmp_path, text)
    with pytest.raises(ConfigError) as raised:
        read_site_languages(path)
    error = raised.value
    assert error.path == path and error.line is not None and error.hint
    assert error.key.startswith("plugins.kyr.languages_without_cldr")
    assert "Traceback" not in str(error)


def test_the_command_adds_a_language_cldr_lacks_with_its_facts_and_plural_rule(tmp_path, capsys):
    site = _site(tmp_path)
    assert main(["new-language", "hmn", "--project", str(site), *HMONG]) == 0
    assert "added hmn (hmn), Hmoob" in capsys.readouterr().out
    text = (site / "mkdocs.yml").read_text(encoding="utf-8")
    assert "languages_without_cldr:" in text and "locale: hmn" in text
    hmong = {lang.code: lang for lang in read_site_languages(site / "mkdocs.yml")}["hmn"]
    assert (hmong.name, hmong.like, hmong.interface) == ("Hmoob", "en", "en")
    catalog = read_catalog(site / "translations/hmn/LC_MESSAGES/messages.po")
    assert catalog.num_plurals == 1 and [m.id for m in catalog if m.id] == ["Read the English page"]
    # Running it again changes nothing; a second such language joins the same block.
    before = (site / "mkdocs.yml").read_bytes()
    assert main(["new-language", "hmn", "--project", str(site), *HMONG]) == 0
    assert (site / "mkdocs.yml").read_bytes() == before
    other = ["--name", "Lus Sim", *HMONG[2:]]  # qaa: ISO 639's private-use range, a second language CLDR lacks
    assert main(["new-language", "qaa", "--project", str(site), *other]) == 0
    languages = {lang.code: lang for lang in read_site_languages(site / "mkdocs.yml")}
    assert (languages["hmn"].name, languages["qaa"].name) == ("Hmoob", "Lus Sim")


def test_an_unknown_code_without_facts_says_how_to_add_such_a_language(tmp_path, capsys):
    site = _site(tmp_path)
    assert main(["new-language", "hmn", "--project", str(site)]) == 2
    err = capsys.readouterr().err
    assert "unknown language code 'hmn'" in err and "--name" in err and "--like" in err and "Traceback" not in err


def test_facts_for_a_language_babel_knows_are_refused():
    facts = facts_from_options("es", name="x", english_name="x", direction="ltr", plural_forms="nplurals=1; plural=0;", like="en", interface="en")
    with pytest.raises(LanguageError, match="Babel knows 'es'"):
        choose_code("es", facts=facts)


@pytest.mark.parametrize("options, flag", [
    ({"name": "Hmoob"}, "--english-name"),
    ({"name": "Hmoob", "english_name": "Hmong", "direction": "ltr", "plural_forms": "two", "like": "en", "interface": "en"}, "--plural-forms"),
    ({"name": "Hmoob", "english_name": "Hmong", "direction": "ltr", "plural_forms": "nplurals=1; plural=0;", "like": "qq", "interface": "en"}, "--like"),
])
def test_incomplete_or_wrong_options_name_the_flag(options, flag):
    with pytest.raises(LanguageError) as raised:
        facts_from_options("hmn", **options)
    assert flag in str(raised.value)


def test_the_help_documents_every_fact(capsys):
    assert main(["new-language", "--help"]) == 0
    out = capsys.readouterr().out
    for flag in ("--name", "--english-name", "--direction", "--plural-forms", "--like", "--interface"):
        assert flag in out


def test_materials_interface_is_the_declared_one():
    facts = LanguageFacts("Hmoob", "Hmong", "ltr", "nplurals=1; plural=0;", "en", "fr")
    assert material_language(make_language("hmn", facts=facts), {}) == "fr"


def test_a_translation_into_a_language_cldr_lacks_is_checked_and_stamped_with_the_like_languages_dates(tmp_path, capsys):
    from translation_sites import with_fingerprint

    site = _site(tmp_path)
    english = "---\ntitle: Home\n---\n\nSince January 20, 2025, call 1-800-898-7180.\n"
    (site / "docs" / "en" / "index.md").write_text(english, encoding="utf-8")
    assert main(["new-language", "hmn", "--project", str(site), *HMONG]) == 0
    page = site / "docs" / "hmn" / "index.md"
    page.parent.mkdir(parents=True)
    translated = "---\ntitle: Tsev\ntranslation:\n  status: machine\n  by: Machine draft, not yet reviewed by a person\n  source: FINGERPRINT\n---\n\nTxij li January 20, 2025, hu 1-800-898-7180.\n"
    page.write_text(with_fingerprint(translated, english), encoding="utf-8")
    capsys.readouterr()
    assert main(["check", "--strict", "--project", str(site)]) == 0, capsys.readouterr().out
    page.write_text(with_fingerprint(translated.replace("January 20", "January 21"), english), encoding="utf-8")
    assert main(["check", "--project", str(site)]) == 1
    assert "date" in capsys.readouterr().out
    page.write_text(translated.replace("FINGERPRINT", "sha256:000000000000"), encoding="utf-8")
    assert main(["stamp", str(page), "--project", str(site)]) == 0
