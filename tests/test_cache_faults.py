"""The disk store under real faults: a full, read-only or removed cache folder, a writer SIGKILLed halfway, two
writers at once. The catalogue is always served whole and right; the cache says when it is off.

As root, a full disk is a small tmpfs and a read-only one a tmpfs mounted read-only; elsewhere the write is made
to fail with the same error.
"""
from __future__ import annotations

import errno
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from contextlib import contextmanager
from pathlib import Path

import pandas as pd
import pytest

from dashboard.catalogue import build_catalogue, cached_catalogue, store
from dashboard.catalogue.cache import cache_off
from dashboard.model import TEXT_COLUMNS

ROOT = Path(__file__).resolve().parent.parent
SEEDS, GAZETTEER = ROOT / "seeds", ROOT / "data" / "gazetteer.csv"
GAO = "Battle of Gao"


def _mount(path: Path, options: str) -> bool:
    path.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0 or not shutil.which("mount"):
        return False
    return subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(path)], capture_output=True).returncode == 0


def _unmount(path: Path) -> None:
    subprocess.run(["umount", "-l", str(path)], capture_output=True)


@contextmanager
def disk(path: Path, monkeypatch, *, size_kb: int | None = None, read_only: bool = False):
    """A folder on a small (size_kb) or read-only tmpfs; without root, writes under it fail with that error."""
    options = ",".join(filter(None, [f"size={size_kb}k" if size_kb else "", "ro" if read_only else "", "mode=0755"]))
    mounted = _mount(path, options)
    if not mounted:
        code = errno.EROFS if read_only else errno.ENOSPC
        real = pd.DataFrame.to_parquet

        def failing(frame, target, *args, **kwargs):
            if str(target).startswith(str(path)) and (read_only or len(frame) * 2000 > (size_kb or 0) * 1024):
                raise OSError(code, os.strerror(code), str(target))
            return real(frame, target, *args, **kwargs)
        monkeypatch.setattr(pd.DataFrame, "to_parquet", failing)
    try:
        yield mounted
    finally:
        if mounted:
            _unmount(path)


def served_right(served, built) -> None:
    """The served catalogue is the built one: same events, claims, and the article text of Gao."""
    assert served.events["event_id"].tolist() == built.events["event_id"].tolist()
    assert len(served.claims) == len(built.claims)
    gao = served.events[served.events["title"] == GAO].iloc[0]
    assert served.event_text(gao["event_id"])["summary"].startswith("The Battle of Gao")


@pytest.fixture(scope="module")
def built():
    return build_catalogue(SEEDS, GAZETTEER)


def test_a_full_cache_disk_serves_from_memory_and_says_the_cache_is_off(built, tmp_path, monkeypatch):
    with disk(tmp_path / "small", monkeypatch, size_kb=32):
        served = cached_catalogue(SEEDS, GAZETTEER, tmp_path / "small" / "cache")
        assert "No space left on device" in cache_off(served)
        served_right(served, built)
        assert set(TEXT_COLUMNS) <= set(served.events.columns)  # all of it in memory
        assert list((tmp_path / "small" / "cache").iterdir()) == []  # no partial store left filling the disk


def test_a_read_only_cache_disk_serves_from_memory_and_says_the_cache_is_off(built, tmp_path, monkeypatch):
    (tmp_path / "ro").mkdir()
    with disk(tmp_path / "ro", monkeypatch, read_only=True):
        served = cached_catalogue(SEEDS, GAZETTEER, tmp_path / "ro" / "cache")
        assert "Read-only file system" in cache_off(served)
        served_right(served, built)


def test_a_cache_folder_removed_under_a_running_server_is_written_again(built, tmp_path):
    served = cached_catalogue(SEEDS, GAZETTEER, tmp_path / "cache")
    shutil.rmtree(tmp_path / "cache")
    assert cache_off(served) == ""  # noticed on the next rerun: written again, still on
    assert store.is_complete(served.text.path.parent)
    served_right(served, built)
    shutil.rmtree(tmp_path / "cache")
    served_right(served, built)  # noticed by a detail panel reading the text


def test_a_cache_removed_and_unwritable_keeps_the_text_in_memory(built, tmp_path, monkeypatch):
    with disk(tmp_path / "disk", monkeypatch, size_kb=512) as mounted:
        served = cached_catalogue(SEEDS, GAZETTEER, tmp_path / "disk" / "cache")
        assert cache_off(served) == ""
        shutil.rmtree(tmp_path / "disk" / "cache")
        if mounted:
            subprocess.run(["mount", "-o", "remount,ro", str(tmp_path / "disk")], check=True)
        else:
            monkeypatch.setattr(store, "write_store", _fail_with(errno.EROFS))
        assert "Read-only file system" in cache_off(served)
        served_right(served, built)
        export = served.with_text(served.events)
        assert export["summary"].tolist() == built.events["summary"].tolist()


