"""The verbs of a change of control in Spanish, Italian, Portuguese, German and Arabic, for ingest.control_words
(whose grammar around them, English and French, serves these too): "tomaron el control de", "hanno conquistato",
"retomaram", "eroberten", "سيطر على"; and of leaving a place: "se retiraron de", "si sono ritirati da", "انسحب من"."""
from __future__ import annotations

TAKE = (r"tomaron\s+el\s+control\s+de|tomó\s+el\s+control\s+de|han\s+tomado\s+el\s+control\s+de|"
        r"se\s+hicieron\s+con\s+el\s+control\s+de|tomaron|tomó|capturaron|capturó|conquistaron|conquistó|ocuparon|"
        r"ocupó|se\s+apoderaron\s+de|se\s+apoderó\s+de|recuperaron|recuperó|retomaron|retomó|"
        r"(?:hanno|ha)\s+preso\s+il\s+controllo\s+(?:di|dell[ao]|dell['’]|del|dei)|presero\s+il\s+controllo\s+(?:di|dell[ao]|del)|"
        r"hanno\s+conquistato|ha\s+conquistato|conquistarono|hanno\s+occupato|occuparono|hanno\s+ripreso|ripresero|"
        r"si\s+sono\s+impadroniti\s+(?:di|dell[ao]|del)|"
        r"(?:tomaram|tomou|assumiram)\s+o\s+control[eo]\s+d[aeo]s?|tomaram|tomou|capturaram|capturou|"
        r"conquistaram|conquistou|ocuparam|ocupou|retomaram|retomou|recuperaram|recuperou|"
        r"eroberten|eroberte|übernahmen\s+die\s+kontrolle\s+über|"
        r"سيطر\s+على|سيطرت\s+على|سيطروا\s+على|استولى\s+على|استولت\s+على|استولوا\s+على|استعاد|استعادت|استعادوا")
LEAVE = (r"se\s+retiraron\s+de|se\s+retiró\s+de|se\s+retiraran\s+de|se\s+retiraron\s+del|abandonaron|abandonó|evacuaron|huyeron\s+de|"
         r"si\s+sono\s+ritirati\s+(?:da|dall[ao]|dal)|si\s+ritirarono\s+(?:da|dall[ao]|dal)|hanno\s+abbandonato|abbandonarono|fuggirono\s+da|"
         r"retiraram-se\s+d[aeo]s?|se\s+retiraram\s+d[aeo]s?|abandonaram|abandonou|fugiram\s+de|"
         r"verließen|räumten|"
         r"انسحب\s+من|انسحبت\s+من|انسحبوا\s+من")
# Letters the sentences with these verbs have (control_words passes over the others fast).
TAKE_CUES = ("tom", "captur", "conquist", "ocup", "apoder", "recuper", "retom", "pres", "occup", "ripres",
             "impadron", "erobert", "übernahm", "سيطر", "استول", "استعاد")
LEAVE_CUES = ("retir", "abandon", "evacu", "huy", "ritir", "fugg", "fugi", "verließ", "räumt", "انسحب")
# Words for a town in these languages ("la ciudad de Kidal", "a cidade de Gao", "مدينة كيدال").
SETTLEMENTS = r"ciudad|pueblo|localidad|cidade|vila|aldeia|Stadt|Ortschaft|Dorf|مدينة|بلدة|قرية"
DETERMINERS = r"el|los|las|il|lo|gli|i|o|os|as|der|die|das|den|dem"
