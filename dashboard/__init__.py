"""Mali War dashboard: articles → dated, sourced, geocoded events → map, filters, export."""
