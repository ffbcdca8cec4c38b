"""One list of claims per event from the infobox's and the text's: the same claim read in both places is one claim
with both origins, every claim gets its id ("c1", "c2"…), and part_of / revised_by point at those ids."""
from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from dashboard.model import Claim
from dashboard.casualties.claimants import organisation
from dashboard.parties.mentions import find_mentions, side_of_mention
from dashboard.parties.names import canonical_party, tidy
from dashboard.text.fold import name_key


def merge_claims(infobox: list[Claim], body: list[Claim], sides: Sequence[Sequence[str]] = (),
                 year: int | None = None) -> list[Claim]:
    """The infobox's claims (in its order, each merged with the text's same claim if there is one), then the text's
    other claims in the article's order; ids renumbered "c1"… for the event. An infobox claimant named by a camp word
    ("(per the government)", "(за даними уряду)") speaks for the one side of that camp among the event's sides."""
    infobox = [replace(c, claimant_org=c.claimant_org or _org_of(c.claimed_by, sides, year)) for c in infobox]
    taken: dict[int, int] = {}  # body index -> infobox index it merged into
    merged = list(infobox)
    for i, box in enumerate(infobox):
        j = next((j for j, said in enumerate(body) if j not in taken and _same_claim(box, said)), None)
        if j is None:
            continue
        taken[j] = i
        said = body[j]
        merged[i] = replace(said, origin=f"infobox+{said.origin}", text=box.text, claimed_by=_both(box, said),
                            claimant_org=said.claimant_org or box.claimant_org)
    out = [*merged, *(said for j, said in enumerate(body) if j not in taken)]
    old_ids = [c.claim_id for c in merged] + [said.claim_id for j, said in enumerate(body) if j not in taken]
    ids = {old: f"c{n}" for n, old in enumerate(old_ids, 1) if old}
    return [replace(c, claim_id=f"c{n}", part_of=ids.get(c.part_of, ""), revised_by=ids.get(c.revised_by, ""))
            for n, c in enumerate(out, 1)]


def _both(box: Claim, said: Claim) -> str:
    """The text's speaker, with the infobox's claimant when the speaker's name does not already say it:
    "Moussa Ag Acharatoumane (MNLA)", "French military source (France)"."""
    if not said.claimed_by:
        return box.claimed_by
    if not box.claimed_by or name_key(box.claimed_by) in name_key(said.claimed_by):
        return said.claimed_by
    return f"{said.claimed_by} ({box.claimed_by})"


def _org_of(claimed_by: str, sides: Sequence[Sequence[str]] = (), year: int | None = None) -> str:
    """The party an infobox's "(per X)" names ("(per Mali)", "(за даними уряду Малі)", "(conform armatei maliene)"),
    the first party of the side the state's words name ("(per the government)"), or X itself (an outlet,
    "loyalists")."""
    if not claimed_by:
        return ""
    named = canonical_party(claimed_by)
    if named != tidy(claimed_by):
        return named
    party = organisation(claimed_by)
    if party:
        return party
    # the state's own words ("the government", "the army"), not a militia's camp ("loyalists": which of them?)
    camps = [m for m in find_mentions(claimed_by) if m.camp]
    index = side_of_mention(camps[0], sides, year) if len(camps) == 1 and camps[0].camp == "state" and sides else None
    return canonical_party(sides[index][0]) if index is not None and sides[index] else named


def _same_claim(box: Claim, said: Claim) -> bool:
    """Same side, kind and figure, and the same claimant: as written, or the party the infobox names is the one the
    text's speaker speaks for ("(per MNLA)" and "MNLA spokesman Moussa Ag Acharatoumane")."""
    if said.part_of or (box.side, box.kind, box.low, box.high) != (said.side, said.kind, said.low, said.high):
        return False
    if not box.claimed_by and not said.claimed_by:
        return True
    if name_key(box.claimed_by) == name_key(said.claimed_by):
        return True
    return bool(box.claimant_org and said.claimant_org) and name_key(box.claimant_org) == name_key(said.claimant_org) \
        and name_key(box.claimed_by) in (name_key(box.claimant_org), name_key(canonical_party(box.claimed_by)))
