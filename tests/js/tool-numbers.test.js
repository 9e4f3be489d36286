// Numbers as each language writes them (static/js/tool-numbers.js) and the lock's code
// (static/js/tool-lock.js), run by tests/test_covers_model.py.
import { test } from "node:test";
import assert from "node:assert/strict";
import { webcrypto } from "node:crypto";
import { format, parse, plainOf } from "../../static/js/tool-numbers.js";
import { asCode, asciiDigits, isCode, lockFor } from "../../static/js/tool-lock.js";

if (!globalThis.crypto) globalThis.crypto = webcrypto;

const de = { digits: "0123456789", decimal: ",", group: "." };
const en = { digits: "0123456789", decimal: ".", group: "," };
const pl = { digits: "0123456789", decimal: ",", group: "\u00a0" };
const fa = { digits: "۰۱۲۳۴۵۶۷۸۹", decimal: "٫", group: "٬" };

test("format: the language's digits, decimal sign, groups and a real minus", () => {
  assert.equal(format("1234.5", de), "1.234,5");
  assert.equal(format("-1234567.25", en), "\u22121,234,567.25");
  assert.equal(format("1234", pl), "1\u00a0234");
  assert.equal(format("12345", pl), "12\u00a0345");
  assert.equal(format("0.", de), "0,");
  assert.equal(format("12.50", de), "12,50");
  assert.equal(format("-0.05", fa), "\u2212۰٫۰۵");
});

test("parse: what she types, in her language's way or with 0-9", () => {
  const cases = [
    ["1,5", de, "1.5"], ["1.5", de, "1.5"], ["1.500", de, "1500"], ["1.500,25", de, "1500.25"],
    ["1.5", en, "1.5"], ["1,500", en, "1500"], ["1,500.5", en, "1500.5"], ["1,5", en, "1.5"],
    ["12 345,6", pl, "12345.6"], ["۱٫۵", fa, "1.5"], ["۱۲۳۴", fa, "1234"], ["١٢", fa, "12"],
    ["\u22123,5", de, "-3.5"], ["-.5", en, "-0.5"], [".5", en, "0.5"], [" 7 ", de, "7"],
  ];
  for (const [typed, signs, plain] of cases) assert.equal(parse(typed, signs), plain, typed);
  for (const typed of ["", "abc", "1..2", "1,2,3", "--1", "1-2", "e5"]) assert.equal(parse(typed, en), null, typed);
});

test("plainOf: worked-out floats rounded to 7 significant digits", () => {
  assert.equal(plainOf(0.1 + 0.2), "0.3");
  assert.equal(plainOf(12.5 / 2.54), "4.92126");
  assert.equal(plainOf(1e21), "1000000000000000000000");
  assert.equal(plainOf(-0), "0");
  assert.equal(plainOf(Infinity), null);
});

test("a code is 4 to 12 digits, in any of the digits phones type", () => {
  assert.equal(asciiDigits("۰۱۲۳۴۵۶۷۸۹ ٠١٢٣٤٥٦٧٨٩"), "0123456789 0123456789");
  assert.equal(asCode(" 0042 "), "0042");
  assert.equal(asCode("۱۲۳۴"), "1234");
  for (const text of ["123", "1234567890123", "12 34", "12.34", "abcd", ""]) assert.equal(asCode(text), "", text);
});

test("the lock keeps a salted hash only, and knows the code again", async () => {
  const one = await lockFor("0042", 1000);
  const two = await lockFor("0042", 1000);
  assert.match(one.salt, /^[0-9a-f]{32}$/);
  assert.match(one.hash, /^[0-9a-f]{64}$/);
  assert.notEqual(one.salt, two.salt);
  assert.notEqual(one.hash, two.hash, "the same code gives another hash with another salt");
  assert.ok(!JSON.stringify(one).includes("0042"));
  assert.equal(await isCode(one, "0042"), true);
  assert.equal(await isCode(one, "۰۰۴۲"), true);
  for (const wrong of ["42", "0043", "00420", "", "0042x"]) assert.equal(await isCode(one, wrong), false, wrong);
  const standard = await lockFor("123456");
  assert.equal(standard.iterations, 600000);
  await assert.rejects(lockFor("12"));
});
