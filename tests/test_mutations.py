"""Mangled articles, by property: every real article (tests/corpus, else the shared corpus, and the seeds) is
mutated the ways copies, downloads and editors mangle pages: truncated at many points (bytes, so mid-character
too), blocks shuffled or repeated, the head with its infobox doubled, control characters and zero-width spaces
inserted, re-encoded (cp1252, UTF-16 with and without a byte-order mark, mojibake), CRLF or CR line ends,
lines joined.

- The reader never raises anything but the project's named errors (model.ParseError and its subclasses).
- Every mutated file yields events or a named problem in the build.
- A mutation that leaves the infobox intact gives the same dates and sides as the original. "Intact" is decided
  without the reader's help on the mutated file: the mutated text, decoded and with its line ends made "\\n",
  still starts with the original's head, the shortest prefix (at a line end) from which every longer prefix
  reads the original's dates and sides (the infobox, and the lead where the date comes from it). Where the
  reading hangs on the file's very end (a copy cut off inside its infobox), only the same text is intact; where
  the original gives no date at all, only the sides are compared (any dated line added after the head is then
  rightly read as the lead's date).

Gaps of the reader these tests found are listed, with the file and mutation, in tests/mutation_gaps.csv: each
must still be a gap (so the list shrinks as the reader is fixed), and nothing else may fail.
`python tests/test_mutations.py` prints the gaps found now, in that file's format.
"""
from __future__ import annotations

import csv
import random
import re
import sys
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterator

import pytest

from dashboard.catalogue import build_catalogue
from dashboard.ingest.decode import decode_article
from dashboard.ingest.parse import parse_article
from dashboard.model import ParseError

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus" / "articles"
if not CORPUS.is_dir():  # until the reader task's copy lands: the shared corpus it is copied from
    CORPUS = Path("/work/shared/corpus/articles")
ARTICLES = sorted([*CORPUS.glob("*.txt"), *(ROOT / "seeds").glob("*.txt")]) if CORPUS.is_dir() else \
    sorted((ROOT / "seeds").glob("*.txt"))
CONTROLS = [chr(c) for c in (*range(1, 9), 11, 12, *range(14, 32), 127)]
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"]
TRUNCATIONS = 16
GAPS_FILE = Path(__file__).with_name("mutation_gaps.csv")


@dataclass(frozen=True)
class Mutation:
    name: str
    data: bytes


@dataclass(frozen=True)
class Reading:
    """What the article event of a file is read as: dates and sides (None when no article event was read)."""
    dates: tuple[str, str, str] | None
    sides: tuple[tuple[str, ...], ...]


def read(text: str, name: str) -> Reading:
    """The article's own event as parse_article reads it; any exception but a named one fails the test."""
    try:
        parsed = parse_article(text, name)
    except ParseError:
        return Reading(None, ())
    own = [e for e in parsed.events if e.kind == "article"]
    if not own:
        return Reading(None, ())
    event = own[0]
    return Reading((event.start_date, event.end_date, event.date_precision), tuple(tuple(s) for s in event.sides))


def original_text(path: Path) -> str:
    return decode_article(path.read_bytes()).text


@lru_cache(maxsize=None)
def head_length(path: Path) -> int:
    """The shortest prefix, ending at a line end, from which every longer prefix reads as the whole file does."""
    text = original_text(path)
    whole = read(text, path.name)
    ends = [m.end() for m in re.finditer("\n", text)]
    if not ends or ends[-1] != len(text):
        ends.append(len(text))
    head = len(text)
    for end in reversed(ends):
        if read(text[:end], path.name) != whole:
            break
        head = end
    return head


def blocks(text: str) -> list[str]:
    """The text's blocks (sections, paragraphs, infobox groups) as blank lines separate them."""
    return [b for b in re.split(r"\n\s*\n", text) if b.strip()]


