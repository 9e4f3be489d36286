"""The journal page as the server renders it: neutral title, hidden forms without JavaScript,
every field labelled, guidance with its sources and the help numbers of the directory."""

from __future__ import annotations

from pwa.journal import COUNSELLING, EVIDENCE, FORMS
from tests.neutral_words import telling_words
from tests.node import run


def _root(page):
    root = page.document.find("div", data_module="journal")
    assert root is not None
    return root


def test_page_in_every_language_has_a_neutral_title(crawl):
    for code in crawl.app.state.templates.codes:
        page = crawl.pages[f"/{code}/journal"]
        assert page.status == 200
        title = page.document.find("title").text
        assert title and not telling_words(title, code), (code, title)
        assert _root(page).find("h1").text


def test_forms_are_hidden_and_never_submit_anywhere_without_javascript(crawl):
    for code in crawl.app.state.templates.codes:
        root = _root(crawl.pages[f"/{code}/journal"])
        unlock = next(f for f in root.find_all("form") if "data-journal-unlock" in f.attrs)
        entry = next(f for f in root.find_all("form") if "data-journal-entry" in f.attrs)
        opened = next(e for e in root.iter() if "data-journal-open" in e.attrs)
        for element in (unlock, opened):
            assert "hidden" in element.attrs
        assert "hidden" in entry.attrs
        assert [e for e in unlock.iter() if e.tag == "input" and e.attrs.get("type") == "password"]
        assert "action" not in unlock.attrs and "action" not in entry.attrs


def test_every_field_is_labelled_and_ids_are_unique(crawl):
    page = crawl.pages["/de/journal"]
    ids = [e.attrs["id"] for e in page.document.iter() if e.attrs.get("id")]
    assert len(ids) == len(set(ids))
    root = _root(page)
    labelled = {e.attrs.get("for") for e in root.find_all("label")}
    for field in [*root.find_all("input"), *root.find_all("textarea"), *root.find_all("select")]:
        assert field.attrs.get("id") in labelled or field.parent.tag == "label", field.attrs
    values = {e.attrs.get("value") for e in root.find_all("input") if e.attrs.get("name") == "forms"}
    assert values == {form_id for form_id, _ in FORMS}


def test_guidance_names_its_sources_and_the_help_of_the_directory(crawl):
    directory = crawl.app.state.directory
    for code in crawl.app.state.templates.codes:
        page = crawl.pages[f"/{code}/journal"]
        links = {a.attrs.get("href") for a in page.document.find_all("a")}
        assert f"/{code}/services/{EVIDENCE}" in links
        assert f"/{code}/safety" in links
        for service_id in COUNSELLING:
            service = directory.get(service_id)
            if service is not None:
                assert f"/{code}/services/{service_id}" in links
                assert {phone.href for phone in service.phones} <= links
        sources = page.document.find("p", class_="sources")
        assert sources is not None and "service.berlin.de" in sources.text


def test_the_journals_rules_pass_their_node_tests():
    for name in ("journal-model", "plan-context"):
        result = run("--test", f"tests/js/{name}.test.js")
        assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
        assert "# fail 0" in result.stdout and "# pass 0" not in result.stdout
