"""Fitting text to its box, the PDF cache, and rendering several languages at once."""

from __future__ import annotations

import os
import time

import pytest

from kyr.printables.render import PdfCache, RenderJob, RenderQueue, fingerprint, fit_boxes, render_job


def page(body: str, *, lang: str = "en", dir: str = "ltr", pages: int = 1) -> str:
    breaks = "<p>first</p>" + "".join('<p style="break-before: page">more</p>' for _ in range(pages - 1)) if pages > 1 else ""
    return (
        f'<html lang="{lang}" dir="{dir}"><head><style>@page {{ size: 300pt 200pt; margin: 0 }}'
        'html { font-family: "Noto Sans", "Noto Naskh Arabic"; line-height: 1.2 }'
        ".box { position: absolute; left: 20pt; top: 20pt; width: 120pt; height: 40pt }</style></head>"
        f"<body>{body}{breaks}</body></html>"
    )


def box(text: str, *, size: float = 12, minimum: float = 8, style: str = "") -> str:
    return (
        f'<div class="box" data-fit="note" data-fit-size="{size}" data-fit-min="{minimum}" style="{style}">'
        f'<span data-msgid="The note.">{text}</span></div>'
    )


def job(html: str, pages: int = 1) -> RenderJob:
    return RenderJob(html=html, pages=pages, language="en", document="test", fingerprint="x")


def test_text_that_fits_keeps_its_starting_size():
    outcome = render_job(job(page(box("Do not open the door."))))
    assert outcome.pdf.startswith(b"%PDF") and outcome.sizes == {"note": 12}


def test_text_a_little_too_long_steps_down_but_stays_above_the_floor():
    # Four lines of 12pt text (57.6pt) do not fit 40pt; at about 9pt three lines do.
    text = "You have the right to stay silent. Do not sign anything. Ask for a lawyer."
    outcome = render_job(job(page(box(text))))
    assert outcome.pdf is not None and outcome.overflow is None
    assert 8 <= outcome.sizes["note"] < 12


def test_text_that_cannot_fit_names_its_string_instead_of_spilling_over():
    outcome = render_job(job(page(box("Do not open the door. " * 12))))
    assert outcome.pdf is None
    assert (outcome.overflow.fit, outcome.overflow.label, outcome.overflow.kind) == ("note", "The note.", "msgid")
    assert outcome.overflow.size == 8 and outcome.overflow.minimum == 8


def test_a_word_too_wide_for_its_box_counts_as_overflow():
    outcome = render_job(job(page(box("https://a-very-long-address.example.org/with/a/path", style="white-space: nowrap"))))
    assert outcome.pdf is None and outcome.overflow.label == "The note."


def test_right_to_left_text_spilling_out_on_the_left_is_caught():
    arabic = box("اتصل بخط معلومات محكمة الهجرة ومعك رقم A", style="white-space: nowrap")
    outcome = render_job(job(page(arabic, lang="ar", dir="rtl")))
    assert outcome.pdf is None and outcome.overflow.label == "The note."


def test_a_template_making_the_wrong_number_of_pages_is_reported():
    outcome = render_job(job(page(box("Short."), pages=2), pages=1))
    assert outcome.pdf is None and "2 page(s) instead of 1" in outcome.problem


def test_fit_boxes_reads_start_and_floor_whatever_the_attribute_order():
    html = '<div data-fit-min="6" class="x" data-fit="a" data-fit-size="8"></div><p data-fit="b" data-fit-size="20" data-fit-min="14">'
    assert fit_boxes(html) == {"a": (8.0, 6.0), "b": (20.0, 14.0)}


def test_the_fingerprint_changes_with_every_input():
    base = fingerprint("<p>a</p>", 1, "fonts-1", "renderer-1")
    assert base == fingerprint("<p>a</p>", 1, "fonts-1", "renderer-1")
    assert len({base, fingerprint("<p>b</p>", 1, "fonts-1", "renderer-1"), fingerprint("<p>a</p>", 2, "fonts-1", "renderer-1"),
                fingerprint("<p>a</p>", 1, "fonts-2", "renderer-1"), fingerprint("<p>a</p>", 1, "fonts-1", "renderer-2")}) == 5


def test_the_cache_returns_what_was_stored_and_prunes_what_went_unused(tmp_path):
    cache = PdfCache(tmp_path / "cache")
    assert cache.get("abc") is None
    stored = cache.put("abc", b"%PDF-1.7 test")
    assert cache.get("abc") == stored and stored.read_bytes() == b"%PDF-1.7 test"
    cache.put("old", b"%PDF old")
    long_ago = time.time() - 40 * 86400
    os.utime(cache.path("old"), (long_ago, long_ago))
    assert cache.prune(older_than_days=30) == 1
    assert cache.get("old") is None and cache.get("abc") is not None
    assert not list((tmp_path / "cache").glob(".*.tmp"))


def test_two_languages_render_in_worker_processes_and_one_in_this_process():
    html = page(box("Ask for a lawyer."))
    one = RenderQueue([job(html)], workers=2)
    assert not one.parallel
    assert one.result("en", "test").pdf is not None
    jobs = [RenderJob(html, 1, code, "test", code) for code in ("en", "es")]
    both = RenderQueue(jobs, workers=2)
    try:
        assert both.parallel
        assert all(both.result(code, "test").pdf.startswith(b"%PDF") for code in ("en", "es"))
    finally:
        both.close()
