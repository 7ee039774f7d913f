"""One cell read against its column: currencies, header hints, the row's currency, and what is noted."""

from __future__ import annotations

import datetime as dt

import pytest

from compliance.input.cells import CellError
from compliance.input.conventions import ColumnContext
from compliance.input.formats import DateStyle
from compliance.input.read import read_cell
from compliance.input.sheets import SHEETS_BY_NAME

FEES = SHEETS_BY_NAME["fees"]
AMOUNT, CURRENCY = FEES.column("amount"), FEES.column("currency")
PAID_ON = FEES.column("paid_on")


@pytest.mark.parametrize(("written", "code", "interpreted"), [
    ("NPR", "NPR", False), ("npr", "NPR", True), ("Nepali rupees", "NPR", True), ("QR", "QAR", True),
    ("Tk", "BDT", True), ("৳", "BDT", True), ("XAF", "XAF", False),
])
def test_currency_column_reads_codes_and_common_names(written, code, interpreted):
    got = read_cell(written, CURRENCY, "fees")
    assert got.value == code
    assert (got.mapped is not None) == interpreted


@pytest.mark.parametrize("written", ["Rs", "$", "riyal", "money"])
def test_currency_that_can_mean_several_or_none_is_refused(written):
    with pytest.raises(CellError):
        read_cell(written, CURRENCY, "fees")


def test_amount_with_rs_agrees_with_a_row_in_npr_and_not_with_one_in_qar():
    assert read_cell("Rs. 8,500", AMOUNT, "fees", currency="NPR").value == 8500
    with pytest.raises(CellError, match="currency column says QAR"):
        read_cell("Rs. 8,500", AMOUNT, "fees", currency="QAR")


def test_amount_currency_fills_a_blank_row_currency_only_when_it_names_one_currency():
    assert read_cell("QAR1,200.00", AMOUNT, "fees").currency == "QAR"
    assert read_cell("Rs. 8,500", AMOUNT, "fees").currency is None


def test_header_currency_is_checked_against_the_row():
    ctx = ColumnContext(hint_currency="NPR")
    assert read_cell("120000", AMOUNT, "fees", ctx, "NPR").value == 120000
    with pytest.raises(CellError):
        read_cell("120000", AMOUNT, "fees", ctx, "QAR")
    assert read_cell("120000", AMOUNT, "fees", ctx).currency == "NPR"


def test_header_in_thousands_multiplies_every_amount_and_says_so():
    got = read_cell("120", AMOUNT, "fees", ColumnContext(scale=1000.0), "NPR")
    assert got.value == 120000 and "1,000" in (got.note or "")


def test_dates_under_a_header_naming_another_calendar_are_refused():
    with pytest.raises(CellError, match="Bikram Sambat"):
        read_cell("2081-01-15", PAID_ON, "fees", ColumnContext(calendar="bikram_sambat"))


def test_a_date_column_style_decides_the_order():
    mdy = ColumnContext(date=DateStyle("mdy", "05/31/2024", "column"))
    assert read_cell("05/01/2024", PAID_ON, "fees", mdy).value == dt.date(2024, 5, 1)
    assert read_cell(dt.date(2024, 5, 1), PAID_ON, "fees", mdy).note is None


# Calendars other than the Gregorian one are read only where the file names them (issue 8, fifth holdout).
BIRTH = SHEETS_BY_NAME["workers"].column("date_of_birth")


def test_a_buddhist_era_column_reads_its_years_less_543_and_says_so():
    be = ColumnContext(calendar="buddhist_era", date=DateStyle("dmy", "30/11/2536", "column"))
    got = read_cell("01/08/2533", BIRTH, "workers", be)
    assert got.value == dt.date(1990, 8, 1) and "2533 read as 1990" in (got.note or "")
    assert read_cell("29/02/2535", BIRTH, "workers", be).value == dt.date(1992, 2, 29)  # 1992 is a leap year
    with pytest.raises(CellError, match="Buddhist era"):  # a Gregorian year under a B.E. header: check the cell
        read_cell("15/04/2024", BIRTH, "workers", be)
    with pytest.raises(CellError):  # a real date cell: which year was typed is not known
        read_cell(dt.date(1990, 8, 1), BIRTH, "workers", be)


def test_buddhist_era_and_roc_years_are_never_read_from_their_size_alone():
    for written in ("01/08/2533", "113/04/15", "82/11/30"):
        with pytest.raises(CellError):
            read_cell(written, BIRTH, "workers", ColumnContext(date=DateStyle("dmy", "x", "column")))


def test_a_roc_date_is_read_where_the_cell_or_the_header_says_roc():
    got = read_cell("民國113年4月15日", PAID_ON, "fees", ColumnContext())
    assert got.value == dt.date(2024, 4, 15) and "民國" in (got.note or "")
    assert read_cell("民国82年11月30日", PAID_ON, "fees", None).value == dt.date(1993, 11, 30)
    roc = ColumnContext(calendar="roc")
    assert read_cell("113/04/15", PAID_ON, "fees", roc).value == dt.date(2024, 4, 15)
    assert read_cell("82/11/30", BIRTH, "workers", roc).value == dt.date(1993, 11, 30)
    with pytest.raises(CellError, match="ROC"):  # a Gregorian year under a ROC header is refused, not guessed
        read_cell("2024/04/15", PAID_ON, "fees", roc)


@pytest.mark.parametrize(("header", "calendar"), [
    ("Birth Date (B.E.)", "buddhist_era"), ("Licence Expiry (BE)", "buddhist_era"), ("วันเกิด พ.ศ.", "buddhist_era"),
    ("出生日期(民國)", "roc"), ("Date (ROC)", "roc"), ("ROC date", "roc"),
    ("Birth Date", None), ("Be there on", None), ("ROCK date", None), ("Date (B.E.) 民國", None),
])
def test_a_date_header_names_its_calendar_in_its_own_words(header, calendar):
    from compliance.input.conventions import header_calendar
    assert header_calendar(header) == calendar
