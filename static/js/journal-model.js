// @ts-check
/**
 * The journal's state without a page (the view is journal.js): locked or open, the key while
 * open (held nowhere else), the open entries, and the rules for finding them. Slow work
 * (deriving the key, sealing) checks when it is done whether the journal was closed meanwhile
 * (epoch): a late result is dropped.
 *
 * An entry, as sealed in "entry:<id>":
 *   {id, when: "2026-11-30T21:15", about: false, where, what, forms: ["physical", ...],
 *    injuries, witnesses, children: "yes" | "no" | "", police: false, caseNumber, medical,
 *    photos: [{id, type, size}], written: ISO time, changed: ISO time}
 */
import * as cipher from "./sealed-bytes.js";
import { JournalPlace, META, context, freshMeta } from "./journal-storage.js";

const decoder = new TextDecoder();

/**
 * @typedef {{id: string, type: string, size: number}} Photo
 * @typedef {{id: string, when: string, about: boolean, where: string, what: string, forms: string[],
 *   injuries: string, witnesses: string, children: string, police: boolean, caseNumber: string,
 *   medical: string, photos: Photo[], written: string, changed: string}} Entry
 * @typedef {{id: string, type: string, bytes: ArrayBuffer, preview: ArrayBuffer}} NewPhoto
 * @typedef {{text?: string, form?: string, from?: string, to?: string}} Filter
 * @typedef {object} JournalState
 * @property {JournalPlace} place
 * @property {cipher.Lock | null} lock the open journal's key
 * @property {Uint8Array | null} salt the salt of the stored journal this tab opened
 * @property {boolean} exists a journal is stored
 * @property {Map<string, Entry>} entries the open entries
 * @property {Map<string, ArrayBuffer>} previews photo id -> preview bytes
 * @property {number} epoch changes whenever the journal closes
 * @typedef {import("./journal-storage.js").CommitResult | "closed"} SaveResult
 */

/** @returns {JournalState} */
export const create = () => ({
  place: new JournalPlace(), lock: null, salt: null, exists: false, entries: new Map(), previews: new Map(), epoch: 0,
});

/** @param {JournalState} state */
export function close(state) {
  state.epoch++;
  state.lock = null;
  state.salt = null;
  state.entries = new Map();
  state.previews = new Map();
}

/** @param {JournalState} state @returns {Promise<boolean>} whether a journal is stored */
export async function read(state) {
  state.exists = Boolean(await state.place.meta());
  return state.exists;
}

/** @param {JournalState} state @param {string} key @param {BufferSource} bytes */
const seal = (state, key, bytes) => cipher.sealBytes(/** @type {cipher.Lock} */ (state.lock), bytes, context(key));

/** @param {cipher.Lock} lock @param {string} key @param {cipher.SealedBytes} sealed */
const open = (lock, key, sealed) => cipher.unsealBytes(lock, sealed, context(key));

/**
 * A new journal, sealed with her passphrase (the plan's, when it has one).
 * @param {JournalState} state @param {string} words @returns {Promise<SaveResult>}
 */
export async function setUp(state, words) {
  const at = state.epoch;
  const lock = await cipher.deriveLock(words);
  const fresh = await freshMeta(lock);
  if (at !== state.epoch) return "closed";
  const result = await state.place.commit(new Map(), [], fresh);
  if (result === "written") Object.assign(state, { lock, salt: lock.salt, exists: true });
  return result;
}

/**
 * Opens the stored journal with her passphrase.
 * @param {JournalState} state @param {string} words
 * @returns {Promise<"opened" | "wrong" | "none" | "closed">}
 */
export async function unlock(state, words) {
  const at = state.epoch;
  const meta = await state.place.meta();
  if (!meta) return "none";
  let lock;
  try {
    lock = await cipher.deriveLock(words, meta.salt, meta.iterations);
    await open(lock, META, meta.check);
  } catch {
    return at === state.epoch ? "wrong" : "closed";
  }
  if (at !== state.epoch) return "closed";
  const loaded = await load(state.place, lock);
  if (at !== state.epoch) return "closed";
  Object.assign(state, { lock, salt: meta.salt, ...loaded });
  return "opened";
}

