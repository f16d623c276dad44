"""Results as columns: one numpy array a column, NULLs masked, as DuckDB's `fetchnumpy`
gives them. The command line prints them as rows of Python values; the library's users get
DataFrames built from them only when they ask, so that `relata dyad` and `relata trends`
never import pandas (a second of a fresh process's start on a slow machine)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    import pandas as pd

Columns = dict[str, np.ndarray]


def values(array: np.ndarray) -> list:
    """The column as Python values, as a DataFrame's records have them: NULL and NaN as
    None, dates as `datetime.date`."""
    if array.dtype.kind == "M":
        array = array.astype("datetime64[D]")  # tolist() gives datetime.date
    found = array.tolist()  # a masked array gives None where masked
    if array.dtype.kind == "f":
        return [None if x is None or x != x else x for x in found]  # x != x: NaN
    return found


def rows(columns: Columns) -> list[dict]:
    """One dict a row, its values as `values` gives them."""
    names = list(columns)
    return [dict(zip(names, row, strict=True))
            for row in zip(*(values(columns[n]) for n in names), strict=True)]


def length(columns: Columns) -> int:
    return len(next(iter(columns.values()))) if columns else 0


def take(columns: Columns, order: np.ndarray | list[int]) -> Columns:
    """The rows at `order`, in that order."""
    return {name: array[order] for name, array in columns.items()}


def frame(columns: Columns) -> pd.DataFrame:
    """The columns as DuckDB's `df()` would have given them: NULL as NaN in floats, None in
    text, NaT in dates, and a nullable integer column where an integer is NULL."""
    import pandas as pd

    data = {}
    for name, array in columns.items():
        if isinstance(array, np.ma.MaskedArray):
            mask = np.ma.getmaskarray(array)
            raw = array.data
            if raw.dtype.kind in "iu":
                data[name] = pd.arrays.IntegerArray(raw, mask)
                continue
            filler = {"f": np.nan, "M": np.datetime64("NaT")}.get(raw.dtype.kind)
            if filler is None:
                raw, filler = raw.astype(object), None
            array = np.where(mask, filler, raw) if mask.any() else raw
        data[name] = array
    return pd.DataFrame(data)


def as_dates(array: np.ndarray) -> list[dt.date]:
    """A column of DuckDB dates (datetime64) as `datetime.date`s."""
    return array.astype("datetime64[D]").tolist()
