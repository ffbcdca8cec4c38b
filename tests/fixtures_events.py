"""Hand-built events and claims tables that mirror the seed articles (and a few related events they name).

Built the way the catalogue builds them: EVENT_COLUMNS / CLAIM_COLUMNS, text as strings, NaN for an
unlocated event, nullable ints for location precision and casualty figures.
"""
from __future__ import annotations

import json
import math

import pandas as pd

from dashboard.model import CLAIM_COLUMNS, EVENT_COLUMNS, make_event_id

_TEXT_DEFAULTS = {c: "" for c in EVENT_COLUMNS}


def event(source_file: str, title: str, start_date: str, **fields) -> dict:
    """One events row; anything not given is empty (unlocated, no sides)."""
    row = dict(_TEXT_DEFAULTS, latitude=math.nan, longitude=math.nan, location_precision=None,
               kind="article", date_precision="day", end_date=start_date, sections="[]", infobox="{}")
    row.update(source_file=source_file, title=title, start_date=start_date,
               event_id=make_event_id(source_file, title, start_date), **fields)
    return row


def events_frame(rows: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=EVENT_COLUMNS)
    return frame.astype({"latitude": "float64", "longitude": "float64", "location_precision": "Int64"})


INFOBOX_CLAIM_COLUMNS = ["event_id", "side", "kind", "low", "high", "claimed_by", "text"]


def claims_frame(rows: list[tuple]) -> pd.DataFrame:
    """Rows given as (event_id, side, kind, low, high, claimed_by, text): infobox claims, every other column of
    CLAIM_COLUMNS as an infobox claim has it (origin "infobox", ids c1, c2… per event)."""
    frame = pd.DataFrame(rows, columns=INFOBOX_CLAIM_COLUMNS).reindex(columns=CLAIM_COLUMNS, fill_value="")
    frame["origin"] = "infobox"
    frame["claim_id"] = frame["event_id"] + "-c" + (frame.groupby("event_id").cumcount() + 1).astype(str)
    return frame.astype({"low": "Int64", "high": "Int64"})


def claim(event_id: str, side: str, kind: str, low: int | None, high=..., claimed_by: str = "",
          text: str = "") -> tuple:
    """One claims row; `high` defaults to `low` (a single figure), None means open-ended ("14+")."""
    return (event_id, side, kind, low, low if high is ... else high, claimed_by, text)


ANEFIS = dict(latitude=18.0547, longitude=0.6022, location_precision=2, location_source="gazetteer: Anefis",
              region="Kidal")
KIDAL = dict(latitude=18.4411, longitude=1.4072, region="Kidal")

ANEFIS_2013 = event(
    "000_e3dc056557bc1002.txt", "Battle of Anefis (June 2013)", "2013-06-05",
    place="Anefis, Kidal Region, Mali", **ANEFIS, part_of="Mali War", result="Malian victory",
    side_a="Mali", side_b="MNLA", commanders_a="Didier Dacko; El Hadj Ag Gamou", commanders_b="Unknown",
    strength_a="Several hundred men", strength_b="400 men",
    summary="On June 5, 2013, clashes broke out between the Malian Army and the National Movement for the "
            "Liberation of Azawad (MNLA) in the village of Anefis.",
    sections=json.dumps([["Battle", "On June 5, around 5:30am, the Malian Army attacked MNLA positions in Anefis."],
                         ["Aftermath", "French forces dispatched ten to twenty men to Anefis."]]),
    infobox=json.dumps({"Conflict": "Battle of Anefis (June 2013)", "Date": "June 5, 2013"}),
)
ANEFIS_2014 = event(
    "001_070efaabfcf43540.txt", "Battle of Anéfis", "2014-07-11",
    place="Anéfis, Mali", **ANEFIS, part_of="the Mali War", result="Loyalist victory",
    side_a="MAA-Loyalist; GATIA; CM-FPR II", side_b="MNLA; MAA-Dissident; HCUA",
    commanders_a="Yoro Ould Daha; El Hadj Ag Gamou; Bojan (killed in action)",
    commanders_b="Sidi Brahim Ould Sidati",
    summary="On July 11, 2014, clashes broke out between pro-government militias led by GATIA and rebel "
            "militias led by the MNLA in Anefif, Mali.",
)
AMAZRAGANE_2013 = event(
    "002_2b72ca9f9093e46b.txt", "Amazragane skirmish", "2013-11-08",
    place="Amazragane, Ménaka Region, Mali", region="Ménaka", latitude=15.93, longitude=2.41,
    location_precision=2, location_source="gazetteer: Amazragane", part_of="Mali War", result="Malian victory",
    side_a="Mali", side_b="MNLA",
)
KIDAL_2014 = event(
    "003_499888a3b842d896.txt", "Second Battle of Kidal", "2014-05-16", end_date="2014-05-21",
    place="Kidal", **KIDAL, location_precision=1, location_source="article", result="MNLA Victory",
    side_a="Mali", side_b="Azawad", strength_a="1,500", strength_b="unknown",
)
KIDAL_2023 = event(
    "004_a954f82738c9178b.txt", "Battle of Kidal (2023)", "2023-11-10", end_date="2023-11-14",
    place="Kidal and Oued Alkit, Kidal Region, Mali", **KIDAL, location_precision=2,
    location_source="gazetteer: Kidal", part_of="Mali War", result="Russo-Malian victory",
    side_a="Mali; Wagner Group", side_b="MNLA; HCUA; MAA; GATIA (al-Mahmoud faction)",
    commanders_a="El Hadj Ag Gamou", commanders_b="Unknown",
)
# Related events the Second Battle of Kidal page names.
ANEFIS_MAY_2013 = event(
    "003_499888a3b842d896.txt", "Battle of Anéfis (May 2013)", "2013-05-17", end_date="2013-05-18",
    kind="related", place="Anéfis", side_a="MNLA", side_b="MAA",
    summary="Between May 17 and 18, 2013, the town of Anéfis was attacked by the MAA's pro-government faction.",
)
GAO_2012 = event(
    "003_499888a3b842d896.txt", "Battle of Gao", "2012-06-26", end_date="2012-06-28", kind="related",
    place="Gao", region="Gao", latitude=16.2666, longitude=-0.0400, location_precision=2,
    location_source="gazetteer: Gao", side_a="MNLA", side_b="MUJAO; Ansar Dine",
)
TESSALIT_2013 = event(
    "003_499888a3b842d896.txt", "Battle of Tessalit", "2013-10-23", kind="related",
    place="Tessalit", region="Kidal", latitude=20.1986, longitude=1.0114, location_precision=2,
    location_source="gazetteer: Tessalit", side_a="Katiba Salahadin", side_b="MINUSMA (Chad); France",
)
BER_2023 = event(
    "003_499888a3b842d896.txt", "Battle of Ber (2023)", "2023-08-11", end_date="2023-08-12", kind="related",
    place="Ber", region="Tombouctou", latitude=16.2333, longitude=-3.3833, location_precision=2,
    location_source="gazetteer: Ber", side_a="Malian Armed Forces; Wagner Group", side_b="CMA; JNIM",
)

