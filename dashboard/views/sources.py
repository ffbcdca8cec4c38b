"""Where an event comes from, as a reader expects it: the article's title, the site it was copied from and its
address when the catalogue has one, the other articles that describe it, the references its claims cite (publisher,
title, address, from the claims' footnotes); the file name only as a technical detail."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlparse

import pandas as pd

from dashboard.views.filters import KINDS


@dataclass(frozen=True)
class Source:
    title: str  # the article's title ("Second Battle of Kidal"); the file name when it gave none
    file: str  # the file it was read from
    url: str = ""  # the page it was copied from, when known
    site: str = ""  # that page's site ("wikimili.com")
    role: str = "article"  # "article" (the event's own) or "also" (another article describing the event)


@dataclass(frozen=True)
class Reference:
    footnote: str  # the marker as written ("8")
    title: str  # the reference's headline as the References list gives it
    publisher: str
    url: str = ""


def cited_references(claims_for_event: pd.DataFrame) -> list[Reference]:
    """The references the event's claims cite, once each, in footnote order."""
    if claims_for_event.empty or "reference" not in claims_for_event.columns:
        return []
    cited = claims_for_event.reindex(columns=["footnote", "reference", "reference_publisher", "reference_url"])
    cited = cited.fillna("").astype(str)
    cited = cited[(cited["reference"] != "") | (cited["reference_publisher"] != "")].drop_duplicates()
    number = pd.to_numeric(cited["footnote"], errors="coerce")
    cited = cited.assign(_n=number).sort_values(["_n", "footnote"], kind="stable", na_position="last")
    return [Reference(r.footnote, r.reference, r.reference_publisher, r.reference_url) for r in cited.itertuples()]


def article_titles(events: pd.DataFrame) -> pd.Series:
    """Each article file's title: the title of its own (kind "article") event, else of its first event. A dataset
    file (UCDP GED, ACLED) has no title of its own: it is named by its file name."""
    events = events[events["kind"].isin(KINDS).to_numpy(dtype=bool, na_value=False)] if "kind" in events.columns else events
    if events.empty:
        return pd.Series(dtype=object)
    ranked = events.assign(_own=(events["kind"] != "article").astype(int)).sort_values("_own", kind="stable")
    first = ranked.drop_duplicates("source_file")
    return pd.Series(first["title"].astype(object).to_numpy(), index=first["source_file"].astype(object).to_numpy())


def site_of(url: Any) -> str:
    """The host of a page address, without "www." ("https://www.wikizero.net/wiki/…" -> "wikizero.net")."""
    if not isinstance(url, str) or not url.strip():
        return ""
    host = urlparse(url.strip()).hostname or ""
    return host[4:] if host.startswith("www.") else host


def event_sources(row: pd.Series, also_described_in: list[str], titles: pd.Series) -> list[Source]:
    """The event's own article, then every other article merged into it, each named by its title."""
    def title_of(file: str) -> str:
        title = titles.get(file)
        return title if isinstance(title, str) and title.strip() else file

    own_file = str(row.get("source_file") or "")
    url = row.get("source_url") if isinstance(row.get("source_url"), str) else ""
    sources = [Source(title_of(own_file), own_file, url, site_of(url))] if own_file else []
    return sources + [Source(title_of(file), file, role="also") for file in also_described_in]
