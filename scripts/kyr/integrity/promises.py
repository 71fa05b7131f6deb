"""Promise markers (kyr/promises.py) in a translation: the same promises as the English page, in
the same order, each block well formed. A dropped marker would show a promise the clinic never
confirmed, or hide one it did; a renamed one would break the build."""

from __future__ import annotations

from pathlib import Path

from ..errors import ContentError
from ..pages import Page
from ..promises import PromiseBlock, find_promise_blocks, marker
from .findings import ERROR, Finding

HINT = "copy the promise marker lines ({{ promise.<name> }} and {{ promise.end }}) of the English page byte for byte, around the same sentences, in the same order"


def page_promises(page: Page) -> tuple[list[PromiseBlock] | None, list[Finding]]:
    """The promise blocks of a page, or None and a finding where they are not well formed."""
    try:
        return find_promise_blocks(page.body, path=page.path, first_line=page.body_line), []
    except ContentError as exc:
        return None, [Finding(page.path, exc.line, "promise-marker", exc.message, hint=exc.hint)]


def compare_promises(source: Page, translation: Page, *, source_path: Path, lacking: str = ERROR) -> list[Finding]:
    """Findings where the translation's promise blocks differ from the English page's.

    A translation known to be stale (`lacking` is then a warning) may still lack a promise the
    English page added since; a promise the English page does not have, or one out of order, is
    always an error."""
    src, _ = page_promises(source)
    tr, findings = page_promises(translation)
    if src is None or tr is None or [b.key for b in src] == [b.key for b in tr]:
        return findings
    src_keys, tr_keys = [b.key for b in src], [b.key for b in tr]
    remaining = iter(src_keys)
    subsequence = all(key in remaining for key in tr_keys)
    first = next((i for i, (s, t) in enumerate(zip(src_keys, tr_keys)) if s != t), min(len(src_keys), len(tr_keys)))
    line = tr[first].start if first < len(tr) else (tr[-1].end if tr else translation.body_line)
    expected = src[first] if first < len(src) else None
    return [Finding(
        translation.path, line, "promise-differs",
        f"promises on this page: {', '.join(tr_keys) or 'none'}; the source has {', '.join(src_keys) or 'none'}"
        + (f" (the first without a match is '{marker(expected.key)}', {source_path}:{expected.start})" if expected else ""),
        severity=lacking if subsequence else ERROR, hint=HINT,
        source=" ".join(src_keys), translation=" ".join(tr_keys),
    )]
