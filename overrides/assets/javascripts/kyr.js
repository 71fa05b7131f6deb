/* kyr: the site's own script, loaded with `defer` on every page.
 *
 * - Material's script (35 KB) and its search index load only when a visitor opens search.
 * - Nothing is written to the browser's storage but one key, the visitor's language choice.
 * - The header's menu and search buttons work by keyboard and are named for screen readers.
 * - A first visit whose browser prefers another of our languages gets a small offer, in that
 *   language, to read the page in it (never a redirect).
 * - After a page has loaded, our service worker keeps this language's key pages for offline use.
 *
 * Every text shown comes from the page (gettext at build time), never from this file.
 */
(function () {
  "use strict";

  var CHOICE_KEY = "kyr-language";
  var script = document.currentScript;
  var siteRoot = new URL("../../", script.src); // this file is assets/javascripts/kyr.js
  var dataElement = document.getElementById("kyr-data");
  var data = dataElement ? JSON.parse(dataElement.textContent) : { current: null, languages: [] };

  document.documentElement.classList.remove("no-js");
  document.documentElement.classList.add("js");

  /* Material's script reads and writes its preferences through these helpers, which its own
   * inline script would define. Ours keep nothing, so Material never writes to storage. */
  window.__md_scope = siteRoot;
  window.__md_hash = function (text) {
    return Array.from(text).reduce(function (hash, c) { return ((hash << 5) - hash + c.charCodeAt(0)) | 0; }, 0);
  };
  window.__md_get = function () { return null; };
  window.__md_set = function () {};

  function readChoice() {
    try { return window.localStorage.getItem(CHOICE_KEY); } catch (error) { return null; }
  }

  function remember(code) {
    try { window.localStorage.setItem(CHOICE_KEY, code); } catch (error) { /* private mode: forget */ }
  }

  function byCode(code) {
    return data.languages.filter(function (l) { return l.code === code; })[0];
  }

  /* -- Header buttons: Material draws them as <label>s, which a keyboard cannot reach and a screen
   * reader cannot name. Each becomes a real button; it keeps its `for` attribute, by which
   * Material's stylesheet and script find it. ----------------------------------------------- */

  function buttonFor(label, toggle, name) {
    if (!label || !toggle) return null;
    var button = document.createElement("button");
    button.type = "button";
    button.className = label.className;
    button.setAttribute("for", label.getAttribute("for"));
    if (name) button.setAttribute("aria-label", name);
    button.setAttribute("aria-expanded", String(toggle.checked));
    while (label.firstChild) button.appendChild(label.firstChild);
    button.addEventListener("click", function () { toggle.click(); });
    toggle.addEventListener("change", function () { button.setAttribute("aria-expanded", String(toggle.checked)); });
    label.replaceWith(button);
    return button;
  }

  var drawer = document.getElementById("__drawer");
  var nav = document.querySelector(".md-nav--primary");
  var drawerButton = buttonFor(document.querySelector(".md-header label[for='__drawer']"), drawer, nav && nav.getAttribute("aria-label"));

  var search = document.getElementById("__search");
  var searchInput = document.querySelector(".md-search__input");
  var searchDialog = document.querySelector(".md-search[role='dialog']");
  var searchName = searchInput && searchInput.getAttribute("aria-label");
  buttonFor(document.querySelector(".md-header label.md-header__button[for='__search']"), search, searchName);
  if (searchDialog && searchName) searchDialog.setAttribute("aria-label", searchName);

  // A link followed inside the open drawer (a heading of this page, say) closes it.
  if (nav && drawer) {
    nav.addEventListener("click", function (event) {
      if (drawer.checked && event.target.closest("a[href]")) drawer.click();
    });
  }

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    if (drawer && drawer.checked) {
      drawer.click();
      if (drawerButton) drawerButton.focus();
    }
  });

  /* -- Search: Material's script, its worker and the index load on the first opening. ---------- */

  var materialRequested = false;

  function loadMaterial() {
    if (materialRequested || !script.dataset.material) return;
    materialRequested = true;
    // Material fetches a sitemap for each head link to another language, to map pages for its
    // language menu. Ours already links each page to itself in every language: spare the data.
    Array.prototype.forEach.call(document.querySelectorAll("link[rel='alternate'][hreflang]"), function (link) {
      link.remove();
    });
    // Each language has its own search index, in its own folder (es/search/search_index.json):
    // Material looks for it, and resolves the results' addresses, under its `base`.
    var config = document.getElementById("__config");
    if (config && typeof data.folder === "string") {
      var settings = JSON.parse(config.textContent);
      settings.base = new URL(data.folder, siteRoot).href;
      config.textContent = JSON.stringify(settings);
    }
    var material = document.createElement("script");
    material.src = script.dataset.material;
    material.onload = function () {
      // Material starts on DOMContentLoaded, which has passed: announce the document again.
      document.dispatchEvent(new Event("DOMContentLoaded"));
      if (search.checked && searchInput) searchInput.focus();
    };
    document.body.appendChild(material);
  }

  if (search) {
    search.addEventListener("change", function () {
      if (search.checked) {
        loadMaterial();
        if (searchInput) searchInput.focus();
      }
    });
  }
  if (searchInput) searchInput.addEventListener("focus", loadMaterial);

  /* -- Language menu: each name in its own language; a choice made here is remembered. -------- */

  var links = document.querySelectorAll(".md-select__link[hreflang]");
  Array.prototype.forEach.call(links, function (link) {
    var language = data.languages.filter(function (l) { return l.tag === link.getAttribute("hreflang"); })[0];
    if (!language) return;
    link.setAttribute("lang", language.tag);
    link.setAttribute("dir", language.dir);
    if (language.code === data.current) link.setAttribute("aria-current", "true");
    link.addEventListener("click", function () { remember(language.code); });
  });

  function linkTo(code) {
    var language = byCode(code);
    var link = language && document.querySelector(".md-select__link[hreflang='" + language.tag + "']");
    return link && link.getAttribute("href");
  }

  /* -- Language suggestion ----------------------------------------------------------------------- */

  function preferred() {
    var wanted = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ""];
    for (var i = 0; i < wanted.length; i++) {
      var parts = String(wanted[i]).toLowerCase().split("-");
      var tries = [parts.join("-"), parts.slice(0, 2).join("-"), parts[0]];
      for (var j = 0; j < tries.length; j++) {
        for (var k = 0; k < data.languages.length; k++) {
          if (data.languages[k].match.indexOf(tries[j]) !== -1) return data.languages[k].code;
        }
      }
    }
    return null;
  }

  function suggest(code) {
    var language = byCode(code);
    var href = linkTo(code);
    var place = document.querySelector("[data-md-component='announce']");
    if (!language || !href || !place) return;
    var current = byCode(data.current) || {};
    var box = document.createElement("aside");
    box.className = "kyr-suggest";
    box.setAttribute("aria-label", language.name);
    box.setAttribute("lang", language.tag);
    box.setAttribute("dir", language.dir);
    var go = document.createElement("a");
    go.className = "kyr-suggest__go";
    go.href = href;
    go.hreflang = language.tag;
    var name = document.createElement("strong");
    name.textContent = language.name;
    go.appendChild(name);
    if (language.read) go.appendChild(document.createTextNode(" \u2014 " + language.read));
    go.addEventListener("click", function () { remember(language.code); });
    var close = document.createElement("button");
    close.type = "button";
    close.className = "kyr-suggest__close";
    close.textContent = "\u00d7";
    if (language.dismiss) {
      close.setAttribute("aria-label", language.dismiss);
    } else {
      // Untranslated yet: say it in the page's language, and mark it so.
      close.setAttribute("aria-label", current.dismiss || "\u00d7");
      close.setAttribute("lang", current.tag || "");
    }
    close.addEventListener("click", function () {
      remember(data.current);
      box.remove();
      var next = document.querySelector(".md-header button, .md-header a");
      if (next) next.focus();
    });
    box.appendChild(go);
    box.appendChild(close);
    place.appendChild(box);
  }

  if (data.current) {
    var wanted = readChoice() || preferred();
    if (wanted && wanted !== data.current) suggest(wanted);
  }

  /* -- Offline: once this page has loaded, keep this language's key pages. -------------------- */

  if ("serviceWorker" in navigator && data.current && window.isSecureContext) {
    window.addEventListener("load", function () {
      navigator.serviceWorker
        .register(new URL("sw.js", siteRoot).href)
        .then(function () { return navigator.serviceWorker.ready; })
        .then(function (registration) {
          if (registration.active) registration.active.postMessage({ type: "kyr-keep", language: data.current });
        })
        .catch(function () { /* no worker: the site still works online */ });
    });
  }
})();
