"""The clinic's own server: Debian's nginx serves the built site with deploy/nginx-kyr-site.conf and
deploy/nginx-kyr-headers.conf (only the address it listens on and the site's folder differ), and
Chromium reads it under the headers nginx sends: the policy enforced with no violation, the offline
worker never cached, pages compressed, and each language's own "page not found"."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from browser_checks import CODES, TAGS
from kyr.deploy import NGINX_HEADERS_FILE, NGINX_SITE_FILE, NginxSite, render_nginx_site
from kyr.languages import read_site_languages

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = read_site_languages(ROOT / "mkdocs.yml")
STARTUP_SECONDS = 30  # a deadline for a condition, not a wait: nginx answers in milliseconds

COLLECT_VIOLATIONS = """
window.__kyrViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__kyrViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`);
});
"""


def _nginx_binary() -> str:
    # Debian puts it in /usr/sbin, which is not on every user's PATH.
    path = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin")
    if path is None:
        reason = "nginx is not installed (apt-get install nginx; `make system-deps` does it as root)"
        if os.environ.get("KYR_REQUIRE_BROWSER") == "1":
            pytest.fail(reason + " and KYR_REQUIRE_BROWSER=1 forbids skipping")
        pytest.skip(reason)
    return path


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


def _main_config(conf_dir: Path, site_conf: Path) -> str:
    """What Debian's /etc/nginx/nginx.conf gives a site: the http block and its MIME types."""
    user = "user root;\n" if os.geteuid() == 0 else ""  # workers must read the test's private folder
    temp = "\n".join(f"    {name}_temp_path {conf_dir / ('tmp-' + name)};" for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    return (
        f"{user}worker_processes 1;\n"
        "events { worker_connections 64; }\n"
        "http {\n"
        "    include /etc/nginx/mime.types;\n"
        "    default_type application/octet-stream;\n"
        f"    access_log off;\n{temp}\n"
        f"    include {site_conf};\n"
        "}\n"
    )


@pytest.fixture(scope="module")
def nginx_url(built_site, tmp_path_factory):
    """The built site served by Debian's nginx with our configuration, on a free 127.0.0.1 port."""
    binary = _nginx_binary()
    conf_dir = tmp_path_factory.mktemp("nginx")
    (conf_dir / "snippets").mkdir()
    shutil.copy(ROOT / NGINX_HEADERS_FILE, conf_dir / "snippets" / "kyr-headers.conf")
    port = _free_port()
    site_conf = conf_dir / "kyr-site.conf"
    committed = (ROOT / NGINX_SITE_FILE).read_text(encoding="utf-8")
    ours = render_nginx_site(LANGUAGES, NginxSite(server_name="kyr.example.org"))
    assert committed == ours, "deploy/nginx-kyr-site.conf is out of date: run `.venv/bin/kyr nginx-config > deploy/nginx-kyr-site.conf`"
    site_conf.write_text(
        render_nginx_site(LANGUAGES, NginxSite(server_name="kyr.example.org", root=str(built_site), listen=(f"127.0.0.1:{port}",))),
        encoding="utf-8",
    )
    main = conf_dir / "nginx.conf"
    main.write_text(_main_config(conf_dir, site_conf), encoding="utf-8")
    log = conf_dir / "error.log"
    process = subprocess.Popen(
        [binary, "-p", str(conf_dir), "-c", str(main), "-e", str(log),
         "-g", f"daemon off; pid {conf_dir / 'nginx.pid'}; error_log {log} warn;"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + STARTUP_SECONDS
    while not _answers(port):
        if process.poll() is not None:
            pytest.fail(f"nginx stopped at start: {process.stderr.read().decode()[-2000:]}{log.read_text() if log.exists() else ''}")
        if time.monotonic() > deadline:
            process.kill()
            pytest.fail(f"nginx did not answer on 127.0.0.1:{port} within {STARTUP_SECONDS} s")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}/"
    process.terminate()
    try:
        process.wait(timeout=STARTUP_SECONDS)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def _get(url: str, *, gzip: bool = False):
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzip else {})
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def test_nginx_serves_the_worker_uncached_and_text_compressed_with_the_headers(nginx_url):
    status, headers, _ = _get(nginx_url + "sw.js")
    assert status == 200
    assert headers["Cache-Control"] == "no-cache"
    assert "script-src 'self'" in headers["Content-Security-Policy"], "the worker lost the site-wide headers"
    status, headers, _ = _get(nginx_url + "ar/", gzip=True)
    assert status == 200 and headers["Content-Encoding"] == "gzip"
    assert headers["Content-Type"].startswith("text/html")
    assert "Cache-Control" not in headers
    for name in ("Content-Security-Policy", "Referrer-Policy", "Permissions-Policy", "X-Content-Type-Options", "X-Frame-Options"):
        assert headers[name], name


def test_arabic_pages_load_under_the_policy_nginx_sends_without_violation(nginx_url, built_site, new_phone_context):
    context = new_phone_context()
    context.add_init_script(COLLECT_VIOLATIONS)
    page = context.new_page()
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text))
    arabic = sorted(p.relative_to(built_site).as_posix().removesuffix("index.html") for p in (built_site / "ar").rglob("index.html"))
    assert arabic, "no Arabic pages were built"
    problems = []
    for path in arabic:
        console.clear()
        response = page.goto(nginx_url + path, wait_until="load")
        policy = response.headers.get("content-security-policy", "")
        if response.status != 200 or "script-src 'self'" not in policy:
            problems.append(f"/{path}: {response.status}, policy {policy!r}")
        if page.evaluate("() => getComputedStyle(document.body).direction") != "rtl":
            problems.append(f"/{path}: not set right to left")
        problems += [f"/{path}: {v}" for v in page.evaluate("() => window.__kyrViolations")]
        problems += [f"/{path}: {m}" for m in console if "Content Security Policy" in m]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("code", CODES)
def test_a_missing_page_answers_404_with_its_own_languages_page(code, nginx_url, new_phone_context):
    language = next(lang for lang in LANGUAGES if lang.code == code)
    context = new_phone_context()
    context.add_init_script(COLLECT_VIOLATIONS)
    page = context.new_page()
    response = page.goto(f"{nginx_url}{language.folder}no-such-page/", wait_until="load")
    assert response.status == 404
    assert "script-src 'self'" in response.headers.get("content-security-policy", "")
    assert page.evaluate("() => document.documentElement.lang") == TAGS[code]
    # The page's own styles load (absolute addresses), under the policy.
    assert page.evaluate("() => getComputedStyle(document.body).fontFamily") != ""
    assert page.evaluate("() => document.styleSheets.length") > 0
    assert page.evaluate("() => window.__kyrViolations") == []
