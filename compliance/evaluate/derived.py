"""The derived values of each fact: what the rules test beyond the cells as written (ages, licences on each act,
what a fee cost the worker, the contract wage a pay period is due, how a contract version differs from the
earlier ones). Pure functions of a record, its case file and the evaluation date; documented field by field in
facts.py (the fact schema) and the README.
"""

from __future__ import annotations

import bisect
from datetime import date
from typing import TYPE_CHECKING, Any

from compliance import languages, models
from compliance.evaluate import textmatch
from compliance.evaluate.facts import STAGE_RANK

if TYPE_CHECKING:  # the case file holds the records these read; it imports this module
    from compliance.evaluate.casefile import CaseFile


def _days(a: date | None, b: date | None) -> float | None:
    return None if a is None or b is None else float((b - a).days)


def _age(born: date | None, on: date | None) -> float | None:
    if born is None or on is None:
        return None
    return float(on.year - born.year - ((on.month, on.day) < (born.month, born.day)))


def _licensed(agency: models.Agency, on: date | None) -> str | None:
    if not agency.licence_number:
        return "no"
    if on is None:
        return None
    if agency.licence_valid_from is not None and on < agency.licence_valid_from:
        return "no"
    if agency.licence_valid_to is not None and on > agency.licence_valid_to:
        return "no"
    if agency.licence_valid_from is None or agency.licence_valid_to is None:
        return None
    return "yes"


def _licensed_acts(agency: models.Agency, case: CaseFile, own: bool) -> dict[str, Any]:
    """The licence checked on every dated recruitment act of the worker (FR-AGY-001), the first act outside it."""
    w = case.worker
    acts: list[tuple[date, str]] = []
    if own:
        acts += [(w.recruited_on, "recruited")] if w.recruited_on else []
        acts += [(c.signed_on, f"contract {c.contract_id} signed") for c in case.contracts
                 if c.signed_on and c.stage in ("offer", "pre_departure")]
        acts += [(w.departed_on, "departed")] if w.departed_on else []
    acts += [(f.paid_on, f"fee {f.fee_id} collected") for f in case.fees
             if f.paid_on and f.agency_id == agency.agency_id]
    verdicts = [(_licensed(agency, on), on, what) for on, what in sorted(acts)]
    bad = next(((on, what) for v, on, what in verdicts if v == "no"), None)
    every = "no" if bad else (None if not verdicts or any(v is None for v, _, _ in verdicts) else "yes")
    if not agency.licence_number:
        every = "no"
    return {"licensed_on_every_act": every, "unlicensed_act": bad[1] if bad else None,
            "unlicensed_act_date": bad[0] if bad else None}


def derived_values(kind: str, rec: models.Record, case: CaseFile, as_of: date) -> dict[str, Any]:
    w = case.worker
    if isinstance(rec, models.Worker):
        return {"age_at_recruitment": _age(rec.date_of_birth, rec.recruited_on or rec.departed_on),
                "unpaid_wage_periods": float(sum(1 for p in case.wages if _days_overdue(p, as_of))),
                "orientation_days_before_departure": _days(rec.orientation_on, rec.departed_on),
                "borne_cost_multiple": _borne_cost_multiple(case),
                "age_at_departure": (round((rec.departed_on - rec.date_of_birth).days / 365.25, 2)
                                     if rec.date_of_birth and rec.departed_on else None),
                "domestic_worker": _yes_no(textmatch.is_domestic(rec.occupation)) if rec.occupation else None}
    if isinstance(rec, models.Agency):
        return {"licensed_on_recruitment": _licensed(rec, w.recruited_on),
                **_licensed_acts(rec, case, own=kind == "agency")}
    if isinstance(rec, models.Contract):
        understood = None
        if rec.language and w.languages:
            understood = languages.understood(rec.language, w.languages)
        return {
            "stage_rank": STAGE_RANK.get(rec.stage) if rec.stage else None,
            "latest_stage": _latest_stage(rec, case),
            "last_promise": _is_pick(rec, [c for c in case.contracts if c.stage in ("offer", "pre_departure")],
                                     lambda c: (STAGE_RANK[c.stage or ""], c.signed_on or date.min, -c.row)),
            "first_at_destination": _is_pick(rec, [c for c in case.contracts if c.stage == "destination"],
                                             lambda c: (-(c.signed_on or date.max).toordinal(), -c.row)),
            "in_worker_language": understood,
            "days_before_departure": _days(rec.signed_on, w.departed_on),
            **_changes(rec, case),
            "domestic_title": _yes_no(textmatch.is_domestic(rec.job_title)) if rec.job_title else None,
            "is_advert": _yes_no(rec.advertised is True),
            "employer_record_relation": (textmatch.relation(rec.employer_name, case.employer.name, "employer")
                                         if rec.employer_name and case.employer and case.employer.name else None),
        }
    if isinstance(rec, models.Fee):
        return _fee_derived(rec, case, as_of)
    if isinstance(rec, models.WagePayment):
        return _wage_derived(rec, case, as_of)
    if isinstance(rec, models.Event):
        before = [c.received_on for c in case.complaints
                  if c.received_on is not None and rec.date is not None and c.received_on <= rec.date]
        return {"days_after_complaint": _days(max(before), rec.date) if before else None}
    if isinstance(rec, models.Complaint):
        open_ = rec.resolved_on is None and rec.status not in ("resolved", "dismissed", "withdrawn")
        owed = None if rec.remedy_due is None else max(rec.remedy_due - (rec.remedy_paid or 0.0), 0.0)
        return {"days_open": _days(rec.received_on, as_of) if open_ else None, "remedy_outstanding": owed,
                "days_since_resolved": _days(rec.resolved_on, as_of)}
    return {}


