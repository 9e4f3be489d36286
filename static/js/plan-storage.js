// @ts-check
/**
 * The safety plan's record: one localStorage entry, and the same JSON as an exported file.
 *
 *   {"type": "wegweiser-safety-plan", "version": 1, "plan": Plan}      without a passphrase
 *   {"type": "wegweiser-safety-plan", "version": 1, "sealed": Sealed}  with one (plan-crypto.js)
 *
 * Plan: {"fields": {"people.codeword": "...", ...}, "checked": ["bag.id", ...],
 *        "own": [{"text": "...", "checked": true}, ...]}
 */
import { isSealed } from "./plan-crypto.js";

export const KEY = "wegweiser.plan";
const TYPE = "wegweiser-safety-plan";
const VERSION = 1;
// Authenticated with every sealed plan, so a ciphertext cannot pass for another format.
export const CONTEXT = new TextEncoder().encode(`${TYPE}/${VERSION}`);
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
  if (!value || typeof value !== "object" || value.type !== TYPE) throw new FormatError("foreign");
  if (Number.isInteger(value.version) && value.version > VERSION) throw new FormatError("newer");
  if (value.version !== VERSION) throw new FormatError("damaged");
  if (value.sealed !== undefined) {
    if (!isSealed(value.sealed) || value.plan !== undefined) throw new FormatError("damaged");
    return sealedRecord(value.sealed);
  }
  return plainRecord(checkPlan(value.plan));
}

/**
 * A clean copy of a plan, or FormatError("damaged").
 * @param {any} plan
 * @returns {Plan}
 */
export function checkPlan(plan) {
  const ok = plan && typeof plan === "object"
    && plan.fields && typeof plan.fields === "object" && !Array.isArray(plan.fields)
    && Object.values(plan.fields).every((v) => typeof v === "string")
    && Array.isArray(plan.checked) && plan.checked.every((/** @type {any} */ v) => typeof v === "string")
    && Array.isArray(plan.own)
    && plan.own.every((/** @type {any} */ o) => o && typeof o.text === "string" && typeof o.checked === "boolean");
  if (!ok) throw new FormatError("damaged");
  return {
    fields: { ...plan.fields },
    checked: [...plan.checked],
    own: plan.own.map((/** @type {any} */ o) => ({ text: o.text, checked: o.checked })),
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

/** @returns {PlanRecord | null} the stored record; throws FormatError when it is unreadable */
export function read() {
  const text = localStorage.getItem(KEY);
  return text === null ? null : parse(text);
}

/** @param {PlanRecord} record replaces the stored record in one step */
export function write(record) {
  localStorage.setItem(KEY, JSON.stringify(record));
}

/** Removes every entry of the plan from this browser. */
export function remove() {
  for (const key of Object.keys(localStorage)) {
    if (key.startsWith(KEY)) localStorage.removeItem(key);
  }
}
