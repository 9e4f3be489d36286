// @ts-check
/**
 * Sealing for bytes the device keeps in IndexedDB (the journal's entries and photos): the same
 * AES-GCM-256 lock as plan-crypto.js, binary as it is, a fresh IV for every record. The salt and
 * iterations are kept once, beside the records. Only the journal loads this; the plan does not.
 */
import { IV_BYTES, TAG_BYTES } from "./plan-crypto.js";

export * from "./plan-crypto.js";

/** @typedef {Uint8Array<ArrayBuffer>} Bytes */
/** @typedef {{iv: Bytes, data: ArrayBuffer}} SealedBytes */

/**
 * Seals bytes (a photo, an entry's text) with a fresh IV.
 * @param {import("./plan-crypto.js").Lock} lock @param {BufferSource} bytes @param {BufferSource} context
 * @returns {Promise<SealedBytes>}
 */
export async function sealBytes(lock, bytes, context) {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const data = await crypto.subtle.encrypt({ name: "AES-GCM", iv, additionalData: context }, lock.key, bytes);
  return { iv, data };
}

/**
 * @param {import("./plan-crypto.js").Lock} lock @param {SealedBytes} sealed @param {BufferSource} context
 * @returns {Promise<ArrayBuffer>} rejects when the passphrase is wrong or the data was changed
 */
export function unsealBytes(lock, sealed, context) {
  return crypto.subtle.decrypt({ name: "AES-GCM", iv: sealed.iv, additionalData: context }, lock.key, sealed.data);
}

/** @param {unknown} value @returns {value is SealedBytes} whether it has the shape sealBytes() makes */
export function isSealedBytes(value) {
  if (!value || typeof value !== "object") return false;
  const { iv, data } = /** @type {Record<string, unknown>} */ (value);
  return iv instanceof Uint8Array && iv.length === IV_BYTES && data instanceof ArrayBuffer && data.byteLength >= TAG_BYTES;
}
