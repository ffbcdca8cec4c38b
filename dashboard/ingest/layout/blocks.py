"""Finding the infobox in a page's rows by its labels, and each label's value block up to the next label.

The infobox is the first run of label rows (at least two fields, or one after an "Infobox" /
"Informations générales" line) that no paragraph of prose interrupts. A label's value is what its own row
holds after it (glued, after a colon, in the next cells) and the rows up to the next label. Where a page lost a
row's label (flag-only rows stripped, a mobile page's empty label cells), the rows are given the kind their words
show (kinds.value_kind), in the order infoboxes keep: belligerents, commanders, units, strength, casualties.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from dashboard.casualties.read import names_a_casualty, names_civilians
from dashboard.ingest.layout.kinds import PER_SIDE_ORDER, UNKNOWN_WORDS, value_kind
from dashboard.ingest.layout.labels import PER_SIDE, canonical_key, is_header, match_label
from dashboard.ingest.layout.rows import Row
from dashboard.text.fold import label_key
from dashboard.text.markup import CONTENTS_WORD, image_names, without_images
from dashboard.text.scripts import UNSPACED

_ITEM = re.compile(r"^\s*[-*•]\s*([^:\n]{1,40}?)\s*:\s?(.*)$")
MAX_GAP = 40  # rows between two labels of one infobox
_SINGLE_KINDS_INFERRED = ("result", "combatant", "strength", "casualties")


@dataclass
class Field:
    """One infobox field as the page gave it."""
    label: str  # as written ("Belligérants", "Combatant2"; "" where the page lost it)
    key: str | None  # canonical field, None for a label the vocabulary does not know
    index: int | None  # the side number the label gives
    value: str  # as written
    cells: list[str] | None = None  # the value per side, where the page's table cells mark the sides
    inferred: bool = False  # the page lost the label; the kind was read from the value's words


@dataclass
class Infobox:
    fields: list[Field]
    start: int  # index of its first row
    end: int  # index after its last row
    layout: str  # "markdown", "table" or "plain"


@dataclass
class _Label:
    row: int
    label: str
    key: str | None
    index: int | None
    inline: list[str]  # values on the label's own row
    item: bool = False  # a "- Key: value" item
    table: bool = False  # the label stands in a table row, its values in the next cells



def is_prose(text: str) -> bool:
    """A sentence of running text, not an infobox line."""
    text = text.strip()
    words = re.findall(r"[^\W\d_]{2,}", text)
    return (len(text) >= 100 and len(words) >= 12 and bool(re.search(r"[.!?;:]\s|[.!?]$", text))) \
        or (len(text) > 400 and len(words) >= 30) \
        or (len(UNSPACED.findall(text)) >= 30 and "。" in text)


def find_infobox(rows: list[Row]) -> Infobox | None:
    """The page's infobox, or None when it has no run of labels. Where a run of labels starts over (the box pasted
    twice, a mirror's preview above its page), the later copy is read if it is at least as full."""
    labels = _label_rows(rows)
    for first in range(len(labels)):
        cluster, again = _cluster(rows, labels, first)
        if not _is_box(rows, cluster):
            continue
        while again is not None:
            copy, later = _cluster(rows, labels, again)
            if not (_is_box(rows, copy) and len(_keys(copy)) >= len(_keys(cluster))):
                break
            cluster, again = copy, later
        return _blocks(rows, cluster)
    return None


def _keys(cluster: list[_Label]) -> set[str]:
    return {lab.key for lab in cluster if lab.key}


def _is_box(rows: list[Row], cluster: list[_Label]) -> bool:
    header = any(is_header(rows[i].text) for i in range(max(0, cluster[0].row - 3), cluster[0].row))
    return len(_keys(cluster)) >= 2 or (header and bool(_keys(cluster))) or (cluster[0].item and header)


def _label_rows(rows: list[Row]) -> list[_Label]:
    found, items = [], False
    for i, row in enumerate(rows):
        if row.blank:
            continue
        if row.table:
            match = match_label(row.cells[0])
            if match:
                found.append(_Label(i, match.label, match.key, match.index, ([match.rest] if match.rest else [])
                                    + row.cells[1:], table=True))
            continue
        line = row.cells[0]
        item = _ITEM.match(line)
        key = canonical_key(item.group(1)) if item else None
        if item and (key or (items and not is_prose(line))):  # once items began, unknown keys are fields too
            found.append(_Label(i, item.group(1).strip(), key[0] if key else None, key[1] if key else None,
                                [item.group(2).strip()], item=True))
            items = True
            continue
        items = False
        if is_prose(line) or len(line.strip()) > 200:
            continue
        match = match_label(line)
        if match and match.key != "coordinates":  # coordinate lines are read wherever the page puts them
            found.append(_Label(i, match.label, match.key, match.index, [match.rest] if match.rest else []))
    return found


