"""The deploy headers: every page of every language loads under the shipped Content-Security-Policy
with no violation, search included (Material's script, worker and index, loaded only when search
opens), and the headers arrive as written."""

from __future__ import annotations

import pytest

from browser_checks import CODES

pytestmark = pytest.mark.browser

COLLECT_VIOLATIONS = """
window.__kyrViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__kyrViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`);
});
"""


def _violations(page, console: list[str]) -> list[str]:
    return page.evaluate("() => window.__kyrViolations") + [m for m in console if "Content Security Policy" in m]


@pytest.mark.parametrize("code", CODES)
def test_every_page_loads_under_the_shipped_policy_without_violation(code, headers_site_url, pages_by_language, new_phone_context):
    context = new_phone_context()
    context.add_init_script(COLLECT_VIOLATIONS)
    page = context.new_page()
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text))
    problems = []
    for site_page in pages_by_language[code]:
        console.clear()
        response = page.goto(headers_site_url + site_page.path, wait_until="load")
        policy = response.headers.get("content-security-policy", "")
        if "script-src 'self'" not in policy:
            problems.append(f"/{site_page.path}: served without the policy ({policy!r})")
        page.wait_for_timeout(100)
        problems += [f"/{site_page.path}: {v}" for v in _violations(page, console)]
    assert not problems, "\n".join(problems)


def test_headers_arrive_as_shipped(headers_site_url, new_phone_context):
    page = new_phone_context().new_page()
    headers = page.goto(headers_site_url + "es/rights/", wait_until="load").headers
    assert headers["referrer-policy"] == "no-referrer"
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"
    assert "camera=()" in headers["permissions-policy"]
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert "unsafe-inline" not in headers["content-security-policy"]


def test_search_loads_only_when_opened_and_works_under_the_policy(headers_site_url, new_phone_context):
    context = new_phone_context()
    context.add_init_script(COLLECT_VIOLATIONS)
    page = context.new_page()
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text))
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))
    page.goto(headers_site_url + "rights/", wait_until="networkidle")
    eager = [u for u in requested if "search_index" in u or "/bundle." in u or "/workers/" in u]
    assert not eager, f"loaded before search was opened: {eager}"

    page.click(".md-header__button[for='__search']")
    page.wait_for_function("() => document.activeElement && document.activeElement.matches('.md-search__input')")
    page.keyboard.type("lawyer")
    page.wait_for_selector(".md-search-result__item", timeout=20000)
    assert page.locator(".md-search-result__item").count() > 0
    assert any("search_index" in u for u in requested)
    assert not [u for u in requested if "sitemap" in u], "opening search fetched the sitemaps"
    assert not _violations(page, console)
    storage = page.evaluate("() => [Object.keys(localStorage), Object.keys(sessionStorage)]")
    assert storage == [[], []], f"search wrote to storage: {storage}"
