"""How well changes of control and episodes are read: precision and recall against hand-read golden files.

`evaluate_control(articles, golden)` reads every article of a folder, compares what it finds with
`seed_control.csv`, `seed_episodes.csv` and `seed_negatives.csv` (tests/golden/README.md says what they hold) and
returns a `ControlReport`: plain numbers and the rows behind them, with `.text()` for a terminal. Only the
article's own text is scored (related-article summaries are other events); what the golden README leaves open on
purpose is listed apart, neither right nor wrong.

A found row matches a golden one from the same file when it reads the same sentence, the same place (the
gazetteer's name, and a site such as a camp only for a site) and the same kind of change (taken, held, left);
for an episode, the same sentence and overlapping dates. Dates, who and the Background flag are then scored
as agreement among the matches.
"""
from __future__ import annotations

import calendar
import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

from dashboard import paths
from dashboard.catalogue.build import article_files, load_gazetteer
from dashboard.ingest.control import read_control
from dashboard.ingest.episodes import read_episodes
from dashboard.ingest.parse import parse_file
from dashboard.ingest.place_phrases import site_of
from dashboard.model import ControlChange, Episode
from dashboard.parties.mentions import mentioned_parties, mentions_alignment
from dashboard.places.gazetteer import Gazetteer
from dashboard.text.fold import name_key

KINDS = {"took": "taken", "recaptured": "taken", "held": "held", "abandoned": "left", "evacuated": "left",
         "withdrew": "left"}


@dataclass
class Score:
    """One kind of row: how many the golden file has, how many were found, how many match."""
    name: str
    expected: int = 0
    found: int = 0
    matched: int = 0
    missed: list[dict] = field(default_factory=list)  # golden rows nothing matched
    extra: list[dict] = field(default_factory=list)  # found rows no golden row matched (the false positives)
    left_open: list[dict] = field(default_factory=list)  # found rows on sentences the README leaves open
    negatives: list[dict] = field(default_factory=list)  # found rows on a sentence that must yield none of this kind
    agreement: dict[str, list[int]] = field(default_factory=dict)  # field -> [agreeing, compared]

    @property
    def precision(self) -> float:
        scored = self.found - len(self.left_open)
        return self.matched / scored if scored else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 1.0

    def agree(self, name: str, ok: bool) -> None:
        counts = self.agreement.setdefault(name, [0, 0])
        counts[0] += int(ok)
        counts[1] += 1

    def text(self) -> str:
        lines = [f"{self.name}: precision {self.precision:.0%} ({self.matched} of {self.found - len(self.left_open)}), "
                 f"recall {self.recall:.0%} ({self.matched} of {self.expected}); "
                 f"{len(self.left_open)} more on sentences the golden README leaves open"]
        lines += [f"  {name}: {ok} of {n} matches agree" for name, (ok, n) in self.agreement.items()]
        lines += [f"  missed: {r['source_file'][:3]} {r['sentence'][:110]!r}" for r in self.missed]
        lines += [f"  false positive: {r['source_file'][:3]} {r['sentence'][:110]!r}" for r in self.extra]
        lines += [f"  on a negative: {r['source_file'][:3]} {r['sentence'][:110]!r}" for r in self.negatives]
        return "\n".join(lines)


@dataclass
class ControlReport:
    control: Score
    episodes: Score

    def text(self) -> str:
        return f"{self.control.text()}\n{self.episodes.text()}"


def evaluate_control(articles: str | Path | None = None, golden: str | Path = paths.GOLDEN,
                     gazetteer_path: str | Path | None = paths.GAZETTEER) -> ControlReport:
    """Read every article of the folder (default: the seeds) and score it against the golden files."""
    folder = paths.default_articles() if articles is None else Path(articles)
    gazetteer = load_gazetteer(gazetteer_path)
    changes, episodes = [], []
    for path in article_files(folder):
        for event in parse_file(path).events:
            if event.kind == "article":
                changes.extend(read_control(event, gazetteer))
                episodes.extend(read_episodes(event, gazetteer))
    golden = Path(golden)
    negatives = _rows(golden / "seed_negatives.csv")
    left_open = _left_open(golden / "README.md")
    return ControlReport(
        score_control(changes, _rows(golden / "seed_control.csv"), negatives, left_open, gazetteer),
        score_episodes(episodes, _rows(golden / "seed_episodes.csv"), negatives, left_open))


def score_control(found: list[ControlChange], golden: list[dict], negatives: list[dict] = (),
                  left_open: list[tuple[str, list[str]]] = (), gazetteer: Gazetteer | None = None) -> Score:
    score = Score("control changes", expected=len(golden), found=len(found))
    unmatched = list(golden)
    for change in found:
        row = next((g for g in unmatched if _same_change(change, g, gazetteer)), None)
        if row is None:
            _unmatched(score, vars(change), "control", negatives, left_open)
            continue
        unmatched.remove(row)
        score.matched += 1
        dates = _golden_range(row["date_start"], row["date_end"])
        score.agree("dates overlap", _overlap((change.date_start, change.date_end), dates))
        score.agree("dates exact", (change.date_start, change.date_end) == dates)
        score.agree("who took or held it", _same_side(change.holder_parties, row["holder_party"], change.date_start))
        score.agree("who lost or left it", _same_side(change.previous_parties, row["previous_party"], change.date_start))
        score.agree("background flag", change.background == (row["background"] == "true"))
    score.missed = unmatched
    return score


