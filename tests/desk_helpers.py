"""Helpers for the desk's tests: a user, a signed-in client, and forms sent as a browser sends them."""

from __future__ import annotations

from typing import Any

from starlette.testclient import TestClient

from pwa.desk.users import Users
from tests.helpers import Element, parse_html

NAME = "anna"
PASSWORD = "ein langes Passwort"


def add_user(app: Any, name: str = NAME, password: str = PASSWORD) -> None:
    Users(app.state.settings.users_file).add(name, password)


def desk_client(app: Any) -> TestClient:
    """A client on https, as the desk's Secure cookies need (the browser tests use 127.0.0.1)."""
    return TestClient(app, base_url="https://testserver", follow_redirects=False)


def sign_in(client: TestClient, name: str = NAME, password: str = PASSWORD) -> Any:
    page = client.get("/admin/sign-in")
    token = form_fields(parse_html(page.text), "/admin/sign-in")["form_token"]
    return client.post("/admin/sign-in", data={"form_token": token, "name": name, "password": password})


def find_form(document: Element, action: str) -> Element:
    for form in document.find_all("form"):
        if form.attrs.get("action") == action:
            return form
    raise AssertionError(f"no form for {action}")


def form_fields(document: Element, action: str) -> dict[str, Any]:
    """What a browser sends for the form with this action, unchanged: name -> value, or a
    list of values for a name that is sent more than once (checkboxes)."""
    sent: list[tuple[str, str]] = []
    for element in find_form(document, action).iter():
        name = element.attrs.get("name")
        if not name:
            continue
        if element.tag == "input":
            kind = element.attrs.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in element.attrs:
                continue
            default = "on" if kind in ("checkbox", "radio") else ""
            value = element.attrs.get("value")
            sent.append((name, default if value is None else value))
        elif element.tag == "textarea":
            sent.append((name, "".join(element.text_parts).removeprefix("\n")))
        elif element.tag == "select":
            options = element.find_all("option")
            chosen = [o for o in options if "selected" in o.attrs] or options[:1]
            sent += [(name, o.attrs.get("value", o.text)) for o in chosen]
    fields: dict[str, Any] = {}
    for name, value in sent:
        if name in fields:
            fields[name] = [*([fields[name]] if isinstance(fields[name], str) else fields[name]), value]
        else:
            fields[name] = value
    return fields


def as_pairs(fields: dict[str, Any]) -> list[tuple[str, str]]:
    return [(name, v) for name, value in fields.items() for v in (value if isinstance(value, list) else [value])]


def post_form(client: TestClient, path: str, changes: dict[str, Any] | None = None, action: str | None = None) -> Any:
    """Open ``path``, change some fields of its form and send it, as a browser would."""
    action = action or path
    fields = form_fields(parse_html(client.get(path).text), action)
    fields.update(changes or {})
    body = "&".join(f"{_quote(k)}={_quote(v)}" for k, v in as_pairs(fields))
    return client.post(action, content=body, headers={"content-type": "application/x-www-form-urlencoded"})


def _quote(text: str) -> str:
    from urllib.parse import quote

    return quote(text, safe="")
