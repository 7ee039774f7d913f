"""The Excel report: six sheets an inspector can file, no formula anywhere, every word from the catalog."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from compliance.check import check
from compliance.i18n import Catalog
from compliance.input.readings import Readings
from compliance.input.sheets import SHEETS
from compliance.report.model import Report
from compliance.report.writers.xlsx import write_xlsx
from compliance.rules.ruleset import Severity
from samples.build import violations_sample
from tests.test_reports import DECIMAL_NOTE, HOSTILE_HEADER, HOSTILE_VALUE, NOTICE, interpretations_report

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
SHEET_KEYS = ("summary", "findings", "workers", "agencies", "problems", "interpretations")
DANGEROUS = ['=HYPERLINK("http://evil","x")', "+1+1", "-2", "@SUM(A1)", "\t=1", "\r=1"]


@pytest.fixture(scope="module")
def report() -> Report:
    return check(SAMPLES / "agency-with-violations.xlsx")


@pytest.fixture(scope="module")
def book(report: Report, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("xlsx") / "report.xlsx"
    write_xlsx(report, path, Catalog("en"))
    return path


def _data_rows(ws: Worksheet) -> list[tuple[Any, ...]]:
    return list(ws.iter_rows(min_row=2, values_only=True))


def _find_row(ws: Worksheet, first: Any) -> tuple[Any, ...]:
    return next(r for r in ws.iter_rows(values_only=True) if r[0] == first)


def _texts(path: Path) -> list[str]:
    wb = load_workbook(path)
    return [c.value for ws in wb for row in ws.iter_rows() for c in row if isinstance(c.value, str)]


def test_the_sample_report_has_six_sheets_in_order_with_one_row_per_item(report: Report, book: Path) -> None:
    wb = load_workbook(book)
    en = Catalog("en")
    assert wb.sheetnames == [en.t(f"xlsx.sheet.{k}") for k in SHEET_KEYS]
    _, findings, workers, agencies, problems, _ = wb.worksheets
    assert len(_data_rows(findings)) == len(report.findings) == 66
    assert len(_data_rows(workers)) == len(report.workers) == 14
    assert len(_data_rows(agencies)) == len(report.summary.by_agency) == 4
    assert len(_data_rows(problems)) == len(report.input_problems) == 0
    for ws in (findings, workers, agencies, problems):
        assert ws.freeze_panes == "A2"
        assert ws.auto_filter.ref.startswith("A1:")


def test_the_findings_sheet_has_every_field_of_a_finding(report: Report, book: Path) -> None:
    ws = load_workbook(book).worksheets[1]
    en = Catalog("en")
    assert [c.value for c in ws[1]][:4] == [en.t("field.finding_id"), en.t("field.severity"),
                                            en.t("field.outcome"), en.t("field.rule_id")]
    first = report.findings[0]
    row = [c.value for c in ws[2]]
    assert row[:6] == [first.finding_id, "high", "violation", first.rule_id, first.rule_title, first.worker_id]
    assert row[8] == first.message
    assert row[9] == "workers row 2; fees row 4"
    assert row[10].split("\n") == first.sources
    assert row[13] == 120000 and ws.cell(row=2, column=14).number_format == "#,##0.00"
    assert row[14] == "NPR"


def test_the_finding_id_links_to_the_workers_row(report: Report, book: Path) -> None:
    wb = load_workbook(book)
    findings, workers = wb.worksheets[1], wb.worksheets[2]
    for r, f in enumerate(report.findings, 2):
        link = findings.cell(row=r, column=1).hyperlink
        sheet, cell = link.location.rsplit("!", 1)
        assert sheet == f"'{workers.title}'" and link.target is None
        assert workers[cell].value == f.worker_id


def test_severity_cells_are_coloured_by_severity(report: Report, book: Path) -> None:
    ws = load_workbook(book).worksheets[1]
    colours = {Severity.CRITICAL: "7B0000", Severity.HIGH: "D9302C", Severity.MEDIUM: "FFC000",
               Severity.LOW: "9DC3E6"}
    seen = set()
    for r, f in enumerate(report.findings, 2):
        fill = ws.cell(row=r, column=2).fill
        assert fill.fill_type == "solid" and fill.fgColor.rgb.endswith(colours[f.severity])
        seen.add(f.severity)
    assert {Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM} <= seen
    assert ws.cell(row=2, column=3).fill.fill_type is None  # only the severity cell is coloured


def test_the_summary_shows_run_counts_and_the_totals_per_currency(report: Report, book: Path) -> None:
    ws = load_workbook(book).worksheets[0]
    values = {r[0]: r[1] for r in ws.iter_rows(values_only=True) if r[0] is not None}
    assert values["Input SHA-256"] == report.run.input_sha256
    assert values["Ruleset"] == "baseline" and values["Ruleset version"] == report.run.ruleset.version
    assert values["Evaluation date"].date() == report.run.ruleset.as_of
    assert values["Workers checked"] == 14 and values["Workers with open violations"] == 12
    assert values["violation"] == 53 and values["critical"] == 13
    assert Catalog("en").t("md.disclaimer") in values
    assert {cur: values[cur] for cur in ("NPR", "QAR", "USD")} == {"NPR": 350700, "QAR": 7550, "USD": 300}
    assert _find_row(ws, "fees")[1:4] == (42, 42, 0)
    assert _find_row(ws, "FR-FEE-014")[1:7] == ("Fees found but not reimbursed", 0, 1, 0, 0, 1)
    assert _find_row(ws, "AG-01")[1:5] == ("Himal Overseas", 302700, 5900, 300)


def test_the_summary_has_two_native_bar_charts(book: Path) -> None:
    ws = load_workbook(book).worksheets[0]
    assert len(ws._charts) == 2
    with zipfile.ZipFile(book) as z:
        charts = [n for n in z.namelist() if n.startswith("xl/charts/chart")]
        assert len(charts) == 2
        xml = "".join(z.read(n).decode() for n in charts)
    assert len(re.findall(r"<(\w+:)?barChart>", xml)) == 2
    assert "Findings by rule" in xml and "one series per currency" in xml


def test_workers_and_agencies_sheets_show_money_per_currency_and_coloured_grades(book: Path) -> None:
    wb = load_workbook(book)
    workers, agencies = wb.worksheets[2], wb.worksheets[3]
    assert _find_row(workers, "W-101") == ("W-101", "Sita Tamang", "AG-01", "EM-01", 2, 1, "high",
                                           "128,000 NPR", "120,000 NPR")
    assert _find_row(workers, "W-107")[7] == "90,000 NPR\n1,000 QAR\n300 USD"
    row = _find_row(agencies, "AG-01")
    assert row[:6] == ("AG-01", "Himal Overseas", 11, 9, 0.8182, 43)
    assert row[8:] == ("E", "FR-WAGE-003", "Wages withheld")
    assert agencies.cell(row=2, column=5).number_format == "0.0%"
    assert agencies.cell(row=2, column=9).fill.fgColor.rgb.endswith("7B0000")
    assert agencies.cell(row=5, column=9).fill.fgColor.rgb.endswith("D9302C")  # AG-04, grade D


def test_every_input_problem_is_listed_with_its_action_translated(tmp_path: Path) -> None:
    report = check(SAMPLES / "messy-input.xlsx")
    write_xlsx(report, tmp_path / "messy.xlsx", Catalog("zh"))
    ws = load_workbook(tmp_path / "messy.xlsx").worksheets[4]
    rows = _data_rows(ws)
    assert len(rows) == len(report.input_problems) == 8
    first = report.input_problems[0]
    assert rows[0] == (first.sheet, first.row, first.column, first.value, "该值未采用", first.message)


def test_a_report_without_findings_writes_none_and_no_empty_charts(tmp_path: Path) -> None:
    report = check(SAMPLES / "compliant-agency.xlsx")
    write_xlsx(report, tmp_path / "ok.xlsx", Catalog("en"))
    wb = load_workbook(tmp_path / "ok.xlsx")
    assert len(_data_rows(wb.worksheets[1])) == len(report.findings) == 0
    assert wb.worksheets[0]._charts == []
    assert "none" in _texts(tmp_path / "ok.xlsx")


def test_the_same_report_gives_the_same_cells(report: Report, book: Path, tmp_path: Path) -> None:
    write_xlsx(report, tmp_path / "again.xlsx", Catalog("en"))
    assert _texts(book) == _texts(tmp_path / "again.xlsx")
    for a, b in zip(load_workbook(book), load_workbook(tmp_path / "again.xlsx"), strict=True):
        assert [[c.value for c in r] for r in a.iter_rows()] == [[c.value for c in r] for r in b.iter_rows()]


# ---- spreadsheet formula injection ----

def _rename(rows: dict[str, list[dict[str, Any]]], column: str, old: str, new: str) -> None:
    for sheet in rows.values():
        for row in sheet:
            for key in (column, "parent_agency_id"):
                if row.get(key) == old:
                    row[key] = new


def _write_input(path: Path, rows: dict[str, list[dict[str, Any]]]) -> None:
    """Like samples/build.py, but every string stored as text (an input cell is never a formula either)."""
    wb = Workbook()
    wb.remove(wb.active)
    for spec in SHEETS:
        ws = wb.create_sheet(spec.name)
        names = [c.name for c in spec.columns]
        ws.append(names)
        for r, row in enumerate(rows.get(spec.name, []), 2):
            for col, name in enumerate(names, 1):
                cell = ws.cell(row=r, column=col, value=row.get(name))
                if isinstance(row.get(name), str):
                    cell.data_type = "s"
    wb.save(path)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Report, Path]:
    rows = violations_sample()
    rows["workers"][0]["name"] = DANGEROUS[0]  # W-101
    rows["agencies"][0]["name"] = DANGEROUS[1]  # AG-01
    rows["agencies"][1]["name"] = DANGEROUS[3]  # AG-02
    _rename(rows, "employer_id", "EM-01", DANGEROUS[2])
    _rename(rows, "worker_id", "W-102", DANGEROUS[4])
    _rename(rows, "agency_id", "AG-04", DANGEROUS[5])
    for fee in rows["fees"]:
        if fee["fee_id"] == "F-101-P":
            fee["fee_id"] = DANGEROUS[3]
    folder = tmp_path_factory.mktemp("hostile")
    _write_input(folder / "hostile.xlsx", rows)
    report = check(folder / "hostile.xlsx")
    write_xlsx(report, folder / "report.xlsx", Catalog("en"))
    return report, folder / "report.xlsx"


def test_dangerous_input_reaches_the_report(hostile: tuple[Report, Path]) -> None:
    report, _ = hostile
    assert DANGEROUS[0] in {w.name for w in report.workers}
    assert {DANGEROUS[1], DANGEROUS[3]} <= {a.name for a in report.summary.by_agency}
    worker_ids = {w.worker_id for w in report.workers}
    assert any(w.startswith("=1") or w.startswith("\t=1") for w in worker_ids)
    assert any(f.employer_id == "-2" for f in report.findings)
    assert any("fee @SUM(A1)" in f.message for f in report.findings)


def test_no_cell_of_the_report_is_a_formula(hostile: tuple[Report, Path]) -> None:
    report, path = hostile
    with zipfile.ZipFile(path) as z:
        sheets = [n for n in z.namelist() if n.startswith("xl/worksheets/") and n.endswith(".xml")]
        assert len(sheets) == 6
        xml = "".join(z.read(n).decode() for n in sheets)
    assert not re.search(r"<(\w+:)?f[\s>/]", xml)
    assert "'=HYPERLINK(&quot;http://evil&quot;,&quot;x&quot;)" in xml or "'=HYPERLINK(\"http://evil\",\"x\")" in xml
    wb = load_workbook(path)
    cells = [c for ws in wb for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert all(c.data_type == "s" for c in cells)
    texts = {c.value for c in cells}
    assert {"'" + DANGEROUS[0], "'" + DANGEROUS[1], "'-2", "'" + DANGEROUS[3]} <= texts
    worker = next(w.worker_id for w in report.workers if w.worker_id.lstrip("\t").startswith("="))
    assert "'" + worker in texts
    assert not any(t.startswith(("=", "+", "-", "@", "\t", "\r")) for t in texts)


def test_dangerous_text_is_on_the_sheet_where_a_reader_looks_for_it(hostile: tuple[Report, Path]) -> None:
    _, path = hostile
    wb = load_workbook(path)
    _, findings, workers, agencies, _, _ = wb.worksheets
    assert "'" + DANGEROUS[0] in [r[1] for r in _data_rows(workers)]
    assert {"'+1+1", "'@SUM(A1)"} <= {r[1] for r in _data_rows(agencies)}
    assert "'-2" in {r[7] for r in _data_rows(findings)}


def test_tab_and_carriage_return_starts_are_quoted_too(report: Report, tmp_path: Path) -> None:
    # The input reader trims cells, so these reach the writer only from other sources: test the writer directly.
    values = [*DANGEROUS, "\x01=1", "=1"]
    workers = [w.model_copy(update={"name": v, "worker_id": f"{v}#{i}"})
               for i, (w, v) in enumerate(zip(report.workers, values, strict=False))]
    write_xlsx(report.model_copy(update={"workers": workers}), tmp_path / "w.xlsx", Catalog("en"))
    with zipfile.ZipFile(tmp_path / "w.xlsx") as z:
        xml = "".join(z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/sheet"))
    assert not re.search(r"<(\w+:)?f[\s>/]", xml)
    names = [r[1] for r in _data_rows(load_workbook(tmp_path / "w.xlsx").worksheets[2])][:len(values)]
    assert all(n.startswith("'") for n in names)
    assert names[4].replace("\r", "\n") in ("'\t=1", "'\n=1") and names[6] == "'=1"  # \x01 dropped, then quoted


# ---- languages ----

def test_a_chinese_workbook_takes_every_word_from_the_chinese_catalog(report: Report, tmp_path: Path) -> None:
    path = tmp_path / "zh.xlsx"
    write_xlsx(report, path, Catalog("zh"))
    en, zh = Catalog("en"), Catalog("zh")
    wb = load_workbook(path)
    assert wb.sheetnames == [zh.t(f"xlsx.sheet.{k}") for k in SHEET_KEYS]
    zh_texts = {zh.t(k) for k in zh.all_keys()}
    for ws in wb.worksheets[1:]:
        assert all(c.value is None or c.value in zh_texts for c in ws[1]), ws.title
    texts = _texts(path)
    assert not any(t.startswith("xlsx.") for t in texts)
    english_only = {en.t(k) for k in en.all_keys() if k.startswith(("xlsx.", "field.", "outcome.", "severity."))
                    and en.t(k) != zh.t(k)}
    # The Interpretations sheet names the contract's columns (currency, category...) as input files and mapping
    # files spell them: identifiers, not English words, so it is left out here and checked by its own test.
    assert not english_only & {c.value for ws in wb.worksheets[:-1] for row in ws.iter_rows() for c in row}
    assert zh.t("md.disclaimer") in texts and zh.t("severity.critical") in texts
    with zipfile.ZipFile(path) as z:
        charts = "".join(z.read(n).decode() for n in z.namelist() if n.startswith("xl/charts/chart"))
    assert zh.t("xlsx.chart.by_rule") in charts and "Findings by rule" not in charts


# ---- how the input was read ----

def _interpretation_tables(ws: Worksheet) -> dict[str, list[tuple[Any, ...]]]:
    """The stacked tables of the Interpretations sheet by title: header row then data rows, up to a blank row."""
    rows = list(ws.iter_rows(values_only=True))
    tables: dict[str, list[tuple[Any, ...]]] = {}
    for i, row in enumerate(rows):
        if i >= 2 and row[0] is not None and all(v is None for v in row[1:]) and (i == 0 or rows[i - 1][0] is None):
            end = next((j for j in range(i + 1, len(rows)) if rows[j][0] is None), len(rows))
            tables[row[0]] = rows[i + 1:end]
    return tables


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_interpretations_sheet_lists_sheets_columns_values_and_notices(tmp_path: Path, lang: str) -> None:
    c = Catalog(lang)
    path = tmp_path / f"{lang}.xlsx"
    write_xlsx(interpretations_report(lang), path, c)
    wb = load_workbook(path)
    ws = wb[c.t("xlsx.sheet.interpretations")]
    assert wb.sheetnames[-1] == ws.title and ws["A1"].value == c.t("interpret.title")
    tables = _interpretation_tables(ws)
    sheets, columns, values = (tables[c.t(f"interpret.{k}")] for k in ("sheets", "columns", "values"))
    assert sheets[0][:3] == (c.t("interpret.col.source"), c.t("interpret.col.read_as"), c.t("interpret.col.how"))
    assert sheets[1][:5] == ("Fee ledger 2024", "fees", c.t("interpret.how.synonym"), "3, 4",
                             c.t("interpret.skipped_row", row=41, reason="is a totals row"))
    assert sheets[2][1] == c.t("interpret.not_read")
    amount = next(r for r in columns if r[2] == "amount")
    assert amount[4:] == ("D", c.t("interpret.how.fuzzy"), 87.5, "currency NPR",
                          "decimal comma: proved by D7 '1.234,50'", 30, 9, 1,
                          c.t("interpret.note_count", note=DECIMAL_NOTE, count=9))
    missing = next(r for r in columns if r[2] == "receipt_number")
    assert missing[3] is None and missing[5] == c.t("interpret.how.missing")
    assert values[1][:8] == ("fees", "category", "Placement fees (agent)", "placement_fee", c.value("placement_fee"),
                         c.t("interpret.how.keyword"), "placement", 20)
    assert tables[c.t("interpret.notices")][0][0] == NOTICE
    summary = {r[0]: r[1] for r in wb.worksheets[0].iter_rows(values_only=True) if r[0] is not None}
    assert summary[c.t("interpret.mapping_file")] == "ledger.map.yaml"


def test_a_hostile_header_in_the_interpretations_sheet_is_text_not_a_formula(tmp_path: Path) -> None:
    path = tmp_path / "r.xlsx"
    write_xlsx(interpretations_report(), path, Catalog("en"))
    with zipfile.ZipFile(path) as z:
        xml = "".join(z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/sheet"))
    assert not re.search(r"<(\w+:)?f[\s>/]", xml)
    ws = load_workbook(path)[Catalog("en").t("xlsx.sheet.interpretations")]
    header = next(c for row in ws.iter_rows() for c in row if isinstance(c.value, str) and "HYPERLINK" in c.value)
    assert header.value == "'" + HOSTILE_HEADER and header.data_type == "s"
    assert HOSTILE_VALUE in [c.value for row in ws.iter_rows() for c in row]  # several lines kept as written


def test_an_empty_interpretations_section_says_none(tmp_path: Path) -> None:
    report = interpretations_report().model_copy(update={"interpretations": Readings()})
    write_xlsx(report, tmp_path / "r.xlsx", Catalog("en"))
    tables = _interpretation_tables(load_workbook(tmp_path / "r.xlsx").worksheets[-1])
    assert len(tables) == 4
    assert all(rows[-1] == ("none", *([None] * (len(rows[-1]) - 1))) for rows in tables.values())


# ---- LibreOffice opens it ----

def test_libreoffice_converts_the_workbook_to_a_pdf_with_pages(book: Path, tmp_path: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice (soffice) is not installed; CI must install libreoffice-calc-nogui")
        pytest.skip("LibreOffice (soffice) is not installed")
    out = tmp_path / "pdf"
    out.mkdir()
    env = {**os.environ, "HOME": str(tmp_path)}
    subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(out), str(book)],
                   env=env, timeout=180, check=True, capture_output=True)
    pdf = out / "report.pdf"
    assert pdf.exists()
    pages = len(re.findall(rb"/Type\s*/Page\b", pdf.read_bytes()))
    assert pages >= 5  # at least one page per sheet
