/* kyr: the letter of medical necessity builder (overrides/letter-builder.html).
 *
 * Privacy by construction: this script makes no network request, reads and writes no storage
 * (no cookies, localStorage, sessionStorage or IndexedDB) and never submits the form. What the
 * clinician types lives only in this page's memory; the printed letter is the only copy.
 *
 * Plain ES2017, no framework, no inline script (it runs under a CSP of script-src 'self').
 * Interface messages come from the page (JSON block and data- attributes), already translated.
 *
 * Consent: the page shows and prints one recipient's copy at a time (#lb-copy). A diagnosis,
 * medicine or condition marked with a sensitive category goes into that copy, letter and wallet
 * copy alike, only when the category is ticked for that recipient; nothing is ticked on load.
 */
(function () {
  "use strict";

  const root = document.querySelector("[data-kyr-letter-builder]");
  if (!root) {
    return;
  }
  const form = document.getElementById("kyr-lb-form");
  const messages = JSON.parse(document.getElementById("kyr-lb-messages").textContent);
  const statusLine = document.getElementById("kyr-lb-status");
  const html = document.documentElement;

  // The letter is in English whatever the site language (it goes to US officials).
  const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December"];
  const BLANK = "________";
  // How the letter addresses each reader when the clinician gives no name (English, like the letter).
  const READERS = {
    attorney: { to: () => "The patient's attorney", dear: "Dear Counsel:" },
    medical: { to: (v) => `Medical unit, ${v.facility || "detention facility"}`, dear: "Dear colleagues:" },
    ice: { to: () => "ICE deportation officer", dear: "Dear Officer:" },
    consulate: { to: () => "Consulate of the patient's country", dear: "Dear Consul:" },
    family: { to: () => "The patient's family", dear: "To the patient's family:" },
  };

  let rowCount = 0;
  let ticks = 0;
  let showingErrors = false;

  // -- reading the form ---------------------------------------------------------------------------

  function field(id) {
    return document.getElementById(id);
  }

  function value(id) {
    const element = field(id);
    return element ? element.value.trim() : "";
  }

  function pad(number) {
    return String(number).padStart(2, "0");
  }

  function todayIso() {
    const now = new Date();
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  }

  /** "1980-03-04" -> {year, month, day}, or null when it is not a real calendar date. */
  function parseIsoDate(text) {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (!match) {
      return null;
    }
    const year = Number(match[1]);
    const month = Number(match[2]);
    const day = Number(match[3]);
    const check = new Date(year, month - 1, day);
    if (check.getFullYear() !== year || check.getMonth() !== month - 1 || check.getDate() !== day) {
      return null;
    }
    return { year, month, day };
  }

  function longDate(text) {
    const date = parseIsoDate(text);
    return date ? `${MONTHS[date.month - 1]} ${date.day}, ${date.year}` : "";
  }

  /** An A-number as its 9 digits grouped 3-3-3, or null if it cannot be one. */
  function formatANumber(text) {
    const digits = text.replace(/^\s*A\s*#?/i, "").replace(/[\s.\-]/g, "");
    if (!/^\d{7,9}$/.test(digits)) {
      return null;
    }
    const nine = digits.padStart(9, "0");
    return `${nine.slice(0, 3)}-${nine.slice(3, 6)}-${nine.slice(6)}`;
  }

  function rowsOf(kind) {
    return Array.from(root.querySelectorAll(`[data-kyr-rows="${kind}"] > li`));
  }

  function rowValue(row, key) {
    const input = row.querySelector(`[data-kyr-id="${key}"]`);
    return input ? input.value.trim() : "";
  }

  function riskBoxes() {
    return Array.from(root.querySelectorAll("[data-kyr-risk]"));
  }

  function riskText(box) {
    return field(`${box.id}-text`);
  }

  function recipientBoxes() {
    return Array.from(root.querySelectorAll("[data-kyr-recipient]"));
  }

  /** The recipients ticked, each with its name, office and the categories released to it. */
  function readRecipients() {
    return recipientBoxes().filter((box) => box.checked).map((box) => ({
      key: box.dataset.kyrRecipient,
      label: root.querySelector(`label[for="${box.id}"]`).textContent.trim(),
      name: value(`${box.id}-name`),
      office: value(`${box.id}-office`),
      released: new Set(Array.from(field(`${box.id}-panel`).querySelectorAll("[data-kyr-release]:checked"))
        .map((release) => release.dataset.kyrRelease)),
    }));
  }

  /** Whether an item of `category` ("" when not sensitive) may go into `reader`'s copy. */
  function mayShare(reader, category) {
    return !category || Boolean(reader && reader.released.has(category));
  }

  function readForm() {
    const recipients = readRecipients();
    const reader = recipients.find((recipient) => recipient.key === field("lb-copy").value) || null;
    const medicines = rowsOf("medicine")
      .map((row) => ({ name: rowValue(row, "name"), dose: rowValue(row, "dose"), schedule: rowValue(row, "schedule"), category: rowValue(row, "category") }))
      .filter((medicine) => medicine.name || medicine.dose || medicine.schedule)
      .filter((medicine) => mayShare(reader, medicine.category));
    // Risks in the order the clinician ticked them: the first is usually the most pressing.
    const risks = riskBoxes().filter((box) => box.checked && mayShare(reader, box.dataset.kyrCategory || ""))
      .sort((a, b) => Number(a.dataset.kyrTicked) - Number(b.dataset.kyrTicked))
      .map((box) => riskText(box).value.trim());
    risks.push(value("lb-risk-other"));
    const diagnoses = rowsOf("diagnosis")
      .filter((row) => mayShare(reader, rowValue(row, "category")))
      .map((row) => rowValue(row, "text")).filter(Boolean);
    return {
      recipients,
      reader,
      patient: value("lb-patient-name"),
      dob: longDate(value("lb-dob")),
      anumber: formatANumber(value("lb-anumber")) || value("lb-anumber"),
      detained: longDate(value("lb-detained")),
      facility: value("lb-facility"),
      since: value("lb-since"),
      lastSeen: longDate(value("lb-last-seen")),
      allergies: value("lb-allergies"),
      language: value("lb-language"),
      authorization: longDate(value("lb-authorization")),
      walletANumber: field("lb-wallet-anumber").checked,
      diagnoses,
      medicines,
      risks: risks.filter(Boolean),
      followup: value("lb-followup"),
      asks: {
        continue: field("lb-ask-continue").checked,
        records: field("lb-ask-records").checked,
        release: field("lb-ask-release").checked,
      },
      clinician: value("lb-clinician"),
      credentials: value("lb-credentials"),
      licenseState: value("lb-license-state"),
      license: value("lb-license"),
      phone: value("lb-phone"),
      email: value("lb-email"),
      date: longDate(value("lb-date")),
    };
  }

  // -- the letter and the wallet copy ---------------------------------------------------------------

  function setOut(key, text) {
    root.querySelectorAll(`[data-lb-out="${key}"]`).forEach((element) => {
      element.textContent = text || BLANK;
      element.classList.toggle("kyr-letter__blank", !text);
    });
  }

  function showIf(key, shown) {
    root.querySelectorAll(`[data-lb-if="${key}"]`).forEach((element) => {
      element.hidden = !shown;
    });
  }

  function fillList(key, items, make) {
    root.querySelectorAll(`[data-lb-list="${key}"]`).forEach((list) => {
      list.replaceChildren(...(items.length ? items : [null]).map(make));
    });
  }

  function element(tag, text, className) {
    const made = document.createElement(tag);
    made.textContent = text || BLANK;
    if (!text || className) {
      made.className = text ? className : "kyr-letter__blank";
    }
    return made;
  }

  /** `text` as a CSS string, for the printed page's footer. */
  function cssString(text) {
    return `"${text.replace(/[\\"]/g, "\\$&").replace(/[\n\r\f]/g, " ")}"`;
  }

  /** The "To:" line and the greeting of `reader`'s copy: by name when the clinician gave one. */
  function address(reader, v) {
    if (!reader) {
      return { to: "", greeting: "" };
    }
    const role = READERS[reader.key];
    const to = [reader.name, reader.office].filter(Boolean).join(", ") || role.to(v);
    return { to, greeting: reader.name ? `Dear ${reader.name}:` : role.dear };
  }

  /** The choice of copy to show and print: one option per recipient ticked, the choice kept. */
  function syncCopyChoice() {
    const select = field("lb-copy");
    const chosen = select.value;
    const recipients = readRecipients();
    const options = recipients.map((recipient) => new Option(recipient.label, recipient.key));
    if (!options.length) {
      options.push(new Option(select.dataset.kyrNone, ""));
    }
    select.replaceChildren(...options);
    select.disabled = !recipients.length;
    if (recipients.some((recipient) => recipient.key === chosen)) {
      select.value = chosen;
    }
  }

  function render() {
    const v = readForm();
    const { to, greeting } = address(v.reader, v);
    const out = {
      patient: v.patient, dob: v.dob, anumber: v.anumber, detained: v.detained, facility: v.facility,
      since: v.since, followup: v.followup, recipient: to, greeting, clinician: v.clinician,
      credentials: v.credentials, "license-state": v.licenseState, license: v.license, phone: v.phone,
      email: v.email, date: v.date, "diagnoses-inline": v.diagnoses.join("; "), "last-seen": v.lastSeen,
      allergies: v.allergies, authorization: v.authorization, language: v.language,
    };
    Object.keys(out).forEach((key) => setOut(key, out[key]));
    ["anumber", "facility", "detained", "since", "followup", "email", "last-seen", "allergies", "authorization"]
      .forEach((key) => showIf(key, Boolean(out[key])));
    showIf("wallet-anumber", Boolean(v.anumber) && v.walletANumber);
    showIf("interpreter", Boolean(v.language) && !/^english$/i.test(v.language));
    showIf("ask-continue", v.asks.continue);
    showIf("ask-records", v.asks.records);
    showIf("ask-release", v.asks.release);
    showIf("requests", v.asks.continue || v.asks.records || v.asks.release);

    fillList("diagnoses", v.diagnoses, (text) => element("li", text));
    fillList("risks", v.risks, (text) => element("p", text, "kyr-letter__text"));
    fillList("medicines", v.medicines, (medicine) => {
      const row = document.createElement("tr");
      const parts = medicine ? [medicine.name, medicine.dose, medicine.schedule] : ["", "", ""];
      parts.forEach((text) => row.appendChild(element("td", text)));
      return row;
    });
    fillList("wallet-medicines", v.medicines, (medicine) => {
      if (!medicine) {
        return element("li", "");
      }
      const item = document.createElement("li");
      item.appendChild(element("strong", medicine.name));
      item.appendChild(document.createTextNode(` ${[medicine.dose, medicine.schedule].filter(Boolean).join(", ")}`));
      return item;
    });
    html.style.setProperty("--kyr-letter-footer", cssString(
      v.patient ? `Letter of medical necessity: ${v.patient}${v.dob ? `, born ${v.dob}` : ""}` : ""));
    fitWallet();
    return v;
  }

  /** Shrinks the wallet copy's text until each panel fits its 3.5 x 2 in; lets it grow past that
   *  rather than hide anything. CSS inches and points are the same on screen and paper, so a
   *  fit measured in the preview holds in print. */
  function fitWallet() {
    const panels = Array.from(root.querySelectorAll("[data-kyr-fit]"));
    const wallet = field("kyr-wallet");
    wallet.classList.remove("kyr-wallet--grow");
    let size = 8;
    const overflowing = () => panels.some((panel) => panel.scrollHeight > panel.clientHeight + 1);
    wallet.style.fontSize = `${size}pt`;
    while (overflowing() && size > 5.5) {
      size -= 0.25;
      wallet.style.fontSize = `${size}pt`;
    }
    if (overflowing()) {
      wallet.classList.add("kyr-wallet--grow");
    }
  }

  // -- checking required fields -------------------------------------------------------------------

  function errorFor(input) {
    return field(`${input.id}-error`);
  }

  function describe(input, errorId, on) {
    const ids = (input.getAttribute("aria-describedby") || "").split(/\s+/).filter((id) => id && id !== errorId);
    if (on) {
      ids.push(errorId);
    }
    if (ids.length) {
      input.setAttribute("aria-describedby", ids.join(" "));
    } else {
      input.removeAttribute("aria-describedby");
    }
  }

  function clearErrors() {
    root.querySelectorAll(".kyr-lb-error").forEach((error) => {
      error.hidden = true;
      error.textContent = "";
    });
    root.querySelectorAll("[aria-invalid]").forEach((input) => {
      input.removeAttribute("aria-invalid");
      describe(input, `${input.id}-error`, false);
      ["lb-diagnoses-error", "lb-medicines-error", "lb-risks-error", "lb-recipients-error"].forEach((id) => describe(input, id, false));
    });
  }

  function validate() {
    clearErrors();
    const problems = [];
    const flag = (input, message, error) => {
      const target = error || errorFor(input);
      if (!target.hidden) {
        return; // one message per field: the first found
      }
      target.textContent = message;
      target.hidden = false;
      input.setAttribute("aria-invalid", "true");
      describe(input, target.id, true);
      problems.push(input);
    };

    form.querySelectorAll("input[data-kyr-required]").forEach((input) => {
      if (!input.value.trim()) {
        flag(input, input.dataset.kyrRequired);
      }
    });

    const today = todayIso();
    [["lb-dob", true], ["lb-detained", true], ["lb-last-seen", true], ["lb-authorization", true], ["lb-date", false]].forEach(([id, notFuture]) => {
      const input = field(id);
      const text = input.value.trim();
      // A half-typed date reads as "" from a date input: `validity.badInput` tells it apart.
      const bad = input.validity.badInput || (text && (!parseIsoDate(text) || (notFuture && text > today) || text < "1900-01-01"));
      if (bad) {
        flag(input, input.dataset.kyrInvalid || input.dataset.kyrRequired);
      }
    });

    const anumber = field("lb-anumber");
    if (anumber.value.trim() && !formatANumber(anumber.value)) {
      flag(anumber, anumber.dataset.kyrInvalid);
    }

    const diagnoses = rowsOf("diagnosis");
    if (!diagnoses.some((row) => rowValue(row, "text"))) {
      const list = field("lb-diagnoses");
      flag(diagnoses[0].querySelector("input"), list.dataset.kyrRequired, field("lb-diagnoses-error"));
    }

    const medicineRows = rowsOf("medicine");
    let complete = 0;
    medicineRows.forEach((row) => {
      const inputs = Array.from(row.querySelectorAll("input[data-kyr-id]"));
      const filled = inputs.filter((input) => input.value.trim());
      if (filled.length === inputs.length) {
        complete += 1;
      } else if (filled.length) {
        inputs.filter((input) => !input.value.trim()).forEach((input) => flag(input, input.dataset.kyrRowRequired));
      }
    });
    if (!complete && !medicineRows.some((row) => row.querySelector("[aria-invalid]"))) {
      const list = field("lb-medicines");
      flag(medicineRows[0].querySelector("input"), list.dataset.kyrRequired, field("lb-medicines-error"));
    }

    const boxes = riskBoxes();
    const checked = boxes.filter((box) => box.checked);
    checked.forEach((box) => {
      const text = riskText(box);
      if (!text.value.trim()) {
        flag(text, text.dataset.kyrRequired);
      }
    });
    if (!checked.length && !value("lb-risk-other")) {
      flag(boxes[0], field("lb-risks").dataset.kyrRequired, field("lb-risks-error"));
    }

    const recipients = recipientBoxes();
    if (!recipients.some((box) => box.checked)) {
      flag(recipients[0], field("lb-recipients").dataset.kyrRequired, field("lb-recipients-error"));
    }

    // Report in the order of the page, so "the first one" is the first a reader meets.
    problems.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    return problems;
  }

  function say(text) {
    statusLine.textContent = text;
  }

  // -- printing -------------------------------------------------------------------------------------

  function endPrint(title) {
    delete html.dataset.kyrPrint;
    document.title = title;
  }

  function startPrint(kind, v) {
    const title = document.title;
    html.dataset.kyrPrint = kind;
    // Browsers name a saved PDF after the document's title; the reader's copy says whose it is.
    const reader = v.reader ? ` - for ${READERS[v.reader.key].to(v)}` : "";
    if (kind === "letter") {
      document.title = `Letter of medical necessity - ${v.patient}${reader}`;
    } else if (kind === "wallet") {
      document.title = `Medical summary - ${v.patient}${reader}`;
    }
    window.addEventListener("afterprint", () => endPrint(title), { once: true });
  }

  function printOutput(kind) {
    const v = render();
    const problems = validate();
    if (problems.length) {
      showingErrors = true;
      say(messages.problems);
      problems[0].focus();
      return;
    }
    showingErrors = false;
    say("");
    startPrint(kind, v);
    window.print();
  }

  // Printing from the browser's menu (Ctrl+P) rather than our buttons: never an incomplete letter.
  window.addEventListener("beforeprint", () => {
    if (html.dataset.kyrPrint) {
      return;
    }
    const v = render();
    if (validate().length) {
      showingErrors = true;
      say(messages.problems);
      startPrint("incomplete", v);
    } else {
      startPrint("letter", v);
    }
  });

  // -- rows, conditions, clearing ---------------------------------------------------------------------

  function addRow(kind) {
    const template = document.getElementById(`kyr-lb-row-${kind}`);
    const row = template.content.firstElementChild.cloneNode(true);
    rowCount += 1;
    const prefix = `lb-${kind}-${rowCount}`;
    row.querySelectorAll("[data-kyr-id]").forEach((input) => {
      input.id = `${prefix}-${input.dataset.kyrId}`;
    });
    row.querySelectorAll("[data-kyr-for]").forEach((label) => {
      label.htmlFor = `${prefix}-${label.dataset.kyrFor}`;
    });
    row.querySelectorAll("[data-kyr-error]").forEach((error) => {
      error.id = `${prefix}-${error.dataset.kyrError}-error`;
    });
    root.querySelector(`[data-kyr-rows="${kind}"]`).appendChild(row);
    return row;
  }

  function startRows() {
    root.querySelectorAll("[data-kyr-rows]").forEach((list) => {
      list.replaceChildren();
      for (let i = 0; i < Number(list.dataset.kyrStart || 1); i += 1) {
        addRow(list.dataset.kyrRows);
      }
    });
  }

  function syncRiskPanels() {
    riskBoxes().concat(recipientBoxes()).forEach((box) => {
      field(`${box.id}-panel`).hidden = !box.checked;
    });
  }

  function setToday() {
    const date = field("lb-date");
    if (!date.value) {
      date.value = todayIso();
    }
  }

  function clearForm() {
    if (!window.confirm(messages.confirm_clear)) {
      return;
    }
    form.reset();
    startRows();
    syncRiskPanels();
    syncCopyChoice();
    setToday();
    clearErrors();
    showingErrors = false;
    render();
    say(messages.cleared);
    field("lb-patient-name").focus();
  }

  root.addEventListener("click", (event) => {
    const add = event.target.closest("[data-kyr-add]");
    if (add) {
      addRow(add.dataset.kyrAdd).querySelector("input").focus();
      render();
      return;
    }
    const remove = event.target.closest("[data-kyr-remove]");
    if (remove) {
      const row = remove.closest("li");
      const list = row.parentElement;
      row.remove();
      if (!list.children.length) {
        addRow(list.dataset.kyrRows);
      }
      root.querySelector(`[data-kyr-add="${list.dataset.kyrRows}"]`).focus();
      render();
      if (showingErrors) {
        validate();
      }
    }
  });

  root.addEventListener("input", () => {
    render();
    if (showingErrors) {
      validate();
    }
  });
  root.addEventListener("change", (event) => {
    if (event.target.matches("[data-kyr-risk]")) {
      ticks += 1;
      event.target.dataset.kyrTicked = String(ticks);
    }
    if (event.target.matches("[data-kyr-risk], [data-kyr-recipient]")) {
      syncRiskPanels();
    }
    if (event.target.matches("[data-kyr-recipient]")) {
      syncCopyChoice();
    }
    render();
    if (showingErrors) {
      validate();
    }
  });
  // The form's method is "dialog", so a submission (Enter in a field) could not navigate anyway.
  form.addEventListener("submit", (event) => event.preventDefault());

  field("kyr-lb-print-letter").addEventListener("click", () => printOutput("letter"));
  field("kyr-lb-print-wallet").addEventListener("click", () => printOutput("wallet"));
  field("kyr-lb-clear").addEventListener("click", clearForm);

  startRows();
  syncRiskPanels();
  syncCopyChoice();
  setToday();
  render();
})();
