from __future__ import annotations

import datetime as dt
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from compliance.input.cells import (
    CellError,
    Reading,
    currency_codes,
    normalize_header,
    parse_amount,
    parse_cell,
    parse_choice,
    parse_date,
    parse_id,
    parse_list,
    parse_number,
    parse_period,
    parse_text,
    parse_yes_no,
    read_amount,
    read_date,
    read_number,
    read_period,
)
from compliance.input.formats import DateStyle, NumberStyle, decide_date_style, decide_number_style
from compliance.input.sheets import SHEETS_BY_NAME, ColumnSpec, Kind
from compliance.languages import language_key

ALL_PARSERS = [parse_text, parse_id, parse_date, parse_amount, parse_number, parse_yes_no, parse_list]
FEE_CATEGORY = SHEETS_BY_NAME["fees"].column("category")
AGENCY_ROLE = SHEETS_BY_NAME["agencies"].column("role")
CONSENT = SHEETS_BY_NAME["documents"].column("worker_consent")


# ---------------------------------------------------------------------------------------------- blanks


@pytest.mark.parametrize("parser", ALL_PARSERS)
@pytest.mark.parametrize("blank", [None, "", "   ", "\t\n"])
def test_blank_cell_is_none_for_every_parser(parser, blank):
    assert parser(blank) is None


@pytest.mark.parametrize("blank", [None, "  "])
def test_blank_choice_is_none(blank):
    assert parse_choice(blank, FEE_CATEGORY) is None


def test_cell_error_str_is_the_reason():
    err = CellError("negative amount: -5")
    assert str(err) == "negative amount: -5"
    assert err.reason == "negative amount: -5"


# ---------------------------------------------------------------------------------------------- text and ids


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  Asha Rai ", "Asha Rai"),
        (123.0, "123"),
        (123, "123"),
        (1.5, "1.5"),
        (True, "TRUE"),
        (dt.date(2024, 3, 5), "2024-03-05"),
        (dt.datetime(2024, 3, 5), "2024-03-05"),
        (dt.datetime(2024, 3, 5, 10, 30), "2024-03-05 10:30:00"),
    ],
)
def test_text_is_stripped_and_whole_floats_lose_their_decimal(raw, expected):
    assert parse_text(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [(" W-001 ", "W-001"), ("W  001", "W 001"), (1001.0, "1001"), ("AG\t 01", "AG 01"), (42, "42")],
)
def test_id_collapses_internal_whitespace_and_number_ids_become_text(raw, expected):
    assert parse_id(raw) == expected


# ---------------------------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    "raw",
    [
        dt.date(2024, 3, 5),
        dt.datetime(2024, 3, 5, 14, 0),
        "2024-03-05",
        " 2024-03-05 ",
        "2024/03/05",
        "2024-3-5",
        "20240305",
        "2024-03-05 00:00:00",
        "2024-03-05T08:15",
        "5 Mar 2024",
        "5 March 2024",
        "05-Mar-2024",
        "5th March 2024",
        "March 5, 2024",
        "Mar 5 2024",
        "2024年3月5日",
        "2024 年 3 月 5 日",
    ],
)
def test_date_formats_are_read(raw):
    assert parse_date(raw) == dt.date(2024, 3, 5)


# Indonesian, Malay and Filipino month names, as their records write them (third holdout: "10 Februari 2024").
LOCAL_MONTHS = [
    ("1 Januari 2020", dt.date(2020, 1, 1)), ("29 Februari 1992", dt.date(1992, 2, 29)),
    ("12 Maret 1996", dt.date(1996, 3, 12)), ("5 Mac 2024", dt.date(2024, 3, 5)), ("10 Mei 2024", dt.date(2024, 5, 10)),
    ("30 Juni 2023", dt.date(2023, 6, 30)), ("1 Juli 2018", dt.date(2018, 7, 1)), ("3 Julai 2024", dt.date(2024, 7, 3)),
    ("1 Agustus 2024", dt.date(2024, 8, 1)), ("8 Ogos 2024", dt.date(2024, 8, 8)),
    ("10 Agt 2024", dt.date(2024, 8, 10)),
    ("10 Oktober 1993", dt.date(1993, 10, 10)), ("10 Okt 2024", dt.date(2024, 10, 10)),
    ("31 Desember 2027", dt.date(2027, 12, 31)), ("9 Disember 2024", dt.date(2024, 12, 9)),
    ("5 Des 2024", dt.date(2024, 12, 5)), ("Enero 5, 2024", dt.date(2024, 1, 5)),
    ("Pebrero 14, 2024", dt.date(2024, 2, 14)), ("Marso 3, 2024", dt.date(2024, 3, 3)),
    ("Abril 1, 2024", dt.date(2024, 4, 1)), ("Mayo 1, 2024", dt.date(2024, 5, 1)),
    ("Hunyo 30, 2024", dt.date(2024, 6, 30)), ("Hulyo 4, 2024", dt.date(2024, 7, 4)),
    ("Agosto 20, 2024", dt.date(2024, 8, 20)), ("Setyembre 1, 2024", dt.date(2024, 9, 1)),
    ("Oktubre 2, 2024", dt.date(2024, 10, 2)), ("Nobyembre 3, 2024", dt.date(2024, 11, 3)),
    ("Disyembre 25, 2024", dt.date(2024, 12, 25)),
]


