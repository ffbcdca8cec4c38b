"""The catalogue made ready for the app: its events and parties prepared for filtering (views.prepared), once.

A catalogue read from a disk store keeps them there, so the next start reads them instead (a million events take
seconds to sort and key).
"""
from __future__ import annotations

from dashboard.catalogue import store
from dashboard.catalogue.compact import compact
from dashboard.catalogue.tables import Catalogue
from dashboard.views.prepared import is_prepared, prepare_events, prepare_parties


def prepare_catalogue(catalogue: Catalogue) -> Catalogue:
    """The catalogue with its events and parties made ready for filtering (in place; returned for chaining)."""
    if is_prepared(catalogue.events) and "_at" in catalogue.parties.columns:
        return catalogue
    catalogue.events = compact(prepare_events(catalogue.events))
    catalogue.parties = compact(prepare_parties(catalogue.parties, catalogue.events))
    catalogue.claims = compact(catalogue.claims)
    if catalogue.text is not None:
        store.keep_prepared(catalogue.text.path.parent, {"events": catalogue.events, "parties": catalogue.parties,
                                                         "claims": catalogue.claims})
    store.release_unused_memory()
    return catalogue
