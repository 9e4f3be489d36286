// @ts-check
/**
 * The journal's view. Every entry stays in this browser, sealed with her passphrase (the safety
 * plan's, when it has one): journal-model.js holds the state, journal-storage.js the store,
 * journal-form.js the form and the list, journal-photo-items.js the photos of the entry being
 * written (journal-photos.js reads and changes their bytes), journal-passphrase.js
 * setting it up, opening it and taking the plan's new passphrase. It locks by itself
 * (journal-lock.js), with its button, and when another tab deleted or re-keyed the journal;
 * locked, nothing of it is left in the page or in memory.
 */
import * as cipher from "./sealed-bytes.js";
import * as model from "./journal-model.js";
import { collect, entryItem, fill } from "./journal-form.js";
import { photoItems } from "./journal-photo-items.js";
import { createQuestion } from "./question.js";
import { persist } from "./journal-storage.js";
import { autoLock } from "./journal-lock.js";
import { passphraseSteps } from "./journal-passphrase.js";
import { sealedPlan } from "./journal-rekey.js";
import { tools } from "./journal-tools.js";

/** @template {Element} T @param {Element} root @param {string} name @param {new () => T} type @returns {T} */
function part(root, name, type) {
  const found = root.querySelector(`[data-journal-${name}]`);
  if (!(found instanceof type)) throw new Error(`journal: no ${name}`);
  return found;
}

