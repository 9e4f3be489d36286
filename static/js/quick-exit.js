// @ts-check
/**
 * The quick exit. Without JavaScript #quick-exit is a plain link to a neutral site. With it, a
 * click, tap, Enter or Space, or Shift pressed three times: covers the page and sets a neutral
 * title in the same frame, tells the page's modules to drop what they hold (EVENTS.quickExit
 * of names.js, synchronous), clears sessionStorage, and leaves with location.replace, so this page's
 * history entry becomes the neutral site.
 *
 * Shift counts only when it was pressed and released alone: a Shift used for a capital letter
 * (or any other key) does not count and resets the count, as does a pause of 5 seconds. Left
 * and right Shift both count, mixed and overlapping.
 */

import { EVENTS } from "./names.js";

const PRESSES = 3;
const PAUSE_MS = 5000;

/** @type {HTMLAnchorElement | null} */
let link = null;
/** @type {HTMLElement | null} */
let bar = null;
let count = 0;
let timer = 0;
let exiting = false;
let pageTitle = "";
/** Shift keys held now (by code), each true while it has been pressed alone. */
const held = new Map();

/** Covers the page, lets modules forget, clears sessionStorage and leaves. */
export function exit() {
  if (!link) return;
  const url = link.href;
  if (!exiting) {
    exiting = true;
    pageTitle = document.title;
    document.documentElement.classList.add("quick-exit-active");
    const overlay = document.querySelector("[data-quick-exit-overlay]");
    if (overlay instanceof HTMLElement) overlay.hidden = false;
    document.title = new URL(url).hostname;
    document.dispatchEvent(new Event(EVENTS.quickExit));
    try {
      sessionStorage.clear();
    } catch {
      // storage may be blocked; there is nothing to clear then
    }
  }
  location.replace(url);
}

/** @param {string} key name of the data-quick-exit-* attribute with the text to announce */
function announce(key) {
  const status = bar && bar.querySelector("[data-quick-exit-status]");
  if (!bar || !status) return;
  const text = bar.getAttribute(`data-quick-exit-${key}`) || "";
  // A changed text is announced again even when the words are the same as last time.
  status.textContent = status.textContent === text ? `${text}\u00a0` : text;
}

/** Forgets the Shift presses counted so far; says so when there were any. */
function reset() {
  clearTimeout(timer);
  if (count > 0) announce("reset");
  count = 0;
}

/** @param {KeyboardEvent} event */
function onKeyDown(event) {
  if (event.key === "Shift") {
    if (!event.repeat) held.set(event.code, true);
    return;
  }
  // Any other key: a Shift held now was used as a modifier and never counts.
  for (const code of held.keys()) held.set(code, false);
  reset();
}

/** @param {KeyboardEvent} event */
function onKeyUp(event) {
  if (event.key !== "Shift") return;
  const alone = held.get(event.code) === true;
  held.delete(event.code);
  if (!alone) return;
  count += 1;
  clearTimeout(timer);
  if (count >= PRESSES) {
    count = 0;
    exit();
    return;
  }
  announce(count === 1 ? "two-more" : "one-more");
  timer = window.setTimeout(reset, PAUSE_MS);
}

/** A click or tap with Shift held (to select text) uses Shift as a modifier too. */
function onPointerDown() {
  for (const code of held.keys()) held.set(code, false);
}

/** Leaving the window loses track of the keys: start again. */
function onBlur() {
  held.clear();
  reset();
}

/** @param {MouseEvent} event */
function onLinkClick(event) {
  // Every click leaves in this tab, even with Ctrl or the middle button: a new tab would
  // leave this page on screen.
  if (event.type === "auxclick" && event.button !== 1) return;
  event.preventDefault();
  exit();
}

/** @param {KeyboardEvent} event Space activates the link like a button (Enter already clicks). */
function onLinkKeyDown(event) {
  if (event.key === " " || event.key === "Spacebar") {
    event.preventDefault();
    exit();
  }
}

/** @param {PageTransitionEvent} event A page restored from the back/forward cache is shown as it was. */
function onPageShow(event) {
  if (!event.persisted) return;
  held.clear();
  clearTimeout(timer);
  count = 0;
  const status = bar && bar.querySelector("[data-quick-exit-status]");
  if (status) status.textContent = "";
  if (!exiting) return;
  exiting = false;
  document.documentElement.classList.remove("quick-exit-active");
  const overlay = document.querySelector("[data-quick-exit-overlay]");
  if (overlay instanceof HTMLElement) overlay.hidden = true;
  document.title = pageTitle;
}

/** Keeps --bar-height true (for scroll padding and the skip link) and the bar in the visible area. */
function followBar() {
  if (!bar) return;
  const root = document.documentElement;
  const target = bar;
  if ("ResizeObserver" in window) {
    new ResizeObserver(() => root.style.setProperty("--bar-height", `${target.offsetHeight}px`)).observe(target);
  }
  const viewport = window.visualViewport;
  if (!viewport) return;
  let queued = false;
  const place = () => {
    queued = false;
    const offset = Math.max(0, Math.round(viewport.offsetTop));
    if (offset) target.style.setProperty("--quick-exit-offset", `${offset}px`);
    else target.style.removeProperty("--quick-exit-offset");
  };
  const queue = () => {
    if (!queued) {
      queued = true;
      requestAnimationFrame(place);
    }
  };
  viewport.addEventListener("resize", queue);
  viewport.addEventListener("scroll", queue);
}

/**
 * Starts the quick exit once per document.
 * @param {ParentNode} [root]
 */
export function init(root = document) {
  if (link) return;
  const found = root.querySelector("#quick-exit");
  if (!(found instanceof HTMLAnchorElement)) return;
  link = found;
  bar = link.closest(".quick-exit-bar");
  link.addEventListener("click", onLinkClick);
  link.addEventListener("auxclick", onLinkClick);
  link.addEventListener("keydown", onLinkKeyDown);
  document.addEventListener("keydown", onKeyDown, true);
  document.addEventListener("keyup", onKeyUp, true);
  document.addEventListener("pointerdown", onPointerDown, true);
  window.addEventListener("blur", onBlur);
  window.addEventListener("pageshow", onPageShow);
  followBar();
}

init();
