"""Review due: legal facts here change monthly, so a page whose facts were last checked longer ago
than the clinic's review period (`review_period_days` in clinic.yml, 90 days unless set) says so.

A page's review date is its front matter's `last_reviewed`; a translation without one inherits its
English page's date (re-checking the English facts re-checks what the translations say).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from .clinic import DEFAULT_REVIEW_PERIOD_DAYS, load_clinic
from .languages import _plugin_options
from .yamlfile import load_config_yaml

DAYS_PER_MONTH = 30.44


def review_date(value) -> dt.date | None:
    """A front-matter `last_reviewed` value as a date (None if absent or not a date)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def effective_date(meta: dict, inherited: dt.date | None = None) -> dt.date | None:
    """The review date of a page with front matter `meta`: its own, else the English page's."""
    return review_date(meta.get("last_reviewed")) or inherited


def is_due(reviewed: dt.date | None, period_days: int | None, today: dt.date | None = None) -> bool:
    """Whether facts checked on `reviewed` are older than the review period (never, without a date
    or a period)."""
    if reviewed is None or period_days is None:
        return False
    return ((today or dt.date.today()) - reviewed).days > period_days


def period_months(period_days: int) -> int:
    """The period in whole months, as readers are told ('more than 3 months ago'); at least 1."""
    return max(1, int(period_days / DAYS_PER_MONTH + 0.5))


def project_review_period(project: Path) -> int | None:
    """The review period of the project at `project`: from the clinic file its mkdocs.yml names
    (validated like at build time), or None when the project has no clinic file."""
    try:
        data = load_config_yaml((project / "mkdocs.yml").read_text(encoding="utf-8")) or {}
    except (OSError, ValueError):
        return None
    options = _plugin_options(data, "kyr") if isinstance(data, dict) else None
    path = project / str((options or {}).get("clinic") or "clinic.yml")
    if not path.is_file():
        return None
    return load_clinic(path).review_period_days


__all__ = ["DEFAULT_REVIEW_PERIOD_DAYS", "effective_date", "is_due", "period_months", "project_review_period", "review_date"]
