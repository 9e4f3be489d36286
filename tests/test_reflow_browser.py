"""Every page reflows (WCAG 2.2, 1.4.10) at 320 CSS pixels wide, and with its text enlarged to
200 % (1.4.4), in every language: nothing is wider than the screen, so nobody scrolls sideways.

Each language's pages are walked once at 320 px (tests/page_walk.py); text is enlarged on the
loaded page (the styles are in rem and em, so a root font size of 200 % enlarges all text), so
each page costs one load.
"""

from __future__ import annotations

import pytest

from pwa.i18n import enabled_codes
from pwa.settings import ROOT
from tests import page_walk
from tests.page_scripts import NARROW
from tests.page_walk import reflows

pytestmark = pytest.mark.browser

CODES = enabled_codes(ROOT / "locales")


# On the walk through every page (tests/page_walk.py), each page loaded once at 320 px.
@pytest.mark.parametrize("code", CODES)
def test_every_page_reflows_at_320_px_and_with_200_percent_text(page_walks, code):
    walk = page_walks(code)
    assert len(walk.paths) > 40 and walk.not_found in walk.paths  # every page of the language
    problems = walk.problems(page_walk.REFLOW) + walk.problems(page_walk.REFLOW_TEXT)
    assert not problems, "\n".join(problems)


def test_the_measure_sees_a_page_that_does_not_reflow(browser, live_server):
    # The same measure on a page made too wide, so the test above can fail.
    context = browser.new_context(viewport=NARROW, service_workers="block")
    page = context.new_page()
    page.goto(live_server + "/de/info/lgbtq")
    assert reflows(page) is None
    page.evaluate("document.querySelector('main').style.minWidth = '400px'")
    assert "main" in (reflows(page) or "")
    context.close()
