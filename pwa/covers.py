"""The covers: small everyday apps that really work (a calculator, a shopping list, a unit
converter), each with its own start page outside the languages, its own name, icon, colour and
web app manifest in every language.

A cover is what the phone shows while the disguise is set up (see pwa/disguise.py): its page,
title, manifest, icon, texts and the files it loads say nothing of this app. It links nothing
of the help part and has no quick exit: it is the safe place. Only the code she chose, entered
the way the cover takes input, opens the help part; the way there is stored on her device, not
in the cover. The covers' static files are named after what they show (tools), never after
what they cover.

A start page's address is the cover's everyday word in its language (``/rechner``,
``/calculator``), in Latin letters, different for every language: these addresses are stable,
as the URL map's are.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from babel import Locale
from babel.numbers import get_decimal_symbol, get_group_symbol
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from pwa.i18n import N_, cldr_code
from pwa.offline import manifest_response
from pwa.site import PageFamily


@dataclass(frozen=True)
class Cover:
    id: str  # data-cover, data-cover-page, its template, script and icon files
    name: str  # German source: the page's title and the app's name
    short_name: str  # under the icon on the home screen; at most 12 characters
    description: str  # shown when installing it
    theme: str  # the colour of its title bar and icon
    background: str  # the colour of its splash screen
    slugs: dict[str, str]  # language -> its start page's word


COVERS: tuple[Cover, ...] = (
    Cover(
        id="calculator",
        # Translators: an everyday app's name (a calculator). Never mention this app or its subject.
        name=N_("Taschenrechner"),
        # Translators: the calculator's name under its icon; at most 12 characters.
        short_name=N_("Rechner"),
        description=N_("Ein einfacher Rechner: plus, minus, mal und geteilt."),
        theme="#3c4043",
        background="#f1f3f4",
        slugs={
            "de": "rechner", "en": "calculator", "tr": "hesap-makinesi", "ar": "alat-hasiba",
            "uk": "kalkuliator", "ru": "kalkulyator", "pl": "kalkulator", "fa": "mashin-hesab",
            "ls": "taschen-rechner", "it": "calcolatrice", "fr": "calculatrice", "el": "arithmomichani",
            "ro": "calculeaza", "ku": "hesabker",
        },
    ),
    Cover(
        id="shopping-list",
        # Translators: an everyday app's name (a shopping list). Never mention this app or its subject.
        name=N_("Einkaufsliste"),
        # Translators: the shopping list's name under its icon; at most 12 characters.
        short_name=N_("Einkauf"),
        description=N_("Eine Einkaufsliste zum Abhaken."),
        theme="#2e6b30",
        background="#f1f8f1",
        slugs={
            "de": "einkaufsliste", "en": "shopping-list", "tr": "alisveris-listesi",
            "ar": "qaimat-altasawuq", "uk": "spysok-pokupok", "ru": "spisok-pokupok",
            "pl": "lista-zakupow", "fa": "list-kharid", "ls": "einkaufs-liste",
            "it": "lista-della-spesa", "fr": "liste-de-courses", "el": "lista-agoron",
            "ro": "lista-de-cumparaturi", "ku": "listeya-kirine",
        },
    ),
    Cover(
        id="converter",
        # Translators: an everyday app's name (a unit converter). Never mention this app or its subject.
        name=N_("Einheiten-Umrechner"),
        # Translators: the unit converter's name under its icon; at most 12 characters.
        short_name=N_("Umrechner"),
        description=N_("Längen, Gewichte, Temperaturen und Mengen umrechnen."),
        theme="#00695c",
        background="#eef7f6",
        slugs={
            "de": "umrechner", "en": "converter", "tr": "birim-cevirici", "ar": "muhawwil-alwahdat",
            "uk": "konverter-odynyts", "ru": "konverter-edinits", "pl": "przelicznik",
            "fa": "tabdil-vahed", "ls": "einheiten-rechner", "it": "convertitore", "fr": "convertisseur",
            "el": "metatropeas", "ro": "convertor", "ku": "guherker",
        },
    ),
)
BY_ID = {cover.id: cover for cover in COVERS}


@dataclass(frozen=True)
class Unit:
    id: str
    label: str  # German source
    symbol: str  # the same in every language
    factor: float  # to the kind's base unit: base = (value + offset) * factor
    offset: float = 0.0


@dataclass(frozen=True)
class Kind:
    id: str
    label: str
    units: tuple[Unit, ...]


# The unit converter's units; the first two of a kind are chosen when she picks the kind.
UNIT_KINDS: tuple[Kind, ...] = (
    Kind("length", N_("Länge"), (
        Unit("cm", N_("Zentimeter"), "cm", 0.01),
        Unit("in", N_("Zoll"), "in", 0.0254),
        Unit("mm", N_("Millimeter"), "mm", 0.001),
        Unit("m", N_("Meter"), "m", 1),
        Unit("km", N_("Kilometer"), "km", 1000),
        Unit("ft", N_("Fuß"), "ft", 0.3048),
        Unit("mi", N_("Meile"), "mi", 1609.344),
    )),
    Kind("mass", N_("Gewicht"), (
        Unit("kg", N_("Kilogramm"), "kg", 1),
        Unit("lb", N_("Pfund"), "lb", 0.45359237),
        Unit("g", N_("Gramm"), "g", 0.001),
        Unit("oz", N_("Unze"), "oz", 0.028349523125),
    )),
    Kind("temperature", N_("Temperatur"), (
        Unit("c", N_("Grad Celsius"), "°C", 1),
        Unit("f", N_("Grad Fahrenheit"), "°F", 5 / 9, -32),
    )),
    Kind("volume", N_("Volumen"), (
        Unit("l", N_("Liter"), "l", 1),
        Unit("cup", N_("Tasse (USA)"), "cup", 0.2365882365),
        Unit("ml", N_("Milliliter"), "ml", 0.001),
        Unit("gal", N_("Gallone (USA)"), "gal", 3.785411784),
    )),
)

# The digits of CLDR's numbering systems the enabled languages use by default.
DIGITS = {"latn": "0123456789", "arab": "٠١٢٣٤٥٦٧٨٩", "arabext": "۰۱۲۳۴۵۶۷۸۹"}


def start_path(cover: Cover, code: str) -> str:
    return f"/{cover.slugs[code]}"


def manifest_path(cover: Cover, code: str) -> str:
    return f"/{cover.slugs[code]}/manifest.json"


def icon_keys(cover: Cover) -> dict[str, str]:
    """Its icon files under static/ (drawn by pwa/icons.py)."""
    return {
        "svg": f"icons/{cover.id}.svg",
        "192": f"icons/{cover.id}-192.png",
        "512": f"icons/{cover.id}-512.png",
        "maskable": f"icons/{cover.id}-maskable-512.png",
    }


def number_symbols(code: str) -> dict[str, str]:
    """How the language writes numbers (CLDR, as the rest of the app does): its digits, its
    decimal sign and its group sign."""
    cldr = cldr_code(code)
    system = Locale.parse(cldr).default_numbering_system or "latn"
    return {
        "digits": DIGITS.get(system, DIGITS["latn"]),
        "decimal": get_decimal_symbol(cldr, numbering_system="default"),
        "group": get_group_symbol(cldr, numbering_system="default"),
    }


def manifest_data(app: Any, cover: Cover, code: str) -> dict[str, Any]:
    templates, assets = app.state.templates, app.state.assets
    icons = icon_keys(cover)
    start = start_path(cover, code)
    return {
        "id": start,
        "name": templates.gettext(code, cover.name),
        "short_name": templates.gettext(code, cover.short_name),
        "description": templates.gettext(code, cover.description),
        "lang": templates.by_code[code].tag,
        "dir": templates.by_code[code].dir,
        "start_url": start,
        "scope": "/",  # the help part opens inside the installed cover, never in a browser tab
        "display": "standalone",
        "background_color": cover.background,
        "theme_color": cover.theme,
        "icons": [
            {"src": assets.url(icons["192"]), "sizes": "192x192", "type": "image/png", "purpose": "any"},
            {"src": assets.url(icons["512"]), "sizes": "512x512", "type": "image/png", "purpose": "any"},
            {"src": assets.url(icons["maskable"]), "sizes": "512x512", "type": "image/png", "purpose": "maskable"},
            {"src": assets.url(icons["svg"]), "sizes": "any", "type": "image/svg+xml", "purpose": "any"},
        ],
    }


def _enabled(request: Request, code: str) -> None:
    if code not in request.app.state.templates.codes:
        raise HTTPException(status_code=404)


def _page(cover: Cover, code: str) -> Callable[[Request], Any]:
    async def page(request: Request) -> Response:
        _enabled(request, code)
        context = {
            "cover": cover,
            "manifest": manifest_path(cover, code),
            "icons": icon_keys(cover),
            "numbers": number_symbols(code),
            "unit_kinds": UNIT_KINDS,
        }
        return request.app.state.templates.response(request, code, f"covers/{cover.id}.html", context)

    return page


def _manifest(cover: Cover, code: str) -> Callable[[Request], Any]:
    async def manifest(request: Request) -> Response:
        _enabled(request, code)
        return manifest_response(manifest_data(request.app, cover, code))

    return manifest


def _routes() -> list[Route]:
    routes = []
    for cover in COVERS:
        for code in cover.slugs:
            routes.append(Route(start_path(cover, code), _page(cover, code)))
            routes.append(Route(manifest_path(cover, code), _manifest(cover, code)))
    return routes


family = PageFamily(
    "covers",
    root_routes=_routes(),
    root_paths=tuple(start_path(cover, code) for cover in COVERS for code in cover.slugs),
)
