"""What our theme overrides need from the core, prepared for Jinja."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
import os
from importlib import resources
from pathlib import Path

from jinja2 import FileSystemBytecodeCache

from ..errors import KyrError
from ..formatting import format_review_date
from ..pages import read_page
from ..languages import Language


@functools.cache  # Material's files do not change during a build
def _material_languages() -> frozenset[str]:
    folder = resources.files("material") / "templates" / "partials" / "languages"
    return frozenset(entry.name.removesuffix(".html") for entry in folder.iterdir() if entry.name.endswith(".html"))


def material_language(language: Language, fallbacks: dict) -> str:
    """The Material interface translation used for `language`: its own, the closest, or a chosen fallback."""
    available = _material_languages()
    base = language.tag.split("-")[0]
    candidates = [language.tag, language.code, f"{base}-{language.tag.split('-')[1]}" if "-" in language.tag else base]
    candidates.append(fallbacks.get(language.code, ""))
    candidates.append(base)
    return next((c for c in candidates if c and c in available), "en")


@dataclass(frozen=True)
class PageInfo:
    """What our templates show around a page's content."""

    last_reviewed: str | None
    content_language: Language | None  # set when the content is another language's (a fallback)


def page_info(meta: dict, language: Language, content_language: Language | None = None) -> PageInfo:
    """The review date of a page written in `language`, and the content's language if it differs."""
    value = meta.get("last_reviewed")
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value)
        except ValueError:
            value = None
    return PageInfo(
        last_reviewed=format_review_date(value, language.locale) if isinstance(value, dt.date) else None,
        content_language=content_language if content_language and content_language.code != language.code else None,
    )


def tag_alternates(alternates: list[dict], languages: dict[str, Language]) -> None:
    """Give the language menu's entries (and so `hreflang`) BCP 47 tags instead of folder codes."""
    tags = {code: lang.tag for code, lang in languages.items()}
    for alternate in alternates:
        alternate["lang"] = tags.get(alternate.get("lang"), alternate.get("lang"))


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
                item.title = title.strip()
