// @ts-check
/**
 * The journal as a file, in the family of the plan's: JSON lines, the first one the header
 *   {"type": "wegweiser-journal", "version": 1, "kdf", "iterations", "salt", "check"}
 * and then one sealed record a line, {"key", "iv", "data"} (base64), as they are stored: the
 * file is sealed with the journal's passphrase, and nothing in it is ever in clear. Reading
 * one checks every record with the file's key before anything on the device changes.
 */
import * as cipher from "./sealed-bytes.js";
import { META, context } from "./journal-storage.js";

const TYPE = "wegweiser-journal";
const VERSION = 1;
const KEY = /^(entry|photo|preview):[0-9a-f]{24}$/;

/** Why a file is refused: "foreign" (another kind of file), "newer", "damaged" or "wrong". */
export class FileError extends Error {}

/**
 * Base64 of a record, quick for a 3 MB photo: the browser's own when it has one, otherwise a
 * slice at a time (one character a byte would take seconds for a file of photos).
 * @param {Uint8Array} bytes @returns {string}
 */
function base64(bytes) {
  const own = /** @type {{toBase64?: () => string}} */ (/** @type {unknown} */ (bytes)).toBase64;
  if (own) return own.call(bytes);
  const parts = [];
  for (let at = 0; at < bytes.length; at += 0x8000) parts.push(String.fromCharCode(...bytes.subarray(at, at + 0x8000)));
  return btoa(parts.join(""));
}

/** @param {unknown} text @returns {cipher.Bytes | null} the bytes, null when it is not base64 */
function unbase64(text) {
  if (typeof text !== "string" || text.length % 4 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return null;
  const own = /** @type {{fromBase64?: (text: string) => cipher.Bytes}} */ (/** @type {unknown} */ (Uint8Array)).fromBase64;
  try {
    if (own) return own.call(Uint8Array, text);
    const chars = atob(text);
    const bytes = new Uint8Array(chars.length);
    for (let i = 0; i < chars.length; i++) bytes[i] = chars.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}

/** @param {cipher.SealedBytes} sealed */
const sealedJSON = (sealed) => ({ iv: base64(sealed.iv), data: base64(new Uint8Array(sealed.data)) });

/** @param {unknown} value @returns {cipher.SealedBytes} */
function sealedFrom(value) {
  const { iv, data } = /** @type {Record<string, unknown>} */ (value || {});
  const sealed = { iv: unbase64(iv), data: unbase64(data)?.buffer };
  if (!cipher.isSealedBytes(sealed)) throw new FileError("damaged");
  return sealed;
}

/**
 * The journal as a file, sealed as it is stored: read and written into the file one record at
 * a time, so that a journal of many photos is never whole in the page's memory.
 * @param {import("./journal-storage.js").JournalPlace} place @returns {Promise<Blob>}
 */
export async function exportFile(place) {
  const meta = await place.meta();
  if (!meta) throw new FileError("damaged");
  const { kdf, iterations, salt, check } = meta;
  const header = { type: TYPE, version: VERSION, kdf, iterations, salt: base64(salt), check: sealedJSON(check) };
  /** @type {Blob[]} */
  const parts = [new Blob([JSON.stringify(header), "\n"])];
  for (const prefix of ["entry:", "photo:", "preview:"]) {
    for (const key of await place.keys(prefix)) {
      const sealed = await place.get(key);
      if (sealed) parts.push(new Blob([JSON.stringify({ key, ...sealedJSON(sealed) }), "\n"]));
    }
  }
  return new Blob(parts, { type: "application/octet-stream" });
}

/** @param {Blob} file @returns {AsyncGenerator<string>} its lines, read a part at a time */
async function* lines(file) {
  const reader = file.stream().pipeThrough(new TextDecoderStream()).getReader();
  /** @type {string[]} the start of a line that goes on in the next part */
  let rest = [];
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    let from = 0;
    for (let end = value.indexOf("\n"); end !== -1; end = value.indexOf("\n", from)) {
      rest.push(value.slice(from, end));
      yield rest.join("");
      rest = [];
      from = end + 1;
    }
    if (from < value.length) rest.push(value.slice(from));
  }
  if (rest.length) yield rest.join("");
}

/** @param {string} line */
function parsed(line) {
  try {
    return JSON.parse(line);
  } catch {
    throw new FileError("damaged");
  }
}

/**
 * Reads a journal file with the passphrase asked for (words) or a key the journal has (lock,
 * used when the file has the same salt). Throws FileError; resolves with every record opened.
 * @param {Blob} file @param {(salt: cipher.Bytes, iterations: number) => Promise<cipher.Lock>} keyFor
 * @returns {Promise<Map<string, ArrayBuffer>>} key -> bytes, in clear, in memory only
 */
export async function readFile(file, keyFor) {
  const source = lines(file);
  const first = await source.next();
  const header = first.done ? null : parsed(first.value);
  if (!header || header.type !== TYPE) throw new FileError("foreign");
  if (Number.isInteger(header.version) && header.version > VERSION) throw new FileError("newer");
  const salt = unbase64(header.salt);
  if (header.version !== VERSION || header.kdf !== "PBKDF2-SHA-256" || !salt || !Number.isInteger(header.iterations)
      || header.iterations < cipher.ITERATIONS) throw new FileError("damaged");
  const check = sealedFrom(header.check);
  const lock = await keyFor(salt, header.iterations);
  try {
    await cipher.unsealBytes(lock, check, context(META));
  } catch {
    throw new FileError("wrong");
  }
  /** @type {Map<string, ArrayBuffer>} */
  const records = new Map();
  for await (const line of source) {
    if (!line) continue;
    const record = parsed(line);
    if (typeof record.key !== "string" || !KEY.test(record.key) || records.has(record.key)) throw new FileError("damaged");
    try {
      records.set(record.key, await cipher.unsealBytes(lock, sealedFrom(record), context(record.key)));
    } catch {
      throw new FileError("damaged");
    }
  }
  return records;
}
