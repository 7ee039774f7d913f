"""A HOLDOUT set of variants, written blind to the reader's vocabularies and to the tuned variants' spellings:
it measures whether the reader generalises to records nobody tuned it on. Each variant changes ONE thing the way a
real system writes it; the spellings are a careful person's, never tricks; the one weak variant says why."""

from __future__ import annotations

import copy
import datetime as dt
import itertools
from collections.abc import Callable
from pathlib import Path
from typing import Any

from compliance.input.sheets import SHEETS_BY_NAME, Kind
from tests.metamorphic import transforms as tf
from tests.metamorphic.render import Table, write_csv_folder, write_xlsx
from tests.metamorphic.transforms import Rows
from tests.metamorphic.variants import Rendered, Variant

Change = Callable[[list[Table], Rows], None]
SYSTEMS = ("nepal-ledger", "gulf-wps", "hk-tw-chinese", "ngo-intake")


def _xlsx(change: Change) -> Callable[[Rows, Path], Rendered]:
    def build(rows: Rows, out: Path) -> Rendered:
        tables = tf.base_tables(rows)
        change(tables, rows)
        return Rendered(write_xlsx(tables, out / "holdout.xlsx"), tables)
    return build


def _headers(system: str) -> Change:
    at = SYSTEMS.index(system)
    names = {sheet: {col: named[at] for col, named in cols.items()} for sheet, cols in HEADERS.items()}
    return lambda tables, _rows: tf.rename(tables, names)


def _optional_headers(system: str) -> Change:
    """Only the optional columns renamed: the file is then read, and what its unread headers do is seen."""
    at = SYSTEMS.index(system)
    names = {sheet: {col: named[at] for col, named in cols.items()
                     if not SHEETS_BY_NAME[sheet].column(col).required_column} for sheet, cols in HEADERS.items()}
    return lambda tables, _rows: tf.rename(tables, names)


def _each(kind: Kind, fn: Callable[[str, str, Rows], tf.CellFn | None]) -> Change:
    def change(tables: list[Table], rows: Rows) -> None:
        for sheet, column in tf.columns_of(kind):
            if (cell_fn := fn(sheet, column, rows)) is not None:
                tf.map_cells(tf.table(tables, sheet), rows, column, cell_fn)
    return change


# ---------------------------------------------------------------------------------------------- headers

