"""Translator tasks: extract the strings, update the catalogues, check them.

Strings come from the Python code, the templates and the seed files in data/ (the texts their
record types mark, see :func:`extract_seed`).

The template locales/messages.pot is written without locations and without a creation date,
so it changes only when a string changes; `check` fails when it is stale.
"""

from __future__ import annotations

import gettext
import importlib
import io
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator, Mapping

import yaml
from babel import Locale
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po
from babel.plural import PluralRule, to_gettext

from pwa import i18n, records, terminology
from pwa.settings import ROOT
from pwa.store import SeedLoader

PROJECT = "Wegweiser Kreis Mettmann"
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "N_": None, "pgettext": ((1, "c"), 2)}
METHOD_MAP = [
    ("pwa/**.py", "python"),
    ("templates/**.html", "jinja2"),
    # What the texts rest on, in the facts' own words: read by people who check, not by users.
    ("data/statements.yaml", "ignore"),
    ("data/*.yaml", "pwa.catalogue:extract_seed"),
]
OPTIONS_MAP = {
    "templates/**.html": {"trimmed": "true", "extensions": "jinja2.ext.i18n"},
    # The record type of each seed file: its fields say which texts users read.
    "data/directory.yaml": {"record": "pwa.directory_model:Service"},
    "data/events.yaml": {"record": "pwa.about_data:Event"},
    "data/materials.yaml": {"record": "pwa.about_data:Material"},
}

_PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]|\{(\w*)\}")
_TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)\b")
# The counts on which a catalogue's plural rule must agree with CLDR's, and CLDR's order of the
# categories, which is the order of a catalogue's plural forms.
PLURAL_COUNTS = range(1001)
_CATEGORIES = ("zero", "one", "two", "few", "many", "other")
# Right-to-left catalogues wrap German legal citations in a direction isolate (or <bdi>), so
# "§ 34a PolG NRW" keeps its order inside Arabic or Persian text.
_ISOLATE = re.compile("[\u2066\u2067\u2068][^\u2066-\u2069]*\u2069|<bdi\\b[^>]*>.*?</bdi>", re.S)
_RTL_LETTER = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
# Latin letters or digits right before or after an isolate: the citation goes on outside it.
_LATIN_BEFORE = re.compile(r"[A-Za-z0-9\u00c0-\u024f][\s\u00a0]*$")
_LATIN_AFTER = re.compile(r"[\s\u00a0]*[A-Za-z0-9\u00c0-\u024f]")


def _pot_path(root: Path) -> Path:
    return root / "locales" / "messages.pot"


def _po_path(root: Path, code: str) -> Path:
    return root / "locales" / code / "LC_MESSAGES" / "messages.po"


def _cldr_categories(code: str) -> tuple[PluralRule, list[str], list[str]]:
    """CLDR's rule for a language, the category of each count, and the categories counts use."""
    rule = Locale.parse(i18n.cldr_code(code)).plural_form
    categories = [rule(n) for n in PLURAL_COUNTS]
    return rule, categories, [c for c in _CATEGORIES if c in categories]


def plural_forms_problem(code: str, nplurals: int, expression: str) -> str:
    """How a catalogue's Plural-Forms disagree with CLDR's rules for its language ("" if they agree)."""
    _, categories, used = _cldr_categories(code)
    if nplurals != len(used):
        return f"nplurals={nplurals}, but CLDR has {len(used)} ({', '.join(used)})"
    try:
        form_of = gettext.c2py(expression)
    except (ValueError, SyntaxError) as error:
        return f"the plural expression cannot be read ({error})"
    for n, category in zip(PLURAL_COUNTS, categories):
        if form_of(n) != used.index(category):
            return f"{n} gets form {form_of(n)}, but CLDR says {category!r}, form {used.index(category)}"
    return ""


