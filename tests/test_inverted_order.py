"""German and Dutch put the finite verb second: after an opening date or adverb the verb comes before its subject
("Am 14. November 2023 eroberten die malische Armee und die Wagner-Gruppe die Stadt Kidal"), and a separable verb
leaves its particle at the clause's end ("griffen … an", "vielen … aan", "nahmen … ein", "namen … in"). A lead-only
page in that order gives its sides and its change of control as the subject-first order does; a verb after a party
("Die MNLA griff …") or after "sie" (they) is no inverted subject, and a meeting or a visit sets nobody against anybody."""
from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.ingest.control import read_control, takers_and_losers
from dashboard.ingest.parse import parse_article
from dashboard.places.gazetteer import Gazetteer

ROOT = Path(__file__).resolve().parent.parent
GAZETTEER = Gazetteer.from_csv(ROOT / "data" / "gazetteer.csv")


def lead_event(lead: str, title: str):
    [event] = parse_article(f"{title}\n\n{lead}\n", "lead.txt").events
    return event


@pytest.mark.parametrize("lead, title, sides", [
    # taking: the taker is the subject after the verb, who withdrew the other side
    ("Am 14. November 2023 eroberten die malische Armee und die Wagner-Gruppe die Stadt Kidal.",
     "Einnahme von Kidal (2023)", [["Mali", "Wagner Group"], []]),
    ("Op 14 november 2023 heroverde het Malinese leger de stad Kidal, nadat de rebellen van het CSP zich hadden "
     "teruggetrokken.", "Gevechten in Kidal (2023)", [["Mali"], ["CSP"]]),
    ("Am 21. Mai 2014 nahmen die Rebellen der MNLA die Stadt Kidal ein.", "Einnahme von Kidal (2014)", [["MNLA"], []]),
    # attacking, with the separable verb's particle at the end
    ("Am 21. Mai 2014 griffen Kämpfer der MNLA die malische Armee in Kidal an.", "Kämpfe bei Kidal (2014)",
     [["Mali"], ["MNLA"]]),
    ("Op 10 januari 2013 vielen de islamisten de stad Konna aan.", "Aanval in Konna (2013)", [["Jihadist groups"], []]),
])
def test_a_verb_before_its_subject_gives_the_sides(lead, title, sides):
    assert lead_event(lead, title).sides == sides


def test_the_taker_after_the_verb_is_who_took_the_town():
    assert takers_and_losers("Am 14. November 2023 eroberten die malische Armee und die Wagner-Gruppe die Stadt "
                             "Kidal.") == [("die malische Armee und die Wagner-Gruppe", "")]


@pytest.mark.parametrize("lead, title, change", [
    ("Op 14 november 2023 heroverde het Malinese leger de stad Kidal, nadat de rebellen van het CSP zich hadden "
     "teruggetrokken.", "Gevechten in Kidal (2023)", ("took", "Kidal", ["Mali"], ["CSP"])),
    ("Im Mai 2014 eroberten die Rebellen der MNLA die Stadt Kidal.", "Einnahme von Kidal (2014)",
     ("took", "Kidal", ["MNLA"], [])),
    ("Op 21 mei 2014 braken gevechten uit in Kidal. Daarna namen de rebellen van de MNLA de stad Kidal in.",
     "Gevechten in Kidal (2014)",
     ("took", "Kidal", ["MNLA"], [])),
    # a German day before its month ("am 14. November") ends no sentence
    ("Am 14. November 2023 eroberten die malische Armee und die Wagner-Gruppe die Stadt Kidal nach dem Rückzug der "
     "Rebellen der CSP.", "Einnahme von Kidal (2023)", ("took", "Kidal", ["Mali", "Wagner Group"], ["CSP"])),
])
def test_the_control_table_reads_the_taking(lead, title, change):
    [found] = read_control(lead_event(lead, title), GAZETTEER)
    assert (found.change, found.place, found.holder_parties, found.previous_parties) == change


@pytest.mark.parametrize("lead, title", [
    ("Am 14. November trafen sich Vertreter der Regierung und der CSP in Kidal.", "Treffen in Kidal (2023)"),
    ("Op 3 mei 2014 bezocht de premier Kidal.", "Bezoek in Kidal (2014)"),
    # "they attacked the Malian army": the attackers are not named, the army is no attacker
    ("Am 21. Mai 2014 griffen sie die malische Armee in Kidal an.", "Kämpfe bei Kidal (2014)"),
])
def test_a_meeting_a_visit_or_an_unnamed_attacker_gives_no_sides_and_no_taking(lead, title):
    event = lead_event(lead, title)
    assert not any(event.sides)
    assert read_control(event, GAZETTEER) == []


def test_a_dutch_adjective_of_the_jihadist_camp_names_the_attackers():
    event = lead_event("Op 10 januari 2013 vielen islamistische strijders de stad Konna aan.", "Slag om Konna")
    assert event.sides == [["Jihadist groups"], []]
