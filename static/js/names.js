// @ts-check
/**
 * The names modules share: the events one module sends on the document and others listen for,
 * and the places this device keeps things in. Only names, so any module (a page's, the service
 * worker's, a test in node) can use them.
 *
 * A stored name is written in her browser: its value never changes, or what she kept there (her
 * plan, a dismissed note) would be lost. A new on-device store adds its name here, starting with
 * "wegweiser.", keeps its record through device-record.js (so another tab never undoes what
 * this one stored, nor unseals it) and listens for the events below as the plan does.
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
});

/** The IndexedDB database, for browsers that cannot list theirs to "delete everything". */
export const DATABASE = "wegweiser";

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
 * @typedef {typeof WORKER_MESSAGES} WorkerMessages
 */
