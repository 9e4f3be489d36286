"""One sentence per line on the Leichte Sprache pages: a newline in a translation is a line break
in the page's text, and a space in attributes, the title, options and manifests. Every other
language's pages stay exactly as they were."""

from __future__ import annotations

from dataclasses import replace
from html.parser import HTMLParser

import pytest
from babel.messages.pofile import read_po
from starlette.testclient import TestClient

from pwa import i18n, sentence_lines
from pwa.app import create_app
from pwa.sentence_lines import LINE, break_lines
from pwa.settings import ROOT
from tests.conftest import make_settings
from tests.helpers import parse_html

CODE = "ls"
# Entries of the Leichte Sprache catalogue with their sentences on lines of their own.
LEAD = "Vielleicht schaut jemand auf Ihr Handy oder Ihren Computer. Hier steht, wie Sie diese App nutzen, ohne viele Spuren zu hinterlassen. Tun Sie nur, was sich für Sie sicher anfühlt."
ONE_MORE = "Noch 1-mal drücken, um die Seite zu verlassen."  # shown by the quick exit's script, from an attribute


class _Contents(HTMLParser):
    """The contents of the first element with a class, in order: texts and the names of tags."""

    def __init__(self, class_name: str) -> None:
        super().__init__(convert_charrefs=True)
        self.class_name, self.depth, self.contents = class_name, 0, []

    def handle_starttag(self, tag, attrs):
        if self.depth:
            self.contents.append(f"<{tag}>")
            self.depth += tag != "br"
        elif self.class_name in (dict(attrs).get("class") or "").split() and not self.contents:
            self.depth = 1

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1
            if self.depth:
                self.contents.append(f"</{tag}>")

    def handle_data(self, data):
        if self.depth:
            self.contents.append(data)


def _contents(html: str, class_name: str) -> list[str]:
    parser = _Contents(class_name)
    parser.feed(html)
    return parser.contents


@pytest.fixture
def ls_safety(client) -> str:
    return client.get(f"/{CODE}/safety").text


def test_the_sentences_of_a_paragraph_are_split_by_a_line_break(ls_safety: str):
    contents = _contents(ls_safety, "safety-lead")
    texts = [part.strip() for part in contents if part != "<br>"]
    assert texts[:2] == ["Vielleicht schaut jemand auf Ihr Handy.", "Oder auf Ihren Computer."]
    assert contents.count("<br>") == len(texts) - 1 == 4
    assert contents[1] == "<br>"  # the break stands between the two sentences


def test_a_line_break_beside_markup_of_the_translation(ls_safety: str):
    item = next(li for li in parse_html(ls_safety).find_all("li") if li.find("strong") and "roter Knopf" in li.text)
    assert [child.tag for child in item.children] == ["strong", "br", "br"]


def test_attributes_and_the_title_hold_no_markup_and_no_newline(ls_safety: str):
    document = parse_html(ls_safety)
    exit_texts = next(e for e in document.iter() if "data-quick-exit-one-more" in e.attrs)
    assert exit_texts.attrs["data-quick-exit-one-more"] == "Noch 1-mal drücken. Dann ist die Seite weg."
    title = document.find("title")
    assert title is not None and not title.children and "\n" not in title.text
    for element in document.iter():
        for name, value in element.attrs.items():
            assert not value or ("<" not in value and "\n" not in value and LINE not in value), (element.tag, name)
    assert LINE not in ls_safety


def test_the_catalogue_has_its_sentences_on_lines(app):
    catalogue = app.state.templates.translations[CODE]
    assert catalogue.gettext(LEAD).count("\n") == 4
    # Outside the pages (manifests, JSON) a text is one line.
    assert app.state.templates.gettext(CODE, ONE_MORE) == "Noch 1-mal drücken. Dann ist die Seite weg."


def test_the_pages_of_other_languages_are_as_they_were(tmp_path, monkeypatch):
    """The same pages rendered with and without one sentence per line for Leichte Sprache: only
    its own pages change."""
    paths = ["/de/", "/de/safety", "/en/safety", "/ar/safety", f"/{CODE}/safety"]

    def render_all() -> dict[str, bytes]:
        folder = tmp_path / str(len(list(tmp_path.iterdir())))
        folder.mkdir()
        with TestClient(create_app(make_settings(folder))) as client:
            return {path: client.get(path).content for path in paths}

    with_lines = render_all()
    monkeypatch.setitem(i18n.VARIANTS, CODE, replace(i18n.VARIANTS[CODE], sentence_lines=False))
    without = render_all()
    assert {path for path in paths if with_lines[path] != without[path]} == {f"/{CODE}/safety"}


@pytest.mark.parametrize(
    "html, expected",
    [
        (f"<p>Eins.{LINE}Zwei.</p>", "<p>Eins.<br>\nZwei.</p>"),
        (f'<div aria-label="Eins.{LINE}Zwei.">x</div>', '<div aria-label="Eins. Zwei.">x</div>'),
        (f"<title>A{LINE}B</title><h1>A{LINE}B</h1>", "<title>A B</title><h1>A<br>\nB</h1>"),
        (f"<select><option>A{LINE}B</option></select><label>A{LINE}B</label>", "<select><option>A B</option></select><label>A<br>\nB</label>"),
        (f'<textarea placeholder="A{LINE}B">A{LINE}B</textarea>', '<textarea placeholder="A B">A B</textarea>'),
        (f'<a title="1 > 0{LINE}ja">A{LINE}B</a>', '<a title="1 > 0 ja">A<br>\nB</a>'),
        (f"<!-- A{LINE}B --><p>A{LINE}B</p>", "<!-- A B --><p>A<br>\nB</p>"),
        ("<p>\n  ohne Marke\n</p>", "<p>\n  ohne Marke\n</p>"),
    ],
)
def test_break_lines(html: str, expected: str):
    assert break_lines(html) == expected


def test_json_on_a_page_has_no_mark():
    assert sentence_lines.dumps({"text": f"A{LINE}B"}) == '{"text": "A B"}'
    assert sentence_lines.dumps({"text": f"A{LINE}B"}, ensure_ascii=False) == '{"text": "A B"}'


def test_only_leichte_sprache_puts_sentences_on_lines():
    """A newline in another language's text would be a plain space on its pages: none has one."""
    locales = ROOT / "locales"
    with_newlines = {}
    for code in i18n.catalogue_codes(locales):
        if i18n.sentence_lines(code):
            continue
        with (locales / code / "LC_MESSAGES" / "messages.po").open("rb") as handle:
            found = [m.id for m in read_po(handle) if m.id and any("\n" in (s or "") for s in _strings(m))]
        if found:
            with_newlines[code] = found[:3]
    assert not with_newlines, with_newlines


def _strings(message) -> list[str]:
    return list(message.string) if isinstance(message.string, (list, tuple)) else [message.string]
