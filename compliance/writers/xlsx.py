"""report.xlsx: a workbook a labour inspector can file and an employer can act on.

Sheets, in order: Summary (run, counts, tables and two bar charts), Findings (one row per finding; the finding
id links to the worker's row), Workers, Agencies (the scorecard), Input problems and Interpretations (how the
input was read). Every visible word comes from the catalog (locales/<lang>/*.yaml); rule texts are already in the
report's language.

Every cell is written by `_put`: text that a spreadsheet would run as a formula (starting with = + - @, a tab or
a carriage return) is prefixed with ' and stored as a string, so the saved sheets contain no formula at all.

The chart of money owed by agency has one series per currency (clustered bars): amounts in different
currencies are never added up or converted, and the table beside the chart gives the exact figures.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.worksheet import Worksheet

from compliance.i18n import Catalog
from compliance.report import Report, WorkerSummary
from compliance.rules import Outcome, Severity
from compliance.writers.common import FORMULA_STARTS, evidence_text, money_text
from compliance.writers.interpretations import interpretation_tables

Value = str | int | float | date | datetime | None

_OUTCOMES = (Outcome.VIOLATION, Outcome.WARNING, Outcome.INSUFFICIENT_EVIDENCE, Outcome.REMEDIATED)
_SEVERITIES = (Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW)
# (fill, font colour): critical dark red, high red, medium amber, low blue-ish.
_SEVERITY_COLOURS = {Severity.CRITICAL: ("7B0000", "FFFFFF"), Severity.HIGH: ("D9302C", "FFFFFF"),
                     Severity.MEDIUM: ("FFC000", "000000"), Severity.LOW: ("9DC3E6", "000000")}
# Risk grades follow the severity of the agency's worst open violation; A (none) is green.
_GRADE_COLOURS = {"A": ("C6EFCE", "000000"), "B": _SEVERITY_COLOURS[Severity.LOW],
                  "C": _SEVERITY_COLOURS[Severity.MEDIUM], "D": _SEVERITY_COLOURS[Severity.HIGH],
                  "E": _SEVERITY_COLOURS[Severity.CRITICAL]}
_MONEY = "#,##0.00"
_HEADER_FILL = PatternFill("solid", fgColor="DDE3EA")
_FONT = "Calibri"  # the workbook default; a Font without a name prints in a serif fallback
_BOLD = Font(name=_FONT, bold=True)
_MAX_WIDTH = 70
_MIN_WIDTH = 8
_CHARS_PER_WIDTH = 1.15  # text characters are narrower on average than the "0" a column width counts
_LINE_PT = 15  # height of one line of 11 pt text
_ROW_CM = 0.5  # height of a default row (15 pt = 0.53 cm), rounded down so charts never overlap


def write_xlsx(report: Report, path: Path, catalog: Catalog) -> None:
    wb = Workbook()
    run = report.run
    wb.properties.title = catalog.t("xlsx.title", file=run.input_file)
    wb.properties.creator = f"{run.tool} {run.tool_version}"
    wb.properties.created = _naive(run.generated_at)
    keys = ("findings", "workers", "agencies", "problems", "interpretations")
    names = {k: catalog.t(f"xlsx.sheet.{k}") for k in ("summary", *keys)}
    summary = wb.active
    summary.title = names["summary"]
    findings, workers, agencies, problems, readings = (wb.create_sheet(names[k]) for k in keys)
    worker_rows = _workers(workers, report.workers, catalog)
    _findings(findings, report, catalog, names["workers"], worker_rows)
    _agencies(agencies, report, catalog)
    _problems(problems, report, catalog)
    _interpretations(readings, report, catalog)
    _summary(summary, report, catalog)
    for ws in wb.worksheets:
        _page_setup(ws, catalog, header=ws not in (summary, readings))
    wb.save(path)


# ---- cells ----

def safe_text(value: str) -> str:
    """Text a spreadsheet shows as text: illegal control characters dropped, a formula start quoted."""
    text = ILLEGAL_CHARACTERS_RE.sub("", value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _put(ws: Worksheet, row: int, col: int, value: Value, fmt: str | None = None) -> Cell:
    """The one way a cell is written: strings are always stored as strings, never as formulas."""
    cell = ws.cell(row=row, column=col)
    if isinstance(value, str):
        cell.value = safe_text(value)
        cell.data_type = "s"
    else:
        cell.value = value
    if fmt:
        cell.number_format = fmt
    return cell


def _row(ws: Worksheet, row: int, values: Sequence[Value], col: int = 1) -> list[Cell]:
    return [_put(ws, row, col + i, v) for i, v in enumerate(values)]


def _header(ws: Worksheet, row: int, values: Sequence[str], col: int = 1) -> None:
    for cell in _row(ws, row, values, col):
        cell.font = _BOLD
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")


def _colour(cell: Cell, colours: tuple[str, str]) -> None:
    fill, font = colours
    cell.fill = PatternFill("solid", fgColor=fill)
    cell.font = Font(name=_FONT, color=font, bold=True)


def _severity_cell(ws: Worksheet, row: int, col: int, severity: Severity | None, catalog: Catalog) -> None:
    cell = _put(ws, row, col, catalog.severity(severity) if severity else "")
    if severity:
        _colour(cell, _SEVERITY_COLOURS[severity])


def _naive(moment: datetime) -> datetime:
    """Excel has no time zones: the report's times are UTC, and the label says so."""
    return moment.replace(tzinfo=None)


