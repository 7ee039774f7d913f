"""The Summary and Interpretations sheets of report.xlsx: label/value pairs, small stacked tables and two charts,
built in a Grid (any order) and then written row by row to a write-only sheet."""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import datetime

from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from compliance.i18n import Catalog
from compliance.report.model import Report
from compliance.report.writers.interpretations import interpretation_tables
from compliance.report.writers.xlsx_cells import BOLD, FONT, MONEY, SEVERITY_COLOURS, Grid, Value, colour, page_setup
from compliance.rules.ruleset import Outcome, Severity

_OUTCOMES = (Outcome.VIOLATION, Outcome.WARNING, Outcome.INSUFFICIENT_EVIDENCE, Outcome.REMEDIATED)
_SEVERITIES = (Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW)
_ROW_CM = 0.5  # height of a default row (15 pt = 0.53 cm), rounded down so charts never overlap


class _Cursor:
    """Writes a sheet (Summary, Interpretations) top to bottom: label/value pairs and small tables."""

    def __init__(self, ws: WriteOnlyWorksheet) -> None:
        self.grid, self.ws, self.row, self.next_chart = Grid(ws), ws, 1, 2

    def title(self, text: str, size: int = 12) -> None:
        self.grid.put(self.row, 1, text).font = Font(name=FONT, bold=True, size=size)
        self.row += 1

    def note(self, text: str) -> None:
        self.grid.put(self.row, 1, text).font = Font(name=FONT, italic=True)
        self.row += 1

    def pair(self, label: str, value: Value, fmt: str | None = None) -> None:
        self.grid.put(self.row, 1, label).font = BOLD
        self.grid.put(self.row, 2, value, fmt).alignment = Alignment(horizontal="left")
        self.row += 1

    def table(self, headers: Sequence[str], rows: Sequence[Sequence[Value]], none: str) -> tuple[int, int]:
        """Returns the first and last data row (last < first when there are none)."""
        self.grid.header(self.row, headers)
        first = self.row + 1
        for i, values in enumerate(rows or [[none]]):
            self.grid.row(first + i, values)
        self.row = first + max(len(rows), 1) + 1
        return first, first + len(rows) - 1

    def gap(self) -> None:
        self.row += 1


def summary_sheet(ws: WriteOnlyWorksheet, report: Report, c: Catalog) -> None:
    run, s = report.run, report.summary
    cur = _Cursor(ws)
    cur.title(c.t("xlsx.title", file=run.input_file), size=14)
    cur.note(c.t("md.disclaimer"))
    if run.redacted:
        cur.note(c.t("xlsx.redacted"))
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
                         [[c.severity(sev), s.violations_by_severity.get(sev.value, 0)] for sev in _SEVERITIES],
                         none)
    for i, sev in enumerate(_SEVERITIES):
        colour(cur.grid.get(first + i, 1), SEVERITY_COLOURS[sev])
    cur.title(c.t("xlsx.owed"))
    first, last = cur.table([c.t("field.currency"), c.t("field.amount")],
                            [[cur_, amount] for cur_, amount in s.to_reimburse.items()], none)
    _money_format(cur.grid, first, last, 2, 2)
    _by_rule(cur, report, c)
    _owed_by_agency(cur, report, c)
    cur.grid.flush(fit_from=3)  # the title and the disclaimer may run across the columns
    if (ws.column_dimensions["B"].width or 0) < 24:
        ws.column_dimensions["B"].width = 24
    page_setup(ws, c, header=False)


def _naive(moment: datetime) -> datetime:
    return moment.replace(tzinfo=None)


def _money_format(grid: Grid, first: int, last: int, col_from: int, col_to: int) -> None:
    for r in range(first, last + 1):
        for col in range(col_from, col_to + 1):
            grid.get(r, col).number_format = MONEY


def _by_rule(cur: _Cursor, report: Report, c: Catalog) -> None:
    titles = {f.rule_id: f.rule_title for f in report.findings}
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
    _money_format(cur.grid, first, last, 3, 2 + len(currencies))
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


def interpretations_sheet(ws: WriteOnlyWorksheet, report: Report, c: Catalog) -> None:
    """Stacked tables (sheets, columns, cell texts read as codes) and the notices; a cell of lines wraps."""
    cur = _Cursor(ws)
    cur.title(c.t("interpret.title"), size=14)
    cur.note(c.t("interpret.intro"))
    cur.row += 1
    for table in interpretation_tables(report.interpretations, c):
        cur.title(table.title)
        cur.table(table.headers, [[("\n".join(v) or None) if isinstance(v, tuple) else v for v in row]
                                  for row in table.rows], c.t("xlsx.none"))
    fitted = cur.row - 1  # the notices below are long lines: they run across the columns, not widen them
    cur.title(c.t("interpret.notices"))
    for notice in report.interpretations.notices or [c.t("xlsx.none")]:
        cur.grid.put(cur.row, 1, notice)
        cur.row += 1
    cur.grid.flush(fit_from=3, fit_until=fitted)
    page_setup(ws, c, header=False)
