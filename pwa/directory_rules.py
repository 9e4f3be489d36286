"""What a help service's document must be before it is stored or shown.

:func:`validate` runs before every write of the maintainers' command line and on every stored
document the pages read. Beyond the checks every record shares (:class:`pwa.records.Checks`):
phone numbers dial what they show, a shelter's address is never stored, opening hours are real
spans in order, areas and consultation hours name cities of the Kreis.
"""

from __future__ import annotations

import re
from typing import Any, Mapping

import phonenumbers

from pwa.directory_model import Outreach, Phone, Service, minutes
from pwa.directory_vocabulary import (
    ACCESSIBILITY, ALWAYS, CHANNELS, CITIES, CONFIDENCE, DAYS, KINDS, KREIS, NATIONWIDE, TARGET_GROUPS,
)  # fmt: skip
from pwa.records import Checks, field_names

ID_EXAMPLE = "frauenhaus-mettmann"

# Emergency numbers and the EU-wide 116 xxx numbers for services of social value.
_SHORT = re.compile(r"^(?:110|112|116\d{3})$")
_SPAN = re.compile(r"^((?:[01]\d|2[0-3]):[0-5]\d)-((?:[01]\d|2[0-3]):[0-5]\d|24:00)$")


def validate(doc: Any) -> list[str]:
    """Everything wrong with one document, each as ``"<id>: <field>: <problem>"``."""
    check = Checks(doc, Service, ID_EXAMPLE)
    doc = check.doc
    for field in ("name", "description", "operator", "hours_note", "languages_note", "when_you_call", "address"):
        check.text(field)
    check.choice("kind", KINDS)
    if doc.get("kind") == "shelter" and doc.get("address") is not None:
        check.error("address", "a shelter's address is secret and is never stored")
    _check_area(check, doc.get("area"))
    _check_phones(check, doc.get("phones"))
    check.email("email")
    check.https("website")
    _check_hours(check, doc.get("hours"))
    check.choice("confidence", CONFIDENCE)
    check.choice("hours_confidence", CONFIDENCE)
    check.languages("languages")
    check.languages("interpreter_languages")
    check.choice("interpreter_languages_confidence", CONFIDENCE)
    if doc.get("interpreter_languages_confidence") is not None and not doc.get("interpreter_languages"):
        check.error("interpreter_languages_confidence", "only beside interpreter_languages")
    check.choices("accessibility", ACCESSIBILITY)
    check.choices("target_groups", TARGET_GROUPS)
    check.choices("channels", CHANNELS)
    for field in ("interpreters", "free", "anonymous"):
        check.flag(field)
    _check_outreach(check, doc.get("outreach"))
    check.sources()
    check.date("sources_read")
    check.partial_date("source_date")
    check.date("checked")
    return check.errors


def _check_area(check: Checks, area: Any) -> None:
    if area is None or area in (NATIONWIDE, KREIS):
        return
    if not isinstance(area, list) or not area:
        check.error("area", f"{NATIONWIDE!r}, {KREIS!r} or a list of cities of the Kreis")
        return
    for city in area:
        if city not in CITIES:
            check.error("area", f"{city!r} is not a city of the Kreis Mettmann ({', '.join(CITIES)})")
    if len(set(map(str, area))) != len(area):
        check.error("area", "a city is named twice")


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


def _items(check: Checks, field: str, items: Any, record_type: type) -> list[tuple[str, Mapping[str, Any]]]:
    """The mappings of a list field, each with its name (``phones[0]``); unknown keys reported."""
    known = field_names(record_type)
    if not isinstance(items, list):
        check.error(field, f"a list of {{{', '.join(known)}}}")
        return []
    found = []
    for index, item in enumerate(items):
        where = f"{field}[{index}]"
        if not isinstance(item, Mapping):
            check.error(where, f"must be a mapping with {', '.join(known)}")
            continue
        for key in item:
            if key not in known:
                check.error(f"{where}.{key}", "unknown field")
        found.append((where, item))
    return found


def _check_phones(check: Checks, phones: Any) -> None:
    if phones is None:
        return
    for where, phone in _items(check, "phones", phones, Phone):
        tel = phone.get("tel")
        problem = check_tel(tel)
        if problem:
            check.error(f"{where}.tel", problem)
        display = phone.get("display")
        if display is not None:
            if not isinstance(display, str) or not display.strip():
                check.error(f"{where}.display", "must be text")
            elif not problem and _dialled(display) != tel:
                check.error(f"{where}.display", f"{display!r} is not the same number as {tel!r}")
        check.text(f"{where}.label", phone.get("label"))


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


def _check_hours(check: Checks, hours: Any) -> None:
    if hours is None or hours == ALWAYS:
        return
    if not isinstance(hours, Mapping) or not hours:
        check.error("hours", f"{ALWAYS!r}, null (unknown) or days with times, e.g. mon: [\"09:00-14:00\"]")
        return
    for day, spans in hours.items():
        if day not in DAYS:
            check.error("hours", f"{day!r} is not a day ({', '.join(DAYS)})")
            continue
        if not isinstance(spans, list) or not spans:
            check.error(f"hours.{day}", "a list of times, e.g. [\"09:00-14:00\"]")
            continue
        previous_close = -1
        for span in spans:
            match = _SPAN.match(span) if isinstance(span, str) else None
            if not match:
                check.error(f"hours.{day}", f"{span!r} is not a time span like \"09:00-14:00\"")
                continue
            opens, closes = (minutes(t) for t in match.groups())
            if opens >= closes:
                check.error(f"hours.{day}", f"{span!r} closes before it opens")
            elif opens < previous_close:
                check.error(f"hours.{day}", f"{span!r} overlaps or is out of order")
            previous_close = max(previous_close, closes)


def _check_outreach(check: Checks, outreach: Any) -> None:
    if outreach is None:
        return
    for where, item in _items(check, "outreach", outreach, Outreach):
        if item.get("city") not in CITIES:
            check.error(f"{where}.city", f"{item.get('city')!r} is not a city of the Kreis Mettmann")
        for key in ("place", "when"):
            if not isinstance(item.get(key), str) or not item[key].strip():
                check.error(f"{where}.{key}", "missing")
        check.choice(f"{where}.confidence", CONFIDENCE, item.get("confidence"))
        check.partial_date(f"{where}.source_date", item.get("source_date"))
