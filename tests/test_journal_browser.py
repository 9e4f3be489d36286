"""The journal in a real browser: on the device only, always sealed, and locked when it must be.

PBKDF2 with 600,000 rounds takes time in the browser: each test derives a key only a few times.
"""

from __future__ import annotations

import base64
import json
import secrets
import struct

import pytest

from pwa.i18n import enabled_codes
from pwa.settings import ROOT
from playwright.sync_api import expect

from tests.conftest import PHONE
from tests.neutral_words import telling_words
from tests.test_plan_browser import DUMP_STORAGE, PAGE_TEXT, PASSPHRASE, SLOW, _axe

pytestmark = pytest.mark.browser

TEXT_FIELDS = ("where", "what", "injuries", "witnesses", "caseNumber", "medical")

# A small JPEG drawn by the browser itself, so it can be decoded for the preview.
DRAW_JPEG = """async () => {
  const canvas = new OffscreenCanvas(64, 48);
  const g = canvas.getContext("2d");
  g.fillStyle = "#c33"; g.fillRect(0, 0, 64, 48); g.fillStyle = "#33c"; g.fillRect(10, 10, 20, 20);
  const bytes = new Uint8Array(await (await canvas.convertToBlob({type: "image/jpeg"})).arrayBuffer());
  return btoa(String.fromCharCode(...bytes));
}"""


def _exif_with_gps() -> bytes:
    """An Exif APP1 segment whose GPS part names a latitude (little-endian TIFF)."""
    gps_at = 8 + 2 + 12 + 4
    tiff = b"II*\x00" + struct.pack("<I", 8)
    tiff += struct.pack("<H", 1) + struct.pack("<HHII", 0x8825, 4, 1, gps_at) + struct.pack("<I", 0)
    tiff += struct.pack("<H", 1) + struct.pack("<HHI", 0x0001, 2, 2) + b"N\x00\x00\x00" + struct.pack("<I", 0)
    body = b"Exif\x00\x00" + tiff
    return b"\xff\xe1" + struct.pack(">H", len(body) + 2) + body


def canary_photo(page, marker: str, gps: bool = True, padding: int = 0) -> bytes:
    """A JPEG with the canary in a comment segment, where it was taken (GPS), and padding."""
    jpeg = base64.b64decode(page.evaluate(DRAW_JPEG))
    comment = f"{marker}-photo".encode() + b"\x00" * padding
    segments = b""
    while comment:
        chunk, comment = comment[:65000], comment[65000:]
        segments += b"\xff\xfe" + struct.pack(">H", len(chunk) + 2) + chunk
    return jpeg[:2] + (_exif_with_gps() if gps else b"") + segments + jpeg[2:]


def open_journal(context, server: str, code: str = "de"):
    page = context.new_page()
    page.goto(f"{server}/{code}/journal")
    expect(page.locator("[data-journal-unlock]")).to_be_visible(timeout=SLOW)
    return page


def set_up(page, words: str = PASSPHRASE) -> None:
    page.fill("#journal-passphrase", words)
    if page.is_visible("#journal-repeat"):
        page.fill("#journal-repeat", words)
    page.click("[data-journal-unlock-button]")
    expect(page.locator("[data-journal-open]")).to_be_visible(timeout=SLOW)


def unlock(page, words: str = PASSPHRASE) -> None:
    page.fill("#journal-passphrase", words)
    page.press("#journal-passphrase", "Enter")
    expect(page.locator("[data-journal-open]")).to_be_visible(timeout=SLOW)


def write_entry(page, marker: str, photos: list[bytes] = (), wait: bool = True, **checks: bool) -> None:
    page.click("[data-journal-new]")
    form = page.locator("form[data-journal-entry]")
    expect(form).to_be_visible()
    for name in TEXT_FIELDS:
        form.locator(f"[name={name}]").fill(f"{marker}-{name}")
    form.locator("[name=forms][value=psychological]").check()
    for name, on in checks.items():
        form.locator(f"[name={name}]").set_checked(on)
    if photos:
        page.set_input_files("[data-journal-photo-input]", [
            {"name": f"photo-{i}.jpg", "mimeType": "image/jpeg", "buffer": photo} for i, photo in enumerate(photos)
        ])
        expect(page.locator("[data-journal-photos] li")).to_have_count(len(photos), timeout=SLOW)
    form.locator("button[type=submit]").click()
    if wait:
        expect(page.locator("[data-journal-status]")).to_have_text(
            page.get_attribute("[data-module=journal]", "data-msg-saved"), timeout=SLOW)


