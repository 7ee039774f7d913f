"""The whole job, in the one direction data flows: read -> validate -> case files -> evaluate -> report."""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from compliance import models
from compliance.evaluate import reference, unknowns
from compliance.evaluate.casefile import CaseFile, case_files, fact_candidates, worker_borne
from compliance.evaluate.engine import Engine, EngineError, Fact, Match
from compliance.evaluate.unread_sheets import unread_sheet_findings
from compliance.input.mapping import load_mapping
from compliance.input.validate import Dataset, validate
from compliance.input.workbook import read_workbook
from compliance.report.model import (
    AgencySummary,
    EngineFallback,
    Finding,
    Report,
    RuleNotInForce,
    RulesetInfo,
    RunInfo,
    Summary,
    WorkerSummary,
    case_findings,
)
from compliance.report.output import shown
from compliance.rules.ruleset import Clause, Outcome, Ruleset, Severity, load_ruleset


@dataclass
class Timings:
    read_s: float = 0.0
    validate_s: float = 0.0
    evaluate_s: float = 0.0
    rows: int = 0
    workers: int = 0


def check(path: Path, ruleset: Ruleset | None = None, *, as_of: date | None = None,
          fail_on: Severity = Severity.LOW, evaluator: str = "engine", mapping: Path | None = None,
          timings: Timings | None = None, progress: Callable[[int, int, int], None] | None = None) -> Report:
    """Check one workbook (or folder of CSV files) and return the report.

    `evaluator` is "engine" (durable-rules, the default) or "reference" (the pure-Python evaluator, for
    comparison); both give the same findings, which the tests prove.
    """
    t = timings or Timings()
    rs = ruleset or load_ruleset(as_of=as_of)
    start = time.perf_counter()
    book = read_workbook(path, load_mapping(mapping) if mapping is not None else None)
    t.read_s = time.perf_counter() - start
    start = time.perf_counter()
    data = validate(book)
    t.validate_s = time.perf_counter() - start
    t.rows = sum(c.read for c in data.counts.values())
    start = time.perf_counter()
    rows = t.rows
    done = evaluate_all(data, rs, evaluator=evaluator,
                        progress=(lambda n: progress(n, len(data.workers), rows)) if progress else None)
    t.evaluate_s = time.perf_counter() - start
    t.workers = len(data.workers)
    run = RunInfo(
        input_file=shown(path.name), input_format=book.format, input_sha256=book.sha256,
        mapping_file=shown(mapping.name) if mapping is not None else None,
        ruleset=RulesetInfo(name=rs.name, version=rs.version, title=rs.title, as_of=rs.as_of,
                            not_in_force=[RuleNotInForce(rule_id=r, applies_from=d) for r, d in rs.not_in_force]),
        generated_at=datetime.now(UTC).replace(microsecond=0), fail_on=fail_on, lang=rs.lang,
    )
    return Report(run=run, input_counts=data.counts, input_problems=data.problems, findings=done.findings,
                  summary=summarise(data, rs, done.findings, done.verdicts),
                  workers=worker_rows(data, done.findings), interpretations=data.readings,
                  engine_fallbacks=done.fallbacks)


@dataclass
class Evaluation:
    findings: list[Finding]
    verdicts: list[dict[str, Outcome]]  # one per evaluated worker (none for a worker not evaluated)
    fallbacks: list[EngineFallback]


def evaluate(data: Dataset, rs: Ruleset, *, evaluator: str = "engine",
             progress: Callable[[int], None] | None = None) -> tuple[list[Finding], list[dict[str, Outcome]]]:
    """Findings and verdicts only, for callers that compare evaluators (the fallbacks are in evaluate_all)."""
    done = evaluate_all(data, rs, evaluator=evaluator, progress=progress)
    return done.findings, done.verdicts


def evaluate_all(data: Dataset, rs: Ruleset, *, evaluator: str = "engine",
                 progress: Callable[[int], None] | None = None) -> Evaluation:
    """Every worker's case file, one at a time. A case the engine cannot evaluate costs that case only: it is
    evaluated by the reference evaluator and listed in `fallbacks`, or, if that fails too, listed as not evaluated."""
    engine = Engine(rs) if evaluator == "engine" else None
    raw: list[dict[str, Any]] = []
    verdicts: list[dict[str, Outcome]] = []
    fallbacks: list[EngineFallback] = []
    for n, case in enumerate(case_files(data), 1):
        found, verdict, fallback = evaluate_case(case, rs, engine, data.unknown_sheets)
        raw.extend(found)
        if verdict is not None:
            verdicts.append(verdict)
        if fallback is not None:
            fallbacks.append(fallback)
        if progress is not None:
            progress(n)
    if data.source_names:  # cite the file's own sheet names beside the contract's
        for f in raw:
            f["evidence"] = [e.model_copy(update={"source_sheet": data.source_names[e.sheet]})
                             if e.sheet in data.source_names else e for e in f["evidence"]]
    findings = [Finding(finding_id=f"F{i:05d}", **f) for i, f in enumerate(raw, 1)]
    return Evaluation(findings, verdicts, fallbacks)


