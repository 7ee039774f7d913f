"""The readable terminal summary (rich): headline numbers, findings by rule, then the findings themselves."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from compliance.report import Finding, Report, render
from compliance.rules import Outcome

_STYLE = {"critical": "bold red", "high": "red", "medium": "yellow", "low": "cyan"}
_LABEL = {Outcome.VIOLATION: "VIOLATION", Outcome.WARNING: "warning",
          Outcome.INSUFFICIENT_EVIDENCE: "insufficient evidence", Outcome.REMEDIATED: "remediated"}


def print_summary(report: Report, console: Console, max_findings: int = 40) -> None:
    s = report.summary
    run = report.run
    console.print(f"[bold]fairrecruit[/bold] {run.input_file} — ruleset {run.ruleset.name} "
                  f"{run.ruleset.version}, as of {run.ruleset.as_of.isoformat()}")
    counts = report.input_counts
    read = sum(c.read for c in counts.values())
    rejected = sum(c.rejected for c in counts.values())
    console.print(f"Rows read {read}, evaluated {read - rejected}, rejected {rejected}; "
                  f"input problems {len(report.input_problems)}. Workers checked {s.workers_checked}, "
                  f"with violations {s.workers_affected}.")
    fo = s.findings_by_outcome
    console.print(f"Findings: [bold red]{_n(fo['violation'], 'violation')}[/bold red], {_n(fo['warning'], 'warning')}, "
                  f"{fo['insufficient_evidence']} insufficient evidence, {fo['remediated']} remediated.")
    if s.to_reimburse:
        owed = ", ".join(f"{render(v)} {c}" for c, v in s.to_reimburse.items())
        console.print(f"Owed to workers (open): [bold]{owed}[/bold]")
    if report.findings:
        console.print(_by_rule(report))
        _list(report.findings, console, max_findings)
    if report.input_problems:
        console.print(f"\n[bold]Input problems[/bold] ({len(report.input_problems)}):")
        for p in report.input_problems[:max_findings]:
            console.print(f"  {p.location()}: {p.message} [{p.action.value}]", markup=False)
        if len(report.input_problems) > max_findings:
            console.print(f"  … {len(report.input_problems) - max_findings} more in the JSON report (-o report.json)")


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


def _by_rule(report: Report) -> Table:
    table = Table(title="Findings by rule", title_justify="left")
    for col in ("rule", "severity", "viol.", "warn.", "insuff.", "remed."):
        table.add_column(col, no_wrap=True)
    table.add_column("title")
    for rule_id, counts in report.summary.findings_by_rule.items():
        if not counts:
            continue
        f = next(x for x in report.findings if x.rule_id == rule_id)
        table.add_row(rule_id, f"[{_STYLE[f.severity.value]}]{f.severity.value}[/]",
                      *(str(counts.get(o, 0)) for o in ("violation", "warning", "insufficient_evidence",
                                                         "remediated")), f.rule_title)
    return table


def _list(findings: list[Finding], console: Console, limit: int) -> None:
    order = [Outcome.VIOLATION, Outcome.WARNING, Outcome.INSUFFICIENT_EVIDENCE, Outcome.REMEDIATED]
    ranked = sorted(findings, key=lambda f: (order.index(f.outcome), -f.severity.rank, f.finding_id))
    console.print()
    for f in ranked[:limit]:
        where = ", ".join(f"{e.sheet} row {e.row}" for e in f.evidence)
        console.print(f"[{_STYLE[f.severity.value]}]{_LABEL[f.outcome]}[/] {f.rule_id} ({f.severity.value}) "
                      f"{f.worker_id}: ", end="")
        console.print(f"{f.message}  [evidence: {where}]", markup=False, highlight=False)
    if len(ranked) > limit:
        console.print(f"… {len(ranked) - limit} more findings in the JSON report (-o report.json)")
