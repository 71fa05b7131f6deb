/* kyr service worker: keeps one language's key pages readable with no connection.
 *
 * Written at build time by kyr/offline.py, which replaces the plan below. A page of the site sends
 * {type: "kyr-keep", language: "es"} after it has loaded; the worker then fetches that language's
 * pages and the files they use into its cache. Nothing else is ever cached, and nothing is sent
 * anywhere but this site.
 *
 * Updates: a changed site gives a new version, hence a new worker. It installs by fetching fresh
 * copies of the languages the old cache held; if the connection fails, installing fails and the
 * old worker keeps serving its old cache, so a visitor is never left with nothing.
 */
"use strict";

const PLAN = "__KYR_OFFLINE_PLAN__";
const PREFIX = "kyr-offline-";
const CACHE = PREFIX + PLAN.version;
const SCOPE = self.registration.scope;
const NETWORK_PATIENCE_MS = 4000;

function absolute(url) {
  return new URL(url, SCOPE).href;
}

/* Fetch one URL into `cache`. A page that does not exist (404) is skipped; a failed connection
 * rejects when `strict`, so that an update never replaces good copies with nothing. */
async function keep(cache, url, strict) {
  let response;
  try {
    response = await fetch(new Request(absolute(url), { cache: "no-cache", credentials: "omit" }));
  } catch (error) {
    if (strict) throw error;
    return;
  }
  if (response.ok) await cache.put(absolute(url), response);
}

async function keepLanguage(language, strict) {
  const urls = PLAN.languages[language];
  if (!urls) return;
  const cache = await caches.open(CACHE);
  await Promise.all(urls.map((url) => keep(cache, url, strict)));
}

/* The languages an older version kept: those whose home page is in an older cache. */
async function languagesKeptBefore() {
  const kept = [];
  for (const name of await caches.keys()) {
    if (!name.startsWith(PREFIX) || name === CACHE) continue;
    const cache = await caches.open(name);
    for (const [language, urls] of Object.entries(PLAN.languages)) {
      if (!kept.includes(language) && (await cache.match(absolute(urls[0])))) kept.push(language);
    }
  }
  return kept;
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    languagesKeptBefore()
      .then((languages) => Promise.all(languages.map((language) => keepLanguage(language, true))))
      .then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(names.filter((n) => n.startsWith(PREFIX) && n !== CACHE).map((n) => caches.delete(n))))
      .then(() => self.clients.claim())
  );
});

self.addEventListener("message", (event) => {
  const data = event.data || {};
  if (data.type === "kyr-keep" && typeof data.language === "string") {
    event.waitUntil(keepLanguage(data.language, false));
  }
});

/* Only the planned URLs are ever answered from the cache; every other request goes to the network
 * untouched. Pages: the network first, so a visitor online always reads the latest text, and the
 * kept copy when the network fails or is too slow. Files: the kept copy first (each version
 * refreshes it). */
const PLANNED = new Set(Object.values(PLAN.languages).flat().map(absolute));

async function fromCache(url) {
  const cache = await caches.open(CACHE);
  return cache.match(url);
}

async function navigate(request, url) {
  const kept = await fromCache(url);
  const network = fetch(request).then(async (response) => {
    if (kept && response.ok) {
      const cache = await caches.open(CACHE);
      await cache.put(url, response.clone());
    }
    return response;
  });
  if (!kept) return network;
  const patience = new Promise((resolve) => setTimeout(() => resolve(kept), NETWORK_PATIENCE_MS));
  return Promise.race([network.catch(() => kept), patience]);
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = request.url.split("#")[0].split("?")[0];
  if (request.method !== "GET" || !PLANNED.has(url)) return;
  if (request.mode === "navigate") {
    event.respondWith(navigate(request, url));
  } else {
    event.respondWith(fromCache(url).then((kept) => kept || fetch(request)));
  }
});
