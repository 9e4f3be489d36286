// @ts-check
/**
 * The shopping list's page: add an item, tick it off, remove it, remove the ticked ones. The
 * items stay on this device (tool-store.js) and follow changes made in another tab.
 *
 * A new item that is only digits goes to the lock first (tool-lock.js): when it is the code,
 * it is never stored; otherwise it is stored like any other item.
 */
import { asCode, enter, lockHere, opens } from "./tool-lock.js";
import { KEYS, readList, writeList } from "./tool-store.js";

/** @param {HTMLElement} element the list ([data-shopping-list]) */
export function init(element) {
  const form = /** @type {HTMLFormElement} */ (element.querySelector("[data-list-add]"));
  const field = /** @type {HTMLInputElement} */ (form.querySelector("input"));
  const list = /** @type {HTMLUListElement} */ (element.querySelector("[data-list-items]"));
  const empty = /** @type {HTMLElement} */ (element.querySelector("[data-list-empty]"));
  const clearDone = /** @type {HTMLButtonElement} */ (element.querySelector("[data-list-clear-done]"));
  const removeWord = element.dataset.remove || "";
  let items = readList();

  const render = () => {
    list.replaceChildren(...items.map((item, index) => {
      const row = document.createElement("li");
      row.className = "shopping-list__item";
      const label = document.createElement("label");
      const box = document.createElement("input");
      box.type = "checkbox";
      box.checked = item.done;
      box.dataset.index = String(index);
      const text = document.createElement("span");
      text.textContent = item.text;
      label.append(box, text);
      const remove = document.createElement("button");
      remove.type = "button";
      remove.className = "shopping-list__remove";
      remove.dataset.remove = String(index);
      const cross = document.createElement("span");
      cross.setAttribute("aria-hidden", "true");
      cross.textContent = "\u00d7";
      const name = document.createElement("span");
      name.className = "visually-hidden";
      name.textContent = `${removeWord}: ${item.text}`;
      remove.append(cross, name);
      row.append(label, remove);
      return row;
    }));
    empty.hidden = items.length > 0;
    clearDone.hidden = !items.some((item) => item.done);
  };
  const save = () => writeList(items);

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const text = field.value.trim();
    field.value = "";
    if (!text) return;
    const item = { text, done: false };
    items = [...items, item];
    render();
    if (asCode(text) && (await opens(text))) {
      items = items.filter((kept) => kept !== item);
      enter();
      return;
    }
    save();
  });
  list.addEventListener("change", (event) => {
    const box = event.target;
    if (!(box instanceof HTMLInputElement)) return;
    const index = Number(box.dataset.index);
    items = items.map((item, at) => (at === index ? { ...item, done: box.checked } : item));
    save();
    clearDone.hidden = !items.some((item) => item.done);
  });
  list.addEventListener("click", (event) => {
    const button = event.target instanceof Element ? event.target.closest("button[data-remove]") : null;
    if (!(button instanceof HTMLButtonElement)) return;
    const index = Number(button.dataset.remove);
    items = items.filter((_, at) => at !== index);
    save();
    render();
    field.focus();
  });
  clearDone.addEventListener("click", () => {
    items = items.filter((item) => !item.done);
    save();
    render();
    field.focus();
  });
  addEventListener("storage", (event) => {
    if (event.key !== KEYS.list && event.key !== null) return;
    items = readList();
    render();
  });
  render();
}

lockHere();
const found = document.querySelector("[data-shopping-list]");
if (found instanceof HTMLElement) init(found);
