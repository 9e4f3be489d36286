// @ts-check
/**
 * What the plan's tools (templates/_plan_tools.html) do on its view (plan.js): the passphrase
 * (set it, remove it, open the locked plan with it), the plan as a file (save one to her
 * downloads, load one she chose) and deleting it. What would lose something is asked first,
 * on the page: a browser dialog would block the quick exit.
 */
import * as model from "./plan-model.js";
import { collect } from "./plan-form.js";
import { downloadName } from "./names.js";

/** @param {import("./plan.js").PlanView} plan */
export function tools(plan) {
  const { root, state, msg, $, input, say, question, fill, show, save, active } = plan;
  const file = input("import");
  const fileWords = input("import-passphrase-input");
  /** @param {HTMLElement} error @returns {() => void} what to do as slow work starts */
  const working = (error) => () => {
    error.textContent = "";
    say(msg.msgWorking);
  };
  /** A wrong passphrase: said by its field, which is selected to type again. @param {HTMLElement} error @param {string} text @param {HTMLInputElement} field */
  const refused = (error, text, field) => {
    say("");
    error.textContent = text;
    field.select();
  };

  async function unlock() {
    const words = input("unlock-input");
    const error = $("unlock-error");
    const opened = await model.unlock(state, words.value, working(error));
    if (opened.result === "damaged") say(msg.msgDamaged);
    if (opened.result === "unsealed") plan.load();
    if (opened.result === "wrong") refused(error, msg.msgWrongPassphrase, words);
    if (opened.result !== "opened") return;
    words.value = "";
    fill(opened.plan);
    show();
    say(msg.msgUnlocked);
    active();
    const heading = $("sections").querySelector("h2");
    if (heading) {
      heading.tabIndex = -1;
      heading.focus();
    }
  }

  async function setPassphrase() {
    const [first, second, error] = [input("new-passphrase"), input("repeat-passphrase"), $("passphrase-error")];
    const problem = model.passphraseProblem(first.value, second.value, Number(msg.minPassphrase));
    error.textContent = problem === "tooShort" ? msg.msgTooShort : problem ? msg.msgMismatch : "";
    if (problem) return (problem === "tooShort" ? first : second).focus();
    say(msg.msgWorking);
    if (!(await model.protect(state, first.value))) return;
    first.value = second.value = "";
    if (await save()) say(msg.msgPassphraseSet);
    plan.details.open = false;
    show();
    active();
    plan.summary?.focus();
  }

  async function removePassphrase() {
    const where = $("remove-passphrase").parentElement || plan.details;
    if (!(await question.ask(msg.msgConfirmRemovePassphrase, msg.msgRemovePassphraseYes, where)) || !model.unprotect(state)) return;
    active();
    if (await save()) say(msg.msgPassphraseRemoved);
    show();
  }

  async function exportFile() {
    if (!state.open) return;
    if (plan.timers.save) await save();
    const record = await model.record(state, collect(root));
    const url = URL.createObjectURL(new Blob([JSON.stringify(record)], { type: "application/json" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = downloadName(msg.msgFileName);
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    say(msg.msgExported);
  }

  async function chooseFile() {
    const chosen = file.files?.[0];
    const error = $("import-error");
    file.value = "";
    error.textContent = "";
    $("import-passphrase").hidden = true;
    const found = await model.readFile(state, chosen);
    if (found.result === "newer") error.textContent = msg.msgNewerFile;
    if (found.result === "bad") error.textContent = msg.msgBadFile;
    if (found.result === "plan") return replaceWith(found.plan, null);
    if (found.result !== "sealed") return;
    $("import-passphrase").hidden = false;
    fileWords.focus();
  }

  async function openImport() {
    const error = $("import-error");
    const opened = await model.openFile(state, fileWords.value, working(error));
    if (opened.result === "wrong") refused(error, msg.msgFileWrongPassphrase, fileWords);
    if (opened.result !== "opened") return;
    fileWords.value = "";
    $("import-passphrase").hidden = true;
    say("");
    await replaceWith(opened.plan, opened.lock);
  }

  /**
   * Replaces the plan on this device with one from a file, after she has said yes.
   * @param {model.Plan} chosen
   * @param {import("./plan-crypto.js").Lock | null} fileLock the file's passphrase, which the plan then keeps
   */
  async function replaceWith(chosen, fileLock) {
    const at = state.epoch;
    if (model.stored(state) && !(await question.ask(msg.msgConfirmImport, msg.msgImportYes, file))) return;
    if (at !== state.epoch) return;
    plan.cancelSave();
    model.replace(state, fileLock);
    if (fileLock) active();
    fill(chosen);
    show();
    if (await save()) say(fileLock ? msg.msgImportedProtected : msg.msgImported);
  }

  async function deletePlan() {
    if (!(await question.ask(msg.msgConfirmDelete, msg.msgDeleteYes, $("delete")))) return;
    plan.forget();
    model.remove(state);
    say(msg.msgDeleted);
  }

  file.addEventListener("change", chooseFile);
  return { unlock, setPassphrase, removePassphrase, exportFile, openImport, deletePlan };
}
