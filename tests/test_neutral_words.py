"""The word list that the discretion tests use finds what it must and leaves neutral words alone."""

import pytest

from tests.neutral_words import FORBIDDEN, telling_words


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Hilfe bei häuslicher Gewalt · Wegweiser", "de"),
        ("Sicherheitsplan · Wegweiser", "de"),
        ("Help with domestic violence · Guide", "en"),
        ("Women's shelter (Frauenhaus Mettmann)", "en"),
        ("Aile içi şiddette yardım · Yol Rehberi", "tr"),
        ("المساعدة في حالات العنف الأسري", "ar"),
        ("Допомога при домашньому насильстві", "uk"),
        ("ΒΊΑ ΣΤΗΝ ΟΙΚΟΓΈΝΕΙΑ", "el"),
    ],
)
def test_telling_titles_are_found(text: str, code: str) -> None:
    assert telling_words(text, code)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Wegweiser · Telefonnummern", "de"),
        ("Guide · Notes", "en"),
        ("Grape juice and a fair price", "en"),
        ("مجاني", "ar"),
        ("Rechner", "de"),
    ],
)
def test_neutral_titles_pass(text: str, code: str) -> None:
    assert telling_words(text, code) == []


def test_every_language_of_the_app_has_a_list() -> None:
    for code in ("de", "en", "tr", "ar", "uk", "ru", "pl", "fa", "it", "el", "fr", "ro", "ku"):
        assert len(FORBIDDEN[code]) >= 10, code
