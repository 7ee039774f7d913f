"""The command line as a user meets it: exit codes, one-line errors, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from compliance.cli import main
from compliance.report.writers.json import schema_text

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
VIOLATIONS = SAMPLES / "agency-with-violations.xlsx"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_line_error(code: int, err: str, *fragments: str) -> None:
    assert code == 2
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err
    assert err.startswith("error: ")
    for fragment in fragments:
        assert fragment in err


def test_check_on_violations_sample_exits_1_and_writes_a_schema_valid_report(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out_file = tmp_path / "report.json"
    code, out, _ = run(capsys, "check", VIOLATIONS, "-o", out_file)
    assert code == 1
    assert "VIOLATION FR-FEE-001" in out
    report = json.loads(out_file.read_text(encoding="utf-8"))
    jsonschema.validate(report, json.loads(schema_text()))
    assert report["run"]["input_file"] == "agency-with-violations.xlsx"
    assert len(report["run"]["input_sha256"]) == 64
    assert report["summary"]["workers_checked"] == 14


def test_check_on_compliant_sample_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", SAMPLES / "compliant-agency.xlsx")
    assert code == 0
    assert "violations: 0," in out


def test_fail_on_critical_ignores_lesser_violations(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    # the compliant sample with one high-severity violation planted: exit 1 by default, 0 with --fail-on critical
    import samples.build as build

    rows = build.compliant_sample()
    rows["fees"].append(build.fee("W-201", "P", "placement_fee", 1000, "NPR", build.D(2024, 2, 3)))
    path = tmp_path / "one-high.xlsx"
    build.write(path, rows)
    assert run(capsys, "check", path, "-q")[0] == 1
    assert run(capsys, "check", path, "-q", "--fail-on", "critical")[0] == 0


def test_several_outputs_from_one_run(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    run(capsys, "check", VIOLATIONS, "-q", "-o", a, "-o", b, "--as-of", "2026-01-01")
    assert json.loads(a.read_text())["findings"] == json.loads(b.read_text())["findings"]


def test_missing_sheet_is_a_one_line_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.title = "workers"
    wb.active.append(["worker_id"])
    path = tmp_path / "partial.xlsx"
    wb.save(path)
    code, _, err = run(capsys, "check", path)
    assert_one_line_error(code, err, "missing required sheet", "agencies")


def test_missing_file_not_a_spreadsheet_and_bad_options_are_one_line_errors(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert_one_line_error(*run(capsys, "check", tmp_path / "nope.xlsx")[::2])
    fake = tmp_path / "fake.xlsx"
    fake.write_text("this is not a workbook")
    assert_one_line_error(*run(capsys, "check", fake)[::2])
    assert_one_line_error(*run(capsys, "check", VIOLATIONS, "--fail-on", "extreme")[::2])
    assert_one_line_error(*run(capsys, "check", VIOLATIONS, "--as-of", "23/11/2026")[::2], "--as-of")
    assert_one_line_error(*run(capsys, "check", VIOLATIONS, "-o", tmp_path / "r.pdf")[::2], "supported")
    assert_one_line_error(*run(capsys, "check")[::2])
    assert_one_line_error(*run(capsys, "frobnicate")[::2])


def test_unsupported_output_is_refused_before_any_work(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run(capsys, "check", VIOLATIONS, "-o", tmp_path / "r.json", "-o", tmp_path / "r.docx")
    assert_one_line_error(code, err, "r.docx")
    assert out == "" and not (tmp_path / "r.json").exists()


def test_broken_ruleset_is_a_one_line_error_naming_file_and_rule(capsys: pytest.CaptureFixture[str],
                                                                 tmp_path: Path) -> None:
    import shutil

    rs = tmp_path / "rs"
    shutil.copytree(ROOT / "rulesets" / "baseline", rs, ignore=shutil.ignore_patterns("tests"))
    text = (rs / "children.yaml").read_text(encoding="utf-8").replace("severity: critical", "sevrity: critical")
    (rs / "children.yaml").write_text(text, encoding="utf-8")
    code, _, err = run(capsys, "check", VIOLATIONS, "--ruleset", rs)
    assert_one_line_error(code, err, "children.yaml", "FR-CHD-001", "sevrity")


def test_rules_lists_every_rule(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rules")
    assert code == 0
    for rid in ("FR-FEE-001", "FR-DEBT-002", "FR-CON-006", "FR-DOC-002", "FR-AGY-002", "FR-CHD-001"):
        assert rid in out


def test_explain_shows_sources_with_confidence_remedy_and_caveat(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "explain", "fr-fee-014")
    assert code == 0
    assert "FR-FEE-014" in out and "Remedy:" in out and "Caveat:" in out
    assert "remediation_deadline_days = 90" in out
    # confidence in the user's words (issue 10), never "from memory" nor a path of the repository's surroundings
    assert "[checked against the official text]" in out and "[not yet checked against the official text]" in out
    assert "from memory" not in out and "shared/" not in out
    assert_one_line_error(*run(capsys, "explain", "FR-XYZ-999")[::2], "FR-XYZ-999")


def test_no_rule_explained_cites_a_repository_path_or_says_from_memory(capsys: pytest.CaptureFixture[str]) -> None:
    from compliance.rules.ruleset import load_ruleset
    for rule in load_ruleset().rules:
        code, out, _ = run(capsys, "explain", rule.id)
        assert code == 0
        assert "from memory" not in out, rule.id
        # the rule's own file in the ruleset ("Rule file: fees.yaml") is for users editing rules; nothing else
        assert not any(p in out for p in ("shared/", "../", "compliance/", "/work", "domain/")), rule.id


def test_template_writes_a_workbook_that_reads_cleanly_checks_nobody_and_is_not_overwritten(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "audit.xlsx"
    code, _, _ = run(capsys, "template", path)
    assert code == 0 and path.exists()
    code, out, err = run(capsys, "check", path)  # read without a problem, but a run that checked no one is no pass
    assert code == 2 and "Workers checked 0" in out and "nothing was checked" in err
    assert_one_line_error(*run(capsys, "template", path)[::2])


def test_schema_command_matches_the_published_schema(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "schema")
    assert code == 0
    published = (ROOT / "schema" / "report.schema.json").read_text(encoding="utf-8")
    assert out == published, "schema/report.schema.json is stale: run fairrecruit schema > schema/report.schema.json"


@pytest.mark.parametrize("entry", [["-m", "compliance"], [str(ROOT / "cli.py")]])
def test_python_m_compliance_and_cli_py_run_the_same_app(entry: list[str]) -> None:
    result = subprocess.run([sys.executable, *entry, "check", str(VIOLATIONS), "-q"], capture_output=True,
                            text=True, cwd=ROOT, timeout=300)
    assert result.returncode == 1, result.stderr
    bad = subprocess.run([sys.executable, *entry, "check", "missing.xlsx"], capture_output=True, text=True,
                         cwd=ROOT, timeout=300)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
