"""Pages of the help directory: emergency numbers, the list of services, one service, the JSON API.

The list filters twice: in the browser (static/js/directory-filter.js, on the data attributes of
each entry) and here, for a browser without JavaScript that submits the filter form. Both apply
the same rules: :func:`matches`. "Open now" is the request's time in Europe/Berlin (``request.state.now``, see
pwa/request_state.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Mapping

from jinja2.utils import htmlsafe_json_dumps
from markupsafe import Markup
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from pwa.clock import BERLIN
from pwa.directory import (
    ACCESSIBILITY,
    AREAS,
    CALL_FIRST,
    CHANNELS,
    CITIES,
    KINDS,
    TARGET_GROUPS,
    Service,
    is_open,
)
from pwa.i18n import N_, SOURCE_LOCALE
from pwa.site import PageFamily
from pwa.templating import render

# The languages the filter offers: the app's languages, first set and later ones, plus any a
# service names. A service with interpreters for whatever language is needed matches every one.
LANGUAGE_CHOICES = ("de", "en", "tr", "ar", "uk", "ru", "pl", "fa", "fr", "ro", "it", "el", "ku")

OPEN_NOW = "now"
ALWAYS = "always"
# Translators: choices of the filter "Erreichbar" (when the service can be reached) on the list.
OPEN_CHOICES = {OPEN_NOW: N_("Jetzt geöffnet"), ALWAYS: N_("Rund um die Uhr")}

# The police stations of the Kreis, staffed around the clock: on the emergency page after 110 and 112.
STATIONS = "polizeiwachen"


# -- filters ---------------------------------------------------------------------------------


def offers_language(service: Service, code: str) -> bool:
    """A service offers a language when its people speak it, it names interpreters for it, or
    it arranges interpreters for whatever language is needed."""
    return code in service.reachable_in or service.interpreters is True


@dataclass(frozen=True)
class Filters:
    """The filter form's values; an unknown value counts as no filter."""

    city: str = ""
    kind: str = ""
    language: str = ""
    open: str = ""

    @classmethod
    def from_query(cls, params: Mapping[str, str], languages: tuple[str, ...]) -> "Filters":
        def pick(name: str, allowed: Any) -> str:
            value = params.get(name, "")
            return value if isinstance(value, str) and value in allowed else ""

        return cls(
            city=pick("city", CITIES),
            kind=pick("kind", KINDS),
            language=pick("language", languages),
            open=pick("open", OPEN_CHOICES),
        )

    @property
    def active(self) -> bool:
        return any((self.city, self.kind, self.language, self.open))


def matches(service: Service, filters: Filters, when: datetime) -> bool:
    """Whether a service passes the filters at ``when`` (the same rules as the browser's)."""
    if filters.city and filters.city not in service.cities:
        return False
    if filters.kind and service.kind != filters.kind:
        return False
    if filters.language and not offers_language(service, filters.language):
        return False
    if filters.open == ALWAYS and not service.always_open:
        return False
    if filters.open == OPEN_NOW and is_open(service, when) is not True:
        return False
    return True


def language_choices(services: list[Service]) -> tuple[str, ...]:
    codes = list(LANGUAGE_CHOICES)
    for service in services:
        codes += [code for code in service.reachable_in if code not in codes]
    return tuple(codes)


def silent_ways(service: Service) -> list[tuple[str, str]]:
    """The ways to reach a service without speaking on the phone: (its field, a German label)."""
    ways = [("channels", CHANNELS[c]) for c in ("chat", "app", "email") if c in service.channels]
    return ways + [("accessibility", ACCESSIBILITY[need]) for need in service.accessibility]


def _hours_attribute(service: Service) -> str | Markup:
    """The hours as the browser filters them: "always", "" (unknown) or compact JSON."""
    if service.always_open:
        return ALWAYS
    if not isinstance(service.hours, tuple):
        return ""
    days: dict[str, list[str]] = {}
    for span in service.hours:
        days.setdefault(span.day, []).append(str(span))
    # Safe inside a single-quoted attribute: ' < > & are written as \u escapes.
    return htmlsafe_json_dumps(days, separators=(",", ":"))


