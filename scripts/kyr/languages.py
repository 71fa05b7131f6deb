"""The site's languages: codes, BCP 47 tags, native names, direction and plurals, from Babel.

`mkdocs.yml` is the single list of languages (the i18n plugin's `languages`); this module reads it
as plain YAML so the core never imports MkDocs. A language CLDR lacks (Hmong, `hmn`) is described
under the kyr plugin's `languages_without_cldr` with what Babel would have said: its own name,
direction, plural rule, the nearest language for dates and numbers (`like`) and the nearest
interface language for Material (`interface`).
"""

from __future__ import annotations

import difflib
import functools
import unicodedata
import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from babel import Locale, UnknownLocaleError
from babel.messages.plurals import get_plural

from .errors import ConfigError, LanguageError
from .yamlfile import load_config_yaml, parse_yaml

FACTS_KEY = "languages_without_cldr"  # under the kyr plugin in mkdocs.yml
FACT_NAMES = ("name", "english_name", "direction", "plural_forms", "like", "interface")


@dataclass(frozen=True)
class LanguageFacts:
    """What Babel would say about a language CLDR lacks, as the site's maintainers declare it."""

    name: str  # its own name, e.g. "Hmoob"
    english_name: str  # e.g. "Hmong"
    direction: str  # "ltr" or "rtl"
    plural_forms: str  # gettext Plural-Forms, e.g. "nplurals=1; plural=0;"
    like: str  # BCP 47 tag of the language whose dates and numbers it borrows, e.g. "en"
    interface: str  # Material's interface language for it, e.g. "en"


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
    like: str | None = None  # a language CLDR lacks: the tag whose formats it borrows
    interface: str | None = None  # a language CLDR lacks: Material's interface language for it

    @property
    def format_tag(self) -> str:
        """The tag whose CLDR data says how this language writes dates and numbers: its own, or for
        a language CLDR lacks, that of the language it is `like`."""
        return self.like or self.tag

    @property
    def locale(self) -> Locale:
        """The Babel locale for dates, numbers, names and list patterns (see `format_tag`)."""
        return Locale.parse(self.format_tag, sep="-")

    @property
    def has_cldr(self) -> bool:
        """Whether Babel's CLDR data describes this language itself."""
        return self.like is None

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
        hint = (hint or "use a code like es, pt-br, ht, zh-hans, vi, ar.") + " " + UNKNOWN_CODE_HINT
        raise LanguageError(f"unknown language code '{tag}'", hint=hint) from None


UNKNOWN_CODE_HINT = (
    "If it is a language CLDR lacks (like Hmong, hmn), tell kyr what Babel would have said: kyr new-language CODE"
    " --name OWN-NAME --english-name NAME --direction ltr|rtl --plural-forms 'nplurals=1; plural=0;'"
    " --like LANGUAGE-FOR-DATES --interface MATERIAL-LANGUAGE (see kyr new-language --help)"
)


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


def babel_knows(tag: str) -> bool:
    """Whether Babel has locale data for the BCP 47 `tag` (so no facts need declaring for it)."""
    return _has_data(tag.replace("-", "_"))


@functools.lru_cache(maxsize=None)
def _has_data(code: str) -> bool:
    try:
        Locale.parse(code)
    except (ValueError, UnknownLocaleError):
        return False
    return True


def make_language(code: str, *, tag: str | None = None, is_source: bool = False, facts: LanguageFacts | None = None) -> Language:
    """Describe the language `code` (its tag defaults to the code in BCP 47 case) from Babel's data,
    or from `facts` for a language CLDR lacks."""
    tag = tag or tag_from_code(code)
    if facts is not None:
        return Language(
            code=code, tag=tag, name=facts.name, english_name=facts.english_name, direction=facts.direction,
            plural_forms=facts.plural_forms, is_source=is_source, like=facts.like, interface=facts.interface,
        )
    locale = parse_locale(tag)
    subtags = tag.split("-")
    own_language = locale.languages.get(subtags[0]) or locale.display_name
    name = own_language
    regional = f"{locale.language}_{locale.territory}" if locale.territory else None
    if regional and regional in locale.languages and regional in Locale("en").languages:
        # CLDR names some regional varieties outright: fa-AF is "دری" (Dari), not "Persian (Afghanistan)".
        return Language(
            code=code, tag=tag, name=_capitalised(locale.languages[regional]), english_name=Locale("en").languages[regional],
            direction=locale.text_direction, plural_forms=get_plural(locale).plural_forms, is_source=is_source,
        )
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


def _capitalised(name: str) -> str:
    return name[:1].upper() + name[1:]


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
    facts = (kyr or {}).get(FACTS_KEY) or {}
    lines = None
    if facts:
        located = parse_yaml(text, path=mkdocs_yml, error=ConfigError)
        index = next(i for i, p in enumerate(located.data.get("plugins") or []) if isinstance(p, dict) and "kyr" in p)
        lines = {key: located.line_of(("plugins", index, "kyr", FACTS_KEY) + key) for key in _fact_key_paths(facts)}
    return site_languages(
        [(entry.get("locale"), bool(entry.get("default"))) for entry in entries], tags, facts, path=mkdocs_yml, lines=lines,
    )


