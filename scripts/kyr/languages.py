"""The site's languages: codes, BCP 47 tags, native names, direction and plurals, all from Babel.

`mkdocs.yml` is the single list of languages (the i18n plugin's `languages`); this module reads it
as plain YAML so the core never imports MkDocs.
"""

from __future__ import annotations

import difflib
import functools
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml
from babel import Locale, UnknownLocaleError
from babel.messages.plurals import get_plural

from .errors import ConfigError, LanguageError
from .yamlfile import load_config_yaml, parse_yaml


@dataclass(frozen=True)
class Language:
    """One language of the site."""

    code: str  # the folder under docs/ and the URL segment, e.g. "zh-hans"
    tag: str  # BCP 47 tag for lang="" and hreflang, e.g. "zh-Hans"
    name: str  # its own name, e.g. "中文 (简体)"
    english_name: str
    direction: str  # "ltr" or "rtl"
    plural_forms: str  # the gettext Plural-Forms header
    is_source: bool = False

    @property
    def locale(self) -> Locale:
        """The Babel locale, for dates, numbers, names and plurals."""
        return Locale.parse(self.tag, sep="-")

    @property
    def is_rtl(self) -> bool:
        return self.direction == "rtl"

    @property
    def folder(self) -> str:
        """Where this language's pages are published, relative to the site root: '' for the
        source language, '<code>/' for the others (as mkdocs-static-i18n publishes them)."""
        return "" if self.is_source else f"{self.code}/"

    def page_path(self, docs_path: str, *, use_directory_urls: bool = True) -> str:
        """The site-relative path of page `docs_path` (e.g. `rights/index.md`) in this language;
        '' for the source language's home page."""
        stem = docs_path.removesuffix(".md")
        if stem == "index" or stem.endswith("/index"):
            path = stem.removesuffix("index") + ("" if use_directory_urls else "index.html")
        else:
            path = stem + "/" if use_directory_urls else stem + ".html"
        return self.folder + path


def tag_from_code(code: str) -> str:
    """Write a code in BCP 47 case: `zh-hans` -> `zh-Hans`, `pt-br` -> `pt-BR`."""
    parts = code.replace("_", "-").split("-")
    out = [parts[0].lower()]
    for part in parts[1:]:
        out.append(part.title() if len(part) == 4 else part.upper() if len(part) == 2 else part.lower())
    return "-".join(out)


def parse_locale(tag: str) -> Locale:
    """The Babel locale for `tag`; raise `LanguageError` with the closest known codes if unknown."""
    try:
        return Locale.parse(tag, sep="-")
    except (ValueError, UnknownLocaleError, TypeError):
        close = closest_codes(str(tag))
        hint = f"did you mean {' or '.join(repr(c) for c in close)}?" if close else None
        raise LanguageError(f"unknown language code '{tag}'", hint=hint or "use a code like es, pt-br, ht, zh-hans, vi, ar") from None


def closest_codes(text: str, n: int = 3) -> list[str]:
    """Known language codes close to `text`, matching codes, English names ('spanish' -> 'es') and
    languages' own names without accents ('kreyol' -> 'ht', 'espanol' -> 'es')."""
    wanted = text.replace("_", "-").split("-")[0].strip().lower() if len(text) <= 8 and " " not in text else text.strip().lower()
    wanted = _plain(wanted)
    by_name = _names_to_codes()
    matches: list[str] = []
    if len(wanted) > 3:  # a word, not a code: match English names ("spanish", "creole", "portug")
        words = {name: name.replace("(", " ").split() for name in by_name}
        matches += [by_name[name] for name in sorted(by_name) if name == wanted]
        matches += [by_name[name] for name in sorted(by_name) if name.startswith(wanted)]
        matches += [by_name[name] for name in sorted(by_name) if any(word.startswith(wanted) for word in words[name])]
        matches += [by_name[name] for name in difflib.get_close_matches(wanted, by_name, n=n, cutoff=0.75)]
    if not matches:
        matches += difflib.get_close_matches(wanted, sorted(set(by_name.values())), n=n, cutoff=0.5)
    return list(dict.fromkeys(matches))[:n]