def worker_borne(fee: models.Fee) -> str | None:
    """yes/no/None (unknown): see fee.worker_borne in facts.py."""
    if fee.paid_by == "worker" or fee.method in ("wage_deduction", "loan"):
        return "yes"
    if fee.paid_by in ("employer", "agency"):
        return "no"
    return None


def _yes_no(flag: bool) -> str:
    return "yes" if flag else "no"


def _borne_cost_multiple(case: CaseFile) -> float | None:
    w = case.worker
    if not w.first_month_earnings or not w.earnings_currency:
        return None
    currency = w.earnings_currency.strip().upper()
    borne = sum(f.amount for f in case.fees if f.amount and worker_borne(f) == "yes"
                and (f.currency or "").strip().upper() == currency)
    return round(borne / w.first_month_earnings, 4)


def _found_on(fee: models.Fee, case: CaseFile) -> date | None:
    """The day a fee came to light, by the worker's complaint about fees; None when nothing records it."""
    days = [c.received_on for c in case.complaints if c.subject == "fees" and c.received_on
            and (fee.paid_on is None or c.received_on >= fee.paid_on)]
    return min(days) if days else None


def _financed(fee: models.Fee) -> str | None:
    if fee.method == "wage_deduction":
        return "yes"
    if fee.method == "loan":
        return None if fee.lender is None else ("yes" if fee.lender in ("agency", "employer") else "no")
    return None if fee.method is None else "no"


def _fee_derived(fee: models.Fee, case: CaseFile, as_of: date) -> dict[str, Any]:
    borne = worker_borne(fee)
    outstanding = None
    if fee.amount is not None:
        outstanding = max(fee.amount - (fee.reimbursed_amount or 0.0), 0.0)
    chain = {a.agency_id for a in (case.agency, case.parent_agency) if a is not None}
    if case.worker.agency_id:
        chain.add(case.worker.agency_id)
    # the worker's agency, its parent, or a sub-agent working under the worker's agency
    in_chain = None if not fee.agency_id else (
        "yes" if fee.agency_id in chain or case.collector_parents.get(fee.agency_id) == case.worker.agency_id
        else "no")
    return {
        "worker_borne": borne,
        "outstanding": outstanding,
        "days_since_paid": _days(fee.paid_on, as_of),
        "found_on": (found := _found_on(fee, case)),
        "days_since_found": _days(found, as_of),
        "days_after_departure": _days(case.worker.departed_on, fee.paid_on),
        "collector_in_chain": in_chain,
        "financed_by_recruiter_or_employer": _financed(fee),
    }


# A pay period of 28 to 31 days is one month of the contract wage; other periods are prorated on an average month.
DAYS_PER_MONTH = 30.4375


def _contract_wage(case: CaseFile, currency: str | None) -> models.Contract | None:
    """The contract wage a pay period is measured against: the highest monthly wage any version promised in the
    pay's currency. After a substitution the more favourable terms apply (FR-CON-006's remedy), so a lower wage in
    a later version does not lower the benchmark; a version in another currency cannot be compared."""
    if not currency:
        return None
    cur = currency.strip().upper()
    with_wage = [c for c in case.contracts if c.monthly_wage is not None and c.currency
                 and c.currency.strip().upper() == cur]
    if not with_wage:
        return None
    return max(with_wage, key=lambda c: (c.monthly_wage or 0.0, STAGE_RANK.get(c.stage or "", 0.0),
                                         c.signed_on or date.min, -c.row))


def _days_overdue(pay: models.WagePayment, as_of: date) -> float | None:
    due = pay.due_on or pay.period_end
    if pay.paid_on is not None or due is None or due >= as_of:
        return None
    return float((as_of - due).days)