# Column -> its header as written by each of SYSTEMS: a Nepali manpower agency's Excel ledger (English with South
# Asian office abbreviations), a Gulf HR/payroll export (the WPS salary file's names), a Hong Kong / Taiwan agency
# sheet in Traditional Chinese (僱主 as in Hong Kong, 移工 as in Taiwan), an NGO intake form's plain questions.
HEADERS: dict[str, dict[str, tuple[str, str, str, str]]] = {
    "agencies": {
        "agency_id": ("Agency Code", "Recruitment Agency Code", "仲介編號", "Agency ref"),
        "name": ("Agency Name", "Agency Name", "仲介名稱", "Name of agency"),
        "country": ("Country", "Agency Country", "所在國家", "Agency based in (country)"),
        "licence_number": ("Lic. No.", "Licence No", "牌照號碼", "Licence no. (if any)"),
        "licence_valid_from": ("Lic. Valid From", "Licence Start Date", "牌照生效日期", "Licence valid from"),
        "licence_valid_to": ("Lic. Valid Upto", "Licence Expiry Date", "牌照屆滿日期", "Licence valid until"),
        "role": ("Agent Type", "Agency Type", "仲介類別", "Agency or sub-agent?"),
        "parent_agency_id": ("Parent Agency Code", "Principal Agency Code", "所屬仲介編號",
                             "Sub-agent works for (agency ref)"),
    },
    "employers": {
        "employer_id": ("Employer Code", "Establishment ID", "僱主編號", "Employer ref"),
        "name": ("Company Name", "Establishment Name", "僱主名稱", "Name of employer"),
        "country": ("Country", "Country", "國家", "Employer's country"),
        "sector": ("Sector", "Business Activity", "行業", "Industry"),
        "recruiter_contract_bans_fees": ("No-Fee Clause in Agreement (Y/N)", "Agency Agreement Prohibits Worker Fees",
                                         "仲介合約禁止向勞工收費", "Employer's contract with agencies forbids fees?"),
        "due_diligence_on": ("Recruiter Audit Dt.", "Last Agency Audit Date", "盡職審查日期",
                             "Employer last checked its agencies on"),
    },
    "workers": {
        "worker_id": ("Candidate ID", "Employee ID", "移工編號", "Client ID"),
        "name": ("Candidate Name", "Employee Name", "姓名", "Client name"),
        "sex": ("Gender", "Gender", "性別", "Gender"),
        "date_of_birth": ("DOB", "Date of Birth", "出生日期", "Client's date of birth"),
        "nationality": ("Nationality", "Nationality", "國籍", "Citizenship"),
        "languages": ("Languages Known", "Languages Spoken", "通曉語言", "Languages spoken"),
        "occupation": ("Trade", "Designation", "職業", "Type of job"),
        "origin_country": ("From Country", "Country of Origin", "來源國", "Recruited from (country)"),
        "destination_country": ("Dest. Country", "Work Country", "工作國家", "Country of work"),
        "agency_id": ("Agency Code", "Recruitment Agency Code", "仲介編號", "Recruiting agency ref"),
        "employer_id": ("Employer Code", "Establishment ID", "僱主編號", "Employer ref"),
        "recruited_on": ("Regd. Date", "Recruitment Date", "招募日期", "Date first contacted by agency"),
        "departed_on": ("Departure Dt.", "Departure Date from Home Country", "出境日期", "Date left home country"),
        "first_month_earnings": ("1st Month Salary", "First Month Gross Pay", "首月收入",
                                 "Salary received in first month"),
        "earnings_currency": ("Salary Curr.", "Pay Currency", "收入幣別", "Currency of salary"),
        "orientation_on": ("Orientation Dt.", "Pre-Departure Orientation Date", "行前講習日期",
                           "Date of pre-departure briefing"),
        "complaint_channel_known": ("Grievance Info Given (Y/N)", "Grievance Procedure Explained", "已告知申訴管道",
                                    "Was told how to complain?"),
    },
    "contracts": {
        "contract_id": ("Contract No.", "Contract Ref", "合約編號", "Contract ref"),
        "worker_id": ("Candidate ID", "Employee ID", "移工編號", "Client ID"),
        "stage": ("Contract Stage", "Contract Stage", "合約階段", "Contract version"),
        "written": ("Written (Y/N)", "Written Contract", "書面合約", "In writing?"),
        "language": ("Contract Lang.", "Contract Language", "合約語言", "Language of contract"),
        "signed_on": ("Signed Dt.", "Contract Signing Date", "簽約日期", "Date client signed"),
        "copy_given_to_worker": ("Copy to Cand.", "Copy Handed to Employee", "已交副本予勞工", "Client got a copy?"),
        "job_title": ("Job Title", "Designation", "職稱", "Job title on contract"),
        "monthly_wage": ("Monthly Salary", "Monthly Salary", "月薪", "Monthly pay"),
        "currency": ("Curr.", "Salary Currency", "幣別", "Currency"),
        "hours_per_week": ("Wkly Hrs", "Weekly Working Hours", "每週工時", "Hours a week"),
        "rest_days_per_week": ("Weekly Off Days", "Weekly Rest Days", "每週休息日數", "Days off a week"),
        "duration_months": ("Contract Period (Months)", "Contract Duration (Months)", "合約期(月)",
                            "Length of contract (months)"),
        "annual_leave_days": ("Annual Leave (Days)", "Annual Leave Entitlement (Days)", "年假日數",
                              "Paid leave days a year"),
        "accommodation": ("Accommodation", "Accommodation Provided", "住宿安排", "Housing terms"),
        "repatriation_paid_by": ("Return Ticket By", "Return Air Ticket Borne By", "回程機票負擔方",
                                 "Who pays the ticket home?"),
        "employer_name": ("Employer Name", "Employer as Named in Contract", "合約所載僱主",
                          "Employer named on contract"),
        "work_location": ("Work Site", "Work Location", "工作地點", "Place of work"),
        "signed_by_worker": ("Signed by Cand.", "Signed by Employee", "勞工親自簽署", "Client signed it personally?"),
        "waiver_clause": ("Waiver Clause", "Waiver Clause Present", "棄權條款", "Contract waives client's rights?"),
        "verified_by_authority": ("Attested (Y/N)", "Attested by Ministry", "經政府驗證",
                                  "Verified by labour attaché / ministry?"),
        "advertised": ("Advt. Published", "Published as Advertisement", "曾刊登廣告", "Was it an advert?"),
        "says_no_fees": ("Advt. Says Free", "States No Recruitment Fees", "註明免收費用", "Advert says no fees?"),
        "licence_number_shown": ("Lic. No. in Advt.", "Agency Licence No Shown", "廣告載有牌照號碼",
                                 "Licence no. on advert?"),
    },
    "fees": {
        "fee_id": ("Voucher No.", "Transaction ID", "收費編號", "Payment ref"),
        "worker_id": ("Candidate ID", "Employee ID", "移工編號", "Client ID"),
        "agency_id": ("Agency Code", "Recruitment Agency Code", "仲介編號", "Agency that took the money"),
        "category": ("Particulars", "Cost Type", "費用項目", "Purpose of payment"),
        "amount": ("Amt.", "Transaction Amount", "金額", "How much"),
        "currency": ("Curr.", "Transaction Currency", "幣別", "Currency"),
        "paid_by": ("Paid By", "Borne By", "付款人", "Who bore the cost?"),
        "paid_on": ("Payment Dt.", "Transaction Date", "付款日期", "Date of payment"),
        "method": ("Mode of Payment", "Payment Mode", "付款方式", "Means of payment"),
        "reimbursed_amount": ("Refund Amt.", "Amount Reimbursed", "已退還金額", "Amount refunded so far"),
        "lender": ("Loan From", "Loan Provider", "借款來源", "If borrowed, who lent it?"),
        "receipt": ("Receipt Issued", "Receipt Provided", "有無收據", "Was a receipt given?"),
        "itemised": ("Itemised Bill", "Itemised Invoice", "收據列明細項", "Receipt lists each item?"),
        "disclosed_before_acceptance": ("Informed Before Acceptance", "Disclosed Prior to Offer Acceptance",
                                        "接受聘用前已告知", "Cost explained before job accepted?"),
    },
    "documents": {
        "worker_id": ("Candidate ID", "Employee ID", "移工編號", "Client ID"),
        "document": ("Doc. Type", "Document Type", "證件類別", "Which document?"),
        "document_number": ("Doc. No.", "Document No", "證件號碼", "Document number"),
        "held_by": ("Doc. Held By", "Custodian", "保管人", "Who has the document now?"),
        "held_since": ("Held Since", "In Custody Since", "開始保管日期", "Held since when?"),
        "worker_consent": ("Cand. Consent", "Employee Consent", "勞工同意保管", "Did client agree to it being kept?"),
        "returned_on_request": ("Returned on Request", "Returned on Request", "要求時已歸還", "Given back when asked?"),
        "tampered": ("Tampered/Damaged", "Document Tampered", "證件遭毀損或竄改", "Destroyed, hidden or falsified?"),
    },
    "complaints": {
        "complaint_id": ("Grievance No.", "Grievance ID", "申訴編號", "Complaint ref"),
        "worker_id": ("Candidate ID", "Employee ID", "移工編號", "Client ID"),
        "agency_id": ("Agency Code", "Agency Concerned", "被申訴仲介", "Agency complained about"),
        "received_on": ("Recd. Date", "Grievance Date", "收件日期", "Date complaint received"),
        "allegation": ("Complaint Details", "Grievance Description", "申訴內容", "What happened (client's words)"),
        "status": ("Status", "Case Status", "處理狀態", "Case status"),
        "subject": ("Complaint Type", "Grievance Category", "申訴類別", "Complaint about"),
        "channel": ("Filed With", "Submitted To", "申訴管道", "Where was it filed?"),
        "in_worker_language": ("In Own Language", "Available in Employee's Language", "可用母語申訴",
                               "Could use own language?"),
        "cost_to_worker": ("Cost to Cand.", "Cost Borne by Employee", "勞工負擔費用", "Cost to client of complaining"),
        "substantiated": ("Proven (Y/N)", "Substantiated", "查證屬實", "Found to be true?"),
        "retaliation_reported": ("Retaliation Reported", "Retaliation Alleged", "申訴後遭報復",
                                 "Retaliation after complaint?"),
        "resolved_on": ("Closed Dt.", "Closure Date", "結案日期", "Date case closed"),
        "remedy_due": ("Compensation Due", "Settlement Amount", "應付賠償金額", "Compensation awarded"),
        "remedy_paid": ("Compensation Paid", "Settlement Paid", "已付賠償金額", "Compensation received so far"),
        "currency": ("Curr.", "Currency", "幣別", "Currency"),
    },
    "wage_payments": {
        "worker_id": ("Candidate ID", "Employee ID", "移工編號", "Client ID"),
        "period_start": ("Period From", "Pay Start Date", "計薪期間起", "Pay period from"),
        "period_end": ("Period To", "Pay End Date", "計薪期間迄", "Pay period to"),
        "due_on": ("Salary Due Dt.", "Salary Due Date", "應發薪日", "Wage due date"),
        "paid_on": ("Salary Paid Dt.", "Payment Date", "實際發薪日", "Date wage received"),
        "gross": ("Gross Salary", "Gross Salary", "應發工資", "Wage before deductions"),
        "deductions": ("Total Deduction", "Total Deductions", "扣款合計", "Amount deducted"),
        "deduction_reason": ("Deduction Reason", "Deduction Type", "扣款原因", "Why deducted?"),
        "deduction_consent": ("Deduction Agreed", "Employee Approval of Deduction", "勞工同意扣款",
                              "Client agreed to deduction?"),
        "net": ("Net Salary", "Net Salary", "實發工資", "Take-home pay"),
        "currency": ("Curr.", "Salary Currency", "幣別", "Currency"),
        "paid_to": ("Paid To", "Beneficiary", "收款人", "Wage paid to whom?"),
        "hours_worked": ("Hrs Worked", "Total Hours Worked", "總工時", "Hours worked in period"),
    },
    "events": {
        "worker_id": ("Candidate ID", "Employee ID", "移工編號", "Client ID"),
        "date": ("Event Dt.", "Event Date", "日期", "Date of incident"),
        "event": ("Event", "Event Type", "事件", "What happened"),
        "amount": ("Amt.", "Amount", "金額", "Money involved"),
        "currency": ("Curr.", "Currency", "幣別", "Currency"),
        "paid_by": ("Paid By", "Borne By", "付款人", "Who paid?"),
        "notes": ("Remarks", "Comments", "備註", "Caseworker notes"),
    },
}


