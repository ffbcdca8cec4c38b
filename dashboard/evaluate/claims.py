"""How well the claims reader agrees with a hand-read golden file (tests/golden/seed_claims.csv and
seed_negatives.csv): per article, the lead and body claims found, missed and false, and the infobox claims beside.

A golden row is found by a claim read from the same origin and section, the same sentence, with the same side,
kind, low and high, and the same claimant. Claimants are compared by their name without the "(party)" a person is
shown with, accents and case folded; for an infobox row, whose "(per X)" names only a party, a claim of that party's
speaker counts too. The side "?" of the golden file is our "unknown". A body claim that finds no golden row is false.
Revisions, breakdowns, statement dates and footnotes of the rows found are scored on their own.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Mapping

from dashboard.model import Claim
from dashboard.parties.names import canonical_party
from dashboard.text.fold import fold, name_key
from dashboard.text.markup import squeeze

TEXT_ORIGINS = ("lead", "body")


@dataclass(frozen=True)
class GoldenClaim:
    row: int  # data row number in the golden file, from 1
    source_file: str
    origin: str
    section: str
    sentence: str
    claimant: str
    claimant_org: str
    side: str
    kind: str
    low: int | None
    high: int | None
    words: str
    stated_on: str
    revises: int | None
    part_of: int | None
    footnote: str


@dataclass
class SeedScore:
    source_file: str
    golden: int = 0  # lead and body rows
    found: list[tuple[GoldenClaim, Claim]] = field(default_factory=list)
    missed: list[tuple[GoldenClaim, str]] = field(default_factory=list)  # the row, and the nearest claim's difference
    false: list[Claim] = field(default_factory=list)
    infobox_golden: int = 0
    infobox_found: int = 0
    negatives_broken: list[tuple[str, Claim]] = field(default_factory=list)  # (negative sentence, the claim read)


@dataclass
class ClaimsReport:
    seeds: list[SeedScore]
    links: dict[str, tuple[int, int]]  # "revises", "part_of", "stated_on", "footnote" -> (right, of the rows found)

    def total(self, what: str) -> int:
        return sum(len(getattr(s, what)) if isinstance(getattr(s, what), list) else getattr(s, what) for s in self.seeds)

    @property
    def precision(self) -> float:
        found, false = self.total("found"), self.total("false")
        return found / (found + false) if found + false else 1.0

    @property
    def recall(self) -> float:
        golden = self.total("golden")
        return self.total("found") / golden if golden else 1.0


def read_golden_claims(path: str | Path) -> list[GoldenClaim]:
    with open(path, encoding="utf-8", newline="") as handle:
        return [GoldenClaim(row=i, source_file=r["source_file"], origin=r["origin"], section=r["section"],
                            sentence=r["sentence"], claimant=r["claimant"], claimant_org=r["claimant_org"],
                            side=r["side"], kind=r["kind"], low=_int(r["low"]), high=_int(r["high"]), words=r["words"],
                            stated_on=r["stated_on"], revises=_int(r["revises"]), part_of=_int(r["part_of"]),
                            footnote=r["footnote"].strip("[] "))
                for i, r in enumerate(csv.DictReader(handle), 1)]


def read_negatives(path: str | Path) -> list[tuple[str, str]]:
    """(source_file, sentence) of every sentence that must yield no claim."""
    with open(path, encoding="utf-8", newline="") as handle:
        return [(r["source_file"], r["sentence"]) for r in csv.DictReader(handle) if r["must_not_be"] == "claim"]


def _int(text: str) -> int | None:
    return int(text) if text and text.strip().lstrip("-").isdigit() else None


def claimant_core(name: str) -> str:
    """A claimant compared by its name: no trailing "(party)" or "(per outlet)", no leading article, folded."""
    bare = re.sub(r"\s*\([^()]*\)\s*$", "", name or "")
    return name_key(re.sub(r"^(?:the|a|an|le|la|les)\s+", "", squeeze(bare), flags=re.I))


def _same_sentence(golden: str, claim: Claim) -> bool:
    ours, theirs = squeeze(claim.sentence), squeeze(golden)
    return bool(ours) and (ours == theirs or theirs in ours)


def _same_section(golden: GoldenClaim, claim: Claim) -> bool:
    return fold(squeeze(claim.section)) == fold(squeeze(golden.section)) or \
        fold(claim.section).endswith(fold(golden.section)) and bool(golden.section)


def _side(golden: GoldenClaim) -> str:
    return "unknown" if golden.side == "?" else golden.side


def _differences(golden: GoldenClaim, claim: Claim) -> list[str]:
    out = []
    if claim.side != _side(golden):
        out.append(f"side {claim.side} (golden {golden.side})")
    if claim.kind != golden.kind:
        out.append(f"kind {claim.kind} (golden {golden.kind})")
    if (claim.low, claim.high) != (golden.low, golden.high):
        out.append(f"figure {claim.low}–{claim.high} (golden {golden.low}–{golden.high})")
    if claimant_core(claim.claimed_by) != claimant_core(golden.claimant):
        out.append(f"claimant {claim.claimed_by!r} (golden {golden.claimant!r})")
    if golden.origin not in claim.origin.split("+") or not _same_section(golden, claim):
        out.append(f"origin {claim.origin}/{claim.section!r} (golden {golden.origin}/{golden.section!r})")
    return out


def _infobox_match(golden: GoldenClaim, claim: Claim) -> bool:
    if "infobox" not in claim.origin.split("+"):
        return False
    if (claim.side, claim.kind, claim.low, claim.high) != (_side(golden), golden.kind, golden.low, golden.high):
        return False
    if claimant_core(claim.claimed_by) == claimant_core(golden.claimant):
        return True
    party_only = claimant_core(golden.claimant) == claimant_core(golden.claimant_org)
    return party_only and name_key(canonical_party(claim.claimant_org)) == name_key(canonical_party(golden.claimant_org))


def score_article(source_file: str, claims: list[Claim], golden: list[GoldenClaim],
                  negatives: Iterable[str] = ()) -> SeedScore:
    """One article's claims against its golden rows (and the sentences that must give none)."""
    score = SeedScore(source_file)
    text_rows = [g for g in golden if g.origin in TEXT_ORIGINS]
    score.golden = len(text_rows)
    used: set[int] = set()
    for row in text_rows:
        candidates = [(i, c) for i, c in enumerate(claims) if i not in used and _same_sentence(row.sentence, c)]
        exact = next(((i, c) for i, c in candidates if not _differences(row, c)), None)
        if exact:
            used.add(exact[0])
            score.found.append((row, exact[1]))
            continue
        nearest = min(candidates, key=lambda ic: len(_differences(row, ic[1])), default=None)
        score.missed.append((row, "; ".join(_differences(row, nearest[1])) if nearest else "no claim from the sentence"))
    score.false = [c for i, c in enumerate(claims) if i not in used and set(c.origin.split("+")) & set(TEXT_ORIGINS)]
    box_rows = [g for g in golden if g.origin == "infobox"]
    score.infobox_golden = len(box_rows)
    box_used: set[int] = set()
    for row in box_rows:
        hit = next((i for i, c in enumerate(claims) if i not in box_used and _infobox_match(row, c)), None)
        if hit is not None:
            box_used.add(hit)
            score.infobox_found += 1
    for negative in negatives:
        score.negatives_broken.extend((negative, c) for c in claims if _breaks(negative, c))
    return score


