"""The facts found in a text, each once, and how two sets of them are compared."""

from __future__ import annotations

from pathlib import Path

from kyr.integrity.facts import compare_facts, facts_in_text


def _facts(text: str, tag: str | None = None):
    facts, odd = facts_in_text(text, tag, lambda offset: text.count("\n", 0, offset) + 1, lambda offset: 0)
    return [(f.kind, f.key) for f in facts], odd


def test_a_phone_number_is_one_fact_not_four_numbers():
    facts, _ = _facts("Call [1-888-351-4024](tel:+18883514024) now.")
    assert facts == [("url", "tel:+18883514024"), ("phone", "1-888-351-4024")]


def test_link_targets_web_addresses_emails_and_placeholders():
    facts, _ = _facts("See [the locator](https://locator.ice.gov/odls/) or locator.ice.gov, write to a@example.org, call {{ clinic.phone }}.")
    assert ("url", "https://locator.ice.gov/odls/") in facts
    assert ("web", "locator.ice.gov") in facts
    assert ("email", "a@example.org") in facts
    assert ("placeholder", "clinic.phone") in facts
    assert not any(kind == "number" for kind, _ in facts)


def test_a_page_link_is_compared_without_its_anchor():
    facts, _ = _facts("[help](legal-help.md#fraud)")
    assert facts == [("url", "legal-help.md")]


def test_numbers_in_form_names_and_ordinals():
    facts, _ = _facts("Form I-200, the 5th Amendment, 1-800, G-325R.")
    assert [key for kind, key in facts if kind == "number"] == ["200", "5", "1", "800", "325"]


def test_a_chinese_date_leaves_no_month_number_behind():
    facts, _ = _facts("自2025年1月20日起", "zh-Hans")
    assert facts == [("date", "2025-01-20")]


def test_digits_other_than_0_to_9_are_flagged():
    _, odd = _facts("اتصل بـ ٣ أشخاص", "ar")
    assert [item.token for item in odd] == ["٣"]


def test_comparison_pairs_a_missing_and_an_extra_fact_as_one_difference():
    def facts(text):
        return facts_in_text(text, None, lambda o: 1, lambda o: 0)[0]

    findings = compare_facts(facts("every 3 months"), facts("every 4 months"), source_at=lambda f: "en.md:1", path=Path("es.md"), section_lines={0: 1})
    assert [(f.code, f.source, f.translation) for f in findings] == [("number-differs", "3", "4")]


def test_the_same_fact_a_different_number_of_times_is_reported():
    def facts(text):
        return facts_in_text(text, None, lambda o: 1, lambda o: 0)[0]

    findings = compare_facts(facts("Call 911. Call 911."), facts("Call 911."), source_at=lambda f: "en.md:1", path=Path("es.md"), section_lines={0: 1})
    assert [f.code for f in findings] == ["number-missing"]
    assert "appears once in the translation, 2 times in the source" in findings[0].message
