"""Yes/no answers read by their partner in the column (compliance/input/answer_pairs.py)."""

from __future__ import annotations

import pytest

from compliance.input import answer_pairs
from compliance.input.cells import CellError
from compliance.input.conventions import ColumnContext, decide_answers_across_book
from compliance.input.read import read_cell
from compliance.input.sheets import SHEETS_BY_NAME
from compliance.input.workbook import Column, RawRow, RawSheet

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


# ---------------------------------------------------------------------------------------------- consent columns
# documents.worker_consent and wage_payments.deduction_consent are choices (written, yes, no) whose vocabulary reads
# every yes/no answer: "Hindi" there is refused alone (also a language), and is the Tagalog no beside "Oo".


def test_a_consent_column_answers_with_its_sheet() -> None:
    got = _decide("documents", {"returned_on_request": ["Oo", "Hindi", None, None],
                                "worker_consent": ["Hindi", "Nakasulat", None, None]})
    assert got["worker_consent"].reads["hindi"] == "no" and "column returned_on_request" in got["worker_consent"].said


def test_a_consent_cell_is_read_through_the_decided_pair_and_says_so() -> None:
    spec = SHEETS_BY_NAME["documents"].column("worker_consent")
    read = read_cell("Hindi", spec, "documents", ColumnContext(answers={"hindi": "no"}, answers_note="why"))
    assert read.value == "no" and read.mapped == ("no", "pair", "hindi") and read.note == "why"
    assert read_cell("Nakasulat", spec, "documents", ColumnContext(answers={"hindi": "no"})).value == "written"
    with pytest.raises(CellError, match="language"):
        read_cell("Hindi", spec, "documents", ColumnContext())


def test_the_workbook_proves_one_pair_or_none() -> None:
    pair, where = answer_pairs.decide_book([("Kontrata", "Nakasulat ba", ["Oo", "Hindi"], [5, 6]),
                                            ("Sahod", "Pumayag", ["Hindi"], [2])]) or (None, "")
    assert pair is not None and pair.language == "Tagalog"
    assert "row 5 of column Nakasulat ba of sheet 'Kontrata'" in where
    assert answer_pairs.decide_book([("a", "x", ["Oo"], [2]), ("b", "y", ["Sudah"], [2])]) is None
    assert answer_pairs.decide_book([("a", "x", ["Hindi", "Yes"], [2, 3])]) is None


def _sheet(key: str, columns: dict[str, list[object]]) -> RawSheet:
    cols = [Column(name.title(), name, i, chr(65 + i)) for i, name in enumerate(columns)]
    rows = [RawRow(n, {c: columns[c][i] for c in columns}) for i, n in enumerate(ROWS)]
    return RawSheet(key, key, cols, rows, 0, context={c: ColumnContext() for c in columns})


def test_a_payroll_consent_with_no_partner_in_its_sheet_takes_the_workbooks_pair() -> None:
    contracts = _sheet("contracts", {"written": ["Oo", "Hindi", "Oo", "Oo"]})
    complaints = _sheet("complaints", {"in_worker_language": ["Hindi", None, None, None]})
    wages = _sheet("wage_payments", {"deduction_consent": ["Hindi", None, "Hindi", None]})
    decide_answers_across_book({"contracts": contracts, "complaints": complaints, "wage_payments": wages})
    ctx = wages.context["deduction_consent"]
    assert ctx.answers == {"hindi": "no", "hindi po": "no"} and "of sheet 'contracts'" in (ctx.answers_note or "")
    # a yes/no column elsewhere is never decided by another sheet: "Hindi" there may be the language
    assert complaints.context["in_worker_language"].answers is None


def test_no_workbook_pair_across_a_csv_folder_or_two_languages() -> None:
    def book() -> dict[str, RawSheet]:
        return {"contracts": _sheet("contracts", {"written": ["Oo", None, None, None]}),
                "wage_payments": _sheet("wage_payments", {"deduction_consent": ["Hindi", None, None, None]})}
    folder = book()
    decide_answers_across_book(folder, one_file=False)
    assert folder["wage_payments"].context["deduction_consent"].answers is None
    mixed = book()
    mixed["fees"] = _sheet("fees", {"receipt": ["Sudah", None, None, None]})
    decide_answers_across_book(mixed)
    assert mixed["wage_payments"].context["deduction_consent"].answers is None


def test_tak_is_yes_beside_the_polish_nie_and_no_beside_the_malay_ya() -> None:
    polish = _decide("contracts", {"written": ["Tak", "Nie", "TAK", None]})
    assert polish["written"].reads["tak"] == "yes" and polish["written"].reads["nie"] == "no"
    malay = _decide("contracts", {"written": ["Ya", "Tak", "Ya", None]})
    assert malay["written"].reads["tak"] == "no"


def test_a_lone_tak_is_not_read_as_either() -> None:
    assert _decide("contracts", {"written": ["Tak", "Tak", "TAK", None]}) == {}
    with pytest.raises(CellError):
        read_cell("Tak", SHEETS_BY_NAME["contracts"].column("written"), "contracts")


def test_ya_and_sudah_in_one_sheet_prove_one_language() -> None:
    got = _decide("contracts", {"written": ["Ya", "Sudah", "Tak", None], "waiver_clause": ["Belum"] * 4})
    assert got["written"].reads["tak"] == "no" and got["waiver_clause"].reads["belum"] == "no"


def test_romanian_da_and_nu_are_read_beside_a_nu_and_not_alone() -> None:
    got = _decide("contracts", {"written": ["da", "DA", "nu", None]})
    assert got["written"].reads["da"] == "yes" and got["written"].reads["nu"] == "no"
    assert _decide("contracts", {"written": ["da", "DA", "da", None]}) == {}
    with pytest.raises(CellError):
        read_cell("nu", SHEETS_BY_NAME["contracts"].column("written"), "contracts")


def test_spanish_si_without_its_accent_is_yes_only_beside_si_with_it() -> None:
    got = _decide("contracts", {"written": ["Sí", "SI", "No", None]})
    assert got["written"].reads["si"] == "yes"
    assert _decide("contracts", {"written": ["SI", "No", "SI", None]}) == {}
    assert read_cell("Sí", SHEETS_BY_NAME["contracts"].column("written"), "contracts").value is True
