"""The translator workflow: the template is current, catalogues are complete, the check bites."""

import shutil
from pathlib import Path

import pytest

from pwa import catalogue
from pwa.i18n import enabled_codes
from pwa.settings import ROOT


def test_template_is_current_and_deterministic():
    first = catalogue.render_po(catalogue.build_template(ROOT))
    assert first == catalogue.render_po(catalogue.build_template(ROOT))
    assert "POT-Creation-Date" not in first and "#: " not in first
    assert (ROOT / "locales" / "messages.pot").read_text(encoding="utf-8") == first, (
        "locales/messages.pot is stale: run python -m pwa i18n extract"
    )


def test_every_enabled_locale_is_complete():
    ok, report = catalogue.check(ROOT)
    assert ok, report


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the parts of the project the check reads."""
    for name in ("pwa", "templates", "data", "locales"):
        shutil.copytree(ROOT / name, tmp_path / name)
    return tmp_path


def _edit_en(project: Path, old: str, new: str) -> None:
    po = project / "locales" / "en" / "LC_MESSAGES" / "messages.po"
    text = po.read_text(encoding="utf-8")
    assert old in text
    po.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_check_fails_on_stale_template(project: Path):
    (project / "templates" / "new.html").write_text("{{ _('Ein ganz neuer Satz') }}", encoding="utf-8")
    ok, report = catalogue.check(project)
    assert not ok and "stale" in report


def test_check_fails_on_missing_translation(project: Path):
    _edit_en(project, 'msgstr "Skip to content"', 'msgstr ""')
    ok, report = catalogue.check(project)
    assert not ok and "missing" in report


def test_check_fails_on_fuzzy(project: Path):
    _edit_en(project, 'msgid "Zum Inhalt springen"', '#, fuzzy\nmsgid "Zum Inhalt springen"')
    ok, report = catalogue.check(project)
    assert not ok and "fuzzy" in report


def _add_string_translated(project: Path, template: str, msgid: str, msgstr: str) -> None:
    """Adds a string and translates it in every language; English gets `msgstr`."""
    (project / "templates" / "new.html").write_text(template, encoding="utf-8")
    catalogue.extract(project)
    catalogue.update(project)
    _edit_en(project, f'msgid "{msgid}"\nmsgstr ""', f'msgid "{msgid}"\nmsgstr "{msgstr}"')
    for code in enabled_codes(project / "locales"):
        if code not in ("de", "en"):
            po = project / "locales" / code / "LC_MESSAGES" / "messages.po"
            text = po.read_text(encoding="utf-8")
            po.write_text(text.replace(f'msgid "{msgid}"\nmsgstr ""', f'msgid "{msgid}"\nmsgstr "{msgid}"'), encoding="utf-8")


def test_check_accepts_matching_placeholders(project: Path):
    _add_string_translated(project, "{% trans city='x' %}Hilfe in {{ city }}{% endtrans %}", "Hilfe in %(city)s", "Help in %(city)s")
    ok, report = catalogue.check(project)
    assert ok, report


def test_check_fails_on_placeholder_mismatch(project: Path):
    _add_string_translated(project, "{% trans city='x' %}Hilfe in {{ city }}{% endtrans %}", "Hilfe in %(city)s", "Help in %(town)s")
    ok, report = catalogue.check(project)
    assert not ok and "placeholders" in report


def test_check_fails_on_markup_mismatch(project: Path):
    _add_string_translated(project, "{% trans %}Rufen Sie <strong>jetzt</strong> an{% endtrans %}", "Rufen Sie <strong>jetzt</strong> an", "Call now")
    ok, report = catalogue.check(project)
    assert not ok and "markup" in report


def test_check_fails_when_msgfmt_rejects(project: Path):
    po = project / "locales" / "en" / "LC_MESSAGES" / "messages.po"
    po.write_text(po.read_text(encoding="utf-8").replace("nplurals=2", "nplurals=3", 1), encoding="utf-8")
    ok, report = catalogue.check(project)
    assert not ok and "msgfmt" in report


def test_update_fills_the_source_language_as_is(project: Path):
    (project / "templates" / "new.html").write_text("{{ _('Ein ganz neuer Satz') }}", encoding="utf-8")
    catalogue.extract(project)
    catalogue.update(project)
    de = (project / "locales" / "de" / "LC_MESSAGES" / "messages.po").read_text(encoding="utf-8")
    assert 'msgid "Ein ganz neuer Satz"\nmsgstr "Ein ganz neuer Satz"' in de
    ok, report = catalogue.check(project)
    assert not ok and "Ein ganz neuer Satz" in report  # English still needs it
