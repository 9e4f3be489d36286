// @ts-check
/**
 * The calculator's page: its keys, the keyboard and the display, over calculator-model.js.
 * Numbers show as the page's language writes them (tool-numbers.js). A number typed on its
 * own and then "=" goes to the lock too (tool-lock.js), which does nothing unless it is the code.
 */
import { create, press, view } from "./calculator-model.js";
import { asciiDigits, lockHere, tryCode } from "./tool-lock.js";
import { format, signsOf } from "./tool-numbers.js";

const SYMBOLS = { "+": "+", "-": "\u2212", "*": "\u00d7", "/": "\u00f7" };
/** @type {Record<string, string>} keyboard keys -> the calculator's keys */
const KEYBOARD = {
  Enter: "=", "=": "=", Escape: "clear", Delete: "clear", Backspace: "back", ",": ".", ".": ".",
  "\u066b": ".", "+": "+", "-": "-", "\u2212": "-", "*": "*", x: "*", "\u00d7": "*", "/": "/", ":": "/", "\u00f7": "/",
};

/** @param {HTMLElement} element the calculator ([data-calculator]) */
export function init(element) {
  const display = /** @type {HTMLOutputElement} */ (element.querySelector("[data-calculator-display]"));
  const pending = /** @type {HTMLElement} */ (element.querySelector("[data-calculator-pending]"));
  const signs = signsOf(element);
  let state = create();

  const render = () => {
    const shown = view(state);
    const text = shown.error ? element.dataset.error || "" : format(shown.shown, signs);
    display.value = text;
    display.dataset.length = text.length > 12 ? "long" : "short";
    pending.textContent = shown.pending ? `${format(shown.pending.value, signs)} ${SYMBOLS[shown.pending.operator]}` : "";
  };

  /** @param {string} key */
  const use = (key) => {
    const result = press(state, key);
    state = result.state;
    render();
    if (result.typed) tryCode(result.typed).catch(() => {});
  };

  element.addEventListener("click", (event) => {
    const button = event.target instanceof Element ? event.target.closest("button[data-key]") : null;
    if (button instanceof HTMLButtonElement) use(button.dataset.key || "");
  });
  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const digit = asciiDigits(event.key);
    const key = /^[0-9]$/.test(digit) ? digit : KEYBOARD[event.key];
    if (!key) return;
    // Enter on a focused key is that key's click; everything else is typed.
    if (event.key === "Enter" && event.target instanceof HTMLButtonElement) return;
    event.preventDefault();
    use(key);
  });
  render();
}

lockHere();
const found = document.querySelector("[data-calculator]");
if (found instanceof HTMLElement) init(found);
