"""What the reader returns for any page, and the section headings it knows in the languages articles come in."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from dashboard.ingest.layout.blocks import Field
from dashboard.ingest.layout.labels import LABELS, PER_SIDE, canonical_key
from dashboard.text.fold import label_key
from dashboard.text.published import Publication

__all__ = ["LABELS", "PER_SIDE", "Field", "RawArticle", "canonical_key", "split_paragraphs"]


@dataclass
class RawArticle:
    """An article as the reader found it, before any field is interpreted."""
    shape: str  # what the page looked like ("wikitext", "markdown-infobox", "table", "web-page", "lead-only"): information only
    title: str
    fields: list[tuple[str, str]] = field(default_factory=list)  # infobox (label as written, value as written)
    lead: str = ""
    sections: list[tuple[str, str]] = field(default_factory=list)
    related: list[tuple[str, str]] = field(default_factory=list)  # (title if the page gave one, summary paragraph)
    coordinates_text: str = ""  # the article's own coordinate line(s)
    references: str = ""  # the text of its References / Notes section(s), as written (footnotes are read from it)
    notes: list[str] = field(default_factory=list)  # things the reader had to guess or skip
    infobox: list[Field] = field(default_factory=list)  # the same fields with their canonical key and per-side cells
    is_list: bool = False  # the page is only a list of names (a navigation box, an index), not an article
    published: Publication | None = None  # the date a news copy gives itself (text.published); None for other pages


RELATED_HEADINGS = {"related research articles", "related articles"}
END_HEADINGS = {label_key(h) for h in (
    "references", "notes", "external links", "further reading", "sources", "bibliography", "citations", "see also",
    "notes et références", "références", "liens externes", "bibliographie", "voir aussi", "articles connexes",
    "note", "riferimenti", "collegamenti esterni", "voci correlate", "bibliografia", "referencias", "enlaces externos",
    "véase también", "referências", "ligações externas", "ver também", "einzelnachweise", "weblinks", "literatur",
    "siehe auch", "примечания", "литература", "ссылки", "см. также", "参考文献", "参见", "外部链接",
    # pl, cs/sk, tr, sv/no/da, fi, uk/bg/sr, hr, hu, ro, ca, id, vi, el, he, fa, ja, ko, zh-Hant
    "przypisy", "bibliografia", "linki zewnętrzne", "zobacz też", "reference", "odkazy", "externí odkazy",
    "související články", "poznámky", "literatura", "referencie", "externé odkazy", "kaynakça", "kaynaklar",
    "dış bağlantılar", "ayrıca bakınız", "notlar", "referenser", "källor", "externa länkar", "se även", "noter",
    "referanser", "kilder", "eksterne lenker", "se også", "henvisninger", "eksterne henvisninger", "lähteet",
    "viitteet", "aiheesta muualla", "katso myös", "примітки", "джерела", "посилання", "див. також", "бележки",
    "източници", "външни препратки", "вижте също", "референце", "извори", "спољашње везе", "види још",
    "izvori", "vanjske poveznice", "vidi još", "jegyzetek", "források", "további információk", "kapcsolódó szócikkek",
    "referințe", "legături externe", "vezi și", "referències", "enllaços externs", "vegeu també", "referensi",
    "pranala luar", "lihat pula", "catatan", "chú thích", "tham khảo", "liên kết ngoài", "xem thêm",
    "παραπομπές", "εξωτερικοί σύνδεσμοι", "δείτε επίσης", "הערות שוליים", "קישורים חיצוניים", "ראו גם",
    "منابع", "پانویس", "جستارهای وابسته", "پیوند به بیرون", "脚注", "出典", "関連項目", "外部リンク", "각주",
    "참고 문헌", "외부 링크", "같이 보기", "參考文獻", "參見", "外部連結")}
# End sections whose text is the article's list of references (footnote targets).
REFERENCE_HEADINGS = {label_key(h) for h in (
    "references", "notes", "sources", "citations", "notes et références", "références et notes", "footnotes",
    "références", "note", "riferimenti", "referencias", "referências", "einzelnachweise", "примечания", "参考文献",
    "przypisy", "reference", "poznámky", "kaynakça", "notlar", "referenser", "noter", "referanser", "viitteet",
    "примітки", "бележки", "референце", "jegyzetek", "referințe", "referències", "referensi", "chú thích",
    "παραπομπές", "הערות שוליים", "پانویس", "脚注", "出典", "각주", "參考文獻")}
# Sections about what came before the event: never its date, place or sides.
BACKGROUND_HEADINGS = {label_key(h) for h in (
    "background", "prelude", "context", "origins", "contexte", "prélude", "antécédents", "historique", "contesto",
    "preludio", "premesse", "antefatti", "antecedentes", "contexto", "hintergrund", "vorgeschichte", "предыстория",
    "предпосылки", "контекст", "背景", "tło", "geneza", "tło wydarzeń", "pozadí", "pozadie", "arka plan",
    "bakgrund", "bakgrunn", "baggrund", "tausta", "передумови", "передісторія", "контекст", "предистория",
    "позадина", "pozadina", "előzmények", "háttér", "context", "antecedents", "latar belakang",
    "bối cảnh", "υπόβαθρο", "ιστορικό", "רקע", "پیشینه", "زمینه", "経緯", "배경")}
CONTENTS_HEADINGS = {label_key(h) for h in ("contents", "sommaire", "indice", "índice", "inhaltsverzeichnis",
                                            "содержание", "目录", "spis treści", "obsah", "içindekiler", "innehåll",
                                            "innhold", "indhold", "sisällys", "зміст", "съдържание", "садржај",
                                            "sadržaj", "tartalomjegyzék", "cuprins", "índex", "daftar isi",
                                            "mục lục", "περιεχόμενα", "תוכן עניינים", "فهرست", "目次", "목차", "目錄")}


def is_background(heading: str) -> bool:
    key = label_key(heading)
    return key in BACKGROUND_HEADINGS or any(key.startswith(b + " ") for b in BACKGROUND_HEADINGS)


def split_paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
