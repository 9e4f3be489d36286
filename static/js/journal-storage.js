// @ts-check
/**
 * The journal's records on this device: one IndexedDB object store (JOURNAL.store in DATABASE,
 * names.js), read and written only through this module. Every value in it is sealed
 * (plan-crypto.js) except the meta record's salt and revision; a write that carries anything
 * else is refused. Each record is sealed with its own key name as authenticated context, so a
 * sealed record cannot pass for another.
 *
 *   "meta"          {revision, kdf, iterations, salt, check}   check: a known text, sealed
 *   "entry:<id>"    SealedBytes of the entry's JSON (journal-model.js)
 *   "photo:<id>"    SealedBytes of the photo as it was chosen
 *   "preview:<id>"  SealedBytes of its small preview
 *
 * Two tabs follow device-record.js's rules for IndexedDB: a write runs under exclusive(), in one
 * readwrite transaction that first checks the stored revision is the one this tab knows
 * ("changed" otherwise, nothing written), and announces itself after. A transaction is all or
 * nothing, so a full disk (QuotaExceededError) leaves every earlier record as it was.
 */
import { isSealedBytes, sealBytes } from "./sealed-bytes.js";
import { announce, exclusive, listen } from "./device-record.js";
import { DATABASE, JOURNAL } from "./names.js";

const VERSION = 1;
const KDF = "PBKDF2-SHA-256";
export const META = "meta";
const encoder = new TextEncoder();

/**
 * @typedef {import("./sealed-bytes.js").SealedBytes} SealedBytes
 * @typedef {{revision: number, kdf: string, iterations: number, salt: Uint8Array<ArrayBuffer>, check: SealedBytes}} Meta
 * @typedef {"written" | "changed"} CommitResult
 */

/** @param {string} key @returns {Uint8Array<ArrayBuffer>} the context a record is sealed with */
export const context = (key) => encoder.encode(`wegweiser-journal/${VERSION}/${key}`);

/** @param {unknown} value @returns {value is Meta} */
export function isMeta(value) {
  if (!value || typeof value !== "object") return false;
  const meta = /** @type {Record<string, unknown>} */ (value);
  return Number.isInteger(meta.revision) && meta.kdf === KDF && Number.isInteger(meta.iterations)
    && meta.salt instanceof Uint8Array && isSealedBytes(meta.check);
}

/**
 * The meta record of a journal sealed with this key: its salt, and a known text sealed with it.
 * @param {import("./sealed-bytes.js").Lock} lock @returns {Promise<Omit<Meta, "revision">>}
 */
export async function freshMeta(lock) {
  return { kdf: KDF, iterations: lock.iterations, salt: lock.salt, check: await sealBytes(lock, encoder.encode("wegweiser-journal"), context(META)) };
}

/** @template T @param {IDBRequest<T>} request @returns {Promise<T>} */
const done = (request) => new Promise((resolve, reject) => {
  request.onsuccess = () => resolve(request.result);
  request.onerror = () => reject(request.error);
});

/** The journal's store as one tab sees it: its connection and the revision it knows. */
export class JournalPlace {
  constructor() {
    /** @type {Promise<IDBDatabase | null> | null} */
    this.connection = null;
    /** The revision this tab read or wrote last; null: nothing stored. @type {number | null} */
    this.known = null;
  }

  /**
   * The open database. Only a write makes it: reading when nothing is stored (a visit, news
   * from another tab, just after "delete everything") leaves no database behind.
   * @param {boolean} [create] @returns {Promise<IDBDatabase | null>} null: none, and not made
   */
  db(create = false) {
    if (!this.connection) {
      const request = indexedDB.open(DATABASE, VERSION);
      let absent = false;
      request.onupgradeneeded = (event) => {
        if (create || event.oldVersion > 0) {
          request.result.createObjectStore(JOURNAL.store);
          return;
        }
        absent = true;
        request.transaction?.abort();
      };
      /** @type {Promise<IDBDatabase | null>} */
      const pending = new Promise((resolve, reject) => {
        request.onsuccess = () => {
          // "Delete everything" or a newer page version: let it go at once.
          request.result.onversionchange = () => this.close();
          resolve(request.result);
        };
        request.onerror = (event) => {
          if (!absent) return reject(request.error);
          event.preventDefault();
          resolve(null);
        };
      });
      /** @param {IDBDatabase | null} [db] */
      const settled = (db) => { if (!db && this.connection === pending) this.connection = null; };
      pending.then(settled, () => settled());
      this.connection = pending;
    }
    return this.connection.then((db) => (db || !create ? db : this.db(true)));
  }

