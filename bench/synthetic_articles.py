"""Synthetic articles in the four shapes the reader supports, written from synthetic battles."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from bench.synthetic_battles import GAZETTEER, Battle, battles, casualty_text, infobox, plain_date

SHAPES = ("markdown-infobox", "web-page", "wikitext", "table")


def _page_date(start: dt.date, end: dt.date, precision: str) -> str:
    """'16–21 May 2014' (as copied web pages write them)."""
    if precision != "day":
        return plain_date(start, end, precision)
    if start == end:
        return f"{start.day} {start:%B %Y}"
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {start:%B %Y}"
    return f"{start.day} {start:%B} – {end.day} {end:%B %Y}"


def markdown_article(battle: Battle) -> str:
    lines = [f"= {battle.title} =", "", "Infobox"]
    lines += [f"- {key}: {value}" for key, value in infobox(battle).items()]
    lines += ["", battle.lead, ""]
    for heading, text in battle.sections:
        lines += [f"== {heading} ==", text, ""]
    return "\n".join(lines)


def wikitext_article(battle: Battle) -> str:
    box = infobox(battle)
    lines = ["{{Infobox military conflict", f"| conflict    = {battle.title}", "| partof      = the [[Mali War]]",
             f"| date        = {box['Date']}",
             f"| place       = [[{battle.settlement.name}|{battle.place.split(',')[0]}]], "
             f"[[{battle.settlement.region} Region]], Mali",
             f"| result      = {battle.result}"]
    for i, side in enumerate(battle.sides, 1):
        lines.append(f"| combatant{i}  = " + "<br />".join(f"{{{{flagicon|{p}}}}} [[{p}]]" for p in side))
    for i, names in enumerate(battle.commanders, 1):
        lines.append(f"| commander{i}  = " + ("<br />".join(n.replace(" (killed in action)", "{{KIA}}") for n in names)
                                              or "Unknown"))
    for i, strength in enumerate(battle.strengths, 1):
        lines.append(f"| strength{i}   = {strength}<ref>RFI</ref>")
    for i, groups in enumerate(battle.casualties, 1):
        lines.append(f"| casualties{i} = {casualty_text(groups)}<ref name=\"afp\"/>")
    lines += ["}}", f"The '''{battle.title}''' took place in [[{battle.settlement.name}]]. {battle.lead}", ""]
    for heading, text in battle.sections:
        lines += [f"== {heading} ==", text + "<ref>AFP</ref>", ""]
    return "\n".join(lines)


def table_article(battle: Battle) -> str:
    box = infobox(battle)
    row = lambda label, cells: "| " + " | ".join([label, *cells]) + " |"  # noqa: E731
    lines = [f"# {battle.title}", "", "| Field | Value |", "|---|---|",
             row("Date", [box["Date"]]), row("Location", [battle.place]), row("Result", [battle.result]),
             row("Belligerents", ["; ".join(s) for s in battle.sides]),
             row("Commanders and leaders", ["; ".join(c) or "Unknown" for c in battle.commanders]),
             row("Casualties and losses", [casualty_text(g) for g in battle.casualties[:len(battle.sides)]]), "",
             battle.lead, ""]
    for heading, text in battle.sections:
        lines += [f"## {heading}", "", text, ""]
    return "\n".join(lines)


def web_page_article(battle: Battle) -> str:
    """A page copied from a browser, like seeds/003: glued labels, flag images, per-claimant casualty blocks."""
    date = _page_date(battle.start, battle.end, battle.precision)
    lines = [battle.title, "", "Last updated", "", battle.title, "Part of the Mali War", "Camp.JPG",
             f"The camp at {battle.settlement.name}", f"Date{date}", "Location", battle.place, "Result", "",
             battle.result, "", "Belligerents", ""]
    for side in battle.sides:
        lines += ["\n".join(f"Flag of {p}.svg  {p}" for p in side), ""]
    lines += ["Commanders and leaders", ""]
    for names in battle.commanders:
        lines += ["\n".join(names) or "Unknown", ""]
    lines += ["Strength", " ".join(f"{s} [1]" for s in battle.strengths), "Casualties and losses"]
    for groups in battle.casualties[:len(battle.sides)]:
        for claimant, figures in groups:
            lines += [f"{figure} {word}" for figure, _, word in figures]
            lines.append(f"(According to the {claimant or 'press'}) [2]")
        lines.append("")
    lines += [battle.lead, "", "Contents", ""]
    for heading, text in battle.sections:
        lines += [heading, "", text + " [3]", ""]
    lines += ["References", "", "  1. \"Mali : combats\". RFI. Retrieved 22 May 2015.", "",
              f"{battle.settlement.latitude:.4f}; {battle.settlement.longitude:.4f}"]
    return "\n".join(lines)


RENDERERS = {"markdown-infobox": markdown_article, "web-page": web_page_article, "wikitext": wikitext_article,
             "table": table_article}


def write_corpus(out_dir: str | Path, n: int, seed: int = 0, gazetteer_path: str | Path = GAZETTEER) -> list[Path]:
    """n article files in the four supported shapes (in turn), named like the seeds; returns their paths."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for battle in battles(n, seed, gazetteer_path):
        shape = SHAPES[battle.number % len(SHAPES)]
        path = out / f"{battle.number:06d}_{shape}.txt"
        path.write_text(RENDERERS[shape](battle), encoding="utf-8")
        paths.append(path)
    return paths
