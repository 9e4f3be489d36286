"""The safety plan in a real browser: it stays on the device, encrypted when she wants, and locks.

PBKDF2 with 600,000 rounds takes time in the browser: each test derives a key only a few times.
"""

from __future__ import annotations

import json
import secrets
from pathlib import Path
from urllib.parse import unquote

import pytest
from playwright.sync_api import expect

from pwa.plan import SECTIONS
from tests.conftest import PHONE
from tests.helpers import axe_violations

pytestmark = pytest.mark.browser

PASSPHRASE = "drei kleine Wörter"
SLOW = 30000  # ms: key derivation on a busy machine

# Everything the page and its service worker keep in this browser, as one text.
DUMP_STORAGE = """async () => {
  const text = (value) => JSON.stringify(value, (key, v) =>
    v instanceof ArrayBuffer || ArrayBuffer.isView(v)
      ? String.fromCharCode(...new Uint8Array(v.buffer || v)) : v);
  const out = {local: {...localStorage}, session: {...sessionStorage}, databases: [], caches: []};
  for (const {name} of await indexedDB.databases()) {
    const db = await new Promise((ok, fail) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => ok(request.result);
      request.onerror = fail;
    });
    for (const store of db.objectStoreNames) {
      const rows = await new Promise((ok) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => ok(request.result);
      });
      out.databases.push([name, store, text(rows)]);
    }
    db.close();
  }
  for (const key of await caches.keys()) {
    const cache = await caches.open(key);
    for (const request of await cache.keys()) {
      out.caches.push(request.url + " " + await (await cache.match(request)).text());
    }
  }
  return text(out);
}"""

# The text of everything shown, and every value of every field.
PAGE_TEXT = """() => document.body.innerText + " " +
  [...document.querySelectorAll("input, textarea")].map((e) => e.value).join(" ")"""

WAIT_FOR_WORKER = """async () => {
  const timeout = new Promise((_, fail) => setTimeout(() => fail(new Error("no service worker")), 15000));
  await Promise.race([navigator.serviceWorker.ready, timeout]);
  if (!navigator.serviceWorker.controller) {
    await Promise.race([new Promise((ok) =>
      navigator.serviceWorker.addEventListener("controllerchange", ok, {once: true})), timeout]);
  }
  return Boolean(navigator.serviceWorker.controller);
}"""

OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const wide = [];
  for (const element of document.querySelectorAll("body *")) {
    if (element.closest(".visually-hidden, .skip-link")) continue;
    const box = element.getBoundingClientRect();
    if (box.width && (box.right > width + 1 || box.left < -1)) {
      wide.push(`${element.tagName}.${element.className} ${Math.round(box.left)}..${Math.round(box.right)}`);
    }
  }
  return {scroll: document.documentElement.scrollWidth, width, wide: wide.slice(0, 10)};
}"""


def _field_ids() -> list[str]:
    return [f"#plan-{field.id.replace('.', '-')}" for section in SECTIONS for field in section.fields]


def _fill_every_section(page, marker: str) -> dict[str, str]:
    """A different marker text in every field, and one own item in the emergency bag."""
    values = {}
    for index, selector in enumerate(_field_ids()):
        values[selector] = f"{marker}-{index} Text"
        page.fill(selector, values[selector])
    page.fill("#plan-own-input", f"{marker}-own")
    page.click("[data-plan-own-add]")
    page.check("[data-plan-check='bag.id']")
    page.check("[data-plan-check='after.passwords']")
    filled = {s.id for s in SECTIONS if s.fields} | {s.id for s in SECTIONS if s.own_items}
    assert filled == {s.id for s in SECTIONS}, "every section takes her own text"
    return values


def _saved(page) -> None:
    expect(page.locator("[data-plan-status]")).to_have_text(
        page.get_attribute("[data-module=plan]", "data-msg-saved"), timeout=SLOW
    )


def _assert_shows(page, values: dict[str, str], marker: str) -> None:
    for selector, value in values.items():
        assert page.input_value(selector) == value, selector
    assert f"{marker}-own" in page.inner_text("[data-plan-own]")
    assert page.is_checked("[data-plan-check='bag.id']")
    assert page.is_checked("[data-plan-check='after.passwords']")


def _set_passphrase(page, words: str = PASSPHRASE) -> None:
    page.click("[data-plan-passphrase-summary]")
    warning = page.locator("[data-plan-passphrase] .note--warning")
    expect(warning).to_be_visible()
    assert "vergessen" in warning.inner_text() and "löschen" in warning.inner_text()
    page.fill("#plan-new-passphrase", words)
    page.fill("#plan-repeat-passphrase", words)
    page.click("[data-plan-set-passphrase]")
    expect(page.locator("[data-plan-status]")).to_contain_text("Passphrase", timeout=SLOW)


def _unlock(page, words: str = PASSPHRASE) -> None:
    page.fill("#plan-unlock-passphrase", words)
    page.press("#plan-unlock-passphrase", "Enter")
    expect(page.locator("[data-plan-sections]")).to_be_visible(timeout=SLOW)


def _assert_locked(page, marker: str) -> None:
    expect(page.locator("[data-plan-unlock]")).to_be_visible()
    expect(page.locator("[data-plan-sections]")).to_be_hidden()
    assert marker not in page.evaluate(PAGE_TEXT)


def _plan_keys(page) -> list[str]:
    return page.evaluate("Object.keys(localStorage).filter((k) => k.startsWith('wegweiser.plan'))")


def _choose(page, path: Path) -> None:
    page.set_input_files("#plan-import-file", str(path))


def test_the_plan_stays_on_the_device(browser, live_server, tmp_path):
    """Fill, reload, print, export, protect, lock: no request ever carries her text."""
    context = browser.new_context(viewport=PHONE, accept_downloads=True)
    requests = []
    context.on("request", lambda request: requests.append(request))
    page = context.new_page()
    page.goto(live_server + "/de/plan")
    assert page.evaluate(WAIT_FOR_WORKER), "the service worker controls the page"
    page.reload()

    marker = "Zq" + secrets.token_hex(6)
    values = _fill_every_section(page, marker)
    _saved(page)
    page.reload()
    _assert_shows(page, values, marker)
    # Her own items are page text: kept away from the browser's machine translation.
    assert page.get_attribute("[data-plan-own] li span", "translate") == "no"
    assert page.get_attribute("[data-plan-own] li button", "translate") == "no"

    # Printing: the plan without the exit bar, the navigation and the buttons.
    page.emulate_media(media="print")
    expect(page.locator("#quick-exit")).to_be_hidden()
    expect(page.locator(".site-nav")).to_be_hidden()
    expect(page.locator(".plan-tools")).to_be_hidden()
    expect(page.locator(_field_ids()[0])).to_be_visible()
    page.pdf(path=str(tmp_path / "plan.pdf"))
    page.emulate_media(media="screen")

    with page.expect_download() as download:
        page.click("[data-plan-export]")
    plain_file = Path(download.value.path()).read_text(encoding="utf-8")
    assert json.loads(plain_file)["type"] == "wegweiser-notes"
    assert download.value.suggested_filename.startswith("Notizen-")
    assert marker in plain_file  # made on the device, for her

    _set_passphrase(page)
    storage = page.evaluate(DUMP_STORAGE)
    assert "wegweiser.plan" in storage and "sealed" in storage
    assert marker not in storage, "plain text left in the browser's storage"

    with page.expect_download() as download:
        page.click("[data-plan-export]")
    sealed_file = Path(download.value.path()).read_text(encoding="utf-8")
    assert marker not in sealed_file and "sealed" in sealed_file

    page.click("[data-plan-lock]")
    _assert_locked(page, marker)
    record = page.evaluate("localStorage.getItem('wegweiser.plan')")

    page.fill("#plan-unlock-passphrase", "nicht die richtige")
    page.click("[data-plan-unlock-button]")
    expect(page.locator("[data-plan-unlock-error]")).to_contain_text("stimmt nicht", timeout=SLOW)
    assert page.evaluate("localStorage.getItem('wegweiser.plan')") == record, "a wrong passphrase changes nothing"
    _assert_locked(page, marker)

    _unlock(page)
    _assert_shows(page, values, marker)
    page.fill(_field_ids()[0], f"{marker}-changed")
    _saved(page)
    assert page.evaluate("localStorage.getItem('wegweiser.plan')") != record, "saved again, sealed"
    assert marker not in page.evaluate(DUMP_STORAGE)

    # The quick exit's event locks the plan at once, in the same task.
    locked_at_once = page.evaluate("""() => {
      document.dispatchEvent(new Event("quickexit"));
      const fields = [...document.querySelectorAll("input, textarea")];
      return fields.every((e) => (e.type === "checkbox" ? !e.checked : !e.value))
        && document.querySelector("[data-plan-sections]").hidden;
    }""")
    assert locked_at_once
    _assert_locked(page, marker)
    page.reload()
    _assert_locked(page, marker)
    assert marker not in page.evaluate(DUMP_STORAGE)

    worker_requests = [r for r in requests if r.service_worker is not None]
    assert worker_requests, "the service worker's own requests are recorded too"
    leaks = []
    for request in requests:
        try:
            headers = request.all_headers()
        except Exception:  # a request of a page that is gone: its provisional headers
            headers = request.headers
        body = request.post_data_buffer or b""
        seen = " ".join([request.url, unquote(request.url), json.dumps(headers)])
        if marker in seen or marker.encode() in body:
            leaks.append(request.url)
    assert len(requests) > 10
    assert not leaks, leaks
    context.close()


def test_export_delete_import_and_files_that_are_refused(browser, live_server, tmp_path):
    context = browser.new_context(viewport=PHONE, accept_downloads=True, service_workers="block")
    page = context.new_page()
    page.goto(live_server + "/de/plan")
    marker = "Zq" + secrets.token_hex(6)
    values = _fill_every_section(page, marker)
    _saved(page)
    with page.expect_download() as download:
        page.click("[data-plan-export]")
    plain_file = tmp_path / "plan.json"
    download.value.save_as(plain_file)

    # Delete: asked first; "Abbrechen" keeps the plan, "Ja" leaves nothing behind.
    page.click("[data-plan-delete]")
    page.click("[data-plan-confirm-no]")
    _assert_shows(page, values, marker)
    page.click("[data-plan-delete]")
    page.click("[data-plan-confirm-yes]")
    expect(page.locator("[data-plan-status]")).to_contain_text("gelöscht")
    assert _plan_keys(page) == []
    assert marker not in page.evaluate(DUMP_STORAGE)
    assert marker not in page.evaluate(PAGE_TEXT)
    page.reload()
    assert marker not in page.evaluate(PAGE_TEXT)

    # Import into an empty plan restores it.
    _choose(page, plain_file)
    expect(page.locator("[data-plan-status]")).to_contain_text("aus der Datei")
    _assert_shows(page, values, marker)
    page.reload()
    _assert_shows(page, values, marker)

    # Files that are not a plan, or damaged, are refused and change nothing.
    stored = page.evaluate("localStorage.getItem('wegweiser.plan')")
    newer = json.loads(plain_file.read_text(encoding="utf-8")) | {"version": 99}
    bad_files = {
        "damaged.json": plain_file.read_text(encoding="utf-8")[:-40],
        "foreign.json": json.dumps({"name": "Einkaufsliste", "items": ["Milch"]}),
        "wrong-shape.json": json.dumps({"type": "wegweiser-safety-plan", "version": 1, "plan": {"fields": []}}),
        "bad-seal.json": json.dumps({"type": "wegweiser-safety-plan", "version": 1, "sealed": {"kdf": "PBKDF2-SHA-256"}}),
        "newer.json": json.dumps(newer),
        "picture.json": "\x89PNG\r\n",
    }
    for name, text in bad_files.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        _choose(page, path)
        expect(page.locator("[data-plan-import-error]")).to_contain_text("unverändert")
        assert page.evaluate("localStorage.getItem('wegweiser.plan')") == stored, name
        _assert_shows(page, values, marker)
        expect(page.locator("[data-plan-confirm]")).to_be_hidden()

    # A plan in the way: the file replaces it only after a "yes".
    page.fill(_field_ids()[0], "etwas anderes")
    _saved(page)
    _choose(page, plain_file)
    expect(page.locator("[data-plan-confirm]")).to_be_visible()
    page.click("[data-plan-confirm-no]")
    assert page.input_value(_field_ids()[0]) == "etwas anderes"
    _choose(page, plain_file)
    page.click("[data-plan-confirm-yes]")
    _assert_shows(page, values, marker)

    # An encrypted file: her file's passphrase opens it, a wrong one changes nothing.
    _set_passphrase(page)
    with page.expect_download() as download:
        page.click("[data-plan-export]")
    sealed_file = tmp_path / "sealed.json"
    download.value.save_as(sealed_file)
    page.click("[data-plan-delete]")
    page.click("[data-plan-confirm-yes]")
    assert _plan_keys(page) == []
    _choose(page, sealed_file)
    page.fill("#plan-import-passphrase", "falsche Wörter")
    page.click("[data-plan-import-open]")
    expect(page.locator("[data-plan-import-error]")).to_contain_text("passt nicht", timeout=SLOW)
    assert _plan_keys(page) == []
    page.fill("#plan-import-passphrase", PASSPHRASE)
    page.press("#plan-import-passphrase", "Enter")
    expect(page.locator("[data-plan-status]")).to_contain_text("Passphrase der Datei", timeout=SLOW)
    _assert_shows(page, values, marker)
    assert marker not in page.evaluate(DUMP_STORAGE)
    page.click("[data-plan-lock]")
    _assert_locked(page, marker)

    # "Delete everything" (its own module) takes the plan with it, on screen too.
    if page.locator("[data-delete-everything-start]").count():
        page.click("[data-delete-everything-start]")
        page.click("[data-delete-everything-confirm]")
        expect(page.locator("[data-delete-everything-done]")).to_be_visible()
        assert _plan_keys(page) == []
        expect(page.locator("[data-plan-unlock]")).to_be_hidden()
    context.close()


def test_the_plan_locks_when_hidden_idle_or_left(browser, live_server):
    context = browser.new_context(viewport=PHONE, service_workers="block")
    page = context.new_page()
    page.clock.install()
    page.goto(live_server + "/de/plan")
    marker = "Zq" + secrets.token_hex(6)
    page.fill(_field_ids()[0], marker)
    _set_passphrase(page)

    # Hidden for more than a minute.
    page.evaluate("""() => {
      Object.defineProperty(document, "visibilityState", {configurable: true, get: () => "hidden"});
      document.dispatchEvent(new Event("visibilitychange"));
    }""")
    page.clock.fast_forward(61_000)
    page.evaluate("""() => {
      delete document.visibilityState;
      document.dispatchEvent(new Event("visibilitychange"));
    }""")
    _assert_locked(page, marker)

    # Hidden briefly: stays open. Ten minutes without input: locked.
    _unlock(page)
    page.evaluate("""() => {
      Object.defineProperty(document, "visibilityState", {configurable: true, get: () => "hidden"});
      document.dispatchEvent(new Event("visibilitychange"));
    }""")
    page.clock.fast_forward(20_000)
    page.evaluate("""() => {
      delete document.visibilityState;
      document.dispatchEvent(new Event("visibilitychange"));
    }""")
    assert page.input_value(_field_ids()[0]) == marker
    page.clock.fast_forward("09:00")
    page.fill(_field_ids()[1], "noch offen")
    page.clock.fast_forward("09:00")
    assert page.input_value(_field_ids()[0]) == marker, "input restarts the ten minutes"
    page.clock.fast_forward("01:01")
    _assert_locked(page, marker)

    # Back from the back/forward cache, and after leaving the page for another one.
    _unlock(page)
    page.evaluate("window.dispatchEvent(new PageTransitionEvent('pageshow', {persisted: true}))")
    _assert_locked(page, marker)
    _unlock(page)
    page.goto(live_server + "/de/")
    page.go_back()
    _assert_locked(page, marker)
    context.close()


def _axe(page) -> list[dict]:
    # At the top: what scrolls under the sticky exit bar would count as covered.
    page.evaluate("window.scrollTo(0, 0)")
    return axe_violations(page)


@pytest.mark.parametrize("code", ["de", "en"])
def test_zero_axe_violations(browser, live_server, code):
    context = browser.new_context(viewport=PHONE, service_workers="block")
    page = context.new_page()
    page.goto(live_server + f"/{code}/plan")
    # Open, with an own item, the passphrase panel showing an error, and a question asked.
    page.fill(_field_ids()[0], "Anna")
    page.fill("#plan-own-input", "Brille")
    page.click("[data-plan-own-add]")
    page.click("[data-plan-passphrase-summary]")
    page.fill("#plan-new-passphrase", PASSPHRASE)
    page.fill("#plan-repeat-passphrase", "anders")
    page.click("[data-plan-set-passphrase]")
    expect(page.locator("[data-plan-passphrase-error]")).not_to_be_empty()
    page.click("[data-plan-delete]")
    expect(page.locator("[data-plan-confirm]")).to_be_visible()
    failures = {"open": _axe(page)}
    page.click("[data-plan-confirm-no]")
    page.fill("#plan-repeat-passphrase", PASSPHRASE)
    page.click("[data-plan-set-passphrase]")
    page.click("[data-plan-lock]", timeout=SLOW)
    expect(page.locator("[data-plan-unlock]")).to_be_visible()
    failures["locked"] = _axe(page)
    assert not {state: v for state, v in failures.items() if v}, failures
    context.close()


def test_the_layout_holds_right_to_left(browser, live_server):
    context = browser.new_context(viewport=PHONE, service_workers="block")
    page = context.new_page()
    response = page.goto(live_server + "/ar/plan")
    if response.status == 404:
        page.goto(live_server + "/de/plan")
        page.evaluate("document.documentElement.dir = 'rtl'")
    assert page.get_attribute("html", "dir") == "rtl"
    page.fill(_field_ids()[0], "Anna 0170 1234567")
    page.fill("#plan-own-input", "Brille")
    page.click("[data-plan-own-add]")
    page.click("[data-plan-passphrase-summary]")
    page.click("[data-plan-delete]")
    layout = page.evaluate(OVERFLOW)
    assert layout["scroll"] <= layout["width"] and not layout["wide"], layout
    # Mirrored: a checkbox sits at the start of its line, which is the right in RTL.
    box = page.locator("[data-plan-check='bag.id']").bounding_box()
    text = page.locator("[data-plan-check='bag.id'] + span").bounding_box()
    assert box["x"] > text["x"]
    context.close()


def test_without_javascript_the_checklist_is_there_to_print(browser, live_server):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server + "/de/plan")
    expect(page.locator("[data-plan-nojs]")).to_be_visible()
    assert "JavaScript" in page.inner_text("[data-plan-nojs]")
    bag = page.locator("#bag .plan-checklist li")
    assert bag.count() >= 10
    expect(bag.first).to_be_visible()
    expect(page.locator(_field_ids()[0])).to_be_hidden()
    expect(page.locator(".plan-tools")).to_be_hidden()
    page.emulate_media(media="print")
    expect(page.locator("#quick-exit")).to_be_hidden()
    expect(bag.last).to_be_visible()
    context.close()