@pytest.mark.parametrize(("raw", "expected"), LOCAL_MONTHS)
def test_indonesian_malay_and_filipino_month_names_are_read(raw, expected):
    assert parse_date(raw) == expected


def test_a_local_month_name_is_a_month_of_a_pay_period_too():
    assert parse_period("Mei 2024") == MAY
    assert read_period("Agustus 2024").value == (dt.date(2024, 8, 1), dt.date(2024, 8, 31))


def test_each_month_name_means_one_month_whatever_its_language():
    from compliance.input import dates

    english = {m.casefold(): i for i, m in enumerate(dates._MONTH_NAMES, 1)}
    assert all(dates._MONTHS[name] == month for name, month in english.items())  # English names unchanged
    local = [name for names in dates._LOCAL_MONTHS for name in names]
    assert len(local) == len(set(local)) and not set(local) & set(english)  # a name is listed once, for one month


@pytest.mark.parametrize("raw", ["05/03/2024", "5.3.2024", "5-3-2024", "05.03.2024"])
def test_ambiguous_numeric_date_is_refused_without_evidence(raw):
    with pytest.raises(CellError, match="could be 5 March or 3 May 2024; no cell in this column shows the order: "
                                        "write 2024-03-05 or 2024-05-03"):
        parse_date(raw)


@pytest.mark.parametrize("raw", ["05/03/2024", "5.3.2024", "5-3-2024", "05.03.2024"])
def test_ambiguous_numeric_date_follows_the_column_order(raw):
    assert read_date(raw, DateStyle("dmy", "31/05/2024", "column")).value == dt.date(2024, 3, 5)
    assert read_date(raw, DateStyle("mdy", "05/31/2024", "column")).value == dt.date(2024, 5, 3)


@pytest.mark.parametrize("raw", ["05/03/24", "5.3.24", "5-Mar-24"])
def test_two_digit_year_is_rejected_as_ambiguous(raw):
    with pytest.raises(CellError, match="two-digit year"):
        parse_date(raw)


@pytest.mark.parametrize("raw", ["31/02/2024", "2023-02-29", "2024-13-01", "32 March 2024", "20241301"])
def test_impossible_date_is_an_error(raw):
    with pytest.raises(CellError, match="not a date"):
        parse_date(raw)


def test_impossible_date_message_quotes_the_cell():
    with pytest.raises(CellError) as info:
        parse_date("31/02/2024")
    assert str(info.value) == "not a date: '31/02/2024'"


@pytest.mark.parametrize(("raw", "expected"), [("12/31/2024", dt.date(2024, 12, 31)),
                                               ("31/12/2024", dt.date(2024, 12, 31)),
                                               ("07/07/2024", dt.date(2024, 7, 7))])
def test_numeric_date_that_proves_its_own_order_is_read_without_evidence(raw, expected):
    assert parse_date(raw) == expected


def test_leap_day_is_a_real_date():
    assert parse_date("29/02/2024") == dt.date(2024, 2, 29)


@pytest.mark.parametrize("raw", [45356, 45356.0, "45356"])
def test_bare_number_is_not_a_date(raw):
    with pytest.raises(CellError, match="a number, not a date; format the cell as a date or type 2024-03-05"):
        parse_date(raw)


@pytest.mark.parametrize("raw", ["1899-12-31", "2101-01-01", dt.date(1850, 1, 1), dt.datetime(2200, 1, 1)])
def test_year_outside_1900_to_2100_is_an_error(raw):
    with pytest.raises(CellError, match="out of range"):
        parse_date(raw)


@pytest.mark.parametrize("raw", ["yesterday", "2024", "Smarch 5, 2024", True, "5/3"])
def test_text_that_is_not_a_date_is_an_error(raw):
    with pytest.raises(CellError):
        parse_date(raw)


# ---------------------------------------------------------------------------------------------- amounts


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (15000, 15000.0),
        (15000.5, 15000.5),
        (0, 0.0),
        ("0", 0.0),
        ("1,234.50", 1234.5),
        ("12,000.00", 12000.0),
        ("1,234,567", 1234567.0),
        ("1,20,000", 120000.0),
        ("12,34,567.50", 1234567.5),
        ("1 234", 1234.0),
        ("1\u00a0234.5", 1234.5),
        ("1'234", 1234.0),
        ("1.5", 1.5),
        (".5", 0.5),
        ("1.234,50", 1234.5),
        ("1.234.567,89", 1234567.89),
        ("12,50", 12.5),
        ("1,5", 1.5),
        ("1,2345", 1.2345),
        ("1.234.567", 1234567.0),
        ("1.234,5", 1234.5),
        ("1 234,56", 1234.56),
        ("15,000/-", 15000.0),
        ("१,२००.५०", 1200.5),
        (" 42 ", 42.0),
        ("+42", 42.0),
        ("1.5E+06", 1500000.0),
    ],
)
def test_amount_that_proves_its_separators_is_read_without_evidence(raw, expected):
    assert parse_amount(raw) == expected


@pytest.mark.parametrize("raw", [15000, "15000", 0, "12,000.00"])
def test_amount_is_always_a_float(raw):
    assert type(parse_amount(raw)) is float


