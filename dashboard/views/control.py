"""Who held each place from when to when, worked out once from every article's statements of control.

Statements that disagree are kept side by side: when two say different camps held a place at overlapping times
(one article has the Malian army retake Kidal in May 2014, others have the MNLA keep it), that period is
"disputed" and lists both, each with its sources. A camp is left (abandoned, evacuated, withdrawn from) when a
statement says so, and the place has no known holder until the next statement. Undated statements are in a
place's list of statements, not in its periods.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from dashboard.ingest.place_phrases import site_key
from dashboard.parties import expand_faction
from dashboard.text.fold import name_key
from dashboard.views.filters import ARTICLES

PERIOD_COLUMNS = ["place_key", "place", "site", "latitude", "longitude", "location_precision", "start", "precision",
                  "end", "end_precision", "holders", "alignments", "disputed", "left_by", "statements"]
KIND_OF_CHANGE = {"took": "taken", "recaptured": "taken", "held": "held", "abandoned": "left", "evacuated": "left",
                  "withdrew": "left"}


def control_place_keys(control: pd.DataFrame) -> pd.Series:
    """Each statement's place as one key: the place's folded name, and its site's ("kidal", "kidal·camp")."""
    places = control["place"].map(name_key)
    sites = control["site"].map(site_key)
    return places.where(sites == "", places + "·" + sites)


def control_periods(control: pd.DataFrame) -> pd.DataFrame:
    """Who held each place from when to when (PERIOD_COLUMNS).

    `end` is the day the next period starts ("" for the last, still open); `statements` are the control rows behind
    a period (their index in `control`).
    """
    if control.empty:
        return pd.DataFrame(columns=PERIOD_COLUMNS)
    keyed = control.assign(_key=control_place_keys(control))
    rows = []
    for key, statements in keyed.groupby("_key", sort=True):
        first = statements.iloc[0]
        periods = _periods(by_date(statements))
        for i, period in enumerate(periods):
            rows.append({"place_key": key, "place": first["place"], "site": first["site"],
                         "latitude": first["latitude"], "longitude": first["longitude"],
                         "location_precision": first["location_precision"], "start": period.start,
                         "precision": period.precision,
                         "end": periods[i + 1].start if i + 1 < len(periods) else "",
                         "end_precision": periods[i + 1].precision if i + 1 < len(periods) else "",
                         "holders": [h for names in period.holders.values() for h in names],
                         "alignments": list(period.holders), "disputed": period.disputed, "left_by": period.left_by,
                         "statements": [said.row for said in period.said]})
    return pd.DataFrame(rows, columns=PERIOD_COLUMNS)


def holders_on(periods: pd.DataFrame, day: str) -> pd.DataFrame:
    """The periods with a known holder on a day (ISO): at most one per place."""
    on = (periods["start"] <= day) & ((periods["end"] == "") | (periods["end"] > day))
    return periods[on & periods["alignments"].map(bool)]


@dataclass(frozen=True)
class _Said:
    """One dated statement in a period."""
    row: int
    span: tuple[str, str, str]  # start, end, precision
    camp: str = ""  # "" for a statement that someone left
    holder: str = ""
    parties: frozenset[str] = frozenset()


