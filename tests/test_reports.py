"""The reports people read: all formats from one run, safe as spreadsheets, in Chinese, and redacted."""

from __future__ import annotations

import csv
import json
import re
import zipfile
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from compliance.cli import main
from compliance.i18n import Catalog
from compliance.rules import load_ruleset

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
