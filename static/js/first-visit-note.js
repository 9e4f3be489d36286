// @ts-check
/**
 * The first-visit note: shown until it is dismissed, and dismissal is remembered on this
 * device only ("delete everything" forgets it too, as it clears localStorage).
 */

import { STORAGE } from "./names.js";

/** @returns {boolean} whether the note was dismissed on this device */
function dismissed() {
  try {
    return localStorage.getItem(STORAGE.firstVisitNoteDismissed) === "1";
  } catch {
    return false;
  }
}

/** @param {HTMLElement} note */
export function init(note) {
  if (dismissed()) return;
  note.hidden = false;
  const button = note.querySelector("[data-first-visit-note-dismiss]");
  if (!button) return;
  button.addEventListener("click", () => {
    try {
      localStorage.setItem(STORAGE.firstVisitNoteDismissed, "1");
    } catch {
      // storage blocked (private mode in some browsers): it is hidden for this page only
    }
    note.hidden = true;
    document.documentElement.classList.remove("first-visit");
    // The button is gone: carry on from the start of the page's content.
    const main = document.getElementById("main");
    if (main) main.focus();
  });
}
