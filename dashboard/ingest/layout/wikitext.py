"""Raw wikitext read with mwparserfromhell: the infobox template's parameters as fields, the rest as plain text.

Values are rendered as a reader sees them: links as their text, flag templates as the country they name,
{{KIA}} and the like as their marker, <br> as a line break, references and comments dropped, date templates
({{start date|2013|10|23}}) as the date; {{coord|…}} is kept as written for the coordinate reader.
"""
from __future__ import annotations

import re

import mwparserfromhell
from mwparserfromhell.nodes import Comment, ExternalLink, Heading, HTMLEntity, Tag, Template, Text, Wikilink
from mwparserfromhell.wikicode import Wikicode

from dashboard.ingest.layout.blocks import Field
from dashboard.ingest.layout.labels import PER_SIDE, canonical_key

# Infobox templates of conflicts and attacks, in the wikis articles come from.
_INFOBOX = re.compile(r"^(?:infobox|info/|ficha de|conflitto|battaglia|военный конфликт|карточка|conflit militaire)",
                      re.I)
_STATUS = {"kia": "KIA", "pow": "POW", "wia": "WIA", "mia": "MIA", "executed": "executed", "died": "died", "dagger": "†"}
# Flag icons without a name ({{flagicon|Mali}}, {{drapeau|Mali}}, {{Bandiera|MLI}}, {{bandera|MLI}}), notes,
# maintenance banners and boxes of other articles.
_DROPPED = re.compile(r"^(?:flagicon|flagdeco|flag icon|drapeau$|bandiera$|bandeira$|bandera$|efn|cn$|citation needed|"
                      r"sfn|refn|cite|citation|campaignbox|navbox|onesource|refimprove|more citations|use dmy|use mdy|"
                      r"short description|reflist|commons|portal|coord missing)", re.I)
_COUNTRY_ICON = re.compile(r"^[A-Z]{3}$")  # {{MLI}}, {{FRA}}: a flag icon by country code
_FLAG = re.compile(r"^(?:flag|flagcountry|flagu|flagu2|flag country|flaglink|drapeau2|pays|bandera2|band)$", re.I)
_LISTS = re.compile(r"^(?:plainlist|plain list|unbulleted list|ubl|flatlist|hlist|bulleted list|ublist)$", re.I)
_DATES = re.compile(r"^(?:start date|end date|start and end dates|date|dts|birth date|death date|date-|"
                    r"start-date|date de début)$", re.I)
_FILE_LINK = re.compile(r"^(?:file|image|fichier|datei|archivo|ficheiro|immagine|файл|изображение|category|"
                        r"catégorie|categoria|kategorie|категория):", re.I)


MIN_KNOWN_KEYS = 3  # a template of another wiki is its infobox when this many of its keys are infobox labels


def infobox_template(text: str) -> tuple[Wikicode, Template] | None:
    """The parsed page and its infobox template, when the page is raw wikitext with one: a template named as one,
    else the first whose keys are an infobox's ("{{Konflikt zbrojny infobox |czas= |miejsce= |strona1= …}}",
    "{{Askerî çatışma bilgi kutusu |tarih= |yer= |taraf1= …}}", whatever the wiki calls it)."""
    if "{{" not in text or not re.search(r"^\s*\|\s*[^|=\n]{1,40}=", text, re.M):
        return None
    code = mwparserfromhell.parse(text)
    templates = code.filter_templates(recursive=False)
    for template in templates:
        if _INFOBOX.match(str(template.name).strip()):
            return code, template
    for template in templates:
        keys = {canonical_key(str(p.name).strip()) for p in template.params if p.showkey}
        if len({key[0] for key in keys if key}) >= MIN_KNOWN_KEYS:
            return code, template
    return None


def infobox_fields(template: Template) -> list[Field]:
    """Each parameter as a field: its name as the label, its value rendered as text."""
    fields = []
    for param in template.params:
        name = str(param.name).strip()
        if not name or not param.showkey:
            continue
        key = canonical_key(name)
        raw = str(param.value).strip()
        value = raw if key and key[0] == "coordinates" else plain_text(param.value).strip()
        value = "\n".join(line.strip() for line in value.split("\n"))
        value = re.sub(r"\n{3,}", "\n\n", value).strip()
        fields.append(Field(name, key[0] if key else None, key[1] if key else None, value,
                            None if not key or key[0] not in PER_SIDE else None))
    return fields


def body_text(code: Wikicode, template: Template) -> str:
    """The page without its infobox, as plain text with "== Heading ==" lines kept."""
    index = code.index(template)
    rest = Wikicode(code.nodes[index + 1:])
    return plain_text(rest)


def before_text(code: Wikicode, template: Template) -> str:
    return plain_text(Wikicode(code.nodes[:code.index(template)]))


def plain_text(code: Wikicode) -> str:
    out: list[str] = []
    for node in code.nodes:
        if isinstance(node, Text):
            out.append(str(node))
        elif isinstance(node, Wikilink):
            title = str(node.title).strip()
            if not _FILE_LINK.match(title):
                out.append(plain_text(node.text) if node.text is not None else title.split("#")[0])
        elif isinstance(node, ExternalLink):
            out.append(plain_text(node.title) if node.title is not None else "")
        elif isinstance(node, Template):
            out.append(_template_text(node))
        elif isinstance(node, Heading):
            marks = "=" * max(node.level, 2)
            out.append(f"\n\n{marks} {plain_text(node.title).strip()} {marks}\n")
        elif isinstance(node, Tag):
            out.append(_tag_text(node))
        elif isinstance(node, HTMLEntity):
            out.append(node.normalize())
        elif isinstance(node, Comment):
            continue
    return "".join(out).replace("\u00a0", " ")


def _tag_text(node: Tag) -> str:
    tag = str(node.tag).strip().casefold()
    if tag == "ref" or tag in ("references", "gallery", "math", "score"):
        return ""
    if tag == "br":
        return "\n"
    if tag == "li":
        return "\n" + (plain_text(node.contents) if node.contents is not None else "")
    return plain_text(node.contents) if node.contents is not None else ""


def _template_text(node: Template) -> str:
    name = str(node.name).strip()
    key = name.casefold()
    positional = [plain_text(p.value).strip() for p in node.params if not p.showkey]
    if key in _STATUS:
        return f" {_STATUS[key]}"
    if key == "coord":
        return str(node)
    if _DROPPED.match(key) or _COUNTRY_ICON.match(name):
        return ""
    if _FLAG.match(key):
        return positional[0] if positional else ""
    if _LISTS.match(key):
        return "\n".join(p.lstrip("*• ").strip() for p in re.split(r"\n", "\n".join(positional)) if p.strip("*• "))
    if _DATES.match(key) and positional:
        return _date_text(positional)
    if key in ("circa", "c.", "c"):
        return "c. " + " ".join(positional)
    if positional and len(positional) <= 3:
        return positional[-1]
    return ""


def _date_text(parts: list[str]) -> str:
    """"2013-10-23", or "2014-05-16 – 2014-05-21" for a start and end; written words pass through."""
    numbers = [p for p in parts if re.fullmatch(r"\d{1,4}", p)]
    if len(numbers) != len(parts):
        return " ".join(parts)
    iso = ["-".join(f"{int(x):02d}" if i else x for i, x in enumerate(numbers[j:j + 3])) for j in range(0, len(numbers), 3)]
    return " – ".join(iso)
