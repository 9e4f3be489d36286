// @ts-check
/**
 * The disguise page (templates/disguise.html): she chooses a cover and a code (entered twice),
 * which is kept only as a salted hash (tool-lock.js) in the lock record (tool-store.js). Then
 * the page loads again as the disguised app: before-paint.js gives it the cover's name, icon and
 * manifest, so Chromium offers installing the cover, and this page shows how to put the cover on
 * the home screen, how the code opens this app in it, and the one control that removes it.
 */
import { whenInstallable } from "./offline.js";
import { asCode, lockFor } from "./tool-lock.js";
import { MIN_LOCK_AFTER, openTab, readLock, removeLock, writeLock } from "./tool-store.js";

const READY = "#disguise-ready";
const REMOVED = "#disguise-removed";

/**
 * @param {HTMLElement} root
 * @param {string} selector
 * @returns {HTMLElement}
 */
function part(root, selector) {
  const found = root.querySelector(selector);
  if (!(found instanceof HTMLElement)) throw new Error(`disguise: missing ${selector}`);
  return found;
}

/** Loads this page again at `hash`, as the app now looks (disguised or not). @param {string} hash */
function reloadAt(hash) {
  history.replaceState(null, "", hash);
  location.reload();
}

/** Shows the disguise that is set up: its cover, how to install and open it, and removing it.
 * @param {HTMLElement} element @param {import("./tool-store.js").LockRecord} record */
function showCurrent(element, record) {
  const current = part(element, "[data-disguise-current]");
  current.hidden = false;
  part(current, "[data-disguise-current-name]").textContent = record.title;
  const steps = current.querySelector(`[data-disguise-steps="${record.tool}"]`);
  if (steps instanceof HTMLElement) {
    steps.hidden = false;
    const install = part(steps, "[data-disguise-install]");
    // The document's manifest is the cover's now (before-paint.js): the offer is the cover's.
    whenInstallable((event) => {
      const offer = /** @type {Event & {prompt: () => Promise<void>}} */ (event);
      install.hidden = false;
      install.querySelector("button")?.addEventListener("click", () => {
        install.hidden = true;
        offer.prompt().catch(() => {});
      }, { once: true });
    });
  }
  part(current, "[data-disguise-remove]").addEventListener("click", () => {
    removeLock();
    reloadAt(REMOVED);
  });
  if (location.hash === READY) part(current, "h2").focus();
}

/** @param {HTMLElement} element the page's [data-module=disguise] */
export function init(element) {
  const form = /** @type {HTMLFormElement} */ (part(element, "[data-disguise-form]"));
  const error = part(element, "[data-disguise-error]");
  const status = part(element, "[data-disguise-status]");
  const code = /** @type {HTMLInputElement} */ (part(form, "#disguise-code"));
  const again = /** @type {HTMLInputElement} */ (part(form, "#disguise-code-again"));
  const lockAfter = /** @type {HTMLSelectElement} */ (part(form, "#disguise-lock-after"));
  const messages = element.dataset;
  part(element, "[data-disguise-no-script]").hidden = true;
  form.hidden = false;

  const record = readLock();
  if (record) showCurrent(element, record);
  else if (location.hash === REMOVED) {
    status.textContent = part(element, "[data-disguise-removed]").textContent;
    status.focus();
  }

  /** @param {string} text @param {HTMLElement} [field] */
  const fail = (text, field) => {
    status.textContent = "";
    error.textContent = text;
    if (field) field.focus();
  };

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const chosen = form.querySelector("input[name=cover]:checked");
    if (!(chosen instanceof HTMLInputElement)) return;
    const digits = asCode(code.value);
    if (!digits) return fail(messages.msgCodeDigits || "", code);
    if (asCode(again.value) !== digits) return fail(messages.msgCodeMismatch || "", again);
    if (!globalThis.crypto?.subtle) return fail(messages.msgNoCrypto || "");
    error.textContent = "";
    status.textContent = messages.msgWorking || "";
    const lock = await lockFor(digits);
    const { title = "", start = "", manifest = "", theme = "" } = chosen.dataset;
    // This tab is past the code already: it set it.
    openTab();
    const saved = writeLock({
      version: 1, tool: chosen.value, title, start, manifest, theme, home: messages.home || "/",
      lockAfter: Math.max(MIN_LOCK_AFTER, Number(lockAfter.value) * 60000), ...lock,
    });
    code.value = again.value = "";
    if (!saved || !readLock()) return fail(messages.msgSaveFailed || "");
    reloadAt(READY);
  });
}
