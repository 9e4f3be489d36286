"""The journal page: what happened, written down on the device only, always encrypted.

The server renders the form, the guidance and the help numbers; journal.js keeps the entries
in this browser's storage, sealed with her passphrase (the same as the safety plan's), and no
request ever carries them. Form ids are the keys of a stored entry: keep them stable.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from pwa.i18n import N_
from pwa.plan import MIN_PASSPHRASE
from pwa.site import PageFamily
from pwa.statements import STATEMENTS
from pwa.templating import render

# The forms of violence the information pages name (info/domestic-violence), by stored id.
FORMS: tuple[tuple[str, str], ...] = (
    ("physical", N_("Körperlich")),
    ("psychological", N_("Psychisch")),
    ("sexual", N_("Sexualisiert")),
    ("economic", N_("Wirtschaftlich")),
    ("digital", N_("Digital")),
    ("stalking", N_("Stalking")),
    ("control", N_("Kontrolle")),
)

# Directory services shown beside the guidance: evidence kept without police, counselling.
EVIDENCE = "anonyme-spurensicherung"
COUNSELLING = ("hilfetelefon-frauen", "frauenberatung-skfm", "interventionsstelle")

# What the guidance says rests on these entries of the shared help facts (data/statements.yaml).
GUIDANCE = ("dokumentieren-tagebuch", "dokumentieren-verletzungen")


def guidance_sources() -> list[str]:
    """The sites the guidance comes from, by name (host), each once: short enough for a phone."""
    hosts: list[str] = []
    for entry in GUIDANCE:
        for source in STATEMENTS.guidance[entry]["sources"]:
            host = urlsplit(source.split(" — ")[0].strip("'")).hostname or ""
            host = host.removeprefix("www.")
            if host and host not in hosts:
                hosts.append(host)
    return hosts


async def journal(request: Request) -> Response:
    directory = request.app.state.directory
    counselling = [s for s in map(directory.get, COUNSELLING) if s is not None]
    return render(
        request,
        "journal.html",
        {
            "forms": FORMS,
            "evidence": directory.get(EVIDENCE),
            "counselling": counselling,
            "min_passphrase": MIN_PASSPHRASE,
            "sources": guidance_sources(),
            "sources_as_of": STATEMENTS.as_of,
        },
    )


family = PageFamily("journal", routes=[Route("/journal", journal)], paths=("journal",))
