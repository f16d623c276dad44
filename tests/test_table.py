"""The terminal tables of the commands (`relata.table`)."""

from __future__ import annotations

import pytest

from relata.table import render, width

ROWS = [{"date": "2025-08-07", "type": "ACCUSE", "sentence": "Москва обвинила Баку."},
        {"date": "2025-08-08", "type": "CONSULT", "sentence": "Стороны провели переговоры."}]


@pytest.mark.parametrize(("text", "cells"), [
    ("Россия", 6),
    ("中国", 4),          # wide characters take two cells
    ("e\u0301", 1),       # a combining accent takes none
    ("", 0),
])
def test_width_in_terminal_cells(text, cells):
    assert width(text) == cells


def test_every_line_is_as_wide_as_the_box():
    lines = render(ROWS, "two events").splitlines()
    assert lines[0] == "two events"
    assert lines[1].startswith("┏") and lines[-1].startswith("└")
    assert {width(line) for line in lines[1:]} == {width(lines[1])}
    assert "┃ date       ┃ type    ┃ sentence                    ┃" in lines
    assert "│ 2025-08-08 │ CONSULT │ Стороны провели переговоры. │" in lines


def test_a_narrow_screen_wraps_the_widest_column():
    lines = render(ROWS, screen=40).splitlines()
    assert max(width(line) for line in lines) <= 40
    body = [line for line in lines if line.startswith("│")]
    assert len(body) > len(ROWS)  # sentences wrapped onto more lines
    assert " ".join(line.split("│")[3].strip() for line in body) == (
        "Москва обвинила Баку. Стороны провели переговоры.")


def test_numbers_are_right_aligned_and_text_left():
    rows = [{"period": "2025-08-01", "events": "4", "goldstein": "-31.2", "share": "nan"},
            {"period": "2025-09-01", "events": "12", "goldstein": "", "share": "0.5"}]
    lines = render(rows).splitlines()
    assert "│ 2025-08-01 │      4 │     -31.2 │   nan │" in lines
    assert "│ 2025-09-01 │     12 │           │   0.5 │" in lines
    assert "┃ period     ┃ events ┃ goldstein ┃ share ┃" in lines


def test_no_rows():
    assert render([], "nothing found") == "nothing found\n(nothing)"
