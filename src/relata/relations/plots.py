"""A dyad's curve as a picture: Goldstein per period with its change points, and the events
of each quad class stacked beneath, under one title with the trend's verdict. PNG through
matplotlib, HTML through plotly; the HTML page loads plotly's JavaScript from
`plotly.min.js` beside it (written once, shared by every plot in the folder, so that each
page is a few kilobytes and opens offline), or holds it inside with `inline=True`."""

from __future__ import annotations

from pathlib import Path

from ..errors import RelataError
from .series import QUADS, DyadSeries
from .trend import Trend

COLOURS = {"verbal_coop": "#7fbf7b", "material_coop": "#1b7837",
           "verbal_conflict": "#f4a582", "material_conflict": "#b2182b"}
LABELS = {"verbal_coop": "verbal cooperation", "material_coop": "material cooperation",
          "verbal_conflict": "verbal conflict", "material_conflict": "material conflict"}


def title(dyad: DyadSeries, trend: Trend | None = None) -> str:
    """The chart's title, the same in every format: the dyad, the unit, the verdict."""
    arrow = "→" if dyad.directed else "–"
    text = f"{dyad.a.code} {arrow} {dyad.b.code}: Goldstein sum per {_unit(dyad)}"
    return f"{text} — {trend.line()}" if trend is not None else text


def _unit(dyad: DyadSeries) -> str:
    return {"D": "day", "W": "week", "M": "month"}[dyad.freq]


def plot_dyad(dyad: DyadSeries, trend: Trend, path: str | Path, *,
              inline: bool = False) -> Path:
    """Write the plot to `path`: `.png` or `.html` (with `inline`, plotly's JavaScript
    inside the page, 4.7 MB, instead of in a shared `plotly.min.js` beside it)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".png":
        _png(dyad, trend, path)
    elif suffix in (".html", ".htm"):
        _html(dyad, trend, path, inline)
    else:
        raise RelataError(f"{path}: cannot plot to {suffix or 'no extension'}: use .png or .html")
    return path


def _png(dyad: DyadSeries, trend: Trend, path: Path) -> None:
    import matplotlib
    import matplotlib.dates

    matplotlib.use("Agg")  # no display: files only
    import matplotlib.pyplot as plt

    series = dyad.series
    periods = list(series["period"])
    figure, (curve, bars) = plt.subplots(
        2, 1, sharex=True, figsize=(10, 6), height_ratios=(3, 2), layout="constrained")
    curve.plot(periods, series["goldstein_sum"], marker="o", color="#2c3e50")
    curve.axhline(0, color="grey", linewidth=0.8)
    for point in trend.change_points:
        curve.axvline(point.date, color="#c0392b", linestyle="--", linewidth=1.2)
        curve.annotate(f"{point.before:+.1f} → {point.after:+.1f}", (point.date, 1),
                       xycoords=("data", "axes fraction"), va="top", fontsize=8,
                       color="#c0392b")
    curve.set_title(title(dyad, trend), fontsize=10)
    locator = matplotlib.dates.AutoDateLocator(minticks=3, maxticks=10)
    bars.xaxis.set_major_locator(locator)  # ticks that fit the window: days to years
    bars.xaxis.set_major_formatter(matplotlib.dates.ConciseDateFormatter(locator))
    curve.set_ylabel("Goldstein sum")
    bottom = [0] * len(series)
    for quad in QUADS:
        bars.bar(periods, series[quad], bottom=bottom, color=COLOURS[quad], label=LABELS[quad],
                 width=_bar_width(dyad))
        bottom = [x + y for x, y in zip(bottom, series[quad], strict=True)]
    bars.set_ylabel("events")
    bars.legend(fontsize=8, loc="upper left")
    figure.savefig(path, dpi=100)
    plt.close(figure)


def _bar_width(dyad: DyadSeries) -> float:
    return {"D": 0.8, "W": 5.0, "M": 20.0}[dyad.freq]  # days, as dates are the x axis


def _html(dyad: DyadSeries, trend: Trend, path: Path, inline: bool) -> None:
    import plotly.graph_objects as go
    from plotly.subplots import make_subplots

    series = dyad.series
    periods = [str(p) for p in series["period"]]
    figure = make_subplots(rows=2, cols=1, shared_xaxes=True, row_heights=(0.6, 0.4),
                           vertical_spacing=0.05)
    figure.add_trace(go.Scatter(x=periods, y=list(series["goldstein_sum"]),
                                mode="lines+markers", name="Goldstein sum",
                                line={"color": "#2c3e50"}), row=1, col=1)
    for point in trend.change_points:
        figure.add_vline(x=str(point.date), line_dash="dash", line_color="#c0392b",
                         row=1, col=1)
        figure.add_annotation(x=str(point.date), y=1, yref="y domain", showarrow=False,
                              text=f"{point.before:+.1f} → {point.after:+.1f}",
                              font={"color": "#c0392b", "size": 10}, row=1, col=1)
    for quad in QUADS:
        figure.add_trace(go.Bar(x=periods, y=list(series[quad]), name=LABELS[quad],
                                marker_color=COLOURS[quad]), row=2, col=1)
    figure.update_layout(barmode="stack", title=title(dyad, trend), template="plotly_white")
    figure.update_yaxes(title_text="Goldstein sum", row=1, col=1)
    figure.update_yaxes(title_text="events", row=2, col=1)
    # "directory": a <script src="plotly.min.js">, the file written beside the page if absent
    figure.write_html(path, include_plotlyjs=True if inline else "directory", full_html=True)