# ---------------------------------------------------------------------------------------------- free text

# (sheet, column) -> base code -> how those systems type it; each spelling means that code and nothing else.
FREE_CHOICES: dict[tuple[str, str], dict[str, list[str]]] = {
    ("agencies", "role"): {"recruiter": ["Licensed recruiting agency", "Recruiting agency"],
                           "sub_agent": ["Local sub agent", "Middleman"]},
    ("contracts", "stage"): {"offer": ["Offer letter", "Letter of offer"],
                             "destination": ["Signed after arrival", "On arrival in Qatar"]},
    ("contracts", "repatriation_paid_by"): {"employer": ["By employer", "Employer's expense"]},
    ("fees", "category"): {
        "recruitment_fee": ["Recruitment charge", "Manpower fee", "Recruitment fees"], "airfare": ["Flight ticket"],
        "visa": ["Visa fee", "Visa stamping"], "placement_fee": ["Placement charge"], "deposit": ["Security money"],
        "medical": ["Medical check-up", "GAMCA medical"], "equipment": ["Tools and safety gear"],
        "insurance": ["Insurance premium"], "service_fee": ["Service charges"], "skills_test": ["Skill test fee"],
        "bribe": ["Bribe to official"], "training": ["Skill training course"]},
    ("fees", "paid_by"): {"worker": ["Candidate", "Worker (own money)", "By worker"],
                          "employer": ["Employer (sponsor)", "Paid by employer"]},
    ("fees", "method"): {"cash": ["Cash in hand", "Paid in cash"], "bank": ["Bank deposit", "Online transfer"],
                         "wage_deduction": ["Cut from salary"], "loan": ["Taken on loan"]},
    ("fees", "lender"): {"agency": ["Recruiting agency"]},
    ("documents", "document"): {"passport": ["Passport (original)", "Original passport"],
                                "bank_card": ["Salary card"], "certificate": ["Skill certificate"]},
    ("documents", "held_by"): {"worker": ["Kept by worker", "Worker keeps it"], "employer": ["Kept by employer"],
                               "agency": ["In agency office"]},
    ("documents", "worker_consent"): {"no": ["Did not agree", "Not agreed"], "written": ["Signed consent form"]},
    ("documents", "tampered"): {"none": ["Intact", "Not tampered"], "destroyed": ["Torn up"]},
    ("complaints", "status"): {"resolved": ["Case closed", "Solved"]},
    ("complaints", "subject"): {"harassment": ["Harassment (sexual)"], "wages": ["Unpaid overtime"]},
    ("complaints", "channel"): {"embassy": ["Embassy of Nepal, Doha"], "inspectorate": ["Labour inspection office"]},
    ("wage_payments", "paid_to"): {"worker": ["Employee", "Own bank account"]},
    ("wage_payments", "deduction_reason"): {"fine": ["Misconduct penalty"]},
    ("wage_payments", "deduction_consent"): {"no": ["Not agreed"]},
    ("events", "event"): {
        "resignation_refused": ["Resignation not accepted"], "pregnancy_test_required": ["Made to take pregnancy test"],
        "confined": ["Not allowed to leave the house"], "employer_change_requested": ["Asked to change employer"],
        "employer_change_refused": ["Release (NOC) refused"], "dismissed": ["Contract terminated by employer"],
        "repatriated": ["Sent back to Nepal"]},
    ("events", "paid_by"): {"worker": ["By worker"]},
}
YES_WORDS, NO_WORDS = ["Yes.", "Yes - confirmed", "yes (verified)"], ["No.", "No, never", "no (verified)"]
# Where the answer is naturally what happened to a paper (有 / 沒有: "there is one / there is none").
YES_NO_BY_COLUMN: dict[str, tuple[list[str], list[str]]] = {
    "receipt": (["Receipt given", "有"], ["Not given", "沒有"]),
    "copy_given_to_worker": (["Copy given", "有"], ["Not given", "沒有"]),
    "itemised": (["Itemised bill", "Yes - itemised"], ["Not itemised", "No breakdown"]),
    "waiver_clause": (YES_WORDS, ["沒有", "No."]),
}


