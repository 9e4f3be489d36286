"""Every general statement of the information and plan texts names its source (pwa/statements.py).

A general statement says how things are beyond this app, its services and the law: how violence
often goes, what is dangerous, what helps. Each one carries the id of a ``guidance`` entry of
data/statements.yaml (copied from the shared help facts) in ``data-guidance``, on its element or
one around it; statements of the law carry ``data-legal``, facts of a service ``data-directory``.
Such statements are found by the words they are made of ("often", "many", "dangerous", ...),
and those of the guidance's topics (strangling, the cycle of violence, separation, the hand
signal, safer rooms, writing down what happened, injuries) must carry their own entry's id.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from pwa.info import TOPICS
from pwa.statements import STATEMENTS, STATEMENTS_FILE, Backing, backed
from tests.helpers import Element

FACTS = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "help-facts.yaml"
BACKING = ("data-guidance", "data-legal", "data-directory")

# Words that make a sentence a general statement: how often, how many, how dangerous ("so oft
# du willst" says how often she may, not how often something is).
GENERAL = re.compile(
    r"\b((?<!so )oft|häufig\w*|meist\w*|manche\w*|viele\w*|jede[nmr]? menschen|allen beziehungen"
    r"|\w*gefährlich\w*|gefährde\w*|studien|in der regel)\b",
    re.IGNORECASE,
)
# The guidance's topics: a text on one of them carries that entry's id.
TOPIC_WORDS = {
    "wuergen-lebensgefahr": r"würg\w*.{0,80}lebensgefährlich|lebensgefährlich.{0,80}würg",
    "gewaltspirale": r"kreislauf",
    "trennung-gefaehrlich": r"trenn\w*.{0,80}gefährlich|gefährlich.{0,80}trenn",
    "sos-handzeichen": r"handzeichen|handfläche|daumen",
    "kueche-bad-meiden": r"küche|badezimmer|\bbad\b|abschließen lässt|zweiten ausgang|raum mit ausgang",
    "dokumentieren-tagebuch": r"mit datum|schreiben sie .{0,40}\bauf\b|tagebuch|notizen und fotos",
    "dokumentieren-verletzungen": r"verletzungen.{0,40}(untersuch|festhalten)|(untersuch|festhalten).{0,40}verletzungen",
}


def _texts(crawl) -> list[tuple[str, Element, Element]]:
    """(path, text element, its article or plan section) of every German information and plan text."""
    found = []
    for slug in TOPICS:
        path = f"/de/info/{slug}"
        article = crawl.pages[path].document.find("article", **{"class": "topic"})
        assert article is not None, path
        found += [(path, e, article) for e in article.iter() if e.tag in ("p", "li", "dd")]
    for section in crawl.pages["/de/plan"].document.find_all("section", **{"class": "plan-section"}):
        found += [("/de/plan#" + section.attrs["id"], e, section) for e in section.children if e.tag == "p"]
    return found


def _backing(element: Element, top: Element) -> dict[str, set[str]]:
    """The sources named on the element and on every element around it, up to its article."""
    names: dict[str, set[str]] = {name: set() for name in BACKING}
    node: Element | None = element
    while node is not None:
        for name in BACKING:
            names[name] |= set((node.attrs.get(name) or "").split())
        if node is top:
            break
        node = node.parent
    return names


def test_every_general_statement_in_the_german_texts_names_its_source(crawl):
    texts = _texts(crawl)
    assert len(texts) > 150
    unsourced = []
    for path, element, top in texts:
        said = element.text
        if GENERAL.search(said) and not any(_backing(element, top).values()):
            unsourced.append(f"{path}: {said}")
    assert not unsourced, "\n".join(unsourced)


def test_the_guidance_topics_carry_their_own_entry(crawl):
    found = {topic: 0 for topic in TOPIC_WORDS}
    wrong = []
    for path, element, top in _texts(crawl):
        guidance = _backing(element, top)["data-guidance"]
        for topic, words in TOPIC_WORDS.items():
            if re.search(words, element.text, re.IGNORECASE):
                found[topic] += 1
                if topic not in guidance:
                    wrong.append(f"{path}: {topic}: {element.text}")
    assert not wrong, "\n".join(wrong)
    assert all(found.values()), found  # every topic is said somewhere, with its source


def test_every_named_source_exists(crawl):
    directory = crawl.app.state.directory
    for path, page in crawl.pages.items():
        for element in page.document.iter():
            for entry in (element.attrs.get("data-guidance") or "").split():
                assert entry in STATEMENTS.guidance, (path, entry)
            for entry in (element.attrs.get("data-legal") or "").split():
                assert entry in STATEMENTS.legal, (path, entry)
            for entry in (element.attrs.get("data-directory") or "").split():
                assert directory.get(entry) is not None, (path, entry)


def test_every_copied_guidance_entry_is_used(crawl):
    used = {entry for page in crawl.of("de") for e in page.document.iter() for entry in (e.attrs.get("data-guidance") or "").split()}
    assert used == set(STATEMENTS.guidance)


def test_the_texts_follow_the_guidance_wording(crawl):
    plan = crawl.pages["/de/plan"].document
    places = plan.find("section", id="places").find("p").text
    # The bathroom as a safer room: German sources disagree, so the plan follows the hint.
    assert "Meiden Sie die Küche (Messer) und Räume ohne zweiten Ausgang." in places
    assert "Gut ist ein Raum, der sich abschließen lässt, mit Handy-Empfang und möglichst einem Fenster oder Ausgang." in places
    leaving = plan.find("section", id="leaving").find("p").text
    assert leaving.startswith("Die Zeit rund um eine Trennung ist oft besonders gefährlich. Planen Sie den Schritt möglichst mit einer Beratungsstelle.")
    cycle = crawl.pages["/de/info/domestic-violence"].document.find("main").text
    assert "Viele Betroffene erleben häusliche Gewalt wie einen Kreislauf" in cycle and "Manche erleben keine Reue" in cycle
    for path, element, _ in _texts(crawl):
        assert not re.search(r"meiden[^.]*\b(bad|badezimmer)\b", element.text, re.IGNORECASE), path


def test_the_advice_to_have_injuries_examined_links_the_doctors_on_call(crawl):
    note = next(
        e for e in crawl.pages["/de/info/domestic-violence"].document.find_all("div")
        if "note--warning" in (e.attrs.get("class") or "") and "Würgen" in e.text
    )
    assert {a.attrs["href"] for a in note.find_all("a") if a.attrs["href"].startswith("tel:")} == {"tel:116117", "tel:112"}
    violence = crawl.pages["/de/plan"].document.find("section", id="violence")
    assert violence.find("li", **{"data-service": "aerztlicher-bereitschaftsdienst"}).find("a", href="tel:116117") is not None


def test_an_unknown_source_fails_at_once():
    assert backed(guidance="gewaltspirale", legal="gewaltschutzgesetz", directory="police") == (
        ' data-guidance="gewaltspirale" data-legal="gewaltschutzgesetz" data-directory="police"'
    )
    assert backed() == ""
    with pytest.raises(KeyError, match="guidance not in statements.yaml: kueche-und-bad"):
        Backing(guidance=("kueche-und-bad",))
    with pytest.raises(KeyError, match="legal"):
        backed(legal="stgb-123")


@pytest.fixture(scope="module")
def facts() -> dict:
    if not FACTS.is_file():
        pytest.skip("the shared help facts are not beside this repository")
    return yaml.safe_load(FACTS.read_text(encoding="utf-8"))


def test_the_copies_are_the_facts_own(facts):
    copied = yaml.safe_load(STATEMENTS_FILE.read_text(encoding="utf-8"))
    guidance = {entry["id"]: entry for entry in facts["guidance"]}
    for entry in copied["guidance"]:
        assert entry == guidance[entry["id"]], entry["id"]
    legal = {entry["id"]: entry for entry in facts["legal"]}
    for entry in copied["legal"]:
        assert entry == legal[entry["id"]], entry["id"]
    own = {key: value for key, value in copied["runder_tisch"].items() if key in facts["runder_tisch"]}
    assert own == facts["runder_tisch"]
    assert copied["as_of"] == facts["as_of"]
