"""Casualty claims: read from an article's words (read) and summed up into one toll per event (estimate)."""
from dashboard.casualties.estimate import best_estimate, best_estimates, with_best_killed
from dashboard.casualties.read import ABSURD_FIGURE, parse_casualties, parse_casualties_checked

__all__ = ["ABSURD_FIGURE", "best_estimate", "best_estimates", "parse_casualties", "parse_casualties_checked",
           "with_best_killed"]
