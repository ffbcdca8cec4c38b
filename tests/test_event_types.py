"""Event types read from titles and leads, in English, French and the other languages the corpus holds."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from dashboard.catalogue import build_catalogue
from dashboard.views.event_types import TYPE_NAMES, UNKNOWN, event_type, event_types, lead_of

ROOT = Path(__file__).resolve().parent.parent
CORPUS = next((p for p in (ROOT / "tests" / "corpus", ROOT.parent / "shared" / "corpus") if (p / "truth.csv").is_file()),
              None)


@pytest.mark.parametrize("title, expected", [
    ("Battle of Anefis (June 2013)", "battle"), ("Bataille de Konna", "battle"), ("Combat de Léré", "battle"),
    ("Amazragane skirmish", "clash"), ("Affrontements de Ber", "clash"), ("Tongo Tongo ambush", "ambush"),
    ("Embuscade de Tarkint", "ambush"), ("2019 Indelimane attack", "attack"), ("Attaque de Boulkessi", "attack"),
    ("Raid on Dioura", "raid"), ("Siege of Kidal", "siege"), ("Siège de Boni", "siege"),
    ("Drone strike on Kidal", "airstrike"), ("Frappe aérienne de Bounti", "airstrike"),
    ("Shelling of Gao", "bombardment"), ("Bombardement de Tessalit", "bombardment"),
    ("Kidal offensive", "offensive"), ("Contre-offensive de Konna", "offensive"),
    ("Ogossagou massacre", "massacre"), ("Tuerie de Moura", "massacre"),
    ("Kidnapping of aid workers", "hostage-taking"), ("Prise d'otages de Kidal", "hostage-taking"),
    ("Fall of Andéramboukane", "battle"), ("Second Kidal", UNKNOWN),
])
def test_the_title_names_the_type(title, expected):
    assert event_type(title) == expected


def test_the_first_word_of_the_vocabulary_in_a_text_wins():
    assert event_type("Ambush and siege of Tinzaouaten") == "ambush"
    assert event_type("Air strike after the raid on Kidal") == "airstrike"  # "air strike" is not a "raid"


def test_without_a_type_in_the_title_the_lead_decides_and_only_its_first_sentences():
    lead = "On November 8, 2013, clashes broke out between Malian forces and the MNLA in Amazragane."
    assert event_type("Amazragane", lead) == "clash"
    late = "Amazragane is a village. It lies in Ménaka Region. It has a well. A battle was fought there in 2013."
    assert lead_of(late).endswith("Ménaka Region.")
    assert event_type("Amazragane", late) == UNKNOWN
    assert event_type(None, None) == UNKNOWN


def test_a_table_gets_one_type_per_row_from_title_then_lead():
    events = pd.DataFrame({"title": ["Battle of Gao", "Tessit", None],
                           "summary": ["", "Jihadists attacked the camp at Tessit.", "An ambush near Ber."]})
    assert event_types(events).tolist() == ["battle", "attack", "ambush"]
    assert event_types(events.drop(columns="summary")).tolist() == ["battle", UNKNOWN, UNKNOWN]


def test_the_seed_catalogue_carries_each_events_type():
    events = build_catalogue().events.set_index("title")
    assert set(events["event_type"]) <= set(TYPE_NAMES)
    assert events.loc["Battle of Anefis (June 2013)", "event_type"] == "battle"
    assert events.loc["Amazragane skirmish", "event_type"] == "clash"
    assert events.loc["Ambush of Tinsalane", "event_type"] == "ambush"
    assert events.loc["Raid on Dioura", "event_type"] == "raid"


@pytest.mark.skipif(CORPUS is None, reason="the real corpus (tests/corpus or ../shared/corpus) is not here")
def test_every_article_of_the_real_corpus_gets_a_type_from_its_title():
    truth = pd.read_csv(CORPUS / "truth.csv")
    found = dict(zip(truth["title"], event_types(truth)))
    assert UNKNOWN not in found.values()  # each of these titles says what happened
    assert found["Tongo Tongo ambush"] == "ambush" and found["Soumouni skirmish"] == "clash"
    assert found["Raid on Dioura (2019)"] == "raid" and found["2018 Boni attack"] == "attack"
    assert found["Combat de Tin Keraten (Battle of Tin Keraten)"] == "battle"
