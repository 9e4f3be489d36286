"""Figures for the journal in headless Chromium: a journal of ENTRIES entries and PHOTOS photos
of about 3 MB each. Prints the key derivation (PBKDF2, slow on purpose) apart from unlocking
and showing the list, saving an entry with one 3 MB photo after it was chosen, the export of
that journal and its import (through the page's button and file input), and the storage used.
Each figure is the median of RUNS runs (3 unless the environment says). Run with
`make bench-journal` (or `python bench/journal.py ENTRIES PHOTOS`); asserts nothing.
"""

from __future__ import annotations

import base64
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.run import fetch, free_port  # noqa: E402

PASSPHRASE = "drei kleine Wörter"
PHOTO_BYTES = 3_000_000
RUNS = int(os.environ.get("RUNS", "3"))

# Fills the journal through its own modules (the page's URLs), as the page itself stores.
SEED = """async ([words, entries, photos, size]) => {
  const base = document.querySelector("script[src$='/js/app.js']").src.replace(/app\\.js$/, "");
  const model = await import(base + "journal-model.js");
  const state = model.create();
  await model.read(state);
  if (await model.unlock(state, words) !== "opened") throw new Error("not opened");
  const random = (n) => { const b = new Uint8Array(n); for (let i = 0; i < n; i += 65536) crypto.getRandomValues(b.subarray(i, Math.min(n, i + 65536))); return b.buffer; };
  for (let i = 0; i < entries; i++) {
    const id = model.newId();
    const added = i < photos ? [{id: model.newId(), type: "image/jpeg", bytes: random(size), preview: random(8000)}] : [];
    const at = new Date(Date.UTC(2025, 0, 1) + i * 36e5).toISOString();
    await model.save(state, {id, when: at.slice(0, 16), about: false, where: "Küche", what: "Eintrag " + i + " ".repeat(400),
      forms: ["psychological"], injuries: "", witnesses: "", children: "", police: false, caseNumber: "", medical: "",
      photos: added.map((p) => ({id: p.id, type: p.type, size: p.bytes.byteLength})), written: at, changed: at}, added);
  }
  state.place.close();
  return (await navigator.storage.estimate()).usage;
}"""

# A photo as a phone takes one: 12 megapixels of fine detail, a real JPEG of about 3 MB, so that
# the preview is drawn from it as from hers (random bytes would fail to decode at once).
CAMERA_PHOTO = """async () => {
  const canvas = new OffscreenCanvas(4000, 3000);
  const g = canvas.getContext("2d");
  const pixels = g.createImageData(4000, 3000);
  let seed = 7;
  for (let i = 0; i < pixels.data.length; i += 4) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    const x = (i / 4) % 4000, y = Math.floor(i / 16000), n = seed & 63;
    pixels.data[i] = (x / 16 + n) & 255; pixels.data[i + 1] = (y / 12 + n) & 255; pixels.data[i + 2] = ((x + y) / 28 + n) & 255;
    pixels.data[i + 3] = 255;
  }
  g.putImageData(pixels, 0, 0);
  const bytes = new Uint8Array(await (await canvas.convertToBlob({ type: "image/jpeg", quality: 0.85 })).arrayBuffer());
  const parts = [];
  for (let at = 0; at < bytes.length; at += 0x8000) parts.push(String.fromCharCode(...bytes.subarray(at, at + 0x8000)));
  return btoa(parts.join(""));
}"""

# From the file input's change (the photo handed over) until the draft shows it with its preview.
CHOSEN = """() => {
  const input = document.querySelector("[data-journal-photo-input]");
  const list = document.querySelector("[data-journal-photos]");
  window.benchChosen = new Promise((resolve) => input.addEventListener("change", () => {
    const start = performance.now();
    const seen = new MutationObserver(() => { seen.disconnect(); resolve(performance.now() - start); });
    seen.observe(list, {childList: true});
  }, {once: true}));
}"""

# From the entry form's submit until the page says it is saved (the list drawn again before).
SAVED = """(saved) => {
  const form = document.querySelector("form[data-journal-entry]");
  const status = document.querySelector("[data-journal-status]");
  status.textContent = "";
  window.benchSaved = new Promise((resolve) => form.addEventListener("submit", () => {
    const start = performance.now();
    const seen = new MutationObserver(() => {
      if (status.textContent !== saved) return;
      seen.disconnect();
      resolve(performance.now() - start);
    });
    seen.observe(status, {childList: true, characterData: true, subtree: true});
  }, {once: true, capture: true}));
}"""

PBKDF2 = """async (words) => {
  const base = document.querySelector("script[src$='/js/app.js']").src.replace(/app\\.js$/, "");
  const cipher = await import(base + "plan-crypto.js");
  const start = performance.now();
  await cipher.deriveLock(words);
  return performance.now() - start;
}"""