def plural_forms_header(code: str) -> str:
    """The Plural-Forms header for a language, written from CLDR's rules (not Babel's gettext table)."""
    rule, _, used = _cldr_categories(code)
    rules = {tag: text for tag, text in rule.rules.items() if tag in used}
    if "other" not in used:
        # Whole numbers never take CLDR's "other" (it is for fractions): the last form takes its place.
        rules.pop(used[-1])
    header = to_gettext(PluralRule(rules))
    # Whole numbers have no visible fraction digits: drop the conditions that are always true.
    for always_true in (" && ((0 == 0))", "((0 == 0)) && "):
        header = header.replace(always_true, "")
    header = header.replace("(!((0 == 0))) || ", "")  # always false: the other side decides
    nplurals, _, expression = header.partition("; plural=")
    problem = plural_forms_problem(code, int(nplurals.removeprefix("nplurals=")), expression.rstrip(";"))
    if problem:
        raise ValueError(f"no Plural-Forms for {code!r} from CLDR: {problem}")
    return header


def isolate_problems(text: str) -> list[str]:
    """The legal citations ("§ 2 GewSchG") of a right-to-left text that sit outside a direction isolate."""
    inside = [(m.start(), m.end()) for m in _ISOLATE.finditer(text)]
    problems = []
    for position in (m.start() for m in re.finditer("§+", text)):
        span = next(((start, end) for start, end in inside if start < position < end), None)
        if span is None:
            problems.append(text[max(0, position - 20):position + 20])
        elif _RTL_LETTER.search(text[span[0]:span[1]]):
            problems.append(text[span[0]:span[1]])
        elif _LATIN_BEFORE.search(text[:span[0]]) or _LATIN_AFTER.match(text[span[1]:]):
            # "⁦§ 34a⁩ PolG NRW": the law's name, outside, would be set right-to-left before it.
            problems.append(text[max(0, span[0] - 20):span[1] + 20])
    return problems


def extract_seed(
    fileobj: Any,
    keywords: Any,
    comment_tags: Any,
    options: Mapping[str, Any],
) -> Iterator[tuple[int, str | None, str, list[str]]]:
    """Babel extractor for the seed files: every text users read, as its record type says.

    ``options["record"]`` names the record type ("module:Class"); its fields marked as texts
    (:func:`pwa.records.seed_texts`), at any depth (``phones.label``), are extracted. A translator
    comment names the entry and the field, with the field's hint and note; proper names are kept.
    """
    module, _, name = options["record"].partition(":")
    texts = records.seed_texts(getattr(importlib.import_module(module), name))
    root = yaml.compose(fileobj, Loader=SeedLoader)  # noqa: S506 - a safe loader
    if isinstance(root, yaml.SequenceNode):
        for item in root.value:
            if isinstance(item, yaml.MappingNode):
                ids = [v.value for k, v in item.value if k.value == "id" and isinstance(v, yaml.ScalarNode)]
                yield from _seed_texts(item, texts, ids[0] if ids else "?", "")


def _seed_texts(
    node: yaml.Node, texts: Mapping[str, Mapping[str, Any]], entry: str, path: str
) -> Iterator[tuple[int, None, str, list[str]]]:
    if isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _seed_texts(item, texts, entry, path)
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            field = f"{path}.{key.value}" if path else key.value
            text = texts.get(field)
            if text is None:
                if any(name.startswith(field + ".") for name in texts):
                    yield from _seed_texts(value, texts, entry, field)
                continue
            message = value.value.strip() if isinstance(value, yaml.ScalarNode) else ""
            if value.tag == "tag:yaml.org,2002:str" and message and message not in text["keep"]:
                comment = f"{entry}: {field}" + (f" ({text['hint']})" if text["hint"] else "")
                yield value.start_mark.line + 1, None, message, [comment, *filter(None, [text["note"]])]


def build_template(root: Path = ROOT) -> Catalog:
    catalog = Catalog(project=PROJECT, version=None, charset="utf-8", fuzzy=False)
    for filename, lineno, message, comments, context in extract_from_dir(
        str(root), METHOD_MAP, OPTIONS_MAP, KEYWORDS, comment_tags=["Translators:"], strip_comment_tags=True
    ):
        catalog.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return catalog