def evaluate_case(
    case: CaseFile, rs: Ruleset, engine: Engine | None, unknown_sheets: dict[str, list[str]] | None = None
) -> tuple[list[dict[str, Any]], dict[str, Outcome] | None, EngineFallback | None]:
    """One worker's findings and verdicts (None when it could not be evaluated), and how the engine fell back, if
    it did: a pure function of the case file, the ruleset and the date."""
    facts, sources = case.facts(rs.as_of)
    matches, fallback = case_matches(case.worker.worker_id, rs.clauses, facts, engine)
    if matches is None:
        return [], None, fallback
    unknown = {i: s.unknown for i, s in enumerate(sources) if s.unknown}
    judged = unknowns.judge(rs.clauses, facts, unknown, matches, fact_candidates(sources)) if unknown else None
    found, verdict = case_findings(rs, matches, sources, judged)
    if unknown_sheets:
        found.extend(unread_sheet_findings(rs, sources, verdict, unknown_sheets))
    return found, verdict, fallback


# The reference evaluator's work grows with the product of the records a clause combines (two wage rows of one
# worker, a contract and the contracts it is compared with): 2,000 contracts of one worker, 1.2e7 combinations for
# the largest clause, take 36 s. A case past this bound is not evaluated rather than left to run for hours.
REFERENCE_MAX_COMBINATIONS = 20_000_000
_MAX_REASON = 300


class CaseTooBig(Exception):
    """A case past REFERENCE_MAX_COMBINATIONS."""


def case_matches(worker_id: str, clauses: list[Clause], facts: list[Fact],
                 engine: Engine | None) -> tuple[list[Match] | None, EngineFallback | None]:
    """The engine's matches; when the engine fails on the case (EngineError or anything durable raises), the
    reference evaluator's, with the reason; when that fails too, None with the reasons."""
    why = None
    if engine is not None:
        try:
            return engine.evaluate(facts), None
        except Exception as e:  # this case only: the engine rebuilt what failed and takes the next case
            why = _reason(e)
    try:
        _check_reference_size(clauses, facts)
        matches = reference.evaluate(clauses, facts)
    except Exception as e:
        failed = f"the reference evaluator failed: {_reason(e)}"
        return None, EngineFallback(worker_id=worker_id, evaluated_by=None,
                                    reason=f"{why}; {failed}" if why else failed)
    return matches, EngineFallback(worker_id=worker_id, evaluated_by="reference", reason=why) if why else None


def _check_reference_size(clauses: list[Clause], facts: list[Fact]) -> None:
    if len(facts) < 1_000:  # far below the bound whatever the clauses: skip the count
        return
    count: dict[str, int] = defaultdict(int)
    for f in facts:
        count[f["kind"]] += 1
    for c in clauses:
        work = 1
        for p in c.patterns:
            if not p.negated:
                work *= count[p.kind]
        work *= 1 + sum(count[p.kind] for p in c.patterns if p.negated)
        if work > REFERENCE_MAX_COMBINATIONS:
            raise CaseTooBig(f"the case is too big: clause {c.key} would combine {work:,} sets of records "
                             f"(at most {REFERENCE_MAX_COMBINATIONS:,})")


def _reason(e: BaseException) -> str:
    """One line, bounded: durable's messages can carry the whole case as JSON."""
    text = str(e) if isinstance(e, EngineError | CaseTooBig) else f"{type(e).__name__}: {e}"
    text = " ".join(text.split())
    return text if len(text) <= _MAX_REASON else text[:_MAX_REASON - 1] + "…"


