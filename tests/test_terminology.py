"""Key terms: the table in TRANSLATING.md is read, complete for every language, and the check bites."""

from pathlib import Path

from pwa import terminology
from pwa.i18n import SOURCE_LOCALE, enabled_codes
from pwa.settings import ROOT

TABLE = """# Translating

## Key terms

### Deutsch (`de`)

| Deutsch | what it is | other forms the check finds in German texts |
|---|---|---|
| Sicherheitsplan | the plan | Sicherheitsplans |
| Tagebuch | not in the app yet | Tagebücher |

### Українська (`uk`)

| Deutsch | Українська | also accepted |
|---|---|---|
| Sicherheitsplan | план безпеки | план* безпеки |
| Tagebuch | щоденник | |

## Commands

| Deutsch | not a key term | x |
|---|---|---|
| Ignored | after the section | |
"""


def _table(tmp_path: Path) -> dict[str, list[terminology.Term]]:
    path = tmp_path / "TRANSLATING.md"
    path.write_text(TABLE, encoding="utf-8")
    return terminology.read_table(path)


def test_table_is_read_per_language_and_only_from_its_section(tmp_path: Path):
    tables = _table(tmp_path)
    assert sorted(tables) == ["de", "uk"]
    assert [t.german for t in tables["de"]] == ["Sicherheitsplan", "Tagebuch"]
    assert tables["de"][0].forms == ("Sicherheitsplans",)
    assert tables["uk"][0] == terminology.Term("Sicherheitsplan", "план безпеки", ("план* безпеки",))
    assert tables["uk"][1].forms == ()


def test_a_translation_with_the_term_or_a_listed_form_passes(tmp_path: Path):
    tables = _table(tmp_path)
    entries = [
        (["Mein Sicherheitsplan"], ["Мій план безпеки"]),
        (["Mehr im Sicherheitsplan."], ["Більше — у плані безпеки."]),  # "план* безпеки"
        (["Der Text des Sicherheitsplans"], ["Текст Плану Безпеки"]),  # any case
        (["Ein Tagebuchnummer-Feld"], ["Номер справи"]),  # a longer German word is not the term
    ]
    assert terminology.problems(tables, "uk", entries) == []


def test_a_translation_without_the_term_fails(tmp_path: Path):
    tables = _table(tmp_path)
    entries = [(["Ein Sicherheitsplan mit Passphrase"], ["План захисту з паролем"])]
    found = terminology.problems(tables, "uk", entries)
    assert len(found) == 1 and "Sicherheitsplan = план безпеки" in found[0]


def test_every_form_of_a_plural_entry_needs_the_term(tmp_path: Path):
    tables = _table(tmp_path)
    entries = [(["%(n)s Tagebuch", "%(n)s Tagebücher"], ["%(n)s щоденник", "%(n)s записи"])]
    assert len(terminology.problems(tables, "uk", entries)) == 1


def test_direction_marks_do_not_hide_a_term(tmp_path: Path):
    tables = _table(tmp_path)
    entries = [(["Sicherheitsplan"], ["\u2066план\u2069 безпеки"])]
    assert terminology.problems(tables, "uk", entries) == []


def test_a_language_without_a_table_or_a_term_fails(tmp_path: Path):
    tables = _table(tmp_path)
    assert any("no term for 'Sicherheitsplan' in the 'ru' table" in p for p in terminology.problems(tables, "ru", []))
    del tables["uk"][1]
    assert terminology.problems(tables, "uk", []) == ["TRANSLATING.md has no term for 'Tagebuch' in the 'uk' table"]


def test_a_missing_german_table_fails_rather_than_checking_nothing(tmp_path: Path):
    assert terminology.read_table(tmp_path / "absent.md") == {}
    assert terminology.problems({}, "uk", []) == ["TRANSLATING.md has no German key terms table"]


def test_translating_md_has_every_key_term_for_every_enabled_language():
    tables = terminology.read_table(ROOT / "TRANSLATING.md")
    german = [term.german for term in tables[SOURCE_LOCALE]]
    # The app's name, the quick exit, the safety plan, the passphrase, and the terms chosen
    # for the journal, the disguise and the cover before their texts exist.
    for expected in ("Wegweiser", "Seite schnell verlassen", "Sicherheitsplan", "Passphrase", "Tagebuch", "Tarnung", "Tarn-App"):
        assert expected in german
    for code in enabled_codes(ROOT / "locales"):
        assert [term.german for term in tables[code]] == german, code
        assert all(term.term for term in tables[code]), code