/** @param {JournalPlace} place @param {cipher.Lock} lock every entry and preview, unsealed */
async function load(place, lock) {
  /** @type {Map<string, Entry>} */
  const entries = new Map();
  /** @type {Map<string, ArrayBuffer>} */
  const previews = new Map();
  for (const [key, sealed] of await place.all("entry:")) {
    const entry = JSON.parse(decoder.decode(await open(lock, key, sealed)));
    entries.set(entry.id, entry);
  }
  for (const [key, sealed] of await place.all("preview:")) previews.set(key.slice(8), await open(lock, key, sealed));
  return { entries, previews };
}

/**
 * Another tab wrote or deleted the journal. An open journal stays open when its key is still
 * the stored one (the other tab added or changed an entry): "reloaded". Otherwise it closes:
 * deleted, replaced or another passphrase.
 * @param {JournalState} state @returns {Promise<"reloaded" | "closed" | "stale">}
 */
export async function follow(state) {
  const at = ++state.epoch;
  const meta = await state.place.meta();
  state.exists = Boolean(meta);
  const lock = state.lock;
  if (lock && meta && state.salt && String(meta.salt) === String(state.salt)) {
    try {
      await open(lock, META, meta.check);
      const loaded = await load(state.place, lock);
      if (at !== state.epoch) return "stale";
      Object.assign(state, loaded);
      return "reloaded";
    } catch {
      // another passphrase: closed below
    }
  }
  if (at !== state.epoch) return "stale";
  close(state);
  return "closed";
}

/**
 * Stores one entry with its new photos, and deletes the photos she removed from it. Nothing
 * is stored when another tab wrote first ("changed") or the disk is full (rejects).
 * @param {JournalState} state @param {Entry} entry @param {NewPhoto[]} added
 * @returns {Promise<SaveResult>}
 */
export async function save(state, entry, added = []) {
  if (!state.lock) return "closed";
  const at = state.epoch;
  const before = state.entries.get(entry.id);
  const kept = new Set(entry.photos.map((photo) => photo.id));
  const gone = (before?.photos || []).filter((photo) => !kept.has(photo.id)).map((photo) => photo.id);
  /** @type {Map<string, cipher.SealedBytes>} */
  const puts = new Map();
  for (const photo of added) {
    puts.set(`photo:${photo.id}`, await seal(state, `photo:${photo.id}`, photo.bytes));
    puts.set(`preview:${photo.id}`, await seal(state, `preview:${photo.id}`, photo.preview));
  }
  const key = `entry:${entry.id}`;
  puts.set(key, await seal(state, key, new TextEncoder().encode(JSON.stringify(entry))));
  if (at !== state.epoch) return "closed";
  const result = await state.place.commit(puts, gone.flatMap((id) => [`photo:${id}`, `preview:${id}`]));
  if (result !== "written" || at !== state.epoch) return result;
  state.entries.set(entry.id, entry);
  for (const photo of added) state.previews.set(photo.id, photo.preview);
  for (const id of gone) state.previews.delete(id);
  return result;
}

/** Deletes one entry and its photos. @param {JournalState} state @param {string} id @returns {Promise<SaveResult>} */
export async function remove(state, id) {
  const entry = state.entries.get(id);
  if (!state.lock || !entry) return "closed";
  const photos = entry.photos.flatMap((photo) => [`photo:${photo.id}`, `preview:${photo.id}`]);
  const result = await state.place.commit(new Map(), [`entry:${id}`, ...photos]);
  if (result === "written") {
    state.entries.delete(id);
    for (const photo of entry.photos) state.previews.delete(photo.id);
  }
  return result;
}

