"""kyr.headers: one list of deploy headers, rendered for Netlify/Cloudflare and nginx."""

from __future__ import annotations

import re

from kyr.headers import CONTENT_SECURITY_POLICY, RULES, headers_for, parse_netlify, render_netlify, render_nginx

from kyrtest import ROOT


def test_policy_allows_this_site_only_and_no_inline_script():
    directives = dict(d.split(" ", 1) for d in CONTENT_SECURITY_POLICY.split("; "))
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in CONTENT_SECURITY_POLICY and "unsafe-eval" not in CONTENT_SECURITY_POLICY
    assert not re.search(r"https?:|\*", CONTENT_SECURITY_POLICY), "the policy names another host"


def test_netlify_file_reads_back_as_the_rules():
    assert parse_netlify(render_netlify()) == RULES


def test_worker_gets_no_cache_on_top_of_the_site_wide_headers():
    names = [name for name, _ in headers_for("/sw.js", RULES)]
    assert "Content-Security-Policy" in names and "Cache-Control" in names
    assert "Cache-Control" not in [name for name, _ in headers_for("/es/rights/", RULES)]


def test_committed_nginx_snippet_matches_the_rules():
    committed = (ROOT / "deploy" / "nginx-kyr-headers.conf").read_text(encoding="utf-8")
    assert committed == render_nginx(), "regenerate it: python -c 'from kyr.headers import render_nginx; print(render_nginx(), end=\"\")' > deploy/nginx-kyr-headers.conf"


def test_readme_documents_every_header():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name, _ in RULES[0].headers:
        if name != "Cross-Origin-Opener-Policy":
            assert f"`{name}`" in readme, f"README.md does not explain {name}"
