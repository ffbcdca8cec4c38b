"""Command line: `python -m dashboard build` writes the events tables; `python -m dashboard serve` starts the app."""
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
    serve = commands.add_parser("serve", help="start the dashboard (Streamlit)",
                                description="Start the dashboard on this machine (Streamlit).")
    serve.add_argument("--port", type=int, default=8501)
    serve.add_argument("--address", default="127.0.0.1")
    serve.add_argument("--seeds", type=Path, default=None, help=f"folder of articles to parse ({paths.ARTICLES_RULE})")
    serve.add_argument("--catalogue", type=Path,
                       help="serve a folder written by `build` (events.csv, claims.csv…) instead of parsing articles")
    serve.add_argument("--allow-add", action="store_true",
                       help="show an 'Add an article' panel that saves uploaded or pasted articles into the served "
                            "articles folder (off by default, because it writes to disk)")
    return top, {"build": build, "serve": serve}


def main(argv: list[str] | None = None) -> int:
    top, commands = parser()
    args, unknown = top.parse_known_args(argv)
    if unknown:
        commands[args.command].error(f"unrecognized arguments: {' '.join(unknown)}")  # exits 2 with its usage
    if args.command == "build":
        return run_build(args.seeds, args.gazetteer, args.out)
    if args.allow_add and args.catalogue is not None:
        return _refuse("--allow-add saves articles into the articles folder; it cannot be used with --catalogue")
    return run_serve(args.port, args.address, args.catalogue, args.seeds, args.allow_add)


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


def run_build(seeds: Path | None, gazetteer: Path, out: Path) -> int:
    seeds = paths.default_articles() if seeds is None else seeds
    if not seeds.is_dir():
        return _refuse(f"no such folder of articles: {seeds}")
    if not gazetteer.is_file():
        return _refuse(f"no such gazetteer file: {gazetteer}")
    catalogue = build_catalogue(seeds, gazetteer)
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
    return "\n".join(lines)


def run_serve(port: int, address: str, catalogue: Path | None = None, seeds: Path | None = None,
              allow_add: bool = False) -> int:
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
    os.environ.pop("DASHBOARD_ALLOW_ADD", None)  # the panel is there only when this command allows it
    if allow_add:
        os.environ["DASHBOARD_ALLOW_ADD"] = "1"
        print(f"  Adding articles is allowed: they are saved into {os.environ['DASHBOARD_SEEDS']}", file=sys.stderr,
              flush=True)
    from streamlit.web import cli as streamlit_cli

    from dashboard.map import assets
    from dashboard.web import loaders

    # The offline Leaflet files are written before Streamlit starts: it walks the static folder as it starts,
    # and a file appearing meanwhile (a fresh clone) made it fail.
    assets.ensure_static_files(loaders.STATIC_DIR)
    # Streamlit runs in this process (no wrapper holding memory beside it, and stopping `serve` stops the
    # server); the warm-up fills the shared caches meanwhile, so the first visitor does not pay for them.
    loaders.warm_up_when_serving()
    sys.argv = ["streamlit", "run", str(APP), "--server.port", str(port), "--server.address", address,
                "--browser.gatherUsageStats", "false", "--server.enableStaticServing", "true", "--server.headless", "true",
                "--client.toolbarMode", "viewer"]
    return streamlit_cli.main()


if __name__ == "__main__":
    sys.exit(main())
