"""The guides name every `kyr` subcommand, and the workflow runs the commands the guide promises."""

from __future__ import annotations

import re

from kyr.cli import build_parser


def _subcommands() -> list[str]:
    action = next(a for a in build_parser()._actions if a.dest == "command")
    return sorted(action.choices)


def test_every_subcommand_is_in_the_readme_and_contributing_references(project_root):
    for guide in ("README.md", "CONTRIBUTING.md"):
        text = (project_root / guide).read_text(encoding="utf-8")
        reference = text[text.index("## Command reference"):]
        for command in _subcommands():
            assert re.search(rf"\| `kyr {re.escape(command)}\b", reference), f"{guide} has no row for 'kyr {command}'"


def test_contributing_explains_the_statuses_and_who_may_set_legal(project_root):
    text = (project_root / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for status in ("machine", "community", "legal"):
        assert f"| `{status}` |" in text
    assert "Who may set `legal`" in text


def test_the_pull_request_workflow_runs_ci_then_check_and_coverage_into_the_summary(project_root):
    workflow = (project_root / ".github" / "workflows" / "pull-request.yml").read_text(encoding="utf-8")
    assert ".ci/run" in workflow
    assert "kyr check --format markdown" in workflow
    assert "kyr coverage --format markdown >> \"$GITHUB_STEP_SUMMARY\"" in workflow
