"""The project's own gazetteer of northern Mali, used as a geopy-style geocoder that never goes online.

`Gazetteer.from_csv("data/gazetteer.csv")` loads the hand-checked places (every row names the source of its
coordinate); `geocode(query)` answers like any geopy geocoder with `geopy.location.Location` objects whose
`raw` carries the gazetteer row, how the query matched and the UCDP GED location precision (`where_prec`:
1 exact place, 2 within ~25 km of a named place, 3 cercle, 4 region, 5 larger area or between places,
6 country). `find_places(text)` lists the known places that free text names. Nothing goes online.
"""
from __future__ import annotations

import csv
import io
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from geopy.distance import geodesic
from geopy.location import Location
from geopy.point import Point

from dashboard import paths
from dashboard.text.fold import name_key
from dashboard.text.numbers import NUMBER_WORDS

from dashboard.model import Problem

DEFAULT_CSV = paths.GAZETTEER
REQUIRED_COLUMNS = ("name", "alt_names", "kind", "region", "country", "latitude", "longitude", "source")
OPTIONAL_COLUMNS = ("precision", "note")
# Without these a row cannot be a place at all; the other columns get defaults when missing.
ESSENTIAL_COLUMNS = ("name", "latitude", "longitude")
HOME_COUNTRY = "ML"
SAME_PLACE_KM = 10.0  # two rows may share a name only when they are this close (twin towns, spellings)
NEAR_KM = 25.0  # UCDP where_prec 2: within ~25 km of a named place
PRECISION_BY_KIND = {"region": 4, "country": 6, "valley": 2, "wadi": 2, "area": 2, "commune": 2}
STAGE = "gazetteer"

_APOSTROPHES = "'’‘`´ʼ"
_WORD = re.compile(r"[^\W_]+(?:[" + _APOSTROPHES + r"][^\W_]+)*")
# A Tuareg or Arab person's name ("El Hadj Ag Gamou", "Ould Sidati"): what follows these is never a place.
_PERSON_LINKS = {"ag", "ould", "ben", "bin", "wuld"}
# A place name next to one of these names a river, not the town ("Niger River", "River Niger").
_RIVER_WORDS = {"river", "fleuve"}
# Words around a place name that do not move the event away from it ("the town of Anefis").
_FILLER = {
    "the", "a", "an", "of", "in", "at", "on", "and", "town", "city", "village", "locality", "commune", "rural",
    "urban", "camp", "military", "base", "de", "du", "des", "la", "le", "les", "d", "l", "ville", "localite",
}
_CERCLE_WORDS = {"cercle", "circle", "district"}
_BETWEEN_WORDS = {"between", "entre"}
_UNITS_KM = {"km": 1.0, "kms": 1.0, "kilometer": 1.0, "kilometers": 1.0, "kilometre": 1.0, "kilometres": 1.0,
             "mile": 1.609344, "miles": 1.609344, "mi": 1.609344}


@dataclass(frozen=True)
class Place:
    """One gazetteer row."""
    name: str
    alt_names: tuple[str, ...]
    kind: str
    region: str
    country: str
    latitude: float
    longitude: float
    precision: int
    source: str
    note: str = ""
    line: int = 0

    @property
    def foreign(self) -> bool:
        return self.country.upper() not in ("", HOME_COUNTRY)

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.alt_names)

    @property
    def address(self) -> str:
        if self.kind == "country":
            return self.name
        if self.foreign:
            return f"{self.name}, {self.country}"
        if self.kind == "region" or not self.region:
            return f"{self.name}, Mali"
        return f"{self.name}, {self.region} Region, Mali"

    def row(self) -> dict[str, Any]:
        """The gazetteer row as a plain dict (what `Location.raw["place"]` carries)."""
        return {"name": self.name, "alt_names": "; ".join(self.alt_names), "kind": self.kind,
                "region": self.region, "country": self.country, "latitude": self.latitude,
                "longitude": self.longitude, "precision": self.precision, "source": self.source,
                "note": self.note, "line": self.line, "foreign": self.foreign}


@dataclass(frozen=True)
class _Claim:
    place: Place
    name: str  # the spelling that claims the key
    secondary: bool  # a base name under a disambiguator ("Tabankort" of "Tabankort (Ménaka)")


