// @ts-check
/**
 * The names modules share: the events one module sends on the document and others listen for,
 * the places this device keeps things in, and the names of the files she saves. Only names, so
 * any module (a page's, the service worker's, a test in node) can use them.
 *
 * A stored name is written in her browser: its value never changes, or what she kept there (her
 * plan, a dismissed note) would be lost. A new on-device store adds its name here, starting with
 * "wegweiser.", keeps its record through device-record.js (so another tab never undoes what
 * this one stored, nor unseals it) and listens for the events below as the plan does. The
 * disguise's names start with "tools." instead: the covers read them, and nothing a cover loads
 * may name this app.
 */

/** Events sent on the document. */
export const EVENTS = Object.freeze({
  /** The quick exit leaves now: drop everything personal from screen and memory in this task. */
  quickExit: "quickexit",
  /** Everything this site stored is deleted right after: forget it and close connections. */
  deleteEverything: "deleteeverything",
});

/** Keys in localStorage. */
export const STORAGE = Object.freeze({
  /** The safety plan's record (plan-storage.js); every key that starts with it is the plan's. */
  plan: "wegweiser.plan",
  /** "1" once the first-visit note was dismissed (first-visit-note.js, read by before-paint.js). */
  firstVisitNoteDismissed: "wegweiser.firstVisitNoteDismissed",
  /** The disguise: the chosen cover and the code's salted hash (tool-store.js, read by before-paint.js). */
  disguise: "tools.lock",
  /** The shopping list cover's items: plain cover data (tool-store.js). */
  shoppingList: "tools.shopping-list",
});

/** Keys in sessionStorage (one tab's, gone with it and with the quick exit). */
export const SESSION = Object.freeze({
  /** Present while this tab is past the disguise's code: "0", or when it was last hidden (ms). */
  disguiseOpen: "tools.lock.open",
});

/**
 * The tab's window.name once she deleted everything in it: its pages register no service worker
 * again until she opens the app anew (delete-everything.js, offline.js). Not storage, so nothing
 * is left on the device; browsers drop it when the tab goes to another site.
 */
export const OFFLINE_PAUSED = "wegweiser.offline-paused";

/** The IndexedDB database, for browsers that cannot list theirs to "delete everything". */
export const DATABASE = "wegweiser";

/**
 * The name of a file she saves to her downloads (the plan's, and the journal's when it comes):
 * a neutral word of her language, which the page gives translated (the plan's is its page word,
 * "Notizen"), and the day, as in "Notizen-2026-05-01.json". Never what the file holds: others
 * may see the list of downloads.
 * @param {string} word @param {Date} [day] local date @param {string} [extension]
 * @returns {string}
 */
export function downloadName(word, day = new Date(), extension = "json") {
  // Characters no file system takes, none that could turn the name into a path, and invisible
  // ones (a Persian zero-width non-joiner, direction marks), which browsers would turn into "_".
  const plain = word.replace(/[\\/:*?"<>|\p{Cc}\p{Cf}\s]+/gu, " ").trim() || "Notizen";
  const date = [day.getFullYear(), day.getMonth() + 1, day.getDate()].map((n) => String(n).padStart(2, "0")).join("-");
  return `${plain}-${date}.${extension}`;
}

/** The context every sealed plan is authenticated with (plan-storage.js): its format and version. */
export const PLAN_CONTEXT = "wegweiser-safety-plan/1";

/** The journal's object store in DATABASE, and its name for device-record.js (locks, news). */
export const JOURNAL = Object.freeze({ store: "journal", record: "wegweiser.journal" });

/** Messages a page posts to the service worker. */
export const WORKER_MESSAGES = Object.freeze({
  /** She chose to reload: the waiting version takes over. */
  skipWaiting: "skip-waiting",
});

/**
 * @typedef {typeof STORAGE} StorageKeys
 * @typedef {typeof SESSION} SessionKeys
 * @typedef {typeof WORKER_MESSAGES} WorkerMessages
 */
