"""The parts of `make bench` every benchmark section shares: the section registry, figures,
skipping for missing tools, timing helpers and the scratch copy of the whole site.

Sections live in `kyr.bench` (coverage, check), `kyr.bench_browser` and `kyr.printables.bench`;
each registers itself with `@section` when imported.
"""

from __future__ import annotations

import shutil
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Figure:
    """One measured value; with a target, the report says whether it was met."""

    name: str
    value: float
    unit: str = "s"
    target: float | None = None  # the value must stay at or under this

    @property
    def met(self) -> bool:
        return self.target is None or self.value <= self.target

    def __str__(self) -> str:
        shown = f"{self.value:.3f} {self.unit}" if self.unit == "s" else f"{self.value:g} {self.unit}"
        if self.target is None:
            return f"{self.name}: {shown}"
        return f"{self.name}: {shown} (target ≤ {self.target:g} {self.unit}) {'ok' if self.met else 'MISSED'}"


@dataclass
class Context:
    """What every section may use: the project, and a scratch folder removed afterwards."""

    project: Path
    scratch: Path


class Skip(Exception):
    """Raised by a section that cannot run here; the message says why."""


@dataclass(frozen=True)
class Section:
    name: str
    description: str
    run: Callable[[Context], list[Figure]]


SECTIONS: dict[str, Section] = {}


def section(name: str, description: str) -> Callable:
    """Register a benchmark section (a function taking a `Context`, returning `Figure`s)."""

    def register(function: Callable[[Context], list[Figure]]) -> Callable[[Context], list[Figure]]:
        SECTIONS[name] = Section(name, description, function)
        return function

    return register


def require_command(name: str, hint: str = "") -> str:
    """The path of program `name`, or `Skip` saying it is not installed."""
    path = shutil.which(name)
    if path is None:
        raise Skip(f"'{name}' is not installed" + (f" ({hint})" if hint else ""))
    return path


def require_browser() -> str:
    """Chromium's path, or `Skip` when there is no Chromium or no Playwright."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            break
    else:
        raise Skip("Chromium is not installed (apt-get install chromium)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        raise Skip("Playwright is not installed (pip install -e '.[test]')") from None
    return path


def timings(function: Callable[[], object], repeat: int = 5) -> list[tuple[float, float]]:
    """(wall seconds, CPU seconds) taken by each of `repeat` calls of `function`."""
    times = []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        function()
        times.append((time.perf_counter() - wall, time.process_time() - cpu))
    return times


def best_of(function: Callable[[], object], repeat: int = 5) -> float:
    """The best wall time of `repeat` calls."""
    return min(wall for wall, _ in timings(function, repeat))


def load_note() -> str:
    """The machine's load, printed with the figures: wall times on a busy machine are longer."""
    try:
        import os

        one, _, _ = os.getloadavg()
        return f"load average {one:.1f} on {os.cpu_count()} CPUs"
    except (OSError, AttributeError):
        return "load average unknown"


# -- translation coverage and integrity -------------------------------------------------------------

def full_site(ctx: Context) -> Path:
    """A copy of the project where every language has every page (a stamped copy of the English
    page where the translators have not written one yet), so the figures hold for a finished site."""
    from .languages import read_site_languages
    from .pages import read_page, source_fingerprint
    from .stamp import stamp_text

    target = ctx.scratch / "full-site"
    if target.exists():
        return target
    target.mkdir()
    for name in ("mkdocs.yml", "docs", "translations"):
        source = ctx.project / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        elif source.exists():
            shutil.copy(source, target / name)
    languages = read_site_languages(target / "mkdocs.yml")
    english = next(lang for lang in languages if lang.is_source)
    for path in sorted((target / "docs" / english.code).rglob("*.md")):
        rel = path.relative_to(target / "docs" / english.code)
        fingerprint = source_fingerprint(read_page(path))
        for language in languages:
            copy = target / "docs" / language.code / rel
            if not language.is_source and not copy.exists():
                copy.parent.mkdir(parents=True, exist_ok=True)
                text = stamp_text(path.read_text(encoding="utf-8"), {"status": "machine", "by": "bench copy", "source": fingerprint})
                copy.write_text(text, encoding="utf-8")
    return target


