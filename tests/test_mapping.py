"""The mapping file: written by `fairrecruit map`, applied exactly by `check --map`, validated with line numbers."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import openpyxl
import pytest
import yaml

from compliance.check import check
from compliance.cli import main
from compliance.input.mapping import MappingError, load_mapping
from compliance.input.validate import validate
from compliance.input.workbook import InputError, read_workbook

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
README = Path(__file__).resolve().parent.parent / "README.md"


def _keys(report) -> Counter:
    return Counter((f.worker_id, f.rule_id, f.outcome.value) for f in report.findings)


def _renamed_sample(tmp_path: Path) -> Path:
    """The violations sample with its fees sheet renamed, a title row above it and agency-style headers."""
    book = openpyxl.load_workbook(SAMPLES / "agency-with-violations.xlsx")
    ws = book["fees"]
    ws.title = "Fee ledger"
    ws.insert_rows(1)
    ws["A1"] = "Fee ledger - Himal Overseas"
    names = {"fee_id": "Fee No.", "worker_id": "Worker No.", "category": "Fee type", "amount": "Amount paid"}
    for cell in ws[2]:
        cell.value = names.get(cell.value, cell.value)
    path = tmp_path / "ledger.xlsx"
    book.save(path)
    return path


def test_map_then_check_with_the_map_gives_the_findings_of_check_without_it(tmp_path):
    path = _renamed_sample(tmp_path)
    out = tmp_path / "mapping.yaml"
    assert main(["map", str(path), "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert '"Fee ledger":' in text and "as: fees" in text and "header_rows: [2]" in text
    assert '"Worker No.": worker_id' in text
    plain = check(path, evaluator="reference")
    mapped = check(path, evaluator="reference", mapping=out)
    assert _keys(mapped) == _keys(plain) and mapped.findings
    assert mapped.summary.to_reimburse == plain.summary.to_reimburse
    assert mapped.run.mapping_file == "mapping.yaml"


def test_a_mapping_reads_a_header_the_vocabularies_do_not_know(tmp_path):
    path = _renamed_sample(tmp_path)
    book = openpyxl.load_workbook(path)
    ws = book["Fee ledger"]
    for cell in ws[2]:
        if cell.value == "Amount paid":
            cell.value = "Zzq column 7"
    book.save(path)
    with pytest.raises(InputError, match=r"'Fee ledger' in the file\) is missing required column\(s\): amount"):
        validate(read_workbook(path))
    out = tmp_path / "m.yaml"
    out.write_text("fairrecruit-mapping: 1\nsheets:\n  Fee ledger:\n    as: fees\n    columns:\n"
                   "      Zzq column 7: amount\n", encoding="utf-8")
    mapped = check(path, evaluator="reference", mapping=out)
    assert mapped.summary.to_reimburse == check(SAMPLES / "agency-with-violations.xlsx",
                                                evaluator="reference").summary.to_reimburse


def test_mapping_values_and_formats_are_applied(tmp_path):
    book = openpyxl.load_workbook(SAMPLES / "compliant-agency.xlsx")
    ws = book["fees"]
    header = [c.value for c in ws[1]]
    cat, amount = header.index("category") + 1, header.index("amount") + 1
    ws.cell(2, cat).value = "Kharcha type Q"
    ws.cell(2, amount).value = "15.000"
    path = tmp_path / "in.xlsx"
    book.save(path)
    out = tmp_path / "m.yaml"
    out.write_text("fairrecruit-mapping: 1\nsheets:\n  fees:\n    as: fees\n    values:\n      category:\n"
                   "        Kharcha type Q: medical\n    numbers: {decimal: \",\"}\n", encoding="utf-8")
    data = validate(read_workbook(path, load_mapping(out)))
    fee = next(f for f in data.fees if f.row == 2)
    assert (fee.category, fee.amount) == ("medical", 15000.0)
    values = [v for c in data.readings.columns if c.column == "category" for v in c.values]
    assert [(v.written, v.code, v.how) for v in values] == [("Kharcha type Q", "medical", "mapping")]


@pytest.mark.parametrize(("text", "line", "words"), [
    ("fairrecruit-mapping: 1\nsheets:\n  fees:\n    as: feez\n", 3, "not a sheet of the input contract"),
    ("fairrecruit-mapping: 1\nsheets:\n  fees:\n    as: fees\n    colums: {}\n", 5, "unknown key"),
    ("fairrecruit-mapping: 1\nsheets:\n  fees:\n    as: fees\n    columns:\n      A: amout\n", 3,
     "'amout' is not a column of fees"),
    ("fairrecruit-mapping: 1\nsheets:\n  fees:\n    as: fees\n    values:\n      category: {x: medicall}\n", 3,
     "'medicall' is not one of"),
    ("fairrecruit-mapping: 2\nsheets: {}\n", 1, "fairrecruit-mapping"),
    ("fairrecruit-mapping: 1\nsheets:\n  log:\n    as: [workers, fees]\n    columns:\n      Name: name\n", 3,
     "must say which sheet"),
])
def test_a_wrong_mapping_is_refused_naming_its_line(tmp_path, text, line, words):
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(MappingError) as info:
        load_mapping(path)
    message = str(info.value)
    assert f"bad.yaml, line {line}:" in message and words in message and "\n" not in message


def test_bad_mapping_is_a_one_line_cli_error(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text("fairrecruit-mapping: 1\nsheets:\n  fees: {as: nope}\n", encoding="utf-8")
    assert main(["check", str(SAMPLES / "compliant-agency.xlsx"), "--map", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: bad.yaml, line 3:") and err.count("\n") == 1


def _case_log(tmp_path: Path, name_on_row_3: str) -> Path:
    """workers and fees of the compliant sample as one flat NGO case log: one row per fee."""
    src = openpyxl.load_workbook(SAMPLES / "compliant-agency.xlsx")
    workers = {r[0]: r for r in src["workers"].iter_rows(min_row=2, values_only=True) if r[0]}
    wh = [c.value for c in src["workers"][1]]
    fh = [c.value for c in src["fees"][1]]
    book = openpyxl.Workbook()
    log = book.active
    log.title = "Case log"
    log.append([f"W {h}" for h in wh] + [f"F {h}" for h in fh])
    for i, fee in enumerate(src["fees"].iter_rows(min_row=2, values_only=True)):
        if not fee[0]:
            continue
        w = list(workers[fee[fh.index("worker_id")]])
        if i == 1:
            w[wh.index("name")] = name_on_row_3
        log.append(w + list(fee))
    for sheet in src.sheetnames:
        if sheet not in ("workers", "fees", "instructions"):
            target = book.create_sheet(sheet)
            for row in src[sheet].iter_rows(values_only=True):
                target.append(list(row))
    path = tmp_path / "log.xlsx"
    book.save(path)
    columns = {f"W {h}": f"workers.{h}" for h in wh if h != "worker_id"}
    columns.update({f"F {h}": f"fees.{h}" for h in fh if h != "worker_id"})
    columns["W worker_id"] = ["workers.worker_id"]
    columns["F worker_id"] = ["fees.worker_id"]
    mapping = {"fairrecruit-mapping": 1, "sheets": {"Case log": {"as": ["workers", "fees"], "columns": columns}}}
    (tmp_path / "log.yaml").write_text(yaml.safe_dump(mapping, allow_unicode=True), encoding="utf-8")
    return path


def test_a_flat_case_log_split_by_the_mapping_gives_the_findings_of_the_separate_sheets(tmp_path):
    path = _case_log(tmp_path, name_on_row_3="")
    base = check(SAMPLES / "compliant-agency.xlsx", evaluator="reference")
    split = check(path, evaluator="reference", mapping=tmp_path / "log.yaml")
    assert _keys(split) == _keys(base)
    assert split.input_counts["workers"].evaluated == base.input_counts["workers"].evaluated
    assert split.input_counts["fees"].evaluated == base.input_counts["fees"].evaluated


def test_a_repeated_worker_fact_that_differs_is_reported_not_chosen_silently(tmp_path):
    path = _case_log(tmp_path, name_on_row_3="Somebody Else")
    report = check(path, evaluator="reference", mapping=tmp_path / "log.yaml")
    [conflict] = [p for p in report.input_problems if p.column == "name" and p.type.value == "inconsistent"]
    assert conflict.sheet == "workers" and conflict.row == 3 and conflict.value == "Somebody Else"
    assert re.search(r"row 2 says '.+': row 2 is read", conflict.message)


def test_the_readme_mapping_example_is_a_valid_mapping(tmp_path):
    block = re.search(r"### The mapping file.*?```yaml\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    assert block is not None
    path = tmp_path / "readme.yaml"
    path.write_text(block.group(1), encoding="utf-8")
    mapping = load_mapping(path)
    fees = mapping.sheet("Fee ledger")
    assert fees is not None and fees.targets == ["fees"] and fees.header_rows == [4]
    log = mapping.sheet("Case log")
    assert log is not None and log.split and log.targets == ["workers", "fees"]
    lists = mapping.sheet("Lists")
    assert lists is not None and lists.ignore
