"""The maintainers' desk in Chromium, without JavaScript: sign in, edit, refusals, sessions, accessibility."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from pwa.app import create_app
from pwa.clock import BERLIN
from pwa.desk.throttle import PER_NAME, Throttle
from tests.conftest import DESKTOP, make_settings, serving
from tests.desk_helpers import PASSWORD, add_user
from tests.helpers import axe_violations

pytestmark = pytest.mark.browser

START = datetime(2026, 3, 4, 9, 0, tzinfo=BERLIN)
NEW_TEL, NEW_DISPLAY = "+4921041419221", "02104 1419-221"


class Clock:
    """The desk app's time, moved on by the tests."""

    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture(scope="module")
def desk(tmp_path_factory):
    app = create_app(make_settings(tmp_path_factory.mktemp("desk-browser")))
    add_user(app, "anna")
    add_user(app, "ben")
    app.state.clock = Clock()
    with serving(app) as url:
        yield app, url


@pytest.fixture(autouse=True)
def fresh(desk):
    app, _ = desk
    app.state.clock.now = START
    app.state.desk.throttle = Throttle()


@pytest.fixture
def desk_url(desk) -> str:
    return desk[1]


@pytest.fixture
def desk_app(desk):
    return desk[0]


@pytest.fixture
def open_context(browser):
    """New browser contexts without JavaScript: the desk needs none."""
    opened = []

    def new(javascript: bool = False):
        context = browser.new_context(viewport=DESKTOP, java_script_enabled=javascript, service_workers="block")
        opened.append(context)
        return context

    yield new
    for context in opened:
        context.close()


def sign_in(page, url: str, name: str = "anna", password: str = PASSWORD) -> None:
    page.goto(url + "/admin/")
    assert page.url == url + "/admin/sign-in"
    page.fill("#name", name)
    page.fill("#password", password)
    page.click("button[type=submit]")


def test_sign_in_edit_a_phone_number_and_the_public_page_and_the_log_show_it(open_context, desk_url, desk_app):
    context = open_context()
    page = context.new_page()
    sign_in(page, desk_url)
    assert page.url == desk_url + "/admin/" and page.locator("h1").inner_text() == "Verzeichnis"
    [cookie] = [c for c in context.cookies() if c["name"] == "desk"]  # Secure, and kept on http://127.0.0.1
    assert (cookie["secure"], cookie["httpOnly"], cookie["sameSite"], cookie["path"]) == (True, True, "Strict", "/admin")
    assert page.locator("script").count() == 0

    page.click("a[href='/admin/directory/police']")
    page.fill("#f-phones-0-tel", NEW_TEL)
    page.fill("#f-phones-0-display", NEW_DISPLAY)
    page.click("form.desk-form button[type=submit]")
    assert page.url == desk_url + "/admin/directory/police?saved=1"
    assert "Gespeichert." in page.locator("[role=status]").inner_text()
    assert "python -m pwa build" in page.locator("[role=status]").inner_text()

    public = context.new_page()
    public.goto(desk_url + "/de/services/police")
    assert public.locator(f"a[href='tel:{NEW_TEL}']").count() >= 1
    assert not [c for c in context.cookies() if c["path"] != "/admin"]  # the public page set none

    page.click("nav a[href='/admin/changes']")
    first = page.locator("ol.desk-changes > li").first
    assert "anna" in first.inner_text() and "Telefonnummern" in first.inner_text()
    assert NEW_TEL in first.locator("ins").inner_text()


def test_an_invalid_phone_or_url_shows_its_error_and_writes_nothing(open_context, desk_url, desk_app):
    page = open_context().new_page()
    sign_in(page, desk_url)
    before = desk_app.state.settings.database_path.read_bytes()
    page.goto(desk_url + "/admin/directory/interventionsstelle")
    page.fill("#f-phones-0-tel", "02104 99")
    page.fill("#f-website", "www.kreis-mettmann.de")
    page.click("form.desk-form button[type=submit]")
    assert "Nicht gespeichert" in page.locator(".desk-error-summary").inner_text()
    assert "„02104 99“: bitte +49" in page.locator("#f-phones-0-tel-error").inner_text()
    assert "„www.kreis-mettmann.de“ ist keine Adresse, die mit https:// beginnt." in page.locator("#f-website-error").inner_text()
    assert page.input_value("#f-website") == "www.kreis-mettmann.de"
    assert desk_app.state.settings.database_path.read_bytes() == before


def test_a_forged_form_without_its_csrf_token_is_refused(open_context, desk_url, desk_app):
    before = desk_app.state.settings.database_path.read_bytes()
    page = open_context(javascript=True).new_page()
    sign_in(page, desk_url)
    page.goto(desk_url + "/admin/directory/police")
    page.evaluate("document.querySelector('form.desk-form input[name=csrf]').remove()")
    page.fill("#f-name", "Gefälscht")
    page.click("form.desk-form button[type=submit]")
    assert page.locator("h1").inner_text() == "Nicht erlaubt"
    assert "nichts wurde gespeichert" in page.locator("main").inner_text()

    # A form on another site, sent with her browser: the cookie stays home (SameSite=Strict).
    page.route("https://elsewhere.example/**", lambda route: route.fulfill(content_type="text/html", body=(
        f"<!doctype html><form method=post action='{desk_url}/admin/directory/police'>"
        "<input name=name value=Fremd><input name=csrf value=guess><button>Los</button></form>"
    )))  # fmt: skip
    page.goto("https://elsewhere.example/")
    page.click("button")
    assert page.url == desk_url + "/admin/directory/police"
    assert page.locator("h1").inner_text() == "Nicht erlaubt"
    assert desk_app.state.settings.database_path.read_bytes() == before