# -- pages -----------------------------------------------------------------------------------


async def emergency(request: Request) -> Response:
    services = request.app.state.directory.services()
    # 110, 112 and then the Hilfetelefon never come from the database; the other nationwide lines do.
    call_first = request.app.state.call_first
    calls = call_first.emergency
    lines = [call_first.hilfetelefon] + [
        s for s in services if s.nationwide and s.phones and s.kind != "emergency" and s.id not in CALL_FIRST
    ]
    silent = [
        s
        for s in services
        if s.nationwide and ({"chat", "app"} & set(s.channels) or "sign_language" in s.accessibility)
    ]
    silent.sort(key=lambda s: bool(s.phones))  # the ways without a phone first (nora)
    return render(
        request,
        "emergency.html",
        {
            "calls": calls,
            "stations": request.app.state.directory.get(STATIONS),
            "lines": lines,
            "silent": silent,
            "silent_ways": silent_ways,
            **_labels(),
        },
    )


async def services(request: Request) -> Response:
    directory = request.app.state.directory
    everything: list[Service] = directory.services()
    languages = language_choices(everything)
    filters = Filters.from_query(request.query_params, languages)
    # The time only matters to "open now": the list without that filter is the same all day, so
    # the page memory keeps it until the directory changes.
    when = request.state.now if filters.open == OPEN_NOW else datetime.min.replace(tzinfo=BERLIN)
    by_kind: dict[str, list[tuple[Service, bool]]] = {}
    for service in everything:
        by_kind.setdefault(service.kind, []).append((service, matches(service, filters, when)))
    # (kind, [(service, shown)], any shown): the page keeps every entry, hiding those filtered out.
    groups = [(kind, entries, any(shown for _, shown in entries)) for kind, entries in by_kind.items()]
    shown = sum(visible for _, entries, _ in groups for _, visible in entries)
    return render(
        request,
        "services.html",
        {
            "groups": groups,
            "filters": filters,
            "shown": shown,
            "total": len(everything),
            "cities": CITIES,
            "kinds": [kind for kind in KINDS if any(s.kind == kind for s in everything)],
            "language_choices": languages,
            "open_choices": OPEN_CHOICES,
            "hours_attribute": _hours_attribute,
            **_labels(),
        },
    )


async def service(request: Request) -> Response:
    found = request.app.state.directory.get(request.path_params["id"])
    if found is None:
        raise HTTPException(status_code=404)
    return render(request, "service.html", {"service": found, **_labels()})


async def api_services(request: Request) -> Response:
    templates = request.app.state.templates
    code = request.query_params.get("locale") or SOURCE_LOCALE
    if code not in templates.codes:
        return JSONResponse(
            {"error": "unknown locale", "locales": list(templates.codes)},
            status_code=400,
            headers={"Cache-Control": "no-cache"},
        )
    translate = None if code == SOURCE_LOCALE else (lambda text: templates.gettext(code, text))
    return JSONResponse(
        request.app.state.directory.as_json(translate),
        headers={"Cache-Control": "no-cache", "Content-Language": code},
    )


def _labels() -> dict[str, Any]:
    """The German labels of the model, for the templates to translate with _()."""
    return {
        "kind_labels": KINDS,
        "area_labels": AREAS,
        "accessibility_labels": ACCESSIBILITY,
        "target_group_labels": TARGET_GROUPS,
        "channel_labels": CHANNELS,
    }


def service_paths(directory: Any) -> list[str]:
    """The page of every service the directory holds now."""
    return [f"services/{s.id}" for s in directory.services()]


# The directory is "services" in its URLs and templates.
family = PageFamily(
    "directory",
    routes=[
        Route("/emergency", emergency),
        Route("/services", services),
        Route("/services/{id}", service),
    ],
    root_routes=[Route("/api/services", api_services)],
    paths=("emergency", "services"),
    paths_from_directory=service_paths,
)
