"""Month names as articles write them, for text.dates: in English, French, Italian, Spanish, Portuguese, German, Dutch,
Russian and Arabic, and in the other languages the wikis and the press about the war write (Polish, Czech, Slovak,
Ukrainian, Bulgarian, Serbian, Croatian, Slovenian, Turkish, the Scandinavian languages, Finnish, Hungarian, Romanian,
Catalan, Galician, Basque, Indonesian, Malay, Greek, Hebrew, Persian), each in the cases dates use: nominative,
genitive ("16 января", "10 stycznia"), locative ("в марте", "w maju"), partitive ("10. tammikuuta"); and the small
words dates are written with ("bis", "do", "až"; "de", "roku", "godine")."""
from __future__ import annotations

import re

ENGLISH_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
FRENCH_MONTHS = {
    "janvier": 1, "janv": 1, "février": 2, "fevrier": 2, "févr": 2, "fevr": 2, "mars": 3,
    "avril": 4, "avr": 4, "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "août": 8, "aout": 8,
    "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12, "decembre": 12, "déc": 12,
}
# Italian, Spanish, Portuguese, German, Russian (nominative, genitive "16 января" and prepositional "в марте").
OTHER_MONTHS: dict[str, int] = {
    **{m: i for i, m in enumerate(("gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre "
                                    "novembre dicembre").split(), 1)},
    **{m: i for i, m in enumerate(("enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre "
                                    "diciembre").split(), 1)}, "setiembre": 9,
    **{m: i for i, m in enumerate(("janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro "
                                    "dezembro").split(), 1)},
    **{m: i for i, m in enumerate(("januar februar märz april mai juni juli august september oktober november "
                                    "dezember").split(), 1)}, "jänner": 1, "maerz": 3, "okt": 10, "dez": 12,
    **{m: i for i, m in enumerate(("januari februari maart april mei juni juli augustus september oktober november "
                                    "december").split(), 1)},
}
RUSSIAN_MONTHS = (("январь", "января", "январе"), ("февраль", "февраля", "феврале"), ("март", "марта", "марте"),
                  ("апрель", "апреля", "апреле"), ("май", "мая", "мае"), ("июнь", "июня", "июне"),
                  ("июль", "июля", "июле"), ("август", "августа", "августе"), ("сентябрь", "сентября", "сентябре"),
                  ("октябрь", "октября", "октябре"), ("ноябрь", "ноября", "ноябре"), ("декабрь", "декабря", "декабре"))
OTHER_MONTHS.update({form: i for i, forms in enumerate(RUSSIAN_MONTHS, 1) for form in forms})
# Arabic: the Egyptian and Gulf names, the Maghreb's and Algeria's, and the Levant's (its two-word names are
# written as the Egyptian one by text.calendars: "كانون الثاني" -> "يناير").
ARABIC_MONTHS = (("يناير", "جانفي"), ("فبراير", "فيفري", "شباط"), ("مارس", "آذار"),
                 ("أبريل", "ابريل", "إبريل", "أفريل", "نيسان"), ("مايو", "ماي", "أيار"), ("يونيو", "يونيه", "جوان", "حزيران"),
                 ("يوليو", "يوليوز", "يوليه", "جويلية", "تموز"), ("أغسطس", "اغسطس", "غشت", "أوت", "آب"),
                 ("سبتمبر", "شتنبر", "أيلول"), ("أكتوبر", "اكتوبر"), ("نوفمبر", "نونبر"), ("ديسمبر", "دجنبر"))
OTHER_MONTHS.update({form: i for i, forms in enumerate(ARABIC_MONTHS, 1) for form in forms})



def _named(*months: str) -> dict[str, int]:
    """Month numbers of twelve lists of forms (space-separated, January's first), keyed as text.dates looks them up."""
    return {form.casefold(): i for i, forms in enumerate(months, 1) for form in forms.split()}


POLISH_MONTHS = _named("styczeń stycznia styczniu", "luty lutego lutym", "marzec marca marcu",
                       "kwiecień kwietnia kwietniu", "maj maja maju", "czerwiec czerwca czerwcu", "lipiec lipca lipcu",
                       "sierpień sierpnia sierpniu", "wrzesień września wrześniu",
                       "październik października październiku", "listopad listopada listopadzie",
                       "grudzień grudnia grudniu")
