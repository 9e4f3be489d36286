// @ts-check
/**
 * Filters the list of services on the device: no request per filter, so it also works offline.
 * The same rules as the server's (pwa/directory_pages.py `matches`), on each entry's data-*
 * attributes: data-kind, data-cities ("*" = all ten, else names joined by "|"), data-languages
 * (codes joined by spaces), data-interpreters (present: interpreters, for the codes it lists,
 * for every language when empty), data-hours
 * ("always", "" = unknown, or JSON {"mon": ["09:00-14:00"], ...} in Europe/Berlin time).
 * The filter state stays in the form: the address is never changed, so no history entry is added.
 */

const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/** @typedef {{city: string, kind: string, language: string, open: string}} Filters */
/** @typedef {Readonly<Record<string, string | undefined>>} EntryData an entry's data-* attributes (its dataset) */
/** @typedef {{day: string, minute: number}} BerlinTime */

/**
 * The weekday and minute of the day in Europe/Berlin, whatever the device's time zone.
 * @param {Date} [date]
 * @returns {BerlinTime}
 */
export function berlinTime(date = new Date()) {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: "Europe/Berlin", weekday: "short", hour: "numeric", minute: "numeric", hourCycle: "h23",
  }).formatToParts(date);
  /** @param {string} type */
  const part = (type) => (parts.find((p) => p.type === type) || { value: "" }).value;
  return { day: DAYS[WEEKDAYS.indexOf(part("weekday"))] || "", minute: Number(part("hour")) * 60 + Number(part("minute")) };
}

/** @param {string} hhmm @returns {number} */
const minutes = (hhmm) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * Whether hours say "open" at a time: true, false, or null when the hours are unknown.
 * @param {string} hours the data-hours attribute
 * @param {BerlinTime} when
 * @returns {boolean | null}
 */
export function isOpen(hours, when) {
  if (hours === "always") return true;
  if (!hours) return null;
  /** @type {Record<string, string[]>} */
  let days;
  try {
    days = JSON.parse(hours);
  } catch {
    return null;
  }
  return (days[when.day] || []).some((span) => {
    const [opens = "", closes = ""] = span.split("-");
    return minutes(opens) <= when.minute && when.minute < minutes(closes);
  });
}

/**
 * Whether its people speak the language, or it arranges interpreters for it.
 * @param {EntryData} data
 * @param {string} code
 * @returns {boolean}
 */
function offersLanguage(data, code) {
  if ((data.languages || "").split(" ").includes(code)) return true;
  if (data.interpreters === undefined) return false;
  return data.interpreters === "" || data.interpreters.split(" ").includes(code);
}

/**
 * Whether an entry passes the filters.
 * @param {EntryData} data
 * @param {Filters} filters
 * @param {BerlinTime} when
 * @returns {boolean}
 */
export function matches(data, filters, when) {
  if (filters.city && data.cities !== "*" && !(data.cities || "").split("|").includes(filters.city)) return false;
  if (filters.kind && data.kind !== filters.kind) return false;
  if (filters.language && !offersLanguage(data, filters.language)) return false;
  if (filters.open === "always" && data.hours !== "always") return false;
  if (filters.open === "now" && isOpen(data.hours || "", when) !== true) return false;
  return true;
}

/**
 * @param {HTMLFormElement} form
 * @returns {Filters}
 */
function readForm(form) {
  const data = new FormData(form);
  /** @param {string} name */
  const value = (name) => String(data.get(name) || "");
  return { city: value("city"), kind: value("kind"), language: value("language"), open: value("open") };
}

/**
 * Starts the filters on the element holding the form, the result line and the groups of entries.
 * @param {HTMLElement} root
 */
export function init(root) {
  const form = root.querySelector("form");
  const status = root.querySelector("[data-filter-status]");
  if (!(form instanceof HTMLFormElement) || !status) return;
  /** @type {string[]} */
  let counts = [];
  try {
    counts = JSON.parse(root.dataset.counts || "[]");
  } catch {
    return; // the server's filtering still works
  }
  const groups = Array.from(root.querySelectorAll("[data-group]"));

  /** Shows the matching entries and says how many there are. */
  const apply = () => {
    const filters = readForm(form);
    const when = berlinTime();
    let shown = 0;
    for (const group of groups) {
      let any = false;
      for (const entry of group.querySelectorAll("[data-entry]")) {
        const match = matches(/** @type {HTMLElement} */ (entry).dataset, filters, when);
        /** @type {HTMLElement} */ (entry).hidden = !match;
        if (match) shown += 1;
        any = any || match;
      }
      /** @type {HTMLElement} */ (group).hidden = !any;
    }
    const text = counts[Math.min(shown, counts.length - 1)] || String(shown);
    if (status.textContent !== text) status.textContent = text;
  };

  form.addEventListener("change", apply);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    apply();
  });
  const reset = root.querySelector("[data-filter-reset]");
  if (reset) {
    reset.addEventListener("click", (event) => {
      event.preventDefault();
      for (const select of form.querySelectorAll("select")) select.value = "";
      const any = form.querySelector('input[name="open"][value=""]');
      if (any instanceof HTMLInputElement) any.checked = true;
      apply();
    });
  }
  // "Open now" changes with the clock: look again every minute while it is chosen.
  setInterval(() => {
    if (readForm(form).open === "now") apply();
  }, 60000);
  apply();
  root.setAttribute("data-filter-started", "");
}
