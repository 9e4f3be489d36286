// @ts-check
/**
 * The rules of the one passphrase that protects what she keeps in the app (the plan, the
 * journal): how long it must be, and when what it opened locks again by itself.
 */

/** Locks when the page was hidden this long, or had no input this long. */
export const HIDDEN_LIMIT = 60 * 1000;
export const IDLE_LIMIT = 10 * 60 * 1000;

/** @param {string} first @param {string} second @param {number} shortest @returns {"tooShort" | "mismatch" | null} */
export function passphraseProblem(first, second, shortest) {
  if ([...first].length < shortest) return "tooShort";
  return first === second ? null : "mismatch";
}