  close() {
    this.connection?.then((db) => db?.close()).catch(() => {});
    this.connection = null;
  }

  /** @param {IDBTransactionMode} [mode] @param {boolean} [create] @returns {Promise<IDBObjectStore | null>} null: nothing stored */
  async store(mode = "readonly", create = false) {
    const db = await this.db(create);
    return db && db.transaction(JOURNAL.store, mode, { durability: "strict" }).objectStore(JOURNAL.store);
  }

  /** @returns {Promise<Meta | null>} the stored meta record, which this tab then knows */
  async meta() {
    const store = await this.store();
    const found = store && (await done(store.get(META)));
    this.known = isMeta(found) ? found.revision : null;
    return isMeta(found) ? found : null;
  }

  /** @param {string} key @returns {Promise<SealedBytes | null>} */
  async get(key) {
    const store = await this.store();
    const found = store && (await done(store.get(key)));
    return isSealedBytes(found) ? found : null;
  }

  /** @param {string} prefix @returns {Promise<[string, SealedBytes][]>} every sealed record whose key starts so */
  async all(prefix) {
    const store = await this.store();
    if (!store) return [];
    const range = IDBKeyRange.bound(prefix, `${prefix}\uffff`);
    const [keys, values] = await Promise.all([done(store.getAllKeys(range)), done(store.getAll(range))]);
    return keys.map((key, i) => [String(key), values[i]]).filter(
      /** @returns {pair is [string, SealedBytes]} */ (pair) => isSealedBytes(pair[1]),
    );
  }

  /** @param {string} prefix @returns {Promise<string[]>} the keys of the records whose key starts so */
  async keys(prefix) {
    const store = await this.store();
    return store ? (await done(store.getAllKeys(IDBKeyRange.bound(prefix, `${prefix}\uffff`)))).map(String) : [];
  }

  /** @returns {Promise<number>} how many bytes the journal keeps (sealed) */
  async size() {
    const store = await this.store();
    const values = store ? await done(store.getAll()) : [];
    return values.reduce((sum, value) => sum + (isSealedBytes(value) ? value.data.byteLength + 12 : 0), 0);
  }

  /**
   * Writes sealed records and deletes others in one transaction, unless another tab wrote
   * since this one read ("changed"). Rejects with the browser's error (QuotaExceededError)
   * when it cannot store; nothing is written then.
   * @param {Map<string, SealedBytes>} puts @param {string[]} deletes
   * @param {Omit<Meta, "revision">} [fresh] the meta record of a new or replaced journal
   * @returns {Promise<CommitResult>}
   */
  commit(puts, deletes, fresh) {
    for (const value of puts.values()) if (!isSealedBytes(value)) return Promise.reject(new TypeError("not sealed"));
    return exclusive(JOURNAL.record, async () => {
      const store = /** @type {IDBObjectStore} */ (await this.store("readwrite", true));
      const tx = store.transaction;
      /** @type {unknown} a write the browser refused at once (too large, full) */
      let refused = null;
      const result = new Promise((resolve, reject) => {
        tx.oncomplete = () => resolve("written");
        tx.onabort = () => (refused || tx.error ? reject(refused || tx.error) : resolve("changed"));
      });
      const read = store.get(META);
      read.onsuccess = () => {
        const current = isMeta(read.result) ? read.result : null;
        if ((current?.revision ?? null) !== this.known) return tx.abort();
        const base = fresh || current;
        if (!base) return tx.abort();
        const revision = (current?.revision || 0) + 1;
        try {
          for (const key of deletes) store.delete(key);
          for (const [key, value] of puts) store.put(value, key);
          store.put({ ...base, revision }, META);
        } catch (problem) {
          refused = problem;
          return tx.abort();
        }
        tx.addEventListener("complete", () => { this.known = revision; });
      };
      const outcome = await result;
      if (outcome === "written") announce(JOURNAL.record);
      return /** @type {CommitResult} */ (outcome);
    });
  }

  /** Deletes the whole journal at once, whatever another tab stored. */
  async clear() {
    const store = await this.store("readwrite");
    if (store) await done(store.clear());
    this.known = null;
    announce(JOURNAL.record);
  }

  /** @param {() => void} callback when another tab wrote or deleted the journal @returns {() => void} */
  onChange(callback) {
    return listen(JOURNAL.record, callback);
  }
}

/** @returns {Promise<{used: number, kept: boolean} | null>} the site's storage use, and whether the browser keeps it */
export async function persist() {
  const storage = navigator.storage;
  if (!storage?.persist) return null;
  const kept = (await storage.persisted()) || (await storage.persist());
  return { used: (await storage.estimate()).usage || 0, kept };
}
