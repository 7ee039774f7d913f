"""Typed records, one class per input sheet. Field names are the contract's column names.

Every record keeps `row`, the spreadsheet row it came from, so each finding can cite its evidence.
A field is None when the cell was blank or unreadable: None means "not known", never "no" or zero.
"""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict


class Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    row: int  # spreadsheet row number, as the user sees it


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


class Document(Record):
    worker_id: str
    document: str
    document_number: str | None = None
    held_by: str | None = None
    held_since: date | None = None
    worker_consent: str | None = None
    returned_on_request: bool | None = None


class Complaint(Record):
    complaint_id: str
    worker_id: str
    agency_id: str | None = None
    received_on: date | None = None
    allegation: str | None = None
    status: str | None = None


RECORD_TYPES: dict[str, type[Record]] = {
    "agencies": Agency,
    "employers": Employer,
    "workers": Worker,
    "contracts": Contract,
    "fees": Fee,
    "documents": Document,
    "complaints": Complaint,
}