CZECH_MONTHS = _named("leden ledna lednu", "únor února únoru", "březen března březnu", "duben dubna dubnu",
                      "květen května květnu", "červen června červnu", "červenec července červenci", "srpen srpna srpnu",
                      "září", "říjen října říjnu", "listopad listopadu", "prosinec prosince prosinci")
SLOVAK_MONTHS = _named("január januára januári", "február februára februári", "marec marca marci",
                       "apríl apríla apríli", "máj mája máji", "jún júna júni", "júl júla júli",
                       "august augusta auguste", "september septembra septembri", "október októbra októbri",
                       "november novembra novembri", "december decembra decembri")
SLOVENIAN_MONTHS = _named("januar januarja januarju", "februar februarja februarju", "marec marca marcu",
                          "april aprila aprilu", "maj maja maju", "junij junija juniju", "julij julija juliju",
                          "avgust avgusta avgustu", "september septembra septembru", "oktober oktobra oktobru",
                          "november novembra novembru", "december decembra decembru")
# Serbian in both its scripts, as Bosnian and Montenegrin write it too.
SERBIAN_MONTHS = _named("januar januara januaru јануар јануара јануару",
                        "februar februara februaru фебруар фебруара фебруару", "mart marta martu март марта марту",
                        "april aprila aprilu април априла априлу", "maj maja maju мај маја мају",
                        "jun juna junu јун јуна јуну", "jul jula julu јул јула јулу",
                        "avgust avgusta avgustu август августа августу",
                        "septembar septembra septembru септембар септембра септембру",
                        "oktobar oktobra oktobru октобар октобра октобру",
                        "novembar novembra novembru новембар новембра новембру",
                        "decembar decembra decembru децембар децембра децембру")
CROATIAN_MONTHS = _named("siječanj siječnja siječnju", "veljača veljače veljači", "ožujak ožujka ožujku",
                         "travanj travnja travnju", "svibanj svibnja svibnju", "lipanj lipnja lipnju",
                         "srpanj srpnja srpnju", "kolovoz kolovoza kolovozu", "rujan rujna rujnu",
                         "listopad listopada listopadu", "studeni studenoga studenog studenom",
                         "prosinac prosinca prosincu")
UKRAINIAN_MONTHS = _named("січень січня січні", "лютий лютого лютому", "березень березня березні",
                          "квітень квітня квітні", "травень травня травні", "червень червня червні",
                          "липень липня липні", "серпень серпня серпні", "вересень вересня вересні",
                          "жовтень жовтня жовтні", "листопад листопада листопаді", "грудень грудня грудні")
BULGARIAN_MONTHS = _named(*"януари февруари март април май юни юли август септември октомври ноември декември".split())
# Turkish, also with the capitals' dots lost ("ARALIK" -> "aralik"); month_number reads "Mayıs'ta" (in May).
TURKISH_MONTHS = _named("ocak", "şubat subat", "mart", "nisan", "mayıs mayis", "haziran", "temmuz", "ağustos agustos",
                        "eylül eylul", "ekim", "kasım kasim", "aralık aralik")
SCANDINAVIAN_MONTHS = {
    **_named(*"januari februari mars april maj juni juli augusti september oktober november december".split()),  # sv
    **_named(*"januar februar mars april mai juni juli august september oktober november desember".split()),  # no
    **_named(*"januar februar marts april maj juni juli august september oktober november december".split()),  # da
}
# Finnish: nominative, partitive ("10. tammikuuta"), inessive ("tammikuussa", in January) and genitive.
FINNISH_MONTHS = _named(*(" ".join(f"{stem}kuu{ending}" for ending in ("", "ta", "ssa", "n"))
                          for stem in "tammi helmi maalis huhti touko kesä heinä elo syys loka marras joulu".split()))
