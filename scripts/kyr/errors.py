"""The exceptions kyr raises for a user's mistake: each names the file, line and key at fault.

Only the CLI and the MkDocs plugin turn these into an exit code or a build error; nothing else
catches them, so no traceback reaches a user for bad input.
"""

from __future__ import annotations

from pathlib import Path


class KyrError(Exception):
    """A problem in the user's input, reported as `path:line: key: message` plus a hint."""

    def __init__(
        self,
        message: str,
        *,
        path: Path | str | None = None,
        line: int | None = None,
        key: str | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = Path(path) if path is not None else None
        self.line = line
        self.key = key
        self.hint = hint

    def location(self) -> str:
        """The `path:line` prefix, as precise as is known."""
        if self.path is None:
            return ""
        return f"{self.path}:{self.line}" if self.line else str(self.path)

    def __str__(self) -> str:
        parts = [p for p in (self.location(), self.key) if p]
        text = ": ".join(parts + [self.message])
        if self.hint:
            text += f"\n  hint: {self.hint}"
        return text


class ConfigError(KyrError):
    """`clinic.yml`, `mkdocs.yml` or a plugin option is invalid."""


class ContentError(KyrError):
    """A Markdown page or its front matter is invalid."""


class CatalogError(KyrError):
    """A gettext catalog (`.po`) cannot be read or compiled."""


class LanguageError(KyrError):
    """A language code is unknown or not configured."""


class PrintError(KyrError):
    """A printable (card, poster, handout) cannot be made as asked."""


class BuildError(KyrError):
    """A language's build of the site failed, or the site cannot be put together."""
