"""Outputs never destroy an input, are checked before any work, and are complete or absent; exit codes scripts
can trust (issue 9)."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

import samples.build as build
from compliance.cli import main
from compliance.report.output import TEMP_PREFIX

ROOT = Path(__file__).resolve().parent.parent
VIOLATIONS = ROOT / "samples" / "agency-with-violations.xlsx"


def run(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def assert_refused(code: int, err: str, *fragments: str) -> None:
    assert code == 2
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err
    assert err.startswith("error: ")
    for fragment in fragments:
        assert fragment in err, err


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(TEMP_PREFIX))


@pytest.fixture
def book(tmp_path: Path) -> Path:
    path = tmp_path / "x.xlsx"
    shutil.copy(VIOLATIONS, path)
    return path


# ---- the input is never written ----

def test_output_onto_the_input_workbook_is_refused_and_the_input_bytes_are_unchanged(
        capsys: pytest.CaptureFixture[str], book: Path) -> None:
    before = sha(book)
    assert_refused(*run(capsys, "check", book, "-o", book)[::2], "input workbook", "never overwritten")
    assert sha(book) == before


def test_output_through_a_symlink_to_the_input_is_refused(capsys: pytest.CaptureFixture[str], book: Path) -> None:
    link = book.parent / "link.xlsx"
    link.symlink_to(book)
    before = sha(book)
    assert_refused(*run(capsys, "check", book, "-o", link)[::2], "input workbook")
    assert sha(book) == before and link.is_symlink()


def test_output_through_dot_dot_to_the_input_is_refused(capsys: pytest.CaptureFixture[str], book: Path) -> None:
    (book.parent / "sub").mkdir()
    before = sha(book)
    assert_refused(*run(capsys, "check", book, "-o", book.parent / "sub" / ".." / "x.xlsx")[::2], "input workbook")
    assert sha(book) == before


def test_output_to_a_hard_link_or_a_name_differing_only_in_case_is_refused(
        capsys: pytest.CaptureFixture[str], book: Path) -> None:
    hard = book.parent / "hard.xlsx"
    os.link(book, hard)
    before = sha(book)
    assert_refused(*run(capsys, "check", book, "-o", hard)[::2], "input workbook")
    # on a case-insensitive file system X.XLSX is the input; it is refused on every file system
    assert_refused(*run(capsys, "check", book, "-o", book.parent / "X.XLSX")[::2], "input workbook")
    assert sha(book) == before


def test_output_inside_a_csv_folder_input_is_refused_and_no_sheet_is_replaced(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    folder = tmp_path / "export"
    folder.mkdir()
    for name in ("workers", "agencies", "fees"):
        (folder / f"{name}.csv").write_text(f"{name}_id\nX-1\n", encoding="utf-8")
    before = {p.name: sha(p) for p in folder.iterdir()}
    assert_refused(*run(capsys, "check", folder, "-o", folder / "workers.csv")[::2], "inside the input folder")
    assert_refused(*run(capsys, "check", folder, "-o", folder / "report.json")[::2], "inside the input folder")
    link = tmp_path / "alias"
    link.symlink_to(folder)
    assert_refused(*run(capsys, "check", folder, "-o", link / "fees.csv")[::2], "inside the input folder")
    assert {p.name: sha(p) for p in folder.iterdir()} == before


def test_output_onto_the_mapping_file_or_into_the_ruleset_folder_is_refused(
        capsys: pytest.CaptureFixture[str], book: Path, tmp_path: Path) -> None:
    mapping = tmp_path / "mapping.json"
    mapping.write_text("{}", encoding="utf-8")
    assert_refused(*run(capsys, "check", book, "--map", mapping, "-o", mapping)[::2], "the mapping file")
    assert mapping.read_text(encoding="utf-8") == "{}"
    rules = tmp_path / "rules"
    rules.mkdir()
    assert_refused(*run(capsys, "check", book, "--ruleset", rules, "-o", rules / "r.md")[::2], "ruleset folder")
    assert not (rules / "r.md").exists()


def test_map_command_never_writes_its_mapping_over_an_input(capsys: pytest.CaptureFixture[str],
                                                            tmp_path: Path) -> None:
    folder = tmp_path / "export"
    folder.mkdir()
    (folder / "workers.csv").write_text("worker_id\nW-1\n", encoding="utf-8")
    assert_refused(*run(capsys, "map", folder, "-o", folder / "mapping.yaml")[::2], "inside the input folder")
    assert sorted(p.name for p in folder.iterdir()) == ["workers.csv"]


# ---- outputs checked before any work ----

def test_two_outputs_that_are_one_file_are_refused_before_reading(capsys: pytest.CaptureFixture[str],
                                                                  tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    a = tmp_path / "a.json"
    # the input does not exist: the refusal is about the outputs, so it came before reading
    code, _, err = run(capsys, "check", tmp_path / "missing.xlsx", "-o", a, "-o", tmp_path / "sub" / ".." / "a.json")
    assert_refused(code, err, "are the same file")
    assert not a.exists() and leftovers(tmp_path) == []


def test_a_read_only_target_fails_fast_before_the_workbook_is_read(capsys: pytest.CaptureFixture[str],
                                                                   tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    target.write_text("old", encoding="utf-8")
    target.chmod(stat.S_IRUSR | stat.S_IRGRP)
    try:
        code, _, err = run(capsys, "check", tmp_path / "missing.xlsx", "-o", tmp_path / "ok.md", "-o", target)
    finally:
        target.chmod(stat.S_IRUSR | stat.S_IWUSR)
    assert_refused(code, err, "report.json", "read-only")
    assert target.read_text(encoding="utf-8") == "old"
    assert not (tmp_path / "ok.md").exists() and leftovers(tmp_path) == []


@pytest.mark.parametrize("name, fragment", [("a-folder.json", "is a folder"), ("nowhere/r.json", "does not exist")])
def test_a_folder_as_target_or_a_missing_folder_is_refused_before_reading(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str, fragment: str) -> None:
    (tmp_path / "a-folder.json").mkdir()
    assert_refused(*run(capsys, "check", tmp_path / "missing.xlsx", "-o", tmp_path / name)[::2], fragment)


# ---- complete or absent ----

def test_a_failing_writer_costs_only_its_own_report(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    import compliance.report.writers.xlsx as xlsx

    def broken(report: object, path: Path, catalog: object) -> None:
        path.write_bytes(b"half a workbook")
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(xlsx, "write_xlsx", broken)
    old = tmp_path / "r.xlsx"
    old.write_bytes(b"last month's report")
    code, _, err = run(capsys, "check", VIOLATIONS, "-q", "-o", tmp_path / "r.json", "-o", old,
                       "-o", tmp_path / "r.md")
    assert_refused(code, err, "could not write", "r.xlsx", "disk on fire", "the other reports were written")
    assert "r.json" not in err and "r.md" not in err
    assert json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["summary"]["workers_checked"] == 14
    assert (tmp_path / "r.md").stat().st_size > 500
    assert old.read_bytes() == b"last month's report"
    assert leftovers(tmp_path) == []


def test_a_run_that_fails_reading_leaves_no_report_and_keeps_the_old_one(capsys: pytest.CaptureFixture[str],
                                                                        tmp_path: Path) -> None:
    bad = tmp_path / "broken.xlsx"
    bad.write_bytes(b"not a zip at all")
    old = tmp_path / "r.json"
    old.write_text("old", encoding="utf-8")
    code, _, err = run(capsys, "check", bad, "-o", old, "-o", tmp_path / "r.html")
    assert code == 2 and "Traceback" not in err
    assert old.read_text(encoding="utf-8") == "old"
    assert not (tmp_path / "r.html").exists() and leftovers(tmp_path) == []


def test_an_interruption_while_writing_leaves_none_of_the_runs_reports(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import compliance.report.writers.markdown as markdown

    def interrupted(report: object, path: Path, catalog: object) -> None:
        path.write_text("# half", encoding="utf-8")
        raise KeyboardInterrupt

    monkeypatch.setattr(markdown, "write_markdown", interrupted)
    old = tmp_path / "r.json"
    old.write_text("old", encoding="utf-8")
    code, _, err = run(capsys, "check", VIOLATIONS, "-q", "-o", old, "-o", tmp_path / "r.md")
    assert code not in (0, 1) and "Traceback" not in err  # the command line reports an interruption as 130
    assert old.read_text(encoding="utf-8") == "old"  # written to a temporary file, never renamed in
    assert not (tmp_path / "r.md").exists() and leftovers(tmp_path) == []


def test_a_new_report_gets_the_permissions_of_a_new_file_not_of_a_temporary_one(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        assert main(["check", str(VIOLATIONS), "-q", "-o", str(tmp_path / "r.json")]) == 1
    finally:
        os.umask(umask)
    assert stat.S_IMODE((tmp_path / "r.json").stat().st_mode) == 0o644


def test_a_symlink_given_as_output_has_its_target_replaced(tmp_path: Path) -> None:
    real = tmp_path / "reports" / "r.json"
    real.parent.mkdir()
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "latest.json"
    link.symlink_to(real)
    assert main(["check", str(VIOLATIONS), "-q", "-o", str(link)]) == 1
    assert link.is_symlink() and json.loads(real.read_text(encoding="utf-8"))["summary"]["workers_checked"] == 14


# ---- exit codes ----

def _header_only_workers(tmp_path: Path) -> Path:
    rows = build.violations_sample()
    rows["workers"] = []
    path = tmp_path / "no-workers.xlsx"
    build.write(path, rows)
    return path


def test_a_run_that_checked_no_worker_exits_2_and_still_writes_the_reports(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    report = tmp_path / "why.json"
    code, _, err = run(capsys, "check", _header_only_workers(tmp_path), "-q", "-o", report)
    assert_refused(code, err, "nothing was checked", "input problems in the reports written say why")
    written = json.loads(report.read_text(encoding="utf-8"))
    assert written["summary"]["workers_checked"] == 0 and written["input_problems"]


def test_a_run_whose_every_worker_row_is_rejected_exits_2(capsys: pytest.CaptureFixture[str],
                                                          tmp_path: Path) -> None:
    rows = build.compliant_sample()
    for w in rows["workers"]:
        w["worker_id"] = None  # a row without its id cannot be checked
    path = tmp_path / "ids-missing.xlsx"
    build.write(path, rows)
    code, out, err = run(capsys, "check", path)
    assert_refused(code, err, "nothing was checked", f"none of the {len(rows['workers'])} worker rows",
                   "the list above")
    assert "Workers checked 0" in out


def test_a_checked_compliant_workbook_exits_0_and_violations_exit_1(capsys: pytest.CaptureFixture[str],
                                                                    tmp_path: Path) -> None:
    assert run(capsys, "check", ROOT / "samples" / "compliant-agency.xlsx", "-q")[0] == 0
    assert run(capsys, "check", VIOLATIONS, "-q", "-o", tmp_path / "r.json")[0] == 1


def test_the_exit_code_of_nothing_checked_reaches_a_script(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, str(ROOT / "cli.py"), "check", str(_header_only_workers(tmp_path)),
                             "-q", "-o", str(tmp_path / "r.md")], capture_output=True, text=True, timeout=300)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1 and "nothing was checked" in result.stderr
    assert (tmp_path / "r.md").exists()


# ---- names that are not UTF-8 ----

@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="these file systems store names as Unicode")
def test_an_output_name_with_a_non_utf8_byte_is_written_and_shown_escaped(tmp_path: Path) -> None:
    name = os.fsdecode(b"r\xff.json")
    result = subprocess.run([sys.executable, str(ROOT / "cli.py"), "check", str(VIOLATIONS), "-o",
                             os.fsencode(tmp_path) + b"/r\xff.json"], capture_output=True, timeout=300)
    assert result.returncode == 1, result.stderr
    assert b"Traceback" not in result.stderr and b"r\\xff.json" in result.stdout
    assert json.loads((tmp_path / name).read_text(encoding="utf-8"))["summary"]["workers_checked"] == 14
    bad = subprocess.run([sys.executable, str(ROOT / "cli.py"), "check", str(VIOLATIONS), "-o",
                          os.fsencode(tmp_path) + b"/nowhere\xfe/r\xff.json"], capture_output=True, timeout=300)
    assert bad.returncode == 2 and b"Traceback" not in bad.stderr
    assert bad.stderr.count(b"\n") == 1 and b"nowhere\\xfe" in bad.stderr


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="these file systems store names as Unicode")
def test_a_non_utf8_output_name_in_process_is_a_path_not_a_crash(capsys: pytest.CaptureFixture[str],
                                                                 book: Path) -> None:
    target = book.parent / os.fsdecode(b"\xe9t\xe9.md")
    code, out, _ = run(capsys, "check", book, "-o", target)
    assert code == 1 and target.exists() and "\\xe9t\\xe9.md" in out
    assert_refused(*run(capsys, "check", book, "-o", book.parent / os.fsdecode(b"x\xff.txt"))[::2], "x\\xff.txt")
