"""The disguise: she chooses a cover (pwa/covers.py) and a code, and puts the cover on the home
screen. Everything is kept on her device (static/js/disguise.js, tool-store.js); the server
only renders the page.

While a disguise is set up, every page of the help part shows the cover's name and icon from
before it is drawn (before-paint.js), the quick exit leads back to the locked cover, and the
help part locks again after the quick exit and after being hidden for longer than she chose
(disguise-lock.js). A page of the help part opened while locked goes to the cover.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from pwa import covers
from pwa.i18n import N_
from pwa.site import PageFamily
from pwa.templating import render

# Minutes in the background after which the help part asks for the code again.
LOCK_AFTER_MINUTES = (1, 2, 5, 15)
DEFAULT_LOCK_AFTER = 2
CODE_DIGITS = (4, 12)

# How the code opens the help part in each cover: the way the cover takes input.
OPEN_WITH_CODE = {
    "calculator": N_("Tippen Sie Ihren Code ein und dann auf „=“."),
    "shopping-list": N_("Schreiben Sie Ihren Code als neuen Eintrag und tippen Sie auf „Hinzufügen“. Dieser Eintrag wird nicht gespeichert."),
    "converter": N_("Tippen Sie Ihren Code als Wert ein und dann auf „Umrechnen“."),
}


async def disguise(request: Request) -> Response:
    code = request.state.locale
    assets = request.app.state.assets
    choices = [
        {
            "cover": cover,
            "start": covers.start_path(cover, code),
            "manifest": covers.manifest_path(cover, code),
            "icon": assets.url(covers.icon_keys(cover)["svg"]),
            "open_with_code": OPEN_WITH_CODE[cover.id],
        }
        for cover in covers.COVERS
    ]
    context = {
        "choices": choices,
        "lock_after_minutes": LOCK_AFTER_MINUTES,
        "default_lock_after": DEFAULT_LOCK_AFTER,
        "code_digits": CODE_DIGITS,
    }
    return render(request, "disguise.html", context)


family = PageFamily("disguise", routes=[Route("/disguise", disguise)], paths=("disguise",))
