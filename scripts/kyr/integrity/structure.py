"""The shape a translation must keep: headings, list items, admonitions, links, images, tables
and fenced code (the clinician's letter template stays English, so it must be identical)."""

from __future__ import annotations

from pathlib import Path

from .findings import ERROR, Finding
from .markdown import Document

COUNTED = (
    # (name, how to list the lines of that part of a document)
    ("list items", lambda doc: doc.list_items),
    ("links", lambda doc: [link.line for link in doc.links + doc.autolinks if not link.image]),
    ("images", lambda doc: [link.line for link in doc.links if link.image]),
    ("admonitions", lambda doc: [a.line for a in doc.admonitions]),
    ("table rows", lambda doc: doc.table_rows),
)


def _n(count: int, name: str) -> str:
    """`1 list item`, `2 list items`."""
    return f"{count} {name[:-1] if count == 1 else name}"


def sections_match(source: Document, translation: Document) -> bool:
    """Whether the two pages have the same headings, so section N of one is section N of the other."""
    return [h.level for h in source.headings] == [h.level for h in translation.headings]


def compare_structure(source: Document, translation: Document, *, source_path: Path, path: Path, severity: str = ERROR) -> list[Finding]:
    """Findings for every difference in shape between `source` and `translation`."""
    findings: list[Finding] = []
    findings += _headings(source, translation, source_path, path, severity)
    aligned = sections_match(source, translation)
    for name, lines_of in COUNTED:
        src_lines, tr_lines = lines_of(source), lines_of(translation)
        if len(src_lines) == len(tr_lines) and not aligned:
            continue
        if aligned:
            src_counts, tr_counts = source.count_in_sections(src_lines), translation.count_in_sections(tr_lines)
            for index, (s, t) in enumerate(zip(src_counts, tr_counts)):
                if s != t:
                    where = " in this section" if index else " before the first heading"
                    findings.append(Finding(
                        path, translation.sections[index].line, f"{name.replace(' ', '-')}-count",
                        f"{_n(t, name)}{where}, the source has {s} ({source_path}:{source.sections[index].line})",
                        severity=severity, hint=_count_hint(name), source=str(s), translation=str(t),
                    ))
        else:
            findings.append(Finding(
                path, tr_lines[0] if tr_lines else translation.first_line, f"{name.replace(' ', '-')}-count",
                f"{_n(len(tr_lines), name)} on this page, the source has {len(src_lines)}",
                severity=severity, hint=_count_hint(name), source=str(len(src_lines)), translation=str(len(tr_lines)),
            ))
    src_kinds, tr_kinds = [a.kind for a in source.admonitions], [a.kind for a in translation.admonitions]
    if len(src_kinds) == len(tr_kinds):
        for s, t in zip(source.admonitions, translation.admonitions):
            if s.kind != t.kind:
                findings.append(Finding(
                    path, t.line, "admonition-kind",
                    f"admonition '!!! {t.kind}' is '!!! {s.kind}' in the source ({source_path}:{s.line})",
                    severity=severity, hint="keep the admonition type (warning, note, danger) in English; only its title in quotes is translated",
                    source=s.kind, translation=t.kind,
                ))
    findings += _fences(source, translation, source_path, path, severity)
    return findings


def _count_hint(name: str) -> str:
    if name == "list items":
        return "keep one list item for each item of the English page, in the same order"
    if name == "admonitions":
        return "keep every '!!! warning \"...\"' box of the English page; translate only the title in quotes and the text"
    return f"keep the same {name} as the English page"


def _headings(source: Document, translation: Document, source_path: Path, path: Path, severity: str) -> list[Finding]:
    src, tr = source.headings, translation.headings
    for index, (s, t) in enumerate(zip(src, tr)):
        if s.level != t.level:
            return [Finding(
                path, t.line, "heading-level",
                f"heading {index + 1} is level {t.level} ('{'#' * t.level}'), in the source it is level {s.level} "
                f"('{'#' * s.level} {s.text}', {source_path}:{s.line})",
                severity=severity, hint="keep the same number of '#' as the English heading", source=s.text, translation=t.text,
            )]
    if len(src) != len(tr):
        line = tr[len(src)].line if len(tr) > len(src) else (tr[-1].line if tr else translation.first_line)
        missing = src[len(tr)] if len(src) > len(tr) else None
        return [Finding(
            path, line, "heading-count",
            f"{_n(len(tr), 'headings')} on this page, the source has {len(src)}"
            + (f"; the first without a match is '{'#' * missing.level} {missing.text}' ({source_path}:{missing.line})" if missing else ""),
            severity=severity, hint="translate every heading of the English page, one for one", source=str(len(src)), translation=str(len(tr)),
        )]
    return []


def _fences(source: Document, translation: Document, source_path: Path, path: Path, severity: str) -> list[Finding]:
    findings = []
    if len(source.fences) != len(translation.fences):
        findings.append(Finding(
            path, translation.fences[0].line if translation.fences else translation.first_line, "code-block-count",
            f"{_n(len(translation.fences), 'code blocks')} on this page, the source has {len(source.fences)}",
            severity=severity, hint="copy every ``` code block of the English page exactly", source=str(len(source.fences)), translation=str(len(translation.fences)),
        ))
    for s, t in zip(source.fences, translation.fences):
        if s.content.rstrip() == t.content.rstrip():
            continue
        s_lines, t_lines = s.content.split("\n"), t.content.split("\n")
        offset = next((i for i, (a, b) in enumerate(zip(s_lines, t_lines)) if a.rstrip() != b.rstrip()), min(len(s_lines), len(t_lines)))
        s_text = s_lines[offset] if offset < len(s_lines) else "(end of block)"
        t_text = t_lines[offset] if offset < len(t_lines) else "(end of block)"
        findings.append(Finding(
            path, t.line + 1 + offset, "code-block-differs",
            f"code block differs from the source ({source_path}:{s.line + 1 + offset}): the source has '{s_text.strip()}', the translation has '{t_text.strip()}'",
            severity=severity, hint="code blocks (such as the clinician's letter template) stay in English: copy them exactly",
            source=s_text, translation=t_text,
        ))
    return findings
