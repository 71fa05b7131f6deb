"""The `kyr` command: parses arguments, calls the core, prints, returns an exit code.

Exit codes: 0 all is well, 1 the check found problems, 2 usage error or unreadable input.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from . import __version__
from .errors import KyrError

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
log = logging.getLogger("kyr")


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--project", type=Path, default=Path("."), metavar="DIR", help="the project folder holding mkdocs.yml (default: current folder)")
    parser.add_argument("-q", "--quiet", action="store_true", help="print only problems")
    parser.add_argument("-v", "--verbose", action="store_true", help="print more detail")


def _lang_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", action="append", metavar="CODE", help="only this language (repeat it, or give several as es,vi); default: every language")


def _format_option(parser: argparse.ArgumentParser, choices: tuple[str, ...]) -> None:
    parser.add_argument("--format", choices=choices, default=choices[0], help=f"how to print the report (default: {choices[0]})")


def _languages(args):
    from .integrity.run import resolve_languages
    from .languages import read_site_languages

    languages = read_site_languages(args.project / "mkdocs.yml")
    return languages, resolve_languages(languages, args.lang)


def cmd_coverage(args) -> int:
    """Show how much of the site each language covers: every English page is current, stale (the
    English page changed since it was translated) or missing in each language, with its review
    status; and how many interface messages each catalog translates."""
    from . import reports
    from .coverage import STALE, compute_coverage

    languages, only = _languages(args)
    report = compute_coverage(args.project, languages, only=only)
    diffs = None
    if args.diff:
        from .history import History

        history = History(args.project)
        sources = {source.rel: source for source in report.sources}
        diffs = {
            (lang.language.code, page.rel): history.source_diff(sources[page.rel].path, page.recorded)
            for lang in report.languages
            for page in lang.pages
            if page.state == STALE
        }
    if args.format == "json":
        text = reports.coverage_json(report, diffs=diffs)
    elif args.format == "markdown":
        text = reports.coverage_markdown(report, diffs=diffs)
    else:
        text = reports.coverage_table(report, style=reports.Style.for_stream(sys.stdout), details=not args.quiet, verbose=args.verbose, diffs=diffs)
    sys.stdout.write(text)
    if report.errors:
        return EXIT_USAGE
    if args.fail_under is not None:
        below = [lang for lang in report.languages if lang.pages_percent < args.fail_under]
        for lang in below:
            print(f"{lang.language.code}: {lang.pages_percent:.0f}% of pages current, under --fail-under {args.fail_under:g}%", file=sys.stderr)
        if below:
            return EXIT_PROBLEMS
    return EXIT_OK


def cmd_check(args) -> int:
    """Check every translation against its English page: the same phone numbers, addresses, dates,
    numbers and placeholders, the same headings, lists, boxes, links and code, valid front matter,
    no unsafe HTML, no invisible or look-alike characters. Also checks every .po catalog's messages.
    Warnings (a stale translation lacking something, a term translated otherwise than the termbase
    says, facts not checked within the clinic's review period) pass unless --strict."""
    from . import reports
    from .integrity.run import check_project
    from .review import project_review_period

    languages, only = _languages(args)
    report = check_project(args.project, languages, paths=args.paths or None, only=only, review_period_days=project_review_period(args.project))
    if args.format == "json":
        sys.stdout.write(reports.check_json(report))
    elif args.format == "markdown":
        sys.stdout.write(reports.check_markdown(report))
    else:
        sys.stdout.write(reports.check_text(report, style=reports.Style.for_stream(sys.stdout), quiet=args.quiet))
    if report.unreadable:
        return EXIT_USAGE
    if report.errors or (args.strict and report.warnings):
        return EXIT_PROBLEMS
    return EXIT_OK


def cmd_stamp(args) -> int:
    """Record that a translation matches its English page as it is now: writes the English page's
    fingerprint (and --status, --by) into the translation's front matter, changing nothing else.
    Run it after you have brought the translation up to date: the page is checked in full as it
    would be stamped, and nothing is recorded if the check finds an error."""
    from . import reports
    from .integrity.run import check_project
    from .stamp import prepare_stamp, write_stamp

    languages, _ = _languages(args)
    docs = (args.project / "docs").resolve()
    source = next(lang for lang in languages if lang.is_source)
    codes = {lang.code for lang in languages}
    code = EXIT_OK
    for given in args.pages:
        path = given.resolve()
        if not path.is_relative_to(docs) or len(path.relative_to(docs).parts) < 2:
            raise KyrError("not a page under docs/<language>/", path=given, hint="give a translated page, like docs/es/red-card.md")
        lang, rel = path.relative_to(docs).parts[0], Path(*path.relative_to(docs).parts[1:])
        if lang == source.code:
            raise KyrError("this is an English page: only translations are stamped", path=given, hint=f"stamp its translations, like docs/es/{rel.as_posix()}")
        if lang not in codes:
            raise KyrError(f"'{lang}' is not a language of mkdocs.yml", path=given, hint=f"run 'kyr new-language {lang}' first")
        if not path.is_file():
            raise KyrError("no such page", path=given)
        english = docs / source.code / rel
        if not english.is_file():
            raise KyrError(f"there is no English page {english.relative_to(args.project.resolve()) if english.is_relative_to(args.project.resolve()) else english}", path=given)
        result, new_text = prepare_stamp(path, english, status=args.status, by=args.by)
        # The page as it would be stamped is checked before anything is written.
        report = check_project(args.project, languages, paths=[given], texts={path: new_text})
        if report.findings:
            sys.stdout.write(reports.check_text(report, style=reports.Style.for_stream(sys.stdout), quiet=args.quiet))
        if report.unreadable or report.errors:
            print(f"{given}: not stamped: fix the errors above, then run 'kyr stamp' again")
            code = EXIT_USAGE if report.unreadable else max(code, EXIT_PROBLEMS)
            continue
        write_stamp(result, new_text)
        if not args.quiet:
            what = "stamped" if result.changed else "already stamped"
            print(f"{given}: {what}: source {result.source}, status {result.status}" + (f", by {result.by}" if result.by else ""))
            if result.status == "machine":
                print("  note: the status is still 'machine'; once a person has checked the whole page, add --status community --by NAME")
    return code


def cmd_new_language(args) -> int:
    """Add a language to the site: checks CODE with Babel, registers it in mkdocs.yml with its own
    name, and creates its .po catalog. Its pages stay missing, so the site shows them in English
    with a notice until volunteers translate them. Running it again changes nothing.

    For a language CLDR lacks (so Babel has no data for it, like Hmong, hmn), give what Babel would
    have said with all six of --name, --english-name, --direction, --plural-forms, --like and
    --interface; they are recorded in mkdocs.yml under the kyr plugin's languages_without_cldr.
    Example: kyr new-language hmn --name Hmoob --english-name Hmong --direction ltr
    --plural-forms "nplurals=1; plural=0;" --like en --interface en"""
    from .new_language import add_language, facts_from_options

    facts = facts_from_options(
        args.code, name=args.name, english_name=args.english_name, direction=args.direction,
        plural_forms=args.plural_forms, like=args.like, interface=args.interface,
    )
    result = add_language(args.project, args.code, facts=facts)
    language = result.language
    if not args.quiet:
        direction = "right to left" if language.is_rtl else "left to right"
        if result.registered:
            print(f"mkdocs.yml: added {language.code} ({language.tag}), {language.name}, written {direction}")
        else:
            print(f"mkdocs.yml: {language.code} ({language.name}) is already a language of the site")
        if not language.has_cldr:
            print(f"  dates, numbers and hours written as in '{language.like}'; Material's interface in '{language.interface}'; plural rule {language.plural_forms}")
        print(f"{result.catalog}: {'created' if result.catalog_created else 'already exists'}")
        if result.registered or result.catalog_created:
            print(f"next: translate pages by copying docs/en/PAGE.md to docs/{language.code}/PAGE.md (see CONTRIBUTING.md); 'kyr coverage --lang {language.code}' shows what is left")
    return EXIT_OK


def cmd_catalogs(args) -> int:
    """Extract translatable strings into translations/messages.pot and update every language's .po."""
    from .catalogs import TEMPLATE_NAME, catalog_path, extract_template, keep_unchanged_date, update_catalog, write_catalog
    from .languages import read_site_languages

    project = args.project
    template = extract_template(project)
    keep_unchanged_date(template, project / "translations" / TEMPLATE_NAME)
    write_catalog(template, project / "translations" / TEMPLATE_NAME, template=True)
    languages = [lang for lang in read_site_languages(project / "mkdocs.yml") if not lang.is_source]
    for language in languages:
        update_catalog(
            template, catalog_path(project / "translations", language.code),
            locale=language.tag.replace("-", "_"), plural_forms=language.plural_forms,
        )
    if not args.quiet:
        print(f"{len(template)} messages extracted; {len(languages)} catalogs updated in {project / 'translations'}")
    return EXIT_OK


def cmd_nginx_config(args) -> int:
    """Print the nginx site configuration of this site (its languages and address from mkdocs.yml):
    each language's own 404 page, gzip, and the security headers through their snippet. Save it as
    /etc/nginx/sites-available/kyr; `--headers` prints the snippet for /etc/nginx/snippets/ instead."""
    from .deploy import NginxSite, render_nginx_site, server_name_from
    from .headers import render_nginx
    from .languages import read_site_languages
    from .yamlfile import load_config_yaml

    if args.headers:
        sys.stdout.write(render_nginx())
        return EXIT_OK
    config = args.project / "mkdocs.yml"
    languages = read_site_languages(config)
    site_url = (load_config_yaml(config.read_text(encoding="utf-8")) or {}).get("site_url")
    site = NginxSite(server_name=args.server_name or server_name_from(site_url), root=args.root)
    sys.stdout.write(render_nginx_site(languages, site))
    return EXIT_OK


def cmd_next_steps(args) -> int:
    """Print what to do with the built site on each host (the end of `make site`)."""
    from .deploy import next_steps

    print("\n".join(next_steps()))
    return EXIT_OK
def _jobs(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def cmd_build(args) -> int:
    """Build the site into site/: one MkDocs build per language, in parallel processes, then the
    parts that span languages (sitemap, _headers, offline worker) once. A language whose pages,
    catalogs, clinic.yml, templates and English fallbacks have not changed since its last build is
    reused from .cache/site/. The site folder is replaced only when every language has built."""
    import os

    from .errors import BuildError
    from .sitebuild import build_site

    def progress(result) -> None:
        if not args.quiet:
            what = "unchanged, reused" if result.reused else f"built in {result.seconds:.1f} s"
            print(f"  {result.language.code}: {what}", flush=True)

    codes = [code for value in (args.lang or []) for code in value.split(",") if code.strip()]
    print_materials = False if args.no_print else None
    jobs = args.jobs or int(os.environ.get("KYR_JOBS") or 0) or None
    try:
        report = build_site(args.project, args.site_dir or args.project / "site", jobs=jobs, codes=codes, print_materials=print_materials, progress=progress)
    except BuildError as exc:  # a language failed: the site folder is as it was
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    if not args.quiet:
        print(report.summary())
    return EXIT_OK


def cmd_serve(args) -> int:
    """Preview one language while you edit it: MkDocs serves that language alone and rebuilds only
    it when a file changes. Print materials (PDFs) are made only with --print."""
    import subprocess

    from .languages import read_site_languages
    from .sitebuild import build_environment, choose_languages

    languages = read_site_languages(args.project / "mkdocs.yml")
    (language,) = choose_languages(languages, [args.lang or next(lang.code for lang in languages if lang.is_source)])
    env = build_environment(language, print_materials=args.print, preview=True)
    if not args.quiet:
        print(f"Previewing {language.english_name} ({language.code}): open http://{args.dev_addr}/{language.folder}", flush=True)
    command = [sys.executable, "-m", "mkdocs", "serve", "--config-file", str(args.project / "mkdocs.yml"), "--dev-addr", args.dev_addr]
    try:
        return subprocess.run(command, cwd=args.project, env=env).returncode
    except KeyboardInterrupt:
        return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kyr",
        description="Check and maintain the translations of a kyr Know Your Rights site.",
        epilog="Exit codes: 0 all is well, 1 problems found, 2 usage error. Run 'kyr COMMAND --help' for details.",
    )
    parser.add_argument("--version", action="version", version=f"kyr {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    catalogs = commands.add_parser("catalogs", help="extract translatable strings and update every .po catalog", description=cmd_catalogs.__doc__)
    _common(catalogs)
    catalogs.set_defaults(func=cmd_catalogs)

    coverage = commands.add_parser("coverage", help="show each language's translated, stale and missing pages", description=cmd_coverage.__doc__)
    _common(coverage)
    _lang_option(coverage)
    _format_option(coverage, ("table", "json", "markdown"))
    coverage.add_argument("--fail-under", type=float, metavar="PCT", help="exit 1 if a language has less than PCT percent of its pages current")
    coverage.add_argument("--diff", action="store_true", help="show what changed in the English page since each stale translation (needs git history)")
    coverage.set_defaults(func=cmd_coverage)

    check = commands.add_parser("check", help="check every translation's facts, structure, front matter and HTML against its English page", description=cmd_check.__doc__)
    _common(check)
    _lang_option(check)
    _format_option(check, ("text", "json", "markdown"))
    check.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="pages, catalogs or folders to check (default: the whole project)")
    check.add_argument("--strict", action="store_true", help="exit 1 on warnings too")
    check.set_defaults(func=cmd_check)

    stamp = commands.add_parser("stamp", help="record that a translation matches the English page as it is now", description=cmd_stamp.__doc__)
    _common(stamp)
    stamp.add_argument("pages", nargs="+", type=Path, metavar="PAGE", help="a translated page, like docs/es/red-card.md")
    stamp.add_argument("--status", choices=("community", "legal"), help="who checked it: community (a volunteer) or legal (the clinic's legal reviewer)")
    stamp.add_argument("--by", metavar="NAME", help="the person or team who checked it")
    stamp.set_defaults(func=cmd_stamp, lang=None)

    new_language = commands.add_parser("new-language", help="add a language: register it in mkdocs.yml and create its catalog", description=cmd_new_language.__doc__)
    _common(new_language)
    new_language.add_argument("code", metavar="CODE", help="the language's code, like de, pt-BR or zh-Hans (or hmn, with the options below)")
    cldrless = new_language.add_argument_group(
        "a language CLDR lacks", "Babel (CLDR) has no data for some languages, like Hmong (hmn). Give all six of these to say what it would have said.",
    )
    cldrless.add_argument("--name", metavar="TEXT", help="the language's name in itself, shown in the language menu (e.g. Hmoob)")
    cldrless.add_argument("--english-name", metavar="TEXT", help="its name in English (e.g. Hmong)")
    cldrless.add_argument("--direction", choices=("ltr", "rtl"), help="ltr: written left to right; rtl: right to left")
    cldrless.add_argument("--plural-forms", metavar="RULE", help="its gettext plural rule, e.g. 'nplurals=1; plural=0;' (no plural forms) or 'nplurals=2; plural=(n != 1);'")
    cldrless.add_argument("--like", metavar="CODE", help="the language whose dates, times and numbers its readers know best (e.g. en)")
    cldrless.add_argument("--interface", metavar="CODE", help="the language of Material's own interface strings (search box, menus) for it, e.g. en")
    new_language.set_defaults(func=cmd_new_language)

    nginx = commands.add_parser("nginx-config", help="print the nginx site configuration for this site", description=cmd_nginx_config.__doc__)
    _common(nginx)
    nginx.add_argument("--root", default="/var/www/kyr", metavar="DIR", help="where the contents of site/ are copied (default: /var/www/kyr)")
    nginx.add_argument("--server-name", metavar="NAME", help="the site's host name (default: the host of site_url in mkdocs.yml)")
    nginx.add_argument("--headers", action="store_true", help="print the security headers snippet instead")
    nginx.set_defaults(func=cmd_nginx_config)

    steps = commands.add_parser("next-steps", help="print how to put the built site online, per host", description=cmd_next_steps.__doc__)
    _common(steps)
    steps.set_defaults(func=cmd_next_steps)
    build = commands.add_parser("build", help="build the site: one MkDocs build per language, in parallel, unchanged languages reused", description=cmd_build.__doc__)
    _common(build)
    build.add_argument("--lang", action="append", metavar="CODE", help="build only this language (repeat it, or give several as es,vi); default: every language")
    build.add_argument("--jobs", "-j", type=_jobs, metavar="N", help="languages built at once (default: $KYR_JOBS, or the number of CPUs)")
    build.add_argument("--site-dir", type=Path, metavar="DIR", help="where the site goes (default: site/ in the project)")
    build.add_argument("--no-print", action="store_true", help="leave out the print materials (PDFs)")
    build.set_defaults(func=cmd_build)

    serve = commands.add_parser("serve", help="preview one language, rebuilt on every save", description=cmd_serve.__doc__)
    _common(serve)
    serve.add_argument("--lang", metavar="CODE", help="the language to preview (default: the source language, English)")
    serve.add_argument("--print", action="store_true", help="also make the print materials (PDFs) of that language")
    serve.add_argument("--dev-addr", default="127.0.0.1:8000", metavar="HOST:PORT", help="where to serve (default: 127.0.0.1:8000)")
    serve.set_defaults(func=cmd_serve)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the `kyr` command with `argv`; return its exit code."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors and 0 on --help
        return int(exc.code or 0)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING if args.quiet else logging.INFO, format="%(message)s")
    try:
        return args.func(args)
    except KyrError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
