"""Every page reflows (WCAG 2.2, 1.4.10) at 320 CSS pixels wide, and with its text enlarged to
200 % (1.4.4), in every language: nothing is wider than the screen, so nobody scrolls sideways.

One browser page visits every page once; text is enlarged on the loaded page (the styles are in
rem and em, so a root font size of 200 % enlarges all text), so each page costs one load.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

NARROW = {"width": 320, "height": 640}

# The page's width beyond the screen, and what sticks out on the side one can scroll to (the
# end of the line: right, or left in right-to-left pages), so a failure says where to look.
MEASURE = """() => {
  const screen = window.innerWidth;
  const wide = document.documentElement.scrollWidth;
  const rtl = getComputedStyle(document.documentElement).direction === "rtl";
  const out = [];
  if (wide > screen) {
    for (const element of document.body.querySelectorAll("*")) {
      const box = element.getBoundingClientRect();
      if (box.width && (rtl ? box.left < -0.5 : box.right > screen + 0.5)) {
        const name = element.tagName.toLowerCase() + (element.className ? "." + String(element.className).split(" ").join(".") : "");
        out.push(`${name} ${Math.round(box.left)}..${Math.round(box.right)}`);
      }
      if (out.length >= 4) break;
    }
  }
  return { wide, screen, out };
}"""


def _overflows(page) -> str | None:
    found = page.evaluate(MEASURE)
    return None if found["wide"] <= found["screen"] else f"{found['wide']}px > {found['screen']}px: {found['out']}"


def test_every_page_reflows_at_320_px_and_with_200_percent_text(browser, live_server, live_pages):
    context = browser.new_context(viewport=NARROW, service_workers="block")
    context.route("https://example.org/**", lambda route: route.fulfill(body="ok"))
    page = context.new_page()
    failures: dict[str, str] = {}
    visited = 0
    try:
        for code, paths in live_pages.items():
            for path in [*paths, f"/{code}/no-such-page"]:
                page.goto(live_server + path, wait_until="load")
                visited += 1
                narrow = _overflows(page)
                if narrow:
                    failures[f"{path} at 320 px"] = narrow
                page.evaluate("document.documentElement.style.fontSize = '200%'")
                enlarged = _overflows(page)
                if enlarged:
                    failures[f"{path} at 200 % text"] = enlarged
    finally:
        context.close()
    assert visited >= 8 * 40  # every page of every language
    assert not failures, "\n".join(f"{where}: {what}" for where, what in failures.items())


def test_the_measure_sees_a_page_that_does_not_reflow(browser, live_server):
    # The same measure on a page made too wide, so the test above can fail.
    context = browser.new_context(viewport=NARROW, service_workers="block")
    page = context.new_page()
    page.goto(live_server + "/de/info/lgbtq")
    assert _overflows(page) is None
    page.evaluate("document.querySelector('main').style.minWidth = '400px'")
    assert "main" in (_overflows(page) or "")
    context.close()
