"""Writers bounded and safe: the Excel writer continues a table past Excel's row limit on further sheets, a cell
holds at most Excel's characters, and the Markdown and HTML reports never carry raw HTML from the input."""

from __future__ import annotations

import json
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

import compliance.report.writers.xlsx as xlsx
from compliance.cli import main
from compliance.i18n import Catalog
from compliance.input.problems import Action, InputProblem, ProblemType
from compliance.report.model import AgencySummary, Report, WorkerSummary
from compliance.report.writers import write_report, write_reports
from compliance.report.writers.xlsx_cells import CELL_TEXT_LIMIT
from tests.test_reports import interpretations_report

ROOT = Path(__file__).resolve().parent.parent
VIOLATIONS = ROOT / "samples" / "agency-with-violations.xlsx"
XSS = "<img src=x onerror=alert(1)>"
LIMIT = 50  # rows per sheet in these tests, header included: 49 data rows


def problems(n: int, value: str = "bad") -> list[InputProblem]:
    return [InputProblem(type=ProblemType.BAD_VALUE, action=Action.VALUE_IGNORED, sheet="fees", row=i + 2,
                         column="amount", value=f"{value} {i}", message=f"problem {i}") for i in range(n)]


def workers(n: int) -> list[WorkerSummary]:
    return [WorkerSummary(worker_id=f"W-{i:04d}", name=f"name {i}", agency_id="AG-01", employer_id=None,
                          findings=0, violations=0, paid={}, to_reimburse={}) for i in range(n)]


@pytest.fixture
def small_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(xlsx, "ROW_LIMIT", LIMIT)


def test_a_table_past_the_row_limit_continues_on_numbered_sheets_with_every_row(
        small_limit: None, tmp_path: Path) -> None:
    report = interpretations_report().model_copy(update={"input_problems": problems(120)})
    path = tmp_path / "r.xlsx"
    xlsx.write_xlsx(report, path, Catalog("en"))
    wb = load_workbook(path)
    assert wb.sheetnames == ["Summary", "Findings", "Workers", "Agencies", "Input problems", "Input problems (2)",
                             "Input problems (3)", "Interpretations"]
    sheets = [wb["Input problems"], wb["Input problems (2)"], wb["Input problems (3)"]]
    assert [ws.max_row for ws in sheets] == [LIMIT, LIMIT, 120 - 2 * (LIMIT - 1) + 1]
    header = [c.value for c in sheets[0][1]]
    rows = []
    for ws in sheets:
        assert [c.value for c in ws[1]] == header and ws.freeze_panes == "A2"
        assert ws.auto_filter.ref == f"A1:F{ws.max_row}"
        rows += [r[5] for r in ws.iter_rows(min_row=2, values_only=True)]
    assert rows == [f"problem {i}" for i in range(120)]  # none left out, none twice, in order


def test_a_finding_links_to_its_worker_on_a_continuation_sheet(small_limit: None, tmp_path: Path) -> None:
    base = interpretations_report()
    many = workers(60)
    finding = base.findings[0].model_copy(update={"worker_id": many[55].worker_id})
    report = base.model_copy(update={"workers": many, "findings": [finding]})
    path = tmp_path / "r.xlsx"
    xlsx.write_xlsx(report, path, Catalog("en"))
    wb = load_workbook(path)
    link = wb["Findings"].cell(row=2, column=1).hyperlink
    sheet, cell = link.location.rsplit("!", 1)
    assert sheet == "'Workers (2)'" and wb["Workers (2)"][cell].value == "W-0055"


def test_a_continuation_sheet_name_stays_within_excels_31_characters(small_limit: None) -> None:
    names = xlsx.sheet_titles("Problèmes de lecture du fichier d'entrée", 200)
    assert len(names) == 5 and all(len(n) <= 31 for n in names) and names[-1].endswith(" (5)")
    assert len(set(names)) == 5


def test_the_json_asked_after_a_huge_excel_report_is_written_too(small_limit: None, tmp_path: Path) -> None:
    report = interpretations_report().model_copy(update={"input_problems": problems(3 * LIMIT)})
    outcome = write_reports(report, [tmp_path / "r.xlsx", tmp_path / "r.json"])
    assert outcome.failed == [] and len(outcome.written) == 2
    assert len(json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["input_problems"]) == 3 * LIMIT
    assert sum(ws.max_row - 1 for ws in load_workbook(tmp_path / "r.xlsx") if ws.title.startswith("Input")) \
        == 3 * LIMIT


