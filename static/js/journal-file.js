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

/** @param {cipher.SealedBytes} sealed */
const sealedJSON = (sealed) => ({ iv: cipher.toBase64(sealed.iv), data: cipher.toBase64(new Uint8Array(sealed.data)) });

/** @param {unknown} value @returns {cipher.SealedBytes} */
function sealedFrom(value) {
  const { iv, data } = /** @type {Record<string, unknown>} */ (value || {});
  const sealed = { iv: cipher.fromBase64(iv), data: cipher.fromBase64(data)?.buffer };
  if (!cipher.isSealedBytes(sealed)) throw new FileError("damaged");
  return sealed;
}

/**
 * The journal as a file, sealed as it is stored.
 * @param {import("./journal-storage.js").JournalPlace} place @returns {Promise<Blob>}
 */
export async function exportFile(place) {
  const meta = await place.meta();
  if (!meta) throw new FileError("damaged");
  const { kdf, iterations, salt, check } = meta;
  const lines = [JSON.stringify({ type: TYPE, version: VERSION, kdf, iterations, salt: cipher.toBase64(salt), check: sealedJSON(check) })];
  for (const prefix of ["entry:", "photo:", "preview:"]) {
    for (const [key, sealed] of await place.all(prefix)) lines.push(JSON.stringify({ key, ...sealedJSON(sealed) }));
  }
  return new Blob(lines.map((line) => `${line}\n`), { type: "application/octet-stream" });
}

/** @param {Blob} file @returns {AsyncGenerator<string>} its lines, read a part at a time */
async function* lines(file) {
  const reader = file.stream().pipeThrough(new TextDecoderStream()).getReader();
  let rest = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    const parts = (rest + value).split("\n");
    rest = parts.pop() || "";
    yield* parts;
  }
  if (rest) yield rest;
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
  const salt = cipher.fromBase64(header.salt);
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
