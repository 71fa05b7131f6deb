"""Placeholders: clinic values resolved once, for the reader's language."""

from __future__ import annotations

import gettext

import pytest

from kyr.clinic import load_clinic
from kyr.errors import ContentError
from kyr.languages import make_language
from kyr.placeholders import LanguageLink, PlaceholderContext, find_placeholders, render_placeholders


@pytest.fixture(scope="module")
def clinic(project_root):
    return load_clinic(project_root / "clinic.yml")


def context(clinic, code="en", links=()):
    return PlaceholderContext(clinic, make_language(code, is_source=code == "en"), gettext.NullTranslations().gettext, links)


def test_phone_becomes_a_tappable_link(clinic):
    assert render_placeholders("Call {{ clinic.phone }}.", context(clinic)) == "Call [(413) 555-0100](tel:+14135550100)."


def test_clinic_text_is_isolated_for_right_to_left_pages(clinic):
    assert render_placeholders("{{ clinic.name }}", context(clinic, "ar")) == "<bdi>Riverside Community Health Center (example)</bdi>"


def test_markdown_and_html_in_clinic_values_cannot_inject_markup(clinic, tmp_path, project_root):
    text = (project_root / "clinic.yml").read_text(encoding="utf-8").replace(
        "name: Riverside Community Health Center (example)", 'name: "<script>x</script> *Clinic* [a](b)"'
    )
    path = tmp_path / "clinic.yml"
    path.write_text(text, encoding="utf-8")
    (tmp_path / "overrides/assets/images").mkdir(parents=True)
    (tmp_path / "overrides/assets/images/clinic-logo.svg").write_text("<svg/>")
    rendered = render_placeholders("{{ clinic.name }}", context(load_clinic(path)))
    assert "<script>" not in rendered
    assert "&lt;script&gt;" in rendered
    assert "\\*Clinic\\*" in rendered and "\\[a\\]" in rendered


def test_hours_and_language_names_are_written_in_the_readers_language(clinic):
    spanish = render_placeholders("{{ clinic.interpreter_languages }}", context(clinic, "es"))
    assert spanish == "español, portugués, criollo haitiano y vietnamita"
    partners = render_placeholders("{{ clinic.legal_partners }}", context(clinic, "es"))
    assert "lunes–viernes" in partners


def test_placeholders_inside_code_are_left_alone(clinic):
    text = "```text\n{{ clinic.phone }}\n```\n"
    assert render_placeholders(text, context(clinic)) == text


def test_unknown_placeholder_names_line_and_suggests(clinic):
    with pytest.raises(ContentError) as caught:
        render_placeholders("one\ntwo {{ clinic.hotline.phon }}", context(clinic), path="x.md", first_line=5)
    assert caught.value.line == 6
    assert "clinic.hotline.phone" in caught.value.hint


def test_an_unknown_print_placeholder_is_answered_with_the_print_placeholders(clinic):
    import kyr.printables  # noqa: F401  (registers the print placeholders)

    with pytest.raises(ContentError) as caught:
        render_placeholders("{{ print.leaflet }}", context(clinic), path="x.md")
    assert caught.value.hint.startswith("the {{ print.* }} placeholders are: print.")
    assert "print.materials" in caught.value.hint and "clinic." not in caught.value.hint


def test_language_list_links_each_language_in_its_own_name(clinic):
    links = (LanguageLink(make_language("en", is_source=True), "./"), LanguageLink(make_language("ar"), "ar/"))
    html = render_placeholders("{{ site.languages }}", context(clinic, "en", links))
    assert '<a href="ar/" lang="ar" hreflang="ar" dir="rtl">العربية</a>' in html


def test_find_placeholders_reports_lines():
    assert find_placeholders("a\n{{ clinic.name }} {{ site.languages }}") == [("clinic.name", 2), ("site.languages", 2)]
