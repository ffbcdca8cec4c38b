"""The verbs of a change of control in Spanish, Italian, Portuguese, German, Dutch and Arabic, for ingest.control_words
(whose grammar around them, English and French, serves these too): "tomaron el control de", "hanno conquistato",
"retomaram", "eroberten", "سيطر على"; of leaving a place: "se retiraron de", "si sono ritirati da", "انسحب من"; and of
who left as another took it: "tras la retirada de", "dopo il ritiro dei", "nach dem Rückzug der", "بعد انسحاب"."""
from __future__ import annotations

# German, Dutch, Swedish and Norwegian, whose verb comes before its subject after an opening date ("Am 14. November 2023 eroberten die
# malische Armee …": ingest.inverted_order); a separable verb only with its particle at the clause's end ("nahmen die
# Rebellen die Stadt ein", "namen de rebellen de stad in").
_PARTICLE_AT_END = r"(?=[^,.;]{{1,100}}?\s+{}(?=\s*(?:[,.;]|$|\s(?:nachdem|nadat|und|en)\s)))"
VERB_SECOND_TAKE = (r"intog|erövrade|återtog|inntok|erobret|gjenerobret|indtog|generobrede|eroberten|eroberte|übernahmen\s+die\s+kontrolle\s+über|"
                    r"(?:namen|nam)(?:\s+[^,.;]{1,40}?)?\s+de\s+controle\s+over|heroverden|heroverde|veroverden|"
                    r"veroverde|(?:nahmen|nahm)" + _PARTICLE_AT_END.format("ein") + r"|(?:namen|nam)"
                    + _PARTICLE_AT_END.format("in"))
TAKE = (r"tomaron\s+el\s+control\s+de|tomó\s+el\s+control\s+de|han\s+tomado\s+el\s+control\s+de|"
        r"se\s+hicieron\s+con\s+el\s+control\s+de|tomaron|tomó|capturaron|capturó|conquistaron|conquistó|ocuparon|"
        r"ocupó|se\s+apoderaron\s+de|se\s+apoderó\s+de|recuperaron|recuperó|retomaron|retomó|"
        r"(?:hanno|ha)\s+preso\s+il\s+controllo\s+(?:di|dell[ao]|dell['’]|del|dei)|presero\s+il\s+controllo\s+(?:di|dell[ao]|del)|"
        r"hanno\s+conquistato|ha\s+conquistato|conquistarono|hanno\s+occupato|occuparono|hanno\s+ripreso|ripresero|"
        r"si\s+sono\s+impadroniti\s+(?:di|dell[ao]|del)|"
        r"(?:tomaram|tomou|assumiram)\s+o\s+control[eo]\s+d[aeo]s?|tomaram|tomou|capturaram|capturou|"
        r"conquistaram|conquistou|ocuparam|ocupou|retomaram|retomou|recuperaram|recuperou|"
        rf"{VERB_SECOND_TAKE}|"
        r"سيطر\s+على|سيطرت\s+على|سيطروا\s+على|استولى\s+على|استولت\s+على|استولوا\s+على|"
        r"(?:استعاد|استعادت|استعادوا)(?:\s+السيطرة\s+على)?|"
        # Russian, Ukrainian, Polish, Czech, Swedish, Norwegian, Finnish, Romanian, Catalan, Indonesian: subject,
        # verb, place, as in English
        r"(?:установил[иа]?|взял[иа]?|восстановил[иа]?|вернул[иа]?)\s+(?:под\s+)?контроль(?:\s+над)?|"
        r"взял[иа]?|захватил[иа]?|занял[иа]?|овладел[иа]?|отбил[иа]?|"
        r"(?:взяли|взяла|встановили|встановила|повернули)\s+(?:під\s+)?контроль(?:\s+над)?|захопил[иа]|"
        r"зайнял[иа]|відбил[иа]|"
        r"(?:przejęł[aoy]|przejęli|przejął|odzyskał[aoy]?|odzyskali)\s+kontrolę\s+nad|zajęł[aoy]|zajęli|zajął|"
        r"zdobył[aoy]?|zdobyli|odbił[aoy]?|odbili|opanował[aoy]?|opanowali|"
        r"(?:získal[aiy]?|převzal[aiy]?)\s+kontrolu\s+nad|obsadil[aiy]?|dobyl[aiy]?|ovládl[aiy]?|"
        r"intog|erövrade|återtog|tog\s+kontroll(?:en)?\s+över|inntok|erobret|gjenerobret|tok\s+kontroll\s+over|"
        r"valtasivat|valtasi|valloittivat|valloitti|"
        r"au\s+preluat\s+controlul\s+asupra|a\s+preluat\s+controlul\s+asupra|au\s+cucerit|a\s+cucerit|"
        r"au\s+ocupat|a\s+ocupat|au\s+recucerit|a\s+recucerit|"
        r"van\s+prendre\s+el\s+control\s+de|va\s+prendre\s+el\s+control\s+de|van\s+ocupar|va\s+ocupar|"
        r"van\s+conquerir|va\s+conquerir|van\s+recuperar|va\s+recuperar|"
        r"merebut\s+kembali|merebut|menguasai|mengambil\s+alih")
