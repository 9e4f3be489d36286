// @ts-check
/**
 * Numbers as the page's language writes them. The server gives the tool's element its
 * language's digits, decimal sign and group sign (CLDR) as data-digits, data-decimal and
 * data-group; the whole part is grouped in threes from four digits on.
 * Inside, a number is plain text in ASCII: "-1234.5", "0.", "12.50".
 */
import { asciiDigits } from "./tool-lock.js";

/** @typedef {{digits: string, decimal: string, group: string}} NumberSigns */

/** @type {NumberSigns} */
export const PLAIN = Object.freeze({ digits: "0123456789", decimal: ".", group: "," });

/** @param {HTMLElement} element @returns {NumberSigns} */
export function signsOf(element) {
  const { digits = "", decimal = "", group = "" } = element.dataset;
  return {
    digits: [...digits].length === 10 ? digits : PLAIN.digits,
    decimal: decimal || PLAIN.decimal,
    group: group || PLAIN.group,
  };
}

/**
 * @param {string} plain "-1234.5", or an entry being typed ("12.", "0.50")
 * @param {NumberSigns} signs
 * @returns {string} as the language writes it, with a real minus sign: "−1.234,5"
 */
export function format(plain, signs) {
  const negative = plain.startsWith("-");
  const [whole = "0", fraction] = plain.slice(negative ? 1 : 0).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, "_");
  const text = grouped.replace(/_/g, signs.group) + (fraction === undefined ? "" : signs.decimal + fraction);
  const glyphs = [...signs.digits];
  return (negative ? "\u2212" : "") + text.replace(/[0-9]/g, (digit) => glyphs[Number(digit)] || digit);
}

/**
 * A number she typed, as the language writes it or with 0-9; a group sign counts only before
 * three digits, and a lone "." or "," is the decimal sign ("1.5" is 1.5 in German too).
 * @param {string} text
 * @param {NumberSigns} signs
 * @returns {string | null} plain, or null when it is not a number
 */
export function parse(text, signs) {
  const glyphs = [...signs.digits];
  let value = [...asciiDigits(text).replace(/[\s\u00a0\u202f]/g, "").replace(/^\u2212/, "-")]
    .map((char) => (glyphs.includes(char) ? String(glyphs.indexOf(char)) : char)).join("");
  if (signs.group.trim()) {
    value = value.split(signs.group).map((part, index) => (index && /^\d{3}(\D|$)/.test(part) ? part : (index ? signs.group : "") + part)).join("");
  }
  value = value.split(signs.decimal).join(".").replace("\u066b", ".");
  if (/^-?\d*[.,]\d*$/.test(value)) value = value.replace(",", ".");
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(value)) return null;
  return value.replace(/^(-?)\./, "$10.");
}

/**
 * A number the tool worked out (a binary float), rounded to 7 significant digits, as plain text.
 * @param {number} value
 * @returns {string | null} null when it is not finite
 */
export function plainOf(value) {
  if (!Number.isFinite(value)) return null;
  const text = value.toLocaleString("en-US", { useGrouping: false, maximumSignificantDigits: 7 });
  return text === "-0" ? "0" : text;
}
