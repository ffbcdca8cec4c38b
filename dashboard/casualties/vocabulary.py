"""The words a sentence counts losses in (English, French, Spanish, Italian, Portuguese, German and Dutch, folded): who or
what a figure counts, what happened to them, and the words that make a number something other than a loss (a
distance, a duration, a strength)."""
from __future__ import annotations

import re

from dashboard.casualties import world_vocabulary as world
from dashboard.text.fold import fold

ABSURD_FIGURE = 100_000  # more than any single battle of the war; such a figure is a typo or a misread

# What a figure counts.
PEOPLE = {"fighters", "fighter", "soldiers", "soldier", "troops", "troop", "militants", "militant", "rebels", "rebel",
          "men", "man", "members", "member", "officials", "official", "officers", "officer", "suspects", "suspect",
          "peacekeepers", "peacekeeper", "gendarmes", "gendarme", "policemen", "policeman", "police", "guards",
          "guard", "jihadists", "jihadist", "terrorists", "terrorist", "insurgents", "insurgent", "combatants",
          "combatant", "attackers", "attacker", "assailants", "assailant", "gunmen", "gunman", "mercenaries",
          "mercenary", "militiamen", "militiaman", "recruits", "personnel", "tuareg", "tuaregs", "arabs", "others",
          "more", "them", "whom", "dead", "bodies", "prisoners", "prisoner", "hostages", "hostage", "captives",
          # French
          "combattants", "combattant", "soldats", "soldat", "militaires", "militaire", "rebelles", "rebelle",
          "jihadistes", "djihadistes", "terroristes", "assaillants", "hommes", "homme", "membres", "casques", "autres",
          "elements", "morts", "mort", "tues", "blesses", "prisonniers", "otages", "eux",
          # Spanish, Italian, Portuguese, German (folded)
          "soldados", "militares", "combatientes", "terroristas", "yihadistas", "rebeldes", "hombres", "miembros",
          "agentes", "asaltantes", "atacantes", "muertos", "heridos", "soldati", "militari", "combattenti", "terroristi",
          "jihadisti", "ribelli", "uomini", "membri", "assalitori", "miliziani", "caschi", "morti", "feriti",
          "combatentes", "jihadistas", "homens", "membros", "mortos", "feridos", "soldaten", "kampfer", "terroristen",
          "dschihadisten", "islamisten", "rebellen", "manner", "angreifer", "sicherheitskrafte", "blauhelme", "tote",
          "toten", "verletzte",
          # Dutch
          "militairen", "strijders", "jihadisten", "mannen", "leden", "aanvallers", "militanten", "opstandelingen",
          "blauwhelmen", "agenten", "doden", "gewonden", "gijzelaars", "gevangenen"}
CIVILIANS = {"civilians", "civilian", "people", "persons", "person", "residents", "villagers", "children", "child",
             "women", "woman", "herders", "farmers", "workers", "students", "teachers", "passengers", "traders",
             "refugees", "inhabitants", "worshippers", "civils", "civil", "personnes", "habitants", "villageois",
             "enfants", "femmes", "eleves", "passagers", "commercants", "bergers", "deplaces", "refugies",
             "civiles", "personas", "habitantes", "aldeanos", "ninos", "mujeres", "pasajeros", "civili", "persone",
             "abitanti", "bambini", "donne", "passeggeri", "civis", "pessoas", "moradores", "criancas", "mulheres",
             "zivilisten", "menschen", "personen", "dorfbewohner", "bewohner", "kinder", "frauen", "burgers", "mensen",
             "dorpelingen", "dorpsbewoners", "bewoners", "inwoners", "kinderen", "vrouwen", "burgerslachtoffers"}
VEHICLES = {"vehicles", "vehicle", "tanks", "tank", "trucks", "truck", "pick-ups", "pickups", "pick-up", "pickup",
            "technicals", "technical", "apcs", "apc", "cars", "car", "motorcycles", "motorcycle", "motorbikes",
            "boats", "boat", "4x4s", "brdm-2s", "brdms", "vehicules", "vehicule", "camions", "motos", "blindes"}
AIRCRAFT = {"aircraft", "plane", "planes", "airplane", "jet", "jets", "helicopter", "helicopters", "gunship",
            "gunships", "drone", "drones", "bomber", "bombers", "avion", "avions", "helicoptere", "helicopteres"}
