// @ts-check
/**
 * The privacy screen. When the page is hidden (she switches apps, opens the list of open apps
 * or locks the phone), a plain screen covers all of it in the same task as the page is told, so
 * a picture the system takes of it then shows nothing. It goes as soon as she comes back.
 * app.js starts it right after the quick exit: it waits for none of the page's modules.
 */

/** @type {HTMLElement | null} */
let screen = null;

/** Shows the screen while the page is hidden, and only then. */
function follow() {
  if (screen) screen.hidden = document.visibilityState !== "hidden";
}

/**
 * Starts the privacy screen once per document.
 * @param {ParentNode} [root]
 */
export function init(root = document) {
  if (screen) return;
  const found = root.querySelector("[data-privacy-screen]");
  if (!(found instanceof HTMLElement)) return;
  screen = found;
  document.addEventListener("visibilitychange", follow);
  // A page restored from the back/forward cache comes back as it was left: hidden.
  window.addEventListener("pageshow", follow);
  follow();
}

init();
