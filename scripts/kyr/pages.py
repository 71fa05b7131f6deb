"""One Markdown page: its front matter, its body, and the fingerprint of an English source."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ContentError
from .yamlfile import LocatedYaml, parse_yaml

FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?---[ \t]*(?:\r?\n|\Z)", re.S)
FINGERPRINT_PREFIX = "sha256:"
FINGERPRINT_RE = re.compile(r"^sha256:[0-9a-f]{12}$")
STATUSES = ("machine", "community", "legal")


@dataclass(frozen=True)
class Page:
    """A page as read from disk. `body_line` is the file line where the body starts."""

    path: Path
    meta: dict
    body: str
    body_line: int
    front_matter: LocatedYaml = field(compare=False, repr=False)

    @property
    def translation(self) -> dict:
        """The `translation:` block of a translated page ({} for an English source)."""
        value = self.meta.get("translation")
        return value if isinstance(value, dict) else {}


def split_front_matter(text: str) -> tuple[str, str, int]:
    """(front matter YAML, body, line where the body starts); no front matter gives ('', text, 1)."""
    match = FRONT_MATTER_RE.match(text)
    if not match:
        return "", text, 1
    return match.group(1) or "", text[match.end():], text.count("\n", 0, match.end()) + 1


def parse_page(text: str, path: Path | str) -> Page:
    """Parse a page's text; raise `ContentError` naming the line of broken front matter."""
    path = Path(path)
    yaml_text, body, body_line = split_front_matter(text.replace("\r\n", "\n"))
    located = parse_yaml(yaml_text, path=path, error=ContentError, first_line=2) if yaml_text.strip() else LocatedYaml({})
    if not isinstance(located.data, dict):
        raise ContentError("the front matter between the '---' lines must be 'key: value' lines", path=path, line=2)
    return Page(path=path, meta=located.data, body=body, body_line=body_line, front_matter=located)


def read_page_text(path: Path | str) -> str:
    """The text of the page at `path`; raise `ContentError` if it cannot be read as UTF-8."""
    path = Path(path)
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ContentError("this file is not UTF-8 text", path=path, hint="save it as UTF-8 in your editor") from None
    except OSError as exc:
        raise ContentError(f"cannot read this file ({exc.strerror})", path=path) from None


def read_page(path: Path | str) -> Page:
    """Read and parse the page at `path`."""
    return parse_page(read_page_text(path), path)


def source_fingerprint(page: Page) -> str:
    """A short fingerprint of what translators translate: title, description and body.

    The review date is left out on purpose: re-confirming the facts does not make translations stale.
    """
    parts = [str(page.meta.get("title", "")), str(page.meta.get("description", "")), page.body]
    normalized = "\n".join(line.rstrip() for line in "\n".join(parts).strip().splitlines())
    return FINGERPRINT_PREFIX + hashlib.sha256(normalized.encode("utf-8")).hexdigest()[:12]
