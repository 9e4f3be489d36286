// The journal's rules without a page: finding entries, and a photo's location (Exif GPS).
import { test } from "node:test";
import assert from "node:assert/strict";
import { list } from "../../static/js/journal-model.js";
import { located, withoutLocation } from "../../static/js/journal-photos.js";

const entry = (id, when, written, extra = {}) => ({
  id, when, about: false, where: "", what: "", forms: [], injuries: "", witnesses: "", children: "",
  police: false, caseNumber: "", medical: "", photos: [], written, changed: written, ...extra,
});

test("newest first, then by when it was written", () => {
  const found = list([
    entry("a", "2026-01-02T10:00", "2026-01-02T11:00:00Z"),
    entry("b", "2026-03-01T09:00", "2026-03-01T09:30:00Z"),
    entry("c", "2026-01-02T10:00", "2026-01-05T08:00:00Z"),
  ]);
  assert.deepEqual(found.map((e) => e.id), ["b", "c", "a"]);
});

test("search by text in any field, filter by form and dates", () => {
  const all = [
    entry("a", "2026-01-02T10:00", "x", { what: "Er hat GESCHRIEN", forms: ["psychological"] }),
    entry("b", "2026-02-10T10:00", "x", { witnesses: "Nachbarin", forms: ["physical"] }),
  ];
  assert.deepEqual(list(all, { text: "geschrien" }).map((e) => e.id), ["a"]);
  assert.deepEqual(list(all, { text: "nachbarin" }).map((e) => e.id), ["b"]);
  assert.deepEqual(list(all, { form: "physical" }).map((e) => e.id), ["b"]);
  assert.deepEqual(list(all, { from: "2026-02-01" }).map((e) => e.id), ["b"]);
  assert.deepEqual(list(all, { to: "2026-01-02" }).map((e) => e.id), ["a"]);
  assert.deepEqual(list(all, { text: "nichts" }), []);
});

/** A JPEG start with an Exif segment whose first IFD points at a GPS IFD with one entry. */
function jpegWithGps(gpsEntries = 1) {
  const tiff = Buffer.alloc(8 + 2 + 12 + 4 + 2 + 12 + 4);
  tiff.write("II*\0", 0, "latin1");
  tiff.writeUInt32LE(8, 4);
  tiff.writeUInt16LE(1, 8);
  tiff.writeUInt16LE(0x8825, 10);
  tiff.writeUInt16LE(4, 12);
  tiff.writeUInt32LE(1, 14);
  tiff.writeUInt32LE(26, 18);
  tiff.writeUInt16LE(gpsEntries, 26);
  const body = Buffer.concat([Buffer.from("Exif\0\0", "latin1"), tiff]);
  const head = Buffer.from([0xff, 0xd8, 0xff, 0xe1, (body.length + 2) >> 8, (body.length + 2) & 255]);
  const rest = Buffer.from([0xff, 0xfe, 0, 4, 0x41, 0x42, 0xff, 0xda, 0, 2, 1, 2, 3, 0xff, 0xd9]);
  return Buffer.concat([head, body, rest]);
}

const buffer = (bytes) => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length);

test("a photo's location is found and removed, the rest kept as it was", () => {
  const photo = jpegWithGps();
  assert.equal(located(buffer(photo)), true);
  assert.equal(located(buffer(jpegWithGps(0))), false);
  const clean = Buffer.from(withoutLocation(buffer(photo)));
  assert.equal(located(buffer(clean)), false);
  assert.deepEqual([...clean.subarray(0, 2)], [0xff, 0xd8]);
  assert.deepEqual(clean.subarray(2), photo.subarray(photo.indexOf(Buffer.from([0xff, 0xfe]))));
  assert.equal(located(buffer(Buffer.from("not a photo"))), false);
});
