"""The reports people read: all formats from one run, safe as spreadsheets, in Chinese, and redacted."""

from __future__ import annotations

import csv
import json
import re
import zipfile
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from compliance.cli import main
from compliance.i18n import Catalog
from compliance.input.readings import ColumnReading, Readings, SheetReading, SkippedRow, ValueReading
from compliance.report.model import Finding, Report, RulesetInfo, RunInfo, Summary, UnreadCell
from compliance.report.writers import write_report
from compliance.rules.ruleset import Outcome, Severity, load_ruleset

ROOT = Path(__file__).resolve().parent.parent
VIOLATIONS = ROOT / "samples" / "agency-with-violations.xlsx"
FORMATS = (".json", ".xlsx", ".html", ".csv", ".md")


def write_all(tmp_path: Path, *options: str, source: Path = VIOLATIONS) -> dict[str, Path]:
    paths = {ext: tmp_path / f"report{ext}" for ext in FORMATS}
    args = ["check", str(source), "-q", *options]
    for p in paths.values():
        args += ["-o", str(p)]
    assert main(args) == 1
    return paths


def text_of(path: Path) -> str:
    """Everything a reader could see in a report file, as text."""
    if path.suffix == ".xlsx":
        with zipfile.ZipFile(path) as z:
            return "\n".join(z.read(n).decode("utf-8", "replace") for n in z.namelist() if n.endswith(".xml"))
    return path.read_text(encoding="utf-8-sig")


def test_one_run_writes_all_five_formats_with_the_same_findings(tmp_path: Path) -> None:
    paths = write_all(tmp_path)
    report = json.loads(paths[".json"].read_text(encoding="utf-8"))
    n = len(report["findings"])
    with paths[".csv"].open(encoding="utf-8-sig", newline="") as f:
        assert len(list(csv.reader(f))) == n + 1
    md = paths[".md"].read_text(encoding="utf-8")
    assert all(f["finding_id"] in md for f in report["findings"])
    assert all(paths[ext].stat().st_size > 500 for ext in FORMATS)


def test_csv_cells_that_look_like_formulas_are_written_as_text(tmp_path: Path) -> None:
    import samples.build as build

    rows = build.compliant_sample()
    rows["fees"].append(build.fee("W-201", "P", "placement_fee", 1000, "NPR", build.D(2024, 2, 3)))
    rows["fees"][-1]["fee_id"] = '=HYPERLINK("http://evil.example","x")'
    source = tmp_path / "evil.xlsx"
    build.write(source, rows)
    _store_formulas_as_text(source)
    out = tmp_path / "f.csv"
    assert main(["check", str(source), "-q", "-o", str(out)]) == 1
    cells = [c for row in csv.reader(out.open(encoding="utf-8-sig", newline="")) for c in row]
    assert cells and not any(c.startswith(("=", "+", "-", "@", "\t", "\r")) for c in cells)
    assert any("HYPERLINK" in c for c in cells)


def _store_formulas_as_text(path: Path) -> None:
    """openpyxl writes any '=...' string as a formula; a hostile input stores it as text, so do that."""
    from openpyxl import load_workbook

    wb = load_workbook(path)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    cell.data_type = "s"
    wb.save(path)


def column_values(sheet: str, column: str) -> list[str]:
    rows = CalamineWorkbook.from_path(str(VIOLATIONS)).get_sheet_by_name(sheet).to_python()
    i = rows[0].index(column)
    return [r[i] for r in rows[1:] if r[i]]


def test_redact_leaves_no_worker_name_or_document_number_in_any_output_file(tmp_path: Path) -> None:
    names = column_values("workers", "name")
    numbers = column_values("documents", "document_number")
    assert len(names) == 14 and len(numbers) == 15
    paths = write_all(tmp_path, "--redact")
    for path in paths.values():
        text = text_of(path)
        found = [n for n in names if n in text or n.split()[0] in text.split()]
        assert found == [], f"{path.name} still names {found}"
        assert [n for n in numbers if n in text] == [], f"{path.name} still shows a document number"
    report = json.loads(paths[".json"].read_text(encoding="utf-8"))
    assert report["run"]["redacted"] is True
    assert [w["name"] for w in report["workers"]] == [f"P-{n:04d}" for n in range(1, 15)]
    cited = {e["record_id"] for f in report["findings"] for e in f["evidence"] if e["sheet"] == "documents"}
    assert cited == {"D-0001", "D-0002", "D-0003"}, "one pseudonym per document, the same across findings"


def test_document_numbers_are_kept_as_evidence_without_redact(tmp_path: Path) -> None:
    report = json.loads(write_all(tmp_path)[".json"].read_text(encoding="utf-8"))
    cited = {e["record_id"] for f in report["findings"] for e in f["evidence"] if e["sheet"] == "documents"}
    assert cited == {"PA1024409", "4017-2281-0093", "CTEVT-77120"}


