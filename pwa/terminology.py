"""Key terms: each language names the app's own things (its name, the quick exit, the safety plan,
the passphrase, ...) the same way in every text, so she recognises them from page to page.

The terms are the tables under "Key terms" in TRANSLATING.md, one per language, where translators
read and change them. Where a German text uses a term, its translation uses that language's term.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from pwa.i18n import SOURCE_LOCALE

SECTION = "## Key terms"
_LANGUAGE_HEADING = re.compile(r"^###\s.*\(`([A-Za-z_-]+)`\)\s*$")
# Direction marks and isolates around German names, and soft hyphens, are not part of a word.
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))


@dataclass(frozen=True)
class Term:
    german: str  # the term as the German text writes it: the key of every language's row
    term: str  # this language's term (in the German table: what the term is)
    forms: tuple[str, ...]  # other forms the check accepts; "*" stands for any letters

    def patterns(self, *, source: bool) -> list[re.Pattern[str]]:
        """German forms are found as whole words, as written; a translation's forms anywhere, in any case."""
        forms = (self.german, *self.forms) if source else (self.term, *self.forms)
        patterns = []
        for form in forms:
            body = r"\w*".join(re.escape(unicodedata.normalize("NFC", part)) for part in form.split("*"))
            patterns.append(re.compile(rf"(?<!\w){body}(?!\w)") if source else re.compile(body, re.IGNORECASE))
        return patterns


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def read_table(path: Path) -> dict[str, list[Term]]:
    """The key terms of every language in TRANSLATING.md, by language code."""
    if not path.exists():
        return {}
    tables: dict[str, list[Term]] = {}
    code = None
    in_section = False
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            in_section = line.strip() == SECTION
            code = None
        elif in_section and (heading := _LANGUAGE_HEADING.match(line)):
            code = heading.group(1)
            tables[code] = []
        elif in_section and code and line.lstrip().startswith("|"):
            cells = _cells(line)
            if len(cells) < 3 or set(cells[0]) <= set("-: ") or cells[0] == "Deutsch":
                continue  # the header row and the row under it
            forms = tuple(form.strip() for form in cells[2].split(",") if form.strip())
            tables[code].append(Term(german=cells[0], term=cells[1], forms=forms))
    return tables


def problems(tables: dict[str, list[Term]], code: str, entries: list[tuple[list[str], list[str]]]) -> list[str]:
    """Where a translation leaves out its language's term for a German term in the source text.

    `entries` are (German texts, translations) pairs: a plural entry has several of each.
    """
    german_terms = tables.get(SOURCE_LOCALE, [])
    if not german_terms:
        return ["TRANSLATING.md has no German key terms table"]
    if code == SOURCE_LOCALE:
        return []
    own = {term.german: term for term in tables.get(code, [])}
    found = [
        f"TRANSLATING.md has no term for {term.german!r} in the {code!r} table" for term in german_terms if term.german not in own
    ]
    for german_term in german_terms:
        term = own.get(german_term.german)
        if term is None:
            continue
        in_source = german_term.patterns(source=True)
        accepted = term.patterns(source=False)
        for ids, strings in entries:
            if not any(p.search(text) for p in in_source for text in ids):
                continue
            for string in strings:
                text = unicodedata.normalize("NFC", string.translate(_INVISIBLE))
                if not any(p.search(text) for p in accepted):
                    found.append(f"{german_term.german} = {term.term}, but not in: {ids[0][:60]}")
                    break
    return found
