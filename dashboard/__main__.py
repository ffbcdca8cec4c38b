"""Command line: `python -m dashboard build` writes the events tables; `python -m dashboard serve` starts the app;
`python -m dashboard evaluate` measures the parser on articles a person has labelled."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from dashboard import paths
from dashboard.catalogue import Catalogue, build_catalogue, write_catalogue

APP = Path(__file__).with_name("web") / "app.py"


def parser() -> tuple[argparse.ArgumentParser, dict[str, argparse.ArgumentParser]]:
    """The command line, and each command's own parser (so a wrong option is answered with that command's usage)."""
    top = argparse.ArgumentParser(prog="python -m dashboard", description=__doc__)
    commands = top.add_subparsers(dest="command", required=True)
    build = commands.add_parser("build", help="parse every article and write events.csv, claims.csv, problems.csv",
                                description="Parse every article of a folder and write its tables as CSV.")
    build.add_argument("--seeds", type=Path, default=None, help=f"folder of articles ({paths.ARTICLES_RULE})")
    build.add_argument("--gazetteer", type=Path, default=paths.GAZETTEER,
                       help="gazetteer CSV (default: the package's data/gazetteer.csv)")
    build.add_argument("--out", type=Path, default=Path("out"), help="folder for the CSV files (default: out)")
    build.add_argument("--dataset", type=Path, action="append", default=[], metavar="FILE",
                       help="a UCDP GED or ACLED file (CSV, gzip or plain) whose events join the articles'; repeatable")
    serve = commands.add_parser("serve", help="start the dashboard (Streamlit)",
                                description="Start the dashboard on this machine (Streamlit).")
    serve.add_argument("--port", type=int, default=8501)
    serve.add_argument("--address", default="127.0.0.1")
    serve.add_argument("--seeds", type=Path, default=None, help=f"folder of articles to parse ({paths.ARTICLES_RULE})")
    serve.add_argument("--catalogue", type=Path,
                       help="serve a folder written by `build` (events.csv, claims.csv…) instead of parsing articles")
    serve.add_argument("--dataset", type=Path, action="append", default=[], metavar="FILE",
                       help="a UCDP GED or ACLED file shown beside the articles; repeatable")
    serve.add_argument("--allow-add", action="store_true",
                       help="show an 'Add an article' panel that saves uploaded or pasted articles into the served "
                            "articles folder (off by default, because it writes to disk)")
    evaluate = commands.add_parser(
        "evaluate", description="Compare what the parser reads with what a person read.", help="parse a folder of labelled articles and say what differs from what a person read in them, "
                         "then how often the parser is right; with no folder, the seeds against their golden files")
    evaluate.add_argument("articles", type=Path, nargs="?", help="folder of articles")
    evaluate.add_argument("truth", type=Path, nargs="?", help="truth CSV: file, start_date, end_date, side1, side2, "
                          "latitude, longitude (one row per article; see tests/corpus/README.md)")
    evaluate.add_argument("--claims", type=Path, default=None,
                          help="casualty truth CSV: file, side, kind, low, claimed_by, text")
    evaluate.add_argument("--gazetteer", type=Path, default=paths.GAZETTEER, help="gazetteer CSV")
    evaluate.add_argument("--all", action="store_true", help="name every article, also those read right")
    evaluate.add_argument("--seeds", type=Path, default=None,
                          help=f"with no folder: the articles the golden files name ({paths.ARTICLES_RULE})")
    evaluate.add_argument("--golden", type=Path, default=paths.GOLDEN,
                          help="with no folder: the hand-read seed files (default: tests/golden of a checkout)")
    return top, {"build": build, "serve": serve, "evaluate": evaluate}


def main(argv: list[str] | None = None) -> int:
    top, commands = parser()
    args, unknown = top.parse_known_args(argv)
    if unknown:
        commands[args.command].error(f"unrecognized arguments: {' '.join(unknown)}")  # exits 2 with its usage
    if args.command == "build":
        return run_build(args.seeds, args.gazetteer, args.out, args.dataset)
    if args.command == "evaluate":
        if args.articles is None:
            return run_evaluate_seeds(args.seeds, args.golden, args.gazetteer)
        if args.truth is None:
            print("error: evaluate ARTICLES needs its truth CSV too (evaluate ARTICLES TRUTH [--claims CLAIMS])",
                  file=sys.stderr)
            return 2
        return run_evaluate(args.articles, args.truth, args.claims, args.gazetteer, args.all)
    if args.allow_add and args.catalogue is not None:
        return _refuse("--allow-add saves articles into the articles folder; it cannot be used with --catalogue")
    return run_serve(args.port, args.address, args.catalogue, args.seeds, args.allow_add, args.dataset)


def _refuse(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return 2


def catalogue_problem(folder: Path) -> str | None:
    """Why a folder cannot be served as a `build` catalogue, or None."""
    if not folder.is_dir():
        return f"no such folder: {folder} (give a folder written by `python -m dashboard build`)"
    missing = [name for name in ("events.csv", "claims.csv") if not (folder / name).is_file()]
    if missing:
        return f"{folder} is not a folder written by `build`: no {' or '.join(missing)} in it"
    return None


def check_datasets(datasets: list[Path]) -> str | None:
    """The error a dataset file would stop at (no such file, not a dataset we know and what its header lacks)."""
    from dashboard.datasets import DatasetError, detect

    for path in datasets:
        try:
            detect(path)
        except DatasetError as error:
            return str(error)
    return None


def run_build(seeds: Path | None, gazetteer: Path, out: Path, datasets: list[Path] | None = None) -> int:
    from dashboard.datasets import DatasetError

    seeds = paths.default_articles() if seeds is None else seeds
    if not seeds.is_dir():
        return _refuse(f"no such folder of articles: {seeds}")
    if not gazetteer.is_file():
        return _refuse(f"no such gazetteer file: {gazetteer}")
    refused = check_datasets(datasets or [])
    if refused:
        return _refuse(refused)
    try:
        catalogue = build_catalogue(seeds, gazetteer, datasets or [])
    except DatasetError as error:  # the file changed between the check and the read
        return _refuse(str(error))
    print(build_report(catalogue))
    for path in write_catalogue(catalogue, out):
        print(f"wrote {path}")
    return 0


def build_report(catalogue: Catalogue) -> str:
    """One line per article (events found, problems) and a total."""
    lines = []
    kept = set(catalogue.events["event_id"])
    for article in catalogue.articles:
        own = sum(e.kind == "article" for e in article.events)
        related = sum(e.kind == "related" and e.event_id in kept for e in article.events)
        merged = sum(e.kind == "related" and e.event_id not in kept for e in article.events)
        problems = int((catalogue.problems["source_file"] == article.source_file).sum())
        shape = article.shape or "unreadable"
        extra = f" + {related} related ({merged} merged into other articles, {article.people_or_groups} people/groups skipped)" \
            if related or merged or article.people_or_groups else ""
        lines.append(f"{article.source_file}: {shape}, {own} article event{'s' * (own != 1)}{extra}, {problems} problems")
    events = catalogue.events
    located = int(events["latitude"].notna().sum())
    lines.append(f"total: {len(catalogue.articles)} articles, {len(events)} events "
                 f"({int((events['kind'] == 'article').sum())} article, {int((events['kind'] == 'related').sum())} related, "
                 f"{catalogue.merged} summaries merged), {len(catalogue.claims)} claims, {located} located, "
                 f"{len(catalogue.problems)} problems")
    lines.extend(dataset_report(catalogue))
    return "\n".join(lines)


def dataset_report(catalogue: Catalogue) -> list[str]:
    """One line per dataset file (what it was read as, events, rows skipped, actors kept as written) and the links."""
    lines = []
    for detected in catalogue.datasets:
        name = Path(detected.path).name
        events = int((catalogue.events["source_file"] == name).sum())
        mine = catalogue.problems[catalogue.problems["source_file"] == name]["reason"]
        skipped = int(mine.str.contains("row skipped").sum())
        unknown = mine[mine.str.startswith("actor not among")].str.extract(r"written: (.*) \(\d+ events?\)$")[0]
        lines.append(f"{name}: {detected.describe()}; {events} events, {skipped} rows skipped"
                     + (f", actors kept as written: {', '.join(unknown)}" if len(unknown) else ""))
    if catalogue.links is not None:
        articles = catalogue.links["event_id"].nunique()
        lines.append(f"links: {len(catalogue.links)} between {articles} article events and dataset events")
    return lines


def run_evaluate(articles: Path, truth: Path, claims: Path | None, gazetteer: Path, every_article: bool) -> int:
    from dashboard.evaluate.corpus import TruthError, evaluate_folder

    if not articles.is_dir():
        print(f"error: no such folder of articles: {articles}", file=sys.stderr)
        return 2
    try:
        report = evaluate_folder(articles, truth, claims, gazetteer)
    except TruthError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"{len(report.articles)} labelled articles in {articles}, compared with {truth}"
          + (f" and {claims}" if claims else "") + "\n")
    print(report.text(every_article=every_article))
    return 0


def run_evaluate_seeds(seeds: Path | None, golden: Path, gazetteer: Path) -> int:
    from dashboard.evaluate.seeds import GoldenError, seeds_report

    seeds = paths.default_articles() if seeds is None else seeds
    if not seeds.is_dir():
        print(f"error: no such folder of articles: {seeds}", file=sys.stderr)
        return 2
    try:
        print(seeds_report(seeds, golden, gazetteer))
    except GoldenError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


def run_serve(port: int, address: str, catalogue: Path | None = None, seeds: Path | None = None,
              allow_add: bool = False, datasets: list[Path] | None = None) -> int:
    refused = check_datasets(datasets or [])
    if refused:
        return _refuse(refused)
    if catalogue is not None:
        problem = catalogue_problem(catalogue)
        if problem:
            return _refuse(problem)
        os.environ["DASHBOARD_CATALOGUE"] = str(catalogue.resolve())
    else:
        # Resolved here, by the same rule as `build`, so the server reads what `build` would ($DASHBOARD_SEEDS, as
        # the tests set it, when no --seeds is given).
        if seeds is None:
            seeds = Path(os.environ["DASHBOARD_SEEDS"]) if os.environ.get("DASHBOARD_SEEDS") else paths.default_articles()
        if not seeds.is_dir():
            return _refuse(f"no such folder of articles: {seeds}")
        os.environ["DASHBOARD_SEEDS"] = str(seeds.resolve())
    if datasets:
        os.environ["DASHBOARD_DATASETS"] = os.pathsep.join(str(p.resolve()) for p in datasets)
    os.environ.pop("DASHBOARD_ALLOW_ADD", None)  # the panel is there only when this command allows it
    if allow_add:
        os.environ["DASHBOARD_ALLOW_ADD"] = "1"
        print(f"  Adding articles is allowed: they are saved into {os.environ['DASHBOARD_SEEDS']}", file=sys.stderr,
              flush=True)
    from streamlit.web import cli as streamlit_cli

    from dashboard.map import assets
    from dashboard.web import loaders, warm_up

    # The offline Leaflet files are written before Streamlit starts: it walks the static folder as it starts,
    # and a file appearing meanwhile (a fresh clone) made it fail.
    assets.ensure_static_files(loaders.STATIC_DIR)
    # Streamlit runs in this process (no wrapper holding memory beside it, and stopping `serve` stops the
    # server); the warm-up fills the shared caches meanwhile, so the first visitor does not pay for them.
    warm_up.warm_up_when_serving()
    # No file watcher: it is for editing the app, and it walked every imported module's path after each run
    # (about half a second of the server's time per page load at 100k events, on this 2-core machine).
    sys.argv = ["streamlit", "run", str(APP), "--server.port", str(port), "--server.address", address,
                "--browser.gatherUsageStats", "false", "--server.enableStaticServing", "true", "--server.headless", "true",
                "--client.toolbarMode", "viewer", "--server.fileWatcherType", "none"]
    return streamlit_cli.main()


if __name__ == "__main__":
    sys.exit(main())