def _free_text(tables: list[Table], rows: Rows) -> None:
    for (sheet, column), forms in FREE_CHOICES.items():
        tf.map_cells(tf.table(tables, sheet), rows, column, tf.spelled(forms))
    _each(Kind.YESNO, lambda _s, column, _r: tf.yes_no(  # type: ignore[arg-type]
        *YES_NO_BY_COLUMN.get(column, (YES_WORDS, NO_WORDS))))(tables, rows)


# ---------------------------------------------------------------------------------------------- amounts


def lakh(n: float) -> str:
    """120000 -> '1,20,000': South Asian grouping (thousands, then pairs)."""
    head, tail = str(int(n))[:-3], str(int(n))[-3:]
    return ",".join([*[head[max(i - 2, 0):i] for i in range(len(head), 0, -2)][::-1], tail]) if head else tail


_WORDED: dict[str, list[Callable[[float], str]]] = {
    "NPR": [lambda n: f"Rs {int(n)}/-", lambda n: f"NRs. {lakh(n)}", lambda n: f"Rs. {lakh(n)}/-",
            lambda n: f"NPR {lakh(n)}.00"],
    "QAR": [lambda n: f"QR {tf.grouped(n)}", lambda n: f"{n:,.2f} QR", lambda n: f"QAR {tf.grouped(n)}/-",
            lambda n: f"QR. {n:,.2f}"],
    "USD": [lambda n: f"US$ {tf.grouped(n)}", lambda n: f"{tf.grouped(n)} USD"],
}


