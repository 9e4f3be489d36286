// @ts-check
/**
 * A record this app keeps on the device, shared by every tab of the site and the installed app.
 * The safety plan keeps its record through here; every later store on the device (the journal,
 * the disguise's code) uses the same, so the same rules hold for all of them:
 *
 * 1. A tab writes only over what it read or wrote last (compare and swap). When another tab
 *    changed or deleted the record meanwhile, nothing is written: the write says "changed" and
 *    the tab reads the record again. So a deleted plan stays deleted, a new passphrase stays.
 *    Deleting (remove()) is the exception: at once and whatever is stored, as she asked.
 * 2. A write never puts clear text where a sealed record is, unless she removed the passphrase
 *    in this tab on purpose (write(text, {unseal: true})): "refused".
 * 3. One tab writes at a time: the Web Locks API (navigator.locks) where there is one; without
 *    it, one write at a time in this tab. The check of rule 1 and the write run in one task, so
 *    rules 1 and 2 hold without a lock too. A page that is being left or hidden writes at once:
 *    it may be gone before a lock is granted, and her last keystrokes would be lost.
 * 4. A tab learns at once that a record changed elsewhere: the `storage` event (localStorage)
 *    and a BroadcastChannel, which also covers stores without a storage event (IndexedDB).
 *    onChange() calls back only when the stored text is no longer the one this tab knows.
 *
 * How a store uses it. A small text in localStorage (the plan, a cover's code): one
 * DeviceRecord per tab for its key (STORAGE.* in names.js); read() when the page starts and
 * after onChange() called back, write() to store, remove() to delete; on "changed" or "refused"
 * read again and show what is stored (locked, or the other tab's content). A store in
 * IndexedDB (the journal, DATABASE in names.js) keeps a revision beside its data and follows
 * the same rules with the parts below: exclusive(name, task) around the readwrite transaction
 * that reads the stored revision, refuses when it is not the one this tab read, never stores
 * clear text over sealed, and writes the next revision; announce(name) after it; listen(name,
 * callback) to hear of changes elsewhere.
 *
 * What this cannot do: a tab's copy of localStorage may lag a moment behind another tab's
 * write (browsers sync it between processes), so two writes within that moment could still
 * cross; the tab that lost hears of it by the storage event and shows what is stored.
 */

const CHANNEL = "wegweiser.device-records";

/** @type {BroadcastChannel | null} */
let channel = null;
/** @type {Map<string, Set<() => void>>} */
const listeners = new Map();
/** Without Web Locks: this tab's writes, one after another. @type {Promise<unknown>} */
let queue = Promise.resolve();
let leaving = false;
globalThis.addEventListener?.("pagehide", () => { leaving = true; });
globalThis.addEventListener?.("pageshow", () => { leaving = false; });

/** @returns {BroadcastChannel | null} the channel every tab of the site hears, once opened */
function opened() {
  if (!channel && typeof BroadcastChannel === "function") {
    channel = new BroadcastChannel(CHANNEL);
    channel.onmessage = (event) => tell(typeof event.data === "string" ? event.data : "");
  }
  return channel;
}

/** @param {string} name */
function tell(name) {
  for (const callback of listeners.get(name) || []) callback();
}

/**
 * Runs task while no other tab of the site runs one under the same name.
 * @template T
 * @param {string} name
 * @param {() => T | Promise<T>} task
 * @returns {Promise<T>}
 */
export function exclusive(name, task) {
  if (leaving || globalThis.document?.visibilityState === "hidden") return Promise.resolve().then(task);
  const locks = globalThis.navigator?.locks;
  // The lock is held until the task's promise settles, and request() settles as it does.
  if (locks) return /** @type {Promise<T>} */ (locks.request(name, { mode: "exclusive" }, task));
  const turn = queue.then(task);
  queue = turn.catch(() => {});
  return turn;
}

/** Tells every other tab that the record `name` changed. @param {string} name */
export function announce(name) {
  opened()?.postMessage(name);
}

/**
 * Calls back when another tab announces `name`, and, for a localStorage key, when the storage
 * event reports it (or a clear() of everything).
 * @param {string} name
 * @param {() => void} callback
 * @returns {() => void} stops listening
 */
export function listen(name, callback) {
  opened();
  const own = listeners.get(name) || new Set();
  listeners.set(name, own.add(callback));
  /** @param {StorageEvent} event */
  const stored = (event) => {
    if (event.key === name || event.key === null) callback();
  };
  globalThis.addEventListener?.("storage", stored);
  return () => {
    own.delete(callback);
    globalThis.removeEventListener?.("storage", stored);
  };
}

/**
 * @typedef {"written" | "changed" | "refused" | "dropped"} WriteResult
 * @typedef {{unseal?: boolean, still?: () => boolean}} WriteOptions
 *   unseal: she removed the passphrase here, clear text may replace sealed;
 *   still: asked inside the lock, just before writing; false drops the write ("dropped")
 */

/** One text in localStorage under `key`, as one tab sees it (see the rules above). */
export class DeviceRecord {
  /**
   * @param {string} key
   * @param {(text: string) => boolean} sealed whether a stored text is sealed
   */
  constructor(key, sealed) {
    this.key = key;
    this.sealed = sealed;
    /** What this tab read or wrote last; undefined until it has read. @type {string | null | undefined} */
    this.known = undefined;
  }

  /** @returns {string | null} the stored text, which this tab then knows */
  read() {
    this.known = localStorage.getItem(this.key);
    return this.known;
  }

  /** @returns {boolean} whether anything is stored (this tab does not read it) */
  stored() {
    return localStorage.getItem(this.key) !== null;
  }

  /**
   * @param {string} text the new text
   * @param {WriteOptions} [options]
   * @returns {Promise<WriteResult>} throws when the browser refuses to store (full)
   */
  write(text, { unseal = false, still = () => true } = {}) {
    return exclusive(this.key, () => {
      if (!still()) return "dropped";
      const current = localStorage.getItem(this.key);
      if (current !== this.known) return "changed";
      if (current !== null && this.sealed(current) && !this.sealed(text) && !unseal) return "refused";
      localStorage.setItem(this.key, text);
      return this.#written(text);
    });
  }

  /**
   * Deletes the record at once, whatever another tab stored meanwhile: she asked for it to be
   * gone, and it must be gone even if she leaves the page right after (no waiting for a lock).
   * @returns {WriteResult}
   */
  remove() {
    localStorage.removeItem(this.key);
    return this.#written(null);
  }

  /** @param {string | null} text @returns {WriteResult} */
  #written(text) {
    this.known = text;
    announce(this.key);
    return "written";
  }

  /**
   * Calls back when the stored text changed elsewhere (not for this tab's own writes).
   * @param {() => void} callback
   * @returns {() => void} stops listening
   */
  onChange(callback) {
    return listen(this.key, () => {
      if (localStorage.getItem(this.key) !== this.known) callback();
    });
  }
}