def assert_locked(page, marker: str) -> None:
    expect(page.locator("[data-journal-unlock]")).to_be_visible(timeout=SLOW)
    expect(page.locator("[data-journal-open]")).to_be_hidden()
    assert marker not in page.evaluate(PAGE_TEXT)
    assert marker not in page.content()


def _requests(context) -> list[str]:
    seen: list[str] = []

    def record(request):
        seen.append(" ".join([request.url, str(request.headers), request.post_data or ""]))

    context.on("request", record)
    return seen


@pytest.fixture
def context(browser):
    context = browser.new_context(viewport=PHONE, locale="de-DE")
    yield context
    context.close()


def test_an_entry_is_written_sealed_found_changed_and_deleted(context, live_server):
    marker = f"canary{secrets.token_hex(6)}"
    requests = _requests(context)
    page = open_journal(context, live_server)
    # A visit leaves no database behind: only setting up a journal makes one.
    assert page.evaluate("async () => (await indexedDB.databases()).length") == 0
    set_up(page)
    photo = canary_photo(page, marker)
    page.click("[data-journal-new]")
    page.set_input_files("[data-journal-photo-input]", {"name": "a.jpg", "mimeType": "image/jpeg", "buffer": photo})
    # The photo says where it was taken: she is told, and removes it before it is kept.
    strip = page.locator("[data-journal-strip-location]")
    expect(strip).to_be_visible(timeout=SLOW)
    strip.click()
    page.click("[data-journal-cancel]")
    write_entry(page, marker, [photo], police=True)
    item = page.locator("[data-journal-item]")
    expect(item).to_have_count(1)
    text = item.inner_text()
    assert f"{marker}-what" in text and f"{marker}-caseNumber" in text
    assert page.get_attribute("[data-module=journal]", "data-msg-written").split("{")[0] in text
    expect(item.locator("img")).to_have_count(1)

    # Search and filters, on the device.
    page.fill("#journal-search", f"{marker}-witnesses")
    expect(page.locator("[data-journal-item]")).to_have_count(1)
    page.fill("#journal-search", "nothing like this")
    expect(page.locator("[data-journal-item]")).to_have_count(0)
    page.fill("#journal-search", "")
    page.select_option("#journal-filter-form", "physical")
    expect(page.locator("[data-journal-item]")).to_have_count(0)
    page.select_option("#journal-filter-form", "psychological")
    expect(page.locator("[data-journal-item]")).to_have_count(1)

    stored = page.evaluate(DUMP_STORAGE)
    assert "wegweiser" in stored and marker not in stored
    assert not [r for r in requests if marker in r]

    # Locked after a reload: nothing of it in the page; a wrong passphrase is refused.
    page.reload()
    assert_locked(page, marker)
    page.fill("#journal-passphrase", "falsche Wörter hier")
    page.press("#journal-passphrase", "Enter")
    expect(page.locator("[data-journal-unlock-error]")).not_to_be_empty(timeout=SLOW)
    assert_locked(page, marker)
    unlock(page)
    expect(page.locator("[data-journal-item]")).to_have_count(1)

    # Changed later: both times are shown. Deleted after a confirmation.
    page.click("[data-journal-edit]")
    page.fill("#journal-what", f"{marker}-changed")
    page.click("form[data-journal-entry] button[type=submit]")
    changed = page.get_attribute("[data-module=journal]", "data-msg-changed").split("{")[0]
    expect(page.locator("[data-journal-item]")).to_contain_text(changed, timeout=SLOW)
    expect(page.locator("[data-journal-item]")).to_contain_text(f"{marker}-changed")
    page.click("[data-journal-delete]")
    page.click("[data-journal-confirm-no]")
    expect(page.locator("[data-journal-item]")).to_have_count(1)
    page.click("[data-journal-delete]")
    page.click("[data-journal-confirm-yes]")
    expect(page.locator("[data-journal-item]")).to_have_count(0)
    assert marker not in page.evaluate(DUMP_STORAGE)
    assert not [r for r in requests if marker in r]


