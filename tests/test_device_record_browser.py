"""The plan open in two tabs of one browser (static/js/device-record.js): a sealed plan stays
sealed, a deleted one stays deleted, and each tab shows the locked state or the latest plan.

Two pages of one context share the origin's storage, as two tabs (or a tab and the installed
app) on her phone do. A "deaf" tab hears neither the storage event nor the broadcast, as a tab
that types before the news arrives: what it writes then must be refused.
"""

from __future__ import annotations

import json
import secrets

import pytest
from playwright.sync_api import expect

from tests.conftest import PHONE
from tests.test_plan_browser import PASSPHRASE, SLOW, _field_ids, _saved, _set_passphrase, _unlock

pytestmark = pytest.mark.browser

OTHER_PASSPHRASE = "ganz andere Wörter"
FIELD = _field_ids()[0]
SECOND_FIELD = _field_ids()[1]
STORED = "localStorage.getItem('wegweiser.plan')"

# Runs before the page's scripts: while window.deaf is true, this tab hears of no change elsewhere.
DEAF = """(() => {
  window.deaf = false;
  addEventListener("storage", (event) => { if (window.deaf) event.stopImmediatePropagation(); }, true);
  const Channel = window.BroadcastChannel;
  if (Channel) {
    window.BroadcastChannel = class extends Channel {
      constructor(name) {
        super(name);
        this.addEventListener("message", (event) => { if (window.deaf) event.stopImmediatePropagation(); });
      }
    };
  }
})();"""


@pytest.fixture
def tabs(browser, live_server):
    """Two tabs on /de/plan, sharing one browser's storage."""
    context = browser.new_context(viewport=PHONE, service_workers="block")
    context.add_init_script(DEAF)
    first, second = context.new_page(), context.new_page()
    for page in (first, second):
        page.goto(live_server + "/de/plan")
        page.wait_for_selector("[data-plan-js]:not([hidden])", state="attached")
    yield first, second
    context.close()


def _stored(page) -> dict | None:
    text = page.evaluate(STORED)
    return None if text is None else json.loads(text)


def _assert_sealed(page, marker: str) -> None:
    text = page.evaluate(STORED)
    assert text is not None and "sealed" in json.loads(text) and marker not in text, text


def _locked(page) -> None:
    expect(page.locator("[data-plan-unlock]")).to_be_visible(timeout=SLOW)
    expect(page.locator("[data-plan-sections]")).to_be_hidden()


def _type_one_more(page, text: str = "!") -> None:
    """A keystroke in the first field, as she types it (the page may be locked meanwhile)."""
    page.evaluate("""(text) => {
      const field = document.querySelector("[data-plan-field]");
      field.value += text;
      field.dispatchEvent(new Event("input", {bubbles: true}));
    }""", text)
    page.wait_for_timeout(1200)  # the save after typing waits 400 ms


def test_a_second_tab_never_removes_the_passphrase(tabs):
    """The issue's finding: A types, B sets a passphrase, A types one more character."""
    first, second = tabs
    marker = "Zq" + secrets.token_hex(6)
    first.fill(FIELD, marker)
    _saved(first)
    second.reload()
    assert second.input_value(FIELD) == marker

    _set_passphrase(second)
    _assert_sealed(second, marker)
    # The first tab learns at once: the plan it showed is locked now, its text gone from screen.
    _locked(first)
    assert marker not in first.evaluate("[...document.querySelectorAll('textarea, input')].map((e) => e.value).join(' ')")
    _type_one_more(first)
    _assert_sealed(first, marker)

    second.reload()
    _locked(second)
    _unlock(second)
    assert second.input_value(FIELD) == marker


def test_a_tab_that_has_not_heard_yet_cannot_write_clear_text_over_a_sealed_plan(tabs):
    first, second = tabs
    marker = "Zq" + secrets.token_hex(6)
    first.fill(FIELD, marker)
    _saved(first)
    second.reload()
    first.evaluate("window.deaf = true")
    _set_passphrase(second)
    _assert_sealed(second, marker)
    assert first.input_value(FIELD) == marker, "deaf: it still shows the plan"

    _type_one_more(first)
    _assert_sealed(first, marker)
    # Its save was refused: it read the plan again, which is locked now.
    _locked(first)
    second.reload()
    _locked(second)


def test_a_deleted_plan_stays_deleted(tabs):
    first, second = tabs
    marker = "Zq" + secrets.token_hex(6)
    first.fill(FIELD, marker)
    _saved(first)
    second.reload()
    second.click("[data-plan-delete]")
    second.click("[data-plan-confirm-yes]")
    expect(first.locator(FIELD)).to_have_value("", timeout=SLOW)
    assert first.evaluate(STORED) is None

    # Deaf, the first tab still shows the deleted text; typing does not bring it back.
    first.fill(FIELD, marker)
    _saved(first)
    second.reload()
    first.evaluate("window.deaf = true")
    second.click("[data-plan-delete]")
    second.click("[data-plan-confirm-yes]")
    _type_one_more(first)
    assert first.evaluate(STORED) is None
    expect(first.locator(FIELD)).to_have_value("")