def _worded_amounts(tables: list[Table], rows: Rows) -> None:
    turns = {cur: itertools.cycle(forms) for cur, forms in _WORDED.items()}

    def fn(sheet: str, column: str, rows: Rows) -> tf.CellFn | None:
        cur_col = "earnings_currency" if column == "first_month_earnings" else "currency"
        if not any(cur_col in r for r in rows[sheet]):
            return None  # no currency column: the cell would carry a currency no column confirms
        return lambda v, row: next(turns[row[cur_col]])(float(v)) if row.get(cur_col) in turns else v  # type: ignore
    _each(Kind.AMOUNT, fn)(tables, rows)


def _in_thousands(tables: list[Table], rows: Rows) -> None:
    """The fee ledger keeps money in thousands of the row's currency, and its headers say so."""
    for column in ("amount", "reimbursed_amount"):
        tf.map_cells(tf.table(tables, "fees"), rows, column, lambda v, _row: v / 1000)  # type: ignore[operator]
    tf.rename(tables, {"fees": {"amount": "Amount ('000)", "reimbursed_amount": "Refund Amount ('000)"}})


# ---------------------------------------------------------------------------------------------- dates

_NAMED: list[Callable[[dt.date], str]] = [lambda d: f"{d.day:02d}-{d:%b}-{d.year}",
                                          lambda d: f"{d:%b} {d.day}, {d.year}"]


