// @ts-check
/**
 * Adding the app to the home screen: the button appears only when the browser offers installing;
 * the iPhone lines stay only on iPhone and iPad; both go once the app runs installed.
 */
import { whenInstallable } from "./offline.js";

/** @param {Navigator} nav @returns {boolean} iPhone, iPod or iPad (which calls itself a Mac with touch) */
export function isApple(nav) {
  return /iPhone|iPad|iPod/.test(nav.userAgent) || (/Macintosh/.test(nav.userAgent) && nav.maxTouchPoints > 1);
}

/** @param {Window} win @returns {boolean} whether the app runs from the home screen */
export function isInstalled(win) {
  return win.matchMedia("(display-mode: standalone)").matches || /** @type {Navigator & {standalone?: boolean}} */ (win.navigator).standalone === true;
}

/** @param {HTMLElement} element the _install.html block */
export function init(element) {
  const action = /** @type {HTMLElement | null} */ (element.querySelector("[data-install-action]"));
  const apple = /** @type {HTMLElement | null} */ (element.querySelector("[data-install-ios]"));
  const installed = isInstalled(window);
  if (apple) apple.hidden = installed || !isApple(navigator);
  if (!action || installed) return;
  whenInstallable((event) => {
    const prompt = /** @type {Event & {prompt: () => Promise<void>}} */ (event);
    action.hidden = false;
    action.querySelector("button")?.addEventListener("click", () => {
      action.hidden = true;
      prompt.prompt().catch(() => {});
    }, { once: true });
  });
  addEventListener("appinstalled", () => { action.hidden = true; });
}
