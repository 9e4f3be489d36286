// @ts-check
/**
 * The safety plan's state without a page: plain functions over a plain object, so it can be
 * tested anywhere (the view is plan.js). Slow work (deriving a key, sealing, reading a file)
 * checks when it is done whether the plan was closed (epoch), deleted, replaced or changed in
 * another tab (generation) meanwhile: a late result is dropped. Each state is one tab's view of
 * the stored record (state.place, device-record.js): what another tab stored is never
 * overwritten by this one, and follow() shows it.
 */
import * as cipher from "./plan-crypto.js";
import * as storage from "./plan-storage.js";
import { passphraseProblem } from "./passphrase.js";

/**
 * @typedef {object} PlanState
 * @property {boolean} canStore this browser lets the page store the plan
 * @property {boolean} open the page shows the plan
 * @property {boolean} sealed the stored plan has a passphrase
 * @property {cipher.Lock | null} lock the open plan's key, if it has a passphrase; held nowhere else
 * @property {number} epoch changes whenever the plan closes
 * @property {number} generation changes when the plan is deleted or replaced
 * @property {number} saves saves started: only the latest one writes
 * @property {cipher.Sealed | null} importing a sealed file waiting for its passphrase
 * @property {boolean} unsealing she removed the passphrase: the next save may store clear text
 * @property {import("./device-record.js").DeviceRecord} place the stored record, as this tab knows it
 * @typedef {storage.Plan} Plan
 * @typedef {{result: "opened", plan: Plan, lock: cipher.Lock}} Opened
 */

/** @type {Plan} */
export const EMPTY = { fields: {}, checked: [], own: [] };

/** @param {boolean} canStore @returns {PlanState} closed until read() */
export const create = (canStore) => ({
  canStore, open: false, sealed: false, lock: null, epoch: 0, generation: 0, saves: 0, importing: null,
  unsealing: false, place: storage.open(),
});

/** Closes the plan, forgetting its key and a waiting file. @param {PlanState} state */
export function close(state) {
  state.epoch++;
  state.lock = null;
  state.open = false;
  state.importing = null;
}

/** Reads the stored plan (after close()): open, or locked. @param {PlanState} state */
export function read(state) {
  let record = null;
  let damaged = false;
  try {
    record = state.canStore ? storage.read(state.place) : null;
  } catch {
    damaged = true;
  }
  state.sealed = Boolean(record?.sealed);
  state.open = !state.sealed;
  return { plan: record?.plan || null, damaged };
}

/** The plan as stored and as a file, sealed with its key now. @param {PlanState} state @param {Plan} plan */
export async function record(state, plan) {
  const text = JSON.stringify(plan);
  const lock = state.lock;
  return lock
    ? storage.sealedRecord(await cipher.seal(lock, text, storage.CONTEXT))
    : storage.plainRecord(JSON.parse(text));
}

/**
 * Stores the open plan unless a later save, a deletion or a replacement came first. "changed":
 * another tab stored the plan since this one read it, and "refused": this would put clear text
 * over a sealed plan; nothing was written, follow() shows what is stored.
 * @param {PlanState} state @param {Plan} plan
 * @returns {Promise<"saved" | "failed" | "closed" | "dropped" | "changed" | "refused">}
 */
export async function save(state, plan) {
  if (!state.open || !state.canStore) return "closed";
  const turn = ++state.saves;
  const started = state.generation;
  const still = () => turn === state.saves && started === state.generation;
  try {
    const made = await record(state, plan);
    if (!still()) return "dropped";
    const written = await storage.write(state.place, made, { unseal: state.unsealing && !made.sealed, still });
    if (written !== "written") return written;
    if (!made.sealed) state.unsealing = false;
    return "saved";
  } catch {
    return "failed";
  }
}

/**
 * The stored plan changed in another tab. An open plan stays open when its key opens what is
 * stored now (that tab has the same passphrase): the new plan is returned. Otherwise it closes
 * ("closed"): read() it again, which shows it locked, or the other tab's plan.
 * @param {PlanState} state
 * @returns {Promise<{result: "opened", plan: Plan} | {result: "closed" | "stale"}>}
 */
