"""The "Add an article" panel under streamlit.testing (pasted text; uploads are driven in a real browser in
test_add_article_browser.py): absent unless allowed, shows what was read before saving, saves into the served
folder, and the page shows the new event at once. Also: the page says when the cache is off."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.web import loaders

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "dashboard" / "web" / "app.py")
HOSTILE = "Ber <img src=x onerror=alert(1)> **bold** $x$"
ARTICLE = f"""= Battle of {HOSTILE} (2031) =

Infobox
- Place: Ber, Timbuktu Region, Mali
- Date: 4–6 March 2031
- Combatant1: Mali, Wagner Group
- Combatant2: CSP-DPA
- Casualties1: 3 killed (per CSP-DPA)
- Casualties2: 20 killed (per Mali)

On 4 March 2031 fighting broke out in Ber.
"""


@pytest.fixture(autouse=True)
def no_map_head_start(monkeypatch):
    """AppTest draws no map, so a first run need not wait for one (app.MAP_HEAD_START_S)."""
    monkeypatch.setenv("DASHBOARD_MAP_HEAD_START", "0")


@pytest.fixture
def folder(tmp_path, monkeypatch):
    seeds = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    monkeypatch.setenv("DASHBOARD_SEEDS", str(seeds))
    monkeypatch.setenv("DASHBOARD_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("DASHBOARD_ALLOW_ADD", "1")
    return seeds


def run() -> AppTest:
    return AppTest.from_file(APP, default_timeout=90).run()


def counts(at: AppTest) -> str:
    return next(m.value for m in at.markdown if "events shown" in m.value)


def plain(markdown: str) -> str:
    """Markdown as the reader sees it: the escaping backslashes gone (HTML entities stay: shown as text)."""
    return re.sub(r"\\(.)", r"\1", markdown)


def panel(at: AppTest):
    return next(e for e in at.expander if e.label == "Add an article")


def test_the_panel_is_absent_unless_serve_allows_adding(folder, monkeypatch):
    monkeypatch.delenv("DASHBOARD_ALLOW_ADD")
    at = run()
    assert not at.exception and "Add an article" not in [e.label for e in at.expander]
    monkeypatch.setenv("DASHBOARD_ALLOW_ADD", "1")
    limits = panel(run()).caption[0].value
    assert "at most 2 MB each and 10 per upload" in limits and str(folder) in limits.replace("\\", "")


def test_pasted_text_is_read_before_saving_and_shows_on_the_page_after(folder):
    at = run()
    assert counts(at).startswith("**16** of 16")
    at.text_area(key="add_paste_0").input(ARTICLE).run()
    shown = plain("\n".join(m.value for m in panel(at).markdown))
    assert "When: 4–6 March 2031" in shown and "Where: Ber (exact place) (on the map)" in shown
    assert "Side A: Mali; Wagner Group — state" in shown and "Side B: CSP-DPA — rebel" in shown
    # every mark escaped (the reader drops the **emphasis**, as it does in any copied page)
    assert "Battle of Ber &lt;img src=x onerror=alert(1)&gt; bold $x$ (2031)" in shown
    assert "<img" not in "".join(m.value for m in panel(at).markdown)
    assert panel(at).dataframe[0].value["figure"].tolist() == ["3", "20"]
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in (ROOT / "seeds").iterdir())  # not yet
    at.button(key="add_save_0").click().run()
    assert not at.exception
    assert counts(at).startswith("**17** of 17")
    saved = folder / "Battle_of_Ber_img_src_x_onerror_alert(1)_bold_x_(2031).txt"
    assert saved.read_text(encoding="utf-8") == ARTICLE
    assert any(s.value.startswith("Saved the pasted text as") for s in at.success)
    assert any(plain(s.value).startswith("Battle of Ber &lt;img") for s in at.subheader)  # the detail panel opened on it


def test_a_page_with_no_event_is_saved_only_when_the_user_says_so(folder):
    at = run()
    at.text_area(key="add_paste_0").input("Notes for the Kidal trip: buy water, call Moussa.").run()
    assert any(w.value == "No event was read from this page." for w in panel(at).warning)
    assert any("no recognisable structure" in c.value for c in panel(at).caption)
    assert at.button(key="add_save_0").disabled
    at.checkbox(key="add_force_0_0").check().run()
    at.button(key="add_save_0").click().run()
    assert (folder / "pasted_article.txt").is_file()
    problems = next(e for e in at.expander if e.label.startswith("Problems"))
    assert any(plain(m.value).startswith("**pasted_article.txt** · parse") for m in problems.markdown)  # listed, not lost


def test_an_article_already_in_the_folder_is_recognised_and_not_saved_again(folder):
    at = run()
    at.text_area(key="add_paste_0").input((folder / "002_2b72ca9f9093e46b.txt").read_text(encoding="utf-8")).run()
    assert any("Already in the articles folder as 002_2b72ca9f9093e46b.txt" in plain(i.value) for i in panel(at).info)
    assert at.button(key="add_save_0").disabled


def test_the_page_says_when_the_cache_is_off(folder, tmp_path, monkeypatch):
    (tmp_path / "blocker").write_text("a file where the cache folder should be")
    monkeypatch.setenv("DASHBOARD_CACHE", str(tmp_path / "blocker" / "cache"))
    loaders.load_catalogue.clear()
    try:
        at = run()
    finally:
        loaders.load_catalogue.clear()
    assert not at.exception and counts(at).startswith("**16** of 16")
    assert any(c.value.startswith("⚠ Cache off: the cache folder") for c in at.caption)


def test_allow_add_is_said_in_the_help_and_the_readme_and_refused_with_a_build_folder(capsys):
    from dashboard.__main__ import main

    with pytest.raises(SystemExit):
        main(["serve", "--help"])
    assert "--allow-add" in capsys.readouterr().out
    assert "serve --allow-add" in (ROOT / "README.md").read_text(encoding="utf-8")
    assert main(["serve", "--allow-add", "--catalogue", "out"]) == 2
    assert "cannot be used with --catalogue" in capsys.readouterr().err