@dataclass(frozen=True)
class _Mention:
    claims: tuple[_Claim, ...]
    first: int  # token indexes, end exclusive
    end: int
    start_char: int
    end_char: int


def _base_name(name: str) -> str:
    """'Tabankort (Ménaka)' -> 'Tabankort'; other names unchanged."""
    return re.sub(r"\s*\([^)]*\)\s*$", "", name).strip()


def _words(text: str) -> list[re.Match[str]]:
    return list(_WORD.finditer(text))


class Gazetteer:
    """A geocoder over the gazetteer rows, following geopy's `geocode(query, exactly_one=...)` contract."""

    def __init__(self, places: Iterable[Place], problems: Iterable[Problem] = (), source_file: str = "gazetteer"):
        self.places: list[Place] = list(places)
        self.problems: list[Problem] = list(problems)
        self.source_file = source_file
        self._index: dict[str, list[_Claim]] = {}
        self._build_index()
        self._max_words = max((len(_words(n)) for p in self.places for n in p.names), default=1)

    # -- loading -----------------------------------------------------------------------------------------

    @classmethod
    def from_csv(cls, path: str | Path) -> "Gazetteer":
        """Load and validate a gazetteer CSV; bad rows become `problems`, the good ones still load."""
        path = Path(path)
        label = path.name
        try:
            data = path.read_bytes()
        except OSError as err:
            return cls([], [_problem(label, f"cannot read the gazetteer file: {err}")], label)
        text, bad_lines = _decode(data)
        problems = [_problem(label, f"line {n}: not UTF-8 text; row skipped") for n in sorted(bad_lines)]
        places, row_problems = _read_places(text, bad_lines, label)
        return cls(places, problems + row_problems, label)

    def _build_index(self) -> None:
        """Index every name and alt name; a name already claimed by a place > 10 km away is a problem."""
        for place in self.places:
            for name in dict.fromkeys(place.names):
                self._claim(place, name, secondary=False)
        for place in self.places:
            base = _base_name(place.name)
            if base != place.name:
                self._index.setdefault(name_key(base), []).append(_Claim(place, base, secondary=True))

    def _claim(self, place: Place, name: str, *, secondary: bool) -> None:
        key = name_key(name)
        if not key:
            return
        claims = self._index.setdefault(key, [])
        if any(other.place is place for other in claims):
            return  # another spelling of the same row ("Anéfis", "Anefis")
        for other in claims:
            if other.secondary:
                continue
            km = _km(place, other.place)
            if km > SAME_PLACE_KM:
                self.problems.append(_problem(
                    self.source_file,
                    f"line {place.line}: name '{name}' of '{place.name}' is already claimed by '{other.place.name}' "
                    f"(line {other.place.line}), {km:.0f} km away; kept for line {other.place.line} only"))
                return
        claims.append(_Claim(place, name, secondary))

    # -- geopy contract ----------------------------------------------------------------------------------

    def geocode(self, query: str, *, exactly_one: bool = True, timeout: float | None = None
                ) -> Location | list[Location] | None:
        """The place a query names, or None. `timeout` is accepted for geopy compatibility; nothing goes online."""
        found = self._resolve(query or "")
        if not found:
            return None
        return found[0] if exactly_one else found

    def reverse(self, query: Any, *, exactly_one: bool = True, max_km: float = NEAR_KM
                ) -> Location | list[Location] | None:
        """The Malian places within `max_km` of a point, nearest first (geopy's reverse contract)."""
        point = Point(query)
        near = sorted(((geodesic((point.latitude, point.longitude), (p.latitude, p.longitude)).km, p)
                       for p in self.places if not p.foreign and p.kind not in ("region", "country")),
                      key=lambda pair: pair[0])
        found = [self._location(p, precision=max(p.precision, 1 if km <= 1 else 2), match="reverse",
                                query=str(query), distance_km=round(km, 1))
                 for km, p in near if km <= max_km]
        if not found:
            return None
        return found[0] if exactly_one else found

    def find_places(self, text: str) -> list[Location]:
        """The known places free text names, whole words only, in order of first appearance."""
        found: list[Location] = []
        seen: set[str] = set()
        for mention in self._scan(text or "", capitalised=True):
            place = self._choose(mention.claims)
            if place.name in seen:
                continue
            seen.add(place.name)
            found.append(self._location(place, precision=place.precision, match="mention", query=text,
                                        offset=mention.start_char,
                                        text=text[mention.start_char:mention.end_char]))
        return found

    def place_named(self, name: str) -> Place | None:
        """The row a name (or alt name) belongs to, Malian rows first."""
        claims = [c for c in self._index.get(name_key(name), []) if not c.secondary]
        return self._choose(tuple(claims)) if claims else None

    # -- matching ----------------------------------------------------------------------------------------

    def _resolve(self, query: str) -> list[Location]:
        parts = [part.strip() for part in re.split(r"[,;]", query) if part.strip()]
        if not parts:
            return []
        regions, countries = self._qualifier_hints(parts[1:])
        words = _words(parts[0])
        mentions = self._scan(parts[0], capitalised=False)
        if not mentions:
            return []
        places = [self._choose(m.claims, regions=regions, countries=countries) for m in mentions]
        if any(not p.foreign for p in places):  # a foreign place never wins over a Malian one
            pairs = [(m, p) for m, p in zip(mentions, places) if not p.foreign]
            mentions, places = [m for m, _ in pairs], [p for _, p in pairs]
        covered = {i for m in mentions for i in range(m.first, m.end)}
        others = [name_key(w.group()) for i, w in enumerate(words) if i not in covered]
        primary = self._primary(query, places, others)
        rest = [self._location(p, precision=p.precision, match="mention", query=query) for p in places[1:]]
        return [primary, *rest]

    def _primary(self, query: str, places: list[Place], others: list[str]) -> Location:
        """The one Location a query stands for, with the precision its wording allows."""
        first = places[0]
        relation = [w for w in others if w not in _FILLER]
        distance = _distance_km(others)
        if len(places) >= 2 and _BETWEEN_WORDS & set(others):
            a, b = places[0], places[1]
            mid = _midpoint(a, b)
            return self._location(a, precision=5, match="between", query=query, point=mid,
                                  places=[a.row(), b.row()], address=f"between {a.name} and {b.name}")
        if len(places) >= 2:
            spread = max(_km(first, p) for p in places[1:])
            precision = max(first.precision, 2 if spread <= NEAR_KM else 5)
            return self._location(first, precision=precision, match="several", query=query,
                                  places=[p.row() for p in places], spread_km=round(spread, 1))
        if relation and set(relation) <= _CERCLE_WORDS:
            return self._location(first, precision=max(first.precision, 3), match="cercle", query=query)
        if relation:
            far = distance is not None and distance > NEAR_KM
            return self._location(first, precision=max(first.precision, 5 if far else 2), match="relative",
                                  query=query, relation=" ".join(relation), distance_km=distance)
        return self._location(first, precision=first.precision, match="name", query=query)

    def _qualifier_hints(self, parts: list[str]) -> tuple[set[str], set[str]]:
        """Regions and countries named after the first comma ("…, Kidal Region, Mali")."""
        regions: set[str] = set()
        countries: set[str] = set()
        for part in parts:
            for mention in self._scan(part, capitalised=False):
                for claim in mention.claims:
                    if claim.place.region:
                        regions.add(name_key(claim.place.region))
                    if claim.place.country:
                        countries.add(claim.place.country.upper())
        return regions, countries

    def _scan(self, text: str, *, capitalised: bool) -> list[_Mention]:
        """Longest whole-word matches of known names, left to right."""
        words = _words(text)
        keys = [name_key(_without_possessive(w.group())) for w in words]
        elided = [_elided_key(w.group()) for w in words]
        mentions: list[_Mention] = []
        i = 0
        while i < len(words):
            mention = self._match_at(words, keys, elided, i, capitalised)
            if mention is None:
                i += 1
                continue
            mentions.append(mention)
            i = mention.end
        return mentions

    def _match_at(self, words: list[re.Match[str]], keys: list[str], elided: list[str | None], i: int,
                  capitalised: bool) -> _Mention | None:
        for n in range(min(self._max_words, len(words) - i), 0, -1):
            for head in (keys[i], elided[i]):
                if head is None:
                    continue
                claims = self._index.get(head + "".join(keys[i + 1:i + n]))
                if not claims or not _plausible(words, i, n, capitalised):
                    continue
                first_char = words[i].start() if head == keys[i] else words[i].start() + _elision_length(words[i].group())
                return _Mention(tuple(claims), i, i + n, first_char, words[i + n - 1].end())
        return None

    def _choose(self, claims: tuple[_Claim, ...], *, regions: set[str] = frozenset(),
                countries: set[str] = frozenset()) -> Place:
        """Pick among homonyms: the named region or country first, then Malian rows, then a full-name claim."""
        def rank(claim: _Claim) -> tuple[int, int, int, int, int]:
            place = claim.place
            return (0 if regions and name_key(place.region) in regions else 1,
                    0 if countries and place.country.upper() in countries else 1,
                    1 if place.foreign else 0,
                    1 if claim.secondary and not (regions and name_key(place.region) in regions) else 0,
                    place.line)
        primary = [c for c in claims if not c.secondary]
        usable = [c for c in claims if not c.secondary or (regions and name_key(c.place.region) in regions)]
        return min(usable or primary or list(claims), key=rank).place

    def _location(self, place: Place, *, precision: int, match: str, query: str,
                  point: tuple[float, float] | None = None, address: str | None = None, **extra: Any) -> Location:
        lat, lon = point or (place.latitude, place.longitude)
        raw = {"place": place.row(), "match": match, "precision": precision, "query": query,
               "foreign": place.foreign, **{k: v for k, v in extra.items() if v is not None}}
        return Location(address or place.address, Point(lat, lon), raw)


