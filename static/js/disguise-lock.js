// @ts-check
/**
 * The disguise on every page of the help part, while one is set up (tool-store.js): the quick
 * exit leads back to the cover; the help part locks again after the quick exit and after being
 * hidden for longer than she chose, and then goes to the cover; a disguise set up or removed in
 * another tab is followed at once. Without a disguise it does nothing.
 *
 * before-paint.js has already given the page the cover's name, icon and manifest, and sent a
 * page opened while locked to the cover.
 */
import { EVENTS } from "./names.js";
import { KEYS, isOpen, lockTab, markHidden, markSeen, readLock } from "./tool-store.js";

let record = readLock();
const link = document.getElementById("quick-exit");
const neutral = link instanceof HTMLAnchorElement ? link.href : "";

/** The quick exit leads to the cover while there is one, else to the neutral site. */
function follow() {
  if (link instanceof HTMLAnchorElement) link.href = record ? record.start : neutral;
}

/** Locks this tab and shows the cover in its place, with nothing of this page on screen. */
function toCover() {
  if (!record) return;
  lockTab();
  document.documentElement.hidden = true;
  location.replace(record.start);
}

document.addEventListener("visibilitychange", () => {
  if (!record) return;
  if (document.visibilityState === "hidden") markHidden(Date.now());
  else if (isOpen(record, Date.now())) markSeen();
  else toCover();
});
addEventListener("pageshow", (event) => {
  if (record && event.persisted && !isOpen(record, Date.now())) toCover();
});
document.addEventListener(EVENTS.quickExit, () => {
  if (!record) return;
  lockTab();
  // The quick exit named the page after the site it leads to: here, the cover.
  document.title = record.title;
});
document.addEventListener(EVENTS.deleteEverything, () => {
  record = null;
  follow();
});
addEventListener("storage", (event) => {
  if (event.key !== KEYS.lock && event.key !== null) return;
  const now = readLock();
  if (now && !isOpen(now, Date.now())) {
    record = now;
    toCover();
  } else if (!now && record) {
    location.reload();
  } else {
    record = now;
    follow();
  }
});
follow();
// Seen now, and open (before-paint.js sent a locked page away): the time it was hidden, while
// the last page was left, is over.
if (record && document.visibilityState === "visible" && isOpen(record, Date.now())) markSeen();
