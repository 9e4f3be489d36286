// @ts-check
/**
 * The journal on its page: an entry read from form[data-journal-entry] and filled into it, and
 * the list of entries drawn from the open journal. Her words are set as text, never as markup,
 * and marked not to be translated: a browser's translation would send them off.
 */

/** @typedef {import("./journal-model.js").Entry} Entry */

const TEXTS = /** @type {const} */ (["where", "what", "injuries", "witnesses", "caseNumber", "medical"]);

/** @param {Date} date @returns {string} the local time as a datetime-local field shows it */
export const localTime = (date) => new Date(date.getTime() - date.getTimezoneOffset() * 60000).toISOString().slice(0, 16);

/** @param {HTMLFormElement} form @param {string} name */
const field = (form, name) => /** @type {HTMLInputElement} */ (form.elements.namedItem(name));

/**
 * @param {HTMLFormElement} form @param {Entry | null} before the entry she changes, if any
 * @param {import("./journal-model.js").Photo[]} photos @param {string} id @param {Date} now
 * @returns {Entry}
 */
export function collect(form, before, photos, id, now) {
  const at = now.toISOString();
  /** @type {Entry} */
  const entry = {
    id, when: field(form, "when").value || localTime(now), about: field(form, "about").checked,
    where: "", what: "", injuries: "", witnesses: "", caseNumber: "", medical: "",
    forms: [...form.querySelectorAll('input[name="forms"]:checked')].map((box) => /** @type {HTMLInputElement} */ (box).value),
    children: field(form, "children").checked ? "yes" : "", police: field(form, "police").checked,
    photos, written: before?.written || at, changed: at,
  };
  for (const name of TEXTS) entry[name] = field(form, name).value;
  return entry;
}

/** @param {HTMLFormElement} form @param {Entry | null} entry none: an empty form for now */
export function fill(form, entry) {
  form.reset();
  field(form, "when").value = entry ? entry.when : localTime(new Date());
  if (!entry) return;
  field(form, "about").checked = entry.about;
  field(form, "children").checked = entry.children === "yes";
  field(form, "police").checked = entry.police;
  for (const name of TEXTS) field(form, name).value = entry[name];
  for (const box of form.querySelectorAll('input[name="forms"]')) {
    const input = /** @type {HTMLInputElement} */ (box);
    input.checked = entry.forms.includes(input.value);
  }
}

/**
 * @param {string} tag @param {string} [text] @param {string} [className]
 * @returns {HTMLElement}
 */
export function element(tag, text = "", className = "") {
  const made = document.createElement(tag);
  if (text) made.textContent = text;
  if (className) made.className = className;
  made.dir = "auto";
  return made;
}

/** @type {Map<string, Intl.DateTimeFormat>} one a language: a new one for every date made a long list slow */
const formats = new Map();

/** @param {string} iso @param {string} lang */
function when(iso, lang) {
  if (!formats.has(lang)) formats.set(lang, new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeStyle: "short" }));
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? String(date) : /** @type {Intl.DateTimeFormat} */ (formats.get(lang)).format(date);
}

/**
 * One entry in the list: when, where, what, forms, photos, written and changed times.
 * @param {Entry} entry @param {Record<string, string>} msg @param {Map<string, string>} forms id -> label
 * @param {(id: string) => string} previewUrl @param {boolean} [tools] with edit and delete buttons
 */
export function entryItem(entry, msg, forms, previewUrl, tools = true) {
  const lang = document.documentElement.lang;
  const item = element("li", "", "journal-item");
  item.dataset.journalItem = entry.id;
  const heading = element("h3", when(entry.when, lang));
  if (entry.about) heading.append(` (${msg.msgAbout})`);
  item.append(heading);
  if (entry.where) item.append(element("p", entry.where, "journal-where"));
  if (entry.forms.length) item.append(element("p", entry.forms.map((id) => forms.get(id) || id).join(", "), "journal-forms-list"));
  for (const name of TEXTS.slice(1)) {
    const label = forms.get(`label:${name}`);
    if (entry[name]) item.append(element("p", label && name !== "what" ? `${label}: ${entry[name]}` : entry[name], "journal-text"));
  }
  for (const name of /** @type {const} */ (["children", "police"])) if (entry[name] === "yes" || entry[name] === true) item.append(element("p", forms.get(`label:${name}`) || ""));
  if (entry.photos.length) {
    const photos = element("ul", "", "journal-photos");
    entry.photos.forEach((photo, i) => {
      const image = /** @type {HTMLImageElement} */ (element("img"));
      image.src = previewUrl(photo.id);
      image.alt = `${msg.msgPhoto} ${i + 1}`;
      const li = element("li");
      li.append(image);
      photos.append(li);
    });
    item.append(photos);
  }
  const times = element("p", msg.msgWritten?.replace("{date}", when(entry.written, lang)), "plan-hint");
  if (entry.changed !== entry.written) times.append(` · ${msg.msgChanged?.replace("{date}", when(entry.changed, lang))}`);
  item.append(times);
  if (tools) {
    const actions = element("div", "", "plan-actions");
    for (const [name, label] of [["journalEdit", msg.msgEdit], ["journalDelete", msg.msgDelete]]) {
      const button = /** @type {HTMLButtonElement} */ (element("button", label, "button button--secondary"));
      button.type = "button";
      button.dataset[name || ""] = entry.id;
      button.setAttribute("aria-label", `${label}: ${heading.textContent}`);
      actions.append(button);
    }
    item.append(actions);
  }
  return item;
}
