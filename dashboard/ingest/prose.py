"""An event's prose as sentences in reading order, each with the dates it gives or takes from its context.

The lead, the infobox's Result and Territorial changes, and every body section are split into sentences; each
knows its section, that section's role (lead, background, prelude, event, aftermath, result, related) and its
paragraph. `Calendar` reads the sentences in order and dates them as a reader would: "On May 21" takes its year
from the paragraph or the event, "That same day" and "The next day" the date before them, "by October 31" is an
upper bound, "not long afterward" a lower one, and a sentence with no date of its own the paragraph's last date.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from dashboard.casualties.sentences import split_sentences as sentences_of
from dashboard.text.dates import MONTHS as _MONTH_NAMES, DateMention, date_mentions
from dashboard.ingest.layout.base import canonical_key
from dashboard.model import DateRange, Event
from dashboard.text.fold import label_key
from dashboard.text.markup import without_citations

ROLES = ("lead", "result", "background", "prelude", "event", "aftermath", "related")
# Headings by the role of their section (folded words; a heading holding one of them has that role).
_HEADING_ROLES = (
    ("background", ("background", "context", "contexte", "historique", "history", "origins", "antecedents",
                    "contesto", "hintergrund")),
    ("prelude", ("prelude", "lead up", "run up", "buildup", "build up", "preparations", "preparatifs", "preludio",
                 "prelude to")),
    ("aftermath", ("aftermath", "consequences", "suites", "reactions", "casualties", "losses", "bilan", "pertes",
                   "conseguenze")),
)
_GLUED_MARK = re.compile(r"([.!?])(\[)")
_PARAGRAPHS = re.compile(r"\n\s*\n")
_TWO_LETTERS = re.compile(r"[^\W\d_]{2}")
_BULLET = re.compile(r"\s*(?:\n|•|·\s)\s*")
_LEADING_RESIDUE = re.compile(r"^(?:\s*\[[^\]\n]{0,30}\])+\s*")
_WORDS = re.compile(r"[^\W\d_]+")
_DIGIT = re.compile(r"\d")
_HAS_YEAR = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)")

# Words that date a sentence from the one before: (pattern, days after the date before).
_RELATIVE = [
    (re.compile(r"\b(?:that|the) same (?:day|night|morning|evening)\b|\bthat (?:day|night|morning|evening|afternoon)\b"
                r"|\b(?:le )?m[êe]me jour\b|\bce jour-l[àa]\b|\bcette nuit-l[àa]\b", re.I), 0),
    (re.compile(r"\bthe (?:next|following) (?:day|morning|night|evening)\b|\bthe day after\b|\ble lendemain\b", re.I), 1),
    (re.compile(r"\bthe (?:previous day|day before|night before|eve)\b|\bla veille\b", re.I), -1),
    (re.compile(r"\btwo days later\b|\bdeux jours plus tard\b", re.I), 2),
    (re.compile(r"\bthree days later\b|\btrois jours plus tard\b", re.I), 3),
    (re.compile(r"\b(?:a|one) week later\b|\bune semaine plus tard\b|\bthe (?:next|following) week\b", re.I), 7),
]
# Words that put a sentence after the date before it, without saying how long after.
_AFTERWARDS = re.compile(r"\b(?:not long|shortly|soon) (?:afterwards?|after(?:wards?)?|thereafter)\b"
                         r"|\bpeu (?:de temps )?apr[èe]s\b", re.I)
_SINCE_OPENER = re.compile(r"^(?:since|ever since|depuis)\b", re.I)
# A flashback ("had initially captured", "avait pris") tells an earlier time: it does not move the paragraph's year.
_PLUPERFECT = re.compile(r"\b(?:had|avait|avaient)\s+(?:\w+ly\s+|d[ée]j[àa]\s+)?(?:been|[a-zé]+(?:ed|en|é|ée|és|ées|is|it|ut)|"
                         r"took|fled|left|held|won|lost|fought|pris|prise|repris|quitté)\b", re.I)


@dataclass(frozen=True)
class Sentence:
    text: str  # as written, without trailing citation markers
    section: str  # the heading as written; "" for the lead, "Result" for the infobox's result
    role: str  # one of ROLES
    paragraph: int  # counted across the article
    position: int  # order in the article


@dataclass(frozen=True)
class When:
    """A date as a sentence gives it: a range, or one bound of it ("by October 31": no start)."""
    start: str  # ISO date, "" when only an upper bound is known
    end: str  # ISO date, "" when only a lower bound is known
    precision: str  # day, month, year
    written: str = ""  # the words ("On May 21", "That same day"), "" when taken from the context
    offset: int = -1  # where the words start in the sentence, -1 when taken from the context
    relative: bool = False  # "That same day", "The next day"

    def anchor(self) -> str:
        """The day that orders this date among others (its start, else its end)."""
        return self.start or self.end


@dataclass
class Dated:
    sentence: Sentence
    own: list[When] = field(default_factory=list)  # the dates the sentence writes, in order
    inherited: When | None = None  # what a sentence without a date of its own is taken to mean
    after: When | None = None  # "not long afterward": a lower bound after the date before the words
    after_offset: int = -1  # where "afterward" is written


def article_sentences(event: Event) -> list[Sentence]:
    """The event's prose, sentence by sentence: result fields, lead (or related summary), then the sections."""
    pieces: list[tuple[str, str, str]] = []
    for label, value in event.infobox.items():
        key = _label(label)
        if key and key[0] in ("result", "territory"):
            pieces.append((label.rstrip(": "), "result", value))
    pieces.append(("", "related" if event.kind == "related" else "lead", event.summary))
    pieces.extend((heading, section_role(heading), text) for heading, text in event.sections)
    out: list[Sentence] = []
    paragraph = 0
    for heading, role, text in pieces:
        for para in _PARAGRAPHS.split(text or ""):
            if not para.strip():
                continue
            paragraph += 1
            for text in split_sentences(para):
                out.append(Sentence(text, heading, role, paragraph, len(out)))
    return out


