"""`kyr stamp`: record in a translation's front matter that it matches the English page as it is now.

Only the `translation:` block's `source:` (and, when asked, `status:` and `by:`) lines change;
every other byte of the file stays as the volunteer left it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .errors import ContentError
from .pages import FRONT_MATTER_RE, STATUSES, parse_page, read_page, source_fingerprint

TOP_KEY_RE = re.compile(r"^translation[ \t]*:(.*)$")
ORDER = ("status", "by", "source")


@dataclass(frozen=True)
class StampResult:
    path: Path
    source: str
    status: str
    by: str | None
    changed: bool


def yaml_scalar(value: str) -> str:
    """`value` written as a YAML scalar: plain when that reads back the same, else double-quoted."""
    if value and value == value.strip() and "\n" not in value:
        try:
            if yaml.safe_load(f"k: {value}") == {"k": value}:
                return value
        except yaml.YAMLError:
            pass
    return json.dumps(value, ensure_ascii=False)


def _block_end(lines: list[str], top: int) -> int:
    """The index after the last line of the mapping under the top-level key at `top`."""
    last = top
    for index in range(top + 1, len(lines)):
        line = lines[index]
        if line.strip() and not line[0].isspace():
            break
        if line.strip() and not line.lstrip().startswith("#"):
            last = index
    return last + 1


def _set_key(lines: list[str], top: int, key: str, rendered: str, indent: str, newline: str) -> None:
    """Set `key` in the block mapping under `lines[top]`, replacing its old value lines if any."""
    end = _block_end(lines, top)
    key_re = re.compile(rf"^{re.escape(indent)}{key}[ \t]*:")
    at = next((i for i in range(top + 1, end) if key_re.match(lines[i])), None)
    if at is None:
        lines.insert(end, f"{indent}{rendered}{newline}")
        return
    stop = at + 1  # a value continued on more-indented lines goes with it
    while stop < end and (not lines[stop].strip() or len(lines[stop]) - len(lines[stop].lstrip()) > len(indent)):
        stop += 1
    old = lines[at].rstrip("\r\n")
    comment = re.search(r"[ \t]+#[^'\"]*$", old)
    lines[at:stop] = [f"{indent}{rendered}{comment.group(0) if comment else ''}{newline}"]


def stamp_text(text: str, values: dict[str, str], *, path: Path | str = "page") -> str:
    """`text` with `translation.<key>` set to each of `values`, nothing else changed."""
    newline = "\r\n" if "\r\n" in text else "\n"
    rendered = {key: f"{key}: {yaml_scalar(values[key])}" for key in ORDER if key in values}
    match = FRONT_MATTER_RE.match(text)
    if not match:
        block = "".join(f"  {line}{newline}" for line in rendered.values())
        return f"---{newline}translation:{newline}{block}---{newline}{newline}" + text
    if match.group(1) is not None:
        start, stop = match.start(1), match.end(1)
    else:
        start = stop = text.index("\n") + 1
    lines = text[start:stop].splitlines(keepends=True)
    top = next((i for i, line in enumerate(lines) if TOP_KEY_RE.match(line.rstrip("\r\n"))), None)
    if top is None:
        lines.append(f"translation:{newline}")
        lines += [f"  {line}{newline}" for line in rendered.values()]
    elif TOP_KEY_RE.match(lines[top].rstrip("\r\n")).group(1).split("#")[0].strip():
        # A flow mapping, `translation: {status: machine, ...}`: rewrite just it, as a block.
        current = parse_page(text, path).translation
        merged = {key: str(value) for key, value in current.items()} | values
        keys = [key for key in ORDER if key in merged] + [key for key in merged if key not in ORDER]
        lines[top:_block_end(lines, top)] = [f"translation:{newline}"] + [f"  {key}: {yaml_scalar(merged[key])}{newline}" for key in keys]
    else:
        end = _block_end(lines, top)
        first_child = next((lines[i] for i in range(top + 1, end) if lines[i].strip() and not lines[i].lstrip().startswith("#")), None)
        indent = re.match(r"[ \t]*", first_child).group(0) if first_child else "  "
        for key, line in rendered.items():
            _set_key(lines, top, key, line, indent, newline)
    return text[:start] + "".join(lines) + text[stop:]


def prepare_stamp(path: Path, source_path: Path, *, status: str | None = None, by: str | None = None) -> tuple[StampResult, str]:
    """What stamping the translation at `path` would record, and its new text; writes nothing."""
    page = read_page(path)
    source = read_page(source_path)
    fingerprint = source_fingerprint(source)
    current = page.translation
    if status is not None and status not in STATUSES:
        raise ContentError(f"unknown status '{status}'", path=path, hint=f"use one of: {', '.join(STATUSES)}")
    new_status = status or current.get("status")
    if new_status not in STATUSES:
        raise ContentError(
            "this translation has no valid 'translation.status'", path=path, line=page.front_matter.line_of(("translation", "status")),
            hint="say who checked it: --status community (a volunteer) or --status legal (the clinic's legal reviewer)",
        )
    if status in ("community", "legal") and not by:
        raise ContentError(f"--status {status} needs --by NAME", path=path, hint="name the person or team who checked the translation, e.g. --by 'Ana R.'")
    values = {"source": fingerprint}
    if status:
        values["status"] = status
    if by:
        values["by"] = by
    text = path.read_text(encoding="utf-8")
    new_text = stamp_text(text, values, path=path)
    check = parse_page(new_text, path)
    expected = {**current, **values}
    if any(check.translation.get(key) != value for key, value in expected.items()) or check.body != page.body or {
        key: value for key, value in check.meta.items() if key != "translation"
    } != {key: value for key, value in page.meta.items() if key != "translation"}:
        raise ContentError(
            "could not update the front matter without changing something else",
            path=path, hint="edit the 'translation:' block by hand: set 'source: " + fingerprint + "'",
        )
    return StampResult(path, fingerprint, str(expected.get("status")), expected.get("by"), new_text != text), new_text


def write_stamp(result: StampResult, new_text: str) -> None:
    """Write a prepared stamp (all at once: a reader never sees half a file)."""
    if result.changed:
        tmp = result.path.with_name(result.path.name + ".kyr-tmp")
        tmp.write_bytes(new_text.encode("utf-8"))
        tmp.replace(result.path)


def stamp_page(path: Path, source_path: Path, *, status: str | None = None, by: str | None = None) -> StampResult:
    """Record the English page's fingerprint (and `status`, `by`) in the translation at `path`."""
    result, new_text = prepare_stamp(path, source_path, status=status, by=by)
    write_stamp(result, new_text)
    return result
