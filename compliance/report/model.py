"""The Report: a pydantic model with a stable JSON shape (published as schema/report.schema.json).

Findings carry the rule, the worker and agency, a message with the record values filled in, the evidence
(sheet and row of every record used), the sources, the remedy and, where money is owed, the amount.
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date, datetime
from functools import cache
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from compliance import __version__, models
from compliance.evaluate.casefile import QUIET_INPUTS, FactSource
from compliance.evaluate.engine import Match
from compliance.evaluate.facts import SCHEMA
from compliance.evaluate.unknowns import Cell, Judged
from compliance.i18n import Catalog
from compliance.input.problems import InputProblem
from compliance.input.readings import Readings
from compliance.input.sheets import SHEETS, Kind
from compliance.input.validate import SheetCounts
from compliance.rules.conditions import AnyOf
from compliance.rules.ruleset import Clause, Outcome, Rule, Ruleset, Severity

SCHEMA_VERSION = "1.0"
FINDING_OUTCOMES = (Outcome.VIOLATION, Outcome.WARNING, Outcome.INSUFFICIENT_EVIDENCE, Outcome.REMEDIATED)


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True)


class Evidence(_Model):
    sheet: str
    row: int
    source_sheet: str | None = Field(
        None, description="The sheet's name in the file (for a CSV folder, the file's), when it is not the "
                          "contract's sheet name; `row` is that sheet's row.")
    record_id: str | None = Field(
        None, description="The row's own id (fee_id, contract_id, document_number...), if it has one.")


class Money(_Model):
    amount: float
    currency: str
    record: Evidence = Field(description="The record the amount is owed on.")
    field: str | None = Field(None, description="The field of the record the amount comes from; totals count "
                                                "each record's field once, however many rules cite it.")


class UnreadCell(_Model):
    sheet: str
    row: int
    column: str
    value: str | None = Field(None, description="The text as written; null when the column is not in the sheet.")
    derived: bool = Field(False, description="The column is computed (see the fact schema) from other rows of the "
                                             "worker, one of which could not be read.")


class Finding(_Model):
    finding_id: str
    rule_id: str
    rule_title: str
    outcome: Outcome
    severity: Severity
    worker_id: str
    agency_id: str | None
    employer_id: str | None
    message: str
    evidence: list[Evidence]
    sources: list[str]
    remedy: str
    caveat: str | None = None
    to_reimburse: Money | None = None
    clause: str = Field(description="Which outcome clause of the rule fired, as '<rule id>#<n>'.")
    also_rules: list[str] = Field(
        default_factory=list, description="For a finding that could not be judged: the other rules the same "
                                          "unreadable cells keep from being judged (their verdict is insufficient "
                                          "evidence too).")
    unreadable: list[UnreadCell] = Field(
        default_factory=list, description="For a finding that could not be judged: the cells that could not be "
                                          "read (or the columns not in the sheet) it depends on.")


class RuleNotInForce(_Model):
    rule_id: str
    applies_from: date = Field(description="The first day the rule's parameters have a value (its instrument's).")


class RulesetInfo(_Model):
    name: str
    version: str
    title: str
    as_of: date
    not_in_force: list[RuleNotInForce] = Field(
        default_factory=list, description="Rules not applied on as_of: their instrument was not yet in force.")


class RunInfo(_Model):
    tool: str = "fairrecruit"
    tool_version: str = __version__
    schema_version: str = SCHEMA_VERSION
    input_file: str
    input_format: str
    input_sha256: str
    mapping_file: str | None = Field(None, description="The mapping file applied (--map), if any.")
    ruleset: RulesetInfo
    generated_at: datetime
    fail_on: Severity
    lang: str = Field("en", description="Language of every text in the report.")
    redacted: bool = Field(False, description="Worker names were replaced by pseudonyms.")


class AgencySummary(_Model):
    agency_id: str
    name: str | None = None
    workers: int = Field(description="Workers the agency recruited.")
    workers_with_violations: int
    share_with_violations: float = Field(description="workers_with_violations / workers (0 when no workers).")
    violations: int
    fees_charged_to_workers: dict[str, float] = Field(
        description="Amounts workers bore for fees the agency collected, per currency, refunds included.")
    to_reimburse: dict[str, float]
    risk_grade: str = Field(description="A (no open violation) to E (a critical one): the worst open violation.")
    risk_rule: str | None = Field(None, description="The rule of the finding that set the grade.")


class WorkerSummary(_Model):
    worker_id: str
    name: str | None
    agency_id: str | None
    employer_id: str | None
    findings: int = Field(description="Findings of any outcome.")
    violations: int = Field(description="Open violations.")
    highest_severity: Severity | None = Field(None, description="Of the open violations.")
    paid: dict[str, float] = Field(description="Fees and costs the worker bore, per currency.")
    to_reimburse: dict[str, float]


class Summary(_Model):
    workers_checked: int
    workers_affected: int = Field(description="Workers with at least one open violation.")
    findings_by_outcome: dict[str, int]
    violations_by_severity: dict[str, int]
    findings_by_rule: dict[str, dict[str, int]]
    verdicts_by_rule: dict[str, dict[str, int]] = Field(
        description="For each rule, how many workers got each verdict (the worst outcome among its clauses; "
                    "compliant when none fired).")
    to_reimburse: dict[str, float] = Field(description="Open amounts owed to workers, per currency.")
    worker_paid_by_category: dict[str, dict[str, float]] = Field(
        description="Fees and costs workers bore, by fee category, per currency.")
    by_agency: list[AgencySummary]


class EngineFallback(_Model):
    """A worker the rule engine could not evaluate exactly: evaluated by the reference evaluator instead, or by
    neither (an engine error: the worker has no findings and no verdicts, and is not compliant)."""

    worker_id: str
    evaluated_by: Literal["reference"] | None = Field(
        description="'reference': the findings of the worker are the reference evaluator's; null: the worker "
                    "could not be evaluated at all (an engine error).")
    reason: str = Field(description="Why, in one line.")

    @property
    def note(self) -> str:
        """The line to show a reader, naming the worker."""
        if self.evaluated_by == "reference":
            return f"{self.worker_id}: evaluated by the reference evaluator: {self.reason}"
        return f"{self.worker_id}: engine error, not evaluated: {self.reason}"


class Report(_Model):
    run: RunInfo
    input_counts: dict[str, SheetCounts]
    input_problems: list[InputProblem]
    findings: list[Finding]
    summary: Summary
    workers: list[WorkerSummary] = Field(description="One row per worker checked, in input order.")
    interpretations: Readings = Field(
        default_factory=Readings, description="How the input was read: sheets and header rows, column and value "
                                              "mappings, number and date conventions, with counts of cells read "
                                              "as written, interpreted and refused.")
    engine_fallbacks: list[EngineFallback] = Field(
        default_factory=list, description="Workers the rule engine could not evaluate: evaluated by the reference "
                                          "evaluator instead, or not at all (an engine error). Empty in a run "
                                          "where the engine evaluated every worker.")

    def unevaluated(self) -> list[str]:
        """Workers neither evaluator could evaluate (engine errors): their absence of findings proves nothing."""
        return [f.worker_id for f in self.engine_fallbacks if f.evaluated_by is None]

    def open_violations(self, at_least: Severity = Severity.LOW) -> list[Finding]:
        return [f for f in self.findings
                if f.outcome is Outcome.VIOLATION and f.severity.rank >= at_least.rank]


# ---- building findings from engine matches ----

_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
_ONE_UNIT = re.compile(r"(?<![\d.,])(1) (day|month|year|hour|week|period|time)s\b")
_ID_FIELDS = {"workers": "worker_id", "agencies": "agency_id", "employers": "employer_id",
              "contracts": "contract_id", "fees": "fee_id", "complaints": "complaint_id",
              "documents": "document_number"}


def render(value: Any) -> str:
    if value is None:
        return "(blank)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:,.0f}" if value.is_integer() else f"{value:,.2f}"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return ", ".join(value)
    return str(value)


def evidence_of(source: FactSource) -> Evidence:
    field = _ID_FIELDS.get(source.sheet)
    rid = getattr(source.record, field) if field else None
    if rid == f"row {source.record.row}":  # a sheet without its own id column names each record by its row
        rid = None
    return Evidence(sheet=source.sheet, row=source.record.row, record_id=rid)


def case_findings(
    ruleset: Ruleset, matches: list[Match], sources: list[FactSource], judged: Judged | None = None
) -> tuple[list[dict[str, Any]], dict[str, Outcome]]:
    """Findings (as dicts, ids assigned later) and each rule's verdict for one worker.

    With `judged` (matches re-judged for unreadable cells), only its definite matches become findings as they are;
    the doubtful and possible ones become insufficient-evidence findings naming the cells."""
    if judged is not None:
        matches = judged.definite
    clauses = {c.key: c for c in ruleset.clauses}
    grouped: dict[tuple[str, ...], list[Match]] = defaultdict(list)
    for m in sorted(matches):
        clause = clauses[m[0]]
        key = (m[0],) if clause.per == "worker" else (m[0], *(str(r) for _, r in m[1]))
        grouped[key].append(m)
    verdict: dict[str, Outcome] = {}
    out = []
    for group in grouped.values():
        clause = clauses[group[0][0]]
        rule = ruleset.rule(clause.rule_id)
        if verdict.get(rule.id) is None or clause.outcome.rank > verdict[rule.id].rank:
            verdict[rule.id] = clause.outcome
        if clause.outcome in FINDING_OUTCOMES:
            out.append(_finding(rule, clause, group, sources, ruleset.lang))
    if judged is not None and (judged.doubtful or judged.possible):
        out.extend(unjudged_findings(ruleset, judged, sources, out, verdict))
    return out, verdict


def unjudged_findings(ruleset: Ruleset, judged: Judged, sources: list[FactSource], found: list[dict[str, Any]],
                      verdict: dict[str, Outcome]) -> list[dict[str, Any]]:
    """Insufficient-evidence findings for the matches whose judgement hangs on unreadable cells.

    One per set of records holding the cells, under the gravest rule it could be, naming the other rules the cells
    block, so that one unreadable fee category does not become ten findings (each rule's verdict is still
    insufficient evidence). A set of matches is not reported where each of its clauses already has a definite
    finding on the same records; another clause of the rule does not hide it (a definite warning does not hide a
    violation that hangs on an unreadable cell, nor a wrong employer a wrong place of work)."""
    clauses = {c.key: c for c in ruleset.clauses}
    done = {(f["clause"], tuple((e.sheet, e.row) for e in f["evidence"])) for f in found}
    by_rule: dict[tuple[str, tuple[int, ...]], list[tuple[Match, tuple[Cell, ...]]]] = defaultdict(list)
    for m, cells in [*judged.doubtful, *judged.possible]:
        by_rule[(clauses[m[0]].rule_id, tuple(sorted({r for r, _ in cells})))].append((m, cells))
    merged: dict[tuple[int, ...], list[list[tuple[Match, tuple[Cell, ...]]]]] = defaultdict(list)
    for (rule_id, held), items in by_rule.items():
        rows = _rows(items)
        where = tuple((sources[r].sheet, sources[r].record.row) for r in rows)
        if all((m[0], where) in done for m, _ in items):
            continue
        if Outcome.INSUFFICIENT_EVIDENCE.rank > verdict.get(rule_id, Outcome.COMPLIANT).rank:
            verdict[rule_id] = Outcome.INSUFFICIENT_EVIDENCE
        merged[held].append(items)
    return [_unjudged(ruleset, clauses, groups, sources) for groups in merged.values()]


def _rows(items: list[tuple[Match, tuple[Cell, ...]]]) -> tuple[int, ...]:
    return tuple(sorted({r for m, cs in items for r in [*(r for _, r in m[1]), *(r for r, _ in cs)]}))


def _unjudged(ruleset: Ruleset, clauses: dict[str, Clause], groups: list[list[tuple[Match, tuple[Cell, ...]]]],
              sources: list[FactSource]) -> dict[str, Any]:
    cat = _catalog(ruleset.lang)
    items = [i for g in groups for i in g]
    # The gravest clause it could be sets the rule, the message and the severity shown.
    m, _ = max(items, key=lambda i: gravity(clauses[i[0][0]]))
    clause = clauses[m[0]]
    rule = ruleset.rule(clause.rule_id)
    cells = sorted({c for _, cs in items for c in cs})
    unread = list(dict.fromkeys(_unread_cell(sources[r], f) for r, f in cells))
    would = _message(clause, rule.text.messages[clause.key], bound={a: sources[r] for a, r in m[1]},
                     lang=ruleset.lang, params=rule.params)
    described = "; ".join(_describe(c, cat) for c in unread)
    message = (cat.t("finding.unjudged_plain", cells=described, message=would)
               if clause.outcome is Outcome.INSUFFICIENT_EVIDENCE else
               cat.t("finding.unjudged", cells=described, outcome=cat.outcome(clause.outcome), message=would))
    others = sorted({clauses[i[0][0]].rule_id for i in items} - {rule.id})
    if others:
        message += " " + cat.t("finding.unjudged_also", rules=", ".join(others))
    worker = sources[0].record
    assert isinstance(worker, models.Worker)
    return finding_fields(rule, clause, Outcome.INSUFFICIENT_EVIDENCE, worker, message,
                          [evidence_of(sources[r]) for r in _rows(items)], unreadable=unread, also_rules=others)


def _unread_cell(src: FactSource, field: str) -> UnreadCell:
    """The cell behind an unknown field; for a derived field, its first unreadable input of the same record, or,
    when it is computed from the worker's other rows (the contract wage of a pay period), the field itself."""
    written = dict(src.record.unread)
    derived = False
    if field not in written:
        spec = SCHEMA[src.kind].get(field)
        inputs = [i for i in (*(spec.inputs if spec else ()), *QUIET_INPUTS.get((src.kind, field), ()))
                  if "." not in i and i in written]
        derived = not inputs
        field = inputs[0] if inputs else field
    value = written.get(field)
    return UnreadCell(sheet=src.sheet, row=src.record.row, column=field, value=value or None, derived=derived)


