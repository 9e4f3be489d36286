"""Languages: which are enabled, how one is chosen, and their compiled catalogues.

Only the server translates. Catalogues are the .po files under locales/; they are compiled in
memory at start-up, so no compiled file is ever committed or goes stale.
"""

from __future__ import annotations

import io
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from babel import Locale
from babel.core import negotiate_locale
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

from pwa.formatting import language_name

SOURCE_LOCALE = "de"
DOMAIN = "messages"

_TAG = re.compile(r"^[A-Za-z]{1,8}(?:[-_][A-Za-z0-9]{1,8})*$")


def N_(message: str) -> str:
    """Mark a string for extraction; it is translated where it is shown."""
    return message


@dataclass(frozen=True)
class Variant:
    """A way of writing a language that has a catalogue and a URL prefix of its own."""

    base: str  # the CLDR language it is written in: its plurals, dates, direction
    tag: str  # its BCP 47 tag, for lang, hreflang and Content-Language
    name: str  # its name in the language switch
    # Each sentence on a line of its own: its catalogue separates them with a newline.
    sentence_lines: bool = False


# Leichte Sprache is German written to its rules: its own catalogue under /ls/, German for CLDR,
# a private-use tag that screen readers read as German, and one sentence per line.
VARIANTS = {"ls": Variant(base="de", tag="de-x-ls", name="Leichte Sprache", sentence_lines=True)}


def sentence_lines(code: str) -> bool:
    """Whether a locale's pages show each sentence of a text on a line of its own."""
    variant = VARIANTS.get(code)
    return bool(variant and variant.sentence_lines)


def cldr_code(code: str) -> str:
    """The CLDR language of a locale: itself, or the language a variant is written in."""
    variant = VARIANTS.get(code)
    return variant.base if variant else code


@dataclass(frozen=True)
class Language:
    code: str  # in the URL and the catalogue's directory
    name: str  # in its own language, from CLDR
    dir: str  # "ltr" or "rtl"
    review: str  # "source", "draft" or "reviewed"
    tag: str  # BCP 47, for lang and hreflang


def enabled_codes(locales_dir: Path) -> list[str]:
    """The enabled languages, in order, from locales/enabled."""
    codes = []
    for line in (locales_dir / "enabled").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line and line not in codes:
            codes.append(line)
    if not codes or codes[0] != SOURCE_LOCALE:
        raise ValueError(f"locales/enabled must start with the source language {SOURCE_LOCALE!r}")
    return codes


def catalogue_codes(locales_dir: Path) -> list[str]:
    """Every language with a catalogue: the enabled ones, then those being translated.

    A catalogue in progress is merged with every new text like the others, so it can be
    enabled (added to locales/enabled) as soon as it is complete.
    """
    codes = enabled_codes(locales_dir)
    found = sorted(path.parent.parent.name for path in locales_dir.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))
    return codes + [code for code in found if code not in codes]


def review_status(locales_dir: Path, code: str) -> dict[str, str]:
    """A locale's review metadata (locales/<ll>/review.toml); German is the source."""
    if code == SOURCE_LOCALE:
        return {"status": "source"}
    path = locales_dir / code / "review.toml"
    if not path.exists():
        return {"status": "draft"}
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return {k: str(v) for k, v in data.items()}


def language(locales_dir: Path, code: str) -> Language:
    locale = Locale.parse(cldr_code(code))
    variant = VARIANTS.get(code)
    return Language(
        code=code,
        name=variant.name if variant else language_name(code, code),
        dir="rtl" if locale.text_direction == "rtl" else "ltr",
        review=review_status(locales_dir, code).get("status", "draft"),
        tag=variant.tag if variant else code,
    )


def parse_accept_language(header: str | None) -> list[str]:
    """Language tags from an Accept-Language header, best first; garbage is skipped."""
    if not header:
        return []
    weighted: list[tuple[float, int, str]] = []
    for index, part in enumerate(header[:2000].split(",")):
        tag, _, params = part.strip().partition(";")
        tag = tag.strip()
        if not _TAG.match(tag):
            continue
        quality = 1.0
        for param in params.split(";"):
            key, _, value = param.strip().partition("=")
            if key.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = -1.0
        if 0 < quality <= 1:
            weighted.append((-quality, index, tag.replace("-", "_")))
    return [tag for _, _, tag in sorted(weighted)]


def negotiate(header: str | None, available: list[str]) -> str:
    """The best enabled language for an Accept-Language header; the source language if none fits."""
    preferred = parse_accept_language(header)
    found = negotiate_locale(preferred, available, sep="_", aliases=None) if preferred else None
    if found:
        found = found.lower()
        for code in available:
            if code.lower() == found:
                return code
    return SOURCE_LOCALE if SOURCE_LOCALE in available else available[0]


def load_translations(locales_dir: Path, code: str) -> NullTranslations:
    """Compile a locale's .po file in memory."""
    po_path = locales_dir / code / "LC_MESSAGES" / f"{DOMAIN}.po"
    if not po_path.exists():
        return NullTranslations()
    with po_path.open("rb") as handle:
        catalog = read_po(handle, locale=cldr_code(code))
    buffer = io.BytesIO()
    # Fuzzy entries are never shown: a guessed translation can mislead in a crisis.
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return Translations(buffer, domain=DOMAIN)
