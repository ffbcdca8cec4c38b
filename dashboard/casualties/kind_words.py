"""What an infobox casualty figure counts ("50 morts", "11 zabitych", "40 yaralı", "100人死亡") and the words that
say who claimed it ("(selon le Mali)", "(według Mali)", "(MNLA'ya göre)", "(マリ政府発表)"), in the languages the
war's articles are written in. Data only: casualties.read compiles and applies it."""
from __future__ import annotations

import re

# Kind -> words, one string per language group. A word may end in \w* where the language inflects it (Slavic
# cases, Russian "погибших"); languages written without spaces are in CJK_WORDS, matched without word bounds.
KIND_WORDS: dict[str, tuple[str, ...]] = {
    "killed": (
        r"killed|dead|deaths?|died|kia|executed|fatalities|slain|massacred",
        r"morts?|tu[ée]s?|morti|morto|uccisi|ucciso|muertos?|fallecidos|mortos?|tote|getötet|gefallene?|doden|dode|"
        r"gedood|gesneuveld|omgekomen",
        r"погиб\w*|убит\w*|загибл\w*|загинул\w*|вбит\w*|убити|загинали|погинул\w*|убијен\w*",  # ru, uk, bg, sr
        r"zabit\w*|zabici|zginęł\w*|zginęli|polegl\w*|poleg\w*|ofiar\w* śmierteln\w*",  # pl
        r"mrtv\w*|zabit\w*|padl\w*|mŕtv\w*|usmrcen\w*",  # cs, sk
        r"poginul\w*|ubijen\w*|mrtvih|umrl\w*",  # hr, sr, sl
        r"ölü|ölüm|öldü|öldürüldü|hayatını kaybetti|şehit",  # tr
        r"döda|dödade|dödades|dödad|stupade|drepte|drept|døde|dræbte|dræbt|falne",  # sv, no, da
        r"kuollutta|kuoli|kuollut|kuolleita|kaatunutta|kaatui|kaatuneita",  # fi
        r"halott\w*|meghalt|elesett|halálos áldozat\w*",  # hu
        r"morți|morti|uciși|ucisi|decedați",  # ro
        r"tewas|meninggal|terbunuh|korban jiwa",  # id, ms
        r"chết|thiệt mạng|tử vong|tử trận",  # vi
        r"νεκρ\w*|σκοτώθηκαν",  # el
        r"הרוגים|נהרגו|הרוג",  # he
        r"کشته\w*|جان باختند",  # fa
        r"\w*قتي?ل\w*|\w*قتلى|\w*مقتل\w*|\w*شهيدا?|\w*شهداء|\w*موتى",  # ar
    ),
    "injured": (
        r"injured|wounded|wia|hurt|injuries",
        r"bless[ée]s?|feriti|ferito|heridos?|feridos?|verletzte|verwundete|gewonden|gewond|ferits",
        r"ранен\w*|поранен\w*|рањен\w*",
        r"rann\w*|ranion\w*|raněn\w*|zraněn\w*|ranen\w*|ranjen\w*",  # pl, cs, sk, hr
        r"yaralı|yaralandı|skadade|sårade|sårede|skadde|såret|haavoittun\w*|haavoittui|loukkaantu\w*",
        r"sebesült\w*|răniți|raniti|luka-luka|terluka|luka|bị thương|τραυματ\w*|פצועים|زخمی\w*",
        r"\w*جريحا?|\w*جرحى|\w*مصابا?|\w*مصابين|\w*إصابات?",
    ),
    "captured": (
        r"prisoners?|captured|arrested|detained|pows?|hostages?|abducted|kidnapped|apprehended",
        r"prisonniers?|captur[ée]s?|otages?|prigionier[oi]|catturati|prisioneros?|capturados|prisioneiros?|gefangene|"
        r"gevangenen|gevangengenomen|gijzelaars|ontvoerd|presoners|capturats",
        r"пленн\w*|полонен\w*|заключ[её]нн\w*|захвачен\w*|заробљен\w*",
        r"jeńc\w*|pojman\w*|zakładnik\w*|zajat\w*|zajatc\w*|zarobljen\w*|esir|tutsak|rehine|tillfångatagna|fångar|"
        r"fanger|vangi\w*|foglyul|fogoly|foglyok|prizonieri|capturați|ditawan|tawanan|bị bắt|αιχμάλωτ\w*|שבויים|اسیر\w*",
        r"\w*أسيرا?|\w*أسرى|\w*معتقلا?|\w*معتقلين|\w*رهائن|\w*رهينة",
    ),
    "missing": (
        r"missing|mia|disappeared|disparus?|dispersi|desaparecidos|vermisste|vermisten|vermist|desapareguts",
        r"пропавш\w*|зникл\w*|безвісти|nezvěstn\w*|zaginion\w*|nestal\w*|saknade|savnet|savnede|kadonnut\w*|eltűnt|"
        r"dispăruți|hilang|mất tích|αγνοούμεν\w*|נעדרים|مفقود\w*",
        r"\w*مفقودا?|\w*مفقودين",
    ),
    "displaced": (
        r"displaced|refugees|idps?|d[ée]plac[ée]s|r[ée]fugi[ée]s|sfollati|desplazados|deslocados|vertriebene|ontheemden|"
        r"vluchtelingen|беженц\w*|біженц\w*|uchodźc\w*|uprchlí\w*|mülteci|flyktingar|pakolai\w*|menekült\w*|refugiați|"
        r"pengungsi",
        r"\w*نازحا?|\w*نازحين|\w*لاجئا?|\w*لاجئين",
    ),
}
CJK_WORDS: dict[str, tuple[str, ...]] = {
    "killed": ("死亡", "戦死", "死者", "殺害", "陣亡", "阵亡", "遇难", "遇難", "사망", "전사", "사망자"),
    "injured": ("受伤", "受傷", "負傷", "负伤", "부상"),
    "captured": ("捕虜", "俘虏", "俘虜", "被俘", "포로"),
    "missing": ("行方不明", "失踪", "失蹤", "실종"),
    "displaced": ("難民", "难民", "避難", "피난민"),
}

