"""An event's casualty claims as the detail panel shows them, as plain data (the app escapes what it renders).

Three views of the same claims: one row per claim with conflicting figures for the same side and kind next to each
other (claims_table); the range they imply per side and kind (claims_range: side b killed, 2 per MNLA and 30 per
Mali -> 2–30); and every claimant with their own claims, each with its sentence, date, revision and reference
(claimant_groups). A part of a breakdown ("including forty-seven rebel MAA") is shown under its total and left out
of the ranges, which it would otherwise stretch.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from dashboard.text.when import when_text

SIDES = ("a", "b", "c")
SIDE_ORDER = (*SIDES, "civilian", "unknown")
KIND_ORDER = ("killed", "executed", "injured", "captured", "missing", "vehicles destroyed", "vehicles captured",
              "aircraft lost", "displaced", "unknown")
CLAIMS_TABLE_COLUMNS = ["side", "kind", "figure", "low", "high", "claimed_by", "text", "origin", "stated_on",
                        "revised"]
CLAIMS_RANGE_COLUMNS = ["side", "kind", "range", "low", "high", "claims", "unquantified", "claimants", "claimed_by",
                        "conflicting"]
UNATTRIBUTED = "unattributed"
_SAFE_URL = re.compile(r"^https?://[^\s<>\"'()\[\]`\\]+$")
# Columns of a claims table from before claims were read from the text: what those claims have.
_DEFAULTS = {"claim_id": "", "origin": "infobox", "section": "", "sentence": "", "stated_on": "", "revised_by": "",
             "part_of": "", "words": "", "claimant_org": "", "footnote": "", "reference": "",
             "reference_publisher": "", "reference_url": ""}


@dataclass
class ClaimLine:
    """One claim of a statement."""
    side: str  # "Side B: MNLA…", "Civilians"
    kind: str
    figure: str  # "30", "14+", "unquantified"
    words: str  # the figure as written ("thirty", "a dozen"), "" for the infobox
    where: str  # "infobox", "Battle section", "infobox and Battle section", "lead"
    revised_by: str  # "30 killed, per Malian government (6 June 2013)" when a later figure revised this one
    revises: str  # the earlier figure this one revised
    part_of: str  # "111 killed" for a part of a breakdown


@dataclass
class Statement:
    """What a claimant says in one sentence (or one infobox field): the words, when, the source, its claims."""
    quote: str  # the sentence, else the infobox's words
    stated_on: str  # "6 June 2013", "" when the text gives no date
    reference: str  # "[7] Mali says 50 soldiers killed in Kidal fighting — Reuters"
    reference_url: str  # only an http(s) address, else ""
    claims: list[ClaimLine] = field(default_factory=list)


@dataclass
class ClaimantGroup:
    claimant: str  # "Souleymane Maiga (Mali)", or "unattributed"
    speaks_for: str  # the party or outlet, "" when not known
    statements: list[Statement] = field(default_factory=list)

    @property
    def claims(self) -> list[ClaimLine]:
        return [claim for statement in self.statements for claim in statement.claims]


def _int(value: Any) -> int | None:
    return None if value is None or pd.isna(value) else int(value)


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def figure_text(low: Any, high: Any) -> str:
    """ "30", "10–20", "14+" (open-ended), "up to 30", or "unquantified" ("dozens")."""
    low, high = _int(low), _int(high)
    if low is None and high is None:
        return "unquantified"
    if high is None:
        return f"{low}+"
    if low is None:
        return f"up to {high}"
    return str(low) if low == high else f"{low}–{high}"


def side_label(side: str, labels: dict[str, str]) -> str:
    if labels.get(side):
        return labels[side]
    return {"civilian": "Civilians", "unknown": "Side not stated"}.get(side) or (
        f"Side {side.upper()}" if side in SIDES else side)


def _short(label: str) -> str:
    """ "Side A: MAA-Loyalist; GATIA; CM-FPR II" -> "Side A: MAA-Loyalist…" (the panel lists each side in full)."""
    head, sep, parties = label.partition(": ")
    first, more, _ = parties.partition("; ")
    return f"{head}{sep}{first}{'…' if more else ''}"


def complete(claims: pd.DataFrame) -> pd.DataFrame:
    """The claims with every column the panel reads (an older claims table has only the infobox's)."""
    missing = {c: v for c, v in _DEFAULTS.items() if c not in claims.columns}
    return claims.assign(**missing) if missing else claims


def _sorted_claims(claims: pd.DataFrame) -> pd.DataFrame:
    side_rank = claims["side"].map({s: i for i, s in enumerate(SIDE_ORDER)}).fillna(len(SIDE_ORDER))
    kind_rank = claims["kind"].map({k: i for i, k in enumerate(KIND_ORDER)}).fillna(len(KIND_ORDER))
    keyed = claims.assign(_side=side_rank, _kind=kind_rank, _low=pd.to_numeric(claims["low"]))
    return keyed.sort_values(["_side", "_kind", "_low"], kind="stable", na_position="last")


def claims_table(claims_for_event: pd.DataFrame, side_labels: dict[str, str] | None = None) -> pd.DataFrame:
    """The event's claims, one per row, conflicting figures for the same side and kind next to each other."""
    labels = side_labels or {}
    ordered = _sorted_claims(complete(claims_for_event))
    return pd.DataFrame({
        "side": [side_label(s, labels) for s in ordered["side"]],
        "kind": ordered["kind"].to_list(),
        "figure": [figure_text(lo, hi) for lo, hi in zip(ordered["low"], ordered["high"])],
        "low": pd.array(ordered["low"].to_list(), dtype="Int64"),
        "high": pd.array(ordered["high"].to_list(), dtype="Int64"),
        "claimed_by": [_text(c) or UNATTRIBUTED for c in ordered["claimed_by"]],
        "text": [_text(s) or _text(t) for s, t in zip(ordered["sentence"], ordered["text"])],
        "origin": [_where(o, s) for o, s in zip(ordered["origin"], ordered["section"])],
        "stated_on": [_date(d) for d in ordered["stated_on"]],
        "revised": [bool(_text(r)) for r in ordered["revised_by"]],
    }, columns=CLAIMS_TABLE_COLUMNS)


def _range_row(side: str, kind: str, group: pd.DataFrame, labels: dict[str, str]) -> dict:
    lows, highs = pd.to_numeric(group["low"]), pd.to_numeric(group["high"])
    quantified = lows.notna() | highs.notna()
    open_ended = (lows.notna() & highs.isna()).any()
    low = _int(lows.min()) if lows.notna().any() else None
    high = None if open_ended or not highs.notna().any() else _int(highs.max())
    claimants = list(dict.fromkeys(_text(c) or UNATTRIBUTED for c in group["claimed_by"]))
    # "hundreds injured" against "10 injured" is a conflict too, though only one of them has a number.
    figures = {(_int(lo), _int(hi)) for lo, hi in zip(lows, highs)}
    return {"side": side_label(side, labels), "kind": kind,
            "range": figure_text(low, high), "low": low, "high": high, "claims": len(group),
            "unquantified": int((~quantified).sum()), "claimants": len(claimants),
            "claimed_by": "; ".join(claimants), "conflicting": len(figures) > 1}


def claims_range(claims_for_event: pd.DataFrame, side_labels: dict[str, str] | None = None) -> pd.DataFrame:
    """One row per side and kind across every claimant (parts of a breakdown left out): lowest low, highest high
    (open if any claim is "N+"), counts, and who claimed."""
    labels = side_labels or {}
    claims = complete(claims_for_event)
    ordered = _sorted_claims(claims[claims["part_of"].fillna("").astype(str).eq("")])
    rows = [_range_row(side, kind, group, labels)
            for (_, _, side, kind), group in ordered.groupby(["_side", "_kind", "side", "kind"], sort=False)]
    table = pd.DataFrame(rows, columns=CLAIMS_RANGE_COLUMNS)
    return table.astype({"low": "Int64", "high": "Int64", "claims": "int64", "unquantified": "int64",
                         "claimants": "int64", "conflicting": "bool"})


def claimant_groups(claims_for_event: pd.DataFrame, side_labels: dict[str, str] | None = None) -> list[ClaimantGroup]:
    """Every claimant with their claims, in the order the article first gives them (the infobox's first)."""
    labels = side_labels or {}
    claims = complete(claims_for_event)
    rows = claims.to_dict("records")
    by_id = {_text(r["claim_id"]): r for r in rows if _text(r["claim_id"])}
    revises = {_text(r["revised_by"]): r for r in rows if _text(r["revised_by"])}
    groups: dict[str, ClaimantGroup] = {}
    for row in rows:
        name = _text(row["claimed_by"]) or UNATTRIBUTED
        group = groups.setdefault(name, ClaimantGroup(name, _text(row["claimant_org"])))
        quote = _text(row["sentence"]) or _text(row["text"])
        statement = next((s for s in group.statements if s.quote == quote), None)
        if statement is None:
            statement = Statement(quote, _date(row["stated_on"]), _reference(row), safe_url(row["reference_url"]))
            group.statements.append(statement)
        later, earlier = by_id.get(_text(row["revised_by"])), revises.get(_text(row["claim_id"]))
        total = by_id.get(_text(row["part_of"]))
        statement.claims.append(ClaimLine(
            side=_short(side_label(_text(row["side"]), labels)), kind=_text(row["kind"]),
            figure=figure_text(row["low"], row["high"]), words=_text(row["words"]),
            where=_where(row["origin"], row["section"]), revised_by=_summary(later) if later else "",
            revises=_summary(earlier) if earlier else "", part_of=_summary(total) if total else ""))
    return list(groups.values())


def safe_url(url: Any) -> str:
    """The address when it is a plain http(s) one, else "" (nothing else is ever made a link)."""
    text = _text(url)
    return text if _SAFE_URL.match(text) else ""


def _summary(row: dict) -> str:
    """ "30 killed, per Malian government (6 June 2013)"."""
    who = _text(row["claimed_by"])
    when = _date(row["stated_on"])
    return f"{figure_text(row['low'], row['high'])} {_text(row['kind'])}" + (f", per {who}" if who else "") + (
        f" ({when})" if when else "")


def _reference(row: dict) -> str:
    note, title, publisher = _text(row["footnote"]), _text(row["reference"]), _text(row["reference_publisher"])
    if not (note or title):
        return ""
    return " ".join(filter(None, [f"[{note}]" if note else "", title, f"— {publisher}" if publisher else ""]))


def _where(origin: Any, section: Any) -> str:
    parts = []
    for place in _text(origin).split("+"):
        if place == "body":
            parts.append(f"{_text(section)} section" if _text(section) else "article text")
        elif place:
            parts.append(place)
    return " and ".join(parts)


def _date(iso: Any) -> str:
    return when_text(iso, iso, "day") if _text(iso) else ""
