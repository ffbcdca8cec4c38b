"""Adding an article: limits, safe names, same content recognised, no overwrite, atomic writes, never outside the
articles folder, and a server killed while saving leaves no half article."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from dashboard.catalogue import article_files, build_catalogue, intake

ROOT = Path(__file__).resolve().parent.parent
SEEDS, GAZETTEER = ROOT / "seeds", ROOT / "data" / "gazetteer.csv"
CORPUS = ROOT / "tests" / "corpus" / "articles"
if not CORPUS.is_dir():  # until the reader task's copy lands: the shared corpus it is copied from
    CORPUS = Path("/work/shared/corpus/articles")
ARTICLE = """= Battle of Tessalit (2031) =

Infobox
- Place: Tessalit, Kidal Region, Mali
- Date: 4 March 2031
- Combatant1: Mali
- Combatant2: MNLA
- Casualties1: 3 killed (per MNLA)

On 4 March 2031 fighting broke out in Tessalit.
"""


@pytest.fixture
def folder(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "kidal.txt").write_text(ARTICLE, encoding="utf-8")
    return articles


@pytest.mark.parametrize("given, expected", [
    ("Battle of Kidal (2023).txt", "Battle_of_Kidal_(2023).txt"),
    ("../../etc/passwd", "passwd.txt"),
    ("/abs/path/article.wiki", "article.wiki"),
    ("C:\\Users\\me\\Bataille de Ménaka.TXT", "Bataille_de_Ménaka.txt"),
    (".bashrc", "bashrc.txt"),
    ("..", "article.txt"),
    ("", "article.txt"),
    ("page.html", "page.html.txt"),
    ("evil\x00name\n.txt", "evilname.txt"),
    ("<b>x</b><script>.md", "b_script.md"),  # "/" ends a path,
    ("a" * 300 + ".txt", "a" * 76 + ".txt"),
])
def test_names_are_made_safe(given, expected):
    assert intake.safe_name(given) == expected
    assert intake.safe_name(expected) == expected  # a safe name stays as it is


def test_a_file_over_2_mb_is_refused_with_the_limit_in_words():
    with pytest.raises(intake.IntakeError, match=r"2\.0 MB, over the 2 MB limit"):
        intake.check_file("big.txt", b"Kidal " * (intake.MAX_FILE_BYTES // 6 + 100))
    assert intake.check_file("exactly.txt", b"x" * (intake.MAX_FILE_BYTES - 1) + b"\n").name == "exactly.txt"


def test_a_binary_file_is_refused_as_not_text():
    with pytest.raises(intake.IntakeError, match="not text"):
        intake.check_file("map.txt", (ROOT / "tests" / "broken" / "binary.png").read_bytes())
    with pytest.raises(intake.IntakeError, match="empty"):
        intake.check_file("empty.txt", b"  \n")


def test_utf16_and_cp1252_files_are_taken(folder):
    offer = intake.check_file("menaka.txt", ARTICLE.encode("utf-16"))
    assert intake.read_candidate(offer.name, offer.data, None).events["title"].tolist() == ["Battle of Tessalit (2031)"]
    assert intake.check_file("m.txt", "Ménaka".encode("cp1252") + b"\n").data == "Ménaka\n".encode("cp1252")


def test_pasted_text_is_named_after_its_title():
    offer = intake.check_paste(ARTICLE.rstrip(), "Battle of Tessalit (2031)")
    assert offer.name == "Battle_of_Tessalit_(2031).txt" and offer.given_name == "the pasted text"
    assert offer.data.endswith(b"Tessalit.\n")  # the line end a paste loses, so the page is not read as cut off


def test_a_reading_is_what_the_build_makes_of_the_file(folder):
    offer = intake.check_file("tessalit.txt", ARTICLE.encode())
    reading = intake.read_candidate(offer.name, offer.data, intake.Gazetteer.from_csv(GAZETTEER))
    event = reading.events.iloc[0]
    assert (event["title"], event["start_date"], event["side_a"], event["side_b"]) == \
        ("Battle of Tessalit (2031)", "2031-03-04", "Mali", "MNLA")
    assert event["latitude"] == pytest.approx(20.2, abs=0.1)  # placed on Tessalit by the gazetteer
    assert reading.claims[["side", "low", "claimed_by"]].values.tolist() == [["a", 3, "MNLA"]]
    empty = intake.read_candidate("note.txt", b"a shopping list: eggs, milk\n", None)
    assert empty.events.empty and empty.problems["stage"].tolist() == ["parse"]


def test_the_same_content_is_recognised_whatever_its_name_or_line_ends(folder):
    for variant in (ARTICLE, ARTICLE.replace("\n", "\r\n"), "\ufeff" + ARTICLE + "\n\n"):
        plan = intake.plan_save(folder, "another_name.txt", variant.encode("utf-8"))
        assert plan == intake.SavePlan("already there", "kidal.txt")
    assert intake.plan_save(folder, "kidal.txt", ARTICLE.encode("utf-16")).action == "already there"


def test_a_different_article_with_a_taken_name_gets_a_new_name(folder):
    other = ARTICLE.replace("Tessalit", "Aguelhok").encode()
    assert intake.plan_save(folder, "kidal.txt", other) == intake.SavePlan("renamed", "kidal-2.txt")
    assert intake.save_article(folder, "kidal.txt", other) == intake.SavePlan("renamed", "kidal-2.txt")
    assert (folder / "kidal.txt").read_text() == ARTICLE  # never overwritten
    assert (folder / "kidal-2.txt").read_bytes() == other
    third = ARTICLE.replace("Tessalit", "Ber").encode()
    assert intake.save_article(folder, "kidal.txt", third).name == "kidal-3.txt"
    assert intake.save_article(folder, "kidal.txt", other) == intake.SavePlan("already there", "kidal-2.txt")


def test_a_saved_article_is_in_the_next_build(folder):
    before = build_catalogue(folder, GAZETTEER)
    intake.save_article(folder, "aguelhok.txt", ARTICLE.replace("Tessalit", "Aguelhok").encode())
    after = build_catalogue(folder, GAZETTEER)
    assert len(after.events) == len(before.events) + 1
    assert "Battle of Aguelhok (2031)" in set(after.events["title"])


def test_nothing_is_written_outside_the_folder_whatever_the_name_says(folder, tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_text("keep me")
    (folder / "link.txt").symlink_to(outside)  # a name in the folder that points outside it
    for given in ("../outside.txt", str(outside), "link.txt", "..\\outside.txt"):
        offer = intake.check_file(given, f"{ARTICLE}{given}\n".encode())
        plan = intake.save_article(folder, offer.name, offer.data)
        assert (folder / plan.name).resolve().parent == folder.resolve() and not (folder / plan.name).is_symlink()
    assert outside.read_text() == "keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["articles", "outside.txt"]
    with pytest.raises(intake.IntakeError):
        intake.inside(folder.resolve(), "../outside.txt")


def test_two_sessions_saving_at_once_never_overwrite_each_other(folder):
    texts = [ARTICLE.replace("Tessalit", place).encode() for place in ("Ber", "Anefis", "Ber")]
    plans, start = [], threading.Barrier(len(texts))

    def save(data: bytes) -> None:
        start.wait()
        plans.append(intake.save_article(folder, "same.txt", data))

    threads = [threading.Thread(target=save, args=(t,)) for t in texts]
    [t.start() for t in threads]
    [t.join() for t in threads]
    saved = {p.name: p.read_bytes() for p in article_files(folder)}
    assert sorted(saved.values()) == sorted({*texts, ARTICLE.encode()})  # Ber once, Anefis once, nothing lost
    assert sorted(p.action for p in plans).count("already there") == 1


def test_a_server_killed_while_saving_leaves_no_half_article(folder):
    """A child process saves a large article and is SIGKILLed halfway through writing it."""
    script = textwrap.dedent(f"""
        import os, sys, time
        from pathlib import Path
        from dashboard.catalogue import intake
        real = os.fdopen
        class Slow:
            def __init__(self, f): self.f = f
            def __enter__(self): return self
            def __exit__(self, *a): self.f.close()
            def write(self, data):
                self.f.write(data[:len(data) // 2]); self.f.flush()
                print("halfway", flush=True); time.sleep(60)
            def __getattr__(self, name): return getattr(self.f, name)
        os.fdopen = lambda fd, mode: Slow(real(fd, mode))
        intake.save_article(Path({str(folder)!r}), "big.txt", b"= Battle of Ber =\\n" + b"Ber " * 200000)
    """)
    before = build_catalogue(folder, GAZETTEER).events
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, cwd=ROOT)
    assert child.stdout.readline().strip() == b"halfway"
    child.send_signal(signal.SIGKILL)
    child.wait()
    [partial] = [p for p in folder.iterdir() if p.name.startswith(intake.PARTIAL_PREFIX)]
    assert 0 < partial.stat().st_size < 800000  # half written, under a dot-name
    assert [p.name for p in article_files(folder)] == ["kidal.txt"]  # the build never sees it
    assert build_catalogue(folder, GAZETTEER).events["event_id"].tolist() == before["event_id"].tolist()
    os.utime(partial, (time.time() - 3600, time.time() - 3600))
    intake.save_article(folder, "ber.txt", ARTICLE.replace("Tessalit", "Ber").encode())
    assert not partial.exists()  # the next save clears what the killed one left
    assert [p.name for p in article_files(folder)] == ["ber.txt", "kidal.txt"]


@pytest.mark.skipif(not CORPUS.is_dir(), reason="no corpus")
def test_every_real_article_is_taken_and_read_as_the_build_reads_it():
    built = build_catalogue(CORPUS, GAZETTEER).events
    built = built[built["kind"] == "article"]
    for path in article_files(CORPUS):
        offer = intake.check_file(path.name, path.read_bytes())
        assert offer.name == path.name
        reading = intake.read_candidate(offer.name, offer.data, intake.Gazetteer.from_csv(GAZETTEER)).events
        own, mine = built[built["source_file"] == path.name], reading[reading["kind"] == "article"]
        columns = ["event_id", "title", "start_date", "side_a", "latitude"]
        assert mine[columns].astype(str).values.tolist() == own[columns].astype(str).values.tolist(), path.name
