"""The site as a clinic builds it: strict, every page, clinic values in every language."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from kyrtest import ROOT, fixture_site, run_mkdocs

ENGLISH_PAGES = sorted(p.relative_to(ROOT / "docs" / "en") for p in (ROOT / "docs" / "en").rglob("*.md"))
BAD_CLINICS = sorted((ROOT / "tests" / "data" / "clinic").glob("bad-*.yml"))


def built_page(site: Path, page: Path, lang: str = "") -> Path:
    stem = page.with_suffix("")
    folder = stem.parent if stem.name == "index" else stem
    return site / lang / folder / "index.html"


def test_real_site_builds_strict_with_every_english_page(built_site):
    assert ENGLISH_PAGES, "docs/en holds the source pages"
    for page in ENGLISH_PAGES:
        assert built_page(built_site, page).is_file(), f"{page} was not built"


# Sections other pages link to by anchor; the ids are set in the Markdown ({#id}) so they stay the
# same in every language. MkDocs does not fail a strict build on a missing anchor, so this test does.
SECTION_ANCHORS = [
    ("rights/court-and-check-ins.md", "check-ins"),
    ("rights/court-and-check-ins.md", "change-of-address"),
    ("rights/court-and-check-ins.md", "removal-order"),
    ("rights/court-and-check-ins.md", "expedited-removal"),
    ("rights/court-and-check-ins.md", "legal-screening"),
    ("rights/in-public.md", "no-license"),
    ("rights/in-public.md", "phone"),
    ("rights/in-public.md", "fake-agents"),
    ("rights/at-home.md", "fake-agents"),
    ("detained.md", "children"),
    ("detained.md", "when-they-call"),
]


@pytest.mark.parametrize(("page", "anchor"), SECTION_ANCHORS, ids=[f"{p}#{a}" for p, a in SECTION_ANCHORS])
def test_english_site_has_each_linked_section(built_site, page, anchor):
    html = built_page(built_site, Path(page)).read_text(encoding="utf-8")
    assert f'id="{anchor}"' in html, f"{page} has no section #{anchor}"


def test_every_anchor_link_in_the_english_pages_points_to_a_section_that_exists(built_site):
    for page in ENGLISH_PAGES:
        text = (ROOT / "docs" / "en" / page).read_text(encoding="utf-8")
        for target, anchor in re.findall(r"\]\(([^)#\s]*\.md)#([\w-]+)\)", text):
            linked = Path(os.path.normpath(page.parent / target))
            html = built_page(built_site, linked).read_text(encoding="utf-8")
            assert f'id="{anchor}"' in html, f"{page} links to {target}#{anchor}, which does not exist"


def test_every_language_folder_of_the_real_site_holds_every_page(built_site):
    languages = [p.name for p in (ROOT / "docs").iterdir() if p.is_dir() and p.name != "en"]
    for lang in languages:
        for page in ENGLISH_PAGES:
            assert built_page(built_site, page, lang).is_file(), f"{lang}/{page} missing (not even the English fallback)"


def test_spanish_page_says_lang_es_and_english_says_lang_en(built_site):
    assert '<html lang="es"' in built_page(built_site, Path("index.md"), "es").read_text(encoding="utf-8")
    assert '<html lang="en"' in built_page(built_site, Path("index.md")).read_text(encoding="utf-8")


def test_clinic_values_appear_in_english_and_spanish_pages(built_site):
    for lang in ("", "es"):
        html = built_page(built_site, Path("welcome.md"), lang).read_text(encoding="utf-8")
        assert "Riverside Community Health Center (example)" in html
        assert 'href="tel:+14135550100"' in html
        assert "(413) 555-0100" in html


def test_legal_partners_block_lists_each_partner_with_a_tappable_number(built_site):
    html = built_page(built_site, Path("legal-help.md")).read_text(encoding="utf-8")
    for number in ("+14135550142", "+14135550143", "+14135550144"):
        assert f'href="tel:{number}"' in html
    assert "Monday–Friday" in html


def test_fixture_site_resolves_placeholders_in_both_languages(tmp_path):
    site = fixture_site(tmp_path)
    result = run_mkdocs(site)
    assert result.returncode == 0, result.stderr
    english = (site / "site" / "index.html").read_text(encoding="utf-8")
    spanish = (site / "site" / "es" / "index.html").read_text(encoding="utf-8")
    for html in (english, spanish):
        assert "{{" not in html
        assert '<a href="tel:+14135550100">(413) 555-0100</a>' in html
    assert '<html lang="es"' in spanish


@pytest.mark.parametrize("bad", BAD_CLINICS, ids=[p.stem for p in BAD_CLINICS])
def test_bad_clinic_file_stops_the_build_before_anything_is_written(tmp_path, bad):
    site = fixture_site(tmp_path, clinic=bad)
    result = run_mkdocs(site)
    assert result.returncode != 0
    line = re.match(r"# expect: (\d+):", bad.read_text(encoding="utf-8")).group(1)
    assert f"clinic.yml:{line}: " in result.stderr
    assert "Traceback" not in result.stderr
    assert not (site / "site").exists()


def test_unknown_placeholder_names_the_page_and_line(tmp_path):
    site = fixture_site(tmp_path, pages={"en/index.md": "---\ntitle: Home\n---\n\nText\n\nCall {{ clinic.phon }}.\n"})
    result = run_mkdocs(site)
    assert result.returncode != 0
    assert re.search(r"index\.md:7: unknown placeholder '\{\{ clinic\.phon \}\}'", result.stderr)
    assert "did you mean '{{ clinic.phone }}'" in result.stderr
    assert "Traceback" not in result.stderr


def test_production_build_refuses_example_values_and_names_each(tmp_path, monkeypatch):
    site = fixture_site(tmp_path)
    result = run_mkdocs(site, "build", "--strict")
    assert result.returncode == 0
    import subprocess, sys
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", "prod"],
        cwd=site, capture_output=True, text=True, env={"KYR_PRODUCTION": "1", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode != 0
    assert "production build refused" in result.stderr
    assert "hotline.phone: +1 413-555-0199" in result.stderr
    assert "legal_partners[2].phone" in result.stderr
    assert not (site / "prod").exists()


def test_production_build_passes_once_values_are_real(tmp_path):
    text = (ROOT / "clinic.yml").read_text(encoding="utf-8")
    text = text.replace("555-01", "732-01").replace("example.org", "riverside-health.org").replace(" (example)", "")
    clinic = tmp_path / "real-clinic.yml"
    clinic.write_text(text, encoding="utf-8")
    site = fixture_site(tmp_path, clinic=clinic)
    import subprocess, sys
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=site, capture_output=True, text=True, env={"KYR_PRODUCTION": "1", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr


def test_untranslated_page_falls_back_to_english_marked_as_english(tmp_path):
    pages = {
        "en/index.md": "---\ntitle: Home\n---\n\nHello.\n",
        "en/other.md": "---\ntitle: Other\n---\n\nOnly in English.\n",
        "es/index.md": "---\ntitle: Inicio\n---\n\nHola.\n",
    }
    site = fixture_site(tmp_path, pages=pages)
    result = run_mkdocs(site)
    assert result.returncode == 0, result.stderr
    fallback = (site / "site" / "es" / "other" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="es"' in fallback
    assert '<div lang="en" dir="ltr">' in fallback and "Only in English." in fallback
    translated = (site / "site" / "es" / "index.html").read_text(encoding="utf-8")
    assert '<div lang="en"' not in translated
