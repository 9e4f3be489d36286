"""The safety plan page as the server renders it: sections, help numbers, the page without JavaScript."""

from __future__ import annotations

import json
import re

from pwa.plan import SECTIONS
from tests.helpers import parse_html
from tests.node import run

_TEL = re.compile(r"^tel:(?:\+[1-9]\d{6,14}|110|112|116\d{3})$")


def _plan(client, code: str = "de"):
    response = client.get(f"/{code}/plan")
    assert response.status_code == 200
    document = parse_html(response.text)
    root = document.find("div", data_module="plan")
    assert root is not None
    return document, root


def _marked(root, attribute: str):
    """The first element with a value-less attribute such as data-plan-nojs."""
    return next((e for e in root.iter() if attribute in e.attrs), None)


def _visible_without_javascript(element) -> bool:
    node = element
    while node is not None:
        if "hidden" in node.attrs:
            return False
        node = node.parent
    return True


def test_page_renders_every_section_in_every_language(crawl):
    for code in crawl.app.state.templates.codes:
        page = crawl.pages[f"/{code}/plan"]
        assert page.status == 200
        document = page.document
        root = document.find("div", data_module="plan")
        assert root is not None
        assert document.find("html").attrs["lang"] == crawl.app.state.templates.by_code[code].tag
        assert root.find("h1").text
        for section in SECTIONS:
            element = root.find("section", id=section.id)
            assert element is not None, section.id
            assert element.find("h2").text and element.find("p").text


def test_ids_are_unique_and_every_field_is_labelled(client):
    _, root = _plan(client)
    ids = [e.attrs["id"] for e in root.iter() if e.attrs.get("id")]
    assert len(ids) == len(set(ids))
    keys = [f.id for s in SECTIONS for f in s.fields] + [i.id for s in SECTIONS for i in s.checklist]
    assert len(keys) == len(set(keys))
    labels = {e.attrs.get("for") for e in root.find_all("label")}
    for field in [*root.find_all("textarea"), *root.find_all("input")]:
        if field.attrs.get("type") == "checkbox":
            assert field.parent.tag == "label"
        else:
            assert field.attrs["id"] in labels, field.attrs


def test_nothing_on_the_page_can_send_the_plan(client):
    document, root = _plan(client)
    # No form anywhere on the page, and no control with a name an outer form could submit.
    assert document.find_all("form") == []
    controls = [*root.find_all("input"), *root.find_all("textarea"), *root.find_all("select")]
    assert controls
    assert all("name" not in c.attrs for c in controls)
    # Typed text stays out of the browser's autofill and of online spell checking.
    for control in controls:
        if control.attrs.get("type") in ("text", None) or control.tag == "textarea":
            assert control.attrs.get("autocomplete") == "off", control.attrs
            assert control.attrs.get("spellcheck") == "false", control.attrs


def test_without_javascript_it_says_so_and_shows_the_bag_checklist(client):
    _, root = _plan(client)
    note = _marked(root, "data-plan-nojs")
    assert note is not None and "JavaScript" in note.text and _visible_without_javascript(note)
    bag = root.find("section", id="bag")
    items = bag.find("ul", class_="plan-checklist").find_all("li")
    bag_section = next(s for s in SECTIONS if s.id == "bag")
    assert [li.text for li in items] == [item.label for item in bag_section.checklist]
    assert len(items) >= 10
    assert all(_visible_without_javascript(li) for li in items)
    # The fields to fill in only appear with JavaScript, which can save them.
    for field in root.find_all("textarea"):
        assert not _visible_without_javascript(field)


def test_help_numbers_are_tel_links_from_the_directory(client, app):
    _, root = _plan(client)
    directory = app.state.directory
    links = [a for a in root.find_all("a") if a.attrs.get("href", "").startswith("tel:")]
    assert links
    known = {phone.href for service in directory.services() for phone in service.phones}
    for link in links:
        assert _TEL.match(link.attrs["href"]), link.attrs["href"]
        assert link.attrs["href"] in known
    for section in SECTIONS:
        element = root.find("section", id=section.id)
        hrefs = {a.attrs["href"] for a in element.find_all("a") if a.attrs.get("href", "").startswith("tel:")}
        for service_id in section.directory:
            service = directory.get(service_id)
            if service is not None:
                for phone in service.phones:
                    assert phone.href in hrefs, (section.id, service_id)
                    link = next(a for a in element.find_all("a") if a.attrs.get("href") == phone.href)
                    assert link.find("bdi").text == phone.display
    help_section = root.find("section", id="people")
    assert "tel:110" in {a.attrs.get("href") for a in help_section.find_all("a")}


def test_a_service_missing_from_the_directory_is_left_out(client, app):
    assert app.state.store.remove("services", "police")
    _, root = _plan(client)
    hrefs = {a.attrs.get("href") for a in root.find_all("a")}
    assert "tel:110" not in hrefs and "/de/services/police" not in hrefs
    assert "tel:116016" in hrefs


def test_every_text_the_script_may_read_is_on_the_page_in_every_language(client, app):
    # The view reads its element's data attributes only through the type PlanData (plan.js):
    # `make check-js` refuses any other name, and here every one of them must be on the page.
    result = run("tests/js/plan-data-names.js")
    assert result.returncode == 0, result.stderr
    names = json.loads(result.stdout)
    assert len(names) > 20 and "minPassphrase" in names
    attributes = {"data-" + re.sub(r"([A-Z])", lambda m: "-" + m.group(1).lower(), name) for name in names}
    for code in app.state.templates.codes:
        _, root = _plan(client, code)
        for attribute in attributes:
            assert root.attrs.get(attribute), (code, attribute)
        texts = {name for name in root.attrs if name.startswith("data-msg-")}
        assert texts <= attributes, (code, texts - attributes)


def test_the_page_starts_the_plan_module_and_links_its_stylesheet(client, app):
    document, _ = _plan(client)
    styles = [link.attrs["href"] for link in document.find_all("link", rel="stylesheet")]
    assert app.state.assets.url("css/plan.css") in styles
    assert "js/plan.js" in app.state.assets.assets


# What keeps password managers from saving or offering a passphrase (templates/_passphrase.html):
# Chrome ignores autocomplete="off" on password fields, but takes "one-time-code" as no password;
# the others are the ignore markers of 1Password, LastPass, Bitwarden and Dashlane.
NOT_A_LOGIN = {"autocomplete": "one-time-code", "data-1p-ignore": "", "data-lpignore": "true", "data-bwignore": "", "data-form-type": "other"}


def test_no_passphrase_field_on_any_page_is_offered_to_a_password_manager(crawl):
    found = 0
    for path, page in crawl.pages.items():
        for field in page.document.find_all("input", type="password"):
            found += 1
            assert {k: field.attrs.get(k) or "" for k in NOT_A_LOGIN} == NOT_A_LOGIN, (path, field.attrs)
            assert "name" not in field.attrs, (path, field.attrs)
    assert found >= 4 * 8  # the plan's four, in every language


def test_the_plan_says_what_to_do_when_a_browser_offers_to_save_the_passphrase(client):
    _, root = _plan(client)
    note = _marked(root, "data-plan-passphrase-saving")
    assert note is not None and "„Nie“" in note.text and "„Passwörter“" in note.text
