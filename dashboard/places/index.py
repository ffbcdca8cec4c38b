"""The index of every name the gazetteer knows, and finding those names in a text.

A name is found whole-word, longest first, by its exact key, else by its transliteration key (names.variant_key),
else by a fuzzy match (rapidfuzz) of a whole run of name words on the transliteration keys, guarded: both keys at
least `FUZZY_MIN_LENGTH` letters, the same first letter, at most two letters longer or shorter, a score of at least
`FUZZY_CUTOFF`, and a clear lead over any other place. A run is the whole proper name as written, so a fuzzy match
is never a word inside a longer name; a run after "Ag"/"Ould" is a person's name and never matched.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from geopy.distance import geodesic
from rapidfuzz import fuzz, process

from dashboard.model import Problem
from dashboard.places.names import (MIN_VARIANT_LENGTH, PERSON_LINKS, base_name, elided_key, elision_length,
                                    inflection_stems, is_capitalised, is_person_or_river, variant_key, word_key, words)
from dashboard.places.rows import Place, gazetteer_problem

SAME_PLACE_KM = 10.0  # two rows may share a name only when they are this close (twin towns, spellings)
FUZZY_CUTOFF = 85.0
FUZZY_MIN_LENGTH = 5
FUZZY_LEAD = 5.0  # points the best place must score above any other place
# Only what lies between two words of one proper name: spaces and hyphens ("Tin Essako", "Tin-Essako").
_JOINS = re.compile(r"[\s\-‐–]*")


@dataclass(frozen=True)
class Claim:
    """A name's claim on a key: the place, the spelling, and whether it is only a base name."""
    place: Place
    name: str
    secondary: bool  # a base name under a disambiguator ("Tabankort" of "Tabankort (Ménaka)")


@dataclass(frozen=True)
class Mention:
    """Where a text names a place: its candidate claims, the words and characters it spans, how it matched."""
    claims: tuple[Claim, ...]
    first: int  # word indexes, end exclusive
    end: int
    start_char: int
    end_char: int
    spelling: str = "exact"  # exact, variant (transliteration key) or fuzzy
    score: float = 100.0

    def places(self) -> list[Place]:
        return list(dict.fromkeys(c.place for c in self.claims))


def km(a: Place, b: Place) -> float:
    return geodesic(a.point, b.point).km