def test_a_disk_that_fills_up_while_serving_keeps_the_new_articles_in_memory(built, tmp_path, monkeypatch):
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    with disk(tmp_path / "disk", monkeypatch, size_kb=256) as mounted:
        cache = tmp_path / "disk" / "cache"
        assert cache_off(cached_catalogue(seeds, GAZETTEER, cache)) == ""
        if mounted:  # fill what is left
            subprocess.run(["dd", "if=/dev/zero", f"of={tmp_path / 'disk' / 'filler'}", "bs=4k"], capture_output=True)
        else:
            monkeypatch.setattr(store, "write_store", _fail_with(errno.ENOSPC))
        shutil.copy(seeds / "000_e3dc056557bc1002.txt", seeds / "copy.txt")  # an article added
        served = cached_catalogue(seeds, GAZETTEER, cache)
        assert "No space left on device" in cache_off(served)
        assert len(served.events) > len(built.events)
        assert [p.name for p in cache.iterdir() if store.PARTIAL in p.name] == []


def _fail_with(code: int):
    def write_store(tables, folder):
        raise OSError(code, os.strerror(code), str(folder))
    return write_store


KILLED_WRITER = textwrap.dedent("""
    import sys, time
    from dashboard.catalogue import cached_catalogue, store
    real = store.write_store
    def halfway(tables, folder):
        real({"events": tables["events"]}, folder)  # one file of four
        print("halfway", flush=True)
        time.sleep(60)
    store.write_store = halfway
    cached_catalogue(sys.argv[1], sys.argv[2], sys.argv[3])
""")


def test_a_store_half_written_by_a_killed_server_is_never_read_and_is_rebuilt(built, tmp_path):
    cache = tmp_path / "cache"
    child = subprocess.Popen([sys.executable, "-c", KILLED_WRITER, str(SEEDS), str(GAZETTEER), str(cache)],
                             stdout=subprocess.PIPE, cwd=ROOT)
    assert child.stdout.readline().strip() == b"halfway"
    child.send_signal(signal.SIGKILL)
    child.wait()
    [partial] = list(cache.iterdir())
    assert store.PARTIAL in partial.name and (partial / "events.parquet").is_file()
    served = cached_catalogue(SEEDS, GAZETTEER, cache)
    served_right(served, built)
    assert cache_off(served) == ""
    assert [p.name for p in cache.iterdir()] == [served.text.path.parent.name]  # the killed writer's folder is gone


def test_a_partial_store_of_a_live_writer_is_left_alone(tmp_path):
    live = tmp_path / f"catalogue-abc{store.PARTIAL}{os.uname().nodename}-{os.getpid()}-aaaaaa"
    dead = tmp_path / f"catalogue-abc{store.PARTIAL}{os.uname().nodename}-{_dead_pid()}-bbbbbb"
    elsewhere = tmp_path / f"catalogue-abc{store.PARTIAL}another-host-1-cccccc"
    cut_short = tmp_path / f"catalogue-old{store.DELETING}1-dddddd"
    for folder in (live, dead, elsewhere, cut_short):
        folder.mkdir()
    removed = store.remove_leftovers(tmp_path)
    assert sorted(p.name for p in removed) == sorted([dead.name, cut_short.name])
    assert store.remove_leftovers(tmp_path, now=time.time() + store.STALE_AFTER_S + 60) == [elsewhere]


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_a_store_missing_a_file_is_written_again(built, tmp_path):
    served = cached_catalogue(SEEDS, GAZETTEER, tmp_path)
    (served.text.path.parent / "claims.parquet").unlink()  # a removal cut short by a crash
    again = cached_catalogue(SEEDS, GAZETTEER, tmp_path)
    served_right(again, built)
    assert cache_off(again) == ""


TWO_WRITERS = textwrap.dedent("""
    import sys
    from dashboard.catalogue import cached_catalogue
    from dashboard.catalogue.cache import cache_off
    served = cached_catalogue(sys.argv[1], sys.argv[2], sys.argv[3])
    gao = served.events[served.events["title"] == "Battle of Gao"].iloc[0]
    print(len(served.events), len(served.claims), repr(cache_off(served)),
          served.event_text(gao["event_id"])["summary"][:20])
""")


def test_two_servers_building_the_same_store_at_once_both_serve_it(built, tmp_path):
    cache = tmp_path / "cache"
    children = [subprocess.Popen([sys.executable, "-c", TWO_WRITERS, str(SEEDS), str(GAZETTEER), str(cache)],
                                 stdout=subprocess.PIPE, text=True, cwd=ROOT) for _ in range(4)]
    answers = {child.communicate(timeout=120)[0].strip() for child in children}
    assert answers == {f"{len(built.events)} {len(built.claims)} '' The Battle of Gao wa"}
    [stored] = list(cache.iterdir())  # one store; nobody's partial left
    assert store.is_complete(stored)
