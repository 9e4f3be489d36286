// @ts-check
/**
 * The safety plan builder's view. What she writes stays in this browser: it is saved as she
 * types (plan-storage.js), only sealed once she has set a passphrase (plan-crypto.js), and no
 * request ever carries it. The page drops the open plan on quick exit and when it is left; with
 * a passphrase the plan also locks after a minute hidden and after ten minutes without input.
 * When another tab (or the installed app) changes the stored plan, this one shows the change:
 * the plan locked, or its new content (device-record.js).
 * The state and its rules are plan-model.js's; the tools (passphrase, file, delete) are in
 * plan-tools.js, what she wrote on the page in plan-form.js.
 */
import * as cipher from "./plan-crypto.js";
import * as model from "./plan-model.js";
import * as storage from "./plan-storage.js";
import { addOwn, collect, fill as fillForm, grow, growAll } from "./plan-form.js";
import { createQuestion } from "./question.js";
import { tools } from "./plan-tools.js";
import { EVENTS } from "./names.js";
import { HIDDEN_LIMIT, IDLE_LIMIT } from "./passphrase.js";

const SAVE_DELAY = 400;

/**
 * What the view reads of its element's data attributes: the shortest passphrase and the texts,
 * which the server translates (data-msg-save-failed is msgSaveFailed). The type checker refuses
 * any other name, and a test checks that the page carries every one of these.
 * @typedef {Record<
 *   "minPassphrase" | "msgSaved" | "msgSaveFailed" | "msgNoStorage" | "msgDamaged" | "msgWorking" |
 *   "msgLocked" | "msgUnlocked" | "msgWrongPassphrase" | "msgTooShort" | "msgMismatch" |
 *   "msgPassphraseSet" | "msgChangePassphrase" | "msgConfirmRemovePassphrase" |
 *   "msgRemovePassphraseYes" | "msgPassphraseRemoved" | "msgConfirmDelete" | "msgDeleteYes" |
 *   "msgDeleted" | "msgConfirmImport" | "msgImportYes" | "msgImported" | "msgImportedProtected" |
 *   "msgBadFile" | "msgNewerFile" | "msgFileWrongPassphrase" | "msgExported" | "msgFileName" | "msgRemove" |
 *   "msgChangedElsewhere"
 * , string>} PlanData
 * @typedef {ReturnType<typeof view>} PlanView
 */

/** @template {Element} T @param {Element} root @param {string} name @param {new () => T} type @returns {T} */
function part(root, name, type) {
  const found = root.querySelector(`[data-plan-${name}]`);
  if (!(found instanceof type)) throw new Error(`plan: no ${name}`);
  return found;
}

/** The plan's state on its page, and what the view does with it. @param {HTMLElement} root */
function view(root) {
  const msg = /** @type {PlanData} */ (root.dataset);
  /** @param {string} name */
  const $ = (name) => part(root, name, HTMLElement);
  /** @param {string} name */
  const input = (name) => part(root, name, HTMLInputElement);
  const question = createQuestion($);
  // WebCrypto needs a secure context (https): without it there is no passphrase to offer.
  const details = part(root, "passphrase", HTMLDetailsElement);
  const summary = cipher.available() ? $("passphrase-summary") : (details.remove(), null);
  const protectLabel = summary?.textContent || "";
  const state = model.create(storage.available());
  const timers = { save: 0, idle: 0, hidden: 0, hiddenAt: 0 };
  /** @param {string} text */
  const say = (text) => {
    $("status").textContent = text;
  };
  /** @param {model.Plan} plan shown in the fields; none: empty fields */
  const fill = (plan = model.EMPTY) => fillForm(root, plan, msg.msgRemove);

  /** Shows what fits the state: the plan, or the lock, and the tools that apply. */
  function show() {
    $("sections").hidden = !state.open;
    $("unlock").hidden = state.open || !state.sealed;
    $("when-open").hidden = !state.open;
    $("lock").hidden = !state.lock;
    if (summary) {
      $("remove-passphrase").hidden = !state.lock;
      summary.textContent = state.lock ? msg.msgChangePassphrase : protectLabel;
    }
    if (state.open) growAll(root);
  }

  function cancelSave() {
    clearTimeout(timers.save);
    timers.save = 0;
  }

  /**
   * Saves what the page shows; with a passphrase only the sealed form is written. Starts at
   * once: the text and the key are taken before anything can close the plan. When another tab
   * stored the plan meanwhile, nothing is written and the page shows what is stored.
   */
  async function save() {
    cancelSave();
    const saved = await model.save(state, collect(root));
    if (saved === "saved") say(msg.msgSaved);
    if (saved === "failed") say(msg.msgSaveFailed);
    if (saved === "changed" || saved === "refused") await follow();
    return saved === "saved";
  }

  /** The stored plan changed in another tab: show it, locked or with its new content. */
  async function follow() {
    cancelSave();
    const seen = await model.follow(state);
    if (seen.result === "stale") return;
    if (seen.result === "opened") {
      fill(seen.plan);
      show();
    } else load();
    say(msg.msgChangedElsewhere);
  }

  /** Closes the plan at once: saves the last keystrokes (sealed), then forgets text and key. */
  function close() {
    if (timers.save) save();
    model.close(state);
    fill();
    for (const field of root.querySelectorAll('input[type="password"]')) /** @type {HTMLInputElement} */ (field).value = "";
    question.answer(false);
    $("import-passphrase").hidden = true;
    clearTimeout(timers.idle);
    clearTimeout(timers.hidden);
  }

  /** Reads the stored plan: opens it, or shows the lock when it has a passphrase. */
  function load() {
    close();
    const { plan, damaged } = model.read(state);
    if (damaged) say(msg.msgDamaged);
    if (plan) fill(plan);
    show();
  }

  /** @param {boolean} [moveFocus] */
  function lockNow(moveFocus = false) {
    if (!state.lock) return;
    close();
    show();
    say(msg.msgLocked);
    if (moveFocus) input("unlock-input").focus();
  }

  function active() {
    clearTimeout(timers.idle);
    if (state.lock) timers.idle = window.setTimeout(lockNow, IDLE_LIMIT);
  }

  /** Forgets the plan on screen and in memory, and cancels every save still to come. */
  function forget() {
    cancelSave();
    close();
    model.forget(state);
    show();
  }

  return {
    root, state, msg, $, input, details, summary, question, timers,
    say, fill, show, cancelSave, save, follow, close, load, lockNow, active, forget,
  };
}

