"""From print HTML to PDF: the only module that calls WeasyPrint.

Three jobs live here:
- fitting: a block marked `data-fit` whose text does not fit its fixed box is set again a size
  smaller, down to its readable floor (`data-fit-min`); below that the render reports which text
  does not fit, so nothing is ever clipped or spills over;
- the cache: a PDF is stored under the fingerprint of everything it is made from (its HTML, which
  holds every text, the QR code, the CSS and the logo; the font files; WeasyPrint's version; this
  module), so a rebuild with nothing changed renders nothing;
- parallel rendering: several languages render at once in worker processes.

Workers never raise for a problem in the user's text: they return it as data, and the caller turns
it into a `PrintError` that names the file to fix.
"""

from __future__ import annotations

import hashlib
import logging
import multiprocessing
import os
import re
import time
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path

log = logging.getLogger("kyr.printables")

FIT_STEP = 0.92  # each try is 8% smaller
TOLERANCE = 0.5  # CSS px: rounding in the layout, not an overflow
_MAX_TRIES = 40


@dataclass(frozen=True)
class RenderJob:
    """One PDF to make: its HTML, how many pages it must have, and what to call it in errors."""

    html: str
    pages: int
    language: str  # language code
    document: str  # document key, e.g. "card_sheet_letter"
    fingerprint: str
    options: tuple[tuple[str, object], ...] = ()  # WeasyPrint's write_pdf options: tags, PDF/UA, PDF/X


@dataclass(frozen=True)
class Overflow:
    """A text that does not fit its box even at the smallest allowed size."""

    fit: str  # the data-fit name of the box
    label: str | None  # data-msgid or data-text of the text
    kind: str | None  # "msgid" or "text"
    text: str  # the text itself, as laid out
    size: float  # the box's starting font size (pt), or, once it cannot shrink, the size tried last
    minimum: float  # the readable floor (pt)


@dataclass(frozen=True)
class RenderOutcome:
    """What a render produced: the PDF, or the reason there is none."""

    job: RenderJob
    pdf: bytes | None = None
    sizes: dict = field(default_factory=dict)  # data-fit name -> the font size it was set in (pt)
    overflow: Overflow | None = None
    problem: str | None = None  # any other failure (a template making the wrong number of pages)
    seconds: float = 0.0


# -- fingerprints and the cache ---------------------------------------------------------------------


def renderer_fingerprint() -> str:
    """Identifies the renderer: WeasyPrint's version and this module's code."""
    source = Path(__file__).read_bytes()
    return f"weasyprint {version('weasyprint')}; pydyf {version('pydyf')}; render.py {hashlib.sha256(source).hexdigest()[:16]}"


def fingerprint(html: str, pages: int, fonts: str, renderer: str) -> str:
    """The cache key of a PDF: a SHA-256 of everything it is made from."""
    digest = hashlib.sha256()
    for part in (renderer, fonts, str(pages), html):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


class PdfCache:
    """PDFs stored by fingerprint in one folder (`.cache/printables/` by default)."""

    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)

    def path(self, key: str) -> Path:
        return self.directory / f"{key}.pdf"

    def get(self, key: str) -> Path | None:
        """The cached PDF for `key`, if any (its time is refreshed, so pruning keeps what is in use)."""
        path = self.path(key)
        try:
            os.utime(path)
        except FileNotFoundError:
            return None
        return path

    def put(self, key: str, pdf: bytes) -> Path:
        """Store `pdf` under `key`; a concurrent build sees the whole file or none of it."""
        self.directory.mkdir(parents=True, exist_ok=True)
        path = self.path(key)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(pdf)
        tmp.replace(path)
        return path

    def prune(self, *, older_than_days: float = 30) -> int:
        """Delete PDFs not used for `older_than_days`; return how many were deleted."""
        if not self.directory.is_dir():
            return 0
        limit = time.time() - older_than_days * 86400
        removed = 0
        for path in self.directory.glob("*.pdf"):
            try:
                if path.stat().st_mtime < limit:
                    path.unlink()
                    removed += 1
            except FileNotFoundError:
                pass
        return removed


# -- fitting ----------------------------------------------------------------------------------------


@dataclass
class _FitBox:
    name: str
    element: object
    left: float
    top: float
    right: float
    bottom: float
    size: float
    minimum: float


def _label_of(element) -> tuple[str | None, str | None]:
    if element is None:
        return None, None
    if element.get("data-msgid") is not None:
        return element.get("data-msgid"), "msgid"
    if element.get("data-text") is not None:
        return element.get("data-text"), "text"
    return None, None


def _first_label(box, inherited):
    """The label of the first labelled text inside `box` (a line names the string it shows)."""
    from weasyprint.formatting_structure import boxes

    label = _label_of(getattr(box, "element", None))
    if label[0] is not None and not isinstance(box, boxes.LineBox):
        return label
    for child in getattr(box, "children", ()):
        found = _first_label(child, (None, None))
        if found[0] is not None:
            return found
    return inherited


def _text_of(box) -> str:
    text = getattr(box, "text", None)
    if text is not None:
        return text
    return "".join(_text_of(child) for child in getattr(box, "children", ()))