def render_po(catalog: Catalog, *, width: int = 100) -> str:
    """A .po or .pot text without locations or dates, so it only changes when strings change."""
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=width, no_location=True, omit_header=False, sort_output=True)
    lines = buffer.getvalue().decode("utf-8").splitlines(keepends=True)
    dropped = ('"POT-Creation-Date:', '"PO-Revision-Date:', '"Generated-By:')
    return "".join(line for line in lines if not line.startswith(dropped))


def extract(root: Path = ROOT) -> bool:
    """Write locales/messages.pot. Returns whether it changed."""
    text = render_po(build_template(root))
    path = _pot_path(root)
    old = path.read_text(encoding="utf-8") if path.exists() else None
    if old != text:
        path.write_text(text, encoding="utf-8")
    return old != text


def update(root: Path = ROOT, codes: list[str] | None = None) -> list[str]:
    """Merge the template into each enabled language's catalogue (German: the source, filled as is)."""
    template_text = _pot_path(root).read_text(encoding="utf-8")
    written = []
    for code in codes or i18n.catalogue_codes(root / "locales"):
        # A fresh template each time: Catalog.update shares message objects with the template,
        # so filling the source language would otherwise leak into the next language.
        template = read_po(io.StringIO(template_text))
        path = _po_path(root, code)
        if path.exists():
            catalog = read_po(io.StringIO(path.read_text(encoding="utf-8")), locale=i18n.cldr_code(code))
        else:
            catalog = Catalog(locale=i18n.cldr_code(code), project=PROJECT, version=None, charset="utf-8", fuzzy=False)
            catalog.mime_headers = [("Plural-Forms", plural_forms_header(code))]
        # No guesses from similar strings: a wrong guess in a crisis is worse than a gap.
        catalog.update(template, no_fuzzy_matching=True)
        catalog.obsolete.clear()
        if code == i18n.SOURCE_LOCALE:
            for message in catalog:
                if message.id:
                    message.string = message.id
                    message.flags.discard("fuzzy")
        path.parent.mkdir(parents=True, exist_ok=True)
        text = render_po(catalog)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            written.append(code)
    return written


@dataclass
class LocaleReport:
    code: str
    total: int = 0
    translated: int = 0
    missing: list[str] = field(default_factory=list)
    fuzzy: list[str] = field(default_factory=list)
    mismatched: list[str] = field(default_factory=list)
    plural_forms: str = ""
    isolates: list[str] = field(default_factory=list)
    terms: list[str] = field(default_factory=list)
    msgfmt: str = ""
    review: str = ""

    @property
    def ok(self) -> bool:
        return not (
            self.missing or self.fuzzy or self.mismatched or self.plural_forms or self.isolates or self.terms or self.msgfmt
        )


def _signature(text: str) -> tuple[list[str], list[str]]:
    placeholders = sorted(a or b for a, b in _PLACEHOLDER.findall(text))
    tags = sorted(_TAG.findall(text))
    return placeholders, tags


