"""Every event's parties as one long table, built once per catalogue: what filters, colours and panels read.

One row per party of a side: event_id, side ("a", "b", …), position on that side, the party as the article
wrote it, its canonical party and faction, its alignment in that event and the alignment of its whole side.
The rules are parties.alignment's; they run once per distinct combination of sides and year (a catalogue
repeats the same few), never once per event.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Sequence

import numpy as np
import pandas as pd

from dashboard.distinct import memoised
from dashboard.model import SIDE_LETTERS
from dashboard.parties.alignment import event_year, party_alignment, side_alignment
from dashboard.parties.names import cell_parties, parse_party

PARTY_COLUMNS = ["event_id", "side", "position", "party", "canonical", "faction", "alignment", "side_alignment"]
SIDE_COLUMNS = ("side_a", "side_b", "side_c")
# side_c of an events CSV holds the third side and, " | "-joined, any further ones.
FURTHER_SIDES = " | "

Sides = tuple[tuple[str, ...], ...]


@lru_cache(maxsize=65536)
def aligned_sides(sides: Sides, year: int | None) -> tuple[tuple[tuple[str, int, str, str, str, str, str], ...], tuple[str, ...]]:
    """The party rows (side, position, party, canonical, faction, alignment, side alignment) of one event's
    sides in one year, and each side's alignment."""
    rows, side_alignments = [], []
    for index, parties in enumerate(sides[:len(SIDE_LETTERS)]):
        opposing = [p for i, side in enumerate(sides) if i != index for p in side]
        whole = side_alignment(list(parties), year, opposing)
        side_alignments.append(whole)
        for position, party in enumerate(parties):
            ref = parse_party(party)
            rows.append((SIDE_LETTERS[index], position, party, ref.canonical, ref.faction,
                         party_alignment(party, year, list(parties), opposing), whole))
    return tuple(rows), tuple(side_alignments)


def parties_table(event_ids: Sequence[str], sides: Sequence[Sides], years: Sequence[int | None]) -> pd.DataFrame:
    """The long parties table of these events (PARTY_COLUMNS), in event order, then side, then position."""
    combos: dict[tuple[Sides, int | None], int] = {}
    codes = np.fromiter((combos.setdefault((s, y), len(combos)) for s, y in zip(sides, years)), dtype=np.int64,
                        count=len(event_ids))
    return rows_per_event(event_ids, codes, [aligned_sides(s, y)[0] for s, y in combos])


def rows_per_event(event_ids: Sequence[str], codes: np.ndarray, per_combo: list[tuple]) -> pd.DataFrame:
    """The parties table (PARTY_COLUMNS) of events whose rows were worked out once per distinct combination:
    event i gets the rows per_combo[codes[i]], in order (a million events share a few thousand combinations)."""
    counts = np.array([len(rows) for rows in per_combo], dtype=np.int64)
    if not counts.sum() or not len(codes):
        return empty_parties()
    flat = [row for rows in per_combo for row in rows]
    starts = np.concatenate([[0], np.cumsum(counts)[:-1]])
    repeats = counts[codes]
    # For each event, the indices of its combination's rows in `flat`.
    offsets = np.arange(repeats.sum()) - np.repeat(np.cumsum(repeats) - repeats, repeats)
    take = np.repeat(starts[codes], repeats) + offsets
    columns = list(zip(*flat))
    frame = pd.DataFrame({
        "event_id": np.repeat(np.asarray(event_ids, dtype=object), repeats),
        **{name: np.asarray(columns[i], dtype=object)[take] for i, name in enumerate(PARTY_COLUMNS[1:])},
    })
    frame["position"] = frame["position"].astype(np.int64)
    return frame


def empty_parties() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=np.int64 if c == "position" else object) for c in PARTY_COLUMNS})


def parties_of_events(events: Iterable) -> pd.DataFrame:
    """The parties table of parsed Events (their `sides` lists, as the readers found them)."""
    events = list(events)
    return parties_table([e.event_id for e in events], [tuple(tuple(side) for side in e.sides) for e in events],
                         [event_year(e.start_date) for e in events])


def parties_of_frame(events: pd.DataFrame) -> pd.DataFrame:
    """The parties table of an events table that has only its "; "-joined side columns (an events CSV)."""
    if events.empty:
        return empty_parties()
    cells = [events[c].fillna("").astype(str) if c in events.columns else pd.Series("", index=events.index)
             for c in SIDE_COLUMNS]
    triple_codes, triples = pd.factorize(pd.Series(list(zip(*(c.tolist() for c in cells))), dtype=object))
    sides_of_triple = [_sides_of_cells(triple) for triple in triples]
    sides = [sides_of_triple[code] for code in triple_codes]
    starts = events["start_date"] if "start_date" in events.columns else pd.Series("", index=events.index)
    years = memoised(event_year, starts.tolist())
    return parties_table(events["event_id"].astype(str).tolist(), sides, years)


def side_alignment_columns(events: pd.DataFrame, parties: pd.DataFrame) -> pd.DataFrame:
    """alignment_a and alignment_b of each event (its sides' alignments in the parties table; "unknown" when a
    side has no party)."""
    out = {}
    for letter in "ab":
        first = parties[(parties["side"] == letter) & (parties["position"] == 0)].drop_duplicates("event_id")
        by_event = pd.Series(first["side_alignment"].to_numpy(), index=first["event_id"].to_numpy())
        out[f"alignment_{letter}"] = by_event.reindex(events["event_id"].to_numpy()).fillna("unknown").to_numpy()
    return pd.DataFrame(out, index=events.index)


def _sides_of_cells(triple: tuple[str, str, str]) -> Sides:
    first, second, rest = triple
    further = rest.split(FURTHER_SIDES) if FURTHER_SIDES in rest else [rest]
    sides = [cell_parties(first), cell_parties(second), *(cell_parties(c) for c in further)]
    while sides and not sides[-1]:
        sides.pop()
    return tuple(sides)
