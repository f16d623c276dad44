"""Relations between two actors over time: dyad series, trends, change points, plots."""

from .parties import Party, UnknownActorError, party
from .plots import plot_dyad
from .ranking import trends
from .series import DyadSeries, dyad_series
from .trend import ChangePoint, Trend, trend

__all__ = [
    "ChangePoint",
    "DyadSeries",
    "Party",
    "Trend",
    "UnknownActorError",
    "dyad_series",
    "party",
    "plot_dyad",
    "trend",
    "trends",
]
