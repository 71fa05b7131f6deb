"""A careless or hostile change to a translation is refused with the right finding, at the right line."""

from __future__ import annotations

import pytest

from kyr.cli import main
from kyr.integrity.run import check_project
from kyr.languages import read_site_languages
from translation_sites import DATA, data, translation_site, with_fingerprint

# Each bad file is good.md (or good.po) with one change; the finding it must give, and where.
PAGE_CASES = {
    "bad-phone-one-digit-changed.md": ("phone-differs", 17),
    "bad-phone-link-text-translated.md": ("phone-missing", 11),
    "bad-url-lookalike-domain.md": ("url-differs", 22),
    "bad-link-added-to-another-host.md": ("url-extra", 22),
    "bad-html-script.md": ("html-script", 13),
    "bad-html-onerror.md": ("html-event-handler", 13),
    "bad-javascript-link.md": ("unsafe-url", 26),
    "bad-list-item-deleted.md": ("list-items-count", 11),
    "bad-ordinal-5th-to-6th.md": ("number-differs", 13),
    "bad-placeholder-removed.md": ("placeholder-missing", 11),
    "bad-front-matter-status.md": ("front-matter-status", 6),
    "bad-front-matter-fingerprint.md": ("front-matter-source", 8),
    "bad-front-matter-template-added.md": ("front-matter-key", 5),
    "bad-date-day-changed.md": ("date-differs", 22),
    "bad-digits-arabic-indic.md": ("digits-not-ascii", 24),
    "bad-code-block-translated.md": ("code-block-differs", 31),
    "bad-image-from-another-host.md": ("remote-resource", 28),
    "bad-image-data-url.md": ("unsafe-url", 28),
    "bad-email-changed.md": ("email-differs", 22),
    "bad-html-iframe.md": ("html-embed", 28),
    "bad-html-div.md": ("html-tag", 13),
    "bad-heading-level-changed.md": ("heading-level", 19),
    "bad-admonition-kind-changed.md": ("admonition-kind", 21),
    "bad-attribute-list-event-handler.md": ("html-event-handler", 26),
    "bad-web-address-changed.md": ("web-missing", 19),
    "bad-promise-markers-dropped.md": ("promise-differs", 10),
    "bad-promise-renamed.md": ("promise-marker", 37),
    "bad-term-not-used.md": ("term-not-used", 11),
    "bad-term-forbidden-variant.md": ("term-forbidden", 15),
    "bad-bidi-override-in-heading.md": ("bidi-control", 11),
    "bad-rtl-mark-in-ltr-language.md": ("bidi-control", 24),
    "bad-soft-hyphen-in-title.md": ("invisible-character", 2),
    "bad-zero-width-space-in-phone.md": ("lookalike-character", 17),
    "bad-cyrillic-a-in-url.md": ("lookalike-character", 22),
    "bad-cyrillic-o-in-placeholder.md": ("lookalike-character", 16),
}
CATALOG_CASES = {
    "bad-po-phone-changed.po": ("phone-differs", 11),
    "bad-po-placeholder-misspelled.po": ("po-format", 15),
    "bad-po-script.po": ("html-script", 21),
    "bad-po-number-changed.po": ("number-differs", 18),
    "bad-po-unclosed-quote.po": ("po-quote", 22),
    "bad-po-text-without-quotes.po": ("po-quote", 22),
    "bad-po-plural-forms-not-babels.po": ("po-plural-forms", 6),
    "bad-po-term-not-used.po": ("term-not-used", 27),
    "bad-po-bidi-isolate.po": ("bidi-control", 21),
    "bad-po-fullwidth-digit-in-phone.po": ("lookalike-character", 11),
}
# Termbase findings are warnings (`kyr check --strict` fails on them); every other one is an error.
WARNING_CODES = {"term-not-used", "term-forbidden"}


