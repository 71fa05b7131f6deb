"""The launch languages: every page translated, honestly labelled, and every catalog complete."""

from __future__ import annotations

import io

import pytest
from babel.messages.mofile import write_mo

from kyr.catalogs import catalog_path, read_catalog
from kyr.languages import read_site_languages
from kyr.pages import FINGERPRINT_RE, STATUSES, read_page

from kyrtest import ROOT

DOCS = ROOT / "docs"
ENGLISH = sorted(p.relative_to(DOCS / "en") for p in (DOCS / "en").rglob("*.md"))
TRANSLATED = [lang for lang in read_site_languages(ROOT / "mkdocs.yml") if not lang.is_source]
PAIRS = [(lang.code, page) for lang in TRANSLATED for page in ENGLISH]


@pytest.mark.parametrize("code, page", PAIRS, ids=[f"{c}/{p}" for c, p in PAIRS])
def test_every_english_page_is_translated_with_valid_front_matter(code, page):
    path = DOCS / code / page
    assert path.is_file(), f"{path} is missing"
    translated = read_page(path)
    for key in ("title", "description", "last_reviewed"):
        assert translated.meta.get(key), f"{path}: front matter lacks '{key}'"
    block = translated.translation
    assert block.get("status") in STATUSES, f"{path}: translation.status must be one of {STATUSES}"
    assert FINGERPRINT_RE.match(str(block.get("source", ""))), f"{path}: translation.source must look like sha256:0123456789ab"


@pytest.mark.parametrize("code, page", PAIRS, ids=[f"{c}/{p}" for c, p in PAIRS])
def test_machine_drafts_say_so_in_front_matter(code, page):
    path = DOCS / code / page
    if not path.is_file():
        pytest.skip("missing pages are reported by the test above")
    block = read_page(path).translation
    if block.get("status") == "machine":
        assert "machine" in str(block.get("by", "")).lower(), f"{path}: a machine draft's 'by' must say it was machine-made"


@pytest.mark.parametrize("language", TRANSLATED, ids=[lang.code for lang in TRANSLATED])
def test_every_catalog_compiles_and_is_complete(language):
    path = catalog_path(ROOT / "translations", language.code)
    catalog = read_catalog(path, locale=language.tag.replace("-", "_"))
    write_mo(io.BytesIO(), catalog)
    untranslated = [m.id for m in catalog if m.id and not m.string]
    fuzzy = [m.id for m in catalog if m.id and m.fuzzy]
    assert not untranslated, f"{path}: {len(untranslated)} untranslated, e.g. {untranslated[:3]}"
    assert not fuzzy, f"{path}: {len(fuzzy)} fuzzy, e.g. {fuzzy[:3]}"
    problems = [(message.id, [str(e) for e in errors]) for message, errors in catalog.check()]
    assert not problems, f"{path}: {problems[:3]}"


@pytest.mark.parametrize("language", TRANSLATED, ids=[lang.code for lang in TRANSLATED])
def test_every_catalog_uses_babels_plural_rule_for_its_language(language):
    path = catalog_path(ROOT / "translations", language.code)
    header = dict(read_catalog(path, locale=language.tag.replace("-", "_")).mime_headers).get("Plural-Forms")
    assert header == language.plural_forms, f"{path}: run 'kyr catalogs' to take Babel's rule"
