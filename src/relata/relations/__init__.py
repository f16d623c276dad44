"""Relations between two actors over time: dyad series, trends, change points, plots."""

from .parties import Party, UnknownActorError, party
from .plots import plot_dyad
from .ranking import trends
from .series import MAX_PERIODS, DyadSeries, TooManyPeriodsError, dyad_series
from .trend import ChangePoint, Trend, trend

__all__ = [
    "MAX_PERIODS",
    "ChangePoint",
    "DyadSeries",
    "Party",
    "TooManyPeriodsError",
    "Trend",
    "UnknownActorError",
    "dyad_series",
    "party",
    "plot_dyad",
    "trend",
    "trends",
]
