from __future__ import annotations

import datetime as dt
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from compliance.input.cells import (
    CellError,
    normalize_header,
    parse_amount,
    parse_cell,
    parse_choice,
    parse_date,
    parse_id,
    parse_list,
    parse_number,
    parse_text,
    parse_yes_no,
)
from compliance.languages import language_key
from compliance.input.sheets import SHEETS_BY_NAME, ColumnSpec, Kind

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


@pytest.mark.parametrize("raw", ["05/03/2024", "5.3.2024", "5-3-2024", "05.03.2024"])
def test_day_first_text_date_is_read_day_first(raw):
    assert parse_date(raw) == dt.date(2024, 3, 5)


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


def test_month_first_date_explains_dates_are_read_day_first():
    with pytest.raises(CellError, match="day first"):
        parse_date("12/31/2024")


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
        ("12,000", 12000.0),
        ("1,234,567", 1234567.0),
        ("1 234", 1234.0),
        ("1\u00a0234.5", 1234.5),
        ("1'234", 1234.0),
        ("1.5", 1.5),
        (".5", 0.5),
        ("1.234,50", 1234.5),
        ("1.234.567,89", 1234567.89),
        ("12,50", 12.5),
        ("15,000/-", 15000.0),
        (" 42 ", 42.0),
        ("+42", 42.0),
        ("1.5E+06", 1500000.0),
    ],
)
def test_amount_is_read_with_thousands_separators(raw, expected):
    assert parse_amount(raw) == expected


@pytest.mark.parametrize("raw", [15000, "15000", 0, "12,000"])
def test_amount_is_always_a_float(raw):
    assert type(parse_amount(raw)) is float


@pytest.mark.parametrize("raw", ["1,5", "1,2345", "1.234.567", "1,23,4", "1.234,5"])
def test_ambiguous_or_malformed_separators_are_errors(raw):
    with pytest.raises(CellError):
        parse_amount(raw)


@pytest.mark.parametrize("raw", ["NPR 15,000", "15000 QAR", "$500", "500$", "€ 1.234,50", "Rs. 15,000/-",
                                 "¥3000", "-$5"])
def test_currency_in_amount_cell_tells_user_to_use_currency_column(raw):
    with pytest.raises(CellError, match="currency column"):
        parse_amount(raw)


@pytest.mark.parametrize(("raw", "message"), [(-5, "negative amount: -5"), ("-5", "negative amount: -5"),
                                              (-2.5, "negative amount: -2.5"), ("−7", "negative amount: -7")])
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


@given(st.floats(min_value=0, max_value=1e12, allow_nan=False))
def test_any_non_negative_float_cell_round_trips(x):
    assert parse_amount(x) == x


@given(st.integers(min_value=0, max_value=10**12))
def test_comma_grouped_integers_round_trip(n):
    assert parse_amount(f"{n:,}") == float(n)


# ---------------------------------------------------------------------------------------------- numbers


@pytest.mark.parametrize(("raw", "expected"), [(48, 48.0), ("48", 48.0), ("1.5", 1.5), ("1,000", 1000.0)])
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


# ---------------------------------------------------------------------------------------------- yes/no


@pytest.mark.parametrize("raw", ["yes", "YES", " Yes ", "y", "Y", "true", "TRUE", "1", 1, 1.0, True, "是"])
def test_yes_words_are_true(raw):
    assert parse_yes_no(raw) is True


@pytest.mark.parametrize("raw", ["no", "NO", "n", "false", "False", "0", 0, 0.0, False, "否"])
def test_no_words_are_false(raw):
    assert parse_yes_no(raw) is False


@pytest.mark.parametrize("raw", ["maybe", "2", 2, "yess", "有", "ok"])
def test_other_words_are_not_yes_or_no_and_the_error_lists_accepted_words(raw):
    with pytest.raises(CellError, match="use yes, no, true, false, y, n, 1, 0, 是 or 否"):
        parse_yes_no(raw)


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


def test_synonym_key_written_with_hyphen_still_matches():
    spec = ColumnSpec("x", Kind.CHOICE, "", choices=("a_b",), synonyms={"long-name": "a_b"})
    assert parse_choice("Long Name", spec) == "a_b"


def test_unknown_choice_lists_accepted_values():
    with pytest.raises(CellError) as info:
        parse_choice("wizard", AGENCY_ROLE)
    assert str(info.value) == "not an accepted value: 'wizard' (use recruiter, sub_agent or employer_agent)"


def test_unknown_choice_shortens_a_long_list_of_values():
    with pytest.raises(CellError) as info:
        parse_choice("pizza", FEE_CATEGORY)
    message = str(info.value)
    assert "recruitment_fee" in message
    assert "23 in all" in message
    assert "illegal_cost_recovery" not in message


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
        (Kind.AMOUNT, "1,000", 1000.0),
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
