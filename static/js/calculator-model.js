// @ts-check
/**
 * The calculator without a page: a pocket calculator's state and what each key does to it.
 *
 * Numbers are exact decimals (a BigInt and its number of decimal places), so 0.1 + 0.2 is 0.3.
 * A division keeps 20 places and the display rounds to 10. As on a pocket calculator, an
 * operation is worked out when the next operator or "=" comes: 2 + 3 × 4 = 20, and the
 * display shows 5 when × is pressed. "=" again repeats the last operation.
 *
 * Keys: "0"-"9", ".", "+", "-", "*", "/", "=", "clear", "back", "sign".
 */

/**
 * @typedef {{n: bigint, s: number}} Decimal n / 10^s
 * @typedef {"+" | "-" | "*" | "/"} Operator
 * @typedef {{
 *   entry: string | null, value: Decimal, pending: {value: Decimal, operator: Operator} | null,
 *   repeat: {operator: Operator, operand: Decimal} | null, keys: string, error: boolean
 * }} State
 *   entry: the number being typed, as plain text ("12.", "0.50"); null while a result shows.
 *   keys: the keys pressed for this entry, as pressed ("0042"), so "=" can tell what was typed.
 */

const PLACES = 20;
const SHOWN_PLACES = 10;
const MAX_DIGITS = 15;
const MAX_WHOLE_DIGITS = 20;
const OPERATORS = new Set(["+", "-", "*", "/"]);
/** @type {Decimal} */
const ZERO = { n: 0n, s: 0 };

/** @param {number} places */
const scale = (places) => 10n ** BigInt(places);

/** @param {string} text plain ("-12.50", "3.") @returns {Decimal} */
export function decimal(text) {
  const negative = text.startsWith("-");
  const [whole = "", fraction = ""] = text.replace("-", "").split(".");
  const n = BigInt((whole || "0") + fraction);
  return { n: negative ? -n : n, s: fraction.length };
}

/** Rounds half away from zero to at most `places`. @param {Decimal} d @param {number} places @returns {Decimal} */
function round(d, places) {
  if (d.s <= places) return d;
  const divisor = scale(d.s - places);
  const half = divisor / 2n;
  const magnitude = d.n < 0n ? -d.n : d.n;
  const rounded = (magnitude + half) / divisor;
  return { n: d.n < 0n ? -rounded : rounded, s: places };
}

/** @param {Decimal} d @returns {string} plain, without trailing zeros: "-0.5", "12" */
export function text(d) {
  const negative = d.n < 0n;
  const digits = (negative ? -d.n : d.n).toString().padStart(d.s + 1, "0");
  const whole = digits.slice(0, digits.length - d.s);
  const fraction = digits.slice(digits.length - d.s).replace(/0+$/, "");
  const plain = fraction ? `${whole}.${fraction}` : whole;
  return negative && plain !== "0" ? `-${plain}` : plain;
}

/** @param {Decimal} a @param {Decimal} b @returns {[bigint, bigint, number]} both at the same places */
function aligned(a, b) {
  const s = Math.max(a.s, b.s);
  return [a.n * scale(s - a.s), b.n * scale(s - b.s), s];
}

/**
 * @param {Decimal} a @param {Operator} operator @param {Decimal} b
 * @returns {Decimal | null} null when dividing by zero
 */
export function calculate(a, operator, b) {
  if (operator === "+" || operator === "-") {
    const [x, y, s] = aligned(a, b);
    return { n: operator === "+" ? x + y : x - y, s };
  }
  if (operator === "*") return round({ n: a.n * b.n, s: a.s + b.s }, PLACES);
  if (b.n === 0n) return null;
  // a / b with PLACES + 1 places, then rounded: (a.n / 10^a.s) / (b.n / 10^b.s)
  const extra = PLACES + 1;
  const n = (a.n * scale(extra + b.s)) / (b.n * scale(a.s));
  return round({ n, s: extra }, PLACES);
}

/** @returns {State} */
export function create() {
  return { entry: null, value: ZERO, pending: null, repeat: null, keys: "", error: false };
}

