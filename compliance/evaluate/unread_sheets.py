"""Insufficient evidence for the rules that read a sheet the file may hold under a name the checker did not know.

An optional contract sheet that is absent usually means the records are not kept, and its rules have nothing to
check. But when the file has a sheet the checker could not recognise ('SALARY_LIST' beside a missing
wage_payments), the records may be there: a violation they would show must not turn into silence. Each worker
then gets one insufficient-evidence finding per such sheet, under the gravest rule that reads it, naming the
others (their verdicts are insufficient evidence too), until a mapping file says what the sheet is.
"""

from __future__ import annotations

from typing import Any

from compliance import models
from compliance.evaluate.casefile import FactSource
from compliance.evaluate.facts import KIND_SHEET
from compliance.i18n import Catalog
from compliance.report.model import evidence_of, finding_fields, gravity
from compliance.rules.ruleset import Clause, Outcome, Ruleset

_JUDGING = (Outcome.VIOLATION, Outcome.WARNING)


def sheet_rules(ruleset: Ruleset, sheet: str) -> list[Clause]:
    """The clauses that could find a violation or warning from rows of `sheet` (a positive pattern on it)."""
    return [c for c in ruleset.clauses if c.outcome in _JUDGING
            and any(not p.negated and KIND_SHEET.get(p.kind) == sheet for p in c.patterns)]


def unread_sheet_findings(ruleset: Ruleset, sources: list[FactSource], verdict: dict[str, Outcome],
                          unknown: dict[str, list[str]]) -> list[dict[str, Any]]:
    """One finding per contract sheet in `unknown` (sheet -> the file's unrecognised sheets), for the worker of
    `sources`, naming every rule reading that sheet whose verdict is not already at least insufficient evidence;
    those verdicts become insufficient evidence."""
    out: list[dict[str, Any]] = []
    worker = sources[0].record
    assert isinstance(worker, models.Worker)
    claimed: set[str] = set()
    cat = Catalog(ruleset.lang)
    for sheet, names in unknown.items():
        clauses = [c for c in sheet_rules(ruleset, sheet) if c.rule_id not in claimed
                   and verdict.get(c.rule_id, Outcome.COMPLIANT).rank < Outcome.INSUFFICIENT_EVIDENCE.rank]
        if not clauses:
            continue
        gravest = max(clauses, key=gravity)
        rule_ids = sorted({c.rule_id for c in clauses})
        claimed.update(rule_ids)
        for r in rule_ids:
            verdict[r] = Outcome.INSUFFICIENT_EVIDENCE
        rule = ruleset.rule(gravest.rule_id)
        others = [r for r in rule_ids if r != rule.id]
        message = cat.t("finding.unread_sheet", sheet=sheet, names=", ".join(f"'{n}'" for n in names),
                        title=rule.text.title)
        if others:
            message += " " + cat.t("finding.unjudged_also", rules=", ".join(others))
        out.append(finding_fields(rule, gravest, Outcome.INSUFFICIENT_EVIDENCE, worker, message,
                                  [evidence_of(sources[0])], unreadable=[], also_rules=others))
    return out