# Hungarian: nominative, inessive ("májusban", in May) and possessive inessive ("2014 májusában").
HUNGARIAN_MONTHS = _named("január januárban januárjában", "február februárban februárjában",
                          "március márciusban márciusában", "április áprilisban áprilisában",
                          "május májusban májusában", "június júniusban júniusában", "július júliusban júliusában",
                          "augusztus augusztusban augusztusában", "szeptember szeptemberben szeptemberében",
                          "október októberben októberében", "november novemberben novemberében",
                          "december decemberben decemberében")
ROMANIAN_MONTHS = _named(*"ianuarie februarie martie aprilie mai iunie iulie august septembrie octombrie noiembrie "
                          "decembrie".split())
CATALAN_MONTHS = _named(*"gener febrer març abril maig juny juliol agost setembre octubre novembre desembre".split())
GALICIAN_MONTHS = _named(*"xaneiro febreiro marzo abril maio xuño xullo agosto setembro outubro novembro "
                          "decembro".split())
# Basque: with the article, genitive ("2013ko urtarrilaren 10ean") and inessive ("urtarrilean", in January).
BASQUE_MONTHS = _named("urtarrila urtarrilaren urtarrilean", "otsaila otsailaren otsailean",
                       "martxoa martxoaren martxoan", "apirila apirilaren apirilean", "maiatza maiatzaren maiatzean",
                       "ekaina ekainaren ekainean", "uztaila uztailaren uztailean", "abuztua abuztuaren abuztuan",
                       "iraila irailaren irailean", "urria urriaren urrian", "azaroa azaroaren azaroan",
                       "abendua abenduaren abenduan")
INDONESIAN_MONTHS = {
    **_named(*"januari februari maret april mei juni juli agustus september oktober november desember".split()),
    **_named(*"januari februari mac april mei jun julai ogos september oktober november disember".split()),  # Malay
}
GREEK_MONTHS = _named("ιανουάριος ιανουαρίου ιανουάριο", "φεβρουάριος φεβρουαρίου φεβρουάριο",
                      "μάρτιος μαρτίου μάρτιο", "απρίλιος απριλίου απρίλιο", "μάιος μαΐου μαίου μάιο",
                      "ιούνιος ιουνίου ιούνιο", "ιούλιος ιουλίου ιούλιο", "αύγουστος αυγούστου αύγουστο",
                      "σεπτέμβριος σεπτεμβρίου σεπτέμβριο", "οκτώβριος οκτωβρίου οκτώβριο",
                      "νοέμβριος νοεμβρίου νοέμβριο", "δεκέμβριος δεκεμβρίου δεκέμβριο")
# Hebrew, bare and with the preposition dates write ("17 במאי 2014", 17 in May 2014).
HEBREW_MONTHS = _named("ינואר בינואר", "פברואר בפברואר", "מרץ מרס במרץ במרס", "אפריל באפריל", "מאי במאי",
                       "יוני ביוני", "יולי ביולי", "אוגוסט באוגוסט", "ספטמבר בספטמבר", "אוקטובר באוקטובר",
                       "נובמבר בנובמבר", "דצמבר בדצמבר")
# Persian's Gregorian months. Not "می" (May too, but also the prefix of the continuous verb: "۲۰ می‌رسد").
PERSIAN_MONTHS = _named("ژانویه", "فوریه", "مارس", "آوریل", "مه", "ژوئن", "ژوئیه جولای", "اوت آگوست", "سپتامبر",
                        "اکتبر", "نوامبر", "دسامبر")
# The Solar Hijri months Persian pages date by (text.calendars turns their dates Gregorian).
SOLAR_HIJRI_MONTHS = tuple("فروردین اردیبهشت خرداد تیر مرداد شهریور مهر آبان آذر دی بهمن اسفند".split())

_MORE_MONTHS = (POLISH_MONTHS, CZECH_MONTHS, SLOVAK_MONTHS, SLOVENIAN_MONTHS, SERBIAN_MONTHS, CROATIAN_MONTHS,
                UKRAINIAN_MONTHS, BULGARIAN_MONTHS, TURKISH_MONTHS, SCANDINAVIAN_MONTHS, FINNISH_MONTHS,
                HUNGARIAN_MONTHS, ROMANIAN_MONTHS, CATALAN_MONTHS, GALICIAN_MONTHS, BASQUE_MONTHS, INDONESIAN_MONTHS,
                GREEK_MONTHS, HEBREW_MONTHS, PERSIAN_MONTHS)
