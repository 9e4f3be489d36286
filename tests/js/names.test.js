// The names modules share (static/js/names.js), run by tests/test_names.py.
import { test } from "node:test";
import assert from "node:assert/strict";
import { downloadName, STORAGE } from "../../static/js/names.js";

test("a download is named by a neutral word and her day", () => {
  assert.equal(downloadName("Notizen", new Date(2026, 4, 1, 0, 30)), "Notizen-2026-05-01.json");
  assert.equal(downloadName("ملاحظات", new Date(2026, 11, 31, 23, 59)), "ملاحظات-2026-12-31.json");
  assert.equal(downloadName("Notes", new Date(2026, 0, 9), "txt"), "Notes-2026-01-09.txt");
});

test("a word never turns the name into a path or an empty name", () => {
  const day = new Date(2026, 4, 1);
  assert.equal(downloadName("../a/b:c", day), ".. a b c-2026-05-01.json");
  assert.equal(downloadName(" \u0000/ ", day), "Notizen-2026-05-01.json");
  assert.ok(!downloadName('x\\y*?"<>|', day).match(/[\\/:*?"<>|]/));
  // Persian writes "notes" with a zero-width non-joiner, which a browser would save as "_".
  assert.equal(downloadName("یادداشت\u200cها", day), "یادداشت ها-2026-05-01.json");
  assert.equal(downloadName("\u2066Notes\u2069\n", day), "Notes-2026-05-01.json");
});

test("stored names start with the app's name, the covers' with a name of their own", () => {
  // The covers read the disguise's names, and nothing a cover loads may name this app.
  const covers = ["disguise", "shoppingList"];
  for (const [name, key] of Object.entries(STORAGE)) {
    assert.match(key, covers.includes(name) ? /^tools\./ : /^wegweiser\./, name);
  }
});
