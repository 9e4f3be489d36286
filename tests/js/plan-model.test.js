// The plan's state model without a page (static/js/plan-model.js), run by tests/test_plan_model.py.
import { test } from "node:test";
import assert from "node:assert/strict";
import { webcrypto } from "node:crypto";
import * as model from "../../static/js/plan-model.js";
import { STORAGE } from "../../static/js/names.js";
import { MemoryStorage } from "./memory-storage.js";

if (!globalThis.crypto) globalThis.crypto = webcrypto; // node 18 has it only here
const PASSPHRASE = "drei kleine Wörter";
const plan = (text) => ({ fields: { "people.codeword": text }, checked: ["bag.id"], own: [{ text: "Brille", checked: true }] });
const stored = () => globalThis.localStorage.getItem(STORAGE.plan);
const nothing = () => {};

/** A fresh device; the state as the page has it after start. */
function start(canStore = true) {
  globalThis.localStorage = new MemoryStorage();
  const state = model.create(canStore);
  model.close(state);
  return { state, read: model.read(state) };
}

test("a new plan is open, empty and not sealed", () => {
  const { state, read } = start();
  assert.deepEqual(read, { plan: null, damaged: false });
  assert.equal(state.open, true);
  assert.equal(state.sealed, false);
  assert.equal(state.lock, null);
});

test("a saved plan is read back, in the clear without a passphrase", async () => {
  const { state } = start();
  assert.equal(await model.save(state, plan("Anna")), "saved");
  assert.equal(JSON.parse(stored()).plan.fields["people.codeword"], "Anna");
  model.close(state);
  assert.deepEqual(model.read(state), { plan: plan("Anna"), damaged: false });
});

test("nothing is saved while closed or where the browser stores nothing", async () => {
  const { state } = start();
  model.close(state);
  assert.equal(await model.save(state, plan("Anna")), "closed");
  const blocked = start(false).state;
  assert.equal(blocked.open, true);
  assert.equal(await model.save(blocked, plan("Anna")), "closed");
  assert.equal(stored(), null);
});

test("of two saves in flight only the later one writes", async () => {
  const { state } = start();
  const [first, second] = await Promise.all([model.save(state, plan("eins")), model.save(state, plan("zwei"))]);
  assert.deepEqual([first, second], ["dropped", "saved"]);
  assert.equal(JSON.parse(stored()).plan.fields["people.codeword"], "zwei");
});

test("a save still in flight when the plan is deleted or replaced writes nothing", async () => {
  const { state } = start();
  const saving = model.save(state, plan("Anna"));
  model.forget(state);
  assert.equal(await saving, "dropped");
  assert.equal(stored(), null);
  assert.equal(state.open, true);
  const again = model.save(state, plan("Berta"));
  model.replace(state, null);
  assert.equal(await again, "dropped");
  assert.equal(stored(), null);
});

test("a damaged record is said so, and the plan starts empty", async () => {
  const { state } = start();
  globalThis.localStorage.setItem(STORAGE.plan, "{not json");
  model.close(state);
  assert.deepEqual(model.read(state), { plan: null, damaged: true });
  assert.equal(state.open, true);
  assert.deepEqual(await model.unlock(state, PASSPHRASE, nothing), { result: "damaged" });
});

test("with a passphrase only the sealed plan is stored; it opens with the passphrase only", async () => {
  const { state } = start();
  assert.deepEqual(model.passphraseProblem("kurz", "kurz", 12), "tooShort");
  assert.deepEqual(model.passphraseProblem(PASSPHRASE, `${PASSPHRASE}!`, 12), "mismatch");
  assert.equal(model.passphraseProblem(PASSPHRASE, PASSPHRASE, 12), null);
  assert.equal(await model.protect(state, PASSPHRASE), true);
  assert.equal(state.sealed, true);
  assert.equal(await model.save(state, plan("Zq-geheim")), "saved");
  assert.ok(JSON.parse(stored()).sealed);
  assert.ok(!stored().includes("Zq-geheim"));

  model.close(state);
  assert.deepEqual(model.read(state), { plan: null, damaged: false });
  assert.deepEqual([state.open, state.sealed, state.lock], [false, true, null]);
  assert.deepEqual(await model.unlock(state, "", nothing), { result: "empty" });
  let working = 0;
  assert.deepEqual(await model.unlock(state, "falsche Wörter", () => working++), { result: "wrong" });
  assert.equal(working, 1);
  assert.deepEqual([state.open, state.lock], [false, null]);
  const opened = await model.unlock(state, PASSPHRASE, nothing);
  assert.equal(opened.result, "opened");
  assert.deepEqual(opened.plan, plan("Zq-geheim"));
  assert.equal(state.open, true);
  assert.equal(state.lock, opened.lock);
});

