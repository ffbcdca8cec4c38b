"""Download buttons for exactly what the filters show; each file is built only when its button is clicked."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.catalogue import export
from dashboard.catalogue.tables import Catalogue
from dashboard.views.control import filtered_control
from dashboard.views.filters import FilterState


def export_buttons(catalogue: Catalogue, shown: pd.DataFrame, state: FilterState | None = None) -> None:
    st.markdown("**Export exactly what the filters show**")
    c1, c2, c3, c4, c5 = st.columns(5)
    c1.download_button("Events (CSV)", data=lambda: export.events_csv(catalogue.with_text(shown)), file_name="events.csv",
                       mime="text/csv")
    c2.download_button("Claims (CSV)", data=lambda: export.claims_csv(catalogue.claims, shown), file_name="claims.csv",
                       mime="text/csv")
    c3.download_button("Events (GeoJSON)", data=lambda: export.events_geojson(catalogue.with_text(shown), catalogue.claims),
                       file_name="events.geojson", mime="application/geo+json")
    c4.download_button("Control changes (CSV)", file_name="control.csv", mime="text/csv",
                       data=lambda: export.control_csv(filtered_control(catalogue.control, state) if state is not None
                                                       else catalogue.control))
    c5.download_button("Episodes (CSV)", data=lambda: export.episodes_csv(catalogue.episodes, shown),
                       file_name="episodes.csv", mime="text/csv")
