"""Leichte Sprache, measured on every one of its pages: short sentences, no abbreviations, and no
paragraph sign without the law explained beside it (the rules in TRANSLATING.md)."""

from __future__ import annotations

import re
import statistics

import pytest
from babel import Locale

from pwa.i18n import enabled_codes
from pwa.settings import ROOT
from tests.test_locales import _ADDRESS, _proper_names

CODE = "ls"
pytestmark = pytest.mark.skipif(CODE not in enabled_codes(ROOT / "locales"), reason="Leichte Sprache is not enabled")

MEDIAN_WORDS = 8
MOST_WORDS = 15
ABBREVIATIONS = re.compile(r"\b(?:z\.\s?B\.|bzw\.|ggf\.|usw\.|d\.\s?h\.|u\.\s?a\.|etc\.|evtl\.|ca\.)", re.IGNORECASE)
# A sentence ends at . ! ? or a colon, before a space or the end of the text.
_SENTENCE_END = re.compile(r"(?<=[.!?:])\s+")
# A word: letters, hyphenated parts counting as one word (Sicherheits-plan); numbers are not words.
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "td", "th", "label", "legend",
           "summary", "figcaption", "caption", "button", "option", "blockquote"}
TEXT_ATTRIBUTES = ("aria-label", "title", "alt", "placeholder")


def _blocks(document) -> list[str]:
    """The texts a reader reads as units: each block element's own text, and labelling attributes."""
    texts = []
    for element in document.iter():
        if element.tag in {"script", "style"}:
            continue
        if element.tag in _BLOCKS:
            texts.append(_own_text(element))
        texts.extend(value for name, value in element.attrs.items() if name in TEXT_ATTRIBUTES and value)
    return [" ".join(text.split()) for text in texts if text.strip()]


def _own_text(element) -> str:
    """An element's text without the text of the blocks inside it (those are units of their own)."""
    parts = list(element.text_parts)
    for child in element.children:
        if child.tag not in _BLOCKS and child.tag not in {"script", "style"}:
            parts.append(_own_text(child))
    return " ".join(parts)


def _words(sentence: str, names: list[str]) -> list[str]:
    for name in names:
        sentence = sentence.replace(name, " ")
    return _WORD.findall(_ADDRESS.sub(" ", sentence))


@pytest.fixture(scope="module")
def names(crawl) -> list[str]:
    # Language names are names too: a service's list of 18 interpreted languages is no sentence.
    languages = set(Locale("de").languages.values())
    return sorted(_proper_names(crawl.app) | languages, key=len, reverse=True)


def _problems(page, names: list[str]) -> dict:
    """How a page misses the sentence rules: the median full sentence of its main text (ending in
    . ! or ?; headings and labels would make it look easier), and any unit over the limit."""
    main = next(e for e in page.document.iter() if e.tag == "main")
    full = [len(words) for block in _blocks(main) for s in _SENTENCE_END.split(block)
            if s.rstrip().endswith((".", "!", "?")) and (words := _words(s, names))]
    too_long = [s for block in _blocks(page.document) for s in _SENTENCE_END.split(block) if len(_words(s, names)) > MOST_WORDS]
    median = statistics.median(full) if full else 0
    return {"median": median, "too long": too_long[:5]} if median > MEDIAN_WORDS or too_long else {}


def test_short_sentences_on_every_page(crawl, names):
    pages = crawl.of(CODE)
    assert len(pages) == len(crawl.of("de"))
    problems = {page.path: found for page in pages if (found := _problems(page, names))}
    assert not problems, problems


def test_the_measure_tells_the_german_pages_from_leichte_sprache(crawl, names):
    """The same measure on the German source pages: most of them are not easy German."""
    failing = [page.path for page in crawl.of("de") if _problems(page, names)]
    assert len(failing) > len(crawl.of("de")) / 2, failing


def test_no_abbreviations_and_no_paragraph_sign_without_its_law_explained(crawl):
    problems = {}
    for page in crawl.of(CODE):
        for block in _blocks(page.document):
            found = ABBREVIATIONS.findall(block)
            # A citation such as "§ 34a" stays only beside the words that say which law it is.
            if "§" in block and not re.search(r"gesetz", block, re.IGNORECASE):
                found.append(block)
            if found:
                problems.setdefault(page.path, []).extend(found)
    assert not problems, problems


@pytest.mark.parametrize(
    "text, words",
    [
        ("Rufen Sie die Polizei an.", 5),
        ("Der Sicherheits-plan bleibt auf Ihrem Handy.", 6),
        ("Telefon: 116 016", 1),
        ("Das Hilfetelefon Gewalt gegen Frauen hilft.", 2),
    ],
)
def test_words_are_counted_without_names_and_numbers(text: str, words: int):
    assert len(_words(text, ["Hilfetelefon Gewalt gegen Frauen"])) == words


def test_the_abbreviations_are_found():
    text = "Zum Beispiel z. B. ein Handy, bzw. ein Tablet, ggf. usw., d.h. nichts."
    assert len(ABBREVIATIONS.findall(text)) == 5
