"""What each web host needs beyond the built files: an nginx site, Netlify's 404 rules, the next step.

- `render_nginx_site`: a complete nginx `server { }` for the clinic's own server (the headers of
  `headers.py` through their snippet, each language's own 404 page, gzip, `/sw.js` never cached);
  committed as deploy/nginx-kyr-site.conf and written again by `kyr nginx-config`;
- `render_redirects`: Netlify's `_redirects`, so a missing page answers with its language's 404 page
  (Cloudflare Pages finds the nearest 404.html by itself);
- `next_steps`: the few lines `make site` ends with, one per host.

The language list is always the one in mkdocs.yml, passed in as `Language`s.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from .languages import Language

REDIRECTS_FILE = "_redirects"
NGINX_SITE_FILE = Path("deploy") / "nginx-kyr-site.conf"
NGINX_HEADERS_FILE = Path("deploy") / "nginx-kyr-headers.conf"

# What nginx compresses besides HTML (which it always compresses when gzip is on).
GZIP_TYPES = (
    "text/css",
    "text/plain",
    "text/xml",
    "application/javascript",
    "application/json",
    "application/manifest+json",
    "application/xml",
    "image/svg+xml",
)


@dataclass(frozen=True)
class NginxSite:
    """Where and how the clinic's nginx serves the site: the parts a clinic may change."""

    server_name: str = "_"
    root: str = "/var/www/kyr"
    listen: tuple[str, ...] = ("80", "[::]:80")
    # Relative paths are read from nginx's configuration folder (/etc/nginx on Debian).
    headers_include: str = "snippets/kyr-headers.conf"


def server_name_from(site_url: str | None) -> str:
    """The host name of `site_url` (mkdocs.yml), or `_` (any name) when there is none."""
    return urlsplit(site_url or "").hostname or "_"


def render_nginx_site(languages: list[Language], site: NginxSite = NginxSite()) -> str:
    """The nginx site configuration of the built site, for /etc/nginx/sites-available/."""
    out = [
        "# The kyr site on nginx: copy to /etc/nginx/sites-available/kyr and link it from sites-enabled/.",
        "# Needs deploy/nginx-kyr-headers.conf at /etc/nginx/snippets/kyr-headers.conf, and site/ copied to the root below.",
        "# Written by `kyr nginx-config` from mkdocs.yml (languages, site_url); a test serves the site with it.",
        "# For HTTPS, let certbot add your certificate: `certbot --nginx -d <your name>`.",
        "server {",
        *[f"    listen {address};" for address in site.listen],
        f"    server_name {site.server_name};",
        "",
        f"    root {site.root};",
        "    index index.html;",
        "    charset utf-8;",
        "    server_tokens off;",
        "",
        "    # Pages travel compressed: patients read them on slow connections.",
        "    gzip on;",
        "    gzip_vary on;",
        "    gzip_comp_level 6;",
        "    gzip_min_length 512;",
        f"    gzip_types {' '.join(GZIP_TYPES)};",
        "",
        "    # The security headers on every answer, and /sw.js (the offline helper) never cached.",
        f"    include {site.headers_include};",
        "",
        "    location / {",
        "        try_files $uri $uri/ =404;",
        "    }",
        f"    error_page 404 /{_source(languages).folder}404.html;",
    ]
    others = [language for language in languages if not language.is_source]
    if others:
        out += ["", "    # A missing page answers in its own language."]
    for language in others:
        out += [
            f"    location /{language.folder} {{",
            "        try_files $uri $uri/ =404;",
            f"        error_page 404 /{language.folder}404.html;",
            "    }",
        ]
    out.append("}")
    return "\n".join(out) + "\n"


def render_redirects(languages: list[Language]) -> str:
    """Netlify's `_redirects`: each language's missing pages get its own 404 page (status 404)."""
    lines = ["# Each language's own 'page not found' (Netlify). Written by kyr at build time."]
    lines += [f"/{lang.folder}*  /{lang.folder}404.html  404" for lang in languages if not lang.is_source]
    return "\n".join(lines) + "\n"


def write_redirects_file(site_dir: Path, languages: list[Language]) -> None:
    """Write `_redirects` at the root of the built site."""
    (Path(site_dir) / REDIRECTS_FILE).write_text(render_redirects(languages), encoding="utf-8")


def _source(languages: list[Language]) -> Language:
    return next(language for language in languages if language.is_source)


# -- after `make site` -------------------------------------------------------------------------------

def next_steps(site_dir: str = "site") -> list[str]:
    """What to do with the built site, one line per host (README.md, 'Put it online', says more)."""
    return [
        "Put it online (README.md, 'Put it online'); a site to publish is built with KYR_PRODUCTION=1 make site:",
        "  Netlify: connect the repository (netlify.toml holds the build); it sends the security headers.",
        "  Cloudflare Pages: connect the repository, build command 'make site'; it sends the headers too.",
        "  GitHub Pages: Settings > Pages > source 'GitHub Actions', then push to main (.github/workflows/pages.yml); no headers.",
        f"  Your own nginx: '.venv/bin/kyr nginx-config' writes its site file (deploy/ has both); copy {site_dir}/ to /var/www/kyr.",
    ]