def _site(tmp_path, translation: str | None = None, catalog: str | None = None):
    source = data("source.md")
    pages = {"en/page.md": source}
    if translation is not None:
        pages["es/page.md"] = with_fingerprint(translation, source)
    return translation_site(tmp_path / "site", pages, catalogs={"es": catalog} if catalog else None, termbases={"es": data("termbase-es.csv")})


def _check(site):
    return check_project(site, read_site_languages(site / "mkdocs.yml"))


def test_every_bad_data_file_has_an_expected_finding():
    on_disk = {path.name for path in DATA.glob("bad-*")} - {"bad-front-matter-yaml.md", "bad-po-unreadable.po"}
    assert on_disk == set(PAGE_CASES) | set(CATALOG_CASES)


def test_a_faithful_translation_and_catalog_pass_with_no_finding(tmp_path):
    report = _check(_site(tmp_path, data("good.md"), data("good.po")))
    assert report.findings == ()
    assert report.files == 3


@pytest.mark.parametrize("name", sorted(PAGE_CASES), ids=lambda name: name.removesuffix(".md"))
def test_a_bad_page_is_refused_with_the_right_finding(tmp_path, name):
    code, line = PAGE_CASES[name]
    severity = "warning" if code in WARNING_CODES else "error"
    report = _check(_site(tmp_path, data(name)))
    found = [(f.code, f.line) for f in report.findings]
    assert (code, line) in found, found
    finding = next(f for f in report.findings if f.code == code)
    assert finding.severity == severity
    assert str(finding).startswith(f"docs/es/page.md:{line}: {severity}: ") or str(finding).startswith(f"{finding.path}:{line}: {severity}: ")


@pytest.mark.parametrize("name", sorted(CATALOG_CASES), ids=lambda name: name.removesuffix(".po"))
def test_a_bad_catalog_message_is_refused_with_the_right_finding(tmp_path, name):
    code, line = CATALOG_CASES[name]
    report = _check(_site(tmp_path, catalog=data(name)))
    found = [(f.code, f.line) for f in report.findings]
    assert (code, line) in found, found
    assert all(str(f.path).endswith("translations/es/LC_MESSAGES/messages.po") for f in report.findings)


def test_a_termbase_finding_is_a_warning_that_fails_only_with_strict(tmp_path, capsys):
    site = _site(tmp_path, data("bad-term-forbidden-variant.md"))
    assert main(["check", "--project", str(site)]) == 0
    out = capsys.readouterr().out
    assert "docs/es/page.md:15: warning: 'mandamiento' is a variant the termbase forbids for 'warrant signed by a judge'" in out
    assert main(["check", "--strict", "--project", str(site)]) == 1


def test_a_term_mentioned_only_in_a_link_target_is_not_required(tmp_path):
    english = data("source.md").replace("Read [the ICE page]", "Read [the ICE page](https://example.org/lawyer) [x]")
    translation = data("good.md").replace("Lea [la página de ICE]", "Lea [la página de ICE](https://example.org/lawyer) [x]")
    site = translation_site(tmp_path / "site", {"en/page.md": english, "es/page.md": with_fingerprint(translation, english)}, termbases={"es": data("termbase-es.csv")})
    assert [f.code for f in _check(site).findings if f.code.startswith("term-")] == []


def test_an_invisible_or_lookalike_character_is_named_by_its_unicode_name(tmp_path):
    report = _check(_site(tmp_path, data("bad-cyrillic-a-in-url.md")))
    finding = next(f for f in report.findings if f.code == "lookalike-character")
    assert finding.message.startswith("U+0430 CYRILLIC SMALL LETTER A inside the web address 'https://www.ice.gov/det")
    report = _check(_site(tmp_path / "b", data("bad-bidi-override-in-heading.md")))
    assert "U+202E RIGHT-TO-LEFT OVERRIDE" in report.findings[0].message


