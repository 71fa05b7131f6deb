"""The termbase: one CSV per language, read and validated once; the rule that finds a term."""

from __future__ import annotations

from pathlib import Path

import pytest

from kyr.errors import KyrError
from kyr.languages import read_site_languages
from kyr.termbase import forbidden_uses, mentions, parse_termbase, read_termbase, uses

HEADER = "source,target,accepted,forbidden,explanation,note,not_in\n"


def _term(row: str, code: str = "xx"):
    return parse_termbase(HEADER + row + "\n", Path(f"{code}.csv"), code).terms[0]


def test_an_english_term_is_found_as_a_whole_word_in_any_case_and_in_the_plural():
    term = _term("officer,agente,,,,")
    assert mentions("Show it to the Officers.", term) is not None
    assert mentions("officership", term) is None


@pytest.mark.parametrize("row, text", [
    ("lawyer,abogad,,,,", "Hable con dos abogados."),
    ("judicial warrant,судебн ордер,,,,", "называется судебным ордером (judicial warrant)"),
    ("lawyer,محام,,,,", "اسأل المحامي"),
    ("lawyer,律师,,,,", "我要和律师谈"),
    ("A-number,A號碼,,,,", "用A號碼撥打"),
    ("Know your rights,Connaissez vos droits,,,,", "Lisez « connaissez vos droits »."),
])
def test_a_form_matches_as_a_stem_or_inside_chinese_and_arabic_words(row, text):
    assert uses(text, _term(row))


def test_a_latin_form_does_not_match_in_the_middle_of_a_word():
    assert not uses("un papel judicial", _term("lawyer,dicial,,,,"))


def test_a_forbidden_variant_inside_an_approved_form_is_allowed():
    term = _term("bond,tiền bảo lãnh tại ngoại,,tiền bảo lãnh,,")
    assert forbidden_uses("đóng tiền bảo lãnh tại ngoại", term) == []
    assert forbidden_uses("đóng tiền bảo lãnh", term) == [(5, "tiền bảo lãnh")]


@pytest.mark.parametrize("text, line, key", [
    ("source,translation\nx,y\n", 1, "target"),
    (HEADER + "lawyer,,,,,\n", 2, "target"),
    (HEADER + "lawyer,abogado,,,,\nLawyer,letrado,,,,\n", 3, "source"),
    (HEADER + "lawyer,abogado,,abogado,,\n", 2, "forbidden"),
    ("source,target,colour\n", 1, "colour"),
])
def test_a_bad_termbase_is_refused_naming_its_line_and_column(text, line, key):
    with pytest.raises(KyrError) as caught:
        parse_termbase(text, Path("es.csv"), "es")
    assert (caught.value.line, caught.value.key) == (line, key)
    assert caught.value.hint


def test_every_language_of_the_project_has_a_readable_termbase_with_notario_explained(project_root):
    for language in read_site_languages(project_root / "mkdocs.yml"):
        if language.is_source:
            continue
        termbase = read_termbase(project_root / "translations", language.code)
        assert termbase is not None, language.code
        sources = {term.source: term for term in termbase.terms}
        assert {"notario", "Know your rights", "officer", "consent", "lawyer", "bond", "A-number", "red card"} <= set(sources), language.code
        assert sources["notario"].explanation, language.code


def test_an_english_phrase_listed_in_not_in_is_not_the_term():
    term = _term("officer,agente,,,,,privacy officer")
    assert mentions("Ask the privacy officer.", term) is None
    assert mentions("Ask the privacy officer, then show the officer the card.", term) is not None
