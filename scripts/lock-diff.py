"""Print the installed packages whose version differs from requirements.lock (used by `make test-latest`).

Usage: python scripts/lock-diff.py requirements.lock
Reads the lock's `name==version` lines (ignoring hashes and environment markers) and compares them
with what is installed in the running Python. Prints one line per difference and exits 0: the
report is information for whoever reads the test results that follow.
"""

from __future__ import annotations

import re
import sys
from importlib import metadata

PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)")


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def locked_versions(text: str) -> dict[str, str]:
    """{canonical name: version} of every pin in a requirements file."""
    return {canonical(m.group(1)): m.group(2) for m in map(PIN.match, text.splitlines()) if m}


def installed_versions() -> dict[str, str]:
    return {canonical(d.metadata["Name"]): d.version for d in metadata.distributions() if d.metadata["Name"]}


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    try:
        with open(argv[0], encoding="utf-8") as handle:
            locked = locked_versions(handle.read())
    except OSError as exc:
        print(f"{argv[0]}: cannot read the lock file ({exc.strerror})", file=sys.stderr)
        return 2
    # pip and setuptools are the environment's own tools there: `make test-latest` builds kyr with
    # build isolation, so their versions in it say nothing about what kyr runs on.
    tools = {"pip", "setuptools", "kyr"}
    installed = {name: version for name, version in installed_versions().items() if name not in tools}
    changed = [(name, locked[name], installed[name]) for name in sorted(locked) if name in installed and installed[name] != locked[name]]
    added = sorted(set(installed) - set(locked))
    if not changed and not added:
        print(f"lock-diff: every installed package has the version {argv[0]} pins")
        return 0
    print(f"lock-diff: {len(changed)} package(s) newer (or older) than {argv[0]}:")
    for name, old, new in changed:
        print(f"  {name:28} {old:>14} -> {new}")
    for name in added:
        print(f"  {name:28} {'(not locked)':>14} -> {installed[name]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
