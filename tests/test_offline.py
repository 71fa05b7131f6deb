"""kyr.offline: which files the service worker keeps per language, its version, and its script."""

from __future__ import annotations

import json
import re

from kyr.languages import make_language
from kyr.offline import page_assets, plan_offline, render_worker, worker_template, write_worker

EN = make_language("en", is_source=True)
ES = make_language("es")


def _page(path, title, extra=""):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"<html><head>{extra}</head><body><h1>{title}</h1></body></html>", encoding="utf-8")


def small_site(root):
    """A built site with English at the root and Spanish under es/, one of them without 'show-card'."""
    for lang, prefix in (("en", ""), ("es", "es/")):
        for page in ("", "rights/", "rights/at-home/", "detained/", "family-plan/"):
            depth = page.count("/") + (1 if prefix else 0)
            rel = "../" * depth
            extra = (
                f'<link rel="stylesheet" href="{rel}assets/main.css">'
                f'<script src="{rel}assets/kyr.js" defer></script>'
                '<link rel="stylesheet" href="https://fonts.example.com/x.css">'
                f'<link rel="alternate" href="{rel}other/">'
            )
            _page(root / prefix / page / "index.html", f"{lang} {page or 'home'}", extra)
    _page(root / "show-card" / "index.html", "card")
    _page(root / "letter-builder" / "index.html", "builder", '<script src="../assets/letter-builder.js" defer></script>')
    (root / "assets").mkdir()
    (root / "assets" / "letter-builder.js").write_text("//", encoding="utf-8")
    (root / "assets" / "main.css").write_text("body{}", encoding="utf-8")
    (root / "assets" / "kyr.js").write_text("//", encoding="utf-8")
    return root


def test_page_assets_keeps_this_sites_files_and_drops_other_hosts():
    html = (
        '<link rel="stylesheet" href="../../assets/a.css"><link rel="icon" href="../../favicon.png">'
        '<script src="https://cdn.example.com/x.js"></script><img src="pic.png"><link rel="canonical" href="../">'
    )
    assert page_assets(html, "es/rights/") == ["assets/a.css", "favicon.png", "es/rights/pic.png"]


def test_plan_lists_each_languages_home_rights_detained_card_and_builder_with_their_files(tmp_path):
    plan = plan_offline(small_site(tmp_path), [EN, ES], "worker")
    assert plan.languages["en"] == (
        "", "detained/", "show-card/", "letter-builder/", "rights/", "rights/at-home/",
        "assets/kyr.js", "assets/letter-builder.js", "assets/main.css",
    )
    assert plan.languages["es"] == ("es/", "es/detained/", "es/rights/", "es/rights/at-home/", "assets/kyr.js", "assets/main.css")
    assert not any("family-plan" in url for urls in plan.languages.values() for url in urls)


def test_version_changes_when_a_kept_file_or_the_worker_changes_and_only_then(tmp_path):
    site = small_site(tmp_path)
    first = plan_offline(site, [EN, ES], "worker").version
    (site / "family-plan" / "index.html").write_text("changed", encoding="utf-8")
    assert plan_offline(site, [EN, ES], "worker").version == first
    (site / "es" / "rights" / "index.html").write_text("changed", encoding="utf-8")
    second = plan_offline(site, [EN, ES], "worker").version
    assert second != first
    assert plan_offline(site, [EN, ES], "worker v2").version != second


def test_written_worker_carries_the_plan_as_json(tmp_path):
    site = small_site(tmp_path)
    plan = write_worker(site, [EN, ES])
    script = (site / "sw.js").read_text(encoding="utf-8")
    data = json.loads(re.search(r"const PLAN = (\{.*?\});\n", script).group(1))
    assert data == {"version": plan.version, "languages": {k: list(v) for k, v in plan.languages.items()}}
    assert "__KYR_OFFLINE_PLAN__" not in script
    assert render_worker(plan, worker_template()) == script
