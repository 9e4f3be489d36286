"""The help directory: emergency numbers, helplines and services, as the pages and the API see them.

Documents live in the store's ``services`` table (seeded from ``data/directory.yaml``) and are
checked by :func:`validate` before any write. User-facing texts in the documents are German,
the source language; they are translated through the one gettext catalogue (see
:func:`extract_seed`), names and operators are proper names and stay as they are.

JSON of ``/api/services`` (:meth:`Directory.as_json`), one object per service, stable fields:

==================  ==========================================================================
``id``              slug, also in ``/{locale}/services/{id}``
``name``            the name in German, as the service calls itself; never translated
``display_name``    the name in the requested language (German name kept where it helps)
``operator``        who runs it, or null
``kind``            one of :data:`KINDS` (``emergency``, ``hotline``, ``police``, ...)
``kind_label``      the kind's name in the page language
``area``            ``"nationwide"``, ``"kreis"`` (the whole Kreis Mettmann) or a list of cities
``cities``          the cities of the Kreis it serves (all ten for nationwide and kreis)
``phones``          list of ``{tel, href, display, label}``; ``tel`` is E.164 (``+49...``) or a
                    short number (``110``, ``116016``), ``href`` is ``tel:`` + ``tel``
``email``           address or null
``website``         ``https://`` address or null
``address``         street address or null (never for a shelter)
``hours``           ``"always"`` (24/7), null (unknown), or ``{"mon": ["09:00-14:00"], ...}``
                    with days ``mon``..``sun`` in Europe/Berlin time
``hours_note``      a sentence about the hours, or null
``hours_confidence`` ``high``/``medium``/``low`` when the hours are less sure than the rest
``languages``       ISO 639-1 codes of the languages spoken (``["de"]``)
``languages_note``  a sentence about languages and interpreters, or null
``interpreters``    true when interpreters are arranged, else null
``accessibility``   subset of :data:`ACCESSIBILITY` (``sign_language``, ``easy_language``,
                    ``step_free``)
``target_groups``   subset of :data:`TARGET_GROUPS`; empty = everyone
``channels``        subset of :data:`CHANNELS` (``phone``, ``email``, ``chat``, ``app``,
                    ``website``)
``free``            true when free of charge is stated, else null (unknown)
``anonymous``       true when anonymous contact is stated, else null (unknown)
``description``     two or three plain sentences
``when_you_call``   what happens when you call, or null
``outreach``        list of ``{city, place, when, source_date, confidence}`` consultation hours
``sources``         where the facts were read
``source_date``     ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` of the sources, or null
``confidence``      ``high``, ``medium`` or ``low``
``checked``         ``YYYY-MM-DD`` a maintainer confirmed it by phone, or null
``needs_check``     true when confidence is not high or it was never confirmed
==================  ==========================================================================

Texts (``kind_label``, ``description``, ``when_you_call``, ``hours_note``, ``languages_note``,
phone ``label``, outreach ``when``) are translated when a ``translate`` function is passed.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Callable, Iterator, Mapping
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import phonenumbers
import yaml

from pwa.i18n import N_
from pwa.store import Store, SeedLoader

log = logging.getLogger(__name__)



TABLE = "services"
BERLIN = ZoneInfo("Europe/Berlin")

# In this order on the pages: what saves a life first.
KINDS: dict[str, str] = {
    "emergency": N_("Notruf"),
    "hotline": N_("Hilfetelefon"),
    "police": N_("Polizei"),
    "shelter": N_("Frauenhaus"),
    "counselling": N_("Beratung"),
    "medical": N_("Medizinische Hilfe"),
    "children": N_("Kinderschutz"),
    "perpetrators": N_("Täterarbeit"),
    "network": N_("Netzwerk"),
}

CITIES: tuple[str, ...] = (
    "Erkrath",
    "Haan",
    "Heiligenhaus",
    "Hilden",
    "Langenfeld",
    "Mettmann",
    "Monheim am Rhein",
    "Ratingen",
    "Velbert",
    "Wülfrath",
)

NATIONWIDE = "nationwide"
KREIS = "kreis"
AREAS: dict[str, str] = {NATIONWIDE: N_("Bundesweit"), KREIS: N_("Ganzer Kreis Mettmann")}

ACCESSIBILITY: dict[str, str] = {
    "sign_language": N_("Gebärdensprache"),
    "easy_language": N_("Leichte Sprache"),
    "step_free": N_("Stufenloser Zugang"),
}

TARGET_GROUPS: dict[str, str] = {
    "women": N_("Frauen"),
    "men": N_("Männer"),
    "children": N_("Kinder und Jugendliche"),
    "parents": N_("Eltern"),
    "relatives": N_("Angehörige"),
    "professionals": N_("Fachkräfte"),
    "perpetrators": N_("Menschen, die Gewalt ausüben"),
    "pregnant": N_("Schwangere"),
}

CHANNELS: dict[str, str] = {
    "phone": N_("Telefon"),
    "email": N_("E-Mail"),
    "chat": N_("Chat"),
    "app": N_("App"),
    "website": N_("Website"),
}

CONFIDENCE = ("high", "medium", "low")
ALWAYS = "always"
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")  # index = datetime.weekday()

# Keys whose values users read; the extractor puts them into the gettext catalogue.
TEXT_FIELDS = frozenset({"description", "when_you_call", "hours_note", "languages_note", "label", "when"})


# -- the model ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Phone:
    tel: str  # E.164 ("+4921041419221") or a short number ("110", "116016")
    display: str  # as people write it ("02104 1419-221")
    label: str | None = None  # German, e.g. a city for one of several numbers

    @property
    def href(self) -> str:
        return f"tel:{self.tel}"


@dataclass(frozen=True)
class Span:
    day: str  # "mon" .. "sun"
    opens: str  # "09:00"
    closes: str  # "14:00"; "24:00" for midnight

    def __str__(self) -> str:
        return f"{self.opens}-{self.closes}"


@dataclass(frozen=True)
class Outreach:
    """Consultation hours of a service in one city."""

    city: str
    place: str
    when: str  # German, e.g. "Am 1. Freitag im Monat, 14–16 Uhr."
    source_date: str | None = None
    confidence: str | None = None


@dataclass(frozen=True)
class Service:
    id: str
    name: str
    kind: str
    area: str | tuple[str, ...]  # NATIONWIDE, KREIS, or some CITIES
    description: str
    sources: tuple[str, ...]
    confidence: str
    operator: str | None = None
    phones: tuple[Phone, ...] = ()
    email: str | None = None
    website: str | None = None
    address: str | None = None
    hours: str | tuple[Span, ...] | None = None  # ALWAYS, opening spans, or None = unknown
    hours_note: str | None = None
    hours_confidence: str | None = None
    languages: tuple[str, ...] = ()
    languages_note: str | None = None
    interpreters: bool | None = None
    accessibility: tuple[str, ...] = ()
    target_groups: tuple[str, ...] = ()
    channels: tuple[str, ...] = ()
    free: bool | None = None
    anonymous: bool | None = None
    when_you_call: str | None = None
    outreach: tuple[Outreach, ...] = ()
    source_date: str | None = None
    checked: date | None = None

    @property
    def kind_label(self) -> str:
        return KINDS[self.kind]

    @property
    def nationwide(self) -> bool:
        return self.area == NATIONWIDE

    @property
    def cities(self) -> tuple[str, ...]:
        """The cities of the Kreis this service is for."""
        return self.area if isinstance(self.area, tuple) else CITIES

    @property
    def always_open(self) -> bool:
        return self.hours == ALWAYS

    @property
    def needs_check(self) -> bool:
        """Pages say "as of ..., please check" for these."""
        return self.confidence != "high" or self.checked is None

    @classmethod
    def from_doc(cls, doc: Mapping[str, Any]) -> "Service":
        """A service from a document that :func:`validate` accepted."""
        hours = doc.get("hours")
        spans: str | tuple[Span, ...] | None
        if isinstance(hours, Mapping):
            spans = tuple(
                Span(day, *text.split("-")) for day in DAYS for text in hours.get(day) or ()
            )
        else:
            spans = hours
        area = doc["area"]
        phones = tuple(
            Phone(p["tel"], p.get("display") or _display(p["tel"]), p.get("label"))
            for p in doc.get("phones") or ()
        )
        channels = doc.get("channels") or [
            name
            for name, present in (
                ("phone", phones),
                ("email", doc.get("email")),
                ("website", doc.get("website")),
            )
            if present
        ]
        return cls(
            id=doc["id"],
            name=doc["name"],
            kind=doc["kind"],
            area=area if isinstance(area, str) else tuple(area),
            description=doc["description"].strip(),
            sources=tuple(doc["sources"]),
            confidence=doc["confidence"],
            operator=doc.get("operator"),
            phones=phones,
            email=doc.get("email"),
            website=doc.get("website"),
            address=doc.get("address"),
            hours=spans,
            hours_note=_text(doc.get("hours_note")),
            hours_confidence=doc.get("hours_confidence"),
            languages=tuple(doc.get("languages") or ()),
            languages_note=_text(doc.get("languages_note")),
            interpreters=doc.get("interpreters"),
            accessibility=tuple(doc.get("accessibility") or ()),
            target_groups=tuple(doc.get("target_groups") or ()),
            channels=tuple(channels),
            free=doc.get("free"),
            anonymous=doc.get("anonymous"),
            when_you_call=_text(doc.get("when_you_call")),
            outreach=tuple(
                Outreach(
                    o["city"], o["place"], o["when"].strip(), o.get("source_date"), o.get("confidence")
                )
                for o in doc.get("outreach") or ()
            ),
            source_date=doc.get("source_date"),
            checked=date.fromisoformat(doc["checked"]) if doc.get("checked") else None,
        )

    def to_json(self, translate: Callable[[str], str] | None = None) -> dict[str, Any]:
        """The stable JSON form documented at the top of this module."""
        t = translate or (lambda text: text)
        hours: Any = self.hours
        if isinstance(self.hours, tuple):
            hours = {}
            for span in self.hours:
                hours.setdefault(span.day, []).append(str(span))
        return {
            "id": self.id,
            "name": self.name,
            "display_name": t(self.name),
            "operator": self.operator,
            "kind": self.kind,
            "kind_label": t(self.kind_label),
            "area": list(self.area) if isinstance(self.area, tuple) else self.area,
            "cities": list(self.cities),
            "phones": [
                {
                    "tel": p.tel,
                    "href": p.href,
                    "display": p.display,
                    "label": t(p.label) if p.label else None,
                }
                for p in self.phones
            ],
            "email": self.email,
            "website": self.website,
            "address": self.address,
            "hours": hours,
            "hours_note": t(self.hours_note) if self.hours_note else None,
            "hours_confidence": self.hours_confidence,
            "languages": list(self.languages),
            "languages_note": t(self.languages_note) if self.languages_note else None,
            "interpreters": self.interpreters,
            "accessibility": list(self.accessibility),
            "target_groups": list(self.target_groups),
            "channels": list(self.channels),
            "free": self.free,
            "anonymous": self.anonymous,
            "description": t(self.description),
            "when_you_call": t(self.when_you_call) if self.when_you_call else None,
            "outreach": [
                {
                    "city": o.city,
                    "place": o.place,
                    "when": t(o.when),
                    "source_date": o.source_date,
                    "confidence": o.confidence,
                }
                for o in self.outreach
            ],
            "sources": list(self.sources),
            "source_date": self.source_date,
            "confidence": self.confidence,
            "checked": self.checked.isoformat() if self.checked else None,
            "needs_check": self.needs_check,
        }


def _text(value: str | None) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _display(tel: str) -> str:
    if not tel.startswith("+"):
        return tel
    number = phonenumbers.parse(tel)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)


def is_open(service: Service, when: datetime) -> bool | None:
    """Whether the service is open at ``when``; None when its hours are unknown.

    An aware ``when`` is converted to Europe/Berlin; a naive one is taken as Berlin time.
    """
    if service.hours == ALWAYS:
        return True
    if not service.hours:
        return None
    local = when.astimezone(BERLIN) if when.tzinfo else when
    day = DAYS[local.weekday()]
    minute = local.hour * 60 + local.minute
    return any(
        span.day == day and _minutes(span.opens) <= minute < _minutes(span.closes)
        for span in service.hours  # type: ignore[union-attr]
    )


def _minutes(hhmm: str) -> int:
    hours, minutes = hhmm.split(":")
    return int(hours) * 60 + int(minutes)


# -- validation ----------------------------------------------------------------------------

REQUIRED = ("id", "name", "kind", "area", "description", "sources", "confidence")
OPTIONAL = (
    "operator",
    "phones",
    "email",
    "website",
    "address",
    "hours",
    "hours_note",
    "hours_confidence",
    "languages",
    "languages_note",
    "interpreters",
    "accessibility",
    "target_groups",
    "channels",
    "free",
    "anonymous",
    "when_you_call",
    "outreach",
    "source_date",
    "checked",
)
FIELDS = REQUIRED + OPTIONAL

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Emergency numbers and the EU-wide 116 xxx numbers for services of social value.
_SHORT = re.compile(r"^(?:110|112|116\d{3})$")
_EMAIL = re.compile(r"^[^@\s]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9-]+)+$")
_SPAN = re.compile(r"^((?:[01]\d|2[0-3]):[0-5]\d)-((?:[01]\d|2[0-3]):[0-5]\d|24:00)$")
_LANGUAGE = re.compile(r"^[a-z]{2,3}$")
_PARTIAL_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


def validate(doc: Any) -> list[str]:
    """Everything wrong with one document, each as ``"<id>: <field>: <problem>"``."""
    if not isinstance(doc, Mapping):
        return ["entry: must be a mapping of fields"]
    entry = doc.get("id") if isinstance(doc.get("id"), str) and doc.get("id") else "(no id)"
    errors: list[str] = []

    def error(field: str, problem: str) -> None:
        errors.append(f"{entry}: {field}: {problem}")

    for field in doc:
        if field not in FIELDS:
            error(str(field), "unknown field")
    for field in REQUIRED:
        if doc.get(field) in (None, "", []):
            error(field, "missing")

    doc_id = doc.get("id")
    if doc_id not in (None, "") and (not isinstance(doc_id, str) or not _ID.match(doc_id)):
        error("id", "use lower-case letters, digits and hyphens, e.g. frauenhaus-mettmann")
    for field in ("name", "description"):
        _check_text(doc.get(field), field, error, required=True)
    for field in ("operator", "hours_note", "languages_note", "when_you_call", "address"):
        _check_text(doc.get(field), field, error)

    kind = doc.get("kind")
    if kind is not None and kind not in KINDS:
        error("kind", f"{kind!r} is not one of {', '.join(KINDS)}")
    if kind == "shelter" and doc.get("address") is not None:
        error("address", "a shelter's address is secret and is never stored")

    _check_area(doc.get("area"), error)
    _check_phones(doc.get("phones"), error)

    email = doc.get("email")
    if email is not None and (not isinstance(email, str) or not _EMAIL.match(email)):
        error("email", f"{email!r} is not an e-mail address")
    website = doc.get("website")
    if website is not None and not _is_https(website):
        error("website", f"{website!r} is not an https:// address")

    _check_hours(doc.get("hours"), error)
    for field in ("confidence", "hours_confidence"):
        value = doc.get(field)
        if value is not None and value not in CONFIDENCE:
            error(field, f"{value!r} is not one of {', '.join(CONFIDENCE)}")

    languages = doc.get("languages")
    if languages is not None:
        if not isinstance(languages, list) or not all(
            isinstance(code, str) and _LANGUAGE.match(code) for code in languages
        ):
            error("languages", "a list of language codes, e.g. [de, en]")
    for field, known in (
        ("accessibility", ACCESSIBILITY),
        ("target_groups", TARGET_GROUPS),
        ("channels", CHANNELS),
    ):
        _check_choices(doc.get(field), field, known, error)
    for field in ("interpreters", "free", "anonymous"):
        if doc.get(field) not in (None, True, False):
            error(field, "true, false or null")

    _check_outreach(doc.get("outreach"), error)

    sources = doc.get("sources")
    if sources not in (None, "", []) and (
        not isinstance(sources, list) or not all(isinstance(s, str) and s.strip() for s in sources)
    ):
        error("sources", "a list of sources (addresses or publications)")
    _check_partial_date(doc.get("source_date"), "source_date", error)
    _check_date(doc.get("checked"), "checked", error)
    return errors


def validate_all(docs: Any) -> list[str]:
    """Errors of a whole table: every entry, plus ids used twice."""
    if not isinstance(docs, list):
        return ["the file must be a list of entries"]
    errors: list[str] = []
    seen: set[str] = set()
    for position, doc in enumerate(docs, 1):
        found = validate(doc)
        errors += [e.replace("(no id)", f"entry {position}", 1) for e in found]
        doc_id = doc.get("id") if isinstance(doc, Mapping) else None
        if isinstance(doc_id, str):
            if doc_id in seen:
                errors.append(f"{doc_id}: id: used by more than one entry")
            seen.add(doc_id)
    return errors


Report = Callable[[str, str], None]


def _check_text(value: Any, field: str, error: Report, required: bool = False) -> None:
    if value is None:
        return
    if not isinstance(value, str) or (not value.strip() and not required):
        error(field, "must be text")


def _check_area(area: Any, error: Report) -> None:
    if area is None or area in (NATIONWIDE, KREIS):
        return
    if not isinstance(area, list) or not area:
        error("area", f"{NATIONWIDE!r}, {KREIS!r} or a list of cities of the Kreis")
        return
    for city in area:
        if city not in CITIES:
            error("area", f"{city!r} is not a city of the Kreis Mettmann ({', '.join(CITIES)})")
    if len(set(map(str, area))) != len(area):
        error("area", "a city is named twice")


def check_tel(tel: Any) -> str | None:
    """The problem with a ``tel`` value, or None if it is E.164 or an allowed short number."""
    if not isinstance(tel, str):
        return "must be text in quotes, e.g. \"+4921041419221\" or \"110\""
    if _SHORT.match(tel):
        return None
    if not re.fullmatch(r"\+\d{6,15}", tel):
        return f"{tel!r} must be E.164 (+49 and digits, no spaces) or 110, 112, 116xxx"
    try:
        number = phonenumbers.parse(tel, "DE")
    except phonenumbers.NumberParseException:
        return f"{tel!r} is not a phone number"
    if not phonenumbers.is_valid_number(number):
        return f"{tel!r} is not a valid phone number"
    if phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164) != tel:
        return f"{tel!r} is not in E.164 form"
    return None


def _check_phones(phones: Any, error: Report) -> None:
    if phones is None:
        return
    if not isinstance(phones, list):
        error("phones", "a list of {tel, display, label}")
        return
    for index, phone in enumerate(phones):
        where = f"phones[{index}]"
        if not isinstance(phone, Mapping):
            error(where, "must be a mapping with tel, display and label")
            continue
        for key in phone:
            if key not in ("tel", "display", "label"):
                error(f"{where}.{key}", "unknown field")
        tel = phone.get("tel")
        problem = check_tel(tel)
        if problem:
            error(f"{where}.tel", problem)
        display = phone.get("display")
        if display is not None:
            if not isinstance(display, str) or not display.strip():
                error(f"{where}.display", "must be text")
            elif not problem and _dialled(display) != tel:
                error(f"{where}.display", f"{display!r} is not the same number as {tel!r}")
        _check_text(phone.get("label"), f"{where}.label", error)


def _dialled(display: str) -> str | None:
    """The number a display form dials, in the form of ``tel``."""
    digits = re.sub(r"[\s\-/().]", "", display)
    if _SHORT.match(digits):
        return digits
    try:
        number = phonenumbers.parse(display, "DE")
    except phonenumbers.NumberParseException:
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _is_https(url: Any) -> bool:
    if not isinstance(url, str) or any(c.isspace() for c in url):
        return False
    parts = urlsplit(url)
    return parts.scheme == "https" and bool(parts.hostname) and "." in (parts.hostname or "")


def _check_hours(hours: Any, error: Report) -> None:
    if hours is None or hours == ALWAYS:
        return
    if not isinstance(hours, Mapping) or not hours:
        error("hours", f"{ALWAYS!r}, null (unknown) or days with times, e.g. mon: [\"09:00-14:00\"]")
        return
    for day, spans in hours.items():
        if day not in DAYS:
            error("hours", f"{day!r} is not a day ({', '.join(DAYS)})")
            continue
        if not isinstance(spans, list) or not spans:
            error(f"hours.{day}", "a list of times, e.g. [\"09:00-14:00\"]")
            continue
        previous_close = -1
        for span in spans:
            match = _SPAN.match(span) if isinstance(span, str) else None
            if not match:
                error(f"hours.{day}", f"{span!r} is not a time span like \"09:00-14:00\"")
                continue
            opens, closes = (_minutes(t) for t in match.groups())
            if opens >= closes:
                error(f"hours.{day}", f"{span!r} closes before it opens")
            elif opens < previous_close:
                error(f"hours.{day}", f"{span!r} overlaps or is out of order")
            previous_close = max(previous_close, closes)


def _check_choices(values: Any, field: str, known: Mapping[str, str], error: Report) -> None:
    if values is None:
        return
    if not isinstance(values, list):
        error(field, f"a list of: {', '.join(known)}")
        return
    for value in values:
        if value not in known:
            error(field, f"{value!r} is not one of {', '.join(known)}")
    if len(set(map(str, values))) != len(values):
        error(field, "a value is named twice")


def _check_outreach(outreach: Any, error: Report) -> None:
    if outreach is None:
        return
    if not isinstance(outreach, list):
        error("outreach", "a list of {city, place, when}")
        return
    for index, item in enumerate(outreach):
        where = f"outreach[{index}]"
        if not isinstance(item, Mapping):
            error(where, "must be a mapping with city, place and when")
            continue
        for key in item:
            if key not in ("city", "place", "when", "source_date", "confidence"):
                error(f"{where}.{key}", "unknown field")
        if item.get("city") not in CITIES:
            error(f"{where}.city", f"{item.get('city')!r} is not a city of the Kreis Mettmann")
        for key in ("place", "when"):
            if not isinstance(item.get(key), str) or not item[key].strip():
                error(f"{where}.{key}", "missing")
        if item.get("confidence") not in (None, *CONFIDENCE):
            error(f"{where}.confidence", f"{item.get('confidence')!r} is not one of {', '.join(CONFIDENCE)}")
        _check_partial_date(item.get("source_date"), f"{where}.source_date", error)


def _check_partial_date(value: Any, field: str, error: Report) -> None:
    if value is None:
        return
    ok = isinstance(value, str) and bool(_PARTIAL_DATE.match(value))
    if ok:
        year, month, day = (value.split("-") + ["01", "01"])[:3]
        try:
            date(int(year), int(month), int(day))
        except ValueError:
            ok = False
    if not ok:
        error(field, f"{value!r} must be a quoted date: \"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\"")


def _check_date(value: Any, field: str, error: Report) -> None:
    if value is None:
        return
    try:
        if not isinstance(value, str) or len(value) != 10:
            raise ValueError
        date.fromisoformat(value)
    except ValueError:
        error(field, f"{value!r} must be a date \"YYYY-MM-DD\"")


# -- the directory -------------------------------------------------------------------------


class Directory:
    """The services in the store, as :class:`Service` objects, current with every call.

    Built anew only when the database file has changed, so a maintainer's change shows at the
    next request and an unchanged file costs one ``stat``.
    """

    def __init__(self, store: Store, table: str = TABLE) -> None:
        self.store = store
        self.table = table
        self._cache: tuple[Any, list[Service], dict[str, Service], list[str]] | None = None

    def services(self) -> list[Service]:
        """Every valid service: emergency first, then by kind (:data:`KINDS`), then as stored."""
        return list(self._load()[1])

    def get(self, service_id: str) -> Service | None:
        return self._load()[2].get(service_id)

    def problems(self) -> list[str]:
        """Validation errors of stored entries; such entries are left out of the pages."""
        return list(self._load()[3])

    def as_json(self, translate: Callable[[str], str] | None = None) -> list[dict[str, Any]]:
        return [service.to_json(translate) for service in self.services()]

    def _load(self) -> tuple[Any, list[Service], dict[str, Service], list[str]]:
        stamp = self.store.stamp()
        cache = self._cache
        if cache is not None and cache[0] == stamp:
            return cache
        services: list[Service] = []
        problems: list[str] = []
        for doc in self.store.all(self.table):
            errors = validate(doc)
            if errors:
                # A hand-edited database must not take the pages down: leave the entry out.
                log.warning("directory entry left out: %s", "; ".join(errors))
                problems += errors
                continue
            services.append(Service.from_doc(doc))
        order = list(KINDS)
        services.sort(key=lambda s: order.index(s.kind))
        cache = (stamp, services, {s.id: s for s in services}, problems)
        self._cache = cache
        return cache


# -- translation -------------------------------------------------------------------------


# Shown to translators beside every service name.
NAME_NOTE = (
    "The name of a help service, as a heading. Say in your language what it is; where it is the "
    "German name of an institution, keep that name in brackets so she can find it, e.g. "
    "\"Women's counselling service (Allgemeine Frauenberatungsstelle)\". Leave brand names as they are."
)


def extract_seed(
    fileobj: Any,
    keywords: Any,
    comment_tags: Any,
    options: Mapping[str, Any],
) -> Iterator[tuple[int, str | None, str, list[str]]]:
    """Babel extractor for seed YAML files: yields every text users read.

    Configured as ``pwa.directory:extract_seed`` for ``data/*.yaml``. Texts are the values of
    :data:`TEXT_FIELDS` at any depth (phone labels, outreach hours, ...); a translator comment
    names the entry and the field. City names used as labels are proper names and are skipped.
    """
    root = yaml.compose(fileobj, Loader=SeedLoader)  # noqa: S506 - a safe loader
    if root is None:
        return
    yield from _texts(root, entry=None, path="")


def _texts(node: yaml.Node, entry: str | None, path: str) -> Iterator[tuple[int, None, str, list[str]]]:
    if isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _texts(item, entry, path)
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value == "id" and isinstance(value, yaml.ScalarNode):
                entry = value.value
        for key, value in node.value:
            field = f"{path}.{key.value}" if path else key.value
            if (
                (key.value in TEXT_FIELDS or (key.value == "name" and not path))
                and isinstance(value, yaml.ScalarNode)
                and value.tag == "tag:yaml.org,2002:str"
                and value.value.strip()
                and value.value.strip() not in CITIES
            ):
                comments = [f"{entry}: {field}"]
                if field == "name":
                    comments.append(NAME_NOTE)
                yield value.start_mark.line + 1, None, value.value.strip(), comments
            elif isinstance(value, (yaml.SequenceNode, yaml.MappingNode)):
                yield from _texts(value, entry, field)
