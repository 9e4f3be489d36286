// @ts-check
import "./quick-exit.js"; // first: the exit must be ready before anything else runs
import "./disguise-lock.js"; // next: while disguised, the exit leads to the cover
import "./privacy-screen.js"; // then the cover for a hidden page, before the page's modules
import "./same-entry-navigation.js";
/**
 * Starts the page's behaviour. Everything works without this file; it only improves things.
 * Each element with data-module="name" gets ./name.js, whose init(element) is called once.
 */

const started = new WeakSet();

/** @param {ParentNode} root */
export function startModules(root = document) {
  for (const element of root.querySelectorAll("[data-module]")) {
    if (started.has(element)) continue;
    started.add(element);
    const name = element.getAttribute("data-module") || "";
    if (!/^[a-z][a-z0-9-]*$/.test(name)) continue;
    import(`./${name}.js`)
      .then((/** @type {{init: (element: Element) => unknown}} */ module) => module.init(element))
      .catch((error) => console.error(`module ${name} failed`, error));
  }
}

startModules();
