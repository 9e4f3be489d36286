"""The safety plan page. The plan itself lives only in the browser; the server never sees it.

The server renders the sections (titles, guidance, checklists, the fields to fill in and the
matching help numbers of the directory). plan.js fills in what she wrote, from the
browser's storage, and saves it there. Field and item ids are the keys of the stored plan: keep
them stable, change only their German texts.
"""

from __future__ import annotations

from dataclasses import dataclass

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from pwa.i18n import N_
from pwa.site import PageFamily
from pwa.statements import Backing
from pwa.templating import render

# Read from the plan page's data attributes by plan.js; a passphrase must be this long.
MIN_PASSPHRASE = 8


@dataclass(frozen=True)
class Field:
    id: str
    label: str
    multiline: bool = True


@dataclass(frozen=True)
class Item:
    id: str
    label: str


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    guidance: str
    fields: tuple[Field, ...] = ()
    checklist: tuple[Item, ...] = ()
    directory: tuple[str, ...] = ()  # ids of directory services with matching numbers
    own_items: bool = False  # she can add her own checklist items
    backing: Backing = Backing()  # where the guidance's general statements come from


SECTIONS: tuple[Section, ...] = (
    Section(
        id="people",
        title=N_("Menschen, die ich anrufen kann"),
        guidance=N_(
            "Überlegen Sie, wem Sie vertrauen: einer Freundin, einem Nachbarn, jemandem aus der "
            "Familie. Vereinbaren Sie ein Codewort. Wenn Sie es sagen oder schreiben, weiß die "
            "Person: Ich brauche Hilfe, ruf die Polizei. Die 110 funktioniert auch ohne Guthaben."
        ),
        backing=Backing(directory=("police",)),
        fields=(
            Field("people.contacts", N_("Wen ich anrufen kann, mit Nummer")),
            Field("people.codeword", N_("Unser Codewort"), multiline=False),
            Field("people.signal", N_("Was die Person tun soll, wenn sie das Codewort hört")),
        ),
        checklist=(
            Item("people.numbers-saved", N_("Wichtige Nummern sind im Handy gespeichert, unter unauffälligen Namen.")),
            Item("people.numbers-known", N_("Die wichtigsten Nummern kann ich auswendig.")),
            Item("people.phone-charged", N_("Mein Handy ist geladen, das Ladekabel liegt griffbereit.")),
            Item("people.neighbour", N_("Eine Nachbarin oder ein Nachbar ruft die Polizei, wenn ich ein Zeichen gebe.")),
        ),
        directory=("police", "hilfetelefon-frauen"),
    ),
    Section(
        id="places",
        title=N_("Sichere Orte und mein Weg nach draußen"),
        guidance=N_(
            "Gut ist ein Raum, der sich abschließen lässt, mit Handy-Empfang und möglichst einem "
            "Fenster oder Ausgang. Meiden Sie die Küche (Messer) und Räume ohne zweiten Ausgang. "
            "Gehen Sie Ihren Weg nach draußen einmal durch, in Gedanken oder wirklich."
        ),
        backing=Backing(guidance=("kueche-bad-meiden",)),
        fields=(
            Field("places.rooms", N_("Sicherere Räume in der Wohnung")),
            Field("places.way-out", N_("Mein Weg nach draußen")),
            Field("places.go-to", N_("Wohin ich gehen kann: Freundin, Frauenhaus, Polizeiwache")),
        ),
        directory=("frauenhaus-mettmann", "frauenhaus-suche", "polizeiwachen"),
    ),
    Section(
        id="bag",
        title=N_("Die Notfalltasche"),
        guidance=N_(
            "Packen Sie eine Tasche mit dem Wichtigsten, falls Sie schnell gehen müssen. "
            "Verstecken Sie sie gut oder geben Sie sie einer Person, der Sie vertrauen. Kopien "
            "wichtiger Papiere können Sie auch dort lassen. Haken Sie ab, was schon bereitliegt."
        ),
        checklist=(
            Item("bag.id", N_("Personalausweis oder Reisepass")),
            Item("bag.certificates", N_("Geburtsurkunden und Heiratsurkunde")),
            Item("bag.residence", N_("Aufenthaltspapiere")),
            Item("bag.money", N_("Bankkarten und Bargeld")),
            Item("bag.medication", N_("Medikamente und Rezepte")),
            Item("bag.police-court", N_("Papiere von Polizei und Gericht")),
            Item("bag.insurance", N_("Krankenkassenkarte, Versicherungs- und Leistungsbescheide")),
            Item("bag.keys", N_("Schlüssel für Wohnung, Haus und Auto")),
            Item("bag.phone", N_("Handy und Ladekabel")),
            Item("bag.clothes", N_("Kleidung für ein paar Tage")),
            Item("bag.school", N_("Schulsachen der Kinder")),
            Item("bag.toy", N_("Ein Lieblingsspielzeug der Kinder")),
            Item("bag.photos", N_("Fotos, die mir wichtig sind")),
            Item("bag.pets", N_("Wer sich um die Haustiere kümmert")),
        ),
        own_items=True,
    ),
    Section(
        id="children",
        title=N_("Kinder"),
        guidance=N_(
            "Kinder können lernen, wie sie Hilfe holen: die 110 wählen, die eigene Adresse sagen, "
            "zu einer Nachbarin laufen. Ein Codewort sagt ihnen, dass sie an einen sicheren Ort "
            "gehen sollen. Sagen Sie ihnen, dass sie sich nicht einmischen sollen und dass die "
            "Gewalt nicht ihre Schuld ist."
        ),
        fields=(
            Field("children.codeword", N_("Codewort für die Kinder"), multiline=False),
            Field("children.safe-place", N_("Wohin die Kinder gehen können")),
            Field("children.notes", N_("Was die Kinder wissen und tun sollen")),
        ),
        checklist=(
            Item("children.call-110", N_("Die Kinder wissen, wie sie die 110 anrufen.")),
            Item("children.address", N_("Die Kinder können unsere Adresse sagen.")),
        ),
        directory=("nummer-gegen-kummer-kinder",),
    ),
    Section(
        id="violence",
        title=N_("Wenn Gewalt passiert"),
        guidance=N_(
            "Ihre Sicherheit geht vor. Wenn Sie in Gefahr sind, rufen Sie die 110. Gehen Sie, wenn "
            "es geht, in einen Raum mit Ausgang und bleiben Sie nahe an der Tür. Lassen Sie "
            "Verletzungen ärztlich untersuchen und festhalten: Das kann später helfen, zum Beispiel "
            "vor Gericht. Spuren von Gewalt können vertraulich gesichert werden, auch ohne Anzeige."
        ),
        backing=Backing(
            guidance=("kueche-bad-meiden", "dokumentieren-verletzungen"),
            legal=("vertrauliche-spurensicherung",),
            directory=("police",),
        ),
        fields=(
            Field("violence.warning-signs", N_("Woran ich merke, dass es gefährlich wird")),
            Field("violence.what-i-do", N_("Was ich dann tue")),
        ),
        directory=(
            "police",
            "fire-ambulance",
            "aerztlicher-bereitschaftsdienst",
            "hilfetelefon-frauen",
            "anonyme-spurensicherung",
        ),
    ),
    Section(
        id="leaving",
        title=N_("Den Auszug vorbereiten"),
        guidance=N_(
            "Die Zeit rund um eine Trennung ist oft besonders gefährlich. Planen Sie den Schritt "
            "möglichst mit einer Beratungsstelle. Ein eigenes Konto, etwas Geld und Ersatzschlüssel "
            "bei einer Vertrauensperson helfen am Tag des Auszugs."
        ),
        backing=Backing(guidance=("trennung-gefaehrlich",)),
        fields=(
            Field("leaving.where", N_("Wohin ich gehe und wie ich dorthin komme")),
            Field("leaving.day", N_("Mein Plan für den Tag des Auszugs")),
        ),
        checklist=(
            Item("leaving.account", N_("Ich habe ein eigenes Konto.")),
            Item("leaving.money", N_("Ich lege etwas Geld zur Seite.")),
            Item("leaving.spare-keys", N_("Ersatzschlüssel liegen bei einer Vertrauensperson.")),
            Item("leaving.copies", N_("Kopien wichtiger Papiere liegen bei einer Vertrauensperson.")),
            Item("leaving.counselling", N_("Ich habe mit einer Beratungsstelle gesprochen.")),
        ),
        directory=("frauenhaus-mettmann", "frauenhaus-suche", "frauenberatung-skfm"),
    ),
    Section(
        id="after",
        title=N_("Nach der Trennung"),
        guidance=N_(
            "Das Familiengericht kann der Person verbieten, Ihnen nahe zu kommen oder Kontakt "
            "aufzunehmen (Gewaltschutzgesetz). Eine Beratungsstelle hilft beim Antrag. Ändern Sie "
            "Wege und Zeiten, die die Person kennt. Prüfen Sie Passwörter und ob Ihr Standort "
            "geteilt wird."
        ),
        backing=Backing(legal=("gewaltschutzgesetz",)),
        fields=(Field("after.notes", N_("Was ich nach der Trennung ändern will")),),
        checklist=(
            Item("after.protection-order", N_("Schutzanordnung beim Familiengericht beantragt")),
            Item("after.routines", N_("Wege und feste Zeiten geändert")),
            Item("after.school-work", N_("Schule, Kita und Arbeit wissen, wer die Kinder abholen darf und wer nicht")),
            Item("after.passwords", N_("Passwörter von Handy, E-Mail und Konten geändert")),
            Item("after.location", N_("Standortfreigabe auf dem Handy und in Apps geprüft")),
        ),
        directory=("interventionsstelle", "frauenberatung-skfm", "polizei-opferschutz"),
    ),
    Section(
        id="notes",
        title=N_("Meine Notizen"),
        guidance=N_(
            "Hier ist Platz für alles andere. Schauen Sie Ihren Plan ab und zu wieder an und "
            "passen Sie ihn an, wenn sich etwas ändert."
        ),
        fields=(Field("notes.text", N_("Notizen")),),
    ),
)


async def plan(request: Request) -> Response:
    directory = request.app.state.directory
    # A service missing from the directory is left out; numbers come only from its data.
    help_services = {
        section.id: [s for s in map(directory.get, section.directory) if s is not None]
        for section in SECTIONS
    }
    return render(
        request,
        "plan.html",
        {
            "sections": SECTIONS,
            "help_services": help_services,
            "min_passphrase": MIN_PASSPHRASE,
        },
    )


family = PageFamily("plan", routes=[Route("/plan", plan)], paths=("plan",))
