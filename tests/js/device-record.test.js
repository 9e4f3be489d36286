// The rules of static/js/device-record.js without a page, run by tests/test_device_record.py.
// Two DeviceRecord objects over one storage are two tabs; node has no Web Locks, so the
// fallback (one write at a time in this tab) is what runs here.
import { test } from "node:test";
import assert from "node:assert/strict";
import { DeviceRecord, announce, exclusive, listen } from "../../static/js/device-record.js";
import { MemoryStorage } from "./memory-storage.js";

const KEY = "wegweiser.test";
const sealed = (text) => text.startsWith("sealed:");
const tabs = () => {
  globalThis.localStorage = new MemoryStorage();
  return [new DeviceRecord(KEY, sealed), new DeviceRecord(KEY, sealed)];
};

test("a tab writes only over what it read", async () => {
  const [first, second] = tabs();
  assert.equal(await first.write("a"), "changed", "it has not read yet");
  first.read();
  second.read();
  assert.equal(await first.write("a"), "written");
  assert.equal(await first.write("b"), "written", "its own write is what it knows");
  assert.equal(await second.write("c"), "changed");
  assert.equal(localStorage.getItem(KEY), "b");
  assert.equal(second.read(), "b");
  assert.equal(await second.write("c"), "written");
});

test("clear text never replaces a sealed record, unless she removed the passphrase here", async () => {
  const [first] = tabs();
  first.read();
  assert.equal(await first.write("sealed:1"), "written");
  assert.equal(await first.write("plain"), "refused");
  assert.equal(localStorage.getItem(KEY), "sealed:1");
  assert.equal(await first.write("sealed:2"), "written", "sealed over sealed: a new passphrase");
  assert.equal(await first.write("plain", { unseal: true }), "written");
  assert.equal(localStorage.getItem(KEY), "plain");
});

test("a deleted record stays deleted: a tab that knew it cannot write it back", async () => {
  const [first, second] = tabs();
  first.read();
  await first.write("plan");
  second.read();
  assert.equal(second.remove(), "written");
  assert.equal(localStorage.getItem(KEY), null);
  assert.equal(await first.write("plan!"), "changed");
  assert.equal(localStorage.getItem(KEY), null);
  assert.equal(first.remove(), "written", "deleting needs no reading first");
});

test("a write that is no longer wanted is dropped inside the lock", async () => {
  const [first] = tabs();
  first.read();
  assert.equal(await first.write("a", { still: () => false }), "dropped");
  assert.equal(localStorage.getItem(KEY), null);
});

test("writes run one at a time, in order", async () => {
  const order = [];
  const slow = exclusive(KEY, async () => {
    order.push("first starts");
    await new Promise((resolve) => setTimeout(resolve, 30));
    order.push("first ends");
  });
  const next = exclusive(KEY, () => order.push("second"));
  const failing = exclusive(KEY, () => {
    throw new Error("full");
  });
  const after = exclusive(KEY, () => order.push("third"));
  await Promise.all([slow, next, after, failing.catch(() => order.push("failed"))]);
  assert.deepEqual(order, ["first starts", "first ends", "second", "failed", "third"]);
});

test("a tab hears of a change elsewhere, and only of one it does not know", async () => {
  const [mine] = tabs();
  mine.read();
  // Another tab: its own module, so its own channel.
  const elsewhere = new BroadcastChannel("wegweiser.device-records");
  const settle = () => new Promise((resolve) => setTimeout(resolve, 50));
  const heard = [];
  const stop = mine.onChange(() => heard.push(mine.read()));
  const named = [];
  const stopNamed = listen("wegweiser.other", () => named.push("other"));
  localStorage.setItem(KEY, "from elsewhere");
  elsewhere.postMessage(KEY);
  await settle();
  assert.deepEqual(heard, ["from elsewhere"]);
  elsewhere.postMessage(KEY); // nothing new: this tab knows the text now
  elsewhere.postMessage("wegweiser.other");
  await settle();
  assert.deepEqual(heard, ["from elsewhere"]);
  assert.deepEqual(named, ["other"]);
  await mine.write("mine");
  announce(KEY); // a tab does not hear itself
  await settle();
  assert.deepEqual(heard, ["from elsewhere"]);
  stop();
  stopNamed();
  localStorage.setItem(KEY, "again");
  elsewhere.postMessage(KEY);
  await settle();
  assert.deepEqual(heard, ["from elsewhere"], "stopped listening");
  elsewhere.close();
});