@pytest.mark.parametrize("raw", ["1,23,4", "1,,000", "1.234,567.8", "12.", "1'23", "1 234 56"])
def test_malformed_separators_are_errors(raw):
    with pytest.raises(CellError):
        parse_amount(raw)


@pytest.mark.parametrize("raw", ["NPR 15,000", "15000 QAR", "$500", "500$", "€ 1.234,50", "Rs. 15,000/-",
                                 "¥3000"])
def test_parse_amount_cannot_report_a_currency_so_it_refuses_one(raw):
    with pytest.raises(CellError, match="currency column"):
        parse_amount(raw)


@pytest.mark.parametrize(("raw", "message"), [(-5, "negative amount: -5"), ("-5", "negative amount: -5"),
                                              (-2.5, "negative amount: -2.5"), ("−7", "negative amount: -7"),
                                              ("-$5", "negative amount: -5"), ("$-5", "negative amount: -5")])
def test_negative_amount_is_an_error(raw, message):
    with pytest.raises(CellError) as info:
        parse_amount(raw)
    assert str(info.value) == message


@pytest.mark.parametrize("raw", [math.nan, math.inf, -math.inf, "nan", "inf", "1e999", 10**400])
def test_nan_and_infinity_are_not_amounts(raw):
    with pytest.raises(CellError):
        parse_amount(raw)


@pytest.mark.parametrize("raw", [True, False])
def test_boolean_cell_is_not_an_amount(raw):
    with pytest.raises(CellError, match="not an amount"):
        parse_amount(raw)


@pytest.mark.parametrize("raw", ["fifteen", "15k", "about 100", dt.date(2024, 1, 1)])
def test_words_are_not_amounts(raw):
    with pytest.raises(CellError, match="not an amount"):
        parse_amount(raw)


def test_negative_zero_amount_is_plain_zero():
    assert math.copysign(1, parse_amount(-0.0)) == 1.0


@pytest.mark.parametrize("raw", ["Nil", "NIL", "nil", " Nil. "])
def test_nil_is_an_amount_of_zero_with_a_note(raw):
    # South Asian and British accounts write Nil for zero ("Deductions: Nil").
    assert read_amount(raw) == Reading(0.0, f"{raw.strip()!r} read as 0")


def test_nil_is_not_a_count_and_parse_amount_cannot_report_its_note():
    with pytest.raises(CellError, match="not a number"):
        read_number("Nil")  # "Rest days: Nil" is left to the user
    with pytest.raises(CellError, match="not read as written"):
        parse_amount("Nil")
    for raw in ["Nil amount", "Rs Nil", "Nill", "-", "none"]:
        with pytest.raises(CellError):
            read_amount(raw)


@given(st.floats(min_value=0, max_value=1e12, allow_nan=False))
def test_any_non_negative_float_cell_round_trips(x):
    assert parse_amount(x) == x


@given(st.one_of(st.integers(min_value=0, max_value=999), st.integers(min_value=10**6, max_value=10**12)))
def test_comma_grouped_integers_without_a_lone_group_round_trip(n):
    assert parse_amount(f"{n:,}") == float(n)


@given(st.integers(min_value=1000, max_value=999_999))
def test_comma_grouped_integer_with_one_separator_is_refused_as_ambiguous(n):
    with pytest.raises(CellError, match="ambiguous amount"):
        parse_amount(f"{n:,}")


# ---------------------------------------------------------------------------------------------- numbers


@pytest.mark.parametrize(("raw", "expected"), [(48, 48.0), ("48", 48.0), ("1.5", 1.5), ("1,000,000", 1e6)])
def test_number_is_read_as_float(raw, expected):
    assert parse_number(raw) == expected
    assert type(parse_number(raw)) is float


def test_negative_number_is_an_error():
    with pytest.raises(CellError, match="negative number: -1"):
        parse_number(-1)


@pytest.mark.parametrize("raw", ["48 hours", "QAR 5", True, "a lot"])
def test_number_with_words_is_an_error(raw):
    with pytest.raises(CellError, match="not a number"):
        parse_number(raw)


# ---------------------------------------------------------------------------------------------- amounts with evidence

COMMA = NumberStyle(",", "1.400,00", "column")
POINT = NumberStyle(".", "1,400.00", "column")


def test_decimal_comma_proved_by_one_cell_reads_the_ambiguous_cells_of_the_column():
    column = ["1.400,00", "52.000", "120.000"]
    style = decide_number_style(column).style
    assert [read_amount(v, style).value for v in column] == [1400.0, 52000.0, 120000.0]
    assert read_amount("52.000", style).note == "read with a decimal comma (proved by '1.400,00' in this column)"
    assert read_amount("1.400,00", style).note is None  # read as written: nothing to report


def test_decimal_point_style_reads_the_lone_separator_as_decimal():
    note = "read with a decimal point (proved by '1,400.00' in this column)"
    assert read_amount("1.500", POINT) == Reading(1.5, note)
    assert read_amount("1,500", POINT).value == 1500.0


@pytest.mark.parametrize(("raw", "style", "written"), [("1,400.00", COMMA, "point"), ("12.50", COMMA, "point"),
                                                       ("1.234.567", POINT, "comma"), ("1,20,000", COMMA, "point")])
