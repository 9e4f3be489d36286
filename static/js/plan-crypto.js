// @ts-check
/**
 * Encryption of the safety plan with the browser's WebCrypto: AES-GCM with a 256-bit key that
 * PBKDF2-SHA-256 derives from her passphrase and a random salt; a fresh IV for every sealing.
 * Keys are never extractable; only the sealed form is ever stored.
 */

export const ITERATIONS = 600000;
// A file may ask for more work, within reason (a larger number only costs time).
const MAX_ITERATIONS = 10000000;
const SALT_BYTES = 16;
export const IV_BYTES = 12;
export const TAG_BYTES = 16;
const KDF = "PBKDF2-SHA-256";
const CIPHER = "AES-GCM-256";

/**
 * @typedef {{kdf: string, iterations: number, salt: string, cipher: string, iv: string, data: string}} Sealed
 * @typedef {Uint8Array<ArrayBuffer>} Bytes
 * @typedef {{key: CryptoKey, salt: Bytes, iterations: number}} Lock
 */

/** @returns {boolean} whether this browser can encrypt (it needs a secure context) */
export function available() {
  return Boolean(globalThis.crypto && crypto.subtle);
}

/**
 * @param {Uint8Array} bytes
 * @returns {string}
 */
function toBase64(bytes) {
  let text = "";
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text);
}

/**
 * @param {unknown} text
 * @returns {Bytes | null} null when it is not base64
 */
function fromBase64(text) {
  if (typeof text !== "string" || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return null;
  try {
    return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

/**
 * Derives the key for a passphrase: slow on purpose (PBKDF2, 600,000 rounds by default).
 * @param {string} passphrase
 * @param {Bytes} [salt] a new random salt when missing
 * @param {number} [iterations]
 * @returns {Promise<Lock>}
 */
export async function deriveLock(passphrase, salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES)), iterations = ITERATIONS) {
  const material = await crypto.subtle.importKey(
    "raw", new TextEncoder().encode(passphrase.normalize("NFC")), "PBKDF2", false, ["deriveKey"],
  );
  const key = await crypto.subtle.deriveKey(
    { name: "PBKDF2", hash: "SHA-256", salt, iterations },
    material,
    { name: "AES-GCM", length: 256 },
    false,
    ["encrypt", "decrypt"],
  );
  return { key, salt, iterations };
}

/**
 * The lock a sealed text was made with, from her passphrase (its salt and iterations).
 * @param {string} passphrase
 * @param {Sealed} sealed
 * @returns {Promise<Lock>}
 */
export function lockFor(passphrase, sealed) {
  return deriveLock(passphrase, /** @type {Bytes} */ (fromBase64(sealed.salt)), sealed.iterations);
}

/**
 * @param {Lock} lock
 * @param {string} text
 * @param {BufferSource} context bound to the ciphertext (authenticated, not encrypted)
 * @returns {Promise<Sealed>}
 */
export async function seal(lock, text, context) {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const data = await crypto.subtle.encrypt(
    { name: "AES-GCM", iv, additionalData: context }, lock.key, new TextEncoder().encode(text),
  );
  return {
    kdf: KDF, iterations: lock.iterations, salt: toBase64(lock.salt),
    cipher: CIPHER, iv: toBase64(iv), data: toBase64(new Uint8Array(data)),
  };
}

/**
 * @param {Lock} lock
 * @param {Sealed} sealed
 * @param {BufferSource} context
 * @returns {Promise<string>} rejects when the passphrase is wrong or the data was changed
 */
export async function unseal(lock, sealed, context) {
  const plain = await crypto.subtle.decrypt(
    { name: "AES-GCM", iv: /** @type {Bytes} */ (fromBase64(sealed.iv)), additionalData: context },
    lock.key,
    /** @type {Bytes} */ (fromBase64(sealed.data)),
  );
  return new TextDecoder().decode(plain);
}

/**
 * @param {unknown} value
 * @returns {value is Sealed} whether it has the shape seal() makes
 */
export function isSealed(value) {
  if (!value || typeof value !== "object") return false;
  const fields = /** @type {Record<string, unknown>} an object, as checked above */ (value);
  if (fields.kdf !== KDF || fields.cipher !== CIPHER) return false;
  const { iterations } = fields;
  if (typeof iterations !== "number" || !Number.isInteger(iterations)
      || iterations < ITERATIONS || iterations > MAX_ITERATIONS) return false;
  const data = fromBase64(fields.data);
  return fromBase64(fields.salt)?.length === SALT_BYTES && fromBase64(fields.iv)?.length === IV_BYTES
    && data !== null && data.length >= TAG_BYTES;
}

export { fromBase64, toBase64 };
