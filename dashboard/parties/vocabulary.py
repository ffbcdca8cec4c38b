"""The war's parties: one canonical name each with its aliases, the coalitions and their members over time,
the groups whose factions are parties of their own, and the known changes of side."""
from __future__ import annotations

from dataclasses import dataclass

from dashboard.parties.world_names import WORLD_NAMES

# Every alignment a party or a side can have, in the order legends and tie-breaks use.
ALIGNMENTS = ("state", "state ally", "international", "pro-government", "rebel", "jihadist", "unknown")


@dataclass(frozen=True)
class Party:
    name: str  # canonical name shown to users
    alignment: str  # default alignment, one of ALIGNMENTS
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Member:
    party: str  # canonical party name
    first_year: int | None = None  # None: no bound
    last_year: int | None = None


@dataclass(frozen=True)
class Coalition:
    name: str  # canonical name, also a Party when articles name the coalition itself
    alignment: str  # a member counts only when its alignment in the event is this one
    members: tuple[Member, ...]
    aliases: tuple[str, ...] = ()


PARTIES: tuple[Party, ...] = (
    Party("Mali", "state", ("Malian Army", "Malian Armed Forces", "FAMa", "Forces Armées Maliennes",
                            "Malian forces", "Malian government", "Government of Mali", "Republic of Mali",
                            "Malian military", "Armed Forces of Mali",
                            # The same in the other languages articles come in.
                            "Armée malienne", "Gouvernement malien", "République du Mali", "Esercito maliano",
                            "Forze armate maliane", "Ejército de Malí", "Fuerzas Armadas de Malí", "Malí",
                            "Exército do Mali", "Forças Armadas do Mali", "Malische Armee", "Streitkräfte Malis",
                            "Мали", "Малийская армия", "Вооружённые силы Мали", "马里", "马里军队",
                            "Malinese leger", "Malinese strijdkrachten", "Malinese regering", "Malinese troepen")),
    Party("Wagner Group", "state ally", ("Wagner", "PMC Wagner", "Africa Corps", "Russian Africa Corps", "groupe Wagner",
                                         "Grupo Wagner", "Gruppo Wagner", "Wagner-Gruppe",
                                         "Wagnergroep", "Afrikakorps")),
    Party("France", "international", ("French Army", "French Armed Forces", "French forces", "Operation Serval",
                                      "Serval", "Operation Barkhane", "Barkhane",
                                      "Armée française", "Forces armées françaises", "Opération Serval",
                                      "Opération Barkhane", "Francia", "França", "Frankreich", "Frankrijk", "Франция", "法国")),
    Party("MINUSMA", "international", ("United Nations Multidimensional Integrated Stabilization Mission in Mali",
                                       "UN peacekeepers", "United Nations peacekeepers", "Casques bleus",
                                       # in this war the peacekeepers are MINUSMA's
                                       "peacekeepers", "peacekeeper", "blue helmets", "casque bleu", "caschi blu",
                                       "cascos azules", "capacetes azuis", "Blauhelme", "Blauhelmsoldaten",
                                       "blauwhelmen",
                                       "Nations unies", "Nazioni Unite", "Naciones Unidas", "Verenigde Naties", "VN-missie",
                                       "VN-vredesmacht", "МИНУСМА")),
    # Foreign states outside MINUSMA (e.g. Chad in the 2013 Serval campaign); as MINUSMA contingents
    # they are written "MINUSMA (Chad)" and fold into MINUSMA.
    Party("Chad", "international", ("Chadian Army", "Chadian forces", "Tchad", "Ciad", "Chade", "Tschad", "Tsjaad", "Чад")),
    Party("Niger", "international", ("Nigerien Army", "Nigerien forces", "Nigerien Armed Forces", "Níger", "Нигер")),
    Party("Burkina Faso", "international"),
    Party("Netherlands", "international", ("Pays-Bas", "Paesi Bassi", "Países Bajos", "Niederlande", "Nederland")),
    Party("United States", "international", ("United States Armed Forces", "United States Army", "U.S. Army",
                                             "U.S. forces", "US forces", "USA", "États-Unis", "Stati Uniti",
                                             "Estados Unidos", "Vereinigte Staaten", "Verenigde Staten", "США")),
    Party("AFISMA", "international", ("African-led International Support Mission to Mali", "MISMA")),
    Party("Platform", "pro-government", ("Platform coalition", "Plateforme", "Platform of Movements of 14 June 2014")),
    Party("GATIA", "pro-government", ("Imghad Tuareg Self-Defense Group and Allies",
                                      "Groupe d'autodéfense touareg Imghad et alliés")),
    Party("MAA-Loyalist", "pro-government", ("MAA-Platform", "pro-government MAA", "Loyalist MAA", "MAA-Plateforme")),
    Party("CM-FPR", "pro-government", ("CM-FPR II", "Ganda Koy", "Ganda Izo",
                                       "Coordination of Patriotic Resistance Movements and Forces",
                                       "Ganda Iso")),
    Party("CMA", "rebel", ("Coordination of Azawad Movements", "Coordination des mouvements de l'Azawad")),
    Party("MNLA", "rebel", ("National Movement for the Liberation of Azawad", "MLNA",
                            "Mouvement national de libération de l'Azawad",
                            "Movimento Nazionale per la Liberazione dell'Azawad",
                            "Movimiento Nacional para la Liberación de Azawad", "МНЛА", "НДОА", "阿扎瓦德民族解放运动",
                            # Infoboxes list the MNLA under the flag of its declared state.
                            "Azawad")),
    Party("HCUA", "rebel", ("High Council for the Unity of Azawad", "Haut Conseil pour l'unité de l'Azawad")),
    Party("CPA", "rebel", ("Coalition of the People of Azawad", "Coalition du peuple pour l'Azawad")),
    # Split from the MNLA in 2016; fought the ISGS beside GATIA in the Ménaka region.
    Party("MSA", "pro-government", ("Movement for the Salvation of Azawad", "Mouvement pour le salut de l'Azawad",
                                    "MSA-D", "MSA-C")),
    Party("MAA-Dissident", "rebel", ("MAA-CMA", "rebel MAA", "Dissident MAA")),
    # The MAA before and beside its split: its side decides which MAA it is.
    Party("MAA", "unknown", ("Arab Movement of Azawad", "Mouvement arabe de l'Azawad")),
    Party("CSP", "rebel", ("CSP-PSD", "CSP-DPA",
                           "Permanent Strategic Framework for Peace, Security, and Development",
                           "Permanent Strategic Framework",
                           "Strategic Framework for the Defence of the People of Azawad",
                           "Cadre stratégique permanent", "Cadre stratégique pour la défense du peuple de l'Azawad",
                           "Marco Estratégico Permanente", "Quadro Strategico Permanente",
                           "Quadro Estratégico Permanente")),
    # The CSP's movements merged into one front in November 2024.
    Party("FLA", "rebel", ("Azawad Liberation Front", "Front de libération de l'Azawad", "Front de libération de l’Azawad",
                           "Liberation Front of Azawad", "Front for the Liberation of Azawad",
                           "Frente de Liberación del Azawad", "Frente de Liberación de Azawad",
                           "Fronte di Liberazione dell'Azawad", "Frente de Libertação do Azawad",
                           "Befreiungsfront von Azawad", "Azawad-Befreiungsfront", "Bevrijdingsfront van Azawad")),
    Party("AQIM", "jihadist", ("AQMI", "Al-Qaeda in the Islamic Maghreb", "al-Qaida in the Islamic Maghreb",
                               "Al-Qaïda au Maghreb islamique", "Al-Qaeda nel Maghreb islamico",
                               "Al Qaeda en el Magreb Islámico", "Al-Qaeda no Magrebe Islâmico",
                               "Al-Qaida im Islamischen Maghreb", "АКИМ", "Аль-Каида в странах исламского Магриба",
                               "伊斯兰马格里布基地组织")),
    Party("Ansar Dine", "jihadist", ("Ansar Eddine", "Ansar al-Din", "Ansar ad-Din", "Ansar Dîne", "Ансар Дайн",
                                     "Ансар ад-Дин")),
    Party("MOJWA", "jihadist", ("MUJAO", "Movement for Oneness and Jihad in West Africa",
                                "Movement for Unity and Jihad in West Africa", "MUJWA",
                                "Mouvement pour l'unicité et le jihad en Afrique de l'Ouest",
                                "Movimento per l'Unicità e il Jihad in Africa Occidentale", "МУДЖАО",
                                "Movimiento para la Unicidad y la Yihad en África Occidental",
                                "Movimento para a Unicidade e a Jihad na África Ocidental",
                                "Движение за единство и джихад в Западной Африке")),
    Party("Ansar al-Sharia", "jihadist", ("Ansar al-Charia", "Ansar Al Sharia")),
    Party("Boko Haram", "jihadist", ("Jama'atu Ahlis Sunna Lidda'awati wal-Jihad",)),
    Party("Al-Mourabitoun", "jihadist", ("Al-Murabitun", "Al Mourabitoune")),
    Party("Katiba Salahadin", "jihadist", ("Katiba Salaheddine", "Katibat Salah ad-Din")),
    Party("Katiba Macina", "jihadist", ("Macina Liberation Front", "Katiba Massina", "FLM", "Katibat Macina",
                                        "Katiba du Macina", "Front de libération du Macina")),
    Party("JNIM", "jihadist", ("GSIM", "Jama'at Nasr al-Islam wal Muslimin", "Jama'at Nusrat al-Islam wal-Muslimin",
                               "Group for the Support of Islam and Muslims", "Jamaat Nasr al-Islam wal Muslimin",
                               # ACLED's spelling
                               "Group for Support of Islam and Muslims",
                               "Groupe de soutien à l'islam et aux musulmans",
                               "Gruppo di sostegno per l'Islam e i musulmani",
                               "Grupo de Apoyo al Islam y los Musulmanes", "Grupo de Apoio ao Islã e aos Muçulmanos",
                               "ДжНИМ", "Джамаат Нусрат аль-Ислам валь-Муслимин")),
    # The Islamic State's branch in the Sahel; articles of this war write it under the parent's name and flag too.
    Party("ISGS", "jihadist", ("EIGS", "IS Sahel", "Islamic State in the Greater Sahara",
                               "Islamic State – Sahel Province", "ISSP", "Islamic State Sahel Province",
                               # ACLED's names, before and after the 2022 renaming
                               "Islamic State (Greater Sahara)", "Islamic State (Sahel)",
                               "Islamic State", "ISIL", "ISIS", "Daesh", "État islamique",
                               "État islamique dans le Grand Sahara", "Stato Islamico", "Stato Islamico del Grande Sahara",
                               "Estado Islámico", "Estado Islámico en el Gran Sahara", "Estado Islâmico",
                               "Islamischer Staat", "Исламское государство", "Исламское государство в Большой Сахаре",
                               "Islamitische Staat", "Islamitische Staat in de Grote Sahara")),
    # Burkina Faso's own jihadist group, beside JNIM in the 2019 attacks on the camps of the Mopti region.
    Party("Ansarul Islam", "jihadist", ("Ansaroul Islam", "Ansar ul Islam", "Ansar-ul-Islam")),
)