def test_a_wrong_password_is_throttled_after_a_few_attempts(open_context, desk_url):
    page = open_context().new_page()
    for attempt in range(PER_NAME):
        sign_in(page, desk_url, "anna", f"falsch-{attempt}")
        assert "Name oder Passwort stimmen nicht." in page.locator("[role=alert]").inner_text()
    sign_in(page, desk_url, "anna", PASSWORD)
    assert "Zu viele Versuche" in page.locator("[role=alert]").inner_text()
    assert page.url == desk_url + "/admin/sign-in"


def test_the_second_of_two_concurrent_edits_is_refused_and_shows_the_first(open_context, desk_url, desk_app):
    anna, ben = open_context().new_page(), open_context().new_page()
    sign_in(anna, desk_url, "anna")
    sign_in(ben, desk_url, "ben")
    for page in (anna, ben):
        page.goto(desk_url + "/admin/directory/nora")
    anna.fill("#f-hours_note", "Anna hat angerufen.")
    anna.click("form.desk-form button[type=submit]")
    assert anna.url.endswith("?saved=1")
    ben.fill("#f-hours_note", "Ben hat auch angerufen.")
    ben.click("form.desk-form button[type=submit]")
    conflict = ben.locator(".desk-conflict")
    assert "Nicht gespeichert: jemand anderes hat" in conflict.inner_text()
    assert "anna" in conflict.inner_text() and "Anna hat angerufen." in conflict.inner_text()
    assert "Ben hat auch angerufen." in conflict.inner_text()
    assert ben.input_value("#f-hours_note") == "Anna hat angerufen."
    assert desk_app.state.store.get("services", "nora")["hours_note"] == "Anna hat angerufen."


def test_the_session_ends_after_thirty_idle_minutes(open_context, desk_url, desk_app):
    page = open_context().new_page()
    sign_in(page, desk_url)
    desk_app.state.clock.now = START + timedelta(minutes=25)
    page.goto(desk_url + "/admin/stale")
    assert page.locator("h1").inner_text() == "Zu bestätigen"
    desk_app.state.clock.now = START + timedelta(minutes=25 + 31)
    page.goto(desk_url + "/admin/stale")
    assert page.url == desk_url + "/admin/sign-in"


def test_after_signing_out_the_session_cookie_no_longer_works(open_context, desk_url):
    context = open_context()
    page = context.new_page()
    sign_in(page, desk_url)
    [cookie] = [c for c in context.cookies() if c["name"] == "desk"]
    page.click("text=Abmelden")
    assert page.url == desk_url + "/admin/sign-in?signed-out=1"
    assert "Sie sind abgemeldet." in page.locator("[role=status]").inner_text()
    assert not [c for c in context.cookies() if c["name"] == "desk"]
    kept = open_context()
    kept.add_cookies([cookie])  # someone kept a copy of the cookie
    other = kept.new_page()
    other.goto(desk_url + "/admin/")
    assert other.url == desk_url + "/admin/sign-in"


def test_every_kind_of_desk_page_has_no_accessibility_violations(open_context, desk_url, desk_app):
    page = open_context(javascript=True).new_page()
    page.goto(desk_url + "/admin/sign-in")
    found = {"sign-in": axe_violations(page)}
    sign_in(page, desk_url, "anna", "falsch")
    found["sign-in refused"] = axe_violations(page)
    sign_in(page, desk_url)
    for path in ["/admin/", "/admin/stale", "/admin/events/", "/admin/materials/", "/admin/changes",
                 "/admin/directory/frauenhaus-mettmann", "/admin/directory/new", "/admin/events/new",
                 "/admin/directory/police/remove", "/admin/nowhere/x"]:  # fmt: skip
        page.goto(desk_url + path)
        found[path] = axe_violations(page)
    page.goto(desk_url + "/admin/directory/police")
    page.fill("#f-phones-0-tel", "0211")
    page.fill("#f-website", "http://x")
    page.click("form.desk-form button[type=submit]")
    found["form with errors"] = axe_violations(page)
    assert {where: v for where, v in found.items() if v} == {}


def test_the_desk_works_by_keyboard_from_the_error_list_to_the_field(open_context, desk_url):
    page = open_context().new_page()
    sign_in(page, desk_url)
    page.goto(desk_url + "/admin/directory/police")
    page.fill("#f-website", "http://x")
    page.click("form.desk-form button[type=submit]")
    page.focus(".desk-error-summary a")
    page.keyboard.press("Enter")
    assert page.url.endswith("#f-website")
    assert page.evaluate("document.activeElement.id") == "f-website"