def test_reports_keep_names_without_redact(tmp_path: Path) -> None:
    paths = write_all(tmp_path)
    assert "Sita Tamang" in text_of(paths[".json"])


def _english_rule_fragments() -> set[str]:
    """Runs of 3+ English words from every rule text and message template (placeholders removed)."""
    frags: set[str] = set()
    for rule in load_ruleset().rules:
        texts = [rule.text.title, rule.text.remedy, *rule.text.messages.values(), rule.text.caveat or ""]
        for text in texts:
            for part in re.split(r"\{[^{}]*\}|[.;:()]", text):
                words = part.split()
                if len(words) >= 3:
                    frags.add(" ".join(words[:3]))
    return frags


def test_lang_zh_leaves_no_english_rule_or_interface_text(tmp_path: Path) -> None:
    paths = write_all(tmp_path, "--lang", "zh")
    fragments = _english_rule_fragments()
    ui = {v for k in Catalog("en").all_keys() if len((v := Catalog("en").t(k)).split()) >= 3 and "{" not in v}
    for path in paths.values():
        text = " ".join(text_of(path).split())
        leftovers = sorted(f for f in fragments | ui if f in text)
        assert leftovers == [], f"{path.name}: {leftovers[:5]}"
    report = json.loads(paths[".json"].read_text(encoding="utf-8"))
    assert report["run"]["lang"] == "zh"
    assert "工人" in report["findings"][0]["message"]


def test_unknown_language_is_a_one_line_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(VIOLATIONS), "--lang", "fr"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "--lang" in err and len(err.strip().splitlines()) == 1


# ---- how the input was read (the interpretations section), in every format ----

HOSTILE_HEADER = '=HYPERLINK("http://evil.example","x")'
HOSTILE_SHEET = "<script>alert(1)</script>"
HOSTILE_VALUE = "<img src=x onerror=alert(1)> | [x](javascript:alert(1))\nnext"
DECIMAL_NOTE = "decimal comma read as the decimal point"
NOTICE = "ledger.csv: read as cp1252 (Windows Western European), not UTF-8"


def interpretations_report(lang: str = "en") -> Report:
    """A report built by hand (independent of the reading layer) with every part of the section filled in,
    hostile texts in the places a user's file controls, and one insufficient-evidence finding with unread cells."""
    readings = Readings(
        sheets=[
            SheetReading(source="Fee ledger 2024", sheet="fees", how="synonym", header_rows=[3, 4],
                         skipped_rows=[SkippedRow(row=41, reason="is a totals row")]),
            SheetReading(source=HOSTILE_SHEET, sheet=None, how="skipped: summary sheet"),
        ],
        columns=[
            ColumnReading(sheet="fees", source="Fee ledger 2024", column="amount", header=HOSTILE_HEADER, letter="D",
                          how="fuzzy", score=87.5, hint="currency NPR", format="decimal comma: proved by D7 '1.234,50'",
                          as_written=30, interpreted=9, refused=1, notes={DECIMAL_NOTE: 9}),
            ColumnReading(sheet="fees", source="Fee ledger 2024", column="category", header="Fee type", letter="E",
                          how="synonym", score=100.0, as_written=12, interpreted=28,
                          values=[ValueReading(written="Placement fees (agent)", code="placement_fee", how="keyword",
                                               matched="placement", cells=20),
                                  ValueReading(written=HOSTILE_VALUE, code="placement_fee", how="fuzzy",
                                               matched="placement fee", cells=8)]),
            ColumnReading(sheet="fees", source="Fee ledger 2024", column="receipt_number", header=None, how="missing"),
        ],
        notices=[NOTICE, "sheet '<b>Pivot</b>' holds a pivot table: skipped | twice"],
    )
    finding = Finding(
        finding_id="F-0001", rule_id="FR-FEE-001", rule_title="Worker paid a recruitment fee",
        outcome=Outcome.INSUFFICIENT_EVIDENCE, severity=Severity.HIGH, worker_id="W-101", agency_id="AG-01",
        employer_id=None, message="Not judged: the fee category could not be read.", evidence=[],
        sources=["ILO General principles and operational guidelines for fair recruitment, principle 7"],
        remedy="Ask the agency for the receipt.", clause="FR-FEE-001#1",
        unreadable=[UnreadCell(sheet="fees", row=12, column="category", value=HOSTILE_SHEET),
                    UnreadCell(sheet="fees", row=12, column="receipt_number", value=None)])
    outcomes = {o.value: 0 for o in Outcome}
    outcomes["insufficient_evidence"] = 1
    summary = Summary(
        workers_checked=1, workers_affected=0, findings_by_outcome=outcomes,
        violations_by_severity={s.value: 0 for s in Severity},
        findings_by_rule={"FR-FEE-001": {"insufficient_evidence": 1}},
        verdicts_by_rule={"FR-FEE-001": {"insufficient_evidence": 1}}, to_reimburse={},
        worker_paid_by_category={}, by_agency=[])
    run = RunInfo(input_file="ledger.xlsx", input_format="xlsx", input_sha256="0" * 64,
                  mapping_file="ledger.map.yaml",
                  ruleset=RulesetInfo(name="baseline", version="1.0", title="Baseline", as_of=date(2024, 6, 30)),
                  generated_at=datetime(2024, 7, 1, tzinfo=UTC), fail_on=Severity.HIGH, lang=lang)
    return Report(run=run, input_counts={}, input_problems=[], findings=[finding], summary=summary, workers=[],
                  interpretations=readings)