def _describe(cell: UnreadCell, cat: Catalog) -> str:
    if cell.derived:
        return cat.t("finding.unread_derived", sheet=cell.sheet, row=cell.row, column=cell.column)
    if cell.value is None:
        return cat.t("finding.unread_column", sheet=cell.sheet, column=cell.column)
    return cat.t("finding.unread_cell", sheet=cell.sheet, row=cell.row, column=cell.column, value=cell.value)


def _finding(rule: Rule, clause: Clause, group: list[Match], sources: list[FactSource], lang: str) -> dict[str, Any]:
    bound = {alias: sources[row] for alias, row in group[0][1]}
    rows = sorted({row for m in group for _, row in m[1]})
    worker = bound["worker"].record
    money = None
    if clause.reimburse is not None:
        src = bound[clause.reimburse.alias]
        amount = src.display(clause.reimburse.field)
        if amount:
            money = Money(amount=round(float(amount), 2), currency=str(src.display("currency") or "(unknown)"),
                          record=evidence_of(src), field=clause.reimburse.field)
    message = _message(clause, rule.text.messages[clause.key], bound, lang, rule.params)
    assert isinstance(worker, models.Worker)
    return finding_fields(rule, clause, clause.outcome, worker, message, [evidence_of(sources[r]) for r in rows],
                          to_reimburse=money)


