"""SIXTH HOLDOUT: the violations sample as ten more offices keep it, written blind to the reader's vocabularies.

Written without looking at compliance/input/ (but sheets.py's column names and codes), its vocabularies or the
earlier holdouts' variants, in the languages the reader is meant to know: English as Nepali manpower companies,
Indian and Bangladeshi agents, a Qatar payroll system and NGOs in the US, the UK and Geneva write it; simplified
Chinese (a mainland labour-dispatch company), traditional Chinese (a Taiwan broker, a bilingual Hong Kong agency);
and the romanised Nepali, Hindi and Bengali words such records carry (ho/haina, haan/nahin, hyan/na, Jamma, Kul
Yog, Mot, Bima, Hawai tikat, Nakad, Malik). Every value keeps the base's meaning: same amounts, dates, codes,
holders; only how they are written changes, so the right reading is exactly the base's findings and owed totals.

First run (blind, see tests/test_metamorphic_holdout6.py for the figures and what failed).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import yaml

from compliance.input.sheets import SHEETS, SHEETS_BY_NAME
from tests.metamorphic.holdout5 import (
    System,
    apply_cells,
    apply_headers,
    build_system,
    cycle_of,
    lakh,
    thousands,
    totals_row,
)
from tests.metamorphic.render import Table, write_xlsx
from tests.metamorphic.transforms import Rows, base_tables, group, interleave_blank_rows, table
from tests.metamorphic.variants import Rendered, Variant

Headers = dict[str, dict[str, str]]  # contract sheet -> contract column -> header as the office writes it


def joined(headers: Headers, **over: dict[str, str]) -> dict[str, str]:
    """System.headers ('|' separated, template order) from per-column names, with per-sheet overrides."""
    out = {}
    for spec in SHEETS:
        names = {**headers[spec.name], **over.get(spec.name, {})}
        out[spec.name] = "|".join(names[c.name] for c in spec.template_columns())
    return out


def merged(base: Headers, **over: dict[str, str]) -> Headers:
    return {s: {**cols, **over.get(s, {})} for s, cols in base.items()}


# ---------------------------------------------------------------------------------------------- date forms


def dmy(d: dt.date) -> str:
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def mdy(d: dt.date) -> str:
    return f"{d.month:02d}/{d.day:02d}/{d.year}"


def d_mon_y(d: dt.date) -> str:
    return d.strftime("%d-%b-%Y")  # 25-Jan-2024


def d_month_y(d: dt.date) -> str:
    return f"{d.day} {d:%B %Y}"  # 25 January 2024 (UK)


def dotted(d: dt.date) -> str:
    return f"{d.day:02d}.{d.month:02d}.{d.year}"


def cjk(d: dt.date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def ymd_slash(d: dt.date) -> str:
    return f"{d.year}/{d.month:02d}/{d.day:02d}"


def by_day(*forms: Callable[[dt.date], object]) -> Callable[[dt.date, str, str], object]:
    """Forms in turn by the day number, whatever the column (a mixed register typed by several clerks)."""
    pick = cycle_of(list(forms))
    return lambda d, _s, _c: pick(d)


# ---------------------------------------------------------------------------------------------- English headers

# A recruitment agency's own English (UK spelling), the base most English-writing offices vary.
AGENCY_EN: Headers = {
    "agencies": {"agency_id": "Agency Code", "name": "Agency Name", "country": "Country",
                 "licence_number": "Licence No.", "licence_valid_from": "Licence Issue Date",
                 "licence_valid_to": "Licence Expiry Date", "role": "Agency Type",
                 "parent_agency_id": "Principal Agency Code"},
    "employers": {"employer_id": "Employer Code", "name": "Employer Name", "country": "Country", "sector": "Industry",
                  "recruiter_contract_bans_fees": "Employer Pays Clause in Agreement",
                  "due_diligence_on": "Last Agency Audit Date"},
    "workers": {"worker_id": "Worker ID", "name": "Full Name (as in passport)", "sex": "Gender",
                "date_of_birth": "Date of Birth", "nationality": "Nationality", "languages": "Languages Spoken",
                "occupation": "Job Category", "origin_country": "Country of Origin",
                "destination_country": "Destination Country", "agency_id": "Agency Code",
                "employer_id": "Employer Code", "recruited_on": "Registration Date", "departed_on": "Departure Date",
                "first_month_earnings": "First Month Salary (QAR)", "earnings_currency": "Salary Currency",
                "orientation_on": "Pre-Departure Orientation Date",
                "complaint_channel_known": "Briefed on Grievance Channels"},
    "contracts": {"contract_id": "Contract No.", "worker_id": "Worker ID", "stage": "Contract Stage",
                  "written": "Written Contract", "language": "Contract Language", "signed_on": "Date Signed",
                  "copy_given_to_worker": "Copy Given to Worker", "job_title": "Job Title",
                  "monthly_wage": "Basic Salary (QAR)", "currency": "Currency",
                  "hours_per_week": "Working Hours per Week", "rest_days_per_week": "Weekly Off Days",
                  "duration_months": "Contract Period (Months)", "annual_leave_days": "Annual Leave (Days)",
                  "accommodation": "Accommodation", "repatriation_paid_by": "Return Ticket Borne By",
                  "employer_name": "Employer Name on Contract", "work_location": "Place of Work",
                  "signed_by_worker": "Signed by Worker", "waiver_clause": "Waiver Clause",
                  "verified_by_authority": "Attested by Labour Office", "advertised": "Advertised",
                  "says_no_fees": "Advert Says Free of Cost", "licence_number_shown": "Licence No. Shown in Advert"},
    "fees": {"fee_id": "Fee Ref.", "worker_id": "Worker ID", "agency_id": "Collected by Agency",
             "category": "Fee Type", "amount": "Amount", "currency": "Currency", "paid_by": "Paid By",
             "paid_on": "Payment Date", "method": "Payment Mode", "reimbursed_amount": "Amount Refunded",
             "lender": "Loan From", "receipt": "Receipt Issued", "itemised": "Itemised Receipt",
             "disclosed_before_acceptance": "Disclosed Before Offer Accepted"},
    "documents": {"worker_id": "Worker ID", "document": "Document Type", "document_number": "Document No.",
                  "held_by": "Kept By", "held_since": "Kept Since", "worker_consent": "Worker's Consent",
                  "returned_on_request": "Returned When Asked", "tampered": "Damaged or Destroyed"},
    "complaints": {"complaint_id": "Grievance No.", "worker_id": "Worker ID", "agency_id": "Agency Code",
                   "received_on": "Date Received", "allegation": "Details of Grievance", "status": "Status",
                   "subject": "Grievance Category", "channel": "Filed With",
                   "in_worker_language": "Heard in Worker's Language", "cost_to_worker": "Cost Borne by Worker",
                   "substantiated": "Substantiated", "retaliation_reported": "Retaliation Reported",
                   "resolved_on": "Date Closed", "remedy_due": "Compensation Awarded",
                   "remedy_paid": "Compensation Paid", "currency": "Currency"},
    "wage_payments": {"worker_id": "Worker ID", "period_start": "Period From", "period_end": "Period To",
                      "due_on": "Due Date", "paid_on": "Date Paid", "gross": "Gross Salary (QAR)",
                      "deductions": "Total Deductions (QAR)", "deduction_reason": "Deduction Reason",
                      "deduction_consent": "Worker Agreed to Deduction", "net": "Net Paid (QAR)",
                      "currency": "Currency", "paid_to": "Paid To", "hours_worked": "Hours Worked (incl. OT)"},
    "events": {"worker_id": "Worker ID", "date": "Date", "event": "Incident", "amount": "Amount",
               "currency": "Currency", "paid_by": "Paid By", "notes": "Remarks"},
}

# The words most English registers use for the base's codes; offices override and add to them.
VALUES_EN: dict[str, dict[str, list[str]]] = {
    "role": {"recruiter": ["Recruiting Agency"], "sub_agent": ["Sub-agent"]},
    "sex": {"female": ["Female"], "male": ["Male"]},
    "stage": {"offer": ["Offer Letter"], "destination": ["Destination Contract"]},
    "repatriation_paid_by": {"employer": ["Employer"]},
    "category": {"recruitment_fee": ["Recruitment Fee"], "visa": ["Visa Fee"], "placement_fee": ["Placement Fee"],
                 "medical": ["Medical Test"], "equipment": ["Work Boots"], "insurance": ["Insurance"],
                 "service_fee": ["Service Charge"], "skills_test": ["Skill Test"], "bribe": ["Bribe"],
                 "deposit": ["Security Deposit"], "training": ["Training Fee"], "airfare": ["Air Ticket"]},
    "paid_by": {"worker": ["Worker"], "employer": ["Employer"]},
    "method": {"cash": ["Cash"], "bank": ["Bank Transfer"], "wage_deduction": ["Salary Deduction"],
               "loan": ["Loan"]},
    "lender": {"agency": ["Agency"]},
    "document": {"passport": ["Passport"], "bank_card": ["ATM Card"], "certificate": ["Skill Certificate"]},
    "held_by": {"worker": ["Worker"], "employer": ["Employer"], "agency": ["Agency"]},
    "worker_consent": {"no": ["No"], "written": ["Written consent"]},
    "tampered": {"none": ["None"], "destroyed": ["Destroyed"]},
    "status": {"resolved": ["Resolved"]},
    "subject": {"harassment": ["Sexual harassment"], "wages": ["Unpaid wages"]},
    "channel": {"embassy": ["Embassy"], "inspectorate": ["Labour Inspection"]},
    "deduction_reason": {"fine": ["Fine"]},
    "deduction_consent": {"no": ["No"]},
    "paid_to": {"worker": ["Worker"]},
    "event": {"resignation_refused": ["Resignation refused"],
              "pregnancy_test_required": ["Pregnancy test required"],
              "confined": ["Locked in"], "employer_change_requested": ["Asked to change employer"],
              "employer_change_refused": ["Change of employer refused"], "dismissed": ["Dismissed"],
              "repatriated": ["Repatriated"]},
    "currency": {"NPR": ["NPR"], "QAR": ["QAR"], "USD": ["USD"]},
}


def values(base: dict[str, dict[str, list[str]]], **over: dict[str, list[str]]) -> dict[str, dict[str, list[str]]]:
    """Keyword names stand for columns; 'fees__paid_by' for 'fees.paid_by'."""
    out = {k: dict(v) for k, v in base.items()}
    for key, forms in over.items():
        key = key.replace("__", ".")
        out[key] = {**out.get(key.split(".")[-1], {}), **forms}
    return out


def _above(tables: list[Table], lines: Callable[[Table], list[list[object]]], merge: bool = True) -> None:
    for t in tables:
        t.above = lines(t)
        t.merge_above = merge


def _wage_totals(tables: list[Table], rows: Rows, system: System, label: str) -> None:
    t = table(tables, "wage_payments")
    t.below = [totals_row(t, rows, label, ["gross", "deductions", "net"], lambda n: system.money(n, "QAR"))]


# ---------------------------------------------------------------------------------------------- 1. Nepal


def _np_money(n: float, cur: str | None) -> object:
    if cur == "NPR":
        return f"Rs. {lakh(n, 0)}/-" if n < 50_000 else lakh(n)  # ledger: Rs. 8,000/- and 1,20,000.00
    if cur == "QAR":
        return f"QR {n:,.0f}"
    if cur == "USD":
        return f"US$ {n:,.0f}"
    return lakh(n)


def _np_layout(tables: list[Table], rows: Rows, system: System) -> None:
    _above(tables, lambda t: [["Sagarmatha Manpower Services Pvt. Ltd., Samakhushi, Kathmandu (Lic. No. 1187/067/68)"],
                              [f"{system.sheet_names[t.name]} — updated 10/01/2025"],
                              ["Note: dates in A.D., DD/MM/YYYY. QR = Qatari Riyal."], []])
    for name in ("fees", "wage_payments"):
        interleave_blank_rows(table(tables, name), every=6)
    _wage_totals(tables, rows, system, "Jamma")  # Nepali: total


NEPAL = System(
    key="h6-np-manpower",
    sheet_names={"agencies": "Agency Details", "employers": "Demand Employers", "workers": "Worker Register",
                 "contracts": "Contracts", "fees": "Fee Collection", "documents": "Passport Keeping",
                 "complaints": "Grievances", "wage_payments": "Salary Records", "events": "Incidents"},
    headers=joined(merged(AGENCY_EN,
                          workers={"worker_id": "Worker Reg. No.", "name": "Kamdar ko Naam (Name)",
                                   "recruited_on": "Registered on (Darta Miti)", "departed_on": "Flight Date",
                                   "agency_id": "Manpower Code"},
                          contracts={"worker_id": "Worker Reg. No."},
                          fees={"worker_id": "Worker Reg. No.", "agency_id": "Manpower Code", "amount": "Rakam"},
                          documents={"worker_id": "Worker Reg. No."},
                          complaints={"worker_id": "Worker Reg. No."},
                          wage_payments={"worker_id": "Worker Reg. No."},
                          events={"worker_id": "Worker Reg. No."})),
    values=values(VALUES_EN,
                  role={"recruiter": ["Manpower Company"], "sub_agent": ["Sub-agent (local agent)"]},
                  sex={"female": ["F", "Female"], "male": ["M", "Male"]},
                  category={"recruitment_fee": ["Recruitment Fee"], "visa": ["Visa Fee"],
                            "placement_fee": ["Placement Fee"], "medical": ["Medical", "Medical Test"],
                            "equipment": ["Safety Boots"], "insurance": ["Bima (Insurance)"],
                            "service_fee": ["Service Charge (monthly)"], "skills_test": ["Skill Test"],
                            "bribe": ["Ghus (bribe)"], "deposit": ["Dharauti (deposit)"],
                            "training": ["Training Fee"], "airfare": ["Hawai Tikat (air ticket)"]},
                  fees__paid_by={"worker": ["Aafai (self)", "Worker"], "employer": ["Employer"]},
                  method={"cash": ["Cash", "Nagad"], "bank": ["Bank"], "wage_deduction": ["Salary Katti"],
                          "loan": ["Loan"]},
                  lender={"agency": ["Manpower"]},
                  held_by={"worker": ["Self"], "employer": ["Employer"], "agency": ["Manpower Office"]},
                  currency={"NPR": ["NPR", "Rs."], "QAR": ["QR"], "USD": ["USD"]}),
    yes=["Y", "Yes", "ho"], no=["N", "No", "haina"],
    date=lambda d, _s, _c: dmy(d),
    money=_np_money,
    pay_month=("Salary Month", [lambda d: f"{d:%B %Y}", lambda d: f"{d.month:02d}/{d.year}"]),
    layout=_np_layout,
)

# ---------------------------------------------------------------------------------------------- 2. India (Hindi)


def _in_money(n: float, cur: str | None) -> object:
    return f"{cur} {lakh(n)}" if cur else lakh(n)  # NPR 1,20,000.00  QAR 1,200.00


def _in_layout(tables: list[Table], rows: Rows, system: System) -> None:
    _above(tables, lambda t: [[f"Shubh Labh Overseas Consultants, Gorakhpur — {system.sheet_names[t.name]}"], []],
           merge=False)
    _wage_totals(tables, rows, system, "Kul Yog")  # Hindi: grand total


INDIA = System(
    key="h6-in-hindi-agent",
    sheet_names={"agencies": "Agency", "employers": "Companies Abroad", "workers": "Candidates",
                 "contracts": "Agreements", "fees": "Payments Received", "documents": "Passport Register",
                 "complaints": "Shikayat", "wage_payments": "Salary", "events": "Ghatna"},
    headers=joined(merged(AGENCY_EN,
                          employers={"employer_id": "Company Code", "name": "Company Name"},
                          workers={"worker_id": "Candidate ID", "name": "Candidate Name", "employer_id": "Company Code",
                                   "date_of_birth": "DOB", "departed_on": "Date of Departure",
                                   "recruited_on": "Date of Selection"},
                          contracts={"worker_id": "Candidate ID"},
                          fees={"worker_id": "Candidate ID", "amount": "Raashi (Amount)", "paid_on": "Date of Payment"},
                          documents={"worker_id": "Candidate ID"},
                          complaints={"worker_id": "Candidate ID"},
                          wage_payments={"worker_id": "Candidate ID"},
                          events={"worker_id": "Candidate ID", "event": "Ghatna (Incident)"})),
    values=values(VALUES_EN,
                  category={"recruitment_fee": ["Recruitment Charges"], "visa": ["Visa Charges"],
                            "placement_fee": ["Placement Charges"], "medical": ["Medical Jaanch (medical test)"],
                            "equipment": ["Safety Shoes"], "insurance": ["Insurance (PBBY)"],
                            "service_fee": ["Service Charges"], "skills_test": ["Trade Test"],
                            "bribe": ["Rishwat (bribe)"], "deposit": ["Security Deposit"],
                            "training": ["Training Charges"], "airfare": ["Air Ticket"]},
                  fees__paid_by={"worker": ["Khud (self)", "Candidate"], "employer": ["Company"]},
                  method={"cash": ["Nakad (cash)"], "bank": ["NEFT"], "wage_deduction": ["Salary se katauti"],
                          "loan": ["Loan"]},
                  held_by={"worker": ["Candidate"], "employer": ["Malik (employer)"], "agency": ["Agency"]},
                  status={"resolved": ["Resolved"]}),
    yes=["Haan", "Yes"], no=["Nahin", "No"],
    date=lambda d, _s, _c: d_mon_y(d),
    money=_in_money,
    pay_month=("Salary Month", [lambda d: f"{d:%b-%Y}", lambda d: f"{d:%b}'{d:%y}"]),
    layout=_in_layout,
)

# ---------------------------------------------------------------------------------------------- 3. Bangladesh


def _bd_money(n: float, cur: str | None) -> object:
    if cur == "NPR":
        return lakh(n, 0)  # 1,20,000
    return n  # a number cell


def _bd_layout(tables: list[Table], rows: Rows, system: System) -> None:
    group(table(tables, "workers"), [
        ("Worker Information", ["worker_id", "name", "sex", "date_of_birth", "nationality", "languages",
                                "occupation"]),
        ("Migration", ["origin_country", "destination_country", "agency_id", "employer_id", "recruited_on",
                       "departed_on"]),
        ("Salary", ["first_month_earnings", "earnings_currency"]),
        ("Pre-departure", ["orientation_on", "complaint_channel_known"])])
    group(table(tables, "fees"), [
        ("Payment", ["fee_id", "worker_id", "agency_id", "category", "amount", "currency", "paid_by", "paid_on",
                     "method"]),
        ("Refund / Loan", ["reimbursed_amount", "lender"]),
        ("Receipt", ["receipt", "itemised", "disclosed_before_acceptance"])])
    interleave_blank_rows(table(tables, "contracts"), every=4)
    _wage_totals(tables, rows, system, "Mot")  # Bengali: total


BANGLADESH = System(
    key="h6-bd-agency",
    sheet_names={"agencies": "RA List", "employers": "Employer List", "workers": "Emigrant List",
                 "contracts": "Employment Contract", "fees": "Migration Cost", "documents": "Documents",
                 "complaints": "Complaint", "wage_payments": "Salary Statement", "events": "Events"},
    headers=joined(merged(AGENCY_EN,
                          agencies={"agency_id": "RA Code", "name": "RA Name", "licence_number": "RL No."},
                          workers={"worker_id": "ID", "name": "Name", "sex": "Sex", "date_of_birth": "Date of Birth",
                                   "agency_id": "RA Code", "first_month_earnings": "Amount (QAR)",
                                   "earnings_currency": "Currency", "orientation_on": "Briefing Date",
                                   "complaint_channel_known": "Grievance Mechanism Explained"},
                          fees={"fee_id": "ID", "worker_id": "Worker ID", "agency_id": "RA Code",
                                "category": "Cost Head", "reimbursed_amount": "Refunded Amount",
                                "lender": "Lender", "receipt": "Money Receipt", "itemised": "Itemised",
                                "disclosed_before_acceptance": "Informed Before Acceptance"},
                          complaints={"agency_id": "RA Code"})),
    values=values(VALUES_EN,
                  role={"recruiter": ["Recruiting Agency (RA)"], "sub_agent": ["Sub-agent"]},
                  category={"recruitment_fee": ["Recruitment Fee"], "visa": ["Visa Fee"],
                            "placement_fee": ["Placement Fee"], "medical": ["Medical"],
                            "equipment": ["Work Shoes"], "insurance": ["Insurance"],
                            "service_fee": ["Service Charge"], "skills_test": ["Skill Test"],
                            "bribe": ["Ghush (bribe)"], "deposit": ["Deposit"], "training": ["Training"],
                            "airfare": ["Bimaner Ticket (air ticket)"]},
                  fees__paid_by={"worker": ["Nijer (self)", "Worker"], "employer": ["Employer"]},
                  method={"cash": ["Cash"], "bank": ["Bank"], "wage_deduction": ["Salary Cut"], "loan": ["Loan"]},
                  held_by={"worker": ["Worker"], "employer": ["Malik (employer)"], "agency": ["RA"]}),
    yes=["Yes", "Hyan"], no=["No", "Na"],  # 'Na' is Bengali no and English n/a: a reader may refuse it
    date=lambda d, s, c: dmy(d) if c in ("date_of_birth", "signed_on") else d,  # date cells, DOB typed
    money=_bd_money,
    pay_month=("Salary Month", [lambda d: f"{d:%B}, {d.year}", lambda d: f"{d:%B %Y}"]),
    layout=_bd_layout,
)

# ---------------------------------------------------------------------------------------------- 4. Qatar payroll


def _qa_money(n: float, cur: str | None) -> object:
    return f"{n:,.2f}"


def _qa_layout(tables: list[Table], rows: Rows, system: System) -> None:
    _above(tables, lambda t: [[f"HRMS Report: {system.sheet_names[t.name]}"], ["Printed on: 10/01/2025 09:14"]],
           merge=False)


PAYROLL_EN = merged(
    AGENCY_EN,
    agencies={"agency_id": "Recruitment Agency Code", "name": "Recruitment Agency", "role": "Agency Category",
              "licence_valid_from": "Licence Start Date (DD/MM/YYYY)",
              "licence_valid_to": "Licence End Date (DD/MM/YYYY)", "parent_agency_id": "Main Agency Code"},
    employers={"employer_id": "Establishment ID", "name": "Establishment Name", "sector": "Activity",
               "recruiter_contract_bans_fees": "Agency Agreement Bans Worker Fees",
               "due_diligence_on": "Last Agency Audit (DD/MM/YYYY)"},
    workers={"worker_id": "Employee No.", "name": "Employee Name", "employer_id": "Establishment ID",
             "agency_id": "Recruitment Agency Code", "occupation": "Designation",
             "date_of_birth": "Date of Birth (DD/MM/YYYY)", "recruited_on": "Recruitment Date (DD/MM/YYYY)",
             "departed_on": "Departure from Home Country (DD/MM/YYYY)", "first_month_earnings": "First Salary (QAR)",
             "orientation_on": "Orientation Date (DD/MM/YYYY)"},
    contracts={"worker_id": "Employee No.", "monthly_wage": "Basic Salary (QAR)",
               "signed_on": "Signed Date (DD/MM/YYYY)"},
    fees={"worker_id": "Employee No.", "agency_id": "Recruitment Agency Code", "paid_on": "Paid Date (DD/MM/YYYY)"},
    documents={"worker_id": "Employee No.", "held_since": "Held Since (DD/MM/YYYY)"},
    complaints={"worker_id": "Employee No.", "agency_id": "Recruitment Agency Code",
                "received_on": "Received Date (DD/MM/YYYY)", "resolved_on": "Closed Date (DD/MM/YYYY)"},
    wage_payments={"worker_id": "Employee No.", "due_on": "Salary Due Date (DD/MM/YYYY)",
                   "paid_on": "Salary Transfer Date (DD/MM/YYYY)", "gross": "Gross Salary (QAR)",
                   "deductions": "Deductions (QAR)", "deduction_reason": "Deduction Type",
                   "deduction_consent": "Deduction Approved by Employee", "net": "Net Salary (QAR)",
                   "paid_to": "Beneficiary", "hours_worked": "Total Hours (incl. OT)"},
    events={"worker_id": "Employee No.", "date": "Action Date (DD/MM/YYYY)", "event": "HR Action"},
)

QATAR = System(
    key="h6-qa-payroll",
    sheet_names={"agencies": "RECRUITMENT_AGENCIES", "employers": "ESTABLISHMENTS", "workers": "EMPLOYEES",
                 "contracts": "CONTRACTS", "fees": "RECRUITMENT_COSTS", "documents": "DOCUMENT_CUSTODY",
                 "complaints": "GRIEVANCES", "wage_payments": "PAYROLL", "events": "HR_ACTIONS"},
    headers=joined(PAYROLL_EN),
    values=values(VALUES_EN,
                  role={"recruiter": ["Recruitment Agency"], "sub_agent": ["Sub-agent"]},
                  stage={"offer": ["Job Offer"], "destination": ["Final Contract (Qatar)"]},
                  method={"cash": ["Cash"], "bank": ["Bank Transfer"], "wage_deduction": ["Payroll Deduction"],
                          "loan": ["Loan"]},
                  held_by={"worker": ["Employee"], "employer": ["Company PRO"], "agency": ["Recruitment Agency"]},
                  paid_to={"worker": ["Employee Bank Account"]},
                  deduction_reason={"fine": ["Disciplinary Fine"]},
                  event={"resignation_refused": ["Resignation Rejected"],
                         "pregnancy_test_required": ["Pregnancy Test Required"], "confined": ["Confined"],
                         "employer_change_requested": ["Transfer Request"],
                         "employer_change_refused": ["Transfer Request Rejected"], "dismissed": ["Terminated"],
                         "repatriated": ["Final Exit"]},
                  currency={"NPR": ["NPR"], "QAR": ["QAR"], "USD": ["USD"]}),
    yes=["Y"], no=["N"],
    date=lambda d, _s, _c: dmy(d),
    money=_qa_money,
    pay_month=("Salary Month", [lambda d: f"{d.month:02d}/{d.year}", lambda d: f"{d:%Y-%m}",
                                lambda d: f"{d:%b-%Y}".upper()]),
    layout=_qa_layout,
)

# ---------------------------------------------------------------------------------------------- 5. US NGO


def _us_money(n: float, cur: str | None) -> object:
    if cur == "USD":
        return f"${n:,.2f}"
    return f"{cur} {n:,.2f}" if cur else f"{n:,.2f}"


def _summary(rows: Rows, words: dict[str, list[str]], title: str) -> Table:
    """A pivot-like sheet a case manager keeps first: fees paid by workers, by type and currency."""
    sums: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for f in rows["fees"]:
        if f.get("paid_by") == "worker" and f.get("amount"):
            sums[words[f["category"]][0]][f["currency"]] += f["amount"]
    currencies = sorted({c for by in sums.values() for c in by})
    body: list[list[object]] = [[k, *(by.get(c) for c in currencies)] for k, by in sorted(sums.items())]
    body.append(["Grand Total", *(sum(by.get(c, 0) for by in sums.values()) for c in currencies)])
    return Table(name="Summary", columns=[""] * (1 + len(currencies)), header=["Fee Type", *currencies], body=body,
                 above=[[title], []])


US_EN = merged(
    AGENCY_EN,
    agencies={"licence_number": "License #", "licence_valid_from": "License Start", "licence_valid_to": "License End",
              "role": "Agency Role", "parent_agency_id": "Parent Agency"},
    employers={"recruiter_contract_bans_fees": "Contract Bars Recruiter Fees",
               "due_diligence_on": "Last Recruiter Audit"},
    workers={"worker_id": "Client ID", "name": "Client Name", "employer_id": "Employer Code",
             "occupation": "Occupation", "recruited_on": "Date Recruited", "departed_on": "Date Left Home Country",
             "first_month_earnings": "First Month Pay (QAR)", "earnings_currency": "Pay Currency",
             "orientation_on": "Pre-Departure Orientation",
             "complaint_channel_known": "Knows How to File a Complaint"},
    contracts={"worker_id": "Client ID", "monthly_wage": "Monthly Pay (QAR)", "verified_by_authority":
               "Verified by Labor Ministry", "advertised": "Job Ad", "says_no_fees": "Ad Says No Fees",
               "licence_number_shown": "Ad Shows License #"},
    fees={"worker_id": "Client ID", "itemised": "Itemized Receipt", "reimbursed_amount": "Amount Reimbursed"},
    documents={"worker_id": "Client ID"},
    complaints={"worker_id": "Client ID", "complaint_id": "Complaint #", "channel": "Where Filed",
                "in_worker_language": "In Client's Language", "cost_to_worker": "Cost to Client"},
    wage_payments={"worker_id": "Client ID", "gross": "Gross Pay (QAR)", "deductions": "Deductions (QAR)",
                   "net": "Net Pay (QAR)", "deduction_consent": "Client Consented to Deduction"},
    events={"worker_id": "Client ID", "event": "Event", "notes": "Notes"},
)

US_VALUES = values(VALUES_EN,
                   category={"recruitment_fee": ["Recruitment Fee"], "visa": ["Visa Fee"],
                             "placement_fee": ["Placement Fee"], "medical": ["Medical Exam"],
                             "equipment": ["Work Boots"], "insurance": ["Insurance"],
                             "service_fee": ["Service Fee"], "skills_test": ["Skills Test"],
                             "bribe": ["Bribe"], "deposit": ["Deposit"], "training": ["Training"],
                             "airfare": ["Airfare"]},
                   channel={"embassy": ["Embassy"], "inspectorate": ["Labor Inspectorate"]},
                   fees__paid_by={"worker": ["Client"], "employer": ["Employer"]},
                   held_by={"worker": ["Client"], "employer": ["Employer"], "agency": ["Recruiter"]},
                   event={"resignation_refused": ["Not allowed to quit"],
                          "pregnancy_test_required": ["Required pregnancy test"],
                          "confined": ["Confined to housing"],
                          "employer_change_requested": ["Requested employer change"],
                          "employer_change_refused": ["Employer change denied"], "dismissed": ["Fired"],
                          "repatriated": ["Repatriated"]})


def _us_layout(tables: list[Table], rows: Rows, system: System) -> None:
    _above(tables, lambda t: [["Freedom Network Services — Labor Trafficking Case Data (CONFIDENTIAL)"], []])
    fees = table(tables, "fees")
    fees.below = [totals_row(fees, rows, "Total", ["reimbursed_amount"], lambda n: f"{n:,.2f}")]
    tables.insert(0, _summary(rows, US_VALUES["category"], "Fees Paid by Clients, by Type"))


USA = System(
    key="h6-us-ngo",
    sheet_names={"agencies": "Recruiters", "employers": "Employers", "workers": "Clients", "contracts": "Contracts",
                 "fees": "Fees Paid", "documents": "Documents Withheld", "complaints": "Complaints",
                 "wage_payments": "Pay Records", "events": "Case Events", "Summary": "Summary"},
    headers=joined(US_EN),
    values=US_VALUES,
    yes=["Yes", "Y"], no=["No", "N"],
    date=lambda d, _s, _c: mdy(d),  # every sheet has a day above 12 in some date column but employers
    money=_us_money,
    pay_month=("Pay Period", [lambda d: f"{d:%B %Y}", lambda d: f"{d.month}/{d.year}"]),
    layout=_us_layout,
)

# ---------------------------------------------------------------------------------------------- 6. UK NGO (flat)

UK_EN = merged(
    AGENCY_EN,
    agencies={"role": "Type of Agency"},
    documents={"worker_id": "Client Ref", "held_by": "Held By", "worker_consent": "Client Consented"},
    complaints={"worker_id": "Client Ref"},
    contracts={"worker_id": "Client Ref"},
    wage_payments={"worker_id": "Client Ref"},
    events={"worker_id": "Client Ref"},
)
# The case log: one row per payment, the client's facts repeated (caseworker's own headers, mapped by hand).
_UK_CASE_LOG = {
    "workers": {"worker_id": "Client Ref", "name": "Client Name", "sex": "Gender", "date_of_birth": "DOB",
                "nationality": "Nationality", "languages": "Languages", "occupation": "Job in Qatar",
                "origin_country": "Home Country", "destination_country": "Country of Work",
                "agency_id": "Recruited Through", "employer_id": "Employer", "recruited_on": "Date Recruited",
                "departed_on": "Date Left Nepal", "first_month_earnings": "First Month's Pay",
                "earnings_currency": "Pay Currency", "orientation_on": "Pre-Departure Briefing",
                "complaint_channel_known": "Knows How to Complain"},
    "fees": {"fee_id": "Payment Ref", "agency_id": "Paid To (Agency)", "category": "What For", "amount": "Amount",
             "currency": "Currency", "paid_by": "Who Paid", "paid_on": "Date Paid", "method": "How Paid",
             "reimbursed_amount": "Refunded", "lender": "Borrowed From", "receipt": "Receipt?",
             "itemised": "Itemised?", "disclosed_before_acceptance": "Told Before Accepting Job?"},
}


def _uk_money(n: float, cur: str | None) -> object:
    return {"USD": f"US${n:,.0f}", None: f"{n:,.0f}"}.get(cur, f"{cur} {n:,.0f}")


UK = System(
    key="h6-uk-ngo-flat",
    sheet_names={"agencies": "Agencies", "employers": "Employers", "contracts": "Contracts",
                 "documents": "Documents Held", "complaints": "Complaints", "wage_payments": "Wages",
                 "events": "Timeline", "workers": "Case Log", "fees": "Case Log"},
    headers=joined(UK_EN),
    values=values(VALUES_EN,
                  fees__paid_by={"worker": ["Client"], "employer": ["Employer"]},
                  held_by={"worker": ["Client"], "employer": ["Employer"], "agency": ["Agency"]},
                  category={"recruitment_fee": ["Recruitment fee"], "visa": ["Visa"],
                            "placement_fee": ["Placement fee"],
                            "medical": ["Medical"], "equipment": ["Work boots"], "insurance": ["Insurance"],
                            "service_fee": ["Broker's monthly fee"], "skills_test": ["Skills test"],
                            "bribe": ["Bribe"], "deposit": ["Deposit"], "training": ["Training"],
                            "airfare": ["Flights"]}),
    yes=["Yes", "✓"], no=["No", "✗"],
    date=by_day(d_mon_y, d_month_y, lambda d: d),
    money=_uk_money,
)


def _case_log(tables: list[Table], rows: Rows) -> Table:
    workers, fees = table(tables, "workers"), table(tables, "fees")
    w_cols = [c.name for c in SHEETS_BY_NAME["workers"].template_columns()]
    f_cols = [c.name for c in SHEETS_BY_NAME["fees"].template_columns() if c.name != "worker_id"]
    at_worker = {w["worker_id"]: i for i, w in enumerate(rows["workers"])}
    # the fee's agency column is named "" so that 'agency_id' stays the worker's (one name per position)
    log = Table(name="Case Log", columns=[*w_cols, *("" if c == "agency_id" else c for c in f_cols)],
                header=[*(_UK_CASE_LOG["workers"][c] for c in w_cols), *(_UK_CASE_LOG["fees"][c] for c in f_cols)],
                body=[], origins={"workers": {}, "fees": {}},
                above=[["Nepal–Gulf Returnee Casework: case log (one row per payment)"], []], merge_above=True)
    for fi, fee in enumerate(rows["fees"]):
        wi = at_worker[fee["worker_id"]]
        w_row = workers.body[workers.origins["workers"][wi]]
        f_row = fees.body[fees.origins["fees"][fi]]
        log.origins["workers"].setdefault(wi, len(log.body))
        log.origins["fees"][fi] = len(log.body)
        log.body.append([*(w_row[workers.position(c)] for c in w_cols), *(f_row[fees.position(c)] for c in f_cols)])
    log.changed = workers.changed | fees.changed
    return log


def _uk_mapping(path: Path, header_row: int) -> Path:
    columns: dict[str, object] = {"Client Ref": ["workers.worker_id", "fees.worker_id"]}
    for sheet, names in _UK_CASE_LOG.items():
        for col, header in names.items():
            columns.setdefault(header, f"{sheet}.{col}")
    doc = {"fairrecruit-mapping": 1,
           "sheets": {"Case Log": {"as": ["workers", "fees"], "header_rows": [header_row], "columns": columns}}}
    path.write_text("# written by the caseworker after `fairrecruit map`\n"
                    + yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def build_uk_flat(rows: Rows, tmp_path: Path) -> Rendered:
    tables = base_tables(rows)
    apply_cells(tables, rows, UK)
    apply_headers(tables, UK)
    log = _case_log(tables, rows)
    others = [t for t in tables if t.name not in ("workers", "fees")]
    for t in others:
        t.name = UK.sheet_names[t.name]
    out = [*others[:2], log, *others[2:]]
    path = write_xlsx(out, tmp_path / f"{UK.key}.xlsx")
    return Rendered(path, out, _uk_mapping(tmp_path / "mapping.yaml", log.header_row))

# ---------------------------------------------------------------------------------------------- 7. Geneva NGO CSV


def _eu_money(n: float, cur: str | None) -> object:
    return thousands(n, ".", ",")  # 120.000,00


def _eu_layout(tables: list[Table], rows: Rows, system: System) -> None:
    _above(tables, lambda t: [[f"Migrant Rights Desk – {system.sheet_names[t.name]} – export 10.01.2025"]],
           merge=False)


EU_EN = merged(
    AGENCY_EN,
    agencies={"agency_id": "Agency N°", "licence_number": "Licence N°"},
    employers={"employer_id": "Employer N°"},
    workers={"worker_id": "Case N°", "agency_id": "Agency N°", "employer_id": "Employer N°",
             "first_month_earnings": "First Month Wage"},
    contracts={"contract_id": "Contract N°", "worker_id": "Case N°", "monthly_wage": "Monthly Wage"},
    fees={"fee_id": "Payment N°", "worker_id": "Case N°", "agency_id": "Agency N°"},
    documents={"worker_id": "Case N°", "document_number": "Document N°"},
    complaints={"complaint_id": "Complaint N°", "worker_id": "Case N°", "agency_id": "Agency N°"},
    wage_payments={"worker_id": "Case N°", "gross": "Gross Wage", "deductions": "Deductions", "net": "Net Wage"},
    events={"worker_id": "Case N°"},
)

GENEVA = System(
    key="h6-eu-ngo-csv",
    sheet_names={"agencies": "agencies_recruiters", "employers": "employers_destination", "workers": "cases",
                 "contracts": "contracts", "fees": "recruitment_costs", "documents": "confiscated_documents",
                 "complaints": "grievances", "wage_payments": "wages", "events": "timeline"},
    headers=joined(EU_EN),
    values=values(VALUES_EN, paid_by={"worker": ["Migrant worker"], "employer": ["Employer"]},
                  held_by={"worker": ["Migrant worker"], "employer": ["Employer"], "agency": ["Agency"]}),
    yes=["yes", "Y"], no=["no", "N"],
    date=lambda d, _s, _c: dotted(d),
    money=_eu_money,
    layout=_eu_layout,
)

# ---------------------------------------------------------------------------------------------- 8. mainland China

CHINESE_S: Headers = {
    "agencies": {"agency_id": "机构编号", "name": "机构名称", "country": "所在国家", "licence_number": "许可证号",
                 "licence_valid_from": "许可证生效日期", "licence_valid_to": "许可证到期日期", "role": "机构类型",
                 "parent_agency_id": "上级机构编号"},
    "employers": {"employer_id": "雇主编号", "name": "雇主名称", "country": "国家", "sector": "行业",
                  "recruiter_contract_bans_fees": "合同禁止向劳务人员收费", "due_diligence_on": "最近尽职调查日期"},
    "workers": {"worker_id": "人员编号", "name": "姓名", "sex": "性别", "date_of_birth": "出生日期",
                "nationality": "国籍", "languages": "掌握语言", "occupation": "工种", "origin_country": "派出国",
                "destination_country": "派往国", "agency_id": "中介机构编号", "employer_id": "雇主编号",
                "recruited_on": "招募日期", "departed_on": "出境日期", "first_month_earnings": "首月工资（QAR）",
                "earnings_currency": "工资币种", "orientation_on": "行前培训日期",
                "complaint_channel_known": "是否知晓投诉渠道"},
    "contracts": {"contract_id": "合同编号", "worker_id": "人员编号", "stage": "合同阶段", "written": "书面合同",
                  "language": "合同语言", "signed_on": "签订日期", "copy_given_to_worker": "是否交付合同副本",
                  "job_title": "岗位", "monthly_wage": "月工资（QAR）", "currency": "币种",
                  "hours_per_week": "每周工时",
                  "rest_days_per_week": "每周休息天数", "duration_months": "合同期限（月）",
                  "annual_leave_days": "年假天数", "accommodation": "住宿条件",
                  "repatriation_paid_by": "回程机票承担方",
                  "employer_name": "合同所列雇主", "work_location": "工作地点", "signed_by_worker": "本人签字",
                  "waiver_clause": "含弃权条款", "verified_by_authority": "经主管部门备案",
                  "advertised": "是否发布招聘广告", "says_no_fees": "广告注明免费",
                  "licence_number_shown": "广告注明许可证号"},
    "fees": {"fee_id": "收费编号", "worker_id": "人员编号", "agency_id": "收费机构编号", "category": "费用类别",
             "amount": "金额", "currency": "币种", "paid_by": "付款方", "paid_on": "付款日期", "method": "付款方式",
             "reimbursed_amount": "已退还金额", "lender": "借款来源", "receipt": "是否开具收据",
             "itemised": "是否列明费用明细", "disclosed_before_acceptance": "接受录用前是否告知"},
    "documents": {"worker_id": "人员编号", "document": "证件类型", "document_number": "证件号码", "held_by": "保管人",
                  "held_since": "保管起始日期", "worker_consent": "本人是否同意",
                  "returned_on_request": "要求时是否归还",
                  "tampered": "损毁情况"},
    "complaints": {"complaint_id": "投诉编号", "worker_id": "人员编号", "agency_id": "被投诉机构编号",
                   "received_on": "受理日期", "allegation": "投诉内容", "status": "处理状态", "subject": "投诉类别",
                   "channel": "投诉渠道", "in_worker_language": "可用母语投诉", "cost_to_worker": "投诉费用",
                   "substantiated": "投诉是否属实", "retaliation_reported": "是否报告遭报复", "resolved_on": "结案日期",
                   "remedy_due": "应付赔偿", "remedy_paid": "已付赔偿", "currency": "币种"},
    "wage_payments": {"worker_id": "人员编号", "period_start": "工资期间起", "period_end": "工资期间止",
                      "due_on": "应发日期", "paid_on": "实发日期", "gross": "应发工资", "deductions": "扣款合计",
                      "deduction_reason": "扣款原因", "deduction_consent": "本人是否同意扣款", "net": "实发金额",
                      "currency": "币种", "paid_to": "收款人", "hours_worked": "工作小时数（含加班）"},
    "events": {"worker_id": "人员编号", "date": "日期", "event": "事件", "amount": "金额", "currency": "币种",
               "paid_by": "付款方", "notes": "备注"},
}

CN_VALUES = {
    "role": {"recruiter": ["招聘中介"], "sub_agent": ["下级代理"]},
    "sex": {"female": ["女"], "male": ["男"]},
    "stage": {"offer": ["录用通知"], "destination": ["抵达后签订的合同"]},
    "repatriation_paid_by": {"employer": ["雇主"]},
    "category": {"recruitment_fee": ["招聘费"], "visa": ["签证费"], "placement_fee": ["介绍费"], "medical": ["体检费"],
                 "equipment": ["工作鞋"], "insurance": ["保险费"], "service_fee": ["服务费"],
                 "skills_test": ["技能考试费"], "bribe": ["贿赂"], "deposit": ["押金"], "training": ["培训费"],
                 "airfare": ["机票"]},
    "paid_by": {"worker": ["本人", "劳务人员"], "employer": ["雇主"]},
    "method": {"cash": ["现金"], "bank": ["银行转账"], "wage_deduction": ["工资扣除"], "loan": ["贷款"]},
    "lender": {"agency": ["中介"]},
    "document": {"passport": ["护照"], "bank_card": ["银行卡"], "certificate": ["技能证书"]},
    "held_by": {"worker": ["本人"], "employer": ["雇主"], "agency": ["中介"]},
    "worker_consent": {"no": ["不同意"], "written": ["书面同意"]},
    "tampered": {"none": ["无"], "destroyed": ["已销毁"]},
    "status": {"resolved": ["已结案"]},
    "subject": {"harassment": ["性骚扰"], "wages": ["工资"]},
    "channel": {"embassy": ["大使馆"], "inspectorate": ["劳动监察部门"]},
    "deduction_reason": {"fine": ["罚款"]},
    "deduction_consent": {"no": ["不同意"]},
    "paid_to": {"worker": ["本人"]},
    "event": {"resignation_refused": ["辞职被拒"], "pregnancy_test_required": ["被要求验孕"],
              "confined": ["被限制人身自由"],
              "employer_change_requested": ["申请更换雇主"], "employer_change_refused": ["更换雇主被拒"],
              "dismissed": ["被解雇"], "repatriated": ["遣返回国"]},
    "currency": {"NPR": ["尼泊尔卢比"], "QAR": ["卡塔尔里亚尔"], "USD": ["美元"]},
}


def _cn_layout(tables: list[Table], rows: Rows, system: System) -> None:
    _above(tables, lambda t: [[f"{system.sheet_names[t.name]}（导出日期：2025年1月10日）"]], merge=False)
    fees = table(tables, "fees")
    # the clerk sums the refunds only: amounts are in several currencies
    fees.below = [totals_row(fees, rows, "合计", ["reimbursed_amount"], lambda n: f"{n:,.2f}")]


CHINA = System(
    key="h6-cn-dispatch",
    sheet_names={"agencies": "中介机构", "employers": "境外雇主", "workers": "劳务人员名册", "contracts": "劳动合同",
                 "fees": "收费明细", "documents": "证件保管", "complaints": "投诉记录", "wage_payments": "工资发放",
                 "events": "事件记录"},
    headers=joined(CHINESE_S),
    values=CN_VALUES,
    yes=["是"], no=["否"],
    date=by_day(cjk, ymd_slash, lambda d: d.isoformat()),
    money=lambda n, _cur: f"{n:,.2f}",
    pay_month=("工资月份", [lambda d: f"{d.year}年{d.month}月", lambda d: f"{d:%Y-%m}"]),
    layout=_cn_layout,
)

# ---------------------------------------------------------------------------------------------- 9. Taiwan broker

CHINESE_T: Headers = {
    "agencies": {"agency_id": "機構編號", "name": "機構名稱", "country": "所在國家", "licence_number": "許可證字號",
                 "licence_valid_from": "許可證生效日期", "licence_valid_to": "許可證有效期限", "role": "機構類別",
                 "parent_agency_id": "上層機構編號"},
    "employers": {"employer_id": "雇主編號", "name": "雇主名稱", "country": "國家", "sector": "行業別",
                  "recruiter_contract_bans_fees": "合約禁止向勞工收費", "due_diligence_on": "最近查核日期"},
    "workers": {"worker_id": "移工編號", "name": "姓名", "sex": "性別", "date_of_birth": "出生日期",
                "nationality": "國籍",
                "languages": "使用語言", "occupation": "工作類別", "origin_country": "來源國",
                "destination_country": "工作國",
                "agency_id": "仲介編號", "employer_id": "雇主編號", "recruited_on": "招募日期",
                "departed_on": "出境日期",
                "first_month_earnings": "首月薪資（QAR）", "earnings_currency": "薪資幣別",
                "orientation_on": "行前講習日期",
                "complaint_channel_known": "知悉申訴管道"},
    "contracts": {"contract_id": "契約編號", "worker_id": "移工編號", "stage": "契約階段", "written": "書面契約",
                  "language": "契約語言", "signed_on": "簽約日期", "copy_given_to_worker": "已交付契約副本",
                  "job_title": "職稱", "monthly_wage": "月薪（QAR）", "currency": "幣別", "hours_per_week": "每週工時",
                  "rest_days_per_week": "每週休息日數", "duration_months": "契約期間（月）",
                  "annual_leave_days": "年假天數",
                  "accommodation": "住宿", "repatriation_paid_by": "返國機票負擔者", "employer_name": "契約所載雇主",
                  "work_location": "工作地點", "signed_by_worker": "本人簽名", "waiver_clause": "含拋棄權利條款",
                  "verified_by_authority": "經主管機關驗證", "advertised": "曾刊登廣告", "says_no_fees": "廣告註明免費",
                  "licence_number_shown": "廣告載有許可證字號"},
    "fees": {"fee_id": "收費編號", "worker_id": "移工編號", "agency_id": "收費仲介編號", "category": "費用項目",
             "amount": "金額", "currency": "幣別", "paid_by": "付款人", "paid_on": "付款日期", "method": "付款方式",
             "reimbursed_amount": "已退還金額", "lender": "借款來源", "receipt": "有無收據",
             "itemised": "收據列明項目", "disclosed_before_acceptance": "簽約前已告知"},
    "documents": {"worker_id": "移工編號", "document": "證件類別", "document_number": "證件號碼", "held_by": "保管人",
                  "held_since": "保管起日", "worker_consent": "本人同意", "returned_on_request": "要求時已返還",
                  "tampered": "損毀情形"},
    "complaints": {"complaint_id": "申訴編號", "worker_id": "移工編號", "agency_id": "被申訴仲介編號",
                   "received_on": "受理日期", "allegation": "申訴內容", "status": "處理狀態", "subject": "申訴類別",
                   "channel": "申訴管道", "in_worker_language": "可用母語申訴", "cost_to_worker": "申訴費用",
                   "substantiated": "申訴成立", "retaliation_reported": "曾反映遭報復", "resolved_on": "結案日期",
                   "remedy_due": "應付賠償", "remedy_paid": "已付賠償", "currency": "幣別"},
    "wage_payments": {"worker_id": "移工編號", "period_start": "薪資期間起", "period_end": "薪資期間迄",
                      "due_on": "應發日期", "paid_on": "發薪日期", "gross": "應發薪資", "deductions": "扣款合計",
                      "deduction_reason": "扣款原因", "deduction_consent": "本人同意扣款", "net": "實發薪資",
                      "currency": "幣別", "paid_to": "受款人", "hours_worked": "工作時數（含加班）"},
    "events": {"worker_id": "移工編號", "date": "日期", "event": "事件", "amount": "金額", "currency": "幣別",
               "paid_by": "付款人", "notes": "備註"},
}

TW_VALUES = {
    "role": {"recruiter": ["國外招募仲介"], "sub_agent": ["次級仲介"]},
    "sex": {"female": ["女"], "male": ["男"]},
    "stage": {"offer": ["聘僱通知"], "destination": ["入境後契約"]},
    "repatriation_paid_by": {"employer": ["雇主"]},
    "category": {"recruitment_fee": ["招募費"], "visa": ["簽證費"], "placement_fee": ["介紹費"], "medical": ["體檢費"],
                 "equipment": ["安全鞋"], "insurance": ["保險費"], "service_fee": ["服務費"],
                 "skills_test": ["技能檢定費"], "bribe": ["賄賂"], "deposit": ["押金"], "training": ["訓練費"],
                 "airfare": ["機票"]},
    "paid_by": {"worker": ["移工本人"], "employer": ["雇主"]},
    "method": {"cash": ["現金"], "bank": ["銀行匯款"], "wage_deduction": ["薪資扣款"], "loan": ["借款"]},
    "lender": {"agency": ["仲介"]},
    "document": {"passport": ["護照"], "bank_card": ["提款卡"], "certificate": ["技能證書"]},
    "held_by": {"worker": ["本人"], "employer": ["雇主"], "agency": ["仲介"]},
    "worker_consent": {"no": ["不同意"], "written": ["書面同意"]},
    "tampered": {"none": ["無"], "destroyed": ["已銷毀"]},
    "status": {"resolved": ["已結案"]},
    "subject": {"harassment": ["性騷擾"], "wages": ["薪資"]},
    "channel": {"embassy": ["大使館"], "inspectorate": ["勞動檢查機構"]},
    "deduction_reason": {"fine": ["罰款"]},
    "deduction_consent": {"no": ["不同意"]},
    "paid_to": {"worker": ["本人"]},
    "event": {"resignation_refused": ["離職被拒"], "pregnancy_test_required": ["被要求驗孕"], "confined": ["遭拘禁"],
              "employer_change_requested": ["申請轉換雇主"], "employer_change_refused": ["轉換雇主被拒"],
              "dismissed": ["遭解僱"], "repatriated": ["遣送回國"]},
    "currency": {"NPR": ["尼泊爾盧比"], "QAR": ["卡達幣"], "USD": ["美金"]},
}

TAIWAN = System(
    key="h6-tw-broker-big5",
    sheet_names={"agencies": "仲介機構", "employers": "雇主名單", "workers": "移工名冊", "contracts": "勞動契約",
                 "fees": "收費紀錄", "documents": "證件保管", "complaints": "申訴紀錄", "wage_payments": "薪資明細",
                 "events": "事件"},
    headers=joined(CHINESE_T),
    values=TW_VALUES,
    yes=["是", "Y"], no=["否", "N"],
    date=by_day(ymd_slash, lambda d: d.isoformat()),
    money=lambda n, _cur: f"{n:,.0f}",  # 120,000: the currency (2 decimals) settles the comma
    pay_month=("薪資月份", [lambda d: f"{d.year}年{d.month:02d}月", lambda d: f"{d.year}/{d.month:02d}"]),
)

# ---------------------------------------------------------------------------------------------- 10. Hong Kong


def _bilingual(zh: Headers, en: Headers) -> Headers:
    return {s: {c: f"{zh[s][c]} {en[s][c]}" for c in cols} for s, cols in en.items()}


# Hong Kong writes 僱 (employ) and calls the broker 代理, the worker 僱員; the other words are the Taiwan
# register's (薪資, 契約, 申訴), as a Hong Kong office using a Taiwan-made template keeps them.
_HK_WORDS = str.maketrans({"雇": "僱"})
HK_ZH = merged({s: {c: h.translate(_HK_WORDS).replace("移工", "僱員").replace("仲介", "代理") for c, h in cols.items()}
                for s, cols in CHINESE_T.items()},
               workers={"worker_id": "僱員編號", "recruited_on": "招聘日期", "departed_on": "離境日期",
                        "first_month_earnings": "首月工資（QAR）", "orientation_on": "出發前講解日期"},
               employers={"employer_id": "僱主編號", "name": "僱主名稱"},
               contracts={"worker_id": "僱員編號", "contract_id": "合約編號", "employer_name": "合約所列僱主",
                          "monthly_wage": "月薪（QAR）"},
               fees={"worker_id": "僱員編號"}, documents={"worker_id": "僱員編號"},
               complaints={"worker_id": "僱員編號"}, wage_payments={"worker_id": "僱員編號"},
               events={"worker_id": "僱員編號"})
HK_EN = merged(AGENCY_EN,
               workers={"worker_id": "Employee No.", "name": "Name", "first_month_earnings": "First Month Salary"},
               contracts={"worker_id": "Employee No.", "monthly_wage": "Monthly Salary"},
               fees={"worker_id": "Employee No."}, documents={"worker_id": "Employee No."},
               complaints={"worker_id": "Employee No."}, wage_payments={"worker_id": "Employee No."},
               events={"worker_id": "Employee No."})


def _hk_money(n: float, cur: str | None) -> object:
    return n if cur in ("QAR", None) else f"{cur} {n:,.2f}"


def _hk_layout(tables: list[Table], rows: Rows, system: System) -> None:
    _above(tables, lambda t: [["環球僱傭中心有限公司 Global Employment Centre Ltd. (EA Licence No. 12345)"],
                              [f"{system.sheet_names[t.name]}"], []])
    group(table(tables, "contracts"), [
        ("合約資料 Contract", ["contract_id", "worker_id", "stage", "written", "language", "signed_on",
                              "copy_given_to_worker", "signed_by_worker"]),
        ("條款 Terms", ["job_title", "monthly_wage", "currency", "hours_per_week", "rest_days_per_week",
                        "duration_months", "annual_leave_days", "accommodation", "repatriation_paid_by",
                        "employer_name", "work_location", "waiver_clause"]),
        ("核實及廣告 Verification & Advert", ["verified_by_authority", "advertised", "says_no_fees",
                                            "licence_number_shown"])])
    group(table(tables, "documents"), [
        ("證件 Document", ["worker_id", "document", "document_number"]),
        ("保管 Custody", ["held_by", "held_since", "worker_consent", "returned_on_request", "tampered"])])


HONG_KONG = System(
    key="h6-hk-bilingual",
    sheet_names={"agencies": "代理 Agencies", "employers": "僱主 Employers", "workers": "僱員 Employees",
                 "contracts": "合約 Contracts", "fees": "收費 Fees", "documents": "證件 Documents",
                 "complaints": "投訴 Complaints", "wage_payments": "工資 Wages", "events": "事件 Events"},
    headers=joined(_bilingual(HK_ZH, HK_EN)),
    values=values(VALUES_EN,
                  category={"recruitment_fee": ["招聘費 Recruitment Fee"], "visa": ["簽證費 Visa Fee"],
                            "placement_fee": ["介紹費 Placement Fee"], "medical": ["體檢費 Medical"],
                            "equipment": ["工作鞋 Work Shoes"], "insurance": ["保險 Insurance"],
                            "service_fee": ["服務費 Service Fee"], "skills_test": ["技能測試 Skills Test"],
                            "bribe": ["賄賂 Bribe"], "deposit": ["按金 Deposit"], "training": ["培訓 Training"],
                            "airfare": ["機票 Air Ticket"]},
                  held_by={"worker": ["本人 Self"], "employer": ["僱主 Employer"], "agency": ["代理 Agency"]},
                  fees__paid_by={"worker": ["僱員 Employee"], "employer": ["僱主 Employer"]}),
    yes=["✓", "是"], no=["✗", "否"],
    date=lambda d, s, c: d if s in ("wage_payments", "fees") else dmy(d),
    money=_hk_money,
    layout=_hk_layout,
)

# ---------------------------------------------------------------------------------------------- the variants

_OFFICES: list[tuple[System, tuple[str, str] | None, str]] = [
    (NEPAL, None, "a Kathmandu manpower company: title rows, Rs. 1,20,000/-, DD/MM/YYYY, Y/ho/haina, Bima, Hawai "
     "Tikat, Aafai, salary month, blank rows between batches, a Jamma totals row"),
    (INDIA, ("utf-8-sig", ","), "an Indian sub-agent's CSV (UTF-8 BOM): 25-Jan-2024, NPR 1,20,000.00, Haan/Nahin, "
     "Nakad, Rishwat, Khud, Malik, salary month May-2024/May'24, a Kul Yog totals row"),
    (BANGLADESH, None, "a Bangladeshi agency: merged group rows over workers and fees, date cells with typed "
     "DOBs, lakh grouping, Hyan/Na, Ghush, Nijer, Bimaner Ticket, June, 2024, a Mot totals row"),
    (QATAR, ("utf-16", "\t"), "a Qatar HRMS export as Unicode Text: (DD/MM/YYYY) in headers, (QAR) units, Y/N, "
     "Salary Month 05/2024, 2024-05, MAY-2024, report title rows"),
    (USA, None, "a US NGO's case data: MM/DD/YYYY, $300.00, License/Itemized/Labor spellings, Client words, a "
     "Summary sheet first, a Total row under fees, Pay Period May 2024 / 5/2024"),
    (GENEVA, ("cp1252", ";"), "a Geneva NGO's CSV in Windows-1252 with semicolons: 120.000,00, 25.01.2024, N° "
     "headers, an en-dash title row"),
    (CHINA, ("gbk", ","), "a mainland labour-dispatch company's CSV in GBK: simplified Chinese headers and values, "
     "是/否, 2024年1月25日 / 2024/01/25 / ISO, 工资月份 2024年5月, a 合计 row"),
    (TAIWAN, ("big5", ","), "a Taiwan broker's CSV in Big5: traditional Chinese, 是/否/Y/N, 2024/01/25, 120,000 "
     "without decimals, 薪資月份 2024年05月 / 2024/05"),
    (HONG_KONG, None, "a Hong Kong agency's bilingual workbook: 僱員編號 Employee No. headers, ✓/✗, DD/MM/YYYY with "
     "date cells, merged bilingual group rows, title rows"),
]


def _variant(system: System, csv: tuple[str, str] | None, what: str, cells: bool) -> Variant:
    build = functools.partial(build_system, system, csv=csv, cells_only=cells)
    return Variant(f"{system.key}-cells" if cells else system.key,
                   ("the same cells under the contract's sheet and required column names: " if cells else "") + what,
                   lambda rows, tmp: build(rows, tmp))


HOLDOUT6: list[Variant] = [
    *(_variant(s, c, w, False) for s, c, w in _OFFICES),
    Variant(UK.key, "a UK NGO's workbook: workers and fees as ONE case log (one row per payment) read with the "
            "caseworker's mapping file; 25-Jan-2024 / 25 January 2024 / date cells, ✓/✗, QAR 1,200, US$300",
            build_uk_flat),
]
HOLDOUT6_CELLS: list[Variant] = [_variant(s, c, w, True) for s, c, w in _OFFICES]
