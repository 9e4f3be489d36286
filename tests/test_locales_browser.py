"""Every page in every language in a real browser, at a phone's width: language and direction,
zero axe-core violations, nothing wider than the screen, and the quick exit visible and first.

One test per language, one browser page for all of its pages: each page is loaded once and every
check runs on it (right-to-left pages are also kept as screenshots).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pwa.i18n import enabled_codes
from pwa.settings import ROOT
from tests.conftest import PHONE
from tests.helpers import axe_violations

pytestmark = pytest.mark.browser
# Not under test-results/, which pytest-playwright empties at the start of every run.
ARTEFACTS = Path(__file__).resolve().parent.parent / "test-artifacts" / "rtl"
# German and English pages are checked with axe in test_pages_browser.
AXE_ELSEWHERE = ("de", "en")
SCREENSHOTS = ("", "services", "plan")

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

# The first two things a keyboard reaches (the skip link, then the quick exit), and whether the
# quick exit is on screen without scrolling.
QUICK_EXIT_SCRIPT = """() => {
  const focusable = [...document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]')]
    .filter((el) => el.tabIndex >= 0 && !el.closest('[hidden]') && getComputedStyle(el).display !== 'none');
  const exit = document.getElementById('quick-exit');
  const r = exit ? exit.getBoundingClientRect() : null;
  const style = exit ? getComputedStyle(exit) : null;
  return {
    first: focusable.slice(0, 2).map((el) => el.id || el.getAttribute('href')),
    visible: !!r && r.width >= 44 && r.height >= 44 && r.top >= 0 && r.bottom <= innerHeight
      && r.left >= 0 && r.right <= document.documentElement.clientWidth
      && style.visibility !== 'hidden' && Number(style.opacity) > 0,
  };
}"""


@pytest.mark.parametrize("code", enabled_codes(ROOT / "locales"))
def test_every_page_of_a_language_at_phone_width(page, live_server, live_pages, live_app, code: str):
    language = live_app.state.templates.by_code[code]
    page.set_viewport_size(PHONE)
    failures: dict[str, dict] = {}
    for path in live_pages[code]:
        assert page.goto(live_server + path).status == 200, path
        found: dict = {}
        if (page.get_attribute("html", "lang"), page.get_attribute("html", "dir")) != (language.tag, language.dir):
            found["lang dir"] = (page.get_attribute("html", "lang"), page.get_attribute("html", "dir"))
        overflow = page.evaluate(OVERFLOW_SCRIPT)
        if overflow["scroll"] > overflow["width"] or overflow["out"]:
            found["overflow"] = overflow
        quick_exit = page.evaluate(QUICK_EXIT_SCRIPT)
        if quick_exit != {"first": ["#main", "quick-exit"], "visible": True}:
            found["quick exit"] = quick_exit
        if code not in AXE_ELSEWHERE and (violations := axe_violations(page)):
            found["axe"] = violations
        if language.dir == "rtl" and path[len(code) + 2:] in SCREENSHOTS:
            ARTEFACTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(ARTEFACTS / f"{path.strip('/').replace('/', '-') or code}.png"), full_page=True)
        if found:
            failures[path] = found
    assert not failures, failures