# The parties as Arabic pages name them (an infobox lists each on its own line, without the prefixes "و", "ب").
ARABIC_NAMES: dict[str, tuple[str, ...]] = {
    "Mali": ("مالي", "الجيش المالي", "القوات المسلحة المالية", "الحكومة المالية", "جمهورية مالي"),
    "France": ("فرنسا", "الجيش الفرنسي", "القوات الفرنسية", "عملية سرفال", "عملية برخان"),
    "Wagner Group": ("فاغنر", "مجموعة فاغنر", "فاجنر", "الفيلق الأفريقي"),
    "MINUSMA": ("مينوسما", "بعثة الأمم المتحدة في مالي", "قوات حفظ السلام"),
    "Chad": ("تشاد",), "Niger": ("النيجر",), "Burkina Faso": ("بوركينا فاسو",),
    "GATIA": ("مجموعة الدفاع الذاتي للطوارق إمغاد وحلفائهم", "غاتيا"),
    "CMA": ("تنسيقية حركات أزواد", "تنسيقية الحركات الأزوادية"),
    "MNLA": ("الحركة الوطنية لتحرير أزواد", "حركة تحرير أزواد"),
    "HCUA": ("المجلس الأعلى لوحدة أزواد",),
    "MAA": ("الحركة العربية الأزوادية", "الحركة العربية للأزواد"),
    "CSP": ("الإطار الاستراتيجي الدائم",),
    "FLA": ("جبهة تحرير أزواد",),
    "AQIM": ("تنظيم القاعدة في بلاد المغرب الإسلامي", "القاعدة في بلاد المغرب الإسلامي", "القاعدة في المغرب الإسلامي"),
    "Ansar Dine": ("أنصار الدين", "جماعة أنصار الدين"),
    "MOJWA": ("حركة التوحيد والجهاد في غرب أفريقيا", "حركة التوحيد والجهاد في غرب إفريقيا"),
    "Al-Mourabitoun": ("المرابطون", "جماعة المرابطين"),
    "Katiba Macina": ("كتيبة ماسينا", "جبهة تحرير ماسينا"),
    "JNIM": ("جماعة نصرة الإسلام والمسلمين", "نصرة الإسلام والمسلمين"),
    "ISGS": ("تنظيم الدولة الإسلامية في الصحراء الكبرى", "الدولة الإسلامية في الصحراء الكبرى", "ولاية الساحل",
             "داعش"),
}
PARTIES = tuple(Party(p.name, p.alignment, (*p.aliases, *ARABIC_NAMES.get(p.name, ()), *WORLD_NAMES.get(p.name, ())))
                for p in PARTIES)

