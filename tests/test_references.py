"""The References list of an article as entries (dashboard/text/references.py), from the seeds and the corpus."""
from pathlib import Path

from dashboard.ingest.layout import read_article
from dashboard.text.references import parse_references, speaker_of_title

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "articles"


def references_of(path: Path):
    return parse_references(read_article(path.read_text(encoding="utf-8")).references)


def test_the_second_battle_of_kidal_references_with_back_links_publishers_and_dates():
    refs = references_of(ROOT / "seeds" / "003_499888a3b842d896.txt")
    assert [r.number for r in refs] == list(range(1, 9))
    assert (refs[6].title, refs[6].publisher, refs[6].date) == ("Mali says 50 soldiers killed in Kidal fighting",
                                                                "Reuters", "")
    assert (refs[1].title, refs[1].publisher, refs[1].date) == (
        "Mali : l'armée subit de lourdes pertes face au MNLA", "Le Point Afrique", "2014-08-19")
    # "RFI (21 May 2014). "Title". RFI.": the author's date is the publication date, "Retrieved …" is not
    assert (refs[2].publisher, refs[2].date) == ("RFI", "2014-05-21")
    assert refs[3].publisher == "economist.com" and refs[3].title.startswith("The war is far from over")


def test_caret_lists_and_a_corpus_page():
    path = CORPUS / "10_fall_of_anderamboukane_2012.txt"
    refs = references_of(path) if path.is_file() else parse_references(
        '  1. ^ "Une semaine dans l\'Azawad". www.mnlamov.net.\n  2. ^ "Nord-Mali : l\'armée". 26 January 2012.')
    assert (refs[0].number, refs[0].title, refs[0].publisher) == (1, "Une semaine dans l'Azawad", "www.mnlamov.net")
    assert refs[1].date == "2012-01-26" and refs[1].publisher == ""


def test_unnumbered_entries_urls_links_and_citation_templates():
    refs = parse_references("- ^ a b \"First\". AFP. 2 June 2014. https://example.org/first\n"
                            "* {{cite news |title=Mali says 20 rebels killed |url=https://news.example/x |work=Reuters "
                            "|date=3 June 2014}}\n"
                            "[7] [Jeune Afrique story](https://ja.example/y). Jeune Afrique.\n"
                            "  continued on a second line")
    assert [(r.number, r.title, r.publisher, r.date, r.url) for r in refs] == [
        (1, "First", "AFP", "2014-06-02", "https://example.org/first"),
        (2, "Mali says 20 rebels killed", "Reuters", "2014-06-03", "https://news.example/x"),
        (7, "Jeune Afrique story", "Jeune Afrique", "", "https://ja.example/y")]
    assert refs[2].text.endswith("continued on a second line")


def test_whom_a_headline_has_speaking():
    assert speaker_of_title("Mali says 50 soldiers killed in Kidal fighting") == "Mali"
    assert speaker_of_title("UPDATE 2-Malian army says 20 rebels killed") == "Malian army"
    assert speaker_of_title("Selon le MNLA, 30 soldats tués") == "le MNLA"
    assert speaker_of_title("Mali : libération de la trentaine d'otages à Kidal") == ""
    assert speaker_of_title("Gunmen kill 12 soldiers in central Mali") == ""