export async function follow(state) {
  const at = [state.epoch, ++state.generation];
  const same = () => at[0] === state.epoch && at[1] === state.generation;
  const lock = state.open ? state.lock : null;
  let stored = null;
  try {
    stored = lock ? storage.read(state.place) : null;
  } catch {
    // unreadable now: closed below, and read() says so
  }
  if (lock && stored?.sealed) {
    try {
      const plan = storage.checkPlan(JSON.parse(await cipher.unseal(lock, stored.sealed, storage.CONTEXT)));
      if (same()) return { result: "opened", plan };
    } catch {
      // another passphrase: locked below
    }
  }
  if (!same()) return { result: "stale" };
  close(state);
  return { result: "closed" };
}

/**
 * @param {PlanState} state @param {string} words @param {cipher.Sealed} box
 * @param {() => void} working called as the slow part starts
 * @returns {Promise<Opened | {result: "wrong" | "stale"}>}
 */
async function openSealed(state, words, box, working) {
  const at = state.epoch;
  working();
  try {
    const lock = await cipher.lockFor(words, box);
    const plan = storage.checkPlan(JSON.parse(await cipher.unseal(lock, box, storage.CONTEXT)));
    return at === state.epoch ? { result: "opened", plan, lock } : { result: "stale" };
  } catch {
    return { result: at === state.epoch ? "wrong" : "stale" };
  }
}

/**
 * Opens the stored plan with her passphrase ("unsealed": it has none, read() it).
 * @param {PlanState} state @param {string} words @param {() => void} working
 * @returns {Promise<Opened | {result: "wrong" | "stale" | "damaged" | "unsealed" | "empty"}>}
 */
export async function unlock(state, words, working) {
  let stored;
  try {
    stored = storage.read(state.place);
  } catch {
    return { result: "damaged" };
  }
  if (!stored?.sealed) return { result: "unsealed" };
  if (!words) return { result: "empty" };
  const opened = await openSealed(state, words, stored.sealed, working);
  if (opened.result === "opened") {
    state.lock = opened.lock;
    state.open = true;
  }
  return opened;
}

export { passphraseProblem };

/** Gives the plan a passphrase (save() seals it). @param {PlanState} state @param {string} words */
export async function protect(state, words) {
  const at = state.epoch;
  const lock = await cipher.deriveLock(words);
  if (at !== state.epoch) return false;
  state.lock = lock;
  state.sealed = true;
  state.unsealing = false;
  return true;
}

/** She removes the passphrase: the next save stores the plan in the clear. @param {PlanState} state */
export function unprotect(state) {
  if (!state.lock) return false;
  state.lock = null;
  state.sealed = false;
  state.unsealing = true;
  return true;
}

/**
 * Reads a file she chose; a sealed one waits for its passphrase (openFile).
 * @param {PlanState} state @param {Blob | undefined} file
 * @returns {Promise<{result: "plan", plan: Plan} | {result: "none" | "sealed" | "stale" | "newer" | "bad"}>}
 */
export async function readFile(state, file) {
  state.importing = null;
  if (!file) return { result: "none" };
  const at = state.epoch;
  let found;
  try {
    if (file.size > storage.MAX_FILE) throw new storage.FormatError("damaged");
    found = storage.parse(await file.text());
  } catch (problem) {
    return { result: problem instanceof storage.FormatError && problem.reason === "newer" ? "newer" : "bad" };
  }
  if (at !== state.epoch) return { result: "stale" };
  if (found.plan) return { result: "plan", plan: found.plan };
  state.importing = found.sealed || null;
  return { result: "sealed" };
}

/** @param {PlanState} state @param {string} words @param {() => void} working @returns {Promise<Opened | {result: "wrong" | "stale" | "empty"}>} */
export async function openFile(state, words, working) {
  const box = state.importing;
  if (!box || !words) return { result: "empty" };
  const opened = await openSealed(state, words, box, working);
  if (opened.result === "opened") state.importing = null;
  return opened;
}

/** A file's plan replaces this one (save() stores it), with the file's key. @param {PlanState} state @param {cipher.Lock | null} fileLock */
export function replace(state, fileLock) {
  state.generation++;
  if (fileLock) {
    state.lock = fileLock;
    state.sealed = true;
  }
}

/** Deleted: open and empty, and no save still to come writes. @param {PlanState} state */
export function forget(state) {
  state.generation++;
  close(state);
  state.sealed = false;
  state.unsealing = false;
  state.open = true;
}

/** @param {PlanState} state @returns {boolean} whether a plan is stored (readable or not) */
export const stored = (state) => state.canStore && storage.stored(state.place);

/** Deletes the stored plan (after forget()), whatever another tab stored. @param {PlanState} state */
export function remove(state) {
  if (state.canStore) storage.remove(state.place);
}
