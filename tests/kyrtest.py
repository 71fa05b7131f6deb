"""Helpers shared by the tests: the project root and small fixture sites built in tmp_path.

(A module of its own name: `conftest` is ambiguous once tests/browser/ has one too.)
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def run_mkdocs(site: Path, *args: str) -> subprocess.CompletedProcess:
    """Run `mkdocs build --strict` (or other args) in `site`, as a user would."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", *(args or ("build", "--strict"))],
        cwd=site,
        capture_output=True,
        text=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )


def copy_project(dest: Path, *, with_docs: bool = True) -> Path:
    """A copy of the real project's configuration (and content) to vary in a test."""
    for name in ("mkdocs.yml", "clinic.yml"):
        shutil.copy(ROOT / name, dest / name)
    shutil.copytree(ROOT / "overrides", dest / "overrides")
    if (ROOT / "translations").exists():
        shutil.copytree(ROOT / "translations", dest / "translations")
    if with_docs:
        shutil.copytree(ROOT / "docs", dest / "docs")
    return dest


def fixture_site(tmp_path: Path, *, clinic: Path | None = None, pages: dict[str, str] | None = None) -> Path:
    """A two-language site (en, es) with our theme overrides and plugin, in tmp_path."""
    site = tmp_path / "project"
    site.mkdir()
    shutil.copytree(ROOT / "overrides", site / "overrides")
    shutil.copy(clinic or ROOT / "clinic.yml", site / "clinic.yml")
    logo = ROOT / "overrides" / "assets" / "images" / "clinic-logo.svg"
    config = {
        "site_name": "Test",
        "site_url": "https://kyr.test/",
        "docs_dir": "docs",
        "theme": {"name": "material", "custom_dir": "overrides", "font": False},
        "markdown_extensions": ["admonition", "attr_list"],
        "plugins": [
            # PDFs are slow to render cold; tests/printables build them in sites of their own.
            {"kyr": {"clinic": "clinic.yml", "print_materials": False}},
            "search",
            {"i18n": {"docs_structure": "folder", "languages": [
                {"locale": "en", "name": "English", "default": True},
                {"locale": "es", "name": "Español"},
            ]}},
        ],
    }
    (site / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    pages = pages or {
        "en/index.md": "---\ntitle: Home\nlast_reviewed: 2026-11-23\n---\n\nCall {{ clinic.name }} at {{ clinic.phone }}.\n",
        "es/index.md": "---\ntitle: Inicio\nlast_reviewed: 2026-11-23\n---\n\nLlame a {{ clinic.name }} al {{ clinic.phone }}.\n",
    }
    for name, text in pages.items():
        path = site / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert logo.exists()
    return site
