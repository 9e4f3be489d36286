"""Signing in and out of the desk.

The sign-in form has a CSRF token of its own before there is a session: the same random value
in a hidden field and in a cookie only this form's address receives (a site that cannot read
the cookie cannot send the form). Attempts are throttled (:mod:`pwa.desk.throttle`) before
the password is checked; a sign-in begins a new session, with an id never seen before.
"""

from __future__ import annotations

import hmac
import secrets

import anyio.to_thread
from starlette.requests import Request
from starlette.responses import Response

from pwa.desk.gate import PREFIX, Desk, Visit, client, for_maintainers, read_form, redirect, same_site
from pwa.desk.sessions import COOKIE, cookie, cookie_cleared

FORM_COOKIE = "desk_form"
_FORM_ATTRIBUTES = f"Path={PREFIX}/sign-in; Secure; HttpOnly; SameSite=Strict"


def _form(desk: Desk, request: Request, status: int = 200, error: str = "", name: str = "") -> Response:
    token = secrets.token_urlsafe(32)
    notice = "Sie sind abgemeldet." if request.query_params.get("signed-out") else ""
    response = desk.render(request, "sign_in.html", {"title": "Anmelden", "form_token": token, "error": error, "name": name, "notice": notice}, status)
    response.headers.append("set-cookie", f"{FORM_COOKIE}={token}; {_FORM_ATTRIBUTES}")
    return response


async def sign_in(request: Request) -> Response:
    desk: Desk = request.app.state.desk
    now = request.state.now.timestamp()
    if request.method != "POST":
        if desk.sessions.find(request.cookies.get(COOKIE), now):
            return redirect("/")
        return _form(desk, request)
    form = await read_form(request)
    if form is None:
        return desk.error(request, 413, "Das Formular ist zu groß.")
    token = form.get("form_token")
    expected = request.cookies.get(FORM_COOKIE, "")
    if not same_site(request) or not isinstance(token, str) or not expected or not hmac.compare_digest(token.encode(), expected.encode()):
        return _form(desk, request, 403, "Das Formular war nicht mehr gültig. Bitte melden Sie sich noch einmal an.")
    name = str(form.get("name") or "").strip()
    password = str(form.get("password") or "")
    wait = desk.throttle.retry_after(name, client(request), now)
    if wait:
        minutes = -(-wait // 60)
        response = _form(desk, request, 429, f"Zu viele Versuche. Bitte warten Sie {minutes} Minute{'n' if minutes != 1 else ''} "
                         "und versuchen Sie es dann noch einmal.", name)  # fmt: skip
        response.headers["retry-after"] = str(wait)
        return response
    desk.throttle.attempt(name, client(request), now)
    # scrypt takes a moment: beside the event loop, so other requests go on meanwhile.
    if not name or not await anyio.to_thread.run_sync(desk.users.verify, name, password):
        return _form(desk, request, 200, "Name oder Passwort stimmen nicht.", name)
    desk.throttle.succeeded(name, client(request))
    desk.sessions.end(request.cookies.get(COOKIE))  # a new id at every sign-in
    response = redirect("/")
    response.headers.append("set-cookie", cookie(desk.sessions.begin(name, now)))
    response.headers.append("set-cookie", f"{FORM_COOKIE}=; Max-Age=0; {_FORM_ATTRIBUTES}")
    return response


@for_maintainers
async def sign_out(visit: Visit) -> Response:
    visit.desk.sessions.end(visit.request.cookies.get(COOKIE))
    response = redirect("/sign-in?signed-out=1")
    response.headers.append("set-cookie", cookie_cleared())
    return response