test("a passphrase that arrives after the plan closed is dropped", async () => {
  const { state } = start();
  await model.protect(state, PASSPHRASE);
  await model.save(state, plan("Anna"));
  model.close(state);
  model.read(state);
  const opening = model.unlock(state, PASSPHRASE, nothing);
  model.close(state);
  assert.deepEqual(await opening, { result: "stale" });
  assert.deepEqual([state.open, state.lock], [false, null]);

  model.close(state);
  model.read(state);
  state.open = true; // as after unlocking: setting a passphrase that comes too late
  const protecting = model.protect(state, "andere Wörter hier");
  model.close(state);
  assert.equal(await protecting, false);
  assert.equal(state.lock, null);
});

test("the record takes the key at once: closing right after still seals", async () => {
  const { state } = start();
  await model.protect(state, PASSPHRASE);
  const making = model.record(state, plan("Zq-geheim"));
  model.close(state);
  const made = await making;
  assert.ok(made.sealed && !made.plan);
  assert.ok(!JSON.stringify(made).includes("Zq-geheim"));
});

test("removing the passphrase stores the plan in the clear again", async () => {
  const { state } = start();
  assert.equal(model.unprotect(state), false);
  await model.protect(state, PASSPHRASE);
  assert.equal(model.unprotect(state), true);
  assert.deepEqual([state.sealed, state.lock], [false, null]);
  await model.save(state, plan("Anna"));
  assert.equal(JSON.parse(stored()).plan.fields["people.codeword"], "Anna");
});

test("files: a plain one is taken, a sealed one waits for its passphrase, others are refused", async () => {
  const { state } = start();
  const file = (value) => new Blob([typeof value === "string" ? value : JSON.stringify(value)]);
  const plain = { type: "wegweiser-safety-plan", version: 1, plan: plan("aus Datei") };
  assert.deepEqual(await model.readFile(state, undefined), { result: "none" });
  assert.deepEqual(await model.readFile(state, file(plain)), { result: "plan", plan: plan("aus Datei") });
  assert.deepEqual(await model.readFile(state, file({ ...plain, version: 99 })), { result: "newer" });
  assert.deepEqual(await model.readFile(state, file("\x89PNG")), { result: "bad" });
  assert.deepEqual(await model.readFile(state, file({ name: "Einkaufsliste" })), { result: "bad" });
  assert.deepEqual(await model.readFile(state, file("x".repeat(2000001))), { result: "bad" });

  await model.protect(state, PASSPHRASE);
  const sealed = await model.record(state, plan("versiegelt"));
  model.unprotect(state);
  assert.deepEqual(await model.readFile(state, file(sealed)), { result: "sealed" });
  assert.deepEqual(state.importing, sealed.sealed);
  assert.deepEqual(await model.openFile(state, "falsche Wörter", nothing), { result: "wrong" });
  const opened = await model.openFile(state, PASSPHRASE, nothing);
  assert.equal(opened.result, "opened");
  assert.deepEqual(opened.plan, plan("versiegelt"));
  assert.equal(state.importing, null);

  model.replace(state, opened.lock);
  assert.deepEqual([state.sealed, state.lock], [true, opened.lock]);
  assert.equal(await model.save(state, opened.plan), "saved");
  assert.ok(JSON.parse(stored()).sealed);
});

