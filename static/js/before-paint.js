// @ts-check
// Runs in the head, before the page is drawn (a classic script, not a module), so that what
// depends on this device's storage appears in place at once instead of pushing the page down.
// Today: the first-visit note, until it is dismissed (first-visit-note.js).
try {
  // A classic script cannot import names.js; the type holds this key to the one named there.
  /** @type {import("./names.js").StorageKeys["firstVisitNoteDismissed"]} */
  const dismissed = "wegweiser.firstVisitNoteDismissed";
  if (localStorage.getItem(dismissed) !== "1") {
    document.documentElement.classList.add("first-visit");
  }
} catch (error) {
  // storage blocked: the note module decides later
}
