"""The command line refuses what it cannot use with a clear message and exit code 2, and says its rules."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from dashboard.__main__ import catalogue_problem, main, parser

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "dashboard", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=120)


def test_serve_refuses_a_catalogue_folder_that_is_not_there():
    done = run("serve", "--catalogue", "/nonexistent", "--port", "1")
    assert done.returncode == 2
    assert "no such folder: /nonexistent" in done.stderr and "Traceback" not in done.stderr


def test_serve_refuses_a_folder_that_build_did_not_write(tmp_path):
    assert "no events.csv or claims.csv" in catalogue_problem(tmp_path)
    (tmp_path / "events.csv").write_text("event_id\n")
    assert catalogue_problem(tmp_path).endswith("no claims.csv in it")
    (tmp_path / "claims.csv").write_text("event_id\n")
    assert catalogue_problem(tmp_path) is None


def test_build_refuses_a_gazetteer_that_is_not_there(tmp_path, capsys):
    assert main(["build", "--gazetteer", "/nonexistent.csv", "--out", str(tmp_path / "out")]) == 2
    assert "no such gazetteer file: /nonexistent.csv" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_build_refuses_a_missing_folder_of_articles(tmp_path, capsys):
    assert main(["build", "--seeds", str(tmp_path / "nowhere"), "--out", str(tmp_path / "out")]) == 2
    assert "no such folder of articles" in capsys.readouterr().err


def test_a_wrong_option_is_answered_with_that_commands_usage():
    done = run("serve", "--bogus")
    assert done.returncode == 2
    assert done.stderr.startswith("usage: python -m dashboard serve")
    assert "unrecognized arguments: --bogus" in done.stderr


@pytest.mark.parametrize("command", ["build", "serve"])
def test_both_commands_say_where_the_articles_are_read_from(command, capsys):
    _, commands = parser()
    text = " ".join(commands[command].format_help().split())
    assert "./seeds if the current folder has one, else the five seed articles that come with the package" in text


def test_build_outside_the_repository_reads_the_packages_seeds(tmp_path):
    done = run("build", "--out", str(tmp_path / "out"), cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-1000:]
    assert "total: 5 articles" in done.stdout
