"""`make bench`: named benchmark sections, each timing one thing and printing its figures.

Adding a section is one function:

    @section("pdf-cards", "render every red card")
    def bench_cards(ctx: Context) -> list[Figure]:
        seconds = best_of(lambda: render_cards(ctx.project))
        return [Figure("all cards", seconds, "s", target=5.0)]

A section that needs something this machine may not have (a browser, Lighthouse) calls
`require_browser()` or `require_command("lighthouse")` first; without it the section is skipped
with the reason printed, never failed. Run `python -m kyr.bench --list` for the sections, or name
some to run only those.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
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


def _coverage(project: Path) -> Callable[[], object]:
    from .coverage import compute_coverage
    from .languages import read_site_languages

    return lambda: compute_coverage(project, read_site_languages(project / "mkdocs.yml"))


def _check(project: Path) -> Callable[[], object]:
    from .integrity.run import check_project
    from .languages import read_site_languages

    return lambda: check_project(project, read_site_languages(project / "mkdocs.yml"))


def _cli(ctx: Context, project: Path, *args: str) -> float:
    """Wall time of a whole `kyr` run (interpreter start and imports included), best of 3."""
    command = [sys.executable, "-m", "kyr.cli", *args, "--project", str(project), "-q"]
    return best_of(lambda: subprocess.run(command, capture_output=True, check=False), repeat=3)


def _in_process(label: str, run: Callable[[], object], target: float) -> list[Figure]:
    # CPU time is what the code costs; wall time also counts other programs competing for the
    # machine, so the target applies to CPU time and wall time is shown beside it.
    (first_wall, first_cpu), *rest = timings(run, 6)
    return [
        Figure(f"{label}: first run in a process, CPU", first_cpu, target=target),
        Figure(f"{label}: first run in a process, wall", first_wall),
        Figure(f"{label}: later runs, best CPU", min(cpu for _, cpu in rest)),
    ]


@section("coverage", "kyr coverage over the whole site, every language (target: under 1 s)")
def bench_coverage(ctx: Context) -> list[Figure]:
    figures = []
    for label, project in (("project", ctx.project), ("every page in every language", full_site(ctx))):
        figures += _in_process(label, _coverage(project), 1.0)
        figures.append(Figure(f"{label}: whole 'kyr coverage' command, wall", _cli(ctx, project, "coverage")))
    return figures


@section("check", "kyr check over the whole site, every page and catalog (target: under 1 s)")
def bench_check(ctx: Context) -> list[Figure]:
    figures = []
    for label, project in (("project", ctx.project), ("every page in every language", full_site(ctx))):
        figures += _in_process(label, _check(project), 1.0)
        figures.append(Figure(f"{label}: whole 'kyr check' command, wall", _cli(ctx, project, "check")))
    return figures


def main(argv: list[str] | None = None) -> int:
    """Run the named sections (default: all); print each figure; exit 1 if a target was missed."""
    parser = argparse.ArgumentParser(prog="python -m kyr.bench", description="Time kyr's heavy steps. Not a test: figures for people.")
    parser.add_argument("sections", nargs="*", metavar="SECTION", help="sections to run (default: all)")
    parser.add_argument("--list", action="store_true", help="list the sections and exit")
    parser.add_argument("--project", type=Path, default=ROOT, metavar="DIR", help="the project to measure (default: this one)")
    args = parser.parse_args(argv)
    if args.list:
        for item in SECTIONS.values():
            print(f"{item.name}: {item.description}")
        return 0
    unknown = [name for name in args.sections if name not in SECTIONS]
    if unknown:
        parser.error(f"unknown section(s): {', '.join(unknown)}; known: {', '.join(SECTIONS)}")
    missed = 0
    print(f"kyr benchmarks ({load_note()})")
    with tempfile.TemporaryDirectory(prefix="kyr-bench-") as scratch:
        ctx = Context(args.project.resolve(), Path(scratch))
        for name in args.sections or list(SECTIONS):
            item = SECTIONS[name]
            print(f"{item.name}: {item.description}")
            try:
                figures = item.run(ctx)
            except Skip as reason:
                print(f"  skipped: {reason}")
                continue
            for figure in figures:
                print(f"  {figure}")
                missed += not figure.met
    print(f"{missed} target(s) missed" if missed else "every target met")
    return 1 if missed else 0


# Sections kept in modules of their own register themselves when imported.
from . import bench_browser  # noqa: E402,F401
from .printables import bench as printables_bench  # noqa: E402,F401

if __name__ == "__main__":
    # Run the imported module's `main`: the sections above registered in its SECTIONS, not in __main__'s.
    from kyr.bench import main as registered_main

    sys.exit(registered_main())
