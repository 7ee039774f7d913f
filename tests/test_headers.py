from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import openpyxl
import pytest
import python_calamine
import yaml

from compliance.input import header_names, headers
from compliance.input.headers import (
    HeaderCell,
    HeaderRow,
    HeaderVocabError,
    closest_headers,
    find_header,
    identify_sheet,
    identify_sheets,
    match_columns,
    shift_merged,
    split_header,
)
from compliance.input.sheets import SHEETS


def _fields(grid, sheet, merged=()):
    """{header text: matched field} for the header found in grid."""
    header = find_header(grid, sheet, merged)
    assert header is not None
    return {m.cell.text: m.field for m in match_columns(header, sheet)}


def _match(text: str, sheet: str):
    header = HeaderRow((0,), (HeaderCell(0, text, *split_header(text)),), 0.0)
    return match_columns(header, sheet)[0]


# ---------------------------------------------------------------------------------------------- the tables


def test_every_sheet_and_column_of_the_contract_has_an_entry_in_the_tables():
    folder = headers.VOCAB_DIR
    common = yaml.safe_load((folder / "_common.yaml").read_text(encoding="utf-8"))["columns"]
    for spec in SHEETS:
        data = yaml.safe_load((folder / f"{spec.name}.yaml").read_text(encoding="utf-8"))
        assert data["names"], spec.name
        listed = set(data["columns"]) | set(common)
        missing = [c.name for c in spec.columns if c.name not in listed]
        assert not missing, f"{spec.name}: no synonyms for {missing}"


def test_every_column_has_a_name_besides_its_own():
    vocab = header_names._vocab()
    for spec in SHEETS:
        for col in spec.columns:
            synonyms = [n for n, (f, exact) in vocab.columns[spec.name].items() if f == col.name and not exact]
            assert synonyms, f"{spec.name}.{col.name}"


def test_every_entry_names_a_real_column_and_a_name_means_one_column_per_sheet():
    vocab = header_names._vocab()
    for spec in SHEETS:
        real = {c.name for c in spec.columns}
        table = vocab.columns[spec.name]
        assert {field for field, _ in table.values()} <= real
        # A dict cannot hold one name twice; the loader refused any second field for a name (tested below).
        assert not table.keys() & vocab.others[spec.name]


@pytest.fixture
def vocab_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "headers"
    shutil.copytree(headers.VOCAB_DIR, folder)
    return folder


def _append_column_entry(folder: Path, sheet: str, column: str, entry: str) -> None:
    path = folder / f"{sheet}.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["columns"].setdefault(column, []).append(entry)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def test_a_synonym_of_two_columns_of_one_sheet_is_refused_naming_file_and_entry(vocab_copy):
    _append_column_entry(vocab_copy, "fees", "receipt", "Paid by")
    expected = r"fees\.yaml: fees\.receipt: 'Paid by' is already a name of fees\.paid_by"
    with pytest.raises(HeaderVocabError, match=expected):
        header_names._load_vocab(vocab_copy)


def test_an_entry_for_a_column_the_sheet_does_not_have_is_refused(vocab_copy):
    _append_column_entry(vocab_copy, "fees", "favourite_colour", "Colour")
    with pytest.raises(HeaderVocabError, match=r"fees\.yaml: columns\.favourite_colour: .*no such column"):
        header_names._load_vocab(vocab_copy)


def test_a_sheet_name_given_to_two_sheets_is_refused(vocab_copy):
    path = vocab_copy / "workers.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["names"].append("Fee ledger")
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(HeaderVocabError, match=r"workers\.yaml: names: 'Fee ledger' is already a name of sheet 'fees'"):
        header_names._load_vocab(vocab_copy)


