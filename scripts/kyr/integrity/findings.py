"""What a check reports: one finding names the file and line, what the source has and what the
translation has, and how to fix it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

ERROR, WARNING = "error", "warning"


@dataclass(frozen=True)
class Finding:
    """One problem in one file. `source` and `translation` quote both sides where there are two."""

    path: Path
    line: int | None
    code: str  # a stable short name, e.g. "phone-differs", "html-script"
    message: str
    severity: str = ERROR
    hint: str | None = None
    source: str | None = None
    translation: str | None = None
    unreadable: bool = False  # the file could not be read at all (exit code 2)

    def location(self) -> str:
        return f"{self.path}:{self.line}" if self.line else str(self.path)

    def __str__(self) -> str:
        text = f"{self.location()}: {self.severity}: {self.message}"
        if self.hint:
            text += f"\n  hint: {self.hint}"
        return text

    def as_dict(self) -> dict:
        """Stable keys for `--format json`."""
        return {
            "path": str(self.path),
            "line": self.line,
            "severity": self.severity,
            "code": self.code,
            "message": self.message,
            "source": self.source,
            "translation": self.translation,
            "hint": self.hint,
        }


def sort_key(finding: Finding) -> tuple:
    return (str(finding.path), finding.line or 0, finding.code, finding.message)