def test_value_contradicting_the_column_style_is_refused_naming_the_proof(raw, style, written):
    with pytest.raises(CellError, match=f"written with a decimal {written}, but this column uses .*{style.proof}"):
        read_amount(raw, style)


def test_lone_separator_before_three_digits_that_reads_one_way_only_is_read_that_way():
    assert read_amount("1234.567").value == 1234.567
    assert read_amount("0,500").value == 0.5
    with pytest.raises(CellError, match="written with a decimal point"):
        read_amount("1234.567", COMMA)


@pytest.mark.parametrize("raw", ["1 200,000", "1'200.000", "1\u00a0200,000"])
def test_space_groups_then_a_separator_before_three_digits_is_refused_as_mixed_grouping(raw):
    with pytest.raises(CellError, match="not an amount"):
        read_amount(raw)


def test_ambiguous_amount_is_refused_without_evidence_and_says_how_to_fix_it():
    with pytest.raises(CellError) as info:
        read_amount("120.000")
    assert str(info.value) == ("ambiguous amount: '120.000' could be 120000 or 120; no cell in this column shows "
                               "whether '.' separates thousands or decimals: write 120000 without a separator, "
                               "or 120.00 with two decimals")


@pytest.mark.parametrize(("raw", "currency", "expected"), [("120.000", "NPR", 120000.0), ("1,000", "QAR", 1000.0),
                                                           ("1.500", "JPY", 1500.0), ("120.000", "npr", 120000.0)])
def test_currency_minor_units_settle_an_ambiguous_amount_with_a_note(raw, currency, expected):
    reading = read_amount(raw, currency=currency)
    assert reading.value == expected
    assert reading.note is not None and "read as a thousands separator" in reading.note


@pytest.mark.parametrize("currency", ["KWD", "BHD", "OMR", "XYZ"])
def test_ambiguous_amount_stays_refused_when_the_currency_allows_three_decimals_or_is_unknown(currency):
    with pytest.raises(CellError, match=r"ambiguous amount: '1\.500'"):
        read_amount("1.500", currency=currency)


def test_reading_under_a_style_with_more_decimals_than_the_currency_allows_is_refused():
    with pytest.raises(CellError, match="has 3 decimals, but NPR has 2"):
        read_amount("12,505", COMMA, currency="NPR")
    with pytest.raises(CellError, match="but JPY has 0"):
        read_amount("1200.50", POINT, currency="JPY")
    assert read_amount("1.500", POINT, currency="KWD").value == 1.5


@pytest.mark.parametrize(
    ("raw", "value", "codes"),
    [
        ("NPR 120,000", 120000.0, {"NPR"}),
        ("Rs. 8,500", 8500.0, {"NPR", "INR", "PKR", "LKR"}),
        ("Rs.8,500", 8500.0, {"NPR", "INR", "PKR", "LKR"}),
        ("रु 1,700", 1700.0, {"NPR", "INR"}),
        ("QAR1,200.00", 1200.0, {"QAR"}),
        ("৳ 2,800", 2800.0, {"BDT"}),
        ("2800 QAR", 2800.0, {"QAR"}),
        ("2800QAR", 2800.0, {"QAR"}),
        ("USD 1.200,50", 1200.5, {"USD"}),
        ("1,200 ر.ق", 1200.0, {"QAR"}),
        ("1500 元", 1500.0, {"CNY", "HKD", "TWD"}),
        ("Rs. 15,000/-", 15000.0, {"NPR", "INR", "PKR", "LKR"}),
        ("100/-", 100.0, set()),
    ],
)
def test_currency_written_before_or_after_the_amount_is_taken_out_and_returned(raw, value, codes):
    reading = read_amount(raw)
    assert reading.value == value
    assert set(reading.currencies) == codes
    if codes:
        assert reading.note is not None and reading.note.startswith("currency ")


def test_dollar_sign_returns_every_dollar_and_its_minor_units_settle_the_comma():
    reading = read_amount("$1,200")
    assert reading.value == 1200.0
    assert {"USD", "SGD", "HKD"} <= set(reading.currencies)


def test_row_currency_rather_than_the_written_one_settles_the_separator():
    assert read_amount("KD 1.500", currency="NPR").value == 1500.0
    with pytest.raises(CellError, match="ambiguous"):
        read_amount("KD 1.500")


@pytest.mark.parametrize("raw", ["approx 1200", "1200 paid", "about 100", "15k", "XYZ 100", "12 apples"])
def test_words_that_are_not_currencies_stay_refused(raw):
    with pytest.raises(CellError, match="not an amount"):
        read_amount(raw)


def test_two_different_currencies_in_one_cell_are_refused():
    with pytest.raises(CellError, match="two different currencies"):
        read_amount("€ 100 QAR")


def test_whole_amount_mark_with_decimals_is_refused():
    with pytest.raises(CellError, match="'/-' marks a whole amount"):
        read_amount("15.000/-")


@pytest.mark.parametrize("raw", ["QAR 5", "Rs 5", "5/-", "48 hours"])
def test_currency_or_words_in_a_number_cell_stay_refused(raw):
    with pytest.raises(CellError, match="not a number"):
        read_number(raw)


