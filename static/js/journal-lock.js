// @ts-check
/**
 * When the open journal locks by itself: on the quick exit, when the page is left, when it was
 * hidden longer than the plan's limit, and after ten minutes without input (passphrase.js).
 * "Delete everything" locks it and lets its database go. The view (journal.js) says what
 * locking and starting again mean; this module only decides when.
 */
import { HIDDEN_LIMIT, IDLE_LIMIT } from "./passphrase.js";
import { EVENTS } from "./names.js";

/**
 * @typedef {object} LockingView
 * @property {() => boolean} isOpen whether the journal is open now
 * @property {() => void} lockNow locks it and shows the lock
 * @property {() => void} start reads the stored journal again (a page back from the cache)
 * @property {() => void} letGo closes the database ("delete everything" follows)
 */

/** @param {LockingView} view @returns {{active: () => void, stop: () => void}} */
export function autoLock({ isOpen, lockNow, start, letGo }) {
  const timers = { idle: 0, hidden: 0, hiddenAt: 0 };
  // Never with an event's argument: the view's lockNow takes one of its own.
  const lock = () => lockNow();

  /** Input or a new open journal: ten more minutes before it locks. */
  function active() {
    clearTimeout(timers.idle);
    if (isOpen()) timers.idle = window.setTimeout(lock, IDLE_LIMIT);
  }

  /** Locked: no timer is left to run. */
  function stop() {
    clearTimeout(timers.idle);
    clearTimeout(timers.hidden);
  }

  for (const type of ["input", "keydown", "pointerdown"]) document.addEventListener(type, active, { passive: true });
  document.addEventListener(EVENTS.quickExit, lock);
  document.addEventListener(EVENTS.deleteEverything, () => {
    lock();
    letGo();
  });
  window.addEventListener("pagehide", lock);
  window.addEventListener("pageshow", (event) => { if (event.persisted) start(); });
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") {
      timers.hiddenAt = Date.now();
      timers.hidden = window.setTimeout(lock, HIDDEN_LIMIT);
      return;
    }
    clearTimeout(timers.hidden);
    if (timers.hiddenAt && Date.now() - timers.hiddenAt > HIDDEN_LIMIT) lock();
    timers.hiddenAt = 0;
  });
  return { active, stop };
}