def test_an_unquoted_yaml_boolean_is_refused_with_a_hint(vocab_copy):
    path = vocab_copy / "fees.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("fee_id: [ID,", "fee_id: [no, ID,"), encoding="utf-8")
    with pytest.raises(HeaderVocabError, match=r"fees\.yaml: columns\.fee_id: expected a list of names \(quote"):
        header_names._load_vocab(vocab_copy)


# ---------------------------------------------------------------------------------------------- names and hints


@pytest.mark.parametrize(("text", "name", "hint"), [
    ("Amount paid (NPR)", "amount paid", ("currency", "NPR")),
    ("Amount paid / NPR", "amount paid", ("currency", "NPR")),
    ("Amount in USD", "amount", ("currency", "USD")),
    ("Amount NPR", "amount", ("currency", "NPR")),
    ("金额（元）", "金额", ("currency", "元")),
    ("Amount (Rs.)", "amount", ("currency", "Rs")),  # Rs is the rupee of four countries: kept as written
    ("Salary (৳)", "salary", ("currency", "BDT")),
    ("Duration (months)", "duration", ("unit", "months")),
    ("Contract period / years", "contract period", ("unit", "years")),
    ("Amount (NPR '000)", "amount", ("scale", "1000")),  # thousands outrank the currency
    ("Amount (in lakhs)", "amount", ("scale", "100000")),
    ("Date of departure (B.S.)", "date of departure", ("calendar", "bikram_sambat")),
    ("Date (dd/mm/yyyy)", "date", ("format", "DD/MM/YYYY")),
    ("Name (as in passport)", "name", None),
    ("Paid by (worker/employer)", "paid by", None),
    ("Languages (all)", "languages", None),  # ALL is a currency code, but not in lower case in brackets
])
def test_units_and_currencies_are_hints_not_part_of_the_name(text, name, hint):
    assert split_header(text) == (name, hint)


@pytest.mark.parametrize("text", ["Hours/week", "Salary/month", "工时/周"])
def test_a_singular_unit_after_a_slash_is_a_rate_and_stays_in_the_name(text):
    name, hint = split_header(text)
    assert "/" in name
    assert hint is None


@pytest.mark.parametrize("text", ["1. Worker ID", "Worker ID *", "Worker_ID", "(3) worker-id", "Worker ID:",
                                  "WORKER  ID (required)"])
def test_numbering_and_required_markers_are_ignored(text):
    assert split_header(text) == ("worker id", None)


def test_the_hint_of_a_matched_header_is_kept_on_the_cell():
    header = find_header([["Fee ID", "Amount paid (NPR)", "Duration (months)"]], "fees")
    assert header is not None
    assert [c.hint for c in header.cells] == [None, ("currency", "NPR"), ("unit", "months")]


# ---------------------------------------------------------------------------------------------- the header row


def test_title_notes_and_blank_rows_above_the_header_are_skipped():
    grid = [
        ["Fee ledger – Himal Overseas, FY 2080/81", None, None, None],
        ["Note: amounts are what the worker declared to the caseworker in interviews", None, None, None],
        [None, None, None, None],
        ["", "", "", ""],
        ["Fee ID", "Worker ID", "Fee type", "Amount paid (NPR)"],
        ["F-1", "W-001", "medical", 15000],
        ["F-2", "W-002", "visa", 8000.0],
    ]
    header = find_header(grid, "fees")
    assert header is not None
    assert header.rows == (4,)
    assert [c.index for c in header.cells] == [0, 1, 2, 3]
    assert header.score == 100.0


def test_data_rows_do_not_win_over_a_sparser_header():
    grid = [["Worker ID", "Remarks"], ["W-1", "Name"], ["W-2", "DOB"]]
    header = find_header(grid, "workers")
    assert header is not None and header.rows == (0,)


def test_no_header_is_found_when_no_row_names_a_column():
    assert find_header([["Total", 5], [None], ["x", dt.date(2024, 1, 1)]], "fees") is None
    assert find_header([], None) is None


def test_the_header_is_found_without_a_sheet_from_all_the_contract_columns():
    grid = [["Export of 2024-06-01"], ["Worker No.", "DOB", "Gender"], ["W-1", dt.date(1990, 1, 1), "F"]]
    header = find_header(grid, None)
    assert header is not None and header.rows == (1,)


def test_two_row_header_with_merged_group_labels_combines_group_and_name():
    grid = [
        ["Fee ledger – Himal Overseas, FY 2080/81", "", "", "", "", ""],
        ["Fee", "", "Worker", "", "Fee", ""],
        ["ID", "Paid by", "ID", "Name", "Type", "Amount (NPR)"],
        ["F-1", "worker", "W-1", "Asha Rai", "medical", 15000],
    ]
    merged = [((0, 0), (0, 5)), ((1, 0), (1, 1)), ((1, 2), (1, 3)), ((1, 4), (1, 5))]
    header = find_header(grid, "fees", merged)
    assert header is not None
    assert header.rows == (1, 2)
    texts = [c.text for c in header.cells]
    assert texts == ["Fee / ID", "Fee / Paid by", "Worker / ID", "Worker / Name", "Fee / Type", "Fee / Amount (NPR)"]
    assert _fields(grid, "fees", merged) == {
        "Fee / ID": "fee_id", "Fee / Paid by": "paid_by", "Worker / ID": "worker_id", "Worker / Name": None,
        "Fee / Type": "category", "Fee / Amount (NPR)": "amount",
    }
    assert header.cells[5].hint == ("currency", "NPR")


def test_without_merge_information_a_group_label_spreads_right_until_the_next_label():
    grid = [["Worker", "", "Fee", ""], ["ID", "Name", "ID", "Type"], ["W-1", "Asha", "F-1", "visa"]]
    fields = _fields(grid, "fees")
    assert fields == {"Worker / ID": "worker_id", "Worker / Name": None, "Fee / ID": "fee_id", "Fee / Type": "category"}


def test_with_merge_information_an_unmerged_label_covers_its_own_column_only():
    grid = [["Fee", "", "Worker", ""], ["ID", "Type", "ID", "Currency"]]
    header = find_header(grid, "fees", [((0, 2), (0, 2)), ((0, 0), (0, 1))])
    assert header is not None
    assert [c.text for c in header.cells] == ["Fee / ID", "Fee / Type", "Worker / ID", "Currency"]


def test_a_group_label_naming_another_sheets_column_does_not_fall_back_to_the_bare_name():
    # "Agency / Name" is the agency's name: it must not become the worker's name.
    grid = [["", "", "Agency", ""], ["Worker ID", "Name", "ID", "Name"]]
    assert _fields(grid, "workers", [((0, 2), (0, 3))]) == {
        "Worker ID": "worker_id", "Name": "name", "Agency / ID": "agency_id", "Agency / Name": None}


def test_names_merged_down_over_two_rows_beside_grouped_columns():
    grid = [["Contract ID", "Worker ID", "Contract", "", "Stage"], ["", "", "Signed on", "Language", ""]]
    merged = [((0, 0), (1, 0)), ((0, 1), (1, 1)), ((0, 2), (0, 3)), ((0, 4), (1, 4))]
    header = find_header(grid, "contracts", merged)
    assert header is not None and header.rows == (0, 1)
    assert [m.field for m in match_columns(header, "contracts")] == [
        "contract_id", "worker_id", "signed_on", "language", "stage"]


def test_a_short_title_merged_over_the_header_is_not_a_group_row():
    grid = [["Workers", "", ""], ["Worker ID", "Name", "DOB"]]
    header = find_header(grid, "workers", [((0, 0), (0, 2))])
    assert header is not None
    assert header.rows == (1,)
    assert [c.text for c in header.cells] == ["Worker ID", "Name", "DOB"]


def test_merged_header_read_from_a_real_xlsx_gives_calamine_ranges_in_sheet_coordinates(tmp_path):
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Fee ledger"
    ws["B3"], ws["D3"] = "Worker", "Fee"
    ws.merge_cells("B3:C3")
    ws.merge_cells("D3:E3")
    for ref, value in {"B4": "ID", "C4": "Name", "D4": "Type", "E4": "Amount (NPR)", "F4": "Paid by",
                       "B5": "W-1", "C5": "Asha Rai", "D5": "medical", "E5": 15000, "F5": "worker"}.items():
        ws[ref] = value
    book.save(tmp_path / "ledger.xlsx")

    sheet = python_calamine.CalamineWorkbook.from_path(str(tmp_path / "ledger.xlsx")).get_sheet_by_name("Fee ledger")
    assert sheet.start == (2, 1)
    assert sorted(sheet.merged_cell_ranges) == [((2, 1), (2, 2)), ((2, 3), (2, 4))]
    grid = sheet.to_python()  # starts at sheet.start, so the ranges are shifted into grid coordinates
    merged = shift_merged(sheet.merged_cell_ranges, sheet.start)
    header = find_header(grid, "fees", merged)
    assert header is not None and header.rows == (0, 1)
    assert [(m.cell.index, m.field) for m in match_columns(header, "fees")] == [
        (0, "worker_id"), (1, None), (2, "category"), (3, "amount"), (4, "paid_by")]
    assert identify_sheet("Fee ledger") == ("fees", "synonym", 95.0)


# ---------------------------------------------------------------------------------------------- columns


@pytest.mark.parametrize(("text", "sheet", "field"), [
    ("Worker No.", "fees", "worker_id"),
    ("Worker #", "contracts", "worker_id"),
    ("Emp. Code", "wage_payments", "worker_id"),
    ("License Number", "agencies", "licence_number"),
    ("Licence No.", "agencies", "licence_number"),
    ("RL No.", "agencies", "licence_number"),
    ("Fee type", "fees", "category"),
    ("Particulars", "fees", "category"),
    ("Amount paid (NPR)", "fees", "amount"),
    ("Amt.", "fees", "amount"),
    ("Passport held by", "documents", "held_by"),
    ("Passport No.", "documents", "document_number"),
    ("Date of departure", "workers", "departed_on"),
    ("Flight date", "workers", "departed_on"),
    ("DOB", "workers", "date_of_birth"),
    ("D.O.B.", "workers", "date_of_birth"),
    ("Designation", "workers", "occupation"),
    ("Basic salary", "contracts", "monthly_wage"),
    ("Duration (months)", "contracts", "duration_months"),
    ("Hours/week", "contracts", "hours_per_week"),
    ("Net pay", "wage_payments", "net"),
    ("Case No.", "complaints", "complaint_id"),
    ("Remarks", "events", "notes"),
    ("Sponsor", "contracts", "employer_name"),
])
def test_agency_and_payroll_system_names_are_synonyms(text, sheet, field):
    # "License Number" and "Amt." are exact: spelling variants and abbreviations are normalised away.
    m = _match(text, sheet)
    assert (m.field, m.how in ("exact", "synonym")) == (field, True)


@pytest.mark.parametrize(("text", "sheet", "field"), [
    ("工人编号", "fees", "worker_id"), ("工人編號", "fees", "worker_id"),
    ("姓名", "workers", "name"), ("费用类型", "fees", "category"), ("費用類型", "fees", "category"),
    ("金额", "fees", "amount"), ("金額", "fees", "amount"), ("币种", "fees", "currency"), ("幣種", "fees", "currency"),
    ("支付方", "fees", "paid_by"), ("护照号码", "documents", "document_number"),
    ("護照號碼", "documents", "document_number"),
    ("出生日期", "workers", "date_of_birth"), ("जन्म मिति", "workers", "date_of_birth"), ("নাম", "workers", "name"),
])
def test_chinese_nepali_and_bengali_names_are_synonyms(text, sheet, field):
    assert _match(text, sheet).field == field


@pytest.mark.parametrize(("text", "sheet", "field"), [
    # an identifier in any of its forms: ID, No., #, code, ref; 编号, 号码, 代码, 号
    ("Main agency code", "agencies", "parent_agency_id"), ("Parent agency ref", "agencies", "parent_agency_id"),
    ("Collecting agency ID", "fees", "agency_id"), ("Client No.", "complaints", "worker_id"),
    ("EmployeeID", "wage_payments", "worker_id"), ("Kafeel No.", "employers", "employer_id"),
    ("员工号码", "fees", "worker_id"), ("劳务人员编号", "contracts", "worker_id"),
    ("上级机构代码", "agencies", "parent_agency_id"),
    ("收费中介编号", "fees", "agency_id"), ("用工单位编号", "workers", "employer_id"),
    # dates with and without "date", "of", "on"; 日期 and 时间
    ("Licence effective from", "agencies", "licence_valid_from"), ("许可证签发日期", "agencies", "licence_valid_from"),
    ("Valid up to", "agencies", "licence_valid_to"), ("Date of registration", "workers", "recruited_on"),
    ("招募日期", "workers", "recruited_on"), ("派遣日期", "workers", "departed_on"),
    ("出境时间", "workers", "departed_on"),
    ("付款时间", "fees", "paid_on"), ("Pay period start date", "wage_payments", "period_start"),
    ("计薪周期结束", "wage_payments", "period_end"), ("Date case opened", "complaints", "received_on"),
    # rates and qualifiers in other word orders
    ("Weekly working hours", "contracts", "hours_per_week"), ("Work hrs / week", "contracts", "hours_per_week"),
    ("Days off / week", "contracts", "rest_days_per_week"), ("Weekly holiday", "contracts", "rest_days_per_week"),
    ("周休天数", "contracts", "rest_days_per_week"), ("Wage currency", "contracts", "currency"),
    ("Salary currency", "wage_payments", "currency"), ("Employer as per contract", "contracts", "employer_name"),
    ("合同雇主名称", "contracts", "employer_name"), ("Return airfare borne by", "contracts", "repatriation_paid_by"),
    ("回国机票由谁支付", "contracts", "repatriation_paid_by"), ("1st month salary", "workers", "first_month_earnings"),
    ("Refunded to worker", "fees", "reimbursed_amount"), ("已退回金额", "fees", "reimbursed_amount"),
    ("证件由谁保管", "documents", "held_by"), ("Deploying agency", "workers", "agency_id"),
    ("被投诉中介", "complaints", "agency_id"), ("Tanggal lahir", "workers", "date_of_birth"),
])
def test_families_of_names_are_synonyms_in_their_own_sheet(text, sheet, field):
    m = _match(text, sheet)
    assert (m.field, m.how) == (field, "synonym")


@pytest.mark.parametrize(("text", "sheet", "field"), [
    ("No-fee clause in recruitment agreement", "employers", "recruiter_contract_bans_fees"),
    ("Service agreement prohibits fees", "employers", "recruiter_contract_bans_fees"),
    ("Employer pays principle", "employers", "recruiter_contract_bans_fees"),
    ("禁止向工人收取费用", "employers", "recruiter_contract_bans_fees"),
    ("Attested by embassy", "contracts", "verified_by_authority"),
    ("Approved by authority", "contracts", "verified_by_authority"),
    ("经主管部门批准", "contracts", "verified_by_authority"),
    ("Vacancy advertised", "contracts", "advertised"), ("是否刊登广告", "contracts", "advertised"),
    ("Ad says no fees", "contracts", "says_no_fees"), ("Advertised as free", "contracts", "says_no_fees"),
    ("广告声明免费", "contracts", "says_no_fees"),
    ("License # in advert", "contracts", "licence_number_shown"),
    ("广告注明许可证号", "contracts", "licence_number_shown"),
    ("Signed by worker in person", "contracts", "signed_by_worker"), ("工人亲笔签名", "contracts", "signed_by_worker"),
    ("Cost breakdown provided", "fees", "itemised"), ("分项列明", "fees", "itemised"),
    ("Disclosed before signing", "fees", "disclosed_before_acceptance"),
    ("签约前告知", "fees", "disclosed_before_acceptance"), ("Official receipt issued", "fees", "receipt"),
    ("Worker's permission", "documents", "worker_consent"), ("是否征得工人同意", "documents", "worker_consent"),
    ("Given back when requested", "documents", "returned_on_request"),
    ("能否随时取回", "documents", "returned_on_request"), ("证件是否被篡改", "documents", "tampered"),
    ("Interpreter provided", "complaints", "in_worker_language"),
    ("Available in the worker's language", "complaints", "in_worker_language"),
    ("是否提供翻译", "complaints", "in_worker_language"), ("Allegation substantiated", "complaints", "substantiated"),
    ("经查属实", "complaints", "substantiated"), ("Faced retaliation", "complaints", "retaliation_reported"),
    ("是否受到报复", "complaints", "retaliation_reported"),
    ("Deduction authorised", "wage_payments", "deduction_consent"),
    ("扣款是否经工人同意", "wage_payments", "deduction_consent"),
])
def test_yes_no_questions_are_recognised_by_their_key_nouns_and_verbs(text, sheet, field):
    m = _match(text, sheet)
    assert (m.field, m.how) == (field, "synonym")


@pytest.mark.parametrize(("text", "sheet"), [
    ("Collected by", "fees"),  # a clerk or the agency?
    ("Employer", "workers"),  # also the usual group label over "ID" and "Name" of a two-row header
    ("Sponsor", "workers"),
    ("Agency", "workers"),
    ("Licence No.", "contracts"),  # the number itself, not whether an advert shows it
    ("Free of cost", "contracts"),  # free accommodation? free food? a job free of fees?
    ("借款方", "fees"),  # the lender, or the borrower
    ("Mother tongue", "complaints"),  # the language, not whether the channel could be used in it
    ("要求归还", "documents"),  # the worker asked; whether it was returned is not said
    ("Respondent", "complaints"),  # the agency or the employer
    ("How much", "wage_payments"),  # gross, deductions or net
    ("How much", "complaints"),  # the remedy awarded or the remedy paid
    ("Labour card No.", "workers"),  # the work permit's number, not the worker ID the other sheets use
    ("Receipt No.", "fees"),  # one receipt may cover several fees; beside the receipt yes/no column
])
def test_a_name_that_could_mean_two_things_stays_unmatched(text, sheet):
    m = _match(text, sheet)
    assert (m.field, m.how) == (None, "none")


@pytest.mark.parametrize(("us", "uk", "sheet"), [
    ("License valid to", "Licence valid to", "agencies"),
    ("Labor ID", "Labour ID", "workers"),
    ("Itemized", "Itemised", "fees"),
])
def test_us_and_uk_spellings_match_the_same_column(us, uk, sheet):
    assert _match(us, sheet).field == _match(uk, sheet).field is not None


def test_the_contracts_own_name_is_an_exact_match():
    m = _match("licence_valid_from", "agencies")
    assert (m.field, m.how, m.score) == ("licence_valid_from", "exact", 100.0)


def test_a_typo_is_matched_fuzzily_and_says_so():
    m = _match("Wroker ID", "fees")
    assert (m.field, m.how) == ("worker_id", "fuzzy")
    assert headers.FUZZY_MIN <= m.score < 100


@pytest.mark.parametrize(("text", "sheet", "not_field"), [
    ("Worker name", "fees", "worker_id"),
    ("Paid to", "fees", "paid_on"),
    ("Paid to", "fees", "paid_by"),
    ("Deported on", "workers", "departed_on"),
    ("Remedy", "fees", "receipt"),
    ("Age", "workers", "date_of_birth"),
    ("Working hours", "contracts", "hours_per_week"),
])
def test_a_different_word_is_never_taken_for_a_typo(text, sheet, not_field):
    m = _match(text, sheet)
    assert m.field is None and m.how == "none"
    assert m.field != not_field


def test_paid_on_and_paid_by_are_not_confused():
    fields = _fields([["Paid by", "Paid on", "Paid to"]], "fees")
    assert fields == {"Paid by": "paid_by", "Paid on": "paid_on", "Paid to": None}


@pytest.mark.parametrize("text", ["S.N.", "No.", "#", "Sl. No.", "序号", "क्र.सं."])
def test_serial_number_columns_are_not_identifiers(text):
    assert _match(text, "fees").field is None


def test_doj_is_not_read_as_any_date_because_joining_what_is_unclear():
    assert _match("DOJ", "workers").field is None
    assert _match("Date of joining", "workers").field is None


def test_a_header_of_another_sheet_is_not_forced_onto_this_one():
    # "Licence number" belongs to agencies; fuzzily it is close to nothing good in workers, and must stay so.
    for text in ("Licence number", "Employer name", "Fee type"):
        assert _match(text, "workers").field is None


def test_each_contract_column_is_used_once_and_the_others_get_candidates():
    matches = match_columns(find_header([["Amount paid", "Amount", "Amount (USD)"]], "fees"), "fees")
    assert [(m.field, m.how) for m in matches] == [(None, "none"), ("amount", "exact"), (None, "none")]
    assert matches[0].candidates[0][0] == "amount"
    assert matches[2].candidates[0] == ("amount", 100.0)


def test_an_unrecognised_header_lists_the_closest_contract_columns():
    m = _match("Worker name", "fees")
    assert m.candidates and m.candidates[0][0] == "worker_id"
    assert all(50 <= score <= 100 for _, score in m.candidates)
    assert len(m.candidates) <= 3


def test_closest_headers_suggest_unmatched_headers_for_a_missing_required_column():
    unmatched = [HeaderCell(0, "Kind of fee", "kind of fee", None), HeaderCell(1, "Village", "village", None),
                 HeaderCell(2, "Fee catgory", "fee catgory", None)]
    found = closest_headers("category", "fees", unmatched)
    assert [text for text, _ in found][:2] == ["Fee catgory", "Kind of fee"]
    assert "Village" not in [text for text, _ in found]
    assert closest_headers("category", "fees", [], n=3) == []


# ---------------------------------------------------------------------------------------------- sheets


@pytest.mark.parametrize(("name", "sheet", "how"), [
    ("workers", "workers", "exact"), ("Wage_payments", "wage_payments", "exact"),
    ("Wage payments", "wage_payments", "exact"), ("Workers 2024", "workers", "exact"),
    ("Worker list", "workers", "synonym"), ("Fee ledger", "fees", "synonym"), ("Payments", "fees", "synonym"),
    ("工人", "workers", "synonym"), ("费用", "fees", "synonym"), ("Payroll", "wage_payments", "synonym"),
    ("Fee ledger – Himal Overseas, FY 2080/81", "fees", "synonym"), ("Wokers", "workers", "fuzzy"),
])
def test_sheet_names_are_recognised(name, sheet, how):
    assert identify_sheet(name)[:2] == (sheet, how)


@pytest.mark.parametrize("name", ["Summary", "Notes", "Workers - Fees"])
def test_a_name_that_says_something_else_is_not_identified(name):
    assert identify_sheet(name, [["Fee ID", "Fee type", "Amount", "Paid by"]]) == (None, "none", 0.0)


@pytest.mark.parametrize("name", ["Sheet1", "Export", "Data", "export (3)", "工作表1"])
def test_an_uninformative_sheet_name_is_identified_by_its_header(name):
    grid = [["Fee ledger"], ["工人编号", "费用类型", "金额", "币种", "支付方"], ["W-1", "体检", 5000, "NPR", "工人"]]
    sheet, how, score = identify_sheet(name, grid)
    assert (sheet, how) == ("fees", "content")
    assert score == 100.0


def test_content_that_fits_several_sheets_is_not_guessed():
    # worker ID, amount, currency and date fit fees and events alike.
    assert identify_sheet("Sheet1", [["Worker ID", "Amount", "Currency", "Date"]]) == (None, "none", 0.0)
    assert identify_sheet("Sheet1") == (None, "none", 0.0)


def test_two_sheets_that_look_like_one_contract_sheet_are_not_both_read():
    found = identify_sheets({
        "Worker list": [["Worker ID"]], "Workers": [["Worker ID"]], "Sheet1": [["Fee ID", "Fee type", "Paid by"]],
        "Notes": [["anything"]],
    })
    assert found == {
        "Worker list": (None, "duplicate:Workers", 95.0), "Workers": ("workers", "exact", 100.0),
        "Sheet1": ("fees", "content", 100.0), "Notes": (None, "none", 0.0),
    }


def test_equal_claims_go_to_the_first_sheet_in_the_file():
    found = identify_sheets({"Worker list": [], "Workers list": []})
    assert found == {"Worker list": ("workers", "synonym", 95.0), "Workers list": (None, "duplicate:Worker list", 95.0)}


def test_a_pay_month_column_is_the_period():
    assert _match("Salary month", "wage_payments").field == "period"
    assert _match("工资月份", "wage_payments").field == "period"


def test_header_rows_given_by_a_person_are_read_as_given():
    grid = [["Worker", "", "Fee"], ["ID", "Name", "Amount (NPR)"], ["W-1", "Asha", 100]]
    header = headers.header_from_rows(grid, [0, 1], [((0, 0), (0, 1))], "fees")
    assert header.rows == (0, 1)
    assert [c.text for c in header.cells] == ["Worker / ID", "Worker / Name", "Fee / Amount (NPR)"]
    assert headers.header_from_rows(grid, [1]).cells[2].hint == ("currency", "NPR")
    with pytest.raises(ValueError, match="one or two rows"):
        headers.header_from_rows(grid, [1, 0])


@pytest.mark.parametrize(("text", "sheet", "field"), [
    ("Recruiting agency", "workers", "agency_id"),  # an id, or a name the validator reads as that agency's id
    ("Collecting agency", "fees", "agency_id"),
    ("收费中介", "fees", "agency_id"),
    ("Collected by (agency)", "fees", "agency_id"),  # the bracket joined: "collected by agency"
])
def test_an_organisation_named_where_its_id_belongs_is_read_as_the_reference(text, sheet, field):
    assert _match(text, sheet).field == field



@pytest.mark.parametrize(("text", "name"), [
    ("Lic. Valid Upto", "licence valid until"), ("Regd. Date", "registered date"), ("Regn. Date", "registration date"),
    ("Cand. Consent", "candidate consent"), ("Dest. Ctry", "destination country"), ("Txn Amt.", "transaction amount"),
    ("Doc. Type", "document type"), ("Advt. Published", "advertisement published"), ("Wkly Hrs", "weekly hours"),
    ("Contract Lang.", "contract language"), ("Grievance Info", "grievance information"),
])
def test_office_abbreviations_are_read_as_the_one_word_they_shorten(text, name):
    assert header_names.split_header(text)[0] == name


@pytest.mark.parametrize(("text", "name"), [("Trans. Date", "trans date"), ("Adv. Amount", "adv amount"),
                                            ("Dep. Date", "dep date"), ("Reg. No.", "reg no")])
def test_an_abbreviation_of_several_words_is_not_expanded(text, name):
    assert header_names.split_header(text)[0] == name


@pytest.mark.parametrize(("text", "sheet", "field"), [
    # abbreviated ledger headers reach their column through the words table
    ("Lic. Expiry Dt.", "agencies", "licence_valid_to"), ("Cand. Name", "workers", "name"),
    ("Doc. Type", "documents", "document"), ("Doc. Held Since", "documents", "held_since"),
    ("Txn Amt.", "fees", "amount"), ("Txn Curr.", "fees", "currency"), ("Recd. From", "fees", "paid_by"),
    ("Regn. Date", "workers", "recruited_on"), ("Lang. Known", "workers", "languages"),
    ("Voucher No.", "fees", "fee_id"),
    # WPS / HR export names
    ("Txn Date", "wage_payments", "paid_on"), ("Salary period from", "wage_payments", "period_start"),
    ("Salary period to", "wage_payments", "period_end"), ("Net amount paid", "wage_payments", "net"),
    ("Employee approval of deduction", "wage_payments", "deduction_consent"),
    # the worker under the names other systems give them: candidate, employee, client
    ("Signed by employee", "contracts", "signed_by_worker"), ("Copy to candidate", "contracts", "copy_given_to_worker"),
    ("Client consent", "documents", "worker_consent"), ("Cost to employee", "complaints", "cost_to_worker"),
    ("Client's nationality", "workers", "nationality"), ("Candidate gender", "workers", "sex"),
    ("Employee agreed to deduction", "wage_payments", "deduction_consent"),
    # intake questions whose words name one column
    ("How much was paid?", "fees", "amount"), ("How much", "events", "amount"),
    ("Who holds it now?", "documents", "held_by"), ("Which document is held?", "documents", "document"),
    ("Date salary paid", "wage_payments", "paid_on"), ("How much was deducted?", "wage_payments", "deductions"),
    ("Salary after deductions", "wage_payments", "net"), ("Date complaint filed", "complaints", "received_on"),
])
def test_ledger_wps_and_intake_families_are_synonyms(text, sheet, field):
    assert _match(text, sheet).field == field


@pytest.mark.parametrize(("text", "sheet", "field"), [
    # worker 移工 / 外勞 / 外籍勞工; agency 仲介 / 人力仲介 / 仲介公司;
    # licence 牌照 / 許可證 / 執照; contract 合約 / 契約
    ("外籍勞工編號", "workers", "worker_id"), ("移工編號", "fees", "worker_id"), ("人力仲介編號", "fees", "agency_id"),
    ("仲介公司編號", "workers", "agency_id"), ("執照屆滿日期", "agencies", "licence_valid_to"),
    ("許可證生效日期", "agencies", "licence_valid_from"), ("執照號碼", "agencies", "licence_number"),
    ("契約語言", "contracts", "language"), ("合約簽訂日期", "contracts", "signed_on"),
    ("移工同意扣款", "wage_payments", "deduction_consent"), ("計薪期間止", "wage_payments", "period_end"),
])
def test_taiwan_and_hong_kong_labour_words_are_synonyms(text, sheet, field):
    assert _match(text, sheet).field == field


# ---------------------------------------------------------------------------------------------- third holdout systems


@pytest.mark.parametrize(("text", "sheet", "field"), [
    ("Worker Reg. No.", "fees", "worker_id"), ("Worker Reg. No.", "workers", "worker_id"),  # Sri Lankan ledgers
    ("Foreign Employer Code", "employers", "employer_id"), ("Sign Date", "contracts", "signed_on"),
    ("Salary Month From", "wage_payments", "period_start"), ("Salary Month To", "wage_payments", "period_end"),
    ("1st Month Income", "workers", "first_month_earnings"), ("Money Receipt", "fees", "receipt"),
    ("Attested by Labour Wing", "contracts", "verified_by_authority"), ("Damaged/Destroyed", "documents", "tampered"),
    ("Cost Ref", "fees", "fee_id"), ("Ref No.", "fees", "fee_id"),
    ("MOL Attested", "contracts", "verified_by_authority"),
    ("Nature of cost", "fees", "category"), ("Recruited", "workers", "recruited_on"),
    ("Departed", "workers", "departed_on"), ("Employer named", "contracts", "employer_name"),
    ("No Placement Fee Clause in Agency Agreement", "employers", "recruiter_contract_bans_fees"),
    ("AGENCY CONTRACT PROHIBITS FEES", "employers", "recruiter_contract_bans_fees"),
    ("Zero Cost Mentioned in Ad", "contracts", "says_no_fees"), ("Nangyari", "events", "event"),
    ("許可證字號", "agencies", "licence_number"), ("許可起日", "agencies", "licence_valid_from"),
    ("許可迄日", "agencies", "licence_valid_to"), ("收費單號", "fees", "fee_id"), ("支付者", "fees", "paid_by"),
    ("申訴案號", "complaints", "complaint_id"), ("應發薪資", "wage_payments", "gross"),
    ("總工資", "wage_payments", "gross"), ("特休天數", "contracts", "annual_leave_days"),
    ("每週例假日", "contracts", "rest_days_per_week"), ("接獲日期", "complaints", "received_on"),
])
def test_names_of_south_asian_gulf_uk_and_taiwan_systems_are_synonyms(text, sheet, field):
    assert _match(text, sheet).field == field


@pytest.mark.parametrize(("text", "sheet"), [
    ("Contract Type", "contracts"),  # fixed-term or indefinite, as often as offer or final contract
    ("Signed", "contracts"),  # the date, or whether it was signed: only its cells can say (see by_kind)
    ("Paid", "wage_payments"),  # the date paid or the amount paid
    ("Due", "wage_payments"),  # the date due or the wage due
    ("Amount paid", "complaints"),  # the remedy paid, or the fee the worker paid that the complaint is about
    ("Last Compliance Visit", "employers"),  # the employer's check of its agents, or an inspector's visit?
    ("Principal ref", "agencies"),  # the licensed agency, or the foreign principal (employer) it recruits for
    ("Number", "documents"),  # "No." is a serial number
    ("RL No.", "contracts"),  # the number itself, not whether an advert shows it
])
def test_a_third_holdout_name_that_could_mean_two_things_stays_unmatched(text, sheet):
    assert _match(text, sheet).field is None


# ---------------------------------------------------------------------------------------------- fourth holdout systems


@pytest.mark.parametrize(("text", "sheet", "field"), [
    ("Beneficiary ID", "wage_payments", "worker_id"), ("Beneficiary ID", "workers", "worker_id"),  # NGO case logs
    ("Actual Payment Date", "wage_payments", "paid_on"), ("Gross Income", "wage_payments", "gross"),
    ("Total Payment (Gross)", "wage_payments", "gross"), ("Cost Currency", "fees", "currency"),
    ("Collected By (Agency Code)", "fees", "agency_id"), ("Slip No.", "fees", "fee_id"), ("单据编号", "fees", "fee_id"),
    ("Keeper", "documents", "held_by"), ("Kept From", "documents", "held_since"),
    ("Receipt / txn no.", "fees", "fee_id"), ("Receiving Company Code", "workers", "employer_id"),
    ("MoLVT Licence No.", "agencies", "licence_number"), ("Licence No. (DOLAB)", "agencies", "licence_number"),
    ("Permit Expiry", "agencies", "licence_valid_to"), ("Consultation No.", "complaints", "complaint_id"),
    ("Date of Consultation", "complaints", "received_on"), ("Issue", "complaints", "subject"),
    ("What happened", "complaints", "allegation"), ("Day(s) Off/Week", "contracts", "rest_days_per_week"),
    ("Length (months)", "contracts", "duration_months"), ("Dormitory", "contracts", "accommodation"),
    ("計糧期由", "wage_payments", "period_start"), ("計糧期至", "wage_payments", "period_end"),
    ("收費代理編號", "fees", "agency_id"), ("被投訴代理編號", "complaints", "agency_id"),
    ("懂得語言", "workers", "languages"), ("結算方式", "fees", "method"),
    ("行前说明会日期", "workers", "orientation_on"),
])
def test_names_of_nepali_gulf_vietnamese_cambodian_japanese_and_chinese_systems_are_synonyms(text, sheet, field):
    assert _match(text, sheet).field == field


@pytest.mark.parametrize(("text", "sheet"), [
    ("Exit Date", "workers"),  # leaving the country, or leaving the employer (an HR exit)?
    ("Payday", "wage_payments"),  # the day pay is due, or the day it was paid?
    ("Receipt No.", "fees"), ("收據編號", "fees"),  # a receipt may cover several fees
    ("Agency Reg. Code", "agencies"),  # its own code, or its registration (licence) number?
    ("Return Air Ticket", "contracts"),  # who pays it, whether it is given, or what it costs?
    ("Contract Registered", "contracts"),  # with an authority, or in the agency's own system?
])
def test_a_fourth_holdout_name_that_could_mean_two_things_stays_unmatched(text, sheet):
    assert _match(text, sheet).field is None


@pytest.mark.parametrize(("text", "sheet", "field"), [
    # A South Asian salary register's pay period, its dates often typed as text: in a wage sheet the payer is no
    # column and the recipient is "Paid to", so "Salary To" over names is reported cell by cell, not read silently.
    ("Salary From", "wage_payments", "period_start"), ("Salary To", "wage_payments", "period_end"),
    # To conclude a contract is to make it: the date of conclusion is the day it was signed.
    ("Date of Conclusion", "contracts", "signed_on"), ("Date of conclusion of contract", "contracts", "signed_on"),
])
def test_a_pay_period_from_to_and_the_date_a_contract_was_concluded_are_synonyms(text, sheet, field):
    assert _match(text, sheet).field == field


def test_salary_from_and_to_over_text_dates_are_the_pay_period():
    assert _column("Salary From", ["01/06/2024", "01/07/2024"], "wage_payments") == ("period_start", "synonym")
    assert _column("Salary To", ["30/06/2024"], "wage_payments") == ("period_end", "synonym")


# ---------------------------------------------------------------------------------------------- fifth holdout systems


@pytest.mark.parametrize(("text", "sheet", "field"), [
    # Korean system codes: _NM name, _CD code, _DT date, _AMT amount, NATION country; _YN only says yes/no.
    ("NATION_NM", "agencies", "country"), ("NATION_NM", "employers", "country"),
    ("ORIGIN_NATION", "workers", "origin_country"), ("WORK_NATION", "workers", "destination_country"),
    ("JOB_NM", "workers", "occupation"), ("JOB_NM", "contracts", "job_title"),
    ("FEE_BAN_YN", "employers", "recruiter_contract_bans_fees"), ("COPY_GIVEN_YN", "contracts", "copy_given_to_worker"),
    ("WAIVER_YN", "contracts", "waiver_clause"), ("AD_YN", "contracts", "advertised"),
    ("AD_NO_FEE_YN", "contracts", "says_no_fees"), ("AD_LICENSE_YN", "contracts", "licence_number_shown"),
    ("RECEIPT_YN", "fees", "receipt"), ("ITEMIZED_YN", "fees", "itemised"),
    ("RETURN_YN", "documents", "returned_on_request"),
    # Mexican, Polish and Romanian agencies
    ("Contrato prohíbe cobros al trabajador", "employers", "recruiter_contract_bans_fees"),
    ("Última revisión de debida diligencia", "employers", "due_diligence_on"),
    ("Sabe cómo presentar quejas", "workers", "complaint_channel_known"),
    ("Regreso pagado por", "contracts", "repatriation_paid_by"),
    ("Visado por autoridad", "contracts", "verified_by_authority"),
    ("El anuncio dice sin cobro", "contracts", "says_no_fees"),
    ("El anuncio muestra el registro", "contracts", "licence_number_shown"),
    ("En su poder desde", "documents", "held_since"), ("Devuelto al pedirlo", "documents", "returned_on_request"),
    ("Alteración", "documents", "tampered"), ("Hechos", "complaints", "allegation"), ("Tema", "complaints", "subject"),
    ("Presentada ante", "complaints", "channel"), ("En el idioma del trabajador", "complaints", "in_worker_language"),
    ("Agencja nadrzędna", "agencies", "parent_agency_id"),
    ("Umowa zakazuje pobierania opłat od pracowników", "employers", "recruiter_contract_bans_fees"),
    ("Data ostatniej weryfikacji agencji", "employers", "due_diligence_on"),
    ("Zna kanały skargowe", "workers", "complaint_channel_known"),
    ("Okres umowy (mies.)", "contracts", "duration_months"), ("Powrót opłaca", "contracts", "repatriation_paid_by"),
    ("Pracodawca w umowie", "contracts", "employer_name"),
    ("Poświadczona przez urząd", "contracts", "verified_by_authority"),
    ("Ogłoszenie: bez opłat", "contracts", "says_no_fees"),
    ("Ogłoszenie: nr wpisu agencji", "contracts", "licence_number_shown"),
    ("Forma płatności", "fees", "method"), ("Ujawnione przed przyjęciem oferty", "fees", "disclosed_before_acceptance"),
    ("Uszkodzenie", "documents", "tampered"), ("Treść skargi", "complaints", "allegation"),
    ("Przedmiot", "complaints", "subject"), ("Data zamknięcia", "complaints", "resolved_on"),
    ("Agenția principală", "agencies", "parent_agency_id"),
    ("Contractul interzice taxe pentru lucrători", "employers", "recruiter_contract_bans_fees"),
    ("Data ultimei verificări a agenției", "employers", "due_diligence_on"),
    ("Cunoaște căile de reclamație", "workers", "complaint_channel_known"),
    ("Întoarcerea plătită de", "contracts", "repatriation_paid_by"),
    ("Angajator în contract", "contracts", "employer_name"),
    ("Vizat de autoritate", "contracts", "verified_by_authority"),
    ("Anunț publicat", "contracts", "advertised"), ("Anunțul spune fără taxe", "contracts", "says_no_fees"),
    ("Anunțul arată nr. licenței", "contracts", "licence_number_shown"),
    ("Deteriorat / distrus", "documents", "tampered"), ("Descriere", "complaints", "allegation"),
    ("Obiect", "complaints", "subject"),
    ("上層仲介代號", "agencies", "parent_agency_id"),
    ("No-Fee Term in Supply Contract", "employers", "recruiter_contract_bans_fees"),
])
def test_names_of_korean_mexican_polish_romanian_and_taiwan_systems_are_read(text, sheet, field):
    assert _match(text, sheet).field == field


@pytest.mark.parametrize(("text", "sheet"), [
    ("NATION_CD", "workers"),  # a worker's country code: nationality, origin or destination?
    ("ACCEPTED_YN", "complaints"),  # accepted for handling, or upheld?
    ("COST_AMT", "complaints"),  # the worker's cost of complaining, or costs awarded?
    ("Amount Paid", "complaints"), ("Paid to date", "complaints"),  # the remedy, or the fees complained of?
    ("Wypłacono", "wage_payments"),  # "paid out": whether, how much, or to whom?
    ("Explicație", "fees"),  # a free-text explanation, not the fee's category
    ("Business", "employers"), ("About", "complaints"), ("Told Before", "fees"),
])
def test_a_fifth_holdout_name_that_could_mean_two_things_stays_unmatched(text, sheet):
    assert _match(text, sheet).field is None


@pytest.mark.parametrize(("name", "sheet"), [
    ("Agent List", "agencies"), ("Company List", "employers"), ("PRAs", "agencies"), ("Trainees", "workers"),
    ("Sending Organizations", "agencies"), ("Implementing Organizations", "employers"),
    ("Receiving Companies", "employers"), ("Labour Contracts", "contracts"), ("Fees Collected", "fees"),
    ("Documents Kept", "documents"), ("WPS Payroll", "wage_payments"), ("Wage Ledger", "wage_payments"),
    ("Consultations", "complaints"), ("Employee Actions", "events"), ("工人資料", "workers"), ("员工档案", "workers"),
    ("糧單", "wage_payments"),
])
def test_fourth_holdout_sheet_names_are_recognised(name, sheet):
    assert identify_sheet(name)[0] == sheet


def test_enterprises_is_no_sheet_name_of_its_own():
    # The Vietnamese sending agencies (doanh nghiệp), or employers (企业 is the employers' sheet)?
    assert identify_sheet("Enterprises")[0] is None


def test_in_ad_is_the_advert_and_only_in_capitals_the_calendar():
    assert split_header("Licence No. in Ad") == ("licence no in ad", None)
    assert split_header("Date of departure in AD") == ("date of departure", ("calendar", "gregorian"))
    assert split_header("Date of departure (ad)") == ("date of departure", ("calendar", "gregorian"))
    assert _match("Licence No.", "contracts").field is None


def _column(top: str, cells: list[object], sheet: str, beside: tuple[str, object] | None = None):
    names = [top] + ([beside[0]] if beside else [])
    grid = [["Worker ID", *names]] + [["W-1", v] + ([beside[1]] if beside else []) for v in cells]
    header = find_header(grid, sheet)
    assert header is not None
    return {m.cell.text: (m.field, m.how) for m in match_columns(header, sheet)}[top]


@pytest.mark.parametrize(("top", "cells", "sheet", "field"), [
    ("Paid", [dt.date(2024, 6, 5), None, dt.datetime(2024, 7, 5)], "wage_payments", "paid_on"),
    ("Paid", [1200, 1150.5], "wage_payments", "net"),
    ("Due", [dt.date(2024, 6, 7)], "wage_payments", "due_on"),
    ("Due", [1200.0], "wage_payments", "gross"),
    ("Signed", [dt.date(2024, 2, 20)], "contracts", "signed_on"),
    ("Closed", [dt.date(2024, 9, 1)], "complaints", "resolved_on"),
    ("Paid", [15000], "fees", "amount"),
])
def test_a_bare_date_or_amount_name_is_read_by_the_kind_of_every_cell_under_it(top, cells, sheet, field):
    assert _column(top, cells, sheet) == (field, "cells")


@pytest.mark.parametrize(("top", "cells", "sheet"), [
    ("Paid", ["05/06/2024", "07/07/2024"], "wage_payments"),  # text (a CSV's): not decided from a header
    ("Paid", [dt.date(2024, 6, 5), 1200], "wage_payments"),  # a mix
    ("Paid", [None, ""], "wage_payments"),  # nothing under it
    ("Signed", [True, False], "contracts"),  # whether it was signed: no column
    ("Signed", [1, 0], "contracts"),  # numbers under "Signed" are no date
])
def test_a_bare_date_or_amount_name_over_other_cells_stays_unmatched(top, cells, sheet):
    assert _column(top, cells, sheet) == (None, "none")


def test_a_name_read_by_its_cells_gives_way_to_a_named_column():
    # "Date paid" names paid_on; the "Paid" dates beside it are not taken for it too.
    assert _column("Paid", [dt.date(2024, 6, 5)], "wage_payments", ("Date paid", dt.date(2024, 6, 5))) == \
        (None, "none")


def test_a_by_kind_name_that_is_also_a_listed_name_is_refused(vocab_copy):
    path = vocab_copy / "contracts.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["by_kind"]["Signed on"] = {"date": "signed_on"}
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(HeaderVocabError, match="by_kind"):
        header_names._load_vocab(vocab_copy)


def test_group_labels_merged_over_their_columns_combine_even_when_they_also_name_a_column():
    # A UK auditor's working papers: "Licence" (a licence_number name) over Number / Valid from / Valid to.
    grid = [["Agency", "", "Licence", "", ""], ["Ref", "Name", "Number", "Valid from", "Valid to"],
            ["AG-1", "Himal", "L-1", dt.date(2023, 1, 1), dt.date(2025, 1, 1)]]
    merged = [((0, 0), (0, 1)), ((0, 2), (0, 4))]
    assert _fields(grid, "agencies", merged) == {
        "Agency / Ref": "agency_id", "Agency / Name": "name", "Licence / Number": "licence_number",
        "Licence / Valid from": "licence_valid_from", "Licence / Valid to": "licence_valid_to"}


def test_a_names_row_with_a_number_in_a_name_still_takes_its_group_labels():
    grid = [["Worker", "", "Earnings", ""], ["Ref", "Name", "Month 1", "Ccy"], ["W-1", "Asha", 1200, "QAR"]]
    merged = [((0, 0), (0, 1)), ((0, 2), (0, 3))]
    assert _fields(grid, "workers", merged) == {
        "Worker / Ref": "worker_id", "Worker / Name": "name", "Earnings / Month 1": "first_month_earnings",
        "Earnings / Ccy": "earnings_currency"}


@pytest.mark.parametrize(("name", "sheet"), [
    ("SALARY_LIST", "wage_payments"), ("EVENT_LIST", "events"), ("Pangyayari", "events"),
])
def test_system_export_and_filipino_sheet_names_are_recognised(name, sheet):
    assert identify_sheet(name)[0] == sheet


# ---------------------------------------------------------------------------------------------- sixth holdout


@pytest.mark.parametrize(("text", "sheet", "field"), [
    ("Registered on (Darta Miti)", "workers", "recruited_on"),  # a Nepali agency register: the sign-up date
    ("Date of Selection", "workers", "recruited_on"),  # an Indian agent's register
    ("Raashi (Amount)", "fees", "amount"),  # Hindi raashi: amount
    ("許可證有效期限", "agencies", "licence_valid_to"),  # Taiwan: the licence's expiry date
    ("薪資月份", "wage_payments", "period"),
    ("HR Action", "events", "event"),  # "HR" is read as "hour" by the spellings table: both sides alike
    ("Total Hours (incl. OT)", "wage_payments", "hours_worked"),
    ("工作時數（含加班）", "wage_payments", "hours_worked"),
    ("Licence N°", "agencies", "licence_number"),
    ("Complaint N°", "complaints", "complaint_id"),
    ("Briefed on Grievance Channels", "workers", "complaint_channel_known"),
    ("Contract Bars Recruiter Fees", "employers", "recruiter_contract_bans_fees"),
    ("Client Consented", "documents", "worker_consent"),
])
def test_sixth_holdout_office_names_are_synonyms(text, sheet, field):
    m = _match(text, sheet)
    assert (m.field, m.how) == (field, "synonym")


@pytest.mark.parametrize(("text", "sheet"), [
    ("Case N°", "workers"),  # an NGO's case is its client (the worker); an inspector's case is the complaint
    ("Registered on (Darta Miti)", "complaints"),  # a workers' name is not bent onto the complaint's date
    ("Amount (QAR)", "workers"),  # the contracted salary or the first month's earnings
])
def test_sixth_holdout_names_that_could_mean_two_things_stay_unmatched(text, sheet):
    m = _match(text, sheet)
    assert (m.field, m.how) == (None, "none")


def test_a_bangladeshi_cost_head_under_its_payment_group_is_the_fee_category():
    grid = [["Payment", "", "", ""], ["ID", "Worker ID", "Cost Head", "Amount"], ["F-1", "W-1", "Visa Fee", 5000]]
    merged = [((0, 0), (0, 3))]
    assert _fields(grid, "fees", merged)["Payment / Cost Head"] == "category"


def test_a_salary_group_over_an_amount_is_not_taken_for_the_first_months_earnings():
    grid = [["Worker", "", "Salary", ""], ["ID", "Name", "Amount (QAR)", "Currency"], ["W-1", "Asha", 1200, "QAR"]]
    merged = [((0, 0), (0, 1)), ((0, 2), (0, 3))]
    assert _fields(grid, "workers", merged)["Salary / Amount (QAR)"] is None


@pytest.mark.parametrize(("name", "sheet"), [
    ("Agency Details", "agencies"), ("Demand Employers", "employers"), ("Companies Abroad", "employers"),
    ("Shikayat", "complaints"), ("Ghatna", "events"), ("Migration Cost", "fees"),
    ("Salary Statement", "wage_payments"), ("HR_ACTIONS", "events"), ("Documents Withheld", "documents"),
    ("劳务人员名册", "workers"), ("境外雇主", "employers"),
])
def test_sixth_holdout_sheet_names_are_recognised(name, sheet):
    assert identify_sheet(name)[0] == sheet


# An NGO's clients and cases are the workers it serves; an agency's clients are employers, an inspector's cases
# complaints. Such a sheet is read by its header row, if at all, never by its name as workers.
@pytest.mark.parametrize("name", ["Clients", "Cases"])
def test_a_sheet_name_with_two_senses_is_not_a_synonym_of_workers(name):
    assert identify_sheet(name)[0] != "workers"