# While window.diskFull is set, the browser refuses the last write of a transaction as a full
# disk does (Chromium here ignores a quota set through the DevTools protocol): the writes before
# it in the same transaction were already made and must be rolled back with it.
DISK_FULL = """(() => {
  const put = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (value, key) {
    if (window.diskFull && key === "meta") throw new DOMException("The disk is full.", "QuotaExceededError");
    return put.call(this, value, key);
  };
})();"""


def test_a_full_disk_keeps_every_earlier_entry(context, live_server):
    marker = f"canary{secrets.token_hex(6)}"
    context.add_init_script(DISK_FULL)
    page = open_journal(context, live_server)
    set_up(page)
    write_entry(page, f"{marker}-first")
    before = json.loads(page.evaluate(DUMP_STORAGE))["databases"]
    page.evaluate("window.diskFull = true")
    big = canary_photo(page, marker, gps=False, padding=3_000_000)
    write_entry(page, f"{marker}-second", [big], wait=False)
    full = page.get_attribute("[data-module=journal]", "data-msg-full")
    expect(page.locator("[data-journal-status]")).to_have_text(full, timeout=SLOW)
    # Nothing half-written, and her text is still in the form, to try again.
    assert json.loads(page.evaluate(DUMP_STORAGE))["databases"] == before
    assert page.input_value("#journal-what") == f"{marker}-second-what"
    expect(page.locator("[data-journal-item]")).to_have_count(1)
    page.evaluate("window.diskFull = false")
    page.click("form[data-journal-entry] button[type=submit]")
    expect(page.locator("[data-journal-item]")).to_have_count(2, timeout=SLOW)
    page.reload()
    unlock(page)
    items = page.locator("[data-journal-item]")
    expect(items).to_have_count(2)
    assert f"{marker}-first-what" in items.all_inner_texts()[1]


def test_quick_exit_locks_and_delete_everything_removes_it(context, live_server, exit_stub):
    marker = f"canary{secrets.token_hex(6)}"
    page = open_journal(context, live_server)
    set_up(page)
    write_entry(page, marker)
    # Heard after the journal's own listener, in the same task as the exit.
    page.evaluate("""(marker) => document.addEventListener("quickexit", () => localStorage.setItem("probe",
      JSON.stringify([document.querySelector("[data-journal-open]").hidden, document.body.innerHTML.includes(marker)])))""", marker)
    page.click("#quick-exit")
    page.wait_for_url("https://example.org/**")
    assert exit_stub
    page.goto(f"{live_server}/de/journal")
    assert page.evaluate("localStorage.getItem('probe')") == "[true,false]"
    assert_locked(page, marker)
    page.click("[data-delete-everything-start]")
    page.click("[data-delete-everything-confirm]")
    expect(page.locator("[data-delete-everything-done]")).to_be_visible(timeout=SLOW)
    assert "journal" not in page.evaluate(DUMP_STORAGE)
    page.reload()
    expect(page.locator("#journal-repeat")).to_be_visible(timeout=SLOW)


def test_locks_with_its_button_and_erases_only_the_journal(context, live_server):
    marker = f"canary{secrets.token_hex(6)}"
    page = open_journal(context, live_server)
    page.evaluate("localStorage.setItem('wegweiser.firstVisitNoteDismissed', '1')")
    set_up(page)
    write_entry(page, marker)
    page.click("[data-journal-lock]")
    assert_locked(page, marker)
    unlock(page)
    page.click("[data-journal-erase]")
    page.click("[data-journal-confirm-yes]")
    expect(page.locator("#journal-repeat")).to_be_visible(timeout=SLOW)
    assert marker not in page.content()
    assert page.evaluate("localStorage.getItem('wegweiser.firstVisitNoteDismissed')") == "1"


