"""The security headers in Chromium: Trusted Types are enforced, and no page breaks them.

With `require-trusted-types-for 'script'` in the CSP, handing a string to a DOM sink that parses
HTML or loads script (innerHTML, insertAdjacentHTML, script.src, ...) throws and reports a
violation. The app builds its DOM with createElement and textContent only: every page of two
languages, and the plan with every tool used, must report none. A canary proves that the
listener would hear one.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.conftest import PHONE
from tests.test_plan_browser import PASSPHRASE, SLOW, _field_ids, _saved, _set_passphrase, _unlock

pytestmark = pytest.mark.browser

# Before any script of the page: every violation the page reports, kept on window.
LISTEN = """(() => {
  window.violations = [];
  document.addEventListener("securitypolicyviolation", (event) => {
    window.violations.push(`${event.violatedDirective} ${event.sourceFile}:${event.lineNumber} ${event.sample}`);
  });
})();"""
CANARY = """() => {
  try {
    document.createElement("div").innerHTML = "<b>injected</b>";
    return "allowed";
  } catch (error) {
    return error.name;
  }
}"""


@pytest.fixture
def watched(browser):
    """A context whose pages record violations, console errors and uncaught errors."""
    context = browser.new_context(viewport=PHONE)
    context.add_init_script(LISTEN)
    problems: list[str] = []

    def watch(page):
        page.on("console", lambda message: message.type == "error" and problems.append(f"console: {message.text}"))
        page.on("pageerror", lambda error: problems.append(f"error: {error}"))

    context.on("page", watch)
    yield context, problems
    context.close()


def _violations(page) -> list[str]:
    page.wait_for_load_state("load")
    page.wait_for_timeout(150)  # the page's modules have started
    return page.evaluate("window.violations")


def test_trusted_types_are_required_and_a_violation_would_be_heard(watched, live_server):
    context, problems = watched
    page = context.new_page()
    response = page.goto(live_server + "/de/")
    assert "require-trusted-types-for 'script'" in response.headers["content-security-policy"]
    assert page.evaluate(CANARY) == "TypeError", "a string went into innerHTML"
    assert len(page.evaluate("window.violations")) == 1
    assert any("TrustedHTML" in problem for problem in problems) or problems == [], problems


@pytest.mark.parametrize("code", ["de", "ar"])
def test_no_page_raises_a_trusted_types_violation(watched, live_server, live_pages, code):
    context, problems = watched
    page = context.new_page()
    found = {}
    for path in live_pages[code]:
        response = page.goto(live_server + path)
        assert response.ok, path
        assert "require-trusted-types-for 'script'" in response.headers["content-security-policy"], path
        seen = _violations(page)
        if seen:
            found[path] = seen
    assert len(live_pages[code]) > 20
    assert not found, found
    assert not problems, problems


def test_the_plan_and_its_tools_raise_no_violation(watched, live_server, tmp_path):
    context, problems = watched
    page = context.new_page()
    response = page.goto(live_server + "/de/plan")
    assert "require-trusted-types-for 'script'" in response.headers["content-security-policy"]
    page.fill(_field_ids()[0], "Anna")
    page.fill("#plan-own-input", "Brille")
    page.click("[data-plan-own-add]")
    page.click("[data-plan-own-remove]")
    _saved(page)
    with page.expect_download() as download:
        page.click("[data-plan-export]")
    plain = tmp_path / "plan.json"
    download.value.save_as(plain)
    page.click("[data-plan-delete]")
    page.click("[data-plan-confirm-no]")
    page.set_input_files("#plan-import-file", str(plain))
    page.click("[data-plan-confirm-yes]")
    _set_passphrase(page)
    with page.expect_download() as download:
        page.click("[data-plan-export]")
    sealed = tmp_path / "sealed.json"
    download.value.save_as(sealed)
    page.click("[data-plan-lock]")
    _unlock(page)
    page.click("[data-plan-passphrase-summary]")
    page.click("[data-plan-remove-passphrase]")
    page.click("[data-plan-confirm-yes]")
    expect(page.locator("[data-plan-status]")).to_contain_text("entfernt", timeout=SLOW)
    page.set_input_files("#plan-import-file", str(sealed))
    page.fill("#plan-import-passphrase", PASSPHRASE)
    page.click("[data-plan-import-open]")
    page.click("[data-plan-confirm-yes]", timeout=SLOW)
    expect(page.locator("[data-plan-status]")).to_contain_text("Passphrase der Datei", timeout=SLOW)
    page.click("[data-plan-delete]")
    page.click("[data-plan-confirm-yes]")
    page.click("[data-delete-everything-start]")
    page.click("[data-delete-everything-confirm]")
    page.locator("[data-delete-everything-done]").wait_for()
    assert json.loads(Path(plain).read_text(encoding="utf-8"))["type"] == "wegweiser-notes"
    assert _violations(page) == []
    assert not problems, problems
