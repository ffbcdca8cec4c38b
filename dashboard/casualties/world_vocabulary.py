"""The words a sentence counts losses in, in the languages beyond casualties.vocabulary's own (Russian, Ukrainian,
Polish, Czech, Turkish, Swedish, Norwegian, Danish, Finnish, Hungarian, Romanian, Catalan, Indonesian): data only,
merged into that module's sets and patterns. Nouns are folded there (no accents, lower case)."""
from __future__ import annotations

# What a figure counts.
PEOPLE = {
    "военных", "военнослужащих", "военнослужащие", "солдат", "солдаты", "бойцов", "бойцы", "боевиков", "боевики",
    "террористов", "террористы", "джихадистов", "миротворцев", "миротворца", "миротворец", "жандармов",
    "військових", "військовослужбовців", "солдатів", "бійців", "бойовиків", "терористів", "джихадистів",
    "миротворців", "żołnierzy", "żołnierze", "bojowników", "terrorystów", "dżihadystów", "rebeliantów",
    "żandarmów", "vojáků", "vojáci", "bojovníků", "teroristů", "džihádistů", "asker", "askerler", "militan",
    "militanlar", "terörist", "cihatçı", "soldater", "soldaterna", "krigare", "kämpar", "stridande", "män", "soldatene", "sotilasta", "sotilaat",
    "taistelijaa", "katona", "katonát", "fegyveres", "soldați", "militari", "luptători", "teroriști", "soldats",
    "combatents", "militars", "tentara", "prajurit", "militan", "anggota",
}
CIVILIANS = {
    "мирных", "жителей", "гражданских", "человек", "мирных жителей", "цивільних", "мирних", "людей", "жителів",
    "cywilów", "cywile", "osób", "ludzi", "mieszkańców", "civilistů", "civilisté", "lidí", "osob", "sivil",
    "siviller", "kişi", "civila", "civilister", "personer", "människor", "sivile", "mennesker", "siviiliä",
    "ihmistä", "civil", "civilt", "ember", "embert", "civili", "persoane", "oameni", "civils", "persones",
    "warga", "sipil", "orang", "penduduk",
}
HOSTILE = {"боевиков", "террористов", "бойовиків", "терористів", "bojowników", "terrorystów", "teroristů",
           "terörist", "teröristler", "militan", "teroriști", "terroristes"}
NOUN_KINDS = {
    "погибших": "killed", "убитых": "killed", "раненых": "injured", "пленных": "captured", "заложников": "captured",
    "загиблих": "killed", "убитих": "killed", "поранених": "injured", "полонених": "captured",
    "zabitych": "killed", "zabici": "killed", "rannych": "injured", "jeńców": "captured", "zakładników": "captured",
    "mrtvých": "killed", "zabitých": "killed", "raněných": "injured", "zajatců": "captured", "ölü": "killed",
    "yaralı": "injured", "rehine": "captured", "döda": "killed", "skadade": "injured", "døde": "killed",
    "sårede": "injured", "kuollutta": "killed", "haavoittunutta": "injured", "halott": "killed",
    "sebesült": "injured", "morți": "killed", "răniți": "injured", "morts": "killed", "ferits": "injured",
    "tewas": "killed", "korban": "killed",
}
# What happened to those counted, said after them ("42 военнослужащих погибли", "20 żołnierzy zginęło").
HAPPENED_AFTER = {
    "killed": r"погибл[иоа]|погиб|были убиты|был[иа]? убит[ыао]?|убиты|убито|уничтожен[ыо]?|ликвидирован[ыо]?|"
              r"нейтрализован[ыо]?|загинул[иао]|загинув|були вбиті|вбит[іо]|знищен[іо]|ліквідован[іо]|"
              r"zginęł[oay]|zginęli|zginął|zostało zabitych|zostali zabici|został zabity|polegli|zabito|"
              r"zahynul[oiay]?|zemřel[oiay]?|bylo zabito|byli zabiti|öldü|öldürüldü|hayatını kaybetti|şehit oldu|"
              r"dödades|dödats|dog|omkom|ble drept|døde|blev dræbt|kuoli|kuolivat|sai surmansa|sai surmaansa|"
              r"meghalt|meghaltak|életét vesztette|vesztették életüket|au murit|au fost uciși|au fost ucisi|"
              r"han mort|van morir|tewas|terbunuh|meninggal",
    "injured": r"ранен[ыо]?|получили ранения|получил ранения|поранен[іо]|отримали поранення|zostało rannych|"
               r"zostali ranni|został ranny|rann[iy]|byl[io]? zraněn[io]|zraněn[oiy]|yaralandı|skadades|sårades|"
               r"ble skadet|blev såret|haavoittui|haavoittuivat|loukkaantui|megsebesült|megsebesültek|"
               r"au fost răniți|au fost raniti|van resultar ferits|ferits|terluka|luka-luka",
    "captured": r"взят[ыо]? в плен|захвачен[ыо]?|взяті в полон|potrapili do niewoli|zostali porwani|uprowadzon[oy]|"
                r"zajat[io]|esir alındı|kaçırıldı|togs till fånga|fogságba estek|au fost capturați|"
                r"van ser capturats|ditawan|diculik",
}
# The same, said before the figure ("погибли 42 военнослужащих", "zginęło 20 żołnierzy", "zabili 12").
HAPPENED_BEFORE = {
    "killed": r"погибли|погибло|погиб|убиты|убито|убили|уничтожены|уничтожили|ликвидированы|ликвидировали|"
              r"нейтрализовали|загинули|загинуло|вбито|вбили|знищено|знищили|ліквідовано|ліквідували|"
              r"zginęło|zginęli|zabito|zabili|zabiła|zabił|zlikwidowano|zlikwidowali|zahynulo|zahynuli|zabili|"
              r"zabilo|dödade|dödades|dog|drepte|dræbte|døde|tappoi|tappoivat|kuoli|kuolivat|sai surmansa|megöltek|"
              r"meghalt|au ucis|au murit|van matar|van morir|menewaskan|tewas|"
              r"membunuh",
    "injured": r"ранены|ранено|ранили|поранено|поранені|ranionych|rannych zostało|zraněno|zranili|skadades|"
               r"haavoittui|megsebesítettek|au rănit|van ferir|melukai",
    "captured": r"взяты в плен|захватили|взяли в плен|захопили|wzięto do niewoli|porwano|uprowadzono|zajali|"
                r"kidnappade|elraboltak|au răpit|van segrestar|menculik",
}
# Stems of loss words, for the quick test of whether a sentence tells a loss at all.
LOSS_STEMS = ("погиб", "убит", "убил", "ранен", "уничтож", "ликвид", "нейтрализ", "плен", "заложник", "загин", "вбит",
              "вбил", "поранен", "знищ", "ліквід", "полон", "zgin", "zabi", "rann", "ranion", "polegl", "jeńc", "niewol",
              "zahyn", "zemř", "mrtv", "zraněn", "zajat", "öl", "yaral", "şehit", "rehin", "död", "skad", "sår",
              "drep", "dræb", "kuol", "haavoitt", "surma", "meghal", "halott", "sebesül", "életét", "murit", "uciș",
              "uciş", "răni", "mort", "ferit", "tewas", "bunuh", "luka", "culik", "korban")
