// @ts-check
/**
 * Delete everything: after one confirmation in the page (no modal dialog, so the quick exit
 * stays in reach), deletes everything this site stored in the browser: localStorage,
 * sessionStorage, every IndexedDB database, every Cache Storage cache, and every service
 * worker registration; then asks the server for `Clear-Site-Data: "cache", "storage"`
 * (pwa/safety.py), so the browser also clears its HTTP cache of this site, which no script can
 * reach. Pages of this tab then register no service worker (names.js, OFFLINE_PAUSED). Then it
 * says what is left: the history, downloads, printouts, an installed icon.
 *
 * Before deleting it sends EVENTS.deleteEverything (names.js) on the document, so modules drop
 * what they hold in memory and close their database connections (an open connection delays
 * the deletion).
 */

import { DATABASE, EVENTS, OFFLINE_PAUSED } from "./names.js";

const WAIT_MS = 5000;
const CLEAR_SITE_DATA = "/clear-site-data";

/**
 * Deletes one IndexedDB database; settles when it is gone, or after WAIT_MS when a connection
 * somewhere keeps it open (the browser deletes it once that connection closes).
 * @param {string} name
 * @returns {Promise<boolean>} true when deleted
 */
function deleteDatabase(name) {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    const timer = setTimeout(() => resolve(false), WAIT_MS);
    request.onsuccess = () => {
      clearTimeout(timer);
      resolve(true);
    };
    request.onerror = () => {
      clearTimeout(timer);
      resolve(false);
    };
  });
}

/**
 * Deletes everything of this origin the page can reach.
 * @returns {Promise<boolean>} true when every part was deleted
 */
export async function deleteEverything() {
  document.dispatchEvent(new Event(EVENTS.deleteEverything));
  /** @type {Promise<boolean>[]} */
  const steps = [];
  /** @param {() => unknown} step */
  const attempt = (step) => {
    steps.push(
      Promise.resolve()
        .then(step)
        .then((result) => result !== false)
        .catch(() => false),
    );
  };
  attempt(() => localStorage.clear());
  attempt(() => sessionStorage.clear());
  if ("indexedDB" in window) {
    attempt(async () => {
      const names = indexedDB.databases
        ? (await indexedDB.databases()).map((db) => db.name || "").filter(Boolean)
        : [DATABASE];
      const results = await Promise.all(names.map(deleteDatabase));
      return results.every(Boolean);
    });
  }
  if ("caches" in window) {
    attempt(async () => {
      const results = await Promise.all((await caches.keys()).map((key) => caches.delete(key)));
      return results.every(Boolean);
    });
  }
  if ("serviceWorker" in navigator) {
    attempt(async () => {
      const registrations = await navigator.serviceWorker.getRegistrations();
      const results = await Promise.all(registrations.map((registration) => registration.unregister()));
      return results.every(Boolean);
    });
  }
  const results = await Promise.all(steps);
  // The browser's own clearing, the HTTP cache too; what came before is for browsers without it.
  results.push(await fetch(CLEAR_SITE_DATA, { method: "POST", cache: "no-store", credentials: "same-origin" })
    .then((response) => response.ok, () => false));
  window.name = OFFLINE_PAUSED;
  // A worker that was still installing may have saved pages meanwhile: sweep once more.
  if ("caches" in window) {
    results.push(await Promise.resolve().then(async () => {
      await Promise.all((await caches.keys()).map((key) => caches.delete(key)));
      return (await caches.keys()).length === 0;
    }).catch(() => false));
  }
  return results.every(Boolean);
}

/**
 * @param {HTMLElement} section
 * @param {string} name
 * @returns {HTMLElement}
 */
function part(section, name) {
  const found = section.querySelector(`[data-delete-everything-${name}]`);
  if (!(found instanceof HTMLElement)) throw new Error(`delete-everything: missing ${name}`);
  return found;
}

/** @param {HTMLElement} section the partial templates/_delete_everything.html */
export function init(section) {
  const start = part(section, "start");
  const confirmButton = part(section, "confirm");
  const cancel = part(section, "cancel");
  const status = part(section, "status");
  const working = part(section, "working");
  const failed = part(section, "failed");
  const done = part(section, "done");
  const confirmStep = /** @type {HTMLElement} */ (confirmButton.closest("[role=group]"));
  const question = /** @type {HTMLElement} */ (confirmStep.querySelector("[tabindex]"));

  part(section, "no-script").hidden = true;
  part(section, "controls").hidden = false;

  /** @param {boolean} open */
  const showConfirm = (open) => {
    confirmStep.hidden = !open;
    start.setAttribute("aria-expanded", String(open));
  };

  start.addEventListener("click", () => {
    working.hidden = failed.hidden = done.hidden = true;
    showConfirm(true);
    question.focus();
  });
  cancel.addEventListener("click", () => {
    showConfirm(false);
    start.focus();
  });
  confirmStep.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      showConfirm(false);
      start.focus();
    }
  });
  confirmButton.addEventListener("click", async () => {
    showConfirm(false);
    start.setAttribute("disabled", "");
    working.hidden = false;
    status.focus();
    const complete = await deleteEverything();
    working.hidden = true;
    (complete ? done : failed).hidden = false;
    start.removeAttribute("disabled");
    status.focus();
  });
}