def _cluster(rows: list[Row], labels: list[_Label], first: int) -> tuple[list[_Label], int | None]:
    """The run of labels from labels[first], and the index of the label where the run starts over, if it does."""
    cluster = [labels[first]]
    for at in range(first + 1, len(labels)):
        lab = labels[at]
        previous = cluster[-1].row
        if lab.row - previous > MAX_GAP or any(is_prose(rows[i].text) for i in range(previous + 1, lab.row)):
            break
        if _repeats(lab, cluster) and _head_again(rows, cluster[0].row, previous, lab.row):
            return cluster, at
        if cluster[-1].item and not lab.item and any(not rows[i].blank for i in range(previous + 1, lab.row)):
            break
        cluster.append(lab)
    return cluster, None


def _head_again(rows: list[Row], start: int, previous: int, repeat: int) -> bool:
    """Whether the rows before a repeated label hold the box's head again (its title, the "Infobox" line)."""
    head = {label_key(rows[i].text) for i in range(max(0, start - 4), start) if not rows[i].blank}
    return any(not rows[i].blank and (is_header(rows[i].text) or label_key(rows[i].text) in head - {""})
               for i in range(previous + 1, repeat))


def _repeats(lab: _Label, cluster: list[_Label]) -> bool:
    """The run of labels starts over: its first field again after others (the box pasted twice, a mirror's preview
    above its page). A field written twice inside one box is not that: it is kept, and the first value read."""
    first = cluster[0]
    return lab.key is not None and len(cluster) > 1 and (lab.key, lab.index) == (first.key, first.index)


def _blocks(rows: list[Row], cluster: list[_Label]) -> Infobox:
    layout = "markdown" if any(lab.item for lab in cluster) else "table" if rows[cluster[0].row].table else "plain"
    end = _last_block_end(rows, cluster[-1], layout)
    labelled = {lab.key for lab in cluster}
    fields: list[Field] = []
    for lab, nxt in zip(cluster, [*cluster[1:], None]):
        body = rows[lab.row + 1:nxt.row if nxt else end]
        fields.extend(_fields_of(lab, body, labelled, layout))
    return Infobox(fields, cluster[0].row, end, layout)


def _last_block_end(rows: list[Row], last: _Label, layout: str) -> int:
    """Where the infobox stops after its last label: at prose, and at the first line that is not an infobox value
    (a campaign box's title, a navigation box, a map label); a label alone on its line keeps its first paragraph."""
    j = last.row + 1
    if layout == "markdown":
        while j < len(rows) and not rows[j].blank and rows[j].cells[0][:1] in (" ", "\t"):
            j += 1
        return j
    if not last.inline:
        while j < len(rows) and rows[j].blank:
            j += 1
        while j < len(rows) and not rows[j].blank and not is_prose(rows[j].text) \
                and not _lead_after_losses(rows[j].text, last.key):
            j += 1
    end = j
    while j < len(rows) and not is_prose(rows[j].text):
        if not rows[j].blank:
            if not (rows[j].table or _value_line(rows[j].text, last.key)):
                break
            end = j + 1
        j += 1
    return end


def _lead_after_losses(line: str, key: str | None) -> bool:
    """A short first sentence straight after the casualty lines ("Konnan taistelu käytiin 10.–17. tammikuuta 2013
    Konnan kaupungissa."): the lead, which a page without a blank line runs on from the box."""
    return key == "casualties" and len(line.split()) >= 6 and bool(re.search(r"[.!?。]\s*$", line.strip())) \
        and not names_a_casualty(line)


def _value_line(line: str, key: str | None) -> bool:
    if _only_images(line) or value_kind(line) is not None:
        return True
    if key == "casualties":
        return names_a_casualty(line) or bool(re.fullmatch(r"\W*\(.*\)\W*", line))
    return False


def _only_images(line: str) -> bool:
    return bool(image_names(line)) and not without_images(line).strip(" •*|")


