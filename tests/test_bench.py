"""`make bench`: a section is one function; one that cannot run here is skipped with its reason.
(Figures are printed for people; no test asserts a time.)"""

from __future__ import annotations

from kyr import bench, benchkit


def test_a_new_section_is_one_function_and_runs_by_name(monkeypatch, capsys):
    monkeypatch.setattr(benchkit, "SECTIONS", {})

    @bench.section("demo", "a demonstration")
    def demo(ctx):
        return [bench.Figure("answer", 42, "items", target=50)]

    @bench.section("needs-browser", "something needing a missing tool")
    def needs(ctx):
        bench.require_command("no-such-program-kyr", "install it to run this")
        return []

    assert bench.main([]) == 0
    out = capsys.readouterr().out
    assert "demo: a demonstration\n  answer: 42 items (target ≤ 50 items) ok" in out
    assert "  skipped: 'no-such-program-kyr' is not installed (install it to run this)" in out
    assert bench.main(["--list"]) == 0
    assert capsys.readouterr().out == "demo: a demonstration\nneeds-browser: something needing a missing tool\n"


def test_a_missed_target_is_reported_and_exits_1(monkeypatch, capsys):
    monkeypatch.setattr(benchkit, "SECTIONS", {})
    bench.section("slow", "too slow")(lambda ctx: [bench.Figure("step", 2.0, target=1.0)])
    assert bench.main(["slow"]) == 1
    assert "step: 2.000 s (target ≤ 1 s) MISSED" in capsys.readouterr().out


def test_the_translation_sections_are_registered():
    assert {"coverage", "check"} <= set(benchkit.SECTIONS)