test("records and files have a neutral type; those made before still open", async () => {
  const { state } = start();
  const made = await model.record(state, plan("Anna"));
  assert.equal(made.type, "wegweiser-notes");
  await model.protect(state, PASSPHRASE);
  const sealed = await model.record(state, plan("versiegelt"));
  assert.equal(sealed.type, "wegweiser-notes");

  // As the app wrote them before: the same record with the type it had then.
  const before = (record) => JSON.stringify({ ...record, type: "wegweiser-safety-plan" });
  const fresh = start().state;
  globalThis.localStorage.setItem(STORAGE.plan, before(made));
  model.close(fresh);
  assert.deepEqual(model.read(fresh), { plan: plan("Anna"), damaged: false });
  assert.deepEqual(await model.readFile(fresh, new Blob([before(made)])), { result: "plan", plan: plan("Anna") });
  assert.deepEqual(await model.readFile(fresh, new Blob([before(sealed)])), { result: "sealed" });
  const opened = await model.openFile(fresh, PASSPHRASE, nothing);
  assert.deepEqual([opened.result, opened.plan], ["opened", plan("versiegelt")]);

  globalThis.localStorage.setItem(STORAGE.plan, before(sealed));
  model.close(fresh);
  assert.deepEqual(model.read(fresh), { plan: null, damaged: false });
  assert.equal(fresh.sealed, true);
  const unlocked = await model.unlock(fresh, PASSPHRASE, nothing);
  assert.deepEqual([unlocked.result, unlocked.plan], ["opened", plan("versiegelt")]);
  assert.equal(await model.save(fresh, plan("weiter")), "saved");
  assert.equal(JSON.parse(stored()).type, "wegweiser-notes", "saved again under the neutral type");
  assert.deepEqual(await model.readFile(fresh, new Blob([JSON.stringify({ ...made, type: "shopping-list" })])), { result: "bad" });
});

test("a file read or opened while the plan closes is dropped", async () => {
  const { state } = start();
  const plain = new Blob([JSON.stringify({ type: "wegweiser-safety-plan", version: 1, plan: plan("x") })]);
  const reading = model.readFile(state, plain);
  model.close(state);
  assert.deepEqual(await reading, { result: "stale" });
  model.read(state);
  await model.protect(state, PASSPHRASE);
  const sealed = new Blob([JSON.stringify(await model.record(state, plan("y")))]);
  await model.readFile(state, sealed);
  const opening = model.openFile(state, PASSPHRASE, nothing);
  model.close(state);
  assert.deepEqual(await opening, { result: "stale" });
  assert.equal(state.importing, null);
});

test("two tabs: a tab without the key never stores clear text over the other's sealed plan", async () => {
  const { state: first } = start();
  await model.save(first, plan("Zq-geheim"));
  const second = model.create(true); // another tab, on the same storage
  model.read(second);
  await model.protect(second, PASSPHRASE);
  assert.equal(await model.save(second, plan("Zq-geheim")), "saved");
  assert.equal(await model.save(first, plan("Zq-geheim!")), "changed");
  assert.ok(JSON.parse(stored()).sealed && !stored().includes("Zq-geheim"));
  assert.deepEqual(await model.follow(first), { result: "closed" });
  assert.deepEqual(model.read(first), { plan: null, damaged: false });
  assert.deepEqual([first.open, first.sealed, first.lock], [false, true, null]);
});

test("two tabs: an open tab follows a change made with its key, and locks on another key", async () => {
  const { state: first } = start();
  await model.protect(first, PASSPHRASE);
  await model.save(first, plan("eins"));
  const second = model.create(true);
  model.read(second);
  assert.equal((await model.unlock(second, PASSPHRASE, nothing)).result, "opened");
  assert.equal(await model.save(second, plan("zwei")), "saved");
  assert.deepEqual(await model.follow(first), { result: "opened", plan: plan("zwei") });
  assert.equal(await model.save(first, plan("drei")), "saved", "it knows the stored plan now");

  model.close(second);
  model.read(second);
  await model.unlock(second, PASSPHRASE, nothing);
  await model.protect(second, "ganz andere Wörter");
  assert.equal(await model.save(second, plan("vier")), "saved");
  assert.equal(await model.save(first, plan("fünf")), "changed", "the old key does not write over the new one");
  assert.deepEqual(await model.follow(first), { result: "closed" });
  model.read(first);
  assert.deepEqual([first.open, first.lock], [false, null]);
});

test("removing the passphrase is the one way to clear text over a sealed plan", async () => {
  const { state } = start();
  await model.protect(state, PASSPHRASE);
  await model.save(state, plan("Anna"));
  state.lock = null; // as a bug would: no key, and no choice of hers to remove the passphrase
  assert.equal(await model.save(state, plan("Anna")), "refused");
  assert.ok(JSON.parse(stored()).sealed);
  await model.protect(state, PASSPHRASE);
  model.unprotect(state);
  assert.equal(await model.save(state, plan("Anna")), "saved");
  assert.ok(JSON.parse(stored()).plan);
});

test("a deletion in another tab is not undone by this one", async () => {
  const { state: first } = start();
  await model.save(first, plan("Anna"));
  const second = model.create(true);
  model.read(second);
  model.forget(second);
  model.remove(second);
  assert.equal(stored(), null);
  assert.equal(await model.save(first, plan("Anna!")), "changed");
  assert.equal(stored(), null);
});