LEAVE = (r"se\s+retiraron\s+de|se\s+retiró\s+de|se\s+retiraran\s+de|se\s+retiraron\s+del|abandonaron|abandonó|evacuaron|huyeron\s+de|"
         r"si\s+sono\s+ritirati\s+(?:da|dall[ao]|dal)|si\s+ritirarono\s+(?:da|dall[ao]|dal)|hanno\s+abbandonato|abbandonarono|fuggirono\s+da|"
         r"retiraram-se\s+d[aeo]s?|se\s+retiraram\s+d[aeo]s?|abandonaram|abandonou|fugiram\s+de|"
         r"verließen|räumten|trokken\s+zich\s+terug\s+uit|trok\s+zich\s+terug\s+uit|verlieten|ontruimden|"
         r"vluchtten\s+uit|"
         r"انسحب\s+من|انسحبت\s+من|انسحبوا\s+من|"
         r"отступил[иа]?\s+из|покинул[иа]?|ушли\s+из|відступил[иа]\s+з|залишил[иа]|"
         r"wycofał[aoy]?\s+się\s+z|wycofali\s+się\s+z|opuścił[aoy]?|opuścili|stáhl[aiy]?\s+se\s+z|opustil[aiy]?|"
         r"drog\s+sig\s+tillbaka\s+från|lämnade|trakk\s+seg\s+ut\s+av|vetäytyivät|"
         r"s-au\s+retras\s+din|au\s+părăsit|es\s+van\s+retirar\s+de|van\s+abandonar|mundur\s+dari|meninggalkan")
