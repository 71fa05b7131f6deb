"""The letter of medical necessity builder in a real Chromium: a clinician fills it in and prints.

Headless Chromium has no print dialog, so the page's `window.print` is replaced by a recorder:
the tests check what our buttons ask to print, then print the page to PDF through the DevTools
protocol (Playwright's `page.pdf()` is `Page.printToPDF`) and read the PDF's text.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from kyr.clinic import load_clinic

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"

PATIENT = "María Elena Rodríguez Gómez"
DIAGNOSES = ["Type 1 diabetes", "Atrial fibrillation", "High blood pressure"]
MEDICINES = [
    ("Insulin glargine", "22 units", "once a day at bedtime"),
    ("Insulin lispro", "4 to 10 units by sliding scale", "with each meal"),
    ("Apixaban", "5 mg", "twice a day"),
    ("Lisinopril", "20 mg", "once a day"),
]

CONDITIONS = ("Type 1 diabetes (insulin)", "Anticoagulation (blood thinners)", "High blood pressure")

RECORD_PRINTS = """() => {
  window.__kyrPrints = [];
  window.print = () => window.__kyrPrints.push(document.documentElement.dataset.kyrPrint || "(none)");
}"""


@pytest.fixture
def desk_page(browser):
    """A fresh desktop-size page; service workers blocked, so every request the page makes is its own."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def clinic():
    return load_clinic(ROOT / "clinic.yml")


def open_builder(page, site_url: str) -> None:
    page.goto(site_url + "letter-builder/")
    page.wait_for_load_state("networkidle")
    page.evaluate(RECORD_PRINTS)


def prints(page) -> list[str]:
    return page.evaluate("window.__kyrPrints")


def fill_as_clinician(page) -> None:
    """What a busy clinician types: the patient, three diagnoses, four medicines, three risks, two
    requests, and one recipient (the facility's medical staff)."""
    page.get_by_label("Full name", exact=True).fill(PATIENT)
    page.get_by_label("Date of birth").fill("1971-06-14")
    page.get_by_role("textbox", name="A-number").fill("A 12345678")
    page.get_by_label("Date detained").fill("2026-11-20")
    page.get_by_role("textbox", name="Detention facility").fill("Northeast Regional Processing Center")
    page.get_by_label("Preferred language").fill("Spanish")
    page.get_by_label("Allergies").fill("Penicillin (rash)")
    diagnoses = page.locator("#lb-diagnoses input")
    diagnoses.nth(0).fill(DIAGNOSES[0])
    diagnoses.nth(1).fill(DIAGNOSES[1])
    page.get_by_role("button", name="Add a diagnosis").click()
    page.keyboard.type(DIAGNOSES[2])  # the new row's field has the focus
    for index, (name, dose, schedule) in enumerate(MEDICINES):
        if index >= page.locator("#lb-medicines > li").count():
            page.get_by_role("button", name="Add a medicine").click()
        row = page.locator("#lb-medicines > li").nth(index)
        row.get_by_label("Medicine or treatment").fill(name)
        row.get_by_label("Dose").fill(dose)
        row.get_by_label("Schedule").fill(schedule)
    for condition in CONDITIONS:
        page.get_by_label(condition).check()
    page.get_by_label("Continue treatment without interruption").check()
    page.get_by_label("Transfer medical records to the facility's medical unit").check()
    page.get_by_label("Follow-up care needed").fill("Hemoglobin A1c and kidney function in December 2026.")
    page.get_by_label("Your full name").fill("Aisha Okafor")
    page.get_by_label("Credentials").fill("MD")
    page.get_by_label("State of license").fill("Massachusetts")
    page.get_by_label("License number").fill("254817")
    page.get_by_label("Email").fill("aokafor@example.org")
    page.get_by_label("Detention facility medical staff").check()


def pdf_text(page, paper: str) -> tuple[str, int]:
    reader = PdfReader(io.BytesIO(page.pdf(format=paper)))
    text = "\n".join(p.extract_text() for p in reader.pages)
    return re.sub(r"\s+", " ", text), len(reader.pages)