def score_episodes(found: list[Episode], golden: list[dict], negatives: list[dict] = (),
                   left_open: list[tuple[str, list[str]]] = ()) -> Score:
    score = Score("episodes", expected=len(golden), found=len(found))
    unmatched = list(golden)
    for episode in found:
        dates = (episode.date_start, episode.date_end)
        rows = [g for g in unmatched if g["source_file"] == episode.source_file and _same_sentence(episode.sentence, g)
                and _overlap(dates, _golden_range(g["date_start"], g["date_end"]))]
        row = next((g for g in rows if _golden_range(g["date_start"], g["date_end"]) == dates), rows[0] if rows else None)
        if row is None:
            _unmatched(score, vars(episode), "episode", negatives, left_open)
            continue
        unmatched.remove(row)
        score.matched += 1
        score.agree("dates exact", dates == _golden_range(row["date_start"], row["date_end"]))
        score.agree("place", _same_place_name(episode.place_as_written, row["place"]))
    score.missed = unmatched
    return score


def _unmatched(score: Score, row: dict, kind: str, negatives: list[dict], left_open) -> None:
    if any(row["source_file"][:3] == seed and all(p in row["sentence"] for p in pieces) for seed, pieces in left_open):
        score.left_open.append(row)
        return
    score.extra.append(row)
    if any(n["must_not_be"] == kind and n["source_file"] == row["source_file"] and _same_sentence(row["sentence"], n)
           for n in negatives):
        score.negatives.append(row)


def _same_change(change: ControlChange, row: dict, gazetteer: Gazetteer | None) -> bool:
    return (change.source_file == row["source_file"] and _same_sentence(change.sentence, row)
            and KINDS.get(change.change) == KINDS.get(row["change"]) and _same_place(change, row["place"], gazetteer))


def _same_sentence(sentence: str, row: dict) -> bool:
    mine, theirs = " ".join(sentence.split()), " ".join(row["sentence"].split())
    return mine == theirs or (len(mine) > 20 and (mine in theirs or theirs in mine))


def _same_place(change: ControlChange, written: str, gazetteer: Gazetteer | None) -> bool:
    if bool(site_of(written)) != bool(change.site):
        return False
    if name_key(written) in (name_key(change.place_as_written), name_key(change.place)):
        return True
    found = gazetteer.match(written) if gazetteer is not None else None
    return found is not None and found.place.name == change.place and (
        not change.site or name_key(site_of(written)) == name_key(change.site))


def _same_place_name(mine: str, theirs: str) -> bool:
    return name_key(mine) == name_key(theirs) or (bool(mine) and bool(theirs) and (
        name_key(theirs) in name_key(mine) or name_key(mine) in name_key(theirs)))


def _same_side(parties: list[str], golden: str, date: str) -> bool:
    """The same parties, or at least the same camp ("rebels" is any rebel; Platform/GATIA/MAA-Loyalist is one)."""
    names = [p.strip() for p in re.split(r"[;/]", golden) if p.strip()]
    if not names and not parties:
        return True
    if set(names) & set(parties):
        return True
    year = int(date[:4]) if date[:4].isdigit() else None
    theirs = mentions_alignment([m for n in names for m in mentioned_parties(n)], year)
    mine = mentions_alignment([m for p in parties for m in mentioned_parties(p)], year)
    return theirs == mine != "unknown"


def _overlap(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """Whether two date ranges (either bound may be "") can be the same time; a golden range with no date at all
    agrees with any."""
    if not any(b):
        return True
    if not any(a):
        return False
    a_start, a_end = a[0] or "0000", a[1] or "9999"
    b_start, b_end = b[0] or "0000", b[1] or "9999"
    return a_start <= b_end and b_start <= a_end


def _golden_range(start: str, end: str) -> tuple[str, str]:
    """The golden files write a month as "2013-06" and a year as "2014": as the first and last day they mean."""
    return _first_day(start), _last_day(end)


def _first_day(text: str) -> str:
    return text + "-01-01" if len(text) == 4 else text + "-01" if len(text) == 7 else text


def _last_day(text: str) -> str:
    if len(text) == 4:
        return text + "-12-31"
    if len(text) == 7:
        year, month = int(text[:4]), int(text[5:])
        return f"{text}-{calendar.monthrange(year, month)[1]:02d}"
    return text


def _rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _left_open(readme: Path) -> list[tuple[str, list[str]]]:
    """The sentences the golden README leaves open: (seed number, the quoted words, split at its "…")."""
    if not readme.is_file():
        return []
    text = readme.read_text(encoding="utf-8")
    section = text.split("## Left open on purpose", 1)[-1] if "## Left open on purpose" in text else ""
    out = []
    for line in section.splitlines():
        seed = re.match(r"-\s+(\d{3})\b", line)
        if not seed:
            continue
        for quoted in re.findall(r"\"([^\"]+)\"|“([^”]+)”", line):
            words = quoted[0] or quoted[1]
            out.append((seed.group(1), [p.strip(" .,") for p in re.split(r"…|\.\.\.", words) if p.strip(" .,")]))
    return out
