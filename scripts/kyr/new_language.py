"""`kyr new-language`: add a language to the site, its pages left to translate.

It registers the language in `mkdocs.yml` (a few lines added, nothing else touched) and creates
its gettext catalog from the template. Pages stay missing: the site shows them in English with a
notice, and `kyr coverage` shows 0% until volunteers translate them. Running it twice changes nothing.

A language CLDR lacks (Hmong, `hmn`) is added when the user tells what Babel would have said
(`LanguageFacts`); those facts are recorded under the kyr plugin's `languages_without_cldr`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .catalogs import TEMPLATE_NAME, catalog_path, extract_template, read_catalog, update_catalog
from .errors import ConfigError, LanguageError
from .languages import (
    FACTS_KEY, Language, LanguageFacts, babel_knows, make_language, parse_language_facts, parse_locale,
    read_site_languages, tag_from_code,
)

# mkdocs-static-i18n accepts these folder codes only: two letters, then a script or a region.
I18N_CODE_RE = re.compile(r"^[a-z]{2}(-[A-Za-z]{4})?(-[A-Z]{2})?$")


@dataclass(frozen=True)
class NewLanguage:
    language: Language
    registered: bool  # mkdocs.yml was changed
    catalog_created: bool
    catalog: Path


# A language CLDR lacks: an ISO 639 code of two or three letters, perhaps with a script.
CLDRLESS_CODE_RE = re.compile(r"^[a-z]{2,3}(-[a-z]{4})?$")


def choose_code(text: str, *, facts: LanguageFacts | None = None) -> tuple[str, str]:
    """(folder code, BCP 47 tag) for what a user typed: `es` -> (es, es), `pt-BR` -> (pt, pt-BR);
    with `facts`, a code Babel lacks: `hmn` -> (hmn, hmn)."""
    tag = tag_from_code(text.strip())
    if facts is not None:
        if babel_knows(tag):
            raise LanguageError(
                f"Babel knows '{text}' already, so kyr takes its name, direction and plurals from there",
                hint=f"run 'kyr new-language {text}' without --name, --english-name, --direction, --plural-forms, --like and --interface",
            )
        code = text.strip().lower()
        if not CLDRLESS_CODE_RE.match(code):
            raise LanguageError(
                f"'{text}' is not a language code kyr can use as a folder",
                hint="use the ISO 639 code in lower case (two or three letters, like hmn), perhaps with a script (like hmn-latn)",
            )
        return code, tag
    locale = parse_locale(tag)  # raises LanguageError with the closest codes
    subtags = tag.split("-")
    if locale.language == "fil" and subtags[0] == "tl":
        locale_language = "tl"
    else:
        locale_language = subtags[0]
    if not re.fullmatch(r"[a-z]{2}", locale_language):
        raise LanguageError(
            f"'{text}' is a language Babel knows, but the site's language folders need a two-letter code",
            hint="mkdocs-static-i18n accepts ISO 639-1 codes only (like 'tl' rather than 'fil')",
        )
    region = next((s for s in subtags[1:] if len(s) == 2), None)
    script = next((s for s in subtags[1:] if len(s) == 4), None)
    code = locale_language + (f"-{script.lower()}" if script else "")
    return code, "-".join([locale_language] + ([script] if script else []) + ([region] if region else []))


def _compose(text: str, path: Path):
    class Loader(yaml.SafeLoader):
        pass

    try:
        loader = Loader(text)
        try:
            return loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ConfigError(f"this is not valid YAML ({getattr(exc, 'problem', exc)})", path=path, line=mark.line + 1 if mark else None) from None


def _mapping_get(node, key: str):
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if key_node.value == key:
                return key_node, value_node
    return None, None


def _plugin_node(root, name: str):
    _, plugins = _mapping_get(root, "plugins")
    for item in getattr(plugins, "value", []) if isinstance(plugins, yaml.SequenceNode) else []:
        key, value = _mapping_get(item, name)
        if key is not None:
            return value
    return None


def _last_line(node) -> int:
    """The 0-based line where `node` (its last scalar) ends."""
    while isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and node.value:
        node = node.value[-1][1] if isinstance(node, yaml.MappingNode) else node.value[-1]
    return node.end_mark.line if node.end_mark.column > 0 else node.end_mark.line - 1


def register_language(text: str, language: Language, *, path: Path) -> str | None:
    """`mkdocs.yml` text with `language` added to the i18n languages (and `lang_tags` if needed, and
    its facts under `languages_without_cldr` for a language CLDR lacks), or None when it is already there."""
    root = _compose(text, path)
    i18n = _plugin_node(root, "i18n")
    _, languages = _mapping_get(i18n, "languages")
    if not isinstance(languages, yaml.SequenceNode) or not languages.value:
        raise ConfigError("no i18n languages list found", path=path, key="plugins.i18n.languages", hint="add the language by hand under plugins: - i18n: languages:")
    codes = [(_mapping_get(item, "locale")[1].value if _mapping_get(item, "locale")[1] else None) for item in languages.value]
    if language.code in codes:
        return None
    lines = text.splitlines(keepends=True)
    newline = "\r\n" if text.endswith("\r\n") or "\r\n" in text else "\n"
    last_item = languages.value[-1]
    key_column = last_item.start_mark.column
    dash = " " * (key_column - 2) + "- "
    child = " " * key_column
    direction = "  # written right to left" if language.is_rtl else ""
    entry = [
        f"{dash}locale: {language.code}{newline}",
        f"{child}name: {_scalar(language.name)}{direction}{newline}",
        f"{child}build: true{newline}",
    ]
    insert_at = _last_line(last_item) + 1
    if insert_at > 0 and not lines[insert_at - 1].endswith(("\n", "\r")):
        lines[insert_at - 1] += newline
    lines[insert_at:insert_at] = entry
    if language.tag != tag_from_code(language.code):
        lines = _add_lang_tag(lines, text, language, path, newline, inserted=(insert_at, len(entry)))
    if not language.has_cldr:
        lines = _add_facts("".join(lines), language, path, newline)
    return "".join(lines)


def _add_facts(text: str, language: Language, path: Path, newline: str) -> list[str]:
    """`text` as lines with `language`'s facts under the kyr plugin's `languages_without_cldr`
    (the block is created at the end of the kyr plugin's options if it is not there)."""
    lines = text.splitlines(keepends=True)
    root = _compose(text, path)
    kyr = _plugin_node(root, "kyr")
    if not isinstance(kyr, yaml.MappingNode) or not kyr.value:
        raise ConfigError(
            "there is no '- kyr:' plugin with options to record the language's facts under",
            path=path, key=f"plugins.kyr.{FACTS_KEY}", hint="add the kyr plugin to mkdocs.yml first (see README.md)",
        )
    key, block = _mapping_get(kyr, FACTS_KEY)
    values = [
        f"name: {_scalar(language.name)}", f"english_name: {_scalar(language.english_name)}",
        f"direction: {language.direction}", f"plural_forms: {_scalar(language.plural_forms)}",
        f"like: {_scalar(language.like)}", f"interface: {_scalar(language.interface)}",
    ]
    if key is not None and isinstance(block, yaml.MappingNode) and block.value:
        indent = " " * block.value[0][0].start_mark.column
        at = _last_line(block) + 1
        new = [f"{indent}{language.code}:{newline}"] + [f"{indent}  {value}{newline}" for value in values]
    elif key is None:
        indent = " " * kyr.value[0][0].start_mark.column
        at = _last_line(kyr) + 1
        new = [f"{indent}{FACTS_KEY}:  # languages CLDR lacks: what Babel would have said{newline}",
               f"{indent}  {language.code}:{newline}"] + [f"{indent}    {value}{newline}" for value in values]
    else:
        raise ConfigError(
            f"'{FACTS_KEY}' is there but is not a list of languages to add '{language.code}' to",
            path=path, line=key.start_mark.line + 1, key=f"plugins.kyr.{FACTS_KEY}", hint="remove the empty key, or write the language's facts under it by hand",
        )
    if at > 0 and not lines[at - 1].endswith(("\n", "\r")):
        lines[at - 1] += newline
    lines[at:at] = new
    return lines


def _add_lang_tag(lines, text, language, path, newline, inserted) -> list[str]:
    root = _compose(text, path)
    kyr = _plugin_node(root, "kyr")
    key, tags = _mapping_get(kyr, "lang_tags")
    if key is None or not isinstance(tags, yaml.MappingNode) or not tags.value:
        raise ConfigError(
            f"'{language.code}' needs 'lang_tags: {{{language.code}: {language.tag}}}' under the kyr plugin, and there is no lang_tags block to add it to",
            path=path, key="plugins.kyr.lang_tags", hint=f"add under '- kyr:' the lines 'lang_tags:' and '  {language.code}: {language.tag}'",
        )
    line = _last_line(tags) + 1
    if line > inserted[0]:
        line += inserted[1]
    indent = " " * tags.value[0][0].start_mark.column
    lines[line:line] = [f"{indent}{language.code}: {language.tag}{newline}"]
    return lines


def _scalar(value: str) -> str:
    try:
        if yaml.safe_load(f"k: {value}") == {"k": value}:
            return value
    except yaml.YAMLError:
        pass
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def add_language(project: Path, text: str, *, translations_dir: str = "translations", facts: LanguageFacts | None = None) -> NewLanguage:
    """Register the language `text` names in the project and create its catalog; `facts` describe
    a language CLDR lacks."""
    project = Path(project)
    code, tag = choose_code(text, facts=facts)
    mkdocs_yml = project / "mkdocs.yml"
    existing = {lang.code: lang for lang in read_site_languages(mkdocs_yml)}
    if code in existing and existing[code].tag != tag:
        raise LanguageError(
            f"'{code}' is already a language of this site, as {existing[code].tag}",
            hint=f"the site has one folder per language code; {tag} would need the folder docs/{code}/ too",
        )
    language = existing.get(code) or make_language(code, tag=tag, facts=facts)
    registered = False
    if code not in existing:
        yml_text = mkdocs_yml.read_text(encoding="utf-8")
        new_text = register_language(yml_text, language, path=mkdocs_yml)
        if new_text is not None:
            mkdocs_yml.write_text(new_text, encoding="utf-8")
            registered = True
    path = catalog_path(project / translations_dir, code)
    created = False
    if not path.exists():
        pot = project / translations_dir / TEMPLATE_NAME
        template = read_catalog(pot) if pot.is_file() else extract_template(project)
        update_catalog(template, path, locale=tag.replace("-", "_"), plural_forms=None if language.has_cldr else language.plural_forms)
        created = True
    return NewLanguage(language, registered, created, path)


def facts_from_options(code: str, **options: str | None) -> LanguageFacts | None:
    """The `LanguageFacts` given as command-line options (None when none is given), validated as
    mkdocs.yml's `languages_without_cldr` is; a missing one raises `LanguageError` naming its flag."""
    given = {name: value for name, value in options.items() if value is not None}
    if not given:
        return None
    missing = [name for name in ("name", "english_name", "direction", "plural_forms", "like", "interface") if name not in given]
    if missing:
        flags = " ".join("--" + name.replace("_", "-") for name in missing)
        raise LanguageError(f"a language CLDR lacks needs every fact Babel would have given; missing: {flags}", hint="see 'kyr new-language --help'")
    try:
        return parse_language_facts({code.strip().lower(): given}, path="command line")[code.strip().lower()]
    except ConfigError as exc:
        flag = "--" + (exc.key or "").rsplit(".", 1)[-1].replace("_", "-")
        raise LanguageError(f"{flag}: {exc.message}", hint=exc.hint) from None