@pytest.mark.parametrize("paper", ["Letter", "A4"])
def test_printed_letter_names_the_patient_each_medicine_and_the_clinic(desk_page, site_url, clinic, paper):
    open_builder(desk_page, site_url)
    fill_as_clinician(desk_page)
    desk_page.get_by_role("button", name="Print the letter").click()
    assert prints(desk_page) == ["letter"]

    text, pages = pdf_text(desk_page, paper)
    assert PATIENT in text
    for name, dose, schedule in MEDICINES:
        assert name in text and dose in text and schedule in text
    for diagnosis in DIAGNOSES:
        assert diagnosis in text
    assert clinic.name in text and clinic.phone.display in text
    assert "A-number: 012-345-678" in text
    assert "diabetic ketoacidosis" in text  # the suggested wording of a ticked condition
    assert "Aisha Okafor, MD" in text and "License 254817, Massachusetts" in text
    assert "To: Medical unit, Northeast Regional Processing Center" in text and "Dear colleagues:" in text
    assert "To whom it may concern" not in text
    assert "Allergies: Penicillin (rash)" in text
    assert "preferred language is Spanish. Please provide a qualified interpreter" in text
    # Only the letter: none of the site's header, navigation, form or wallet copy.
    for absent in ("Know Your Rights", "Private by design", "Add a medicine", "MEDICAL SUMMARY"):
        assert absent.lower() not in text.lower()
    assert pages <= 2


def test_wallet_copy_prints_alone_with_name_medicines_and_clinician_phone(desk_page, site_url, clinic):
    open_builder(desk_page, site_url)
    fill_as_clinician(desk_page)
    desk_page.get_by_role("button", name="Print the wallet copy").click()
    assert "012-345-678" not in pdf_text(desk_page, "Letter")[0]  # the A-number only when asked for
    desk_page.get_by_label("Put the A-number on the wallet copy").check()
    desk_page.get_by_role("button", name="Print the wallet copy").click()
    assert prints(desk_page) == ["wallet", "wallet"]

    text, pages = pdf_text(desk_page, "Letter")
    assert pages == 1
    assert PATIENT in text and "June 14, 1971" in text and "012-345-678" in text
    for name, _, _ in MEDICINES:
        assert name in text
    assert clinic.phone.display in text
    assert "To whom it may concern" not in text
    box = desk_page.locator("#kyr-wallet").bounding_box()
    assert (round(box["width"]), round(box["height"])) == (7 * 96 + 2, 2 * 96 + 2)  # 2 x 3.5 x 2 in, plus its cut line


def test_builder_makes_no_request_after_loading_and_works_offline(desk_page, site_url):
    open_builder(desk_page, site_url)
    requests = []
    desk_page.context.on("request", lambda request: requests.append(request.url))
    desk_page.context.set_offline(True)

    fill_as_clinician(desk_page)
    desk_page.get_by_role("button", name="Print the letter").click()
    text, _ = pdf_text(desk_page, "Letter")
    desk_page.get_by_role("button", name="Print the wallet copy").click()
    desk_page.pdf(format="A4")
    desk_page.on("dialog", lambda dialog: dialog.accept())
    desk_page.get_by_role("button", name="Clear the form").click()

    assert PATIENT in text
    assert prints(desk_page) == ["letter", "wallet"]
    assert requests == []


def test_builder_leaves_nothing_in_storage(desk_page, site_url):
    open_builder(desk_page, site_url)
    fill_as_clinician(desk_page)
    desk_page.get_by_role("button", name="Print the letter").click()
    desk_page.pdf(format="Letter")
    desk_page.on("dialog", lambda dialog: dialog.accept())
    desk_page.get_by_role("button", name="Clear the form").click()

    storage = desk_page.evaluate(
        """async () => ({
            local: localStorage.length,
            session: sessionStorage.length,
            cookie: document.cookie,
            databases: (await indexedDB.databases()).map((db) => db.name),
            caches: await caches.keys(),
        })"""
    )
    assert storage == {"local": 0, "session": 0, "cookie": "", "databases": [], "caches": []}
    assert desk_page.context.cookies() == []


