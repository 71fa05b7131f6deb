"""`make bench` section for the print materials: every PDF of every language, cold and warm.

Cold: an empty cache, so every PDF is laid out and written (in parallel, one worker per CPU).
Warm: the same inputs again, so nothing is rendered and each PDF is copied from the cache; this is
what every `mkdocs build` and every `make serve` rebuild costs while only pages are edited.
"""

from __future__ import annotations

import os
import resource
import time

from ..benchkit import Context, Figure, section
from ..clinic import load_clinic
from ..languages import read_site_languages
from .build import PrintSession, PrintSettings
from .layout import DOCUMENTS


def _cpu() -> float:
    """CPU seconds used so far by this process and by its finished worker processes."""
    own, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime


def _build_all(settings: PrintSettings, site) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds including the workers', PDFs rendered) for one build's PDFs."""
    wall, cpu = time.perf_counter(), _cpu()
    session = PrintSession(settings)
    try:
        reports = [session.publish(language.code, site) for language in settings.languages]
    finally:
        session.close()  # waits for the workers, so their CPU time is counted
    return time.perf_counter() - wall, _cpu() - cpu, sum(len(report.rendered) for report in reports)


@section("print", "every PDF of every language: cold (empty cache) and warm (nothing changed)")
def bench_print(ctx: Context) -> list[Figure]:
    languages = tuple(read_site_languages(ctx.project / "mkdocs.yml"))
    settings = PrintSettings(
        project_dir=ctx.project,
        clinic=load_clinic(ctx.project / "clinic.yml"),
        languages=languages,
        site_url="https://bench.invalid/",
        cache_dir=ctx.scratch / "print-cache",
    )
    total = len(languages) * len(DOCUMENTS)
    cold_wall, cold_cpu, cold_rendered = _build_all(settings, ctx.scratch / "print-cold")
    warm = [_build_all(settings, ctx.scratch / f"print-warm-{n}") for n in range(3)]
    cpus = os.cpu_count() or 1
    # CPU time is what rendering costs; wall time also counts whatever else the machine is doing.
    return [
        Figure(f"cold: {cold_rendered} of {total} PDFs rendered, CPU (all processes)", cold_cpu, target=90.0),
        Figure(f"cold: wall on an idle machine with {cpus} CPUs (CPU / {cpus})", cold_cpu / cpus),
        Figure("cold: wall measured here", cold_wall),
        Figure("warm: PDFs rendered", max(rendered for _, _, rendered in warm), "PDFs", target=0),
        Figure("warm: prepare, look up and copy every PDF, best wall", min(w for w, _, _ in warm), target=2.0),
        Figure("warm: same, best CPU", min(c for _, c, _ in warm)),
    ]