# Arabic puts the verb before its subject: "سيطر الجيش المالي على كيدال", "استعاد الجيش السيطرة على كيدال".
VERB_FIRST_TAKE = r"سيطر|سيطرت|سيطروا|استولى|استولت|استولوا|استعاد|استعادت|استعادوا"
RETAKE_VERB_FIRST = ("استعاد",)
# "after the withdrawal of Y" ("tras la retirada de los rebeldes", "بعد انسحاب مقاتلي …"): the words around who left.
AFTER = r"tras|después\s+de|dopo|após|depois\s+d[aeo]s?|nach|na|بعد|عقب|إثر"
WITHDRAWAL_NOUNS = r"retirada|huida|ritiro|fuga|saída|Rückzug|Abzug|Flucht|terugtrekking|aftocht|انسحاب|فرار|هروب|خروج"
OF = r"de\s+los|de\s+las|del|de|della|dello|dei|degli|delle|do|dos|da|das|der|des|van\s+de|van\s+het|van"
# "después de que los rebeldes se retiraran", "nachdem sich die Rebellen zurückgezogen hatten", "بعد أن انسحب المتمردون".
AFTER_THEY_LEFT = (r"(?:después\s+de\s+que|tras\s+que|dopo\s+che|depois\s+que|após)\s+(?P<who>[^,.;]{1,80}?)\s+"
                   r"(?:se\s+retiraran|se\s+retiraron|huyeran|huyeron|si\s+(?:sono|erano)\s+ritirati|si\s+ritirarono|"
                   r"fuggirono|se\s+retiraram|fugiram)\b"
                   r"|nachdem\s+(?:sich\s+)?(?P<who_de>[^,.;]{1,80}?)\s+(?:sich\s+)?(?:zurückgezogen|abgezogen|geflohen)\b"
                   r"|nadat\s+(?P<who_nl>[^,.;]{1,80}?)\s+(?:zich\s+)?(?:uit\s+[^,.;]{1,40}?\s+)?"
                   r"(?:hadden|had|hebben|heeft|waren|was)\s+(?:teruggetrokken|gevlucht|vertrokken)\b"
                   r"|(?<![\w])(?:بعد|عقب|إثر)\s+(?:أن\s+)?(?:انسحب|انسحبت|انسحبوا|فر|فرت|فروا|هرب|هربت|هربوا|غادر|غادرت|"
                   r"غادروا)\s+(?P<who_ar>[^,.;]{1,80}?)(?=\s+من\s|[,.;]|$)")
# The particle a separable verb puts at its clause's end, after the place ("nahmen die Stadt Kidal ein").
PARTICLES = r"ein|in"
# Where a taken place's name ends in these languages ("Kidal tras la retirada", "كيدال بعد انسحاب", "كيدال من").
OBJECT_END = r"tras|después|dopo|após|depois|nach|nachdem|am|im|na|nadat|op|بعد|عقب|إثر|من|في|منذ|خلال"
# Letters the sentences with these verbs have (control_words passes over the others fast).
TAKE_CUES = ("tom", "captur", "conquist", "ocup", "apoder", "recuper", "retom", "pres", "occup", "ripres",
             "impadron", "erobert", "übernahm", "nahm", "namen", "nam ", "controle", "herover", "verover", "سيطر", "استول", "استعاد",
             "контрол", "взял", "захват", "занял", "овладел", "отбил", "захоп", "зайнял", "відбил", "kontrol", "zaję",
             "zajął", "zdoby", "odbi", "opanow", "obsadil", "dobyl", "ovládl", "intog", "eröv", "återtog", "inntok",
             "erobret", "valta", "valloit", "cucerit", "ocupat", "recucerit", "ocupar", "conquerir", "recuperar",
             "rebut", "kuasai", "alih")
LEAVE_CUES = ("retir", "abandon", "evacu", "huy", "ritir", "fugg", "fugi", "verließ", "räumt", "terug", "verliet",
              "ontruim", "vlucht", "انسحب", "отступ", "покинул", "ушли", "відступ", "залишил", "wycof", "opuści",
              "stáhl", "opustil", "drog sig", "lämnade", "trakk", "vetäyt", "retras", "părăsit", "retirar", "abandonar",
              "mundur", "meninggalkan")
# Words for a town in these languages ("la ciudad de Kidal", "a cidade de Gao", "مدينة كيدال").
SETTLEMENTS = (r"ciudad|pueblo|localidad|cidade|vila|aldeia|Stadt|Ortschaft|Dorf|stad|dorp|مدينة|بلدة|قرية|"
               r"город|города|городом|місто|міста|містом|miasto|miasta|miastem|miejscowość|miejscowością|město|města|"
               r"městem|staden|byen|kaupungin|orașul|orașului|ciutat|kota")
DETERMINERS = r"el|los|las|il|lo|gli|i|o|os|as|der|die|das|den|dem|de|het"
