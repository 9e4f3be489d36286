// @ts-check
/**
 * The plan on its page: what she wrote (fields, checkboxes, her own items), read into a Plan and
 * filled from one, keeping no copy.
 */

/** @typedef {import("./plan-storage.js").Plan} Plan */

// Where CSS cannot grow a textarea with its text, grow() does.
const fits = Boolean(globalThis.CSS?.supports?.("field-sizing", "content"));

/** @param {Element} root */
const fields = (root) => /** @type {NodeListOf<HTMLInputElement | HTMLTextAreaElement>} */ (root.querySelectorAll("[data-plan-field]"));
/** @param {Element} root */
const checks = (root) => /** @type {NodeListOf<HTMLInputElement>} */ (root.querySelectorAll("[data-plan-check]"));

/** @param {Element} root @returns {Plan} what the page shows now */
export function collect(root) {
  /** @type {Plan} */
  const plan = { fields: {}, checked: [], own: [] };
  for (const field of fields(root)) if (field.value) plan.fields[field.dataset.planField || ""] = field.value;
  for (const box of checks(root)) if (box.checked) plan.checked.push(box.dataset.planCheck || "");
  for (const item of root.querySelector("[data-plan-own]")?.children || []) {
    plan.own.push({ text: item.querySelector("span")?.textContent || "", checked: Boolean(item.querySelector("input")?.checked) });
  }
  return plan;
}

/** @param {Element} root @param {Plan} plan @param {string} removeLabel */
export function fill(root, plan, removeLabel) {
  for (const field of fields(root)) field.value = plan.fields[field.dataset.planField || ""] || "";
  const checked = new Set(plan.checked);
  for (const box of checks(root)) box.checked = checked.has(box.dataset.planCheck || "");
  root.querySelector("[data-plan-own]")?.replaceChildren(...plan.own.map((item) => ownItem(item, removeLabel)));
  const input = root.querySelector("[data-plan-own-input]");
  if (input instanceof HTMLInputElement) input.value = "";
}

/** @param {{text: string, checked: boolean}} item @param {string} removeLabel */
function ownItem(item, removeLabel) {
  const li = document.createElement("li");
  const label = document.createElement("label");
  const box = document.createElement("input");
  const text = document.createElement("span");
  const remove = document.createElement("button");
  box.type = "checkbox";
  box.checked = item.checked;
  text.textContent = item.text;
  text.dir = "auto";
  // Her words are page text here: machine translation in the browser must not send them off.
  text.translate = false;
  remove.translate = false;
  remove.type = "button";
  remove.className = "button button--secondary";
  remove.textContent = removeLabel;
  remove.setAttribute("aria-label", `${removeLabel}: ${item.text}`);
  remove.dataset.planOwnRemove = "";
  label.append(box, text);
  li.append(label, remove);
  return li;
}

/**
 * Adds what she typed as one of her own items.
 * @param {Element} root
 * @param {string} removeLabel
 * @returns {boolean} whether there was something to add
 */
export function addOwn(root, removeLabel) {
  const input = root.querySelector("[data-plan-own-input]");
  const text = input instanceof HTMLInputElement && input.value.trim();
  if (!input || !text) return false;
  root.querySelector("[data-plan-own]")?.append(ownItem({ text, checked: false }, removeLabel));
  input.value = "";
  input.focus();
  return true;
}

/** @param {EventTarget} field a textarea grows with its text where CSS cannot do it */
export function grow(field) {
  if (fits || !(field instanceof HTMLTextAreaElement) || !field.scrollHeight) return;
  field.style.blockSize = "auto";
  field.style.blockSize = `${field.scrollHeight + 4}px`;
}

/** @param {Element} root every textarea of the plan grows to its text */
export const growAll = (root) => fields(root).forEach(grow);
