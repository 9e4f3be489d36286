"""Information pages and privacy.

Each topic is a template ``templates/info/<slug>.html`` that ends with the matching help: the
directory entries named in :data:`HELP`, with their numbers as they stand in the directory
(an entry the directory does not have is left out).
"""

from __future__ import annotations

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from pwa.i18n import N_
from pwa.site import PageFamily
from pwa.statements import STATEMENTS
from pwa.templating import render

# Topic slug -> title. Slugs are the same in every language; the order is the order on /info.
TOPICS: dict[str, str] = {
    "domestic-violence": N_("Was ist häusliche Gewalt?"),
    "rights": N_("Ihre Rechte"),
    "children": N_("Kinder und häusliche Gewalt"),
    "young-people": N_("Für Kinder und Jugendliche"),
    "men": N_("Männer, die Gewalt erleben"),
    "older-and-disabled": N_("Ältere Menschen und Menschen mit Behinderung"),
    "lgbtq": N_("Lesbisch, schwul, bi, trans, inter, queer"),
    "migrants": N_("Migrantinnen, Migranten und Geflüchtete"),
    "friends-and-family": N_("Für Angehörige, Freunde und Nachbarn"),
    "professionals": N_("Für Fachkräfte"),
    "people-who-use-violence": N_("Für Menschen, die Gewalt ausüben"),
}

# One line under each title on /info.
SUMMARIES: dict[str, str] = {
    "domestic-violence": N_("Formen von Gewalt, Warnzeichen und der Kreislauf der Gewalt."),
    "rights": N_("Was Polizei und Gericht für Ihren Schutz tun können."),
    "children": N_("Was Kinder erleben und was ihnen hilft."),
    "young-people": N_("Für dich: Wenn es zu Hause nicht gut ist."),
    "men": N_("Auch Männer erleben Gewalt. Hier gibt es Hilfe."),
    "older-and-disabled": N_("Gewalt in der Familie und in der Pflege. Hilfe, die zu Ihnen passt."),
    "lgbtq": N_("Gewalt in queeren Beziehungen und in der Familie."),
    "migrants": N_("Hilfe in Ihrer Sprache und Ihr Aufenthaltsrecht."),
    "friends-and-family": N_("So helfen Sie gut und sicher. Das SOS-Handzeichen."),
    "professionals": N_("Der Runde Tisch, Fachtage, Materialien und Wege ins Hilfesystem."),
    "people-who-use-violence": N_("Sie können lernen, ohne Gewalt zu leben."),
}

# The help at the end of each topic: directory ids, most urgent first.
HELP: dict[str, tuple[str, ...]] = {
    "domestic-violence": (
        "police",
        "fire-ambulance",
        "hilfetelefon-frauen",
        "interventionsstelle",
        "frauenberatung-skfm",
        "frauenhaus-mettmann",
        "frauenhaus-suche",
        "aerztlicher-bereitschaftsdienst",
    ),
    "rights": (
        "interventionsstelle",
        "frauenberatung-skfm",
        "polizei-opferschutz",
        "anonyme-spurensicherung",
        "weisser-ring",
        "hilfetelefon-frauen",
    ),
    "children": (
        "police",
        "nummer-gegen-kummer-eltern",
        "nummer-gegen-kummer-kinder",
        "hilfetelefon-missbrauch",
        "kinderschutzbund-mettmann",
        "frauenhaus-mettmann",
        "frauenhaus-suche",
    ),
    "young-people": (
        "police",
        "nummer-gegen-kummer-kinder",
        "hilfetelefon-missbrauch",
        "kinderschutzbund-mettmann",
    ),
    "men": (
        "police",
        "hilfetelefon-maenner",
        "caritas-gewaltpraevention",
        "skf-ratingen-loge",
        "weisser-ring",
    ),
    "older-and-disabled": (
        "police",
        "nora",
        "hilfetelefon-frauen",
        "hilfetelefon-maenner",
        "weisser-ring",
        "frauenberatung-skfm",
    ),
    "lgbtq": (
        "police",
        "hilfetelefon-frauen",
        "hilfetelefon-maenner",
        "weisser-ring",
        "telefonseelsorge",
    ),
    "migrants": (
        "police",
        "hilfetelefon-frauen",
        "interventionsstelle",
        "frauenberatung-skfm",
        "frauenhaus-mettmann",
        "frauenhaus-suche",
    ),
    "friends-and-family": (
        "police",
        "hilfetelefon-frauen",
        "hilfetelefon-maenner",
        "fachberatung-sexualisierte-gewalt",
        "weisser-ring",
    ),
    "professionals": (
        "runder-tisch-office",
        "hilfetelefon-frauen",
        "interventionsstelle",
        "frauenberatung-skfm",
        "fachberatung-sexualisierte-gewalt",
        "polizei-opferschutz",
        "anonyme-spurensicherung",
        "frauenhaus-suche",
        "caritas-gewaltpraevention",
    ),
    "people-who-use-violence": (
        "caritas-gewaltpraevention",
        "telefonseelsorge",
        "police",
    ),
}

# The young readers' page speaks to "du", every other page to "Sie".
INFORMAL = frozenset({"young-people"})

async def info_index(request: Request) -> Response:
    return render(request, "info.html", {"topics": TOPICS, "summaries": SUMMARIES})


async def info_topic(request: Request) -> Response:
    slug = request.path_params["topic"]
    if slug not in TOPICS:
        raise HTTPException(status_code=404)
    directory = request.app.state.directory
    found = (directory.get(service_id) for service_id in HELP.get(slug, ()))
    context = {
        "slug": slug,
        "title": TOPICS[slug],
        "help": [service for service in found if service is not None],
        "find": directory.get,
        "informal": slug in INFORMAL,
        "facts_as_of": STATEMENTS.as_of,
        "legal_sources": STATEMENTS.legal,
        "runder_tisch_sources": STATEMENTS.runder_tisch["sources"],
    }
    return render(request, f"info/{slug}.html", context)


async def privacy(request: Request) -> Response:
    return render(request, "privacy.html")


family = PageFamily(
    "info",
    routes=[
        Route("/info", info_index),
        Route("/info/{topic}", info_topic),
        Route("/privacy", privacy),
    ],
    paths=("info", *(f"info/{slug}" for slug in TOPICS), "privacy"),
)
