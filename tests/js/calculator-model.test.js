// The calculator without a page (static/js/calculator-model.js), run by tests/test_covers_model.py.
import { test } from "node:test";
import assert from "node:assert/strict";
import { calculate, create, decimal, press, text, view } from "../../static/js/calculator-model.js";

/** Presses keys ("1 2 + 3 =") from a fresh calculator: the display, what waits, and what the last key handed on. */
function run(keys) {
  let state = create();
  let typed = "";
  for (const key of keys.split(" ").filter(Boolean)) {
    const result = press(state, key);
    state = result.state;
    typed = result.typed;
  }
  return { ...view(state), typed };
}

test("exact decimals: no binary float artefacts", () => {
  assert.equal(run("0 . 1 + 0 . 2 =").shown, "0.3");
  assert.equal(run("0 . 1 * 0 . 2 =").shown, "0.02");
  assert.equal(run("1 . 1 * 1 . 1 =").shown, "1.21");
  assert.equal(run("0 . 3 - 0 . 1 =").shown, "0.2");
  assert.equal(run("1 0 / 4 =").shown, "2.5");
  assert.equal(run("7 - 1 0 =").shown, "-3");
});

test("division keeps 20 places, the display rounds to 10", () => {
  assert.equal(run("1 / 3 =").shown, "0.3333333333");
  assert.equal(run("2 / 3 =").shown, "0.6666666667");
  assert.equal(run("1 / 3 * 3 =").shown, "1");
  assert.equal(text(calculate(decimal("1"), "/", decimal("8"))), "0.125");
  assert.equal(text(calculate(decimal("-1"), "/", decimal("3"))), "-0.33333333333333333333");
});

test("chained operations work out as each operator comes, like a pocket calculator", () => {
  assert.deepEqual(run("2 + 3 *"), { shown: "5", pending: { value: "5", operator: "*" }, error: false, typed: "" });
  assert.equal(run("2 + 3 * 4 =").shown, "20");
  assert.equal(run("1 0 - 2 - 3 =").shown, "5");
  assert.equal(run("6 / 4 * 2 =").shown, "3");
  assert.equal(run("3 - + 2 =").shown, "5", "a second operator replaces the first");
  assert.equal(run("2 + 3 = =").shown, "8", "= again repeats the last operation");
  assert.equal(run("2 + 3 = 4 =").shown, "4", "a new number after a result starts afresh");
  assert.equal(run("2 + 3 = * 2 =").shown, "10", "a result goes on into the next operation");
});

test("entries keep what she types: decimal sign, zeros, sign, backspace", () => {
  assert.equal(run("1 . 5 0").shown, "1.50");
  assert.equal(run(". 5").shown, "0.5");
  assert.equal(run("1 . . 2").shown, "1.2");
  assert.equal(run("0 0 7").shown, "7");
  assert.equal(run("9 sign").shown, "-9");
  assert.equal(run("9 sign * 2 =").shown, "-18");
  assert.equal(run("1 2 3 back").shown, "12");
  assert.equal(run("5 back back").shown, "0");
  assert.equal(run("1 2 clear").shown, "0");
  assert.equal(run("1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7").shown, "123456789012345", "at most 15 digits");
});

test("dividing by zero shows the error until a number or clear", () => {
  assert.equal(run("5 / 0 =").error, true);
  assert.equal(run("5 / 0 = +").error, true);
  assert.equal(run("5 / 0 = 3").shown, "3");
  assert.equal(run("5 / 0 = clear").shown, "0");
});

test("a number typed on its own before = is handed on as typed, anything else is not", () => {
  assert.equal(run("1 2 3 4 =").typed, "1234");
  assert.equal(run("0 0 4 2 =").typed, "0042");
  assert.equal(run("0 0 4 2 =").shown, "42", "the display is a calculator's all the same");
  assert.equal(run("1 2 3 4 5 back =").typed, "1234");
  assert.equal(run("5 + 1 2 3 4 =").typed, "", "the right side of an operation is not a code");
  assert.equal(run("1 2 . 3 4 =").typed, "12.34", "handed on as typed: the lock refuses it");
  assert.equal(run("1 2 3 4 = =").typed, "", "only the first = hands it on");
  assert.equal(run("2 + 3 =").typed, "");
});