def _dmy(d: dt.date) -> str:
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def _day_first_text(tables: list[Table], rows: Rows) -> None:
    """15-Mar-2024, Mar 15, 2024 and 15/03/2024 in turn down each date column; 15/03/2024 only in a column with
    a day above 12, and that day's cell always written so, so that the column proves day-first."""
    def fn(sheet: str, column: str, rows: Rows) -> tf.CellFn:
        provable = any(isinstance(r.get(column), dt.date) and r[column].day > 12 for r in rows[sheet])
        turn, proved = itertools.cycle([_dmy, *_NAMED] if provable else _NAMED), [not provable]

        def cell(v: object, _row: dict[str, Any]) -> object:
            if isinstance(v, dt.date) and not proved[0] and v.day > 12:
                proved[0] = True
                return _dmy(v)
            return next(turn)(v) if isinstance(v, dt.date) else v
        return cell
    _each(Kind.DATE, fn)(tables, rows)


def _us_payroll(tables: list[Table], rows: Rows) -> None:
    for column in ("period_start", "period_end", "due_on", "paid_on"):
        tf.map_cells(tf.table(tables, "wage_payments"), rows, column,
                     tf.date_text(lambda d: f"{d.month}/{d.day}/{d.year}"))


def _iso_with_time(tables: list[Table], rows: Rows) -> None:
    _each(Kind.DATE, lambda _s, _c, _r: tf.date_text(lambda d: f"{d.isoformat()} 00:00:00"))(tables, rows)


