"""What changed in the English page since a translation: from git history, or a clear note why not."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from kyr.history import History
from translation_sites import fingerprint_of

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

V1 = "---\ntitle: Rights\n---\n\nYou may stay silent.\n"
V2 = "---\ntitle: Rights\n---\n\nYou may stay silent.\nAsk for a lawyer.\n"


def _git(cwd, *args):
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "init.defaultBranch=main", *args], cwd=cwd, check=True, capture_output=True)


def _repo(tmp_path):
    repo = tmp_path / "repo"
    page = repo / "docs" / "en" / "rights.md"
    page.parent.mkdir(parents=True)
    _git(tmp_path, "init", "-q", str(repo))
    page.write_text(V1, encoding="utf-8")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "v1")
    page.write_text(V2, encoding="utf-8")
    _git(repo, "commit", "-q", "-am", "v2")
    return repo, page


def test_the_diff_runs_from_the_translated_version_to_now(tmp_path):
    repo, page = _repo(tmp_path)
    result = History(repo).source_diff(page, fingerprint_of(V1))
    assert result.note is None
    assert "+Ask for a lawyer." in result.diff
    assert "(translated from," in result.diff


def test_a_shallow_clone_says_history_is_not_available(tmp_path):
    repo, _ = _repo(tmp_path)
    clone = tmp_path / "clone"
    _git(tmp_path, "clone", "-q", "--depth", "1", f"file://{repo}", str(clone))
    result = History(clone).source_diff(clone / "docs/en/rights.md", fingerprint_of(V1))
    assert result.diff is None
    assert result.note.startswith("history not available (shallow clone")


def test_outside_git_it_says_so(tmp_path):
    page = tmp_path / "rights.md"
    page.write_text(V2, encoding="utf-8")
    result = History(tmp_path).source_diff(page, fingerprint_of(V1))
    assert result.diff is None and "not a git checkout" in result.note
