// @ts-check
/**
 * Offline use: registers the service worker, says once that the app now works offline, and
 * offers a reload when a new version is ready: never forced, never while she is typing.
 * Strings come from the status element's data-* attributes. Also holds back the browser's own
 * install banner; install.js offers installing where she looks for it.
 */

import { OFFLINE_PAUSED, WORKER_MESSAGES } from "./names.js";

const WORKER = "/service-worker.js";

/**
 * The worker's address as Trusted Types want it: the CSP (pwa/headers.py) lets script load only
 * through the policy "service-worker", which passes this one address and nothing else.
 * @typedef {{createScriptURL(url: string): unknown}} ScriptURLPolicy
 * @typedef {{createPolicy(name: string, rules: {createScriptURL(url: string): string}): ScriptURLPolicy}} PolicyFactory
 * @returns {string} a TrustedScriptURL where the browser has Trusted Types, which register() takes
 */
function workerURL() {
  const factory = /** @type {{trustedTypes?: PolicyFactory}} */ (/** @type {unknown} */ (globalThis)).trustedTypes;
  if (!factory) return WORKER;
  const policy = factory.createPolicy("service-worker", {
    createScriptURL(url) {
      if (url !== WORKER) throw new TypeError(`not the service worker: ${url}`);
      return url;
    },
  });
  return /** @type {string} a TrustedScriptURL, which stands in for the string */ (policy.createScriptURL(WORKER));
}

/** @type {((event: Event) => void)[]} */
const waiting = [];
/** @type {Event | null} */
let installPrompt = null;

addEventListener("beforeinstallprompt", (event) => {
  event.preventDefault();
  installPrompt = event;
  for (const callback of waiting.splice(0)) callback(event);
});

/** Calls back with the browser's install prompt event once there is one. @param {(event: Event) => void} callback */
export function whenInstallable(callback) {
  if (installPrompt) callback(installPrompt);
  else waiting.push(callback);
}

/** Whether she is typing: a form field has the focus. @returns {boolean} */
function typing() {
  const active = document.activeElement;
  return active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement ||
    active instanceof HTMLSelectElement || (active instanceof HTMLElement && active.isContentEditable);
}

/** Shows a short note in the status element. @param {HTMLElement} element @param {(Node | string)[]} parts */
function say(element, ...parts) {
  const note = document.createElement("p");
  note.className = "note";
  note.append(...parts);
  element.replaceChildren(note);
}

/** @param {HTMLElement} element the footer's status element (role="status") */
export function init(element) {
  const workers = navigator.serviceWorker;
  // After "delete everything" in this tab, nothing is saved again until she opens the app anew.
  if (!workers || window.name === OFFLINE_PAUSED) return;
  const first = !workers.controller;
  let reloading = false;
  workers.addEventListener("controllerchange", () => {
    if (reloading) location.reload();
    else if (first) say(element, element.dataset.ready || "");
  });

  /** Offers the waiting version, as soon as no form field has the focus. @param {ServiceWorkerRegistration} registration */
  const offer = (registration) => {
    if (typing()) {
      document.addEventListener("focusout", () => setTimeout(offer, 0, registration), { once: true });
      return;
    }
    const button = document.createElement("button");
    button.type = "button";
    button.className = "button button--secondary";
    button.textContent = element.dataset.reload || "";
    button.addEventListener("click", () => {
      reloading = true;
      if (registration.waiting) registration.waiting.postMessage(WORKER_MESSAGES.skipWaiting);
      else location.reload();
    });
    say(element, element.dataset.update || "", " ", button);
  };

  workers.register(workerURL(), { scope: "/" }).then((registration) => {
    if (!registration) return; // a browser that blocks service workers may answer with nothing
    if (registration.waiting && workers.controller) offer(registration);
    registration.addEventListener("updatefound", () => {
      const next = registration.installing;
      next?.addEventListener("statechange", () => {
        if (next.state === "installed" && workers.controller) offer(registration);
      });
    });
  }, () => {});
}