# ---------------------------------------------------------------------------------------------- layout


def _letterhead(tables: list[Table], _rows: Rows) -> None:
    """A1:B4 is where the logo floats; the letterhead is typed from C1; the header is in row 5."""
    for t in tables:
        t.above = [[None, None, "SAGARMATHA OVERSEAS PVT. LTD."],
                   [None, None, "Lic. No. 1187/066/67  |  Samakhusi, Kathmandu  |  Tel 01-4350000"],
                   [None, None, f"{t.name.replace('_', ' ').title()} Register", None, None, "Printed: 15-Jan-2025"], []]


# Merged group labels in Traditional Chinese over the contract's own column names.
GROUPS: dict[str, list[tuple[str, list[str]]]] = {
    "fees": [("編號", ["fee_id", "worker_id", "agency_id"]), ("費用", ["category", "amount", "currency"]),
             ("付款", ["paid_by", "paid_on", "method", "lender"]), ("退款", ["reimbursed_amount"]),
             ("單據及告知", ["receipt", "itemised", "disclosed_before_acceptance"])],
    "workers": [("基本資料", ["worker_id", "name", "sex", "date_of_birth", "nationality", "languages", "occupation"]),
                ("招募及派遣", ["origin_country", "destination_country", "agency_id", "employer_id", "recruited_on",
                           "departed_on"]),
                ("薪資", ["first_month_earnings", "earnings_currency"]),
                ("行前告知", ["orientation_on", "complaint_channel_known"])],
    "wage_payments": [("移工", ["worker_id"]), ("計薪期間", ["period_start", "period_end"]),
                      ("發薪", ["due_on", "paid_on", "paid_to"]), ("金額", ["gross", "deductions", "net", "currency"]),
                      ("扣款", ["deduction_reason", "deduction_consent"]), ("工時", ["hours_worked"])],
}


def _chinese_groups(tables: list[Table], _rows: Rows) -> None:
    for name, groups in GROUPS.items():
        tf.group(tf.table(tables, name), groups)


def _grand_total(tables: list[Table], rows: Rows) -> None:
    fees = tf.table(tables, "fees")
    total: list[object] = [None] * len(fees.columns)
    total[fees.position("fee_id")] = "Grand Total"
    for column in ("amount", "reimbursed_amount"):
        total[fees.position(column)] = sum(r.get(column) or 0 for r in rows["fees"])
    fees.below = [[None] * len(fees.columns), total]


# Text that Windows-1252 and UTF-8 write differently: curly quotes, an en dash, an accented letter.
_CP1252_NOTE = ("employer refused the no-objection letter",
                "employer refused the ‘no-objection’ letter – “wait for the café contract”")


def _european_csv(rows: Rows, out: Path) -> Rendered:
    """Excel in a European locale, 'CSV (semicolon delimited)': Windows-1252, semicolons, amounts as 1200,00."""
    rows = copy.deepcopy(rows)
    for e in rows["events"]:
        e["notes"] = _CP1252_NOTE[1] if e.get("notes") == _CP1252_NOTE[0] else e.get("notes")
    tables = tf.base_tables(rows)
    _each(Kind.AMOUNT, lambda _s, _c, _r: lambda v, _row: f"{float(v):.2f}".replace(".", ","))(  # type: ignore
        tables, rows)
    return Rendered(write_csv_folder(tables, out / "records", "cp1252", ";"), tables)


# ---------------------------------------------------------------------------------------------- the set

