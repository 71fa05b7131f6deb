"""Read YAML while remembering the line of every key, so errors can point at it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import KyrError

KeyPath = tuple  # ("legal_partners", 2, "phone")
# libyaml's loader when PyYAML was built with it: the same nodes and marks, several times faster.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _ConfigLoader(yaml.SafeLoader):
    """Reads files like mkdocs.yml, ignoring their Python and environment tags (`!!python/name:`, `!ENV`)."""


_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def load_config_yaml(text: str):
    """The plain data of a configuration file such as mkdocs.yml; tags kyr has no use for read as None.

    Raises `yaml.YAMLError` for text that is not YAML: the caller decides how to report it."""
    return yaml.load(text, Loader=_ConfigLoader)


@dataclass
class LocatedYaml:
    """Parsed YAML data and the 1-based line where each key path starts."""

    data: Any
    lines: dict = field(default_factory=dict)

    def line_of(self, key_path: KeyPath) -> int | None:
        """The line of `key_path`, or of its nearest located parent."""
        while key_path:
            if key_path in self.lines:
                return self.lines[key_path]
            key_path = key_path[:-1]
        return self.lines.get(())


def key_path_text(key_path: KeyPath) -> str:
    """`("legal_partners", 2, "phone")` -> `legal_partners[2].phone`."""
    text = ""
    for part in key_path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def parse_yaml(text: str, *, path: Path | str, error: type[KyrError] = KyrError, first_line: int = 1) -> LocatedYaml:
    """Parse `text` as YAML; raise `error` naming `path` and the line of a syntax error."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + first_line if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc)
        raise error(
            f"this is not valid YAML ({problem})",
            path=path,
            line=line,
            hint="check the indentation, that every quote is closed, and that text containing ':' or '#' is in quotes;"
            " the mistake may be on the line above",
        ) from None
    finally:
        loader.dispose()
    located = LocatedYaml(data)
    if node is not None:
        _record_lines(node, (), located.lines, first_line)
    return located


def _record_lines(node: yaml.Node, key_path: KeyPath, lines: dict, first_line: int) -> None:
    lines[key_path] = node.start_mark.line + first_line
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            child = key_path + (key_node.value,)
            _record_lines(value_node, child, lines, first_line)
            lines[child] = key_node.start_mark.line + first_line
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _record_lines(item, key_path + (index,), lines, first_line)
