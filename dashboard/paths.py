"""Where the dashboard finds its inputs when it is not told: one rule for each, used by every command.

A checkout (or an editable install) reads `data/` and `seeds/` beside the package; a non-editable install
carries copies inside the package (`dashboard/_data`, `dashboard/_seeds`, see pyproject.toml).
"""
from __future__ import annotations

import os
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
CHECKOUT = PACKAGE.parent


def _shipped(name: str) -> Path:
    installed = PACKAGE / f"_{name}"
    return installed if installed.is_dir() else CHECKOUT / name


DATA_DIR = _shipped("data")
GAZETTEER = DATA_DIR / "gazetteer.csv"
SHIPPED_SEEDS = _shipped("seeds")
GOLDEN = CHECKOUT / "tests" / "golden"  # the seeds read by hand (claims, control, episodes); a checkout only


# Said in every command's --help, so `build` and `serve` are known to read the same articles.
ARTICLES_RULE = "default: ./seeds if the current folder has one, else the five seed articles that come with the package"


def default_articles() -> Path:
    """The articles folder when none is given (ARTICLES_RULE): `seeds/` in the current folder if there is one,
    else the five seed articles that come with the package."""
    here = Path("seeds")
    return here if here.is_dir() else SHIPPED_SEEDS


def default_cache() -> Path:
    """$DASHBOARD_CACHE, else `.cache/` of the checkout, else ~/.cache/mali-war-dashboard for an installed package."""
    if os.environ.get("DASHBOARD_CACHE"):
        return Path(os.environ["DASHBOARD_CACHE"])
    if (CHECKOUT / "pyproject.toml").is_file():
        return CHECKOUT / ".cache"
    return Path.home() / ".cache" / "mali-war-dashboard"
