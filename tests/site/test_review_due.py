"""A page whose facts are older than the clinic's review period says so to its readers, in their
language, and is listed on the Translation status page; its translations inherit its date."""

from __future__ import annotations

import datetime as dt
import gettext

from kyr.coverage import compute_coverage
from kyr.languages import make_language, read_site_languages
from kyr.site.banners import review_notice
from kyrtest import fixture_site, run_mkdocs

OLD = "2020-01-15"
RECENT = dt.date.today().isoformat()


def _page(title: str, reviewed: str | None, body: str, translation: bool = False) -> str:
    lines = ["---", f"title: {title}"]
    if reviewed:
        lines.append(f"last_reviewed: {reviewed}")
    if translation:
        lines += ["translation:", "  status: community", "  by: Ana R.", "  source: sha256:000000000000"]
    return "\n".join(lines + ["---", "", body, ""])


def test_an_overdue_page_and_its_translation_show_the_review_line_and_the_status_page_lists_it(tmp_path):
    site = fixture_site(tmp_path, pages={
        "en/index.md": _page("Home", RECENT, "Welcome."),
        "en/old.md": _page("Old facts", OLD, "Some facts."),
        "es/index.md": _page("Inicio", RECENT, "Bienvenida.", translation=True),
        "es/old.md": _page("Hechos viejos", None, "Algunos hechos.", translation=True),
    })
    result = run_mkdocs(site)
    assert result.returncode == 0, result.stderr
    built = site / "site"
    english = (built / "old" / "index.html").read_text(encoding="utf-8")
    line = '<div class="kyr-review-due" role="note"><p lang="en" dir="ltr">These facts were last checked on January 15, 2020, more than 3 months ago.</p></div>'
    assert line in english
    # The Spanish page has no date of its own: it inherits the English one. Its catalog does not
    # translate the line yet, so it is marked as English.
    spanish = (built / "es" / "old" / "index.html").read_text(encoding="utf-8")
    assert line in spanish
    for fresh in (built / "index.html", built / "es" / "index.html"):
        assert "kyr-review-due" not in fresh.read_text(encoding="utf-8")
    status = (built / "status" / "index.html").read_text(encoding="utf-8")
    due = status[status.index("Due for review"):]
    assert "Old facts</a> · January 15, 2020" in due[: due.index("</ul>")]
    assert "Home</a>" not in due[: due.index("</ul>")]


def test_the_review_line_is_in_the_readers_language_once_translated(project_root):
    languages = {lang.code: lang for lang in read_site_languages(project_root / "mkdocs.yml")}
    report = compute_coverage(project_root, list(languages.values()))
    rel = report.sources[0].rel

    class Arabic(gettext.NullTranslations):
        def ngettext(self, singular, plural, n):
            return "تم التحقق من هذه المعلومات آخر مرة في %(date)s، منذ أكثر من %(num)s أشهر."

    meta = {"last_reviewed": dt.date(2020, 1, 15)}
    text = review_notice(report, rel, meta, languages["ar"], 90, Arabic().ngettext, today=dt.date(2026, 12, 2))
    assert (text.lang, text.direction) == ("ar", "rtl")
    assert "2020" in text.text and "3" in text.text and "January" not in text.text
    assert review_notice(report, rel, {"last_reviewed": dt.date(2026, 11, 1)}, languages["ar"], 90, Arabic().ngettext, today=dt.date(2026, 12, 2)) is None
    assert make_language("ar").is_rtl