/** @param {HTMLElement} root the element with data-module="journal" and its data-msg-* texts */
export function init(root) {
  const msg = /** @type {Record<string, string>} */ (root.dataset);
  /** @param {string} name */
  const $ = (name) => part(root, name, HTMLElement);
  const unlockForm = part(root, "unlock", HTMLFormElement);
  const entryForm = part(root, "entry", HTMLFormElement);
  const words = part(root, "passphrase", HTMLInputElement);
  const question = createQuestion($);
  const state = model.create();
  /** @type {import("./journal-photo-items.js").Draft} */
  const draft = { id: "", before: null, photos: [], added: [] };
  /** @type {Map<string, string>} */
  const urls = new Map();
  /** @type {Map<string, string>} form ids and field names -> their labels on the page */
  const labels = new Map();
  for (const box of entryForm.querySelectorAll('input[name="forms"]')) labels.set(/** @type {HTMLInputElement} */ (box).value, box.parentElement?.textContent?.trim() || "");
  for (const name of ["injuries", "witnesses", "caseNumber", "medical", "children", "police"]) {
    const input = entryForm.elements.namedItem(name);
    const label = input instanceof HTMLInputElement || input instanceof HTMLTextAreaElement ? input.labels?.[0] : null;
    labels.set(`label:${name}`, label?.textContent?.trim() || "");
  }
  /** @param {string} text */
  const say = (text) => { $("status").textContent = text; };
  /** @param {string} id */
  const previewUrl = (id) => {
    if (!urls.has(id)) urls.set(id, URL.createObjectURL(new Blob([state.previews.get(id) || new ArrayBuffer(0)], { type: "image/jpeg" })));
    return urls.get(id) || "";
  };
  const photos = photoItems({ state, draft, msg, list: $("photos"), urls, previewUrl });
  const filters = () => Object.fromEntries([...root.querySelectorAll("[data-journal-filter]")].map((input) => [
    /** @type {HTMLElement} */ (input).dataset.journalFilter || "", /** @type {HTMLInputElement} */ (input).value,
  ]));

  function render() {
    const shown = model.list(state.entries.values(), filters());
    $("list").replaceChildren(...(shown.length ? shown.map((entry) => entryItem(entry, msg, labels, previewUrl)) : [Object.assign(document.createElement("li"), { textContent: msg.msgNone })]));
  }

  async function showStorage() {
    const used = await persist().catch(() => null);
    if (used && state.lock) $("storage").textContent = (msg.msgStorage || "").replace("{size}", (used.used / 1e6).toLocaleString(document.documentElement.lang, { maximumFractionDigits: 1 }));
  }

  /** Shows the lock (set up or unlock) or the open journal. */
  function show() {
    const open = Boolean(state.lock);
    $("open").hidden = !open;
    unlockForm.hidden = open;
    if (open) return render();
    steps.showLock();
  }

  function clearDraft() {
    Object.assign(draft, { id: "", before: null, photos: [], added: [] });
    entryForm.reset();
    entryForm.hidden = true;
    $("photos").replaceChildren();
  }

  /** Locks at once: forgets the key, every entry and preview, and what the page shows of them. */
  function close() {
    model.close(state);
    clearDraft();
    question.answer(false);
    $("list").replaceChildren();
    document.querySelector("[data-journal-report-list]")?.replaceChildren();
    for (const input of root.querySelectorAll("input[type=file], input[type=password]")) /** @type {HTMLInputElement} */ (input).value = "";
    $("import-step").hidden = true;
    $("storage").textContent = "";
    for (const url of urls.values()) URL.revokeObjectURL(url);
    urls.clear();
    $("unlock-error").textContent = "";
    steps.reset();
    locking.stop();
  }

  /** @param {boolean} [moveFocus] */
  function lockNow(moveFocus = false) {
    const wasOpen = Boolean(state.lock);
    close();
    show();
    if (wasOpen) say(msg.msgLocked || "");
    if (moveFocus) words.focus();
  }

  async function start() {
    close();
    try {
      await model.read(state);
    } catch {
      return say(msg.msgNoStorage || "");
    }
    show();
  }

  function opened() {
    for (const input of unlockForm.querySelectorAll("input")) input.value = "";
    show();
    say(msg.msgUnlocked || "");
    locking.active();
    showStorage();
    if (!sealedPlan()) $("plan-offer").hidden = false;
  }

  /** @param {model.Entry | null} entry */
  function edit(entry) {
    clearDraft();
    Object.assign(draft, { id: entry?.id || model.newId(), before: entry, photos: [...(entry?.photos || [])] });
    fill(entryForm, entry);
    for (const photo of draft.photos) photos.add(photo, null);
    entryForm.hidden = false;
    part(root, "entry", HTMLFormElement).querySelector("h2")?.focus();
  }

  async function saveEntry() {
    const entry = collect(entryForm, draft.before, draft.photos, draft.id, new Date());
    const added = draft.added.filter((photo) => draft.photos.some((kept) => kept.id === photo.id));
    say(msg.msgWorking || "");
    try {
      const result = await model.save(state, entry, added);
      if (result === "changed") return follow();
      if (result !== "written") return;
    } catch (problem) {
      const full = problem instanceof DOMException && problem.name === "QuotaExceededError";
      return say((full ? msg.msgFull : msg.msgSaveFailed) || "");
    }
    clearDraft();
    render();
    say(msg.msgSaved || "");
    showStorage();
    $("new").focus();
  }

  async function follow() {
    const result = await model.follow(state);
    if (result === "stale") return;
    if (result === "reloaded") render();
    else lockNow();
    say(msg.msgChangedElsewhere || "");
  }

  /** @param {string} text @param {string} yes @param {HTMLElement} after */
  const ask = (text, yes, after) => question.ask(text, yes, after);
  const steps = passphraseSteps({ state, msg, $, say, opened, start, follow });
  const locking = autoLock({ isOpen: () => Boolean(state.lock), lockNow, start, letGo: () => state.place.close() });
  const { print, exportNow, importNow, fileInput } = tools({ state, msg, $, say, ask, render, follow, showStorage, filters, labels, previewUrl, urls });

  /** @type {Record<string, (button: HTMLElement) => unknown>} */
  const clicks = {
    journalNew: () => edit(null),
    journalLock: () => lockNow(true),
    journalCancel: () => { clearDraft(); $("new").focus(); },
    journalEdit: (button) => edit(state.entries.get(button.dataset.journalEdit || "") || null),
    journalDelete: async (button) => {
      if (!(await ask(msg.msgConfirmDelete || "", msg.msgDeleteYes || "", button))) return;
      const result = await model.remove(state, button.dataset.journalDelete || "");
      if (result === "changed") return follow();
      render();
      say(msg.msgDeleted || "");
      $("new").focus();
    },
    journalErase: async (button) => {
      if (!(await ask(msg.msgConfirmErase || "", msg.msgEraseYes || "", button))) return;
      await model.erase(state);
      lockNow();
      say(msg.msgErased || "");
    },
    journalPrint: print,
    journalExport: exportNow,
    journalImportMerge: () => importNow(false),
    journalImportReplace: () => importNow(true),
    journalRekeyLater: steps.later,
    journalConfirmYes: () => question.answer(true),
    journalConfirmNo: () => question.answer(false),
  };
  root.addEventListener("click", (event) => {
    const button = event.target instanceof Element ? event.target.closest("button") : null;
    const action = button && Object.keys(button.dataset).find((name) => name in clicks);
    if (button && action) clicks[action]?.(button);
  });
  root.addEventListener("keydown", (event) => { if (event.key === "Escape") question.answer(false); });
  unlockForm.addEventListener("submit", (event) => { event.preventDefault(); steps.unlock(); });
  part(root, "rekey", HTMLFormElement).addEventListener("submit", (event) => { event.preventDefault(); steps.takePlans(); });
  entryForm.addEventListener("submit", (event) => { event.preventDefault(); saveEntry(); });
  const photoInput = part(root, "photo-input", HTMLInputElement);
  photoInput.addEventListener("change", () => photos.choose(photoInput));
  fileInput.addEventListener("change", () => { $("import-step").hidden = !fileInput.files?.length; });
  for (const input of root.querySelectorAll("[data-journal-filter]")) input.addEventListener("input", render);
  state.place.onChange(follow);

  root.querySelector("[data-journal-nojs]")?.remove();
  if (!cipher.available() || !("indexedDB" in window)) return say(msg.msgNoStorage || "");
  start();
}
