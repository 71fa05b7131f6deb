"""A translated page's front matter: title, description and the `translation:` block
(`status`, `by`, `source`), as ARCHITECTURE.md describes them."""

from __future__ import annotations

import datetime as dt
import difflib

from ..pages import FINGERPRINT_RE, STATUSES, Page, source_fingerprint
from .findings import Finding

TRANSLATION_KEYS = ("status", "by", "source")
TRANSLATED_KEYS = ("title", "description", "last_reviewed", "translation")


def check_translation_front_matter(page: Page, source: Page | None) -> list[Finding]:
    """Findings for missing or malformed front matter of the translated `page`."""
    findings = []
    path, located = page.path, page.front_matter

    def line(*key_path) -> int:
        return located.line_of(tuple(key_path)) or 1

    for key in ("title", "description"):
        needed = key == "title" or (source is not None and key in source.meta)
        value = page.meta.get(key)
        if needed and (not isinstance(value, str) or not value.strip()):
            findings.append(Finding(path, line(key), f"front-matter-{key}", f"'{key}:' is missing or empty", hint=f"translate the English page's '{key}:' line"))
    reviewed = page.meta.get("last_reviewed")
    if reviewed is not None and not isinstance(reviewed, dt.date):
        try:
            dt.date.fromisoformat(str(reviewed))
        except ValueError:
            findings.append(Finding(path, line("last_reviewed"), "front-matter-date", f"'last_reviewed: {reviewed}' is not a date", hint="write it as YYYY-MM-DD, e.g. 2026-11-23"))
    # Keys that shape the page (template, hide, ...) stay as the English page has them.
    if source is not None:
        for key in sorted(set(source.meta) | set(page.meta), key=str):
            if key in TRANSLATED_KEYS:
                continue
            if key not in source.meta:
                findings.append(Finding(path, line(key), "front-matter-key", f"'{key}:' is not in the English page's front matter", hint="remove it; only title, description, last_reviewed and translation differ from the English page"))
            elif page.meta.get(key) != source.meta[key]:
                findings.append(Finding(
                    path, line(key) if key in page.meta else 1, "front-matter-same",
                    f"'{key}:' must be the same as on the English page ({source.path}:{source.front_matter.line_of((key,)) or 1})",
                    hint=f"copy the '{key}:' lines from the English page", source=str(source.meta[key]), translation=str(page.meta.get(key)),
                ))
    block = page.meta.get("translation")
    if block is None:
        findings.append(Finding(
            path, 1, "front-matter-translation", "the 'translation:' block is missing",
            hint="add 'translation:' with 'status:', 'by:' and 'source:' (run 'kyr stamp' to fill in 'source:')",
        ))
        return findings
    if not isinstance(block, dict):
        findings.append(Finding(path, line("translation"), "front-matter-translation", "'translation:' must hold the keys status, by and source, one per line, indented"))
        return findings
    for key in block:
        if key not in TRANSLATION_KEYS:
            close = difflib.get_close_matches(str(key), TRANSLATION_KEYS, n=1)
            findings.append(Finding(
                path, line("translation", key), "front-matter-key", f"unknown key 'translation.{key}'",
                hint=f"did you mean '{close[0]}'?" if close else "the keys are status, by and source",
            ))
    status = block.get("status")
    if status not in STATUSES:
        shown = "missing" if status is None else f"'{status}'"
        findings.append(Finding(
            path, line("translation", "status"), "front-matter-status", f"translation.status is {shown}",
            hint=f"use one of: {', '.join(STATUSES)}", translation=None if status is None else str(status),
        ))
    by = block.get("by")
    if not isinstance(by, str) or not by.strip():
        findings.append(Finding(path, line("translation", "by"), "front-matter-by", "translation.by is missing or empty", hint="name who translated or checked the page (a person, a team, or 'machine draft')"))
    fingerprint = block.get("source")
    if not isinstance(fingerprint, str) or not FINGERPRINT_RE.match(fingerprint):
        shown = "missing" if fingerprint is None else f"'{fingerprint}'"
        findings.append(Finding(
            path, line("translation", "source"), "front-matter-source", f"translation.source is {shown}, not a fingerprint like 'sha256:0123456789ab'",
            hint=(f"once the translation matches the English page, write 'source: {source_fingerprint(source)}' (or run 'kyr stamp {path}')"
                  if source is not None else f"run 'kyr stamp {path}' after checking the translation against the English page"),
            translation=None if fingerprint is None else str(fingerprint),
        ))
    return findings


def check_source_front_matter(page: Page) -> list[Finding]:
    """Findings for an English page's front matter."""
    findings = []
    if not isinstance(page.meta.get("title"), str) or not page.meta["title"].strip():
        findings.append(Finding(page.path, page.front_matter.line_of(("title",)) or 1, "front-matter-title", "'title:' is missing or empty", hint="every page needs a title"))
    if "translation" in page.meta:
        findings.append(Finding(page.path, page.front_matter.line_of(("translation",)) or 1, "front-matter-translation", "an English page has a 'translation:' block", hint="only translated pages carry one; remove it"))
    return findings

