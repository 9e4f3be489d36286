// @ts-check
/// <reference lib="webworker" />
// The app without a connection. The server fills in BUILD: the version, a hash of everything
// listed, so any change to a page, a catalogue or a static file installs a new worker.
/** @type {{version: string, shell: string[], locales: Record<string, string[]>}} */
const BUILD = {"version": "dev", "shell": [], "locales": {}};

const PREFIX = "wegweiser-";
const DESK = "/admin"; // the maintainers' desk (pwa/desk): no page of the offline app
const CACHE = PREFIX + BUILD.version;
const TIMEOUT = 3000; // ms before a slow network loses to the saved page
const sw = /** @type {ServiceWorkerGlobalScope} */ (/** @type {unknown} */ (self));

/** @param {string} path @returns {string} the enabled language a path starts with, or "" */
const localeOf = (path) => {
  const first = path.split("/")[1] || "";
  return Object.hasOwn(BUILD.locales, first) ? first : "";
};

/** @param {string} url @returns {Request} bypassing the HTTP cache */
const fresh = (url) => new Request(url, { cache: "no-cache" });

/** Complete answers of this origin only: never an error page, a redirect or another site's. @param {Response} response */
const storable = (response) => response.status === 200 && response.type === "basic" && !response.redirected;

/** A language is saved when its offline page is: addAll stores all of its pages or none. @param {Cache} cache @param {string} code */
const saved = async (cache, code) => Boolean(await cache.match(`/${code}/offline`));

/** @param {Cache} cache @param {string} code */
async function saveLocale(cache, code) {
  const pages = BUILD.locales[code];
  if (!pages) throw new Error(`no pages of ${code}`);
  if (!(await saved(cache, code))) await cache.addAll(pages.map(fresh));
}

sw.addEventListener("install", (event) => event.waitUntil((async () => {
  // The languages of the open pages, and those an older version had saved.
  /** @type {Set<string>} */
  const codes = new Set();
  for (const client of await sw.clients.matchAll({ type: "window", includeUncontrolled: true })) {
    codes.add(localeOf(new URL(client.url).pathname));
  }
  for (const name of await caches.keys()) {
    if (!name.startsWith(PREFIX) || name === CACHE) continue;
    const old = await caches.open(name);
    for (const code in BUILD.locales) if (await saved(old, code)) codes.add(code);
  }
  codes.delete("");
  const first = Object.keys(BUILD.locales)[0];
  if (!codes.size && first) codes.add(first);
  const cache = await caches.open(CACHE);
  await cache.addAll(BUILD.shell.map(fresh));
  for (const code of codes) await saveLocale(cache, code);
})()));

sw.addEventListener("activate", (event) => event.waitUntil((async () => {
  for (const name of await caches.keys()) {
    if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
  }
  await sw.clients.claim();
})()));

// A new version waits until the page asks for it (she chose to reload, offline.js). A classic
// worker script cannot import names.js; the type holds this message to the one named there.
/** @type {import("./static/js/names.js").WorkerMessages["skipWaiting"]} */
const SKIP_WAITING = "skip-waiting";
sw.addEventListener("message", (event) => { if (event.data === SKIP_WAITING) sw.skipWaiting(); });

sw.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  // Other sites, and anything but GET (nothing with a body is ever stored), go to the network;
  // so does the maintainers' desk, which is never stored or answered here.
  if (request.method !== "GET" || url.origin !== location.origin || url.pathname === "/service-worker.js") return;
  if (url.pathname === DESK || url.pathname.startsWith(DESK + "/")) return;
  if (request.mode === "navigate") event.respondWith(navigate(event, url));
  else if (url.pathname.startsWith("/static/")) event.respondWith(cacheFirst(request));
  else event.respondWith(fetchOrSaved(event, url.pathname === "/api/services" || url.pathname.endsWith("/manifest.json")));
});

/** The network's answer; after TIMEOUT, or at once without a connection, the saved one if any.
 * @param {Promise<Response>} network @param {() => Promise<Response | undefined>} saved */
async function networkFirst(network, saved) {
  const timer = new Promise((resolve) => setTimeout(resolve, TIMEOUT, null));
  const first = await Promise.race([network.catch(() => null), timer]);
  return first || (await saved()) || network;
}

/** Pages: network first, then the saved page, then the offline page of the page's language.
 * @param {FetchEvent} event @param {URL} url @returns {Promise<Response>} */
async function navigate(event, url) {
  const code = localeOf(url.pathname);
  // A page outside the languages (a cover) is saved with the shell: never another page for it.
  const outside = !code && BUILD.shell.includes(url.pathname);
  const cache = await caches.open(CACHE);
  const network = fetch(event.request).then((response) => {
    // Keep the page (not a filtered one), and save the rest of its language on the first visit.
    if (code && storable(response)) {
      const copy = url.search ? null : response.clone();
      event.waitUntil((copy ? cache.put(url.pathname, copy) : Promise.resolve())
        .then(() => saveLocale(cache, code)).catch(() => {}));
    }
    return response;
  });
  // Saved pages are stored by path, so an address always gives its own language's page.
  const savedPage = async () => (code || outside ? cache.match(url.pathname, { ignoreVary: true }) : undefined);
  try {
    const response = await networkFirst(network, savedPage);
    // A server in trouble (5xx) answers with the saved page where there is one.
    return (response.status >= 500 && (await savedPage())) || response;
  } catch (error) {
    if (outside) return Response.error();
    const page = code && (await cache.match(`/${code}/offline`));
    if (page) return page;
    // An address without a saved language: go to a saved one, in the browser's language if there.
    /** @type {string[]} */
    const codes = [];
    for (const other in BUILD.locales) if (await saved(cache, other)) codes.push(other);
    const wanted = navigator.languages.map((tag) => (tag.split("-")[0] || "").toLowerCase());
    const best = wanted.find((tag) => codes.includes(tag)) || codes[0];
    if (!best) return Response.error();
    return Response.redirect(`/${best}/${url.pathname === "/" ? "" : "offline"}`, 302);
  }
}

/** Static files have content-hashed addresses: a saved one is always right. @param {Request} request */
async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(request, { ignoreVary: true });
  if (hit) return hit;
  const response = await fetch(request);
  if (storable(response)) await cache.put(request, response.clone());
  return response;
}

/** Anything else of this origin; offline, only what was saved under the very same address: a
 * query is part of it (/api/services?locale=en is not the German list).
 * @param {FetchEvent} event @param {boolean} keep whether to save it for offline use */
async function fetchOrSaved(event, keep) {
  const cache = await caches.open(CACHE);
  const network = fetch(event.request).then((response) => {
    if (keep && storable(response)) event.waitUntil(cache.put(event.request, response.clone()).catch(() => {}));
    return response;
  });
  try {
    return await networkFirst(network, () => cache.match(event.request, { ignoreVary: true }));
  } catch (error) {
    return Response.error();
  }
}