def test_number_reader_follows_the_column_style():
    assert read_number("7,5", COMMA).value == 7.5
    assert read_number("1.000", COMMA).value == 1000.0
    with pytest.raises(CellError, match="ambiguous number"):
        read_number("1.000")


@pytest.mark.parametrize("reader", [read_amount, read_number])
def test_blank_is_an_empty_reading(reader):
    assert reader("  ") == Reading(None)


_GROUPERS = {".": [",", " ", "\u00a0", "'", ""], ",": [".", " ", "\u00a0", ""]}


def _grouped(n: int, grouper: str) -> str:
    return f"{n:,}".replace(",", grouper)


@st.composite
def _written_amounts(draw: st.DrawFn) -> tuple[str, str, float]:
    decimal = draw(st.sampled_from([".", ","]))
    whole = draw(st.integers(min_value=0, max_value=10**10))
    cents = draw(st.one_of(st.none(), st.integers(min_value=0, max_value=99)))
    text = _grouped(whole, draw(st.sampled_from(_GROUPERS[decimal])))
    if cents is None:
        return decimal, text, float(whole)
    return decimal, f"{text}{decimal}{cents:02d}", float(f"{whole}.{cents:02d}")


@given(_written_amounts())
def test_amount_written_in_either_convention_reads_back_from_a_column_with_one_proof(case):
    decimal, text, amount = case
    proof = "1.400,00" if decimal == "," else "1,400.00"
    style = decide_number_style([text, proof, "7"]).style
    assert style is not None and style.decimal == decimal
    assert read_amount(text, style).value == amount


@given(_written_amounts(), st.sampled_from([None, "NPR", "KWD", "JPY", "USD"]))
def test_amount_read_without_evidence_is_right_or_refused_never_wrong(case, currency):
    _, text, amount = case
    try:
        value = read_amount(text, currency=currency).value
    except CellError:
        return
    assert value == amount


# ---------------------------------------------------------------------------------------------- dates with evidence

DMY = DateStyle("dmy", "31/05/2024", "column")
MDY = DateStyle("mdy", "05/31/2024", "column")


def test_month_first_column_reads_an_ambiguous_date_month_first_with_a_note():
    column = ["05/01/2024", "05/31/2024"]
    style = decide_date_style(column).style
    reading = read_date("05/01/2024", style)
    assert reading == Reading(dt.date(2024, 5, 1), "read month first (proved by '05/31/2024' in this column)")
    assert read_date("05/31/2024", style) == Reading(dt.date(2024, 5, 31))


def test_date_contradicting_the_column_order_is_refused_naming_the_proof():
    with pytest.raises(CellError, match="'31/05/2024' is written day first, but this column is month first "
                                        r"\(proved by '05/31/2024' in this column\)"):
        read_date("31/05/2024", MDY)


def test_same_day_and_month_need_no_order():
    assert read_date("05/05/2024") == Reading(dt.date(2024, 5, 5))


@pytest.mark.parametrize(
    "raw",
    ["25-Jan-2024", "25 Jan 2024", "January 25, 2024", "Jan 25 2024", "25.01.2024", "2024-01-25", "2024/01/25",
     "20240125", "2024年1月25日", "2024-01-25 14:30", "25/01/2024 00:00:00", "01/25/2024 3:15 pm", "2024 Jan 25",
     "२०२४-०१-२५"],
)
def test_date_forms_people_type_are_read_as_written(raw):
    assert read_date(raw, DMY if raw.startswith("25/") else None) == Reading(dt.date(2024, 1, 25))


@pytest.mark.parametrize("raw", ["25-Jan-24", "5 March 69", "5-Mar-70", "05-Mar-65"])
def test_two_digit_year_of_a_full_date_is_refused_even_with_a_month_name(raw):
    # "05-Mar-65" is 1965 or 2065: read in the wrong century, an adult's birth date makes a child (review finding)
    with pytest.raises(CellError, match="two-digit year"):
        read_date(raw)


def test_two_digit_year_of_a_pay_month_is_read_and_noted():
    assert read_period("Aug-24").note and "2024" in read_period("Aug-24").note


@pytest.mark.parametrize("style", [None, DMY])
def test_numeric_two_digit_year_stays_refused(style):
    with pytest.raises(CellError, match="two-digit year"):
        read_date("25/01/24", style)


@pytest.mark.parametrize(("raw", "expected", "note"), [
    (45292, dt.date(2024, 1, 1), "Excel serial 45292 read as 2024-01-01"),
    (45292.0, dt.date(2024, 1, 1), "Excel serial 45292 read as 2024-01-01"),
    (45292.75, dt.date(2024, 1, 1), "Excel serial 45292.75 read as 2024-01-01 (its time of day dropped)"),
    ("45292", dt.date(2024, 1, 1), "Excel serial 45292 read as 2024-01-01"),
    (18264, dt.date(1950, 1, 1), "Excel serial 18264 read as 1950-01-01"),
    (73415, dt.date(2100, 12, 31), "Excel serial 73415 read as 2100-12-31"),
])
def test_excel_serial_in_a_date_column_is_read_with_a_note(raw, expected, note):
    assert read_date(raw) == Reading(expected, note)


