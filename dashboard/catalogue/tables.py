"""The catalogue as tables: events (one row each: the events.csv columns, then derived ones), claims, parties
and problems, made from parsed Events, with the dtypes every reader of a catalogue gets back."""
from __future__ import annotations

import json
from dataclasses import dataclass, field, replace

import pandas as pd

from dashboard.casualties.estimate import with_best_killed
from dashboard.catalogue import export, store
from dashboard.datasets.base import claims_for_size
from dashboard.ingest.parse import ParsedArticle
from dashboard.model import (
    CLAIM_COLUMNS, CONTROL_COLUMNS, EPISODE_COLUMNS, EVENT_COLUMNS, PROBLEM_COLUMNS, SIDE_LETTERS, TEXT_COLUMNS,
    ControlChange, Episode, Event, Problem,
)
from dashboard.parties import PARTY_COLUMNS, event_year, party_label, parties_of_events, parties_of_frame, side_alignment_columns
from dashboard.parties.mentions import parties_alignment
from dashboard.views.event_types import event_types

# Worked out from the other tables once per catalogue, kept in the store, not in events.csv.
DERIVED_COLUMNS = ("alignment_a", "alignment_b", "best_killed", "event_type")


@dataclass
class Catalogue:
    events: pd.DataFrame
    claims: pd.DataFrame
    problems: pd.DataFrame
    parties: pd.DataFrame | None = None  # PARTY_COLUMNS; derived from the events' side columns when not given
    articles: list[ParsedArticle] = field(default_factory=list)
    merged: int = 0  # related summaries merged into the article that describes the same event
    # Where TEXT_COLUMNS are read from when `events` leaves them out (a catalogue served from a disk store).
    text: store.EventText | None = None
    control: pd.DataFrame | None = None  # CONTROL_COLUMNS: who held which place when, one statement a row
    episodes: pd.DataFrame | None = None  # EPISODE_COLUMNS: each event's dated sentences
    cache_off: str = ""  # why the catalogue is held in memory instead of its disk store ("" when it is not)
    # Article events linked to dataset events (datasets.link.LINK_COLUMNS); None when no dataset was read.
    links: pd.DataFrame | None = None
    datasets: list = field(default_factory=list)  # datasets.Detected of each dataset file read, with its counts

    def __post_init__(self) -> None:
        if self.parties is None:
            self.parties = catalogue_parties(self.events)
        if self.control is None:
            self.control = control_frame([])
        if self.episodes is None:
            self.episodes = episodes_frame([])

    def with_text(self, events: pd.DataFrame) -> pd.DataFrame:
        """These rows of `events` with TEXT_COLUMNS, read from the store when the shared table leaves them out, and
        their linked ids (linked_events)."""
        if self.links is not None and len(self.links) and "linked_events" in events.columns:
            from dashboard.datasets.link import linked_ids

            ids = set(events["event_id"])
            mine = self.links[self.links["event_id"].isin(ids) | self.links["dataset_event_id"].isin(ids)]
            events = events.assign(linked_events=linked_ids(events, mine).to_numpy())
        if self.text is None or all(c in events.columns for c in TEXT_COLUMNS):
            return events
        texts = self.text.rows(events[store.ROW])
        return events.assign(**{c: texts[c].to_numpy() for c in TEXT_COLUMNS})

    def event_text(self, event_id: str) -> dict[str, str]:
        """TEXT_COLUMNS of one event ({} for an unknown id)."""
        rows = self.with_text(self.events[self.events["event_id"] == event_id].head(1))
        return {c: rows.iloc[0][c] for c in TEXT_COLUMNS} if len(rows) else {}


def with_derived(events: pd.DataFrame, claims: pd.DataFrame, parties: pd.DataFrame) -> pd.DataFrame:
    """The events with DERIVED_COLUMNS: each side's alignment (from the parties table), the best estimate of
    killed (from the claims) and the type of event (from the title and lead, while the lead is at hand)."""
    bare = events.drop(columns=[c for c in DERIVED_COLUMNS if c in events.columns])
    aligned = pd.concat([bare, side_alignment_columns(bare, parties)], axis=1)
    return with_best_killed(aligned, None if claims is None else claims_for_size(claims)).assign(
        event_type=event_types(bare))


def with_links(events: pd.DataFrame, links: pd.DataFrame | None, *, ids: bool = False) -> pd.DataFrame:
    """The events with, per dataset kind, how many of its events each is linked to ("linked_<kind>", what the
    gap filters read) and, with `ids`, their linked ids (linked_events, for events.csv; a shared table leaves
    them to `Catalogue.with_text`, for the rows exported)."""
    if links is None:
        return events
    from dashboard.datasets import DATASET_KINDS
    from dashboard.datasets.link import link_counts, linked_ids

    counts = {f"linked_{kind}": link_counts(events, links, kind) for kind in DATASET_KINDS}
    return events.assign(**counts, **({"linked_events": linked_ids(events, links)} if ids else {}))


