"""Synthetic battles for the benchmark: places, parties, dates, sides and casualty claims drawn like the real ones.

Places come from the gazetteer's towns, villages and cities (written with their alternative spellings too),
parties from dashboard.parties.PARTIES (names and aliases, only in the years they fought), dates from 2012
to 2024 at day, month or year precision, and every event has several casualty claims with their claimants.
Text lengths (lead, sections, infobox) are close to the seed articles', so memory and payload figures mean
something. Everything is drawn from a seeded random generator: the same arguments give the same data.
"""
from __future__ import annotations

import csv
import datetime as dt
import random
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from dashboard.parties import PARTIES

ROOT = Path(__file__).resolve().parent.parent
GAZETTEER = ROOT / "data" / "gazetteer.csv"
SETTLEMENT_KINDS = ("town", "village", "city")
FIRST_YEAR, LAST_YEAR = 2012, 2024

# Years a party fought in the north (default: the whole war); keeps Wagner out of 2013 and MUJAO out of 2023.
ACTIVE_YEARS: dict[str, tuple[int, int]] = {
    "Wagner Group": (2021, 2024), "France": (2013, 2022), "MINUSMA": (2013, 2023), "AFISMA": (2013, 2013),
    "Chad": (2013, 2014), "Niger": (2013, 2023), "Burkina Faso": (2013, 2023), "Netherlands": (2014, 2019),
    "Platform": (2014, 2024), "GATIA": (2014, 2024), "MAA-Loyalist": (2014, 2024), "CM-FPR": (2014, 2024),
    "CMA": (2014, 2023), "HCUA": (2013, 2024), "MAA-Dissident": (2014, 2023), "MAA": (2012, 2014),
    "CSP": (2023, 2024), "AQIM": (2012, 2017), "Ansar Dine": (2012, 2017), "MOJWA": (2012, 2015),
    "Al-Mourabitoun": (2013, 2017), "Katiba Salahadin": (2013, 2014), "Katiba Macina": (2015, 2024),
    "JNIM": (2017, 2024), "ISGS": (2015, 2024),
}
# How often a party is named relative to others of its alignment (default 1): the army in most events.
PROMINENCE: dict[str, int] = {"Mali": 30, "France": 6, "MINUSMA": 5, "Wagner Group": 8, "GATIA": 4, "MNLA": 8,
                              "JNIM": 10, "ISGS": 6, "HCUA": 3, "CMA": 4, "AQIM": 4, "Ansar Dine": 4, "MOJWA": 4,
                              "CSP": 4}
SIDE_SIZES = (1, 1, 1, 1, 1, 1, 2, 2, 2, 3)  # parties per side: mostly one, sometimes a coalition of two or three
# Who fights whom: side A is the state or its allies, side B the rebels or jihadists they fight.
SIDE_A_ALIGNMENTS = ("state", "state ally", "international", "pro-government")
SIDE_B_ALIGNMENTS = ("rebel", "jihadist")
CASUALTY_WORDS = {"killed": ("killed", "dead"), "injured": ("injured", "wounded"), "captured": ("prisoners", "captured"),
                  "missing": ("missing",), "vehicles destroyed": ("vehicles destroyed",),
                  "vehicles captured": ("vehicles captured",)}
COMMANDERS = ("El Hadj Ag Gamou", "Didier Dacko", "Bilal Ag Acherif", "Iyad Ag Ghaly", "Sidi Brahim Ould Sidati",
              "Yoro Ould Daha", "Alghabass Ag Intalla", "Moussa Ag Acharatoumane", "Amadou Koufa", "Hamada Ag Hama",
              "Mokhtar Belmokhtar", "Adnan Abu Walid al-Sahrawi", "Fahad Ag Almahmoud", "Ibrahim Ag Bahanga")
RESULTS = ("Malian victory", "MNLA victory", "Rebel victory", "Jihadist victory", "Inconclusive", "Loyalist victory",
           "Russo-Malian victory", "French victory")
TITLE_FORMS = ("Battle of {place} ({year})", "{place} ambush", "Attack on {place}", "{place} skirmish",
               "Siege of {place}", "Raid on {place}")
_FILLER = (
    "Little is known about what occurred leading up to the clash, and both sides blamed one another for the attack.",
    "Witnesses in the town described heavy gunfire from the early morning until around midday.",
    "Reinforcements arrived from the regional capital in the afternoon, and the fighting subsided after a few hours.",
    "The government spokesman confirmed control of the area, which was corroborated later by local officials.",
    "Humanitarian organisations reported that several hundred residents fled towards the surrounding villages.",
    "The attack came amid rising tension between the signatory groups over the control of the roads to the north.",
    "A convoy of pick-up trucks was seen leaving the area at dawn, heading towards the Algerian border.",
    "The mission condemned the violence and called on all parties to respect the ceasefire agreements.",
)