def site_languages(entries: list[tuple[str, bool]], lang_tags: dict, facts: dict, *, path: Path | str, lines: dict | None = None) -> list[Language]:
    """The `Language` of each `(code, is_default)` entry of mkdocs.yml, the source language first.

    `lang_tags` and `facts` are the kyr plugin's `lang_tags` and `languages_without_cldr` options;
    the facts are validated here, once, with errors naming `path`, the line (from `lines`, keyed by
    key path under `languages_without_cldr`) and the key."""
    declared = parse_language_facts(facts, path=path, lines=lines or {})
    languages = []
    for code, is_default in entries:
        try:
            languages.append(make_language(code, tag=lang_tags.get(code), is_source=is_default, facts=declared.get(code)))
        except LanguageError as exc:
            raise LanguageError(exc.message, path=path, key="plugins.i18n.languages", hint=exc.hint) from None
    languages.sort(key=lambda lang: not lang.is_source)
    return languages


def _fact_key_paths(facts) -> list[tuple]:
    paths = [()]
    if isinstance(facts, dict):
        for code, value in facts.items():
            paths.append((code,))
            if isinstance(value, dict):
                paths += [(code, key) for key in value]
    return paths


_PLURAL_FORMS_RE = re.compile(r"^\s*nplurals\s*=\s*[1-6]\s*;\s*plural\s*=\s*[-+*/%<>=!&|?:()n0-9\s]+;?\s*$")
_CODE_RE = re.compile(r"^[a-z]{2,3}(-[a-z]{4})?$")


def parse_language_facts(facts, *, path: Path | str, lines: dict | None = None) -> dict[str, LanguageFacts]:
    """Validate the `languages_without_cldr` option: `{code: {name, english_name, direction,
    plural_forms, like, interface}}`; raise `ConfigError` naming file, line and key with a hint."""
    lines = lines or {}
    base = f"plugins.kyr.{FACTS_KEY}"

    def fail(key_path: tuple, message: str, hint: str) -> ConfigError:
        key = base + "".join(f".{part}" for part in key_path)
        return ConfigError(message, path=path, line=lines.get(key_path) or lines.get(key_path[:1]) or lines.get(()), key=key, hint=hint)

    if not facts:
        return {}
    if not isinstance(facts, dict):
        raise fail((), "expected a mapping of language codes to their facts", "write e.g. 'hmn: {name: Hmoob, english_name: Hmong, ...}'; kyr new-language writes it for you")
    declared = {}
    for code, value in facts.items():
        if not isinstance(code, str) or not _CODE_RE.match(code):
            raise fail((str(code),), f"'{code}' is not a language code", "use the lower-case ISO 639 code, like hmn")
        if not isinstance(value, dict):
            raise fail((code,), "expected the language's facts: " + ", ".join(FACT_NAMES), "run 'kyr new-language --help' for what each means")
        missing = [name for name in FACT_NAMES if name not in value]
        unknown = [name for name in value if name not in FACT_NAMES]
        if unknown:
            raise fail((code, unknown[0]), f"unknown key '{unknown[0]}'", "the keys are " + ", ".join(FACT_NAMES))
        if missing:
            raise fail((code,), "missing " + ", ".join(missing), "the keys are " + ", ".join(FACT_NAMES) + " (see 'kyr new-language --help')")
        for name in FACT_NAMES:
            if not isinstance(value[name], str) or not value[name].strip():
                raise fail((code, name), f"expected text, got {value[name]!r}", "write the value as text, e.g. name: Hmoob")
        if value["direction"] not in ("ltr", "rtl"):
            raise fail((code, "direction"), f"expected ltr or rtl, got '{value['direction']}'", "ltr: left to right (like English); rtl: right to left (like Arabic)")
        if not _PLURAL_FORMS_RE.match(value["plural_forms"]):
            raise fail((code, "plural_forms"), f"'{value['plural_forms']}' is not a gettext plural rule", "write it as gettext does, e.g. 'nplurals=1; plural=0;' or 'nplurals=2; plural=(n != 1);'")
        for name in ("like", "interface"):
            if not babel_knows(tag_from_code(value[name])):
                raise fail((code, name), f"Babel does not know the language '{value[name]}'", "name a language CLDR has, e.g. en, fr, th")
        plural = value["plural_forms"].strip()
        declared[code] = LanguageFacts(
            name=value["name"].strip(), english_name=value["english_name"].strip(), direction=value["direction"],
            plural_forms=plural if plural.endswith(";") else plural + ";", like=tag_from_code(value["like"]), interface=value["interface"],
        )
    return declared


def _plugin_options(data: dict, name: str) -> dict | None:
    for plugin in data.get("plugins") or []:
        if isinstance(plugin, dict) and name in plugin:
            return plugin[name] or {}
        if plugin == name:
            return {}
    return None