# -- helpers -------------------------------------------------------------------------------------------------

def _problem(source_file: str, reason: str) -> Problem:
    return Problem(source_file=source_file, event_id="", stage=STAGE, reason=reason)


def _km(a: Place, b: Place) -> float:
    return geodesic((a.latitude, a.longitude), (b.latitude, b.longitude)).km


def _midpoint(a: Place, b: Place) -> tuple[float, float]:
    """The point halfway along the geodesic from a to b."""
    half = geodesic((a.latitude, a.longitude), (b.latitude, b.longitude)).km / 2
    bearing = _bearing(a.latitude, a.longitude, b.latitude, b.longitude)
    mid = geodesic(kilometers=half).destination((a.latitude, a.longitude), bearing)
    return mid.latitude, mid.longitude


def _bearing(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2, dl = math.radians(lat1), math.radians(lat2), math.radians(lon2 - lon1)
    x = math.sin(dl) * math.cos(p2)
    y = math.cos(p1) * math.sin(p2) - math.sin(p1) * math.cos(p2) * math.cos(dl)
    return (math.degrees(math.atan2(x, y)) + 360) % 360


def _without_possessive(word: str) -> str:
    """"Kidal's" -> "Kidal"."""
    return re.sub("[" + _APOSTROPHES + "]s$", "", word)


def _elided_key(word: str) -> str | None:
    """French elision: "d'Anéfis" also tries "Anéfis"."""
    length = _elision_length(word)
    return name_key(_without_possessive(word[length:])) if length else None


def _elision_length(word: str) -> int:
    match = re.match(r"(?i)(d|l|qu)[" + _APOSTROPHES + "]", word)
    return match.end() if match else 0


def _plausible(words: list[re.Match[str]], i: int, n: int, capitalised: bool) -> bool:
    """Reject matches that are a person's name, a river, or (in prose) not capitalised."""
    before = name_key(words[i - 1].group()) if i > 0 else ""
    after = name_key(words[i + n].group()) if i + n < len(words) else ""
    if before in _PERSON_LINKS or before in _RIVER_WORDS or after in _RIVER_WORDS:
        return False
    if capitalised:
        first = words[i].group()[_elision_length(words[i].group()):]
        return first[:1].isupper()
    return True


def _distance_km(words: list[str]) -> float | None:
    """"fifteen kilometers", "20 km", "twenty-five miles" -> kilometres; None when no distance is given."""
    for i, word in enumerate(words):
        number = re.fullmatch(r"(\d+(?:[.,]\d+)?)(km|kms|mi)?", word)
        if number and number.group(2):
            return float(number.group(1).replace(",", ".")) * _UNITS_KM[number.group(2)]
        if word not in _UNITS_KM or i == 0:
            continue
        value = _number_before(words[:i])
        if value is not None:
            return value * _UNITS_KM[word]
    return None


def _number_before(words: list[str]) -> float | None:
    total, seen = 0.0, False
    for word in reversed(words):
        if re.fullmatch(r"\d+(?:[.,]\d+)?", word):
            return float(word.replace(",", ".")) + total
        if word == "hundred":
            total, seen = total + 100, True
        elif word in NUMBER_WORDS or word in ("a", "an"):
            total, seen = total + NUMBER_WORDS.get(word, 1), True
        else:
            break
    return total if seen else None


def _decode(data: bytes) -> tuple[str, set[int]]:
    """The file as text, and the numbers of lines that were not valid UTF-8."""
    try:
        return data.decode("utf-8-sig"), set()
    except UnicodeDecodeError:
        pass
    bad: set[int] = set()
    lines = []
    for number, raw in enumerate(data.split(b"\n"), start=1):
        try:
            lines.append(raw.decode("utf-8-sig" if number == 1 else "utf-8"))
        except UnicodeDecodeError:
            bad.add(number)
            lines.append(raw.decode("utf-8", errors="replace"))
    return "\n".join(lines), bad


def _read_places(text: str, bad_lines: set[int], label: str) -> tuple[list[Place], list[Problem]]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [(h or "").strip().lower() for h in (reader.fieldnames or [])]
    reader.fieldnames = header
    problems: list[Problem] = []
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        problems.append(_problem(label, f"line 1: missing column(s) {', '.join(missing)}"))
    if any(c in missing for c in ESSENTIAL_COLUMNS):
        return [], problems
    places: list[Place] = []
    previous = reader.line_num
    for record in reader:
        first, previous = previous + 1, reader.line_num
        if any(n in bad_lines for n in range(first, previous + 1)):
            continue
        place, row_problems = _place(record, first, label, "precision" in header)
        problems.extend(row_problems)
        if place is not None:
            places.append(place)
    return places, problems


def _place(record: dict[str | None, Any], line: int, label: str, has_precision: bool
           ) -> tuple[Place | None, list[Problem]]:
    """One CSV row as a Place, or None with the reasons it cannot be one."""
    get = lambda column: (record.get(column) or "").strip()  # noqa: E731
    name = get("name")
    if not any(get(c) for c in REQUIRED_COLUMNS):
        return None, []  # a blank line
    if not name:
        return None, [_problem(label, f"line {line}: row has no name; skipped")]
    problems: list[Problem] = []
    if record.get(None):
        problems.append(_problem(label, f"line {line}: '{name}' has more fields than the header has columns"))
    latitude, lat_error = _coordinate(get("latitude"), "latitude", 90.0)
    longitude, lon_error = _coordinate(get("longitude"), "longitude", 180.0)
    errors = [e for e in (lat_error, lon_error) if e]
    if errors:
        return None, problems + [_problem(label, f"line {line}: '{name}' {e}; row skipped") for e in errors]
    kind = get("kind").lower()
    precision = PRECISION_BY_KIND.get(kind, 1)
    if has_precision and get("precision"):
        if re.fullmatch(r"[1-6]", get("precision")):
            precision = int(get("precision"))
        else:
            problems.append(_problem(label, f"line {line}: '{name}' precision '{get('precision')}' is not 1-6; "
                                            f"using {precision}"))
    if not get("source"):
        problems.append(_problem(label, f"line {line}: '{name}' has no source for its coordinate"))
    alt_names = tuple(a.strip() for a in get("alt_names").split(";") if a.strip())
    return Place(name=name, alt_names=alt_names, kind=kind, region=get("region"),
                 country=(get("country") or HOME_COUNTRY).upper(), latitude=latitude, longitude=longitude,
                 precision=precision, source=get("source"), note=get("note"), line=line), problems


def _coordinate(text: str, what: str, limit: float) -> tuple[float, str]:
    """A validated decimal degree, or the reason it is not one (geopy's Point would wrap 181 to -179)."""
    try:
        value = float(text)
    except ValueError:
        return math.nan, f"{what} '{text}' is not a number"
    if not math.isfinite(value) or abs(value) > limit:
        return math.nan, f"{what} {text} is outside ±{limit:g}"
    return value, ""
