"""A place changing hands, in the sentence shapes that say who left it as another took it, for ingest.control:
"took control of Kidal after fighters of the CSP withdrew", "following the Malians that were retreating",
"après le retrait des combattants du CSP", "tras la retirada de los rebeldes", "بعد انسحاب مقاتلي الإطار …";
"entered Kidal after the rebels fled" (entering is a taking only when someone is said to have left), "drove the
rebels out of Kidal", and Arabic's verb before its subject ("سيطر الجيش المالي على مدينة كيدال")."""
from __future__ import annotations

import re

from dashboard.ingest import control_languages as languages

# "recaptured the city on May 21, following the Malians that were retreating", "after the rebels had withdrawn".
_RETREATING = re.compile(
    r"\b(?:following|after|behind|once|derrière)\s+(?P<who>[^,.;]{1,80}?)\s+(?:(?:that|who|which|qui)\s+)?"
    r"(?:(?:were|was|had been|had|étaient|s['’]étaient|se sont|s['’]est)\s+)?(?:retreating|withdrawing|fleeing|"
    r"pulling out|leaving|withdrew|withdrawn|fled|pulled out|retreated|se repliaient|fuyaient|retirée?s?|repliée?s?|"
    r"enfuie?s?)\b", re.I)
# "after the withdrawal of French forces", "après le retrait des combattants du CSP", "بعد انسحاب مقاتلي …".
_WITHDRAWAL = re.compile(
    rf"(?<![\w-])(?:after|following|upon|après|suite\s+à|{languages.AFTER})\s+"
    rf"(?:(?:the|le|la|el|il|lo|a|o|dem|der|den|de|het)\s+|l['’]\s*)?(?:withdrawal|retreat|departure|flight|pull-?out|"
    rf"retrait|départ|repli|fuite|{languages.WITHDRAWAL_NOUNS})\s+(?:(?:of|de|du|des|{languages.OF})\s+|d['’]\s*)?"
    r"(?P<who>[^,.;]{1,80})", re.I)
_AFTER_THEY_LEFT = re.compile(languages.AFTER_THEY_LEFT, re.I)

ENTERED = re.compile(r"(?<![\w-])(?P<verb>(?:re-?)?entered|est\s+entrée?\s+dans|sont\s+entrés\s+dans|entrent\s+dans|"
                     r"entraron\s+en|entrarono\s+(?:a|in)|entraram\s+em|دخل|دخلت|دخلوا)\s+", re.I)
# "the army drove the rebels out of Kidal", "a chassé les combattants du MNLA de la ville": who lost it is named between.
DROVE_OUT = re.compile(
    r"(?<![\w-])(?P<verb>drove|drives?|driving|chased|chases?|chasing|pushed|forced|ousted|expelled|expels?|kicked|"
    r"threw|a\s+chassé|ont\s+chassé|chass(?:e|ent)|a\s+expulsé|ont\s+expulsé|expulsent|expulsaron|expulsó|cacciarono|"
    r"hanno\s+cacciato|expulsaram|expulsou|vertrieben)\s+(?P<who>[^,.;]{1,80})\s+(?:out\s+of|out\s+from|from|hors\s+de|"
    r"de|du|d['’]|del|della|dalla|dal|do|da|aus)\s+", re.I)
VERB_FIRST_TAKE = re.compile(
    rf"(?<![\w])(?P<verb>{languages.VERB_FIRST_TAKE})\s+(?!على\s)(?P<who>(?:(?!\s(?:على|السيطرة)\s)[^,.;])+?)\s+"
    r"(?:السيطرة\s+)?على\s+")
RETAKE_VERB_FIRST = languages.RETAKE_VERB_FIRST
# Letters a sentence with one of these shapes has (control_words passes over the others fast).
CUES = ("entered", "entering", "enters", "entré", "entrent", "entraron", "entrarono", "entraram", "drove", "drive",
        "driving", "chase", "chasing", "pushed", "forced", "ousted", "expel", "expuls", "kicked", "threw", "caccia",
        "vertrieb", "دخل", "سيطر", "استول", "استعاد")


def who_left(text: str, pos: int) -> tuple[str, int] | None:
    """The words (and where they start) that say who left, after pos, as another took the place: the first of
    "after the rebels withdrew", "after the withdrawal of the rebels", "بعد أن انسحب المتمردون"."""
    found = [(m.start(), m) for pattern in (_RETREATING, _WITHDRAWAL, _AFTER_THEY_LEFT)
             if (m := pattern.search(text, pos)) is not None]
    if not found:
        return None
    m = min(found, key=lambda pair: pair[0])[1]
    group = next(name for name in ("who", "who_de", "who_nl", "who_ar") if name in m.groupdict() and m.group(name))
    return m.group(group), m.start(group)
