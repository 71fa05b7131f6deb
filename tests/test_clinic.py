"""clinic.yml: validated once at load, every error naming file, line and key."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kyr.clinic import find_example_values, find_unconfirmed_promises, load_clinic, production_problems
from kyr.promises import PROMISES
from kyr.errors import ConfigError

DATA = Path(__file__).parent / "data" / "clinic"
BAD = sorted(DATA.glob("bad-*.yml"))


def expectation(path: Path) -> tuple[int, str]:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    line, message = re.fullmatch(r"# expect: (\d+): (.*)", first).groups()
    return int(line), message


@pytest.mark.parametrize("path", BAD, ids=[p.stem for p in BAD])
def test_bad_clinic_file_is_refused_with_file_line_and_key(path):
    line, message = expectation(path)
    with pytest.raises(ConfigError) as caught:
        load_clinic(path)
    error = caught.value
    assert error.path == path
    assert error.line == line
    assert message in str(error)
    assert str(error).startswith(f"{path}:{line}: ")
    assert error.hint, "every clinic.yml error says how to fix it"


def test_good_clinic_file_loads_into_typed_values():
    clinic = load_clinic(DATA / "good-minimal.yml")
    assert clinic.name == "Test Clinic"
    assert clinic.phone.e164 == "+14135550100"
    assert clinic.phone.display == "(413) 555-0100"
    assert clinic.hotline.hours.always
    partner = clinic.legal_partners[0]
    assert partner.hours.spans[0].first_day == 0 and partner.hours.spans[0].last_day == 4
    assert partner.languages == ("en", "es")
    assert clinic.consulates == ()


def test_missing_clinic_file_says_where_to_start(tmp_path):
    with pytest.raises(ConfigError) as caught:
        load_clinic(tmp_path / "clinic.yml")
    assert "file not found" in str(caught.value)
    assert "example clinic.yml" in caught.value.hint


def test_example_values_are_all_found_in_the_shipped_example(project_root):
    clinic = load_clinic(project_root / "clinic.yml")
    keys = {value.key for value in find_example_values(clinic)}
    assert {"name", "phone", "website", "email", "hotline.phone", "legal_partners[0].phone", "consulates[2].phone"} <= keys


def test_real_values_are_not_mistaken_for_examples(tmp_path):
    text = (DATA / "good-minimal.yml").read_text(encoding="utf-8")
    text = text.replace("555-01", "732-01").replace("example.org", "riverside-health.org")
    path = tmp_path / "clinic.yml"
    path.write_text(text, encoding="utf-8")
    assert find_example_values(load_clinic(path)) == []


def test_a_misspelt_promise_suggests_the_real_one():
    with pytest.raises(ConfigError) as caught:
        load_clinic(DATA / "bad-promise-unknown.yml")
    assert caught.value.hint == "did you mean 'calls_counsel'?"


def test_the_shipped_example_confirms_every_promise_as_an_example(project_root):
    clinic = load_clinic(project_root / "clinic.yml")
    assert clinic.promises == frozenset(PROMISES)
    assert find_unconfirmed_promises(clinic) == []


def test_a_promise_stated_false_or_not_mentioned_is_unconfirmed_with_its_line(tmp_path):
    text = (DATA / "good-minimal.yml").read_text(encoding="utf-8") + "promises:\n  calls_counsel: false\n  no_status_questions: true\n"
    path = tmp_path / "clinic.yml"
    path.write_text(text, encoding="utf-8")
    clinic = load_clinic(path)
    assert clinic.promises == {"no_status_questions"}
    unconfirmed = {p.key: (p.value, p.line) for p in find_unconfirmed_promises(clinic)}
    assert unconfirmed["calls_counsel"] == (False, 18)
    assert unconfirmed["tells_emergency_contact"] == (None, 17)  # not mentioned: the line of 'promises:'
    assert set(unconfirmed) == set(PROMISES) - {"no_status_questions"}


def test_production_names_every_promise_not_stated_and_allows_one_stated_false(tmp_path):
    text = (DATA / "good-minimal.yml").read_text(encoding="utf-8").replace("555-01", "732-01").replace("example.org", "riverside-health.org")
    path = tmp_path / "clinic.yml"
    path.write_text(text + "promises:\n" + "".join(f"  {key}: true\n" for key in PROMISES), encoding="utf-8")
    assert production_problems(load_clinic(path)) is None
    path.write_text(text + "promises:\n" + "".join(f"  {key}: {'false' if key == 'calls_counsel' else 'true'}\n" for key in PROMISES), encoding="utf-8")
    assert production_problems(load_clinic(path)) is None  # false is the clinic's own decision
    path.write_text(text + "promises:\n  calls_counsel: true\n", encoding="utf-8")
    problems = production_problems(load_clinic(path))
    assert f"{len(PROMISES) - 1} promise(s) not confirmed" in problems
    for key in set(PROMISES) - {"calls_counsel"}:
        assert f"{path}:17: promises.{key}: not stated" in problems
    assert "promises.calls_counsel" not in problems
def test_the_review_period_is_90_days_unless_the_clinic_sets_it(tmp_path):
    assert load_clinic(DATA / "good-minimal.yml").review_period_days == 90
    custom = tmp_path / "clinic.yml"
    custom.write_text((DATA / "good-minimal.yml").read_text(encoding="utf-8") + "review_period_days: 60\n", encoding="utf-8")
    assert load_clinic(custom).review_period_days == 60
