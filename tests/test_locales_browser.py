"""Every page in every language in a real browser, at a phone's width: it answers, its language
and direction, zero axe-core violations, nothing wider than the screen, and the quick exit
visible and first (right-to-left pages are also kept as screenshots).

Each language's pages are walked once for every per-page check (tests/page_walk.py); one test per
language and check, each naming the pages it failed on.
"""

from __future__ import annotations

import pytest

from pwa.i18n import enabled_codes
from pwa.settings import ROOT
from tests import page_walk
from tests.page_walk import assert_passes

pytestmark = pytest.mark.browser

CODES = enabled_codes(ROOT / "locales")


def test_every_enabled_language_is_walked(live_app):
    assert list(CODES) == list(live_app.state.templates.codes) and len(CODES) >= 8


@pytest.mark.parametrize("code", CODES)
def test_every_page_answers(page_walks, live_app, code: str):
    walk = page_walks(code)
    # Every page of the language, and its page for an unknown address.
    assert walk.paths == [*live_app.state.site.page_paths(code), f"/{code}/no-such-page"] and len(walk.paths) > 40
    assert_passes(walk, page_walk.STATUS)


# Each check a test of its own, per language: lang and dir, axe-core, overflow, the quick exit.
PHONE_CHECKS = {"lang-dir": page_walk.LANG_DIR, "axe": page_walk.AXE, "overflow": page_walk.OVERFLOW,
                "quick-exit": page_walk.QUICK_EXIT}


@pytest.mark.parametrize("check", list(PHONE_CHECKS.values()), ids=list(PHONE_CHECKS))
@pytest.mark.parametrize("code", CODES)
def test_every_page_of_a_language_at_phone_width(page_walks, code: str, check: str):
    assert_passes(page_walks(code), check)