def test_the_plans_passphrase_opens_a_new_journal(context, live_server):
    from tests.test_plan_browser import _set_passphrase

    page = context.new_page()
    page.goto(f"{live_server}/de/plan")
    page.wait_for_selector("[data-plan-js]:not([hidden])", state="attached")
    _set_passphrase(page)
    page.goto(f"{live_server}/de/journal")
    expect(page.locator("[data-journal-unlock]")).to_be_visible(timeout=SLOW)
    expect(page.locator("#journal-repeat")).to_be_hidden()
    page.fill("#journal-passphrase", "nicht die des Plans")
    page.press("#journal-passphrase", "Enter")
    expect(page.locator("[data-journal-unlock-error]")).not_to_be_empty(timeout=SLOW)
    expect(page.locator("[data-journal-open]")).to_be_hidden()
    set_up(page)
    expect(page.locator("[data-journal-plan-offer]")).to_be_hidden()


def test_two_tabs_never_lose_an_entry(browser, live_server):
    from tests.test_device_record_browser import DEAF

    marker = f"canary{secrets.token_hex(6)}"
    context = browser.new_context(viewport=PHONE, service_workers="block")
    context.add_init_script(DEAF)
    first = open_journal(context, live_server)
    set_up(first)
    second = open_journal(context, live_server)
    unlock(second)
    write_entry(first, f"{marker}-a")
    expect(second.locator("[data-journal-item]")).to_have_count(1, timeout=SLOW)
    write_entry(second, f"{marker}-b")
    expect(first.locator("[data-journal-item]")).to_have_count(2, timeout=SLOW)
    # A tab that has not heard of the other's entry yet writes nothing over it: its save is
    # refused, it shows what is stored, and her text stays in the form to save again.
    second.evaluate("window.deaf = true")
    write_entry(first, f"{marker}-c")
    expect(second.locator("[data-journal-item]")).to_have_count(2)
    write_entry(second, f"{marker}-d", wait=False)
    news = second.get_attribute("[data-module=journal]", "data-msg-changed-elsewhere")
    expect(second.locator("[data-journal-status]")).to_have_text(news, timeout=SLOW)
    expect(second.locator("[data-journal-item]")).to_have_count(3)
    assert second.input_value("#journal-what") == f"{marker}-d-what"
    second.click("form[data-journal-entry] button[type=submit]")
    expect(second.locator("[data-journal-item]")).to_have_count(4, timeout=SLOW)
    second.evaluate("window.deaf = false")
    expect(first.locator("[data-journal-item]")).to_have_count(4, timeout=SLOW)
    # Deleted in one tab: the other locks, and nothing of it is left there.
    first.click("[data-journal-erase]")
    first.click("[data-journal-confirm-yes]")
    assert_locked(second, marker)
    assert marker not in first.evaluate(DUMP_STORAGE)
    context.close()


@pytest.mark.parametrize("code", enabled_codes(ROOT / "locales"))
def test_no_axe_violations_in_any_state(browser, live_server, code):
    context = browser.new_context(viewport=PHONE)
    page = open_journal(context, live_server, code)
    assert _axe(page) == [], "set up"
    set_up(page)
    page.click("[data-journal-new]")
    assert _axe(page) == [], "new entry"
    write_entry(page, "axe", wait=False)
    expect(page.locator("[data-journal-item]")).to_have_count(1, timeout=SLOW)
    assert _axe(page) == [], "list"
    page.click("[data-journal-delete]")
    assert _axe(page) == [], "confirm"
    page.click("[data-journal-lock]")
    assert _axe(page) == [], "locked"
    context.close()