@pytest.mark.parametrize("raw", [18263, 73416, 5, 2024, -45292, math.nan, math.inf, 10**400, "2024"])
def test_number_outside_the_plausible_serial_range_is_not_a_date(raw):
    with pytest.raises(CellError, match="a number, not a date"):
        read_date(raw)


def test_serials_can_be_turned_off():
    with pytest.raises(CellError, match="a number, not a date"):
        read_date(45292, serials=False)


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)), st.sampled_from(["dmy", "mdy"]),
       st.sampled_from("/-."), st.booleans())
def test_date_written_in_either_order_reads_back_from_a_column_with_one_proof(day, order, sep, padded):
    d, m = (f"{day.day:02d}", f"{day.month:02d}") if padded else (str(day.day), str(day.month))
    text = sep.join((d, m) if order == "dmy" else (m, d)) + f"{sep}{day.year}"
    proof = "31/05/2024" if order == "dmy" else "05/31/2024"
    style = decide_date_style(["2024-01-01", text, proof]).style
    assert style is not None and style.order == order
    assert read_date(text, style).value == day
    try:  # without evidence: the right date or a refusal, never the swapped one
        assert read_date(text).value == day
    except CellError as e:
        assert "ambiguous date" in e.reason


# ---------------------------------------------------------------------------------------------- periods

MAY = (dt.date(2024, 5, 1), dt.date(2024, 5, 31))


@pytest.mark.parametrize("raw", ["2024-05", "2024/05", "May 2024", "May-2024", "05/2024", "5/2024", "may 2024",
                                 "2024年5月", "202405", 202405, "May '24", "May-24"])
def test_month_forms_read_as_the_first_and_last_day_of_the_month(raw):
    reading = read_period(raw)
    assert reading.value == MAY
    assert reading.note is not None and reading.note.endswith("read as 2024-05-01..2024-05-31")


def test_month_name_with_two_digit_year_notes_the_year():
    reading = read_period("Aug-24")
    assert reading.value == (dt.date(2024, 8, 1), dt.date(2024, 8, 31))
    assert reading.note == "two-digit year 24 read as 2024; month 'Aug-24' read as 2024-08-01..2024-08-31"


def test_february_of_a_leap_year_ends_on_the_29th():
    assert read_period("August 2024").value == (dt.date(2024, 8, 1), dt.date(2024, 8, 31))
    assert read_period("Feb 2024").value == (dt.date(2024, 2, 1), dt.date(2024, 2, 29))


@pytest.mark.parametrize("raw", [dt.date(2024, 5, 17), dt.datetime(2024, 5, 17, 9), "2024-05-17", "17 May 2024"])
def test_a_date_in_a_period_column_means_its_month_with_a_note(raw):
    assert read_period(raw) == Reading(MAY, "date 2024-05-17 taken as its month 2024-05-01..2024-05-31")


def test_a_serial_in_a_period_column_means_its_month_with_both_notes():
    reading = read_period(45292)
    assert reading.value == (dt.date(2024, 1, 1), dt.date(2024, 1, 31))
    assert reading.note is not None and reading.note.startswith("Excel serial 45292 read as 2024-01-01; date ")


@pytest.mark.parametrize("raw", ["2024-05-01 to 2024-05-31", "2024-05-01 - 2024-05-31", "1 May 2024 – 31 May 2024",
                                 "2024-05-01~2024-05-31", "2024-05-01至2024-05-31"])
def test_range_of_two_dates_is_read_as_those_dates(raw):
    assert read_period(raw) == Reading(MAY)


def test_range_half_that_proves_its_order_reads_the_other_half():
    reading = read_period("01/05/2024 - 31/05/2024")
    assert reading == Reading(MAY, "read day first (proved by '31/05/2024' in this cell)")


def test_range_follows_the_column_style():
    assert read_period("05/01/2024 - 05/10/2024", MDY).value == (dt.date(2024, 5, 1), dt.date(2024, 5, 10))


@pytest.mark.parametrize(("raw", "message"), [
    ("31/05/2024 - 01/05/2024", "ends before it starts"),
    ("05/03/2024", "ambiguous date"),
    ("13/2024", "not a month"),
    ("May 24", "not a period"),  # 24 May, or May 2024?
    ("sometime in May", "not a period"),
    ("May - June", "not a period"),
    (True, "not a period"),
    (5, "not a period"),
])
def test_unreadable_period_is_refused(raw, message):
    with pytest.raises(CellError, match=message):
        read_period(raw)


def test_parse_period_reads_a_month_but_refuses_what_needs_a_note():
    assert parse_period("May 2024") == MAY
    assert parse_cell("2024-05-01 to 2024-05-31", ColumnSpec("period", Kind.PERIOD, "")) == MAY
    with pytest.raises(CellError, match="two-digit year"):
        parse_period("May-24")
    with pytest.raises(CellError, match="taken as its month"):
        parse_period(dt.date(2024, 5, 17))


def test_blank_period_and_date_are_empty_readings():
    assert read_period(None) == read_date(" ") == Reading(None)


# ---------------------------------------------------------------------------------------------- currency column


@pytest.mark.parametrize(("raw", "codes"), [("NPR", ("NPR",)), (" npr ", ("NPR",)), ("Nepali rupees", ("NPR",)),
                                            ("QR", ("QAR",)), ("Rs", ("NPR", "INR", "PKR", "LKR")),
                                            ("Martian dollars", ())])
