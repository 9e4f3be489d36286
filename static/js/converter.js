// @ts-check
/**
 * The unit converter's page: a kind (length, weight, ...), an amount and two units; the result
 * follows as she types, in the page's language's way of writing numbers (tool-numbers.js).
 * Every unit is an option with its factor to its kind's base unit and an offset (temperature):
 * base = (amount + offset) × factor.
 *
 * "Convert" (the form's submit) also hands the amount to the lock (tool-lock.js), which does
 * nothing unless it is the code.
 */
import { lockHere, tryCode } from "./tool-lock.js";
import { format, parse, plainOf, signsOf } from "./tool-numbers.js";

/** @param {HTMLOptionElement} option @param {number} amount @returns {number} in the kind's base unit */
const toBase = (option, amount) => (amount + Number(option.dataset.offset || 0)) * Number(option.dataset.factor);
/** @param {HTMLOptionElement} option @param {number} base */
const fromBase = (option, base) => base / Number(option.dataset.factor) - Number(option.dataset.offset || 0);

/**
 * @param {number} amount
 * @param {HTMLOptionElement} from
 * @param {HTMLOptionElement} to
 * @returns {string | null} the amount in `to`, plain, or null when there is none
 */
export function convert(amount, from, to) {
  return plainOf(fromBase(to, toBase(from, amount)));
}

/** @param {HTMLFormElement} form the converter ([data-converter]) */
export function init(form) {
  const kind = /** @type {HTMLSelectElement} */ (form.querySelector("[data-converter-kind]"));
  const amount = /** @type {HTMLInputElement} */ (form.querySelector("[data-converter-amount]"));
  const from = /** @type {HTMLSelectElement} */ (form.querySelector("[data-converter-from]"));
  const to = /** @type {HTMLSelectElement} */ (form.querySelector("[data-converter-to]"));
  const swap = /** @type {HTMLButtonElement} */ (form.querySelector("[data-converter-swap]"));
  const result = /** @type {HTMLOutputElement} */ (form.querySelector("[data-converter-result]"));
  const signs = signsOf(form);

  const units = { from: [...from.options], to: [...to.options] };
  /** Only the units of the chosen kind are offered; the first two of it when it changes. */
  const showKind = () => {
    from.replaceChildren(...units.from.filter((option) => option.dataset.kind === kind.value));
    to.replaceChildren(...units.to.filter((option) => option.dataset.kind === kind.value));
    from.selectedIndex = 0;
    to.selectedIndex = Math.min(1, to.options.length - 1);
  };

  const update = () => {
    const plain = parse(amount.value, signs);
    const fromUnit = from.selectedOptions[0];
    const toUnit = to.selectedOptions[0];
    const converted = plain === null || !fromUnit || !toUnit ? null : convert(Number(plain), fromUnit, toUnit);
    result.value = converted === null || plain === null || !fromUnit || !toUnit ? ""
      : `${format(plain, signs)} ${fromUnit.dataset.symbol} = ${format(converted, signs)} ${toUnit.dataset.symbol}`;
  };

  kind.addEventListener("change", () => {
    showKind();
    update();
  });
  amount.addEventListener("input", update);
  from.addEventListener("change", update);
  to.addEventListener("change", update);
  swap.addEventListener("click", () => {
    const before = from.value;
    from.value = to.value;
    to.value = before;
    update();
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    update();
    tryCode(amount.value).catch(() => {});
  });
  showKind();
  update();
}

lockHere();
const found = document.querySelector("[data-converter]");
if (found instanceof HTMLFormElement) init(found);
