// @ts-check
/**
 * The safety plan builder. What she writes stays in this browser: it is saved as she types
 * (plan-storage.js), only sealed once she has set a passphrase (plan-crypto.js), and no request
 * ever carries it. The page drops the open plan on quick exit and when it is left; with a
 * passphrase the plan also locks after a minute hidden and after ten minutes without input.
 */
import * as cipher from "./plan-crypto.js";
import * as storage from "./plan-storage.js";

const SAVE_DELAY = 400;
const HIDDEN_LIMIT = 60 * 1000;
const IDLE_LIMIT = 10 * 60 * 1000;

/** @typedef {HTMLInputElement | HTMLTextAreaElement} Field */

/**
 * @param {HTMLElement} root the element with data-module="safety-plan" and the data-msg-* texts
 */
export function init(root) {
  const msg = /** @type {Record<string, string>} */ (root.dataset);
  /**
   * @param {string} name
   * @returns {any} the element with data-plan-<name>
   */
  const $ = (name) => root.querySelector(`[data-plan-${name}]`);
  const sections = $("sections");
  const fields = /** @type {Field[]} */ ([...root.querySelectorAll("[data-plan-field]")]);
  const checks = /** @type {HTMLInputElement[]} */ ([...root.querySelectorAll("[data-plan-check]")]);
  const ownList = $("own");
  const ownInput = $("own-input");
  // WebCrypto needs a secure context (https): without it there is no passphrase to offer.
  const passphrase = cipher.available() ? $("passphrase") : $("passphrase").remove();
  const summary = $("passphrase-summary");
  const protectLabel = summary?.textContent || "";
  const fits = CSS.supports?.("field-sizing", "content");
  const canStore = storage.available();

  /** @type {cipher.Lock | null} */
  let lock = null; // the key of an open plan that has a passphrase; nowhere else
  let sealed = false; // the stored plan has a passphrase
  let open = false; // the fields show the plan
  let epoch = 0; // changes whenever the plan is closed: late results of slow work are dropped
  let generation = 0; // changes when the plan is deleted or replaced: saves in flight are dropped
  let saves = 0;
  let saveTimer = 0;
  let idleTimer = 0;
  let hiddenTimer = 0;
  let hiddenAt = 0;
  /** @type {storage.PlanRecord | null} */
  let importing = null;
  /** @type {((yes: boolean) => void) | null} */
  let answer = null;

  /**
   * @param {string} text
   * @param {HTMLElement} [where]
   */
  function say(text, where = $("status")) {
    where.textContent = text;
  }

  /** @returns {storage.Plan} what the page shows now */
  function collect() {
    /** @type {storage.Plan} */
    const plan = { fields: {}, checked: [], own: [] };
    for (const field of fields) if (field.value) plan.fields[field.dataset.planField || ""] = field.value;
    for (const box of checks) if (box.checked) plan.checked.push(box.dataset.planCheck || "");
    for (const item of ownList?.children || []) {
      plan.own.push({ text: item.querySelector("span").textContent, checked: item.querySelector("input").checked });
    }
    return plan;
  }

  /** @param {storage.Plan} plan */
  function fill(plan) {
    for (const field of fields) field.value = plan.fields[field.dataset.planField || ""] || "";
    const checked = new Set(plan.checked);
    for (const box of checks) box.checked = checked.has(box.dataset.planCheck || "");
    ownList?.replaceChildren(...plan.own.map(ownItem));
    if (ownInput) ownInput.value = "";
  }

  /**
   * @param {{text: string, checked: boolean}} item
   * @returns {HTMLLIElement}
   */
  function ownItem(item) {
    const li = document.createElement("li");
    const label = document.createElement("label");
    const box = document.createElement("input");
    const text = document.createElement("span");
    const remove = document.createElement("button");
    box.type = "checkbox";
    box.checked = item.checked;
    text.textContent = item.text;
    text.dir = "auto";
    // Her words are page text here: machine translation in the browser must not send them off.
    text.translate = false;
    remove.translate = false;
    remove.type = "button";
    remove.className = "button button--secondary";
    remove.textContent = msg.msgRemove;
    remove.setAttribute("aria-label", `${msg.msgRemove}: ${item.text}`);
    remove.dataset.planOwnRemove = "";
    label.append(box, text);
    li.append(label, remove);
    return li;
  }

  function addOwn() {
    const text = ownInput.value.trim();
    if (!text) return;
    ownList.append(ownItem({ text, checked: false }));
    ownInput.value = "";
    ownInput.focus();
    changed();
  }

  /** @param {Field} field a textarea grows with its text where CSS cannot do it */
  function grow(field) {
    if (fits || !(field instanceof HTMLTextAreaElement) || !field.scrollHeight) return;
    field.style.blockSize = "auto";
    field.style.blockSize = `${field.scrollHeight + 4}px`;
  }

  /** Shows what fits the state: the plan, or the lock, and the tools that apply. */
  function show() {
    sections.hidden = !open;
    $("unlock").hidden = open || !sealed;
    $("when-open").hidden = !open;
    $("lock").hidden = !lock;
    if (passphrase) {
      $("remove-passphrase").hidden = !lock;
      summary.textContent = lock ? msg.msgChangePassphrase : protectLabel;
    }
    if (open) fields.forEach(grow);
  }

  function changed() {
    clearTimeout(saveTimer);
    saveTimer = window.setTimeout(save, SAVE_DELAY);
  }

  /**
   * Saves what the page shows. With a passphrase, only the sealed form is ever written.
   * Starts at once: the text and the key are taken before anything can close the plan.
   * @returns {Promise<boolean>} whether it was stored
   */
  async function save() {
    clearTimeout(saveTimer);
    saveTimer = 0;
    if (!open || !canStore) return false;
    const text = JSON.stringify(collect());
    const turn = ++saves;
    const started = generation;
    try {
      const record = lock
        ? storage.sealedRecord(await cipher.seal(lock, text, storage.CONTEXT))
        : storage.plainRecord(JSON.parse(text));
      if (turn !== saves || started !== generation) return false;
      storage.write(record);
      say(msg.msgSaved);
      return true;
    } catch {
      say(msg.msgSaveFailed);
      return false;
    }
  }

  /** Closes the plan at once: saves the last keystrokes (sealed), then forgets text and key. */
  function close() {
    if (saveTimer) save();
    epoch++;
    lock = null;
    open = false;
    fill({ fields: {}, checked: [], own: [] });
    for (const input of root.querySelectorAll('input[type="password"]')) /** @type {HTMLInputElement} */ (input).value = "";
    answer?.(false);
    importing = null;
    $("import-passphrase").hidden = true;
    clearTimeout(idleTimer);
    clearTimeout(hiddenTimer);
  }

  /** Reads the stored plan: opens it, or shows the lock when it has a passphrase. */
  function load() {
    close();
    /** @type {storage.PlanRecord | null} */
    let record = null;
    try {
      record = canStore ? storage.read() : null;
    } catch {
      say(msg.msgDamaged);
    }
    sealed = Boolean(record?.sealed);
    open = !sealed;
    if (record?.plan) fill(record.plan);
    show();
  }

  /** @param {boolean} [moveFocus] */
  function lockNow(moveFocus = false) {
    if (!lock) return;
    close();
    show();
    say(msg.msgLocked);
    if (moveFocus) $("unlock-input").focus();
  }

  function active() {
    clearTimeout(idleTimer);
    if (lock) idleTimer = window.setTimeout(lockNow, IDLE_LIMIT);
  }

  /**
   * Derives the lock for a sealed record and opens it.
   * @param {string} words
   * @param {cipher.Sealed} box
   * @returns {Promise<[cipher.Lock, storage.Plan]>} rejects on a wrong passphrase
   */
  async function openSealed(words, box) {
    const found = await cipher.lockFor(words, box);
    return [found, storage.checkPlan(JSON.parse(await cipher.unseal(found, box, storage.CONTEXT)))];
  }

  async function unlock() {
    const input = $("unlock-input");
    const error = $("unlock-error");
    /** @type {storage.PlanRecord | null} */
    let record = null;
    try {
      record = storage.read();
    } catch {
      say(msg.msgDamaged);
      return;
    }
    if (!record?.sealed) return load();
    if (!input.value) return;
    const at = epoch;
    error.textContent = "";
    say(msg.msgWorking);
    try {
      const [found, plan] = await openSealed(input.value, record.sealed);
      if (at !== epoch) return;
      input.value = "";
      lock = found;
      open = true;
      fill(plan);
      show();
      say(msg.msgUnlocked);
      active();
      const heading = sections.querySelector("h2");
      heading.tabIndex = -1;
      heading.focus();
    } catch {
      if (at !== epoch) return;
      say("");
      error.textContent = msg.msgWrongPassphrase;
      input.select();
    }
  }

  async function setPassphrase() {
    const first = $("new-passphrase");
    const second = $("repeat-passphrase");
    const error = $("passphrase-error");
    error.textContent = "";
    if ([...first.value].length < Number(msg.minPassphrase)) {
      error.textContent = msg.msgTooShort;
      return first.focus();
    }
    if (first.value !== second.value) {
      error.textContent = msg.msgMismatch;
      return second.focus();
    }
    const at = epoch;
    say(msg.msgWorking);
    const made = await cipher.deriveLock(first.value);
    if (at !== epoch) return;
    first.value = second.value = "";
    lock = made;
    sealed = true;
    if (await save()) say(msg.msgPassphraseSet);
    passphrase.open = false;
    show();
    active();
    summary.focus();
  }

  async function removePassphrase() {
    if (!(await ask(msg.msgConfirmRemovePassphrase, msg.msgRemovePassphraseYes, $("remove-passphrase").parentElement)) || !lock) return;
    lock = null;
    sealed = false;
    clearTimeout(idleTimer);
    if (await save()) say(msg.msgPassphraseRemoved);
    show();
  }

  async function exportFile() {
    if (!open) return;
    if (saveTimer) await save();
    const text = JSON.stringify(collect());
    const record = lock
      ? storage.sealedRecord(await cipher.seal(lock, text, storage.CONTEXT))
      : storage.plainRecord(JSON.parse(text));
    const url = URL.createObjectURL(new Blob([JSON.stringify(record)], { type: "application/json" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = `${msg.msgFileName}-${new Date().toISOString().slice(0, 10)}.json`;
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    say(msg.msgExported);
  }

  async function chooseFile() {
    const input = $("import");
    const file = input.files?.[0];
    const error = $("import-error");
    input.value = "";
    error.textContent = "";
    importing = null;
    $("import-passphrase").hidden = true;
    if (!file) return;
    const at = epoch;
    /** @type {storage.PlanRecord} */
    let record;
    try {
      if (file.size > storage.MAX_FILE) throw new storage.FormatError("damaged");
      record = storage.parse(await file.text());
    } catch (problem) {
      const newer = problem instanceof storage.FormatError && problem.reason === "newer";
      error.textContent = newer ? msg.msgNewerFile : msg.msgBadFile;
      return;
    }
    if (at !== epoch) return;
    if (record.plan) return replaceWith(record.plan, null);
    importing = record;
    $("import-passphrase").hidden = false;
    $("import-passphrase-input").focus();
  }

  async function openImport() {
    const input = $("import-passphrase-input");
    const record = importing;
    if (!record?.sealed || !input.value) return;
    const at = epoch;
    $("import-error").textContent = "";
    say(msg.msgWorking);
    try {
      const [found, plan] = await openSealed(input.value, record.sealed);
      if (at !== epoch) return;
      input.value = "";
      importing = null;
      $("import-passphrase").hidden = true;
      say("");
      await replaceWith(plan, found);
    } catch {
      if (at !== epoch) return;
      say("");
      $("import-error").textContent = msg.msgFileWrongPassphrase;
      input.select();
    }
  }

  /**
   * Replaces the plan on this device with one from a file, after she has said yes.
   * @param {storage.Plan} plan
   * @param {cipher.Lock | null} fileLock the file's passphrase, which the plan then keeps
   */
  async function replaceWith(plan, fileLock) {
    const at = epoch;
    const stored = canStore && localStorage.getItem(storage.KEY) !== null;
    if (stored && !(await ask(msg.msgConfirmImport, msg.msgImportYes, $("import")))) return;
    if (at !== epoch) return;
    generation++;
    clearTimeout(saveTimer);
    saveTimer = 0;
    if (fileLock) {
      lock = fileLock;
      sealed = true;
      active();
    }
    fill(plan);
    show();
    if (await save()) say(fileLock ? msg.msgImportedProtected : msg.msgImported);
  }

  /** Forgets the plan on screen and in memory, and cancels every save still to come. */
  function forget() {
    generation++;
    clearTimeout(saveTimer);
    saveTimer = 0;
    close();
    sealed = false;
    open = true;
    show();
  }

  async function deletePlan() {
    if (!(await ask(msg.msgConfirmDelete, msg.msgDeleteYes, $("delete")))) return;
    forget();
    if (canStore) storage.remove();
    say(msg.msgDeleted);
  }

  /**
   * Asks on the page itself: a browser dialog would block the quick exit.
   * @param {string} question
   * @param {string} yes the label of the button that agrees
   * @param {HTMLElement} after the control that asked; the question appears below it
   * @returns {Promise<boolean>}
   */
  function ask(question, yes, after) {
    answer?.(false);
    const box = $("confirm");
    const text = $("confirm-text");
    text.textContent = question;
    $("confirm-yes").textContent = yes;
    after.after(box);
    box.hidden = false;
    text.focus();
    return new Promise((resolve) => {
      answer = (value) => {
        const hadFocus = box.contains(document.activeElement);
        answer = null;
        box.hidden = true;
        if (hadFocus) after.focus();
        resolve(value);
      };
    });
  }

  /** @type {Record<string, (button: HTMLElement) => unknown>} */
  const clicks = {
    planOwnAdd: addOwn,
    planOwnRemove: (button) => {
      button.closest("li")?.remove();
      changed();
    },
    planUnlockButton: unlock,
    planSetPassphrase: setPassphrase,
    planRemovePassphrase: removePassphrase,
    planLock: () => lockNow(true),
    planPrint: () => {
      if (saveTimer) save();
      window.print();
    },
    planExport: exportFile,
    planImportOpen: openImport,
    planDelete: deletePlan,
    planConfirmYes: () => answer?.(true),
    planConfirmNo: () => answer?.(false),
  };
  /** @type {Record<string, () => unknown>} */
  const enters = {
    planUnlockInput: unlock,
    planRepeatPassphrase: setPassphrase,
    planImportPassphraseInput: openImport,
    planOwnInput: addOwn,
  };

  root.addEventListener("click", (event) => {
    const button = event.target instanceof Element ? event.target.closest("button") : null;
    const action = button && Object.keys(button.dataset).find((name) => name in clicks);
    if (button && action) clicks[action](button);
  });
  root.addEventListener("keydown", (event) => {
    const input = event.target;
    if (event.key === "Escape") answer?.(false);
    if (event.key !== "Enter" || !(input instanceof HTMLInputElement)) return;
    const action = Object.keys(input.dataset).find((name) => name in enters);
    if (action) {
      event.preventDefault();
      enters[action]();
    }
  });
  root.addEventListener("input", (event) => {
    const target = event.target;
    if (!(target instanceof HTMLElement) || target === ownInput || !sections.contains(target)) return;
    if (target instanceof HTMLTextAreaElement) grow(target);
    changed();
  });
  $("import").addEventListener("change", chooseFile);
  for (const type of ["input", "keydown", "pointerdown"]) document.addEventListener(type, active, { passive: true });

  // Quick exit (quick-exit.js) and leaving the page: nothing of the plan stays on screen or in
  // memory, nor in the session history's form state. A page back from the cache reads it again.
  document.addEventListener("quickexit", () => {
    close();
    show();
  });
  // "Delete everything" (delete-everything.js) empties the storage right after this event.
  document.addEventListener("deleteeverything", forget);
  window.addEventListener("pagehide", () => close());
  window.addEventListener("pageshow", (event) => {
    if (event.persisted) load();
  });
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") {
      if (saveTimer) save();
      hiddenAt = Date.now();
      hiddenTimer = window.setTimeout(lockNow, HIDDEN_LIMIT);
      return;
    }
    clearTimeout(hiddenTimer);
    if (hiddenAt && Date.now() - hiddenAt > HIDDEN_LIMIT) lockNow();
    hiddenAt = 0;
  });

  root.querySelector("[data-plan-nojs]")?.remove();
  for (const element of root.querySelectorAll("[data-plan-js], [data-plan-check]")) {
    /** @type {HTMLElement} */ (element).hidden = false;
  }
  if (!canStore) say(msg.msgNoStorage);
  load();
}
