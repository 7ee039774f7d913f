"""Yes/no answers read by their partner in the column (compliance/input/answer_pairs.py)."""

from __future__ import annotations

import pytest

from compliance.input import answer_pairs
from compliance.input.cells import CellError
from compliance.input.conventions import ColumnContext
from compliance.input.read import read_cell
from compliance.input.sheets import SHEETS_BY_NAME

ROWS = [2, 3, 4, 5]


def _decide(sheet: str, columns: dict[str, list[object]]) -> dict[str, answer_pairs.Decided]:
    return answer_pairs.decide_sheet(sheet, columns, ROWS)


def test_hindi_is_no_in_a_column_that_answers_oo() -> None:
    got = _decide("contracts", {"written": ["Oo", "Hindi", "Oo", None]})
    assert got["written"].reads["hindi"] == "no" and "'Oo' in row 2" in got["written"].said


def test_belum_is_no_beside_sudah_in_another_column_of_the_sheet() -> None:
    got = _decide("contracts", {"written": ["Sudah", "Belum", None, None], "waiver_clause": ["Belum"] * 4})
    assert got["waiver_clause"].reads["belum"] == "no" and "column written" in got["waiver_clause"].said


def test_a_lone_hindi_or_belum_with_no_partner_decides_nothing() -> None:
    assert _decide("contracts", {"written": ["Hindi", "Yes", "No", None], "waiver_clause": ["Belum"] * 4}) == {}


def test_two_languages_in_one_sheet_decide_nothing_for_a_column_without_its_own_partner() -> None:
    got = _decide("contracts", {"written": ["Oo", "Hindi", None, None], "advertised": ["Sudah", None, None, None],
                                "waiver_clause": ["Belum"] * 4})
    assert set(got) == {"written", "advertised"}


def test_a_pending_complaint_is_never_read_as_unfounded() -> None:
    # "Belum" beside "Sudah" in complaints.substantiated is "not yet decided".
    got = _decide("complaints", {"substantiated": ["Sudah", "Belum", None, None],
                                 "retaliation_reported": ["Belum", None, None, None]})
    assert "substantiated" not in got and got["retaliation_reported"].reads["belum"] == "no"


def test_the_cell_is_read_through_the_decided_pair_and_says_so() -> None:
    spec = SHEETS_BY_NAME["contracts"].column("written")
    ctx = ColumnContext(answers={"hindi": "no"})
    read = read_cell("Hindi", spec, "contracts", ctx)
    assert read.value is False and read.mapped == ("no", "pair", "hindi")
    with pytest.raises(CellError):
        read_cell("Hindi", spec, "contracts", ColumnContext())
