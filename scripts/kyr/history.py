"""What changed in an English page since a translation was made, from git history when there is some.

Only `kyr coverage --diff` calls this: it is the one place kyr runs git. In a shallow clone (CI
checks out one commit) or outside git, it says that the history is not available.
"""

from __future__ import annotations

import difflib
import subprocess
from dataclasses import dataclass
from pathlib import Path

from .errors import KyrError
from .pages import parse_page, source_fingerprint


@dataclass(frozen=True)
class SourceDiff:
    """A unified diff from the English version a translation was made from to the page now, or why not."""

    diff: str | None
    note: str | None = None
    commit: str | None = None


def _git(project: Path, *args: str, input: bytes | None = None) -> bytes | None:
    try:
        result = subprocess.run(["git", "-C", str(project), *args], input=input, capture_output=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return result.stdout if result.returncode == 0 else None


class History:
    """Versions of the English pages in the git history of `project`, read on demand and cached."""

    def __init__(self, project: Path) -> None:
        self.project = Path(project)
        top = _git(self.project, "rev-parse", "--show-toplevel")
        self.root = Path(top.decode().strip()) if top else None
        shallow = _git(self.project, "rev-parse", "--is-shallow-repository") if self.root else None
        self.shallow = bool(shallow and shallow.strip() == b"true")
        self._versions: dict[Path, list[tuple[str, str]]] = {}

    @property
    def available(self) -> bool:
        return self.root is not None

    def versions(self, path: Path) -> list[tuple[str, str]]:
        """(commit, text) of every committed version of `path`, newest first."""
        path = Path(path).resolve()
        if path in self._versions:
            return self._versions[path]
        versions: list[tuple[str, str]] = []
        if self.root is not None:
            rel = path.relative_to(self.root).as_posix()
            log = _git(self.root, "log", "--format=%H", "--", rel) or b""
            commits = log.decode().split()
            if commits:
                request = "".join(f"{commit}:{rel}\n" for commit in commits).encode()
                output = _git(self.root, "cat-file", "--batch", input=request) or b""
                versions = list(zip(commits, _batch_contents(output)))
        self._versions[path] = versions
        return versions

    def source_diff(self, path: Path, fingerprint: str | None) -> SourceDiff:
        """The change in the English page `path` since the version whose fingerprint is `fingerprint`."""
        if self.root is None:
            return SourceDiff(None, "history not available (this is not a git checkout)")
        if not fingerprint:
            return SourceDiff(None, "the translation records no source fingerprint")
        for commit, text in self.versions(path):
            try:
                old = parse_page(text, path)
            except KyrError:
                continue
            if source_fingerprint(old) == fingerprint:
                now = Path(path).read_text(encoding="utf-8")
                rel = Path(path).resolve().relative_to(self.root).as_posix()
                diff = "".join(difflib.unified_diff(
                    text.splitlines(keepends=True), now.splitlines(keepends=True),
                    fromfile=f"{rel} (translated from, {commit[:9]})", tofile=f"{rel} (now)",
                ))
                return SourceDiff(diff, None, commit)
        if self.shallow:
            return SourceDiff(None, "history not available (shallow clone: run 'git fetch --unshallow' to see what changed)")
        return SourceDiff(None, "the English version this translation was made from is not in the git history")


def _batch_contents(output: bytes) -> list[str]:
    """The contents in `git cat-file --batch` output, in order ('' for a missing object)."""
    contents, index = [], 0
    while index < len(output):
        end = output.index(b"\n", index)
        header = output[index:end].split()
        index = end + 1
        if len(header) < 3 or header[1] == b"missing":
            contents.append("")
            continue
        size = int(header[2])
        contents.append(output[index:index + size].decode("utf-8", errors="replace"))
        index += size + 1
    return contents