def mutations(path: Path) -> Iterator[Mutation]:
    data = path.read_bytes()
    text = original_text(path)
    utf8 = text.encode("utf-8")
    rng = random.Random(zlib.crc32(path.name.encode()))
    for i in range(1, TRUNCATIONS + 1):
        cut = len(utf8) * i // (TRUNCATIONS + 1) + rng.randint(-7, 7)
        yield Mutation(f"truncated at byte {cut}", utf8[:max(1, cut)])
    words = [m.end() - 2 for m in re.finditer(r"\w{4,}", text)]
    for at in rng.sample(words, min(4, len(words))):
        yield Mutation(f"cut mid-word at char {at}", text[:at].encode("utf-8"))
    parts = blocks(text)
    shuffled = parts[:]
    rng.shuffle(shuffled)
    yield Mutation("blocks shuffled", "\n\n".join(shuffled).encode("utf-8"))
    yield Mutation("blocks after the first shuffled", "\n\n".join(parts[:1] + rng.sample(parts[1:], len(parts) - 1)).encode())
    yield Mutation("every block repeated", "\n\n".join(b for b in parts for _ in (0, 1)).encode("utf-8"))
    yield Mutation("the whole text repeated", (text + "\n\n" + text).encode("utf-8"))
    head = head_length(path)
    yield Mutation("head and infobox doubled", (text[:head] + "\n" + text[:head] + text[head:]).encode("utf-8"))
    title_end = text.find("\n", len(text) - len(text.lstrip())) + 1  # after the first line that is not blank
    if 0 < title_end < head:
        yield Mutation("infobox doubled (the head without its first line)",
                       (text[:head] + text[title_end:head] + text[head:]).encode("utf-8"))
    for name, chars, count in (("control characters", CONTROLS, 5), ("zero-width spaces", INVISIBLE, 12),
                               ("control characters after the head", CONTROLS, 5)):
        chars_text = list(text)
        low = head if "after the head" in name else 0
        for _ in range(count):
            chars_text.insert(rng.randint(low, len(chars_text)), rng.choice(chars))
        yield Mutation(f"{name} inserted", "".join(chars_text).encode("utf-8"))
    yield Mutation("many control characters (binary-looking)",
                   "".join(ch + (rng.choice(CONTROLS) if rng.random() < 0.2 else "") for ch in text).encode("utf-8"))
    yield Mutation("re-encoded as cp1252", text.encode("cp1252", errors="replace"))
    yield Mutation("re-encoded as UTF-16 (BOM)", text.encode("utf-16"))
    yield Mutation("re-encoded as UTF-16-LE, no BOM", text.encode("utf-16-le"))
    yield Mutation("re-encoded as UTF-16-BE, no BOM", text.encode("utf-16-be"))
    yield Mutation("mojibake (UTF-8 read as cp1252)", text.encode("utf-8").decode("cp1252", errors="replace").encode())
    yield Mutation("mojibake twice", text.encode().decode("cp1252", "replace").encode().decode("cp1252", "replace").encode())
    yield Mutation("UTF-8 BOM and CRLF", b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    yield Mutation("CRLF line ends", text.replace("\n", "\r\n").encode("utf-8"))
    yield Mutation("CR line ends", text.replace("\n", "\r").encode("utf-8"))
    yield Mutation("all lines joined", " ".join(text.split("\n")).encode("utf-8"))
    lines = text.split("\n")
    yield Mutation("every other line joined to the next",
                   "\n".join(" ".join(lines[i:i + 2]) for i in range(0, len(lines), 2)).encode("utf-8"))
    yield Mutation("lines after the head joined", (text[:head] + " ".join(text[head:].split("\n"))).encode("utf-8"))
    yield Mutation("as downloaded (unchanged)", data)


def normalised(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")


def ids(paths: list[Path]) -> list[str]:
    return [p.name for p in paths]


@pytest.mark.parametrize("path", ARTICLES, ids=ids(ARTICLES))
def test_the_reader_raises_only_named_errors(path):
    unexpected = []
    for mutation in mutations(path):
        try:
            text = decode_article(mutation.data).text
        except ParseError:
            continue  # refused with a reason: the build lists it as a read problem
        except Exception as error:  # noqa: BLE001 - the property: nothing else escapes
            unexpected.append(f"{mutation.name}: decode raised {type(error).__name__}: {error}")
            continue
        try:
            parse_article(text, path.name)
        except ParseError:
            continue
        except Exception as error:  # noqa: BLE001
            unexpected.append(f"{mutation.name}: parse raised {type(error).__name__}: {error}")
    assert unexpected == [], f"{path.name}:\n" + "\n".join(unexpected)


@pytest.mark.parametrize("path", ARTICLES, ids=ids(ARTICLES))
def test_every_mutated_file_yields_events_or_a_problem(path, tmp_path):
    names = {}
    for number, mutation in enumerate(mutations(path)):
        name = f"m{number:02d}.txt"
        (tmp_path / name).write_bytes(mutation.data)
        names[name] = mutation.name
    catalogue = build_catalogue(tmp_path, ROOT / "data" / "gazetteer.csv")
    sources = set(catalogue.events["source_file"]) | set(catalogue.problems["source_file"])
    lost = sorted(names[n] for n in names if n not in sources)
    assert lost == [], f"{path.name}: these mutations gave no event and no problem: {lost}"
    bugs = catalogue.problems[catalogue.problems["reason"].str.contains("this is a bug in the dashboard")]
    assert bugs.empty, f"{path.name}: " + "; ".join(f"{names[r.source_file]}: {r.reason}" for r in bugs.itertuples())


def intact_differences(path: Path) -> tuple[int, dict[str, str]]:
    """How many mutations leave the infobox intact, and those of them read differently: {mutation: what}."""
    original = normalised(original_text(path))
    whole = read(original, path.name)
    head = head_length(path)
    checked, differing = 0, {}
    for mutation in mutations(path):
        try:
            text = normalised(decode_article(mutation.data).text)
        except ParseError:
            continue
        if not (text == original or (head < len(original) and text.startswith(original[:head]))):
            continue
        checked += 1
        mine = read(text, path.name)
        if mine.sides != whole.sides or (whole.dates[0] and mine.dates != whole.dates):
            differing[mutation.name] = f"{mine} instead of {whole}"
    return checked, differing


def known_gaps() -> dict[str, set[str]]:
    """tests/mutation_gaps.csv: file -> the mutations whose intact infobox is known to read differently."""
    gaps: dict[str, set[str]] = {}
    with GAPS_FILE.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            gaps.setdefault(row["file"], set()).add(row["mutation"])
    return gaps


@pytest.mark.parametrize("path", ARTICLES, ids=ids(ARTICLES))
def test_a_mutation_that_leaves_the_infobox_intact_reads_the_same_dates_and_sides(path):
    if read(original_text(path), path.name).dates is None:
        pytest.skip(f"{path.name}: no article event is read from the original")
    checked, differing = intact_differences(path)
    known = known_gaps().get(path.name, set())
    assert checked >= 8, f"{path.name}: only {checked} mutations left the infobox intact"
    new = {name: what for name, what in differing.items() if name not in known}
    assert new == {}, f"{path.name}:\n" + "\n".join(f"{name}: {what}" for name, what in new.items())
    fixed = known - set(differing)
    assert not fixed, f"{path.name}: now read the same, remove from {GAPS_FILE.name}: {sorted(fixed)}"


if __name__ == "__main__":  # the gaps found now, as tests/mutation_gaps.csv lists them
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["file", "mutation", "read"])
    for article in ARTICLES:
        if read(original_text(article), article.name).dates is not None:
            for mutation_name, what in intact_differences(article)[1].items():
                out.writerow([article.name, mutation_name, what])
