// @ts-check
/**
 * Moving between the app's own pages replaces the current history entry, so the app never
 * has more than one entry in the tab's history: after the quick exit (which replaces that
 * entry too), Back leads to the page before the app, never to an app page.
 *
 * Covers plain clicks on same-origin links (in-page anchors included) and same-origin GET
 * forms. Modified clicks (new tab or window), downloads, links with a target, tel:, mailto:
 * and other sites are left to the browser. Every page offers its own way back instead.
 */

/**
 * The URL to go to in place of this entry, or null when the browser should handle the click.
 * @param {MouseEvent} event
 * @returns {string | null}
 */
export function linkTarget(event) {
  if (event.defaultPrevented || event.button !== 0) return null;
  if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return null;
  const anchor = event.target instanceof Element ? event.target.closest("a[href]") : null;
  if (!(anchor instanceof HTMLAnchorElement)) return null;
  if (anchor.hasAttribute("download")) return null;
  const target = (anchor.getAttribute("target") || "").toLowerCase();
  if (target && target !== "_self") return null;
  return sameOrigin(anchor.href);
}

/**
 * The URL a GET form goes to, or null when the browser should submit it itself.
 * @param {SubmitEvent} event
 * @returns {string | null}
 */
export function formTarget(event) {
  const form = event.target;
  if (event.defaultPrevented || !(form instanceof HTMLFormElement)) return null;
  const submitter = event.submitter;
  const button = submitter instanceof HTMLButtonElement || submitter instanceof HTMLInputElement ? submitter : null;
  const method = (button && button.hasAttribute("formmethod") ? button.formMethod : form.method).toLowerCase();
  const target = (button && button.hasAttribute("formtarget") ? button.formTarget : form.target).toLowerCase();
  if (method !== "get" || (target && target !== "_self")) return null;
  const action = sameOrigin(button && button.hasAttribute("formaction") ? button.formAction : form.action);
  if (!action) return null;
  const data = new FormData(form);
  if (button && button.name) data.append(button.name, button.value);
  const query = new URLSearchParams();
  for (const [name, value] of data) query.append(name, typeof value === "string" ? value : value.name);
  const url = new URL(action);
  url.search = query.toString();
  return url.href;
}

/**
 * @param {string} href
 * @returns {string | null} the address when it is on this site (http or https), else null
 */
function sameOrigin(href) {
  let url;
  try {
    url = new URL(href, location.href);
  } catch {
    return null;
  }
  if (url.origin !== location.origin || !/^https?:$/.test(url.protocol)) return null;
  return url.href;
}

/** @param {MouseEvent} event */
function onClick(event) {
  const url = linkTarget(event);
  if (url === null) return;
  event.preventDefault();
  location.replace(url);
}

/** @param {SubmitEvent} event */
function onSubmit(event) {
  const url = formTarget(event);
  if (url === null) return;
  event.preventDefault();
  location.replace(url);
}

let started = false;

/** Starts once per document; listens last (bubbling) so other modules' handlers come first. */
export function init() {
  if (started) return;
  started = true;
  document.addEventListener("click", onClick);
  document.addEventListener("submit", onSubmit);
  // Scripts that add entries of their own would undo this: they replace the entry instead.
  const replace = history.replaceState.bind(history);
  history.pushState = (state, unused, url) => replace(state, unused, url);
}

init();