@dataclass(frozen=True)
class Settlement:
    name: str
    spellings: tuple[str, ...]  # the name and its alternative spellings, as articles write them
    region: str
    latitude: float
    longitude: float


@dataclass
class Battle:
    """One synthetic event, from which both a table row and an article in any shape are made."""
    number: int
    title: str
    settlement: Settlement
    place: str  # as written: "Anefis, Kidal Region, Mali"
    start: dt.date
    end: dt.date
    precision: str  # day, month, year
    sides: list[list[str]]
    commanders: list[list[str]]
    strengths: list[str]
    casualties: list[list[tuple[str, list[tuple[str, str, str]]]]]  # per side: [(claimant, [(figure, kind, word)])]
    result: str
    lead: str
    sections: list[tuple[str, str]] = field(default_factory=list)


# The regions the war's articles are about (the gazetteer also has Mali's south, for places they mention).
WAR_REGIONS = ("Kidal", "Gao", "Ménaka", "Tombouctou", "Taoudénit", "Mopti", "Ségou")


def settlements(gazetteer_path: str | Path = GAZETTEER) -> list[Settlement]:
    """The gazetteer's towns, villages and cities in the war's regions of Mali."""
    with open(gazetteer_path, encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if r["kind"] in SETTLEMENT_KINDS and r["region"] in WAR_REGIONS]
    return [Settlement(r["name"], (r["name"], *[a.strip() for a in r["alt_names"].split(";") if a.strip()]), r["region"],
                       float(r["latitude"]), float(r["longitude"])) for r in rows]


def parties_by_alignment() -> dict[str, list[tuple[str, tuple[str, ...]]]]:
    """{alignment: [(canonical name, aliases)]} from dashboard.parties.PARTIES."""
    out: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for party in PARTIES:
        out.setdefault(party.alignment, []).append((party.name, party.aliases))
    return out


def _active(name: str, year: int) -> bool:
    first, last = ACTIVE_YEARS.get(name, (FIRST_YEAR, LAST_YEAR))
    return first <= year <= last


@lru_cache(maxsize=None)
def _candidates(alignments: tuple[str, ...], year: int) -> list[tuple[str, tuple[str, ...]]]:
    pool = parties_by_alignment()
    return [(n, a) for al in alignments for n, a in pool.get(al, []) if _active(n, year)]


def _side(rng: random.Random, alignments: tuple[str, ...], year: int, size: int) -> list[str]:
    """Up to `size` distinct parties of these alignments active in `year` (prominent ones far more often),
    a few written with an alias as articles do."""
    candidates = list(_candidates(alignments, year))
    chosen = []
    while candidates and len(chosen) < size:
        pick = rng.choices(candidates, weights=[PROMINENCE.get(name, 1) for name, _ in candidates])[0]
        candidates.remove(pick)
        chosen.append(pick)
    return [rng.choice([a for a in aliases if len(a) < 30] or [name]) if aliases and rng.random() < 0.15 else name
            for name, aliases in chosen]


def _dates(rng: random.Random) -> tuple[dt.date, dt.date, str]:
    start = dt.date(FIRST_YEAR, 1, 1) + dt.timedelta(days=rng.randrange((dt.date(LAST_YEAR, 12, 31) - dt.date(FIRST_YEAR, 1, 1)).days))
    draw = rng.random()
    if draw < 0.05:
        return dt.date(start.year, 1, 1), dt.date(start.year, 12, 31), "year"
    if draw < 0.2:
        first = start.replace(day=1)
        following = (first + dt.timedelta(days=32)).replace(day=1)
        return first, following - dt.timedelta(days=1), "month"
    length = rng.choice((0, 0, 0, 0, 1, 1, 2, 3, 5))
    return start, min(start + dt.timedelta(days=length), dt.date(LAST_YEAR, 12, 31)), "day"


def _casualties(rng: random.Random, sides: list[list[str]]) -> list[list[tuple[str, list[tuple[str, str, str]]]]]:
    """Per side (and a civilian block, sometimes): one to three claimants, each with a few figures."""
    blocks = []
    every_party = [p for side in sides for p in side]
    for index in range(len(sides) + (1 if rng.random() < 0.2 else 0)):
        groups = []
        for _ in range(rng.choice((1, 1, 2, 2, 3))):
            claimant = rng.choice(every_party) if rng.random() < 0.85 else ""
            figures = []
            for kind in rng.sample(list(CASUALTY_WORDS), rng.choice((1, 1, 2, 3))):
                word = rng.choice(CASUALTY_WORDS[kind])
                draw, low = rng.random(), rng.randint(1, 60)
                figure = "dozens" if draw < 0.05 else f"{low}–{low + rng.randint(1, 20)}" if draw < 0.2 else \
                    f"{low}+" if draw < 0.25 else str(low)
                figures.append((figure, kind, f"civilians {word}" if index == len(sides) and kind == "killed" else word))
            groups.append((claimant, figures))
        blocks.append(groups)
    return blocks


