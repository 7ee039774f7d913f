"""Group validated records into one case file per worker and turn a case file into engine facts.

A case file is what one evaluation sees: the worker, their agency (and its parent), their employer, and their
contracts, fees, documents, complaints, wage payments and events. `facts()` is a pure function of the case file
and the evaluation date, so evaluating a case can later move to a process pool unchanged.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from dataclasses import field as dc_field
from datetime import date
from functools import cached_property
from typing import Any

from compliance import models
from compliance.evaluate.derived import derived_values, worker_borne
from compliance.evaluate.facts import DERIVED, KIND_SHEET, SCHEMA, FieldType
from compliance.input.validate import Dataset


@dataclass(frozen=True)
class FactSource:
    """Where a fact came from: its sheet and record (for evidence) and its derived values (for messages)."""

    kind: str
    sheet: str
    record: models.Record
    derived: dict[str, Any]
    # Fields (read or derived) whose value is unknown because a cell could not be read: not blank.
    unknown: frozenset[str] = frozenset()

    def display(self, field: str) -> Any:
        """The value of a field as the user wrote it (or as derived), None when blank."""
        if field in self.derived:
            return self.derived[field]
        return getattr(self.record, field, None)


@dataclass(frozen=True)
class CaseFile:
    worker: models.Worker
    agency: models.Agency | None
    parent_agency: models.Agency | None
    employer: models.Employer | None
    contracts: tuple[models.Contract, ...]
    fees: tuple[models.Fee, ...]
    documents: tuple[models.Document, ...]
    complaints: tuple[models.Complaint, ...]
    wages: tuple[models.WagePayment, ...] = ()
    events: tuple[models.Event, ...] = ()
    # The parent agency of each agency that collected one of the worker's fees (a sub-agent of the worker's
    # agency is in its chain)
    collector_parents: Mapping[str, str] = dc_field(default_factory=dict)

    def facts(self, as_of: date) -> tuple[list[dict[str, Any]], list[FactSource]]:
        """Engine facts (row i is sources[i]) with normalised values; blanks left out."""
        sources: list[FactSource] = []
        records = list(self._records())
        doubt = any(r.unread for _, r in records)
        for kind, record in records:
            sources.append(FactSource(kind, KIND_SHEET[kind], record, derived_values(kind, record, self, as_of),
                                      unknown_fields(kind, record, self) if doubt else frozenset()))
        facts = [_fact(s, i, self.worker.worker_id) for i, s in enumerate(sources)]
        return facts, sources

    # Per-case lookups computed once: a worker can have thousands of wage rows, and asking each row about all
    # the others made a case of 5,000 rows take a minute.
    @cached_property
    def paid_dates(self) -> list[date]:
        """The distinct dates wages were paid on, in order."""
        return sorted({p.paid_on for p in self.wages if p.paid_on is not None})

    @cached_property
    def period_ends(self) -> list[date]:
        """The distinct ends of the worker's pay periods, in order."""
        return sorted({p.period_end for p in self.wages if p.period_end is not None})

    @cached_property
    def unread_by_sheet(self) -> dict[str, frozenset[str]]:
        """Per record attribute ('contracts', 'wages'...): the fields unreadable in any of its records."""
        return {name: frozenset(f for r in getattr(self, name) for f, _ in r.unread)
                for name in ("contracts", "fees", "documents", "complaints", "wages", "events")}

    def _records(self) -> Iterator[tuple[str, models.Record]]:
        yield "worker", self.worker
        for kind, rec in (("agency", self.agency), ("parent_agency", self.parent_agency),
                          ("employer", self.employer)):
            if rec is not None:
                yield kind, rec
        for kind, recs in (("contract", self.contracts), ("fee", self.fees), ("document", self.documents),
                           ("complaint", self.complaints), ("wage", self.wages), ("event", self.events)):
            for rec in recs:
                yield kind, rec


def unknown_fields(kind: str, rec: models.Record, case: CaseFile) -> frozenset[str]:
    """The record's unreadable fields and the derived fields computed from them (in the record or elsewhere)."""
    own = {f for f, _ in rec.unread}
    worker = {f for f, _ in case.worker.unread}
    out = set(own)
    for spec in DERIVED.get(kind, ()):
        inputs = (*spec.inputs, *QUIET_INPUTS.get((kind, spec.name), ()))
        if any(i in own if "." not in i else i.split(".", 1)[1] in worker for i in inputs):
            out.add(spec.name)
    for field, (sheet_records, fields) in _CROSS_INPUTS.get(kind, {}).items():
        if any(f in case.unread_by_sheet[sheet_records] for f in fields):
            out.add(field)
    if kind == "wage" and "contract_wage_due" in out:
        out.add("wage_shortfall")
    return frozenset(out)


# Inputs whose blank counts as none, so the fact schema does not list them (a blank must not be named as the
# reason a value is blank), but whose unreadable cell makes the derived value unknown.
QUIET_INPUTS = {("fee", "outstanding"): ("reimbursed_amount",), ("wage", "net_due"): ("deductions",),
                ("wage", "unexplained_deduction"): ("deductions",),
                 ("complaint", "remedy_outstanding"): ("remedy_paid",), ("complaint", "days_open"): ("resolved_on",
                                                                                                   "status")}
