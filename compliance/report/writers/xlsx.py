"""report.xlsx: a workbook a labour inspector can file and an employer can act on.

Sheets, in order: Summary (run, counts, tables and two bar charts), Findings (one row per finding; the finding
id links to the worker's row), Workers, Agencies (the scorecard), Input problems and Interpretations (how the
input was read). Every visible word comes from the catalog (locales/<lang>/*.yaml); rule texts are already in the
report's language.

Bounded: the workbook is written in openpyxl's write-only mode (rows streamed to disk, not held as cell objects),
and a table longer than Excel's 1,048,576 rows (`ROW_LIMIT`, header included) is CONTINUED on further sheets named
"Input problems (2)", "Input problems (3)"..., each with the header row, so that no row is left out of the
workbook. Column widths and wrapping are measured on the first `MEASURE_ROWS` rows of a table. A cell holds at most
Excel's 32,767 characters (longer text ends with "…"; the JSON and CSV reports hold it whole).

No cell is a formula (see xlsx_cells.new_cell). The chart of money owed by agency has one series per currency
(clustered bars): amounts in different currencies are never added up or converted, and the table beside the chart
gives the exact figures.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TypeVar

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.hyperlink import Hyperlink

from compliance.i18n import Catalog
from compliance.report.model import AgencySummary, Finding, InputProblem, Report, WorkerSummary
from compliance.report.writers.common import evidence_text, money_text
from compliance.report.writers.xlsx_cells import (
    MONEY,
    SEVERITY_COLOURS,
    Layout,
    colour,
    header_cells,
    new_cell,
    page_setup,
    severity_cell,
)
from compliance.report.writers.xlsx_summary import interpretations_sheet, summary_sheet
from compliance.rules.ruleset import Severity

ROW_LIMIT = 1_048_576  # Excel's rows per sheet; tests lower it to check the continuation sheets
MEASURE_ROWS = 2_000  # rows of a table that column widths are measured on
SHEET_NAME_LIMIT = 31  # Excel's characters in a sheet name

# Risk grades follow the severity of the agency's worst open violation; A (none) is green.
_GRADE_COLOURS = {"A": ("C6EFCE", "000000"), "B": SEVERITY_COLOURS[Severity.LOW],
                  "C": SEVERITY_COLOURS[Severity.MEDIUM], "D": SEVERITY_COLOURS[Severity.HIGH],
                  "E": SEVERITY_COLOURS[Severity.CRITICAL]}

T = TypeVar("T")
RowMaker = Callable[[WriteOnlyWorksheet, T], list[Cell | None]]


def write_xlsx(report: Report, path: Path, catalog: Catalog) -> None:
    wb = Workbook(write_only=True)
    run = report.run
    wb.properties.title = catalog.t("xlsx.title", file=run.input_file)
    wb.properties.creator = f"{run.tool} {run.tool_version}"
    wb.properties.created = _naive(run.generated_at)
    names = {k: catalog.t(f"xlsx.sheet.{k}")
             for k in ("summary", "findings", "workers", "agencies", "problems", "interpretations")}
    summary_sheet(wb.create_sheet(names["summary"]), report, catalog)
    worker_cells = _worker_cells(report.workers, names["workers"])
    _findings(wb, names["findings"], report, catalog, worker_cells)
    _workers(wb, names["workers"], report.workers, catalog)
    _agencies(wb, names["agencies"], report, catalog)
    _problems(wb, names["problems"], report.input_problems, catalog)
    interpretations_sheet(wb.create_sheet(names["interpretations"]), report, catalog)
    wb.save(path)


def _naive(moment: datetime) -> datetime:
    """Excel has no time zones: the report's times are UTC, and the label says so."""
    return moment.replace(tzinfo=None)


# ---- tables, continued on further sheets past Excel's row limit ----

def sheet_titles(title: str, rows: int) -> list[str]:
    """The sheet names a table of `rows` data rows is written on: the title, then "title (2)", "title (3)"..."""
    per_sheet = ROW_LIMIT - 1
    count = max(1, math.ceil(rows / per_sheet))
    names = [title[:SHEET_NAME_LIMIT]]
    for n in range(2, count + 1):
        suffix = f" ({n})"
        names.append(title[: SHEET_NAME_LIMIT - len(suffix)] + suffix)
    return names


def _table(wb: Workbook, title: str, headers: Sequence[str], items: Sequence[T], make_row: RowMaker[T],
           catalog: Catalog) -> None:
    """A header row, data rows, a frozen header and an autofilter on each sheet the table needs."""
    per_sheet = ROW_LIMIT - 1
    layout = Layout()
    for k, name in enumerate(sheet_titles(title, len(items))):
        ws = wb.create_sheet(name)
        if k == 0:
            layout.measure([header_cells(ws, headers)])
            layout.measure(make_row(ws, item) for item in items[:MEASURE_ROWS])
        layout.apply_widths(ws)
        ws.freeze_panes = "A2"
        header = header_cells(ws, headers)
        layout.fit_row(ws, 1, header)
        ws.append(header)
        chunk = items[k * per_sheet: (k + 1) * per_sheet]
        for r, item in enumerate(chunk, 2):
            row = make_row(ws, item)
            layout.fit_row(ws, r, row)
            ws.append(row)
        ws.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{len(chunk) + 1}"
        page_setup(ws, catalog, header=True)


