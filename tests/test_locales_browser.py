"""Every page in every language in a real browser: accessibility and right-to-left layout."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import PHONE
from tests.helpers import axe_violations

pytestmark = pytest.mark.browser
# Not under test-results/, which pytest-playwright empties at the start of every run.
ARTEFACTS = Path(__file__).resolve().parent.parent / "test-artifacts" / "rtl"

OVERFLOW_SCRIPT = """() => {
  const width = document.documentElement.clientWidth;
  const out = [];
  for (const el of document.querySelectorAll('body *')) {
    const style = getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden' || el.closest('[hidden], .visually-hidden, details:not([open]) > :not(summary)')) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    if (r.right > width + 1 || r.left < -1) out.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : '') + ' ' + Math.round(r.left) + '..' + Math.round(r.right));
  }
  return {scroll: document.documentElement.scrollWidth, width, out: out.slice(0, 5)};
}"""


def test_every_page_of_every_other_language_has_zero_axe_violations(page, live_server, live_pages):
    page.set_viewport_size(PHONE)
    failures = {}
    for code, paths in live_pages.items():
        if code in ("de", "en"):
            continue  # covered in test_pages_browser
        for path in paths:
            assert page.goto(live_server + path).status == 200, path
            violations = axe_violations(page)
            if violations:
                failures[path] = violations
    assert not failures, failures


def test_right_to_left_pages_do_not_overflow_and_are_kept_as_screenshots(page, live_server, live_pages, live_app):
    rtl = [lang.code for lang in live_app.state.templates.languages if lang.dir == "rtl"]
    if not rtl:
        pytest.skip("no right-to-left language enabled")
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size(PHONE)
    failures = {}
    for code in rtl:
        for path in live_pages[code]:
            page.goto(live_server + path)
            assert page.get_attribute("html", "dir") == "rtl"
            result = page.evaluate(OVERFLOW_SCRIPT)
            if result["scroll"] > result["width"] or result["out"]:
                failures[path] = result
            if path in (f"/{code}/", f"/{code}/services", f"/{code}/plan"):
                name = path.strip("/").replace("/", "-") or code
                page.screenshot(path=str(ARTEFACTS / f"{name}.png"), full_page=True)
    assert not failures, failures
