"""The page on using this app safely, and the delete-everything control."""

from __future__ import annotations

from dataclasses import replace

from starlette.testclient import TestClient

from pwa.app import create_app
from tests.helpers import parse_html

SECTIONS = ["leave", "traces", "history", "private", "app-icon", "calls", "location", "device", "delete-everything"]


def _page(client, code="de"):
    response = client.get(f"/{code}/safety")
    assert response.status_code == 200
    return parse_html(response.text)


def test_listed_in_every_language(app):
    for code in app.state.templates.codes:
        assert f"/{code}/safety" in app.state.site.page_paths(code)


def test_every_section_is_there_and_in_the_contents(crawl):
    for code in crawl.app.state.templates.codes:
        page = crawl.pages[f"/{code}/safety"]
        assert page.status == 200
        document = page.document
        assert len(document.find_all("h1")) == 1
        contents = document.find("nav", class_="safety-contents")
        targets = [a.attrs["href"] for a in contents.find_all("a")]
        assert targets == [f"#{section}" for section in SECTIONS]
        for section in SECTIONS:
            assert document.find(id=section) is not None, (code, section)


def test_says_plainly_that_history_is_not_erased(client):
    text = _page(client).text
    assert "Der Verlauf Ihres Browsers wird dabei nicht gelöscht." in text
    assert "nicht den ganzen Verlauf" in text


def test_covers_each_browser_by_name(client):
    document = _page(client)
    history = document.find("section", aria_labelledby="history")
    titles = [h.text for h in history.find_all("h3")]
    assert titles == ["Chrome auf Android", "Safari auf dem iPhone", "Samsung Internet", "Am Computer (Chrome, Edge, Firefox, Safari)"]
    for title in history.find_all("h3"):
        siblings = title.parent.children
        steps = siblings[siblings.index(title) + 1]
        assert steps.tag == "ol" and len(steps.find_all("li")) >= 3, title.text


def test_names_the_site_to_search_for_from_the_settings_and_where_the_exit_leads(settings):
    app = create_app(replace(settings, public_host="wegweiser.example.de"))
    with TestClient(app) as client:
        document = _page(client)
        history = document.find("section", aria_labelledby="history")
        assert "wegweiser.example.de" in [b.text for b in history.find_all("bdi")]
        leave = document.find("section", aria_labelledby="leave")
        assert "example.org" in [b.text for b in leave.find_all("bdi")]
        # A request naming another host changes nothing: the page is the same for everyone.
        forged = client.get("/de/safety", headers={"host": "other-site.example"})
        assert "other-site.example" not in forged.text and "wegweiser.example.de" in forged.text


def test_without_a_public_host_names_no_address_it_cannot_be_sure_of(client):
    history = _page(client).find("section", aria_labelledby="history")
    assert history.find_all("bdi") == []
    assert "testserver" not in history.text
    assert "nach „Wegweiser“ oder nach der Adresse dieser Website" in history.text


def test_says_what_others_can_still_see(crawl):
    """The titles it gives as examples are the real ones; then the address, the installed app's
    details, a neutral domain, files and printouts."""
    for code in crawl.app.state.templates.codes:
        section = crawl.pages[f"/{code}/safety"].document.find("section", aria_labelledby="traces")
        titles = [crawl.pages[f"/{code}/{path}"].document.find("title").text for path in ("emergency", "plan")]
        assert all(title in section.text for title in titles), (code, titles)
        word = crawl.pages[f"/{code}/plan"].document.find("div", **{"data-module": "plan"}).attrs["data-msg-file-name"]
        assert f"{word}-2026-05-01.json" in section.text, code
        assert len(section.find_all("li")) == 6, code
    text = crawl.pages["/de/safety"].document.find("section", aria_labelledby="traces").text
    for said in ("leere Fläche", "trotzdem ein kleines Bild", "Adresse dieser Website steht trotzdem im Verlauf",
                 "Angaben zur App", "neutralen Adresse", "Ohne Passphrase", "Ausdruck"):
        assert said in text, said


def test_does_not_promise_what_a_phone_bill_shows(client):
    calls = _page(client).find("section", aria_labelledby="calls").text
    assert "hängt vom Anbieter ab" in calls


def test_delete_everything_without_javascript_explains_the_browser_setting(client):
    document = _page(client)
    section = document.find("section", id="delete-everything")
    assert section.attrs["data-module"] == "delete-everything"
    no_script = [e for e in section.iter() if "data-delete-everything-no-script" in e.attrs]
    assert len(no_script) == 1 and "hidden" not in no_script[0].attrs
    assert "JavaScript" in no_script[0].text and "Websitedaten" in no_script[0].text
    controls = [e for e in section.iter() if "data-delete-everything-controls" in e.attrs]
    assert len(controls) == 1 and "hidden" in controls[0].attrs


def test_delete_everything_confirms_once_and_says_what_is_left(client):
    section = _page(client, "en").find("section", id="delete-everything")
    start = [e for e in section.iter() if "data-delete-everything-start" in e.attrs][0]
    confirm = section.find(id=start.attrs["aria-controls"])
    assert confirm.attrs["role"] == "group" and "hidden" in confirm.attrs
    assert section.find(id=confirm.attrs["aria-labelledby"]) is not None
    assert len(confirm.find_all("button", type="button")) == 2
    status = [e for e in section.iter() if e.attrs.get("role") == "status"]
    assert len(status) == 1
    done = [e for e in section.iter() if "data-delete-everything-done" in e.attrs][0]
    assert done.find("a", href="/en/safety#history") is not None


def test_offers_installing_where_the_icon_is_discussed(client):
    section = _page(client).find("section", aria_labelledby="app-icon")
    assert [e for e in section.iter() if e.attrs.get("data-module") == "install"]


def test_no_inline_styles_or_scripts(client):
    document = _page(client)
    assert not [e for e in document.iter() if "style" in e.attrs or any(k.startswith("on") for k in e.attrs)]
    assert all("src" in s.attrs for s in document.find_all("script"))


def test_clear_site_data_answers_only_the_apps_own_pages(client):
    own = client.post("/clear-site-data", headers={"Sec-Fetch-Site": "same-origin"})
    assert own.status_code == 204
    assert own.headers["clear-site-data"] == '"cache", "storage"'
    assert own.headers["cache-control"] == "no-store"
    for site in ("cross-site", "same-site", "none", None):
        other = client.post("/clear-site-data", headers={"Sec-Fetch-Site": site} if site else {})
        assert other.status_code == 403 and "clear-site-data" not in other.headers, site
    assert client.get("/clear-site-data").status_code in (404, 405)  # no link or prefetch clears it


def test_the_done_message_names_what_is_left_and_how_to_remove_it(client):
    section = _page(client, "en").find("section", id="delete-everything")
    done = [e for e in section.iter() if "data-delete-everything-done" in e.attrs][0]
    left = [e for e in done.iter() if "data-delete-everything-left" in e.attrs][0].find_all("li")
    texts = [item.text for item in left]
    assert len(texts) == 4
    for item, words in zip(texts, ("history", "Downloaded files", "Printouts", "app icon")):
        assert words in item, item
    assert left[0].find("a", href="/en/safety#history") is not None
    assert left[3].find("a", href="/en/safety#app-icon") is not None
