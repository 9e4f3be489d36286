// @ts-check
/**
 * The lock's code: 4 to 12 digits, kept only as a salted PBKDF2-SHA-256 hash (WebCrypto). A
 * tool hands over what she entered the way it takes input; when it is the code, this tab is
 * open and goes where the lock leads. Anything else does nothing here: the tool carries on as
 * it always does, with no sign that anything was checked.
 */
import { lockTab, openTab, readLock } from "./tool-store.js";

export const ITERATIONS = 600000;
const SALT_BYTES = 16;
const CODE = /^[0-9]{4,12}$/;
// Arabic-Indic and Persian digits, as phones in those languages type them.
const DIGITS = /[\u0660-\u0669\u06f0-\u06f9]/g;

/** @param {string} text @returns {string} the text with every digit as 0-9 */
export function asciiDigits(text) {
  return text.replace(DIGITS, (digit) => String(digit.charCodeAt(0) & 0xf));
}

/** @param {string} text @returns {string} the code in it (digits only, 4 to 12 of them), or "" */
export function asCode(text) {
  const digits = asciiDigits(text.trim());
  return CODE.test(digits) ? digits : "";
}

/** @param {Uint8Array} bytes */
const hex = (bytes) => Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");

/** @param {string} text @returns {Uint8Array<ArrayBuffer>} */
const fromHex = (text) => Uint8Array.from(text.match(/../g) || [], (pair) => parseInt(pair, 16));

/**
 * @param {string} code
 * @param {string} salt hex
 * @param {number} iterations
 * @returns {Promise<string>} the hash, hex
 */
async function hashOf(code, salt, iterations) {
  const material = await crypto.subtle.importKey("raw", new TextEncoder().encode(code), "PBKDF2", false, ["deriveBits"]);
  const bits = await crypto.subtle.deriveBits({ name: "PBKDF2", hash: "SHA-256", salt: fromHex(salt), iterations }, material, 256);
  return hex(new Uint8Array(bits));
}

/**
 * The stored form of a new code: a fresh salt and the hash.
 * @param {string} code as asCode gives it
 * @param {number} [iterations]
 * @returns {Promise<{salt: string, hash: string, iterations: number}>}
 */
export async function lockFor(code, iterations = ITERATIONS) {
  if (!CODE.test(code)) throw new Error("not a code");
  const salt = hex(crypto.getRandomValues(new Uint8Array(SALT_BYTES)));
  return { salt, hash: await hashOf(code, salt, iterations), iterations };
}

/**
 * @param {{salt: string, hash: string, iterations: number}} lock
 * @param {string} text what she entered
 * @returns {Promise<boolean>} whether it is the code
 */
export async function isCode(lock, text) {
  const code = asCode(text);
  if (!code || !globalThis.crypto?.subtle) return false;
  try {
    return (await hashOf(code, lock.salt, lock.iterations)) === lock.hash;
  } catch {
    return false;
  }
}

/**
 * Whether what she entered opens the lock; nothing happens yet.
 * @param {string} text
 * @returns {Promise<boolean>}
 */
export async function opens(text) {
  const lock = readLock();
  return Boolean(lock) && asCode(text) !== "" && isCode(/** @type {NonNullable<typeof lock>} */ (lock), text);
}

/** Opens this tab and goes where the lock leads (replacing this entry, as every page does). */
export function enter() {
  const lock = readLock();
  if (!lock) return;
  openTab();
  location.replace(lock.home);
}

/**
 * Opens when what she entered is the code.
 * @param {string} text
 * @returns {Promise<boolean>} whether it opened
 */
export async function tryCode(text) {
  if (!(await opens(text))) return false;
  enter();
  return true;
}

/** A tool is the locked place: opening one asks for the code again. */
export function lockHere() {
  lockTab();
}
