// @ts-check
/**
 * What the small tools keep on this device, and the only way to it: each tool's own data (the
 * shopping list's items) and the lock that opens the rest of the site behind a tool.
 *
 *   localStorage  KEYS.lock    the lock record (LockRecord, JSON), while one is set up
 *                 KEYS.list    the shopping list's items (JSON), plain tool data
 *   sessionStorage KEYS.open   present while this tab is open: "0" while seen, or the time
 *                              (ms) it was last hidden; gone with the tab, the quick exit and
 *                              the lock
 *
 * The tools load this file, so it names nothing but tools and a lock. before-paint.js reads
 * KEYS.lock and KEYS.open itself (a classic script cannot import): keep its reading in step.
 */

/** @type {import("./names.js").StorageKeys["disguise"]} */
const LOCK = "tools.lock";
/** @type {import("./names.js").StorageKeys["shoppingList"]} */
const LIST = "tools.shopping-list";
/** @type {import("./names.js").SessionKeys["disguiseOpen"]} */
const OPEN = "tools.lock.open";
export const KEYS = Object.freeze({ lock: LOCK, list: LIST, open: OPEN });
/** Every tool's own data: removed with the lock. */
const TOOL_DATA = [LIST];
export const MIN_LOCK_AFTER = 60000;

/**
 * @typedef {{
 *   version: 1, tool: string, title: string, start: string, manifest: string, theme: string,
 *   home: string, lockAfter: number, salt: string, hash: string, iterations: number
 * }} LockRecord
 * @typedef {{text: string, done: boolean}} ListItem
 */

/** @param {unknown} value @param {RegExp} pattern */
const matches = (value, pattern) => typeof value === "string" && pattern.test(value);

/**
 * @param {unknown} value
 * @returns {value is LockRecord} whether it has every part, each in its shape
 */
export function isLockRecord(value) {
  if (!value || typeof value !== "object") return false;
  const r = /** @type {Record<string, unknown>} an object, as checked above */ (value);
  return r.version === 1 && matches(r.tool, /^[a-z][a-z-]*$/) && typeof r.title === "string"
    && matches(r.start, /^\/[a-z][a-z-]*$/) && r.manifest === `${r.start}/manifest.json`
    && matches(r.theme, /^#[0-9a-f]{6}$/) && matches(r.home, /^\/[a-z][a-z-]*\/$/)
    && typeof r.lockAfter === "number" && r.lockAfter >= MIN_LOCK_AFTER
    && matches(r.salt, /^[0-9a-f]{32}$/) && matches(r.hash, /^[0-9a-f]{64}$/)
    && typeof r.iterations === "number" && Number.isInteger(r.iterations) && r.iterations > 0;
}

/** @returns {LockRecord | null} the lock, when one is set up and readable */
export function readLock() {
  try {
    const value = JSON.parse(localStorage.getItem(LOCK) || "null");
    return isLockRecord(value) ? value : null;
  } catch {
    return null;
  }
}

/** @param {LockRecord} record @returns {boolean} whether it was stored */
export function writeLock(record) {
  try {
    localStorage.setItem(LOCK, JSON.stringify(record));
    return true;
  } catch {
    return false;
  }
}

/** Removes the lock, this tab's open state and every tool's own data. @returns {boolean} */
export function removeLock() {
  try {
    for (const key of [LOCK, ...TOOL_DATA]) localStorage.removeItem(key);
    sessionStorage.removeItem(OPEN);
    return true;
  } catch {
    return false;
  }
}

/** @returns {string | null} this tab's open state */
function openState() {
  try {
    return sessionStorage.getItem(OPEN);
  } catch {
    return null;
  }
}

/** @param {string | null} value null: locked */
function setOpenState(value) {
  try {
    if (value === null) sessionStorage.removeItem(OPEN);
    else sessionStorage.setItem(OPEN, value);
  } catch {
    // storage blocked: the tab stays locked
  }
}

/**
 * Whether this tab is open now: it was opened with the code and was not hidden for longer than
 * the lock allows.
 * @param {LockRecord} record
 * @param {number} now ms
 */
export function isOpen(record, now) {
  const state = openState();
  if (state === null) return false;
  const hidden = Number(state);
  return !(hidden > 0 && now - hidden > record.lockAfter);
}

/** This tab is past the code. */
export const openTab = () => setOpenState("0");
/** This tab asks for the code again. */
export const lockTab = () => setOpenState(null);
/** This tab was hidden at `now`: an open tab seen until now keeps the time, one hidden already keeps its own. @param {number} now */
export const markHidden = (now) => {
  if (openState() === "0") setOpenState(String(now));
};
/** This tab is seen again and still open. */
export const markSeen = () => {
  if (openState() !== null) setOpenState("0");
};

/** @param {unknown} value @returns {value is ListItem} */
const isItem = (value) => Boolean(value) && typeof value === "object"
  && typeof (/** @type {ListItem} */ (value)).text === "string" && typeof (/** @type {ListItem} */ (value)).done === "boolean";

/** @returns {ListItem[]} the shopping list's items, in order */
export function readList() {
  try {
    const value = JSON.parse(localStorage.getItem(LIST) || "[]");
    return Array.isArray(value) ? value.filter(isItem) : [];
  } catch {
    return [];
  }
}

/** @param {ListItem[]} items @returns {boolean} whether they were stored */
export function writeList(items) {
  try {
    if (items.length) localStorage.setItem(LIST, JSON.stringify(items));
    else localStorage.removeItem(LIST);
    return true;
  } catch {
    return false;
  }
}