# "listopad" is November in Polish and Czech, October in Croatian. MONTHS reads it as November (Polish and Czech
# pages are the likelier), MONTHS_READ_CROATIAN as October, for a text month_table finds written in Croatian.
MONTHS = {**{form: i for table in _MORE_MONTHS for form, i in table.items()}, **POLISH_MONTHS, **CZECH_MONTHS,
          **OTHER_MONTHS, **ENGLISH_MONTHS, **FRENCH_MONTHS}
MONTHS_READ_CROATIAN = {**MONTHS, **{form: i for form, i in CROATIAN_MONTHS.items() if form.startswith("listopad")}}
_ONLY_CROATIAN = set(CROATIAN_MONTHS) - {form for table in (*_MORE_MONTHS, OTHER_MONTHS) if table is not CROATIAN_MONTHS
                                         for form in table}
# Croatian is written where a text names a month only Croatian names, writes "godine" (year: Serbian writes it too,
# but never "listopad"), the ordinal dot before "listopada" (Polish writes "10 listopada", Czech "10. listopadu"),
# "u listopadu" (in October; Czech writes "v listopadu") or the year's dot after the month ("listopad 2013.").
_CROATIAN = re.compile(r"\d\.\s*listopada\b|\bu\s+listopadu\b|\blistopad\s+\d{4}\.|\bgodine\b|\b(?:"
                       + "|".join(sorted(_ONLY_CROATIAN)) + r")\b", re.I)
_ANY_LISTOPAD = re.compile("listopad", re.I)

# Words that join the two ends of a range: "to", "bis", "do" (Polish, Czech, Croatian…), "až", "och", "ja", "és",
# "până", "ila", "hingga", "đến", "έως", "עד", "تا", "إلى", "から" (Japanese), "부터" (Korean), "至" (Chinese); "and".
SEPARATOR_WORDS = {word.casefold() for word in (
    "to and until till through thru au et al e y a bis und по и до do i až і та och og til ja és și şi până pana "
    "ve ila fins ao até eta dan hingga sampai đến tới và έως μέχρι και עד ו تا و إلى الى حتى から まで 부터 까지 至 到"
).split()}
# May sit inside a date: "the 5th of June", "entre le 11 et le 12 août", "1 de julio de 2019", "il 5 giugno",
# "17 maja 2014 roku", "10. siječnja 2013. godine", "den 8 mars", "ngày 10 tháng 1 năm 2013",
# "10 Ιανουαρίου του 2013", and Hungarian's case endings set apart by a hyphen ("január 10-től 17-ig", "május 17-én").
FILLER_WORDS = {word.casefold() for word in (
    "the of le la de del il el lo am vom den года г roku r року р godine god године год година ngày năm του "
    "án én ján jén ig től tól áig éig").split()}

# English month names that a lower-case word in prose is never: Dutch and German write months in lower case
# ("op 30 september 2019"), and these are no other word ("may", "march", "august", "dec" are).
_ONLY_MONTHS = {"january", "february", "april", "june", "july", "september", "october", "november", "december"}


def month_table(text: str) -> dict[str, int]:
    """The month names text reads by: MONTHS, but Croatian's in a text that writes Croatian ("listopad" is October)."""
    return MONTHS_READ_CROATIAN if _ANY_LISTOPAD.search(text) and _CROATIAN.search(text) else MONTHS


def month_number(word: str, months: dict[str, int], prose: bool = False) -> int | None:
    """The month a word names, also elided ("d'abril") or case-ended ("Mayıs'ta"); in prose, not "may" or "march"."""
    low = word.casefold()
    if prose and low in ENGLISH_MONTHS and low not in _ONLY_MONTHS and not word[0].isupper():
        return None
    if low in months:
        return months[low]
    head, apostrophe, tail = low.replace("’", "'").partition("'")
    if not apostrophe:
        return None
    return months.get(tail) if head in ("d", "l") else TURKISH_MONTHS.get(head)