# A gap below one unit of the currency is rounding, not a deduction (a design choice, said in FR-WAGE-004).
DEDUCTION_TOLERANCE = 1.0


def _unexplained(pay: models.WagePayment) -> float | None:
    if pay.gross is None or pay.net is None:
        return None
    if pay.net <= 0:  # nothing paid out is FR-WAGE-003's (withheld wages): the same money is not owed twice
        return 0.0
    gap = round(pay.gross - (pay.deductions or 0.0) - pay.net, 2)
    return gap if gap > DEDUCTION_TOLERANCE else 0.0


def _period_gap(pay: models.WagePayment, case: CaseFile) -> float | None:
    if pay.period_start is None:
        return None
    before = bisect.bisect_left(case.period_ends, pay.period_start)  # the latest end before this start
    return float((pay.period_start - case.period_ends[before - 1]).days - 1) if before else None


def _wage_derived(pay: models.WagePayment, case: CaseFile, as_of: date) -> dict[str, Any]:
    period = _days(pay.period_start, pay.period_end)
    period_days = None if period is None else period + 1
    due = None
    contract = _contract_wage(case, pay.currency)
    same_currency = contract is not None
    if contract is not None and same_currency and period_days and period_days > 0 and contract.monthly_wage:
        share = 1.0 if 28 <= period_days <= 31 else period_days / DAYS_PER_MONTH
        due = round(contract.monthly_wage * share, 2)
    before = bisect.bisect_left(case.paid_dates, pay.paid_on) if pay.paid_on is not None else 0
    previous = case.paid_dates[before - 1:before] if before else []  # the latest date paid before this one
    return {
        "period_days": period_days,
        "weekly_hours": (round(pay.hours_worked * 7 / period_days, 1)
                         if pay.hours_worked is not None and period_days and period_days > 0 else None),
        "contract_wage_due": due,
        "wage_shortfall": None if due is None or pay.gross is None else round(max(due - pay.gross, 0.0), 2),
        "net_due": None if pay.gross is None else round(max(pay.gross - (pay.deductions or 0.0), 0.0), 2),
        "unexplained_deduction": _unexplained(pay),
        "days_late": _days(pay.due_on, pay.paid_on),
        "days_after_period": _days(pay.period_end, pay.paid_on),
        "days_overdue": _days_overdue(pay, as_of),
        "deduction_share": (round(pay.deductions / pay.gross, 4)
                            if pay.deductions is not None and pay.gross else None),
        "repayment_share_of_net": (round(pay.deductions / (pay.net + pay.deductions), 4)
                                   if pay.deductions is not None and pay.net is not None
                                   and pay.net + pay.deductions > 0 else None),
        "days_since_previous_pay": _days(max(previous), pay.paid_on) if previous else None,
        "period_gap_days": _period_gap(pay, case),
    }


_CHANGE_COLUMNS: tuple[tuple[textmatch.What, str], ...] = (
    ("employer", "employer_name"), ("place", "work_location"), ("job", "job_title"))
_WORST = {"different": 2, "similar": 1, "same": 0}


def _changes(contract: models.Contract, case: CaseFile) -> dict[str, Any]:
    """Per compared column: the worst relation of this version's text to an earlier-stage version's, and which."""
    out: dict[str, Any] = {}
    rank = STAGE_RANK.get(contract.stage or "")
    earlier = sorted((c for c in case.contracts if rank and STAGE_RANK.get(c.stage or "", 9.0) < rank),
                     key=lambda c: (STAGE_RANK[c.stage or ""], c.signed_on or date.min, c.row))
    for what, column in _CHANGE_COLUMNS:
        mine = getattr(contract, column)
        found = [(textmatch.relation(theirs, mine, what), c) for c in earlier
                 if mine and (theirs := getattr(c, column))]
        worst = max(found, key=lambda rc: _WORST[rc[0]], default=None)  # max keeps the first (earliest) of equals
        out[f"{what}_change"] = worst[0] if worst else None
        out[f"{what}_before"] = getattr(worst[1], column) if worst else None
        out[f"{what}_before_stage"] = worst[1].stage if worst else None
        out[f"{what}_before_contract"] = worst[1].contract_id if worst else None
    return out


def _latest_stage(contract: models.Contract, case: CaseFile) -> str | None:
    if not contract.stage:
        return None
    rank = STAGE_RANK[contract.stage]
    return "no" if any(STAGE_RANK.get(c.stage or "", 0.0) > rank for c in case.contracts) else "yes"


def _is_pick(contract: models.Contract, among: list[models.Contract], key: Any) -> str | None:
    """yes if `contract` is the maximum of `among` by `key`, no if it is another member, blank if not a member."""
    if contract not in among:
        return None
    return "yes" if max(among, key=key) is contract else "no"