class NameIndex:
    """Every name and alt name of the places, by exact key and by transliteration key."""

    def __init__(self, places: list[Place], source_file: str):
        self.problems: list[Problem] = []
        self._source_file = source_file
        self.exact: dict[str, list[Claim]] = {}
        self.variant: dict[str, list[Claim]] = {}
        for place in places:
            for name in dict.fromkeys(place.names):
                self._claim(place, name)
        for place in places:
            base = base_name(place.name)
            if base != place.name:
                self.exact.setdefault(_key(base), []).append(Claim(place, base, secondary=True))
        for key, claims in self.exact.items():
            vkey = variant_key(key)
            if vkey != key and len(vkey) >= MIN_VARIANT_LENGTH:
                self.variant.setdefault(vkey, []).extend(claims)
        self.variant = {k: v for k, v in self.variant.items() if k not in self.exact and _one_place(v)}
        # Fuzzy candidates: every transliteration key, with the exact keys (spellings) it stands for.
        self._spellings: dict[str, list[str]] = {}
        for key in self.exact:
            if len(variant_key(key)) >= FUZZY_MIN_LENGTH:
                self._spellings.setdefault(variant_key(key), []).append(key)
        self._fuzzy_keys = list(self._spellings)
        self.max_words = max((len(words(n)) for p in places for n in p.names), default=1)

    def _claim(self, place: Place, name: str) -> None:
        key = _key(name)
        if not key:
            return
        claims = self.exact.setdefault(key, [])
        if any(other.place is place for other in claims):
            return  # another spelling of the same row ("Anéfis", "Anefis")
        for other in claims:
            distance = km(place, other.place)
            if distance > SAME_PLACE_KM:
                self.problems.append(gazetteer_problem(
                    self._source_file,
                    f"line {place.line}: name '{name}' of '{place.name}' is already claimed by '{other.place.name}' "
                    f"(line {other.place.line}), {distance:.0f} km away; kept for line {other.place.line} only"))
                return
        claims.append(Claim(place, name, secondary=False))

    def claims_named(self, name: str) -> list[Claim]:
        return self.exact.get(_key(name), [])

    # -- finding names in a text --------------------------------------------------------------------------------

    def scan(self, text: str, *, capitalised: bool, name_word: Callable[[str], bool] | None = None) -> list[Mention]:
        """Places a text names, left to right: exact or transliteration keys, then fuzzy runs of name words.

        `capitalised`: prose, where only capitalised words start a name. `name_word(word)` says which words not
        already matched may form a run for the fuzzy matcher (None: no fuzzy matching).
        """
        found = words(text)
        keys = [word_key(w.group()) for w in found]
        elided = [elided_key(w.group()) for w in found]
        mentions: list[Mention] = []
        i = 0
        while i < len(found):
            mention = self._match_at(found, keys, elided, i, capitalised)
            if mention is None:
                i += 1
                continue
            mentions.append(mention)
            i = mention.end
        if name_word is not None:
            mentions += self._fuzzy_runs(text, found, mentions, name_word)
        return sorted(mentions, key=lambda m: m.first)

    def _match_at(self, found: list[re.Match[str]], keys: list[str], elided: list[str | None], i: int,
                  capitalised: bool) -> Mention | None:
        if capitalised and not is_capitalised(found[i].group()):
            return None
        for n in range(min(self.max_words, len(found) - i), 0, -1):
            for head in (keys[i], elided[i]):
                if head is None:
                    continue
                key = head + "".join(keys[i + 1:i + n])
                claims, spelling = self.exact.get(key), "exact"
                vkey = variant_key(key)
                if not claims and len(vkey) >= MIN_VARIANT_LENGTH:
                    claims, spelling = self.exact.get(vkey) or self.variant.get(vkey), "variant"
                if not claims or is_person_or_river(found, i, n):
                    continue
                first_char = found[i].start() + (elision_length(found[i].group()) if head != keys[i] else 0)
                return Mention(tuple(claims), i, i + n, first_char, found[i + n - 1].end(), spelling)
        # a query is a place's name (a field, a lead's place phrase); free text has words that only look inflected
        return None if capitalised else self._inflected_at(found, i)

    def _inflected_at(self, found: list[re.Match[str]], i: int) -> Mention | None:
        """One word that is a known name with a case ending ("w Kidalu", "Gao'da"), when nothing else matched: the
        stem spelt exactly as the name (a loose spelling of a stem is another word: "Según" is no "Ségou"), and never
        a country, whose people's names look the same ("Mauritanian", "Nigerien")."""
        for stem in inflection_stems(found[i].group()):
            claims = self.exact.get(stem)
            if claims and all(c.place.kind != "country" for c in claims) and not is_person_or_river(found, i, 1):
                return Mention(tuple(claims), i, i + 1, found[i].start(), found[i].end(), "variant")
        return None

    def _fuzzy_runs(self, text: str, found: list[re.Match[str]], mentions: list[Mention],
                    name_word: Callable[[str], bool]) -> list[Mention]:
        covered = {i for m in mentions for i in range(m.first, m.end)}
        runs: list[list[int]] = []
        for i, word in enumerate(found):
            joined = bool(runs) and runs[-1][-1] == i - 1 and _JOINS.fullmatch(text[found[i - 1].end():word.start()])
            if i in covered or not name_word(word.group()):
                continue
            if joined:
                runs[-1].append(i)
            else:
                runs.append([i])
        fuzzy = []
        for run in runs:
            first, end = run[0], run[-1] + 1
            if any(word_key(found[j].group()) in PERSON_LINKS for j in run) or is_person_or_river(found, first, end - first):
                continue
            if first - 1 in covered or end in covered:
                continue  # a word beside a known name belongs to a longer name ("Tabarde Kidal"): not a spelling
            match = self.fuzzy("".join(word_key(found[j].group()) for j in run))
            if match is not None:
                claims, score = match
                fuzzy.append(Mention(claims, first, end, found[first].start(), found[end - 1].end(), "fuzzy", score))
        return fuzzy

    def fuzzy(self, key: str) -> tuple[tuple[Claim, ...], float] | None:
        """The claims of the one name a key is a close spelling of, with the score; None when unsure."""
        query = variant_key(key)
        if len(query) < FUZZY_MIN_LENGTH or query in self.exact or query in self.variant:
            return None
        candidates = process.extract(query, self._fuzzy_keys, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=8)
        scored: list[tuple[float, tuple[Claim, ...]]] = []
        for candidate, score, _ in candidates:
            spellings = [k for k in self._spellings[candidate] if k[0] == key[0]]  # the initial is kept as written
            if not spellings or abs(len(candidate) - len(query)) > 2:
                continue
            claims = tuple(c for k in spellings for c in self.exact[k])
            if _derived(key, [_key(name) for c in claims for name in c.place.names]):
                continue  # made from any name of the place ("Mauritanian" beside "Mauritanie" and "Mauritania")
            scored.append((score, claims))
        if not scored:
            return None
        scored.sort(key=lambda pair: -pair[0])
        best_score, best = scored[0]
        rivals = [score for score, claims in scored[1:] if not _same_places(claims, best)]
        if rivals and best_score - max(rivals) < FUZZY_LEAD:
            return None
        return best, round(best_score, 1)


def _key(name: str) -> str:
    return "".join(word_key(w.group()) for w in words(name))


def _derived(key: str, spellings: list[str]) -> bool:
    """"Mauritanian" of "Mauritania", "Nigerien" of "Niger": a word made from the name, not a spelling of it."""
    return any(key.startswith(s) for s in spellings)


def _one_place(claims: list[Claim]) -> bool:
    """A transliteration key is usable only if every name it merges is one place (or twins closer than 10 km)."""
    places = list(dict.fromkeys(c.place for c in claims))
    return all(km(places[0], p) <= SAME_PLACE_KM for p in places[1:])


def _same_places(a: tuple[Claim, ...], b: tuple[Claim, ...]) -> bool:
    return {c.place for c in a} == {c.place for c in b} or all(
        km(x.place, y.place) <= SAME_PLACE_KM for x in a for y in b)
