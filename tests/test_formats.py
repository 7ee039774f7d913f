"""formats.py: which convention a column's cells prove, and the currency table."""

from __future__ import annotations

import datetime as dt

import pytest

from compliance.input.formats import (
    DateStyle,
    Decision,
    NumberStyle,
    VocabError,
    allowed_decimals,
    currency_candidates,
    currency_table,
    date_proof,
    decide_date_style,
    decide_number_style,
    merge_date_styles,
    merge_number_styles,
    minor_units,
    number_proof,
    number_readings,
    origin,
    read_currency_table,
)

# ---------------------------------------------------------------------------------------------- number evidence


@pytest.mark.parametrize(
    ("text", "proved"),
    [
        ("1.400,00", ","),  # both separators: the last one is the decimal one
        ("1,400.00", "."),
        ("1.234.567", ","),  # a repeated separator groups thousands, so the other one is decimal
        ("1,234,567", "."),
        ("1,20,000", "."),  # Indian lakh grouping
        ("12,50", ","),  # one separator then 1, 2 or 4+ digits: decimal
        ("1400.5", "."),
        ("1,2345", ","),
        ("1 234,5", ","),
        ("NPR 1.400,00", ","),
        ("15,000/-", "."),  # the South Asian whole-amount mark is written where the decimal is a point
        ("120.000", None),  # one separator then exactly 3 digits: either convention
        ("1,000", None),
        ("1200", None),
        ("1234.567", None),  # reads one way only, but a lone separator before 3 digits proves nothing for others
        ("0,500", None),
        ("1 234", None),
        ("hello", None),
    ],
)
def test_number_text_proves_its_decimal_separator_only_when_unambiguous(text, proved):
    assert number_proof(text) == proved


def test_ambiguous_number_text_has_two_readings_and_malformed_text_none():
    assert {d: r.value for d, r in number_readings("120.000").items()} == {".": 120.0, ",": 120000.0}
    assert number_readings("120.000")["."].decimals == 3
    assert number_readings("1,23,4") == {}
    assert {r.value for r in number_readings("1200").values()} == {1200.0}


def test_native_numbers_prove_nothing_about_separators():
    assert decide_number_style([1400.5, 120000, 12.5]) == Decision(None, (), ())


def test_one_decimal_comma_cell_decides_the_column_and_names_its_proof():
    decision = decide_number_style(["52.000", 7, "1.400,00", "120.000", None])
    assert decision == Decision(NumberStyle(",", "1.400,00", "column"), (), (2,))


def test_column_proving_both_separators_keeps_the_majority_and_returns_the_conflicts():
    decision = decide_number_style(["1.400,00", "1,400.00", "12,50", "3.000"])
    assert decision.style == NumberStyle(",", "1.400,00", "column")
    assert decision.proofs == (0, 2)
    assert decision.conflicts == (1,)


def test_tie_between_separators_decides_nothing_and_reports_every_proving_cell():
    decision = decide_number_style(["1.400,00", "1,400.00", "5.000"])
    assert decision.style is None
    assert decision.conflicts == (0, 1)
    assert decision.proofs == ()


# ---------------------------------------------------------------------------------------------- date evidence


@pytest.mark.parametrize(
    ("text", "proved"),
    [
        ("31/05/2024", "dmy"),
        ("31-05-2024", "dmy"),
        ("05/31/2024", "mdy"),
        ("01.08.2024", None),  # both parts <= 12
        ("05/05/2024", None),
        ("2024-05-31", None),  # ISO: the order is fixed, it says nothing about d/m/y
        ("31 May 2024", None),
        ("May 31, 2024", None),
        ("45321", None),
        ("31/05/2024 10:00", "dmy"),
        ("01/05/2024 - 31/05/2024", "dmy"),
        ("31/05/2024 - 05/31/2024", None),  # contradicts itself
    ],
)
def test_numeric_date_text_proves_its_order_only_with_a_part_over_12(text, proved):
    assert date_proof(text) == proved


def test_month_first_cell_decides_the_column():
    decision = decide_date_style(["05/01/2024", "05/31/2024", dt.date(2024, 5, 1), 45321])
    assert decision == Decision(DateStyle("mdy", "05/31/2024", "column"), (), (1,))


def test_column_proving_both_orders_returns_the_conflicting_positions():
    decision = decide_date_style(["31/05/2024", "05/31/2024", "13/01/2024", "2024-01-01", "25/12/2024"])
    assert decision.style is not None and decision.style.order == "dmy"
    assert decision.proofs == (0, 2, 4)
    assert decision.conflicts == (1,)


def test_dates_without_evidence_decide_nothing():
    assert decide_date_style(["2024-05-31", "05/03/2024", dt.date(2024, 1, 1), None]) == Decision(None, (), ())


# ---------------------------------------------------------------------------------------------- merging


def test_sheet_style_merges_columns_and_lists_the_column_that_disagrees():
    columns = [decide_number_style(["1.400,00", "2.000,50"]), decide_number_style(["1,200.00"]),
               decide_number_style(["5"])]
    merged = merge_number_styles(columns)
    assert merged.style == NumberStyle(",", "1.400,00", "sheet")
    assert (merged.proofs, merged.conflicts) == ((0,), (1,))