AIRCRAFT_MODEL = re.compile(r"^[a-z]{1,4}-\d{1,3}[a-z]*$")  # L-39, Mi-24, Su-25, MiG-21
# A number of these is not a loss.
UNITS = {"kilometers", "kilometres", "kilometer", "kilometre", "km", "miles", "mile", "meters", "metres", "meter",
         "hours", "hour", "minutes", "days", "day", "weeks", "week", "months", "month", "years", "year", "times",
         "percent", "per", "tons", "tonnes", "kg", "rounds", "shells", "rockets", "bombs", "bomb", "mortars", "camps",
         "camp", "positions", "villages", "towns", "kilometres", "heures", "jours", "semaines", "mois", "ans",
         "annees", "fois", "pour", "obus", "roquettes", "bombes"}
# A number next to one of these is a day of a date ("June 5", "18 May").
MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
          "janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre", "novembre",
          "decembre"}
UNITS |= MONTHS
# Words after a figure that end the noun it counts.
NOUN_STOPS = {"were", "was", "are", "is", "had", "have", "has", "been", "being", "and", "or", "but", "in", "on", "at",
              "by", "from", "to", "during", "with", "including", "who", "which", "that", "while", "after", "before",
              "near", "as", "into", "inside", "for", "per", "according", "taken", "held", "reported", "found", "left",
              "said", "believed", "feared", "confirmed", "also", "all", "reportedly", "allegedly", "later", "then",
              "the", "a", "an", "ont", "a", "sont", "furent", "ete", "et", "ou", "dans", "par", "pendant", "lors",
              "dont", "qui", "selon", "lost", "killed", "died", "injured", "wounded", "captured", "seized",
              "destroyed", "arrested", "executed", "missing", "dead", "crashed", "received", "sustained",
              "suffered", "blown",
              "y", "en", "durante", "tras", "que", "fueron", "han", "resultaron", "murieron", "segun", "e", "sono",
              "nel", "nella", "dopo", "secondo", "rimasti", "foram", "ficaram", "no", "na", "segundo", "und",
              "bei", "wurden", "sind", "seien", "im", "am", "nach", "kamen", "ums", "wie", "als", "getotet",
              "verletzt", "verwundet", "entfuhrt", "vermisst", "starben", "worden", "muertos", "heridos", "asesinados",
              "abatidos", "secuestrados", "morti", "feriti", "uccisi", "rapiti", "mortos", "feridos",
              "zijn", "werden", "waren", "bij", "op", "door", "volgens", "tijdens", "of", "die", "dat", "om", "ook",
              "gedood", "gewond", "omgekomen", "ontvoerd", "vermist"}
PARTITIVE = {"of", "de", "d", "des", "du", "av"}  # "dozens of MNLA fighters", "three of them", "une dizaine de morts"
# Those a party's statement counts on the other side: "the army said fifteen attackers died".
HOSTILE = {"attackers", "attacker", "assailants", "assailant", "enemy", "enemies", "terrorists", "terrorist",
           "gunmen", "assaillants", "ennemis", "terroristes", "bandits", "hostiles", "terroristas", "asaltantes",
           "atacantes", "terroristi", "assalitori", "terroristen", "angreifer", "enemigos", "nemici", "inimigos",
           "feinde", "feindliche", "aanvallers", "vijanden"}
OWN = {"their", "its", "our", "his", "her", "leurs", "leur", "ses", "son", "sa", "nos", "notre", "sus", "suoi",
       "seus", "seine", "ihre", "hun"}

