"""report.html: one self-contained page to read on a phone, filter in a browser and print to PDF.

Everything is in the one file: inline CSS, inline JavaScript (filters that work from a file:// URL), and charts
drawn here as inline SVG. Nothing is fetched: a Content-Security-Policy forbids it. Every text comes from the
catalog or the report, and the template escapes all of it (autoescape), so hostile cell values stay text.

Charts are computed here as plain geometry (bars, segments, labels) and drawn by templates/charts.html.j2, so
that no text ever reaches the page without going through the template's escaping.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2

from compliance.i18n import Catalog
from compliance.report.model import Finding, Report, render
from compliance.report.writers.common import evidence_text
from compliance.report.writers.interpretations import TableCell, interpretation_tables, unread_text
from compliance.rules.ruleset import Outcome, Severity

TEMPLATES = Path(__file__).resolve().parent / "templates"
CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"
OUTCOMES = (Outcome.VIOLATION, Outcome.WARNING, Outcome.INSUFFICIENT_EVIDENCE, Outcome.REMEDIATED)
SEVERITIES = (Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW)
GRADES = "ABCDE"
NO_AGENCY = "-"  # data-agency value of findings without an agency (not a valid agency id in the workbook)

# chart geometry, in SVG user units (the SVG scales to the width of its box)
WIDTH = 520
LABEL_W = 130  # room for the labels left of the bars
VALUE_W = 100  # room for the value written after the longest bar
ROW_H = 24
BAR_H = 16
LEGEND_H = 26
LABEL_CHARS = 19


@dataclass(frozen=True)
class Segment:
    x: float
    width: float
    css: str
    tip: str


@dataclass(frozen=True)
class Bar:
    label: str
    tip: str
    y: float
    segments: list[Segment]
    value: str
    value_x: float


@dataclass(frozen=True)
class LegendItem:
    x: float
    label: str
    css: str


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    bars: list[Bar]
    legend: list[LegendItem] = field(default_factory=list)
    width: int = WIDTH
    height: int = 0
    bar_h: int = BAR_H
    label_x: int = LABEL_W - 6
    axis_x: int = LABEL_W


@dataclass(frozen=True)
class Row:
    """One bar of a chart: its label, its full name for the tooltip, and (value, css class, name) parts."""

    label: str
    tip: str
    parts: list[tuple[float, str, str]]


def write_html(report: Report, path: Path, catalog: Catalog) -> None:
    path.write_text(render_html(report, catalog), encoding="utf-8")


def render_html(report: Report, catalog: Catalog) -> str:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, undefined=jinja2.StrictUndefined,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
    )
    return env.get_template("report.html.j2").render(**page_context(report, catalog))


def page_context(report: Report, c: Catalog) -> dict[str, Any]:
    s = report.summary
    titles = {f.rule_id: f.rule_title for f in report.findings}
    names = {w.worker_id: w.name for w in report.workers}
    ranked = sorted(report.findings, key=lambda f: (OUTCOMES.index(f.outcome), -f.severity.rank, f.finding_id))
    agencies = sorted({f.agency_id or NO_AGENCY for f in report.findings}, key=lambda a: (a == NO_AGENCY, a))
    agency_names = {a.agency_id: a.name for a in s.by_agency}
    return {
        "lang": c.lang, "csp": CSP, "t": c.t, "outcome": c.outcome, "severity": c.severity,
        "run": report.run, "sha": report.run.input_sha256, "generated": report.run.generated_at.isoformat(),
        "headline": {
            "workers_checked": s.workers_checked, "workers_affected": s.workers_affected,
            **{o.value: s.findings_by_outcome.get(o.value, 0) for o in OUTCOMES},
        },
        "owed": _amounts(s.to_reimburse),
        "charts": charts(report, c, titles),
        "findings": [finding_row(f, c, names) for f in ranked],
        "filters": {
            "severity": [(v.value, c.severity(v)) for v in SEVERITIES],
            "outcome": [(o.value, c.outcome(o)) for o in OUTCOMES],
            "agency": [(a, _agency_label(a, agency_names, c)) for a in agencies],
            "rule": [(r, f"{r} — {titles[r]}") for r in sorted(titles)],
        },
        "agencies": [{
            "id": a.agency_id, "name": a.name or "", "workers": a.workers, "affected": a.workers_with_violations,
            "share": f"{a.share_with_violations:.0%}", "violations": a.violations,
            "fees": _amounts(a.fees_charged_to_workers), "owed": _amounts(a.to_reimburse),
            "grade": a.risk_grade, "grade_css": f"grade-{a.risk_grade}" if a.risk_grade in GRADES else "grade-x",
            "rule": a.risk_rule or "", "rule_title": titles.get(a.risk_rule or "", ""),
        } for a in s.by_agency],
        "problems": [{
            "sheet": p.sheet, "row": "" if p.row is None else p.row, "column": p.column or "",
            "value": p.value or "", "action": c.t(f"action.{p.action.value}"), "message": p.message,
        } for p in report.input_problems],
        "readings": {"tables": [{"key": t.key, "title": t.title, "headers": t.headers,
                                 "rows": [[_reading_cell(v) for v in row] for row in t.rows]}
                                for t in interpretation_tables(report.interpretations, c)],
                     "notices": report.interpretations.notices},
    }


def _reading_cell(value: TableCell) -> dict[str, Any]:
    """A table cell as lines of text (a tuple is several lines); numbers (a match score: 92.5) align right."""
    if isinstance(value, tuple):
        return {"lines": list(value), "num": False}
    num = isinstance(value, int | float)
    return {"lines": [] if value is None else [f"{value:g}" if isinstance(value, float) else str(value)],
            "num": num}


def _amounts(amounts: dict[str, float]) -> list[str]:
    """One text per currency: amounts in different currencies are never added."""
    return [f"{render(v)} {cur}" for cur, v in amounts.items()]


def _agency_label(agency: str, names: dict[str, str | None], c: Catalog) -> str:
    if agency == NO_AGENCY:
        return c.t("html.filter.no_agency")
    return f"{agency} — {names[agency]}" if names.get(agency) else agency


def finding_row(f: Finding, c: Catalog, names: dict[str, str | None]) -> dict[str, Any]:
    money = f.to_reimburse
    return {
        "id": f.finding_id, "severity": f.severity.value, "severity_text": c.severity(f.severity),
        "outcome": f.outcome.value, "outcome_text": c.outcome(f.outcome), "rule": f.rule_id,
        "rule_title": f.rule_title, "worker": f.worker_id, "worker_name": names.get(f.worker_id) or "",
        "agency": f.agency_id or NO_AGENCY, "agency_text": f.agency_id or "", "message": f.message,
        "evidence": [evidence_text([e], c) for e in f.evidence],
        "amount": f"{render(money.amount)} {money.currency}" if money else "",
        "sources": f.sources, "remedy": f.remedy, "caveat": f.caveat or "",
        "unreadable": [unread_text(u, c) for u in f.unreadable],
    }


# ---- charts ----

def charts(report: Report, c: Catalog, titles: dict[str, str]) -> dict[str, list[Chart]]:
    s = report.summary
    outcome_legend = [(c.outcome(o), f"o-{o.value}") for o in OUTCOMES]
    by_rule = [Row(rule, f"{rule} — {titles.get(rule, '')}",
                   [(counts.get(o.value, 0), f"o-{o.value}", c.outcome(o)) for o in OUTCOMES])
               for rule, counts in s.findings_by_rule.items() if any(counts.values())]
    by_severity = [Row(c.severity(v), c.severity(v), [(s.violations_by_severity.get(v.value, 0), f"s-{v.value}",
                                                       c.severity(v))]) for v in SEVERITIES]
    owed: list[Chart] = []
    for cur in _currencies(a.to_reimburse for a in s.by_agency):
        rows = [Row(a.agency_id, f"{a.agency_id} — {a.name}" if a.name else a.agency_id,
                    [(a.to_reimburse[cur], "money", cur)]) for a in s.by_agency if a.to_reimburse.get(cur)]
        owed.append(bar_chart(f"owed-{len(owed)}", c.t("html.chart.owed_by_agency", currency=cur), rows, money=cur))
    paid: list[Chart] = []
    for cur in _currencies(s.worker_paid_by_category.values()):
        rows = [Row(c.value(cat), cat, [(amounts[cur], "paid", cur)])
                for cat, amounts in sorted(s.worker_paid_by_category.items(), key=lambda kv: -kv[1].get(cur, 0))
                if amounts.get(cur)]
        paid.append(bar_chart(f"paid-{len(paid)}", c.t("html.chart.paid_by_category", currency=cur), rows, money=cur))
    return {
        "counts": [chart for chart in (
            bar_chart("by-rule", c.t("html.chart.by_rule"), by_rule, outcome_legend) if by_rule else None,
            bar_chart("by-severity", c.t("html.chart.by_severity"), by_severity)
            if any(s.violations_by_severity.values()) else None,
        ) if chart is not None],
        "owed": owed,
        "paid": paid,
    }


def _currencies(groups: Iterable[dict[str, float]]) -> list[str]:
    seen: dict[str, None] = {}
    for amounts in groups:
        for cur, value in amounts.items():
            if value:
                seen.setdefault(cur, None)
    return sorted(seen)


def bar_chart(chart_id: str, title: str, rows: list[Row], legend: list[tuple[str, str]] | None = None,
              money: str | None = None) -> Chart:
    """Horizontal bars, stacked when a row has several parts; each bar ends with its total as text."""
    top = LEGEND_H if legend else 6
    biggest = max((sum(v for v, _, _ in r.parts) for r in rows), default=0) or 1
    scale = (WIDTH - LABEL_W - VALUE_W) / biggest
    bars = []
    for i, r in enumerate(rows):
        y = top + i * ROW_H
        x = float(LABEL_W)
        segments = []
        for value, css, name in r.parts:
            if value:
                tip = f"{r.label} — {name}: {render(float(value))}"
                segments.append(Segment(round(x, 1), round(max(value * scale, 1.0), 1), css, tip))
                x += value * scale
        total = sum(v for v, _, _ in r.parts)
        value = f"{render(float(total))} {money}" if money else render(float(total))
        bars.append(Bar(_short(r.label), r.tip, y, segments, value, round(x + 5, 1)))
    items, lx = [], 4.0
    for label, css in legend or []:
        items.append(LegendItem(lx, label, css))
        lx += 18 + _text_width(label) + 14
    return Chart(chart_id, title, bars, items, height=top + len(rows) * ROW_H + 8)


def _text_width(text: str) -> float:
    """Rough width at the chart's 12-unit font: CJK characters are about twice as wide as Latin ones."""
    return sum(12.0 if ord(ch) >= 0x2E80 else 6.3 for ch in text)


def _short(label: str) -> str:
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1] + "…"