def _plain(text: str) -> str:
    """Lower case without accents, so 'Kreyòl' and 'kreyol' compare equal."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@functools.lru_cache(maxsize=1)
def _names_to_codes() -> dict[str, str]:
    """Every language's English name and own name (plain, see `_plain`) -> its code."""
    names: dict[str, str] = {}
    for code, english in Locale("en").languages.items():
        if not _has_data(code):
            continue
        names.setdefault(_plain(english), code.replace("_", "-").lower())
        own = Locale.parse(code).languages.get(code)
        if own:
            names.setdefault(_plain(own), code.replace("_", "-").lower())
    return names


@functools.lru_cache(maxsize=None)
def _has_data(code: str) -> bool:
    try:
        Locale.parse(code)
    except (ValueError, UnknownLocaleError):
        return False
    return True


def make_language(code: str, *, tag: str | None = None, is_source: bool = False) -> Language:
    """Describe the language `code` (its tag defaults to the code in BCP 47 case) from Babel's data."""
    tag = tag or tag_from_code(code)
    locale = parse_locale(tag)
    subtags = tag.split("-")
    own_language = locale.languages.get(subtags[0]) or locale.display_name
    name = own_language
    if locale.script and len(subtags) > 1 and len(subtags[1]) == 4:
        name = f"{own_language} ({locale.scripts.get(locale.script, locale.script)})"
    elif locale.territory and any(len(s) == 2 and s.isupper() for s in subtags[1:]):
        name = f"{own_language} ({locale.territories.get(locale.territory, locale.territory)})"
    english = Locale("en").languages.get(subtags[0], tag)
    if locale.script and len(subtags) > 1 and len(subtags[1]) == 4:
        english = f"{english} ({Locale('en').scripts.get(locale.script, locale.script)})"
    elif locale.territory and any(len(s) == 2 and s.isupper() for s in subtags[1:]):
        english = f"{english} ({Locale('en').territories.get(locale.territory, locale.territory)})"
    return Language(
        code=code,
        tag=tag,
        name=name[:1].upper() + name[1:],
        english_name=english,
        direction=locale.text_direction,
        plural_forms=get_plural(locale).plural_forms,
        is_source=is_source,
    )


def read_site_languages(mkdocs_yml: Path | str) -> list[Language]:
    """The languages configured in `mkdocs.yml`, the source (default) language first."""
    mkdocs_yml = Path(mkdocs_yml)
    try:
        text = mkdocs_yml.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot read this file ({exc.strerror})", path=mkdocs_yml) from None
    try:
        data = load_config_yaml(text) or {}
    except yaml.YAMLError:
        parse_yaml(text, path=mkdocs_yml, error=ConfigError)  # raises with the line
        raise
    i18n, kyr = _plugin_options(data, "i18n"), _plugin_options(data, "kyr")
    entries = (i18n or {}).get("languages") or []
    if not entries:
        raise ConfigError("no languages configured", path=mkdocs_yml, key="plugins.i18n.languages")
    tags = (kyr or {}).get("lang_tags") or {}
    languages = []
    for entry in entries:
        code = entry.get("locale")
        try:
            languages.append(make_language(code, tag=tags.get(code), is_source=bool(entry.get("default"))))
        except LanguageError as exc:
            raise LanguageError(exc.message, path=mkdocs_yml, key="plugins.i18n.languages", hint=exc.hint) from None
    languages.sort(key=lambda lang: not lang.is_source)
    return languages


def _plugin_options(data: dict, name: str) -> dict | None:
    for plugin in data.get("plugins") or []:
        if isinstance(plugin, dict) and name in plugin:
            return plugin[name] or {}
        if plugin == name:
            return {}
    return None
