"""UCDP GED and ACLED files beside the articles: one module per source behind one contract (base.Source), their
actors mapped onto our parties (actors), their events linked to the articles' (link) and the articles' events
written in their vocabulary (export)."""
from dashboard.datasets.acled import Acled
from dashboard.datasets.base import (
    DatasetError, DatasetTables, Detected, Source, UnknownHeadersError, UnreadableFileError, detect,
)
from dashboard.datasets.reading import iter_dataset, read_dataset
from dashboard.datasets.cells import region_names
from dashboard.datasets.ucdp import UcdpGed

# Every source we read, by key (an event's kind): the lookup error lists these.
SOURCES: dict[str, Source] = {source.key: source for source in (UcdpGed(), Acled())}
DATASET_KINDS = tuple(SOURCES)

__all__ = [
    "DATASET_KINDS", "SOURCES", "Acled", "DatasetError", "DatasetTables", "Detected", "Source", "UcdpGed",
    "UnknownHeadersError", "UnreadableFileError", "detect", "iter_dataset", "read_dataset", "region_names",
]
