// @ts-check
/**
 * The journal's passphrase on its page (journal.js is the view around it): setting it up (the
 * plan's, when the plan has one, checked against the sealed plan), opening the journal with it,
 * and keeping it the plan's. Opening derives both keys at once, the journal's and the plan's
 * (the browser works on them side by side), to learn whether they are still one. When the
 * plan's passphrase changed since, the journal, open with its own, says so, asks for the
 * plan's, and is sealed again with it (journal-rekey.js); she may also say "later" and is
 * asked again the next time. Her words are in the fields only while she types them.
 */
import * as model from "./journal-model.js";
import { opensPlan, rekey, sealedPlan } from "./journal-rekey.js";
import { passphraseProblem } from "./passphrase.js";

/**
 * @typedef {object} PassphraseView
 * @property {model.JournalState} state
 * @property {Record<string, string>} msg the page's texts (data-msg-*)
 * @property {(name: string) => HTMLElement} $ the journal's element data-journal-<name>
 * @property {(text: string) => void} say in the status line
 * @property {() => void} opened shows the journal that just opened
 * @property {() => Promise<void>} start reads the stored journal again and shows the lock
 * @property {() => Promise<void>} follow shows what another tab stored
 */

/** @param {PassphraseView} view */
export function passphraseSteps({ state, msg, $, say, opened, start, follow }) {
  const field = (/** @type {string} */ name) => /** @type {HTMLInputElement} */ ($(name));
  const [words, repeat, newWords] = [field("passphrase"), field("repeat-input"), field("rekey-input")];
  /** The sealed plan whose passphrase a new journal takes. @type {import("./sealed-bytes.js").Sealed | null} */
  let planLock = null;
  /** Re-keying takes a few seconds: a second press waits for nothing and does nothing. */
  let busy = false;

  /** A passphrase refused: said beside its field, which is selected to type again. */
  const refuse = (/** @type {HTMLElement} */ error, /** @type {string | undefined} */ text, /** @type {HTMLInputElement} */ input) => {
    say("");
    error.textContent = text || "";
    input.select();
  };

  /** The lock's texts: set up a new journal (with the plan's passphrase, if it has one) or open it. */
  function showLock() {
    planLock = state.exists ? null : sealedPlan();
    const setUp = !state.exists;
    $("unlock-title").textContent = (setUp ? msg.msgSetUpTitle : msg.msgUnlockTitle) || "";
    $("unlock-text").textContent = (setUp ? (planLock ? msg.msgSetUpPlan : msg.msgSetUpText) : msg.msgUnlockText) || "";
    $("unlock-button").textContent = (setUp ? msg.msgSetUpTitle : msg.msgUnlockButton) || "";
    $("repeat").hidden = !setUp || Boolean(planLock);
  }

  /** The question for the plan's passphrase goes (locked, done or later). */
  function reset() {
    $("rekey").hidden = true;
    $("rekey-error").textContent = "";
    newWords.value = "";
  }

  async function unlock() {
    const error = $("unlock-error");
    error.textContent = "";
    const typed = words.value;
    if (state.exists) {
      say(msg.msgWorking || "");
      const plan = sealedPlan();
      const [result, planOpens] = await Promise.all([model.unlock(state, typed), plan ? opensPlan(typed, plan) : true]);
      if (result === "wrong") return refuse(error, plan && planOpens ? msg.msgPlanNewer : msg.msgWrongPassphrase, words);
      if (result !== "opened") return start();
      opened();
      if (!planOpens) {
        $("rekey").hidden = false;
        newWords.focus();
      }
      return;
    }
    if (planLock) {
      say(msg.msgWorking || "");
      if (!(await opensPlan(typed, planLock))) return refuse(error, msg.msgWrongPassphrase, words);
    } else {
      const problem = passphraseProblem(typed, repeat.value, Number(msg.minPassphrase));
      if (problem) return refuse(error, problem === "tooShort" ? msg.msgTooShort : msg.msgMismatch, problem === "tooShort" ? words : repeat);
      say(msg.msgWorking || "");
    }
    const result = await model.setUp(state, typed);
    if (result === "written") return opened();
    await start();
    say(msg.msgChangedElsewhere || "");
  }

  /** The plan's passphrase, checked against the sealed plan, becomes the journal's. */
  async function takePlans() {
    if (busy) return;
    busy = true;
    try {
      await takeOnce();
    } finally {
      busy = false;
    }
  }

  async function takeOnce() {
    const error = $("rekey-error");
    error.textContent = "";
    const plan = sealedPlan();
    if (!plan) return reset();
    // Her words as she typed them: locking meanwhile empties the field, and must not re-key.
    const [at, typed] = [state.epoch, newWords.value];
    say(msg.msgWorking || "");
    const right = await opensPlan(typed, plan);
    if (at !== state.epoch) return;
    if (!right) return refuse(error, msg.msgRekeyWrong, newWords);
    let result;
    try {
      result = await rekey(state, typed);
    } catch {
      return at === state.epoch ? refuse(error, msg.msgRekeyFailed, newWords) : undefined;
    }
    if (result === "changed") return follow();
    if (result !== "written") return;
    reset();
    say(msg.msgRekeyed || "");
    $("new").focus();
  }

  /** Not now: the journal keeps its passphrase, and asks again when it is opened next. */
  function later() {
    reset();
    say(msg.msgRekeyLater || "");
    $("new").focus();
  }

  return { showLock, reset, unlock, takePlans, later };
}