def _breaks(negative: str, claim: Claim) -> bool:
    """Whether a claim comes from a sentence (or infobox line) that must give none."""
    label, colon, value = negative.partition(": ")
    if colon and re.fullmatch(r"[A-Za-z]+\d*", label):
        return "infobox" in claim.origin and bool(claim.text) and squeeze(claim.text) in squeeze(value)
    return _same_sentence(negative, claim) or (bool(claim.text) and squeeze(negative) in squeeze(claim.text))


def score_claims(claims_by_file: Mapping[str, list[Claim]], golden: list[GoldenClaim],
                 negatives: list[tuple[str, str]] = ()) -> ClaimsReport:
    """Every article's claims against the golden rows of its file, and the links between the rows found."""
    seeds = [score_article(name, claims, [g for g in golden if g.source_file == name],
                           [s for f, s in negatives if f == name]) for name, claims in claims_by_file.items()]
    return ClaimsReport(seeds, _links(seeds))


def _links(seeds: list[SeedScore]) -> dict[str, tuple[int, int]]:
    """Of the rows found: revisions and breakdowns pointing at the right claim, statement dates and footnotes right.

    A link counts once for each golden row that has one and once for each claim that has one the golden file does not
    (a revision or a breakdown the reader made up is wrong too)."""
    counts = {"revises": [0, 0], "part_of": [0, 0], "stated_on": [0, 0], "footnote": [0, 0]}
    for seed in seeds:  # claim ids are unique within an article only
        claim_of = {row.row: claim for row, claim in seed.found}
        for row, claim in seed.found:
            revised_by_golden = {g.revises for g, _ in seed.found if g.revises}
            later = next((claim_of[g.row] for g, _ in seed.found if g.revises == row.row), None)
            if row.row in revised_by_golden or claim.revised_by:
                counts["revises"][1] += 1
                counts["revises"][0] += later is not None and claim.revised_by == later.claim_id
            if row.part_of or claim.part_of:
                total = claim_of.get(row.part_of) if row.part_of else None
                counts["part_of"][1] += 1
                counts["part_of"][0] += total is not None and claim.part_of == total.claim_id
            for name, ours, theirs in (("stated_on", claim.stated_on, row.stated_on),
                                       ("footnote", claim.footnote, row.footnote)):
                if ours or theirs:
                    counts[name][1] += 1
                    counts[name][0] += ours == theirs
    return {k: (v[0], v[1]) for k, v in counts.items()}