def summarise(data: Dataset, rs: Ruleset, findings: list[Finding], verdicts: Iterable[dict[str, Outcome]]) -> Summary:
    by_outcome: dict[str, int] = {o.value: 0 for o in Outcome if o not in (Outcome.COMPLIANT, Outcome.NOT_APPLICABLE)}
    by_severity = {s.value: 0 for s in Severity}
    by_rule: dict[str, dict[str, int]] = {r.id: {} for r in rs.rules}
    for f in findings:
        by_outcome[f.outcome.value] += 1
        by_rule[f.rule_id][f.outcome.value] = by_rule[f.rule_id].get(f.outcome.value, 0) + 1
        if f.outcome is Outcome.VIOLATION:
            by_severity[f.severity.value] += 1
    verdict_counts: dict[str, dict[str, int]] = {r.id: {o.value: 0 for o in Outcome} for r in rs.rules}
    for v in verdicts:
        for r in rs.rules:
            verdict_counts[r.id][v.get(r.id, Outcome.COMPLIANT).value] += 1
    affected = {f.worker_id for f in findings if f.outcome is Outcome.VIOLATION}
    return Summary(
        workers_checked=len(data.workers), workers_affected=len(affected), findings_by_outcome=by_outcome,
        violations_by_severity=by_severity, findings_by_rule=by_rule, verdicts_by_rule=verdict_counts,
        to_reimburse=_owed(findings), worker_paid_by_category=_paid_by_category(data),
        by_agency=_by_agency(data, findings),
    )


def _money(pairs: Iterable[tuple[str | None, float | None]]) -> dict[str, float]:
    totals: dict[str, float] = defaultdict(float)
    for currency, amount in pairs:
        if amount:
            totals[currency or "(unknown)"] += amount
    return {c: round(a, 2) for c, a in sorted(totals.items())}


def _worker_paid(fees: Iterable[models.Fee]) -> list[models.Fee]:
    return [f for f in fees if worker_borne(f) == "yes" and f.amount]


def worker_rows(data: Dataset, findings: list[Finding]) -> list[WorkerSummary]:
    by_worker: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        by_worker[f.worker_id].append(f)
    fees: dict[str, list[models.Fee]] = defaultdict(list)
    for fee in _worker_paid(data.fees):
        fees[fee.worker_id].append(fee)
    rows = []
    for w in data.workers.values():
        own = by_worker[w.worker_id]
        open_ = [f for f in own if f.outcome is Outcome.VIOLATION]
        rows.append(WorkerSummary(
            worker_id=w.worker_id, name=w.name, agency_id=w.agency_id, employer_id=w.employer_id,
            findings=len(own), violations=len(open_),
            highest_severity=max((f.severity for f in open_), key=lambda s: s.rank, default=None),
            paid=_money((f.currency, f.amount) for f in fees[w.worker_id]), to_reimburse=_owed(own)))
    return rows


def _owed(findings: Iterable[Finding]) -> dict[str, float]:
    """Open amounts per currency, each record's amount counted once though several rules may cite it (a fee's
    outstanding amount), while different amounts of one record add up (a wage row's shortfall and its fine)."""
    seen: dict[tuple[str, int, str | None], tuple[str, float]] = {}
    for f in findings:
        if f.outcome is Outcome.VIOLATION and f.to_reimburse is not None:
            m = f.to_reimburse
            seen[(m.record.sheet, m.record.row, m.field)] = (m.currency, m.amount)
    return _money(seen.values())


def _by_agency(data: Dataset, findings: list[Finding]) -> list[AgencySummary]:
    workers: dict[str, set[str]] = defaultdict(set)
    for w in data.workers.values():
        if w.agency_id:
            workers[w.agency_id].add(w.worker_id)
    violations: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        if f.agency_id and f.outcome is Outcome.VIOLATION:
            violations[f.agency_id].append(f)
    charged: dict[str, list[models.Fee]] = defaultdict(list)
    for fee in _worker_paid(data.fees):
        if fee.agency_id:
            charged[fee.agency_id].append(fee)
    out = []
    for a in sorted(set(workers) | set(charged)):
        found = violations[a]
        affected = len({f.worker_id for f in found})
        worst = max(found, key=lambda f: (f.severity.rank, f.rule_id), default=None)
        agency = data.agencies.get(a)
        out.append(AgencySummary(
            agency_id=a, name=agency.name if agency else None, workers=len(workers[a]),
            workers_with_violations=affected,
            share_with_violations=round(affected / len(workers[a]), 4) if workers[a] else 0.0,
            violations=len(found), fees_charged_to_workers=_money((f.currency, f.amount) for f in charged[a]),
            to_reimburse=_owed(found),
            risk_grade=_GRADES[worst.severity] if worst else "A", risk_rule=worst.rule_id if worst else None))
    return out


# The grade an agency gets from its worst open violation: a plain letter a reader can rank agencies by.
_GRADES = {Severity.LOW: "B", Severity.MEDIUM: "C", Severity.HIGH: "D", Severity.CRITICAL: "E"}


def _paid_by_category(data: Dataset) -> dict[str, dict[str, float]]:
    by_cat: dict[str, list[models.Fee]] = defaultdict(list)
    for fee in _worker_paid(data.fees):
        by_cat[fee.category or "(blank)"].append(fee)
    return {c: _money((f.currency, f.amount) for f in fees) for c, fees in sorted(by_cat.items())}