def _sentences(rng: random.Random, first: str, n: int) -> str:
    return " ".join([first, *rng.sample(_FILLER, n)])


def plain_date(start: dt.date, end: dt.date, precision: str) -> str:
    """'June 5, 2013', 'November 10–14, 2023', 'June 2013', '2013' (as the Markdown dumps write them)."""
    if precision == "year":
        return str(start.year)
    if precision == "month":
        return start.strftime("%B %Y")
    if start == end:
        return f"{start:%B} {start.day}, {start.year}"
    if (start.year, start.month) == (end.year, end.month):
        return f"{start:%B} {start.day}–{end.day}, {start.year}"
    if start.year == end.year:
        return f"{start:%B} {start.day} – {end:%B} {end.day}, {start.year}"
    return f"{start:%B} {start.day}, {start.year} – {end:%B} {end.day}, {end.year}"


def battles(n: int, seed: int = 0, gazetteer_path: str | Path = GAZETTEER) -> list[Battle]:
    """n synthetic battles with places, dates, two or three multi-party sides and per-claimant casualty figures."""
    rng = random.Random(seed)
    places = settlements(gazetteer_path)
    out = []
    for number in range(n):
        settlement = rng.choice(places)
        start, end, precision = _dates(rng)
        year = start.year
        sides = [_side(rng, SIDE_A_ALIGNMENTS, year, rng.choice(SIDE_SIZES)),
                 _side(rng, SIDE_B_ALIGNMENTS, year, rng.choice(SIDE_SIZES))]
        if rng.random() < 0.1:
            sides.append(_side(rng, ("jihadist", "international"), year, 1))
        spelling = rng.choice(settlement.spellings)
        place = f"{spelling}, {settlement.region} Region, Mali"
        title = rng.choice(TITLE_FORMS).format(place=spelling, year=year)
        commanders = [[rng.choice(COMMANDERS) + (" (killed in action)" if rng.random() < 0.05 else "")
                       for _ in range(rng.choice((0, 1, 1, 2)))] for _ in sides]
        strengths = [rng.choice(("Unknown", "Several hundred men", f"{rng.randint(2, 80) * 10} men", "~100", "12 vehicles"))
                     for _ in sides]
        when = f"On {plain_date(start, end, precision)}" if precision == "day" else f"In {plain_date(start, end, precision)}"
        lead = _sentences(rng, f"{when}, clashes broke out between "
                               f"{' and '.join(s[0] for s in sides)} in {spelling}, {settlement.region} Region, Mali.", 2)
        sections = [("Background", _sentences(rng, f"Tensions had risen around {spelling} for several weeks.", 4)),
                    ("Battle", _sentences(rng, f"Fighting began around fifteen kilometers west of {spelling}.", 4)),
                    ("Aftermath", _sentences(rng, "Both sides published their own casualty figures.", 2))]
        out.append(Battle(number, title, settlement, place, start, end, precision, sides, commanders, strengths,
                          _casualties(rng, sides), rng.choice(RESULTS), lead, sections))
    return out


def casualty_text(groups: list[tuple[str, list[tuple[str, str, str]]]]) -> str:
    """'2 dead, 2 injured (per MNLA), 30 killed (per Mali)'."""
    parts = []
    for claimant, figures in groups:
        text = ", ".join(f"{figure} {word}" for figure, _, word in figures)
        parts.append(f"{text} (per {claimant})" if claimant else text)
    return ", ".join(parts)


def infobox(battle: Battle) -> dict[str, str]:
    box = {"Conflict": battle.title, "Place": battle.place, "Partof": "Mali War",
           "Date": plain_date(battle.start, battle.end, battle.precision), "Result": battle.result}
    for i, side in enumerate(battle.sides, 1):
        box[f"Combatant{i}"] = ", ".join(side)
    for i, names in enumerate(battle.commanders, 1):
        box[f"Commander{i}"] = ", ".join(names) or "Unknown"
    for i, strength in enumerate(battle.strengths, 1):
        box[f"Strength{i}"] = strength
    for i, groups in enumerate(battle.casualties, 1):
        box[f"Casualties{i}"] = casualty_text(groups)
    return box
