"""Shared fixtures: the project root and the real site built once per session."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kyrtest import ROOT


@pytest.fixture(scope="session")
def project_root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real project built once per test session into a temporary folder, the way `make site`
    builds it (`kyr build`: one strict MkDocs build per language, then assembled), so the tests
    check what ships. Languages unchanged since the last `make site` are reused from .cache/site/."""
    out = tmp_path_factory.mktemp("site") / "site"
    result = subprocess.run(
        [sys.executable, "-m", "kyr.cli", "build", "--quiet", "--site-dir", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return out