def test_merge_of_equal_weights_decides_nothing():
    columns = [decide_date_style(["31/05/2024"]), decide_date_style(["05/31/2024"])]
    assert merge_date_styles(columns, source="file") == Decision(None, (0, 1), ())


def test_merge_of_no_evidence_decides_nothing():
    assert merge_number_styles([decide_number_style(["5"])]).style is None


def test_origin_says_who_proved_the_style():
    assert origin(NumberStyle(",", "1.400,00", "column")) == "proved by '1.400,00' in this column"
    assert origin(DateStyle("dmy", None, "mapping")) == "set by the mapping"


# ---------------------------------------------------------------------------------------------- currency table

MIGRATION_CURRENCIES = ["NPR", "INR", "BDT", "PKR", "LKR", "PHP", "IDR", "VND", "MMK", "KHR", "CNY", "QAR", "SAR",
                        "AED", "KWD", "BHD", "OMR", "MYR", "SGD", "JPY", "KRW", "HKD", "TWD", "USD", "EUR", "GBP",
                        "JOD", "LBP"]


def test_currencies_of_asian_and_gulf_labour_migration_are_all_in_the_table():
    assert set(MIGRATION_CURRENCIES) <= set(currency_table().minor_units)


@pytest.mark.parametrize(("code", "units"), [("NPR", 2), ("QAR", 2), ("JPY", 0), ("KRW", 0), ("VND", 0),
                                             ("KWD", 3), ("BHD", 3), ("OMR", 3), ("JOD", 3), ("npr", 2)])
def test_minor_units_follow_iso_4217(code, units):
    assert minor_units(code) == units


def test_unknown_currency_has_no_minor_units():
    assert minor_units("XYZ") is None
    assert allowed_decimals(["XYZ"]) is None
    assert allowed_decimals(["KWD", "NPR"]) == 3


@pytest.mark.parametrize(
    ("written", "codes"),
    [
        ("NPR", {"NPR"}), ("npr", {"NPR"}), ("Nepali rupees", {"NPR"}), ("QR", {"QAR"}), ("ر.ق", {"QAR"}),
        ("৳", {"BDT"}), ("টাকা", {"BDT"}), ("Taka", {"BDT"}), ("₹", {"INR"}), ("人民币", {"CNY"}),
        ("RM", {"MYR"}), ("Rp", {"IDR"}), ("₱", {"PHP"}), ("KD", {"KWD"}), ("Dhs.", {"AED"}), ("€", {"EUR"}),
        ("Rs", {"NPR", "INR", "PKR", "LKR"}), ("Rs.", {"NPR", "INR", "PKR", "LKR"}),
        ("₨", {"NPR", "INR", "PKR", "LKR"}),
        # traditional Chinese (Hong Kong 卡塔爾, Taiwan 卡達) and Malay/Indonesian names (third holdout)
        ("尼泊爾盧比", {"NPR"}), ("卡塔爾里亞爾", {"QAR"}), ("卡達里亞爾", {"QAR"}), ("卡达里亚尔", {"QAR"}),
        ("Qatar riyal", {"QAR"}), ("Riyal Qatar", {"QAR"}), ("Rupee Nepal", {"NPR"}), ("Dolar AS", {"USD"}),
        ("盧比", {"NPR", "INR", "PKR", "LKR"}), ("里亞爾", {"QAR", "SAR", "OMR"}),
    ],
)
def test_currency_spellings_map_to_iso_codes(written, codes):
    assert set(currency_candidates(written)) == codes


def test_shared_symbols_return_every_currency_they_can_mean():
    assert {"USD", "SGD", "HKD", "TWD"} <= set(currency_candidates("$"))
    assert {"NPR", "INR"} <= set(currency_candidates("रु"))
    assert {"QAR", "SAR", "OMR"} <= set(currency_candidates("ريال"))
    assert {"CNY", "JPY"} <= set(currency_candidates("¥"))


@pytest.mark.parametrize("word", ["approx", "paid", "about", "k", ""])
def test_words_that_are_not_currencies_have_no_codes(word):
    assert currency_candidates(word) == ()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("npr:\n  minor_units: 2\n", "entry 'npr': the key must be an ISO 4217 code"),
        ("NPR:\n  minor_units: two\n", "entry 'NPR': minor_units must be a whole number"),
        ("NPR:\n  minor_units: 2\n  symbols: [Rs]\n", "entry 'NPR': expected 'minor_units'"),
        ("NPR:\n  minor_units: 2\n  written: [Rs, '']\n", "entry 'NPR': 'written' must be a list"),
        ("NPR:\n  minor_units: 2\nNPR:\n  minor_units: 3\n", "duplicate key 'NPR'"),
        ("[1, 2]\n", "expected a mapping"),
    ],
)
def test_bad_currency_table_entry_names_the_file_and_the_entry(tmp_path, text, message):
    path = tmp_path / "currencies.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(VocabError, match=message) as info:
        read_currency_table(path)
    assert str(info.value).startswith("currencies.yaml: ")