def check_locale(root: Path, code: str) -> LocaleReport:
    status = i18n.review_status(root / "locales", code)
    # Leichte Sprache also records whether readers with learning difficulties have checked it.
    review = status.get("status", "draft") + (f", readers: {status['readers']}" if "readers" in status else "")
    report = LocaleReport(code=code, review=review)
    path = _po_path(root, code)
    if not path.exists():
        report.missing.append("(no catalogue file)")
        return report
    template = read_po(io.StringIO(_pot_path(root).read_text(encoding="utf-8")))
    catalog = read_po(io.StringIO(path.read_text(encoding="utf-8")), locale=i18n.cldr_code(code))
    entries: list[tuple[list[str], list[str]]] = []
    for source in template:
        if not source.id:
            continue
        report.total += 1
        message = catalog.get(source.id, context=source.context)
        strings = [] if message is None else (list(message.string) if isinstance(message.string, (list, tuple)) else [message.string])
        label = source.id if isinstance(source.id, str) else source.id[0]
        if message is None or not strings or not all(strings):
            report.missing.append(label)
            continue
        if message.fuzzy:
            report.fuzzy.append(label)
            continue
        ids = [source.id] if isinstance(source.id, str) else list(source.id)
        expected = _signature(ids[-1])
        for string in strings:
            got = _signature(string)
            # Plural forms may leave out the count, as in "one time"; names and tags must match.
            if got[1] != expected[1] or not set(got[0]) <= set(expected[0]) or (len(ids) == 1 and got[0] != expected[0]):
                report.mismatched.append(label)
                break
        else:
            report.translated += 1
            entries.append((ids, strings))
    problem = plural_forms_problem(code, catalog.num_plurals, catalog.plural_expr)
    if problem:
        report.plural_forms = f"{problem}; from CLDR: {plural_forms_header(code)}"
    if Locale.parse(i18n.cldr_code(code)).text_direction == "rtl":
        report.isolates = [found for _, strings in entries for string in strings for found in isolate_problems(string)]
    report.terms = terminology.problems(terminology.read_table(root / "TRANSLATING.md"), code, entries)
    msgfmt = shutil.which("msgfmt")
    if msgfmt:
        with tempfile.TemporaryDirectory() as scratch:
            result = subprocess.run(
                [msgfmt, "--check", "-o", str(Path(scratch) / "out.mo"), str(path)],
                capture_output=True, text=True, check=False,
            )
        if result.returncode != 0:
            report.msgfmt = result.stderr.strip() or "msgfmt --check failed"
    else:
        report.msgfmt = "msgfmt not found (install gettext)"
    return report


def _summary(report: LocaleReport, status: str) -> str:
    return (
        f"{report.code:8} {report.translated:>5}/{report.total:<4} {len(report.missing):>8} "
        f"{len(report.fuzzy):>6} {len(report.mismatched):>9} {len(report.terms):>6}  {status}"
    )


def check(root: Path = ROOT) -> tuple[bool, str]:
    """Everything a release needs from the catalogues. Returns (ok, report text)."""
    lines = []
    ok = True
    pot = _pot_path(root)
    current = render_po(build_template(root))
    if not pot.exists() or pot.read_text(encoding="utf-8") != current:
        ok = False
        lines.append("locales/messages.pot is stale: run `python -m pwa i18n extract`")
    lines.append(f"{'locale':8} {'translated':>10} {'missing':>8} {'fuzzy':>6} {'mismatch':>9} {'terms':>6}  review")
    enabled = i18n.enabled_codes(root / "locales")
    in_progress = [code for code in i18n.catalogue_codes(root / "locales") if code not in enabled]
    for code in enabled:
        report = check_locale(root, code) if pot.exists() else LocaleReport(code, missing=["(no template)"])
        ok = ok and report.ok
        lines.append(_summary(report, report.review))
        if report.plural_forms:
            lines.append(f"  {code}: Plural-Forms differ from CLDR: {report.plural_forms}")
        for kind, items in (
            ("missing", report.missing),
            ("fuzzy", report.fuzzy),
            ("placeholders or markup differ", report.mismatched),
            ("§ outside a direction isolate", report.isolates),
            ("key term", report.terms),
        ):
            for item in items[:10]:
                lines.append(f"  {code}: {kind}: {item[:110]!r}")
            if len(items) > 10:
                lines.append(f"  {code}: ... and {len(items) - 10} more {kind}")
        if report.msgfmt:
            lines.append(f"  {code}: msgfmt: {report.msgfmt}")
    for code in in_progress:
        # Not offered yet, so not a failure: the figures say how far the translation is.
        report = check_locale(root, code) if pot.exists() else LocaleReport(code)
        lines.append(_summary(report, "in progress, not in locales/enabled"))
    return ok, "\n".join(lines)