def _table(ws: Worksheet, headers: Sequence[str], rows: Iterable[Sequence[Value]]) -> int:
    """A header row, data rows, a frozen header and an autofilter; returns the number of data rows."""
    _header(ws, 1, headers)
    n = 0
    for n, values in enumerate(rows, 1):
        _row(ws, n + 1, values)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{n + 1}"
    return n


def _text_width(text: str) -> int:
    """Display width of the longest line: CJK characters take two columns."""
    return max((sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)
                for line in text.split("\n")), default=0)


def _fit_columns(ws: Worksheet, first_row: int = 1) -> None:
    """Columns as wide as their content, capped; capped or multi-line columns wrap, their rows made tall enough."""
    widths: dict[int, int] = {}
    wrap: set[int] = set()
    for row in ws.iter_rows(min_row=first_row):
        for cell in row:
            if cell.value is None:
                continue
            if isinstance(cell.value, float):
                text = f"{cell.value:,.2f}"
            elif isinstance(cell.value, datetime | date):
                text = "0000-00-00 00:00:00"
            else:
                text = str(cell.value)
            width = _text_width(text) + 2
            if width > _MAX_WIDTH or "\n" in text:
                wrap.add(cell.column)
            widths[cell.column] = max(widths.get(cell.column, _MIN_WIDTH), min(width, _MAX_WIDTH))
    for col, width in widths.items():
        ws.column_dimensions[get_column_letter(col)].width = width
    for row in ws.iter_rows(min_row=first_row):
        lines = 1
        for cell in row:
            if cell.value is None:
                continue
            wraps = cell.column in wrap
            cell.alignment = Alignment(horizontal=cell.alignment.horizontal, vertical="top", wrap_text=wraps)
            if wraps:
                room = max(widths[cell.column] * _CHARS_PER_WIDTH, 1)
                lines = max(lines, sum(math.ceil(max(_text_width(part), 1) / room)
                                       for part in str(cell.value).split("\n")))
        if lines > 1:  # Excel and LibreOffice do not grow rows of a generated file by themselves
            ws.row_dimensions[row[0].row].height = min(_LINE_PT * lines + 2, 409)


