"""The benchmark's report: the targets, the table of figures beside them, and two runs compared."""
from __future__ import annotations

from typing import Any

from bench.figures import Results

# Targets from issue 5, for 100k events: (figure key suffix, limit, unit, what the target says).
TARGETS: dict[str, tuple[float, str]] = {
    "filter_ms": (100, "filter change updates the table < 100 ms"),
    "browser_filter_to_table_s": (0.1, "filter change updates the table < 100 ms"),
    "browser_filter_to_map_s": (2.0, "map on screen < 2 s after a filter change"),
    "browser_load_to_markers_s": (3.0, "page load to markers < 3 s"),
    "browser_warm_load_to_markers_s": (3.0, "page load to markers < 3 s"),
    "browser_restart_load_to_markers_s": (3.0, "page load to markers < 3 s"),
    "map_payload_mb": (5.0, "map payload < ~5 MB"),
    "filtered_map_payload_mb": (5.0, "map payload < ~5 MB"),
    "server_peak_rss_mb": (1024, "server memory < 1 GB"),
    "server_restart_peak_rss_mb": (1024, "server memory < 1 GB"),
    "articles_parse_and_geocode_s": (5.0, "1,000 articles parsed and geocoded < 5 s"),
    "build_catalogue_s": (5.0, "1,000 articles parsed and geocoded < 5 s"),
}
# Issue 16's targets at a million events, where they differ from those at 100k.
MILLION_TARGETS: dict[str, tuple[float, str]] = {
    "server_peak_rss_mb": (1536, "server memory < 1.5 GB at 1M"),
    "server_restart_peak_rss_mb": (1536, "server memory < 1.5 GB at 1M"),
}
ROWS: list[tuple[str, str, str]] = [  # (figure key suffix, label, unit)
    ("generate_s", "generate synthetic catalogue", "s"),
    ("events_csv_mb", "events.csv size", "MB"),
    ("store_convert_s", "CSV -> disk store, read back", "s"),
    ("prepare_events_s", "read again + prepare + keep in the store", "s"),
    ("cold_load_s", "cold load = convert + prepare", "s"),
    ("warm_load_s", "warm load (restart): read prepared store", "s"),
    ("events_frame_mb", "shared events table in memory", "MB"),
    ("claims_frame_mb", "shared claims table in memory", "MB"),
    ("event_text_ms", "one event's text from disk (median)", "ms"),
    ("distinct_sides_year", "distinct (side_a, side_b, side_c, year)", ""),
    ("filter_ms", "filter_events date+faction+region (median)", "ms"),
    ("filter_rows", "  rows matching", ""),
    ("filter_none_ms", "filter_events, no filter (median)", "ms"),
    ("widgets_prep_ms", "sidebar choices: factions, regions, dates", "ms"),
    ("fingerprint_ms", "corpus_fingerprint of the folder (median)", "ms"),
    ("map_build_s", "build_map, all events", "s"),
    ("map_render_s", "  render to HTML", "s"),
    ("map_payload_mb", "  map payload (localised HTML)", "MB"),
    ("map_deepcopy_s", "  copy.deepcopy of the map (per render)", "s"),
    ("st_folium_s", "  st_folium, Python side (per render)", "s"),
    ("filtered_map_build_s", "build_map, filtered events", "s"),
    ("filtered_map_payload_mb", "  filtered map payload", "MB"),
    ("filtered_st_folium_s", "  st_folium, filtered map", "s"),
    ("browser_server_start_s", "browser: server up (health)", "s"),
    ("browser_data_ready_s", "browser: server start -> data ready (cold)", "s"),
    ("browser_load_to_table_s", "browser: page load -> summary line", "s"),
    ("browser_load_to_markers_s", "browser: page load -> markers", "s"),
    ("browser_filter_to_table_s", "browser: filter change -> summary line", "s"),
    ("browser_filter_to_map_s", "browser: filter change -> map redrawn", "s"),
    ("browser_warm_load_to_markers_s", "browser: warm load (?region=) -> markers", "s"),
    ("server_peak_rss_mb", "server peak RSS (process tree)", "MB"),
    ("server_final_rss_mb", "server RSS at the end", "MB"),
    ("browser_restart_data_ready_s", "browser: restart -> data ready (warm cache)", "s"),
    ("browser_restart_load_to_markers_s", "browser: restart, page load -> markers", "s"),
    ("server_restart_peak_rss_mb", "server peak RSS after a restart", "MB"),
    ("dataset_files_mb", "dataset files (GED + ACLED shaped)", "MB"),
    ("events", "events in the catalogue", ""),
    ("links", "  article events linked to dataset events", ""),
    ("parties_frame_mb", "shared parties table in memory", "MB"),
    ("filter_mask_ms", "filter_mask date+faction+region (median)", "ms"),
    ("source_filter_ms", "source filter (UCDP only, median)", "ms"),
    ("gap_filter_ms", "gap filter (not in UCDP, no ACLED)", "ms"),
    ("fragment_filter_to_table_s", "fragment variant: filter -> summary line", "s"),
    ("fragment_filter_to_map_s", "fragment variant: filter -> map redrawn", "s"),
    ("baseline_load_to_markers_s", "baseline app: page load -> markers", "s"),
    ("baseline_filter_to_map_s", "baseline app: filter change -> map", "s"),
    ("baseline_stopped_after_s", "baseline app: stopped unfinished after", "s"),
    ("baseline_server_peak_rss_mb", "baseline app: server peak RSS", "MB"),
]
ARTICLE_ROWS = [
    ("articles_count", "articles (4 shapes)", ""),
    ("articles_shapes", "  shapes read", ""),
    ("articles_parse_s", "parse_file over the corpus", "s"),
    ("articles_per_s", "  articles parsed per second", "/s"),
    ("articles_events", "  events found", ""),
    ("articles_dated_events", "  events with dates", ""),
    ("gazetteer_load_s", "Gazetteer.from_csv", "s"),
    ("geocode_s", "place_events over those events", "s"),
    ("geocode_events_per_s", "  events geocoded per second", "/s"),
    ("geocode_located", "  events located", ""),
    ("articles_parse_and_geocode_s", "parse + geocode", "s"),
    ("build_catalogue_s", "build_catalogue (cold load from articles)", "s"),
]


