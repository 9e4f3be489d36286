"""Every enabled language is first class: right lang/dir, and no German left on its pages."""

from __future__ import annotations

import re

import pytest
from babel.messages.pofile import read_po

from pwa.i18n import SOURCE_LOCALE, cldr_code
from pwa.settings import ROOT

TEXT_ATTRIBUTES = ("aria-label", "title", "alt", "placeholder")
_WORD = re.compile(r"[^\W\d_]{2,}", re.UNICODE)
_ADDRESS = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+|\b[\w-]+\.(?:de|org|com|net)\b")
_CODES = re.compile(r"^[a-z]{2,3}(?:[ ,]+[a-z]{2,3})*$")  # language codes in data attributes
# Data attributes that hold ids, never text: the sources of a statement (pwa/statements.py).
ID_ATTRIBUTES = ("data-guidance", "data-legal", "data-directory")
# Proper names and terms that stay German in every language (names of laws, places, the network).
KEPT_IN_GERMAN = [
    "Runder Tisch gegen häusliche Gewalt im Kreis Mettmann",
    "Runden Tisches gegen häusliche Gewalt im Kreis Mettmann",
    "Gewalt kommt nicht in die Tüte",
    "Zusammen handeln in ME – Hilfe beginnt im Erstkontakt",
    "Gewaltschutzgesetz",
    "PolG NRW",
    "AufenthG",
    "SGB V",
    "FamFG",
    "Landrätin Dr. Bettina Warnecke",
    "Kreis Mettmann",
    "Monheim am Rhein",
    "Samsung Internet",
    "Fachstelle für Gewaltprävention",
]


def _proper_names(app) -> set[str]:
    names: set[str] = set(KEPT_IN_GERMAN)
    # The language switch names every language in its own words ("Leichte Sprache", "Kurdî (kurmancî)").
    names.update(language.name for language in app.state.templates.languages)
    for service in app.state.directory.services():
        names.update(filter(None, [service.name, service.operator, service.address]))
        names.update(o.place for o in service.outreach)
        names.update(service.sources)
    for table in ("events", "materials"):
        for doc in app.state.store.all(table) if table in app.state.store.tables() else []:
            names.update(str(doc.get(k)) for k in ("title", "name", "place") if doc.get(k))
            names.update(str(source) for source in doc.get("sources") or [])
    return names


def _segments(document) -> list[str]:
    segments: list[str] = []
    for element in document.iter():
        if element.tag in {"script", "style"}:
            continue
        for part in element.text_parts:
            text = " ".join(part.split())
            if text:
                segments.append(text)
        for name, value in element.attrs.items():
            if name in ID_ATTRIBUTES:
                continue
            if value and (name in TEXT_ATTRIBUTES or name.startswith("data-")) and " " in value.strip() and not _CODES.match(value.strip()):
                segments.append(" ".join(value.split()))
    return segments


def _is_sentence(text: str, names: set[str]) -> bool:
    # Addresses first, so that no name cuts one into words; then the names, addresses left out.
    text = _ADDRESS.sub(" ", text)
    for name in sorted(names, key=len, reverse=True):
        for part in _ADDRESS.split(name):
            if part.strip():
                text = text.replace(part.strip(), " ")
    return len(_WORD.findall(text)) >= 2


def test_no_german_sentence_left_on_other_languages(crawl):
    app = crawl.app
    # Leichte Sprache is German too.
    codes = [c for c in app.state.templates.codes if cldr_code(c) != SOURCE_LOCALE]
    if not codes:
        pytest.skip("only German is enabled")
    names = _proper_names(app)
    left: dict[str, list[str]] = {}
    for path in app.state.site.page_paths(SOURCE_LOCALE):
        german = {s for s in _segments(crawl.pages[path].document) if _is_sentence(s, names)}
        for code in codes:
            other = crawl.pages[f"/{code}" + path[len(SOURCE_LOCALE) + 1:]]
            assert other.status == 200
            same = sorted({s for s in _segments(other.document) if s in german})
            if same:
                left[f"/{code}{path[len(SOURCE_LOCALE) + 1:]}"] = same[:5]
    assert not left, left


def test_lang_and_dir_on_every_page_of_every_language(crawl):
    for language in crawl.app.state.templates.languages:
        pages = crawl.of(language.code)
        assert [p.path for p in pages] == crawl.app.state.site.page_paths(language.code)
        for page in [*pages, crawl.not_found[language.code]]:
            html = page.document.find("html")
            assert (html.attrs["lang"], html.attrs["dir"]) == (language.tag, language.dir), page.path
            assert page.headers["content-language"] == language.tag, page.path


def test_every_catalogue_entry_is_really_translated():
    """A translation identical to the German is only allowed for names, numbers and symbols."""
    from pwa.i18n import enabled_codes

    import yaml

    names = set(KEPT_IN_GERMAN)
    names.update(entry["name"] for entry in yaml.safe_load((ROOT / "data" / "directory.yaml").read_text(encoding="utf-8")))
    problems = {}
    for code in enabled_codes(ROOT / "locales"):
        if cldr_code(code) == SOURCE_LOCALE:
            continue  # German and Leichte Sprache share many short texts
        with (ROOT / "locales" / code / "LC_MESSAGES" / "messages.po").open("rb") as handle:
            catalog = read_po(handle, locale=code)
        same = [m.id for m in catalog if m.id and isinstance(m.id, str) and m.string == m.id and _is_sentence(m.id, names)]
        if same:
            problems[code] = same[:10]
    assert not problems, problems


def test_review_status_is_recorded_for_every_language():
    from pwa.i18n import enabled_codes, review_status

    for code in enabled_codes(ROOT / "locales"):
        status = review_status(ROOT / "locales", code)["status"]
        assert status in {"source", "draft", "reviewed"}, code
        if code != SOURCE_LOCALE:
            assert (ROOT / "locales" / code / "review.toml").exists(), code