@dataclass
class _Period:
    """A stretch of time a place had one holder, a disputed holder or none known, and the statements behind it."""
    said: list[_Said] = field(default_factory=list)
    left_by: str = ""
    disputed: bool = False

    @property
    def holders(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for said in self.said:
            if said.camp:
                names = out.setdefault(said.camp, [])
                if said.holder and said.holder not in names:
                    names.append(said.holder)
        return out

    @property
    def start(self) -> str:
        """Its first statement's date, made finer by a later statement inside it ("June 2013", then "June 5")."""
        first = self.said[0].span
        finer = [s.span[0] for s in self.said[1:] if s.span[2] == "day" and s.span[0] and
                 _anchor(first) <= s.span[0] <= (first[1] or _anchor(first))]
        return min(finer) if first[2] != "day" and finer else _anchor(first)

    @property
    def precision(self) -> str:
        """How precisely its start is known: that of the statement it comes from."""
        return next((s.span[2] for s in self.said if _anchor(s.span) == self.start), self.said[0].span[2]) or "day"

    def overlapping(self, said: _Said) -> list[int]:
        return [i for i, own in enumerate(self.said) if _overlaps(own.span, said.span)]

    def agrees(self, said: _Said, at: list[int]) -> bool:
        """The statement names the same holders as these: the same camp, or a party in common."""
        return any(self.said[i].camp == said.camp or self.said[i].parties & said.parties for i in at)


def _periods(statements: pd.DataFrame) -> list[_Period]:
    """Dated statements, in date order, as periods. A statement of holding goes on with the same camp; a place
    taken starts a period; statements at the same time that name other holders make it disputed; a holder
    leaving ends its period."""
    periods: list[_Period] = []
    for index, row in statements.iterrows():
        span = (row["date_start"], row["date_end"], row["precision"])
        if not _anchor(span):
            continue  # undated: in the place's list of statements, not in its periods
        kind = KIND_OF_CHANGE.get(row["change"], "held")
        said = _Said(index, span) if kind == "left" else _Said(
            index, span, row["holder_alignment"], row["holder"] or "; ".join(row["holder_parties"]),
            frozenset(row["holder_parties"]))
        current = periods[-1] if periods else None
        if current is None:
            periods.append(_Period(left_by=row["previous"] if kind == "left" else ""))
        elif kind == "left":
            starts_today = not current.holders and _anchor(current.said[0].span) == _anchor(span)
            if not starts_today and (not current.holders or row["previous_alignment"] in current.holders):
                periods.append(_Period(left_by=row["previous"]))  # else: the loser leaving what was just taken
        else:
            at = current.overlapping(said)
            if not current.holders:
                if _anchor(current.said[0].span) != _anchor(span):
                    periods.append(_Period())  # else: "Malian forces retreated, abandoning Anefis"; rebels took it
            elif at and not current.agrees(said, at) and not current.disputed:
                periods[-1:] = _split(current, at[0])
            elif not at and (kind == "taken" or current.disputed or said.camp not in current.holders):
                periods.append(_Period())
        periods[-1].said.append(said)
    return periods


def _split(current: _Period, first: int) -> list[_Period]:
    """The period cut where statements start to disagree: before, one holder; from there on, disputed."""
    disputed = _Period(current.said[first:], disputed=True)
    return [_Period(current.said[:first], current.left_by), disputed] if first else [disputed]


def _anchor(span: tuple[str, str, str]) -> str:
    return span[0] or span[1]


def _overlaps(a: tuple[str, str, str], b: tuple[str, str, str]) -> bool:
    """Two statements at the same time: their ranges overlap, and both are dated to the month or the day (a year
    is too coarse to say two statements disagree)."""
    if "year" in (a[2], b[2]) or not (a[0] or a[1]) or not (b[0] or b[1]):
        return False
    a_start, a_end = a[0] or a[1], a[1] or a[0]
    b_start, b_end = b[0] or b[1], b[1] or b[0]
    return a_start <= b_end and b_start <= a_end


def by_date(statements: pd.DataFrame) -> pd.DataFrame:
    """Statements by date (start, else the end bound), undated ones last, the articles' order kept within a day."""
    anchor = statements["date_start"].where(statements["date_start"] != "", statements["date_end"])
    return statements.assign(_anchor=anchor.where(anchor != "", "9999")).sort_values(
        "_anchor", kind="stable").drop(columns="_anchor")




def control_mask(control: pd.DataFrame, *, start=None, end=None, factions=(), regions=(), kinds=(), sources=(),
                 **_of_events) -> pd.Series:
    """Which statements a filter state keeps (the arguments of FilterState): dated inside the dates, naming a
    chosen faction as holder or loser, in a chosen region, from an article or a related summary; none when the
    sources chosen leave the articles out (every statement is an article's). The filters that choose events only
    (event type, search words, gaps) keep every statement."""
    keep = pd.Series(not sources or ARTICLES in sources, index=control.index, dtype=bool)
    anchor = control["date_start"].where(control["date_start"] != "", control["date_end"])
    last = control["date_end"].where(control["date_end"] != "", control["date_start"])
    if start is not None:
        keep &= (last != "") & (last >= str(start))
    if end is not None:
        keep &= (anchor != "") & (anchor <= str(end))
    if factions:
        wanted = set().union(*(expand_faction(f) for f in factions))
        named = [bool(wanted.intersection(a) or wanted.intersection(b)) for a, b in zip(control["holder_parties"], control["previous_parties"])]
        keep &= pd.Series(named, index=control.index, dtype=bool)
    if regions:
        keep &= control["region"].map(name_key).isin({name_key(r) for r in regions})
    if kinds:
        keep &= control["origin"].map(lambda o: "related" if o == "related" else "article").isin(set(kinds))
    return keep


def filtered_control(control: pd.DataFrame, state) -> pd.DataFrame:
    """The statements of control a FilterState shows (what the app exports), by date."""
    return by_date(control[control_mask(control, **vars(state))]) if len(control) else control


def filtered_periods(periods: pd.DataFrame, control: pd.DataFrame, state) -> pd.DataFrame:
    """The periods a FilterState shows: overlapping its dates, with a statement it keeps (its other filters)."""
    if periods.empty:
        return periods
    others = {k: v for k, v in vars(state).items() if k not in ("start", "end")}
    kept = set(control.index[control_mask(control, **others)])
    keep = periods["statements"].map(lambda rows: bool(kept.intersection(rows)))
    if state.start is not None:
        keep &= (periods["end"] == "") | (periods["end"] > str(state.start))
    if state.end is not None:
        keep &= periods["start"] <= str(state.end)
    return periods[keep]
