"""Each article parsed once per content while the server runs: the same catalogue as a full build, an added or
edited article parsed alone, nothing carried over from one build to the next, memory bounded."""
from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from dashboard.catalogue import build_catalogue, incremental

ROOT = Path(__file__).resolve().parent.parent
SEEDS, GAZETTEER = ROOT / "seeds", ROOT / "data" / "gazetteer.csv"
CORPUS = ROOT / "tests" / "corpus" / "articles"
if not CORPUS.is_dir():  # until the reader task's copy lands: the shared corpus it is copied from
    CORPUS = Path("/work/shared/corpus/articles")


@pytest.fixture
def folder(tmp_path):
    incremental.forget()
    articles = tmp_path / "articles"
    shutil.copytree(SEEDS, articles)
    if CORPUS.is_dir():
        for path in sorted(CORPUS.glob("*.txt"))[:10]:
            shutil.copy(path, articles)
    yield articles
    incremental.forget()


@pytest.fixture
def parses(monkeypatch):
    """The names of the files parse_file reads."""
    seen: list[str] = []
    real = incremental.parse_file
    monkeypatch.setattr(incremental, "parse_file", lambda path: seen.append(Path(path).name) or real(path))
    return seen


def same(a, b) -> None:
    for name in ("events", "claims", "problems", "parties"):
        pd.testing.assert_frame_equal(getattr(a, name), getattr(b, name))


def test_the_catalogue_is_the_full_builds(folder):
    full = build_catalogue(folder, GAZETTEER)
    same(incremental.build_incrementally(folder, GAZETTEER), full)
    same(incremental.build_incrementally(folder, GAZETTEER), full)  # from memory this time


def test_an_added_or_edited_article_is_the_only_one_parsed(folder, parses):
    incremental.build_incrementally(folder, GAZETTEER)
    assert len(parses) == len(list(folder.iterdir()))
    parses.clear()
    shutil.copy(SEEDS / "000_e3dc056557bc1002.txt", folder / "added.txt")
    gao = folder / "003_499888a3b842d896.txt"
    gao.write_text(gao.read_text(encoding="utf-8").replace("Second Battle of Kidal", "Second Battle of Kidal (edited)",
                                                           1), encoding="utf-8")
    after = incremental.build_incrementally(folder, GAZETTEER)
    assert sorted(parses) == ["003_499888a3b842d896.txt", "added.txt"]
    same(after, build_catalogue(folder, GAZETTEER))
    assert "Second Battle of Kidal (edited)" in set(after.events["title"])


def test_nothing_placed_in_one_build_is_carried_into_the_next(folder):
    incremental.build_incrementally(folder, GAZETTEER)  # places every event on the gazetteer
    same(incremental.build_incrementally(folder, None), build_catalogue(folder, None))


def test_memory_stays_within_its_bound(folder, monkeypatch):
    monkeypatch.setattr(incremental, "MAX_BYTES", 20_000)
    incremental.build_incrementally(folder, GAZETTEER)
    assert 0 < incremental._size <= 20_000 and len(incremental._parsed) < len(list(folder.iterdir()))
