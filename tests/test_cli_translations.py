"""The translation subcommands as a volunteer runs them: exit codes, output and errors."""

from __future__ import annotations

import json

import pytest

from kyr.cli import build_parser, main
from kyr.pages import read_page
from translation_sites import data, translation_site, with_fingerprint

COMMANDS = ("coverage", "check", "stamp", "new-language")


def _site(tmp_path, translation="good.md"):
    source = data("source.md")
    return translation_site(tmp_path / "site", {
        "en/page.md": source,
        "en/other.md": "---\ntitle: Other\n---\n\nText.\n",
        "es/page.md": with_fingerprint(data(translation), source),
    })


@pytest.mark.parametrize("command", COMMANDS)
def test_every_subcommand_has_help(command, capsys):
    assert main([command, "--help"]) == 0
    out = capsys.readouterr().out
    assert f"usage: kyr {command}" in out and len(out.splitlines()) > 6
    subparsers = next(a for a in build_parser()._actions if a.dest == "command")
    assert subparsers.choices[command].description


def test_coverage_exits_0_and_fail_under_exits_1(tmp_path, capsys):
    site = _site(tmp_path)
    assert main(["coverage", "--project", str(site)]) == 0
    assert "Español" in capsys.readouterr().out
    assert main(["coverage", "--project", str(site), "--fail-under", "60"]) == 1
    assert "es: 50% of pages current, under --fail-under 60%" in capsys.readouterr().err
    assert main(["coverage", "--project", str(site), "--fail-under", "50"]) == 0


def test_coverage_json_and_markdown(tmp_path, capsys):
    site = _site(tmp_path)
    assert main(["coverage", "--project", str(site), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["languages"][0]["pages"]["current"] == 1
    assert main(["coverage", "--project", str(site), "--format", "markdown"]) == 0
    assert capsys.readouterr().out.startswith("### Translation coverage")


def test_coverage_of_an_unknown_language_is_a_usage_error(tmp_path, capsys):
    assert main(["coverage", "--project", str(_site(tmp_path)), "--lang", "xx"]) == 2
    err = capsys.readouterr().err
    assert "unknown language 'xx'" in err and "the languages are: en, es" in err


def test_coverage_diff_outside_git_says_history_is_not_available(tmp_path, capsys):
    site = _site(tmp_path)
    (site / "docs/en/page.md").write_text(data("source.md") + "\nMore.\n", encoding="utf-8")
    assert main(["coverage", "--project", str(site), "--diff"]) == 0
    assert "history not available (this is not a git checkout)" in capsys.readouterr().out


def test_check_exits_0_when_clean_and_1_on_an_error(tmp_path, capsys):
    assert main(["check", "--project", str(_site(tmp_path))]) == 0
    assert capsys.readouterr().out.strip() == "0 errors, 0 warnings in 3 files checked"
    assert main(["check", "--project", str(_site(tmp_path / "bad", "bad-html-script.md"))]) == 1


def test_check_of_given_paths_only(tmp_path, capsys, monkeypatch):
    site = _site(tmp_path, "bad-html-script.md")
    monkeypatch.chdir(site)
    assert main(["check", "docs/en"]) == 0
    assert main(["check", "docs/es/page.md"]) == 1
    assert "docs/es/page.md:13: error: '<script>'" in capsys.readouterr().out
    assert main(["check", "README.md"]) == 2


def test_strict_fails_on_warnings(tmp_path):
    site = _site(tmp_path)
    (site / "docs/en/page.md").write_text(data("source.md").replace("every 3 months", "every 3 months (or 6)"), encoding="utf-8")
    assert main(["check", "--project", str(site)]) == 0
    assert main(["check", "--project", str(site), "--strict"]) == 1


def test_stamp_then_check_passes(tmp_path, capsys, monkeypatch):
    site = _site(tmp_path)
    monkeypatch.chdir(site)
    (site / "docs/en/page.md").write_text(data("source.md").replace("stay silent", "remain silent"), encoding="utf-8")
    assert main(["stamp", "docs/es/page.md", "--status", "community", "--by", "Ana R."]) == 0
    out = capsys.readouterr().out
    assert out.startswith("docs/es/page.md: stamped: source sha256:")
    assert read_page(site / "docs/es/page.md").translation["by"] == "Ana R."
    assert main(["coverage", "--fail-under", "50"]) == 0


def test_stamp_records_nothing_when_the_stamped_page_would_have_an_error(tmp_path, capsys, monkeypatch):
    site = _site(tmp_path, "bad-phone-one-digit-changed.md")
    monkeypatch.chdir(site)
    (site / "docs/en/page.md").write_text(data("source.md").replace("stay silent", "remain silent"), encoding="utf-8")
    before = (site / "docs/es/page.md").read_bytes()
    assert main(["stamp", "docs/es/page.md", "--status", "community", "--by", "Ana R."]) == 1
    out = capsys.readouterr().out
    assert "docs/es/page.md:17: error: " in out
    assert "docs/es/page.md: not stamped: fix the errors above" in out
    assert (site / "docs/es/page.md").read_bytes() == before


@pytest.mark.parametrize("page, message", [
    ("docs/en/page.md", "this is an English page"),
    ("docs/es/missing.md", "no such page"),
    ("docs/de/page.md", "'de' is not a language of mkdocs.yml"),
])
def test_stamp_refuses_what_is_not_a_translation(tmp_path, capsys, monkeypatch, page, message):
    site = _site(tmp_path)
    monkeypatch.chdir(site)
    assert main(["stamp", page]) == 2
    assert message in capsys.readouterr().err


def test_stamp_without_a_name_for_community_is_refused(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(_site(tmp_path))
    assert main(["stamp", "docs/es/page.md", "--status", "community"]) == 2
    assert "--status community needs --by NAME" in capsys.readouterr().err


def test_new_language_twice(tmp_path, capsys):
    site = _site(tmp_path)
    assert main(["new-language", "fr", "--project", str(site)]) == 0
    assert "mkdocs.yml: added fr (fr), Français, written left to right" in capsys.readouterr().out
    assert main(["new-language", "fr", "--project", str(site)]) == 0
    out = capsys.readouterr().out
    assert "already a language of the site" in out and "already exists" in out
