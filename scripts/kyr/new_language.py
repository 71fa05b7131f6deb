"""`kyr new-language`: add a language to the site, its pages left to translate.

It registers the language in `mkdocs.yml` (a few lines added, nothing else touched) and creates
its gettext catalog from the template. Pages stay missing: the site shows them in English with a
notice, and `kyr coverage` shows 0% until volunteers translate them. Running it twice changes nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .catalogs import TEMPLATE_NAME, catalog_path, extract_template, read_catalog, update_catalog
from .errors import ConfigError, LanguageError
from .languages import Language, make_language, parse_locale, read_site_languages, tag_from_code

# mkdocs-static-i18n accepts these folder codes only: two letters, then a script or a region.
I18N_CODE_RE = re.compile(r"^[a-z]{2}(-[A-Za-z]{4})?(-[A-Z]{2})?$")


@dataclass(frozen=True)
class NewLanguage:
    language: Language
    registered: bool  # mkdocs.yml was changed
    catalog_created: bool
    catalog: Path


def choose_code(text: str) -> tuple[str, str]:
    """(folder code, BCP 47 tag) for what a user typed: `es` -> (es, es), `pt-BR` -> (pt, pt-BR)."""
    tag = tag_from_code(text.strip())
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
    """`mkdocs.yml` text with `language` added to the i18n languages (and `lang_tags` if needed),
    or None when it is already there."""
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
    return "".join(lines)


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


def add_language(project: Path, text: str, *, translations_dir: str = "translations") -> NewLanguage:
    """Register the language `text` names in the project and create its catalog."""
    project = Path(project)
    code, tag = choose_code(text)
    mkdocs_yml = project / "mkdocs.yml"
    existing = {lang.code: lang for lang in read_site_languages(mkdocs_yml)}
    if code in existing and existing[code].tag != tag:
        raise LanguageError(
            f"'{code}' is already a language of this site, as {existing[code].tag}",
            hint=f"the site has one folder per language code; {tag} would need the folder docs/{code}/ too",
        )
    language = existing.get(code) or make_language(code, tag=tag)
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
        update_catalog(template, path, locale=tag.replace("-", "_"))
        created = True
    return NewLanguage(language, registered, created, path)