# What happened to those counted, in the words that follow them ("were killed", "taken prisoner", "blown up").
_HAPPENED = (
    ("executed", r"executed|summarily executed|ex[ée]cut[ée]s?|ejecutad[oa]s|giustiziat[ie]|executad[oa]s|hingerichtet"),
    ("killed", r"killed|slain|dead|died|massacred|murdered|lost their lives|perished|neutrali[sz]ed|neutralis[ée]s?|"
               r"tu[ée]s?|morts?|abattus?|d[ée]c[ée]d[ée]s?|"
               r"muert[oa]s?|murieron|fallecieron|fallecid[oa]s|asesinad[oa]s|abatid[oa]s|matad[oa]s|"
               r"mort[ie]|uccis[ie]|decedut[ie]|rimast[ie] uccis[ie]|"
               r"mort[oa]s|morreram|assassinad[oa]s|abatid[oa]s|"
               r"get[öo]tet|ums leben gekommen|ums leben|starben|gestorben|"
               r"gedood|omgekomen|om het leven gekomen|om het leven|gesneuveld|vermoord|doodgeschoten|overleden"),
    ("injured", r"injured|wounded|hurt|bless[ée]s?|received (?:\w+ )?wounds|sustained (?:\w+ )?(?:wounds|injuries)|"
                r"suffered (?:\w+ )?(?:wounds|injuries)|herid[oa]s|ferit[ie]|ferid[oa]s|verletzt|verwundet|"
                r"gewond geraakt|gewond|verwond"),
    ("captured", r"captured|taken prisoners?|taken hostages?|taken captive|made prisoners?|arrested|detained|"
                 r"kidnapped|abducted|seized|captur[ée]s?|faits? prisonniers?|pris en otages?|arr[êe]t[ée]s?|"
                 r"enlev[ée]s?|d[ée]tenus?|secuestrad[oa]s|capturad[oa]s|detenid[oa]s|rapit[ie]|catturat[ie]|"
                 r"arrestat[ie]|sequestrad[oa]s|detid[oa]s|entf[üu]hrt|gefangen genommen|festgenommen|"
                 r"gevangengenomen|gevangen genomen|ontvoerd|gearresteerd|opgepakt"),
    ("missing", r"missing|went missing|disappeared|disparus?|port[ée]s? disparus?|desaparecid[oa]s|dispers[ie]|"
                r"vermisst|vermist"),
    ("destroyed", r"destroyed|blown up|burn(?:ed|t)|burned out|set on fire|damaged|disabled|shot down|downed|crashed|"
                  r"lost|d[ée]truits?|incendi[ée]s?|abattus?|destruid[oa]s|distrutt[ie]|zerst[öo]rt|vernietigd|verwoest"),
    ("displaced", r"displaced|fled their homes|forced to flee|d[ée]plac[ée]s?|ontheemd"),
)


def _with_folded(words: str) -> str:
    """An alternation of words as written and folded: sentences reach the patterns either way."""
    return words if fold(words) == words else f"{words}|{fold(words)}"


_HAPPENED = tuple((kind, f"{words}|{_with_folded(world.HAPPENED_AFTER[kind])}" if kind in world.HAPPENED_AFTER
                   else words) for kind, words in _HAPPENED)
_AUXILIARIES = (r"(?:(?:were|was|are|is|had been|have been|has been|had|have|has|being|been|got|reportedly|allegedly|also|all|"
                r"later|then|subsequently|eventually|both|ont été|a été|ont|sont|furent|été|auraient été|"
                r"seraient|avaient été|aussi|fueron|han sido|habían sido|resultaron|quedaron|sono stati|sono state|"
                r"sono|erano stati|sarebbero stati|sarebbero|rimasti|rimaste|foram|ficaram|tinham sido|wurden|sind|"
                r"seien|waren|zouden zijn|zijn|werden|raakten|kwamen)\s+)*")
_MANNER = r"(?:\w+ed\s+and\s+)?(?:(?:seriously|badly|severely|critically|lightly|slightly|fatally|gravement|" \
          r"grièvement|légèrement)\s+)?"
AFTER = re.compile(rf"\s*{_AUXILIARIES}{_MANNER}(?:(?P<what>{'|'.join(f'(?P<{k}>{p})' for k, p in _HAPPENED)}))\b",
                   re.I)
# The same, said before the figure: "killing fourteen civilians", "the deaths of three", "they seized 50".
BEFORE = re.compile(
    rf"(?:(?P<killed>{_with_folded(world.HAPPENED_BEFORE['killed'])}|killing|killed|kills|neutrali[sz]ing|neutrali[sz]ed|the deaths? of|deaths? of|tuant|faisant|"
    r"neutralisé|tué|abattu|"
    r"(?:matando|mataron|matar|mató|matado|asesinando|asesinaron|asesinado|abatiendo|abatieron|abatido|"
    r"neutralizaron|neutralizado|neutralizando|matou|mataram)(?:[\"”»']?\s+a)?|"
    r"uccidendo|ucciso|uccisi|neutralizzato|neutralizzati|abbattuto|töteten|tötete|getötet|doodden|doodde)"
    rf"|(?P<injured>{_with_folded(world.HAPPENED_BEFORE['injured'])}|wounding|wounded|injuring|injured|blessant|hiriendo|hirieron|herido a|ferendo|ferito|ferindo|"
    r"verletzten|verletzte)"
    rf"|(?P<captured>{_with_folded(world.HAPPENED_BEFORE['captured'])}|the capture of|capture of|captured|capturing|arrested|arresting|kidnapped|abducted|took|taking|"
    r"seized|seizing|detained|holding|capturé|enlevé|arrêté|secuestraron a|secuestrado a|capturaron a|"
    r"capturado a|rapito|rapiti|catturato|catturati|sequestraram|capturaram|entführten)"
    r"|(?P<executed>executed|executing|exécuté)"
    r"|(?P<destroyed>destroyed|destroying|shot down|downed|détruit)"
    r"|(?P<lost>lost|losing|to have lost|suffered|perdu|perdió a|perdieron a|perdido a|perdió|perdieron|ha perso|"
    r"hanno perso|perso|perdeu|perderam|verlor|verloren|verloor))"
    r"\s*[\"“'…. ]*$", re.I)