COALITIONS: tuple[Coalition, ...] = (
    Coalition("Platform", "pro-government",
              (Member("GATIA", 2014), Member("MAA-Loyalist", 2014), Member("CM-FPR", 2014))),
    Coalition("CMA", "rebel",
              (Member("MNLA", 2014, 2023), Member("HCUA", 2014, 2023), Member("MAA-Dissident", 2014, 2023))),
    # CSP-PSD (2023), renamed CSP-DPA (2024): the CMA's members plus Platform factions that joined;
    # those count only when the event puts them on the rebel side (e.g. "GATIA (al-Mahmoud faction)").
    Coalition("CSP", "rebel",
              (Member("CMA", 2023), Member("MNLA", 2023), Member("HCUA", 2023), Member("MAA-Dissident", 2023),
               Member("MAA", 2023), Member("GATIA", 2023), Member("MAA-Loyalist", 2023))),
    Coalition("Jihadist groups", "jihadist",
              tuple(Member(p.name) for p in PARTIES if p.alignment == "jihadist"),
              aliases=("jihadist", "jihadists", "jihadist groups", "Islamist", "Islamists", "Islamist groups", "Islamists groups",
                       "jihadistes", "djihadistes", "islamistes", "jihadisti", "yihadistas", "jihadistas",
                       "Dschihadisten", "джихадисты", "dżihadyści", "islamiści", "džihádisté", "islamisté",
                       "cihatçılar", "İslamcılar", "jihadister", "islamister", "jihadistit", "islamistit", "джихадисти",
                       "ісламісти", "dzsihadisták", "iszlamisták", "jihadiști", "islamiști", "gihadistes", "islamistes",
                       "jihadis", "kelompok jihadis", "phiến quân Hồi giáo", "τζιχαντιστές", "ג'יהאדיסטים",
                       "جهادی‌ها", "イスラム過激派", "イスラム過激派勢力", "イスラム武装勢力", "이슬람 무장세력", "伊斯蘭武裝分子")),
)

# Parent groups whose factions are separate parties: choosing the parent gets the factions too.
PARENT_GROUPS: dict[str, tuple[str, ...]] = {"MAA": ("MAA-Loyalist", "MAA-Dissident")}

# Factions known to have changed sides from a given year: (canonical, folded faction) -> (from year, alignment).
FACTION_SWITCHES: dict[tuple[str, str], tuple[int, str]] = {
    ("GATIA", "almahmoudfaction"): (2023, "rebel"),
}

