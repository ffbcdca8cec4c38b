"""Benchmark the dashboard on synthetic data and print the figures beside the targets (never asserted).

    python bench/run.py [--quick] [--no-browser] [--out results.json] [--compare OLD.json]

Measures parsing and geocoding of a synthetic corpus, the cold load, filter and map build on synthetic catalogues
of 1k, 10k and 100k events, and, in headless Chromium against the running app (`python -m dashboard serve
--catalogue DIR`), the time from page load to markers on the map, from a filter change to the updated table and
map, and the server's peak memory. Writes every figure to a JSON file so two runs can be compared.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # `python bench/run.py` from a checkout, installed or not

from bench.browser_case import measure_browser  # noqa: E402
from bench.browser_page import browser_skip_reason  # noqa: E402
from bench.catalogue_case import FILTER, measure_articles, measure_catalogue  # noqa: E402
from bench.dataset_case import dataset_files, measure_datasets  # noqa: E402
from bench.figures import Results  # noqa: E402
from bench.other_apps import measure_baseline, measure_fragment  # noqa: E402
from bench.run_report import TARGETS, compare, report  # noqa: E402
from dashboard.web import loaders  # noqa: E402,F401  (unused here; as before, Streamlit is imported before any timing)

DEFAULT_OUT = ROOT / "bench" / "results" / "latest.json"
FULL_SIZES, QUICK_SIZES = (1_000, 10_000, 100_000), (200,)
FULL_ARTICLES, QUICK_ARTICLES = 1_000, 50
# The dataset case: the largest article catalogue plus GED- and ACLED-shaped files, this many events in all.
FULL_DATASET_EVENTS, QUICK_DATASET_EVENTS = 1_000_000, 1_000


def _loads(loads) -> str:
    return " ".join(f"{x:.1f}" for x in loads)


def _git_commit() -> str:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                              timeout=5).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


def run(args: argparse.Namespace) -> dict:
    sizes = args.sizes or list(QUICK_SIZES if args.quick else FULL_SIZES)
    n_articles = args.articles or (QUICK_ARTICLES if args.quick else FULL_ARTICLES)
    repeats = 3 if args.quick else 7
    results = Results()
    skip = browser_skip_reason(args.no_browser)
    load_at_start = list(os.getloadavg())  # other work on the machine makes every figure slower
    largest: tuple[int, Path | None] = (0, None)
    columns = list(sizes)
    with tempfile.TemporaryDirectory(prefix="dashboard-bench-") as tmp:
        work = Path(tmp)
        print(f"articles: {n_articles}", flush=True)
        with results.stage("articles"):
            measure_articles(results, n_articles, work)
        for n in sizes:
            print(f"catalogue: {n:,} events", flush=True)
            folder = None
            with results.stage(f"{n}_catalogue"):
                folder = measure_catalogue(results, n, work, repeats)
            if skip is None and folder is not None:
                print(f"browser: {n:,} events", flush=True)
                with results.stage(f"{n}_browser"):
                    measure_browser(results, n, folder, work, args.browser_timeout, warm=not args.quick)
                if args.fragments:
                    print(f"fragment variant: {n:,} events", flush=True)
                    with results.stage(f"{n}_fragment"):
                        measure_fragment(results, n, folder, work, args.browser_timeout)
                if not args.no_baseline:
                    print(f"baseline app: {n:,} events", flush=True)
                    with results.stage(f"{n}_baseline"):
                        measure_baseline(results, n, folder, work, args.baseline_timeout)
            largest = (n, folder)
        total = args.dataset_events or (QUICK_DATASET_EVENTS if args.quick else FULL_DATASET_EVENTS)
        if not args.no_datasets and largest[1] is not None and total > largest[0]:
            print(f"datasets: {total:,} events ({largest[0]:,} from articles)", flush=True)
            files = dataset_files(results, total, largest[0], work)
            columns = [*sizes, total]
            if skip is None:  # the server's first start imports them: the figures after it read its store
                print(f"browser: {total:,} events with datasets", flush=True)
                with results.stage(f"{total}_browser"):
                    measure_browser(results, total, largest[1], work, args.browser_timeout, warm=not args.quick,
                                    datasets=tuple(files))
            with results.stage(f"{total}_catalogue"):
                cache = work / (f"server_cache_{total}" if skip is None else f"cache_{total}")
                measure_datasets(results, total, largest[1], files, cache, repeats)
        if skip:
            print(skip)
            results.notes.append(skip)
    meta = {"date": dt.datetime.now().isoformat(timespec="seconds"), "commit": _git_commit(),
            "load_average_at_start": load_at_start, "load_average_at_end": list(os.getloadavg()),
            "python": platform.python_version(), "machine": platform.machine(), "cpus": os.cpu_count(),
            "quick": args.quick, "sizes": sizes, "dataset_case": columns[len(sizes):], "articles": n_articles,
            "filter": FILTER,
            "browser": skip or "chromium"}
    table = report(results, columns)
    print()
    print(table)
    print(f"\nload average (1, 5, 15 min) at start {_loads(load_at_start)}, at end {_loads(os.getloadavg())}"
          f" on {os.cpu_count()} CPUs")
    return {"meta": meta, "figures": results.figures, "errors": results.errors, "notes": results.notes,
            "targets": {k: {"limit": v[0], "target": v[1]} for k, v in TARGETS.items()}}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="small sizes (200 events, 50 articles), for CI")
    parser.add_argument("--no-browser", action="store_true", help="skip the headless-Chromium part")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"JSON file (default {DEFAULT_OUT.relative_to(ROOT)})")
    parser.add_argument("--compare", type=Path, help="an earlier JSON file: print old and new figures side by side")
    parser.add_argument("--sizes", type=int, nargs="+", help="catalogue sizes (default 1000 10000 100000)")
    parser.add_argument("--articles", type=int, help="number of synthetic articles (default 1000)")
    parser.add_argument("--browser-timeout", type=float, default=180.0, help="seconds to wait for each browser step")
    parser.add_argument("--dataset-events", type=int,
                        help=f"events in the dataset case, articles included (default {FULL_DATASET_EVENTS:,}; "
                             f"--quick {QUICK_DATASET_EVENTS:,})")
    parser.add_argument("--no-datasets", action="store_true", help="skip the dataset (million-event) case")
    parser.add_argument("--no-baseline", action="store_true", help="skip the baseline app")
    parser.add_argument("--fragments", action="store_true",
                        help="also measure filter changes in the fragment variant of the page (bench/fragment_app.py)")
    parser.add_argument("--baseline-timeout", type=float, default=120.0,
                        help="seconds before a baseline step is stopped and reported unfinished")
    args = parser.parse_args(argv)
    results = run(args)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nwrote {args.out}")
    if args.compare:
        try:
            print("\n" + compare(json.loads(args.compare.read_text(encoding="utf-8")), results))
        except (OSError, ValueError) as exc:
            print(f"cannot compare with {args.compare}: {exc}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
