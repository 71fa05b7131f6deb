"""requirements.lock pins, with hashes, a version inside pyproject.toml's range for every dependency."""

from __future__ import annotations

import re
import tomllib

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from kyrtest import ROOT

PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)")


def _lock_entries() -> dict[str, tuple[str, list[str]]]:
    """{package: (version, hashes)} of the lock: each pin with the hash lines that follow it."""
    entries: dict[str, tuple[str, list[str]]] = {}
    current = None
    for line in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines():
        match = PIN.match(line)
        if match:
            current = canonicalize_name(match.group(1))
            entries[current] = (match.group(2), [])
        elif current and line.strip().startswith("--hash=sha256:"):
            entries[current][1].append(line.strip())
    return entries


def _declared() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    declared = project["project"]["dependencies"] + project["project"]["optional-dependencies"]["test"]
    return [Requirement(text) for text in declared + project["build-system"]["requires"]]


LOCK = _lock_entries()
DECLARED = _declared()


@pytest.mark.parametrize("requirement", DECLARED, ids=lambda r: r.name)
def test_every_declared_dependency_is_locked_inside_its_range(requirement):
    name = canonicalize_name(requirement.name)
    assert name in LOCK, f"{requirement.name} is not in requirements.lock: run 'make lock'"
    version = LOCK[name][0]
    assert requirement.specifier.contains(version, prereleases=True), (
        f"requirements.lock has {requirement.name}=={version}, outside pyproject.toml's '{requirement.specifier}': run 'make lock'"
    )


def test_every_locked_package_has_a_hash():
    unhashed = [name for name, (_version, hashes) in LOCK.items() if not hashes]
    assert not unhashed, f"no hash for {unhashed}: regenerate with 'make lock'"


def test_the_makefile_locks_the_build_backend_that_pyproject_names():
    build = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["build-system"]["requires"]
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^BUILD_REQUIRES := (.+)$", makefile, re.M).group(1).split() == build
