"""Identifier columns decided by what they hold (compliance/input/references.py): a reference column in the
office's own words is read when every value in it is an id of the sheet it points at, a key column when its values
are the ones other sheets name, a pair when neither is named; never with two candidates or with ids that could
match by chance; and a sheet nothing points at is read without its own id column, each record named by its row."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from compliance.check import check
from compliance.input.workbook import InputError
from compliance.report.model import Report

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "agency-with-violations.xlsx"
AS_OF = dt.date(2025, 1, 15)
Book = openpyxl.Workbook


def _findings(report: Report) -> Counter[tuple[str, str, str]]:
    return Counter((f.worker_id, f.rule_id, f.outcome.value) for f in report.findings)


@pytest.fixture(scope="module")
def base() -> Counter[tuple[str, str, str]]:
    return _findings(check(SAMPLE, as_of=AS_OF, evaluator="reference"))


def _variant(tmp_path: Path, change: Callable[[Book], None]) -> Path:
    book = openpyxl.load_workbook(SAMPLE)
    change(book)
    out = tmp_path / "variant.xlsx"
    book.save(out)
    return out


def _rename(book: Book, sheet: str, header: str, new: str) -> None:
    cell = next(c for c in book[sheet][1] if c.value == header)
    cell.value = new


def _notices(report: Report) -> list[str]:
    return report.interpretations.notices


def test_a_workers_column_of_agency_ids_in_other_words_is_the_agency_id(tmp_path: Path, base: Counter) -> None:
    path = _variant(tmp_path, lambda b: _rename(b, "workers", "agency_id", "Agencia"))
    report = check(path, as_of=AS_OF, evaluator="reference")
    assert _findings(report) == base
    assert any("'Agencia'" in n and "read as agency_id" in n and "agencies sheet" in n for n in _notices(report))
    reading = next(c for c in report.interpretations.columns if c.sheet == "workers" and c.column == "agency_id")
    assert (reading.header, reading.how) == ("Agencia", "content")


def test_the_agencies_key_is_the_column_the_workers_agency_ids_point_at(tmp_path: Path, base: Counter) -> None:
    path = _variant(tmp_path, lambda b: _rename(b, "agencies", "agency_id", "Office Ref"))
    report = check(path, as_of=AS_OF, evaluator="reference")
    assert _findings(report) == base
    assert any("'Office Ref'" in n and "read as agency_id" in n for n in _notices(report))


def test_a_key_and_its_references_both_unnamed_are_read_as_a_pair(tmp_path: Path, base: Counter) -> None:
    def change(b: Book) -> None:
        _rename(b, "employers", "employer_id", "Qzx Kolumna")
        _rename(b, "workers", "employer_id", "Zqx Kolumna")

    report = check(_variant(tmp_path, change), as_of=AS_OF, evaluator="reference")
    assert _findings(report) == base
    assert any("'Zqx Kolumna'" in n and "read as employer_id" in n for n in _notices(report))
    assert any("'Qzx Kolumna'" in n and "read as employer_id" in n for n in _notices(report))


def test_two_columns_that_could_be_the_reference_leave_it_unread(tmp_path: Path) -> None:
    def change(b: Book) -> None:
        ws = b["workers"]
        _rename(b, "workers", "agency_id", "Agencia")
        col = next(c.column for c in ws[1] if c.value == "Agencia")
        extra = ws.max_column + 1
        for r in range(1, ws.max_row + 1):
            ws.cell(r, extra, "Agencia anterior" if r == 1 else ws.cell(r, col).value)

    with pytest.raises(InputError, match=r"sheet 'workers' is missing required column\(s\): agency_id"):
        check(_variant(tmp_path, change), as_of=AS_OF, evaluator="reference")


def test_short_plain_numbers_are_never_taken_for_references(tmp_path: Path) -> None:
    """Agency ids 1, 2, 3, 4 could be counts or days in any other column: the reference is not read by content."""
    def change(b: Book) -> None:
        numbers = {"AG-01": 1, "AG-02": 2, "AG-03": 3, "AG-04": 4}
        for ws in b:
            heads = [c.value for c in ws[1]]
            for name in ("agency_id", "parent_agency_id"):
                if name in heads:
                    for row in ws.iter_rows(min_row=2):
                        cell = row[heads.index(name)]
                        cell.value = numbers.get(cell.value, cell.value)
        _rename(b, "workers", "agency_id", "Agencia")

    with pytest.raises(InputError, match=r"agency_id"):
        check(_variant(tmp_path, change), as_of=AS_OF, evaluator="reference")


def test_fees_without_their_own_id_column_are_named_by_their_rows(tmp_path: Path, base: Counter) -> None:
    def change(b: Book) -> None:
        b["fees"].delete_cols(1)

    report = check(_variant(tmp_path, change), as_of=AS_OF, evaluator="reference")
    assert _findings(report) == base
    assert any("no fee_id column: each record is named by its row" in n for n in _notices(report))
    reading = next(c for c in report.interpretations.columns if c.sheet == "fees" and c.column == "fee_id")
    assert (reading.header, reading.how) == (None, "row")
    fee_rows = [e for f in report.findings for e in f.evidence if e.sheet == "fees"]
    assert fee_rows and all(e.record_id is None for e in fee_rows)  # the row already names it


def test_workers_without_their_id_column_still_stop_the_run(tmp_path: Path) -> None:
    """Other sheets point at workers by id: a worker cannot be named by a row."""
    with pytest.raises(InputError, match=r"sheet 'workers' is missing required column\(s\): worker_id"):
        check(_variant(tmp_path, lambda b: b["workers"].delete_cols(1)), as_of=AS_OF, evaluator="reference")
