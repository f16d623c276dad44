"""ruptures' PELT on the least-squares cost, as `ruptures.KernelCPD(kernel="linear")` runs it.

`import ruptures` imports every cost function it has, and two of them import scipy:
about two seconds of a fresh process, most of what a `relata dyad` command would spend.
KernelCPD's search is one compiled routine (`ekcpd_pelt_L2`) that needs numpy alone, so
it is loaded here from ruptures' own installed file, without the package's `__init__`.
Where the installed ruptures lays its files out otherwise, the public class is used:
same answer, slower start. The tests compare both with `ruptures.Pelt(model="l2")`.
"""

from __future__ import annotations

import functools
import importlib.machinery
import importlib.util
from collections.abc import Callable
from pathlib import Path

import numpy as np

_ROUTINE = "ruptures.detection._detection.ekcpd"


def ends(values: np.ndarray, penalty: float, min_size: int) -> list[int]:
    """The ends of the segments (the last is len(values)) that minimise the squared
    deviations from each segment's mean plus `penalty` per segment."""
    search = _compiled()
    if search is None:
        return public_ends(values, penalty, min_size)
    signal = np.ascontiguousarray(values, dtype=np.double).reshape(-1, 1)
    previous = search(signal, float(penalty), int(min_size))
    found, end = [], len(signal)
    while end > 0:  # each end points at the end of the segment before it
        found.append(end)
        end = int(previous[end])
    return found[::-1]


def public_ends(values: np.ndarray, penalty: float, min_size: int) -> list[int]:
    import ruptures

    signal = np.asarray(values, dtype=np.double).reshape(-1, 1)
    return ruptures.KernelCPD(kernel="linear", min_size=min_size).fit(signal).predict(
        pen=penalty)


@functools.cache
def _compiled() -> Callable | None:
    """`ekcpd_pelt_L2` from ruptures' extension module, or None if it is not where
    ruptures 1.1 puts it."""
    package = importlib.util.find_spec("ruptures")
    if package is None or not package.submodule_search_locations:
        return None
    folder = Path(package.submodule_search_locations[0], "detection", "_detection")
    for suffix in importlib.machinery.EXTENSION_SUFFIXES:
        path = folder / f"ekcpd{suffix}"
        if path.is_file():
            break
    else:
        return None
    try:
        spec = importlib.util.spec_from_file_location(_ROUTINE, path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module.ekcpd_pelt_L2
    except (ImportError, AttributeError, OSError):
        return None
