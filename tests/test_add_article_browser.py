"""`serve --allow-add` in headless Chromium: upload a real article, read the preview, save it, see it on the map;
another session sees it after its next rerun; an article edited or removed in the folder while the server runs
shows changed on the next rerun; a binary file is refused; without --allow-add the panel is absent."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from served_app import CHROMIUM, ROOT, chromium, counts, counts_when, map_shows, open_page, rerun, serve, settle, stop_group

SCREENSHOTS = Path(__file__).parent / "screenshots"
CORPUS = ROOT / "tests" / "corpus" / "articles"
if not CORPUS.is_dir():  # until the reader task's copy lands: the shared corpus it is copied from
    CORPUS = Path("/work/shared/corpus/articles")
UPLOADED = CORPUS / "09_battle_of_talataye_2022.txt"
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"no Debian chromium at {CHROMIUM}"),
    pytest.mark.skipif(not UPLOADED.is_file(), reason=f"no corpus article at {UPLOADED}"),
]
pytest.importorskip("playwright.sync_api", reason="playwright (the test extra) is not installed")


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    articles = tmp_path_factory.mktemp("articles")
    for path in (ROOT / "seeds").iterdir():
        shutil.copy(path, articles)
    return articles


@pytest.fixture(scope="module")
def app(folder, tmp_path_factory):
    work = tmp_path_factory.mktemp("server")
    server, url = serve(folder, work / "cache", work / "server.log", "--allow-add")
    try:
        yield url
    finally:
        stop_group(server)
        assert "Traceback" not in (work / "server.log").read_text(errors="replace")


@pytest.fixture(scope="module")
def browser():
    with chromium() as launched:
        yield launched


def panel(page):
    return page.locator('[data-testid="stExpander"]').filter(has_text="Add an article")


def test_upload_preview_save_and_see_it_on_the_map(app, browser, folder):
    SCREENSHOTS.mkdir(exist_ok=True)
    other = open_page(browser, app)  # a colleague's session, open before the article is added
    page = open_page(browser, app)
    assert counts(page).startswith("16 of 16 events shown")
    panel(page).get_by_text("Add an article").click()
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(UPLOADED))
    panel(page).get_by_text("Battle of Talataye (2022)").wait_for(timeout=60_000)
    settle(page)
    preview = panel(page).inner_text()
    assert "When: 6–7 September 2022" in preview and "Talataye" in preview and "Problem (" in preview
    assert "at most 2 MB each and 10 per upload" in preview
    panel(page).screenshot(path=str(SCREENSHOTS / "add_article_preview.png"))
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in (ROOT / "seeds").iterdir())
    page.get_by_role("button", name="Save 1 article").click()
    page.get_by_text("17 of 17 events shown").wait_for(timeout=120_000)
    settle(page)
    assert (folder / UPLOADED.name).read_bytes() == UPLOADED.read_bytes()
    assert "Saved 09_battle_of_talataye_2022.txt as 09_battle_of_talataye_2022.txt" in panel(page).inner_text()
    heading = page.locator('[data-testid="stMain"] h3').first.inner_text()
    assert heading == "Battle of Talataye (2022)"  # the detail panel opened on it
    event_id = page.evaluate("() => new URL(location.href).searchParams.get('event')")
    assert map_shows(page, event_id, 17)
    page.locator('[data-testid="stMain"] h1').first.scroll_into_view_if_needed()
    page.wait_for_timeout(500)
    page.screenshot(path=str(SCREENSHOTS / "add_article_saved.png"))

    assert counts(other).startswith("16 of 16")  # nothing is pushed into another session…
    rerun(other)
    assert counts(other).startswith("17 of 17")  # …it sees the article on its next rerun
    assert map_shows(other, event_id, 17)
    other.close()
    page.close()


def test_the_same_file_again_is_recognised_a_binary_refused_and_the_count_limited(app, browser):
    page = open_page(browser, app)
    panel(page).get_by_text("Add an article").click()
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
        [str(UPLOADED), str(ROOT / "tests" / "broken" / "binary.png")])
    panel(page).get_by_text("Already in the articles folder as").wait_for(timeout=60_000)
    settle(page)
    text = panel(page).inner_text()
    assert "binary.png: not taken: file is not text" in text
    assert page.get_by_role("button", name="Save 0 articles").is_disabled()
    page.close()
    page = open_page(browser, app)
    panel(page).get_by_text("Add an article").click()
    eleven = sorted(p for p in CORPUS.glob("*.txt") if p != UPLOADED)[:11]
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files([str(p) for p in eleven])
    panel(page).get_by_text("At most 10 files per upload: the last 1 was left out").wait_for(timeout=120_000)
    settle(page)
    text = panel(page).inner_text()
    assert text.count("→ saved as") == 10 and eleven[-1].name not in text  # ten read, the eleventh left out
    page.close()


def test_an_article_edited_or_removed_while_serving_shows_on_the_next_rerun(app, browser, folder):
    page = open_page(browser, app)
    before = counts(page)
    gao = next(p for p in folder.iterdir() if "The Battle of Gao" in p.read_text(encoding="utf-8", errors="replace"))
    original = gao.read_text(encoding="utf-8")
    gao.write_text(original.replace("Battle of Gao", "Battle of Gao (edited)"), encoding="utf-8")
    try:
        rerun(page)
        page.get_by_text("Battle of Gao (edited)").first.wait_for(state="attached", timeout=60_000)  # the table's cell
        aside = gao.rename(gao.with_name(".aside"))  # a dot-file is not an article
        rerun(page)
        total = lambda line: int(line.split(" of ")[1].split()[0])  # noqa: E731
        assert total(counts_when(page, lambda line: total(line) < total(before))) < total(before)
        aside.rename(gao)
    finally:
        gao.write_text(original, encoding="utf-8")
    rerun(page)
    assert counts_when(page, lambda line: line == before) == before
    page.close()


def test_without_allow_add_the_panel_is_absent(folder, browser, tmp_path):
    server, url = serve(folder, tmp_path / "cache", tmp_path / "server.log")
    try:
        page = open_page(browser, url)
        assert page.get_by_text("Add an article").count() == 0
        assert page.locator('[data-testid="stFileUploader"]').count() == 0
        page.close()
    finally:
        stop_group(server)
