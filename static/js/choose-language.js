// @ts-check
/**
 * The start page of a host that cannot choose the language itself (the static build on a
 * static host): goes on to the browser's best language among the list's links, as the server
 * does at / from Accept-Language. Without JavaScript the list is the choice.
 */

/** @param {Element} list the list of languages, one link with hreflang each */
export function init(list) {
  /** @type {Map<string, string>} */
  const links = new Map();
  for (const link of list.querySelectorAll("a[hreflang]")) {
    links.set((link.getAttribute("hreflang") || "").toLowerCase(), link.getAttribute("href") || "");
  }
  for (const tag of navigator.languages) {
    const wanted = tag.toLowerCase();
    const href = links.get(wanted) || links.get(wanted.split("-")[0] || "");
    if (href) {
      location.replace(href);
      return;
    }
  }
  // None of hers: the first language, the source, as the server does.
  const first = links.values().next();
  if (!first.done) location.replace(first.value);
}
