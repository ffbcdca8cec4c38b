"""Who states a sentence's figures: the speaker and the party or outlet they speak for.

"Malian spokesman Souleymane Maiga" -> "Souleymane Maiga (Mali)"; "Moussa Ag Attaher, spokesman for the MNLA" ->
"Moussa Ag Attaher (MNLA)"; "Malian media Malijet" -> "Malijet"; "A French military source" -> "French military
source"; "MNLA forces" -> "MNLA"; "Medical sources speaking to RFI" -> "Medical sources (per RFI)". A surname
("Maiga stated…") is the person named before with it, and "He"/"They" the speaker before; people are learnt from
every sentence ("Malian spokesman Souleymane Maiga confirmed…") and from the infobox's commanders.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from dashboard.casualties.vocabulary import tells_loss
from dashboard.parties.mentions import find_mentions
from dashboard.text.fold import fold
from dashboard.text.markup import CITATION, squeeze

_SPEECH = (r"stated|states|stating|said|says|saying|claimed|claims|claiming|reported|reports|reporting|announced|"
           r"announces|announcing|affirmed|asserted|acknowledged|added|alleged|confirmed|declared|told|estimated|"
           r"counted|revised|disputed|insisted|indicated|noted|wrote|put the toll|gave a toll|"
           r"a déclaré|a affirmé|a annoncé|a indiqué|a fait état|a revendiqué|a reconnu|affirme|annonce|déclare|"
           r"indique|rapporte|revendique|reconnaît|assure|précise|a précisé|a expliqué|a assuré|a rapporté|a confirmé|"
           r"ont déclaré|ont affirmé|ont annoncé|ont indiqué|ont rapporté|ont confirmé|ont fait état|a ajouté|"
           r"a dénoncé|ont dénoncé|fait état|font état|"
           # Spanish, Italian, Portuguese, German
           r"informó|informaron|afirmó|afirmaron|aseguró|aseguraron|dijo|dijeron|declaró|señaló|indicó|anunció|"
           r"confirmó|denunció|precisó|explicó|reconoció|reivindicó|agregó|añadió|ha informado|han informado|"
           r"ha detto|hanno detto|ha dichiarato|ha affermato|ha annunciato|ha riferito|hanno riferito|ha confermato|"
           r"ha reso noto|riferisce|riferiscono|afferma|dichiara|ha rivendicato|ha spiegato|ha aggiunto|ha precisato|"
           r"disse|disseram|afirmou|afirmaram|informou|informaram|declarou|anunciou|confirmou|relatou|acrescentou|"
           r"sagte|sagten|teilte mit|teilten mit|teilte|teilten|mitteilte|mitteilten|erklärte|erklärten|berichtete|"
           r"berichteten|meldete|meldeten|bestätigte|hieß es|gab an|gaben an|"
           r"meldt|meldde|meldden|zegt|zei|zeiden|verklaarde|verklaarden|liet weten|lieten weten|maakte bekend|"
           r"maakten bekend|bevestigde|aldus|"
           # Russian, Ukrainian, Polish, Czech, Turkish, the Nordic languages, Finnish, Hungarian, Romanian, Catalan,
           # Indonesian
           r"сообщил[аои]?|заявил[аои]?|говорится|передает|повідомив|повідомил[аои]|заявив|заявил[аи]|"
           r"poinformował[aoy]?|poinformowali|podał[aoy]?|podali|oświadczył[aoy]?|przekazał[aoy]?|przekazali|"
           r"uvedl[aoi]?|oznámil[aoi]?|sdělil[aoi]?|açıkladı|bildirdi|duyurdu|uppgav|uppger|meddelade|opplyste|"
           r"oplyste|kertoi|ilmoitti|közölte|jelentette|a anunțat|a declarat|au anunțat|au declarat|va informar|"
           r"va afirmar|mengatakan|menyatakan|melaporkan")
# The word that opens what was said ("said that", "a déclaré que", "uppgav att", "заявил, что").
_THAT = r"(?:that|que|att|że|что|що|že|ki|että|hogy|că|bahwa)\b|qu['’]"
SPEECH_VERB = re.compile(rf"\b(?:{_SPEECH})\b", re.I)
DENIAL_VERB = re.compile(r"\b(?:denied|denies|rejected|dismissed|refuted|a démenti|dément|a nié)\s+(?:that|que)\b", re.I)
REVISION = re.compile(r"\b(?:revised|revising|updated|raised|lowered|corrected|new toll|later (?:said|stated|claimed|"
                      r"reported)|nouveau bilan|révisé|revu)\b", re.I)
_ACCORDING = (r"(?:according to|per|selon|d['’]apr[èe]s|según|segun|de acuerdo con|secondo|stando a|segundo|"
              r"de acordo com|conforme|laut|nach angaben(?:\s+(?:von|der|des))?|volgens|enligt|ifølge|według|podle|"
              r"по данным|по словам|согласно|за даними|за словами|menurut|potrivit|segons)")
_ACCORDING_TO = re.compile(rf"^\s*{_ACCORDING}\s+(?P<who>[^,]{{2,80}}?)\s*,\s*", re.I)
_ACCORDING_TO_END = re.compile(rf",?\s*{_ACCORDING}\s+(?P<who>[^,]{{2,80}}?)\s*[.!]?\s*$", re.I)
# German glues the source to "Angaben": "nach Behördenangaben", "nach Armeeangaben".
_COMPOUND_SOURCE = re.compile(r"\bnach\s+(?P<who>[A-ZÄÖÜ]\w+?)angaben\b")
# Inside the sentence, the source is the words up to the next small word or number: "according to the army 20 …".
_ACCORDING_TO_WITHIN = re.compile(rf"\b{_ACCORDING}\s+(?P<who>(?:(?:the|der|des|die|el|la|le|il|o|a|het|de)\s+)?"
                                  r"[^\W\d_][\w'’-]*(?-i:\s+[A-ZÀ-Ý][\w'’-]*)?)", re.I)
_NAME_WORD = r"[A-ZÀ-Ý][\w'’-]+"
_PARTICLE = r"(?:Ag|ag|Ould|ould|ben|Ben|bin|el|El|al|Al|ibn|Hadj|de|du|Ag\.)"
NAME = rf"{_NAME_WORD}(?:\s+(?:{_PARTICLE}\s+)*{_NAME_WORD})+"
_ROLE = (r"spokesman|spokesperson|spokeswoman|minister|president|prime minister|general|colonel|commander|leader|"
         r"chief|governor|mayor|secretary-general|secretary general|official|officer|head|founder|porte-parole|"
         r"ministre|président|général|gouverneur|chef|commandant|dirigeant")
_ROLE_BEFORE_NAME = re.compile(rf"(?P<desc>(?:[\w'’-]+\s+){{0,3}}?(?i:{_ROLE})(?:\s+(?:of|for|du|de)\s+(?:the\s+)?[\w-]+)?)"
                               rf"\s+(?P<name>{NAME})")
_ROLE_WORDS = {w for role in _ROLE.split("|") for w in role.split()}
_NAME_THEN_ROLE = re.compile(rf"(?P<name>{NAME}),\s+(?:the\s+|a\s+|le\s+|la\s+)?(?P<desc>[^,]*?\b(?i:{_ROLE})\b[^,]*),")
_MEDIA = re.compile(r"^(?P<desc>(?:[\w'’-]+\s+){0,2}?)(?:media|newspaper|daily|outlet|radio|television|tv|news agency|"
                    r"agency|website|magazine|journal|presse|quotidien|journal|site)\s+(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)", re.I)
_RELAYED = re.compile(r"^(?P<who>.+?)\s+(?:speaking to|talking to|quoted by|cited by|told|interviewed by|cités par|cité par)\s+"
                      r"(?P<outlet>.+)$", re.I)
_LEADING = re.compile(r"^(?:(?:as|wie|como|come|the|a|an|another|other|le|la|les|un|une|des|el|los|las|il|lo|gli|i|o|"
                      r"os|der|die|das|den|dem|uno|una|um|uma|ein|eine|het|een)\s+|l['’]\s*|d['’]autres\s+)+", re.I)
_TRAILING = re.compile(r"\s+(?:instead|also|later|however|then|initially|reportedly|meanwhile|itself|themselves|further|"
                       r"aussi|ensuite|quant à (?:lui|elle|eux))$", re.I)
_ADVERBIAL = re.compile(r"^(?:in|on|at|during|after|before|following|later|meanwhile|however|then|that|the next|the following|"
                        r"by|since|as|when|while|also|en|dans|le(?=\s+\d)|lors|après|avant|puis|ensuite|cependant)\b", re.I)
_PERSON_PRONOUN = re.compile(r"^(?:he|she|il|elle)$", re.I)
_GROUP_PRONOUN = re.compile(r"^(?:they|it|ils|elles|the group|the movement|the organisation|the organization|"
                            r"(?:the|this|that|the same) source|la m[êe]me source|cette source)$", re.I)
# Who may speak, named only by what they are: "local elected officials", "witnesses", "a security source".
_SPEAKER_NOUNS = {"officials", "official", "sources", "source", "witnesses", "witness", "residents", "authorities",
                  "spokesman", "spokesperson", "officers", "officer", "doctors", "medics", "elders", "leaders",
                  "notables", "responsables", "temoins", "habitants", "autorites", "elus", "fuentes", "fonti",
                  "fontes", "quellen", "testigos", "testimoni", "testemunhas", "zeugen", "habitantes", "residenti",
                  "abitanti", "moradores", "autoridades", "autorita", "behorden", "funcionarios", "funzionari",
                  "portavoz", "portavoce", "porta-voz", "sprecher"}
# Words that make a phrase the party itself: "MNLA forces", "the Malian Army", "MNLA fighters".
_COLLECTIVE = {"forces", "force", "fighters", "troops", "army", "armed forces", "military", "militants", "members",
               "movement", "group", "coalition", "rebels", "militia", "militias", "combatants", "armee", "combattants",
               "mouvement", "groupe"}
# A speech verb after one of these is an adjective ("In the revised statement") or a passive with no speaker
# ("No casualties were reported").
_DETERMINER = re.compile(r"\b(?:the|a|an|its|their|his|her|this|that|le|la|les|un|une|son|sa|leur|"
                         r"were|was|been|be|being|is|are|été)\s+(?:\w+ly\s+)?$", re.I)
# Words that make a phrase a voice within a party, kept as written: "the Malian government", "Malian officials".
_INSTITUTION = {"government", "ministry", "minister", "officials", "official", "authorities", "source", "sources",
                "spokesman", "spokesperson", "report", "statement", "media", "presidency", "command", "staff",
                "gouvernement", "ministere", "autorites", "responsables", "etat-major", "communique"}
_OFFICE = re.compile(rf"\b(?:{_ROLE})\b", re.I)


@dataclass(frozen=True)
class Claimant:
    name: str  # as shown
    org: str  # the party or outlet they speak for, "" when not known
    person: bool = False
    camp: str = ""  # when no party is named, the camp a word names ("the army's statement": state)


@dataclass
class Speakers:
    """What a reader of the article knows so far: people named with their party, and the last speakers."""
    people: dict[str, str] = field(default_factory=dict)  # full name -> org, in the order met
    last: Claimant | None = None
    last_person: Claimant | None = None

    def learn(self, sentence: str) -> None:
        """People the sentence names with a role ("MNLA spokesman Moussa Ag Attaher", "Dacko, a Malian general,")."""
        if not _ROLE_WORDS.intersection(re.findall(r"[\w-]+", sentence.casefold())):
            return
        for match in [*_ROLE_BEFORE_NAME.finditer(sentence), *_NAME_THEN_ROLE.finditer(sentence)]:
            name = squeeze(match["name"])
            org = organisation(match["desc"])
            if org or name not in self.people:
                self.people[name] = org

    def person(self, word: str) -> tuple[str, str] | None:
        """The person named before whose name holds this word ("Maiga" -> "Souleymane Maiga"), latest first."""
        key = fold(word)
        for name in reversed(list(self.people)):
            if key in {fold(part) for part in name.split()}:
                return name, self.people[name]
        return None

    def heard(self, claimant: Claimant) -> None:
        self.last = claimant
        if claimant.person:
            self.last_person = claimant


def organisation(text: str) -> str:
    """The party (canonical) a descriptor names: "Malian spokesman" -> "Mali", "of the MAA" -> "MAA"."""
    mentions = [m for m in find_mentions(text) if m.party]
    return mentions[0].party if mentions else ""


@dataclass(frozen=True)
class Attribution:
    claimant: Claimant | None
    content_start: int  # where the stated content begins in the sentence
    content_end: int
    said: str  # the words before the content ("In a statement on June 6, the Malian government revised")
    denied: bool = False


def attribution(sentence: str, speakers: Speakers) -> Attribution:
    """Who states the sentence and which part of it is what they state (the whole sentence when nobody does)."""
    text = CITATION.sub(lambda m: " " * len(m.group()), sentence)
    start = _ACCORDING_TO.match(text)
    if start:
        return Attribution(claimant_of(start["who"], speakers), start.end(), len(text), text[:start.end()])
    end = _ACCORDING_TO_END.search(text)
    if end and end.start() > 0 and not (re.search(r"\d", end["who"]) or tells_loss(end["who"])):
        return Attribution(claimant_of(end["who"], speakers), 0, end.start(), text[end.start():])
    # "Bei dem Angriff wurden nach Angaben der Regierung mindestens 30 Zivilisten getötet."; "Volgens het leger werden
    # 15 terroristen gedood" (Dutch and German put the verb straight after the source, with no comma).
    opening = len(text) - len(text.lstrip())
    within = _ACCORDING_TO_WITHIN.search(text) if end else (_ACCORDING_TO_WITHIN.match(text, opening)
                                                            or _COMPOUND_SOURCE.search(text))
    if within:
        return Attribution(claimant_of(within["who"], speakers), 0, len(text), text[:within.end()])
    verb = next((v for v in SPEECH_VERB.finditer(text) if not _DETERMINER.search(text[max(v.start() - 40, 0):v.start()])),
                None)
    if not verb:
        return Attribution(None, 0, len(text), "", denied=DENIAL_VERB.search(text) is not None)
    postposed = _postposed(text, verb, speakers)
    if postposed is not None:
        return postposed
    if not tells_loss(text[verb.end():]) and tells_loss(text[:verb.start()]):
        # "Rebels killed 12 soldiers in Kidal, where the governor said the town was calm": the losses are told, not said
        return Attribution(None, 0, len(text), "", denied=DENIAL_VERB.search(text) is not None)
    subject = _subject(text[:verb.start()])
    # The content starts after "that" when it comes soon ("claimed on November 18 that …"), else after the verb.
    content = re.match(rf"[^.;,\"“]{{0,50}}?\b(?:{_THAT})\s*", text[verb.end():])
    if content is None or tells_loss(content.group()):
        content = re.match(rf"\s*(?:{_THAT})?\s*", text[verb.end():])
    claimant = claimant_of(subject, speakers) if subject else None
    denial = DENIAL_VERB.search(text)
    denied = denial is not None and denial.start() <= verb.start() + 1
    said = text[:verb.end() + content.end()]
    return Attribution(claimant, verb.end() + content.end(), len(text), said, denied)


# Where one statement ends and another speaker's begins: "The army said 12 were killed, and the MNLA said 40 …",
# "…; the MNLA said…", "…, tandis que le MNLA a fait état de…".
_CLAUSE_BREAK = re.compile(r"\s*;\s*|,?\s+(?:while|whereas|but|tandis que|alors que|mais)\s+|,\s+(?:and|et)\s+", re.I)


def statements(sentence: str) -> list[tuple[int, int]]:
    """(start, end) of each statement a sentence joins: a clause of its own only when it has its own speech verb and
    tells a loss ("…, and added that 5 were wounded" is one; "…, and 40 wounded" goes on the statement before)."""
    text = CITATION.sub(lambda m: " " * len(m.group()), sentence)
    spans: list[list[int]] = []
    start = 0
    for cut in [*_CLAUSE_BREAK.finditer(text), None]:
        end = cut.start() if cut else len(text)
        piece = text[start:end]
        if spans and not (_states(piece) and _states(text[spans[-1][0]:spans[-1][1]])):
            spans[-1][1] = end
        else:
            spans.append([start, end])
        if cut:
            start = cut.end()
    return [(a, b) for a, b in spans]


def _states(piece: str) -> bool:
    if not tells_loss(piece):
        return False
    if _ACCORDING_TO.match(piece) or _ACCORDING_TO_END.search(piece):
        return True
    return any(not _DETERMINER.search(piece[max(v.start() - 40, 0):v.start()]) for v in SPEECH_VERB.finditer(piece))


def _postposed(text: str, verb: re.Match, speakers: Speakers) -> Attribution | None:
    """A statement whose speaker follows it: "Nine soldiers were killed, the army said.", "…," MNLA spokesman X told
    Reuters, "…, a indiqué l'armée", "…, said spokesman X." The losses stand before the speaker, none after."""
    before, after = text[:verb.start()], text[verb.end():]
    cut = max(before.rfind(mark) for mark in (",", '"', "”", "»"))
    if cut <= 0 or not tells_loss(before[:cut]) or tells_loss(after) or len(before) - cut > 80:
        return None
    subject = before[cut + 1:].strip(" ,\"”»")
    if not subject:  # "…, said MNLA spokesman X in a statement": the speaker follows the verb
        subject = re.split(r"\s+(?:in|on|by|to|from|at|during|via|dans|lors|à|au|sur|en|em|nel|nella|no|na|am|im|bei|"
                           r"con|com|mit|durante)\b|[,.;:]", after.strip(), maxsplit=1)[0]
    claimant = claimant_of(subject, speakers) if subject else None
    if claimant is None:
        return None
    return Attribution(claimant, 0, cut, text[cut:], DENIAL_VERB.search(text) is not None)


def _subject(before: str) -> str:
    """The noun phrase that speaks, from the words before the speech verb: the clause just before the verb ("In a
    statement on June 6, the Malian government revised" -> "the Malian government"), or a name with its appositive
    ("Moussa Ag Attaher, spokesman for the MNLA," -> both)."""
    pieces = [p.strip() for p in re.split(r",|\s[—–]\s", before.rpartition(";")[2])]
    if len(pieces) > 2 and not pieces[-1]:  # "Name, role, stated": the appositive closes before the verb
        while len(pieces) > 2 and (_ADVERBIAL.match(pieces[0]) or re.search(r"\d", pieces[0])):
            pieces.pop(0)
        return f"{pieces[0]}, {', '.join(p for p in pieces[1:] if p)}"
    head = next((p for p in reversed(pieces) if p), "")
    # The subject ends where its own verb starts: "the Malian government revised the toll and" -> its first words.
    return re.split(r"\s+(?:revised|disputed|denied|confirmed|acknowledged|who|which|and)\b", head, maxsplit=1)[0]


def claimant_of(phrase: str, speakers: Speakers) -> Claimant | None:
    """The claimant a subject phrase names, or None when it names nobody we can show."""
    phrase = squeeze(phrase).strip(" ,.;:")
    head, _, appositive = phrase.partition(", ")
    if _GROUP_PRONOUN.match(head.strip()):
        return speakers.last
    head = _TRAILING.sub("", _LEADING.sub("", head.strip()))
    relayed = _RELAYED.match(head)
    if relayed:
        outlet = _LEADING.sub("", relayed["outlet"].strip())
        return Claimant(f"{_LEADING.sub('', relayed['who'])} (per {outlet})", outlet)
    if _PERSON_PRONOUN.match(head):
        return speakers.last_person
    if _GROUP_PRONOUN.match(head):
        return speakers.last
    media = _MEDIA.match(head)
    if media:
        return Claimant(media["name"], media["name"])
    named = re.search(rf"(?:^|\s)(?P<name>{NAME})$", head)
    if named and not any(m.party for m in find_mentions(named["name"])):  # "Malian Armed Forces" is no person
        name = named["name"]
        org = organisation(head[:named.start("name")]) or organisation(appositive) or speakers.people.get(name, "")
        return Claimant(f"{name} ({org})" if org else name, org, True)
    if re.fullmatch(_NAME_WORD, head) and speakers.person(head) and not find_mentions(head):
        name, org = speakers.person(head)
        return Claimant(f"{name} ({org})" if org else name, org, True)
    org = organisation(head) if head else ""
    if not head or len(head.split()) > 6 and not org:  # a long phrase speaks only when it names a party
        return None
    mentions = find_mentions(head)
    leftover = {w for w in re.findall(r"[\w-]+", fold(_cut(head, mentions))) if w not in ("and", "the", "of")}
    if org and leftover <= _COLLECTIVE and not set(re.findall(r"[\w-]+", fold(head))) & _INSTITUTION:
        return Claimant(org, org)
    if _OFFICE.search(head) and org:
        return Claimant(f"{head} ({org})", org, True)
    camp = next((m.camp for m in mentions if m.camp), "")
    speaker_noun = any(fold(w) in _SPEAKER_NOUNS for w in {head.split()[0], head.split()[-1]})  # "sources locales"
    if not org and not camp and not head[:1].isupper() and not speaker_noun:
        return None  # a phrase that names no speaker ("it was assessed")
    return Claimant(head, org or ("" if camp else head), camp=camp)


def _cut(text: str, mentions) -> str:
    for m in reversed(mentions):
        text = text[:m.start] + " " + text[m.end:]
    return text