def test_form_has_no_submittable_fields(desk_page, site_url):
    open_builder(desk_page, site_url)
    form = desk_page.evaluate(
        """() => {
            const form = document.getElementById("kyr-lb-form");
            return {
                method: form.getAttribute("method"),
                named: Array.from(form.elements).filter((e) => e.name).map((e) => e.id),
                remembered: Array.from(form.elements).filter((e) => e.matches("input:not([type=checkbox]), textarea") && e.autocomplete !== "off").map((e) => e.id),
            };
        }"""
    )
    assert form == {"method": "dialog", "named": [], "remembered": []}
    assert desk_page.locator("#kyr-lb-form").get_attribute("autocomplete") == "off"  # covers the checkboxes
    desk_page.get_by_label("Full name", exact=True).fill(PATIENT)
    desk_page.get_by_label("Full name", exact=True).press("Enter")
    assert desk_page.url == site_url + "letter-builder/"


def _clear_field(page, label):
    page.get_by_label(label, exact=True).fill("")


def _clear_dose(page):
    page.locator("#lb-medicines > li").nth(2).get_by_label("Dose").fill("")


def _untick_risks(page):
    for condition in CONDITIONS:
        page.get_by_label(condition).uncheck()


def _empty_risk_wording(page):
    page.locator("#lb-risk-insulin1-text").fill("")


def _untick_recipient(page):
    page.get_by_label("Detention facility medical staff").uncheck()


MISSING = {
    "patient-name": (lambda page: _clear_field(page, "Full name"), "#lb-patient-name", "#lb-patient-name-error", "Enter the patient's full name."),
    "date-of-birth": (lambda page: _clear_field(page, "Date of birth"), "#lb-dob", "#lb-dob-error", "Enter the patient's date of birth."),
    "license-number": (lambda page: _clear_field(page, "License number"), "#lb-license", "#lb-license-error", "Enter your license number."),
    "medicine-dose": (_clear_dose, "#lb-medicines > li:nth-child(3) [data-kyr-id=dose]", "#lb-medicines > li:nth-child(3) [data-kyr-error=dose]", "Enter the dose."),
    "risks": (_untick_risks, "#lb-risk-hypertension", "#lb-risks-error", "Tick at least one condition, or describe the risks in your own words."),
    "risk-wording": (_empty_risk_wording, "#lb-risk-insulin1-text", "#lb-risk-insulin1-text-error", "Describe this risk, or untick the condition."),
    "recipient": (_untick_recipient, "#lb-to-attorney", "#lb-recipients-error", "Tick at least one recipient, with the patient's agreement."),
}


@pytest.mark.parametrize("missing", MISSING.values(), ids=MISSING.keys())
def test_missing_required_field_blocks_printing_with_its_message(desk_page, site_url, missing):
    make_missing, field, error, message = missing
    open_builder(desk_page, site_url)
    fill_as_clinician(desk_page)
    make_missing(desk_page)

    desk_page.get_by_role("button", name="Print the letter").click()
    desk_page.get_by_role("button", name="Print the wallet copy").click()

    assert prints(desk_page) == []
    assert desk_page.locator(error).is_visible()
    assert desk_page.locator(error).inner_text() == message
    assert desk_page.locator(field).get_attribute("aria-invalid") == "true"
    error_id = desk_page.locator(error).get_attribute("id")
    assert error_id in desk_page.locator(field).get_attribute("aria-describedby").split()
    assert desk_page.evaluate("(field) => document.activeElement.matches(field)", field)
    # The message sits next to its field: within the same field block or group.
    assert desk_page.locator(error).evaluate(
        "(error, field) => error.closest('.kyr-lb-field, .kyr-lb-group').contains(document.querySelector(field))", field
    )
    assert "required information is missing" in desk_page.locator("#kyr-lb-status").inner_text()


