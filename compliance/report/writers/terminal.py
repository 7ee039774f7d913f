"""The readable terminal summary (rich): headline numbers, findings by rule, then the findings themselves."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from compliance.i18n import Catalog
from compliance.report.model import Finding, Report
from compliance.report.writers.common import evidence_text, money_text
from compliance.rules.ruleset import Outcome

_STYLE = {"critical": "bold red", "high": "red", "medium": "yellow", "low": "cyan"}
_ORDER = [Outcome.VIOLATION, Outcome.WARNING, Outcome.INSUFFICIENT_EVIDENCE, Outcome.REMEDIATED]


def print_summary(report: Report, console: Console, catalog: Catalog, max_findings: int = 40) -> None:
    c, s, run = catalog, report.summary, report.run
    console.print(c.t("term.header", file=run.input_file, ruleset=run.ruleset.name, version=run.ruleset.version,
                      as_of=run.ruleset.as_of.isoformat()), markup=False)
    if run.ruleset.not_in_force:
        console.print(c.t("term.not_in_force", rules=", ".join(
            f"{r.rule_id} ({r.applies_from.isoformat()})" for r in run.ruleset.not_in_force)), markup=False)
    read = sum(n.read for n in report.input_counts.values())
    rejected = sum(n.rejected for n in report.input_counts.values())
    console.print(c.t("term.rows", read=read, evaluated=read - rejected, rejected=rejected,
                      problems=len(report.input_problems), workers=s.workers_checked, affected=s.workers_affected),
                  markup=False)
    fo = s.findings_by_outcome
    console.print(c.t("term.findings", violations=fo["violation"], warnings=fo["warning"],
                      insufficient=fo["insufficient_evidence"], remediated=fo["remediated"]), markup=False)
    if s.to_reimburse:
        console.print(c.t("term.owed", amounts=money_text(s.to_reimburse)), markup=False)
    _readings(report, console, c)
    if report.findings:
        console.print(_by_rule(report, c))
        _list(report.findings, console, c, max_findings)
    if report.input_problems:
        console.print()
        console.print(c.t("term.problems", count=len(report.input_problems)), markup=False)
        for p in report.input_problems[:max_findings]:
            where = c.t("term.row_ref", sheet=p.sheet, row=p.row) if p.row else p.sheet
            column = f", {p.column}" if p.column else ""
            console.print(f"  {where}{column}: {p.message} [{c.t('action.' + p.action.value)}]", markup=False)
        if len(report.input_problems) > max_findings:
            console.print(c.t("term.more_problems", count=len(report.input_problems) - max_findings), markup=False)


def _readings(report: Report, console: Console, c: Catalog) -> None:
    """One line on how the input was read when anything was interpreted, then the notices: the details are in
    the report's interpretations."""
    r = report.interpretations
    columns = [x for x in r.columns if x.header is not None]
    by_name = sum(1 for x in columns if x.how not in ("exact", "mapping"))
    cells = sum(x.interpreted for x in columns)
    refused = sum(x.refused for x in columns)
    moved = [x for x in r.sheets if x.sheet is not None and (x.header_rows not in ([], [1]) or x.how != "exact")]
    if by_name or cells or refused or moved or r.notices:
        console.print(c.t("term.readings", columns=by_name, sheets=len(moved), cells=cells, refused=refused),
                      markup=False)
    for notice in r.notices:
        console.print(f"  {notice}", markup=False, highlight=False)


def _by_rule(report: Report, c: Catalog) -> Table:
    table = Table(title=c.t("term.by_rule"), title_justify="left")
    for key in ("rule", "severity", "violations", "warnings", "insufficient", "remediated"):
        table.add_column(c.t(f"term.col.{key}"), no_wrap=True)
    table.add_column(c.t("term.col.title"))
    for rule_id, counts in report.summary.findings_by_rule.items():
        if not counts:
            continue
        f = next(x for x in report.findings if x.rule_id == rule_id)
        table.add_row(rule_id, f"[{_STYLE[f.severity.value]}]{c.severity(f.severity)}[/]",
                      *(str(counts.get(o.value, 0)) for o in _ORDER), f.rule_title)
    return table


def _list(findings: list[Finding], console: Console, c: Catalog, limit: int) -> None:
    ranked = sorted(findings, key=lambda f: (_ORDER.index(f.outcome), -f.severity.rank, f.finding_id))
    console.print()
    for f in ranked[:limit]:
        label = c.outcome(f.outcome).upper() if f.outcome is Outcome.VIOLATION else c.outcome(f.outcome)
        console.print(f"[{_STYLE[f.severity.value]}]{label}[/] {f.rule_id} ({c.severity(f.severity)}) "
                      f"{f.worker_id}: ", end="")
        console.print(f"{f.message}  [{c.t('term.evidence', rows=evidence_text(f.evidence, c))}]", markup=False,
                      highlight=False)
    if len(ranked) > limit:
        console.print(c.t("term.more_findings", count=len(ranked) - limit), markup=False)
