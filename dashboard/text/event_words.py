"""The words that name what kind of event an article tells (battle, ambush, airstrike…), in the languages the war's
articles are written in. Data, with one test over it: views.event_types types events by them, the reader asks
whether a lead tells any violence at all (a meeting or a ceremony tells none)."""
from __future__ import annotations

import re

from dashboard.text.fold import fold, fold_in_place

# The types in the order legends and filters list them; each with the folded word stems that name it.
# Stems are matched at the start of a word: "ambush" finds "ambushed", "embuscade" finds "embuscades".
EVENT_TYPES: dict[str, tuple[str, ...]] = {
    # French "Combat de Léré" is what English calls "Battle of Léré".
    "battle": ("battle", "bataille", "combat de", "combat d'", "capture of", "fall of", "recapture", "liberation of",
               "prise de", "chute de", "reprise de", "battaglia", "bitva", "битва", "бой",
              "bitwa", "bitw", "bitka", "muharebe", "slaget", "slag om", "taistelu", "бій", "бою", "csata", "bătălia",
              "batalla", "batalha", "schlacht", "slag bij", "pertempuran", "trận", "μάχη", "קרב", "نبرد", "معركة"),
    "clash": ("clash", "skirmish", "fighting", "firefight", "gunfight", "affrontement", "accrochage", "combats",
              "heurts", "escarmouche", "scontr", "combattiment",
             "starci", "walk", "potyczk", "střet", "boje", "çatışma", "strider", "sammandrabbning", "kamper",
             "yhteenot", "зіткнен", "сутичк", "бої", "összecsap", "ciocnir", "lupte", "enfrontament", "enfrentamiento",
             "confronto", "gefecht", "kämpfe", "gevecht", "bentrok", "đụng độ", "συγκρούσ", "עימות", "درگیری", "اشتباك"),
    "ambush": ("ambush", "embuscade", "imboscat", "засад",
              "zasadzk", "přepad", "pusu", "bakhåll", "bakhold", "baghold", "väijy", "засідк", "zasjed", "ambuscad",
              "emboscad", "hinterhalt", "hinderlaag", "penyergapan", "phục kích", "ενέδρα", "מארב", "کمین", "كمين"),
    "attack": ("attack", "assault", "bombing", "suicide", "car bomb", "attaque", "assaut", "attentat",
               "attacco", "нападен", "атак",
              "atak", "zamach", "útok", "saldırı", "anfall", "angrepp", "angrep", "angreb", "hyökkäy", "напад",
              "támadás", "atac", "atentat", "atemptat", "ataque", "angriff", "anschlag", "aanval", "aanslag",
              "serangan", "tấn công", "επίθεσ", "פיגוע", "התקפ", "حمله", "هجوم"),
    "raid": ("raid", "incursion", "razzia",
            "rajd", "nájezd", "baskın", "räd", "rajtaütés", "razia", "غارة"),
    "siege": ("siege", "siège", "blockade", "encirclement", "blocus", "encerclement", "assedio", "осад",
             "oblężen", "obléhání", "kuşatma", "belägring", "beleiring", "piiritys", "облог", "ostrom", "asediu",
             "setge", "cerco", "belagerung", "pengepungan", "vây hãm", "πολιορκ", "מצור", "محاصره", "حصار"),
    "airstrike": ("airstrike", "air strike", "air raid", "drone strike", "drone attack", "strike by drone",
                  "frappe aérienne", "frappes aériennes", "frappe de drone", "bombardement aérien", "raid aérien",
                  "attacco aereo", "авиаудар",
                 "nalot", "nálet", "hava saldırı", "flygangrepp", "ilmaisku", "авіаудар", "légicsapás", "atac aerian",
                 "ataque aéreo", "bombardeo aéreo", "luftangriff", "luchtaanval", "serangan udara", "không kích",
                 "αεροπορική επιδρομή", "תקיפה אווירית", "حمله هوایی", "غارة جوية"),
    "bombardment": ("bombardment", "shelling", "mortar", "rocket attack", "rocket fire", "artillery",
                    "bombardement", "obus", "tirs de roquette", "roquettes", "bombardament", "обстрел",
                   "ostrzał", "ostřelování", "bombardowan", "bombardován", "bombardıman", "beskjutning", "pommitus",
                   "обстріл", "bombázás", "bombardeig", "bombardeo", "bombardeio", "beschuss", "beschieting",
                   "pengeboman", "pháo kích", "βομβαρδισμ", "הפגז", "گلوله‌باران", "قصف"),
    "offensive": ("offensive", "counter-offensive", "counteroffensive", "contre-offensive", "campaign",
                  "operation", "opération", "offensiva", "наступлен",
                 "ofensyw", "ofenzív", "taarruz", "offensiv", "наступ", "offenzív", "ofensiv", "offensief"),
    "massacre": ("massacre", "killings", "executions", "tuerie", "strage", "резня",
                "masakr", "rzeź", "katliam", "massaker", "verilöyly", "різанин", "масакр", "mészárlás", "masacr",
                "bloedbad", "pembantaian", "thảm sát", "σφαγή", "טבח", "کشتار", "مجزرة"),
    "hostage-taking": ("hostage", "kidnapping", "kidnapped", "abduction", "abducted", "otage", "enlèvement",
                       "enlevement", "rapt", "rapimento", "sequestr", "похищен", "заложник",
                      "porwan", "uprowadz", "únos", "rehine", "kidnappning", "gisslan", "panttivan", "викраден",
                      "заручник", "túsz", "ostatic", "segrest", "secuestro", "sequestro", "entführung", "geiselnahme",
                      "ontvoering", "gijzeling", "penculikan", "bắt cóc", "απαγωγ", "חטיפ", "گروگان", "اختطاف"),
}
# Scripts written without spaces, matched anywhere in a word ("コンナの戦い", "基达尔战役").
UNSPACED_EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "battle": ("戦い", "の戦", "戦闘", "전투", "戰役", "战役", "之战", "之戰", "会战"),
    "clash": ("衝突", "교전", "冲突"),
    "ambush": ("待ち伏せ", "매복", "伏擊", "伏击"),
    "attack": ("攻撃", "襲撃", "공격", "습격", "袭击", "襲擊"),
    "siege": ("包囲", "포위", "围攻", "圍攻"),
    "airstrike": ("空爆", "空襲", "공습", "空袭"),
    "bombardment": ("砲撃", "포격", "炮击", "砲擊"),
    "massacre": ("虐殺", "학살", "屠杀", "屠殺"),
    "hostage-taking": ("誘拐", "人質", "납치", "绑架", "綁架", "人质"),
}
# Longer stems first, so "air strike" is read before "strike" and "drone attack" before "attack".
STEMS = sorted(((fold(stem), name) for name, stems in EVENT_TYPES.items() for stem in stems), key=lambda pair: -len(pair[0]))
UNSPACED_STEMS = sorted(((stem, name) for name, stems in UNSPACED_EVENT_TYPES.items() for stem in stems),
                        key=lambda pair: -len(pair[0]))
PATTERN = re.compile(r"(?<!\w)(" + "|".join(re.escape(stem) for stem, _ in STEMS) + r")|("
                     + "|".join(re.escape(stem) for stem, _ in UNSPACED_STEMS) + ")", re.UNICODE)
TYPE_OF_STEM = dict(STEMS) | dict(UNSPACED_STEMS)


def first_event_word(text: str) -> str | None:
    """The event type the text names first ("battle" for "Bitwa o Konnę"), None when it names none."""
    match = PATTERN.search(fold(text))
    return TYPE_OF_STEM[match.group(1) or match.group(2)] if match else None


def event_word_span(text: str) -> tuple[int, int] | None:
    """Where in the text, as written, the first event word stands ("Bitwa o Konnę" -> (0, 5))."""
    match = PATTERN.search(fold_in_place(text))
    return match.span() if match else None
