"""The HTTP headers a deployed site must send, written for Netlify / Cloudflare Pages and nginx.

One list of headers, two renderings: `_headers` (written into the built site by the plugin) and an
nginx snippet (committed as deploy/nginx-kyr-headers.conf; a test keeps it equal to this list).
The policy forbids every other host and every inline script: the site needs neither.
"""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass
from pathlib import Path

HEADERS_FILE = "_headers"

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",  # Material's stylesheet draws its icons from data: URLs
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "media-src 'self'",
        "object-src 'none'",
        "frame-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)

PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
)


@dataclass(frozen=True)
class HeaderRule:
    """Headers sent for the paths matching `path` (a Netlify-style pattern: `/*`, `/sw.js`)."""

    path: str
    headers: tuple[tuple[str, str], ...]


RULES = (
    HeaderRule(
        "/*",
        (
            ("Content-Security-Policy", CONTENT_SECURITY_POLICY),
            ("Referrer-Policy", "no-referrer"),
            ("Permissions-Policy", PERMISSIONS_POLICY),
            ("X-Content-Type-Options", "nosniff"),
            ("X-Frame-Options", "DENY"),
            ("Cross-Origin-Opener-Policy", "same-origin"),
        ),
    ),
    # The offline worker must be checked for a new version on every visit.
    HeaderRule("/sw.js", (("Cache-Control", "no-cache"),)),
)


def render_netlify(rules: tuple[HeaderRule, ...] = RULES) -> str:
    """The `_headers` file read by Netlify and Cloudflare Pages."""
    lines = ["# Security headers for the kyr site (Netlify, Cloudflare Pages). Written by kyr at build time."]
    for rule in rules:
        lines.append(rule.path)
        lines += [f"  {name}: {value}" for name, value in rule.headers]
    return "\n".join(lines) + "\n"


def render_nginx(rules: tuple[HeaderRule, ...] = RULES) -> str:
    """An nginx snippet to `include` inside the site's `server { }` block."""
    out = [
        "# Security headers for the kyr site. Include this file inside your `server { }` block:",
        "#     include /etc/nginx/snippets/kyr-headers.conf;",
        "# Generated from scripts/kyr/headers.py; a test keeps the two equal.",
        "# nginx forgets these in any `location` that sets headers of its own: include it there too.",
    ]
    site_wide = [r for r in rules if r.path == "/*"]
    for rule in site_wide:
        out += [f'add_header {name} "{value}" always;' for name, value in rule.headers]
    for rule in rules:
        if rule.path == "/*":
            continue
        out.append(f"location = {rule.path} {{")
        for site_rule in site_wide:
            out += [f'    add_header {name} "{value}" always;' for name, value in site_rule.headers]
        out += [f'    add_header {name} "{value}" always;' for name, value in rule.headers]
        out.append("}")
    return "\n".join(out) + "\n"


def parse_netlify(text: str) -> tuple[HeaderRule, ...]:
    """Read a `_headers` file: a path on its own line, then indented `Name: value` lines."""
    rules: list[HeaderRule] = []
    path, headers = None, []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            if path is not None:
                rules.append(HeaderRule(path, tuple(headers)))
            path, headers = line.strip(), []
        elif path is not None and ":" in line:
            name, value = line.strip().split(":", 1)
            headers.append((name.strip(), value.strip()))
    if path is not None:
        rules.append(HeaderRule(path, tuple(headers)))
    return tuple(rules)


def headers_for(path: str, rules: tuple[HeaderRule, ...]) -> list[tuple[str, str]]:
    """The headers a Netlify-like host sends for the URL path `path`."""
    return [h for rule in rules if fnmatch.fnmatchcase(path, rule.path) for h in rule.headers]


def write_headers_file(site_dir: Path) -> None:
    """Write `_headers` at the root of the built site."""
    (Path(site_dir) / HEADERS_FILE).write_text(render_netlify(), encoding="utf-8")