_US_WEAK = ("period_start is always the 1st and due_on always the 7th: no cell of those columns shows the order, "
            "only the sheet's other columns do, so refusing them is acceptable; reading 6/7/2024 as 6 July is not")

# The header systems with their required columns kept: these must be read, and safe (weak assertion).
OPTIONAL_HEADERS: list[Variant] = [
    Variant(f"{system}-optional-headers", f"{system}'s names for the optional columns only", _xlsx(_optional_headers(
        system)), weak="headers the vocabularies do not cover must be reported, not guessed") for system in SYSTEMS]

HOLDOUT: list[Variant] = [
    Variant("nepal-ledger-headers", "a Nepali manpower agency ledger's headers (Candidate ID, Lic. Valid Upto, "
            "Particulars, Amt., Mode of Payment, Voucher No., Regd. Date ...)", _xlsx(_headers("nepal-ledger"))),
    Variant("gulf-wps-headers", "a Gulf HR/WPS payroll export's headers (Employee ID, Establishment ID, "
            "Designation, Pay Start Date, Beneficiary, Borne By ...)", _xlsx(_headers("gulf-wps"))),
    Variant("hk-tw-traditional-chinese-headers", "a Hong Kong/Taiwan agency sheet's Traditional Chinese headers "
            "(移工編號, 僱主編號, 費用項目, 幣別, 計薪期間起 ...)", _xlsx(_headers("hk-tw-chinese"))),
    Variant("ngo-intake-headers", "an NGO intake form's question headers (Client ID, Who bore the cost?, "
            "Was a receipt given?, Take-home pay ...)", _xlsx(_headers("ngo-intake"))),
    Variant("free-text-values", "free text in every choice and yes/no column (Manpower fee, GAMCA medical, "
            "Candidate, Cut from salary, Kept by employer, Torn up, Yes., No, never, 有, 沒有 ...)", _xlsx(_free_text)),
    Variant("amounts-with-currency-words", "every amount with its row's currency in words (Rs 15000/-, "
            "NRs. 1,20,000, Rs. 1,20,000/-, QR 1,200, 1,200.00 QR, US$ 300)", _xlsx(_worded_amounts)),
    Variant("fee-amounts-in-thousands", "fees amount and reimbursed_amount in thousands under Amount ('000) and "
            "Refund Amount ('000): 120 for 120,000, 0.8 for 800", _xlsx(_in_thousands)),
    Variant("dates-day-first-text", "every date column as text: 15-Mar-2024, Mar 15, 2024, 15/03/2024 in turn "
            "(15/03/2024 only where a day above 12 proves the order)", _xlsx(_day_first_text)),
    Variant("dates-iso-with-time", "every date column as text 2024-03-15 00:00:00", _xlsx(_iso_with_time)),
    Variant("header-row-5-under-letterhead", "every sheet: letterhead from C1 beside the logo area, a blank row, "
            "the header in row 5", _xlsx(_letterhead)),
    Variant("two-row-header-chinese-groups", "fees, workers, wage_payments: merged Traditional Chinese group labels "
            "(編號, 費用, 付款, 計薪期間 ...) over the column names",
            _xlsx(_chinese_groups)),
    Variant("csv-cp1252-semicolon-decimal-comma", "CSV folder in Windows-1252, semicolon separated, every amount "
            "as 1200,00 (European Excel)", _european_csv),
    Variant("fees-blank-row-grand-total", "a blank row then a Grand Total row under the fees table",
            _xlsx(_grand_total)),
    # weak: the spelling itself leaves cells undecidable
    Variant("us-payroll-month-first", "a US payroll export: every wage_payments date as m/d/yyyy text (6/5/2024)",
            _xlsx(_us_payroll), weak=_US_WEAK),
]

STRONG = [v for v in HOLDOUT if not v.weak]
WEAK = [v for v in HOLDOUT if v.weak]
