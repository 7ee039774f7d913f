"""report.md: a Markdown report to paste into case notes.

Every text taken from the report (names, cell values, headers, file names, and the rule texts, which a --ruleset
folder may supply) is escaped by `_cell`: it can neither break a table (pipes escaped, line breaks joined) nor
become markup (HTML, links, emphasis) where the Markdown is rendered. Only the catalog's own words are written as
they are.
"""

from __future__ import annotations

import re
from pathlib import Path

from compliance.i18n import Catalog
from compliance.report.model import Finding, Report, render
from compliance.report.writers.common import evidence_text, money_text
from compliance.report.writers.interpretations import Table, TableCell, interpretation_tables
from compliance.rules.ruleset import Outcome

_ORDER = [Outcome.VIOLATION, Outcome.WARNING, Outcome.INSUFFICIENT_EVIDENCE, Outcome.REMEDIATED]


def write_markdown(report: Report, path: Path, catalog: Catalog) -> None:
    path.write_text("\n".join(markdown_lines(report, catalog)) + "\n", encoding="utf-8")


# HTML and the characters of entities are written as entities; Markdown punctuation that could start a link,
# code or emphasis is backslash-escaped. An underscore inside a word (placement_fee) is never emphasis: kept.
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_MARKUP = re.compile(r"[\\`*~\[\]|]|(?<![0-9A-Za-z])_|_(?![0-9A-Za-z])")
_LINE_START = re.compile(r"^(\d+)([.)])|^([#+=-])")


def _cell(text: object) -> str:
    """Text from anywhere, safe in a table cell: one line, pipes and markup escaped, so one row stays one row."""
    flat = " ".join(str(text).split())
    flat = "".join(_ENTITIES.get(ch, ch) for ch in flat)
    return _MARKUP.sub(lambda m: "\\" + m.group(0), flat)


def _line(text: object) -> str:
    """Escaped text that also cannot start a heading, a list or a rule at the start of a line or list item."""
    return _LINE_START.sub(lambda m: f"{m.group(1)}\\{m.group(2)}" if m.group(1) else "\\" + m.group(3),
                           _cell(text))


def markdown_lines(report: Report, c: Catalog) -> list[str]:
    run, s = report.run, report.summary
    fo = s.findings_by_outcome
    lines = [
        f"# {c.t('md.title', file=_cell(run.input_file))}", "",
        c.t("md.run", ruleset=_cell(run.ruleset.name), version=_cell(run.ruleset.version),
            as_of=run.ruleset.as_of.isoformat(), generated=run.generated_at.isoformat(),
            sha=_cell(run.input_sha256)), "",
        *([f"{c.t('interpret.mapping_file')}: {_cell(run.mapping_file)}", ""] if run.mapping_file else []),
        f"> {c.t('md.disclaimer')}", "",
        f"## {c.t('md.headline')}", "",
        f"- {c.t('md.workers_checked')}: {s.workers_checked}",
        f"- {c.t('md.workers_affected')}: {s.workers_affected}",
        *(f"- {c.outcome(o)}: {fo[o.value]}" for o in _ORDER),
        f"- {c.t('md.owed')}: {_cell(money_text(s.to_reimburse)) or c.t('md.none')}", "",
        f"## {c.t('md.by_rule')}", "",
        f"| {c.t('field.rule_id')} | {c.t('field.rule_title')} | " + " | ".join(c.outcome(o) for o in _ORDER) + " |",
        "|---|---|" + "---|" * len(_ORDER),
    ]
    titles = {f.rule_id: f.rule_title for f in report.findings}
    for rule_id, counts in s.findings_by_rule.items():
        if counts:
            lines.append(f"| {_cell(rule_id)} | {_cell(titles[rule_id])} | "
                         + " | ".join(str(counts.get(o.value, 0)) for o in _ORDER) + " |")
    lines += ["", f"## {c.t('md.findings')}", ""]
    if not report.findings:
        lines.append(c.t("md.none"))
    else:
        lines += [_findings_header(c), "|---|---|---|---|---|---|---|---|"]
        ranked = sorted(report.findings, key=lambda f: (_ORDER.index(f.outcome), -f.severity.rank, f.finding_id))
        lines += [_finding_row(f, c) for f in ranked]
    lines += ["", f"## {c.t('md.sources_and_remedies')}", ""]
    seen: set[str] = set()
    for f in report.findings:
        if f.rule_id in seen:
            continue
        seen.add(f.rule_id)
        lines += [f"### {_cell(f.rule_id)} — {_cell(f.rule_title)}", "", *(f"- {_line(src)}" for src in f.sources),
                  "", f"**{c.t('field.remedy')}:** {_cell(f.remedy)}", ""]
        if f.caveat:
            lines += [f"**{c.t('field.caveat')}:** {_cell(f.caveat)}", ""]
    lines += [f"## {c.t('md.problems')}", ""]
    if not report.input_problems:
        lines.append(c.t("md.none"))
    else:
        lines += [f"| {c.t('field.sheet')} | {c.t('field.row')} | {c.t('field.column')} | {c.t('field.value')} | "
                  f"{c.t('field.action')} | {c.t('field.problem')} |", "|---|---|---|---|---|---|"]
        lines += [f"| {_cell(p.sheet)} | {p.row or ''} | {_cell(p.column or '')} | {_cell(p.value or '')} | "
                  f"{c.t('action.' + p.action.value)} | {_cell(p.message)} |" for p in report.input_problems]
    return lines + _interpretations(report, c)


def _interpretations(report: Report, c: Catalog) -> list[str]:
    lines = ["", f"## {c.t('interpret.title')}", "", c.t("interpret.intro")]
    for table in interpretation_tables(report.interpretations, c):
        lines += ["", f"### {table.title}", ""]
        lines += _table(table) if table.rows else [c.t("md.none")]
    notices = report.interpretations.notices
    lines += ["", f"### {c.t('interpret.notices')}", ""]
    lines += [f"- {_line(n)}" for n in notices] if notices else [c.t("md.none")]
    return lines


def _table(table: Table) -> list[str]:
    return ["| " + " | ".join(_cell(h) for h in table.headers) + " |", "|" + "---|" * len(table.headers),
            *("| " + " | ".join(_md_value(v) for v in row) + " |" for row in table.rows)]


def _md_value(value: TableCell) -> str:
    """A cell of several lines keeps them apart with <br> (the only markup written here, never from the input)."""
    if isinstance(value, tuple):
        return "<br>".join(_cell(v) for v in value)
    if isinstance(value, float):
        return f"{value:g}"
    return "" if value is None else _cell(value)


def _findings_header(c: Catalog) -> str:
    keys = ("finding_id", "outcome", "severity", "rule_id", "worker_id", "message", "evidence", "amount")
    return "| " + " | ".join(c.t(f"field.{k}") for k in keys) + " |"


def _finding_row(f: Finding, c: Catalog) -> str:
    money = f"{render(f.to_reimburse.amount)} {f.to_reimburse.currency}" if f.to_reimburse else ""
    cells = [f.finding_id, c.outcome(f.outcome), c.severity(f.severity), f.rule_id, f.worker_id, f.message,
             evidence_text(f.evidence, c), money]
    return "| " + " | ".join(_cell(x) for x in cells) + " |"