def test_a_cell_longer_than_excel_allows_is_cut_with_an_ellipsis(tmp_path: Path) -> None:
    long = "x" * (CELL_TEXT_LIMIT * 3)
    # An InputProblem caps its value on construction; the writer must cut whatever text reaches it all the same.
    problem = problems(1)[0].model_copy(update={"value": long})
    report = interpretations_report().model_copy(update={"input_problems": [problem]})
    xlsx.write_xlsx(report, tmp_path / "r.xlsx", Catalog("en"))
    value = load_workbook(tmp_path / "r.xlsx")["Input problems"]["D2"].value
    assert len(value) == CELL_TEXT_LIMIT and value.endswith("…")


def test_many_rows_stream_in_write_only_mode(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # a workbook in write-only mode has no random-access sheets: the writer never holds a sheet's cells
    created = []
    real = xlsx.Workbook

    def spy(*args: object, **kwargs: object) -> object:
        created.append(kwargs.get("write_only"))
        return real(*args, **kwargs)

    monkeypatch.setattr(xlsx, "Workbook", spy)
    report = interpretations_report().model_copy(update={"input_problems": problems(5_000)})
    xlsx.write_xlsx(report, tmp_path / "r.xlsx", Catalog("en"))
    assert created == [True]
    ws = load_workbook(tmp_path / "r.xlsx", read_only=True)["Input problems"]
    assert sum(1 for _ in ws.iter_rows(values_only=True)) == 5_001


# ---- no raw HTML in Markdown and HTML ----

def hostile_report() -> Report:
    """Hostile text in every place the input (or a ruleset folder) controls."""
    base = interpretations_report()
    f = base.findings[0]
    finding = f.model_copy(update={"message": f"fee {XSS} | x", "rule_title": f"title {XSS}",
                                   "sources": [f"source {XSS}"], "remedy": f"remedy {XSS}", "caveat": f"caveat {XSS}",
                                   "worker_id": f"W{XSS}", "agency_id": f"A{XSS}"})
    agency = AgencySummary(agency_id=f"A{XSS}", name=f"agency {XSS}", workers=1, workers_with_violations=0,
                           share_with_violations=0.0, violations=0, fees_charged_to_workers={}, to_reimburse={},
                           risk_grade="A")
    worker = WorkerSummary(worker_id=f"W{XSS}", name=f"name {XSS}", agency_id=f"A{XSS}", employer_id=None,
                           findings=1, violations=0, paid={}, to_reimburse={})
    problem = InputProblem(type=ProblemType.BAD_VALUE, action=Action.VALUE_IGNORED, sheet=f"s{XSS}", row=3,
                           column=f"c{XSS}", value=f"{XSS}\n| broken | row |", message=f"m {XSS}")
    run = base.run.model_copy(update={"input_file": f"{XSS}.xlsx", "mapping_file": f"{XSS}.yaml"})
    summary = base.summary.model_copy(update={"by_agency": [agency]})
    return base.model_copy(update={"run": run, "findings": [finding], "workers": [worker], "summary": summary,
                                   "input_problems": [problem]})


def test_markdown_escapes_html_pipes_and_line_breaks_in_every_value_and_the_file_name(tmp_path: Path) -> None:
    path = tmp_path / "r.md"
    write_report(hostile_report(), path)
    md = path.read_text(encoding="utf-8")
    assert XSS not in md
    assert "<" not in md.replace("<br>", "")  # the only markup written is the writer's own line break
    assert "&lt;img src=x onerror=alert(1)&gt;.xlsx" in md.splitlines()[0]  # the title names the file
    for block in md.split("\n\n"):
        table = [line for line in block.splitlines() if line.startswith("|")]
        if table:  # one row stays one row: every line has as many unescaped pipes as the header
            assert len({len(re.findall(r"(?<!\\)\|", line)) for line in table}) == 1, table


def test_html_autoescapes_every_value_and_the_file_name(tmp_path: Path) -> None:
    path = tmp_path / "r.html"
    write_report(hostile_report(), path)
    html = path.read_text(encoding="utf-8")
    assert XSS not in html and "onerror=alert(1)>" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;.xlsx" in html


def test_a_hostile_input_file_name_reaches_no_report_as_markup(tmp_path: Path) -> None:
    book = tmp_path / f"{XSS}.xlsx"
    shutil.copy(VIOLATIONS, book)
    md, html, xl = tmp_path / "r.md", tmp_path / "r.html", tmp_path / "r.xlsx"
    assert main(["check", str(book), "-q", "-o", str(md), "-o", str(html), "-o", str(xl)]) == 1
    assert XSS not in md.read_text(encoding="utf-8") and XSS not in html.read_text(encoding="utf-8")
    with zipfile.ZipFile(xl) as z:
        assert not any(re.search(r"<(\w+:)?f[\s>/]", z.read(n).decode()) for n in z.namelist()
                       if n.startswith("xl/worksheets/"))
