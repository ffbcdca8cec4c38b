"""An event's sides, commanders, strengths and casualty claims, per side, from the infobox and, where it is
silent, from the prose (evidence.prose_sides), recording where each side came from.

Sides keep the article's own order. The infobox's sides stand where it names them; a side the copy lost
(a flag-only cell stripped, an image placeholder) is filled from the prose's group that does not overlap the
sides the infobox names; where the page gives no order at all, the state's side comes first, as the war's
infoboxes write it.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from dashboard.casualties.read import names_a_casualty, parse_casualties_checked
from dashboard.ingest.layout.blocks import Field
from dashboard.ingest.layout.losses import casualty_groups
from dashboard.ingest.layout.sides import Entry, camp, entries, flag_party, group_sides, result_winners, side_of
from dashboard.ingest.mentions import find_parties
from dashboard.ingest.names import clean_parties, split_side_block
from dashboard.model import SIDE_LETTERS, Claim
from dashboard.parties import canonical_party
from dashboard.text.markup import image_names, without_images

ATTACK_SIDES = ("target", "perpetrator")  # an attack infobox's two sides


@dataclass
class Sides:
    sides: list[list[str]] = field(default_factory=list)
    origins: list[str] = field(default_factory=list)  # per side: "infobox", "lead", "body", "infobox+lead"…
    positioned: bool = True  # the infobox says which side each named party is on


def infobox_sides(fields: list[Field], result: str) -> Sides:
    """The sides the infobox names, in its order."""
    numbered = sorted((f.index, f) for f in fields if f.key == "combatant" and f.index)
    if numbered:
        width = max(i for i, _ in numbered)
        sides = [[] for _ in range(width)]
        for index, f in numbered:
            sides[index - 1] = sides[index - 1] or _names(entries(f.value))
        return Sides(sides, ["infobox" if s else "" for s in sides])
    block = next((f for f in fields if f.key == "combatant"), None)
    if block is None:
        return _attack_sides(fields)
    if block.cells is not None:
        sides = [_names(entries(cell)) for cell in block.cells]
        return Sides(sides, ["infobox" if s else "" for s in sides])
    grouped = group_sides(entries(block.value), result_winners(result))
    sides = [_names(g) for g in grouped]
    if len(sides) == 1:
        index = _index_from_flags(fields, grouped[0])
        if index is not None:
            sides = [[] for _ in range(index)] + sides
            return Sides(sides, ["infobox" if s else "" for s in sides])
        return Sides(sides, ["infobox"], positioned=False)
    return Sides(sides, ["infobox" if s else "" for s in sides])


def with_prose(boxed: Sides, groups: list[list[str]] | None, where: str) -> tuple[Sides, list[int]]:
    """The infobox's sides completed from the prose's two groups; the indices of the sides that were filled."""
    if not groups:
        return boxed, []
    if not any(boxed.sides):
        return _from_prose(boxed, groups, where)
    matched = [side_of(g[0], boxed.sides) if len(g) == 1 else _overlap(g, boxed.sides) for g in groups]
    if not boxed.positioned and len([s for s in boxed.sides if s]) == 1:
        return _around_the_one_side(boxed, groups, matched, where)
    sides, origins = [list(s) for s in boxed.sides], list(boxed.origins)
    while len(sides) < 2:
        sides.append([])
        origins.append("")
    empty = [i for i, s in enumerate(sides) if not s]
    filled = []
    for group, at in zip(groups, matched):
        if at is None and empty:
            i = empty.pop(0)
            sides[i], origins[i] = list(group), where
            filled.append(i)
    return Sides(sides, origins), filled


def _from_prose(boxed: Sides, groups: list[list[str]], where: str) -> tuple[Sides, list[int]]:
    """Sides the infobox does not name at all: the prose's, the state's side first (the page gives no order)."""
    ordered = sorted(groups, key=lambda g: 0 if any(camp(p) == "government" for p in g) else 1)
    sides = [list(ordered[i]) if i < len(ordered) else [] for i in range(max(len(boxed.sides), len(ordered)))]
    return Sides(sides, [where if s else "" for s in sides]), [i for i, s in enumerate(sides) if s]


def _around_the_one_side(boxed: Sides, groups: list[list[str]], matched: list[int | None],
                         where: str) -> tuple[Sides, list[int]]:
    """The infobox shows one side and not which: the prose's group that shares a party with it completes it, the
    other group is the other side, the state's side first."""
    sides, origins = [list(s) for s in boxed.sides if s], ["infobox"]
    filled = []
    for group, at in zip(groups, matched):
        if at is not None:
            sides[0].extend(p for p in group if p not in _canon(sides[0]))
            origins[0] = f"infobox+{where}"
        elif len(sides) < 2:
            sides.append(list(group))
            origins.append(where)
            filled.append(len(sides) - 1)
    order = sorted(range(len(sides)), key=lambda i: 0 if any(camp(canonical_party(p)) == "government"
                                                             for p in sides[i]) else 1)
    return Sides([sides[i] for i in order], [origins[i] for i in order]), [order.index(i) for i in filled]