def test_it_works_offline(context, live_server):
    from tests.test_offline_browser import READY, wait_until

    marker = f"canary{secrets.token_hex(6)}"
    page = open_journal(context, live_server)
    wait_until(page, READY, timeout=120.0)
    # The offline module says so once every page is saved (all languages: slow on a busy machine).
    page.locator("[data-module=offline] p").wait_for(timeout=120000)
    context.set_offline(True)
    page.reload()
    set_up(page)
    write_entry(page, marker)
    page.reload()
    unlock(page)
    expect(page.locator("[data-journal-item]")).to_contain_text(f"{marker}-what")
    context.set_offline(False)


# The page's CSP lets no fetch read a blob: URL; the test keeps each blob behind its URL.
KEEP_BLOBS = """(() => {
  window.blobs = new Map();
  const make = URL.createObjectURL;
  URL.createObjectURL = (blob) => { const url = make(blob); window.blobs.set(url, blob); return url; };
})();"""

PHOTO_DIGESTS = """async () => {
  const out = [];
  for (const image of document.querySelectorAll("[data-journal-report] img")) {
    const bytes = await window.blobs.get(image.src).arrayBuffer();
    out.push([...new Uint8Array(await crypto.subtle.digest("SHA-256", bytes))].map((b) => b.toString(16).padStart(2, "0")).join(""));
  }
  return out.sort();
}"""


def _report_digests(page) -> list[str]:
    # Reset each time: a second report must not be read before it is made. Awaited by a locator:
    # wait_for_function polls with eval, which the page's CSP refuses once it has to wait.
    page.evaluate("""() => {
      delete document.documentElement.dataset.printed;
      window.print = () => { document.documentElement.dataset.printed = ""; };
    }""")
    page.click("[data-journal-print]")
    expect(page.locator("html[data-printed]")).to_be_attached(timeout=SLOW)
    return page.evaluate(PHOTO_DIGESTS)


def test_export_delete_import_restores_every_entry_and_photo(context, live_server, tmp_path):
    import hashlib

    marker = f"canary{secrets.token_hex(6)}"
    requests = _requests(context)
    context.add_init_script(KEEP_BLOBS)
    page = open_journal(context, live_server)
    set_up(page)
    photos = [canary_photo(page, f"{marker}{i}", gps=False) for i in range(3)]
    write_entry(page, f"{marker}-one", photos[:2])
    write_entry(page, f"{marker}-two", photos[2:])
    assert _report_digests(page) == sorted(hashlib.sha256(p).hexdigest() for p in photos)
    with page.expect_download() as download:
        page.click("[data-journal-export]")
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert not telling_words(saved.name, "de") and saved.name.startswith("notizen-")
    assert marker.encode() not in saved.read_bytes()

    # A changed byte in a record: refused, and nothing on the device changes.
    lines = saved.read_bytes().split(b"\n")
    record = json.loads(lines[2])
    data = bytearray(base64.b64decode(record["data"]))
    data[20] ^= 1
    record["data"] = base64.b64encode(bytes(data)).decode()
    tampered = tmp_path / "tampered.wegweiser"
    tampered.write_bytes(b"\n".join([*lines[:2], json.dumps(record).encode(), *lines[3:]]))
    foreign = tmp_path / "foreign.json"
    foreign.write_text('{"type": "wegweiser-safety-plan", "version": 1, "plan": {}}')
    before = json.loads(page.evaluate(DUMP_STORAGE))["databases"]
    bad = page.get_attribute("[data-module=journal]", "data-msg-bad-file")
    for wrong in (tampered, foreign):
        page.set_input_files("[data-journal-import]", str(wrong))
        page.click("[data-journal-import-replace]")
        expect(page.locator("[data-journal-import-error]")).to_have_text(bad, timeout=SLOW)
        assert json.loads(page.evaluate(DUMP_STORAGE))["databases"] == before

    # Deleted, set up again (a new salt): the file's passphrase opens it, every photo comes back.
    page.click("[data-journal-erase]")
    page.click("[data-journal-confirm-yes]")
    set_up(page)
    page.set_input_files("[data-journal-import]", str(saved))
    page.fill("[data-journal-import-passphrase]", "nicht die richtige")
    page.click("[data-journal-import-merge]")
    wrong_words = page.get_attribute("[data-module=journal]", "data-msg-file-wrong-passphrase")
    expect(page.locator("[data-journal-import-error]")).to_have_text(wrong_words, timeout=SLOW)
    page.fill("[data-journal-import-passphrase]", PASSPHRASE)
    page.click("[data-journal-import-merge]")
    expect(page.locator("[data-journal-item]")).to_have_count(2, timeout=SLOW)
    assert _report_digests(page) == sorted(hashlib.sha256(p).hexdigest() for p in photos)
    assert marker not in page.evaluate(DUMP_STORAGE)
    assert not [r for r in requests if marker in r]