def _format(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:,.3f}" if abs(value) < 10 else f"{value:,.1f}"
    return f"{value:,}" if isinstance(value, int) else str(value)


def _target(suffix: str, value: Any, events: int = 0) -> str:
    targets = {**TARGETS, **MILLION_TARGETS} if events >= 1_000_000 else TARGETS
    if suffix not in targets or not isinstance(value, (int, float)):
        return ""
    limit, text = targets[suffix]
    return f"{'met ' if value <= limit else 'MISSED'}  ({text})"


def report(results: Results, sizes: list[int]) -> str:
    f = results.figures
    lines = [f"{'articles':<44} {'value':>12}  target"]
    for key, label, unit in ARTICLE_ROWS:
        if isinstance(f.get(key), str):
            lines.append(f"{label:<44} {f[key]}")
        elif key in f or key in results.errors:
            value = f.get(key, "error")
            lines.append(f"{label:<44} {_format(value):>12} {unit:<3} {_target(key, value)}")
    head = "".join(f"{f'{n:,} events':>16}" for n in sizes)
    lines += ["", f"{'per catalogue size':<44}{head}  target (for 100k events)"]
    for suffix, label, unit in ROWS:
        keys = [f"{n}_{suffix}" for n in sizes]
        if not any(k in f or k in results.errors for k in keys):
            continue
        cells = "".join(f"{_format(f.get(k, 'error' if k in results.errors else None)):>16}" for k in keys)
        last = f.get(keys[-1])
        lines.append(f"{label + (f' ({unit})' if unit else ''):<44}{cells}  {_target(suffix, last, sizes[-1])}")
    ratios = []
    for n in sizes:
        for ours, theirs, what in (("browser_load_to_markers_s", "baseline_load_to_markers_s", "page load"),
                                   ("browser_filter_to_map_s", "baseline_filter_to_map_s", "filter change")):
            a, b = f.get(f"{n}_{ours}"), f.get(f"{n}_{theirs}")
            if isinstance(a, (int, float)) and isinstance(b, (int, float)) and b:
                ratios.append(f"  {n:,} events, {what}: ours {a:.2f} s / baseline {b:.2f} s = {a / b:.2f}")
            elif isinstance(a, (int, float)) and f.get(f"{n}_baseline_stopped_after_s") and not isinstance(b, (int, float)):
                ratios.append(f"  {n:,} events, {what}: ours {a:.2f} s / baseline did not finish "
                              f"(stopped after {f[f'{n}_baseline_stopped_after_s']:.0f} s)")
    if ratios:
        lines += ["", "ours / baseline (the way folium and streamlit-folium document it):", *ratios]
    if results.errors:
        lines += ["", "errors:"] + [f"  {k}: {v}" for k, v in results.errors.items()]
    if results.notes:
        lines += ["", "notes:"] + [f"  {n}" for n in results.notes]
    return "\n".join(lines)


def compare(old: dict, new: dict) -> str:
    """Old and new value of every numeric figure both runs have, with the relative change."""
    before, after = old.get("figures", {}), new.get("figures", {})
    lines = [f"{'figure':<44} {'old':>12} {'new':>12} {'change':>9}"]
    for key in sorted(set(before) & set(after)):
        a, b = before[key], after[key]
        if isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool):
            change = f"{(b - a) / a * 100:+.0f}%" if a else "n/a"
            lines.append(f"{key:<44} {_format(a):>12} {_format(b):>12} {change:>9}")
    for key in sorted(set(before) ^ set(after)):
        lines.append(f"{key:<44} {'only in ' + ('old' if key in before else 'new'):>35}")
    return "\n".join(lines)
