"""Download buttons for exactly what the filters show; each file is built only when its button is clicked."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.catalogue import export
from dashboard.catalogue.tables import Catalogue


def export_buttons(catalogue: Catalogue, shown: pd.DataFrame) -> None:
    st.markdown("**Export exactly what the filters show**")
    c1, c2, c3 = st.columns(3)
    c1.download_button("Events (CSV)", data=lambda: export.events_csv(catalogue.with_text(shown)), file_name="events.csv",
                       mime="text/csv")
    c2.download_button("Claims (CSV)", data=lambda: export.claims_csv(catalogue.claims, shown), file_name="claims.csv",
                       mime="text/csv")
    c3.download_button("Events (GeoJSON)", data=lambda: export.events_geojson(catalogue.with_text(shown), catalogue.claims),
                       file_name="events.geojson", mime="application/geo+json")
