"""A help service of the directory, as the pages and ``/api/services`` see it.

The fields of :class:`Service` are the fields of a document in the store's ``services`` table
(seeded from ``data/directory.yaml``) and, in this order, of its JSON; ``docs/api.md`` documents
them, and a test keeps the two the same. User-facing texts are German, the source language, and
are translated through the gettext catalogue; names and operators are proper names.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Mapping

import phonenumbers

from pwa import records
from pwa.clock import BERLIN
from pwa.directory_vocabulary import ALWAYS, CITIES, DAYS, KINDS, NATIONWIDE
from pwa.records import spec

# Shown to translators beside every service name.
NAME_NOTE = (
    "The name of a help service, as a heading. Say in your language what it is; where it is the "
    "German name of an institution, keep that name in brackets so she can find it, e.g. "
    "\"Women's counselling service (Allgemeine Frauenberatungsstelle)\". Leave brand names as they are."
)


@dataclass(frozen=True)
class Phone:
    tel: str = spec(then={"href": lambda phone, t: phone.href})  # E.164 or a short number ("110")
    display: str = spec()  # as people write it ("02104 1419-221")
    label: str | None = spec(default=None, text=True, keep=CITIES)  # e.g. a city, of several numbers

    @property
    def href(self) -> str:
        return f"tel:{self.tel}"

    @classmethod
    def from_doc(cls, doc: Mapping[str, Any]) -> "Phone":
        return records.from_doc(cls, doc, display=doc.get("display") or _display(doc["tel"]))  # type: ignore[no-any-return]


def _display(tel: str) -> str:
    if not tel.startswith("+"):
        return tel
    number = phonenumbers.parse(tel)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)


@dataclass(frozen=True)
class Span:
    day: str  # "mon" .. "sun"
    opens: str  # "09:00"
    closes: str  # "14:00"; "24:00" for midnight

    def __str__(self) -> str:
        return f"{self.opens}-{self.closes}"


def _read_hours(hours: Any) -> str | tuple[Span, ...]:
    if isinstance(hours, Mapping):
        return tuple(Span(day, *text.split("-")) for day in DAYS for text in hours.get(day) or ())
    return str(hours)


def _write_hours(hours: str | tuple[Span, ...] | None) -> Any:
    if not isinstance(hours, tuple):
        return hours
    days: dict[str, list[str]] = {}
    for span in hours:
        days.setdefault(span.day, []).append(str(span))
    return days


@dataclass(frozen=True)
class Outreach:
    """Consultation hours of a service in one city."""

    city: str = spec()
    place: str = spec()
    when: str = spec(text=True)  # German, e.g. "Am 1. Freitag im Monat, 14–16 Uhr."
    source_date: str | None = spec(default=None)
    confidence: str | None = spec(default=None)

    @classmethod
    def from_doc(cls, doc: Mapping[str, Any]) -> "Outreach":
        return records.from_doc(cls, doc)  # type: ignore[no-any-return]


@dataclass(frozen=True, kw_only=True)
class Service:
    """One service. Fields without a default are required in a document; None means unknown."""

    id: str = spec()  # slug, also in /{locale}/services/{id}
    name: str = spec(text=True, translated=False, note=NAME_NOTE, then={"display_name": lambda s, t: t(s.name)})
    operator: str | None = spec(default=None)
    kind: str = spec(then={"kind_label": lambda s, t: t(s.kind_label)})  # one of KINDS
    area: str | tuple[str, ...] = spec(then={"cities": lambda s, t: list(s.cities)})  # NATIONWIDE, KREIS or CITIES
    phones: tuple[Phone, ...] = spec(default=(), of=Phone)
    email: str | None = spec(default=None)
    website: str | None = spec(default=None)
    address: str | None = spec(default=None)  # never for a shelter
    hours: str | tuple[Span, ...] | None = spec(default=None, read=_read_hours, write=_write_hours)  # ALWAYS or spans
    hours_note: str | None = spec(default=None, text=True)
    hours_confidence: str | None = spec(default=None)
    languages: tuple[str, ...] = spec(default=())  # spoken by its people, as the sources say; empty: not known
    languages_note: str | None = spec(default=None, text=True)
    interpreters: bool | None = spec(default=None)  # true: interpreters for whatever language is needed
    interpreter_languages: tuple[str, ...] = spec(default=())  # interpreters for these, as the sources name them
    interpreter_languages_confidence: str | None = spec(default=None)
    accessibility: tuple[str, ...] = spec(default=())
    target_groups: tuple[str, ...] = spec(default=())  # empty: everyone
    channels: tuple[str, ...] = spec(default=())
    free: bool | None = spec(default=None)
    anonymous: bool | None = spec(default=None)
    description: str = spec(text=True)
    when_you_call: str | None = spec(default=None, text=True)
    outreach: tuple[Outreach, ...] = spec(default=(), of=Outreach)
    sources: tuple[str, ...] = spec()
    sources_read: date = spec(read=date.fromisoformat)  # the day the sources were read
    source_date: str | None = spec(default=None)  # the sources' own date, as far as they give one
    confidence: str = spec()
    checked: date | None = spec(default=None, read=date.fromisoformat, then={"needs_check": lambda s, t: s.needs_check})

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
    def reachable_in(self) -> tuple[str, ...]:
        """The languages she can be helped in: spoken, or through the interpreters it names."""
        return self.languages + tuple(code for code in self.interpreter_languages if code not in self.languages)

    @property
    def needs_check(self) -> bool:
        """Pages say "as of ..., please check" for these."""
        return self.confidence != "high" or self.checked is None

    @classmethod
    def from_doc(cls, doc: Mapping[str, Any]) -> "Service":
        """A service from a document that :func:`pwa.directory_rules.validate` accepted."""
        # Without a list of channels, the ways of contact it has are its channels.
        contacts = (("phone", doc.get("phones")), ("email", doc.get("email")), ("website", doc.get("website")))
        channels = doc.get("channels") or [name for name, present in contacts if present]
        return records.from_doc(cls, doc, channels=tuple(channels))  # type: ignore[no-any-return]

    def to_json(self, translate: records.Translate | None = None) -> dict[str, Any]:
        """The stable JSON form of docs/api.md; texts translated when ``translate`` is given."""
        return records.to_json(self, translate)


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
        span.day == day and minutes(span.opens) <= minute < minutes(span.closes)
        for span in service.hours  # type: ignore[union-attr]
    )


def minutes(hhmm: str) -> int:
    """Minutes since midnight of "HH:MM" ("24:00" is 1440)."""
    hours, mins = hhmm.split(":")
    return int(hours) * 60 + int(mins)
