"""Every page of every language is valid HTML, as the Nu HTML Checker (vnu) sees it: one Java
process checks the whole built site. vnu comes from npm (`vnu-jar`, installed by `make node-deps`),
Java from Debian (`default-jre-headless`, installed by `make system-deps`)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess

import pytest

from kyrtest import ROOT

VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def _missing(reason: str):
    if os.environ.get("KYR_REQUIRE_BROWSER") == "1":
        pytest.fail(reason + " and KYR_REQUIRE_BROWSER=1 forbids skipping")
    pytest.skip(reason)


def test_the_nu_html_checker_finds_no_error_on_any_page(built_site):
    java = shutil.which("java")
    if java is None:
        _missing("Java is not installed (make system-deps installs default-jre-headless)")
    if not VNU_JAR.is_file():
        _missing("vnu-jar is not installed (run `make node-deps`, which runs npm ci)")
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 100
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", "--exit-zero-always", *map(str, pages)],
        capture_output=True, text=True,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [f"{m.get('url', '?').rsplit(str(built_site), 1)[-1]}:{m.get('lastLine', '?')}: {m.get('message')}" for m in messages if m.get("type") in ("error", "non-document-error")]
    assert errors == [], f"{len(errors)} errors on {len({e.split(':')[0] for e in errors})} pages:\n" + "\n".join(errors[:40])
