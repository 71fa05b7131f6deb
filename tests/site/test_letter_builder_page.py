"""The letter builder page as built: its form, its letterhead from clinic.yml, its strings in gettext."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

from kyr.clinic import load_clinic

from kyrtest import ROOT, fixture_site, run_mkdocs


class _Tags(HTMLParser):
    """Every start tag of a page, with its attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def tags_of(html: str) -> list[tuple[str, dict]]:
    parser = _Tags()
    parser.feed(html)
    return parser.tags


def builder_html(site, lang: str = "") -> str:
    return (site / lang / "letter-builder" / "index.html").read_text(encoding="utf-8")


def test_builder_page_is_built_in_every_language_with_a_form_that_cannot_submit(built_site):
    for lang in ("", "es", "ar"):
        html = builder_html(built_site, lang)
        # The form, and the row templates whose copies the script adds to it.
        tags = tags_of(html[html.index('<form id="kyr-lb-form"'):html.index('<section class="kyr-lb-output"')])
        forms = [attrs for tag, attrs in tags if tag == "form" and attrs.get("id") == "kyr-lb-form"]
        assert forms and forms[0]["method"] == "dialog" and forms[0]["autocomplete"] == "off", lang
        fields = [attrs for tag, attrs in tags if tag in ("input", "textarea", "select")]
        assert len(fields) > 20
        assert [f for f in fields if "name" in f] == []
        assert all(f.get("autocomplete") == "off" for f in fields if f.get("type") != "checkbox")


def test_builder_page_runs_only_our_own_script_files(built_site):
    tags = tags_of(builder_html(built_site))
    scripts = [attrs for tag, attrs in tags if tag == "script"]
    assert {"src": "../assets/javascripts/letter-builder.js"} in scripts
    for attrs in scripts:
        if "src" in attrs:
            assert not re.match(r"(https?:)?//", attrs["src"]), attrs
        else:
            assert attrs.get("type") == "application/json", attrs  # data, never executed
    assert (built_site / "assets" / "javascripts" / "letter-builder.js").is_file()


def test_builder_messages_block_is_valid_json_for_the_script(built_site):
    html = builder_html(built_site)
    block = re.search(r'<script type="application/json" id="kyr-lb-messages">(.*?)</script>', html, re.S).group(1)
    assert set(json.loads(block)) == {"problems", "confirm_clear", "cleared", "printing"}


def test_letterhead_carries_the_clinic_values_and_its_logo(built_site):
    clinic = load_clinic(ROOT / "clinic.yml")
    html = builder_html(built_site)
    letter = html[html.index('id="kyr-letter"'):]
    for value in (clinic.name, clinic.address, clinic.phone.display, clinic.email):
        assert value in letter
    logo = next(attrs for tag, attrs in tags_of(letter) if tag == "img" and "kyr-letter__logo" in attrs.get("class", ""))
    assert logo["src"] == f"../assets/kyr/clinic-logo{clinic.logo.suffix}"
    published = built_site / "assets" / "kyr" / f"clinic-logo{clinic.logo.suffix}"
    assert published.read_bytes() == clinic.logo.read_bytes()


def test_logo_is_published_from_wherever_clinic_yml_keeps_it(tmp_path):
    text = (ROOT / "clinic.yml").read_text(encoding="utf-8")
    text = re.sub(r"^logo: .*$", "logo: branding/our-mark.png", text, flags=re.M)
    clinic = tmp_path / "clinic.yml"
    clinic.write_text(text, encoding="utf-8")
    builder = (ROOT / "docs" / "en" / "letter-builder.md").read_text(encoding="utf-8")
    site = fixture_site(tmp_path, clinic=clinic, pages={
        "en/index.md": "---\ntitle: Home\n---\n\nHello.\n",
        "en/clinicians.md": "---\ntitle: Clinicians\n---\n\n## Plain-text template\n",
        "en/letter-builder.md": builder,
        "es/index.md": "---\ntitle: Inicio\n---\n\nHola.\n",
    })
    png = b"\x89PNG\r\n\x1a\n" + b"\0" * 32  # the build copies bytes; it does not decode the image
    (site / "branding").mkdir()
    (site / "branding" / "our-mark.png").write_bytes(png)

    result = run_mkdocs(site)

    assert result.returncode == 0, result.stderr
    assert (site / "site" / "assets" / "kyr" / "clinic-logo.png").read_bytes() == png
    spanish = (site / "site" / "es" / "letter-builder" / "index.html").read_text(encoding="utf-8")
    assert 'src="../../assets/kyr/clinic-logo.png"' in spanish


def test_interface_strings_are_gettext_messages_and_the_letter_stays_english():
    template = (ROOT / "translations" / "messages.pot").read_text(encoding="utf-8")
    for message in (
        "Print the letter",
        "Print the wallet copy",
        "Clear the form",
        "Enter the patient's full name.",
        "Type 1 diabetes (insulin)",
        "Type 2 diabetes treated with insulin",
        "Who gets a copy",
        "Private by design",
    ):
        assert f'msgid "{message}"' in template, message
    # The letter goes to US officials: its wording is not offered for translation.
    for letter_text in ("To whom it may concern:", "Risks if treatment is interrupted"):
        assert letter_text not in template


def test_clinicians_page_links_to_the_builder_and_keeps_its_plain_text_template(built_site):
    html = (built_site / "clinicians" / "index.html").read_text(encoding="utf-8")
    intro = html[: html.index('id="when-should-you-write-the-letter"')]
    assert 'href="../letter-builder/"' in intro
    assert 'id="plain-text-template"' in html
    assert "I request that:" in html
