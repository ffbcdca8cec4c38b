"""The words of a change of control, in English and French (other languages' verbs: control_languages), and the
grammar around them: who is the subject,
where a place phrase ends, and what makes a verb a plan rather than a fact ("to retake", "attempted to")."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from dashboard.ingest import control_hands as hands, control_languages as languages
from dashboard.ingest.place_phrases import PART_WORDS, SETTLEMENT_WORDS, SITE_WORDS
from dashboard.parties.mentions import PartyMention, demonym_words, mentioned_parties
from dashboard.text.fold import fold

# Words for armed men or their institutions, after the parties that name them ("Malian forces").
FORCE_WORDS = (
    r"forces|force|army|armed forces|soldiers|soldier|troops|military|government|garrison|peacekeepers|mercenaries|"
    r"convoy|column|units|unit|special forces|gendarmes|national guard|air force|jets|aircraft|drones|helicopters|"
    r"officials|authorities|fighters|militias|patrol|contingent|"
    r"armée|armées|forces armées|soldats|militaires|troupes|garde nationale|gendarmerie|autorités"
)

_TAKE = (r"(?:re-?)?captured|(?:re-?)?captures?|(?:re-?)?capturing|seized|seizes?|seizing|took|retook|re-took|takes?|"
         r"retakes?|re-takes?|taking|retaking|re-taking|overran|overruns?|overrunning|conquered|occupied|regained|"
         r"regaining|gained|gaining|liberated")
# Only with "control of" after them: "took control of", "assumed control over".
_CONTROL_VERBS = r"(?:seized|seizes?|seizing|took|takes?|taking|taken|gained|gaining|regained|regaining|assumed|" \
                 r"assumes?|retook|retaking|wrested|established)"
_FRENCH_TAKE = (r"s['’]empare(?:nt)?\s+d[eu']?|s['’]emparent\s+d[eu']?|se sont emparés\s+d[eu']?|s['’]est emparée?\s+d[eu']?|"
                r"(?:re)?pren(?:d|nent) le contrôle d[eu']?|(?:a|ont) (?:re)?pris le contrôle d[eu']?|"  # before "prend"
                r"reprend|reprennent|a repris|ont repris|prend|prennent|a pris|ont pris|occupe|occupent")
ACTIVE_TAKE = re.compile(
    rf"(?<![\w-])(?P<verb>{_CONTROL_VERBS}\s+(?:(?:full|complete|total|effective|back)\s+)?control\s+(?:of|over)|"
    rf"took\s+over|takes?\s+over|(?:{_TAKE})|(?:{_FRENCH_TAKE})|(?:{languages.TAKE}))(?=[\s']|$)(?!\s*(?:part\s+in|place)\b)\s*", re.I)  # not "took part in"
# "the CSP-PSD seized control not long afterward": control of the place named just before.
BARE_CONTROL = re.compile(rf"(?<![\w-])(?P<verb>{_CONTROL_VERBS}\s+(?:(?:full|complete|total)\s+)?control)\b"
                          r"(?!\s+(?:of|over)\b)", re.I)
PASSIVE_TAKE = re.compile(
    r"(?<![\w-])(?:(?:was|were|is|are|been|being|has been|have been|had been|est|sont|a été|ont été|fut|furent)\s+)?"
    r"(?:(?:\w+ly|quickly|soon|then|also|later|finally|vite|rapidement)\s+)?"
    r"(?P<verb>(?:re-?)?captured|seized|(?:re-?)?taken|retaken|overrun|conquered|liberated|taken over|"
    r"(?:re)?prise?s?|conquise?s?)\s+(?:by|par)\s+", re.I)
PASSIVE_HELD = re.compile(
    r"(?<![\w-])(?:(?:was|were|is|are|remained|remains|has been|have been|had been|still|est|sont|était|étaient|"
    r"reste|restent)\s+)*(?:(?:\w+ly|de facto|still|toujours|then)\s+)*"
    r"(?P<verb>held|controlled|occupied|tenue?s?|contrôlée?s?|occupée?s?)\s+(?:by|par)\s+", re.I)
IN_CONTROL = re.compile(r"(?<![\w-])(?P<verb>(?:in|held|had|kept|maintained|retained|exercised)\s+(?:full\s+|complete\s+|"
                        r"effective\s+|firm\s+)?control\s+(?:of|over))\s+", re.I)
UNDER_CONTROL = re.compile(
    r"(?<![\w-])(?P<verb>(?:under|sous)\s+(?:the\s+|le\s+)?(?:(?P<agent>[\w' -]{1,40}?)\s+)?(?:control|contrôle)"
    r"(?:\s+(?:of|de|du|des|d')\s*(?P<agent2>[^,.;]{1,80}))?)", re.I)
POSSESSED_CONTROL = re.compile(r"(?<![\w-])(?P<agent>[\w-]+(?:\s+[\w-]+)?)\s+(?P<verb>control\s+(?:of|over))\s+", re.I)
ALLOW_CONTROL = re.compile(r"(?<![\w-])(?:allowing|allowed|allows?|enabling|letting|leaving|left)\s+(?P<agent>[^,.;]{1,80}?)"
                           r"\s+(?P<verb>to\s+(?:control|hold|keep))\s+", re.I)
ABANDON = re.compile(
    r"(?<![\w-])(?P<verb>abandon(?:ed|ing|s)?|evacuat(?:ed|ing|es?)|abandonne(?:nt)?|a abandonné|ont abandonné|"
    r"évacue(?:nt)?|a évacué|ont évacué|fled|fleeing|flee|fuient|fuit|"
    r"(?:withdr(?:ew|awn|awing|aws?)|retreat(?:ed|ing|s)?|pull(?:ed|ing|s)?\s+out|se\s+retir(?:e|ent|èrent)|"
    r"s['’]est\s+retirée?|se sont retirés)\s+(?:from|of|de|du|des|d['’])|"
    rf"{languages.LEAVE})(?=[\s']|$)\s*", re.I)
WITHDRAWAL = re.compile(r"(?<![\w-])(?:their|its|his|the|leur|son|sa)\s+(?P<verb>withdrawal|retreat|departure|pull-?out|"
                        r"retrait|départ)\s+(?:from|de|du|des|d['’])\s*", re.I)
EXPELLED = re.compile(r"(?<![\w-])(?:was|were|been|being)?\s*(?P<verb>(?:chased|driven|pushed|forced|kicked|thrown)\s+"
                      r"out\s+of|ejected\s+from|expelled\s+from|chassée?s?\s+d[eu']?)\s*", re.I)
FAILED_ATTEMPT = re.compile(
    r"(?<![\w-])(?P<verb>attempted|tried|sought|failed)\s+to\s+(?:capture|take|seize|retake|recapture|enter|storm|"
    r"establish\s+(?:itself|themselves|himself)\s+in)\s+(?P<object>[^,.;]{1,60}?)"
    r"(?:\s+in\s+[^,.;]{1,20}?)?,?\s+but\s+(?:was|were)\s+(?:\w+ly\s+)?(?P<how>repelled|repulsed|pushed\s+back|"
    r"beaten\s+back|driven\s+back|chased\s+out|driven\s+out|expelled|forced\s+out|defeated)"
    r"(?:\s+(?:of|from)\s+[^,.;]{1,30}?)?\s+by\s+", re.I)
FELL = re.compile(r"(?<![\w-])(?P<verb>fell|falls|tombe|tombent|est tombée|passe|passent)\s+(?:to|into\s+the\s+hands\s+of|"
                  r"under\s+the\s+control\s+of|aux\s+mains\s+d[eu']?s?|sous\s+le\s+contrôle\s+d[eu']?s?)\s+", re.I)
IN_HANDS = re.compile(r"(?<![\w-])(?:(?:was|were|is|are|remained|remains|stayed|est|sont|était|étaient|reste|restent|"
                      r"demeure|demeurait)\s+)(?:(?:still|toujours|encore)\s+)?(?P<verb>in\s+the\s+hands\s+of|aux\s+mains\s+"
                      r"d(?:u|es|e)|entre\s+les\s+mains\s+d(?:u|es|e))\s+", re.I)
NOMINAL = re.compile(r"(?<![\w-])(?P<verb>capture|seizure|recapture|takeover|fall|prise|chute)\s+(?:of|de|du|d['’])\s+"
                     r"(?P<object>[^,.;]{1,60}?)\s+(?:(?:was|came|happened|took place|occurred)\s+[^,.;]{0,40}?\s+)?"
                     r"(?:by|par|to)\s+", re.I)
EXPELLED_HOW = ("chased out", "driven out", "expelled", "forced out")
# A verb that names a plan, an attempt or an order, not what happened ("to retake", "attempted to capture").
_NOT_A_FACT = re.compile(
    r"(?:\bto|\bnot|\bnever|n't|\bwithout|\bfrom|\bwould|\bcould|\bmight|\bmay|\bwill|\bshall|\bcannot|\bfailed|"
    r"\bpour|\bafin d[e']|\bsans|\bpas|\bjamais|\bde|\bd['’])\s+(?:(?:have|be|quickly|fully|completely)\s+)*$", re.I)
_PERFECT_INFINITIVE = re.compile(r"\bto\s+have\s+(?:\w+\s+){0,4}$", re.I)
_CLAUSE_BOUNDARY = re.compile(
    r";|:|[\"“«]|,\s*(?:and|but|while|whereas|which|who|as|after|before|when|until|although|though|et|mais|qui)?\b|"
    r"(?<![\w-])(?:but|while|whereas|when|after|before|until|because|as|who|which|that|and|following|"
    r"mais|qui|lorsque|quand|après|avant|alors que|tandis que|et)(?![\w-])", re.I)
_HARD_BOUNDARY = re.compile(r";|[\"“«]")
_LEADING_ADVERBIAL = re.compile(
    r"^\s*(?:(?:on|in|at|by|after|during|following|since|between|around|shortly|soon|later|then|consequently|"
    r"subsequently|however|meanwhile|eventually|finally|thereafter|afterwards?|le|la|en|après|lors|puis|ensuite|"
    r"enfin|depuis)\b[^,]{0,80},\s*|\d{4},\s*)+", re.I)
PRONOUN = re.compile(r"^(?:they|it|he|she|who|which|qui|ils|elles|il|elle|the latter|these forces|ces derniers)\b"
                     r"(?:\s+(?:had|have|has|then|also|quickly|later|soon|finally|eventually|successfully|"
                     r"ont|a|avaient|avait|then))*\s*$", re.I)
_OBJECT_END = re.compile(
    r"\s+(?:on|during|after|before|following|along|with|without|from|for|since|until|by|as|when|while|but|and|"
    r"which|who|to|towards|toward|leading|amid|despite|due|because|where|then|again|et|pour|après|avant|lors|depuis|"
    rf"le\s+\d|en\s+\d|jusqu|alors|avec|contre|suite|puis|sans|{languages.OBJECT_END})\b"
    r"|\s+(?:in|at|near|en|à|dans)\s+(?=(?:the\s+)?(?:wake|early|late|mid|january|february|march|april|may|june|july|"
    r"august|september|october|november|december|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|"
    r"novembre|décembre|\d|[a-zàâçéèêëîïôûùüÿ]))"
    rf"|\s+(?:{languages.PARTICLES})(?=\s*(?:[,;.]|$))"
    r"|\s*[,;:.!?()\[\]\"“”«»]|\s+(?:in|at)\s*$", re.I)
_LIST_GLUE = re.compile(rf"^(?:[\s,()-]|\band\b|\bet\b|\by\b|\be\b|\bund\b|\bel\b|\bil\b|\bo\b|\ballied\b|\bthe\b|\bles?\b|\bl['’]|"
                        rf"\bpro-government\b|\brebel\b|"
                        rf"\b(?:{'|'.join(sorted(demonym_words()))})\b|\b(?:{FORCE_WORDS})\b|\([A-Z][\w-]*\))*$", re.I)
# Arabic has no capitals: after its verbs of control ("سيطر على كيدال") any word heads the place.
_PLACE_HEAD = re.compile(rf"^(?:[A-ZÀ-Ý\u0621-\u064A]|(?i:(?:{SETTLEMENT_WORDS}|{SITE_WORDS}|{PART_WORDS}|area|zone|it)\b)|"
                         rf"(?i:(?:north|south|east|west|northern|southern|eastern|western)\w*\s+(?:{PART_WORDS})\b))")
_DETERMINER = re.compile(rf"^(?:(?:the|this|that|its|their|a|an|la|le|les|cette|ce|son|sa|leur|de la|du|des|"
                         rf"{languages.DETERMINERS})\s+|l['’]\s*)",
                         re.I)
# Letters one of the patterns above needs, to pass over the many sentences that say nothing of control fast.
CUE_WORDS = ("captur", "seiz", "took", "take", "taking", "retak", "re-tak", "retook", "overr", "conquer", "occup",
             "regain", "gained", "gaining", "liberat", "control", "contrôl", "held", "hold", "abandon", "evacua",
             "évacu", "withdr", "retreat", "pull", "fled", "flee", "fui", "chased", "driven", "expelled", "ejected",
             "forced out", "fell", "falls", "tomb", "empar", "prend", "pris", "tenu", "mains", "hands", "retir",
             "chass", "passe", *languages.TAKE_CUES, *languages.LEAVE_CUES, *hands.CUES)


# The words each pattern needs, so that it is tried only on a sentence that has one of them.
_NEEDS = {
    ACTIVE_TAKE: ("captur", "seiz", "took", "take", "taking", "retak", "re-tak", "overr", "conquer", "occup", "regain",
                  "gain", "liberat", "control", "empar", "prend", "pris", *languages.TAKE_CUES),
    BARE_CONTROL: ("control",), IN_CONTROL: ("control",), POSSESSED_CONTROL: ("control",),
    UNDER_CONTROL: ("control", "contrôle"), ALLOW_CONTROL: ("control", "hold", "keep"),
    PASSIVE_TAKE: ("captured", "seized", "taken", "overrun", "conquered", "liberated", "pris", "conquis"),
    PASSIVE_HELD: ("held", "controlled", "occupied", "tenu", "contrôlé", "occupé"),
    FELL: ("fell", "falls", "tomb", "passe"),
    IN_HANDS: ("hands", "mains"),
    ABANDON: ("abandon", "evacu", "évacu", "fled", "flee", "fui", "withdr", "retreat", "pull", "retir",
              *languages.LEAVE_CUES),
    WITHDRAWAL: ("withdrawal", "retreat", "departure", "pull", "retrait", "départ"),
    EXPELLED: ("chased", "driven", "pushed", "forced", "kicked", "thrown", "ejected", "expelled", "chass"),
    FAILED_ATTEMPT: ("attempted", "tried", "sought", "failed"),
    NOMINAL: ("capture", "seizure", "takeover", "fall", "prise", "chute"),
}


def finds(pattern: re.Pattern, text: str) -> list[re.Match]:
    """pattern.finditer(text), skipped when the sentence has none of the words the pattern needs."""
    return list(pattern.finditer(text)) if not _cues_in(text).isdisjoint(_NEEDS[pattern]) else []


@lru_cache(maxsize=4096)
def _cues_in(text: str) -> frozenset[str]:
    lower = text.lower()
    return frozenset(word for word in _ALL_NEEDS if word in lower)


_ALL_NEEDS = frozenset(word for words in _NEEDS.values() for word in words)


def may_state_control(text: str) -> bool:
    """Whether a sentence has any word a statement of control needs (a cheap test before the patterns)."""
    lower = text.lower()
    return any(word in lower for word in CUE_WORDS)


@dataclass(frozen=True)
class Phrase:
    text: str
    offset: int  # where it starts in the sentence

    @property
    def end(self) -> int:
        return self.offset + len(self.text)


def is_fact(text: str, verb_start: int) -> bool:
    """False for a verb that names a plan, attempt, negation or order ("offensive to retake the city")."""
    before = text[max(0, verb_start - 40):verb_start]
    return not _NOT_A_FACT.search(before) or bool(_PERFECT_INFINITIVE.search(before))


def subject_before(text: str, verb_start: int) -> Phrase | None:
    """Who does what the verb at verb_start says: the nearest stretch before it that names a party (or a pronoun),
    extended over a list of parties ("MNLA, HCUA, and rebel MAA fighters"), leading time phrases dropped."""
    hard = [m.end() for m in _HARD_BOUNDARY.finditer(text, 0, verb_start)]  # ";" or a quotation: its own speaker
    first = hard[-1] if hard else 0
    starts = [first] + [m.end() for m in _CLAUSE_BOUNDARY.finditer(text, first, verb_start)]
    for i in range(len(starts) - 1, -1, -1):
        span = text[starts[i]:verb_start]
        stripped = _LEADING_ADVERBIAL.sub("", span)
        offset = starts[i] + len(span) - len(stripped)
        if PRONOUN.match(stripped.strip()):
            return Phrase(stripped.strip(), offset + len(stripped) - len(stripped.lstrip()))
        if mentioned_parties(stripped):
            j = i
            while j > 0 and _starts_with_party(text[starts[j]:verb_start]) and \
                    _LIST_GLUE.match(_without_parties(text[starts[j - 1]:starts[j]])):
                j -= 1
            if j < i:
                span = text[starts[j]:verb_start]
                stripped = _LEADING_ADVERBIAL.sub("", span)
                offset = starts[j] + len(span) - len(stripped)
            return Phrase(stripped, offset)
    return None


def strip_leading_adverbials(text: str) -> str:
    """The clause without its opening time or circumstance phrases ("On 18 May, following the capture of …, ")."""
    return _LEADING_ADVERBIAL.sub("", text)


def actor_words(phrase: Phrase) -> tuple[str, list[PartyMention]]:
    """The party words of a subject ("Malian forces" of "Malian forces retreated to Gao") and its parties."""
    mentions = mentioned_parties(phrase.text)
    if not mentions:
        return phrase.text.strip(), []
    first = min(m.start for m in mentions)
    last = first
    for mention in sorted(mentions, key=lambda m: m.start):
        if mention.start == first or _LIST_GLUE.match(_without_parties(phrase.text[last:mention.start])):
            last = max(last, mention.end)
    tail = re.match(rf"(?:\s+(?:\([A-Z][\w-]*\)|(?:{FORCE_WORDS}|jihadists|rebels|mercenaries)\b))*", phrase.text[last:],
                    re.I)
    last += tail.end()
    head = re.search(r"(?:\b(?:the|les|le|la|l['’])\s+)$", phrase.text[:first], re.I)
    if head:
        first = head.start()
    return phrase.text[first:last].strip(" ,"), mentions


def object_after(text: str, pos: int) -> Phrase | None:
    """The noun phrase a verb at pos governs, up to where a time, a reason or another clause begins."""
    end = _OBJECT_END.search(text, pos)
    words = text[pos:end.start() if end else len(text)].strip()
    return Phrase(words, text.index(words, pos)) if words else None


def place_before(text: str, pos: int) -> Phrase | None:
    """The place phrase a passive or a state verb at pos says something of ("the military camp number 1 was
    captured"): the longest stretch before it, after the last comma or clause word, that starts like a place."""
    starts = [0] + [m.end() for m in _CLAUSE_BOUNDARY.finditer(text, 0, pos)]
    span = text[starts[-1]:pos]
    span = re.sub(r"(?:\s+(?:\w+ly|de facto|still|then|also|had been|has been|have been|was|were|is|are|remained|"
                  r"been|est|sont|était|étaient|toujours))+\s*$", "", span, flags=re.I)
    words = list(re.finditer(r"\S+", span))
    for word in words:
        candidate = span[word.start():].strip()
        if looks_like_place(candidate):
            return Phrase(candidate, starts[-1] + word.start())
    return None


def looks_like_place(phrase: str) -> bool:
    """Whether a phrase begins as a place does: a name, a town, a site or a part of one ("30 officials" does not)."""
    bare = _DETERMINER.sub("", phrase.strip())
    return bool(bare) and bool(_PLACE_HEAD.match(bare)) and not re.match(r"^\d", bare) and \
        not re.match(r"^(?:January|February|March|April|May|June|July|August|September|October|November|December)\b",
                     bare)


def agent_after(text: str, pos: int) -> Phrase | None:
    """The parties after "by" (or "to", "par"): a list, up to where the next clause or a time begins."""
    rest = text[pos:]
    end = re.search(r",\s*(?:who|which|whose|qui|allowing|and\s+(?!(?:the\s+)?[A-Z]))|\s+(?:who|which|after|before|"
                    r"during|following|in\s+(?:the\s+)?(?:wake|early|late|\d|January|February|March|April|May|June|"
                    r"July|August|September|October|November|December)|on|since|when|while|but|qui|après|lors|avant)\b|"
                    r"[;.!?]|\s+\[", rest)
    words = rest[:end.start() if end else len(rest)]
    pieces = re.split(r"(,\s*)", words)
    kept = pieces[0]
    for i in range(1, len(pieces) - 1, 2):
        nxt = pieces[i + 1]
        if not _starts_with_party(nxt) and not re.match(r"\s*(?:and\s+)?(?:\w+ian|\w+ese|French)\b", nxt):
            break
        kept += pieces[i] + nxt
    kept = kept.strip()
    return Phrase(kept, pos + rest.index(kept)) if kept and mentioned_parties(kept) else None


def possessor(words: str) -> str:
    """The party words of "Malian" in "confirmed Malian control of", "the MNLA's" in "the MNLA's control of"."""
    last = re.sub(r"['’]s$", "", words.split()[-1]) if words.split() else ""
    if fold(last) in demonym_words() or any(not m.unnamed for m in mentioned_parties(last)):
        return words.split()[-1]
    return ""


def _starts_with_party(text: str) -> bool:
    """Whether text begins with a party, after "and" or "the" ("and rebel MAA fighters")."""
    lead = re.match(r"\s*(?:(?:and|et)\s+)?(?:(?:the|les|le|la|allied)\s+)?", text).end()
    return any(m.start == lead for m in mentioned_parties(text))


def _without_parties(text: str) -> str:
    for mention in mentioned_parties(text):
        text = text.replace(mention.written, " ")
    return text