def finding_fields(rule: Rule, clause: Clause, outcome: Outcome, worker: models.Worker, message: str,
                   evidence: list[Evidence], **more: Any) -> dict[str, Any]:
    """A finding's fields (its id is given later): what every kind of finding says of its rule and worker."""
    return {"rule_id": rule.id, "rule_title": rule.text.title, "outcome": outcome, "severity": clause.severity,
            "worker_id": worker.worker_id, "agency_id": worker.agency_id, "employer_id": worker.employer_id,
            "message": message, "evidence": evidence, "sources": list(rule.text.sources), "remedy": rule.text.remedy,
            "caveat": rule.text.caveat, "to_reimburse": None, "clause": clause.key, **more}


def gravity(clause: Clause) -> tuple[int, int, list[int]]:
    """Which of several clauses a finding is reported under: the gravest outcome, then severity, then key order."""
    return clause.outcome.rank, clause.severity.rank, [-ord(ch) for ch in clause.key]


# Choice cells (fee categories, holders, payers...) are codes; messages show them in the reader's language.
_CHOICE_COLUMNS = {s.name: {c.name for c in s.columns if c.kind is Kind.CHOICE} for s in SHEETS}


@cache
def _catalog(lang: str) -> Catalog:
    return Catalog(lang)


def _message(clause: Clause, template: str, bound: dict[str, FactSource], lang: str,
             params: dict[str, Any] | None = None) -> str:
    def fill(m: re.Match[str]) -> str:
        name = m.group(1)
        if name == "blank_fields":
            return ", ".join(_blank_fields(clause, bound)) or "(none)"
        if name.startswith("$"):  # a parameter of the rule, as in force on the evaluation date
            return render((params or {}).get(name[1:]))
        alias, field = name.split(".", 1)
        src = bound[alias]
        value = src.display(field)
        if value is None and field in src.unknown:  # unreadable, not blank: show what was written
            if codes := dict(src.record.maybe).get(field):  # 'LICENSED EA' (recruiter or employer_agent)
                return f"'{dict(src.record.unread).get(field)}' (" + " or ".join(
                    _catalog(lang).value(c, src.sheet, field) for c in codes) + ")"
            written = dict(src.record.unread).get(field)
            return f"'{written}'?" if written else "?"
        if value is not None and (isinstance(value, bool) or field in _CHOICE_COLUMNS.get(src.sheet, ())):
            return _catalog(lang).value(value, src.sheet, field)
        return render(value)

    text = _PLACEHOLDER.sub(fill, template)
    # "1 days" reads "1 day" (the English templates are written for the plural)
    return _ONE_UNIT.sub(r"\1 \2", text) if lang == "en" else text


def _blank_fields(clause: Clause, bound: dict[str, FactSource]) -> list[str]:
    """Fields the clause tests with `is blank` (directly or in an `any`) that are blank in the match."""
    names: list[str] = []
    for p in clause.patterns:
        if p.negated:
            continue
        for c in p.conditions:
            for t in c.tests if isinstance(c, AnyOf) else (c,):
                if t.op == "is blank" and bound[p.alias].display(t.left.field) is None:
                    names.extend(_blank_inputs(bound[p.alias], t.left.field, bound))
    return list(dict.fromkeys(names))


def _blank_inputs(src: FactSource, field: str, bound: dict[str, FactSource]) -> list[str]:
    """A derived field is blank because some input is: name the cells the user can fill in."""
    spec = SCHEMA[src.kind][field]
    if not spec.derived:
        return [f"{field} ({src.sheet})"]
    out = []
    for name in spec.inputs:
        owner, col = (bound["worker"], name.split(".", 1)[1]) if name.startswith("worker.") else (src, name)
        if owner.display(col) is None:
            out.append(f"{col} ({owner.sheet})")
    return out
