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


def cmd_catalogs(args) -> int:
    """Extract translatable strings into translations/messages.pot and update every language's .po."""
    from .catalogs import TEMPLATE_NAME, catalog_path, extract_template, update_catalog, write_catalog
    from .languages import read_site_languages

    project = args.project
    template = extract_template(project)
    write_catalog(template, project / "translations" / TEMPLATE_NAME, template=True)
    languages = [lang for lang in read_site_languages(project / "mkdocs.yml") if not lang.is_source]
    for language in languages:
        update_catalog(template, catalog_path(project / "translations", language.code), locale=language.tag.replace("-", "_"))
    if not args.quiet:
        print(f"{len(template)} messages extracted; {len(languages)} catalogs updated in {project / 'translations'}")
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