def test_an_empty_form_lists_every_required_field_and_prints_nothing(desk_page, site_url):
    open_builder(desk_page, site_url)
    desk_page.get_by_label("Phone").fill("")
    desk_page.get_by_role("button", name="Print the letter").click()
    shown = desk_page.locator(".kyr-lb-error:visible").all_inner_texts()
    assert prints(desk_page) == []
    assert "Enter the patient's full name." in shown
    assert "Enter at least one diagnosis." in shown
    assert "Enter at least one medicine or treatment, with its dose and schedule." in shown
    assert "Enter a phone number where the facility or the attorney can reach you." in shown
    assert "Tick at least one recipient, with the patient's agreement." in shown
    assert desk_page.evaluate("document.activeElement.id") == "lb-patient-name"


def test_printing_from_the_browser_menu_never_prints_an_incomplete_letter(desk_page, site_url):
    open_builder(desk_page, site_url)
    desk_page.get_by_label("Full name", exact=True).fill(PATIENT)
    desk_page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    text, _ = pdf_text(desk_page, "Letter")
    assert "The letter is not complete" in text
    assert "To whom it may concern" not in text
    assert desk_page.locator("#lb-dob-error").is_visible()


def test_clear_form_empties_every_field_and_the_preview(desk_page, site_url):
    open_builder(desk_page, site_url)
    fill_as_clinician(desk_page)
    desk_page.on("dialog", lambda dialog: dialog.accept())
    desk_page.get_by_role("button", name="Clear the form").click()

    assert desk_page.get_by_label("Full name", exact=True).input_value() == ""
    assert desk_page.locator("#lb-medicines input").evaluate_all("inputs => inputs.filter(i => i.value).length") == 0
    assert desk_page.locator("[data-kyr-risk]:checked").count() == 0
    letter = desk_page.locator("#kyr-letter").inner_text()
    assert PATIENT not in letter and "Apixaban" not in letter
    assert desk_page.evaluate("document.activeElement.id") == "lb-patient-name"


def test_letter_adds_the_suggested_wording_in_the_order_conditions_are_ticked(desk_page, site_url):
    open_builder(desk_page, site_url)
    desk_page.get_by_label("Dialysis").check()
    desk_page.get_by_label("Epilepsy").check()
    edited = desk_page.locator("#lb-risk-epilepsy-text")
    edited.fill("Seizures return within a day without levetiracetam.")
    risks = desk_page.locator("#kyr-letter .kyr-letter__risks p").all_inner_texts()
    assert risks[0].startswith("The patient has kidney failure and depends on dialysis.")
    assert risks[1] == "Seizures return within a day without levetiracetam."


def axe_violations(page) -> list[dict]:
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    return page.evaluate(
        """async () => (await axe.run(document, {resultTypes: ["violations"]})).violations
            .map((v) => ({id: v.id, nodes: v.nodes.map((n) => n.target.join(" "))}))"""
    )


@pytest.fixture(scope="session")
def axe_source():
    if not AXE.is_file():
        pytest.fail("axe-core is not installed: run `make test` (it runs `npm ci`) or `npm ci`")
    return AXE


def test_builder_has_no_axe_violations_on_a_phone(phone_page, site_url, axe_source):
    open_builder(phone_page, site_url)
    assert axe_violations(phone_page) == []


def test_builder_has_no_axe_violations_with_errors_shown_and_filled_in(desk_page, site_url, axe_source):
    open_builder(desk_page, site_url)
    desk_page.get_by_label("Type 1 diabetes (insulin)").check()
    desk_page.get_by_role("button", name="Print the letter").click()
    assert desk_page.locator(".kyr-lb-error:visible").count() > 0
    assert axe_violations(desk_page) == []
    fill_as_clinician(desk_page)
    assert axe_violations(desk_page) == []


# -- Consent: each reader's copy carries only what the patient agreed that reader may see -----------

HIV_DIAGNOSIS = "HIV infection"
HIV_MEDICINE = "Bictegravir, emtricitabine and tenofovir alafenamide"


