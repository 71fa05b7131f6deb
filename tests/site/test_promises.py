"""The clinic's promises through the real build: a promise clinic.yml does not confirm appears on
no page in any language, and a production build names it."""

from __future__ import annotations

import subprocess
import sys

from kyrtest import ROOT, fixture_site, run_mkdocs

WELCOME = {
    "en/index.md": "---\ntitle: Home\n---\n\nHello.\n",
    "es/index.md": "---\ntitle: Inicio\n---\n\nHola.\n",
    "en/welcome.md": (
        "---\ntitle: Welcome\nlast_reviewed: 2026-12-02\n---\n\n## What do we ask you?\n\n"
        "{{ promise.no_status_questions }}\n- We do not ask about your immigration status.\n{{ promise.end }}\n"
        "- We ask only what we need.\n"
        "{{ promise.calls_counsel }}\n- We call our lawyer right away.\n{{ promise.end }}\n"
        "{{ promise.tells_emergency_contact }}\n- We tell your emergency contact.\n{{ promise.end }}\n"
    ),
    "es/welcome.md": (
        "---\ntitle: Bienvenida\nlast_reviewed: 2026-12-02\n---\n\n## ¿Qué le preguntamos?\n\n"
        "{{ promise.no_status_questions }}\n- No le preguntamos por su situación migratoria.\n{{ promise.end }}\n"
        "- Solo preguntamos lo necesario.\n"
        "{{ promise.calls_counsel }}\n- Llamamos a nuestro abogado de inmediato.\n{{ promise.end }}\n"
        "{{ promise.tells_emergency_contact }}\n- Avisamos a su contacto de emergencia.\n{{ promise.end }}\n"
    ),
}


def clinic_file(tmp_path, *, real: bool = False):
    """The shipped clinic with `calls_counsel` stated false and `no_status_questions` left out."""
    text = (ROOT / "clinic.yml").read_text(encoding="utf-8")
    text = text.replace("  calls_counsel: true", "  calls_counsel: false").replace("  no_status_questions: true\n", "")
    if real:
        text = text.replace("555-01", "732-01").replace("example.org", "riverside-health.org").replace(" (example)", "")
    path = tmp_path / "clinic-under-test.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_promise_stated_false_or_left_out_is_on_no_page_in_any_language(tmp_path):
    site = fixture_site(tmp_path, clinic=clinic_file(tmp_path), pages=WELCOME)
    result = run_mkdocs(site)
    assert result.returncode == 0, result.stderr
    english = (site / "site" / "welcome" / "index.html").read_text(encoding="utf-8")
    spanish = (site / "site" / "es" / "welcome" / "index.html").read_text(encoding="utf-8")
    for page, absent, kept in (
        (english, ("immigration status", "our lawyer"), ("We ask only what we need", "emergency contact")),
        (spanish, ("situación migratoria", "abogado"), ("Solo preguntamos lo necesario", "contacto de emergencia")),
    ):
        for text in absent:
            assert text not in page
        for text in kept:
            assert text in page
        assert "promise." not in page  # no marker reaches a reader
    assert "calls_counsel" in result.stderr and "no_status_questions" in result.stderr  # the build log names what it left out


def test_a_production_build_names_a_promise_not_stated_and_refuses(tmp_path):
    site = fixture_site(tmp_path, clinic=clinic_file(tmp_path, real=True), pages=WELCOME)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", "prod"],
        cwd=site, capture_output=True, text=True, env={"KYR_PRODUCTION": "1", "NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode != 0
    assert "production build refused: 1 promise(s) not confirmed" in result.stderr
    assert "promises.no_status_questions: not stated" in result.stderr
    assert "example value" not in result.stderr
    assert "Traceback" not in result.stderr
    assert not (site / "prod").exists()


def test_an_unknown_promise_in_a_page_fails_the_build_at_its_line(tmp_path):
    pages = dict(WELCOME)
    pages["es/welcome.md"] = pages["es/welcome.md"].replace("promise.calls_counsel", "promise.calls_counsl")
    result = run_mkdocs(fixture_site(tmp_path, pages=pages))
    assert result.returncode != 0
    assert "es/welcome.md:12: unknown promise '{{ promise.calls_counsl }}'" in result.stderr
    assert "did you mean '{{ promise.calls_counsel }}'?" in result.stderr
