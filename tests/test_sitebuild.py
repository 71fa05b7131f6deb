"""`kyr build`: one MkDocs build per language, assembled into the same site a single-process
build makes; unchanged languages reused; a failing language named, the site left as it was."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from kyr.cli import main
from kyr.errors import BuildError
from kyr.sitebuild import CACHE_FOLDER, build_site, first_error_lines, join_sitemaps
from kyr.site.search import relocate_index
from kyrtest import ROOT, run_mkdocs

PAGES = {
    "en/index.md": "---\ntitle: Home\n---\n\nCall {{ clinic.name }}. Rights at home.\n",
    "en/about.md": "---\ntitle: About\n---\n\nWho made this site: volunteers.\n",
    "en/rights/index.md": "---\ntitle: Rights\n---\n\nYour rights, in short.\n",
    # Placeholders of the print materials render even in a build that makes no PDF.
    "en/print.md": "---\ntitle: Print\n---\n\n{{ print.materials }}\n",
    "es/index.md": "---\ntitle: Inicio\n---\n\nLlame a {{ clinic.name }}. Derechos en casa.\n",
    "es/about.md": "---\ntitle: Acerca\n---\n\nQuién hizo este sitio: voluntarios.\n",
    "ar/index.md": "---\ntitle: الرئيسية\n---\n\nاتصل بـ {{ clinic.name }}.\n",
}


def make_site(root: Path) -> Path:
    """A three-language site (en, es, ar) with our theme, plugin and catalogs, no PDFs."""
    site = root / "project"
    site.mkdir()
    shutil.copytree(ROOT / "overrides", site / "overrides")
    shutil.copytree(ROOT / "translations", site / "translations")
    shutil.copy(ROOT / "clinic.yml", site / "clinic.yml")
    config = {
        "site_name": "Test",
        "site_url": "https://kyr.test/",
        "docs_dir": "docs",
        "theme": {"name": "material", "custom_dir": "overrides", "font": False},
        "markdown_extensions": ["admonition", "attr_list"],
        "plugins": [
            {"kyr": {"clinic": "clinic.yml", "print_materials": False}},
            "search",
            {"i18n": {"docs_structure": "folder", "reconfigure_search": False, "languages": [
                {"locale": "en", "name": "English", "default": True},
                {"locale": "es", "name": "Español", "site_name": "Prueba"},
                {"locale": "ar", "name": "العربية"},
            ]}},
        ],
    }
    (site / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    for name, text in PAGES.items():
        path = site / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return site


def files_of(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}


def head_of(path: Path) -> str:
    return re.search(r"<head>.*?</head>", path.read_text(encoding="utf-8"), re.DOTALL).group(0)


@pytest.fixture(scope="module")
def both_builds(tmp_path_factory):
    """The fixture site built by a single `mkdocs build` and by `kyr build`."""
    root = tmp_path_factory.mktemp("sitebuild")
    project = make_site(root)
    single = run_mkdocs(project, "build", "--strict", "--site-dir", str(root / "single"))
    assert single.returncode == 0, single.stderr[-2000:]
    build_site(project, root / "per-language", jobs=2)
    return project, root / "single", root / "per-language"


def test_per_language_build_makes_the_same_pages_as_a_single_build(both_builds):
    _, single, per_language = both_builds
    assert files_of(per_language) == files_of(single)
    assert "es/about/index.html" in files_of(per_language) and "ar/about/index.html" in files_of(per_language)


@pytest.mark.parametrize("page", ["index.html", "es/index.html", "ar/about/index.html"])
def test_per_language_build_gives_a_page_the_same_head(both_builds, page):
    _, single, per_language = both_builds
    assert head_of(per_language / page) == head_of(single / page)


@pytest.mark.parametrize("name", ["sitemap.xml", "_headers", "sw.js", "404.html", "es/404.html", "ar/status/index.html"])
def test_cross_language_files_match_the_single_build(both_builds, name):
    _, single, per_language = both_builds
    assert (per_language / name).read_text(encoding="utf-8") == (single / name).read_text(encoding="utf-8")


def test_sitemap_lists_every_language(both_builds):
    _, _, per_language = both_builds
    sitemap = (per_language / "sitemap.xml").read_text(encoding="utf-8")
    for url in ("https://kyr.test/about/", "https://kyr.test/es/about/", "https://kyr.test/ar/about/"):
        assert f"<loc>{url}</loc>" in sitemap


def test_each_language_has_its_own_search_index(both_builds):
    _, _, per_language = both_builds
    for folder, lang, words in (("", "en", "volunteers"), ("es/", "es", "voluntarios")):
        index = json.loads((per_language / folder / "search" / "search_index.json").read_text(encoding="utf-8"))
        assert index["config"]["lang"] == [lang]
        assert any(words in doc["text"] for doc in index["docs"])
        assert not any(doc["location"].startswith(("es/", "ar/")) for doc in index["docs"])
    spanish = (per_language / "es" / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "volunteers" not in spanish and "Derechos" in spanish


def _rebuilt(report) -> set[str]:
    return {r.language.code for r in report.results if not r.reused}


def test_a_rebuild_builds_only_the_language_whose_inputs_changed(tmp_path):
    project = make_site(tmp_path)
    first = build_site(project, tmp_path / "site", jobs=2)
    assert _rebuilt(first) == {"en", "es", "ar"}
    assert _rebuilt(build_site(project, tmp_path / "site", jobs=2)) == set()

    page = project / "docs" / "es" / "about.md"
    page.write_text(page.read_text(encoding="utf-8").replace("voluntarios", "vecinos"), encoding="utf-8")
    assert _rebuilt(build_site(project, tmp_path / "site", jobs=2)) == {"es"}
    assert "vecinos" in (tmp_path / "site" / "es" / "about" / "index.html").read_text(encoding="utf-8")
    assert (tmp_path / "site" / "ar" / "index.html").is_file() and (tmp_path / "site" / "index.html").is_file()

    english = project / "docs" / "en" / "about.md"  # the source every language falls back on
    english.write_text(english.read_text(encoding="utf-8") + "\nMore.\n", encoding="utf-8")
    assert _rebuilt(build_site(project, tmp_path / "site", jobs=2)) == {"en", "es", "ar"}

    clinic = project / "clinic.yml"
    clinic.write_text(clinic.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert _rebuilt(build_site(project, tmp_path / "site", jobs=2)) == {"en", "es", "ar"}


def test_a_failing_language_is_named_and_the_site_is_left_as_it_was(tmp_path):
    project = make_site(tmp_path)
    site = tmp_path / "site"
    build_site(project, site, jobs=2)
    before = files_of(site)
    (project / "docs" / "es" / "about.md").write_text("---\ntitle: Acerca\n---\n\n{{ clinic.nonexistent }}\n", encoding="utf-8")
    with pytest.raises(BuildError) as failure:
        build_site(project, site, jobs=2)
    assert "'es'" in str(failure.value) and "nonexistent" in str(failure.value)
    assert files_of(site) == before
    assert not (site.parent / ".site-build").exists()


def test_kyr_build_exit_codes(tmp_path, capsys):
    project = make_site(tmp_path)
    assert main(["build", "--help"]) == 0
    assert main(["build", "--project", str(project), "--jobs", "0"]) == 2
    assert main(["build", "--project", str(project), "--lang", "xx"]) == 2
    assert "not a language of this site" in capsys.readouterr().err
    (project / "docs" / "ar" / "index.md").write_text("---\ntitle: x\n---\n\n{{ clinic.nonexistent }}\n", encoding="utf-8")
    assert main(["build", "--project", str(project), "--lang", "ar", "-q"]) == 1
    assert "'ar'" in capsys.readouterr().err


def test_one_language_build_is_a_site_of_its_own(tmp_path):
    project = make_site(tmp_path)
    build_site(project, tmp_path / "site", codes=["es"])
    built = files_of(tmp_path / "site")
    assert "es/index.html" in built and "es/404.html" in built and "es/search/search_index.json" in built
    assert "index.html" not in built and not any(name.startswith("ar/") for name in built)
    assert (project / CACHE_FOLDER / "es").is_dir()


def test_join_sitemaps_keeps_every_entry_in_order():
    head = '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="x">\n'
    one = head + "  <url>\n    <loc>a</loc>\n  </url>\n</urlset>"
    two = head + "  <url>\n    <loc>b</loc>\n  </url>\n  <url>\n    <loc>c</loc>\n  </url>\n</urlset>"
    joined = join_sitemaps([one, two])
    assert re.findall(r"<loc>(.)</loc>", joined) == ["a", "b", "c"]
    assert joined.startswith(head) and joined.endswith("</urlset>")


def test_relocated_index_addresses_are_relative_to_the_language_folder():
    data = {"config": {"lang": ["es"]}, "docs": [{"location": "es/about/", "title": "t", "text": ""}, {"location": "es/", "title": "h", "text": ""}]}
    assert [doc["location"] for doc in relocate_index(data, "es/")["docs"]] == ["about/", ""]


def test_first_error_lines_show_what_mkdocs_said():
    output = "INFO    -  Building\nWARNING -  Doc file 'x.md' contains a link\nAborted with 1 warnings in strict mode!\n"
    assert first_error_lines(output) == ["WARNING -  Doc file 'x.md' contains a link", "Aborted with 1 warnings in strict mode!"]


@pytest.mark.parametrize(("code", "expected"), [("es", "es"), ("pt", "pt"), ("ar", "ar"), ("ko", "ko"), ("en", "en"), ("zh-hans", "en"), ("ht", "en"), ("tl", "en")])
def test_each_language_index_uses_its_own_stemmer_or_english(code, expected):
    from kyr.languages import make_language
    from kyr.site.search import stemmer_language

    assert stemmer_language(make_language(code, tag="pt-BR" if code == "pt" else None)) == expected
