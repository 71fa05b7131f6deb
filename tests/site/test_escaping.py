"""Front-matter values are text: a quote, an ampersand or a tag in a title or description is
printed escaped everywhere, so it can neither end an attribute nor become markup."""

from __future__ import annotations

from html.parser import HTMLParser

from jinja2 import Environment

from kyr.escaping import finalize, mark_front_matter
from kyr.site.theme import valid_toggles
from kyrtest import fixture_site, run_mkdocs

TITLE = 'Rights & "duties" <b>now</b>'
DESCRIPTION = 'What "chaj piblik" means, and <i>why</i> it\'s safe & sound.'


class _Collect(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self._in: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in.append(tag)

    def handle_endtag(self, tag):
        if tag in self._in:
            self._in.remove(tag)

    def handle_data(self, data):
        self.text.append(data)


def test_a_template_escapes_front_matter_values_and_leaves_other_html_alone():
    meta = {"title": TITLE, "hide": ["toc"], "translation": {"by": 'A "B"'}}
    mark_front_matter(meta)
    env = Environment(finalize=finalize)
    out = env.from_string('<meta content="{{ m.title }}">{{ m.title | e }}{{ m.translation.by }}{{ html }}').render(m=meta, html="<p>x</p>")
    assert out == '<meta content="Rights &amp; &#34;duties&#34; &lt;b&gt;now&lt;/b&gt;">Rights &amp; &#34;duties&#34; &lt;b&gt;now&lt;/b&gt;A &#34;B&#34;<p>x</p>'
    assert meta["hide"] == ["toc"] and isinstance(meta["title"], str)


def test_materials_checkboxes_lose_autocomplete_but_keep_it_through_their_form():
    html = ('<body>\n    <input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">\n'
            '    <input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">\n'
            '<input type="text" class="md-search__input" autocomplete="off">')
    fixed = valid_toggles(html)
    assert fixed.count('<form id="kyr-toggles" autocomplete="off" hidden></form>') == 1
    assert fixed.count('form="kyr-toggles"') == 2
    assert 'type="checkbox" id="__drawer" autocomplete' not in fixed
    assert '<input type="text" class="md-search__input" autocomplete="off">' in fixed  # valid on text
    assert valid_toggles(fixed) == fixed


def test_a_quote_in_a_translated_description_stays_inside_the_meta_tag(tmp_path):
    page = f"---\ntitle: '{TITLE}'\ndescription: '{DESCRIPTION.replace(chr(39), chr(39) * 2)}'\nlast_reviewed: 2026-11-23\n---\n\nText.\n"
    site = fixture_site(tmp_path, pages={
        "en/index.md": "---\ntitle: Home\nlast_reviewed: 2026-11-23\n---\n\nHello.\n",
        "en/page.md": page,
        "es/index.md": "---\ntitle: Inicio\nlast_reviewed: 2026-11-23\n---\n\nHola.\n",
    })
    result = run_mkdocs(site)
    assert result.returncode == 0, result.stderr
    html = (site / "site" / "page" / "index.html").read_text(encoding="utf-8")
    parsed = _Collect()
    parsed.feed(html)
    metas = [attrs for tag, attrs in parsed.tags if tag == "meta" and attrs.get("name") == "description"]
    assert metas == [{"name": "description", "content": DESCRIPTION}]
    assert all(set(attrs) <= {"name", "content", "charset", "property", "http-equiv"} for tag, attrs in parsed.tags if tag == "meta")
    # The title is text wherever it is printed (head, header, heading, navigation): never a tag.
    assert not any(tag in ("b", "i") for tag, _ in parsed.tags)
    assert f"<title>{TITLE.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;').replace(chr(34), '&#34;')} - Test</title>" in html
    assert sum(TITLE in text for text in parsed.text) >= 3
