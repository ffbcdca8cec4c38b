"""A folder of articles parsed and compared with what a person read in them (truth.csv, claims.csv).

The rules are those of the independent scorer (../shared/tools/score_corpus.py), so both give the same figures:
- date: start and end equal the truth's (an end the truth leaves blank is not checked);
- sides: a truth party of side 1 appears on side a and one of side 2 on side b (accents, case and punctuation
  folded; a side as written or as canonical parties); "parties" counts every truth party found on its side;
- place: the event's point within 25 km of the truth's;
- claim: a claim of the article's event with the same side, kind and low figure whose claimant contains the
  truth claimant's first word (any claimant when the truth names none); figures given only in words are not scored;
- silent: an article that gives neither an event nor a problem.
The article's event is its first event of kind "article" (else its first event).
"""
from __future__ import annotations

import csv
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from dashboard.catalogue.tables import Catalogue
from dashboard.text.fold import label_key

PLACE_KM = 25.0
TRUTH_COLUMNS = ("file", "start_date", "end_date", "side1", "side2", "latitude", "longitude")
CLAIM_TRUTH_COLUMNS = ("file", "side", "kind", "low", "claimed_by", "text")
FIGURES = ("dates", "sides", "parties", "places", "claims")
MEANINGS = {
    "dates": "start and end dates as the article gives them",
    "sides": "a party the article names, on each of the first two sides",
    "parties": "every party the article names, found on its side",
    "places": f"placed within {25} km of the article's point",
    "claims": "casualty figures of the infobox with their side, kind, figure and claimant",
}


class TruthError(ValueError):
    """A truth file that cannot be used (missing, not CSV, missing columns)."""


@dataclass
class Figure:
    right: int = 0
    checked: int = 0

    def add(self, right: bool | int, checked: int = 1) -> None:
        self.right += int(right)
        self.checked += checked

    @property
    def share(self) -> float | None:
        return self.right / self.checked if self.checked else None

    def __str__(self) -> str:
        return f"{self.right}/{self.checked} ({self.share:.0%})" if self.checked else "-"


@dataclass
class ArticleReport:
    file: str
    read: bool  # it gave an event or a named problem
    differences: list[str] = field(default_factory=list)  # what differs from the truth, in words


@dataclass
class CorpusReport:
    articles: list[ArticleReport]
    figures: dict[str, Figure]

    @property
    def silent(self) -> list[str]:
        return [a.file for a in self.articles if not a.read]

    def summary_line(self) -> str:
        """The figures on one line, as the independent scorer prints them."""
        return ", ".join(f"{name} {self.figures[name]}" for name in FIGURES) + f", silent {len(self.silent)}"

    def text(self, *, every_article: bool = False) -> str:
        """Per article what differs from the truth (every article with every_article), then the figures."""
        lines = []
        for article in self.articles:
            if article.differences:
                lines.append(f"{article.file}")
                lines.extend(f"  - {difference}" for difference in article.differences)
            elif every_article:
                lines.append(f"{article.file}: everything checked is right")
        right = sum(not a.differences for a in self.articles)
        lines += ["", f"{right} of {len(self.articles)} articles read with nothing wrong. How far to trust the parser "
                      f"on these articles:"]
        for name in FIGURES:
            figure = self.figures[name]
            share = f"{figure.share:4.0%}" if figure.checked else "   -"
            lines.append(f"  {name:<8} {figure.right:>4}/{figure.checked:<4} {share}   {MEANINGS[name]}")
        lines.append(f"  {'silent':<8} {len(self.silent):>4}            articles that gave neither an event nor a problem"
                     + (f": {', '.join(self.silent)}" if self.silent else ""))
        lines += ["", self.summary_line()]
        return "\n".join(lines)


def fold(text: object) -> str:
    """The scorer's comparison form: text.fold.label_key of a cell, which may be empty or not text."""
    return label_key(text) if isinstance(text, str) else ""


def truth_parties(side: str) -> list[str]:
    """The parties a truth cell names, folded: "MSA (Movement …); JNIM" -> ["msa", "jnim"]."""
    return [p for p in (fold(part) for part in re.split(r"[;,]", re.sub(r"\([^)]*\)", "", side or ""))) if p]


def read_rows(path: str | Path, required: tuple[str, ...]) -> list[dict[str, str]]:
    """The rows of a truth CSV; TruthError naming what is wrong."""
    path = Path(path)
    if not path.is_file():
        raise TruthError(f"no such file: {path}")
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except (UnicodeDecodeError, csv.Error) as exc:
        raise TruthError(f"{path} is not a UTF-8 CSV file ({exc})") from None
    columns = set(rows[0]) if rows else set()
    missing = [c for c in required if c not in columns]
    if rows and missing:
        raise TruthError(f"{path} lacks the column(s) {', '.join(missing)}")
    return rows


def evaluate(catalogue: Catalogue, truth: list[dict[str, str]], truth_claims: list[dict[str, str]] = ()) -> CorpusReport:
    """Compare a built catalogue with the truth rows (truth.csv) and casualty rows (claims.csv)."""
    figures = {name: Figure() for name in FIGURES}
    events = catalogue.events.to_dict("records")
    with_problem = set(catalogue.problems["source_file"].astype(str))
    claims_by_event: dict[str, list[dict]] = {}
    for claim in catalogue.claims.to_dict("records"):
        claims_by_event.setdefault(claim["event_id"], []).append(claim)
    reports = []
    for row in truth:
        event = article_event(events, row["file"])
        report = ArticleReport(row["file"], event is not None or any(p.endswith(row["file"]) for p in with_problem))
        if event is None:
            report.differences.append("no event read" + ("" if report.read else ", and no problem says why"))
        _check_date(event, row, figures["dates"], report)
        _check_sides(event, row, figures, report)
        _check_place(event, row, figures["places"], report, catalogue.problems)
        mine = claims_by_event.get(event["event_id"], []) if event else []
        for wanted in (c for c in truth_claims if c["file"] == row["file"]):
            _check_claim(mine, wanted, figures["claims"], report)
        reports.append(report)
    return CorpusReport(reports, figures)


