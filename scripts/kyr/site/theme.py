"""What our theme overrides need from the core, prepared for Jinja."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
import os
import re
from importlib import resources
from pathlib import Path
from urllib.parse import urljoin

from jinja2 import FileSystemBytecodeCache

from ..errors import KyrError
from ..escaping import FrontMatterText
from ..formatting import format_review_date
from ..pages import read_page
from ..review import effective_date
from ..languages import Language


@functools.cache  # Material's files do not change during a build
def _material_languages() -> frozenset[str]:
    folder = resources.files("material") / "templates" / "partials" / "languages"
    return frozenset(entry.name.removesuffix(".html") for entry in folder.iterdir() if entry.name.endswith(".html"))


def material_language(language: Language, fallbacks: dict) -> str:
    """The Material interface translation used for `language`: its own, the closest, the `interface`
    declared for a language CLDR lacks, or a chosen fallback."""
    available = _material_languages()
    base = language.tag.split("-")[0]
    candidates = [language.tag, language.code, f"{base}-{language.tag.split('-')[1]}" if "-" in language.tag else base]
    candidates.append(language.interface or "")
    candidates.append(fallbacks.get(language.code, ""))
    candidates.append(base)
    return next((c for c in candidates if c and c in available), "en")


@dataclass(frozen=True)
class PageInfo:
    """What our templates show around a page's content."""

    last_reviewed: str | None
    content_language: Language | None  # set when the content is another language's (a fallback)


def page_info(meta: dict, language: Language, content_language: Language | None = None, *, inherited: dt.date | None = None) -> PageInfo:
    """The review date of a page written in `language` (its own, else its English page's,
    `inherited`), and the content's language if it differs."""
    value = effective_date(meta, inherited)
    return PageInfo(
        last_reviewed=format_review_date(value, language.locale) if value is not None else None,
        content_language=content_language if content_language and content_language.code != language.code else None,
    )


def tag_alternates(alternates: list[dict], languages: dict[str, Language], site_url: str | None = None) -> None:
    """Give the language menu's entries (and so `hreflang`) BCP 47 tags instead of folder codes,
    and each an absolute `href` on the site's own address: `hreflang` links must be absolute
    (search engines and Lighthouse ignore relative ones). Nothing fetches them."""
    tags = {code: lang.tag for code, lang in languages.items()}
    for alternate in alternates:
        alternate["lang"] = tags.get(alternate.get("lang"), alternate.get("lang"))
        link = alternate.get("link")
        if site_url and isinstance(link, str):
            alternate["href"] = urljoin(site_url, link.removeprefix("/"))


def bytecode_cache(project_dir: Path) -> FileSystemBytecodeCache:
    """Compiled templates kept in `.cache/jinja/`: each language's build (and each rebuild under
    `mkdocs serve`) would otherwise compile Material's templates again. Jinja recompiles a
    template whose source changed, and writes each file atomically."""
    folder = Path(project_dir) / ".cache" / "jinja"
    folder.mkdir(parents=True, exist_ok=True)
    return FileSystemBytecodeCache(str(folder))


def read_if_exists(path: Path) -> bytes | None:
    return path.read_bytes() if path.is_file() else None


def move_404(site_dir: Path, code: str, source_404: bytes | None) -> None:
    """Move the 404 page just built for language `code` into its folder; put the source's back."""
    built = site_dir / "404.html"
    if not built.is_file():
        return
    target = site_dir / code / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(built, target)
    if source_404 is not None:
        tmp = built.with_suffix(".html.tmp")
        tmp.write_bytes(source_404)
        os.replace(tmp, built)


def title_sections_by_index(items) -> None:
    """Give each navigation section the title of its own index page (in the page's language)."""
    for item in items:
        children = getattr(item, "children", None)
        if not children:
            continue
        title_sections_by_index(children)
        index = next((c for c in children if getattr(c, "file", None) and c.file.src_uri.endswith("index.md")), None)
        if index is not None and index.file.abs_src_path:
            try:
                title = read_page(index.file.abs_src_path).meta.get("title")
            except KyrError:
                continue  # the page's own error is reported when it is built
            if isinstance(title, str) and title.strip():
                item.title = FrontMatterText(title.strip())


_TOGGLE_RE = re.compile(r'<input class="md-toggle"[^<>]*?type="checkbox"[^<>]*?>')
TOGGLE_FORM_ID = "kyr-toggles"


def valid_toggles(html: str) -> str:
    """Material's page `html` with its two checkboxes (drawer and search) made valid HTML.

    Material gives them `autocomplete="off"` so that a browser restoring form state on reload
    (Firefox) does not reopen the drawer or the search; HTML allows that attribute only on
    text-like inputs, so the Nu HTML Checker reports it twice on every page. The same effect,
    valid: the checkboxes belong, through their `form` attribute, to an empty form that carries
    `autocomplete="off"`. The toggles sit outside any template block, hence this rewrite."""
    inserted = False

    def fix(match: re.Match) -> str:
        nonlocal inserted
        tag = match.group(0)
        if ' autocomplete="off"' not in tag:
            return tag
        tag = tag.replace(' autocomplete="off"', f' form="{TOGGLE_FORM_ID}"')
        if not inserted:
            inserted = True
            return f'<form id="{TOGGLE_FORM_ID}" autocomplete="off" hidden></form>\n    ' + tag
        return tag

    return _TOGGLE_RE.sub(fix, html)