def catalogue_parties(events: pd.DataFrame) -> pd.DataFrame:
    """The parties table of an events table read from CSV: the articles' side cells read by parties.names, a
    dataset's actors by datasets.actors (their conventions differ: "Civilians (Mali)" is not Mali)."""
    from dashboard.datasets import DATASET_KINDS
    from dashboard.datasets.actors import parties_of_side_cells

    is_dataset = events["kind"].isin(DATASET_KINDS).to_numpy() if "kind" in events.columns else None
    if is_dataset is None or not is_dataset.any():
        return parties_of_frame(events)
    found = parties_of_side_cells(events[is_dataset])
    return pd.concat([parties_of_frame(events[~is_dataset]), found], ignore_index=True) if (~is_dataset).any() else found


def events_frame(events: list[Event]) -> pd.DataFrame:
    rows = [event_row(e) for e in events]
    frame = pd.DataFrame(rows, columns=EVENT_COLUMNS)
    frame["linked_events"] = ""  # filled once the catalogue's events are linked to datasets (with_links)
    frame["latitude"] = pd.to_numeric(frame["latitude"], errors="coerce").astype("float64")
    frame["longitude"] = pd.to_numeric(frame["longitude"], errors="coerce").astype("float64")
    frame["location_precision"] = pd.array(frame["location_precision"].tolist(), dtype="Int64")
    return frame


def event_row(event: Event) -> dict:
    """One events.csv row: list fields "; "-joined for people reading the file (the parties table keeps them as data)."""
    row = {column: getattr(event, column, "") for column in EVENT_COLUMNS if hasattr(event, column)}
    for i, letter in enumerate(SIDE_LETTERS[:3]):
        row[f"side_{letter}"] = "; ".join(_nth(event.sides, i))
        row[f"parties_{letter}"] = "; ".join(dict.fromkeys(party_label(p) for p in _nth(event.sides, i)))
        row[f"commanders_{letter}"] = "; ".join(_nth(event.commanders, i))
        row[f"strength_{letter}"] = event.strengths[i] if i < len(event.strengths) else ""
    if len(event.sides) > 3:  # a fourth side or more: kept in side_c rather than dropped
        row["side_c"] = " | ".join("; ".join(s) for s in event.sides[2:])
        row["parties_c"] = " | ".join("; ".join(party_label(p) for p in s) for s in event.sides[2:])
    row["origins"] = json.dumps(event.origins, ensure_ascii=False) if event.origins else ""
    row["also_described_in"] = "; ".join(event.also_described_in)
    row["sections"] = json.dumps([list(s) for s in event.sections], ensure_ascii=False)
    row["infobox"] = json.dumps(event.infobox, ensure_ascii=False)
    return row


def claims_frame(events: list[Event]) -> pd.DataFrame:
    """CLAIM_COLUMNS for every claim of these events; claim ids (and the revised_by / part_of that point at them)
    made unique across the catalogue by the event id: "ev-0123456789-c3"."""
    pairs = [(e.event_id, c if c.claim_id else replace(c, claim_id=f"c{n}"))
             for e in events for n, c in enumerate(e.claims, 1)]
    linked = ("claim_id", "revised_by", "part_of")
    frame = pd.DataFrame({
        "event_id": [event_id for event_id, _ in pairs],
        **{k: [_claim_ref(event_id, getattr(c, k)) if k in linked else getattr(c, k) for event_id, c in pairs]
           for k in CLAIM_COLUMNS[1:] if k not in ("low", "high")}})
    for column in ("low", "high"):
        frame[column] = pd.array([getattr(c, column) for _, c in pairs], dtype="Int64")
    return frame[CLAIM_COLUMNS]


def _claim_ref(event_id: str, local: str) -> str:
    return f"{event_id}-{local}" if local else ""


def parties_frame(events: list[Event]) -> pd.DataFrame:
    return parties_of_events(events)


# Columns that hold a list of canonical parties: lists in memory and in the store, "; "-joined in a CSV.
PARTY_LIST_COLUMNS = ("holder_parties", "previous_parties", "actor_parties")


def control_frame(changes: list[ControlChange]) -> pd.DataFrame:
    """The control table (CONTROL_COLUMNS), each side's camp worked out once here (holder_alignment, …)."""
    rows = []
    for change in changes:
        year = event_year(change.date_start or change.date_end)
        rows.append({**vars(change), "holder_alignment": parties_alignment(change.holder_parties, year),
                     "previous_alignment": parties_alignment(change.previous_parties, year)})
    return _typed_rows(pd.DataFrame(rows, columns=CONTROL_COLUMNS), CONTROL_COLUMNS)