# Before the claimant: "(per X)", "(według X)", "(за даними X)".
CLAIMANT_WORDS = (
    r"per|according to|as claimed by|claimed by|selon|d['’]après|source:?|sources:?|secondo|según|"
    r"segundo|de acordo com|laut|nach angaben (?:von|der|des)|volgens|segons|d['’]acord amb|"
    r"по данным|согласно|за даними|згідно з|за словами|за інформацією|според|по данни на|према|према подацима|"
    r"według|wg\.?|podle|podľa|dle|prema|prema podacima|po podatkih|enligt|ifølge|iflg\.?|conform|potrivit|"
    r"menurut|theo|σύμφωνα με|κατά|לפי|על פי|به گفته|طبق|بنا بر|据|根据|根據|"
    r"حسب|بحسب|وفقا ل|وفقًا ل|وفق|حسب مصادر|ادعاء|بحسب ادعاء|حسب ادعاء")
# After it, spaced: "(X claim)", "(MNLA'ya göre)", "(a mali kormány szerint)", "(armeijan mukaan)".
CLAIMED_AFTER = r"claims?|göre|szerint|mukaan|주장|발표|에 따르면"
# After it, glued (no spaces in the script): "（マリ政府発表）", "（マリ政府によると）".
CLAIMED_AFTER_GLUED = r"側発表|発表|によると|によれば|の主張|主張|声称|宣称|聲稱"
# Grammar glued to a claimant's name: Turkish case endings after an apostrophe ("MNLA'ya", "Mali'nin"),
# Finnish ":n" ("MNLA:n").
CLAIMANT_ENDING = re.compile(r"(?:['’](?:y?[ae]|n[ae]|n[ıiuü]n|[ıiuü]n|d[ae]n|t[ae]n)|:n)$")


def kind_pattern(kind: str) -> re.Pattern[str]:
    """One pattern for a kind's words in every language."""
    spaced = "|".join(KIND_WORDS[kind])
    glued = "|".join(CJK_WORDS.get(kind, ()))
    return re.compile(rf"\b(?:{spaced})\b" + (f"|{glued}" if glued else ""))


KINDS: list[tuple[str, re.Pattern[str]]] = [(kind, kind_pattern(kind)) for kind in KIND_WORDS]