def _cells(ws: WriteOnlyWorksheet, values: Sequence[object]) -> list[Cell | None]:
    return [None if v is None else new_cell(ws, v) for v in values]  # type: ignore[arg-type]


def _worker_cells(workers: list[WorkerSummary], title: str) -> dict[str, str]:
    """Where each worker's row is, as a link location: 'Workers'!A7, or on a continuation sheet."""
    per_sheet = ROW_LIMIT - 1
    titles = sheet_titles(title, len(workers))
    return {w.worker_id: f"'{titles[i // per_sheet]}'!A{i % per_sheet + 2}" for i, w in enumerate(workers)}


def _findings(wb: Workbook, title: str, report: Report, c: Catalog, worker_cells: dict[str, str]) -> None:
    keys = ("finding_id", "severity", "outcome", "rule_id", "rule_title", "worker_id", "agency_id", "employer_id",
            "message", "evidence", "sources", "remedy", "caveat", "amount", "currency")

    def row(ws: WriteOnlyWorksheet, f: Finding) -> list[Cell | None]:
        money = f.to_reimburse
        cells = _cells(ws, [f.finding_id, None, c.outcome(f.outcome), f.rule_id, f.rule_title, f.worker_id,
                            f.agency_id, f.employer_id, f.message, evidence_text(f.evidence, c),
                            "\n".join(f.sources), f.remedy, f.caveat, None, money.currency if money else None])
        cells[1] = severity_cell(ws, f.severity, c)
        cells[13] = new_cell(ws, money.amount if money else None, MONEY)
        target = worker_cells.get(f.worker_id)
        if target is not None and cells[0] is not None:
            cells[0].hyperlink = Hyperlink(ref="", location=target)
            cells[0].style = "Hyperlink"
        return cells

    _table(wb, title, [c.t(f"field.{k}") for k in keys], report.findings, row, c)


def _workers(wb: Workbook, title: str, workers: list[WorkerSummary], c: Catalog) -> None:
    headers = [c.t("field.worker_id"), c.t("field.worker_name"), c.t("field.agency_id"), c.t("field.employer_id"),
               c.t("xlsx.col.findings"), c.t("xlsx.col.violations"), c.t("xlsx.col.highest_severity"),
               c.t("xlsx.col.paid"), c.t("xlsx.col.to_reimburse")]

    def row(ws: WriteOnlyWorksheet, w: WorkerSummary) -> list[Cell | None]:
        cells = _cells(ws, [w.worker_id, w.name, w.agency_id, w.employer_id, w.findings, w.violations, None,
                            _money_lines(w.paid), _money_lines(w.to_reimburse)])
        cells[6] = severity_cell(ws, w.highest_severity, c)
        return cells

    _table(wb, title, headers, workers, row, c)


def _money_lines(amounts: dict[str, float]) -> str:
    """Amounts per currency, one per line ("128,000 NPR"): never added across currencies."""
    return money_text(amounts).replace(", ", "\n")


def _agencies(wb: Workbook, title: str, report: Report, c: Catalog) -> None:
    titles = {f.rule_id: f.rule_title for f in report.findings}
    headers = [c.t("field.agency_id"), c.t("xlsx.col.agency_name"), c.t("xlsx.col.workers_recruited"),
               c.t("xlsx.col.workers_with_violations"), c.t("xlsx.col.share"), c.t("xlsx.col.violations"),
               c.t("xlsx.col.fees_charged"), c.t("xlsx.col.to_reimburse"), c.t("xlsx.col.risk_grade"),
               c.t("xlsx.col.risk_rule"), c.t("xlsx.col.risk_rule_title")]

    def row(ws: WriteOnlyWorksheet, a: AgencySummary) -> list[Cell | None]:
        cells = _cells(ws, [a.agency_id, a.name, a.workers, a.workers_with_violations, None, a.violations,
                            _money_lines(a.fees_charged_to_workers), _money_lines(a.to_reimburse), a.risk_grade,
                            a.risk_rule, titles.get(a.risk_rule or "")])
        cells[4] = new_cell(ws, a.share_with_violations, "0.0%")
        grade = cells[8]
        if grade is not None and a.risk_grade in _GRADE_COLOURS:
            colour(grade, _GRADE_COLOURS[a.risk_grade])
            grade.alignment = Alignment(horizontal="center")
        return cells

    _table(wb, title, headers, report.summary.by_agency, row, c)


def _problems(wb: Workbook, title: str, problems: list[InputProblem], c: Catalog) -> None:
    keys = ("sheet", "row", "column", "value", "action", "problem")
    actions = {a: c.t(f"action.{a}") for a in {p.action.value for p in problems}}

    def row(ws: WriteOnlyWorksheet, p: InputProblem) -> list[Cell | None]:
        return _cells(ws, [p.sheet, p.row, p.column, p.value, actions[p.action.value], p.message])

    _table(wb, title, [c.t(f"field.{k}") for k in keys], problems, row, c)
