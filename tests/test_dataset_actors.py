"""Dataset actors onto our parties: their naming conventions read by structure, unknown actors kept as written."""
import pytest

from dashboard.datasets.actors import actor_party, dataset_parties


@pytest.mark.parametrize("actor, party", [
    ("Government of Mali", "Mali"),
    ("Military Forces of Mali (2021-)", "Mali"),
    ("Military Forces of Mali (2012-2020)", "Mali"),
    ("Police Forces of Mali (2021-) Prison Guards", "Mali"),
    ("Military Forces of Burkina Faso (2022-)", "Burkina Faso"),
    ("Military Forces of France (2017-)", "France"),
    ("MNLA: National Movement for the Liberation of Azawad", "MNLA"),
    ("JNIM: Group for Support of Islam and Muslims", "JNIM"),
    ("MUJAO: Movement for Unity and Jihad in West Africa", "MOJWA"),
    ("CSP-PSD: Permanent Strategic Framework for Peace, Security and Development", "CSP"),
    ("MINUSMA: United Nations Multidimensional Integrated Stabilization Mission in Mali (2013-2023)", "MINUSMA"),
    ("Islamic State (Sahel)", "ISGS"),
    ("Ganda Iso", "CM-FPR"),
    ("MNLA", "MNLA"),
])
def test_their_names_are_our_parties(actor, party):
    assert actor_party(actor).canonical == party


@pytest.mark.parametrize("actor", ["Civilians (Mali)", "Unidentified Armed Group (Mali)", "Dozo Communal Militia (Mali)",
                                   "Dan Na Ambassagou", "Military Forces of Russia (2000-)"])
def test_a_country_in_brackets_does_not_make_an_actor_that_country(actor):
    assert actor_party(actor) is None


def test_unknown_actors_keep_their_name_and_are_counted():
    sides = [(("Dozo Communal Militia (Mali)",), ("Civilians (Mali)", "Fulani Ethnic Group (Mali)")),
             (("Military Forces of Mali (2021-)", "Wagner Group"), ("Civilians (Mali)",))]
    parties, unknown = dataset_parties(["acled-1", "acled-2"], sides, [2020, 2022])
    assert unknown == {"Dozo Communal Militia (Mali)": 1, "Civilians (Mali)": 2, "Fulani Ethnic Group (Mali)": 1}
    civilians = parties[parties["party"] == "Civilians (Mali)"]
    assert set(civilians["canonical"]) == {"Civilians (Mali)"} and set(civilians["alignment"]) == {"unknown"}
    mali = parties[(parties["event_id"] == "acled-2") & (parties["side"] == "a")]
    assert mali["party"].tolist() == ["Military Forces of Mali (2021-)", "Wagner Group"]
    assert mali["canonical"].tolist() == ["Mali", "Wagner Group"] and set(mali["side_alignment"]) == {"state"}