def find_overflows(document) -> dict[str, Overflow]:
    """The first text spilling out of each `data-fit` box of a laid-out WeasyPrint document."""
    from weasyprint.formatting_structure import boxes

    found: dict[str, Overflow] = {}

    def visit(box, fit: _FitBox | None, label):
        element = getattr(box, "element", None)
        if element is not None and element.get("data-fit") and (fit is None or fit.element is not element):
            x, y = box.content_box_x(), box.content_box_y()
            fit = _FitBox(
                element.get("data-fit"), element, x, y, x + box.width, y + box.height,
                float(element.get("data-fit-size")), float(element.get("data-fit-min")),
            )
        own = _label_of(element)
        if own[0] is not None and not isinstance(box, boxes.LineBox):
            label = own
        if fit is not None and fit.name not in found:
            culprit = None
            if isinstance(box, boxes.LineBox) and box.position_y + box.height > fit.bottom + TOLERANCE:
                culprit = _first_label(box, label)  # a line below the bottom of its box
            elif isinstance(box, (boxes.TextBox, boxes.InlineReplacedBox)) and (
                box.position_x + box.width > fit.right + TOLERANCE or box.position_x < fit.left - TOLERANCE
            ):
                culprit = label  # a word (or image) wider than its box, on either side
            if culprit is not None:
                found[fit.name] = Overflow(fit.name, culprit[0], culprit[1], _text_of(box).strip(), fit.size, fit.minimum)
        for child in getattr(box, "children", ()):
            visit(child, fit, label)

    # WeasyPrint has no public API for its layout boxes; `_page_box` is the root of each page's.
    for page in document.pages:
        visit(page._page_box, None, (None, None))
    return found


def _fit_css(sizes: dict[str, float]) -> str:
    return "".join(f'[data-fit="{name}"] {{ font-size: {size:.2f}pt !important; }}\n' for name, size in sorted(sizes.items()))


_FIT_TAG = re.compile(r"<[^>]*\sdata-fit=\"[^\"]+\"[^>]*>")
_ATTRIBUTE = re.compile(r'\s(data-fit(?:-size|-min)?)="([^"]*)"')


def fit_boxes(html: str) -> dict[str, tuple[float, float]]:
    """Each `data-fit` box of `html`: its starting font size and its readable floor, in pt."""
    found = {}
    for tag in _FIT_TAG.finditer(html):
        attributes = dict(_ATTRIBUTE.findall(tag.group(0)))
        found.setdefault(attributes["data-fit"], (float(attributes["data-fit-size"]), float(attributes["data-fit-min"])))
    return found


def render_job(job: RenderJob) -> RenderOutcome:
    """Lay out `job`, stepping sizes down until every text fits, and write the PDF.

    Runs in a worker process; returns problems instead of raising them.
    """
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    started = time.perf_counter()
    sizes = {name: start for name, (start, _) in fit_boxes(job.html).items()}
    font_config = FontConfiguration()
    for _ in range(_MAX_TRIES):
        stylesheet = CSS(string=_fit_css(sizes), font_config=font_config)
        document = HTML(string=job.html).render(stylesheets=[stylesheet], font_config=font_config)
        if len(document.pages) != job.pages:
            return RenderOutcome(job, problem=f"the template made {len(document.pages)} page(s) instead of {job.pages}")
        overflows = find_overflows(document)
        if not overflows:
            pdf = document.write_pdf(**dict(job.options))
            return RenderOutcome(job, pdf=pdf, sizes=sizes, seconds=time.perf_counter() - started)
        for name, overflow in overflows.items():
            current = sizes.get(name, overflow.size)
            if current <= overflow.minimum + 0.005:
                return RenderOutcome(job, overflow=Overflow(name, overflow.label, overflow.kind, overflow.text, current, overflow.minimum))
            sizes[name] = max(overflow.minimum, round(current * FIT_STEP, 2))
    return RenderOutcome(job, problem="the text sizes did not settle")


# -- many at once -----------------------------------------------------------------------------------


class RenderQueue:
    """Renders jobs, in worker processes when more than one language needs rendering.

    Jobs are handed to the workers as soon as the queue is made, so rendering goes on while MkDocs
    builds the pages; `result()` waits for one job. With one language (or one CPU) the jobs render
    in this process, when their result is asked for.
    """

    def __init__(self, jobs: list[RenderJob], *, workers: int | None = None) -> None:
        self._jobs = {(job.language, job.document): job for job in jobs}
        self._futures: dict[tuple[str, str], Future] = {}
        self._done: dict[tuple[str, str], RenderOutcome] = {}
        self._pool: ProcessPoolExecutor | None = None
        workers = workers or os.cpu_count() or 1
        languages = {job.language for job in jobs}
        if len(languages) > 1 and workers > 1:
            # "spawn": a clean interpreter, safe even when started from MkDocs' threaded dev server.
            context = multiprocessing.get_context("spawn")
            self._pool = ProcessPoolExecutor(max_workers=min(workers, len(jobs)), mp_context=context)
            for key, job in self._jobs.items():
                self._futures[key] = self._pool.submit(render_job, job)

    @property
    def parallel(self) -> bool:
        return self._pool is not None

    def result(self, language: str, document: str) -> RenderOutcome:
        key = (language, document)
        if key not in self._done:
            future = self._futures.get(key)
            try:
                self._done[key] = future.result() if future is not None else render_job(self._jobs[key])
            except BrokenProcessPool:
                # A worker died (killed for memory, say): render here rather than fail the build.
                log.debug("print materials: a render worker stopped; rendering %s/%s in this process", *key)
                self._done[key] = render_job(self._jobs[key])
        return self._done[key]

    def close(self) -> None:
        """Stop the workers; jobs not started yet are dropped."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