def test_currency_column_cell_gives_its_candidate_codes(raw, codes):
    assert currency_codes(raw) == codes
    assert "NPR" in currency_codes("रु")


# ---------------------------------------------------------------------------------------------- wrappers


@pytest.mark.parametrize(("parser", "raw", "message"), [
    (parse_date, 45356, "a number, not a date"),
    (parse_amount, "NPR 1,000", "currency column"),
])
def test_parse_wrappers_refuse_what_they_could_only_read_with_a_note(parser, raw, message):
    with pytest.raises(CellError, match=message):
        parser(raw)


# ---------------------------------------------------------------------------------------------- robustness

_PIECES = st.sampled_from([*"0123456789.,/- '年月$:t~–²", "\u00a0", "रु", "१", " to ", "/-", "e5", "Rs", "May", "NPR"])


@given(st.one_of(st.lists(_PIECES, max_size=12).map("".join), st.text(max_size=12), st.integers(), st.floats()),
       st.sampled_from([None, COMMA, POINT]), st.sampled_from([None, DMY, MDY]))
def test_any_cell_is_read_or_refused_with_a_reason_never_crashes(raw, number_style, date_style):
    for read in (lambda: read_amount(raw, number_style, "NPR"), lambda: read_number(raw, number_style),
                 lambda: read_date(raw, date_style), lambda: read_period(raw, date_style)):
        try:
            assert isinstance(read(), Reading)
        except CellError as e:
            assert e.reason


# ---------------------------------------------------------------------------------------------- yes/no


@pytest.mark.parametrize("raw", ["yes", "YES", " Yes ", "y", "Y", "true", "TRUE", "1", 1, 1.0, True, "是"])
def test_yes_words_are_true(raw):
    assert parse_yes_no(raw) is True


@pytest.mark.parametrize("raw", ["no", "NO", "n", "false", "False", "0", 0, 0.0, False, "否"])
def test_no_words_are_false(raw):
    assert parse_yes_no(raw) is False


@pytest.mark.parametrize(("raw", "reason"), [("maybe", "not a plain answer"), ("2", "use yes or no"),
                                             (2, "use yes or no"), ("yess", "did you mean yes?"),
                                             ("ok", "use yes or no"), ("x", "write yes or no")])
def test_other_words_are_not_yes_or_no_and_the_error_says_why(raw, reason):
    with pytest.raises(CellError) as info:
        parse_yes_no(raw)
    assert reason in str(info.value)


@pytest.mark.parametrize(("raw", "expected"), [("有", True), ("haina", False), ("Sudah", True), ("Tidak ada", False)])
def test_yes_no_reads_the_spellings_of_the_yes_no_vocabulary(raw, expected):
    assert parse_yes_no(raw) is expected


@pytest.mark.parametrize("raw", ["No - refused", "Yes, signed copy"])
def test_a_yes_no_read_only_by_its_leading_word_is_refused_since_parse_cannot_report_it(raw):
    with pytest.raises(CellError, match=r"by its word '(no|yes)' alone"):
        parse_yes_no(raw)


def test_a_contract_yes_no_column_reads_its_own_vocabulary_through_parse_cell():
    receipt = SHEETS_BY_NAME["fees"].column("receipt")
    assert parse_cell("Not given", receipt) is False
    with pytest.raises(CellError, match="negation"):
        parse_cell("Not given", SHEETS_BY_NAME["contracts"].column("written"))
    with pytest.raises(CellError, match="negation"):
        parse_cell("Not given", ColumnSpec("x", Kind.YESNO, ""))  # a hand-built column reads yes_no alone


# ---------------------------------------------------------------------------------------------- choices


@pytest.mark.parametrize(
    ("raw", "spec", "expected"),
    [
        ("medical", FEE_CATEGORY, "medical"),
        (" Medical ", FEE_CATEGORY, "medical"),
        ("Recruitment Fee", FEE_CATEGORY, "recruitment_fee"),
        ("recruitment-fee", FEE_CATEGORY, "recruitment_fee"),
        ("recruitment  _ fee", FEE_CATEGORY, "recruitment_fee"),
        ("Health check", FEE_CATEGORY, "medical"),
        ("Air ticket", FEE_CATEGORY, "travel"),
        ("体检", FEE_CATEGORY, "medical"),
        (" 中介费 ", FEE_CATEGORY, "recruitment_fee"),
        ("Sub-Agent", AGENCY_ROLE, "sub_agent"),
        ("broker", AGENCY_ROLE, "sub_agent"),
        (1, CONSENT, "yes"),
        (0.0, CONSENT, "no"),
        ("是", CONSENT, "yes"),
    ],
)
def test_choice_accepts_values_and_synonyms_after_normalising(raw, spec, expected):
    assert parse_choice(raw, spec) == expected


def test_a_hand_built_choice_column_reads_its_codes_in_any_case_and_spacing_only():
    spec = ColumnSpec("x", Kind.CHOICE, "", choices=("a_b", "c"))
    assert parse_choice("A - B", spec) == "a_b"
    with pytest.raises(CellError, match=r"not an accepted value: 'broker' \(use a_b or c\)"):
        parse_choice("broker", spec)


