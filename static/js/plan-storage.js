// @ts-check
/**
 * The safety plan's record: one localStorage entry, and the same JSON as an exported file. The
 * plan reads and writes this browser's storage only through this module, and this module only
 * through a DeviceRecord (device-record.js): another tab's change is never overwritten, and a
 * sealed plan is never replaced with clear text unless she removed the passphrase.
 *
 *   {"type": "wegweiser-notes", "version": 1, "plan": Plan}      without a passphrase
 *   {"type": "wegweiser-notes", "version": 1, "sealed": Sealed}  with one (plan-crypto.js)
 *
 * The type is as neutral as the file's name: someone may open the file. Records and files made
 * before have the type "wegweiser-safety-plan" and are read as well.
 *
 * Plan: {"fields": {"people.codeword": "...", ...}, "checked": ["bag.id", ...],
 *        "own": [{"text": "...", "checked": true}, ...]}
 */
import { isSealed } from "./plan-crypto.js";
import { DeviceRecord } from "./device-record.js";
import { PLAN_CONTEXT, STORAGE } from "./names.js";

const KEY = STORAGE.plan;
const TYPE = "wegweiser-notes";
const TYPES = [TYPE, "wegweiser-safety-plan"];
const VERSION = 1;
// Authenticated with every sealed plan, so a ciphertext cannot pass for another format. It keeps
// the first type's name, never written anywhere, so that plans sealed before still open.
export const CONTEXT = new TextEncoder().encode(PLAN_CONTEXT);
export const MAX_FILE = 2000000;

/**
 * @typedef {{fields: Record<string, string>, checked: string[], own: {text: string, checked: boolean}[]}} Plan
 * @typedef {{type: string, version: number, plan?: Plan, sealed?: import("./plan-crypto.js").Sealed}} PlanRecord
 */

/** Why a text is not a plan: "foreign" (another kind of file), "newer" or "damaged". */
export class FormatError extends Error {
  /** @param {"foreign" | "newer" | "damaged"} reason */
  constructor(reason) {
    super(reason);
    this.reason = reason;
  }
}

/**
 * @param {Plan} plan
 * @returns {PlanRecord}
 */
export function plainRecord(plan) {
  return { type: TYPE, version: VERSION, plan };
}

/**
 * @param {import("./plan-crypto.js").Sealed} sealed
 * @returns {PlanRecord}
 */
export function sealedRecord(sealed) {
  return { type: TYPE, version: VERSION, sealed };
}

/** @param {unknown} value @returns {value is Record<string, unknown>} a JSON object, not an array */
const isObject = (value) => Boolean(value) && typeof value === "object" && !Array.isArray(value);

/**
 * Reads a record (stored or from a file) and checks every part of it.
 * @param {string} text
 * @returns {PlanRecord}
 */
export function parse(text) {
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    throw new FormatError("damaged");
  }
  if (!isObject(value) || !TYPES.includes(String(value.type))) throw new FormatError("foreign");
  const { version } = value;
  if (typeof version === "number" && Number.isInteger(version) && version > VERSION) throw new FormatError("newer");
  if (version !== VERSION) throw new FormatError("damaged");
  if (value.sealed !== undefined) {
    if (!isSealed(value.sealed) || value.plan !== undefined) throw new FormatError("damaged");
    return sealedRecord(value.sealed);
  }
  return plainRecord(checkPlan(value.plan));
}

/** @param {unknown} value @returns {value is string} */
const isText = (value) => typeof value === "string";

/** @param {unknown} item @returns {item is {text: string, checked: boolean}} */
const isOwnItem = (item) => isObject(item) && typeof item.text === "string" && typeof item.checked === "boolean";

/**
 * A clean copy of a plan, or FormatError("damaged").
 * @param {unknown} plan
 * @returns {Plan}
 */
export function checkPlan(plan) {
  if (!isObject(plan)) throw new FormatError("damaged");
  const { fields, checked, own } = plan;
  const ok = isObject(fields) && Object.values(fields).every(isText)
    && Array.isArray(checked) && checked.every(isText)
    && Array.isArray(own) && own.every(isOwnItem);
  if (!ok) throw new FormatError("damaged");
  return {
    fields: /** @type {Record<string, string>} checked above */ ({ ...fields }),
    checked: [...checked],
    own: own.map((item) => ({ text: item.text, checked: item.checked })),
  };
}

/** @returns {boolean} whether this browser lets the page store anything */
export function available() {
  try {
    localStorage.setItem(`${KEY}.probe`, "1");
    localStorage.removeItem(`${KEY}.probe`);
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether a stored text is sealed, by its shape alone: a damaged seal still counts as sealed,
 * so clear text never replaces it by mistake.
 * @param {string} text
 */
function sealedText(text) {
  try {
    const value = JSON.parse(text);
    return isObject(value) && value.sealed !== undefined;
  } catch {
    return false;
  }
}

/** @returns {DeviceRecord} the stored plan as one tab sees it; each tab opens its own */
export const open = () => new DeviceRecord(KEY, sealedText);

/** @param {DeviceRecord} place @returns {boolean} whether a plan is stored (readable or not) */
export const stored = (place) => place.stored();

/**
 * @param {DeviceRecord} place
 * @returns {PlanRecord | null} the stored record; throws FormatError when it is unreadable
 */
export function read(place) {
  const text = place.read();
  return text === null ? null : parse(text);
}

/**
 * Replaces the stored record in one step, unless another tab changed it since this one read it.
 * @param {DeviceRecord} place @param {PlanRecord} record @param {import("./device-record.js").WriteOptions} [options]
 */
export const write = (place, record, options) => place.write(JSON.stringify(record), options);

/** Removes every entry of the plan from this browser. @param {DeviceRecord} place */
export function remove(place) {
  place.remove();
  for (const key of Object.keys(localStorage)) {
    if (key.startsWith(KEY)) localStorage.removeItem(key);
  }
}
