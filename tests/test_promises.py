"""Promise blocks: the clinic's promises kept or dropped as clinic.yml confirms them."""

from __future__ import annotations

import dataclasses
import gettext

import pytest

from kyr.clinic import load_clinic
from kyr.errors import ContentError
from kyr.languages import make_language
from kyr.placeholders import PlaceholderContext, render_placeholders
from kyr.promises import find_promise_blocks, resolve_promises

PAGE = """## What do we ask you?

{{ promise.no_status_questions }}
- We do not ask about your status.
{{ promise.end }}
- We ask only what we need.
{{ promise.calls_counsel }}
- We call our lawyer at {{ clinic.phone }}.
{{ promise.end }}
"""


@pytest.fixture(scope="module")
def clinic(project_root):
    return load_clinic(project_root / "clinic.yml")


def render(clinic, text, confirmed, **kwargs):
    clinic = dataclasses.replace(clinic, promises=frozenset(confirmed))
    context = PlaceholderContext(clinic, make_language("en", is_source=True), gettext.NullTranslations().gettext)
    return render_placeholders(text, context, **kwargs)


def test_a_confirmed_promise_is_kept_without_its_marker_lines(clinic):
    out = render(clinic, PAGE, {"no_status_questions", "calls_counsel"})
    assert out == (
        "## What do we ask you?\n\n- We do not ask about your status.\n- We ask only what we need.\n"
        "- We call our lawyer at [(413) 555-0100](tel:+14135550100).\n"
    )


def test_an_unconfirmed_promise_is_dropped_and_the_list_stays_one_list(clinic):
    out = render(clinic, PAGE, {"calls_counsel"})
    assert "status" not in out and "promise" not in out
    assert out.startswith("## What do we ask you?\n\n- We ask only what we need.\n- We call our lawyer")


def test_a_placeholder_inside_a_dropped_promise_is_still_checked_at_its_own_line(clinic):
    with pytest.raises(ContentError) as caught:
        render(clinic, PAGE.replace("{{ clinic.phone }}", "{{ clinic.phon }}"), set(), path="w.md", first_line=5)
    assert caught.value.line == 12


@pytest.mark.parametrize(
    "text, line, message",
    [
        ("a\n{{ promise.calls_counsl }}\nb\n{{ promise.end }}\n", 2, "unknown promise"),
        ("a\n- {{ promise.calls_counsel }} b\n{{ promise.end }}\n", 2, "alone on its line"),
        ("a\n{{ promise.calls_counsel }}\nb\n", 2, "never closed"),
        ("a\n{{ promise.end }}\n", 2, "without an opening"),
        ("{{ promise.calls_counsel }}\n{{ promise.no_status_questions }}\n{{ promise.end }}\n", 2, "opens inside"),
    ],
    ids=["unknown", "not-alone", "unclosed", "end-without-open", "nested"],
)
def test_a_malformed_promise_block_is_refused_at_its_line(text, line, message):
    with pytest.raises(ContentError) as caught:
        find_promise_blocks(text, path="p.md", first_line=1)
    assert caught.value.line == line
    assert message in caught.value.message
    assert caught.value.hint


def test_an_unknown_promise_suggests_the_nearest():
    with pytest.raises(ContentError) as caught:
        find_promise_blocks("{{ promise.calls_counsl }}\n{{ promise.end }}\n")
    assert caught.value.hint == "did you mean '{{ promise.calls_counsel }}'?"


def test_markers_inside_a_code_block_are_text():
    text = "```text\n{{ promise.calls_counsel }}\nexample\n{{ promise.end }}\n```\n"
    assert find_promise_blocks(text) == []
    assert resolve_promises(text, set()) == text
