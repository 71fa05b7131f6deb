"""Privacy, page by page: every page of every language, loaded and scrolled on a first visit,
asks nothing of any other host, sets no cookie and stores nothing in the browser but the offline
worker's copies of this site's own pages."""

from __future__ import annotations

import pytest

from browser_checks import CODES, origin, scroll_through, storage_report

pytestmark = pytest.mark.browser

PREFETCHING_LINKS = "link[rel~=preconnect], link[rel~=dns-prefetch], link[rel~=prefetch], link[rel~=preload], link[rel~=modulepreload]"


@pytest.mark.parametrize("code", CODES)
def test_every_page_asks_nothing_of_other_hosts_and_keeps_nothing(code, site_url, pages_by_language, new_phone_context):
    own = origin(site_url)
    problems = []
    assert pages_by_language[code], f"no built page found for {code}"
    for site_page in pages_by_language[code]:
        context = new_phone_context()
        requested = []
        context.on("request", lambda request: requested.append(request.url))
        page = context.new_page()
        page.goto(site_url + site_page.path, wait_until="load")
        scroll_through(page)
        page.wait_for_load_state("networkidle")
        where = f"/{site_page.path}"
        foreign = sorted({url for url in requested if origin(url) != own and not url.startswith("data:")})
        if foreign:
            problems.append(f"{where}: requested {foreign}")
        hints = page.eval_on_selector_all(PREFETCHING_LINKS, "links => links.map(l => l.href)")
        if [h for h in hints if origin(h) != own]:
            problems.append(f"{where}: asks the browser to contact {hints}")
        if context.cookies():
            problems.append(f"{where}: set cookies {context.cookies()}")
        kept = storage_report(page)
        if kept["local"] or kept["session"] or kept["indexeddb"]:
            problems.append(f"{where}: wrote storage {kept}")
        for name, urls in kept["caches"].items():
            if not name.startswith("kyr-offline-") or any(origin(u) != own for u in urls):
                problems.append(f"{where}: cache {name} holds {urls}")
        context.close()
    assert not problems, "\n".join(problems)
