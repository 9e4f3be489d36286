// @ts-check
/**
 * The photos of the entry she is writing, on the journal's page (journal.js): each with its
 * preview and a button to remove it, and, when a new photo says where it was taken, a note and
 * a button that removes the location before it is kept (journal-photos.js reads the bytes).
 */
import * as model from "./journal-model.js";
import { located, preview, withoutLocation } from "./journal-photos.js";

/**
 * @typedef {{id: string, before: model.Entry | null, photos: model.Photo[], added: model.NewPhoto[]}} Draft
 *   the entry being written: its id, the entry it changes, its photos (new ones with their bytes)
 * @typedef {object} PhotoView
 * @property {model.JournalState} state
 * @property {Draft} draft
 * @property {Record<string, string>} msg the page's texts (data-msg-*)
 * @property {HTMLElement} list where the draft's photos are shown
 * @property {Map<string, string>} urls the page's object URLs, revoked when it locks
 * @property {(id: string) => string} previewUrl a kept photo's preview
 */

/** @param {PhotoView} view */
export function photoItems({ state, draft, msg, list, urls, previewUrl }) {
  /** Shows a photo of the draft: a kept one (added null) or one she just chose. @param {model.Photo} photo @param {model.NewPhoto | null} added */
  function add(photo, added) {
    const li = document.createElement("li");
    const image = document.createElement("img");
    image.src = added ? URL.createObjectURL(new Blob([added.preview], { type: "image/jpeg" })) : previewUrl(photo.id);
    if (added) urls.set(`draft:${photo.id}`, image.src);
    image.alt = `${msg.msgPhoto} ${draft.photos.indexOf(photo) + 1}`;
    const remove = Object.assign(document.createElement("button"), { type: "button", className: "button button--secondary", textContent: msg.msgRemove });
    remove.setAttribute("aria-label", `${msg.msgRemove}: ${image.alt}`);
    remove.addEventListener("click", () => {
      draft.photos = draft.photos.filter((kept) => kept !== photo);
      draft.added = draft.added.filter((kept) => kept.id !== photo.id);
      li.remove();
    });
    li.append(image, remove);
    if (added && located(added.bytes)) {
      const note = Object.assign(document.createElement("p"), { className: "plan-error", textContent: msg.msgLocation });
      const strip = Object.assign(document.createElement("button"), { type: "button", className: "button", textContent: msg.msgRemoveLocation });
      strip.dataset.journalStripLocation = "";
      strip.addEventListener("click", () => {
        added.bytes = withoutLocation(added.bytes);
        photo.size = added.bytes.byteLength;
        note.textContent = msg.msgLocationRemoved || "";
        strip.remove();
      });
      li.append(note, strip);
    }
    list.append(li);
  }

  /** The files she chose join the draft; none when the journal locked meanwhile. @param {HTMLInputElement} input */
  async function choose(input) {
    const at = state.epoch;
    for (const file of [...(input.files || [])]) {
      const bytes = await file.arrayBuffer();
      const added = { id: model.newId(), type: file.type, bytes, preview: await preview(file) };
      if (at !== state.epoch) return;
      const photo = { id: added.id, type: file.type, size: bytes.byteLength };
      draft.added.push(added);
      draft.photos.push(photo);
      add(photo, added);
    }
    input.value = "";
  }

  return { add, choose };
}