/** @param {State} state @returns {Decimal} the number on the display */
const current = (state) => (state.entry === null ? state.value : decimal(state.entry));

/** @param {Decimal | null} result @returns {boolean} whether it is too large to show */
const tooLarge = (result) => !result || text(round(result, 0)).replace("-", "").length > MAX_WHOLE_DIGITS;

/**
 * @param {State} state @param {Decimal | null} result
 * @param {Partial<State>} [more]
 * @returns {State}
 */
function showing(state, result, more = {}) {
  if (tooLarge(result)) return { ...create(), error: true };
  return { ...state, entry: null, value: /** @type {Decimal} */ (result), keys: "", ...more };
}

/**
 * What a key does.
 * @param {State} state
 * @param {string} key
 * @returns {{state: State, typed: string}} typed: the keys of the number she typed before
 *   "=", when "=" came without an operation waiting ("" otherwise)
 */
export function press(state, key) {
  if (key === "clear") return { state: create(), typed: "" };
  if (state.error && !/^[0-9.]$/.test(key)) return { state, typed: "" };
  const base = state.error ? create() : state;
  if (/^[0-9]$/.test(key)) {
    const entry = base.entry;
    if (entry !== null && entry.replace(/\D/g, "").length >= MAX_DIGITS) return { state: base, typed: "" };
    const next = entry === null || entry === "0" ? key : entry === "-0" ? `-${key}` : entry + key;
    return { state: { ...base, entry: next, keys: (entry === null ? "" : base.keys) + key }, typed: "" };
  }
  if (key === ".") {
    const entry = base.entry === null ? "0" : base.entry;
    const next = entry.includes(".") ? entry : `${entry}.`;
    return { state: { ...base, entry: next, keys: (base.entry === null ? "" : base.keys) + key }, typed: "" };
  }
  if (key === "back") {
    if (base.entry === null) return { state: base, typed: "" };
    const shorter = base.entry.slice(0, -1);
    const entry = shorter === "" || shorter === "-" ? "0" : shorter;
    return { state: { ...base, entry, keys: base.keys.slice(0, -1) }, typed: "" };
  }
  if (key === "sign") {
    if (base.entry === null && base.pending) return { state: { ...base, entry: "-0", keys: "±" }, typed: "" };
    if (base.entry === null) return { state: showing(base, { n: -base.value.n, s: base.value.s }), typed: "" };
    const entry = base.entry.startsWith("-") ? base.entry.slice(1) : `-${base.entry}`;
    return { state: { ...base, entry, keys: `${base.keys}±` }, typed: "" };
  }
  if (OPERATORS.has(key)) {
    const operator = /** @type {Operator} */ (key);
    if (base.pending && base.entry === null) return { state: { ...base, pending: { ...base.pending, operator } }, typed: "" };
    const left = base.pending ? calculate(base.pending.value, base.pending.operator, current(base)) : current(base);
    const next = showing(base, left, { repeat: null });
    return { state: next.error ? next : { ...next, pending: { value: next.value, operator } }, typed: "" };
  }
  if (key === "=") {
    if (base.pending) {
      const operand = current(base);
      const result = calculate(base.pending.value, base.pending.operator, operand);
      return { state: showing(base, result, { pending: null, repeat: { operator: base.pending.operator, operand } }), typed: "" };
    }
    if (base.entry === null && base.repeat) {
      return { state: showing(base, calculate(base.value, base.repeat.operator, base.repeat.operand)), typed: "" };
    }
    const typed = base.entry === null ? "" : base.keys;
    return { state: showing(base, current(base)), typed };
  }
  return { state, typed: "" };
}

/**
 * @param {State} state
 * @returns {{shown: string, pending: {value: string, operator: Operator} | null, error: boolean}}
 *   shown: the display as plain text (an entry as typed, a result rounded to 10 places)
 */
export function view(state) {
  if (state.error) return { shown: "", pending: null, error: true };
  const shown = state.entry === null ? text(round(state.value, SHOWN_PLACES)) : state.entry;
  const pending = state.pending && { value: text(round(state.pending.value, SHOWN_PLACES)), operator: state.pending.operator };
  return { shown, pending, error: false };
}
