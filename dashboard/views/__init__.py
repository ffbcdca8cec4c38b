"""What the app shows, as plain data: tables made ready once (prepared), filters over them (filters, links for the
URL), one event's detail panel (detail) and a place's history (history)."""
from dashboard.views.detail import event_detail
from dashboard.views.filters import (
    GAPS, KIND_LABELS, KINDS, SOURCES, FilterError, FilterState, faction_mask, faction_options, filter_events,
    filter_mask, gap_mask, selected_rows,
)
from dashboard.views.history import UnknownEventError, events_at_place
from dashboard.views.links import parse_query_params
from dashboard.views.prepared import (
    HELPER_COLUMNS, is_prepared, place_key, prepare_events, prepare_parties, public_columns,
)

__all__ = [
    "GAPS", "HELPER_COLUMNS", "KIND_LABELS", "KINDS", "SOURCES", "gap_mask", "FilterError", "FilterState",
    "UnknownEventError", "event_detail", "events_at_place",
    "faction_mask", "faction_options", "filter_events", "filter_mask", "is_prepared", "parse_query_params",
    "place_key", "prepare_events", "prepare_parties", "public_columns", "selected_rows",
]