PLAN_B = "vier andere neue Wörter"


def _plan_page(context, server: str):
    page = context.new_page()
    page.goto(f"{server}/de/plan")
    page.wait_for_selector("[data-plan-js]:not([hidden])", state="attached")
    return page


def _msg(page, name: str) -> str:
    return page.get_attribute("[data-module=journal]", f"data-msg-{name}")


def _change_plans_passphrase(context, server: str, old: str | None, new: str) -> None:
    """On the plan's page: opened with the old passphrase (if any), given the new one."""
    from tests.test_plan_browser import _set_passphrase, _unlock

    plan = _plan_page(context, server)
    if old:
        _unlock(plan, old)
    _set_passphrase(plan, new)
    # Beside the passphrase, its tools say that the journal takes the new one when opened next.
    plan.click("[data-plan-passphrase-summary]")
    expect(plan.locator("[data-plan-passphrase] [data-plan-passphrase-journal]")).to_be_visible()
    plan.close()


def test_a_new_passphrase_of_the_plan_becomes_the_journals(context, live_server):
    import hashlib

    marker = f"canary{secrets.token_hex(6)}"
    requests = _requests(context)
    context.add_init_script(KEEP_BLOBS)
    context.add_init_script(DISK_FULL)
    _change_plans_passphrase(context, live_server, None, PASSPHRASE)
    page = open_journal(context, live_server)
    set_up(page, PASSPHRASE)
    photo = canary_photo(page, marker, gps=False)
    write_entry(page, marker, [photo])
    page.close()
    _change_plans_passphrase(context, live_server, PASSPHRASE, PLAN_B)

    # The plan's new passphrase does not open the journal yet: she is told to use the old one once.
    page = open_journal(context, live_server)
    page.fill("#journal-passphrase", PLAN_B)
    page.press("#journal-passphrase", "Enter")
    expect(page.locator("[data-journal-unlock-error]")).to_have_text(_msg(page, "plan-newer"), timeout=SLOW)
    assert_locked(page, marker)
    # The old one opens it, and it asks for the plan's new one, checked against the sealed plan.
    unlock(page, PASSPHRASE)
    rekey = page.locator("form[data-journal-rekey]")
    expect(rekey).to_be_visible()
    expect(page.locator("#journal-rekey-passphrase")).to_be_focused()
    assert _axe(page) == [], "asking for the plan's passphrase"
    page.fill("#journal-rekey-passphrase", PASSPHRASE)
    page.press("#journal-rekey-passphrase", "Enter")
    expect(page.locator("[data-journal-rekey-error]")).to_have_text(_msg(page, "rekey-wrong"), timeout=SLOW)

    # A full disk: nothing is written, every record stays sealed with the old passphrase.
    before = json.loads(page.evaluate(DUMP_STORAGE))["databases"]
    page.evaluate("window.diskFull = true")
    page.fill("#journal-rekey-passphrase", PLAN_B)
    page.press("#journal-rekey-passphrase", "Enter")
    expect(page.locator("[data-journal-rekey-error]")).to_have_text(_msg(page, "rekey-failed"), timeout=SLOW)
    assert json.loads(page.evaluate(DUMP_STORAGE))["databases"] == before
    page.evaluate("window.diskFull = false")
    page.fill("#journal-rekey-passphrase", PLAN_B)
    page.press("#journal-rekey-passphrase", "Enter")
    expect(page.locator("[data-journal-status]")).to_have_text(_msg(page, "rekeyed"), timeout=SLOW)
    expect(rekey).to_be_hidden()
    after = json.loads(page.evaluate(DUMP_STORAGE))["databases"]
    # Every record sealed again: the entry, the photo, its preview and the meta record.
    rows_before, rows_after = json.loads(before[0][2]), json.loads(after[0][2])
    assert len(rows_after) == len(rows_before) == 4
    assert all(a != b for a, b in zip(rows_after, rows_before))

    # After a reload only the new passphrase opens it, and it asks nothing more.
    page.reload()
    page.fill("#journal-passphrase", PASSPHRASE)
    page.press("#journal-passphrase", "Enter")
    expect(page.locator("[data-journal-unlock-error]")).to_have_text(_msg(page, "wrong-passphrase"), timeout=SLOW)
    assert_locked(page, marker)
    unlock(page, PLAN_B)
    expect(rekey).to_be_hidden()
    item = page.locator("[data-journal-item]")
    expect(item).to_have_count(1)
    assert all(f"{marker}-{name}" in item.inner_text() for name in TEXT_FIELDS)
    assert _report_digests(page) == [hashlib.sha256(photo).hexdigest()]
    stored = page.evaluate(DUMP_STORAGE)
    assert "journal" in stored and marker not in stored
    assert not [r for r in requests if marker in r]

    # The plan's passphrase removed: the journal keeps its own, asks nothing and says so.
    from tests.test_plan_browser import _unlock

    plan = _plan_page(context, live_server)
    _unlock(plan, PLAN_B)
    plan.click("[data-plan-passphrase-summary]")
    plan.click("[data-plan-remove-passphrase]")
    plan.click("[data-plan-confirm-yes]")
    removed = plan.get_attribute("[data-module=plan]", "data-msg-passphrase-removed")
    expect(plan.locator("[data-plan-status]")).to_have_text(removed, timeout=SLOW)
    assert "plan" in json.loads(plan.evaluate("localStorage.getItem('wegweiser.plan')"))
    plan.close()
    page.reload()
    unlock(page, PLAN_B)
    expect(rekey).to_be_hidden()
    expect(page.locator("[data-journal-plan-offer]")).to_be_visible()
    expect(page.locator("[data-journal-item]")).to_have_count(1)


