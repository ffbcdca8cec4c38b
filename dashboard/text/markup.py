"""What copied pages leave around the words: citation markers, wiki residue, image and flag names, site chrome.

One home for the patterns every reader and cleaner uses, so a marker stripped in one place is stripped
everywhere (dates, casualty figures, party names): "[7]", "[edit | edit source]", "Flag of Mali.svg",
"Drapeau du Mali", "![]()", "File:…", emoji flags, "Lua error in Module:…", "Année invalide (mars)".
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# Markdown emphasis a copy keeps around words ("**Date**", "__Mali__").
EMPHASIS = re.compile(r"\*{2,}|_{2,}")
# "[7]", "[a]", "[note 2]", "[nb 1]", "[citation needed]", "[ citation needed ]"
CITATION = re.compile(r"\[\s*(?:\d+|[a-z]|note\s*\d+|citation needed|nb\s*\d+|réf\.? nécessaire|ref\. necessaria)\s*\]",
                      re.I)
# Citation markers plus the icon sizes wikitext leaves ("border|22px", "20px").
RESIDUE = re.compile(r"\bborder\s*\|\s*\d+px\b|\b\d+px\b|" + CITATION.pattern, re.I)
# Section edit links in every language a mirror shows them, and the mangled "[ tweak]" of one mirror's word swaps.
EDIT_MARK = re.compile(
    r"\[\s*(?:edit|tweak|modifier|modifica|editar(?: datos en wikidata)?|bearbeiten|править|编辑)"
    r"(?:\s*\|\s*(?:edit source|modifier le code|modifica wikitesto|editar código-fonte|editar código|"
    r"quelltext bearbeiten|править код|编辑源代码))?\s*\]", re.I)
EMOJI_FLAG = re.compile("[\U0001F1E6-\U0001F1FF]{2}")
MARKDOWN_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
# What a failed template or module prints in place of its value.
BROKEN_TEMPLATE = re.compile(
    r"\b(?:Année|Date|Mois|Jour) invalide\s*(?:\([^)\n]*\))?|Lua error[^\n]*?(?:\(a nil value\)\.?|$)|"
    r"Erreur de script[^\n]*|Expression error:[^\n]*|Erreur\s*:\s*(?:date|année)[^\n]*|Modèle:\S[^\n]*",
    re.I | re.M)
IMAGE_EXTENSION = r"\.(?:svg|png|jpe?g|gif|webp|tiff?)\b"
IMAGE_FILE = re.compile(r"\S+" + IMAGE_EXTENSION, re.I)
_FILE_PREFIX = r"(?:File|Image|Fichier|Datei|Archivo|Ficheiro|Immagine|Файл|Изображение|文件):"
# Words that open a flag's name or caption, with the words that may follow them before the country.
_FLAG_WORD = re.compile(r"^(?:flag|drapeau|bandiera|bandeira|bandera|flagge|vlag|флаг|旗帜|国旗)$", re.I)
_CAPTION = re.compile(
    r"(?<![\w-])(?:Flag of (?:the )?|Drapeau (?:du |de la |de l['’]|des |de |d['’])|"
    r"Bandiera (?:del |della |dello |dell['’]|dei |degli |delle |di )|Bandeira (?:do |da |de |dos |das )|"
    r"Bandera (?:de la |de los |de las |del |de )|Flagge (?:von |der |des )?|Флаг |"
    # the same in the other languages, the word before the country ("Flaga Mali", "Прапор Малі", "Drapelul Franței")
    r"Flaga |Vlajka |Прапор |Знаме на |Застава |Zastava |Drapelul |Bendera |Cờ |Σημαία (?:του |της )?|דגל |پرچم )(?=\S)")
# Or the word after it ("Mali bayrağı", "Malis flagga", "Malin lippu", "Mali zászlaja", "マリの国旗"): the caption ends there.
_CAPTION_AFTER = re.compile(r"(?<![\w-])(?P<subject>[^\W\d_]+)(?: (?:bayrağı|flagga|flagg|flag|lippu|zászlaja)(?![\w-])|"
                            r"の国旗| 국기)")
# A site's own lines around the article: navigation, licence footers, revision banners, location-map captions.
CHROME_LINE = re.compile(
    r"^(?:jump to (?:content|navigation|search)|aller au contenu|vai al contenuto|ir al contenido|"
    r"zum inhalt springen|перейти к содержанию|(?:from|fro['’]?) wikipedia,? the free encyclopedia|"
    r"un article de wikipédia, l['’]encyclopédie libre|da wikipedia, l['’]enciclopedia libera|"
    r"de wikipedia, la enciclopedia libre|origem: wikipédia, a enciclopédia livre|"
    r"aus wikipedia, der freien enzyklopädie|материал из википедии|source: wikipedia|last updated\b|"
    r"z wikipedii, wolnej encyklopedii|z wikipedie, otevřené encyklopedie|vikipedi, özgür ansiklopedi|"
    r"från wikipedia(?:, den fria encyklopedin)?|fra wikipedia, den frie encyklopedi\w*|wikipediasta|"
    r"матеріал з вікіпедії[^\n]*|a wikipédiából, a szabad enciklopédiából|de la wikipedia, enciclopedia liberă|"
    r"de la viquipèdia, l['’]enciclopèdia lliure|dari wikipedia bahasa indonesia, ensiklopedia bebas|"
    r"bách khoa toàn thư mở wikipedia|από τη βικιπαίδεια, την ελεύθερη εγκυκλοπαίδεια|"
    r"מתוך ויקיפדיה, האנציקלופדיה החופשית|از ویکی‌پدیا، دانشنامهٔ آزاد|出典: フリー百科事典[^\n]*|"
    r"위키백과, 우리 모두의 백과사전\.?|维基百科，自由的百科全书|維基百科，自由的百科全書|"
    r"\(redirected from [^)]*\)|[\d,. ]+ pages$|this page uses creative commons|"
    # A site's navigation words alone on a line ("Home", "Accueil Chercher", "Menu Search").
    r"(?:(?:home|search|menu|main menu|log ?in|sign in|accueil|chercher|rechercher|menu principal|connexion|"
    r"pagina principale|cerca|inicio|buscar|início|pesquisar|startseite|suche|главная|поиск)\W*){1,4}$|"
    r"community content is available under|ceci est une version archivée|this is an old revision|"
    r"questa è una vecchia versione|esta es una versión antigua|dies ist eine alte version|"
    r"это старая версия|you can help expand this article|géolocalisation sur la carte|"
    r"\(voir situation sur carte|geolocalizzazione sulla mappa|\(vedere la situazione sulla mappa|"
    r"location within |localisation dans |ubicación en |localização em |lage in |quick facts\b|close$|"
    r".{1,80} is located in [A-Z][\w ]{1,30}$|.{1,80} est situé(?:e)? (?:au|en) [A-Z][\w ]{1,30}$|"
    # A campaign box's header word, alone on its line.
    r"(?:battles|batailles|battaglie|batallas|batalhas|schlachten|сражения)$)",
    re.I)
# The table-of-contents word a copy leaves in the middle of a field or on its own line.
CONTENTS_WORD = re.compile(r"(?:^|\s)(?:Contents|Sommaire|Indice|Índice|Inhaltsverzeichnis|Содержание|目录)\s*$")
# Search-engine filler some mirrors put before the article ("This article will address X, a topic of …").
SEO_PHRASES = re.compile(
    r"\bthis article will (?:address|explore|discuss)|\ba topic of great (?:relevance|interest)|"
    r"\bin this article,? we will\b|\bcet article (?:abordera|traitera)|\bin questo articolo\b", re.I)
_SPACES = re.compile(r"\s+")
# Two words glued where a link or a line break was lost: "Ansar DineMOJWA" -> "Ansar Dine MOJWA".
_GLUED_ACRONYM = re.compile(r"(?<=[a-zà-ÿ])(?=[A-Z]{2,}\b)")


_MAYBE_IMAGE = re.compile(IMAGE_EXTENSION + r"|!\[|\b(?:flag|drapeau|bandiera|bandeira|bandera|flagge|vlag|flaga|vlajka|"
                          r"bayrağı|flagga|flagg|lippu|zászlaja|drapelul|bendera|zastava)\b|флаг|прапор|знаме|застава|"
                          r"σημαία|דגל|پرچم|cờ|국기|旗",
                          re.I)


@dataclass(frozen=True)
class ImageName:
    start: int
    end: int
    subject: str  # what the image names ("Mali", "Jihad", "GATIA"), to tell which party a flag stands for


def without_citations(text: str) -> str:
    return CITATION.sub("", text)


def without_residue(text: str) -> str:
    """Citation markers, icon sizes and Markdown emphasis replaced by a space (words either side stay apart)."""
    return EMPHASIS.sub(" ", RESIDUE.sub(" ", text))


def without_page_marks(text: str) -> str:
    """Edit links, emoji flags and what broken templates print, removed (words either side stay apart)."""
    if "[" in text:
        text = EDIT_MARK.sub(" ", text)
    if EMOJI_FLAG.search(text):
        text = EMOJI_FLAG.sub(" ", text)
    low = text.casefold()
    if any(word in low for word in ("invalide", "lua error", "erreur", "expression error", "modèle:")):
        text = BROKEN_TEMPLATE.sub(" ", text)
    return text


def squeeze(text: str) -> str:
    """Runs of whitespace as one space, ends trimmed."""
    return _SPACES.sub(" ", text).strip()


def unglue_acronyms(text: str) -> str:
    return _GLUED_ACRONYM.sub(" ", text)


# A location map's caption; the lines after it are the map's own labels ("Khalil", "Khalil", "Battle of X (Mali)").
MAP_CAPTION = re.compile(r"^(?:.{1,80} is located in |.{1,80} est situé(?:e)? (?:au|en) |géolocalisation sur la carte|"
                         r"geolocalizzazione sulla mappa)", re.I)


def is_chrome(line: str) -> bool:
    """True for a site's own line (navigation, footer, revision banner, map caption), not the article's."""
    return bool(CHROME_LINE.match(line.strip()))


def image_names(text: str) -> list[ImageName]:
    """Image file names and flag captions in text, in order: "Flag of Mali.svg", "AQMI Flag asymmetric.svg",
    "File:Flag of Jihad.svg", "![]()", "Drapeau du Mali", "Bandiera del Ciad".

    Nothing marks where a file name begins, so it is read back from its extension: to the flag word before it
    ("Flag of …", "Drapeau …"; one word more for "X flag.svg"), else the one word that carries the extension,
    or the whole line when the extension ends it (a picture's own line).
    """
    if not _MAYBE_IMAGE.search(text):
        return []
    found = [ImageName(m.start(), m.end(), text[m.start() + 2:text.index("]", m.start())])
             for m in MARKDOWN_IMAGE.finditer(text)]
    for m in _CAPTION.finditer(text):
        end = _caption_end(text, m.end())
        if not _names_a_file(text, m.end()) and not _inside(found, m.start()):
            found.append(ImageName(m.start(), end, text[m.end():end].strip()))
    for m in _CAPTION_AFTER.finditer(text):
        if not _inside(found, m.start()) and not re.match(IMAGE_EXTENSION, text[m.end():], re.I):
            found.append(ImageName(m.start(), m.end(), m["subject"]))
    for m in re.finditer(IMAGE_EXTENSION, text, re.I):
        if _inside(found, m.start()):
            continue
        floor = max((f.end for f in found if f.end <= m.start()), default=0)
        start = _file_name_start(text, m.start(), m.end(), floor)
        found.append(ImageName(start, m.end(), _subject(text[start:m.start()])))
    return _without_overlaps(found)


def _names_a_file(text: str, start: int) -> bool:
    """True when a flag caption's words run on to an image extension ("Bandiera delle Nazioni Unite.svg"), not to
    the repeated name of a caption ("Bandiera della Francia Francia") or another image's own name ("ShababFlag.svg")."""
    words = re.findall(r"\S+", text[start:start + 200].split("\n")[0])[:9]
    for i, word in enumerate(words):
        if re.search(IMAGE_EXTENSION, word, re.I):
            return not re.search(r"flag|drapeau|bandiera", word[:-4], re.I) or i == 0
        if i and words[i] == words[0] or _FLAG_WORD.match(word):
            return False
    return False


def _inside(found: list[ImageName], position: int) -> bool:
    return any(f.start <= position < f.end for f in found)


def without_images(text: str) -> str:
    """Text with every image name and flag caption replaced by a space."""
    out, last = [], 0
    for image in image_names(text):
        out.append(text[last:image.start])
        last = image.end
    out.append(text[last:])
    return " ".join(out) if len(out) > 1 else text


def _file_name_start(text: str, ext_at: int, ext_end: int, floor: int) -> int:
    line_start = text.rfind("\n", 0, ext_at) + 1
    line_end = text.find("\n", ext_end)
    floor = max(floor, line_start)
    prefix = [floor + m.start() for m in re.finditer(_FILE_PREFIX, text[floor:ext_at])]
    if prefix:
        return prefix[-1]
    words = [(m.start() + floor, m.group()) for m in re.finditer(r"\S+", text[floor:ext_at])]
    if not words:
        return ext_at
    for i in range(len(words) - 1, max(-1, len(words) - 13), -1):
        position, word = words[i]
        core = re.search(r"[^\W\d_]*$", word).group()  # "{Flag", "(Drapeau", "0{Flag": the word itself
        position, word = position + len(word) - len(core), core or word
        if _FLAG_WORD.match(word):
            next_word = words[i + 1][1].casefold() if i + 1 < len(words) else ""
            if word.casefold() == "flag" and next_word != "of" and i > 0:
                return words[i - 1][0]  # "AQMI Flag asymmetric.svg", "GATIA flag.svg"
            return position
    if not text[ext_end:len(text) if line_end < 0 else line_end].strip():
        return floor  # the extension ends the line: a picture's own line ("Mirage 2000D 133-JC operation Serval.jpg")
    return words[-1][0]


def _subject(name: str) -> str:
    name = re.sub(_FILE_PREFIX, "", name)
    words = [w for w in re.split(r"[\s_]+", name) if w and not _FLAG_WORD.match(w)
             and w.casefold() not in ("of", "the", "du", "de", "la", "del", "della", "delle", "des", "l", "asymmetric")]
    return " ".join(words)


def _caption_end(text: str, start: int) -> int:
    """End of a caption's country: as many words as the entry after it repeats ("Burkina Faso Burkina Faso"), else
    one word ("Drapeau de la France Frankreich")."""
    line_end = text.find("\n", start)
    words = list(re.finditer(r"\S+", text[start:len(text) if line_end < 0 else line_end]))
    if not words:
        return start
    names = [w.group() for w in words]
    for k in range(min(3, len(names) // 2), 0, -1):
        if names[:k] == names[k:2 * k]:
            return start + words[k - 1].end()
    return start + words[0].end()


def _without_overlaps(found: list[ImageName]) -> list[ImageName]:
    kept: list[ImageName] = []
    for image in sorted(found, key=lambda f: (f.start, -f.end)):
        if kept and image.start < kept[-1].end:
            continue
        kept.append(image)
    return kept
