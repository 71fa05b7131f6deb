"""The `kyr` MkDocs plugin: loads `clinic.yml`, resolves placeholders, installs our catalogs."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from ..catalogs import load_translations
from ..coverage import CoverageReport, compute_coverage
from ..clinic import Clinic, find_unconfirmed_promises, load_clinic, production_problems
from ..errors import KyrError
from ..languages import Language, make_language, site_languages
from . import i18n_codes  # noqa: F401  (before mkdocs-static-i18n reads its languages: allows codes like hmn)
from ..pages import split_front_matter
from ..placeholders import LanguageLink, PlaceholderContext, render_placeholders
from .. import deploy, escaping, headers, offline, sitebuild
from ..links import decorate_links
from . import banners, client, search, status, theme
from . import printing
from .material_strings import translated_material_strings

log = logging.getLogger("mkdocs.plugins.kyr")


class KyrPluginConfig(Config):
    clinic = config_options.Type(str, default="clinic.yml")
    """Path of the clinic file, relative to mkdocs.yml."""
    translations_dir = config_options.Type(str, default="translations")
    """Folder of the gettext catalogs (`<lang>/LC_MESSAGES/messages.po`)."""
    production = config_options.Type(bool, default=False)
    """Refuse to build while example values remain in the clinic file, or a promise is unconfirmed
    (also `KYR_PRODUCTION=1`)."""
    lang_tags = config_options.Type(dict, default={})
    """BCP 47 tag of a language whose folder code is not its full tag, e.g. `pt: pt-BR`."""
    material_fallbacks = config_options.Type(dict, default={})
    """Material interface language to use where Material has none for ours, e.g. `ht: fr`."""
    languages_without_cldr = config_options.Type(dict, default={})
    """Languages CLDR lacks, with what Babel would have said (see `kyr new-language --help`)."""
    print_materials = config_options.Type(bool, default=True)
    """Make the printable PDFs (red cards, posters, handout) in every language; needs `site_url`.
    `KYR_PRINT_MATERIALS=0` turns them off for one run (`kyr serve` without `--print`)."""


class KyrPlugin(BasePlugin[KyrPluginConfig]):
    """Wires kyr's core into MkDocs. Called once per language by mkdocs-static-i18n."""

    def __init__(self) -> None:
        super().__init__()
        self.clinic: Clinic | None = None
        self.languages: dict[str, Language] = {}
        self.project_dir = Path.cwd()
        self._source_404: bytes | None = None
        self._client_languages: list | None = None
        self.coverage: CoverageReport | None = None
        self.print_session: printing.PrintSession | None = None
        self.only_language: str | None = None  # `KYR_LANGUAGE`: this process builds one language
        self._source_index: bytes | None = None

    # -- configuration ------------------------------------------------------------------------

    def on_config(self, config):
        if self.clinic is None:  # the first language's build validates everything once
            self._load(config)
            self._choose_only_language(config)
        if self.print_session is None and self._print_materials() and not self._previewing():  # PDFs render while pages build
            self.print_session = printing.start_session(
                config, self.clinic, self.languages, self.project_dir, self.config.translations_dir, only=self.only_language
            )
        # Material's search plugin renders partials/language.html from `config` alone, before on_env.
        language = self.current_language(config)
        config.theme["kyr_lang_tag"] = language.tag
        config.theme["kyr_direction"] = language.direction
        config.theme["kyr_material_language"] = theme.material_language(language, self.config.material_fallbacks)
        try:
            self.translations = load_translations(self.project_dir / self.config.translations_dir, language.code, tag=language.tag)
        except KyrError as exc:
            raise PluginError(str(exc)) from None
        config.theme["kyr_material_strings"] = translated_material_strings(self.translations.pgettext)
        # Each language's search index holds its pages only, with Material's settings for that
        # language; the search plugin fills them in from partials/language.html, right after us.
        search.reset_language_settings(config, language)
        return config

    @event_priority(-110)  # after mkdocs-static-i18n has made the language menu
    def _on_config_menu(self, config):
        # Pages get BCP 47 tags in on_page_context; the 404 page, built before any page, gets them
        # here. mkdocs-static-i18n sets each page's menu as an attribute, which Jinja reads before
        # the item: drop the previous language's last page's, so the 404 page links to each home.
        getattr(config.extra, "__dict__", {}).pop("alternate", None)
        theme.tag_alternates(config.extra.get("alternate") or [], self.languages)
        return config

    on_config = CombinedEvent(on_config, _on_config_menu)

    def _print_materials(self) -> bool:
        return self.config.print_materials and os.environ.get(sitebuild.PRINT_ENV, "1") != "0"

    @staticmethod
    def _previewing() -> bool:
        return os.environ.get(sitebuild.PREVIEW_ENV) == "1"

    def _choose_only_language(self, config) -> None:
        """`KYR_LANGUAGE=es` (set by `kyr build` and `kyr serve`): build that language alone."""
        code = os.environ.get(sitebuild.LANGUAGE_ENV) or None
        if code is None:
            return
        if code not in self.languages:
            raise PluginError(
                f"{sitebuild.LANGUAGE_ENV}={code}: not a language of this site; "
                f"hint: one of {', '.join(self.languages)} (plugins.i18n.languages in mkdocs.yml)"
            )
        self.only_language = code
        i18n = config.plugins.get("i18n")
        if i18n is not None:
            # mkdocs-static-i18n starts with the default language unless one is already chosen;
            # its other languages are skipped in on_post_build (see on_post_build).
            i18n.current_language = code

    def _load(self, config) -> None:
        self.project_dir = Path(config.config_file_path or "mkdocs.yml").resolve().parent
        try:
            self.clinic = load_clinic(self.project_dir / self.config.clinic)
            self.languages = self._read_languages(config)
        except KyrError as exc:
            raise PluginError(str(exc)) from None
        if self.config.production or os.environ.get("KYR_PRODUCTION") == "1":
            problems = production_problems(self.clinic)
            if problems:
                raise PluginError(problems)
        left_out = find_unconfirmed_promises(self.clinic)
        if left_out:
            log.info("kyr: promises left out of every page and poster (not true in %s): %s", self.clinic.source.name, ", ".join(p.key for p in left_out))

    def _read_languages(self, config) -> dict[str, Language]:
        i18n = config.plugins.get("i18n")
        if i18n is None:
            return {"en": make_language("en", is_source=True)}
        entries = [(entry.locale, entry.default) for entry in i18n.config.languages if entry.locale != "null"]
        listed = site_languages(entries, self.config.lang_tags, self.config.languages_without_cldr, path=config.config_file_path or "mkdocs.yml")
        return {lang.code: lang for lang in sorted(listed, key=lambda lang: [code for code, _ in entries].index(lang.code))}

    # -- per language ----------------------------------------------------------------------------

    def current_language(self, config) -> Language:
        """The language being built now (mkdocs-static-i18n builds one at a time)."""
        i18n = config.plugins.get("i18n")
        code = getattr(i18n, "current_language", None) if i18n else None
        if code and code in self.languages:
            return self.languages[code]
        return next((lang for lang in self.languages.values() if lang.is_source), make_language("en", is_source=True))

    def on_files(self, files, config):
        files = printing.without_print_templates(files, config)
        # The letterhead's logo, published at one fixed address wherever clinic.yml keeps it.
        self.logo_uri = None
        if self.clinic is not None and self.clinic.logo is not None:
            self.logo_uri = f"assets/kyr/clinic-logo{self.clinic.logo.suffix.lower()}"
            files.append(File.generated(config, self.logo_uri, abs_src_path=str(self.clinic.logo)))
        return files

    @event_priority(-110)  # after mkdocs-static-i18n has chosen this language's files
    def _on_files_status(self, files, config):
        # The "Translation status" page, from the same coverage report as `kyr coverage`.
        if self.coverage is None:
            self.coverage = compute_coverage(
                self.project_dir, list(self.languages.values()), docs_dir=config.docs_dir, translations_dir=self.config.translations_dir
            )
            for exc in self.coverage.errors:
                log.warning(str(exc))
        language = self.current_language(config)
        files.append(status.status_file(config, self.coverage, language, list(self.languages.values()), self.translations.gettext, review_period_days=self.clinic.review_period_days))
        return files

    on_files = CombinedEvent(on_files, _on_files_status)

    @event_priority(-110)  # after mkdocs-static-i18n has built this language's navigation
    def on_nav(self, nav, config, files):
        # A section's label in mkdocs.yml is English; use its index page's title, which is translated.
        theme.title_sections_by_index(nav.items)
        return nav

    def on_env(self, env, config, files):
        language = self.current_language(config)
        env.finalize = escaping.finalize  # front-matter values are escaped wherever printed
        env.bytecode_cache = theme.bytecode_cache(self.project_dir)
        env.add_extension("jinja2.ext.i18n")
        env.install_gettext_translations(self.translations, newstyle=True)
        env.globals["kyr_language"] = language
        if self._client_languages is None:  # every language's suggestion strings, from every catalog
            try:
                self._client_languages = client.all_suggestions(list(self.languages.values()), self.project_dir / self.config.translations_dir)
            except KyrError as exc:
                raise PluginError(str(exc)) from None
        env.globals["kyr_client"] = client.client_data(language, self._client_languages)
        env.globals["kyr_material_bundle"] = client.material_bundle()
        env.globals["kyr_clinic"] = self.clinic
        env.globals["kyr_clinic_logo"] = self.logo_uri
        env.globals["kyr_tags"] = {code: lang.tag for code, lang in self.languages.items()}
        env.globals["kyr_source_tag"] = next((lang.tag for lang in self.languages.values() if lang.is_source), "en")
        return env

    def on_page_markdown(self, markdown, page, config, files):
        escaping.mark_front_matter(page.meta)
        language = self.current_language(config)
        links = tuple(
            LanguageLink(lang, get_relative_url(lang.folder or "./", page.file.dest_uri))
            for lang in self.languages.values()
        )
        context = PlaceholderContext(self.clinic, language, self.translations.gettext, links)
        source = page.file.abs_src_path
        first_line = self._body_first_line(page.file.content_string)
        try:
            return render_placeholders(markdown, context, path=source or page.file.src_path, first_line=first_line)
        except KyrError as exc:
            raise PluginError(str(exc)) from None

    @staticmethod
    def _body_first_line(text: str) -> int:
        # MkDocs hands plugins the body without front matter or leading blank lines;
        # errors must still count lines in the whole file.
        _, body, body_line = split_front_matter(text.replace("\r\n", "\n"))
        return body_line + len(body) - len(body.lstrip("\n"))

    def on_page_content(self, html, page, config, files):
        # Full addresses for print, and touch-sized link-only list items (kyr/links.py).
        return decorate_links(html, page.url, config.site_url)

    def on_post_page(self, output, page, config):
        return theme.valid_toggles(output)

    def on_post_template(self, output_content, template_name, config):
        return theme.valid_toggles(output_content)  # 404.html

    @event_priority(-110)  # after mkdocs-static-i18n has set this page's language links
    def on_page_context(self, context, page, config, nav):
        language = self.current_language(config)
        # mkdocs-static-i18n marks each file with the language it was written in.
        content_language = self.languages.get(getattr(page.file, "locale", None) or language.code)
        rel = page.file.src_uri.removeprefix(f"{getattr(page.file, 'locale', language.code)}/")
        inherited = self.coverage.source_review_date(rel) if self.coverage else None
        context["kyr_page"] = theme.page_info(page.meta, language, content_language, inherited=inherited)
        context["kyr_review_due"] = banners.review_notice(self.coverage, rel, page.meta, language, self.clinic.review_period_days, self.translations.ngettext)
        context["kyr_banner"] = banners.banner_for(
            self.coverage, language, rel, self.translations.gettext,
            file_locale=getattr(page.file, "locale", None), here=page.url, use_directory_urls=config.use_directory_urls,
        )
        # mkdocs-static-i18n assigns `config.extra.alternate` as an attribute, which Jinja reads first.
        theme.tag_alternates(getattr(config.extra, "alternate", None) or config.extra.get("alternate") or [], self.languages, config.site_url)
        return context

    def on_post_build(self, config):
        language = self.current_language(config)
        site_dir = Path(config.site_dir)
        # Each language's build writes the theme's 404 page at the root: keep the source
        # language's there and move every other language's into its own folder.
        if language.is_source:
            self._source_404 = theme.read_if_exists(site_dir / "404.html")
        else:
            theme.move_404(site_dir, language.code, self._source_404)
        # The deploy headers and the offline worker sit at the site's root. Each language's build
        # rewrites the worker, so the last one built lists every language. A one-language build
        # leaves these to `kyr build`, which writes them once over the assembled site.
        if self.only_language is None:
            headers.write_headers_file(site_dir)
            deploy.write_redirects_file(site_dir, list(self.languages.values()))
            offline.write_worker(site_dir, list(self.languages.values()))
        if self.print_session is not None:
            printing.publish(self.print_session, language, config.site_dir)
        elif self._print_materials() and self._previewing():  # `kyr serve --print`: after the reload
            printing.publish_in_background(config, self.clinic, self.languages, self.project_dir, self.config.translations_dir, language)
        if self.only_language is not None:
            i18n = config.plugins.get("i18n")
            if i18n is not None:
                i18n.building = True  # mkdocs-static-i18n then builds no other language

    @event_priority(-50)  # after the search plugin has written this language's index
    def _on_post_build_search(self, config):
        language = self.current_language(config)
        self._source_index = search.move_index(Path(config.site_dir), language) or self._source_index

    @event_priority(-200)  # after mkdocs-static-i18n, which merges every language into the root index
    def _on_post_build_restore(self, config):
        if self.current_language(config).is_source and self._source_index is not None:
            search.restore_source_index(Path(config.site_dir), self._source_index)

    on_post_build = CombinedEvent(on_post_build, _on_post_build_search, _on_post_build_restore)

    def on_build_error(self, *, error):
        if self.print_session is not None:
            self.print_session.close()
