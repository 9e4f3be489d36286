"""What the translated pages say: plural forms that fit their numbers, the app's name she can
search for, and German legal citations that keep their order in right-to-left text."""

from __future__ import annotations

import json
import re

import pytest
from babel.messages.pofile import read_po

from pwa import catalogue
from pwa.i18n import SOURCE_LOCALE, cldr_code, enabled_codes
from pwa.settings import ROOT
from tests.helpers import Element, parse_html

# The label before a list of sources, by the number of sources (as a native speaker writes it).
SOURCES_LABEL = {
    "de": {1: "Quelle:", 2: "Quellen:", 3: "Quellen:"},
    "tr": {1: "Kaynak:", 2: "Kaynaklar:", 3: "Kaynaklar:"},
    "fa": {1: "منبع:", 2: "منابع:", 3: "منابع:"},
    "ar": {1: "المصدر:", 2: "المصدران:", 3: "المصادر:"},
}
# The directory's result line: Arabic says one and two without the number, takes the plural
# for 3 to 10 and the singular (accusative) for 11 to 99.
RESULT_LINE = {
    "ar": {1: "تم العثور على خدمة واحدة", 2: "تم العثور على خدمتين", 3: "تم العثور على 3 خدمات", 11: "تم العثور على 11 خدمةً"},
    "tr": {1: "1 hizmet bulundu", 3: "3 hizmet bulundu"},
    "fa": {1: "1 خدمت پیدا شد", 3: "3 خدمت پیدا شد"},
}


def _catalog(code: str):
    with (ROOT / "locales" / code / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        return read_po(handle, locale=code)


@pytest.mark.parametrize("code", sorted(SOURCES_LABEL))
def test_sources_label_takes_the_form_of_its_number(client, code: str):
    seen = set()
    for page in ("about", "info/professionals", "info/rights"):
        document = parse_html(client.get(f"/{code}/{page}").text)
        for paragraph in document.find_all("p", class_="sources"):
            count = len(paragraph.find_all("bdi"))
            label = paragraph.text_parts[0].split()[0]
            assert label == SOURCES_LABEL[code][count], (page, count)
            seen.add(count)
    assert seen == {1, 2, 3}  # the pages still show one, two and three sources


@pytest.mark.parametrize("code", sorted(RESULT_LINE))
def test_directory_result_line_takes_the_form_of_its_number(client, code: str):
    document = parse_html(client.get(f"/{code}/services").text)
    lines = json.loads(next(e for e in document.iter() if "data-counts" in e.attrs).attrs["data-counts"])
    for count, expected in RESULT_LINE[code].items():
        assert lines[count] == expected, count


def test_advice_to_remember_the_name_keeps_the_german_name_with_the_translation_in_brackets(client):
    german = "Wegweiser Kreis Mettmann"
    for code in enabled_codes(ROOT / "locales"):
        document = parse_html(client.get(f"/{code}/safety").text)
        advice = [p.text for p in document.find_all("p") if german in p.text]
        assert advice, code
        if cldr_code(code) == SOURCE_LOCALE:
            continue  # Leichte Sprache says the German name as it is
        name = _catalog(code).get(german).string
        assert name and name != german, code
        # The German name in the language's quotation marks, then the translated name in brackets.
        pattern = re.escape(german) + r"\W{1,2}\s*\(" + re.escape(name) + r"\)"
        assert any(re.search(pattern, text) for text in advice), (code, advice)


def _has_bdi_ancestor(element: Element) -> bool:
    node: Element | None = element
    while node is not None:
        if node.tag == "bdi":
            return True
        node = node.parent
    return False


@pytest.mark.parametrize("code", [c for c in ("ar", "fa") if c in enabled_codes(ROOT / "locales")])
def test_every_legal_citation_on_a_right_to_left_page_sits_in_an_isolate(crawl, code: str):
    citations = 0
    outside: dict[str, list[str]] = {}
    for page in crawl.of(code):
        path = page.path
        for element in page.document.iter():
            for part in element.text_parts:
                if "§" not in part:
                    continue
                citations += part.count("§")
                if not _has_bdi_ancestor(element) and catalogue.isolate_problems(part):
                    outside.setdefault(path, []).extend(catalogue.isolate_problems(part))
    assert not outside, outside
    assert citations >= 10  # the rights page alone cites the law more than ten times


@pytest.mark.parametrize("code", ["ar", "fa"])
def test_every_legal_citation_in_a_right_to_left_catalogue_sits_in_an_isolate(code: str):
    outside = []
    for message in _catalog(code):
        strings = message.string if isinstance(message.string, (list, tuple)) else [message.string]
        for string in strings:
            outside.extend(catalogue.isolate_problems(string))
    assert not outside, outside


@pytest.mark.parametrize(
    "code",
    ["ar", "fa"],
)
def test_a_legal_citation_in_a_right_to_left_catalogue_keeps_its_sign_with_its_number(code: str):
    """No line ends after a "§": in right-to-left text its number would start the next line, at
    the other side of the screen. A non-breaking space (U+00A0) keeps them together."""
    broken = []
    for message in _catalog(code):
        strings = message.string if isinstance(message.string, (list, tuple)) else [message.string]
        broken.extend(string for string in strings if string and re.search(r"§+[ \t\n]", string))
    assert not broken, broken
