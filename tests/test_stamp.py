"""`kyr stamp` records the English page's fingerprint and changes nothing else in the file."""

from __future__ import annotations

import pytest

from kyr.errors import ContentError
from kyr.pages import read_page, source_fingerprint
from kyr.stamp import stamp_page, stamp_text
from translation_sites import data, translation_site

TRANSLATION = """---
title: "Sus derechos: en casa"   # a comment that stays
translation:
  status: machine  # drafted by software
  by: Machine draft, not yet reviewed by a person
  source: sha256:000000000000
last_reviewed: 2026-11-23
---

Texto con  dos espacios, y una línea final sin salto"""


def test_only_the_translation_lines_change():
    stamped = stamp_text(TRANSLATION, {"source": "sha256:0123456789ab", "status": "community", "by": "Ana R."})
    before, after = TRANSLATION.splitlines(), stamped.splitlines()
    changed = [(a, b) for a, b in zip(before, after) if a != b]
    assert len(before) == len(after)
    assert changed == [
        ("  status: machine  # drafted by software", "  status: community  # drafted by software"),
        ("  by: Machine draft, not yet reviewed by a person", "  by: Ana R."),
        ("  source: sha256:000000000000", "  source: sha256:0123456789ab"),
    ]
    assert stamped.endswith("sin salto")


def test_a_name_that_needs_quotes_is_quoted():
    stamped = stamp_text(TRANSLATION, {"by": "Lee: reviewer #2"})
    assert '  by: "Lee: reviewer #2"' in stamped


@pytest.mark.parametrize("front_matter, expected", [
    ("---\ntitle: T\n---\n\nBody\n", "---\ntitle: T\ntranslation:\n  status: machine\n  source: sha256:0123456789ab\n---\n\nBody\n"),
    ("---\ntitle: T\ntranslation: {status: machine, source: sha256:000000000000}\n---\nBody\n",
     "---\ntitle: T\ntranslation:\n  status: machine\n  source: sha256:0123456789ab\n---\nBody\n"),
    ("Body\n", "---\ntranslation:\n  status: machine\n  source: sha256:0123456789ab\n---\n\nBody\n"),
], ids=["no-translation-block", "flow-mapping", "no-front-matter"])
def test_a_missing_or_inline_block_is_written_as_a_block(front_matter, expected):
    assert stamp_text(front_matter, {"status": "machine", "source": "sha256:0123456789ab"}) == expected


def test_stamp_page_records_the_current_english_fingerprint(tmp_path):
    source = data("source.md")
    site = translation_site(tmp_path / "site", {"en/page.md": source, "es/page.md": data("good.md")})
    result = stamp_page(site / "docs/es/page.md", site / "docs/en/page.md", status="legal", by="Clinic counsel")
    page = read_page(site / "docs/es/page.md")
    assert page.translation == {"status": "legal", "by": "Clinic counsel", "source": source_fingerprint(read_page(site / "docs/en/page.md"))}
    assert result.changed
    again = stamp_page(site / "docs/es/page.md", site / "docs/en/page.md")
    assert not again.changed


def test_community_or_legal_needs_a_name(tmp_path):
    site = translation_site(tmp_path / "site", {"en/page.md": data("source.md"), "es/page.md": data("good.md")})
    with pytest.raises(ContentError, match="--by"):
        stamp_page(site / "docs/es/page.md", site / "docs/en/page.md", status="community")
