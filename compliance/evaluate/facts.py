"""The fact schema: what rule conditions may test, and how each value is typed for the engine.

A fact is a flat dict built from one record (a worker, a fee, ...) plus derived fields. Rules name facts by
kind and fields by name; the rule loader rejects any field not declared here. Blank values are left out of
the fact: a comparison with a blank field is false, and rules test blanks explicitly with `is blank`.

Types are normalised because durable-rules compares values unlike Python (engine-notes §11): every number is
a float, every date is a float day number, yes/no is the string "yes" or "no".
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from compliance.input import sheets


class FieldType(StrEnum):
    TEXT = "text"  # compared case-insensitively, whitespace collapsed
    CHOICE = "choice"  # one of a fixed list of values
    NUMBER = "number"
    DATE = "date"
    YESNO = "yesno"


@dataclass(frozen=True)
class FieldSpec:
    name: str
    type: FieldType
    doc: str
    choices: tuple[str, ...] = ()
    derived: bool = False
    # For a derived field: the input fields it is computed from, as "field" (same fact) or "worker.field".
    inputs: tuple[str, ...] = ()


def _f(name: str, type: FieldType, doc: str, choices: tuple[str, ...] = (), derived: bool = False,
       inputs: tuple[str, ...] = ()) -> FieldSpec:
    return FieldSpec(name, type, doc, choices, derived or bool(inputs), inputs)


T, C, N, D, Y = FieldType.TEXT, FieldType.CHOICE, FieldType.NUMBER, FieldType.DATE, FieldType.YESNO

_COLUMN_TYPES = {
    sheets.Kind.ID: T, sheets.Kind.REF: T, sheets.Kind.TEXT: T, sheets.Kind.DATE: D,
    sheets.Kind.AMOUNT: N, sheets.Kind.NUMBER: N, sheets.Kind.YESNO: Y, sheets.Kind.CHOICE: C,
    sheets.Kind.LIST: T, sheets.Kind.CURRENCY: T,
}


def _from_sheet(sheet: str) -> list[FieldSpec]:
    spec = sheets.SHEETS_BY_NAME[sheet]
    # A pay month is read into period_start and period_end; rules see those.
    return [_f(c.name, _COLUMN_TYPES[c.kind], c.help, c.choices) for c in spec.columns
            if c.kind is not sheets.Kind.PERIOD]


STAGE_RANK = {"offer": 1.0, "pre_departure": 2.0, "destination": 3.0}

def _changes(what: str, column: str, noun: str, same: str) -> list[FieldSpec]:
    """A contract version's text compared with the worker's earlier-stage versions (compliance/evaluate/textmatch.py)
    and which version it was compared with, for messages."""
    inputs = (column, "stage")
    return [
        _f(f"{what}_change", C, f"How {column} compares with the {noun} of the worker's earlier-stage versions "
           f"(offer < pre_departure < destination), the worst over them: same ({same}), similar (one contains the "
           "other, or a spelling differs: at most a warning), different (nothing shared). Blank if this "
           f"{column} is blank or no earlier version names one.", ("same", "similar", "different"), inputs=inputs),
        _f(f"{what}_before", T, f"The {column} of the earlier version {what}_change compares with (the earliest "
           "of those that compare worst).", inputs=inputs),
        _f(f"{what}_before_stage", C, "The stage of that earlier version.", ("offer", "pre_departure"),
           inputs=inputs),
        _f(f"{what}_before_contract", T, "The contract_id of that earlier version.", inputs=inputs),
    ]


DERIVED: dict[str, list[FieldSpec]] = {
    "worker": [
        _f("age_at_recruitment", N, "Age in whole years on recruited_on (on departed_on if recruited_on is "
           "blank). Blank if the date of birth or both dates are blank.",
           inputs=("date_of_birth", "recruited_on", "departed_on")),
        _f("unpaid_wage_periods", N, "Number of the worker's wage_payments rows with paid_on blank whose due_on "
           "(period_end if due_on is blank) is before the evaluation date. 0 when there are none.",
           derived=True),
        _f("orientation_days_before_departure", N, "departed_on minus orientation_on, in days (negative when the "
           "information came after departure). Blank if either date is blank.",
           inputs=("orientation_on", "departed_on")),
        _f("age_at_departure", N, "Age in years on departed_on, with its fraction (18.25 is 18 years and a "
           "quarter). Blank if the date of birth or departed_on is blank.", inputs=("date_of_birth", "departed_on")),
        _f("domestic_worker", Y, "yes if occupation is domestic work (C189 Art. 1): a title of the list of "
           "domestic-work occupations, compared with case, brackets, punctuation and plurals ignored and "
           "abbreviations read (HSW, FDW); no for another occupation; blank if occupation is blank.",
           inputs=("occupation",)),
        _f("borne_cost_multiple", N, "The worker-borne amounts of the worker's fees in earnings_currency (every "
           "category), divided by first_month_earnings: 1.0 is a month's first earnings. Fees in other currencies "
           "are not converted and an unreadable amount counts as nothing, so the figure is at least this (it only "
           "raises a severity). Blank if first_month_earnings or earnings_currency is blank or 0.",
           inputs=("first_month_earnings", "earnings_currency")),
    ],
    "contract": [
        _f("stage_rank", N, "Order of the stage: offer 1, pre_departure 2, destination 3.", inputs=("stage",)),
        _f("in_worker_language", Y, "yes if a language the contract is written in ('Nepali/English' is two) is "
           "one of the worker's languages (names and codes matched: 'Nepali' = 'ne' = '尼泊尔语'); no if every one "
           "is a known language the worker does not list; blank if either is blank or a language name is unknown.",
           inputs=("language", "worker.languages")),
        _f("latest_stage", Y, "yes if no other contract of the worker has a later stage (offer < pre_departure < "
           "destination); no if one has; blank if stage is blank.", inputs=("stage",)),
        _f("last_promise", Y, "yes for the worker's last contract before arrival: the offer or pre_departure "
           "version at the latest stage (the latest signed_on, then the lowest row, among equals); no for the other "
           "offer and pre_departure versions; blank for destination versions or a blank stage.", inputs=("stage",)),
        _f("first_at_destination", Y, "yes for the worker's first destination version (the earliest signed_on, "
           "then the lowest row); no for later ones; blank for other stages.", inputs=("stage",)),
        _f("days_before_departure", N, "The worker's departed_on minus signed_on, in days (negative when signed "
           "after departure). Blank if either date is blank.", inputs=("signed_on", "worker.departed_on")),
        _f("is_advert", Y, "yes if advertised is yes (an advertisement, not a contract); no otherwise, a blank "
           "advertised included.", inputs=("advertised",)),
        _f("domestic_title", Y, "yes if job_title is domestic work, read as worker.domestic_worker reads an "
           "occupation; no for another title; blank if job_title is blank.", inputs=("job_title",)),
        *_changes("employer", "employer_name", "employer named", "case, punctuation, spacing and legal forms "
                  "such as LLC or W.L.L. ignored"),
        *_changes("place", "work_location", "place of work", "case, punctuation and spacing ignored; a city "
                  "within the place named, or the place within the city's, is the same place"),
        *_changes("job", "job_title", "job title", "case, punctuation and spacing ignored"),
        _f("employer_record_relation", C, "How employer_name compares with the name of the worker's employer in the "
           "employers sheet (as employer_change does). Blank if either is blank.",
           choices=("same", "similar", "different"), inputs=("employer_name", "worker.employer_id")),
    ],
    "agency": [
        _f("licensed_on_recruitment", Y, "yes if licence_number is filled and the worker's recruited_on falls "
           "within licence_valid_from..licence_valid_to (both days included); no if licence_number is blank or "
           "the date falls outside; blank if recruited_on or a licence date needed is blank.",
           inputs=("licence_number", "licence_valid_from", "licence_valid_to", "worker.recruited_on")),
        _f("licensed_on_every_act", Y, "yes if licence_number is filled and every dated recruitment act of the "
           "worker falls within the licence's dates: for the worker's agency, recruited_on, the offer and "
           "pre_departure contracts' signed_on and departed_on; for either agency, the paid_on of the fees it "
           "collected (fees agency_id). no if an act falls outside them (or licence_number is blank); blank if "
           "no act is dated or a licence date needed is blank.",
           inputs=("licence_number", "licence_valid_from", "licence_valid_to", "worker.recruited_on",
                   "worker.departed_on")),
        _f("unlicensed_act", T, "The first act, by date, on which the licence was not valid: 'recruited', "
           "'contract C-1 signed', 'fee F-3 collected' or 'departed'. Blank when licensed_on_every_act is not no.",
           inputs=("licence_number", "licence_valid_from", "licence_valid_to")),
        _f("unlicensed_act_date", D, "The date of that act.",
           inputs=("licence_number", "licence_valid_from", "licence_valid_to")),
    ],
    "fee": [
        _f("worker_borne", Y, "yes when the worker bore the cost: paid_by is worker, or the method is "
           "wage_deduction or loan (a cost recovered from the worker counts whoever advanced it: ILO 2019 "
           "Definition, 'regardless of the manner'); no when paid_by is employer or agency and the method is "
           "neither; blank otherwise.", inputs=("paid_by", "method")),
        _f("outstanding", N, "amount minus reimbursed_amount (a blank reimbursed_amount counts as nothing "
           "reimbursed), never below 0. Blank if amount is blank.", inputs=("amount",)),
        _f("days_since_paid", N, "Days from paid_on to the evaluation date. Blank if paid_on is blank.",
           inputs=("paid_on",)),
        _f("found_on", D, "When the fee came to light: the received_on of the worker's earliest complaint about "
           "fees (subject fees) received on or after paid_on (or any, when paid_on is blank). Blank when no "
           "complaint records it: this audit is then the first record.", derived=True),
        _f("days_since_found", N, "Days from found_on to the evaluation date. Blank if found_on is blank.",
           derived=True),
        _f("days_after_departure", N, "paid_on minus the worker's departed_on, in days (positive when paid "
           "after departure). Blank if either date is blank.", inputs=("paid_on", "worker.departed_on")),
        _f("collector_in_chain", Y, "yes if agency_id is the worker's agency, that agency's parent, or a sub-agent "
           "whose parent is the worker's agency; blank if agency_id is blank.", inputs=("agency_id",)),
        _f("financed_by_recruiter_or_employer", Y, "yes when the cost was advanced by the recruiter or the employer "
           "and recovered from the worker: method wage_deduction, or method loan with lender agency or employer; no "
           "for method cash or bank, or a loan from anyone else; blank if method is blank, or a loan's lender is "
           "blank.", inputs=("method", "lender")),
    ],
    "wage": [
        _f("period_days", N, "Days in the pay period, both ends included.", inputs=("period_start", "period_end")),
        _f("weekly_hours", N, "hours_worked per 7 days of the period (one decimal).",
           inputs=("hours_worked", "period_start", "period_end")),
        _f("contract_wage_due", N, "The contract wage for the period: the highest monthly_wage any of the worker's "
           "contract versions promised in the pay's currency (after a substitution the more favourable terms "
           "apply), whole for a period of 28 to 31 days, otherwise prorated on a 30.4375-day month. Blank if no "
           "version has a wage in that currency or a period date is blank.",
           inputs=("period_start", "period_end", "currency")),
        _f("wage_shortfall", N, "contract_wage_due minus gross, never below 0.", inputs=("gross",)),
        _f("unexplained_deduction", N, "gross minus deductions (blank counts as none) minus net, when more than 1 "
           "unit of the currency: money kept from the pay with no deduction recorded; 0 otherwise, and 0 when net "
           "is 0 (nothing paid out is withheld pay, FR-WAGE-003). Blank if gross or net is blank.",
           inputs=("gross", "net")),
        _f("net_due", N, "gross minus deductions (blank deductions count as none), never below 0: what the worker "
           "should have been paid out. Blank if gross is blank.", inputs=("gross",)),
        _f("days_late", N, "paid_on minus due_on, in days. Blank if either is blank.", inputs=("due_on", "paid_on")),
        _f("days_after_period", N, "paid_on minus period_end, in days. Blank if either is blank.",
           inputs=("period_end", "paid_on")),
        _f("days_overdue", N, "For an unpaid period (paid_on blank): days from due_on (period_end if due_on is "
           "blank) to the evaluation date, when that date is past. Blank when paid or not yet due.",
           inputs=("paid_on",)),
        _f("deduction_share", N, "deductions divided by gross (0.25 = a quarter). Blank if either is blank or "
           "gross is 0.", inputs=("deductions", "gross")),
        _f("repayment_share_of_net", N, "deductions divided by the net pay before them (net plus deductions: what "
           "the worker would have taken home without the deduction). Blank if either is blank or both are 0.",
           inputs=("deductions", "net")),
        _f("days_since_previous_pay", N, "paid_on minus the worker's previous paid_on (the latest earlier one), in "
           "days. Blank for the first payment or an unpaid period.", inputs=("paid_on",)),
        _f("period_gap_days", N, "Days between the end of the worker's previous pay period (the latest period_end "
           "before this period_start) and this period_start, not counting either: 0 when the periods follow each "
           "other, more when a period has no row. Blank for the first period or when a date is blank.",
           inputs=("period_start",)),
    ],
    "event": [
        _f("days_after_complaint", N, "Days from the worker's latest complaint received on or before the event's "
           "date to the event. Blank if there is no such complaint.", inputs=("date",)),
    ],
    "complaint": [
        _f("days_open", N, "For a complaint not closed (resolved_on blank and status not resolved, dismissed or "
           "withdrawn): days from received_on to the evaluation date. Blank otherwise.",
           inputs=("received_on",)),
        _f("remedy_outstanding", N, "remedy_due minus remedy_paid (blank remedy_paid counts as nothing paid), "
           "never below 0. Blank if remedy_due is blank.", inputs=("remedy_due",)),
        _f("days_since_resolved", N, "Days from resolved_on to the evaluation date. Blank if resolved_on is blank.",
           inputs=("resolved_on",)),
    ],
}

# Fact kinds and where their fields come from. `agency` is the worker's recruiting agency and
# `parent_agency` the agency it declares as its parent; both are copies of rows of the agencies sheet.
_KIND_SHEETS = {
    "worker": "workers", "agency": "agencies", "parent_agency": "agencies", "employer": "employers",
    "contract": "contracts", "fee": "fees", "document": "documents", "complaint": "complaints",
    "wage": "wage_payments", "event": "events",
}

DERIVED["parent_agency"] = DERIVED["agency"]

SCHEMA: dict[str, dict[str, FieldSpec]] = {
    kind: {f.name: f for f in [*_from_sheet(sheet), *DERIVED.get(kind, [])]}
    for kind, sheet in _KIND_SHEETS.items()
}
KIND_SHEET: dict[str, str] = dict(_KIND_SHEETS)
ANCHOR = "worker"  # every rule is evaluated for one worker; its first pattern is the worker