/** @param {JournalState} state @param {string} id @returns {Promise<ArrayBuffer | null>} a photo's bytes as she chose them */
export async function photo(state, id) {
  const lock = state.lock;
  const sealed = lock && (await state.place.get(`photo:${id}`));
  return lock && sealed ? open(lock, `photo:${id}`, sealed) : null;
}

/** @returns {string} a new random id */
export const newId = () => [...crypto.getRandomValues(new Uint8Array(12))].map((b) => b.toString(16).padStart(2, "0")).join("");

/** Words of an entry that a search looks through. @param {Entry} entry */
const words = (entry) => [entry.where, entry.what, entry.injuries, entry.witnesses, entry.caseNumber, entry.medical].join("\n").toLocaleLowerCase();

/**
 * The entries that match, newest first (by when it happened, then by when it was written).
 * @param {Iterable<Entry>} entries @param {Filter} filter @returns {Entry[]}
 */
export function list(entries, { text = "", form = "", from = "", to = "" } = {}) {
  const wanted = text.trim().toLocaleLowerCase();
  return [...entries]
    .filter((entry) => (!wanted || words(entry).includes(wanted))
      && (!form || entry.forms.includes(form))
      && (!from || entry.when.slice(0, 10) >= from)
      && (!to || entry.when.slice(0, 10) <= to))
    .sort((a, b) => b.when.localeCompare(a.when) || b.written.localeCompare(a.written));
}

/** @param {JournalState} state deletes the whole journal at once */
export async function erase(state) {
  close(state);
  await state.place.clear();
  state.exists = false;
}

/** @param {unknown} value @param {string} id @returns {value is Entry} an entry's shape, as far as the page relies on it */
const isEntry = (value, id) => Boolean(value) && typeof value === "object"
  && /** @type {Entry} */ (value).id === id && Array.isArray(/** @type {Entry} */ (value).photos)
  && ["when", "written", "changed"].every((name) => typeof /** @type {Record<string, unknown>} */ (value)[name] === "string");

/**
 * Adds the entries of a file (opened by journal-file.js) to the journal, or replaces it with
 * them: sealed again with this journal's key, in one transaction. Adding keeps the later of
 * two versions of one entry. The records taken are removed from the map as they are sealed.
 * @param {JournalState} state @param {Map<string, ArrayBuffer>} records @param {boolean} replace
 * @returns {Promise<SaveResult>} rejects with TypeError when an entry is not one
 */
export async function take(state, records, replace) {
  if (!state.lock) return "closed";
  const at = state.epoch;
  /** @type {Map<string, Entry>} */
  const taken = new Map();
  for (const [key, bytes] of records) {
    if (!key.startsWith("entry:")) continue;
    const entry = JSON.parse(decoder.decode(bytes));
    if (!isEntry(entry, key.slice(6))) throw new TypeError("not an entry");
    const mine = state.entries.get(entry.id);
    if (replace || !mine || mine.changed < entry.changed) taken.set(entry.id, entry);
  }
  /** @type {Map<string, cipher.SealedBytes>} */
  const puts = new Map();
  for (const entry of taken.values()) {
    const keys = [`entry:${entry.id}`, ...entry.photos.flatMap((photo) => [`photo:${photo.id}`, `preview:${photo.id}`])];
    for (const key of keys) {
      const bytes = records.get(key);
      if (!bytes) continue;
      puts.set(key, await seal(state, key, bytes));
      records.delete(key); // in clear no longer needed: a file of photos is not held twice
    }
  }
  const gone = replace ? [...state.entries.values()].flatMap((entry) => [
    `entry:${entry.id}`, ...entry.photos.flatMap((photo) => [`photo:${photo.id}`, `preview:${photo.id}`]),
  ]).filter((key) => !puts.has(key)) : [];
  if (at !== state.epoch) return "closed";
  const result = await state.place.commit(puts, gone);
  if (result === "written") await follow(state);
  return result;
}