def test_an_invisible_character_the_english_has_in_the_same_section_is_allowed(tmp_path):
    english = data("source.md").replace("The list is updated", "The list is\u00adupdated")
    translation = data("good.md").replace("La lista se actualiza", "La lista se\u00adactualiza")
    site = translation_site(tmp_path / "site", {"en/page.md": english, "es/page.md": with_fingerprint(translation, english)})
    assert [f.code for f in _check(site).findings] == ["invisible-character"]  # a warning on the English page only
    assert _check(site).errors == 0
    moved = data("good.md").replace("Mantenga la puerta", "Mantenga la\u00adpuerta")  # another section
    site = translation_site(tmp_path / "moved", {"en/page.md": english, "es/page.md": with_fingerprint(moved, english)})
    assert ("invisible-character", 13, "error") in [(f.code, f.line, f.severity) for f in _check(site).findings]


def test_a_right_to_left_language_may_use_direction_marks_but_never_an_override(tmp_path):
    source = data("source.md")
    arabic = data("good.md").replace("La lista se actualiza cada 3 meses", "La lista se actualiza cada \u200f3\u200e meses")
    site = translation_site(tmp_path / "a", {"en/page.md": source, "ar/page.md": with_fingerprint(arabic, source)}, languages=("en", "ar"))
    assert [f for f in _check(site).findings if f.code == "bidi-control"] == []
    hostile = arabic.replace("\u200f3", "\u202e3")
    site = translation_site(tmp_path / "b", {"en/page.md": source, "ar/page.md": with_fingerprint(hostile, source)}, languages=("en", "ar"))
    assert [(f.code, f.line) for f in _check(site).findings if f.code == "bidi-control"] == [("bidi-control", 24)]


def test_a_page_not_reviewed_within_the_period_is_a_warning_and_translations_inherit_its_date(tmp_path, capsys):
    import datetime as dt
    import shutil

    old = data("source.md").replace("last_reviewed: 2026-11-23", "last_reviewed: 2020-01-15")
    inherits = data("good.md").replace("last_reviewed: 2026-11-23\n", "")
    site = translation_site(tmp_path / "site", {"en/page.md": old, "es/page.md": with_fingerprint(inherits, old)})
    report = check_project(site, read_site_languages(site / "mkdocs.yml"), review_period_days=90, today=dt.date(2026, 12, 2))
    assert [(f.path.as_posix().endswith("docs/en/page.md"), f.line, f.code, f.severity) for f in report.findings] == [(True, 4, "review-due", "warning")]
    assert "last checked on 2020-01-15, 2513 days ago" in report.findings[0].message
    own_old_date = with_fingerprint(data("good.md").replace("2026-11-23", "2021-03-01"), old)
    site_b = translation_site(tmp_path / "b", {"en/page.md": old.replace("2020-01-15", "2026-11-23"), "es/page.md": own_old_date})
    report = check_project(site_b, read_site_languages(site_b / "mkdocs.yml"), review_period_days=90, today=dt.date(2026, 12, 2))
    assert [(f.path.as_posix().endswith("docs/es/page.md"), f.code) for f in report.findings] == [(True, "review-due")]
    # `kyr check` reads the period from clinic.yml; the warning passes, and fails with --strict.
    shutil.copy(DATA.parent.parent / "data" / "clinic" / "good-minimal.yml", site / "clinic.yml")
    assert main(["check", "--project", str(site)]) == 0
    assert "warning: its facts were last checked on 2020-01-15" in capsys.readouterr().out
    assert main(["check", "--strict", "--project", str(site)]) == 1


def test_a_finding_quotes_what_the_source_has_and_what_the_translation_has(tmp_path):
    report = _check(_site(tmp_path, data("bad-phone-one-digit-changed.md")))
    finding = next(f for f in report.findings if f.code == "phone-differs")
    assert (finding.source, finding.translation) == ("1-888-351-4024", "1-888-351-4025")
    assert "docs/en/page.md:13" in finding.message
    assert finding.hint


