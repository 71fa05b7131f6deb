"""Front-matter values are text, never HTML: marked as such when a page is read, and escaped by the
template engine wherever a template prints one.

MkDocs and Material print `page.meta.description`, `page.meta.title`, `page.title` and navigation
titles unescaped in many places (the head's meta tags, the header, the first heading, the
navigation). A quote in a translated description would end the `content` attribute of the meta
tag and turn the rest of the sentence into attributes. Rather than copy every template that prints
a title, each string of a page's front matter becomes a `FrontMatterText` (still a `str` for every
other reader), and `finalize`, installed as the Jinja environment's finalize hook, escapes such a
value when, and only when, a template prints it. `| e` on it escapes it once, as before.
"""

from __future__ import annotations

from markupsafe import Markup, escape


class FrontMatterText(str):
    """A string that came from a page's front matter: plain text, to be escaped when printed."""

    __slots__ = ()


def mark(value):
    """`value` with every string in it (in dicts and lists too) marked as front-matter text."""
    if isinstance(value, str) and not isinstance(value, (FrontMatterText, Markup)):
        return FrontMatterText(value)
    if isinstance(value, dict):
        return {key: mark(item) for key, item in value.items()}
    if isinstance(value, list):
        return [mark(item) for item in value]
    return value


def mark_front_matter(meta: dict) -> None:
    """Mark, in place, every string value of a page's front matter `meta`."""
    for key, value in list(meta.items()):
        meta[key] = mark(value)


def finalize(value):
    """The Jinja `finalize` hook: front-matter text is escaped; every other value is left alone."""
    return escape(value) if isinstance(value, FrontMatterText) else value