def episodes_frame(episodes: list[Episode]) -> pd.DataFrame:
    return _typed_rows(pd.DataFrame([vars(e) for e in episodes], columns=EPISODE_COLUMNS), EPISODE_COLUMNS)


def typed_control(frame: pd.DataFrame) -> pd.DataFrame:
    """Text cells read from a control CSV as the control table's dtypes."""
    return _typed_rows(_unguarded(_text_columns(frame, CONTROL_COLUMNS)).astype(object), CONTROL_COLUMNS)


def typed_episodes(frame: pd.DataFrame) -> pd.DataFrame:
    return _typed_rows(_unguarded(_text_columns(frame, EPISODE_COLUMNS)).astype(object), EPISODE_COLUMNS)


def stored_control(frame: pd.DataFrame) -> pd.DataFrame:
    """The control table as read back from the Parquet store (its lists come back as arrays)."""
    return _typed_rows(frame, CONTROL_COLUMNS)


def stored_episodes(frame: pd.DataFrame) -> pd.DataFrame:
    return _typed_rows(frame, EPISODE_COLUMNS)


def _typed_rows(frame: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """One dtype per column whatever the source: floats for coordinates, nullable ints, bools, lists of parties."""
    out = frame.reindex(columns=columns)
    for column in columns:
        values = out[column]
        if column in ("latitude", "longitude"):
            out[column] = pd.to_numeric(values.replace("", None), errors="coerce").astype("float64")
        elif column in ("location_precision", "position"):
            out[column] = pd.to_numeric(values.replace("", None), errors="coerce").astype("Int64")
        elif column == "background":
            out[column] = values.map(lambda v: v is True or str(v).strip().lower() == "true").astype(bool)
        elif column in PARTY_LIST_COLUMNS:
            out[column] = values.map(_party_list)
        else:
            out[column] = values.map(lambda v: "" if v is None or (isinstance(v, float) and v != v) else str(v))
    return out.reset_index(drop=True)


def _party_list(value) -> list[str]:
    """A list of parties from a list, an array (Parquet) or the CSV's "; "-joined text (read once, here)."""
    if isinstance(value, str):
        return [p.strip() for p in value.split(";") if p.strip()]
    if value is None or (isinstance(value, float) and value != value):
        return []
    return [str(p) for p in value]


def problems_frame(problems: list[Problem]) -> pd.DataFrame:
    return pd.DataFrame([vars(p) for p in problems], columns=PROBLEM_COLUMNS)


def typed_events(frame: pd.DataFrame) -> pd.DataFrame:
    """Text cells read from an events CSV as EVENT_COLUMNS with their dtypes."""
    events = _text_columns(frame, EVENT_COLUMNS)
    for column in ("latitude", "longitude"):
        events[column] = _numbers(events[column]).astype("float64")
    events["location_precision"] = _numbers(events["location_precision"]).astype("Int64")
    return _unguarded(events)


def typed_claims(frame: pd.DataFrame) -> pd.DataFrame:
    claims = _text_columns(frame, CLAIM_COLUMNS)
    for column in ("low", "high"):
        claims[column] = _numbers(claims[column]).astype("Int64")
    return _unguarded(claims)


def typed_parties(frame: pd.DataFrame) -> pd.DataFrame:
    parties = _text_columns(frame, PARTY_COLUMNS)
    parties["position"] = _numbers(parties["position"]).fillna(0).astype("int64")
    return _unguarded(parties)


def typed_problems(frame: pd.DataFrame) -> pd.DataFrame:
    return _text_columns(frame, PROBLEM_COLUMNS)


def _text_columns(frame: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    return frame.reindex(columns=columns, fill_value="").astype("string[pyarrow]")


def _numbers(column: pd.Series) -> pd.Series:
    return pd.to_numeric(column.replace("", None), errors="coerce")


def _unguarded(frame: pd.DataFrame) -> pd.DataFrame:
    """Text columns with the export's spreadsheet guard (a leading apostrophe) taken off again."""
    for column in frame.columns:
        if isinstance(frame[column].dtype, pd.StringDtype):
            guarded = frame[column].str.match(export.GUARDED_FORMULA).fillna(False).astype(bool)
            if guarded.any():  # only cells our own export guarded; the rest stay as read
                frame[column] = frame[column].where(~guarded, frame[column].str[1:])
    return frame


def _nth(lists: list[list[str]], i: int) -> list[str]:
    return lists[i] if i < len(lists) else []