def score_seeds(seeds_dir: str | Path, golden_dir: str | Path) -> ClaimsReport:
    """Parse every article the golden file names and score its claims."""
    from dashboard.ingest.parse import parse_file  # the reader is what is measured; imported only to run it

    golden = read_golden_claims(Path(golden_dir) / "seed_claims.csv")
    negatives = read_negatives(Path(golden_dir) / "seed_negatives.csv")
    files = sorted({g.source_file for g in golden})
    claims = {}
    for name in files:
        events = [e for e in parse_file(Path(seeds_dir) / name).events if e.kind == "article"]
        claims[name] = events[0].claims if events else []
    return score_claims(claims, golden, negatives)


def report_lines(report: ClaimsReport, *, details: bool = True) -> list[str]:
    """The report as text: one line per article, the totals, then what was missed and what was false."""
    lines = ["body claims (lead and sections): found / golden, missed, false; infobox claims: found / golden"]
    for s in report.seeds:
        lines.append(f"  {s.source_file}: body {len(s.found)}/{s.golden}, missed {len(s.missed)}, false {len(s.false)}; "
                     f"infobox {s.infobox_found}/{s.infobox_golden}; negatives broken {len(s.negatives_broken)}")
    lines.append(f"  total: body {report.total('found')}/{report.total('golden')} (recall {report.recall:.0%}), "
                 f"false {report.total('false')} (precision {report.precision:.0%}); infobox "
                 f"{report.total('infobox_found')}/{report.total('infobox_golden')}; negatives broken "
                 f"{report.total('negatives_broken')}")
    lines.append("  of the rows found: " + ", ".join(f"{k} {r}/{n}" for k, (r, n) in report.links.items()))
    if details:
        for s in report.seeds:
            lines.extend(f"  missed {s.source_file} row {g.row}: {g.kind} {g.words!r} — {why}" for g, why in s.missed)
            lines.extend(f"  false {s.source_file}: {c.side} {c.kind} {c.low}–{c.high} {c.claimed_by!r} — {c.sentence[:90]}"
                         for c in s.false)
            lines.extend(f"  negative broken {s.source_file}: {n[:90]!r} gave {c.kind} {c.low}" for n, c in
                         s.negatives_broken)
    return lines
