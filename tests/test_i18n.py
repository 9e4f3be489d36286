from pathlib import Path

import pytest

from pwa import i18n
from pwa.settings import ROOT


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (None, "de"),
        ("", "de"),
        ("en", "en"),
        ("en-GB,en;q=0.9", "en"),
        ("fr-FR,fr;q=0.9,en;q=0.5", "en"),
        ("fr, it", "de"),
        ("de-AT", "de"),
        ("EN-us", "en"),
        ("en;q=0.1, de;q=0.9", "de"),
        ("en;q=0", "de"),
        ("*", "de"),
        ("xx-invalid-!!, ;;; q=, en;q=abc", "de"),
        ("\x00\xff garbage", "de"),
        ("," * 5000, "de"),
    ],
)
def test_negotiate(header, expected):
    assert i18n.negotiate(header, ["de", "en"]) == expected


def test_parse_orders_by_quality_then_position():
    assert i18n.parse_accept_language("fr;q=0.5, en, tr;q=0.8") == ["en", "tr", "fr"]


def test_enabled_starts_with_source():
    codes = i18n.enabled_codes(ROOT / "locales")
    assert codes[0] == "de" and "en" in codes


def test_enabled_rejects_list_without_source(tmp_path: Path):
    (tmp_path / "enabled").write_text("en\nde\n")
    with pytest.raises(ValueError):
        i18n.enabled_codes(tmp_path)


@pytest.mark.parametrize(("code", "name", "direction"), [("de", "Deutsch", "ltr"), ("ar", "العربية", "rtl"), ("fa", "فارسی", "rtl"), ("uk", "Українська", "ltr")])
def test_language_names_and_direction_from_cldr(code, name, direction):
    language = i18n.language(ROOT / "locales", code)
    assert (language.name, language.dir) == (name, direction)


def test_translations_compile_from_po_and_skip_fuzzy(tmp_path: Path):
    folder = tmp_path / "en" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "messages.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n\n'
        'msgid "Hallo"\nmsgstr "Hello"\n\n#, fuzzy\nmsgid "Notruf"\nmsgstr "Guess"\n',
        encoding="utf-8",
    )
    translations = i18n.load_translations(tmp_path, "en")
    assert translations.gettext("Hallo") == "Hello"
    assert translations.gettext("Notruf") == "Notruf"


def test_leichte_sprache_is_german_with_a_tag_and_a_name_of_its_own():
    language = i18n.language(ROOT / "locales", "ls")
    assert (language.code, language.tag, language.dir, language.name) == ("ls", "de-x-ls", "ltr", "Leichte Sprache")
    assert i18n.cldr_code("ls") == "de" and i18n.cldr_code("fr") == "fr"
    assert i18n.review_status(ROOT / "locales", "ls")["readers"] == "not yet checked"


def test_a_language_is_tagged_with_its_code_and_named_from_cldr():
    language = i18n.language(ROOT / "locales", "ku")
    assert (language.tag, language.name, language.dir) == ("ku", "Kurdî (kurmancî)", "ltr")
