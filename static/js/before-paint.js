// @ts-check
// Runs in the head, before the page is drawn (a classic script, not a module), so that what
// depends on this device's storage appears in place at once instead of pushing the page down.
// Today: the first-visit note, until it is dismissed (first-visit-note.js), and the disguise.
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

// The disguise (tool-store.js, disguise-lock.js): while one is set up, this page carries the
// cover's name, icon, colour and manifest from the start, so the history, the tabs and an
// install show only the cover; and a page opened while locked goes to the cover, unseen.
// Its reading of the lock record and of this tab's open state follows tool-store.js.
try {
  /** @type {import("./names.js").StorageKeys["disguise"]} */
  const lockKey = "tools.lock";
  /** @type {import("./names.js").SessionKeys["disguiseOpen"]} */
  const openKey = "tools.lock.open";
  const lock = JSON.parse(localStorage.getItem(lockKey) || "null");
  if (lock && /^\/[a-z][a-z-]*$/.test(lock.start) && /^[a-z][a-z-]*$/.test(lock.tool)) {
    const open = sessionStorage.getItem(openKey);
    if (open === null || (Number(open) > 0 && Date.now() - Number(open) > lock.lockAfter)) {
      sessionStorage.removeItem(openKey);
      document.documentElement.hidden = true;
      location.replace(lock.start);
    }
    document.title = String(lock.title);
    const script = document.currentScript;
    const folder = script instanceof HTMLScriptElement ? script.src.replace(/js\/[^/]*$/, "") : "";
    /** @type {[string, string, string][]} */
    const links = [
      ["link[rel=icon]", "href", `${folder}icons/${lock.tool}.svg`],
      ["link[rel=apple-touch-icon]", "href", `${folder}icons/${lock.tool}-maskable-512.png`],
      ["link[rel=manifest]", "href", `${lock.start}/manifest.json`],
      ["meta[name=theme-color]", "content", String(lock.theme)],
    ];
    for (const [selector, attribute, value] of links) document.querySelector(selector)?.setAttribute(attribute, value);
  }
} catch (error) {
  // storage blocked or unreadable: no disguise on this device
}