# A count already made by then, not a loss: "arrived", "dispatched", "had" end nothing here; these mark a figure as
# the claimant's own losses ("to have had five more injured", "lost twelve soldiers").
OWN_LOSSES = re.compile(r"(?:to have had|have had|had|to have lost|have lost|lost|suffered|ont perdu|a perdu|"
                        r"perdió(?: a)?|perdieron(?: a)?|ha perso|hanno perso|perdeu|perderam|verlor|verloren|verloor)\s*$", re.I)
# The claimant's own losses said after the figure: "3 morts dans ses rangs", "two dead among its own fighters".
OWN_AFTER = re.compile(r"\s*(?:\w+\s+){0,2}?(?:in|among|within|dans|parmi|au sein de)\s+(?:its|their|his|ses|leurs|son)\s+"
                       r"(?:own\s+)?(?:ranks|rangs|men|hommes|fighters|combattants|[ée]l[ée]ments|troops|soldiers|soldats|"
                       r"forces|members|membres)\b", re.I)
QUALIFIER = re.compile(
    r"(?P<q>at least|no fewer than|not less than|over|more than|upwards of|in excess of|up to|at most|as many as|"
    r"fewer than|less than|nearly|almost|around|about|approximately|roughly|some|an estimated|estimated|"
    r"au moins|plus de|pr[èe]s de|environ|jusqu['’]à|moins de|quelque|only|just|seulement|uniquement|"
    r"al menos|por lo menos|más de|mas de|unos|unas|cerca de|alrededor de|hasta|solo|almeno|più di|piu di|oltre|"
    r"circa|fino a|pelo menos|ao menos|mais de|até|apenas|mindestens|mehr als|über|uber|etwa|rund|"
    r"bis zu|nur|minstens|ten minste|tenminste|zeker|meer dan|ruim|bijna|ongeveer|zo['’]n|rond de|tot|hooguit|"
    r"slechts|" + "|".join(sorted({fold(w) for w in world.LOWER_BOUND | world.APPROXIMATE | world.UPPER_BOUND}, key=len,
                                  reverse=True))
    + r")\s+$", re.I)
LOWER_BOUND = {"at least", "no fewer than", "not less than", "over", "more than", "upwards of", "in excess of",
               "au moins", "plus de", "al menos", "por lo menos", "mas de", "almeno", "piu di", "oltre",
               "pelo menos", "ao menos", "mais de", "mindestens", "mehr als", "uber", "minstens", "ten minste",
               "tenminste", "zeker", "meer dan", "ruim"}
UPPER_BOUND = {"up to", "at most", "as many as", "fewer than", "less than", "jusqu'à", "jusqu’à", "moins de",
               "hasta", "fino a", "ate", "bis zu", "tot", "hooguit"}