def test_a_tab_with_the_journal_open_locks_when_another_re_keys_it(browser, live_server):
    marker = f"canary{secrets.token_hex(6)}"
    context = browser.new_context(viewport=PHONE, service_workers="block")
    _change_plans_passphrase(context, live_server, None, PASSPHRASE)
    first = open_journal(context, live_server)
    set_up(first, PASSPHRASE)
    write_entry(first, marker)
    _change_plans_passphrase(context, live_server, PASSPHRASE, PLAN_B)
    # The first tab opened it before and said "later": it keeps the old key.
    first.reload()
    unlock(first, PASSPHRASE)
    expect(first.locator("form[data-journal-rekey]")).to_be_visible()
    first.click("[data-journal-rekey-later]")
    expect(first.locator("form[data-journal-rekey]")).to_be_hidden()
    expect(first.locator("[data-journal-status]")).to_have_text(_msg(first, "rekey-later"))
    expect(first.locator("[data-journal-item]")).to_have_count(1)
    second = open_journal(context, live_server)
    unlock(second, PASSPHRASE)
    second.fill("#journal-rekey-passphrase", PLAN_B)
    second.press("#journal-rekey-passphrase", "Enter")
    expect(second.locator("[data-journal-status]")).to_have_text(_msg(second, "rekeyed"), timeout=SLOW)
    # The first tab's key no longer opens it: locked at once, nothing of it left in the page.
    assert_locked(first, marker)
    expect(first.locator("[data-journal-status]")).to_have_text(_msg(first, "changed-elsewhere"), timeout=SLOW)
    unlock(first, PLAN_B)
    expect(first.locator("[data-journal-item]")).to_have_count(1)
    expect(first.locator("form[data-journal-rekey]")).to_be_hidden()
    context.close()
