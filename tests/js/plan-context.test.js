// The plan's sealed records are authenticated with PLAN_CONTEXT (names.js); the journal checks
// the plan's passphrase with the same context, so it must follow the plan's format and version.
import { test } from "node:test";
import assert from "node:assert/strict";
import { CONTEXT } from "../../static/js/plan-storage.js";
import { PLAN_CONTEXT } from "../../static/js/names.js";

test("the plan's context is its format and version", () => {
  assert.equal(new TextDecoder().decode(CONTEXT), PLAN_CONTEXT);
  assert.match(PLAN_CONTEXT, /^wegweiser-safety-plan\/1$/);
});