def figures(base: str, entries: int, photos: int, scratch: Path) -> None:
    from playwright.sync_api import sync_playwright

    chromium = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
    args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run"]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=args)
        page = browser.new_context().new_page()
        page.goto(base + "/de/journal")
        page.wait_for_selector("[data-journal-unlock]:not([hidden])")
        page.fill("#journal-passphrase", PASSPHRASE)
        page.fill("#journal-repeat", PASSPHRASE)
        page.click("[data-journal-unlock-button]")
        page.wait_for_selector("[data-journal-open]:not([hidden])", timeout=60000)
        started = time.monotonic()
        used = page.evaluate(SEED, [PASSPHRASE, entries, photos, PHOTO_BYTES])
        print(f"seeded {entries} entries, {photos} photos of {PHOTO_BYTES / 1e6:.0f} MB in {time.monotonic() - started:.0f} s")
        print(f"storage used: {used / 1e6:.0f} MB")
        kdf = [page.evaluate(PBKDF2, PASSPHRASE) for _ in range(3)]
        print(f"PBKDF2-SHA-256, 600,000 rounds: median {statistics.median(kdf):.0f} ms")
        opened = []
        for _ in range(3):
            page.reload()
            page.wait_for_selector("[data-journal-unlock]:not([hidden])")
            page.fill("#journal-passphrase", PASSPHRASE)
            start = page.evaluate("performance.now()")
            page.press("#journal-passphrase", "Enter")
            page.locator("[data-journal-item]").nth(entries - 1).wait_for(timeout=120000)
            total = page.evaluate("performance.now()") - start
            # The derivation measured right after, on the same busy machine, is taken off.
            opened.append((total, total - page.evaluate(PBKDF2, PASSPHRASE)))
        print(f"unlock and list of {entries}: median {statistics.median(t for t, _ in opened):.0f} ms in all, "
              f"{statistics.median(r for _, r in opened):.0f} ms without the key derivation")
        saves, chosen = [], []
        photo = base64.b64decode(page.evaluate(CAMERA_PHOTO))
        for _ in range(RUNS + 2):
            page.click("[data-journal-new]")
            page.fill("#journal-what", "bench")
            page.evaluate(CHOSEN)
            page.set_input_files("[data-journal-photo-input]", {"name": "p.jpg", "mimeType": "image/jpeg", "buffer": photo})
            page.wait_for_selector("[data-journal-photos] li")
            chosen.append(page.evaluate("window.benchChosen"))
            saved = page.get_attribute("[data-module=journal]", "data-msg-saved")
            page.evaluate(SAVED, saved)
            page.click("form[data-journal-entry] button[type=submit]")
            page.locator("[data-journal-status]", has_text=saved).wait_for(timeout=60000)
            saves.append(page.evaluate("window.benchSaved"))
        print(f"choose a {len(photo) / 1e6:.1f} MB photo of 12 megapixels from its choice until its preview shows: median {statistics.median(chosen):.0f} ms "
              f"of {len(chosen)} ({', '.join(f'{s:.0f}' for s in chosen)})")
        print(f"save an entry with that photo after it was chosen: median {statistics.median(saves):.0f} ms "
              f"of {len(saves)} ({', '.join(f'{s:.0f}' for s in saves)})")
        export_and_import(page, entries + len(saves), scratch)
        browser.close()


def export_and_import(page, entries: int, scratch: Path) -> None:
    """The journal's export button, then the file taken in through its file input after "delete
    everything" and a new set-up with the same passphrase (a new salt: the file's key is derived)."""
    exports = []
    saved = scratch / "journal.wegweiser"
    for _ in range(RUNS):
        start = time.monotonic()
        with page.expect_download(timeout=600000) as download:
            page.click("[data-journal-export]")
        download.value.save_as(saved)
        exports.append(time.monotonic() - start)
    print(f"export of {entries} entries ({saved.stat().st_size / 1e6:.0f} MB file): median {statistics.median(exports):.1f} s "
          f"of {len(exports)} ({', '.join(f'{s:.1f}' for s in exports)})")
    imported = page.get_attribute("[data-module=journal]", "data-msg-imported")
    imports = []
    for _ in range(RUNS):
        page.click("[data-journal-erase]")
        page.click("[data-journal-confirm-yes]")
        page.wait_for_selector("[data-journal-unlock]:not([hidden])")
        page.fill("#journal-passphrase", PASSPHRASE)
        page.fill("#journal-repeat", PASSPHRASE)
        page.click("[data-journal-unlock-button]")
        page.wait_for_selector("[data-journal-open]:not([hidden])", timeout=60000)
        page.set_input_files("[data-journal-import]", str(saved))
        page.fill("[data-journal-import-passphrase]", PASSPHRASE)
        start = time.monotonic()
        page.click("[data-journal-import-merge]")
        page.locator("[data-journal-status]", has_text=imported).wait_for(timeout=600000)
        imports.append(time.monotonic() - start)
        shown = page.locator("[data-journal-item]").count()
        if shown != entries:
            print(f"import: {shown} entries shown, not {entries}")
    print(f"import of that file after delete everything (with its key derivation): median {statistics.median(imports):.1f} s "
          f"of {len(imports)} ({', '.join(f'{s:.1f}' for s in imports)})")
    print(f"storage used after the import: {page.evaluate('navigator.storage.estimate()')['usage'] / 1e6:.0f} MB")


def main() -> None:
    entries = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    photos = int(sys.argv[2]) if len(sys.argv) > 2 else 100
    scratch = Path(tempfile.mkdtemp())
    port = free_port()
    env = {**os.environ, "PORT": str(port), "DATABASE_PATH": str(scratch / "db.json"),
           "QUICK_EXIT_URL": "https://example.org/weather"}
    server = subprocess.Popen([sys.executable, str(ROOT / "server.py")], env=env, cwd=ROOT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                fetch(base + "/de/")
                break
            except OSError:
                time.sleep(0.1)
        print(f"## Journal: {entries} entries, {photos} photos (headless Chromium)")
        figures(base, entries, photos, scratch)
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
