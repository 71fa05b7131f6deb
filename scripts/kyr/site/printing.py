"""The print materials in the MkDocs build: what the plugin calls, in the order MkDocs calls it.

- once, at the first language's `on_config`: `start_session` prepares every language's PDFs and
  starts rendering those the cache does not have, while MkDocs goes on building pages;
- every language's `on_files`: `without_print_templates` keeps overrides/print/ out of the site;
- every language's `on_post_build`: `publish` writes that language's PDFs into `<site>/<lang>/print/`.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError

from ..clinic import Clinic
from ..errors import KyrError
from ..languages import Language
from ..printables import PrintReport, PrintSession, PrintSettings
from ..printables.qr import require_site_url
from ..yamlfile import load_config_yaml

log = logging.getLogger("mkdocs.plugins.kyr")

TEMPLATES_FOLDER = "print"  # overrides/print/: rendered by kyr, never published as theme files


def configured_site_url(config_file: Path) -> str | None:
    """`site_url` as written in mkdocs.yml. `mkdocs serve` replaces the one in the config with its own
    local address, which must never end up in a QR code, so it is read from the file."""
    try:
        data = load_config_yaml(Path(config_file).read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError):
        return None
    value = data.get("site_url") if isinstance(data, dict) else None
    return value if isinstance(value, str) else None


def built_languages(config, languages: dict[str, Language], only: str | None = None) -> tuple[Language, ...]:
    """The languages this build makes (mkdocs-static-i18n's `build: true`, or `only`), the source first."""
    if only is not None:
        return (languages[only],)
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return tuple(lang for lang in languages.values() if lang.is_source)
    codes = [entry.locale for entry in i18n.config.languages if entry.build and entry.locale in languages]
    return tuple(sorted((languages[code] for code in codes), key=lambda lang: not lang.is_source))


def start_session(
    config, clinic: Clinic, languages: dict[str, Language], project_dir: Path, translations_dir: str, only: str | None = None
) -> PrintSession:
    """Prepare the print materials of every built language (or of `only`) and start rendering what is not cached."""
    config_file = Path(config.config_file_path or project_dir / "mkdocs.yml")
    try:
        site_url = require_site_url(configured_site_url(config_file), path=config_file)
        settings = PrintSettings(
            project_dir=project_dir,
            clinic=clinic,
            languages=built_languages(config, languages, only),
            site_url=site_url,
            use_directory_urls=config.use_directory_urls,
            templates_dir=Path(config.theme.custom_dir) if config.theme.custom_dir else project_dir / "overrides",
            translations_dir=project_dir / translations_dir,
            docs_dir=Path(config.docs_dir),
            config_file=config_file,
        )
        session = PrintSession(settings)
        session.start()
    except KyrError as exc:
        raise PluginError(str(exc)) from None
    return session


def without_print_templates(files, config):
    """Drop overrides/print/ (our templates and their CSS) from the files MkDocs would copy."""
    custom_dir = config.theme.custom_dir
    if not custom_dir:
        return files
    folder = Path(custom_dir).resolve() / TEMPLATES_FOLDER
    for file in list(files):
        if file.abs_src_path and Path(file.abs_src_path).resolve().is_relative_to(folder):
            files.remove(file)
    return files


def publish(session: PrintSession, language: Language, site_dir: str) -> PrintReport:
    """Write `language`'s PDFs into the built site, and say what was rendered or left in English."""
    try:
        report = session.publish(language.code, Path(site_dir))
    except KyrError as exc:
        session.close()
        raise PluginError(str(exc)) from None
    log.info("kyr: %s", report.summary())
    if report.english_fallbacks:
        log.debug("kyr: shown in English in '%s' print materials: %s", language.code, "; ".join(report.english_fallbacks))
    return report


def publish_in_background(config, clinic: Clinic, languages: dict[str, Language], project_dir: Path, translations_dir: str, language: Language) -> threading.Thread:
    """Make `language`'s PDFs and write them into the site after the build, in a thread: under
    `kyr serve --print`, the page reloads at once and the PDFs follow; a problem is logged."""

    def run() -> None:
        try:
            session = start_session(config, clinic, languages, project_dir, translations_dir, only=language.code)
            publish(session, language, config.site_dir)
            session.close()
        except PluginError as exc:
            log.warning("kyr: print materials for '%s' not made: %s", language.code, exc)

    thread = threading.Thread(target=run, name=f"kyr-print-{language.code}", daemon=True)
    thread.start()
    return thread