def test_5th_against_6th_is_a_number_difference_even_though_spanish_writes_5_a(tmp_path):
    report = _check(_site(tmp_path, data("bad-ordinal-5th-to-6th.md")))
    finding = next(f for f in report.findings if f.code == "number-differs")
    assert (finding.source, finding.translation) == ("5th", "6.ª")


@pytest.mark.parametrize("name, where", [("bad-front-matter-yaml.md", "docs/es/page.md:2:"), ("bad-po-unreadable.po", "messages.po:21:")])
def test_an_unreadable_file_is_a_clear_error_with_exit_code_2_and_no_traceback(tmp_path, capsys, name, where):
    site = _site(tmp_path, data(name)) if name.endswith(".md") else _site(tmp_path, catalog=data(name))
    code = main(["check", "--project", str(site)])
    out, err = capsys.readouterr()
    assert code == 2
    assert where in out
    assert "Traceback" not in out + err


def test_a_stale_translation_lacking_something_warns_but_one_adding_a_number_fails(tmp_path):
    source = data("source.md")
    changed = source.replace("The list is updated every 3 months", "The list is updated every 3 months, and on request")
    stale_but_faithful = with_fingerprint(data("good.md"), source)  # made from the old English page
    site = translation_site(tmp_path / "a", {"en/page.md": changed.replace("{{ clinic.legal_partners }}", "Call 911.\n\n{{ clinic.legal_partners }}"), "es/page.md": stale_but_faithful})
    report = _check(site)
    assert report.errors == 0 and report.warnings == 1
    assert report.findings[0].code == "number-missing" and report.findings[0].severity == "warning"

    hostile = stale_but_faithful.replace("cada 3 meses", "cada 30 meses")
    report = _check(translation_site(tmp_path / "b", {"en/page.md": changed, "es/page.md": hostile}))
    assert [f.code for f in report.findings if f.severity == "error"] == ["number-differs"]


def test_a_stale_translation_may_lack_a_new_promise_but_never_have_one_the_english_page_lacks(tmp_path):
    source = data("source.md")
    added = source + "\n{{ promise.tells_emergency_contact }}\nWe tell your emergency contact.\n{{ promise.end }}\n"
    stale = with_fingerprint(data("good.md"), source)  # made from the English page before the promise was added
    report = _check(translation_site(tmp_path / "a", {"en/page.md": added, "es/page.md": stale}))
    assert [(f.code, f.severity) for f in report.findings] == [("promise-differs", "warning")]
    assert "tells_emergency_contact" in report.findings[0].message

    dropped = source.replace("{{ promise.calls_counsel }}\nWe call our lawyer right away.\n{{ promise.end }}\n", "")
    report = _check(translation_site(tmp_path / "b", {"en/page.md": dropped, "es/page.md": stale}))
    assert ("promise-differs", "error") in [(f.code, f.severity) for f in report.findings]


def test_an_unknown_promise_in_an_english_page_is_an_error_at_its_line(tmp_path):
    source = data("source.md").replace("{{ promise.calls_counsel }}", "{{ promise.call_counsel }}")
    report = _check(translation_site(tmp_path / "site", {"en/page.md": source}))
    finding = next(f for f in report.findings if f.code == "promise-marker")
    assert (str(finding.path), finding.line, finding.severity) == ("docs/en/page.md", 33, "error")
    assert "did you mean '{{ promise.calls_counsel }}'?" in finding.hint


def test_a_translation_without_an_english_page_is_reported(tmp_path):
    site = translation_site(tmp_path / "site", {"en/page.md": data("source.md"), "es/other.md": data("good.md")})
    report = _check(site)
    assert [f.code for f in report.findings] == ["no-source"]


def test_the_projects_own_content_passes(project_root):
    report = check_project(project_root, read_site_languages(project_root / "mkdocs.yml"))
    errors = [str(f) for f in report.findings if f.severity == "error"]
    assert errors == [], "\n".join(errors)
    assert report.files > 100