def per_side_values(fields: list[Field], key: str, n_sides: int, sides: list[list[str]]) -> list[str]:
    """Commanders or strengths per side: numbered fields, table cells, flags naming the party, else the block's
    own breaks (split_side_block)."""
    numbered = {f.index: f.value for f in fields if f.key == key and f.index}
    if numbered:
        return [numbered.get(i, "") for i in range(1, max([n_sides, *numbered]) + 1)]
    block = next((f for f in fields if f.key == key), None)
    if block is None:
        return [""] * n_sides
    if block.cells is not None:
        return (block.cells + [""] * n_sides)[:max(n_sides, len(block.cells))]
    by_flag = _by_flag(block.value, sides)
    return by_flag if by_flag else split_side_block(without_images(block.value), n_sides)


def infobox_claims(fields: list[Field], sides: list[list[str]]) -> tuple[list[Claim], list[str]]:
    """Every casualty claim of the infobox with its side, and why a figure was not used."""
    n = max(len(sides), 1)
    numbered = sorted((f.index, f.value) for f in fields if f.key == "casualties" and f.index)
    block = next((f for f in fields if f.key == "casualties" and not f.index), None)
    problems: list[str] = []
    texts: list[tuple[int | None, str]] = [(i - 1, v) for i, v in numbered]
    if not numbered and block is not None:
        if block.cells is not None:
            texts = list(enumerate(block.cells))
        else:
            texts, told = casualty_groups(block.value, sides)
            if not told:
                problems.append(f"the casualty figures cannot be given a side: the copy lost the boundary between the "
                                f"sides ({block.value.strip()[:120]!r}); they are kept with side 'unknown'")
    target = 0 if sides and sides[0] else None  # an attack infobox's deaths and injured are its target's
    for f in fields:
        if f.key in ("deaths", "injured"):
            word = "killed" if f.key == "deaths" else "injured"
            texts.append((target, f.value if names_a_casualty(f.value) else f"{f.value} {word}"))
    claims: list[Claim] = []
    for index, text in texts:
        letter = "unknown" if index is None else SIDE_LETTERS[index] if index < min(n, len(SIDE_LETTERS)) else "civilian"
        found, rejected = parse_casualties_checked(without_images(text), letter)
        claims.extend(found)
        problems.extend(f"side {letter}: {reason}" for reason in rejected)
    return claims, problems


def _names(found: list[Entry]) -> list[str]:
    names: list[str] = []
    for entry in found:
        for name in clean_parties(("Supported by: " if entry.support else "") + entry.name) if entry.name else []:
            if name not in names:
                names.append(name)
    return names


def _canon(side: list[str]) -> set[str]:
    return {canonical_party(p) for p in side}


def _overlap(group: list[str], sides: list[list[str]]) -> int | None:
    hits = {side_of(p, sides) for p in group} - {None}
    return hits.pop() if len(hits) == 1 else None


def _index_from_flags(fields: list[Field], side: list[Entry]) -> int | None:
    """Which side the only side an infobox shows is, from the flags of the rows after it (each side's commanders
    under its flag): "GATIA flag.svg Gamou Flag of ISIL.svg Assalate" puts an ISIL side second."""
    parties = {canonical_party(e.party or e.flag) for e in side} - {""}
    for f in fields:
        if f.key in ("commander", "strength", "casualties") and f.cells is None:
            flags = [canonical_party(flag_party(i.subject)) for i in image_names(f.value)]
            flags = [p for k, p in enumerate(flags) if p and p not in flags[:k]]
            if len(flags) >= 2 and parties & set(flags):
                return min(flags.index(p) for p in parties & set(flags))
    return None


def _by_flag(value: str, sides: list[list[str]]) -> list[str] | None:
    if len(image_names(value)) < 2 or not sides:
        return None
    out = [""] * len(sides)
    for entry in entries(value):
        index = side_of(entry.flag, sides) if entry.flag else None
        if index is None:
            return None
        out[index] = "\n".join(filter(None, [out[index], entry.name]))
    return out


def _attack_sides(fields: list[Field]) -> Sides:
    """An attack infobox's target (the parties its words name: "camp of the Malian army") and perpetrators."""
    target = next((f.value for f in fields if f.key == "target"), "")
    perpetrators = next((f.value for f in fields if f.key == "perpetrator"), "")
    sides = [find_parties(target), [p for p in _names(entries(perpetrators)) if p]]
    return Sides(sides, ["infobox" if s else "" for s in sides]) if any(sides) else Sides()
