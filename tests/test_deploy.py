"""kyr.deploy and the host files: every host's set-up is in the repository, uses the commands CI
runs, and follows mkdocs.yml's languages (the nginx configuration is served for real in
tests/browser/test_nginx.py)."""

from __future__ import annotations

import re
import tomllib

import yaml

from kyr.cli import main
from kyr.deploy import NGINX_SITE_FILE, NginxSite, next_steps, render_nginx_site, render_redirects, server_name_from
from kyr.languages import read_site_languages
from kyr.yamlfile import load_config_yaml

from kyrtest import ROOT

LANGUAGES = read_site_languages(ROOT / "mkdocs.yml")
SITE_URL = load_config_yaml((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]


def test_committed_nginx_site_is_the_one_kyr_writes_for_this_mkdocs_yml(capsys):
    committed = (ROOT / NGINX_SITE_FILE).read_text(encoding="utf-8")
    assert committed == render_nginx_site(LANGUAGES, NginxSite(server_name=server_name_from(SITE_URL))), (
        "regenerate it: .venv/bin/kyr nginx-config > deploy/nginx-kyr-site.conf"
    )
    assert main(["nginx-config", "--project", str(ROOT)]) == 0
    assert capsys.readouterr().out == committed


def test_nginx_site_gives_every_language_its_own_404_page_and_includes_the_headers():
    text = render_nginx_site(LANGUAGES, NginxSite(root="/srv/kyr", server_name="rights.example.net"))
    assert "error_page 404 /404.html;" in text
    for language in LANGUAGES:
        if not language.is_source:
            block = re.search(rf"location /{re.escape(language.folder)} {{(.*?)}}", text, re.S)
            assert block and f"error_page 404 /{language.folder}404.html;" in block.group(1), language.code
    assert "include snippets/kyr-headers.conf;" in text
    assert "root /srv/kyr;" in text and "server_name rights.example.net;" in text
    assert "gzip on;" in text and "application/javascript" in text


def test_server_name_comes_from_site_url():
    assert server_name_from("https://rights.example.net/kyr/") == "rights.example.net"
    assert server_name_from(None) == "_"


def test_netlify_redirects_send_each_languages_missing_pages_to_its_404_page():
    lines = [line.split() for line in render_redirects(LANGUAGES).splitlines() if not line.startswith("#")]
    assert lines == [[f"/{lang.folder}*", f"/{lang.folder}404.html", "404"] for lang in LANGUAGES if not lang.is_source]


def test_every_host_builds_with_make_site_into_site():
    netlify = tomllib.loads((ROOT / "netlify.toml").read_text(encoding="utf-8"))
    assert (netlify["build"]["command"], netlify["build"]["publish"]) == ("make site", "site")
    assert netlify["build"]["environment"]["KYR_PRODUCTION"] == "1"
    cloudflare = tomllib.loads((ROOT / "wrangler.toml").read_text(encoding="utf-8"))
    assert cloudflare["pages_build_output_dir"] == "site"


def test_pages_workflow_builds_on_push_with_ci_and_publishes_with_the_official_actions():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))
    triggers = workflow[True]  # YAML reads the key `on` as true
    assert triggers["push"]["branches"] == ["main"]
    steps = [step for job in workflow["jobs"].values() for step in job["steps"]]
    runs = " ".join(step.get("run", "") for step in steps)
    assert ".ci/run" in runs and "make site" in runs and "KYR_PRODUCTION=1" in runs
    uses = {step["uses"].split("@")[0] for step in steps if "uses" in step}
    assert {"actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"} <= uses
    assert workflow["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}


def test_make_site_ends_with_a_step_for_each_host_naming_files_that_exist():
    assert "kyr next-steps" in (ROOT / "Makefile").read_text(encoding="utf-8")
    text = "\n".join(next_steps())
    for host in ("GitHub Pages", "Netlify", "Cloudflare Pages", "nginx"):
        assert host in text
    for path in re.findall(r"(?:\.github/workflows/\S+\.yml|netlify\.toml|deploy/)", text):
        assert (ROOT / path).exists(), path


def test_readme_gives_each_host_its_path():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Put it online"):readme.index("### Security headers")]
    for needle in ("netlify.toml", "wrangler.toml", "pages.yml", "kyr nginx-config", "cannot send headers", "KYR_PRODUCTION=1"):
        assert needle in section, needle
