"""The war's parties: who they are (vocabulary), how a name as written is read (names), which camp a party and
a side are in within one event (alignment), and every event's parties as one table (table)."""
from dashboard.parties.alignment import (
    event_alignments, event_year, firm_alignments, opponents, party_alignment, side_alignment, side_alignment_against,
)
from dashboard.parties.names import (
    PartyRef, canonical_party, cell_parties, coalition_of_choice, expand_faction, parse_party, party_label,
    split_parties, tidy,
)
from dashboard.parties.table import PARTY_COLUMNS, parties_of_events, parties_of_frame, side_alignment_columns
from dashboard.parties.vocabulary import (
    ALIGNMENTS, COALITIONS, FACTION_SWITCHES, PARENT_GROUPS, PARTIES, Coalition, Member, Party,
)

__all__ = [
    "ALIGNMENTS", "COALITIONS", "FACTION_SWITCHES", "PARENT_GROUPS", "PARTIES", "PARTY_COLUMNS", "Coalition", "Member",
    "Party", "PartyRef", "canonical_party", "cell_parties", "coalition_of_choice", "event_alignments", "event_year",
    "expand_faction", "firm_alignments", "opponents", "parse_party", "parties_of_events", "parties_of_frame",
    "party_alignment", "party_label", "side_alignment", "side_alignment_against", "side_alignment_columns",
    "split_parties", "tidy",
]