def evaluate_folder(articles: str | Path, truth_csv: str | Path, claims_csv: str | Path | None = None,
                    gazetteer: str | Path | None = None) -> CorpusReport:
    """Parse every article of a folder (as `build` does) and compare it with the truth files."""
    from dashboard import paths
    from dashboard.catalogue.build import build_catalogue

    truth = read_rows(truth_csv, TRUTH_COLUMNS)
    truth_claims = read_rows(claims_csv, CLAIM_TRUTH_COLUMNS) if claims_csv else []
    catalogue = build_catalogue(articles, paths.GAZETTEER if gazetteer is None else gazetteer)
    return evaluate(catalogue, truth, truth_claims)


def article_event(events: list[dict], file: str) -> dict | None:
    mine = [e for e in events if str(e.get("source_file") or "").endswith(file)]
    return next((e for e in mine if e.get("kind") != "related"), mine[0] if mine else None)


def side_text(event: dict | None, letter: str) -> str:
    """The side as written and as canonical parties (side_a, parties_a…), folded."""
    if not event:
        return ""
    columns = [c for c in event if c.endswith(f"_{letter}") and any(w in c for w in ("side", "part", "faction"))]
    return " | ".join(fold(event.get(c, "")) for c in columns)


def _check_date(event: dict | None, row: dict, figure: Figure, report: ArticleReport) -> None:
    if not row.get("start_date"):
        return
    got = (_text(event, "start_date"), _text(event, "end_date"))
    right = got[0] == row["start_date"] and (not row.get("end_date") or got[1] == row["end_date"])
    figure.add(right)
    if not right:
        said = f"{got[0]} to {got[1]}" if got[0] else "no date"
        report.differences.append(f"date: read {said}, the article says {row['start_date']} to "
                                  f"{row.get('end_date') or '(end not given)'}")


def _check_sides(event: dict | None, row: dict, figures: dict[str, Figure], report: ArticleReport) -> None:
    if not (row.get("side1") or row.get("side2")):
        return
    got = [side_text(event, "a"), side_text(event, "b")]
    wanted = [truth_parties(row.get("side1", "")), truth_parties(row.get("side2", ""))]
    right = all(w and any(p in g for p in w) for w, g in zip(wanted, got))
    figures["sides"].add(right)
    for w, g in zip(wanted, got):
        figures["parties"].add(sum(p in g for p in w), len(w))
    missing = [p for w, g in zip(wanted, got) for p in w if p not in g]
    if not right or missing:
        report.differences.append(f"sides: read [{_text(event, 'side_a')}] against [{_text(event, 'side_b')}], the "
                                  f"article says [{row.get('side1', '')}] against [{row.get('side2', '')}]"
                                  + (f"; not found on their side: {', '.join(missing)}" if missing else ""))


def _check_place(event: dict | None, row: dict, figure: Figure, report: ArticleReport, problems: pd.DataFrame) -> None:
    if not row.get("latitude"):
        return
    want = (float(row["latitude"]), float(row["longitude"]))
    got = (_number(event, "latitude"), _number(event, "longitude"))
    distance = km(*got, *want) if None not in got else None
    right = distance is not None and distance <= PLACE_KM
    figure.add(right)
    if right:
        return
    place = _text(event, "place")
    if distance is None:
        why = next((p["reason"] for p in problems.to_dict("records") if event and p["event_id"] == event["event_id"]
                    and p["stage"] == "geocode"), "")
        report.differences.append(f"place: read {place!r}, not placed on the map" + (f" ({why})" if why else ""))
    else:
        source = _text(event, "location_source")
        report.differences.append(f"place: read {place!r}, placed {distance:.0f} km from the article's point "
                                  f"({want[0]:.4f}, {want[1]:.4f})" + (f" by {source}" if source else ""))


def _check_claim(mine: list[dict], wanted: dict, figure: Figure, report: ArticleReport) -> None:
    low = _float(wanted.get("low"))
    if low is None or not wanted.get("kind"):
        return  # figures given only in words are not scored
    side = {"1": "a", "2": "b", "3": "c"}.get(wanted["side"], wanted["side"])
    sides = {"civilian", "c"} if side in ("civilian", "c") else {side}
    who = fold(wanted.get("claimed_by", "")).split(" ")[0] if wanted.get("claimed_by") else ""
    right = any(c.get("side") in sides and c.get("kind") == wanted["kind"] and _float(c.get("low")) == low
                and (not who or who in fold(c.get("claimed_by", ""))) for c in mine)
    figure.add(right)
    if not right:
        claimant = f", per {wanted['claimed_by']}" if wanted.get("claimed_by") else ""
        report.differences.append(f"claim missing: side {wanted['side']} {wanted['kind']} {wanted['low']}{claimant} "
                                  f"({wanted.get('text', '')[:50]!r})")


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p = math.pi / 180
    h = math.sin((lat2 - lat1) * p / 2) ** 2 + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2
    return 12742 * math.asin(math.sqrt(h))


def _text(event: dict | None, column: str) -> str:
    value = event.get(column) if event else None
    return "" if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA else str(value)


def _number(event: dict | None, column: str) -> float | None:
    return _float(event.get(column)) if event else None


def _float(value: object) -> float | None:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number
