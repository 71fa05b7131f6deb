"""Reports: an aligned table for people (colour only on a terminal), stable JSON, Markdown for CI."""

from __future__ import annotations

import io
import json

import pytest

from kyr.coverage import compute_coverage
from kyr.integrity.run import check_project
from kyr.languages import read_site_languages
from kyr.reports import Style, _width, check_json, check_markdown, check_text, coverage_json, coverage_markdown, coverage_table
from translation_sites import data, translation_site, with_fingerprint


def _site(tmp_path):
    source = data("source.md")
    return translation_site(tmp_path / "site", {
        "en/page.md": source,
        "en/other.md": "---\ntitle: Other\n---\n\nText.\n",
        "es/page.md": with_fingerprint(data("bad-phone-one-digit-changed.md"), source),
    }, languages=("en", "es", "zh-hans"))


def _coverage(site):
    return compute_coverage(site, read_site_languages(site / "mkdocs.yml"))


def test_the_table_has_a_summary_line_per_language_then_the_details(tmp_path):
    text = coverage_table(_coverage(_site(tmp_path)))
    lines = text.splitlines()
    assert lines[0] == "Translation coverage: 2 English pages, " + lines[0].split(", ")[1]
    assert lines[2].startswith("es ") and "1/2  50%" in lines[2]
    assert lines[3].startswith("zh-hans") and "0/2   0%" in lines[3]
    assert "  missing  other.md" in text
    assert "\033[" not in text


@pytest.mark.parametrize("text, columns", [
    ("中文 (简体)", 11),
    ("한국어", 6),
    ("\u1019\u103c\u1014\u103a\u1019\u102c", 5),  # မြန်မာ: spacing signs (Mc) take a column, the asat (Mn) none
    ("\u1019\u102f", 1),  # a Burmese letter and its vowel sign below: one column
    ("\u12a0\u121b\u122d\u129b", 4),  # አማርኛ: Ethiopic syllables are one column each
    ("\u200fعربي\u200e", 4),  # direction marks take no column
])
def test_display_width_counts_terminal_columns_not_characters(text, columns):
    assert _width(text) == columns


def test_burmese_and_amharic_names_keep_the_columns_aligned(tmp_path):
    site = translation_site(tmp_path / "site", {"en/page.md": "---\ntitle: Page\n---\n\nText.\n"}, languages=("en", "my", "am", "ko"))
    lines = coverage_table(_coverage(site), details=False).splitlines()
    header, rows = lines[1], lines[2:5]
    end = _width(header[: header.index("pages current") + len("pages current")])
    assert [row.split()[0] for row in rows] == ["my", "am", "ko"]
    assert all(_width(row[: row.index("0%") + 2]) == end for row in rows), rows


def test_wide_characters_keep_the_columns_aligned(tmp_path):
    lines = coverage_table(_coverage(_site(tmp_path)), details=False).splitlines()
    header, es, zh = lines[1], lines[2], lines[3]
    end = _width(header[: header.index("pages current") + len("pages current")])
    # 中文 (简体) is 6 characters but 10 columns on screen; the percentages still line up.
    assert _width(es[: es.index("50%") + 3]) == end
    assert _width(zh[: zh.index(" 0%") + 3]) == end


def test_colour_only_for_a_terminal_without_no_color(monkeypatch):
    class Tty(io.StringIO):
        def isatty(self):
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    assert Style.for_stream(Tty()).enabled
    assert not Style.for_stream(io.StringIO()).enabled
    monkeypatch.setenv("NO_COLOR", "1")
    assert not Style.for_stream(Tty()).enabled


def test_json_has_stable_keys(tmp_path):
    data_ = json.loads(coverage_json(_coverage(_site(tmp_path))))
    assert set(data_) == {"source", "languages", "errors"}
    es = data_["languages"][0]
    assert set(es) == {"code", "tag", "name", "direction", "pages", "words", "review", "messages", "terms", "details"}
    assert es["pages"] == {"total": 2, "current": 1, "stale": 0, "missing": 1, "current_percent": 50.0}
    assert set(es["details"][0]) == {"page", "state", "status", "path", "recorded_source", "words", "problem"}


def test_markdown_is_a_table_and_collapsed_details(tmp_path):
    text = coverage_markdown(_coverage(_site(tmp_path)))
    assert "| es Español | 1/2 (50%) |" in text
    assert "<details><summary>es Español: 0 stale, 1 missing</summary>" in text
    assert "- missing: `other.md`" in text


def test_findings_print_compiler_style_then_a_total(tmp_path):
    site = _site(tmp_path)
    report = check_project(site, read_site_languages(site / "mkdocs.yml"))
    text = check_text(report)
    assert text.splitlines()[0].endswith(": error: phone number differs from the source: the source has '1-888-351-4024' (docs/en/page.md:13), the translation has '1-888-351-4025'")
    assert text.splitlines()[0].split(":")[1] == "17"
    assert text.rstrip().endswith("1 error, 0 warnings in 3 files checked")
    assert json.loads(check_json(report))["findings"][0]["code"] == "phone-differs"
    assert "| error |" in check_markdown(report)
