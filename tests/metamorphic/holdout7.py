"""SEVENTH HOLDOUT: the violations sample as ten more offices keep it, written blind to the reader's vocabularies.

Written without looking at compliance/input/ (beyond sheets.py's column names and codes), the earlier holdouts'
variants or the header/value tests: the sheet names, headers and cell words are the ones such records use (a Sri
Lankan licensed agency's workbook, a Pakistani overseas employment promoter's Windows-1252 CSV, a Saudi
Musaned-style CSV export, a Malaysian employer's HR workbook, a Dubai free-zone payroll with US dates, a Nepali
returnee NGO's UTF-16 log in romanised Nepali, a Singapore MOM-style list, a Macau agency's Big5 CSV in traditional
Chinese, a Chinese-run subcontractor's GBK CSV in simplified Chinese, and a Hong Kong NGO's bilingual case log read
with the caseworker's mapping file). Every value keeps the base's meaning (same amounts, dates, codes, holders);
only how it is written changes, so the right reading is exactly the base's findings and owed totals. The
System/build_system machinery is holdout 5's, reused; each office file but the flat log also has a '-cells' twin.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import yaml

from tests.metamorphic.holdout5 import (
    System,
    apply_cells,
    apply_headers,
    apply_pay_month,
    build_system,
    lakh,
    totals_row,
)
from tests.metamorphic.render import Table, write_xlsx
from tests.metamorphic.transforms import Rows, base_tables, group, interleave_blank_rows, table
from tests.metamorphic.variants import Rendered, Variant

_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
_FULL_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December"]


def _dmy(sep: str) -> object:
    return lambda d, _s, _c: f"{d.day:02d}{sep}{d.month:02d}{sep}{d.year}"


def _d_mon_y(d: dt.date) -> str:
    return f"{d.day:02d}-{_MONTHS[d.month - 1]}-{d.year}"


def _plain(n: float) -> str:
    return f"{n:,.2f}"


# ---------------------------------------------------------------------------------------------- 1. Sri Lanka


def _lk_money(n: float, cur: str | None) -> object:
    if cur == "NPR":
        return f"NPR {lakh(n)}"  # Sri Lankan ledgers group by lakhs too
    if cur in ("QAR", "USD"):
        return f"{cur} {n:,.2f}"
    return lakh(n)


def _lk_layout(tables: list[Table], rows: Rows, system: System) -> None:
    for t in tables:
        t.above = [["Lanka Gulf Manpower (Pvt) Ltd — SLBFE Licence No. 2291"],
                   [f"{system.sheet_names.get(t.name, t.name)} (dates DD/MM/YYYY)"], []]
        t.merge_above = True
    for name in ("fees", "wage_payments"):
        interleave_blank_rows(table(tables, name), every=4)
    fees = table(tables, "fees")
    fees.below = [[], totals_row(fees, rows, "Total", ["amount", "reimbursed_amount"], lambda n: lakh(n))]


LK_AGENCY = System(
    key="h7-lk-agency",
    sheet_names={"agencies": "Agents", "employers": "Foreign Principals", "workers": "Migrant Workers",
                 "contracts": "Employment Agreements", "fees": "Fee Collection", "documents": "Passport Custody",
                 "complaints": "Complaints", "wage_payments": "Salary Details", "events": "Incidents"},
    headers={
        "agencies": "Agent Code|Agent Name|Country|Licence No.|Licence Issued On|Licence Expiry Date|Agent Type|"
                    "Principal Agent Code",
        "employers": "Principal Code|Principal Name|Country|Type of Business|Agreement Prohibits Worker Fees|"
                     "Last Due Diligence Date",
        "workers": "Worker Ref No.|Name of Worker|Sex|Date of Birth|Nationality|Languages Spoken|Job Category|"
                   "Country of Origin|Country of Employment|Agent Code|Principal Code|Date Registered|"
                   "Date of Departure|First Month Salary|Salary Currency|Pre-departure Training Date|"
                   "Aware of Complaint Mechanism",
        "contracts": "Agreement No.|Worker Ref No.|Agreement Stage|Written Agreement|Language of Agreement|"
                     "Date Signed|Copy Given to Worker|Job Title|Monthly Salary|Currency|Working Hours per Week|"
                     "Weekly Off Days|Contract Period (Months)|Annual Leave Days|Accommodation|"
                     "Return Ticket Paid By|Employer Name|Work Location|Signed by Worker|Waiver Clause|"
                     "Attested by Embassy|Advertised|Advert Says Free|Licence No. in Advert",
        "fees": "Receipt No.|Worker Ref No.|Agent Code|Fee Type|Amount|Currency|Paid By|Date Paid|Payment Mode|"
                "Amount Refunded|Loan From|Receipt Issued|Itemised|Informed Before Accepting Offer",
        "documents": "Worker Ref No.|Document Type|Document No.|Kept By|Kept Since|Worker Consent|"
                     "Returned on Request|Tampered",
        "complaints": "Complaint No.|Worker Ref No.|Agent Code|Date Received|Details of Complaint|Status|"
                      "Nature of Complaint|Complaint Lodged With|In Worker's Language|Cost to Worker|"
                      "Substantiated|Retaliation Reported|Date Settled|Compensation Awarded|Compensation Paid|"
                      "Currency",
        "wage_payments": "Worker Ref No.|Salary Month|-|Due Date|Date Paid|Gross Salary|Deductions|"
                         "Reason for Deduction|Worker Agreed to Deduction|Net Salary|Currency|Paid To|Hours Worked",
        "events": "Worker Ref No.|Date|Incident|Amount|Currency|Paid By|Remarks",
    },
    values={
        "role": {"recruiter": ["Licensed Agent", "Main Agent"], "sub_agent": ["Sub Agent", "Sub-agent"]},
        "sex": {"female": ["F"], "male": ["M"]},
        "stage": {"offer": ["Offer Letter"], "destination": ["Contract at Destination"]},
        "category": {"recruitment_fee": ["Recruitment Fee", "Agency Fee"], "placement_fee": ["Placement Fee"],
                     "service_fee": ["Service Charge"], "medical": ["Medical Test", "Medical"],
                     "insurance": ["Insurance Premium"], "skills_test": ["Trade Test"], "training": ["Training Fee"],
                     "airfare": ["Air Ticket"], "visa": ["Visa Charges", "Visa Fee"], "equipment": ["Work Boots"],
                     "bribe": ["Bribe"], "deposit": ["Security Deposit"]},
        "fees.paid_by": {"worker": ["Worker", "Self"], "employer": ["Employer", "Foreign Principal"]},
        "method": {"cash": ["Cash"], "bank": ["Bank Transfer"], "wage_deduction": ["Salary Deduction"],
                   "loan": ["Loan"]},
        "lender": {"agency": ["Agent"]},
        "document": {"passport": ["Passport"], "bank_card": ["ATM Card"], "certificate": ["NVQ Certificate"]},
        "held_by": {"worker": ["Worker", "With Worker"], "employer": ["Employer"], "agency": ["Agent"]},
        "worker_consent": {"no": ["No"], "written": ["Written Consent"]},
        "tampered": {"none": ["None"], "destroyed": ["Destroyed"]},
        "repatriation_paid_by": {"employer": ["Employer"]},
        "status": {"resolved": ["Settled"]},
        "subject": {"wages": ["Salary Issue"], "harassment": ["Sexual Harassment"]},
        "channel": {"embassy": ["Embassy"], "inspectorate": ["Labour Department"]},
        "deduction_reason": {"fine": ["Fine"]},
        "deduction_consent": {"no": ["No"]},
        "paid_to": {"worker": ["Worker"]},
        "event": {"resignation_refused": ["Resignation Refused"], "confined": ["Locked in the House"],
                  "pregnancy_test_required": ["Pregnancy Test Required"],
                  "employer_change_requested": ["Requested Change of Employer"],
                  "employer_change_refused": ["Change of Employer Refused"], "dismissed": ["Terminated"],
                  "repatriated": ["Repatriated"]},
        "events.paid_by": {"worker": ["Worker"]},
    },
    yes=["Y"], no=["N"],
    date=_dmy("/"),
    money=_lk_money,
    pay_month=("Salary Month", [lambda d: f"{_MONTHS[d.month - 1]}-{d.year}", lambda d: f"{d.month:02d}/{d.year}"]),
    layout=_lk_layout,
)


# ---------------------------------------------------------------------------------------------- 2. Pakistan OEP


def _pk_money(n: float, cur: str | None) -> object:
    if cur == "QAR":
        return f"QR {n:,.0f}"
    if cur == "USD":
        return f"US$ {n:,.2f}"
    if cur == "NPR":
        return f"NPR {n:,.0f}"
    return f"{n:,.0f}"


def _pk_layout(tables: list[Table], rows: Rows, system: System) -> None:
    # the Bureau's forms have a group row over the emigrant's particulars and the payment particulars
    group(table(tables, "workers"), [
        ("Emigrant", ["worker_id", "name", "sex", "date_of_birth", "nationality", "languages", "occupation"]),
        ("Placement", ["origin_country", "destination_country", "agency_id", "employer_id", "recruited_on",
                       "departed_on", "first_month_earnings", "earnings_currency"]),
        ("Briefing", ["orientation_on", "complaint_channel_known"])])
    group(table(tables, "fees"), [
        ("Payment", ["fee_id", "worker_id", "agency_id", "category", "amount", "currency", "paid_by", "paid_on",
                     "method"]),
        ("Refund and Loan", ["reimbursed_amount", "lender"]),
        ("Receipt", ["receipt", "itemised", "disclosed_before_acceptance"])])
    fees = table(tables, "fees")
    fees.below = [totals_row(fees, rows, "Grand Total", ["amount"], lambda n: f"{n:,.0f}")]


PK_OEP = System(
    key="h7-pk-oep",
    sheet_names={"agencies": "OEP and Sub Agents", "employers": "Foreign Employers", "workers": "Emigrants",
                 "contracts": "Contracts", "fees": "Receipts", "documents": "Documents", "complaints": "Complaints",
                 "wage_payments": "Wages", "events": "Events"},
    headers={
        "agencies": "OEP Code|OEP Name|Country|OEP Licence No.|Licence Valid From|Licence Valid Upto|Category|"
                    "Parent OEP Code",
        "employers": "Employer Code|Employer Name|Country|Sector|Demand Letter Bans Worker Fees|"
                     "Date of Last Check",
        "workers": "ID|Name|Gender|DOB|Nationality|Languages|Trade|From Country|To Country|OEP Code|Employer Code|"
                   "Date Registered|Date of Departure|First Salary|Currency|Briefing Date|Told How to Complain",
        "contracts": "Contract No.|Emigrant ID|Contract Stage|Written|Language|Date of Signing|Copy to Emigrant|"
                     "Designation|Monthly Salary|Currency|Duty Hours per Week|Weekly Rest Days|Contract Duration "
                     "(Months)|Annual Leave (Days)|Accommodation|Return Air Ticket By|Employer Name|Place of Work|"
                     "Signed by Emigrant|Waiver Clause|Registered with Protector of Emigrants|Advertised|"
                     "Advert Says No Fee|Licence No. in Advert",
        "fees": "Receipt No.|Emigrant ID|OEP Code|Head of Account|Amount|Currency|Paid By|Receipt Date|Mode|"
                "Refunded|Lender|Receipt Given|Itemised|Disclosed Before Acceptance",
        "documents": "Emigrant ID|Document|Document No.|In Custody Of|Custody Since|Emigrant Consent|"
                     "Returned When Asked|Tampered",
        "complaints": "Complaint No.|Emigrant ID|OEP Code|Date of Complaint|Complaint|Status|Subject|Filed With|"
                      "In Emigrant's Language|Cost to Emigrant|Proved|Retaliation|Date of Decision|Amount Awarded|"
                      "Amount Paid|Currency",
        "wage_payments": "Emigrant ID|Period From|Period To|Due Date|Payment Date|Gross Salary|Deductions|"
                         "Deduction Reason|Deduction Consent|Net Salary|Currency|Paid To|Hours Worked",
        "events": "Emigrant ID|Date|Event|Amount|Currency|Paid By|Remarks",
    },
    values={
        "role": {"recruiter": ["OEP"], "sub_agent": ["Sub Agent"]},
        "sex": {"female": ["Female"], "male": ["Male"]},
        "stage": {"offer": ["Offer"], "destination": ["Final Contract at Destination"]},
        "category": {"recruitment_fee": ["Service Charges of OEP", "Recruitment Fee"],
                     "placement_fee": ["Placement Fee"], "service_fee": ["Service Fee"],
                     "medical": ["Medical Examination", "GAMCA Medical"], "insurance": ["Insurance"],
                     "skills_test": ["Trade Test Fee"], "training": ["Training"], "airfare": ["Air Ticket"],
                     "visa": ["Visa Fee"], "equipment": ["Safety Shoes"], "bribe": ["Bribe"],
                     "deposit": ["Security Deposit"]},
        "fees.paid_by": {"worker": ["Emigrant"], "employer": ["Employer"]},
        "method": {"cash": ["Cash"], "bank": ["Bank Draft", "Online Transfer"],
                   "wage_deduction": ["Deducted from Salary"], "loan": ["Loan"]},
        "lender": {"agency": ["OEP"]},
        "document": {"passport": ["Passport"], "bank_card": ["Bank Card"], "certificate": ["Trade Certificate"]},
        "held_by": {"worker": ["Emigrant"], "employer": ["Employer"], "agency": ["OEP"]},
        "worker_consent": {"no": ["No"], "written": ["Written"]},
        "tampered": {"none": ["None"], "destroyed": ["Destroyed"]},
        "repatriation_paid_by": {"employer": ["Employer"]},
        "status": {"resolved": ["Resolved"]},
        "subject": {"wages": ["Wages"], "harassment": ["Harassment"]},
        "channel": {"embassy": ["Embassy"], "inspectorate": ["Labour Inspectorate"]},
        "deduction_reason": {"fine": ["Penalty"]},
        "deduction_consent": {"no": ["No"]},
        "paid_to": {"worker": ["Emigrant"]},
        "event": {"resignation_refused": ["Resignation not accepted"], "confined": ["Confined"],
                  "pregnancy_test_required": ["Pregnancy test required"],
                  "employer_change_requested": ["Change of employer requested"],
                  "employer_change_refused": ["Change of employer refused"], "dismissed": ["Dismissed"],
                  "repatriated": ["Repatriated"]},
        "events.paid_by": {"worker": ["Emigrant"]},
    },
    yes=["Yes", "YES"], no=["No", "NO"],
    date=lambda d, _s, _c: _d_mon_y(d),
    money=_pk_money,
    layout=_pk_layout,
)


# ---------------------------------------------------------------------------------------------- 3. Saudi Musaned-style


def _sa_money(n: float, _cur: str | None) -> object:
    return f"{n:.2f}"  # the export writes bare numbers with two decimals; the currency has its own column


SA_MUSANED = System(
    key="h7-sa-musaned",
    sheet_names={"agencies": "Recruitment_Offices", "employers": "Employers", "workers": "Labor_Data",
                 "contracts": "Labor_Contracts", "fees": "Recruitment_Costs", "documents": "Documents_Custody",
                 "complaints": "Complaints", "wage_payments": "Salaries", "events": "Labor_Events"},
    headers={
        "agencies": "OfficeId|OfficeName|Country|LicenseNumber|LicenseStartDate|LicenseEndDate|OfficeType|"
                    "MainOfficeId",
        "employers": "EmployerId|EmployerName|Country|ActivityType|ContractBansWorkerFees|LastDueDiligenceDate",
        "workers": "LaborId|LaborName|Gender|BirthDate|Nationality|Languages|Occupation|OriginCountry|"
                   "DestinationCountry|OfficeId|EmployerId|RecruitmentDate|DepartureDate|FirstMonthSalary|"
                   "SalaryCurrency|OrientationDate|KnowsComplaintChannel",
        "contracts": "ContractId|LaborId|ContractStage|IsWritten|ContractLanguage|SignDate|CopyGivenToLabor|"
                     "JobTitle|MonthlySalary|Currency|WeeklyWorkingHours|WeeklyRestDays|ContractDurationMonths|"
                     "AnnualLeaveDays|Accommodation|ReturnTicketPaidBy|EmployerName|WorkLocation|SignedByLabor|"
                     "HasWaiverClause|AuthenticatedByMinistry|IsAdvertised|AdSaysNoFees|AdShowsLicenseNumber",
        "fees": "CostId|LaborId|OfficeId|CostType|Amount|Currency|PaidBy|PaymentDate|PaymentMethod|"
                "RefundedAmount|Lender|HasReceipt|IsItemized|DisclosedBeforeAcceptance",
        "documents": "LaborId|DocumentType|DocumentNumber|HeldBy|HeldSince|LaborConsent|ReturnedOnRequest|"
                     "TamperingStatus",
        "complaints": "ComplaintId|LaborId|OfficeId|ReceivedDate|Allegation|ComplaintStatus|ComplaintSubject|"
                      "ComplaintChannel|InLaborLanguage|CostToLabor|IsSubstantiated|RetaliationReported|"
                      "ResolvedDate|RemedyDue|RemedyPaid|Currency",
        "wage_payments": "LaborId|SalaryMonth|-|DueDate|PaymentDate|GrossSalary|Deductions|DeductionReason|"
                         "DeductionConsent|NetSalary|Currency|PaidTo|WorkedHours",
        "events": "LaborId|EventDate|EventType|Amount|Currency|PaidBy|Notes",
    },
    values={
        "role": {"recruiter": ["RECRUITMENT_OFFICE"], "sub_agent": ["SUB_AGENT"]},
        "sex": {"female": ["FEMALE"], "male": ["MALE"]},
        "stage": {"offer": ["OFFER"], "destination": ["DESTINATION"]},
        "category": {"recruitment_fee": ["RECRUITMENT_FEE"], "placement_fee": ["PLACEMENT_FEE"],
                     "service_fee": ["SERVICE_FEE"], "medical": ["MEDICAL_EXAM"], "insurance": ["INSURANCE"],
                     "skills_test": ["SKILL_TEST"], "training": ["TRAINING"], "airfare": ["AIR_TICKET"],
                     "visa": ["VISA"], "equipment": ["EQUIPMENT"], "bribe": ["BRIBE"], "deposit": ["DEPOSIT"]},
        "fees.paid_by": {"worker": ["LABOR"], "employer": ["EMPLOYER"]},
        "method": {"cash": ["CASH"], "bank": ["BANK_TRANSFER"], "wage_deduction": ["SALARY_DEDUCTION"],
                   "loan": ["LOAN"]},
        "lender": {"agency": ["RECRUITMENT_OFFICE"]},
        "document": {"passport": ["PASSPORT"], "bank_card": ["BANK_CARD"], "certificate": ["CERTIFICATE"]},
        "held_by": {"worker": ["LABOR"], "employer": ["EMPLOYER"], "agency": ["RECRUITMENT_OFFICE"]},
        "worker_consent": {"no": ["NO"], "written": ["WRITTEN"]},
        "tampered": {"none": ["NONE"], "destroyed": ["DESTROYED"]},
        "repatriation_paid_by": {"employer": ["EMPLOYER"]},
        "status": {"resolved": ["CLOSED_RESOLVED"]},
        "subject": {"wages": ["WAGES"], "harassment": ["HARASSMENT"]},
        "channel": {"embassy": ["EMBASSY"], "inspectorate": ["LABOR_OFFICE"]},
        "deduction_reason": {"fine": ["PENALTY"]},
        "deduction_consent": {"no": ["NO"]},
        "paid_to": {"worker": ["LABOR"]},
        "event": {"resignation_refused": ["RESIGNATION_REJECTED"], "confined": ["CONFINEMENT"],
                  "pregnancy_test_required": ["PREGNANCY_TEST_REQUIRED"],
                  "employer_change_requested": ["TRANSFER_REQUESTED"],
                  "employer_change_refused": ["TRANSFER_REJECTED"], "dismissed": ["TERMINATED"],
                  "repatriated": ["FINAL_EXIT"]},
        "events.paid_by": {"worker": ["LABOR"]},
    },
    yes=["true"], no=["false"],  # a .NET export writes booleans as text
    date=lambda d, _s, _c: f"{d:%Y-%m-%d}T00:00:00",
    money=_sa_money,
    pay_month=("SalaryMonth", [lambda d: f"{d:%Y-%m}"]),
)


# ---------------------------------------------------------------------------------------------- 4. Malaysian HR


def _my_money(n: float, cur: str | None) -> object:
    return f"{cur} {n:,.2f}" if cur else n


def _my_summary(tables: list[Table], rows: Rows, system: System) -> None:
    words = {code: forms[0] for code, forms in system.values["category"].items()}  # the pivot shows its own words
    sums: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for f in rows["fees"]:
        if f.get("paid_by") == "worker" and f.get("amount"):
            sums[words[str(f["category"])]][str(f["currency"])] += float(f["amount"])
    currencies = sorted({c for by in sums.values() for c in by})
    body: list[list[object]] = [[cat, *(by.get(c) for c in currencies)] for cat, by in sorted(sums.items())]
    tables.insert(0, Table(name="Summary", columns=[""] * (1 + len(currencies)),
                           header=["Fee Type", *currencies], body=body,
                           above=[["Worker-paid recruitment costs (for the RBA self-assessment)"], []]))
    group(table(tables, "contracts"), [
        ("Contract", ["contract_id", "worker_id", "stage", "written", "language", "signed_on",
                      "copy_given_to_worker"]),
        ("Terms", ["job_title", "monthly_wage", "currency", "hours_per_week", "rest_days_per_week",
                   "duration_months", "annual_leave_days", "accommodation", "repatriation_paid_by"]),
        ("Employer and Site", ["employer_name", "work_location"]),
        ("Checks", ["signed_by_worker", "waiver_clause", "verified_by_authority", "advertised", "says_no_fees",
                    "licence_number_shown"])])
    for name in ("workers", "documents"):
        interleave_blank_rows(table(tables, name), every=3)


MY_EMPLOYER = System(
    key="h7-my-employer-hr",
    sheet_names={"agencies": "Recruitment Agents", "employers": "Entities", "workers": "Foreign Workers",
                 "contracts": "Employment Contracts", "fees": "Recruitment Costs", "documents": "Passport Register",
                 "complaints": "Grievances", "wage_payments": "Payroll", "events": "Employee Movements",
                 "Summary": "Summary"},
    headers={
        "agencies": "Agent ID|Agent Name|Country|Licence No.|Licence Start|Licence End|Agent Role|Main Agent ID",
        "employers": "Entity Code|Entity Name|Country|Industry|Agent Agreement Has No-Fee Clause|"
                     "Last Agent Audit",
        "workers": "Employee No.|Employee Name|Gender|Date of Birth|Nationality|Languages|Position|Home Country|"
                   "Host Country|Agent ID|Entity Code|Date Recruited|Date Departed Home Country|"
                   "First Month Pay (QAR)|Pay Currency|Pre-Departure Orientation|Knows Grievance Channel",
        "contracts": "Contract No.|Employee No.|Stage|Written|Language|Signed On|Copy Given|Position|"
                     "Basic Salary (QAR)|Currency|Normal Hours/Week|Rest Days/Week|Duration (Months)|"
                     "Annual Leave (Days)|Housing|Return Flight Paid By|Employer Name|Work Location|Signed by Employee|"
                     "Waiver Clause|Attested|Advertised|Advert States Zero Fee|Advert Shows Licence No.",
        "fees": "Cost ID|Employee No.|Agent ID|Cost Item|Amount|Currency|Borne By|Date Paid|Payment Method|"
                "Reimbursed|Loan Provider|Receipt|Itemised|Disclosed Pre-Offer",
        "documents": "Employee No.|Document|Document No.|Custodian|In Custody Since|Employee Consent|"
                     "Returned on Request|Tampered",
        "complaints": "Grievance No.|Employee No.|Agent ID|Date Raised|Description|Status|Category|Raised Via|"
                      "In Employee's Language|Cost to Employee|Substantiated|Retaliation Reported|Date Closed|"
                      "Remedy Due|Remedy Paid|Currency",
        "wage_payments": "Employee No.|Pay Month|-|Pay Due Date|Pay Date|Gross Pay (QAR)|Deductions (QAR)|"
                         "Deduction Reason|Deduction Consent|Net Pay (QAR)|Currency|Paid To|Hours Worked",
        "events": "Employee No.|Date|Movement|Amount|Currency|Paid By|Remarks",
    },
    values={
        "role": {"recruiter": ["Recruiter"], "sub_agent": ["Sub-agent"]},
        "sex": {"female": ["Female"], "male": ["Male"]},
        "stage": {"offer": ["Offer"], "destination": ["Destination"]},
        "category": {"recruitment_fee": ["Recruitment Fee"], "placement_fee": ["Placement Fee"],
                     "service_fee": ["Service Fee"], "medical": ["Medical Check-up"], "insurance": ["Insurance"],
                     "skills_test": ["Skills Test"], "training": ["Training"], "airfare": ["Airfare"],
                     "visa": ["Visa"], "equipment": ["PPE"], "bribe": ["Bribe"], "deposit": ["Deposit"]},
        "fees.paid_by": {"worker": ["Employee"], "employer": ["Company"]},
        "method": {"cash": ["Cash"], "bank": ["Bank"], "wage_deduction": ["Payroll Deduction"], "loan": ["Loan"]},
        "lender": {"agency": ["Agent"]},
        "document": {"passport": ["Passport"], "bank_card": ["ATM Card"], "certificate": ["Certificate"]},
        "held_by": {"worker": ["Employee"], "employer": ["Company"], "agency": ["Agent"]},
        "worker_consent": {"no": ["No"], "written": ["Written"]},
        "tampered": {"none": ["None"], "destroyed": ["Destroyed"]},
        "repatriation_paid_by": {"employer": ["Company"]},
        "status": {"resolved": ["Closed - Resolved"]},
        "subject": {"wages": ["Wages"], "harassment": ["Harassment"]},
        "channel": {"embassy": ["Embassy"], "inspectorate": ["Labour Department"]},
        "deduction_reason": {"fine": ["Disciplinary Fine"]},
        "deduction_consent": {"no": ["No"]},
        "paid_to": {"worker": ["Employee"]},
        "event": {"resignation_refused": ["Resignation Rejected"], "confined": ["Confined to Hostel"],
                  "pregnancy_test_required": ["Pregnancy Test Required"],
                  "employer_change_requested": ["Transfer Request"], "employer_change_refused": ["Transfer Rejected"],
                  "dismissed": ["Terminated"], "repatriated": ["Repatriated"]},
        "events.paid_by": {"worker": ["Employee"]},
    },
    yes=["✓"], no=["✗"],
    date=lambda d, _s, _c: d,  # real date cells
    money=_my_money,
    pay_month=("Pay Month", [lambda d: f"{_FULL_MONTHS[d.month - 1]} {d.year}", lambda d: f"{d:%Y-%m}"]),
    layout=_my_summary,
)


# ---------------------------------------------------------------------------------------------- 5. Dubai payroll


def _ae_money(n: float, _cur: str | None) -> object:
    return _plain(n)


def _ae_layout(tables: list[Table], rows: Rows, _system: System) -> None:
    wages = table(tables, "wage_payments")
    wages.below = [totals_row(wages, rows, "Total", ["gross", "deductions", "net"], _plain)]
    wages.excel_table = True
    for t in tables:
        t.above = [["Payroll export — Free Zone Establishment, JAFZA"], ["Run date: 01/15/2025"]]


AE_PAYROLL = System(
    key="h7-ae-payroll",
    sheet_names={"agencies": "Recruitment Vendors", "employers": "Legal Entities", "workers": "Employee Master",
                 "contracts": "Offer and Contract", "fees": "Recruitment Expenses", "documents": "Document Custody",
                 "complaints": "Grievances", "wage_payments": "Payroll Register", "events": "Employee Actions"},
    headers={
        "agencies": "Vendor ID|Vendor Name|Country|License No|License Start Date|License Expiry Date|Vendor Role|"
                    "Parent Vendor ID",
        "employers": "Entity ID|Entity Name|Country|Industry|Vendor Contract Bans Worker Fees|"
                     "Last Vendor Due Diligence",
        "workers": "Employee ID|Employee Name|Gender|Date of Birth|Nationality|Languages|Designation|"
                   "Home Country|Work Country|Vendor ID|Entity ID|Recruitment Date|Departure Date|"
                   "First Month Gross|Currency|Orientation Date|Aware of Grievance Channels",
        "contracts": "Contract ID|Employee ID|Contract Stage|Written|Contract Language|Signed Date|Copy Given|"
                     "Designation|Basic Salary|Currency|Weekly Hours|Weekly Days Off|Term (Months)|"
                     "Annual Leave Days|Accommodation|Repatriation Paid By|Employer Name|Work Location|"
                     "Employee Signed|Waiver Clause|MOHRE Attested|Advertised|Ad Says No Fees|Ad Shows License No",
        "fees": "Expense ID|Employee ID|Vendor ID|Expense Type|Amount|Currency|Paid By|Payment Date|"
                "Payment Method|Reimbursed Amount|Lender|Receipt|Itemized|Disclosed Before Acceptance",
        "documents": "Employee ID|Document Type|Document Number|Held By|Held Since|Employee Consent|"
                     "Returned on Request|Tampered",
        "complaints": "Case ID|Employee ID|Vendor ID|Date Received|Allegation|Status|Category|Channel|"
                      "In Employee's Language|Cost to Employee|Substantiated|Retaliation Reported|Date Resolved|"
                      "Remedy Due|Remedy Paid|Currency",
        "wage_payments": "Employee ID|Pay Period|-|Pay Due Date|Pay Date|Gross Pay|Total Deductions|"
                         "Deduction Reason|Deduction Consent|Net Pay|Currency|Paid To|Hours Worked",
        "events": "Employee ID|Action Date|Action|Amount|Currency|Paid By|Comments",
    },
    values={
        "role": {"recruiter": ["Recruitment Agency"], "sub_agent": ["Sub-Agent"]},
        "sex": {"female": ["Female"], "male": ["Male"]},
        "stage": {"offer": ["Offer Letter"], "destination": ["Employment Contract"]},
        "category": {"recruitment_fee": ["Recruitment Fee"], "placement_fee": ["Placement Fee"],
                     "service_fee": ["Service Fee"], "medical": ["Medical Exam"], "insurance": ["Insurance"],
                     "skills_test": ["Skills Test"], "training": ["Training"], "airfare": ["Airfare"],
                     "visa": ["Visa"], "equipment": ["Safety Boots"], "bribe": ["Bribe"], "deposit": ["Deposit"]},
        "fees.paid_by": {"worker": ["Employee"], "employer": ["Company"]},
        "method": {"cash": ["Cash"], "bank": ["Bank Transfer"], "wage_deduction": ["Payroll Deduction"],
                   "loan": ["Loan"]},
        "lender": {"agency": ["Recruitment Agency"]},
        "document": {"passport": ["Passport"], "bank_card": ["Bank Card"], "certificate": ["Certificate"]},
        "held_by": {"worker": ["Employee"], "employer": ["Company"], "agency": ["Recruitment Agency"]},
        "worker_consent": {"no": ["No"], "written": ["Written"]},
        "tampered": {"none": ["None"], "destroyed": ["Destroyed"]},
        "repatriation_paid_by": {"employer": ["Company"]},
        "status": {"resolved": ["Resolved"]},
        "subject": {"wages": ["Wages"], "harassment": ["Harassment"]},
        "channel": {"embassy": ["Embassy"], "inspectorate": ["Labor Inspection"]},
        "deduction_reason": {"fine": ["Fine"]},
        "deduction_consent": {"no": ["No"]},
        "paid_to": {"worker": ["Employee"]},
        "event": {"resignation_refused": ["Resignation Rejected"], "confined": ["Confined"],
                  "pregnancy_test_required": ["Pregnancy Test Required"],
                  "employer_change_requested": ["Transfer Requested"], "employer_change_refused": ["Transfer Denied"],
                  "dismissed": ["Terminated"], "repatriated": ["Repatriated"]},
        "events.paid_by": {"worker": ["Employee"]},
    },
    yes=["Yes"], no=["No"],
    date=lambda d, _s, _c: f"{d.month:02d}/{d.day:02d}/{d.year}",  # a US-built payroll system
    money=_ae_money,
    pay_month=("Pay Period", [lambda d: f"{_MONTHS[d.month - 1]} {d.year}", lambda d: f"{d.month:02d}/{d.year}"]),
    layout=_ae_layout,
)


# ---------------------------------------------------------------------------------------------- 6. Nepali NGO (UTF-16)


def _np_money(n: float, cur: str | None) -> object:
    if cur == "NPR":
        return f"रु {lakh(n, 0)}" if n >= 10_000 else f"Rs {lakh(n, 0)}/-"
    if cur == "QAR":
        return f"QR {n:,.0f}"
    if cur == "USD":
        return f"${n:,.0f}"
    return f"{n:,.0f}"


def _np_layout(tables: list[Table], _rows: Rows, _system: System) -> None:
    for t in tables:
        t.above = [["Returnee Migrant Women Support — case records (Kathmandu office)"],
                   ["Dates are DD-MM-YYYY (A.D.)"], []]


NP_NGO = System(
    key="h7-np-ngo",
    sheet_names={"agencies": "Agencies and Dalals", "employers": "Employers", "workers": "Survivors",
                 "contracts": "Contracts", "fees": "Payments", "documents": "Documents", "complaints": "Complaints",
                 "wage_payments": "Salary", "events": "Incidents"},
    headers={
        "agencies": "Agency ID|Agency Name|Country|License No.|License From|License To|Type|Parent Agency ID",
        "employers": "Employer ID|Employer Name|Country|Sector|Agreement Bans Worker Fees|Last Due Diligence",
        "workers": "Case ID|Name|Sex|Date of Birth (A.D.)|Nationality|Languages|Occupation|Origin Country|"
                   "Destination Country|Agency ID|Employer ID|Recruited On|Departed On|First Month Salary|"
                   "Salary Currency|Orientation Date|Knew How to Complain",
        "contracts": "Contract ID|Case ID|Stage|Written|Language|Signed On|Copy Given|Job|Monthly Salary|Currency|"
                     "Hours per Week|Weekly Holidays|Duration (Months)|Annual Leave|Accommodation|"
                     "Return Ticket Paid By|Employer Name|Work Place|Signed by Worker|Waiver Clause|"
                     "Labour Permit Approved|Advertised|Advert Says Free Visa Free Ticket|License No. in Advert",
        "fees": "Payment ID|Case ID|Agency ID|Paid For|Amount|Currency|Paid By|Paid On|How Paid|Refunded|"
                "Loan From|Receipt|Itemised|Told Before",
        "documents": "Case ID|Document|Document No.|Kept By|Kept Since|Consent|Returned When Asked|Tampered",
        "complaints": "Complaint ID|Case ID|Agency ID|Filed On|Complaint|Status|Subject|Filed At|"
                      "In Her Language|Cost to Worker|Found True|Retaliation|Settled On|Compensation Due|"
                      "Compensation Received|Currency",
        "wage_payments": "Case ID|From|To|Due On|Paid On|Gross|Deductions|Deduction Reason|Deduction Consent|Net|"
                         "Currency|Paid To|Hours Worked",
        "events": "Case ID|Date|What Happened|Amount|Currency|Paid By|Notes",
    },
    values={
        "role": {"recruiter": ["Manpower Agency"], "sub_agent": ["Dalal", "Sub-agent (dalal)"]},
        "sex": {"female": ["Mahila", "Female"], "male": ["Purush", "Male"]},
        "stage": {"offer": ["Offer"], "destination": ["Contract at Destination"]},
        "category": {"recruitment_fee": ["Manpower Fee", "Manpower commission"],
                     "placement_fee": ["Placement Fee"], "service_fee": ["Dalal monthly fee"],
                     "medical": ["Medical"], "insurance": ["Insurance"], "skills_test": ["Skill Test"],
                     "training": ["Training"], "airfare": ["Air Ticket"], "visa": ["Visa"],
                     "equipment": ["Boots"], "bribe": ["Ghus"], "deposit": ["Dharauti"]},
        "fees.paid_by": {"worker": ["Aafai", "Self"], "employer": ["Employer"]},
        "method": {"cash": ["Nagad", "Cash"], "bank": ["Bank"], "wage_deduction": ["Salary bata katyo"],
                   "loan": ["Rin", "Loan"]},
        "lender": {"agency": ["Manpower"]},
        "document": {"passport": ["Rahadani", "Passport"], "bank_card": ["ATM Card"], "certificate": ["Certificate"]},
        "held_by": {"worker": ["Aafai sanga", "Self"], "employer": ["Sahuji", "Employer"], "agency": ["Manpower"]},
        "worker_consent": {"no": ["haina"], "written": ["Written"]},
        "tampered": {"none": ["None"], "destroyed": ["Destroyed"]},
        "repatriation_paid_by": {"employer": ["Employer"]},
        "status": {"resolved": ["Resolved"]},
        "subject": {"wages": ["Talab"], "harassment": ["Yaun durvyavahar"]},
        "channel": {"embassy": ["Nepali Embassy"], "inspectorate": ["Labour Department"]},
        "deduction_reason": {"fine": ["Fine"]},
        "deduction_consent": {"no": ["haina"]},
        "paid_to": {"worker": ["Aafai"]},
        "event": {"resignation_refused": ["Resignation refused"], "confined": ["Kothama thuniyo"],
                  "pregnancy_test_required": ["Pregnancy test required"],
                  "employer_change_requested": ["Asked to change employer"],
                  "employer_change_refused": ["Change of employer refused"], "dismissed": ["Kaam bata nikaliyo"],
                  "repatriated": ["Ghar farkiyo", "Returned home"]},
        "events.paid_by": {"worker": ["Aafai"]},
    },
    yes=["ho", "Ho"], no=["haina", "Haina"],
    date=_dmy("-"),
    money=_np_money,
    layout=_np_layout,
)


# ---------------------------------------------------------------------------------------------- 7. Singapore MOM-style


def _sg_money(n: float, cur: str | None) -> object:
    return f"{cur} {n:,.2f}" if cur else f"{n:,.2f}"


def _sg_date(d: dt.date, _s: str, column: str) -> object:
    # the case officer's own columns are typed "25 Jan 2024"; the ones pasted from the portal are 25-Jan-2024
    return f"{d.day} {_MONTHS[d.month - 1]} {d.year}" if column in ("paid_on", "date", "received_on") \
        else _d_mon_y(d)


SG_MOM = System(
    key="h7-sg-mom",
    sheet_names={"agencies": "EA_LIST", "employers": "EMPLOYER_LIST", "workers": "WP_HOLDERS",
                 "contracts": "IPA_AND_CONTRACT", "fees": "FEES_COLLECTED", "documents": "SAFEKEEPING",
                 "complaints": "CASES", "wage_payments": "SALARY_PAYMENT", "events": "INCIDENTS"},
    headers={
        "agencies": "EA CODE|EA NAME|COUNTRY|EA LICENCE NO|LICENCE START DATE|LICENCE EXPIRY DATE|EA ROLE|"
                    "MAIN EA CODE",
        "employers": "UEN|EMPLOYER NAME|COUNTRY|INDUSTRY|SERVICE AGREEMENT BANS WORKER FEES|LAST EA AUDIT DATE",
        "workers": "WORKER ID|NAME (AS IN PASSPORT)|SEX|DATE OF BIRTH|NATIONALITY|LANGUAGES|OCCUPATION|"
                   "SOURCE COUNTRY|COUNTRY OF WORK|EA CODE|UEN|DATE RECRUITED|DATE LEFT HOME COUNTRY|"
                   "FIRST MONTH SALARY|SALARY CURRENCY|SETTLING-IN PROGRAMME DATE|KNOWS HOW TO SEEK HELP",
        "contracts": "CONTRACT NO|WORKER ID|STAGE|IN WRITING|LANGUAGE|DATE SIGNED|COPY GIVEN TO WORKER|JOB TITLE|"
                     "BASIC MONTHLY SALARY|CURRENCY|HOURS PER WEEK|REST DAYS PER WEEK|DURATION (MONTHS)|"
                     "ANNUAL LEAVE (DAYS)|ACCOMMODATION|HOME PASSAGE PAID BY|EMPLOYER NAME|WORK LOCATION|"
                     "SIGNED BY WORKER|WAIVER CLAUSE|VERIFIED BY AUTHORITY|ADVERTISED|AD SAYS NO FEES|"
                     "AD SHOWS LICENCE NO",
        "fees": "FEE REF|WORKER ID|EA CODE|FEE TYPE|AMOUNT|CURRENCY|PAID BY|DATE PAID|PAYMENT MODE|"
                "AMOUNT REFUNDED|LENDER|RECEIPT ISSUED|ITEMISED|DISCLOSED BEFORE ACCEPTANCE",
        "documents": "WORKER ID|DOCUMENT|DOCUMENT NO|KEPT BY|KEPT SINCE|WORKER CONSENT|RETURNED ON REQUEST|"
                     "TAMPERED",
        "complaints": "CASE NO|WORKER ID|EA CODE|DATE RECEIVED|ALLEGATION|CASE STATUS|CASE TYPE|CHANNEL|"
                      "IN WORKER'S LANGUAGE|COST TO WORKER|SUBSTANTIATED|RETALIATION REPORTED|DATE CLOSED|"
                      "AMOUNT AWARDED|AMOUNT PAID|CURRENCY",
        "wage_payments": "WORKER ID|SALARY PERIOD START|SALARY PERIOD END|PAYMENT DUE DATE|DATE PAID|"
                         "GROSS SALARY|TOTAL DEDUCTIONS|DEDUCTION REASON|DEDUCTION CONSENT|NET SALARY|CURRENCY|"
                         "PAID TO|HOURS WORKED",
        "events": "WORKER ID|INCIDENT DATE|INCIDENT|AMOUNT|CURRENCY|PAID BY|REMARKS",
    },
    values={
        "role": {"recruiter": ["RECRUITER"], "sub_agent": ["SUB-AGENT"]},
        "sex": {"female": ["F"], "male": ["M"]},
        "stage": {"offer": ["IPA / OFFER"], "destination": ["CONTRACT IN SINGAPORE"]},
        "category": {"recruitment_fee": ["RECRUITMENT FEE"], "placement_fee": ["PLACEMENT FEE"],
                     "service_fee": ["SERVICE FEE"], "medical": ["MEDICAL EXAMINATION"], "insurance": ["INSURANCE"],
                     "skills_test": ["SKILLS TEST"], "training": ["TRAINING"], "airfare": ["AIR TICKET"],
                     "visa": ["VISA"], "equipment": ["SAFETY BOOTS"], "bribe": ["BRIBE"],
                     "deposit": ["SECURITY DEPOSIT"]},
        "fees.paid_by": {"worker": ["WORKER"], "employer": ["EMPLOYER"]},
        "method": {"cash": ["CASH"], "bank": ["BANK TRANSFER"], "wage_deduction": ["SALARY DEDUCTION"],
                   "loan": ["LOAN"]},
        "lender": {"agency": ["AGENCY"]},
        "document": {"passport": ["PASSPORT"], "bank_card": ["ATM CARD"], "certificate": ["CERTIFICATE"]},
        "held_by": {"worker": ["WORKER"], "employer": ["EMPLOYER"], "agency": ["AGENCY"]},
        "worker_consent": {"no": ["NO"], "written": ["WRITTEN"]},
        "tampered": {"none": ["NONE"], "destroyed": ["DESTROYED"]},
        "repatriation_paid_by": {"employer": ["EMPLOYER"]},
        "status": {"resolved": ["CLOSED"]},
        "subject": {"wages": ["SALARY"], "harassment": ["HARASSMENT"]},
        "channel": {"embassy": ["EMBASSY"], "inspectorate": ["MOM"]},
        "deduction_reason": {"fine": ["FINE"]},
        "deduction_consent": {"no": ["NO"]},
        "paid_to": {"worker": ["WORKER"]},
        "event": {"resignation_refused": ["RESIGNATION REFUSED"], "confined": ["CONFINED"],
                  "pregnancy_test_required": ["PREGNANCY TEST REQUIRED"],
                  "employer_change_requested": ["TRANSFER REQUESTED"],
                  "employer_change_refused": ["TRANSFER REFUSED"], "dismissed": ["TERMINATED"],
                  "repatriated": ["REPATRIATED"]},
        "events.paid_by": {"worker": ["WORKER"]},
    },
    yes=["Y"], no=["N"],
    date=_sg_date,
    money=_sg_money,
)


# ---------------------------------------------------------------------------------------------- 8. Macau agency (Big5)


def _mo_money(n: float, _cur: str | None) -> object:
    return f"{n:,.2f}"


MO_AGENCY = System(
    key="h7-mo-agency",
    sheet_names={"agencies": "職業介紹所", "employers": "僱主資料", "workers": "外地僱員名冊",
                 "contracts": "勞動合同", "fees": "收費紀錄", "documents": "證件保管", "complaints": "投訴紀錄",
                 "wage_payments": "工資發放", "events": "事件紀錄"},
    headers={
        "agencies": "介紹所編號|介紹所名稱|國家|准照編號|准照生效日期|准照屆滿日期|類別|上級介紹所編號",
        "employers": "僱主編號|僱主名稱|國家|行業|合約禁止向僱員收費|最近盡職審查日期",
        "workers": "僱員編號|姓名|性別|出生日期|國籍|語言|職業|來源國|工作國家|介紹所編號|僱主編號|招聘日期|"
                   "離境日期|首月工資|工資貨幣|出發前講座日期|知悉投訴途徑",
        "contracts": "合同編號|僱員編號|合同階段|書面|合同語言|簽署日期|已給僱員副本|職位|月薪|貨幣|每週工時|"
                     "每週休息日|合同期(月)|年假日數|住宿|回程機票由誰支付|僱主名稱|工作地點|僱員親自簽署|"
                     "放棄權利條款|經政府核實|有刊登廣告|廣告稱免費|廣告載有准照編號",
        "fees": "收費編號|僱員編號|介紹所編號|收費項目|金額|貨幣|付款人|付款日期|付款方式|已退還金額|貸款人|"
                "有收據|有列明細項|接受前已告知",
        "documents": "僱員編號|證件|證件號碼|保管人|保管日期|僱員同意|要求時歸還|損毀情況",
        "complaints": "投訴編號|僱員編號|介紹所編號|收到日期|投訴內容|狀態|投訴事項|投訴途徑|以僱員語言處理|"
                      "僱員費用|投訴成立|有報復|結案日期|應付賠償|已付賠償|貨幣",
        "wage_payments": "僱員編號|工資月份|-|應付日期|發薪日期|工資總額|扣款|扣款原因|扣款同意|實發工資|貨幣|"
                         "收款人|工作時數",
        "events": "僱員編號|日期|事件|金額|貨幣|付款人|備註",
    },
    values={
        "role": {"recruiter": ["招聘機構"], "sub_agent": ["下線代理"]},
        "sex": {"female": ["女"], "male": ["男"]},
        "stage": {"offer": ["聘用要約"], "destination": ["抵達後合同"]},
        "category": {"recruitment_fee": ["招聘費"], "placement_fee": ["介紹費"], "service_fee": ["服務費"],
                     "medical": ["體檢費"], "insurance": ["保險費"], "skills_test": ["技能測試費"],
                     "training": ["培訓費"], "airfare": ["機票"], "visa": ["簽證費"], "equipment": ["工作鞋"],
                     "bribe": ["賄款"], "deposit": ["按金"]},
        "fees.paid_by": {"worker": ["僱員"], "employer": ["僱主"]},
        "method": {"cash": ["現金"], "bank": ["銀行轉帳"], "wage_deduction": ["從工資扣除"], "loan": ["貸款"]},
        "lender": {"agency": ["介紹所"]},
        "document": {"passport": ["護照"], "bank_card": ["銀行卡"], "certificate": ["證書"]},
        "held_by": {"worker": ["僱員本人"], "employer": ["僱主"], "agency": ["介紹所"]},
        "worker_consent": {"no": ["否"], "written": ["書面同意"]},
        "tampered": {"none": ["無"], "destroyed": ["已銷毀"]},
        "repatriation_paid_by": {"employer": ["僱主"]},
        "status": {"resolved": ["已解決"]},
        "subject": {"wages": ["工資"], "harassment": ["騷擾"]},
        "channel": {"embassy": ["領事館"], "inspectorate": ["勞工局"]},
        "deduction_reason": {"fine": ["罰款"]},
        "deduction_consent": {"no": ["否"]},
        "paid_to": {"worker": ["僱員本人"]},
        "currency": {"NPR": ["尼泊爾盧比"], "QAR": ["卡塔爾里亞爾"], "USD": ["美元"]},
        "earnings_currency": {"QAR": ["卡塔爾里亞爾"]},
        "event": {"resignation_refused": ["辭職被拒"], "confined": ["被禁錮"],
                  "pregnancy_test_required": ["被要求驗孕"],
                  "employer_change_requested": ["申請轉換僱主"], "employer_change_refused": ["轉換僱主被拒"],
                  "dismissed": ["被解僱"], "repatriated": ["遣返"]},
        "events.paid_by": {"worker": ["僱員"]},
    },
    yes=["是"], no=["否"],
    date=lambda d, _s, _c: f"{d.year}年{d.month}月{d.day}日",
    money=_mo_money,
    pay_month=("工資月份", [lambda d: f"{d.year}年{d.month}月"]),
)


# ---------------------------------------------------------------------------------------------- 9. Hong Kong NGO

_HK_SHEETS = {"agencies": "中介 Agencies", "employers": "僱主 Employers", "contracts": "合約 Contracts",
              "documents": "證件 Documents", "complaints": "投訴 Complaints", "wage_payments": "工資 Wages",
              "events": "事件 Events"}

HK_NGO = System(
    key="h7-hk-ngo-log",
    sheet_names=dict(_HK_SHEETS, workers="個案紀錄 Case Log", fees="個案紀錄 Case Log"),
    headers={
        "agencies": "中介編號 Agency No.|中介名稱 Agency Name|國家 Country|牌照號碼 Licence No.|"
                    "牌照生效 Licence From|牌照屆滿 Licence Expiry|類別 Type|上級中介 Parent Agency No.",
        "employers": "僱主編號 Employer No.|僱主名稱 Employer Name|國家 Country|行業 Sector|"
                     "合約禁止收費 Contract Bans Fees|最近審查 Last Due Diligence",
        "workers": "個案編號 Case No.|姓名 Name|性別 Sex|出生日期 Date of Birth|國籍 Nationality|語言 Languages|"
                   "職業 Occupation|原居國 Origin Country|工作國家 Destination Country|招聘中介 Recruiting Agency No.|"
                   "僱主編號 Employer No.|招聘日期 Recruited On|離境日期 Departed On|首月工資 First Month Wage|"
                   "工資貨幣 Wage Currency|出發前簡介 Pre-departure Briefing|知道如何投訴 Knows How to Complain",
        "contracts": "合約編號 Contract No.|個案編號 Case No.|階段 Stage|書面 Written|語言 Language|"
                     "簽署日期 Signed On|已收副本 Copy Received|職位 Job Title|月薪 Monthly Wage|貨幣 Currency|"
                     "每週工時 Hours per Week|每週休息日 Rest Days per Week|合約期(月) Duration (Months)|"
                     "年假 Annual Leave Days|住宿 Accommodation|回程由誰付 Repatriation Paid By|"
                     "僱主名稱 Employer Name|工作地點 Work Location|本人簽署 Signed by Worker|"
                     "棄權條款 Waiver Clause|政府核實 Verified by Authority|廣告 Advertised|"
                     "廣告稱免費 Advert Says No Fees|廣告有牌照號碼 Advert Shows Licence No.",
        "fees": "收據編號 Receipt No.|個案編號 Case No.|收費中介 Agency Charging|項目 Item|金額 Amount|"
                "貨幣 Currency|付款人 Paid By|付款日期 Date Paid|付款方式 Payment Method|已退還 Refunded|"
                "借款來源 Lender|收據 Receipt|列明細項 Itemised|事先告知 Told Before Accepting",
        "documents": "個案編號 Case No.|證件 Document|證件號碼 Document No.|持有人 Held By|持有日期 Held Since|"
                     "同意 Consent|要求時歸還 Returned on Request|損毀 Tampered",
        "complaints": "投訴編號 Complaint No.|個案編號 Case No.|中介編號 Agency No.|接獲日期 Received On|"
                      "指控 Allegation|狀態 Status|事項 Subject|途徑 Channel|母語 In Worker's Language|"
                      "費用 Cost to Worker|成立 Substantiated|報復 Retaliation Reported|結案日期 Resolved On|"
                      "應得賠償 Remedy Due|已付賠償 Remedy Paid|貨幣 Currency",
        "wage_payments": "個案編號 Case No.|工資月份 Pay Month|-|到期日 Due On|發薪日 Paid On|總額 Gross|"
                         "扣款 Deductions|扣款原因 Deduction Reason|扣款同意 Deduction Consent|實收 Net|"
                         "貨幣 Currency|收款人 Paid To|工時 Hours Worked",
        "events": "個案編號 Case No.|日期 Date|事件 Event|金額 Amount|貨幣 Currency|付款人 Paid By|備註 Notes",
    },
    values={
        "role": {"recruiter": ["招聘中介 recruiter"], "sub_agent": ["分代理 sub-agent"]},
        "sex": {"female": ["女 F"], "male": ["男 M"]},
        "stage": {"offer": ["聘書 offer"], "destination": ["到埗合約 destination"]},
        "category": {"recruitment_fee": ["中介費 agency fee"], "placement_fee": ["介紹費 placement fee"],
                     "service_fee": ["服務費 service fee"], "medical": ["體檢 medical"],
                     "insurance": ["保險 insurance"],
                     "skills_test": ["技能測試 skills test"], "training": ["培訓 training"],
                     "airfare": ["機票 air ticket"], "visa": ["簽證 visa"], "equipment": ["工作鞋 work boots"],
                     "bribe": ["賄賂 bribe"], "deposit": ["按金 deposit"]},
        "fees.paid_by": {"worker": ["工人自付 worker"], "employer": ["僱主 employer"]},
        "method": {"cash": ["現金 cash"], "bank": ["銀行過數 bank"], "wage_deduction": ["扣薪 salary deduction"],
                   "loan": ["借貸 loan"]},
        "lender": {"agency": ["中介 agency"]},
        "document": {"passport": ["護照 passport"], "bank_card": ["提款卡 ATM card"],
                     "certificate": ["證書 certificate"]},
        "held_by": {"worker": ["工人 worker"], "employer": ["僱主 employer"], "agency": ["中介 agency"]},
        "worker_consent": {"no": ["否"], "written": ["書面同意 written"]},
        "tampered": {"none": ["無 none"], "destroyed": ["被毀 destroyed"]},
        "repatriation_paid_by": {"employer": ["僱主 employer"]},
        "status": {"resolved": ["已解決 resolved"]},
        "subject": {"wages": ["工資 wages"], "harassment": ["性騷擾 sexual harassment"]},
        "channel": {"embassy": ["領事館 consulate"], "inspectorate": ["勞工處 Labour Department"]},
        "deduction_reason": {"fine": ["罰款 fine"]},
        "deduction_consent": {"no": ["否"]},
        "paid_to": {"worker": ["工人 worker"]},
        "event": {"resignation_refused": ["辭職被拒 resignation refused"], "confined": ["被禁錮 confined"],
                  "pregnancy_test_required": ["要求驗孕 pregnancy test"],
                  "employer_change_requested": ["要求轉工 asked to change employer"],
                  "employer_change_refused": ["轉工被拒 change of employer refused"],
                  "dismissed": ["被解僱 dismissed"], "repatriated": ["遣返 repatriated"]},
        "events.paid_by": {"worker": ["工人 worker"]},
    },
    yes=["是"], no=["否"],
    date=_dmy("/"),  # Hong Kong writes day first
    money=lambda n, cur: f"{cur} {n:,.2f}" if cur else f"{n:,.2f}",
    pay_month=("工資月份 Pay Month", [lambda d: f"{d.month:02d}/{d.year}"]),
)


def build_hk_flat(rows: Rows, tmp_path: Path) -> Rendered:
    """The NGO keeps ONE case log (a worker's facts repeated on each payment row, a blank row between cases) beside
    its other sheets, and the caseworker wrote the mapping file that splits it into workers and fees."""
    system = HK_NGO
    tables = base_tables(rows)
    apply_cells(tables, rows, system)
    apply_headers(tables, system)
    header, forms = system.pay_month or ("", [])
    apply_pay_month(table(tables, "wage_payments"), rows, header, forms)
    workers, fees = table(tables, "workers"), table(tables, "fees")
    fee_cols = [i for i, c in enumerate(fees.columns) if c != "worker_id"]
    log = Table(name="個案紀錄 Case Log", columns=[*workers.columns, *(fees.columns[i] for i in fee_cols)],
                header=[*workers.header, *(fees.header[i] for i in fee_cols)], body=[],
                origins={"workers": {}, "fees": {}}, changed=workers.changed | fees.changed,
                above=[["個案紀錄 Case log — Migrant workers' centre, Yau Ma Tei"], []])
    wid_of_fee = [f["worker_id"] for f in rows["fees"]]
    for i, w in enumerate(rows["workers"]):
        if log.body:
            log.body.append([None] * len(log.columns))  # a blank row between cases
        for j in [j for j, wid in enumerate(wid_of_fee) if wid == w["worker_id"]]:
            if i not in log.origins["workers"]:
                log.origins["workers"][i] = len(log.body)
            log.origins["fees"][j] = len(log.body)
            log.body.append([*workers.body[workers.origins["workers"][i]],
                             *(fees.body[fees.origins["fees"][j]][k] for k in fee_cols)])
    others = [t for t in tables if t.name not in ("workers", "fees")]
    for t in others:
        t.name = _HK_SHEETS[t.name]
    out = [others[0], others[1], log, *others[2:]]
    path = write_xlsx(out, tmp_path / f"{system.key}.xlsx")
    columns: dict[str, object] = {}
    for contract, written in zip(workers.columns, workers.header, strict=True):
        columns[str(written)] = ["workers.worker_id", "fees.worker_id"] if contract == "worker_id" \
            else f"workers.{contract}"
    for k in fee_cols:
        columns[str(fees.header[k])] = f"fees.{fees.columns[k]}"
    mapping = {"fairrecruit-mapping": 1,
               "sheets": {log.name: {"as": ["workers", "fees"], "header_rows": [3], "columns": columns},
                          **{name: {"as": contract} for contract, name in _HK_SHEETS.items()}}}
    mapping_path = tmp_path / "mapping.yaml"
    mapping_path.write_text(yaml.safe_dump(mapping, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return Rendered(path, out, mapping_path)


# ---------------------------------------------------------------------------------------------- 10. GBK subcontractor


def _cn_layout(tables: list[Table], rows: Rows, system: System) -> None:
    for t in tables:
        t.above = [[f"宏达建筑分包有限公司 {system.sheet_names[t.name]}"], ["制表日期：2025/1/10"]]
    fees = table(tables, "fees")
    fees.below = [totals_row(fees, rows, "合计", ["amount", "reimbursed_amount"], lambda n: f"{n:,.2f}")]


CN_SUBCON = System(
    key="h7-cn-subcon",
    sheet_names={"agencies": "中介名单", "employers": "雇主名单", "workers": "外劳名册", "contracts": "劳动合同",
                 "fees": "费用明细", "documents": "证件保管", "complaints": "投诉记录", "wage_payments": "工资发放",
                 "events": "事件记录"},
    headers={
        "agencies": "中介编号|中介名称|国家|许可证号|许可证生效日期|许可证到期日期|中介类型|上级中介编号",
        "employers": "雇主编号|雇主名称|国家|行业|合同禁止向工人收费|最近尽职调查日期",
        "workers": "工人编号|姓名|性别|出生日期|国籍|语言|工种|来源国|工作国|中介编号|雇主编号|招聘日期|出境日期|"
                   "首月工资|工资币种|出国前培训日期|知道投诉渠道",
        "contracts": "合同编号|工人编号|合同阶段|书面合同|合同语言|签订日期|工人持有副本|岗位|月工资|币种|每周工时|"
                     "每周休息天数|合同期限（月）|年假天数|住宿|回程费用承担方|雇主名称|工作地点|本人签字|"
                     "弃权条款|政府备案|有广告|广告称免费|广告有许可证号",
        "fees": "费用编号|工人编号|中介编号|费用类别|金额|币种|付款人|付款日期|付款方式|已退金额|借款方|有收据|"
                "有明细|事先告知",
        "documents": "工人编号|证件|证件号码|保管人|保管起始日期|工人同意|要求时归还|损毁情况",
        "complaints": "投诉编号|工人编号|中介编号|受理日期|投诉内容|处理状态|投诉类别|投诉渠道|可用母语|工人费用|"
                      "投诉属实|遭受报复|结案日期|应付赔偿|已付赔偿|币种",
        "wage_payments": "工人编号|工资月份|-|应发日期|实发日期|应发工资|扣款|扣款原因|扣款同意|实发工资|币种|"
                         "领款人|工作小时",
        "events": "工人编号|日期|事件|金额|币种|付款人|备注",
    },
    values={
        "role": {"recruiter": ["招聘中介"], "sub_agent": ["下级代理"]},
        "sex": {"female": ["女"], "male": ["男"]},
        "stage": {"offer": ["录用通知"], "destination": ["到岗后合同"]},
        "category": {"recruitment_fee": ["招聘费"], "placement_fee": ["介绍费"], "service_fee": ["服务费"],
                     "medical": ["体检费"], "insurance": ["保险费"], "skills_test": ["技能考试费"],
                     "training": ["培训费"], "airfare": ["机票费"], "visa": ["签证费"], "equipment": ["劳保鞋"],
                     "bribe": ["贿赂"], "deposit": ["押金"]},
        "fees.paid_by": {"worker": ["工人"], "employer": ["雇主"]},
        "method": {"cash": ["现金"], "bank": ["银行转账"], "wage_deduction": ["工资扣除"], "loan": ["借款"]},
        "lender": {"agency": ["中介"]},
        "document": {"passport": ["护照"], "bank_card": ["银行卡"], "certificate": ["技能证书"]},
        "held_by": {"worker": ["工人本人"], "employer": ["雇主"], "agency": ["中介"]},
        "worker_consent": {"no": ["×"], "written": ["书面同意"]},
        "tampered": {"none": ["无"], "destroyed": ["已销毁"]},
        "repatriation_paid_by": {"employer": ["雇主"]},
        "status": {"resolved": ["已解决"]},
        "subject": {"wages": ["工资"], "harassment": ["性骚扰"]},
        "channel": {"embassy": ["大使馆"], "inspectorate": ["劳动监察"]},
        "deduction_reason": {"fine": ["罚款"]},
        "deduction_consent": {"no": ["×"]},
        "paid_to": {"worker": ["工人本人"]},
        "event": {"resignation_refused": ["辞职被拒"], "confined": ["限制人身自由"],
                  "pregnancy_test_required": ["要求验孕"], "employer_change_requested": ["申请更换雇主"],
                  "employer_change_refused": ["更换雇主被拒"], "dismissed": ["被辞退"], "repatriated": ["遣返回国"]},
        "events.paid_by": {"worker": ["工人"]},
    },
    yes=["√"], no=["×"],  # the ticks typed on Chinese keyboards: the square-root sign and the multiplication sign
    date=lambda d, _s, _c: f"{d.year}/{d.month}/{d.day}",  # Chinese Excel's default short date
    money=lambda n, _cur: f"{n:,.2f}",
    pay_month=("工资月份", [lambda d: f"{d.year}年{d.month:02d}月", lambda d: f"{d.year}.{d.month:02d}"]),
    layout=_cn_layout,
)


# ---------------------------------------------------------------------------------------------- the variants


def _office(system: System, csv: tuple[str, str] | None = None, *, cells_only: bool = False
            ) -> Callable[[Rows, Path], Rendered]:
    return lambda rows, tmp_path: build_system(system, rows, tmp_path, csv=csv, cells_only=cells_only)


_OFFICES: list[tuple[System, tuple[str, str] | None, str]] = [
    (LK_AGENCY, None, "a Sri Lankan licensed agency's workbook: title and note rows, its own headers, Y/N, "
                      "DD/MM/YYYY text, NPR in lakhs (NPR 1,20,000.00), a salary month (May-2024, 05/2024), blank "
                      "rows between batches, a Total row under the fees"),
    (PK_OEP, ("cp1252", ","), "a Pakistani OEP's Windows-1252 CSV folder: group rows over the emigrant and payment "
                              "particulars, 25-Jan-2024 dates, QR 1,500 / US$ 300.00 / NPR 120,000, Yes/No, a Grand "
                              "Total row"),
    (SA_MUSANED, ("utf-8-sig", ","), "a Saudi Musaned-style UTF-8-BOM CSV export: CamelCase headers, UPPER_SNAKE "
                                     "codes, true/false, ISO date-times, bare two-decimal amounts, SalaryMonth "
                                     "2024-05"),
    (MY_EMPLOYER, None, "a Malaysian employer's HR workbook: a Summary sheet first, a group row over the contract "
                        "terms, ✓/✗, real date cells, QAR in headers and amounts, a pay month (May 2024, 2024-05), "
                        "blank rows between batches"),
    (AE_PAYROLL, None, "a Dubai free-zone payroll export: MM/DD/YYYY text dates everywhere, US spellings (License, "
                       "Itemized), the payroll register as an Excel table with a totals row, Pay Period (May 2024, "
                       "05/2024)"),
    (NP_NGO, ("utf-16", "\t"), "a Nepali returnee NGO's UTF-16 tab-separated log: romanised Nepali (ho/haina, Dalal, "
                               "Aafai, Rahadani, Ghar farkiyo), रु 1,20,000 and Rs 8,000/-, DD-MM-YYYY, title rows"),
    (SG_MOM, None, "a Singapore MOM-style list: UPPER-CASE sheet names and headers, UPPER-CASE codes, Y/N, 25-Jan-2024 "
                   "and 25 Jan 2024 dates, 'USD 300.00'"),
    (MO_AGENCY, ("big5", ","), "a Macau agency's Big5 CSV folder in traditional Chinese: 是/否, 2024年2月10日 dates, "
                               "currencies written in Chinese (尼泊爾盧比, 卡塔爾里亞爾, 美元), 工資月份 2024年5月"),
    (CN_SUBCON, ("gbk", ","), "a Chinese-run construction subcontractor's GBK CSV folder in simplified Chinese: title "
                              "rows, √/× ticks, 2024/2/10 dates, 工资月份 2024年05月 and 2024.05, a 合计 row"),
]

HOLDOUT7: list[Variant] = [
    *(Variant(s.key, what, _office(s, csv)) for s, csv, what in _OFFICES),
    Variant("h7-hk-ngo-log", "a Hong Kong NGO's bilingual workbook (繁體 + English headers and values, 是/否, "
                             "DD/MM/YYYY) with workers and fees as ONE case log split by the caseworker's mapping file",
            build_hk_flat),
]

HOLDOUT7_CELLS: list[Variant] = [
    Variant(f"{s.key}-cells", f"{what}; with the contract's sheet names and required column names",
            _office(s, csv, cells_only=True)) for s, csv, what in _OFFICES
]
