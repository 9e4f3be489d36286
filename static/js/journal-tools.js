// @ts-check
/**
 * What the journal's tools do on its view (journal.js): the printed report of the entries the
 * list shows, the journal as a file, and a file taken in (added to it or replacing it, after a
 * question in the page). A file is checked whole before anything on the device changes.
 */
import * as cipher from "./sealed-bytes.js";
import * as model from "./journal-model.js";
import { entryItem } from "./journal-form.js";
import { exportFile, readFile } from "./journal-file.js";

/**
 * @typedef {{state: model.JournalState, msg: Record<string, string>,
 *   $: (name: string) => HTMLElement, say: (text: string) => void,
 *   ask: (text: string, yes: string, after: HTMLElement) => Promise<boolean>, render: () => void,
 *   follow: () => Promise<void>, showStorage: () => Promise<void>, filters: () => model.Filter,
 *   labels: Map<string, string>, previewUrl: (id: string) => string, urls: Map<string, string>}} JournalView
 */

/** @param {JournalView} view */
export function tools({ state, msg, $, say, ask, render, follow, showStorage, filters, labels, previewUrl, urls }) {
  const report = /** @type {HTMLElement} */ (document.querySelector("[data-journal-report-list]"));
  const fileInput = /** @type {HTMLInputElement} */ ($("import"));

  /** The entries the list shows, oldest first, with their photos whole, then the browser's print. */
  async function print() {
    const shown = model.list(state.entries.values(), filters()).reverse();
    const at = state.epoch;
    const items = [];
    for (const entry of shown) {
      const item = entryItem(entry, msg, labels, previewUrl, false);
      for (const [i, image] of [...item.querySelectorAll("img")].entries()) {
        const photo = /** @type {model.Photo} */ (entry.photos[i]);
        const bytes = await model.photo(state, photo.id);
        if (at !== state.epoch) return;
        const url = URL.createObjectURL(new Blob([bytes || new ArrayBuffer(0)], { type: photo.type }));
        urls.set(`print:${photo.id}`, url);
        image.src = url;
        image.dataset.journalPhoto = photo.id;
      }
      items.push(item);
    }
    report.replaceChildren(...items);
    await Promise.all([...report.querySelectorAll("img")].map((image) => image.decode().catch(() => {})));
    window.print();
  }

  async function exportNow() {
    const blob = await exportFile(state.place);
    const link = Object.assign(document.createElement("a"), {
      href: URL.createObjectURL(blob), download: `${msg.msgFileName}-${new Date().toISOString().slice(0, 10)}.wegweiser`, hidden: true,
    });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 60000);
    say(msg.msgExported || "");
  }

  /** @param {boolean} replace */
  async function importNow(replace) {
    const file = fileInput.files?.[0];
    const error = $("import-error");
    const typed = /** @type {HTMLInputElement} */ ($("import-passphrase"));
    error.textContent = "";
    if (!file || !state.lock) return;
    const mine = /** @type {cipher.Lock} */ (state.lock);
    say(msg.msgWorking || "");
    let records;
    try {
      records = await readFile(file, (salt, iterations) => (String(salt) === String(state.salt) && iterations === mine.iterations
        ? Promise.resolve(mine) : cipher.deriveLock(typed.value, salt, iterations)));
    } catch (problem) {
      const reason = problem instanceof Error ? problem.message : "";
      say("");
      error.textContent = (reason === "wrong" ? msg.msgFileWrongPassphrase : reason === "newer" ? msg.msgNewerFile : msg.msgBadFile) || "";
      return reason === "wrong" ? typed.select() : undefined;
    }
    if (replace && !(await ask(msg.msgConfirmReplace || "", msg.msgReplaceYes || "", $("import-replace")))) return say("");
    try {
      const result = await model.take(state, records, replace);
      if (result === "changed") return follow();
    } catch (problem) {
      const full = problem instanceof DOMException && problem.name === "QuotaExceededError";
      return say((full ? msg.msgFull : problem instanceof TypeError ? msg.msgBadFile : msg.msgSaveFailed) || "");
    }
    typed.value = fileInput.value = "";
    $("import-step").hidden = true;
    render();
    say(msg.msgImported || "");
    showStorage();
  }

  return { print, exportNow, importNow, fileInput };
}
