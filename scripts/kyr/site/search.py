"""One search index per language, each with only its own pages and its own stemmer.

Material's search plugin writes `search/search_index.json` at the site's root, and its script
fetches it from `search/search_index.json` under the page's `base`. kyr.js points `base` at the
language's root (`es/` for Spanish) before Material loads, so each language's index lives in its
own folder (`es/search/search_index.json`), with addresses relative to that folder. The source
language keeps the root's.
"""

from __future__ import annotations

import functools
import json
import os
import sys
from importlib import resources
from pathlib import Path

from ..languages import Language

INDEX = Path("search") / "search_index.json"
_SEARCH_PLUGINS = ("material/search", "search")
_ORIGINAL = "_kyr_original_settings"
_NO_SEGMENTER = object()
_segmenter = _NO_SEGMENTER  # Material's jieba module, as it imported it


@functools.cache  # Material's files do not change during a build
def _lunr_languages() -> frozenset[str]:
    folder = resources.files("material") / "templates" / "assets" / "javascripts" / "lunr" / "min"
    names = (entry.name for entry in folder.iterdir())
    return frozenset(n.removeprefix("lunr.").removesuffix(".min.js") for n in names if n.startswith("lunr.") and n.endswith(".min.js")) | {"en"}


def stemmer_language(language: Language) -> str:
    """The lunr language (stemmer and stop words) of `language`'s index: its own where Material
    ships one, otherwise English, lunr's built-in, which needs no extra download. Chinese uses
    English too, as Material does: its words are split when the site is built (jieba)."""
    base = language.tag.split("-")[0].lower()
    return base if base != "zh" and base in _lunr_languages() else "en"


def reset_language_settings(config, language: Language) -> None:
    """Set Material's search plugin for the language being built: `lang` its stemmer alone (see
    `stemmer_language`), `pipeline` Material's default for that language.

    The plugin fills both from partials/language.html only while they are empty, so after the
    first language of a single-process build every language would keep the first one's. Values
    written in mkdocs.yml are kept."""
    for name in _SEARCH_PLUGINS:
        plugin = config.plugins.get(name)
        if plugin is None:
            continue
        original = getattr(plugin, _ORIGINAL, None)
        if original is None:
            original = (plugin.config.lang, plugin.config.pipeline)
            setattr(plugin, _ORIGINAL, original)
        lang, pipeline = original
        if lang is None:
            lang = [stemmer_language(language)]
        plugin.config.lang, plugin.config.pipeline = lang, pipeline
        _segment_chinese_only_for(plugin, language)


def _segment_chinese_only_for(plugin, language: Language) -> None:
    # Material splits Chinese characters into words (jieba) wherever they appear, in every
    # language's pages; loading jieba's dictionary takes seconds in each language's build. Outside
    # Chinese, the only Chinese text is the language's own name (the status page), which needs no
    # splitting to be found.
    global _segmenter
    module = sys.modules.get(type(plugin).__module__)
    if module is None or not hasattr(module, "jieba"):
        return
    if _segmenter is _NO_SEGMENTER:
        _segmenter = module.jieba
    module.jieba = _segmenter if language.tag.split("-")[0].lower() == "zh" else None


def relocate_index(data: dict, folder: str) -> dict:
    """The index `data` with every address made relative to the language folder `folder` (`es/`)."""
    docs = []
    for doc in data.get("docs", []):
        location = doc.get("location", "")
        docs.append({**doc, "location": location.removeprefix(folder)})
    return {**data, "docs": docs}


def move_index(site_dir: Path, language: Language) -> bytes | None:
    """Move the index just written at the root into `language`'s folder (addresses made relative
    to it). For the source language, leave it and return its bytes, to restore after
    mkdocs-static-i18n overwrites it with every language's entries."""
    root_index = site_dir / INDEX
    if not root_index.is_file():
        return None
    if language.is_source:
        return root_index.read_bytes()
    data = json.loads(root_index.read_text(encoding="utf-8"))
    target = site_dir / language.folder / INDEX
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(relocate_index(data, language.folder), ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    os.replace(tmp, target)
    root_index.unlink()
    if not any(root_index.parent.iterdir()):
        root_index.parent.rmdir()
    return None


def restore_source_index(site_dir: Path, content: bytes) -> None:
    """Put the source language's own index back at the root."""
    target = site_dir / INDEX
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".json.tmp")
    tmp.write_bytes(content)
    os.replace(tmp, target)