_label = lru_cache(maxsize=4096)(canonical_key)  # infobox labels repeat across a catalogue's articles


@lru_cache(maxsize=4096)
def section_role(heading: str) -> str:
    key = label_key(heading)
    for role, pattern in _ROLE_PATTERNS:
        if pattern.search(key):
            return role
    return "event"


_ROLE_PATTERNS = [(role, re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b"))
                  for role, words in _HEADING_ROLES]
_MONTH_WORDS = frozenset(_MONTH_NAMES)


def _may_hold_a_date(text: str) -> bool:
    """A digit or a month's name: what every date needs (a cheap test before reading the sentence's dates)."""
    return bool(_DIGIT.search(text)) or not _MONTH_WORDS.isdisjoint(w.lower() for w in _WORDS.findall(text))


def split_sentences(paragraph: str) -> list[str]:
    """Sentences of one paragraph, as written (casualties.sentences splits them; its footnote markers after a full
    stop are left out); a line of its own or a bullet ("Tuareg victory • The city was captured") ends one too."""
    # A marker glued to the full stop (".[2] The jihadists…", as copied pages have it) still ends the sentence.
    out = [sentence for line in _BULLET.split(paragraph) for sentence, _notes in sentences_of(_GLUED_MARK.sub(r"\1 \2", line))]
    cleaned = (_LEADING_RESIDUE.sub("", s).strip() for s in out)
    return [s for s in cleaned if _TWO_LETTERS.search(s)]


class Calendar:
    """Dates sentences read in order, from what they write and what came before them."""

    def __init__(self, event: Event):
        self.event = _event_when(event)
        self.years = _event_years(event)
        self._paragraph = -1
        self._paragraph_year: int | None = None
        self._last: When | None = None  # the last date written in this paragraph
        self._section: tuple[str, str] | None = None
        self._section_last: When | None = None  # the last date written in this section (for "The next day")

    def read(self, sentence: Sentence) -> Dated:
        if sentence.paragraph != self._paragraph:
            self._paragraph, self._paragraph_year, self._last = sentence.paragraph, None, None
        if (sentence.section, sentence.role) != self._section:
            self._section, self._section_last = (sentence.section, sentence.role), None
        dated = Dated(sentence, own=self._explicit(sentence.text))
        # A relative date counts from the sentence before, in the same section; a Background section's chain of
        # "the next day" tells another story than this event's, so it dates nothing.
        anchor = self._section_last if sentence.role != "background" and not dated.own else None
        for pattern, days in _RELATIVE:
            found = pattern.search(sentence.text) if anchor is not None and anchor.start else None
            if found:
                day = dt.date.fromisoformat(anchor.start) + dt.timedelta(days=days)
                dated.own.append(When(day.isoformat(), day.isoformat(), "day", found.group(0), found.start(), True))
        dated.own.sort(key=lambda w: w.offset)
        afterwards = _AFTERWARDS.search(sentence.text)
        before = [w for w in dated.own if afterwards and w.offset < afterwards.start()]
        before = before[-1] if before else self._last
        if afterwards and before is not None and (before.end or before.start):
            dated.after, dated.after_offset = When(before.end or before.start, "", before.precision), afterwards.start()
        if dated.own:
            self._last = dated.own[-1]
            days = [w for w in dated.own if w.precision == "day" and w.start]
            if days:
                self._section_last = days[-1]
        dated.inherited = self._inherit(sentence)
        return dated

    def _explicit(self, text: str) -> list[When]:
        if not _may_hold_a_date(text):
            return []  # most sentences: no digit, no month name
        year = self._paragraph_year or self.years[0]
        found = [self._when(m, text) for m in date_mentions(without_citations(text), default_year=year)]
        found = [w for w in found if w is not None]
        # The paragraph's year is that of its last full date outside a flashback ("On May 21, 2014, … Malian forces
        # had captured Anefis in June 2013. Rebel fighters recaptured the city on May 21": 2014).
        full = [w for w in found if w.precision != "year" and _HAS_YEAR.search(w.written)]
        if full and not _PLUPERFECT.search(text):
            self._paragraph_year = int((full[-1].start or full[-1].end)[:4])
        return found

    def _when(self, mention: DateMention, text: str) -> When | None:
        found = mention.range
        written = without_citations(text)[mention.start:mention.end]
        if not _HAS_YEAR.search(text) and self._paragraph_year is None and len(self.years) > 1:
            found = _nearest_year(found, self.event)
        start, end = found.start, found.end
        if mention.cue in ("by", "before", "until", "till", "avant", "jusqu"):
            start = ""
        elif mention.cue in ("after", "après", "apres"):
            start, end = end, ""
        offset = text.find(written) if written in text else mention.start
        return When(start, end, found.precision, written, offset)

    def _inherit(self, sentence: Sentence) -> When | None:
        """The date a sentence with no date of its own is taken to mean ("" bounds: unknown)."""
        if self._last is not None:
            return replace(self._last, written="", offset=-1, relative=False)
        if sentence.role in ("lead", "event", "aftermath", "result", "related") and self.event is not None \
                and not _SINCE_OPENER.match(sentence.text):
            return self.event
        return None


def _event_when(event: Event) -> When | None:
    if not event.start_date:
        return None
    return When(event.start_date, event.end_date or event.start_date, event.date_precision or "day")


def _event_years(event: Event) -> list[int | None]:
    years = sorted({int(d[:4]) for d in (event.start_date, event.end_date) if re.match(r"\d{4}", d or "")})
    return years or [None]


def _nearest_year(found: DateRange, event: When | None) -> DateRange:
    """A date written without a year, moved into the year of a two-year event that puts it inside the event."""
    if event is None or found.start >= event.start:
        return found
    start, end = dt.date.fromisoformat(found.start), dt.date.fromisoformat(found.end)
    try:
        later = DateRange(start.replace(year=start.year + 1).isoformat(), end.replace(year=end.year + 1).isoformat(),
                          found.precision)
    except ValueError:  # 29 February
        return found
    return later if later.start <= event.end else found
