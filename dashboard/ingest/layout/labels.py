"""The infobox label vocabulary in the languages articles come in, and finding a label wherever a page puts it.

A label maps to one canonical field. Labels are compared folded (text.fold.label_key: no case, no accents,
punctuation as spaces), so "Belligérants", "BELLIGERANTS" and "belligerants:" are one label. Per-side fields
may carry the side's number ("Combatant2", "casualties3"). Machine-translated mirrors translate labels too
("Datato", "Датировано" for the French "Daté"), so those translations are labels as well.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from dashboard.text.fold import label_key

# Canonical field -> labels (folded), English first, then fr, it, es, pt, de, nl, ru, zh, ar, then wikitext keys, then
# the other languages Wikipedia's conflict and attack infoboxes are written in.
LABELS: dict[str, tuple[str, ...]] = {
    "conflict": ("الصراع", "المعركة", "النزاع", "conflict", "name", "battle name", "nom", "nombre", "conflit", "conflitto", "nome del conflitto", "conflicto",
                 "conflito", "konflikt",
                 "конфликт", "名称",
        # pl, cs, sk, tr, ja, zh-Hant, ko, sv, no, da, fi, uk, bg, sr, hr, sl, hu, ro, ca, id, vi, el, he, fa
        "çatışma", "konflikti", "сукоб", "конфлікт", "衝突", "전투", "σύγκρουση", "xung đột", "nazwa", "název", "назва",
        "konfliktus", "conflicte", "nama"),
    "part_of": ("جزء من", "partof", "part of", "partie de", "fait partie de", "guerre", "parte di", "fa parte di", "parte de",
                "forma parte de", "faz parte de", "teil von", "teil des", "onderdeel van", "deel van", "часть", "属于",
        # pl, cs, sk, tr, ja, zh-Hant, ko, sv, no, da, fi, uk, bg, sr, hr, sl, hu, ro, ca, id, vi, el, he, fa
        "część", "cześć wojny", "součást", "parçası", "bir parçası", "del av", "osa", "частина", "része",
        "parte din", "part de", "bagian dari", "một phần của", "μέρος", "חלק מ", "بخشی از"),
    "date": ("التاريخ", "date", "dates", "daté", "datato", "datata", "data", "datado", "fecha", "fechas", "datum",
             "datiert", "дата", "datum van", "датировано",
             "日期", "时间",
        # pl, cs, sk, tr, ja, zh-Hant, ko, sv, no, da, fi, uk, bg, sr, hr, sl, hu, ro, ca, id, vi, el, he, fa
        "czas", "data bitwy", "trvání", "datum bitvy", "dátum", "tarih", "日時", "年月日", "期間", "日付", "날짜", "기간", "dato",
        "tidpunkt", "päivämäärä", "aika", "ajankohta", "датум", "időpont", "tanggal", "waktu", "thời gian", "ngày",
        "χρονολογία", "ημερομηνία", "תאריך", "تاریخ",
        # machine translations of a French infobox's labels ("Issue", "Forces en présence")
        "dated", "fechado", "con fecha de", "gedateerd", "datowany", "datowane", "tarihli", "датовано", "datat"),
    "place": ("الموقع", "المكان", "place", "location", "locations", "lieu", "lieux", "localisation", "emplacement", "luogo", "posizione",
              "localita", "lugar", "ubicacion", "local", "localizacao", "ort", "место", "locatie", "plaats", "место расположения",
              "местоположение", "地点", "位置",
        # pl, cs, sk, tr, ja, zh-Hant, ko, sv, no, da, fi, uk, bg, sr, hr, sl, hu, ro, ca, id, vi, el, he, fa
        "miejsce", "místo", "miesto", "yer", "konum", "場所", "地點", "장소", "위치", "plats", "sted", "paikka", "місце",
        "място", "mjesto", "lokacija", "локација", "kraj", "helyszín", "hely", "locul", "loc", "lloc", "lokasi",
        "tempat", "địa điểm", "τόπος", "τοποθεσία", "מקום", "مکان", "محل",
        # machine translations of a French infobox's labels ("Issue", "Forces en présence")
        "localización", "lokalizacja", "umístění"),
    "coordinates": ("الإحداثيات", "الاحداثيات", "coordinates", "coord", "coordonnees", "coordinate", "coordenadas", "koordinaten", "координаты",
                    "坐标",
        # pl, cs, sk, tr, ja, zh-Hant, ko, sv, no, da, fi, uk, bg, sr, hr, sl, hu, ro, ca, id, vi, el, he, fa
        "współrzędne", "souřadnice", "súradnice", "koordinatlar", "座標", "좌표", "koordinater", "koordinaatit",
        "координати", "koordináták", "coordonate", "koordinat", "tọa độ", "συντεταγμένες", "קואורדינטות", "مختصات"),
    "result": ("النتيجة", "النتائج", "result", "outcome", "status", "issue", "resultat", "esito", "risultato", "resultado", "desfecho", "ergebnis",
               "ausgang", "итог", "resultaat", "uitkomst", "afloop", "исход", "результат", "结果",
        # pl, cs, sk, tr, ja, zh-Hant, ko, sv, no, da, fi, uk, bg, sr, hr, sl, hu, ro, ca, id, vi, el, he, fa
        "wynik", "rezultat", "výsledek", "výsledok", "sonuç", "結果", "결과", "utfall", "lopputulos", "tulos",
        "наслідки", "ishod", "izid", "eredmény", "hasil", "kết quả", "έκβαση", "αποτέλεσμα", "תוצאה", "نتیجه",
        # machine translations of a French infobox's labels ("Issue", "Forces en présence")
        "exit", "ausgabe", "salida", "edición", "saída", "edição", "uscita", "problema", "uitgave", "probleem",
        "wydanie", "выпуск", "проблема", "sorun", "utgåva", "vydání", "випуск"),
    "territory": ("تغييرات حدودية", "تغيرات إقليمية", "territory", "territorial changes", "changements territoriaux", "modifiche territoriali",
                  "cambios territoriales", "mudancas territoriais", "alteracoes territoriais",
                  "territoriale veranderungen", "territoriale veranderingen", "территориальные изменения", "领土变更",
        # pl, cs, sk, tr, ja, zh-Hant, ko, sv, no, da, fi, uk, bg, sr, hr, sl, hu, ro, ca, id, vi, el, he, fa
        "zmiany terytorialne", "územní změny", "bölgesel değişiklikler", "領土の変化", "영토 변화",
        "territoriella förändringar", "територіальні зміни", "területi változások", "schimbări teritoriale",
        "canvis territorials", "perubahan wilayah", "thay đổi lãnh thổ", "εδαφικές μεταβολές",
        "שינויים טריטוריאליים", "تغییرات مرزی", "تغییرات سرزمینی"),
    "combatant": ("المتحاربون", "الأطراف المتحاربة", "أطراف النزاع", "المتحاربين", "combatant", "combatants", "belligerent", "belligerents", "side", "belligerants", "belligerant",
                  "combattant", "combattants", "belligeranti", "belligerante", "schieramento", "schieramenti",
                  "beligerantes", "beligerante", "combatientes", "combatiente", "combatente", "combatentes",
                  "konfliktpartei", "konfliktparteien", "kriegsparteien", "strijdende partijen", "strijdende partij", "противник", "противники", "стороны",
                  "воюющие стороны", "воюющие", "воюющий", "参战方", "交战方",
        # pl, cs, sk, tr, ja, zh-Hant, ko, sv, no, da, fi, uk, bg, sr, hr, sl, hu, ro, ca, id, vi, el, he, fa
        "strony konfliktu", "strony", "walczące strony", "strany", "strany konfliktu", "bojujúce strany", "taraflar",
        "çatışan taraflar", "衝突した勢力", "交戦勢力", "交戰方", "參戰方", "교전국", "교전 세력", "교전 단체", "stridande", "stridande parter",
        "krigförande", "stridende parter", "parter", "stridende", "osapuolet", "сторони", "сторони конфлікту",
        "страни", "воюващи страни", "сукобљене стране", "sukobljene strane", "zaraćene strane", "stran",
        "szemben álló felek", "hadviselő felek", "beligeranți", "beligeranti", "părți beligerante", "bàndols",
        "bel·ligerants", "combatents", "pihak terlibat", "pihak yang terlibat", "tham chiến", "các bên tham chiến",
        "αντιμαχόμενοι", "εμπόλεμοι", "צדדים לוחמים", "הצדדים", "طرفین درگیر", "طرف‌های درگیر", "متخاصمان", "strona",
        "taraf", "bàndol", "сторона", "szemben", "part", "strana", "osapuoli", "beligerant",
        # machine translations of a French infobox's labels ("Issue", "Forces en présence")
        "kriegführende", "kriegsführende", "wojownicy", "strony wojujące", "walczący", "oorlogvoerende partijen",
        "oorlogvoerenden", "savaşanlar", "válčící strany", "воюючі сторони", "krigförande parter"),
    "commander": ("القادة", "القادة والزعماء", "القادة والرؤساء", "commander", "commanders", "commanders and leaders", "leaders", "commandant", "commandants",
                  "commandement", "chefs", "comandanti", "comandante", "comandantes", "befehlshaber", "kommandeure", "leiders", "commandanten", "bevelhebbers", "aanvoerders",
                  "командующие", "командир", "командиры", "指挥官",
        # pl, cs, sk, tr, ja, zh-Hant, ko, sv, no, da, fi, uk, bg, sr, hr, sl, hu, ro, ca, id, vi, el, he, fa
        "dowódcy", "dowódca", "velitelé", "velitel", "velitelia", "komutanlar", "komutanlar ve liderler", "komutan",
        "指導者・指揮官", "指揮官", "지휘관", "befälhavare", "befälhavare och ledare", "kommandanter", "kommandanter og ledere",
        "kommandører", "komentajat", "komentajat ja johtajat", "командувачі", "командири", "командири та лідери",
        "командири и водачи", "команданти", "zapovjednici", "zapovednici", "poveljniki", "parancsnokok",
        "comandanți", "comandants", "komandan", "komandan dan pemimpin", "chỉ huy", "chỉ huy và lãnh đạo",
        "διοικητές", "מפקדים", "فرماندهان", "رهبران", "parancsnok", "comandant", "командувач", "komentaja",
        # machine translations of a French infobox's labels ("Issue", "Forces en présence")
        "kommandanten", "komendanci"),
    "units": ("الوحدات", "الوحدات المشاركة", "units", "units involved", "unites", "unites engagees", "unita coinvolte", "unita", "unidades",
              "unidades involucradas", "unidades envolvidas", "einheiten", "beteiligte einheiten", "eenheden", "betrokken eenheden", "подразделения",
              "参战部队",
        # pl, cs, sk, tr, ja, zh-Hant, ko, sv, no, da, fi, uk, bg, sr, hr, sl, hu, ro, ca, id, vi, el, he, fa
        "jednostki", "zaangażowane jednostki", "jednotky", "birlikler", "参加部隊", "부대", "förband", "enheter", "joukot",
        "підрозділи", "egységek", "unități", "unitats", "satuan", "đơn vị", "μονάδες", "יחידות", "یگان‌ها"),
    "strength": ("القوة", "القوات", "strength", "forces en presence", "forces", "effectifs", "forze in campo", "forze coinvolte", "forze",
                 "effettivi", "fuerzas", "fuerzas en combate", "efectivos", "soldados", "forca", "forcas", "forcas envolvidas",
                 "starke",
                 "truppenstarke", "troepensterkte", "sterkte", "силы сторон", "силы", "задействованные силы", "兵力",
        # pl, cs, sk, tr, ja, zh-Hant, ko, sv, no, da, fi, uk, bg, sr, hr, sl, hu, ro, ca, id, vi, el, he, fa
        "siły", "siły stron", "síla", "sily", "síly", "güçler", "kuvvetler", "güç", "戦力", "병력", "styrka", "styrker",
        "vahvuus", "vahvuudet", "сили", "сили сторін", "jačina", "snage", "сила", "moč", "szemben álló erők", "erők",
        "haderő", "forțe", "forte", "efectius", "kekuatan", "lực lượng", "δυνάμεις", "כוחות", "قوا", "توان",
        # machine translations of a French infobox's labels ("Issue", "Forces en présence")
        "forces present", "forces involved", "forces in presence", "kräfte vorhanden", "beteiligte kräfte",
        "vorhandene kräfte", "fuerzas presentes", "fuerzas involucradas", "forças presentes", "forze presenti",
        "forze in presenza", "aanwezige krachten", "betrokken krachten", "aanwezige troepen", "siły obecne",
        "zaangażowane siły", "присутствующие силы", "силы в присутствии", "mevcut kuvvetler", "přítomné síly",
        "присутні сили"),
    "casualties": ("الخسائر", "الخسائر والإصابات", "الضحايا والخسائر", "casualties", "casualties and losses", "losses", "perte", "pertes", "perdite", "bajas", "perdidas",
                   "baixas", "perdas", "verluste", "verliezen", "slachtoffers", "потери", "伤亡",
        # pl, cs, sk, tr, ja, zh-Hant, ko, sv, no, da, fi, uk, bg, sr, hr, sl, hu, ro, ca, id, vi, el, he, fa
        "straty", "straty własne", "ztráty", "kayıplar", "kayıp", "損害", "被害者数", "被害", "傷亡", "損失", "사상자", "피해 규모",
        "피해", "förluster", "tap", "tab", "tappiot", "втрати", "загуби", "губици", "жртве и губици", "žrtve",
        "gubici", "žrtve i gubici", "izgube", "veszteségek", "veszteség", "pierderi", "victime", "baixes", "pèrdues",
        "korban", "korban dan kerugian", "thương vong", "thương vong và tổn thất", "απώλειες", "אבדות", "נפגעים",
        "تلفات", "تلفات و خسارات"),
    # Attack infoboxes ("Infobox civilian attack" and its translations).
    "target": ("الهدف", "target", "targets", "cible", "cibles", "obiettivo", "bersaglio", "objetivo", "alvo", "ziel", "цель", "doelwit",
               "目标",
        # pl, cs, sk, tr, ja, zh-Hant, ko, sv, no, da, fi, uk, bg, sr, hr, sl, hu, ro, ca, id, vi, el, he, fa
        "cel", "cíl", "hedef", "標的", "목표", "mål", "kohde", "ціль", "мета", "цел", "meta", "cilj", "célpont", "țintă",
        "objectiu", "sasaran", "mục tiêu", "στόχος", "מטרה", "هدف"),
    "perpetrator": ("المنفذون", "المهاجمون", "الجناة", "perpetrator", "perpetrators", "assailant", "assailants", "attackers", "auteur", "auteurs",
                    "assaillants", "perpetratori", "autori", "perpetradores", "autores", "tater", "исполнители", "daders", "dader",
                    "нападавшие", "肇事者",
        # pl, cs, sk, tr, ja, zh-Hant, ko, sv, no, da, fi, uk, bg, sr, hr, sl, hu, ro, ca, id, vi, el, he, fa
        "sprawcy", "sprawca", "pachatelé", "pachatel", "faili", "failler", "犯人", "実行犯", "가해자", "gärningsman",
        "gärningsmän", "gjerningsmann", "tekijä", "tekijät", "виконавці", "нападники", "извършители", "počinitelji",
        "починиоци", "elkövető", "elkövetők", "făptași", "autors", "perpetradors", "pelaku", "thủ phạm", "δράστες",
        "מבצעים", "عاملان", "مهاجمان"),
    "deaths": ("القتلى", "الوفيات", "deaths", "fatalities", "dead", "killed", "morts", "tues", "morti", "vittime", "muertos", "mortos",
               "tote", "погибшие", "doden", "убитые", "死亡",
        # pl, cs, sk, tr, ja, zh-Hant, ko, sv, no, da, fi, uk, bg, sr, hr, sl, hu, ro, ca, id, vi, el, he, fa
        "zabici", "ofiary śmiertelne", "zabitych", "mrtví", "oběti", "ölü", "ölüler", "死者", "死亡者", "사망", "사망자",
        "döda", "dødsfall", "døde", "kuolleet", "загиблі", "убиті", "загинали", "погинули", "poginuli", "mrtvi",
        "halottak", "halálos áldozatok", "morți", "decese", "tewas", "korban tewas", "thiệt mạng", "νεκροί",
        "הרוגים", "کشته‌ها", "کشته"),
    "injured": ("الجرحى", "المصابون", "الإصابات", "injured", "injuries", "non fatal injuries", "wounded", "blesses", "feriti", "heridos", "feridos",
                "verletzte", "раненые", "gewonden", "受伤",
        # pl, cs, sk, tr, ja, zh-Hant, ko, sv, no, da, fi, uk, bg, sr, hr, sl, hu, ro, ca, id, vi, el, he, fa
        "ranni", "zranění", "ranění", "yaralı", "yaralılar", "負傷者", "負傷", "부상자", "부상", "skadade", "sårede",
        "haavoittuneet", "поранені", "ранени", "рањени", "ranjeni", "sebesültek", "răniți", "ferits", "luka-luka",
        "terluka", "bị thương", "τραυματίες", "פצועים", "زخمی‌ها", "زخمی"),
    "weapons": ("الأسلحة", "weapon", "weapons", "arme", "armes", "armi", "armas", "waffen", "оружие", "wapens", "武器",
        # pl, cs, sk, tr, ja, zh-Hant, ko, sv, no, da, fi, uk, bg, sr, hr, sl, hu, ro, ca, id, vi, el, he, fa
        "broń", "zbraně", "silahlar", "兵器", "무기", "vapen", "våpen", "aseet", "зброя", "оръжие", "оружје", "oružje",
        "fegyverek", "senjata", "vũ khí", "όπλα", "נשק", "سلاح", "جنگ‌افزار"),
    "type": ("نوع الهجوم", "type", "attack type", "type d attaque", "tipo", "tipo di attacco", "tipo de ataque", "angriffsart", "type aanval",
             "тип", "тип атаки", "类型",
        # pl, cs, sk, tr, ja, zh-Hant, ko, sv, no, da, fi, uk, bg, sr, hr, sl, hu, ro, ca, id, vi, el, he, fa
        "typ", "typ ataku", "druh", "tür", "saldırı türü", "種類", "攻撃手段", "유형", "typ av attack", "tyyppi", "вид",
        "vrsta", "típus", "tip", "tipus", "jenis", "loại", "τύπος", "סוג", "نوع"),
}
PER_SIDE = {"combatant", "commander", "units", "strength", "casualties"}
# How each canonical field is named to a user.
DISPLAY_NAMES = {"conflict": "Conflict", "part_of": "Part of", "date": "Date", "place": "Location",
                 "coordinates": "Coordinates", "result": "Result", "territory": "Territorial changes",
                 "combatant": "Belligerents", "commander": "Commanders", "units": "Units involved",
                 "strength": "Strength", "casualties": "Casualties and losses", "target": "Target",
                 "perpetrator": "Perpetrators", "deaths": "Deaths", "injured": "Injured", "weapons": "Weapons",
                 "type": "Attack type"}
# Lines that open an infobox without being a field ("Informations générales").
HEADERS = frozenset(label_key(h) for h in (
    "infobox", "general information", "informations générales", "informazioni generali", "información general",
    "informações gerais", "allgemeine informationen", "algemene informatie", "общие сведения", "общая информация", "基本信息", "معلومات عامة",
    "informacje ogólne", "genel bilgi", "genel bilgiler", "allmän information", "generell informasjon", "obecné informace",
    "загальна інформація", "informații generale", "általános információ", "általános információk", "informació general",
    "informasi umum", "yleistä tietoa", "一般情報", "일반 정보"))
_LABEL_TO_CANONICAL = {label_key(label): canon for canon, labels in LABELS.items() for label in labels}
# Labels a value may be glued to: a page shows them as words, so only those of two letters or more.
_GLUEABLE = sorted((k for k in _LABEL_TO_CANONICAL if (len(k) >= 2 and not k.isascii()) or len(k) >= 4 or k == "ort"),
                   key=len, reverse=True)


@dataclass(frozen=True)
class LabelMatch:
    key: str  # canonical field
    index: int | None  # side number the label gives ("Combatant2" -> 2)
    label: str  # the label as written
    rest: str  # the value written on the same line after the label ("" when none)


def canonical_key(label: str) -> tuple[str, int | None] | None:
    """("combatant", 2) for "Combatant2", ("date", None) for "Date", None for a label we do not know."""
    folded = label_key(label).rstrip(":").strip()
    match = re.fullmatch(r"(.*?)\s*(\d{1,2})", folded)
    if match and _LABEL_TO_CANONICAL.get(match.group(1)) in PER_SIDE:
        return _LABEL_TO_CANONICAL[match.group(1)], int(match.group(2))
    canon = _LABEL_TO_CANONICAL.get(folded)  # only per-side fields are numbered: "Date2012" is a date, not field 2012
    return (canon, None) if canon else None


def is_header(text: str) -> bool:
    return label_key(text) in HEADERS


def match_label(text: str, *, glued: bool = True) -> LabelMatch | None:
    """The label a short infobox line or cell starts with: the whole text ("Belligérants"), a "Label: value"
    pair, or a label glued to its value ("Date14–21 January 2013", "LocationMénaka, Mali", "Lieu Léré")."""
    stripped = text.strip()
    if not stripped or len(stripped) > 400:
        return None
    whole = canonical_key(stripped)
    if whole and len(stripped) <= 60:
        return LabelMatch(whole[0], whole[1], stripped.rstrip(": "), "")
    colon = re.match(r"([^:\n]{1,40}?)\s*:\s*(.*)$", stripped, re.S)
    if colon and (key := canonical_key(colon.group(1))):
        return LabelMatch(key[0], key[1], colon.group(1).strip(), colon.group(2).strip())
    return _glued(stripped) if glued else None


def _glued(text: str) -> LabelMatch | None:
    folded = label_key(text[:60])
    for label in _prefixes(folded[:1]):
        if not folded.startswith(label) or len(folded) == len(label):
            continue
        cut = _cut_after(text, label)
        if cut is None:
            continue
        rest = text[cut:]
        spaced = rest[:1].isspace()
        rest = rest.lstrip(" :\t\u00a0")
        key = _LABEL_TO_CANONICAL[label]
        # A value starts like a value: "Date14–21 January", "LocationTimbuktu", "Result Malian victory"; a
        # lower-case word after a label word is a name going on ("Forces armées maliennes"), except after
        # "Part of", which is always followed by "the …".
        if rest and (_starts_value(rest[0]) or (spaced and key == "part_of")):
            return LabelMatch(key, None, text[:cut].strip(), rest)
    return None


def _starts_value(first: str) -> bool:
    uncased = first.isalpha() and not first.islower() and not first.isupper()  # CJK and other scripts without case
    return first.isdigit() or first in "([~≈<>" or first.isupper() or uncased


@lru_cache(maxsize=64)
def _prefixes(first: str) -> tuple[str, ...]:
    return tuple(label for label in _GLUEABLE if label[:1] == first)


def _cut_after(text: str, folded_label: str) -> int | None:
    """Where a folded label ends in the text as written (accents and punctuation fold away)."""
    for end in range(len(folded_label), min(len(text), len(folded_label) + 8) + 1):
        if label_key(text[:end]) == folded_label and (end == len(text) or not _continues_word(text, end, folded_label)):
            return end
    return None


def _continues_word(text: str, end: int, folded_label: str) -> bool:
    """True when the label's last letter runs on into a longer lower-case word ("Dates" is not "Date" + "s")."""
    following = text[end]
    if not following.isalpha():
        return False
    return following.islower() and text[end - 1].islower() and label_key(text[:end + 1]) != folded_label
