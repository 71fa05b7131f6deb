"""Shared fixtures: the project root, and small fixture sites built in tmp_path."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def project_root() -> Path:
    return ROOT


def run_mkdocs(site: Path, *args: str) -> subprocess.CompletedProcess:
    """Run `mkdocs build --strict` (or other args) in `site`, as a user would."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", *(args or ("build", "--strict"))],
        cwd=site,
        capture_output=True,
        text=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real project built once per test session (strict), into a temporary folder."""
    out = tmp_path_factory.mktemp("site")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return out


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
