"""Signing in and out of the desk, over HTTP: throttled, CSRF-checked, sessions that end."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

import pytest
from starlette.testclient import TestClient

from pwa.app import create_app
from pwa.clock import BERLIN
from pwa.desk.throttle import PER_CLIENT, PER_NAME
from tests.conftest import make_settings
from tests.desk_helpers import NAME, PASSWORD, add_user, desk_client, form_fields, sign_in
from tests.helpers import parse_html

START = datetime(2026, 3, 4, 9, 0, tzinfo=BERLIN)


@pytest.fixture
def desk_app(tmp_path):
    app = create_app(make_settings(tmp_path))
    add_user(app)
    return app


@pytest.fixture
def clock(desk_app):
    """The desk app's time, to move on: clock.now, clock.forward(minutes=...)."""

    class Clock:
        now = START

        def forward(self, **delta: float) -> None:
            self.now += timedelta(**delta)

    moving = Clock()
    desk_app.state.clock = lambda: moving.now
    return moving


def _error(response) -> str:
    summary = parse_html(response.text).find("div", class_="desk-error-summary")
    return summary.text if summary else ""


def test_signing_in_begins_a_session_in_a_secure_http_only_strict_cookie_for_the_desk(desk_app):
    with desk_client(desk_app) as client:
        page = client.get("/admin/sign-in")
        assert page.status_code == 200
        form = parse_html(page.text).find("form")
        assert form.attrs["method"] == "post" and form.find("input", type="password") is not None
        client.cookies.set("desk", "an-id-chosen-by-someone-else", domain="testserver.local", path="/admin")
        response = sign_in(client)
        assert response.status_code == 303 and response.headers["location"] == "/admin/"
        session = next(c for c in response.headers.get_list("set-cookie") if c.startswith("desk="))
        assert {part.strip() for part in session.split(";")[1:]} == {"Path=/admin", "Secure", "HttpOnly", "SameSite=Strict"}
        first = client.cookies.get("desk")
        assert first != "an-id-chosen-by-someone-else"  # a new id at every sign-in
        assert client.get("/admin/").status_code == 200
        assert client.get("/admin/sign-in").headers["location"] == "/admin/"  # signed in already


def test_a_wrong_password_or_name_signs_nobody_in(desk_app):
    with desk_client(desk_app) as client:
        for name, password in [(NAME, PASSWORD + "x"), ("nobody", PASSWORD), ("", "")]:
            response = sign_in(client, name, password)
            assert response.status_code == 200
            assert "Name oder Passwort stimmen nicht." in _error(response)
            assert not [c for c in response.headers.get_list("set-cookie") if c.startswith("desk=")]
        assert client.get("/admin/").headers["location"] == "/admin/sign-in"


def test_wrong_passwords_are_throttled_after_a_few_attempts_even_for_the_right_one(desk_app, clock):
    with desk_client(desk_app) as client:
        for attempt in range(PER_NAME):
            assert sign_in(client, NAME, f"falsch {attempt}").status_code == 200
        throttled = sign_in(client)
        assert throttled.status_code == 429
        assert "Zu viele Versuche" in _error(throttled) and int(throttled.headers["retry-after"]) > 0
        assert client.get("/admin/").status_code == 303  # not signed in
        clock.forward(minutes=16)
        assert sign_in(client).status_code == 303


def test_one_client_trying_many_names_is_throttled_and_another_client_is_not(desk_app):
    def client_at(address: str) -> TestClient:
        return TestClient(desk_app, base_url="https://testserver", follow_redirects=False, client=(address, 5000))

    with client_at("203.0.113.7") as guessing:
        for attempt in range(PER_CLIENT):
            assert sign_in(guessing, f"name{attempt}", "falsch").status_code == 200  # each name below its limit
        assert sign_in(guessing).status_code == 429  # even the right name and password
    with client_at("198.51.100.2") as office:
        assert sign_in(office).status_code == 303


def test_a_sign_in_form_without_its_token_is_refused(desk_app):
    with desk_client(desk_app) as client:
        forged = client.post("/admin/sign-in", data={"name": NAME, "password": PASSWORD})
        assert forged.status_code == 403 and not client.cookies.get("desk")
        token = form_fields(parse_html(client.get("/admin/sign-in").text), "/admin/sign-in")["form_token"]
        client.cookies.set("desk_form", "another", domain="testserver.local", path="/admin/sign-in")
        assert client.post("/admin/sign-in", data={"form_token": token, "name": NAME, "password": PASSWORD}).status_code == 403
        page = client.get("/admin/sign-in")
        token = form_fields(parse_html(page.text), "/admin/sign-in")["form_token"]
        cross = client.post("/admin/sign-in", data={"form_token": token, "name": NAME, "password": PASSWORD},
                            headers={"sec-fetch-site": "cross-site"})  # fmt: skip
        assert cross.status_code == 403 and not client.cookies.get("desk")


def test_a_session_ends_after_thirty_idle_minutes(desk_app, clock):
    with desk_client(desk_app) as client:
        sign_in(client)
        clock.forward(minutes=29)
        assert client.get("/admin/").status_code == 200
        clock.forward(minutes=29)
        assert client.get("/admin/changes").status_code == 200  # used: goes on
        clock.forward(minutes=31)
        response = client.get("/admin/")
        assert response.status_code == 303 and response.headers["location"] == "/admin/sign-in"
        assert client.post("/admin/directory/police", data={"csrf": "x"}).status_code == 403


def test_signing_out_ends_the_session_on_the_server(desk_app):
    with desk_client(desk_app) as client:
        sign_in(client)
        session = client.cookies.get("desk")
        csrf = form_fields(parse_html(client.get("/admin/").text), "/admin/sign-out")["csrf"]
        assert client.post("/admin/sign-out", data={}).status_code == 403  # without its token: still signed in
        assert client.get("/admin/").status_code == 200
        response = client.post("/admin/sign-out", data={"csrf": csrf})
        assert response.status_code == 303 and response.headers["location"] == "/admin/sign-in?signed-out=1"
        assert any(c.startswith("desk=;") and "Max-Age=0" in c for c in response.headers.get_list("set-cookie"))
        assert "Sie sind abgemeldet." in client.get("/admin/sign-in?signed-out=1").text
    with desk_client(desk_app) as again:  # the old cookie, kept by someone: no longer works
        again.cookies.set("desk", session, domain="testserver.local", path="/admin")
        assert again.get("/admin/").status_code == 303


def test_a_removed_user_is_signed_out(desk_app):
    from pwa.desk.users import Users

    add_user(desk_app, "ben")
    with desk_client(desk_app) as client:
        sign_in(client, "ben")
        assert client.get("/admin/").status_code == 200
        Users(desk_app.state.settings.users_file).remove("ben")
        assert client.get("/admin/").status_code == 303


def test_nothing_of_a_sign_in_is_logged_with_an_address(tmp_path, caplog):
    caplog.set_level(logging.DEBUG)
    app = create_app(make_settings(tmp_path, access_log=True))
    add_user(app)
    from starlette.testclient import TestClient

    with TestClient(app, base_url="https://testserver", client=("203.0.113.7", 5000)) as client:
        sign_in(client, NAME, "falsch")
        sign_in(client)
    logged = " ".join(record.getMessage() for record in caplog.records)
    assert "/admin/sign-in" in logged
    assert "203.0.113.7" not in logged and PASSWORD not in logged and "falsch" not in logged
