"""Typed records, one class per input sheet. Field names are the contract's column names.

Every record keeps `row`, the spreadsheet row it came from, so each finding can cite its evidence.
A field is None when the cell was blank or unreadable: None means "not known", never "no" or zero.
"""

from __future__ import annotations

from datetime import date
from datetime import date as date_type

from pydantic import BaseModel, ConfigDict


class Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    row: int  # spreadsheet row number, as the user sees it
    # Fields whose cell could not be read (or whose column is not in the sheet), with the text as written
    # ("" for a missing column): unknown, which is not blank. Rules that need them report insufficient evidence.
    unread: tuple[tuple[str, str], ...] = ()
    # Unread fields that can only be one of a few codes ('LICENSED EA': recruiter or employer_agent), with them.
    maybe: tuple[tuple[str, tuple[str, ...]], ...] = ()


class Agency(Record):
    agency_id: str
    name: str | None = None
    country: str | None = None
    licence_number: str | None = None
    licence_valid_from: date | None = None
    licence_valid_to: date | None = None
    role: str | None = None
    parent_agency_id: str | None = None


class Employer(Record):
    employer_id: str
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    recruiter_contract_bans_fees: bool | None = None
    due_diligence_on: date | None = None


class Worker(Record):
    worker_id: str
    name: str | None = None
    sex: str | None = None
    date_of_birth: date | None = None
    nationality: str | None = None
    languages: tuple[str, ...] | None = None
    occupation: str | None = None
    origin_country: str | None = None
    destination_country: str | None = None
    agency_id: str | None = None
    employer_id: str | None = None
    recruited_on: date | None = None
    departed_on: date | None = None
    first_month_earnings: float | None = None
    earnings_currency: str | None = None
    orientation_on: date | None = None
    complaint_channel_known: bool | None = None


class Contract(Record):
    contract_id: str
    worker_id: str
    stage: str | None = None
    written: bool | None = None
    language: str | None = None
    signed_on: date | None = None
    copy_given_to_worker: bool | None = None
    job_title: str | None = None
    monthly_wage: float | None = None
    currency: str | None = None
    hours_per_week: float | None = None
    rest_days_per_week: float | None = None
    duration_months: float | None = None
    annual_leave_days: float | None = None
    accommodation: str | None = None
    repatriation_paid_by: str | None = None
    employer_name: str | None = None
    work_location: str | None = None
    signed_by_worker: bool | None = None
    waiver_clause: bool | None = None
    verified_by_authority: bool | None = None
    advertised: bool | None = None
    says_no_fees: bool | None = None
    licence_number_shown: bool | None = None


class Fee(Record):
    fee_id: str
    worker_id: str
    agency_id: str | None = None
    category: str | None = None
    amount: float | None = None
    currency: str | None = None
    paid_by: str | None = None
    paid_on: date | None = None
    method: str | None = None
    reimbursed_amount: float | None = None
    lender: str | None = None
    receipt: bool | None = None
    itemised: bool | None = None
    disclosed_before_acceptance: bool | None = None


class Document(Record):
    worker_id: str
    document: str | None = None  # unreadable ("Passport + visa"): kept, so the rules can say they cannot judge
    document_number: str | None = None
    held_by: str | None = None
    held_since: date | None = None
    worker_consent: str | None = None
    returned_on_request: bool | None = None
    tampered: str | None = None


class Complaint(Record):
    complaint_id: str
    worker_id: str
    agency_id: str | None = None
    received_on: date | None = None
    allegation: str | None = None
    status: str | None = None
    subject: str | None = None
    channel: str | None = None
    in_worker_language: bool | None = None
    cost_to_worker: float | None = None
    substantiated: bool | None = None
    retaliation_reported: bool | None = None
    resolved_on: date | None = None
    remedy_due: float | None = None
    remedy_paid: float | None = None
    currency: str | None = None


class WagePayment(Record):
    worker_id: str
    period_start: date | None = None
    period_end: date | None = None
    due_on: date | None = None
    paid_on: date | None = None
    gross: float | None = None
    deductions: float | None = None
    deduction_reason: str | None = None
    deduction_consent: str | None = None
    net: float | None = None
    currency: str | None = None
    paid_to: str | None = None
    hours_worked: float | None = None


class Event(Record):
    worker_id: str
    date: date_type | None = None
    event: str | None = None
    amount: float | None = None
    currency: str | None = None
    paid_by: str | None = None
    notes: str | None = None


RECORD_TYPES: dict[str, type[Record]] = {
    "agencies": Agency,
    "employers": Employer,
    "workers": Worker,
    "contracts": Contract,
    "fees": Fee,
    "documents": Document,
    "wage_payments": WagePayment,
    "events": Event,
    "complaints": Complaint,
}