def add_hiv_released_to_the_attorney_only(page) -> None:
    """An HIV diagnosis, its medicine and its condition, all marked HIV; copies for the attorney
    (HIV released, named) and the ICE officer (nothing released, no name)."""
    page.get_by_role("button", name="Add a diagnosis").click()
    row = page.locator("#lb-diagnoses > li").last
    row.get_by_label("Diagnosis").fill(HIV_DIAGNOSIS)
    row.get_by_label("Sensitive?").select_option(label="HIV")
    page.get_by_role("button", name="Add a medicine").click()
    row = page.locator("#lb-medicines > li").last
    row.get_by_label("Medicine or treatment").fill(HIV_MEDICINE)
    row.get_by_label("Dose").fill("1 tablet")
    row.get_by_label("Schedule").fill("once a day")
    row.get_by_label("Sensitive?").select_option(label="HIV")
    page.locator("#lb-risk-hiv").check()  # the condition, in "Risks if treatment stops"
    page.get_by_label("The patient's attorney").check()
    page.locator("#lb-to-attorney-name").fill("Jordan Reyes, Esq.")
    page.locator("#lb-to-attorney-hiv").check()
    page.get_by_label("ICE officer", exact=True).check()


def print_copy(page, reader: str, button: str) -> str:
    page.get_by_label("Copy to preview and print").select_option(label=reader)
    page.get_by_role("button", name=button).click()
    return pdf_text(page, "Letter")[0]


def test_nothing_is_ticked_for_the_patient_when_the_builder_opens(desk_page, site_url):
    open_builder(desk_page, site_url)
    ticked = desk_page.locator("input[type=checkbox]:checked").evaluate_all("boxes => boxes.map((b) => b.id)")
    sensitive = desk_page.locator("[data-kyr-id=category]").evaluate_all("selects => selects.filter((s) => s.value)")
    assert ticked == [] and sensitive == []
    assert desk_page.get_by_label("Copy to preview and print").is_disabled()


def test_a_diagnosis_not_released_to_the_ice_officer_is_in_no_part_of_the_ice_copy(desk_page, site_url):
    open_builder(desk_page, site_url)
    fill_as_clinician(desk_page)
    add_hiv_released_to_the_attorney_only(desk_page)

    attorney = print_copy(desk_page, "The patient's attorney", "Print the letter")
    attorney_wallet = print_copy(desk_page, "The patient's attorney", "Print the wallet copy")
    ice = print_copy(desk_page, "ICE officer", "Print the letter")
    ice_wallet = print_copy(desk_page, "ICE officer", "Print the wallet copy")

    assert prints(desk_page) == ["letter", "wallet", "letter", "wallet"]
    for copy in (attorney, attorney_wallet):
        assert HIV_DIAGNOSIS in copy and HIV_MEDICINE in copy
    assert "antiretroviral therapy for HIV" in attorney
    assert "To: Jordan Reyes, Esq." in attorney and "Dear Jordan Reyes, Esq.:" in attorney
    for copy in (ice, ice_wallet):
        assert "HIV" not in copy and "antiretroviral" not in copy and "Bictegravir" not in copy
        assert PATIENT in copy and "Type 1 diabetes" in copy and "Apixaban" in copy  # the rest stays
    assert "To: ICE deportation officer" in ice and "Dear Officer:" in ice


def test_a_copy_greets_its_reader_by_name_when_one_is_given(desk_page, site_url):
    open_builder(desk_page, site_url)
    desk_page.get_by_label("Consulate", exact=True).check()
    letter = desk_page.locator("#kyr-letter")
    assert "Dear Consul:" in letter.inner_text()
    desk_page.locator("#lb-to-consulate-name").fill("Ms. Lucía Pérez")
    desk_page.locator("#lb-to-consulate-office").fill("Consulate General of Mexico in Boston")
    text = letter.inner_text()
    assert "To: Ms. Lucía Pérez, Consulate General of Mexico in Boston" in text
    assert "Dear Ms. Lucía Pérez:" in text and "To whom it may concern" not in text
