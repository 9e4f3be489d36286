// @ts-check
/**
 * One passphrase for everything she keeps: the journal takes the safety plan's. When the plan
 * got another passphrase after the journal was set up (changed or set on the plan's page), the
 * journal, opened with its own, asks for the plan's and is sealed again with it: every record
 * (entries, photos, previews, the check) under a fresh salt, written in one transaction through
 * JournalPlace.commit (one tab at a time, only over the revision this tab read, all or nothing:
 * a full disk leaves every record sealed as before). Other tabs hear of it and lock, as their
 * key no longer opens the journal. When the plan has no passphrase, the journal keeps its own.
 * No page here: the view is journal-passphrase.js.
 */
import * as cipher from "./sealed-bytes.js";
import { context, freshMeta } from "./journal-storage.js";
import { PLAN_CONTEXT, STORAGE } from "./names.js";

/** What the journal keeps, besides its meta record: every key starts with one of these. */
const KINDS = ["entry:", "photo:", "preview:"];
const planContext = new TextEncoder().encode(PLAN_CONTEXT);

/** @returns {cipher.Sealed | null} the stored plan's sealed text, when it has a passphrase */
export function sealedPlan() {
  try {
    const sealed = JSON.parse(localStorage.getItem(STORAGE.plan) || "{}").sealed;
    return cipher.isSealed(sealed) ? sealed : null;
  } catch {
    return null;
  }
}

/**
 * Whether her words open the sealed plan (the slow key derivation of the plan's salt).
 * @param {string} words @param {cipher.Sealed} sealed @returns {Promise<boolean>}
 */
export async function opensPlan(words, sealed) {
  try {
    await cipher.unseal(await cipher.lockFor(words, sealed), sealed, planContext);
    return true;
  } catch {
    return false;
  }
}

/**
 * Seals the open journal again with new words (the plan's, already checked) and a fresh salt.
 * Nothing is written when it closed meanwhile ("closed") or another tab wrote since this one
 * read ("changed"); it rejects when the browser cannot store (QuotaExceededError) or a record
 * does not open with the journal's key, and then every record stays as it was.
 * @param {import("./journal-model.js").JournalState} state @param {string} words
 * @returns {Promise<import("./journal-model.js").SaveResult>}
 */
export async function rekey(state, words) {
  const old = state.lock;
  if (!old) return "closed";
  const at = state.epoch;
  const lock = await cipher.deriveLock(words);
  /** @type {Map<string, cipher.SealedBytes>} */
  const puts = new Map();
  // One record open in clear at a time; the sealed ones wait for the one transaction.
  for (const kind of KINDS) {
    for (const [key, sealed] of await state.place.all(kind)) {
      if (at !== state.epoch) return "closed";
      const bytes = await cipher.unsealBytes(old, sealed, context(key));
      puts.set(key, await cipher.sealBytes(lock, bytes, context(key)));
    }
  }
  const fresh = await freshMeta(lock);
  if (at !== state.epoch) return "closed";
  const result = await state.place.commit(puts, [], fresh);
  if (result === "written" && at === state.epoch) Object.assign(state, { lock, salt: lock.salt });
  return result;
}