# "не менее 42", "co najmniej 20", "en az 15", "minst 30", "vähintään 10", "legalább 50", "cel puțin 12".
LOWER_BOUND = {"не менее", "по меньшей мере", "как минимум", "более", "свыше", "щонайменше", "не менше", "понад",
               "co najmniej", "ponad", "nejméně", "nejmene", "přes", "en az", "minst", "över", "vähintään", "yli",
               "legalább", "több mint", "cel puțin", "peste", "almenys", "més de", "setidaknya", "sedikitnya",
               "lebih dari"}
APPROXIMATE = {"около", "примерно", "близько", "około", "asi", "zhruba", "yaklaşık", "ungefär", "cirka", "noin",
               "mintegy", "körülbelül", "aproximativ", "sekitar", "uns", "unes"}
UPPER_BOUND = {"не более", "en fazla", "högst", "enintään", "legfeljebb", "până la", "fins a"}
# "their own": the claimant's losses ("30 av dess kämpar", "20 swoich żołnierzy", "своих бойцов").
OWN = {"dess", "sina", "sitt", "deras", "sine", "deres", "swoich", "swoi", "своих", "свои", "своїх", "svých", "svoje",
       "kendi", "omia", "saját", "săi", "seus", "seves", "mereka"}
# Words after a figure that end the noun it counts: the verbs and auxiliaries of what happened, and the small
# words that follow a noun ("20 żołnierzy zginęło", "30 kämpar dödades", "12 мирных жителей в").
NOUN_STOPS = {
    "были", "было", "был", "была", "погибли", "погибло", "погиб", "убиты", "убито", "ранены", "ранено", "в", "во",
    "на", "и", "при", "загинули", "загинуло", "були", "було", "поранені", "у", "під", "та", "zginęło", "zginęli",
    "zginął", "zostało", "zostali", "zostały", "został", "byli", "było", "podczas", "w", "we", "i", "oraz", "zahynulo",
    "zahynuli", "bylo", "byli", "a", "v", "ve", "při", "öldü", "öldürüldü", "yaralandı", "ve", "ile", "dödades",
    "dödats", "dog", "skadades", "sårades", "och", "vid", "ble", "blev", "og", "kuoli", "kuolivat", "haavoittui",
    "ja", "meghalt", "meghaltak", "megsebesült", "és", "au", "fost", "și", "în", "han", "van", "i", "tewas",
    "terluka", "dan", "di", "dalam",
}