def _markdown(tmp_path: Path, lang: str) -> str:
    out = tmp_path / f"{lang}.md"
    write_report(interpretations_report(lang), out)
    return out.read_text(encoding="utf-8")


def _md_section(md: str, title: str) -> list[str]:
    lines = md.splitlines()
    return lines[lines.index(f"## {title}"):]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_markdown_lists_sheets_columns_mapped_values_and_notices_in_the_readers_language(
        tmp_path: Path, lang: str) -> None:
    c = Catalog(lang)
    section = _md_section(_markdown(tmp_path, lang), c.t("interpret.title"))
    text = "\n".join(section)
    for key in ("interpret.sheets", "interpret.columns", "interpret.values", "interpret.notices"):
        assert f"### {c.t(key)}" in section
    assert "| Fee ledger 2024 | fees | " + c.t("interpret.how.synonym") + " | 3, 4 | " in text
    assert c.t("interpret.skipped_row", row=41, reason="is a totals row") in text
    assert c.t("interpret.not_read") in text and "skipped: summary sheet" in text
    amount = next(line for line in section if "| amount |" in line)
    assert "| D | " + c.t("interpret.how.fuzzy") + " | 87.5 | currency NPR |" in amount
    assert "| 30 | 9 | 1 |" in amount and c.t("interpret.note_count", note=DECIMAL_NOTE, count=9) in amount
    assert "| Placement fees (agent) | placement_fee | " + c.value("placement_fee") + " | " in text
    assert "| receipt_number |  |  | " + c.t("interpret.how.missing") + " |" in text
    assert f"- {NOTICE}" in section
    assert c.t("interpret.mapping_file") + ": ledger.map.yaml" in _markdown(tmp_path, lang)


def test_markdown_escapes_input_text_so_it_is_neither_markup_nor_a_broken_table(tmp_path: Path) -> None:
    md = _markdown(tmp_path, "en")
    assert "<script>" not in md and "<img" not in md and "<b>" not in md
    assert not re.search(r"(?<!\\)\]\(", md), "a link"
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in md and "&lt;b&gt;Pivot&lt;/b&gt;" in md
    section = _md_section(md, Catalog("en").t("interpret.title"))
    tables = [block.splitlines() for block in "\n".join(section).split("\n\n") if block.startswith("|")]
    assert len(tables) == 3
    for table in tables:  # every row has as many unescaped pipes as its header: no cell broke out of its row
        pipes = {len(re.findall(r"(?<!\\)\|", line)) for line in table}
        assert len(pipes) == 1, table
    value = next(line for line in section if "onerror" in line)
    assert "\\| \\[x\\](javascript:alert(1)) next" in value
    assert next(line for line in section if "Pivot" in line).endswith("skipped \\| twice")
    assert HOSTILE_HEADER in md  # a formula start is harmless in Markdown: shown as written


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_format_shows_the_readings_in_the_readers_language(tmp_path: Path, lang: str) -> None:
    c, en = Catalog(lang), Catalog("en")
    report = interpretations_report(lang)
    for ext in (".xlsx", ".html", ".md", ".json"):
        path = tmp_path / f"report{ext}"
        write_report(report, path)
        text = text_of(path)
        assert "Placement fees (agent)" in text and "ledger.csv: read as cp1252" in text, ext
        if ext == ".json":
            continue
        assert c.t("interpret.title") in text and c.t("interpret.how.keyword") in text, ext
        if lang != "en":
            english = [t for k in en.all_keys() if k.startswith("interpret.")
                       and "{" not in (t := en.t(k)) and len(t.split()) >= 2]  # one word is also markup or data
            shown = text.replace(NOTICE, "").replace(DECIMAL_NOTE, "")  # the input layer's words, not the catalog's
            assert [t for t in english if t in shown] == [], ext


def test_a_real_run_reports_the_date_convention_it_decided_in_every_format(tmp_path: Path) -> None:
    from compliance.check import check

    report = check(ROOT / "samples" / "messy-input.xlsx", evaluator="reference")
    decided = [r for r in report.interpretations.columns if r.format]
    assert decided, "the messy sample proves a date convention"
    for ext in (".xlsx", ".html", ".md"):
        path = tmp_path / f"messy{ext}"
        write_report(report, path)
        text = text_of(path).replace("&#39;", "'").replace("&apos;", "'")
        assert all(r.format in text for r in decided), ext