/** @param {HTMLElement} root the element with data-module="plan" and the data-msg-* texts */
export function init(root) {
  const plan = view(root);
  const { msg, question, timers, save, close, show, load, lockNow, active } = plan;
  const tool = tools(plan);
  const changed = () => {
    clearTimeout(timers.save);
    timers.save = window.setTimeout(save, SAVE_DELAY);
  };
  const addItem = () => addOwn(root, msg.msgRemove) && changed();
  /** @type {Record<string, (button: HTMLElement) => unknown>} */
  const clicks = {
    planOwnAdd: addItem,
    planOwnRemove: (button) => {
      button.closest("li")?.remove();
      changed();
    },
    planUnlockButton: tool.unlock,
    planSetPassphrase: tool.setPassphrase,
    planRemovePassphrase: tool.removePassphrase,
    planLock: () => lockNow(true),
    planPrint: () => {
      if (timers.save) save();
      window.print();
    },
    planExport: tool.exportFile,
    planImportOpen: tool.openImport,
    planDelete: tool.deletePlan,
    planConfirmYes: () => question.answer(true),
    planConfirmNo: () => question.answer(false),
  };
  /** @type {Record<string, () => unknown>} */
  const enters = {
    planUnlockInput: tool.unlock,
    planRepeatPassphrase: tool.setPassphrase,
    planImportPassphraseInput: tool.openImport,
    planOwnInput: addItem,
  };

  root.addEventListener("click", (event) => {
    const button = event.target instanceof Element ? event.target.closest("button") : null;
    const action = button && Object.keys(button.dataset).find((name) => name in clicks);
    if (button && action) clicks[action]?.(button);
  });
  root.addEventListener("keydown", (event) => {
    const target = event.target;
    if (event.key === "Escape") question.answer(false);
    if (event.key !== "Enter" || !(target instanceof HTMLInputElement)) return;
    const action = Object.keys(target.dataset).find((name) => name in enters);
    if (action) {
      event.preventDefault();
      enters[action]?.();
    }
  });
  root.addEventListener("input", (event) => {
    const target = event.target;
    if (!(target instanceof HTMLElement) || "planOwnInput" in target.dataset || !plan.$("sections").contains(target)) return;
    grow(target);
    changed();
  });
  for (const type of ["input", "keydown", "pointerdown"]) document.addEventListener(type, active, { passive: true });

  // Quick exit and leaving the page: nothing of the plan stays on screen or in memory, nor in
  // the session history's form state. A page back from the cache reads it again.
  document.addEventListener(EVENTS.quickExit, () => {
    close();
    show();
  });
  // "Delete everything" empties the storage right after this event.
  document.addEventListener(EVENTS.deleteEverything, plan.forget);
  window.addEventListener("pagehide", () => close());
  window.addEventListener("pageshow", (event) => {
    if (event.persisted) load();
  });
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") {
      if (timers.save) save();
      timers.hiddenAt = Date.now();
      timers.hidden = window.setTimeout(lockNow, HIDDEN_LIMIT);
      return;
    }
    clearTimeout(timers.hidden);
    if (timers.hiddenAt && Date.now() - timers.hiddenAt > HIDDEN_LIMIT) lockNow();
    timers.hiddenAt = 0;
  });

  root.querySelector("[data-plan-nojs]")?.remove();
  for (const element of root.querySelectorAll("[data-plan-js], [data-plan-check]")) /** @type {HTMLElement} */ (element).hidden = false;
  if (plan.state.canStore) plan.state.place.onChange(plan.follow);
  else plan.say(msg.msgNoStorage);
  load();
}
