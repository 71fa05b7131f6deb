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
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Callable

# The shared registry and helpers; the sections kept in modules of their own register on import.
from . import benchkit
from .benchkit import Context, Figure, ROOT, Section, Skip, best_of, full_site, load_note, require_browser, require_command, section, timings  # noqa: F401
from . import bench_browser  # noqa: F401
from . import bench_site  # noqa: F401
from .printables import bench as printables_bench  # noqa: F401


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
        for item in benchkit.SECTIONS.values():
            print(f"{item.name}: {item.description}")
        return 0
    unknown = [name for name in args.sections if name not in benchkit.SECTIONS]
    if unknown:
        parser.error(f"unknown section(s): {', '.join(unknown)}; known: {', '.join(benchkit.SECTIONS)}")
    missed = 0
    print(f"kyr benchmarks ({load_note()})")
    with tempfile.TemporaryDirectory(prefix="kyr-bench-") as scratch:
        ctx = Context(args.project.resolve(), Path(scratch))
        for name in args.sections or list(benchkit.SECTIONS):
            item = benchkit.SECTIONS[name]
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


if __name__ == "__main__":
    sys.exit(main())