def _page_setup(ws: Worksheet, catalog: Catalog, header: bool) -> None:
    """Printable as filed: landscape A4, one page wide, the header row repeated, page numbers in the footer."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.oddFooter.center.text = catalog.t("xlsx.footer")
    if header:
        ws.print_title_rows = "1:1"


# ---- sheets ----

def _findings(ws: Worksheet, report: Report, c: Catalog, workers_sheet: str, worker_rows: dict[str, int]) -> None:
    keys = ("finding_id", "severity", "outcome", "rule_id", "rule_title", "worker_id", "agency_id", "employer_id",
            "message", "evidence", "sources", "remedy", "caveat", "amount", "currency")
    rows = ([f.finding_id, None, c.outcome(f.outcome), f.rule_id, f.rule_title, f.worker_id, f.agency_id,
             f.employer_id, f.message, evidence_text(f.evidence, c), "\n".join(f.sources), f.remedy, f.caveat,
             f.to_reimburse.amount if f.to_reimburse else None, f.to_reimburse.currency if f.to_reimburse else None]
            for f in report.findings)
    _table(ws, [c.t(f"field.{k}") for k in keys], rows)
    for r, f in enumerate(report.findings, 2):
        _severity_cell(ws, r, 2, f.severity, c)
        ws.cell(row=r, column=14).number_format = _MONEY
        target = worker_rows.get(f.worker_id)
        if target is not None:
            cell = ws.cell(row=r, column=1)
            cell.hyperlink = Hyperlink(ref=cell.coordinate, location=f"'{workers_sheet}'!A{target}")
            cell.style = "Hyperlink"
    _fit_columns(ws)


def _workers(ws: Worksheet, workers: list[WorkerSummary], c: Catalog) -> dict[str, int]:
    headers = [c.t("field.worker_id"), c.t("field.worker_name"), c.t("field.agency_id"), c.t("field.employer_id"),
               c.t("xlsx.col.findings"), c.t("xlsx.col.violations"), c.t("xlsx.col.highest_severity"),
               c.t("xlsx.col.paid"), c.t("xlsx.col.to_reimburse")]
    _table(ws, headers, ([w.worker_id, w.name, w.agency_id, w.employer_id, w.findings, w.violations, None,
                          _money_lines(w.paid), _money_lines(w.to_reimburse)] for w in workers))
    for r, w in enumerate(workers, 2):
        _severity_cell(ws, r, 7, w.highest_severity, c)
    _fit_columns(ws)
    return {w.worker_id: r for r, w in enumerate(workers, 2)}


def _money_lines(amounts: dict[str, float]) -> str:
    """Amounts per currency, one per line ("128,000 NPR"): never added across currencies."""
    return money_text(amounts).replace(", ", "\n")


def _agencies(ws: Worksheet, report: Report, c: Catalog) -> None:
    titles = _rule_titles(report)
    headers = [c.t("field.agency_id"), c.t("xlsx.col.agency_name"), c.t("xlsx.col.workers_recruited"),
               c.t("xlsx.col.workers_with_violations"), c.t("xlsx.col.share"), c.t("xlsx.col.violations"),
               c.t("xlsx.col.fees_charged"), c.t("xlsx.col.to_reimburse"), c.t("xlsx.col.risk_grade"),
               c.t("xlsx.col.risk_rule"), c.t("xlsx.col.risk_rule_title")]
    agencies = report.summary.by_agency
    _table(ws, headers, ([a.agency_id, a.name, a.workers, a.workers_with_violations, a.share_with_violations,
                          a.violations, _money_lines(a.fees_charged_to_workers), _money_lines(a.to_reimburse),
                          a.risk_grade, a.risk_rule, titles.get(a.risk_rule or "")] for a in agencies))
    for r, a in enumerate(agencies, 2):
        ws.cell(row=r, column=5).number_format = "0.0%"
        if a.risk_grade in _GRADE_COLOURS:
            grade = ws.cell(row=r, column=9)
            _colour(grade, _GRADE_COLOURS[a.risk_grade])
            grade.alignment = Alignment(horizontal="center")
    _fit_columns(ws)


def _problems(ws: Worksheet, report: Report, c: Catalog) -> None:
    keys = ("sheet", "row", "column", "value", "action", "problem")
    _table(ws, [c.t(f"field.{k}") for k in keys],
           ([p.sheet, p.row, p.column, p.value, c.t(f"action.{p.action.value}"), p.message]
            for p in report.input_problems))
    _fit_columns(ws)


def _interpretations(ws: Worksheet, report: Report, c: Catalog) -> None:
    """Stacked tables (sheets, columns, cell texts read as codes) and the notices; a cell of lines wraps."""
    cur = _Cursor(ws)
    cur.title(c.t("interpret.title"), size=14)
    _put(ws, cur.row, 1, c.t("interpret.intro")).font = Font(name=_FONT, italic=True)
    cur.row += 2
    for table in interpretation_tables(report.interpretations, c):
        cur.title(table.title)
        cur.table(table.headers, [[("\n".join(v) or None) if isinstance(v, tuple) else v for v in row]
                                  for row in table.rows], c.t("xlsx.none"))
    # Fitted before the notices (and after the title and introduction): those long lines run across the columns.
    _fit_columns(ws, first_row=3)
    cur.title(c.t("interpret.notices"))
    for notice in report.interpretations.notices or [c.t("xlsx.none")]:
        _put(ws, cur.row, 1, notice)
        cur.row += 1


def _rule_titles(report: Report) -> dict[str, str]:
    return {f.rule_id: f.rule_title for f in report.findings}


class _Cursor:
    """Writes a sheet (Summary, Interpretations) top to bottom: label/value pairs and small tables."""

    def __init__(self, ws: Worksheet) -> None:
        self.ws, self.row, self.next_chart = ws, 1, 2

    def title(self, text: str, size: int = 12) -> None:
        _put(self.ws, self.row, 1, text).font = Font(name=_FONT, bold=True, size=size)
        self.row += 1

    def pair(self, label: str, value: Value, fmt: str | None = None) -> None:
        _put(self.ws, self.row, 1, label).font = _BOLD
        cell = _put(self.ws, self.row, 2, value, fmt)
        cell.alignment = Alignment(horizontal="left")
        self.row += 1

    def table(self, headers: Sequence[str], rows: Sequence[Sequence[Value]], none: str) -> tuple[int, int]:
        """Returns the first and last data row (last < first when there are none)."""
        _header(self.ws, self.row, headers)
        first = self.row + 1
        for i, values in enumerate(rows or [[none]]):
            _row(self.ws, first + i, values)
        self.row = first + max(len(rows), 1) + 1
        return first, first + len(rows) - 1

    def gap(self) -> None:
        self.row += 1


def _summary(ws: Worksheet, report: Report, c: Catalog) -> None:
    run, s = report.run, report.summary
    cur = _Cursor(ws)
    cur.title(c.t("xlsx.title", file=run.input_file), size=14)
    _put(ws, cur.row, 1, c.t("md.disclaimer")).font = Font(name=_FONT, italic=True)
    cur.row += 1
    if run.redacted:
        _put(ws, cur.row, 1, c.t("xlsx.redacted")).font = Font(name=_FONT, italic=True)
        cur.row += 1
    cur.gap()
    cur.title(c.t("xlsx.run"))
    cur.pair(c.t("xlsx.input_file"), run.input_file)
    if run.mapping_file:
        cur.pair(c.t("interpret.mapping_file"), run.mapping_file)
    cur.pair(c.t("xlsx.sha256"), run.input_sha256)
    cur.pair(c.t("xlsx.ruleset"), run.ruleset.name)
    cur.pair(c.t("xlsx.ruleset_version"), run.ruleset.version)
    cur.pair(c.t("xlsx.ruleset_title"), run.ruleset.title)
    cur.pair(c.t("xlsx.as_of"), run.ruleset.as_of, "yyyy-mm-dd")
    cur.pair(c.t("xlsx.generated"), _naive(run.generated_at), "yyyy-mm-dd hh:mm:ss")
    cur.pair(c.t("xlsx.tool"), f"{run.tool} {run.tool_version}")
    cur.gap()
    cur.title(c.t("xlsx.headline"))
    cur.pair(c.t("xlsx.workers_checked"), s.workers_checked)
    cur.pair(c.t("xlsx.workers_affected"), s.workers_affected)
    cur.pair(c.t("xlsx.agencies"), len(s.by_agency))
    cur.pair(c.t("xlsx.input_problems"), len(report.input_problems))
    cur.gap()
    none = c.t("xlsx.none")
    cur.title(c.t("xlsx.rows"))
    cur.table([c.t("field.sheet"), c.t("xlsx.col.read"), c.t("xlsx.col.evaluated"), c.t("xlsx.col.rejected")],
              [[name, n.read, n.evaluated, n.rejected] for name, n in report.input_counts.items()], none)
    cur.title(c.t("xlsx.by_outcome"))
    cur.table([c.t("field.outcome"), c.t("xlsx.col.count")],
              [[c.outcome(o), s.findings_by_outcome.get(o.value, 0)] for o in _OUTCOMES], none)
    cur.title(c.t("xlsx.by_severity"))
    first, _ = cur.table([c.t("field.severity"), c.t("xlsx.col.count")],
                         [[None, s.violations_by_severity.get(sev.value, 0)] for sev in _SEVERITIES], none)
    for i, sev in enumerate(_SEVERITIES):
        _severity_cell(ws, first + i, 1, sev, c)
    cur.title(c.t("xlsx.owed"))
    first, last = cur.table([c.t("field.currency"), c.t("field.amount")],
                            [[cur_, amount] for cur_, amount in s.to_reimburse.items()], none)
    _money_format(ws, first, last, 2, 2)
    _by_rule(cur, report, c)
    _owed_by_agency(cur, report, c)
    _fit_columns(ws, first_row=3)  # the title and the disclaimer may run across the columns
    ws.column_dimensions["B"].width = max(ws.column_dimensions["B"].width or 0, 24)


def _money_format(ws: Worksheet, first: int, last: int, col_from: int, col_to: int) -> None:
    for r in range(first, last + 1):
        for col in range(col_from, col_to + 1):
            ws.cell(row=r, column=col).number_format = _MONEY


def _by_rule(cur: _Cursor, report: Report, c: Catalog) -> None:
    titles = _rule_titles(report)
    counts = [(rule, n) for rule, n in report.summary.findings_by_rule.items() if n]
    cur.title(c.t("xlsx.by_rule"))
    header_row = cur.row
    first, last = cur.table(
        [c.t("field.rule_id"), c.t("field.rule_title"), *(c.outcome(o) for o in _OUTCOMES), c.t("xlsx.col.total")],
        [[rule, titles.get(rule, ""), *(n.get(o.value, 0) for o in _OUTCOMES), sum(n.values())]
         for rule, n in counts], c.t("xlsx.none"))
    if last < first:
        return
    chart = _bar_chart(c.t("xlsx.chart.by_rule"), c.t("xlsx.axis.rule"), c.t("xlsx.axis.findings"))
    chart.type, chart.grouping, chart.overlap = "bar", "stacked", 100
    chart.add_data(Reference(cur.ws, min_col=3, max_col=2 + len(_OUTCOMES), min_row=header_row, max_row=last),
                   titles_from_data=True)
    chart.set_categories(Reference(cur.ws, min_col=1, min_row=first, max_row=last))
    chart.y_axis.majorGridlines = None
    chart.x_axis.scaling.orientation = "maxMin"  # first rule at the top, as in the table
    chart.height = max(10.0, 0.6 * (last - first + 1) + 3)
    cur.ws.add_chart(chart, "J2")
    cur.next_chart = 2 + math.ceil(chart.height / _ROW_CM) + 2


def _owed_by_agency(cur: _Cursor, report: Report, c: Catalog) -> None:
    agencies = [a for a in report.summary.by_agency if a.to_reimburse]
    currencies = sorted({cur_ for a in agencies for cur_ in a.to_reimburse})
    cur.title(c.t("xlsx.owed_by_agency"))
    header_row = cur.row
    first, last = cur.table([c.t("field.agency_id"), c.t("xlsx.col.agency_name"), *currencies],
                            [[a.agency_id, a.name, *(a.to_reimburse.get(x) for x in currencies)] for a in agencies],
                            c.t("xlsx.none"))
    if last < first:
        return
    _money_format(cur.ws, first, last, 3, 2 + len(currencies))
    chart = _bar_chart(c.t("xlsx.chart.owed_by_agency"), c.t("xlsx.axis.agency"), c.t("xlsx.axis.amount"))
    chart.type, chart.grouping = "col", "clustered"
    chart.add_data(Reference(cur.ws, min_col=3, max_col=2 + len(currencies), min_row=header_row, max_row=last),
                   titles_from_data=True)
    chart.set_categories(Reference(cur.ws, min_col=1, min_row=first, max_row=last))
    chart.y_axis.number_format = "#,##0"
    cur.ws.add_chart(chart, f"J{cur.next_chart}")


def _bar_chart(title: str, x_title: str, y_title: str) -> BarChart:
    chart = BarChart()
    chart.title, chart.x_axis.title, chart.y_axis.title = title, x_title, y_title
    chart.width, chart.height = 22, 10
    chart.legend.position = "b"
    # openpyxl hides axes by default (delete=True); Excel and LibreOffice then draw no labels.
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    return chart