# Derived values read from the worker's other records: unknown when one of those cells could not be read.
_CROSS_INPUTS: dict[str, dict[str, tuple[str, tuple[str, ...]]]] = {
    "agency": {f: ("fees", ("paid_on", "agency_id")) for f in ("licensed_on_every_act", "unlicensed_act",
                                                                 "unlicensed_act_date")},
    "parent_agency": {f: ("fees", ("paid_on", "agency_id")) for f in ("licensed_on_every_act", "unlicensed_act",
                                                                        "unlicensed_act_date")},
    "contract": {"latest_stage": ("contracts", ("stage",)), "last_promise": ("contracts", ("stage", "signed_on")),
                 "first_at_destination": ("contracts", ("stage", "signed_on")),
                 **{f"{what}{part}": ("contracts", (column, "stage", "signed_on"))
                    for what, column in (("employer", "employer_name"), ("place", "work_location"),
                                         ("job", "job_title"))
                    for part in ("_change", "_before", "_before_stage", "_before_contract")}},
    "wage": {"contract_wage_due": ("contracts", ("monthly_wage", "currency", "stage", "signed_on")),
             "days_since_previous_pay": ("wages", ("paid_on",)),
             "period_gap_days": ("wages", ("period_start", "period_end"))},
    "event": {"days_after_complaint": ("complaints", ("received_on",))},
    "fee": {"found_on": ("complaints", ("received_on", "subject")),
            "days_since_found": ("complaints", ("received_on", "subject"))},
    # borne_cost_multiple is a lower bound (an unreadable amount counts as nothing): it only raises a severity,
    # so an unreadable fee leaves it standing rather than making every fee rule of the worker unjudged
    "worker": {"unpaid_wage_periods": ("wages", ("paid_on", "due_on", "period_end"))},
}


def case_files(data: Dataset) -> Iterator[CaseFile]:
    """One case file per accepted worker, in the order of the workers sheet."""
    by_worker: dict[str, dict[str, list[models.Record]]] = {w: {} for w in data.workers}
    for sheet in ("contracts", "fees", "documents", "complaints", "wage_payments", "events"):
        for rec in getattr(data, sheet):
            by_worker[rec.worker_id].setdefault(sheet, []).append(rec)  # type: ignore[attr-defined]
    for wid, worker in data.workers.items():
        agency = data.agencies.get(worker.agency_id) if worker.agency_id else None
        parent = None
        if agency is not None and agency.parent_agency_id and agency.parent_agency_id != agency.agency_id:
            parent = data.agencies.get(agency.parent_agency_id)
        employer = data.employers.get(worker.employer_id) if worker.employer_id else None
        linked = by_worker[wid]
        collectors = {f.agency_id for f in linked.get("fees", ()) if getattr(f, "agency_id", None)}
        parents = {a: p for a in collectors if (rec := data.agencies.get(a)) and (p := rec.parent_agency_id)}
        yield CaseFile(worker, agency, parent, employer,
                       tuple(linked.get("contracts", ())), tuple(linked.get("fees", ())),  # type: ignore[arg-type]
                       tuple(linked.get("documents", ())), tuple(linked.get("complaints", ())),  # type: ignore[arg-type]
                       tuple(linked.get("wage_payments", ())), tuple(linked.get("events", ())),  # type: ignore[arg-type]
                       parents)


def fact_candidates(sources: list[FactSource]) -> dict[int, dict[str, tuple[Any, ...]]]:
    """Per fact row: the unknown fields that can only be one of a few codes, as engine values."""
    out: dict[int, dict[str, tuple[Any, ...]]] = {}
    for i, s in enumerate(sources):
        for name, codes in s.record.maybe:
            if name in s.unknown and (spec := SCHEMA[s.kind].get(name)) is not None:
                out.setdefault(i, {})[name] = tuple(_engine_value(c, spec.type) for c in codes)
    return out


def _fact(source: FactSource, row: int, wref: str) -> dict[str, Any]:
    fact: dict[str, Any] = {"kind": source.kind, "wref": wref, "row": row}
    for name, spec in SCHEMA[source.kind].items():
        value = source.display(name)
        if value is not None:
            fact[name] = _engine_value(value, spec.type)
    return fact


def _engine_value(value: Any, type: FieldType) -> Any:
    """One representation per type, because durable compares 1 and 1.0, or '1' and 1, unlike Python."""
    if type is FieldType.DATE:
        return float(value.toordinal())
    if type is FieldType.NUMBER:
        return float(value)
    if type is FieldType.YESNO:
        return "yes" if value is True or value == "yes" else "no"
    if isinstance(value, tuple):
        value = ", ".join(value)
    if type is FieldType.TEXT:
        return " ".join(str(value).split()).casefold()
    return str(value)


__all__ = ["QUIET_INPUTS", "CaseFile", "FactSource", "case_files", "fact_candidates", "unknown_fields",
           "worker_borne"]