def _fields_of(lab: _Label, body: list[Row], labelled: set, layout: str) -> list[Field]:
    """The field of one label, and fields for rows in its block whose own labels were lost."""
    if layout == "markdown":
        value = "\n".join([*lab.inline, *(row.text.strip() for row in body if not row.blank)])
        return [Field(lab.label, lab.key, lab.index, value.strip())]
    single = lab.key not in PER_SIDE
    head: list[Row] = []
    extra: list[tuple[str, list[Row]]] = []
    current = lab.key
    closed = any(c.strip() for c in lab.inline)  # a one-value field whose value is complete
    for row in body:
        last = current == PER_SIDE_ORDER[-1]  # nothing comes after casualties
        kind = None if row.blank or last or _unknown_only(row) else \
            value_kind(" | ".join(row.cells) if row.table else row.text)
        if kind and kind != current and kind not in labelled and _later(current, kind) \
                and (not single or closed or any(not r.blank for r in head)):
            extra.append((kind, [row]))
            current = kind
        elif extra:
            extra[-1][1].append(row)
        elif not single:
            head.append(row)
        elif row.blank:
            closed = closed or any(not r.blank for r in head)
        elif not closed or row.text.lstrip().startswith(("•", "(", "*")):
            head.append(row)  # the value, or its "(1 week)" and bullets
        # anything else between two fields is a caption or a map label, not the value
    fields = [_field(lab.label, lab.key, lab.index, lab.inline, head, lab.table)]
    fields.extend(_field("", kind, None, [], rows, False, inferred=True) for kind, rows in extra)
    return fields


def _unknown_only(row: Row) -> bool:
    """"Unknown | Unknown": a value any field may have, so it says nothing of which field it is."""
    return all(UNKNOWN_WORDS.match(cell) for cell in row.cells if cell.strip())


def _later(current: str | None, kind: str) -> bool:
    if current not in PER_SIDE_ORDER:
        return kind in _SINGLE_KINDS_INFERRED
    return kind in PER_SIDE_ORDER and PER_SIDE_ORDER.index(kind) > PER_SIDE_ORDER.index(current)


def _field(label: str, key: str | None, index: int | None, inline: list[str], body: list[Row], table: bool,
           *, inferred: bool = False) -> Field:
    while body and body[-1].blank:
        body = body[:-1]
    while body and body[0].blank:
        body = body[1:]
    lines = [" | ".join(inline)] if inline else []
    lines.extend("" if row.blank else " | ".join(row.cells) if row.table else row.cells[0] for row in body)
    value = "\n".join(CONTENTS_WORD.sub("", line).rstrip() for line in lines).strip()
    marked = table or len(inline) > 1 or (not inline and any(row.table for row in body))
    cells = _cells(inline, body, key) if key in PER_SIDE and marked else None
    return Field(label, key, index, value, cells, inferred)


def _cells(inline: list[str], body: list[Row], key: str | None) -> list[str] | None:
    """The value per side where table cells mark the sides: the label row's own cells, else the rows after it —
    cell by cell where a row holds several, one side a row where each holds one; a one-cell row after rows of
    several spans the whole table (a total, the civilians), and a line with no cell marks at all goes on in the
    last cell, unless it counts civilians."""
    if inline:
        return [CONTENTS_WORD.sub("", c).strip() for c in inline]
    rows = [row for row in body if not row.blank]
    if not rows:
        return None
    width = max(len(row.cells) for row in rows)
    if width == 1:
        return [CONTENTS_WORD.sub("", row.cells[0]).strip() for row in rows]
    columns: list[list[str]] = [[] for _ in range(width)]
    spanning: list[str] = []
    last = 0  # the column a line with no cell marks goes on in (a browser's copy breaks a cell's lines so)
    for row in rows:
        if len(row.cells) == 1 and any(columns):
            if row.table or (key == "casualties" and names_civilians(row.cells[0])):
                spanning.append(row.cells[0])  # "| Total: 149 killed |", "14+ civilians killed" span the table
            else:
                columns[last].append(row.cells[0])
            continue
        last = len(row.cells) - 1
        for j, cell in enumerate(row.cells):
            columns[j].append(cell)
    out = ["\n".join(c for c in column if c.strip()) for column in columns]
    if spanning:
        out.append("\n".join(spanning))
    return [CONTENTS_WORD.sub("", c).strip() for c in out]
