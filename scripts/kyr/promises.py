"""The clinic's promises: sentences a page or the poster may say only once the clinic confirms them.

A promise ("we do not ask about your immigration status", "we call our lawyer right away") is
true only for a clinic that has the policy, the lawyer or the trained staff behind it. Each has a
key here; `clinic.yml` states it true or false under `promises:` (`clinic.py` validates that).
A page marks the text of a promise with a pair of block markers, each alone on its line:

    {{ promise.calls_counsel }}
    - We call our lawyer right away.
    {{ promise.end }}

The build keeps what is between the markers when the clinic confirmed the promise and drops it
otherwise; the marker lines themselves never reach the reader. Translations keep the markers byte
for byte, in the same order (`kyr check` compares them with the English page).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import ContentError

# key -> what the clinic confirms by setting it true (also the wording of clinic.yml's comments).
PROMISES: dict[str, str] = {
    "no_status_questions": "staff do not ask about immigration status to give care "
    "(false where state law makes the clinic or hospital ask, as in Texas and Florida)",
    "shares_only_when_required": "the clinic has a written policy to share patient information with police or "
    "immigration agents only when the law requires it (HIPAA permits more)",
    "counsel_reviews_record_requests": "a lawyer (the clinic's counsel or a legal partner) checks every request for records",
    "tells_patient_of_requests": "a written procedure says who tells patients that someone asked for their records, and how",
    "trained_contact_every_shift": "staff are trained, and a trained contact who meets agents is named for every shift, "
    "evenings and weekends included",
    "private_areas_procedure": "staff are told not to agree to agents entering private areas without a judicial warrant "
    "or court order, not to block agents, and to write down what happened",
    "calls_counsel": "staff can reach a lawyer at once, at any hour (counsel, or a 24/7 legal partner after hours)",
    "tells_emergency_contact": "registration asks for an emergency contact and whether the patient agrees that "
    "the clinic tells them if the patient is taken",
}

PREFIX = "promise."
END = "promise.end"
_MARKER_RE = re.compile(r"\{\{\s*(promise\.[\w.]*)\s*\}\}")
_LINE_MARKER_RE = re.compile(r"^[ \t]*\{\{\s*(promise\.[\w.]*)\s*\}\}[ \t]*$")
_FENCE_RE = re.compile(r"^[ \t]*(`{3,}|~{3,})")


def is_marker(name: str) -> bool:
    """Whether a placeholder name (`promise.x`, `promise.end`) is a promise marker."""
    return name.startswith(PREFIX)


def marker(key: str) -> str:
    """The opening marker of a promise, as pages write it."""
    return f"{{{{ {PREFIX}{key} }}}}"


@dataclass(frozen=True)
class PromiseBlock:
    """The lines of one promise: `start` and `end` are the 1-based file lines of its two markers."""

    key: str
    start: int
    end: int


def _lines_outside_fences(markdown: str):
    """(index, line) of every line outside fenced code: a marker written in a code block is text."""
    fence = None
    for index, line in enumerate(markdown.split("\n")):
        opened = _FENCE_RE.match(line)
        if fence is None and opened:
            fence = opened.group(1)
        elif fence is not None and line.strip().startswith(fence):
            fence = None
        elif fence is None:
            yield index, line


def find_promise_blocks(markdown: str, *, path: Path | str | None = None, first_line: int = 1) -> list[PromiseBlock]:
    """Every promise block of a page, in order; `ContentError` at the line of a marker that is
    unknown, not alone on its line, nested, unopened or unclosed."""
    blocks: list[PromiseBlock] = []
    open_key, open_line = None, 0
    for index, line in _lines_outside_fences(markdown):
        if not _MARKER_RE.search(line):
            continue
        at = index + first_line
        whole = _LINE_MARKER_RE.match(line)
        if not whole:
            raise ContentError(
                "a promise marker must stand alone on its line",
                path=path, line=at,
                hint=f"put '{_MARKER_RE.search(line).group(0)}' on a line of its own, before or after the promise's text",
            )
        name = whole.group(1)
        if name == END:
            if open_key is None:
                raise ContentError(
                    f"'{{{{ {END} }}}}' without an opening promise marker", path=path, line=at,
                    hint=f"open the block with a line like '{marker('calls_counsel')}', or remove this line",
                )
            blocks.append(PromiseBlock(open_key, open_line, at))
            open_key = None
            continue
        key = name[len(PREFIX):]
        if key not in PROMISES:
            close = difflib.get_close_matches(key, list(PROMISES), n=1)
            raise ContentError(
                f"unknown promise '{{{{ {name} }}}}'", path=path, line=at,
                hint=f"did you mean '{marker(close[0])}'?" if close else f"the promises are: {', '.join(PROMISES)}",
            )
        if open_key is not None:
            raise ContentError(
                f"promise '{key}' opens inside promise '{open_key}' (line {open_line})", path=path, line=at,
                hint=f"close the first promise with '{{{{ {END} }}}}' before the next one opens",
            )
        open_key, open_line = key, at
    if open_key is not None:
        raise ContentError(
            f"promise '{open_key}' is never closed", path=path, line=open_line,
            hint=f"add a line '{{{{ {END} }}}}' after the promise's text",
        )
    return blocks


def resolve_promises(markdown: str, confirmed: frozenset[str] | set[str]) -> str:
    """`markdown` with each promise's text kept if its key is `confirmed`, dropped otherwise, and
    every marker line removed. The markers must be valid (`find_promise_blocks`)."""
    markers = {index: m.group(1) for index, line in _lines_outside_fences(markdown) if (m := _LINE_MARKER_RE.match(line))}
    kept, dropping = [], False
    for index, line in enumerate(markdown.split("\n")):
        name = markers.get(index)
        if name is not None:
            dropping = name != END and name[len(PREFIX):] not in confirmed
        elif not dropping:
            kept.append(line)
    return "\n".join(kept)
