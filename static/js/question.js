// @ts-check
/**
 * Questions asked in the page (delete this? replace that?), as a browser dialog would block the
 * quick exit. Used by the plan and the journal.
 */

/**
 * One yes-or-no question at a time, below the control that asked; a new one answers the last "no".
 * @param {(name: string) => HTMLElement} $ the page's element named so (confirm, confirm-text, confirm-yes)
 */
export function createQuestion($) {
  const box = $("confirm");
  const text = $("confirm-text");
  /** @type {((yes: boolean) => void) | null} */
  let pending = null;
  /** @param {boolean} value */
  const answer = (value) => pending?.(value);
  /**
   * @param {string} question
   * @param {string} yes the label of the button that agrees
   * @param {HTMLElement} after the control that asked
   * @returns {Promise<boolean>}
   */
  const ask = (question, yes, after) => {
    answer(false);
    text.textContent = question;
    $("confirm-yes").textContent = yes;
    after.after(box);
    box.hidden = false;
    text.focus();
    return new Promise((resolve) => {
      pending = (value) => {
        const hadFocus = box.contains(document.activeElement);
        pending = null;
        box.hidden = true;
        if (hadFocus) after.focus();
        resolve(value);
      };
    });
  };
  return { ask, answer };
}