# A figure that is a part of the one before it: "111 killed, including 47 MAA", "three of them", "the other three".
PART_CUE = re.compile(r"(?:including|among them|among whom|of whom|dont|parmi lesquels|parmi eux|the other)\s*$", re.I)
ADDITIVE = {"more", "additional", "further", "another", "supplementaires"}
# Nouns that say what happened by themselves: "12 prisoners", "two dead", "50 morts", "20 deaths".
NOUN_KINDS = {"dead": "killed", "killed": "killed", "bodies": "killed", "deaths": "killed", "fatalities": "killed", "morts": "killed",
              "mort": "killed", "tues": "killed", "prisoners": "captured", "prisoner": "captured",
              "hostages": "captured", "hostage": "captured", "captives": "captured", "prisonniers": "captured",
              "otages": "captured", "blesses": "injured", "wounded": "injured", "injured": "injured",
              "refugees": "displaced", "deplaces": "displaced", "refugies": "displaced", "missing": "missing",
              "disparus": "missing", "muertos": "killed", "muertas": "killed", "fallecidos": "killed",
              "heridos": "injured", "heridas": "injured", "rehenes": "captured", "prisioneros": "captured",
              "secuestrados": "captured", "desaparecidos": "missing", "desplazados": "displaced", "morti": "killed",
              "vittime": "killed", "feriti": "injured", "ostaggi": "captured", "prigionieri": "captured",
              "dispersi": "missing", "sfollati": "displaced", "mortos": "killed", "feridos": "injured",
              "refens": "captured", "prisioneiros": "captured", "deslocados": "displaced",
              "tote": "killed", "toten": "killed", "todesopfer": "killed", "verletzte": "injured",
              "verletzten": "injured", "verwundete": "injured", "geiseln": "captured", "gefangene": "captured",
              "vermisste": "missing", "vertriebene": "displaced", "fluchtlinge": "displaced",
              "doden": "killed", "gewonden": "injured", "gijzelaars": "captured", "gevangenen": "captured",
              "vermisten": "missing", "ontheemden": "displaced", "vluchtelingen": "displaced"}

# The same words in the other languages (casualties.world_vocabulary), folded as sentences are.
PEOPLE |= {fold(w) for w in world.PEOPLE}
CIVILIANS |= {fold(w) for w in world.CIVILIANS}
HOSTILE |= {fold(w) for w in world.HOSTILE}
NOUN_KINDS |= {fold(w): kind for w, kind in world.NOUN_KINDS.items()}
LOWER_BOUND |= {fold(w) for w in world.LOWER_BOUND}
UPPER_BOUND |= {fold(w) for w in world.UPPER_BOUND}
NOUN_STOPS |= {fold(w) for w in world.NOUN_STOPS}
OWN |= {fold(w) for w in world.OWN}

# The start of some word of what happened, in any form: a sentence with none states no loss and is not read further.
_LOSS_STEMS = ("kill", "dead", "death", "die", "slain", "massacr", "murder", "lives", "perish", "execut", "injur", "wound",
               "hurt", "captur", "prisoner", "hostage", "captive", "arrest", "detain", "kidnap", "abduct", "seiz",
               "missing", "disappear", "destroy", "blown", "burn", "fire", "damag", "disabl", "shot", "down", "crash",
               "lost", "los", "suffer", "displac", "fled", "flee", "refugee", "casualt", "fatalit", "bod", "tué", "tue",
               "mort", "bless", "prisonn", "otage", "arrêt", "arret", "enlev", "déten", "deten", "dispar", "détrui",
               "detrui", "incendi", "abattu", "perte", "déplac", "deplac", "réfugi", "refugi", "victim", "neutrali",
               "faisant", "exécut", "tuant", "tuer", "tuèrent",
               # Spanish, Italian, Portuguese, German
               "muert", "murier", "falleci", "asesin", "abati", "matad", "matar", "mataron", "matando", "mató",
               "herid", "secuestr", "rehen", "desaparec", "desplaz", "uccis", "uccid", "ferit", "rapit", "ostagg",
               "prigion", "dispers", "sfollat", "vittim", "morr", "ferid", "sequestr", "refé", "refe", "matou",
               "mataram", "perdi", "perdu", "perso", "perdeu", "perder", "verlor", "getötet", "getotet",
               "töt", "tote", "toten", "todesopfer", "starb", "gestorb", "leben",
               "verletz", "verwund", "entführ", "entfuhr", "geisel", "gefangen", "festgenommen", "vermisst",
               # Dutch
               "gedood", "dood", "omgekom", "leven", "gesneuv", "vermoord", "overled", "gewond", "verwond", "ontvoer",
               "gearrest", "opgepakt", "vermist", "vernietig", "verwoest", "ontheemd", "gijzel", "verloor",
               *world.LOSS_STEMS)
_WORDS = re.compile(r"\w+")
# Words a stem starts that describe rather than count ("one of the deadliest attacks this year").
_NOT_LOSS = {"deadly", "deadlier", "deadliest", "deadline", "deadlines"}


def tells_loss(text: str) -> bool:
    """Whether the text has some word of a loss ("killed", "wounded", "prisonniers"…); one without states none."""
    return any(word.startswith(_LOSS_STEMS) and word not in _NOT_LOSS for word in set(_WORDS.findall(text.casefold())))