def test_a_tab_at_the_lock_follows_a_passphrase_removed_or_changed_elsewhere(tabs):
    """A shows the lock and has no passphrase; B opens the plan, removes and sets one."""
    first, second = tabs
    marker = "Zq" + secrets.token_hex(6)
    second.fill(FIELD, marker)
    _set_passphrase(second)
    first.reload()
    _locked(first)

    second.click("[data-plan-passphrase-summary]")
    second.click("[data-plan-remove-passphrase]")
    second.click("[data-plan-confirm-yes]")
    expect(second.locator("[data-plan-status]")).to_contain_text("entfernt", timeout=SLOW)
    assert marker in second.evaluate(STORED), "she removed it: the plan is in the clear, as she chose"
    # The first tab shows the plan now: there is no lock any more.
    expect(first.locator(FIELD)).to_have_value(marker, timeout=SLOW)
    expect(first.locator("[data-plan-unlock]")).to_be_hidden()

    # B gives it a new passphrase: A is locked again, and only the new one opens it.
    _set_passphrase_open(second, OTHER_PASSPHRASE)
    _locked(first)
    first.fill("#plan-unlock-passphrase", PASSPHRASE)
    first.press("#plan-unlock-passphrase", "Enter")
    expect(first.locator("[data-plan-unlock-error]")).not_to_be_empty(timeout=SLOW)
    _unlock(first, OTHER_PASSPHRASE)
    assert first.input_value(FIELD) == marker


def test_an_open_tab_locks_when_the_passphrase_changes_elsewhere(tabs):
    """Both open with the old passphrase; B changes it: A's old key must not write again."""
    first, second = tabs
    marker = "Zq" + secrets.token_hex(6)
    first.fill(FIELD, marker)
    _set_passphrase(first)
    second.reload()
    _unlock(second)
    first.evaluate("window.deaf = true")
    second.click("[data-plan-passphrase-summary]")
    _set_passphrase_open(second, OTHER_PASSPHRASE)
    changed = second.evaluate(STORED)

    _type_one_more(first)
    assert first.evaluate(STORED) == changed, "the old key wrote over the new passphrase"
    _locked(first)
    _unlock(first, OTHER_PASSPHRASE)
    assert first.input_value(FIELD) == marker

    # Heard at once when not deaf: B changes it back, A locks without typing.
    first.evaluate("window.deaf = false")
    second.click("[data-plan-passphrase-summary]")
    _set_passphrase_open(second, PASSPHRASE)
    _locked(first)


def _set_passphrase_open(page, words: str) -> None:
    """Changes the passphrase of a plan that already has one (its panel is open)."""
    page.fill("#plan-new-passphrase", words)
    page.fill("#plan-repeat-passphrase", words)
    page.click("[data-plan-set-passphrase]")
    expect(page.locator("[data-plan-status]")).to_contain_text("Passphrase", timeout=SLOW)


def test_both_tabs_typing_show_the_latest_plan_and_a_reload_keeps_it(tabs):
    first, second = tabs
    first.fill(FIELD, "eins")
    _saved(first)
    expect(second.locator(FIELD)).to_have_value("eins", timeout=SLOW)
    second.fill(SECOND_FIELD, "zwei")
    _saved(second)
    expect(first.locator(SECOND_FIELD)).to_have_value("zwei", timeout=SLOW)
    assert first.input_value(FIELD) == "eins", "what B did not change stays"

    # Both open with the same passphrase: each shows what the other saves, still open.
    _set_passphrase(first)
    _locked(second)
    _unlock(second)
    first.fill(FIELD, "drei")
    _saved(first)
    expect(second.locator(FIELD)).to_have_value("drei", timeout=SLOW)
    expect(second.locator("[data-plan-unlock]")).to_be_hidden()
    second.fill(SECOND_FIELD, "vier")
    _saved(second)
    expect(first.locator(SECOND_FIELD)).to_have_value("vier", timeout=SLOW)
    stored = _stored(first)
    assert stored and "sealed" in stored and "vier" not in json.dumps(stored)

    for page in (first, second):
        page.reload()
        _locked(page)
        _unlock(page)
        assert (page.input_value(FIELD), page.input_value(SECOND_FIELD)) == ("drei", "vier")


def test_one_tab_writes_at_a_time(tabs):
    """While one tab holds the plan's Web Lock, another tab's save waits for it."""
    first, second = tabs
    first.evaluate("""() => new Promise((held) => navigator.locks.request("wegweiser.plan",
      () => new Promise((release) => { window.release = release; held(); })))""")
    second.fill(FIELD, "wartet")
    second.wait_for_timeout(1200)
    assert second.evaluate(STORED) is None, "written while another tab held the lock"
    first.evaluate("window.release()")
    _saved(second)
    assert "wartet" in second.evaluate(STORED)


@pytest.mark.parametrize("protected", [False, True], ids=["clear", "sealed"])
def test_the_last_keystrokes_are_kept_when_she_leaves(browser, live_server, protected):
    """Leaving right after typing: the page writes at once, without waiting for a lock."""
    context = browser.new_context(viewport=PHONE, service_workers="block")
    page = context.new_page()
    page.goto(live_server + "/de/plan")
    if protected:
        _set_passphrase(page)
    for attempt in range(3):
        page.fill(FIELD, f"zuletzt {attempt}")
        page.goto(live_server + "/de/")  # within the 400 ms before the usual save
        page.goto(live_server + "/de/plan")
        if protected:
            _unlock(page)
        assert page.input_value(FIELD) == f"zuletzt {attempt}"
    context.close()
