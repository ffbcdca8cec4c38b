"""The catalogue: every article's events in tables (build), merged (merge), kept on disk (store, cache) and made ready
for the app (prepared), written and read as CSV (files) and exported (export)."""
from dashboard.catalogue.build import article_files, build_catalogue, catalogue_from_articles, load_gazetteer
from dashboard.catalogue.cache import cached_catalogue, cached_prebuilt
from dashboard.catalogue.fingerprints import code_fingerprint, corpus_fingerprint
from dashboard.catalogue.files import read_catalogue, write_catalogue
from dashboard.catalogue.merge import merge_related, same_event
from dashboard.catalogue.prepared import prepare_catalogue
from dashboard.catalogue.tables import (
    DERIVED_COLUMNS, Catalogue, claims_frame, events_frame, parties_frame, problems_frame, with_derived,
)

__all__ = [
    "DERIVED_COLUMNS", "Catalogue", "article_files", "build_catalogue", "cached_catalogue", "cached_prebuilt",
    "catalogue_from_articles", "claims_frame", "code_fingerprint", "corpus_fingerprint", "events_frame",
    "load_gazetteer", "merge_related", "parties_frame", "prepare_catalogue", "problems_frame", "read_catalogue", "same_event",
    "with_derived", "write_catalogue",
]
