"""The translator workflow: the template is current, catalogues are complete, the check bites."""

import shutil
from pathlib import Path

import pytest
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po

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
    shutil.copy(ROOT / "TRANSLATING.md", tmp_path / "TRANSLATING.md")
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


def _po(project: Path, code: str) -> Path:
    return project / "locales" / code / "LC_MESSAGES" / "messages.po"


def _header(path: Path) -> tuple[int, str]:
    with path.open("rb") as handle:
        catalog = read_po(handle)
    return catalog.num_plurals, catalog.plural_expr


def test_plural_forms_of_every_catalogue_agree_with_cldr():
    for code in enabled_codes(ROOT / "locales"):
        nplurals, expression = _header(_po(ROOT, code))
        assert catalogue.plural_forms_problem(code, nplurals, expression) == "", code


@pytest.mark.parametrize(
    "code, wrong, reason",
    [
        # Babel's built-in table: one form for Turkish and Persian, where CLDR has two.
        ("tr", "nplurals=1; plural=0;", "nplurals=1, but CLDR has 2"),
        # Arabic with forms 4 and 5 swapped: 11 to 99 would get the form for 100.
        ("ar", "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=0 && n%100<=2 ? 4 : 5);", "11 gets form 5"),
        # Persian takes the singular for 0 as well.
        ("fa", "nplurals=2; plural=(n != 1);", "0 gets form 1"),
    ],
)
def test_check_fails_on_plural_forms_that_differ_from_cldr(project: Path, code: str, wrong: str, reason: str):
    po = _po(project, code)
    text = po.read_text(encoding="utf-8")
    current = next(line for line in text.splitlines() if line.startswith('"Plural-Forms:'))
    # The header may run over two lines; replace the whole declaration.
    start = text.index(current)
    end = text.index('\\n"\n', start) + len('\\n"\n')
    po.write_text(text[:start] + f'"Plural-Forms: {wrong}\\n"\n' + text[end:], encoding="utf-8")
    ok, report = catalogue.check(project)
    assert not ok
    assert f"{code}: Plural-Forms differ from CLDR: {reason}" in report


@pytest.mark.parametrize("code", ["de", "en", "tr", "ar", "uk", "ru", "pl", "fa", "it", "el", "fr", "ro", "ku", "cy", "ga", "ja"])
def test_headers_written_from_cldr_agree_with_cldr(code: str):
    nplurals, _, expression = catalogue.plural_forms_header(code).partition("; plural=")
    assert catalogue.plural_forms_problem(code, int(nplurals.removeprefix("nplurals=")), expression.rstrip(";")) == ""


def test_a_new_catalogue_starts_with_cldr_plural_forms_not_babels_table(project: Path):
    assert get_plural("tr")[0] == 1  # the built-in table the old headers came from
    shutil.rmtree(project / "locales" / "tr")
    catalogue.update(project, ["tr", "ku"])
    for code in ("tr", "ku"):
        nplurals, expression = _header(_po(project, code))
        assert nplurals == 2, code
        assert catalogue.plural_forms_problem(code, nplurals, expression) == "", code


def test_check_fails_on_a_legal_citation_outside_a_direction_isolate(project: Path):
    po = _po(project, "ar")
    text = po.read_text(encoding="utf-8")
    cited = "\u2066§\u00a02\u00a0GewSchG\u2069"
    assert cited in text
    po.write_text(text.replace(cited, cited[1:-1]), encoding="utf-8")
    ok, report = catalogue.check(project)
    assert not ok and "ar: § outside a direction isolate: " in report


@pytest.mark.parametrize(
    "text, problems",
    [
        ("(\u2066§ 2 GewSchG\u2069).", 0),
        ("\u2068§ 214 FamFG\u2069 و<bdi>§ 4 GewSchG</bdi>", 0),
        ("(§ 2 GewSchG).", 1),
        ("\u2066§ 2 GewSchG\u2069 و § 4 GewSchG", 1),
        # The translation of the law's name belongs after the isolate, not inside it.
        ("\u2066§§ 1 و2 و4 GewSchG\u2069", 1),
        # The whole citation belongs inside: the law's name too, before or after the number.
        ("(\u2066§ 34a\u2069 PolG NRW).", 1),
        ("Aufenthaltsgesetz \u2066(§ 31 AufenthG)\u2069، يقول", 1),
        ("\u2066Aufenthaltsgesetz (§ 31 AufenthG)\u2069، يقول", 0),
        ("\u2066§ 27 Abs. 1\u2069 و\u2066§ 132k SGB V\u2069 (قانون)", 0),
        ("لا شيء هنا", 0),
    ],
)
def test_isolate_problems(text: str, problems: int):
    assert len(catalogue.isolate_problems(text)) == problems


def test_check_fails_when_a_key_term_is_left_out(project: Path):
    po = _po(project, "ru")
    text = po.read_text(encoding="utf-8")
    old = 'msgid "Passphrase ändern"\nmsgstr "Изменить парольную фразу"'
    assert old in text
    po.write_text(text.replace(old, 'msgid "Passphrase ändern"\nmsgstr "Изменить пароль"'), encoding="utf-8")
    ok, report = catalogue.check(project)
    assert not ok and "ru: key term: 'Passphrase = парольная фраза, but not in: Passphrase ändern'" in report


def test_check_fails_when_a_language_has_no_key_terms_table(project: Path):
    guide = project / "TRANSLATING.md"
    text = guide.read_text(encoding="utf-8")
    start = text.index("### Polski (`pl`)")
    end = text.index("### ", start + 4)
    guide.write_text(text[:start] + text[end:], encoding="utf-8")
    ok, report = catalogue.check(project)
    assert not ok and "pl: key term: \"TRANSLATING.md has no term for 'Wegweiser' in the 'pl' table\"" in report


def test_a_catalogue_in_progress_gets_new_texts_and_its_figures_without_failing_the_check(project: Path):
    enabled = project / "locales" / "enabled"
    enabled.write_text("\n".join(line for line in enabled.read_text(encoding="utf-8").splitlines() if line.strip() != "ro") + "\n", encoding="utf-8")
    catalogue.update(project, ["ro"])
    (project / "templates" / "new.html").write_text("{{ _('Ein ganz neuer Satz') }}", encoding="utf-8")
    catalogue.extract(project)
    catalogue.update(project)  # every catalogue, the one in progress too
    assert 'msgid "Ein ganz neuer Satz"' in _po(project, "ro").read_text(encoding="utf-8")
    ok, report = catalogue.check(project)
    assert "ro " in report and "in progress, not in locales/enabled" in report
    assert "ro: missing" not in report  # its gaps are figures, not failures
    enabled.write_text(enabled.read_text(encoding="utf-8") + "ro\n", encoding="utf-8")
    catalogue.update(project)
    assert not catalogue.check(project)[0]
