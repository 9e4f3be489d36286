"""Leichte Sprache in a real browser, at a phone's width: two sentences of one paragraph start on
lines of their own, and the page still has zero axe-core violations and nothing wider than the
screen."""

from __future__ import annotations

import pytest

from pwa.app import create_app
from tests.conftest import PHONE, make_settings, serving
from tests.helpers import axe_violations
from tests.page_scripts import OVERFLOW_SCRIPT

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """An app of its own: this test needs one page, not the whole site rendered first."""
    with serving(create_app(make_settings(tmp_path_factory.mktemp("ls-browser")))) as url:
        yield url

# Where each of the paragraph's text nodes starts (the top and left of its first line box), and
# where the paragraph's lines start.
SENTENCE_STARTS = """(selector) => {
  const paragraph = document.querySelector(selector);
  const box = paragraph.getBoundingClientRect();
  const style = getComputedStyle(paragraph);
  const lineStart = box.left + parseFloat(style.borderLeftWidth) + parseFloat(style.paddingLeft);
  const tops = [];
  for (const node of paragraph.childNodes) {
    if (node.nodeType !== Node.TEXT_NODE || !node.textContent.trim()) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const rects = [...range.getClientRects()].filter((r) => r.width > 0);
    tops.push({text: node.textContent.trim(), top: rects.length ? rects[0].top : null, left: rects.length ? rects[0].left : null});
  }
  return {lineStart, sentences: tops};
}"""


def test_each_sentence_starts_a_line_at_phone_width(page, server):
    page.set_viewport_size(PHONE)
    page.goto(f"{server}/ls/safety")
    found = page.evaluate(SENTENCE_STARTS, ".safety-lead")
    assert len(found["sentences"]) >= 2, found  # the sentences are text nodes of their own
    first, second = found["sentences"][:2]
    assert [first["text"], second["text"]] == ["Vielleicht schaut jemand auf Ihr Handy.", "Oder auf Ihren Computer."]
    # The second sentence starts a line of its own: lower down, at the start of the line (and not
    # in the middle of one, where it would follow the first sentence without the break).
    assert first["top"] is not None and second["top"] > first["top"]
    assert abs(second["left"] - found["lineStart"]) < 1, found
    overflow = page.evaluate(OVERFLOW_SCRIPT)
    assert overflow["scroll"] <= overflow["width"] and not overflow["out"], overflow
    assert axe_violations(page) == []