SEED_EVENTS = [ANEFIS_2013, ANEFIS_2014, AMAZRAGANE_2013, KIDAL_2014, KIDAL_2023]
RELATED_EVENTS = [ANEFIS_MAY_2013, GAO_2012, TESSALIT_2013, BER_2023]


def seed_events() -> pd.DataFrame:
    """The five seed battles and four related events, in no particular order."""
    return events_frame([KIDAL_2023, GAO_2012, ANEFIS_2014, TESSALIT_2013, ANEFIS_2013, BER_2023,
                         AMAZRAGANE_2013, ANEFIS_MAY_2013, KIDAL_2014])


def seed_claims() -> pd.DataFrame:
    a13, a14, amz, k14, k23 = (e["event_id"] for e in SEED_EVENTS)
    return claims_frame([
        claim(a13, "a", "injured", 2, claimed_by="Mali", text="2 injured (per Mali)"),
        claim(a13, "a", "vehicles destroyed", 6, claimed_by="MNLA",
              text="Six vehicles destroyed with unknown casualties"),
        claim(a13, "a", "captured", 12, claimed_by="MNLA", text="12 prisoners (per MNLA)"),
        claim(a13, "a", "injured", 10, claimed_by="France", text="10 injured (per France)"),
        claim(a13, "b", "killed", 2, claimed_by="MNLA", text="2 dead (per MNLA)"),
        claim(a13, "b", "injured", 2, claimed_by="MNLA", text="2 injured (per MNLA)"),
        claim(a13, "b", "killed", 30, claimed_by="Mali", text="30 killed (per Mali)"),
        claim(a13, "b", "captured", 28, claimed_by="Mali", text="28 prisoners (per Mali)"),
        claim(a14, "a", "killed", 35, claimed_by="MNLA", text="35 killed (per MNLA)"),
        claim(a14, "a", "captured", 5, claimed_by="MNLA", text="5 prisoners (per MNLA)"),
        claim(a14, "b", "killed", 111, claimed_by="loyalists", text="111 dead (per loyalists)"),
        claim(a14, "b", "injured", None, claimed_by="loyalists", text="hundreds injured (per loyalists)"),
        claim(a14, "b", "captured", 17, claimed_by="loyalists", text="17 prisoners (per loyalists)"),
        claim(a14, "b", "killed", 4, claimed_by="MNLA", text="4 killed (per MNLA)"),
        claim(a14, "b", "injured", 10, claimed_by="MNLA", text="10 injured (per MNLA)"),
        claim(a14, "b", "killed", 37, claimed_by="Mali", text="37 killed (per Mali)"),
        claim(amz, "a", "injured", 1, claimed_by="Mali", text="1 injured (per Mali)"),
        claim(amz, "a", "killed", 2, claimed_by="MNLA", text="2 killed (per MNLA)"),
        claim(amz, "b", "killed", 3, claimed_by="Mali", text="3 killed (per Mali)"),
        claim(amz, "civilian", "killed", 3, claimed_by="MNLA", text="3 civilians killed (per MNLA)"),
        claim(k14, "a", "killed", 40, claimed_by="MNLA", text="40 killed (According to the MNLA)"),
        claim(k14, "b", "killed", 2, claimed_by="MNLA", text="2 killed (According to the MNLA)"),
        claim(k23, "civilian", "killed", 14, None, text="14+ civilians killed"),
        claim(k23, "civilian", "injured", 30, None, text="30+ injured"),
    ])