def test_unknown_choice_lists_accepted_values():
    with pytest.raises(CellError) as info:
        parse_choice("wizard", AGENCY_ROLE)
    assert str(info.value).startswith("not an accepted value: 'wizard' (use recruiter, sub_agent or employer_agent")


def test_unknown_choice_of_a_hand_built_column_shortens_a_long_list_of_values():
    spec = ColumnSpec("x", Kind.CHOICE, "", choices=tuple(f"code_{i}" for i in range(23)))
    with pytest.raises(CellError) as info:
        parse_choice("pizza", spec)
    assert "code_0" in str(info.value) and "23 in all" in str(info.value) and "code_22" not in str(info.value)


@pytest.mark.parametrize(("raw", "reason"), [("Agency commission charged", "its word 'commission'"),
                                             ("Recrutment fee", "a typo of 'recruitment_fee'")])
def test_a_choice_read_by_keyword_or_typo_is_refused_since_parse_cannot_report_it(raw, reason):
    with pytest.raises(CellError, match=reason):
        parse_choice(raw, FEE_CATEGORY)


# ---------------------------------------------------------------------------------------------- lists


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Nepali, Hindi", ("Nepali", "Hindi")),
        ("Nepali;Hindi / English", ("Nepali", "Hindi", "English")),
        ("尼泊尔语、英语，印地语", ("尼泊尔语", "英语", "印地语")),
        ("Nepali and Hindi", ("Nepali", "Hindi")),
        ("Nepali AND Hindi", ("Nepali", "Hindi")),
        ("Nepali, , Hindi,", ("Nepali", "Hindi")),
        ("Nepali, nepali, Hindi, NEPALI", ("Nepali", "Hindi")),
        ("Hindi, Nepali", ("Hindi", "Nepali")),
        ("Bahasa  Indonesia", ("Bahasa Indonesia",)),
        ("Rwanda", ("Rwanda",)),
        (",", None),
    ],
)
def test_list_splits_strips_dedupes_and_keeps_order(raw, expected):
    assert parse_list(raw) == expected


# ---------------------------------------------------------------------------------------------- headers


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Worker ID", "worker_id"),
        (" worker_id ", "worker_id"),
        ("WORKER-ID", "worker_id"),
        ("Worker  __ ID", "worker_id"),
        ("licence valid from.", "licence_valid_from"),
        ("_amount_", "amount"),
        ("Date of Birth", "date_of_birth"),
        ("", ""),
    ],
)
def test_header_normalisation_ignores_case_spaces_hyphens_and_dots(raw, expected):
    assert normalize_header(raw) == expected


# ---------------------------------------------------------------------------------------------- dispatch


@pytest.mark.parametrize(
    ("kind", "raw", "expected"),
    [
        (Kind.ID, 7.0, "7"),
        (Kind.REF, " AG 01 ", "AG 01"),
        (Kind.TEXT, " mason ", "mason"),
        (Kind.DATE, "2024-03-05", dt.date(2024, 3, 5)),
        (Kind.AMOUNT, "1,000.00", 1000.0),
        (Kind.NUMBER, "48", 48.0),
        (Kind.YESNO, "是", True),
        (Kind.LIST, "a, b", ("a", "b")),
    ],
)
def test_parse_cell_dispatches_on_kind(kind, raw, expected):
    assert parse_cell(raw, ColumnSpec("x", kind, "")) == expected


def test_parse_cell_dispatches_choice_with_its_spec():
    assert parse_cell("Broker", AGENCY_ROLE) == "sub_agent"


@pytest.mark.parametrize("kind", list(Kind))
def test_every_kind_has_a_parser(kind):
    spec = ColumnSpec("x", kind, "", choices=("a",))
    assert parse_cell(None, spec) is None


# ---------------------------------------------------------------------------------------------- languages


@pytest.mark.parametrize(
    ("names", "key"),
    [
        (["English", "en", "ENGLISH", "英语", "Anglais", " english ", "英文"], "en"),
        (["Nepali", "ne", "नेपाली", "尼泊尔语", "NEPALI"], "ne"),
        (["Bahasa Indonesia", "Indonesian", "id", "bahasa  indonesia"], "id"),
        (["Bahasa Melayu", "Malay", "ms"], "ms"),
        (["Tagalog", "Filipino", "tl", "fil"], "fil"),
        (["Burmese", "Myanmar", "my"], "my"),
        (["Bangla", "Bengali", "bn", "বাংলা"], "bn"),
        (["Hindi", "हिन्दी", "hi", "印地语"], "hi"),
        (["Arabic", "العربية", "阿拉伯语"], "ar"),
        (["Chinese", "中文", "zh"], "zh"),
    ],
)
def test_language_names_in_different_languages_share_one_key(names, key):
    assert {language_key(n) for n in names} == {key}


def test_unknown_language_names_match_only_when_equal_ignoring_case():
    assert language_key("Klingonese ") == language_key("klingonese") == "klingonese"
    assert language_key("Klingonese") != language_key("Klingon Dialect")


def test_committed_language_table_equals_a_fresh_build_from_babel() -> None:
    import json

    from compliance.languages import TABLE, build_table

    assert json.loads(TABLE.read_text(encoding="utf-8")) == build_table(), "run: python -m compliance.languages"
